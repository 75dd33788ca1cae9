#include <string.h>
#include <glib/gstdio.h>

#include "bk-demo.h"
#include "bk-error.h"
#include "bk-import.h"
#include "bk-service-import.h"
#include "bk-store.h"
#include "bk-store-private.h"
#include "bk-test-util.h"

/* A complete service, every field set, as the JSON format writes it. */
static const char full_service_json[] =
  "{\"services\": [{"
  "  \"type\": \"buergerkiosk:Service\","
  "  \"id\": \"99115005104000-stadt-auenbach\","
  "  \"leika\": \"99115 005 104 000\","
  "  \"municipality\": \"Stadt Auenbach\","
  "  \"name\": \"Wohnsitz anmelden\","
  "  \"short\": \"Melden Sie Ihre neue Wohnung an.\","
  "  \"full\": \"Wer eine Wohnung bezieht, meldet sich an.\\n\\nZweiter Absatz.\","
  "  \"who_may_apply\": \"Jede Person, die einzieht.\","
  "  \"documents\": [\"Personalausweis\", \"Wohnungsgeberbestätigung\"],"
  "  \"costs\": \"Gebührenfrei.\","
  "  \"processing_time\": \"Sofort.\","
  "  \"deadlines\": \"Innerhalb von 2 Wochen.\","
  "  \"steps\": [\"Termin vereinbaren.\", \"Im Bürgerbüro vorsprechen.\"],"
  "  \"legal_basis\": \"§ 17 Bundesmeldegesetz (BMG)\","
  "  \"office\": {\"name\": \"Bürgerbüro\", \"address\": \"Marktplatz 1\\n12345 Auenbach\","
  "    \"opening_hours\": \"Mo–Fr 8–12 Uhr\", \"phone\": \"01234 7700-100\","
  "    \"email\": \"buergerbuero@auenbach.example.org\", \"accessibility\": \"Stufenlos.\"},"
  "  \"online_url\": \"https://auenbach.example.org/online/anmeldung\","
  "  \"forms\": [{\"title\": \"Wohnungsgeberbestätigung\","
  "    \"url\": \"https://auenbach.example.org/wgb.pdf\"}],"
  "  \"easy_read\": \"Sie ziehen um? Dann melden Sie sich an.\","
  "  \"life_situations\": [\"moving\", \"housing\"],"
  "  \"keywords\": [\"Ummeldung\", \"Umzug\"],"
  "  \"translations\": {\"en\": {\"name\": \"Register an address\","
  "    \"short\": \"Register your new home.\", \"full\": \"Anyone who moves in registers.\"}},"
  "  \"comment\": \"editor's note\", \"x-internal\": 5"
  "}]}";

static BkService *
import_one (BkStore *store, const char *json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) services = bk_service_import_parse (json, strlen (json), "t.json", &error);
  BkService *s;

  g_assert_no_error (error);
  g_assert_cmpuint (services->len, ==, 1);
  s = g_ptr_array_steal_index (services, 0);
  if (store != NULL)
    {
      g_assert_true (bk_store_save_service (store, s, &error));
      g_assert_no_error (error);
    }
  return s;
}

static void
test_model_languages (void)
{
  g_autoptr(BkService) s = bk_service_new ();

  s->name = g_strdup ("Wohnsitz anmelden");
  s->short_text = g_strdup ("Kurz");
  s->full_text = g_strdup ("Voll");
  bk_service_set_translation (s, "en", "Register an address", NULL, "Full");

  g_assert_cmpstr (bk_service_get_name (s, NULL), ==, "Wohnsitz anmelden");
  g_assert_cmpstr (bk_service_get_name (s, "de_DE.UTF-8"), ==, "Wohnsitz anmelden");
  g_assert_cmpstr (bk_service_get_name (s, "en_GB.UTF-8"), ==, "Register an address");
  g_assert_cmpstr (bk_service_get_name (s, "en"), ==, "Register an address");
  g_assert_cmpstr (bk_service_get_text_language (s, "en"), ==, "en");
  /* a field the translation lacks falls back to German */
  g_assert_cmpstr (bk_service_get_short_text (s, "en"), ==, "Kurz");
  g_assert_cmpstr (bk_service_get_full_text (s, "en"), ==, "Full");
  /* no translation at all: German */
  g_assert_cmpstr (bk_service_get_name (s, "tr_TR.UTF-8"), ==, "Wohnsitz anmelden");
  g_assert_cmpstr (bk_service_get_text_language (s, "tr"), ==, "de");
  g_assert_cmpstr (bk_service_get_name (s, "C"), ==, "Wohnsitz anmelden");

  /* replacing keeps one entry per language */
  bk_service_set_translation (s, "en", "Register", NULL, NULL);
  g_assert_cmpuint (s->translations->len, ==, 1);
  g_assert_cmpstr (bk_service_get_name (s, "en"), ==, "Register");

  g_assert_true (bk_life_situation_is_known ("moving"));
  g_assert_false (bk_life_situation_is_known ("Moving"));
  g_assert_false (bk_life_situation_is_known (NULL));
  g_assert_cmpuint (g_strv_length ((char **) bk_life_situation_list ()), ==, 7);
  g_assert_cmpstr (bk_life_situation_get_label ("no-such"), ==, "no-such");
  g_assert_cmpstr (bk_life_situation_get_label ("moving"), !=, "moving");
}

