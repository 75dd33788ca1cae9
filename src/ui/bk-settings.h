/* bk-settings.h: the kiosk's settings, a facade over GSettings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define BK_TYPE_SETTINGS (bk_settings_get_type ())
G_DECLARE_FINAL_TYPE (BkSettings, bk_settings, BK, SETTINGS, GObject)

BkSettings *bk_settings_new               (void);
gboolean    bk_settings_is_persistent     (BkSettings *self);
const char *bk_settings_get_database_path (BkSettings *self);
void        bk_settings_set_database_path (BkSettings *self,
                                           const char *path);

G_END_DECLS
