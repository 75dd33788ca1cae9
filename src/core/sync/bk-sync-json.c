/* bk-sync-json.c: reading what real OParl servers send, defensively
 *
 * The file importer (src/core/import) is strict: a wrongly typed member is
 * an error naming its path, which is what a clerk importing a file needs.
 * A server is another matter: it sends "N/A" for a missing name, an object
 * where the spec wants a list, control characters, booleans as text, no
 * type on deleted objects (integration.md §1.3, §1.4 point 7). This file
 * mends such objects before they reach the importer; what is still wrong
 * after that skips the one object, not the sync (bk-sync.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-sync"

#include "bk-config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "bk-http.h"
#include "bk-json.h"
#include "bk-sync-json.h"

/* ---- parsing and repair ----------------------------------------------------- */

/* A byte that is not UTF-8 read as Windows-1252, which is what such
 * servers mean (0x80–0x9F that it leaves open: U+FFFD). */
static gunichar
cp1252 (guchar byte)
{
  static const gunichar high[32] = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
    0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
  };

  return byte >= 0x80 && byte < 0xA0 ? high[byte - 0x80] : byte;
}

static char *
make_utf8 (const char *data,
           gsize       len)
{
  GString *out = g_string_sized_new (len + 16);
  const char *p = data;
  const char *end = data + len;

  while (p < end)
    {
      gunichar ch = g_utf8_get_char_validated (p, end - p);

      if (ch == (gunichar) -1 || ch == (gunichar) -2)
        {
          g_string_append_unichar (out, cp1252 ((guchar) *p));
          p++;
        }
      else if (ch == 0)
        p++;
      else
        {
          g_string_append_unichar (out, ch);
          p = g_utf8_next_char (p);
        }
    }
  return g_string_free (out, FALSE);
}

/* Bytes that are not UTF-8 as Windows-1252, raw control characters inside
 * strings escaped. */
static char *
repair_text (const char *data,
             gsize       len,
             gsize      *out_len)
{
  g_autofree char *valid = make_utf8 (data, len);
  GString *out = g_string_sized_new (len + 64);
  gboolean in_string = FALSE;

  for (const char *p = valid; *p != '\0'; p++)
    {
      unsigned char ch = (unsigned char) *p;

      if (in_string)
        {
          if (ch == '\\' && p[1] != '\0')
            {
              g_string_append_c (out, *p++);
              g_string_append_c (out, *p);
              continue;
            }
          if (ch == '"')
            in_string = FALSE;
          else if (ch < 0x20)
            {
              g_string_append_printf (out, "\\u%04x", ch);
              continue;
            }
        }
      else if (ch == '"')
        in_string = TRUE;
      g_string_append_c (out, (char) ch);
    }
  *out_len = out->len;
  return g_string_free (out, FALSE);
}

JsonNode *
bk_sync_json_parse (GBytes      *data,
                    const char  *name,
                    gboolean     repair,
                    gboolean    *repaired,
                    GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) first_error = NULL;
  gsize len;
  const char *bytes = g_bytes_get_data (data, &len);

  if (repaired != NULL)
    *repaired = FALSE;
  if (bytes == NULL)
    bytes = "";
  parser = bk_json_parse_mutable (bytes, len, name, &first_error);
  if (parser == NULL && repair)
    {
      gsize fixed_len;
      g_autofree char *fixed = repair_text (bytes, len, &fixed_len);

      parser = bk_json_parse_mutable (fixed, fixed_len, name, NULL);
      if (parser != NULL && repaired != NULL)
        *repaired = TRUE;
    }
  if (parser == NULL)
    {
      g_set_error_literal (error, BK_SYNC_ERROR, BK_SYNC_ERROR_NOT_OPARL, first_error->message);
      return NULL;
    }
  return json_node_copy (json_parser_get_root (parser));
}

/* ---- helpers ---------------------------------------------------------------- */

const char *
bk_sync_json_type_name (JsonObject *object)
{
  const char *type = bk_sync_json_get_string (object, "type");
  const char *slash;

  if (type == NULL)
    return NULL;
  slash = strrchr (type, '/');
  return slash != NULL ? slash + 1 : type;
}

const char *
bk_sync_json_get_string (JsonObject *object,
                         const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;
  const char *value;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  value = json_node_get_string (node);
  return value != NULL && *value != '\0' ? value : NULL;
}

