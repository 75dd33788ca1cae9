/* bk-voice.h: the kiosk's self-voicing, over the speech service
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "bk-settings.h"
#include "bk-speech.h"

G_BEGIN_DECLS

#define BK_TYPE_VOICE (bk_voice_get_type ())
G_DECLARE_FINAL_TYPE (BkVoice, bk_voice, BK, VOICE, GObject)

/* The language of the council's texts (motions are German). */
#define BK_VOICE_CONTENT_LANGUAGE "de"

/* speech may be NULL: the kiosk is silent, but visual cues still show. */
BkVoice    *bk_voice_new                     (BkSpeech   *speech,
                                              BkSettings *settings);
BkSpeech   *bk_voice_get_speech              (BkVoice    *self);
BkSettings *bk_voice_get_settings            (BkVoice    *self);
gboolean    bk_voice_has_speech              (BkVoice    *self);

/* While a screen reader runs, the kiosk does not voice focus and pages. */
void        bk_voice_set_screen_reader_running (BkVoice  *self,
                                                gboolean  running);
gboolean    bk_voice_get_screen_reader_running (BkVoice  *self);
/* Speech available and on, and no screen reader. */
gboolean    bk_voice_is_self_voicing         (BkVoice    *self);

/* "Name, role, state, value, position. Description." in the interface
 * language; NULL when there is nothing to say. */
char       *bk_voice_describe_widget         (GtkWidget  *widget);
/* A secret field (a PIN, a password): its text is never said. */
gboolean    bk_voice_is_masked               (GtkWidget  *widget);
/* The language code of the interface ("en", "de"). */
const char *bk_voice_get_interface_language  (void);

/* Self-voicing only (not while a screen reader runs): */
void        bk_voice_speak_focus             (BkVoice    *self,
                                              GtkWidget  *widget,
                                              BkSpeechPriority priority);
void        bk_voice_speak_page              (BkVoice    *self,
                                              const char *text);
void        bk_voice_announce                (BkVoice    *self,
                                              const char *text);

/* On demand, also while a screen reader runs (the citizen asked for it).
 * lang NULL: the interface language. Returns the utterance id or 0. */
guint       bk_voice_say_on_demand           (BkVoice    *self,
                                              const char *text,
                                              const char *lang);

/* What a part of the kiosk's assistive technology (the keypad navigator,
 * switch scanning, the on-screen keyboard) says: first its signal
 * said_signal (const char *text) on speaker, for captions and tests, also
 * without speech; then on demand through voice (may be NULL: silent).
 * Nothing for NULL or "". */
void        bk_voice_say_for                 (BkVoice    *voice,
                                              gpointer    speaker,
                                              guint       said_signal,
                                              const char *text,
                                              const char *lang);

/* The earcon and its visual counterpart on cue_widget (may be NULL). */
void        bk_voice_cue                     (BkVoice    *self,
                                              BkEarcon    earcon,
                                              GtkWidget  *cue_widget);

void        bk_voice_stop                    (BkVoice    *self);
/* Speech stopped, caches dropped, the settings applied again. */
void        bk_voice_reset_session           (BkVoice    *self);
gboolean    bk_voice_get_current_word        (BkVoice    *self,
                                              guint      *utterance_id,
                                              guint      *text_offset,
                                              guint      *length);


/* What the kiosk says when the speech rate (0 slowest … 4 fastest)
 * changes: "Speech rate: slow". */
char       *bk_voice_dup_rate_text           (int         rate);

/* Removes "[[lang=xx]]" and "[[/lang]]" markers. */
char       *bk_voice_strip_markers           (const char *text);

/* Signals: "utterance-started" (guint id, const char *text),
 *          "utterance-finished" (guint id, gboolean interrupted),
 *          "cue" (BkEarcon earcon) — for a banner.
 * Properties: "screen-reader-running", "self-voicing". */

G_END_DECLS
