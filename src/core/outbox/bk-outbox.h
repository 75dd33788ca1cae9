/* bk-outbox.h: the outbox: submissions sealed for their destination and
 * delivered by a worker of their own
 *
 * The kiosk (src/ui/shell) makes one outbox when a delivery file is
 * configured, hands it down in the BkContext and starts it; the staff tool
 * uses it without starting it (list, status, retry). Everything here runs
 * on the thread that made the outbox; delivery runs on the worker's thread
 * with its own database connection (bk-outbox-worker.c), and "changed"
 * tells the making thread what became of an entry.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "bk-delivery-config.h"
#include "bk-outbox-bundle.h"
#include "bk-outbox-entry.h"
#include "bk-store.h"

G_BEGIN_DECLS

#define BK_TYPE_OUTBOX (bk_outbox_get_type ())
G_DECLARE_FINAL_TYPE (BkOutbox, bk_outbox, BK, OUTBOX, GObject)

/* The receipt of a submission, as the attachment: made once the reference
 * is known (inside the transaction that stores it). NULL with error fails
 * the submission. */
typedef GBytes *(*BkAttachmentFunc) (BkSubmission *submission,
                                     const char   *reference,
                                     const char   *created_at,
                                     gpointer      user_data,
                                     GError      **error);

/* store must be a database file (the worker opens it too). The kiosk's own
 * key (for bundles that cannot be sealed for their destination yet) is
 * read from the configured place, or made there at the first start:
 * "outbox-key.pem" beside the database, mode 0600. */
BkOutbox         *bk_outbox_new          (BkStore          *store,
                                          BkDeliveryConfig *config,
                                          GError          **error);
BkDeliveryConfig *bk_outbox_get_config   (BkOutbox         *self);
/* Starts the delivery worker (once); stop ends it, waiting for the request
 * under way to be cut off. Both also happen on dispose. */
void              bk_outbox_start        (BkOutbox         *self);
void              bk_outbox_stop         (BkOutbox         *self);
/* Look at the outbox now (a new entry, a retry from elsewhere). */
void              bk_outbox_wake         (BkOutbox         *self);

/* Stores submission: with a route (bk_delivery_config_route_for) sealed
 * for its destination, in one transaction with its outbox entry, and wakes
 * the worker; without one as a plain submission for the export (recipient
 * then NULL). Returns the reference after the commit; recipient receives
 * who it is for ("Stadt Auenbach"). */
char             *bk_outbox_submit       (BkOutbox             *self,
                                          BkSubmission         *submission,
                                          const BkDeliveryInfo *info,
                                          BkAttachmentFunc      attach,
                                          gpointer              attach_data,
                                          char                **recipient,
                                          GError              **error);

/* Who a submission from this service (may be NULL) and form would be for:
 * the route's recipient, else the service's place (municipality), else the
 * transport's name; NULL when it has no route (kept for the export). */
char             *bk_outbox_dup_recipient (BkOutbox        *self,
                                           const char      *service_id,
                                           BkSubmissionKind kind,
                                           const char      *municipality);

/* A reference's entry, or NULL (none: it was stored for the export). */
BkOutboxEntry    *bk_outbox_get_entry    (BkOutbox         *self,
                                          const char       *reference);
gboolean          bk_outbox_summarize    (BkOutbox         *self,
                                          BkOutboxSummary  *summary,
                                          GError          **error);
/* Staff: send entry id again now (bk_store_outbox_retry) and wake the worker. */
gboolean          bk_outbox_retry        (BkOutbox         *self,
                                          gint64            id,
                                          GError          **error);

/* Signal "changed" (gint64 id, const char *reference, guint state): an
 * entry changed (id 0, reference NULL: several did). */

/* ---- words ---------------------------------------------------------------- */

/* A stored problem ("CODE: detail", BkOutboxEntry.last_error) in words for
 * staff, translated, the detail in brackets. */
char             *bk_outbox_describe_problem (const char    *problem);
/* "Waiting to be sent", "Being sent", "Delivered, awaiting acceptance", …;
 * translated. */
const char       *bk_outbox_state_describe   (BkOutboxState  state);
/* A time (Unix ms) as local "2026-12-01 10:46"; "-" for 0. */
char             *bk_outbox_dup_time         (gint64         ms);
/* How long ago since (Unix ms) was: "40 seconds", "3 hours", "2 days". */
char             *bk_outbox_dup_age          (gint64         since);
/* "3 submissions were removed unsent after the retention period." */
char             *bk_outbox_dup_expired_text (guint          expired);

G_END_DECLS
