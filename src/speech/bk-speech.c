/* bk-speech.c: the kiosk's own voice.
 *
 * One speech thread makes every espeak-ng call (espeak-ng keeps global state and is
 * not thread-safe) and owns the GStreamer pipeline
 *   appsrc ! audioconvert ! audioresample ! volume ! autoaudiosink (or fakesink sync=TRUE)
 * The main thread only sends commands through a GAsyncQueue and reads the
 * timeline (which audio is where in the stream) under a mutex.
 *
 * Synthesis runs far faster than real time, so an utterance is synthesised at once
 * and its buffers are queued in appsrc, timestamped from sample counts. What the
 * user hears is then answered from the sink's position (gst_element_query_position),
 * never from synthesis progress: word highlighting, utterance-started and
 * utterance-finished follow the sound. While something plays the thread waits with
 * a timeout until the next utterance boundary; when idle it blocks on the queue and
 * the pipeline is in READY, so an idle service uses no CPU. */

#define G_LOG_DOMAIN "bk-speech"

#include "bk-config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <gst/gst.h>
#include <gst/app/gstappsrc.h>
#include <espeak-ng/espeak_ng.h>

#include "bk-speech.h"
#include "bk-speech-private.h"

/* espeakRATE in words per minute: 175 is espeak-ng's normal; the steps are about
 * a quarter apart, so each one is clearly audible. */
static const int rate_wpm[BK_SPEECH_N_RATES] = { 110, 140, 175, 220, 280 };

#define DEFAULT_LANG "de"

typedef enum {
  CMD_SAY,
  CMD_EARCON,
  CMD_STOP,
  CMD_PAUSE,
  CMD_RESUME,
  CMD_SYNTH,
  CMD_BUS_ERROR,
  CMD_DEVICES,
  CMD_QUIT,
} CmdType;

typedef struct {
  GMutex      lock;
  GCond       cond;
  gboolean    done;
  const char *text;
  const char *lang;
  BkSpeechRate rate;
  GByteArray *pcm;
  GArray     *marks;
  gboolean    ok;
  GError     *error;
} SynthRequest;

typedef struct {
  CmdType       type;
  guint         gen;
  guint         id;
  char         *text;      /* marked */
  char         *lang;
  BkSpeechRate  rate;
  BkEarcon      earcon;
  SynthRequest *synth;
  char         *message;
} Cmd;

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
} Entry;

typedef enum {
  DISPATCH_STARTED,
  DISPATCH_FINISHED,
  DISPATCH_ERROR,
  DISPATCH_HEADSET,
} DispatchKind;

typedef struct {
  GWeakRef     self;
  DispatchKind kind;
  guint        gen;
  guint        id;
  gboolean     flag;
  char        *text;
} Dispatch;

struct _BkSpeech {
  GObject         parent_instance;

  BkSpeechOutput  output;
  GMainContext   *context;        /* where signals are emitted */
  GThread        *thread;
  GAsyncQueue    *queue;          /* Cmd */
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
  GPtrArray      *timeline;       /* Entry, in stream order */

  /* Speech thread only. */
  guint           thread_gen;
  guint64         session_samples;
  gboolean        session_active;
  gboolean        session_paused;
  int             tearing_down;   /* atomic: set while end_session stops the pipeline */
  GstDeviceMonitor *monitor;
};

G_DEFINE_TYPE (BkSpeech, bk_speech, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ENABLED,
  PROP_RATE,
  PROP_VOLUME,
  PROP_SPEAKING,
  PROP_PAUSED,
  PROP_HEADSET,
  N_PROPS
};

enum {
  SIGNAL_UTTERANCE_STARTED,
  SIGNAL_UTTERANCE_FINISHED,
  SIGNAL_ERROR,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* espeak-ng is process-global: one engine, initialised once (espeak_ng_Terminate
 * hangs in 1.51's synchronous mode, so it is never called) and used under this lock
 * by the speech thread of whichever BkSpeech exists; the kiosk has one. */
static GMutex engine_lock;
static gboolean engine_ready;
static char *engine_voice;       /* the voice set last, to skip needless switches */

static void
cmd_free (Cmd *cmd)
{
  g_free (cmd->text);
  g_free (cmd->lang);
  g_free (cmd->message);
  g_free (cmd);
}

static void
entry_free (Entry *entry)
{
  g_free (entry->text);
  g_free (entry->lang);
  g_array_unref (entry->marks);
  g_free (entry);
}

static void
push_cmd (BkSpeech *self, Cmd *cmd)
{
  g_async_queue_push (self->queue, cmd);
}

static Cmd *
cmd_new (CmdType type, guint gen)
{
  Cmd *cmd = g_new0 (Cmd, 1);

  cmd->type = type;
  cmd->gen = gen;
  return cmd;
}

/* ---- main-context dispatch ------------------------------------------------------ */

static void
dispatch_free (gpointer data)
{
  Dispatch *d = data;

  g_weak_ref_clear (&d->self);
  g_free (d->text);
  g_free (d);
}

static void
set_speaking_done (BkSpeech *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPEAKING]);
  if (self->paused)
    {
      self->paused = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAUSED]);
    }
}

