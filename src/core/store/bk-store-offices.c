/* bk-store-offices.c: towns, and the offices responsible for a service there
 *
 * The towns the kiosk serves, by their Amtlicher Regionalschlüssel, and what
 * the XZuFi importer keeps besides the services: offices, online services and
 * the responsibilities that tie a service to an office in an area. For a town
 * the most specific responsibility wins (the town's own before its county's),
 * then the first one written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-store"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "bk-error.h"
#include "bk-store-private.h"
#include "bk-store-xzufi.h"

#define bind_text bk_store_bind_text
#define column_dup bk_store_column_dup

/* --- towns ------------------------------------------------------------- */

GPtrArray *
bk_store_list_towns (BkStore *self,
                     GError **error)
{
  g_autoptr(GPtrArray) towns = g_ptr_array_new_with_free_func ((GDestroyNotify) bk_town_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BK_IS_STORE (self), NULL);
  stmt = bk_store_get_stmt (self, "SELECT ars, name FROM town ORDER BY position, ars", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BkTown *town = g_new0 (BkTown, 1);

      town->ars = column_dup (stmt, 0);
      town->name = column_dup (stmt, 1);
      g_ptr_array_add (towns, town);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      bk_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&towns);
}

gboolean
bk_store_add_town (BkStore    *self,
                   const char *ars,
                   const char *name,
                   GError    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BK_IS_STORE (self), FALSE);
  if (!bk_ars_is_valid (ars))
    {
      g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                   /* Translators: ARS is the Amtlicher Regionalschlüssel */
                   _("“%s” is not the ARS of a town: it has 12 digits"), ars ? ars : "");
      return FALSE;
    }
  if (name == NULL || strspn (name, " \t\n") == strlen (name))
    {
      g_set_error_literal (error, BK_ERROR, BK_ERROR_INVALID_INPUT, _("The town needs a name"));
      return FALSE;
    }
  stmt = bk_store_get_stmt (self, "INSERT INTO town (ars, name, position) VALUES (?1, ?2,"
                                  " (SELECT coalesce (max (position), 0) + 1 FROM town))"
                                  " ON CONFLICT (ars) DO UPDATE SET name = excluded.name", error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, ars);
  bind_text (stmt, 2, name);
  return bk_store_step_done (self, stmt, error);
}

gboolean
bk_store_remove_town (BkStore    *self,
                      const char *ars,
                      GError    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BK_IS_STORE (self), FALSE);
  stmt = bk_store_get_stmt (self, "DELETE FROM town WHERE ars = ?1", error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, ars);
  if (!bk_store_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (bk_store_get_db (self)) == 0)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_NOT_FOUND, _("There is no town with the ARS “%s”"), ars);
      return FALSE;
    }
  return TRUE;
}

/* --- local offices ------------------------------------------------------ */

/* The best responsibility of a kind for the service in the town: the
 * smallest area, then the first written. */
#define BEST_FOR_TOWN \
  " WHERE r.service_source_id = ?1 AND substr (?2, 1, length (r.area)) = r.area" \
  " ORDER BY length (r.area) DESC, r.num LIMIT 1"

static void
load_town_office (BkStore              *self,
                  const char           *source_id,
                  BkServiceLocalOffice *local)
{
  sqlite3_stmt *stmt = bk_store_get_stmt (self,
                                          "SELECT o.name, o.address, o.opening_hours, o.phone,"
                                          " o.email, o.accessibility FROM xzufi_responsibility r"
                                          " JOIN xzufi_office o ON o.id = r.parent_id"
                                          " AND r.parent_kind = 'office'" BEST_FOR_TOWN, NULL);

  if (stmt == NULL)
    return;
  bind_text (stmt, 1, source_id);
  bind_text (stmt, 2, local->town_ars);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      local->office.name = column_dup (stmt, 0);
      local->office.address = column_dup (stmt, 1);
      local->office.opening_hours = column_dup (stmt, 2);
      local->office.phone = column_dup (stmt, 3);
      local->office.email = column_dup (stmt, 4);
      local->office.accessibility = column_dup (stmt, 5);
    }
  sqlite3_reset (stmt);

  stmt = bk_store_get_stmt (self, "SELECT d.url FROM xzufi_responsibility r"
                                  " JOIN xzufi_online_service d ON d.id = r.parent_id"
                                  " AND r.parent_kind = 'online' AND d.url IS NOT NULL"
                                  BEST_FOR_TOWN, NULL);
  if (stmt == NULL)
    return;
  bind_text (stmt, 1, source_id);
  bind_text (stmt, 2, local->town_ars);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    local->online_url = column_dup (stmt, 0);
  sqlite3_reset (stmt);
}

