#include <string.h>

#include <json-glib/json-glib.h>

#include "bk-error.h"
#include "bk-paper-reader.h"
#include "bk-text-parser.h"

/* Minimal motion around one line under test, so each rule is checked alone. */
/* G_TEST_SRCDIR is the tests/ folder in the meson run, tests/parser when
 * run by hand from here. */
static char *
fixture_dir (void)
{
  char *dir = g_test_build_filename (G_TEST_DIST, "parser", "fixtures", NULL);

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_free (dir);
      dir = g_test_build_filename (G_TEST_DIST, "fixtures", NULL);
    }
  return dir;
}

#define TAIL "\n\nBeschlussvorschlag:\nDie Verwaltung prüft den Vorschlag.\n"

static BkMotion *
parse_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  BkMotion *m = bk_text_parser_parse (text, -1, &error);

  g_assert_no_error (error);
  g_assert_nonnull (m);
  return m;
}

static char *
node_to_string (JsonNode *node)
{
  g_autoptr(JsonGenerator) gen = json_generator_new ();

  json_generator_set_pretty (gen, TRUE);
  json_generator_set_root (gen, node);
  return json_generator_to_data (gen, NULL);
}

/* Prints which members differ, then both documents, so a failing fixture
 * tells what changed without a separate diff tool. */
static void
report_difference (const char *name, JsonNode *expected, JsonNode *actual)
{
  JsonObject *e = json_node_get_object (expected);
  JsonObject *a = json_node_get_object (actual);
  g_autoptr(GList) members = json_object_get_members (e);

  g_printerr ("fixture %s differs from its .json:\n", name);
  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *en = json_object_get_member (e, l->data);
      JsonNode *an = json_object_get_member (a, l->data);

      if (an == NULL || !json_node_equal (en, an))
        {
          g_autofree char *es = node_to_string (en);
          g_autofree char *as = an != NULL ? node_to_string (an) : g_strdup ("(missing)");

          g_printerr ("  \"%s\"\n    expected: %s\n    actual:   %s\n", (char *) l->data, es, as);
        }
    }
  {
    g_autoptr(GList) am = json_object_get_members (a);

    for (GList *l = am; l != NULL; l = l->next)
      if (!json_object_has_member (e, l->data))
        g_printerr ("  unexpected member \"%s\"\n", (char *) l->data);
  }
}

static void
test_fixtures (void)
{
  g_autofree char *dir_path = fixture_dir ();
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint count = 0, failures = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autofree char *json_path = NULL;
      g_autofree char *text = NULL;
      g_autofree char *stem = NULL;
      gsize len = 0;
      g_autoptr(GError) error = NULL;
      g_autoptr(BkMotion) m = NULL;
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(JsonNode) actual = NULL;

      if (!g_str_has_suffix (name, ".txt") && !g_str_has_suffix (name, ".md")
          && !g_str_has_suffix (name, ".html"))
        continue;
      path = g_build_filename (dir_path, name, NULL);
      stem = g_strndup (name, strrchr (name, '.') - name);
      json_path = g_strdup_printf ("%s/%s.json", dir_path, stem);
      g_assert_true (g_file_get_contents (path, &text, &len, &error));
      g_assert_no_error (error);
      /* A demo-NAME fixture is a copy of the demo motion NAME: it must not
       * drift from the text the kiosk ships. */
      if (g_str_has_prefix (name, "demo-") && g_getenv ("BK_SOURCE_ROOT") != NULL)
        {
          g_autofree char *demo_path = g_build_filename (g_getenv ("BK_SOURCE_ROOT"), "data", "demo",
                                                         "motions", name + strlen ("demo-"), NULL);
          g_autofree char *demo = NULL;

          g_assert_true (g_file_get_contents (demo_path, &demo, NULL, &error));
          g_assert_no_error (error);
          if (!g_str_equal (text, demo))
            g_printerr ("%s differs from %s: copy it again\n", path, demo_path);
          g_assert_true (g_str_equal (text, demo));
        }
      /* pages saved from the web go through the file reader's HTML pass */
      if (g_str_has_suffix (name, ".html"))
        m = bk_paper_read_data (text, len, name, BK_PAPER_FORMAT_AUTO, &error);
      else
        m = bk_text_parser_parse (text, (gssize) len, &error);
      g_assert_no_error (error);
      g_assert_true (json_parser_load_from_file (parser, json_path, &error));
      g_assert_no_error (error);
      actual = bk_motion_to_json (m);
      if (!json_node_equal (json_parser_get_root (parser), actual))
        {
          report_difference (name, json_parser_get_root (parser), actual);
          failures++;
        }
      count++;
    }
  g_assert_cmpuint (count, >=, 6);
  g_assert_cmpuint (failures, ==, 0);
}