static gboolean
dispatch_cb (gpointer data)
{
  Dispatch *d = data;
  g_autoptr(BkSpeech) self = g_weak_ref_get (&d->self);

  if (self == NULL)
    return G_SOURCE_REMOVE;

  switch (d->kind)
    {
    case DISPATCH_STARTED:
      /* Stale: a stop or an interruption happened since the sound started. */
      if (d->gen != (guint) g_atomic_int_get (&self->gen)
          || !g_hash_table_contains (self->pending, GUINT_TO_POINTER (d->id)))
        break;
      g_signal_emit (self, signals[SIGNAL_UTTERANCE_STARTED], 0, d->id, d->text);
      break;
    case DISPATCH_FINISHED:
      /* Every id gets exactly one "finished", even one dropped before it started,
       * so that the UI can clean up after it. */
      if (!g_hash_table_remove (self->pending, GUINT_TO_POINTER (d->id)))
        break;
      g_signal_emit (self, signals[SIGNAL_UTTERANCE_FINISHED], 0, d->id, d->flag);
      if (g_hash_table_size (self->pending) == 0)
        set_speaking_done (self);
      break;
    case DISPATCH_ERROR:
      g_signal_emit (self, signals[SIGNAL_ERROR], 0, d->text);
      break;
    case DISPATCH_HEADSET:
      if (self->headset_detected != d->flag)
        {
          gboolean before = bk_speech_get_headset (self);

          self->headset_detected = d->flag;
          if (before != bk_speech_get_headset (self))
            g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HEADSET]);
        }
      break;
    }
  return G_SOURCE_REMOVE;
}

/* Called on the speech thread (or a GStreamer thread). */
static void
dispatch (BkSpeech     *self,
          DispatchKind  kind,
          guint         gen,
          guint         id,
          gboolean      flag,
          const char   *text)
{
  Dispatch *d = g_new0 (Dispatch, 1);
  GSource *source;

  g_weak_ref_init (&d->self, self);
  d->kind = kind;
  d->gen = gen;
  d->id = id;
  d->flag = flag;
  d->text = g_strdup (text);
  /* An idle source, not g_main_context_invoke_full (): that runs the callback
   * right here on the speech thread whenever no thread holds the context, which
   * emitted signals off the main thread and could drop the last reference
   * here, making the thread join itself. */
  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, dispatch_cb, d, dispatch_free);
  g_source_set_static_name (source, "[bk-speech] dispatch");
  g_source_attach (source, self->context);
  g_source_unref (source);
}

/* ---- espeak-ng (speech thread, engine_lock held) ------------------------------ */

typedef struct {
  BkSpeech   *self;
  Entry      *entry;        /* playing: the timeline entry, else NULL */
  GByteArray *pcm;          /* synthesize only */
  GArray     *marks;        /* synthesize only */
  guint       char_base;    /* the segment's offset in the unmarked text */
  guint64     seg_samples;  /* samples of the utterance before this segment */
  guint64     samples;      /* samples of the utterance so far */
  gboolean    check_gen;
  gboolean    aborted;
  gboolean    mid_sentence;  /* the segment continues a sentence of the previous one */
  guint       seg_words;
} SynthContext;

static SynthContext *current_synth;   /* engine_lock held */

static void
push_pcm (BkSpeech *self, const gint16 *wav, gsize n_samples)
{
  GstBuffer *buffer;
  guint64 at = self->session_samples;

  buffer = gst_buffer_new_memdup (wav, n_samples * 2);
  GST_BUFFER_PTS (buffer) = gst_util_uint64_scale (at, GST_SECOND, self->sample_rate);
  GST_BUFFER_DURATION (buffer) = gst_util_uint64_scale (at + n_samples, GST_SECOND, self->sample_rate)
                                 - GST_BUFFER_PTS (buffer);
  GST_BUFFER_OFFSET (buffer) = at;
  GST_BUFFER_OFFSET_END (buffer) = at + n_samples;
  self->session_samples += n_samples;
  /* block=FALSE: the thread never waits for the sink, so commands stay snappy. */
  gst_app_src_push_buffer (GST_APP_SRC (self->appsrc), buffer);
}

static int
synth_cb (short *wav, int numsamples, espeak_EVENT *events)
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
          push_pcm (self, wav, numsamples);
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
set_voice_locked (BkSpeech *self, const char *lang)
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

static char *
interface_lang (void)
{
  const char * const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      char *lang = bk_speech_lang_from_locale (names[i]);

      if (lang != NULL)
        return lang;
    }
  return g_strdup (DEFAULT_LANG);
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
          && !set_voice_locked (self, DEFAULT_LANG))
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

/* ---- the playback session (speech thread) ------------------------------------- */

static GstClockTime
samples_to_time (BkSpeech *self, guint64 samples)
{
  return gst_util_uint64_scale (samples, GST_SECOND, self->sample_rate);
}

static gboolean
ensure_session (BkSpeech *self)
{
  GstStateChangeReturn ret;

  if (self->session_active)
    return TRUE;
  self->session_samples = 0;
  ret = gst_element_set_state (self->pipeline, GST_STATE_PLAYING);
  if (ret == GST_STATE_CHANGE_FAILURE)
    {
      gst_element_set_state (self->pipeline, GST_STATE_NULL);
      dispatch (self, DISPATCH_ERROR, 0, 0, FALSE, _("The audio output cannot be opened"));
      return FALSE;
    }
  self->session_active = TRUE;
  self->session_paused = FALSE;
  return TRUE;
}

/* Silences at once: READY drops everything queued in the pipeline. Unfinished
 * utterances end as interrupted; with keep_earcons, earcons that were not heard
 * to the end are played again first (an earcon precedes the speech that follows
 * it, even when that speech interrupts). */
