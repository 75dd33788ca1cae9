/* bk-oparl-papers.c: OParl papers into motions
 *
 * A paper becomes a BkMotion: its originators become submitters, its
 * consultations get committee, date and meeting from the organizations and
 * meetings of this import or of earlier ones, and related papers become
 * references, resolved at the end of the import when they turn up later.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-oparl"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "bk-oparl-private.h"
#include "bk-paper-reader.h"
#include "bk-store-oparl.h"
#include "bk-text-util.h"

/* "2026-09-15T17:00:00+02:00" and "2026-09-15" give "2026-09-15"; anything
 * that does not start with a date gives NULL. */
char *
bk_oparl_dup_date_part (const char *str)
{
  static const char pattern[] = "dddd-dd-dd";

  if (str == NULL || strlen (str) < 10)
    return NULL;
  for (guint i = 0; i < 10; i++)
    if (pattern[i] == 'd' ? !g_ascii_isdigit (str[i]) : str[i] != '-')
      return NULL;
  return g_strndup (str, 10);
}

/* ---- look-ups: this import first, then the store ------------------------ */

static const BkOParlOrg *
lookup_org (BkOParlContext *ctx,
            const char     *id)
{
  gpointer value;
  BkOParlOrg *info = NULL;
  g_autofree char *classification = NULL;
  char *name;

  if (g_hash_table_lookup_extended (ctx->orgs, id, NULL, &value))
    return value;
  name = bk_store_dup_organization_name (ctx->store, id);
  if (name != NULL && *name == '\0')
    g_clear_pointer (&name, g_free);
  if (name != NULL)
    {
      info = g_new0 (BkOParlOrg, 1);
      info->name = name;
      if (g_hash_table_lookup_extended (ctx->memo->org_faction, id, NULL, &value))
        info->faction = GPOINTER_TO_INT (value) - 1;
      else if (bk_store_lookup_organization (ctx->store, id, NULL, &classification) &&
               classification != NULL && *classification != '\0')
        /* imported by an earlier run: the stored classification tells */
        info->faction = bk_oparl_is_faction (classification) || bk_oparl_is_faction (name);
      else
        /* no type given: go by the name */
        info->faction = bk_oparl_is_faction (name);
    }
  g_hash_table_insert (ctx->orgs, g_strdup (id), info);
  return info;
}

static const char *
lookup_name (BkOParlContext *ctx,
             GHashTable     *table,
             const char     *id,
             char           *(*dup_name) (BkStore *, const char *))
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

static const BkOParlMeeting *
lookup_meeting (BkOParlContext *ctx,
                const char     *id)
{
  gpointer value;
  BkOParlMeeting *info = NULL;
  char *start = NULL;
  char *name = NULL;

  if (g_hash_table_lookup_extended (ctx->meetings, id, NULL, &value))
    return value;
  if (bk_store_lookup_meeting (ctx->store, id, &start, &name))
    {
      info = g_new0 (BkOParlMeeting, 1);
      info->start = start;
      info->name = name;
    }
  g_hash_table_insert (ctx->meetings, g_strdup (id), info);
  return info;
}

static BkTristate
lookup_public (GHashTable *table,
               const char *id)
{
  gpointer value;

  if (id != NULL && g_hash_table_lookup_extended (table, id, NULL, &value))
    return GPOINTER_TO_INT (value) - 2;
  return BK_TRISTATE_UNKNOWN;
}

/* ---- papers ------------------------------------------------------------- */

/* An element of a reference list: a URL, or an embedded object whose id
 * counts (organizations and persons found that way are stored too). */
