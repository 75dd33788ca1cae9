/* bk-ctl-services.c: the catalogue and submission commands of buergerkiosk-ctl
 *
 * services, export-submissions, purge and retention: what an office does
 * with its service catalogue and with what citizens sent.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-ctl"

#include "bk-config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "bk-backup.h"
#include "bk-ctl-private.h"
#include "bk-error.h"
#include "bk-start.h"

static JsonNode *
service_summary_to_json (const BkServiceSummary *s)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, s->id);
  json_builder_set_member_name (b, "name");
  json_builder_add_string_value (b, s->name);
  json_builder_set_member_name (b, "short");
  json_builder_add_string_value (b, s->short_text);
  json_builder_set_member_name (b, "municipality");
  json_builder_add_string_value (b, s->municipality);
  json_builder_set_member_name (b, "lang");
  json_builder_add_string_value (b, s->lang);
  json_builder_set_member_name (b, "life_situations");
  json_builder_begin_array (b);
  for (guint i = 0; s->life_situations[i] != NULL; i++)
    json_builder_add_string_value (b, s->life_situations[i]);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "easy_read");
  json_builder_add_boolean_value (b, s->has_easy_read);
  json_builder_set_member_name (b, "online_service");
  json_builder_add_boolean_value (b, s->has_online_service);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

int
bk_ctl_cmd_services (CtlGlobals *globals,
                     int         argc,
                     char      **argv)
{
  g_autoptr(BkStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *municipality = NULL;
  g_autofree char *situation = NULL;
  g_autofree char *lang = NULL;
  g_autofree char *query = NULL;
  gboolean as_json = FALSE;
  BkServiceFilter filter = { 0 };
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print JSON"), NULL },
    { "municipality", 'm', 0, G_OPTION_ARG_STRING, &municipality,
      N_("Only the services of NAME (“Stadt Auenbach”)"), N_("NAME") },
    { "life-situation", 's', 0, G_OPTION_ARG_STRING, &situation,
      N_("Only the services for a life situation (moving, id-documents, family, "
         "disability-care, housing, work-business, waste-environment)"), N_("ID") },
    { "lang", 'l', 0, G_OPTION_ARG_STRING, &lang,
      N_("Names in language LANG where translated (default: German)"), N_("LANG") },
    { NULL }
  };

  if (!bk_ctl_parse_command_options ("services", _("[QUERY…]"),
                                     _("List the service catalogue: id, name, municipality and "
                                       "life situations, sorted by name; with a query, best "
                                       "match first."),
                                     entries, &argc, &argv))
    return EXIT_FAILURE_;
  if (situation != NULL && !bk_life_situation_is_known (situation))
    {
      g_autofree char *known = g_strjoinv (", ", (char **) bk_life_situation_list ());

      g_printerr (_("buergerkiosk-ctl services: unknown life situation “%s” (known: %s)\n"),
                  situation, known);
      return EXIT_FAILURE_;
    }
  filter.municipality = municipality;
  filter.life_situation = situation;
  store = bk_ctl_open_store_or_print (globals);
  if (store == NULL)
    return EXIT_FAILURE_;
  if (argc > 1)
    {
      query = g_strjoinv (" ", argv + 1);
      rows = bk_store_search_services (store, query, &filter, lang, 0, &error);
    }
  else
    rows = bk_store_list_services (store, &filter, lang, &error);
  if (rows == NULL)
    {
      bk_ctl_print_error (error);
      return EXIT_FAILURE_;
    }

  if (as_json)
    {
      g_autoptr(JsonArray) array = json_array_new ();
      g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);

      for (guint i = 0; i < rows->len; i++)
        json_array_add_element (array, service_summary_to_json (g_ptr_array_index (rows, i)));
      json_node_set_array (root, array);
      bk_ctl_print_json (root);
      return EXIT_OK;
    }
  for (guint i = 0; i < rows->len; i++)
    {
      const BkServiceSummary *s = g_ptr_array_index (rows, i);
      g_autofree char *situations = g_strjoinv (", ", s->life_situations);

      g_print ("%s\t%s\t%s\t%s\n", s->id, s->name, s->municipality, situations);
    }
  if (rows->len == 0)
    g_printerr (_("No services found.\n"));
  return EXIT_OK;
}

/* "2026-11-01" (local midnight) → "2026-10-31T23:00:00Z"; NULL when it is not
 * a real date in that form. */
