/* test-paper-reader.c: papers from HTML pages and PDFs, their errors, and what is stored
 *
 * The PDFs are made here with cairo (text pages with running headers,
 * footers, page numbers and hyphenation; a scanned page as an image without
 * a text layer; a 20-page paper for speed) or written by hand (an
 * encrypted, a damaged one). The HTML pages are written here too; all
 * wording is our own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "bk-config.h"

#include <string.h>

#include <cairo.h>
#include <cairo-pdf.h>

#include "bk-error.h"
#include "bk-html-text.h"
#include "bk-import.h"
#include "bk-library.h"
#include "bk-paper-reader.h"
#include "bk-pdf-text.h"
#include "bk-store.h"
#include "bk-test-util.h"

/* ------------------------------------------------------------------ */
/* making PDFs                                                         */

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

typedef struct {
  const char *header;         /* printed at the top of every page, or NULL */
  const char *footer;         /* printed at the bottom of every page, or NULL */
  gboolean page_numbers;      /* "Seite N von M" at the bottom */
} Furniture;

/* One page per entry of pages; lines separated by '\n', an empty line is
 * a paragraph break. */
static GByteArray *
make_text_pdf (const char *const *pages,
               guint              n_pages,
               const Furniture   *furniture)
{
  GByteArray *out = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append_bytes, out, 595, 842);
  cairo_t *cr = cairo_create (surface);

  cairo_select_font_face (cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  for (guint p = 0; p < n_pages; p++)
    {
      g_auto(GStrv) lines = g_strsplit (pages[p], "\n", -1);
      double y = 110;

      cairo_set_font_size (cr, 9);
      if (furniture != NULL && furniture->header != NULL)
        {
          cairo_move_to (cr, 60, 50);
          cairo_show_text (cr, furniture->header);
        }
      if (furniture != NULL && furniture->footer != NULL)
        {
          cairo_move_to (cr, 60, 800);
          cairo_show_text (cr, furniture->footer);
        }
      if (furniture != NULL && furniture->page_numbers)
        {
          g_autofree char *number = g_strdup_printf ("Seite %u von %u", p + 1, n_pages);

          cairo_move_to (cr, 450, 815);
          cairo_show_text (cr, number);
        }
      cairo_set_font_size (cr, 11);
      for (guint i = 0; lines[i] != NULL; i++)
        {
          if (*lines[i] == '\0')
            {
              y += 14;
              continue;
            }
          cairo_move_to (cr, 60, y);
          cairo_show_text (cr, lines[i]);
          y += 15;
        }
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  return out;
}

/* A page that is only an image of text, as a scanner makes it. */
static GByteArray *
make_scanned_pdf (const char *const *lines)
{
  const double dpi = 200, scale = dpi / 72.0;
  int w = (int) (595 * scale), h = (int) (842 * scale);
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w, h);
  cairo_t *icr = cairo_create (image);
  GByteArray *out = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_t *cr;
  double y = 140;

  cairo_set_source_rgb (icr, 1, 1, 1);
  cairo_paint (icr);
  cairo_set_source_rgb (icr, 0, 0, 0);
  cairo_select_font_face (icr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (icr, 12 * scale);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (*lines[i] != '\0')
        {
          cairo_move_to (icr, 60 * scale, y * scale);
          cairo_show_text (icr, lines[i]);
        }
      y += *lines[i] != '\0' ? 18 : 12;
    }
  cairo_destroy (icr);
  cairo_surface_flush (image);

  surface = cairo_pdf_surface_create_for_stream (append_bytes, out, 595, 842);
  cr = cairo_create (surface);
  cairo_scale (cr, 1 / scale, 1 / scale);
  cairo_set_source_surface (cr, image, 0, 0);
  cairo_paint (cr);
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  cairo_surface_destroy (image);
  return out;
}