static gboolean
ref_from_node (BkOParlContext *ctx,
               JsonNode       *node,
               const char    **id,
               GError        **error)
{
  JsonObject *obj;
  BkOParlType type;
  BkTristate deleted;

  *id = NULL;
  if (bk_oparl_node_is_null (node))
    return TRUE;
  if (bk_oparl_node_is_string (node))
    {
      if (*json_node_get_string (node) != '\0')
        *id = json_node_get_string (node);
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return bk_oparl_fail_at (ctx, NULL, _("expected a URL or an object"), error);
  obj = json_node_get_object (node);
  if (!bk_oparl_get_string (ctx, obj, "id", id, error) ||
      !bk_oparl_get_type (ctx, obj, &type, error) ||
      !bk_oparl_get_tristate (ctx, obj, "deleted", &deleted, error))
    return FALSE;
  if (*id == NULL || deleted == BK_TRISTATE_YES)
    {
      *id = NULL;
      return TRUE;
    }
  if (type == BK_OPARL_TYPE_ORGANIZATION)
    return bk_oparl_import_organization (ctx, obj, *id, error);
  if (type == BK_OPARL_TYPE_PERSON)
    return bk_oparl_import_person (ctx, obj, *id, error);
  return TRUE;
}

typedef gboolean (*RefFunc) (BkOParlContext *ctx, const char *id, gpointer user_data, GError **error);

static gboolean
for_each_ref (BkOParlContext *ctx,
              JsonObject     *obj,
              const char     *member,
              RefFunc         func,
              gpointer        user_data,
              GError        **error)
{
  JsonArray *array;
  guint n;
  gsize saved;

  if (!bk_oparl_get_array (ctx, obj, member, &array, error))
    return FALSE;
  if (array == NULL)
    return TRUE;
  n = json_array_get_length (array);
  saved = bk_oparl_path_push_member (ctx, member);
  for (guint i = 0; i < n; i++)
    {
      gsize saved_index = bk_oparl_path_push_index (ctx, i);
      const char *id;

      if (!ref_from_node (ctx, json_array_get_element (array, i), &id, error))
        return FALSE;
      if (id != NULL && !func (ctx, id, user_data, error))
        return FALSE;
      bk_oparl_path_pop (ctx, saved_index);
    }
  bk_oparl_path_pop (ctx, saved);
  return TRUE;
}

static gboolean
add_org_submitter (BkOParlContext *ctx,
                   const char     *id,
                   gpointer        user_data,
                   GError        **error)
{
  BkMotion *motion = user_data;
  const BkOParlOrg *info = lookup_org (ctx, id);

  if (info != NULL && info->name != NULL)
    bk_motion_add_submitter (motion, info->name,
                             info->faction ? BK_PARTY_FACTION : BK_PARTY_ORGANIZATION);
  return TRUE;
}

static gboolean
add_person_submitter (BkOParlContext *ctx,
                      const char     *id,
                      gpointer        user_data,
                      GError        **error)
{
  BkMotion *motion = user_data;
  const char *name = lookup_name (ctx, ctx->persons, id, bk_store_dup_person_name);

  if (name != NULL)
    bk_motion_add_submitter (motion, name, BK_PARTY_PERSON);
  return TRUE;
}

static gboolean
add_related (BkOParlContext *ctx,
             const char     *id,
             gpointer        user_data,
             GError        **error)
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
      /* maybe on a later page of this import; see bk_oparl_resolve_pending () */
      BkOParlPendingRef ref = { 0, g_strdup (id) };

      g_array_append_val (ctx->pending, ref);
    }
  return TRUE;
}