static void
test_dates (void)
{
  static const struct {
    const char *line;
    const char *iso;
  } cases[] = {
    { "Datum: 28.05.2021", "2021-05-28" },
    { "Datum: 8.3.21", "2021-03-08" },
    { "08. März 2021", "2021-03-08" },
    { "8. Dezember 2024", "2024-12-08" },
    { "Heinsberg, den 28.07.2020", "2020-07-28" },
    { "Musterstadt, 1.2.2023", "2023-02-01" },
    { "Datum: 2021-05-28", "2021-05-28" },
    { "Datum: 31.02.2021", NULL },         /* no such day: not guessed */
    { "Datum: 15/0292", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strconcat (cases[i].line, TAIL, NULL);
      g_autoptr(BkMotion) m = parse_ok (text);

      g_assert_cmpstr (m->date, ==, cases[i].iso);
    }
}

static void
test_meeting_date_is_not_paper_date (void)
{
  g_autoptr(BkMotion) m = parse_ok ("Ö\t12.03.2025\tBauausschuss" TAIL);

  g_assert_null (m->date);
  g_assert_cmpuint (m->consultations->len, ==, 1);
}

static void
test_page_header (void)
{
  const char *text =
    "Antrag der Fraktion Beispielliste\n\n"
    "Beschlussantrag:\n\n"
    "1. Die Verwaltung richtet an allen Bahnhöfen des Kreises abschließbare\n\n"
    "Antrag der Fraktion Beispielliste\n\n\n"
    "Fahrradboxen ein.\n"
    "2. Sie berichtet jährlich.\n\n"
    "Seite 2 von 3\n\n"
    "Begründung:\nDie Nachfrage ist groß.\n";
  g_autoptr(BkMotion) m = parse_ok (text);
  BkResolutionPoint *p;

  g_assert_cmpuint (m->resolution_points->len, ==, 2);
  p = g_ptr_array_index (m->resolution_points, 0);
  g_assert_cmpstr (p->text, ==,
                   "Die Verwaltung richtet an allen Bahnhöfen des Kreises abschließbare Fahrradboxen ein.");
  p = g_ptr_array_index (m->resolution_points, 1);
  g_assert_cmpstr (p->text, ==, "Sie berichtet jährlich.");
  g_assert_cmpstr (m->justification, ==, "Die Nachfrage ist groß.");
}

static void
test_checkbox_type (void)
{
  g_autoptr(BkMotion) a = parse_ok ("<input type=\"checkbox\"/>\tSachantrag\n"
                                    "<input checked=\"\" type=\"checkbox\"/>\tAnfrage\n" TAIL);
  g_autoptr(BkMotion) b = parse_ok ("[x] Dringlichkeitsantrag   [ ] Sachantrag\n" TAIL);
  g_autoptr(BkMotion) c = parse_ok ("☐ Sachantrag\n☐ Anfrage\n" TAIL);

  g_assert_cmpstr (a->type, ==, "Anfrage");
  g_assert_cmpstr (b->type, ==, "Dringlichkeitsantrag");
  /* nothing ticked: the type stays open */
  g_assert_null (c->type);
}

static void
test_public_flags (void)
{
  g_autoptr(BkMotion) m = parse_ok ("Status:\tDatum:\tGremium:\n"
                                    "Ö\t01.02.2025\tSozialausschuss\n"
                                    "N\t03.02.2025\tKreisausschuss\n" TAIL);
  g_autoptr(BkMotion) n = parse_ok ("**nichtöffentlich**\n" TAIL);
  BkConsultation *c;

  g_assert_cmpuint (m->consultations->len, ==, 2);
  c = g_ptr_array_index (m->consultations, 0);
  g_assert_cmpstr (c->committee, ==, "Sozialausschuss");
  g_assert_cmpstr (c->date, ==, "2025-02-01");
  g_assert_cmpint (c->is_public, ==, BK_TRISTATE_YES);
  c = g_ptr_array_index (m->consultations, 1);
  g_assert_cmpint (c->is_public, ==, BK_TRISTATE_NO);
  g_assert_cmpint (m->is_public, ==, BK_TRISTATE_YES);
  g_assert_cmpint (n->is_public, ==, BK_TRISTATE_NO);
}

static void
test_abbreviated_consultations (void)
{
  g_autoptr(BkMotion) m = parse_ok ("Beratung: KA 23.06.26 TOP 10 und KT 29.06.26\n"
                                    "Vorberatung BA 12.06.26\n" TAIL);
  BkConsultation *c;

  /* BA is not documented: it is neither expanded nor guessed */
  g_assert_cmpuint (m->consultations->len, ==, 2);
  c = g_ptr_array_index (m->consultations, 0);
  g_assert_cmpstr (c->committee, ==, "Kreisausschuss");
  g_assert_cmpstr (c->date, ==, "2026-06-23");
  c = g_ptr_array_index (m->consultations, 1);
  g_assert_cmpstr (c->committee, ==, "Kreistag");
  g_assert_cmpstr (c->date, ==, "2026-06-29");
  g_assert_null (c->role);
}

static void
test_subpoints (void)
{
  g_autoptr(BkMotion) m = parse_ok ("Der Kreistag möge beschließen:\n\n"
                                    "1. Die Verwaltung prüft:\n"
                                    "- den Bedarf,\n"
                                    "• die Kosten,\n"
                                    "2. Sie legt vor:\n"
                                    "a) einen Zeitplan,\n"
                                    "b) einen Finanzierungsvorschlag.\n");
  BkResolutionPoint *p;

  g_assert_cmpstr (m->body, ==, "Kreistag");
  g_assert_cmpuint (m->resolution_points->len, ==, 2);
  p = g_ptr_array_index (m->resolution_points, 0);
  g_assert_cmpstr (p->text, ==, "Die Verwaltung prüft:");
  g_assert_cmpuint (p->subpoints->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (p->subpoints, 1), ==, "die Kosten,");
  p = g_ptr_array_index (m->resolution_points, 1);
  g_assert_cmpuint (p->subpoints->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (p->subpoints, 0), ==, "einen Zeitplan,");
}

static void
test_postscript (void)
{
  g_autoptr(BkMotion) m = parse_ok ("Beschlussvorschlag:\nDie Verwaltung prüft den Vorschlag.\n\n"
                                    "Begründung:\nDas ist nötig.\n\n"
                                    "Mit freundlichen Grüßen\n\n"
                                    "Lena Beispiel\n\n"
                                    "Nachtrag zur Schreibweise:\n\n"
                                    "Wir verwenden abwechselnd beide Formen.\n");
  BkParty *p;

  g_assert_cmpstr (m->justification, ==, "Das ist nötig.");
  g_assert_cmpuint (m->signatories->len, ==, 1);
  p = g_ptr_array_index (m->signatories, 0);
  g_assert_cmpstr (p->name, ==, "Lena Beispiel");
  g_assert_cmpint (p->kind, ==, BK_PARTY_PERSON);
}

/* A summary in Leichte Sprache: its own section wherever it stands, and
 * only from a heading that is the whole line. */
static void
test_easy_summary (void)
{
  /* after the justification, before the signatures (layout a) */
  g_autoptr(BkMotion) a = parse_ok ("Betreff:\nNeue Bänke\n\nBeschlussvorschlag:\nDie Stadt stellt Bänke auf.\n\n"
                                    "Begründung:\nÄltere Menschen brauchen Pausen.\n\n"
                                    "Zusammenfassung in Leichter Sprache:\nEs gibt neue Bänke.\nDann kann man sich ausruhen.\n\n"
                                    "Das ist gut.\n\n"
                                    "gez.\nLena Beispiel\nFraktionsvorsitzende\n");
  /* in the header as a Markdown heading; text on the heading line */
  g_autoptr(BkMotion) b = parse_ok ("### Betreff:\n\nNeue Bänke\n\n### In Leichter Sprache\n\n"
                                    "Es gibt neue Bänke.\n\n### Beschlussvorschlag:\n\n1. Die Stadt stellt Bänke auf.\n\n"
                                    "#### Begründung:\n\nÄltere Menschen brauchen Pausen.\n\nLena Beispiel\nFraktionsvorsitzende\n");
  /* last, with the signatures after it and no "gez." (layout b) */
  g_autoptr(BkMotion) c = parse_ok ("Beschlussvorschlag:\nDie Stadt stellt Bänke auf.\n\n"
                                    "Begründung:\nÄltere Menschen brauchen Pausen.\n\n"
                                    "**Leichte Sprache:** Es gibt neue Bänke.\n\n"
                                    "Lena Beispiel\nFraktionsvorsitzende\n");
  /* "Leichte Sprache" as the subject, and inside sentences: no summary */
  g_autoptr(BkMotion) d = parse_ok ("Betreff:\nLeichte Sprache\n\nBeschlussvorschlag:\n"
                                    "Bescheide erscheinen auch in Leichter Sprache.\n\n"
                                    "Begründung:\nLeichte Sprache hilft vielen Menschen.\n");

  g_assert_cmpstr (a->easy_summary, ==, "Es gibt neue Bänke. Dann kann man sich ausruhen.\n\nDas ist gut.");
  g_assert_cmpstr (a->justification, ==, "Ältere Menschen brauchen Pausen.");
  g_assert_cmpuint (a->signatories->len, ==, 1);

  g_assert_cmpstr (b->easy_summary, ==, "Es gibt neue Bänke.");
  g_assert_cmpstr (b->subject, ==, "Neue Bänke");
  g_assert_cmpuint (b->resolution_points->len, ==, 1);
  g_assert_cmpuint (b->signatories->len, ==, 1);

  g_assert_cmpstr (c->easy_summary, ==, "Es gibt neue Bänke.");
  g_assert_cmpstr (c->justification, ==, "Ältere Menschen brauchen Pausen.");
  g_assert_cmpuint (c->signatories->len, ==, 1);
  g_assert_cmpstr (((BkParty *) g_ptr_array_index (c->signatories, 0))->name, ==, "Lena Beispiel");

  g_assert_null (d->easy_summary);
  g_assert_cmpstr (d->subject, ==, "Leichte Sprache");
  g_assert_cmpstr (d->justification, ==, "Leichte Sprache hilft vielen Menschen.");
}

static void
test_gez_blocks (void)
{
  g_autoptr(BkMotion) m = parse_ok ("Beschlussvorschlag:\nDie Verwaltung prüft den Vorschlag.\n\n"
                                    "gez.\nDr. Jana Feldkamp\nFraktionsvorsitzende\nCDU-Fraktion\n\n"
                                    "gez. Ole Brinkmann\n");
  BkParty *p;

  g_assert_cmpuint (m->signatories->len, ==, 2);
  p = g_ptr_array_index (m->signatories, 0);
  g_assert_cmpstr (p->name, ==, "Dr. Jana Feldkamp");
  g_assert_cmpstr (p->role, ==, "Fraktionsvorsitzende");
  p = g_ptr_array_index (m->signatories, 1);
  g_assert_cmpstr (p->name, ==, "Ole Brinkmann");
  g_assert_null (p->role);
  /* the faction line of a signature names the sender when nothing else does */
  g_assert_cmpuint (m->submitters->len, ==, 1);
  g_assert_cmpstr (((BkParty *) g_ptr_array_index (m->submitters, 0))->name, ==, "CDU-Fraktion");
}

static void
test_submitters (void)
{
  g_autoptr(BkMotion) a = parse_ok ("Gemeinsamer Antrag von CDU-Fraktion und Fraktion Bündnis 90/Die Grünen" TAIL);
  g_autoptr(BkMotion) b = parse_ok ("Antragsteller: CDU, SPD, KTA Maria Beispiel" TAIL);
  BkParty *p;

  g_assert_cmpuint (a->submitters->len, ==, 2);
  p = g_ptr_array_index (a->submitters, 1);
  g_assert_cmpstr (p->name, ==, "Fraktion Bündnis 90/Die Grünen");
  g_assert_cmpint (p->kind, ==, BK_PARTY_FACTION);
  g_assert_cmpuint (b->submitters->len, ==, 3);
  p = g_ptr_array_index (b->submitters, 2);
  g_assert_cmpstr (p->name, ==, "Maria Beispiel");
  g_assert_cmpint (p->kind, ==, BK_PARTY_PERSON);
}

static void
test_references (void)
{
  g_autoptr(BkMotion) m = parse_ok ("Drucksache Nr.: 16/0100\n\n"
                                    "Betreff: Ergänzung zur Beschlussvorlage 16/0088\n\n"
                                    "Beschlussvorschlag:\nWie in Vorlage 15/2001 und Antrag Nr. 15-1163/2013 "
                                    "sowie im Haushalt 2024/2025 beschrieben.\n");

  g_assert_cmpstr (m->reference, ==, "16/0100");
  g_assert_cmpuint (m->related_references->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (m->related_references, 0), ==, "16/0088");
  g_assert_cmpstr (g_ptr_array_index (m->related_references, 1), ==, "15/2001");
  g_assert_cmpstr (g_ptr_array_index (m->related_references, 2), ==, "15-1163/2013");
}

/* Header fields on one line, separated by runs of spaces or single spaces. */
static void
test_inline_header_labels (void)
{
  static const char *const lines[] = {
    "Antragsteller: SPD-Fraktion  Datum: 03.02.2026  Drucksache Nr.: 12/0301",
    "Antragsteller: SPD-Fraktion Datum: 03.02.2026 DrucksacheNr.: 12/0301",
    "Antragsteller: SPD-Fraktion\tDatum: 03.02.2026 Drucksache: 12/0301",
  };

  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      g_autofree char *text = g_strconcat (lines[i], "\n\nBetreff: Test\n"
                                           "\nBeschlussvorschlag:\nDie Verwaltung prüft "
                                           "den Vorschlag zu Drucksache 12/0301.\n", NULL);
      g_autoptr(BkMotion) m = parse_ok (text);
      BkParty *p;

      g_assert_cmpstr (m->reference, ==, "12/0301");
      g_assert_cmpstr (m->date, ==, "2026-02-03");
      g_assert_cmpuint (m->submitters->len, ==, 1);
      p = g_ptr_array_index (m->submitters, 0);
      g_assert_cmpstr (p->name, ==, "SPD-Fraktion");
      /* the paper's own number is never a related paper */
      g_assert_cmpuint (m->related_references->len, ==, 0);
    }
  {
    /* a label directly after a label is the value, not a new field */
    g_autoptr(BkMotion) m = parse_ok ("Betreff: Antrag: Neue Bänke\n" TAIL);

    g_assert_cmpstr (m->subject, ==, "Antrag: Neue Bänke");
  }
  {
    g_autoptr(BkMotion) m = parse_ok ("Status: öffentlich  Gremium: Gemeinderat Lindental\n" TAIL);

    g_assert_cmpint (m->is_public, ==, BK_TRISTATE_YES);
    g_assert_cmpstr (m->body, ==, "Gemeinderat Lindental");
  }
}