/* A PDF with a Standard security handler whose passwords nobody knows. */
static GByteArray *
make_encrypted_pdf (void)
{
  static const char *const objects[] = {
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
    "<< /Filter /Standard /V 1 /R 2 /P -44"
    " /O <7b5f1d3c9a8e6f402b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a>"
    " /U <1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f809> >>",
  };
  GString *s = g_string_new ("%PDF-1.4\n");
  gsize offsets[G_N_ELEMENTS (objects)];
  gsize xref;

  for (guint i = 0; i < G_N_ELEMENTS (objects); i++)
    {
      offsets[i] = s->len;
      g_string_append_printf (s, "%u 0 obj\n%s\nendobj\n", i + 1, objects[i]);
    }
  xref = s->len;
  g_string_append_printf (s, "xref\n0 %u\n0000000000 65535 f \n", (guint) G_N_ELEMENTS (objects) + 1);
  for (guint i = 0; i < G_N_ELEMENTS (objects); i++)
    g_string_append_printf (s, "%010u 00000 n \n", (guint) offsets[i]);
  g_string_append_printf (s, "trailer\n<< /Size %u /Root 1 0 R /Encrypt 4 0 R"
                             " /ID [<0123456789abcdef0123456789abcdef><0123456789abcdef0123456789abcdef>] >>\n"
                             "startxref\n%u\n%%%%EOF\n",
                          (guint) G_N_ELEMENTS (objects) + 1, (guint) xref);
  return g_bytes_unref_to_array (g_string_free_to_bytes (s));
}

static BkMotion *
read_ok (GByteArray *data, const char *name)
{
  g_autoptr(GError) error = NULL;
  BkMotion *m = bk_paper_read_data ((const char *) data->data, data->len, name, BK_PAPER_FORMAT_AUTO, &error);

  g_assert_no_error (error);
  g_assert_nonnull (m);
  return m;
}

static void
assert_refused (const char *data, gsize len, const char *name, const char *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BkMotion) m = bk_paper_read_data (data, len, name, BK_PAPER_FORMAT_AUTO, &error);

  g_assert_null (m);
  g_assert_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT);
  g_test_message ("%s", error->message);
  if (strstr (error->message, name) == NULL)
    g_error ("message does not name the file: %s", error->message);
  if (fragment != NULL && strstr (error->message, fragment) == NULL)
    g_error ("message lacks “%s”: %s", fragment, error->message);
}

/* ------------------------------------------------------------------ */
/* PDF                                                                 */

static const char *const paper_pages[] = {
  "Antrag der Fraktion Grüne Liste zur Beleuchtung des Radwegs am Kanal\n"
  "\n"
  "Datum: 14.05.2026\n"
  "\n"
  "Der Gemeinderat möge beschließen:\n"
  "\n"
  "1. Die Verwaltung stattet den Radweg zwischen Schleuse und Bahnhof mit\n"
  "Leuchten aus, die sich bei Bewegung einschalten.\n"
  "2. Die Beleuchtung wird bis zum Winter fertig-\n"
  "gestellt.",
  "Begründung:\n"
  "\n"
  "Im Winter ist der Radweg ab 17 Uhr dunkel. Viele Schülerinnen und\n"
  "Schüler fahren dort zur Berufsschule.\n"
  "\n"
  "Eine Beleuchtung, die nur bei Bewegung leuchtet, spart Strom und stört\n"
  "die Tiere am Kanal weniger.",
};

static void
test_pdf_text (void)
{
  Furniture furniture = { "Gemeinderat Lindental – Sitzung am 2. Juni 2026",
                          "Fraktion Grüne Liste · Marktplatz 3 · 12345 Lindental", TRUE };
  g_autoptr(GByteArray) pdf = make_text_pdf (paper_pages, G_N_ELEMENTS (paper_pages), &furniture);
  g_autoptr(BkMotion) m = read_ok (pdf, "antrag.pdf");
  const BkResolutionPoint *p;

  g_assert_cmpstr (m->subject, ==, "Antrag der Fraktion Grüne Liste zur Beleuchtung des Radwegs am Kanal");
  g_assert_false (m->subject_derived);
  g_assert_cmpstr (m->date, ==, "2026-05-14");
  g_assert_cmpstr (m->type, ==, "Antrag");
  g_assert_cmpstr (m->body, ==, "Gemeinderat");
  g_assert_cmpuint (m->resolution_points->len, ==, 2);
  p = g_ptr_array_index (m->resolution_points, 0);
  g_assert_cmpstr (p->text, ==, "Die Verwaltung stattet den Radweg zwischen Schleuse und Bahnhof mit "
                                "Leuchten aus, die sich bei Bewegung einschalten.");
  p = g_ptr_array_index (m->resolution_points, 1);
  /* the word hyphenated at the line's end is whole again */
  g_assert_cmpstr (p->text, ==, "Die Beleuchtung wird bis zum Winter fertiggestellt.");
  /* paragraphs kept; header, footer and page numbers gone */
  g_assert_nonnull (m->justification);
  g_assert_nonnull (strstr (m->justification, "Berufsschule.\n\nEine Beleuchtung"));
  g_assert_null (strstr (m->justification, "Seite"));
  g_assert_null (strstr (m->justification, "Marktplatz 3"));
  g_assert_false (bk_motion_has_warning (m, "ocr"));
}

