/* bk-sync.c: OParl sync over HTTP, one endpoint at a time
 *
 * A run has three phases (integration.md §1.4):
 *
 * 1. Discovery: the System object (on a full run, or when the endpoint is
 *    new) names the body list and, by its vendor, the quirk profile
 *    (bk-sync-quirks.c). Its id may differ from the URL that answered;
 *    then every URL with the id's prefix is fetched under the URL's
 *    (bk-sync-url.c).
 * 2. The walk: the body list, then each body's organization, person,
 *    meeting and paper lists, page by page along links.next. A list with a
 *    watermark is asked for modified_since that watermark (no fractional
 *    seconds, an explicit offset, re-applied to each next page); one without
 *    is walked whole. Guards: the pages read (a next link back to one is a
 *    loop), the digests of their contents (the same page under another URL),
 *    a page cap. Each page is staged in the store as it comes (its own small
 *    transaction), so that a walk cut off anywhere resumes where it stopped;
 *    a server that ignores modified_since is noticed (objects older than the
 *    window) and its list counts as walked whole.
 * 3. Applying: every staged page, in dependency order, through the OParl
 *    importer, mended first (bk-sync-json.c); an object the importer still
 *    refuses is skipped and named. Deleted objects are removed; after a full
 *    walk, what this endpoint once gave and no longer has is removed too.
 *    Objects are marked with their origin, papers' text files noted for the
 *    text fetcher (bk-sync-files.c), and the new watermarks — taken before
 *    the walk, minus an overlap — written: all in one transaction. Nothing
 *    is half-applied.
 *
 * Errors name the endpoint and the problem. A transient one (no
 * connection, no answer, 5xx) keeps the staged walk for the next run; a
 * broken server (a loop, the same page again, not OParl) drops it, so that
 * the next run starts afresh.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-sync"

#include "bk-config.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>

#include "bk-error.h"
#include "bk-oparl.h"
#include "bk-store-oparl.h"
#include "bk-store-sync.h"
#include "bk-sync.h"
#include "bk-sync-files.h"
#include "bk-sync-json.h"
#include "bk-sync-quirks.h"
#include "bk-sync-url.h"

/* The lists of a body, in the order they are applied: what papers refer to
 * comes first. */
static const struct {
  const char *kind;
  const char *type;
  BkStoreOriginKind origin;
} kinds[] = {
  { "organization", "Organization", BK_STORE_ORIGIN_ORGANIZATION },
  { "person", "Person", BK_STORE_ORIGIN_PERSON },
  { "meeting", "Meeting", BK_STORE_ORIGIN_MEETING },
  { "paper", "Paper", BK_STORE_ORIGIN_PAPER },
};

#define BODY_KIND "body"
#define MAX_WARNINGS 5
/* An object older than the modified_since window by this much means the
 * server ignored the filter (a clock a little off does not). */
#define IGNORED_FILTER_SLACK (G_TIME_SPAN_DAY)

typedef struct {
  BkStore *store;
  BkHttp *http;
  const BkSyncEndpoint *endpoint;
  BkSyncOptions options;
  BkSyncReport *report;
  GCancellable *cancellable;
  char *holder;
  char *now;                 /* UTC, "…Z" */
  char *watermark;           /* what this run commits */
  gboolean full;
  const BkSyncQuirks *quirks;
  char *system_id;           /* when it differs from the endpoint's URL */
  char *body_list_url;
  guint requests_before;
} Sync;

void
bk_sync_report_clear (BkSyncReport *report)
{
  g_clear_pointer (&report->quirks, g_free);
  g_clear_pointer (&report->warnings, g_ptr_array_unref);
  memset (report, 0, sizeof *report);
}

char *
bk_sync_dup_holder (void)
{
  return g_strdup_printf ("%s:%ld", g_get_host_name (), (long) getpid ());
}

/* Whether the process named by holder still runs (a walk left by a
 * process that was killed may be taken over at once). */
static gboolean
holder_alive (const char *holder)
{
  const char *colon = holder != NULL ? strrchr (holder, ':') : NULL;
  g_autofree char *host = NULL;
  long pid;

  if (colon == NULL)
    return FALSE;
  host = g_strndup (holder, colon - holder);
  pid = strtol (colon + 1, NULL, 10);
  if (g_strcmp0 (host, g_get_host_name ()) != 0)
    return TRUE;   /* another machine: only its age tells */
  if (pid <= 0 || pid == (long) getpid ())
    return FALSE;
  return kill ((pid_t) pid, 0) == 0 || errno == EPERM;
}

