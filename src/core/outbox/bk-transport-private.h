/* bk-transport-private.h: the two transports, for bk-transport.c and tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-transport.h"

G_BEGIN_DECLS

/* FIT-Connect Submission API v1 (bk-transport-fit-connect.c). */
BkTransport *_bk_fit_connect_transport_new (BkTransportConfig *config,
                                            guint              timeout,
                                            GProxyResolver    *proxy);
/* A county's form server (bk-transport-https.c). */
BkTransport *_bk_https_transport_new       (BkTransportConfig *config,
                                            guint              timeout,
                                            GProxyResolver    *proxy);

/* What a verified FIT-Connect status event (its JWS payload) says about the
 * submission subject ("submission:ID"); a rejection's problems in a few
 * words into *problems. For the transport and the fuzz target. */
typedef enum {
  BK_FIT_CONNECT_SEEN_NOTHING,
  BK_FIT_CONNECT_SEEN_SUBMIT,
  BK_FIT_CONNECT_SEEN_ACCEPT,
  BK_FIT_CONNECT_SEEN_REJECT,
} BkFitConnectSeen;

BkFitConnectSeen _bk_fit_connect_read_claims (GBytes     *payload,
                                              const char *subject,
                                              char      **problems);

/* The smallest RSA key FIT-Connect allows for a destination. */
#define BK_FIT_CONNECT_MIN_KEY_BITS 4096

/* Makes sure entry's bundle is sealed for key: a bundle sealed for the
 * kiosk's own key is opened and sealed anew (and kept through the
 * checkpoint before anything is sent). TRUE when it is (or already was);
 * else result says why. */
gboolean _bk_transport_reseal (BkOutboxEntry     *entry,
                               BkJoseKey         *key,
                               BkDeliveryContext *context,
                               BkDeliveryResult  *result);

G_END_DECLS
