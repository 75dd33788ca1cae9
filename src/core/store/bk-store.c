/* bk-store.c: the connection, migrations, transactions and statement cache
 *
 * The one owner of the SQLite database. The tables live in files of their
 * own over bk-store-private.h (motions, OParl objects, services,
 * submissions, the check), as Epiphany splits its history service; this
 * file holds what they all share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-store"

#include <errno.h>
#include <unistd.h>
#include <sys/statvfs.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "bk-error.h"
#include "bk-search-tokenizer.h"
#include "bk-store.h"
#include "bk-store-private.h"
#include "bk-store-schema.h"

struct _BkStore
{
  GObject     parent_instance;
  sqlite3    *db;
  char       *path;
  GHashTable *statements;   /* SQL text (owned) → sqlite3_stmt*, prepared once */
  guint       depth;        /* transaction nesting */
  gboolean    failed;       /* a nested step rolled back: the whole transaction will */
  gboolean    read_only;
  gboolean    write_protected;  /* read-only because the file or its disk is */
};

G_DEFINE_FINAL_TYPE (BkStore, bk_store, G_TYPE_OBJECT)

static void
bk_store_finalize (GObject *object)
{
  BkStore *self = BK_STORE (object);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_clear_pointer (&self->path, g_free);
  G_OBJECT_CLASS (bk_store_parent_class)->finalize (object);
}

static void
bk_store_class_init (BkStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bk_store_finalize;
}

static void
finalize_stmt (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
bk_store_init (BkStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_stmt);
}

/* Maps an SQLite failure to a GError that a clerk can act on. */
void
bk_store_set_sqlite_error (BkStore *self,
                           int      rc,
                           GError **error)
{
  const char *where = self->path ? self->path : ":memory:";
  const char *msg = self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, BK_ERROR, BK_ERROR_DATABASE_BUSY,
                   _("%s: the database is locked by another program; try again later (%s)"),
                   where, msg);
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
      g_set_error (error, BK_ERROR, BK_ERROR_READ_ONLY,
                   _("%s: the database cannot be written (%s)"), where, msg);
      break;
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      g_set_error (error, BK_ERROR, BK_ERROR_CORRUPT,
                   _("%s: the file is not a usable Bürgerkiosk database (%s)"), where, msg);
      break;
    case SQLITE_FULL:
      /* Not the input's fault: the same file imports once there is room. */
      g_set_error (error, BK_ERROR, BK_ERROR_DATABASE,
                   _("%s: the disk is full, nothing was stored (%s)"), where, msg);
      break;
    case SQLITE_TOOBIG:
      g_set_error (error, BK_ERROR, BK_ERROR_TOO_LARGE,
                   _("%s: a value is too large to store (%s)"), where, msg);
      break;
    default:
      g_set_error (error, BK_ERROR, BK_ERROR_DATABASE,
                   _("%s: database error: %s"), where, msg);
      break;
    }
}

