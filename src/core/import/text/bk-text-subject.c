/* bk-text-subject.c: the title of a paper, or one taken from its request
 *
 * A labelled title ("Betreff:", "Kurztitel", "TOP 16:") wins. Without one,
 * every short paragraph of the header is a candidate, scored by what a
 * title looks like in council papers: near the top, a few words to a line
 * or two, no full stop, often "Antrag … zur …" or in quotes or bold; and by
 * what it is not: a salutation, a date or meeting line, an address, a site
 * or authority name, a letterhead, a type alone, a phrase broken off
 * ("… betreffend"). A paper without any title gets the first sentence of
 * its request, marked as derived, so that the kiosk can list it without
 * presenting a guess as the paper's words.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-text"

#include <string.h>

#include "bk-text-names.h"
#include "bk-text-subject.h"
#include "bk-text-util.h"
#include "bk-text-vocab.h"

#define MIN_TITLE_SCORE 40
#define DERIVED_WORDS 14

static gboolean
has_digits_run (const char *s,
                guint       n)
{
  guint run = 0;

  for (; *s != '\0'; s++)
    {
      run = g_ascii_isdigit (*s) ? run + 1 : 0;
      if (run >= n)
        return TRUE;
    }
  return FALSE;
}

static gboolean
ends_dangling (const char *low)
{
  static const char *const words[] = {
    "betreffend", "betr.", "der", "die", "das", "des", "den", "dem", "zur", "zum", "zu",
    "von", "und", "für", "im", "in", "an", "am", "auf", "über", "mit", "bezüglich", "wegen", NULL
  };
  const char *last = strrchr (low, ' ');

  last = last != NULL ? last + 1 : low;
  for (guint i = 0; words[i] != NULL; i++)
    if (strcmp (last, words[i]) == 0)
      return TRUE;
  return FALSE;
}

/* Every word a type or a word that goes with one ("Gemeinsamer Antrag",
 * "Anfragen und Anträge"). */
static gboolean
is_type_only (const char *low)
{
  g_auto(GStrv) words = g_strsplit (low, " ", -1);
  guint types = 0;

  for (guint i = 0; words[i] != NULL; i++)
    {
      gsize len = 0;
      gboolean specific = FALSE;
      const char *w = words[i];

      if (*w == '\0' || strcmp (w, "und") == 0 || strcmp (w, "der") == 0 || strcmp (w, "die") == 0
          || g_str_has_prefix (w, "gemeinsam") || g_str_has_prefix (w, "interfraktionell")
          || g_str_has_prefix (w, "dringlich") || g_str_has_prefix (w, "öffentlich"))
        continue;
      if (bk_text_type_at (w, &len, &specific) != NULL && len == strlen (w))
        types++;
      else
        return FALSE;
    }
  return types > 0;
}

/* A type word followed by a topic: "Antrag zur Sanierung …", "Antrag der
 * SPD-Fraktion zum …", "Antrag – auf Aufstockung …". */
static int
type_phrase_bonus (const char *low)
{
  static const char *const preps[] = {
    "zur ", "zum ", "zu ", "auf ", "betreffend ", "betr. ", "über ", "für ", "bezüglich ",
    "wegen ", "hinsichtlich ", "gemäß ", "– ", "- ", NULL
  };
  gsize len = 0;
  gboolean specific = FALSE;
  const char *w = low;
  const char *after;

  if (g_str_has_prefix (w, "gemeinsame") && strchr (w, ' ') != NULL)
    w = strchr (w, ' ') + 1;
  if (bk_text_type_at (w, &len, &specific) == NULL)
    return 0;
  after = w + len;
  while (*after == ' ')
    after++;
  for (guint i = 0; preps[i] != NULL; i++)
    if (g_str_has_prefix (after, preps[i]))
      return 25;
  /* "Antrag der SPD-Fraktion zur …" */
  if (g_str_has_prefix (after, "der ") || g_str_has_prefix (after, "von ") || g_str_has_prefix (after, "des "))
    for (guint i = 0; preps[i] != NULL && i < 13; i++)
      {
        g_autofree char *needle = g_strconcat (" ", preps[i], NULL);

        if (strstr (after, needle) != NULL)
          return 25;
      }
  return -1;
}

