/* bk-staff-page.h: staff mode (the stack page "staff")
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "bk-settings.h"
#include "bk-store.h"

G_BEGIN_DECLS

#define BK_TYPE_STAFF_PAGE (bk_staff_page_get_type ())
G_DECLARE_FINAL_TYPE (BkStaffPage, bk_staff_page, BK, STAFF_PAGE, GtkWidget)

/* Signals: "done" (Back to the kiosk) and "quit" (Quit the kiosk). */

/* Staff mode only: the page refuses to show while locked. */
void        bk_staff_page_set_unlocked (BkStaffPage *self,
                                        gboolean     unlocked);
gboolean    bk_staff_page_get_unlocked (BkStaffPage *self);
/* Reads the import folder and the statistics again. */
void        bk_staff_page_refresh      (BkStaffPage *self);


G_END_DECLS
