/* bk-xzufi.c: XZuFi messages applied to the store
 *
 * A message is read whole (bk-xzufi-read.c); then its operations are applied
 * in document order in the caller's transaction. Each object is identified
 * by its source id: a write of an object with the same version and text as
 * the stored one changes nothing, one older than the stored version is left
 * out, anything else replaces it. A "loesche" of an object the kiosk does not
 * have is counted, not an error (real feeds are full of them).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-xzufi"

#include <string.h>
#include <sys/stat.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "bk-error.h"
#include "bk-xzufi-private.h"

void
bk_xzufi_stats_clear (BkXzufiStats *stats)
{
  g_clear_pointer (&stats->notes, g_ptr_array_unref);
  memset (stats, 0, sizeof *stats);
}

char *
bk_xzufi_describe (const char         *what,
                   const BkXzufiStats *stats)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_string_append_printf (out,
                          /* Translators: the summary of an XZuFi import; %s is the file or
                           * folder, the numbers count services */
                          _("%s: XZuFi – services: %u new, %u changed, %u unchanged"),
                          what, stats->services_added, stats->services_updated,
                          stats->services_unchanged);
  if (stats->services_stale > 0)
    g_string_append_printf (out, _(", %u older than the stored version (left as they were)"),
                            stats->services_stale);
  g_string_append_printf (out, _("; offices and online services: %u; responsibilities: %u; deleted: %u"),
                          stats->offices, stats->responsibilities, stats->deleted);
  if (stats->not_found > 0)
    g_string_append_printf (out, _("; deletions of objects the kiosk does not have: %u"),
                            stats->not_found);
  if (stats->ignored > 0)
    g_string_append_printf (out, _("; objects the kiosk does not use: %u"), stats->ignored);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

gboolean
bk_xzufi_sniff (const char *data,
                gsize       len)
{
  gsize i = 0;
  gsize head = MIN (len, 4096);

  if (len >= 3 && (guchar) data[0] == 0xEF && (guchar) data[1] == 0xBB && (guchar) data[2] == 0xBF)
    i = 3;
  while (i < len && g_ascii_isspace (data[i]))
    i++;
  if (i >= len || data[i] != '<')
    return FALSE;
  return g_strstr_len (data, head, "xoev.de/schemata/xzufi") != NULL;
}

/* What an import of a whole publication has seen, by kind. */
typedef struct {
  GHashTable *seen[BK_XZUFI_RESPONSIBILITY + 1];
} Sync;

/* Whether the stored object is to be kept as it is: TRUE for the same
 * version and text, or an older version written again. */
static gboolean
is_current (BkStore      *store,
            BkXzufiOp    *op,
            gboolean     *stored,
            gboolean     *stale)
{
  g_autofree char *version = NULL;
  g_autofree char *hash = NULL;

  *stale = FALSE;
  *stored = bk_store_xzufi_lookup (store, op->object, op->id, &version, &hash);
  if (!*stored)
    return FALSE;
  if (op->version != NULL && version != NULL && strcmp (op->version, version) < 0)
    {
      *stale = TRUE;
      return TRUE;
    }
  return g_strcmp0 (op->version, version) == 0 && g_strcmp0 (op->hash, hash) == 0;
}

static gboolean
add_areas (BkStore      *store,
           BkXzufiOp    *op,
           const char   *id,
           const char   *parent_kind,
           const char   *parent_id,
           const char   *origin,
           BkXzufiStats *stats,
           GError      **error)
{
  for (guint i = 0; i < op->areas->len; i++)
    {
      const BkXzufiArea *area = g_ptr_array_index (op->areas, i);

      if (!bk_store_xzufi_add_responsibility (store, id, parent_kind, parent_id, area->service_id,
                                              area->area, area->role, id ? op->hash : NULL,
                                              origin, error))
        return FALSE;
      stats->responsibilities++;
    }
  return TRUE;
}

static gboolean
apply_write (BkStore      *store,
             BkXzufiOp    *op,
             GHashTable   *online_ids,
             const char   *origin,
             BkXzufiStats *stats,
             GError      **error)
{
  gboolean stored = FALSE, stale = FALSE;
  const char *parent_kind;

  if (is_current (store, op, &stored, &stale))
    {
      if (op->object == BK_XZUFI_SERVICE)
        {
          if (stale)
            stats->services_stale++;
          else
            stats->services_unchanged++;
        }
      return origin == NULL || bk_store_xzufi_set_origin (store, op->object, op->id, origin, error);
    }
  if (op->object == BK_XZUFI_RESPONSIBILITY)
    {
      /* the parent is an online service when the kiosk knows one by its id */
      parent_kind = g_hash_table_contains (online_ids, op->parent_id) ||
                    bk_store_xzufi_lookup (store, BK_XZUFI_ONLINE, op->parent_id, NULL, NULL)
                    ? BK_XZUFI_PARENT_ONLINE : BK_XZUFI_PARENT_OFFICE;
      return bk_store_xzufi_delete (store, BK_XZUFI_RESPONSIBILITY, op->id, NULL, error) &&
             add_areas (store, op, op->id, parent_kind, op->parent_id, origin, stats, error);
    }
  switch (op->object)
    {
    case BK_XZUFI_SERVICE:
      if (!bk_store_xzufi_save_service (store, op->service, op->hash, origin, error))
        return FALSE;
      if (stored)
        stats->services_updated++;
      else
        stats->services_added++;
      return TRUE;
    case BK_XZUFI_OFFICE:
      if (!bk_store_xzufi_save_office (store, op->id, op->version, op->hash, origin, &op->office, error))
        return FALSE;
      parent_kind = BK_XZUFI_PARENT_OFFICE;
      break;
    case BK_XZUFI_ONLINE:
      if (!bk_store_xzufi_save_online (store, op->id, op->version, op->hash, origin, op->name,
                                       op->url, error))
        return FALSE;
      parent_kind = BK_XZUFI_PARENT_ONLINE;
      break;
    case BK_XZUFI_RESPONSIBILITY:
    default:
      g_assert_not_reached ();
    }
  stats->offices++;
  return bk_store_xzufi_clear_nested (store, parent_kind, op->id, error) &&
         add_areas (store, op, NULL, parent_kind, op->id, origin, stats, error);
}

