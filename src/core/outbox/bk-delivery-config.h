/* bk-delivery-config.h: where submissions go, read from the delivery file
 *
 * A key file (README, "Deployment: delivering submissions"): [delivery]
 * with the outbox's timings, one [transport NAME] per FIT-Connect sender
 * client or form server, and [service ID] / [form KIND] sections that say
 * which transport a service's (or a form's) submissions take, with the
 * FIT-Connect destination id and LeiKa key. Secrets (the client secret, a
 * client key) are read from files that only the kiosk's user may read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "bk-submission.h"

G_BEGIN_DECLS

typedef enum {
  BK_TRANSPORT_FIT_CONNECT,
  BK_TRANSPORT_HTTPS,
} BkTransportKind;

typedef enum {
  BK_HTTPS_MODE_JWE,         /* POST of the JWE bundle */
  BK_HTTPS_MODE_JSON_MTLS,   /* POST of the plain JSON over mutual TLS */
} BkHttpsMode;

typedef struct {
  char            *name;              /* the section's NAME */
  BkTransportKind  kind;
  char            *tls_ca;            /* CA file for HTTPS connections; NULL: the system's */
  char            *trust_anchor;      /* checks the destination key's certificate chain */
  /* fit-connect */
  char            *token_url;
  char            *submission_api;    /* base URL; /v1/… is appended */
  char            *client_id;
  char            *client_secret;     /* read from client-secret-file */
  /* https */
  char            *url;
  BkHttpsMode      mode;
  char            *encryption_key;    /* JWK file (jwe mode) */
  char            *client_certificate;
  char            *client_key;        /* PEM file, readable by the kiosk's user only */
} BkTransportConfig;

typedef struct {
  char              *name;            /* "service ID" or "form KIND": the route's key */
  BkTransportConfig *transport;       /* owned by the config */
  char              *recipient;       /* who it goes to, for the receipt; NULL: the service's place */
  char              *destination_id;  /* FIT-Connect Zustellpunkt */
  char              *leika;           /* LeiKa key; NULL: the service's */
  char              *service_identifier; /* a URN in place of a LeiKa key (forms without a service) */
  char              *service_name;    /* publicServiceType name; NULL: the service's name */
} BkRoute;

typedef struct {
  guint   retention_days;    /* an undelivered bundle is removed after this (default 30) */
  guint   retry_min;         /* seconds before the first retry (default 2) */
  guint   retry_max;         /* the longest pause between retries (default 30) */
  guint   poll_interval;     /* seconds between status queries at most (default 300) */
  guint   timeout;           /* seconds for one request (default 30) */
  guint   concurrency;       /* submissions on their way at once, per destination (default 4) */
  char   *kiosk_key;         /* the kiosk's own key file; NULL: beside the database */
  char   *path;              /* the file read */
} BkDeliverySettings;

typedef struct _BkDeliveryConfig BkDeliveryConfig;

/* The default place: $XDG_CONFIG_HOME/buergerkiosk/delivery.ini, else
 * /etc/buergerkiosk/delivery.ini; NULL when neither exists. */
char             *bk_delivery_config_find_default (void);
/* Reads and checks the file: every transport complete, every route's
 * transport known, secret files private (owned by this user, no access for
 * others). Errors name the file, the section and the key. */
BkDeliveryConfig *bk_delivery_config_load   (const char       *path,
                                             GError          **error);
/* The same from text (tests); relative file names are taken from base_dir. */
BkDeliveryConfig *bk_delivery_config_load_data (const char    *data,
                                                const char    *base_dir,
                                                GError       **error);
BkDeliveryConfig *bk_delivery_config_ref    (BkDeliveryConfig *self);
void              bk_delivery_config_unref  (BkDeliveryConfig *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BkDeliveryConfig, bk_delivery_config_unref)

const BkDeliverySettings *bk_delivery_config_get_settings (BkDeliveryConfig *self);
/* The route for a submission: [service ID] for its service, else [form
 * KIND], else [service *] (any service), else [form *]; NULL: none, the
 * submission stays for an export. */
const BkRoute    *bk_delivery_config_route_for (BkDeliveryConfig *self,
                                                const char       *service_id,
                                                BkSubmissionKind  kind);
const BkRoute    *bk_delivery_config_get_route (BkDeliveryConfig *self,
                                                const char       *name);
/* Every transport (BkTransportConfig *), in file order. */
GPtrArray        *bk_delivery_config_get_transports (BkDeliveryConfig *self);
guint             bk_delivery_config_count_routes   (BkDeliveryConfig *self);

const char       *bk_transport_kind_to_string (BkTransportKind kind);

G_END_DECLS
