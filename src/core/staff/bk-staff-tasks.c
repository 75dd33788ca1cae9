/* bk-staff-tasks.c: what staff mode does with files
 *
 * Listing the import folder and exporting submissions. A kiosk has no file
 * chooser; staff work only in the configured folders.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-staff"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "bk-error.h"
#include "bk-staff-tasks.h"
#include "bk-submission.h"

char *
bk_staff_resolve_folder (const char *folder,
                         const char *name)
{
  if (folder != NULL && folder[0] != '\0')
    return g_strdup (folder);
  return g_build_filename (g_get_user_data_dir (), "buergerkiosk", name, NULL);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_utf8_collate (*(const char *const *) a, *(const char *const *) b);
}

GPtrArray *
bk_staff_list_import_files (const char *folder)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = folder ? g_dir_open (folder, 0, NULL) : NULL;
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      if (name[0] == '.')
        continue;
      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        g_ptr_array_add (names, g_strdup (name));
      else if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          /* an XZuFi publication (bk-xzufi.h): imported whole */
          g_autofree char *index = g_build_filename (path, "index.txt", NULL);

          if (g_file_test (index, G_FILE_TEST_IS_REGULAR))
            g_ptr_array_add (names, g_strconcat (name, "/", NULL));
        }
    }
  g_ptr_array_sort (names, compare_names);
  return names;
}

gboolean
bk_staff_export_submissions (BkStore     *store,
                             const char  *folder,
                             GDateTime   *now,
                             guint       *count,
                             char       **path,
                             GError     **error)
{
  g_autoptr(GDateTime) local_now = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *json = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *name = NULL;
  g_autofree char *file = NULL;
  BkSubmissionQuery query = { NULL, TRUE };

  g_return_val_if_fail (BK_IS_STORE (store), FALSE);
  g_return_val_if_fail (folder != NULL, FALSE);

  if (count != NULL)
    *count = 0;
  if (path != NULL)
    *path = NULL;
  if (now == NULL)
    now = local_now = g_date_time_new_now_local ();

  if (!bk_store_begin (store, error))
    return FALSE;
  rows = bk_store_list_submissions (store, &query, error);
  if (rows == NULL)
    goto fail;
  if (rows->len == 0)
    {
      bk_store_rollback (store);
      return TRUE;
    }
  if (!bk_store_mark_submissions_exported (store, rows, NULL, error))
    goto fail;

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, BK_ERROR, BK_ERROR_READ_ONLY,
                   _("%s: cannot create the export folder: %s"), folder, g_strerror (saved_errno));
      goto fail;
    }
  json = bk_submissions_to_json_string (rows);
  stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  name = g_strdup_printf ("submissions-%s.json", stamp);
  file = g_build_filename (folder, name, NULL);
  /* Citizens' requests: readable by the kiosk's user only. */
  if (!g_file_set_contents_full (file, json, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error) ||
      !bk_store_commit (store, error))
    {
      g_unlink (file);
      goto fail;
    }
  if (count != NULL)
    *count = rows->len;
  if (path != NULL)
    *path = g_steal_pointer (&file);
  return TRUE;

fail:
  bk_store_rollback (store);
  return FALSE;
}
