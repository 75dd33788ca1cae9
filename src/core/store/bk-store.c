#define G_LOG_DOMAIN "bk-store"

#include <stdlib.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "bk-error.h"
#include "bk-fold.h"
#include "bk-search-tokenizer.h"
#include "bk-store.h"
#include "bk-store-private.h"
#include "bk-store-schema.h"

#define bind_text bk_store_bind_text
#define column_dup bk_store_column_dup

struct _BkStore
{
  GObject     parent_instance;
  sqlite3    *db;
  char       *path;
  GHashTable *statements;   /* SQL text → sqlite3_stmt*, prepared once */
  guint       depth;        /* transaction nesting */
  gboolean    failed;       /* a nested step rolled back: the whole transaction will */
  gboolean    read_only;
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
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, finalize_stmt);
}

void
bk_motion_summary_free (BkMotionSummary *summary)
{
  if (summary == NULL)
    return;
  g_free (summary->subject);
  g_free (summary->submitters);
  g_free (summary->date);
  g_free (summary->reference);
  g_free (summary->body);
  g_free (summary->next_committee);
  g_free (summary->next_date);
  g_free (summary);
}

/* Maps an SQLite failure to a GError that a clerk can act on. */
static void
set_sqlite_error (BkStore *self, int rc, GError **error)
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

static sqlite3_stmt *
get_stmt (BkStore *self, const char *sql, GError **error)
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
      set_sqlite_error (self, rc, error);
      return NULL;
    }
  /* The key is the caller's string literal, which lives as long as the program. */
  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

static gboolean
exec_sql (BkStore *self, const char *sql, GError **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      set_sqlite_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

/* Runs a prepared statement that returns no rows. */
static gboolean
step_done (BkStore *self, sqlite3_stmt *stmt, GError **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      set_sqlite_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

static void
bind_tristate (sqlite3_stmt *stmt, int index, BkTristate value)
{
  if (value == BK_TRISTATE_UNKNOWN)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int (stmt, index, value == BK_TRISTATE_YES);
}

static BkTristate
column_tristate (sqlite3_stmt *stmt, int column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return BK_TRISTATE_UNKNOWN;
  return sqlite3_column_int (stmt, column) ? BK_TRISTATE_YES : BK_TRISTATE_NO;
}

static int
query_user_version (BkStore *self, GError **error)
{
  sqlite3_stmt *stmt = get_stmt (self, "PRAGMA user_version", error);
  int rc, version;

  if (stmt == NULL)
    return -1;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      set_sqlite_error (self, rc, error);
      sqlite3_reset (stmt);
      return -1;
    }
  version = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return version;
}

static gboolean
migrate (BkStore *self, GError **error)
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
      if (!exec_sql (self, "BEGIN IMMEDIATE", error))
        return FALSE;
      if (!exec_sql (self, bk_store_migrations[v], error) ||
          !exec_sql (self, pragma, error) ||
          !exec_sql (self, "COMMIT", error))
        {
          sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
      g_debug ("migrated %s to schema version %d", self->path ? self->path : ":memory:", v + 1);
    }
  return TRUE;
}

BkStore *
bk_store_open (const char *path, BkStoreOpenFlags flags, GError **error)
{
  g_autoptr(BkStore) self = g_object_new (BK_TYPE_STORE, NULL);
  gboolean read_only = (flags & BK_STORE_OPEN_READ_ONLY) != 0;
  gboolean created = FALSE;
  int open_flags;
  int rc;

  G_STATIC_ASSERT (G_N_ELEMENTS (bk_store_migrations) == BK_STORE_SCHEMA_VERSION);

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
  open_flags |= SQLITE_OPEN_NOMUTEX;
  rc = sqlite3_open_v2 (path ? path : ":memory:", &self->db, open_flags, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (self, rc, error);
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, 1);
  rc = bk_search_tokenizer_register (self->db);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (self, rc, error);
      return NULL;
    }
  sqlite3_busy_timeout (self->db, 1500);

  /* Only the owner may read the database: it will hold citizens' requests. */
  if (created)
    g_chmod (path, 0600);

  /* Large pages: far fewer writes on bulk imports; only takes effect on a new file. */
  if (created && !exec_sql (self, "PRAGMA page_size = 16384", error))
    return NULL;
  /* Savepoint and statement journals in memory: on disk they cost one write
   * per changed page of every saved motion. */
  if (!exec_sql (self, "PRAGMA foreign_keys = ON", error) ||
      !exec_sql (self, "PRAGMA temp_store = MEMORY", error))
    return NULL;
  if (path != NULL && !read_only)
    {
      if (!exec_sql (self, "PRAGMA journal_mode = WAL", error) ||
          !exec_sql (self, "PRAGMA synchronous = FULL", error))
        return NULL;
    }
  if (!migrate (self, error))
    return NULL;
  return g_steal_pointer (&self);
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

int
bk_store_get_schema_version (BkStore *self)
{
  g_return_val_if_fail (BK_IS_STORE (self), -1);
  return query_user_version (self, NULL);
}

static gint64
query_int (BkStore *self, const char *sql, const char *arg)
{
  sqlite3_stmt *stmt = get_stmt (self, sql, NULL);
  gint64 value = 0;

  if (stmt == NULL)
    return 0;
  if (arg != NULL)
    bind_text (stmt, 1, arg);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return value;
}

gboolean
bk_store_is_empty (BkStore *self)
{
  g_return_val_if_fail (BK_IS_STORE (self), TRUE);
  return query_int (self, "SELECT (SELECT count(*) FROM paper) + (SELECT count(*) FROM body)"
                          " + (SELECT count(*) FROM service)", NULL) == 0;
}

guint
bk_store_count_motions (BkStore *self)
{
  g_return_val_if_fail (BK_IS_STORE (self), 0);
  return (guint) query_int (self, "SELECT count(*) FROM paper", NULL);
}

