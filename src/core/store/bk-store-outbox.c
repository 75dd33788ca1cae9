/* bk-store-outbox.c: the outbox's tables
 *
 * One row per sealed submission: the encrypted bundle until the authority
 * accepted it, and the delivery metadata after. Every function is one short
 * transaction (or one statement), so that the delivery worker never holds
 * the database while it waits for the network.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-store"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "bk-error.h"
#include "bk-store-outbox.h"
#include "bk-store-private.h"

#define bind_text bk_store_bind_text
#define column_dup bk_store_column_dup

#define OUTBOX_COLUMNS \
  "o.id, o.reference, o.idempotency_key, o.kind, o.route, o.transport, o.recipient, o.state," \
  " b.bundle, o.sealed_for, o.remote_id, o.case_id, o.attempts, o.next_attempt_at, o.created_at," \
  " o.updated_at, o.submitted_at, o.finished_at, o.last_error, o.bundle_removed, coalesce (b.size, 0)" \
  " FROM outbox o LEFT JOIN outbox_bundle b ON b.id = o.id"

/* The same for lists: no bundle, only its size. */
#define LIST_COLUMNS \
  "o.id, o.reference, o.idempotency_key, o.kind, o.route, o.transport, o.recipient, o.state," \
  " NULL, o.sealed_for, o.remote_id, o.case_id, o.attempts, o.next_attempt_at, o.created_at," \
  " o.updated_at, o.submitted_at, o.finished_at, o.last_error, o.bundle_removed, coalesce (b.size, 0)" \
  " FROM outbox o LEFT JOIN outbox_bundle b ON b.id = o.id"

#define ACTIVE "state IN ('pending', 'sending', 'submitted')"

guint
bk_store_count_sealed_submissions (BkStore *self)
{
  g_return_val_if_fail (BK_IS_STORE (self), 0);
  return (guint) bk_store_query_int (self, "SELECT count(*) FROM submission WHERE sealed = 1", NULL);
}

static BkOutboxEntry *
entry_from_row (sqlite3_stmt *stmt)
{
  BkOutboxEntry *e = bk_outbox_entry_new ();

  e->id = sqlite3_column_int64 (stmt, 0);
  e->reference = column_dup (stmt, 1);
  e->idempotency_key = column_dup (stmt, 2);
  e->kind = column_dup (stmt, 3);
  e->route = column_dup (stmt, 4);
  e->transport = column_dup (stmt, 5);
  e->recipient = column_dup (stmt, 6);
  if (!bk_outbox_state_from_string ((const char *) sqlite3_column_text (stmt, 7), &e->state))
    e->state = BK_OUTBOX_FAILED;
  e->bundle = column_dup (stmt, 8);
  e->bundle_size = (gsize) sqlite3_column_int64 (stmt, 20);
  e->sealed_for = column_dup (stmt, 9);
  e->remote_id = column_dup (stmt, 10);
  e->case_id = column_dup (stmt, 11);
  e->attempts = (guint) sqlite3_column_int (stmt, 12);
  e->next_attempt_at = sqlite3_column_int64 (stmt, 13);
  e->created_at = sqlite3_column_int64 (stmt, 14);
  e->updated_at = sqlite3_column_int64 (stmt, 15);
  e->submitted_at = sqlite3_column_int64 (stmt, 16);
  e->finished_at = sqlite3_column_int64 (stmt, 17);
  e->last_error = column_dup (stmt, 18);
  e->bundle_removed = column_dup (stmt, 19);
  return e;
}

