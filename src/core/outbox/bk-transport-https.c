/* bk-transport-https.c: a county's form server over HTTPS
 *
 * One POST per submission to the configured address, with the entry's
 * idempotency key in an Idempotency-Key header, so that a retry after a
 * crash is recognised by the server and never makes a second case:
 *
 *   mode jwe        the bundle as stored (JSON of JWEs for the server's key,
 *                   the same parts FIT-Connect gets), Content-Type
 *                   application/json
 *   mode json-mtls  the plain data, metadata and attachments as JSON, over
 *                   TLS with the kiosk's client certificate; the outbox
 *                   keeps it sealed for the kiosk's own key until then
 *
 * The server answers {"status": "accepted"}, {"status": "rejected",
 * "reason": …} or {"status": "submitted", "statusUrl": …}; a status
 * address is asked (GET) later, like FIT-Connect's event log.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-outbox"

#include <string.h>

#include "bk-json.h"
#include "bk-outbox-bundle.h"
#include "bk-transport-private.h"

#define MIN_KEY_BITS 2048

struct _BkHttpsTransport
{
  GObject            parent_instance;

  BkTransportConfig *config;
  BkOutboxHttp      *http;
  GError            *http_error;
  BkJoseKey         *key;        /* the server's key (jwe mode), once checked */
};

static void transport_iface_init (BkTransportInterface *iface);

G_DECLARE_FINAL_TYPE (BkHttpsTransport, bk_https_transport, BK, HTTPS_TRANSPORT, GObject)
G_DEFINE_FINAL_TYPE_WITH_CODE (BkHttpsTransport, bk_https_transport, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (BK_TYPE_TRANSPORT, transport_iface_init))

static void
bk_https_transport_finalize (GObject *object)
{
  BkHttpsTransport *self = BK_HTTPS_TRANSPORT (object);

  bk_outbox_http_free (self->http);
  g_clear_error (&self->http_error);
  g_clear_pointer (&self->key, bk_jose_key_unref);
  G_OBJECT_CLASS (bk_https_transport_parent_class)->finalize (object);
}

static void
bk_https_transport_class_init (BkHttpsTransportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bk_https_transport_finalize;
}

static void
bk_https_transport_init (BkHttpsTransport *self)
{
}

BkTransport *
_bk_https_transport_new (BkTransportConfig *config,
                         guint              timeout,
                         GProxyResolver    *proxy)
{
  BkHttpsTransport *self = g_object_new (bk_https_transport_get_type (), NULL);

  self->config = config;
  self->http = bk_outbox_http_new (config->tls_ca, config->client_certificate, config->client_key, timeout, proxy,
                                   &self->http_error);
  return BK_TRANSPORT (self);
}

/* The server's key from the configured JWK file, checked like a
 * FIT-Connect destination's: its use and its chain to the trust anchor. */
static BkJoseKey *
server_key (BkHttpsTransport  *self,
            BkDeliveryContext *context,
            BkDeliveryResult  *result)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(BkJoseKey) key = NULL;
  JsonNode *root;

  if (self->key != NULL)
    return bk_jose_key_ref (self->key);
  if (!g_file_get_contents (self->config->encryption_key, &text, NULL, &error) ||
      !json_parser_load_from_data (parser, text, -1, &error) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
      (key = bk_jose_key_new_from_jwk (json_node_get_object (root), BK_JOSE_USE_ENCRYPT, MIN_KEY_BITS, &error)) == NULL ||
      !bk_jose_key_check_chain (key, json_node_get_object (root), self->config->trust_anchor,
                                BK_JOSE_USE_ENCRYPT, context->now / 1000, &error))
    {
      result->route_wide = TRUE;
      bk_delivery_result_set (result, BK_DELIVERY_RETRY, BK_PROBLEM_KEY, "%s: %s", self->config->encryption_key,
                              error ? error->message : "not a JWK");
      return NULL;
    }
  self->key = bk_jose_key_ref (key);
  return g_steal_pointer (&key);
}

/* The plain JSON for mutual TLS: the bundle opened with the kiosk's key. */
static GBytes *
plain_body (BkHttpsTransport  *self,
            BkOutboxEntry     *entry,
            BkDeliveryContext *context,
            BkDeliveryResult  *result)
{
  g_autoptr(BkBundle) bundle = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) metadata = json_parser_new ();
  g_autoptr(JsonParser) data = json_parser_new ();
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  char *text;

  if (context->kiosk_key == NULL || (bundle = bk_bundle_parse (entry->bundle, &error)) == NULL ||
      !bk_bundle_open (bundle, context->kiosk_key, &error) ||
      !json_parser_load_from_data (metadata, bundle->metadata, -1, &error) ||
      !json_parser_load_from_data (data, bundle->data, -1, &error))
    {
      result->route_wide = FALSE;
      bk_delivery_result_set (result, BK_DELIVERY_FAILED, BK_PROBLEM_KEY_GONE, "cannot open the bundle: %s",
                              error ? error->message : "no kiosk key");
      return NULL;
    }
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "reference");
  json_builder_add_string_value (builder, bundle->reference);
  json_builder_set_member_name (builder, "form");
  json_builder_add_string_value (builder, bundle->kind);
  json_builder_set_member_name (builder, "metadata");
  json_builder_add_value (builder, json_node_copy (json_parser_get_root (metadata)));
  json_builder_set_member_name (builder, "data");
  json_builder_add_value (builder, json_node_copy (json_parser_get_root (data)));
  json_builder_set_member_name (builder, "attachments");
  json_builder_begin_array (builder);
  for (guint i = 0; i < bundle->attachments->len; i++)
    {
      BkBundlePart *part = g_ptr_array_index (bundle->attachments, i);
      gsize length;
      const guint8 *bytes = g_bytes_get_data (part->content, &length);
      g_autofree char *content = g_base64_encode (bytes, length);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "attachmentId");
      json_builder_add_string_value (builder, part->id);
      json_builder_set_member_name (builder, "mimeType");
      json_builder_add_string_value (builder, part->mime_type);
      json_builder_set_member_name (builder, "filename");
      json_builder_add_string_value (builder, part->filename);
      json_builder_set_member_name (builder, "content");
      json_builder_add_string_value (builder, content);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  text = json_to_string (root, FALSE);
  return g_bytes_new_take (text, strlen (text));
}

