/* bk-oparl.c: one OParl 1.0/1.1 JSON document into the store
 *
 * A document (System, Body, a single object or a list page) is imported in
 * two passes: the first stores everything that papers refer to (bodies,
 * organizations, persons, meetings with their agenda items) and remembers
 * the references of the papers in the document; the second maps the papers
 * onto BkMotion (bk-oparl-papers.c) and saves them. References that are
 * neither in the document nor in the store are left out rather than
 * guessed. Files, links.next and folders: bk-oparl-folder.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-oparl"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "bk-error.h"
#include "bk-json.h"
#include "bk-oparl-private.h"
#include "bk-store-oparl.h"

static const struct {
  const char *name;
  BkOParlType type;
} type_names[] = {
  { "System", BK_OPARL_TYPE_SYSTEM },
  { "Body", BK_OPARL_TYPE_BODY },
  { "LegislativeTerm", BK_OPARL_TYPE_LEGISLATIVE_TERM },
  { "Organization", BK_OPARL_TYPE_ORGANIZATION },
  { "Person", BK_OPARL_TYPE_PERSON },
  { "Membership", BK_OPARL_TYPE_MEMBERSHIP },
  { "Meeting", BK_OPARL_TYPE_MEETING },
  { "AgendaItem", BK_OPARL_TYPE_AGENDA_ITEM },
  { "Paper", BK_OPARL_TYPE_PAPER },
  { "Consultation", BK_OPARL_TYPE_CONSULTATION },
  { "File", BK_OPARL_TYPE_FILE },
  { "Location", BK_OPARL_TYPE_LOCATION },
  { "Error", BK_OPARL_TYPE_ERROR },
};

#define MEMO_KEY "bk-oparl-memo"

static void
memo_free (gpointer data)
{
  BkOParlMemo *memo = data;

  g_hash_table_unref (memo->org_faction);
  g_hash_table_unref (memo->paper_refs);
  g_hash_table_unref (memo->item_public);
  g_hash_table_unref (memo->item_meeting);
  g_hash_table_unref (memo->cons_public);
  g_free (memo);
}

static BkOParlMemo *
memo_get (BkStore *store)
{
  BkOParlMemo *memo = g_object_get_data (G_OBJECT (store), MEMO_KEY);

  if (memo == NULL)
    {
      memo = g_new0 (BkOParlMemo, 1);
      memo->org_faction = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      memo->paper_refs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      memo->item_public = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      memo->item_meeting = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      memo->cons_public = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_object_set_data_full (G_OBJECT (store), MEMO_KEY, memo, memo_free);
    }
  return memo;
}

static void
org_info_free (gpointer data)
{
  BkOParlOrg *info = data;

  if (info == NULL)
    return;
  g_free (info->name);
  g_free (info);
}

static void
meeting_info_free (gpointer data)
{
  BkOParlMeeting *info = data;

  if (info == NULL)
    return;
  g_free (info->start);
  g_free (info->name);
  g_free (info);
}

static void
pending_ref_clear (gpointer data)
{
  BkOParlPendingRef *ref = data;

  g_free (ref->paper_id);
}

void
bk_oparl_ctx_init (BkOParlContext *ctx,
                   BkStore        *store,
                   BkOParlStats   *stats)
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
  ctx->pending = g_array_new (FALSE, FALSE, sizeof (BkOParlPendingRef));
  g_array_set_clear_func (ctx->pending, pending_ref_clear);
  ctx->visited = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

void
bk_oparl_ctx_clear (BkOParlContext *ctx)
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

gsize
bk_oparl_path_push_member (BkOParlContext *ctx,
                           const char     *member)
{
  gsize len = ctx->path->len;

  g_string_append_c (ctx->path, '.');
  g_string_append (ctx->path, member);
  return len;
}

gsize
bk_oparl_path_push_index (BkOParlContext *ctx,
                          guint           index)
{
  gsize len = ctx->path->len;

  g_string_append_printf (ctx->path, "[%u]", index);
  return len;
}

void
bk_oparl_path_pop (BkOParlContext *ctx,
                   gsize           len)
{
  g_string_truncate (ctx->path, len);
}

/* Sets an error naming the file and the JSON path of member (or of the
 * current value when member is NULL). */
