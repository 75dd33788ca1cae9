/* bk-speech-engine.c: the speech thread: its command loop and espeak-ng
 *
 * Everything here runs on the speech thread that bk_speech_new starts.
 * espeak-ng keeps global state and is not thread-safe, so this thread makes
 * every espeak-ng call, under engine_lock. Synthesis runs far faster than
 * real time: an utterance is synthesised at once, and synth_cb hands its
 * samples to the sink (bk-speech-sink.c) together with the word and
 * sentence marks. Between commands the loop waits until the sink reaches
 * the next utterance boundary, or blocks on the queue when nothing plays.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-speech"

#include "bk-config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <espeak-ng/espeak_ng.h>

#include "bk-speech-private.h"

/* espeakRATE in words per minute: 175 is espeak-ng's normal; the steps are about
 * a quarter apart, so each one is clearly audible. */
static const int rate_wpm[BK_SPEECH_N_RATES] = { 110, 140, 175, 220, 280 };

/* espeak-ng is process-global: one engine, initialised once (espeak_ng_Terminate
 * hangs in 1.51's synchronous mode, so it is never called) and used under this lock
 * by the speech thread of whichever BkSpeech exists; the kiosk has one. */
static GMutex engine_lock;
static gboolean engine_ready;
static char *engine_voice;       /* the voice set last, to skip needless switches */

/* ---- espeak-ng (speech thread, engine_lock held) ------------------------------ */

typedef struct {
  BkSpeech      *self;
  BkSpeechEntry *entry;         /* playing: the timeline entry, else NULL */
  GByteArray    *pcm;           /* synthesize only */
  GArray        *marks;         /* synthesize only */
  guint          char_base;     /* the segment's offset in the unmarked text */
  guint64        seg_samples;   /* samples of the utterance before this segment */
  guint64        samples;       /* samples of the utterance so far */
  gboolean       check_gen;
  gboolean       aborted;
  gboolean       mid_sentence;  /* the segment continues a sentence of the previous one */
  guint          seg_words;
} SynthContext;

static SynthContext *current_synth;   /* engine_lock held */

static int
synth_cb (short        *wav,
          int           numsamples,
          espeak_EVENT *events)
{
  SynthContext *ctx = current_synth;
  BkSpeech *self;

  if (ctx == NULL)
    return 1;
  self = ctx->self;
  if (ctx->check_gen && (guint) g_atomic_int_get (&self->gen) != self->thread_gen)
    {
      ctx->aborted = TRUE;
      return 1;   /* espeak-ng stops the clause: the cheap way to cancel */
    }

  for (espeak_EVENT *ev = events; ev != NULL && ev->type != espeakEVENT_LIST_TERMINATED; ev++)
    {
      BkSpeechMark mark = { 0, };
      guint64 sample;

      if (ev->type != espeakEVENT_WORD && ev->type != espeakEVENT_SENTENCE)
        continue;
      if (ev->type == espeakEVENT_WORD && ev->length <= 0)
        continue;
      /* espeak-ng starts a sentence with every espeak_Synth; a foreign-language
       * span inside a sentence does not. */
      if (ev->type == espeakEVENT_SENTENCE && ctx->mid_sentence && ctx->seg_words == 0)
        continue;
      if (ev->type == espeakEVENT_WORD)
        ctx->seg_words++;
      sample = ctx->seg_samples + (ev->sample > 0 ? (guint64) ev->sample : 0);
      /* text_position is 1-based and counts characters. */
      mark.text_offset = ctx->char_base + (ev->text_position > 0 ? ev->text_position - 1 : 0);
      mark.length = ev->type == espeakEVENT_WORD ? (guint) ev->length : 0;
      mark.audio_ms = sample * 1000 / self->sample_rate;
      mark.sentence = ev->type == espeakEVENT_SENTENCE;
      if (ctx->entry != NULL)
        {
          g_mutex_lock (&self->lock);
          g_array_append_val (ctx->entry->marks, mark);
          g_mutex_unlock (&self->lock);
        }
      else if (ctx->marks != NULL)
        g_array_append_val (ctx->marks, mark);
    }

  if (wav != NULL && numsamples > 0)
    {
      if (ctx->entry != NULL)
        {
          bk_speech_sink_push_pcm (self, wav, numsamples);
          g_mutex_lock (&self->lock);
          ctx->entry->end = self->session_samples;
          g_mutex_unlock (&self->lock);
        }
      else if (ctx->pcm != NULL)
        g_byte_array_append (ctx->pcm, (const guint8 *) wav, numsamples * 2);
      ctx->samples += numsamples;
    }
  return 0;
}

