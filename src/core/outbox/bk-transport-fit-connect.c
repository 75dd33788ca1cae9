/* bk-transport-fit-connect.c: the FIT-Connect sender
 *
 * Submission API v1, as docs.fitko.de/fit-connect describes the sender
 * (README, "FIT-Connect: which API"):
 *
 *   POST {token-url}                                   OAuth client credentials
 *   GET  /v1/destinations/{destinationId}              → encryptionKid
 *   GET  /v1/destinations/{destinationId}/keys/{kid}   → the JWK (wrapKey, x5c)
 *   POST /v1/submissions                               announce → submissionId, caseId
 *   PUT  /v1/submissions/{id}/attachments/{aid}        the receipt PDF (JWE)
 *   PUT  /v1/submissions/{id}                          encryptedMetadata, encryptedData
 *   GET  /v1/cases/{caseId}/events                     signed status events (SET, PS512)
 *
 * The token is kept until a minute before it expires; a 401 fetches a new
 * one once. The destination's key is believed only after its use, size and
 * certificate chain (to the configured trust anchor) are checked. The
 * submissionId is kept (checkpoint) before anything is uploaded, so that
 * after a crash the same submission is completed, or found submitted,
 * instead of a second one being made; the announcement carries the entry's
 * idempotency key in an Idempotency-Key header as well.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-outbox"

#include <string.h>

#include "bk-json.h"
#include "bk-outbox-bundle.h"
#include "bk-transport-private.h"

#define EVENT_PREFIX   "https://schema.fitko.de/fit-connect/events/"
#define EVENT_SUBMIT   EVENT_PREFIX "submit-submission"
#define EVENT_ACCEPT   EVENT_PREFIX "accept-submission"
#define EVENT_REJECT   EVENT_PREFIX "reject-submission"
/* A token is renewed this long before it expires. */
#define TOKEN_MARGIN_MS (60 * 1000)
/* A destination's key is asked for again after this long. */
#define KEY_MAX_AGE_MS  (60 * 60 * 1000)

struct _BkFitConnectTransport
{
  GObject            parent_instance;

  BkTransportConfig *config;
  BkOutboxHttp      *http;
  GError            *http_error;     /* the session could not be made (CA file) */
  char              *token;
  gint64             token_expires;  /* ms, by the worker's clock */
  GHashTable        *keys;           /* route name → CachedKey */
  GHashTable        *signers;        /* "iss kid" → BkJoseKey (event signature keys) */
};

typedef struct {
  BkJoseKey *key;
  gint64     fetched;
} CachedKey;

static void transport_iface_init (BkTransportInterface *iface);

G_DECLARE_FINAL_TYPE (BkFitConnectTransport, bk_fit_connect_transport, BK, FIT_CONNECT_TRANSPORT, GObject)
G_DEFINE_FINAL_TYPE_WITH_CODE (BkFitConnectTransport, bk_fit_connect_transport, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (BK_TYPE_TRANSPORT, transport_iface_init))

static void
cached_key_free (CachedKey *cached)
{
  bk_jose_key_unref (cached->key);
  g_free (cached);
}

static void
bk_fit_connect_transport_finalize (GObject *object)
{
  BkFitConnectTransport *self = BK_FIT_CONNECT_TRANSPORT (object);

  bk_outbox_http_free (self->http);
  g_clear_error (&self->http_error);
  g_free (self->token);
  g_hash_table_unref (self->keys);
  g_hash_table_unref (self->signers);
  G_OBJECT_CLASS (bk_fit_connect_transport_parent_class)->finalize (object);
}

static void
bk_fit_connect_transport_class_init (BkFitConnectTransportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bk_fit_connect_transport_finalize;
}

static void
bk_fit_connect_transport_init (BkFitConnectTransport *self)
{
  self->keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) cached_key_free);
  self->signers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) bk_jose_key_unref);
}

BkTransport *
_bk_fit_connect_transport_new (BkTransportConfig *config,
                               guint              timeout,
                               GProxyResolver    *proxy)
{
  BkFitConnectTransport *self = g_object_new (bk_fit_connect_transport_get_type (), NULL);

  self->config = config;
  self->http = bk_outbox_http_new (config->tls_ca, NULL, NULL, timeout, proxy, &self->http_error);
  return BK_TRANSPORT (self);
}

