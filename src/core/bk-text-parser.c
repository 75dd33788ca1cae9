/* Plain-text / Markdown motion parser.
 *
 * The text goes through four linear passes:
 *   1. validation (size, NUL bytes, UTF-8 with line number);
 *   2. markup cleaning: HTML remnants become Markdown-ish text, checkbox
 *      inputs become ☐ / ☒, entities are decoded;
 *   3. line normalisation: Markdown markers removed, table cells split,
 *      repeated page headers and page numbers dropped (split paragraphs
 *      joined again);
 *   4. a section state machine (header → resolution → justification →
 *      closing → postscript) driven by German cue phrases, then field
 *      extraction per section.
 * Every field is only filled from an explicit cue; otherwise it stays empty.
 */

#include <string.h>

#include <glib/gi18n-lib.h>

#include "bk-text-parser.h"
#include "bk-text-util.h"
#include "bk-error.h"

#define CHECKED "\xE2\x98\x92"    /* ☒ */
#define UNCHECKED "\xE2\x98\x90"  /* ☐ */

typedef struct {
  char *text;       /* cleaned, whitespace collapsed, cells joined by a space */
  char *low;        /* text lowered byte for byte (same offsets) */
  char **cells;     /* table cells, at least one */
  guint n_cells;
  gboolean heading;
  gboolean bold;
  gboolean blank;
  gboolean removed;
} Line;

typedef enum {
  SEC_HEADER,
  SEC_INTRO,
  SEC_RESOLUTION,
  SEC_JUSTIFICATION,
  SEC_CLOSING,
  SEC_POSTSCRIPT,
  N_SECTIONS
} Section;

typedef enum {
  CUE_NONE,
  CUE_RESOLUTION,
  CUE_JUSTIFICATION,
  CUE_CLOSING,
  CUE_SIGNED,
  CUE_SALUTATION,
} Cue;

typedef enum {
  COL_NONE,
  COL_COMMITTEE,
  COL_DATE,
  COL_ROLE,
  COL_PUBLIC,
} Column;

#define MAX_COLUMNS 8

typedef struct {
  GPtrArray *lines;                  /* Line*, owned */
  GPtrArray *extra;                  /* Line* made from cue remainders, owned */
  GPtrArray *sec[N_SECTIONS];        /* Line*, borrowed */
  GPtrArray *scan;                   /* lines searched for related papers */
  BkMotion *m;

  char *subject;  int subject_prio;
  char *date;     int date_prio;
  char *body;     int body_prio;
  char *type;     int type_prio;
  char *addressee; int addressee_prio;
  BkTristate is_public;
  GPtrArray *submitters;  int submitters_prio;  /* char* */
  GPtrArray *closing_factions;                  /* char* */
  GHashTable *letterhead_roles;                 /* name → role */
  char *salutation;
  gboolean have_resolution_cue;
  GHashTable *own_refs;                         /* set of numbers labelled as the paper's */
  GPtrArray *request_lines;                     /* Line*, borrowed: cue lines before the resolution */
} Parser;

#define PRIO_NONE 100

/* ------------------------------------------------------------------ */
/* small string helpers                                                */

static gboolean
is_word_byte (guchar c)
{
  return g_ascii_isalnum (c) || c >= 0x80;
}

static gboolean
has_prefix_word (const char *low, const char *word)
{
  gsize n = strlen (word);

  return strncmp (low, word, n) == 0 && !is_word_byte ((guchar) low[n]);
}

/* Finds word in low with a word boundary on both sides. */
static const char *
find_word (const char *low, const char *word)
{
  gsize n = strlen (word);
  const char *hit = low;

  while ((hit = strstr (hit, word)) != NULL)
    {
      if ((hit == low || !is_word_byte ((guchar) hit[-1])) && !is_word_byte ((guchar) hit[n]))
        return hit;
      hit += n;
    }
  return NULL;
}

static char *
collapse_spaces (const char *s, gsize n)
{
  GString *out = g_string_sized_new (n);
  gboolean space = TRUE;   /* drops leading spaces */

  for (gsize i = 0; i < n; i++)
    {
      char c = s[i];

      if (c == ' ' || c == '\t')
        {
          space = TRUE;
          continue;
        }
      if (space && out->len > 0)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_c (out, c);
    }
  return g_string_free (out, FALSE);
}

static char *
strip_chars (const char *s, const char *chars)
{
  const char *b = s, *e = s + strlen (s);

  while (b < e && strchr (chars, *b) != NULL)
    b++;
  while (e > b && strchr (chars, e[-1]) != NULL)
    e--;
  return g_strndup (b, (gsize) (e - b));
}

static gboolean
ends_sentence (const char *s)
{
  gsize n = strlen (s);

  return n > 0 && strchr (".:!?;", s[n - 1]) != NULL;
}

static gboolean
starts_lower (const char *s)
{
  gunichar c = g_utf8_get_char (s);

  return g_unichar_islower (c);
}

static guint
count_words (const char *s)
{
  guint n = 0;
  gboolean in = FALSE;

  for (; *s != '\0'; s++)
    {
      if (*s == ' ')
        in = FALSE;
      else if (!in)
        {
          in = TRUE;
          n++;
        }
    }
  return n;
}

/* Appends next to acc, joining a word hyphenated at the line end. */
static void
join_text (GString *acc, const char *next)
{
  if (acc->len == 0)
    {
      g_string_append (acc, next);
      return;
    }
  if (acc->len >= 2 && acc->str[acc->len - 1] == '-'
      && g_ascii_islower (acc->str[acc->len - 2]) && starts_lower (next)
      && !g_str_has_prefix (next, "und ") && !g_str_has_prefix (next, "oder ")
      && !g_str_has_prefix (next, "bzw") && !g_str_has_prefix (next, "sowie "))
    {
      g_string_truncate (acc, acc->len - 1);
      g_string_append (acc, next);
      return;
    }
  g_string_append_c (acc, ' ');
  g_string_append (acc, next);
}

static void offer (char **slot, int *slot_prio, const char *value, int prio);

/* "Kreistag" from "Der Kreistag möge beschließen" and "Kreistag des
 * Landkreises Beispielkreis" from the letterhead name the same body; keep
 * the fuller name. */
static void
offer_body (char **slot, int *slot_prio, const char *value, int prio)
{
  if (*slot != NULL && value != NULL)
    {
      gsize a = strlen (*slot), b = strlen (value);

      if (b > a && g_ascii_strncasecmp (*slot, value, a) == 0 && !is_word_byte ((guchar) value[a]))
        {
          g_free (*slot);
          *slot = g_strdup (value);
          *slot_prio = MIN (prio, *slot_prio);
          return;
        }
      if (a > b && g_ascii_strncasecmp (*slot, value, b) == 0)
        {
          *slot_prio = MIN (prio, *slot_prio);
          return;
        }
    }
  offer (slot, slot_prio, value, prio);
}

static void
offer (char **slot, int *slot_prio, const char *value, int prio)
{
  g_autofree char *v = NULL;

  if (value == NULL)
    return;
  v = strip_chars (value, " \t*_,;");
  if (*v == '\0')
    return;
  if (*slot == NULL || prio < *slot_prio)
    {
      g_free (*slot);
      *slot = g_steal_pointer (&v);
      *slot_prio = prio;
    }
}

/* ------------------------------------------------------------------ */
/* 1. validation                                                       */

static gboolean
validate_input (const char *text, gsize len, GError **error)
{
  const char *end = NULL;
  gboolean only_space = TRUE;

  if (len > BK_TEXT_PARSER_MAX_SIZE)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_TOO_LARGE,
                   _("The text is too large: %zu bytes, at most %d bytes are accepted"),
                   (size_t) len, BK_TEXT_PARSER_MAX_SIZE);
      return FALSE;
    }
  if (len == 0)
    {
      g_set_error_literal (error, BK_ERROR, BK_ERROR_INVALID_INPUT, _("The text is empty"));
      return FALSE;
    }
  if (memchr (text, '\0', len) != NULL)
    {
      g_set_error_literal (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                           _("The file contains NUL bytes; it is a binary file, not text"));
      return FALSE;
    }
  if (!g_utf8_validate_len (text, len, &end))
    {
      guint line = 1;

      for (const char *p = text; p < end; p++)
        if (*p == '\n')
          line++;
      g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                   _("Invalid UTF-8 in line %u"), line);
      return FALSE;
    }
  for (gsize i = 0; i < len && only_space; i++)
    if (!g_ascii_isspace (text[i]))
      only_space = FALSE;
  if (only_space)
    {
      g_set_error_literal (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                           _("The text is empty"));
      return FALSE;
    }
  return TRUE;
}

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

static GString *
clean_markup (const char *text, gsize len)
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

typedef enum {
  MARK_NONE,
  MARK_NUMBER,
  MARK_SUB,
} Mark;

static Mark list_marker (const char *s, const char **content);
static guint count_words (const char *s);
static void split_label_cells (GPtrArray *cells);
static gboolean is_body_start (const char *low);

/* ------------------------------------------------------------------ */
/* 3. lines                                                            */

static void
line_free (gpointer data)
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