static const char *
type_of_kind (const char *kind)
{
  if (g_strcmp0 (kind, BODY_KIND) == 0)
    return "Body";
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kinds[i].kind, kind) == 0)
      return kinds[i].type;
  return NULL;
}

static char *
format_utc (GDateTime  *when,
            const char *format)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (when);

  return g_date_time_format (utc, format);
}

/* ---- fetching ----------------------------------------------------------------- */

static gboolean
has_code_802 (GBytes *body)
{
  g_autoptr(JsonNode) root = bk_sync_json_parse (body, "", FALSE, NULL, NULL);
  JsonNode *code;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return FALSE;
  code = json_object_get_member (json_node_get_object (root), "code");
  if (code == NULL || !JSON_NODE_HOLDS_VALUE (code))
    return FALSE;
  if (json_node_get_value_type (code) == G_TYPE_STRING)
    return g_strcmp0 (json_node_get_string (code), "802") == 0;
  return json_node_get_int (code) == 802;
}

/* GETs an OParl document; *data NULL: an empty page (SD.NET's 802). */
static gboolean
fetch (Sync       *s,
       const char *url,
       gboolean    may_be_empty,
       GBytes    **data,
       GError    **error)
{
  g_autofree char *target = bk_sync_url_rewrite (s->system_id, s->endpoint->url, url);
  g_autoptr(BkHttpResponse) response = NULL;

  *data = NULL;
  response = bk_http_get (s->http, target, NULL, NULL, BK_OPARL_MAX_SIZE,
                          s->quirks != NULL ? s->quirks->extra_5xx_retries : 0,
                          s->cancellable, error);
  if (response == NULL)
    return FALSE;
  if (response->status == 404 && may_be_empty && s->quirks != NULL && s->quirks->empty_404_802 &&
      has_code_802 (response->body))
    return TRUE;
  if (response->status < 200 || response->status >= 300)
    {
      g_set_error (error, BK_SYNC_ERROR, BK_SYNC_ERROR_HTTP, _("%s: the server answered “%u %s”"),
                   target, response->status, response->reason != NULL ? response->reason : "");
      return FALSE;
    }
  if (bk_http_response_is_html (response))
    {
      g_set_error (error, BK_SYNC_ERROR, BK_SYNC_ERROR_NOT_OPARL,
                   _("%s: the server sent a web page instead of OParl data"), target);
      return FALSE;
    }
  *data = g_bytes_ref (response->body);
  return TRUE;
}

/* ---- discovery ------------------------------------------------------------------ */

static gboolean
discover (Sync                     *s,
          const BkSyncEndpointInfo *info,
          GError                  **error)
{
  g_autoptr(GBytes) data = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *system;
  const char *type, *body, *id;

  if (!s->full && info != NULL && info->body_list_url != NULL && info->quirks != NULL)
    {
      s->quirks = bk_sync_quirks_lookup (info->quirks);
      if (s->quirks == NULL)
        s->quirks = bk_sync_quirks_choose (NULL, s->endpoint->url);
      s->system_id = g_strdup (info->system_id);
      s->body_list_url = g_strdup (info->body_list_url);
      return TRUE;
    }

  if (!fetch (s, s->endpoint->url, FALSE, &data, error))
    return FALSE;
  /* the vendor is not known yet: mend what needs it */
  root = bk_sync_json_parse (data, s->endpoint->url, TRUE, NULL, error);
  if (root == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, BK_SYNC_ERROR, BK_SYNC_ERROR_NOT_OPARL, _("%s: not an OParl System object"),
                   s->endpoint->url);
      return FALSE;
    }
  system = json_node_get_object (root);
  bk_sync_json_normalize (system, NULL);
  type = bk_sync_json_type_name (system);
  if (g_strcmp0 (type, "Error") == 0)
    {
      const char *message = bk_sync_json_get_string (system, "message");

      g_set_error (error, BK_SYNC_ERROR, BK_SYNC_ERROR_NOT_OPARL,
                   _("%s: the server sent an error instead of data: %s"), s->endpoint->url,
                   message != NULL ? message : _("no message"));
      return FALSE;
    }
  body = bk_sync_json_get_string (system, "body");
  if ((type != NULL && g_strcmp0 (type, "System") != 0) || body == NULL)
    {
      g_set_error (error, BK_SYNC_ERROR, BK_SYNC_ERROR_NOT_OPARL,
                   _("%s: not an OParl System object (it names no body list)"), s->endpoint->url);
      return FALSE;
    }
  s->quirks = bk_sync_quirks_choose (system, s->endpoint->url);
  id = bk_sync_json_get_string (system, "id");
  if (id != NULL && g_strcmp0 (id, s->endpoint->url) != 0)
    {
      /* ids that differ from the URL that answers: fetch under the URL */
      g_message ("%s: the System calls itself %s; links are fetched under %s",
                 s->endpoint->url, id, s->endpoint->url);
      s->system_id = g_strdup (id);
    }
  s->body_list_url = g_strdup (body);
  return bk_store_sync_save_discovery (s->store, s->endpoint->url,
                                       bk_sync_json_get_string (system, "name"), s->system_id,
                                       body, bk_sync_json_get_string (system, "oparlVersion"),
                                       bk_sync_json_get_string (system, "vendor"),
                                       s->quirks->name, error);
}

