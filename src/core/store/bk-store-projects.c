/* bk-store-projects.c: digital projects in the store
 *
 * A project with its council papers (by reference, as the papers' own
 * "reference" column: a text motion and a synced OParl paper alike) and its
 * entry in the search index. The papers are not foreign keys: a project may
 * name a paper that the kiosk has not synced yet, and finds it once it has.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-store"

#include <glib/gi18n-lib.h>

#include "bk-error.h"
#include "bk-fold.h"
#include "bk-store-private.h"
#include "bk-store-projects.h"

#define bind_text bk_store_bind_text
#define column_dup bk_store_column_dup

#define PROJECT_COLUMNS \
  "p.num, p.id, p.title, p.owner, p.status, p.benefit, p.description, p.easy_summary," \
  " p.milestone, p.milestone_date, p.responsible, p.source"

/* The order of the list: what is happening now, then what is coming. */
#define PROJECT_ORDER \
  " ORDER BY CASE p.status WHEN 'in-progress' THEN 0 WHEN 'planned' THEN 1" \
  " WHEN 'paused' THEN 2 ELSE 3 END, p.title COLLATE NOCASE"

static gboolean
delete_project_num (BkStore *self,
                    gint64   num,
                    GError **error)
{
  sqlite3_stmt *stmt = bk_store_get_stmt (self, "DELETE FROM project_fts WHERE rowid = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, num);
  if (!bk_store_step_done (self, stmt, error))
    return FALSE;
  /* its papers go by ON DELETE CASCADE */
  stmt = bk_store_get_stmt (self, "DELETE FROM project WHERE num = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, num);
  return bk_store_step_done (self, stmt, error);
}

static gboolean
insert_search_entry (BkStore         *self,
                     gint64           num,
                     const BkProject *p,
                     GError         **error)
{
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *f_title = bk_fold_for_search (p->title);
  g_autofree char *f_body = NULL;
  const char *parts[] = { p->benefit, p->owner, p->responsible, p->milestone, p->description,
                          p->easy_summary };
  sqlite3_stmt *stmt;

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (parts[i] != NULL)
      g_string_append_printf (body, "%s\n", parts[i]);
  for (guint i = 0; i < p->motions->len; i++)
    g_string_append_printf (body, "%s\n", (const char *) g_ptr_array_index (p->motions, i));
  f_body = bk_fold_for_search (body->str);

  stmt = bk_store_get_stmt (self, "INSERT INTO project_fts (rowid, title, body) VALUES (?1, ?2, ?3)",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, num);
  bind_text (stmt, 2, f_title);
  bind_text (stmt, 3, f_body);
  return bk_store_step_done (self, stmt, error);
}

static gboolean
save_project (BkStore         *self,
              const BkProject *p,
              GError         **error)
{
  gint64 old = bk_store_query_int (self, "SELECT num FROM project WHERE id = ?1", p->id);
  sqlite3_stmt *stmt;
  gint64 num;

  if (old > 0 && !delete_project_num (self, old, error))
    return FALSE;
  stmt = bk_store_get_stmt (self,
                            "INSERT INTO project (id, title, owner, status, benefit, description,"
                            " easy_summary, milestone, milestone_date, responsible, source)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)", error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, p->id);
  bind_text (stmt, 2, p->title);
  bind_text (stmt, 3, p->owner);
  bind_text (stmt, 4, bk_project_status_to_string (p->status));
  bind_text (stmt, 5, p->benefit);
  bind_text (stmt, 6, p->description);
  bind_text (stmt, 7, p->easy_summary);
  bind_text (stmt, 8, p->milestone);
  bind_text (stmt, 9, p->milestone_date);
  bind_text (stmt, 10, p->responsible);
  bind_text (stmt, 11, p->source);
  if (!bk_store_step_done (self, stmt, error))
    return FALSE;
  num = sqlite3_last_insert_rowid (bk_store_get_db (self));

  for (guint i = 0; i < p->motions->len; i++)
    {
      stmt = bk_store_get_stmt (self, "INSERT INTO project_motion (project_num, position, reference)"
                                      " VALUES (?1, ?2, ?3)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, num);
      sqlite3_bind_int (stmt, 2, (int) i);
      bind_text (stmt, 3, g_ptr_array_index (p->motions, i));
      if (!bk_store_step_done (self, stmt, error))
        return FALSE;
    }
  return insert_search_entry (self, num, p, error);
}

gboolean
bk_store_save_project (BkStore          *self,
                       const BkProject  *project,
                       GError          **error)
{
  gboolean own = FALSE;

  g_return_val_if_fail (BK_IS_STORE (self), FALSE);
  g_return_val_if_fail (project != NULL && project->id != NULL, FALSE);

  /* the project, its papers and its search entry together, or none */
  if (!bk_store_in_transaction (self))
    {
      if (!bk_store_begin (self, error))
        return FALSE;
      own = TRUE;
    }
  if (!save_project (self, project, error))
    {
      if (own)
        bk_store_rollback (self);
      return FALSE;
    }
  return !own || bk_store_commit (self, error);
}

static gpointer
project_from_row (sqlite3_stmt *stmt)
{
  BkProject *p = bk_project_new ();
  g_autofree char *status = NULL;

  p->num = sqlite3_column_int64 (stmt, 0);
  p->id = column_dup (stmt, 1);
  p->title = column_dup (stmt, 2);
  p->owner = column_dup (stmt, 3);
  status = column_dup (stmt, 4);
  if (!bk_project_status_from_string (status, &p->status))
    p->status = BK_PROJECT_PLANNED;
  p->benefit = column_dup (stmt, 5);
  p->description = column_dup (stmt, 6);
  p->easy_summary = column_dup (stmt, 7);
  p->milestone = column_dup (stmt, 8);
  p->milestone_date = column_dup (stmt, 9);
  p->responsible = column_dup (stmt, 10);
  p->source = column_dup (stmt, 11);
  return p;
}

/* The rows of stmt as projects, each with its papers. */
static GPtrArray *
collect_projects (BkStore      *self,
                  sqlite3_stmt *stmt,
                  GError      **error)
{
  g_autoptr(GPtrArray) projects = bk_store_collect_rows (self, stmt, project_from_row,
                                                         (GDestroyNotify) bk_project_free, error);

  if (projects == NULL)
    return NULL;
  for (guint i = 0; i < projects->len; i++)
    {
      BkProject *p = g_ptr_array_index (projects, i);
      sqlite3_stmt *refs = bk_store_get_stmt (self, "SELECT reference FROM project_motion"
                                                    " WHERE project_num = ?1 ORDER BY position", error);
      int rc;

      if (refs == NULL)
        return NULL;
      sqlite3_bind_int64 (refs, 1, p->num);
      while ((rc = sqlite3_step (refs)) == SQLITE_ROW)
        g_ptr_array_add (p->motions, column_dup (refs, 0));
      sqlite3_reset (refs);
      if (rc != SQLITE_DONE)
        {
          bk_store_set_sqlite_error (self, rc, error);
          return NULL;
        }
    }
  return g_steal_pointer (&projects);
}

BkProject *
bk_store_load_project (BkStore     *self,
                       const char  *id,
                       GError     **error)
{
  sqlite3_stmt *stmt;
  g_autoptr(GPtrArray) found = NULL;

  g_return_val_if_fail (BK_IS_STORE (self), NULL);
  stmt = bk_store_get_stmt (self, "SELECT " PROJECT_COLUMNS " FROM project p WHERE p.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, id);
  found = collect_projects (self, stmt, error);
  if (found == NULL)
    return NULL;
  if (found->len == 0)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_NOT_FOUND, _("No project with the id “%s”"), id);
      return NULL;
    }
  return g_ptr_array_steal_index (found, 0);
}

guint
bk_store_count_projects (BkStore *self)
{
  g_return_val_if_fail (BK_IS_STORE (self), 0);
  return (guint) bk_store_query_int (self, "SELECT count(*) FROM project", NULL);
}

GPtrArray *
bk_store_list_projects (BkStore  *self,
                        GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BK_IS_STORE (self), NULL);
  stmt = bk_store_get_stmt (self, "SELECT " PROJECT_COLUMNS " FROM project p" PROJECT_ORDER, error);
  return stmt != NULL ? collect_projects (self, stmt, error) : NULL;
}

GPtrArray *
bk_store_search_projects (BkStore     *self,
                          const char  *query,
                          GError     **error)
{
  g_autoptr(GPtrArray) short_terms = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *match = NULL;
  g_autofree char *scoped = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BK_IS_STORE (self), NULL);
  if (query == NULL || !g_utf8_validate (query, -1, NULL))
    query = "";
  match = bk_store_build_match (query, short_terms);
  if (match == NULL && short_terms->len > 0)
    {
      /* one or two letters, shorter than the index's prefixes: word starts
       * in the titles */
      stmt = bk_store_get_stmt (self, "SELECT " PROJECT_COLUMNS " FROM project_fts f"
                                      " JOIN project p ON p.num = f.rowid"
                                      " WHERE f.title LIKE ?1 || '%' OR f.title LIKE '% ' || ?1 || '%'"
                                      PROJECT_ORDER, error);
      if (stmt == NULL)
        return NULL;
      bind_text (stmt, 1, g_ptr_array_index (short_terms, 0));
      return collect_projects (self, stmt, error);
    }
  if (match == NULL)
    return bk_store_list_projects (self, error);

  /* a title that holds every word first, then anywhere */
  scoped = g_strdup_printf ("{title body} : (%s)", match);
  stmt = bk_store_get_stmt (self, "SELECT " PROJECT_COLUMNS " FROM project_fts f"
                                  " JOIN project p ON p.num = f.rowid WHERE project_fts MATCH ?1"
                                  " ORDER BY bm25 (project_fts, 10.0, 1.0), p.title", error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, scoped);
  return collect_projects (self, stmt, error);
}