static char *
dup_since_utc (const char *date)
{
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) utc = NULL;
  int y, m, d;

  if (!bk_ctl_scan_date (date, &y, &m, &d))
    return NULL;
  local = g_date_time_new_local (y, m, d, 0, 0, 0);
  if (local == NULL)
    return NULL;
  utc = g_date_time_to_utc (local);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

static gboolean
write_stdout (const char *text,
              GError    **error)
{
  gsize len = strlen (text);

  if (fwrite (text, 1, len, stdout) != len || fflush (stdout) != 0 || ferror (stdout))
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("cannot write the export: %s"), g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

int
bk_ctl_cmd_export_submissions (CtlGlobals *globals,
                               int         argc,
                               char      **argv)
{
  g_autoptr(BkStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *format = NULL;
  g_autofree char *since = NULL;
  g_autofree char *since_utc = NULL;
  g_autofree char *text = NULL;
  BkSubmissionQuery query = { 0 };
  gboolean csv;
  GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
      N_("Output format: json (default) or csv"), N_("FORMAT") },
    { "since", 0, 0, G_OPTION_ARG_STRING, &since,
      N_("Every submission made on or after DATE (YYYY-MM-DD, local time), exported before "
         "or not; without it, only those not exported yet"), N_("DATE") },
    { NULL }
  };

  if (!bk_ctl_parse_command_options ("export-submissions", NULL,
                                     _("Print citizens' submissions to standard output and mark "
                                       "them exported, in one transaction: if the output cannot "
                                       "be written, nothing is marked."),
                                     entries, &argc, &argv))
    return EXIT_FAILURE_;
  if (argc > 1)
    {
      g_printerr (_("buergerkiosk-ctl export-submissions: unexpected argument “%s”\n"), argv[1]);
      return EXIT_FAILURE_;
    }
  if (format != NULL && strcmp (format, "json") != 0 && strcmp (format, "csv") != 0)
    {
      g_printerr (_("buergerkiosk-ctl export-submissions: unknown format “%s”; use json or csv\n"),
                  format);
      return EXIT_FAILURE_;
    }
  csv = format != NULL && strcmp (format, "csv") == 0;
  if (since != NULL && (since_utc = dup_since_utc (since)) == NULL)
    {
      g_printerr (_("buergerkiosk-ctl export-submissions: --since “%s” is not a date; "
                    "write it as YYYY-MM-DD, for example 2026-11-30\n"), since);
      return EXIT_FAILURE_;
    }
  query.since = since_utc;
  query.unexported_only = since_utc == NULL;

  store = bk_ctl_open_store_or_print (globals);
  if (store == NULL)
    return EXIT_FAILURE_;
  if (!bk_store_begin (store, &error))
    {
      bk_ctl_print_error (error);
      return EXIT_FAILURE_;
    }
  rows = bk_store_list_submissions (store, &query, &error);
  if (rows == NULL || !bk_store_mark_submissions_exported (store, rows, NULL, &error))
    goto fail;
  text = csv ? bk_submissions_to_csv (rows) : bk_submissions_to_json_string (rows);
  if (!write_stdout (text, &error) || !bk_store_commit (store, &error))
    goto fail;
  g_printerr (g_dngettext (GETTEXT_PACKAGE, "%u submission exported\n",
                           "%u submissions exported\n", rows->len), rows->len);
  bk_ctl_explain_export (globals, store);
  return EXIT_OK;

fail:
  bk_store_rollback (store);
  bk_ctl_print_error (error);
  return EXIT_FAILURE_;
}

