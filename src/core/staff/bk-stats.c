/* bk-stats.c: anonymous usage counters per day
 *
 * Counters in the store, added up per local day, with keys checked so that
 * nothing a citizen typed can end up in them; reports for staff as CSV and
 * JSON.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-stats"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "bk-error.h"
#include "bk-stats.h"
#include "bk-store-private.h"

#define MAX_KEY_LENGTH 64

static const char *const category_names[BK_STATS_N_CATEGORIES] = {
  [BK_STATS_SESSION] = "session",
  [BK_STATS_PAGE_VIEW] = "page-view",
  [BK_STATS_SERVICE_VIEW] = "service-view",
  [BK_STATS_FORM_STARTED] = "form-started",
  [BK_STATS_FORM_COMPLETED] = "form-completed",
  [BK_STATS_FORM_ABANDONED] = "form-abandoned",
  [BK_STATS_FEATURE] = "feature",
  [BK_STATS_SPEECH_SECONDS] = "speech-seconds",
  [BK_STATS_RATING] = "rating",
};

void
bk_stats_row_free (BkStatsRow *row)
{
  if (row == NULL)
    return;
  g_free (row->day);
  g_free (row->key);
  g_free (row);
}

const char *
bk_stats_category_name (BkStatsCategory category)
{
  g_return_val_if_fail (category < BK_STATS_N_CATEGORIES, NULL);
  return category_names[category];
}

int
bk_stats_category_from_name (const char *name)
{
  for (int i = 0; i < BK_STATS_N_CATEGORIES; i++)
    if (g_strcmp0 (name, category_names[i]) == 0)
      return i;
  return -1;
}

gboolean
bk_stats_key_is_valid (const char *key)
{
  gsize len = key != NULL ? strlen (key) : 0;

  if (len == 0 || len > MAX_KEY_LENGTH)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (!(g_ascii_islower (key[i]) || g_ascii_isdigit (key[i]) ||
          key[i] == '-' || key[i] == '_' || key[i] == '.' || key[i] == ':'))
      return FALSE;
  return TRUE;
}

static char *
today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

gboolean
bk_stats_add (BkStore         *store,
              BkStatsCategory  category,
              const char      *key,
              gint64           amount,
              const char      *day,
              GError         **error)
{
  g_autofree char *local_day = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BK_IS_STORE (store), FALSE);
  g_return_val_if_fail (category < BK_STATS_N_CATEGORIES, FALSE);

  if (!bk_stats_key_is_valid (key))
    {
      /* Not the key itself: it might be something a citizen typed. */
      g_warning ("Statistics: refused a %s counter whose key is not a short lower-case name",
                 category_names[category]);
      g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                   _("A statistics key must be a short lower-case name"));
      return FALSE;
    }
  if (day == NULL)
    day = local_day = today ();
  stmt = bk_store_get_stmt (store,
      "INSERT INTO stats (day, category, key, value) VALUES (?1, ?2, ?3, ?4)"
      " ON CONFLICT (day, category, key) DO UPDATE SET value = value + excluded.value",
      error);
  if (stmt == NULL)
    return FALSE;
  bk_store_bind_text (stmt, 1, day);
  bk_store_bind_text (stmt, 2, category_names[category]);
  bk_store_bind_text (stmt, 3, key);
  sqlite3_bind_int64 (stmt, 4, amount);
  return bk_store_step_done (store, stmt, error);
}

gboolean
bk_stats_add_rating (BkStore    *store,
                     int         rating,
                     const char *day,
                     GError    **error)
{
  char key[2] = { 0 };

  if (rating < 1 || rating > 5)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                   _("A rating must be from 1 to 5, not %d"), rating);
      return FALSE;
    }
  key[0] = (char) ('0' + rating);
  return bk_stats_add (store, BK_STATS_RATING, key, 1, day, error);
}