static void
test_pdf_assemble (void)
{
  const char *pages[] = {
    "Drucksache 2026/0123\nErster Absatz mit einem Wort, das getrennt wer-\nden musste.\n\n- 1 -\n",
    "Drucksache 2026/0123\nZweiter Absatz über Haupt-\nund Finanzausschuss.\n\n- 2 -\n",
    "Drucksache 2026/0123\nDritter Absatz.\n\nSeite 3 von 3\n",
  };
  g_autofree char *text = bk_pdf_text_assemble (pages, G_N_ELEMENTS (pages));

  g_assert_null (strstr (text, "Drucksache"));
  g_assert_null (strstr (text, "- 1 -"));
  g_assert_null (strstr (text, "Seite 3"));
  g_assert_nonnull (strstr (text, "getrennt werden musste."));
  /* "Haupt-" before "und" keeps its hyphen */
  g_assert_nonnull (strstr (text, "Haupt-\nund Finanzausschuss."));
}

static void
test_pdf_scanned (void)
{
  const char *lines[] = {
    "Antrag zur Beleuchtung am Bahnhof",
    "",
    "Beschlussvorschlag:",
    "Die Verwaltung stellt am Bahnhof zwei neue Laternen auf.",
    "",
    "Begründung:",
    "Der Weg zum Bahnhof ist abends sehr dunkel.",
    NULL
  };
  g_autoptr(GByteArray) pdf = make_scanned_pdf (lines);
  g_autoptr(BkMotion) m = read_ok (pdf, "scan.pdf");
  const BkWarning *w;

  g_assert_nonnull (m->subject);
  g_assert_nonnull (strstr (m->subject, "Beleuchtung"));
  g_assert_cmpuint (m->resolution_points->len, ==, 1);
  g_assert_nonnull (strstr (((BkResolutionPoint *) g_ptr_array_index (m->resolution_points, 0))->text,
                            "Laternen"));
  /* the result says that it was read by text recognition, and which page */
  g_assert_true (bk_motion_has_warning (m, "ocr"));
  for (guint i = 0; i < m->warnings->len; i++)
    if (g_str_equal ((w = g_ptr_array_index (m->warnings, i))->code, "ocr"))
      g_assert_nonnull (strstr (w->message, "1"));
}

static void
test_pdf_errors (void)
{
  g_autoptr(GByteArray) encrypted = make_encrypted_pdf ();
  const char *blank_pages[] = { "" };
  g_autoptr(GByteArray) blank = make_text_pdf (blank_pages, 1, NULL);
  static const char damaged[] = "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >>\ngarbage\n";

  assert_refused ((const char *) encrypted->data, encrypted->len, "geheim.pdf", "encrypted");
  assert_refused (damaged, sizeof damaged - 1, "kaputt.pdf", "damaged");
  assert_refused ("", 0, "leer.pdf", "empty");
  /* a page with nothing on it: nothing to recognise either */
  assert_refused ((const char *) blank->data, blank->len, "weiss.pdf", "no text");
}

