/* Tests of the speech service, in MEMORY output: the audio is "played" by a
 * clock-synced fakesink, so positions and signals behave as with a device. */

#include "bk-config.h"

#include <math.h>
#include <string.h>
#include <glib/gstdio.h>
#include <glib/gi18n-lib.h>

#include "bk-speech.h"
#include "bk-speech-private.h"

#define DE_TEXT "Guten Tag, Ihr Antrag für den Personalausweis wurde gespeichert. Bitte nehmen Sie Ihre Karte."
#define EN_TEXT "Hello, your application for an identity card has been saved. Please take your card."
#define LONG_TEXT "Der Rat der Stadt hat heute über den Haushalt beraten. Die Beratung dauerte " \
                  "mehrere Stunden, und am Ende wurde der Antrag mit großer Mehrheit angenommen. " \
                  "Die Bürgerinnen und Bürger können die Unterlagen im Rathaus einsehen."

typedef struct {
  guint    id;
  gboolean interrupted;
  gboolean finished;
  gboolean started;
  gint64   started_at;
  gint64   finished_at;
  char    *text;
} Utt;

typedef struct {
  BkSpeech   *speech;
  GHashTable *utts;      /* id → Utt */
  GPtrArray  *order;     /* "s<id>" / "f<id>" in signal order */
} Fixture;

static void
utt_free (Utt *u)
{
  g_free (u->text);
  g_free (u);
}

static Utt *
get_utt (Fixture *f, guint id)
{
  Utt *u = g_hash_table_lookup (f->utts, GUINT_TO_POINTER (id));

  if (u == NULL)
    {
      u = g_new0 (Utt, 1);
      u->id = id;
      g_hash_table_insert (f->utts, GUINT_TO_POINTER (id), u);
    }
  return u;
}

static void
on_started (BkSpeech *speech, guint id, const char *text, Fixture *f)
{
  Utt *u = get_utt (f, id);

  g_assert_false (u->started);
  u->started = TRUE;
  u->started_at = g_get_monotonic_time ();
  u->text = g_strdup (text);
  g_ptr_array_add (f->order, g_strdup_printf ("s%u", id));
}

static void
on_finished (BkSpeech *speech, guint id, gboolean interrupted, Fixture *f)
{
  Utt *u = get_utt (f, id);

  g_assert_false (u->finished);
  u->finished = TRUE;
  u->interrupted = interrupted;
  u->finished_at = g_get_monotonic_time ();
  g_ptr_array_add (f->order, g_strdup_printf ("f%u", id));
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->speech = bk_speech_new (BK_SPEECH_OUTPUT_MEMORY, &error);
  g_assert_no_error (error);
  f->utts = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) utt_free);
  f->order = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (f->speech, "utterance-started", G_CALLBACK (on_started), f);
  g_signal_connect (f->speech, "utterance-finished", G_CALLBACK (on_finished), f);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->speech);
  /* Dispatches still queued for the old object are dropped (weak ref). */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_hash_table_unref (f->utts);
  g_ptr_array_unref (f->order);
}

/* Runs the main context until cond holds or timeout_ms passes. */
#define WAIT_FOR(cond, timeout_ms) G_STMT_START {                          \
    gint64 _end = g_get_monotonic_time () + (timeout_ms) * 1000;           \
    while (!(cond) && g_get_monotonic_time () < _end)                      \
      {                                                                   \
        if (!g_main_context_iteration (NULL, FALSE))                       \
          g_usleep (1000);                                                \
      }                                                                   \
  } G_STMT_END

static void
run_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

static guint
count_words (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " ", -1);
  guint n = 0;

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      n++;
  return n;
}

static double
pcm_rms (GByteArray *pcm)
{
  const gint16 *s = (const gint16 *) pcm->data;
  gsize n = pcm->len / 2;
  double sum = 0;

  for (gsize i = 0; i < n; i++)
    sum += (s[i] / 32768.0) * (s[i] / 32768.0);
  return n > 0 ? sqrt (sum / n) : 0;
}