static void
end_session (BkSpeech *self, gboolean interrupted, gboolean keep_earcons)
{
  g_autoptr(GPtrArray) old = NULL;
  g_autoptr(GArray) earcons = g_array_new (FALSE, FALSE, sizeof (BkEarcon));

  if (self->session_active)
    {
      /* Stopping mid-negotiation can make the streaming thread post "Internal data
       * stream error" instead of just flushing; that is not a device failure. */
      g_atomic_int_set (&self->tearing_down, 1);
      gst_element_set_state (self->pipeline, GST_STATE_READY);
      g_atomic_int_set (&self->tearing_down, 0);
    }
  self->session_active = FALSE;
  self->session_paused = FALSE;

  g_mutex_lock (&self->lock);
  old = g_steal_pointer (&self->timeline);
  self->timeline = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  g_mutex_unlock (&self->lock);

  for (guint i = 0; i < old->len; i++)
    {
      Entry *entry = g_ptr_array_index (old, i);

      if (entry->finished)
        continue;
      if (entry->id != 0)
        dispatch (self, DISPATCH_FINISHED, entry->gen, entry->id, interrupted, NULL);
      else if (keep_earcons)
        g_array_append_val (earcons, entry->earcon);
    }
  for (guint i = 0; i < earcons->len; i++)
    {
      BkEarcon earcon = g_array_index (earcons, BkEarcon, i);
      g_autoptr(GBytes) pcm = bk_speech_earcon_pcm (earcon, self->sample_rate);
      Entry *entry;
      gsize len;
      const gint16 *data = g_bytes_get_data (pcm, &len);

      if (!ensure_session (self))
        break;
      entry = g_new0 (Entry, 1);
      entry->earcon = earcon;
      entry->gen = self->thread_gen;
      entry->marks = g_array_new (FALSE, FALSE, sizeof (BkSpeechMark));
      entry->start = self->session_samples;
      push_pcm (self, data, len / 2);
      entry->end = self->session_samples;
      entry->complete = TRUE;
      g_mutex_lock (&self->lock);
      g_ptr_array_add (self->timeline, entry);
      g_mutex_unlock (&self->lock);
    }
}

static gint64
query_position (BkSpeech *self)
{
  gint64 pos = -1;

  if (!gst_element_query_position (self->pipeline, GST_FORMAT_TIME, &pos))
    return -1;
  return pos;
}

/* Emits started/finished for what the sink has reached and returns how long to
 * wait (µs) until the next boundary; -1: nothing to wait for. */
static gint64
advance (BkSpeech *self)
{
  gint64 pos;
  GstClockTime next = GST_CLOCK_TIME_NONE;
  gboolean all_done = TRUE;

  if (!self->session_active)
    return -1;
  if (self->session_paused)
    return -1;
  pos = query_position (self);
  if (pos < 0)
    return 5000;   /* not prerolled yet: the first buffer is on its way */

  g_mutex_lock (&self->lock);
  for (guint i = 0; i < self->timeline->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->timeline, i);
      GstClockTime start = samples_to_time (self, entry->start);
      GstClockTime end = samples_to_time (self, entry->end);

      if (entry->finished)
        continue;
      if (!entry->started && (GstClockTime) pos >= start && entry->end > entry->start)
        {
          entry->started = TRUE;
          if (entry->id != 0)
            dispatch (self, DISPATCH_STARTED, entry->gen, entry->id, FALSE, entry->text);
        }
      /* The sink's position stops at the end of the last buffer; a millisecond of
       * tolerance keeps rounding from holding an utterance open. */
      if (entry->started && entry->complete && (GstClockTime) pos + GST_MSECOND >= end)
        {
          entry->finished = TRUE;
          if (entry->id != 0)
            dispatch (self, DISPATCH_FINISHED, entry->gen, entry->id, FALSE, NULL);
          continue;
        }
      all_done = FALSE;
      if (!entry->started)
        next = MIN (next, start);
      else
        next = MIN (next, end);
      break;
    }
  g_mutex_unlock (&self->lock);

  if (all_done)
    {
      /* Idle: READY releases the device, and no thread wakes up until a command. */
      end_session (self, FALSE, FALSE);
      return -1;
    }
  if (!GST_CLOCK_TIME_IS_VALID (next) || next <= (GstClockTime) pos)
    return 2000;
  return MAX ((gint64) ((next - pos) / GST_USECOND), 1000);
}

static void
handle_say (BkSpeech *self, Cmd *cmd)
{
  g_autoptr(GError) error = NULL;
  SynthContext ctx = { 0, };
  Entry *entry;

  if (!ensure_session (self))
    {
      dispatch (self, DISPATCH_FINISHED, cmd->gen, cmd->id, TRUE, NULL);
      return;
    }
  entry = g_new0 (Entry, 1);
  entry->id = cmd->id;
  entry->gen = cmd->gen;
  entry->lang = g_strdup (cmd->lang);
  entry->marks = g_array_new (FALSE, FALSE, sizeof (BkSpeechMark));
  entry->start = entry->end = self->session_samples;
  g_mutex_lock (&self->lock);
  g_ptr_array_add (self->timeline, entry);
  g_mutex_unlock (&self->lock);

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
    dispatch (self, DISPATCH_ERROR, 0, 0, FALSE, error->message);
  if (entry->end == entry->start)
    {
      /* Nothing audible (e.g. only punctuation): finish it right away. */
      entry->started = entry->finished = TRUE;
      dispatch (self, DISPATCH_FINISHED, entry->gen, entry->id, ctx.aborted, NULL);
    }
}

static void
handle_earcon (BkSpeech *self, Cmd *cmd)
{
  g_autoptr(GBytes) pcm = bk_speech_earcon_pcm (cmd->earcon, self->sample_rate);
  gsize len;
  const gint16 *data = g_bytes_get_data (pcm, &len);
  Entry *entry;

  if (!ensure_session (self))
    return;
  entry = g_new0 (Entry, 1);
  entry->earcon = cmd->earcon;
  entry->gen = cmd->gen;
  entry->marks = g_array_new (FALSE, FALSE, sizeof (BkSpeechMark));
  entry->start = self->session_samples;
  push_pcm (self, data, len / 2);
  entry->end = self->session_samples;
  entry->complete = TRUE;
  g_mutex_lock (&self->lock);
  g_ptr_array_add (self->timeline, entry);
  g_mutex_unlock (&self->lock);
}

static void
handle_synth (BkSpeech *self, SynthRequest *req)
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

/* A headset, where the audio system says so: PulseAudio and PipeWire describe the
 * default sink with a form factor or an icon such as "audio-headphones". */
