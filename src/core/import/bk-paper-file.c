/* bk-paper-file.c: a council paper's own file read into a motion
 *
 * The paper reader (bk-paper-reader.h) reads text, Markdown, HTML and PDF
 * (with text recognition for scanned pages). The server's MIME type
 * chooses the format where it names one; a generic type
 * (application/octet-stream, which SD.NET also spells
 * application/octetstream) or none leaves it to the file's first bytes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-import"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "bk-error.h"
#include "bk-paper-file.h"
#include "bk-paper-reader.h"

/* The type without parameters, in lower case; NULL for none. */
static char *
bare_type (const char *mime_type)
{
  const char *semicolon;
  char *type;

  if (mime_type == NULL)
    return NULL;
  semicolon = strchr (mime_type, ';');
  type = g_ascii_strdown (mime_type, semicolon ? semicolon - mime_type : -1);
  return g_strstrip (type);
}

static gboolean
is_generic (const char *type)
{
  return type == NULL || *type == '\0' || g_str_equal (type, "application/octet-stream") ||
         g_str_equal (type, "application/octetstream") || g_str_equal (type, "binary/octet-stream") ||
         g_str_equal (type, "application/force-download");
}

/* The reader's format for a type; FALSE for a type that is no paper. */
static gboolean
format_of_type (const char    *type,
                BkPaperFormat *format)
{
  if (is_generic (type))
    *format = BK_PAPER_FORMAT_AUTO;
  else if (g_str_equal (type, "application/pdf") || g_str_equal (type, "application/x-pdf"))
    *format = BK_PAPER_FORMAT_PDF;
  else if (g_str_equal (type, "text/html") || g_str_equal (type, "application/xhtml+xml"))
    *format = BK_PAPER_FORMAT_HTML;
  else if (g_str_has_prefix (type, "text/"))
    *format = BK_PAPER_FORMAT_AUTO;   /* text, or a PDF or page labelled text */
  else
    return FALSE;
  return TRUE;
}

gboolean
bk_import_can_read_paper_type (const char *mime_type)
{
  g_autofree char *type = bare_type (mime_type);
  BkPaperFormat format;

  return format_of_type (type, &format);
}

BkMotion *
bk_import_read_paper_file (const char *data,
                           gsize       len,
                           const char *mime_type,
                           const char *name,
                           GError    **error)
{
  g_autofree char *type = bare_type (mime_type);
  BkPaperFormat format = BK_PAPER_FORMAT_AUTO;

  g_return_val_if_fail (data != NULL || len == 0, NULL);
  if (name == NULL)
    name = "<file>";

  if (!format_of_type (type, &format))
    {
      g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                   _("%s: the file is of a kind the kiosk cannot read (%s)"), name, type);
      return NULL;
    }
  if (format == BK_PAPER_FORMAT_AUTO)
    format = bk_paper_detect_format (NULL, data, len);
  /* what is left for the text reader must be text, not an image or an
   * office document sent as octet-stream */
  if (format == BK_PAPER_FORMAT_TEXT && memchr (data, '\0', len) != NULL)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                   _("%s: the file is of a kind the kiosk cannot read (%s)"), name,
                   type != NULL ? type : _("unknown"));
      return NULL;
    }
  return bk_paper_read_data (data, len, name, format, error);
}