/* Letterheads and sender blocks name the body; addresses are not part of it. */
static void
test_body_letterhead (void)
{
  {
    g_autoptr(BkMotion) m = parse_ok ("Landkreis Beispielkreis – Kreistag\n\nBetreff: Test\n" TAIL);

    g_assert_cmpstr (m->body, ==, "Kreistag Beispielkreis");
  }
  {
    g_autoptr(BkMotion) m = parse_ok ("Fraktion DIE LINKE im Kreistag Beispielkreis\n"
                                      "Bahnhofstraße 22, 54321 Auenbach\n\nBetreff: Test\n" TAIL);

    g_assert_cmpstr (m->body, ==, "Kreistag Beispielkreis");
  }
  {
    g_autoptr(BkMotion) m = parse_ok ("Antragsteller: SPD-Fraktion im Gemeinderat Lindental\n"
                                      "Datum: 05.11.2026\n\nBetreff: Test\n" TAIL);
    BkParty *p = g_ptr_array_index (m->submitters, 0);

    g_assert_cmpstr (m->body, ==, "Gemeinderat Lindental");
    g_assert_cmpstr (p->name, ==, "SPD-Fraktion");
  }
}

/* A letter asking for a consultation, a "hier:" subject line, a lead-in
 * before numbered points. */
