/* bk-project-import.c: the digital projects' JSON format (README, "Project JSON")
 *
 * Strict like the service format (bk-json-reader.c): an unknown member is
 * an error, so that a mistyped "milestone" does not vanish. The whole file
 * is read before anything is stored.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-project-import"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "bk-error.h"
#include "bk-json.h"
#include "bk-json-reader.h"
#include "bk-project-import.h"
#include "bk-store-projects.h"

#define PROJECT_VERSION 1
#define MAX_NAME_CHARS 300
#define MAX_TEXT_CHARS 20000
#define MAX_ID_CHARS 100
#define MAX_REFERENCE_CHARS 100

static gboolean
check_members (BkJsonReader      *reader,
               JsonObject        *obj,
               const char *const *known,
               GError           **error)
{
  return bk_json_reader_check_members (reader, obj, known,
                                       _("unknown member (see “Project JSON” in the README)"), error);
}

/* yyyy-mm-dd, or yyyy-mm for a milestone planned for a month. */
static gboolean
is_date_or_month (const char *text)
{
  g_autoptr(GDateTime) parsed = NULL;
  g_autofree char *full = NULL;
  gsize len = strlen (text);

  if (len == 7)
    full = g_strdup_printf ("%s-01T00:00:00Z", text);
  else if (len == 10)
    full = g_strdup_printf ("%sT00:00:00Z", text);
  else
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (i == 4 || i == 7 ? text[i] != '-' : !g_ascii_isdigit (text[i]))
      return FALSE;
  parsed = g_date_time_new_from_iso8601 (full, NULL);
  return parsed != NULL;
}

static gboolean
read_milestone (BkJsonReader *reader,
                JsonObject   *obj,
                BkProject    *p,
                GError      **error)
{
  static const char *const known[] = { "what", "date", NULL };
  JsonNode *node = json_object_get_member (obj, "milestone");
  JsonObject *m;
  gsize mark;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return bk_json_reader_fail (reader, "milestone", _("expected an object: {\"what\": …, \"date\": …}"),
                                error);
  m = json_node_get_object (node);
  mark = bk_json_reader_push_member (reader, "milestone");
  if (!check_members (reader, m, known, error) ||
      !bk_json_reader_dup_text (reader, m, "what", TRUE, MAX_NAME_CHARS, &p->milestone, error) ||
      !bk_json_reader_dup_text (reader, m, "date", FALSE, 10, &p->milestone_date, error))
    return FALSE;
  if (p->milestone_date != NULL && !is_date_or_month (p->milestone_date))
    return bk_json_reader_fail (reader, "date", _("expected a date: yyyy-mm-dd or yyyy-mm"), error);
  g_string_truncate (reader->path, mark);
  return TRUE;
}

static const char *
project_id (gconstpointer item)
{
  return ((const BkProject *) item)->id;
}

static BkProject *
read_project (BkJsonReader *reader,
              JsonObject   *obj,
              GError      **error)
{
  static const char *const known[] = {
    "id", "title", "owner", "status", "benefit", "description", "easy_summary", "milestone",
    "responsible", "motions", NULL
  };
  g_autoptr(BkProject) p = bk_project_new ();
  g_autofree char *status = NULL;

  if (!check_members (reader, obj, known, error) ||
      !bk_json_reader_dup_text (reader, obj, "id", TRUE, MAX_ID_CHARS, &p->id, error))
    return NULL;
  for (const char *c = p->id; *c != '\0'; c++)
    if (!g_ascii_isalnum (*c) && strchr ("-_.", *c) == NULL)
      {
        bk_json_reader_fail (reader, "id", _("use only letters a–z, digits and - _ ."), error);
        return NULL;
      }
  if (!bk_json_reader_dup_text (reader, obj, "title", TRUE, MAX_NAME_CHARS, &p->title, error) ||
      !bk_json_reader_dup_text (reader, obj, "owner", TRUE, MAX_NAME_CHARS, &p->owner, error) ||
      !bk_json_reader_dup_text (reader, obj, "status", TRUE, 20, &status, error))
    return NULL;
  if (!bk_project_status_from_string (status, &p->status))
    {
      bk_json_reader_fail (reader, "status", _("expected one of planned, in-progress, done, paused"), error);
      return NULL;
    }
  if (!bk_json_reader_dup_text (reader, obj, "benefit", TRUE, MAX_TEXT_CHARS, &p->benefit, error) ||
      !bk_json_reader_dup_text (reader, obj, "description", FALSE, MAX_TEXT_CHARS, &p->description, error) ||
      !bk_json_reader_dup_text (reader, obj, "easy_summary", FALSE, MAX_TEXT_CHARS, &p->easy_summary, error) ||
      !bk_json_reader_dup_text (reader, obj, "responsible", TRUE, MAX_NAME_CHARS, &p->responsible, error) ||
      !read_milestone (reader, obj, p, error) ||
      !bk_json_reader_read_strings (reader, obj, "motions", MAX_REFERENCE_CHARS, p->motions, error))
    return NULL;
  return g_steal_pointer (&p);
}

GPtrArray *
bk_project_import_parse (const char *data,
                         gsize       len,
                         const char *name,
                         GError    **error)
{
  static const char *const top_known[] = { "version", "projects", NULL };
  g_autoptr(GString) path = g_string_new ("$");
  BkJsonReader reader = { name, path };
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GPtrArray) projects = g_ptr_array_new_with_free_func ((GDestroyNotify) bk_project_free);
  JsonObject *top;
  JsonArray *list;

  if (len > BK_PROJECT_MAX_SIZE)
    {
      g_autofree char *size = g_format_size (len);
      g_autofree char *limit = g_format_size (BK_PROJECT_MAX_SIZE);

      g_set_error (error, BK_ERROR, BK_ERROR_TOO_LARGE,
                   _("%s: the file is too large for a list of projects (%s; the limit is %s)"),
                   name, size, limit);
      return NULL;
    }
  top = bk_json_parse_versioned (data, (gssize) len, name, PROJECT_VERSION, &parser, error);
  if (top == NULL)
    return NULL;
  if (!json_object_has_member (top, "version"))
    {
      bk_json_reader_fail (&reader, "version", _("missing; this field is required"), error);
      return NULL;
    }
  if (!check_members (&reader, top, top_known, error) ||
      !bk_json_reader_get_array (&reader, top, "projects", &list, error))
    return NULL;
  if (list == NULL)
    {
      bk_json_reader_fail (&reader, "projects", _("missing; this field is required"), error);
      return NULL;
    }
  g_string_append (path, ".projects");
  if (!bk_json_reader_read_objects (&reader, list, (BkJsonReadObject) read_project, project_id, projects, error))
    return NULL;
  return g_steal_pointer (&projects);
}

gboolean
bk_project_import_data (BkStore    *store,
                        const char *data,
                        gsize       len,
                        const char *name,
                        guint      *count,
                        GError    **error)
{
  g_autoptr(GPtrArray) projects = bk_project_import_parse (data, len, name, error);
  g_autofree char *base = g_path_get_basename (name);

  if (projects == NULL)
    return FALSE;
  for (guint i = 0; i < projects->len; i++)
    {
      BkProject *p = g_ptr_array_index (projects, i);

      p->source = g_strdup (base);
      if (!bk_store_save_project (store, p, error))
        return FALSE;
    }
  if (count != NULL)
    *count = projects->len;
  return TRUE;
}

gboolean
bk_project_import_sniff (const char *data,
                         gsize       len)
{
  return bk_json_sniff_top_member (data, len, "projects", NULL);
}