static gboolean
detect_headset (GstDeviceMonitor *monitor)
{
  GList *devices = gst_device_monitor_get_devices (monitor);
  gboolean headset = FALSE;
  static const char * const keys[] = {
    "device.form_factor", "device.icon_name", "device.profile.name",
    "device.profile.description", "device.description", "node.description",
  };

  for (GList *l = devices; l != NULL; l = l->next)
    {
      g_autoptr(GstStructure) props = gst_device_get_properties (l->data);
      gboolean is_default = FALSE;

      if (props == NULL)
        continue;
      if (!gst_structure_get_boolean (props, "is-default", &is_default) && devices->next != NULL)
        continue;
      if (devices->next != NULL && !is_default)
        continue;
      for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
        {
          const char *value = gst_structure_get_string (props, keys[k]);
          g_autofree char *lower = value != NULL ? g_ascii_strdown (value, -1) : NULL;

          if (lower != NULL && (strstr (lower, "headphone") != NULL || strstr (lower, "headset") != NULL))
            headset = TRUE;
        }
    }
  g_list_free_full (devices, gst_object_unref);
  return headset;
}

static GstBusSyncReply
monitor_bus_cb (GstBus *bus, GstMessage *message, gpointer user_data)
{
  BkSpeech *self = user_data;

  switch (GST_MESSAGE_TYPE (message))
    {
    case GST_MESSAGE_DEVICE_ADDED:
    case GST_MESSAGE_DEVICE_REMOVED:
    case GST_MESSAGE_DEVICE_CHANGED:
      push_cmd (self, cmd_new (CMD_DEVICES, 0));
      break;
    default:
      break;
    }
  gst_message_unref (message);   /* DROP means the handler owns it */
  return GST_BUS_DROP;
}

static GstBusSyncReply
bus_cb (GstBus *bus, GstMessage *message, gpointer user_data)
{
  BkSpeech *self = user_data;

  if (GST_MESSAGE_TYPE (message) == GST_MESSAGE_ERROR && !g_atomic_int_get (&self->tearing_down))
    {
      g_autoptr(GError) error = NULL;
      Cmd *cmd = cmd_new (CMD_BUS_ERROR, 0);

      gst_message_parse_error (message, &error, NULL);
      cmd->message = g_strdup (error != NULL ? error->message : "");
      push_cmd (self, cmd);
    }
  /* Nothing else is needed, and dropping keeps messages from piling up on the bus. */
  gst_message_unref (message);   /* DROP means the handler owns it */
  return GST_BUS_DROP;
}

static gboolean
build_pipeline (BkSpeech *self, GError **error)
{
  g_autoptr(GstCaps) caps = NULL;
  GstElement *convert, *resample, *sink;
  g_autoptr(GstBus) bus = NULL;

  self->pipeline = gst_pipeline_new ("bk-speech");
  self->appsrc = gst_element_factory_make ("appsrc", "src");
  convert = gst_element_factory_make ("audioconvert", NULL);
  resample = gst_element_factory_make ("audioresample", NULL);
  self->volume_element = gst_element_factory_make ("volume", NULL);
  if (self->output == BK_SPEECH_OUTPUT_MEMORY)
    {
      sink = gst_element_factory_make ("fakesink", "sink");
      if (sink != NULL)
        /* sync=TRUE: "played" at clock speed, as a device would. */
        g_object_set (sink, "sync", TRUE, "async", TRUE, NULL);
    }
  else
    sink = gst_element_factory_make ("autoaudiosink", "sink");
  if (self->appsrc == NULL || convert == NULL || resample == NULL
      || self->volume_element == NULL || sink == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("GStreamer's base plugins are missing (appsrc, audioconvert, audioresample, volume)"));
      g_clear_object (&self->appsrc);
      g_clear_object (&self->volume_element);
      g_clear_object (&convert);
      g_clear_object (&resample);
      g_clear_object (&sink);
      g_clear_object (&self->pipeline);
      return FALSE;
    }

  caps = gst_caps_new_simple ("audio/x-raw",
                              "format", G_TYPE_STRING, G_BYTE_ORDER == G_LITTLE_ENDIAN ? "S16LE" : "S16BE",
                              "layout", G_TYPE_STRING, "interleaved",
                              "rate", G_TYPE_INT, (int) self->sample_rate,
                              "channels", G_TYPE_INT, 1,
                              NULL);
  g_object_set (self->appsrc,
                "caps", caps,
                "format", GST_FORMAT_TIME,
                "is-live", FALSE,
                "block", FALSE,
                "max-bytes", (guint64) 0,
                NULL);
  g_object_set (self->volume_element, "volume", self->volume / 100.0, NULL);
  gst_bin_add_many (GST_BIN (self->pipeline), self->appsrc, convert, resample,
                    self->volume_element, sink, NULL);
  gst_element_link_many (self->appsrc, convert, resample, self->volume_element, sink, NULL);

  bus = gst_element_get_bus (self->pipeline);
  gst_bus_set_sync_handler (bus, bus_cb, self, NULL);

  if (gst_element_set_state (self->pipeline, GST_STATE_READY) == GST_STATE_CHANGE_FAILURE)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_CONNECTED, _("No audio device can be opened"));
      return FALSE;
    }
  if (self->output == BK_SPEECH_OUTPUT_AUDIO)
    {
      /* autoaudiosink quietly falls back to a fakesink when no device opens. */
      GstIterator *it = gst_bin_iterate_elements (GST_BIN (sink));
      GValue item = G_VALUE_INIT;
      gboolean fake = FALSE;

      while (gst_iterator_next (it, &item) == GST_ITERATOR_OK)
        {
          GstElementFactory *factory = gst_element_get_factory (g_value_get_object (&item));

          if (factory != NULL && g_str_equal (GST_OBJECT_NAME (factory), "fakesink"))
            fake = TRUE;
          g_value_reset (&item);
        }
      g_value_unset (&item);
      gst_iterator_free (it);
      if (fake)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_CONNECTED,
                       _("No audio device can be opened; the kiosk runs without sound"));
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
init_engine (BkSpeech *self, GError **error)
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
  if (!set_voice_locked (self, DEFAULT_LANG))
    {
      g_mutex_unlock (&engine_lock);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("The German voice is missing from the voice data"));
      return FALSE;
    }
  g_mutex_unlock (&engine_lock);
  return TRUE;
}

