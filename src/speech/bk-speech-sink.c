/* bk-speech-sink.c: the GStreamer side of the voice
 *
 * The pipeline
 *   appsrc ! audioconvert ! audioresample ! volume ! autoaudiosink (or fakesink sync=TRUE)
 * the playback session and its timeline (which audio is where in the
 * stream), and the device monitor that tells whether a headset listens.
 *
 * What the user hears is answered from the sink's position
 * (gst_element_query_position), never from synthesis progress: word
 * highlighting, utterance-started and utterance-finished follow the sound.
 * The pipeline is in READY while nothing plays, so an idle service uses no
 * CPU and holds no device.
 *
 * Threads: the session functions run on the speech thread; the bus
 * handlers on GStreamer's threads, and they only queue a command for the
 * speech thread; bk_speech_sink_query_position and _set_volume are also
 * called from the main thread (GStreamer makes both thread-safe).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-speech"

#include "bk-config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <gst/app/gstappsrc.h>

#include "bk-speech-private.h"

void
bk_speech_entry_free (BkSpeechEntry *entry)
{
  g_free (entry->text);
  g_free (entry->lang);
  g_array_unref (entry->marks);
  g_free (entry);
}

/* ---- the playback session (speech thread) ------------------------------------- */

void
bk_speech_sink_push_pcm (BkSpeech     *self,
                         const gint16 *wav,
                         gsize         n_samples)
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

BkSpeechEntry *
bk_speech_sink_add_utterance (BkSpeech   *self,
                              guint       id,
                              guint       gen,
                              const char *lang)
{
  BkSpeechEntry *entry = g_new0 (BkSpeechEntry, 1);

  entry->id = id;
  entry->gen = gen;
  entry->lang = g_strdup (lang);
  entry->marks = g_array_new (FALSE, FALSE, sizeof (BkSpeechMark));
  entry->start = entry->end = self->session_samples;
  g_mutex_lock (&self->lock);
  g_ptr_array_add (self->timeline, entry);
  g_mutex_unlock (&self->lock);
  return entry;
}

static GstClockTime
samples_to_time (BkSpeech *self,
                 guint64   samples)
{
  return gst_util_uint64_scale (samples, GST_SECOND, self->sample_rate);
}

