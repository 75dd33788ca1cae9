/* bench-outbox: the outbox's figures (bench/outbox.sh)
 *
 *   bench-outbox writer DB CONFIG QUOTA
 *       the kiosk as far as submissions go: its outbox delivering on its
 *       worker thread, and a submission every 0–40 ms through
 *       bk_outbox_submit (the form page's call), each reference printed and
 *       flushed once the call returned (after COMMIT: acknowledged), QUOTA
 *       of them; then it goes on delivering until it is killed.
 *   bench-outbox queue DB CONFIG N
 *       N submissions into the outbox, no worker (the server is down).
 *   bench-outbox deliver DB CONFIG TIMEOUT [baseline-seconds]
 *       the worker delivers while the main loop runs a 10 ms timer, reads
 *       the outbox summary every 500 ms (as the staff page does) and measures
 *       how late each tick fires: the stalls a citizen would feel. Ends when
 *       nothing is waiting, submitted or sending (or at TIMEOUT s); prints
 *       the wall-clock time (Unix ms) when everything was delivered and when
 *       accepted, and the stalls. With baseline-seconds, first the same
 *       timer and reads for that long with the worker not started.
 *   bench-outbox verify DB REFS STATS
 *       REFS: acknowledged references (a line cut by a kill does not count);
 *       STATS: the test server's /stats. Every acknowledged one delivered
 *       exactly once; RESULT lines; exit 1 when one is lost or doubled.
 *
 * The receipt attachment is a 32 KiB blob starting with %PDF- (what the
 * test server checks), the size of a real receipt with its fonts.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bk-outbox.h"
#include "bk-store-outbox.h"

#define ATTACHMENT_BYTES (32 * 1024)
#define TICK_MS 10
#define SUMMARY_MS 500

static const char answers_template[] =
  "{\"place\": \"Marktplatz %u, vor dem Eingang\", \"problem\": \"Die Straßenlaterne"
  " vor Haus %u ist seit drei Tagen aus; abends ist der Gehweg ganz dunkel.\","
  " \"contact\": \"0851 %06u\"}";

static GBytes *
attach_cb (BkSubmission *submission,
           const char   *reference,
           const char   *created_at,
           gpointer      data,
           GError      **error)
{
  guint8 *pdf = g_malloc (ATTACHMENT_BYTES);

  for (gsize i = 0; i < ATTACHMENT_BYTES; i++)
    pdf[i] = (guint8) g_random_int ();
  memcpy (pdf, "%PDF-1.5\n", 9);
  memcpy (pdf + 9, reference, strlen (reference));
  return g_bytes_new_take (pdf, ATTACHMENT_BYTES);
}

static BkOutbox *
open_outbox (const char *db,
             const char *config_path,
             BkStore   **store_out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BkStore) store = bk_store_open (db, BK_STORE_OPEN_DEFAULT, &error);
  g_autoptr(BkDeliveryConfig) config = NULL;
  BkOutbox *outbox;

  if (store == NULL || (config = bk_delivery_config_load (config_path, &error)) == NULL ||
      (outbox = bk_outbox_new (store, config, &error)) == NULL)
    {
      g_printerr ("bench-outbox: %s\n", error->message);
      exit (1);
    }
  *store_out = g_steal_pointer (&store);
  return outbox;
}

static char *
submit (BkOutbox *outbox,
        guint     i)
{
  g_autoptr(BkSubmission) s = bk_submission_new (BK_SUBMISSION_DEFECT_REPORT);
  g_autoptr(GError) error = NULL;
  BkDeliveryInfo info = { "Mängel melden", "99115005104000", "Stadt Auenbach", NULL, NULL, "Report a defect" };
  char *reference;

  g_free (s->answers);
  s->answers = g_strdup_printf (answers_template, i % 97, i, i);
  s->language = g_strdup ("de");
  s->service_id = g_strdup ("bench-service");
  reference = bk_outbox_submit (outbox, s, &info, attach_cb, NULL, NULL, &error);
  if (reference == NULL)
    {
      g_printerr ("bench-outbox: %s\n", error->message);
      exit (1);
    }
  return reference;
}

/* ---- writer ---------------------------------------------------------------- */

