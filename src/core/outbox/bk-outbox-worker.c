/* bk-outbox-worker.c: the delivery worker, one thread off the main loop
 *
 * The worker runs `concurrency` lanes (threads, 4 unless the delivery file
 * says otherwise), each with a database connection of its own and one
 * transport per configured one (so its token and its kept-alive connection
 * are reused from one submission to the next). At most `concurrency`
 * entries of one route are on their way at once. Round by round a lane
 * takes the entry that is due first and that no other lane holds,
 * marks it "sending" (a short transaction), lets the transport deliver it
 * (no transaction open while the network is waited for) and writes what
 * became of it (another short transaction). So the database always says
 * where every entry is: after a kill -9 or a power cut an entry found
 * "sending" is simply taken up again, and the transport finds out whether
 * its destination has it already (FIT-Connect: the kept submission id; a
 * form server: the idempotency key).
 *
 * A server that cannot be reached, is busy (429, Retry-After) or fails
 * (5xx) puts its whole route to rest: exponential backoff with jitter, or
 * the time the server asked for, and the route's other entries wait with
 * the same explanation instead of knocking one by one. When the rest is
 * over one lane tries alone; when that works the route's waiting entries
 * are due at once and every lane is woken, instead of each entry waiting
 * out a pause of its own. The worker never
 * calls gettext: problems are stored as codes (bk-transport.h) and put into
 * words where they are shown.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-outbox"

#include <string.h>

#include "bk-outbox-private.h"
#include "bk-staff-log.h"
#include "bk-store-outbox.h"
#include "bk-thread.h"

/* The longest the worker sleeps without looking (a retry from the staff
 * tool lands in the database without waking it). */
#define IDLE_MS            (60 * 1000)
/* Bundles past the retention period are looked for this often. */
#define EXPIRE_EVERY_MS    (60 * 60 * 1000)
/* The first status query after a submission, then three times longer each
 * time, up to the configured poll interval. */
#define FIRST_POLL_MS      (5 * 1000)
/* A server's Retry-After is believed up to a day. */
#define MAX_RETRY_AFTER_MS (24 * 60 * 60 * 1000)
/* With a test's clock: at most this much real time per sleep. */
#define FAKE_SLEEP_MS      2
/* Notices reach the outbox's thread at most this late, in one batch. */
#define NOTICE_BATCH_MS    50

typedef struct {
  gint64    until;      /* resting until (ms) */
  guint     failures;   /* in a row */
  gboolean  probing;    /* the rest is over and one lane is trying; the others wait for it */
  char     *problem;
} RouteRest;

typedef struct {
  BkOutboxWorker *worker;
  GThread        *thread;
  /* the lane's thread's own */
  BkStore        *store;
  GHashTable     *transports;  /* transport name → BkTransport */
  gboolean        probe;       /* the entry under way tries a route after its rest */
} Lane;

struct _BkOutboxWorker
{
  BkOutboxWorkerSetup setup;
  guint               n_lanes;
  Lane               *lanes;
  GMutex              lock;
  GCond               cond;
  guint               wakes;       /* counts wake-ups: a lane sleeps only while it stays */
  gboolean            stopping;
  guint               running;     /* lanes not ended */
  guint               rounds;
  GCancellable       *cancellable;
  gint                crashed;     /* atomic: a test's crash point was reached */

  /* under lock */
  GHashTable         *rests;       /* route name → RouteRest */
  GHashTable         *busy;        /* entry id (gint64) → route name: on its way in a lane */
  GHashTable         *loads;       /* route name → entries of it on their way */
  gint64              last_expire;

  /* notices for the outbox's thread, handed over in batches */
  struct _NoticeQueue *notices;
};

static void
rest_free (RouteRest *rest)
{
  g_free (rest->problem);
  g_free (rest);
}

static gint64
now (BkOutboxWorker *self)
{
  return self->setup.clock (self->setup.clock_data);
}

gint64
_bk_outbox_backoff (guint failures,
                    guint min_s,
                    guint max_s)
{
  gint64 delay = (gint64) min_s * 1000;
  gint64 cap = (gint64) max_s * 1000;

  for (guint i = 1; i < failures && delay < cap; i++)
    delay *= 2;
  delay = MIN (delay, cap);
  /* "Equal jitter": kiosks that lost the same server do not come back in step. */
  return delay / 2 + g_random_int_range (0, (gint32) MAX (delay / 2, 1) + 1);
}

