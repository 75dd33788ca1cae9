/* bk-outbox-entry.c: one submission on its way to the authority
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-outbox"

#include "bk-outbox-entry.h"

static const char *const state_names[] = {
  [BK_OUTBOX_PENDING] = "pending",
  [BK_OUTBOX_SENDING] = "sending",
  [BK_OUTBOX_SUBMITTED] = "submitted",
  [BK_OUTBOX_ACCEPTED] = "accepted",
  [BK_OUTBOX_REJECTED] = "rejected",
  [BK_OUTBOX_FAILED] = "failed",
};

const char *
bk_outbox_state_to_string (BkOutboxState state)
{
  if ((guint) state >= G_N_ELEMENTS (state_names))
    return NULL;
  return state_names[state];
}

gboolean
bk_outbox_state_from_string (const char    *str,
                             BkOutboxState *state)
{
  for (guint i = 0; i < G_N_ELEMENTS (state_names); i++)
    if (g_strcmp0 (str, state_names[i]) == 0)
      {
        *state = (BkOutboxState) i;
        return TRUE;
      }
  return FALSE;
}

gboolean
bk_outbox_state_is_final (BkOutboxState state)
{
  return state == BK_OUTBOX_ACCEPTED || state == BK_OUTBOX_REJECTED || state == BK_OUTBOX_FAILED;
}

BkOutboxEntry *
bk_outbox_entry_new (void)
{
  return g_new0 (BkOutboxEntry, 1);
}

void
bk_outbox_entry_free (BkOutboxEntry *self)
{
  if (self == NULL)
    return;
  g_free (self->reference);
  g_free (self->idempotency_key);
  g_free (self->kind);
  g_free (self->route);
  g_free (self->transport);
  g_free (self->recipient);
  g_free (self->bundle);
  g_free (self->sealed_for);
  g_free (self->remote_id);
  g_free (self->case_id);
  g_free (self->last_error);
  g_free (self->bundle_removed);
  g_free (self);
}

void
bk_outbox_summary_clear (BkOutboxSummary *self)
{
  g_clear_pointer (&self->oldest_reference, g_free);
  g_clear_pointer (&self->last_error, g_free);
  *self = (BkOutboxSummary) { 0 };
}
