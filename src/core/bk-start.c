/* bk-start.c: opening the kiosk's database at start-up
 *
 * The top of core: store, backup and demo content together. A kiosk must
 * start even when its database is broken, so a broken one is moved aside
 * (never deleted) and the kiosk runs on the demo content read-only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-start"

#include <errno.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "bk-backup.h"
#include "bk-demo.h"
#include "bk-error.h"
#include "bk-staff-log.h"
#include "bk-start.h"
#include "bk-store-private.h"

void
bk_start_report_clear (BkStartReport *report)
{
  g_clear_pointer (&report->broken_path, g_free);
  g_clear_pointer (&report->backup_path, g_free);
}

/* Corruption that sqlite3_open and the schema version do not notice yet
 * shows up in quick_check; it reads every page once, acceptable once at start. */
static gboolean
quick_check (BkStore *store,
             GError **error)
{
  sqlite3_stmt *stmt = NULL;
  const char *result;
  int rc;

  rc = sqlite3_prepare_v2 (bk_store_get_db (store), "PRAGMA quick_check(1)", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      bk_store_set_sqlite_error (store, rc, error);
      sqlite3_finalize (stmt);
      return FALSE;
    }
  result = (const char *) sqlite3_column_text (stmt, 0);
  if (g_strcmp0 (result, "ok") != 0)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_CORRUPT,
                   _("%s: the database is damaged (%s)"), bk_store_get_path (store),
                   result ? result : "?");
      sqlite3_finalize (stmt);
      return FALSE;
    }
  sqlite3_finalize (stmt);
  return TRUE;
}

static gboolean
is_broken (const char   *path,
           const GError *error)
{
  if (g_error_matches (error, BK_ERROR, BK_ERROR_CORRUPT))
    return TRUE;
  /* Unreadable: a file we may not read is as lost to the kiosk as a damaged one. */
  return g_error_matches (error, BK_ERROR, BK_ERROR_READ_ONLY) &&
         g_file_test (path, G_FILE_TEST_EXISTS) && g_access (path, R_OK | W_OK) != 0;
}

static char *
move_aside (const char *path,
            GDateTime  *now,
            GError    **error)
{
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *target = g_strdup_printf ("%s.broken-%s", path, stamp);

  for (guint n = 2; g_file_test (target, G_FILE_TEST_EXISTS); n++)
    {
      g_free (target);
      target = g_strdup_printf ("%s.broken-%s-%u", path, stamp, n);
    }
  if (g_rename (path, target) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, BK_ERROR, BK_ERROR_READ_ONLY,
                   _("%s: the damaged database cannot be moved aside: %s"),
                   path, g_strerror (saved_errno));
      return NULL;
    }
  /* Its journal belongs to it, not to the next database at this path. */
  for (guint i = 0; i < 2; i++)
    {
      const char *suffix = i == 0 ? "-wal" : "-shm";
      g_autofree char *from = g_strconcat (path, suffix, NULL);
      g_autofree char *to = g_strconcat (target, suffix, NULL);

      if (g_file_test (from, G_FILE_TEST_EXISTS))
        g_rename (from, to);
    }
  return g_steal_pointer (&target);
}

/* The files move_aside () left beside path. */
static GPtrArray *
list_broken (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *prefix = g_strconcat (base, ".broken-", NULL);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    if (g_str_has_prefix (name, prefix) && !g_str_has_suffix (name, "-wal") &&
        !g_str_has_suffix (name, "-shm"))
      g_ptr_array_add (names, g_build_filename (dir, name, NULL));
  return names;
}

/* Without its PIN, staff could not even open staff mode to see what happened. */
static void
copy_pin_from_backup (BkStore    *store,
                      const char *db_path)
{
  g_autoptr(GPtrArray) names = bk_backup_list (db_path);
  g_autofree char *folder = bk_backup_get_folder (db_path);
  sqlite3 *db = bk_store_get_db (store);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *backup = g_build_filename (folder, g_ptr_array_index (names, i), NULL);
      sqlite3_stmt *stmt = NULL;
      int rc;

      rc = sqlite3_prepare_v2 (db, "ATTACH DATABASE ?1 AS old", -1, &stmt, NULL);
      if (rc == SQLITE_OK)
        {
          sqlite3_bind_text (stmt, 1, backup, -1, SQLITE_TRANSIENT);
          rc = sqlite3_step (stmt);
        }
      sqlite3_finalize (stmt);
      if (rc != SQLITE_DONE)
        continue;
      rc = sqlite3_exec (db, "INSERT OR REPLACE INTO main.staff_pin SELECT id, hash, failures,"
                             " lockouts, locked_until FROM old.staff_pin", NULL, NULL, NULL);
      sqlite3_exec (db, "DETACH DATABASE old", NULL, NULL, NULL);
      if (rc == SQLITE_OK)
        {
          g_message ("Took the staff PIN from the backup %s", backup);
          return;
        }
    }
}

static BkStore *
open_fallback (const char *db_path,
               GError    **error)
{
  g_autoptr(BkStore) store = bk_store_open (NULL, BK_STORE_OPEN_DEFAULT, error);

  if (store == NULL || !bk_demo_seed (store, error))
    return NULL;
  copy_pin_from_backup (store, db_path);
  bk_store_set_read_only (store);
  return g_steal_pointer (&store);
}

BkStore *
bk_start_open_store (const char    *path,
                     GDateTime     *now,
                     BkStartReport *report,
                     GError       **error)
{
  g_autofree char *default_path = NULL;
  g_autoptr(GDateTime) local_now = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(BkStore) store = NULL;

  g_return_val_if_fail (report != NULL, NULL);

  if (now == NULL)
    now = local_now = g_date_time_new_now_local ();
  if (path == NULL && (path = default_path = bk_demo_prepare_default_db_path (error)) == NULL)
    return NULL;

  store = bk_store_open (path, BK_STORE_OPEN_DEFAULT, &local_error);
  if (store != NULL && !quick_check (store, &local_error))
    g_clear_object (&store);
  if (store == NULL)
    {
      g_autofree char *moved = NULL;

      if (!is_broken (path, local_error))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      moved = move_aside (path, now, error);
      if (moved == NULL)
        return NULL;
      {
        g_autofree char *message = g_strdup_printf (
            "The database %s could not be used (%s); it was moved to %s and the kiosk runs on "
            "the demo content, read-only, until staff restore a backup", path,
            local_error->message, moved);

        bk_staff_log (G_LOG_LEVEL_WARNING, "database-broken", moved, message);
      }
      report->broken_path = g_steal_pointer (&moved);
      return open_fallback (path, error);
    }

  if (bk_store_is_empty (store))
    {
      g_info ("seeding %s with the bundled demo content", path);
      if (!bk_demo_seed (store, error))
        return NULL;
    }

  {
    g_autoptr(GError) backup_error = NULL;

    /* While a broken database lies beside it, the backups from before are
     * what staff will restore: daily copies of its replacement must not
     * push them out. */
    g_autoptr(GPtrArray) broken = list_broken (path);
    guint keep = broken->len > 0 ? 0 : BK_BACKUP_KEEP;

    if (broken->len > 0)
      g_warning ("Old backups are kept until %s is dealt with", (char *) g_ptr_array_index (broken, 0));
    if (!bk_backup_if_due (store, keep, now, &report->backup_path, &backup_error))
      g_warning ("No backup of the database was made: %s", backup_error->message);
  }
  return g_steal_pointer (&store);
}
