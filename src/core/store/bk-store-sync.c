/* bk-store-sync.c: the OParl sync's tables (schema step 5)
 *
 * sync_endpoint, sync_list, sync_run with sync_run_list and sync_page, and
 * paper_text. Every function is one statement or one transaction of its
 * own, so that the sync engine can nest them in the transaction that
 * applies a walk.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-store"

#include "bk-store-sync.h"
#include "bk-store-private.h"

#define bind_text bk_store_bind_text
#define column_dup bk_store_column_dup

#define RUN BK_STORE_RUN

gboolean
bk_store_sync_tune_connection (BkStore *self,
                               GError **error)
{
  g_return_val_if_fail (BK_IS_STORE (self), FALSE);
  if (bk_store_get_path (self) == NULL)
    return TRUE;
  return bk_store_exec (self, "PRAGMA cache_size = -131072;"   /* 128 MiB at most */
                              "PRAGMA synchronous = NORMAL", error);
}

/* ---- endpoints -------------------------------------------------------------- */

void
bk_sync_endpoint_info_free (BkSyncEndpointInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->url);
  g_free (info->name);
  g_free (info->system_name);
  g_free (info->system_id);
  g_free (info->body_list_url);
  g_free (info->oparl_version);
  g_free (info->vendor);
  g_free (info->quirks);
  g_free (info->last_attempt);
  g_free (info->last_success);
  g_free (info->last_full);
  g_free (info->last_error);
  g_free (info->last_error_at);
  g_free (info);
}

gboolean
bk_store_sync_touch_endpoint (BkStore    *self,
                              const char *url,
                              const char *name,
                              GError    **error)
{
  g_return_val_if_fail (BK_IS_STORE (self) && url != NULL, FALSE);
  return RUN (self, "INSERT INTO sync_endpoint (url, name) VALUES (?1, ?2)"
                    " ON CONFLICT (url) DO UPDATE SET name = coalesce (excluded.name, name)"
                    " WHERE excluded.name IS NOT NULL AND excluded.name IS NOT name",
              error, url, name);
}

#define ENDPOINT_COLUMNS \
  "e.url, e.name, e.system_name, e.system_id, e.body_list_url, e.oparl_version, e.vendor, e.quirks," \
  " e.last_attempt, e.last_success, e.last_full, e.last_error, e.last_error_at, e.requests," \
  " (SELECT count(*) FROM paper WHERE origin = e.url)," \
  " (SELECT count(*) FROM meeting WHERE origin = e.url)," \
  " (SELECT count(*) FROM paper_text WHERE origin = e.url AND state IN ('pending', 'failed'))," \
  " (SELECT count(*) FROM paper_text WHERE origin = e.url AND state IN ('unreadable', 'deleted'))"

static BkSyncEndpointInfo *
endpoint_from_row (sqlite3_stmt *stmt)
{
  BkSyncEndpointInfo *info = g_new0 (BkSyncEndpointInfo, 1);

  info->url = column_dup (stmt, 0);
  info->name = column_dup (stmt, 1);
  info->system_name = column_dup (stmt, 2);
  info->system_id = column_dup (stmt, 3);
  info->body_list_url = column_dup (stmt, 4);
  info->oparl_version = column_dup (stmt, 5);
  info->vendor = column_dup (stmt, 6);
  info->quirks = column_dup (stmt, 7);
  info->last_attempt = column_dup (stmt, 8);
  info->last_success = column_dup (stmt, 9);
  info->last_full = column_dup (stmt, 10);
  info->last_error = column_dup (stmt, 11);
  info->last_error_at = column_dup (stmt, 12);
  info->requests = sqlite3_column_int64 (stmt, 13);
  info->papers = (guint) sqlite3_column_int64 (stmt, 14);
  info->meetings = (guint) sqlite3_column_int64 (stmt, 15);
  info->texts_pending = (guint) sqlite3_column_int64 (stmt, 16);
  info->texts_unavailable = (guint) sqlite3_column_int64 (stmt, 17);
  return info;
}

