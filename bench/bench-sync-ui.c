/* bench-sync-ui: main-loop stalls of the kiosk while a sync runs.
 *
 *   bench-sync-ui DB SYSTEM_URL [BASELINE_S]
 *
 * Shows the kiosk's motion list page over the store DB in a 1280×1024
 * window with a context that has the background sync (BkSyncService, its
 * own connection to DB), keeps the frame clock running (a widget that asks
 * for a frame every tick, as an animation does) and a 5 ms timer as a probe
 * of the main loop. First BASELINE_S seconds (default 3) with nothing else
 * going on; then a full sync of SYSTEM_URL into the empty DB until the
 * service says it is finished, and one second more (the empty list fills);
 * then another full sync while the list shows every motion (the periodic
 * reconciliation applies every paper again). For each phase: the gaps
 * between painted frames (median, p99, max, how many over 50 ms, and when,
 * with how much of each the main thread spent waiting for a CPU: on a
 * shared machine that tells its load from work on the main thread) and the
 * probe's worst lateness. The first sync also fetches the papers' texts
 * (the generator's main files are not served: 404, recorded as failed).
 * Run under Xvfb with GSK_RENDERER=cairo (bench/sync.sh does, and once
 * more under cage). BK_BENCH_FRAME_PHASES=1 also prints, for each frame
 * over 30 ms (or over the number given), where its time went (see below).
 * The display keeps cairo's frame pool as the kiosk's does
 * (bk_renderer_keep_frame_pool); BK_BENCH_NO_FRAME_POOL=1: not, as before.
 * BK_BENCH_WATCHDOG=MS: what the main thread sleeps in when the probe is
 * MS ms late (see below). BK_BENCH_WORKER_NICE=N: the sync worker runs in
 * the ordinary class at nice N instead of the batch class at nice 0 (the
 * kiosk's before: nice 10; bk-thread.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <errno.h>
#include <execinfo.h>
#include <sched.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <adwaita.h>

#include "bench-gen.h"
#include "bk-context.h"
#include "bk-motion-list-model.h"
#include "bk-motion-list-page-private.h"
#include "bk-renderer.h"
#include "bk-store.h"
#include "bk-sync-service.h"
#include "bk-ui.h"

typedef struct {
  GArray *gaps_ms;          /* double */
  gint64 last_frame;
  gint64 last_probe;
  double worst_probe_ms;
  double most_run_ms;       /* the main thread's own CPU time between two frames, at most */
  guint  run_over_50;       /* frames before which the main thread itself ran over 50 ms */
} Phase;

static Phase *current;
static gint64 last_wait_ns;    /* the main thread's time waiting for a CPU */
static gint64 last_run_ns;     /* the main thread's time on a CPU */
static gboolean finished;
static gboolean changed_seen;
static gint64 sync_started;

/* BK_BENCH_FRAME_PHASES=1: for each frame over 30 ms, where its time went:
 * the main loop before the frame (idles, timeouts), the frame's update and
 * layout (measuring and binding rows) and its paint (snapshot and render);
 * wall and the main thread's CPU ms. A number above 1: for each frame over
 * that many ms instead. */
typedef struct { gint64 wall; gint64 run; } Mark;
static gboolean show_phases;
static gint64 phases_over_us = 30000;
static Mark mark_after, mark_before, mark_layout, mark_paint;

static gint64 cpu_wait_ns (gint64 *run_ns);

static void
mark (Mark *m)
{
  m->wall = g_get_monotonic_time ();
  cpu_wait_ns (&m->run);
}

static void
phase_mark_cb (GdkFrameClock *clock,
               gpointer       data)
{
  mark (data);
}

static void
print_phases (Mark *now)
{
  g_print ("    frame %.0f ms: before it %.1f ms (cpu %.1f), update+layout %.1f (cpu %.1f), "
           "paint %.1f (cpu %.1f), after %.1f (cpu %.1f); paint from %.6f to %.6f s (monotonic)\n",
           (now->wall - mark_after.wall) / 1e3,
           (mark_before.wall - mark_after.wall) / 1e3, (mark_before.run - mark_after.run) / 1e6,
           (mark_layout.wall - mark_before.wall) / 1e3, (mark_layout.run - mark_before.run) / 1e6,
           (mark_paint.wall - mark_layout.wall) / 1e3, (mark_paint.run - mark_layout.run) / 1e6,
           (now->wall - mark_paint.wall) / 1e3, (now->run - mark_paint.run) / 1e6,
           mark_layout.wall / 1e6, mark_paint.wall / 1e6);
}

