/* bench-speech: latency, stop time, highlighting accuracy and idle CPU of the
 * speech service in MEMORY output (a clock-synced fakesink: audio "plays" in
 * real time, with no device). Prints "RESULT name value" lines.
 *
 *   bench-speech [RUNS] [IDLE_SECONDS]
 */

#include "bk-config.h"

#include <math.h>
#include <string.h>
#include <sys/resource.h>
#include <gst/gst.h>

#include "bk-speech.h"
#include "bk-speech-private.h"

#define TEN_WORDS "Ihr Antrag auf einen neuen Personalausweis wurde heute gespeichert."

static gint64 first_buffer_at;   /* µs, set by the probe */
static gint64 last_buffer_at;

static GstPadProbeReturn
sink_probe (GstPad *pad, GstPadProbeInfo *info, gpointer data)
{
  gint64 now = g_get_monotonic_time ();

  if (g_atomic_pointer_get (&first_buffer_at) == 0)
    first_buffer_at = now;
  last_buffer_at = now;
  return GST_PAD_PROBE_OK;
}

static void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (500);
}

static int
cmp_double (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static double
median (GArray *values)
{
  g_array_sort (values, cmp_double);
  return values->len ? g_array_index (values, double, values->len / 2) : NAN;
}

static double
p95 (GArray *values)
{
  g_array_sort (values, cmp_double);
  return values->len ? g_array_index (values, double, MIN (values->len - 1, values->len * 95 / 100)) : NAN;
}

static GstElement *
sink_of (BkSpeech *speech)
{
  return gst_bin_get_by_name (GST_BIN (bk_speech_get_pipeline (speech)), "sink");
}

static char *
long_text (void)
{
  static const char *sentences[] = {
    "Der Rat der Stadt hat in seiner Sitzung am Dienstag über den Haushalt des kommenden Jahres beraten.",
    "Die Verwaltung legte einen Entwurf vor, der Ausgaben für Schulen, Straßen und den öffentlichen Nahverkehr vorsieht.",
    "Mehrere Fraktionen beantragten Änderungen, vor allem bei den Mitteln für Kultur und Sport.",
    "Nach einer langen Aussprache wurde der Antrag mit großer Mehrheit angenommen.",
    "Die Bürgerinnen und Bürger können alle Unterlagen im Rathaus und an diesem Kiosk einsehen.",
  };
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < 15; i++)
    g_string_append_printf (s, "%s%s", i ? " " : "", sentences[i % G_N_ELEMENTS (sentences)]);
  return g_string_free (s, FALSE);
}

