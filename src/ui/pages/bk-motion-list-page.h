/* bk-motion-list-page.h: search and browse the council motions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bk-motion-list-model.h"
#include "bk-store.h"

G_BEGIN_DECLS

#define BK_TYPE_MOTION_LIST_PAGE (bk_motion_list_page_get_type ())
G_DECLARE_FINAL_TYPE (BkMotionListPage, bk_motion_list_page, BK, MOTION_LIST_PAGE, GtkWidget)

GtkWidget         *bk_motion_list_page_new              (void);
BkMotionListModel *bk_motion_list_page_get_model        (BkMotionListPage *self);

/* For tests */
GtkWidget         *bk_motion_list_page_get_search_entry (BkMotionListPage *self);
GtkWidget         *bk_motion_list_page_get_list_view    (BkMotionListPage *self);
GtkDropDown       *bk_motion_list_page_get_body_filter  (BkMotionListPage *self);
GtkDropDown       *bk_motion_list_page_get_faction_filter (BkMotionListPage *self);
GtkDropDown       *bk_motion_list_page_get_status_filter (BkMotionListPage *self);
const char        *bk_motion_list_page_get_count_text   (BkMotionListPage *self);
gboolean           bk_motion_list_page_is_empty_shown   (BkMotionListPage *self);
const char        *bk_motion_list_page_get_empty_text   (BkMotionListPage *self);

G_END_DECLS