static gpointer
speech_thread (gpointer data)
{
  BkSpeech *self = data;
  GError *error = NULL;
  gboolean ok;

  ok = init_engine (self, &error) && build_pipeline (self, &error);
  if (ok && self->output == BK_SPEECH_OUTPUT_AUDIO)
    {
      self->monitor = gst_device_monitor_new ();
      gst_device_monitor_add_filter (self->monitor, "Audio/Sink", NULL);
      {
        g_autoptr(GstBus) bus = gst_device_monitor_get_bus (self->monitor);
        gst_bus_set_sync_handler (bus, monitor_bus_cb, self, NULL);
      }
      if (gst_device_monitor_start (self->monitor))
        dispatch (self, DISPATCH_HEADSET, 0, 0, detect_headset (self->monitor), NULL);
    }

  g_mutex_lock (&self->init_lock);
  self->init_error = error;
  self->init_done = TRUE;
  g_cond_signal (&self->init_cond);
  g_mutex_unlock (&self->init_lock);
  if (!ok)
    return NULL;

  for (;;)
    {
      gint64 wait = advance (self);
      Cmd *cmd = wait < 0 ? g_async_queue_pop (self->queue)
                          : g_async_queue_timeout_pop (self->queue, wait);

      if (cmd == NULL)
        continue;
      if (cmd->type == CMD_QUIT)
        {
          cmd_free (cmd);
          break;
        }

      /* A newer generation (stop or an interrupting say): silence what plays. */
      if ((cmd->type == CMD_SAY || cmd->type == CMD_EARCON || cmd->type == CMD_STOP)
          && cmd->gen > self->thread_gen)
        {
          self->thread_gen = cmd->gen;
          end_session (self, TRUE, cmd->type == CMD_SAY);
        }

      switch (cmd->type)
        {
        case CMD_SAY:
          if (cmd->gen < self->thread_gen || cmd->gen != (guint) g_atomic_int_get (&self->gen))
            dispatch (self, DISPATCH_FINISHED, cmd->gen, cmd->id, TRUE, NULL);
          else
            handle_say (self, cmd);
          break;
        case CMD_EARCON:
          if (cmd->gen >= self->thread_gen)
            handle_earcon (self, cmd);
          break;
        case CMD_STOP:
          break;
        case CMD_PAUSE:
          if (self->session_active && !self->session_paused)
            {
              gst_element_set_state (self->pipeline, GST_STATE_PAUSED);
              self->session_paused = TRUE;
            }
          break;
        case CMD_RESUME:
          if (self->session_active && self->session_paused)
            {
              gst_element_set_state (self->pipeline, GST_STATE_PLAYING);
              self->session_paused = FALSE;
            }
          break;
        case CMD_SYNTH:
          handle_synth (self, cmd->synth);
          break;
        case CMD_BUS_ERROR:
          g_message ("Audio output failed: %s", cmd->message);
          end_session (self, TRUE, FALSE);
          /* NULL closes the device; the next utterance opens it again. */
          gst_element_set_state (self->pipeline, GST_STATE_NULL);
          dispatch (self, DISPATCH_ERROR, 0, 0, FALSE, cmd->message);
          break;
        case CMD_DEVICES:
          if (self->monitor != NULL)
            dispatch (self, DISPATCH_HEADSET, 0, 0, detect_headset (self->monitor), NULL);
          break;
        case CMD_QUIT:
          break;
        }
      cmd_free (cmd);
    }

  end_session (self, TRUE, FALSE);
  if (self->monitor != NULL)
    {
      gst_device_monitor_stop (self->monitor);
      g_clear_object (&self->monitor);
    }
  return NULL;
}

/* ---- GObject -------------------------------------------------------------------- */

static void
bk_speech_dispose (GObject *object)
{
  BkSpeech *self = BK_SPEECH (object);

  if (self->thread != NULL)
    {
      g_atomic_int_inc (&self->gen);
      push_cmd (self, cmd_new (CMD_QUIT, 0));
      g_thread_join (g_steal_pointer (&self->thread));
    }
  if (self->pipeline != NULL)
    {
      gst_element_set_state (self->pipeline, GST_STATE_NULL);
      g_clear_object (&self->pipeline);
    }
  G_OBJECT_CLASS (bk_speech_parent_class)->dispose (object);
}

static void
bk_speech_finalize (GObject *object)
{
  BkSpeech *self = BK_SPEECH (object);

  g_clear_pointer (&self->queue, g_async_queue_unref);
  g_clear_pointer (&self->pending, g_hash_table_unref);
  g_clear_pointer (&self->voices, g_hash_table_unref);
  g_clear_pointer (&self->timeline, g_ptr_array_unref);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_error (&self->init_error);
  g_free (self->data_path);
  g_free (self->last_text);
  g_free (self->last_lang);
  g_mutex_clear (&self->lock);
  g_mutex_clear (&self->init_lock);
  g_cond_clear (&self->init_cond);
  G_OBJECT_CLASS (bk_speech_parent_class)->finalize (object);
}

