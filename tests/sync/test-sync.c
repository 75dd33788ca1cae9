/* test-sync.c: the OParl sync against a real HTTP server on 127.0.0.1
 *
 * The server (oparl-server.py) serves the demo data set of Stadt Auenbach
 * (data/demo/oparl-auenbach) in pages of two, and misbehaves on demand in
 * each way integration.md §1.3 documents. Every misbehaving case must end
 * in a consistent database (bk_store_check) that is what it was before,
 * and an error that names the endpoint and the problem.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include <sys/resource.h>
#include <glib/gstdio.h>

#include "bk-error.h"
#include "bk-oparl-test-server.h"
#include "bk-store-meetings.h"
#include "bk-store-sync.h"
#include "bk-sync.h"
#include "bk-sync-files.h"
#include "bk-sync-service.h"

#define NAME "Ratsinformationssystem Stadt Auenbach"

typedef struct {
  BkOParlTestServer *server;
  char *dir;
  char *db_path;
  BkStore *store;
  BkHttp *http;
  BkSyncEndpoint endpoint;
} Fixture;

static char *
data_dir (void)
{
  return g_build_filename (g_getenv ("BK_SOURCE_ROOT"), "data", "demo", "oparl-auenbach", NULL);
}

static void
fixture_start (Fixture            *f,
               const char * const *extra_args)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = data_dir ();
  const char *args[16] = { "--page-size", "2", NULL };
  BkHttpOptions options = { 5, 2, 10, 2 };

  for (guint i = 0; extra_args != NULL && extra_args[i] != NULL; i++)
    args[2 + i] = extra_args[i];
  f->server = bk_oparl_test_server_start (data, args);
  f->dir = g_dir_make_tmp ("bk-test-sync-XXXXXX", &error);
  g_assert_no_error (error);
  f->db_path = g_build_filename (f->dir, "kiosk.db", NULL);
  f->store = bk_store_open (f->db_path, BK_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  f->http = bk_http_new (&options);
  f->endpoint.url = bk_oparl_test_server_system (f->server);
  f->endpoint.name = NAME;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  fixture_start (f, data);
}

static void
fixture_setup_plain (Fixture       *f,
                     gconstpointer  data)
{
  fixture_start (f, NULL);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->store);
  g_clear_pointer (&f->http, bk_http_unref);
  g_clear_pointer (&f->server, bk_oparl_test_server_stop);
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db_path);
}

static gboolean
sync_once (Fixture              *f,
           const BkSyncOptions  *options,
           BkSyncReport         *report,
           GError              **error)
{
  return bk_sync_endpoint (f->store, f->http, &f->endpoint, options, report, NULL, error);
}

static void
sync_ok (Fixture             *f,
         const BkSyncOptions *options,
         BkSyncReport        *report)
{
  g_autoptr(GError) error = NULL;

  gboolean ok = sync_once (f, options, report, &error);

  g_assert_no_error (error);
  g_assert_true (ok);
}

/* What a citizen would see, as text: papers, consultations with their
 * results, meetings and agenda items, and the watermarks. */
static char *
snapshot (Fixture *f)
{
  static const char *const queries[] = {
    "SELECT oparl_id, subject, reference, coalesce (justification, '') FROM paper ORDER BY oparl_id",
    "SELECT c.oparl_id, c.date, coalesce (c.role, '') FROM consultation c ORDER BY c.oparl_id",
    "SELECT oparl_id, name, start FROM meeting ORDER BY oparl_id",
    "SELECT oparl_id, coalesce (result, ''), coalesce (outcome, '') FROM agenda_item ORDER BY oparl_id",
    "SELECT list_url, watermark FROM sync_list ORDER BY list_url",
    "SELECT count(*) FROM resolution_point",
  };
  GString *text = g_string_new (NULL);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (f->db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, queries[q], -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            g_string_append_printf (text, "%s|", sqlite3_column_text (stmt, c));
          g_string_append_c (text, '\n');
        }
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);
  return g_string_free (text, FALSE);
}

