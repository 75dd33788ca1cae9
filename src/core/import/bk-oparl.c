/* bk-oparl.c: OParl 1.0/1.1 JSON importer
 *
 * A document (System, Body, a single object or a list page) is imported in
 * two passes: the first stores everything that papers refer to (bodies,
 * organizations, persons, meetings with their agenda items) and remembers
 * the references of the papers in the document; the second maps the papers
 * onto BkMotion and saves them. References that are neither in the document
 * nor in the store are left out rather than guessed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-oparl"

#include "bk-json.h"
#include "bk-oparl.h"
#include "bk-text-util.h"
#include "bk-oparl-folder.h"
#include "bk-store-oparl.h"
#include "bk-error.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

/* OParl nests a handful of levels; anything far deeper is hostile input that
 * would only exhaust json-glib's recursion. */
/* How much of a file's head and tail is searched for its links.self first. */
#define SELF_PROBE_SIZE (64 * 1024)

typedef enum {
  TYPE_UNKNOWN,
  TYPE_SYSTEM,
  TYPE_BODY,
  TYPE_LEGISLATIVE_TERM,
  TYPE_ORGANIZATION,
  TYPE_PERSON,
  TYPE_MEMBERSHIP,
  TYPE_MEETING,
  TYPE_AGENDA_ITEM,
  TYPE_PAPER,
  TYPE_CONSULTATION,
  TYPE_FILE,
  TYPE_LOCATION,
  TYPE_ERROR,
} ObjType;

static const struct {
  const char *name;
  ObjType type;
} type_names[] = {
  { "System", TYPE_SYSTEM },
  { "Body", TYPE_BODY },
  { "LegislativeTerm", TYPE_LEGISLATIVE_TERM },
  { "Organization", TYPE_ORGANIZATION },
  { "Person", TYPE_PERSON },
  { "Membership", TYPE_MEMBERSHIP },
  { "Meeting", TYPE_MEETING },
  { "AgendaItem", TYPE_AGENDA_ITEM },
  { "Paper", TYPE_PAPER },
  { "Consultation", TYPE_CONSULTATION },
  { "File", TYPE_FILE },
  { "Location", TYPE_LOCATION },
  { "Error", TYPE_ERROR },
};

typedef struct {
  char *name;
  gboolean faction;
} OrgInfo;

typedef struct {
  char *start;
  char *name;
} MeetingInfo;

typedef struct {
  gint64 motion_id;
  char *paper_id;    /* the paper whose reference is still missing */
} PendingRef;

/* Facts the store has no look-up for (yet), remembered per store object so
 * that they carry over from one file of a folder to the next: whether an
 * organization is a faction, an agenda item's public flag and meeting, and
 * a paper's reference. Keyed by OParl id. */
typedef struct {
  GHashTable *org_faction;   /* organization id -> GINT_TO_POINTER (faction + 1),
                              * when its type was given */
  GHashTable *paper_refs;    /* paper id -> reference */
  GHashTable *item_public;   /* agenda item id -> BkTristate + 2 */
  GHashTable *item_meeting;  /* agenda item id -> meeting id */
  GHashTable *cons_public;   /* consultation id -> BkTristate + 2 */
} Memo;

#define MEMO_KEY "bk-oparl-memo"

static void
memo_free (gpointer data)
{
  Memo *memo = data;

  g_hash_table_unref (memo->org_faction);
  g_hash_table_unref (memo->paper_refs);
  g_hash_table_unref (memo->item_public);
  g_hash_table_unref (memo->item_meeting);
  g_hash_table_unref (memo->cons_public);
  g_free (memo);
}

static Memo *
memo_get (BkStore *store)
{
  Memo *memo = g_object_get_data (G_OBJECT (store), MEMO_KEY);

  if (memo == NULL)
    {
      memo = g_new0 (Memo, 1);
      memo->org_faction = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      memo->paper_refs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      memo->item_public = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      memo->item_meeting = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      memo->cons_public = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_object_set_data_full (G_OBJECT (store), MEMO_KEY, memo, memo_free);
    }
  return memo;
}

typedef struct {
  BkStore *store;
  BkOParlStats *stats;
  const char *name;          /* file name used in messages */
  GString *path;             /* JSON path of the value being looked at */

  /* What the documents of this import and the store told us so far, keyed by
   * OParl id. A NULL value records "asked the store, unknown". */
  GHashTable *orgs;          /* OrgInfo */
  GHashTable *persons;       /* char* */
  GHashTable *bodies;        /* char* */
  GHashTable *meetings;      /* MeetingInfo */
  Memo *memo;
  GHashTable *seen;          /* ids counted in stats */
  GArray *pending;           /* PendingRef: related papers not known yet */

  /* links.next resolution, built on first use */
  GHashTable *self_index;    /* links.self URL -> file path */
  GHashTable *visited;       /* file paths imported in this chain */
} Ctx;

static void
org_info_free (gpointer data)
{
  OrgInfo *info = data;

  if (info == NULL)
    return;
  g_free (info->name);
  g_free (info);
}

static void
meeting_info_free (gpointer data)
{
  MeetingInfo *info = data;

  if (info == NULL)
    return;
  g_free (info->start);
  g_free (info->name);
  g_free (info);
}

static void
pending_ref_clear (gpointer data)
{
  PendingRef *ref = data;

  g_free (ref->paper_id);
}

static void
ctx_init (Ctx *ctx, BkStore *store, BkOParlStats *stats)
{
  memset (ctx, 0, sizeof *ctx);
  ctx->store = store;
  ctx->stats = stats;
  ctx->path = g_string_sized_new (64);
  ctx->orgs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, org_info_free);
  ctx->persons = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  ctx->bodies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  ctx->meetings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, meeting_info_free);
  ctx->memo = memo_get (store);
  ctx->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ctx->pending = g_array_new (FALSE, FALSE, sizeof (PendingRef));
  g_array_set_clear_func (ctx->pending, pending_ref_clear);
  ctx->visited = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static void
