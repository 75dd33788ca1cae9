/* bk-pdf-text.c: the text of a council paper's PDF (poppler, Tesseract for scans)
 *
 * Councils publish the text of a paper as a PDF (OParl's mainFile). Poppler
 * gives each page's text in reading order with the position of every
 * character; the lines' positions show where a paragraph ends (a gap
 * larger than a line). What a PDF repeats on every page (a running header,
 * a footer with the council's address, page numbers) is taken out when it
 * stands at the top or bottom of most pages, words hyphenated at a line's
 * end are joined, and the pages become one text for the paper reader. A
 * page without a text layer (a scan) is rendered and read by Tesseract, and
 * the result says which pages were.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-pdf-text"

#include "bk-config.h"

#include <math.h>
#include <string.h>

#include <cairo.h>
#include <glib/gi18n-lib.h>
#include <poppler.h>

#include "bk-error.h"
#include "bk-library.h"
#include "bk-ocr.h"
#include "bk-pdf-text.h"

/* Poppler is opened on the first PDF (bk-library.c says why). */
static struct
{
  __typeof__ (poppler_document_new_from_bytes) *document_new_from_bytes;
  __typeof__ (poppler_document_get_n_pages) *document_get_n_pages;
  __typeof__ (poppler_document_get_page) *document_get_page;
  __typeof__ (poppler_page_get_text) *page_get_text;
  __typeof__ (poppler_page_get_text_layout) *page_get_text_layout;
  __typeof__ (poppler_page_get_size) *page_get_size;
  __typeof__ (poppler_page_render) *page_render;
  __typeof__ (poppler_error_quark) *error_quark;
} poppler;

static gboolean
poppler_load (GError **error)
{
  static BkLibraryOnce once;
  const BkLibrarySymbol symbols[] = {
    { "poppler_document_new_from_bytes", (gpointer *) &poppler.document_new_from_bytes },
    { "poppler_document_get_n_pages", (gpointer *) &poppler.document_get_n_pages },
    { "poppler_document_get_page", (gpointer *) &poppler.document_get_page },
    { "poppler_page_get_text", (gpointer *) &poppler.page_get_text },
    { "poppler_page_get_text_layout", (gpointer *) &poppler.page_get_text_layout },
    { "poppler_page_get_size", (gpointer *) &poppler.page_get_size },
    { "poppler_page_render", (gpointer *) &poppler.page_render },
    { "poppler_error_quark", (gpointer *) &poppler.error_quark },
  };

  return bk_library_load_once (&once, BK_POPPLER_GLIB_SONAME,
                               /* Translators: the library that reads PDF files, in "… is not available" */
                               _("Reading PDF files (Poppler)"),
                               symbols, G_N_ELEMENTS (symbols), error);
}

/* A page with less text than this has no text layer worth the name. */
#define MIN_PAGE_TEXT 20
#define OCR_DPI 300
/* Scans are A4 or so; a huge page is rendered at a lower resolution. */
#define MAX_OCR_PIXELS (40 * 1000 * 1000)
#define EDGE_LINES 2

void
bk_pdf_text_info_clear (BkPdfTextInfo *info)
{
  g_clear_pointer (&info->ocr_pages, g_array_unref);
  g_clear_pointer (&info->failed_pages, g_array_unref);
}

/* ------------------------------------------------------------------ */
/* one page                                                            */

/* The page's lines with a blank line where a paragraph ends: a vertical
 * gap of more than half a line between two lines. */