/* Nested transactions are counted, not nested in SQLite: a SAVEPOINT per saved
 * motion made FTS5 flush its pending index data each time (one segment per
 * motion), which tripled the cost of a bulk import. A failure inside marks
 * the whole transaction failed instead; its outermost commit rolls back. */
gboolean
bk_store_begin (BkStore *self, GError **error)
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
      if (!exec_sql (self, "BEGIN IMMEDIATE", error))
        return FALSE;
      self->failed = FALSE;
    }
  self->depth++;
  return TRUE;
}

gboolean
bk_store_commit (BkStore *self, GError **error)
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
  if (!exec_sql (self, "COMMIT", error))
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

/* --- motions --------------------------------------------------------- */

static gint64
find_existing (BkStore *self, const BkMotion *motion)
{
  if (motion->id > 0)
    {
      sqlite3_stmt *stmt = get_stmt (self, "SELECT id FROM paper WHERE id = ?1", NULL);
      gint64 id = 0;

      if (stmt != NULL)
        {
          sqlite3_bind_int64 (stmt, 1, motion->id);
          if (sqlite3_step (stmt) == SQLITE_ROW)
            id = sqlite3_column_int64 (stmt, 0);
          sqlite3_reset (stmt);
        }
      if (id != 0)
        return id;
    }
  if (motion->oparl_id != NULL)
    return query_int (self, "SELECT id FROM paper WHERE oparl_id = ?1", motion->oparl_id);
  if (motion->reference != NULL && *motion->reference != '\0')
    {
      sqlite3_stmt *stmt = get_stmt (self,
                                     /* "+": the unique index on oparl_id would
                                      * walk every text-imported motion */
                                     "SELECT id FROM paper WHERE +oparl_id IS NULL"
                                     " AND reference = ?1 AND body IS ?2", NULL);
      gint64 id = 0;

      if (stmt == NULL)
        return 0;
      bind_text (stmt, 1, motion->reference);
      bind_text (stmt, 2, motion->body);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        id = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      return id;
    }
  return 0;
}

