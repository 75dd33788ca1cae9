/* bk-ctl-review.c: the warnings command of buergerkiosk-ctl
 *
 * Lists the motions whose import left warnings, with each warning, so that
 * a clerk can check them before citizens read them (the staff page shows
 * the same list).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-ctl"

#include "bk-config.h"

#include <glib/gi18n-lib.h>

#include "bk-ctl-private.h"

static JsonNode *
review_to_json (const BkMotionReview *r)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_int_value (b, r->id);
#define ADD(key, value) \
  json_builder_set_member_name (b, key); \
  if (value) json_builder_add_string_value (b, value); else json_builder_add_null_value (b);
  ADD ("subject", r->subject);
  ADD ("reference", r->reference);
  ADD ("date", r->date);
  ADD ("source", r->source);
#undef ADD
  json_builder_set_member_name (b, "warnings");
  json_builder_begin_array (b);
  for (guint i = 0; i < r->warnings->len; i++)
    {
      const BkWarning *w = g_ptr_array_index (r->warnings, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "code");
      json_builder_add_string_value (b, w->code);
      json_builder_set_member_name (b, "message");
      json_builder_add_string_value (b, w->message);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

int
bk_ctl_cmd_warnings (CtlGlobals *globals,
                     int         argc,
                     char      **argv)
{
  g_autoptr(BkStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) reviews = NULL;
  g_autofree char *code = NULL;
  gboolean as_json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print JSON"), NULL },
    { "code", 'c', 0, G_OPTION_ARG_STRING, &code,
      N_("Only motions with a warning of this code (no-title, ocr, …)"), N_("CODE") },
    { NULL }
  };

  if (!bk_ctl_parse_command_options ("warnings", NULL,
                                     _("List the stored motions whose import left warnings, newest "
                                       "first, with what a clerk should check."),
                                     entries, &argc, &argv))
    return EXIT_FAILURE_;
  store = bk_ctl_open_store_or_print (globals);
  if (store == NULL)
    return EXIT_FAILURE_;
  reviews = bk_store_list_motions_with_warnings (store, code, &error);
  if (reviews == NULL)
    {
      bk_ctl_print_error (error);
      return EXIT_FAILURE_;
    }
  if (as_json)
    {
      g_autoptr(JsonArray) array = json_array_new ();
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_ARRAY);

      for (guint i = 0; i < reviews->len; i++)
        json_array_add_element (array, review_to_json (g_ptr_array_index (reviews, i)));
      json_node_set_array (node, array);
      bk_ctl_print_json (node);
      return EXIT_OK;
    }
  for (guint i = 0; i < reviews->len; i++)
    {
      const BkMotionReview *r = g_ptr_array_index (reviews, i);

      g_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\n", r->id, r->date ? r->date : "-",
               r->reference ? r->reference : "-", r->subject ? r->subject : "");
      for (guint k = 0; k < r->warnings->len; k++)
        g_print ("  – %s\n", ((const BkWarning *) g_ptr_array_index (r->warnings, k))->message);
    }
  if (reviews->len == 0)
    g_printerr (_("No motion has warnings.\n"));
  return EXIT_OK;
}
