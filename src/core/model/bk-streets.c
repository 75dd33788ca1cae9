/* bk-streets.c: the streets of the municipalities, for answers to choose
 *
 * Where a form asks for a place or an address, the kiosk offers the streets
 * of the town it serves, so that a citizen without a keyboard chooses one
 * instead of typing it; typing stays possible for anything else. The list
 * is data, bundled like the glossary (data/streets/streets.json):
 *
 *   { "version": 1,
 *     "municipalities": [ { "name": "Stadt Auenbach",
 *                           "streets": ["Am Mühlbach", "Bahnhofstraße"] } ] }
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-streets"

#include "bk-config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "bk-error.h"
#include "bk-fold.h"
#include "bk-json.h"
#include "bk-streets.h"
#include "bk-streets-resources.h"

#define STREETS_VERSION 1
#define DEFAULT_RESOURCE "/io/github/buergerkiosk/Kiosk/streets/streets.json"

struct _BkStreets
{
  GHashTable *places;   /* municipality → GPtrArray of streets, NULL-terminated */
};

static int
compare_streets (gconstpointer a,
                 gconstpointer b)
{
  g_autofree char *fa = bk_fold_for_search (*(const char * const *) a);
  g_autofree char *fb = bk_fold_for_search (*(const char * const *) b);

  return g_strcmp0 (fa, fb);
}

static gboolean
load_place (BkStreets  *self,
            JsonNode   *node,
            guint       index,
            const char *name,
            GError    **error)
{
  g_autofree char *path = g_strdup_printf ("$.municipalities[%u]", index);
  g_autofree char *streets_path = g_strdup_printf ("%s.streets", path);
  g_autoptr(GPtrArray) streets = g_ptr_array_new_with_free_func (g_free);
  JsonObject *object;
  JsonArray *list;
  const char *place;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return bk_json_fail (error, name, path, _("expected an object"));
  object = json_node_get_object (node);

  place = bk_json_get_string (object, "name", NULL);
  if (place == NULL || place[0] == '\0')
    {
      g_autofree char *name_path = g_strdup_printf ("%s.name", path);

      return bk_json_fail (error, name, name_path, _("expected a text that is not empty"));
    }

  node = json_object_get_member (object, "streets");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return bk_json_fail (error, name, streets_path, _("expected a list of strings"));
  list = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonNode *street = json_array_get_element (list, i);
      const char *text;

      if (!JSON_NODE_HOLDS_VALUE (street) || json_node_get_value_type (street) != G_TYPE_STRING ||
          (text = json_node_get_string (street))[0] == '\0')
        return bk_json_fail (error, name, streets_path, _("expected a list of strings"));
      g_ptr_array_add (streets, g_strdup (text));
    }

  g_ptr_array_sort (streets, compare_streets);
  g_ptr_array_add (streets, NULL);
  g_hash_table_replace (self->places, g_strdup (place), g_steal_pointer (&streets));
  return TRUE;
}

BkStreets *
bk_streets_new_from_data (const char  *data,
                          gssize       len,
                          const char  *name,
                          GError     **error)
{
  g_autoptr(BkStreets) self = g_new0 (BkStreets, 1);
  g_autoptr(JsonParser) parser = NULL;
  JsonObject *root;
  JsonNode *node;
  JsonArray *places;

  g_return_val_if_fail (data != NULL, NULL);

  if (name == NULL)
    name = "streets";
  self->places = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) g_ptr_array_unref);

  root = bk_json_parse_versioned (data, len, name, STREETS_VERSION, &parser, error);
  if (root == NULL)
    return NULL;

  node = json_object_get_member (root, "municipalities");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      bk_json_fail (error, name, "$.municipalities", _("expected a list of municipalities"));
      return NULL;
    }
  places = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (places); i++)
    if (!load_place (self, json_array_get_element (places, i), i, name, error))
      return NULL;

  return g_steal_pointer (&self);
}

void
bk_streets_free (BkStreets *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->places, g_hash_table_unref);
  g_free (self);
}

BkStreets *
bk_streets_get_default (void)
{
  static BkStreets *streets = NULL;
  static gsize loaded_once = 0;

  if (g_once_init_enter (&loaded_once))
    {
      g_autoptr(GError) error = NULL;
      /* Its own resource: looking it up links it into programs. */
      BkStreets *loaded = bk_json_load_resource (bk_streets_data_get_resource (), DEFAULT_RESOURCE,
                                                 "streets.json", (BkJsonLoadFunc) bk_streets_new_from_data,
                                                 &error);

      if (loaded == NULL)
        {
          g_warning ("The street list cannot be loaded, no streets are offered: %s", error->message);
          loaded = bk_streets_new_from_data ("{\"municipalities\": []}", -1, "streets.json", NULL);
        }
      streets = loaded;
      g_once_init_leave (&loaded_once, 1);
    }
  return streets;
}

const char * const *
bk_streets_lookup (BkStreets  *self,
                   const char *municipality)
{
  GPtrArray *streets;

  g_return_val_if_fail (self != NULL, NULL);

  streets = municipality ? g_hash_table_lookup (self->places, municipality) : NULL;
  return streets ? (const char * const *) streets->pdata : NULL;
}

GPtrArray *
bk_streets_match (BkStreets  *self,
                  const char *municipality,
                  const char *typed,
                  guint       limit,
                  guint      *n_matches)
{
  const char * const *streets = bk_streets_lookup (self, municipality);
  GPtrArray *matches = g_ptr_array_new ();
  g_autofree char *words = NULL;
  g_autofree char *folded = NULL;
  guint n = 0;
  const char *digit;

  /* The street before the house number. */
  words = g_strdup (typed ? typed : "");
  for (digit = words; *digit != '\0' && !g_ascii_isdigit (*digit); digit++)
    ;
  words[digit - words] = '\0';
  folded = g_strstrip (bk_fold_for_search (words));

  for (guint i = 0; streets != NULL && streets[i] != NULL; i++)
    {
      g_autofree char *street = bk_fold_for_search (streets[i]);

      if (folded[0] != '\0' && strstr (street, folded) == NULL)
        continue;
      n++;
      if (limit == 0 || matches->len < limit)
        g_ptr_array_add (matches, (gpointer) streets[i]);
    }

  if (n_matches != NULL)
    *n_matches = n;
  return matches;
}
