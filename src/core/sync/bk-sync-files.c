/* bk-sync-files.c: a paper's own text, fetched lazily
 *
 * Each pending text: the File's own "text" when the server gives one;
 * else a conditional GET of its accessUrl (ETag / If-Modified-Since when a
 * copy is kept), with a size cap. A 304 reads the kept copy again; 410 is
 * a file the server removed; a web page where the File announced another
 * type is the server's error or login page, not the paper; a MIME type that
 * is no paper (an image, a spreadsheet) is not read. The file is kept under
 * the cache folder, named by a digest of its URL, and what the paper reader
 * found (points or questions, reasons, warnings about the file) goes into
 * paper_text and into the stored motion, merged by the reader's own rule
 * (bk_paper_complete_from_motion: the record's words win). Each file is its
 * own small transaction.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-sync"

#include "bk-config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "bk-json.h"
#include "bk-paper-file.h"
#include "bk-paper-reader.h"
#include "bk-sync-files.h"
#include "bk-sync-url.h"

void
bk_sync_text_report_clear (BkSyncTextReport *report)
{
  g_clear_pointer (&report->changed_papers, g_ptr_array_unref);
  memset (report, 0, sizeof *report);
}

/* ---- into the motion ------------------------------------------------------------ */

/* Resolution points or questions as bk_motion_to_json () writes them:
 * [{"text": …, sub_key: […]}]. */
static void
items_from_json (BkMotion   *motion,
                 JsonObject *reading,
                 const char *key,
                 const char *sub_key)
{
  JsonArray *items = json_object_has_member (reading, key) ? json_object_get_array_member (reading, key) : NULL;

  for (guint i = 0; items != NULL && i < json_array_get_length (items); i++)
    {
      JsonObject *obj = json_array_get_object_element (items, i);
      const char *item_text = obj != NULL ? bk_json_get_string (obj, "text", "") : NULL;
      JsonArray *subs;
      BkResolutionPoint *item;

      if (item_text == NULL)
        continue;
      item = g_str_equal (key, "questions") ? bk_motion_add_question (motion, item_text)
                                            : bk_motion_add_point (motion, item_text);
      subs = json_object_has_member (obj, sub_key) ? json_object_get_array_member (obj, sub_key) : NULL;
      for (guint j = 0; subs != NULL && j < json_array_get_length (subs); j++)
        bk_resolution_point_add_subpoint (item, json_array_get_string_element (subs, j));
    }
}

/* What the reader found in the file, kept as JSON: the parts a paper's
 * record lacks (points or questions, reasons) and the warnings. */
static BkMotion *
motion_from_reading (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  BkMotion *file = bk_motion_new ();
  JsonNode *root;
  JsonObject *reading;
  JsonArray *warnings;

  if (json == NULL || !json_parser_load_from_data (parser, json, -1, NULL) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return file;
  reading = json_node_get_object (root);
  items_from_json (file, reading, "resolution_points", "subpoints");
  items_from_json (file, reading, "questions", "subquestions");
  file->justification = g_strdup (bk_json_get_string (reading, "justification", NULL));
  warnings = json_object_has_member (reading, "warnings") ? json_object_get_array_member (reading, "warnings") : NULL;
  for (guint i = 0; warnings != NULL && i < json_array_get_length (warnings); i++)
    {
      JsonObject *w = json_array_get_object_element (warnings, i);

      if (w != NULL)
        bk_motion_add_warning (file, bk_json_get_string (w, "code", "main-file"),
                               bk_json_get_string (w, "message", ""));
    }
  return file;
}

gboolean
bk_sync_complete_motion (BkStore           *store,
                         const BkPaperText *text,
                         GError           **error)
{
  gint64 id = bk_store_sync_find_motion (store, text->paper_oparl_id);
  g_autoptr(BkMotion) motion = NULL;
  g_autoptr(BkMotion) file = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  if (id == 0)
    return TRUE;
  motion = bk_store_load_motion (store, id, error);
  if (motion == NULL)
    return FALSE;
  /* what the reader found, merged by its own rule: the record's words win */
  file = motion_from_reading (text->reading);
  before = bk_motion_to_json_string (motion, FALSE);
  bk_paper_complete_from_motion (motion, file);
  after = bk_motion_to_json_string (motion, FALSE);
  return g_str_equal (before, after) || bk_store_save_motion (store, motion, error);
}

/* ---- fetching ---------------------------------------------------------------------- */

typedef struct {
  BkStore *store;
  BkHttp *http;
  BkSyncTextOptions options;
  char *cache_dir;
  GHashTable *system_ids;     /* origin -> its System id, or NULL */
  BkSyncTextReport *report;
  GCancellable *cancellable;
  char *now;
} Fetch;

static const char *
system_id_of (Fetch      *f,
              const char *origin)
{
  gpointer value;
  g_autoptr(BkSyncEndpointInfo) info = NULL;

  if (origin == NULL)
    return NULL;
  if (g_hash_table_lookup_extended (f->system_ids, origin, NULL, &value))
    return value;
  info = bk_store_sync_get_endpoint (f->store, origin);
  g_hash_table_insert (f->system_ids, g_strdup (origin), info != NULL ? g_strdup (info->system_id) : NULL);
  return g_hash_table_lookup (f->system_ids, origin);
}

/* Whether the File's own record says it is a web page. */
static gboolean
is_html_type (const char *type)
{
  return type != NULL && (g_str_has_prefix (type, "text/html") || g_str_has_prefix (type, "application/xhtml+xml"));
}

static char *
cache_path (Fetch      *f,
            const char *url)
{
  g_autofree char *digest = NULL;

  if (f->cache_dir == NULL)
    return NULL;
  digest = g_compute_checksum_for_string (G_CHECKSUM_SHA1, url, -1);
  return g_build_filename (f->cache_dir, digest, NULL);
}

static void
set_outcome (BkPaperText      *text,
             BkPaperTextState  state,
             const char       *message)
{
  text->state = state;
  g_free (text->message);
  text->message = g_strdup (message);
}

/* Reads data into the text's points and reasons. */
static void
read_text (Fetch       *f,
           BkPaperText *text,
           const char  *data,
           gsize        len,
           const char  *mime_type)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BkMotion) motion = NULL;
  g_autofree char *name = g_strdup (text->url != NULL ? text->url : text->paper_oparl_id);

  motion = bk_import_read_paper_file (data, len, mime_type, name, &error);
  if (motion == NULL)
    {
      set_outcome (text, BK_PAPER_TEXT_UNREADABLE, error->message);
      f->report->unreadable++;
      return;
    }
  if (motion->resolution_points->len == 0 && motion->questions->len == 0 && motion->justification == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("%s: the file holds no points, no questions and no reasons the kiosk can find"),
                                                  name);

      set_outcome (text, BK_PAPER_TEXT_UNREADABLE, message);
      f->report->unreadable++;
      return;
    }
  g_free (text->reading);
  text->reading = bk_motion_to_json_string (motion, FALSE);
  set_outcome (text, BK_PAPER_TEXT_OK, NULL);
  f->report->fetched++;
}

