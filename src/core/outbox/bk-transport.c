/* bk-transport.c: the transport interface and the HTTP both transports use
 *
 * HTTP with libsoup 3, blocking, on the delivery worker's thread: one
 * session per transport with its own CA file (the test servers have their
 * own CA; a county's form server may too) and, for mutual TLS, a client
 * certificate. Failures are sorted into "try again later" and "needs
 * staff" here, once, for both transports.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-outbox"

#include "bk-config.h"

#include <string.h>
#include <netinet/in.h>
#include <netinet/tcp.h>

#include <libsoup/soup.h>

#include "bk-json.h"
#include "bk-outbox-bundle.h"
#include "bk-transport.h"
#include "bk-transport-private.h"

G_DEFINE_INTERFACE (BkTransport, bk_transport, G_TYPE_OBJECT)

static void
bk_transport_default_init (BkTransportInterface *iface)
{
}

void
bk_transport_deliver (BkTransport        *self,
                      const BkRoute      *route,
                      BkOutboxEntry      *entry,
                      BkDeliveryContext  *context,
                      BkDeliveryResult   *result)
{
  g_return_if_fail (BK_IS_TRANSPORT (self));
  BK_TRANSPORT_GET_IFACE (self)->deliver (self, route, entry, context, result);
}

void
bk_transport_poll (BkTransport        *self,
                   const BkRoute      *route,
                   BkOutboxEntry      *entry,
                   BkDeliveryContext  *context,
                   BkDeliveryResult   *result)
{
  g_return_if_fail (BK_IS_TRANSPORT (self));
  BK_TRANSPORT_GET_IFACE (self)->poll (self, route, entry, context, result);
}

BkTransport *
bk_transport_new (BkTransportConfig *config,
                  guint              timeout,
                  GProxyResolver    *proxy)
{
  g_return_val_if_fail (config != NULL, NULL);
  if (config->kind == BK_TRANSPORT_FIT_CONNECT)
    return _bk_fit_connect_transport_new (config, timeout, proxy);
  return _bk_https_transport_new (config, timeout, proxy);
}

/* ---- results ------------------------------------------------------------- */

void
bk_delivery_result_clear (BkDeliveryResult *self)
{
  g_clear_pointer (&self->problem, g_free);
  *self = (BkDeliveryResult) { 0 };
}

void
bk_delivery_result_set (BkDeliveryResult  *self,
                        BkDeliveryOutcome  outcome,
                        const char        *code,
                        const char        *format,
                        ...)
{
  g_autofree char *detail = NULL;
  va_list args;

  self->outcome = outcome;
  g_clear_pointer (&self->problem, g_free);
  if (code == NULL)
    return;
  if (format != NULL)
    {
      va_start (args, format);
      detail = g_strdup_vprintf (format, args);
      va_end (args);
    }
  self->problem = detail ? g_strdup_printf ("%s: %s", code, detail) : g_strdup (code);
}

/* ---- HTTP ---------------------------------------------------------------- */

struct _BkOutboxHttp
{
  SoupSession     *session;
  GTlsCertificate *client_certificate;
};

void
bk_outbox_http_response_clear (BkOutboxHttpResponse *self)
{
  g_clear_pointer (&self->body, g_bytes_unref);
  g_clear_pointer (&self->content_type, g_free);
  g_clear_error (&self->error);
  *self = (BkOutboxHttpResponse) { 0 };
}

BkOutboxHttp *
bk_outbox_http_new (const char      *tls_ca,
                    const char      *client_certificate,
                    const char      *client_key,
                    guint            timeout,
                    GProxyResolver  *proxy,
                    GError         **error)
{
  g_autoptr(GTlsDatabase) database = NULL;
  g_autoptr(GTlsCertificate) certificate = NULL;
  BkOutboxHttp *self;

  if (tls_ca != NULL && (database = g_tls_file_database_new (tls_ca, error)) == NULL)
    return NULL;
  if (client_certificate != NULL &&
      (certificate = g_tls_certificate_new_from_files (client_certificate, client_key, error)) == NULL)
    return NULL;

  self = g_new0 (BkOutboxHttp, 1);
  self->session = soup_session_new_with_options ("user-agent", "Buergerkiosk/" PACKAGE_VERSION,
                                                 "timeout", timeout,
                                                 "idle-timeout", 60,
                                                 "max-conns-per-host", 2,
                                                 NULL);
  if (proxy != NULL)
    soup_session_set_proxy_resolver (self->session, proxy);
  else
    {
      g_autoptr(GProxyResolver) direct = g_simple_proxy_resolver_new (NULL, NULL);

      soup_session_set_proxy_resolver (self->session, direct);
    }
  if (database != NULL)
    soup_session_set_tls_database (self->session, database);
  self->client_certificate = g_steal_pointer (&certificate);
  return self;
}

void
bk_outbox_http_free (BkOutboxHttp *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->session);
  g_clear_object (&self->client_certificate);
  g_free (self);
}