static char *
page_text_with_paragraphs (PopplerPage *page)
{
  g_autofree char *text = poppler.page_get_text (page);
  PopplerRectangle *rects = NULL;
  guint n_rects = 0;
  GString *out;
  double prev_bottom = -1;
  double top = G_MAXDOUBLE, bottom = -G_MAXDOUBLE;
  guint ci = 0;
  const char *line_start;

  if (text == NULL)
    return g_strdup ("");
  if (!poppler.page_get_text_layout (page, &rects, &n_rects) || n_rects == 0)
    {
      g_free (rects);
      return g_steal_pointer (&text);
    }
  out = g_string_sized_new (strlen (text) + 64);
  line_start = text;
  for (const char *p = text;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n' || c == '\0')
        {
          gboolean has_box = bottom >= top;

          if (has_box && prev_bottom >= 0)
            {
              double height = bottom - top;
              double gap = top - prev_bottom;

              if (height > 0 && gap > 0.6 * height && out->len > 0)
                g_string_append_c (out, '\n');
            }
          g_string_append_len (out, line_start, p - line_start);
          g_string_append_c (out, '\n');
          if (has_box)
            prev_bottom = bottom;
          top = G_MAXDOUBLE;
          bottom = -G_MAXDOUBLE;
          if (c == '\0')
            break;
          line_start = p + 1;
          ci++;
          continue;
        }
      if (ci < n_rects && !g_unichar_isspace (c))
        {
          /* poppler measures from the top of the page */
          top = MIN (top, MIN (rects[ci].y1, rects[ci].y2));
          bottom = MAX (bottom, MAX (rects[ci].y1, rects[ci].y2));
        }
      ci++;
    }
  g_free (rects);
  return g_string_free (out, FALSE);
}

static gsize
visible_length (const char *text)
{
  gsize n = 0;

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      n++;
  return n;
}

/* Renders the page white on grey at OCR_DPI and reads it. */
static char *
page_ocr (PopplerPage  *page,
          GError      **error)
{
  double w_pt = 0, h_pt = 0, scale = OCR_DPI / 72.0;
  int w, h, stride, gstride;
  cairo_surface_t *surface;
  cairo_t *cr;
  const guint8 *data;
  g_autofree guint8 *gray = NULL;
  int dpi = OCR_DPI;

  poppler.page_get_size (page, &w_pt, &h_pt);
  if (w_pt <= 0 || h_pt <= 0)
    {
      g_set_error_literal (error, BK_ERROR, BK_ERROR_INVALID_INPUT, _("The page has no size"));
      return NULL;
    }
  if (w_pt * scale * h_pt * scale > MAX_OCR_PIXELS)
    {
      scale = sqrt (MAX_OCR_PIXELS / (w_pt * h_pt));
      dpi = (int) (scale * 72);
    }
  w = MAX (1, (int) (w_pt * scale));
  h = MAX (1, (int) (h_pt * scale));
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w, h);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  poppler.page_render (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      g_set_error_literal (error, BK_ERROR, BK_ERROR_INVALID_INPUT, _("The page could not be rendered"));
      return NULL;
    }
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  gstride = w;
  gray = g_malloc ((gsize) gstride * (gsize) h);
  for (int y = 0; y < h; y++)
    {
      const guint32 *row = (const guint32 *) (data + (gsize) y * (gsize) stride);

      for (int x = 0; x < w; x++)
        {
          guint32 px = row[x];
          guint r = (px >> 16) & 0xFF, g = (px >> 8) & 0xFF, b = px & 0xFF;

          gray[(gsize) y * (gsize) gstride + (gsize) x] = (guint8) ((r * 299 + g * 587 + b * 114) / 1000);
        }
    }
  cairo_surface_destroy (surface);
  return bk_ocr_recognize (gray, w, h, gstride, dpi, error);
}

/* ------------------------------------------------------------------ */
/* the pages together                                                  */

static const char *
skip_number (const char *p)
{
  const char *q = p;

  while (g_ascii_isdigit (*q))
    q++;
  return q > p ? q : NULL;
}

/* "Seite 2 von 5", "- 2 -", "2", "2 / 5", "Page 2 of 5": a page number
 * on its own. */
static gboolean
is_page_number (const char *line)
{
  g_autofree char *low = g_ascii_strdown (line, -1);
  const char *p;

  g_strstrip (low);
  p = low;
  if (g_str_has_prefix (p, "seite ") || g_str_has_prefix (p, "page ") || g_str_has_prefix (p, "s. "))
    p = strchr (p, ' ') + 1;
  else if (*p == '-')
    {
      p++;
      while (*p == ' ')
        p++;
      if ((p = skip_number (p)) == NULL)
        return FALSE;
      while (*p == ' ')
        p++;
      return strcmp (p, "-") == 0;
    }
  if ((p = skip_number (p)) == NULL)
    return FALSE;
  while (*p == ' ')
    p++;
  if (*p == '\0')
    return TRUE;
  if (g_str_has_prefix (p, "von ") || g_str_has_prefix (p, "of "))
    p = strchr (p, ' ') + 1;
  else if (*p == '/')
    p++;
  else
    return FALSE;
  while (*p == ' ')
    p++;
  return (p = skip_number (p)) != NULL && *p == '\0';
}

