/* test-streets.c: the street list offered where a form asks for a place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "bk-config.h"

#include <string.h>

#include "bk-error.h"
#include "bk-streets.h"

/* The bundled list: both demo towns, sorted with Ä as A. */
static void
test_default (void)
{
  BkStreets *streets = bk_streets_get_default ();
  const char * const *auenbach = bk_streets_lookup (streets, "Stadt Auenbach");
  const char * const *lindental = bk_streets_lookup (streets, "Gemeinde Lindental");

  g_assert_nonnull (auenbach);
  g_assert_nonnull (lindental);
  g_assert_null (bk_streets_lookup (streets, "Landkreis Beispielkreis"));
  g_assert_null (bk_streets_lookup (streets, NULL));
  g_assert_cmpuint (g_strv_length ((char **) auenbach), >=, 10);
  g_assert_true (g_strv_contains (lindental, "Schulstraße"));
  g_assert_cmpstr (auenbach[0], ==, "Am Mühlbach");
}

static void
test_match (void)
{
  g_autoptr(BkStreets) streets = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) few = NULL;
  g_autoptr(GPtrArray) muehl = NULL;
  g_autoptr(GPtrArray) numbered = NULL;
  g_autoptr(GPtrArray) none = NULL;
  guint n = 0;

  streets = bk_streets_new_from_data ("{\"version\": 1, \"municipalities\": [{\"name\": \"Dorf\", "
                                      "\"streets\": [\"Zur Mühle\", \"Ährenweg\", \"Bahnhofstraße\", "
                                      "\"Am Mühlbach\", \"Birkenweg\"]}]}",
                                      -1, "test.json", &error);
  g_assert_no_error (error);

  all = bk_streets_match (streets, "Dorf", "", 0, &n);
  g_assert_cmpuint (n, ==, 5);
  g_assert_cmpstr (all->pdata[0], ==, "Ährenweg");
  g_assert_cmpstr (all->pdata[1], ==, "Am Mühlbach");

  few = bk_streets_match (streets, "Dorf", "", 2, &n);
  g_assert_cmpuint (few->len, ==, 2);
  g_assert_cmpuint (n, ==, 5);

  /* Any case, ü = ue, anywhere in the name. */
  muehl = bk_streets_match (streets, "Dorf", "MUEHL", 0, &n);
  g_assert_cmpuint (n, ==, 2);
  /* The house number is not part of the street. */
  numbered = bk_streets_match (streets, "Dorf", "Bahnhofstr 12a", 0, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpstr (numbered->pdata[0], ==, "Bahnhofstraße");
  none = bk_streets_match (streets, "Dorf", "Rathaus", 0, &n);
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpuint (none->len, ==, 0);
}

static void
test_errors (void)
{
  static const struct {
    const char *json;
    const char *message;
  } cases[] = {
    { "[]", "test.json: $: expected an object" },
    { "{\"version\": 2, \"municipalities\": []}", "test.json: $.version: this program reads version 1 only" },
    { "{\"municipalities\": {}}", "test.json: $.municipalities: expected a list of municipalities" },
    { "{\"municipalities\": [{\"streets\": []}]}", "test.json: $.municipalities[0].name: expected a text that is not empty" },
    { "{\"municipalities\": [{\"name\": \"A\", \"streets\": [\"B\", 3]}]}",
      "test.json: $.municipalities[0].streets: expected a list of strings" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BkStreets) streets = bk_streets_new_from_data (cases[i].json, -1, "test.json", &error);

      g_assert_null (streets);
      g_assert_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/streets/default", test_default);
  g_test_add_func ("/streets/match", test_match);
  g_test_add_func ("/streets/errors", test_errors);

  return g_test_run ();
}