static void
test_make_id (void)
{
  g_autofree char *a = bk_service_make_id ("99115005104000", "x", "Stadt Auenbach");
  g_autofree char *b = bk_service_make_id (NULL, "Hund anmelden (Hundesteuer)", "Gemeinde Lindental");

  g_assert_cmpstr (a, ==, "99115005104000-stadt-auenbach");
  g_assert_cmpstr (b, ==, "hund-anmelden-hundesteuer-gemeinde-lindental");
}

static void
test_roundtrip (void)
{
  g_autoptr(BkStore) store = bk_test_store_open_memory ();
  g_autoptr(BkService) s = import_one (store, full_service_json);
  g_autoptr(BkService) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) a = NULL;
  g_autoptr(JsonNode) b = NULL;

  g_assert_cmpstr (s->leika_key, ==, "99115005104000");   /* groups joined */
  loaded = bk_store_load_service (store, "99115005104000-stadt-auenbach", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->name, ==, "Wohnsitz anmelden");
  g_assert_cmpstr (loaded->office.accessibility, ==, "Stufenlos.");
  g_assert_cmpuint (loaded->documents->len, ==, 2);
  g_assert_cmpuint (loaded->keywords->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (loaded->steps, 1), ==, "Im Bürgerbüro vorsprechen.");
  g_assert_cmpstr (((BkServiceForm *) g_ptr_array_index (loaded->forms, 0))->url, ==,
                   "https://auenbach.example.org/wgb.pdf");
  g_assert_cmpstr (bk_service_get_name (loaded, "en"), ==, "Register an address");
  /* every field survives: the JSON of both is the same */
  a = bk_service_to_json (s);
  b = bk_service_to_json (loaded);
  g_assert_true (json_node_equal (a, b));

  /* the JSON of a stored service imports again (the format round-trips) */
  {
    g_autofree char *text = json_to_string (b, FALSE);
    g_autoptr(BkService) again = import_one (NULL, text);
    g_autoptr(JsonNode) c = bk_service_to_json (again);

    g_assert_true (json_node_equal (b, c));
  }

  g_assert_null (bk_store_load_service (store, "nope", &error));
  g_assert_error (error, BK_ERROR, BK_ERROR_NOT_FOUND);
  bk_test_assert_check (store);
}

static void
test_upsert_replaces_whole (void)
{
  g_autoptr(BkStore) store = bk_test_store_open_memory ();
  g_autoptr(BkService) first = import_one (store, full_service_json);
  g_autoptr(BkService) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  const char *second =
    "{\"type\": \"buergerkiosk:Service\", \"id\": \"99115005104000-stadt-auenbach\","
    " \"municipality\": \"Stadt Auenbach\", \"name\": \"Anmeldung der Wohnung\","
    " \"short\": \"Neu.\", \"documents\": [\"Reisepass\"], \"life_situations\": [\"moving\"]}";
  g_autoptr(BkService) s2 = import_one (store, second);

  g_assert_cmpuint (bk_store_count_services (store), ==, 1);
  loaded = bk_store_load_service (store, s2->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->name, ==, "Anmeldung der Wohnung");
  g_assert_cmpuint (loaded->documents->len, ==, 1);
  g_assert_cmpuint (loaded->steps->len, ==, 0);
  g_assert_cmpuint (loaded->translations->len, ==, 0);
  g_assert_null (loaded->office.name);
  /* the old name is no longer found, the new one is */
  rows = bk_store_search_services (store, "Wohnsitz", NULL, NULL, 0, &error);
  g_assert_cmpuint (rows->len, ==, 0);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = bk_store_search_services (store, "Anmeldung", NULL, NULL, 0, &error);
  g_assert_cmpuint (rows->len, ==, 1);
  bk_test_assert_check (store);

  g_assert_true (bk_store_delete_service (store, s2->id, &error));
  g_assert_cmpuint (bk_store_count_services (store), ==, 0);
  g_assert_false (bk_store_delete_service (store, s2->id, &error));
  g_assert_error (error, BK_ERROR, BK_ERROR_NOT_FOUND);
  bk_test_assert_check (store);
}