/* ---- requests ------------------------------------------------------------ */

static gboolean
fetch_token (BkFitConnectTransport *self,
             BkDeliveryContext     *context,
             BkDeliveryResult      *result)
{
  g_auto(BkOutboxHttpResponse) response = { 0 };
  g_autoptr(JsonObject) answer = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autofree char *id = g_uri_escape_string (self->config->client_id, NULL, FALSE);
  g_autofree char *secret = g_uri_escape_string (self->config->client_secret, NULL, FALSE);
  const char *token;
  gint64 expires_in;

  /* No explicit scope: FIT-Connect gives a sender client its own. */
  {
    char *text = g_strdup_printf ("grant_type=client_credentials&client_id=%s&client_secret=%s", id, secret);

    body = g_bytes_new_take (text, strlen (text));
  }
  explicit_bzero (secret, strlen (secret));
  bk_outbox_http_request (self->http, "POST", self->config->token_url, NULL,
                          "application/x-www-form-urlencoded", body, context->cancellable, &response);
  if (response.status != 200)
    {
      bk_outbox_http_classify (&response, "token", result);
      if (response.status == 400 || response.status == 401)
        bk_delivery_result_set (result, BK_DELIVERY_RETRY, BK_PROBLEM_LOGIN, "token: HTTP %u: the client id "
                                "or secret was not accepted", response.status);
      return FALSE;
    }
  answer = bk_outbox_http_dup_json (&response);
  token = answer ? bk_json_get_string (answer, "access_token", NULL) : NULL;
  if (token == NULL)
    {
      result->route_wide = TRUE;
      bk_delivery_result_set (result, BK_DELIVERY_RETRY, BK_PROBLEM_PROTOCOL, "token: no access_token");
      return FALSE;
    }
  expires_in = bk_json_get_int (answer, "expires_in", 300);
  g_free (self->token);
  self->token = g_strdup (token);
  self->token_expires = context->now + expires_in * 1000;
  return TRUE;
}

/* A call to the Submission API with the token; a rejected token is renewed
 * once (it may have expired early). FALSE when no token could be had
 * (result says why); else response holds the answer, or why none came. */
static gboolean
api (BkFitConnectTransport *self,
     const char            *method,
     const char            *path,
     const char            *content_type,
     GBytes                *body,
     const char            *idempotency_key,
     BkDeliveryContext     *context,
     BkOutboxHttpResponse  *response,
     BkDeliveryResult      *result)
{
  g_autofree char *url = g_strconcat (self->config->submission_api, path, NULL);

  for (guint tries = 0; tries < 2; tries++)
    {
      g_autofree char *authorization = NULL;
      const char *headers[5] = { NULL };

      if ((self->token == NULL || context->now + TOKEN_MARGIN_MS >= self->token_expires) &&
          !fetch_token (self, context, result))
        {
          bk_outbox_http_response_clear (response);
          return FALSE;
        }
      authorization = g_strdup_printf ("Bearer %s", self->token);
      headers[0] = "Authorization";
      headers[1] = authorization;
      if (idempotency_key != NULL)
        {
          headers[2] = "Idempotency-Key";
          headers[3] = idempotency_key;
        }
      bk_outbox_http_request (self->http, method, url, headers, content_type, body, context->cancellable, response);
      if (response->status != 401)
        return TRUE;
      g_clear_pointer (&self->token, g_free);
    }
  return TRUE;
}

static GBytes *
json_body (JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  char *text = json_to_string (root, FALSE);

  return g_bytes_new_take (text, strlen (text));
}

/* ---- the destination and its key ------------------------------------------ */

static JsonObject *
fetch_object (BkFitConnectTransport *self,
              const char            *path,
              const char            *what,
              BkDeliveryContext     *context,
              BkDeliveryResult      *result)
{
  g_auto(BkOutboxHttpResponse) response = { 0 };
  JsonObject *object;

  if (!api (self, "GET", path, NULL, NULL, NULL, context, &response, result))
    return NULL;
  if (response.status != 200)
    {
      bk_outbox_http_classify (&response, what, result);
      return NULL;
    }
  object = bk_outbox_http_dup_json (&response);
  if (object == NULL)
    {
      result->route_wide = TRUE;
      bk_delivery_result_set (result, BK_DELIVERY_RETRY, BK_PROBLEM_PROTOCOL, "%s: not JSON", what);
    }
  return object;
}