gboolean
bk_oparl_fail_at (BkOParlContext *ctx,
                  const char     *member,
                  const char     *problem,
                  GError        **error)
{
  g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
               /* Translators: file name, JSON path ("$.data[3].name"), problem */
               _("%s: %s%s%s: %s"), ctx->name, ctx->path->str,
               member != NULL ? "." : "", member != NULL ? member : "", problem);
  return FALSE;
}

/* No string member longer than BK_OPARL_MAX_STRING characters. */
static gboolean
check_length (BkOParlContext *ctx,
              const char     *member,
              const char     *str,
              GError        **error)
{
  g_autofree char *problem = NULL;

  /* a character is at least one byte: count only when it could be over */
  if (str == NULL || strlen (str) <= BK_OPARL_MAX_STRING ||
      g_utf8_strlen (str, -1) <= BK_OPARL_MAX_STRING)
    return TRUE;
  problem = g_strdup_printf (_("too long (more than %u characters)"), (guint) BK_OPARL_MAX_STRING);
  return bk_oparl_fail_at (ctx, member, problem, error);
}

/* A string member; absent, null and "" all give NULL. */
gboolean
bk_oparl_get_string (BkOParlContext *ctx,
                     JsonObject     *obj,
                     const char     *member,
                     const char    **out,
                     GError        **error)
{
  JsonNode *node = json_object_get_member (obj, member);
  const char *str;

  *out = NULL;
  if (bk_oparl_node_is_null (node))
    return TRUE;
  if (!bk_oparl_node_is_string (node))
    return bk_oparl_fail_at (ctx, member, _("expected a string"), error);
  str = json_node_get_string (node);
  if (!check_length (ctx, member, str, error))
    return FALSE;
  if (str != NULL && *str != '\0')
    *out = str;
  return TRUE;
}

gboolean
bk_oparl_get_date (BkOParlContext *ctx,
                   JsonObject     *obj,
                   const char     *member,
                   const char    **out,
                   GError        **error)
{
  g_autofree char *day = NULL;
  gboolean valid;
  unsigned y, m, d;

  if (!bk_oparl_get_string (ctx, obj, member, out, error))
    return FALSE;
  if (*out == NULL)
    return TRUE;
  day = bk_oparl_dup_date_part (*out);
  valid = day != NULL && sscanf (day, "%4u-%2u-%2u", &y, &m, &d) == 3 &&
          g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y);
  if (valid && strlen (*out) > 10)
    {
      g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
      g_autoptr(GDateTime) when = g_date_time_new_from_iso8601 (*out, utc);

      valid = when != NULL;
    }
  if (!valid)
    {
      g_autofree char *problem = g_strdup_printf (
          _("“%s” is not a valid date (expected YYYY-MM-DD or a date and time in ISO 8601)"), *out);

      *out = NULL;
      return bk_oparl_fail_at (ctx, member, problem, error);
    }
  return TRUE;
}

/* Like get_string, but also takes a whole number (agenda item numbers). */
static gboolean
dup_string_or_number (BkOParlContext *ctx,
                      JsonObject     *obj,
                      const char     *member,
                      char          **out,
                      GError        **error)
{
  JsonNode *node = json_object_get_member (obj, member);

  *out = NULL;
  if (bk_oparl_node_is_null (node))
    return TRUE;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64)
    {
      *out = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
      return TRUE;
    }
  if (!bk_oparl_node_is_string (node))
    return bk_oparl_fail_at (ctx, member, _("expected a string"), error);
  if (!check_length (ctx, member, json_node_get_string (node), error))
    return FALSE;
  if (*json_node_get_string (node) != '\0')
    *out = g_strdup (json_node_get_string (node));
  return TRUE;
}