/* ---- normalisation ---------------------------------------------------------- */

/* Members that hold a list, per type ("*": every type). */
static const struct {
  const char *type;
  const char *member;
} list_members[] = {
  { "*", "keyword" },
  { "Paper", "consultation" }, { "Paper", "auxiliaryFile" }, { "Paper", "location" },
  { "Paper", "originatorPerson" }, { "Paper", "originatorOrganization" },
  { "Paper", "underDirectionOf" }, { "Paper", "relatedPaper" },
  { "Paper", "superordinatedPaper" }, { "Paper", "subordinatedPaper" },
  { "Meeting", "agendaItem" }, { "Meeting", "auxiliaryFile" }, { "Meeting", "organization" },
  { "Meeting", "participant" },
  { "AgendaItem", "auxiliaryFile" },
  { "Consultation", "organization" },
  { "Body", "legislativeTerm" }, { "Body", "equivalent" },
  { "Person", "membership" }, { "Person", "title" }, { "Person", "status" },
  { "Person", "email" }, { "Person", "phone" },
  { "Organization", "membership" }, { "Organization", "post" },
};

/* Embedded objects and the type they have. */
static const struct {
  const char *member;
  const char *type;
} embedded[] = {
  { "consultation", "Consultation" },
  { "agendaItem", "AgendaItem" },
  { "mainFile", "File" },
  { "auxiliaryFile", "File" },
  { "invitation", "File" },
  { "resultsProtocol", "File" },
  { "verbatimProtocol", "File" },
  { "resolutionFile", "File" },
  { "location", "Location" },
  { "legislativeTerm", "LegislativeTerm" },
  { "membership", "Membership" },
};

/* Plural names some servers use, per type. */
static const struct {
  const char *type;
  const char *plural;
  const char *member;
} plurals[] = {
  { "Paper", "consultations", "consultation" },
  { "Paper", "files", "auxiliaryFile" },
  { "Paper", "auxiliaryFiles", "auxiliaryFile" },
  { "Meeting", "agendaItems", "agendaItem" },
};

static const char *const boolean_members[] = {
  "public", "cancelled", "authoritative", "deleted", "votingRight",
};

static const char *const text_members[] = {
  "name", "shortName", "reference", "paperType", "role", "result", "number", "fileName",
};