static gboolean
apply (BkStore      *store,
       GPtrArray    *ops,
       const char   *origin,
       Sync         *sync,
       BkXzufiStats *stats,
       GError      **error)
{
  g_autoptr(GHashTable) online_ids = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < ops->len; i++)
    {
      BkXzufiOp *op = g_ptr_array_index (ops, i);

      if (op->kind == BK_XZUFI_OP_WRITE && op->object == BK_XZUFI_ONLINE)
        g_hash_table_add (online_ids, op->id);
    }
  for (guint i = 0; i < ops->len; i++)
    {
      BkXzufiOp *op = g_ptr_array_index (ops, i);
      gboolean found = FALSE;

      if (op->kind == BK_XZUFI_OP_WRITE)
        {
          if (sync != NULL)
            g_hash_table_add (sync->seen[op->object], g_strdup (op->id));
          if (!apply_write (store, op, online_ids, origin, stats, error))
            return FALSE;
          continue;
        }
      if (sync != NULL)
        g_hash_table_remove (sync->seen[op->object], op->id);
      if (!bk_store_xzufi_delete (store, op->object, op->id, &found, error))
        return FALSE;
      if (found)
        stats->deleted++;
      else
        stats->not_found++;
    }
  return TRUE;
}

/* Reads a message; notes go to stats. */
static GPtrArray *
read_message (const char   *data,
              gsize         len,
              const char   *name,
              BkXzufiStats *stats,
              GError      **error)
{
  BkXzufiReader reader = { name, NULL, 0 };
  GPtrArray *ops;

  if (stats->notes == NULL)
    stats->notes = g_ptr_array_new_with_free_func (g_free);
  reader.notes = stats->notes;
  ops = bk_xzufi_read (&reader, data, len, error);
  stats->ignored += reader.ignored;
  if (ops != NULL)
    stats->files++;
  return ops;
}

gboolean
bk_xzufi_import_data (BkStore      *store,
                      const char   *data,
                      gsize         len,
                      const char   *name,
                      BkXzufiStats *stats,
                      GError      **error)
{
  g_autoptr(GPtrArray) ops = NULL;

  g_return_val_if_fail (BK_IS_STORE (store), FALSE);
  g_return_val_if_fail (stats != NULL, FALSE);

  ops = read_message (data, len, name, stats, error);
  return ops != NULL && apply (store, ops, NULL, NULL, stats, error);
}

/* ---- publications ------------------------------------------------------------ */

static gboolean
is_plain_name (const char *name)
{
  if (*name == '\0' || *name == '.' || strlen (name) > 255 || !g_utf8_validate (name, -1, NULL))
    return FALSE;
  for (const char *p = name; *p != '\0'; p++)
    if (*p == '/' || *p == '\\' || *p == ':' || *p == '?' || *p == '#' || (guchar) *p < 0x20)
      return FALSE;
  return strcmp (name, BK_XZUFI_INDEX) != 0;
}

GStrv
bk_xzufi_parse_index (const char *data,
                      gsize       len,
                      const char *name,
                      GError    **error)
{
  g_autofree char *text = g_strndup (data, len);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint count = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);

      if (*line == '\0' || *line == '#')
        continue;
      if (!is_plain_name (line))
        {
          g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                       /* Translators: index file, line number, the name found there */
                       _("%s: line %u: “%s” is not the name of a file beside the index"),
                       name, i + 1, line);
          return NULL;
        }
      if (!g_hash_table_add (seen, line))
        continue;
      g_strv_builder_add (names, line);
      count++;
    }
  if (count == 0)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                   _("%s: the index lists no files; nothing was changed"), name);
      return NULL;
    }
  return g_strv_builder_end (names);
}

