/* bk-pdf.c: the document language of a finished PDF, as an incremental update
 *
 * Only the few structures the update needs are parsed: the last startxref,
 * the classic xref tables and trailers (following /Prev to the one that
 * lists the Catalog) and the Catalog's dictionary. Values are copied as raw
 * text, never interpreted, so entries this code does not know survive.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-pdf"

#include <string.h>
#include <sys/stat.h>
#include <gio/gio.h>
#include <glib/gstdio.h>

#include "bk-error.h"
#include "bk-pdf.h"

/* A receipt is a few kilobytes; this only keeps a wrong path from filling
 * the memory. */
#define MAX_PDF_SIZE   (64 * 1024 * 1024)
/* startxref and %%EOF are in the last 1024 bytes (§7.5.5). */
#define TAIL_SIZE      1024
/* Revisions followed through /Prev before giving up on a looping file. */
#define MAX_REVISIONS  64
#define MAX_LANG       35

typedef struct {
  const char *data;
  gsize       len;
  gsize       pos;
} Lexer;

typedef struct {
  char  *key;           /* without the '/' */
  gsize  entry_start;   /* the '/' of the key */
  gsize  value_start;
  gsize  value_end;     /* one past the value */
} DictEntry;

static void
dict_entry_clear (gpointer data)
{
  DictEntry *entry = data;

  g_free (entry->key);
}

static gboolean
is_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\0';
}

static gboolean
is_delimiter (char c)
{
  return strchr ("()<>[]{}/%", c) != NULL;
}

static void
lexer_skip_space (Lexer *lex)
{
  while (lex->pos < lex->len)
    {
      char c = lex->data[lex->pos];

      if (c == '%')
        {
          while (lex->pos < lex->len && lex->data[lex->pos] != '\n' && lex->data[lex->pos] != '\r')
            lex->pos++;
        }
      else if (is_space (c))
        lex->pos++;
      else
        break;
    }
}

/* A regular token (number, keyword) or a name, without moving past it when
 * peek is set. NULL at a delimiter other than '/' or at the end. */
static char *
lexer_word (Lexer    *lex,
            gboolean  peek)
{
  gsize start, end;

  lexer_skip_space (lex);
  start = end = lex->pos;
  if (end < lex->len && lex->data[end] == '/')
    end++;
  while (end < lex->len && !is_space (lex->data[end]) && !is_delimiter (lex->data[end]))
    end++;
  if (end == start)
    return NULL;
  if (!peek)
    lex->pos = end;
  return g_strndup (lex->data + start, end - start);
}

static gboolean
parse_uint (const char *word,
            guint64    *value)
{
  return word != NULL && g_ascii_string_to_unsigned (word, 10, 0, G_MAXUINT64, value, NULL);
}

static gboolean lexer_skip_object (Lexer *lex, guint depth);

static gboolean
lexer_skip_literal_string (Lexer *lex)
{
  guint nesting = 0;

  while (lex->pos < lex->len)
    {
      char c = lex->data[lex->pos++];

      if (c == '\\')
        lex->pos++;
      else if (c == '(')
        nesting++;
      else if (c == ')' && --nesting == 0)
        return lex->pos <= lex->len;
    }
  return FALSE;
}

/* Moves past the dictionary or array at pos up to its closing token. */
static gboolean
lexer_skip_container (Lexer      *lex,
                      const char *close,
                      guint       depth)
{
  gsize close_len = strlen (close);

  lex->pos += close_len;   /* "<<" and "[" are as long as their closers */
  for (;;)
    {
      lexer_skip_space (lex);
      if (lex->pos >= lex->len)
        return FALSE;
      if (lex->len - lex->pos >= close_len && memcmp (lex->data + lex->pos, close, close_len) == 0)
        {
          lex->pos += close_len;
          return TRUE;
        }
      if (!lexer_skip_object (lex, depth + 1))
        return FALSE;
    }
}

/* Moves past one token or nested object; an indirect reference "n g R"
 * counts as three tokens here. */