static gboolean
set_voice_locked (BkSpeech   *self,
                  const char *lang)
{
  g_autofree char *name = NULL;
  espeak_ng_STATUS status;

  g_mutex_lock (&self->lock);
  name = g_strdup (g_hash_table_lookup (self->voices, lang));
  g_mutex_unlock (&self->lock);
  if (name == NULL)
    name = g_strdup (lang);
  if (g_strcmp0 (engine_voice, name) == 0)
    return TRUE;
  status = espeak_ng_SetVoiceByName (name);
  if (status != ENS_OK)
    {
      g_debug ("No espeak-ng voice %s (status %d)", name, status);
      return FALSE;
    }
  g_free (engine_voice);
  engine_voice = g_steal_pointer (&name);
  return TRUE;
}

/* Synthesises marked text segment by segment, each in its language's voice. Returns
 * the unmarked text. engine_lock must be held. */
static char *
synth_marked (BkSpeech     *self,
              SynthContext *ctx,
              const char   *marked,
              const char   *lang,
              BkSpeechRate  rate,
              GError      **error)
{
  g_autoptr(GPtrArray) segments = NULL;
  char *unmarked = NULL;

  segments = bk_speech_split_lang (marked, &unmarked);
  espeak_SetParameter (espeakRATE, rate_wpm[CLAMP (rate, 0, BK_SPEECH_N_RATES - 1)], 0);
  current_synth = ctx;
  for (guint i = 0; i < segments->len && !ctx->aborted; i++)
    {
      BkSpeechSegment *segment = g_ptr_array_index (segments, i);
      const char *seg_lang = segment->lang != NULL ? segment->lang : lang;
      gboolean last = i + 1 == segments->len;
      espeak_ERROR status;

      if (!set_voice_locked (self, seg_lang) && !set_voice_locked (self, lang)
          && !set_voice_locked (self, BK_SPEECH_DEFAULT_LANG))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                       _("No voice for the language “%s”"), seg_lang);
          break;
        }
      ctx->char_base = segment->char_offset;
      ctx->mid_sentence = FALSE;
      ctx->seg_words = 0;
      if (i > 0)
        {
          BkSpeechSegment *prev = g_ptr_array_index (segments, i - 1);
          g_autofree char *tail = g_strchomp (g_strdup (prev->text));
          gsize n = strlen (tail);

          ctx->mid_sentence = n > 0 && strchr (".!?:", tail[n - 1]) == NULL;
        }
      ctx->seg_samples = ctx->samples;
      /* A pause only at the end: a foreign word must flow on within its sentence. */
      status = espeak_Synth (segment->text, strlen (segment->text) + 1, 0, POS_CHARACTER, 0,
                             espeakCHARS_UTF8 | (last ? espeakENDPAUSE : 0), NULL, NULL);
      if (status != EE_OK && !ctx->aborted)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       _("Speech synthesis failed (espeak-ng error %d)"), status);
          break;
        }
    }
  current_synth = NULL;
  return unmarked;
}

static void
handle_say (BkSpeech    *self,
            BkSpeechCmd *cmd)
{
  g_autoptr(GError) error = NULL;
  SynthContext ctx = { 0, };
  BkSpeechEntry *entry;

  if (!bk_speech_sink_ensure_session (self))
    {
      bk_speech_dispatch (self, BK_SPEECH_DISPATCH_FINISHED, cmd->gen, cmd->id, TRUE, NULL);
      return;
    }
  entry = bk_speech_sink_add_utterance (self, cmd->id, cmd->gen, cmd->lang);

  ctx.self = self;
  ctx.entry = entry;
  ctx.check_gen = TRUE;
  g_mutex_lock (&engine_lock);
  {
    char *unmarked = synth_marked (self, &ctx, cmd->text, cmd->lang, cmd->rate, &error);
    g_mutex_lock (&self->lock);
    entry->text = unmarked;
    entry->complete = TRUE;
    g_mutex_unlock (&self->lock);
  }
  g_mutex_unlock (&engine_lock);
  if (error != NULL)
    bk_speech_dispatch (self, BK_SPEECH_DISPATCH_ERROR, 0, 0, FALSE, error->message);
  if (entry->end == entry->start)
    {
      /* Nothing audible (e.g. only punctuation): finish it right away. */
      entry->started = entry->finished = TRUE;
      bk_speech_dispatch (self, BK_SPEECH_DISPATCH_FINISHED, entry->gen, entry->id, ctx.aborted, NULL);
    }
}

