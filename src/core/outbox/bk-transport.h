/* bk-transport.h: how a bundle reaches its destination: one interface,
 * two transports (FIT-Connect, an HTTPS form server)
 *
 * A transport runs on the delivery worker's thread only, and blocks: it is
 * handed one outbox entry at a time and says what became of it. It never
 * touches the database; what must be kept before it goes on (the id the
 * destination gave) it hands to the worker's checkpoint callback.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "bk-delivery-config.h"
#include "bk-jwe.h"
#include "bk-outbox-entry.h"

G_BEGIN_DECLS

typedef enum {
  BK_DELIVERY_SUBMITTED,   /* the destination has it; its answer comes later (poll) */
  BK_DELIVERY_ACCEPTED,    /* the authority accepted it */
  BK_DELIVERY_REJECTED,    /* the authority refused it */
  BK_DELIVERY_WAITING,     /* poll: no answer yet */
  BK_DELIVERY_RETRY,       /* not now: the server is away, busy or failing; try later */
  BK_DELIVERY_FAILED,      /* cannot be delivered without staff (a refusal, a key problem) */
} BkDeliveryOutcome;

/* Why a delivery did not work, as stored in BkOutboxEntry.last_error:
 * "CODE: detail", where CODE is one of these and the detail is technical
 * (not translated: the worker never calls gettext). bk_outbox_describe_error
 * () turns it into words for staff. */
#define BK_PROBLEM_UNREACHABLE      "unreachable"     /* connection refused, no route, name unknown */
#define BK_PROBLEM_TIMEOUT          "timeout"         /* the server did not answer in time */
#define BK_PROBLEM_TLS              "tls"             /* the secure connection failed (certificate) */
#define BK_PROBLEM_SERVER           "server-error"    /* HTTP 5xx */
#define BK_PROBLEM_BUSY             "busy"            /* HTTP 429 or 503 with Retry-After */
#define BK_PROBLEM_LOGIN            "login"           /* the OAuth login was refused */
#define BK_PROBLEM_KEY              "key-untrusted"   /* the destination's key failed a check */
#define BK_PROBLEM_KEY_GONE         "key-changed"     /* sealed for a key the destination no longer has */
#define BK_PROBLEM_REFUSED          "refused"         /* HTTP 4xx: the destination refused the request */
#define BK_PROBLEM_REJECTED         "rejected"        /* the authority rejected the submission */
#define BK_PROBLEM_SIGNATURE        "event-signature" /* a status event's signature is not valid */
#define BK_PROBLEM_PROTOCOL         "protocol"        /* an answer the kiosk does not understand */
#define BK_PROBLEM_CONFIG           "config"          /* the route is no longer configured */
#define BK_PROBLEM_LOCAL            "local"           /* the kiosk itself (database, key file) */
#define BK_PROBLEM_EXPIRED          "expired"         /* removed unsent after the retention period */

typedef struct {
  BkDeliveryOutcome  outcome;
  gint64             retry_after;   /* RETRY: not before this many ms (Retry-After); 0: backoff */
  gboolean           route_wide;    /* RETRY/FAILED: every entry of the route would fare the same */
  char              *problem;       /* "CODE: detail", or NULL */
} BkDeliveryResult;

void bk_delivery_result_clear (BkDeliveryResult  *self);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (BkDeliveryResult, bk_delivery_result_clear)
void bk_delivery_result_set   (BkDeliveryResult  *self,
                               BkDeliveryOutcome  outcome,
                               const char        *code,
                               const char        *format,
                               ...) G_GNUC_PRINTF (4, 5);

/* What the worker lends a transport for one call. */
typedef struct {
  GCancellable  *cancellable;
  /* The kiosk's own key: bundles sealed for it are opened here to be sealed
   * anew for the destination (or sent as JSON over mutual TLS). */
  BkJoseKey     *kiosk_key;
  /* Keeps what entry holds now (remote_id, case_id, bundle) before the
   * transport goes on; FALSE when it could not (then stop). */
  gboolean     (*checkpoint) (BkOutboxEntry *entry,
                              gpointer       data);
  gpointer       checkpoint_data;
  /* Caches a destination's checked key (the JWK as text) for sealing at
   * submission time; may be NULL. */
  void         (*key_checked) (const char *route,
                               BkJoseKey  *key,
                               const char *jwk,
                               gpointer    data);
  gpointer       key_checked_data;
  gint64         now;               /* the worker's clock, Unix ms */
} BkDeliveryContext;

