#include "bk-text-parser.h"
#include "bk-error.h"

BkMotion *
bk_text_parser_parse (const char *text, gssize len, GError **error)
{
  g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT, "not written yet");
  return NULL;
}