/* How long this thread has waited on a run queue, runnable but without a
 * CPU (Linux: /proc/thread-self/schedstat, the second field, in ns); 0
 * where that is not known. */
static gint64
cpu_wait_ns (gint64 *run_ns)
{
  g_autofree char *text = NULL;
  char *end;

  *run_ns = 0;
  if (!g_file_get_contents ("/proc/thread-self/schedstat", &text, NULL, NULL))
    return 0;
  *run_ns = g_ascii_strtoll (text, &end, 10);
  return g_ascii_strtoll (end, NULL, 10);
}

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       data)
{
  gint64 now = g_get_monotonic_time ();
  gint64 run_ns;
  gint64 wait_ns = cpu_wait_ns (&run_ns);

  if (current == NULL)
    return;
  if (show_phases)
    {
      Mark m = { now, run_ns };

      if (mark_after.wall != 0 && now - mark_after.wall > phases_over_us)
        print_phases (&m);
      mark_after = m;
    }
  if (current->last_frame != 0)
    {
      double gap = (now - current->last_frame) / 1000.0;
      double ran = (run_ns - last_run_ns) / 1e6;

      g_array_append_val (current->gaps_ms, gap);
      /* the main thread's own CPU time is its work; the wait tells a busy
       * machine from that work */
      current->most_run_ms = MAX (current->most_run_ms, ran);
      if (ran > 50.0)
        current->run_over_50++;
      /* ending at the monotonic time given: bench/stall-probe.py's
       * stalls of the machine are on the same clock */
      if (gap > 50.0 && sync_started != 0)
        g_print ("  a gap of %.0f ms, %.2f s after the sync started%s; the main thread ran %.0f ms of it and "
                 "waited %.0f ms for a CPU; ending at %.3f s (monotonic)\n", gap, (now - sync_started) / 1e6,
                 finished ? " (after it finished)" : "", ran, (wait_ns - last_wait_ns) / 1e6, now / 1e6);
      else if (gap > 50.0)
        g_print ("  a gap of %.0f ms without a sync; the main thread ran %.0f ms of it and waited %.0f ms "
                 "for a CPU; ending at %.3f s (monotonic)\n", gap, ran, (wait_ns - last_wait_ns) / 1e6,
                 now / 1e6);
    }
  current->last_frame = now;
  last_wait_ns = wait_ns;
  last_run_ns = run_ns;
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       data)
{
  /* an animation: a new frame every tick */
  gtk_widget_queue_draw (widget);
  return G_SOURCE_CONTINUE;
}

/* BK_BENCH_WATCHDOG=MS: when the 5 ms probe has not run for MS ms and
 * the main thread is asleep (not working, not waiting for a CPU), print
 * what it sleeps in: its kernel wait channel and, by a signal it answers
 * with its own backtrace, its stack. */
static gint64 probe_last_us;   /* __atomic_*: the watchdog reads it */
static gboolean watchdog_stopped;  /* __atomic_*: after the phases (the list's reload, the join) */
static pid_t main_tid;

static void
stack_signal_cb (int sig)
{
  char head[64];
  void *frames[48];
  int n = backtrace (frames, G_N_ELEMENTS (frames));
  /* no stdio in a signal handler: the thread id by hand */
  long tid = syscall (SYS_gettid);
  int len = 0;
  char digits[24];
  int d = 0;

  memcpy (head, "  watchdog: the stack of thread ", 32);
  len = 32;
  do
    digits[d++] = (char) ('0' + tid % 10);
  while ((tid /= 10) > 0 && d < (int) sizeof digits);
  while (d > 0)
    head[len++] = digits[--d];
  head[len++] = '\n';
  if (write (STDERR_FILENO, head, len) > 0)
    backtrace_symbols_fd (frames, n, STDERR_FILENO);
}

/* /proc/self/task/TID/stat: the thread's state letter ('?' when it is
 * gone) and, with name, its name. */
static char
thread_state (pid_t tid, char **name)
{
  g_autofree char *path = g_strdup_printf ("/proc/self/task/%d/stat", (int) tid);
  g_autofree char *stat = NULL;
  const char *open;
  const char *paren;

  if (name != NULL)
    *name = NULL;
  if (!g_file_get_contents (path, &stat, NULL, NULL) || (open = strchr (stat, '(')) == NULL ||
      (paren = strrchr (stat, ')')) == NULL)
    return '?';
  if (name != NULL)
    *name = g_strndup (open + 1, paren - open - 1);
  return paren[2];
}

