/* bk-sync-service.c: the kiosk's sync in the background
 *
 * "One owner of the SQLite connection" stays true per connection: the
 * kiosk's BkStore belongs to the main thread, and the worker opens a
 * BkStore of its own on the same file — BkStore is still the only code
 * that touches SQLite, each connection is used by one thread only, and the
 * database is in WAL mode, so the kiosk's reads never wait for the sync's
 * writes. The worker writes in short transactions (one per staged page,
 * one per text) and applies a whole walk in one; a write of the kiosk
 * (a submission) waits for that at most as long as the busy timeout of
 * its connection. When the worker is done it says so on the main context
 * ("finished"), and the pages read the new rows from their own connection.
 *
 * The worker is one thread with a queue: a sync (the timer, "sync now")
 * and a text asked for by a motion page (that one first). It keeps only a
 * reference to a shared part, not to the service, so that the service can
 * go away; dispose cancels what is under way and joins the thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-sync"

#include "bk-config.h"

#include <string.h>

#include "bk-store.h"
#include "bk-store-sync.h"
#include "bk-sync-files.h"
#include "bk-sync-service.h"
#include "bk-thread.h"

/* Texts fetched after a sync, per round; a text asked for is looked at
 * between rounds. */
#define TEXTS_PER_ROUND 10

typedef enum {
  JOB_SYNC,
  JOB_TEXT,
  JOB_QUIT,
} JobKind;

typedef struct {
  JobKind kind;
  gboolean full;
  guint full_after_days;
  char *paper_oparl_id;
  GPtrArray *endpoints;      /* EndpointCopy */
} Job;

typedef struct {
  char *url;
  char *name;
} EndpointCopy;

typedef struct {
  gatomicrefcount ref_count;
  GAsyncQueue *queue;
  GCancellable *cancellable;
  char *db_path;
  BkHttpOptions http_options;
  gboolean have_http_options;
  GMainContext *context;
  GWeakRef service;
  gint sync_pending;         /* atomic: a sync is queued or running */
} Shared;

struct _BkSyncService
{
  GObject parent_instance;

  Shared *shared;
  GThread *thread;
  GPtrArray *endpoints;      /* EndpointCopy */
  guint interval_minutes;
  guint full_after_days;
  guint timer;
  gboolean running;
};

G_DEFINE_FINAL_TYPE (BkSyncService, bk_sync_service, G_TYPE_OBJECT)

