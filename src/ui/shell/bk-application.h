/* bk-application.h: the kiosk application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bk-session.h"
#include "bk-settings.h"
#include "bk-stats.h"
#include "bk-speech.h"
#include "bk-voice.h"

G_BEGIN_DECLS

#define BK_TYPE_APPLICATION (bk_application_get_type ())
G_DECLARE_FINAL_TYPE (BkApplication, bk_application, BK, APPLICATION, AdwApplication)

BkApplication *bk_application_new               (void);
BkSettings    *bk_application_get_settings      (BkApplication *self);
const char    *bk_application_get_database_path (BkApplication *self);

void           bk_application_set_speech_output (BkApplication  *self,
                                                 BkSpeechOutput  output);
BkSpeech      *bk_application_get_speech        (BkApplication *self);
BkVoice       *bk_application_get_voice         (BkApplication *self);
void           bk_application_set_screen_reader_running (BkApplication *self,
                                                         gboolean       running);
/* Emits "session-reset" (connect to it to forget a citizen's data). */
void           bk_application_reset_session     (BkApplication *self);
/* The idle reset: reset_session, and every window new on the start page. */
void           bk_application_end_session       (BkApplication *self);
BkSession     *bk_application_get_session       (BkApplication *self);
/* Staff mode: the session's statistics (written at its end, see
 * "session-reset") and the warning only staff see. */
BkStatsBatch  *bk_application_get_stats         (BkApplication *self);
const char    *bk_application_get_staff_warning (BkApplication *self);
void           bk_application_set_kiosk         (BkApplication *self,
                                                 gboolean       kiosk);
gboolean       bk_application_get_kiosk         (BkApplication *self);
void           bk_application_apply_language    (BkApplication *self);

G_END_DECLS
