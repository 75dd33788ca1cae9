#include <json-glib/json-glib.h>

#include "bk-error.h"
#include "bk-log-capture.h"
#include "bk-stats.h"
#include "bk-store.h"
#include "bk-test-util.h"

static gint64
total_of (GPtrArray *rows, BkStatsCategory category, const char *key)
{
  g_autoptr(GPtrArray) totals = bk_stats_totals (rows, category);

  for (guint i = 0; i < totals->len; i++)
    {
      BkStatsRow *row = g_ptr_array_index (totals, i);

      if (g_strcmp0 (row->key, key) == 0)
        return row->value;
    }
  return 0;
}

static void
test_counts_per_day (void)
{
  g_autoptr(BkStore) store = bk_test_store_open_memory ();
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) second = NULL;
  g_autoptr(GPtrArray) pages = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (bk_stats_add (store, BK_STATS_SESSION, "all", 1, "2026-11-30", &error));
  g_assert_true (bk_stats_add (store, BK_STATS_SESSION, "all", 1, "2026-12-01", &error));
  g_assert_true (bk_stats_add (store, BK_STATS_SESSION, "all", 1, "2026-12-01", &error));
  g_assert_true (bk_stats_add (store, BK_STATS_PAGE_VIEW, "motions", 3, "2026-12-01", &error));
  g_assert_true (bk_stats_add (store, BK_STATS_PAGE_VIEW, "home", 5, "2026-12-01", &error));
  g_assert_true (bk_stats_add (store, BK_STATS_SPEECH_SECONDS, "all", 90, "2026-12-01", &error));
  g_assert_no_error (error);

  all = bk_stats_list (store, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 5);
  g_assert_cmpint (total_of (all, BK_STATS_SESSION, "all"), ==, 3);

  second = bk_stats_list (store, "2026-12-01", "2026-12-01", &error);
  g_assert_cmpint (total_of (second, BK_STATS_SESSION, "all"), ==, 2);

  /* Largest first */
  pages = bk_stats_totals (all, BK_STATS_PAGE_VIEW);
  g_assert_cmpuint (pages->len, ==, 2);
  g_assert_cmpstr (((BkStatsRow *) g_ptr_array_index (pages, 0))->key, ==, "home");
  g_assert_cmpint (((BkStatsRow *) g_ptr_array_index (pages, 0))->value, ==, 5);
}

/* Typed text must never become a counter key. */
static void
test_refuses_content (void)
{
  g_autoptr(BkStore) store = bk_test_store_open_memory ();
  g_autoptr(GPtrArray) rows = NULL;
  const char *bad[] = { "Meine Adresse", "müller", "a,b", "x\"y", "", NULL,
                        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      bk_log_capture_clear ();
      g_assert_false (bk_stats_add (store, BK_STATS_PAGE_VIEW, bad[i], 1, NULL, &error));
      g_assert_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT);
      g_assert_nonnull (bk_log_capture_find (NULL, "not a short lower-case name"));
      /* the refused key itself is not logged */
      if (bad[i] != NULL && bad[i][0] != '\0')
        g_assert_false (bk_log_capture_mentions (bad[i]));
    }
  rows = bk_stats_list (store, NULL, NULL, NULL);
  g_assert_cmpuint (rows->len, ==, 0);
}

static void
test_ratings (void)
{
  g_autoptr(BkStore) store = bk_test_store_open_memory ();
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  for (int r = 1; r <= 5; r++)
    for (int n = 0; n < r; n++)
      g_assert_true (bk_stats_add_rating (store, r, "2026-12-01", &error));
  g_assert_false (bk_stats_add_rating (store, 0, NULL, &error));
  g_assert_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_false (bk_stats_add_rating (store, 6, NULL, &error));
  g_clear_error (&error);

  rows = bk_stats_list (store, NULL, NULL, NULL);
  for (int r = 1; r <= 5; r++)
    {
      char key[2] = { (char) ('0' + r), 0 };

      g_assert_cmpint (total_of (rows, BK_STATS_RATING, key), ==, r);
    }
}

static void
test_csv_and_json (void)
{
  g_autoptr(BkStore) store = bk_test_store_open_memory ();
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *json = NULL;
  JsonArray *array;
  JsonObject *first;

  bk_stats_add (store, BK_STATS_FORM_STARTED, "defect-report", 2, "2026-12-01", NULL);
  bk_stats_add (store, BK_STATS_FEATURE, "text-scale", 1, "2026-12-01", NULL);
  rows = bk_stats_list (store, NULL, NULL, NULL);

  csv = bk_stats_to_csv (rows);
  g_assert_cmpstr (csv, ==, "day,category,key,value\n"
                            "2026-12-01,feature,text-scale,1\n"
                            "2026-12-01,form-started,defect-report,2\n");

  json = bk_stats_to_json (rows);
  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  array = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  first = json_array_get_object_element (array, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "category"), ==, "feature");
  g_assert_cmpint (json_object_get_int_member (first, "value"), ==, 1);
}

static void
test_batch (void)
{
  g_autoptr(BkStore) store = bk_test_store_open_memory ();
  g_autoptr(BkStatsBatch) batch = bk_stats_batch_new ();
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  bk_stats_batch_add (batch, BK_STATS_PAGE_VIEW, "home", 1);
  bk_stats_batch_add (batch, BK_STATS_PAGE_VIEW, "home", 2);
  bk_stats_batch_add_once (batch, BK_STATS_FEATURE, "theme");
  bk_stats_batch_add_once (batch, BK_STATS_FEATURE, "theme");
  bk_log_capture_clear ();
  bk_stats_batch_add (batch, BK_STATS_PAGE_VIEW, "Suche nach Müller", 1);
  g_assert_nonnull (bk_log_capture_find (NULL, "not a short lower-case name"));
  g_assert_cmpint (bk_stats_batch_get (batch, BK_STATS_PAGE_VIEW, "home"), ==, 3);
  g_assert_cmpint (bk_stats_batch_get (batch, BK_STATS_FEATURE, "theme"), ==, 1);

  /* Nothing in the database until the flush; then all in it and the batch empty. */
  rows = bk_stats_list (store, NULL, NULL, NULL);
  g_assert_cmpuint (rows->len, ==, 0);
  g_clear_pointer (&rows, g_ptr_array_unref);
  g_assert_true (bk_stats_batch_flush (batch, store, "2026-12-01", &error));
  g_assert_no_error (error);
  g_assert_true (bk_stats_batch_is_empty (batch));
  rows = bk_stats_list (store, NULL, NULL, NULL);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpint (total_of (rows, BK_STATS_PAGE_VIEW, "home"), ==, 3);

  /* A new session counts the feature again. */
  bk_stats_batch_add_once (batch, BK_STATS_FEATURE, "theme");
  g_assert_cmpint (bk_stats_batch_get (batch, BK_STATS_FEATURE, "theme"), ==, 1);

  /* A read-only store keeps nothing, and says so. */
  bk_store_set_read_only (store);
  g_assert_false (bk_stats_batch_flush (batch, store, NULL, &error));
  g_assert_error (error, BK_ERROR, BK_ERROR_READ_ONLY);
  g_assert_true (bk_stats_batch_is_empty (batch));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  bk_log_capture_start ();
  g_test_add_func ("/stats/counts-per-day", test_counts_per_day);
  g_test_add_func ("/stats/refuses-content", test_refuses_content);
  g_test_add_func ("/stats/ratings", test_ratings);
  g_test_add_func ("/stats/csv-and-json", test_csv_and_json);
  g_test_add_func ("/stats/batch", test_batch);
  return g_test_run ();
}