GPtrArray *
bk_store_collect_rows (BkStore        *self,
                       sqlite3_stmt   *stmt,
                       gpointer      (*from_row) (sqlite3_stmt *stmt),
                       GDestroyNotify  free_func,
                       GError        **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (free_func);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      bk_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

sqlite3_stmt *
bk_store_get_stmt (BkStore    *self,
                   const char *sql,
                   GError    **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      bk_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  /* A copy: some SQL is built per call (bk_store_load_summary), and a key
   * that pointed into the caller's freed string made later lookups miss and
   * prepare the statement again, each copy kept until the store closed
   * (the soak's slow growth). */
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
bk_store_exec (BkStore    *self,
               const char *sql,
               GError    **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      bk_store_set_sqlite_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

/* Runs a prepared statement that returns no rows. */
gboolean
bk_store_step_done (BkStore      *self,
                    sqlite3_stmt *stmt,
                    GError      **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      bk_store_set_sqlite_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

gboolean
bk_store_run_texts (BkStore           *self,
                    const char        *sql,
                    GError           **error,
                    guint              n,
                    const char *const *values)
{
  sqlite3_stmt *stmt;

  if (!bk_store_begin (self, error))
    return FALSE;
  stmt = bk_store_get_stmt (self, sql, error);
  if (stmt == NULL)
    {
      bk_store_rollback (self);
      return FALSE;
    }
  for (guint i = 0; i < n; i++)
    bk_store_bind_text (stmt, (int) i + 1, values[i]);
  if (!bk_store_step_done (self, stmt, error))
    {
      bk_store_rollback (self);
      return FALSE;
    }
  return bk_store_commit (self, error);
}

static int
query_user_version (BkStore *self,
                    GError **error)
{
  sqlite3_stmt *stmt = bk_store_get_stmt (self, "PRAGMA user_version", error);
  int rc, version;

  if (stmt == NULL)
    return -1;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      bk_store_set_sqlite_error (self, rc, error);
      sqlite3_reset (stmt);
      return -1;
    }
  version = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return version;
}

static gboolean
migrate (BkStore *self,
         GError **error)
{
  int version = query_user_version (self, error);

  if (version < 0)
    return FALSE;
  if (version > BK_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_DATABASE_TOO_NEW,
                   _("%s: the database has schema version %d, but this program knows only "
                     "versions up to %d; use a newer Bürgerkiosk or another database"),
                   self->path ? self->path : ":memory:", version, BK_STORE_SCHEMA_VERSION);
      return FALSE;
    }
  if (version < BK_STORE_SCHEMA_VERSION && self->read_only)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_READ_ONLY,
                   _("%s: the database needs an upgrade but is opened read-only"),
                   self->path);
      return FALSE;
    }

  for (int v = version; v < BK_STORE_SCHEMA_VERSION; v++)
    {
      g_autofree char *pragma = g_strdup_printf ("PRAGMA user_version = %d", v + 1);

      /* Each step in its own transaction, so a failed step leaves the previous version. */
      if (!bk_store_exec (self, "BEGIN IMMEDIATE", error))
        return FALSE;
      if (!bk_store_exec (self, bk_store_migrations[v], error) ||
          !bk_store_exec (self, pragma, error) ||
          !bk_store_exec (self, "COMMIT", error))
        {
          sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
      g_debug ("migrated %s to schema version %d", self->path ? self->path : ":memory:", v + 1);
    }
  return TRUE;
}

/* How a database that this process may not write is opened: a file without
 * write permission read-only (SQLite still keeps its -shm beside it), one on
 * a read-only mount as immutable, since nothing can change it there and
 * SQLite could not create the -shm a WAL database needs. */
typedef enum {
  WRITABLE,
  NO_PERMISSION,
  READ_ONLY_MOUNT,
} Writability;

static Writability
query_writability (const char *path)
{
  struct statvfs fs;

  if (!g_file_test (path, G_FILE_TEST_EXISTS) || g_access (path, W_OK) == 0)
    return WRITABLE;
  if (errno == EROFS || (statvfs (path, &fs) == 0 && (fs.f_flag & ST_RDONLY) != 0))
    return READ_ONLY_MOUNT;
  return NO_PERMISSION;
}

static char *
dup_open_name (const char  *path,
               Writability  writability)
{
  g_autofree char *absolute = NULL;
  g_autofree char *uri = NULL;

  if (path == NULL)
    return g_strdup (":memory:");
  if (writability != READ_ONLY_MOUNT)
    return g_strdup (path);
  absolute = g_canonicalize_filename (path, NULL);
  uri = g_filename_to_uri (absolute, NULL, NULL);
  return uri ? g_strconcat (uri, "?immutable=1", NULL) : g_strdup (path);
}

BkStore *
bk_store_open (const char       *path,
               BkStoreOpenFlags  flags,
               GError          **error)
{
  g_autoptr(BkStore) self = g_object_new (BK_TYPE_STORE, NULL);
  g_autofree char *open_name = NULL;
  gboolean read_only = (flags & BK_STORE_OPEN_READ_ONLY) != 0;
  gboolean created = FALSE;
  Writability writability = path ? query_writability (path) : WRITABLE;
  int open_flags;
  int rc;

  G_STATIC_ASSERT (G_N_ELEMENTS (bk_store_migrations) == BK_STORE_SCHEMA_VERSION);

  /* Recognised before SQLite opens it: opened for writing, SQLite would fall
   * back to reading silently, and the first Send would fail. */
  if (writability != WRITABLE)
    {
      read_only = TRUE;
      self->write_protected = TRUE;
    }
  self->read_only = read_only;
  self->path = g_strdup (path);
  if (path != NULL && !read_only)
    {
      g_autofree char *dir = g_path_get_dirname (path);

      created = !g_file_test (path, G_FILE_TEST_EXISTS);
      /* A mistyped --db must not leave new folders behind: only the default
       * location is created (bk_demo_prepare_default_db_path ()). */
      if (created && !g_file_test (dir, G_FILE_TEST_IS_DIR))
        {
          g_set_error (error, BK_ERROR, BK_ERROR_NOT_FOUND,
                       _("%s: the folder for the database does not exist"), path);
          return NULL;
        }
    }

  open_flags = read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  open_flags |= SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI;
  open_name = dup_open_name (path, writability);
  rc = sqlite3_open_v2 (open_name, &self->db, open_flags, NULL);
  if (rc != SQLITE_OK)
    {
      bk_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, 1);
  rc = bk_search_tokenizer_register (self->db);
  if (rc != SQLITE_OK)
    {
      bk_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  sqlite3_busy_timeout (self->db, BK_STORE_BUSY_TIMEOUT_MS);

  /* Only the owner may read the database: it will hold citizens' requests. */
  if (created)
    g_chmod (path, 0600);

  /* Large pages: far fewer writes on bulk imports; only takes effect on a new file. */
  if (created && !bk_store_exec (self, "PRAGMA page_size = 16384", error))
    return NULL;
  /* Savepoint and statement journals in memory: on disk they cost one write
   * per changed page of every saved motion. */
  if (!bk_store_exec (self, "PRAGMA foreign_keys = ON", error) ||
      !bk_store_exec (self, "PRAGMA temp_store = MEMORY", error))
    return NULL;
  if (path != NULL && !read_only)
    {
      if (!bk_store_exec (self, "PRAGMA journal_mode = WAL", error) ||
          !bk_store_exec (self, "PRAGMA synchronous = FULL", error))
        return NULL;
    }
  if (!migrate (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

BkStore *
bk_store_copy_to_memory (BkStore *self,
                         GError **error)
{
  g_autoptr(BkStore) copy = g_object_new (BK_TYPE_STORE, NULL);
  g_autofree char *page_size = NULL;
  sqlite3_backup *backup;
  int rc;

  g_return_val_if_fail (BK_IS_STORE (self), NULL);

  copy->path = g_strdup (self->path);
  rc = sqlite3_open_v2 (":memory:", &copy->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc == SQLITE_OK)
    rc = bk_search_tokenizer_register (copy->db);
  if (rc != SQLITE_OK)
    {
      bk_store_set_sqlite_error (copy, rc, error);
      return NULL;
    }
  /* An in-memory database cannot change its page size once written to. */
  page_size = g_strdup_printf ("PRAGMA page_size = %" G_GINT64_FORMAT,
                               bk_store_query_int (self, "PRAGMA page_size", NULL));
  if (!bk_store_exec (copy, page_size, error))
    return NULL;
  backup = sqlite3_backup_init (copy->db, "main", self->db, "main");
  if (backup == NULL)
    {
      bk_store_set_sqlite_error (copy, sqlite3_errcode (copy->db), error);
      return NULL;
    }
  rc = sqlite3_backup_step (backup, -1);
  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    {
      bk_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  if (!bk_store_exec (copy, "PRAGMA foreign_keys = ON", error))
    return NULL;
  return g_steal_pointer (&copy);
}

const char *
bk_store_get_path (BkStore *self)
{
  g_return_val_if_fail (BK_IS_STORE (self), NULL);
  return self->path;
}

void
bk_store_set_read_only (BkStore *self)
{
  g_return_if_fail (BK_IS_STORE (self));
  self->read_only = TRUE;
}

gboolean
bk_store_is_read_only (BkStore *self)
{
  g_return_val_if_fail (BK_IS_STORE (self), TRUE);
  return self->read_only;
}

gboolean
bk_store_is_write_protected (BkStore *self)
{
  g_return_val_if_fail (BK_IS_STORE (self), FALSE);
  return self->write_protected;
}

int
bk_store_get_schema_version (BkStore *self)
{
  g_return_val_if_fail (BK_IS_STORE (self), -1);
  return query_user_version (self, NULL);
}

gint64
bk_store_query_int (BkStore    *self,
                    const char *sql,
                    const char *arg)
{
  sqlite3_stmt *stmt = bk_store_get_stmt (self, sql, NULL);
  gint64 value = 0;

  if (stmt == NULL)
    return 0;
  if (arg != NULL)
    bk_store_bind_text (stmt, 1, arg);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return value;
}

gboolean
bk_store_is_empty (BkStore *self)
{
  g_return_val_if_fail (BK_IS_STORE (self), TRUE);
  return bk_store_query_int (self, "SELECT (SELECT count(*) FROM paper) + (SELECT count(*) FROM body)"
                          " + (SELECT count(*) FROM service)", NULL) == 0;
}

/* Nested transactions are counted, not nested in SQLite: a SAVEPOINT per saved
 * motion made FTS5 flush its pending index data each time (one segment per
 * motion), which tripled the cost of a bulk import. A failure inside marks
 * the whole transaction failed instead; its outermost commit rolls back. */
gboolean
bk_store_begin (BkStore *self,
                GError **error)
{
  g_return_val_if_fail (BK_IS_STORE (self), FALSE);
  if (self->read_only)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_READ_ONLY,
                   _("%s: the database is open read-only"),
                   self->path ? self->path : ":memory:");
      return FALSE;
    }
  if (self->depth == 0)
    {
      if (!bk_store_exec (self, "BEGIN IMMEDIATE", error))
        return FALSE;
      self->failed = FALSE;
    }
  self->depth++;
  return TRUE;
}

gboolean
bk_store_commit (BkStore *self,
                 GError **error)
{
  g_return_val_if_fail (BK_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);
  if (self->depth > 1)
    {
      self->depth--;
      return TRUE;
    }
  if (self->failed)
    {
      bk_store_rollback (self);
      g_set_error (error, BK_ERROR, BK_ERROR_DATABASE,
                   _("%s: nothing was saved, because a step before failed"),
                   self->path ? self->path : ":memory:");
      return FALSE;
    }
  if (!bk_store_exec (self, "COMMIT", error))
    {
      bk_store_rollback (self);
      return FALSE;
    }
  self->depth = 0;
  return TRUE;
}

void
bk_store_rollback (BkStore *self)
{
  g_return_if_fail (BK_IS_STORE (self));
  if (self->depth == 0)
    return;
  if (self->depth > 1)
    {
      self->failed = TRUE;
      self->depth--;
      return;
    }
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  self->depth = 0;
  self->failed = FALSE;
}

/* --- for the other bk-store-*.c files (bk-store-private.h) ------------ */

sqlite3 *
bk_store_get_db (BkStore *self)
{
  return self->db;
}

gboolean
bk_store_in_transaction (BkStore *self)
{
  return self->depth > 0;
}

guint
bk_store_check_rows (BkStore    *self,
                     const char *sql,
                     GString    *report,
                     const char *prefix)
{
  sqlite3_stmt *stmt;
  guint n = 0;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      g_string_append_printf (report, "%s: %s\n", prefix, sqlite3_errmsg (self->db));
      return 1;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *text = (const char *) sqlite3_column_text (stmt, 0);

      if (g_strcmp0 (text, "ok") == 0)
        continue;
      g_string_append_printf (report, "%s: %s\n", prefix, text ? text : "?");
      n++;
    }
  if (rc != SQLITE_DONE)
    {
      g_string_append_printf (report, "%s: %s\n", prefix, sqlite3_errmsg (self->db));
      n++;
    }
  sqlite3_finalize (stmt);
  return n;
}
