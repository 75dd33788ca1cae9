/* bk-paper-file.c: a council paper's own file read into a motion
 *
 * The kind of file is decided by its first bytes where the server's MIME
 * type is generic (application/octet-stream, which SD.NET also spells
 * application/octetstream). PDF and HTML are the reader branch's (issue 11);
 * until it lands they are "not readable yet", which the kiosk says plainly.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-import"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "bk-error.h"
#include "bk-paper-file.h"
#include "bk-text-parser.h"

typedef enum {
  KIND_TEXT,
  KIND_PDF,
  KIND_HTML,
  KIND_OTHER,
} Kind;

static Kind
kind_of (const char *data,
         gsize       len,
         const char *mime_type)
{
  g_autofree char *type = NULL;

  if (len >= 5 && memcmp (data, "%PDF-", 5) == 0)
    return KIND_PDF;
  if (mime_type != NULL)
    {
      const char *semicolon = strchr (mime_type, ';');

      type = g_ascii_strdown (mime_type, semicolon ? semicolon - mime_type : -1);
      g_strstrip (type);
    }
  if (type != NULL && (g_str_equal (type, "application/pdf")))
    return KIND_PDF;
  if (type != NULL && (g_str_equal (type, "text/html") || g_str_equal (type, "application/xhtml+xml")))
    return KIND_HTML;
  if (type == NULL || g_str_has_prefix (type, "text/") || g_str_equal (type, "application/octet-stream") ||
      g_str_equal (type, "application/octetstream"))
    {
      /* text when it is UTF-8 without NUL bytes */
      if (memchr (data, '\0', len) == NULL && g_utf8_validate (data, (gssize) len, NULL))
        return KIND_TEXT;
    }
  return KIND_OTHER;
}

gboolean
bk_import_can_read_paper_type (const char *mime_type)
{
  return mime_type == NULL || g_str_has_prefix (mime_type, "text/plain") ||
         g_str_has_prefix (mime_type, "text/markdown") ||
         g_str_has_prefix (mime_type, "application/octet");
}

BkMotion *
bk_import_read_paper_file (const char *data,
                           gsize       len,
                           const char *mime_type,
                           const char *name,
                           GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  BkMotion *motion;

  g_return_val_if_fail (data != NULL || len == 0, NULL);
  if (name == NULL)
    name = "<file>";

  switch (kind_of (data, len, mime_type))
    {
    case KIND_TEXT:
      motion = bk_text_parser_parse (data, (gssize) len, &local_error);
      if (motion == NULL)
        {
          g_set_error (error, local_error->domain, local_error->code, "%s: %s", name, local_error->message);
          return NULL;
        }
      return motion;
    case KIND_PDF:
      g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                   _("%s: PDF files cannot be read by this version of the kiosk yet"), name);
      return NULL;
    case KIND_HTML:
      g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                   _("%s: web pages cannot be read by this version of the kiosk yet"), name);
      return NULL;
    case KIND_OTHER:
    default:
      g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                   _("%s: the file is of a kind the kiosk cannot read (%s)"), name,
                   mime_type != NULL ? mime_type : _("unknown"));
      return NULL;
    }
}