/* {"status": …} of a 2xx answer. */
static void
read_status (BkOutboxHttpResponse *response,
             BkOutboxEntry        *entry,
             BkDeliveryResult     *result)
{
  g_autoptr(JsonObject) answer = bk_outbox_http_dup_json (response);
  const char *status = answer ? bk_json_get_string (answer, "status", NULL) : NULL;
  const char *id = answer ? bk_json_get_string (answer, "id", NULL) : NULL;

  if (id != NULL && entry->remote_id == NULL)
    entry->remote_id = g_strdup (id);
  if (g_strcmp0 (status, "accepted") == 0)
    bk_delivery_result_set (result, BK_DELIVERY_ACCEPTED, NULL, NULL);
  else if (g_strcmp0 (status, "rejected") == 0)
    bk_delivery_result_set (result, BK_DELIVERY_REJECTED, BK_PROBLEM_REJECTED, "%s",
                            bk_json_get_string (answer, "reason", "no reason given"));
  else if (g_strcmp0 (status, "submitted") == 0 &&
           bk_json_get_string (answer, "statusUrl", NULL) != NULL)
    {
      g_free (entry->case_id);
      entry->case_id = g_strdup (bk_json_get_string (answer, "statusUrl", NULL));
      bk_delivery_result_set (result, BK_DELIVERY_SUBMITTED, NULL, NULL);
    }
  else
    {
      result->route_wide = TRUE;
      bk_delivery_result_set (result, BK_DELIVERY_RETRY, BK_PROBLEM_PROTOCOL, "HTTP %u without a status",
                              response->status);
    }
}

static void
https_deliver (BkTransport        *transport,
               const BkRoute      *route,
               BkOutboxEntry      *entry,
               BkDeliveryContext  *context,
               BkDeliveryResult   *result)
{
  BkHttpsTransport *self = BK_HTTPS_TRANSPORT (transport);
  g_auto(BkOutboxHttpResponse) response = { 0 };
  g_autoptr(GBytes) body = NULL;
  const char *headers[] = { "Idempotency-Key", entry->idempotency_key, NULL };

  if (!bk_outbox_http_ready (self->http, self->http_error, result))
    return;
  if (entry->bundle == NULL)
    {
      bk_delivery_result_set (result, BK_DELIVERY_FAILED, BK_PROBLEM_LOCAL, "the bundle is gone");
      return;
    }
  if (self->config->mode == BK_HTTPS_MODE_JWE)
    {
      g_autoptr(BkJoseKey) key = server_key (self, context, result);

      if (key == NULL || !_bk_transport_reseal (entry, key, context, result))
        return;
      body = g_bytes_new (entry->bundle, strlen (entry->bundle));
    }
  else if ((body = plain_body (self, entry, context, result)) == NULL)
    return;

  bk_outbox_http_request (self->http, "POST", self->config->url, headers, "application/json", body,
                          context->cancellable, &response);
  if (response.status >= 200 && response.status < 300)
    read_status (&response, entry, result);
  else
    bk_outbox_http_classify (&response, "post", result);
}

static void
https_poll (BkTransport        *transport,
            const BkRoute      *route,
            BkOutboxEntry      *entry,
            BkDeliveryContext  *context,
            BkDeliveryResult   *result)
{
  BkHttpsTransport *self = BK_HTTPS_TRANSPORT (transport);
  g_auto(BkOutboxHttpResponse) response = { 0 };

  if (!bk_outbox_http_ready (self->http, self->http_error, result))
    return;
  if (entry->case_id == NULL)
    {
      bk_delivery_result_set (result, BK_DELIVERY_FAILED, BK_PROBLEM_LOCAL, "no status address to ask");
      return;
    }
  bk_outbox_http_request (self->http, "GET", entry->case_id, NULL, NULL, NULL, context->cancellable, &response);
  if (response.status != 200)
    {
      bk_outbox_http_classify (&response, "status", result);
      return;
    }
  read_status (&response, entry, result);
  if (result->outcome == BK_DELIVERY_SUBMITTED)
    result->outcome = BK_DELIVERY_WAITING;
}

static void
transport_iface_init (BkTransportInterface *iface)
{
  iface->deliver = https_deliver;
  iface->poll = https_poll;
}
