/* libFuzzer target: the parser must never crash, hang or leak on any bytes. */
#include <stddef.h>
#include <stdint.h>

#include "bk-text-parser.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BkMotion) m = NULL;

  if (size > 256 * 1024)
    return 0;
  m = bk_text_parser_parse ((const char *) data, (gssize) size, &error);
  return 0;
}
