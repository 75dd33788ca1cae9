/* bk-html-reduce.c: the HTML of service descriptions reduced to the kiosk's
 * text structure
 *
 * Service descriptions (XZuFi "inhalt") carry HTML; PVOG allows p, br,
 * h1–h6, b/strong, i/em, sup/sub, ul, ol, li and a href, but real texts hold
 * whatever an editor pasted. A kiosk shows headings, paragraphs, lists and
 * links and nothing else, so this is a small tolerant tokenizer, not an HTML
 * parser: unknown tags go and their text stays; script, style and other
 * elements that hold no readable text go with their content; attributes
 * other than href are never looked at.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-html"

#include <string.h>

#include "bk-html-reduce.h"
#include "bk-service.h"

#define BREAK '\001'   /* a <br> inside collected text, until it is tidied */

typedef enum {
  BLOCK_PARAGRAPH,
  BLOCK_HEADING,
  BLOCK_ITEM,
} BlockKind;

typedef struct {
  BlockKind kind;
  char     *marker;   /* items: "•" or "3." */
  char     *text;
} Block;

typedef struct {
  GPtrArray *blocks;       /* Block */
  GString   *text;         /* what the open paragraph, heading or item holds */
  BlockKind  kind;         /* of the open one */
  GArray    *lists;        /* int per open list: -1 bullets, else the next number */
  int        skip;         /* inside elements whose content goes */
  char      *href;         /* the open link's address, or NULL */
  gsize      link_start;   /* where its text starts in text */
  GPtrArray *links;        /* BkServiceForm, or NULL */
} Reducer;

static void
block_free (gpointer data)
{
  Block *block = data;

  g_free (block->marker);
  g_free (block->text);
  g_free (block);
}

