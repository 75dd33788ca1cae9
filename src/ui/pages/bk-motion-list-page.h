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


G_END_DECLS