static gboolean
lexer_skip_object (Lexer *lex,
                   guint  depth)
{
  const char *p;
  gsize rest;

  if (depth > 32)
    return FALSE;
  lexer_skip_space (lex);
  if (lex->pos >= lex->len)
    return FALSE;
  p = lex->data + lex->pos;
  rest = lex->len - lex->pos;

  if (rest >= 2 && p[0] == '<' && p[1] == '<')
    return lexer_skip_container (lex, ">>", depth);
  if (p[0] == '[')
    return lexer_skip_container (lex, "]", depth);
  if (p[0] == '(')
    return lexer_skip_literal_string (lex);
  if (p[0] == '<')
    {
      const char *close = memchr (p, '>', rest);

      if (close == NULL)
        return FALSE;
      lex->pos += close - p + 1;
      return TRUE;
    }
  if (p[0] == ']' || p[0] == '>' || p[0] == ')' || p[0] == '{' || p[0] == '}')
    return FALSE;

  g_free (lexer_word (lex, FALSE));
  return TRUE;
}

/* Moves past one value, taking "n g R" as one. */
static gboolean
lexer_skip_value (Lexer *lex)
{
  gsize before = lex->pos;
  g_autofree char *first = lexer_word (lex, TRUE);
  guint64 number;

  if (!lexer_skip_object (lex, 0))
    return FALSE;
  if (parse_uint (first, &number))
    {
      gsize after_first = lex->pos;
      g_autofree char *gen = lexer_word (lex, FALSE);
      g_autofree char *r = lexer_word (lex, FALSE);

      if (!(parse_uint (gen, &number) && g_strcmp0 (r, "R") == 0))
        lex->pos = after_first;
    }
  return lex->pos > before;
}

/* The entries of the dictionary at the lexer's position; dict_end is one
 * past its ">>". NULL when there is no well-formed dictionary. */
static GArray *
lexer_parse_dict (Lexer *lex,
                  gsize *dict_end)
{
  g_autoptr(GArray) entries = g_array_new (FALSE, TRUE, sizeof (DictEntry));

  g_array_set_clear_func (entries, dict_entry_clear);
  lexer_skip_space (lex);
  if (lex->len - lex->pos < 2 || memcmp (lex->data + lex->pos, "<<", 2) != 0)
    return NULL;
  lex->pos += 2;

  for (;;)
    {
      DictEntry entry = { 0 };
      char *key;

      lexer_skip_space (lex);
      if (lex->len - lex->pos >= 2 && memcmp (lex->data + lex->pos, ">>", 2) == 0)
        {
          lex->pos += 2;
          *dict_end = lex->pos;
          return g_steal_pointer (&entries);
        }
      entry.entry_start = lex->pos;
      key = lexer_word (lex, FALSE);
      if (key == NULL || key[0] != '/')
        {
          g_free (key);
          return NULL;
        }
      entry.key = g_strdup (key + 1);
      g_free (key);
      lexer_skip_space (lex);
      entry.value_start = lex->pos;
      if (!lexer_skip_value (lex))
        {
          g_free (entry.key);
          return NULL;
        }
      entry.value_end = lex->pos;
      g_array_append_val (entries, entry);
    }
}

static const DictEntry *
dict_lookup (GArray     *entries,
             const char *key)
{
  for (guint i = 0; i < entries->len; i++)
    {
      const DictEntry *entry = &g_array_index (entries, DictEntry, i);

      if (strcmp (entry->key, key) == 0)
        return entry;
    }
  return NULL;
}

static char *
dict_dup_value (const char *data,
                GArray     *entries,
                const char *key)
{
  const DictEntry *entry = dict_lookup (entries, key);

  return entry ? g_strndup (data + entry->value_start, entry->value_end - entry->value_start) : NULL;
}

/* "13 0 R" → 13, 0. */
static gboolean
parse_reference (const char *text,
                 guint64    *number,
                 guint64    *generation)
{
  g_auto(GStrv) parts = text ? g_strsplit_set (text, " \t\r\n", -1) : NULL;
  g_autoptr(GPtrArray) words = g_ptr_array_new ();

  for (guint i = 0; parts && parts[i]; i++)
    if (parts[i][0] != '\0')
      g_ptr_array_add (words, parts[i]);
  return words->len == 3
         && parse_uint (words->pdata[0], number)
         && parse_uint (words->pdata[1], generation)
         && strcmp (words->pdata[2], "R") == 0;
}

