/* bk-text-tidy.c: page furniture and site remnants out of the reader's lines
 *
 * A PDF export repeats its page header and numbers its pages; a web page
 * wraps the paper in navigation, teasers of other articles and a lead-in; a
 * copied table cell keeps the hard wraps of its column. None of it is the
 * paper's text, and all of it would otherwise be taken for a title, a
 * point or a signature.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-text"

#include <string.h>

#include "bk-text-lines.h"
#include "bk-text-tidy.h"
#include "bk-text-util.h"
#include "bk-text-vocab.h"

#define LINE(lines, i) ((BkTextLine *) g_ptr_array_index ((lines), (i)))

static gboolean
live (const BkTextLine *l)
{
  return !l->blank && !l->removed && !l->noise;
}

static gboolean
is_page_marker (const char *low)
{
  const char *p = low;

  if (g_str_has_prefix (p, "seite ") || g_str_has_prefix (p, "page ") || g_str_has_prefix (p, "s. "))
    {
      p = strchr (p, ' ') + 1;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
      if (*p == '\0')
        return TRUE;
      if (g_str_has_prefix (p, " von ") || g_str_has_prefix (p, " of "))
        p = strchr (p + 1, ' ') + 1;
      else if (g_str_has_prefix (p, " / ") || g_str_has_prefix (p, "/"))
        p += *p == '/' ? 1 : 3;
      else
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
      return *p == '\0';
    }
  if (*p == '-' || g_str_has_prefix (p, "–"))
    {
      p += *p == '-' ? 1 : strlen ("–");
      while (*p == ' ')
        p++;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
      while (*p == ' ')
        p++;
      return strcmp (p, "-") == 0 || strcmp (p, "–") == 0;
    }
  return FALSE;
}

/* "# Quelle: https://…", a bare web address: where a page came from, not
 * what it says. */
static gboolean
is_address_line (const char *low)
{
  const char *p = low;

  while (*p == '#' || *p == ' ')
    p++;
  if (g_str_has_prefix (p, "quelle:") || g_str_has_prefix (p, "source:") || g_str_has_prefix (p, "url:"))
    {
      p = strchr (p, ':') + 1;
      while (*p == ' ')
        p++;
    }
  if (!g_str_has_prefix (p, "http://") && !g_str_has_prefix (p, "https://") && !g_str_has_prefix (p, "www."))
    return FALSE;
  return strchr (p, ' ') == NULL;
}

/* Drops line i (a page header or page number) and joins the paragraph the
 * page break had split: the text before it does not end a sentence. */
static void
remove_and_join (GPtrArray *lines,
                 guint      i)
{
  gint prev = -1;
  guint next = lines->len;

  LINE (lines, i)->removed = TRUE;
  for (gint k = (gint) i - 1; k >= 0; k--)
    if (live (LINE (lines, k)))
      {
        prev = k;
        break;
      }
  for (guint k = i + 1; k < lines->len; k++)
    if (live (LINE (lines, k)))
      {
        next = k;
        break;
      }
  if (prev >= 0 && next < lines->len)
    {
      BkTextLine *a = LINE (lines, prev);
      BkTextLine *b = LINE (lines, next);
      const char *content;

      /* German nouns are capitalised, so the case of the next word says
       * little; an unfinished sentence before the break is the signal. */
      if (!bk_text_ends_sentence (a->text) && !a->heading && !a->bold
          && bk_text_count_words (a->text) > 3
          && bk_text_list_marker (b->text, &content) == BK_MARK_NONE)
        {
          GString *s = g_string_new (a->text);

          bk_text_join_text (s, b->text);
          bk_text_line_set_text (a, g_string_free (s, FALSE));
          g_strfreev (a->cells);
          a->cells = g_new0 (char *, 2);
          a->cells[0] = g_strdup (a->text);
          a->n_cells = 1;
          for (guint k = (guint) prev + 1; k <= next; k++)
            LINE (lines, k)->removed = TRUE;
        }
    }
}

