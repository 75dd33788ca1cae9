/* bk-text-lines.c: the reader's text as lines and table cells
 *
 * Everything here works on the shape of the text, not on its meaning: it
 * repairs what copying a page or a PDF does to a paper (tags, entities,
 * glued labels, doubled cells, sentences without a space, hard wraps, page
 * headers) and marks what a web page puts around it, so that the cue-based
 * passes above see clean lines.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-text"

#include <string.h>

#include "bk-text-lines.h"
#include "bk-text-util.h"
#include "bk-text-vocab.h"

/* ------------------------------------------------------------------ */
/* markup                                                              */

/* Handles an HTML tag at p; returns the bytes consumed, 0 if p is no tag. */
static gsize
clean_tag (const char *p,
           gsize       avail,
           GString    *out)
{
  gsize end = 0, limit = MIN (avail, 400);
  g_autofree char *tag = NULL;
  char name[12];
  gsize ni = 0, i = 1;
  gboolean closing = FALSE;

  if (avail < 3 || !(g_ascii_isalpha (p[1]) || p[1] == '/' || p[1] == '!'))
    return 0;
  for (gsize k = 1; k < limit; k++)
    {
      if (p[k] == '\n' || p[k] == '<')
        return 0;
      if (p[k] == '>')
        {
          end = k;
          break;
        }
    }
  if (end == 0)
    return 0;
  if (p[i] == '/')
    {
      closing = TRUE;
      i++;
    }
  while (i < end && g_ascii_isalnum (p[i]) && ni < sizeof name - 1)
    name[ni++] = g_ascii_tolower (p[i++]);
  name[ni] = '\0';
  if (ni == 0 && p[1] != '!')
    return 0;
  tag = g_ascii_strdown (p, (gssize) end + 1);

  if (strcmp (name, "input") == 0)
    {
      if (strstr (tag, "checkbox") != NULL || strstr (tag, "radio") != NULL)
        g_string_append (out, strstr (tag, "checked") != NULL ? BK_TEXT_CHECKED " " : BK_TEXT_UNCHECKED " ");
    }
  else if (strcmp (name, "b") == 0 || strcmp (name, "strong") == 0)
    g_string_append (out, "**");
  else if (strcmp (name, "del") == 0 || strcmp (name, "s") == 0 || strcmp (name, "strike") == 0)
    g_string_append (out, "~~");
  else if (strcmp (name, "br") == 0
           || (closing && (strcmp (name, "p") == 0 || strcmp (name, "div") == 0
                           || strcmp (name, "tr") == 0 || strcmp (name, "li") == 0
                           || (name[0] == 'h' && g_ascii_isdigit (name[1])))))
    g_string_append_c (out, '\n');
  else if (closing && (strcmp (name, "td") == 0 || strcmp (name, "th") == 0))
    g_string_append_c (out, '\t');
  else if (!closing && strcmp (name, "li") == 0)
    g_string_append (out, "- ");
  return end + 1;
}

static const struct {
  const char *name;
  const char *text;
} entities[] = {
  { "&amp;", "&" }, { "&lt;", "<" }, { "&gt;", ">" }, { "&quot;", "\"" },
  { "&nbsp;", " " }, { "&apos;", "'" }, { "&auml;", "ä" }, { "&ouml;", "ö" },
  { "&uuml;", "ü" }, { "&Auml;", "Ä" }, { "&Ouml;", "Ö" }, { "&Uuml;", "Ü" },
  { "&szlig;", "ß" }, { "&ndash;", "–" }, { "&mdash;", "—" }, { "&bdquo;", "„" },
  { "&ldquo;", "“" }, { "&rdquo;", "”" }, { "&sbquo;", "‚" }, { "&lsquo;", "‘" },
  { "&rsquo;", "’" }, { "&sect;", "§" }, { "&euro;", "€" }, { "&hellip;", "…" },
  { "&shy;", "" }, { "&bull;", "•" }, { "&middot;", "·" }, { "&laquo;", "«" },
  { "&raquo;", "»" }, { "&copy;", "©" },
};