/* ---- telling the outbox's thread ------------------------------------------- */

typedef struct {
  BkOutboxNotify  notify;
  gpointer        data;
  GDestroyNotify  data_free;
  gint64          id;
  char           *reference;
  BkOutboxState   state;
} Notice;

static void
notice_free (gpointer data)
{
  Notice *notice = data;

  if (notice->data_free != NULL)
    notice->data_free (notice->data);
  g_free (notice->reference);
  g_free (notice);
}

/* What the lanes said and the outbox's thread has not heard yet. Shared by
 * the worker and the source that hands it over, so either may go first. */
typedef struct _NoticeQueue {
  GMutex     lock;
  GPtrArray *notices;
  gboolean   scheduled;
} NoticeQueue;

static void
notice_queue_clear (NoticeQueue *queue)
{
  g_mutex_clear (&queue->lock);
  g_clear_pointer (&queue->notices, g_ptr_array_unref);
}

static NoticeQueue *
notice_queue_new (void)
{
  NoticeQueue *queue = g_atomic_rc_box_new0 (NoticeQueue);

  g_mutex_init (&queue->lock);
  return queue;
}

static void
notice_queue_unref (NoticeQueue *queue)
{
  g_atomic_rc_box_release_full (queue, (GDestroyNotify) notice_queue_clear);
}

/* One wake-up of the outbox's thread for what came in the last
 * NOTICE_BATCH_MS, not one per notice: 1 000 deliveries say 3 000. */
static gboolean
deliver_notices (gpointer data)
{
  NoticeQueue *queue = data;
  g_autoptr(GPtrArray) batch = NULL;

  g_mutex_lock (&queue->lock);
  batch = g_steal_pointer (&queue->notices);
  queue->scheduled = FALSE;
  g_mutex_unlock (&queue->lock);
  for (guint i = 0; batch != NULL && i < batch->len; i++)
    {
      Notice *notice = g_ptr_array_index (batch, i);

      notice->notify (notice->id, notice->reference, notice->state, notice->data);
    }
  return G_SOURCE_REMOVE;
}

static void
notify (BkOutboxWorker *self,
        gint64          id,
        const char     *reference,
        BkOutboxState   state)
{
  Notice *notice;
  gboolean schedule;

  if (self->setup.notify == NULL)
    return;
  /* Each notice holds its own reference to the outbox's data, so that it
   * may outlive the worker. */
  notice = g_new0 (Notice, 1);
  notice->notify = self->setup.notify;
  notice->data = self->setup.notify_data_ref ? self->setup.notify_data_ref (self->setup.notify_data)
                                             : self->setup.notify_data;
  notice->data_free = self->setup.notify_data_free;
  notice->id = id;
  notice->reference = g_strdup (reference);
  notice->state = state;
  g_mutex_lock (&self->notices->lock);
  if (self->notices->notices == NULL)
    self->notices->notices = g_ptr_array_new_with_free_func (notice_free);
  g_ptr_array_add (self->notices->notices, notice);
  schedule = !self->notices->scheduled;
  self->notices->scheduled = TRUE;
  g_mutex_unlock (&self->notices->lock);
  if (schedule)
    {
      g_autoptr(GSource) source = g_timeout_source_new (NOTICE_BATCH_MS);

      g_source_set_callback (source, deliver_notices, g_atomic_rc_box_acquire (self->notices),
                             (GDestroyNotify) notice_queue_unref);
      g_source_set_static_name (source, "[bk-outbox] notices");
      g_source_attach (source, self->setup.notify_context);
    }
}

/* ---- sleeping -------------------------------------------------------------- */

static gboolean
crashed (BkOutboxWorker *self)
{
  return g_atomic_int_get (&self->crashed) != 0;
}

static gboolean
stopping (BkOutboxWorker *self)
{
  gboolean stop;

  g_mutex_lock (&self->lock);
  stop = self->stopping;
  g_mutex_unlock (&self->lock);
  return stop || crashed (self);
}

