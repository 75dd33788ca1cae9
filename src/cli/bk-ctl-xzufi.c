/* bk-ctl-xzufi.c: service descriptions from XZuFi in buergerkiosk-ctl
 *
 * Importing a publication from a web address (libsoup, on a thread of its
 * own: the files are fetched first, every one of them, and only then read
 * and stored, so a missing one changes nothing), the towns the kiosk serves
 * (towns) and one service with the office for a town (service).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-ctl"

#include "bk-config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "bk-ctl-private.h"
#include "bk-error.h"
#include "bk-xzufi.h"

/* ---- fetching ---------------------------------------------------------- */

#define FETCH_TIMEOUT_SECONDS 60

typedef struct {
  char       *base;       /* the publication's address, without a final "/" */
  char       *single;     /* or the address of one message */
  GHashTable *files;      /* name → GBytes */
  GError     *error;
} Download;

static GBytes *
get (SoupSession *session,
     const char  *url,
     GError     **error)
{
  g_autoptr(SoupMessage) message = soup_message_new ("GET", url);
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GByteArray) body = g_byte_array_new ();
  guint status;

  if (message == NULL)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT, _("%s: not a web address"), url);
      return NULL;
    }
  stream = soup_session_send (session, message, NULL, error);
  if (stream == NULL)
    {
      g_prefix_error (error, "%s: ", url);
      return NULL;
    }
  status = soup_message_get_status (message);
  if (status < 200 || status > 299)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_NOT_FOUND,
                   /* Translators: web address, HTTP status code and its reason */
                   _("%s: the server answered %u %s"), url, status,
                   soup_message_get_reason_phrase (message));
      return NULL;
    }
  for (;;)
    {
      guint8 buffer[65536];
      gssize n = g_input_stream_read (stream, buffer, sizeof buffer, NULL, error);

      if (n < 0)
        {
          g_prefix_error (error, "%s: ", url);
          return NULL;
        }
      if (n == 0)
        break;
      if (body->len + (gsize) n > BK_XZUFI_MAX_SIZE)
        {
          g_autofree char *limit = g_format_size (BK_XZUFI_MAX_SIZE);

          g_set_error (error, BK_ERROR, BK_ERROR_TOO_LARGE,
                       _("%s: the file is too large (the limit is %s)"), url, limit);
          return NULL;
        }
      g_byte_array_append (body, buffer, (guint) n);
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&body));
}

/* The worker: the index, then every file it lists. */
static gpointer
download_thread (gpointer data)
{
  Download *d = data;
  g_autoptr(SoupSession) session = soup_session_new_with_options ("timeout", FETCH_TIMEOUT_SECONDS,
                                                                  "user-agent", "Buergerkiosk/" PACKAGE_VERSION,
                                                                  NULL);
  g_autofree char *index_url = NULL;
  g_autoptr(GBytes) index = NULL;
  g_auto(GStrv) names = NULL;
  gsize len;
  const char *text;

  if (d->single != NULL)
    {
      GBytes *bytes = get (session, d->single, &d->error);

      if (bytes != NULL)
        g_hash_table_insert (d->files, g_strdup (d->single), bytes);
      return NULL;
    }
  index_url = g_strdup_printf ("%s/%s", d->base, BK_XZUFI_INDEX);
  index = get (session, index_url, &d->error);
  if (index == NULL)
    return NULL;
  text = g_bytes_get_data (index, &len);
  names = bk_xzufi_parse_index (text, len, index_url, &d->error);
  if (names == NULL)
    return NULL;
  g_hash_table_insert (d->files, g_strdup (BK_XZUFI_INDEX), g_bytes_ref (index));
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *escaped = g_uri_escape_string (names[i], NULL, FALSE);
      g_autofree char *url = g_strdup_printf ("%s/%s", d->base, escaped);
      GBytes *bytes = get (session, url, &d->error);

      if (bytes == NULL)
        {
          g_prefix_error (&d->error, _("listed in the index, but it cannot be fetched; nothing was changed: "));
          return NULL;
        }
      g_hash_table_insert (d->files, g_strdup (names[i]), bytes);
    }
  return NULL;
}

static GBytes *
fetch_downloaded (const char *name,
                  gpointer    user_data,
                  GError    **error)
{
  Download *d = user_data;
  GBytes *bytes = g_hash_table_lookup (d->files, name);

  if (bytes == NULL)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_NOT_FOUND, _("%s/%s: not fetched"), d->base, name);
      return NULL;
    }
  return g_bytes_ref (bytes);
}

