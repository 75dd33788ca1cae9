/* fuzz-fit-connect.c: libFuzzer target for what FIT-Connect answers
 *
 * One response body as the FIT-Connect transport reads it
 * (src/core/outbox): the JSON object of any answer; the keys of a JWKS or a
 * destination's key; and every token of an event log (a body that is no
 * JSON is taken as one token): its JOSE header, the payload read for its
 * issuer before the signature is checked, the signature checked against a
 * fixed key (the seed corpus is signed with it, so that the verified path is
 * reached too) and the claims read as a verified event's would be.
 * Invariants: no crash, no sanitizer report, no GLib critical, a refusal
 * has a message. Built by run-fuzz.sh; not part of the meson build.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdint.h>
#include <stddef.h>
#include <string.h>
#include <glib.h>

#include "bk-fuzz-common.h"
#include "bk-jwe.h"
#include "bk-json.h"
#include "bk-transport-private.h"
#include "fit-connect-jwk.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

#define SUBJECT "submission:9a1f0c6e-2b7d-4e43-9c51-7f0d2f3b8a10"

static BkJoseKey *signer;

static void
read_token (const char *token)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) header = bk_jose_dup_header (token, &error);
  const char *dot1 = strchr (token, '.');
  const char *dot2 = dot1 ? strchr (dot1 + 1, '.') : NULL;
  g_autoptr(GBytes) unverified = NULL;
  g_autoptr(GBytes) payload = NULL;
  g_autofree char *problems = NULL;

  if (header == NULL)
    bk_fuzz_check_error (error);
  g_clear_error (&error);
  if (dot2 != NULL)
    unverified = bk_base64url_decode (dot1 + 1, dot2 - dot1 - 1, NULL);
  /* the claims reader sees only verified payloads in the transport; here
   * it gets the unverified one too, which a forged signature cannot reach,
   * to fuzz it at all */
  if (unverified != NULL)
    (void) _bk_fit_connect_read_claims (unverified, SUBJECT, &problems);
  if (bk_jws_verify (token, signer, &payload, &error))
    (void) _bk_fit_connect_read_claims (payload, SUBJECT, &problems);
  else
    bk_fuzz_check_error (error);
}

static void
read_key (JsonObject *jwk)
{
  for (int use = BK_JOSE_USE_ENCRYPT; use <= BK_JOSE_USE_VERIFY; use++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BkJoseKey) key = bk_jose_key_new_from_jwk (jwk, use, 2048, &error);

      if (key == NULL)
        bk_fuzz_check_error (error);
      else
        g_free (bk_jose_key_dup_public_jwk (key));
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr(JsonParser) parser = NULL;
  JsonNode *root;
  JsonObject *object;
  JsonArray *list;

  if (signer == NULL)
    {
      g_autoptr(GError) error = NULL;

      bk_fuzz_init ();
      signer = bk_jose_key_new_from_jwk_text (BK_FUZZ_SIGNER_JWK, BK_JOSE_USE_VERIFY, 2048, &error);
      if (signer == NULL)
        g_error ("the fuzz key: %s", error->message);
    }
  parser = bk_json_parse ((const char *) data, size, "response", NULL);
  if (parser == NULL || (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      read_token (text);
      return 0;
    }
  object = json_node_get_object (root);
  if (json_object_has_member (object, "kty"))
    read_key (object);
  list = bk_json_get_array (object, "keys");
  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      JsonNode *node = json_array_get_element (list, i);

      if (JSON_NODE_HOLDS_OBJECT (node))
        read_key (json_node_get_object (node));
    }
  list = bk_json_get_array (object, "eventLog");
  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      JsonNode *node = json_array_get_element (list, i);

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        read_token (json_node_get_string (node));
    }
  return 0;
}
