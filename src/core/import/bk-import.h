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
} BkImportFormat;

/* Imports one file in its own transaction: all of it, or nothing of it.
 * A folder imports every *.json OParl file in it, in one transaction.
 * JSON with a top-level "services" member or "type": "buergerkiosk:Service"
 * is a service catalogue, other JSON OParl.
 * Errors are prefixed with the path. summary (may be NULL) receives a
 * one-line description of what was imported. */
gboolean bk_import_file (BkStore        *store,
                         const char     *path,
                         BkImportFormat  format,
                         char          **summary,
                         GError        **error);

/* The same; warnings (may be NULL) receives what the paper reader could not
 * find or was unsure of, one sentence each, for the clerk (NULL when the
 * file was no paper or nothing was imported). */
gboolean bk_import_file_full (BkStore        *store,
                              const char     *path,
                              BkImportFormat  format,
                              char          **summary,
                              GStrv          *warnings,
                              GError        **error);

/* Reads a file for a parser: refuses non-regular files, files above max_size
 * (BK_ERROR_TOO_LARGE) and unreadable ones, with the path in the message. */
gboolean bk_import_read_file (const char  *path,
                              gsize        max_size,
                              char       **contents,
                              gsize       *length,
                              GError     **error);

G_END_DECLS
