/* bk-json-reader.c: reading the kiosk's own strict JSON formats
 *
 * Strict on purpose: an unknown member is an error, because a mistyped
 * optional field would otherwise vanish without a word and a citizen would
 * miss what the office wrote. Members starting with "x-" and "comment" are
 * left for the editors' own notes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-json"

#include "bk-config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "bk-error.h"
#include "bk-json-reader.h"

gboolean
bk_json_reader_fail (BkJsonReader *reader,
                     const char *member,
                     const char *problem,
                     GError **error)
{
  g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
               /* Translators: file name, JSON path ("$.services[3].name"), problem */
               _("%s: %s%s%s: %s"), reader->name, reader->path->str,
               member != NULL ? "." : "", member != NULL ? member : "", problem);
  return FALSE;
}

gsize
bk_json_reader_push_member (BkJsonReader *reader,
                            const char *member)
{
  gsize len = reader->path->len;

  g_string_append_printf (reader->path, ".%s", member);
  return len;
}

gsize
bk_json_reader_push_index (BkJsonReader *reader,
                           guint index)
{
  gsize len = reader->path->len;

  g_string_append_printf (reader->path, "[%u]", index);
  return len;
}

gboolean
bk_json_reader_is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

gboolean
bk_json_reader_dup_text (BkJsonReader *reader,
                         JsonObject *obj,
                         const char *member,
                         gboolean required,
                         guint max_chars,
                         char **out,
                         GError **error)
{
  JsonNode *node = json_object_get_member (obj, member);
  g_autofree char *text = NULL;

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return required ? bk_json_reader_fail (reader, member, _("missing; this field is required"), error) : TRUE;
  if (!bk_json_reader_is_string (node))
    return bk_json_reader_fail (reader, member, _("expected a string"), error);
  text = g_strstrip (g_strdup (json_node_get_string (node)));
  if (*text == '\0')
    return required ? bk_json_reader_fail (reader, member, _("empty; this field is required"), error) : TRUE;
  if (g_utf8_strlen (text, -1) > max_chars)
    {
      g_autofree char *problem = g_strdup_printf (_("too long (more than %u characters)"),
                                                  max_chars);

      return bk_json_reader_fail (reader, member, problem, error);
    }
  *out = g_steal_pointer (&text);
  return TRUE;
}

gboolean
bk_json_reader_check_members (BkJsonReader *reader,
                              JsonObject *obj,
                              const char *const *known,
                              const char *problem,
                              GError **error)
{
  g_autoptr(GList) members = json_object_get_members (obj);

  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *member = l->data;

      if (g_strv_contains (known, member) || strcmp (member, "comment") == 0 ||
          g_str_has_prefix (member, "x-"))
        continue;
      return bk_json_reader_fail (reader, member, problem, error);
    }
  return TRUE;
}

gboolean
bk_json_reader_get_array (BkJsonReader *reader,
                          JsonObject *obj,
                          const char *member,
                          JsonArray **out,
                          GError **error)
{
  JsonNode *node = json_object_get_member (obj, member);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return bk_json_reader_fail (reader, member, _("expected an array"), error);
  *out = json_node_get_array (node);
  return TRUE;
}

gboolean
bk_json_reader_read_strings (BkJsonReader *reader,
                             JsonObject *obj,
                             const char *member,
                             guint max_chars,
                             GPtrArray *into,
                             GError **error)
{
  JsonArray *array;
  gsize outer;

  if (!bk_json_reader_get_array (reader, obj, member, &array, error))
    return FALSE;
  if (array == NULL)
    return TRUE;
  outer = bk_json_reader_push_member (reader, member);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      gsize len = bk_json_reader_push_index (reader, i);
      g_autofree char *text = NULL;

      if (!bk_json_reader_is_string (node))
        return bk_json_reader_fail (reader, NULL, _("expected a string"), error);
      text = g_strstrip (g_strdup (json_node_get_string (node)));
      if (*text == '\0')
        return bk_json_reader_fail (reader, NULL, _("empty text"), error);
      if (g_utf8_strlen (text, -1) > max_chars)
        return bk_json_reader_fail (reader, NULL, _("too long"), error);
      g_ptr_array_add (into, g_steal_pointer (&text));
      g_string_truncate (reader->path, len);
    }
  g_string_truncate (reader->path, outer);
  return TRUE;
}

gboolean
bk_json_reader_read_objects (BkJsonReader      *reader,
                             JsonArray         *list,
                             BkJsonReadObject   read,
                             const char      *(*id_of) (gconstpointer item),
                             GPtrArray         *into,
                             GError           **error)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonNode *node = json_array_get_element (list, i);
      gsize mark = bk_json_reader_push_index (reader, i);
      gpointer item;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return bk_json_reader_fail (reader, NULL, _("expected an object"), error);
      item = read (reader, json_node_get_object (node), error);
      if (item == NULL)
        return FALSE;
      g_ptr_array_add (into, item);
      if (!g_hash_table_add (ids, (gpointer) id_of (item)))
        {
          g_autofree char *problem = g_strdup_printf (_("the id “%s” is used twice in this file"),
                                                      id_of (item));

          return bk_json_reader_fail (reader, "id", problem, error);
        }
      g_string_truncate (reader->path, mark);
    }
  return TRUE;
}

/* --- sniffing ----------------------------------------------------------- */

/* The end of the JSON string starting at data[i] == '"' (index of the closing quote). */
static gsize
skip_string (const char *data,
             gsize       len,
             gsize       i)
{
  for (i++; i < len; i++)
    {
      if (data[i] == '\\')
        i++;
      else if (data[i] == '"')
        return i;
    }
  return len;
}

gboolean
bk_json_sniff_top_member (const char *data,
                          gsize       len,
                          const char *member,
                          const char *type)
{
  guint depth = 0;
  gboolean expect_key = FALSE;
  gboolean after_type = FALSE;

  /* Walks the top-level object's keys and the value of its "type". */
  for (gsize i = 0; i < len; i++)
    {
      char ch = data[i];

      if (ch == '"')
        {
          gsize end = skip_string (data, len, i);
          const char *str = data + i + 1;
          gsize n = end - i - 1;

          if (depth == 1 && expect_key)
            {
              if (n == strlen (member) && memcmp (str, member, n) == 0)
                return TRUE;
              after_type = n == 4 && memcmp (str, "type", 4) == 0;
              expect_key = FALSE;
            }
          else if (depth == 1 && after_type)
            {
              if (type != NULL && n == strlen (type) && memcmp (str, type, n) == 0)
                return TRUE;
              after_type = FALSE;
            }
          i = end;
        }
      else if (ch == '{' || ch == '[')
        {
          depth++;
          expect_key = depth == 1 && ch == '{';
          after_type = FALSE;
        }
      else if (ch == '}' || ch == ']')
        {
          if (depth == 0 || --depth == 0)
            return FALSE;
        }
      else if (ch == ',' && depth == 1)
        {
          expect_key = TRUE;
          after_type = FALSE;
        }
    }
  return FALSE;
}