typedef struct {
  const char *json;
  const char *message;   /* must occur in the error */
} BadCase;

#define ONE(members) "{\"services\": [{\"municipality\": \"Stadt Auenbach\", \"name\": \"N\"," \
                     " \"short\": \"S\"" members "}]}"

static const BadCase bad_cases[] = {
  { "[1, 2]", "t.json: $: expected an object" },
  { "{\"services\": {}}", "t.json: $.services: expected an array" },
  { "{\"services\": [5]}", "t.json: $.services[0]: expected an object" },
  { "{\"services\": [], \"extra\": 1}", "t.json: $.extra: unknown member" },
  { "{\"services\": [{\"municipality\": \"M\", \"short\": \"S\"}]}",
    "t.json: $.services[0].name: missing" },
  { "{\"services\": [{\"municipality\": \"M\", \"name\": 7, \"short\": \"S\"}]}",
    "t.json: $.services[0].name: expected a string" },
  { "{\"services\": [{\"municipality\": \"M\", \"name\": \"N\", \"short\": \"  \"}]}",
    "t.json: $.services[0].short: empty" },
  { "{\"services\": [{\"name\": \"N\", \"short\": \"S\"}]}",
    "t.json: $.services[0].municipality: missing" },
  { ONE (", \"leika\": \"9911500510400\""), "$.services[0].leika: expected a LeiKa key of 14 digits" },
  { ONE (", \"leika\": \"99115-005104000\""), "$.services[0].leika: expected a LeiKa key" },
  { ONE (", \"id\": \"a b\""), "$.services[0].id: use only" },
  { ONE (", \"legal_bases\": \"§ 1\""), "$.services[0].legal_bases: unknown member" },
  { ONE (", \"type\": \"Paper\""), "$.services[0].type: expected “buergerkiosk:Service”" },
  { ONE (", \"life_situations\": [\"moving\", \"holidays\"]"),
    "$.services[0].life_situations[1]: unknown life situation “holidays”" },
  { ONE (", \"life_situations\": \"moving\""), "$.services[0].life_situations: expected an array" },
  { ONE (", \"documents\": [\"A\", 3]"), "$.services[0].documents[1]: expected a string" },
  { ONE (", \"steps\": [\"\"]"), "$.services[0].steps[0]: empty text" },
  { ONE (", \"online_url\": \"javascript:alert(1)\""), "$.services[0].online_url: expected an http" },
  { ONE (", \"online_url\": \"https://\""), "$.services[0].online_url: expected an http" },
  { ONE (", \"forms\": [{\"title\": \"F\", \"url\": \"ftp://x.example.org/f\"}]"),
    "$.services[0].forms[0].url: expected an http" },
  { ONE (", \"forms\": [{\"url\": \"https://x.example.org/f\"}]"), "$.services[0].forms[0].title: missing" },
  { ONE (", \"forms\": [\"x\"]"), "$.services[0].forms[0]: expected an object" },
  { ONE (", \"office\": []"), "$.services[0].office: expected an object" },
  { ONE (", \"office\": {\"mail\": \"a@b\"}"), "$.services[0].office.mail: unknown member" },
  { ONE (", \"office\": {\"email\": \"nobody\"}"), "$.services[0].office.email: expected an e-mail" },
  { ONE (", \"translations\": {\"de\": {\"name\": \"N\"}}"),
    "$.services[0].translations.de: expected a language code" },
  { ONE (", \"translations\": {\"en\": \"Name\"}"), "$.services[0].translations.en: expected an object" },
  { ONE (", \"translations\": {\"en\": {\"short\": \"S\"}}"),
    "$.services[0].translations.en.name: missing" },
  { "{\"services\": [{\"id\": \"x\", \"municipality\": \"M\", \"name\": \"N\", \"short\": \"S\"},"
    " {\"id\": \"x\", \"municipality\": \"M\", \"name\": \"N2\", \"short\": \"S\"}]}",
    "$.services[1].id: the id “x” is used twice" },
  { ONE (", \"kiosk_forms\": [\"appointment\", \"parking\"]"),
    "$.services[0].kiosk_forms[1]: unknown kiosk form “parking”" },
  { ONE (", \"kiosk_forms\": [\"motion-feedback\"]"),
    "$.services[0].kiosk_forms[0]: “motion-feedback” is not a form of a service" },
  { ONE (", \"kiosk_forms\": [\"defect-report\", \"defect-report\"]"),
    "$.services[0].kiosk_forms[1]: the kiosk form “defect-report” is listed twice" },
  { "{\"services\": [", "t.json: line 1, column" },
  { "{\"services\": []} {}", "unexpected content after the end" },
  { "{\"services\": [{\"name\": \"\xff\"}]}", "not valid UTF-8" },
};