ctx_clear (Ctx *ctx)
{
  g_string_free (ctx->path, TRUE);
  g_hash_table_unref (ctx->orgs);
  g_hash_table_unref (ctx->persons);
  g_hash_table_unref (ctx->bodies);
  g_hash_table_unref (ctx->meetings);
  g_hash_table_unref (ctx->seen);
  g_array_unref (ctx->pending);
  g_clear_pointer (&ctx->self_index, g_hash_table_unref);
  g_hash_table_unref (ctx->visited);
}

/* ---- JSON path and typed access ---------------------------------------- */

static gsize
path_push_member (Ctx *ctx, const char *member)
{
  gsize len = ctx->path->len;

  g_string_append_c (ctx->path, '.');
  g_string_append (ctx->path, member);
  return len;
}

static gsize
path_push_index (Ctx *ctx, guint index)
{
  gsize len = ctx->path->len;

  g_string_append_printf (ctx->path, "[%u]", index);
  return len;
}

static void
path_pop (Ctx *ctx, gsize len)
{
  g_string_truncate (ctx->path, len);
}

/* Sets an error naming the file and the JSON path of member (or of the
 * current value when member is NULL). */
static gboolean
fail_at (Ctx         *ctx,
         const char  *member,
         const char  *problem,
         GError     **error)
{
  g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
               /* Translators: file name, JSON path ("$.data[3].name"), problem */
               _("%s: %s%s%s: %s"), ctx->name, ctx->path->str,
               member != NULL ? "." : "", member != NULL ? member : "", problem);
  return FALSE;
}

static gboolean
node_is_null (JsonNode *node)
{
  return node == NULL || JSON_NODE_HOLDS_NULL (node);
}

static gboolean
node_is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

/* A string member; absent, null and "" all give NULL. */
static gboolean
get_string (Ctx         *ctx,
            JsonObject  *obj,
            const char  *member,
            const char **out,
            GError     **error)
{
  JsonNode *node = json_object_get_member (obj, member);
  const char *str;

  *out = NULL;
  if (node_is_null (node))
    return TRUE;
  if (!node_is_string (node))
    return fail_at (ctx, member, _("expected a string"), error);
  str = json_node_get_string (node);
  if (str != NULL && *str != '\0')
    *out = str;
  return TRUE;
}

/* Like get_string, but also takes a whole number (agenda item numbers). */
static gboolean
dup_string_or_number (Ctx         *ctx,
                      JsonObject  *obj,
                      const char  *member,
                      char       **out,
                      GError     **error)
{
  JsonNode *node = json_object_get_member (obj, member);

  *out = NULL;
  if (node_is_null (node))
    return TRUE;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64)
    {
      *out = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
      return TRUE;
    }
  if (!node_is_string (node))
    return fail_at (ctx, member, _("expected a string"), error);
  if (*json_node_get_string (node) != '\0')
    *out = g_strdup (json_node_get_string (node));
  return TRUE;
}

