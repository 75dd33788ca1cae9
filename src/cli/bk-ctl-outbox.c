/* bk-ctl-outbox.c: buergerkiosk-ctl outbox: where the submissions are
 *
 *   outbox status            counts per state, the oldest waiting, the last problem
 *   outbox list [--state S] [--json] [-n N]
 *   outbox retry ID          send a pending, failed or rejected entry again now
 *
 * Reads the database only (and writes for retry); delivering is the kiosk's
 * worker's job, which finds a retry within a minute.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-ctl"

#include "bk-config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "bk-ctl-private.h"
#include "bk-outbox.h"
#include "bk-store-outbox.h"

/* The delivery file as the kiosk reads it, or NULL (said why on stderr
 * when it exists but is broken). */
static BkDeliveryConfig *
load_config (CtlGlobals *globals,
             gboolean   *broken)
{
  g_autofree char *found = NULL;
  const char *path = globals->delivery_config;
  g_autoptr(GError) error = NULL;
  BkDeliveryConfig *config;

  *broken = FALSE;
  if (path == NULL)
    path = found = bk_delivery_config_find_default ();
  if (path == NULL)
    return NULL;
  config = bk_delivery_config_load (path, &error);
  if (config == NULL)
    {
      *broken = TRUE;
      bk_ctl_print_error (error);
    }
  return config;
}

static int
outbox_status (CtlGlobals *globals,
               BkStore    *store)
{
  g_auto(BkOutboxSummary) summary = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(BkDeliveryConfig) config = NULL;
  gboolean broken;

  config = load_config (globals, &broken);
  if (config != NULL)
    g_print (_("Delivery file: %s (%u routes)\n"), bk_delivery_config_get_settings (config)->path,
             bk_delivery_config_count_routes (config));
  else if (!broken)
    g_print (_("No delivery file: submissions stay on the kiosk until they are exported "
               "(buergerkiosk-ctl export-submissions).\n"));

  if (!bk_store_outbox_summarize (store, &summary, &error))
    {
      bk_ctl_print_error (error);
      return EXIT_FAILURE_;
    }
  for (guint s = 0; s < BK_OUTBOX_N_STATES; s++)
    g_print ("%-10s %5u  %s\n", bk_outbox_state_to_string ((BkOutboxState) s), summary.counts[s],
             bk_outbox_state_describe ((BkOutboxState) s));
  if (summary.oldest_waiting > 0)
    {
      g_autofree char *age = bk_outbox_dup_age (summary.oldest_waiting);

      g_print (_("Oldest waiting: %s, for %s."), summary.oldest_reference, age);
      g_print ("\n");
    }
  else
    g_print ("%s\n", _("Nothing is waiting to be sent."));
  if (summary.last_error != NULL)
    {
      g_autofree char *words = bk_outbox_describe_problem (summary.last_error);
      g_autofree char *when = bk_outbox_dup_time (summary.last_error_at);

      g_print (_("Last problem (%s): %s"), when, words);
      g_print ("\n");
    }
  if (summary.expired > 0)
    {
      g_autofree char *expired = bk_outbox_dup_expired_text (summary.expired);

      g_print ("%s\n", expired);
    }
  return broken ? EXIT_FAILURE_ : EXIT_OK;
}

static JsonNode *
entries_to_json (GPtrArray *entries)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < entries->len; i++)
    {
      BkOutboxEntry *e = g_ptr_array_index (entries, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, e->id);
      json_builder_set_member_name (builder, "reference");
      json_builder_add_string_value (builder, e->reference);
      json_builder_set_member_name (builder, "form");
      json_builder_add_string_value (builder, e->kind);
      json_builder_set_member_name (builder, "state");
      json_builder_add_string_value (builder, bk_outbox_state_to_string (e->state));
      json_builder_set_member_name (builder, "route");
      json_builder_add_string_value (builder, e->route);
      json_builder_set_member_name (builder, "transport");
      json_builder_add_string_value (builder, e->transport);
      json_builder_set_member_name (builder, "recipient");
      json_builder_add_string_value (builder, e->recipient);
      json_builder_set_member_name (builder, "attempts");
      json_builder_add_int_value (builder, e->attempts);
      json_builder_set_member_name (builder, "created_at");
      json_builder_add_int_value (builder, e->created_at);
      json_builder_set_member_name (builder, "next_attempt_at");
      json_builder_add_int_value (builder, e->next_attempt_at);
      json_builder_set_member_name (builder, "submitted_at");
      json_builder_add_int_value (builder, e->submitted_at);
      json_builder_set_member_name (builder, "finished_at");
      json_builder_add_int_value (builder, e->finished_at);
      json_builder_set_member_name (builder, "remote_id");
      if (e->remote_id != NULL)
        json_builder_add_string_value (builder, e->remote_id);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "last_error");
      if (e->last_error != NULL)
        json_builder_add_string_value (builder, e->last_error);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "bundle_bytes");
      json_builder_add_int_value (builder, (gint64) e->bundle_size);
      json_builder_set_member_name (builder, "bundle_removed");
      if (e->bundle_removed != NULL)
        json_builder_add_string_value (builder, e->bundle_removed);
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return json_builder_get_root (builder);
}