static void
handle_synth (BkSpeech             *self,
              BkSpeechSynthRequest *req)
{
  SynthContext ctx = { 0, };
  g_autofree char *unmarked = NULL;

  ctx.self = self;
  ctx.pcm = req->pcm;
  ctx.marks = req->marks;
  g_mutex_lock (&engine_lock);
  unmarked = synth_marked (self, &ctx, req->text, req->lang, req->rate, &req->error);
  g_mutex_unlock (&engine_lock);
  g_mutex_lock (&req->lock);
  req->ok = req->error == NULL;
  req->done = TRUE;
  g_cond_signal (&req->cond);
  g_mutex_unlock (&req->lock);
}

static gboolean
init_engine (BkSpeech *self,
             GError  **error)
{
  espeak_ng_ERROR_CONTEXT context = NULL;
  espeak_ng_STATUS status;

  g_mutex_lock (&engine_lock);
  if (!engine_ready)
    {
      espeak_ng_InitializePath (self->data_path);
      status = espeak_ng_Initialize (&context);
      if (status != ENS_OK)
        {
          char message[512];

          espeak_ng_GetStatusCodeMessage (status, message, sizeof message);
          espeak_ng_ClearErrorContext (&context);
          g_mutex_unlock (&engine_lock);
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                       _("The voice data cannot be loaded: %s"), message);
          return FALSE;
        }
      espeak_ng_InitializeOutput (ENOUTPUT_MODE_SYNCHRONOUS, 20, NULL);
      espeak_SetSynthCallback (synth_cb);
      engine_ready = TRUE;
    }
  self->sample_rate = espeak_ng_GetSampleRate ();
  g_clear_pointer (&engine_voice, g_free);
  if (!set_voice_locked (self, BK_SPEECH_DEFAULT_LANG))
    {
      g_mutex_unlock (&engine_lock);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("The German voice is missing from the voice data"));
      return FALSE;
    }
  g_mutex_unlock (&engine_lock);
  return TRUE;
}

gpointer
bk_speech_thread_main (gpointer data)
{
  BkSpeech *self = data;
  GError *error = NULL;
  gboolean ok;

  ok = init_engine (self, &error) && bk_speech_sink_build (self, &error);
  if (ok && self->output == BK_SPEECH_OUTPUT_AUDIO)
    bk_speech_sink_start_monitor (self);

  g_mutex_lock (&self->init_lock);
  self->init_error = error;
  self->init_done = TRUE;
  g_cond_signal (&self->init_cond);
  g_mutex_unlock (&self->init_lock);
  if (!ok)
    return NULL;

  for (;;)
    {
      gint64 wait = bk_speech_sink_advance (self);
      BkSpeechCmd *cmd = wait < 0 ? g_async_queue_pop (self->queue)
                                  : g_async_queue_timeout_pop (self->queue, wait);

      if (cmd == NULL)
        continue;
      if (cmd->type == BK_SPEECH_CMD_QUIT)
        {
          bk_speech_cmd_free (cmd);
          break;
        }

      /* A newer generation (stop or an interrupting say): silence what plays. */
      if ((cmd->type == BK_SPEECH_CMD_SAY || cmd->type == BK_SPEECH_CMD_EARCON
           || cmd->type == BK_SPEECH_CMD_STOP)
          && cmd->gen > self->thread_gen)
        {
          self->thread_gen = cmd->gen;
          bk_speech_sink_end_session (self, TRUE, cmd->type == BK_SPEECH_CMD_SAY);
        }

      switch (cmd->type)
        {
        case BK_SPEECH_CMD_SAY:
          if (cmd->gen < self->thread_gen || cmd->gen != (guint) g_atomic_int_get (&self->gen))
            bk_speech_dispatch (self, BK_SPEECH_DISPATCH_FINISHED, cmd->gen, cmd->id, TRUE, NULL);
          else
            handle_say (self, cmd);
          break;
        case BK_SPEECH_CMD_EARCON:
          if (cmd->gen >= self->thread_gen)
            bk_speech_sink_play_earcon (self, cmd->earcon, cmd->gen);
          break;
        case BK_SPEECH_CMD_STOP:
          break;
        case BK_SPEECH_CMD_PAUSE:
          bk_speech_sink_pause (self, TRUE);
          break;
        case BK_SPEECH_CMD_RESUME:
          bk_speech_sink_pause (self, FALSE);
          break;
        case BK_SPEECH_CMD_SYNTH:
          handle_synth (self, cmd->synth);
          break;
        case BK_SPEECH_CMD_BUS_ERROR:
          bk_speech_sink_fail (self, cmd->message);
          break;
        case BK_SPEECH_CMD_DEVICES:
          bk_speech_sink_update_headset (self);
          break;
        case BK_SPEECH_CMD_QUIT:
          break;
        default:
          g_assert_not_reached ();
        }
      bk_speech_cmd_free (cmd);
    }

  bk_speech_sink_end_session (self, TRUE, FALSE);
  bk_speech_sink_stop_monitor (self);
  return NULL;
}
