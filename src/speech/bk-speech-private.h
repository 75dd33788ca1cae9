/* bk-speech-private.h: inside the voice
 *
 * Two parts. The text helpers of bk-speech-text.c (language spans, WAVE
 * files, earcons), which tests and the CLI use too. And what the three
 * files of BkSpeech share: the instance struct, the commands to the speech
 * thread, the timeline, and the functions each file offers the others,
 * grouped by the thread they run on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <gst/gst.h>

#include "bk-speech.h"

G_BEGIN_DECLS

/* ---- text helpers (bk-speech-text.c) ------------------------------------------ */

/* A run of text in one language, cut out of "[[lang=xx]]…[[/lang]]" markup. */
typedef struct {
  char  *text;          /* without markers */
  char  *lang;          /* NULL: the utterance's own language */
  guint  char_offset;   /* where text starts in the unmarked text, in characters */
} BkSpeechSegment;

void       bk_speech_segment_free   (BkSpeechSegment *segment);

/* Splits marked text into segments (in order) and returns the unmarked text.
 * Unclosed spans run to the end; nesting is not supported (an inner marker
 * switches language, an end marker returns to the utterance's language). */
GPtrArray *bk_speech_split_lang     (const char      *marked,
                                     char           **unmarked);

/* "de_DE.UTF-8" → "de"; NULL for "C"/"POSIX". */
char      *bk_speech_lang_from_locale (const char    *locale);

/* 16-bit mono RIFF WAVE. */
gboolean   bk_speech_write_wav      (const char      *path,
                                     const guint8    *pcm,
                                     gsize            pcm_len,
                                     guint            sample_rate,
                                     GError         **error);

/* Earcon PCM (16-bit mono at sample_rate), at most 300 ms. */
GBytes    *bk_speech_earcon_pcm     (int              earcon,
                                     guint            sample_rate);

/* For benchmarks: the playback pipeline (owned by the service; do not change its state). */
gpointer   bk_speech_get_pipeline   (BkSpeech        *self);

/* ---- inside BkSpeech ---------------------------------------------------------- */

/* The voice used when the wanted one is missing, and the interface
 * language when the locale names none. */
#define BK_SPEECH_DEFAULT_LANG "de"

/* Commands from the main thread (and GStreamer's bus handlers) to the
 * speech thread. */
typedef enum {
  BK_SPEECH_CMD_SAY,
  BK_SPEECH_CMD_EARCON,
  BK_SPEECH_CMD_STOP,
  BK_SPEECH_CMD_PAUSE,
  BK_SPEECH_CMD_RESUME,
  BK_SPEECH_CMD_SYNTH,
  BK_SPEECH_CMD_BUS_ERROR,
  BK_SPEECH_CMD_DEVICES,
  BK_SPEECH_CMD_QUIT,
} BkSpeechCmdType;

/* bk_speech_synthesize waits on it while the speech thread fills it in. */
typedef struct {
  GMutex        lock;
  GCond         cond;
  gboolean      done;
  const char   *text;
  const char   *lang;
  BkSpeechRate  rate;
  GByteArray   *pcm;
  GArray       *marks;
  gboolean      ok;
  GError       *error;
} BkSpeechSynthRequest;

typedef struct {
  BkSpeechCmdType       type;
  guint                 gen;
  guint                 id;
  char                 *text;      /* marked */
  char                 *lang;
  BkSpeechRate          rate;
  BkEarcon              earcon;
  BkSpeechSynthRequest *synth;
  char                 *message;
} BkSpeechCmd;

/* Something in the current playback session: an utterance or an earcon. */
typedef struct {
  guint         id;          /* 0: an earcon */
  BkEarcon      earcon;
  char         *text;        /* unmarked; what the caption shows */
  char         *lang;
  guint         gen;
  guint64       start;       /* samples from the session start */
  guint64       end;
  gboolean      complete;    /* synthesis done (or aborted) */
  gboolean      started;
  gboolean      finished;
  GArray       *marks;       /* BkSpeechMark; audio_ms from start */
} BkSpeechEntry;

/* What the speech thread reports to the main context (bk_speech_dispatch). */
typedef enum {
  BK_SPEECH_DISPATCH_STARTED,
  BK_SPEECH_DISPATCH_FINISHED,
  BK_SPEECH_DISPATCH_ERROR,
  BK_SPEECH_DISPATCH_HEADSET,
} BkSpeechDispatchKind;

