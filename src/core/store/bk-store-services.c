/* bk-store-services.c: the service catalogue in the store
 *
 * Services with their lists, translations and search entries; the search
 * ranks services whose name holds every word first.
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

static gint64
find_num (BkStore    *self,
          const char *id)
{
  return bk_store_query_int (self, "SELECT num FROM service WHERE id = ?1", id);
}

static gboolean
run_num (BkStore    *self,
         const char *sql,
         gint64      num,
         GError    **error)
{
  sqlite3_stmt *stmt = bk_store_get_stmt (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, num);
  return bk_store_step_done (self, stmt, error);
}

static gboolean
delete_service_num (BkStore *self,
                    gint64   num,
                    GError **error)
{
  /* the lists go by ON DELETE CASCADE; the search entry has no foreign key */
  return run_num (self, "DELETE FROM service_fts WHERE rowid = ?1", num, error) &&
         run_num (self, "DELETE FROM service WHERE num = ?1", num, error);
}

static gboolean
insert_items (BkStore    *self,
              gint64      num,
              const char *kind,
              GPtrArray  *items,
              GError    **error)
{
  for (guint i = 0; i < items->len; i++)
    {
      sqlite3_stmt *stmt = bk_store_get_stmt (self,
                                              "INSERT INTO service_item (service_num, kind,"
                                              " position, text) VALUES (?1, ?2, ?3, ?4)", error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, num);
      bind_text (stmt, 2, kind);
      sqlite3_bind_int (stmt, 3, (int) i);
      bind_text (stmt, 4, g_ptr_array_index (items, i));
      if (!bk_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static void
append_all (GString   *out,
            GPtrArray *texts)
{
  for (guint i = 0; i < texts->len; i++)
    g_string_append_printf (out, "\n%s", (const char *) g_ptr_array_index (texts, i));
}

/* Everything a citizen might type: the German texts and every translation. */
static gboolean
index_service (BkStore         *self,
               gint64           num,
               const BkService *s,
               GError         **error)
{
  g_autoptr(GString) names = g_string_new (s->name);
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *f_names = NULL;
  g_autofree char *f_body = NULL;
  sqlite3_stmt *stmt;
  const char *const parts[] = {
    s->short_text, s->full_text, s->who_may_apply, s->costs, s->deadlines, s->legal_basis,
    s->office.name, s->easy_read, s->municipality, s->leika_key, s->hints, s->further_info,
  };

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (parts[i] != NULL)
      g_string_append_printf (body, "\n%s", parts[i]);
  append_all (names, s->keywords);
  append_all (body, s->documents);
  append_all (body, s->steps);
  for (guint i = 0; i < s->translations->len; i++)
    {
      const BkServiceText *t = g_ptr_array_index (s->translations, i);

      if (t->name != NULL)
        g_string_append_printf (names, "\n%s", t->name);
      if (t->short_text != NULL)
        g_string_append_printf (body, "\n%s", t->short_text);
      if (t->full_text != NULL)
        g_string_append_printf (body, "\n%s", t->full_text);
    }
  f_names = bk_fold_for_search (names->str);
  f_body = bk_fold_for_search (body->str);

  stmt = bk_store_get_stmt (self, "INSERT INTO service_fts (rowid, name, body)"
                                  " VALUES (?1, ?2, ?3)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, num);
  bind_text (stmt, 2, f_names);
  bind_text (stmt, 3, f_body);
  return bk_store_step_done (self, stmt, error);
}

static gboolean
insert_children (BkStore         *self,
                 gint64           num,
                 const BkService *s,
                 GError         **error)
{
  sqlite3_stmt *stmt;

  if (!insert_items (self, num, "document", s->documents, error) ||
      !insert_items (self, num, "step", s->steps, error) ||
      !insert_items (self, num, "keyword", s->keywords, error))
    return FALSE;
  for (guint i = 0; i < s->kiosk_forms->len; i++)
    {
      stmt = bk_store_get_stmt (self, "INSERT INTO service_kiosk_form (service_num, position, form)"
                                      " VALUES (?1, ?2, ?3)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, num);
      sqlite3_bind_int (stmt, 2, (int) i);
      bind_text (stmt, 3, g_ptr_array_index (s->kiosk_forms, i));
      if (!bk_store_step_done (self, stmt, error))
        return FALSE;
    }
  for (guint i = 0; i < s->forms->len; i++)
    {
      const BkServiceForm *f = g_ptr_array_index (s->forms, i);

      stmt = bk_store_get_stmt (self, "INSERT INTO service_form (service_num, position, title,"
                                      " url) VALUES (?1, ?2, ?3, ?4)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, num);
      sqlite3_bind_int (stmt, 2, (int) i);
      bind_text (stmt, 3, f->title ? f->title : "");
      bind_text (stmt, 4, f->url ? f->url : "");  /* "": no address */
      if (!bk_store_step_done (self, stmt, error))
        return FALSE;
    }
  for (guint i = 0; i < s->life_situations->len; i++)
    {
      stmt = bk_store_get_stmt (self, "INSERT OR IGNORE INTO service_life_situation"
                                      " (service_num, position, situation) VALUES (?1, ?2, ?3)",
                                error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, num);
      sqlite3_bind_int (stmt, 2, (int) i);
      bind_text (stmt, 3, g_ptr_array_index (s->life_situations, i));
      if (!bk_store_step_done (self, stmt, error))
        return FALSE;
    }
  for (guint i = 0; i < s->translations->len; i++)
    {
      const BkServiceText *t = g_ptr_array_index (s->translations, i);

      stmt = bk_store_get_stmt (self, "INSERT OR REPLACE INTO service_text (service_num, lang,"
                                      " name, short_text, full_text) VALUES (?1, ?2, ?3, ?4, ?5)",
                                error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, num);
      bind_text (stmt, 2, t->lang);
      bind_text (stmt, 3, t->name);
      bind_text (stmt, 4, t->short_text);
      bind_text (stmt, 5, t->full_text);
      if (!bk_store_step_done (self, stmt, error))
        return FALSE;
    }
  return index_service (self, num, s, error);
}

gboolean
bk_store_save_service_row (BkStore         *self,
                           const BkService *s,
                           const char      *source_hash,
                           const char      *origin,
                           GError         **error)
{
  gint64 num = find_num (self, s->id);
  g_autofree char *old_origin = NULL;
  sqlite3_stmt *stmt;
  const char *const values[] = {
    s->id, s->leika_key, s->municipality ? s->municipality : "", s->name ? s->name : "",
    s->short_text ? s->short_text : "", s->full_text, s->who_may_apply, s->costs,
    s->processing_time, s->deadlines, s->legal_basis, s->office.name, s->office.address,
    s->office.opening_hours, s->office.phone, s->office.email, s->office.accessibility,
    s->online_url, s->easy_read, s->source, s->hints, s->further_info, s->source_id,
    s->source_version, source_hash, NULL,
  };

  /* A single file leaves the service with the publication it came from. */
  if (num != 0 && origin == NULL)
    {
      stmt = bk_store_get_stmt (self, "SELECT origin FROM service WHERE num = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, num);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        old_origin = column_dup (stmt, 0);
      sqlite3_reset (stmt);
    }
  /* Replaced whole, under the same number, so nothing of an older version stays. */
  if (num != 0 && !delete_service_num (self, num, error))
    return FALSE;
  stmt = bk_store_get_stmt (self,
                            "INSERT INTO service (num, id, leika_key, municipality, name,"
                            " short_text, full_text, who_may_apply, costs, processing_time,"
                            " deadlines, legal_basis, office_name, office_address, office_hours,"
                            " office_phone, office_email, office_accessibility, online_url,"
                            " easy_read, source, hints, further_info, source_id, source_version,"
                            " source_hash, origin) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9,"
                            " ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22,"
                            " ?23, ?24, ?25, ?26, ?27)", error);
  if (stmt == NULL)
    return FALSE;
  if (num != 0)
    sqlite3_bind_int64 (stmt, 1, num);
  else
    sqlite3_bind_null (stmt, 1);
  for (guint i = 0; i < G_N_ELEMENTS (values) - 1; i++)
    bind_text (stmt, 2 + (int) i, values[i]);
  bind_text (stmt, 1 + (int) G_N_ELEMENTS (values), origin ? origin : old_origin);
  if (!bk_store_step_done (self, stmt, error))
    return FALSE;
  if (num == 0)
    num = sqlite3_last_insert_rowid (bk_store_get_db (self));
  return insert_children (self, num, s, error);
}

gboolean
bk_store_save_service (BkStore         *self,
                       const BkService *service,
                       GError         **error)
{
  g_return_val_if_fail (BK_IS_STORE (self), FALSE);
  g_return_val_if_fail (service != NULL && service->id != NULL, FALSE);

  if (!bk_store_begin (self, error))
    return FALSE;
  if (!bk_store_save_service_row (self, service, NULL, NULL, error))
    {
      bk_store_rollback (self);
      return FALSE;
    }
  return bk_store_commit (self, error);
}

static void
load_items (BkStore    *self,
            gint64      num,
            const char *kind,
            GPtrArray  *into)
{
  sqlite3_stmt *stmt = bk_store_get_stmt (self, "SELECT text FROM service_item"
                                                " WHERE service_num = ?1 AND kind = ?2"
                                                " ORDER BY position", NULL);

  if (stmt == NULL)
    return;
  sqlite3_bind_int64 (stmt, 1, num);
  bind_text (stmt, 2, kind);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (into, column_dup (stmt, 0));
  sqlite3_reset (stmt);
}

static void
load_children (BkStore   *self,
               gint64     num,
               BkService *s)
{
  sqlite3_stmt *stmt;

  load_items (self, num, "document", s->documents);
  load_items (self, num, "step", s->steps);
  load_items (self, num, "keyword", s->keywords);

  stmt = bk_store_get_stmt (self, "SELECT title, url FROM service_form WHERE service_num = ?1"
                                  " ORDER BY position", NULL);
  if (stmt == NULL)
    return;
  sqlite3_bind_int64 (stmt, 1, num);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *url = (const char *) sqlite3_column_text (stmt, 1);

      bk_service_add_form (s, (const char *) sqlite3_column_text (stmt, 0),
                           url != NULL && *url != '\0' ? url : NULL);
    }
  sqlite3_reset (stmt);

  stmt = bk_store_get_stmt (self, "SELECT situation FROM service_life_situation"
                                  " WHERE service_num = ?1 ORDER BY position", NULL);
  if (stmt == NULL)
    return;
  sqlite3_bind_int64 (stmt, 1, num);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (s->life_situations, column_dup (stmt, 0));
  sqlite3_reset (stmt);

  stmt = bk_store_get_stmt (self, "SELECT form FROM service_kiosk_form"
                                  " WHERE service_num = ?1 ORDER BY position", NULL);
  if (stmt == NULL)
    return;
  sqlite3_bind_int64 (stmt, 1, num);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (s->kiosk_forms, column_dup (stmt, 0));
  sqlite3_reset (stmt);

  stmt = bk_store_get_stmt (self, "SELECT lang, name, short_text, full_text FROM service_text"
                                  " WHERE service_num = ?1 ORDER BY lang", NULL);
  if (stmt == NULL)
    return;
  sqlite3_bind_int64 (stmt, 1, num);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    bk_service_set_translation (s, (const char *) sqlite3_column_text (stmt, 0),
                                (const char *) sqlite3_column_text (stmt, 1),
                                (const char *) sqlite3_column_text (stmt, 2),
                                (const char *) sqlite3_column_text (stmt, 3));
  sqlite3_reset (stmt);
}

BkService *
bk_store_load_service (BkStore    *self,
                       const char *id,
                       GError    **error)
{
  g_autoptr(BkService) s = NULL;
  sqlite3_stmt *stmt;
  gint64 num;
  int rc;

  g_return_val_if_fail (BK_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  stmt = bk_store_get_stmt (self,
                            "SELECT num, leika_key, municipality, name, short_text, full_text,"
                            " who_may_apply, costs, processing_time, deadlines, legal_basis,"
                            " office_name, office_address, office_hours, office_phone,"
                            " office_email, office_accessibility, online_url, easy_read, source,"
                            " hints, further_info, source_id, source_version"
                            " FROM service WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, BK_ERROR, BK_ERROR_NOT_FOUND,
                     _("There is no service with the id “%s”"), id);
      else
        bk_store_set_sqlite_error (self, rc, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  s = bk_service_new ();
  s->id = g_strdup (id);
  num = sqlite3_column_int64 (stmt, 0);
  s->leika_key = column_dup (stmt, 1);
  s->municipality = column_dup (stmt, 2);
  s->name = column_dup (stmt, 3);
  s->short_text = column_dup (stmt, 4);
  s->full_text = column_dup (stmt, 5);
  s->who_may_apply = column_dup (stmt, 6);
  s->costs = column_dup (stmt, 7);
  s->processing_time = column_dup (stmt, 8);
  s->deadlines = column_dup (stmt, 9);
  s->legal_basis = column_dup (stmt, 10);
  s->office.name = column_dup (stmt, 11);
  s->office.address = column_dup (stmt, 12);
  s->office.opening_hours = column_dup (stmt, 13);
  s->office.phone = column_dup (stmt, 14);
  s->office.email = column_dup (stmt, 15);
  s->office.accessibility = column_dup (stmt, 16);
  s->online_url = column_dup (stmt, 17);
  s->easy_read = column_dup (stmt, 18);
  s->source = column_dup (stmt, 19);
  s->hints = column_dup (stmt, 20);
  s->further_info = column_dup (stmt, 21);
  s->source_id = column_dup (stmt, 22);
  s->source_version = column_dup (stmt, 23);
  sqlite3_reset (stmt);
  load_children (self, num, s);
  if (s->source_id != NULL)
    bk_store_load_local_offices (self, s);
  return g_steal_pointer (&s);
}

gboolean
bk_store_delete_service (BkStore    *self,
                         const char *id,
                         GError    **error)
{
  gint64 num;

  g_return_val_if_fail (BK_IS_STORE (self), FALSE);
  num = find_num (self, id);
  if (num == 0)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_NOT_FOUND,
                   _("There is no service with the id “%s”"), id);
      return FALSE;
    }
  if (!bk_store_begin (self, error))
    return FALSE;
  if (!delete_service_num (self, num, error))
    {
      bk_store_rollback (self);
      return FALSE;
    }
  return bk_store_commit (self, error);
}

guint
bk_store_count_services (BkStore *self)
{
  g_return_val_if_fail (BK_IS_STORE (self), 0);
  return (guint) bk_store_query_int (self, "SELECT count(*) FROM service", NULL);
}

/* --- lists and search ------------------------------------------------- */

/* The summary columns: s is the service, t its translation (LEFT JOIN). */
/* A service from XZuFi belongs to the towns where the source names a
 * responsible office or online service (BK_STORE_TOWN_RESPONSIBLE). */
#define SUMMARY_COLUMNS \
  "s.id, coalesce (t.name, s.name), coalesce (t.short_text, s.short_text)," \
  " CASE WHEN s.source_id IS NULL THEN s.municipality ELSE coalesce ((SELECT group_concat (name, ', ')" \
  "   FROM (SELECT w.name FROM town w WHERE EXISTS (SELECT 1 FROM xzufi_responsibility r" \
  "     WHERE r.service_source_id = s.source_id AND " BK_STORE_TOWN_IN_AREA ("w", "r") ")" \
  "     ORDER BY w.position)), '') END," \
  " CASE WHEN t.name IS NULL THEN 'de' ELSE :lang END," \
  " (SELECT group_concat (situation, ' ') FROM (SELECT situation FROM service_life_situation l" \
  "   WHERE l.service_num = s.num ORDER BY position))," \
  " s.easy_read IS NOT NULL, s.online_url IS NOT NULL OR (s.source_id IS NOT NULL AND EXISTS" \
  "   (SELECT 1 FROM xzufi_responsibility r JOIN town w ON " BK_STORE_TOWN_IN_AREA ("w", "r") \
  "    WHERE r.service_source_id = s.source_id AND r.parent_kind = 'online'))"

static void
append_filter (GString               *sql,
               const BkServiceFilter *filter)
{
  if (filter == NULL)
    return;
  if (filter->life_situation != NULL)
    g_string_append (sql, " AND EXISTS (SELECT 1 FROM service_life_situation l"
                          " WHERE l.service_num = s.num AND l.situation = :situation)");
  if (filter->municipality != NULL)
    g_string_append (sql, " AND (s.municipality = :municipality OR (s.source_id IS NOT NULL AND"
                          " EXISTS (SELECT 1 FROM town w JOIN xzufi_responsibility r ON "
                          BK_STORE_TOWN_IN_AREA ("w", "r") " WHERE w.name = :municipality"
                          " AND r.service_source_id = s.source_id)))");
}

static void
bind_named (sqlite3_stmt *stmt,
            const char   *name,
            const char   *value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    bind_text (stmt, index, value);
}

/* Runs sql and appends its summaries to rows, skipping ids already in seen. */
static gboolean
collect_summaries (BkStore               *self,
                   const char            *sql,
                   const BkServiceFilter *filter,
                   const char            *lang,
                   const char            *match,
                   guint                  limit,
                   GPtrArray             *rows,
                   GHashTable            *seen,
                   GError               **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (bk_store_get_db (self), sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      bk_store_set_sqlite_error (self, rc, error);
      return FALSE;
    }
  bind_named (stmt, ":lang", lang);
  bind_named (stmt, ":match", match);
  if (filter != NULL)
    {
      bind_named (stmt, ":situation", filter->life_situation);
      bind_named (stmt, ":municipality", filter->municipality);
    }
  while ((limit == 0 || rows->len < limit) && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(BkServiceSummary) row = g_new0 (BkServiceSummary, 1);
      const char *situations = (const char *) sqlite3_column_text (stmt, 5);

      row->id = column_dup (stmt, 0);
      if (seen != NULL && !g_hash_table_add (seen, g_strdup (row->id)))
        continue;
      row->name = column_dup (stmt, 1);
      row->short_text = column_dup (stmt, 2);
      row->municipality = column_dup (stmt, 3);
      row->lang = column_dup (stmt, 4);
      row->life_situations = situations ? g_strsplit (situations, " ", -1) : g_new0 (char *, 1);
      row->has_easy_read = sqlite3_column_int (stmt, 6);
      row->has_online_service = sqlite3_column_int (stmt, 7);
      g_ptr_array_add (rows, g_steal_pointer (&row));
    }
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      bk_store_set_sqlite_error (self, rc, error);
      sqlite3_finalize (stmt);
      return FALSE;
    }
  sqlite3_finalize (stmt);
  return TRUE;
}

static int
compare_by_name (gconstpointer a,
                 gconstpointer b)
{
  const BkServiceSummary *x = *(BkServiceSummary *const *) a;
  const BkServiceSummary *y = *(BkServiceSummary *const *) b;
  int c = g_utf8_collate (x->name, y->name);

  return c != 0 ? c : g_strcmp0 (x->id, y->id);
}

static GPtrArray *
new_rows (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) bk_service_summary_free);
}

GPtrArray *
bk_store_list_services (BkStore               *self,
                        const BkServiceFilter *filter,
                        const char            *lang,
                        GError               **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT " SUMMARY_COLUMNS " FROM service s"
                                         " LEFT JOIN service_text t ON t.service_num = s.num"
                                         " AND t.lang = :lang WHERE 1");
  g_autofree char *code = bk_service_dup_translation_lang (lang);
  g_autoptr(GPtrArray) rows = new_rows ();

  g_return_val_if_fail (BK_IS_STORE (self), NULL);
  append_filter (sql, filter);
  if (!collect_summaries (self, sql->str, filter, code, NULL, 0, rows, NULL, error))
    return NULL;
  g_ptr_array_sort (rows, compare_by_name);
  return g_steal_pointer (&rows);
}

GPtrArray *
bk_store_search_services (BkStore               *self,
                          const char            *query,
                          const BkServiceFilter *filter,
                          const char            *lang,
                          guint                  limit,
                          GError               **error)
{
  /* Tier 1: every word in a name; tier 2: anywhere. bm25 within a tier is
   * affordable: a catalogue has hundreds of services, not 100 000. */
  static const char *const columns[] = { "{name}", "{name body}" };
  g_autoptr(GPtrArray) short_terms = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *code = bk_service_dup_translation_lang (lang);
  g_autofree char *match = NULL;
  g_autoptr(GPtrArray) rows = new_rows ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_return_val_if_fail (BK_IS_STORE (self), NULL);
  if (query == NULL || !g_utf8_validate (query, -1, NULL))
    query = "";
  match = bk_store_build_match (query, short_terms);
  if (match == NULL)
    {
      g_autoptr(GPtrArray) all = NULL;

      if (short_terms->len > 0)
        {
          /* One or two letters, shorter than the index's prefixes: word starts
           * in the names (German, translated, keywords), alphabetically. */
          g_autoptr(GString) sql = g_string_new ("SELECT " SUMMARY_COLUMNS " FROM service_fts f"
                                                 " JOIN service s ON s.num = f.rowid"
                                                 " LEFT JOIN service_text t ON t.service_num = s.num"
                                                 " AND t.lang = :lang WHERE (f.name LIKE :match || '%'"
                                                 " OR f.name LIKE '% ' || :match || '%'"
                                                 " OR f.name LIKE '%' || char (10) || :match || '%')");

          append_filter (sql, filter);
          if (!collect_summaries (self, sql->str, filter, code, g_ptr_array_index (short_terms, 0),
                                  limit, rows, NULL, error))
            return NULL;
          g_ptr_array_sort (rows, compare_by_name);
          return g_steal_pointer (&rows);
        }
      all = bk_store_list_services (self, filter, lang, error);
      if (all != NULL && limit > 0 && all->len > limit)
        g_ptr_array_set_size (all, limit);
      return g_steal_pointer (&all);
    }

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      g_autofree char *scoped = g_strdup_printf ("%s : (%s)", columns[i], match);
      g_autoptr(GString) sql = g_string_new ("SELECT " SUMMARY_COLUMNS " FROM service_fts f"
                                             " JOIN service s ON s.num = f.rowid"
                                             " LEFT JOIN service_text t ON t.service_num = s.num"
                                             " AND t.lang = :lang WHERE service_fts MATCH :match");

      append_filter (sql, filter);
      g_string_append (sql, " ORDER BY bm25 (service_fts, 10.0, 1.0), s.name");
      if (!collect_summaries (self, sql->str, filter, code, scoped, limit, rows, seen, error))
        return NULL;
      if (limit > 0 && rows->len >= limit)
        break;
    }
  return g_steal_pointer (&rows);
}

GStrv
bk_store_list_services_with_form (BkStore    *self,
                                  const char *form,
                                  const char *municipality)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BK_IS_STORE (self), NULL);
  g_return_val_if_fail (form != NULL, NULL);
  stmt = bk_store_get_stmt (self, "SELECT s.id FROM service s WHERE EXISTS (SELECT 1"
                                  " FROM service_kiosk_form k WHERE k.service_num = s.num AND k.form = ?1)"
                                  " ORDER BY s.municipality = ?2 DESC, s.municipality, s.name, s.id", NULL);
  if (stmt != NULL)
    {
      bind_text (stmt, 1, form);
      bind_text (stmt, 2, municipality != NULL ? municipality : "");
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
      sqlite3_reset (stmt);
    }
  return g_strv_builder_end (builder);
}

