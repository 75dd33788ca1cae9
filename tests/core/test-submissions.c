#include <string.h>
#include <sqlite3.h>
#include <glib/gstdio.h>

#include "bk-error.h"
#include "bk-search-tokenizer.h"
#include "bk-store.h"
#include "bk-store-private.h"
#include "bk-store-schema.h"
#include "bk-test-util.h"

static char *
add (BkStore *store, BkSubmissionKind kind, const char *answers, const char *created_at)
{
  g_autoptr(BkSubmission) s = bk_submission_new (kind);
  g_autoptr(GError) error = NULL;
  char *reference;

  g_free (s->answers);
  s->answers = g_strdup (answers);
  s->language = g_strdup ("de");
  s->created_at = g_strdup (created_at);
  reference = bk_store_add_submission (store, s, &error);
  g_assert_no_error (error);
  g_assert_nonnull (reference);
  g_assert_cmpstr (reference, ==, s->reference);
  g_assert_cmpint (s->id, >, 0);
  return reference;
}

static gint64
add_motion (BkStore *store)
{
  g_autoptr(BkMotion) m = bk_test_motion_new ("Bänke am Marktplatz", "Stadtrat Auenbach",
                                              "2026-10-01", "SPD-Fraktion");
  g_autoptr(GError) error = NULL;

  g_assert_true (bk_store_save_motion (store, m, &error));
  return m->id;
}

static void
test_references (void)
{
  g_autofree char *ref = bk_submission_format_reference (2026, 123);
  g_autofree char *big = bk_submission_format_reference (2026, 12345678);
  g_autofree char *lower = NULL;

  g_assert_true (g_str_has_prefix (ref, "BK-2026-000123-"));
  g_assert_cmpuint (strlen (ref), ==, 16);
  g_assert_true (bk_submission_reference_is_valid (ref));
  g_assert_true (bk_submission_reference_is_valid (big));
  {
    g_autofree char *padded = g_strdup_printf ("  %s ", ref);

    lower = g_ascii_strdown (padded, -1);
  }
  g_assert_true (bk_submission_reference_is_valid (lower));
  g_assert_false (bk_submission_reference_is_valid (NULL));
  g_assert_false (bk_submission_reference_is_valid ("BK-2026-000123"));
  g_assert_false (bk_submission_reference_is_valid ("XX-2026-000123-A"));

  /* every single wrong digit and every swap of neighbouring digits is caught */
  for (gint64 n = 1; n < 3000; n += 7)
    {
      g_autofree char *good = bk_submission_format_reference (2026, n);
      gsize len = strlen (good);

      g_assert_true (bk_submission_reference_is_valid (good));
      for (gsize i = 3; i < len - 2; i++)
        {
          g_autofree char *bad = g_strdup (good);

          if (!g_ascii_isdigit (bad[i]))
            continue;
          bad[i] = (char) ('0' + (bad[i] - '0' + 1) % 10);
          g_assert_false (bk_submission_reference_is_valid (bad));
          if (i + 1 < len - 2 && g_ascii_isdigit (good[i + 1]) && good[i] != good[i + 1])
            {
              g_autofree char *swapped = g_strdup (good);
              char c = swapped[i];

              swapped[i] = swapped[i + 1];
              swapped[i + 1] = c;
              g_assert_false (bk_submission_reference_is_valid (swapped));
            }
        }
    }
}

static void
test_add_unique_and_loadable (void)
{
  g_autoptr(BkStore) store = bk_test_store_open_memory ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BkSubmission) loaded = NULL;
  g_autofree char *first = NULL;

  for (guint i = 0; i < 200; i++)
    {
      char *ref = add (store, BK_SUBMISSION_DEFECT_REPORT,
                       "{\"place\": \"Marktplatz 3\", \"description\": \"Laterne aus\"}", NULL);

      g_assert_true (bk_submission_reference_is_valid (ref));
      g_assert_true (g_hash_table_add (seen, ref));
      if (first == NULL)
        first = g_strdup (ref);
    }
  g_assert_cmpuint (bk_store_count_submissions (store), ==, 200);

  loaded = bk_store_load_submission (store, first, &error);
  g_assert_no_error (error);
  g_assert_cmpint (loaded->kind, ==, BK_SUBMISSION_DEFECT_REPORT);
  g_assert_nonnull (strstr (loaded->answers, "Laterne aus"));
  g_assert_cmpstr (loaded->language, ==, "de");
  g_assert_null (loaded->exported_at);
  g_assert_true (g_str_has_suffix (loaded->created_at, "Z"));
  g_assert_null (bk_store_load_submission (store, "BK-2026-999999-A", &error));
  g_assert_error (error, BK_ERROR, BK_ERROR_NOT_FOUND);
  bk_test_assert_check (store);
}