BkSyncEndpointInfo *
bk_store_sync_get_endpoint (BkStore    *self,
                            const char *url)
{
  sqlite3_stmt *stmt;
  BkSyncEndpointInfo *info = NULL;

  g_return_val_if_fail (BK_IS_STORE (self) && url != NULL, NULL);
  stmt = bk_store_get_stmt (self, "SELECT " ENDPOINT_COLUMNS " FROM sync_endpoint e WHERE e.url = ?1",
                            NULL);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, url);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    info = endpoint_from_row (stmt);
  sqlite3_reset (stmt);
  return info;
}

GPtrArray *
bk_store_sync_list_endpoints (BkStore *self,
                              GError **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) bk_sync_endpoint_info_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BK_IS_STORE (self), NULL);
  stmt = bk_store_get_stmt (self, "SELECT " ENDPOINT_COLUMNS " FROM sync_endpoint e"
                                  " ORDER BY coalesce (e.name, e.system_name, e.url)", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, endpoint_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      bk_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

gboolean
bk_store_sync_save_discovery (BkStore    *self,
                              const char *url,
                              const char *system_name,
                              const char *system_id,
                              const char *body_list_url,
                              const char *oparl_version,
                              const char *vendor,
                              const char *quirks,
                              GError    **error)
{
  g_return_val_if_fail (BK_IS_STORE (self) && url != NULL, FALSE);
  return RUN (self, "INSERT INTO sync_endpoint (url, system_name, system_id, body_list_url,"
                    " oparl_version, vendor, quirks) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
                    " ON CONFLICT (url) DO UPDATE SET system_name = excluded.system_name,"
                    " system_id = excluded.system_id, body_list_url = excluded.body_list_url,"
                    " oparl_version = excluded.oparl_version, vendor = excluded.vendor,"
                    " quirks = excluded.quirks",
              error, url, system_name, system_id, body_list_url, oparl_version, vendor, quirks);
}

gboolean
bk_store_sync_record_attempt (BkStore    *self,
                              const char *url,
                              const char *when,
                              GError    **error)
{
  g_return_val_if_fail (BK_IS_STORE (self) && url != NULL, FALSE);
  return RUN (self, "INSERT INTO sync_endpoint (url, last_attempt) VALUES (?1, ?2)"
                    " ON CONFLICT (url) DO UPDATE SET last_attempt = excluded.last_attempt",
              error, url, when);
}

gboolean
bk_store_sync_record_result (BkStore    *self,
                             const char *url,
                             const char *when,
                             gboolean    success,
                             gboolean    full,
                             const char *error_message,
                             guint       requests,
                             GError    **error)
{
  g_autofree char *count = g_strdup_printf ("%u", requests);

  g_return_val_if_fail (BK_IS_STORE (self) && url != NULL, FALSE);
  if (!bk_store_sync_touch_endpoint (self, url, NULL, error))
    return FALSE;
  if (success)
    return RUN (self, "UPDATE sync_endpoint SET last_success = ?2,"
                      " last_full = CASE WHEN ?3 = '1' THEN ?2 ELSE last_full END,"
                      " last_error = ?4, last_error_at = CASE WHEN ?4 IS NULL THEN NULL ELSE ?2 END,"
                      " requests = requests + CAST (?5 AS INTEGER) WHERE url = ?1",
                error, url, when, full ? "1" : "0", error_message, count);
  return RUN (self, "UPDATE sync_endpoint SET last_error = ?3, last_error_at = ?2,"
                    " requests = requests + CAST (?4 AS INTEGER) WHERE url = ?1",
              error, url, when, error_message, count);
}

/* ---- watermarks ------------------------------------------------------------ */

char *
bk_store_sync_dup_watermark (BkStore    *self,
                             const char *endpoint_url,
                             const char *list_url)
{
  sqlite3_stmt *stmt;
  char *watermark = NULL;

  g_return_val_if_fail (BK_IS_STORE (self), NULL);
  stmt = bk_store_get_stmt (self, "SELECT watermark FROM sync_list WHERE endpoint_url = ?1"
                                  " AND list_url = ?2", NULL);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, endpoint_url);
  bind_text (stmt, 2, list_url);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    watermark = column_dup (stmt, 0);
  sqlite3_reset (stmt);
  return watermark;
}

