/* bk-text-points.c: the points of a resolution and the questions of an Anfrage
 *
 * Numbered items ("1.", "2)", "01", "I.") are points, lettered ones ("a)",
 * "b.") and bullets their sub-points; a resolution without numbers is one
 * point, however many paragraphs it has. Lists whose numbers all read "1."
 * (a web page's list copied as text) still give one point per item.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-text"

#include <stdlib.h>
#include <string.h>

#include "bk-text-points.h"
#include "bk-text-util.h"

typedef struct {
  GString *text;
  GPtrArray *subs;      /* GString* */
  gboolean numbered;
  gboolean bulleted;    /* started by a bullet or letter with no point above it */
  BkMark mark;          /* the marker that started it */
  int number;           /* the number it was given, -1 for none */
} Item;

static void
item_free (gpointer data)
{
  Item *it = data;

  g_string_free (it->text, TRUE);
  g_ptr_array_unref (it->subs);
  g_free (it);
}

static void
gstring_free (gpointer data)
{
  g_string_free (data, TRUE);
}

static Item *
item_new (GPtrArray  *items,
          const char *text,
          gboolean    numbered)
{
  Item *it = g_new0 (Item, 1);

  it->text = g_string_new (text);
  it->subs = g_ptr_array_new_with_free_func (gstring_free);
  it->numbered = numbered;
  it->number = -1;
  g_ptr_array_add (items, it);
  return it;
}

/* "(Ergänzungen fett und Streichungen durchgestrichen markiert)": a note on
 * marks the copy lost, not part of the request. */
static gboolean
is_markup_note (const char *low)
{
  gboolean marks = strstr (low, "fett") != NULL || strstr (low, "kursiv") != NULL
                   || strstr (low, "durchgestrichen") != NULL || strstr (low, "unterstrichen") != NULL
                   || strstr (low, "gestrichen") != NULL || strstr (low, "markiert") != NULL;

  if (!marks || bk_text_count_words (low) > 14)
    return FALSE;
  return low[0] == '(' || g_str_has_suffix (low, ":") || g_str_has_suffix (low, ")")
         || strstr (low, "streichung") != NULL || strstr (low, "ergänzung") != NULL;
}

static int
number_of (const char *text)
{
  return g_ascii_isdigit (*text) ? atoi (text) : -1;
}

static GPtrArray *
build_items (BkTextDoc *doc,
             GPtrArray *lines)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (item_free);
  Item *cur = NULL;
  GString *sub = NULL;
  gboolean prev_blank = TRUE, want_content = FALSE;

  for (guint i = 0; i < lines->len; i++)
    {
      const BkTextLine *l = g_ptr_array_index (lines, i);
      const char *content = NULL;
      BkMark mark;

      if (l->removed || l->noise || l->used)
        continue;
      if (l->struck)
        doc->struck = TRUE;
      if (l->blank)
        {
          prev_blank = TRUE;
          continue;
        }
      if (is_markup_note (l->low))
        {
          doc->markup_lost = TRUE;
          continue;
        }
      mark = bk_text_list_marker (l->text, &content);
      if (want_content && mark == BK_MARK_NONE)
        {
          /* "01" on a line of its own, its text below */
          g_string_assign (sub != NULL ? sub : cur->text, l->text);
          want_content = FALSE;
          prev_blank = FALSE;
          continue;
        }
      want_content = FALSE;
      if (mark == BK_MARK_NUMBER)
        {
          cur = item_new (items, content, TRUE);
          cur->number = number_of (l->text);
          sub = NULL;
          want_content = *content == '\0';
        }
      else if (mark != BK_MARK_NONE && cur != NULL && !(cur->bulleted && mark == cur->mark && sub == NULL))
        {
          sub = g_string_new (content);
          g_ptr_array_add (cur->subs, sub);
          want_content = *content == '\0';
        }
      else if (mark != BK_MARK_NONE)
        {
          /* bullets or letters with no point above them are the points */
          cur = item_new (items, content, FALSE);
          cur->bulleted = TRUE;
          cur->mark = mark;
          sub = NULL;
        }
      else if (sub != NULL && (!prev_blank || bk_text_starts_lower (l->text)
                               || !bk_text_ends_sentence (sub->str) || g_str_has_suffix (sub->str, ":")))
        bk_text_join_text (sub, l->text);
      else if (cur != NULL && (!prev_blank || bk_text_starts_lower (l->text)))
        {
          sub = NULL;
          bk_text_join_text (cur->text, l->text);
        }
      else if (cur != NULL && !cur->bulleted)
        {
          /* another paragraph of the same point */
          sub = NULL;
          if (cur->text->len > 0)
            g_string_append (cur->text, "\n\n");
          g_string_append (cur->text, l->text);
        }
      else
        {
          cur = item_new (items, l->text, FALSE);
          sub = NULL;
        }
      prev_blank = FALSE;
    }
  /* empty items ("1." with nothing after it at the end) */
  for (guint i = items->len; i > 0; i--)
    {
      Item *it = g_ptr_array_index (items, i - 1);

      if (it->text->len == 0 && it->subs->len == 0)
        g_ptr_array_remove_index (items, i - 1);
    }
  return items;
}

static gboolean
is_amendment_lead (const char *text)
{
  g_autofree char *low = bk_text_lower_same_length (text);

  return strstr (low, "geändert") != NULL || strstr (low, "ergänzt") != NULL
         || strstr (low, "ersetzt") != NULL || strstr (low, "folgende fassung") != NULL
         || strstr (low, "wie folgt") != NULL;
}

