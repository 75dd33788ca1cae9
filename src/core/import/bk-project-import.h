/* bk-project-import.h: the digital projects' JSON format (README, "Project JSON")
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-project.h"
#include "bk-store.h"

G_BEGIN_DECLS

/* Largest project JSON file accepted, in bytes. */
#define BK_PROJECT_MAX_SIZE (4 * 1024 * 1024)

/* TRUE when data looks like a project document: a top-level "projects"
 * member. A quick scan that does not parse the document. */
gboolean   bk_project_import_sniff (const char  *data,
                                    gsize        len);

/* Parses {"version": 1, "projects": [ … ]} without storing anything. Errors
 * name the file (name), the JSON path and the problem: "vorhaben.json:
 * $.projects[2].status: expected one of planned, in-progress, done, paused".
 * Returns BkProject*. */
GPtrArray *bk_project_import_parse (const char  *data,
                                    gsize        len,
                                    const char  *name,
                                    GError     **error);

/* Parses the whole file, then saves every project (replacing one with the
 * same id) in the caller's transaction; count (may be NULL) receives how
 * many. Nothing is saved when the file has an error. */
gboolean   bk_project_import_data  (BkStore     *store,
                                    const char  *data,
                                    gsize        len,
                                    const char  *name,
                                    guint       *count,
                                    GError     **error);

G_END_DECLS
