/* bk-import.h: one file or folder into the store, whatever its format
 *
 * The import that the CLI and staff mode use.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-store.h"

G_BEGIN_DECLS

typedef enum {
  BK_IMPORT_FORMAT_AUTO,
  BK_IMPORT_FORMAT_TEXT,   /* a paper: text, Markdown, HTML or PDF (bk-paper-reader.h) */
  BK_IMPORT_FORMAT_OPARL,  /* OParl JSON */
  BK_IMPORT_FORMAT_SERVICES, /* service catalogue JSON (bk-service-import.h) */
  BK_IMPORT_FORMAT_XZUFI,  /* XZuFi 2.2 service descriptions (bk-xzufi.h) */
  BK_IMPORT_FORMAT_PROJECTS, /* digital projects JSON (bk-project-import.h) */
} BkImportFormat;

/* Imports one file in its own transaction: all of it, or nothing of it.
 * A folder imports every *.json OParl file in it, in one transaction; a
 * folder with an index.txt (or that index.txt itself) is an XZuFi
 * publication, imported whole. JSON with a top-level "services" member or
 * "type": "buergerkiosk:Service" is a service catalogue, other JSON OParl;
 * XML in the XZuFi namespace (or any *.xml) is read as XZuFi.
 * Errors are prefixed with the path. summary (may be NULL) receives a
 * one-line description of what was imported. */
gboolean bk_import_file (BkStore        *store,
                         const char     *path,
                         BkImportFormat  format,
                         char          **summary,
                         GError        **error);

/* The same; warnings (may be NULL) receives what the paper reader could not
 * find or was unsure of, one sentence each, for the clerk (NULL when the
 * file was no paper or nothing was imported); notes (may be NULL: then they
 * go to the journal) receives what an XZuFi import left out and why, one
 * line each (char*). */
gboolean bk_import_file_full (BkStore        *store,
                              const char     *path,
                              BkImportFormat  format,
                              char          **summary,
                              GStrv          *warnings,
                              GPtrArray      *notes,
                              GError        **error);

/* Reads a file for a parser: refuses non-regular files, files above max_size
 * (BK_ERROR_TOO_LARGE) and unreadable ones, with the path in the message. */
/* The papers (.txt, .md, .html, .htm, .pdf) of a folder that holds no
 * OParl JSON and no XZuFi publication, sorted by name: such a folder is a
 * pile of papers, each imported on its own. NULL for any other folder. */
GPtrArray *bk_import_list_paper_folder (const char *path);

gboolean bk_import_read_file (const char  *path,
                              gsize        max_size,
                              char       **contents,
                              gsize       *length,
                              GError     **error);

G_END_DECLS
