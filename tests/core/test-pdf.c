/* test-pdf.c: the document language appended to a cairo PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>
#include <cairo-pdf.h>
#include <gio/gio.h>
#include <glib/gstdio.h>

#include "bk-error.h"
#include "bk-pdf.h"

typedef struct {
  char *dir;
  char *path;
} Fixture;

static void
write_cairo_pdf (const char *path, const char *title, const char *text)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595.28, 841.89);
  cairo_t *cr = cairo_create (surface);

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_select_font_face (cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, 24);
  cairo_move_to (cr, 56, 100);
  cairo_show_text (cr, text);
  cairo_show_page (cr);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("bk-pdf-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "receipt.pdf", NULL);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (f->dir, name, NULL);
      g_remove (file);
    }
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static const char *
find_last (const char *data, gsize len, const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = len >= n ? len - n + 1 : 0; i-- > 0;)
    if (memcmp (data + i, needle, n) == 0)
      return data + i;
  return NULL;
}

/* The dictionary text of the catalog the newest trailer points at, found
 * through the newest xref section (which must list it). */
static char *
dup_last_catalog (const char *data, gsize len)
{
  const char *startxref = find_last (data, len, "startxref");
  const char *trailer = find_last (data, len, "trailer");
  const char *root, *xref, *obj, *end;
  guint64 xref_offset, number, first, count, offset;
  g_autofree char *header = NULL;
  char *next;

  g_assert_nonnull (startxref);
  g_assert_nonnull (trailer);
  xref_offset = g_ascii_strtoull (startxref + strlen ("startxref"), NULL, 10);
  g_assert_cmpuint (xref_offset, <, len);
  xref = data + xref_offset;
  g_assert_true (g_str_has_prefix (xref, "xref"));

  root = strstr (trailer, "/Root");
  g_assert_nonnull (root);
  number = g_ascii_strtoull (root + strlen ("/Root"), NULL, 10);

  /* Our update writes one subsection with only the catalog. */
  first = g_ascii_strtoull (xref + strlen ("xref"), &next, 10);
  count = g_ascii_strtoull (next, &next, 10);
  g_assert_cmpuint (first, ==, number);
  g_assert_cmpuint (count, ==, 1);
  while (*next == '\n' || *next == '\r' || *next == ' ')
    next++;
  /* Entries are exactly 20 bytes long. */
  g_assert_cmpint (next[18], ==, ' ');
  g_assert_cmpint (next[19], ==, '\n');
  offset = g_ascii_strtoull (next, NULL, 10);
  g_assert_cmpuint (offset, <, len);

  obj = data + offset;
  header = g_strdup_printf ("%" G_GUINT64_FORMAT " 0 obj", number);
  g_assert_true (g_str_has_prefix (obj, header));
  end = strstr (obj, "endobj");
  g_assert_nonnull (end);
  return g_strndup (obj, end - obj);
}

static char *
run_tool (const char *tool, const char *const *args)
{
  g_autofree char *program = g_find_program_in_path (tool);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status;

  if (program == NULL)
    return NULL;
  g_ptr_array_add (argv, program);
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT,
                               NULL, NULL, &out, &err, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, &error));
  g_assert_no_error (error);
  /* Poppler repairs a broken xref silently except for "Syntax Error" lines. */
  g_assert_cmpstr (err, ==, "");
  return out;
}