static void
test_letter_request (void)
{
  g_autoptr(BkMotion) m = parse_ok (
    "Herrn Bürgermeister\nMax Beispiel\n\nBeispielstadt, den 2. Oktober 2026\n\n"
    "Antrag zur Vorlage A/2026/010\nhier: Sitzbänke am Marktplatz\n\n"
    "Sehr geehrter Herr Bürgermeister,\n\n"
    "die Fraktion beantragt, diesen Antrag in der Sitzung des Bauausschusses am "
    "27. Januar 2027 zu beraten. Der Stadtrat möge beschließen:\n\n"
    "Der Beschlussvorschlag der Vorlage A/2026/010 wird wie folgt geändert:\n"
    "1. Nummer 1 erhält folgende Fassung: „Es werden vier Bänke aufgestellt.“\n"
    "2. Nummer 3 entfällt.\n\n"
    "Mit freundlichen Grüßen\n\nAnna Beispiel\n");
  const BkConsultation *c;
  const BkResolutionPoint *p;

  g_assert_cmpstr (m->subject, ==, "Antrag zur Vorlage A/2026/010 hier: Sitzbänke am Marktplatz");
  g_assert_cmpstr (m->body, ==, "Stadtrat");
  g_assert_cmpuint (m->consultations->len, ==, 1);
  c = g_ptr_array_index (m->consultations, 0);
  g_assert_cmpstr (c->committee, ==, "Bauausschuss");
  g_assert_cmpstr (c->date, ==, "2027-01-27");
  g_assert_null (c->role);
  g_assert_cmpuint (m->resolution_points->len, ==, 1);
  p = g_ptr_array_index (m->resolution_points, 0);
  g_assert_cmpstr (p->text, ==, "Der Beschlussvorschlag der Vorlage A/2026/010 wird wie folgt geändert:");
  g_assert_cmpuint (p->subpoints->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (p->subpoints, 1), ==, "Nummer 3 entfällt.");
}