/* Wakes every sleeping lane (with the lock held). */
static void
wake_lanes_locked (BkOutboxWorker *self)
{
  self->wakes++;
  g_cond_broadcast (&self->cond);
}

static void
crash (BkOutboxWorker *self)
{
  g_atomic_int_set (&self->crashed, 1);
  g_mutex_lock (&self->lock);
  wake_lanes_locked (self);
  g_mutex_unlock (&self->lock);
}

/* Sleeps until the worker's clock says until, or until woken after the
 * lane looked (wakes then). */
static void
sleep_until (BkOutboxWorker *self,
             gint64          until,
             guint           wakes)
{
  gint64 wait = until - now (self);

  if (wait <= 0)
    return;
  if (self->setup.fake_clock)
    wait = MIN (wait, FAKE_SLEEP_MS);
  g_mutex_lock (&self->lock);
  if (self->wakes == wakes && !self->stopping && !crashed (self))
    g_cond_wait_until (&self->cond, &self->lock, g_get_monotonic_time () + wait * 1000);
  g_mutex_unlock (&self->lock);
}

/* ---- rounds ---------------------------------------------------------------- */

/* Every step is written before the next begins. Those whose loss in a
 * power cut costs only a repeated step (a claim, the next question, a
 * retry's time, "submitted", which the event log tells again) do not wait
 * for the disk; the destination's id before anything is uploaded, and the
 * end of an entry, do. */
