/* Plain-text motion parser: passes 2 and 3, from the validated text to
 * lines.  HTML remnants and checkbox inputs are cleaned, Markdown markers
 * removed, table cells split, and repeated page headers and page numbers
 * dropped (the paragraphs they split joined again). */

#include <string.h>

#include "bk-text-parser-private.h"

/* ------------------------------------------------------------------ */
/* 2. markup cleaning                                                  */

/* Handles an HTML tag at p; returns the bytes consumed, 0 if p is no tag. */
static gsize
clean_tag (const char *p, gsize avail, GString *out)
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
        g_string_append (out, strstr (tag, "checked") != NULL ? CHECKED " " : UNCHECKED " ");
    }
  else if (strcmp (name, "b") == 0 || strcmp (name, "strong") == 0)
    g_string_append (out, "**");
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
  { "&nbsp;", " " }, { "&#39;", "'" }, { "&apos;", "'" }, { "&auml;", "ä" },
  { "&ouml;", "ö" }, { "&uuml;", "ü" }, { "&Auml;", "Ä" }, { "&Ouml;", "Ö" },
  { "&Uuml;", "Ü" }, { "&szlig;", "ß" }, { "&ndash;", "–" }, { "&bdquo;", "„" },
  { "&ldquo;", "“" }, { "&sect;", "§" }, { "&euro;", "€" },
};

GString *
bk_text_clean_markup (const char *text, gsize len)
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
/* 3. lines                                                            */

void
bk_text_line_free (gpointer data)
{
  Line *l = data;

  g_free (l->text);
  g_free (l->low);
  g_strfreev (l->cells);
  g_free (l);
}

static void
line_set_text (Line *l, char *text)
{
  g_free (l->text);
  g_free (l->low);
  l->text = text;
  l->low = bk_text_lower_same_length (text);
  l->blank = *text == '\0';
}

Line *
bk_text_line_new_plain (const char *text)
{
  Line *l = g_new0 (Line, 1);

  line_set_text (l, bk_text_collapse_spaces (text, strlen (text)));
  l->cells = g_new0 (char *, 2);
  l->cells[0] = g_strdup (l->text);
  l->n_cells = 1;
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
    { "[x]", CHECKED }, { "[X]", CHECKED }, { "\xE2\x98\x91", CHECKED },
    { "\xE2\x9C\x94", CHECKED }, { "\xE2\x9C\x93", CHECKED }, { "\xE2\x8A\xA0", CHECKED },
    { "[ ]", UNCHECKED }, { "\xE2\x96\xA1", UNCHECKED },
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

static void
split_cells (const char *s, GPtrArray *cells)
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

static Line *
line_new (const char *raw, gsize n, gboolean *bold)
{
  Line *l = g_new0 (Line, 1);
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
      if (p + 1 < e && p[0] == '*' && p[1] == '*')
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

  if (is_rule_text (b->str))
    g_string_truncate (b, 0);
  split_cells (b->str, cells);
  bk_text_split_label_cells (cells);
  joined = g_string_new (NULL);
  for (guint i = 0; i < cells->len; i++)
    {
      const char *c = g_ptr_array_index (cells, i);

      if (*c == '\0')
        continue;
      if (joined->len > 0)
        g_string_append_c (joined, ' ');
      g_string_append (joined, c);
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
  line_set_text (l, g_string_free (joined, FALSE));
  l->bold = content && !plain;
  g_string_free (b, TRUE);
  return l;
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
      Line *l = line_new (p, (gsize) (le - p), &bold);

      /* Markdown emphasis never spans paragraphs; an unmatched ** must not
       * make the rest of the document bold. */
      if (l->blank)
        bold = FALSE;
      g_ptr_array_add (lines, l);
      if (nl == NULL)
        break;
      p = nl + 1;
    }
  return lines;
}

static gboolean
is_page_marker (const char *low)
{
  const char *p = low;

  if (g_str_has_prefix (p, "seite ") || g_str_has_prefix (p, "page "))
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

/* Drops line i (a page header or page number) and joins the paragraph the
 * page break had split: the text before it does not end a sentence and the
 * text after it goes on in lower case. */
static void
remove_and_join (GPtrArray *lines, guint i)
{
  Line *l = g_ptr_array_index (lines, i);
  gint prev = -1;
  guint next = lines->len;

  l->removed = TRUE;
  for (gint k = (gint) i - 1; k >= 0; k--)
    {
      Line *c = g_ptr_array_index (lines, k);

      if (!c->blank && !c->removed)
        {
          prev = k;
          break;
        }
    }
  for (guint k = i + 1; k < lines->len; k++)
    {
      Line *c = g_ptr_array_index (lines, k);

      if (!c->blank && !c->removed)
        {
          next = k;
          break;
        }
    }
  if (prev >= 0 && next < lines->len)
    {
      Line *a = g_ptr_array_index (lines, prev);
      Line *b = g_ptr_array_index (lines, next);

      const char *content;

      /* German nouns are capitalised, so the case of the next word says
       * little; an unfinished sentence before the break is the signal. */
      if (!bk_text_ends_sentence (a->text) && !a->heading && !a->bold
          && bk_text_count_words (a->text) > 3
          && bk_text_list_marker (b->text, &content) == MARK_NONE)
        {
          GString *s = g_string_new (a->text);

          bk_text_join_text (s, b->text);
          line_set_text (a, g_string_free (s, FALSE));
          g_strfreev (a->cells);
          a->cells = g_new0 (char *, 2);
          a->cells[0] = g_strdup (a->text);
          a->n_cells = 1;
          for (guint k = (guint) prev + 1; k <= next; k++)
            ((Line *) g_ptr_array_index (lines, k))->removed = TRUE;
        }
    }
}

void
bk_text_remove_page_headers (GPtrArray *lines)
{
  const Line *first = NULL;

  for (guint i = 0; i < lines->len; i++)
    {
      Line *l = g_ptr_array_index (lines, i);

      if (l->blank || l->removed)
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
