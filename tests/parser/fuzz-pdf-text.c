/* fuzz-pdf-text.c: libFuzzer target for the text after PDF extraction
 *
 * The bytes are pages (split at form feeds) as poppler would hand them
 * over; they are joined as a PDF's pages are (running headers, footers and
 * page numbers out, hyphenated words joined) and read as a paper. Poppler
 * itself is fuzzed by its own project.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "bk-pdf-text.h"
#include "bk-text-parser.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BkMotion) m = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) pages = NULL;

  if (size > 256 * 1024 || memchr (data, '\0', size) != NULL)
    return 0;
  copy = g_strndup ((const char *) data, size);
  pages = g_strsplit (copy, "\f", 64);
  text = bk_pdf_text_assemble ((const char *const *) pages, g_strv_length (pages));
  m = bk_text_parser_parse (text, -1, &error);
  return 0;
}
