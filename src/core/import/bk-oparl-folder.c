/* bk-oparl-folder.c: OParl files: links.next and folders
 *
 * The entry points of the importer. A list page names the next page by URL
 * (links.next); in a folder of downloaded pages that URL is found again
 * through each file's links.self, or else by its last path segment and
 * query ("papers?page=2" ~ papers-page2.json). A folder is imported in
 * natural name order as one import, each page at most once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-oparl"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "bk-error.h"
#include "bk-oparl-folder.h"
#include "bk-oparl-private.h"

/* How much of a file's head and tail is searched for its links.self first. */
#define SELF_PROBE_SIZE (64 * 1024)

/* ---- links.next to local files ------------------------------------------- */

/* The "self" URL of a list page, found textually: a cheap probe of the head
 * and tail of the file (where the links object sits) before the whole file. */
static char *
find_self_url (const char *text,
               gsize       len)
{
  static const char key[] = "\"self\"";
  const char *p = text;
  const char *end = text + len;

  while ((p = memmem (p, end - p, key, sizeof key - 1)) != NULL)
    {
      const char *q = p + sizeof key - 1;
      const char *start;

      while (q < end && g_ascii_isspace (*q))
        q++;
      p += sizeof key - 1;
      if (q >= end || *q != ':')
        continue;
      q++;
      while (q < end && g_ascii_isspace (*q))
        q++;
      if (q >= end || *q != '"')
        continue;
      start = ++q;
      while (q < end && *q != '"' && *q != '\\')
        q++;
      if (q >= end || *q != '"')
        continue;
      return g_strndup (start, q - start);
    }
  return NULL;
}

static void
build_self_index (BkOParlContext *ctx,
                  const char     *base_dir)
{
  g_autoptr(GDir) dir = NULL;
  const char *entry;

  ctx->self_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  dir = g_dir_open (base_dir, 0, NULL);
  if (dir == NULL)
    return;
  while ((entry = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autoptr(GMappedFile) file = NULL;
      const char *text;
      gsize len;
      char *self = NULL;

      if (!g_str_has_suffix (entry, ".json"))
        continue;
      path = g_build_filename (base_dir, entry, NULL);
      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        continue;
      file = g_mapped_file_new (path, FALSE, NULL);
      if (file == NULL)
        continue;
      text = g_mapped_file_get_contents (file);
      len = g_mapped_file_get_length (file);
      if (text == NULL || len > BK_OPARL_MAX_SIZE)
        continue;
      if (len > SELF_PROBE_SIZE)
        self = find_self_url (text + len - SELF_PROBE_SIZE, SELF_PROBE_SIZE);
      if (self == NULL)
        self = find_self_url (text, MIN (len, SELF_PROBE_SIZE));
      if (self == NULL && len > SELF_PROBE_SIZE)
        self = find_self_url (text, len);
      if (self != NULL && !g_hash_table_contains (ctx->self_index, self))
        g_hash_table_insert (ctx->self_index, self, g_steal_pointer (&path));
      else
        g_free (self);
    }
}

/* letters and digits only, lower case: "papers?page=2" ~ "papers-page2" */
static char *
dup_alnum_key (const char *str,
               gsize       len)
{
  GString *key = g_string_sized_new (len);

  for (gsize i = 0; i < len; i++)
    if (g_ascii_isalnum (str[i]))
      g_string_append_c (key, g_ascii_tolower (str[i]));
  return g_string_free (key, FALSE);
}

static char *
resolve_next (BkOParlContext *ctx,
              const char     *base_dir,
              const char     *url)
{
  const char *path;
  const char *segment, *fragment;
  g_autofree char *key = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *entry;
  char *found = NULL;

  if (ctx->self_index == NULL)
    build_self_index (ctx, base_dir);
  path = g_hash_table_lookup (ctx->self_index, url);
  if (path != NULL)
    return g_strdup (path);

  /* last path segment and query */
  fragment = strchr (url, '#');
  if (fragment == NULL)
    fragment = url + strlen (url);
  segment = strchr (url, '?');
  if (segment == NULL || segment > fragment)
    segment = fragment;
  while (segment > url && segment[-1] != '/')
    segment--;
  if (segment == fragment)
    return NULL;
  key = dup_alnum_key (segment, fragment - segment);
  if (*key == '\0')
    return NULL;

  dir = g_dir_open (base_dir, 0, NULL);
  if (dir == NULL)
    return NULL;
  while (found == NULL && (entry = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *entry_key = NULL;

      if (!g_str_has_suffix (entry, ".json"))
        continue;
      entry_key = dup_alnum_key (entry, strlen (entry) - strlen (".json"));
      if (strcmp (entry_key, key) == 0)
        found = g_build_filename (base_dir, entry, NULL);
    }
  return found;
}

static char *
canonical_path (const char *path)
{
  return g_canonicalize_filename (path, NULL);
}

static gboolean
read_file (const char *path,
           const char *name,
           char      **contents,
           gsize      *len,
           GError    **error)
{
  GStatBuf st;
  g_autoptr(GError) local_error = NULL;

  if (g_stat (path, &st) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("%s: cannot read: %s"), name, g_strerror (saved_errno));
      return FALSE;
    }
  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                   _("%s: not a regular file"), name);
      return FALSE;
    }
  if (st.st_size > BK_OPARL_MAX_SIZE)
    {
      bk_oparl_set_too_large (error, name, st.st_size);
      return FALSE;
    }
  if (!g_file_get_contents (path, contents, len, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("%s: cannot read: %s"), name, local_error->message);
      return FALSE;
    }
  if (*len > BK_OPARL_MAX_SIZE)
    {
      g_clear_pointer (contents, g_free);
      bk_oparl_set_too_large (error, name, *len);
      return FALSE;
    }
  return TRUE;
}

