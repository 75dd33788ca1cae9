/* bk-store-motions.c: motions in the store: save, load, list and search
 *
 * A motion is a row of paper with its parties, consultations, resolution
 * points, references and files in tables of their own, and two FTS5 indexes
 * (the whole text, and subject and submitters only) that the search ranks
 * by. Saving replaces all of a motion's rows in one transaction.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-store"

#include <glib/gi18n-lib.h>

#include "bk-error.h"
#include "bk-fold.h"
#include "bk-store-private.h"

#define bind_text bk_store_bind_text
#define column_dup bk_store_column_dup

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
  g_free (summary->last_committee);
  g_free (summary->last_date);
  g_free (summary);
}

/* NULL for unknown, as OParl leaves it out. */
static void
bind_tristate (sqlite3_stmt *stmt,
               int           index,
               BkTristate    value)
{
  if (value == BK_TRISTATE_UNKNOWN)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int (stmt, index, value == BK_TRISTATE_YES);
}

static BkTristate
column_tristate (sqlite3_stmt *stmt,
                 int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return BK_TRISTATE_UNKNOWN;
  return sqlite3_column_int (stmt, column) ? BK_TRISTATE_YES : BK_TRISTATE_NO;
}

guint
bk_store_count_motions (BkStore *self)
{
  g_return_val_if_fail (BK_IS_STORE (self), 0);
  return (guint) bk_store_query_int (self, "SELECT count(*) FROM paper", NULL);
}

/* --- motions --------------------------------------------------------- */

