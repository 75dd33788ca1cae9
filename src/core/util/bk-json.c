/* bk-json.c: JSON documents read with the checks json-glib lacks
 *
 * Every JSON file the kiosk reads (OParl, services, the glossary) comes
 * through here, so that UTF-8, nesting depth and trailing content are
 * checked once and errors name the file, line and column.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-json"

#include "bk-config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "bk-error.h"
#include "bk-json.h"

/* json-glib recurses without limit: deeper documents are refused. */
#define MAX_DEPTH 128

static void
offset_to_line_column (const char *data,
                       gsize       offset,
                       guint      *line,
                       guint      *column)
{
  const char *p = data;
  const char *line_start = data;

  *line = 1;
  while ((p = memchr (p, '\n', data + offset - p)) != NULL)
    {
      (*line)++;
      line_start = ++p;
    }
  *column = g_utf8_strlen (line_start, data + offset - line_start) + 1;
}

static void
set_error_at (GError    **error,
              const char *data,
              gsize       offset,
              const char *name,
              const char *what)
{
  guint line, column;

  offset_to_line_column (data, offset, &line, &column);
  g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
               /* Translators: FILE: line N, column M: what is wrong */
               _("%s: line %u, column %u: %s"), name, line, column, what);
}

/* Outside strings, strict JSON has only these: white space, the structure,
 * the double quote and what numbers, true, false and null are made of. */
static gboolean
json_char (char ch)
{
  return strchr (" \t\n\r{}[]:,\"+-.", ch) != NULL || g_ascii_isalnum (ch);
}

/* Nesting depth (json-glib recurses without limit) and content after the
 * top-level value (json-glib 1.6 silently ignores it).
 *
 * The depth is counted on exactly the tokens a strict JSON reader sees;
 * json-glib's scanner knows more (comments, single-quoted strings), in
 * which a quote or a bracket means something else, and a document could
 * hide its depth from the count there: whatever strict JSON does not
 * allow outside a string is refused here, before json-glib sees it. */
static gboolean
check_structure (const char *data,
                 gsize       len,
                 const char *name,
                 GError    **error)
{
  guint depth = 0;
  gboolean in_string = FALSE;
  gsize i;

  for (i = 0; i < len; i++)
    {
      char ch = data[i];

      if (in_string)
        {
          if (ch == '\\')
            i++;
          else if (ch == '"')
            in_string = FALSE;
          continue;
        }
      if (!json_char (ch))
        {
          g_autofree char *what = NULL;

          if (ch == '/')
            what = g_strdup (_("a comment, which JSON does not allow"));
          else if (ch == '\'')
            what = g_strdup (_("a single quote: strings in JSON take double quotes"));
          else if ((guchar) ch < 0x80 && g_ascii_isprint (ch))
            what = g_strdup_printf (_("the character “%c” is not allowed in JSON outside a string"), ch);
          else
            what = g_strdup_printf (_("the byte 0x%02x is not allowed in JSON outside a string"), (guchar) ch);
          set_error_at (error, data, i, name, what);
          return FALSE;
        }
      if (ch == '"')
        in_string = TRUE;
      else if (ch == '{' || ch == '[')
        {
          if (++depth > MAX_DEPTH)
            {
              guint line, column;

              offset_to_line_column (data, i, &line, &column);
              g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                           _("%s: line %u, column %u: nested deeper than %u levels"),
                           name, line, column, MAX_DEPTH);
              return FALSE;
            }
        }
      else if (ch == '}' || ch == ']')
        {
          if (depth == 0)
            return TRUE;   /* unbalanced: json-glib reports it */
          if (--depth == 0)
            break;
        }
    }

  for (i++; i < len; i++)
    if (!g_ascii_isspace (data[i]))
      {
        guint line, column;

        offset_to_line_column (data, i, &line, &column);
        g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                     _("%s: line %u, column %u: unexpected content after the end of the JSON document"),
                     name, line, column);
        return FALSE;
      }
  return TRUE;
}