/* ---- the walk -------------------------------------------------------------------- */

static gboolean
older_than_window (JsonArray *objects,
                   GDateTime *window)
{
  guint n = json_array_get_length (objects);

  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (objects, i);
      const char *modified;
      g_autoptr(GDateTime) when = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      modified = bk_sync_json_get_string (json_node_get_object (node), "modified");
      if (modified == NULL || (when = g_date_time_new_from_iso8601 (modified, NULL)) == NULL)
        continue;
      if (g_date_time_difference (window, when) > IGNORED_FILTER_SLACK)
        return TRUE;
    }
  return FALSE;
}

static gboolean
walk_list (Sync          *s,
           BkSyncRunList *list,
           GError       **error)
{
  g_autoptr(GPtrArray) pages = NULL;
  g_autoptr(GHashTable) visited = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) digests = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GDateTime) window = NULL;
  g_autofree char *filter = NULL;
  g_autofree char *url = NULL;
  gboolean is_body = g_strcmp0 (list->kind, BODY_KIND) == 0;
  gint64 seq = 0;

  if (list->complete)
    return TRUE;
  pages = bk_store_sync_list_pages (s->store, s->endpoint->url, list->list_url, error);
  if (pages == NULL)
    return FALSE;
  for (guint i = 0; i < pages->len; i++)
    {
      BkSyncPageInfo *page = g_ptr_array_index (pages, i);

      g_hash_table_add (visited, g_strdup (page->url));
      if (page->hash != NULL)
        g_hash_table_add (digests, g_strdup (page->hash));
      seq = page->seq + 1;
    }
  if (pages->len > 0)
    {
      BkSyncPageInfo *last = g_ptr_array_index (pages, pages->len - 1);

      s->report->resumed = TRUE;
      url = g_strdup (last->next_url);
    }
  else
    url = g_strdup (list->first_url);

  if (!list->full && !is_body)
    {
      filter = bk_store_sync_dup_watermark (s->store, s->endpoint->url, list->list_url);
      window = filter != NULL ? g_date_time_new_from_iso8601 (filter, NULL) : NULL;
    }

  while (url != NULL)
    {
      g_autoptr(GBytes) data = NULL;
      g_autoptr(JsonNode) root = NULL;
      g_autoptr(JsonArray) objects = NULL;
      g_autofree char *next = NULL;
      g_autofree char *digest = NULL;
      gboolean repaired = FALSE;

      if (g_cancellable_set_error_if_cancelled (s->cancellable, error))
        return FALSE;
      if (seq >= (gint64) s->options.page_cap)
        {
          g_set_error (error, BK_SYNC_ERROR, BK_SYNC_ERROR_PAGE_CAP,
                       _("%s: the list goes on beyond %u pages; the kiosk stops there"),
                       list->list_url, s->options.page_cap);
          return FALSE;
        }
      if (!g_hash_table_add (visited, g_strdup (url)))
        {
          g_set_error (error, BK_SYNC_ERROR, BK_SYNC_ERROR_LOOP,
                       _("%s: the next page leads back to a page read before (a loop)"), url);
          return FALSE;
        }
      if (!fetch (s, url, !is_body, &data, error))
        return FALSE;
      if (data != NULL)
        {
          root = bk_sync_json_parse (data, url, s->quirks->repair_json, &repaired, error);
          if (root == NULL ||
              !bk_sync_json_read_page (root, url, s->quirks->loose_lists, &objects, &next, error))
            return FALSE;
        }
      else
        {
          data = g_bytes_new_static ("[]", 2);
          objects = json_array_new ();
        }
      if (repaired)
        s->report->repaired++;
      s->report->pages++;

      if (json_array_get_length (objects) > 0)
        {
          digest = bk_sync_json_hash_data (objects);
          if (!g_hash_table_add (digests, g_strdup (digest)))
            {
              g_set_error (error, BK_SYNC_ERROR, BK_SYNC_ERROR_REPEATED,
                           _("%s: the server sent a page it had sent before under another address"),
                           url);
              return FALSE;
            }
        }

      /* the filter goes with every page, whatever the server's links say */
      if (next != NULL && filter != NULL && !bk_sync_url_has_param (next, "modified_since"))
        {
          char *filtered = bk_sync_url_set_param (next, "modified_since", filter, s->quirks->raw_query);

          g_free (next);
          next = filtered;
        }

      if (window != NULL && older_than_window (objects, window))
        {
          /* The server ignores modified_since and sends everything: read the
           * whole list, and it counts as walked whole. */
          g_message ("%s: the server ignores modified_since; the whole list is read", list->list_url);
          if (!bk_store_sync_mark_run_list_full (s->store, s->endpoint->url, list->list_url, error))
            return FALSE;
          list->full = TRUE;
          g_clear_pointer (&window, g_date_time_unref);
        }

      if (!bk_store_sync_stage_page (s->store, s->endpoint->url, list->list_url, seq, url, next,
                                     digest, data, error))
        return FALSE;
      g_free (url);
      url = g_steal_pointer (&next);
      seq++;
    }
  list->complete = TRUE;
  return bk_store_sync_complete_run_list (s->store, s->endpoint->url, list->list_url, error);
}

