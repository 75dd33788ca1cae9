/* bk-pdf-text.h: the text of a council paper's PDF (poppler, Tesseract for scans)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  guint n_pages;
  GArray *ocr_pages;      /* guint, from 1: pages read by text recognition */
  GArray *failed_pages;   /* guint, from 1: pages without text that could not be read */
} BkPdfTextInfo;

void      bk_pdf_text_info_clear (BkPdfTextInfo     *info);

/* TRUE when data is a PDF ("%PDF-" near the start). */
gboolean  bk_pdf_text_sniff      (const char        *data,
                                  gsize              len);
/* The document's text for the paper reader. Fails with
 * BK_ERROR_INVALID_INPUT when the PDF is encrypted, damaged, has no pages
 * or no text that could be read; the message does not name the file,
 * callers prefix it. info receives the pages and which were scans; clear it
 * with bk_pdf_text_info_clear () whatever the result. */
char     *bk_pdf_text_extract    (const char        *data,
                                  gsize              len,
                                  BkPdfTextInfo     *info,
                                  GError           **error);
/* The pages' texts (lines separated by '\n', a blank line between
 * paragraphs) as one text: running headers, footers and page numbers at the
 * top or bottom of the pages taken out, hyphenated words joined. */
char     *bk_pdf_text_assemble   (const char *const *pages,
                                  guint              n_pages);

G_END_DECLS