/* A key of the destination, fetched and checked: its use, its size and its
 * certificate chain up to the trust anchor. */
static BkJoseKey *
fetch_key (BkFitConnectTransport *self,
           const BkRoute         *route,
           const char            *kid,
           BkJoseUse              use,
           char                 **jwk_text,
           BkDeliveryContext     *context,
           BkDeliveryResult      *result)
{
  g_autofree char *escaped = g_uri_escape_string (kid, NULL, FALSE);
  g_autofree char *path = g_strdup_printf ("/v1/destinations/%s/keys/%s", route->destination_id, escaped);
  g_autoptr(JsonObject) jwk = fetch_object (self, path, "destination key", context, result);
  g_autoptr(BkJoseKey) key = NULL;
  g_autoptr(GError) error = NULL;

  if (jwk == NULL)
    return NULL;
  if ((key = bk_jose_key_new_from_jwk (jwk, use, BK_FIT_CONNECT_MIN_KEY_BITS, &error)) == NULL ||
      !bk_jose_key_check_chain (key, jwk, self->config->trust_anchor, use, context->now / 1000, &error))
    {
      /* The destination must fix it (or staff the trust anchor): every
       * entry of the route waits. */
      result->route_wide = TRUE;
      bk_delivery_result_set (result, BK_DELIVERY_RETRY, BK_PROBLEM_KEY, "%s: %s", kid, error->message);
      return NULL;
    }
  if (g_strcmp0 (bk_jose_key_get_kid (key), kid) != 0)
    {
      result->route_wide = TRUE;
      bk_delivery_result_set (result, BK_DELIVERY_RETRY, BK_PROBLEM_KEY, "asked for the key %s, got %s",
                              kid, bk_jose_key_get_kid (key));
      return NULL;
    }
  if (jwk_text != NULL)
    {
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

      json_node_set_object (node, jwk);
      *jwk_text = json_to_string (node, FALSE);
    }
  return g_steal_pointer (&key);
}

/* The destination's current encryption key (cached for an hour). */
static BkJoseKey *
destination_key (BkFitConnectTransport *self,
                 const BkRoute         *route,
                 BkDeliveryContext     *context,
                 BkDeliveryResult      *result)
{
  CachedKey *cached = g_hash_table_lookup (self->keys, route->name);
  g_autofree char *path = NULL;
  g_autoptr(JsonObject) destination = NULL;
  g_autofree char *jwk = NULL;
  const char *kid, *status;
  BkJoseKey *key;

  if (cached != NULL && context->now - cached->fetched < KEY_MAX_AGE_MS)
    return bk_jose_key_ref (cached->key);

  path = g_strdup_printf ("/v1/destinations/%s", route->destination_id);
  destination = fetch_object (self, path, "destination", context, result);
  if (destination == NULL)
    return NULL;
  status = bk_json_get_string (destination, "status", "active");
  kid = bk_json_get_string (destination, "encryptionKid", NULL);
  if (g_strcmp0 (status, "active") != 0 || kid == NULL)
    {
      result->route_wide = TRUE;
      bk_delivery_result_set (result, BK_DELIVERY_RETRY, BK_PROBLEM_REFUSED,
                              "destination %s is %s%s", route->destination_id, status,
                              kid ? "" : " and names no encryption key");
      return NULL;
    }
  key = fetch_key (self, route, kid, BK_JOSE_USE_ENCRYPT, &jwk, context, result);
  if (key == NULL)
    return NULL;
  cached = g_new0 (CachedKey, 1);
  cached->key = bk_jose_key_ref (key);
  cached->fetched = context->now;
  g_hash_table_replace (self->keys, g_strdup (route->name), cached);
  if (context->key_checked != NULL)
    context->key_checked (route->name, key, jwk, context->key_checked_data);
  return key;
}

/* ---- events ---------------------------------------------------------------- */

/* The key a status event was signed with: the Submission API's own (its
 * JWKS) when it was issued by the service, the destination's signature key
 * (checked like its encryption key) when by the receiver. */