static gboolean
is_quoted (const char *text)
{
  static const char *const opens[] = { "„", "\"", "“", "»", "«", NULL };
  static const char *const closes[] = { "“", "\"", "”", "«", "»", NULL };
  gboolean open = FALSE;

  for (guint i = 0; opens[i] != NULL && !open; i++)
    open = g_str_has_prefix (text, opens[i]);
  if (!open)
    return FALSE;
  for (guint i = 0; closes[i] != NULL; i++)
    if (g_str_has_suffix (text, closes[i]) && strlen (text) > strlen (closes[i]) + 2)
      return TRUE;
  return FALSE;
}

static gboolean
is_place_or_site (const char *low,
                  guint       words)
{
  static const char *const kinds[] = {
    "stadt ", "landkreis ", "kreis ", "gemeinde ", "landeshauptstadt ", "hansestadt ", "markt ",
    "bezirk ", "bezirksamt ", "samtgemeinde ", "verbandsgemeinde ", NULL
  };
  static const char *const site_words[] = {
    "bürgerinfo", "ratsinfo", "informationssystem", "informationsportal", "portal", "startseite",
    "homepage", "website", "www.", "http", NULL
  };

  for (guint i = 0; site_words[i] != NULL; i++)
    if (strstr (low, site_words[i]) != NULL)
      return TRUE;
  if (words <= 5)
    for (guint i = 0; kinds[i] != NULL; i++)
      if (g_str_has_prefix (low, kinds[i]))
        return TRUE;
  return FALSE;
}

static gboolean
looks_like_address (const char *low)
{
  static const char *const streets[] = {
    "straße ", "strasse ", "str. ", "weg ", "allee ", "platz ", "gasse ", "ring ", NULL
  };
  guint digits = 0;

  for (const char *p = low; *p != '\0'; p++)
    digits += g_ascii_isdigit (*p) ? 1 : 0;

  /* a street with its number: "Lindenallee 7" */
  for (guint i = 0; streets[i] != NULL; i++)
    {
      const char *hit = strstr (low, streets[i]);

      if (hit != NULL && g_ascii_isdigit (hit[strlen (streets[i])]))
        return TRUE;
    }
  return (digits >= 5 && has_digits_run (low, 5)) || strchr (low, '@') != NULL
         || g_str_has_prefix (low, "tel") || g_str_has_prefix (low, "fax")
         || g_str_has_prefix (low, "postfach");
}