gboolean
bk_ctl_is_web_address (const char *argument)
{
  return g_str_has_prefix (argument, "http://") || g_str_has_prefix (argument, "https://");
}

gboolean
bk_ctl_import_url (BkStore     *store,
                   const char  *url,
                   char       **summary,
                   GPtrArray   *notes,
                   GError     **error)
{
  Download d = { 0 };
  g_autoptr(GThread) thread = NULL;
  BkXzufiStats stats = { 0 };
  gboolean ok;

  d.files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);
  if (g_str_has_suffix (url, ".xml"))
    d.single = g_strdup (url);
  else
    {
      d.base = g_strdup (url);
      if (g_str_has_suffix (d.base, "/" BK_XZUFI_INDEX))
        d.base[strlen (d.base) - strlen ("/" BK_XZUFI_INDEX)] = '\0';
      while (g_str_has_suffix (d.base, "/"))
        d.base[strlen (d.base) - 1] = '\0';
    }
  /* The network on a thread of its own; the store stays on this one. */
  thread = g_thread_new ("bk-fetch", download_thread, &d);
  g_thread_join (g_steal_pointer (&thread));
  ok = d.error == NULL;
  if (!ok)
    g_propagate_error (error, g_steal_pointer (&d.error));
  else if (!bk_store_begin (store, error))
    ok = FALSE;
  else
    {
      if (d.single != NULL)
        {
          GBytes *bytes = g_hash_table_lookup (d.files, d.single);
          gsize len;
          const char *data = g_bytes_get_data (bytes, &len);

          ok = bk_xzufi_import_data (store, data, len, d.single, &stats, error);
        }
      else
        ok = bk_xzufi_import_publication (store, d.base, fetch_downloaded, &d, &stats, error);
      if (!ok)
        bk_store_rollback (store);
      else
        ok = bk_store_commit (store, error);
    }
  if (ok)
    {
      for (guint i = 0; stats.notes != NULL && i < stats.notes->len; i++)
        g_ptr_array_add (notes, g_strdup (g_ptr_array_index (stats.notes, i)));
      if (summary != NULL)
        *summary = bk_xzufi_describe (url, &stats);
    }
  bk_xzufi_stats_clear (&stats);
  g_hash_table_unref (d.files);
  g_free (d.base);
  g_free (d.single);
  return ok;
}

/* ---- towns ----------------------------------------------------------------- */

int
bk_ctl_cmd_towns (CtlGlobals *globals,
                  int         argc,
                  char      **argv)
{
  g_autoptr(BkStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) towns = NULL;
  gboolean as_json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print JSON"), NULL },
    { NULL }
  };

  if (!bk_ctl_parse_command_options ("towns", _("[add ARS NAME | remove ARS]"),
                                     _("List, add or remove the towns the kiosk serves, by their "
                                       "Amtlicher Regionalschlüssel (ARS, 12 digits). A citizen "
                                       "chooses one of them once per visit; services from XZuFi then "
                                       "show the office responsible in that town."),
                                     entries, &argc, &argv))
    return EXIT_FAILURE_;
  store = bk_ctl_open_store_or_print (globals);
  if (store == NULL)
    return EXIT_FAILURE_;
  if (argc >= 2 && strcmp (argv[1], "add") == 0)
    {
      g_autofree char *name = NULL;

      if (argc < 4)
        {
          g_printerr (_("buergerkiosk-ctl towns add: give the ARS and the name of the town\n"));
          return EXIT_FAILURE_;
        }
      name = g_strjoinv (" ", argv + 3);
      if (!bk_store_add_town (store, argv[2], name, &error))
        {
          bk_ctl_print_error (error);
          return EXIT_FAILURE_;
        }
      return EXIT_OK;
    }
  if (argc >= 2 && strcmp (argv[1], "remove") == 0)
    {
      if (argc != 3)
        {
          g_printerr (_("buergerkiosk-ctl towns remove: give the ARS of the town\n"));
          return EXIT_FAILURE_;
        }
      if (!bk_store_remove_town (store, argv[2], &error))
        {
          bk_ctl_print_error (error);
          return EXIT_FAILURE_;
        }
      return EXIT_OK;
    }
  if (argc > 1)
    {
      g_printerr (_("buergerkiosk-ctl towns: unknown argument “%s”; see --help\n"), argv[1]);
      return EXIT_FAILURE_;
    }
  towns = bk_store_list_towns (store, &error);
  if (towns == NULL)
    {
      bk_ctl_print_error (error);
      return EXIT_FAILURE_;
    }
  if (as_json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (b);
      for (guint i = 0; i < towns->len; i++)
        {
          const BkTown *town = g_ptr_array_index (towns, i);

          json_builder_begin_object (b);
          json_builder_set_member_name (b, "ars");
          json_builder_add_string_value (b, town->ars);
          json_builder_set_member_name (b, "name");
          json_builder_add_string_value (b, town->name);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      root = json_builder_get_root (b);
      bk_ctl_print_json (root);
      return EXIT_OK;
    }
  for (guint i = 0; i < towns->len; i++)
    {
      const BkTown *town = g_ptr_array_index (towns, i);

      g_print ("%s\t%s\n", town->ars, town->name);
    }
  return EXIT_OK;
}