static void
test_numbers_never_reused (void)
{
  g_autoptr(BkStore) store = bk_test_store_open_memory ();
  g_autofree char *a = add (store, BK_SUBMISSION_APPOINTMENT, "{}", "2020-01-01T00:00:00Z");
  g_autofree char *b = NULL;
  g_autoptr(GError) error = NULL;
  guint removed = 0;

  g_assert_true (bk_store_purge_submissions (store, "2021-01-01T00:00:00Z", &removed, &error));
  g_assert_cmpuint (removed, ==, 1);
  b = add (store, BK_SUBMISSION_APPOINTMENT, "{}", NULL);
  /* a purged reference on an old receipt must never name someone else's request */
  g_assert_cmpstr (a + 8, !=, b + 8);
  g_assert_true (g_str_has_suffix (b, "000002-") || strstr (b, "-000002-") != NULL);
}

static void
test_bad_submissions_store_nothing (void)
{
  g_autoptr(BkStore) store = bk_test_store_open_memory ();
  gint64 motion = add_motion (store);
  static const char *const bad_answers[] = { NULL, "", "[1]", "\"x\"", "{\"a\": ", "{\"a\":1} x" };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bad_answers); i++)
    {
      g_autoptr(BkSubmission) s = bk_submission_new (BK_SUBMISSION_SUGGESTION_COMPLAINT);
      g_autofree char *ref = NULL;

      g_free (s->answers);
      s->answers = g_strdup (bad_answers[i]);
      ref = bk_store_add_submission (store, s, &error);
      g_assert_null (ref);
      g_assert_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT);
      g_assert_null (s->reference);
      g_clear_error (&error);
    }

  /* feedback: unknown opinion, comment not text, no motion, a motion that does not exist */
  {
    static const struct { const char *answers; gint64 motion; } cases[] = {
      { "{\"opinion\": \"maybe\"}", 1 },
      { "{\"opinion\": true}", 1 },
      { "{\"comment\": 5}", 1 },
      { "{\"opinion\": \"agree\"}", 0 },
      { "{\"opinion\": \"agree\"}", 999999 },
    };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autoptr(BkSubmission) s = bk_submission_new (BK_SUBMISSION_MOTION_FEEDBACK);
        g_autofree char *ref = NULL;

        g_free (s->answers);
        s->answers = g_strdup (cases[i].answers);
        s->motion_id = cases[i].motion == 1 ? motion : cases[i].motion;
        ref = bk_store_add_submission (store, s, &error);
        g_assert_null (ref);
        g_assert_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT);
        g_clear_error (&error);
      }
  }
  g_assert_cmpuint (bk_store_count_submissions (store), ==, 0);

  /* not inside someone else's transaction: the COMMIT would not be ours */
  {
    g_autoptr(BkSubmission) s = bk_submission_new (BK_SUBMISSION_APPOINTMENT);
    g_autofree char *ref = NULL;

    g_assert_true (bk_store_begin (store, &error));
    ref = bk_store_add_submission (store, s, &error);
    g_assert_null (ref);
    g_assert_error (error, BK_ERROR, BK_ERROR_DATABASE);
    bk_store_rollback (store);
  }
  g_assert_cmpuint (bk_store_count_submissions (store), ==, 0);
  bk_test_assert_check (store);
}