/* White space collapsed, breaks kept as "\n" without spaces around them. */
static char *
tidy (const char *text,
      gsize       len)
{
  GString *out = g_string_sized_new (len);
  gboolean space = FALSE;

  for (gsize i = 0; i < len; i++)
    {
      char c = text[i];

      if (c == BREAK)
        {
          while (out->len > 0 && out->str[out->len - 1] == ' ')
            g_string_truncate (out, out->len - 1);
          if (out->len > 0 && out->str[out->len - 1] != '\n')
            g_string_append_c (out, '\n');
          space = FALSE;
          continue;
        }
      if (g_ascii_isspace (c))
        {
          space = TRUE;
          continue;
        }
      if (space && out->len > 0 && out->str[out->len - 1] != '\n')
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_c (out, c);
    }
  while (out->len > 0 && (out->str[out->len - 1] == '\n' || out->str[out->len - 1] == ' '))
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

static void
flush (Reducer *r)
{
  g_autofree char *text = tidy (r->text->str, r->text->len);
  Block *block;

  g_string_truncate (r->text, 0);
  if (*text == '\0')
    return;
  block = g_new0 (Block, 1);
  block->kind = r->kind;
  if (r->kind == BLOCK_ITEM)
    {
      int *next = &g_array_index (r->lists, int, r->lists->len - 1);
      char *line;

      block->marker = *next < 0 ? g_strdup ("•") : g_strdup_printf ("%d.", (*next)++);
      /* an item is one line */
      for (line = text; *line != '\0'; line++)
        if (*line == '\n')
          *line = ' ';
    }
  block->text = g_steal_pointer (&text);
  g_ptr_array_add (r->blocks, block);
}

/* Ends what is open and starts a block of kind. */
static void
start_block (Reducer   *r,
             BlockKind  kind)
{
  flush (r);
  r->kind = kind;
}

/* Back to paragraphs, or to the items of the list around. */
static void
end_block (Reducer *r)
{
  flush (r);
  r->kind = r->lists->len > 0 ? BLOCK_ITEM : BLOCK_PARAGRAPH;
}

/* ---- entities ------------------------------------------------------------ */

static const struct {
  const char *name;
  const char *text;
} entities[] = {
  { "amp", "&" }, { "lt", "<" }, { "gt", ">" }, { "quot", "\"" }, { "apos", "'" },
  { "nbsp", " " }, { "shy", "" }, { "auml", "ä" }, { "ouml", "ö" }, { "uuml", "ü" },
  { "Auml", "Ä" }, { "Ouml", "Ö" }, { "Uuml", "Ü" }, { "szlig", "ß" }, { "euro", "€" },
  { "sect", "§" }, { "ndash", "–" }, { "mdash", "—" }, { "bdquo", "„" }, { "ldquo", "“" },
  { "rdquo", "”" }, { "lsquo", "‘" }, { "rsquo", "’" }, { "sbquo", "‚" }, { "laquo", "«" },
  { "raquo", "»" }, { "hellip", "…" }, { "copy", "©" }, { "reg", "®" }, { "deg", "°" },
  { "middot", "·" }, { "bull", "•" }, { "eacute", "é" }, { "egrave", "è" }, { "aacute", "á" },
  { "agrave", "à" }, { "times", "×" }, { "divide", "÷" }, { "plusmn", "±" }, { "sup2", "²" },
  { "sup3", "³" }, { "frac12", "½" }, { "frac14", "¼" }, { "frac34", "¾" }, { "para", "¶" },
  { "trade", "™" }, { "ccedil", "ç" }, { "ntilde", "ñ" },
};

/* Appends the entity at *p ("&…;") and moves past it, or appends "&". */
static void
append_entity (GString     *out,
               const char **p)
{
  const char *start = *p + 1;
  const char *end = start;

  while (*end != '\0' && *end != ';' && end - start < 12 && (g_ascii_isalnum (*end) || *end == '#'))
    end++;
  if (*end == ';' && end > start)
    {
      g_autofree char *name = g_strndup (start, end - start);

      if (name[0] == '#')
        {
          gboolean hex = name[1] == 'x' || name[1] == 'X';
          char *rest = NULL;
          guint64 code = g_ascii_strtoull (name + (hex ? 2 : 1), &rest, hex ? 16 : 10);

          if (rest != NULL && *rest == '\0' && code > 0 && code <= 0x10FFFF &&
              g_unichar_validate ((gunichar) code))
            {
              /* control characters are no text */
              if (code >= 0x20 || code == '\n' || code == '\t')
                g_string_append_unichar (out, (gunichar) code);
              *p = end + 1;
              return;
            }
        }
      for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
        if (strcmp (entities[i].name, name) == 0)
          {
            g_string_append (out, entities[i].text);
            *p = end + 1;
            return;
          }
    }
  g_string_append_c (out, '&');
  (*p)++;
}

/* ---- tags ---------------------------------------------------------------- */

static gboolean
is_one_of (const char        *name,
           const char *const *names)
{
  return g_strv_contains (names, name);
}

/* Elements whose content is no text for a citizen. */
static const char *const dropped[] = {
  "script", "style", "head", "title", "iframe", "object", "noscript", "template", "svg",
  "math", "video", "audio", "canvas", "select", "textarea", "button", "map", NULL,
};

static const char *const blocks[] = {
  "p", "div", "section", "article", "header", "footer", "blockquote", "address", "table",
  "thead", "tbody", "tfoot", "tr", "dl", "dt", "dd", "pre", "center", "form", "fieldset",
  "figure", "figcaption", "main", "nav", "aside", "hr", "details", "summary", "caption", NULL,
};

static gboolean
is_heading (const char *name)
{
  return name[0] == 'h' && name[1] >= '1' && name[1] <= '6' && name[2] == '\0';
}

static gboolean
is_web_address (const char *url)
{
  return g_ascii_strncasecmp (url, "https://", 8) == 0 || g_ascii_strncasecmp (url, "http://", 7) == 0;
}

/* The value of attribute name in the attribute text of a start tag. */
static char *
dup_attribute (const char *attrs,
               gsize       len,
               const char *name)
{
  gsize name_len = strlen (name);
  gsize i = 0;

  while (i < len)
    {
      gsize start, value_start, value_end;
      gboolean match;

      while (i < len && (g_ascii_isspace (attrs[i]) || attrs[i] == '/'))
        i++;
      start = i;
      while (i < len && !g_ascii_isspace (attrs[i]) && attrs[i] != '=' && attrs[i] != '>')
        i++;
      match = i - start == name_len && g_ascii_strncasecmp (attrs + start, name, name_len) == 0;
      while (i < len && g_ascii_isspace (attrs[i]))
        i++;
      if (i >= len || attrs[i] != '=')
        {
          /* a stray '>' inside the attributes: step over it, or this loop
           * never ends (found by fuzz-xzufi) */
          if (i == start)
            i++;
          continue;
        }
      i++;
      while (i < len && g_ascii_isspace (attrs[i]))
        i++;
      if (i < len && (attrs[i] == '"' || attrs[i] == '\''))
        {
          char quote = attrs[i++];

          value_start = i;
          while (i < len && attrs[i] != quote)
            i++;
          value_end = i;
          if (i < len)
            i++;
        }
      else
        {
          value_start = i;
          while (i < len && !g_ascii_isspace (attrs[i]))
            i++;
          value_end = i;
        }
      if (match)
        {
          g_autofree char *raw = g_strndup (attrs + value_start, value_end - value_start);
          GString *value = g_string_new (NULL);
          const char *p = raw;

          while (*p != '\0')
            {
              if (*p == '&')
                append_entity (value, &p);
              else
                g_string_append_c (value, *p++);
            }
          return g_strstrip (g_string_free (value, FALSE));
        }
    }
  return NULL;
}

static void
start_link (Reducer    *r,
            const char *attrs,
            gsize       len)
{
  g_autofree char *href = dup_attribute (attrs, len, "href");

  g_clear_pointer (&r->href, g_free);
  if (href != NULL && is_web_address (href))
    {
      r->href = g_steal_pointer (&href);
      r->link_start = r->text->len;
    }
}

static void
end_link (Reducer *r)
{
  g_autofree char *text = NULL;
  const char *url = r->href;

  if (url == NULL)
    return;
  if (r->link_start > r->text->len)
    r->link_start = r->text->len;
  text = tidy (r->text->str + r->link_start, r->text->len - r->link_start);
  if (*text == '\0')
    g_string_append (r->text, url);
  else if (strcmp (text, url) != 0)
    g_string_append_printf (r->text, " (%s)", url);
  if (r->links != NULL)
    {
      BkServiceForm *link = g_new0 (BkServiceForm, 1);

      link->title = g_strdup (*text != '\0' ? text : url);
      link->url = g_strdup (url);
      g_ptr_array_add (r->links, link);
    }
  g_clear_pointer (&r->href, g_free);
}

static void
open_tag (Reducer    *r,
          const char *name,
          const char *attrs,
          gsize       len)
{
  if (is_one_of (name, dropped))
    {
      r->skip++;
      return;
    }
  if (r->skip > 0)
    return;
  if (strcmp (name, "br") == 0)
    g_string_append_c (r->text, BREAK);
  else if (strcmp (name, "a") == 0)
    start_link (r, attrs, len);
  else if (is_heading (name))
    start_block (r, BLOCK_HEADING);
  else if (strcmp (name, "ul") == 0 || strcmp (name, "ol") == 0 || strcmp (name, "menu") == 0)
    {
      int first = strcmp (name, "ol") == 0 ? 1 : -1;

      flush (r);
      g_array_append_val (r->lists, first);
      r->kind = BLOCK_ITEM;
    }
  else if (strcmp (name, "li") == 0)
    {
      flush (r);
      if (r->lists->len == 0)
        {
          int bullets = -1;

          g_array_append_val (r->lists, bullets);
        }
      r->kind = BLOCK_ITEM;
    }
  else if (is_one_of (name, blocks))
    {
      /* a paragraph inside a list item stays in the item */
      if (r->kind != BLOCK_ITEM)
        start_block (r, BLOCK_PARAGRAPH);
    }
  else if (strcmp (name, "td") == 0 || strcmp (name, "th") == 0 || strcmp (name, "img") == 0)
    g_string_append_c (r->text, ' ');
}

static void
close_tag (Reducer    *r,
           const char *name)
{
  if (is_one_of (name, dropped))
    {
      if (r->skip > 0)
        r->skip--;
      return;
    }
  if (r->skip > 0)
    return;
  if (strcmp (name, "a") == 0)
    end_link (r);
  else if (is_heading (name))
    end_block (r);
  else if (strcmp (name, "ul") == 0 || strcmp (name, "ol") == 0 || strcmp (name, "menu") == 0)
    {
      flush (r);
      if (r->lists->len > 0)
        g_array_set_size (r->lists, r->lists->len - 1);
      r->kind = r->lists->len > 0 ? BLOCK_ITEM : BLOCK_PARAGRAPH;
    }
  else if (strcmp (name, "li") == 0)
    flush (r);
  else if (is_one_of (name, blocks) && r->kind != BLOCK_ITEM)
    end_block (r);
  else if (strcmp (name, "td") == 0 || strcmp (name, "th") == 0)
    g_string_append_c (r->text, ' ');
}

/* Skips to after the next "needle" (or to the end). */
static const char *
skip_past (const char *p,
           const char *needle)
{
  const char *found = strstr (p, needle);

  return found != NULL ? found + strlen (needle) : p + strlen (p);
}

/* The raw text of script and style ends at its own end tag only. */
static const char *
skip_raw_text (const char *p,
               const char *name)
{
  g_autofree char *end = g_strdup_printf ("</%s", name);
  gsize len = strlen (end);

  for (; *p != '\0'; p++)
    if (*p == '<' && g_ascii_strncasecmp (p, end, len) == 0)
      return p;
  return p;
}

/* p is at "<": handles the tag and returns what follows it. */
static const char *
read_tag (Reducer    *r,
          const char *p)
{
  const char *q = p + 1;
  const char *name_start;
  const char *end;
  g_autofree char *name = NULL;
  gboolean closing = FALSE;

  if (g_str_has_prefix (q, "!--"))
    return skip_past (q + 3, "-->");
  if (*q == '!' || *q == '?')
    return skip_past (q, ">");
  if (*q == '/')
    {
      closing = TRUE;
      q++;
    }
  name_start = q;
  while (g_ascii_isalnum (*q))
    q++;
  if (q == name_start)
    {
      /* a lone "<" is text */
      if (r->skip == 0)
        g_string_append_c (r->text, '<');
      return p + 1;
    }
  name = g_ascii_strdown (name_start, q - name_start);
  /* the end of the tag, past quoted attribute values */
  for (end = q; *end != '\0' && *end != '>'; end++)
    if (*end == '"' || *end == '\'')
      {
        const char *close = strchr (end + 1, *end);

        if (close == NULL)
          break;
        end = close;
      }
  if (closing)
    close_tag (r, name);
  else
    {
      open_tag (r, name, q, end - q);
      /* script and style hold raw text; a self-closing one holds none */
      if ((strcmp (name, "script") == 0 || strcmp (name, "style") == 0) &&
          !(end > q && end[-1] == '/'))
        {
          const char *after = *end != '\0' ? end + 1 : end;

          return skip_raw_text (after, name);
        }
      else if (end > q && end[-1] == '/' && is_one_of (name, dropped))
        r->skip--;
    }
  return *end != '\0' ? end + 1 : end;
}

static gboolean
looks_like_html (const char *text)
{
  for (const char *p = strchr (text, '<'); p != NULL; p = strchr (p + 1, '<'))
    if (g_ascii_isalpha (p[1]) || p[1] == '/' || p[1] == '!')
      return TRUE;
  return FALSE;
}

/* Plain text: paragraphs at empty lines, line breaks kept. */
static void
read_plain (Reducer    *r,
            const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      if (strspn (line, " \t\r") == strlen (line))
        {
          flush (r);
          continue;
        }
      if (r->text->len > 0)
        g_string_append_c (r->text, BREAK);
      for (const char *p = line; *p != '\0';)
        {
          if (*p == '&')
            append_entity (r->text, &p);
          else
            g_string_append_c (r->text, *p++);
        }
    }
  flush (r);
}

