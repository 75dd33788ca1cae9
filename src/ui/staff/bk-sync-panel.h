/* bk-sync-panel.h: the council information systems on the staff page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "bk-settings.h"
#include "bk-store.h"
#include "bk-sync-service.h"

G_BEGIN_DECLS

#define BK_TYPE_SYNC_PANEL (bk_sync_panel_get_type ())
G_DECLARE_FINAL_TYPE (BkSyncPanel, bk_sync_panel, BK, SYNC_PANEL, GtkWidget)

GtkWidget *bk_sync_panel_new          (void);
/* Any may be NULL: no database, no settings, no sync (nothing to write to). */
void       bk_sync_panel_set_services (BkSyncPanel   *self,
                                       BkStore       *store,
                                       BkSettings    *settings,
                                       BkSyncService *sync);
/* Reads the endpoints and their health again. */
void       bk_sync_panel_refresh      (BkSyncPanel   *self);

G_END_DECLS
