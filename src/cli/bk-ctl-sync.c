/* bk-ctl-sync.c: buergerkiosk-ctl sync, the OParl sync from the command line
 *
 * The same engine as the kiosk's background sync (src/core/sync), run in
 * the foreground: each endpoint named on the command line, or else those
 * configured in the setting oparl-endpoints, then the papers' texts. --status
 * shows each endpoint's health without syncing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-ctl"

#include "bk-config.h"

#include <glib/gi18n-lib.h>

#include "bk-ctl-private.h"
#include "bk-store-sync.h"
#include "bk-sync.h"
#include "bk-sync-files.h"

/* The endpoints staff configured (setting oparl-endpoints: display name and
 * System URL), when the schema is installed. */
static GPtrArray *
configured_endpoints (void)
{
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GVariant) value = NULL;
  GVariantIter iter;
  const char *name, *url;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "oparl-endpoints"))
    return list;
  settings = g_settings_new_full (schema, NULL, NULL);
  value = g_settings_get_value (settings, "oparl-endpoints");
  g_variant_iter_init (&iter, value);
  while (g_variant_iter_next (&iter, "(&s&s)", &name, &url))
    {
      char **pair = g_new0 (char *, 3);

      pair[0] = g_strdup (url);
      pair[1] = *name != '\0' ? g_strdup (name) : NULL;
      g_ptr_array_add (list, pair);
    }
  return list;
}

static char *
format_when (const char *iso)
{
  g_autoptr(GDateTime) when = iso != NULL ? g_date_time_new_from_iso8601 (iso, NULL) : NULL;
  g_autoptr(GDateTime) local = when != NULL ? g_date_time_to_local (when) : NULL;

  /* Translators: a time that never was */
  return local != NULL ? g_date_time_format (local, "%Y-%m-%d %H:%M") : g_strdup (_("never"));
}

static int
print_status (BkStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) endpoints = bk_store_sync_list_endpoints (store, &error);

  if (endpoints == NULL)
    {
      bk_ctl_print_error (error);
      return EXIT_FAILURE_;
    }
  if (endpoints->len == 0)
    g_print ("%s\n", _("No endpoint has been synced yet."));
  for (guint i = 0; i < endpoints->len; i++)
    {
      BkSyncEndpointInfo *e = g_ptr_array_index (endpoints, i);
      g_autofree char *success = format_when (e->last_success);
      g_autofree char *full = format_when (e->last_full);

      g_print ("%s\n  %s\n", e->name != NULL ? e->name : (e->system_name != NULL ? e->system_name : e->url),
               e->url);
      /* Translators: the health of an OParl endpoint in buergerkiosk-ctl sync --status */
      g_print (_("  last success: %s (last full sync: %s); %u papers, %u meetings; texts: %u pending, "
                 "%u not readable\n"),
               success, full, e->papers, e->meetings, e->texts_pending, e->texts_unavailable);
      if (e->last_error != NULL)
        g_print (_("  last problem: %s\n"), e->last_error);
    }
  return EXIT_OK;
}

