/* test-xzufi.c: XZuFi 2.2 service descriptions: reading, mapping, the
 * offices per town, updates and deletions, refused messages, publications,
 * the HTML reduction and the search
 *
 * The fixtures (tests/xzufi/fixtures, see README there) describe the
 * fictional Landkreis Beispielkreis with its towns Stadt Auenbach
 * (001010001001) and Gemeinde Lindental (001010002002).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>
#include <glib/gstdio.h>

#include "bk-error.h"
#include "bk-html-reduce.h"
#include "bk-import.h"
#include "bk-service-import.h"
#include "bk-store-xzufi.h"
#include "bk-test-util.h"
#include "bk-xzufi.h"

#define AUENBACH "001010001001"
#define LINDENTAL "001010002002"
#define ANMELDEN "xzufi-L100099:1001"
#define FUNDSACHE "xzufi-L100099:1002"
#define PARKEN "xzufi-L100099:1003"

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "xzufi", "fixtures", name, NULL);
}

static BkStore *
store_with_towns (void)
{
  BkStore *store = bk_test_store_open_memory ();
  g_autoptr(GError) error = NULL;

  g_assert_true (bk_store_add_town (store, AUENBACH, "Stadt Auenbach", &error));
  g_assert_true (bk_store_add_town (store, LINDENTAL, "Gemeinde Lindental", &error));
  g_assert_no_error (error);
  return store;
}

/* Imports a fixture through the import every caller uses. */
static char *
import_fixture (BkStore    *store,
                const char *name)
{
  g_autofree char *path = fixture (name);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
  char *summary = NULL;

  if (!bk_import_file_full (store, path, BK_IMPORT_FORMAT_AUTO, &summary, NULL, notes, &error))
    g_error ("%s: %s", name, error->message);
  for (guint i = 0; i < notes->len; i++)
    g_test_message ("note: %s", (const char *) g_ptr_array_index (notes, i));
  g_test_message ("%s", summary);
  return summary;
}

