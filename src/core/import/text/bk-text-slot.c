/* bk-text-slot.c: a field of a paper chosen from scored candidates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-text"

#include <string.h>

#include "bk-text-slot.h"
#include "bk-text-util.h"

static void
candidate_free (gpointer data)
{
  BkTextCandidate *c = data;

  g_free (c->value);
  g_free (c);
}

void
bk_text_slot_init (BkTextSlot *slot)
{
  slot->candidates = g_ptr_array_new_with_free_func (candidate_free);
}

void
bk_text_slot_clear (BkTextSlot *slot)
{
  g_clear_pointer (&slot->candidates, g_ptr_array_unref);
}

static char *
clean_value (const char *value)
{
  g_autofree char *v = bk_text_strip_chars (value, " \t\n*_,;");

  /* a value found over wrapped lines is one line */
  for (char *p = v; *p != '\0'; p++)
    if (*p == '\n')
      *p = ' ';
  return bk_text_collapse_spaces (v, strlen (v));
}

void
bk_text_offer (BkTextSlot *slot,
               const char *value,
               int         score)
{
  BkTextCandidate *c;
  g_autofree char *v = NULL;

  if (value == NULL)
    return;
  v = clean_value (value);
  if (*v == '\0')
    return;
  c = g_new0 (BkTextCandidate, 1);
  c->value = g_steal_pointer (&v);
  c->score = score;
  g_ptr_array_add (slot->candidates, c);
}

void
bk_text_offer_body (BkTextSlot *slot,
                    const char *value,
                    int         score)
{
  g_autofree char *v = NULL;
  gsize b;

  if (value == NULL)
    return;
  v = clean_value (value);
  b = strlen (v);
  if (b == 0)
    return;
  for (guint i = 0; i < slot->candidates->len; i++)
    {
      BkTextCandidate *c = g_ptr_array_index (slot->candidates, i);
      gsize a = strlen (c->value);

      /* a mention in passing does not rename a body a phrase named */
      if (b > a && g_ascii_strncasecmp (c->value, v, a) == 0 && !bk_text_is_word_byte ((guchar) v[a])
          && score >= 50)
        {
          /* the fuller name, at the better score */
          g_free (c->value);
          c->value = g_strdup (v);
          c->score = MAX (c->score, score);
          return;
        }
      if (a >= b && g_ascii_strncasecmp (c->value, v, b) == 0
          && (a == b || !bk_text_is_word_byte ((guchar) c->value[b])))
        {
          c->score = MAX (c->score, score);
          return;
        }
    }
  bk_text_offer (slot, v, score);
}

const char *
bk_text_slot_best (const BkTextSlot *slot,
                   int              *score)
{
  const BkTextCandidate *best = NULL;

  for (guint i = 0; i < slot->candidates->len; i++)
    {
      const BkTextCandidate *c = g_ptr_array_index (slot->candidates, i);

      if (best == NULL || c->score > best->score)
        best = c;
    }
  if (score != NULL)
    *score = best != NULL ? best->score : 0;
  return best != NULL ? best->value : NULL;
}

guint
bk_text_slot_count_values (const BkTextSlot *slot,
                           int               min_score)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < slot->candidates->len; i++)
    {
      const BkTextCandidate *c = g_ptr_array_index (slot->candidates, i);

      if (c->score >= min_score)
        g_hash_table_add (seen, c->value);
    }
  return g_hash_table_size (seen);
}