typedef gboolean (*ObjectFunc) (Sync          *s,
                                BkSyncRunList *list,
                                const char    *page_url,
                                guint          index,
                                JsonObject    *object,
                                gpointer       user_data,
                                GError       **error);

/* Calls func on every object of a list's staged pages, mended. */
static gboolean
for_each_staged (Sync          *s,
                 BkSyncRunList *list,
                 ObjectFunc     func,
                 gpointer       user_data,
                 GError       **error)
{
  g_autoptr(GPtrArray) pages = bk_store_sync_list_pages (s->store, s->endpoint->url, list->list_url, error);
  const char *type = type_of_kind (list->kind);

  if (pages == NULL)
    return FALSE;
  for (guint p = 0; p < pages->len; p++)
    {
      BkSyncPageInfo *page = g_ptr_array_index (pages, p);
      g_autoptr(GBytes) data = NULL;
      g_autoptr(JsonNode) root = NULL;
      g_autoptr(JsonArray) objects = NULL;
      g_autofree char *next = NULL;
      guint n;

      if (g_cancellable_set_error_if_cancelled (s->cancellable, error))
        return FALSE;
      data = bk_store_sync_dup_page_data (s->store, s->endpoint->url, list->list_url, page->seq, error);
      if (data == NULL)
        return FALSE;
      root = bk_sync_json_parse (data, page->url, s->quirks->repair_json, NULL, error);
      if (root == NULL || !bk_sync_json_read_page (root, page->url, TRUE, &objects, &next, error))
        return FALSE;
      n = json_array_get_length (objects);
      for (guint i = 0; i < n; i++)
        {
          JsonNode *node = json_array_get_element (objects, i);

          if (!JSON_NODE_HOLDS_OBJECT (node))
            {
              s->report->skipped++;
              continue;
            }
          bk_sync_json_normalize (json_node_get_object (node), type);
          if (!func (s, list, page->url, i, json_node_get_object (node), user_data, error))
            return FALSE;
        }
    }
  return TRUE;
}

typedef struct {
  guint body_index;
} PlanData;

/* Each Body of the body list names its lists: they join the run. */
static gboolean
plan_body_lists (Sync          *s,
                 BkSyncRunList *body_list,
                 const char    *page_url,
                 guint          index,
                 JsonObject    *body,
                 gpointer       user_data,
                 GError       **error)
{
  PlanData *plan = user_data;
  const char *id = bk_sync_json_get_string (body, "id");
  JsonNode *deleted = json_object_get_member (body, "deleted");

  if (id == NULL || g_strcmp0 (bk_sync_json_type_name (body), "Body") != 0 ||
      (deleted != NULL && JSON_NODE_HOLDS_VALUE (deleted) && json_node_get_boolean (deleted)))
    return TRUE;
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      const char *list_url = bk_sync_json_get_string (body, kinds[k].kind);
      g_autofree char *watermark = NULL;
      g_autofree char *first = NULL;
      BkSyncRunList list = { NULL, };

      if (list_url == NULL)
        continue;
      if (!s->full)
        watermark = bk_store_sync_dup_watermark (s->store, s->endpoint->url, list_url);
      first = watermark != NULL
              ? bk_sync_url_set_param (list_url, "modified_since", watermark, s->quirks->raw_query)
              : g_strdup (list_url);
      list.list_url = (char *) list_url;
      list.position = 1 + k * 10000 + plan->body_index;
      list.kind = (char *) kinds[k].kind;
      list.body_oparl_id = (char *) id;
      list.first_url = first;
      list.full = watermark == NULL;
      if (!bk_store_sync_add_run_list (s->store, s->endpoint->url, &list, error))
        return FALSE;
    }
  plan->body_index++;
  return TRUE;
}