static gboolean
get_tristate (Ctx         *ctx,
              JsonObject  *obj,
              const char  *member,
              BkTristate  *out,
              GError     **error)
{
  JsonNode *node = json_object_get_member (obj, member);

  *out = BK_TRISTATE_UNKNOWN;
  if (node_is_null (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return fail_at (ctx, member, _("expected true or false"), error);
  *out = json_node_get_boolean (node) ? BK_TRISTATE_YES : BK_TRISTATE_NO;
  return TRUE;
}

/* An array member; absent or null gives NULL. */
static gboolean
get_array (Ctx         *ctx,
           JsonObject  *obj,
           const char  *member,
           JsonArray  **out,
           GError     **error)
{
  JsonNode *node = json_object_get_member (obj, member);

  *out = NULL;
  if (node_is_null (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail_at (ctx, member, _("expected an array"), error);
  *out = json_node_get_array (node);
  return TRUE;
}

/* A member that holds an embedded object, or (OParl 1.0 and vendors that do
 * not embed) the URL of one. */
static gboolean
get_object_or_url (Ctx          *ctx,
                   JsonObject   *obj,
                   const char   *member,
                   JsonObject  **out,
                   const char  **url,
                   GError      **error)
{
  JsonNode *node = json_object_get_member (obj, member);

  *out = NULL;
  if (url != NULL)
    *url = NULL;
  if (node_is_null (node))
    return TRUE;
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      *out = json_node_get_object (node);
      return TRUE;
    }
  if (node_is_string (node))
    {
      if (url != NULL && *json_node_get_string (node) != '\0')
        *url = json_node_get_string (node);
      return TRUE;
    }
  return fail_at (ctx, member, _("expected an object"), error);
}

static ObjType
type_from_string (const char *type)
{
  const char *end;
  const char *seg;
  gsize len;

  if (type == NULL)
    return TYPE_UNKNOWN;
  end = type + strlen (type);
  while (end > type && end[-1] == '/')
    end--;
  seg = end;
  while (seg > type && seg[-1] != '/')
    seg--;
  len = end - seg;
  for (guint i = 0; i < G_N_ELEMENTS (type_names); i++)
    if (strlen (type_names[i].name) == len &&
        g_ascii_strncasecmp (type_names[i].name, seg, len) == 0)
      return type_names[i].type;
  return TYPE_UNKNOWN;
}

static gboolean
get_type (Ctx         *ctx,
          JsonObject  *obj,
          ObjType     *out,
          GError     **error)
{
  const char *type;

  if (!get_string (ctx, obj, "type", &type, error))
    return FALSE;
  *out = type_from_string (type);
  return TRUE;
}

/* "2026-09-15T17:00:00+02:00" and "2026-09-15" give "2026-09-15"; anything
 * that does not start with a date gives NULL. */
static char *
dup_date_part (const char *str)
{
  static const char pattern[] = "dddd-dd-dd";

  if (str == NULL || strlen (str) < 10)
    return NULL;
  for (guint i = 0; i < 10; i++)
    if (pattern[i] == 'd' ? !g_ascii_isdigit (str[i]) : str[i] != '-')
      return NULL;
  return g_strndup (str, 10);
}

static gboolean
is_faction (const char *classification)
{
  g_autofree char *folded = NULL;

  if (classification == NULL)
    return FALSE;
  folded = g_utf8_casefold (classification, -1);
  return strstr (folded, "fraktion") != NULL;
}

static void
count_object (Ctx *ctx, const char *id, guint *counter)
{
  if (id == NULL || g_hash_table_add (ctx->seen, g_strdup (id)))
    (*counter)++;
}

/* ---- look-ups: this import first, then the store ------------------------ */

static const OrgInfo *
lookup_org (Ctx *ctx, const char *id)
{
  gpointer value;
  OrgInfo *info = NULL;
  char *name;

  if (g_hash_table_lookup_extended (ctx->orgs, id, NULL, &value))
    return value;
  name = bk_store_dup_organization_name (ctx->store, id);
  if (name != NULL && *name == '\0')
    g_clear_pointer (&name, g_free);
  if (name != NULL)
    {
      info = g_new0 (OrgInfo, 1);
      info->name = name;
      g_autofree char *classification = NULL;

      if (g_hash_table_lookup_extended (ctx->memo->org_faction, id, NULL, &value))
        info->faction = GPOINTER_TO_INT (value) - 1;
      else if (bk_store_lookup_organization (ctx->store, id, NULL, &classification) &&
               classification != NULL && *classification != '\0')
        /* imported by an earlier run: the stored classification tells */
        info->faction = is_faction (classification) || is_faction (name);
      else
        /* no type given: go by the name */
        info->faction = is_faction (name);
    }
  g_hash_table_insert (ctx->orgs, g_strdup (id), info);
  return info;
}

static const char *
lookup_name (Ctx         *ctx,
             GHashTable  *table,
             const char  *id,
             char       *(*dup_name) (BkStore *, const char *))
{
  gpointer value;
  char *name;

  if (g_hash_table_lookup_extended (table, id, NULL, &value))
    return value;
  name = dup_name (ctx->store, id);
  if (name != NULL && *name == '\0')
    g_clear_pointer (&name, g_free);
  g_hash_table_insert (table, g_strdup (id), name);
  return name;
}

static const MeetingInfo *
lookup_meeting (Ctx *ctx, const char *id)
{
  gpointer value;
  MeetingInfo *info = NULL;
  char *start = NULL;
  char *name = NULL;

  if (g_hash_table_lookup_extended (ctx->meetings, id, NULL, &value))
    return value;
  if (bk_store_lookup_meeting (ctx->store, id, &start, &name))
    {
      info = g_new0 (MeetingInfo, 1);
      info->start = start;
      info->name = name;
    }
  g_hash_table_insert (ctx->meetings, g_strdup (id), info);
  return info;
}

static BkTristate
lookup_public (GHashTable *table, const char *id)
{
  gpointer value;

  if (id != NULL && g_hash_table_lookup_extended (table, id, NULL, &value))
    return GPOINTER_TO_INT (value) - 2;
  return BK_TRISTATE_UNKNOWN;
}

/* ---- objects other than papers ----------------------------------------- */

static gboolean
import_body (Ctx *ctx, JsonObject *obj, const char *id, GError **error)
{
  const char *name, *short_name, *main_organization;

  if (!get_string (ctx, obj, "name", &name, error) ||
      !get_string (ctx, obj, "shortName", &short_name, error) ||
      !get_string (ctx, obj, "mainOrganization", &main_organization, error))
    return FALSE;
  if (!bk_store_save_body (ctx->store, id, name, short_name, error))
    return FALSE;
  if (main_organization != NULL &&
      !bk_store_set_body_main_organization (ctx->store, id, main_organization, error))
    return FALSE;
  g_hash_table_insert (ctx->bodies, g_strdup (id), g_strdup (name));
  count_object (ctx, id, &ctx->stats->bodies);
  return TRUE;
}

static gboolean
import_organization (Ctx *ctx, JsonObject *obj, const char *id, GError **error)
{
  const char *body, *name, *short_name, *classification, *org_type;
  OrgInfo *info;

  if (!get_string (ctx, obj, "body", &body, error) ||
      !get_string (ctx, obj, "name", &name, error) ||
      !get_string (ctx, obj, "shortName", &short_name, error) ||
      !get_string (ctx, obj, "classification", &classification, error) ||
      !get_string (ctx, obj, "organizationType", &org_type, error))
    return FALSE;
  if (!bk_store_save_organization (ctx->store, id, body, name, short_name,
                                   classification != NULL ? classification : org_type,
                                   error))
    return FALSE;
  info = g_new0 (OrgInfo, 1);
  info->name = g_strdup (name != NULL ? name : short_name);
  if (classification != NULL || org_type != NULL)
    {
      info->faction = is_faction (classification) || is_faction (org_type);
      g_hash_table_insert (ctx->memo->org_faction, g_strdup (id),
                           GINT_TO_POINTER (info->faction + 1));
    }
  else
    {
      /* no type given: faction names mostly say so themselves
       * ("SPD-Fraktion", "Fraktion GRÜNE") */
      info->faction = is_faction (info->name);
      g_hash_table_remove (ctx->memo->org_faction, id);
    }
  g_hash_table_insert (ctx->orgs, g_strdup (id), info);
  count_object (ctx, id, &ctx->stats->organizations);
  return TRUE;
}

static gboolean
import_person (Ctx *ctx, JsonObject *obj, const char *id, GError **error)
{
  const char *name, *given, *family;
  g_autofree char *joined = NULL;

  if (!get_string (ctx, obj, "name", &name, error) ||
      !get_string (ctx, obj, "givenName", &given, error) ||
      !get_string (ctx, obj, "familyName", &family, error))
    return FALSE;
  if (name == NULL && (given != NULL || family != NULL))
    name = joined = g_strjoin (given != NULL && family != NULL ? " " : "",
                               given != NULL ? given : "",
                               family != NULL ? family : "", NULL);
  if (!bk_store_save_person (ctx->store, id, name, error))
    return FALSE;
  g_hash_table_insert (ctx->persons, g_strdup (id), g_strdup (name));
  count_object (ctx, id, &ctx->stats->persons);
  return TRUE;
}

/* Location: an embedded object in 1.1, a URL in 1.0 (then unknown). */
static gboolean
dup_location (Ctx *ctx, JsonObject *obj, char **out, GError **error)
{
  JsonObject *loc;
  const char *description, *room, *street, *postal, *locality;
  g_autoptr(GString) str = NULL;
  gsize saved;

  *out = NULL;
  if (!get_object_or_url (ctx, obj, "location", &loc, NULL, error))
    return FALSE;
  if (loc == NULL)
    return TRUE;
  saved = path_push_member (ctx, "location");
  if (!get_string (ctx, loc, "description", &description, error) ||
      !get_string (ctx, loc, "room", &room, error) ||
      !get_string (ctx, loc, "streetAddress", &street, error) ||
      !get_string (ctx, loc, "postalCode", &postal, error) ||
      !get_string (ctx, loc, "locality", &locality, error))
    return FALSE;
  path_pop (ctx, saved);
  if (description != NULL)
    {
      *out = g_strdup (description);
      return TRUE;
    }
  str = g_string_new (NULL);
  if (room != NULL)
    g_string_append (str, room);
  if (street != NULL)
    g_string_append_printf (str, "%s%s", str->len ? ", " : "", street);
  if (postal != NULL || locality != NULL)
    g_string_append_printf (str, "%s%s%s%s", str->len ? ", " : "",
                            postal != NULL ? postal : "",
                            postal != NULL && locality != NULL ? " " : "",
                            locality != NULL ? locality : "");
  if (str->len > 0)
    *out = g_string_free (g_steal_pointer (&str), FALSE);
  return TRUE;
}

static gboolean
delete_object (Ctx *ctx, const char *id, GError **error)
{
  g_autoptr(GError) local_error = NULL;

  if (id == NULL)
    return TRUE;
  g_hash_table_remove (ctx->memo->paper_refs, id);
  g_hash_table_remove (ctx->orgs, id);
  g_hash_table_remove (ctx->persons, id);
  g_hash_table_remove (ctx->bodies, id);
  g_hash_table_remove (ctx->meetings, id);
  if (bk_store_delete_oparl_object (ctx->store, id, &local_error))
    ctx->stats->deleted++;
  else if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  /* else: nothing to remove (never imported, or removed before) */
  return TRUE;
}

static gboolean
import_agenda_item (Ctx         *ctx,
                    JsonObject  *obj,
                    const char  *meeting_id,
                    GError     **error)
{
  const char *id, *name, *consultation, *result, *meeting;
  g_autofree char *number = NULL;
  BkTristate deleted, is_public;

  if (!get_string (ctx, obj, "id", &id, error) ||
      !get_tristate (ctx, obj, "deleted", &deleted, error))
    return FALSE;
  if (deleted == BK_TRISTATE_YES)
    return delete_object (ctx, id, error);
  if (!get_string (ctx, obj, "meeting", &meeting, error) ||
      !dup_string_or_number (ctx, obj, "number", &number, error) ||
      !get_string (ctx, obj, "name", &name, error) ||
      !get_string (ctx, obj, "consultation", &consultation, error) ||
      !get_tristate (ctx, obj, "public", &is_public, error) ||
      !get_string (ctx, obj, "result", &result, error))
    return FALSE;
  if (meeting_id == NULL)
    meeting_id = meeting;
  if (id == NULL || meeting_id == NULL)
    {
      g_debug ("%s: %s: agenda item without id or meeting, skipped",
               ctx->name, ctx->path->str);
      return TRUE;
    }
  if (!bk_store_save_agenda_item (ctx->store, id, meeting_id, number, name,
                                  consultation, is_public, result, error))
    return FALSE;
  g_hash_table_insert (ctx->memo->item_public, g_strdup (id), GINT_TO_POINTER (is_public + 2));
  g_hash_table_insert (ctx->memo->item_meeting, g_strdup (id), g_strdup (meeting_id));
  if (consultation != NULL)
    g_hash_table_insert (ctx->memo->cons_public, g_strdup (consultation),
                         GINT_TO_POINTER (is_public + 2));
  return TRUE;
}

static gboolean
import_meeting (Ctx *ctx, JsonObject *obj, const char *id, GError **error)
{
  const char *name, *start, *end;
  g_autofree char *location = NULL;
  BkTristate cancelled;
  JsonArray *organizations, *items = NULL;
  JsonNode *items_node;
  MeetingInfo *info;

  if (!get_string (ctx, obj, "name", &name, error) ||
      !get_string (ctx, obj, "start", &start, error) ||
      !get_string (ctx, obj, "end", &end, error) ||
      !get_tristate (ctx, obj, "cancelled", &cancelled, error) ||
      !get_array (ctx, obj, "organization", &organizations, error) ||
      !dup_location (ctx, obj, &location, error))
    return FALSE;
  /* agendaItem: embedded list; a URL of an external list is skipped */
  items_node = json_object_get_member (obj, "agendaItem");
  if (!node_is_null (items_node) && !node_is_string (items_node) &&
      !get_array (ctx, obj, "agendaItem", &items, error))
    return FALSE;
  if (!bk_store_save_meeting (ctx->store, id, name, start, end, location,
                              cancelled == BK_TRISTATE_YES, error))
    return FALSE;
  info = g_new0 (MeetingInfo, 1);
  info->start = g_strdup (start);
  info->name = g_strdup (name);
  g_hash_table_insert (ctx->meetings, g_strdup (id), info);
  count_object (ctx, id, &ctx->stats->meetings);

  if (items != NULL)
    {
      gsize saved = path_push_member (ctx, "agendaItem");
      guint n = json_array_get_length (items);

      for (guint i = 0; i < n; i++)
        {
          JsonNode *node = json_array_get_element (items, i);
          gsize saved_index = path_push_index (ctx, i);

          if (JSON_NODE_HOLDS_OBJECT (node))
            {
              if (!import_agenda_item (ctx, json_node_get_object (node), id, error))
                return FALSE;
            }
          else if (!node_is_string (node) && !node_is_null (node))
            return fail_at (ctx, NULL, _("expected an object"), error);
          path_pop (ctx, saved_index);
        }
      path_pop (ctx, saved);
    }
  return TRUE;
}

/* ---- papers ------------------------------------------------------------- */

/* An element of a reference list: a URL, or an embedded object whose id
 * counts (organizations and persons found that way are stored too). */
static gboolean
ref_from_node (Ctx         *ctx,
               JsonNode    *node,
               const char **id,
               GError     **error)
{
  JsonObject *obj;
  ObjType type;
  BkTristate deleted;

  *id = NULL;
  if (node_is_null (node))
    return TRUE;
  if (node_is_string (node))
    {
      if (*json_node_get_string (node) != '\0')
        *id = json_node_get_string (node);
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail_at (ctx, NULL, _("expected a URL or an object"), error);
  obj = json_node_get_object (node);
  if (!get_string (ctx, obj, "id", id, error) ||
      !get_type (ctx, obj, &type, error) ||
      !get_tristate (ctx, obj, "deleted", &deleted, error))
    return FALSE;
  if (*id == NULL || deleted == BK_TRISTATE_YES)
    {
      *id = NULL;
      return TRUE;
    }
  if (type == TYPE_ORGANIZATION)
    return import_organization (ctx, obj, *id, error);
  if (type == TYPE_PERSON)
    return import_person (ctx, obj, *id, error);
  return TRUE;
}

typedef gboolean (*RefFunc) (Ctx *ctx, const char *id, gpointer user_data, GError **error);

static gboolean
for_each_ref (Ctx         *ctx,
              JsonObject  *obj,
              const char  *member,
              RefFunc      func,
              gpointer     user_data,
              GError     **error)
{
  JsonArray *array;
  guint n;
  gsize saved;

  if (!get_array (ctx, obj, member, &array, error))
    return FALSE;
  if (array == NULL)
    return TRUE;
  n = json_array_get_length (array);
  saved = path_push_member (ctx, member);
  for (guint i = 0; i < n; i++)
    {
      gsize saved_index = path_push_index (ctx, i);
      const char *id;

      if (!ref_from_node (ctx, json_array_get_element (array, i), &id, error))
        return FALSE;
      if (id != NULL && !func (ctx, id, user_data, error))
        return FALSE;
      path_pop (ctx, saved_index);
    }
  path_pop (ctx, saved);
  return TRUE;
}

static gboolean
add_org_submitter (Ctx *ctx, const char *id, gpointer user_data, GError **error)
{
  BkMotion *motion = user_data;
  const OrgInfo *info = lookup_org (ctx, id);

  if (info != NULL && info->name != NULL)
    bk_motion_add_submitter (motion, info->name,
                             info->faction ? BK_PARTY_FACTION : BK_PARTY_ORGANIZATION);
  return TRUE;
}

static gboolean
add_person_submitter (Ctx *ctx, const char *id, gpointer user_data, GError **error)
{
  BkMotion *motion = user_data;
  const char *name = lookup_name (ctx, ctx->persons, id, bk_store_dup_person_name);

  if (name != NULL)
    bk_motion_add_submitter (motion, name, BK_PARTY_PERSON);
  return TRUE;
}

static gboolean
add_related (Ctx *ctx, const char *id, gpointer user_data, GError **error)
{
  BkMotion *motion = user_data;
  const char *reference;

  if (g_strcmp0 (id, motion->oparl_id) == 0)
    return TRUE;
  reference = g_hash_table_lookup (ctx->memo->paper_refs, id);
  if (reference == NULL)
    {
      /* imported by an earlier run */
      g_autofree char *stored = bk_store_dup_paper_reference (ctx->store, id);

      if (stored != NULL)
        {
          if (g_strcmp0 (stored, motion->reference) != 0)
            bk_motion_add_reference (motion, stored);
          return TRUE;
        }
    }
  if (reference != NULL)
    {
      if (g_strcmp0 (reference, motion->reference) != 0)
        bk_motion_add_reference (motion, reference);
    }
  else
    {
      /* maybe on a later page of this import; see resolve_pending () */
      PendingRef ref = { 0, g_strdup (id) };

      g_array_append_val (ctx->pending, ref);
    }
  return TRUE;
}

static gboolean
first_org_name (Ctx *ctx, const char *id, gpointer user_data, GError **error)
{
  const char **committee = user_data;
  const OrgInfo *info;

  if (*committee != NULL)
    return TRUE;
  info = lookup_org (ctx, id);
  if (info != NULL)
    *committee = info->name;
  if (*committee == NULL)
    *committee = "";   /* the lead committee is unknown; do not take the next */
  return TRUE;
}

static gboolean
import_consultation (Ctx         *ctx,
                     BkMotion    *motion,
                     JsonObject  *obj,
                     GError     **error)
{
  const char *id, *meeting_id, *item_id, *role, *committee = NULL;
  BkTristate deleted, authoritative, is_public;
  const MeetingInfo *meeting = NULL;
  g_autofree char *date = NULL;
  g_autofree char *stored_meeting = NULL;
  BkConsultation *c;

  if (!get_string (ctx, obj, "id", &id, error) ||
      !get_tristate (ctx, obj, "deleted", &deleted, error) ||
      !get_string (ctx, obj, "meeting", &meeting_id, error) ||
      !get_string (ctx, obj, "agendaItem", &item_id, error) ||
      !get_string (ctx, obj, "role", &role, error) ||
      !get_tristate (ctx, obj, "authoritative", &authoritative, error) ||
      !for_each_ref (ctx, obj, "organization", first_org_name, &committee, error))
    return FALSE;
  if (deleted == BK_TRISTATE_YES)
    return TRUE;
  if (committee != NULL && *committee == '\0')
    committee = NULL;
  if (meeting_id == NULL && item_id != NULL)
    meeting_id = g_hash_table_lookup (ctx->memo->item_meeting, item_id);
  is_public = lookup_public (ctx->memo->item_public, item_id);
  if (is_public == BK_TRISTATE_UNKNOWN)
    is_public = lookup_public (ctx->memo->cons_public, id);
  if (meeting_id == NULL || is_public == BK_TRISTATE_UNKNOWN)
    {
      /* the agenda item came with an earlier run */
      BkTristate stored_public = BK_TRISTATE_UNKNOWN;

      if (bk_store_lookup_agenda_item (ctx->store, item_id, id, &stored_meeting, &stored_public))
        {
          if (meeting_id == NULL)
            meeting_id = stored_meeting;
          if (is_public == BK_TRISTATE_UNKNOWN)
            is_public = stored_public;
        }
    }
  if (meeting_id != NULL)
    meeting = lookup_meeting (ctx, meeting_id);
  if (meeting != NULL)
    date = dup_date_part (meeting->start);

  c = bk_motion_add_consultation (motion, committee, date, role, is_public);
  c->authoritative = authoritative;
  c->meeting_name = meeting != NULL ? g_strdup (meeting->name) : NULL;
  c->oparl_id = g_strdup (id);
  c->meeting_oparl_id = g_strdup (meeting_id);
  return TRUE;
}

static gboolean
add_file (Ctx *ctx, BkMotion *motion, JsonObject *obj, GError **error)
{
  const char *id, *name, *file_name, *access_url, *download_url, *mime_type;
  BkTristate deleted;
  BkFile *file;

  if (!get_string (ctx, obj, "id", &id, error) ||
      !get_tristate (ctx, obj, "deleted", &deleted, error) ||
      !get_string (ctx, obj, "name", &name, error) ||
      !get_string (ctx, obj, "fileName", &file_name, error) ||
      !get_string (ctx, obj, "accessUrl", &access_url, error) ||
      !get_string (ctx, obj, "downloadUrl", &download_url, error) ||
      !get_string (ctx, obj, "mimeType", &mime_type, error))
    return FALSE;
  if (deleted == BK_TRISTATE_YES)
    return TRUE;
  if (access_url == NULL)
    access_url = download_url;
  if (name == NULL)
    name = file_name;
  if (name == NULL && access_url == NULL)
    return TRUE;
  file = bk_motion_add_file (motion, name, access_url, mime_type);
  file->oparl_id = g_strdup (id);
  return TRUE;
}

static gboolean
import_paper (Ctx *ctx, JsonObject *obj, const char *id, GError **error)
{
  g_autoptr(BkMotion) motion = bk_motion_new ();
  const char *name, *reference, *date, *paper_type, *body, *web, *easy;
  JsonObject *main_file;
  JsonArray *array;
  guint pending_before = ctx->pending->len;

  if (!get_string (ctx, obj, "name", &name, error) ||
      !get_string (ctx, obj, "reference", &reference, error) ||
      !get_string (ctx, obj, "date", &date, error) ||
      !get_string (ctx, obj, "paperType", &paper_type, error) ||
      !get_string (ctx, obj, "body", &body, error) ||
      !get_string (ctx, obj, "web", &web, error) ||
      /* OParl has no easy-read summary; a vendor extension may carry one. */
      !get_string (ctx, obj, "buergerkiosk:easySummary", &easy, error))
    return FALSE;

  motion->oparl_id = g_strdup (id);
  motion->easy_summary = g_strdup (easy);
  motion->subject = g_strdup (name);
  motion->reference = g_strdup (reference);
  motion->date = dup_date_part (date);
  motion->type = g_strdup (paper_type);
  motion->source = g_strdup (web != NULL ? web : ctx->name);
  if (body != NULL)
    {
      const char *body_name = lookup_name (ctx, ctx->bodies, body, bk_store_dup_body_name);
      g_autofree char *assembly = bk_store_dup_body_assembly_name (ctx->store, body);

      /* The paper's body is the assembly that decides (the Body's plenary,
       * "Kreistag Beispielkreis"), as in motion texts; else the Body itself. */
      if (assembly != NULL)
        motion->body = bk_text_compose_body (assembly, body_name);
      else
        motion->body = g_strdup (body_name);
    }

  if (!for_each_ref (ctx, obj, "originatorOrganization", add_org_submitter, motion, error) ||
      !for_each_ref (ctx, obj, "originatorPerson", add_person_submitter, motion, error))
    return FALSE;

  if (!get_array (ctx, obj, "consultation", &array, error))
    return FALSE;
  if (array != NULL)
    {
      gsize saved = path_push_member (ctx, "consultation");
      guint n = json_array_get_length (array);

      for (guint i = 0; i < n; i++)
        {
          JsonNode *node = json_array_get_element (array, i);
          gsize saved_index = path_push_index (ctx, i);

          if (JSON_NODE_HOLDS_OBJECT (node))
            {
              if (!import_consultation (ctx, motion, json_node_get_object (node), error))
                return FALSE;
            }
          else if (!node_is_string (node) && !node_is_null (node))
            return fail_at (ctx, NULL, _("expected an object"), error);
          path_pop (ctx, saved_index);
        }
      path_pop (ctx, saved);
    }

  if (!for_each_ref (ctx, obj, "relatedPaper", add_related, motion, error) ||
      !for_each_ref (ctx, obj, "superordinatedPaper", add_related, motion, error) ||
      !for_each_ref (ctx, obj, "subordinatedPaper", add_related, motion, error))
    return FALSE;

  if (!get_object_or_url (ctx, obj, "mainFile", &main_file, NULL, error))
    return FALSE;
  if (main_file != NULL)
    {
      gsize saved = path_push_member (ctx, "mainFile");

      if (!add_file (ctx, motion, main_file, error))
        return FALSE;
      path_pop (ctx, saved);
    }
  if (!get_array (ctx, obj, "auxiliaryFile", &array, error))
    return FALSE;
  if (array != NULL)
    {
      gsize saved = path_push_member (ctx, "auxiliaryFile");
      guint n = json_array_get_length (array);

      for (guint i = 0; i < n; i++)
        {
          JsonNode *node = json_array_get_element (array, i);
          gsize saved_index = path_push_index (ctx, i);

          if (JSON_NODE_HOLDS_OBJECT (node))
            {
              if (!add_file (ctx, motion, json_node_get_object (node), error))
                return FALSE;
            }
          else if (!node_is_string (node) && !node_is_null (node))
            return fail_at (ctx, NULL, _("expected an object"), error);
          path_pop (ctx, saved_index);
        }
      path_pop (ctx, saved);
    }

  if (!bk_store_save_motion (ctx->store, motion, error))
    return FALSE;
  for (guint i = pending_before; i < ctx->pending->len; i++)
    g_array_index (ctx->pending, PendingRef, i).motion_id = motion->id;
  count_object (ctx, id, &ctx->stats->papers);
  return TRUE;
}

/* Related papers that only turned up later in the same import. */
static gboolean
resolve_pending (Ctx *ctx, GError **error)
{
  for (guint i = 0; i < ctx->pending->len; i++)
    {
      PendingRef *ref = &g_array_index (ctx->pending, PendingRef, i);
      const char *reference = g_hash_table_lookup (ctx->memo->paper_refs, ref->paper_id);
      g_autoptr(BkMotion) motion = NULL;

      if (reference == NULL || ref->motion_id == 0)
        continue;
      motion = bk_store_load_motion (ctx->store, ref->motion_id, NULL);
      if (motion == NULL)
        continue;   /* deleted later in the import */
      if (g_strcmp0 (reference, motion->reference) == 0 ||
          !bk_motion_add_reference (motion, reference))
        continue;
      if (!bk_store_save_motion (ctx->store, motion, error))
        return FALSE;
    }
  g_array_set_size (ctx->pending, 0);
  return TRUE;
}

/* ---- documents ------------------------------------------------------------ */

/* pass 1: everything but papers (and the references of papers);
 * pass 2: papers and deleted objects of unknown type. */
static gboolean
import_object (Ctx         *ctx,
               JsonObject  *obj,
               guint        pass,
               gboolean     is_root,
               GError     **error)
{
  const char *id;
  ObjType type;
  BkTristate deleted;

  if (!get_type (ctx, obj, &type, error) ||
      !get_string (ctx, obj, "id", &id, error) ||
      !get_tristate (ctx, obj, "deleted", &deleted, error))
    return FALSE;

  if (deleted == BK_TRISTATE_YES)
    {
      gboolean late = type == TYPE_PAPER || type == TYPE_UNKNOWN;

      return (pass == 2) == late ? delete_object (ctx, id, error) : TRUE;
    }

  if (type == TYPE_ERROR && is_root)
    {
      const char *message;

      if (!get_string (ctx, obj, "message", &message, error))
        return FALSE;
      g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                   _("%s: the server sent an error instead of data: %s"),
                   ctx->name, message != NULL ? message : _("no message"));
      return FALSE;
    }

  if (id == NULL)
    {
      if (pass == 1)
        g_debug ("%s: %s: object without id skipped", ctx->name, ctx->path->str);
      return TRUE;
    }

  if (pass == 1)
    {
      switch (type)
        {
        case TYPE_BODY:
          return import_body (ctx, obj, id, error);
        case TYPE_ORGANIZATION:
          return import_organization (ctx, obj, id, error);
        case TYPE_PERSON:
          return import_person (ctx, obj, id, error);
        case TYPE_MEETING:
          return import_meeting (ctx, obj, id, error);
        case TYPE_AGENDA_ITEM:
          return import_agenda_item (ctx, obj, NULL, error);
        case TYPE_PAPER:
          {
            const char *reference;

            if (!get_string (ctx, obj, "reference", &reference, error))
              return FALSE;
            if (reference != NULL)
              g_hash_table_insert (ctx->memo->paper_refs, g_strdup (id), g_strdup (reference));
            else
              g_hash_table_remove (ctx->memo->paper_refs, id);
            return TRUE;
          }
        case TYPE_SYSTEM:
        case TYPE_LEGISLATIVE_TERM:
        case TYPE_MEMBERSHIP:
        case TYPE_CONSULTATION:
        case TYPE_FILE:
        case TYPE_LOCATION:
        case TYPE_ERROR:
        case TYPE_UNKNOWN:
        default:
          /* Consultations and files alone cannot be attached without their
           * paper; they arrive embedded in papers anyway. */
          g_debug ("%s: %s: %s not imported", ctx->name, ctx->path->str, id);
          return TRUE;
        }
    }
  if (type == TYPE_PAPER)
    return import_paper (ctx, obj, id, error);
  return TRUE;
}

static gboolean
import_root (Ctx          *ctx,
             JsonObject   *root,
             const char  **next_url,
             GError      **error)
{
  JsonNode *data = json_object_get_member (root, "data");
  JsonObject *links;

  *next_url = NULL;
  g_string_assign (ctx->path, "$");

  if (data == NULL || json_object_has_member (root, "type"))
    {
      ObjType type;

      if (!get_type (ctx, root, &type, error))
        return FALSE;
      if (type == TYPE_UNKNOWN && !json_object_has_member (root, "id"))
        return fail_at (ctx, NULL, _("neither an OParl object nor a list page"), error);
      for (guint pass = 1; pass <= 2; pass++)
        if (!import_object (ctx, root, pass, TRUE, error))
          return FALSE;
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_ARRAY (data))
    return fail_at (ctx, "data", _("expected an array"), error);

  for (guint pass = 1; pass <= 2; pass++)
    {
      JsonArray *array = json_node_get_array (data);
      guint n = json_array_get_length (array);

      for (guint i = 0; i < n; i++)
        {
          JsonNode *node = json_array_get_element (array, i);

          g_string_printf (ctx->path, "$.data[%u]", i);
          if (!JSON_NODE_HOLDS_OBJECT (node))
            return fail_at (ctx, NULL, _("expected an object"), error);
          if (!import_object (ctx, json_node_get_object (node), pass, FALSE, error))
            return FALSE;
        }
      g_string_assign (ctx->path, "$");
    }

  if (!get_object_or_url (ctx, root, "links", &links, NULL, error))
    return FALSE;
  if (links != NULL)
    {
      gsize saved = path_push_member (ctx, "links");

      if (!get_string (ctx, links, "next", next_url, error))
        return FALSE;
      path_pop (ctx, saved);
    }
  return TRUE;
}

/* ---- raw bytes ---------------------------------------------------------- */

static void
set_too_large (GError **error, const char *name, guint64 size)
{
  g_autofree char *size_str = g_format_size (size);
  g_autofree char *limit_str = g_format_size (BK_OPARL_MAX_SIZE);

  g_set_error (error, BK_ERROR, BK_ERROR_TOO_LARGE,
               _("%s: the file is too large for an OParl document (%s; the limit is %s)"),
               name, size_str, limit_str);
}

static gboolean
import_document (Ctx          *ctx,
                 const char   *data,
                 gsize         len,
                 char        **next_url,
                 GError      **error)
{
  g_autoptr(JsonParser) parser = NULL;
  JsonNode *root;
  const char *next = NULL;

  *next_url = NULL;
  if (len > BK_OPARL_MAX_SIZE)
    {
      set_too_large (error, ctx->name, len);
      return FALSE;
    }
  parser = bk_json_parse (data, len, ctx->name, error);
  if (parser == NULL)
    return FALSE;
  root = json_parser_get_root (parser);
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_string_assign (ctx->path, "$");
      return fail_at (ctx, NULL, _("expected an object at the top level"), error);
    }
  if (!import_root (ctx, json_node_get_object (root), &next, error))
    return FALSE;
  *next_url = g_strdup (next);
  return TRUE;
}

/* ---- links.next to local files ------------------------------------------- */

/* The "self" URL of a list page, found textually: a cheap probe of the head
 * and tail of the file (where the links object sits) before the whole file. */
static char *
find_self_url (const char *text, gsize len)
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
build_self_index (Ctx *ctx, const char *base_dir)
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
dup_alnum_key (const char *str, gsize len)
{
  GString *key = g_string_sized_new (len);

  for (gsize i = 0; i < len; i++)
    if (g_ascii_isalnum (str[i]))
      g_string_append_c (key, g_ascii_tolower (str[i]));
  return g_string_free (key, FALSE);
}

static char *
resolve_next (Ctx *ctx, const char *base_dir, const char *url)
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
read_file (const char *path, const char *name, char **contents, gsize *len, GError **error)
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
      set_too_large (error, name, st.st_size);
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
      set_too_large (error, name, *len);
      return FALSE;
    }
  return TRUE;
}