/* A line as it repeats from page to page: numbers and case do not count. */
static char *
furniture_key (const char *line)
{
  GString *s = g_string_new (NULL);

  for (const char *p = line; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          if (s->len == 0 || s->str[s->len - 1] != '#')
            g_string_append_c (s, '#');
        }
      else if (!g_ascii_isspace (*p))
        g_string_append_c (s, g_ascii_tolower (*p));
    }
  return g_string_free (s, FALSE);
}

/* The indices of the first and last non-empty lines of a page. */
static void
edge_lines (GStrv   lines,
            GArray *out)
{
  guint n = g_strv_length (lines), found = 0;

  for (guint i = 0; i < n && found < EDGE_LINES; i++)
    if (visible_length (lines[i]) > 0)
      {
        g_array_append_val (out, i);
        found++;
      }
  found = 0;
  for (guint i = n; i > 0 && found < EDGE_LINES; i--)
    if (visible_length (lines[i - 1]) > 0)
      {
        guint k = i - 1;

        g_array_append_val (out, k);
        found++;
      }
}

static gboolean
joins_hyphen (const char *line,
              const char *next)
{
  gsize n = strlen (line);
  gunichar before, first;
  const char *prev;

  if (n < 3 || line[n - 1] != '-')
    return FALSE;
  prev = g_utf8_prev_char (line + n - 1);
  before = g_utf8_get_char (prev);
  first = g_utf8_get_char (next);
  /* "Haupt-\nund Finanzausschuss" keeps its hyphen */
  return g_unichar_islower (before) && g_unichar_islower (first)
         && !g_str_has_prefix (next, "und ") && !g_str_has_prefix (next, "oder ")
         && !g_str_has_prefix (next, "bzw") && !g_str_has_prefix (next, "sowie ");
}

char *
bk_pdf_text_assemble (const char *const *pages,
                      guint              n_pages)
{
  g_autoptr(GPtrArray) split = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GString *out = g_string_new (NULL);
  guint min_repeats = MAX (2u, (n_pages + 1) / 2);

  /* how many pages have a line at their top or bottom */
  for (guint i = 0; i < n_pages; i++)
    {
      GStrv lines = g_strsplit (pages[i] != NULL ? pages[i] : "", "\n", -1);
      g_autoptr(GArray) edges = g_array_new (FALSE, FALSE, sizeof (guint));
      g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      g_ptr_array_add (split, lines);
      edge_lines (lines, edges);
      for (guint k = 0; k < edges->len; k++)
        {
          char *key = furniture_key (lines[g_array_index (edges, guint, k)]);
          guint count;

          if (*key == '\0' || g_hash_table_contains (seen, key))
            {
              g_free (key);
              continue;
            }
          count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, key));
          g_hash_table_replace (counts, g_strdup (key), GUINT_TO_POINTER (count + 1));
          g_hash_table_add (seen, key);
        }
    }

  for (guint i = 0; i < split->len; i++)
    {
      GStrv lines = g_ptr_array_index (split, i);
      g_autoptr(GArray) edges = g_array_new (FALSE, FALSE, sizeof (guint));
      guint n = g_strv_length (lines);
      gboolean *drop = g_new0 (gboolean, n + 1);

      edge_lines (lines, edges);
      for (guint k = 0; k < edges->len; k++)
        {
          guint li = g_array_index (edges, guint, k);
          g_autofree char *key = furniture_key (lines[li]);

          if (is_page_number (lines[li])
              || (n_pages >= 2 && GPOINTER_TO_UINT (g_hash_table_lookup (counts, key)) >= min_repeats))
            drop[li] = TRUE;
        }
      if (i > 0)
        g_string_append_c (out, '\n');
      for (guint k = 0; k < n; k++)
        {
          const char *line = lines[k];

          if (drop[k])
            continue;
          /* a word hyphenated at the line's end goes on in the next line */
          if (k + 1 < n && !drop[k + 1] && joins_hyphen (line, lines[k + 1]))
            {
              g_string_append_len (out, line, (gssize) strlen (line) - 1);
              continue;
            }
          g_string_append (out, line);
          g_string_append_c (out, '\n');
        }
      g_free (drop);
    }
  return g_string_free (out, FALSE);
}