gboolean
bk_outbox_http_ready (BkOutboxHttp     *http,
                      const GError     *why,
                      BkDeliveryResult *result)
{
  if (http != NULL)
    return TRUE;
  result->route_wide = TRUE;
  bk_delivery_result_set (result, BK_DELIVERY_RETRY, BK_PROBLEM_TLS, "%s", why ? why->message : "unusable");
  return FALSE;
}

/* Retry-After (RFC 9110 §10.2.3): seconds or an HTTP date. */
static gint64
parse_retry_after (const char *value)
{
  guint64 seconds;

  if (value == NULL)
    return 0;
  if (g_ascii_string_to_unsigned (value, 10, 0, 7 * 24 * 3600, &seconds, NULL))
    return (gint64) seconds * 1000;
  {
    g_autoptr(GDateTime) when = soup_date_time_new_from_http_string (value);
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

    if (when == NULL)
      return 0;
    return MAX (g_date_time_difference (when, now) / 1000, 0);
  }
}

/* No Nagle; and the client certificate goes onto the TLS connection itself
 * before its handshake. libsoup's own way (a certificate on the message) answers the
 * server's request through a TLS interaction run on the session's main
 * context, which no one iterates during a blocking send on this thread. */
static void
network_event_cb (SoupMessage        *message,
                  GSocketClientEvent  event,
                  GIOStream          *connection,
                  BkOutboxHttp       *self)
{
  /* A request's small JSON body goes out with its head, not after a wait
   * for the server's delayed ACK (Nagle): 40 ms per request otherwise. */
  if (event == G_SOCKET_CLIENT_CONNECTED && G_IS_SOCKET_CONNECTION (connection))
    g_socket_set_option (g_socket_connection_get_socket (G_SOCKET_CONNECTION (connection)),
                         IPPROTO_TCP, TCP_NODELAY, 1, NULL);
  if (event == G_SOCKET_CLIENT_TLS_HANDSHAKING && G_IS_TLS_CONNECTION (connection) &&
      self->client_certificate != NULL)
    g_tls_connection_set_certificate (G_TLS_CONNECTION (connection), self->client_certificate);
}

void
bk_outbox_http_request (BkOutboxHttp          *self,
                        const char            *method,
                        const char            *url,
                        const char           **headers,
                        const char            *content_type,
                        GBytes                *body,
                        GCancellable          *cancellable,
                        BkOutboxHttpResponse  *response)
{
  g_autoptr(SoupMessage) message = soup_message_new (method, url);
  SoupMessageHeaders *request_headers;
  SoupMessageHeaders *response_headers;
  const char *type;
  gint64 start;

  bk_outbox_http_response_clear (response);
  if (message == NULL)
    {
      g_set_error (&response->error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "not a valid address: %s", url);
      return;
    }
  request_headers = soup_message_get_request_headers (message);
  soup_message_headers_replace (request_headers, "Accept", "application/json, application/problem+json");
  for (guint i = 0; headers != NULL && headers[i] != NULL && headers[i + 1] != NULL; i += 2)
    soup_message_headers_replace (request_headers, headers[i], headers[i + 1]);
  if (body != NULL)
    soup_message_set_request_body_from_bytes (message, content_type, body);
  g_signal_connect (message, "network-event", G_CALLBACK (network_event_cb), self);

  start = g_get_monotonic_time ();
  response->body = soup_session_send_and_read (self->session, message, cancellable, &response->error);
  g_debug ("%s %s: %u in %.1f ms", method, url, soup_message_get_status (message),
           (g_get_monotonic_time () - start) / 1000.0);
  if (response->body == NULL)
    return;
  response->status = soup_message_get_status (message);
  response_headers = soup_message_get_response_headers (message);
  type = soup_message_headers_get_content_type (response_headers, NULL);
  response->content_type = g_strdup (type);
  response->retry_after = parse_retry_after (soup_message_headers_get_one (response_headers, "Retry-After"));
}