static BkService *
load (BkStore    *store,
      const char *id)
{
  g_autoptr(GError) error = NULL;
  BkService *service = bk_store_load_service (store, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (service);
  return service;
}

/* Everything the kiosk shows of a service, to compare before and after. */
static char *
dump (BkStore    *store,
      const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BkService) service = bk_store_load_service (store, id, &error);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GString) out = NULL;

  if (service == NULL)
    return g_strdup ("(none)");
  node = bk_service_to_json (service);
  out = g_string_new (json_to_string (node, FALSE));
  for (guint i = 0; i < service->local_offices->len; i++)
    {
      const BkServiceLocalOffice *local = g_ptr_array_index (service->local_offices, i);

      g_string_append_printf (out, "|%s:%s/%s/%s/%s/%s/%s/%s/%s", local->town_ars,
                              local->office.name, local->office.address, local->office.opening_hours,
                              local->office.phone, local->office.email, local->office.accessibility,
                              local->online_url, local->town_name);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
dump_all (BkStore *store)
{
  g_autoptr(GPtrArray) rows = bk_store_list_services (store, NULL, NULL, NULL);
  GString *out = g_string_new (NULL);

  g_assert_nonnull (rows);
  for (guint i = 0; i < rows->len; i++)
    {
      const BkServiceSummary *row = g_ptr_array_index (rows, i);
      g_autofree char *one = dump (store, row->id);

      g_string_append_printf (out, "%s\n", one);
    }
  g_string_append_printf (out, "responsibilities: %u\n", bk_store_xzufi_count_responsibilities (store));
  return g_string_free (out, FALSE);
}

/* ---- the HTML ---------------------------------------------------------- */

static void
check_text (const char *html,
            const char *expected)
{
  g_autofree char *text = bk_html_reduce_text (html, NULL);

  g_test_message ("%s → %s", html, text);
  g_assert_cmpstr (text, ==, expected);
}

static void
test_html (void)
{
  g_autoptr(GPtrArray) links = g_ptr_array_new ();

  check_text ("<p>Eins</p><p>Zwei</p>", "Eins\n\nZwei");
  check_text ("<h3>Titel</h3>Text", "# Titel\n\nText");
  check_text ("<ul><li>a</li><li> b </li></ul><p>danach</p>", "• a\n• b\n\ndanach");
  check_text ("<ol><li>eins</li><li>zwei<br>weiter</li></ol>", "1. eins\n2. zwei weiter");
  check_text ("Zeile<br/>Nächste  Zeile", "Zeile\nNächste Zeile");
  check_text ("<p>A &amp; B &auml;&#246;&#xFC; &euro; &unbekannt; AT&T</p>", "A & B äöü € &unbekannt; AT&T");
  check_text ("<script>alert(1)</script><style>p{}</style><p onclick=\"x()\">bleibt</p>"
              "<iframe src=\"https://x.example.org\">weg</iframe><!-- weg -->", "bleibt");
  check_text ("<table><tr><td>a</td><td>b</td></tr></table>", "a b");
  check_text ("<div><span>ohne</span> <em>Schmuck</em></div>", "ohne Schmuck");
  check_text ("1 < 2 und <b>fett", "1 < 2 und fett");
  check_text ("Erster Absatz\nmit Umbruch\n\nZweiter", "Erster Absatz\nmit Umbruch\n\nZweiter");
  check_text ("<ul><li>außen<ul><li>innen</li></ul></li></ul>", "• außen\n• innen");
  check_text ("   ", NULL);

  /* links: the address in words; only http(s) */
  {
    g_autofree char *text = bk_html_reduce_text ("<a href=\"https://a.example.org/x?y=1&amp;z=2\">Seite</a>, "
                                                 "<a href='javascript:evil()'>nicht</a>, "
                                                 "<a href=\"http://b.example.org/\"></a>",
                                                 links);

    g_assert_cmpstr (text, ==, "Seite (https://a.example.org/x?y=1&z=2), nicht, http://b.example.org/");
    g_assert_cmpuint (links->len, ==, 2);
    g_assert_cmpstr (((BkServiceForm *) g_ptr_array_index (links, 0))->title, ==, "Seite");
    g_assert_cmpstr (((BkServiceForm *) g_ptr_array_index (links, 0))->url, ==, "https://a.example.org/x?y=1&z=2");
  }
  {
    g_autofree char *line = bk_html_reduce_line ("<p>Wohnsitz</p>\n<p>anmelden</p>");

    g_assert_cmpstr (line, ==, "Wohnsitz anmelden");
  }
  {
    g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);

    bk_html_reduce_items ("<p>Sie brauchen:</p><ul><li>Ausweis</li><li>Foto</li></ul>Antrag<br>Vollmacht", items, NULL);
    g_assert_cmpuint (items->len, ==, 5);
    g_assert_cmpstr (g_ptr_array_index (items, 0), ==, "Sie brauchen:");
    g_assert_cmpstr (g_ptr_array_index (items, 2), ==, "Foto");
    g_assert_cmpstr (g_ptr_array_index (items, 4), ==, "Vollmacht");
  }
  for (guint i = 0; i < links->len; i++)
    {
      BkServiceForm *link = g_ptr_array_index (links, i);

      g_free (link->title);
      g_free (link->url);
      g_free (link);
    }
}

static void
test_text_blocks (void)
{
  g_autoptr(GPtrArray) blocks = bk_text_blocks_parse ("# Kopf\n\nAbsatz\nmit Umbruch\n\n• a\n• b\n\n"
                                                      "1. eins\n2. zwei\n\n• gemischt\nkein Punkt");
  const BkTextBlock *b;

  g_assert_cmpuint (blocks->len, ==, 5);
  b = g_ptr_array_index (blocks, 0);
  g_assert_cmpint (b->kind, ==, BK_TEXT_BLOCK_HEADING);
  g_assert_cmpstr (b->text, ==, "Kopf");
  b = g_ptr_array_index (blocks, 1);
  g_assert_cmpint (b->kind, ==, BK_TEXT_BLOCK_PARAGRAPH);
  g_assert_cmpstr (b->text, ==, "Absatz\nmit Umbruch");
  b = g_ptr_array_index (blocks, 2);
  g_assert_cmpint (b->kind, ==, BK_TEXT_BLOCK_LIST);
  g_assert_false (b->numbered);
  g_assert_cmpstr (g_ptr_array_index (b->items, 1), ==, "b");
  b = g_ptr_array_index (blocks, 3);
  g_assert_true (b->numbered);
  g_assert_cmpstr (g_ptr_array_index (b->items, 0), ==, "eins");
  b = g_ptr_array_index (blocks, 4);
  g_assert_cmpint (b->kind, ==, BK_TEXT_BLOCK_PARAGRAPH);
}