gboolean
bk_store_sync_set_watermark (BkStore    *self,
                             const char *endpoint_url,
                             const char *list_url,
                             const char *kind,
                             const char *body_oparl_id,
                             const char *watermark,
                             GError    **error)
{
  g_return_val_if_fail (BK_IS_STORE (self) && endpoint_url != NULL && list_url != NULL, FALSE);
  return RUN (self, "INSERT INTO sync_list (endpoint_url, list_url, kind, body_oparl_id, watermark)"
                    " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (endpoint_url, list_url)"
                    " DO UPDATE SET kind = excluded.kind, body_oparl_id = excluded.body_oparl_id,"
                    " watermark = excluded.watermark",
              error, endpoint_url, list_url, kind, body_oparl_id, watermark);
}

/* ---- runs ------------------------------------------------------------------- */

void
bk_sync_run_free (BkSyncRun *run)
{
  if (run == NULL)
    return;
  g_free (run->started);
  g_free (run->watermark);
  g_free (run->holder);
  g_free (run);
}

void
bk_sync_run_list_free (BkSyncRunList *list)
{
  if (list == NULL)
    return;
  g_free (list->list_url);
  g_free (list->kind);
  g_free (list->body_oparl_id);
  g_free (list->first_url);
  g_free (list);
}

void
bk_sync_page_info_free (BkSyncPageInfo *page)
{
  if (page == NULL)
    return;
  g_free (page->url);
  g_free (page->next_url);
  g_free (page->hash);
  g_free (page);
}

BkSyncRun *
bk_store_sync_get_run (BkStore    *self,
                       const char *endpoint_url)
{
  sqlite3_stmt *stmt;
  BkSyncRun *run = NULL;

  g_return_val_if_fail (BK_IS_STORE (self), NULL);
  stmt = bk_store_get_stmt (self, "SELECT started, watermark, full, holder FROM sync_run"
                                  " WHERE endpoint_url = ?1", NULL);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, endpoint_url);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      run = g_new0 (BkSyncRun, 1);
      run->started = column_dup (stmt, 0);
      run->watermark = column_dup (stmt, 1);
      run->full = sqlite3_column_int (stmt, 2) != 0;
      run->holder = column_dup (stmt, 3);
    }
  sqlite3_reset (stmt);
  return run;
}

gboolean
bk_store_sync_drop_run (BkStore    *self,
                        const char *endpoint_url,
                        GError    **error)
{
  g_return_val_if_fail (BK_IS_STORE (self), FALSE);
  if (!bk_store_begin (self, error))
    return FALSE;
  if (!RUN (self, "DELETE FROM sync_page WHERE endpoint_url = ?1", error, endpoint_url) ||
      !RUN (self, "DELETE FROM sync_run_list WHERE endpoint_url = ?1", error, endpoint_url) ||
      !RUN (self, "DELETE FROM sync_run WHERE endpoint_url = ?1", error, endpoint_url))
    {
      bk_store_rollback (self);
      return FALSE;
    }
  return bk_store_commit (self, error);
}

gboolean
bk_store_sync_begin_run (BkStore    *self,
                         const char *endpoint_url,
                         const char *started,
                         const char *watermark,
                         gboolean    full,
                         const char *holder,
                         GError    **error)
{
  g_return_val_if_fail (BK_IS_STORE (self), FALSE);
  if (!bk_store_begin (self, error))
    return FALSE;
  if (!bk_store_sync_drop_run (self, endpoint_url, error) ||
      !RUN (self, "INSERT INTO sync_run (endpoint_url, started, watermark, full, holder)"
                  " VALUES (?1, ?2, ?3, CAST (?4 AS INTEGER), ?5)",
            error, endpoint_url, started, watermark, full ? "1" : "0", holder))
    {
      bk_store_rollback (self);
      return FALSE;
    }
  return bk_store_commit (self, error);
}