/* The score of a title candidate, or -1 when it cannot be one. */
static int
title_score (const char *text,
             gboolean    heading,
             guint       rank)
{
  g_autofree char *low = bk_text_lower_same_length (text);
  g_autofree char *stripped = bk_text_strip_chars (low, " :");
  guint words = bk_text_count_words (text);
  gsize n = strlen (text);
  int score = 60 - (int) MIN (rank, 5u) * 4;
  int bonus;
  g_autofree char *name = NULL;
  g_autofree char *role = NULL;

  if (words == 0 || words > 40 || n > 320)
    return -1;
  if (words == 1 && !is_quoted (text))
    return -1;
  if (bk_text_has_date (text) || bk_text_find_word (low, "sitzung") != NULL)
    return -1;
  /* "Antrag zu beschließen", "Der Rat möge beschließen": a request's cue */
  if (strstr (low, "beschließen") != NULL || strstr (low, "möge ") != NULL)
    return -1;
  if (g_str_has_prefix (low, "sehr geehrte") || g_str_has_prefix (low, "liebe ")
      || g_str_has_prefix (low, "hallo") || g_str_has_prefix (low, "mit freundlichen"))
    return -1;
  if (is_type_only (stripped) || ends_dangling (stripped) || looks_like_address (low)
      || is_place_or_site (low, words))
    return -1;
  if (bk_text_split_name_role (text, FALSE, &name, &role))
    return -1;
  bonus = type_phrase_bonus (low);
  if (bonus < 0)
    return -1;   /* "Antrag der SPD-Fraktion" with no topic */
  /* a letterhead: a faction and where it sits, no topic */
  if (bonus == 0 && bk_text_is_faction_name (text) && words <= 10)
    return -1;
  if (bk_text_find_assembly (low, NULL) == low && words <= 6)
    return -1;
  /* "Antrag gemäß § 34 der Geschäftsordnung": the procedure, not the topic */
  if (strstr (low, "§") != NULL || strstr (low, "geschäftsordnung") != NULL)
    bonus = MIN (bonus, 0) - 10;
  score += bonus;
  /* "Initiative: Stadträtin X": one word and a colon is a field */
  {
    const char *colon = strchr (text, ':');

    if (colon != NULL && colon[1] != '\0' && memchr (text, ' ', (gsize) (colon - text)) == NULL)
      score -= 40;
  }
  if (is_quoted (text))
    score += 20;
  if (heading)
    score += 10;
  if (words <= 2)
    score -= 8;
  else if (words > 22)
    score -= 15;
  if (text[n - 1] == '.' || text[n - 1] == '!')
    score -= 40;
  else if (text[n - 1] == ':')
    score -= 5;
  {
    g_autofree char *up = g_utf8_strup (text, -1);

    if (strcmp (up, text) == 0 && words > 1)
      score -= 30;   /* all capitals: a letterhead */
  }
  return score;
}

/* A line that opened the request may be the title as well ("Antrag der X
 * zum Anbringen eines Handlaufs:"), when it starts with a type. */
static gboolean
cue_is_title (const BkTextLine *cue)
{
  const char *lw = bk_text_skip_emphasis (cue->low);

  return type_phrase_bonus (lw) > 0;
}

void
bk_text_choose_subject (BkTextDoc *doc)
{
  guint rank = 0;

  for (guint b = 0; b < doc->blocks->len; b++)
    {
      BkTextBlock *block = g_ptr_array_index (doc->blocks, b);
      g_autoptr(GString) para = g_string_new (NULL);
      guint para_lines = 0;
      gboolean para_heading = FALSE;

      if (block->kind != BK_BLOCK_PRE && block->kind != BK_BLOCK_CONSULT)
        {
          if (block->cue != NULL && block->kind == BK_BLOCK_REQUEST && rank < 8 && cue_is_title (block->cue))
            {
              g_autofree char *t = bk_text_strip_chars (block->cue->text, " :*");
              int score = title_score (t, block->cue->heading || block->cue->bold, rank);

              if (score >= MIN_TITLE_SCORE)
                bk_text_offer (&doc->subject, t, score);
            }
          /* titles come before the paper's text */
          if (block->kind != BK_BLOCK_STATUS
              && block->kind != BK_BLOCK_ATTACHMENTS && bk_text_block_has_text (block))
            break;
          continue;
        }
      for (guint i = 0; i <= block->lines->len; i++)
        {
          const BkTextLine *l = i < block->lines->len ? g_ptr_array_index (block->lines, i) : NULL;
          gboolean end = l == NULL || l->blank || l->used;

          if (l != NULL && (l->removed || l->noise))
            continue;
          if (!end)
            {
              /* a short paragraph is one title over its lines; a long one
               * has none */
              if (para_lines < 4 && (para->len == 0 || !bk_text_ends_sentence (para->str)))
                {
                  if (para->len > 0)
                    g_string_append_c (para, ' ');
                  g_string_append (para, l->text);
                }
              para_lines++;
              para_heading |= l->heading || l->bold;
              continue;
            }
          if (para->len > 0 && para_lines <= 4)
            {
              int score = title_score (para->str, para_heading, rank);

              if (score >= MIN_TITLE_SCORE)
                bk_text_offer (&doc->subject, para->str, score);
              rank++;
            }
          g_string_truncate (para, 0);
          para_lines = 0;
          para_heading = FALSE;
        }
    }
}

