/* bk-speech.h: the kiosk's own voice
 *
 * espeak-ng on a speech thread, audio through GStreamer, word positions
 * from what the sink plays (EN 301 549 5.1.3).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The kiosk's own voice (EN 301 549 5.1.3): espeak-ng on one speech thread,
 * synchronous synthesis, audio through GStreamer. Use from the main thread;
 * signals are emitted on the main context of the thread that created it. */

#define BK_TYPE_SPEECH (bk_speech_get_type ())
G_DECLARE_FINAL_TYPE (BkSpeech, bk_speech, BK, SPEECH, GObject)

typedef enum {
  BK_SPEECH_OUTPUT_AUDIO,    /* the default audio device (PipeWire, PulseAudio or ALSA) */
  BK_SPEECH_OUTPUT_MEMORY,   /* no device: audio is kept in memory and "played" in real
                              * time by the clock, so positions and events behave as with a
                              * device; for tests and benchmarks */
} BkSpeechOutput;

typedef enum {
  BK_SPEECH_INTERRUPT,       /* caused by a user action: replaces what is playing and queued */
  BK_SPEECH_QUEUE,           /* an announcement: plays after what is queued */
} BkSpeechPriority;

typedef enum {
  BK_SPEECH_FLAG_NONE = 0,
  BK_SPEECH_FLAG_PRIVATE = 1 << 0,  /* spoken only when the output is a headset */
} BkSpeechFlags;

/* Five steps, very slow to very fast; NORMAL is the default. */
typedef enum {
  BK_SPEECH_RATE_VERY_SLOW,
  BK_SPEECH_RATE_SLOW,
  BK_SPEECH_RATE_NORMAL,
  BK_SPEECH_RATE_FAST,
  BK_SPEECH_RATE_VERY_FAST,
} BkSpeechRate;

/* Short distinct sounds (at most 300 ms); the UI shows a visual counterpart. */
typedef enum {
  BK_EARCON_MOVE,
  BK_EARCON_ACTIVATE,
  BK_EARCON_ERROR,
  BK_EARCON_EDGE,          /* the start or end of a list was reached */
} BkEarcon;

#define BK_SPEECH_N_RATES 5
#define BK_SPEECH_VOLUME_STEP 10      /* percent */
#define BK_SPEECH_DEFAULT_VOLUME 80   /* percent */

/* A word or sentence as espeak-ng reports it. */
typedef struct {
  guint    text_offset;   /* in characters of the utterance's text, 0-based */
  guint    length;        /* in characters */
  guint    audio_ms;      /* from the start of the utterance's audio */
  gboolean sentence;      /* TRUE: the start of a sentence, FALSE: a word */
} BkSpeechMark;

/* Creates the service and starts its thread. Fails with a clear message when the
 * voice data is missing (G_IO_ERROR_NOT_FOUND) or, for BK_SPEECH_OUTPUT_AUDIO,
 * when no audio device can be opened (G_IO_ERROR_NOT_CONNECTED); the kiosk then
 * runs without sound. */
BkSpeech   *bk_speech_new              (BkSpeechOutput   output,
                                        GError         **error);

/* Speaks text in the voice for lang ("de", "en", "tr", "ar", "uk"; NULL: the
 * interface language). Text may mark foreign-language spans as
 * "…[[lang=en]]Open Data[[/lang]]…": those switch voice; the markers are not
 * spoken and do not count in text offsets. Returns the utterance id (> 0), or 0
 * when nothing will be spoken (empty text, speech off, private text without a
 * headset). */
guint       bk_speech_say              (BkSpeech        *self,
                                        const char      *text,
                                        const char      *lang,
                                        BkSpeechPriority priority,
                                        BkSpeechFlags    flags);
/* For a masked field: says "character entered", never the character. */
guint       bk_speech_say_masked_input (BkSpeech        *self);

/* Plays an earcon now, before any speech that follows; does not interrupt speech. */
void        bk_speech_play_earcon      (BkSpeech        *self,
                                        BkEarcon         earcon);

void        bk_speech_stop             (BkSpeech        *self);   /* silence at once, queue dropped */
void        bk_speech_pause            (BkSpeech        *self);
void        bk_speech_resume           (BkSpeech        *self);
gboolean    bk_speech_is_paused        (BkSpeech        *self);
gboolean    bk_speech_is_speaking      (BkSpeech        *self);
void        bk_speech_repeat           (BkSpeech        *self);   /* the last utterance again */
void        bk_speech_repeat_sentence  (BkSpeech        *self);   /* the sentence being heard */

void        bk_speech_set_enabled      (BkSpeech        *self,
                                        gboolean         enabled);
gboolean    bk_speech_get_enabled      (BkSpeech        *self);
void        bk_speech_set_rate         (BkSpeech        *self,
                                        BkSpeechRate     rate);
BkSpeechRate bk_speech_get_rate        (BkSpeech        *self);
/* 0–100 percent, rounded to BK_SPEECH_VOLUME_STEP. */
void        bk_speech_set_volume       (BkSpeech        *self,
                                        guint            percent);
guint       bk_speech_get_volume       (BkSpeech        *self);
/* espeak-ng voice name for a language, e.g. ("de", "de+f3"); NULL voice: the default. */
void        bk_speech_set_voice        (BkSpeech        *self,
                                        const char      *lang,
                                        const char      *voice);
/* Whether private text may be spoken: the audio system says the output is a
 * headset, or staff said so (BkSettings "headset-connected"). */
void        bk_speech_set_headset      (BkSpeech        *self,
                                        gboolean         headset);
gboolean    bk_speech_get_headset      (BkSpeech        *self);
/* The end of a citizen's session: speech stopped, voice variants and the
 * last utterance (for Repeat) forgotten. Rate, volume and on/off are not
 * touched: they belong to the settings, which the caller applies. */
void        bk_speech_reset            (BkSpeech        *self);

/* The word being heard now, from the sink's played position (not synthesis
 * progress). FALSE when nothing is playing. */
gboolean    bk_speech_get_current_word (BkSpeech        *self,
                                        guint           *utterance_id,
                                        guint           *text_offset,
                                        guint           *length);

/* Synthesises without playing, on the speech thread, waiting for it: for the
 * CLI and tests. pcm receives 16-bit mono samples at *sample_rate; marks
 * (BkSpeechMark) the word and sentence events. */
gboolean    bk_speech_synthesize       (BkSpeech        *self,
                                        const char      *text,
                                        const char      *lang,
                                        BkSpeechRate     rate,
                                        GByteArray      *pcm,
                                        guint           *sample_rate,
                                        GArray          *marks,
                                        GError         **error);

/* Signals:
 *   "utterance-started"  (guint id, const char *text)  — the text as shown in a caption
 *   "utterance-finished" (guint id, gboolean interrupted)
 *   "error"              (const char *message)         — e.g. the audio device went away
 * Properties: "enabled", "rate", "volume", "speaking", "paused", "headset". */

G_END_DECLS
