/* bk-home-page.h: the start screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BK_TYPE_HOME_PAGE (bk_home_page_get_type ())
G_DECLARE_FINAL_TYPE (BkHomePage, bk_home_page, BK, HOME_PAGE, GtkWidget)

GtkWidget *bk_home_page_new              (void);

G_END_DECLS
