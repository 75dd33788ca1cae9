/* bk-pdf.h: small edits to finished PDF files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Sets the document language (/Lang in the Catalog, PDF 1.7 §14.9.2) of the
 * PDF at path, as EN 301 549 5.4 and PDF/UA ask; cairo before 1.18 cannot.
 * Appends an incremental update (§7.5.6): a new Catalog with the old entries
 * plus /Lang, its xref section and a trailer with /Prev, so the original
 * bytes stay an unchanged prefix. The file is replaced atomically.
 *
 * lang is a BCP 47 tag such as "de" or "de-AT" (letters, digits, '-').
 * Only classic xref tables are understood (what cairo writes); an xref
 * stream or an encrypted file is a G_IO_ERROR_NOT_SUPPORTED, a bad lang or
 * a file that is not a PDF BK_ERROR_INVALID_INPUT, a missing trailer or
 * catalog BK_ERROR_CORRUPT. Every message names the file. */
gboolean bk_pdf_set_language     (const char  *path,
                                  const char  *lang,
                                  GError     **error);

/* TRUE when lang looks like a BCP 47 tag: a primary subtag of 2–8 letters,
 * then subtags of 1–8 letters or digits, joined by '-'. */
gboolean bk_pdf_language_is_valid (const char *lang);

G_END_DECLS
