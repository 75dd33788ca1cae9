/* Plain-text motion parser: the vocabulary of header fields, i.e. field
 * labels ("Betreff:", "Drucksache Nr.:"), paper numbers and motion types. */

#include <string.h>

#include "bk-text-parser-private.h"

/* ------------------------------------------------------------------ */
/* field labels                                                        */

static const struct {
  const char *word;
  LabelKind kind;
} labels[] = {
  { "datum des antrags", LBL_DATE }, { "antragsdatum", LBL_DATE }, { "datum", LBL_DATE },
  { "antragstellerin", LBL_SUBMITTER }, { "antragsteller", LBL_SUBMITTER },
  { "antragstellende", LBL_SUBMITTER }, { "antragssteller", LBL_SUBMITTER },
  { "antragstellerinnen", LBL_SUBMITTER }, { "einreicher", LBL_SUBMITTER },
  { "einreicherin", LBL_SUBMITTER }, { "fragesteller", LBL_SUBMITTER },
  { "fragestellerin", LBL_SUBMITTER }, { "eingereicht von", LBL_SUBMITTER },
  { "antragsnummer", LBL_REFERENCE }, { "vorlagennummer", LBL_REFERENCE },
  { "drucksache", LBL_REFERENCE }, { "drucksachen", LBL_REFERENCE }, { "drs", LBL_REFERENCE },
  { "ds", LBL_REFERENCE }, { "vorlage", LBL_REFERENCE }, { "vorlagen", LBL_REFERENCE },
  { "antrag", LBL_REFERENCE }, { "antrags", LBL_REFERENCE }, { "anfrage", LBL_REFERENCE },
  { "betreff", LBL_SUBJECT }, { "betr", LBL_SUBJECT }, { "betrifft", LBL_SUBJECT },
  { "thema", LBL_SUBJECT }, { "titel", LBL_SUBJECT }, { "gegenstand", LBL_SUBJECT },
  { "tagesordnungspunkt", LBL_SUBJECT }, { "top", LBL_SUBJECT }, { "antragsthema", LBL_SUBJECT },
  { "status", LBL_STATUS }, { "öffentlichkeit", LBL_STATUS }, { "öffentlichkeitsstatus", LBL_STATUS },
  { "antragsart", LBL_TYPE }, { "art des antrags", LBL_TYPE }, { "vorlagenart", LBL_TYPE },
  { "dokumentart", LBL_TYPE }, { "art", LBL_TYPE },
  { "adressat", LBL_ADDRESSEE }, { "empfänger", LBL_ADDRESSEE },
  { "gremium", LBL_BODY }, { "beschlussgremium", LBL_BODY },
};

/* Matches "label: value", "label value", "drucksachenr.: value" at lw, a
 * lowered string.  Returns the kind, the byte offset of the value from lw and
 * whether a colon followed.  Allocates nothing. */
LabelKind
bk_text_match_label_low (const char *lw, gsize *value_off, gboolean *colon)
{
  *colon = FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      gsize wl = strlen (labels[i].word);
      const char *q = lw + wl;

      if (strncmp (lw, labels[i].word, wl) != 0)
        continue;
      if (g_str_has_prefix (q, "nr") && labels[i].kind == LBL_REFERENCE)
        q += 2;
      else if (bk_text_is_word_byte ((guchar) *q))
        continue;
      while (*q == ' ' || *q == '.' || *q == '*' || *q == '-')
        q++;
      if (labels[i].kind == LBL_REFERENCE)
        {
          if (g_str_has_prefix (q, "nr"))
            q += 2;
          else if (g_str_has_prefix (q, "nummer"))
            q += 6;
          while (*q == ' ' || *q == '.')
            q++;
        }
      if (*q == ':')
        {
          *colon = TRUE;
          q++;
        }
      while (*q == ' ' || *q == '*')
        q++;
      *value_off = (gsize) (q - lw);
      return labels[i].kind;
    }
  return LBL_NONE;
}

/* Matches "Label: value", "Label value", "DrucksacheNr.: value".  Returns the
 * kind, *value (into cell) and whether a colon followed. */
LabelKind
bk_text_match_label (const char *cell, const char **value, gboolean *colon)
{
  g_autofree char *low = bk_text_lower_same_length (cell);
  const char *lw = bk_text_skip_emphasis (low);
  gsize off = 0;
  LabelKind k = bk_text_match_label_low (lw, &off, colon);

  if (k != LBL_NONE)
    *value = cell + (lw - low) + off;
  return k;
}

/* "Antragsteller: SPD-Fraktion  Datum: 03.02.2026  Drucksache Nr.: 12/0301":
 * a cell that starts with a field label is split before every further label
 * with a colon, whatever space precedes it.  Labels that directly follow
 * another label (an empty value) are left alone, so "Betreff: Antrag: …"
 * stays one field. */