static void
test_ars (void)
{
  static const struct { const char *in, *out; } cases[] = {
    { "001010001001", "001010001001" }, { "091620000000", "09162" }, { "010510000000", "01051" },
    { "010000000000", "01" }, { "031530000000", "03153" }, { "081150000000", "08115" },
    { "001010000000", "00101" }, { "00101", "00101" }, { "05", "05" }, { "053150000", "053150000" },
    { "0910", NULL }, { "Auenbach", NULL }, { "", NULL }, { "0010100010010", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *prefix = bk_ars_area_prefix (cases[i].in);

      g_assert_cmpstr (prefix, ==, cases[i].out);
    }
  g_assert_true (bk_ars_is_valid (AUENBACH));
  g_assert_false (bk_ars_is_valid ("00101"));
}

static void
test_towns (void)
{
  g_autoptr(BkStore) store = store_with_towns ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) towns = NULL;

  g_assert_false (bk_store_add_town (store, "12345", "Kurz", &error));
  g_assert_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_false (bk_store_add_town (store, "001010003003", "  ", &error));
  g_clear_error (&error);
  /* renaming keeps the place in the order */
  g_assert_true (bk_store_add_town (store, AUENBACH, "Stadt Auenbach (Kreisstadt)", &error));
  towns = bk_store_list_towns (store, &error);
  g_assert_cmpuint (towns->len, ==, 2);
  g_assert_cmpstr (((BkTown *) g_ptr_array_index (towns, 0))->name, ==, "Stadt Auenbach (Kreisstadt)");
  g_assert_true (bk_store_remove_town (store, AUENBACH, &error));
  g_assert_false (bk_store_remove_town (store, AUENBACH, &error));
  g_assert_error (error, BK_ERROR, BK_ERROR_NOT_FOUND);
}

/* ---- the mapping ---------------------------------------------------------- */