/* "&#228;", "&#xE4;": the character, or 0. */
static gunichar
numeric_entity (const char *p,
                gsize       avail,
                gsize      *used)
{
  gsize i = 2;
  guint64 v = 0;
  gboolean hex = FALSE;

  if (avail < 4 || p[1] != '#')
    return 0;
  if (p[2] == 'x' || p[2] == 'X')
    {
      hex = TRUE;
      i = 3;
    }
  for (; i < avail && i < 12; i++)
    {
      char c = p[i];

      if (c == ';')
        break;
      if (hex && g_ascii_isxdigit (c))
        v = v * 16 + (guint64) g_ascii_xdigit_value (c);
      else if (!hex && g_ascii_isdigit (c))
        v = v * 10 + (guint64) (c - '0');
      else
        return 0;
    }
  if (i >= avail || p[i] != ';' || v == 0 || v > 0x10FFFF || !g_unichar_validate ((gunichar) v))
    return 0;
  *used = i + 1;
  return (gunichar) v;
}

GString *
bk_text_clean_markup (const char *text,
                      gsize       len)
{
  GString *out = g_string_sized_new (len + 16);
  gsize i = 0;

  if (len >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  for (; i < len; i++)
    {
      guchar c = (guchar) text[i];

      if (c == '\r')
        {
          g_string_append_c (out, '\n');
          if (i + 1 < len && text[i + 1] == '\n')
            i++;
          continue;
        }
      if (c == '\f' || c == '\v')
        {
          g_string_append_c (out, '\n');
          continue;
        }
      if (c < 0x20 && c != '\t' && c != '\n')
        {
          g_string_append_c (out, ' ');
          continue;
        }
      if (c == '<')
        {
          gsize used = clean_tag (text + i, len - i, out);

          if (used > 0)
            {
              i += used - 1;
              continue;
            }
        }
      if (c == '&')
        {
          gboolean done = FALSE;
          gsize used = 0;
          gunichar u = numeric_entity (text + i, len - i, &used);

          if (u != 0)
            {
              if (u == 0xA0)
                g_string_append_c (out, ' ');
              else if (u != 0xAD)
                g_string_append_unichar (out, u);
              i += used - 1;
              continue;
            }
          for (guint k = 0; k < G_N_ELEMENTS (entities) && !done; k++)
            {
              gsize el = strlen (entities[k].name);

              if (len - i >= el && memcmp (text + i, entities[k].name, el) == 0)
                {
                  g_string_append (out, entities[k].text);
                  i += el - 1;
                  done = TRUE;
                }
            }
          if (done)
            continue;
        }
      if (c == 0xC2 && i + 1 < len && (guchar) text[i + 1] == 0xA0)
        {
          g_string_append_c (out, ' ');
          i++;
          continue;
        }
      if (c == 0xC2 && i + 1 < len && (guchar) text[i + 1] == 0xAD)
        {
          i++;   /* soft hyphen */
          continue;
        }
      if (c == 0xE2 && i + 2 < len && (guchar) text[i + 1] == 0x80)
        {
          guchar d = (guchar) text[i + 2];

          if (d == 0x8B || d == 0x8C || d == 0x8D)
            {
              i += 2;   /* zero-width characters */
              continue;
            }
          if (d == 0xAF || (d >= 0x80 && d <= 0x8A))
            {
              g_string_append_c (out, ' ');
              i += 2;
              continue;
            }
          if (d == 0xA8 || d == 0xA9)
            {
              g_string_append_c (out, '\n');   /* line and paragraph separators */
              i += 2;
              continue;
            }
        }
      if (c == 0xEF && i + 2 < len && (guchar) text[i + 1] == 0xBB && (guchar) text[i + 2] == 0xBF)
        {
          i += 2;
          continue;
        }
      g_string_append_c (out, (char) c);
    }
  return out;
}

/* ------------------------------------------------------------------ */
/* lines                                                               */

void
bk_text_line_free (gpointer data)
{
  BkTextLine *l = data;

  g_free (l->text);
  g_free (l->low);
  g_strfreev (l->cells);
  g_free (l);
}

void
bk_text_line_set_text (BkTextLine *l,
                       char       *text)
{
  g_free (l->text);
  g_free (l->low);
  l->text = text;
  l->low = bk_text_lower_same_length (text);
  l->blank = *text == '\0';
}

static void
line_set_single_cell (BkTextLine *l)
{
  g_strfreev (l->cells);
  l->cells = g_new0 (char *, 2);
  l->cells[0] = g_strdup (l->text);
  l->n_cells = 1;
}

BkTextLine *
bk_text_line_new_plain (const char *text)
{
  BkTextLine *l = g_new0 (BkTextLine, 1);

  bk_text_line_set_text (l, bk_text_collapse_spaces (text, strlen (text)));
  line_set_single_cell (l);
  return l;
}

/* Normalises the many checkbox spellings to ☐ / ☒. */
static void
normalize_checkboxes (GString *s)
{
  static const struct {
    const char *from;
    const char *to;
  } map[] = {
    { "[x]", BK_TEXT_CHECKED }, { "[X]", BK_TEXT_CHECKED }, { "\xE2\x98\x91", BK_TEXT_CHECKED },
    { "\xE2\x9C\x94", BK_TEXT_CHECKED }, { "\xE2\x9C\x93", BK_TEXT_CHECKED },
    { "\xE2\x8A\xA0", BK_TEXT_CHECKED }, { "[ ]", BK_TEXT_UNCHECKED }, { "\xE2\x96\xA1", BK_TEXT_UNCHECKED },
  };
  GString *out;

  if (strchr (s->str, '[') == NULL && strchr (s->str, '\xE2') == NULL)
    return;
  out = g_string_sized_new (s->len);
  for (gsize i = 0; i < s->len;)
    {
      gboolean hit = FALSE;

      for (guint k = 0; k < G_N_ELEMENTS (map); k++)
        {
          gsize fl = strlen (map[k].from);

          if (s->len - i >= fl && memcmp (s->str + i, map[k].from, fl) == 0)
            {
              g_string_append (out, map[k].to);
              i += fl;
              hit = TRUE;
              break;
            }
        }
      if (!hit)
        g_string_append_c (out, s->str[i++]);
    }
  g_string_assign (s, out->str);
  g_string_free (out, TRUE);
}

static gboolean
is_rule_text (const char *s)
{
  guint marks = 0;

  for (; *s != '\0'; s++)
    {
      if (*s == '-' || *s == '=' || *s == '_')
        marks++;
      else if (strchr ("|:+* \t", *s) == NULL)
        return FALSE;
    }
  return marks >= 2;
}

/* Asked for every byte of every line: the German letters by their bytes
 * (ä ö ü ß are C3 A4, C3 B6, C3 BC, C3 9F; Ä Ö Ü are C3 84, C3 96, C3 9C). */
static gboolean
is_lower_at (const char *p)
{
  guchar c = (guchar) p[0], d = (guchar) p[1];

  return g_ascii_islower (c) || (c == 0xC3 && (d == 0xA4 || d == 0xB6 || d == 0xBC || d == 0x9F));
}

static gboolean
is_upper_at (const char *p)
{
  guchar c = (guchar) p[0], d = (guchar) p[1];

  return g_ascii_isupper (c) || (c == 0xC3 && (d == 0x84 || d == 0x96 || d == 0x9C));
}

/* "erreichen.Problematisch", "Landrat,das": a space after a sentence's end
 * or a comma between two words, never inside web or mail addresses,
 * abbreviations ("z.B.") or numbers ("1,5"). */
static void
repair_glued_words (GString *s)
{
  gsize token_start = 0;

  for (gsize i = 1; i + 1 < s->len; i++)
    {
      char c = s->str[i];

      if (c == ' ' || c == '\t')
        {
          token_start = i + 1;
          continue;
        }
      if (c != '.' && c != '!' && c != '?' && c != ',' && c != ';')
        continue;
      /* the shapes first, the costly look at the whole token only for them */
      if (!(i >= 2 && is_lower_at (s->str + i - 1)
            && (is_lower_at (s->str + i + 1) || is_upper_at (s->str + i + 1))))
        continue;
      {
        g_autofree char *token = g_strndup (s->str + token_start, i - token_start);

        if (strstr (token, "www") != NULL || strstr (token, "http") != NULL || strchr (token, '@') != NULL
            || strchr (token, '/') != NULL)
          continue;
      }
      if (c == ',' || c == ';')
        {
          if (i >= 2 && is_lower_at (s->str + i - 1) && is_lower_at (s->str + i - 2)
              && (is_lower_at (s->str + i + 1) || is_upper_at (s->str + i + 1)))
            g_string_insert_c (s, (gssize) i + 1, ' ');
          continue;
        }
      /* two lower-case letters before, a capital and a lower-case letter after */
      if (i >= 2 && is_lower_at (s->str + i - 1) && (guchar) s->str[i - 2] >= 'a'
          && is_upper_at (s->str + i + 1))
        {
          const char *next = g_utf8_next_char (s->str + i + 1);

          if (is_lower_at (next))
            g_string_insert_c (s, (gssize) i + 1, ' ');
        }
    }
}

/* "AntragVorlage zur Kenntnisnahme", "SchuleBezüglich:": a lower-case
 * letter directly followed by a capital that starts a paper type or a field
 * label is two cells run together. */
static void
split_glued_vocabulary (GString *s)
{
  for (gsize i = 1; i < s->len; i++)
    {
      g_autofree char *low = NULL;
      gsize len = 0, off = 0, ws;
      gboolean specific = FALSE, colon = FALSE;
      BkLabelKind k;

      if (!is_upper_at (s->str + i))
        continue;
      if (s->str[i - 1] != ')' && ((guchar) s->str[i - 1] < 'a' || !is_lower_at (s->str + i - 1)))
        continue;
      low = bk_text_lower_same_length (s->str + i);
      k = bk_text_match_label_low (low, &off, &colon);
      if (k != BK_LABEL_NONE && colon && k != BK_LABEL_ADDRESSEE)
        {
          g_string_insert_c (s, (gssize) i, '\t');
          i++;
          continue;
        }
      if (bk_text_type_at (low, &len, &specific) == NULL)
        continue;
      /* the part before must be a type too, from its word start */
      ws = i;
      while (ws > 0 && s->str[ws - 1] != ' ' && s->str[ws - 1] != '\t')
        ws--;
      {
        g_autofree char *left = g_strndup (s->str + ws, i - ws);
        g_autofree char *left_low = bk_text_lower_same_length (left);
        gsize ll = 0;

        if (bk_text_type_at (left_low, &ll, &specific) != NULL && ll == strlen (left_low))
          {
            g_string_insert_c (s, (gssize) i, '\t');
            i++;
          }
      }
    }
}

/* "FDP-FraktionFDP-Fraktion": one value written twice (two tabs of a web
 * page, "Ursprung" and "aktuell", copied as one). */
static void
undouble (char *s)
{
  gsize n = strlen (s);

  if (n >= 6 && n % 2 == 0 && memcmp (s, s + n / 2, n / 2) == 0)
    s[n / 2] = '\0';
}

/* Splits a cell that starts with a field label before every further label
 * with a colon ("Status:öffentlichVorlage-Art:Beschlussvorlage" was cut at
 * the tab already). Labels that directly follow another label are the
 * value ("Betreff: Antrag: …"). */
static void
split_label_cells (GPtrArray *cells)
{
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; i < cells->len; i++)
    {
      char *cell = g_ptr_array_index (cells, i);
      g_autofree char *low = NULL;
      const char *lw;
      gsize off = 0, n, vstart, from = 0;
      gboolean colon = FALSE, any = FALSE;

      if (strchr (cell, ':') == NULL)
        {
          g_ptr_array_add (out, cell);
          continue;
        }
      low = bk_text_lower_same_length (cell);
      lw = bk_text_skip_emphasis (low);
      if (bk_text_match_label_low (lw, &off, &colon) == BK_LABEL_NONE || !colon)
        {
          g_ptr_array_add (out, cell);
          continue;
        }
      n = strlen (low);
      vstart = (gsize) (lw - low) + off;
      for (gsize p = vstart + 1; p < n; p++)
        {
          gsize voff = 0, cut;
          gboolean c2 = FALSE, empty = TRUE;
          BkLabelKind k;

          if (low[p - 1] != ' ' && low[p - 1] != '*')
            continue;
          if (!g_ascii_isalpha (low[p]) && (guchar) low[p] < 0x80)
            continue;
          k = bk_text_match_label_low (low + p, &voff, &c2);
          if (k == BK_LABEL_NONE || !c2 || k == BK_LABEL_ADDRESSEE)
            continue;
          for (gsize q = vstart; q < p && empty; q++)
            if (low[q] != ' ' && low[q] != '*')
              empty = FALSE;
          if (empty)
            continue;
          cut = p;
          while (cut > from && (low[cut - 1] == ' ' || low[cut - 1] == '*'))
            cut--;
          g_ptr_array_add (out, g_strndup (cell + from, cut - from));
          from = p;
          vstart = p + voff;
          p = vstart;
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
  g_ptr_array_set_size (cells, 0);
  for (guint k = 0; k < out->len; k++)
    g_ptr_array_add (cells, g_ptr_array_index (out, k));
  g_ptr_array_unref (out);

  /* doubled values after their label, or whole doubled cells */
  for (guint k = 0; k < cells->len; k++)
    {
      char *cell = g_ptr_array_index (cells, k);
      const char *v = NULL;
      gboolean colon = FALSE;

      if (bk_text_match_label (cell, &v, &colon) != BK_LABEL_NONE && colon)
        undouble ((char *) v);
      else
        undouble (cell);
    }
}

static void
split_cells (const char *s,
             GPtrArray  *cells)
{
  const char *p = s;
  gboolean pipes = *s == '|';

  if (pipes)
    p++;
  while (*p != '\0')
    {
      const char *q = p;
      gsize sep = 0;

      while (*q != '\0')
        {
          if (pipes ? *q == '|' : *q == '\t')
            {
              sep = 1;
              break;
            }
          if (!pipes && q[0] == ' ' && q[1] == ' ' && q[2] == ' ')
            {
              sep = 3;
              while (q[sep] == ' ')
                sep++;
              break;
            }
          q++;
        }
      g_ptr_array_add (cells, bk_text_collapse_spaces (p, (gsize) (q - p)));
      if (*q == '\0')
        break;
      p = q + sep;
      if (pipes && *p == '\0')
        break;
    }
}

/* "~~gestrichen~~": Markdown strike-through, the wording an amendment
 * deletes; it is not part of the text that would be decided. */
static gboolean
drop_struck (GString *b)
{
  gboolean any = FALSE;
  char *open;

  while ((open = strstr (b->str, "~~")) != NULL)
    {
      char *close = strstr (open + 2, "~~");
      gsize from = (gsize) (open - b->str);

      if (close == NULL)
        {
          g_string_erase (b, (gssize) from, 2);
          continue;
        }
      g_string_erase (b, (gssize) from, (gssize) (close + 2 - open));
      any = TRUE;
    }
  return any;
}

static BkTextLine *
line_new (const char *raw,
          gsize       n,
          gboolean   *bold)
{
  BkTextLine *l = g_new0 (BkTextLine, 1);
  GString *b = g_string_sized_new (n + 4);
  const char *p = raw, *e = raw + n;
  gboolean content = FALSE, plain = FALSE;
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();
  GString *joined;

  while (p < e && (*p == ' ' || *p == '\t'))
    p++;
  if (p < e && *p == '#')
    {
      const char *q = p;

      while (q < e && *q == '#' && q - p < 6)
        q++;
      if (q == e || *q == ' ')
        {
          l->heading = TRUE;
          p = q;
        }
    }
  while (p < e && (*p == '>' || *p == ' '))
    p++;
  if (p + 1 < e && (*p == '*' || *p == '+') && p[1] == ' ')
    {
      g_string_append (b, "- ");
      p += 2;
    }
  while (p < e)
    {
      if (p + 1 < e && ((p[0] == '*' && p[1] == '*') || (p[0] == '_' && p[1] == '_')))
        {
          *bold = !*bold;
          p += 2;
          continue;
        }
      if (p + 1 < e && p[0] == '\\' && g_ascii_ispunct (p[1]))
        p++;
      if (*p != ' ' && *p != '\t')
        {
          content = TRUE;
          if (!*bold)
            plain = TRUE;
        }
      g_string_append_c (b, *p);
      p++;
    }
  normalize_checkboxes (b);
  l->struck = drop_struck (b);
  if (is_rule_text (b->str))
    g_string_truncate (b, 0);
  split_glued_vocabulary (b);
  split_cells (b->str, cells);
  split_label_cells (cells);
  joined = g_string_new (NULL);
  for (guint i = 0; i < cells->len; i++)
    {
      GString *c = g_string_new (g_ptr_array_index (cells, i));

      repair_glued_words (c);
      g_free (g_ptr_array_index (cells, i));
      cells->pdata[i] = g_string_free (c, FALSE);
      if (*(char *) cells->pdata[i] == '\0')
        continue;
      if (joined->len > 0)
        g_string_append_c (joined, ' ');
      g_string_append (joined, cells->pdata[i]);
    }
  g_ptr_array_add (cells, NULL);
  l->cells = (char **) g_ptr_array_steal (cells, NULL);
  l->n_cells = g_strv_length (l->cells);
  if (l->n_cells == 0)
    {
      g_free (l->cells);
      l->cells = g_new0 (char *, 2);
      l->cells[0] = g_strdup ("");
      l->n_cells = 1;
    }
  bk_text_line_set_text (l, g_string_free (joined, FALSE));
  l->bold = content && !plain;
  g_string_free (b, TRUE);
  return l;
}

/* Where a raw line holds two lines run together: a salutation after a
 * lead-in ("… des Schreibens: Sehr geehrter Herr Landrat,das …"), and the
 * first sentence after the salutation's comma. Returns the offset to cut at,
 * 0 for none. */
static gsize
run_together_cut (const char *raw,
                  gsize       n)
{
  g_autofree char *s = g_strndup (raw, n);
  g_autofree char *low = bk_text_lower_same_length (s);
  const char *hit = strstr (low, "sehr geehrte");
  const char *p = low;

  while (*p == ' ' || *p == '\t')
    p++;
  if (hit != NULL && hit > p)
    {
      const char *b = hit;

      while (b > low && b[-1] == ' ')
        b--;
      if (b > low && (b[-1] == ':' || b[-1] == '.'))
        return (gsize) (hit - low);
    }
  if (hit == p)
    {
      const char *comma = strchr (hit, ',');

      if (comma != NULL && bk_text_count_words (comma + 1) >= 4)
        {
          /* "Sehr geehrte Damen und Herren, sehr geehrter Herr …": stays */
          const char *r = comma + 1;

          while (*r == ' ')
            r++;
          if (!g_str_has_prefix (r, "sehr ") && !g_str_has_prefix (r, "liebe"))
            return (gsize) (r - low);
        }
    }
  return 0;
}

GPtrArray *
bk_text_split_lines (const GString *clean)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (bk_text_line_free);
  const char *p = clean->str, *end = clean->str + clean->len;
  gboolean bold = FALSE;

  while (p <= end)
    {
      const char *nl = memchr (p, '\n', (gsize) (end - p));
      const char *le = nl != NULL ? nl : end;
      gsize cut = run_together_cut (p, (gsize) (le - p));

      if (cut > 0)
        {
          g_ptr_array_add (lines, line_new (p, cut, &bold));
          p += cut;
          continue;
        }
      {
        BkTextLine *l = line_new (p, (gsize) (le - p), &bold);

        /* Markdown emphasis never spans paragraphs; an unmatched ** must not
         * make the rest of the document bold. */
        if (l->blank)
          bold = FALSE;
        g_ptr_array_add (lines, l);
      }
      if (nl == NULL)
        break;
      p = nl + 1;
    }
  return lines;
}

/* ------------------------------------------------------------------ */
/* list markers and text                                               */

BkMark
bk_text_list_marker (const char  *s,
                     const char **content)
{
  const char *p = s;
  static const char *const bullets[] = {
    "- ", "• ", "– ", "· ", "▪ ", "◦ ", "○ ", "➢ ", "→ ", "> ", "* ", "■ ", "□ ",
    "\xEF\x82\xA7 ", "\xEF\x82\xB7 ", NULL   /* Wingdings bullets of Word exports */
  };

  for (guint i = 0; bullets[i] != NULL; i++)
    if (g_str_has_prefix (p, bullets[i]))
      {
        *content = p + strlen (bullets[i]);
        return BK_MARK_BULLET;
      }
  if (g_ascii_isdigit (*p))
    {
      guint d = 0;

      while (g_ascii_isdigit (*p) && d < 3)
        {
          p++;
          d++;
        }
      if (g_ascii_isdigit (*p))
        return BK_MARK_NONE;
      if (*p == '.' && g_ascii_isdigit (p[1]))
        {
          /* "1.1" is a sub-point; "1.500,00 Euro" is no marker at all */
          p++;
          while (g_ascii_isdigit (*p))
            p++;
          if (*p == '.' || *p == ')')
            p++;
          if (*p != ' ')
            return BK_MARK_NONE;
          *content = p + 1;
          return BK_MARK_SUBNUMBER;
        }
      if (*p == '.' || *p == ')')
        {
          p++;
          if (*p == ')')
            p++;
          if (*p != ' ' && *p != '\0')
            return BK_MARK_NONE;
          *content = *p == ' ' ? p + 1 : p;
          return BK_MARK_NUMBER;
        }
      /* "01" alone on its line, or "04 Im Zuge …": a number before a
       * capital word; "2020 haben wir" and "28 Stadträte" are no markers */
      if (d == 2 && *s == '0' && (*p == '\0' || (*p == ' ' && is_upper_at (p + 1))))
        {
          *content = *p == ' ' ? p + 1 : p;
          return BK_MARK_NUMBER;
        }
      return BK_MARK_NONE;
    }
  /* roman numerals "I." … "X." */
  {
    const char *q = p;

    while (*q == 'I' || *q == 'V' || *q == 'X')
      q++;
    if (q > p && q - p <= 4 && *q == '.' && (q[1] == ' ' || q[1] == '\0'))
      {
        *content = q[1] == ' ' ? q + 2 : q + 1;
        return BK_MARK_NUMBER;
      }
  }
  /* "a)", "b.", "(a)", "aa)" */
  if (p[0] == '(' && g_ascii_isalpha (p[1]) && p[2] == ')' && (p[3] == ' ' || p[3] == '\0'))
    {
      *content = p[3] == ' ' ? p + 4 : p + 3;
      return BK_MARK_LETTER;
    }
  if (g_ascii_isalpha (p[0]) && (p[1] == ')' || (p[1] == '.' && g_ascii_islower (p[0])))
      && (p[2] == ' ' || p[2] == '\0'))
    {
      *content = p[2] == ' ' ? p + 3 : p + 2;
      return BK_MARK_LETTER;
    }
  if (g_ascii_islower (p[0]) && p[1] == p[0] && p[2] == ')' && p[3] == ' ')
    {
      *content = p + 4;
      return BK_MARK_LETTER;
    }
  return BK_MARK_NONE;
}

char *
bk_text_build_text (GPtrArray *lines)
{
  GString *s = g_string_new (NULL);
  gboolean par = FALSE;

  for (guint i = 0; i < lines->len; i++)
    {
      const BkTextLine *l = g_ptr_array_index (lines, i);
      const char *content;

      if (l->removed || l->noise)
        continue;
      if (l->blank)
        {
          par = s->len > 0;
          continue;
        }
      if (par)
        g_string_append (s, "\n\n");
      else if (s->len > 0 && bk_text_list_marker (l->text, &content) != BK_MARK_NONE)
        g_string_append_c (s, '\n');
      else if (s->len > 0)
        {
          bk_text_join_text (s, l->text);
          par = FALSE;
          continue;
        }
      g_string_append (s, l->text);
      par = FALSE;
    }
  if (s->len == 0)
    {
      g_string_free (s, TRUE);
      return NULL;
    }
  return g_string_free (s, FALSE);
}