static double
synth (Fixture *f, const char *text, const char *lang, BkSpeechRate rate, GArray *marks)
{
  g_autoptr(GByteArray) pcm = g_byte_array_new ();
  g_autoptr(GError) error = NULL;
  guint sample_rate = 0;

  g_assert_true (bk_speech_synthesize (f->speech, text, lang, rate, pcm, &sample_rate, marks, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sample_rate, >=, 8000);
  g_assert_cmpfloat (pcm_rms (pcm), >, 0.005);
  return (double) (pcm->len / 2) / sample_rate;
}

static void
check_synthesis (Fixture *f, const char *text, const char *lang)
{
  double seconds = synth (f, text, lang, BK_SPEECH_RATE_NORMAL, NULL);
  double per_word = seconds / count_words (text);

  g_test_message ("%s: %.2f s, %.2f s per word", lang, seconds, per_word);
  g_assert_cmpfloat (per_word, >=, 0.25);
  g_assert_cmpfloat (per_word, <=, 0.8);
}

static void
test_synth_de (Fixture *f, gconstpointer data)
{
  check_synthesis (f, DE_TEXT, "de");
}

static void
test_synth_en (Fixture *f, gconstpointer data)
{
  check_synthesis (f, EN_TEXT, "en");
}

/* Word events rise monotonically and every word of the text has one. */
static void
test_word_events (Fixture *f, gconstpointer data)
{
  g_autoptr(GArray) marks = g_array_new (FALSE, FALSE, sizeof (BkSpeechMark));
  const char *text = DE_TEXT;
  guint last_offset = 0, last_ms = 0, n_words = 0, n_sentences = 0;
  const char *p = text;

  synth (f, text, "de", BK_SPEECH_RATE_NORMAL, marks);
  for (guint i = 0; i < marks->len; i++)
    {
      BkSpeechMark *m = &g_array_index (marks, BkSpeechMark, i);

      g_assert_cmpuint (m->text_offset, >=, last_offset);
      g_assert_cmpuint (m->audio_ms, >=, last_ms);
      last_offset = m->text_offset;
      last_ms = m->audio_ms;
      if (m->sentence)
        n_sentences++;
      else
        n_words++;
    }
  g_assert_cmpuint (n_sentences, ==, 2);

  /* Each word's first character is the start of a word event. */
  for (guint offset = 0; *p != '\0'; offset++, p = g_utf8_next_char (p))
    {
      gboolean starts = g_unichar_isalnum (g_utf8_get_char (p))
                        && (p == text || *(p - 1) == ' ');
      gboolean found = FALSE;

      if (!starts)
        continue;
      for (guint i = 0; i < marks->len; i++)
        {
          BkSpeechMark *m = &g_array_index (marks, BkSpeechMark, i);

          if (!m->sentence && m->text_offset == offset)
            {
              const char *w = g_utf8_offset_to_pointer (text, offset);

              g_assert_cmpuint (m->length, >, 0);
              /* The length covers the word, never the following space. */
              g_assert_null (memchr (w, ' ', g_utf8_offset_to_pointer (w, m->length) - w));
              found = TRUE;
            }
        }
      if (!found)
        g_error ("no word event at character %u (%s)", offset, p);
    }
  g_assert_cmpuint (n_words, ==, count_words (text));
}

/* A "[[lang=en]]" span: other voice, markers not spoken, offsets in unmarked text. */
static void
test_lang_spans (Fixture *f, gconstpointer data)
{
  g_autoptr(GArray) marks = g_array_new (FALSE, FALSE, sizeof (BkSpeechMark));
  g_autoptr(GByteArray) de_pcm = g_byte_array_new ();
  g_autoptr(GByteArray) mixed_pcm = g_byte_array_new ();
  g_autofree char *unmarked = NULL;
  g_autoptr(GPtrArray) segments = NULL;
  const char *marked = "Das Portal heißt [[lang=en]]Open Data[[/lang]] und ist für alle.";
  const char *plain = "Das Portal heißt Open Data und ist für alle.";
  gboolean open_found = FALSE, data_found = FALSE, und_found = FALSE;

  segments = bk_speech_split_lang (marked, &unmarked);
  g_assert_cmpstr (unmarked, ==, plain);
  g_assert_cmpuint (segments->len, ==, 3);
  g_assert_cmpstr (((BkSpeechSegment *) segments->pdata[1])->lang, ==, "en");
  g_assert_cmpuint (((BkSpeechSegment *) segments->pdata[1])->char_offset, ==, 17);

  g_assert_true (bk_speech_synthesize (f->speech, plain, "de", BK_SPEECH_RATE_NORMAL, de_pcm, NULL, NULL, NULL));
  g_assert_true (bk_speech_synthesize (f->speech, marked, "de", BK_SPEECH_RATE_NORMAL, mixed_pcm, NULL, marks, NULL));
  /* Another voice, so other audio (the English "Open Data" sounds different). */
  g_assert_true (de_pcm->len != mixed_pcm->len
                 || memcmp (de_pcm->data, mixed_pcm->data, de_pcm->len) != 0);
  for (guint i = 0; i < marks->len; i++)
    {
      BkSpeechMark *m = &g_array_index (marks, BkSpeechMark, i);

      if (m->sentence)
        {
          g_assert_cmpuint (m->text_offset, ==, 0);   /* one sentence only */
          continue;
        }
      g_assert_cmpuint (m->text_offset + m->length, <=, g_utf8_strlen (plain, -1));
      if (m->text_offset == 17 && m->length == 4)
        open_found = TRUE;
      if (m->text_offset == 22 && m->length == 4)
        data_found = TRUE;
      if (m->text_offset == 27 && m->length == 3)
        und_found = TRUE;
    }
  g_assert_true (open_found);
  g_assert_true (data_found);
  g_assert_true (und_found);
}

/* Each faster step gives shorter audio. */
static void
test_rate_steps (Fixture *f, gconstpointer data)
{
  double last = G_MAXDOUBLE;

  for (int rate = BK_SPEECH_RATE_VERY_SLOW; rate <= BK_SPEECH_RATE_VERY_FAST; rate++)
    {
      double seconds = synth (f, DE_TEXT, "de", rate, NULL);

      g_test_message ("rate %d: %.2f s", rate, seconds);
      g_assert_cmpfloat (seconds, <, last);
      last = seconds;
    }
}

static void
test_play (Fixture *f, gconstpointer data)
{
  guint id = bk_speech_say (f->speech, "Guten Tag.", "de", BK_SPEECH_INTERRUPT, 0);
  Utt *u;
  gint64 t0 = g_get_monotonic_time ();

  g_assert_cmpuint (id, >, 0);
  g_assert_true (bk_speech_is_speaking (f->speech));
  WAIT_FOR (get_utt (f, id)->finished, 5000);
  u = get_utt (f, id);
  g_assert_true (u->started);
  g_assert_true (u->finished);
  g_assert_false (u->interrupted);
  g_assert_cmpstr (u->text, ==, "Guten Tag.");
  /* Played in real time: "Guten Tag." is about a second of audio. */
  g_assert_cmpint ((u->finished_at - t0) / 1000, >, 500);
  g_assert_false (bk_speech_is_speaking (f->speech));
  g_assert_false (bk_speech_get_current_word (f->speech, NULL, NULL, NULL));
}

/* Stop: utterance-finished(interrupted) comes promptly, and the position stops. */
static void
test_cancel (Fixture *f, gconstpointer data)
{
  guint id = bk_speech_say (f->speech, LONG_TEXT, "de", BK_SPEECH_INTERRUPT, 0);
  guint word_id = 0, offset = 0, length = 0;
  gint64 t_stop;

  WAIT_FOR (get_utt (f, id)->started, 3000);
  run_for (600);
  g_assert_true (bk_speech_get_current_word (f->speech, &word_id, &offset, &length));
  g_assert_cmpuint (word_id, ==, id);
  t_stop = g_get_monotonic_time ();
  bk_speech_stop (f->speech);
  WAIT_FOR (get_utt (f, id)->finished, 2000);
  g_assert_true (get_utt (f, id)->finished);
  g_assert_true (get_utt (f, id)->interrupted);
  g_test_message ("stop → finished: %.1f ms", (get_utt (f, id)->finished_at - t_stop) / 1000.0);
  g_assert_cmpint (get_utt (f, id)->finished_at - t_stop, <, 200 * 1000);
  g_assert_false (bk_speech_is_speaking (f->speech));
  g_assert_false (bk_speech_get_current_word (f->speech, NULL, NULL, NULL));
  run_for (300);
  g_assert_false (bk_speech_get_current_word (f->speech, NULL, NULL, NULL));
}

static void
test_interrupt (Fixture *f, gconstpointer data)
{
  guint a = bk_speech_say (f->speech, LONG_TEXT, "de", BK_SPEECH_QUEUE, 0);
  guint b = bk_speech_say (f->speech, "Zweite Ansage.", "de", BK_SPEECH_QUEUE, 0);
  guint c;

  WAIT_FOR (get_utt (f, a)->started, 3000);
  c = bk_speech_say (f->speech, "Neu.", "de", BK_SPEECH_INTERRUPT, 0);
  WAIT_FOR (get_utt (f, c)->finished, 5000);
  g_assert_true (get_utt (f, a)->finished && get_utt (f, a)->interrupted);
  g_assert_true (get_utt (f, b)->finished && get_utt (f, b)->interrupted);
  g_assert_false (get_utt (f, b)->started);
  g_assert_true (get_utt (f, c)->started);
  g_assert_false (get_utt (f, c)->interrupted);
  /* The old one was silenced before the new one started. */
  g_assert_cmpint (get_utt (f, a)->finished_at, <=, get_utt (f, c)->started_at);
}

static void
test_queue_order (Fixture *f, gconstpointer data)
{
  guint a = bk_speech_say (f->speech, "Erstens.", "de", BK_SPEECH_QUEUE, 0);
  guint b = bk_speech_say (f->speech, "Zweitens.", "de", BK_SPEECH_QUEUE, 0);
  guint c = bk_speech_say (f->speech, "Drittens.", "de", BK_SPEECH_QUEUE, 0);
  g_autofree char *expected = g_strdup_printf ("s%u f%u s%u f%u s%u f%u", a, a, b, b, c, c);
  g_autofree char *got = NULL;

  WAIT_FOR (get_utt (f, c)->finished, 8000);
  g_ptr_array_add (f->order, NULL);
  got = g_strjoinv (" ", (char **) f->order->pdata);
  g_ptr_array_remove_index (f->order, f->order->len - 1);
  g_assert_cmpstr (got, ==, expected);
  g_assert_false (get_utt (f, a)->interrupted || get_utt (f, b)->interrupted || get_utt (f, c)->interrupted);
}

static void
test_pause_resume (Fixture *f, gconstpointer data)
{
  guint id = bk_speech_say (f->speech, LONG_TEXT, "de", BK_SPEECH_INTERRUPT, 0);
  guint off1 = 0, off2 = 0, off3 = 0;

  WAIT_FOR (get_utt (f, id)->started, 3000);
  run_for (800);
  bk_speech_pause (f->speech);
  g_assert_true (bk_speech_is_paused (f->speech));
  run_for (100);
  g_assert_true (bk_speech_get_current_word (f->speech, NULL, &off1, NULL));
  run_for (700);
  g_assert_true (bk_speech_get_current_word (f->speech, NULL, &off2, NULL));
  g_assert_cmpuint (off1, ==, off2);       /* nothing advances while paused */
  g_assert_false (get_utt (f, id)->finished);
  bk_speech_resume (f->speech);
  g_assert_false (bk_speech_is_paused (f->speech));
  run_for (1500);
  g_assert_true (bk_speech_get_current_word (f->speech, NULL, &off3, NULL));
  g_assert_cmpuint (off3, >, off2);
  bk_speech_stop (f->speech);
  WAIT_FOR (get_utt (f, id)->finished, 2000);
  g_assert_true (get_utt (f, id)->interrupted);
}

static void
test_repeat (Fixture *f, gconstpointer data)
{
  guint a = bk_speech_say (f->speech, "Bitte wiederholen.", "de", BK_SPEECH_INTERRUPT, 0);
  GHashTableIter iter;
  Utt *u;
  guint n_started = 0;

  WAIT_FOR (get_utt (f, a)->finished, 5000);
  bk_speech_repeat (f->speech);
  WAIT_FOR (g_hash_table_size (f->utts) == 2 && !bk_speech_is_speaking (f->speech), 5000);
  g_hash_table_iter_init (&iter, f->utts);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &u))
    {
      g_assert_cmpstr (u->text, ==, "Bitte wiederholen.");
      g_assert_false (u->interrupted);
      n_started++;
    }
  g_assert_cmpuint (n_started, ==, 2);
}