static void
test_import (void)
{
  g_autoptr(BkStore) store = store_with_towns ();
  g_autofree char *summary = import_fixture (store, "01-katalog.xml");
  g_autoptr(BkService) s = load (store, ANMELDEN);
  const BkServiceLocalOffice *aue, *lin;
  const BkServiceText *en;

  g_assert_nonnull (strstr (summary, "services: 2 new, 0 changed, 0 unchanged"));
  g_assert_nonnull (strstr (summary, "responsibilities: 5"));
  /* name from Leistungsbezeichnung II, teaser as the short text */
  g_assert_cmpstr (s->name, ==, "Wohnsitz anmelden");
  g_assert_cmpstr (s->short_text, ==, "Wenn Sie umziehen, melden Sie Ihre neue Wohnung innerhalb von zwei Wochen an.");
  g_assert_cmpstr (s->leika_key, ==, "99115005104000");
  g_assert_cmpstr (s->source_id, ==, "L100099:1001");
  g_assert_cmpstr (s->source_version, ==, "2026-03-01T09:00:00Z");
  /* the full text: heading, paragraphs, a link in words; nothing of the
   * script, style, frame, image or the javascript: link */
  g_assert_true (g_str_has_prefix (s->full_text, "# Allgemeines\n\nWer eine Wohnung bezieht"));
  g_assert_nonnull (strstr (s->full_text, "anmelden.\nDas gilt auch für Nebenwohnungen."));
  g_assert_nonnull (strstr (s->full_text, "Meldewesen (https://auenbach.example.org/meldewesen) & im Rathaus."));
  g_assert_null (strstr (s->full_text, "alert"));
  g_assert_null (strstr (s->full_text, "color"));
  g_assert_null (strstr (s->full_text, "Rahmen"));
  g_assert_null (strstr (s->full_text, "javascript"));
  g_assert_null (strstr (s->full_text, "<"));
  g_assert_cmpstr (s->who_may_apply, ==, "# Wer muss sich anmelden?\n\nJede Person, die eine Wohnung bezieht.");
  g_assert_cmpuint (s->documents->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (s->documents, 1), ==, "Wohnungsgeberbestätigung");
  g_assert_cmpuint (s->steps->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (s->steps, 2), ==, "Meldebestätigung mitnehmen.");
  g_assert_cmpstr (s->legal_basis, ==, "§ 17 Bundesmeldegesetz (BMG)");
  g_assert_cmpstr (s->hints, ==, "Eine Abmeldung bei der alten Gemeinde ist nicht nötig.");
  g_assert_cmpstr (s->further_info, ==, "Informationen zum Meldewesen:\n\n"
                                        "• Meldewesen im Landkreis: https://beispielkreis.example.org/meldewesen");
  /* forms: the link, and text without an address, in their order */
  g_assert_cmpuint (s->forms->len, ==, 2);
  g_assert_cmpstr (((BkServiceForm *) g_ptr_array_index (s->forms, 0))->url, ==, "https://auenbach.example.org/wgb.pdf");
  g_assert_cmpstr (((BkServiceForm *) g_ptr_array_index (s->forms, 0))->title, ==, "Wohnungsgeberbestätigung (PDF)");
  g_assert_null (((BkServiceForm *) g_ptr_array_index (s->forms, 1))->url);
  /* costs with amounts and currency, deadlines, processing time */
  g_assert_cmpstr (s->costs, ==, "Die Anmeldung selbst ist gebührenfrei.\n\n"
                                 "• Anmeldung: kostenfrei\n"
                                 "• Erweiterte Meldebescheinigung: 10,50 Euro\n"
                                 "• Bußgeld bei verspäteter Anmeldung: 1.250,00 Euro bis 2.500,00 Euro");
  g_assert_cmpstr (s->deadlines, ==, "Nach dem Einzug: 2 Wochen");
  g_assert_cmpstr (s->processing_time, ==, "1 Tag");
  g_assert_cmpuint (s->keywords->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (s->keywords, 0), ==, "Ummeldung");
  /* the English language version */
  en = bk_service_get_translation (s, "en");
  g_assert_nonnull (en);
  g_assert_cmpstr (en->name, ==, "Register your address");
  g_assert_cmpstr (en->short_text, ==, "When you move, register your new home within two weeks.");
  g_assert_cmpstr (bk_service_get_name (s, "en_GB.UTF-8"), ==, "Register your address");

  /* the offices: one in each town */
  g_assert_true (bk_service_is_per_town (s));
  g_assert_cmpstr (s->municipality, ==, "Stadt Auenbach, Gemeinde Lindental");
  aue = bk_service_get_local_office (s, AUENBACH);
  lin = bk_service_get_local_office (s, LINDENTAL);
  g_assert_nonnull (aue);
  g_assert_nonnull (lin);
  g_assert_cmpstr (aue->office.name, ==, "Stadt Auenbach – Bürgerbüro");
  g_assert_cmpstr (aue->office.address, ==, "Rathaus, Erdgeschoss\nMarktplatz 1\n12345 Auenbach");
  g_assert_cmpstr (aue->office.opening_hours, ==, "Montag bis Freitag 8:00–12:30 Uhr\nDonnerstag 14:00–18:00 Uhr");
  g_assert_cmpstr (aue->office.phone, ==, "01234 7700-100");   /* not the fax */
  g_assert_cmpstr (aue->office.email, ==, "buergerbuero@auenbach.example.org");
  g_assert_cmpstr (aue->office.accessibility, ==, "Rollstuhlgerechter Zugang.\nMit Aufzug.\n"
                                                  "Induktive Höranlage am Schalter 1.");
  g_assert_cmpstr (lin->office.name, ==, "Gemeinde Lindental – Bürgerservice");
  g_assert_cmpstr (lin->office.opening_hours, ==, "Montag bis Freitag 8:30–12:00 Uhr");
  g_assert_null (lin->office.email);
  g_assert_nonnull (strstr (lin->office.accessibility, "Drei Stufen am Haupteingang"));
  /* one online service for the county: the same in both towns */
  g_assert_cmpstr (aue->online_url, ==, "https://beispielkreis.example.org/online/anmeldung");
  g_assert_cmpstr (lin->online_url, ==, aue->online_url);
  g_assert_cmpstr (s->online_url, ==, aue->online_url);
  bk_test_assert_check (store);
}

