/* bk-settings.h: the kiosk's settings, a facade over GSettings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define BK_TYPE_SETTINGS (bk_settings_get_type ())
G_DECLARE_FINAL_TYPE (BkSettings, bk_settings, BK, SETTINGS, GObject)

/* The kiosk defaults of the citizen's settings. */
#define BK_SETTINGS_DEFAULT_SPEECH_ENABLED   TRUE
#define BK_SETTINGS_DEFAULT_SPEECH_RATE      2
#define BK_SETTINGS_DEFAULT_SPEECH_VOLUME    80
#define BK_SETTINGS_DEFAULT_CAPTIONS_ENABLED TRUE

BkSettings *bk_settings_new                   (void);
gboolean    bk_settings_is_persistent         (BkSettings *self);
const char *bk_settings_get_database_path     (BkSettings *self);
void        bk_settings_set_database_path     (BkSettings *self,
                                               const char *path);

gboolean    bk_settings_get_speech_enabled    (BkSettings *self);
void        bk_settings_set_speech_enabled    (BkSettings *self,
                                               gboolean    enabled);
/* 0 (very slow) … 4 (very fast), as BkSpeechRate */
int         bk_settings_get_speech_rate       (BkSettings *self);
void        bk_settings_set_speech_rate       (BkSettings *self,
                                               int         rate);
/* 0–100 percent */
int         bk_settings_get_speech_volume     (BkSettings *self);
void        bk_settings_set_speech_volume     (BkSettings *self,
                                               int         percent);
gboolean    bk_settings_get_captions_enabled  (BkSettings *self);
void        bk_settings_set_captions_enabled  (BkSettings *self,
                                               gboolean    enabled);
/* A staff setting: kept when a citizen's session ends. */
gboolean    bk_settings_get_headset_connected (BkSettings *self);
void        bk_settings_set_headset_connected (BkSettings *self,
                                               gboolean    connected);

/* The citizen's settings (speech, captions) back to the kiosk defaults. */
void        bk_settings_reset_session         (BkSettings *self);

G_END_DECLS
