/* bk-outbox-worker.c: the delivery worker, one thread off the main loop
 *
 * The worker owns a database connection of its own and one transport per
 * configured one. Round by round it takes the entry that is due first,
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
 * the same explanation instead of knocking one by one. The worker never
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

typedef struct {
  gint64  until;      /* resting until (ms) */
  guint   failures;   /* in a row */
  char   *problem;
} RouteRest;

struct _BkOutboxWorker
{
  BkOutboxWorkerSetup setup;
  GThread            *thread;
  GMutex              lock;
  GCond               cond;
  gboolean            wake;
  gboolean            stopping;
  gboolean            ended;
  guint               rounds;
  GCancellable       *cancellable;

  /* the worker thread's own */
  BkStore            *store;
  GHashTable         *transports;  /* transport name → BkTransport */
  GHashTable         *rests;       /* route name → RouteRest */
  gint64              last_expire;
  gboolean            crashed;
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

static gboolean
deliver_notice (gpointer data)
{
  Notice *notice = data;

  notice->notify (notice->id, notice->reference, notice->state, notice->data);
  return G_SOURCE_REMOVE;
}

static void
notice_free (gpointer data)
{
  Notice *notice = data;

  if (notice->data_free != NULL)
    notice->data_free (notice->data);
  g_free (notice->reference);
  g_free (notice);
}

static void
notify (BkOutboxWorker *self,
        gint64          id,
        const char     *reference,
        BkOutboxState   state)
{
  Notice *notice;

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
  g_main_context_invoke_full (self->setup.notify_context, G_PRIORITY_DEFAULT, deliver_notice, notice,
                              notice_free);
}

/* ---- sleeping -------------------------------------------------------------- */

static gboolean
stopping (BkOutboxWorker *self)
{
  gboolean stop;

  g_mutex_lock (&self->lock);
  stop = self->stopping;
  g_mutex_unlock (&self->lock);
  return stop || self->crashed;
}

/* Sleeps until the worker's clock says until, or until woken. */
static void
sleep_until (BkOutboxWorker *self,
             gint64          until)
{
  gint64 wait = until - now (self);

  if (wait <= 0)
    return;
  if (self->setup.fake_clock)
    wait = MIN (wait, FAKE_SLEEP_MS);
  g_mutex_lock (&self->lock);
  if (!self->wake && !self->stopping)
    g_cond_wait_until (&self->cond, &self->lock, g_get_monotonic_time () + wait * 1000);
  self->wake = FALSE;
  g_mutex_unlock (&self->lock);
}

/* ---- rounds ---------------------------------------------------------------- */

/* Every step is written before the next begins. Those whose loss in a
 * power cut costs only a repeated step (a claim, the next question, a
 * retry's time, "submitted", which the event log tells again) do not wait
 * for the disk; the destination's id before anything is uploaded, and the
 * end of an entry, do. */
static gboolean
write_entry_as (BkOutboxWorker *self,
                BkOutboxEntry  *entry,
                gboolean        durable)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->crashed)
    return FALSE;
  ok = durable ? bk_store_outbox_update (self->store, entry, now (self), &error)
               : bk_store_outbox_update_lazily (self->store, entry, now (self), &error);
  if (!ok)
    {
      g_warning ("Outbox: could not write entry %" G_GINT64_FORMAT ": %s", entry->id, error->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_entry (BkOutboxWorker *self,
             BkOutboxEntry  *entry)
{
  return write_entry_as (self, entry, bk_outbox_state_is_final (entry->state));
}

static gboolean
checkpoint_cb (BkOutboxEntry *entry,
               gpointer       data)
{
  BkOutboxWorker *self = data;

  if (!write_entry_as (self, entry, TRUE))
    return FALSE;
  if (self->setup.crash_point == BK_CRASH_AFTER_CHECKPOINT && entry->remote_id != NULL)
    {
      self->crashed = TRUE;
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
  BkOutboxWorker *self = data;
  g_autoptr(GError) error = NULL;

  if (self->crashed)
    return;
  if (!bk_store_outbox_set_key (self->store, route, bk_jose_key_get_kid (key), jwk, now (self), &error))
    g_warning ("Outbox: could not keep the key of %s: %s", route, error->message);
}

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

/* The route answered: its rest, if any, is over. */
static void
route_works (BkOutboxWorker *self,
             const char     *route)
{
  g_hash_table_remove (self->rests, route);
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

static void
apply (BkOutboxWorker         *self,
       const BkRoute          *route,
       BkOutboxEntry          *entry,
       const BkDeliveryResult *result,
       gboolean                polling)
{
  const BkDeliverySettings *settings = bk_delivery_config_get_settings (self->setup.config);
  gint64 at = now (self);

  switch (result->outcome)
    {
    case BK_DELIVERY_SUBMITTED:
      route_works (self, route->name);
      entry->state = BK_OUTBOX_SUBMITTED;
      entry->submitted_at = at;
      entry->attempts = 0;
      entry->next_attempt_at = at + MIN (FIRST_POLL_MS, (gint64) settings->poll_interval * 1000);
      g_clear_pointer (&entry->last_error, g_free);
      break;

    case BK_DELIVERY_WAITING:
      route_works (self, route->name);
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
      route_works (self, route->name);
      if (entry->submitted_at == 0)
        entry->submitted_at = at;
      finish (self, entry, BK_OUTBOX_ACCEPTED, NULL);
      break;

    case BK_DELIVERY_REJECTED:
      route_works (self, route->name);
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

            failures = ++rest->failures;
            rest->until = retry_at (self, result, failures);
            g_free (rest->problem);
            rest->problem = g_strdup (result->problem);
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
        route_works (self, route->name);
      finish (self, entry, BK_OUTBOX_FAILED, result->problem);
      bk_staff_log (G_LOG_LEVEL_MESSAGE, "outbox-failed", entry->reference,
                    "A submission could not be delivered and needs staff");
      break;
    }
}

static void
work_on (BkOutboxWorker *self,
         BkOutboxEntry  *entry)
{
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
      if (write_entry (self, entry))
        notify (self, entry->id, entry->reference, entry->state);
      return;
    }
  transport = g_hash_table_lookup (self->transports, route->transport->name);

  if (!polling)
    {
      /* Claimed: from here a crash leaves it "sending", taken up again. */
      entry->state = BK_OUTBOX_SENDING;
      entry->attempts++;
      if (!write_entry (self, entry))
        return;
      notify (self, entry->id, entry->reference, entry->state);
      if (self->setup.crash_point == BK_CRASH_AFTER_CLAIM)
        {
          self->crashed = TRUE;
          return;
        }
    }

  context.cancellable = self->cancellable;
  context.kiosk_key = self->setup.kiosk_key;
  context.checkpoint = checkpoint_cb;
  context.checkpoint_data = self;
  context.key_checked = key_checked_cb;
  context.key_checked_data = self;
  context.now = now (self);
  if (polling)
    bk_transport_poll (transport, route, entry, &context, &result);
  else
    bk_transport_deliver (transport, route, entry, &context, &result);
  if (self->crashed || self->setup.crash_point == BK_CRASH_AFTER_DELIVERY)
    {
      self->crashed = TRUE;
      return;
    }
  if (g_cancellable_is_cancelled (self->cancellable))
    {
      /* Stopped mid-way: as after a crash, taken up at the next start. */
      return;
    }

  apply (self, route, entry, &result, polling);
  if (write_entry (self, entry))
    notify (self, entry->id, entry->reference, entry->state);
  g_mutex_lock (&self->lock);
  self->rounds++;
  g_mutex_unlock (&self->lock);
}

/* The entries of a resting route say why they wait, and wait as long. */
static void
mark_resting (BkOutboxWorker *self,
              GPtrArray      *skip)
{
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
        continue;
      g_ptr_array_add (skip, key);
      if (self->crashed)
        continue;
      if (!bk_store_outbox_hold_route (self->store, key, rest->until, rest->problem, at, &changed, &error))
        g_warning ("Outbox: %s", error->message);
      else if (changed > 0)
        notify (self, 0, NULL, BK_OUTBOX_PENDING);
    }
  g_ptr_array_add (skip, NULL);
}

/* Bundles kept past the retention period are removed, delivered or not,
 * and staff are told (journal, staff page, `outbox status`). */
static void
expire (BkOutboxWorker *self)
{
  const BkDeliverySettings *settings = bk_delivery_config_get_settings (self->setup.config);
  g_autoptr(GError) error = NULL;
  g_autofree char *problem = g_strdup_printf ("%s: %u days", BK_PROBLEM_EXPIRED, settings->retention_days);
  gint64 at = now (self);
  guint removed = 0;

  self->last_expire = at;
  if (!bk_store_outbox_expire (self->store, at - (gint64) settings->retention_days * 24 * 3600 * 1000, at,
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

static gpointer
worker_main (gpointer data)
{
  BkOutboxWorker *self = data;
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GError) error = NULL;
  GPtrArray *transports = bk_delivery_config_get_transports (self->setup.config);
  guint timeout = bk_delivery_config_get_settings (self->setup.config)->timeout;

  /* Sealing and the bundles' hashes yield to the screen. */
  bk_thread_lower_priority ("outbox");
  /* libsoup's own waiting happens on this thread's context. */
  g_main_context_push_thread_default (context);
  self->store = bk_store_open (self->setup.db_path, BK_STORE_OPEN_DEFAULT, &error);
  if (self->store == NULL)
    {
      g_warning ("Outbox: the worker cannot open the database: %s", error->message);
      goto out;
    }
  for (guint i = 0; i < transports->len; i++)
    {
      BkTransportConfig *config = g_ptr_array_index (transports, i);

      g_hash_table_insert (self->transports, g_strdup (config->name),
                           bk_transport_new (config, timeout, self->setup.proxy));
    }

  while (!stopping (self))
    {
      g_autoptr(GPtrArray) skip = g_ptr_array_new ();
      g_autoptr(BkOutboxEntry) entry = NULL;
      gint64 next_due = G_MAXINT64;
      gint64 at = now (self);

      if (at - self->last_expire >= EXPIRE_EVERY_MS)
        expire (self);
      mark_resting (self, skip);
      entry = bk_store_outbox_next_due (self->store, at, (const char * const *) skip->pdata, &next_due, &error);
      if (entry == NULL)
        {
          GHashTableIter iter;
          gpointer value;
          gint64 until = MIN (next_due, at + IDLE_MS);

          if (error != NULL)
            {
              g_warning ("Outbox: %s", error->message);
              g_clear_error (&error);
            }
          g_hash_table_iter_init (&iter, self->rests);
          while (g_hash_table_iter_next (&iter, NULL, &value))
            if (((RouteRest *) value)->until > at)
              until = MIN (until, ((RouteRest *) value)->until);
          until = MIN (until, self->last_expire + EXPIRE_EVERY_MS);
          sleep_until (self, until);
          continue;
        }
      work_on (self, entry);
    }

out:
  g_clear_pointer (&self->transports, g_hash_table_unref);
  g_clear_object (&self->store);
  g_main_context_pop_thread_default (context);
  g_mutex_lock (&self->lock);
  self->ended = TRUE;
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
  self->cancellable = g_cancellable_new ();
  self->transports = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->rests = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) rest_free);
  self->thread = g_thread_new ("bk-outbox", worker_main, self);
  return self;
}

void
_bk_outbox_worker_wake (BkOutboxWorker *self)
{
  g_mutex_lock (&self->lock);
  self->wake = TRUE;
  g_cond_signal (&self->cond);
  g_mutex_unlock (&self->lock);
}

void
_bk_outbox_worker_stop (BkOutboxWorker *self)
{
  if (self == NULL)
    return;
  g_mutex_lock (&self->lock);
  self->stopping = TRUE;
  g_cond_signal (&self->cond);
  g_mutex_unlock (&self->lock);
  g_cancellable_cancel (self->cancellable);
  g_thread_join (self->thread);

  g_hash_table_unref (self->rests);
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
  ended = self->ended;
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
