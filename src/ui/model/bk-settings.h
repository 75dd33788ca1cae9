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
const char *bk_settings_get_database_path     (BkSettings *self);

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

/* Any key by name (its property has the same name). The session keys:
 *   theme           "standard", "high-contrast-dark", "high-contrast-light",
 *                   "yellow-on-black"
 *   text-scale      100 … 300 (percent; the panel offers 100, 150, 200, 300)
 *   language        "de", "en", "tr", "ar", "uk"
 *   easy-read       Leichte Sprache for the interface and the help
 *   reduced-motion  no animations
 *   key-debounce    0 … 1000 ms: the same key again within it is ignored
 *   explore-mode    keys and touches only say what they are
 *   scan-mode       "off", "one-switch", "two-switch"
 *   scan-interval   500 … 5000 ms between automatic scanning steps
 * Staff keys: database-path, headset-connected, keypad-map, osk-auto-open
 * (the on-screen keyboard opens when a text field is touched), and in seconds
 *   idle-timeout    1 … 86400 (120): no input, then the end-of-session warning
 *   idle-warning    20 … 600 (30): how long the warning waits
 *   attract-after   10 … 86400 (300): the attract screen
 *   dim-after       10 … 86400 (600): the screen dimmed
 * and for staff mode: import-folder, export-folder ("": under
 * $XDG_DATA_HOME/buergerkiosk), municipality, default-language ("" or a
 * language: the language each new session starts in); for the OParl sync:
 * oparl-endpoints (a(ss): display name, System URL), oparl-sync-interval
 * (minutes, 0: only when asked), oparl-full-sync-days; the demonstration
 * tour: tour-file ("": the built-in steps), tour-loop; care-home mode:
 * care-home-mode, care-home-press-delay (ms), care-home-idle-timeout (s). */
gboolean    bk_settings_get_boolean           (BkSettings *self,
                                               const char *key);
void        bk_settings_set_boolean           (BkSettings *self,
                                               const char *key,
                                               gboolean    value);
int         bk_settings_get_int               (BkSettings *self,
                                               const char *key);
void        bk_settings_set_int               (BkSettings *self,
                                               const char *key,
                                               int         value);
const char *bk_settings_get_string            (BkSettings *self,
                                               const char *key);
/* value must be one of the key's choices, else it is ignored with a warning */
void        bk_settings_set_string            (BkSettings *self,
                                               const char *key,
                                               const char *value);
/* A variant key (keypad-map, oparl-endpoints); owned by self. The value
 * must have the key's type, else it is ignored with a warning. */
GVariant   *bk_settings_get_variant           (BkSettings *self,
                                               const char *key);
void        bk_settings_set_variant           (BkSettings *self,
                                               const char *key,
                                               GVariant   *value);
/* action name → key names (a{sas}): up, down, action, help, back, next,
 * volume-down, volume-up, accessibility, explore, switch-select, switch-step,
 * left, right */
GVariant   *bk_settings_get_keypad_map        (BkSettings *self);
void        bk_settings_set_keypad_map        (BkSettings *self,
                                               GVariant   *map);
const char * const *bk_settings_get_choices   (const char *key);
gboolean    bk_settings_is_session_key        (const char *key);
GVariant   *bk_settings_dup_kiosk_default     (BkSettings *self,
                                               const char *key);

/* The citizen's settings back to the kiosk defaults: the schema's defaults,
 * which a deployment sets with a gschema override or dconf. */
void        bk_settings_reset_session         (BkSettings *self);

G_END_DECLS
