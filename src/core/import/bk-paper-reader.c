/* bk-paper-reader.c: a council paper from a file: text, Markdown, HTML or PDF
 *
 * One door for every kind of file a clerk or an OParl system hands over:
 * the format is told by the name and the first bytes, HTML and PDF become
 * text (bk-html-text.c, bk-pdf-text.c), and the text reader does the rest.
 * Every error names the file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-import"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "bk-error.h"
#include "bk-html-text.h"
#include "bk-paper-reader.h"
#include "bk-pdf-text.h"
#include "bk-text-parser.h"

static gboolean
has_suffix_ci (const char *name,
               const char *suffix)
{
  gsize n = strlen (name), s = strlen (suffix);

  return n >= s && g_ascii_strcasecmp (name + n - s, suffix) == 0;
}

BkPaperFormat
bk_paper_detect_format (const char *name,
                        const char *data,
                        gsize       len)
{
  if (bk_pdf_text_sniff (data, len))
    return BK_PAPER_FORMAT_PDF;
  if (name != NULL && has_suffix_ci (name, ".pdf"))
    return BK_PAPER_FORMAT_PDF;
  if (name != NULL && (has_suffix_ci (name, ".html") || has_suffix_ci (name, ".htm")
                       || has_suffix_ci (name, ".xhtml")))
    return BK_PAPER_FORMAT_HTML;
  if (bk_html_text_sniff (data, len))
    return BK_PAPER_FORMAT_HTML;
  return BK_PAPER_FORMAT_TEXT;
}

static char *
describe_pages (GArray *pages)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < pages->len; i++)
    g_string_append_printf (s, "%s%u", i > 0 ? ", " : "", g_array_index (pages, guint, i));
  return g_string_free (s, FALSE);
}

static void
add_pdf_warnings (BkMotion            *motion,
                  const BkPdfTextInfo *info)
{
  if (info->ocr_pages->len > 0)
    {
      g_autofree char *pages = describe_pages (info->ocr_pages);
      g_autofree char *msg = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                           "Page %s has no text layer (a scan); its text "
                                                           "was recognised automatically and may contain "
                                                           "reading errors.",
                                                           "Pages %s have no text layer (scans); their text "
                                                           "was recognised automatically and may contain "
                                                           "reading errors.",
                                                           info->ocr_pages->len), pages);

      bk_motion_add_warning (motion, "ocr", msg);
    }
  if (info->failed_pages->len > 0)
    {
      g_autofree char *pages = describe_pages (info->failed_pages);
      g_autofree char *msg = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                           "Page %s has no text that could be read; "
                                                           "its content is missing.",
                                                           "Pages %s have no text that could be read; "
                                                           "their content is missing.",
                                                           info->failed_pages->len), pages);

      bk_motion_add_warning (motion, "unreadable-pages", msg);
    }
}

BkMotion *
bk_paper_read_data (const char    *data,
                    gsize          len,
                    const char    *name,
                    BkPaperFormat  format,
                    GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *text = NULL;
  BkPdfTextInfo info = { 0 };
  BkMotion *motion;
  const char *label = name != NULL ? name : "-";

  g_return_val_if_fail (data != NULL || len == 0, NULL);

  if (format == BK_PAPER_FORMAT_AUTO)
    format = bk_paper_detect_format (name, data, len);
  switch (format)
    {
    case BK_PAPER_FORMAT_PDF:
      if (len > BK_PAPER_MAX_SIZE)
        break;
      text = bk_pdf_text_extract (data, len, &info, &local_error);
      break;
    case BK_PAPER_FORMAT_HTML:
      if (len > BK_PAPER_MAX_HTML_SIZE)
        break;
      text = bk_html_text_extract (data, len, &local_error);
      break;
    case BK_PAPER_FORMAT_TEXT:
    case BK_PAPER_FORMAT_AUTO:
    default:
      if (len > BK_TEXT_PARSER_MAX_SIZE)
        break;
      motion = bk_text_parser_parse (data, (gssize) len, &local_error);
      if (motion == NULL)
        g_set_error (error, BK_ERROR, local_error->code, "%s: %s", label, local_error->message);
      return motion;
    }
  if (text == NULL && local_error == NULL)
    {
      g_autofree char *size = g_format_size (len);

      g_set_error (error, BK_ERROR, BK_ERROR_TOO_LARGE, _("%s: the file is too large for a paper (%s)"),
                   label, size);
      bk_pdf_text_info_clear (&info);
      return NULL;
    }
  if (text == NULL)
    {
      g_set_error (error, BK_ERROR, local_error->code, "%s: %s", label, local_error->message);
      bk_pdf_text_info_clear (&info);
      return NULL;
    }
  motion = bk_text_parser_parse (text, -1, &local_error);
  if (motion == NULL)
    {
      g_set_error (error, BK_ERROR, local_error->code, "%s: %s", label, local_error->message);
      bk_pdf_text_info_clear (&info);
      return NULL;
    }
  if (format == BK_PAPER_FORMAT_PDF)
    add_pdf_warnings (motion, &info);
  bk_pdf_text_info_clear (&info);
  return motion;
}

BkMotion *
bk_paper_read_file (const char     *path,
                    BkPaperFormat   format,
                    GError        **error)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) local_error = NULL;
  GStatBuf st;
  gsize len = 0;

  if (g_stat (path, &st) != 0 || !S_ISREG (st.st_mode))
    {
      g_set_error (error, BK_ERROR, BK_ERROR_NOT_FOUND, _("%s: cannot read the file: %s"), path,
                   g_strerror (errno != 0 ? errno : EISDIR));
      return NULL;
    }
  if ((guint64) st.st_size > BK_PAPER_MAX_SIZE)
    {
      g_autofree char *size = g_format_size ((guint64) st.st_size);

      g_set_error (error, BK_ERROR, BK_ERROR_TOO_LARGE, _("%s: the file is too large for a paper (%s)"),
                   path, size);
      return NULL;
    }
  if (!g_file_get_contents (path, &data, &len, &local_error))
    {
      g_set_error (error, BK_ERROR, BK_ERROR_NOT_FOUND, _("%s: cannot read the file: %s"), path,
                   local_error->message);
      return NULL;
    }
  return bk_paper_read_data (data, len, path, format, error);
}

/* Warnings about the file itself, not about fields the record has. */
static gboolean
is_file_warning (const char *code)
{
  static const char *const codes[] = {
    "ocr", "unreadable-pages", "struck-out", "marks-lost", "cut-off", "numbering",
    "decision-record", NULL
  };

  for (guint i = 0; codes[i] != NULL; i++)
    if (strcmp (code, codes[i]) == 0)
      return TRUE;
  return FALSE;
}

