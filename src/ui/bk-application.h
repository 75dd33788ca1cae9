/* bk-application.h: the kiosk application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bk-settings.h"
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
void           bk_application_reset_session     (BkApplication *self);

G_END_DECLS