void
bk_text_split_label_cells (GPtrArray *cells)
{
  GPtrArray *out = NULL;

  for (guint i = 0; i < cells->len; i++)
    {
      char *cell = g_ptr_array_index (cells, i);
      g_autofree char *low = NULL;
      const char *lw;
      gsize off = 0, n, vstart, from = 0;
      gboolean colon = FALSE, any = FALSE;

      if (strchr (cell, ':') != NULL)
        {
          low = bk_text_lower_same_length (cell);
          lw = bk_text_skip_emphasis (low);
          if (bk_text_match_label_low (lw, &off, &colon) == LBL_NONE || !colon)
            g_clear_pointer (&low, g_free);
        }
      if (low == NULL)
        {
          if (out != NULL)
            g_ptr_array_add (out, cell);
          continue;
        }
      if (out == NULL)
        {
          out = g_ptr_array_new ();
          for (guint k = 0; k < i; k++)
            g_ptr_array_add (out, g_ptr_array_index (cells, k));
        }
      n = strlen (low);
      vstart = (gsize) (lw - low) + off;
      for (gsize p = vstart + 1; p < n; p++)
        {
          gsize voff = 0, cut;
          gboolean c2 = FALSE, empty = TRUE;

          if (low[p - 1] != ' ' && low[p - 1] != '*')
            continue;
          if (!g_ascii_isalpha (low[p]) && (guchar) low[p] < 0x80)
            continue;
          if (bk_text_match_label_low (low + p, &voff, &c2) == LBL_NONE || !c2)
            continue;
          for (gsize k = vstart; k < p && empty; k++)
            if (low[k] != ' ' && low[k] != '*')
              empty = FALSE;
          if (empty)
            {
              /* "Betreff: Antrag: …": the second label is the value */
              continue;
            }
          cut = p;
          while (cut > from && (low[cut - 1] == ' ' || low[cut - 1] == '*'))
            cut--;
          g_ptr_array_add (out, g_strndup (cell + from, cut - from));
          from = p;
          vstart = p + voff;
          p = vstart;   /* the loop's p++ moves past the value's first byte */
          any = TRUE;
        }
      if (any)
        {
          g_ptr_array_add (out, g_strdup (cell + from));
          g_free (cell);
        }
      else
        g_ptr_array_add (out, cell);
    }
  if (out != NULL)
    {
      g_ptr_array_set_size (cells, 0);
      for (guint k = 0; k < out->len; k++)
        g_ptr_array_add (cells, g_ptr_array_index (out, k));
      g_ptr_array_unref (out);
    }
}

/* ------------------------------------------------------------------ */
/* references                                                          */

/* Length of a paper number at p ("15/0292", "062a/2016", "VO/2020/08803"),
 * 0 if none.  Without relaxed a separator is required so that plain numbers
 * and years are not taken for papers. */
gsize
bk_text_scan_ref_token (const char *p, gboolean relaxed)
{
  const char *q = p;
  guint letters = 0, seps = 0;

  while (g_ascii_isalpha (q[letters]) && letters < 5)
    letters++;
  if (letters > 0)
    {
      if ((q[letters] == '/' || q[letters] == '-') && g_ascii_isdigit (q[letters + 1]))
        q += letters + 1;
      else
        return 0;
    }
  if (!g_ascii_isdigit (*q))
    return 0;
  while (TRUE)
    {
      guint digits = 0;

      while (g_ascii_isdigit (*q) && digits < 8)
        {
          q++;
          digits++;
        }
      if (g_ascii_isdigit (*q))
        return 0;
      if (g_ascii_islower (*q) && !g_ascii_isalpha (q[1]))
        q++;
      if ((*q == '/' || *q == '-') && g_ascii_isdigit (q[1]))
        {
          seps++;
          q++;
          continue;
        }
      break;
    }
  if (bk_text_is_word_byte ((guchar) *q))
    return 0;
  if (seps == 0 && !relaxed)
    return 0;
  return (gsize) (q - p);
}

static gboolean
is_ref_keyword (const char *w)
{
  static const char *const exact[] = { "ds", "drs", "vo", "drucks", "vorlagen", NULL };
  static const char *const suffixes[] = { "vorlage", "antrag", "anfrage", "drucksache", NULL };

  for (guint i = 0; exact[i] != NULL; i++)
    if (strcmp (w, exact[i]) == 0)
      return TRUE;
  for (guint i = 0; suffixes[i] != NULL; i++)
    if (g_str_has_suffix (w, suffixes[i]))
      return TRUE;
  return FALSE;
}

/* Finds "<keyword> [Nr.] <number>" at a word starting at low+pos; returns the
 * number (newly allocated) and sets *after. */
