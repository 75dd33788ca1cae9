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

/* For window (the PIN dialog's parent; it owns the staff mode), its staff
 * page and the marked "Staff" corner. It opens the page with the window's
 * action win.show-staff and leaves with win.home. */
BkStaffMode *bk_staff_mode_new          (GtkWindow   *window,
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