static gboolean
write_entry_as (Lane          *lane,
                BkOutboxEntry *entry,
                gboolean       durable)
{
  BkOutboxWorker *self = lane->worker;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (crashed (self))
    return FALSE;
  ok = durable ? bk_store_outbox_update (lane->store, entry, now (self), &error)
               : bk_store_outbox_update_lazily (lane->store, entry, now (self), &error);
  if (!ok)
    {
      g_warning ("Outbox: could not write entry %" G_GINT64_FORMAT ": %s", entry->id, error->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_entry (Lane          *lane,
             BkOutboxEntry *entry)
{
  return write_entry_as (lane, entry, bk_outbox_state_is_final (entry->state));
}

static gboolean
checkpoint_cb (BkOutboxEntry *entry,
               gpointer       data)
{
  Lane *lane = data;

  if (!write_entry_as (lane, entry, TRUE))
    return FALSE;
  if (lane->worker->setup.crash_point == BK_CRASH_AFTER_CHECKPOINT && entry->remote_id != NULL)
    {
      crash (lane->worker);
      return FALSE;
    }
  return TRUE;
}

static void
key_checked_cb (const char *route,
                BkJoseKey  *key,
                const char *jwk,
                gpointer    data)
{
  Lane *lane = data;
  g_autoptr(GError) error = NULL;

  if (crashed (lane->worker))
    return;
  if (!bk_store_outbox_set_key (lane->store, route, bk_jose_key_get_kid (key), jwk, now (lane->worker), &error))
    g_warning ("Outbox: could not keep the key of %s: %s", route, error->message);
}

/* With the lock held, as everything about rests. */
static RouteRest *
rest_for (BkOutboxWorker *self,
          const char     *route)
{
  RouteRest *rest = g_hash_table_lookup (self->rests, route);

  if (rest == NULL)
    {
      rest = g_new0 (RouteRest, 1);
      g_hash_table_insert (self->rests, g_strdup (route), rest);
    }
  return rest;
}

/* The route answered: its rest, if any, is over, and what waited for it
 * is due now, in every lane. */
static void
route_works (Lane       *lane,
             const char *route)
{
  BkOutboxWorker *self = lane->worker;
  g_autoptr(GError) error = NULL;
  guint released = 0;

  if (!g_hash_table_remove (self->rests, route) || crashed (self))
    return;
  if (!bk_store_outbox_release_route (lane->store, route, now (self), &released, &error))
    g_warning ("Outbox: %s", error->message);
  wake_lanes_locked (self);
}

/* When to try again after result: what the server asked for, else backoff. */
static gint64
retry_at (BkOutboxWorker         *self,
          const BkDeliveryResult *result,
          guint                   failures)
{
  const BkDeliverySettings *settings = bk_delivery_config_get_settings (self->setup.config);
  gint64 at = now (self);

  if (result->retry_after > 0)
    /* Honoured to the second, plus a little jitter, never sooner. */
    return at + MIN (result->retry_after, MAX_RETRY_AFTER_MS) +
           g_random_int_range (0, (gint32) MIN (result->retry_after / 10, 1000) + 1);
  return at + _bk_outbox_backoff (failures, settings->retry_min, settings->retry_max);
}

static void
finish (BkOutboxWorker *self,
        BkOutboxEntry  *entry,
        BkOutboxState   state,
        const char     *problem)
{
  entry->state = state;
  entry->finished_at = now (self);
  entry->next_attempt_at = 0;
  g_free (entry->last_error);
  entry->last_error = g_strdup (problem);
  /* Accepted: the authority has it, the kiosk keeps nothing of it. */
  if (state == BK_OUTBOX_ACCEPTED)
    {
      g_clear_pointer (&entry->bundle, g_free);
      g_free (entry->bundle_removed);
      entry->bundle_removed = g_strdup ("accepted");
    }
}

/* With the lock held: the route's rest is shared by the lanes. */
static void
apply (Lane                   *lane,
       const BkRoute          *route,
       BkOutboxEntry          *entry,
       const BkDeliveryResult *result,
       gboolean                polling)
{
  BkOutboxWorker *self = lane->worker;
  const BkDeliverySettings *settings = bk_delivery_config_get_settings (self->setup.config);
  gint64 at = now (self);

  switch (result->outcome)
    {
    case BK_DELIVERY_SUBMITTED:
      route_works (lane, route->name);
      entry->state = BK_OUTBOX_SUBMITTED;
      entry->submitted_at = at;
      entry->attempts = 0;
      entry->next_attempt_at = at + MIN (FIRST_POLL_MS, (gint64) settings->poll_interval * 1000);
      g_clear_pointer (&entry->last_error, g_free);
      break;

    case BK_DELIVERY_WAITING:
      route_works (lane, route->name);
      {
        gint64 delay = FIRST_POLL_MS;

        for (guint i = 0; i < entry->attempts && delay < (gint64) settings->poll_interval * 1000; i++)
          delay *= 3;
        entry->attempts++;
        entry->next_attempt_at = at + MIN (delay, (gint64) settings->poll_interval * 1000);
      }
      /* An event that could not be believed stays visible to staff. */
      g_free (entry->last_error);
      entry->last_error = g_strdup (result->problem);
      break;

    case BK_DELIVERY_ACCEPTED:
      route_works (lane, route->name);
      if (entry->submitted_at == 0)
        entry->submitted_at = at;
      finish (self, entry, BK_OUTBOX_ACCEPTED, NULL);
      break;

    case BK_DELIVERY_REJECTED:
      route_works (lane, route->name);
      if (entry->submitted_at == 0)
        entry->submitted_at = at;
      finish (self, entry, BK_OUTBOX_REJECTED, result->problem);
      bk_staff_log (G_LOG_LEVEL_MESSAGE, "outbox-rejected", entry->reference,
                    "The authority rejected a submission");
      break;

    case BK_DELIVERY_RETRY:
      {
        guint failures = entry->attempts;

        if (result->route_wide)
          {
            RouteRest *rest = rest_for (self, route->name);

            /* The lanes that were on their way when the server went find
             * out one after another: one failure, one pause, not four. */
            if (rest->until <= at)
              {
                failures = ++rest->failures;
                rest->until = retry_at (self, result, failures);
                g_free (rest->problem);
                rest->problem = g_strdup (result->problem);
              }
            entry->next_attempt_at = rest->until;
          }
        else
          entry->next_attempt_at = retry_at (self, result, MAX (failures, 1));
        if (!polling)
          entry->state = BK_OUTBOX_PENDING;
        g_free (entry->last_error);
        entry->last_error = g_strdup (result->problem);
      }
      break;

    case BK_DELIVERY_FAILED:
    default:
      if (result->route_wide)
        route_works (lane, route->name);
      finish (self, entry, BK_OUTBOX_FAILED, result->problem);
      bk_staff_log (G_LOG_LEVEL_MESSAGE, "outbox-failed", entry->reference,
                    "A submission could not be delivered and needs staff");
      break;
    }
}

static void
work_on (Lane          *lane,
         BkOutboxEntry *entry)
{
  BkOutboxWorker *self = lane->worker;
  const BkRoute *route = bk_delivery_config_get_route (self->setup.config, entry->route);
  g_auto(BkDeliveryResult) result = { 0 };
  BkDeliveryContext context = { 0 };
  BkTransport *transport;
  gboolean polling = entry->state == BK_OUTBOX_SUBMITTED;

  if (route == NULL)
    {
      bk_delivery_result_set (&result, BK_DELIVERY_FAILED, BK_PROBLEM_CONFIG,
                              "[%s] is not in %s any more", entry->route,
                              bk_delivery_config_get_settings (self->setup.config)->path);
      finish (self, entry, BK_OUTBOX_FAILED, result.problem);
      if (write_entry (lane, entry))
        notify (self, entry->id, entry->reference, entry->state);
      return;
    }
  transport = g_hash_table_lookup (lane->transports, route->transport->name);

  if (!polling)
    {
      /* Claimed: from here a crash leaves it "sending", taken up again. */
      entry->state = BK_OUTBOX_SENDING;
      entry->attempts++;
      if (!write_entry (lane, entry))
        return;
      notify (self, entry->id, entry->reference, entry->state);
      if (self->setup.crash_point == BK_CRASH_AFTER_CLAIM)
        {
          crash (self);
          return;
        }
    }

  context.cancellable = self->cancellable;
  context.kiosk_key = self->setup.kiosk_key;
  context.checkpoint = checkpoint_cb;
  context.checkpoint_data = lane;
  context.key_checked = key_checked_cb;
  context.key_checked_data = lane;
  context.now = now (self);
  if (polling)
    bk_transport_poll (transport, route, entry, &context, &result);
  else
    bk_transport_deliver (transport, route, entry, &context, &result);
  if (crashed (self) || self->setup.crash_point == BK_CRASH_AFTER_DELIVERY)
    {
      crash (self);
      return;
    }
  if (g_cancellable_is_cancelled (self->cancellable))
    {
      /* Stopped mid-way: as after a crash, taken up at the next start. */
      return;
    }

  g_mutex_lock (&self->lock);
  apply (lane, route, entry, &result, polling);
  g_mutex_unlock (&self->lock);
  if (write_entry (lane, entry))
    notify (self, entry->id, entry->reference, entry->state);
  g_mutex_lock (&self->lock);
  self->rounds++;
  g_mutex_unlock (&self->lock);
}

static guint
load_of (BkOutboxWorker *self,
         const char     *route)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (self->loads, route));
}

/* With the lock held. The entries of a resting route say why they wait,
 * and wait as long; a route whose rest is over but whose first try is
 * still under way, or that has as many entries on their way as it may,
 * is passed over as well. */
static void
mark_resting (Lane      *lane,
              GPtrArray *skip)
{
  BkOutboxWorker *self = lane->worker;
  guint concurrency = bk_delivery_config_get_settings (self->setup.config)->concurrency;
  GHashTableIter iter;
  gpointer key, value;
  gint64 at = now (self);

  g_hash_table_iter_init (&iter, self->rests);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      RouteRest *rest = value;
      g_autoptr(GError) error = NULL;
      guint changed = 0;

      if (rest->until <= at)
        {
          if (rest->probing)
            g_ptr_array_add (skip, key);
          continue;
        }
      g_ptr_array_add (skip, key);
      if (crashed (self))
        continue;
      if (!bk_store_outbox_hold_route (lane->store, key, rest->until, rest->problem, at, &changed, &error))
        g_warning ("Outbox: %s", error->message);
      else if (changed > 0)
        notify (self, 0, NULL, BK_OUTBOX_PENDING);
    }
  g_hash_table_iter_init (&iter, self->loads);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (GPOINTER_TO_UINT (value) >= concurrency)
      g_ptr_array_add (skip, key);
  g_ptr_array_add (skip, NULL);
}

