/* bk-staff-page-private.h: for tests only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-staff-page.h"

G_BEGIN_DECLS

/* The council information systems (bk-sync-panel.h) */
GtkWidget  *bk_staff_page_get_sync_panel   (BkStaffPage *self);
/* The BkStatsChart widgets */
GPtrArray  *bk_staff_page_get_charts       (BkStaffPage *self);
GtkWidget  *bk_staff_page_get_export_button (BkStaffPage *self);
/* The BkStaffOutbox */
GtkWidget  *bk_staff_page_get_outbox_view  (BkStaffPage *self);
const char *bk_staff_page_get_export_status (BkStaffPage *self);
GtkWidget  *bk_staff_page_get_import_list  (BkStaffPage *self);
const char *bk_staff_page_get_import_status (BkStaffPage *self);
/* TRUE while an import runs in its thread */
gboolean    bk_staff_page_is_importing     (BkStaffPage *self);
/* The cards of the motions to check (bk-staff-review.c) */
GtkWidget  *bk_staff_page_get_review_list  (BkStaffPage *self);

G_END_DECLS