static void
test_minimal_nothing_invented (void)
{
  g_autoptr(BkMotion) m = parse_ok ("Beschlussvorschlag:\nDie Verwaltung prüft den Vorschlag.\n");
  g_autoptr(JsonNode) node = bk_motion_to_json (m);
  JsonObject *o = json_node_get_object (node);
  static const char *const nulls[] = {
    "body", "type", "reference", "date", "public", "addressee", "justification"
  };
  static const char *const empties[] = {
    "submitters", "signatories", "consultations", "related_references"
  };

  for (guint i = 0; i < G_N_ELEMENTS (nulls); i++)
    g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (o, nulls[i])));
  for (guint i = 0; i < G_N_ELEMENTS (empties); i++)
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, empties[i])), ==, 0);
  g_assert_cmpuint (m->resolution_points->len, ==, 1);
  /* no title: one taken from the request, never shown as the paper's own */
  g_assert_cmpstr (m->subject, ==, "Die Verwaltung prüft den Vorschlag");
  g_assert_true (m->subject_derived);
  g_assert_true (json_object_get_boolean_member (o, "subject_derived"));
  g_assert_true (bk_motion_has_warning (m, "no-title"));
}

static void
assert_invalid (const char *text, gssize len, int code, const char *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BkMotion) m = bk_text_parser_parse (text, len, &error);

  g_assert_null (m);
  g_assert_error (error, BK_ERROR, code);
  if (fragment != NULL && strstr (error->message, fragment) == NULL)
    g_error ("message \"%s\" lacks \"%s\"", error->message, fragment);
}