/* repeat_sentence speaks the sentence being heard, from its start. */
static void
test_repeat_sentence (Fixture *f, gconstpointer data)
{
  guint a = bk_speech_say (f->speech, "Erster Satz hier. Der zweite Satz ist etwas länger als der erste.",
                           "de", BK_SPEECH_INTERRUPT, 0);
  guint offset = 0;
  GHashTableIter iter;
  Utt *u;
  gboolean found = FALSE;

  WAIT_FOR (get_utt (f, a)->started, 3000);
  /* Wait until the second sentence is heard. */
  WAIT_FOR (bk_speech_get_current_word (f->speech, NULL, &offset, NULL) && offset >= 22, 5000);
  g_assert_cmpuint (offset, >=, 22);
  bk_speech_repeat_sentence (f->speech);
  WAIT_FOR (g_hash_table_size (f->utts) == 2 && !bk_speech_is_speaking (f->speech), 8000);
  g_assert_true (get_utt (f, a)->interrupted);
  g_hash_table_iter_init (&iter, f->utts);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &u))
    if (u->id != a)
      {
        g_assert_cmpstr (u->text, ==, "Der zweite Satz ist etwas länger als der erste.");
        found = TRUE;
      }
  g_assert_true (found);
}

static void
test_masked_input (Fixture *f, gconstpointer data)
{
  guint id = bk_speech_say_masked_input (f->speech);

  g_assert_cmpuint (id, >, 0);
  WAIT_FOR (get_utt (f, id)->finished, 5000);
  g_assert_cmpstr (get_utt (f, id)->text, ==, _("character entered"));
  /* "repeat" must not bring anything typed back either. */
  bk_speech_repeat (f->speech);
  g_assert_false (bk_speech_is_speaking (f->speech));
}

