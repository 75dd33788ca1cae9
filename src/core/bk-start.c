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
#include <fcntl.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "bk-backup.h"
#include "bk-demo.h"
#include "bk-error.h"
#include "bk-staff-log.h"
#include "bk-staff-pin.h"
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
  /* Unreadable: a file we may not read is as lost to the kiosk as a damaged
   * one. One we may only read is not (bk_store_open opens it read-only). */
  return g_error_matches (error, BK_ERROR, BK_ERROR_READ_ONLY) &&
         g_file_test (path, G_FILE_TEST_EXISTS) && g_access (path, R_OK) != 0;
}

/* path.KIND-YYYYMMDD-HHMMSS (-2, -3 … when taken): where a database goes
 * that is moved aside or replaced. */
static char *
dup_aside_name (const char *path,
                const char *kind,
                GDateTime  *now)
{
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  char *target = g_strdup_printf ("%s.%s-%s", path, kind, stamp);

  for (guint n = 2; g_file_test (target, G_FILE_TEST_EXISTS); n++)
    {
      g_free (target);
      target = g_strdup_printf ("%s.%s-%s-%u", path, kind, stamp, n);
    }
  return target;
}

/* A database's journal belongs to it, not to the next database at path. */
static void
move_journal (const char *path,
              const char *target)
{
  for (guint i = 0; i < 2; i++)
    {
      const char *suffix = i == 0 ? "-wal" : "-shm";
      g_autofree char *from = g_strconcat (path, suffix, NULL);
      g_autofree char *to = g_strconcat (target, suffix, NULL);

      if (g_file_test (from, G_FILE_TEST_EXISTS))
        g_rename (from, to);
    }
}

static char *
move_aside (const char *path,
            GDateTime  *now,
            GError    **error)
{
  g_autofree char *target = dup_aside_name (path, "broken", now);

  if (g_rename (path, target) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, BK_ERROR, BK_ERROR_READ_ONLY,
                   _("%s: the damaged database cannot be moved aside: %s"),
                   path, g_strerror (saved_errno));
      return NULL;
    }
  move_journal (path, target);
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

static int
compare_names_descending (gconstpointer a,
                          gconstpointer b)
{
  return -g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

char *
bk_start_find_broken (const char *db_path)
{
  g_autoptr(GPtrArray) names = list_broken (db_path);

  if (names->len == 0)
    return NULL;
  /* The stamp in the name sorts by time. */
  g_ptr_array_sort (names, compare_names_descending);
  return g_strdup (g_ptr_array_index (names, 0));
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

/* Nothing a kiosk or its staff put there: no content, no PIN, no
 * submissions. What older staff tools left after a broken database. */
static gboolean
is_blank (BkStore *store)
{
  return bk_store_is_empty (store) && !bk_staff_pin_is_set (store) &&
         bk_store_count_submissions (store) == 0;
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

  /* A broken database was moved aside before and nothing was restored
   * since: still the read-only demo state, never a new writable database of
   * invented content (nor one that the staff tool left empty). */
  {
    g_autofree char *broken = bk_start_find_broken (path);

    if (broken != NULL && !g_file_test (path, G_FILE_TEST_EXISTS))
      {
        g_message ("The database %s is still missing since it was moved to %s; the kiosk runs "
                   "on the demo content, read-only, until staff restore a backup", path, broken);
        report->broken_path = g_steal_pointer (&broken);
        return open_fallback (path, error);
      }
    if (broken != NULL)
      {
        store = bk_store_open (path, BK_STORE_OPEN_READ_ONLY, NULL);
        if (store != NULL && is_blank (store))
          {
            g_message ("The database %s is empty and %s lies beside it; the kiosk runs on the "
                       "demo content, read-only, until staff restore a backup", path, broken);
            report->broken_path = g_steal_pointer (&broken);
            return open_fallback (path, error);
          }
        g_clear_object (&store);
      }
  }

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

  /* Write-protected (file permissions, a read-only mount): shown as it is,
   * nothing seeded, no backup written. */
  if (bk_store_is_write_protected (store))
    {
      g_message ("The database %s cannot be written: the kiosk shows it read-only and takes "
                 "no requests", path);
      report->write_protected = TRUE;
      return g_steal_pointer (&store);
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

/* Copies the database file at from into the new file at to with SQLite's
 * backup API: a consistent copy even of a database in WAL mode. */
static gboolean
copy_database (const char *from,
               const char *to,
               GError    **error)
{
  sqlite3 *source = NULL, *target = NULL;
  sqlite3_backup *backup = NULL;
  int version = -1;
  int rc;

  rc = sqlite3_open_v2 (from, &source, SQLITE_OPEN_READONLY, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_stmt *stmt = NULL;

      rc = sqlite3_prepare_v2 (source, "PRAGMA user_version", -1, &stmt, NULL);
      if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          version = sqlite3_column_int (stmt, 0);
          rc = SQLITE_OK;
        }
      sqlite3_finalize (stmt);
    }
  if (rc == SQLITE_OK && version <= 0)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                   _("%s: not a Bürgerkiosk database (it has no schema version)"), from);
      sqlite3_close_v2 (source);
      return FALSE;
    }
  if (rc == SQLITE_OK)
    rc = sqlite3_open_v2 (to, &target, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (target, "main", source, "main");
      rc = backup ? sqlite3_backup_step (backup, -1) : sqlite3_errcode (target);
      if (backup != NULL)
        sqlite3_backup_finish (backup);
      if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
    }
  if (rc != SQLITE_OK)
    g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                 _("%s: not a usable Bürgerkiosk database (%s)"), from,
                 source ? sqlite3_errmsg (source) : sqlite3_errstr (rc));
  sqlite3_close_v2 (target);
  sqlite3_close_v2 (source);
  return rc == SQLITE_OK;
}