static BkJoseKey *
signer_key (BkFitConnectTransport *self,
            const BkRoute         *route,
            const char            *issuer,
            const char            *kid,
            BkDeliveryContext     *context,
            BkDeliveryResult      *result)
{
  g_autofree char *id = g_strdup_printf ("%s %s", issuer, kid);
  BkJoseKey *key = g_hash_table_lookup (self->signers, id);

  if (key != NULL)
    return bk_jose_key_ref (key);
  if (g_str_has_prefix (issuer, "http"))
    {
      g_autoptr(JsonObject) jwks = fetch_object (self, "/.well-known/jwks.json", "jwks", context, result);
      JsonArray *keys = jwks ? bk_json_get_array (jwks, "keys") : NULL;

      for (guint i = 0; keys != NULL && i < json_array_get_length (keys); i++)
        {
          JsonNode *node = json_array_get_element (keys, i);
          JsonObject *jwk = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;

          if (jwk != NULL && g_strcmp0 (bk_json_get_string (jwk, "kid", NULL), kid) == 0)
            key = bk_jose_key_new_from_jwk (jwk, BK_JOSE_USE_VERIFY, 2048, NULL);
        }
    }
  else if (g_strcmp0 (issuer, route->destination_id) == 0)
    key = fetch_key (self, route, kid, BK_JOSE_USE_VERIFY, NULL, context, result);
  if (key != NULL)
    g_hash_table_replace (self->signers, g_steal_pointer (&id), bk_jose_key_ref (key));
  return key;
}

typedef BkFitConnectSeen Seen;
#define SEEN_NOTHING BK_FIT_CONNECT_SEEN_NOTHING
#define SEEN_SUBMIT  BK_FIT_CONNECT_SEEN_SUBMIT
#define SEEN_ACCEPT  BK_FIT_CONNECT_SEEN_ACCEPT
#define SEEN_REJECT  BK_FIT_CONNECT_SEEN_REJECT

BkFitConnectSeen
_bk_fit_connect_read_claims (GBytes     *payload,
                             const char *subject,
                             char      **problems)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GList) names = NULL;
  JsonObject *claims, *events;
  JsonNode *root;
  Seen seen = SEEN_NOTHING;

  if ((parser = bk_json_parse (g_bytes_get_data (payload, NULL), g_bytes_get_size (payload),
                               "event", NULL)) == NULL ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return SEEN_NOTHING;
  claims = json_node_get_object (root);
  if (g_strcmp0 (bk_json_get_string (claims, "sub", NULL), subject) != 0)
    return SEEN_NOTHING;
  events = bk_json_get_object (claims, "events");
  names = events ? json_object_get_members (events) : NULL;
  for (GList *l = names; l != NULL; l = l->next)
    {
      if (g_str_equal (l->data, EVENT_ACCEPT))
        seen = SEEN_ACCEPT;
      else if (g_str_equal (l->data, EVENT_REJECT))
        {
          JsonObject *detail = bk_json_get_object (events, l->data);
          JsonArray *list = detail ? bk_json_get_array (detail, "problems") : NULL;
          GString *text = g_string_new (NULL);

          for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
            {
              JsonNode *node = json_array_get_element (list, i);
              JsonObject *problem = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;

              if (problem == NULL)
                continue;
              if (text->len > 0)
                g_string_append (text, "; ");
              g_string_append (text, bk_json_get_string (problem, "title", "?"));
              if (json_object_has_member (problem, "detail"))
                g_string_append_printf (text, " (%s)", bk_json_get_string (problem, "detail", ""));
            }
          g_free (*problems);
          *problems = g_string_free (text, FALSE);
          seen = SEEN_REJECT;
        }
      else if (g_str_equal (l->data, EVENT_SUBMIT) && seen == SEEN_NOTHING)
        seen = SEEN_SUBMIT;
    }
  return seen;
}

/* One event of the log: its signature, its subject, what it says. An event
 * whose signature does not hold is not believed. */
