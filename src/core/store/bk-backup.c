/* bk-backup.c: daily copies of the database
 *
 * Written with the SQLite backup API at start-up, kept for a week; a kiosk
 * that restarts daily always has yesterday's data.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-backup"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "bk-backup.h"
#include "bk-error.h"
#include "bk-staff-log.h"
#include "bk-store-private.h"

/* -YYYYMMDD-HHMMSS.db */
#define STAMP_LENGTH 19

char *
bk_backup_get_folder (const char *db_path)
{
  g_autofree char *dir = g_path_get_dirname (db_path);

  return g_build_filename (dir, "backups", NULL);
}

static char *
db_stem (const char *db_path)
{
  g_autofree char *base = g_path_get_basename (db_path);
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  return g_steal_pointer (&base);
}

/* The UTC time in a backup's name, or NULL when it is not one of ours. */
static GDateTime *
parse_stamp (const char *name,
             const char *stem)
{
  gsize stem_len = strlen (stem);
  int y, mo, d, h, mi, s;
  char tail[4] = { 0 };

  if (strlen (name) != stem_len + STAMP_LENGTH || strncmp (name, stem, stem_len) != 0)
    return NULL;
  if (sscanf (name + stem_len, "-%4d%2d%2d-%2d%2d%2d.%2s", &y, &mo, &d, &h, &mi, &s, tail) != 7 ||
      strcmp (tail, "db") != 0)
    return NULL;
  return g_date_time_new_utc (y, mo, d, h, mi, s);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  return -strcmp (*(const char *const *) a, *(const char *const *) b);
}

GPtrArray *
bk_backup_list (const char *db_path)
{
  g_autofree char *folder = bk_backup_get_folder (db_path);
  g_autofree char *stem = db_stem (db_path);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autoptr(GDateTime) stamp = parse_stamp (name, stem);

      if (stamp != NULL)
        g_ptr_array_add (names, g_strdup (name));
    }
  /* The stamp has a fixed width, so the names sort by time. */
  g_ptr_array_sort (names, compare_newest_first);
  return names;
}

guint
bk_backup_rotate (const char *db_path,
                  guint       keep)
{
  g_autoptr(GPtrArray) names = bk_backup_list (db_path);
  g_autofree char *folder = bk_backup_get_folder (db_path);
  guint removed = 0;

  for (guint i = keep; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (folder, g_ptr_array_index (names, i), NULL);

      if (g_unlink (path) == 0)
        removed++;
      else
        g_warning ("Could not remove the old backup %s: %s", path, g_strerror (errno));
    }
  return removed;
}

gboolean
bk_backup_write (BkStore    *store,
                 const char *dest,
                 GError    **error)
{
  sqlite3 *target = NULL;
  sqlite3_backup *backup;
  int fd, rc;

  g_return_val_if_fail (BK_IS_STORE (store), FALSE);

  /* Created 0600 before SQLite opens it, so it is never readable by others,
   * not even for a moment: it holds citizens' requests. */
  fd = g_open (dest, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, BK_ERROR, BK_ERROR_READ_ONLY,
                   _("%s: cannot create the backup: %s"), dest, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);

  rc = sqlite3_open_v2 (dest, &target, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (target, "main", bk_store_get_db (store), "main");
      if (backup != NULL)
        {
          /* All pages in one step: the kiosk's database is small and a
           * partial copy interleaved with writes would start over anyway. */
          rc = sqlite3_backup_step (backup, -1);
          sqlite3_backup_finish (backup);
          if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
        }
      else
        rc = sqlite3_errcode (target);
    }
  if (rc != SQLITE_OK)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_DATABASE, _("%s: the backup failed: %s"),
                   dest, target ? sqlite3_errmsg (target) : sqlite3_errstr (rc));
      sqlite3_close_v2 (target);
      g_unlink (dest);
      return FALSE;
    }
  sqlite3_close_v2 (target);
  return TRUE;
}

gboolean
bk_backup_if_due (BkStore   *store,
                  guint      keep,
                  GDateTime *now,
                  char     **created,
                  GError   **error)
{
  const char *db_path = bk_store_get_path (store);
  g_autoptr(GDateTime) local_now = NULL;
  g_autoptr(GDateTime) utc_now = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *name = NULL;
  g_autofree char *dest = NULL;

  g_return_val_if_fail (BK_IS_STORE (store), FALSE);

  if (created != NULL)
    *created = NULL;
  if (db_path == NULL)
    return TRUE;
  if (now == NULL)
    now = local_now = g_date_time_new_now_utc ();
  utc_now = g_date_time_to_utc (now);
  stem = db_stem (db_path);
  folder = bk_backup_get_folder (db_path);

  names = bk_backup_list (db_path);
  if (names->len > 0)
    {
      g_autoptr(GDateTime) newest = parse_stamp (g_ptr_array_index (names, 0), stem);
      GTimeSpan age = g_date_time_difference (utc_now, newest);

      /* A stamp in the future (the clock was set back) counts as fresh. */
      if (age < G_TIME_SPAN_DAY)
        return TRUE;
    }

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, BK_ERROR, BK_ERROR_READ_ONLY,
                   _("%s: cannot create the backup folder: %s"), folder, g_strerror (saved_errno));
      return FALSE;
    }
  g_chmod (folder, 0700);
  stamp = g_date_time_format (utc_now, "%Y%m%d-%H%M%S");
  name = g_strdup_printf ("%s-%s.db", stem, stamp);
  dest = g_build_filename (folder, name, NULL);
  if (!bk_backup_write (store, dest, error))
    return FALSE;
  bk_staff_log (G_LOG_LEVEL_INFO, "backup", name, "Database backup written");
  if (keep > 0)
    bk_backup_rotate (db_path, keep);
  if (created != NULL)
    *created = g_steal_pointer (&dest);
  return TRUE;
}

gboolean
bk_backup_purge_submissions (const char *db_path,
                             const char *cutoff,
                             guint      *removed,
                             guint      *purged_files,
                             GError    **error)
{
  g_autoptr(GPtrArray) names = bk_backup_list (db_path);
  g_autofree char *folder = bk_backup_get_folder (db_path);
  g_autoptr(GError) first_error = NULL;

  g_return_val_if_fail (db_path != NULL && cutoff != NULL, FALSE);

  *removed = 0;
  *purged_files = 0;
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (folder, g_ptr_array_index (names, i), NULL);
      g_autoptr(GError) local_error = NULL;
      g_autoptr(BkStore) store = bk_store_open (path, BK_STORE_OPEN_DEFAULT, &local_error);
      guint n = 0;

      /* Each backup on its own: one that cannot be purged must not keep the
       * others' old submissions. */
      if (store == NULL || !bk_store_purge_submissions (store, cutoff, &n, &local_error))
        {
          g_message ("Could not purge the backup %s: %s", path, local_error->message);
          if (first_error == NULL)
            first_error = g_steal_pointer (&local_error);
          continue;
        }
      *removed += n;
      (*purged_files)++;
    }
  if (first_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&first_error));
      return FALSE;
    }
  return TRUE;
}