GStrv
bk_store_list_service_municipalities (BkStore *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BK_IS_STORE (self), NULL);
  stmt = bk_store_get_stmt (self, "SELECT municipality FROM service WHERE municipality <> ''"
                                  " UNION SELECT w.name FROM town w WHERE EXISTS (SELECT 1"
                                  " FROM xzufi_responsibility r JOIN service s"
                                  " ON s.source_id = r.service_source_id"
                                  " WHERE " BK_STORE_TOWN_IN_AREA ("w", "r") ") ORDER BY 1", NULL);
  if (stmt != NULL)
    {
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
      sqlite3_reset (stmt);
    }
  return g_strv_builder_end (builder);
}

/* --- check (bk-store-check.c) ------------------------------------------ */

/* Rows of sql (service id, value) whose value is_known rejects. */
static guint
check_ids (BkStore     *self,
           GString     *report,
           const char  *sql,
           gboolean   (*is_known) (const char *id),
           const char  *what)
{
  sqlite3_stmt *stmt = NULL;
  guint problems = 0;

  if (sqlite3_prepare_v2 (bk_store_get_db (self), sql, -1, &stmt, NULL) != SQLITE_OK)
    return 0;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *value = (const char *) sqlite3_column_text (stmt, 1);

      if (is_known (value))
        continue;
      problems++;
      g_string_append_printf (report, "%s: service %s has an unknown %s “%s”\n",
                              _("services"), (const char *) sqlite3_column_text (stmt, 0),
                              what, value);
    }
  sqlite3_finalize (stmt);
  return problems;
}

guint
bk_store_check_services (BkStore *self,
                         GString *report)
{
  guint problems = check_ids (self, report,
                              "SELECT s.id, l.situation FROM service_life_situation l"
                              " JOIN service s ON s.num = l.service_num",
                              bk_life_situation_is_known, "life situation");

  problems += check_ids (self, report,
                         "SELECT s.id, k.form FROM service_kiosk_form k"
                         " JOIN service s ON s.num = k.service_num",
                         bk_kiosk_form_is_known, "kiosk form");

  problems += bk_store_check_rows (self,
                                   "SELECT 'service ' || id || ' is missing from the search index'"
                                   " FROM service WHERE num NOT IN (SELECT rowid FROM service_fts)",
                                   report, _("search index"));
  problems += bk_store_check_rows (self,
                                   "SELECT 'service search entry ' || rowid || ' has no service'"
                                   " FROM service_fts WHERE rowid NOT IN (SELECT num FROM service)",
                                   report, _("search index"));
  problems += bk_store_check_rows (self,
                                   "INSERT INTO service_fts (service_fts, rank)"
                                   " VALUES ('integrity-check', 1)",
                                   report, _("search index"));
  return problems;
}