static Seen
read_event (BkFitConnectTransport *self,
            const BkRoute         *route,
            BkOutboxEntry         *entry,
            const char            *token,
            BkDeliveryContext     *context,
            BkDeliveryResult      *result,
            char                 **problems)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) header = bk_jose_dup_header (token, &error);
  g_autoptr(BkJoseKey) key = NULL;
  g_autoptr(GBytes) payload = NULL;
  g_autofree char *subject = g_strdup_printf ("submission:%s", entry->remote_id);
  const char *kid, *issuer;

  kid = header ? bk_json_get_string (header, "kid", NULL) : NULL;
  if (kid == NULL)
    {
      bk_delivery_result_set (result, BK_DELIVERY_WAITING, BK_PROBLEM_SIGNATURE, "an event without a key id");
      return SEEN_NOTHING;
    }
  /* The issuer is read before the signature is checked only to find the
   * key; nothing else of the payload counts until then. */
  {
    const char *dot1 = strchr (token, '.');
    const char *dot2 = dot1 ? strchr (dot1 + 1, '.') : NULL;
    g_autoptr(GBytes) unverified = dot2 ? bk_base64url_decode (dot1 + 1, dot2 - dot1 - 1, NULL) : NULL;
    g_autoptr(JsonParser) peek = NULL;
    JsonNode *peek_root;

    if (unverified == NULL ||
        (peek = bk_json_parse (g_bytes_get_data (unverified, NULL), g_bytes_get_size (unverified),
                               "event", NULL)) == NULL ||
        (peek_root = json_parser_get_root (peek)) == NULL || !JSON_NODE_HOLDS_OBJECT (peek_root))
      {
        bk_delivery_result_set (result, BK_DELIVERY_WAITING, BK_PROBLEM_PROTOCOL, "an event that is not JSON");
        return SEEN_NOTHING;
      }
    issuer = bk_json_get_string (json_node_get_object (peek_root), "iss", "");
    key = signer_key (self, route, issuer, kid, context, result);
  }
  if (key == NULL)
    {
      if (result->problem == NULL)
        bk_delivery_result_set (result, BK_DELIVERY_WAITING, BK_PROBLEM_SIGNATURE,
                                "no key %s of the issuer of an event", kid);
      return SEEN_NOTHING;
    }
  if (!bk_jws_verify (token, key, &payload, &error))
    {
      bk_delivery_result_set (result, BK_DELIVERY_WAITING, BK_PROBLEM_SIGNATURE, "%s", error->message);
      return SEEN_NOTHING;
    }
  return _bk_fit_connect_read_claims (payload, subject, problems);
}

/* The case's event log, as far as it concerns this submission. */
static Seen
read_events (BkFitConnectTransport *self,
             const BkRoute         *route,
             BkOutboxEntry         *entry,
             BkDeliveryContext     *context,
             BkDeliveryResult      *result,
             char                 **problems)
{
  g_autofree char *path = g_strdup_printf ("/v1/cases/%s/events", entry->case_id);
  g_autoptr(JsonObject) log = fetch_object (self, path, "events", context, result);
  JsonArray *tokens;
  Seen seen = SEEN_NOTHING;

  if (log == NULL)
    return SEEN_NOTHING;
  tokens = bk_json_get_array (log, "eventLog");
  for (guint i = 0; tokens != NULL && i < json_array_get_length (tokens); i++)
    {
      JsonNode *node = json_array_get_element (tokens, i);
      const char *token = JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
                          ? json_node_get_string (node) : NULL;
      Seen event = token ? read_event (self, route, entry, token, context, result, problems) : SEEN_NOTHING;

      /* An answer outranks the "submitted" of the service. */
      if (event > seen)
        seen = event;
    }
  return seen;
}

/* ---- delivery -------------------------------------------------------------- */

