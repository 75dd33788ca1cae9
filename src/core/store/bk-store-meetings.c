/* bk-store-meetings.c: meetings and their agendas, for the calendar
 *
 * A meeting's lead committee is named through organization; an agenda
 * item leads to its paper through the consultation that names it (or that
 * it names).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-store"

#include "bk-store-meetings.h"
#include "bk-store-private.h"

#define bind_text bk_store_bind_text
#define column_dup bk_store_column_dup

void
bk_meeting_summary_free (BkMeetingSummary *meeting)
{
  if (meeting == NULL)
    return;
  g_free (meeting->oparl_id);
  g_free (meeting->name);
  g_free (meeting->start);
  g_free (meeting->end);
  g_free (meeting->location);
  g_free (meeting->committee);
  g_free (meeting->state);
  g_free (meeting->origin);
  g_free (meeting);
}

void
bk_agenda_entry_free (BkAgendaEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->number);
  g_free (entry->name);
  g_free (entry->result);
  g_free (entry->reference);
  g_free (entry->subject);
  g_free (entry);
}

GPtrArray *
bk_store_list_meetings (BkStore    *self,
                        const char *from,
                        const char *until,
                        gboolean    descending,
                        guint       limit,
                        GError    **error)
{
  g_autoptr(GPtrArray) meetings = g_ptr_array_new_with_free_func ((GDestroyNotify) bk_meeting_summary_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BK_IS_STORE (self), NULL);
  /* start holds the server's local time with its offset: its first ten
   * characters are the meeting's day there, which is what the calendar shows */
  stmt = bk_store_get_stmt (self, descending
                            ? "SELECT m.oparl_id, m.name, m.start, m.end, m.location,"
                              " coalesce (nullif (o.name, ''), o.short_name), m.state, m.cancelled, m.origin"
                              " FROM meeting m LEFT JOIN organization o ON o.oparl_id = m.organization_oparl_id"
                              " WHERE m.start IS NOT NULL AND (?1 IS NULL OR m.start >= ?1)"
                              " AND (?2 IS NULL OR m.start < ?2)"
                              " ORDER BY m.start DESC, m.id DESC LIMIT ?3"
                            : "SELECT m.oparl_id, m.name, m.start, m.end, m.location,"
                              " coalesce (nullif (o.name, ''), o.short_name), m.state, m.cancelled, m.origin"
                              " FROM meeting m LEFT JOIN organization o ON o.oparl_id = m.organization_oparl_id"
                              " WHERE m.start IS NOT NULL AND (?1 IS NULL OR m.start >= ?1)"
                              " AND (?2 IS NULL OR m.start < ?2)"
                              " ORDER BY m.start, m.id LIMIT ?3", error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, from);
  bind_text (stmt, 2, until);
  sqlite3_bind_int64 (stmt, 3, limit > 0 ? (gint64) limit : -1);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BkMeetingSummary *m = g_new0 (BkMeetingSummary, 1);

      m->oparl_id = column_dup (stmt, 0);
      m->name = column_dup (stmt, 1);
      m->start = column_dup (stmt, 2);
      m->end = column_dup (stmt, 3);
      m->location = column_dup (stmt, 4);
      m->committee = column_dup (stmt, 5);
      m->state = column_dup (stmt, 6);
      m->cancelled = sqlite3_column_int (stmt, 7) != 0;
      m->origin = column_dup (stmt, 8);
      g_ptr_array_add (meetings, m);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      bk_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&meetings);
}

GPtrArray *
bk_store_list_agenda (BkStore    *self,
                      const char *meeting_oparl_id,
                      GError    **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) bk_agenda_entry_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BK_IS_STORE (self), NULL);
  stmt = bk_store_get_stmt (self, "SELECT a.number, a.name, a.public, a.result, a.outcome,"
                                  " a.resolution_text, p.id, p.reference, p.subject"
                                  " FROM agenda_item a LEFT JOIN paper p ON p.id = coalesce ("
                                  "  (SELECT c.paper_id FROM consultation c WHERE c.agenda_item_oparl_id = a.oparl_id"
                                  "   LIMIT 1),"
                                  "  (SELECT c.paper_id FROM consultation c WHERE c.oparl_id = a.consultation_oparl_id"
                                  "   LIMIT 1))"
                                  " WHERE a.meeting_oparl_id = ?1 ORDER BY a.position, a.id", error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, meeting_oparl_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BkAgendaEntry *e = g_new0 (BkAgendaEntry, 1);

      e->number = column_dup (stmt, 0);
      e->name = column_dup (stmt, 1);
      e->is_public = sqlite3_column_type (stmt, 2) == SQLITE_NULL ? BK_TRISTATE_UNKNOWN
                     : (sqlite3_column_int (stmt, 2) ? BK_TRISTATE_YES : BK_TRISTATE_NO);
      e->result = column_dup (stmt, 3);
      e->outcome = bk_outcome_from_string ((const char *) sqlite3_column_text (stmt, 4));
      bk_votes_init (&e->votes);
      if (e->result != NULL)
        {
          bk_votes_parse (e->result, &e->votes);
          bk_votes_parse ((const char *) sqlite3_column_text (stmt, 5), &e->votes);
        }
      e->motion_id = sqlite3_column_int64 (stmt, 6);
      e->reference = column_dup (stmt, 7);
      e->subject = column_dup (stmt, 8);
      g_ptr_array_add (entries, e);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      bk_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&entries);
}

GStrv
bk_store_list_meeting_sources (BkStore *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BK_IS_STORE (self), NULL);
  stmt = bk_store_get_stmt (self, "SELECT coalesce (e.name, e.system_name, e.url), coalesce (e.last_success, '')"
                                  " FROM sync_endpoint e WHERE EXISTS (SELECT 1 FROM meeting m"
                                  "  WHERE m.origin = e.url)"
                                  " ORDER BY 1", NULL);
  if (stmt != NULL)
    {
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          g_autofree char *line = g_strdup_printf ("%s\t%s", sqlite3_column_text (stmt, 0),
                                                   sqlite3_column_text (stmt, 1));

          g_strv_builder_add (builder, line);
        }
      sqlite3_reset (stmt);
    }
  return g_strv_builder_end (builder);
}
