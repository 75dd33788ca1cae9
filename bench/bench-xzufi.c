/* bench-xzufi: import throughput of XZuFi service descriptions
 *
 *   bench-xzufi SERVICES RESPONSIBILITIES RUNS DB [FILE]
 *
 * Generates one XZuFi 2.2 message (written to FILE when given) with SERVICES
 * services and offices in 200 towns whose Zuständigkeiten add up to
 * RESPONSIBILITIES, and the same services in the kiosk's own JSON format.
 * Each run starts from an empty file database DB (deleted first) and imports
 * in one transaction, commit included:
 *   - the XZuFi message (bk_xzufi_import_data),
 *   - the same message again (nothing changes: the idempotent path),
 *   - the JSON catalogue (bk_service_import_data): the baseline, in the same run.
 * Prints one line per run and RESULT lines with the medians.
 *
 * Every service carries what a real description has: two names, a teaser,
 * a full text with headings, paragraphs, a list and a link, documents,
 * requirements, steps, the legal basis, two costs with amounts, a deadline,
 * a processing time, a keyword and a version. Seeded: the same message on
 * every machine.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdlib.h>
#include <string.h>
#include <glib/gstdio.h>

#include "bench-gen.h"
#include "bk-service-import.h"
#include "bk-store.h"
#include "bk-xzufi.h"

#define TOWNS 200

static const char *const nouns[] = {
  "Wohnsitz", "Personalausweis", "Reisepass", "Führerschein", "Gewerbe", "Hund", "Baugenehmigung",
  "Wohngeld", "Elterngeld", "Kindergeld", "Parkausweis", "Sperrmüll", "Fundsache", "Geburtsurkunde",
  "Eheschließung", "Sterbeurkunde", "Meldebescheinigung", "Führungszeugnis", "Fischereischein",
  "Waffenschein", "Sondernutzung", "Straßensperrung", "Veranstaltung", "Gaststätte", "Schornstein",
  "Grundsteuer", "Abfallgebühr", "Kita-Platz", "Schülerbeförderung", "Pflegegrad", "Blindengeld",
};
static const char *const verbs[] = {
  "beantragen", "anmelden", "abmelden", "ummelden", "verlängern", "ändern", "ersetzen", "auskunft",
};
static const char *const words[] = {
  "Antrag", "Behörde", "Nachweis", "Formular", "Termin", "Gebühr", "Frist", "Unterlagen", "Bürgerbüro",
  "Landratsamt", "Bescheid", "Zuständigkeit", "Verwaltung", "persönlich", "schriftlich", "online",
  "innerhalb", "Wochen", "vorlegen", "erhalten", "zahlen", "prüfen", "Vollmacht", "Lichtbild",
  "Einwohnermeldeamt", "Ordnungsamt", "Straßenverkehrsbehörde", "Sozialamt", "Jugendamt",
};

static void
append_words (GString *out,
              GRand   *rand,
              guint    n)
{
  for (guint i = 0; i < n; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? " " : "",
                            words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
}

static char *
sentence (GRand *rand,
          guint  n)
{
  GString *out = g_string_new (NULL);

  append_words (out, rand, n);
  g_string_append_c (out, '.');
  return g_string_free (out, FALSE);
}

static void
text_module (GString    *xml,
             const char *code,
             const char *html)
{
  g_autofree char *escaped = g_markup_escape_text (html, -1);

  g_string_append_printf (xml, "<x:modulText><x:leikaTextmodul><code>%s</code></x:leikaTextmodul>"
                               "<x:inhalt languageCode=\"de\">%s</x:inhalt></x:modulText>\n",
                          code, escaped);
}

/* One service, as XZuFi into xml and as kiosk JSON into json. */
static void
gen_service (GRand       *rand,
             guint        n,
             GString     *xml,
             JsonBuilder *json)
{
  const char *noun = nouns[g_rand_int_range (rand, 0, G_N_ELEMENTS (nouns))];
  const char *verb = verbs[g_rand_int_range (rand, 0, G_N_ELEMENTS (verbs))];
  g_autofree char *name = g_strdup_printf ("%s %s %u", noun, verb, n);
  g_autofree char *teaser = sentence (rand, 12);
  g_autofree char *p1 = sentence (rand, 40);
  g_autofree char *p2 = sentence (rand, 30);
  g_autofree char *req = sentence (rand, 15);
  g_autofree char *d1 = sentence (rand, 4), *d2 = sentence (rand, 5), *d3 = sentence (rand, 3);
  g_autofree char *s1 = sentence (rand, 6), *s2 = sentence (rand, 6), *s3 = sentence (rand, 6);
  g_autofree char *full = g_strdup_printf ("<h3>Allgemeines</h3><p>%s</p><ul><li>%s</li><li>%s</li></ul>"
                                           "<p>%s Mehr beim <a href=\"https://example.org/l/%u\">Amt</a>.</p>",
                                           p1, d1, d2, p2, n);
  g_autofree char *docs = g_strdup_printf ("<ul><li>%s</li><li>%s</li><li>%s</li></ul>", d1, d2, d3);
  g_autofree char *steps = g_strdup_printf ("<ol><li>%s</li><li>%s</li><li>%s</li></ol>", s1, s2, s3);
  guint fee = g_rand_int_range (rand, 5, 200);

  g_string_append_printf (xml, "<x:schreibe><x:leistung><x:id schemeAgencyID=\"B\">%u</x:id>\n", n);
  text_module (xml, "02", name);
  text_module (xml, "03", name);
  text_module (xml, "24", teaser);
  text_module (xml, "06", full);
  text_module (xml, "09", req);
  text_module (xml, "08", docs);
  text_module (xml, "11", steps);
  text_module (xml, "07", "§ 17 Bundesmeldegesetz (BMG)");
  g_string_append_printf (xml, "<x:modulFrist><x:frist><x:fristauswahl><x:fristDauer><x:dauer>2</x:dauer>"
                               "<x:einheit>WOCHE</x:einheit></x:fristDauer></x:fristauswahl></x:frist></x:modulFrist>\n"
                               "<x:modulKosten><x:kosten><x:kostenauswahl><x:kostenFix><x:betrag currencyCode=\"EUR\">%u.50</x:betrag>"
                               "</x:kostenFix></x:kostenauswahl><x:beschreibung languageCode=\"de\">Gebühr</x:beschreibung></x:kosten>"
                               "<x:kosten><x:kostenauswahl><x:kostenVariabel><x:betragUntergrenze currencyCode=\"EUR\">10</x:betragUntergrenze>"
                               "<x:betragObergrenze currencyCode=\"EUR\">500</x:betragObergrenze></x:kostenVariabel></x:kostenauswahl>"
                               "<x:beschreibung languageCode=\"de\">Auslagen</x:beschreibung></x:kosten></x:modulKosten>\n"
                               "<x:modulBearbeitungsdauer><x:bearbeitungsdauer><x:fristauswahl><x:fristDauer><x:dauer>3</x:dauer>"
                               "<x:einheit>TAG</x:einheit></x:fristDauer></x:fristauswahl></x:bearbeitungsdauer></x:modulBearbeitungsdauer>\n"
                               "<x:modulBegriffImKontext><x:begriffImKontext><x:begriff languageCode=\"de\">%s</x:begriff>"
                               "</x:begriffImKontext></x:modulBegriffImKontext>\n"
                               "<x:versionsinformation><x:geaendertDatumZeit>2026-03-01T10:00:00Z</x:geaendertDatumZeit>"
                               "</x:versionsinformation></x:leistung></x:schreibe>\n", fee, noun);

  /* the same in the kiosk's JSON, as a hand-written catalogue would say it */
  json_builder_begin_object (json);
#define MEMBER(key, value) json_builder_set_member_name (json, key); json_builder_add_string_value (json, value)
  {
    g_autofree char *id = g_strdup_printf ("s%u", n);
    g_autofree char *full_text = g_strdup_printf ("# Allgemeines\n\n%s\n\n• %s\n• %s\n\n%s Mehr beim Amt "
                                                  "(https://example.org/l/%u).", p1, d1, d2, p2, n);
    g_autofree char *costs = g_strdup_printf ("• Gebühr: %u,50 Euro\n• Auslagen: 10,00 Euro bis 500,00 Euro", fee);

    MEMBER ("id", id);
    MEMBER ("municipality", "Landkreis Beispielkreis");
    MEMBER ("name", name);
    MEMBER ("short", teaser);
    MEMBER ("full", full_text);
    MEMBER ("who_may_apply", req);
    MEMBER ("costs", costs);
    MEMBER ("processing_time", "3 Tage");
    MEMBER ("deadlines", "2 Wochen");
    MEMBER ("legal_basis", "§ 17 Bundesmeldegesetz (BMG)");
    json_builder_set_member_name (json, "documents");
    json_builder_begin_array (json);
    json_builder_add_string_value (json, d1);
    json_builder_add_string_value (json, d2);
    json_builder_add_string_value (json, d3);
    json_builder_end_array (json);
    json_builder_set_member_name (json, "steps");
    json_builder_begin_array (json);
    json_builder_add_string_value (json, s1);
    json_builder_add_string_value (json, s2);
    json_builder_add_string_value (json, s3);
    json_builder_end_array (json);
    json_builder_set_member_name (json, "keywords");
    json_builder_begin_array (json);
    json_builder_add_string_value (json, noun);
    json_builder_end_array (json);
  }
#undef MEMBER
  json_builder_end_object (json);
}