/* The sentence of the request that asks: the first with a request verb,
 * or the first at all. */
static char *
request_sentence (const char *request)
{
  const char *start = request;
  char *first = NULL;

  while (*start != '\0')
    {
      const char *e = start;
      g_autofree char *sentence = NULL;
      g_autofree char *low = NULL;

      while (*e != '\0' && *e != '\n' && !((*e == '.' || *e == '!' || *e == '?' || *e == ':')
                                           && (e[1] == ' ' || e[1] == '\0' || e[1] == '\n')))
        e++;
      sentence = g_strndup (start, (gsize) (e - start));
      g_strstrip (sentence);
      low = bk_text_lower_same_length (sentence);
      if (first == NULL && *sentence != '\0')
        first = g_strdup (sentence);
      if (bk_text_is_request_text (low) && bk_text_count_words (sentence) >= 4)
        {
          g_free (first);
          return g_steal_pointer (&sentence);
        }
      start = *e != '\0' ? e + 1 : e;
      while (*start == ' ' || *start == '\n')
        start++;
    }
  return first;
}

/* What follows the formula that introduces a request: "Der Kreistag
 * beschließt, …", "Die Verwaltung wird beauftragt, …", "Wir bitten Sie …, ". */
static const char *
after_formula (const char *sentence)
{
  static const char *const verbs[] = {
    " möge beschließen", " wolle beschließen", " beschließt", " beantragt", " beantragen",
    " beauftragt", " wird gebeten", " werden gebeten", " bittet", " bitten", " fordert",
    " fordern", " ersucht", NULL
  };
  g_autofree char *low = bk_text_lower_same_length (sentence);
  const char *best = NULL;

  for (guint i = 0; verbs[i] != NULL; i++)
    {
      const char *hit = strstr (low, verbs[i]);
      const char *r;

      if (hit == NULL || hit - low > 90)
        continue;
      r = hit + strlen (verbs[i]);
      /* "beauftragt den Kreisausschuss, …", "bitten Sie im Interesse …, " */
      if (*r != ',' && *r != ':')
        {
          const char *comma = strchr (r, ',');

          if (comma != NULL && comma - r < 90 && bk_text_count_words (comma + 1) >= 3)
            r = comma;
        }
      while (*r == ',' || *r == ':' || *r == ' ')
        r++;
      if (g_str_has_prefix (r, "dass "))
        r += 5;
      if (bk_text_count_words (r) >= 2 && (best == NULL || r < best))
        best = r;
    }
  return best != NULL ? sentence + (best - low) : sentence;
}

static gboolean
is_phrase_word (const char *w)
{
  static const char *const small[] = {
    "der", "die", "das", "des", "dem", "den", "von", "vom", "zur", "zum", "im", "in", "für",
    "mit", "auf", "an", "am", "und", "eines", "einer", "einem", "einen", "ein", "eine", "bei",
    "über", "nach", "aus", NULL
  };

  for (guint i = 0; small[i] != NULL; i++)
    if (strcmp (w, small[i]) == 0)
      return TRUE;
  return FALSE;
}

/* "Landschaftsplan „Rorup“ als Satzung", "Einrichtung eines Kommunalen
 * Seniorenbeirates": a noun phrase that names the matter, or NULL. */