/* Bundles kept past the retention period are removed, delivered or not,
 * and staff are told (journal, staff page, `outbox status`). */
static void
expire (Lane *lane)
{
  BkOutboxWorker *self = lane->worker;
  const BkDeliverySettings *settings = bk_delivery_config_get_settings (self->setup.config);
  g_autoptr(GError) error = NULL;
  g_autofree char *problem = g_strdup_printf ("%s: %u days", BK_PROBLEM_EXPIRED, settings->retention_days);
  gint64 at = now (self);
  guint removed = 0;

  self->last_expire = at;
  if (!bk_store_outbox_expire (lane->store, at - (gint64) settings->retention_days * 24 * 3600 * 1000, at,
                               problem, &removed, &error))
    {
      g_warning ("Outbox: could not remove old bundles: %s", error->message);
      return;
    }
  if (removed > 0)
    {
      g_autofree char *count = g_strdup_printf ("%u", removed);

      bk_staff_log (G_LOG_LEVEL_MESSAGE, "outbox-expired", count,
                    "Undelivered submissions were removed after the retention period");
      notify (self, 0, NULL, BK_OUTBOX_FAILED);
    }
}

/* The entry this lane works on next, held for it; else NULL and until
 * says when to look again (wakes: the wake-ups seen so far). */
