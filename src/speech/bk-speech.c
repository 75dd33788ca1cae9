/* bk-speech.c: the kiosk's own voice: the GObject and its public API
 *
 * BkSpeech is used from the main thread. It sends commands to its speech
 * thread (bk-speech-engine.c: the command loop and espeak-ng) through a
 * GAsyncQueue, and the speech thread and GStreamer (bk-speech-sink.c) report
 * back through bk_speech_dispatch, which emits the signals on the main
 * context of the thread that created the object. The timeline (which audio
 * is where in the stream) is shared with the speech thread under self->lock.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-speech"

#include "bk-config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "bk-speech.h"
#include "bk-speech-private.h"

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

void
bk_speech_cmd_free (BkSpeechCmd *cmd)
{
  g_free (cmd->text);
  g_free (cmd->lang);
  g_free (cmd->message);
  g_free (cmd);
}

void
bk_speech_push_cmd (BkSpeech    *self,
                    BkSpeechCmd *cmd)
{
  g_async_queue_push (self->queue, cmd);
}

BkSpeechCmd *
bk_speech_cmd_new (BkSpeechCmdType type,
                   guint           gen)
{
  BkSpeechCmd *cmd = g_new0 (BkSpeechCmd, 1);

  cmd->type = type;
  cmd->gen = gen;
  return cmd;
}

/* ---- main-context dispatch (called on any thread) ------------------------------- */

/* A report from the speech thread, on its way to the main context. */
typedef struct {
  GWeakRef              self;
  BkSpeechDispatchKind  kind;
  guint                 gen;
  guint                 id;
  gboolean              flag;
  char                 *text;
} Dispatch;

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
    case BK_SPEECH_DISPATCH_STARTED:
      /* Stale: a stop or an interruption happened since the sound started. */
      if (d->gen != (guint) g_atomic_int_get (&self->gen)
          || !g_hash_table_contains (self->pending, GUINT_TO_POINTER (d->id)))
        break;
      g_signal_emit (self, signals[SIGNAL_UTTERANCE_STARTED], 0, d->id, d->text);
      break;
    case BK_SPEECH_DISPATCH_FINISHED:
      /* Every id gets exactly one "finished", even one dropped before it started,
       * so that the UI can clean up after it. */
      if (!g_hash_table_remove (self->pending, GUINT_TO_POINTER (d->id)))
        break;
      g_signal_emit (self, signals[SIGNAL_UTTERANCE_FINISHED], 0, d->id, d->flag);
      if (g_hash_table_size (self->pending) == 0)
        set_speaking_done (self);
      break;
    case BK_SPEECH_DISPATCH_ERROR:
      g_signal_emit (self, signals[SIGNAL_ERROR], 0, d->text);
      break;
    case BK_SPEECH_DISPATCH_HEADSET:
      if (self->headset_detected != d->flag)
        {
          gboolean before = bk_speech_get_headset (self);

          self->headset_detected = d->flag;
          if (before != bk_speech_get_headset (self))
            g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HEADSET]);
        }
      break;
    default:
      g_assert_not_reached ();
    }
  return G_SOURCE_REMOVE;
}

void
bk_speech_dispatch (BkSpeech             *self,
                    BkSpeechDispatchKind  kind,
                    guint                 gen,
                    guint                 id,
                    gboolean              flag,
                    const char           *text)
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
  return g_strdup (BK_SPEECH_DEFAULT_LANG);
}

/* ---- GObject -------------------------------------------------------------------- */

static void
bk_speech_dispose (GObject *object)
{
  BkSpeech *self = BK_SPEECH (object);

  if (self->thread != NULL)
    {
      g_atomic_int_inc (&self->gen);
      bk_speech_push_cmd (self, bk_speech_cmd_new (BK_SPEECH_CMD_QUIT, 0));
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
  self->queue = g_async_queue_new_full ((GDestroyNotify) bk_speech_cmd_free);
  self->pending = g_hash_table_new (NULL, NULL);
  self->voices = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->timeline = g_ptr_array_new_with_free_func ((GDestroyNotify) bk_speech_entry_free);
  self->enabled = TRUE;
  self->rate = BK_SPEECH_RATE_NORMAL;
  self->volume = BK_SPEECH_DEFAULT_VOLUME;
  self->next_id = 1;
}

/* ESPEAK_DATA_PATH, when set, is taken strictly: espeak-ng itself would fall back
 * to ~/espeak-ng-data or the built-in folder and so hide a broken installation. */
static gboolean
resolve_data_path (char   **path,
                   GError **error)
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
  self->thread = g_thread_new ("bk-speech", bk_speech_thread_main, self);

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
  BkSpeechCmd *cmd;
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

  cmd = bk_speech_cmd_new (BK_SPEECH_CMD_SAY, gen);
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
  bk_speech_push_cmd (self, cmd);   /* from here on the speech thread owns cmd */
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
  BkSpeechCmd *cmd;

  g_return_if_fail (BK_IS_SPEECH (self));

  if (!self->enabled)
    return;
  cmd = bk_speech_cmd_new (BK_SPEECH_CMD_EARCON, g_atomic_int_get (&self->gen));
  cmd->earcon = earcon;
  bk_speech_push_cmd (self, cmd);
}

void
bk_speech_stop (BkSpeech *self)
{
  g_return_if_fail (BK_IS_SPEECH (self));

  bk_speech_push_cmd (self, bk_speech_cmd_new (BK_SPEECH_CMD_STOP, g_atomic_int_add (&self->gen, 1) + 1));
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
  bk_speech_push_cmd (self, bk_speech_cmd_new (BK_SPEECH_CMD_PAUSE, 0));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAUSED]);
}

void
bk_speech_resume (BkSpeech *self)
{
  g_return_if_fail (BK_IS_SPEECH (self));

  if (!self->paused)
    return;
  self->paused = FALSE;
  bk_speech_push_cmd (self, bk_speech_cmd_new (BK_SPEECH_CMD_RESUME, 0));
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
static BkSpeechEntry *
entry_at_position (BkSpeech *self,
                   guint64  *sample_in_entry)
{
  gint64 pos;
  guint64 sample;

  if (self->pipeline == NULL)
    return NULL;
  pos = bk_speech_sink_query_position (self);
  if (pos < 0)
    return NULL;
  sample = gst_util_uint64_scale (pos, self->sample_rate, GST_SECOND);
  for (guint i = 0; i < self->timeline->len; i++)
    {
      BkSpeechEntry *entry = g_ptr_array_index (self->timeline, i);

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
  BkSpeechEntry *entry;

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
  bk_speech_sink_set_volume (self, percent);
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
  BkSpeechEntry *entry;
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
  BkSpeechSynthRequest req = { 0, };
  g_autofree char *lang_code = NULL;
  BkSpeechCmd *cmd;

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

  cmd = bk_speech_cmd_new (BK_SPEECH_CMD_SYNTH, 0);
  cmd->synth = &req;
  bk_speech_push_cmd (self, cmd);

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