GPtrArray *
bk_store_list_projects_for_reference (BkStore     *self,
                                      const char  *reference,
                                      GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BK_IS_STORE (self), NULL);
  if (reference == NULL || *reference == '\0')
    return g_ptr_array_new_with_free_func ((GDestroyNotify) bk_project_free);
  stmt = bk_store_get_stmt (self, "SELECT " PROJECT_COLUMNS " FROM project p WHERE p.num IN"
                                  " (SELECT project_num FROM project_motion WHERE reference = ?1)"
                                  PROJECT_ORDER, error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, reference);
  return collect_projects (self, stmt, error);
}

guint
bk_store_check_projects (BkStore *self,
                         GString *report)
{
  guint problems = 0;

  problems += bk_store_check_rows (self,
                                   "SELECT 'project ' || id || ' is missing from the search index'"
                                   " FROM project WHERE num NOT IN (SELECT rowid FROM project_fts)",
                                   report, _("search index"));
  problems += bk_store_check_rows (self,
                                   "SELECT 'project search entry ' || rowid || ' has no project'"
                                   " FROM project_fts WHERE rowid NOT IN (SELECT num FROM project)",
                                   report, _("search index"));
  problems += bk_store_check_rows (self,
                                   "INSERT INTO project_fts (project_fts, rank) VALUES ('integrity-check', 1)",
                                   report, _("search index"));
  return problems;
}