JsonObject *
bk_outbox_http_dup_json (BkOutboxHttpResponse *response)
{
  g_autoptr(JsonParser) parser = NULL;
  JsonNode *root;

  /* a server's answer is read with the depth and UTF-8 checks of the file
   * importer: json-glib recurses, so deep nesting would end the worker */
  if (response->body == NULL ||
      (parser = bk_json_parse (g_bytes_get_data (response->body, NULL),
                               g_bytes_get_size (response->body), "response", NULL)) == NULL ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  return json_object_ref (json_node_get_object (root));
}

/* A problem detail (RFC 7807) in a few words: its title and detail. */
static char *
problem_detail (BkOutboxHttpResponse *response)
{
  g_autoptr(JsonObject) problem = bk_outbox_http_dup_json (response);
  const char *title, *detail;

  if (problem == NULL)
    return NULL;
  title = bk_json_get_string (problem, "title", NULL);
  detail = bk_json_get_string (problem, "detail", NULL);
  if (title != NULL && detail != NULL)
    return g_strdup_printf ("%s (%s)", title, detail);
  return g_strdup (title ? title : detail);
}

void
bk_outbox_http_classify (BkOutboxHttpResponse *response,
                         const char           *what,
                         BkDeliveryResult     *result)
{
  g_autofree char *detail = NULL;

  result->route_wide = TRUE;
  result->retry_after = 0;
  if (response->status == 0)
    {
      GError *error = response->error;

      if (error != NULL && error->domain == G_TLS_ERROR)
        bk_delivery_result_set (result, BK_DELIVERY_RETRY, BK_PROBLEM_TLS, "%s: %s", what, error->message);
      else if (error != NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
        bk_delivery_result_set (result, BK_DELIVERY_RETRY, BK_PROBLEM_TIMEOUT, "%s: %s", what, error->message);
      else
        bk_delivery_result_set (result, BK_DELIVERY_RETRY, BK_PROBLEM_UNREACHABLE, "%s: %s", what,
                                error ? error->message : "no answer");
      return;
    }
  detail = problem_detail (response);
  if (response->status == 429 || (response->status == 503 && response->retry_after > 0))
    {
      result->retry_after = response->retry_after;
      bk_delivery_result_set (result, BK_DELIVERY_RETRY, BK_PROBLEM_BUSY, "%s: HTTP %u, retry after %" G_GINT64_FORMAT " s",
                              what, response->status, response->retry_after / 1000);
    }
  else if (response->status >= 500 || response->status == 408)
    bk_delivery_result_set (result, BK_DELIVERY_RETRY, BK_PROBLEM_SERVER, "%s: HTTP %u%s%s", what,
                            response->status, detail ? ", " : "", detail ? detail : "");
  else if (response->status == 401 || response->status == 403)
    /* Credentials are the deployment's: every entry waits until they are fixed. */
    bk_delivery_result_set (result, BK_DELIVERY_RETRY, BK_PROBLEM_LOGIN, "%s: HTTP %u%s%s", what,
                            response->status, detail ? ", " : "", detail ? detail : "");
  else
    {
      /* The destination refused this one request: the next entry may pass. */
      result->route_wide = FALSE;
      bk_delivery_result_set (result, BK_DELIVERY_FAILED, BK_PROBLEM_REFUSED, "%s: HTTP %u%s%s", what,
                              response->status, detail ? ", " : "", detail ? detail : "");
    }
}

/* ---- sealing for the destination ----------------------------------------- */

gboolean
_bk_transport_reseal (BkOutboxEntry     *entry,
                      BkJoseKey         *key,
                      BkDeliveryContext *context,
                      BkDeliveryResult  *result)
{
  g_autoptr(BkBundle) bundle = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sealed = NULL;
  char *previous_bundle, *previous_kid;

  if (g_strcmp0 (entry->sealed_for, bk_jose_key_get_kid (key)) == 0)
    return TRUE;
  if (context->kiosk_key == NULL ||
      g_strcmp0 (entry->sealed_for, bk_jose_key_get_kid (context->kiosk_key)) != 0)
    {
      result->route_wide = FALSE;
      bk_delivery_result_set (result, BK_DELIVERY_FAILED, BK_PROBLEM_KEY_GONE,
                              "sealed for the key %s; the destination's key is now %s",
                              entry->sealed_for, bk_jose_key_get_kid (key));
      return FALSE;
    }
  /* Sealed for the kiosk's own key because the destination's was not
   * known at the time: open it here, in memory, and seal it for them. */
  if ((bundle = bk_bundle_parse (entry->bundle, &error)) == NULL ||
      !bk_bundle_open (bundle, context->kiosk_key, &error) ||
      (sealed = bk_bundle_seal (bundle, key, &error)) == NULL)
    {
      result->route_wide = FALSE;
      bk_delivery_result_set (result, BK_DELIVERY_FAILED, BK_PROBLEM_LOCAL, "cannot seal the bundle anew: %s",
                              error->message);
      return FALSE;
    }
  previous_bundle = entry->bundle;
  previous_kid = entry->sealed_for;
  entry->bundle = g_steal_pointer (&sealed);
  entry->sealed_for = g_strdup (bk_jose_key_get_kid (key));
  entry->bundle_changed = TRUE;
  if (!context->checkpoint (entry, context->checkpoint_data))
    {
      g_free (entry->bundle);
      g_free (entry->sealed_for);
      entry->bundle = previous_bundle;
      entry->sealed_for = previous_kid;
      result->route_wide = TRUE;
      bk_delivery_result_set (result, BK_DELIVERY_RETRY, BK_PROBLEM_LOCAL, "cannot keep the bundle sealed anew");
      return FALSE;
    }
  g_free (previous_bundle);
  g_free (previous_kid);
  return TRUE;
}