static gint64
count_rows (Fixture    *f,
            const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  g_assert_cmpint (sqlite3_open_v2 (f->db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static void
assert_check (Fixture *f)
{
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  if (!bk_store_check (f->store, report, &error))
    g_error ("check failed: %s\n%s", error->message, report->str);
}

static gint64
motion_id (Fixture    *f,
           const char *reference)
{
  return bk_store_find_motion_by_reference (f->store, reference);
}

/* ---- a real server that behaves ------------------------------------------------- */

static void
test_full_sync (Fixture       *f,
                gconstpointer  data)
{
  BkSyncReport report = { 0 };
  BkSyncTextReport texts = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(BkMotion) motion = NULL;
  g_autoptr(GPtrArray) endpoints = NULL;
  g_autoptr(GPtrArray) upcoming = NULL;
  g_autoptr(GPtrArray) agenda = NULL;
  g_autoptr(GArray) decided = NULL;
  g_autofree char *requests = NULL;
  const BkConsultation *decision;
  BkSyncEndpointInfo *info;
  BkMotionFilter filter = { .status = BK_MOTION_STATUS_DECIDED, .today = "2026-12-01" };
  char *source = NULL, *stand = NULL;

  sync_ok (f, NULL, &report);
  g_assert_true (report.full);
  g_assert_true (report.changed);
  g_assert_cmpuint (report.papers, ==, 8);
  g_assert_cmpuint (report.meetings, ==, 8);
  g_assert_cmpuint (report.organizations, ==, 9);
  g_assert_cmpuint (report.persons, ==, 5);
  g_assert_cmpuint (report.skipped, ==, 0);
  g_assert_cmpstr (report.quirks, ==, "generic");
  bk_sync_report_clear (&report);

  /* a polite User-Agent on every request */
  requests = bk_oparl_test_server_requests (f->server);
  g_assert_nonnull (strstr (requests, "Buergerkiosk/"));

  /* the papers' own texts */
  g_assert_true (bk_sync_fetch_texts (f->store, f->http, NULL, NULL, &texts, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (texts.fetched, ==, 7);
  g_assert_cmpuint (texts.unreadable, ==, 0);
  bk_sync_text_report_clear (&texts);

  motion = bk_store_load_motion (f->store, motion_id (f, "A/2026/071"), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (motion->resolution_points->len, ==, 3);
  g_assert_nonnull (strstr (motion->justification, "Schulzentrum"));
  g_assert_cmpuint (motion->consultations->len, ==, 2);
  decision = bk_motion_get_decision (motion);
  g_assert_nonnull (decision);
  g_assert_cmpint (decision->outcome, ==, BK_OUTCOME_DECIDED);
  g_assert_cmpstr (decision->date, ==, "2026-11-12");
  g_assert_cmpstr (decision->committee, ==, "Stadtrat");
  g_assert_cmpint (decision->votes.yes, ==, 21);
  g_assert_cmpint (decision->votes.no, ==, 4);
  g_assert_cmpint (decision->votes.abstain, ==, 2);
  g_assert_cmpint (((BkConsultation *) g_ptr_array_index (motion->consultations, 0))->outcome, ==,
                   BK_OUTCOME_RECOMMENDED);

  /* a PDF with a text layer, read by the paper reader */
  g_assert_cmpint (bk_store_get_motion_text_state (f->store, motion_id (f, "V/2026/112"), NULL), ==,
                   BK_PAPER_TEXT_OK);
  {
    g_autoptr(BkMotion) vorlage = bk_store_load_motion (f->store, motion_id (f, "V/2026/112"), &error);

    g_assert_no_error (error);
    g_assert_cmpuint (vorlage->resolution_points->len, ==, 1);
    g_assert_nonnull (strstr (vorlage->justification, "Winterlinden"));
    /* the record's words win over the file's */
    g_assert_cmpstr (vorlage->subject, ==, "Ersatzpflanzungen für gefällte Bäume im Stadtpark");
  }
  /* an Anfrage's questions from its Markdown file */
  {
    g_autoptr(BkMotion) anfrage = bk_store_load_motion (f->store, motion_id (f, "A/2026/090"), &error);

    g_assert_no_error (error);
    g_assert_cmpuint (anfrage->questions->len, >, 0);
  }
  /* the Karlsruhe way: the motion text is the auxiliary file named "Antrag" */
  g_assert_cmpint (bk_store_get_motion_text_state (f->store, motion_id (f, "A/2026/083"), NULL), ==,
                   BK_PAPER_TEXT_OK);
  /* a paper without a text file */
  g_assert_cmpint (bk_store_get_motion_text_state (f->store, motion_id (f, "V/2026/118"), NULL), ==,
                   BK_PAPER_TEXT_NONE);

  /* freshness */
  g_assert_true (bk_store_get_motion_origin (f->store, motion_id (f, "A/2026/071"), &source, &stand));
  g_assert_cmpstr (source, ==, NAME);
  g_assert_nonnull (stand);
  g_free (source);
  g_free (stand);

  /* decided: a final outcome (decided, rejected, noted) */
  decided = bk_store_list_motion_ids (f->store, &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (decided->len, ==, 4);   /* A/2026/071, A/2026/071/1, V/2026/112, A/2026/090 */

  /* the calendar */
  upcoming = bk_store_list_meetings (f->store, "2026-12-01", "2027-03-01", FALSE, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (upcoming->len, ==, 5);
  g_assert_cmpstr (((BkMeetingSummary *) g_ptr_array_index (upcoming, 0))->committee, ==,
                   "Ausschuss für Jugend, Bildung und Sport");
  g_assert_true (((BkMeetingSummary *) g_ptr_array_index (upcoming, 3))->cancelled);
  agenda = bk_store_list_agenda (f->store, "http://127.0.0.1:0/none", &error);
  g_assert_cmpuint (agenda->len, ==, 0);
  g_clear_pointer (&agenda, g_ptr_array_unref);
  agenda = bk_store_list_agenda (f->store, ((BkMeetingSummary *) g_ptr_array_index (upcoming, 1))->oparl_id,
                                 &error);
  g_assert_cmpuint (agenda->len, ==, 6);
  g_assert_cmpstr (((BkAgendaEntry *) g_ptr_array_index (agenda, 3))->reference, ==, "V/2026/118");
  g_assert_cmpint (((BkAgendaEntry *) g_ptr_array_index (agenda, 5))->is_public, ==, BK_TRISTATE_NO);

  /* health */
  endpoints = bk_store_sync_list_endpoints (f->store, &error);
  g_assert_cmpuint (endpoints->len, ==, 1);
  info = g_ptr_array_index (endpoints, 0);
  g_assert_cmpstr (info->name, ==, NAME);
  g_assert_nonnull (info->last_success);
  g_assert_nonnull (info->last_full);
  g_assert_null (info->last_error);
  g_assert_cmpuint (info->papers, ==, 8);
  g_assert_cmpuint (info->texts_pending, ==, 0);
  g_assert_cmpuint (info->texts_unavailable, ==, 0);
  assert_check (f);
}

static void
test_incremental (Fixture       *f,
                  gconstpointer  data)
{
  BkSyncReport report = { 0 };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *requests = NULL;
  g_autofree char *paper = g_strconcat (bk_oparl_test_server_origin (f->server), "/oparl/v1/paper/", NULL);
  g_autofree char *touch = NULL;
  g_autofree char *del = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BkMotion) motion = NULL;
  gint64 started;

  sync_ok (f, NULL, &report);
  bk_sync_report_clear (&report);
  before = snapshot (f);

  /* nothing changed: one request per list, nothing written */
  bk_oparl_test_server_control (f->server, "clear");
  started = g_get_monotonic_time ();
  sync_ok (f, NULL, &report);
  g_assert_cmpint (g_get_monotonic_time () - started, <, 500 * 1000);
  g_assert_false (report.full);
  g_assert_false (report.changed);
  g_assert_cmpuint (report.requests, ==, 5);   /* the body list and four lists */
  bk_sync_report_clear (&report);
  requests = bk_oparl_test_server_requests (f->server);
  /* modified_since without fractional seconds, with its offset, encoded */
  g_assert_nonnull (strstr (requests, "modified_since=20"));
  g_assert_nonnull (strstr (requests, "%2B00:00"));
  after = snapshot (f);
  g_assert_cmpstr (before, !=, NULL);

  /* a change and a deletion come with the next sync */
  touch = g_strdup_printf ("touch=%s204&name=Parkgeb%%C3%%BChren%%20neu", paper);
  del = g_strdup_printf ("delete=%s205", paper);
  bk_oparl_test_server_control (f->server, touch);
  bk_oparl_test_server_control (f->server, del);
  sync_ok (f, NULL, &report);
  g_assert_true (report.changed);
  g_assert_cmpuint (report.papers, ==, 1);
  g_assert_cmpuint (report.deleted, ==, 1);
  bk_sync_report_clear (&report);
  motion = bk_store_load_motion (f->store, motion_id (f, "V/2026/118"), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (motion->subject, ==, "Parkgebühren neu");
  g_assert_cmpint (motion_id (f, "A/2026/083"), ==, 0);
  assert_check (f);
}

static void
test_reconcile (Fixture       *f,
                gconstpointer  data)
{
  BkSyncReport report = { 0 };
  BkSyncOptions full = { 0 };
  g_autofree char *remove = g_strdup_printf ("remove=%s/oparl/v1/paper/207",
                                             bk_oparl_test_server_origin (f->server));

  sync_ok (f, NULL, &report);
  bk_sync_report_clear (&report);
  g_assert_cmpint (motion_id (f, "A/2026/101"), >, 0);

  /* gone without a deleted object: an incremental sync cannot know… */
  bk_oparl_test_server_control (f->server, remove);
  sync_ok (f, NULL, &report);
  bk_sync_report_clear (&report);
  g_assert_cmpint (motion_id (f, "A/2026/101"), >, 0);

  /* …the periodic full one does */
  full.full = TRUE;
  sync_ok (f, &full, &report);
  g_assert_true (report.full);
  g_assert_cmpuint (report.removed, ==, 1);
  bk_sync_report_clear (&report);
  g_assert_cmpint (motion_id (f, "A/2026/101"), ==, 0);
  assert_check (f);
}

static void
test_ignored_filter (Fixture       *f,
                     gconstpointer  data)
{
  BkSyncReport report = { 0 };
  g_autofree char *remove = g_strdup_printf ("remove=%s/oparl/v1/paper/207",
                                             bk_oparl_test_server_origin (f->server));

  sync_ok (f, NULL, &report);
  bk_sync_report_clear (&report);
  /* a server that ignores modified_since sends all: that is a full walk */
  bk_oparl_test_server_control (f->server, "mode=ignore-filter");
  bk_oparl_test_server_control (f->server, remove);
  sync_ok (f, NULL, &report);
  g_assert_cmpuint (report.removed, ==, 1);
  bk_sync_report_clear (&report);
  g_assert_cmpint (motion_id (f, "A/2026/101"), ==, 0);
  assert_check (f);
}

/* ---- misbehaving servers: the previous state, and a message ---------------------- */

typedef struct {
  const char *mode;           /* set after a first good sync */
  int domain_code;            /* BkSyncError */
  const char *words;          /* in the message */
} Misbehaviour;

static void
test_misbehaving (Fixture       *f,
                  gconstpointer  data)
{
  const Misbehaviour *m = data;
  BkSyncReport report = { 0 };
  BkSyncOptions options = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *mode = g_strconcat ("mode=", m->mode, NULL);
  g_autoptr(BkSyncEndpointInfo) info = NULL;
  g_autofree char *touch = g_strdup_printf ("touch=%s/oparl/v1/paper/201&name=Neu",
                                            bk_oparl_test_server_origin (f->server));

  sync_ok (f, NULL, &report);
  bk_sync_report_clear (&report);
  before = snapshot (f);

  /* something to fetch on the second page of every list */
  bk_oparl_test_server_control (f->server, touch);
  bk_oparl_test_server_control (f->server, mode);
  options.full = TRUE;
  options.page_cap = 20;
  g_assert_false (sync_once (f, &options, &report, &error));
  g_assert_error (error, BK_SYNC_ERROR, m->domain_code);
  g_test_message ("%s: %s", m->mode, error->message);
  g_assert_nonnull (strstr (error->message, NAME));
  g_assert_nonnull (strstr (error->message, m->words));
  bk_sync_report_clear (&report);

  after = snapshot (f);
  g_assert_cmpstr (after, ==, before);
  assert_check (f);
  info = bk_store_sync_get_endpoint (f->store, f->endpoint.url);
  g_assert_cmpstr (info->last_error, ==, error->message);
}

static const Misbehaviour misbehaviours[] = {
  { "loop", BK_SYNC_ERROR_LOOP, "loop" },
  { "repeat", BK_SYNC_ERROR_REPEATED, "sent before" },
  { "endless", BK_SYNC_ERROR_PAGE_CAP, "beyond 20 pages" },
  { "error500", BK_SYNC_ERROR_HTTP, "500" },
  { "html", BK_SYNC_ERROR_NOT_OPARL, "web page" },
  { "truncated", BK_SYNC_ERROR_NOT_OPARL, "JSON" },
  { "error-object", BK_SYNC_ERROR_NOT_OPARL, "OParl is not active" },
  { "allris,truncated", BK_SYNC_ERROR_NOT_OPARL, "JSON" },
};

static void
test_slow (Fixture       *f,
           gconstpointer  data)
{
  BkSyncReport report = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(BkHttp) impatient = NULL;
  BkHttpOptions options = { 1, 1, 10, 2 };
  BkSyncOptions full = { 0 };

  sync_ok (f, NULL, &report);
  bk_sync_report_clear (&report);
  before = snapshot (f);
  bk_oparl_test_server_control (f->server, "mode=slow:3");
  impatient = bk_http_new (&options);
  full.full = TRUE;
  g_assert_false (bk_sync_endpoint (f->store, impatient, &f->endpoint, &full, &report, NULL, &error));
  g_assert_error (error, BK_SYNC_ERROR, BK_SYNC_ERROR_TIMEOUT);
  g_assert_nonnull (strstr (error->message, NAME));
  g_assert_nonnull (strstr (error->message, "within 1 seconds"));
  bk_sync_report_clear (&report);
  after = snapshot (f);
  g_assert_cmpstr (after, ==, before);
  assert_check (f);
}

/* Transient failures are retried; a walk cut off resumes where it stopped. */
static void
test_retry_and_resume (Fixture       *f,
                       gconstpointer  data)
{
  BkSyncReport report = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *requests = NULL;
  gint64 started;

  /* two 500s, then fine: the retries get through */
  bk_oparl_test_server_control (f->server, "mode=error500:2");
  sync_ok (f, NULL, &report);
  g_assert_cmpuint (report.papers, ==, 8);
  bk_sync_report_clear (&report);

  /* 429 with Retry-After: 1 is honoured */
  bk_oparl_test_server_control (f->server, "reset&mode=ratelimit:1");
  started = g_get_monotonic_time ();
  {
    BkSyncOptions full = { 0 };

    full.full = TRUE;
    sync_ok (f, &full, &report);
  }
  g_assert_cmpint (g_get_monotonic_time () - started, >=, G_USEC_PER_SEC);
  bk_sync_report_clear (&report);

  /* a dropped connection is a connection error: tried again */
  bk_oparl_test_server_control (f->server, "reset&mode=drop:2");
  {
    BkSyncOptions full = { 0 };

    full.full = TRUE;
    sync_ok (f, &full, &report);
  }
  bk_sync_report_clear (&report);

  /* always 500 on page 2: the walk stops, its pages are kept… */
  bk_oparl_test_server_control (f->server, "reset&mode=error500");
  {
    BkSyncOptions full = { 0 };

    full.full = TRUE;
    g_assert_false (sync_once (f, &full, &report, &error));
  }
  g_assert_error (error, BK_SYNC_ERROR, BK_SYNC_ERROR_HTTP);
  g_assert_nonnull (strstr (error->message, "also after 3 tries"));
  g_clear_error (&error);
  bk_sync_report_clear (&report);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM sync_page"), >, 0);

  /* …and the next sync goes on from there */
  bk_oparl_test_server_control (f->server, "reset");
  sync_ok (f, NULL, &report);
  g_assert_true (report.resumed);
  g_assert_true (report.full);
  bk_sync_report_clear (&report);
  requests = bk_oparl_test_server_requests (f->server);
  /* the body list was staged already: not asked again */
  g_assert_null (strstr (requests, "/oparl/v1/bodies"));
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM sync_page"), ==, 0);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM paper"), ==, 8);
  assert_check (f);
}

/* ---- vendor quirks ------------------------------------------------------------------ */

static void
check_quirk (Fixture    *f,
             const char *profile)
{
  BkSyncReport report = { 0 };
  g_autofree char *touch = g_strdup_printf ("touch=%s/oparl/v1/paper/201&name=Neu",
                                            bk_oparl_test_server_origin (f->server));
  g_autoptr(BkMotion) motion = NULL;
  g_autoptr(GError) error = NULL;

  sync_ok (f, NULL, &report);
  g_assert_cmpstr (report.quirks, ==, profile);
  g_assert_cmpuint (report.papers, ==, 8);
  bk_sync_report_clear (&report);
  /* an incremental sync: SD.NET answers the empty windows with 404/802,
   * SessionNet wants the filter's "+" raw */
  bk_oparl_test_server_control (f->server, touch);
  sync_ok (f, NULL, &report);
  g_assert_false (report.full);
  g_assert_cmpuint (report.papers, ==, 1);
  bk_sync_report_clear (&report);
  motion = bk_store_load_motion (f->store, motion_id (f, "A/2026/071"), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (motion->subject, ==, "Neu");
  assert_check (f);
}

static void
test_sdnet (Fixture       *f,
            gconstpointer  data)
{
  check_quirk (f, "sdnet");
}

static void
test_somacos (Fixture       *f,
              gconstpointer  data)
{
  check_quirk (f, "somacos");
}

static void
test_allris (Fixture       *f,
             gconstpointer  data)
{
  BkSyncReport report = { 0 };
  g_autoptr(BkMotion) motion = NULL;
  g_autoptr(GError) error = NULL;

  /* raw control characters (repaired), "N/A", an object where a list belongs */
  sync_ok (f, NULL, &report);
  g_assert_cmpstr (report.quirks, ==, "allris");
  g_assert_cmpuint (report.repaired, >, 0);
  g_assert_cmpuint (report.papers, ==, 8);
  g_assert_cmpuint (report.skipped, ==, 0);
  bk_sync_report_clear (&report);
  motion = bk_store_load_motion (f->store, motion_id (f, "A/2026/071"), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (motion->subject, ==, "Radweg entlang der Lindenallee");
  assert_check (f);
}

static void
test_id_prefix (Fixture       *f,
                gconstpointer  data)
{
  BkSyncReport report = { 0 };
  g_autofree char *system = g_strconcat (bk_oparl_test_server_origin (f->server), "/ris/oparl/v1/system", NULL);

  /* configured as the address that answers; the ids name another */
  f->endpoint.url = system;
  sync_ok (f, NULL, &report);
  g_assert_cmpuint (report.papers, ==, 8);
  bk_sync_report_clear (&report);
  f->endpoint.url = bk_oparl_test_server_system (f->server);
  assert_check (f);
}

/* ---- TLS ---------------------------------------------------------------------------- */

static void
test_tls (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bk-test-tls-XXXXXX", &error);
  g_autofree char *cert = g_build_filename (dir, "cert.pem", NULL);
  g_autofree char *key = g_build_filename (dir, "key.pem", NULL);
  g_autofree char *data = data_dir ();
  g_autofree char *db = g_build_filename (dir, "kiosk.db", NULL);
  g_autoptr(GSubprocess) openssl = NULL;
  g_autoptr(BkOParlTestServer) server = NULL;
  g_autoptr(BkStore) store = NULL;
  g_autoptr(BkHttp) http = bk_http_new (NULL);
  BkSyncEndpoint endpoint = { NULL, NAME };
  BkSyncReport report = { 0 };

  openssl = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error,
                              "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                              "-subj", "/CN=127.0.0.1", "-keyout", key, "-out", cert, NULL);
  if (openssl == NULL || !g_subprocess_wait_check (openssl, NULL, NULL))
    {
      g_test_skip ("openssl cannot make a certificate here");
      return;
    }
  {
    const char *args[] = { "--tls", cert, key, NULL };

    server = bk_oparl_test_server_start (data, args);
  }
  store = bk_store_open (db, BK_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  endpoint.url = bk_oparl_test_server_system (server);
  g_assert_true (g_str_has_prefix (endpoint.url, "https://"));
  g_assert_false (bk_sync_endpoint (store, http, &endpoint, NULL, &report, NULL, &error));
  g_assert_error (error, BK_SYNC_ERROR, BK_SYNC_ERROR_TLS);
  g_assert_nonnull (strstr (error->message, NAME));
  g_assert_nonnull (strstr (error->message, "certificate is not trusted"));
  g_assert_nonnull (strstr (error->message, "unknown authority"));
  bk_sync_report_clear (&report);
  g_assert_cmpuint (bk_store_count_motions (store), ==, 0);
  g_unlink (cert);
  g_unlink (key);
  g_clear_object (&store);
  g_unlink (db);
  {
    g_autofree char *wal = g_strconcat (db, "-wal", NULL);
    g_autofree char *shm = g_strconcat (db, "-shm", NULL);

    g_unlink (wal);
    g_unlink (shm);
  }
  g_rmdir (dir);
}

/* ---- the papers' texts ------------------------------------------------------------ */

static void
force_pending (Fixture    *f,
               const char *reference)
{
  g_autoptr(BkMotion) motion = bk_store_load_motion (f->store, motion_id (f, reference), NULL);
  g_autoptr(BkPaperText) text = bk_store_sync_get_paper_text (f->store, motion->oparl_id);
  g_autoptr(GError) error = NULL;

  text->state = BK_PAPER_TEXT_PENDING;
  g_assert_true (bk_store_sync_save_paper_text (f->store, text, NULL, &error));
  g_assert_no_error (error);
}

static void
test_texts (Fixture       *f,
            gconstpointer  data)
{
  BkSyncReport report = { 0 };
  BkSyncTextReport texts = { 0 };
  BkSyncTextOptions options = { 0 };
  g_autoptr(GError) error = NULL;
  char *message = NULL;

  sync_ok (f, NULL, &report);
  bk_sync_report_clear (&report);
  g_assert_true (bk_sync_fetch_texts (f->store, f->http, NULL, NULL, &texts, NULL, &error));
  bk_sync_text_report_clear (&texts);

  /* conditional GET: the kept copy is still good */
  force_pending (f, "A/2026/071");
  bk_oparl_test_server_control (f->server, "clear");
  g_assert_true (bk_sync_fetch_texts (f->store, f->http, NULL, NULL, &texts, NULL, &error));
  g_assert_cmpuint (texts.unchanged, ==, 1);
  g_assert_cmpuint (texts.fetched, ==, 1);   /* read again from the kept copy */
  bk_sync_text_report_clear (&texts);
  g_assert_cmpint (bk_store_get_motion_text_state (f->store, motion_id (f, "A/2026/071"), NULL), ==,
                   BK_PAPER_TEXT_OK);

  /* an HTML error page is no paper: tried again later */
  force_pending (f, "A/2026/071");
  bk_oparl_test_server_control (f->server, "mode=file-html");
  g_assert_true (bk_sync_fetch_texts (f->store, f->http, NULL, NULL, &texts, NULL, &error));
  g_assert_cmpuint (texts.failed, ==, 1);
  bk_sync_text_report_clear (&texts);
  g_assert_cmpint (bk_store_get_motion_text_state (f->store, motion_id (f, "A/2026/071"), &message), ==,
                   BK_PAPER_TEXT_FAILED);
  g_assert_nonnull (strstr (message, "web page"));
  g_clear_pointer (&message, g_free);

  /* a damaged PDF and a picture are said to be unreadable, in words */
  force_pending (f, "A/2026/071");
  bk_oparl_test_server_control (f->server, "reset&mode=file-damaged");
  g_assert_true (bk_sync_fetch_texts (f->store, f->http, NULL, NULL, &texts, NULL, &error));
  g_assert_cmpuint (texts.unreadable, ==, 1);
  bk_sync_text_report_clear (&texts);
  g_assert_cmpint (bk_store_get_motion_text_state (f->store, motion_id (f, "A/2026/071"), &message), ==,
                   BK_PAPER_TEXT_UNREADABLE);
  g_assert_nonnull (strstr (message, "PDF"));
  g_clear_pointer (&message, g_free);
  force_pending (f, "A/2026/071");
  bk_oparl_test_server_control (f->server, "reset&mode=file-image");
  g_assert_true (bk_sync_fetch_texts (f->store, f->http, NULL, NULL, &texts, NULL, &error));
  g_assert_cmpuint (texts.unreadable, ==, 1);
  bk_sync_text_report_clear (&texts);
  g_assert_cmpint (bk_store_get_motion_text_state (f->store, motion_id (f, "A/2026/071"), &message), ==,
                   BK_PAPER_TEXT_UNREADABLE);
  g_assert_nonnull (strstr (message, "image/png"));
  g_clear_pointer (&message, g_free);

  /* too large */
  force_pending (f, "A/2026/071");
  bk_oparl_test_server_control (f->server, "reset&mode=file-big");
  options.max_size = 1024 * 1024;
  g_assert_true (bk_sync_fetch_texts (f->store, f->http, NULL, &options, &texts, NULL, &error));
  g_assert_cmpuint (texts.unreadable, ==, 1);
  bk_sync_text_report_clear (&texts);

  /* 410: the file is gone */
  force_pending (f, "A/2026/071");
  bk_oparl_test_server_control (f->server, "reset&mode=file-410");
  g_assert_true (bk_sync_fetch_texts (f->store, f->http, NULL, NULL, &texts, NULL, &error));
  g_assert_cmpuint (texts.deleted, ==, 1);
  bk_sync_text_report_clear (&texts);
  g_assert_cmpint (bk_store_get_motion_text_state (f->store, motion_id (f, "A/2026/071"), &message), ==,
                   BK_PAPER_TEXT_DELETED);
  g_assert_nonnull (strstr (message, "removed"));
  g_free (message);

  /* the points read earlier stay with the motion after another sync */
  bk_oparl_test_server_control (f->server, "reset");
  {
    g_autoptr(BkMotion) motion = bk_store_load_motion (f->store, motion_id (f, "A/2026/083"), &error);

    g_assert_cmpuint (motion->resolution_points->len, ==, 3);
  }
  assert_check (f);
}

/* ---- kill -9 in the middle --------------------------------------------------------- */

static void
test_kill (Fixture       *f,
           gconstpointer  data)
{
  BkSyncReport report = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) ctl = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *ctl_path = g_build_filename (g_getenv ("BK_BUILD_ROOT"), "src", "buergerkiosk-ctl", NULL);
  g_autofree char *touch = g_strdup_printf ("touch=%s/oparl/v1/paper/201&name=Neu",
                                            bk_oparl_test_server_origin (f->server));

  sync_ok (f, NULL, &report);
  bk_sync_report_clear (&report);
  before = snapshot (f);
  g_clear_object (&f->store);

  /* a second process walks slowly and is killed in the middle */
  bk_oparl_test_server_control (f->server, touch);
  bk_oparl_test_server_control (f->server, "mode=slow:1");
  ctl = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error,
                          ctl_path, "--db", f->db_path, "sync", "--full", f->endpoint.url, NULL);
  g_assert_no_error (error);
  g_usleep (2500 * 1000);
  g_subprocess_send_signal (ctl, SIGKILL);
  g_subprocess_wait (ctl, NULL, NULL);

  f->store = bk_store_open (f->db_path, BK_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  assert_check (f);
  after = snapshot (f);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM sync_page"), >, 0);

  /* the next sync takes over the dead process's walk and finishes it */
  bk_oparl_test_server_control (f->server, "reset");
  sync_ok (f, NULL, &report);
  g_assert_true (report.resumed);
  bk_sync_report_clear (&report);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM paper WHERE subject = 'Neu'"), ==, 1);
  assert_check (f);
}

static void
test_busy (Fixture       *f,
           gconstpointer  data)
{
  BkSyncReport report = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *holder = g_strdup_printf ("%s:%d", g_get_host_name (),
                                             bk_oparl_test_server_pid (f->server));
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *started = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");

  /* a walk of another process that still runs */
  g_assert_true (bk_store_sync_begin_run (f->store, f->endpoint.url, started, started, TRUE, holder, &error));
  g_assert_false (sync_once (f, NULL, &report, &error));
  g_assert_error (error, BK_SYNC_ERROR, BK_SYNC_ERROR_BUSY);
  bk_sync_report_clear (&report);
}

/* ---- the kiosk's background service ------------------------------------------------- */

static void
finished_cb (BkSyncService *service,
             gboolean       changed,
             const char    *problems,
             gpointer       user_data)
{
  int *state = user_data;

  *state = changed ? 1 : 2;
}

/* The id of this process's thread called name, or 0. */
static pid_t
find_thread (const char *name)
{
  g_autoptr(GDir) dir = g_dir_open ("/proc/self/task", 0, NULL);
  const char *tid;

  while (dir != NULL && (tid = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_strdup_printf ("/proc/self/task/%s/comm", tid);
      g_autofree char *comm = NULL;

      if (g_file_get_contents (path, &comm, NULL, NULL) && g_str_equal (g_strstrip (comm), name))
        return atoi (tid);
    }
  return 0;
}

static void
test_service (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(BkSyncService) service = bk_sync_service_new (f->db_path, NULL);
  int state = 0;
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  g_signal_connect (service, "finished", G_CALLBACK (finished_cb), &state);
  bk_sync_service_set_endpoints (service, &f->endpoint, 1);
  bk_sync_service_sync_now (service, FALSE);
  g_assert_true (bk_sync_service_is_running (service));
#if defined(__linux__) && defined(SCHED_BATCH)
  {
    pid_t worker = 0;

    /* The worker yields to the screen in the batch class (bk-thread.h), at
     * the ordinary weight: not at nice 10, where it held locks the main
     * thread needs for a tenth of a CPU. (The thread names itself, and
     * enters the class, once it runs.) */
    while ((worker = find_thread ("bk-sync")) == 0 || sched_getscheduler (worker) != SCHED_BATCH)
      {
        if (g_get_monotonic_time () > deadline)
          break;
        g_usleep (1000);
      }
    g_assert_cmpint (worker, >, 0);
    g_assert_cmpint (sched_getscheduler (worker), ==, SCHED_BATCH);
    errno = 0;
    g_assert_cmpint (getpriority (PRIO_PROCESS, (id_t) worker), ==, 0);
    g_assert_cmpint (errno, ==, 0);
  }
#endif
  while (state == 0 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (state, ==, 1);
  /* the kiosk's own connection sees what the worker wrote */
  g_assert_cmpuint (bk_store_count_motions (f->store), ==, 8);
  g_assert_cmpint (bk_store_get_motion_text_state (f->store, motion_id (f, "A/2026/071"), NULL), ==,
                   BK_PAPER_TEXT_OK);
  bk_sync_service_shutdown (service);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/sync/full", Fixture, NULL, fixture_setup, test_full_sync, fixture_teardown);
  g_test_add ("/sync/incremental", Fixture, NULL, fixture_setup, test_incremental, fixture_teardown);
  g_test_add ("/sync/reconcile", Fixture, NULL, fixture_setup, test_reconcile, fixture_teardown);
  g_test_add ("/sync/ignored-filter", Fixture, NULL, fixture_setup, test_ignored_filter, fixture_teardown);
  for (guint i = 0; i < G_N_ELEMENTS (misbehaviours); i++)
    {
      g_autofree char *path = g_strdup_printf ("/sync/misbehaving/%s", misbehaviours[i].mode);

      g_test_add (path, Fixture, &misbehaviours[i], fixture_setup_plain, test_misbehaving, fixture_teardown);
    }
  g_test_add ("/sync/misbehaving/slow", Fixture, NULL, fixture_setup, test_slow, fixture_teardown);
  g_test_add ("/sync/retry-and-resume", Fixture, NULL, fixture_setup, test_retry_and_resume, fixture_teardown);
  {
    static const char *const sdnet[] = { "--mode", "sdnet", NULL };
    static const char *const somacos[] = { "--mode", "somacos", NULL };
    static const char *const allris[] = { "--mode", "allris", NULL };
    static const char *const prefix[] = { "--mode", "id-prefix", NULL };

    g_test_add ("/sync/quirks/sdnet", Fixture, sdnet, fixture_setup, test_sdnet, fixture_teardown);
    g_test_add ("/sync/quirks/somacos", Fixture, somacos, fixture_setup, test_somacos, fixture_teardown);
    g_test_add ("/sync/quirks/allris", Fixture, allris, fixture_setup, test_allris, fixture_teardown);
    g_test_add ("/sync/quirks/id-prefix", Fixture, prefix, fixture_setup, test_id_prefix, fixture_teardown);
  }
  g_test_add_func ("/sync/tls", test_tls);
  g_test_add ("/sync/texts", Fixture, NULL, fixture_setup, test_texts, fixture_teardown);
  g_test_add ("/sync/kill", Fixture, NULL, fixture_setup, test_kill, fixture_teardown);
  g_test_add ("/sync/busy", Fixture, NULL, fixture_setup, test_busy, fixture_teardown);
  g_test_add ("/sync/service", Fixture, NULL, fixture_setup, test_service, fixture_teardown);
  return g_test_run ();
}