static void
test_bad_input (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) services = bk_service_import_parse (bad_cases[i].json,
                                                               strlen (bad_cases[i].json),
                                                               "t.json", &error);

      g_test_message ("case %u: %s", i, bad_cases[i].json);
      g_assert_null (services);
      g_assert_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT);
      if (strstr (error->message, bad_cases[i].message) == NULL)
        g_error ("case %u: “%s” does not contain “%s”", i, error->message, bad_cases[i].message);
    }
}

static void
test_too_deep_and_too_large (void)
{
  g_autoptr(GString) deep = g_string_new ("{\"services\": ");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) services = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  services = bk_service_import_parse (deep->str, deep->len, "deep.json", &error);
  g_assert_null (services);
  g_assert_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "nested deeper"));
  g_clear_error (&error);

  services = bk_service_import_parse (deep->str, BK_SERVICE_MAX_SIZE + 1, "big.json", &error);
  g_assert_null (services);
  g_assert_error (error, BK_ERROR, BK_ERROR_TOO_LARGE);
}

static void
test_import_file_all_or_nothing (void)
{
  g_autoptr(BkStore) store = bk_test_store_open_memory ();
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *good = bk_test_write_file ("good.json",
    "{\"services\": [{\"id\": \"a\", \"municipality\": \"Stadt Auenbach\", \"name\": \"Alpha\","
    " \"short\": \"S\"}, {\"id\": \"b\", \"municipality\": \"Gemeinde Lindental\","
    " \"name\": \"Beta\", \"short\": \"S\"}]}", -1);
  g_autofree char *bad = bk_test_write_file ("bad.json",
    "{\"services\": [{\"id\": \"c\", \"municipality\": \"M\", \"name\": \"Gamma\", \"short\": \"S\"},"
    " {\"id\": \"d\", \"municipality\": \"M\", \"name\": \"Delta\"}]}", -1);
  g_autofree char *single = bk_test_write_file ("one.json",
    "{\"name\": \"Epsilon\", \"type\": \"buergerkiosk:Service\", \"municipality\": \"M\","
    " \"short\": \"S\"}", -1);

  g_assert_true (bk_import_file (store, good, BK_IMPORT_FORMAT_AUTO, &summary, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (summary, "2 services"));
  /* idempotent by id */
  g_assert_true (bk_import_file (store, good, BK_IMPORT_FORMAT_AUTO, NULL, &error));
  g_assert_cmpuint (bk_store_count_services (store), ==, 2);

  g_assert_false (bk_import_file (store, bad, BK_IMPORT_FORMAT_AUTO, NULL, &error));
  g_assert_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT);
  g_assert_true (g_str_has_prefix (error->message, bad));
  g_assert_nonnull (strstr (error->message, "$.services[1].short"));
  g_assert_cmpuint (bk_store_count_services (store), ==, 2);   /* Gamma not half-written */
  g_clear_error (&error);

  /* a single service, recognised by its type although it is not the first member */
  g_assert_true (bk_import_file (store, single, BK_IMPORT_FORMAT_AUTO, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (bk_store_count_services (store), ==, 3);
  {
    g_autoptr(BkService) s = bk_store_load_service (store, "epsilon-m", &error);

    g_assert_no_error (error);
    g_assert_cmpstr (s->source, ==, "one.json");
  }
  bk_test_assert_check (store);
}

/* The kiosk's forms a service names survive the store, in their order; a
 * service without them offers none. */
static void
test_kiosk_forms (void)
{
  g_autoptr(BkStore) store = bk_test_store_open_memory ();
  g_autoptr(BkService) s = import_one (store, ONE (", \"id\": \"k\","
                                                   " \"kiosk_forms\": [\"registration-certificate\", \"appointment\"]"));
  g_autoptr(BkService) none = import_one (store, ONE (", \"id\": \"n\""));
  g_autoptr(GError) error = NULL;
  g_autoptr(BkService) loaded = bk_store_load_service (store, "k", &error);
  g_autoptr(BkService) loaded_none = bk_store_load_service (store, "n", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (loaded->kiosk_forms->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (loaded->kiosk_forms, 0), ==, "registration-certificate");
  g_assert_cmpstr (g_ptr_array_index (loaded->kiosk_forms, 1), ==, "appointment");
  g_assert_cmpuint (loaded_none->kiosk_forms->len, ==, 0);
  /* every id the import knows is a form of the kiosk, motion feedback is not */
  for (const char *const *id = bk_kiosk_form_list (); *id != NULL; id++)
    g_assert_true (bk_kiosk_form_is_known (*id));
  g_assert_false (bk_kiosk_form_is_known ("motion-feedback"));
  g_assert_cmpstr (bk_kiosk_forms_for_leika ("99115003012000")[0], ==, "registration-certificate");
  g_assert_null (bk_kiosk_forms_for_leika ("99000000000000")[0]);
  g_assert_null (bk_kiosk_forms_for_leika (NULL)[0]);
  g_assert_true (bk_municipality_is_county ("Landkreis Beispielkreis"));
  g_assert_true (bk_municipality_is_county ("Rhein-Sieg-Kreis"));
  g_assert_true (bk_municipality_is_county ("Städteregion Aachen"));
  g_assert_false (bk_municipality_is_county ("Kreisstadt Aue"));
  g_assert_false (bk_municipality_is_county ("Stadt Auenbach"));
  g_assert_false (bk_municipality_is_county (NULL));
  bk_test_assert_check (store);
}

static void
test_sniff (void)
{
  static const struct { const char *json; gboolean services; } cases[] = {
    { "{\"services\": []}", TRUE },
    { "\xef\xbb\xbf  {\n \"services\" : [ ] }", TRUE },
    { "{\"name\": \"x\", \"type\": \"buergerkiosk:Service\"}", TRUE },
    { "{\"id\": \"https://x/paper/1\", \"type\": \"https://schema.oparl.org/1.1/Paper\"}", FALSE },
    { "{\"data\": [{\"services\": []}], \"type\": \"x\"}", FALSE },
    { "{\"a\": {\"type\": \"buergerkiosk:Service\"}}", FALSE },
    { "{\"note\": \"services\"}", FALSE },
    { "[{\"services\": 1}]", FALSE },
    { "{\"a\": \"\\\"services\\\"\", \"b\": 1}", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("sniff case %u", i);
      g_assert_cmpint (bk_service_import_sniff (cases[i].json, strlen (cases[i].json)), ==,
                       cases[i].services);
    }
}

static BkStore *
demo_store (void)
{
  g_autoptr(GError) error = NULL;
  BkStore *store = bk_test_store_open_memory ();

  g_assert_true (bk_demo_seed (store, &error));
  g_assert_no_error (error);
  return store;
}

static gboolean
rows_contain (GPtrArray *rows, const char *id)
{
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (((BkServiceSummary *) g_ptr_array_index (rows, i))->id, id) == 0)
      return TRUE;
  return FALSE;
}

static int
index_of (GPtrArray *rows, const char *id)
{
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (((BkServiceSummary *) g_ptr_array_index (rows, i))->id, id) == 0)
      return (int) i;
  return -1;
}

static GPtrArray *
search (BkStore *store, const char *query, const BkServiceFilter *filter)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *rows = bk_store_search_services (store, query, filter, NULL, 0, &error);

  g_assert_no_error (error);
  return rows;
}

static void
test_demo_catalogue (void)
{
  g_autoptr(BkStore) store = demo_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = bk_store_list_services (store, NULL, NULL, &error);
  g_auto(GStrv) municipalities = bk_store_list_service_municipalities (store);
  guint easy = 0;
  const char *const *situations = bk_life_situation_list ();

  g_assert_no_error (error);
  g_assert_cmpuint (all->len, >=, 15);
  g_assert_cmpuint (g_strv_length (municipalities), ==, 3);
  g_assert_cmpstr (municipalities[0], ==, "Gemeinde Lindental");
  g_assert_cmpstr (municipalities[1], ==, "Landkreis Beispielkreis");
  g_assert_cmpstr (municipalities[2], ==, "Stadt Auenbach");
  for (guint i = 0; i < all->len; i++)
    {
      const BkServiceSummary *row = g_ptr_array_index (all, i);
      g_autoptr(BkService) s = bk_store_load_service (store, row->id, &error);

      g_assert_no_error (error);
      g_assert_true (g_strv_contains ((const char *const *) municipalities, s->municipality));
      g_assert_nonnull (s->full_text);
      g_assert_nonnull (s->legal_basis);
      g_assert_nonnull (s->costs);
      g_assert_nonnull (s->office.accessibility);
      g_assert_cmpuint (s->documents->len, >, 0);
      g_assert_cmpuint (s->steps->len, >, 0);
      /* a suggestion or complaint to the council belongs to no life situation */
      if (!g_ptr_array_find_with_equal_func (s->kiosk_forms, "suggestion-complaint", g_str_equal, NULL))
        g_assert_cmpuint (s->life_situations->len, >, 0);
      g_assert_nonnull (bk_service_get_translation (s, "en"));
      g_assert_cmpstr (bk_service_get_text_language (s, "en"), ==, "en");
      easy += s->easy_read != NULL;
      g_assert_cmpint (row->has_easy_read, ==, s->easy_read != NULL);
      /* sorted by name */
      if (i > 0)
        g_assert_cmpint (g_utf8_collate (((BkServiceSummary *) g_ptr_array_index (all, i - 1))->name,
                                         row->name), <=, 0);
    }
  g_assert_cmpuint (easy, >=, 5);
  /* every life situation has a service */
  for (guint i = 0; situations[i] != NULL; i++)
    {
      BkServiceFilter filter = { .life_situation = situations[i] };
      g_autoptr(GPtrArray) rows = bk_store_list_services (store, &filter, NULL, &error);

      g_assert_cmpuint (rows->len, >, 0);
      for (guint j = 0; j < rows->len; j++)
        g_assert_true (g_strv_contains ((const char *const *)
                                        ((BkServiceSummary *) g_ptr_array_index (rows, j))->life_situations,
                                        situations[i]));
    }
  bk_test_assert_check (store);
}

/* Every form has its way in (issue 15): a defect report in each town, a
 * certificate of registration, appointments, and a suggestion or complaint
 * service of each council; "Lampe" finds the defect reports. */
static void
test_demo_kiosk_forms (void)
{
  g_autoptr(BkStore) store = demo_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = bk_store_list_services (store, NULL, NULL, &error);
  g_autoptr(GHashTable) offered = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) complaint_towns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) lamp = search (store, "Lampe", NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < all->len; i++)
    {
      const BkServiceSummary *row = g_ptr_array_index (all, i);
      g_autoptr(BkService) s = bk_store_load_service (store, row->id, &error);

      g_assert_no_error (error);
      for (guint j = 0; j < s->kiosk_forms->len; j++)
        {
          const char *form = g_ptr_array_index (s->kiosk_forms, j);

          g_hash_table_add (offered, (gpointer) g_intern_string (form));
          if (g_str_equal (form, "suggestion-complaint"))
            {
              g_assert_false (g_hash_table_contains (complaint_towns, s->municipality));
              g_hash_table_add (complaint_towns, g_strdup (s->municipality));
            }
          if (g_str_equal (form, "defect-report"))
            g_assert_true (rows_contain (lamp, s->id));
        }
    }
  for (const char *const *form = bk_kiosk_form_list (); *form != NULL; form++)
    g_assert_true (g_hash_table_contains (offered, g_intern_string (*form)));
  g_assert_cmpuint (g_hash_table_size (complaint_towns), ==, 3);
  g_assert_cmpuint (lamp->len, >=, 2);
}