gboolean
bk_store_sync_set_run_holder (BkStore    *self,
                              const char *endpoint_url,
                              const char *holder,
                              GError    **error)
{
  return RUN (self, "UPDATE sync_run SET holder = ?2 WHERE endpoint_url = ?1",
              error, endpoint_url, holder);
}

gboolean
bk_store_sync_add_run_list (BkStore             *self,
                            const char          *endpoint_url,
                            const BkSyncRunList *list,
                            GError             **error)
{
  g_autofree char *position = g_strdup_printf ("%u", list->position);

  g_return_val_if_fail (BK_IS_STORE (self), FALSE);
  return RUN (self, "INSERT INTO sync_run_list (endpoint_url, list_url, position, kind,"
                    " body_oparl_id, first_url, full, complete)"
                    " VALUES (?1, ?2, CAST (?3 AS INTEGER), ?4, ?5, ?6, CAST (?7 AS INTEGER), 0)"
                    " ON CONFLICT (endpoint_url, list_url) DO NOTHING",
              error, endpoint_url, list->list_url, position, list->kind, list->body_oparl_id,
              list->first_url, list->full ? "1" : "0");
}

gboolean
bk_store_sync_mark_run_list_full (BkStore    *self,
                                  const char *endpoint_url,
                                  const char *list_url,
                                  GError    **error)
{
  return RUN (self, "UPDATE sync_run_list SET full = 1 WHERE endpoint_url = ?1 AND list_url = ?2",
              error, endpoint_url, list_url);
}

gboolean
bk_store_sync_complete_run_list (BkStore    *self,
                                 const char *endpoint_url,
                                 const char *list_url,
                                 GError    **error)
{
  return RUN (self, "UPDATE sync_run_list SET complete = 1 WHERE endpoint_url = ?1 AND list_url = ?2",
              error, endpoint_url, list_url);
}

GPtrArray *
bk_store_sync_list_run_lists (BkStore    *self,
                              const char *endpoint_url,
                              GError    **error)
{
  g_autoptr(GPtrArray) lists = g_ptr_array_new_with_free_func ((GDestroyNotify) bk_sync_run_list_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = bk_store_get_stmt (self, "SELECT list_url, position, kind, body_oparl_id, first_url, full,"
                                  " complete FROM sync_run_list WHERE endpoint_url = ?1"
                                  " ORDER BY position", error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, endpoint_url);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BkSyncRunList *list = g_new0 (BkSyncRunList, 1);

      list->list_url = column_dup (stmt, 0);
      list->position = (guint) sqlite3_column_int (stmt, 1);
      list->kind = column_dup (stmt, 2);
      list->body_oparl_id = column_dup (stmt, 3);
      list->first_url = column_dup (stmt, 4);
      list->full = sqlite3_column_int (stmt, 5) != 0;
      list->complete = sqlite3_column_int (stmt, 6) != 0;
      g_ptr_array_add (lists, list);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      bk_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&lists);
}