static gboolean
delete_children (BkStore *self, gint64 id, GError **error)
{
  static const char *const sql[] = {
    "DELETE FROM paper_party WHERE paper_id = ?1",
    "DELETE FROM consultation WHERE paper_id = ?1",
    "DELETE FROM resolution_point WHERE paper_id = ?1",
    "DELETE FROM paper_reference WHERE paper_id = ?1",
    "DELETE FROM paper_file WHERE paper_id = ?1",
    "DELETE FROM paper_fts WHERE rowid = ?1",
    "DELETE FROM paper_head_fts WHERE rowid = ?1",
  };

  for (guint i = 0; i < G_N_ELEMENTS (sql); i++)
    {
      sqlite3_stmt *stmt = get_stmt (self, sql[i], error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      if (!step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
insert_parties (BkStore *self, gint64 id, const char *role, GPtrArray *parties, GError **error)
{
  for (guint i = 0; i < parties->len; i++)
    {
      const BkParty *p = g_ptr_array_index (parties, i);
      sqlite3_stmt *stmt = get_stmt (self,
                                     "INSERT INTO paper_party (paper_id, role, position, name,"
                                     " kind, party_role) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      bind_text (stmt, 2, role);
      sqlite3_bind_int (stmt, 3, i);
      bind_text (stmt, 4, p->name ? p->name : "");
      bind_text (stmt, 5, bk_party_kind_to_string (p->kind));
      bind_text (stmt, 6, p->role);
      if (!step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* One row of a motion's parts: ?1 the motion, ?2 the position, then the texts
 * from ?3 on; a second position (sub-points) goes after the texts. */
static gboolean
insert_part (BkStore *self, const char *sql, gint64 id, int position, int subposition,
             const char *const *texts, guint n_texts, GError **error)
{
  sqlite3_stmt *stmt = get_stmt (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int (stmt, 2, position);
  for (guint i = 0; i < n_texts; i++)
    bind_text (stmt, 3 + (int) i, texts[i]);
  if (subposition >= 0)
    sqlite3_bind_int (stmt, 3 + (int) n_texts, subposition);
  return step_done (self, stmt, error);
}

static gboolean
insert_children (BkStore *self, gint64 id, const BkMotion *motion, GError **error)
{
  sqlite3_stmt *stmt;

  if (!insert_parties (self, id, "submitter", motion->submitters, error) ||
      !insert_parties (self, id, "signatory", motion->signatories, error))
    return FALSE;

  for (guint i = 0; i < motion->consultations->len; i++)
    {
      const BkConsultation *c = g_ptr_array_index (motion->consultations, i);

      stmt = get_stmt (self,
                       "INSERT INTO consultation (paper_id, position, oparl_id, committee, date,"
                       " role, public, authoritative, meeting_name, meeting_oparl_id)"
                       " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int (stmt, 2, i);
      bind_text (stmt, 3, c->oparl_id);
      bind_text (stmt, 4, c->committee);
      bind_text (stmt, 5, c->date);
      bind_text (stmt, 6, c->role);
      bind_tristate (stmt, 7, c->is_public);
      bind_tristate (stmt, 8, c->authoritative);
      bind_text (stmt, 9, c->meeting_name);
      bind_text (stmt, 10, c->meeting_oparl_id);
      if (!step_done (self, stmt, error))
        return FALSE;
    }

  for (guint i = 0; i < motion->resolution_points->len; i++)
    {
      const BkResolutionPoint *p = g_ptr_array_index (motion->resolution_points, i);
      const char *point[] = { p->text ? p->text : "" };

      if (!insert_part (self, "INSERT INTO resolution_point (paper_id, position, text)"
                              " VALUES (?1, ?2, ?3)", id, i, -1, point, 1, error))
        return FALSE;
      for (guint j = 0; j < p->subpoints->len; j++)
        {
          const char *sub[] = { g_ptr_array_index (p->subpoints, j) };

          if (!insert_part (self, "INSERT INTO resolution_subpoint (paper_id, point_position,"
                                  " position, text) VALUES (?1, ?2, ?4, ?3)", id, i, j, sub, 1, error))
            return FALSE;
        }
    }

  for (guint i = 0; i < motion->related_references->len; i++)
    {
      const char *reference[] = { g_ptr_array_index (motion->related_references, i) };

      if (!insert_part (self, "INSERT INTO paper_reference (paper_id, position, reference)"
                              " VALUES (?1, ?2, ?3)", id, i, -1, reference, 1, error))
        return FALSE;
    }

  for (guint i = 0; i < motion->files->len; i++)
    {
      const BkFile *f = g_ptr_array_index (motion->files, i);
      const char *file[] = { f->oparl_id, f->name, f->access_url, f->mime_type };

      if (!insert_part (self, "INSERT INTO paper_file (paper_id, position, oparl_id, name,"
                              " access_url, mime_type) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                        id, i, -1, file, G_N_ELEMENTS (file), error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
index_motion (BkStore *self, gint64 id, const BkMotion *motion, GError **error)
{
  g_autofree char *resolution = bk_motion_dup_resolution_text (motion);
  g_autofree char *submitters = bk_motion_dup_submitter_names (motion);
  g_autofree char *f_subject = bk_fold_for_search (motion->subject);
  g_autofree char *f_resolution = bk_fold_for_search (resolution);
  g_autofree char *f_justification = bk_fold_for_search (motion->justification);
  g_autofree char *f_submitters = NULL;
  sqlite3_stmt *stmt;
  g_autoptr(GString) parties = g_string_new (submitters);

  /* Signatories are found by name too ("Müller" finds her motions). */
  for (guint i = 0; i < motion->signatories->len; i++)
    {
      const BkParty *p = g_ptr_array_index (motion->signatories, i);

      g_string_append_printf (parties, " %s", p->name);
    }
  f_submitters = bk_fold_for_search (parties->str);

  stmt = get_stmt (self, "INSERT INTO paper_fts (rowid, subject, resolution, justification,"
                         " submitters) VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  bind_text (stmt, 2, f_subject);
  bind_text (stmt, 3, f_resolution);
  bind_text (stmt, 4, f_justification);
  bind_text (stmt, 5, f_submitters);
  if (!step_done (self, stmt, error))
    return FALSE;

  stmt = get_stmt (self, "INSERT INTO paper_head_fts (rowid, subject, submitters)"
                         " VALUES (?1, ?2, ?3)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  bind_text (stmt, 2, f_subject);
  bind_text (stmt, 3, f_submitters);
  return step_done (self, stmt, error);
}

static gboolean
save_motion_row (BkStore *self, BkMotion *motion, GError **error)
{
  g_autofree char *submitters = bk_motion_dup_submitter_names (motion);
  gint64 id = find_existing (self, motion);
  sqlite3_stmt *stmt;

  if (id != 0)
    {
      if (!delete_children (self, id, error))
        return FALSE;
      stmt = get_stmt (self,
                       "UPDATE paper SET oparl_id = ?2, subject = ?3, body = ?4, type = ?5,"
                       " reference = ?6, date = ?7, public = ?8, addressee = ?9,"
                       " justification = ?10, easy_summary = ?11, source = ?12,"
                       " submitter_names = ?13 WHERE id = ?1", error);
    }
  else
    {
      stmt = get_stmt (self,
                       "INSERT INTO paper (id, oparl_id, subject, body, type, reference, date,"
                       " public, addressee, justification, easy_summary, source,"
                       " submitter_names)"
                       " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)", error);
    }
  if (stmt == NULL)
    return FALSE;
  if (id != 0)
    sqlite3_bind_int64 (stmt, 1, id);
  else
    sqlite3_bind_null (stmt, 1);
  bind_text (stmt, 2, motion->oparl_id);
  bind_text (stmt, 3, motion->subject);
  bind_text (stmt, 4, motion->body);
  bind_text (stmt, 5, motion->type);
  bind_text (stmt, 6, motion->reference);
  bind_text (stmt, 7, motion->date);
  bind_tristate (stmt, 8, motion->is_public);
  bind_text (stmt, 9, motion->addressee);
  bind_text (stmt, 10, motion->justification);
  bind_text (stmt, 11, motion->easy_summary);
  bind_text (stmt, 12, motion->source);
  bind_text (stmt, 13, submitters);
  if (!step_done (self, stmt, error))
    return FALSE;
  if (id == 0)
    id = sqlite3_last_insert_rowid (self->db);

  if (!insert_children (self, id, motion, error) ||
      !index_motion (self, id, motion, error))
    return FALSE;
  motion->id = id;
  return TRUE;
}

gboolean
bk_store_save_motion (BkStore *self, BkMotion *motion, GError **error)
{
  g_return_val_if_fail (BK_IS_STORE (self), FALSE);
  g_return_val_if_fail (motion != NULL, FALSE);

  if (!bk_store_begin (self, error))
    return FALSE;
  if (!save_motion_row (self, motion, error))
    {
      bk_store_rollback (self);
      return FALSE;
    }
  return bk_store_commit (self, error);
}

static void
load_parties (BkStore *self, BkMotion *motion, const char *role, GPtrArray *into)
{
  sqlite3_stmt *stmt = get_stmt (self, "SELECT name, kind, party_role FROM paper_party"
                                       " WHERE paper_id = ?1 AND role = ?2 ORDER BY position",
                                 NULL);

  if (stmt == NULL)
    return;
  sqlite3_bind_int64 (stmt, 1, motion->id);
  bind_text (stmt, 2, role);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      BkPartyKind kind = BK_PARTY_ORGANIZATION;
      BkParty *p;

      bk_party_kind_from_string ((const char *) sqlite3_column_text (stmt, 1), &kind);
      p = into == motion->submitters
            ? bk_motion_add_submitter (motion, (const char *) sqlite3_column_text (stmt, 0), kind)
            : bk_motion_add_signatory (motion, (const char *) sqlite3_column_text (stmt, 0), kind);
      p->role = column_dup (stmt, 2);
    }
  sqlite3_reset (stmt);
}

/* Steps to the row of motion id; a missing motion is BK_ERROR_NOT_FOUND. */
static gboolean
step_motion_row (BkStore *self, sqlite3_stmt *stmt, gint64 id, GError **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc == SQLITE_DONE)
    g_set_error (error, BK_ERROR, BK_ERROR_NOT_FOUND,
                 _("There is no motion with the number %lld"), (long long) id);
  else
    set_sqlite_error (self, rc, error);
  sqlite3_reset (stmt);
  return FALSE;
}

BkMotion *
bk_store_load_motion (BkStore *self, gint64 id, GError **error)
{
  g_autoptr(BkMotion) motion = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BK_IS_STORE (self), NULL);

  stmt = get_stmt (self, "SELECT oparl_id, subject, body, type, reference, date, public,"
                         " addressee, justification, easy_summary, source"
                         " FROM paper WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!step_motion_row (self, stmt, id, error))
    return NULL;
  motion = bk_motion_new ();
  motion->id = id;
  motion->oparl_id = column_dup (stmt, 0);
  motion->subject = column_dup (stmt, 1);
  motion->body = column_dup (stmt, 2);
  motion->type = column_dup (stmt, 3);
  motion->reference = column_dup (stmt, 4);
  motion->date = column_dup (stmt, 5);
  motion->is_public = column_tristate (stmt, 6);
  motion->addressee = column_dup (stmt, 7);
  motion->justification = column_dup (stmt, 8);
  motion->easy_summary = column_dup (stmt, 9);
  motion->source = column_dup (stmt, 10);
  sqlite3_reset (stmt);

  load_parties (self, motion, "submitter", motion->submitters);
  load_parties (self, motion, "signatory", motion->signatories);

  stmt = get_stmt (self, "SELECT committee, date, role, public, authoritative, meeting_name,"
                         " oparl_id, meeting_oparl_id FROM consultation WHERE paper_id = ?1"
                         " ORDER BY position", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      BkConsultation *c = bk_motion_add_consultation (motion,
                                                      (const char *) sqlite3_column_text (stmt, 0),
                                                      (const char *) sqlite3_column_text (stmt, 1),
                                                      (const char *) sqlite3_column_text (stmt, 2),
                                                      column_tristate (stmt, 3));
      c->authoritative = column_tristate (stmt, 4);
      c->meeting_name = column_dup (stmt, 5);
      c->oparl_id = column_dup (stmt, 6);
      c->meeting_oparl_id = column_dup (stmt, 7);
    }
  sqlite3_reset (stmt);

  stmt = get_stmt (self, "SELECT p.position, p.text, s.text FROM resolution_point p"
                         " LEFT JOIN resolution_subpoint s ON s.paper_id = p.paper_id"
                         "  AND s.point_position = p.position"
                         " WHERE p.paper_id = ?1 ORDER BY p.position, s.position", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  {
    BkResolutionPoint *point = NULL;
    int last = -1;

    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        int position = sqlite3_column_int (stmt, 0);

        if (position != last)
          {
            point = bk_motion_add_point (motion, (const char *) sqlite3_column_text (stmt, 1));
            last = position;
          }
        if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
          bk_resolution_point_add_subpoint (point, (const char *) sqlite3_column_text (stmt, 2));
      }
  }
  sqlite3_reset (stmt);

  stmt = get_stmt (self, "SELECT reference FROM paper_reference WHERE paper_id = ?1"
                         " ORDER BY position", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    bk_motion_add_reference (motion, (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  stmt = get_stmt (self, "SELECT name, access_url, mime_type, oparl_id FROM paper_file"
                         " WHERE paper_id = ?1 ORDER BY position", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      BkFile *f = bk_motion_add_file (motion, (const char *) sqlite3_column_text (stmt, 0),
                                      (const char *) sqlite3_column_text (stmt, 1),
                                      (const char *) sqlite3_column_text (stmt, 2));
      f->oparl_id = column_dup (stmt, 3);
    }
  sqlite3_reset (stmt);

  return g_steal_pointer (&motion);
}

static char *
dup_today (const char *today)
{
  g_autoptr(GDateTime) now = NULL;

  if (today != NULL)
    return g_strdup (today);
  now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d");
}

BkMotionSummary *
bk_store_load_summary (BkStore *self, gint64 id, GError **error)
{
  g_autoptr(BkMotionSummary) summary = NULL;
  g_autofree char *today = dup_today (NULL);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BK_IS_STORE (self), NULL);

  stmt = get_stmt (self,
                   "SELECT p.subject, p.submitter_names, p.date, p.reference, p.body,"
                   " (SELECT committee FROM consultation c WHERE c.paper_id = p.id"
                   "   AND c.date >= ?2 ORDER BY c.date, c.position LIMIT 1),"
                   " (SELECT date FROM consultation c WHERE c.paper_id = p.id"
                   "   AND c.date >= ?2 ORDER BY c.date, c.position LIMIT 1)"
                   " FROM paper p WHERE p.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  bind_text (stmt, 2, today);
  if (!step_motion_row (self, stmt, id, error))
    return NULL;
  summary = g_new0 (BkMotionSummary, 1);
  summary->id = id;
  summary->subject = column_dup (stmt, 0);
  summary->submitters = column_dup (stmt, 1);
  summary->date = column_dup (stmt, 2);
  summary->reference = column_dup (stmt, 3);
  summary->body = column_dup (stmt, 4);
  summary->next_committee = column_dup (stmt, 5);
  summary->next_date = column_dup (stmt, 6);
  sqlite3_reset (stmt);
  return g_steal_pointer (&summary);
}

gint64
bk_store_find_motion_by_reference (BkStore *self, const char *reference)
{
  g_return_val_if_fail (BK_IS_STORE (self), 0);
  if (reference == NULL || *reference == '\0')
    return 0;
  return query_int (self, "SELECT id FROM paper WHERE reference = ?1 ORDER BY id LIMIT 1",
                    reference);
}

static gboolean
delete_paper (BkStore *self, gint64 id, GError **error)
{
  sqlite3_stmt *stmt;

  if (!delete_children (self, id, error))
    return FALSE;
  stmt = get_stmt (self, "DELETE FROM paper WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return step_done (self, stmt, error);
}

gboolean
bk_store_delete_motion (BkStore *self, gint64 id, GError **error)
{
  g_return_val_if_fail (BK_IS_STORE (self), FALSE);
  if (!bk_store_begin (self, error))
    return FALSE;
  if (!delete_paper (self, id, error))
    {
      bk_store_rollback (self);
      return FALSE;
    }
  return bk_store_commit (self, error);
}

/* --- listing and search ---------------------------------------------- */

/* Appends the filter's conditions on table alias p, as named parameters. */
static void
append_filter_sql (GString *sql, const BkMotionFilter *filter)
{
  if (filter == NULL)
    return;
  if (filter->body != NULL)
    g_string_append (sql, " AND p.body = :body");
  if (filter->faction != NULL)
    g_string_append (sql, " AND EXISTS (SELECT 1 FROM paper_party pp WHERE pp.paper_id = p.id"
                          " AND pp.role = 'submitter' AND pp.name = :faction)");
  if (filter->status == BK_MOTION_STATUS_UPCOMING)
    g_string_append (sql, " AND EXISTS (SELECT 1 FROM consultation c WHERE c.paper_id = p.id"
                          " AND c.date >= :today)");
  else if (filter->status == BK_MOTION_STATUS_DECIDED)
    g_string_append (sql, " AND EXISTS (SELECT 1 FROM consultation c WHERE c.paper_id = p.id)"
                          " AND NOT EXISTS (SELECT 1 FROM consultation c WHERE c.paper_id = p.id"
                          " AND (c.date IS NULL OR c.date >= :today))");
}

static void
bind_filter (sqlite3_stmt *stmt, const BkMotionFilter *filter, const char *today)
{
  int index;

  if (filter == NULL)
    return;
  if ((index = sqlite3_bind_parameter_index (stmt, ":body")) > 0)
    bind_text (stmt, index, filter->body);
  if ((index = sqlite3_bind_parameter_index (stmt, ":faction")) > 0)
    bind_text (stmt, index, filter->faction);
  if ((index = sqlite3_bind_parameter_index (stmt, ":today")) > 0)
    bind_text (stmt, index, today);
}

/* Filtered statements vary in shape, so they are prepared per call rather than
 * cached; the unfiltered list, the common case, uses the cache. */
static GArray *
collect_ids (BkStore *self, const char *sql, const char *match, const BkMotionFilter *filter,
             guint limit, GError **error)
{
  g_autofree char *today = dup_today (filter ? filter->today : NULL);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = NULL;
  int rc, index;

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (self, rc, error);
      return NULL;
    }
  bind_filter (stmt, filter, today);
  if ((index = sqlite3_bind_parameter_index (stmt, ":match")) > 0)
    bind_text (stmt, index, match);
  if ((index = sqlite3_bind_parameter_index (stmt, ":limit")) > 0)
    sqlite3_bind_int64 (stmt, index, limit > 0 ? (gint64) limit : -1);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

GArray *
bk_store_list_motion_ids (BkStore *self, const BkMotionFilter *filter, GError **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT p.id FROM paper p WHERE 1");

  g_return_val_if_fail (BK_IS_STORE (self), NULL);
  append_filter_sql (sql, filter);
  g_string_append (sql, " ORDER BY p.date DESC, p.id DESC");
  return collect_ids (self, sql->str, NULL, filter, 0, error);
}

/* Builds an FTS5 expression from what the citizen typed: every word of three
 * or more characters must occur, as a word start or a part of a word.
 * Returns NULL when no word is long enough for the index. */
static char *
build_match (const char *query, GPtrArray *short_terms)
{
  g_autofree char *folded = bk_fold_for_search (query);
  g_auto(GStrv) words = g_strsplit (folded, " ", -1);
  g_autoptr(GString) match = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (*words[i] == '\0')
        continue;
      if (g_utf8_strlen (words[i], -1) < 3)
        {
          g_ptr_array_add (short_terms, g_strdup (words[i]));
          continue;
        }
      if (match->len > 0)
        g_string_append (match, " AND ");
      /* Folded words hold only letters, digits and spaces, so quoting is safe;
       * the star makes it a prefix query (the word while it is being typed,
       * and with the indexed endings, any part of a compound word). */
      g_string_append_printf (match, "\"%s\" *", words[i]);
    }
  return match->len > 0 ? g_string_free (g_steal_pointer (&match), FALSE) : NULL;
}

/* Ranking in two tiers: every word in the subject or the submitters first
 * (a small index of its own), then anywhere; within a tier the newest first.
 * Each tier walks its index in row order and stops at the limit, so a query
 * costs about the same however many motions match; bm25 would score every
 * match first (70 ms for a common word at 100 000 motions, see bench/README.md). */
G_STATIC_ASSERT (sizeof (gpointer) >= sizeof (gint64));

static GArray *
search_tiers (BkStore *self, const char *match, const BkMotionFilter *filter, guint limit,
              GError **error)
{
  static const char *const tables[] = { "paper_head_fts", "paper_fts" };
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  /* row ids are positive and below 2^63, so they fit in a pointer on the 64-bit
   * machines the kiosk runs on (asserted above) */
  g_autoptr(GHashTable) seen = g_hash_table_new (g_direct_hash, g_direct_equal);

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      g_autoptr(GString) sql = g_string_new (NULL);
      g_autoptr(GArray) found = NULL;
      guint want = limit > 0 ? limit + ids->len : 0;

      g_string_printf (sql, "SELECT p.id FROM %s f JOIN paper p ON p.id = f.rowid"
                            " WHERE %s MATCH :match", tables[t], tables[t]);
      append_filter_sql (sql, filter);
      g_string_append (sql, " ORDER BY f.rowid DESC LIMIT :limit");
      found = collect_ids (self, sql->str, match, filter, want, error);
      if (found == NULL)
        return NULL;
      for (guint i = 0; i < found->len && (limit == 0 || ids->len < limit); i++)
        {
          gint64 id = g_array_index (found, gint64, i);

          if (!g_hash_table_add (seen, GSIZE_TO_POINTER ((gsize) id)))
            continue;
          g_array_append_val (ids, id);
        }
      if (limit > 0 && ids->len >= limit)
        break;
    }
  return g_steal_pointer (&ids);
}

GArray *
bk_store_search (BkStore              *self,
                 const char           *query,
                 const BkMotionFilter *filter,
                 guint                 limit,
                 GError              **error)
{
  g_autoptr(GPtrArray) short_terms = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *match = NULL;
  g_autoptr(GString) sql = NULL;

  g_return_val_if_fail (BK_IS_STORE (self), NULL);

  if (query == NULL || !g_utf8_validate (query, -1, NULL))
    query = "";
  match = build_match (query, short_terms);

  if (match == NULL && short_terms->len == 0)
    {
      g_autoptr(GArray) all = bk_store_list_motion_ids (self, filter, error);

      if (all != NULL && limit > 0 && all->len > limit)
        g_array_set_size (all, limit);
      return g_steal_pointer (&all);
    }

  if (match == NULL)
    {
      const char *pattern = g_ptr_array_index (short_terms, 0);

      /* Only one- or two-letter words: shorter than the index's prefixes, so
       * match word starts in the subject and submitters, newest first. */
      sql = g_string_new ("SELECT p.id FROM paper p JOIN paper_fts f ON f.rowid = p.id"
                          " WHERE (f.subject LIKE :match || '%' OR f.subject LIKE '% ' || :match || '%'"
                          " OR f.submitters LIKE :match || '%' OR f.submitters LIKE '% ' || :match || '%')");
      append_filter_sql (sql, filter);
      g_string_append (sql, " ORDER BY p.date DESC, p.id DESC LIMIT :limit");
      return collect_ids (self, sql->str, pattern, filter, limit, error);
    }

  return search_tiers (self, match, filter, limit, error);
}

static GStrv
collect_strings (BkStore *self, const char *sql)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt = get_stmt (self, sql, NULL);

  if (stmt != NULL)
    {
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
      sqlite3_reset (stmt);
    }
  return g_strv_builder_end (builder);
}

GStrv
bk_store_list_bodies (BkStore *self)
{
  g_return_val_if_fail (BK_IS_STORE (self), NULL);
  return collect_strings (self, "SELECT DISTINCT body FROM paper WHERE body IS NOT NULL"
                                " AND body != '' ORDER BY body");
}

GStrv
bk_store_list_factions (BkStore *self)
{
  g_return_val_if_fail (BK_IS_STORE (self), NULL);
  return collect_strings (self, "SELECT DISTINCT name FROM paper_party WHERE role = 'submitter'"
                                " AND kind = 'faction' ORDER BY name");
}

/* --- other OParl objects --------------------------------------------- */

static gboolean
run_upsert (BkStore *self, const char *sql, GError **error, int n, const char *const *values)
{
  sqlite3_stmt *stmt;

  if (!bk_store_begin (self, error))
    return FALSE;
  stmt = get_stmt (self, sql, error);
  if (stmt == NULL)
    {
      bk_store_rollback (self);
      return FALSE;
    }
  for (int i = 0; i < n; i++)
    bind_text (stmt, i + 1, values[i]);
  if (!step_done (self, stmt, error))
    {
      bk_store_rollback (self);
      return FALSE;
    }
  return bk_store_commit (self, error);
}

gboolean
bk_store_save_body (BkStore *self, const char *oparl_id, const char *name,
                    const char *short_name, GError **error)
{
  const char *values[] = { oparl_id, name ? name : "", short_name };

  g_return_val_if_fail (BK_IS_STORE (self) && oparl_id != NULL, FALSE);
  return run_upsert (self, "INSERT INTO body (oparl_id, name, short_name) VALUES (?1, ?2, ?3)"
                           " ON CONFLICT (oparl_id) DO UPDATE SET name = excluded.name,"
                           " short_name = excluded.short_name",
                     error, G_N_ELEMENTS (values), values);
}

static char *
query_string (BkStore *self, const char *sql, const char *arg)
{
  sqlite3_stmt *stmt = get_stmt (self, sql, NULL);
  char *value = NULL;

  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, arg);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = column_dup (stmt, 0);
  sqlite3_reset (stmt);
  return value;
}

gboolean
bk_store_set_body_main_organization (BkStore *self, const char *body_oparl_id,
                                     const char *organization_oparl_id, GError **error)
{
  const char *values[] = { body_oparl_id, organization_oparl_id };

  g_return_val_if_fail (BK_IS_STORE (self) && body_oparl_id != NULL, FALSE);
  return run_upsert (self, "UPDATE body SET main_organization = ?2 WHERE oparl_id = ?1",
                     error, G_N_ELEMENTS (values), values);
}

char *
bk_store_dup_body_assembly_name (BkStore *self, const char *body_oparl_id)
{
  g_return_val_if_fail (BK_IS_STORE (self), NULL);
  return query_string (self, "SELECT nullif(o.name, '') FROM body b JOIN organization o"
                             " ON o.oparl_id = b.main_organization WHERE b.oparl_id = ?1",
                       body_oparl_id);
}

gboolean
bk_store_save_organization (BkStore *self, const char *oparl_id, const char *body_oparl_id,
                            const char *name, const char *short_name,
                            const char *classification, GError **error)
{
  const char *values[] = { oparl_id, body_oparl_id, name, short_name, classification };

  g_return_val_if_fail (BK_IS_STORE (self) && oparl_id != NULL, FALSE);
  return run_upsert (self, "INSERT INTO organization (oparl_id, body_oparl_id, name, short_name,"
                           " classification) VALUES (?1, ?2, ?3, ?4, ?5)"
                           " ON CONFLICT (oparl_id) DO UPDATE SET"
                           " body_oparl_id = excluded.body_oparl_id, name = excluded.name,"
                           " short_name = excluded.short_name,"
                           " classification = excluded.classification",
                     error, G_N_ELEMENTS (values), values);
}

gboolean
bk_store_save_person (BkStore *self, const char *oparl_id, const char *name, GError **error)
{
  const char *values[] = { oparl_id, name };

  g_return_val_if_fail (BK_IS_STORE (self) && oparl_id != NULL, FALSE);
  return run_upsert (self, "INSERT INTO person (oparl_id, name) VALUES (?1, ?2)"
                           " ON CONFLICT (oparl_id) DO UPDATE SET name = excluded.name",
                     error, G_N_ELEMENTS (values), values);
}

gboolean
bk_store_save_meeting (BkStore *self, const char *oparl_id, const char *name,
                       const char *start, const char *end, const char *location,
                       gboolean cancelled, GError **error)
{
  const char *values[] = { oparl_id, name, start, end, location, cancelled ? "1" : "0" };

  g_return_val_if_fail (BK_IS_STORE (self) && oparl_id != NULL, FALSE);
  return run_upsert (self, "INSERT INTO meeting (oparl_id, name, start, end, location, cancelled)"
                           " VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
                           " ON CONFLICT (oparl_id) DO UPDATE SET name = excluded.name,"
                           " start = excluded.start, end = excluded.end,"
                           " location = excluded.location, cancelled = excluded.cancelled",
                     error, G_N_ELEMENTS (values), values);
}

gboolean
bk_store_save_agenda_item (BkStore *self, const char *oparl_id, const char *meeting_oparl_id,
                           const char *number, const char *name,
                           const char *consultation_oparl_id, BkTristate is_public,
                           const char *result, GError **error)
{
  const char *values[] = {
    oparl_id, meeting_oparl_id, number, name, consultation_oparl_id,
    is_public == BK_TRISTATE_UNKNOWN ? NULL : (is_public == BK_TRISTATE_YES ? "1" : "0"),
    result,
  };

  g_return_val_if_fail (BK_IS_STORE (self) && oparl_id != NULL, FALSE);
  return run_upsert (self, "INSERT INTO agenda_item (oparl_id, meeting_oparl_id, number, name,"
                           " consultation_oparl_id, public, result)"
                           " VALUES (?1, ?2, ?3, ?4, ?5, CAST(?6 AS INTEGER), ?7)"
                           " ON CONFLICT (oparl_id) DO UPDATE SET"
                           " meeting_oparl_id = excluded.meeting_oparl_id,"
                           " number = excluded.number, name = excluded.name,"
                           " consultation_oparl_id = excluded.consultation_oparl_id,"
                           " public = excluded.public, result = excluded.result",
                     error, G_N_ELEMENTS (values), values);
}

char *
bk_store_dup_organization_name (BkStore *self, const char *oparl_id)
{
  g_return_val_if_fail (BK_IS_STORE (self), NULL);
  return query_string (self, "SELECT coalesce(nullif(name, ''), short_name) FROM organization"
                             " WHERE oparl_id = ?1", oparl_id);
}

char *
bk_store_dup_person_name (BkStore *self, const char *oparl_id)
{
  g_return_val_if_fail (BK_IS_STORE (self), NULL);
  return query_string (self, "SELECT name FROM person WHERE oparl_id = ?1", oparl_id);
}

char *
bk_store_dup_body_name (BkStore *self, const char *oparl_id)
{
  g_return_val_if_fail (BK_IS_STORE (self), NULL);
  return query_string (self, "SELECT name FROM body WHERE oparl_id = ?1", oparl_id);
}

/* The first row of a two-column query with up to two text parameters. */
static gboolean
lookup_two (BkStore *self, const char *sql, const char *arg1, const char *arg2,
            char **first, char **second)
{
  sqlite3_stmt *stmt = get_stmt (self, sql, NULL);
  gboolean found = FALSE;

  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, arg1);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    bind_text (stmt, 2, arg2);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      found = TRUE;
      if (first != NULL)
        *first = column_dup (stmt, 0);
      if (second != NULL)
        *second = column_dup (stmt, 1);
    }
  sqlite3_reset (stmt);
  return found;
}

gboolean
bk_store_lookup_meeting (BkStore *self, const char *oparl_id, char **start, char **name)
{
  g_return_val_if_fail (BK_IS_STORE (self), FALSE);
  return lookup_two (self, "SELECT start, name FROM meeting WHERE oparl_id = ?1",
                     oparl_id, NULL, start, name);
}

gboolean
bk_store_lookup_organization (BkStore *self, const char *oparl_id, char **name,
                              char **classification)
{
  g_return_val_if_fail (BK_IS_STORE (self), FALSE);
  return lookup_two (self, "SELECT coalesce(nullif(name, ''), short_name), classification"
                           " FROM organization WHERE oparl_id = ?1",
                     oparl_id, NULL, name, classification);
}

gboolean
bk_store_lookup_agenda_item (BkStore *self, const char *item_oparl_id,
                             const char *consultation_oparl_id, char **meeting_oparl_id,
                             BkTristate *is_public)
{
  g_autofree char *public_text = NULL;

  g_return_val_if_fail (BK_IS_STORE (self), FALSE);
  if (item_oparl_id == NULL && consultation_oparl_id == NULL)
    return FALSE;
  if (!lookup_two (self, "SELECT meeting_oparl_id, public FROM agenda_item"
                         " WHERE oparl_id = ?1 OR consultation_oparl_id = ?2"
                         " ORDER BY oparl_id = ?1 DESC LIMIT 1",
                   item_oparl_id, consultation_oparl_id, meeting_oparl_id, &public_text))
    return FALSE;
  if (is_public != NULL)
    *is_public = public_text == NULL ? BK_TRISTATE_UNKNOWN
               : (atoi (public_text) != 0 ? BK_TRISTATE_YES : BK_TRISTATE_NO);
  return TRUE;
}

char *
bk_store_dup_paper_reference (BkStore *self, const char *oparl_id)
{
  g_return_val_if_fail (BK_IS_STORE (self), NULL);
  return query_string (self, "SELECT nullif(reference, '') FROM paper WHERE oparl_id = ?1",
                       oparl_id);
}

gboolean
bk_store_delete_oparl_object (BkStore *self, const char *oparl_id, GError **error)
{
  static const char *const sql[] = {
    "DELETE FROM body WHERE oparl_id = ?1",
    "DELETE FROM organization WHERE oparl_id = ?1",
    "DELETE FROM person WHERE oparl_id = ?1",
    "DELETE FROM meeting WHERE oparl_id = ?1",
    "DELETE FROM agenda_item WHERE oparl_id = ?1",
    "DELETE FROM consultation WHERE oparl_id = ?1",
    "DELETE FROM paper_file WHERE oparl_id = ?1",
  };
  gint64 paper_id;
  gboolean removed = FALSE;

  g_return_val_if_fail (BK_IS_STORE (self) && oparl_id != NULL, FALSE);
  if (!bk_store_begin (self, error))
    return FALSE;

  paper_id = query_int (self, "SELECT id FROM paper WHERE oparl_id = ?1", oparl_id);
  if (paper_id != 0)
    {
      if (!delete_paper (self, paper_id, error))
        goto fail;
      removed = TRUE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (sql); i++)
    {
      sqlite3_stmt *stmt = get_stmt (self, sql[i], error);

      if (stmt == NULL)
        goto fail;
      bind_text (stmt, 1, oparl_id);
      if (!step_done (self, stmt, error))
        goto fail;
      removed |= sqlite3_changes (self->db) > 0;
    }
  if (!bk_store_commit (self, error))
    return FALSE;
  return removed;

fail:
  bk_store_rollback (self);
  return FALSE;
}

/* --- for the other bk-store-*.c files (bk-store-private.h) ------------ */

sqlite3 *
bk_store_get_db (BkStore *self)
{
  return self->db;
}

sqlite3_stmt *
bk_store_get_stmt (BkStore *self, const char *sql, GError **error)
{
  return get_stmt (self, sql, error);
}

gint64
bk_store_query_int (BkStore *self, const char *sql, const char *arg)
{
  return query_int (self, sql, arg);
}

gboolean
bk_store_step_done (BkStore *self, sqlite3_stmt *stmt, GError **error)
{
  return step_done (self, stmt, error);
}

void
bk_store_set_sqlite_error (BkStore *self, int rc, GError **error)
{
  set_sqlite_error (self, rc, error);
}

gboolean
bk_store_exec (BkStore *self, const char *sql, GError **error)
{
  return exec_sql (self, sql, error);
}

gboolean
bk_store_in_transaction (BkStore *self)
{
  return self->depth > 0;
}

char *
bk_store_build_match (const char *query, GPtrArray *short_terms)
{
  return build_match (query, short_terms);
}

/* --- check ------------------------------------------------------------ */

static guint
append_rows (BkStore *self, const char *sql, GString *report, const char *prefix)
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

guint
bk_store_check_rows (BkStore *self, const char *sql, GString *report, const char *prefix)
{
  return append_rows (self, sql, report, prefix);
}

gboolean
bk_store_check (BkStore *self, GString *report, GError **error)
{
  guint problems = 0;
  int rc;

  g_return_val_if_fail (BK_IS_STORE (self), FALSE);

  problems += append_rows (self, "PRAGMA integrity_check", report, _("integrity"));
  problems += append_rows (self, "SELECT 'table ' || \"table\" || ' row ' || rowid ||"
                                 " ' points to a missing ' || parent FROM pragma_foreign_key_check",
                           report, _("foreign keys"));
  problems += append_rows (self, "SELECT 'motion ' || id || ' is missing from the search index'"
                                 " FROM paper WHERE id NOT IN (SELECT rowid FROM paper_fts)",
                           report, _("search index"));
  problems += append_rows (self, "SELECT 'search entry ' || rowid || ' has no motion'"
                                 " FROM paper_fts WHERE rowid NOT IN (SELECT id FROM paper)",
                           report, _("search index"));

  problems += append_rows (self, "SELECT 'motion ' || id || ' is missing from the head index'"
                                 " FROM paper WHERE id NOT IN (SELECT rowid FROM paper_head_fts)",
                           report, _("search index"));
  problems += append_rows (self, "SELECT 'head entry ' || rowid || ' has no motion'"
                                 " FROM paper_head_fts WHERE rowid NOT IN (SELECT id FROM paper)",
                           report, _("search index"));
  rc = sqlite3_exec (self->db,
                     "INSERT INTO paper_fts (paper_fts, rank) VALUES ('integrity-check', 1);"
                     "INSERT INTO paper_head_fts (paper_head_fts, rank) VALUES ('integrity-check', 1)",
                     NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      g_string_append_printf (report, "%s: %s\n", _("search index"), sqlite3_errmsg (self->db));
      problems++;
    }

  problems += bk_store_check_services (self, report);

  if (problems > 0)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_CORRUPT,
                   g_dngettext (GETTEXT_PACKAGE, "%s: %u problem found", "%s: %u problems found",
                                problems),
                   self->path ? self->path : ":memory:", problems);
      return FALSE;
    }
  return TRUE;
}