/* The start page's "Report a problem": the kiosk's own town first. */
static void
test_services_with_form (void)
{
  g_autoptr(BkStore) store = demo_store ();
  g_auto(GStrv) any = bk_store_list_services_with_form (store, "defect-report", NULL);
  g_auto(GStrv) lindental = bk_store_list_services_with_form (store, "defect-report", "Gemeinde Lindental");
  g_auto(GStrv) auenbach = bk_store_list_services_with_form (store, "defect-report", "Stadt Auenbach");
  g_auto(GStrv) none = bk_store_list_services_with_form (store, "no-such-form", "Stadt Auenbach");

  g_assert_cmpuint (g_strv_length (any), ==, 2);
  g_assert_cmpuint (g_strv_length (auenbach), ==, 2);
  g_assert_cmpstr (auenbach[0], ==, "maengel-melden-stadt-auenbach");
  g_assert_cmpstr (auenbach[1], ==, lindental[0]);
  g_assert_cmpstr (lindental[1], ==, "maengel-melden-stadt-auenbach");
  /* No town preferred: by municipality, the same every time. */
  g_assert_cmpstr (any[0], ==, lindental[0]);
  g_assert_cmpuint (g_strv_length (none), ==, 0);
}

static void
test_search_german (void)
{
  g_autoptr(BkStore) store = demo_store ();
  g_autoptr(GPtrArray) rows = NULL;
  BkServiceFilter lindental = { .municipality = "Gemeinde Lindental" };
  BkServiceFilter disability = { .life_situation = "disability-care" };

  /* parts of compound words: "Ausweis" in Personal-, Schwerbehinderten-, Parkausweis */
  rows = search (store, "ausweis", NULL);
  g_assert_true (rows_contain (rows, "personalausweis-stadt-auenbach"));
  g_assert_true (rows_contain (rows, "schwerbehindertenausweis-landkreis-beispielkreis"));
  g_assert_true (rows_contain (rows, "parkausweis-behinderung-landkreis-beispielkreis"));
  /* names first: Reisepass mentions the Personalausweis only in its text */
  g_assert_cmpint (index_of (rows, "personalausweis-stadt-auenbach"), <,
                   index_of (rows, "reisepass-stadt-auenbach"));
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* umlauts typed as ue, words with endings, several words */
  rows = search (store, "Sperrmuell", NULL);
  g_assert_cmpint (index_of (rows, "sperrmuell-landkreis-beispielkreis"), ==, 0);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = search (store, "Müll", NULL);
  g_assert_true (rows_contain (rows, "sperrmuell-landkreis-beispielkreis"));
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = search (store, "Hundes", NULL);
  g_assert_true (rows_contain (rows, "hundesteuer-stadt-auenbach"));
  g_assert_true (rows_contain (rows, "hundesteuer-gemeinde-lindental"));
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = search (store, "Wohnung anmelden", NULL);
  g_assert_true (rows_contain (rows, "99115005104000-stadt-auenbach"));
  g_assert_false (rows_contain (rows, "reisepass-stadt-auenbach"));
  g_clear_pointer (&rows, g_ptr_array_unref);
  /* keywords rank like the name: "Umzug" is not in the name of any service */
  rows = search (store, "Umzug", NULL);
  g_assert_cmpint (index_of (rows, "99115005104000-stadt-auenbach"), <=, 1);
  g_assert_cmpint (index_of (rows, "99115005104000-gemeinde-lindental"), <=, 1);
  g_clear_pointer (&rows, g_ptr_array_unref);
  /* English words find translated services */
  rows = search (store, "passport", NULL);
  g_assert_cmpint (index_of (rows, "reisepass-stadt-auenbach"), ==, 0);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* filters narrow the search */
  rows = search (store, "anmelden", &lindental);
  g_assert_cmpuint (rows->len, >, 0);
  for (guint i = 0; i < rows->len; i++)
    g_assert_cmpstr (((BkServiceSummary *) g_ptr_array_index (rows, i))->municipality, ==,
                     "Gemeinde Lindental");
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = search (store, "ausweis", &disability);
  g_assert_false (rows_contain (rows, "personalausweis-stadt-auenbach"));
  g_assert_true (rows_contain (rows, "parkausweis-behinderung-landkreis-beispielkreis"));
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* nothing for nonsense, nothing for a too-short word, everything for nothing */
  rows = search (store, "Quantenchromodynamik", NULL);
  g_assert_cmpuint (rows->len, ==, 0);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = search (store, "zz", NULL);
  g_assert_cmpuint (rows->len, ==, 0);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = search (store, "  ", NULL);
  g_assert_cmpuint (rows->len, ==, bk_store_count_services (store));
  g_clear_pointer (&rows, g_ptr_array_unref);
  /* one or two letters: word starts of names, while typing */
  rows = search (store, "Re", NULL);
  g_assert_true (rows_contain (rows, "reisepass-stadt-auenbach"));
  g_assert_false (rows_contain (rows, "sperrmuell-landkreis-beispielkreis"));
  g_clear_pointer (&rows, g_ptr_array_unref);
  /* FTS syntax in the query is text, not syntax */
  rows = search (store, "\"ausweis\" OR NEAR(", NULL);
  g_assert_nonnull (rows);
}

