/* fuzz-oparl-http.c: libFuzzer target for what an OParl server answers
 *
 * One HTTP response body as the sync reads it (src/core/sync): parsed
 * strictly and, when that fails, repaired (Windows-1252, control
 * characters); read as a list page, strictly and loosely; every object
 * mended for the type it should have; the page's hash; its next link
 * rewritten and given a parameter. Invariants: no crash, no sanitizer
 * report, no GLib critical, a refusal has a message. Built by run-fuzz.sh.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdint.h>
#include <stddef.h>
#include <glib.h>

#include "bk-fuzz-common.h"
#include "bk-sync-json.h"
#include "bk-sync-url.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static const char *const types[] = {
  "Paper", "Meeting", "Person", "Organization", "Body", "File", "AgendaItem",
  "Consultation", "Location", "Membership", "LegislativeTerm", "System", NULL,
};

static void
read_page (JsonNode *root, gboolean loose)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *next = NULL;
  JsonArray *list = NULL;

  if (!bk_sync_json_read_page (root, "fuzz", loose, &list, &next, &error))
    {
      bk_fuzz_check_error (error);
      return;
    }
  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      JsonNode *node = json_array_get_element (list, i);

      if (JSON_NODE_HOLDS_OBJECT (node))
        {
          JsonObject *object = json_node_get_object (node);

          (void) bk_sync_json_type_name (object);
          (void) bk_sync_json_get_string (object, "id");
          (void) bk_sync_json_normalize (object, types[i % G_N_ELEMENTS (types)]);
        }
    }
  if (list != NULL)
    g_free (bk_sync_json_hash_data (list));
  if (next != NULL)
    {
      g_autofree char *rewritten = bk_sync_url_rewrite ("https://ris.example.org/oparl/v1",
                                                        "https://ris.example.org/oparl/v1/system", next);
      g_autofree char *limited = bk_sync_url_set_param (next, "limit", "100", FALSE);

      (void) bk_sync_url_has_param (next, "modified_since");
      (void) bk_sync_url_is_web (next);
    }
  g_clear_pointer (&list, json_array_unref);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  static gboolean ready;
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);

  if (!ready)
    {
      bk_fuzz_init ();
      ready = TRUE;
    }
  for (int repair = 0; repair < 2; repair++)
    {
      g_autoptr(GError) error = NULL;
      gboolean repaired = FALSE;
      g_autoptr(JsonNode) root = bk_sync_json_parse (bytes, "fuzz", repair, &repaired, &error);

      if (root == NULL)
        {
          bk_fuzz_check_error (error);
          continue;
        }
      read_page (root, FALSE);
      read_page (root, TRUE);
      if (!repaired)
        break;
    }
  return 0;
}
