/* bk-staff-tasks.h: what staff mode does with files
 *
 * Import and export folders for staff mode.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-store.h"

G_BEGIN_DECLS

/* What staff mode does with files: no file chooser on a kiosk, only the
 * configured folders ("import-folder", "export-folder"). */

/* folder, or when NULL or "" $XDG_DATA_HOME/buergerkiosk/<name>. */
char      *bk_staff_resolve_folder     (const char  *folder,
                                        const char  *name);
/* The names of the regular, not hidden files in folder, and of its folders
 * with an XZuFi index.txt (with a "/" at the end), sorted; an empty array
 * when the folder does not exist. */
GPtrArray *bk_staff_list_import_files  (const char  *folder);
/* Writes every submission not exported yet to
 * folder/submissions-YYYYMMDD-HHMMSS.json (0600; the folder is made 0700)
 * and marks them exported, in one transaction: when the file cannot be
 * written nothing is marked. With none to export no file is written. count
 * and path (may be NULL) receive how many and the file. now NULL: now. */
gboolean   bk_staff_export_submissions (BkStore     *store,
                                        const char  *folder,
                                        GDateTime   *now,
                                        guint       *count,
                                        char       **path,
                                        GError     **error);

G_END_DECLS