static void
test_feedback_counts (void)
{
  g_autoptr(BkStore) store = bk_test_store_open_memory ();
  gint64 motion = add_motion (store);
  gint64 other = add_motion (store);
  static const char *const answers[] = {
    "{\"opinion\": \"agree\"}",
    "{\"opinion\": \"agree\", \"comment\": \"Gute Idee\"}",
    "{\"opinion\": \"disagree\", \"comment\": \"   \"}",
    "{\"opinion\": null, \"comment\": \"Nur eine Frage\"}",
    "{}",
  };
  BkFeedbackCounts counts;
  g_autoptr(GError) error = NULL;
  guint removed;

  g_assert_true (bk_store_get_motion_feedback (store, motion, &counts, &error));
  g_assert_cmpuint (counts.agree + counts.disagree + counts.comments, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    {
      g_autoptr(BkSubmission) s = bk_submission_new (BK_SUBMISSION_MOTION_FEEDBACK);
      g_autofree char *ref = NULL;

      g_free (s->answers);
      s->answers = g_strdup (answers[i]);
      s->motion_id = motion;
      ref = bk_store_add_submission (store, s, &error);
      g_assert_no_error (error);
    }
  g_assert_true (bk_store_get_motion_feedback (store, motion, &counts, &error));
  g_assert_cmpuint (counts.agree, ==, 2);
  g_assert_cmpuint (counts.disagree, ==, 1);
  g_assert_cmpuint (counts.comments, ==, 2);
  g_assert_true (bk_store_get_motion_feedback (store, other, &counts, &error));
  g_assert_cmpuint (counts.agree, ==, 0);

  /* the tally outlives the purge of the personal data */
  g_assert_true (bk_store_purge_submissions (store, "9999-01-01T00:00:00Z", &removed, &error));
  g_assert_cmpuint (removed, ==, G_N_ELEMENTS (answers));
  g_assert_true (bk_store_get_motion_feedback (store, motion, &counts, &error));
  g_assert_cmpuint (counts.agree, ==, 2);
  bk_test_assert_check (store);
}

static void
test_export_marks_and_since (void)
{
  g_autoptr(BkStore) store = bk_test_store_open_memory ();
  g_autofree char *old = add (store, BK_SUBMISSION_APPOINTMENT, "{\"n\": 1}", "2026-10-01T09:00:00Z");
  g_autofree char *mid = add (store, BK_SUBMISSION_APPOINTMENT, "{\"n\": 2}", "2026-11-01T09:00:00Z");
  g_autofree char *new = add (store, BK_SUBMISSION_APPOINTMENT, "{\"n\": 3}", "2026-11-20T09:00:00Z");
  BkSubmissionQuery unexported = { .unexported_only = TRUE };
  BkSubmissionQuery since = { .since = "2026-11-01T00:00:00Z" };
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  rows = bk_store_list_submissions (store, &unexported, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpstr (((BkSubmission *) g_ptr_array_index (rows, 0))->reference, ==, old);
  g_assert_true (bk_store_mark_submissions_exported (store, rows, "2026-11-21T10:00:00Z", &error));
  g_clear_pointer (&rows, g_ptr_array_unref);

  rows = bk_store_list_submissions (store, &unexported, &error);
  g_assert_cmpuint (rows->len, ==, 0);
  g_clear_pointer (&rows, g_ptr_array_unref);

  rows = bk_store_list_submissions (store, &since, &error);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (((BkSubmission *) g_ptr_array_index (rows, 0))->reference, ==, mid);
  g_assert_cmpstr (((BkSubmission *) g_ptr_array_index (rows, 1))->reference, ==, new);
  g_assert_cmpstr (((BkSubmission *) g_ptr_array_index (rows, 1))->exported_at, ==,
                   "2026-11-21T10:00:00Z");
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* a rolled-back export leaves the marks as they were */
  g_free (add (store, BK_SUBMISSION_APPOINTMENT, "{\"n\": 4}", "2026-11-22T09:00:00Z"));
  g_assert_true (bk_store_begin (store, &error));
  rows = bk_store_list_submissions (store, &unexported, &error);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_true (bk_store_mark_submissions_exported (store, rows, NULL, &error));
  bk_store_rollback (store);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = bk_store_list_submissions (store, &unexported, &error);
  g_assert_cmpuint (rows->len, ==, 1);
}

/* The export names a feedback's motion by its paper number, and the export
 * that marks the submissions already says when (issue 15). */
static void
test_export_names_paper_and_time (void)
{
  g_autoptr(BkStore) store = bk_test_store_open_memory ();
  g_autoptr(BkMotion) m = bk_test_motion_new ("Bänke am Marktplatz", "Stadtrat Auenbach",
                                              "2026-10-01", NULL);
  g_autoptr(BkSubmission) s = bk_submission_new (BK_SUBMISSION_MOTION_FEEDBACK);
  BkSubmissionQuery unexported = { .unexported_only = TRUE };
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *reference = NULL;
  JsonObject *obj;

  m->reference = g_strdup ("SR/2026/0815");
  g_assert_true (bk_store_save_motion (store, m, &error));
  s->motion_id = m->id;
  g_free (s->answers);
  s->answers = g_strdup ("{\"opinion\": \"agree\"}");
  s->created_at = g_strdup ("2026-11-20T09:00:00Z");
  reference = bk_store_add_submission (store, s, &error);
  g_assert_no_error (error);

  rows = bk_store_list_submissions (store, &unexported, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (((BkSubmission *) g_ptr_array_index (rows, 0))->paper_number, ==, "SR/2026/0815");
  g_assert_null (((BkSubmission *) g_ptr_array_index (rows, 0))->exported_at);
  g_assert_true (bk_store_mark_submissions_exported (store, rows, "2026-11-21T10:00:00Z", &error));

  root = bk_submissions_to_json (rows);
  obj = json_array_get_object_element (json_node_get_array (root), 0);
  g_assert_cmpstr (json_object_get_string_member (obj, "reference"), ==, reference);
  g_assert_cmpstr (json_object_get_string_member (obj, "paper_number"), ==, "SR/2026/0815");
  g_assert_cmpstr (json_object_get_string_member (obj, "exported_at"), ==, "2026-11-21T10:00:00Z");
  csv = bk_submissions_to_csv (rows);
  g_assert_nonnull (strstr (csv, ",motion-feedback,,SR/2026/0815,2026-11-20T09:00:00Z,"));
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Loaded one by one, too. */
  g_clear_pointer (&s, bk_submission_free);
  s = bk_store_load_submission (store, reference, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (s->paper_number, ==, "SR/2026/0815");
  g_assert_cmpstr (s->exported_at, ==, "2026-11-21T10:00:00Z");
}

static void
test_csv_quoting (void)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) bk_submission_free);
  BkSubmission *a = bk_submission_new (BK_SUBMISSION_DEFECT_REPORT);
  BkSubmission *b = bk_submission_new (BK_SUBMISSION_MOTION_FEEDBACK);
  g_autofree char *csv = NULL;
  g_autoptr(GString) cell = g_string_new (NULL);

  a->reference = g_strdup ("BK-2026-000001-A");
  a->created_at = g_strdup ("2026-11-01T09:00:00Z");
  a->language = g_strdup ("de");
  g_free (a->answers);
  a->answers = g_strdup ("{\"place\": \"Markt 1, Eingang \\\"Nord\\\"\","
                         " \"description\": \"Zeile 1\\nZeile 2\"}");
  b->reference = g_strdup ("BK-2026-000002-B");
  b->motion_id = 7;
  b->paper_number = g_strdup ("KT/2026/007");
  b->created_at = g_strdup ("2026-11-02T09:00:00Z");
  g_free (b->answers);
  b->answers = g_strdup ("{\"opinion\": \"agree\", \"comment\": \"=HYPERLINK(\\\"x\\\")\","
                         " \"count\": 3}");
  g_ptr_array_add (rows, a);
  g_ptr_array_add (rows, b);

  csv = bk_submissions_to_csv (rows);
  g_assert_cmpstr (csv, ==,
    "reference,kind,service_id,paper_number,created_at,language,"
    "answer:place,answer:description,answer:opinion,answer:comment,answer:count\r\n"
    "BK-2026-000001-A,defect-report,,,2026-11-01T09:00:00Z,de,"
    "\"Markt 1, Eingang \"\"Nord\"\"\",\"Zeile 1\nZeile 2\",,,\r\n"
    "BK-2026-000002-B,motion-feedback,,KT/2026/007,2026-11-02T09:00:00Z,,"
    ",,agree,\"'=HYPERLINK(\"\"x\"\")\",3\r\n");

  bk_csv_append_cell (cell, "-1");
  g_assert_cmpstr (cell->str, ==, "'-1");
  g_string_truncate (cell, 0);
  bk_csv_append_cell (cell, "a;b");
  g_assert_cmpstr (cell->str, ==, "\"a;b\"");
  g_string_truncate (cell, 0);
  bk_csv_append_cell (cell, "");
  g_assert_cmpstr (cell->str, ==, "");
}

static void
test_json_export (void)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) bk_submission_free);
  BkSubmission *a = bk_submission_new (BK_SUBMISSION_REGISTRATION_CERTIFICATE);
  g_autoptr(JsonNode) root = NULL;
  JsonObject *obj;

  a->reference = g_strdup ("BK-2026-000001-A");
  a->service_id = g_strdup ("99115003012000-stadt-auenbach");
  g_free (a->answers);
  a->answers = g_strdup ("{\"name\": \"Erika\"}");
  g_ptr_array_add (rows, a);
  root = bk_submissions_to_json (rows);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
  obj = json_array_get_object_element (json_node_get_array (root), 0);
  g_assert_cmpstr (json_object_get_string_member (obj, "kind"), ==, "registration-certificate");
  g_assert_cmpstr (json_object_get_string_member (obj, "service_id"), ==,
                   "99115003012000-stadt-auenbach");
  g_assert_true (json_object_get_null_member (obj, "paper_number"));
  g_assert_false (json_object_has_member (obj, "motion_id"));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (obj, "answers"),
                                                  "name"), ==, "Erika");
}