static void
move_points (GPtrArray *to,
             GPtrArray *from)
{
  for (guint i = 0; i < from->len; i++)
    g_ptr_array_add (to, g_ptr_array_steal_index (from, i--));
}

void
bk_paper_complete_from_motion (BkMotion *motion,
                               BkMotion *file)
{
  g_return_if_fail (motion != NULL && file != NULL);

  if (motion->resolution_points->len == 0 && motion->questions->len == 0)
    {
      move_points (motion->resolution_points, file->resolution_points);
      move_points (motion->questions, file->questions);
    }
#define FILL(field) if (motion->field == NULL) motion->field = g_steal_pointer (&file->field)
  FILL (justification);
  FILL (easy_summary);
  FILL (reference);
  FILL (date);
  FILL (body);
  FILL (type);
  FILL (addressee);
#undef FILL
  if (motion->subject == NULL && file->subject != NULL)
    {
      motion->subject = g_steal_pointer (&file->subject);
      motion->subject_derived = file->subject_derived;
    }
  if (motion->signatories->len == 0)
    for (guint i = 0; i < file->signatories->len; i++)
      g_ptr_array_add (motion->signatories, g_ptr_array_steal_index (file->signatories, i--));
  for (guint i = 0; i < file->related_references->len; i++)
    if (g_strcmp0 (g_ptr_array_index (file->related_references, i), motion->reference) != 0)
      bk_motion_add_reference (motion, g_ptr_array_index (file->related_references, i));
  for (guint i = 0; i < file->warnings->len; i++)
    {
      const BkWarning *w = g_ptr_array_index (file->warnings, i);

      if (is_file_warning (w->code))
        bk_motion_add_warning (motion, w->code, w->message);
    }
}

void
bk_paper_complete_from_file (BkMotion   *motion,
                             const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BkMotion) file = NULL;
  g_autofree char *base = NULL;

  g_return_if_fail (motion != NULL && path != NULL);

  file = bk_paper_read_file (path, BK_PAPER_FORMAT_AUTO, &error);
  base = g_path_get_basename (path);
  if (file == NULL)
    {
      g_autofree char *msg = g_strdup_printf (_("The paper's main file “%s” could not be read: %s"),
                                              base, error->message);

      bk_motion_add_warning (motion, "main-file", msg);
      return;
    }
  bk_paper_complete_from_motion (motion, file);
}
