/* bk-service-import.c: the service catalogue's JSON format (README, "Service JSON")
 *
 * Strict on purpose: an unknown member is an error, because a mistyped
 * optional field ("legal_bases") would otherwise vanish without a word and a
 * citizen would miss what the office wrote. Members starting with "x-" and
 * "comment" are left for the editors' own notes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-service-import"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "bk-error.h"
#include "bk-json.h"
#include "bk-json-reader.h"
#include "bk-service-import.h"

#define SERVICE_TYPE "buergerkiosk:Service"
#define MAX_NAME_CHARS 300
#define MAX_TEXT_CHARS 50000
#define MAX_ID_CHARS 100

/* The shared reader (bk-json-reader.c) under this file's short names. */
typedef BkJsonReader Ctx;
#define fail_at bk_json_reader_fail
#define push_member bk_json_reader_push_member
#define push_index bk_json_reader_push_index
#define is_string bk_json_reader_is_string
#define dup_text bk_json_reader_dup_text
#define get_array bk_json_reader_get_array

static gboolean
check_members (Ctx               *ctx,
               JsonObject        *obj,
               const char *const *known,
               GError           **error)
{
  return bk_json_reader_check_members (ctx, obj, known,
                                       _("unknown member (see “Service JSON” in the README)"), error);
}

static gboolean
read_strings (Ctx        *ctx,
              JsonObject *obj,
              const char *member,
              GPtrArray  *into,
              GError    **error)
{
  return bk_json_reader_read_strings (ctx, obj, member, MAX_TEXT_CHARS, into, error);
}





/* A text member: absent or null gives NULL; "" or only spaces is an error
 * for a required one and NULL otherwise. Leading and trailing spaces go. */

static gboolean
dup_url (Ctx        *ctx,
         JsonObject *obj,
         const char *member,
         gboolean    required,
         char      **out,
         GError    **error)
{
  if (!dup_text (ctx, obj, member, required, 2000, out, error))
    return FALSE;
  if (*out != NULL && !bk_service_is_web_address (*out))
    {
      g_clear_pointer (out, g_free);
      return fail_at (ctx, member, _("expected an http:// or https:// address"), error);
    }
  return TRUE;
}

/* Members not in known[] (nor "comment", nor "x-…") are errors. */



static gboolean
read_leika (Ctx        *ctx,
            JsonObject *obj,
            BkService  *s,
            GError    **error)
{
  g_autofree char *raw = NULL;
  g_autoptr(GString) digits = g_string_new (NULL);

  if (!dup_text (ctx, obj, "leika", FALSE, 40, &raw, error))
    return FALSE;
  if (raw == NULL)
    return TRUE;
  /* keys are often written in groups: "99115 001 000 000" */
  for (const char *c = raw; *c != '\0'; c++)
    {
      if (g_ascii_isdigit (*c))
        g_string_append_c (digits, *c);
      else if (*c != ' ')
        return fail_at (ctx, "leika", _("expected a LeiKa key of 14 digits"), error);
    }
  if (digits->len != 14)
    return fail_at (ctx, "leika", _("expected a LeiKa key of 14 digits"), error);
  s->leika_key = g_string_free (g_steal_pointer (&digits), FALSE);
  return TRUE;
}

static gboolean
read_id (Ctx        *ctx,
         JsonObject *obj,
         BkService  *s,
         GError    **error)
{
  if (!dup_text (ctx, obj, "id", FALSE, MAX_ID_CHARS, &s->id, error))
    return FALSE;
  if (s->id == NULL)
    {
      s->id = bk_service_make_id (s->leika_key, s->name, s->municipality);
      return TRUE;
    }
  for (const char *c = s->id; *c != '\0'; c++)
    if (!g_ascii_isalnum (*c) && strchr ("-_.:", *c) == NULL)
      return fail_at (ctx, "id", _("use only letters a–z, digits and - _ . :"), error);
  return TRUE;
}