static void
test_purge (void)
{
  g_autoptr(BkStore) store = bk_test_store_open_memory ();
  g_autoptr(GError) error = NULL;
  guint removed = 99;

  g_free (add (store, BK_SUBMISSION_APPOINTMENT, "{}", "2026-09-30T23:59:59Z"));
  g_free (add (store, BK_SUBMISSION_APPOINTMENT, "{}", "2026-10-01T00:00:00Z"));
  g_free (add (store, BK_SUBMISSION_APPOINTMENT, "{}", "2026-10-15T00:00:00Z"));
  g_assert_true (bk_store_purge_submissions (store, "2026-10-01T00:00:00Z", &removed, &error));
  g_assert_cmpuint (removed, ==, 1);
  g_assert_cmpuint (bk_store_count_submissions (store), ==, 2);
  g_assert_true (bk_store_purge_submissions (store, "2026-10-01T00:00:00Z", &removed, &error));
  g_assert_cmpuint (removed, ==, 0);
  bk_test_assert_check (store);
}

static void
test_retention (void)
{
  g_autoptr(BkStore) store = NULL;
  g_autoptr(GError) error = NULL;

  /* structured logging: g_test_expect_message does not see the warning, so
   * the broken value is tried in a subprocess */
  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();
      g_test_trap_assert_stderr ("*WARNING*retention-days*lots*using 30*");
      return;
    }
  g_log_set_always_fatal (G_LOG_FATAL_MASK);
  store = bk_test_store_open_memory ();
  g_assert_cmpuint (bk_store_get_retention_days (store), ==, BK_STORE_DEFAULT_RETENTION_DAYS);
  g_assert_true (bk_store_set_retention_days (store, 7, &error));
  g_assert_cmpuint (bk_store_get_retention_days (store), ==, 7);
  g_assert_false (bk_store_set_retention_days (store, 0, &error));
  g_assert_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_false (bk_store_set_retention_days (store, 5000, &error));
  g_clear_error (&error);
  g_assert_cmpuint (bk_store_get_retention_days (store), ==, 7);

  /* a broken value, written by hand: a warning naming the key, and the default */
  g_assert_true (bk_store_exec (store, "UPDATE setting SET value = 'lots'"
                                       " WHERE key = 'retention-days'", &error));
  g_assert_cmpuint (bk_store_get_retention_days (store), ==, BK_STORE_DEFAULT_RETENTION_DAYS);
}