static void
remove_page_furniture (GPtrArray *lines)
{
  const BkTextLine *first = NULL;

  for (guint i = 0; i < lines->len; i++)
    {
      BkTextLine *l = LINE (lines, i);

      if (!live (l))
        continue;
      if (first == NULL)
        {
          first = l;
          continue;
        }
      if (is_page_marker (l->low)
          || (strlen (first->text) >= 10 && strcmp (l->text, first->text) == 0))
        remove_and_join (lines, i);
    }
}

/* Equal but for spaces and case: "Fraktion Gartenparteiim Stadtrat" is the
 * line before it again, copied from a second layer of the page. */
static gboolean
same_loose (const char *a,
            const char *b)
{
  while (*a != '\0' || *b != '\0')
    {
      while (*a == ' ' || *a == ':')
        a++;
      while (*b == ' ' || *b == ':')
        b++;
      if (*a != *b)
        return FALSE;
      if (*a == '\0')
        return TRUE;
      a++;
      b++;
    }
  return TRUE;
}

/* Web pages render headings and lead sentences twice (an accessible copy,
 * a print copy); the second one says nothing new. */
static void
remove_adjacent_duplicates (GPtrArray *lines)
{
  BkTextLine *prev = NULL;

  for (guint i = 0; i < lines->len; i++)
    {
      BkTextLine *l = LINE (lines, i);
      const char *content;

      if (!live (l))
        continue;
      /* headings and labels, not sentences: a text may say a thing twice */
      if (prev != NULL && strlen (l->low) <= 160 && strlen (l->low) >= 4
          && !g_str_has_suffix (l->text, ".") && !g_str_has_suffix (l->text, "!")
          && !g_str_has_suffix (l->text, "?")
          && bk_text_list_marker (l->text, &content) == BK_MARK_NONE
          && same_loose (prev->low, l->low))
        {
          l->removed = TRUE;
          continue;
        }
      prev = l;
    }
}

static gboolean
has_paper_cue (const char *low)
{
  static const char *const starts[] = {
    "begründung", "beschlussvorschlag", "beschlussantrag", "sachverhalt", "mit freundlichen gr",
    "antrag:", "beschluss:", NULL
  };

  for (guint i = 0; starts[i] != NULL; i++)
    if (g_str_has_prefix (low, starts[i]))
      return TRUE;
  return strstr (low, "möge beschließen") != NULL || strstr (low, "wolle beschließen") != NULL;
}

/* Lead-ins, navigation and teasers. Returns TRUE when lines were left out
 * around the paper (not single navigation words). */
static gboolean
mark_site_remnants (GPtrArray *lines)
{
  gboolean dropped = FALSE, started = FALSE;
  guint seen = 0;

  /* a lead-in near the top: what precedes it is a teaser of the page */
  for (guint i = 0; i < lines->len && seen < 15; i++)
    {
      BkTextLine *l = LINE (lines, i);

      if (!live (l))
        continue;
      seen++;
      if (bk_text_is_lead_in (l->low))
        {
          for (guint k = 0; k <= i; k++)
            LINE (lines, k)->noise = TRUE;
          dropped = TRUE;
          break;
        }
    }
  for (guint i = 0; i < lines->len; i++)
    {
      BkTextLine *l = LINE (lines, i);
      gboolean cue_after = FALSE;

      if (!live (l))
        continue;
      if (is_address_line (l->low))
        {
          l->noise = TRUE;
          continue;
        }
      if (!bk_text_is_site_remnant (l->low))
        {
          if (bk_text_count_words (l->text) >= 8)
            started = TRUE;
          continue;
        }
      l->noise = TRUE;
      if (!started)
        continue;
      /* after the paper: everything from here is the page's, unless the
       * paper goes on */
      for (guint k = i + 1; k < lines->len && !cue_after; k++)
        if (live (LINE (lines, k)) && has_paper_cue (LINE (lines, k)->low))
          cue_after = TRUE;
      if (cue_after)
        continue;
      for (guint k = i + 1; k < lines->len; k++)
        if (!LINE (lines, k)->blank)
          {
            LINE (lines, k)->noise = TRUE;
            dropped = TRUE;
          }
      break;
    }
  return dropped;
}