static gboolean
read_office (Ctx        *ctx,
             JsonObject *obj,
             BkService  *s,
             GError    **error)
{
  static const char *const known[] = {
    "name", "address", "opening_hours", "phone", "email", "accessibility", NULL,
  };
  JsonNode *node = json_object_get_member (obj, "office");
  JsonObject *office;
  gsize len;
  BkServiceOffice *o = &s->office;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail_at (ctx, "office", _("expected an object"), error);
  office = json_node_get_object (node);
  len = push_member (ctx, "office");
  if (!check_members (ctx, office, known, error) ||
      !dup_text (ctx, office, "name", FALSE, MAX_NAME_CHARS, &o->name, error) ||
      !dup_text (ctx, office, "address", FALSE, 1000, &o->address, error) ||
      !dup_text (ctx, office, "opening_hours", FALSE, 2000, &o->opening_hours, error) ||
      !dup_text (ctx, office, "phone", FALSE, 100, &o->phone, error) ||
      !dup_text (ctx, office, "email", FALSE, 200, &o->email, error) ||
      !dup_text (ctx, office, "accessibility", FALSE, MAX_TEXT_CHARS, &o->accessibility, error))
    return FALSE;
  if (o->email != NULL && (strchr (o->email, '@') == NULL || strchr (o->email, ' ') != NULL))
    return fail_at (ctx, "email", _("expected an e-mail address like name@example.org"), error);
  g_string_truncate (ctx->path, len);
  return TRUE;
}

static gboolean
read_forms (Ctx        *ctx,
            JsonObject *obj,
            BkService  *s,
            GError    **error)
{
  static const char *const known[] = { "title", "url", NULL };
  JsonArray *array;
  gsize outer;

  if (!get_array (ctx, obj, "forms", &array, error))
    return FALSE;
  if (array == NULL)
    return TRUE;
  outer = push_member (ctx, "forms");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autofree char *title = NULL;
      g_autofree char *url = NULL;
      gsize len = push_index (ctx, i);
      JsonObject *form;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return fail_at (ctx, NULL, _("expected an object with “title” and “url”"), error);
      form = json_node_get_object (node);
      if (!check_members (ctx, form, known, error) ||
          !dup_text (ctx, form, "title", TRUE, MAX_NAME_CHARS, &title, error) ||
          !dup_url (ctx, form, "url", FALSE, &url, error))
        return FALSE;
      /* without an address: a form the office hands out */
      bk_service_add_form (s, title, url);
      g_string_truncate (ctx->path, len);
    }
  g_string_truncate (ctx->path, outer);
  return TRUE;
}

static gboolean
read_life_situations (Ctx        *ctx,
                      JsonObject *obj,
                      BkService  *s,
                      GError    **error)
{
  gsize len;

  if (!read_strings (ctx, obj, "life_situations", s->life_situations, error))
    return FALSE;
  len = push_member (ctx, "life_situations");
  for (guint i = 0; i < s->life_situations->len; i++)
    {
      const char *id = g_ptr_array_index (s->life_situations, i);

      if (!bk_life_situation_is_known (id))
        {
          g_autofree char *known = g_strjoinv (", ", (char **) bk_life_situation_list ());
          g_autofree char *problem = g_strdup_printf (_("unknown life situation “%s” (known: %s)"),
                                                      id, known);

          push_index (ctx, i);
          return fail_at (ctx, NULL, problem, error);
        }
    }
  g_string_truncate (ctx->path, len);
  return TRUE;
}

/* The kiosk's own forms the service offers: known ids, each once. */
static gboolean
read_kiosk_forms (Ctx        *ctx,
                  JsonObject *obj,
                  BkService  *s,
                  GError    **error)
{
  gsize len;

  if (!read_strings (ctx, obj, "kiosk_forms", s->kiosk_forms, error))
    return FALSE;
  len = push_member (ctx, "kiosk_forms");
  for (guint i = 0; i < s->kiosk_forms->len; i++)
    {
      const char *id = g_ptr_array_index (s->kiosk_forms, i);
      g_autofree char *problem = NULL;

      if (!bk_kiosk_form_is_known (id))
        {
          g_autofree char *known = g_strjoinv (", ", (char **) bk_kiosk_form_list ());

          problem = g_strcmp0 (id, "motion-feedback") == 0
            /* Translators: motion-feedback is the id of a form; do not translate it */
            ? g_strdup (_("“motion-feedback” is not a form of a service: every motion page offers it"))
            /* Translators: an id of a kiosk form, then the list of ids */
            : g_strdup_printf (_("unknown kiosk form “%s” (known: %s)"), id, known);
        }
      for (guint j = 0; problem == NULL && j < i; j++)
        if (g_str_equal (id, g_ptr_array_index (s->kiosk_forms, j)))
          /* Translators: an id of a kiosk form */
          problem = g_strdup_printf (_("the kiosk form “%s” is listed twice"), id);
      if (problem != NULL)
        {
          push_index (ctx, i);
          return fail_at (ctx, NULL, problem, error);
        }
    }
  g_string_truncate (ctx->path, len);
  return TRUE;
}