static void
test_list_in_english (void)
{
  g_autoptr(BkStore) store = demo_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = bk_store_list_services (store, NULL, "en_US.UTF-8", &error);
  int passport = index_of (rows, "reisepass-stadt-auenbach");

  g_assert_no_error (error);
  g_assert_cmpint (passport, >=, 0);
  g_assert_cmpstr (((BkServiceSummary *) g_ptr_array_index (rows, passport))->name, ==,
                   "Apply for a passport");
  g_assert_cmpstr (((BkServiceSummary *) g_ptr_array_index (rows, passport))->lang, ==, "en");
  /* sorted by the English name: "Apply…" before "Birth certificate" */
  g_assert_cmpint (passport, <, index_of (rows, "geburtsurkunde-stadt-auenbach"));
}

static void
test_check_finds_index_damage (void)
{
  g_autoptr(BkStore) store = demo_store ();
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (bk_store_exec (store, "DELETE FROM service_fts WHERE rowid ="
                                       " (SELECT min (num) FROM service)", &error));
  g_assert_false (bk_store_check (store, report, &error));
  g_assert_error (error, BK_ERROR, BK_ERROR_CORRUPT);
  g_assert_nonnull (strstr (report->str, "missing from the search index"));
}

static void
test_check_finds_bad_rows (void)
{
  g_autoptr(BkStore) store = demo_store ();
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  /* rows that bypassed the store: a wrong check letter, an unknown life situation */
  g_assert_true (bk_store_exec (store, "INSERT INTO submission (reference, kind, created_at,"
                                       " answers) VALUES ('BK-2026-000001-Z', 'appointment',"
                                       " '2026-11-01T00:00:00Z', '{}');"
                                       "UPDATE service_life_situation SET situation = 'holidays'"
                                       " WHERE rowid = (SELECT min (rowid) FROM service_life_situation)",
                                &error));
  g_assert_false (bk_store_check (store, report, &error));
  g_assert_error (error, BK_ERROR, BK_ERROR_CORRUPT);
  g_assert_nonnull (strstr (report->str, "BK-2026-000001-Z: the check letter does not match"));
  g_assert_nonnull (strstr (report->str, "unknown life situation “holidays”"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/services/model-languages", test_model_languages);
  g_test_add_func ("/services/make-id", test_make_id);
  g_test_add_func ("/services/roundtrip", test_roundtrip);
  g_test_add_func ("/services/kiosk-forms", test_kiosk_forms);
  g_test_add_func ("/services/upsert-replaces-whole", test_upsert_replaces_whole);
  g_test_add_func ("/services/bad-input", test_bad_input);
  g_test_add_func ("/services/too-deep-and-too-large", test_too_deep_and_too_large);
  g_test_add_func ("/services/import-file-all-or-nothing", test_import_file_all_or_nothing);
  g_test_add_func ("/services/sniff", test_sniff);
  g_test_add_func ("/services/demo-catalogue", test_demo_catalogue);
  g_test_add_func ("/services/demo-kiosk-forms", test_demo_kiosk_forms);
  g_test_add_func ("/services/with-form", test_services_with_form);
  g_test_add_func ("/services/search-german", test_search_german);
  g_test_add_func ("/services/list-in-english", test_list_in_english);
  g_test_add_func ("/services/check-finds-index-damage", test_check_finds_index_damage);
  g_test_add_func ("/services/check-finds-bad-rows", test_check_finds_bad_rows);
  return g_test_run ();
}
