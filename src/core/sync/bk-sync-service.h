/* bk-sync-service.h: the kiosk's sync in the background
 *
 * One worker thread, never the main loop: it syncs the configured
 * endpoints on a timer or when asked, then fetches the papers' texts, and
 * fetches one paper's text first when a citizen opens it. It writes through
 * a BkStore connection of its own to the same database file (WAL: the
 * kiosk's own connection keeps reading while it writes; see bk-sync-service.c)
 * and says on the main context when something changed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-http.h"
#include "bk-sync.h"

G_BEGIN_DECLS

#define BK_TYPE_SYNC_SERVICE (bk_sync_service_get_type ())
G_DECLARE_FINAL_TYPE (BkSyncService, bk_sync_service, BK, SYNC_SERVICE, GObject)

/* db_path: the kiosk's database file (an in-memory store cannot be shared
 * with a thread). http_options NULL: the defaults. Signals are emitted on
 * the thread-default main context of the caller:
 *   "started"     ()
 *   "finished"    (gboolean changed, const char *problems or NULL: one line
 *                  per endpoint that failed, naming it and the problem)
 *   "text-ready"  (const char *paper_oparl_id): a paper's text was read */
BkSyncService *bk_sync_service_new           (const char           *db_path,
                                              const BkHttpOptions  *http_options);
/* The endpoints to sync (copied); replaces the ones before. */
void           bk_sync_service_set_endpoints (BkSyncService        *self,
                                              const BkSyncEndpoint *endpoints,
                                              guint                 n_endpoints);
guint          bk_sync_service_get_n_endpoints (BkSyncService      *self);
/* A sync every interval_minutes (0: only when asked), a full one when the
 * last is older than full_after_days; the first one delay_s seconds from now. */
void           bk_sync_service_set_schedule  (BkSyncService        *self,
                                              guint                 interval_minutes,
                                              guint                 full_after_days,
                                              guint                 delay_s);
/* Starts a sync now, unless one is queued or running. */
void           bk_sync_service_sync_now      (BkSyncService        *self,
                                              gboolean              full);
/* Fetches a paper's text before anything else in the queue. */
void           bk_sync_service_request_text  (BkSyncService        *self,
                                              const char           *paper_oparl_id);
gboolean       bk_sync_service_is_running    (BkSyncService        *self);
/* Stops the worker (a request under way is cancelled) and waits for it. */
void           bk_sync_service_shutdown      (BkSyncService        *self);

G_END_DECLS