static void
bk_speech_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  BkSpeech *self = BK_SPEECH (object);

  switch (prop_id)
    {
    case PROP_ENABLED:
      g_value_set_boolean (value, self->enabled);
      break;
    case PROP_RATE:
      g_value_set_uint (value, self->rate);
      break;
    case PROP_VOLUME:
      g_value_set_uint (value, self->volume);
      break;
    case PROP_SPEAKING:
      g_value_set_boolean (value, bk_speech_is_speaking (self));
      break;
    case PROP_PAUSED:
      g_value_set_boolean (value, self->paused);
      break;
    case PROP_HEADSET:
      g_value_set_boolean (value, bk_speech_get_headset (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_speech_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  BkSpeech *self = BK_SPEECH (object);

  switch (prop_id)
    {
    case PROP_ENABLED:
      bk_speech_set_enabled (self, g_value_get_boolean (value));
      break;
    case PROP_RATE:
      bk_speech_set_rate (self, g_value_get_uint (value));
      break;
    case PROP_VOLUME:
      bk_speech_set_volume (self, g_value_get_uint (value));
      break;
    case PROP_HEADSET:
      bk_speech_set_headset (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_speech_class_init (BkSpeechClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bk_speech_dispose;
  object_class->finalize = bk_speech_finalize;
  object_class->get_property = bk_speech_get_property;
  object_class->set_property = bk_speech_set_property;

  properties[PROP_ENABLED] =
    g_param_spec_boolean ("enabled", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* A BkSpeechRate (0 very slow … 4 very fast). */
  properties[PROP_RATE] =
    g_param_spec_uint ("rate", NULL, NULL, 0, BK_SPEECH_N_RATES - 1, BK_SPEECH_RATE_NORMAL,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VOLUME] =
    g_param_spec_uint ("volume", NULL, NULL, 0, 100, BK_SPEECH_DEFAULT_VOLUME,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SPEAKING] =
    g_param_spec_boolean ("speaking", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PAUSED] =
    g_param_spec_boolean ("paused", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_HEADSET] =
    g_param_spec_boolean ("headset", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_UTTERANCE_STARTED] =
    g_signal_new ("utterance-started", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_STRING);
  signals[SIGNAL_UTTERANCE_FINISHED] =
    g_signal_new ("utterance-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_BOOLEAN);
  signals[SIGNAL_ERROR] =
    g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
bk_speech_init (BkSpeech *self)
{
  g_mutex_init (&self->lock);
  g_mutex_init (&self->init_lock);
  g_cond_init (&self->init_cond);
  self->queue = g_async_queue_new_full ((GDestroyNotify) cmd_free);
  self->pending = g_hash_table_new (NULL, NULL);
  self->voices = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->timeline = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  self->enabled = TRUE;
  self->rate = BK_SPEECH_RATE_NORMAL;
  self->volume = BK_SPEECH_DEFAULT_VOLUME;
  self->next_id = 1;
}

/* ESPEAK_DATA_PATH, when set, is taken strictly: espeak-ng itself would fall back
 * to ~/espeak-ng-data or the built-in folder and so hide a broken installation. */
static gboolean
resolve_data_path (char **path, GError **error)
{
  const char *env = g_getenv ("ESPEAK_DATA_PATH");
  g_autofree char *inner = NULL;
  g_autofree char *phontab = NULL;
  g_autofree char *inner_phontab = NULL;

  *path = NULL;
  if (env == NULL || *env == '\0')
    return TRUE;
  inner = g_build_filename (env, "espeak-ng-data", NULL);
  phontab = g_build_filename (env, "phontab", NULL);
  inner_phontab = g_build_filename (inner, "phontab", NULL);
  if (g_file_test (phontab, G_FILE_TEST_IS_REGULAR) || g_file_test (inner_phontab, G_FILE_TEST_IS_REGULAR))
    {
      *path = g_strdup (env);
      return TRUE;
    }
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
               _("The voice data is missing: “%s” (ESPEAK_DATA_PATH) has no espeak-ng data"), env);
  return FALSE;
}

BkSpeech *
bk_speech_new (BkSpeechOutput   output,
               GError         **error)
{
  g_autoptr(BkSpeech) self = NULL;
  g_autofree char *data_path = NULL;
  GError *gst_error = NULL;

  if (!resolve_data_path (&data_path, error))
    return NULL;
  if (!gst_init_check (NULL, NULL, &gst_error))
    {
      g_propagate_prefixed_error (error, gst_error, "%s", _("GStreamer cannot start: "));
      return NULL;
    }

  self = g_object_new (BK_TYPE_SPEECH, NULL);
  self->output = output;
  self->data_path = g_steal_pointer (&data_path);
  self->context = g_main_context_ref_thread_default ();
  self->thread = g_thread_new ("bk-speech", speech_thread, self);

  g_mutex_lock (&self->init_lock);
  while (!self->init_done)
    g_cond_wait (&self->init_cond, &self->init_lock);
  g_mutex_unlock (&self->init_lock);
  if (self->init_error != NULL)
    {
      g_thread_join (g_steal_pointer (&self->thread));
      g_propagate_error (error, g_steal_pointer (&self->init_error));
      return NULL;
    }
  return g_steal_pointer (&self);
}

/* ---- public API (main thread) ------------------------------------------------- */

static guint
say_internal (BkSpeech         *self,
              const char       *text,
              const char       *lang,
              BkSpeechPriority  priority)
{
  Cmd *cmd;
  guint gen, id;

  if (priority == BK_SPEECH_INTERRUPT)
    {
      gen = g_atomic_int_add (&self->gen, 1) + 1;
      if (self->paused)
        {
          /* A user action: speak now, not after a resume. */
          self->paused = FALSE;
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAUSED]);
        }
    }
  else
    gen = g_atomic_int_get (&self->gen);

  cmd = cmd_new (CMD_SAY, gen);
  cmd->id = self->next_id++;
  if (self->next_id == 0)
    self->next_id = 1;
  cmd->text = g_strdup (text);
  cmd->lang = lang != NULL ? g_ascii_strdown (lang, -1) : interface_lang ();
  cmd->rate = self->rate;
  g_hash_table_add (self->pending, GUINT_TO_POINTER (cmd->id));
  if (g_hash_table_size (self->pending) == 1)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPEAKING]);
  id = cmd->id;
  push_cmd (self, cmd);   /* from here on the speech thread owns cmd */
  return id;
}

static gboolean
has_speakable_text (const char *text)
{
  g_autofree char *unmarked = NULL;
  g_autoptr(GPtrArray) segments = NULL;

  if (text == NULL)
    return FALSE;
  segments = bk_speech_split_lang (text, &unmarked);
  for (const char *p = unmarked; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

guint
bk_speech_say (BkSpeech         *self,
               const char       *text,
               const char       *lang,
               BkSpeechPriority  priority,
               BkSpeechFlags     flags)
{
  g_return_val_if_fail (BK_IS_SPEECH (self), 0);

  if (!self->enabled || !has_speakable_text (text) || !g_utf8_validate (text, -1, NULL))
    return 0;
  /* Private text (e.g. a name or an address) never goes to a loudspeaker. */
  if ((flags & BK_SPEECH_FLAG_PRIVATE) && !bk_speech_get_headset (self))
    return 0;
  g_free (self->last_text);
  self->last_text = g_strdup (text);
  g_free (self->last_lang);
  self->last_lang = g_strdup (lang);
  self->last_flags = flags;
  return say_internal (self, text, lang, priority);
}

guint
bk_speech_say_masked_input (BkSpeech *self)
{
  g_return_val_if_fail (BK_IS_SPEECH (self), 0);

  if (!self->enabled)
    return 0;
  /* Not remembered for "repeat": nothing about the input is kept. */
  return say_internal (self, _("character entered"), NULL, BK_SPEECH_INTERRUPT);
}

void
bk_speech_play_earcon (BkSpeech *self,
                       BkEarcon  earcon)
{
  Cmd *cmd;

  g_return_if_fail (BK_IS_SPEECH (self));

  if (!self->enabled)
    return;
  cmd = cmd_new (CMD_EARCON, g_atomic_int_get (&self->gen));
  cmd->earcon = earcon;
  push_cmd (self, cmd);
}

void
bk_speech_stop (BkSpeech *self)
{
  g_return_if_fail (BK_IS_SPEECH (self));

  push_cmd (self, cmd_new (CMD_STOP, g_atomic_int_add (&self->gen, 1) + 1));
  if (self->paused)
    {
      self->paused = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAUSED]);
    }
}

void
bk_speech_pause (BkSpeech *self)
{
  g_return_if_fail (BK_IS_SPEECH (self));

  if (self->paused || !bk_speech_is_speaking (self))
    return;
  self->paused = TRUE;
  push_cmd (self, cmd_new (CMD_PAUSE, 0));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAUSED]);
}

void
bk_speech_resume (BkSpeech *self)
{
  g_return_if_fail (BK_IS_SPEECH (self));

  if (!self->paused)
    return;
  self->paused = FALSE;
  push_cmd (self, cmd_new (CMD_RESUME, 0));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAUSED]);
}