/* FALSE only when the store fails or the fetch is cancelled. */
static gboolean
fetch_one (Fetch       *f,
           BkPaperText *text,
           GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(BkHttpResponse) response = NULL;
  g_autofree char *url = NULL;
  g_autofree char *kept = NULL;

  text->attempts++;
  if (text->inline_text != NULL)
    {
      /* the server gave the text with the File: nothing to fetch */
      read_text (f, text, text->inline_text, strlen (text->inline_text), "text/plain");
      goto save;
    }
  if (text->url == NULL || !bk_sync_url_is_web (text->url))
    {
      set_outcome (text, BK_PAPER_TEXT_UNREADABLE, _("The server names the file without a web address."));
      f->report->unreadable++;
      goto save;
    }

  url = bk_sync_url_rewrite (system_id_of (f, text->origin), text->origin, text->url);
  kept = cache_path (f, url);
  if (kept == NULL || !g_file_test (kept, G_FILE_TEST_IS_REGULAR))
    g_clear_pointer (&kept, g_free);
  response = bk_http_get (f->http, url, kept != NULL ? text->etag : NULL,
                          kept != NULL ? text->last_modified : NULL,
                          f->options.max_size, 0, f->cancellable, &local_error);
  if (response == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (g_error_matches (local_error, BK_SYNC_ERROR, BK_SYNC_ERROR_TOO_LARGE))
        {
          set_outcome (text, BK_PAPER_TEXT_UNREADABLE, local_error->message);
          f->report->unreadable++;
        }
      else
        {
          set_outcome (text, BK_PAPER_TEXT_FAILED, local_error->message);
          f->report->failed++;
        }
      goto save;
    }

  if (response->status == 304 && kept != NULL)
    {
      g_autofree char *data = NULL;
      gsize len;

      f->report->unchanged++;
      if (text->state != BK_PAPER_TEXT_OK && g_file_get_contents (kept, &data, &len, NULL))
        read_text (f, text, data, len, text->mime_type);
      else
        set_outcome (text, BK_PAPER_TEXT_OK, NULL);
      goto save;
    }
  if (response->status == 410)
    {
      g_autofree char *message = g_strdup_printf (_("%s: the server says the file was removed"), url);

      set_outcome (text, BK_PAPER_TEXT_DELETED, message);
      g_clear_pointer (&text->reading, g_free);
      if (kept != NULL)
        g_unlink (kept);
      f->report->deleted++;
      goto save;
    }
  if (response->status < 200 || response->status >= 300)
    {
      g_autofree char *message = g_strdup_printf (_("%s: the server answered “%u %s”"), url,
                                                  response->status,
                                                  response->reason != NULL ? response->reason : "");

      set_outcome (text, BK_PAPER_TEXT_FAILED, message);
      f->report->failed++;
      goto save;
    }
  if (bk_http_response_is_html (response) && !is_html_type (text->mime_type))
    {
      g_autofree char *message = g_strdup_printf (_("%s: the server sent a web page instead of the file"), url);

      /* an error or login page where a PDF was announced: maybe better next
       * time (a paper that is a web page says so in its File record) */
      set_outcome (text, BK_PAPER_TEXT_FAILED, message);
      f->report->failed++;
      goto save;
    }
  if (!bk_import_can_read_paper_type (response->content_type))
    {
      g_autofree char *message = g_strdup_printf (_("%s: the file is of a kind the kiosk cannot read (%s)"),
                                                  url, response->content_type);

      set_outcome (text, BK_PAPER_TEXT_UNREADABLE, message);
      f->report->unreadable++;
      goto save;
    }
  if (g_strcmp0 (response->content_type, text->mime_type) != 0 && text->mime_type != NULL)
    g_debug ("%s: announced as %s, sent as %s", url, text->mime_type, response->content_type);

  {
    g_autoptr(GError) write_error = NULL;
    gsize len;
    const char *data = g_bytes_get_data (response->body, &len);
    g_autofree char *path = cache_path (f, url);

    if (path != NULL)
      {
        if (g_mkdir_with_parents (f->cache_dir, 0700) != 0 ||
            !g_file_set_contents_full (path, data != NULL ? data : "", (gssize) len,
                                       G_FILE_SET_CONTENTS_CONSISTENT, 0600, &write_error))
          g_warning ("%s: the file could not be kept in %s: %s", url, f->cache_dir,
                     write_error != NULL ? write_error->message : g_strerror (errno));
        else
          {
            g_free (text->cache_file);
            text->cache_file = g_steal_pointer (&path);
          }
      }
    g_free (text->etag);
    text->etag = g_strdup (response->etag);
    g_free (text->last_modified);
    text->last_modified = g_strdup (response->last_modified);
    read_text (f, text, data != NULL ? data : "", len,
               response->content_type != NULL ? response->content_type : text->mime_type);
  }

save:
  if (!bk_store_begin (f->store, error))
    return FALSE;
  if (!bk_store_sync_save_paper_text (f->store, text, f->now, error) ||
      (text->state == BK_PAPER_TEXT_OK && !bk_sync_complete_motion (f->store, text, error)))
    {
      bk_store_rollback (f->store);
      return FALSE;
    }
  if (!bk_store_commit (f->store, error))
    return FALSE;
  if (text->state == BK_PAPER_TEXT_OK)
    {
      if (f->report->changed_papers == NULL)
        f->report->changed_papers = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (f->report->changed_papers, g_strdup (text->paper_oparl_id));
    }
  return TRUE;
}