/* The offset after the last "startxref". */
static gboolean
find_startxref (const char *data,
                gsize       len,
                guint64    *offset)
{
  static const char keyword[] = "startxref";
  gsize klen = strlen (keyword);
  gsize low = len > TAIL_SIZE ? len - TAIL_SIZE : 0;

  if (len < klen)
    return FALSE;
  for (gsize i = len - klen + 1; i-- > low;)
    if (memcmp (data + i, keyword, klen) == 0)
      {
        Lexer lex = { data, len, i + klen };
        g_autofree char *word = lexer_word (&lex, FALSE);

        return parse_uint (word, offset) && *offset < len;
      }
  return FALSE;
}

/* Parses the xref section at offset: finds the entry of object number
 * (when found is not yet set) and returns the trailer's entries. */
static GArray *
parse_xref_section (const char  *path,
                    const char  *data,
                    gsize        len,
                    guint64      offset,
                    guint64      number,
                    gboolean    *found,
                    guint64     *object_offset,
                    GError     **error)
{
  Lexer lex = { data, len, offset };
  g_autofree char *word = lexer_word (&lex, FALSE);
  GArray *trailer;
  gsize dict_end;

  if (g_strcmp0 (word, "xref") != 0)
    {
      guint64 ignored;
      g_autofree char *gen = lexer_word (&lex, FALSE);
      g_autofree char *obj = lexer_word (&lex, FALSE);

      if (parse_uint (word, &ignored) && parse_uint (gen, &ignored) && g_strcmp0 (obj, "obj") == 0)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                     "%s: the PDF has a cross-reference stream; only classic xref tables are supported",
                     path);
      else
        g_set_error (error, BK_ERROR, BK_ERROR_CORRUPT,
                     "%s: no xref table at offset %" G_GUINT64_FORMAT, path, offset);
      return NULL;
    }

  for (;;)
    {
      g_autofree char *first = lexer_word (&lex, FALSE);
      g_autofree char *count_word = NULL;
      guint64 start, count;

      if (g_strcmp0 (first, "trailer") == 0)
        break;
      count_word = lexer_word (&lex, FALSE);
      if (!parse_uint (first, &start) || !parse_uint (count_word, &count) || count > len / 18)
        {
          g_set_error (error, BK_ERROR, BK_ERROR_CORRUPT,
                       "%s: malformed xref table at offset %" G_GUINT64_FORMAT " (no trailer)",
                       path, offset);
          return NULL;
        }
      for (guint64 i = 0; i < count; i++)
        {
          g_autofree char *entry_offset = lexer_word (&lex, FALSE);
          g_autofree char *entry_gen = lexer_word (&lex, FALSE);
          g_autofree char *entry_type = lexer_word (&lex, FALSE);
          guint64 value, gen;

          if (!parse_uint (entry_offset, &value) || !parse_uint (entry_gen, &gen)
              || (g_strcmp0 (entry_type, "n") != 0 && g_strcmp0 (entry_type, "f") != 0))
            {
              g_set_error (error, BK_ERROR, BK_ERROR_CORRUPT,
                           "%s: malformed xref entry %" G_GUINT64_FORMAT, path, start + i);
              return NULL;
            }
          if (!*found && start + i == number && strcmp (entry_type, "n") == 0)
            {
              *found = TRUE;
              *object_offset = value;
            }
        }
    }

  trailer = lexer_parse_dict (&lex, &dict_end);
  if (trailer == NULL)
    g_set_error (error, BK_ERROR, BK_ERROR_CORRUPT,
                 "%s: the trailer after the xref table at offset %" G_GUINT64_FORMAT " is malformed",
                 path, offset);
  return trailer;
}