typedef struct {
  BkOutbox *outbox;
  guint     done;
  guint     quota;
} Writer;

static gboolean
write_one (gpointer data)
{
  Writer *w = data;
  g_autofree char *reference = NULL;

  if (w->done >= w->quota)
    return G_SOURCE_REMOVE;
  reference = submit (w->outbox, w->done++);
  /* Acknowledged: the citizen would see this number now. */
  printf ("%s\n", reference);
  fflush (stdout);
  g_timeout_add (g_random_int_range (0, 41), write_one, w);
  return G_SOURCE_REMOVE;
}

static int
run_writer (const char *db,
            const char *config,
            guint       quota)
{
  g_autoptr(BkStore) store = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  Writer w = { open_outbox (db, config, &store), 0, quota };

  bk_outbox_start (w.outbox);
  g_idle_add (write_one, &w);
  g_main_loop_run (loop);   /* until killed */
  return 0;
}

static int
run_queue (const char *db,
           const char *config,
           guint       n)
{
  g_autoptr(BkStore) store = NULL;
  g_autoptr(BkOutbox) outbox = open_outbox (db, config, &store);
  gint64 start = g_get_monotonic_time ();

  for (guint i = 0; i < n; i++)
    g_free (submit (outbox, i));
  printf ("RESULT outbox_queued %u\n", n);
  printf ("RESULT outbox_submit_ms_per_submission %.2f\n",
          (g_get_monotonic_time () - start) / 1000.0 / MAX (n, 1));
  return 0;
}

/* ---- deliver ------------------------------------------------------------------ */

typedef struct {
  BkOutbox  *outbox;
  GMainLoop *loop;
  GArray    *late;            /* gint64 µs per tick */
  GArray    *reads;           /* gint64 µs per summary read */
  gint64     expected;        /* when the next tick is due (monotonic µs) */
  gint64     last_run_ns;     /* the main thread's CPU time at the last tick */
  guint      over_busy;       /* ticks over 50 ms late with the main thread itself busy > 25 ms */
  gint64     delivered_at;    /* wall clock ms, 0 until then */
  gint64     accepted_at;
  gint64     deadline;
  gboolean   measuring;
} Deliver;

/* The CPU time this thread has had (Linux: /proc/thread-self/schedstat,
 * the first field, ns); 0 where that is not known. */
static gint64
thread_run_ns (void)
{
  g_autofree char *text = NULL;

  if (!g_file_get_contents ("/proc/thread-self/schedstat", &text, NULL, NULL))
    return 0;
  return g_ascii_strtoll (text, NULL, 10);
}

static gboolean
tick_cb (gpointer data)
{
  Deliver *d = data;
  gint64 now = g_get_monotonic_time ();
  gint64 run_ns = thread_run_ns ();

  if (d->measuring && d->expected > 0)
    {
      gint64 late = MAX (now - d->expected, 0);

      g_array_append_val (d->late, late);
      /* A late tick for which the main thread itself ran: its own work
       * (notices, reads), not a machine that gave it no CPU. */
      if (late > 50 * 1000 && run_ns - d->last_run_ns > 25 * G_GINT64_CONSTANT (1000000))
        d->over_busy++;
    }
  d->expected = now + TICK_MS * 1000;
  d->last_run_ns = run_ns;
  return G_SOURCE_CONTINUE;
}

/* What the staff page reads, timed: the main loop's own share of a stall. */
static gboolean
summarize_timed (Deliver         *d,
                 BkOutboxSummary *summary)
{
  gint64 start = g_get_monotonic_time ();
  gboolean ok = bk_outbox_summarize (d->outbox, summary, NULL);
  gint64 took = g_get_monotonic_time () - start;

  g_array_append_val (d->reads, took);
  return ok;
}

