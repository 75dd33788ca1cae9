/* bk-projects-page.h: digital projects at a glance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BK_TYPE_PROJECTS_PAGE (bk_projects_page_get_type ())
G_DECLARE_FINAL_TYPE (BkProjectsPage, bk_projects_page, BK, PROJECTS_PAGE, GtkWidget)

GtkWidget *bk_projects_page_new (void);

G_END_DECLS