gboolean
bk_speech_is_paused (BkSpeech *self)
{
  g_return_val_if_fail (BK_IS_SPEECH (self), FALSE);
  return self->paused;
}

gboolean
bk_speech_is_speaking (BkSpeech *self)
{
  g_return_val_if_fail (BK_IS_SPEECH (self), FALSE);
  return g_hash_table_size (self->pending) > 0;
}

void
bk_speech_repeat (BkSpeech *self)
{
  g_autofree char *text = NULL;
  g_autofree char *lang = NULL;

  g_return_if_fail (BK_IS_SPEECH (self));

  if (self->last_text == NULL)
    return;
  text = g_strdup (self->last_text);
  lang = g_strdup (self->last_lang);
  bk_speech_say (self, text, lang, BK_SPEECH_INTERRUPT, self->last_flags);
}

/* The entry and sample the sink is at; self->lock must be held. */
static Entry *
entry_at_position (BkSpeech *self, guint64 *sample_in_entry)
{
  gint64 pos;
  guint64 sample;

  if (self->pipeline == NULL)
    return NULL;
  pos = query_position (self);
  if (pos < 0)
    return NULL;
  sample = gst_util_uint64_scale (pos, self->sample_rate, GST_SECOND);
  for (guint i = 0; i < self->timeline->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->timeline, i);

      if (entry->finished || entry->id == 0)
        continue;
      if (sample >= entry->start && sample < entry->end)
        {
          *sample_in_entry = sample - entry->start;
          return entry;
        }
    }
  return NULL;
}

void
bk_speech_repeat_sentence (BkSpeech *self)
{
  g_autofree char *sentence = NULL;
  g_autofree char *lang = NULL;
  guint64 at = 0;
  Entry *entry;

  g_return_if_fail (BK_IS_SPEECH (self));

  g_mutex_lock (&self->lock);
  entry = entry_at_position (self, &at);
  if (entry != NULL && entry->text != NULL)
    {
      guint ms = at * 1000 / self->sample_rate;
      guint begin = 0, end = G_MAXUINT;

      for (guint i = 0; i < entry->marks->len; i++)
        {
          BkSpeechMark *mark = &g_array_index (entry->marks, BkSpeechMark, i);

          if (!mark->sentence)
            continue;
          if (mark->audio_ms <= ms)
            begin = mark->text_offset;
          else
            {
              end = mark->text_offset;
              break;
            }
        }
      {
        const char *from = g_utf8_offset_to_pointer (entry->text, begin);
        glong n = g_utf8_strlen (entry->text, -1);
        const char *to = end >= (guint) n ? from + strlen (from)
                                          : g_utf8_offset_to_pointer (entry->text, end);
        sentence = g_strndup (from, to - from);
      }
      lang = g_strdup (entry->lang);
    }
  g_mutex_unlock (&self->lock);

  if (sentence == NULL)
    {
      bk_speech_repeat (self);
      return;
    }
  say_internal (self, sentence, lang, BK_SPEECH_INTERRUPT);
}

void
bk_speech_set_enabled (BkSpeech *self,
                       gboolean  enabled)
{
  g_return_if_fail (BK_IS_SPEECH (self));

  enabled = !!enabled;
  if (self->enabled == enabled)
    return;
  self->enabled = enabled;
  if (!enabled)
    bk_speech_stop (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENABLED]);
}