static gboolean
summary_cb (gpointer data)
{
  Deliver *d = data;
  g_auto(BkOutboxSummary) summary = { 0 };
  guint on_the_way;

  if (!summarize_timed (d, &summary))
    return G_SOURCE_CONTINUE;
  on_the_way = summary.counts[BK_OUTBOX_PENDING] + summary.counts[BK_OUTBOX_SENDING];
  if (on_the_way == 0 && d->delivered_at == 0)
    d->delivered_at = g_get_real_time () / 1000;
  if (on_the_way == 0 && summary.counts[BK_OUTBOX_SUBMITTED] == 0)
    {
      d->accepted_at = g_get_real_time () / 1000;
      g_main_loop_quit (d->loop);
    }
  if (g_get_monotonic_time () > d->deadline)
    g_main_loop_quit (d->loop);
  return G_SOURCE_CONTINUE;
}

static gboolean
read_summary_cb (gpointer data)
{
  Deliver *d = data;
  g_auto(BkOutboxSummary) summary = { 0 };

  summarize_timed (d, &summary);
  return G_SOURCE_CONTINUE;
}

static gboolean
quit_cb (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static void
print_reads (const char *name,
             GArray     *reads)
{
  g_array_sort (reads, compare_gint64);
  if (reads->len == 0)
    return;
  printf ("RESULT %s_summary_reads %u\n", name, reads->len);
  printf ("RESULT %s_summary_median_ms %.2f\n", name, g_array_index (reads, gint64, reads->len / 2) / 1000.0);
  printf ("RESULT %s_summary_max_ms %.2f\n", name, g_array_index (reads, gint64, reads->len - 1) / 1000.0);
}

static void
print_stalls (const char *name,
              GArray     *late,
              guint       over_busy)
{
  guint over = 0;

  g_array_sort (late, compare_gint64);
  for (guint i = 0; i < late->len; i++)
    over += g_array_index (late, gint64, i) > 50 * 1000;
  printf ("RESULT %s_ticks %u\n", name, late->len);
  if (late->len == 0)
    return;
  printf ("RESULT %s_late_median_ms %.2f\n", name, g_array_index (late, gint64, late->len / 2) / 1000.0);
  printf ("RESULT %s_late_p99_ms %.2f\n", name, g_array_index (late, gint64, late->len * 99 / 100) / 1000.0);
  printf ("RESULT %s_late_max_ms %.2f\n", name, g_array_index (late, gint64, late->len - 1) / 1000.0);
  printf ("RESULT %s_ticks_over_50ms %u\n", name, over);
  printf ("RESULT %s_ticks_over_50ms_main_thread_busy %u\n", name, over_busy);
}

static int
run_deliver (const char *db,
             const char *config,
             guint       timeout,
             guint       baseline)
{
  g_autoptr(BkStore) store = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  Deliver d = { 0 };
  guint tick, summary;

  d.outbox = open_outbox (db, config, &store);
  d.loop = loop;
  d.late = g_array_new (FALSE, FALSE, sizeof (gint64));
  d.reads = g_array_new (FALSE, FALSE, sizeof (gint64));
  tick = g_timeout_add (TICK_MS, tick_cb, &d);

  if (baseline > 0)
    {
      /* The same loop, timer and reads, no delivery: what the machine gives. */
      guint reads = g_timeout_add (SUMMARY_MS, read_summary_cb, &d);

      d.measuring = TRUE;
      g_timeout_add_seconds (baseline, quit_cb, loop);
      g_main_loop_run (loop);
      g_source_remove (reads);
      print_stalls ("outbox_baseline", d.late, d.over_busy);
      print_reads ("outbox_baseline", d.reads);
      d.over_busy = 0;
      g_array_set_size (d.late, 0);
      g_array_set_size (d.reads, 0);
    }

  printf ("RESULT outbox_worker_started_at %" G_GINT64_FORMAT "\n", g_get_real_time () / 1000);
  fflush (stdout);
  d.deadline = g_get_monotonic_time () + (gint64) timeout * G_USEC_PER_SEC;
  d.measuring = TRUE;
  d.expected = 0;
  bk_outbox_start (d.outbox);
  summary = g_timeout_add (SUMMARY_MS, summary_cb, &d);
  g_main_loop_run (loop);
  g_source_remove (summary);
  g_source_remove (tick);
  bk_outbox_stop (d.outbox);

  printf ("RESULT outbox_delivered_at %" G_GINT64_FORMAT "\n", d.delivered_at);
  printf ("RESULT outbox_accepted_at %" G_GINT64_FORMAT "\n", d.accepted_at);
  print_stalls ("outbox_delivery", d.late, d.over_busy);
  print_reads ("outbox_delivery", d.reads);
  g_array_unref (d.late);
  g_array_unref (d.reads);
  g_object_unref (d.outbox);
  return d.accepted_at > 0 ? 0 : 1;
}

/* ---- verify -------------------------------------------------------------------- */

static int
run_verify (const char *db,
            const char *refs_path,
            const char *stats_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *refs_text = NULL;
  g_auto(GStrv) refs = NULL;
  g_autoptr(GHashTable) acknowledged = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(BkStore) store = bk_store_open (db, BK_STORE_OPEN_DEFAULT, &error);
  g_autoptr(GString) report = g_string_new (NULL);
  JsonObject *submitted;
  g_autoptr(GList) delivered = NULL;
  guint lost = 0, doubled = 0, unacknowledged = 0, n = 0;
  gboolean check;

  if (store == NULL || !g_file_get_contents (refs_path, &refs_text, NULL, &error) ||
      !json_parser_load_from_file (parser, stats_path, &error))
    {
      g_printerr ("bench-outbox verify: %s\n", error->message);
      return 1;
    }
  submitted = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)), "submitted");
  refs = g_strsplit (refs_text, "\n", -1);
  for (guint i = 0; refs[i] != NULL; i++)
    {
      gint64 count;

      if (refs[i][0] == '\0' || g_hash_table_contains (acknowledged, refs[i]))
        continue;
      g_hash_table_add (acknowledged, refs[i]);
      n++;
      count = json_object_get_int_member_with_default (submitted, refs[i], 0);
      if (count == 0)
        {
          lost++;
          g_printerr ("lost: %s\n", refs[i]);
        }
    }
  delivered = json_object_get_members (submitted);
  for (GList *l = delivered; l != NULL; l = l->next)
    {
      gint64 count = json_object_get_int_member (submitted, l->data);

      if (count > 1)
        {
          doubled += (guint) (count - 1);
          g_printerr ("delivered %" G_GINT64_FORMAT " times: %s\n", count, (const char *) l->data);
        }
      /* Committed, but the writer was killed before it printed the number. */
      if (!g_hash_table_contains (acknowledged, l->data))
        unacknowledged++;
    }
  check = bk_store_check (store, report, &error);
  printf ("RESULT outbox_kill9_acknowledged %u\n", n);
  printf ("RESULT outbox_kill9_delivered %u\n", g_list_length (delivered));
  printf ("RESULT outbox_kill9_lost %u\n", lost);
  printf ("RESULT outbox_kill9_duplicates %u\n", doubled);
  printf ("RESULT outbox_kill9_delivered_not_acknowledged %u\n", unacknowledged);
  printf ("RESULT outbox_kill9_final_check %s\n", check ? "pass" : "fail");
  if (!check)
    g_printerr ("%s", report->str);
  return lost == 0 && doubled == 0 && check ? 0 : 1;
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 5 && g_str_equal (argv[1], "writer"))
    return run_writer (argv[2], argv[3], (guint) atoi (argv[4]));
  if (argc == 5 && g_str_equal (argv[1], "queue"))
    return run_queue (argv[2], argv[3], (guint) atoi (argv[4]));
  if ((argc == 5 || argc == 6) && g_str_equal (argv[1], "deliver"))
    return run_deliver (argv[2], argv[3], (guint) atoi (argv[4]), argc == 6 ? (guint) atoi (argv[5]) : 0);
  if (argc == 5 && g_str_equal (argv[1], "verify"))
    return run_verify (argv[2], argv[3], argv[4]);
  g_printerr ("usage: bench-outbox writer DB CONFIG QUOTA | queue DB CONFIG N |"
              " deliver DB CONFIG TIMEOUT [BASELINE_S] | verify DB REFS STATS\n");
  return 2;
}