gboolean
bk_sync_fetch_texts (BkStore                 *store,
                     BkHttp                  *http,
                     const char              *origin,
                     const BkSyncTextOptions *options,
                     BkSyncTextReport        *report,
                     GCancellable            *cancellable,
                     GError                 **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) retry = NULL;
  g_autoptr(GPtrArray) pending = NULL;
  g_autofree char *retry_before = NULL;
  BkSyncTextReport local_report = { 0 };
  Fetch f = { NULL, };
  gboolean ok = TRUE;

  g_return_val_if_fail (BK_IS_STORE (store) && http != NULL, FALSE);

  f.store = store;
  f.http = http;
  if (options != NULL)
    f.options = *options;
  if (f.options.max_size == 0)
    f.options.max_size = BK_SYNC_TEXT_MAX_SIZE;
  if (f.options.max_attempts == 0)
    f.options.max_attempts = 3;
  if (f.options.retry_after_s == 0)
    f.options.retry_after_s = 3600;
  if (f.options.cache_dir != NULL)
    f.cache_dir = g_strdup (f.options.cache_dir);
  else if (bk_store_get_path (store) != NULL)
    f.cache_dir = g_strconcat (bk_store_get_path (store), "-files", NULL);
  f.system_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  f.report = report != NULL ? report : &local_report;
  f.cancellable = cancellable;
  f.now = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  retry = g_date_time_add_seconds (now, -(gdouble) f.options.retry_after_s);
  retry_before = g_date_time_format (retry, "%Y-%m-%dT%H:%M:%SZ");

  pending = bk_store_sync_list_pending_texts (store, origin, f.options.priority, f.options.max_attempts,
                                              retry_before, f.options.limit, error);
  if (pending == NULL)
    ok = FALSE;
  for (guint i = 0; ok && i < pending->len; i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        ok = FALSE;
      else
        ok = fetch_one (&f, g_ptr_array_index (pending, i), error);
    }

  if (f.report == &local_report)
    bk_sync_text_report_clear (&local_report);
  g_hash_table_unref (f.system_ids);
  g_free (f.cache_dir);
  g_free (f.now);
  return ok;
}