static Line *
line_new_plain (const char *text)
{
  Line *l = g_new0 (Line, 1);

  line_set_text (l, collapse_spaces (text, strlen (text)));
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
      g_ptr_array_add (cells, collapse_spaces (p, (gsize) (q - p)));
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
  split_label_cells (cells);
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

static GPtrArray *
split_lines (const GString *clean)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (line_free);
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
      if (!ends_sentence (a->text) && !a->heading && !a->bold && count_words (a->text) > 3
          && list_marker (b->text, &content) == MARK_NONE)
        {
          GString *s = g_string_new (a->text);

          join_text (s, b->text);
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

static void
remove_page_headers (GPtrArray *lines)
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

/* ------------------------------------------------------------------ */
/* cue detection                                                       */

static const char *const resolution_headings[] = {
  "beschlussvorschlag", "beschlussantrag", "beschlussentwurf", "beschlusstext",
  "beschlussempfehlung", "beschlussfassung", "beschluss", "antrag", "antragstext",
  "antragsinhalt", "fragen", "fragestellung", "fragenkatalog", "vorschlag zur beschlussfassung",
  "der antrag lautet", "wortlaut", "wortlaut des antrags", "entschließung", NULL
};

static const char *const resolution_phrases[] = {
  "möge beschließen", "möge beschliessen", "möge folgendes beschließen",
  "möge folgenden beschluss", "wolle beschließen", "möge wie folgt beschließen",
  "beschließt:", "beschließt folgendes", "beschließt wie folgt",
  "stellen den nachstehenden antrag", "stellen folgenden antrag", "stellt folgenden antrag",
  "stellen den folgenden antrag", "beantragt:", "beantragen:", "beantragen wir:",
  "beantragt folgendes", "beantragen folgendes", "beantragen daher:",
  "bitten um beantwortung", "wir fragen", "fragen die verwaltung", "fragen wir",
  "stellen folgende anfrage", "bitten wir um beantwortung", NULL
};

static const char *const justification_words[] = {
  "begründung", "sachverhalt", "sachdarstellung", "erläuterung", "erläuterungen", NULL
};

static const char *const justification_exact[] = {
  "zur begründung", "hintergrund", "ausgangslage", "problemstellung",
  "problembeschreibung", "anlass", NULL
};

static const char *const greetings[] = {
  "mit freundlichen grüßen", "mit freundlichen grüssen", "mit freundlichem gruß",
  "mit freundlichem gruss", "freundliche grüße", "mit besten grüßen", "beste grüße",
  "viele grüße", "mit kollegialen grüßen", "mit kollegialem gruß", "hochachtungsvoll",
  "mit den besten grüßen", "herzliche grüße", NULL
};

static const char *
skip_emphasis (const char *s)
{
  while (*s == '*' || *s == '_' || *s == ' ')
    s++;
  return s;
}

/* "Der Kreistag möge beschließen:" names the body that decides. */
static void
body_from_cue (Parser *ps, const Line *l)
{
  static const char *const verbs[] = { " möge ", " wolle ", " beschließt", NULL };
  static const char *const bodies[] = {
    "kreistag", "rat ", "stadtrat", "gemeinderat", "landschaftsversammlung",
    "stadtverordnetenversammlung", "gemeindevertretung", "bezirksvertretung",
    "bezirksversammlung", "bezirkstag", "ortschaftsrat", "ortsbeirat",
    "samtgemeinderat", "marktgemeinderat", "verbandsversammlung",
    "regionalversammlung", "bürgerschaft", "kreisausschuss", "hauptausschuss",
    "ortsgemeinderat", "stadtbezirksrat", "bezirksrat", "ausschuss", NULL
  };
  const char *hit = NULL;
  const char *start;
  g_autofree char *cand = NULL;
  g_autofree char *cand_low = NULL;

  for (guint i = 0; verbs[i] != NULL && hit == NULL; i++)
    hit = strstr (l->low, verbs[i]);
  if (hit == NULL)
    return;
  start = l->low;
  for (const char *p = l->low; p < hit; p++)
    if (*p == ',' || *p == ':' || *p == ';' || ((*p == '.' || *p == '!') && p[1] == ' '))
      start = p + 1;   /* "… zu beraten. Der Kreistag möge beschließen:" */
  while (*start == ' ')
    start++;
  if (has_prefix_word (start, "der") || has_prefix_word (start, "die") || has_prefix_word (start, "das"))
    start += 4;
  if (start >= hit)
    return;
  cand = g_strndup (l->text + (start - l->low), (gsize) (hit - start));
  cand_low = bk_text_lower_same_length (cand);
  if (count_words (cand) > 8)
    return;
  for (guint i = 0; bodies[i] != NULL; i++)
    if (g_str_has_prefix (cand_low, bodies[i]) || strcmp (cand_low, "rat") == 0)
      {
        offer_body (&ps->body, &ps->body_prio, cand, 0);
        return;
      }
}

static gboolean
is_number_start (const char *s)
{
  return g_ascii_isdigit (*s);
}

/* The remainder after a cue's colon, or NULL. */
static const char *
after_colon (const Line *l, const char *from_low)
{
  const char *c = strchr (from_low, ':');

  if (c == NULL)
    return NULL;
  c++;
  while (*c == ' ' || *c == '*')
    c++;
  if (*c == '\0')
    return NULL;
  return l->text + (c - l->low);
}

static Cue
detect_cue (const Line *l, Section state, const char **rest)
{
  const char *lw = skip_emphasis (l->low);
  gsize n = strlen (lw);
  gboolean ends_colon;

  *rest = NULL;
  while (n > 0 && (lw[n - 1] == '*' || lw[n - 1] == ' ' || lw[n - 1] == '_'))
    n--;
  ends_colon = n > 0 && lw[n - 1] == ':';

  /* closing */
  for (guint i = 0; greetings[i] != NULL; i++)
    if (g_str_has_prefix (lw, greetings[i]))
      {
        const char *r = lw + strlen (greetings[i]);

        while (*r == ',' || *r == ' ' || *r == '!')
          r++;
        if (*r != '\0')
          *rest = l->text + (r - l->low);
        return state == SEC_HEADER ? CUE_NONE : CUE_CLOSING;
      }
  if (has_prefix_word (lw, "gez") || g_str_has_prefix (lw, "gezeichnet"))
    return CUE_SIGNED;

  if ((state == SEC_RESOLUTION || state == SEC_JUSTIFICATION)
      && (g_str_has_prefix (lw, "für die ") || g_str_has_prefix (lw, "für den "))
      && !ends_sentence (lw) && count_words (lw) <= 8 && bk_text_is_faction_name (lw))
    return CUE_SIGNED;

  if (state == SEC_HEADER && (g_str_has_prefix (lw, "sehr geehrte")
                              || g_str_has_prefix (lw, "liebe kolleg")
                              || g_str_has_prefix (lw, "hallo ")))
    return CUE_SALUTATION;

  if (is_number_start (lw) || g_str_has_prefix (lw, "- "))
    return CUE_NONE;

  /* justification */
  for (guint i = 0; justification_words[i] != NULL; i++)
    if (has_prefix_word (lw, justification_words[i]))
      {
        const char *r = lw + strlen (justification_words[i]);

        while (*r == ' ')
          r++;
        if (*r == '\0' || *r == '*')
          return CUE_JUSTIFICATION;
        if (*r == ':')
          {
            *rest = after_colon (l, r);
            return CUE_JUSTIFICATION;
          }
        if (strstr (r, "mündlich") != NULL && count_words (lw) <= 5)
          {
            *rest = l->text + (skip_emphasis (l->low) - l->low);
            return CUE_JUSTIFICATION;
          }
        if ((l->heading || l->bold || ends_colon) && count_words (lw) <= 6)
          {
            *rest = after_colon (l, r);
            return CUE_JUSTIFICATION;
          }
      }
  for (guint i = 0; justification_exact[i] != NULL; i++)
    if (has_prefix_word (lw, justification_exact[i]))
      {
        const char *r = lw + strlen (justification_exact[i]);

        while (*r == ' ')
          r++;
        if (*r == '\0' || *r == '*')
          return CUE_JUSTIFICATION;
        if (*r == ':')
          {
            *rest = after_colon (l, r);
            return CUE_JUSTIFICATION;
          }
      }

  /* resolution */
  for (guint i = 0; resolution_headings[i] != NULL; i++)
    if (has_prefix_word (lw, resolution_headings[i]))
      {
        const char *r = lw + strlen (resolution_headings[i]);

        while (*r == ' ' || *r == '*')
          r++;
        if (*r == '\0')
          return CUE_RESOLUTION;
        if (*r == ':')
          {
            *rest = after_colon (l, r);
            /* "Antrag: <title>" in the header is a subject, not the resolution */
            if (*rest != NULL && state == SEC_HEADER
                && (strcmp (resolution_headings[i], "antrag") == 0
                    || strcmp (resolution_headings[i], "beschluss") == 0))
              {
                *rest = NULL;
                return CUE_NONE;
              }
            return CUE_RESOLUTION;
          }
      }
  if (g_str_has_prefix (lw, "beschluss") && ends_colon && count_words (lw) <= 6)
    return CUE_RESOLUTION;

  for (guint i = 0; resolution_phrases[i] != NULL; i++)
    {
      const char *hit = strstr (lw, resolution_phrases[i]);

      if (hit == NULL)
        continue;
      if (state == SEC_JUSTIFICATION && !ends_colon)
        continue;
      if (state == SEC_RESOLUTION && !ends_colon)
        continue;
      *rest = after_colon (l, hit);
      if (*rest == NULL && !ends_colon && strchr (hit, ':') == NULL
          && strlen (hit) > strlen (resolution_phrases[i]) + 3)
        *rest = l->text;   /* "Der Kreistag möge beschließen, dass …" */
      return CUE_RESOLUTION;
    }

  /* a line such as "Die Fraktion beantragt folgenden Beschluss:" */
  if ((state == SEC_HEADER || state == SEC_INTRO) && ends_colon
      && count_words (lw) >= 2 && strchr (lw, ':') == lw + n - 1
      && (strstr (lw, "antrag") != NULL || strstr (lw, "beschl") != NULL
          || strstr (lw, "beantrag") != NULL || strstr (lw, "frage") != NULL)
      && !g_str_has_prefix (lw, "antragst") && !g_str_has_prefix (lw, "antragss")
      && !g_str_has_prefix (lw, "betr"))
    return CUE_RESOLUTION;

  return CUE_NONE;
}

/* ------------------------------------------------------------------ */
/* parties                                                             */

static const char *const role_words[] = {
  "vorsitz", "geschäftsführ", "sprecher", "kreisrat", "kreisrät", "stadtrat",
  "stadträt", "gemeinderat", "gemeinderät", "ratsmitglied", "ratsfrau", "ratsherr",
  "mitglied", "abgeordnet", "stellv", "obmann", "obfrau", "bezirksvertreter",
  "beisitzer", "schatzmeister", "referent", "bürgermeister", "sachkundige",
  "ortsvorsteher", "fraktionsführer", "kta", "mdl", "mdb", NULL
};

static gboolean
is_role_text (const char *text)
{
  g_autofree char *low = bk_text_lower_same_length (text);

  if (strlen (text) > 80 || count_words (text) > 6 || ends_sentence (text))
    return FALSE;
  for (guint i = 0; role_words[i] != NULL; i++)
    if (strstr (low, role_words[i]) != NULL)
      return TRUE;
  return FALSE;
}

static gboolean
is_faction_text (const char *text)
{
  return strlen (text) <= 100 && count_words (text) <= 10 && !ends_sentence (text)
         && bk_text_is_faction_name (text);
}

/* Splits "Name, Rolle" / "Name - Rolle" / "Name (CDU)"; returns TRUE with a
 * person name when the left part is one. */
static gboolean
split_name_role (const char *text, char **name, char **role)
{
  static const char *const seps[] = { " - ", " – ", ", ", " (", NULL };

  if (bk_text_is_person_name (text))
    {
      *name = g_strdup (text);
      *role = NULL;
      return TRUE;
    }
  for (guint i = 0; seps[i] != NULL; i++)
    {
      const char *s = strstr (text, seps[i]);

      if (s != NULL)
        {
          g_autofree char *left = g_strndup (text, (gsize) (s - text));

          if (bk_text_is_person_name (left))
            {
              *name = g_steal_pointer (&left);
              *role = strip_chars (s + strlen (seps[i]), " ()");
              if (**role == '\0')
                g_clear_pointer (role, g_free);
              return TRUE;
            }
        }
    }
  return FALSE;
}

static BkPartyKind
party_kind (const char *name)
{
  if (bk_text_is_faction_name (name))
    return BK_PARTY_FACTION;
  if (bk_text_is_person_name (name))
    return BK_PARTY_PERSON;
  return BK_PARTY_ORGANIZATION;
}

static const char *const person_prefixes[] = {
  "KTA ", "Kreistagsabgeordneten ", "Kreistagsabgeordnete ", "Kreistagsabgeordneter ",
  "Kreisrat ", "Kreisrätin ", "Kreisrates ", "Stadtrat ", "Stadträtin ",
  "Stadtrates ", "Ratsmitglied ", "Ratsmitglieds ", "Ratsherr ", "Ratsherrn ",
  "Ratsfrau ", "Gemeinderat ", "Gemeinderätin ", "Herrn ", "Frau ", NULL
};

static char *
clean_party_item (const char *item)
{
  g_autofree char *s = strip_chars (item, " .,;:*_");
  static const char *const articles[] = { "der ", "die ", "den ", "des ", "von ", "vom ", NULL };
  gboolean again = TRUE;
  char *p = s;

  while (again)
    {
      again = FALSE;
      for (guint i = 0; articles[i] != NULL; i++)
        if (g_ascii_strncasecmp (p, articles[i], strlen (articles[i])) == 0)
          {
            p += strlen (articles[i]);
            again = TRUE;
          }
    }
  /* "SPD-Fraktion im Gemeinderat Lindental": the assembly is the body, the
   * faction is "SPD-Fraktion" */
  {
    static const char *const preps[] = { " im ", " in der ", " in dem ", NULL };
    g_autofree char *low = bk_text_lower_same_length (p);

    for (guint i = 0; preps[i] != NULL; i++)
      {
        const char *h = strstr (low, preps[i]);

        if (h != NULL && is_body_start (h + strlen (preps[i])))
          {
            g_autofree char *head = g_strndup (p, (gsize) (h - low));

            if (bk_text_is_faction_name (head))
              {
                p[h - low] = '\0';
                break;
              }
          }
      }
  }
  for (guint i = 0; person_prefixes[i] != NULL; i++)
    if (g_str_has_prefix (p, person_prefixes[i]))
      {
        const char *r = p + strlen (person_prefixes[i]);

        if (bk_text_is_person_name (r))
          {
            p += strlen (person_prefixes[i]);
            break;
          }
      }
  return g_strdup (p);
}

static GPtrArray *
split_parties (const char *value)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *v = strip_chars (value, " .:*_");
  const char *p, *start;

  /* "Fraktionen von CDU und FDP": the items are the parties */
  if (g_str_has_prefix (v, "Fraktionen "))
    {
      char *r = v + strlen ("Fraktionen ");

      if (g_str_has_prefix (r, "von ") || g_str_has_prefix (r, "der "))
        r += 4;
      memmove (v, r, strlen (r) + 1);
    }
  p = start = v;
  while (TRUE)
    {
      gsize sep = 0;

      if (*p == '\0')
        sep = 0;
      else if (*p == ',' || *p == ';' || *p == '&')
        sep = 1;
      else if (g_str_has_prefix (p, " und "))
        sep = 5;
      else if (g_str_has_prefix (p, " sowie "))
        sep = 7;
      else if (*p == '/')
        {
          /* "Bündnis 90/Die Grünen" keeps its slash */
          const char *b = p;

          while (b > start && b[-1] == ' ')
            b--;
          if (b == start || !g_ascii_isdigit (b[-1]))
            sep = 1;
        }
      if (*p == '\0' || sep > 0)
        {
          g_autofree char *raw = g_strndup (start, (gsize) (p - start));
          char *item = clean_party_item (raw);

          if (*item != '\0')
            g_ptr_array_add (out, item);
          else
            g_free (item);
          if (*p == '\0')
            break;
          p += sep;
          start = p;
          continue;
        }
      p++;
    }
  /* "CDU- und SPD-Fraktion" */
  for (guint i = 0; i + 1 < out->len; i++)
    {
      char *a = g_ptr_array_index (out, i);
      const char *b = g_ptr_array_index (out, i + 1);
      const char *dash = strrchr (b, '-');
      gsize al = strlen (a);

      if (al > 0 && a[al - 1] == '-' && dash != NULL)
        {
          char *merged = g_strconcat (a, dash + 1, NULL);

          g_free (a);
          out->pdata[i] = merged;
        }
    }
  return out;
}

static void
offer_submitters (Parser *ps, const char *value, int prio)
{
  g_autoptr(GPtrArray) items = NULL;

  if (prio >= ps->submitters_prio)
    return;
  items = split_parties (value);
  if (items->len == 0)
    return;
  g_ptr_array_unref (ps->submitters);
  ps->submitters = g_steal_pointer (&items);
  ps->submitters_prio = prio;
}

/* ------------------------------------------------------------------ */
/* references                                                          */

/* Length of a paper number at p ("15/0292", "062a/2016", "VO/2020/08803"),
 * 0 if none.  Without relaxed a separator is required so that plain numbers
 * and years are not taken for papers. */
static gsize
scan_ref_token (const char *p, gboolean relaxed)
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
  if (is_word_byte ((guchar) *q))
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
      tl = scan_ref_token (low + pos, FALSE);
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
  tl = scan_ref_token (q, relaxed);
  if (tl == 0)
    return NULL;
  *after = (gsize) (q - low) + tl;
  return g_strndup (text + (q - low), tl);
}