/* The bundle's row, written, or removed once bundle_removed says why. */
static gboolean
write_bundle (BkStore        *self,
              BkOutboxEntry  *entry,
              GError        **error)
{
  sqlite3_stmt *stmt;

  if (entry->bundle_removed != NULL)
    {
      stmt = bk_store_get_stmt (self, "DELETE FROM outbox_bundle WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, entry->id);
      return bk_store_step_done (self, stmt, error);
    }
  stmt = bk_store_get_stmt (self, "INSERT INTO outbox_bundle (id, size, bundle) VALUES (?1, ?2, ?3)"
                                  " ON CONFLICT (id) DO UPDATE SET size = excluded.size,"
                                  " bundle = excluded.bundle", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, entry->id);
  sqlite3_bind_int64 (stmt, 2, (gint64) strlen (entry->bundle));
  bind_text (stmt, 3, entry->bundle);
  if (!bk_store_step_done (self, stmt, error))
    return FALSE;
  entry->bundle_size = strlen (entry->bundle);
  entry->bundle_changed = FALSE;
  return TRUE;
}

gboolean
bk_store_outbox_insert (BkStore        *self,
                        BkOutboxEntry  *entry,
                        GError        **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BK_IS_STORE (self), FALSE);
  g_return_val_if_fail (entry != NULL && entry->bundle != NULL, FALSE);

  if (!bk_store_begin (self, error))
    return FALSE;
  stmt = bk_store_get_stmt (self,
                            "INSERT INTO outbox (reference, idempotency_key, kind, route, transport,"
                            " recipient, state, sealed_for, attempts, next_attempt_at,"
                            " created_at, updated_at)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 0, ?9, ?10, ?10)", error);
  if (stmt == NULL)
    goto fail;
  bind_text (stmt, 1, entry->reference);
  bind_text (stmt, 2, entry->idempotency_key);
  bind_text (stmt, 3, entry->kind);
  bind_text (stmt, 4, entry->route);
  bind_text (stmt, 5, entry->transport);
  bind_text (stmt, 6, entry->recipient);
  bind_text (stmt, 7, bk_outbox_state_to_string (entry->state));
  bind_text (stmt, 8, entry->sealed_for);
  sqlite3_bind_int64 (stmt, 9, entry->next_attempt_at);
  sqlite3_bind_int64 (stmt, 10, entry->created_at);
  if (!bk_store_step_done (self, stmt, error))
    goto fail;
  entry->id = sqlite3_last_insert_rowid (bk_store_get_db (self));
  if (!write_bundle (self, entry, error))
    goto fail;
  entry->updated_at = entry->created_at;
  return bk_store_commit (self, error);

fail:
  bk_store_rollback (self);
  return FALSE;
}