GPtrArray *
bk_stats_list (BkStore    *store,
               const char *since,
               const char *until,
               GError    **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) bk_stats_row_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BK_IS_STORE (store), NULL);

  stmt = bk_store_get_stmt (store,
      "SELECT day, category, key, value FROM stats"
      " WHERE (?1 IS NULL OR day >= ?1) AND (?2 IS NULL OR day <= ?2)"
      " ORDER BY day, category, key", error);
  if (stmt == NULL)
    return NULL;
  bk_store_bind_text (stmt, 1, since);
  bk_store_bind_text (stmt, 2, until);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int category = bk_stats_category_from_name ((const char *) sqlite3_column_text (stmt, 1));
      BkStatsRow *row;

      if (category < 0)
        continue;   /* written by a newer program */
      row = g_new0 (BkStatsRow, 1);
      row->day = bk_store_column_dup (stmt, 0);
      row->category = category_names[category];
      row->key = bk_store_column_dup (stmt, 2);
      row->value = sqlite3_column_int64 (stmt, 3);
      g_ptr_array_add (rows, row);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      bk_store_set_sqlite_error (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

static int
compare_totals (gconstpointer a,
                gconstpointer b)
{
  const BkStatsRow *ra = *(BkStatsRow *const *) a;
  const BkStatsRow *rb = *(BkStatsRow *const *) b;

  if (ra->value != rb->value)
    return ra->value > rb->value ? -1 : 1;
  return strcmp (ra->key, rb->key);
}

GPtrArray *
bk_stats_totals (GPtrArray       *rows,
                 BkStatsCategory  category)
{
  GPtrArray *totals = g_ptr_array_new_with_free_func ((GDestroyNotify) bk_stats_row_free);
  g_autoptr(GHashTable) by_key = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_val_if_fail (rows != NULL, totals);
  g_return_val_if_fail (category < BK_STATS_N_CATEGORIES, totals);

  for (guint i = 0; i < rows->len; i++)
    {
      const BkStatsRow *row = g_ptr_array_index (rows, i);
      BkStatsRow *total;

      if (g_strcmp0 (row->category, category_names[category]) != 0)
        continue;
      total = g_hash_table_lookup (by_key, row->key);
      if (total == NULL)
        {
          total = g_new0 (BkStatsRow, 1);
          total->category = row->category;
          total->key = g_strdup (row->key);
          g_hash_table_insert (by_key, total->key, total);
          g_ptr_array_add (totals, total);
        }
      total->value += row->value;
    }
  g_ptr_array_sort (totals, compare_totals);
  return totals;
}

char *
bk_stats_to_csv (GPtrArray *rows)
{
  GString *out = g_string_new ("day,category,key,value\n");

  /* Keys are checked names (no commas or quotes), so no quoting is needed. */
  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      const BkStatsRow *row = g_ptr_array_index (rows, i);

      g_string_append_printf (out, "%s,%s,%s,%" G_GINT64_FORMAT "\n",
                              row->day ? row->day : "", row->category, row->key, row->value);
    }
  return g_string_free (out, FALSE);
}

char *
bk_stats_to_json (GPtrArray *rows)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      const BkStatsRow *row = g_ptr_array_index (rows, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "day");
      json_builder_add_string_value (builder, row->day ? row->day : "");
      json_builder_set_member_name (builder, "category");
      json_builder_add_string_value (builder, row->category);
      json_builder_set_member_name (builder, "key");
      json_builder_add_string_value (builder, row->key);
      json_builder_set_member_name (builder, "value");
      json_builder_add_int_value (builder, row->value);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  json_generator_set_pretty (gen, TRUE);
  json_generator_set_indent (gen, 2);
  json_generator_set_root (gen, root);
  return json_generator_to_data (gen, NULL);
}

/* ---- batches ------------------------------------------------------------ */

struct _BkStatsBatch
{
  GHashTable *counts;   /* "category\tkey" → gint64* */
  GHashTable *once;     /* "category\tkey" counted once already */
};

BkStatsBatch *
bk_stats_batch_new (void)
{
  BkStatsBatch *batch = g_new0 (BkStatsBatch, 1);

  batch->counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  batch->once = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return batch;
}