static gboolean
first_org_name (BkOParlContext *ctx,
                const char     *id,
                gpointer        user_data,
                GError        **error)
{
  const char **committee = user_data;
  const BkOParlOrg *info;

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
import_consultation (BkOParlContext *ctx,
                     BkMotion       *motion,
                     JsonObject     *obj,
                     GError        **error)
{
  const char *id, *meeting_id, *item_id, *role, *committee = NULL;
  BkTristate deleted, authoritative, is_public;
  const BkOParlMeeting *meeting = NULL;
  g_autofree char *date = NULL;
  g_autofree char *stored_meeting = NULL;
  BkConsultation *c;

  if (!bk_oparl_get_string (ctx, obj, "id", &id, error) ||
      !bk_oparl_get_tristate (ctx, obj, "deleted", &deleted, error) ||
      !bk_oparl_get_string (ctx, obj, "meeting", &meeting_id, error) ||
      !bk_oparl_get_string (ctx, obj, "agendaItem", &item_id, error) ||
      !bk_oparl_get_string (ctx, obj, "role", &role, error) ||
      !bk_oparl_get_tristate (ctx, obj, "authoritative", &authoritative, error) ||
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
    date = bk_oparl_dup_date_part (meeting->start);

  c = bk_motion_add_consultation (motion, committee, date, role, is_public);
  c->authoritative = authoritative;
  c->meeting_name = meeting != NULL ? g_strdup (meeting->name) : NULL;
  c->oparl_id = g_strdup (id);
  c->meeting_oparl_id = g_strdup (meeting_id);
  c->agenda_item_oparl_id = g_strdup (item_id);
  return TRUE;
}

/* The main file of a paper, when the import has it at hand: a path or a
 * file: URL in the imported folder, or the file's name there. Fetching it
 * from the council's server is not this importer's job. */
static char *
local_main_file (BkOParlContext *ctx,
                 const char     *access_url,
                 const char     *download_url,
                 const char     *file_name)
{
  const char *candidates[] = { download_url, access_url, file_name };
  g_autofree char *base = NULL;

  if (ctx->base_dir == NULL)
    return NULL;
  base = g_canonicalize_filename (ctx->base_dir, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      const char *c = candidates[i];
      g_autofree char *path = NULL;
      g_autofree char *canonical = NULL;

      if (c == NULL || *c == '\0')
        continue;
      if (g_str_has_prefix (c, "file:"))
        path = g_filename_from_uri (c, NULL, NULL);
      else if (strstr (c, "://") == NULL)
        path = g_build_filename (ctx->base_dir, c, NULL);
      if (path == NULL)
        continue;
      canonical = g_canonicalize_filename (path, NULL);
      /* only what lies in the imported folder */
      if (!g_str_has_prefix (canonical, base) || canonical[strlen (base)] != G_DIR_SEPARATOR)
        continue;
      if (g_file_test (canonical, G_FILE_TEST_IS_REGULAR))
        return g_steal_pointer (&canonical);
    }
  return NULL;
}

static gboolean
add_file (BkOParlContext *ctx,
          BkMotion       *motion,
          JsonObject     *obj,
          gboolean        main,
          GError        **error)
{
  const char *id, *name, *file_name, *access_url, *download_url, *mime_type;
  BkTristate deleted;
  BkFile *file;

  if (!bk_oparl_get_string (ctx, obj, "id", &id, error) ||
      !bk_oparl_get_tristate (ctx, obj, "deleted", &deleted, error) ||
      !bk_oparl_get_string (ctx, obj, "name", &name, error) ||
      !bk_oparl_get_string (ctx, obj, "fileName", &file_name, error) ||
      !bk_oparl_get_string (ctx, obj, "accessUrl", &access_url, error) ||
      !bk_oparl_get_string (ctx, obj, "downloadUrl", &download_url, error) ||
      !bk_oparl_get_string (ctx, obj, "mimeType", &mime_type, error))
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
  if (main)
    {
      g_autofree char *path = local_main_file (ctx, access_url, download_url, file_name);

      if (path != NULL)
        bk_paper_complete_from_file (motion, path);
    }
  return TRUE;
}

gboolean
bk_oparl_import_paper (BkOParlContext *ctx,
                       JsonObject     *obj,
                       const char     *id,
                       GError        **error)
{
  g_autoptr(BkMotion) motion = bk_motion_new ();
  const char *name, *reference, *date, *paper_type, *body, *web, *easy;
  JsonObject *main_file;
  JsonArray *array;
  guint pending_before = ctx->pending->len;

  if (!bk_oparl_get_string (ctx, obj, "name", &name, error) ||
      !bk_oparl_get_string (ctx, obj, "reference", &reference, error) ||
      !bk_oparl_get_date (ctx, obj, "date", &date, error) ||
      !bk_oparl_get_string (ctx, obj, "paperType", &paper_type, error) ||
      !bk_oparl_get_string (ctx, obj, "body", &body, error) ||
      !bk_oparl_get_string (ctx, obj, "web", &web, error) ||
      /* OParl has no easy-read summary; a vendor extension may carry one. */
      !bk_oparl_get_string (ctx, obj, "buergerkiosk:easySummary", &easy, error))
    return FALSE;

  motion->oparl_id = g_strdup (id);
  motion->easy_summary = g_strdup (easy);
  motion->subject = g_strdup (name);
  motion->reference = g_strdup (reference);
  motion->date = bk_oparl_dup_date_part (date);
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

  if (!bk_oparl_get_array (ctx, obj, "consultation", &array, error))
    return FALSE;
  if (array != NULL)
    {
      gsize saved = bk_oparl_path_push_member (ctx, "consultation");
      guint n = json_array_get_length (array);

      for (guint i = 0; i < n; i++)
        {
          JsonNode *node = json_array_get_element (array, i);
          gsize saved_index = bk_oparl_path_push_index (ctx, i);

          if (JSON_NODE_HOLDS_OBJECT (node))
            {
              if (!import_consultation (ctx, motion, json_node_get_object (node), error))
                return FALSE;
            }
          else if (!bk_oparl_node_is_string (node) && !bk_oparl_node_is_null (node))
            return bk_oparl_fail_at (ctx, NULL, _("expected an object"), error);
          bk_oparl_path_pop (ctx, saved_index);
        }
      bk_oparl_path_pop (ctx, saved);
    }

  if (!for_each_ref (ctx, obj, "relatedPaper", add_related, motion, error) ||
      !for_each_ref (ctx, obj, "superordinatedPaper", add_related, motion, error) ||
      !for_each_ref (ctx, obj, "subordinatedPaper", add_related, motion, error))
    return FALSE;

  if (!bk_oparl_get_object_or_url (ctx, obj, "mainFile", &main_file, NULL, error))
    return FALSE;
  if (main_file != NULL)
    {
      gsize saved = bk_oparl_path_push_member (ctx, "mainFile");

      if (!add_file (ctx, motion, main_file, TRUE, error))
        return FALSE;
      bk_oparl_path_pop (ctx, saved);
    }
  if (!bk_oparl_get_array (ctx, obj, "auxiliaryFile", &array, error))
    return FALSE;
  if (array != NULL)
    {
      gsize saved = bk_oparl_path_push_member (ctx, "auxiliaryFile");
      guint n = json_array_get_length (array);

      for (guint i = 0; i < n; i++)
        {
          JsonNode *node = json_array_get_element (array, i);
          gsize saved_index = bk_oparl_path_push_index (ctx, i);

          if (JSON_NODE_HOLDS_OBJECT (node))
            {
              if (!add_file (ctx, motion, json_node_get_object (node), FALSE, error))
                return FALSE;
            }
          else if (!bk_oparl_node_is_string (node) && !bk_oparl_node_is_null (node))
            return bk_oparl_fail_at (ctx, NULL, _("expected an object"), error);
          bk_oparl_path_pop (ctx, saved_index);
        }
      bk_oparl_path_pop (ctx, saved);
    }

  if (!bk_store_save_motion (ctx->store, motion, error))
    return FALSE;
  for (guint i = pending_before; i < ctx->pending->len; i++)
    g_array_index (ctx->pending, BkOParlPendingRef, i).motion_id = motion->id;
  bk_oparl_count_object (ctx, id, &ctx->stats->papers);
  return TRUE;
}

/* Related papers that only turned up later in the same import. */
gboolean
bk_oparl_resolve_pending (BkOParlContext *ctx,
                          GError        **error)
{
  for (guint i = 0; i < ctx->pending->len; i++)
    {
      BkOParlPendingRef *ref = &g_array_index (ctx->pending, BkOParlPendingRef, i);
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