BkOutboxEntry *
bk_store_outbox_load (BkStore     *self,
                      gint64       id,
                      const char  *reference,
                      GError     **error)
{
  g_autofree char *ref = NULL;
  sqlite3_stmt *stmt;
  BkOutboxEntry *entry = NULL;
  int rc;

  g_return_val_if_fail (BK_IS_STORE (self), NULL);
  if (id > 0)
    {
      stmt = bk_store_get_stmt (self, "SELECT " OUTBOX_COLUMNS " WHERE o.id = ?1", error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_int64 (stmt, 1, id);
    }
  else
    {
      ref = g_ascii_strup (reference ? reference : "", -1);
      g_strstrip (ref);
      stmt = bk_store_get_stmt (self, "SELECT " OUTBOX_COLUMNS " WHERE o.reference = ?1", error);
      if (stmt == NULL)
        return NULL;
      bind_text (stmt, 1, ref);
    }
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    entry = entry_from_row (stmt);
  else if (rc == SQLITE_DONE)
    {
      if (id > 0)
        g_set_error (error, BK_ERROR, BK_ERROR_NOT_FOUND,
                     _("There is no outbox entry with the number %lld"), (long long) id);
      else
        g_set_error (error, BK_ERROR, BK_ERROR_NOT_FOUND,
                     _("There is no outbox entry with the reference %s"), ref);
    }
  else
    bk_store_set_sqlite_error (self, rc, error);
  sqlite3_reset (stmt);
  return entry;
}

BkOutboxEntry *
bk_store_outbox_next_due (BkStore             *self,
                          gint64               now,
                          const char * const  *skip,
                          GHashTable          *busy,
                          gint64              *next_due,
                          GError             **error)
{
  sqlite3_stmt *stmt;
  gint64 found = 0;
  gint64 due = G_MAXINT64;
  int rc;

  g_return_val_if_fail (BK_IS_STORE (self), NULL);
  stmt = bk_store_get_stmt (self, "SELECT id, route, next_attempt_at FROM outbox WHERE " ACTIVE
                                  " ORDER BY next_attempt_at, id", error);
  if (stmt == NULL)
    return NULL;
  /* Entries of a route that is resting (its server is down) are passed
   * over; the first other one is the answer, due now or later. */
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *route = (const char *) sqlite3_column_text (stmt, 1);
      gint64 at = sqlite3_column_int64 (stmt, 2);

      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (skip != NULL && route != NULL && g_strv_contains (skip, route))
        continue;
      if (busy != NULL && g_hash_table_contains (busy, &id))
        continue;
      if (at <= now)
        found = id;
      else
        due = at;
      break;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      bk_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  if (next_due != NULL)
    *next_due = due;
  if (found == 0)
    return NULL;
  return bk_store_outbox_load (self, found, NULL, error);
}

gboolean
bk_store_outbox_update (BkStore        *self,
                        BkOutboxEntry  *entry,
                        gint64          now,
                        GError        **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BK_IS_STORE (self), FALSE);
  g_return_val_if_fail (entry != NULL && entry->id > 0, FALSE);
  g_return_val_if_fail (entry->bundle == NULL || entry->bundle_removed == NULL, FALSE);

  if (!bk_store_begin (self, error))
    return FALSE;
  stmt = bk_store_get_stmt (self,
                            "UPDATE outbox SET state = ?2, sealed_for = ?3,"
                            " remote_id = ?4, case_id = ?5, attempts = ?6, next_attempt_at = ?7,"
                            " updated_at = ?8, submitted_at = ?9, finished_at = ?10,"
                            " last_error = ?11, bundle_removed = ?12 WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, entry->id);
  bind_text (stmt, 2, bk_outbox_state_to_string (entry->state));
  bind_text (stmt, 3, entry->sealed_for);
  bind_text (stmt, 4, entry->remote_id);
  bind_text (stmt, 5, entry->case_id);
  sqlite3_bind_int (stmt, 6, (int) entry->attempts);
  sqlite3_bind_int64 (stmt, 7, entry->next_attempt_at);
  sqlite3_bind_int64 (stmt, 8, now);
  sqlite3_bind_int64 (stmt, 9, entry->submitted_at);
  sqlite3_bind_int64 (stmt, 10, entry->finished_at);
  bind_text (stmt, 11, entry->last_error);
  bind_text (stmt, 12, entry->bundle_removed);
  if (!bk_store_step_done (self, stmt, error))
    goto fail;
  if (sqlite3_changes (bk_store_get_db (self)) != 1)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_NOT_FOUND,
                   _("There is no outbox entry with the number %lld"), (long long) entry->id);
      goto fail;
    }
  /* The bundle only when it was sealed anew or is to go: tens of kilobytes
   * are not rewritten for every step. */
  if ((entry->bundle_changed || entry->bundle_removed != NULL) && !write_bundle (self, entry, error))
    goto fail;
  if (!bk_store_commit (self, error))
    return FALSE;
  entry->updated_at = now;
  return TRUE;

fail:
  bk_store_rollback (self);
  return FALSE;
}

/* Runs an UPDATE; changed (may be NULL) receives the rows it changed. */
static gboolean
step_counting (BkStore       *self,
               sqlite3_stmt  *stmt,
               guint         *changed,
               GError       **error)
{
  if (!bk_store_step_done (self, stmt, error))
    return FALSE;
  if (changed != NULL)
    *changed = (guint) sqlite3_changes (bk_store_get_db (self));
  return TRUE;
}

gboolean
bk_store_outbox_hold_route (BkStore     *self,
                            const char  *route,
                            gint64       until,
                            const char  *problem,
                            gint64       now,
                            guint       *changed,
                            GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BK_IS_STORE (self), FALSE);
  stmt = bk_store_get_stmt (self, "UPDATE outbox SET next_attempt_at = max (next_attempt_at, ?2),"
                                  " last_error = ?3, updated_at = ?4"
                                  " WHERE route = ?1 AND state = 'pending'"
                                  " AND (next_attempt_at < ?2 OR last_error IS NOT ?3)", error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, route);
  sqlite3_bind_int64 (stmt, 2, until);
  bind_text (stmt, 3, problem);
  sqlite3_bind_int64 (stmt, 4, now);
  return step_counting (self, stmt, changed, error);
}