void
bk_store_load_local_offices (BkStore   *self,
                             BkService *service)
{
  g_autoptr(GPtrArray) towns = bk_store_list_towns (self, NULL);
  g_autoptr(GString) places = g_string_new (NULL);
  g_autofree char *first_url = NULL;
  gboolean same_url = TRUE;

  for (guint i = 0; towns != NULL && i < towns->len; i++)
    {
      const BkTown *town = g_ptr_array_index (towns, i);
      BkServiceLocalOffice *local = bk_service_add_local_office (service, town->ars, town->name);

      load_town_office (self, service->source_id, local);
      if (i == 0)
        first_url = g_strdup (local->online_url);
      else if (g_strcmp0 (first_url, local->online_url) != 0)
        same_url = FALSE;
      if (local->office.name == NULL && local->online_url == NULL)
        {
          /* Nothing in this town: not one of the service's places. */
          g_ptr_array_remove_index (service->local_offices, service->local_offices->len - 1);
          continue;
        }
      if (places->len > 0)
        g_string_append (places, ", ");
      g_string_append (places, town->name);
    }
  /* Without a town chosen, an online service only when it is the same in
   * every town. */
  if (service->online_url == NULL && same_url && first_url != NULL)
    service->online_url = g_steal_pointer (&first_url);
  if (service->municipality == NULL || *service->municipality == '\0')
    {
      g_free (service->municipality);
      service->municipality = g_string_free (g_steal_pointer (&places), FALSE);
    }
}

/* --- the importer's objects ------------------------------------------------ */

/* Runs sql with the n texts bound to ?1 … ?n (NULL binds NULL). */
static gboolean
run_texts (BkStore           *self,
           const char        *sql,
           const char *const *values,
           guint              n,
           GError           **error)
{
  sqlite3_stmt *stmt = bk_store_get_stmt (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < n; i++)
    bind_text (stmt, 1 + (int) i, values[i]);
  return bk_store_step_done (self, stmt, error);
}

gboolean
bk_store_xzufi_lookup (BkStore     *self,
                       BkXzufiKind  kind,
                       const char  *source_id,
                       char       **version,
                       char       **hash)
{
  static const char *const sql[] = {
    [BK_XZUFI_SERVICE] = "SELECT source_version, source_hash FROM service WHERE source_id = ?1",
    [BK_XZUFI_OFFICE] = "SELECT version, hash FROM xzufi_office WHERE id = ?1",
    [BK_XZUFI_ONLINE] = "SELECT version, hash FROM xzufi_online_service WHERE id = ?1",
    [BK_XZUFI_RESPONSIBILITY] = "SELECT NULL, hash FROM xzufi_responsibility WHERE id = ?1",
  };
  sqlite3_stmt *stmt = bk_store_get_stmt (self, sql[kind], NULL);
  gboolean found = FALSE;

  if (version != NULL)
    *version = NULL;
  if (hash != NULL)
    *hash = NULL;
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, source_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      found = TRUE;
      if (version != NULL)
        *version = column_dup (stmt, 0);
      if (hash != NULL)
        *hash = column_dup (stmt, 1);
    }
  sqlite3_reset (stmt);
  return found;
}

gboolean
bk_store_xzufi_save_service (BkStore         *self,
                             const BkService *service,
                             const char      *hash,
                             const char      *origin,
                             GError         **error)
{
  g_return_val_if_fail (service->source_id != NULL, FALSE);
  return bk_store_save_service_row (self, service, hash, origin, error);
}

gboolean
bk_store_xzufi_save_office (BkStore               *self,
                            const char            *id,
                            const char            *version,
                            const char            *hash,
                            const char            *origin,
                            const BkServiceOffice *office,
                            GError               **error)
{
  const char *const values[] = {
    id, version, hash, origin, office->name, office->address, office->opening_hours,
    office->phone, office->email, office->accessibility,
  };

  return run_texts (self, "INSERT INTO xzufi_office (id, version, hash, origin, name,"
                          " address, opening_hours, phone, email, accessibility)"
                          " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"
                          " ON CONFLICT (id) DO UPDATE SET version = excluded.version,"
                          " hash = excluded.hash, origin = coalesce (excluded.origin, origin),"
                          " name = excluded.name, address = excluded.address,"
                          " opening_hours = excluded.opening_hours,"
                          " phone = excluded.phone, email = excluded.email,"
                          " accessibility = excluded.accessibility",
                    values, G_N_ELEMENTS (values), error);
}

gboolean
bk_store_xzufi_save_online (BkStore    *self,
                            const char *id,
                            const char *version,
                            const char *hash,
                            const char *origin,
                            const char *name,
                            const char *url,
                            GError    **error)
{
  const char *const values[] = { id, version, hash, origin, name, url };

  return run_texts (self, "INSERT INTO xzufi_online_service (id, version, hash,"
                          " origin, name, url) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
                          " ON CONFLICT (id) DO UPDATE SET version = excluded.version,"
                          " hash = excluded.hash, origin = coalesce (excluded.origin, origin),"
                          " name = excluded.name, url = excluded.url",
                    values, G_N_ELEMENTS (values), error);
}

static gboolean
run_text2 (BkStore    *self,
           const char *sql,
           const char *a,
           const char *b,
           GError    **error)
{
  const char *const values[] = { a, b };

  return run_texts (self, sql, values, G_N_ELEMENTS (values), error);
}