gboolean
bk_speech_sink_ensure_session (BkSpeech *self)
{
  GstStateChangeReturn ret;

  if (self->session_active)
    return TRUE;
  self->session_samples = 0;
  ret = gst_element_set_state (self->pipeline, GST_STATE_PLAYING);
  if (ret == GST_STATE_CHANGE_FAILURE)
    {
      gst_element_set_state (self->pipeline, GST_STATE_NULL);
      bk_speech_dispatch (self, BK_SPEECH_DISPATCH_ERROR, 0, 0, FALSE, _("The audio output cannot be opened"));
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
void
bk_speech_sink_end_session (BkSpeech *self,
                            gboolean  interrupted,
                            gboolean  keep_earcons)
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
  self->timeline = g_ptr_array_new_with_free_func ((GDestroyNotify) bk_speech_entry_free);
  g_mutex_unlock (&self->lock);

  for (guint i = 0; i < old->len; i++)
    {
      BkSpeechEntry *entry = g_ptr_array_index (old, i);

      if (entry->finished)
        continue;
      if (entry->id != 0)
        bk_speech_dispatch (self, BK_SPEECH_DISPATCH_FINISHED, entry->gen, entry->id, interrupted, NULL);
      else if (keep_earcons)
        g_array_append_val (earcons, entry->earcon);
    }
  for (guint i = 0; i < earcons->len; i++)
    if (!bk_speech_sink_play_earcon (self, g_array_index (earcons, BkEarcon, i), self->thread_gen))
      break;
}

gint64
bk_speech_sink_query_position (BkSpeech *self)
{
  gint64 pos = -1;

  if (!gst_element_query_position (self->pipeline, GST_FORMAT_TIME, &pos))
    return -1;
  return pos;
}

/* Emits started/finished for what the sink has reached and returns how long to
 * wait (µs) until the next boundary; -1: nothing to wait for. */
gint64
bk_speech_sink_advance (BkSpeech *self)
{
  gint64 pos;
  GstClockTime next = GST_CLOCK_TIME_NONE;
  gboolean all_done = TRUE;

  if (!self->session_active)
    return -1;
  if (self->session_paused)
    return -1;
  pos = bk_speech_sink_query_position (self);
  if (pos < 0)
    return 5000;   /* not prerolled yet: the first buffer is on its way */

  g_mutex_lock (&self->lock);
  for (guint i = 0; i < self->timeline->len; i++)
    {
      BkSpeechEntry *entry = g_ptr_array_index (self->timeline, i);
      GstClockTime start = samples_to_time (self, entry->start);
      GstClockTime end = samples_to_time (self, entry->end);

      if (entry->finished)
        continue;
      if (!entry->started && (GstClockTime) pos >= start && entry->end > entry->start)
        {
          entry->started = TRUE;
          if (entry->id != 0)
            bk_speech_dispatch (self, BK_SPEECH_DISPATCH_STARTED, entry->gen, entry->id, FALSE, entry->text);
        }
      /* The sink's position stops at the end of the last buffer; a millisecond of
       * tolerance keeps rounding from holding an utterance open. */
      if (entry->started && entry->complete && (GstClockTime) pos + GST_MSECOND >= end)
        {
          entry->finished = TRUE;
          if (entry->id != 0)
            bk_speech_dispatch (self, BK_SPEECH_DISPATCH_FINISHED, entry->gen, entry->id, FALSE, NULL);
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
      bk_speech_sink_end_session (self, FALSE, FALSE);
      return -1;
    }
  if (!GST_CLOCK_TIME_IS_VALID (next) || next <= (GstClockTime) pos)
    return 2000;
  return MAX ((gint64) ((next - pos) / GST_USECOND), 1000);
}

gboolean
bk_speech_sink_play_earcon (BkSpeech *self,
                            BkEarcon  earcon,
                            guint     gen)
{
  g_autoptr(GBytes) pcm = bk_speech_earcon_pcm (earcon, self->sample_rate);
  gsize len;
  const gint16 *data = g_bytes_get_data (pcm, &len);
  BkSpeechEntry *entry;

  if (!bk_speech_sink_ensure_session (self))
    return FALSE;
  entry = g_new0 (BkSpeechEntry, 1);
  entry->earcon = earcon;
  entry->gen = gen;
  entry->marks = g_array_new (FALSE, FALSE, sizeof (BkSpeechMark));
  entry->start = self->session_samples;
  bk_speech_sink_push_pcm (self, data, len / 2);
  entry->end = self->session_samples;
  entry->complete = TRUE;
  g_mutex_lock (&self->lock);
  g_ptr_array_add (self->timeline, entry);
  g_mutex_unlock (&self->lock);
  return TRUE;
}

void
bk_speech_sink_pause (BkSpeech *self,
                      gboolean  paused)
{
  if (!self->session_active || self->session_paused == paused)
    return;
  gst_element_set_state (self->pipeline, paused ? GST_STATE_PAUSED : GST_STATE_PLAYING);
  self->session_paused = paused;
}

void
bk_speech_sink_fail (BkSpeech   *self,
                     const char *message)
{
  g_message ("Audio output failed: %s", message);
  bk_speech_sink_end_session (self, TRUE, FALSE);
  /* NULL closes the device; the next utterance opens it again. */
  gst_element_set_state (self->pipeline, GST_STATE_NULL);
  bk_speech_dispatch (self, BK_SPEECH_DISPATCH_ERROR, 0, 0, FALSE, message);
}

void
bk_speech_sink_set_volume (BkSpeech *self,
                           guint     percent)
{
  /* The volume element takes the change at once, even mid-utterance. */
  if (self->volume_element != NULL)
    g_object_set (self->volume_element, "volume", percent / 100.0, NULL);
}

/* ---- pipeline and headset monitor ------------------------------------------------ */

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
monitor_bus_cb (GstBus     *bus,
                GstMessage *message,
                gpointer    user_data)
{
  BkSpeech *self = user_data;

  switch (GST_MESSAGE_TYPE (message))
    {
    case GST_MESSAGE_DEVICE_ADDED:
    case GST_MESSAGE_DEVICE_REMOVED:
    case GST_MESSAGE_DEVICE_CHANGED:
      bk_speech_push_cmd (self, bk_speech_cmd_new (BK_SPEECH_CMD_DEVICES, 0));
      break;
    default:
      break;
    }
  gst_message_unref (message);   /* DROP means the handler owns it */
  return GST_BUS_DROP;
}

static GstBusSyncReply
bus_cb (GstBus     *bus,
        GstMessage *message,
        gpointer    user_data)
{
  BkSpeech *self = user_data;

  if (GST_MESSAGE_TYPE (message) == GST_MESSAGE_ERROR && !g_atomic_int_get (&self->tearing_down))
    {
      g_autoptr(GError) error = NULL;
      BkSpeechCmd *cmd = bk_speech_cmd_new (BK_SPEECH_CMD_BUS_ERROR, 0);

      gst_message_parse_error (message, &error, NULL);
      cmd->message = g_strdup (error != NULL ? error->message : "");
      bk_speech_push_cmd (self, cmd);
    }
  /* Nothing else is needed, and dropping keeps messages from piling up on the bus. */
  gst_message_unref (message);   /* DROP means the handler owns it */
  return GST_BUS_DROP;
}

gboolean
bk_speech_sink_build (BkSpeech *self,
                      GError  **error)
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

void
bk_speech_sink_start_monitor (BkSpeech *self)
{
  g_autoptr(GstBus) bus = NULL;

  self->monitor = gst_device_monitor_new ();
  gst_device_monitor_add_filter (self->monitor, "Audio/Sink", NULL);
  bus = gst_device_monitor_get_bus (self->monitor);
  gst_bus_set_sync_handler (bus, monitor_bus_cb, self, NULL);
  if (gst_device_monitor_start (self->monitor))
    bk_speech_dispatch (self, BK_SPEECH_DISPATCH_HEADSET, 0, 0, detect_headset (self->monitor), NULL);
}

void
bk_speech_sink_update_headset (BkSpeech *self)
{
  if (self->monitor != NULL)
    bk_speech_dispatch (self, BK_SPEECH_DISPATCH_HEADSET, 0, 0, detect_headset (self->monitor), NULL);
}

void
bk_speech_sink_stop_monitor (BkSpeech *self)
{
  if (self->monitor == NULL)
    return;
  gst_device_monitor_stop (self->monitor);
  g_clear_object (&self->monitor);
}

gpointer
bk_speech_get_pipeline (BkSpeech *self)
{
  g_return_val_if_fail (BK_IS_SPEECH (self), NULL);
  return self->pipeline;
}

