/* test-glossary.c: loading the glossary and finding its terms in text */

#include <glib/gstdio.h>

#include "bk-error.h"
#include "bk-glossary.h"
#include "bk-test-util.h"

#define ENTRY(term, extra) \
  "{\"term\": \"" term "\", \"easy\": \"Leicht.\", \"english\": \"Easy.\"" extra "}"

static BkGlossary *
glossary_from (const char *json)
{
  g_autoptr(GError) error = NULL;
  BkGlossary *glossary = bk_glossary_new_from_data (json, -1, "test.json", &error);

  g_assert_no_error (error);
  g_assert_nonnull (glossary);
  return glossary;
}

/* The terms found in text, joined by "|". */
static char *
found_terms (BkGlossary *glossary,
             const char *text)
{
  g_autoptr(GPtrArray) found = bk_glossary_find_terms (glossary, text);
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; i < found->len; i++)
    {
      const BkGlossaryEntry *entry = g_ptr_array_index (found, i);

      if (i > 0)
        g_string_append_c (s, '|');
      g_string_append (s, entry->term);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

#define assert_found(glossary, text, expected) \
  G_STMT_START { \
    g_autofree char *found_ = found_terms (glossary, text); \
    g_assert_cmpstr (found_, ==, expected); \
  } G_STMT_END

static void
test_default (void)
{
  static const char *const required[] = {
    "Antrag", "Drucksache", "Beschlussvorschlag", "Beschluss", "Ausschuss", "Kreistag",
    "Gemeinderat", "Stadtrat", "Fraktion", "Beratungsfolge", "Begründung", "öffentlich",
    "nichtöffentlich", "Vorlage", "Tagesordnung", "Sitzung", "Landrat", "Landrätin",
    "Bürgermeister", "Bürgermeisterin", "Haushalt", "Verwaltung", "Anfrage", "Änderungsantrag",
    "Kenntnisnahme", "Vertagung", "Abstimmung", "Mehrheit", "einstimmig", "Kreisausschuss",
    "Satzung", "Gebühr", "Frist", "Bescheid", "Barrierefreiheit", "Leichte Sprache",
    "Antragsteller", "Gremium", "Ortschaftsrat", "Federführung", NULL
  };
  BkGlossary *glossary = bk_glossary_get_default ();
  guint n = bk_glossary_get_n_entries (glossary);

  g_assert_cmpuint (n, >=, 35);
  g_assert_true (bk_glossary_get_default () == glossary);

  for (guint i = 0; required[i] != NULL; i++)
    {
      const BkGlossaryEntry *entry = bk_glossary_lookup (glossary, required[i]);

      if (entry == NULL)
        g_error ("the bundled glossary does not explain “%s”", required[i]);
    }

  for (guint i = 0; i < n; i++)
    {
      const BkGlossaryEntry *entry = bk_glossary_get_entry (glossary, i);

      g_assert_cmpstr (entry->forms[0], ==, entry->term);
      g_assert_cmpuint (strlen (entry->easy), >, 20);
      g_assert_cmpuint (strlen (entry->english), >, 20);
      g_assert_cmpint (bk_glossary_get_index (glossary, entry), ==, (int) i);
      /* Every term is found in itself, or beside its context. */
      if (entry->context == NULL)
        assert_found (glossary, entry->term, entry->term);
      else
        {
          g_autofree char *text = g_strdup_printf ("%s %s", entry->term, entry->context[0]);
          g_autoptr(GPtrArray) found = bk_glossary_find_terms (glossary, text);

          g_assert_true (g_ptr_array_find (found, entry, NULL));
          g_clear_pointer (&found, g_ptr_array_unref);
          found = bk_glossary_find_terms (glossary, entry->term);
          g_assert_false (g_ptr_array_find (found, entry, NULL));
        }
    }

  /* A–Z with Ä sorted as A: Abstimmung, Änderungsantrag, Anfrage … */
  g_assert_cmpstr (bk_glossary_get_entry (glossary, 0)->term, ==, "Abstimmung");
  g_assert_cmpint (bk_glossary_get_index (glossary, bk_glossary_lookup (glossary, "Änderungsantrag")), <,
                   bk_glossary_get_index (glossary, bk_glossary_lookup (glossary, "Anfrage")));
  g_assert_cmpint (bk_glossary_get_index (glossary, bk_glossary_lookup (glossary, "öffentlich")), >,
                   bk_glossary_get_index (glossary, bk_glossary_lookup (glossary, "nichtöffentlich")));
}

static void
test_forms (void)
{
  BkGlossary *glossary = bk_glossary_get_default ();

  /* Inflected forms, any case, umlauts spelled out. */
  assert_found (glossary, "Die Anträge wurden im Ausschuss beraten.", "Antrag|Ausschuss");
  assert_found (glossary, "ANTRAEGEN und Ausschüssen", "Antrag|Ausschuss");
  assert_found (glossary, "des Kreistages und der Landrätin", "Kreistag|Landrat");
  g_assert_true (bk_glossary_lookup (glossary, "Landrätinnen") == bk_glossary_lookup (glossary, "Landrat"));
  g_assert_null (bk_glossary_lookup (glossary, "Rampe"));

  /* Distinct, in the order of first occurrence. */
  assert_found (glossary, "Sitzung. Antrag. Sitzungen. Anträge.", "Sitzung|Antrag");

  /* Forms of several words, across a line break. */
  assert_found (glossary, "Bescheide in Leichter\nSprache", "Bescheid|Leichte Sprache");

  /* Compounds end in a form: the Bauausschuss is a committee. */
  assert_found (glossary, "im Bauausschusses", "Ausschuss");
  assert_found (glossary, "die SPD-Kreistagsfraktion", "Fraktion");

  assert_found (glossary, "", "");
  assert_found (glossary, "Nichts davon hier.", "");
}

static void
test_longest_match (void)
{
  BkGlossary *glossary = bk_glossary_get_default ();

  /* "Änderungsantrag" is a form of its own and also ends in "antrag": only
   * the longer match counts at that place. */
  assert_found (glossary, "Der Änderungsantrag", "Änderungsantrag");
  assert_found (glossary, "Der Änderungsantrag zum Antrag", "Änderungsantrag|Antrag");
  /* "nicht öffentlich" is one term, not also "öffentlich" */
  assert_found (glossary, "in nicht öffentlicher Sitzung", "nichtöffentlich|Sitzung");
  assert_found (glossary, "in nicht-öffentlicher Sitzung", "nichtöffentlich|Sitzung");
  assert_found (glossary, "in öffentlicher Sitzung", "öffentlich|Sitzung");
  /* "öffentlich" explains a session: not every public thing */
  assert_found (glossary, "Mehr Busse im öffentlichen Nahverkehr", "");
  assert_found (glossary, "Der Ausschuss tagt öffentlich.", "Ausschuss|öffentlich");
  /* The Kreisausschuss has its own entry: not explained as an Ausschuss. */
  assert_found (glossary, "Kreisausschuss", "Kreisausschuss");
}

static void
test_word_boundaries (void)
{
  g_autoptr(BkGlossary) glossary = glossary_from (
    "{\"version\": 1, \"terms\": ["
    ENTRY ("Rat", ", \"forms\": [\"Rates\"]") ","
    ENTRY ("Satzung", "") ","
    ENTRY ("Ausschuss", ", \"compounds\": true") ","
    ENTRY ("Frist", ", \"compounds\": true")
    "]}");

  /* Never inside another word. */
  assert_found (glossary, "Die Beratung im Rathaus über den Vorrat", "");
  assert_found (glossary, "Der Rat, des Rates.", "Rat");
  assert_found (glossary, "Rat-Haus", "Rat");
  /* Without "compounds" a word end is no match: Besatzung is no Satzung. */
  assert_found (glossary, "Die Besatzung", "");
  assert_found (glossary, "Die Satzung", "Satzung");
  /* With it, a compound needs a first part of three letters or more. */
  assert_found (glossary, "Bauausschuss", "Ausschuss");
  assert_found (glossary, "Antragsfrist", "Frist");
  assert_found (glossary, "Befrist", "");
}

static void
test_bad_input (void)
{
  static const struct {
    const char *json;
    const char *message;
  } cases[] = {
    { "[1, 2]", "test.json: $: expected an object" },
    { "{\"terms\": {}}", "test.json: $.terms: expected a list of terms" },
    { "{\"version\": 2, \"terms\": []}", "test.json: $.version: this program reads version 1 only" },
    { "{\"terms\": [" ENTRY ("A", "") ", 3]}", "test.json: $.terms[1]: expected an object" },
    { "{\"terms\": [" ENTRY ("A", "") "," ENTRY ("B", "") "," ENTRY ("C", "") ","
      ENTRY ("D", ", \"forms\": \"Ds\"") "]}",
      "test.json: $.terms[3].forms: expected a list of strings" },
    { "{\"terms\": [" ENTRY ("A", ", \"forms\": [\"As\", 1]") "]}",
      "test.json: $.terms[0].forms: expected a list of strings" },
    { "{\"terms\": [{\"term\": \"A\", \"english\": \"x\"}]}",
      "test.json: $.terms[0].easy: expected a text that is not empty" },
    { "{\"terms\": [{\"term\": \" \", \"easy\": \"x\", \"english\": \"x\"}]}",
      "test.json: $.terms[0].term: expected a text that is not empty" },
    { "{\"terms\": [{\"term\": \"A\", \"easy\": \"x\"}]}",
      "test.json: $.terms[0].english: expected a text that is not empty" },
    { "{\"terms\": [" ENTRY ("A", ", \"context\": \"Sitzung\"") "]}",
      "test.json: $.terms[0].context: expected a list of strings" },
    { "{\"terms\": [" ENTRY ("A", ", \"compounds\": \"yes\"") "]}",
      "test.json: $.terms[0].compounds: expected true or false" },
    { "{\"terms\": [" ENTRY ("Antrag", ", \"forms\": [\"Anträge\"]") ","
      ENTRY ("Sachantrag", ", \"forms\": [\"Sachanträge\", \"ANTRAEGE\"]") "]}",
      "test.json: $.terms[1].forms[1]: “ANTRAEGE” is already a form of “Antrag”" },
    { "{\"terms\": [" ENTRY ("A", ", \"forms\": [\"--\"]") "]}",
      "test.json: $.terms[0].forms[0]: a form needs at least one letter" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BkGlossary) glossary = bk_glossary_new_from_data (cases[i].json, -1, "test.json", &error);

      g_assert_null (glossary);
      g_assert_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }

  /* Broken JSON: the parser's message, after the file name. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(BkGlossary) glossary = bk_glossary_new_from_data ("{\"terms\": [", -1, "test.json", &error);

    g_assert_null (glossary);
    g_assert_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT);
    g_assert_true (g_str_has_prefix (error->message, "test.json: "));
  }

  /* Not UTF-8 (Latin-1 "ä"): refused with the place, like an import. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(BkGlossary) glossary =
        bk_glossary_new_from_data ("{\"version\": 1, \"terms\": [\n  \"\xe4\"]}", -1, "test.json",
                                   &error);

    g_assert_null (glossary);
    g_assert_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT);
    g_assert_true (g_str_has_prefix (error->message, "test.json: line 2, column "));
  }
}

/* A misspelt field is a warning (structured logging: checked in a subprocess). */
static void
test_unknown_field (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(BkGlossary) glossary = NULL;

      g_log_set_always_fatal (G_LOG_FATAL_MASK);
      glossary = glossary_from ("{\"terms\": [" ENTRY ("A", ", \"exlanation\": \"typo\"") "]}");
      g_assert_cmpuint (bk_glossary_get_n_entries (glossary), ==, 1);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*test.json: $.terms[0].exlanation: unknown field, ignored*");
}

static void
test_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = bk_test_write_file ("words.json", "{\"terms\": [" ENTRY ("A", ", \"forms\": 5") "]}", -1);
  g_autoptr(BkGlossary) glossary = bk_glossary_new_from_file (path, &error);

  g_assert_null (glossary);
  g_assert_cmpstr (error->message, ==, "words.json: $.terms[0].forms: expected a list of strings");
  g_clear_error (&error);

  glossary = bk_glossary_new_from_file ("/nonexistent/glossary.json", &error);
  g_assert_null (glossary);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
}

/* A page of text, many times over: every term once, in order. */
static void
test_long_text (void)
{
  BkGlossary *glossary = bk_glossary_get_default ();
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) found = NULL;

  for (guint i = 0; i < 200; i++)
    g_string_append (text, "Der Kreistag möge beschließen: Die Verwaltung prüft, wie die Bushaltestellen "
                           "barrierefrei werden. Begründung: Viele Menschen brauchen den Bus. ");
  found = bk_glossary_find_terms (glossary, text->str);
  g_assert_cmpuint (found->len, ==, 5);
  g_assert_cmpstr (((BkGlossaryEntry *) g_ptr_array_index (found, 0))->term, ==, "Kreistag");
  g_assert_cmpstr (((BkGlossaryEntry *) g_ptr_array_index (found, 1))->term, ==, "Beschluss");
  g_assert_cmpstr (((BkGlossaryEntry *) g_ptr_array_index (found, 4))->term, ==, "Begründung");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/glossary/default", test_default);
  g_test_add_func ("/glossary/forms", test_forms);
  g_test_add_func ("/glossary/longest-match", test_longest_match);
  g_test_add_func ("/glossary/word-boundaries", test_word_boundaries);
  g_test_add_func ("/glossary/bad-input", test_bad_input);
  g_test_add_func ("/glossary/unknown-field", test_unknown_field);
  g_test_add_func ("/glossary/file", test_file);
  g_test_add_func ("/glossary/long-text", test_long_text);
  return g_test_run ();
}
