/* bk-store-projects.h: digital projects and the council papers behind them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-project.h"
#include "bk-store.h"

G_BEGIN_DECLS

/* Inserts, or replaces the project with the same id (its papers too), in
 * the caller's transaction if there is one. */
gboolean    bk_store_save_project      (BkStore          *self,
                                        const BkProject  *project,
                                        GError          **error);
/* NULL with error BK_ERROR_NOT_FOUND when there is none. */
BkProject  *bk_store_load_project      (BkStore          *self,
                                        const char       *id,
                                        GError          **error);
guint       bk_store_count_projects    (BkStore          *self);
/* Every project (BkProject), the running ones first, then planned, paused,
 * done; by title within. */
GPtrArray  *bk_store_list_projects     (BkStore          *self,
                                        GError          **error);
/* The projects whose words match query (as the motion search: word starts,
 * German endings), titles first; all of them for an empty query. */
GPtrArray  *bk_store_search_projects   (BkStore          *self,
                                        const char       *query,
                                        GError          **error);
/* The projects that name the paper with this reference; an empty array
 * for none or a NULL reference. */
GPtrArray  *bk_store_list_projects_for_reference (BkStore    *self,
                                                  const char *reference,
                                                  GError    **error);

G_END_DECLS