static void
test_private (Fixture *f, gconstpointer data)
{
  bk_speech_set_headset (f->speech, FALSE);
  g_assert_false (bk_speech_get_headset (f->speech));
  g_assert_cmpuint (bk_speech_say (f->speech, "Max Mustermann, Hauptstraße 1", "de",
                                   BK_SPEECH_INTERRUPT, BK_SPEECH_FLAG_PRIVATE), ==, 0);
  g_assert_false (bk_speech_is_speaking (f->speech));
  bk_speech_set_headset (f->speech, TRUE);
  g_assert_true (bk_speech_get_headset (f->speech));
  g_assert_cmpuint (bk_speech_say (f->speech, "Max Mustermann", "de",
                                   BK_SPEECH_INTERRUPT, BK_SPEECH_FLAG_PRIVATE), >, 0);
  bk_speech_stop (f->speech);
}

static void
test_settings (Fixture *f, gconstpointer data)
{
  g_assert_cmpuint (bk_speech_say (f->speech, "", "de", BK_SPEECH_INTERRUPT, 0), ==, 0);
  g_assert_cmpuint (bk_speech_say (f->speech, "[[lang=en]] [[/lang]]", "de", BK_SPEECH_INTERRUPT, 0), ==, 0);
  bk_speech_set_volume (f->speech, 47);
  g_assert_cmpuint (bk_speech_get_volume (f->speech), ==, 50);
  bk_speech_set_volume (f->speech, 300);
  g_assert_cmpuint (bk_speech_get_volume (f->speech), ==, 100);
  bk_speech_set_rate (f->speech, BK_SPEECH_RATE_VERY_FAST);
  bk_speech_set_voice (f->speech, "de", "de+f3");
  bk_speech_set_enabled (f->speech, FALSE);
  g_assert_cmpuint (bk_speech_say (f->speech, "Aus.", "de", BK_SPEECH_INTERRUPT, 0), ==, 0);
  bk_speech_reset (f->speech);
  /* The settings own rate, volume and on/off: a reset leaves them. */
  g_assert_false (bk_speech_get_enabled (f->speech));
  g_assert_cmpint (bk_speech_get_rate (f->speech), ==, BK_SPEECH_RATE_VERY_FAST);
  g_assert_cmpuint (bk_speech_get_volume (f->speech), ==, 100);
  bk_speech_set_enabled (f->speech, TRUE);
  /* A voice variant still speaks. */
  bk_speech_set_voice (f->speech, "de", "de+f3");
  synth (f, "Hallo.", "de", BK_SPEECH_RATE_NORMAL, NULL);
}

