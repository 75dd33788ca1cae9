/* bk-speech-text.c: text helpers of the voice
 *
 * Language spans in marked text, WAVE files and earcon sounds: plain
 * functions without the speech thread, so that tests can check them alone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-speech"

#include "bk-config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "bk-speech.h"
#include "bk-speech-private.h"

#define LANG_OPEN "[[lang="
#define LANG_CLOSE "[[/lang]]"

void
bk_speech_segment_free (BkSpeechSegment *segment)
{
  if (segment == NULL)
    return;
  g_free (segment->text);
  g_free (segment->lang);
  g_free (segment);
}

static void
add_segment (GPtrArray  *segments,
             GString    *unmarked,
             const char *start,
             gsize       len,
             const char *lang)
{
  BkSpeechSegment *segment;

  if (len == 0)
    return;
  segment = g_new0 (BkSpeechSegment, 1);
  segment->text = g_strndup (start, len);
  segment->lang = g_strdup (lang);
  /* Offsets are characters, like espeak-ng's text_position and GtkTextBuffer. */
  segment->char_offset = g_utf8_strlen (unmarked->str, unmarked->len);
  g_string_append_len (unmarked, start, len);
  g_ptr_array_add (segments, segment);
}

GPtrArray *
bk_speech_split_lang (const char  *marked,
                      char       **unmarked)
{
  GPtrArray *segments = g_ptr_array_new_with_free_func ((GDestroyNotify) bk_speech_segment_free);
  GString *out = g_string_new (NULL);
  g_autofree char *lang = NULL;
  const char *p = marked;

  while (*p != '\0')
    {
      const char *open = strstr (p, LANG_OPEN);
      const char *close = strstr (p, LANG_CLOSE);
      const char *next = open;

      if (close != NULL && (next == NULL || close < next))
        next = close;
      if (next == NULL)
        {
          add_segment (segments, out, p, strlen (p), lang);
          break;
        }
      add_segment (segments, out, p, next - p, lang);
      if (next == close)
        {
          g_clear_pointer (&lang, g_free);
          p = close + strlen (LANG_CLOSE);
        }
      else
        {
          const char *code = open + strlen (LANG_OPEN);
          const char *end = strstr (code, "]]");

          if (end == NULL)
            {
              /* Not a marker after all: speak it as text. */
              add_segment (segments, out, open, strlen (open), lang);
              break;
            }
          g_free (lang);
          lang = g_strstrip (g_strndup (code, end - code));
          if (*lang == '\0')
            g_clear_pointer (&lang, g_free);
          p = end + 2;
        }
    }

  if (unmarked != NULL)
    *unmarked = g_string_free (out, FALSE);
  else
    g_string_free (out, TRUE);
  return segments;
}

char *
bk_speech_lang_from_locale (const char *locale)
{
  gsize len = 0;

  if (locale == NULL || g_str_equal (locale, "C") || g_str_has_prefix (locale, "C.")
      || g_str_equal (locale, "POSIX"))
    return NULL;
  while (g_ascii_isalpha (locale[len]))
    len++;
  if (len < 2 || len > 3)
    return NULL;
  return g_ascii_strdown (locale, len);
}

static void
put_le16 (guint8  *p,
          guint16  v)
{
  p[0] = v & 0xff;
  p[1] = v >> 8;
}

static void
put_le32 (guint8  *p,
          guint32  v)
{
  put_le16 (p, v & 0xffff);
  put_le16 (p + 2, v >> 16);
}

gboolean
bk_speech_write_wav (const char    *path,
                     const guint8  *pcm,
                     gsize          pcm_len,
                     guint          sample_rate,
                     GError       **error)
{
  guint8 header[44];
  g_autoptr(GByteArray) data = g_byte_array_sized_new (sizeof header + pcm_len);

  if (pcm_len > G_MAXUINT32 - sizeof header)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The audio is too long for a WAV file"));
      return FALSE;
    }
  memcpy (header, "RIFF", 4);
  put_le32 (header + 4, 36 + pcm_len);
  memcpy (header + 8, "WAVEfmt ", 8);
  put_le32 (header + 16, 16);            /* PCM format chunk size */
  put_le16 (header + 20, 1);             /* PCM */
  put_le16 (header + 22, 1);             /* mono */
  put_le32 (header + 24, sample_rate);
  put_le32 (header + 28, sample_rate * 2);
  put_le16 (header + 32, 2);             /* block align */
  put_le16 (header + 34, 16);            /* bits per sample */
  memcpy (header + 36, "data", 4);
  put_le32 (header + 40, pcm_len);
  g_byte_array_append (data, header, sizeof header);
  /* espeak-ng's samples are host-endian shorts; WAV wants little endian. */
#if G_BYTE_ORDER == G_LITTLE_ENDIAN
  g_byte_array_append (data, pcm, pcm_len);
#else
  for (gsize i = 0; i + 1 < pcm_len; i += 2)
    {
      guint8 le[2] = { pcm[i + 1], pcm[i] };
      g_byte_array_append (data, le, 2);
    }
#endif
  return g_file_set_contents (path, (const char *) data->data, data->len, error);
}

/* Sine tones with 5 ms fades (no clicks); each earcon differs in pitch contour
 * and rhythm, so they stay distinguishable for people who cannot see the screen. */
typedef struct {
  double f0, f1;        /* Hz at start and end (a sweep when they differ) */
  guint  ms;
  guint  gap_ms;        /* silence after it */
} Tone;

static void
render_tones (GByteArray *out,
              const Tone *tones,
              guint       n,
              guint       rate)
{
  for (guint t = 0; t < n; t++)
    {
      guint samples = rate * tones[t].ms / 1000;
      guint fade = rate * 5 / 1000;
      double phase = 0;

      for (guint i = 0; i < samples; i++)
        {
          double f = tones[t].f0 + (tones[t].f1 - tones[t].f0) * i / samples;
          double env = 1.0;
          gint16 s;

          if (i < fade)
            env = (double) i / fade;
          else if (samples - i < fade)
            env = (double) (samples - i) / fade;
          phase += 2 * G_PI * f / rate;
          s = (gint16) (0.35 * 32767 * env * sin (phase));
          g_byte_array_append (out, (guint8 *) &s, 2);
        }
      for (guint i = 0; i < rate * tones[t].gap_ms / 1000; i++)
        {
          gint16 s = 0;
          g_byte_array_append (out, (guint8 *) &s, 2);
        }
    }
}

GBytes *
bk_speech_earcon_pcm (int   earcon,
                      guint sample_rate)
{
  static const Tone move[] = { { 1200, 1200, 40, 0 } };
  static const Tone activate[] = { { 600, 1200, 110, 0 } };
  static const Tone error_tones[] = { { 330, 330, 90, 40 }, { 250, 250, 110, 0 } };
  static const Tone edge[] = { { 900, 450, 140, 0 } };
  GByteArray *out = g_byte_array_new ();

  switch (earcon)
    {
    case BK_EARCON_MOVE:
      render_tones (out, move, G_N_ELEMENTS (move), sample_rate);
      break;
    case BK_EARCON_ACTIVATE:
      render_tones (out, activate, G_N_ELEMENTS (activate), sample_rate);
      break;
    case BK_EARCON_ERROR:
      render_tones (out, error_tones, G_N_ELEMENTS (error_tones), sample_rate);
      break;
    case BK_EARCON_EDGE:
    default:
      render_tones (out, edge, G_N_ELEMENTS (edge), sample_rate);
      break;
    }
  return g_byte_array_free_to_bytes (out);
}