gboolean
bk_store_outbox_release_route (BkStore     *self,
                               const char  *route,
                               gint64       now,
                               guint       *changed,
                               GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BK_IS_STORE (self), FALSE);
  stmt = bk_store_get_stmt (self, "UPDATE outbox SET next_attempt_at = ?2, updated_at = ?2"
                                  " WHERE route = ?1 AND state IN ('pending', 'sending')"
                                  " AND next_attempt_at > ?2", error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, route);
  sqlite3_bind_int64 (stmt, 2, now);
  return step_counting (self, stmt, changed, error);
}

gboolean
bk_store_outbox_update_lazily (BkStore        *self,
                               BkOutboxEntry  *entry,
                               gint64          now,
                               GError        **error)
{
  gboolean ok;

  g_return_val_if_fail (BK_IS_STORE (self), FALSE);
  g_return_val_if_fail (!bk_store_in_transaction (self), FALSE);
  /* In WAL mode NORMAL skips the fsync of this commit only; the next FULL
   * commit makes it durable with its own. */
  if (!bk_store_exec (self, "PRAGMA synchronous = NORMAL", error))
    return FALSE;
  ok = bk_store_outbox_update (self, entry, now, error);
  if (!bk_store_exec (self, "PRAGMA synchronous = FULL", ok ? error : NULL))
    return FALSE;
  return ok;
}

GPtrArray *
bk_store_outbox_list (BkStore  *self,
                      int       state,
                      guint     limit,
                      GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BK_IS_STORE (self), NULL);
  stmt = bk_store_get_stmt (self, "SELECT " LIST_COLUMNS
                                  " WHERE ?1 IS NULL OR o.state = ?1"
                                  " ORDER BY o.created_at DESC, o.id DESC LIMIT ?2", error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, state >= 0 ? bk_outbox_state_to_string ((BkOutboxState) state) : NULL);
  sqlite3_bind_int64 (stmt, 2, limit > 0 ? (gint64) limit : -1);
  return bk_store_collect_rows (self, stmt, (gpointer (*) (sqlite3_stmt *)) entry_from_row,
                                (GDestroyNotify) bk_outbox_entry_free, error);
}