static char *
matter_of (const char *text)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  guint n = g_strv_length (words), start = n;

  /* a name in quotes after its noun */
  for (guint i = 1; i < n && start == n; i++)
    if ((g_str_has_prefix (words[i], "„") || g_str_has_prefix (words[i], "\""))
        && g_unichar_isupper (g_utf8_get_char (words[i - 1])))
      start = i - 1;
  /* a noun of action with what it acts on */
  for (guint i = 0; i + 1 < n && start == n; i++)
    {
      gsize wl = strlen (words[i]);
      g_autofree char *next = bk_text_lower_same_length (words[i + 1]);

      if (wl > 5 && g_unichar_isupper (g_utf8_get_char (words[i]))
          && (g_str_has_suffix (words[i], "ung") || g_str_has_suffix (words[i], "ungen"))
          && is_phrase_word (next))
        start = i;
    }
  if (start == n)
    return NULL;
  {
    GString *out = g_string_new (NULL);
    guint taken = 0;

    for (guint i = start; i < n && taken < DERIVED_WORDS; i++)
      {
        g_autofree char *low = bk_text_lower_same_length (words[i]);
        gboolean capital = g_unichar_isupper (g_utf8_get_char (words[i]))
                           || g_str_has_prefix (words[i], "„") || g_ascii_isdigit (words[i][0]);
        gboolean adjective = i + 1 < n && g_unichar_isupper (g_utf8_get_char (words[i + 1]));
        gsize wl = strlen (words[i]);
        gboolean ends = wl > 0 && strchr (",.;:!?", words[i][wl - 1]) != NULL;

        if (*words[i] == '\0')
          continue;
        if (i > start && !capital && !is_phrase_word (low) && !adjective
            && strcmp (low, "als") != 0)
          break;
        if (out->len > 0)
          g_string_append_c (out, ' ');
        g_string_append (out, words[i]);
        taken++;
        if (ends)
          break;
      }
    while (out->len > 0 && strchr (",.;: ", out->str[out->len - 1]) != NULL)
      g_string_truncate (out, out->len - 1);
    /* a phrase ends in its noun, not in "der" or "als" */
    while (TRUE)
      {
        const char *sp = strrchr (out->str, ' ');
        g_autofree char *last = NULL;

        if (sp == NULL)
          break;
        last = bk_text_lower_same_length (sp + 1);
        if (!is_phrase_word (last) && strcmp (last, "als") != 0)
          break;
        g_string_truncate (out, (gsize) (sp - out->str));
      }
    if (bk_text_count_words (out->str) < 2)
      {
        g_string_free (out, TRUE);
        return NULL;
      }
    return g_string_free (out, FALSE);
  }
}

static char *
capitalised (const char *text)
{
  gunichar c = g_utf8_get_char (text);
  GString *out = g_string_new (text);

  if (g_unichar_islower (c))
    {
      char buf[8];
      gint bl = g_unichar_to_utf8 (g_unichar_toupper (c), buf);

      g_string_erase (out, 0, g_utf8_next_char (out->str) - out->str);
      g_string_prepend_len (out, buf, bl);
    }
  return g_string_free (out, FALSE);
}

/* A title from a request: the matter it names ("Einrichtung eines
 * Seniorenbeirates"), or else the words after the formula that introduces
 * it, a dozen at most. */
char *
bk_text_derive_subject (const char *request)
{
  g_autofree char *sentence = NULL;
  g_autofree char *matter = NULL;
  g_auto(GStrv) words = NULL;
  const char *rest;
  GString *out;
  guint n;

  if (request == NULL || (sentence = request_sentence (request)) == NULL || *sentence == '\0')
    return NULL;
  rest = after_formula (sentence);
  if ((matter = matter_of (rest)) != NULL)
    return capitalised (matter);
  words = g_strsplit (rest, " ", -1);
  n = g_strv_length (words);
  out = g_string_new (NULL);
  for (guint i = 0; i < n && i < DERIVED_WORDS; i++)
    {
      if (*words[i] == '\0')
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, words[i]);
    }
  while (out->len > 0 && strchr (",;: ", out->str[out->len - 1]) != NULL)
    g_string_truncate (out, out->len - 1);
  if (n > DERIVED_WORDS)
    g_string_append (out, " …");
  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  {
    g_autofree char *s = g_string_free (out, FALSE);

    return capitalised (s);
  }
}