static gboolean
walk (Sync    *s,
      GError **error)
{
  g_autoptr(GPtrArray) lists = NULL;
  BkSyncRunList body_list = { NULL, };
  PlanData plan = { 0 };

  body_list.list_url = s->body_list_url;
  body_list.position = 0;
  body_list.kind = (char *) BODY_KIND;
  body_list.first_url = s->body_list_url;
  body_list.full = TRUE;
  if (!bk_store_sync_add_run_list (s->store, s->endpoint->url, &body_list, error))
    return FALSE;

  lists = bk_store_sync_list_run_lists (s->store, s->endpoint->url, error);
  if (lists == NULL)
    return FALSE;
  for (guint i = 0; i < lists->len; i++)
    {
      BkSyncRunList *list = g_ptr_array_index (lists, i);

      if (g_strcmp0 (list->kind, BODY_KIND) != 0)
        continue;
      if (!walk_list (s, list, error) ||
          !for_each_staged (s, list, plan_body_lists, &plan, error))
        return FALSE;
    }

  g_clear_pointer (&lists, g_ptr_array_unref);
  lists = bk_store_sync_list_run_lists (s->store, s->endpoint->url, error);
  if (lists == NULL)
    return FALSE;
  for (guint i = 0; i < lists->len; i++)
    if (!walk_list (s, g_ptr_array_index (lists, i), error))
      return FALSE;
  return TRUE;
}

/* ---- applying --------------------------------------------------------------------- */

/* The file that holds the paper's own text: its mainFile, or else (as in
 * Karlsruhe) the auxiliary file named like the paper itself ("Antrag",
 * "Änderungs-/Ergänzungsantrag"), not a statement or a vote about it. */
static JsonObject *
text_file_of (JsonObject *paper)
{
  static const char *const names[] = {
    "antrag", "änderungsantrag", "ergänzungsantrag", "änderungs-/ergänzungsantrag",
    "änderungs- und ergänzungsantrag", "anfrage", "beschlussvorlage", "vorlage",
    "mitteilungsvorlage", "informationsvorlage", "dringlichkeitsantrag",
  };
  JsonNode *main_file = json_object_get_member (paper, "mainFile");
  JsonNode *aux = json_object_get_member (paper, "auxiliaryFile");

  if (main_file != NULL && JSON_NODE_HOLDS_OBJECT (main_file))
    return json_node_get_object (main_file);
  if (aux == NULL || !JSON_NODE_HOLDS_ARRAY (aux))
    return NULL;
  for (guint i = 0; i < json_array_get_length (json_node_get_array (aux)); i++)
    {
      JsonNode *node = json_array_get_element (json_node_get_array (aux), i);
      const char *name;
      g_autofree char *lower = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node) ||
          (name = bk_sync_json_get_string (json_node_get_object (node), "name")) == NULL)
        continue;
      lower = g_utf8_strdown (name, -1);
      g_strstrip (lower);
      for (guint n = 0; n < G_N_ELEMENTS (names); n++)
        if (g_str_equal (lower, names[n]))
          return json_node_get_object (node);
    }
  return NULL;
}

typedef struct {
  BkOParlImport *import;
  GPtrArray *papers;         /* ids of the papers applied */
  guint seen[G_N_ELEMENTS (kinds)];
} ApplyData;

static gboolean
is_deleted (JsonObject *object)
{
  JsonNode *deleted = json_object_get_member (object, "deleted");

  return deleted != NULL && JSON_NODE_HOLDS_VALUE (deleted) &&
         json_node_get_value_type (deleted) == G_TYPE_BOOLEAN && json_node_get_boolean (deleted);
}