enum { STARTED, FINISHED, TEXT_READY, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
endpoint_copy_free (gpointer data)
{
  EndpointCopy *e = data;

  g_free (e->url);
  g_free (e->name);
  g_free (e);
}

static void
job_free (Job *job)
{
  g_free (job->paper_oparl_id);
  g_clear_pointer (&job->endpoints, g_ptr_array_unref);
  g_free (job);
}

static Shared *
shared_ref (Shared *shared)
{
  g_atomic_ref_count_inc (&shared->ref_count);
  return shared;
}

static void
shared_unref (Shared *shared)
{
  if (!g_atomic_ref_count_dec (&shared->ref_count))
    return;
  g_async_queue_unref (shared->queue);
  g_object_unref (shared->cancellable);
  g_free (shared->db_path);
  g_main_context_unref (shared->context);
  g_weak_ref_clear (&shared->service);
  g_free (shared);
}

/* ---- back on the main context ------------------------------------------------------ */

typedef struct {
  Shared *shared;
  guint signal;
  gboolean changed;
  char *text;
} Event;

static void
event_free (gpointer data)
{
  Event *event = data;

  shared_unref (event->shared);
  g_free (event->text);
  g_free (event);
}

static gboolean
event_cb (gpointer data)
{
  Event *event = data;
  g_autoptr(BkSyncService) self = g_weak_ref_get (&event->shared->service);

  if (self == NULL)
    return G_SOURCE_REMOVE;
  if (event->signal == STARTED)
    {
      self->running = TRUE;
      g_signal_emit (self, signals[STARTED], 0);
    }
  else if (event->signal == FINISHED)
    {
      self->running = FALSE;
      g_signal_emit (self, signals[FINISHED], 0, event->changed, event->text);
    }
  else
    g_signal_emit (self, signals[TEXT_READY], 0, event->text);
  return G_SOURCE_REMOVE;
}

static void
emit_on_main (Shared     *shared,
              guint       signal,
              gboolean    changed,
              const char *text)
{
  Event *event = g_new0 (Event, 1);

  event->shared = shared_ref (shared);
  event->signal = signal;
  event->changed = changed;
  event->text = g_strdup (text);
  g_main_context_invoke_full (shared->context, G_PRIORITY_DEFAULT, event_cb, event, event_free);
}

/* ---- the worker --------------------------------------------------------------------- */

typedef struct {
  Shared *shared;
  BkStore *store;
  BkHttp *http;
} Worker;

static BkStore *
worker_store (Worker  *w,
              GError **error)
{
  if (w->store == NULL)
    {
      w->store = bk_store_open (w->shared->db_path, BK_STORE_OPEN_DEFAULT, error);
      if (w->store != NULL && !bk_store_sync_tune_connection (w->store, error))
        g_clear_object (&w->store);
    }
  return w->store;
}

static void
report_texts (Worker           *w,
              BkSyncTextReport *report)
{
  for (guint i = 0; report->changed_papers != NULL && i < report->changed_papers->len; i++)
    emit_on_main (w->shared, TEXT_READY, FALSE, g_ptr_array_index (report->changed_papers, i));
}

static void
run_text_job (Worker     *w,
              const char *paper_oparl_id)
{
  g_autoptr(GError) error = NULL;
  BkSyncTextReport report = { 0 };
  BkSyncTextOptions options = { 0 };
  BkStore *store = worker_store (w, &error);

  options.limit = 1;
  options.priority = paper_oparl_id;
  if (store == NULL ||
      !bk_sync_fetch_texts (store, w->http, NULL, &options, &report, w->shared->cancellable, &error))
    g_message ("The text of %s was not fetched: %s", paper_oparl_id, error->message);
  report_texts (w, &report);
  bk_sync_text_report_clear (&report);
}

/* Texts asked for while a sync runs go first. */
static void
run_queued_texts (Worker *w)
{
  Job *job;

  while ((job = g_async_queue_try_pop (w->shared->queue)) != NULL)
    {
      if (job->kind != JOB_TEXT)
        {
          g_async_queue_push_front (w->shared->queue, job);
          return;
        }
      run_text_job (w, job->paper_oparl_id);
      job_free (job);
    }
}

static void
run_sync_job (Worker *w,
              Job    *job)
{
  g_autoptr(GString) problems = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  BkStore *store;
  gboolean changed = FALSE;

  emit_on_main (w->shared, STARTED, FALSE, NULL);
  store = worker_store (w, &error);
  if (store == NULL)
    g_string_append (problems, error->message);

  for (guint i = 0; store != NULL && i < job->endpoints->len; i++)
    {
      EndpointCopy *e = g_ptr_array_index (job->endpoints, i);
      BkSyncEndpoint endpoint = { e->url, e->name };
      BkSyncOptions options = { 0 };
      BkSyncReport report = { 0 };
      g_autoptr(GError) sync_error = NULL;

      options.full = job->full;
      options.full_after_days = job->full_after_days;
      if (bk_sync_endpoint (store, w->http, &endpoint, &options, &report, w->shared->cancellable, &sync_error))
        changed |= report.changed;
      else
        {
          if (g_error_matches (sync_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            {
              bk_sync_report_clear (&report);
              break;
            }
          g_message ("%s", sync_error->message);
          g_string_append_printf (problems, "%s%s", problems->len > 0 ? "\n" : "", sync_error->message);
        }
      bk_sync_report_clear (&report);
      run_queued_texts (w);
    }

  /* then the texts, a few at a time */
  while (store != NULL && !g_cancellable_is_cancelled (w->shared->cancellable))
    {
      BkSyncTextReport report = { 0 };
      BkSyncTextOptions options = { 0 };
      g_autoptr(GError) text_error = NULL;
      guint done;

      options.limit = TEXTS_PER_ROUND;
      if (!bk_sync_fetch_texts (store, w->http, NULL, &options, &report, w->shared->cancellable, &text_error))
        {
          bk_sync_text_report_clear (&report);
          break;
        }
      done = report.fetched + report.unchanged + report.unreadable + report.deleted + report.failed;
      changed |= report.fetched > 0 || report.deleted > 0;
      report_texts (w, &report);
      bk_sync_text_report_clear (&report);
      run_queued_texts (w);
      if (done < TEXTS_PER_ROUND)
        break;
    }

  g_atomic_int_set (&w->shared->sync_pending, 0);
  emit_on_main (w->shared, FINISHED, changed, problems->len > 0 ? problems->str : NULL);
}

static gpointer
worker_main (gpointer data)
{
  Worker w = { data, NULL, NULL };
  /* Reading a PDF or applying 10 000 papers yields to the screen, and
   * libsoup's waiting happens on a context of the worker's own. */
  GMainContext *context = bk_thread_enter_background ("sync");

  w.http = bk_http_new (w.shared->have_http_options ? &w.shared->http_options : NULL);
  for (;;)
    {
      Job *job = g_async_queue_pop (w.shared->queue);
      JobKind kind = job->kind;

      if (kind == JOB_SYNC)
        run_sync_job (&w, job);
      else if (kind == JOB_TEXT)
        run_text_job (&w, job->paper_oparl_id);
      job_free (job);
      if (kind == JOB_QUIT)
        break;
    }
  g_clear_object (&w.store);
  bk_http_unref (w.http);
  shared_unref (w.shared);
  bk_thread_leave_background (context);
  return NULL;
}

/* ---- the service ------------------------------------------------------------------- */

static void
stop_timer (BkSyncService *self)
{
  g_clear_handle_id (&self->timer, g_source_remove);
}

void
bk_sync_service_shutdown (BkSyncService *self)
{
  g_return_if_fail (BK_IS_SYNC_SERVICE (self));

  stop_timer (self);
  if (self->thread == NULL)
    return;
  g_cancellable_cancel (self->shared->cancellable);
  {
    Job *quit = g_new0 (Job, 1);

    quit->kind = JOB_QUIT;
    g_async_queue_push_front (self->shared->queue, quit);
  }
  g_thread_join (self->thread);
  self->thread = NULL;
}

static void
bk_sync_service_dispose (GObject *object)
{
  BkSyncService *self = BK_SYNC_SERVICE (object);

  bk_sync_service_shutdown (self);
  G_OBJECT_CLASS (bk_sync_service_parent_class)->dispose (object);
}

static void
bk_sync_service_finalize (GObject *object)
{
  BkSyncService *self = BK_SYNC_SERVICE (object);

  g_ptr_array_unref (self->endpoints);
  shared_unref (self->shared);
  G_OBJECT_CLASS (bk_sync_service_parent_class)->finalize (object);
}

static void
bk_sync_service_class_init (BkSyncServiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bk_sync_service_dispose;
  object_class->finalize = bk_sync_service_finalize;

  signals[STARTED] = g_signal_new ("started", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_BOOLEAN, G_TYPE_STRING);
  signals[TEXT_READY] = g_signal_new ("text-ready", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
bk_sync_service_init (BkSyncService *self)
{
  self->endpoints = g_ptr_array_new_with_free_func (endpoint_copy_free);
}

BkSyncService *
bk_sync_service_new (const char          *db_path,
                     const BkHttpOptions *http_options)
{
  BkSyncService *self;
  Shared *shared;

  g_return_val_if_fail (db_path != NULL, NULL);

  self = g_object_new (BK_TYPE_SYNC_SERVICE, NULL);
  shared = g_new0 (Shared, 1);
  g_atomic_ref_count_init (&shared->ref_count);
  shared->queue = g_async_queue_new_full ((GDestroyNotify) job_free);
  shared->cancellable = g_cancellable_new ();
  shared->db_path = g_strdup (db_path);
  if (http_options != NULL)
    {
      shared->http_options = *http_options;
      shared->have_http_options = TRUE;
    }
  shared->context = g_main_context_ref_thread_default ();
  g_weak_ref_init (&shared->service, self);
  self->shared = shared;
  self->thread = g_thread_new ("bk-sync", worker_main, shared_ref (shared));
  return self;
}

void
bk_sync_service_set_endpoints (BkSyncService        *self,
                               const BkSyncEndpoint *endpoints,
                               guint                 n_endpoints)
{
  g_return_if_fail (BK_IS_SYNC_SERVICE (self));

  g_ptr_array_set_size (self->endpoints, 0);
  for (guint i = 0; i < n_endpoints; i++)
    {
      EndpointCopy *e = g_new0 (EndpointCopy, 1);

      e->url = g_strdup (endpoints[i].url);
      e->name = g_strdup (endpoints[i].name);
      g_ptr_array_add (self->endpoints, e);
    }
}

guint
bk_sync_service_get_n_endpoints (BkSyncService *self)
{
  g_return_val_if_fail (BK_IS_SYNC_SERVICE (self), 0);
  return self->endpoints->len;
}

static gboolean
timer_cb (gpointer data)
{
  BkSyncService *self = data;

  self->timer = 0;
  bk_sync_service_sync_now (self, FALSE);
  /* one timer, for the next deadline only */
  if (self->interval_minutes > 0)
    self->timer = g_timeout_add_seconds (self->interval_minutes * 60, timer_cb, self);
  return G_SOURCE_REMOVE;
}

void
bk_sync_service_set_schedule (BkSyncService *self,
                              guint          interval_minutes,
                              guint          full_after_days,
                              guint          delay_s)
{
  g_return_if_fail (BK_IS_SYNC_SERVICE (self));

  self->interval_minutes = interval_minutes;
  self->full_after_days = full_after_days;
  stop_timer (self);
  if (self->endpoints->len == 0)
    return;
  if (delay_s > 0 || interval_minutes > 0)
    self->timer = g_timeout_add_seconds (delay_s > 0 ? delay_s : interval_minutes * 60, timer_cb, self);
}

void
bk_sync_service_sync_now (BkSyncService *self,
                          gboolean       full)
{
  Job *job;

  g_return_if_fail (BK_IS_SYNC_SERVICE (self));

  if (self->endpoints->len == 0 || self->thread == NULL ||
      !g_atomic_int_compare_and_exchange (&self->shared->sync_pending, 0, 1))
    return;
  job = g_new0 (Job, 1);
  job->kind = JOB_SYNC;
  job->full = full;
  job->full_after_days = self->full_after_days;
  job->endpoints = g_ptr_array_new_with_free_func (endpoint_copy_free);
  for (guint i = 0; i < self->endpoints->len; i++)
    {
      EndpointCopy *e = g_ptr_array_index (self->endpoints, i);
      EndpointCopy *copy = g_new0 (EndpointCopy, 1);

      copy->url = g_strdup (e->url);
      copy->name = g_strdup (e->name);
      g_ptr_array_add (job->endpoints, copy);
    }
  g_async_queue_push (self->shared->queue, job);
}

void
bk_sync_service_request_text (BkSyncService *self,
                              const char    *paper_oparl_id)
{
  Job *job;

  g_return_if_fail (BK_IS_SYNC_SERVICE (self));

  if (paper_oparl_id == NULL || self->thread == NULL)
    return;
  job = g_new0 (Job, 1);
  job->kind = JOB_TEXT;
  job->paper_oparl_id = g_strdup (paper_oparl_id);
  g_async_queue_push_front (self->shared->queue, job);
}

gboolean
bk_sync_service_is_running (BkSyncService *self)
{
  g_return_val_if_fail (BK_IS_SYNC_SERVICE (self), FALSE);
  return self->running || g_atomic_int_get (&self->shared->sync_pending) != 0;
}