/* The office of the town before the one of its county. */
static void
test_most_specific (void)
{
  g_autoptr(BkStore) store = store_with_towns ();
  g_autofree char *summary = import_fixture (store, "01-katalog.xml");
  g_autoptr(BkService) s = load (store, FUNDSACHE);
  g_autoptr(GPtrArray) rows = NULL;
  BkServiceFilter filter = { NULL, "Gemeinde Lindental" };
  g_auto(GStrv) places = NULL;

  g_assert_cmpstr (bk_service_get_local_office (s, AUENBACH)->office.name, ==, "Stadt Auenbach – Bürgerbüro");
  g_assert_cmpstr (bk_service_get_local_office (s, LINDENTAL)->office.name, ==,
                   "Landratsamt Beispielkreis – Fundbüro");
  /* a single amount, a single module: no list */
  g_assert_cmpstr (s->costs, ==, "5,00 Euro");
  g_assert_null (s->online_url);
  g_assert_cmpstr (s->short_text, ==, "");
  /* the place filter and the places know the towns */
  rows = bk_store_list_services (store, &filter, NULL, NULL);
  g_assert_cmpuint (rows->len, ==, 2);
  places = bk_store_list_service_municipalities (store);
  g_assert_cmpuint (g_strv_length (places), ==, 2);
  g_assert_true (g_strv_contains ((const char *const *) places, "Stadt Auenbach"));
  /* a town the kiosk does not serve shows nothing */
  g_assert_true (bk_store_remove_town (store, LINDENTAL, NULL));
  {
    g_autoptr(BkService) again = load (store, FUNDSACHE);

    g_assert_cmpuint (again->local_offices->len, ==, 1);
    g_assert_cmpstr (again->municipality, ==, "Stadt Auenbach");
  }
}

/* ---- updates and deletions ---------------------------------------------- */

static void
test_idempotent (void)
{
  g_autoptr(BkStore) store = store_with_towns ();
  g_autofree char *first = import_fixture (store, "01-katalog.xml");
  g_autofree char *before = dump_all (store);
  g_autofree char *second = import_fixture (store, "01-katalog.xml");
  g_autofree char *after = dump_all (store);

  g_assert_nonnull (strstr (second, "services: 0 new, 0 changed, 2 unchanged"));
  g_assert_nonnull (strstr (second, "offices and online services: 0; responsibilities: 0"));
  g_assert_cmpstr (before, ==, after);
  bk_test_assert_check (store);
}

static void
test_update (void)
{
  g_autoptr(BkStore) store = store_with_towns ();
  g_autofree char *first = import_fixture (store, "01-katalog.xml");
  g_autofree char *update = import_fixture (store, "02-aenderung.xml");
  g_autofree char *after_update = NULL;
  g_autofree char *stale = NULL;
  g_autofree char *after_stale = NULL;

  g_assert_nonnull (strstr (update, "services: 1 new, 1 changed, 0 unchanged"));
  {
    g_autoptr(BkService) s = load (store, ANMELDEN);
    g_autoptr(BkService) parking = load (store, PARKEN);
    const BkServiceLocalOffice *aue = bk_service_get_local_office (s, AUENBACH);

    g_assert_cmpstr (s->source_version, ==, "2026-04-15T12:00:00Z");
    g_assert_nonnull (strstr (s->costs, "Erweiterte Meldebescheinigung: 12,00 Euro"));
    /* the office was written again whole: new hours day by day, no phone any more */
    g_assert_cmpstr (aue->office.opening_hours, ==, "Montag 08:00–12:00\nDienstag 14:00–18:00");
    g_assert_null (aue->office.phone);
    g_assert_cmpstr (parking->deadlines, ==, "vom 01.01. bis 31.03.2026");
    g_assert_cmpstr (parking->municipality, ==, "Stadt Auenbach");
    g_assert_cmpuint (parking->local_offices->len, ==, 1);
  }
  /* an older version that arrives late changes nothing */
  after_update = dump_all (store);
  stale = import_fixture (store, "04-veraltet.xml");
  after_stale = dump_all (store);
  g_assert_nonnull (strstr (stale, "1 older than the stored version"));
  g_assert_cmpstr (after_update, ==, after_stale);
  bk_test_assert_check (store);
}