static gboolean
apply_object (Sync          *s,
              BkSyncRunList *list,
              const char    *page_url,
              guint          index,
              JsonObject    *object,
              gpointer       user_data,
              GError       **error)
{
  ApplyData *apply = user_data;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = g_strdup_printf ("%s [%u]", page_url, index);
  const char *id = bk_sync_json_get_string (object, "id");
  const char *type = bk_sync_json_type_name (object);
  gboolean deleted = is_deleted (object);

  if (list->full && id != NULL && !deleted)
    {
      if (!bk_store_sync_seen_add (s->store, id, error))
        return FALSE;
      for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
        if (g_strcmp0 (kinds[k].kind, list->kind) == 0)
          apply->seen[k]++;
    }

  if (!bk_oparl_import_add_object (apply->import, object, name, &local_error))
    {
      if (!g_error_matches (local_error, BK_ERROR, BK_ERROR_INVALID_INPUT))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      /* still wrong after mending: this object only */
      s->report->skipped++;
      if (s->report->warnings == NULL)
        s->report->warnings = g_ptr_array_new_with_free_func (g_free);
      if (s->report->warnings->len < MAX_WARNINGS)
        g_ptr_array_add (s->report->warnings, g_strdup (local_error->message));
      g_debug ("skipped: %s", local_error->message);
      return TRUE;
    }
  if (id == NULL || deleted)
    return TRUE;

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    if (g_strcmp0 (kinds[k].type, type) == 0)
      {
        if (!bk_store_set_oparl_origin (s->store, kinds[k].origin, id, s->endpoint->url, error))
          return FALSE;
      }
  if (g_strcmp0 (type, "Body") == 0 &&
      !bk_store_set_oparl_origin (s->store, BK_STORE_ORIGIN_BODY, id, s->endpoint->url, error))
    return FALSE;

  if (g_strcmp0 (type, "Paper") == 0)
    {
      JsonObject *file = text_file_of (object);

      g_ptr_array_add (apply->papers, g_strdup (id));
      if (file != NULL)
        {
          const char *url = bk_sync_json_get_string (file, "accessUrl");

          if (url == NULL)
            url = bk_sync_json_get_string (file, "downloadUrl");
          if (!bk_store_sync_note_paper_text (s->store, id, s->endpoint->url,
                                              bk_sync_json_get_string (file, "id"), url,
                                              bk_sync_json_get_string (file, "mimeType"),
                                              bk_sync_json_get_string (file, "modified"),
                                              bk_sync_json_get_string (file, "text"), error))
            return FALSE;
        }
    }
  return TRUE;
}

/* Whatever this endpoint once gave and a full walk no longer found. A kind
 * whose full walk found nothing at all is left alone: an empty answer is
 * likelier a broken server than a council without papers. */
static gboolean
reconcile (Sync       *s,
           GPtrArray  *lists,
           ApplyData  *apply,
           GError    **error)
{
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      gboolean all_full = FALSE;
      g_autoptr(GPtrArray) unseen = NULL;

      for (guint i = 0; i < lists->len; i++)
        {
          BkSyncRunList *list = g_ptr_array_index (lists, i);

          if (g_strcmp0 (list->kind, kinds[k].kind) != 0)
            continue;
          if (!list->full)
            {
              all_full = FALSE;
              break;
            }
          all_full = TRUE;
        }
      if (!all_full)
        continue;
      if (apply->seen[k] == 0)
        {
          g_message ("%s: the whole %s list was empty; nothing is removed", s->endpoint->url, kinds[k].kind);
          continue;
        }
      unseen = bk_store_sync_list_unseen (s->store, s->endpoint->url, kinds[k].kind, error);
      if (unseen == NULL)
        return FALSE;
      for (guint i = 0; i < unseen->len; i++)
        {
          g_autoptr(GError) local_error = NULL;

          if (bk_store_delete_oparl_object (s->store, g_ptr_array_index (unseen, i), &local_error))
            s->report->removed++;
          else if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
        }
    }
  return TRUE;
}