static void
test_bad_input (void)
{
  static const char nul[] = "Betreff: X\0\x01\x02 binary";
  static const char bad_utf8[] = "Betreff: Test\nZeile zwei\nZeile \xC3\x28 drei\n";
  g_autofree char *large = NULL;

  assert_invalid ("", 0, BK_ERROR_INVALID_INPUT, NULL);
  assert_invalid ("", -1, BK_ERROR_INVALID_INPUT, NULL);
  assert_invalid (" \n\t\r\n  \n", -1, BK_ERROR_INVALID_INPUT, NULL);
  assert_invalid (nul, sizeof nul - 1, BK_ERROR_INVALID_INPUT, NULL);
  assert_invalid (bad_utf8, -1, BK_ERROR_INVALID_INPUT, "3");
  assert_invalid ("Wir treffen uns morgen im Park und essen Kuchen.\n", -1,
                  BK_ERROR_INVALID_INPUT, NULL);

  large = g_malloc (BK_TEXT_PARSER_MAX_SIZE + 2);
  memset (large, 'a', BK_TEXT_PARSER_MAX_SIZE + 1);
  large[BK_TEXT_PARSER_MAX_SIZE + 1] = '\0';
  assert_invalid (large, BK_TEXT_PARSER_MAX_SIZE + 1, BK_ERROR_TOO_LARGE, NULL);
}