static gboolean
in_list (const char        *member,
         const char *const *list,
         guint              n)
{
  for (guint i = 0; i < n; i++)
    if (strcmp (member, list[i]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
is_list_member (const char *type,
                const char *member)
{
  for (guint i = 0; i < G_N_ELEMENTS (list_members); i++)
    if (strcmp (list_members[i].member, member) == 0 &&
        (strcmp (list_members[i].type, "*") == 0 || g_strcmp0 (list_members[i].type, type) == 0))
      return TRUE;
  return FALSE;
}

static const char *
embedded_type (const char *member)
{
  for (guint i = 0; i < G_N_ELEMENTS (embedded); i++)
    if (strcmp (embedded[i].member, member) == 0)
      return embedded[i].type;
  return NULL;
}

/* A string as the importer wants it: no control characters (a line break
 * stays), trimmed; NULL when nothing is left or it only says "not given". */
static char *
clean_string (const char *value,
              gboolean   *changed)
{
  GString *out = g_string_sized_new (strlen (value));
  char *result;

  for (const char *p = value; *p != '\0'; p++)
    {
      unsigned char ch = (unsigned char) *p;

      if (ch < 0x20 && ch != '\n')
        {
          if (ch == '\t' && out->len > 0 && out->str[out->len - 1] != ' ')
            g_string_append_c (out, ' ');
          continue;
        }
      g_string_append_c (out, (char) ch);
    }
  result = g_strstrip (g_string_free (out, FALSE));
  if (*result == '\0' || g_ascii_strcasecmp (result, "N/A") == 0 ||
      g_ascii_strcasecmp (result, "n.a.") == 0 || g_ascii_strcasecmp (result, "null") == 0)
    {
      g_free (result);
      *changed = TRUE;
      return NULL;
    }
  *changed = strcmp (result, value) != 0;
  return result;
}

static guint normalize_object (JsonObject *object, const char *expected_type);

static guint
normalize_node_in_place (JsonObject *object,
                         const char *type,
                         const char *member)
{
  JsonNode *node = json_object_get_member (object, member);
  const char *inner_type = embedded_type (member);
  guint fixes = 0;

  if (node == NULL)
    return 0;

  if (JSON_NODE_HOLDS_NULL (node))
    {
      json_object_remove_member (object, member);
      return 1;
    }

  if (JSON_NODE_HOLDS_VALUE (node))
    {
      GType value_type = json_node_get_value_type (node);

      if (value_type == G_TYPE_STRING)
        {
          gboolean changed = FALSE;
          g_autofree char *clean = clean_string (json_node_get_string (node), &changed);

          if (clean == NULL)
            {
              json_object_remove_member (object, member);
              return 1;
            }
          if (in_list (member, boolean_members, G_N_ELEMENTS (boolean_members)))
            {
              if (g_ascii_strcasecmp (clean, "true") == 0 || strcmp (clean, "1") == 0 ||
                  g_ascii_strcasecmp (clean, "ja") == 0)
                {
                  json_object_set_boolean_member (object, member, TRUE);
                  return 1;
                }
              if (g_ascii_strcasecmp (clean, "false") == 0 || strcmp (clean, "0") == 0 ||
                  g_ascii_strcasecmp (clean, "nein") == 0)
                {
                  json_object_set_boolean_member (object, member, FALSE);
                  return 1;
                }
              json_object_remove_member (object, member);
              return 1;
            }
          if (is_list_member (type, member))
            {
              /* a URL where a list of URLs belongs */
              JsonArray *array = json_array_new ();

              json_array_add_string_element (array, clean);
              json_object_set_array_member (object, member, array);
              return 1;
            }
          if (changed)
            {
              json_object_set_string_member (object, member, clean);
              return 1;
            }
          return 0;
        }
      if (in_list (member, boolean_members, G_N_ELEMENTS (boolean_members)) &&
          (value_type == G_TYPE_INT64 || value_type == G_TYPE_DOUBLE))
        {
          json_object_set_boolean_member (object, member, json_node_get_double (node) != 0);
          return 1;
        }
      if (in_list (member, text_members, G_N_ELEMENTS (text_members)) &&
          (value_type == G_TYPE_INT64 || value_type == G_TYPE_DOUBLE))
        {
          g_autofree char *text = value_type == G_TYPE_INT64
                                  ? g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node))
                                  : g_strdup_printf ("%g", json_node_get_double (node));

          json_object_set_string_member (object, member, text);
          return 1;
        }
      return 0;
    }

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      if (is_list_member (type, member))
        {
          /* an object where a list belongs (ALLRIS: auxiliaryFile) */
          JsonArray *array = json_array_new ();

          json_array_add_element (array, json_node_ref (node));
          json_object_set_array_member (object, member, array);
          node = json_object_get_member (object, member);
          fixes++;
        }
      else
        return fixes + (inner_type != NULL ? normalize_object (json_node_get_object (node), inner_type) : 0);
    }

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      guint n = json_array_get_length (array);

      for (guint i = 0; i < n; i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (inner_type != NULL && JSON_NODE_HOLDS_OBJECT (element))
            fixes += normalize_object (json_node_get_object (element), inner_type);
          else if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING)
            {
              gboolean changed = FALSE;
              g_autofree char *clean = clean_string (json_node_get_string (element), &changed);

              if (clean == NULL)
                {
                  json_array_remove_element (array, i--);
                  n--;
                  fixes++;
                }
              else if (changed)
                {
                  json_node_set_string (element, clean);
                  fixes++;
                }
            }
        }
    }
  return fixes;
}