/* ---- one service ----------------------------------------------------------- */

static void
add_office (JsonBuilder           *b,
            const BkServiceOffice *office)
{
  const char *const keys[] = { "name", "address", "opening_hours", "phone", "email", "accessibility" };
  const char *const values[] = {
    office->name, office->address, office->opening_hours, office->phone, office->email,
    office->accessibility,
  };

  json_builder_begin_object (b);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    if (values[i] != NULL)
      {
        json_builder_set_member_name (b, keys[i]);
        json_builder_add_string_value (b, values[i]);
      }
  json_builder_end_object (b);
}

static JsonNode *
service_to_json (const BkService *service)
{
  g_autoptr(JsonNode) node = bk_service_to_json (service);
  JsonObject *object = json_node_get_object (node);
  g_autoptr(JsonBuilder) b = json_builder_new ();

  if (service->source_id != NULL)
    json_object_set_string_member (object, "source_id", service->source_id);
  if (service->source_version != NULL)
    json_object_set_string_member (object, "source_version", service->source_version);
  json_builder_begin_array (b);
  for (guint i = 0; i < service->local_offices->len; i++)
    {
      const BkServiceLocalOffice *local = g_ptr_array_index (service->local_offices, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "town_ars");
      json_builder_add_string_value (b, local->town_ars);
      json_builder_set_member_name (b, "town");
      json_builder_add_string_value (b, local->town_name);
      if (local->office.name != NULL)
        {
          json_builder_set_member_name (b, "office");
          add_office (b, &local->office);
        }
      if (local->online_url != NULL)
        {
          json_builder_set_member_name (b, "online_url");
          json_builder_add_string_value (b, local->online_url);
        }
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  if (service->local_offices->len > 0)
    json_object_set_member (object, "towns", json_builder_get_root (b));
  return g_steal_pointer (&node);
}

int
bk_ctl_cmd_service (CtlGlobals *globals,
                    int         argc,
                    char      **argv)
{
  g_autoptr(BkStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BkService) service = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *town = NULL;
  GOptionEntry entries[] = {
    { "town", 't', 0, G_OPTION_ARG_STRING, &town,
      N_("Only the office for the town with this ARS"), N_("ARS") },
    { NULL }
  };

  if (!bk_ctl_parse_command_options ("service", _("ID"),
                                     _("Print one service of the catalogue as JSON, with the "
                                       "office responsible in each town the kiosk serves."),
                                     entries, &argc, &argv))
    return EXIT_FAILURE_;
  if (argc != 2)
    {
      g_printerr (_("buergerkiosk-ctl service: give the id of one service\n"));
      return EXIT_FAILURE_;
    }
  store = bk_ctl_open_store_or_print (globals);
  if (store == NULL)
    return EXIT_FAILURE_;
  service = bk_store_load_service (store, argv[1], &error);
  if (service == NULL)
    {
      bk_ctl_print_error (error);
      return EXIT_FAILURE_;
    }
  if (town != NULL)
    for (guint i = service->local_offices->len; i > 0; i--)
      {
        const BkServiceLocalOffice *local = g_ptr_array_index (service->local_offices, i - 1);

        if (g_strcmp0 (local->town_ars, town) != 0)
          g_ptr_array_remove_index (service->local_offices, i - 1);
      }
  node = service_to_json (service);
  bk_ctl_print_json (node);
  return EXIT_OK;
}