static void
test_delete (void)
{
  g_autoptr(BkStore) store = store_with_towns ();
  g_autofree char *first = import_fixture (store, "01-katalog.xml");
  g_autofree char *deletion = import_fixture (store, "03-loeschung.xml");
  g_autofree char *again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BkService) gone = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  g_assert_nonnull (strstr (deletion, "deleted: 2"));
  gone = bk_store_load_service (store, FUNDSACHE, &error);
  g_assert_null (gone);
  g_assert_error (error, BK_ERROR, BK_ERROR_NOT_FOUND);
  rows = bk_store_search_services (store, "Fundsache", NULL, NULL, 0, NULL);
  g_assert_cmpuint (rows->len, ==, 0);
  {
    g_autoptr(BkService) s = load (store, ANMELDEN);
    const BkServiceLocalOffice *lin = bk_service_get_local_office (s, LINDENTAL);

    /* Lindental's office is gone for this service; the county's online service stays */
    g_assert_nonnull (lin);
    g_assert_null (lin->office.name);
    g_assert_nonnull (lin->online_url);
  }
  /* the same deletions again: nothing there to delete */
  again = import_fixture (store, "03-loeschung.xml");
  g_assert_nonnull (strstr (again, "deleted: 0; deletions of objects the kiosk does not have: 2"));
  bk_test_assert_check (store);
}

/* ---- refused messages ------------------------------------------------- */

static void
test_malformed (void)
{
  static const struct {
    const char *file;
    const char *path;
    const char *problem;
  } cases[] = {
    { "bad-leika.xml", "/transferNachricht/schreibe[2]/leistung/referenzLeiKa/code (line ",
      "expected a LeiKa key of 14 digits, not “991150051”" },
    { "bad-klasse.xml", "/transferNachricht/loesche[1] (line 16)", "unknown klasse “Irgendwas”" },
    { "bad-gebiet.xml", "/transferNachricht/schreibe[2]/organisationseinheit/zustaendigkeit/gebietID (line ",
      "expected a Regionalschlüssel (ARS)" },
    { "bad-betrag.xml", "/kosten/kostenauswahl/kostenFix/betrag (line ", "expected an amount such as 37.50, not “zehn”" },
    { "bad-zustaendigkeit.xml", "/zustaendigkeitTransferObjekt/zustaendigkeit (line ", "“leistungID” is missing" },
    { "bad-name.xml", "/transferNachricht/schreibe[2]/leistung (line ", "the service has no name" },
    { "bad-datum.xml", "/versionsinformation/geaendertDatumZeit (line ", "not “gestern”" },
    { "bad-doctype.xml", "bad-doctype.xml: a document type declaration", "(DOCTYPE) is not allowed" },
    { "bad-version.xml", "/transferNachricht (line ", "XZuFi 2.3.1 is not supported" },
    { "bad-xml.xml", ": line 18: not well-formed XML", "Opening and ending tag mismatch" },
  };
  g_autoptr(BkStore) store = store_with_towns ();
  g_autofree char *first = import_fixture (store, "01-katalog.xml");
  g_autofree char *before = dump_all (store);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = fixture (cases[i].file);
      g_autoptr(GError) error = NULL;
      g_autofree char *after = NULL;

      g_assert_false (bk_import_file (store, path, BK_IMPORT_FORMAT_AUTO, NULL, &error));
      g_assert_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT);
      g_test_message ("%s", error->message);
      g_assert_true (g_str_has_prefix (error->message, path));
      g_assert_nonnull (strstr (error->message, cases[i].path));
      g_assert_nonnull (strstr (error->message, cases[i].problem));
      /* nothing of the message, not even its sound first service */
      after = dump_all (store);
      g_assert_cmpstr (before, ==, after);
      g_assert_cmpuint (bk_store_count_services (store), ==, 2);
    }
  bk_test_assert_check (store);
}

/* ---- publications (index.txt) ------------------------------------------ */

static char *
make_publication (const char *const *files,
                  const char        *index)
{
  g_autofree char *index_path = bk_test_write_file ("index.txt", index, -1);
  char *folder = g_path_get_dirname (index_path);

  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autofree char *from = fixture (files[i]);
      g_autofree char *to = g_build_filename (folder, files[i], NULL);
      g_autofree char *contents = NULL;
      gsize len;

      g_assert_true (g_file_get_contents (from, &contents, &len, NULL));
      g_assert_true (g_file_set_contents (to, contents, len, NULL));
    }
  return folder;
}