/* Offices in TOWNS towns; each names services it is responsible for in its
 * town, until there are responsibilities of them. */
static void
gen_offices (GRand   *rand,
             guint    services,
             guint    responsibilities,
             GString *xml)
{
  guint per_office = (responsibilities + TOWNS - 1) / TOWNS;
  guint written = 0;

  for (guint t = 0; t < TOWNS && written < responsibilities; t++)
    {
      g_string_append_printf (xml, "<x:schreibe><x:organisationseinheit><x:id schemeAgencyID=\"B\">OE-%u</x:id>"
                                   "<x:name><x:name languageCode=\"de\">Bürgerbüro Ort %u</x:name></x:name>"
                                   "<x:anschrift><x:strasse>Marktplatz</x:strasse><x:hausnummer>%u</x:hausnummer>"
                                   "<x:postleitzahl>12345</x:postleitzahl><x:ort>Ort %u</x:ort>"
                                   "<x:kennzeichenRollstuhlgerecht>true</x:kennzeichenRollstuhlgerecht></x:anschrift>"
                                   "<x:kommunikation><x:kanal><code>02</code></x:kanal><x:kennung>01234 %u</x:kennung></x:kommunikation>"
                                   "<x:kommunikation><x:kanal><code>01</code></x:kanal><x:kennung>ort%u@example.org</x:kennung></x:kommunikation>"
                                   "<x:oeffnungszeiten><x:beschreibung languageCode=\"de\">Montag bis Freitag 8–12 Uhr</x:beschreibung></x:oeffnungszeiten>\n",
                              t, t, t + 1, t, t, t);
      for (guint i = 0; i < per_office && written < responsibilities; i++, written++)
        g_string_append_printf (xml, "<x:zustaendigkeit><x:leistungID schemeAgencyID=\"B\">%u</x:leistungID>"
                                     "<x:gebietID>00101%04u%03u</x:gebietID></x:zustaendigkeit>\n",
                                (guint) g_rand_int_range (rand, 0, services), t + 1, t + 1);
      g_string_append (xml, "</x:organisationseinheit></x:schreibe>\n");
    }
}