static char *
ref_at (const char *text, const char *low, gsize pos, gsize *after)
{
  gsize we = pos;
  g_autofree char *w = NULL;
  const char *q;
  gboolean relaxed = FALSE;
  gsize tl;

  while (g_ascii_isalpha (low[we]) || (guchar) low[we] >= 0x80)
    we++;
  *after = we > pos ? we : pos + 1;
  if (we == pos || we - pos > 40)
    return NULL;
  w = g_strndup (low + pos, we - pos);
  if (g_str_has_suffix (w, "nr") && strlen (w) > 4)
    {
      w[strlen (w) - 2] = '\0';
      relaxed = TRUE;
    }
  if (!is_ref_keyword (w))
    return NULL;
  q = low + we;
  /* "VO/2020/08803" keeps its letters */
  if ((strcmp (w, "vo") == 0 || strcmp (w, "ds") == 0) && (*q == '/' || *q == '-'))
    {
      tl = bk_text_scan_ref_token (low + pos, FALSE);
      if (tl > 0)
        {
          *after = pos + tl;
          return g_strndup (text + pos, tl);
        }
      return NULL;
    }
  if (*q == '.')
    q++;
  while (*q == ' ' || *q == '-')
    q++;
  if (g_str_has_prefix (q, "nr") || g_str_has_prefix (q, "no.") || g_str_has_prefix (q, "nummer"))
    {
      relaxed = TRUE;
      q += g_str_has_prefix (q, "nummer") ? 6 : 2;
      if (*q == '.')
        q++;
    }
  while (*q == ' ' || *q == ':' || *q == '.')
    {
      if (*q == ':')
        relaxed = TRUE;
      q++;
    }
  tl = bk_text_scan_ref_token (q, relaxed);
  if (tl == 0)
    return NULL;
  *after = (gsize) (q - low) + tl;
  return g_strndup (text + (q - low), tl);
}

void
bk_text_scan_references (const Line *l, GPtrArray *out)
{
  gsize n = strlen (l->low);

  for (gsize i = 0; i < n;)
    {
      gsize after = i + 1;

      if ((i == 0 || !bk_text_is_word_byte ((guchar) l->low[i - 1])) && g_ascii_isalpha (l->low[i]))
        {
          char *ref = ref_at (l->text, l->low, i, &after);

          if (ref != NULL)
            g_ptr_array_add (out, ref);
        }
      i = after;
    }
}

/* ------------------------------------------------------------------ */
/* types                                                               */

static const struct {
  const char *word;
  const char *name;
  gboolean plain;
} type_words[] = {
  { "dringlichkeitsantrag", "Dringlichkeitsantrag", FALSE },
  { "eilantrag", "Dringlichkeitsantrag", FALSE },
  { "ergänzungsantrag", "Ergänzungsantrag", FALSE },
  { "änderungsantrag", "Änderungsantrag", FALSE },
  { "zusatzantrag", "Zusatzantrag", FALSE },
  { "sachantrag", "Sachantrag", FALSE },
  { "haushaltsantrag", "Haushaltsantrag", FALSE },
  { "prüfantrag", "Prüfantrag", FALSE },
  { "entschließungsantrag", "Entschließungsantrag", FALSE },
  { "resolutionsantrag", "Resolutionsantrag", FALSE },
  { "tagesordnungsantrag", "Antrag zur Tagesordnung", FALSE },
  { "antrag zur tagesordnung", "Antrag zur Tagesordnung", FALSE },
  { "geschäftsordnungsantrag", "Geschäftsordnungsantrag", FALSE },
  { "anfrage", "Anfrage", FALSE },
  { "antrag", "Antrag", TRUE },
};

/* The first type word in low, as a canonical name; specific kinds first. */
const char *
bk_text_find_type (const char *low, gboolean *plain)
{
  const char *best = NULL, *best_pos = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (type_words); i++)
    {
      const char *hit = bk_text_find_word (low, type_words[i].word);

      if (hit == NULL && !type_words[i].plain)
        {
          /* compounds such as "Gemeinsamer Ergänzungsantrag" are whole words
           * already; "Antrag zur Aufstellung … der Tagesordnung" is the long
           * form of the agenda motion */
          if (strcmp (type_words[i].word, "antrag zur tagesordnung") == 0
              && bk_text_find_word (low, "antrag") != NULL && strstr (low, "tagesordnung") != NULL)
            hit = bk_text_find_word (low, "antrag");
        }
      if (hit == NULL)
        continue;
      if (best == NULL || (!type_words[i].plain && (*plain || hit < best_pos)))
        {
          if (best != NULL && !*plain && hit > best_pos)
            continue;
          best = type_words[i].name;
          best_pos = hit;
          *plain = type_words[i].plain;
        }
    }
  return best;
}

void
bk_text_offer_type_from (Parser *ps, const char *low, int prio_specific, int prio_plain)
{
  gboolean plain = FALSE;
  const char *t = bk_text_find_type (low, &plain);

  if (t != NULL)
    bk_text_offer (&ps->type, &ps->type_prio, t, plain ? prio_plain : prio_specific);
}