static gboolean
fetch_and_read (const char       *origin,
                const char       *file,
                BkXzufiFetchFunc  fetch,
                gpointer          user_data,
                BkXzufiStats     *stats,
                GPtrArray       **ops,
                GError          **error)
{
  g_autofree char *name = g_build_filename (origin, file, NULL);
  g_autoptr(GBytes) bytes = fetch (file, user_data, error);
  gsize len;
  const char *data;

  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &len);
  *ops = read_message (data, len, name, stats, error);
  return *ops != NULL;
}

/* What an earlier import of origin stored and this one did not write. */
static gboolean
remove_unseen (BkStore      *store,
               const char   *origin,
               Sync         *sync,
               BkXzufiStats *stats,
               GError      **error)
{
  for (int kind = BK_XZUFI_SERVICE; kind <= BK_XZUFI_RESPONSIBILITY; kind++)
    {
      g_autoptr(GPtrArray) ids = bk_store_xzufi_list_origin (store, kind, origin, error);

      if (ids == NULL)
        return FALSE;
      for (guint i = 0; i < ids->len; i++)
        {
          const char *id = g_ptr_array_index (ids, i);
          gboolean found = FALSE;

          if (g_hash_table_contains (sync->seen[kind], id))
            continue;
          if (!bk_store_xzufi_delete (store, kind, id, &found, error))
            return FALSE;
          if (found)
            stats->deleted++;
        }
    }
  return TRUE;
}

gboolean
bk_xzufi_import_publication (BkStore          *store,
                             const char       *origin,
                             BkXzufiFetchFunc  fetch,
                             gpointer          user_data,
                             BkXzufiStats     *stats,
                             GError          **error)
{
  g_autofree char *index_name = g_build_filename (origin, BK_XZUFI_INDEX, NULL);
  g_autoptr(GBytes) index = NULL;
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_auto(GStrv) files = NULL;
  Sync sync;
  gboolean ok = TRUE;
  gsize len;
  const char *data;

  g_return_val_if_fail (BK_IS_STORE (store), FALSE);
  g_return_val_if_fail (origin != NULL && fetch != NULL && stats != NULL, FALSE);

  index = fetch (BK_XZUFI_INDEX, user_data, error);
  if (index == NULL)
    return FALSE;
  data = g_bytes_get_data (index, &len);
  files = bk_xzufi_parse_index (data, len, index_name, error);
  if (files == NULL)
    return FALSE;
  /* Every file first: one that is missing or not sound stops the import
   * before anything is changed. */
  for (guint i = 0; files[i] != NULL; i++)
    {
      GPtrArray *ops = NULL;

      if (!fetch_and_read (origin, files[i], fetch, user_data, stats, &ops, error))
        return FALSE;
      g_ptr_array_add (messages, ops);
    }
  for (int kind = BK_XZUFI_SERVICE; kind <= BK_XZUFI_RESPONSIBILITY; kind++)
    sync.seen[kind] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; ok && i < messages->len; i++)
    ok = apply (store, g_ptr_array_index (messages, i), origin, &sync, stats, error);
  ok = ok && remove_unseen (store, origin, &sync, stats, error);
  for (int kind = BK_XZUFI_SERVICE; kind <= BK_XZUFI_RESPONSIBILITY; kind++)
    g_hash_table_unref (sync.seen[kind]);
  return ok;
}

gboolean
bk_xzufi_is_publication (const char *folder)
{
  g_autofree char *index = g_build_filename (folder, BK_XZUFI_INDEX, NULL);

  return g_file_test (index, G_FILE_TEST_IS_REGULAR);
}

static GBytes *
fetch_from_folder (const char *name,
                   gpointer    user_data,
                   GError    **error)
{
  const char *folder = user_data;
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autoptr(GError) local_error = NULL;
  GStatBuf st;
  char *contents = NULL;
  gsize len = 0;

  if (g_stat (path, &st) == 0 && S_ISREG (st.st_mode) && (guint64) st.st_size > BK_XZUFI_MAX_SIZE)
    {
      g_autofree char *size = g_format_size ((guint64) st.st_size);
      g_autofree char *limit = g_format_size (BK_XZUFI_MAX_SIZE);

      g_set_error (error, BK_ERROR, BK_ERROR_TOO_LARGE,
                   _("%s: the file is too large (%s; the limit is %s)"), path, size, limit);
      return NULL;
    }
  if (!g_file_get_contents (path, &contents, &len, &local_error))
    {
      if (strcmp (name, BK_XZUFI_INDEX) == 0)
        g_set_error (error, BK_ERROR, BK_ERROR_NOT_FOUND, _("%s: cannot read the file: %s"),
                     path, local_error->message);
      else
        g_set_error (error, BK_ERROR, BK_ERROR_NOT_FOUND,
                     /* Translators: a file the index of a publication lists */
                     _("%s: listed in the index, but it cannot be read: %s; nothing was changed"),
                     path, local_error->message);
      return NULL;
    }
  return g_bytes_new_take (contents, len);
}

gboolean
bk_xzufi_import_folder (BkStore      *store,
                        const char   *folder,
                        BkXzufiStats *stats,
                        GError      **error)
{
  g_autofree char *absolute = g_canonicalize_filename (folder, NULL);

  return bk_xzufi_import_publication (store, absolute, fetch_from_folder, absolute, stats, error);
}