static void
scan_references (const Line *l, GPtrArray *out)
{
  gsize n = strlen (l->low);

  for (gsize i = 0; i < n;)
    {
      gsize after = i + 1;

      if ((i == 0 || !is_word_byte ((guchar) l->low[i - 1])) && g_ascii_isalpha (l->low[i]))
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
static const char *
find_type (const char *low, gboolean *plain)
{
  const char *best = NULL, *best_pos = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (type_words); i++)
    {
      const char *hit = find_word (low, type_words[i].word);

      if (hit == NULL && !type_words[i].plain)
        {
          /* compounds such as "Gemeinsamer Ergänzungsantrag" are whole words
           * already; "Antrag zur Aufstellung … der Tagesordnung" is the long
           * form of the agenda motion */
          if (strcmp (type_words[i].word, "antrag zur tagesordnung") == 0
              && find_word (low, "antrag") != NULL && strstr (low, "tagesordnung") != NULL)
            hit = find_word (low, "antrag");
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

static void
offer_type_from (Parser *ps, const char *low, int prio_specific, int prio_plain)
{
  gboolean plain = FALSE;
  const char *t = find_type (low, &plain);

  if (t != NULL)
    offer (&ps->type, &ps->type_prio, t, plain ? prio_plain : prio_specific);
}

/* ------------------------------------------------------------------ */
/* consultations                                                       */

static const char *const consult_roles[] = {
  "empfehlender beschluss", "vorberatung", "beschlussfassung", "entscheidung",
  "kenntnisnahme", "zur kenntnis", "anhörung", "beratung", "empfehlung", "vorberatend",
  "entscheidend", "beschließend", "federführend", "mitberatend", "stellungnahme",
  "beschluss", NULL
};

static const char *const committee_words[] = {
  "ausschuss", "kreistag", "rat", "versammlung", "kommission", "beirat", "vertretung",
  "bürgerschaft", "gremium", "konferenz", "parlament", "bezirkstag", "kreisausschuss", NULL
};

static gboolean
flag_value (const char *cell, BkTristate *value)
{
  g_autofree char *low = bk_text_lower_same_length (cell);
  g_autofree char *s = strip_chars (low, " ()*:.");

  if (strcmp (s, "ö") == 0 || strcmp (s, "öffentlich") == 0 || strcmp (s, "öff") == 0)
    *value = BK_TRISTATE_YES;
  else if (strcmp (s, "n") == 0 || strcmp (s, "nö") == 0 || strcmp (s, "nichtöffentlich") == 0
           || strcmp (s, "nicht öffentlich") == 0 || strcmp (s, "nicht-öffentlich") == 0
           || strcmp (s, "nöff") == 0)
    *value = BK_TRISTATE_NO;
  else
    return FALSE;
  return TRUE;
}

static gboolean
is_consult_role (const char *cell)
{
  g_autofree char *low = bk_text_lower_same_length (cell);

  if (count_words (cell) > 5)
    return FALSE;
  for (guint i = 0; consult_roles[i] != NULL; i++)
    if (strstr (low, consult_roles[i]) != NULL)
      return TRUE;
  return FALSE;
}

static gboolean
has_committee_word (const char *cell)
{
  g_autofree char *low = bk_text_lower_same_length (cell);

  for (guint i = 0; committee_words[i] != NULL; i++)
    if (strstr (low, committee_words[i]) != NULL)
      return TRUE;
  return FALSE;
}

/* The date of a cell that holds only a date (and maybe weekday or time). */
static char *
pure_date (const char *cell)
{
  gsize s = 0, e = 0;
  char *iso = bk_text_find_date (cell, &s, &e);

  if (iso == NULL)
    return NULL;
  for (gsize i = 0; i < s; i++)
    if (g_ascii_isalpha (cell[i]) && s > 12)
      goto no;
  if (s > 12)
    goto no;
  for (const char *p = cell + e; *p != '\0'; p++)
    if (g_ascii_isalpha (*p) && !g_str_has_prefix (p, "Uhr") && !g_str_has_prefix (p, "uhr"))
      goto no;
  return iso;
no:
  g_free (iso);
  return NULL;
}

static Column
column_kind (const char *cell)
{
  g_autofree char *low = bk_text_lower_same_length (cell);
  g_autofree char *s = strip_chars (low, " :*");

  if (strcmp (s, "gremium") == 0 || strcmp (s, "beratungsfolge") == 0
      || strcmp (s, "ausschuss") == 0 || strcmp (s, "gremien") == 0)
    return COL_COMMITTEE;
  if (strcmp (s, "datum") == 0 || strcmp (s, "sitzung") == 0 || strcmp (s, "sitzungstermin") == 0
      || strcmp (s, "sitzungsdatum") == 0 || strcmp (s, "termin") == 0)
    return COL_DATE;
  if (strcmp (s, "zuständigkeit") == 0 || strcmp (s, "rolle") == 0 || strcmp (s, "beratung") == 0
      || strcmp (s, "art") == 0 || strcmp (s, "beratungsart") == 0 || strcmp (s, "funktion") == 0)
    return COL_ROLE;
  if (strcmp (s, "status") == 0 || strcmp (s, "ö/n") == 0 || strcmp (s, "öffentlichkeit") == 0
      || strcmp (s, "öffentlichkeitsstatus") == 0 || strcmp (s, "ö / n") == 0)
    return COL_PUBLIC;
  return COL_NONE;
}

static gboolean
parse_consult_header (const Line *l, Column *map)
{
  guint known = 0;

  if (l->n_cells < 2 || l->n_cells > MAX_COLUMNS)
    return FALSE;
  for (guint i = 0; i < l->n_cells; i++)
    {
      Column c = column_kind (l->cells[i]);

      if (c != COL_NONE)
        known++;
      else if (*l->cells[i] != '\0' && strlen (l->cells[i]) > 20)
        return FALSE;
    }
  if (known < 2)
    return FALSE;
  for (guint i = 0; i < MAX_COLUMNS; i++)
    map[i] = i < l->n_cells ? column_kind (l->cells[i]) : COL_NONE;
  return TRUE;
}

static gboolean
add_consultation_checked (Parser *ps, const char *committee, const char *date,
                          const char *role, BkTristate pub)
{
  g_autofree char *c = NULL;

  if (committee == NULL)
    return FALSE;
  c = strip_chars (committee, " -–,;|*:");
  if (*c == '\0' || strlen (c) > 120 || strchr (c, ':') != NULL)
    return FALSE;
  bk_motion_add_consultation (ps->m, c, date, role, pub);
  return TRUE;
}

static gboolean
try_consultation_cells (Parser *ps, const Line *l, const Column *map, gboolean mode)
{
  g_autofree char *date = NULL;
  const char *committee = NULL, *role = NULL;
  BkTristate pub = BK_TRISTATE_UNKNOWN;
  gboolean have_flag = FALSE;

  for (guint i = 0; i < l->n_cells; i++)
    {
      const char *c = l->cells[i];
      Column col = map != NULL && i < MAX_COLUMNS ? map[i] : COL_NONE;
      char *d;

      if (*c == '\0')
        continue;
      if ((col == COL_NONE || col == COL_PUBLIC) && flag_value (c, &pub))
        {
          have_flag = TRUE;
          continue;
        }
      if ((col == COL_NONE || col == COL_DATE) && date == NULL && (d = pure_date (c)) != NULL)
        {
          date = d;
          continue;
        }
      if (col == COL_DATE && date == NULL && (d = bk_text_find_date (c, NULL, NULL)) != NULL)
        {
          date = d;
          continue;
        }
      if (col == COL_ROLE || (col == COL_NONE && role == NULL && committee != NULL && is_consult_role (c))
          || (col == COL_NONE && role == NULL && is_consult_role (c) && !has_committee_word (c)))
        {
          role = c;
          continue;
        }
      if ((col == COL_COMMITTEE || col == COL_NONE) && committee == NULL)
        {
          committee = c;
          continue;
        }
      return FALSE;   /* an extra text cell: not a consultation row */
    }
  if (committee == NULL || strchr (committee, ':') != NULL)
    return FALSE;
  if (!mode && (date == NULL || !(have_flag || role != NULL || has_committee_word (committee))))
    return FALSE;
  if (mode && date == NULL && role == NULL && !have_flag)
    return FALSE;
  return add_consultation_checked (ps, committee, date, role, pub);
}

/* "Kreisausschuss 12.03.2025 Vorberatung Ö" inside a Beratungsfolge block */
static gboolean
try_consultation_line (Parser *ps, const Line *l)
{
  gsize s = 0, e = 0;
  g_autofree char *date = bk_text_find_date (l->text, &s, &e);
  g_autoptr(GString) rest = g_string_new (NULL);
  g_autofree char *role = NULL;
  BkTristate pub = BK_TRISTATE_UNKNOWN;
  g_auto(GStrv) words = NULL;
  guint n;
  g_autofree char *low = NULL;

  if (date != NULL)
    {
      g_string_append_len (rest, l->text, (gssize) s);
      g_string_append_c (rest, ' ');
      g_string_append (rest, l->text + e);
    }
  else
    g_string_append (rest, l->text);
  words = g_strsplit (g_strstrip (rest->str), " ", -1);
  n = g_strv_length (words);
  while (n > 0 && flag_value (words[n - 1], &pub))
    g_clear_pointer (&words[--n], g_free);
  if (n > 0 && flag_value (words[0], &pub))
    {
      g_free (words[0]);
      memmove (words, words + 1, n * sizeof (char *));
      n--;
    }
  g_string_assign (rest, "");
  for (guint i = 0; i < n; i++)
    {
      if (*words[i] == '\0')
        continue;
      if (rest->len > 0)
        g_string_append_c (rest, ' ');
      g_string_append (rest, words[i]);
    }
  low = bk_text_lower_same_length (rest->str);
  for (guint i = 0; consult_roles[i] != NULL; i++)
    {
      const char *hit = strstr (low, consult_roles[i]);

      if (hit != NULL && hit > low)
        {
          role = strip_chars (rest->str + (hit - low), " ()-–,;");
          g_string_truncate (rest, (gsize) (hit - low));
          break;
        }
    }
  if (date == NULL && role == NULL)
    return FALSE;
  if (count_words (rest->str) > 10)
    return FALSE;
  return add_consultation_checked (ps, rest->str, date, role, pub);
}

/* "KA 23.06.26 TOP 10 und KT 29.06.26": only abbreviations the domain notes
 * document are expanded; anything else would be guessing. */
static void
scan_abbreviated_consultations (Parser *ps, const Line *l)
{
  static const struct {
    const char *abbr;
    const char *name;
  } abbrs[] = {
    { "KA", "Kreisausschuss" }, { "KT", "Kreistag" }, { "HFA", "Haupt- und Finanzausschuss" },
  };
  gsize off = 0, len = strlen (l->text);

  while (off < len)
    {
      gsize s = 0, e = 0;
      g_autofree char *iso = bk_text_find_date (l->text + off, &s, &e);
      const char *b, *wend;

      if (iso == NULL)
        break;
      b = l->text + off + s;
      /* step back over "am", ":" and spaces to the preceding word */
      wend = b;
      while (wend > l->text && (wend[-1] == ' ' || wend[-1] == ':'))
        wend--;
      if (wend - l->text >= 3 && strncmp (wend - 3, " am", 3) == 0)
        {
          wend -= 3;
          while (wend > l->text && wend[-1] == ' ')
            wend--;
        }
      for (guint i = 0; i < G_N_ELEMENTS (abbrs); i++)
        {
          gsize al = strlen (abbrs[i].abbr);
          const char *ws = wend - al;

          if (wend - l->text >= (gssize) al && strncmp (ws, abbrs[i].abbr, al) == 0
              && (ws == l->text || !is_word_byte ((guchar) ws[-1])))
            bk_motion_add_consultation (ps->m, abbrs[i].name, iso, NULL, BK_TRISTATE_UNKNOWN);
        }
      off += e;
    }
}

/* "Ausschusses für Mobilität" → "Ausschuss für Mobilität", "Gemeinderats"
 * → "Gemeinderat": the genitive of a committee after "Sitzung des". */
static char *
committee_nominative (const char *name)
{
  g_auto(GStrv) words = g_strsplit (name, " ", -1);

  for (guint i = 0; words[i] != NULL; i++)
    {
      char *w = words[i];
      gsize n = strlen (w);

      if (strcmp (w, "für") == 0 || strcmp (w, "des") == 0 || strcmp (w, "der") == 0
          || strcmp (w, "im") == 0 || strcmp (w, "von") == 0)
        break;
      if (n > 6 && g_str_has_suffix (w, "sses"))
        w[n - 2] = '\0';
      else if (n > 6 && (g_str_has_suffix (w, "rates") || g_str_has_suffix (w, "tages")))
        w[n - 2] = '\0';
      else if (n > 5 && (g_str_has_suffix (w, "rats") || g_str_has_suffix (w, "tags")))
        w[n - 1] = '\0';
    }
  return g_strjoinv (" ", words);
}

/* A letter asking for a consultation: "beantragt, diesen Antrag in der
 * Sitzung des Ausschusses für Mobilität und Umwelt am 27. Januar 2027 zu
 * beraten", "bittet um Beratung im Ausschuss für Soziales am 24.02.2026".
 * Only used when the text has no consultation sequence. */
static void
requested_consultations (Parser *ps, const char *text)
{
  static const char *const markers[] = {
    "sitzung des ", "sitzung der ", "sitzung im ", " im ", " des ", NULL
  };
  g_autofree char *low = bk_text_lower_same_length (text);
  gsize off = 0, len = strlen (text);

  if (strstr (low, "berat") == NULL && strstr (low, "behandl") == NULL
      && strstr (low, "behandel") == NULL)
    return;
  while (off < len)
    {
      gsize s = 0, e = 0, am, win, mend = 0, tail_end;
      g_autofree char *iso = bk_text_find_date (text + off, &s, &e);
      g_autofree char *raw = NULL;
      g_autofree char *committee = NULL;
      g_autofree char *clause = NULL;

      if (iso == NULL)
        break;
      s += off;
      e += off;
      off = e;
      am = s;
      while (am > 0 && text[am - 1] == ' ')
        am--;
      if (am < 3 || strncmp (low + am - 3, " am", 3) != 0)
        continue;
      am -= 3;
      /* the clause: from the sentence start (at most 200 bytes back) */
      win = am > 200 ? am - 200 : 0;
      for (gsize k = am; k > win; k--)
        if ((low[k - 1] == '.' || low[k - 1] == ';') && low[k] == ' ')
          {
            win = k;
            break;
          }
      for (guint i = 0; markers[i] != NULL; i++)
        {
          gsize ml = strlen (markers[i]);

          for (gsize k = win; k + ml <= am; k++)
            if (strncmp (low + k, markers[i], ml) == 0 && k + ml > mend)
              mend = k + ml;
          if (mend > 0 && i < 3)
            break;   /* "Sitzung des …" names the committee best */
        }
      if (mend == 0 || mend >= am)
        continue;
      tail_end = MIN (len, e + 60);
      clause = g_strndup (low + win, tail_end - win);
      if (strstr (clause, "berat") == NULL && strstr (clause, "behandl") == NULL
          && strstr (clause, "behandel") == NULL)
        continue;
      raw = g_strndup (text + mend, am - mend);
      g_strstrip (raw);
      if (*raw == '\0' || !g_unichar_isupper (g_utf8_get_char (raw)) || count_words (raw) > 10
          || strchr (raw, ':') != NULL || !has_committee_word (raw))
        continue;
      committee = committee_nominative (raw);
      add_consultation_checked (ps, committee, iso, NULL, BK_TRISTATE_UNKNOWN);
    }
}

/* ------------------------------------------------------------------ */
/* header                                                              */

typedef enum {
  LBL_NONE,
  LBL_DATE,
  LBL_SUBMITTER,
  LBL_REFERENCE,
  LBL_SUBJECT,
  LBL_STATUS,
  LBL_TYPE,
  LBL_ADDRESSEE,
  LBL_BODY,
} LabelKind;

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
static LabelKind
match_label_low (const char *lw, gsize *value_off, gboolean *colon)
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
      else if (is_word_byte ((guchar) *q))
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
static LabelKind
match_label (const char *cell, const char **value, gboolean *colon)
{
  g_autofree char *low = bk_text_lower_same_length (cell);
  const char *lw = skip_emphasis (low);
  gsize off = 0;
  LabelKind k = match_label_low (lw, &off, colon);

  if (k != LBL_NONE)
    *value = cell + (lw - low) + off;
  return k;
}

/* "Antragsteller: SPD-Fraktion  Datum: 03.02.2026  Drucksache Nr.: 12/0301":
 * a cell that starts with a field label is split before every further label
 * with a colon, whatever space precedes it.  Labels that directly follow
 * another label (an empty value) are left alone, so "Betreff: Antrag: …"
 * stays one field. */
static void
split_label_cells (GPtrArray *cells)
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
          lw = skip_emphasis (low);
          if (match_label_low (lw, &off, &colon) == LBL_NONE || !colon)
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
          if (match_label_low (low + p, &voff, &c2) == LBL_NONE || !c2)
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

static gboolean
is_body_start (const char *low)
{
  static const char *const bodies[] = {
    "kreistag", "rat der", "rat des", "stadtrat", "gemeinderat", "landschaftsversammlung",
    "stadtverordnetenversammlung", "gemeindevertretung", "bezirksvertretung",
    "bezirksversammlung", "bezirkstag", "ortschaftsrat", "ortsbeirat", "samtgemeinderat",
    "marktgemeinderat", "verbandsversammlung", "regionalversammlung", "bürgerschaft",
    "ortsgemeinderat", "stadtbezirksrat", "bezirksrat", NULL
  };

  for (guint i = 0; bodies[i] != NULL; i++)
    if (has_prefix_word (low, bodies[i]))
      return TRUE;
  return FALSE;
}

static gboolean
is_address_line (const char *low)
{
  static const char *const words[] = {
    "landratsamt", "rathaus", "kreishaus", "kreisverwaltung", "stadtverwaltung",
    "gemeindeverwaltung", "postfach", "verwaltung", "bürgermeisteramt", NULL
  };

  for (const char *p = low; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      return TRUE;
  for (guint i = 0; words[i] != NULL; i++)
    if (g_str_has_prefix (low, words[i]))
      return TRUE;
  return strstr (low, "straße") != NULL || strstr (low, "str.") != NULL
         || bk_text_is_faction_name (low);
}

/* "Frau Landrätin", "An den Landrat des Kreises …", "Herrn" */
static const char *
addressee_start (const Line *l)
{
  static const char *const starts[] = {
    "an den ", "an die ", "an das ", "an frau ", "an herrn ", "herrn ", "frau ", NULL
  };
  const char *lw = l->low;

  if (strcmp (lw, "herrn") == 0 || strcmp (lw, "frau") == 0 || strcmp (lw, "an") == 0)
    return l->text + strlen (lw);
  for (guint i = 0; starts[i] != NULL; i++)
    if (g_str_has_prefix (lw, starts[i]))
      {
        const char *r = l->text + strlen (starts[i]);
        gunichar c = g_utf8_get_char (r);

        if (!g_unichar_isupper (c))
          return NULL;
        if (g_str_has_prefix (lw, "an "))
          return r;
        return l->text;
      }
  return NULL;
}

static void
handle_checkboxes (Parser *ps, const Line *l)
{
  const char *p = l->text;

  while ((p = strstr (p, CHECKED)) != NULL)
    {
      const char *s = p + strlen (CHECKED);
      const char *e = strstr (s, UNCHECKED);
      const char *e2 = strstr (s, CHECKED);
      g_autofree char *label = NULL;
      g_autofree char *low = NULL;
      BkTristate pub;

      if (e == NULL || (e2 != NULL && e2 < e))
        e = e2;
      label = e != NULL ? g_strndup (s, (gsize) (e - s)) : g_strdup (s);
      g_strstrip (label);
      low = bk_text_lower_same_length (label);
      if (flag_value (label, &pub))
        ps->is_public = pub;
      else if (*label != '\0')
        {
          gboolean plain = FALSE;
          const char *t = find_type (low, &plain);

          offer (&ps->type, &ps->type_prio, t != NULL ? t : label, 0);
        }
      p = s;
    }
}

/* "Heinsberg, den 28.07.2020", "den 8.3.21", a line with only a date */
static gboolean
letter_date (Parser *ps, const Line *l)
{
  gsize s = 0, e = 0;
  g_autofree char *iso = bk_text_find_date (l->text, &s, &e);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  if (iso == NULL)
    return FALSE;
  {
    g_autofree char *head = g_strndup (l->text, s);

    before = strip_chars (head, " ,");
  }
  after = strip_chars (l->text + e, " .,");
  if (*after != '\0' && !g_str_has_prefix (after, "Uhr"))
    return FALSE;
  if (*before == '\0')
    {
      offer (&ps->date, &ps->date_prio, iso, 2);
      return TRUE;
    }
  if (g_str_has_suffix (before, " den") || strcmp (before, "den") == 0
      || (strchr (l->text, ',') != NULL && count_words (before) <= 4
          && g_unichar_isupper (g_utf8_get_char (before)) && !strchr (before, ':')))
    {
      offer (&ps->date, &ps->date_prio, iso, 1);
      return TRUE;
    }
  return FALSE;
}

/* "Musterstadt, den 3.2.25" closing a letter: a date, not justification. */
static void
trailing_date_line (Parser *ps, GPtrArray *lines)
{
  guint end = lines->len;

  while (end > 0 && ((Line *) g_ptr_array_index (lines, end - 1))->blank)
    end--;
  if (end > 1 && !((Line *) g_ptr_array_index (lines, end - 2))->blank)
    return;
  if (end > 0 && strlen (((Line *) g_ptr_array_index (lines, end - 1))->text) < 60
      && letter_date (ps, g_ptr_array_index (lines, end - 1)))
    g_ptr_array_set_size (lines, end - 1);
}

/* Letterhead: "Die SPD-Fraktion in der", "CDU-Kreistagsfraktion",
 * "Freie Wähler · Name · Straße 1 · 12345 Ort". */
static void
letterhead (Parser *ps, const Line *l)
{
  static const char *const cuts[] = { " im ", " in ", " für ", " · ", " | ", " - ", ", ", NULL };
  const char *dot = strstr (l->text, "\xC2\xB7");   /* · */

  if (dot != NULL || strstr (l->text, " | ") != NULL)
    {
      /* a sender line above the address window */
      const char *sep = dot != NULL ? dot : strstr (l->text, " | ");
      g_autofree char *first = g_strndup (l->text, (gsize) (sep - l->text));

      g_strstrip (first);
      if (bk_text_is_faction_name (first) || bk_text_is_person_name (first))
        offer_submitters (ps, first, bk_text_is_faction_name (first) ? 2 : 3);
      return;
    }
  if (strstr (l->low, "fraktion") != NULL && count_words (l->text) <= 10 && !ends_sentence (l->text)
      && !g_str_has_prefix (l->low, "antrag") && !g_str_has_prefix (l->low, "anfrage")
      && !g_str_has_prefix (l->low, "gemeinsam"))
    {
      g_autofree char *name = NULL;
      const char *start = l->text;
      gsize end = strlen (l->text);

      if (has_prefix_word (l->low, "die") || has_prefix_word (l->low, "der"))
        start += 4;
      for (guint i = 0; cuts[i] != NULL; i++)
        {
          const char *c = strstr (start, cuts[i]);

          if (c != NULL && (gsize) (c - l->text) < end)
            end = (gsize) (c - l->text);
        }
      if (g_str_has_suffix (l->text, " in der") || g_str_has_suffix (l->text, " im"))
        end = MIN (end, (gsize) (strrchr (l->text, ' ') - l->text));
      name = g_strndup (start, end - (gsize) (start - l->text));
      offer_submitters (ps, name, 2);
    }
}

/* "Antrag der SPD-Fraktion zur …", "Gemeinsamer Antrag von X und Y" */
static void
submitter_phrase (Parser *ps, const Line *l)
{
  static const char *const stops[] = {
    " zur ", " zum ", " zu ", " betreffend", " betr.", " bezüglich", " auf ", " für ",
    " gemäß", " gem.", " nach ", " vom ", " im ", " in der ", " in dem ", " - ", " – ",
    ":", "(", ". ", " an ", " über ", NULL
  };
  const char *lw = skip_emphasis (l->low);
  const char *hit = NULL;
  const char *w;

  for (w = lw; *w != '\0' && hit == NULL; w++)
    {
      if (w != lw && is_word_byte ((guchar) w[-1]))
        continue;
      /* skip one or two leading words such as "Gemeinsamer", "Interfraktioneller" */
      if (w - lw > 30)
        break;
      for (const char *p = w; *p != '\0' && *p != ' '; p++)
        {
          if ((g_str_has_prefix (p, "antrag ") || g_str_has_prefix (p, "anfrage "))
              && (g_str_has_prefix (strchr (p, ' '), " der ")
                  || g_str_has_prefix (strchr (p, ' '), " von ")
                  || g_str_has_prefix (strchr (p, ' '), " des ")))
            {
              hit = strchr (p, ' ') + 5;
              break;
            }
        }
    }
  if (hit == NULL)
    return;
  {
    gsize end = strlen (hit);
    g_autofree char *phrase = NULL;

    for (guint i = 0; stops[i] != NULL; i++)
      {
        const char *s = strstr (hit, stops[i]);

        if (s != NULL && (gsize) (s - hit) < end)
          end = (gsize) (s - hit);
      }
    phrase = g_strndup (l->text + (hit - l->low), end);
    offer_submitters (ps, phrase, 1);
  }
}

static gboolean
is_subject_phrase (const char *lw)
{
  static const char *const preps[] = {
    "zur ", "zum ", "zu ", "auf ", "betreffend ", "betr. ", "über ", "für ", "bezüglich ",
    "wegen ", "hinsichtlich ", NULL
  };
  const char *sp;

  /* first word is a type word: "Antrag", "Sachantrag", "Anfrage" … */
  sp = strchr (lw, ' ');
  if (sp == NULL)
    return FALSE;
  {
    g_autofree char *w = g_strndup (lw, (gsize) (sp - lw));

    if (!g_str_has_suffix (w, "antrag") && !g_str_has_suffix (w, "anfrage"))
      return FALSE;
  }
  for (guint i = 0; preps[i] != NULL; i++)
    if (g_str_has_prefix (sp + 1, preps[i]))
      return TRUE;
  /* "Antrag der SPD-Fraktion zur Sanierung …" */
  if (g_str_has_prefix (sp + 1, "der ") || g_str_has_prefix (sp + 1, "von ")
      || g_str_has_prefix (sp + 1, "des "))
    for (guint i = 0; preps[i] != NULL; i++)
      {
        g_autofree char *needle = g_strconcat (" ", preps[i], NULL);

        if (strstr (sp, needle) != NULL && count_words (lw) <= 30 && !g_str_has_suffix (lw, ":"))
          return TRUE;
      }
  return FALSE;
}

/* The end of a body name starting at b in a paragraph whose lines are
 * separated by '\n' (low is the lowered paragraph with the same offsets):
 * the name may wrap ("in der\nLandschaftsversammlung\nRheinland") but stops
 * at a field label, an address line, a "·" or a comma.  Returns the end
 * offset. */
static gsize
body_name_end (const char *low, gsize b)
{
  gsize e = b, words = 0;

  while (TRUE)
    {
      const char *nl = strchr (low + e, '\n');
      gsize seg_end = nl != NULL ? (gsize) (nl - low) : strlen (low);
      g_autofree char *seg = g_strndup (low + e, seg_end - e);
      const char *stop;
      gsize off = 0, cut;
      gboolean colon = FALSE;

      if (e > b)
        {
          /* a continuation line: only plain words, no field, no address */
          if (*seg == '\0' || is_address_line (seg) || strchr (seg, ':') != NULL
              || (match_label_low (seg, &off, &colon) != LBL_NONE && colon))
            return e > b ? e - 1 : e;
        }
      cut = strlen (seg);
      if ((stop = strstr (seg, " \xC2\xB7")) != NULL)
        cut = MIN (cut, (gsize) (stop - seg));
      if ((stop = strchr (seg, ',')) != NULL)
        cut = MIN (cut, (gsize) (stop - seg));
      words += count_words (seg);
      if (cut < strlen (seg) || nl == NULL || words > 8)
        return e + cut;
      e = seg_end + 1;
    }
}

static void
header_paragraph_done (Parser *ps, GString *para)
{
  g_autofree char *low = NULL;
  const char *f;

  if (para->len == 0)
    return;
  low = bk_text_lower_same_length (para->str);
  for (char *c = low; *c != '\0'; c++)
    if (*c == '\n')
      *c = ' ';
  /* "Die SPD-Fraktion in der Landschaftsversammlung Rheinland" */
  f = strstr (low, "fraktion");
  if (f != NULL)
    {
      static const char *const preps[] = { " im ", " in der ", " in dem ", NULL };

      for (guint i = 0; preps[i] != NULL; i++)
        {
          const char *p = strstr (f, preps[i]);

          if (p != NULL)
            {
              const char *b = p + strlen (preps[i]);
              gsize bo = (gsize) (b - low), e;
              g_autofree char *body = NULL;
              g_autofree char *nlow = NULL;

              if (!is_body_start (b))
                continue;
              /* segment boundaries are in the original paragraph */
              nlow = bk_text_lower_same_length (para->str);
              e = body_name_end (nlow, bo);
              body = g_strndup (para->str + bo, e - bo);
              for (char *c = body; *c != '\0'; c++)
                if (*c == '\n')
                  *c = ' ';
              g_strstrip (body);
              if (*body != '\0' && count_words (body) <= 8)
                offer_body (&ps->body, &ps->body_prio, body, 1);
              break;
            }
        }
    }
  g_string_truncate (para, 0);
}

static void
complete_body_with_place (Parser *ps)
{
  g_autofree char *low = NULL;
  guint seen = 0;

  if (ps->body == NULL || strchr (ps->body, ' ') != NULL)
    return;
  low = g_utf8_strdown (ps->body, -1);
  if (!is_body_start (low))
    return;
  for (guint i = 0; i < ps->sec[SEC_HEADER]->len && seen < 6; i++)
    {
      const Line *l = g_ptr_array_index (ps->sec[SEC_HEADER], i);
      g_autofree char *place = NULL;

      if (l->blank || l->removed)
        continue;
      seen++;
      place = bk_text_compose_body (ps->body, l->text);
      if (strcmp (place, ps->body) != 0)
        {
          g_free (ps->body);
          ps->body = g_steal_pointer (&place);
          return;
        }
    }
}

/* "Landkreis Beispielkreis – Kreistag", "Stadt Auenbach | Stadtrat": a
 * letterhead naming the authority and, after the dash, the assembly. */
static gboolean
letterhead_body (Parser *ps, const char *lw, const char *lt)
{
  static const char *const dashes[] = { " – ", " - ", " — ", " | ", NULL };

  if (count_words (lw) > 10 || ends_sentence (lw) || strchr (lw, ':') != NULL)
    return FALSE;
  for (guint i = 0; dashes[i] != NULL; i++)
    {
      const char *d = strstr (lw, dashes[i]);
      const char *a;

      if (d == NULL || d == lw)
        continue;
      a = d + strlen (dashes[i]);
      while (*a == ' ')
        a++;
      if (is_body_start (a) && count_words (a) <= 6 && count_words (lw) - count_words (a) <= 5
          && strstr (a, dashes[i]) == NULL)
        {
          offer_body (&ps->body, &ps->body_prio, lt + (a - lw), 2);
          return TRUE;
        }
    }
  return FALSE;
}

static void
parse_header (Parser *ps, GPtrArray *lines)
{
  enum { CAP_NONE, CAP_SUBJECT, CAP_SUBMITTERS, CAP_ADDRESSEE } cap = CAP_NONE;
  g_autoptr(GString) capture = g_string_new (NULL);
  g_autoptr(GString) para = g_string_new (NULL);
  Column map[MAX_COLUMNS] = { 0 };
  gboolean have_map = FALSE, consult_mode = FALSE;
  guint consult_rows = 0, addr_lines = 0;

  for (guint i = 0; i <= lines->len; i++)
    {
      const Line *l = i < lines->len ? g_ptr_array_index (lines, i) : NULL;
      gboolean consumed = FALSE;

      if (l == NULL || l->blank)
        {
          if (cap == CAP_SUBJECT && capture->len > 0)
            {
              g_autofree char *low = bk_text_lower_same_length (capture->str);

              offer (&ps->subject, &ps->subject_prio, capture->str, 0);
              offer_type_from (ps, low, 2, 3);
              cap = CAP_NONE;
            }
          if (cap == CAP_ADDRESSEE && capture->len > 0)
            {
              offer (&ps->addressee, &ps->addressee_prio, capture->str, 0);
              cap = CAP_NONE;
            }
          if (consult_mode && consult_rows > 0)
            {
              consult_mode = FALSE;
              have_map = FALSE;
            }
          header_paragraph_done (ps, para);
          continue;
        }
      /* lines and cells are kept apart by '\n' so that a body name found
       * in the paragraph does not run on into the next field or address */
      for (guint c = 0; c < l->n_cells; c++)
        {
          if (*l->cells[c] == '\0')
            continue;
          if (para->len > 0)
            g_string_append_c (para, '\n');
          g_string_append (para, l->cells[c]);
        }

      if (cap == CAP_SUBJECT)
        {
          const char *v;
          gboolean colon;

          if (match_label (l->cells[0], &v, &colon) == LBL_NONE || !colon)
            {
              join_text (capture, l->text);
              continue;
            }
          offer (&ps->subject, &ps->subject_prio, capture->str, 0);
          cap = CAP_NONE;
        }
      if (cap == CAP_ADDRESSEE)
        {
          if (is_address_line (l->low) || addr_lines >= 3)
            {
              offer (&ps->addressee, &ps->addressee_prio, capture->str, 0);
              cap = CAP_NONE;
              continue;
            }
          join_text (capture, l->text);
          addr_lines++;
          continue;
        }
      if (cap == CAP_SUBMITTERS)
        {
          offer_submitters (ps, l->text, 0);
          cap = CAP_NONE;
          continue;
        }

      if (strstr (l->text, CHECKED) != NULL || strstr (l->text, UNCHECKED) != NULL)
        {
          handle_checkboxes (ps, l);
          continue;
        }
      if (parse_consult_header (l, map))
        {
          have_map = TRUE;
          consult_mode = TRUE;
          consult_rows = 0;
          continue;
        }
      if (g_str_has_prefix (skip_emphasis (l->low), "beratungsfolge"))
        {
          consult_mode = TRUE;
          consult_rows = 0;
          scan_abbreviated_consultations (ps, l);
          continue;
        }
      if ((l->n_cells >= 2 && try_consultation_cells (ps, l, have_map ? map : NULL, consult_mode))
          || (l->n_cells == 1 && consult_mode && try_consultation_line (ps, l)))
        {
          consult_rows++;
          continue;
        }

      /* labelled cells */
      for (guint c = 0; c < l->n_cells; c++)
        {
          const char *v = NULL;
          gboolean colon = FALSE;
          LabelKind k = match_label (l->cells[c], &v, &colon);
          g_autofree char *iso = NULL;

          switch (k)
            {
            case LBL_DATE:
              if ((iso = bk_text_find_date (v, NULL, NULL)) != NULL)
                {
                  offer (&ps->date, &ps->date_prio, iso, 0);
                  consumed = TRUE;
                }
              break;
            case LBL_SUBMITTER:
              if (*v != '\0')
                offer_submitters (ps, v, 0);
              else if (l->n_cells == 1)
                cap = CAP_SUBMITTERS;
              consumed = TRUE;
              break;
            case LBL_REFERENCE:
              {
                gsize tl = scan_ref_token (v, colon || v > l->cells[c]);
                g_autofree char *ref = NULL;

                if (tl > 0 && (colon || g_strstr_len (l->cells[c], v - l->cells[c], "Nr") != NULL
                               || g_strstr_len (l->cells[c], v - l->cells[c], "nr") != NULL
                               || scan_ref_token (v, FALSE) > 0))
                  {
                    ref = g_strndup (v, tl);
                    if (ps->m->reference == NULL)
                      ps->m->reference = g_strdup (ref);
                    /* a number given as the paper's own, never a related one */
                    g_hash_table_add (ps->own_refs, g_strdup (ref));
                    offer_type_from (ps, l->low, 2, 3);
                    consumed = TRUE;
                  }
              }
              break;
            case LBL_SUBJECT:
              if (!colon)
                break;
              if (*v != '\0')
                {
                  g_autofree char *vlow = bk_text_lower_same_length (v);

                  offer (&ps->subject, &ps->subject_prio, v, 0);
                  offer_type_from (ps, vlow, 2, 3);
                }
              else if (l->n_cells == 1)
                {
                  cap = CAP_SUBJECT;
                  g_string_truncate (capture, 0);
                }
              consumed = TRUE;
              break;
            case LBL_STATUS:
              {
                BkTristate pub;

                if (colon && flag_value (v, &pub))
                  {
                    ps->is_public = pub;
                    consumed = TRUE;
                  }
              }
              break;
            case LBL_TYPE:
              if (colon && *v != '\0')
                {
                  g_autofree char *low = bk_text_lower_same_length (v);
                  gboolean plain = FALSE;
                  const char *t = find_type (low, &plain);

                  offer (&ps->type, &ps->type_prio, t != NULL ? t : v, 0);
                  consumed = TRUE;
                }
              break;
            case LBL_ADDRESSEE:
              if (colon && *v != '\0')
                {
                  offer (&ps->addressee, &ps->addressee_prio, v, 0);
                  consumed = TRUE;
                }
              break;
            case LBL_BODY:
              if (colon && *v != '\0' && count_words (v) <= 8 && has_committee_word (v))
                {
                  offer_body (&ps->body, &ps->body_prio, v, 1);
                  consumed = TRUE;
                }
              break;
            case LBL_NONE:
            default:
              break;
            }
        }
      if (consumed)
        continue;

      /* "öffentlich" / "nichtöffentlich" on its own */
      {
        BkTristate pub;
        g_autofree char *s = strip_chars (l->low, " -–*()");

        if (flag_value (s, &pub) && strlen (s) > 2)
          {
            ps->is_public = pub;
            continue;
          }
        if (strcmp (s, "öffentliche sitzung") == 0)
          {
            ps->is_public = BK_TRISTATE_YES;
            continue;
          }
        if (strcmp (s, "nichtöffentliche sitzung") == 0 || strcmp (s, "nicht öffentliche sitzung") == 0)
          {
            ps->is_public = BK_TRISTATE_NO;
            continue;
          }
      }

      scan_abbreviated_consultations (ps, l);
      letter_date (ps, l);

      if (ps->addressee == NULL && cap == CAP_NONE)
        {
          const char *a = addressee_start (l);

          if (a != NULL)
            {
              g_string_assign (capture, a);
              g_strstrip (capture->str);
              capture->len = strlen (capture->str);
              cap = CAP_ADDRESSEE;
              addr_lines = 1;
              if (is_body_start (l->low + (a - l->text)))
                offer_body (&ps->body, &ps->body_prio, a, 2);
              continue;
            }
        }

      {
        const char *lw = skip_emphasis (l->low);
        const char *lt = l->text + (lw - l->low);

        if (is_subject_phrase (lw)
            || (g_str_has_prefix (lw, "gemeinsame") && strchr (lw, ' ') != NULL
                && is_subject_phrase (strchr (lw, ' ') + 1)))
          {
            const Line *next = i + 1 < lines->len ? g_ptr_array_index (lines, i + 1) : NULL;

            /* "Antrag zur Vorlage 12/0301 …" / "hier: Bescheide in Leichter Sprache" */
            if (next != NULL && !next->blank
                && (g_str_has_prefix (next->low, "hier:") || g_str_has_prefix (next->low, "hier ")))
              {
                g_autofree char *both = g_strconcat (lt, " ", next->text, NULL);

                offer (&ps->subject, &ps->subject_prio, both, 1);
              }
            else
              offer (&ps->subject, &ps->subject_prio, lt, 1);
          }
        submitter_phrase (ps, l);
        offer_type_from (ps, lw, 2, 3);
        letterhead (ps, l);
        if (is_body_start (lw) && count_words (lw) <= 8 && !ends_sentence (lw))
          offer_body (&ps->body, &ps->body_prio, lt, 2);
        else if (letterhead_body (ps, lw, lt))
          ;
        else if ((l->bold || l->heading) && count_words (lw) >= 3 && !ends_sentence (lw)
                 && !bk_text_is_faction_name (lw) && !g_str_has_suffix (lw, ":"))
          {
            g_autofree char *up = g_utf8_strup (lt, -1);

            /* all-capital lines are letterheads, not titles */
            if (strcmp (up, lt) != 0)
              offer (&ps->subject, &ps->subject_prio, lt, 3);
          }
      }
      /* "Ulrich Beispiel - Fraktionsvorsitzender" in a letterhead */
      {
        g_autofree char *name = NULL;
        g_autofree char *role = NULL;

        if (split_name_role (l->text, &name, &role) && role != NULL && is_role_text (role))
          g_hash_table_replace (ps->letterhead_roles, g_steal_pointer (&name), g_steal_pointer (&role));
      }
    }
}

/* ------------------------------------------------------------------ */
/* resolution points                                                   */

static Mark
list_marker (const char *s, const char **content)
{
  const char *p = s;
  static const char *const bullets[] = {
    "- ", "• ", "– ", "· ", "▪ ", "◦ ", "○ ", "➢ ", "→ ", "> ", "* ", "", NULL
  };

  for (guint i = 0; bullets[i] != NULL && *bullets[i] != '\0'; i++)
    if (g_str_has_prefix (p, bullets[i]))
      {
        *content = p + strlen (bullets[i]);
        return MARK_SUB;
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
        return MARK_NONE;
      if (*p == '.' && g_ascii_isdigit (p[1]))
        {
          /* "1.1" is a sub-point */
          p++;
          while (g_ascii_isdigit (*p))
            p++;
          if (*p == '.' || *p == ')')
            p++;
          if (*p != ' ')
            return MARK_NONE;
          *content = p + 1;
          return MARK_SUB;
        }
      if (*p == '.' || *p == ')')
        {
          p++;
          if (*p == ')')
            p++;
          if (*p != ' ')
            return MARK_NONE;
          *content = p + 1;
          return MARK_NUMBER;
        }
      return MARK_NONE;
    }
  /* roman numerals "I." … "X." */
  {
    const char *q = p;

    while (*q == 'I' || *q == 'V' || *q == 'X')
      q++;
    if (q > p && q - p <= 4 && *q == '.' && q[1] == ' ')
      {
        *content = q + 2;
        return MARK_NUMBER;
      }
  }
  /* "a)", "b.", "aa)" */
  if (g_ascii_isalpha (p[0]) && (p[1] == ')' || (p[1] == '.' && g_ascii_islower (p[0]))) && p[2] == ' ')
    {
      *content = p + 3;
      return MARK_SUB;
    }
  if (g_ascii_islower (p[0]) && p[1] == p[0] && p[2] == ')' && p[3] == ' ')
    {
      *content = p + 4;
      return MARK_SUB;
    }
  return MARK_NONE;
}

typedef struct {
  BkMotion *m;
  GString *point;      /* text of the point being built */
  GString *sub;        /* text of the sub-point being built */
  GPtrArray *subs;     /* finished sub-points of the current point */
  gboolean open;
  gboolean numbered;   /* the current point started with "1." */
  guint n_points;
  gboolean first_numbered;
  gboolean rest_numbered;  /* every point after the first started with a number */
} PointBuilder;

static void
builder_flush_sub (PointBuilder *b)
{
  if (b->sub->len > 0)
    g_ptr_array_add (b->subs, g_strdup (b->sub->str));
  g_string_truncate (b->sub, 0);
}

static void
builder_flush (PointBuilder *b)
{
  BkResolutionPoint *p;

  builder_flush_sub (b);
  if (!b->open)
    return;
  if (b->n_points == 0)
    b->first_numbered = b->numbered;
  else if (!b->numbered)
    b->rest_numbered = FALSE;
  b->n_points++;
  p = bk_motion_add_point (b->m, b->point->str);
  for (guint i = 0; i < b->subs->len; i++)
    bk_resolution_point_add_subpoint (p, g_ptr_array_index (b->subs, i));
  g_ptr_array_set_size (b->subs, 0);
  g_string_truncate (b->point, 0);
  b->open = FALSE;
}

/* "Der Beschlussvorschlag wird wie folgt geändert:" followed by "1. …",
 * "2. …": the numbered points belong to the lead-in; kept as separate points
 * the text's "1." would be shown as point 2.  They become its sub-points
 * when none of them has sub-points of its own. */
static void
lead_in_points (BkMotion *m, guint first, const PointBuilder *b)
{
  GPtrArray *pts = m->resolution_points;
  BkResolutionPoint *lead;

  if (b->n_points < 3 || b->first_numbered || !b->rest_numbered || pts->len != first + b->n_points)
    return;
  lead = g_ptr_array_index (pts, first);
  if (lead->text == NULL || !g_str_has_suffix (lead->text, ":") || lead->subpoints->len > 0)
    return;
  for (guint i = first + 1; i < pts->len; i++)
    if (((BkResolutionPoint *) g_ptr_array_index (pts, i))->subpoints->len > 0)
      return;
  for (guint i = first + 1; i < pts->len; i++)
    bk_resolution_point_add_subpoint (lead, ((BkResolutionPoint *) g_ptr_array_index (pts, i))->text);
  g_ptr_array_set_size (pts, first + 1);
}

static void
build_points (Parser *ps, GPtrArray *lines)
{
  PointBuilder b = { ps->m, g_string_new (NULL), g_string_new (NULL),
                     g_ptr_array_new_with_free_func (g_free), FALSE, FALSE, 0, FALSE, TRUE };
  guint first = ps->m->resolution_points->len;
  gboolean prev_blank = TRUE, in_sub = FALSE;

  for (guint i = 0; i < lines->len; i++)
    {
      const Line *l = g_ptr_array_index (lines, i);
      const char *content = NULL;
      Mark mark;

      if (l->blank)
        {
          prev_blank = TRUE;
          continue;
        }
      mark = list_marker (l->text, &content);
      if (mark == MARK_NUMBER)
        {
          builder_flush (&b);
          g_string_assign (b.point, content);
          b.open = TRUE;
          b.numbered = TRUE;
          in_sub = FALSE;
        }
      else if (mark == MARK_SUB && b.open)
        {
          builder_flush_sub (&b);
          g_string_assign (b.sub, content);
          in_sub = TRUE;
        }
      else if (mark == MARK_SUB)
        {
          g_string_assign (b.point, content);
          b.open = TRUE;
          b.numbered = FALSE;
          in_sub = FALSE;
        }
      else if (b.open && (!prev_blank || starts_lower (l->text)))
        join_text (in_sub ? b.sub : b.point, l->text);
      else
        {
          builder_flush (&b);
          g_string_assign (b.point, l->text);
          b.open = TRUE;
          b.numbered = FALSE;
          in_sub = FALSE;
        }
      /* a sub-point list ends the moment a new point starts */
      if (mark == MARK_SUB && !in_sub)
        {
          /* bullet without a parent became a point: next bullets are points too */
          builder_flush (&b);
        }
      prev_blank = FALSE;
    }
  builder_flush (&b);
  g_string_free (b.point, TRUE);
  g_string_free (b.sub, TRUE);
  g_ptr_array_unref (b.subs);
  lead_in_points (ps->m, first, &b);
}

static char *
build_text (GPtrArray *lines)
{
  GString *s = g_string_new (NULL);
  gboolean par = FALSE;

  for (guint i = 0; i < lines->len; i++)
    {
      const Line *l = g_ptr_array_index (lines, i);
      const char *content;

      if (l->blank)
        {
          par = s->len > 0;
          continue;
        }
      if (par)
        g_string_append (s, "\n\n");
      else if (s->len > 0 && list_marker (l->text, &content) != MARK_NONE)
        g_string_append_c (s, '\n');
      else if (s->len > 0)
        {
          join_text (s, l->text);
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

/* ------------------------------------------------------------------ */
/* signatures                                                          */

static const char *
strip_gez (const char *text)
{
  g_autofree char *low = bk_text_lower_same_length (text);
  const char *p = low;

  if (g_str_has_prefix (p, "gezeichnet"))
    p += strlen ("gezeichnet");
  else if (has_prefix_word (p, "gez"))
    p += 3;
  else
    return text;
  while (*p == '.' || *p == ':' || *p == ' ')
    p++;
  return text + (p - low);
}

static gboolean
is_signature_filler (const char *low)
{
  static const char *const fillers[] = {
    "ihre", "ihr", "eure", "euer", "i.a.", "i. a.", "i.v.", "i. v.", "für", NULL
  };

  for (guint i = 0; fillers[i] != NULL; i++)
    if (strcmp (low, fillers[i]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
is_signature_line (const Line *l)
{
  const char *t = strip_gez (l->text);
  g_autofree char *name = NULL;
  g_autofree char *role = NULL;

  if (*t == '\0' || is_signature_filler (l->low))
    return TRUE;
  if (split_name_role (t, &name, &role))
    return TRUE;
  if (is_role_text (t) || is_faction_text (t))
    return TRUE;
  if ((g_str_has_prefix (l->low, "für die ") || g_str_has_prefix (l->low, "für den "))
      && !ends_sentence (l->text) && count_words (l->text) <= 8)
    return TRUE;
  return FALSE;
}

static void
add_signatory (Parser *ps, const char *name_in, const char *role_in)
{
  static const char *const suffixes[] = { " MdL", " MdB", " MdEP", " MdA", " KTA", NULL };
  g_autofree char *name = g_strdup (name_in);
  g_autofree char *role = g_strdup (role_in);
  BkParty *p;

  for (guint i = 0; suffixes[i] != NULL; i++)
    if (g_str_has_suffix (name, suffixes[i]))
      {
        name[strlen (name) - strlen (suffixes[i])] = '\0';
        if (role == NULL)
          role = g_strdup (suffixes[i] + 1);
        break;
      }
  p = bk_motion_add_signatory (ps->m, name, BK_PARTY_PERSON);
  if (role != NULL && is_role_text (role))
    p->role = g_steal_pointer (&role);
}

static void
parse_signatures (Parser *ps, GPtrArray *lines)
{
  BkParty *cur = NULL;

  for (guint i = 0; i < lines->len; i++)
    {
      const Line *l = g_ptr_array_index (lines, i);
      const char *t;
      g_autofree char *name = NULL;
      g_autofree char *role = NULL;

      if (l->blank)
        {
          cur = NULL;
          continue;
        }
      t = strip_gez (l->text);
      if (t != l->text)
        cur = NULL;
      if (*t == '\0' || is_signature_filler (l->low))
        continue;
      if (g_str_has_prefix (l->low, "für die ") || g_str_has_prefix (l->low, "für den "))
        {
          g_ptr_array_add (ps->closing_factions, g_strdup (l->text + strlen ("für die ")));
          continue;
        }
      if (split_name_role (t, &name, &role))
        {
          add_signatory (ps, name, role);
          cur = g_ptr_array_index (ps->m->signatories, ps->m->signatories->len - 1);
          continue;
        }
      if (is_role_text (t) && cur != NULL && cur->role == NULL)
        {
          cur->role = g_strdup (t);
          continue;
        }
      if (is_faction_text (t))
        g_ptr_array_add (ps->closing_factions, g_strdup (t));
    }
}

/* Motions exported without "Mit freundlichen Grüßen" still end with the
 * signers' names: take trailing short paragraphs of names off the text. */
static void
trailing_signatures (Parser *ps, GPtrArray *lines)
{
  guint end = lines->len, cut = lines->len;

  while (end > 0)
    {
      guint start, names = 0;
      gboolean ok = TRUE;

      while (end > 0 && ((Line *) g_ptr_array_index (lines, end - 1))->blank)
        end--;
      if (end == 0)
        break;
      start = end;
      while (start > 0 && !((Line *) g_ptr_array_index (lines, start - 1))->blank)
        start--;
      if (end - start > 4 || start == 0)
        break;
      for (guint i = start; i < end && ok; i++)
        {
          const Line *l = g_ptr_array_index (lines, i);
          g_autofree char *name = NULL;
          g_autofree char *role = NULL;

          if (split_name_role (strip_gez (l->text), &name, &role))
            names++;
          else if (!is_role_text (l->text) && !is_faction_text (l->text))
            ok = FALSE;
        }
      if (!ok || names == 0)
        break;
      cut = start;
      end = start;
    }
  if (cut < lines->len)
    {
      g_autoptr(GPtrArray) sig = g_ptr_array_new ();

      for (guint i = cut; i < lines->len; i++)
        g_ptr_array_add (sig, g_ptr_array_index (lines, i));
      g_ptr_array_set_size (lines, cut);
      parse_signatures (ps, sig);
    }
}

/* ------------------------------------------------------------------ */
/* main pass                                                           */

static void
parser_clear (Parser *ps)
{
  g_clear_pointer (&ps->lines, g_ptr_array_unref);
  g_clear_pointer (&ps->extra, g_ptr_array_unref);
  for (guint i = 0; i < N_SECTIONS; i++)
    g_clear_pointer (&ps->sec[i], g_ptr_array_unref);
  g_clear_pointer (&ps->scan, g_ptr_array_unref);
  g_clear_pointer (&ps->m, bk_motion_free);
  g_clear_pointer (&ps->subject, g_free);
  g_clear_pointer (&ps->date, g_free);
  g_clear_pointer (&ps->body, g_free);
  g_clear_pointer (&ps->type, g_free);
  g_clear_pointer (&ps->addressee, g_free);
  g_clear_pointer (&ps->submitters, g_ptr_array_unref);
  g_clear_pointer (&ps->closing_factions, g_ptr_array_unref);
  g_clear_pointer (&ps->letterhead_roles, g_hash_table_unref);
  g_clear_pointer (&ps->salutation, g_free);
  g_clear_pointer (&ps->own_refs, g_hash_table_unref);
  g_clear_pointer (&ps->request_lines, g_ptr_array_unref);
}

static void
add_rest (Parser *ps, Section sec, const char *rest)
{
  Line *l;

  if (rest == NULL || *rest == '\0')
    return;
  l = line_new_plain (rest);
  g_ptr_array_add (ps->extra, l);
  g_ptr_array_add (ps->sec[sec], l);
  g_ptr_array_add (ps->scan, l);
}

static void
split_sections (Parser *ps)
{
  Section state = SEC_HEADER;

  for (guint i = 0; i < ps->lines->len; i++)
    {
      Line *l = g_ptr_array_index (ps->lines, i);
      const char *rest = NULL;
      Cue cue;

      if (l->removed)
        continue;
      if (state == SEC_POSTSCRIPT)
        break;
      if (l->blank)
        {
          g_ptr_array_add (ps->sec[state], l);
          continue;
        }
      cue = detect_cue (l, state, &rest);
      switch (cue)
        {
        case CUE_RESOLUTION:
          g_ptr_array_add (ps->scan, l);
          if (state == SEC_HEADER || state == SEC_INTRO)
            g_ptr_array_add (ps->request_lines, l);
          body_from_cue (ps, l);
          state = SEC_RESOLUTION;
          ps->have_resolution_cue = TRUE;
          add_rest (ps, SEC_RESOLUTION, rest);
          continue;
        case CUE_JUSTIFICATION:
          state = SEC_JUSTIFICATION;
          add_rest (ps, SEC_JUSTIFICATION, rest);
          continue;
        case CUE_CLOSING:
          state = SEC_CLOSING;
          add_rest (ps, SEC_CLOSING, rest);
          continue;
        case CUE_SIGNED:
          state = SEC_CLOSING;
          g_ptr_array_add (ps->sec[SEC_CLOSING], l);
          continue;
        case CUE_SALUTATION:
          if (state == SEC_HEADER)
            {
              g_free (ps->salutation);
              ps->salutation = g_strdup (l->text);
              state = SEC_INTRO;
            }
          continue;
        case CUE_NONE:
        default:
          break;
        }
      if (state == SEC_CLOSING && strlen (l->text) < 60 && letter_date (ps, l))
        continue;
      if (state == SEC_CLOSING && !is_signature_line (l))
        {
          state = SEC_POSTSCRIPT;
          continue;
        }
      g_ptr_array_add (ps->sec[state], l);
      if (state != SEC_CLOSING)
        g_ptr_array_add (ps->scan, l);
    }
}

/* A letter without a "beantragt:" line: the resolution starts with the first
 * intro paragraph that asks for something, or with a numbered list. */
static void
resolution_from_intro (Parser *ps)
{
  GPtrArray *intro = ps->sec[SEC_INTRO];
  guint start = intro->len;

  for (guint i = 0; i < intro->len; i++)
    {
      const Line *l = g_ptr_array_index (intro, i);
      const char *content;

      if (l->blank)
        continue;
      if (strstr (l->low, "beantrag") != NULL || strstr (l->low, "möge") != NULL
          || strstr (l->low, "beschließ") != NULL
          || list_marker (l->text, &content) == MARK_NUMBER)
        {
          start = i;
          while (start > 0 && !((Line *) g_ptr_array_index (intro, start - 1))->blank)
            start--;
          break;
        }
    }
  for (guint i = start; i < intro->len; i++)
    g_ptr_array_add (ps->sec[SEC_RESOLUTION], g_ptr_array_index (intro, i));
}

static void
finish_public (Parser *ps)
{
  gboolean any_yes = FALSE, any = FALSE, all_no = TRUE;

  if (ps->is_public != BK_TRISTATE_UNKNOWN)
    {
      ps->m->is_public = ps->is_public;
      return;
    }
  /* no paper-level status: a paper discussed in any public session is
   * public (domain notes, section 5) */
  for (guint i = 0; i < ps->m->consultations->len; i++)
    {
      const BkConsultation *c = g_ptr_array_index (ps->m->consultations, i);

      if (c->is_public == BK_TRISTATE_UNKNOWN)
        {
          all_no = FALSE;
          continue;
        }
      any = TRUE;
      if (c->is_public == BK_TRISTATE_YES)
        {
          any_yes = TRUE;
          all_no = FALSE;
        }
    }
  if (any_yes)
    ps->m->is_public = BK_TRISTATE_YES;
  else if (any && all_no)
    ps->m->is_public = BK_TRISTATE_NO;
}

static void
finish_addressee (Parser *ps)
{
  if (ps->addressee == NULL && ps->salutation != NULL)
    {
      const char *s = ps->salutation;
      const char *h = strstr (s, "Frau ");

      if (h == NULL)
        h = strstr (s, "Herr ");
      if (h != NULL && strstr (s, "Damen und Herren") == NULL)
        {
          const char *e = strchr (h, ',');
          g_autofree char *a = e != NULL ? g_strndup (h, (gsize) (e - h)) : g_strdup (h);

          offer (&ps->addressee, &ps->addressee_prio, a, 5);
        }
    }
}

static void
finish_parties (Parser *ps)
{
  if (ps->submitters->len == 0 && ps->closing_factions->len > 0)
    {
      for (guint i = 0; i < ps->closing_factions->len; i++)
        {
          g_autofree char *c = clean_party_item (g_ptr_array_index (ps->closing_factions, i));
          gboolean dup = FALSE;

          for (guint k = 0; k < ps->submitters->len && !dup; k++)
            dup = g_ascii_strcasecmp (g_ptr_array_index (ps->submitters, k), c) == 0;
          if (!dup && *c != '\0')
            g_ptr_array_add (ps->submitters, g_steal_pointer (&c));
        }
    }
  for (guint i = 0; i < ps->submitters->len; i++)
    {
      const char *name = g_ptr_array_index (ps->submitters, i);

      bk_motion_add_submitter (ps->m, name, party_kind (name));
    }
  for (guint i = 0; i < ps->m->signatories->len; i++)
    {
      BkParty *p = g_ptr_array_index (ps->m->signatories, i);
      const char *role = g_hash_table_lookup (ps->letterhead_roles, p->name);

      if (p->role == NULL && role != NULL)
        p->role = g_strdup (role);
    }
}

static void
finish_body_from_consultations (Parser *ps)
{
  for (guint i = 0; i < ps->m->consultations->len; i++)
    {
      const BkConsultation *c = g_ptr_array_index (ps->m->consultations, i);
      g_autofree char *low = NULL;

      if (c->role == NULL)
        continue;
      low = bk_text_lower_same_length (c->role);
      if ((strstr (low, "beschluss") != NULL || strstr (low, "entscheid") != NULL
           || strstr (low, "beschließend") != NULL)
          && strstr (low, "empfehl") == NULL && strstr (low, "vorberat") == NULL)
        offer_body (&ps->body, &ps->body_prio, c->committee, 4);
    }
}

BkMotion *
bk_text_parser_parse (const char *text, gssize len, GError **error)
{
  Parser ps = { 0 };
  g_autoptr(GString) clean = NULL;
  g_autoptr(GPtrArray) refs = NULL;
  BkMotion *m;

  g_return_val_if_fail (text != NULL || len == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (len < 0)
    len = (gssize) strlen (text);
  if (!validate_input (text, (gsize) len, error))
    return NULL;

  ps.m = bk_motion_new ();
  ps.extra = g_ptr_array_new_with_free_func (line_free);
  for (guint i = 0; i < N_SECTIONS; i++)
    ps.sec[i] = g_ptr_array_new ();
  ps.scan = g_ptr_array_new ();
  ps.subject_prio = ps.date_prio = ps.body_prio = ps.type_prio = PRIO_NONE;
  ps.addressee_prio = ps.submitters_prio = PRIO_NONE;
  ps.is_public = BK_TRISTATE_UNKNOWN;
  ps.submitters = g_ptr_array_new_with_free_func (g_free);
  ps.closing_factions = g_ptr_array_new_with_free_func (g_free);
  ps.own_refs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ps.request_lines = g_ptr_array_new ();
  ps.letterhead_roles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  clean = clean_markup (text, (gsize) len);
  ps.lines = split_lines (clean);
  remove_page_headers (ps.lines);
  split_sections (&ps);

  for (guint i = 0; i < ps.sec[SEC_HEADER]->len; i++)
    g_ptr_array_add (ps.scan, g_ptr_array_index (ps.sec[SEC_HEADER], i));
  parse_header (&ps, ps.sec[SEC_HEADER]);
  for (guint i = 0; i < ps.sec[SEC_INTRO]->len; i++)
    {
      const Line *l = g_ptr_array_index (ps.sec[SEC_INTRO], i);

      if (!l->blank)
        scan_abbreviated_consultations (&ps, l);
    }
  if (ps.m->consultations->len == 0)
    {
      g_autoptr(GString) para = g_string_new (NULL);

      for (guint i = 0; i <= ps.sec[SEC_INTRO]->len; i++)
        {
          const Line *l = i < ps.sec[SEC_INTRO]->len ? g_ptr_array_index (ps.sec[SEC_INTRO], i) : NULL;

          if (l == NULL || l->blank)
            {
              if (para->len > 0)
                requested_consultations (&ps, para->str);
              g_string_truncate (para, 0);
              continue;
            }
          if (para->len > 0)
            g_string_append_c (para, ' ');
          g_string_append (para, l->text);
        }
      for (guint i = 0; i < ps.request_lines->len; i++)
        requested_consultations (&ps, ((const Line *) g_ptr_array_index (ps.request_lines, i))->text);
    }
  if (ps.sec[SEC_RESOLUTION]->len == 0)
    resolution_from_intro (&ps);

  trailing_date_line (&ps, ps.sec[SEC_JUSTIFICATION]->len > 0
                           ? ps.sec[SEC_JUSTIFICATION] : ps.sec[SEC_RESOLUTION]);
  if (ps.sec[SEC_CLOSING]->len > 0)
    parse_signatures (&ps, ps.sec[SEC_CLOSING]);
  else if (ps.sec[SEC_JUSTIFICATION]->len > 0)
    trailing_signatures (&ps, ps.sec[SEC_JUSTIFICATION]);
  else
    trailing_signatures (&ps, ps.sec[SEC_RESOLUTION]);

  build_points (&ps, ps.sec[SEC_RESOLUTION]);
  ps.m->justification = build_text (ps.sec[SEC_JUSTIFICATION]);

  finish_public (&ps);
  finish_addressee (&ps);
  finish_parties (&ps);
  finish_body_from_consultations (&ps);

  ps.m->subject = g_steal_pointer (&ps.subject);
  ps.m->date = g_steal_pointer (&ps.date);
  complete_body_with_place (&ps);
  ps.m->body = g_steal_pointer (&ps.body);
  ps.m->type = g_steal_pointer (&ps.type);
  ps.m->addressee = g_steal_pointer (&ps.addressee);

  refs = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < ps.scan->len; i++)
    {
      const Line *l = g_ptr_array_index (ps.scan, i);

      if (l != NULL && !l->blank)
        scan_references (l, refs);
    }
  for (guint i = 0; i < refs->len; i++)
    {
      const char *r = g_ptr_array_index (refs, i);

      if (g_strcmp0 (r, ps.m->reference) != 0 && !g_hash_table_contains (ps.own_refs, r))
        bk_motion_add_reference (ps.m, r);
    }

  if (ps.m->subject == NULL && ps.m->resolution_points->len == 0
      && ps.m->justification == NULL && ps.m->reference == NULL
      && ps.m->consultations->len == 0 && ps.type_prio > 0)
    {
      g_set_error_literal (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                           _("No motion found: the text has no subject, proposed resolution or justification"));
      parser_clear (&ps);
      return NULL;
    }

  m = g_steal_pointer (&ps.m);
  parser_clear (&ps);
  return m;
}