gboolean
bk_store_outbox_summarize (BkStore          *self,
                           BkOutboxSummary  *summary,
                           GError          **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BK_IS_STORE (self), FALSE);
  g_return_val_if_fail (summary != NULL, FALSE);
  bk_outbox_summary_clear (summary);

  stmt = bk_store_get_stmt (self, "SELECT state, count(*) FROM outbox GROUP BY state", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BkOutboxState state;

      if (bk_outbox_state_from_string ((const char *) sqlite3_column_text (stmt, 0), &state))
        summary->counts[state] = (guint) sqlite3_column_int (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    goto fail;

  stmt = bk_store_get_stmt (self, "SELECT created_at, reference FROM outbox"
                                  " WHERE state IN ('pending', 'sending')"
                                  " ORDER BY created_at, id LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      summary->oldest_waiting = sqlite3_column_int64 (stmt, 0);
      summary->oldest_reference = column_dup (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    goto fail;

  stmt = bk_store_get_stmt (self, "SELECT last_error, updated_at FROM outbox"
                                  " WHERE last_error IS NOT NULL AND state != 'accepted'"
                                  " ORDER BY updated_at DESC, id DESC LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      summary->last_error = column_dup (stmt, 0);
      summary->last_error_at = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    goto fail;

  summary->expired = (guint) bk_store_query_int (self, "SELECT count(*) FROM outbox"
                                                       " WHERE bundle_removed = 'retention'", NULL);
  return TRUE;

fail:
  bk_store_set_sqlite_error (self, rc, error);
  return FALSE;
}

gboolean
bk_store_outbox_retry (BkStore  *self,
                       gint64    id,
                       gint64    now,
                       GError  **error)
{
  g_autoptr(BkOutboxEntry) entry = NULL;

  g_return_val_if_fail (BK_IS_STORE (self), FALSE);
  if (!bk_store_begin (self, error))
    return FALSE;
  entry = bk_store_outbox_load (self, id, NULL, error);
  if (entry == NULL)
    goto fail;
  if (entry->bundle == NULL)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                   _("Outbox entry %lld (%s) cannot be sent again: its encrypted bundle was removed (%s)"),
                   (long long) id, entry->reference,
                   g_strcmp0 (entry->bundle_removed, "accepted") == 0
                   ? _("the authority accepted it") : _("kept longer than the retention period"));
      goto fail;
    }
  if (entry->state == BK_OUTBOX_SUBMITTED)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                   _("Outbox entry %lld (%s) was delivered; the kiosk is waiting for the authority's answer"),
                   (long long) id, entry->reference);
      goto fail;
    }
  /* A rejected or failed delivery starts afresh: a new case at the
   * destination, but the same idempotency key towards a form server. */
  if (entry->state == BK_OUTBOX_REJECTED || entry->state == BK_OUTBOX_FAILED)
    {
      g_clear_pointer (&entry->remote_id, g_free);
      g_clear_pointer (&entry->case_id, g_free);
      entry->submitted_at = 0;
      entry->finished_at = 0;
    }
  if (entry->state != BK_OUTBOX_SENDING)
    entry->state = BK_OUTBOX_PENDING;
  entry->attempts = 0;
  entry->next_attempt_at = now;
  if (!bk_store_outbox_update (self, entry, now, error))
    goto fail;
  return bk_store_commit (self, error);

fail:
  bk_store_rollback (self);
  return FALSE;
}

gboolean
bk_store_outbox_expire (BkStore     *self,
                        gint64       cutoff,
                        gint64       now,
                        const char  *message,
                        guint       *removed,
                        GError     **error)
{
  sqlite3_stmt *stmt;
  guint n;

  g_return_val_if_fail (BK_IS_STORE (self), FALSE);
  if (!bk_store_begin (self, error))
    return FALSE;
  stmt = bk_store_get_stmt (self,
                            "UPDATE outbox SET bundle_removed = 'retention',"
                            " state = CASE WHEN state IN ('rejected', 'failed') THEN state ELSE 'failed' END,"
                            " finished_at = CASE WHEN finished_at = 0 THEN ?2 ELSE finished_at END,"
                            " next_attempt_at = 0, last_error = ?3, updated_at = ?2"
                            " WHERE bundle_removed IS NULL AND created_at < ?1"
                            " AND id IN (SELECT id FROM outbox_bundle)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, cutoff);
  sqlite3_bind_int64 (stmt, 2, now);
  bind_text (stmt, 3, message);
  if (!bk_store_step_done (self, stmt, error))
    goto fail;
  n = (guint) sqlite3_changes (bk_store_get_db (self));
  if (!bk_store_exec (self, "DELETE FROM outbox_bundle WHERE id IN"
                            " (SELECT id FROM outbox WHERE bundle_removed IS NOT NULL)", error))
    goto fail;
  if (!bk_store_commit (self, error))
    return FALSE;
  if (removed != NULL)
    *removed = n;
  return TRUE;

fail:
  bk_store_rollback (self);
  return FALSE;
}

gboolean
bk_store_purge_outbox (BkStore     *self,
                       const char  *cutoff,
                       GError     **error)
{
  sqlite3_stmt *stmt;

  /* Before the submissions themselves: an entry goes with its submission,
   * so that a sealed submission never lacks its entry. */
  stmt = bk_store_get_stmt (self, "DELETE FROM outbox WHERE bundle_removed IS NOT NULL AND NOT EXISTS"
                                  " (SELECT 1 FROM submission s WHERE s.reference = outbox.reference"
                                  "  AND s.created_at >= ?1)", error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, cutoff);
  return bk_store_step_done (self, stmt, error);
}

gboolean
bk_store_outbox_get_key (BkStore     *self,
                         const char  *route,
                         char       **kid,
                         char       **jwk,
                         gint64      *checked_at)
{
  sqlite3_stmt *stmt;
  gboolean found;

  g_return_val_if_fail (BK_IS_STORE (self), FALSE);
  stmt = bk_store_get_stmt (self, "SELECT kid, jwk, checked_at FROM outbox_key WHERE route = ?1", NULL);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, route);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  if (found)
    {
      if (kid != NULL)
        *kid = column_dup (stmt, 0);
      if (jwk != NULL)
        *jwk = column_dup (stmt, 1);
      if (checked_at != NULL)
        *checked_at = sqlite3_column_int64 (stmt, 2);
    }
  sqlite3_reset (stmt);
  return found;
}