gboolean
bk_speech_get_enabled (BkSpeech *self)
{
  g_return_val_if_fail (BK_IS_SPEECH (self), FALSE);
  return self->enabled;
}

void
bk_speech_set_rate (BkSpeech     *self,
                    BkSpeechRate  rate)
{
  g_return_if_fail (BK_IS_SPEECH (self));

  rate = CLAMP ((int) rate, 0, BK_SPEECH_N_RATES - 1);
  if (self->rate == rate)
    return;
  /* Applies from the next utterance; the UI usually says something at the new rate. */
  self->rate = rate;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RATE]);
}

BkSpeechRate
bk_speech_get_rate (BkSpeech *self)
{
  g_return_val_if_fail (BK_IS_SPEECH (self), BK_SPEECH_RATE_NORMAL);
  return self->rate;
}

void
bk_speech_set_volume (BkSpeech *self,
                      guint     percent)
{
  g_return_if_fail (BK_IS_SPEECH (self));

  percent = MIN (percent, 100);
  percent = (percent + BK_SPEECH_VOLUME_STEP / 2) / BK_SPEECH_VOLUME_STEP * BK_SPEECH_VOLUME_STEP;
  if (self->volume == percent)
    return;
  self->volume = percent;
  /* The volume element takes the change at once, even mid-utterance. */
  if (self->volume_element != NULL)
    g_object_set (self->volume_element, "volume", percent / 100.0, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VOLUME]);
}

guint
bk_speech_get_volume (BkSpeech *self)
{
  g_return_val_if_fail (BK_IS_SPEECH (self), BK_SPEECH_DEFAULT_VOLUME);
  return self->volume;
}

void
bk_speech_set_voice (BkSpeech   *self,
                     const char *lang,
                     const char *voice)
{
  g_return_if_fail (BK_IS_SPEECH (self));
  g_return_if_fail (lang != NULL);

  g_mutex_lock (&self->lock);
  if (voice != NULL)
    g_hash_table_replace (self->voices, g_ascii_strdown (lang, -1), g_strdup (voice));
  else
    {
      g_autofree char *key = g_ascii_strdown (lang, -1);
      g_hash_table_remove (self->voices, key);
    }
  g_mutex_unlock (&self->lock);
}

void
bk_speech_set_headset (BkSpeech *self,
                       gboolean  headset)
{
  gboolean before;

  g_return_if_fail (BK_IS_SPEECH (self));

  before = bk_speech_get_headset (self);
  self->headset_setting = !!headset;
  if (before != bk_speech_get_headset (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HEADSET]);
}

gboolean
bk_speech_get_headset (BkSpeech *self)
{
  g_return_val_if_fail (BK_IS_SPEECH (self), FALSE);
  return self->headset_setting || self->headset_detected;
}

void
bk_speech_reset (BkSpeech *self)
{
  g_return_if_fail (BK_IS_SPEECH (self));

  bk_speech_stop (self);
  g_mutex_lock (&self->lock);
  g_hash_table_remove_all (self->voices);
  g_mutex_unlock (&self->lock);
  g_clear_pointer (&self->last_text, g_free);
  g_clear_pointer (&self->last_lang, g_free);
}

gboolean
bk_speech_get_current_word (BkSpeech *self,
                            guint    *utterance_id,
                            guint    *text_offset,
                            guint    *length)
{
  guint64 at = 0;
  Entry *entry;
  gboolean found = FALSE;

  g_return_val_if_fail (BK_IS_SPEECH (self), FALSE);

  g_mutex_lock (&self->lock);
  entry = entry_at_position (self, &at);
  if (entry != NULL)
    {
      guint ms = at * 1000 / self->sample_rate;
      BkSpeechMark *word = NULL;

      for (guint i = 0; i < entry->marks->len; i++)
        {
          BkSpeechMark *mark = &g_array_index (entry->marks, BkSpeechMark, i);

          if (mark->sentence)
            continue;
          if (mark->audio_ms > ms)
            break;
          word = mark;
        }
      if (word != NULL)
        {
          found = TRUE;
          if (utterance_id != NULL)
            *utterance_id = entry->id;
          if (text_offset != NULL)
            *text_offset = word->text_offset;
          if (length != NULL)
            *length = word->length;
        }
    }
  g_mutex_unlock (&self->lock);
  return found;
}

gboolean
bk_speech_synthesize (BkSpeech      *self,
                      const char    *text,
                      const char    *lang,
                      BkSpeechRate   rate,
                      GByteArray    *pcm,
                      guint         *sample_rate,
                      GArray        *marks,
                      GError       **error)
{
  SynthRequest req = { 0, };
  g_autofree char *lang_code = NULL;
  Cmd *cmd;

  g_return_val_if_fail (BK_IS_SPEECH (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (marks == NULL || g_array_get_element_size (marks) == sizeof (BkSpeechMark), FALSE);

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("The text is not valid UTF-8"));
      return FALSE;
    }
  lang_code = lang != NULL ? g_ascii_strdown (lang, -1) : interface_lang ();
  g_mutex_init (&req.lock);
  g_cond_init (&req.cond);
  req.text = text;
  req.lang = lang_code;
  req.rate = rate;
  req.pcm = pcm;
  req.marks = marks;

  cmd = cmd_new (CMD_SYNTH, 0);
  cmd->synth = &req;
  push_cmd (self, cmd);

  g_mutex_lock (&req.lock);
  while (!req.done)
    g_cond_wait (&req.cond, &req.lock);
  g_mutex_unlock (&req.lock);
  g_mutex_clear (&req.lock);
  g_cond_clear (&req.cond);

  if (sample_rate != NULL)
    *sample_rate = self->sample_rate;
  if (!req.ok)
    {
      g_propagate_error (error, req.error);
      return FALSE;
    }
  return TRUE;
}

gpointer
bk_speech_get_pipeline (BkSpeech *self)
{
  g_return_val_if_fail (BK_IS_SPEECH (self), NULL);
  return self->pipeline;
}