/* One import in one transaction, commit included: seconds. xml, or else
 * the JSON files. */
static double
timed_import (BkStore    *store,
              GString    *xml,
              GPtrArray  *jsons,
              guint      *count)
{
  g_autoptr(GError) error = NULL;
  BkXzufiStats stats = { 0 };
  double t0 = bench_now ();
  gboolean ok = TRUE;

  if (!bk_store_begin (store, &error))
    g_error ("%s", error->message);
  if (xml != NULL)
    ok = bk_xzufi_import_data (store, xml->str, xml->len, "bench.xml", &stats, &error);
  for (guint i = 0; ok && jsons != NULL && i < jsons->len; i++)
    {
      const char *json = g_ptr_array_index (jsons, i);
      guint n = 0;

      ok = bk_service_import_data (store, json, strlen (json), "bench.json", &n, &error);
      if (count != NULL)
        *count += n;
    }
  if (!ok || !bk_store_commit (store, &error))
    g_error ("%s", error->message);
  if (xml != NULL && count != NULL)
    *count = stats.services_added + stats.services_updated + stats.services_unchanged;
  bk_xzufi_stats_clear (&stats);
  return bench_now () - t0;
}

int
main (int   argc,
      char *argv[])
{
  guint services, responsibilities, runs;
  const char *db;
  g_autoptr(GRand) rand = NULL;
  g_autoptr(GString) xml = g_string_new (NULL);
  g_autoptr(GPtrArray) jsons = g_ptr_array_new_with_free_func (g_free);
  JsonBuilder *builder = NULL;
  gsize json_bytes = 0;
  g_autoptr(GArray) rates = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) again_rates = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) json_rates = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) ratios = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) secs = g_array_new (FALSE, FALSE, sizeof (double));

  if (argc < 5)
    {
      g_printerr ("usage: bench-xzufi SERVICES RESPONSIBILITIES RUNS DB [FILE]\n");
      return 1;
    }
  services = (guint) atoi (argv[1]);
  responsibilities = (guint) atoi (argv[2]);
  runs = (guint) atoi (argv[3]);
  db = argv[4];
  rand = g_rand_new_with_seed (g_getenv ("BENCH_SEED") ? (guint32) atoi (g_getenv ("BENCH_SEED"))
                                                       : BENCH_DEFAULT_SEED);

  g_string_append (xml, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        "<x:transferNachricht xmlns:x=\"http://xoev.de/schemata/xzufi/2_2_0\" xzufiVersion=\"2.2.0\">\n"
                        "<x:nachrichtenkopf/>\n");
  /* the JSON in files of 1 000 services (the format takes 8 MB a file) */
  for (guint i = 0; i < services; i++)
    {
      if (builder == NULL)
        {
          builder = json_builder_new ();
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "services");
          json_builder_begin_array (builder);
        }
      gen_service (rand, i, xml, builder);
      if ((i + 1) % 1000 == 0 || i + 1 == services)
        {
          g_autoptr(JsonNode) root = NULL;

          json_builder_end_array (builder);
          json_builder_end_object (builder);
          root = json_builder_get_root (builder);
          g_ptr_array_add (jsons, json_to_string (root, FALSE));
          json_bytes += strlen (g_ptr_array_index (jsons, jsons->len - 1));
          g_clear_object (&builder);
        }
    }
  gen_offices (rand, services, responsibilities, xml);
  g_string_append (xml, "</x:transferNachricht>\n");
  if (argc > 5 && !g_file_set_contents (argv[5], xml->str, (gssize) xml->len, NULL))
    g_error ("cannot write %s", argv[5]);
  g_print ("message: %u services, %u responsibilities in %u towns, %.1f MB XML; JSON %.1f MB\n",
           services, responsibilities, TOWNS, xml->len / 1e6, json_bytes / 1e6);

  for (guint r = 0; r < runs; r++)
    {
      g_autoptr(BkStore) store = NULL;
      g_autoptr(GError) error = NULL;
      guint count = 0, json_count = 0;
      double t, t_again, t_json, rate, json_rate;

      /* XZuFi into an empty database, then the same again */
      bench_remove_db (db);
      store = bk_store_open (db, BK_STORE_OPEN_DEFAULT, &error);
      if (store == NULL)
        g_error ("%s", error->message);
      t = timed_import (store, xml, NULL, &count);
      t_again = timed_import (store, xml, NULL, NULL);
      if (bk_store_count_services (store) != services)
        g_error ("stored %u services, not %u", bk_store_count_services (store), services);
      g_clear_object (&store);

      /* the baseline: the same services as the kiosk's JSON */
      bench_remove_db (db);
      store = bk_store_open (db, BK_STORE_OPEN_DEFAULT, &error);
      t_json = timed_import (store, NULL, jsons, &json_count);
      g_clear_object (&store);

      rate = services / t;
      json_rate = services / t_json;
      g_array_append_val (rates, rate);
      g_array_append_val (secs, t);
      g_array_append_vals (again_rates, &(double) { services / t_again }, 1);
      g_array_append_val (json_rates, json_rate);
      g_array_append_vals (ratios, &(double) { rate / json_rate }, 1);
      g_print ("run %u: XZuFi %u services + %u responsibilities in %.3f s = %.0f services/s; "
               "again (unchanged) %.3f s = %.0f/s; JSON baseline %.3f s = %.0f services/s; "
               "XZuFi/JSON %.2f\n", r + 1, count, responsibilities, t, rate, t_again,
               services / t_again, t_json, json_rate, rate / json_rate);
    }
  bench_remove_db (db);
  g_print ("RESULT xzufi.services %u\n", services);
  g_print ("RESULT xzufi.responsibilities %u\n", responsibilities);
  g_print ("RESULT xzufi.runs %u\n", runs);
  g_print ("RESULT xzufi.median_s %.3f\n", bench_percentile (secs, 50));
  g_print ("RESULT xzufi.services_per_s %.0f\n", bench_percentile (rates, 50));
  g_print ("RESULT xzufi.services_per_s_min %.0f\n", bench_percentile (rates, 0));
  g_print ("RESULT xzufi.again_per_s %.0f\n", bench_percentile (again_rates, 50));
  g_print ("RESULT xzufi.json_services_per_s %.0f\n", bench_percentile (json_rates, 50));
  g_print ("RESULT xzufi.ratio_to_json %.2f\n", bench_percentile (ratios, 50));
  return 0;
}
