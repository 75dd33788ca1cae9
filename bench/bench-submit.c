/* bench-submit: commit time of citizens' submissions, and the writer of the
 * kill -9 test.
 *
 *   bench-submit commit DB PRELOAD N [full|normal]
 *       fills DB up to PRELOAD stored submissions (one bulk transaction), then
 *       times N calls of bk_store_add_submission, each its own transaction as
 *       the kiosk makes them; prints RESULT lines (p50, p95, max in ms).
 *       "normal" switches the connection to synchronous=NORMAL for comparison;
 *       the store itself runs FULL.
 *   bench-submit writer DB
 *       submits in a loop and prints each reference once bk_store_add_submission
 *       returned it (after COMMIT), flushed, until it is killed.
 *   bench-submit verify DB REFS-FILE
 *       every complete line of REFS-FILE must be a stored reference; prints
 *       RESULT lines and exits 1 when one is missing.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bk-store.h"
#include "bk-store-private.h"

static const char answers_template[] =
  "{\"place\": \"Marktplatz %u, vor dem Eingang\", \"description\": \"Die Straßenlaterne"
  " vor Haus %u ist seit drei Tagen aus; abends ist der Gehweg ganz dunkel und der"
  " Bordstein ist kaum zu sehen.\", \"contact\": null, \"photo\": false}";

static BkSubmission *
make_submission (guint i)
{
  BkSubmission *s = bk_submission_new (BK_SUBMISSION_DEFECT_REPORT);

  g_free (s->answers);
  s->answers = g_strdup_printf (answers_template, i % 97, i);
  s->language = g_strdup (i % 5 == 0 ? "en" : "de");
  s->service_id = g_strdup ("maengel-melden-stadt-auenbach");
  return s;
}

static BkStore *
open_or_die (const char *path)
{
  g_autoptr(GError) error = NULL;
  BkStore *store = bk_store_open (path, BK_STORE_OPEN_DEFAULT, &error);

  if (store == NULL)
    {
      g_printerr ("bench-submit: %s\n", error->message);
      exit (1);
    }
  return store;
}

/* Bulk rows straight into the table, in one transaction: 100 000 separate
 * commits would take minutes of fsync and measure nothing new. */
static void
preload (BkStore *store, guint want)
{
  g_autoptr(GError) error = NULL;
  guint have = bk_store_count_submissions (store);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  if (have >= want)
    return;
  if (!bk_store_begin (store, &error))
    g_error ("%s", error->message);
  for (guint i = have; i < want; i++)
    {
      sqlite3_stmt *stmt = bk_store_get_stmt (store,
                                              "INSERT INTO submission (reference, kind, service_id,"
                                              " created_at, answers, language, exported_at)"
                                              " VALUES (?1, 'defect-report', ?2, ?3, ?4, 'de', ?5)",
                                              &error);
      g_autoptr(GDateTime) when = g_date_time_add_seconds (now, -60.0 * (want - i));
      g_autofree char *created = g_date_time_format (when, "%Y-%m-%dT%H:%M:%SZ");
      g_autofree char *answers = g_strdup_printf (answers_template, i % 97, i);
      g_autofree char *ref = bk_submission_format_reference (2026, 1000000 + i);

      if (stmt == NULL)
        g_error ("%s", error->message);
      bk_store_bind_text (stmt, 1, ref);
      bk_store_bind_text (stmt, 2, "maengel-melden-stadt-auenbach");
      bk_store_bind_text (stmt, 3, created);
      bk_store_bind_text (stmt, 4, answers);
      bk_store_bind_text (stmt, 5, i % 3 ? created : NULL);
      if (!bk_store_step_done (store, stmt, &error))
        g_error ("%s", error->message);
    }
  if (!bk_store_commit (store, &error))
    g_error ("%s", error->message);
  bk_store_exec (store, "PRAGMA wal_checkpoint(TRUNCATE)", NULL);
}

static int
compare_doubles (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static int
run_commit (const char *path, guint want, guint n, gboolean normal)
{
  g_autoptr(BkStore) store = open_or_die (path);
  g_autofree double *ms = g_new (double, n);
  const char *mode = normal ? "normal" : "full";

  preload (store, want);
  if (normal && !bk_store_exec (store, "PRAGMA synchronous = NORMAL", NULL))
    return 1;
  g_print ("# %u stored submissions, %u timed commits, synchronous=%s\n",
           bk_store_count_submissions (store), n, mode);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BkSubmission) s = make_submission (i);
      g_autoptr(GError) error = NULL;
      g_autofree char *ref = NULL;
      gint64 t0 = g_get_monotonic_time ();

      ref = bk_store_add_submission (store, s, &error);
      ms[i] = (g_get_monotonic_time () - t0) / 1000.0;
      if (ref == NULL)
        {
          g_printerr ("bench-submit: %s\n", error->message);
          return 1;
        }
    }
  qsort (ms, n, sizeof *ms, compare_doubles);
  g_print ("RESULT submit_%s_p50_ms %.3f\n", mode, ms[n / 2]);
  g_print ("RESULT submit_%s_p95_ms %.3f\n", mode, ms[(guint) (n * 0.95)]);
  g_print ("RESULT submit_%s_max_ms %.3f\n", mode, ms[n - 1]);
  return 0;
}

static int
run_writer (const char *path)
{
  g_autoptr(BkStore) store = open_or_die (path);

  for (guint i = 0;; i++)
    {
      g_autoptr(BkSubmission) s = make_submission (i);
      g_autoptr(GError) error = NULL;
      g_autofree char *ref = bk_store_add_submission (store, s, &error);

      if (ref == NULL)
        {
          g_printerr ("bench-submit writer: %s\n", error->message);
          return 1;
        }
      /* acknowledged: only now may the citizen see the number */
      printf ("%s\n", ref);
      fflush (stdout);
    }
  return 0;
}

static int
run_verify (const char *path, const char *refs_path)
{
  g_autoptr(BkStore) store = open_or_die (path);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  guint checked = 0, missing = 0, n;

  if (!g_file_get_contents (refs_path, &text, NULL, &error))
    {
      g_printerr ("bench-submit verify: %s\n", error->message);
      return 1;
    }
  lines = g_strsplit (text, "\n", -1);
  /* the part after the last newline was cut off by the kill: not acknowledged */
  n = g_strv_length (lines);
  for (guint i = 0; i + 1 < n; i++)
    {
      g_autoptr(BkSubmission) s = bk_store_load_submission (store, lines[i], NULL);

      checked++;
      if (s == NULL)
        {
          g_printerr ("missing: %s\n", lines[i]);
          missing++;
        }
    }
  g_print ("RESULT kill9_acknowledged %u\n", checked);
  g_print ("RESULT kill9_missing %u\n", missing);
  g_print ("RESULT kill9_stored %u\n", bk_store_count_submissions (store));
  return missing == 0 ? 0 : 1;
}

int
main (int argc, char **argv)
{
  if (argc >= 5 && strcmp (argv[1], "commit") == 0)
    return run_commit (argv[2], (guint) atoi (argv[3]), MAX (1, atoi (argv[4])),
                       argc >= 6 && strcmp (argv[5], "normal") == 0);
  if (argc == 3 && strcmp (argv[1], "writer") == 0)
    return run_writer (argv[2]);
  if (argc == 4 && strcmp (argv[1], "verify") == 0)
    return run_verify (argv[2], argv[3]);
  g_printerr ("usage: bench-submit commit DB PRELOAD N [full|normal]\n"
              "       bench-submit writer DB\n"
              "       bench-submit verify DB REFS-FILE\n");
  return 2;
}