static void
test_earcons (Fixture *f, gconstpointer data)
{
  guint id;

  for (int e = BK_EARCON_MOVE; e <= BK_EARCON_EDGE; e++)
    {
      g_autoptr(GBytes) pcm = bk_speech_earcon_pcm (e, 22050);

      g_assert_cmpuint (g_bytes_get_size (pcm) / 2, <=, 22050 * 300 / 1000);
      g_assert_cmpuint (g_bytes_get_size (pcm) / 2, >=, 22050 * 30 / 1000);
    }
  /* An earcon comes before the speech that follows, even an interrupting one. */
  bk_speech_play_earcon (f->speech, BK_EARCON_ERROR);
  {
    gint64 t0 = g_get_monotonic_time ();

    id = bk_speech_say (f->speech, "Fehler.", "de", BK_SPEECH_INTERRUPT, 0);
    WAIT_FOR (get_utt (f, id)->finished, 5000);
    g_assert_false (get_utt (f, id)->interrupted);
    g_assert_cmpint (get_utt (f, id)->started_at - t0, >=, 150 * 1000);
  }
}

/* The highlighted word moves forward with the sound. */
static void
test_current_word (Fixture *f, gconstpointer data)
{
  guint id = bk_speech_say (f->speech, DE_TEXT, "de", BK_SPEECH_INTERRUPT, 0);
  guint last = 0, changes = 0;

  WAIT_FOR (get_utt (f, id)->started, 3000);
  while (!get_utt (f, id)->finished)
    {
      guint uid, offset, length;

      if (bk_speech_get_current_word (f->speech, &uid, &offset, &length))
        {
          g_assert_cmpuint (uid, ==, id);
          g_assert_cmpuint (offset, >=, last);
          if (offset > last)
            changes++;
          last = offset;
        }
      run_for (20);
    }
  g_assert_cmpuint (changes, >=, count_words (DE_TEXT) - 3);
}

