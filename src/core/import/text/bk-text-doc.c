/* bk-text-doc.c: a paper while the reader works on it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-text"

#include <string.h>

#include "bk-text-doc.h"
#include "bk-text-util.h"
#include "bk-text-vocab.h"

static void
block_free (gpointer data)
{
  BkTextBlock *b = data;

  g_ptr_array_unref (b->lines);
  g_free (b);
}

void
bk_text_doc_init (BkTextDoc *doc)
{
  memset (doc, 0, sizeof *doc);
  doc->m = bk_motion_new ();
  doc->extra = g_ptr_array_new_with_free_func (bk_text_line_free);
  doc->blocks = g_ptr_array_new_with_free_func (block_free);
  bk_text_slot_init (&doc->subject);
  bk_text_slot_init (&doc->date);
  bk_text_slot_init (&doc->body);
  bk_text_slot_init (&doc->type);
  bk_text_slot_init (&doc->reference);
  bk_text_slot_init (&doc->addressee);
  bk_text_slot_init (&doc->submitters);
  doc->closing_factions = g_ptr_array_new_with_free_func (g_free);
  doc->letterhead_roles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  doc->own_refs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  doc->related = g_ptr_array_new_with_free_func (g_free);
  doc->places = g_ptr_array_new_with_free_func (g_free);
  doc->is_public = -1;
}

void
bk_text_doc_clear (BkTextDoc *doc)
{
  g_clear_pointer (&doc->lines, g_ptr_array_unref);
  g_clear_pointer (&doc->extra, g_ptr_array_unref);
  g_clear_pointer (&doc->blocks, g_ptr_array_unref);
  g_clear_pointer (&doc->m, bk_motion_free);
  bk_text_slot_clear (&doc->subject);
  bk_text_slot_clear (&doc->date);
  bk_text_slot_clear (&doc->body);
  bk_text_slot_clear (&doc->type);
  bk_text_slot_clear (&doc->reference);
  bk_text_slot_clear (&doc->addressee);
  bk_text_slot_clear (&doc->submitters);
  g_clear_pointer (&doc->closing_factions, g_ptr_array_unref);
  g_clear_pointer (&doc->letterhead_roles, g_hash_table_unref);
  g_clear_pointer (&doc->own_refs, g_hash_table_unref);
  g_clear_pointer (&doc->related, g_ptr_array_unref);
  g_clear_pointer (&doc->places, g_ptr_array_unref);
  g_clear_pointer (&doc->salutation, g_free);
}

BkTextBlock *
bk_text_doc_add_block (BkTextDoc   *doc,
                       BkBlockKind  kind,
                       BkTextLine  *cue)
{
  BkTextBlock *b = g_new0 (BkTextBlock, 1);

  b->kind = kind;
  b->cue = cue;
  b->lines = g_ptr_array_new ();
  g_ptr_array_add (doc->blocks, b);
  return b;
}

BkTextLine *
bk_text_doc_add_extra (BkTextDoc   *doc,
                       BkTextBlock *block,
                       const char  *text)
{
  BkTextLine *l = bk_text_line_new_plain (text);

  g_ptr_array_add (doc->extra, l);
  g_ptr_array_add (block->lines, l);
  return l;
}

gboolean
bk_text_block_has_text (const BkTextBlock *block)
{
  for (guint i = 0; i < block->lines->len; i++)
    {
      const BkTextLine *l = g_ptr_array_index (block->lines, i);

      if (!l->blank && !l->removed && !l->noise)
        return TRUE;
    }
  return FALSE;
}

GPtrArray *
bk_text_doc_blocks_of (BkTextDoc   *doc,
                       BkBlockKind  kind)
{
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; i < doc->blocks->len; i++)
    {
      BkTextBlock *b = g_ptr_array_index (doc->blocks, i);

      if (b->kind == kind)
        g_ptr_array_add (out, b);
    }
  return out;
}

GPtrArray *
bk_text_doc_lines_of (BkTextDoc         *doc,
                      const BkBlockKind *kinds,
                      guint              n_kinds)
{
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; i < doc->blocks->len; i++)
    {
      BkTextBlock *b = g_ptr_array_index (doc->blocks, i);
      gboolean wanted = FALSE;

      for (guint k = 0; k < n_kinds && !wanted; k++)
        wanted = b->kind == kinds[k];
      if (!wanted)
        continue;
      for (guint k = 0; k < b->lines->len; k++)
        g_ptr_array_add (out, g_ptr_array_index (b->lines, k));
    }
  return out;
}

/* ------------------------------------------------------------------ */
/* places                                                              */