static guint
normalize_object (JsonObject *object,
                  const char *expected_type)
{
  g_autoptr(GList) names = NULL;
  const char *type;
  guint fixes = 0;

  /* a missing type: the one of the list (SD.NET's deleted entries) */
  type = bk_sync_json_type_name (object);
  if (type == NULL && expected_type != NULL)
    {
      g_autofree char *full = g_strdup_printf ("https://schema.oparl.org/1.1/%s", expected_type);

      json_object_set_string_member (object, "type", full);
      type = bk_sync_json_type_name (object);
      fixes++;
    }

  for (guint i = 0; i < G_N_ELEMENTS (plurals); i++)
    if (g_strcmp0 (plurals[i].type, type) == 0 && json_object_has_member (object, plurals[i].plural) &&
        !json_object_has_member (object, plurals[i].member))
      {
        JsonNode *node = json_object_dup_member (object, plurals[i].plural);

        json_object_remove_member (object, plurals[i].plural);
        json_object_set_member (object, plurals[i].member, node);
        fixes++;
      }

  names = json_object_get_members (object);
  for (GList *l = names; l != NULL; l = l->next)
    {
      g_autofree char *member = g_strdup (l->data);

      if (strcmp (member, "type") == 0)
        continue;
      fixes += normalize_node_in_place (object, type, member);
    }
  return fixes;
}

guint
bk_sync_json_normalize (JsonObject *object,
                        const char *expected_type)
{
  g_return_val_if_fail (object != NULL, 0);
  return normalize_object (object, expected_type);
}

/* ---- pages ----------------------------------------------------------------- */

static gboolean
fail_not_oparl (GError    **error,
                const char *name,
                const char *what)
{
  g_set_error (error, BK_SYNC_ERROR, BK_SYNC_ERROR_NOT_OPARL, "%s: %s", name, what);
  return FALSE;
}

gboolean
bk_sync_json_read_page (JsonNode    *root,
                        const char  *name,
                        gboolean     loose,
                        JsonArray  **data,
                        char       **next_url,
                        GError     **error)
{
  JsonObject *object;
  JsonNode *data_node;
  JsonNode *links_node;

  *data = NULL;
  *next_url = NULL;

  if (JSON_NODE_HOLDS_ARRAY (root))
    {
      if (!loose)
        return fail_not_oparl (error, name, _("a bare list instead of an OParl list page"));
      *data = json_array_ref (json_node_get_array (root));
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_OBJECT (root))
    return fail_not_oparl (error, name, _("not an OParl list page"));

  object = json_node_get_object (root);
  if (g_strcmp0 (bk_sync_json_type_name (object), "Error") == 0)
    {
      const char *message = bk_sync_json_get_string (object, "message");
      g_autofree char *text = g_strdup_printf (_("the server sent an error instead of data: %s"),
                                               message != NULL ? message : _("no message"));

      return fail_not_oparl (error, name, text);
    }

  data_node = json_object_get_member (object, "data");
  if (data_node == NULL || !JSON_NODE_HOLDS_ARRAY (data_node))
    {
      /* SD.NET's body list: one Body instead of a page */
      if (loose && bk_sync_json_type_name (object) != NULL)
        {
          JsonArray *array = json_array_new ();

          json_array_add_element (array, json_node_copy (root));
          *data = array;
          return TRUE;
        }
      return fail_not_oparl (error, name, _("not an OParl list page (no “data” list)"));
    }
  *data = json_array_ref (json_node_get_array (data_node));

  links_node = json_object_get_member (object, "links");
  if (links_node != NULL && JSON_NODE_HOLDS_OBJECT (links_node))
    *next_url = g_strdup (bk_sync_json_get_string (json_node_get_object (links_node), "next"));
  return TRUE;
}

/* A page is the same page again when it holds the same objects in the same
 * state: their ids and modification times make the digest (cheap next to
 * serialising the whole page). */
char *
bk_sync_json_hash_data (JsonArray *data)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA1);
  guint n = json_array_get_length (data);

  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (data, i);

      if (JSON_NODE_HOLDS_OBJECT (node))
        {
          JsonObject *object = json_node_get_object (node);
          const char *id = bk_sync_json_get_string (object, "id");
          const char *modified = bk_sync_json_get_string (object, "modified");

          g_checksum_update (sum, (const guchar *) (id != NULL ? id : ""), -1);
          g_checksum_update (sum, (const guchar *) "|", 1);
          g_checksum_update (sum, (const guchar *) (modified != NULL ? modified : ""), -1);
        }
      else
        {
          g_autofree char *text = json_to_string (node, FALSE);

          g_checksum_update (sum, (const guchar *) text, -1);
        }
      g_checksum_update (sum, (const guchar *) "\n", 1);
    }
  return g_strdup (g_checksum_get_string (sum));
}