static gboolean
import_chain (BkOParlContext *ctx,
              const char     *data,
              gsize           len,
              const char     *name,
              const char     *base_dir,
              GError        **error)
{
  g_autofree char *next_url = NULL;

  ctx->name = name;
  if (!bk_oparl_import_document (ctx, data, len, &next_url, error))
    return FALSE;

  while (next_url != NULL && base_dir != NULL)
    {
      g_autofree char *path = resolve_next (ctx, base_dir, next_url);
      g_autofree char *canonical = NULL;
      g_autofree char *contents = NULL;
      gsize next_len;

      if (path == NULL)
        {
          g_debug ("%s: links.next %s is not in %s; stopping there",
                   ctx->name, next_url, base_dir);
          break;
        }
      canonical = canonical_path (path);
      if (!g_hash_table_add (ctx->visited, g_steal_pointer (&canonical)))
        {
          g_debug ("%s: links.next %s leads back to an imported page",
                   ctx->name, next_url);
          break;
        }
      if (!read_file (path, path, &contents, &next_len, error))
        return FALSE;
      g_clear_pointer (&next_url, g_free);
      ctx->name = path;
      if (!bk_oparl_import_document (ctx, contents, next_len, &next_url, error))
        return FALSE;
      ctx->name = name;
    }
  return TRUE;
}