static gboolean
import_chain (Ctx          *ctx,
              const char   *data,
              gsize         len,
              const char   *name,
              const char   *base_dir,
              GError      **error)
{
  g_autofree char *next_url = NULL;

  ctx->name = name;
  if (!import_document (ctx, data, len, &next_url, error))
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
      if (!import_document (ctx, contents, next_len, &next_url, error))
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
  Ctx ctx;
  gboolean ok;

  g_return_val_if_fail (BK_IS_STORE (store), FALSE);
  g_return_val_if_fail (data != NULL || len == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (name == NULL)
    name = "<data>";
  ctx_init (&ctx, store, stats != NULL ? stats : &local_stats);
  if (base_dir != NULL)
    {
      g_autofree char *base_name = g_path_get_basename (name);
      g_autofree char *self_path = g_build_filename (base_dir, base_name, NULL);

      g_hash_table_add (ctx.visited, canonical_path (self_path));
    }
  ok = import_chain (&ctx, data != NULL ? data : "", len, name, base_dir, error) &&
       resolve_pending (&ctx, error);
  ctx_clear (&ctx);
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
compare_folder_entries (gconstpointer a, gconstpointer b)
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
  Ctx ctx;
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
                   _("%s: the folder contains no .json files"), dir_path);
      return FALSE;
    }
  g_ptr_array_sort (entries, compare_folder_entries);

  ctx_init (&ctx, store, stats != NULL ? stats : &local_stats);
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
  ok = ok && resolve_pending (&ctx, error);
  ctx_clear (&ctx);
  return ok;
}
