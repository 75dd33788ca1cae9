/* bk-motion-list-page-private.h: for tests only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-motion-list-page.h"

G_BEGIN_DECLS

GtkDropDown       *bk_motion_list_page_get_body_filter  (BkMotionListPage *self);
const char        *bk_motion_list_page_get_count_text   (BkMotionListPage *self);
const char        *bk_motion_list_page_get_empty_text   (BkMotionListPage *self);
GtkDropDown       *bk_motion_list_page_get_faction_filter (BkMotionListPage *self);
GtkWidget         *bk_motion_list_page_get_list_view    (BkMotionListPage *self);
BkMotionListModel *bk_motion_list_page_get_model        (BkMotionListPage *self);
/* For tests */
GtkWidget         *bk_motion_list_page_get_search_entry (BkMotionListPage *self);
GtkDropDown       *bk_motion_list_page_get_status_filter (BkMotionListPage *self);
gboolean           bk_motion_list_page_is_empty_shown   (BkMotionListPage *self);
gboolean           bk_motion_list_page_is_list_shown    (BkMotionListPage *self);

G_END_DECLS