static gboolean
ends_in_function_word (const char *low)
{
  static const char *const words[] = {
    "der", "die", "das", "den", "dem", "des", "und", "oder", "bei", "von", "vom", "zu", "zur",
    "zum", "mit", "für", "auf", "in", "im", "an", "am", "ein", "eine", "einer", "eines", "einen",
    "dieser", "diese", "dieses", "sowie", "bzw.", "als", "wie", "dass", "nach", "über", "unter",
    "durch", "gegen", "ohne", "um", "aus", "sind", "ist", "wird", "werden", "soll", "sollen",
    "nicht", "auch", "sich", NULL
  };
  const char *last = strrchr (low, ' ');

  last = last != NULL ? last + 1 : low;
  for (guint i = 0; words[i] != NULL; i++)
    if (strcmp (last, words[i]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
is_heading_like (const BkTextLine *l)
{
  const char *v = NULL;
  gboolean colon = FALSE;

  return l->heading || l->bold || bk_text_match_label (l->text, &v, &colon) != BK_LABEL_NONE;
}

/* A column of a web page or PDF copied with a blank line after every line:
 * "… in allen Stadtteilen bei der" / "" / "Ausrichtung von …". The
 * sentence goes on when the line before does not end it and either ends in
 * a function word or the next starts in lower case. */
static void
join_across_blanks (GPtrArray *lines)
{
  for (guint i = 0; i < lines->len; i++)
    {
      BkTextLine *a = LINE (lines, i);
      BkTextLine *b = NULL;
      guint j, blanks = 0;
      const char *content;

      if (!live (a) || bk_text_ends_sentence (a->text) || a->n_cells > 1
          || bk_text_count_words (a->text) < 5 || is_heading_like (a))
        continue;
      for (j = i + 1; j < lines->len; j++)
        {
          BkTextLine *c = LINE (lines, j);

          if (c->blank)
            {
              blanks++;
              continue;
            }
          if (c->removed || c->noise)
            continue;
          b = c;
          break;
        }
      if (b == NULL || blanks == 0 || blanks > 2 || b->n_cells > 1 || is_heading_like (b)
          || bk_text_list_marker (b->text, &content) != BK_MARK_NONE)
        continue;
      /* a salutation ends with a comma; a heading ("Begründung:") or a
       * name is short and starts in capitals */
      if (g_str_has_prefix (a->low, "sehr ") || g_str_has_prefix (a->low, "liebe")
          || g_str_has_prefix (a->low, "hallo") || g_str_has_prefix (a->low, "guten tag")
          || (bk_text_count_words (b->text) <= 6 && g_str_has_suffix (b->text, ":"))
          || (bk_text_count_words (b->text) <= 2 && !bk_text_starts_lower (b->text)))
        continue;
      if (!bk_text_starts_lower (b->text) && !ends_in_function_word (a->low))
        continue;
      {
        GString *s = g_string_new (a->text);

        bk_text_join_text (s, b->text);
        bk_text_line_set_text (a, g_string_free (s, FALSE));
        g_strfreev (a->cells);
        a->cells = g_new0 (char *, 2);
        a->cells[0] = g_strdup (a->text);
        a->n_cells = 1;
        for (guint k = i + 1; k <= j; k++)
          LINE (lines, k)->removed = TRUE;
        i--;   /* the joined line may go on further */
      }
    }
}

gboolean
bk_text_tidy_lines (GPtrArray *lines)
{
  gboolean dropped;

  remove_page_furniture (lines);
  remove_adjacent_duplicates (lines);
  dropped = mark_site_remnants (lines);
  join_across_blanks (lines);
  return dropped;
}

void
bk_text_number_paragraphs (GPtrArray *lines)
{
  guint para = 0;
  gboolean in = FALSE;

  for (guint i = 0; i < lines->len; i++)
    {
      BkTextLine *l = LINE (lines, i);

      if (l->removed || l->noise)
        continue;
      if (l->blank)
        {
          if (in)
            para++;
          in = FALSE;
          continue;
        }
      l->para = para;
      in = TRUE;
    }
}