static gboolean
apply_run (Sync    *s,
           GError **error)
{
  g_autoptr(GPtrArray) lists = NULL;
  g_autoptr(GPtrArray) papers = g_ptr_array_new_with_free_func (g_free);
  BkOParlStats stats = { 0 };
  ApplyData apply = { NULL, };
  gboolean ok = FALSE;

  lists = bk_store_sync_list_run_lists (s->store, s->endpoint->url, error);
  if (lists == NULL || !bk_store_begin (s->store, error))
    return FALSE;
  apply.import = bk_oparl_import_new (s->store, &stats);
  apply.papers = papers;

  if (!bk_store_sync_seen_reset (s->store, error))
    goto out;
  for (guint i = 0; i < lists->len; i++)
    if (!for_each_staged (s, g_ptr_array_index (lists, i), apply_object, &apply, error))
      goto out;
  if (!bk_oparl_import_finish (apply.import, error) ||
      !reconcile (s, lists, &apply, error))
    goto out;

  /* The importer wrote the papers from their records, which hold no points
   * or reasons: put back what their texts said. */
  for (guint i = 0; i < papers->len; i++)
    {
      g_autoptr(BkPaperText) text = bk_store_sync_get_paper_text (s->store, g_ptr_array_index (papers, i));

      if (text != NULL && text->state == BK_PAPER_TEXT_OK && !bk_sync_complete_motion (s->store, text, error))
        goto out;
    }

  for (guint i = 0; i < lists->len; i++)
    {
      BkSyncRunList *list = g_ptr_array_index (lists, i);

      if (g_strcmp0 (list->kind, BODY_KIND) != 0 &&
          !bk_store_sync_set_watermark (s->store, s->endpoint->url, list->list_url, list->kind,
                                        list->body_oparl_id, s->watermark, error))
        goto out;
    }
  if (!bk_store_sync_drop_run (s->store, s->endpoint->url, error) ||
      !bk_store_sync_record_result (s->store, s->endpoint->url, s->now, TRUE, s->full, NULL,
                                    bk_http_get_request_count (s->http) - s->requests_before, error))
    goto out;
  ok = TRUE;

out:
  g_clear_pointer (&apply.import, bk_oparl_import_free);
  if (!ok)
    {
      bk_store_rollback (s->store);
      return FALSE;
    }
  if (!bk_store_commit (s->store, error))
    return FALSE;
  s->report->papers = stats.papers;
  s->report->meetings = stats.meetings;
  s->report->organizations = stats.organizations;
  s->report->persons = stats.persons;
  s->report->deleted = stats.deleted;
  s->report->changed = stats.papers + stats.meetings + stats.organizations + stats.persons +
                       stats.deleted + s->report->removed > 0;
  return TRUE;
}

/* ---- a run -------------------------------------------------------------------------- */

static gboolean
is_full_due (const Sync               *s,
             const BkSyncEndpointInfo *info)
{
  g_autoptr(GDateTime) last = NULL;
  g_autoptr(GDateTime) now = NULL;

  if (s->options.full || info == NULL || info->last_full == NULL || info->body_list_url == NULL)
    return TRUE;
  if (s->options.full_after_days == 0)
    return FALSE;
  last = g_date_time_new_from_iso8601 (info->last_full, NULL);
  now = g_date_time_new_from_iso8601 (s->now, NULL);
  return last == NULL || now == NULL ||
         g_date_time_difference (now, last) >= (GTimeSpan) s->options.full_after_days * G_TIME_SPAN_DAY;
}

static gboolean
start_or_resume (Sync                     *s,
                 const BkSyncEndpointInfo *info,
                 GError                  **error)
{
  g_autoptr(BkSyncRun) run = bk_store_sync_get_run (s->store, s->endpoint->url);
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 (s->now, NULL);
  gboolean want_full = is_full_due (s, info);

  if (run != NULL)
    {
      g_autoptr(GDateTime) started = g_date_time_new_from_iso8601 (run->started, NULL);
      gboolean stale = started == NULL ||
                       g_date_time_difference (now, started) > (GTimeSpan) s->options.stale_run_hours * G_TIME_SPAN_HOUR;

      if (!stale && g_strcmp0 (run->holder, s->holder) != 0 && holder_alive (run->holder))
        {
          g_set_error (error, BK_SYNC_ERROR, BK_SYNC_ERROR_BUSY,
                       _("another sync of this endpoint is running (%s)"), run->holder);
          return FALSE;
        }
      /* Go on with it, unless a full walk is wanted and it is not one. */
      if (!stale && (run->full || !want_full))
        {
          s->full = run->full;
          s->watermark = g_strdup (run->watermark);
          return bk_store_sync_set_run_holder (s->store, s->endpoint->url, s->holder, error);
        }
    }

  {
    g_autoptr(GDateTime) mark = g_date_time_add_seconds (now, -(gdouble) s->options.overlap_s);

    s->full = want_full;
    s->watermark = format_utc (mark, "%Y-%m-%dT%H:%M:%S+00:00");
  }
  return bk_store_sync_begin_run (s->store, s->endpoint->url, s->now, s->watermark, s->full,
                                  s->holder, error);
}