gboolean
bk_store_outbox_set_key (BkStore     *self,
                         const char  *route,
                         const char  *kid,
                         const char  *jwk,
                         gint64       checked_at,
                         GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BK_IS_STORE (self), FALSE);
  if (!bk_store_begin (self, error))
    return FALSE;
  stmt = bk_store_get_stmt (self, "INSERT INTO outbox_key (route, kid, jwk, checked_at)"
                                  " VALUES (?1, ?2, ?3, ?4) ON CONFLICT (route) DO UPDATE SET"
                                  " kid = excluded.kid, jwk = excluded.jwk,"
                                  " checked_at = excluded.checked_at", error);
  if (stmt == NULL)
    goto fail;
  bind_text (stmt, 1, route);
  bind_text (stmt, 2, kid);
  bind_text (stmt, 3, jwk);
  sqlite3_bind_int64 (stmt, 4, checked_at);
  if (!bk_store_step_done (self, stmt, error))
    goto fail;
  return bk_store_commit (self, error);

fail:
  bk_store_rollback (self);
  return FALSE;
}

/* --- check (bk-store-check.c) ------------------------------------------ */

/* What the constraints cannot see: a sealed submission has its outbox
 * entry and keeps no answers, an entry still on its way has its bundle, and
 * one the destination took has the destination's id. */
guint
bk_store_check_outbox (BkStore *self,
                       GString *report)
{
  guint problems = 0;

  problems += bk_store_check_rows (self,
                                   "SELECT 'submission ' || reference || ' is sealed but keeps answers'"
                                   " FROM submission WHERE sealed = 1 AND answers != '{}'",
                                   report, _("outbox"));
  problems += bk_store_check_rows (self,
                                   "SELECT 'submission ' || s.reference || ' is sealed but has no outbox entry'"
                                   " FROM submission s WHERE s.sealed = 1 AND NOT EXISTS"
                                   " (SELECT 1 FROM outbox o WHERE o.reference = s.reference)",
                                   report, _("outbox"));
  problems += bk_store_check_rows (self,
                                   "SELECT 'outbox entry ' || id || ' (' || reference || ') is ' || state ||"
                                   " ' but its bundle is gone' FROM outbox"
                                   " WHERE " ACTIVE " AND id NOT IN (SELECT id FROM outbox_bundle)",
                                   report, _("outbox"));
  problems += bk_store_check_rows (self,
                                   "SELECT 'outbox entry ' || id || ' (' || reference || ') keeps the bundle"
                                   " it says was removed' FROM outbox WHERE bundle_removed IS NOT NULL"
                                   " AND id IN (SELECT id FROM outbox_bundle)",
                                   report, _("outbox"));
  problems += bk_store_check_rows (self,
                                   "SELECT 'outbox entry ' || id || ' has a bundle that is not JSON'"
                                   " FROM outbox_bundle WHERE NOT json_valid (bundle) OR size != length (CAST (bundle AS BLOB))",
                                   report, _("outbox"));
  problems += bk_store_check_rows (self,
                                   "SELECT 'outbox entry ' || id || ' (' || reference || ') is ' || state ||"
                                   " ' without the id the destination gave it' FROM outbox"
                                   " WHERE state IN ('submitted', 'accepted') AND remote_id IS NULL",
                                   report, _("outbox"));
  return problems;
}