gboolean
bk_oparl_import_data (BkStore      *store,
                      const char   *data,
                      gsize         len,
                      const char   *name,
                      const char   *base_dir,
                      BkOParlStats *stats,
                      GError      **error)
{
  BkOParlStats local_stats = { 0 };
  BkOParlContext ctx;
  gboolean ok;

  g_return_val_if_fail (BK_IS_STORE (store), FALSE);
  g_return_val_if_fail (data != NULL || len == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (name == NULL)
    name = "<data>";
  bk_oparl_ctx_init (&ctx, store, stats != NULL ? stats : &local_stats);
  ctx.base_dir = base_dir;
  if (base_dir != NULL)
    {
      g_autofree char *base_name = g_path_get_basename (name);
      g_autofree char *self_path = g_build_filename (base_dir, base_name, NULL);

      g_hash_table_add (ctx.visited, canonical_path (self_path));
    }
  ok = import_chain (&ctx, data != NULL ? data : "", len, name, base_dir, error) &&
       bk_oparl_resolve_pending (&ctx, error);
  bk_oparl_ctx_clear (&ctx);
  return ok;
}

gboolean
bk_oparl_import_file (BkStore      *store,
                      const char   *path,
                      BkOParlStats *stats,
                      GError      **error)
{
  g_autofree char *base_dir = NULL;
  g_autofree char *contents = NULL;
  gsize len;

  g_return_val_if_fail (BK_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  base_dir = g_path_get_dirname (path);
  if (!read_file (path, path, &contents, &len, error))
    return FALSE;
  /* messages name the file as the caller gave it */
  return bk_oparl_import_data (store, contents, len, path, base_dir, stats, error);
}

typedef struct {
  char *key;    /* g_utf8_collate_key_for_filename () */
  char *name;
} FolderEntry;

static void
folder_entry_free (gpointer data)
{
  FolderEntry *e = data;

  g_free (e->key);
  g_free (e->name);
  g_free (e);
}

static int
compare_folder_entries (gconstpointer a,
                        gconstpointer b)
{
  const FolderEntry *ea = *(const FolderEntry *const *) a;
  const FolderEntry *eb = *(const FolderEntry *const *) b;
  int cmp = strcmp (ea->key, eb->key);

  return cmp != 0 ? cmp : strcmp (ea->name, eb->name);
}

gboolean
bk_oparl_import_folder (BkStore      *store,
                        const char   *dir_path,
                        BkOParlStats *stats,
                        GError      **error)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (folder_entry_free);
  g_autoptr(GError) local_error = NULL;
  BkOParlStats local_stats = { 0 };
  const char *entry;
  BkOParlContext ctx;
  gboolean ok = TRUE;

  g_return_val_if_fail (BK_IS_STORE (store), FALSE);
  g_return_val_if_fail (dir_path != NULL, FALSE);

  dir = g_dir_open (dir_path, 0, &local_error);
  if (dir == NULL)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_NOT_FOUND, _("%s: cannot open the folder: %s"),
                   dir_path, local_error->message);
      return FALSE;
    }
  while ((entry = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (entry, ".json"))
      {
        FolderEntry *e = g_new0 (FolderEntry, 1);

        e->key = g_utf8_collate_key_for_filename (entry, -1);
        e->name = g_strdup (entry);
        g_ptr_array_add (entries, e);
      }
  if (entries->len == 0)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                   _("%s: the folder contains no OParl .json files, no XZuFi index.txt and no papers (.txt, .md, .html, .pdf)"), dir_path);
      return FALSE;
    }
  g_ptr_array_sort (entries, compare_folder_entries);

  bk_oparl_ctx_init (&ctx, store, stats != NULL ? stats : &local_stats);
  ctx.base_dir = dir_path;
  for (guint i = 0; ok && i < entries->len; i++)
    {
      const FolderEntry *e = g_ptr_array_index (entries, i);
      g_autofree char *path = g_build_filename (dir_path, e->name, NULL);
      g_autofree char *contents = NULL;
      gsize len;

      if (!g_hash_table_add (ctx.visited, canonical_path (path)))
        continue;   /* imported already through links.next */
      ok = read_file (path, path, &contents, &len, error) &&
           import_chain (&ctx, contents, len, path, dir_path, error);
    }
  ok = ok && bk_oparl_resolve_pending (&ctx, error);
  bk_oparl_ctx_clear (&ctx);
  return ok;
}


/* ---- object by object (the sync) ------------------------------------------ */

struct _BkOParlImport
{
  BkOParlContext ctx;
  BkOParlStats local_stats;
};

BkOParlImport *
bk_oparl_import_new (BkStore      *store,
                     BkOParlStats *stats)
{
  BkOParlImport *self;

  g_return_val_if_fail (BK_IS_STORE (store), NULL);
  self = g_new0 (BkOParlImport, 1);
  bk_oparl_ctx_init (&self->ctx, store, stats != NULL ? stats : &self->local_stats);
  return self;
}

gboolean
bk_oparl_import_add_object (BkOParlImport *self,
                            JsonObject    *object,
                            const char    *name,
                            GError       **error)
{
  gboolean ok;

  g_return_val_if_fail (self != NULL && object != NULL, FALSE);
  self->ctx.name = name != NULL ? name : "<data>";
  ok = bk_oparl_import_one (&self->ctx, object, error);
  self->ctx.name = NULL;
  return ok;
}

gboolean
bk_oparl_import_finish (BkOParlImport *self,
                        GError       **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return bk_oparl_resolve_pending (&self->ctx, error);
}

void
bk_oparl_import_free (BkOParlImport *self)
{
  if (self == NULL)
    return;
  bk_oparl_ctx_clear (&self->ctx);
  g_free (self);
}