static gint64
find_existing (BkStore        *self,
               const BkMotion *motion)
{
  if (motion->id > 0)
    {
      sqlite3_stmt *stmt = bk_store_get_stmt (self, "SELECT id FROM paper WHERE id = ?1", NULL);
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
    return bk_store_query_int (self, "SELECT id FROM paper WHERE oparl_id = ?1", motion->oparl_id);
  if (motion->reference != NULL && *motion->reference != '\0')
    {
      sqlite3_stmt *stmt = bk_store_get_stmt (self,
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
delete_children (BkStore *self,
                 gint64   id,
                 GError **error)
{
  static const char *const sql[] = {
    "DELETE FROM paper_party WHERE paper_id = ?1",
    "DELETE FROM consultation WHERE paper_id = ?1",
    "DELETE FROM resolution_point WHERE paper_id = ?1",
    "DELETE FROM question WHERE paper_id = ?1",
    "DELETE FROM paper_warning WHERE paper_id = ?1",
    "DELETE FROM paper_reference WHERE paper_id = ?1",
    "DELETE FROM paper_file WHERE paper_id = ?1",
    "DELETE FROM paper_fts WHERE rowid = ?1",
    "DELETE FROM paper_head_fts WHERE rowid = ?1",
  };

  for (guint i = 0; i < G_N_ELEMENTS (sql); i++)
    {
      sqlite3_stmt *stmt = bk_store_get_stmt (self, sql[i], error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      if (!bk_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
insert_parties (BkStore    *self,
                gint64      id,
                const char *role,
                GPtrArray  *parties,
                GError    **error)
{
  for (guint i = 0; i < parties->len; i++)
    {
      const BkParty *p = g_ptr_array_index (parties, i);
      sqlite3_stmt *stmt = bk_store_get_stmt (self,
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
      if (!bk_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* One row of a motion's parts: ?1 the motion, ?2 the position, then the texts
 * from ?3 on; a second position (sub-points) goes after the texts. */
static gboolean
insert_part (BkStore           *self,
             const char        *sql,
             gint64             id,
             int                position,
             int                subposition,
             const char *const *texts,
             guint              n_texts,
             GError           **error)
{
  sqlite3_stmt *stmt = bk_store_get_stmt (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int (stmt, 2, position);
  for (guint i = 0; i < n_texts; i++)
    bind_text (stmt, 3 + (int) i, texts[i]);
  if (subposition >= 0)
    sqlite3_bind_int (stmt, 3 + (int) n_texts, subposition);
  return bk_store_step_done (self, stmt, error);
}

/* Resolution points or questions, each with its sub-items. */
static gboolean
insert_points (BkStore    *self,
               gint64      id,
               GPtrArray  *points,
               const char *point_sql,
               const char *sub_sql,
               GError    **error)
{
  for (guint i = 0; i < points->len; i++)
    {
      const BkResolutionPoint *p = g_ptr_array_index (points, i);
      const char *point[] = { p->text ? p->text : "" };

      if (!insert_part (self, point_sql, id, i, -1, point, 1, error))
        return FALSE;
      for (guint j = 0; j < p->subpoints->len; j++)
        {
          const char *sub[] = { g_ptr_array_index (p->subpoints, j) };

          if (!insert_part (self, sub_sql, id, i, j, sub, 1, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
insert_children (BkStore        *self,
                 gint64          id,
                 const BkMotion *motion,
                 GError        **error)
{
  sqlite3_stmt *stmt;

  if (!insert_parties (self, id, "submitter", motion->submitters, error) ||
      !insert_parties (self, id, "signatory", motion->signatories, error))
    return FALSE;

  for (guint i = 0; i < motion->consultations->len; i++)
    {
      const BkConsultation *c = g_ptr_array_index (motion->consultations, i);

      stmt = bk_store_get_stmt (self,
                       "INSERT INTO consultation (paper_id, position, oparl_id, committee, date,"
                       " role, public, authoritative, meeting_name, meeting_oparl_id,"
                       " agenda_item_oparl_id)"
                       " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)", error);
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
      bind_text (stmt, 11, c->agenda_item_oparl_id);
      if (!bk_store_step_done (self, stmt, error))
        return FALSE;
    }

  if (!insert_points (self, id, motion->resolution_points,
                      "INSERT INTO resolution_point (paper_id, position, text) VALUES (?1, ?2, ?3)",
                      "INSERT INTO resolution_subpoint (paper_id, point_position, position, text)"
                      " VALUES (?1, ?2, ?4, ?3)", error) ||
      !insert_points (self, id, motion->questions,
                      "INSERT INTO question (paper_id, position, text) VALUES (?1, ?2, ?3)",
                      "INSERT INTO question_sub (paper_id, question_position, position, text)"
                      " VALUES (?1, ?2, ?4, ?3)", error))
    return FALSE;

  for (guint i = 0; i < motion->warnings->len; i++)
    {
      const BkWarning *w = g_ptr_array_index (motion->warnings, i);
      const char *warning[] = { w->code, w->message };

      if (!insert_part (self, "INSERT INTO paper_warning (paper_id, position, code, message)"
                              " VALUES (?1, ?2, ?3, ?4)", id, i, -1, warning, 2, error))
        return FALSE;
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
index_motion (BkStore        *self,
              gint64          id,
              const BkMotion *motion,
              GError        **error)
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

  stmt = bk_store_get_stmt (self, "INSERT INTO paper_fts (rowid, subject, resolution, justification,"
                         " submitters) VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  bind_text (stmt, 2, f_subject);
  bind_text (stmt, 3, f_resolution);
  bind_text (stmt, 4, f_justification);
  bind_text (stmt, 5, f_submitters);
  if (!bk_store_step_done (self, stmt, error))
    return FALSE;

  stmt = bk_store_get_stmt (self, "INSERT INTO paper_head_fts (rowid, subject, submitters)"
                         " VALUES (?1, ?2, ?3)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  bind_text (stmt, 2, f_subject);
  bind_text (stmt, 3, f_submitters);
  return bk_store_step_done (self, stmt, error);
}

static gboolean
save_motion_row (BkStore  *self,
                 BkMotion *motion,
                 GError  **error)
{
  g_autofree char *submitters = bk_motion_dup_submitter_names (motion);
  gint64 id = find_existing (self, motion);
  sqlite3_stmt *stmt;

  if (id != 0)
    {
      if (!delete_children (self, id, error))
        return FALSE;
      stmt = bk_store_get_stmt (self,
                       "UPDATE paper SET oparl_id = ?2, subject = ?3, body = ?4, type = ?5,"
                       " reference = ?6, date = ?7, public = ?8, addressee = ?9,"
                       " justification = ?10, easy_summary = ?11, source = ?12,"
                       " submitter_names = ?13, subject_derived = ?14 WHERE id = ?1", error);
    }
  else
    {
      stmt = bk_store_get_stmt (self,
                       "INSERT INTO paper (id, oparl_id, subject, body, type, reference, date,"
                       " public, addressee, justification, easy_summary, source,"
                       " submitter_names, subject_derived)"
                       " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)", error);
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
  sqlite3_bind_int (stmt, 14, motion->subject_derived ? 1 : 0);
  if (!bk_store_step_done (self, stmt, error))
    return FALSE;
  if (id == 0)
    id = sqlite3_last_insert_rowid (bk_store_get_db (self));

  if (!insert_children (self, id, motion, error) ||
      !index_motion (self, id, motion, error))
    return FALSE;
  motion->id = id;
  return TRUE;
}

gboolean
bk_store_save_motion (BkStore  *self,
                      BkMotion *motion,
                      GError  **error)
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
load_parties (BkStore    *self,
              BkMotion   *motion,
              const char *role,
              GPtrArray  *into)
{
  sqlite3_stmt *stmt = bk_store_get_stmt (self, "SELECT name, kind, party_role FROM paper_party"
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
step_motion_row (BkStore      *self,
                 sqlite3_stmt *stmt,
                 gint64        id,
                 GError      **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc == SQLITE_DONE)
    g_set_error (error, BK_ERROR, BK_ERROR_NOT_FOUND,
                 _("There is no motion with the number %lld"), (long long) id);
  else
    bk_store_set_sqlite_error (self, rc, error);
  sqlite3_reset (stmt);
  return FALSE;
}

/* Resolution points or questions: rows of (position, text, sub-item text). */
static gboolean
load_points (BkStore    *self,
             BkMotion   *motion,
             GPtrArray  *points,
             const char *sql,
             GError    **error)
{
  sqlite3_stmt *stmt = bk_store_get_stmt (self, sql, error);
  BkResolutionPoint *point = NULL;
  int last = -1;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, motion->id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      int position = sqlite3_column_int (stmt, 0);

      if (position != last)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, 1);

          point = points == motion->questions ? bk_motion_add_question (motion, text)
                                              : bk_motion_add_point (motion, text);
          last = position;
        }
      if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
        bk_resolution_point_add_subpoint (point, (const char *) sqlite3_column_text (stmt, 2));
    }
  sqlite3_reset (stmt);
  return TRUE;
}

BkMotion *
bk_store_load_motion (BkStore *self,
                      gint64   id,
                      GError **error)
{
  g_autoptr(BkMotion) motion = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BK_IS_STORE (self), NULL);

  stmt = bk_store_get_stmt (self, "SELECT oparl_id, subject, body, type, reference, date, public,"
                         " addressee, justification, easy_summary, source, subject_derived"
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
  motion->subject_derived = sqlite3_column_int (stmt, 11) != 0;
  sqlite3_reset (stmt);

  load_parties (self, motion, "submitter", motion->submitters);
  load_parties (self, motion, "signatory", motion->signatories);

  /* The decision comes from the agenda item: the one the consultation
   * names, or else the one that names the consultation. */
  stmt = bk_store_get_stmt (self, "SELECT c.committee, c.date, c.role, c.public, c.authoritative,"
                         " c.meeting_name, c.oparl_id, c.meeting_oparl_id, c.agenda_item_oparl_id,"
                         " a.result, a.outcome, a.resolution_text, m.start, m.location, m.cancelled"
                         " FROM consultation c LEFT JOIN meeting m ON m.oparl_id = c.meeting_oparl_id"
                         " LEFT JOIN agenda_item a ON a.oparl_id ="
                         "  coalesce ((SELECT i.oparl_id FROM agenda_item i"
                         "             WHERE i.oparl_id = c.agenda_item_oparl_id),"
                         "            (SELECT i.oparl_id FROM agenda_item i"
                         "             WHERE i.consultation_oparl_id = c.oparl_id LIMIT 1))"
                         " WHERE c.paper_id = ?1 ORDER BY c.position", error);
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
      c->agenda_item_oparl_id = column_dup (stmt, 8);
      c->result = column_dup (stmt, 9);
      c->outcome = bk_outcome_from_string ((const char *) sqlite3_column_text (stmt, 10));
      c->meeting_start = column_dup (stmt, 12);
      c->meeting_location = column_dup (stmt, 13);
      c->meeting_cancelled = sqlite3_column_int (stmt, 14) != 0;
      if (c->result != NULL)
        {
          bk_votes_parse (c->result, &c->votes);
          bk_votes_parse ((const char *) sqlite3_column_text (stmt, 11), &c->votes);
        }
    }
  sqlite3_reset (stmt);

  if (!load_points (self, motion, motion->resolution_points,
                    "SELECT p.position, p.text, s.text FROM resolution_point p"
                    " LEFT JOIN resolution_subpoint s ON s.paper_id = p.paper_id"
                    "  AND s.point_position = p.position"
                    " WHERE p.paper_id = ?1 ORDER BY p.position, s.position", error) ||
      !load_points (self, motion, motion->questions,
                    "SELECT q.position, q.text, s.text FROM question q"
                    " LEFT JOIN question_sub s ON s.paper_id = q.paper_id"
                    "  AND s.question_position = q.position"
                    " WHERE q.paper_id = ?1 ORDER BY q.position, s.position", error))
    return NULL;

  stmt = bk_store_get_stmt (self, "SELECT code, message FROM paper_warning WHERE paper_id = ?1"
                         " ORDER BY position", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    bk_motion_add_warning (motion, (const char *) sqlite3_column_text (stmt, 0),
                           (const char *) sqlite3_column_text (stmt, 1));
  sqlite3_reset (stmt);

  stmt = bk_store_get_stmt (self, "SELECT reference FROM paper_reference WHERE paper_id = ?1"
                         " ORDER BY position", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    bk_motion_add_reference (motion, (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  stmt = bk_store_get_stmt (self, "SELECT name, access_url, mime_type, oparl_id FROM paper_file"
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

/* The condition "paper p is decided", with the parameter :today: a final
 * outcome at one of its meetings (bk-decision.h); a motion of which no
 * outcome is known at all (text imports) is decided when every
 * consultation lies in the past. bk_motion_is_decided () says the same of
 * a loaded motion. */
static void
append_decided (GString *sql)
{
  g_string_append_printf (sql,
                          "(EXISTS (SELECT 1 FROM consultation c JOIN agenda_item a"
                          "   ON a.oparl_id = c.agenda_item_oparl_id"
                          "   WHERE c.paper_id = p.id AND a.outcome IN %s)"
                          " OR EXISTS (SELECT 1 FROM consultation c JOIN agenda_item a"
                          "   ON a.consultation_oparl_id = c.oparl_id"
                          "   WHERE c.paper_id = p.id AND a.outcome IN %s)"
                          " OR (EXISTS (SELECT 1 FROM consultation c WHERE c.paper_id = p.id)"
                          "  AND NOT EXISTS (SELECT 1 FROM consultation c WHERE c.paper_id = p.id"
                          "   AND (c.date IS NULL OR c.date >= :today))"
                          "  AND NOT EXISTS (SELECT 1 FROM consultation c JOIN agenda_item a"
                          "   ON a.oparl_id = c.agenda_item_oparl_id OR a.consultation_oparl_id = c.oparl_id"
                          "   WHERE c.paper_id = p.id AND a.outcome IS NOT NULL)))",
                          bk_outcome_final_sql (), bk_outcome_final_sql ());
}

/* The list's rows load one summary each: the statement's text is made once
 * (the statement cache finds it by its text). */
static const char *
summary_sql (void)
{
  static gsize sql = 0;

  if (g_once_init_enter (&sql))
    {
      GString *text = g_string_new ("SELECT p.subject, p.submitter_names, p.date, p.reference, p.body,"
                                    " (SELECT committee FROM consultation c WHERE c.paper_id = p.id"
                                    "   AND c.date >= :today ORDER BY c.date, c.position LIMIT 1),"
                                    " (SELECT date FROM consultation c WHERE c.paper_id = p.id"
                                    "   AND c.date >= :today ORDER BY c.date, c.position LIMIT 1),"
                                    " (SELECT committee FROM consultation c WHERE c.paper_id = p.id"
                                    "   ORDER BY c.date DESC, c.position DESC LIMIT 1),"
                                    " (SELECT date FROM consultation c WHERE c.paper_id = p.id"
                                    "   ORDER BY c.date DESC, c.position DESC LIMIT 1), ");

      append_decided (text);
      g_string_append (text, " FROM paper p WHERE p.id = :id");
      g_once_init_leave (&sql, (gsize) g_string_free (text, FALSE));
    }
  return (const char *) sql;
}

BkMotionSummary *
bk_store_load_summary (BkStore *self,
                       gint64   id,
                       GError **error)
{
  g_autoptr(BkMotionSummary) summary = NULL;
  g_autofree char *today = dup_today (NULL);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BK_IS_STORE (self), NULL);

  stmt = bk_store_get_stmt (self, summary_sql (), error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":id"), id);
  bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":today"), today);
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
  if (sqlite3_column_int (stmt, 9))
    {
      summary->last_committee = column_dup (stmt, 7);
      summary->last_date = column_dup (stmt, 8);
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&summary);
}

gint64
bk_store_find_motion_by_reference (BkStore    *self,
                                   const char *reference)
{
  g_return_val_if_fail (BK_IS_STORE (self), 0);
  if (reference == NULL || *reference == '\0')
    return 0;
  return bk_store_query_int (self, "SELECT id FROM paper WHERE reference = ?1 ORDER BY id LIMIT 1",
                    reference);
}

static gboolean
delete_paper (BkStore *self,
              gint64   id,
              GError **error)
{
  sqlite3_stmt *stmt;

  if (!delete_children (self, id, error))
    return FALSE;
  stmt = bk_store_get_stmt (self, "DELETE FROM paper WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return bk_store_step_done (self, stmt, error);
}

gboolean
bk_store_delete_motion (BkStore *self,
                        gint64   id,
                        GError **error)
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
append_filter_sql (GString              *sql,
                   const BkMotionFilter *filter)
{
  if (filter == NULL)
    return;
  if (filter->body != NULL)
    g_string_append (sql, " AND p.body = :body");
  if (filter->faction != NULL)
    g_string_append (sql, " AND EXISTS (SELECT 1 FROM paper_party pp WHERE pp.paper_id = p.id"
                          " AND pp.role = 'submitter' AND pp.name = :faction)");
  if (filter->faction != NULL && filter->faction_body != NULL)
    g_string_append (sql, " AND p.body = :faction_body");
  if (filter->status == BK_MOTION_STATUS_UPCOMING)
    g_string_append (sql, " AND EXISTS (SELECT 1 FROM consultation c WHERE c.paper_id = p.id"
                          " AND c.date >= :today)");
  else if (filter->status == BK_MOTION_STATUS_DECIDED)
    {
      g_string_append (sql, " AND ");
      append_decided (sql);
    }
}

static void
bind_filter (sqlite3_stmt         *stmt,
             const BkMotionFilter *filter,
             const char           *today)
{
  int index;

  if (filter == NULL)
    return;
  if ((index = sqlite3_bind_parameter_index (stmt, ":body")) > 0)
    bind_text (stmt, index, filter->body);
  if ((index = sqlite3_bind_parameter_index (stmt, ":faction")) > 0)
    bind_text (stmt, index, filter->faction);
  if ((index = sqlite3_bind_parameter_index (stmt, ":faction_body")) > 0)
    bind_text (stmt, index, filter->faction_body);
  if ((index = sqlite3_bind_parameter_index (stmt, ":today")) > 0)
    bind_text (stmt, index, today);
}

/* Filtered statements vary in shape, so they are prepared per call rather than
 * cached; the unfiltered list, the common case, uses the cache. */
static GArray *
collect_ids (BkStore              *self,
             const char           *sql,
             const char           *match,
             const BkMotionFilter *filter,
             guint                 limit,
             GError              **error)
{
  g_autofree char *today = dup_today (filter ? filter->today : NULL);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = NULL;
  int rc, index;

  rc = sqlite3_prepare_v2 (bk_store_get_db (self), sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      bk_store_set_sqlite_error (self, rc, error);
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
      bk_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

GArray *
bk_store_list_motion_ids (BkStore              *self,
                          const BkMotionFilter *filter,
                          GError              **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT p.id FROM paper p WHERE 1");

  g_return_val_if_fail (BK_IS_STORE (self), NULL);
  append_filter_sql (sql, filter);
  g_string_append (sql, " ORDER BY p.date DESC, p.id DESC");
  return collect_ids (self, sql->str, NULL, filter, 0, error);
}

/* Builds an FTS5 expression from what the citizen typed: every word of three
 * or more characters must occur, as a word start or a part of a word.
 * Returns NULL when no word is long enough for the index.
 *
 * The cost of a query is bounded whatever is typed or pasted: only the first
 * BK_SEARCH_MAX_QUERY bytes are read, a word repeated counts once, at most
 * BK_SEARCH_MAX_TERMS words are used, and a word is cut to the length the
 * index keeps of any word (the tokenizer's cap), so every prefix term expands
 * to at most what one indexed prefix holds. 1 500 repeated words over 80 000
 * motions took 7.6 s and 865 MB before (issue 18). */
char *
bk_store_build_match (const char *query,
                      GPtrArray  *short_terms)
{
  g_autofree char *head = NULL;
  g_autofree char *folded = NULL;
  g_auto(GStrv) words = NULL;
  g_autoptr(GString) match = g_string_new (NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint terms = 0;

  if (strlen (query) > BK_SEARCH_MAX_QUERY)
    {
      const char *end = query + BK_SEARCH_MAX_QUERY;

      /* cut before a partial character, which the validation would refuse */
      while (end > query && (*end & 0xc0) == 0x80)
        end--;
      head = g_strndup (query, end - query);
      query = head;
    }
  folded = bk_fold_for_search (query);
  words = g_strsplit (folded, " ", -1);

  for (guint i = 0; words[i] != NULL && terms < BK_SEARCH_MAX_TERMS; i++)
    {
      char *word = words[i];

      if (*word == '\0')
        continue;
      if (strlen (word) > BK_SEARCH_MAX_WORD)
        {
          char *end = word + BK_SEARCH_MAX_WORD;

          while (end > word && (*end & 0xc0) == 0x80)
            end--;
          *end = '\0';
        }
      if (!g_hash_table_add (seen, word))
        continue;
      terms++;
      if (g_utf8_strlen (word, -1) < 3)
        {
          g_ptr_array_add (short_terms, g_strdup (word));
          continue;
        }
      if (match->len > 0)
        g_string_append (match, " AND ");
      /* Folded words hold only letters, digits and spaces, so quoting is safe;
       * the star makes it a prefix query (the word while it is being typed,
       * and with the indexed endings, any part of a compound word). */
      g_string_append_printf (match, "\"%s\" *", word);
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
search_tiers (BkStore              *self,
              const char           *match,
              const BkMotionFilter *filter,
              guint                 limit,
              GError              **error)
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
  match = bk_store_build_match (query, short_terms);

  if (match == NULL && short_terms->len == 0)
    {
      g_autoptr(GArray) all = bk_store_list_motion_ids (self, filter, error);

      if (all != NULL && limit > 0 && all->len > limit)
        g_array_set_size (all, limit);
      return g_steal_pointer (&all);
    }
  /* a list of every motion that holds "ein" is no answer anyone reads */
  if (limit == 0 || limit > BK_STORE_SEARCH_MAX_RESULTS)
    limit = BK_STORE_SEARCH_MAX_RESULTS;

  if (match == NULL)
    {
      const char *pattern = g_ptr_array_index (short_terms, 0);

      /* Only one- or two-letter words: shorter than the index's prefixes, so
       * match word starts in the subject and submitters, newest first. A
       * scan, so bounded: the newest BK_SEARCH_SHORT_WINDOW motions ("KI"
       * while typing "KI-Strategie" costs the same at 10 000 motions as at
       * 100 000; 387 ms for a rare letter over all of them before). */
      sql = g_string_new ("SELECT p.id FROM (SELECT id FROM paper ORDER BY date DESC, id DESC"
                          " LIMIT " G_STRINGIFY (BK_SEARCH_SHORT_WINDOW) ") w"
                          " JOIN paper p ON p.id = w.id JOIN paper_fts f ON f.rowid = p.id"
                          " WHERE (f.subject LIKE :match || '%' OR f.subject LIKE '% ' || :match || '%'"
                          " OR f.submitters LIKE :match || '%' OR f.submitters LIKE '% ' || :match || '%')");
      append_filter_sql (sql, filter);
      g_string_append (sql, " ORDER BY p.date DESC, p.id DESC LIMIT :limit");
      return collect_ids (self, sql->str, pattern, filter, limit, error);
    }

  return search_tiers (self, match, filter, limit, error);
}

static GStrv
collect_strings (BkStore    *self,
                 const char *sql)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt = bk_store_get_stmt (self, sql, NULL);

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

void
bk_faction_free (BkFaction *faction)
{
  if (faction == NULL)
    return;
  g_free (faction->name);
  g_free (faction->body);
  g_free (faction);
}

GPtrArray *
bk_store_list_factions (BkStore *self)
{
  GPtrArray *factions = g_ptr_array_new_with_free_func ((GDestroyNotify) bk_faction_free);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BK_IS_STORE (self), factions);
  stmt = bk_store_get_stmt (self, "SELECT DISTINCT pp.name, NULLIF (p.body, '') FROM paper_party pp"
                                  " JOIN paper p ON p.id = pp.paper_id"
                                  " WHERE pp.role = 'submitter' AND pp.kind = 'faction'"
                                  " ORDER BY pp.name, p.body", NULL);
  if (stmt == NULL)
    return factions;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      BkFaction *faction = g_new0 (BkFaction, 1);

      faction->name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      faction->body = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      g_ptr_array_add (factions, faction);
    }
  sqlite3_reset (stmt);
  return factions;
}

/* --- check (bk-store-check.c) ------------------------------------------ */

/* Each motion has one row in each search index and each index row a motion:
 * a crash between two statements or a hand-edited database could break that
 * without breaking SQLite's own integrity. */
guint
bk_store_check_motions (BkStore *self,
                        GString *report)
{
  guint problems = 0;
  int rc;

  problems += bk_store_check_rows (self, "SELECT 'motion ' || id || ' is missing from the search index'"
                                         " FROM paper WHERE id NOT IN (SELECT rowid FROM paper_fts)",
                                   report, _("search index"));
  problems += bk_store_check_rows (self, "SELECT 'search entry ' || rowid || ' has no motion'"
                                         " FROM paper_fts WHERE rowid NOT IN (SELECT id FROM paper)",
                                   report, _("search index"));

  problems += bk_store_check_rows (self, "SELECT 'motion ' || id || ' is missing from the head index'"
                                         " FROM paper WHERE id NOT IN (SELECT rowid FROM paper_head_fts)",
                                   report, _("search index"));
  problems += bk_store_check_rows (self, "SELECT 'head entry ' || rowid || ' has no motion'"
                                         " FROM paper_head_fts WHERE rowid NOT IN (SELECT id FROM paper)",
                                   report, _("search index"));
  rc = sqlite3_exec (bk_store_get_db (self),
                     "INSERT INTO paper_fts (paper_fts, rank) VALUES ('integrity-check', 1);"
                     "INSERT INTO paper_head_fts (paper_head_fts, rank) VALUES ('integrity-check', 1)",
                     NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      g_string_append_printf (report, "%s: %s\n", _("search index"),
                              sqlite3_errmsg (bk_store_get_db (self)));
      problems++;
    }
  return problems;
}