void
bk_stats_batch_free (BkStatsBatch *batch)
{
  if (batch == NULL)
    return;
  g_hash_table_unref (batch->counts);
  g_hash_table_unref (batch->once);
  g_free (batch);
}

static char *
batch_key (BkStatsCategory  category,
           const char      *key)
{
  return g_strconcat (category_names[category], "\t", key, NULL);
}

void
bk_stats_batch_add (BkStatsBatch    *batch,
                    BkStatsCategory  category,
                    const char      *key,
                    gint64           amount)
{
  g_autofree char *id = NULL;
  gint64 *count;

  g_return_if_fail (batch != NULL);
  g_return_if_fail (category < BK_STATS_N_CATEGORIES);

  if (!bk_stats_key_is_valid (key))
    {
      g_warning ("Statistics: refused a %s counter whose key is not a short lower-case name",
                 category_names[category]);
      return;
    }
  id = batch_key (category, key);
  count = g_hash_table_lookup (batch->counts, id);
  if (count == NULL)
    {
      count = g_new0 (gint64, 1);
      g_hash_table_insert (batch->counts, g_steal_pointer (&id), count);
    }
  *count += amount;
}

void
bk_stats_batch_add_once (BkStatsBatch    *batch,
                         BkStatsCategory  category,
                         const char      *key)
{
  g_autofree char *id = NULL;

  g_return_if_fail (batch != NULL);
  g_return_if_fail (category < BK_STATS_N_CATEGORIES);

  if (!bk_stats_key_is_valid (key))
    {
      bk_stats_batch_add (batch, category, key, 1);   /* warns */
      return;
    }
  id = batch_key (category, key);
  if (g_hash_table_contains (batch->once, id))
    return;
  g_hash_table_add (batch->once, g_steal_pointer (&id));
  bk_stats_batch_add (batch, category, key, 1);
}

gint64
bk_stats_batch_get (BkStatsBatch    *batch,
                    BkStatsCategory  category,
                    const char      *key)
{
  g_autofree char *id = NULL;
  gint64 *count;

  g_return_val_if_fail (batch != NULL, 0);
  g_return_val_if_fail (category < BK_STATS_N_CATEGORIES, 0);

  id = batch_key (category, key);
  count = g_hash_table_lookup (batch->counts, id);
  return count ? *count : 0;
}

gboolean
bk_stats_batch_is_empty (BkStatsBatch *batch)
{
  g_return_val_if_fail (batch != NULL, TRUE);
  return g_hash_table_size (batch->counts) == 0;
}

void
bk_stats_batch_clear (BkStatsBatch *batch)
{
  g_return_if_fail (batch != NULL);
  g_hash_table_remove_all (batch->counts);
  g_hash_table_remove_all (batch->once);
}

gboolean
bk_stats_batch_flush (BkStatsBatch *batch,
                      BkStore      *store,
                      const char   *day,
                      GError      **error)
{
  GHashTableIter iter;
  gpointer id, count;
  gboolean ok = TRUE;

  g_return_val_if_fail (batch != NULL, FALSE);
  g_return_val_if_fail (BK_IS_STORE (store), FALSE);

  if (bk_stats_batch_is_empty (batch))
    {
      g_hash_table_remove_all (batch->once);
      return TRUE;
    }
  ok = bk_store_begin (store, error);
  g_hash_table_iter_init (&iter, batch->counts);
  while (ok && g_hash_table_iter_next (&iter, &id, &count))
    {
      const char *tab = strchr (id, '\t');
      g_autofree char *category = g_strndup (id, (gsize) (tab - (const char *) id));

      ok = bk_stats_add (store, (BkStatsCategory) bk_stats_category_from_name (category),
                         tab + 1, *(gint64 *) count, day, error);
    }
  if (ok)
    ok = bk_store_commit (store, error);
  else
    bk_store_rollback (store);
  g_hash_table_remove_all (batch->counts);
  g_hash_table_remove_all (batch->once);
  return ok;
}