/* Every other thread: its state, and the stack of those that could hold
 * what the main thread waits for (on a CPU or waiting for one). */
static void
print_threads (void)
{
  g_autoptr(GDir) dir = g_dir_open ("/proc/self/task", 0, NULL);
  const char *entry;

  while (dir != NULL && (entry = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *name = NULL;
      pid_t tid = atoi (entry);
      char state;

      if (tid == main_tid || (state = thread_state (tid, &name)) == '?')
        continue;
      g_printerr ("  watchdog: thread %d %s is %c\n", (int) tid, name, state);
      if (state == 'R' && tid != (pid_t) syscall (SYS_gettid))
        syscall (SYS_tgkill, getpid (), tid, SIGURG);
    }
}

static char
main_thread_state (char *wchan, gsize size)
{
  g_autofree char *path = g_strdup_printf ("/proc/self/task/%d/wchan", (int) main_tid);
  g_autofree char *channel = NULL;

  g_strlcpy (wchan, "?", size);
  if (g_file_get_contents (path, &channel, NULL, NULL))
    g_strlcpy (wchan, channel, size);
  return thread_state (main_tid, NULL);
}

/* BK_BENCH_WORKER_NICE: once the worker has entered the background (the
 * batch class), it goes back to the ordinary class at the nice given. */
static void
worker_nice_apply (void)
{
  const char *nice = g_getenv ("BK_BENCH_WORKER_NICE");
  struct sched_param param = { 0 };

  if (nice == NULL)
    return;
  for (guint tries = 0; tries < 1000; tries++)
    {
      g_autoptr(GDir) dir = g_dir_open ("/proc/self/task", 0, NULL);
      const char *entry;

      while (dir != NULL && (entry = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *name = NULL;
          pid_t tid = atoi (entry);

          if (thread_state (tid, &name) == '?' || !g_str_equal (name, "bk-sync") ||
              sched_getscheduler (tid) != SCHED_BATCH)
            continue;
          if (sched_setscheduler (tid, SCHED_OTHER, &param) != 0 ||
              setpriority (PRIO_PROCESS, (id_t) tid, atoi (nice)) != 0)
            g_error ("the sync worker's priority: %s", g_strerror (errno));
          g_print ("sync worker %d: ordinary class, nice %d\n", tid, atoi (nice));
          return;
        }
      g_usleep (1000);
    }
  g_error ("no sync worker in the batch class to change");
}

static gpointer
watchdog_main (gpointer data)
{
  gint64 limit_us = GPOINTER_TO_INT (data) * 1000;
  gint64 reported = 0;

  while (!__atomic_load_n (&watchdog_stopped, __ATOMIC_RELAXED))
    {
      gint64 last = __atomic_load_n (&probe_last_us, __ATOMIC_RELAXED);
      gint64 now = g_get_monotonic_time ();

      if (last != 0 && last != reported && now - last > limit_us)
        {
          char wchan[64];
          char state = main_thread_state (wchan, sizeof wchan);

          g_printerr ("  watchdog: the probe is %.0f ms late at %.3f s (monotonic); the main thread is %c, "
                      "waiting in %s\n", (now - last) / 1e3 - 5.0, now / 1e6, state, wchan);
          if (state == 'S' || state == 'D')
            {
              syscall (SYS_tgkill, getpid (), main_tid, SIGURG);
              print_threads ();
            }
          reported = last;
        }
      g_usleep (2000);
    }
  return NULL;
}

static void
watchdog_start (void)
{
  const char *ms = g_getenv ("BK_BENCH_WATCHDOG");
  void *frames[4];

  if (ms == NULL || atoi (ms) <= 0)
    return;
  main_tid = (pid_t) syscall (SYS_gettid);
  backtrace (frames, G_N_ELEMENTS (frames));   /* loads the unwinder now, not in the handler */
  signal (SIGURG, stack_signal_cb);
  g_thread_unref (g_thread_new ("bench-watchdog", watchdog_main, GINT_TO_POINTER (atoi (ms))));
}

static gboolean
probe_cb (gpointer data)
{
  gint64 now = g_get_monotonic_time ();

  __atomic_store_n (&probe_last_us, now, __ATOMIC_RELAXED);

  if (current != NULL)
    {
      if (current->last_probe != 0)
        current->worst_probe_ms = MAX (current->worst_probe_ms, (now - current->last_probe) / 1000.0 - 5.0);
      current->last_probe = now;
    }
  return G_SOURCE_CONTINUE;
}

static void
finished_cb (BkSyncService *service,
             gboolean       changed,
             const char    *problems)
{
  finished = TRUE;
  changed_seen = changed;
  if (problems != NULL)
    g_printerr ("sync problems: %s\n", problems);
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
report (const char *name,
        Phase      *phase,
        double      seconds)
{
  GArray *gaps = phase->gaps_ms;
  guint over = 0;
  double median = 0, p99 = 0, max = 0;

  g_array_sort (gaps, compare_double);
  for (guint i = 0; i < gaps->len; i++)
    if (g_array_index (gaps, double, i) > 50.0)
      over++;
  if (gaps->len > 0)
    {
      median = g_array_index (gaps, double, gaps->len / 2);
      p99 = g_array_index (gaps, double, MIN (gaps->len - 1, (guint) (gaps->len * 0.99)));
      max = g_array_index (gaps, double, gaps->len - 1);
    }
  g_print ("%s: %.1f s, %u frames, gap median %.1f ms, p99 %.1f ms, max %.1f ms, %u over 50 ms; "
           "main-loop probe late by %.1f ms at most\n",
           name, seconds, gaps->len + 1, median, p99, max, over, phase->worst_probe_ms);
  g_print ("RESULT sync_ui.%s.frames %u\n", name, gaps->len + 1);
  g_print ("RESULT sync_ui.%s.gap_median_ms %.1f\n", name, median);
  g_print ("RESULT sync_ui.%s.gap_p99_ms %.1f\n", name, p99);
  g_print ("RESULT sync_ui.%s.gap_max_ms %.1f\n", name, max);
  g_print ("RESULT sync_ui.%s.gaps_over_50ms %u\n", name, over);
  g_print ("RESULT sync_ui.%s.probe_late_max_ms %.1f\n", name, phase->worst_probe_ms);
  g_print ("%s: the main thread's own CPU time between two frames at most %.1f ms, over 50 ms before %u frames\n",
           name, phase->most_run_ms, phase->run_over_50);
  g_print ("RESULT sync_ui.%s.main_thread_run_max_ms %.1f\n", name, phase->most_run_ms);
  g_print ("RESULT sync_ui.%s.main_thread_run_over_50ms %u\n", name, phase->run_over_50);
}

static void
run_for (double seconds)
{
  double end = bench_now () + seconds;

  while (bench_now () < end)
    g_main_context_iteration (NULL, TRUE);
}

/* A full sync in the background, measured as phase: returns its seconds
 * until the service said it finished (the phase runs one second more, for
 * what the kiosk does after it). */
static double
sync_phase (BkSyncService *sync,
            Phase         *phase,
            const char    *name)
{
  double t0 = bench_now (), t_sync;

  current = phase;
  finished = FALSE;
  sync_started = g_get_monotonic_time ();
  bk_sync_service_sync_now (sync, TRUE);
  while (!finished)
    g_main_context_iteration (NULL, TRUE);
  t_sync = bench_now () - t0;
  run_for (1.0);
  report (name, phase, bench_now () - t0);
  return t_sync;
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BkStore) store = NULL;
  g_autoptr(BkSyncService) sync = NULL;
  GtkWidget *window, *page, *box, *animation;
  Phase baseline = { g_array_new (FALSE, FALSE, sizeof (double)), 0, 0, 0, 0, 0 };
  Phase first = { g_array_new (FALSE, FALSE, sizeof (double)), 0, 0, 0, 0, 0 };
  Phase syncing = { g_array_new (FALSE, FALSE, sizeof (double)), 0, 0, 0, 0, 0 };
  double baseline_s = 3, t_sync;
  BkSyncEndpoint endpoint = { NULL, "Bench" };

  g_setenv ("CHARSET", "UTF-8", TRUE);
  if (argc < 3)
    {
      g_printerr ("usage: bench-sync-ui DB SYSTEM_URL [BASELINE_S]\n");
      return 2;
    }
  if (argc > 3)
    baseline_s = g_ascii_strtod (argv[3], NULL);
  endpoint.url = argv[2];

  bk_renderer_choose_early ();
  gtk_init ();
  adw_init ();
  bk_ui_init ();
  /* Owned for the whole run, as GApplication owns it in the kiosk: else a
   * worker's g_main_context_invoke could take it between two iterations
   * and run the main thread's handlers itself. */
  if (!g_main_context_acquire (NULL))
    g_error ("the main context is owned elsewhere");
  bk_renderer_choose_for_display (gdk_display_get_default ());
  if (g_getenv ("BK_BENCH_NO_FRAME_POOL") == NULL)
    bk_renderer_keep_frame_pool (gdk_display_get_default ());

  store = bk_store_open (argv[1], BK_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  sync = bk_sync_service_new (argv[1], NULL);
  bk_sync_service_set_endpoints (sync, &endpoint, 1);
  worker_nice_apply ();
  g_signal_connect (sync, "finished", G_CALLBACK (finished_cb), NULL);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 1024);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  animation = gtk_spinner_new ();
  gtk_spinner_start (GTK_SPINNER (animation));
  gtk_widget_add_tick_callback (animation, tick_cb, NULL, NULL);
  {
    g_autoptr(BkSettings) settings = bk_settings_new ();
    g_autoptr(BkVoice) voice = bk_voice_new (NULL, settings);
    g_autoptr(BkUsage) usage = bk_usage_new (settings);
    g_autoptr(BkContext) context = bk_context_new (store, settings, voice, usage);

    bk_context_set_sync (context, sync);
    page = g_object_new (BK_TYPE_MOTION_LIST_PAGE, "context", context, NULL);
  }
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), animation);
  gtk_box_append (GTK_BOX (box), page);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  while (gtk_widget_get_frame_clock (window) == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (after_paint_cb), NULL);
  show_phases = g_getenv ("BK_BENCH_FRAME_PHASES") != NULL;
  if (show_phases)
    {
      GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

      if (atoi (g_getenv ("BK_BENCH_FRAME_PHASES")) > 1)
        phases_over_us = atoi (g_getenv ("BK_BENCH_FRAME_PHASES")) * 1000;
      g_signal_connect (clock, "before-paint", G_CALLBACK (phase_mark_cb), &mark_before);
      /* after GTK's own handlers (the root connects for a layout only
       * when one is queued) */
      g_signal_connect_after (clock, "layout", G_CALLBACK (phase_mark_cb), &mark_layout);
      g_signal_connect_after (clock, "paint", G_CALLBACK (phase_mark_cb), &mark_paint);
    }
  g_timeout_add (5, probe_cb, NULL);
  watchdog_start ();
  run_for (0.5);

  current = &baseline;
  run_for (baseline_s);
  report ("baseline", &baseline, baseline_s);

  /* 1: the first sync into a kiosk that shows nothing yet: the list fills */
  t_sync = sync_phase (sync, &first, "first_sync");
  g_print ("first sync finished after %.1f s (changed: %s); %u motions in the store\n", t_sync,
           changed_seen ? "yes" : "no", bk_store_count_motions (store));
  g_print ("RESULT sync_ui.first_sync_s %.2f\n", t_sync);

  /* 2: a full sync again while the list shows the motions (the periodic
   * reconciliation: every paper applied again) */
  t_sync = sync_phase (sync, &syncing, "during_sync");
  g_print ("full sync over a full list finished after %.1f s; %u motions in the store\n", t_sync,
           bk_store_count_motions (store));
  g_print ("RESULT sync_ui.sync_s %.2f\n", t_sync);
  g_print ("RESULT sync_ui.motions %u\n", bk_store_count_motions (store));

  current = NULL;
  /* What follows is no phase: a synchronous reload and the worker's join. */
  __atomic_store_n (&watchdog_stopped, TRUE, __ATOMIC_RELAXED);
  {
    /* the list read again from scratch (the worst a sync can ask of it) */
    BkMotionListModel *model = bk_motion_list_page_get_model (BK_MOTION_LIST_PAGE (page));
    guint before = bk_motion_list_model_get_n_materialized (model);
    double r0;

    bk_motion_list_model_set_query (model, "zzzz");
    r0 = bench_now ();
    bk_motion_list_model_set_query (model, NULL);
    g_print ("the whole list again after a search: %.1f ms, %u rows loaded\n", (bench_now () - r0) * 1000,
             bk_motion_list_model_get_n_materialized (model) - before);
  }
  bk_sync_service_shutdown (sync);
  gtk_window_destroy (GTK_WINDOW (window));
  g_array_unref (baseline.gaps_ms);
  g_array_unref (first.gaps_ms);
  g_array_unref (syncing.gaps_ms);
  return 0;
}
