/* bk-sync-panel-private.h: for tests only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-sync-panel.h"

G_BEGIN_DECLS

GtkWidget  *bk_sync_panel_get_endpoints_box (BkSyncPanel *self);
GtkWidget  *bk_sync_panel_get_name_entry    (BkSyncPanel *self);
GtkWidget  *bk_sync_panel_get_url_entry     (BkSyncPanel *self);
GtkWidget  *bk_sync_panel_get_add_button    (BkSyncPanel *self);
const char *bk_sync_panel_get_status        (BkSyncPanel *self);

G_END_DECLS