static BkOutboxEntry *
take_next (Lane   *lane,
           gint64 *until,
           guint  *wakes)
{
  BkOutboxWorker *self = lane->worker;
  g_autoptr(GPtrArray) skip = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  BkOutboxEntry *entry;
  gint64 next_due = G_MAXINT64;
  gint64 at = now (self);

  g_mutex_lock (&self->lock);
  if (at - self->last_expire >= EXPIRE_EVERY_MS)
    expire (lane);
  mark_resting (lane, skip);
  entry = bk_store_outbox_next_due (lane->store, at, (const char * const *) skip->pdata, self->busy,
                                    &next_due, &error);
  lane->probe = FALSE;
  if (entry != NULL)
    {
      RouteRest *rest = g_hash_table_lookup (self->rests, entry->route);

      g_hash_table_insert (self->busy, g_memdup2 (&entry->id, sizeof entry->id), g_strdup (entry->route));
      g_hash_table_insert (self->loads, g_strdup (entry->route),
                           GUINT_TO_POINTER (load_of (self, entry->route) + 1));
      /* The first try after a rest goes alone: a server still away costs
       * one failed connection, not one per lane. */
      if (rest != NULL)
        lane->probe = rest->probing = TRUE;
    }
  else
    {
      GHashTableIter iter;
      gpointer value;

      if (error != NULL)
        g_warning ("Outbox: %s", error->message);
      *until = MIN (next_due, at + IDLE_MS);
      g_hash_table_iter_init (&iter, self->rests);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        if (((RouteRest *) value)->until > at)
          *until = MIN (*until, ((RouteRest *) value)->until);
      *until = MIN (*until, self->last_expire + EXPIRE_EVERY_MS);
    }
  *wakes = self->wakes;
  g_mutex_unlock (&self->lock);
  return entry;
}

/* The lane is done with entry: another lane may take it (or its route's
 * next) now. */
static void
let_go (Lane          *lane,
        BkOutboxEntry *entry)
{
  BkOutboxWorker *self = lane->worker;
  guint load;

  g_mutex_lock (&self->lock);
  load = load_of (self, entry->route);
  g_hash_table_remove (self->busy, &entry->id);
  if (load > 1)
    g_hash_table_insert (self->loads, g_strdup (entry->route), GUINT_TO_POINTER (load - 1));
  else
    g_hash_table_remove (self->loads, entry->route);
  if (lane->probe)
    {
      RouteRest *rest = g_hash_table_lookup (self->rests, entry->route);

      if (rest != NULL)
        rest->probing = FALSE;
      lane->probe = FALSE;
    }
  wake_lanes_locked (self);
  g_mutex_unlock (&self->lock);
}