static int
outbox_list (BkStore *store,
             int      argc,
             char   **argv)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *state_name = NULL;
  gboolean json = FALSE;
  int limit = 0;
  BkOutboxState state = BK_OUTBOX_PENDING;
  GOptionEntry entries_options[] = {
    { "state", 's', 0, G_OPTION_ARG_STRING, &state_name,
      N_("Only entries in STATE: pending, sending, submitted, accepted, rejected or failed"), N_("STATE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { "limit", 'n', 0, G_OPTION_ARG_INT, &limit, N_("At most N entries, newest first"), "N" },
    { NULL }
  };

  if (!bk_ctl_parse_command_options ("outbox list", NULL,
                                     _("The submissions on their way to the authorities, newest first."),
                                     entries_options, &argc, &argv))
    return EXIT_FAILURE_;
  if (state_name != NULL && !bk_outbox_state_from_string (state_name, &state))
    {
      g_printerr (_("buergerkiosk-ctl outbox list: unknown state “%s”\n"), state_name);
      return EXIT_FAILURE_;
    }
  entries = bk_store_outbox_list (store, state_name ? (int) state : -1, (guint) MAX (limit, 0), &error);
  if (entries == NULL)
    {
      bk_ctl_print_error (error);
      return EXIT_FAILURE_;
    }
  if (json)
    {
      g_autoptr(JsonNode) node = entries_to_json (entries);

      bk_ctl_print_json (node);
      return EXIT_OK;
    }
  for (guint i = 0; i < entries->len; i++)
    {
      BkOutboxEntry *e = g_ptr_array_index (entries, i);
      g_autofree char *created = bk_outbox_dup_time (e->created_at);
      g_autofree char *words = bk_outbox_describe_problem (e->last_error);

      /* Tab-separated: number, reference, state, form, recipient, time, attempts */
      g_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\t%s\t%u\n", e->id, e->reference,
               bk_outbox_state_to_string (e->state), e->kind, e->recipient, created, e->attempts);
      if (words != NULL)
        g_print ("\t%s\n", words);
    }
  return EXIT_OK;
}

static int
outbox_retry (BkStore *store,
              int      argc,
              char   **argv)
{
  g_autoptr(GError) error = NULL;
  guint64 id;

  if (argc != 2 || !g_ascii_string_to_unsigned (argv[1], 10, 1, G_MAXINT64, &id, NULL))
    {
      g_printerr (_("buergerkiosk-ctl outbox retry: give the entry's number (see outbox list)\n"));
      return EXIT_FAILURE_;
    }
  if (!bk_store_outbox_retry (store, (gint64) id, g_get_real_time () / 1000, &error))
    {
      bk_ctl_print_error (error);
      return EXIT_FAILURE_;
    }
  g_print (_("Entry %s will be sent again; the kiosk does so within a minute.\n"), argv[1]);
  return EXIT_OK;
}

int
bk_ctl_cmd_outbox (CtlGlobals *globals,
                   int         argc,
                   char      **argv)
{
  g_autoptr(BkStore) store = NULL;
  const char *what = argc > 1 ? argv[1] : "status";

  if (g_str_equal (what, "--help") || g_str_equal (what, "-h"))
    {
      g_print ("%s\n", _("Usage: buergerkiosk-ctl outbox [status | list [--state STATE] [--json] [-n N] | retry ID]"));
      return EXIT_OK;
    }
  if (!g_str_equal (what, "status") && !g_str_equal (what, "list") && !g_str_equal (what, "retry"))
    {
      g_printerr (_("buergerkiosk-ctl outbox: unknown command “%s”; use status, list or retry\n"), what);
      return EXIT_FAILURE_;
    }
  store = bk_ctl_open_store_or_print (globals);
  if (store == NULL)
    return EXIT_FAILURE_;
  if (g_str_equal (what, "list"))
    return outbox_list (store, argc - 1, argv + 1);
  if (g_str_equal (what, "retry"))
    return outbox_retry (store, argc - 1, argv + 1);
  if (argc > 2)
    {
      g_printerr (_("buergerkiosk-ctl outbox status: unexpected argument “%s”\n"), argv[2]);
      return EXIT_FAILURE_;
    }
  return outbox_status (globals, store);
}

/* What export-submissions says besides its count: that it is the way for a
 * kiosk without a destination, and what it leaves out. */
void
bk_ctl_explain_export (CtlGlobals *globals,
                       BkStore    *store)
{
  g_autoptr(BkDeliveryConfig) config = NULL;
  guint sealed = bk_store_count_sealed_submissions (store);
  gboolean broken;

  config = load_config (globals, &broken);
  if (config == NULL && !broken)
    g_printerr (_("This kiosk has no delivery file: exporting is how its submissions reach the office.\n"));
  if (sealed > 0)
    g_printerr (g_dngettext (GETTEXT_PACKAGE,
                             "%u submission went encrypted to its destination and is not in any export "
                             "(see buergerkiosk-ctl outbox status).\n",
                             "%u submissions went encrypted to their destinations and are not in any export "
                             "(see buergerkiosk-ctl outbox status).\n", sealed), sealed);
}