/* Reading a 20-page paper stays quick; bench/parse-speed measures it. */
static void
test_pdf_twenty_pages (void)
{
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GByteArray) pdf = NULL;
  g_autoptr(GTimer) timer = NULL;
  g_autoptr(BkMotion) m = NULL;
  Furniture furniture = { "Kreistag Beispielkreis – Drucksache 12/0777", NULL, TRUE };

  g_ptr_array_add (pages, g_strdup ("Betreff: Radverkehrskonzept für den Landkreis\n\nBeschlussvorschlag:\n\n"
                                    "Der Kreistag beschließt das Radverkehrskonzept.\n\nBegründung:\n"));
  for (guint i = 1; i < 20; i++)
    {
      GString *page = g_string_new (NULL);

      for (guint k = 0; k < 40; k++)
        g_string_append_printf (page, "Abschnitt %u, Zeile %u: Der Radweg zwischen den Orten wird "
                                      "verbreitert und beleuchtet.\n%s", i, k, k % 8 == 7 ? "\n" : "");
      g_ptr_array_add (pages, g_string_free (page, FALSE));
    }
  pdf = make_text_pdf ((const char *const *) pages->pdata, pages->len, &furniture);
  timer = g_timer_new ();
  m = read_ok (pdf, "konzept.pdf");
  g_test_message ("20 pages read in %.3f s", g_timer_elapsed (timer, NULL));
  g_assert_cmpfloat (g_timer_elapsed (timer, NULL), <, 5.0);
  g_assert_cmpstr (m->subject, ==, "Radverkehrskonzept für den Landkreis");
  g_assert_null (strstr (m->justification, "Drucksache 12/0777"));
}

/* ------------------------------------------------------------------ */
/* HTML                                                                */

static const char allris_page[] =
  "<!DOCTYPE html>\n<html lang=\"de\"><head><meta charset=\"utf-8\"><title>Vorlage</title>"
  "<script>var s = \"<p>Beschlussvorschlag</p>\";</script><style>p { margin: 0 }</style></head>\n"
  "<body><nav><ul><li>Startseite</li><li>Vorlagen</li></ul></nav>\n"
  "<table><tr><td>Betreff:</td><td>Neue Sitzgelegenheiten am Marktplatz</td></tr>\n"
  "<tr><td>Status:</td><td>öffentlich</td><td>Vorlage-Art:</td><td>Beschlussvorlage</td></tr></table>\n"
  "<h3>Beratungsfolge</h3>\n<table><tr><th>Datum</th><th>Gremium</th><th>Zuständigkeit</th></tr>\n"
  "<tr><td>10.06.2026</td><td>Bauausschuss</td><td>Vorberatung</td></tr>\n"
  "<tr><td>24.06.2026</td><td>Stadtrat</td><td>Entscheidung</td></tr></table>\n"
  "<table><tr><td><h3>Beschlussvorschlag:</h3>\n<ol type=\"a\" start=\"1\">"
  "<li>Am Marktplatz werden <del>vier</del> sechs Bänke aufgestellt.</li>"
  "<li>Die Bänke erhalten Rücken- und Armlehnen.</li></ol>\n"
  "<h3>Sachverhalt:</h3><p>Am Marktplatz fehlen Sitzgelegenheiten.\nViele ältere Menschen wünschen sich Bänke.</p>"
  "</td></tr></table>\n<footer><p>Impressum</p></footer></body></html>\n";

static void
test_html_allris (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = bk_html_text_extract (allris_page, sizeof allris_page - 1, &error);
  g_autoptr(BkMotion) m = bk_paper_read_data (allris_page, sizeof allris_page - 1, "vorlage.html",
                                              BK_PAPER_FORMAT_AUTO, &error);
  const BkConsultation *c;
  const BkResolutionPoint *p;

  g_assert_no_error (error);
  /* scripts, styles, navigation and footer are no part of the paper */
  g_assert_null (strstr (text, "var s"));
  g_assert_null (strstr (text, "margin"));
  g_assert_null (strstr (text, "Startseite"));
  g_assert_null (strstr (text, "Impressum"));
  /* a row of short cells is one line with tabs */
  g_assert_nonnull (strstr (text, "10.06.2026\tBauausschuss\tVorberatung"));
  /* the list is lettered as the page shows it */
  g_assert_nonnull (strstr (text, "a) Am Marktplatz"));

  g_assert_cmpstr (m->subject, ==, "Neue Sitzgelegenheiten am Marktplatz");
  g_assert_cmpstr (m->type, ==, "Beschlussvorlage");
  g_assert_cmpint (m->is_public, ==, BK_TRISTATE_YES);
  g_assert_cmpuint (m->consultations->len, ==, 2);
  c = g_ptr_array_index (m->consultations, 1);
  g_assert_cmpstr (c->committee, ==, "Stadtrat");
  g_assert_cmpstr (c->date, ==, "2026-06-24");
  g_assert_cmpstr (c->role, ==, "Entscheidung");
  g_assert_cmpstr (m->body, ==, "Stadtrat");
  /* the struck-out word is not part of what is decided */
  g_assert_cmpuint (m->resolution_points->len, ==, 2);
  p = g_ptr_array_index (m->resolution_points, 0);
  g_assert_cmpstr (p->text, ==, "Am Marktplatz werden sechs Bänke aufgestellt.");
  g_assert_true (bk_motion_has_warning (m, "struck-out"));
  g_assert_cmpstr (m->justification, ==, "Am Marktplatz fehlen Sitzgelegenheiten. Viele ältere Menschen wünschen sich Bänke.");
}