gboolean
bk_store_xzufi_clear_nested (BkStore    *self,
                             const char *parent_kind,
                             const char *parent_id,
                             GError    **error)
{
  return run_text2 (self, "DELETE FROM xzufi_responsibility WHERE parent_kind = ?1"
                          " AND parent_id = ?2 AND id IS NULL", parent_kind, parent_id, error);
}

gboolean
bk_store_xzufi_add_responsibility (BkStore    *self,
                                   const char *id,
                                   const char *parent_kind,
                                   const char *parent_id,
                                   const char *service_source_id,
                                   const char *area,
                                   const char *role,
                                   const char *hash,
                                   const char *origin,
                                   GError    **error)
{
  const char *const values[] = {
    id, parent_kind, parent_id, service_source_id, area, role, hash, origin,
  };

  return run_texts (self, "INSERT INTO xzufi_responsibility (id, parent_kind,"
                          " parent_id, service_source_id, area, role, hash, origin)"
                          " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                    values, G_N_ELEMENTS (values), error);
}

gboolean
bk_store_xzufi_set_origin (BkStore     *self,
                           BkXzufiKind  kind,
                           const char  *source_id,
                           const char  *origin,
                           GError     **error)
{
  static const char *const sql[] = {
    [BK_XZUFI_SERVICE] = "UPDATE service SET origin = ?2 WHERE source_id = ?1",
    [BK_XZUFI_OFFICE] = "UPDATE xzufi_office SET origin = ?2 WHERE id = ?1",
    [BK_XZUFI_ONLINE] = "UPDATE xzufi_online_service SET origin = ?2 WHERE id = ?1",
    [BK_XZUFI_RESPONSIBILITY] = "UPDATE xzufi_responsibility SET origin = ?2 WHERE id = ?1",
  };

  return run_text2 (self, sql[kind], source_id, origin, error);
}

gboolean
bk_store_xzufi_delete (BkStore     *self,
                       BkXzufiKind  kind,
                       const char  *source_id,
                       gboolean    *found,
                       GError     **error)
{
  sqlite3 *db = bk_store_get_db (self);
  gboolean any = FALSE;

  switch (kind)
    {
    case BK_XZUFI_SERVICE:
      {
        sqlite3_stmt *stmt = bk_store_get_stmt (self, "SELECT id FROM service WHERE source_id = ?1",
                                                error);
        g_autofree char *id = NULL;

        if (stmt == NULL)
          return FALSE;
        bind_text (stmt, 1, source_id);
        if (sqlite3_step (stmt) == SQLITE_ROW)
          id = column_dup (stmt, 0);
        sqlite3_reset (stmt);
        if (id != NULL && !bk_store_delete_service (self, id, error))
          return FALSE;
        any = id != NULL;
        break;
      }
    case BK_XZUFI_OFFICE:
    case BK_XZUFI_ONLINE:
      {
        const char *parent = kind == BK_XZUFI_OFFICE ? BK_XZUFI_PARENT_OFFICE : BK_XZUFI_PARENT_ONLINE;

        if (!run_text2 (self, kind == BK_XZUFI_OFFICE ? "DELETE FROM xzufi_office WHERE id = ?1"
                                                      : "DELETE FROM xzufi_online_service WHERE id = ?1",
                        source_id, NULL, error))
          return FALSE;
        any = sqlite3_changes (db) > 0;
        if (!run_text2 (self, "DELETE FROM xzufi_responsibility WHERE parent_id = ?1"
                              " AND parent_kind = ?2", source_id, parent, error))
          return FALSE;
        break;
      }
    case BK_XZUFI_RESPONSIBILITY:
      if (!run_text2 (self, "DELETE FROM xzufi_responsibility WHERE id = ?1", source_id, NULL, error))
        return FALSE;
      any = sqlite3_changes (db) > 0;
      break;
    default:
      g_assert_not_reached ();
    }
  if (found != NULL)
    *found = any;
  return TRUE;
}

GPtrArray *
bk_store_xzufi_list_origin (BkStore     *self,
                            BkXzufiKind  kind,
                            const char  *origin,
                            GError     **error)
{
  static const char *const sql[] = {
    [BK_XZUFI_SERVICE] = "SELECT source_id FROM service WHERE origin = ?1 AND source_id IS NOT NULL",
    [BK_XZUFI_OFFICE] = "SELECT id FROM xzufi_office WHERE origin = ?1",
    [BK_XZUFI_ONLINE] = "SELECT id FROM xzufi_online_service WHERE origin = ?1",
    [BK_XZUFI_RESPONSIBILITY] = "SELECT DISTINCT id FROM xzufi_responsibility WHERE origin = ?1"
                                " AND id IS NOT NULL",
  };
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = bk_store_get_stmt (self, sql[kind], error);
  int rc;

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

guint
bk_store_xzufi_count_responsibilities (BkStore *self)
{
  return (guint) bk_store_query_int (self, "SELECT count(*) FROM xzufi_responsibility", NULL);
}