/* Announce: the destination, the attachments' ids, the service. */
static gboolean
announce (BkFitConnectTransport *self,
          const BkRoute         *route,
          BkOutboxEntry         *entry,
          BkBundle              *bundle,
          BkDeliveryContext     *context,
          BkDeliveryResult      *result)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GBytes) body = NULL;
  g_auto(BkOutboxHttpResponse) response = { 0 };
  g_autoptr(JsonObject) answer = NULL;
  const char *submission_id, *case_id;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "destinationId");
  json_builder_add_string_value (builder, route->destination_id);
  json_builder_set_member_name (builder, "announcedAttachments");
  json_builder_begin_array (builder);
  for (guint i = 0; i < bundle->attachments->len; i++)
    json_builder_add_string_value (builder, ((BkBundlePart *) g_ptr_array_index (bundle->attachments, i))->id);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "serviceType");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, bundle->service_name ? bundle->service_name : bundle->kind);
  json_builder_set_member_name (builder, "identifier");
  json_builder_add_string_value (builder, bundle->service_identifier);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  body = json_body (builder);

  if (!api (self, "POST", "/v1/submissions", "application/json", body, entry->idempotency_key, context,
            &response, result))
    return FALSE;
  if (response.status != 200 && response.status != 201)
    {
      bk_outbox_http_classify (&response, "announce", result);
      return FALSE;
    }
  answer = bk_outbox_http_dup_json (&response);
  submission_id = answer ? bk_json_get_string (answer, "submissionId", NULL) : NULL;
  case_id = answer ? bk_json_get_string (answer, "caseId", NULL) : NULL;
  if (submission_id == NULL || case_id == NULL)
    {
      result->route_wide = TRUE;
      bk_delivery_result_set (result, BK_DELIVERY_RETRY, BK_PROBLEM_PROTOCOL, "announce: no submissionId or caseId");
      return FALSE;
    }
  g_free (entry->remote_id);
  g_free (entry->case_id);
  entry->remote_id = g_strdup (submission_id);
  entry->case_id = g_strdup (case_id);
  /* Kept before anything is uploaded: a crash from here on completes this
   * submission instead of announcing another. */
  if (!context->checkpoint (entry, context->checkpoint_data))
    {
      result->route_wide = TRUE;
      bk_delivery_result_set (result, BK_DELIVERY_RETRY, BK_PROBLEM_LOCAL, "cannot keep the submission id");
      return FALSE;
    }
  return TRUE;
}

static gboolean
upload (BkFitConnectTransport *self,
        BkOutboxEntry         *entry,
        BkBundle              *bundle,
        BkDeliveryContext     *context,
        BkDeliveryResult      *result)
{
  for (guint i = 0; i < bundle->attachments->len; i++)
    {
      BkBundlePart *part = g_ptr_array_index (bundle->attachments, i);
      g_autofree char *path = g_strdup_printf ("/v1/submissions/%s/attachments/%s", entry->remote_id, part->id);
      g_autoptr(GBytes) body = g_bytes_new_static (part->jwe, strlen (part->jwe));
      g_auto(BkOutboxHttpResponse) response = { 0 };

      if (!api (self, "PUT", path, "application/jose", body, NULL, context, &response, result))
        return FALSE;
      if (response.status != 204 && response.status != 200)
        {
          bk_outbox_http_classify (&response, "upload", result);
          return FALSE;
        }
    }
  return TRUE;
}

/* Submit: returns TRUE when the submission is submitted now (or was). */
static gboolean
submit (BkFitConnectTransport *self,
        const BkRoute         *route,
        BkOutboxEntry         *entry,
        BkBundle              *bundle,
        BkDeliveryContext     *context,
        BkDeliveryResult      *result)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GBytes) body = NULL;
  g_autofree char *path = g_strdup_printf ("/v1/submissions/%s", entry->remote_id);
  g_auto(BkOutboxHttpResponse) response = { 0 };

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "encryptedMetadata");
  json_builder_add_string_value (builder, bundle->metadata_jwe);
  json_builder_set_member_name (builder, "encryptedData");
  json_builder_add_string_value (builder, bundle->data_jwe);
  json_builder_end_object (builder);
  body = json_body (builder);

  if (!api (self, "PUT", path, "application/json", body, NULL, context, &response, result))
    return FALSE;
  if (response.status == 200 || response.status == 202 || response.status == 204)
    return TRUE;
  /* Submitted before a crash: the service refuses it as not incomplete
   * any more; its event log says so. */
  if (response.status == 409 || response.status == 422)
    {
      g_autofree char *problems = NULL;
      BkDeliveryResult probe = { 0 };
      Seen seen = read_events (self, route, entry, context, &probe, &problems);

      bk_delivery_result_clear (&probe);
      if (seen != SEEN_NOTHING)
        return TRUE;
    }
  bk_outbox_http_classify (&response, "submit", result);
  return FALSE;
}

