/* fuzz-html-text.c: libFuzzer target for pages saved from the web
 *
 * Any bytes as an HTML page, then its text through the paper reader: neither
 * may crash, hang or leak.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stddef.h>
#include <stdint.h>

#include "bk-html-text.h"
#include "bk-text-parser.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BkMotion) m = NULL;
  g_autofree char *text = NULL;

  if (size > 256 * 1024)
    return 0;
  text = bk_html_text_extract ((const char *) data, size, &error);
  if (text != NULL)
    m = bk_text_parser_parse (text, -1, &error);
  return 0;
}