/* ------------------------------------------------------------------ */
/* the document                                                        */

gboolean
bk_pdf_text_sniff (const char *data,
                   gsize       len)
{
  gsize n = MIN (len, 1024);

  for (gsize i = 0; i + 5 <= n; i++)
    if (memcmp (data + i, "%PDF-", 5) == 0)
      return TRUE;
  return FALSE;
}

char *
bk_pdf_text_extract (const char    *data,
                     gsize          len,
                     BkPdfTextInfo *info,
                     GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  /* poppler 22 declares no autoptr cleanups of its own */
  PopplerDocument *doc = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) ocr_error = NULL;
  gsize visible = 0;
  int n;

  g_return_val_if_fail (info != NULL, NULL);
  info->n_pages = 0;
  info->ocr_pages = g_array_new (FALSE, FALSE, sizeof (guint));
  info->failed_pages = g_array_new (FALSE, FALSE, sizeof (guint));

  if (len == 0)
    {
      g_set_error_literal (error, BK_ERROR, BK_ERROR_INVALID_INPUT, _("The PDF file is empty"));
      return NULL;
    }
  if (!poppler_load (error))
    return NULL;
  bytes = g_bytes_new_static (data, len);
  doc = poppler.document_new_from_bytes (bytes, NULL, &local_error);
  if (doc == NULL)
    {
      if (g_error_matches (local_error, poppler.error_quark (), POPPLER_ERROR_ENCRYPTED))
        g_set_error_literal (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                             _("The PDF is encrypted (protected by a password); save it without "
                               "protection and import it again"));
      else
        g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                     _("The PDF is damaged and cannot be read (%s)"), local_error->message);
      return NULL;
    }
  n = poppler.document_get_n_pages (doc);
  if (n <= 0)
    {
      g_object_unref (doc);
      g_set_error_literal (error, BK_ERROR, BK_ERROR_INVALID_INPUT, _("The PDF has no pages"));
      return NULL;
    }
  info->n_pages = (guint) n;
  for (int i = 0; i < n; i++)
    {
      PopplerPage *page = poppler.document_get_page (doc, i);
      char *text;
      guint number = (guint) i + 1;

      if (page == NULL)
        {
          g_array_append_val (info->failed_pages, number);
          g_ptr_array_add (pages, g_strdup (""));
          continue;
        }
      text = page_text_with_paragraphs (page);
      if (visible_length (text) < MIN_PAGE_TEXT && ocr_error == NULL)
        {
          /* a scan: read the image */
          char *read = page_ocr (page, &ocr_error);

          if (read != NULL)
            {
              g_free (text);
              text = read;
              g_array_append_val (info->ocr_pages, number);
            }
          else
            g_array_append_val (info->failed_pages, number);
        }
      else if (visible_length (text) < MIN_PAGE_TEXT && ocr_error != NULL)
        g_array_append_val (info->failed_pages, number);
      g_object_unref (page);
      visible += visible_length (text);
      g_ptr_array_add (pages, text);
    }
  g_object_unref (doc);
  if (visible == 0)
    {
      if (ocr_error != NULL)
        g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                     _("The PDF has no text layer and could not be read: %s"), ocr_error->message);
      else
        g_set_error_literal (error, BK_ERROR, BK_ERROR_INVALID_INPUT, _("The PDF contains no text"));
      return NULL;
    }
  return bk_pdf_text_assemble ((const char *const *) pages->pdata, pages->len);
}