#define BK_TYPE_TRANSPORT (bk_transport_get_type ())
G_DECLARE_INTERFACE (BkTransport, bk_transport, BK, TRANSPORT, GObject)

struct _BkTransportInterface
{
  GTypeInterface parent_iface;

  /* Sends entry (pending or sending) to route's destination. */
  void        (*deliver)  (BkTransport        *self,
                           const BkRoute      *route,
                           BkOutboxEntry      *entry,
                           BkDeliveryContext  *context,
                           BkDeliveryResult   *result);
  /* Asks for the answer to a submitted entry. */
  void        (*poll)     (BkTransport        *self,
                           const BkRoute      *route,
                           BkOutboxEntry      *entry,
                           BkDeliveryContext  *context,
                           BkDeliveryResult   *result);
};

void bk_transport_deliver (BkTransport        *self,
                           const BkRoute      *route,
                           BkOutboxEntry      *entry,
                           BkDeliveryContext  *context,
                           BkDeliveryResult   *result);
void bk_transport_poll    (BkTransport        *self,
                           const BkRoute      *route,
                           BkOutboxEntry      *entry,
                           BkDeliveryContext  *context,
                           BkDeliveryResult   *result);

/* The transport for a configured one; timeout in seconds. proxy decides
 * every connection (GSimpleProxyResolver: direct unless a proxy is set). */
BkTransport *bk_transport_new (BkTransportConfig *config,
                               guint              timeout,
                               GProxyResolver    *proxy);

/* ---- for the transports (bk-transport.c) ---------------------------------- */

typedef struct _BkOutboxHttp BkOutboxHttp;

typedef struct {
  guint        status;           /* 0 when no answer came */
  GBytes      *body;
  char        *content_type;
  gint64       retry_after;      /* ms, from Retry-After; 0 when none */
  GError      *error;            /* the connection failed (status 0) */
} BkOutboxHttpResponse;

void        bk_outbox_http_response_clear (BkOutboxHttpResponse *self);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (BkOutboxHttpResponse, bk_outbox_http_response_clear)

/* A session of its own per transport: its CA file (NULL: the system's),
 * an optional client certificate for mutual TLS, timeout in seconds, the
 * proxy resolver (NULL: direct; never GIO's default, see bk-outbox.c).
 * (Not the sync's BkHttp: one request at a time, the outbox's worker
 * decides about retries, and it speaks mutual TLS.) */
BkOutboxHttp *bk_outbox_http_new      (const char           *tls_ca,
                                       const char           *client_certificate,
                                       const char           *client_key,
                                       guint                 timeout,
                                       GProxyResolver       *proxy,
                                       GError              **error);
void        bk_outbox_http_free       (BkOutboxHttp         *self);
/* TRUE when http could be made; else result says why (the CA file or the
 * client certificate in why), for every entry of the route. */
gboolean    bk_outbox_http_ready      (BkOutboxHttp         *http,
                                       const GError         *why,
                                       BkDeliveryResult     *result);
/* One request; headers is NULL or a NULL-terminated list of name, value. */
void        bk_outbox_http_request    (BkOutboxHttp         *self,
                                       const char           *method,
                                       const char           *url,
                                       const char          **headers,
                                       const char           *content_type,
                                       GBytes               *body,
                                       GCancellable         *cancellable,
                                       BkOutboxHttpResponse *response);
/* Sets result from a failed or unexpected response: RETRY for the
 * connection, timeouts, 401, 403, 408, 429, 5xx (route-wide); FAILED for
 * the other 4xx (with the problem detail of RFC 7807 when there is one).
 * what names the step ("announce"). */
void        bk_outbox_http_classify   (BkOutboxHttpResponse *response,
                                       const char           *what,
                                       BkDeliveryResult     *result);
/* The response body as a JSON object, or NULL. */
JsonObject *bk_outbox_http_dup_json   (BkOutboxHttpResponse *response);

G_END_DECLS
