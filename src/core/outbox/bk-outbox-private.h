/* bk-outbox-private.h: the worker, and hooks for tests and benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-outbox.h"
#include "bk-transport.h"

G_BEGIN_DECLS

/* The clock of the outbox and its worker (Unix ms); a test sets its own to
 * run a day in seconds. With one set, the worker never sleeps longer than a
 * few milliseconds of real time before it looks at the clock again. */
typedef gint64 (*BkOutboxClock) (gpointer data);

/* Where a test makes the worker stop dead, as a kill -9 would: nothing
 * after that point is written. */
typedef enum {
  BK_CRASH_NONE,
  BK_CRASH_AFTER_CLAIM,       /* the entry is "sending", nothing sent */
  BK_CRASH_AFTER_CHECKPOINT,  /* the destination's id is kept (announced) */
  BK_CRASH_AFTER_DELIVERY,    /* delivered, the result not yet written */
} BkCrashPoint;

/* ---- bk-outbox.c ---------------------------------------------------------- */

/* Before bk_outbox_start (). */
void          _bk_outbox_set_clock       (BkOutbox      *self,
                                          BkOutboxClock  clock,
                                          gpointer       data);
void          _bk_outbox_set_crash_point (BkOutbox      *self,
                                          BkCrashPoint   point);
gint64        _bk_outbox_now             (BkOutbox      *self);
/* TRUE once the worker has ended (at a crash point, or stopped). */
gboolean      _bk_outbox_has_ended       (BkOutbox      *self);
/* How many entries the worker has finished with an outcome (tests wait). */
guint         _bk_outbox_get_rounds      (BkOutbox      *self);

/* ---- bk-outbox-worker.c --------------------------------------------------- */

typedef struct _BkOutboxWorker BkOutboxWorker;

/* What the worker tells the outbox's thread; called on that thread. */
typedef void (*BkOutboxNotify) (gint64         id,
                                const char    *reference,
                                BkOutboxState  state,
                                gpointer       data);

typedef struct {
  char             *db_path;
  BkDeliveryConfig *config;
  BkJoseKey        *kiosk_key;
  GProxyResolver   *proxy;
  BkOutboxClock     clock;
  gpointer          clock_data;
  gboolean          fake_clock;
  BkCrashPoint      crash_point;
  GMainContext     *notify_context;
  BkOutboxNotify    notify;
  gpointer          notify_data;
  GBoxedCopyFunc    notify_data_ref;
  GDestroyNotify    notify_data_free;
} BkOutboxWorkerSetup;

/* Starts the thread; setup's members are taken over (their references). */
BkOutboxWorker *_bk_outbox_worker_start (BkOutboxWorkerSetup *setup);
void            _bk_outbox_worker_wake  (BkOutboxWorker      *self);
/* Stops the thread (cancelling the request under way) and frees it. */
void            _bk_outbox_worker_stop  (BkOutboxWorker      *self);
gboolean        _bk_outbox_worker_ended (BkOutboxWorker      *self);
guint           _bk_outbox_worker_rounds (BkOutboxWorker     *self);

/* The pause before attempt number failures + 1 (ms): min_s · 2^(failures-1),
 * at most max_s, then jittered to between half of that and all of it. */
gint64          _bk_outbox_backoff      (guint                failures,
                                         guint                min_s,
                                         guint                max_s);

G_END_DECLS