static void
remove_folder (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      g_unlink (path);
    }
  g_rmdir (folder);
}

/* Rewrites the index of a publication folder. */
static void
write_index (const char *folder,
             const char *index)
{
  g_autofree char *path = g_build_filename (folder, "index.txt", NULL);

  g_assert_true (g_file_set_contents (path, index, -1, NULL));
}

static void
test_publication (void)
{
  static const char *const files[] = { "01-katalog.xml", "02-aenderung.xml", "bad-betrag.xml", NULL };
  g_autoptr(BkStore) store = store_with_towns ();
  g_autofree char *folder = make_publication (files, "# Veröffentlichung der Testredaktion\n"
                                                      "01-katalog.xml\n02-aenderung.xml\r\n\n");
  g_autofree char *summary = NULL;
  g_autofree char *before = NULL;
  g_autofree char *index = g_build_filename (folder, "index.txt", NULL);
  g_autoptr(GError) error = NULL;

  /* the folder, or its index: the same */
  g_assert_true (bk_import_file (store, folder, BK_IMPORT_FORMAT_AUTO, &summary, &error));
  g_assert_no_error (error);
  g_test_message ("%s", summary);
  g_assert_nonnull (strstr (summary, "services: 3 new, 1 changed"));
  g_assert_cmpuint (bk_store_count_services (store), ==, 3);
  g_clear_pointer (&summary, g_free);
  g_assert_true (bk_import_file (store, index, BK_IMPORT_FORMAT_AUTO, &summary, &error));
  g_assert_nonnull (strstr (summary, "services: 0 new, 0 changed, 3 unchanged, 1 older than the stored version"));
  g_assert_nonnull (strstr (summary, "deleted: 0"));
  before = dump_all (store);

  /* an empty index never empties the catalogue */
  write_index (folder, "# nichts\n\n");
  g_assert_false (bk_import_file (store, folder, BK_IMPORT_FORMAT_AUTO, NULL, &error));
  g_assert_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "the index lists no files; nothing was changed"));
  g_clear_error (&error);
  /* nor one that lists a file that is not there */
  write_index (folder, "01-katalog.xml\nfehlt.xml\n");
  g_assert_false (bk_import_file (store, folder, BK_IMPORT_FORMAT_AUTO, NULL, &error));
  g_assert_error (error, BK_ERROR, BK_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "fehlt.xml: listed in the index, but it cannot be read"));
  g_clear_error (&error);
  /* nor one with a file that is refused */
  write_index (folder, "01-katalog.xml\nbad-betrag.xml\n");
  g_assert_false (bk_import_file (store, folder, BK_IMPORT_FORMAT_AUTO, NULL, &error));
  g_assert_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  /* names only, no paths */
  write_index (folder, "01-katalog.xml\n../../etc/passwd\n");
  g_assert_false (bk_import_file (store, folder, BK_IMPORT_FORMAT_AUTO, NULL, &error));
  g_assert_nonnull (strstr (error->message, "line 2: “../../etc/passwd” is not the name of a file"));
  g_clear_error (&error);
  {
    g_autofree char *after = dump_all (store);

    g_assert_cmpstr (before, ==, after);
  }

  /* A complete index without 02: what only 02 brought is gone (service
   * 1003, its responsibility); 1001 stays in the version the kiosk has. */
  write_index (folder, "01-katalog.xml\n");
  g_clear_pointer (&summary, g_free);
  g_assert_true (bk_import_file (store, folder, BK_IMPORT_FORMAT_AUTO, &summary, &error));
  g_assert_no_error (error);
  g_test_message ("%s", summary);
  g_assert_cmpuint (bk_store_count_services (store), ==, 2);
  g_assert_false (bk_store_xzufi_lookup (store, BK_XZUFI_SERVICE, "L100099:1003", NULL, NULL));
  g_assert_nonnull (strstr (summary, "1 older than the stored version"));
  bk_test_assert_check (store);
  remove_folder (folder);
}