static void
test_html_article (void)
{
  static const char page[] =
    "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\"></head><body>"
    "<header><a href=\"/\">Fraktion B\xfc" "rgerliste</a></header>"
    "<aside><h2>Aktuelles</h2><p>Sommerfest am 3. Juli 2026</p></aside>"
    "<article><h1>Mehr Gr\xfc" "n auf dem Schulhof</h1>"
    "<p>Antrag der Fraktion B\xfcrgerliste an den Gemeinderat Lindental</p>"
    "<p>Der Gemeinderat m\xf6ge beschlie\xdf" "en:</p>"
    "<p>Die Verwaltung pflanzt auf dem Schulhof der Grundschule Nord f\xfcnf B\xe4ume.</p>"
    "<p><strong>Begr\xfcndung:</strong> Im Sommer wird der Schulhof sehr hei\xdf.</p>"
    "</article><footer>Datenschutz</footer></body></html>";
  g_autoptr(GError) error = NULL;
  g_autoptr(BkMotion) m = bk_paper_read_data (page, sizeof page - 1, "artikel.html", BK_PAPER_FORMAT_AUTO,
                                              &error);
  BkParty *p;

  g_assert_no_error (error);
  g_assert_cmpstr (m->subject, ==, "Mehr Grün auf dem Schulhof");
  g_assert_cmpuint (m->submitters->len, ==, 1);
  p = g_ptr_array_index (m->submitters, 0);
  g_assert_cmpstr (p->name, ==, "Fraktion Bürgerliste");
  g_assert_cmpstr (m->body, ==, "Gemeinderat Lindental");
  g_assert_cmpuint (m->resolution_points->len, ==, 1);
  g_assert_cmpstr (m->justification, ==, "Im Sommer wird der Schulhof sehr heiß.");
}

static void
test_html_errors (void)
{
  static const char empty_page[] = "<html><head><script>x()</script></head><body><nav>Menü</nav></body></html>";

  assert_refused (empty_page, sizeof empty_page - 1, "seite.html", "no text");
  g_assert_true (bk_html_text_sniff ("  <!DOCTYPE html><html>", 23));
  /* a text with a few tags stays a text */
  g_assert_false (bk_html_text_sniff ("Betreff: <b>Test</b>\n", 21));
}

/* ------------------------------------------------------------------ */
/* import and the store                                                */