/* Errors after which the staged walk is worth keeping. */
static gboolean
keeps_staged_walk (const GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return TRUE;
  if (error->domain != BK_SYNC_ERROR)
    return TRUE;   /* the store: nothing to say about the server */
  switch (error->code)
    {
    case BK_SYNC_ERROR_CONNECT:
    case BK_SYNC_ERROR_TIMEOUT:
    case BK_SYNC_ERROR_HTTP:
    case BK_SYNC_ERROR_TLS:
    case BK_SYNC_ERROR_BUSY:
      return TRUE;
    default:
      return FALSE;
    }
}

gboolean
bk_sync_endpoint (BkStore              *store,
                  BkHttp               *http,
                  const BkSyncEndpoint *endpoint,
                  const BkSyncOptions  *options,
                  BkSyncReport         *report,
                  GCancellable         *cancellable,
                  GError              **error)
{
  g_autoptr(BkSyncEndpointInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *label = NULL;
  BkSyncReport local_report = { 0 };
  Sync s = { NULL, };
  gboolean ok;

  g_return_val_if_fail (BK_IS_STORE (store) && http != NULL && endpoint != NULL, FALSE);
  g_return_val_if_fail (endpoint->url != NULL, FALSE);

  s.store = store;
  s.http = http;
  s.endpoint = endpoint;
  s.report = report != NULL ? report : &local_report;
  s.cancellable = cancellable;
  s.requests_before = bk_http_get_request_count (http);
  if (options != NULL)
    s.options = *options;
  if (s.options.page_cap == 0)
    s.options.page_cap = 10000;
  if (s.options.stale_run_hours == 0)
    s.options.stale_run_hours = 24;
  if (s.options.overlap_s == 0)
    s.options.overlap_s = 300;
  s.holder = bk_sync_dup_holder ();
  if (s.options.now != NULL)
    s.now = g_strdup (s.options.now);
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

      s.now = format_utc (now, "%Y-%m-%dT%H:%M:%SZ");
    }
  label = endpoint->name != NULL ? g_strdup_printf ("%s (%s)", endpoint->name, endpoint->url)
                                 : g_strdup (endpoint->url);

  if (!bk_sync_url_is_web (endpoint->url))
    {
      g_set_error (error, BK_SYNC_ERROR, BK_SYNC_ERROR_CONFIG,
                   _("%s: not an http:// or https:// address of an OParl System"), label);
      ok = FALSE;
      goto done;
    }

  if (!bk_store_sync_touch_endpoint (store, endpoint->url, endpoint->name, &local_error) ||
      !bk_store_sync_record_attempt (store, endpoint->url, s.now, &local_error))
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", label);
      ok = FALSE;
      goto done;
    }
  info = bk_store_sync_get_endpoint (store, endpoint->url);

  {
    gint64 t0 = g_get_monotonic_time (), t1 = 0, t2 = 0;

    ok = start_or_resume (&s, info, &local_error) &&
         discover (&s, info, &local_error) &&
         walk (&s, &local_error) &&
         ((t1 = g_get_monotonic_time ()), apply_run (&s, &local_error));
    t2 = g_get_monotonic_time ();
    if (ok)
      g_debug ("%s: walk %.2f s (%u pages), apply %.2f s", endpoint->url, (t1 - t0) / 1e6,
               s.report->pages, (t2 - t1) / 1e6);
  }

  s.report->full = s.full;
  g_free (s.report->quirks);
  s.report->quirks = g_strdup (s.quirks != NULL ? s.quirks->name : NULL);
  s.report->requests = bk_http_get_request_count (http) - s.requests_before;

  if (!ok)
    {
      g_autofree char *message = g_strdup_printf ("%s: %s", label, local_error->message);

      if (!keeps_staged_walk (local_error))
        bk_store_sync_drop_run (store, endpoint->url, NULL);
      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
          !g_error_matches (local_error, BK_SYNC_ERROR, BK_SYNC_ERROR_BUSY))
        bk_store_sync_record_result (store, endpoint->url, s.now, FALSE, FALSE, message,
                                     s.report->requests, NULL);
      g_set_error_literal (error, local_error->domain, local_error->code, message);
    }

done:
  if (s.report == &local_report)
    bk_sync_report_clear (&local_report);
  g_free (s.holder);
  g_free (s.now);
  g_free (s.watermark);
  g_free (s.system_id);
  g_free (s.body_list_url);
  return ok;
}