gboolean
bk_store_sync_stage_page (BkStore    *self,
                          const char *endpoint_url,
                          const char *list_url,
                          gint64      seq,
                          const char *url,
                          const char *next_url,
                          const char *hash,
                          GBytes     *data,
                          GError    **error)
{
  sqlite3_stmt *stmt;
  gsize len;
  gconstpointer bytes = g_bytes_get_data (data, &len);

  if (!bk_store_begin (self, error))
    return FALSE;
  stmt = bk_store_get_stmt (self, "INSERT OR REPLACE INTO sync_page (endpoint_url, list_url, seq, url,"
                                  " next_url, hash, data) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);
  if (stmt == NULL)
    {
      bk_store_rollback (self);
      return FALSE;
    }
  bind_text (stmt, 1, endpoint_url);
  bind_text (stmt, 2, list_url);
  sqlite3_bind_int64 (stmt, 3, seq);
  bind_text (stmt, 4, url);
  bind_text (stmt, 5, next_url);
  bind_text (stmt, 6, hash);
  sqlite3_bind_blob64 (stmt, 7, bytes != NULL ? bytes : "", len, SQLITE_STATIC);
  if (!bk_store_step_done (self, stmt, error))
    {
      bk_store_rollback (self);
      return FALSE;
    }
  return bk_store_commit (self, error);
}

GPtrArray *
bk_store_sync_list_pages (BkStore    *self,
                          const char *endpoint_url,
                          const char *list_url,
                          GError    **error)
{
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func ((GDestroyNotify) bk_sync_page_info_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = bk_store_get_stmt (self, "SELECT seq, url, next_url, hash FROM sync_page"
                                  " WHERE endpoint_url = ?1 AND list_url = ?2 ORDER BY seq", error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, endpoint_url);
  bind_text (stmt, 2, list_url);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BkSyncPageInfo *page = g_new0 (BkSyncPageInfo, 1);

      page->seq = sqlite3_column_int64 (stmt, 0);
      page->url = column_dup (stmt, 1);
      page->next_url = column_dup (stmt, 2);
      page->hash = column_dup (stmt, 3);
      g_ptr_array_add (pages, page);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      bk_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&pages);
}

GBytes *
bk_store_sync_dup_page_data (BkStore    *self,
                             const char *endpoint_url,
                             const char *list_url,
                             gint64      seq,
                             GError    **error)
{
  sqlite3_stmt *stmt;
  GBytes *data = NULL;
  int rc;

  stmt = bk_store_get_stmt (self, "SELECT data FROM sync_page WHERE endpoint_url = ?1"
                                  " AND list_url = ?2 AND seq = ?3", error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, endpoint_url);
  bind_text (stmt, 2, list_url);
  sqlite3_bind_int64 (stmt, 3, seq);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    data = g_bytes_new (sqlite3_column_blob (stmt, 0), (gsize) sqlite3_column_bytes (stmt, 0));
  else
    bk_store_set_sqlite_error (self, rc == SQLITE_DONE ? SQLITE_NOTFOUND : rc, error);
  sqlite3_reset (stmt);
  return data;
}

/* ---- reconciliation ---------------------------------------------------------- */

gboolean
bk_store_sync_seen_reset (BkStore *self,
                          GError **error)
{
  return bk_store_exec (self, "CREATE TEMP TABLE IF NOT EXISTS sync_seen (id TEXT PRIMARY KEY);"
                              "DELETE FROM temp.sync_seen", error);
}

gboolean
bk_store_sync_seen_add (BkStore    *self,
                        const char *oparl_id,
                        GError    **error)
{
  sqlite3_stmt *stmt = bk_store_get_stmt (self, "INSERT OR IGNORE INTO temp.sync_seen (id) VALUES (?1)",
                                          error);

  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, oparl_id);
  return bk_store_step_done (self, stmt, error);
}