static void
reduce (Reducer    *r,
        const char *html,
        GPtrArray  *links)
{
  const char *p;

  memset (r, 0, sizeof *r);
  r->blocks = g_ptr_array_new_with_free_func (block_free);
  r->text = g_string_new (NULL);
  r->lists = g_array_new (FALSE, FALSE, sizeof (int));
  r->links = links;
  r->kind = BLOCK_PARAGRAPH;
  if (html == NULL)
    return;
  if (!looks_like_html (html))
    {
      read_plain (r, html);
      return;
    }
  for (p = html; *p != '\0';)
    {
      if (*p == '<')
        p = read_tag (r, p);
      else if (r->skip > 0)
        p++;
      else if (*p == '&')
        append_entity (r->text, &p);
      else
        g_string_append_c (r->text, *p++);
    }
  end_link (r);
  flush (r);
}

static void
reducer_clear (Reducer *r)
{
  g_ptr_array_unref (r->blocks);
  g_string_free (r->text, TRUE);
  g_array_unref (r->lists);
  g_free (r->href);
}

char *
bk_html_reduce_text (const char *html,
                     GPtrArray  *links)
{
  Reducer r;
  GString *out = g_string_new (NULL);

  reduce (&r, html, links);
  for (guint i = 0; i < r.blocks->len; i++)
    {
      const Block *block = g_ptr_array_index (r.blocks, i);
      const Block *before = i > 0 ? g_ptr_array_index (r.blocks, i - 1) : NULL;

      if (before != NULL)
        g_string_append (out, before->kind == BLOCK_ITEM && block->kind == BLOCK_ITEM ? "\n" : "\n\n");
      if (block->kind == BLOCK_HEADING)
        g_string_append (out, "# ");
      else if (block->kind == BLOCK_ITEM)
        g_string_append_printf (out, "%s ", block->marker);
      g_string_append (out, block->text);
    }
  reducer_clear (&r);
  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

char *
bk_html_reduce_line (const char *html)
{
  Reducer r;
  GString *all = g_string_new (NULL);
  char *line;

  reduce (&r, html, NULL);
  for (guint i = 0; i < r.blocks->len; i++)
    {
      const Block *block = g_ptr_array_index (r.blocks, i);

      g_string_append_printf (all, "%s ", block->text);
    }
  reducer_clear (&r);
  line = tidy (all->str, all->len);
  g_string_free (all, TRUE);
  /* line breaks too */
  g_strdelimit (line, "\n", ' ');
  if (*line == '\0')
    g_clear_pointer (&line, g_free);
  return line;
}

void
bk_html_reduce_items (const char *html,
                      GPtrArray  *items,
                      GPtrArray  *links)
{
  Reducer r;

  reduce (&r, html, links);
  for (guint i = 0; i < r.blocks->len; i++)
    {
      const Block *block = g_ptr_array_index (r.blocks, i);
      g_auto(GStrv) lines = g_strsplit (block->text, "\n", -1);

      for (guint j = 0; lines[j] != NULL; j++)
        if (*lines[j] != '\0')
          g_ptr_array_add (items, g_strdup (lines[j]));
    }
  reducer_clear (&r);
}