struct _BkSpeech {
  GObject         parent_instance;

  BkSpeechOutput  output;
  GMainContext   *context;        /* where signals are emitted */
  GThread        *thread;
  GAsyncQueue    *queue;          /* BkSpeechCmd */
  int             gen;            /* atomic; bumped by stop and interrupting say */

  /* Main thread only. */
  guint           next_id;
  GHashTable     *pending;        /* ids said and not finished */
  gboolean        enabled;
  BkSpeechRate    rate;
  guint           volume;
  gboolean        paused;
  gboolean        headset_setting;
  gboolean        headset_detected;
  char           *last_text;
  char           *last_lang;
  BkSpeechFlags   last_flags;

  /* Set up by the thread before bk_speech_new returns. */
  GMutex          init_lock;
  GCond           init_cond;
  gboolean        init_done;
  GError         *init_error;
  char           *data_path;
  GstElement     *pipeline;
  GstElement     *appsrc;
  GstElement     *volume_element;
  guint           sample_rate;

  /* Voices and timeline are read by the main thread and the speech thread. */
  GMutex          lock;
  GHashTable     *voices;         /* lang → espeak-ng voice name */
  GPtrArray      *timeline;       /* BkSpeechEntry, in stream order */

  /* Speech thread only. */
  guint           thread_gen;
  guint64         session_samples;
  gboolean        session_active;
  gboolean        session_paused;
  int             tearing_down;   /* atomic: set while end_session stops the pipeline */
  GstDeviceMonitor *monitor;
};

/* bk-speech.c, main thread; bk_speech_dispatch on any thread. */
BkSpeechCmd   *bk_speech_cmd_new            (BkSpeechCmdType       type,
                                             guint                 gen);
void           bk_speech_cmd_free           (BkSpeechCmd          *cmd);
/* Hands cmd to the speech thread, which frees it. */
void           bk_speech_push_cmd           (BkSpeech             *self,
                                             BkSpeechCmd          *cmd);
/* Runs the report on the main context of the thread that created self. */
void           bk_speech_dispatch           (BkSpeech             *self,
                                             BkSpeechDispatchKind  kind,
                                             guint                 gen,
                                             guint                 id,
                                             gboolean              flag,
                                             const char           *text);

/* bk-speech-engine.c: the speech thread's main function (data: the BkSpeech). */
gpointer       bk_speech_thread_main        (gpointer              data);

/* bk-speech-sink.c, speech thread unless noted. */
void           bk_speech_entry_free         (BkSpeechEntry        *entry);
gboolean       bk_speech_sink_build         (BkSpeech             *self,
                                             GError              **error);
void           bk_speech_sink_start_monitor (BkSpeech             *self);
void           bk_speech_sink_update_headset (BkSpeech            *self);
void           bk_speech_sink_stop_monitor  (BkSpeech             *self);
/* Starts a playback session (PLAYING) unless one runs; FALSE, with an
 * error reported, when the device cannot be opened. */
gboolean       bk_speech_sink_ensure_session (BkSpeech            *self);
/* Appends an utterance to the timeline, starting where the stream is now. */
BkSpeechEntry *bk_speech_sink_add_utterance (BkSpeech             *self,
                                             guint                 id,
                                             guint                 gen,
                                             const char           *lang);
/* Queues samples at the end of the stream, timestamped from sample counts. */
void           bk_speech_sink_push_pcm      (BkSpeech             *self,
                                             const gint16         *wav,
                                             gsize                 n_samples);
/* FALSE when the device cannot be opened. */
gboolean       bk_speech_sink_play_earcon   (BkSpeech             *self,
                                             BkEarcon              earcon,
                                             guint                 gen);
void           bk_speech_sink_end_session   (BkSpeech             *self,
                                             gboolean              interrupted,
                                             gboolean              keep_earcons);
/* Reports what the sink has reached; returns how long to wait (µs) until
 * the next utterance boundary, -1 when nothing plays. */
gint64         bk_speech_sink_advance       (BkSpeech             *self);
void           bk_speech_sink_pause         (BkSpeech             *self,
                                             gboolean              paused);
/* The audio output failed: ends the session and closes the device. */
void           bk_speech_sink_fail          (BkSpeech             *self,
                                             const char           *message);
/* Also called on the main thread. */
gint64         bk_speech_sink_query_position (BkSpeech            *self);
void           bk_speech_sink_set_volume    (BkSpeech             *self,
                                             guint                 percent);

G_END_DECLS