static JsonParser *
parse (const char  *data,
       gsize        len,
       const char  *name,
       gboolean     immutable,
       GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *invalid;

  /* tolerate a byte order mark, which the spec forbids but editors write */
  if (len >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      len -= 3;
    }
  if (!g_utf8_validate_len (data, len, &invalid))
    {
      guint line, column;

      offset_to_line_column (data, invalid - data, &line, &column);
      g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                   _("%s: line %u, column %u: not valid UTF-8 text (byte %zu)"),
                   name, line, column, (size_t) (invalid - data));
      return NULL;
    }
  if (!check_structure (data, len, name, error))
    return NULL;

  parser = immutable ? json_parser_new_immutable () : json_parser_new ();
  if (!json_parser_load_from_data (parser, data, len, &local_error))
    {
      const char *message = local_error->message;
      guint line = 0, column = 0;
      int consumed = 0;

      /* json-glib says "<data>:LINE:COLUMN: Parse error: …" */
      if (sscanf (message, "<data>:%u:%u: %n", &line, &column, &consumed) >= 2 && consumed > 0)
        g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                     _("%s: line %u, column %u: invalid JSON: %s"),
                     name, line, column, message + consumed);
      else
        g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                     _("%s: invalid JSON: %s"), name, message);
      return NULL;
    }
  if (json_parser_get_root (parser) == NULL)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                   _("%s: empty document"), name);
      return NULL;
    }
  return g_steal_pointer (&parser);
}

JsonObject *
bk_json_get_object (JsonObject *object,
                    const char *member)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

JsonArray *
bk_json_get_array (JsonObject *object,
                   const char *member)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

const char *
bk_json_get_string (JsonObject *object,
                    const char *member,
                    const char *fallback)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return fallback;
  return json_node_get_string (node);
}

gint64
bk_json_get_int (JsonObject *object,
                 const char *member,
                 gint64      fallback)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;
  GType type;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return fallback;
  type = json_node_get_value_type (node);
  return type == G_TYPE_INT64 || type == G_TYPE_DOUBLE ? json_node_get_int (node) : fallback;
}

JsonParser *
bk_json_parse (const char  *data,
               gsize        len,
               const char  *name,
               GError     **error)
{
  return parse (data, len, name, TRUE, error);
}

JsonParser *
bk_json_parse_mutable (const char  *data,
                       gsize        len,
                       const char  *name,
                       GError     **error)
{
  return parse (data, len, name, FALSE, error);
}

gboolean
bk_json_fail (GError     **error,
              const char  *name,
              const char  *path,
              const char  *problem)
{
  /* Translators: a problem in a data file: file name, place in it such as
   * "$.terms[3].forms", problem */
  g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT, _("%s: %s: %s"), name, path, problem);
  return FALSE;
}

JsonObject *
bk_json_parse_versioned (const char   *data,
                         gssize        len,
                         const char   *name,
                         int           version,
                         JsonParser  **parser,
                         GError      **error)
{
  JsonObject *root;
  JsonNode *node;

  g_return_val_if_fail (data != NULL && name != NULL && parser != NULL, NULL);

  *parser = bk_json_parse (data, len < 0 ? strlen (data) : (gsize) len, name, error);
  if (*parser == NULL)
    return NULL;
  node = json_parser_get_root (*parser);
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      bk_json_fail (error, name, "$", _("expected an object"));
      return NULL;
    }
  root = json_node_get_object (node);

  node = json_object_get_member (root, "version");
  if (node != NULL && (!JSON_NODE_HOLDS_VALUE (node) ||
                       json_node_get_value_type (node) != G_TYPE_INT64 ||
                       json_node_get_int (node) != version))
    {
      g_autofree char *problem = g_strdup_printf (_("this program reads version %d only"), version);

      bk_json_fail (error, name, "$.version", problem);
      return NULL;
    }
  return root;
}

gpointer
bk_json_load_resource (GResource      *resource,
                       const char     *path,
                       const char     *name,
                       BkJsonLoadFunc  load,
                       GError        **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (resource != NULL && path != NULL && load != NULL, NULL);

  bytes = g_resource_lookup_data (resource, path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;

  return load (g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes), name, error);
}