/* An unnumbered lead-in before numbered items: "Der Beschlussvorschlag wird
 * wie folgt geändert:" makes the items its sub-points (its "1." is not the
 * resolution's point 2); "Die Verwaltung wird beauftragt:" goes in front of
 * the first item, so that the numbers stay those of the paper. */
static void
settle_lead_in (GPtrArray *items)
{
  Item *lead;
  guint numbered = 0;

  if (items->len < 3)
    return;
  lead = g_ptr_array_index (items, 0);
  /* "… wird beauftragt:" or "Der Senat wird ersucht," before the list */
  if (lead->numbered || lead->subs->len > 0
      || (!g_str_has_suffix (lead->text->str, ":") && !g_str_has_suffix (lead->text->str, ",")))
    return;
  for (guint i = 1; i < items->len; i++)
    {
      Item *it = g_ptr_array_index (items, i);

      if (!it->numbered)
        return;
      numbered++;
    }
  if (is_amendment_lead (lead->text->str) && g_str_has_suffix (lead->text->str, ":"))
    {
      gboolean any_subs = FALSE;

      for (guint i = 1; i < items->len; i++)
        any_subs |= ((Item *) g_ptr_array_index (items, i))->subs->len > 0;
      if (any_subs)
        return;
      for (guint i = 1; i < items->len; i++)
        g_ptr_array_add (lead->subs, g_string_new (((Item *) g_ptr_array_index (items, i))->text->str));
      g_ptr_array_set_size (items, 1);
      return;
    }
  {
    Item *first = g_ptr_array_index (items, 1);

    g_string_prepend_c (first->text, ' ');
    g_string_prepend (first->text, lead->text->str);
    g_ptr_array_remove_index (items, 0);
  }
}

/* "1.", "1.", "1." for every item: a web page's numbered list as text. */
static gboolean
numbers_repeated (GPtrArray *items)
{
  guint ones = 0, n = 0;

  for (guint i = 0; i < items->len; i++)
    {
      Item *it = g_ptr_array_index (items, i);

      if (!it->numbered)
        continue;
      n++;
      if (it->number == 1)
        ones++;
    }
  return n >= 2 && ones == n;
}

void
bk_text_build_points (BkTextDoc *doc,
                      GPtrArray *lines)
{
  g_autoptr(GPtrArray) items = build_items (doc, lines);

  settle_lead_in (items);
  if (numbers_repeated (items))
    doc->numbers_repeated = TRUE;
  for (guint i = 0; i < items->len; i++)
    {
      Item *it = g_ptr_array_index (items, i);
      BkResolutionPoint *p = bk_motion_add_point (doc->m, it->text->str);

      for (guint k = 0; k < it->subs->len; k++)
        {
          GString *s = g_ptr_array_index (it->subs, k);

          if (s->len > 0)
            bk_resolution_point_add_subpoint (p, s->str);
        }
    }
}

/* "Wie viele …? Wer trägt …?": one question per question mark, when every
 * sentence of the paragraph asks. */
static void
add_question_sentences (BkTextDoc  *doc,
                        const char *text)
{
  guint asks = 0, sentences = 0;
  GString *cur = g_string_new (NULL);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);

  for (const char *p = text; *p != '\0'; p++)
    {
      g_string_append_c (cur, *p);
      if ((*p == '?' || *p == '.' || *p == '!') && (p[1] == ' ' || p[1] == '\0' || p[1] == '\n'))
        {
          char *s = g_strstrip (g_strdup (cur->str));

          sentences++;
          if (*p == '?')
            asks++;
          g_ptr_array_add (found, s);
          g_string_truncate (cur, 0);
        }
    }
  if (cur->len > 0 && *g_strstrip (cur->str) != '\0')
    {
      sentences++;
      g_ptr_array_add (found, g_strdup (cur->str));
    }
  g_string_free (cur, TRUE);
  if (asks >= 2 && asks == sentences)
    {
      for (guint i = 0; i < found->len; i++)
        bk_motion_add_question (doc->m, g_ptr_array_index (found, i));
      return;
    }
  bk_motion_add_question (doc->m, text);
}

void
bk_text_build_questions (BkTextDoc *doc,
                         GPtrArray *lines)
{
  g_autoptr(GPtrArray) items = build_items (doc, lines);
  gboolean any_numbered = FALSE;

  for (guint i = 0; i < items->len; i++)
    any_numbered |= ((Item *) g_ptr_array_index (items, i))->numbered;
  if (numbers_repeated (items))
    doc->numbers_repeated = TRUE;
  for (guint i = 0; i < items->len; i++)
    {
      Item *it = g_ptr_array_index (items, i);
      BkResolutionPoint *q;

      /* "Wir fragen daher:" before numbered questions introduces them */
      if (any_numbered && !it->numbered && i == 0 && g_str_has_suffix (it->text->str, ":"))
        continue;
      if (!it->numbered && it->subs->len == 0 && !any_numbered)
        {
          g_auto(GStrv) paras = g_strsplit (it->text->str, "\n\n", -1);

          for (guint k = 0; paras[k] != NULL; k++)
            if (*paras[k] != '\0')
              add_question_sentences (doc, paras[k]);
          continue;
        }
      q = bk_motion_add_question (doc->m, it->text->str);
      for (guint k = 0; k < it->subs->len; k++)
        {
          GString *s = g_ptr_array_index (it->subs, k);

          if (s->len > 0)
            bk_resolution_point_add_subpoint (q, s->str);
        }
    }
}
