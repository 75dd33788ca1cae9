/* bk-store-oparl.c: the OParl objects besides papers in the store
 *
 * Bodies, organisations, persons, meetings and agenda items, keyed by their
 * OParl id (a URL). Only the OParl importer writes and reads them, to
 * resolve the references between objects that arrive in any order; the
 * kiosk shows what the importer copied into the motions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-store"

#include <stdlib.h>

#include "bk-store-oparl.h"
#include "bk-store-private.h"

#define bind_text bk_store_bind_text
#define column_dup bk_store_column_dup

gboolean
bk_store_save_body (BkStore    *self,
                    const char *oparl_id,
                    const char *name,
                    const char *short_name,
                    GError    **error)
{
  const char *values[] = { oparl_id, name ? name : "", short_name };

  g_return_val_if_fail (BK_IS_STORE (self) && oparl_id != NULL, FALSE);
  return bk_store_run_texts (self, "INSERT INTO body (oparl_id, name, short_name) VALUES (?1, ?2, ?3)"
                                   " ON CONFLICT (oparl_id) DO UPDATE SET name = excluded.name,"
                                   " short_name = excluded.short_name",
                              error, G_N_ELEMENTS (values), values);
}

static char *
query_string (BkStore    *self,
              const char *sql,
              const char *arg)
{
  sqlite3_stmt *stmt = bk_store_get_stmt (self, sql, NULL);
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
bk_store_set_body_main_organization (BkStore    *self,
                                     const char *body_oparl_id,
                                     const char *organization_oparl_id,
                                     GError    **error)
{
  const char *values[] = { body_oparl_id, organization_oparl_id };

  g_return_val_if_fail (BK_IS_STORE (self) && body_oparl_id != NULL, FALSE);
  return bk_store_run_texts (self, "UPDATE body SET main_organization = ?2 WHERE oparl_id = ?1",
                              error, G_N_ELEMENTS (values), values);
}

char *
bk_store_dup_body_assembly_name (BkStore    *self,
                                 const char *body_oparl_id)
{
  g_return_val_if_fail (BK_IS_STORE (self), NULL);
  return query_string (self, "SELECT nullif(o.name, '') FROM body b JOIN organization o"
                             " ON o.oparl_id = b.main_organization WHERE b.oparl_id = ?1",
                       body_oparl_id);
}

gboolean
bk_store_save_organization (BkStore    *self,
                            const char *oparl_id,
                            const char *body_oparl_id,
                            const char *name,
                            const char *short_name,
                            const char *classification,
                            GError    **error)
{
  const char *values[] = { oparl_id, body_oparl_id, name, short_name, classification };

  g_return_val_if_fail (BK_IS_STORE (self) && oparl_id != NULL, FALSE);
  return bk_store_run_texts (self, "INSERT INTO organization (oparl_id, body_oparl_id, name, short_name,"
                                   " classification) VALUES (?1, ?2, ?3, ?4, ?5)"
                                   " ON CONFLICT (oparl_id) DO UPDATE SET"
                                   " body_oparl_id = excluded.body_oparl_id, name = excluded.name,"
                                   " short_name = excluded.short_name,"
                                   " classification = excluded.classification",
                              error, G_N_ELEMENTS (values), values);
}

gboolean
bk_store_save_person (BkStore    *self,
                      const char *oparl_id,
                      const char *name,
                      GError    **error)
{
  const char *values[] = { oparl_id, name };

  g_return_val_if_fail (BK_IS_STORE (self) && oparl_id != NULL, FALSE);
  return bk_store_run_texts (self, "INSERT INTO person (oparl_id, name) VALUES (?1, ?2)"
                                   " ON CONFLICT (oparl_id) DO UPDATE SET name = excluded.name",
                              error, G_N_ELEMENTS (values), values);
}

gboolean
bk_store_save_meeting (BkStore               *self,
                       const BkStoreMeetingRow *meeting,
                       GError               **error)
{
  const char *values[] = {
    meeting->oparl_id, meeting->name, meeting->start, meeting->end, meeting->location,
    meeting->cancelled ? "1" : "0", meeting->organization_oparl_id, meeting->state,
  };

  g_return_val_if_fail (BK_IS_STORE (self) && meeting->oparl_id != NULL, FALSE);
  return bk_store_run_texts (self, "INSERT INTO meeting (oparl_id, name, start, end, location, cancelled,"
                                   " organization_oparl_id, state)"
                                   " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
                                   " ON CONFLICT (oparl_id) DO UPDATE SET name = excluded.name,"
                                   " start = excluded.start, end = excluded.end,"
                                   " location = excluded.location, cancelled = excluded.cancelled,"
                                   " organization_oparl_id = excluded.organization_oparl_id,"
                                   " state = excluded.state",
                              error, G_N_ELEMENTS (values), values);
}

gboolean
bk_store_save_agenda_item (BkStore                    *self,
                           const BkStoreAgendaItemRow *item,
                           GError                    **error)
{
  g_autofree char *position = item->position >= 0 ? g_strdup_printf ("%d", item->position) : NULL;
  BkOutcome outcome = bk_outcome_classify (item->result);
  const char *values[] = {
    item->oparl_id, item->meeting_oparl_id, item->number, item->name,
    item->consultation_oparl_id,
    item->is_public == BK_TRISTATE_UNKNOWN ? NULL : (item->is_public == BK_TRISTATE_YES ? "1" : "0"),
    item->result, position, bk_outcome_to_string (outcome), item->resolution_text,
  };

  g_return_val_if_fail (BK_IS_STORE (self) && item->oparl_id != NULL, FALSE);
  return bk_store_run_texts (self, "INSERT INTO agenda_item (oparl_id, meeting_oparl_id, number, name,"
                                   " consultation_oparl_id, public, result, position, outcome,"
                                   " resolution_text)"
                                   " VALUES (?1, ?2, ?3, ?4, ?5, CAST(?6 AS INTEGER), ?7,"
                                   " CAST(?8 AS INTEGER), ?9, ?10)"
                                   " ON CONFLICT (oparl_id) DO UPDATE SET"
                                   " meeting_oparl_id = excluded.meeting_oparl_id,"
                                   " number = excluded.number, name = excluded.name,"
                                   " consultation_oparl_id = excluded.consultation_oparl_id,"
                                   " public = excluded.public, result = excluded.result,"
                                   " position = excluded.position, outcome = excluded.outcome,"
                                   " resolution_text = excluded.resolution_text",
                              error, G_N_ELEMENTS (values), values);
}

gboolean
bk_store_prune_agenda_items (BkStore    *self,
                             const char *meeting_oparl_id,
                             const char *keep_json,
                             GError    **error)
{
  const char *values[] = { meeting_oparl_id, keep_json };

  g_return_val_if_fail (BK_IS_STORE (self) && meeting_oparl_id != NULL && keep_json != NULL, FALSE);
  return bk_store_run_texts (self, "DELETE FROM agenda_item WHERE meeting_oparl_id = ?1"
                                   " AND oparl_id NOT IN (SELECT value FROM json_each (?2))",
                              error, G_N_ELEMENTS (values), values);
}

gboolean
bk_store_update_meeting_consultations (BkStore    *self,
                                       const char *meeting_oparl_id,
                                       const char *date,
                                       const char *name,
                                       GError    **error)
{
  const char *values[] = { meeting_oparl_id, date, name };

  g_return_val_if_fail (BK_IS_STORE (self) && meeting_oparl_id != NULL, FALSE);
  return bk_store_run_texts (self, "UPDATE consultation SET date = ?2, meeting_name = ?3"
                                   " WHERE meeting_oparl_id = ?1 AND (date IS NOT ?2 OR meeting_name IS NOT ?3)",
                              error, G_N_ELEMENTS (values), values);
}

gboolean
bk_store_set_oparl_origin (BkStore          *self,
                           BkStoreOriginKind kind,
                           const char       *oparl_id,
                           const char       *origin,
                           GError          **error)
{
  static const char *const sql[] = {
    [BK_STORE_ORIGIN_PAPER] = "UPDATE paper SET origin = ?2 WHERE oparl_id = ?1 AND origin IS NOT ?2",
    [BK_STORE_ORIGIN_MEETING] = "UPDATE meeting SET origin = ?2 WHERE oparl_id = ?1 AND origin IS NOT ?2",
    [BK_STORE_ORIGIN_ORGANIZATION] = "UPDATE organization SET origin = ?2 WHERE oparl_id = ?1"
                                     " AND origin IS NOT ?2",
    [BK_STORE_ORIGIN_PERSON] = "UPDATE person SET origin = ?2 WHERE oparl_id = ?1 AND origin IS NOT ?2",
    [BK_STORE_ORIGIN_BODY] = "UPDATE body SET origin = ?2 WHERE oparl_id = ?1 AND origin IS NOT ?2",
  };
  const char *values[] = { oparl_id, origin };

  g_return_val_if_fail (BK_IS_STORE (self) && oparl_id != NULL, FALSE);
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (sql), FALSE);
  return bk_store_run_texts (self, sql[kind], error, G_N_ELEMENTS (values), values);
}

char *
bk_store_dup_organization_name (BkStore    *self,
                                const char *oparl_id)
{
  g_return_val_if_fail (BK_IS_STORE (self), NULL);
  return query_string (self, "SELECT coalesce(nullif(name, ''), short_name) FROM organization"
                             " WHERE oparl_id = ?1", oparl_id);
}

char *
bk_store_dup_person_name (BkStore    *self,
                          const char *oparl_id)
{
  g_return_val_if_fail (BK_IS_STORE (self), NULL);
  return query_string (self, "SELECT name FROM person WHERE oparl_id = ?1", oparl_id);
}

char *
bk_store_dup_body_name (BkStore    *self,
                        const char *oparl_id)
{
  g_return_val_if_fail (BK_IS_STORE (self), NULL);
  return query_string (self, "SELECT name FROM body WHERE oparl_id = ?1", oparl_id);
}

/* The first row of a two-column query with up to two text parameters. */
static gboolean
lookup_two (BkStore    *self,
            const char *sql,
            const char *arg1,
            const char *arg2,
            char      **first,
            char      **second)
{
  sqlite3_stmt *stmt = bk_store_get_stmt (self, sql, NULL);
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
bk_store_lookup_meeting (BkStore    *self,
                         const char *oparl_id,
                         char      **start,
                         char      **name)
{
  g_return_val_if_fail (BK_IS_STORE (self), FALSE);
  return lookup_two (self, "SELECT start, name FROM meeting WHERE oparl_id = ?1",
                     oparl_id, NULL, start, name);
}

gboolean
bk_store_lookup_organization (BkStore    *self,
                              const char *oparl_id,
                              char      **name,
                              char      **classification)
{
  g_return_val_if_fail (BK_IS_STORE (self), FALSE);
  return lookup_two (self, "SELECT coalesce(nullif(name, ''), short_name), classification"
                           " FROM organization WHERE oparl_id = ?1",
                     oparl_id, NULL, name, classification);
}

gboolean
bk_store_lookup_agenda_item (BkStore    *self,
                             const char *item_oparl_id,
                             const char *consultation_oparl_id,
                             char      **meeting_oparl_id,
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
bk_store_dup_paper_reference (BkStore    *self,
                              const char *oparl_id)
{
  g_return_val_if_fail (BK_IS_STORE (self), NULL);
  return query_string (self, "SELECT nullif(reference, '') FROM paper WHERE oparl_id = ?1",
                       oparl_id);
}

gboolean
bk_store_delete_oparl_object (BkStore    *self,
                              const char *oparl_id,
                              GError    **error)
{
  static const char *const sql[] = {
    "DELETE FROM body WHERE oparl_id = ?1",
    "DELETE FROM organization WHERE oparl_id = ?1",
    "DELETE FROM person WHERE oparl_id = ?1",
    "DELETE FROM meeting WHERE oparl_id = ?1",
    "DELETE FROM agenda_item WHERE oparl_id = ?1",
    "DELETE FROM consultation WHERE oparl_id = ?1",
    "DELETE FROM paper_file WHERE oparl_id = ?1",
    "DELETE FROM paper_text WHERE paper_oparl_id = ?1",
  };
  gint64 paper_id;
  gboolean removed = FALSE;

  g_return_val_if_fail (BK_IS_STORE (self) && oparl_id != NULL, FALSE);
  if (!bk_store_begin (self, error))
    return FALSE;

  paper_id = bk_store_query_int (self, "SELECT id FROM paper WHERE oparl_id = ?1", oparl_id);
  if (paper_id != 0)
    {
      if (!bk_store_delete_motion (self, paper_id, error))
        goto fail;
      removed = TRUE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (sql); i++)
    {
      sqlite3_stmt *stmt = bk_store_get_stmt (self, sql[i], error);

      if (stmt == NULL)
        goto fail;
      bind_text (stmt, 1, oparl_id);
      if (!bk_store_step_done (self, stmt, error))
        goto fail;
      removed |= sqlite3_changes (bk_store_get_db (self)) > 0;
    }
  if (!bk_store_commit (self, error))
    return FALSE;
  return removed;

fail:
  bk_store_rollback (self);
  return FALSE;
}