static gboolean
read_translations (Ctx        *ctx,
                   JsonObject *obj,
                   BkService  *s,
                   GError    **error)
{
  static const char *const known[] = { "name", "short", "full", NULL };
  JsonNode *node = json_object_get_member (obj, "translations");
  g_autoptr(GList) langs = NULL;
  gsize outer;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail_at (ctx, "translations", _("expected an object like {\"en\": {\"name\": …}}"),
                    error);
  outer = push_member (ctx, "translations");
  langs = json_object_get_members (json_node_get_object (node));
  for (GList *l = langs; l != NULL; l = l->next)
    {
      const char *lang = l->data;
      JsonNode *tnode = json_object_get_member (json_node_get_object (node), lang);
      g_autofree char *name = NULL, *short_text = NULL, *full_text = NULL;
      gsize n = strlen (lang), len;
      JsonObject *t;

      for (gsize i = 0; i < n; i++)
        if (!g_ascii_islower (lang[i]))
          n = 0;
      if (n < 2 || n > 3 || strcmp (lang, "de") == 0)
        return fail_at (ctx, lang, _("expected a language code such as “en” (German is the "
                                     "service's own text)"), error);
      if (!JSON_NODE_HOLDS_OBJECT (tnode))
        return fail_at (ctx, lang, _("expected an object"), error);
      t = json_node_get_object (tnode);
      len = push_member (ctx, lang);
      if (!check_members (ctx, t, known, error) ||
          !dup_text (ctx, t, "name", FALSE, MAX_NAME_CHARS, &name, error) ||
          !dup_text (ctx, t, "short", FALSE, MAX_TEXT_CHARS, &short_text, error) ||
          !dup_text (ctx, t, "full", FALSE, MAX_TEXT_CHARS, &full_text, error))
        return FALSE;
      if (name == NULL)
        return fail_at (ctx, "name", _("missing; a translation needs at least the name"), error);
      bk_service_set_translation (s, lang, name, short_text, full_text);
      g_string_truncate (ctx->path, len);
    }
  g_string_truncate (ctx->path, outer);
  return TRUE;
}

static BkService *
read_service (Ctx        *ctx,
              JsonObject *obj,
              GError    **error)
{
  static const char *const known[] = {
    "type", "id", "leika", "municipality", "name", "short", "full", "who_may_apply",
    "documents", "costs", "processing_time", "deadlines", "steps", "legal_basis", "office",
    "online_url", "forms", "easy_read", "life_situations", "translations", "keywords",
    "hints", "further_info", "kiosk_forms", NULL,
  };
  g_autoptr(BkService) s = bk_service_new ();
  JsonNode *type = json_object_get_member (obj, "type");

  if (!check_members (ctx, obj, known, error))
    return NULL;
  if (type != NULL && !(is_string (type) && strcmp (json_node_get_string (type), SERVICE_TYPE) == 0))
    {
      g_autofree char *problem = g_strdup_printf (_("expected “%s”"), SERVICE_TYPE);

      fail_at (ctx, "type", problem, error);
      return NULL;
    }
  if (!dup_text (ctx, obj, "name", TRUE, MAX_NAME_CHARS, &s->name, error) ||
      !dup_text (ctx, obj, "municipality", TRUE, MAX_NAME_CHARS, &s->municipality, error) ||
      !dup_text (ctx, obj, "short", TRUE, MAX_TEXT_CHARS, &s->short_text, error) ||
      !read_leika (ctx, obj, s, error) ||
      !read_id (ctx, obj, s, error) ||
      !dup_text (ctx, obj, "full", FALSE, MAX_TEXT_CHARS, &s->full_text, error) ||
      !dup_text (ctx, obj, "who_may_apply", FALSE, MAX_TEXT_CHARS, &s->who_may_apply, error) ||
      !read_strings (ctx, obj, "documents", s->documents, error) ||
      !dup_text (ctx, obj, "costs", FALSE, MAX_TEXT_CHARS, &s->costs, error) ||
      !dup_text (ctx, obj, "processing_time", FALSE, MAX_TEXT_CHARS, &s->processing_time, error) ||
      !dup_text (ctx, obj, "deadlines", FALSE, MAX_TEXT_CHARS, &s->deadlines, error) ||
      !read_strings (ctx, obj, "steps", s->steps, error) ||
      !dup_text (ctx, obj, "legal_basis", FALSE, MAX_TEXT_CHARS, &s->legal_basis, error) ||
      !read_office (ctx, obj, s, error) ||
      !dup_url (ctx, obj, "online_url", FALSE, &s->online_url, error) ||
      !read_forms (ctx, obj, s, error) ||
      !dup_text (ctx, obj, "easy_read", FALSE, MAX_TEXT_CHARS, &s->easy_read, error) ||
      !dup_text (ctx, obj, "hints", FALSE, MAX_TEXT_CHARS, &s->hints, error) ||
      !dup_text (ctx, obj, "further_info", FALSE, MAX_TEXT_CHARS, &s->further_info, error) ||
      !read_life_situations (ctx, obj, s, error) ||
      !read_strings (ctx, obj, "keywords", s->keywords, error) ||
      !read_kiosk_forms (ctx, obj, s, error) ||
      !read_translations (ctx, obj, s, error))
    return NULL;
  return g_steal_pointer (&s);
}

