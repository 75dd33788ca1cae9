/* bk-context.h: the services every page is handed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-outbox.h"
#include "bk-settings.h"
#include "bk-store.h"
#include "bk-sync-service.h"
#include "bk-usage.h"
#include "bk-voice.h"

G_BEGIN_DECLS

#define BK_TYPE_CONTEXT (bk_context_get_type ())
G_DECLARE_FINAL_TYPE (BkContext, bk_context, BK, CONTEXT, GObject)

/* store may be NULL: the kiosk could not open its database and says why.
 * voice is always there (silent without speech). */
BkContext  *bk_context_new               (BkStore    *store,
                                          BkSettings *settings,
                                          BkVoice    *voice,
                                          BkUsage    *usage);
BkStore    *bk_context_get_store         (BkContext  *self);
BkSettings *bk_context_get_settings      (BkContext  *self);
BkVoice    *bk_context_get_voice         (BkContext  *self);
BkUsage    *bk_context_get_usage         (BkContext  *self);
/* Nothing can be saved: no store, or a read-only one. */
gboolean    bk_context_get_read_only     (BkContext  *self);
/* Where submissions go (README, "Delivering submissions"): NULL when the
 * kiosk has no delivery file; then they stay for the export. Set by the
 * application before the windows are made. */
BkOutbox   *bk_context_get_outbox        (BkContext  *self);
void        bk_context_set_outbox        (BkContext  *self,
                                          BkOutbox   *outbox);
/* What only staff should see about the start (a broken database), or NULL. */
const char *bk_context_get_staff_warning (BkContext  *self);
void        bk_context_set_staff_warning (BkContext  *self,
                                          const char *warning);

/* The OParl sync in the background (its "finished" and "text-ready" say
 * when the store has news); NULL without a database file to write to. */
BkSyncService *bk_context_get_sync       (BkContext     *self);
void           bk_context_set_sync       (BkContext     *self,
                                          BkSyncService *sync);

G_END_DECLS