static const struct {
  const char *word;    /* lower case, with the case endings it takes */
  const char *kind;
  gboolean in_text;    /* also in running text, where "des Landkreises" is generic */
} place_kinds[] = {
  { "landeshauptstadt ", "Landeshauptstadt", TRUE }, { "universitätsstadt ", "Stadt", TRUE },
  { "hansestadt ", "Hansestadt", TRUE }, { "kreisstadt ", "Stadt", TRUE }, { "stadt ", "Stadt", TRUE },
  { "samtgemeinde ", "Samtgemeinde", TRUE }, { "verbandsgemeinde ", "Verbandsgemeinde", TRUE },
  { "ortsgemeinde ", "Ortsgemeinde", TRUE }, { "gemeinde ", "Gemeinde", TRUE },
  { "landkreises ", "Landkreis", FALSE }, { "landkreis ", "Landkreis", TRUE },
  { "kreises ", "Kreis", FALSE }, { "kreis ", "Kreis", FALSE }, { "markt ", "Markt", FALSE },
  { "kreishaus ", "Kreis", TRUE }, { "landratsamt ", "Landkreis", TRUE },
  { "stadtverwaltung ", "Stadt", TRUE }, { "kreisverwaltung ", "Kreis", TRUE },
  { "verwaltung in ", "", TRUE },
};

static gboolean
is_name_word (const char *w)
{
  static const char *const nouns[] = {
    "Verwaltung", "Stadtverwaltung", "Rat", "Stadtrat", "Gemeinderat", "Kreistag", "Homepage",
    "Website", "Informationen", "Bürgerinnen", "Bürger", "Einwohner", "Mitte", "Antrag", NULL
  };
  static const char *const noun_endings[] = {
    "ung", "ungen", "heit", "keit", "schaft", "tion", "ismus", "nahme", "ität", "werk", "amt",
    "leistungen", "angebote", NULL
  };

  if (!g_unichar_isupper (g_utf8_get_char (w)) || g_utf8_strlen (w, -1) < 2)
    return FALSE;
  for (const char *p = w; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isalpha (c) && c != '-' && c != '.')
        return FALSE;
    }

  for (guint i = 0; nouns[i] != NULL; i++)
    if (strcmp (w, nouns[i]) == 0)
      return FALSE;
  for (guint i = 0; noun_endings[i] != NULL; i++)
    if (g_str_has_suffix (w, noun_endings[i]))
      return FALSE;
  return !bk_text_is_faction_name (w);
}

/* "Forst (Lausitz)", "Bad Münstereifel", "Halle (Saale)": the name after the
 * kind word; one word, a second only after a name prefix or in brackets. */
static char *
place_name_at (const char *p)
{
  static const char *const prefixes[] = {
    "Bad", "Sankt", "St.", "Neu", "Groß", "Klein", "Alt", "Hohen", "Markt", "Ober", "Unter", NULL
  };
  const char *e = p;
  g_autofree char *first = NULL;

  while (*e != '\0' && *e != ' ' && *e != ',' && *e != ';' && *e != ':' && *e != '.'
         && *e != ')' && *e != '(' && *e != '"' && *e != '\n')
    e++;
  first = g_strndup (p, (gsize) (e - p));
  if (!is_name_word (first))
    return NULL;
  for (guint i = 0; prefixes[i] != NULL; i++)
    if (strcmp (first, prefixes[i]) == 0 && *e == ' ')
      {
        g_autofree char *second = place_name_at (e + 1);

        if (second != NULL)
          return g_strconcat (first, " ", second, NULL);
      }
  if (g_str_has_prefix (e, " (") && strchr (e, ')') != NULL && strchr (e, ')') - e < 24)
    return g_strndup (p, (gsize) (strchr (e, ')') + 1 - p));
  return g_steal_pointer (&first);
}

void
bk_text_doc_scan_places (BkTextDoc  *doc,
                         const char *text,
                         gboolean    header)
{
  g_autofree char *low = bk_text_lower_flat (text);

  for (guint i = 0; i < G_N_ELEMENTS (place_kinds); i++)
    {
      const char *hit = low;

      if (!header && !place_kinds[i].in_text)
        continue;

      while ((hit = strstr (hit, place_kinds[i].word)) != NULL)
        {
          gsize off = (gsize) (hit - low), wl = strlen (place_kinds[i].word);
          g_autofree char *name = NULL;

          hit += wl;
          if (off > 0 && bk_text_is_word_byte ((guchar) low[off - 1]))
            continue;
          /* "… der Gemeinde\nSehr geehrter …": the kind ends a line */
          if (text[off + wl - 1] != ' ')
            continue;
          name = place_name_at (text + off + wl);
          if (name != NULL)
            {
              char *entry = g_strdup_printf ("%s\t%s", place_kinds[i].kind, name);
              gboolean dup = FALSE;

              for (guint k = 0; k < doc->places->len && !dup; k++)
                dup = strcmp (g_ptr_array_index (doc->places, k), entry) == 0;
              if (dup)
                g_free (entry);
              else
                g_ptr_array_add (doc->places, entry);
            }
        }
    }
}