gboolean
bk_pdf_language_is_valid (const char *lang)
{
  g_auto(GStrv) subtags = NULL;

  if (lang == NULL || lang[0] == '\0' || strlen (lang) > MAX_LANG)
    return FALSE;
  subtags = g_strsplit (lang, "-", -1);
  for (guint i = 0; subtags[i]; i++)
    {
      gsize n = strlen (subtags[i]);

      if (n < (i == 0 ? 2 : 1) || n > 8)
        return FALSE;
      for (gsize j = 0; j < n; j++)
        if (i == 0 ? !g_ascii_isalpha (subtags[i][j]) : !g_ascii_isalnum (subtags[i][j]))
          return FALSE;
    }
  return TRUE;
}

/* The catalog object "n g obj << … >>" at offset, rewritten with /Lang. */
static gboolean
build_catalog (const char  *path,
               const char  *data,
               gsize        len,
               guint64      offset,
               guint64      number,
               guint64      generation,
               const char  *lang,
               GString     *out,
               GError     **error)
{
  Lexer lex = { data, len, offset };
  g_autofree char *num_word = lexer_word (&lex, FALSE);
  g_autofree char *gen_word = lexer_word (&lex, FALSE);
  g_autofree char *obj_word = lexer_word (&lex, FALSE);
  g_autoptr(GArray) entries = NULL;
  g_autofree char *type = NULL;
  guint64 n, g;
  gsize dict_end;

  if (!parse_uint (num_word, &n) || !parse_uint (gen_word, &g) || g_strcmp0 (obj_word, "obj") != 0
      || n != number || g != generation)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_CORRUPT,
                   "%s: no catalog object %" G_GUINT64_FORMAT " at offset %" G_GUINT64_FORMAT,
                   path, number, offset);
      return FALSE;
    }
  entries = lexer_parse_dict (&lex, &dict_end);
  if (entries != NULL)
    type = dict_dup_value (data, entries, "Type");
  if (entries == NULL || g_strcmp0 (type, "/Catalog") != 0)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_CORRUPT,
                   "%s: object %" G_GUINT64_FORMAT " is not a document catalog dictionary",
                   path, number);
      return FALSE;
    }

  g_string_append_printf (out, "%" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT " obj\n<<", number, generation);
  for (guint i = 0; i < entries->len; i++)
    {
      const DictEntry *entry = &g_array_index (entries, DictEntry, i);

      /* An earlier /Lang is replaced, not repeated. */
      if (strcmp (entry->key, "Lang") == 0)
        continue;
      g_string_append (out, "\n   ");
      g_string_append_len (out, data + entry->entry_start, entry->value_end - entry->entry_start);
    }
  /* lang is letters, digits and '-': nothing to escape in the string. */
  g_string_append_printf (out, "\n   /Lang (%s)\n>>\nendobj\n", lang);
  return TRUE;
}