static void
test_large_field (void)
{
  g_autoptr(GString) s = g_string_new ("Betreff: Großer Antrag\n\nBeschlussvorschlag:\nDie Verwaltung handelt.\n\nBegründung:\n");
  g_autoptr(BkMotion) m = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();

  /* one paragraph of ~1 MB, hard-wrapped like a PDF export */
  while (s->len < 1024 * 1024)
    g_string_append (s, "Dies ist ein langer Satz der Begründung mit 12 Wörtern und Zahlen 3.4.\n");
  m = parse_ok (s->str);
  g_assert_nonnull (m->justification);
  g_assert_cmpuint (strlen (m->justification), >, 1000 * 1000);
  g_assert_cmpfloat (g_timer_elapsed (timer, NULL), <, 5.0);

  /* and the same as a single line */
  g_string_assign (s, "Betreff: Lang\n\nBegründung: ");
  while (s->len < 1024 * 1024)
    g_string_append (s, "Wort 12.3.45 Vorlage 1/2 ");
  g_clear_pointer (&m, bk_motion_free);
  m = parse_ok (s->str);
  g_assert_nonnull (m->justification);
}

static void
test_random_bytes (void)
{
  static const char *const pieces[] = {
    "Begründung:", "Beschlussvorschlag:", "\n", "\n\n", "1. ", "- ", "a) ", "**", "\\*",
    "<input checked type=\"checkbox\"/>", "<b>", "</b>", "\t", "Ö", "N", "28.05.2021",
    "Gez.", "Mit freundlichen Grüßen", "Antrag der CDU-Fraktion", "Vorlage 1/2", "KA 1.2.26",
    "Betreff:", "Sehr geehrte Frau", "Frau Landrätin", "Hans Muster", "|", "   ", "#", ":",
    "Datum:", "Antragsteller", "&amp;", "<", ">", "\r", "ä", "☒", "[x]",
  };

  for (guint i = 0; i < 3000; i++)
    {
      g_autoptr(GString) s = g_string_new (NULL);
      guint n = (guint) g_test_rand_int_range (1, 60);
      g_autoptr(GError) error = NULL;
      g_autoptr(BkMotion) m = NULL;

      for (guint k = 0; k < n; k++)
        {
          if (g_test_rand_int_range (0, 4) == 0)
            g_string_append_c (s, (char) g_test_rand_int_range (1, 256));
          else
            g_string_append (s, pieces[g_test_rand_int_range (0, G_N_ELEMENTS (pieces))]);
        }
      m = bk_text_parser_parse (s->str, (gssize) s->len, &error);
      g_assert_true ((m == NULL) != (error == NULL));
    }
}