int
bk_ctl_cmd_sync (CtlGlobals *globals,
                 int         argc,
                 char      **argv)
{
  g_autoptr(BkStore) store = NULL;
  g_autoptr(BkHttp) http = NULL;
  g_autoptr(GPtrArray) configured = NULL;
  g_autoptr(GPtrArray) targets = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autofree char *name = NULL;
  gboolean full = FALSE, no_texts = FALSE, status_only = FALSE;
  int timeout = 120, retries = 3, backoff_ms = 2000, page_cap = 10000;
  BkHttpOptions http_options = { 0 };
  int status = EXIT_OK;
  GOptionEntry entries[] = {
    { "full", 0, 0, G_OPTION_ARG_NONE, &full,
      N_("Read every list whole and remove what the server no longer has"), NULL },
    { "no-texts", 0, 0, G_OPTION_ARG_NONE, &no_texts, N_("Do not fetch the papers' texts"), NULL },
    { "status", 0, 0, G_OPTION_ARG_NONE, &status_only, N_("Show each endpoint's health and sync nothing"),
      NULL },
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("The display name of the endpoint given"), N_("NAME") },
    { "timeout", 0, 0, G_OPTION_ARG_INT, &timeout, N_("Seconds to wait for an answer (default 120)"),
      N_("SECONDS") },
    { "retries", 0, 0, G_OPTION_ARG_INT, &retries, N_("Tries after the first (default 3)"), N_("N") },
    { "backoff-ms", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_INT, &backoff_ms, NULL, NULL },
    { "page-cap", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_INT, &page_cap, NULL, NULL },
    { NULL }
  };

  if (!bk_ctl_parse_command_options ("sync", _("[URL…]"),
                                     _("Sync motions, meetings and decisions from OParl System URLs "
                                       "(or from those in the setting oparl-endpoints)."),
                                     entries, &argc, &argv))
    return EXIT_FAILURE_;
  if (timeout < 1 || retries < 0 || backoff_ms < 0 || page_cap < 1)
    {
      g_printerr (_("buergerkiosk-ctl sync: --timeout, --retries and the like must be positive\n"));
      return EXIT_FAILURE_;
    }

  store = bk_ctl_open_store_or_print (globals);
  if (store == NULL)
    return EXIT_FAILURE_;
  if (status_only)
    return print_status (store);
  {
    g_autoptr(GError) error = NULL;

    if (!bk_store_sync_tune_connection (store, &error))
      {
        bk_ctl_print_error (error);
        return EXIT_FAILURE_;
      }
  }

  configured = configured_endpoints ();
  if (argc > 1)
    for (int i = 1; i < argc; i++)
      {
        char **pair = g_new0 (char *, 3);

        pair[0] = g_strdup (argv[i]);
        pair[1] = g_strdup (name);
        /* a configured endpoint keeps its display name */
        for (guint c = 0; pair[1] == NULL && c < configured->len; c++)
          if (g_str_equal (((char **) g_ptr_array_index (configured, c))[0], argv[i]))
            pair[1] = g_strdup (((char **) g_ptr_array_index (configured, c))[1]);
        g_ptr_array_add (targets, pair);
      }
  else
    {
      g_ptr_array_extend_and_steal (targets, g_steal_pointer (&configured));
      if (targets->len == 0)
        {
          g_printerr (_("buergerkiosk-ctl sync: no OParl endpoint is configured; give a System URL or "
                        "set oparl-endpoints\n"));
          return EXIT_FAILURE_;
        }
    }

  http_options.timeout_s = (guint) timeout;
  http_options.retries = (guint) retries;
  http_options.backoff_ms = (guint) backoff_ms;
  http_options.max_retry_after_s = 300;
  http = bk_http_new (&http_options);

  for (guint i = 0; i < targets->len; i++)
    {
      char **pair = g_ptr_array_index (targets, i);
      BkSyncEndpoint endpoint = { pair[0], pair[1] };
      BkSyncOptions options = { 0 };
      BkSyncReport report = { 0 };
      g_autoptr(GError) error = NULL;

      options.full = full;
      options.page_cap = (guint) page_cap;
      if (!bk_sync_endpoint (store, http, &endpoint, &options, &report, NULL, &error))
        {
          bk_ctl_print_error (error);
          status = EXIT_FAILURE_;
          bk_sync_report_clear (&report);
          continue;
        }
      /* Translators: after a sync: the endpoint, then what came */
      g_print (_("%s: %u papers, %u meetings, %u organizations, %u persons; %u deleted, %u removed "
                 "(%s, %u requests)\n"),
               pair[1] != NULL ? pair[1] : pair[0], report.papers, report.meetings, report.organizations,
               report.persons, report.deleted, report.removed,
               /* Translators: the kind of sync in the line above */
               report.full ? _("full sync") : _("changes only"), report.requests);
      for (guint w = 0; report.warnings != NULL && w < report.warnings->len; w++)
        g_printerr (_("buergerkiosk-ctl: skipped: %s\n"), (const char *) g_ptr_array_index (report.warnings, w));
      bk_sync_report_clear (&report);

      if (!no_texts)
        {
          BkSyncTextReport texts = { 0 };

          if (!bk_sync_fetch_texts (store, http, pair[0], NULL, &texts, NULL, &error))
            {
              bk_ctl_print_error (error);
              status = EXIT_FAILURE_;
            }
          else if (texts.fetched + texts.unchanged + texts.unreadable + texts.deleted + texts.failed > 0)
            /* Translators: after a sync: what became of the papers' texts */
            g_print (_("%s: texts: %u read, %u unchanged, %u not readable, %u removed, %u failed\n"),
                     pair[1] != NULL ? pair[1] : pair[0], texts.fetched, texts.unchanged, texts.unreadable,
                     texts.deleted, texts.failed);
          bk_sync_text_report_clear (&texts);
        }
    }
  return status;
}
