/* bk-projects-page-private.h: for tests only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-projects-page.h"

G_BEGIN_DECLS

GtkWidget  *bk_projects_page_get_search_entry (BkProjectsPage *self);
/* How many projects are shown. */
guint       bk_projects_page_get_n_shown      (BkProjectsPage *self);
/* The heading of the project with this id, NULL when it is not shown. */
GtkWidget  *bk_projects_page_get_heading      (BkProjectsPage *self,
                                               const char     *id);
GtkWidget  *bk_projects_page_get_read_button  (BkProjectsPage *self);

G_END_DECLS
