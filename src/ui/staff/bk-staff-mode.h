/* bk-staff-mode.h: the way into staff mode and out of it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "bk-context.h"
#include "bk-staff-page.h"

G_BEGIN_DECLS

#define BK_TYPE_STAFF_MODE (bk_staff_mode_get_type ())
G_DECLARE_FINAL_TYPE (BkStaffMode, bk_staff_mode, BK, STAFF_MODE, GObject)

/* For window (it owns the staff mode), its staff page and the marked
 * "Staff" corner. The PIN panel is shown in layer, an overlay over all of
 * the window's content; while it is shown that content takes neither the
 * focus nor touches. It opens the page with the window's action
 * win.show-staff and leaves with win.home. */
BkStaffMode *bk_staff_mode_new          (GtkWindow   *window,
                                         GtkOverlay  *layer,
                                         BkContext   *context,
                                         BkStaffPage *page,
                                         GtkWidget   *staff_button);
/* Ctrl+Alt+S or the held corner: the PIN dialog, or the page if open. */
void         bk_staff_mode_request      (BkStaffMode *self);
gboolean     bk_staff_mode_is_open      (BkStaffMode *self);
/* The window showed page: any other page than "staff" closes staff mode. */
void         bk_staff_mode_page_shown   (BkStaffMode *self,
                                         const char  *page);

G_END_DECLS