int
main (int argc, char *argv[])
{
  guint runs = argc > 1 ? atoi (argv[1]) : 25;
  guint idle_s = argc > 2 ? atoi (argv[2]) : 30;
  g_autoptr(GError) error = NULL;
  g_autoptr(BkSpeech) speech = NULL;
  g_autoptr(GstElement) sink = NULL;
  g_autoptr(GstPad) pad = NULL;
  g_autoptr(GArray) first = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) silence = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) interrupt_silence = g_array_new (FALSE, FALSE, sizeof (double));

  speech = bk_speech_new (BK_SPEECH_OUTPUT_MEMORY, &error);
  if (speech == NULL)
    g_error ("%s", error->message);
  sink = sink_of (speech);
  pad = gst_element_get_static_pad (sink, "sink");
  gst_pad_add_probe (pad, GST_PAD_PROBE_TYPE_BUFFER, sink_probe, NULL, NULL);

  /* 1. request → first audio buffer at the sink. */
  bk_speech_say (speech, "Start.", "de", BK_SPEECH_INTERRUPT, 0);   /* warm-up: voice, plugins */
  spin (1500);
  for (guint i = 0; i < runs; i++)
    {
      gint64 t0;
      double ms;

      first_buffer_at = 0;
      t0 = g_get_monotonic_time ();
      bk_speech_say (speech, TEN_WORDS, "de", BK_SPEECH_INTERRUPT, 0);
      while (g_atomic_pointer_get (&first_buffer_at) == 0 && g_get_monotonic_time () - t0 < 2000000)
        g_usleep (100);
      ms = (first_buffer_at - t0) / 1000.0;
      g_array_append_val (first, ms);

      /* 2. user action → silence: time from stop (or an interrupting say) until
       * the sink is out of PLAYING, i.e. nothing more can be rendered; and the
       * last buffer the sink received must not come after the stop. */
      spin (300 + g_random_int_range (0, 400));
      {
        GstState state = GST_STATE_PLAYING;
        gint64 t_stop = g_get_monotonic_time ();

        if (i % 2 == 0)
          bk_speech_stop (speech);
        else
          bk_speech_say (speech, "Neu.", "de", BK_SPEECH_INTERRUPT, 0);
        /* Poll the sink state at 0.2 ms resolution. */
        while (g_get_monotonic_time () - t_stop < 1000000)
          {
            gst_element_get_state (sink, &state, NULL, 0);
            if (state != GST_STATE_PLAYING)
              break;
            g_usleep (200);
          }
        ms = (g_get_monotonic_time () - t_stop) / 1000.0;
        g_array_append_val (i % 2 == 0 ? silence : interrupt_silence, ms);
        spin (i % 2 == 0 ? 50 : 900);
        bk_speech_stop (speech);
        spin (100);
      }
    }
  g_print ("RESULT speech_first_audio_ms_median %.2f\n", median (first));
  g_print ("RESULT speech_first_audio_ms_p95 %.2f\n", p95 (first));
  g_print ("RESULT speech_stop_silence_ms_median %.2f\n", median (silence));
  g_print ("RESULT speech_stop_silence_ms_max %.2f\n", g_array_index (silence, double, silence->len - 1));
  g_print ("RESULT speech_interrupt_silence_ms_median %.2f\n", median (interrupt_silence));
  g_print ("RESULT speech_interrupt_silence_ms_max %.2f\n",
           g_array_index (interrupt_silence, double, interrupt_silence->len - 1));

  /* 3. highlighting: every 20 ms, get_current_word against the word the event
   * table (from an independent synthesis of the same text) puts at the sink's
   * position. */
  {
    g_autofree char *text = long_text ();
    g_autoptr(GArray) marks = g_array_new (FALSE, FALSE, sizeof (BkSpeechMark));
    g_autoptr(GArray) words = g_array_new (FALSE, FALSE, sizeof (BkSpeechMark));
    guint samples = 0, within = 0, exact = 0, n_words;
    gboolean done = FALSE;
    GstElement *pipeline = bk_speech_get_pipeline (speech);
    guint id;
    gint64 t0;

    bk_speech_synthesize (speech, text, "de", BK_SPEECH_RATE_NORMAL, NULL, NULL, marks, NULL);
    for (guint i = 0; i < marks->len; i++)
      if (!g_array_index (marks, BkSpeechMark, i).sentence)
        g_array_append_val (words, g_array_index (marks, BkSpeechMark, i));
    n_words = words->len;
    id = bk_speech_say (speech, text, "de", BK_SPEECH_INTERRUPT, 0);
    t0 = g_get_monotonic_time ();
    while (!done && g_get_monotonic_time () - t0 < 300 * G_USEC_PER_SEC)
      {
        guint uid = 0, offset = 0;
        gint64 pos = -1;
        gboolean have = bk_speech_get_current_word (speech, &uid, &offset, NULL);

        gst_element_query_position (pipeline, GST_FORMAT_TIME, &pos);
        if (have && uid == id && pos >= 0)
          {
            int got = -1, want = -1;

            for (guint i = 0; i < words->len; i++)
              {
                BkSpeechMark *m = &g_array_index (words, BkSpeechMark, i);

                if (m->text_offset == offset)
                  got = i;
                if ((gint64) m->audio_ms * GST_MSECOND <= pos)
                  want = i;
              }
            samples++;
            if (got >= 0 && ABS (got - want) <= 1)
              within++;
            if (got == want)
              exact++;
          }
        else if (samples > 0 && !have)
          done = TRUE;
        spin (20);
      }
    g_print ("RESULT speech_highlight_words %u\n", n_words);
    g_print ("RESULT speech_highlight_samples %u\n", samples);
    g_print ("RESULT speech_highlight_within1_pct %.1f\n", samples ? 100.0 * within / samples : 0);
    g_print ("RESULT speech_highlight_exact_pct %.1f\n", samples ? 100.0 * exact / samples : 0);
  }

  /* 4. idle CPU: the service holds its thread and pipeline, and nothing speaks. */
  {
    struct rusage before, after;
    double cpu_ms;

    bk_speech_stop (speech);
    spin (500);
    getrusage (RUSAGE_SELF, &before);
    g_usleep ((gulong) idle_s * G_USEC_PER_SEC);
    getrusage (RUSAGE_SELF, &after);
    cpu_ms = (after.ru_utime.tv_sec - before.ru_utime.tv_sec) * 1000.0
             + (after.ru_utime.tv_usec - before.ru_utime.tv_usec) / 1000.0
             + (after.ru_stime.tv_sec - before.ru_stime.tv_sec) * 1000.0
             + (after.ru_stime.tv_usec - before.ru_stime.tv_usec) / 1000.0;
    g_print ("RESULT speech_idle_seconds %u\n", idle_s);
    g_print ("RESULT speech_idle_cpu_ms %.2f\n", cpu_ms);
  }
  return 0;
}
