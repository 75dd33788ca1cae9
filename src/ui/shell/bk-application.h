/* bk-application.h: the kiosk application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bk-settings.h"
#include "bk-speech.h"

G_BEGIN_DECLS

#define BK_TYPE_APPLICATION (bk_application_get_type ())
G_DECLARE_FINAL_TYPE (BkApplication, bk_application, BK, APPLICATION, AdwApplication)

BkApplication *bk_application_new               (void);
BkSettings    *bk_application_get_settings      (BkApplication  *self);
/* The database from --db, else from the settings; NULL means the default. */
const char    *bk_application_get_database_path (BkApplication  *self);
/* Before the application is registered (started): where speech goes. */
void           bk_application_set_speech_output (BkApplication  *self,
                                                 BkSpeechOutput  output);
/* Before startup (tests; --kiosk): fullscreen windows that cannot be closed. */
void           bk_application_set_kiosk         (BkApplication  *self,
                                                 gboolean        kiosk);
/* The end of a citizen's session: settings back to the kiosk defaults,
 * speech stopped, the usage counted; emits "session-reset". */
void           bk_application_reset_session     (BkApplication  *self);
/* The idle reset: reset_session, and every window new on the start page. */
void           bk_application_end_session       (BkApplication  *self);
/* The interface language from the settings, now: every window is built
 * again in it (page, focus and voice kept). A change of the language or
 * easy-read setting does this by itself, soon after. */
void           bk_application_apply_language    (BkApplication  *self);

G_END_DECLS