static gpointer
lane_main (gpointer data)
{
  Lane *lane = data;
  BkOutboxWorker *self = lane->worker;
  g_autoptr(GError) error = NULL;
  GPtrArray *transports = bk_delivery_config_get_transports (self->setup.config);
  guint timeout = bk_delivery_config_get_settings (self->setup.config)->timeout;
  /* Sealing and the bundles' hashes yield to the screen, and libsoup's
   * waiting happens on this thread's context. */
  GMainContext *context = bk_thread_enter_background ("outbox");

  lane->store = bk_store_open (self->setup.db_path, BK_STORE_OPEN_DEFAULT, &error);
  if (lane->store == NULL)
    {
      g_warning ("Outbox: the worker cannot open the database: %s", error->message);
      goto out;
    }
  lane->transports = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  for (guint i = 0; i < transports->len; i++)
    {
      BkTransportConfig *config = g_ptr_array_index (transports, i);

      g_hash_table_insert (lane->transports, g_strdup (config->name),
                           bk_transport_new (config, timeout, self->setup.proxy));
    }

  while (!stopping (self))
    {
      g_autoptr(BkOutboxEntry) entry = NULL;
      gint64 until = 0;
      guint wakes = 0;

      entry = take_next (lane, &until, &wakes);
      if (entry == NULL)
        {
          sleep_until (self, until, wakes);
          continue;
        }
      work_on (lane, entry);
      let_go (lane, entry);
    }

out:
  g_clear_pointer (&lane->transports, g_hash_table_unref);
  g_clear_object (&lane->store);
  bk_thread_leave_background (context);
  g_mutex_lock (&self->lock);
  self->running--;
  g_mutex_unlock (&self->lock);
  return NULL;
}

/* ---- the outbox's side ------------------------------------------------------- */

BkOutboxWorker *
_bk_outbox_worker_start (BkOutboxWorkerSetup *setup)
{
  BkOutboxWorker *self = g_new0 (BkOutboxWorker, 1);

  self->setup = *setup;
  *setup = (BkOutboxWorkerSetup) { 0 };
  g_mutex_init (&self->lock);
  g_cond_init (&self->cond);
  self->notices = notice_queue_new ();
  self->cancellable = g_cancellable_new ();
  self->rests = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) rest_free);
  self->busy = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->loads = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->n_lanes = MAX (bk_delivery_config_get_settings (self->setup.config)->concurrency, 1);
  self->lanes = g_new0 (Lane, self->n_lanes);
  self->running = self->n_lanes;
  for (guint i = 0; i < self->n_lanes; i++)
    {
      self->lanes[i].worker = self;
      self->lanes[i].thread = g_thread_new ("bk-outbox", lane_main, &self->lanes[i]);
    }
  return self;
}

void
_bk_outbox_worker_wake (BkOutboxWorker *self)
{
  g_mutex_lock (&self->lock);
  wake_lanes_locked (self);
  g_mutex_unlock (&self->lock);
}

void
_bk_outbox_worker_stop (BkOutboxWorker *self)
{
  if (self == NULL)
    return;
  g_mutex_lock (&self->lock);
  self->stopping = TRUE;
  wake_lanes_locked (self);
  g_mutex_unlock (&self->lock);
  g_cancellable_cancel (self->cancellable);
  for (guint i = 0; i < self->n_lanes; i++)
    g_thread_join (self->lanes[i].thread);

  g_free (self->lanes);
  g_hash_table_unref (self->rests);
  g_hash_table_unref (self->busy);
  g_hash_table_unref (self->loads);
  g_clear_pointer (&self->notices, notice_queue_unref);
  g_clear_object (&self->cancellable);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->cond);
  g_free (self->setup.db_path);
  bk_delivery_config_unref (self->setup.config);
  g_clear_pointer (&self->setup.kiosk_key, bk_jose_key_unref);
  g_clear_object (&self->setup.proxy);
  g_main_context_unref (self->setup.notify_context);
  if (self->setup.notify_data_free != NULL)
    self->setup.notify_data_free (self->setup.notify_data);
  g_free (self);
}

gboolean
_bk_outbox_worker_ended (BkOutboxWorker *self)
{
  gboolean ended;

  g_mutex_lock (&self->lock);
  ended = self->running == 0;
  g_mutex_unlock (&self->lock);
  return ended;
}

guint
_bk_outbox_worker_rounds (BkOutboxWorker *self)
{
  guint rounds;

  g_mutex_lock (&self->lock);
  rounds = self->rounds;
  g_mutex_unlock (&self->lock);
  return rounds;
}