GPtrArray *
bk_store_sync_list_unseen (BkStore    *self,
                           const char *origin,
                           const char *kind,
                           GError    **error)
{
  static const struct {
    const char *kind;
    const char *sql;
  } queries[] = {
    { "paper", "SELECT oparl_id FROM paper WHERE origin = ?1"
               " AND oparl_id NOT IN (SELECT id FROM temp.sync_seen)" },
    { "meeting", "SELECT oparl_id FROM meeting WHERE origin = ?1"
                 " AND oparl_id NOT IN (SELECT id FROM temp.sync_seen)" },
    { "organization", "SELECT oparl_id FROM organization WHERE origin = ?1"
                      " AND oparl_id NOT IN (SELECT id FROM temp.sync_seen)" },
    { "person", "SELECT oparl_id FROM person WHERE origin = ?1"
                " AND oparl_id NOT IN (SELECT id FROM temp.sync_seen)" },
  };
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    if (g_strcmp0 (queries[i].kind, kind) == 0)
      stmt = bk_store_get_stmt (self, queries[i].sql, error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, origin);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (ids, column_dup (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      bk_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

/* ---- paper texts ------------------------------------------------------------- */

static const char *const text_states[] = {
  [BK_PAPER_TEXT_NONE] = NULL,
  [BK_PAPER_TEXT_PENDING] = "pending",
  [BK_PAPER_TEXT_OK] = "ok",
  [BK_PAPER_TEXT_UNREADABLE] = "unreadable",
  [BK_PAPER_TEXT_DELETED] = "deleted",
  [BK_PAPER_TEXT_FAILED] = "failed",
};

static BkPaperTextState
text_state_from_string (const char *name)
{
  for (guint i = 1; name != NULL && i < G_N_ELEMENTS (text_states); i++)
    if (g_str_equal (text_states[i], name))
      return (BkPaperTextState) i;
  return BK_PAPER_TEXT_NONE;
}

void
bk_paper_text_free (BkPaperText *text)
{
  if (text == NULL)
    return;
  g_free (text->paper_oparl_id);
  g_free (text->origin);
  g_free (text->file_oparl_id);
  g_free (text->url);
  g_free (text->mime_type);
  g_free (text->inline_text);
  g_free (text->message);
  g_free (text->etag);
  g_free (text->last_modified);
  g_free (text->cache_file);
  g_free (text->reading);
  g_free (text);
}

gboolean
bk_store_sync_note_paper_text (BkStore    *self,
                               const char *paper_oparl_id,
                               const char *origin,
                               const char *file_oparl_id,
                               const char *url,
                               const char *mime_type,
                               const char *file_modified,
                               const char *inline_text,
                               GError    **error)
{
  g_return_val_if_fail (BK_IS_STORE (self) && paper_oparl_id != NULL, FALSE);
  /* A different file, or the same one modified: read it again. */
  return RUN (self, "INSERT INTO paper_text (paper_oparl_id, origin, file_oparl_id, url, mime_type,"
                    " file_modified, inline_text) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
                    " ON CONFLICT (paper_oparl_id) DO UPDATE SET origin = excluded.origin,"
                    " file_oparl_id = excluded.file_oparl_id, url = excluded.url,"
                    " mime_type = excluded.mime_type, file_modified = excluded.file_modified,"
                    " inline_text = excluded.inline_text, state = 'pending', attempts = 0,"
                    " message = NULL"
                    " WHERE url IS NOT excluded.url OR file_modified IS NOT excluded.file_modified"
                    " OR inline_text IS NOT excluded.inline_text"
                    " OR file_oparl_id IS NOT excluded.file_oparl_id",
              error, paper_oparl_id, origin, file_oparl_id, url, mime_type, file_modified, inline_text);
}

#define TEXT_COLUMNS \
  "paper_oparl_id, origin, file_oparl_id, url, mime_type, inline_text, state, message," \
  " attempts, etag, last_modified, cache_file, reading"

static BkPaperText *
text_from_row (sqlite3_stmt *stmt)
{
  BkPaperText *text = g_new0 (BkPaperText, 1);

  text->paper_oparl_id = column_dup (stmt, 0);
  text->origin = column_dup (stmt, 1);
  text->file_oparl_id = column_dup (stmt, 2);
  text->url = column_dup (stmt, 3);
  text->mime_type = column_dup (stmt, 4);
  text->inline_text = column_dup (stmt, 5);
  text->state = text_state_from_string ((const char *) sqlite3_column_text (stmt, 6));
  text->message = column_dup (stmt, 7);
  text->attempts = (guint) sqlite3_column_int (stmt, 8);
  text->etag = column_dup (stmt, 9);
  text->last_modified = column_dup (stmt, 10);
  text->cache_file = column_dup (stmt, 11);
  text->reading = column_dup (stmt, 12);
  return text;
}

BkPaperText *
bk_store_sync_get_paper_text (BkStore    *self,
                              const char *paper_oparl_id)
{
  sqlite3_stmt *stmt;
  BkPaperText *text = NULL;

  g_return_val_if_fail (BK_IS_STORE (self), NULL);
  stmt = bk_store_get_stmt (self, "SELECT " TEXT_COLUMNS " FROM paper_text WHERE paper_oparl_id = ?1",
                            NULL);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, paper_oparl_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = text_from_row (stmt);
  sqlite3_reset (stmt);
  return text;
}

GPtrArray *
bk_store_sync_list_pending_texts (BkStore    *self,
                                  const char *origin,
                                  const char *priority_oparl_id,
                                  guint       max_attempts,
                                  const char *retry_before,
                                  guint       limit,
                                  GError    **error)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func ((GDestroyNotify) bk_paper_text_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BK_IS_STORE (self), NULL);
  stmt = bk_store_get_stmt (self, "SELECT " TEXT_COLUMNS " FROM paper_text t"
                                  " WHERE (?1 IS NULL OR t.origin = ?1)"
                                  " AND (t.state = 'pending' OR (t.state = 'failed' AND t.attempts < ?3"
                                  "      AND (t.tried_at IS NULL OR t.tried_at < ?4)))"
                                  " ORDER BY t.paper_oparl_id IS NOT ?2,"
                                  " (SELECT p.date FROM paper p WHERE p.oparl_id = t.paper_oparl_id) DESC"
                                  " LIMIT ?5", error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, origin);
  bind_text (stmt, 2, priority_oparl_id);
  sqlite3_bind_int (stmt, 3, (int) max_attempts);
  bind_text (stmt, 4, retry_before);
  sqlite3_bind_int64 (stmt, 5, limit > 0 ? (gint64) limit : -1);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (texts, text_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      bk_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&texts);
}

gboolean
bk_store_sync_save_paper_text (BkStore           *self,
                               const BkPaperText *text,
                               const char        *tried_at,
                               GError           **error)
{
  g_autofree char *attempts = g_strdup_printf ("%u", text->attempts);

  g_return_val_if_fail (BK_IS_STORE (self) && text->paper_oparl_id != NULL, FALSE);
  return RUN (self, "UPDATE paper_text SET state = ?2, message = ?3, attempts = CAST (?4 AS INTEGER),"
                    " tried_at = ?5, etag = ?6, last_modified = ?7, cache_file = ?8, reading = ?9"
                    " WHERE paper_oparl_id = ?1",
              error, text->paper_oparl_id, text_states[text->state] ? text_states[text->state] : "pending",
              text->message, attempts, tried_at, text->etag, text->last_modified, text->cache_file,
              text->reading);
}

gint64
bk_store_sync_find_motion (BkStore    *self,
                           const char *paper_oparl_id)
{
  g_return_val_if_fail (BK_IS_STORE (self), 0);
  if (paper_oparl_id == NULL)
    return 0;
  return bk_store_query_int (self, "SELECT id FROM paper WHERE oparl_id = ?1", paper_oparl_id);
}

/* ---- for the kiosk ------------------------------------------------------------ */

gboolean
bk_store_get_motion_origin (BkStore    *self,
                            gint64      motion_id,
                            char      **source_name,
                            char      **last_success)
{
  sqlite3_stmt *stmt;
  gboolean found = FALSE;

  g_return_val_if_fail (BK_IS_STORE (self), FALSE);
  stmt = bk_store_get_stmt (self, "SELECT coalesce (e.name, e.system_name, e.url), e.last_success"
                                  " FROM paper p JOIN sync_endpoint e ON e.url = p.origin"
                                  " WHERE p.id = ?1", NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, motion_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      found = TRUE;
      if (source_name != NULL)
        *source_name = column_dup (stmt, 0);
      if (last_success != NULL)
        *last_success = column_dup (stmt, 1);
    }
  sqlite3_reset (stmt);
  return found;
}

BkPaperTextState
bk_store_get_motion_text_state (BkStore *self,
                                gint64   motion_id,
                                char   **message)
{
  sqlite3_stmt *stmt;
  BkPaperTextState state = BK_PAPER_TEXT_NONE;

  g_return_val_if_fail (BK_IS_STORE (self), BK_PAPER_TEXT_NONE);
  stmt = bk_store_get_stmt (self, "SELECT t.state, t.message FROM paper p"
                                  " JOIN paper_text t ON t.paper_oparl_id = p.oparl_id"
                                  " WHERE p.id = ?1", NULL);
  if (stmt == NULL)
    return BK_PAPER_TEXT_NONE;
  sqlite3_bind_int64 (stmt, 1, motion_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      state = text_state_from_string ((const char *) sqlite3_column_text (stmt, 0));
      if (message != NULL)
        *message = column_dup (stmt, 1);
    }
  sqlite3_reset (stmt);
  return state;
}