static const char *
service_id (gconstpointer item)
{
  return ((const BkService *) item)->id;
}

GPtrArray *
bk_service_import_parse (const char *data,
                         gsize       len,
                         const char *name,
                         GError    **error)
{
  static const char *const list_known[] = { "services", NULL };
  g_autoptr(GString) path = g_string_new ("$");
  Ctx ctx = { name, path };
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GPtrArray) services = g_ptr_array_new_with_free_func ((GDestroyNotify) bk_service_free);
  JsonNode *root;
  JsonObject *top;
  JsonNode *list;

  if (len > BK_SERVICE_MAX_SIZE)
    {
      g_autofree char *size = g_format_size (len);
      g_autofree char *limit = g_format_size (BK_SERVICE_MAX_SIZE);

      g_set_error (error, BK_ERROR, BK_ERROR_TOO_LARGE,
                   _("%s: the file is too large for a service catalogue (%s; the limit is %s)"),
                   name, size, limit);
      return NULL;
    }
  parser = bk_json_parse (data, len, name, error);
  if (parser == NULL)
    return NULL;
  root = json_parser_get_root (parser);
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      fail_at (&ctx, NULL, _("expected an object: {\"services\": […]} or one service"), error);
      return NULL;
    }
  top = json_node_get_object (root);
  list = json_object_get_member (top, "services");
  if (list == NULL)
    {
      BkService *s = read_service (&ctx, top, error);

      if (s == NULL)
        return NULL;
      g_ptr_array_add (services, s);
      return g_steal_pointer (&services);
    }
  if (!check_members (&ctx, top, list_known, error))
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (list))
    {
      fail_at (&ctx, "services", _("expected an array"), error);
      return NULL;
    }
  g_string_append (path, ".services");
  if (!bk_json_reader_read_objects (&ctx, json_node_get_array (list), (BkJsonReadObject) read_service,
                                    service_id, services, error))
    return NULL;
  return g_steal_pointer (&services);
}

gboolean
bk_service_import_data (BkStore    *store,
                        const char *data,
                        gsize       len,
                        const char *name,
                        guint      *count,
                        GError    **error)
{
  g_autoptr(GPtrArray) services = bk_service_import_parse (data, len, name, error);
  g_autofree char *base = g_path_get_basename (name);

  if (services == NULL)
    return FALSE;
  for (guint i = 0; i < services->len; i++)
    {
      BkService *s = g_ptr_array_index (services, i);

      if (s->source == NULL)
        s->source = g_strdup (base);
      if (!bk_store_save_service (store, s, error))
        return FALSE;
    }
  if (count != NULL)
    *count = services->len;
  return TRUE;
}

/* --- sniffing ----------------------------------------------------------- */

gboolean
bk_service_import_sniff (const char *data,
                         gsize       len)
{
  return bk_json_sniff_top_member (data, len, "services", SERVICE_TYPE);
}
