/* bk-store-outbox.h: the outbox's tables, for the outbox and the staff tool
 *
 * Submissions for a configured destination are stored sealed: the
 * submission row keeps its reference, kind and time but no answers, and
 * the outbox row beside it holds the encrypted bundle and the delivery
 * state. The delivery worker (src/core/outbox) reads and writes these rows
 * through its own connection; every change is one short transaction, never
 * held across network traffic.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-outbox-entry.h"
#include "bk-store.h"

G_BEGIN_DECLS

/* Called by bk_store_add_sealed_submission () inside its transaction, once
 * the reference is known: makes the bundle of submission's answers and
 * inserts its outbox row (bk_store_outbox_insert). FALSE with error rolls
 * everything back. */
typedef gboolean (*BkSealFunc) (BkStore      *store,
                                BkSubmission *submission,
                                const char   *reference,
                                const char   *created_at,
                                gpointer      user_data,
                                GError      **error);

/* Like bk_store_add_submission (), but the row keeps no answers (sealed);
 * seal stores them encrypted in the same transaction. Returns the reference
 * after the commit. */
char          *bk_store_add_sealed_submission (BkStore      *self,
                                               BkSubmission *submission,
                                               BkSealFunc    seal,
                                               gpointer      seal_data,
                                               GError      **error);
/* How many submissions are sealed (delivered through the outbox). */
guint          bk_store_count_sealed_submissions (BkStore *self);

/* Inserts entry (its id is set); created_at, updated_at and
 * next_attempt_at as given. */
gboolean       bk_store_outbox_insert      (BkStore        *self,
                                            BkOutboxEntry  *entry,
                                            GError        **error);
/* By id, or (id 0) by reference; NULL with BK_ERROR_NOT_FOUND. */
BkOutboxEntry *bk_store_outbox_load        (BkStore        *self,
                                            gint64          id,
                                            const char     *reference,
                                            GError        **error);
/* The entry to work on next: pending, sending (an attempt a crash cut
 * short) or submitted (its answer to fetch), due at now, whose transport is
 * not in skip and whose id (gint64 keys, g_int64_hash) is not in busy (NULL:
 * none is); oldest due first. NULL when none (no error). next_due receives
 * when the next of the others is due (G_MAXINT64 when none). */
BkOutboxEntry *bk_store_outbox_next_due    (BkStore             *self,
                                            gint64               now,
                                            const char * const  *skip,
                                            GHashTable          *busy,
                                            gint64              *next_due,
                                            GError             **error);
/* The server of route answers again: its entries waiting to be sent are
 * due now instead of when their pause would have ended. */
gboolean       bk_store_outbox_release_route (BkStore     *self,
                                              const char  *route,
                                              gint64       now,
                                              guint       *changed,
                                              GError     **error);
/* Writes entry's state, ids, attempts, times and error as they are now
 * (updated_at = now); its bundle when bundle_changed (sealed anew), and
 * removes it when bundle_removed is set. */
gboolean       bk_store_outbox_update      (BkStore        *self,
                                            BkOutboxEntry  *entry,
                                            gint64          now,
                                            GError        **error);
/* The same without waiting for the disk (synchronous = NORMAL for this one
 * commit): safe against a crash of the program, and after a power cut the
 * entry is at most a step back, which the worker takes again (for the
 * delivery worker's own steps whose loss costs only a repeated question). */
gboolean       bk_store_outbox_update_lazily (BkStore      *self,
                                              BkOutboxEntry *entry,
                                              gint64        now,
                                              GError      **error);
/* A resting route's pending entries wait until until and carry its
 * problem; changed receives how many changed. */
gboolean       bk_store_outbox_hold_route  (BkStore        *self,
                                            const char     *route,
                                            gint64          until,
                                            const char     *problem,
                                            gint64          now,
                                            guint          *changed,
                                            GError        **error);
/* Entries newest first, without their bundles (bundle_size says how large
 * each is); state < 0: all; limit 0: no limit. */
GPtrArray     *bk_store_outbox_list        (BkStore        *self,
                                            int             state,
                                            guint           limit,
                                            GError        **error);
gboolean       bk_store_outbox_summarize   (BkStore         *self,
                                            BkOutboxSummary *summary,
                                            GError         **error);
/* Staff: a pending, failed or rejected entry whose bundle is still there is
 * tried again now (pending, no attempts counted). BK_ERROR_NOT_FOUND for an
 * unknown id, BK_ERROR_INVALID_INPUT when it cannot be sent again. */
gboolean       bk_store_outbox_retry       (BkStore        *self,
                                            gint64          id,
                                            gint64          now,
                                            GError        **error);
/* Removes the bundles of entries created before cutoff (ms) that were never
 * accepted; those not final become failed with message as their error.
 * removed receives how many (may be NULL). */
gboolean       bk_store_outbox_expire      (BkStore        *self,
                                            gint64          cutoff,
                                            gint64          now,
                                            const char     *message,
                                            guint          *removed,
                                            GError        **error);
/* Deletes the entries whose bundle is gone and whose submission was made
 * before cutoff (UTC ISO date-time) or is gone already; part of
 * bk_store_purge_submissions (), inside its transaction, before the
 * submissions. */
gboolean       bk_store_purge_outbox       (BkStore        *self,
                                            const char     *cutoff,
                                            GError        **error);

/* The checked encryption key of a route's destination (a JWK as JSON text,
 * its kid and when it was checked, ms). FALSE when none is cached. */
gboolean       bk_store_outbox_get_key     (BkStore        *self,
                                            const char     *route,
                                            char          **kid,
                                            char          **jwk,
                                            gint64         *checked_at);
gboolean       bk_store_outbox_set_key     (BkStore        *self,
                                            const char     *route,
                                            const char     *kid,
                                            const char     *jwk,
                                            gint64          checked_at,
                                            GError        **error);

G_END_DECLS