static void
test_language_added (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL, *after = NULL, *catalog = NULL;
  g_autofree char *info = NULL, *text = NULL;
  gsize before_len, after_len;

  write_cairo_pdf (f->path, "Quittung Mängelmeldung", "Vorgang 2026-000123");
  g_assert_true (g_file_get_contents (f->path, &before, &before_len, &error));
  g_assert_no_error (error);
  /* cairo 1.16 writes no /Lang of its own. */
  g_assert_null (memmem (before, before_len, "/Lang", 5));

  g_assert_true (bk_pdf_set_language (f->path, "de", &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (f->path, &after, &after_len, &error));
  g_assert_no_error (error);

  /* Incremental: the old bytes are an unchanged prefix. */
  g_assert_cmpuint (after_len, >, before_len);
  g_assert_cmpmem (after, before_len, before, before_len);
  g_assert_true (g_str_has_prefix (after, "%PDF-"));
  /* Binary streams hold NUL bytes: compare the tail by length. */
  g_assert_cmpmem (after + after_len - 6, 6, "%%EOF\n", 6);

  catalog = dup_last_catalog (after, after_len);
  g_test_message ("new catalog: %s", catalog);
  g_assert_nonnull (strstr (catalog, "/Lang (de)"));
  g_assert_nonnull (strstr (catalog, "/Type /Catalog"));
  g_assert_nonnull (strstr (catalog, "/Pages "));
  /* The new trailer chains to the old xref. */
  g_assert_nonnull (strstr (find_last (after, after_len, "trailer"), "/Prev "));
  g_assert_nonnull (strstr (find_last (after, after_len, "trailer"), "/Info "));

  info = run_tool ("pdfinfo", (const char *const[]) { "-enc", "UTF-8", f->path, NULL });
  if (info != NULL)
    {
      g_test_message ("pdfinfo: %s", info);
      g_assert_nonnull (strstr (info, "Quittung Mängelmeldung"));
      g_assert_nonnull (strstr (info, "Pages:           1"));
    }
  else
    g_test_message ("pdfinfo not found (poppler-utils): not checked");

  text = run_tool ("pdftotext", (const char *const[]) { f->path, "-", NULL });
  if (text != NULL)
    g_assert_nonnull (strstr (text, "Vorgang 2026-000123"));
  else
    g_test_message ("pdftotext not found (poppler-utils): not checked");
}

/* A second call replaces the language instead of listing /Lang twice. */
static void
test_language_replaced (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL, *catalog = NULL, *text = NULL;
  gsize len;

  write_cairo_pdf (f->path, "Receipt", "Reference 2026-000124");
  g_assert_true (bk_pdf_set_language (f->path, "de", &error));
  g_assert_no_error (error);
  g_assert_true (bk_pdf_set_language (f->path, "en-GB", &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (f->path, &contents, &len, &error));

  catalog = dup_last_catalog (contents, len);
  g_assert_nonnull (strstr (catalog, "/Lang (en-GB)"));
  g_assert_null (strstr (catalog, "/Lang (de)"));
  g_assert_nonnull (strstr (catalog, "/Pages "));

  text = run_tool ("pdftotext", (const char *const[]) { f->path, "-", NULL });
  if (text != NULL)
    g_assert_nonnull (strstr (text, "Reference 2026-000124"));
}

static void
assert_unchanged_after_error (const char *path, const char *lang, GQuark domain, int code)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL, *after = NULL;
  gsize before_len = 0, after_len = 0;
  gboolean existed = g_file_get_contents (path, &before, &before_len, NULL);

  g_assert_false (bk_pdf_set_language (path, lang, &error));
  g_assert_error (error, domain, code);
  g_test_message ("error: %s", error->message);
  g_assert_nonnull (strstr (error->message, path));
  if (existed)
    {
      g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
      g_assert_cmpmem (after, after_len, before, before_len);
    }
}

static void
test_bad_input (Fixture *f, gconstpointer data)
{
  g_autofree char *text_path = g_build_filename (f->dir, "notes.pdf", NULL);
  g_autofree char *cut_path = g_build_filename (f->dir, "cut.pdf", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "missing.pdf", NULL);
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_true (g_file_set_contents (text_path, "Just some text, no PDF.\n", -1, NULL));
  assert_unchanged_after_error (text_path, "de", BK_ERROR, BK_ERROR_INVALID_INPUT);

  write_cairo_pdf (f->path, "Receipt", "Reference");
  assert_unchanged_after_error (f->path, "de;rm", BK_ERROR, BK_ERROR_INVALID_INPUT);
  assert_unchanged_after_error (f->path, "", BK_ERROR, BK_ERROR_INVALID_INPUT);
  assert_unchanged_after_error (f->path, "d", BK_ERROR, BK_ERROR_INVALID_INPUT);
  assert_unchanged_after_error (f->path, "de) /Evil (x", BK_ERROR, BK_ERROR_INVALID_INPUT);

  assert_unchanged_after_error (missing, "de", G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  /* A PDF cut off before its trailer. */
  g_assert_true (g_file_get_contents (f->path, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (cut_path, contents, len / 2, NULL));
  assert_unchanged_after_error (cut_path, "de", BK_ERROR, BK_ERROR_CORRUPT);
}

/* A catalog the trailer points at that is not one. */
static void
test_no_catalog (Fixture *f, gconstpointer data)
{
  g_autoptr(GString) pdf = g_string_new ("%PDF-1.4\n");
  gsize obj_offset, xref_offset;

  obj_offset = pdf->len;
  g_string_append (pdf, "1 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n");
  xref_offset = pdf->len;
  g_string_append_printf (pdf, "xref\n0 2\n0000000000 65535 f \n%010" G_GSIZE_FORMAT " 00000 n \n"
                          "trailer\n<< /Size 2 /Root 1 0 R >>\nstartxref\n%" G_GSIZE_FORMAT "\n%%%%EOF\n",
                          obj_offset, xref_offset);
  g_assert_true (g_file_set_contents (f->path, pdf->str, pdf->len, NULL));
  assert_unchanged_after_error (f->path, "de", BK_ERROR, BK_ERROR_CORRUPT);
}

/* Nested dictionaries, arrays and strings holding ">>" are copied whole;
 * an old /Lang goes. */
static void
test_complex_catalog (Fixture *f, gconstpointer data)
{
  g_autoptr(GString) pdf = g_string_new ("%PDF-1.4\n");
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL, *catalog = NULL;
  gsize pages_offset, catalog_offset, xref_offset, len;

  pages_offset = pdf->len;
  g_string_append (pdf, "1 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n");
  catalog_offset = pdf->len;
  g_string_append (pdf, "2 0 obj\n<< /Type /Catalog /Lang (fr) /MarkInfo << /Marked true >> "
                        "/OpenAction [1 0 R /XYZ null null 0] /X (a>>b\\) (c)) /Y <41> /Pages 1 0 R >>\nendobj\n");
  xref_offset = pdf->len;
  g_string_append_printf (pdf, "xref\n0 3\n0000000000 65535 f \n%010" G_GSIZE_FORMAT " 00000 n \n"
                          "%010" G_GSIZE_FORMAT " 00000 n \n"
                          "trailer\n<< /Size 3 /Root 2 0 R /ID [<0A0B> <0C0D>] >>\nstartxref\n%" G_GSIZE_FORMAT "\n%%%%EOF",
                          pages_offset, catalog_offset, xref_offset);
  g_assert_true (g_file_set_contents (f->path, pdf->str, pdf->len, NULL));

  g_assert_true (bk_pdf_set_language (f->path, "de", &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (f->path, &contents, &len, NULL));
  catalog = dup_last_catalog (contents, len);
  g_test_message ("new catalog: %s", catalog);
  g_assert_nonnull (strstr (catalog, "/MarkInfo << /Marked true >>"));
  g_assert_nonnull (strstr (catalog, "/OpenAction [1 0 R /XYZ null null 0]"));
  g_assert_nonnull (strstr (catalog, "/X (a>>b\\) (c))"));
  g_assert_nonnull (strstr (catalog, "/Y <41>"));
  g_assert_nonnull (strstr (catalog, "/Pages 1 0 R"));
  g_assert_nonnull (strstr (catalog, "/Lang (de)"));
  g_assert_null (strstr (catalog, "(fr)"));
  g_assert_nonnull (strstr (find_last (contents, len, "trailer"), "/ID [<0A0B> <0C0D>]"));
  g_assert_nonnull (strstr (find_last (contents, len, "trailer"), "/Size 3"));
}

static void
test_language_tags (void)
{
  const char *valid[] = { "de", "en", "en-GB", "de-AT", "sr-Latn-RS", "gsw", "de-1996" };
  const char *invalid[] = { "", "d", "de;rm", "de_DE", "-de", "de-", "de--AT", "12", "de AT",
                            "de-toolongsubtag", "(de)" };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    g_assert_true (bk_pdf_language_is_valid (valid[i]));
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    g_assert_false (bk_pdf_language_is_valid (invalid[i]));
  g_assert_false (bk_pdf_language_is_valid (NULL));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/pdf/language-added", Fixture, NULL, fixture_set_up, test_language_added, fixture_tear_down);
  g_test_add ("/pdf/language-replaced", Fixture, NULL, fixture_set_up, test_language_replaced, fixture_tear_down);
  g_test_add ("/pdf/bad-input", Fixture, NULL, fixture_set_up, test_bad_input, fixture_tear_down);
  g_test_add ("/pdf/no-catalog", Fixture, NULL, fixture_set_up, test_no_catalog, fixture_tear_down);
  g_test_add ("/pdf/complex-catalog", Fixture, NULL, fixture_set_up, test_complex_catalog, fixture_tear_down);
  g_test_add_func ("/pdf/language-tags", test_language_tags);

  return g_test_run ();
}