static void
test_speed (void)
{
  g_autofree char *dir = fixture_dir ();
  g_autofree char *path = g_build_filename (dir, "joint-checkbox-table.txt", NULL);
  g_autofree char *text = NULL;
  gsize len = 0;
  g_autoptr(GTimer) timer = g_timer_new ();
  double elapsed;

  g_assert_true (g_file_get_contents (path, &text, &len, NULL));
  for (guint i = 0; i < 1000; i++)
    {
      g_autoptr(BkMotion) m = bk_text_parser_parse (text, (gssize) len, NULL);

      g_assert_nonnull (m);
    }
  elapsed = g_timer_elapsed (timer, NULL);
  g_test_message ("1000 parses in %.3f s", elapsed);
  /* generous for slow CI machines and sanitizer builds */
  g_assert_cmpfloat (elapsed, <, 10.0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/parser/fixtures", test_fixtures);
  g_test_add_func ("/parser/dates", test_dates);
  g_test_add_func ("/parser/meeting-date-is-not-paper-date", test_meeting_date_is_not_paper_date);
  g_test_add_func ("/parser/page-header", test_page_header);
  g_test_add_func ("/parser/checkbox-type", test_checkbox_type);
  g_test_add_func ("/parser/public-flags", test_public_flags);
  g_test_add_func ("/parser/abbreviated-consultations", test_abbreviated_consultations);
  g_test_add_func ("/parser/subpoints", test_subpoints);
  g_test_add_func ("/parser/postscript", test_postscript);
  g_test_add_func ("/parser/gez-blocks", test_gez_blocks);
  g_test_add_func ("/parser/easy-summary", test_easy_summary);
  g_test_add_func ("/parser/submitters", test_submitters);
  g_test_add_func ("/parser/references", test_references);
  g_test_add_func ("/parser/inline-header-labels", test_inline_header_labels);
  g_test_add_func ("/parser/body-letterhead", test_body_letterhead);
  g_test_add_func ("/parser/letter-request", test_letter_request);
  g_test_add_func ("/parser/minimal-nothing-invented", test_minimal_nothing_invented);
  g_test_add_func ("/parser/bad-input", test_bad_input);
  g_test_add_func ("/parser/large-field", test_large_field);
  g_test_add_func ("/parser/random-bytes", test_random_bytes);
  g_test_add_func ("/parser/speed", test_speed);

  return g_test_run ();
}