static void
test_import_and_review (void)
{
  g_autoptr(BkStore) store = bk_test_store_open_memory ();
  g_autoptr(GByteArray) pdf = make_text_pdf (paper_pages, G_N_ELEMENTS (paper_pages), NULL);
  g_autofree char *pdf_path = bk_test_write_file ("radweg.pdf", (const char *) pdf->data, (gssize) pdf->len);
  g_autofree char *html_path = bk_test_write_file ("vorlage.html", allris_page, sizeof allris_page - 1);
  g_autofree char *letter_path = bk_test_write_file ("brief.txt",
                                                     "Sehr geehrte Frau Bürgermeisterin,\n\n"
                                                     "wir bitten Sie, die Einrichtung einer Trinkwasserstelle "
                                                     "am Sportplatz zu prüfen.\n\nMit freundlichen Grüßen\n\n"
                                                     "Jonas Beispiel\n", -1);
  g_autofree char *question_path = bk_test_write_file ("anfrage.md",
                                                       "# Anfrage zur Schulbuslinie 7\n\nWir fragen:\n\n"
                                                       "1. Wann fährt der erste Bus?\n2. Ist er barrierefrei?\n"
                                                       "   a) mit Rampe?\n   b) mit Ansage?\n", -1);
  g_auto(GStrv) warnings = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  g_autoptr(GPtrArray) reviews = NULL;
  g_autoptr(GPtrArray) untitled = NULL;
  g_autoptr(BkMotion) loaded = NULL;
  gint64 letter_id = 0, question_id = 0;
  const BkResolutionPoint *q;

  g_assert_true (bk_import_file_full (store, pdf_path, BK_IMPORT_FORMAT_AUTO, &summary, &warnings, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (summary, "Beleuchtung des Radwegs"));
  g_clear_pointer (&summary, g_free);
  g_clear_pointer (&warnings, g_strfreev);
  g_assert_true (bk_import_file_full (store, html_path, BK_IMPORT_FORMAT_AUTO, NULL, &warnings, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (warnings);
  g_clear_pointer (&warnings, g_strfreev);
  g_assert_true (bk_import_file_full (store, letter_path, BK_IMPORT_FORMAT_AUTO, NULL, &warnings, NULL, &error));
  g_assert_no_error (error);
  /* no title: the clerk is told so */
  g_assert_nonnull (warnings);
  g_assert_cmpuint (g_strv_length (warnings), >=, 1);
  g_assert_true (bk_import_file (store, question_path, BK_IMPORT_FORMAT_AUTO, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (bk_store_count_motions (store), ==, 4);

  reviews = bk_store_list_motions_with_warnings (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reviews->len, ==, bk_store_count_motions_with_warnings (store));
  g_assert_cmpuint (reviews->len, >=, 2);
  untitled = bk_store_list_motions_with_warnings (store, "no-title", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (untitled->len, ==, 1);
  letter_id = ((BkMotionReview *) g_ptr_array_index (untitled, 0))->id;
  g_assert_cmpstr (((BkMotionReview *) g_ptr_array_index (untitled, 0))->source, ==, "brief.txt");

  /* what the reader found survives the store */
  loaded = bk_store_load_motion (store, letter_id, &error);
  g_assert_no_error (error);
  g_assert_true (loaded->subject_derived);
  g_assert_cmpstr (loaded->subject, ==, "Einrichtung einer Trinkwasserstelle am Sportplatz");
  g_assert_true (bk_motion_has_warning (loaded, "no-title"));
  g_clear_pointer (&loaded, bk_motion_free);
  {
    g_autoptr(GArray) ids = bk_store_search (store, "Schulbuslinie", NULL, 10, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (ids->len, ==, 1);
    question_id = g_array_index (ids, gint64, 0);
  }
  loaded = bk_store_load_motion (store, question_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->type, ==, "Anfrage");
  g_assert_cmpuint (loaded->resolution_points->len, ==, 0);
  g_assert_cmpuint (loaded->questions->len, ==, 2);
  q = g_ptr_array_index (loaded->questions, 1);
  g_assert_cmpuint (q->subpoints->len, ==, 2);
  /* a question is found by its words */
  {
    g_autoptr(GArray) ids = bk_store_search (store, "barrierefrei Rampe", NULL, 10, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (ids->len, ==, 1);
  }
  bk_test_assert_check (store);
}

/* An OParl paper names its subject and type; the resolution is in its main
 * file, read when it lies in the imported folder. */
static void
test_oparl_main_file (void)
{
  static const char paper_json[] =
    "{\"data\": [{\"id\": \"https://ris.beispiel.example/paper/7\","
    " \"type\": \"https://schema.oparl.org/1.1/Paper\","
    " \"name\": \"Schattenplätze auf dem Schulhof\", \"reference\": \"GR/2026/070\","
    " \"paperType\": \"Antrag\","
    " \"mainFile\": {\"id\": \"https://ris.beispiel.example/file/7\","
    "   \"type\": \"https://schema.oparl.org/1.1/File\", \"fileName\": \"antrag-70.txt\","
    "   \"accessUrl\": \"https://ris.beispiel.example/files/antrag-70.txt\"}},"
    " {\"id\": \"https://ris.beispiel.example/paper/8\","
    " \"type\": \"https://schema.oparl.org/1.1/Paper\","
    " \"name\": \"Papier ohne Datei am Ort\", \"reference\": \"GR/2026/080\","
    " \"mainFile\": {\"id\": \"https://ris.beispiel.example/file/8\","
    "   \"type\": \"https://schema.oparl.org/1.1/File\","
    "   \"accessUrl\": \"https://ris.beispiel.example/files/fehlt.pdf\"}}],"
    " \"links\": {}}";
  static const char main_file[] =
    "Antrag\n\nBeschlussvorschlag:\n\n1. Auf dem Schulhof werden vier Bäume gepflanzt.\n"
    "2. Zwei Sonnensegel werden aufgehängt.\n\nBegründung:\nIm Sommer gibt es auf dem Schulhof keinen Schatten.\n";
  g_autofree char *json_path = bk_test_write_file ("papers.json", paper_json, -1);
  g_autofree char *dir = g_path_get_dirname (json_path);
  g_autofree char *txt_path = g_build_filename (dir, "antrag-70.txt", NULL);
  g_autoptr(BkStore) store = bk_test_store_open_memory ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BkMotion) m = NULL;
  g_autoptr(BkMotion) other = NULL;

  g_assert_true (g_file_set_contents (txt_path, main_file, -1, &error));
  g_assert_true (bk_import_file (store, dir, BK_IMPORT_FORMAT_AUTO, NULL, &error));
  g_assert_no_error (error);
  m = bk_store_load_motion (store, bk_store_find_motion_by_reference (store, "GR/2026/070"), &error);
  g_assert_no_error (error);
  /* the record's own fields win; the file brings what the record lacks */
  g_assert_cmpstr (m->subject, ==, "Schattenplätze auf dem Schulhof");
  g_assert_false (m->subject_derived);
  g_assert_cmpuint (m->resolution_points->len, ==, 2);
  g_assert_cmpstr (m->justification, ==, "Im Sommer gibt es auf dem Schulhof keinen Schatten.");
  other = bk_store_load_motion (store, bk_store_find_motion_by_reference (store, "GR/2026/080"), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (other->resolution_points->len, ==, 0);
}

/* Poppler and Tesseract are opened on the first PDF (not linked, for the
 * kiosk's start-up): a library or symbol that is not there is an error
 * naming it, never a crash. */
static void
test_library_load (void)
{
  gpointer version = NULL, missing = NULL;
  const BkLibrarySymbol real[] = { { "poppler_get_version", &version } };
  const BkLibrarySymbol unknown[] = { { "poppler_no_such_function", &missing } };
  g_autoptr(GError) error = NULL;

  g_assert_true (bk_library_load (BK_POPPLER_GLIB_SONAME, "Poppler", real, 1, &error));
  g_assert_no_error (error);
  g_assert_nonnull (version);

  g_assert_false (bk_library_load (BK_POPPLER_GLIB_SONAME, "Poppler", unknown, 1, &error));
  g_assert_error (error, BK_ERROR, BK_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "Poppler"));
  g_clear_error (&error);

  g_assert_false (bk_library_load ("libbk-no-such-library.so.1", "Nothing", real, 1, &error));
  g_assert_error (error, BK_ERROR, BK_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "Nothing"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/paper/pdf/library", test_library_load);
  g_test_add_func ("/paper/pdf/text", test_pdf_text);
  g_test_add_func ("/paper/pdf/assemble", test_pdf_assemble);
  g_test_add_func ("/paper/pdf/scanned", test_pdf_scanned);
  g_test_add_func ("/paper/pdf/errors", test_pdf_errors);
  g_test_add_func ("/paper/pdf/twenty-pages", test_pdf_twenty_pages);
  g_test_add_func ("/paper/html/allris", test_html_allris);
  g_test_add_func ("/paper/html/article", test_html_article);
  g_test_add_func ("/paper/html/errors", test_html_errors);
  g_test_add_func ("/paper/import-and-review", test_import_and_review);
  g_test_add_func ("/paper/oparl-main-file", test_oparl_main_file);

  return g_test_run ();
}
