/* bk-outbox-entry.h: one submission on its way to the authority
 *
 * The delivery metadata the outbox keeps per submission: its state, the
 * encrypted bundle (until the authority accepted it), where it goes and
 * what happened last. Times are Unix milliseconds (UTC).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* pending → sending → submitted → accepted | rejected | failed. A delivery
 * that fails for a while goes back to pending; "failed" is final until
 * staff retry it. */
typedef enum {
  BK_OUTBOX_PENDING,     /* "pending": waiting for its (next) attempt */
  BK_OUTBOX_SENDING,     /* "sending": an attempt started and has not ended */
  BK_OUTBOX_SUBMITTED,   /* "submitted": the destination has it, its answer is awaited */
  BK_OUTBOX_ACCEPTED,    /* "accepted": the authority took it; the bundle is gone */
  BK_OUTBOX_REJECTED,    /* "rejected": the authority refused it */
  BK_OUTBOX_FAILED,      /* "failed": cannot be delivered without staff */
} BkOutboxState;

#define BK_OUTBOX_N_STATES (BK_OUTBOX_FAILED + 1)

const char *bk_outbox_state_to_string   (BkOutboxState  state);
gboolean    bk_outbox_state_from_string (const char    *str,
                                         BkOutboxState *state);
/* Accepted, rejected or failed: nothing more happens by itself. */
gboolean    bk_outbox_state_is_final    (BkOutboxState  state);

typedef struct {
  gint64         id;
  char          *reference;        /* the citizen's reference, "BK-2026-000123-K" */
  char          *idempotency_key;  /* a UUID, the same for every attempt */
  char          *kind;             /* the form, "defect-report" */
  char          *route;            /* the configured route (delivery config) */
  char          *transport;        /* "fit-connect" or "https" */
  char          *recipient;        /* who receives it, "Stadt Auenbach" */
  BkOutboxState  state;
  char          *bundle;           /* the encrypted bundle (JSON of JWEs); NULL once removed, or in lists */
  gsize          bundle_size;      /* its length in bytes; 0 once removed */
  gboolean       bundle_changed;   /* sealed anew: the next update writes it */
  char          *sealed_for;       /* the key (kid) the bundle is encrypted for */
  char          *remote_id;        /* the destination's id for it (FIT-Connect submissionId) */
  char          *case_id;          /* FIT-Connect caseId, or a status address */
  guint          attempts;
  gint64         next_attempt_at;  /* due from then on (ms) */
  gint64         created_at;
  gint64         updated_at;
  gint64         submitted_at;     /* 0 until submitted */
  gint64         finished_at;      /* 0 until accepted, rejected or failed */
  char          *last_error;       /* in words, for staff; NULL when none */
  char          *bundle_removed;   /* why the bundle is gone: "accepted", "retention"; NULL while kept */
} BkOutboxEntry;

BkOutboxEntry *bk_outbox_entry_new  (void);
void           bk_outbox_entry_free (BkOutboxEntry *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BkOutboxEntry, bk_outbox_entry_free)

/* What the staff page and `buergerkiosk-ctl outbox status` show. */
typedef struct {
  guint   counts[BK_OUTBOX_N_STATES];
  gint64  oldest_waiting;      /* created_at of the oldest pending/sending entry; 0 when none */
  char   *oldest_reference;
  char   *last_error;          /* the newest error of an entry not accepted; NULL when none */
  gint64  last_error_at;
  guint   expired;             /* bundles removed unsent after the retention period */
} BkOutboxSummary;

void           bk_outbox_summary_clear (BkOutboxSummary *self);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (BkOutboxSummary, bk_outbox_summary_clear)

G_END_DECLS
