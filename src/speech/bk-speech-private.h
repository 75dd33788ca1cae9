#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

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

G_END_DECLS