/* A database of schema version 1 (before the catalogue) upgrades in place. */
static void
test_migration_from_v1 (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = bk_test_tmp_path ("old.db");
  g_autoptr(BkStore) store = NULL;
  g_autofree char *ref = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (bk_search_tokenizer_register (db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, bk_store_migrations[0], NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO paper (subject) VALUES ('Alt');"
                                     "INSERT INTO paper_fts (rowid, subject) VALUES (1, 'alt');"
                                     "INSERT INTO paper_head_fts (rowid, subject) VALUES (1, 'alt');"
                                     "PRAGMA user_version = 1", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = bk_store_open (path, BK_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (bk_store_get_schema_version (store), ==, BK_STORE_SCHEMA_VERSION);
  g_assert_cmpuint (bk_store_count_motions (store), ==, 1);
  ref = add (store, BK_SUBMISSION_SUGGESTION_COMPLAINT, "{\"text\": \"Mehr Bänke\"}", NULL);
  g_assert_true (bk_submission_reference_is_valid (ref));
  bk_test_assert_check (store);
}

/* Survives closing and reopening: the reference is only returned after COMMIT. */
static void
test_durable_in_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = bk_test_tmp_path ("kiosk.db");
  g_autofree char *ref = NULL;
  GStatBuf st;

  {
    g_autoptr(BkStore) store = bk_store_open (path, BK_STORE_OPEN_DEFAULT, &error);

    g_assert_no_error (error);
    ref = add (store, BK_SUBMISSION_APPOINTMENT, "{\"wish\": \"Dienstag\"}", NULL);
  }
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  {
    g_autoptr(BkStore) store = bk_store_open (path, BK_STORE_OPEN_READ_ONLY, &error);
    g_autoptr(BkSubmission) s = NULL;

    g_assert_no_error (error);
    s = bk_store_load_submission (store, ref, &error);
    g_assert_no_error (error);
    g_assert_nonnull (strstr (s->answers, "Dienstag"));
  }
}

/* A staff import on another connection holds the write lock for 3 s (the
 * issue measured 2.65 s): a citizen's submission waits and is stored. */
typedef struct
{
  const char *path;
  guint       hold_ms;
  GMutex      mutex;
  GCond       cond;
  gboolean    locked;
} Writer;

static gpointer
writer_thread (gpointer data)
{
  Writer *w = data;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (w->path, &db), ==, SQLITE_OK);
  bk_search_tokenizer_register (db);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN IMMEDIATE;"
                                     "INSERT INTO setting (key, value) VALUES ('import-test', 'x')"
                                     " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_mutex_lock (&w->mutex);
  w->locked = TRUE;
  g_cond_signal (&w->cond);
  g_mutex_unlock (&w->mutex);
  g_usleep (w->hold_ms * 1000);
  g_assert_cmpint (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  return NULL;
}

static void
test_waits_for_an_import (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = bk_test_tmp_path ("busy.db");
  g_autoptr(BkStore) store = bk_store_open (path, BK_STORE_OPEN_DEFAULT, &error);
  g_autoptr(BkSubmission) s = bk_submission_new (BK_SUBMISSION_APPOINTMENT);
  g_autofree char *reference = NULL;
  Writer w = { path, 3000 };
  GThread *thread;
  gint64 start, waited;

  g_assert_no_error (error);
  g_mutex_init (&w.mutex);
  g_cond_init (&w.cond);
  thread = g_thread_new ("import", writer_thread, &w);
  g_mutex_lock (&w.mutex);
  while (!w.locked)
    g_cond_wait (&w.cond, &w.mutex);
  g_mutex_unlock (&w.mutex);

  g_free (s->answers);
  s->answers = g_strdup ("{\"wish\": \"Dienstag\"}");
  start = g_get_monotonic_time ();
  reference = bk_store_add_submission (store, s, &error);
  waited = (g_get_monotonic_time () - start) / 1000;
  g_test_message ("the submission waited %" G_GINT64_FORMAT " ms for the import", waited);
  g_assert_no_error (error);
  g_assert_nonnull (reference);
  /* it really waited for the import's lock, longer than the default wait */
  g_assert_cmpint (waited, >=, BK_STORE_BUSY_TIMEOUT_MS);
  g_thread_join (thread);
  g_mutex_clear (&w.mutex);
  g_cond_clear (&w.cond);

  /* and it is stored */
  {
    g_autoptr(BkSubmission) loaded = bk_store_load_submission (store, reference, &error);

    g_assert_no_error (error);
    g_assert_nonnull (loaded);
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/submissions/references", test_references);
  g_test_add_func ("/submissions/add-unique-and-loadable", test_add_unique_and_loadable);
  g_test_add_func ("/submissions/numbers-never-reused", test_numbers_never_reused);
  g_test_add_func ("/submissions/bad-submissions-store-nothing", test_bad_submissions_store_nothing);
  g_test_add_func ("/submissions/feedback-counts", test_feedback_counts);
  g_test_add_func ("/submissions/export-marks-and-since", test_export_marks_and_since);
  g_test_add_func ("/submissions/export-names-paper-and-time", test_export_names_paper_and_time);
  g_test_add_func ("/submissions/csv-quoting", test_csv_quoting);
  g_test_add_func ("/submissions/json-export", test_json_export);
  g_test_add_func ("/submissions/purge", test_purge);
  g_test_add_func ("/submissions/retention", test_retention);
  g_test_add_func ("/submissions/migration-from-v1", test_migration_from_v1);
  g_test_add_func ("/submissions/durable-in-file", test_durable_in_file);
  g_test_add_func ("/submissions/waits-for-an-import", test_waits_for_an_import);
  return g_test_run ();
}