gboolean
bk_pdf_set_language (const char  *path,
                     const char  *lang,
                     GError     **error)
{
  g_autofree char *data = NULL;
  g_autoptr(GArray) last_trailer = NULL;
  g_autoptr(GString) out = NULL;
  g_autofree char *root = NULL;
  g_autofree char *info = NULL;
  g_autofree char *id = NULL;
  g_autofree char *size_text = NULL;
  guint64 startxref, section, number = 0, generation = 0, size, catalog_offset = 0, new_offset, xref_offset;
  gboolean found = FALSE;
  GStatBuf st;
  gsize len;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!bk_pdf_language_is_valid (lang))
    {
      g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                   "%s: “%s” is not a valid language tag (letters, digits and '-', such as “de” or “de-AT”)",
                   path, lang ? lang : "");
      return FALSE;
    }
  if (g_stat (path, &st) == 0 && st.st_size > MAX_PDF_SIZE)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_TOO_LARGE,
                   "%s: the file is larger than %d MiB", path, MAX_PDF_SIZE / (1024 * 1024));
      return FALSE;
    }
  if (!g_file_get_contents (path, &data, &len, error))
    return FALSE;

  if (len < 5 || memcmp (data, "%PDF-", 5) != 0)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                   "%s: not a PDF file (it does not start with %%PDF-)", path);
      return FALSE;
    }
  if (!find_startxref (data, len, &startxref))
    {
      g_set_error (error, BK_ERROR, BK_ERROR_CORRUPT,
                   "%s: no startxref at the end of the file (truncated PDF?)", path);
      return FALSE;
    }

  /* The newest trailer names the catalog; the newest xref section that
   * lists it gives its offset. */
  section = startxref;
  for (guint revision = 0; !found; revision++)
    {
      g_autoptr(GArray) trailer = NULL;
      g_autofree char *prev = NULL;

      if (revision == MAX_REVISIONS)
        {
          g_set_error (error, BK_ERROR, BK_ERROR_CORRUPT,
                       "%s: more than %d revisions, or /Prev loops", path, MAX_REVISIONS);
          return FALSE;
        }
      /* The root is known only after the first trailer: parse it twice. */
      if (revision == 0)
        {
          gboolean ignored = TRUE;

          last_trailer = parse_xref_section (path, data, len, section, 0, &ignored, NULL, error);
          if (last_trailer == NULL)
            return FALSE;
          if (dict_lookup (last_trailer, "Encrypt") != NULL)
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           "%s: the PDF is encrypted", path);
              return FALSE;
            }
          root = dict_dup_value (data, last_trailer, "Root");
          if (!parse_reference (root, &number, &generation))
            {
              g_set_error (error, BK_ERROR, BK_ERROR_CORRUPT,
                           "%s: the trailer has no /Root reference to the catalog", path);
              return FALSE;
            }
        }
      trailer = parse_xref_section (path, data, len, section, number, &found, &catalog_offset, error);
      if (trailer == NULL)
        return FALSE;
      if (found)
        break;
      prev = dict_dup_value (data, trailer, "Prev");
      if (prev == NULL)
        {
          g_set_error (error, BK_ERROR, BK_ERROR_CORRUPT,
                       "%s: the catalog (object %" G_GUINT64_FORMAT ") is in no xref table",
                       path, number);
          return FALSE;
        }
      if (!parse_uint (prev, &section) || section >= len)
        {
          g_set_error (error, BK_ERROR, BK_ERROR_CORRUPT, "%s: the trailer's /Prev is invalid", path);
          return FALSE;
        }
    }
  if (catalog_offset >= len)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_CORRUPT,
                   "%s: the catalog's offset %" G_GUINT64_FORMAT " is past the end", path, catalog_offset);
      return FALSE;
    }

  size_text = dict_dup_value (data, last_trailer, "Size");
  if (!parse_uint (size_text, &size))
    {
      g_set_error (error, BK_ERROR, BK_ERROR_CORRUPT, "%s: the trailer has no valid /Size", path);
      return FALSE;
    }
  size = MAX (size, number + 1);
  info = dict_dup_value (data, last_trailer, "Info");
  id = dict_dup_value (data, last_trailer, "ID");

  out = g_string_new_len (data, len);
  if (len > 0 && data[len - 1] != '\n' && data[len - 1] != '\r')
    g_string_append_c (out, '\n');
  new_offset = out->len;
  if (!build_catalog (path, data, len, catalog_offset, number, generation, lang, out, error))
    return FALSE;

  xref_offset = out->len;
  /* Entries are exactly 20 bytes: 10 digits, 5 digits, type, two-byte EOL. */
  g_string_append_printf (out, "xref\n%" G_GUINT64_FORMAT " 1\n%010" G_GUINT64_FORMAT " %05" G_GUINT64_FORMAT " n \n",
                          number, new_offset, generation);
  g_string_append_printf (out, "trailer\n<< /Size %" G_GUINT64_FORMAT "\n   /Root %s\n", size, root);
  if (info != NULL)
    g_string_append_printf (out, "   /Info %s\n", info);
  if (id != NULL)
    g_string_append_printf (out, "   /ID %s\n", id);
  g_string_append_printf (out, "   /Prev %" G_GUINT64_FORMAT "\n>>\nstartxref\n%" G_GUINT64_FORMAT "\n%%%%EOF\n",
                          startxref, xref_offset);

  /* A temporary file beside it, fsync and rename: never half a PDF. */
  return g_file_set_contents_full (path, out->str, out->len, G_FILE_SET_CONTENTS_CONSISTENT,
                                   g_stat (path, &st) == 0 ? (int) (st.st_mode & 0777) : 0644,
                                   error);
}
