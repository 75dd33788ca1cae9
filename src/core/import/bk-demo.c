/* bk-demo.c: the bundled demo content
 *
 * A fictional county and two municipalities in a resource: text motions,
 * an OParl set, a service catalogue and their digital projects, imported into a new database so that
 * a freshly installed kiosk has something to show.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-demo"

#include <errno.h>
#include <glib/gi18n-lib.h>

#include "bk-demo.h"
#include "bk-demo-resources.h"
#include "bk-error.h"
#include "bk-oparl.h"
#include "bk-project-import.h"
#include "bk-service-import.h"
#include "bk-text-parser.h"

#define DEMO_PATH "/io/github/buergerkiosk/Kiosk/demo/"

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* Resource children of folder, sorted so the import order is stable. */
static GPtrArray *
list_children (const char *folder)
{
  g_autofree char *path = g_strconcat (DEMO_PATH, folder, NULL);
  g_auto(GStrv) names = g_resource_enumerate_children (bk_demo_get_resource (), path,
                                                       G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    if (!g_str_has_suffix (names[i], "/") && !g_str_has_suffix (names[i], ".md.in") &&
        g_strcmp0 (names[i], "README.md") != 0)
      g_ptr_array_add (paths, g_strconcat (path, names[i], NULL));
  g_ptr_array_sort (paths, compare_names);
  return paths;
}

static GBytes *
lookup (const char *path,
        GError    **error)
{
  return g_resource_lookup_data (bk_demo_get_resource (), path,
                                 G_RESOURCE_LOOKUP_FLAGS_NONE, error);
}

static gboolean
seed_oparl (BkStore *store,
            GError **error)
{
  g_autoptr(GPtrArray) paths = list_children ("oparl/");
  BkOParlStats stats = { 0 };

  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autoptr(GBytes) bytes = lookup (path, error);
      gsize len;
      const char *data;

      if (bytes == NULL)
        return FALSE;
      data = g_bytes_get_data (bytes, &len);
      if (!bk_oparl_import_data (store, data, len, path, NULL, &stats, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
seed_motions (BkStore *store,
              GError **error)
{
  g_autoptr(GPtrArray) paths = list_children ("motions/");

  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autoptr(GBytes) bytes = lookup (path, error);
      g_autoptr(BkMotion) motion = NULL;
      g_autoptr(GError) local_error = NULL;
      gsize len;
      const char *data;

      if (bytes == NULL)
        return FALSE;
      data = g_bytes_get_data (bytes, &len);
      motion = bk_text_parser_parse (data, (gssize) len, &local_error);
      if (motion == NULL)
        {
          g_set_error (error, BK_ERROR, local_error->code, "%s: %s", path, local_error->message);
          return FALSE;
        }
      motion->source = g_path_get_basename (path);
      if (!bk_store_save_motion (store, motion, error))
        return FALSE;
    }
  return TRUE;
}

typedef gboolean (*ImportFunc) (BkStore *store, const char *data, gsize len, const char *name,
                                guint *count, GError **error);

/* Every JSON file of a folder of the resource, through the importer of its format. */
static gboolean
seed_json (BkStore    *store,
           const char *folder,
           ImportFunc  import,
           GError    **error)
{
  g_autoptr(GPtrArray) paths = list_children (folder);

  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autoptr(GBytes) bytes = lookup (path, error);
      gsize len;
      const char *data;

      if (bytes == NULL)
        return FALSE;
      data = g_bytes_get_data (bytes, &len);
      if (!import (store, data, len, path, NULL, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
bk_demo_seed (BkStore *store,
              GError **error)
{
  g_return_val_if_fail (BK_IS_STORE (store), FALSE);

  if (!bk_store_begin (store, error))
    return FALSE;
  if (!seed_oparl (store, error) || !seed_motions (store, error) ||
      !seed_json (store, "services/", bk_service_import_data, error) ||
      !seed_json (store, "projects/", bk_project_import_data, error))
    {
      bk_store_rollback (store);
      return FALSE;
    }
  return bk_store_commit (store, error);
}

char *
bk_demo_prepare_default_db_path (GError **error)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "buergerkiosk", NULL);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, BK_ERROR, BK_ERROR_READ_ONLY,
                   _("%s: cannot create the folder for the database: %s"),
                   dir, g_strerror (saved_errno));
      return NULL;
    }
  return g_build_filename (dir, "kiosk.db", NULL);
}

BkStore *
bk_demo_open_store (const char *path,
                    GError    **error)
{
  g_autofree char *default_path = NULL;
  g_autoptr(BkStore) store = NULL;

  if (path == NULL && (path = default_path = bk_demo_prepare_default_db_path (error)) == NULL)
    return NULL;
  store = bk_store_open (path, BK_STORE_OPEN_DEFAULT, error);
  if (store == NULL)
    return NULL;
  if (bk_store_is_empty (store))
    {
      g_info ("seeding %s with the bundled demo content", path);
      if (!bk_demo_seed (store, error))
        return NULL;
    }
  return g_steal_pointer (&store);
}