static void
fit_connect_deliver (BkTransport        *transport,
                     const BkRoute      *route,
                     BkOutboxEntry      *entry,
                     BkDeliveryContext  *context,
                     BkDeliveryResult   *result)
{
  BkFitConnectTransport *self = BK_FIT_CONNECT_TRANSPORT (transport);
  g_autoptr(BkJoseKey) key = NULL;
  g_autoptr(BkBundle) bundle = NULL;
  g_autoptr(GError) error = NULL;

  if (!bk_outbox_http_ready (self->http, self->http_error, result))
    return;
  if (entry->bundle == NULL)
    {
      bk_delivery_result_set (result, BK_DELIVERY_FAILED, BK_PROBLEM_LOCAL, "the bundle is gone");
      return;
    }
  if ((key = destination_key (self, route, context, result)) == NULL)
    return;
  /* Sealed for an older key of the destination: sent as it is while the
   * destination still lists that key (it keeps old keys to decrypt). */
  if (g_strcmp0 (entry->sealed_for, bk_jose_key_get_kid (key)) != 0 &&
      (context->kiosk_key == NULL ||
       g_strcmp0 (entry->sealed_for, bk_jose_key_get_kid (context->kiosk_key)) != 0))
    {
      BkDeliveryResult probe = { 0 };
      g_autoptr(BkJoseKey) old = fetch_key (self, route, entry->sealed_for, BK_JOSE_USE_ENCRYPT, NULL, context, &probe);

      bk_delivery_result_clear (&probe);
      if (old != NULL)
        {
          bk_jose_key_unref (key);
          key = g_steal_pointer (&old);
        }
    }
  if (!_bk_transport_reseal (entry, key, context, result))
    return;
  if ((bundle = bk_bundle_parse (entry->bundle, &error)) == NULL)
    {
      bk_delivery_result_set (result, BK_DELIVERY_FAILED, BK_PROBLEM_LOCAL, "%s", error->message);
      return;
    }
  if (bundle->service_identifier == NULL)
    {
      bk_delivery_result_set (result, BK_DELIVERY_FAILED, BK_PROBLEM_CONFIG,
                              "no LeiKa key or service identifier for %s", route->name);
      return;
    }

  /* After a crash: the submission may be complete already. */
  if (entry->remote_id != NULL && entry->case_id != NULL)
    {
      g_autofree char *problems = NULL;
      BkDeliveryResult probe = { 0 };
      Seen seen = read_events (self, route, entry, context, &probe, &problems);
      gboolean unknown = probe.problem != NULL && strstr (probe.problem, "HTTP 404") != NULL;

      bk_delivery_result_clear (&probe);
      if (seen != SEEN_NOTHING)
        {
          bk_delivery_result_set (result, BK_DELIVERY_SUBMITTED, NULL, NULL);
          return;
        }
      /* An incomplete submission is deleted after a day: announce anew. */
      if (unknown)
        {
          g_clear_pointer (&entry->remote_id, g_free);
          g_clear_pointer (&entry->case_id, g_free);
        }
    }
  if (entry->remote_id == NULL && !announce (self, route, entry, bundle, context, result))
    return;
  if (!upload (self, entry, bundle, context, result) ||
      !submit (self, route, entry, bundle, context, result))
    return;
  bk_delivery_result_set (result, BK_DELIVERY_SUBMITTED, NULL, NULL);
}

static void
fit_connect_poll (BkTransport        *transport,
                  const BkRoute      *route,
                  BkOutboxEntry      *entry,
                  BkDeliveryContext  *context,
                  BkDeliveryResult   *result)
{
  BkFitConnectTransport *self = BK_FIT_CONNECT_TRANSPORT (transport);
  g_autofree char *problems = NULL;
  Seen seen;

  if (!bk_outbox_http_ready (self->http, self->http_error, result))
    return;
  if (entry->case_id == NULL)
    {
      bk_delivery_result_set (result, BK_DELIVERY_FAILED, BK_PROBLEM_LOCAL, "no case id to ask about");
      return;
    }
  seen = read_events (self, route, entry, context, result, &problems);
  if (seen == SEEN_ACCEPT)
    bk_delivery_result_set (result, BK_DELIVERY_ACCEPTED, NULL, NULL);
  else if (seen == SEEN_REJECT)
    bk_delivery_result_set (result, BK_DELIVERY_REJECTED, BK_PROBLEM_REJECTED, "%s",
                            problems && problems[0] ? problems : "no reason given");
  else if (result->outcome != BK_DELIVERY_RETRY)
    result->outcome = BK_DELIVERY_WAITING;
}

static void
transport_iface_init (BkTransportInterface *iface)
{
  iface->deliver = fit_connect_deliver;
  iface->poll = fit_connect_poll;
}