static void
remove_with_journal (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
}

/* Upgraded, checked, and complete: a restored database must hold what the
 * kiosk needs, not merely be SQLite. */
static gboolean
check_restored (const char *copy,
                const char *backup,
                GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(BkStore) store = bk_store_open (copy, BK_STORE_OPEN_DEFAULT, &local_error);

  if (store == NULL)
    {
      if (g_error_matches (local_error, BK_ERROR, BK_ERROR_DATABASE_TOO_NEW))
        g_set_error (error, BK_ERROR, BK_ERROR_DATABASE_TOO_NEW,
                     _("%s: the backup was written by a newer Bürgerkiosk (schema version above %d)"),
                     backup, BK_STORE_SCHEMA_VERSION);
      else
        g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                     _("%s: not a usable Bürgerkiosk database (%s)"), backup, local_error->message);
      return FALSE;
    }
  if (bk_store_query_int (store, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN"
                                 " ('paper', 'body', 'service', 'submission', 'staff_pin')", NULL) != 5)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                   _("%s: not a Bürgerkiosk database (its tables are missing)"), backup);
      return FALSE;
    }
  if (!bk_store_check (store, report, &local_error))
    {
      g_strchomp (report->str);
      g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                   _("%s: the backup is damaged: %s"), backup,
                   report->len > 0 ? report->str : local_error->message);
      return FALSE;
    }
  return TRUE;
}

static void
sync_folder (const char *dir)
{
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

gboolean
bk_start_restore (const char  *db_path,
                  const char  *backup,
                  GDateTime   *now,
                  char       **replaced_path,
                  GError     **error)
{
  g_autoptr(GDateTime) local_now = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *replaced = NULL;
  GStatBuf st;
  int fd;

  g_return_val_if_fail (db_path != NULL && backup != NULL, FALSE);

  if (replaced_path != NULL)
    *replaced_path = NULL;
  if (now == NULL)
    now = local_now = g_date_time_new_now_local ();
  if (g_access (backup, R_OK) != 0 || !g_file_test (backup, G_FILE_TEST_IS_REGULAR))
    {
      int saved_errno = errno;

      g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT, _("%s: cannot read the file: %s"),
                   backup, g_file_test (backup, G_FILE_TEST_IS_DIR) ? _("it is a folder")
                                                                      : g_strerror (saved_errno));
      return FALSE;
    }
  dir = g_path_get_dirname (db_path);
  /* Beside the database, so that the final rename stays on one file system. */
  copy = g_build_filename (dir, ".restore-XXXXXX", NULL);
  fd = g_mkstemp_full (copy, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, BK_ERROR, BK_ERROR_READ_ONLY,
                   _("%s: cannot write in the database's folder: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);

  if (!copy_database (backup, copy, error) || !check_restored (copy, backup, error))
    {
      remove_with_journal (copy);
      return FALSE;
    }
  /* The kiosk's user must be able to write what root restored for it. */
  if (geteuid () == 0 && g_stat (dir, &st) == 0 && chown (copy, st.st_uid, st.st_gid) != 0)
    g_message ("Could not give %s to the owner of %s: %s", copy, dir, g_strerror (errno));

  if (g_file_test (db_path, G_FILE_TEST_EXISTS))
    {
      replaced = dup_aside_name (db_path, "replaced", now);
      /* A second name for the old file first: db_path never disappears. */
      if (link (db_path, replaced) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, BK_ERROR, BK_ERROR_READ_ONLY,
                       _("%s: cannot keep the database it replaces as %s: %s"), db_path, replaced,
                       g_strerror (saved_errno));
          remove_with_journal (copy);
          return FALSE;
        }
      move_journal (db_path, replaced);
    }
  if (g_rename (copy, db_path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, BK_ERROR, BK_ERROR_READ_ONLY, _("%s: cannot put the backup in place: %s"),
                   db_path, g_strerror (saved_errno));
      remove_with_journal (copy);
      return FALSE;
    }
  sync_folder (dir);
  {
    g_autofree char *message = g_strdup_printf ("The backup %s was restored as %s%s%s", backup,
                                                db_path, replaced ? "; the previous database is kept as " : "",
                                                replaced ? replaced : "");

    bk_staff_log (G_LOG_LEVEL_INFO, "restore", backup, message);
  }
  if (replaced_path != NULL)
    *replaced_path = g_steal_pointer (&replaced);
  return TRUE;
}