int
bk_ctl_cmd_purge (CtlGlobals *globals,
                  int         argc,
                  char      **argv)
{
  g_autoptr(BkStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) cutoff_time = NULL;
  g_autofree char *cutoff = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *broken = NULL;
  int days = -1;
  int status = EXIT_OK;
  guint removed = 0, in_backups = 0, backups = 0;
  GOptionEntry entries[] = {
    { "older-than", 0, 0, G_OPTION_ARG_INT, &days,
      N_("Delete submissions made more than DAYS days ago (default: the retention setting, "
         "see “retention”)"), N_("DAYS") },
    { NULL }
  };

  if (!bk_ctl_parse_command_options ("purge", NULL,
                                     _("Delete citizens' submissions older than the retention "
                                       "period, exported or not. Feedback counts on motions "
                                       "stay."),
                                     entries, &argc, &argv))
    return EXIT_FAILURE_;
  if (argc > 1)
    {
      g_printerr (_("buergerkiosk-ctl purge: unexpected argument “%s”\n"), argv[1]);
      return EXIT_FAILURE_;
    }
  if (days < -1 || days > 36500)
    {
      g_printerr (_("buergerkiosk-ctl purge: --older-than must be a number of days from 0 "
                    "to 36500\n"));
      return EXIT_FAILURE_;
    }
  db_path = bk_ctl_dup_db_path (globals, &error);
  if (db_path == NULL)
    {
      bk_ctl_print_error (error);
      return EXIT_FAILURE_;
    }
  broken = bk_start_find_broken (db_path);
  /* While the kiosk runs on its fallback there is no database to purge,
   * but the backups that staff will restore from still hold submissions. */
  if (broken == NULL || g_file_test (db_path, G_FILE_TEST_EXISTS))
    {
      store = bk_ctl_open_store_or_print (globals);
      if (store == NULL)
        return EXIT_FAILURE_;
    }
  if (days < 0)
    days = store ? (int) bk_store_get_retention_days (store) : BK_STORE_DEFAULT_RETENTION_DAYS;
  cutoff_time = g_date_time_add_days (now, -days);
  cutoff = g_date_time_format (cutoff_time, "%Y-%m-%dT%H:%M:%SZ");
  if (store != NULL && !bk_store_purge_submissions (store, cutoff, &removed, &error))
    {
      bk_ctl_print_error (error);
      return EXIT_FAILURE_;
    }
  if (store != NULL)
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          "%u submission older than %d days (made before %s) removed\n",
                          "%u submissions older than %d days (made before %s) removed\n", removed),
             removed, days, cutoff);
  if (!bk_backup_purge_submissions (db_path, cutoff, &in_backups, &backups, &error))
    {
      bk_ctl_print_error (error);
      status = EXIT_FAILURE_;
    }
  /* Translators: the second %u is how many backup files were purged */
  g_print (g_dngettext (GETTEXT_PACKAGE,
                        "%u submission older than %d days removed from the backups (%u files)\n",
                        "%u submissions older than %d days removed from the backups (%u files)\n",
                        in_backups),
           in_backups, days, backups);
  if (broken != NULL)
    g_printerr (_("buergerkiosk-ctl purge: %s was moved aside as broken and cannot be purged; it "
                  "may hold submissions: delete it once it is no longer needed\n"), broken);
  return status;
}

int
bk_ctl_cmd_retention (CtlGlobals *globals,
                      int         argc,
                      char      **argv)
{
  g_autoptr(BkStore) store = NULL;
  g_autoptr(GError) error = NULL;
  guint64 days = 0;
  guint kept;

  if (!bk_ctl_parse_command_options ("retention", _("[DAYS]"),
                                     _("Show how many days submissions are kept before “purge” "
                                       "removes them, or set it (1 to 3650; default 30)."),
                                     NULL, &argc, &argv))
    return EXIT_FAILURE_;
  if (argc > 2)
    {
      g_printerr (_("buergerkiosk-ctl retention: give at most one number of days\n"));
      return EXIT_FAILURE_;
    }
  if (argc == 2 && !g_ascii_string_to_unsigned (argv[1], 10, 1, 3650, &days, NULL))
    {
      g_printerr (_("buergerkiosk-ctl retention: “%s” is not a number of days from 1 to 3650\n"),
                  argv[1]);
      return EXIT_FAILURE_;
    }
  store = bk_ctl_open_store_or_print (globals);
  if (store == NULL)
    return EXIT_FAILURE_;
  if (argc == 2 && !bk_store_set_retention_days (store, (guint) days, &error))
    {
      bk_ctl_print_error (error);
      return EXIT_FAILURE_;
    }
  /* Read once: a broken setting warns on every read. */
  kept = bk_store_get_retention_days (store);
  g_print (g_dngettext (GETTEXT_PACKAGE, "Submissions are kept for %u day\n",
                        "Submissions are kept for %u days\n", kept), kept);
  return EXIT_OK;
}