/* A single file does not remove what a publication brought. */
static void
test_single_file_keeps_publication (void)
{
  static const char *const files[] = { "01-katalog.xml", NULL };
  g_autoptr(BkStore) store = store_with_towns ();
  g_autofree char *folder = make_publication (files, "01-katalog.xml\n");
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;

  g_assert_true (bk_import_file (store, folder, BK_IMPORT_FORMAT_AUTO, NULL, &error));
  summary = import_fixture (store, "02-aenderung.xml");
  g_assert_cmpuint (bk_store_count_services (store), ==, 3);
  /* the publication again: 1003 came from a single file and stays */
  g_assert_true (bk_import_file (store, folder, BK_IMPORT_FORMAT_AUTO, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (bk_store_count_services (store), ==, 3);
  remove_folder (folder);
}

/* ---- search -------------------------------------------------------------- */

static int
position (GPtrArray  *rows,
          const char *id)
{
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (((BkServiceSummary *) g_ptr_array_index (rows, i))->id, id) == 0)
      return (int) i;
  return -1;
}

/* The same service written by hand in the kiosk's JSON and imported from
 * XZuFi is found by the same words, in the same tier. */
static void
test_search (void)
{
  static const char *const queries[] = {
    "wohnsitz", "Wohnsitz anmelden", "anmeld", "Meldebehoerde", "Wohnungsgeberbestätigung",
    "nebenwohnung", "Ummeldung", "umzug", "gebuehrenfrei", "Bundesmeldegesetz", "register address",
    "99115005104000", "Meldebescheinigung", "abmeldung",
  };
  g_autoptr(BkStore) store = store_with_towns ();
  g_autofree char *summary = import_fixture (store, "01-katalog.xml");
  g_autoptr(BkService) imported = load (store, ANMELDEN);
  g_autoptr(JsonNode) node = bk_service_to_json (imported);
  g_autofree char *json = NULL;
  g_autoptr(GError) error = NULL;
  guint count = 0;

  /* by hand: the same texts, another id and a municipality (the JSON needs one) */
  json_object_set_string_member (json_node_get_object (node), "id", "von-hand");
  json_object_set_string_member (json_node_get_object (node), "municipality", "Stadt Auenbach");
  json = json_to_string (node, FALSE);
  g_assert_true (bk_store_begin (store, &error));
  bk_service_import_data (store, json, strlen (json), "von-hand.json", &count, &error);
  g_assert_no_error (error);
  g_assert_true (bk_store_commit (store, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(GPtrArray) rows = bk_store_search_services (store, queries[i], NULL, NULL, 0, &error);
      int a, b;

      g_assert_no_error (error);
      a = position (rows, ANMELDEN);
      b = position (rows, "von-hand");
      g_test_message ("%s: imported %d, by hand %d of %u", queries[i], a, b, rows->len);
      g_assert_cmpint (a, >=, 0);
      g_assert_cmpint (b, >=, 0);
      /* nothing between them: the same tier */
      g_assert_cmpint (ABS (a - b), ==, 1);
    }
  /* the English name too, with the interface in English */
  {
    g_autoptr(GPtrArray) rows = bk_store_search_services (store, "register", NULL, "en", 0, &error);

    g_assert_cmpint (position (rows, ANMELDEN), >=, 0);
    g_assert_cmpstr (((BkServiceSummary *) g_ptr_array_index (rows, position (rows, ANMELDEN)))->name, ==,
                     "Register your address");
  }
  bk_test_assert_check (store);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/xzufi/html", test_html);
  g_test_add_func ("/xzufi/text-blocks", test_text_blocks);
  g_test_add_func ("/xzufi/ars", test_ars);
  g_test_add_func ("/xzufi/towns", test_towns);
  g_test_add_func ("/xzufi/import", test_import);
  g_test_add_func ("/xzufi/most-specific", test_most_specific);
  g_test_add_func ("/xzufi/idempotent", test_idempotent);
  g_test_add_func ("/xzufi/update", test_update);
  g_test_add_func ("/xzufi/delete", test_delete);
  g_test_add_func ("/xzufi/malformed", test_malformed);
  g_test_add_func ("/xzufi/publication", test_publication);
  g_test_add_func ("/xzufi/single-file", test_single_file_keeps_publication);
  g_test_add_func ("/xzufi/search", test_search);

  return g_test_run ();
}