gboolean
bk_oparl_get_tristate (BkOParlContext *ctx,
                       JsonObject     *obj,
                       const char     *member,
                       BkTristate     *out,
                       GError        **error)
{
  JsonNode *node = json_object_get_member (obj, member);

  *out = BK_TRISTATE_UNKNOWN;
  if (bk_oparl_node_is_null (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return bk_oparl_fail_at (ctx, member, _("expected true or false"), error);
  *out = json_node_get_boolean (node) ? BK_TRISTATE_YES : BK_TRISTATE_NO;
  return TRUE;
}

/* An array member; absent or null gives NULL. */
gboolean
bk_oparl_get_array (BkOParlContext *ctx,
                    JsonObject     *obj,
                    const char     *member,
                    JsonArray     **out,
                    GError        **error)
{
  JsonNode *node = json_object_get_member (obj, member);

  *out = NULL;
  if (bk_oparl_node_is_null (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return bk_oparl_fail_at (ctx, member, _("expected an array"), error);
  *out = json_node_get_array (node);
  return TRUE;
}

/* A member that holds an embedded object, or (OParl 1.0 and vendors that do
 * not embed) the URL of one. */
gboolean
bk_oparl_get_object_or_url (BkOParlContext *ctx,
                            JsonObject     *obj,
                            const char     *member,
                            JsonObject    **out,
                            const char    **url,
                            GError        **error)
{
  JsonNode *node = json_object_get_member (obj, member);

  *out = NULL;
  if (url != NULL)
    *url = NULL;
  if (bk_oparl_node_is_null (node))
    return TRUE;
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      *out = json_node_get_object (node);
      return TRUE;
    }
  if (bk_oparl_node_is_string (node))
    {
      if (url != NULL && *json_node_get_string (node) != '\0')
        *url = json_node_get_string (node);
      return TRUE;
    }
  return bk_oparl_fail_at (ctx, member, _("expected an object"), error);
}

static BkOParlType
type_from_string (const char *type)
{
  const char *end;
  const char *seg;
  gsize len;

  if (type == NULL)
    return BK_OPARL_TYPE_UNKNOWN;
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
  return BK_OPARL_TYPE_UNKNOWN;
}

gboolean
bk_oparl_get_type (BkOParlContext *ctx,
                   JsonObject     *obj,
                   BkOParlType    *out,
                   GError        **error)
{
  const char *type;

  if (!bk_oparl_get_string (ctx, obj, "type", &type, error))
    return FALSE;
  *out = type_from_string (type);
  /* Absent is allowed (deleted objects, list pages), and so is a vendor's
   * own type in its own namespace (skipped). A type in OParl's namespace
   * (or a bare name) that OParl does not define is not: a typo or another
   * format, which would otherwise vanish without a word. */
  if (type != NULL && *out == BK_OPARL_TYPE_UNKNOWN &&
      (strstr (type, "://schema.oparl.org/") != NULL || strchr (type, '/') == NULL))
    {
      g_autofree char *problem = g_strdup_printf (_("unknown OParl type “%s”"), type);

      return bk_oparl_fail_at (ctx, "type", problem, error);
    }
  return TRUE;
}

gboolean
bk_oparl_is_faction (const char *classification)
{
  g_autofree char *folded = NULL;

  if (classification == NULL)
    return FALSE;
  folded = g_utf8_casefold (classification, -1);
  return strstr (folded, "fraktion") != NULL;
}

void
bk_oparl_count_object (BkOParlContext *ctx,
                       const char     *id,
                       guint          *counter)
{
  if (id == NULL || g_hash_table_add (ctx->seen, g_strdup (id)))
    (*counter)++;
}

/* ---- objects other than papers ----------------------------------------- */

static gboolean
import_body (BkOParlContext *ctx,
             JsonObject     *obj,
             const char     *id,
             GError        **error)
{
  const char *name, *short_name, *main_organization;

  if (!bk_oparl_get_string (ctx, obj, "name", &name, error) ||
      !bk_oparl_get_string (ctx, obj, "shortName", &short_name, error) ||
      !bk_oparl_get_string (ctx, obj, "mainOrganization", &main_organization, error))
    return FALSE;
  if (!bk_store_save_body (ctx->store, id, name, short_name, error))
    return FALSE;
  if (main_organization != NULL &&
      !bk_store_set_body_main_organization (ctx->store, id, main_organization, error))
    return FALSE;
  g_hash_table_insert (ctx->bodies, g_strdup (id), g_strdup (name));
  bk_oparl_count_object (ctx, id, &ctx->stats->bodies);
  return TRUE;
}

gboolean
bk_oparl_import_organization (BkOParlContext *ctx,
                              JsonObject     *obj,
                              const char     *id,
                              GError        **error)
{
  const char *body, *name, *short_name, *classification, *org_type;
  BkOParlOrg *info;

  if (!bk_oparl_get_string (ctx, obj, "body", &body, error) ||
      !bk_oparl_get_string (ctx, obj, "name", &name, error) ||
      !bk_oparl_get_string (ctx, obj, "shortName", &short_name, error) ||
      !bk_oparl_get_string (ctx, obj, "classification", &classification, error) ||
      !bk_oparl_get_string (ctx, obj, "organizationType", &org_type, error))
    return FALSE;
  if (!bk_store_save_organization (ctx->store, id, body, name, short_name,
                                   classification != NULL ? classification : org_type,
                                   error))
    return FALSE;
  info = g_new0 (BkOParlOrg, 1);
  info->name = g_strdup (name != NULL ? name : short_name);
  if (classification != NULL || org_type != NULL)
    {
      info->faction = bk_oparl_is_faction (classification) || bk_oparl_is_faction (org_type);
      g_hash_table_insert (ctx->memo->org_faction, g_strdup (id),
                           GINT_TO_POINTER (info->faction + 1));
    }
  else
    {
      /* no type given: faction names mostly say so themselves
       * ("SPD-Fraktion", "Fraktion GRÜNE") */
      info->faction = bk_oparl_is_faction (info->name);
      g_hash_table_remove (ctx->memo->org_faction, id);
    }
  g_hash_table_insert (ctx->orgs, g_strdup (id), info);
  bk_oparl_count_object (ctx, id, &ctx->stats->organizations);
  return TRUE;
}

gboolean
bk_oparl_import_person (BkOParlContext *ctx,
                        JsonObject     *obj,
                        const char     *id,
                        GError        **error)
{
  const char *name, *given, *family;
  g_autofree char *joined = NULL;

  if (!bk_oparl_get_string (ctx, obj, "name", &name, error) ||
      !bk_oparl_get_string (ctx, obj, "givenName", &given, error) ||
      !bk_oparl_get_string (ctx, obj, "familyName", &family, error))
    return FALSE;
  if (name == NULL && (given != NULL || family != NULL))
    name = joined = g_strjoin (given != NULL && family != NULL ? " " : "",
                               given != NULL ? given : "",
                               family != NULL ? family : "", NULL);
  if (!bk_store_save_person (ctx->store, id, name, error))
    return FALSE;
  g_hash_table_insert (ctx->persons, g_strdup (id), g_strdup (name));
  bk_oparl_count_object (ctx, id, &ctx->stats->persons);
  return TRUE;
}

/* Location: an embedded object in 1.1, a URL in 1.0 (then unknown). */
static gboolean
dup_location (BkOParlContext *ctx,
              JsonObject     *obj,
              char          **out,
              GError        **error)
{
  JsonObject *loc;
  const char *description, *room, *street, *postal, *locality;
  g_autoptr(GString) str = NULL;
  gsize saved;

  *out = NULL;
  if (!bk_oparl_get_object_or_url (ctx, obj, "location", &loc, NULL, error))
    return FALSE;
  if (loc == NULL)
    return TRUE;
  saved = bk_oparl_path_push_member (ctx, "location");
  if (!bk_oparl_get_string (ctx, loc, "description", &description, error) ||
      !bk_oparl_get_string (ctx, loc, "room", &room, error) ||
      !bk_oparl_get_string (ctx, loc, "streetAddress", &street, error) ||
      !bk_oparl_get_string (ctx, loc, "postalCode", &postal, error) ||
      !bk_oparl_get_string (ctx, loc, "locality", &locality, error))
    return FALSE;
  bk_oparl_path_pop (ctx, saved);
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
delete_object (BkOParlContext *ctx,
               const char     *id,
               GError        **error)
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

/* position: its place in the meeting's list, or -1 (fetched alone: its
 * "order"). keep (may be NULL) collects the ids of the meeting's items. */
static gboolean
import_agenda_item (BkOParlContext *ctx,
                    JsonObject     *obj,
                    const char     *meeting_id,
                    int             position,
                    JsonArray      *keep,
                    GError        **error)
{
  const char *id, *name, *consultation, *result, *meeting, *resolution;
  g_autofree char *number = NULL;
  g_autofree char *order = NULL;
  BkTristate deleted, is_public;
  BkStoreAgendaItemRow row = { NULL, };

  if (!bk_oparl_get_string (ctx, obj, "id", &id, error) ||
      !bk_oparl_get_tristate (ctx, obj, "deleted", &deleted, error))
    return FALSE;
  if (deleted == BK_TRISTATE_YES)
    return delete_object (ctx, id, error);
  if (!bk_oparl_get_string (ctx, obj, "meeting", &meeting, error) ||
      !dup_string_or_number (ctx, obj, "number", &number, error) ||
      !dup_string_or_number (ctx, obj, "order", &order, error) ||
      !bk_oparl_get_string (ctx, obj, "name", &name, error) ||
      !bk_oparl_get_string (ctx, obj, "consultation", &consultation, error) ||
      !bk_oparl_get_tristate (ctx, obj, "public", &is_public, error) ||
      !bk_oparl_get_string (ctx, obj, "result", &result, error) ||
      !bk_oparl_get_string (ctx, obj, "resolutionText", &resolution, error))
    return FALSE;
  if (meeting_id == NULL)
    meeting_id = meeting;
  if (id == NULL || meeting_id == NULL)
    {
      g_debug ("%s: %s: agenda item without id or meeting, skipped",
               ctx->name, ctx->path->str);
      return TRUE;
    }
  if (keep != NULL)
    json_array_add_string_element (keep, id);
  if (position < 0 && order != NULL && g_ascii_isdigit (*order))
    position = (int) g_ascii_strtoll (order, NULL, 10);
  row.oparl_id = id;
  row.meeting_oparl_id = meeting_id;
  row.position = position;
  row.number = number;
  row.name = name;
  row.consultation_oparl_id = consultation;
  row.is_public = is_public;
  row.result = result;
  row.resolution_text = resolution;
  if (!bk_store_save_agenda_item (ctx->store, &row, error))
    return FALSE;
  g_hash_table_insert (ctx->memo->item_public, g_strdup (id), GINT_TO_POINTER (is_public + 2));
  g_hash_table_insert (ctx->memo->item_meeting, g_strdup (id), g_strdup (meeting_id));
  if (consultation != NULL)
    g_hash_table_insert (ctx->memo->cons_public, g_strdup (consultation),
                         GINT_TO_POINTER (is_public + 2));
  return TRUE;
}

static gboolean
import_meeting (BkOParlContext *ctx,
                JsonObject     *obj,
                const char     *id,
                GError        **error)
{
  const char *name, *start, *end, *state, *lead = NULL;
  g_autofree char *location = NULL;
  g_autofree char *date = NULL;
  BkTristate cancelled;
  JsonArray *organizations, *items = NULL;
  JsonNode *items_node;
  BkOParlMeeting *info;
  BkStoreMeetingRow row = { NULL, };

  if (!bk_oparl_get_string (ctx, obj, "name", &name, error) ||
      !bk_oparl_get_date (ctx, obj, "start", &start, error) ||
      !bk_oparl_get_date (ctx, obj, "end", &end, error) ||
      !bk_oparl_get_string (ctx, obj, "meetingState", &state, error) ||
      !bk_oparl_get_tristate (ctx, obj, "cancelled", &cancelled, error) ||
      !bk_oparl_get_array (ctx, obj, "organization", &organizations, error) ||
      !dup_location (ctx, obj, &location, error))
    return FALSE;
  /* the lead committee comes first */
  if (organizations != NULL && json_array_get_length (organizations) > 0 &&
      bk_oparl_node_is_string (json_array_get_element (organizations, 0)))
    lead = json_array_get_string_element (organizations, 0);
  /* agendaItem: embedded list; a URL of an external list is skipped */
  items_node = json_object_get_member (obj, "agendaItem");
  if (!bk_oparl_node_is_null (items_node) && !bk_oparl_node_is_string (items_node) &&
      !bk_oparl_get_array (ctx, obj, "agendaItem", &items, error))
    return FALSE;
  row.oparl_id = id;
  row.name = name;
  row.start = start;
  row.end = end;
  row.location = location;
  row.cancelled = cancelled == BK_TRISTATE_YES;
  row.organization_oparl_id = lead;
  row.state = state;
  date = bk_oparl_dup_date_part (start);
  if (!bk_store_save_meeting (ctx->store, &row, error) ||
      /* a meeting moved to another day moves its consultations along */
      !bk_store_update_meeting_consultations (ctx->store, id, date, name, error))
    return FALSE;
  info = g_new0 (BkOParlMeeting, 1);
  info->start = g_strdup (start);
  info->name = g_strdup (name);
  g_hash_table_insert (ctx->meetings, g_strdup (id), info);
  bk_oparl_count_object (ctx, id, &ctx->stats->meetings);

  if (items != NULL)
    {
      gsize saved = bk_oparl_path_push_member (ctx, "agendaItem");
      guint n = json_array_get_length (items);
      g_autoptr(JsonArray) keep = json_array_new ();
      gboolean all_objects = TRUE;

      for (guint i = 0; i < n; i++)
        {
          JsonNode *node = json_array_get_element (items, i);
          gsize saved_index = bk_oparl_path_push_index (ctx, i);

          if (JSON_NODE_HOLDS_OBJECT (node))
            {
              if (!import_agenda_item (ctx, json_node_get_object (node), id, (int) i, keep, error))
                return FALSE;
            }
          else if (!bk_oparl_node_is_string (node) && !bk_oparl_node_is_null (node))
            return bk_oparl_fail_at (ctx, NULL, _("expected an object"), error);
          else
            all_objects = FALSE;
          bk_oparl_path_pop (ctx, saved_index);
        }
      bk_oparl_path_pop (ctx, saved);

      /* An item gone from the embedded list is gone from the meeting (OParl
       * 1.0 never says so otherwise). Items given as URLs only: keep all. */
      if (all_objects)
        {
          g_autoptr(JsonNode) node = json_node_init_array (json_node_alloc (), keep);
          g_autofree char *keep_json = json_to_string (node, FALSE);

          if (!bk_store_prune_agenda_items (ctx->store, id, keep_json, error))
            return FALSE;
        }
    }
  return TRUE;
}

/* ---- documents ------------------------------------------------------------ */

/* pass 1: everything but papers (and the references of papers);
 * pass 2: papers and deleted objects of unknown type. */
static gboolean
import_object (BkOParlContext *ctx,
               JsonObject     *obj,
               guint           pass,
               gboolean        is_root,
               GError        **error)
{
  const char *id;
  BkOParlType type;
  BkTristate deleted;

  if (!bk_oparl_get_type (ctx, obj, &type, error) ||
      !bk_oparl_get_string (ctx, obj, "id", &id, error) ||
      !bk_oparl_get_tristate (ctx, obj, "deleted", &deleted, error))
    return FALSE;

  if (deleted == BK_TRISTATE_YES)
    {
      gboolean late = type == BK_OPARL_TYPE_PAPER || type == BK_OPARL_TYPE_UNKNOWN;

      return (pass == 2) == late ? delete_object (ctx, id, error) : TRUE;
    }

  if (type == BK_OPARL_TYPE_ERROR && is_root)
    {
      const char *message;

      if (!bk_oparl_get_string (ctx, obj, "message", &message, error))
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
        case BK_OPARL_TYPE_BODY:
          return import_body (ctx, obj, id, error);
        case BK_OPARL_TYPE_ORGANIZATION:
          return bk_oparl_import_organization (ctx, obj, id, error);
        case BK_OPARL_TYPE_PERSON:
          return bk_oparl_import_person (ctx, obj, id, error);
        case BK_OPARL_TYPE_MEETING:
          return import_meeting (ctx, obj, id, error);
        case BK_OPARL_TYPE_AGENDA_ITEM:
          return import_agenda_item (ctx, obj, NULL, -1, NULL, error);
        case BK_OPARL_TYPE_PAPER:
          {
            const char *reference;

            if (!bk_oparl_get_string (ctx, obj, "reference", &reference, error))
              return FALSE;
            if (reference != NULL)
              g_hash_table_insert (ctx->memo->paper_refs, g_strdup (id), g_strdup (reference));
            else
              g_hash_table_remove (ctx->memo->paper_refs, id);
            return TRUE;
          }
        case BK_OPARL_TYPE_SYSTEM:
        case BK_OPARL_TYPE_LEGISLATIVE_TERM:
        case BK_OPARL_TYPE_MEMBERSHIP:
        case BK_OPARL_TYPE_CONSULTATION:
        case BK_OPARL_TYPE_FILE:
        case BK_OPARL_TYPE_LOCATION:
        case BK_OPARL_TYPE_ERROR:
        case BK_OPARL_TYPE_UNKNOWN:
        default:
          /* Consultations and files alone cannot be attached without their
           * paper; they arrive embedded in papers anyway. */
          g_debug ("%s: %s: %s not imported", ctx->name, ctx->path->str, id);
          return TRUE;
        }
    }
  if (type == BK_OPARL_TYPE_PAPER)
    return bk_oparl_import_paper (ctx, obj, id, error);
  return TRUE;
}

gboolean
bk_oparl_import_one (BkOParlContext *ctx,
                     JsonObject     *obj,
                     GError        **error)
{
  g_string_assign (ctx->path, "$");
  for (guint pass = 1; pass <= 2; pass++)
    if (!import_object (ctx, obj, pass, FALSE, error))
      return FALSE;
  return TRUE;
}

static gboolean
import_root (BkOParlContext *ctx,
             JsonObject     *root,
             const char    **next_url,
             GError        **error)
{
  JsonNode *data = json_object_get_member (root, "data");
  JsonObject *links;

  *next_url = NULL;
  g_string_assign (ctx->path, "$");

  if (data == NULL || json_object_has_member (root, "type"))
    {
      BkOParlType type;

      if (!bk_oparl_get_type (ctx, root, &type, error))
        return FALSE;
      if (type == BK_OPARL_TYPE_UNKNOWN && !json_object_has_member (root, "id"))
        return bk_oparl_fail_at (ctx, NULL, _("neither an OParl object nor a list page"), error);
      for (guint pass = 1; pass <= 2; pass++)
        if (!import_object (ctx, root, pass, TRUE, error))
          return FALSE;
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_ARRAY (data))
    return bk_oparl_fail_at (ctx, "data", _("expected an array"), error);

  for (guint pass = 1; pass <= 2; pass++)
    {
      JsonArray *array = json_node_get_array (data);
      guint n = json_array_get_length (array);

      for (guint i = 0; i < n; i++)
        {
          JsonNode *node = json_array_get_element (array, i);

          g_string_printf (ctx->path, "$.data[%u]", i);
          if (!JSON_NODE_HOLDS_OBJECT (node))
            return bk_oparl_fail_at (ctx, NULL, _("expected an object"), error);
          if (!import_object (ctx, json_node_get_object (node), pass, FALSE, error))
            return FALSE;
        }
      g_string_assign (ctx->path, "$");
    }

  if (!bk_oparl_get_object_or_url (ctx, root, "links", &links, NULL, error))
    return FALSE;
  if (links != NULL)
    {
      gsize saved = bk_oparl_path_push_member (ctx, "links");

      if (!bk_oparl_get_string (ctx, links, "next", next_url, error))
        return FALSE;
      bk_oparl_path_pop (ctx, saved);
    }
  return TRUE;
}

/* ---- raw bytes ---------------------------------------------------------- */

void
bk_oparl_set_too_large (GError    **error,
                        const char *name,
                        guint64     size)
{
  g_autofree char *size_str = g_format_size (size);
  g_autofree char *limit_str = g_format_size (BK_OPARL_MAX_SIZE);

  g_set_error (error, BK_ERROR, BK_ERROR_TOO_LARGE,
               _("%s: the file is too large for an OParl document (%s; the limit is %s)"),
               name, size_str, limit_str);
}

gboolean
bk_oparl_import_document (BkOParlContext *ctx,
                          const char     *data,
                          gsize           len,
                          char          **next_url,
                          GError        **error)
{
  g_autoptr(JsonParser) parser = NULL;
  JsonNode *root;
  const char *next = NULL;

  *next_url = NULL;
  if (len > BK_OPARL_MAX_SIZE)
    {
      bk_oparl_set_too_large (error, ctx->name, len);
      return FALSE;
    }
  parser = bk_json_parse (data, len, ctx->name, error);
  if (parser == NULL)
    return FALSE;
  root = json_parser_get_root (parser);
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_string_assign (ctx->path, "$");
      return bk_oparl_fail_at (ctx, NULL, _("expected an object at the top level"), error);
    }
  if (!import_root (ctx, json_node_get_object (root), &next, error))
    return FALSE;
  *next_url = g_strdup (next);
  return TRUE;
}