static void
test_cycles (Fixture *f, gconstpointer data)
{
  guint last = 0;

  for (guint i = 0; i < 1000; i++)
    {
      last = bk_speech_say (f->speech, (i % 2) ? DE_TEXT : "Kurz.", (i % 3) ? "de" : "en",
                            (i % 4) ? BK_SPEECH_INTERRUPT : BK_SPEECH_QUEUE, 0);
      g_assert_cmpuint (last, >, 0);
      if (i % 3 == 0)
        bk_speech_stop (f->speech);
      if (i % 50 == 0)
        bk_speech_play_earcon (f->speech, BK_EARCON_MOVE);
      if (i % 7 == 0)
        bk_speech_pause (f->speech);
      if (i % 11 == 0)
        bk_speech_resume (f->speech);
      g_main_context_iteration (NULL, FALSE);
    }
  bk_speech_stop (f->speech);
  WAIT_FOR (!bk_speech_is_speaking (f->speech), 20000);
  g_assert_false (bk_speech_is_speaking (f->speech));
  g_assert_cmpuint (g_hash_table_size (f->utts), ==, 1000);
}

static void
test_missing_data (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = g_strdup (g_getenv ("ESPEAK_DATA_PATH"));
  g_autofree char *empty = g_dir_make_tmp ("bk-speech-empty-XXXXXX", NULL);
  BkSpeech *speech;

  g_setenv ("ESPEAK_DATA_PATH", "/nonexistent", TRUE);
  speech = bk_speech_new (BK_SPEECH_OUTPUT_MEMORY, &error);
  g_assert_null (speech);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "/nonexistent"));
  g_clear_error (&error);

  g_setenv ("ESPEAK_DATA_PATH", empty, TRUE);
  speech = bk_speech_new (BK_SPEECH_OUTPUT_MEMORY, &error);
  g_assert_null (speech);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_rmdir (empty);
  g_setenv ("ESPEAK_DATA_PATH", saved, TRUE);
}

/* No sound card on a build machine: a clear error, not a silent fakesink. */
static void
test_audio_output (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BkSpeech) speech = bk_speech_new (BK_SPEECH_OUTPUT_AUDIO, &error);

  if (speech == NULL)
    {
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_CONNECTED);
      g_test_message ("no audio device: %s", error->message);
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  if (g_getenv ("ESPEAK_DATA_PATH") == NULL && *BK_TEST_ESPEAK_DATA != '\0')
    g_setenv ("ESPEAK_DATA_PATH", BK_TEST_ESPEAK_DATA, TRUE);

  /* First, before any thread exists: it changes the environment. */
  g_test_add_func ("/speech/missing-data", test_missing_data);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/speech/synth-de", test_synth_de);
  ADD ("/speech/synth-en", test_synth_en);
  ADD ("/speech/word-events", test_word_events);
  ADD ("/speech/lang-spans", test_lang_spans);
  ADD ("/speech/rate-steps", test_rate_steps);
  ADD ("/speech/play", test_play);
  ADD ("/speech/cancel", test_cancel);
  ADD ("/speech/interrupt", test_interrupt);
  ADD ("/speech/queue-order", test_queue_order);
  ADD ("/speech/pause-resume", test_pause_resume);
  ADD ("/speech/repeat", test_repeat);
  ADD ("/speech/repeat-sentence", test_repeat_sentence);
  ADD ("/speech/masked-input", test_masked_input);
  ADD ("/speech/private", test_private);
  ADD ("/speech/settings", test_settings);
  ADD ("/speech/earcons", test_earcons);
  ADD ("/speech/current-word", test_current_word);
  ADD ("/speech/cycles", test_cycles);
  g_test_add_func ("/speech/audio-output", test_audio_output);
  return g_test_run ();
}
