/* bk-jwe.h: JOSE for the outbox with OpenSSL 3: JWE, JWS, JWK, x5c
 *
 * JWE compact serialization with RSA-OAEP-256 key wrapping and A256GCM
 * content encryption (RFC 7516, 7518), as FIT-Connect requires; JWS
 * verification with PS512 (and RS512) for the signed status events; RSA
 * keys from JWKs (RFC 7517) whose certificate chain (x5c) is checked
 * against a configured trust anchor. libcjose cannot do RSA-OAEP-256, so
 * this is plain OpenSSL EVP.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Unpadded base64url (RFC 7515 §2). */
char     *bk_base64url_encode (const guint8  *data,
                               gsize          length);
GBytes   *bk_base64url_decode (const char    *text,
                               gssize         length,
                               GError       **error);
/* Lower-case hex of SHA-512, as FIT-Connect's metadata wants. */
char     *bk_sha512_hex       (const guint8  *data,
                               gsize          length);

typedef enum {
  BK_JOSE_USE_ENCRYPT,   /* key_ops "wrapKey", alg RSA-OAEP-256 */
  BK_JOSE_USE_VERIFY,    /* key_ops "verify", alg PS512 (or RS512) */
} BkJoseUse;

/* An RSA key, public or with its private half. */
typedef struct _BkJoseKey BkJoseKey;

BkJoseKey  *bk_jose_key_ref                (BkJoseKey     *self);
void        bk_jose_key_unref              (BkJoseKey     *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BkJoseKey, bk_jose_key_unref)

/* A public RSA key from a JWK, checked for use: kty RSA, key_ops (or
 * "use") allowing it, a matching alg, at least min_bits bits. The kid is
 * the JWK's (or its thumbprint when it has none). */
BkJoseKey  *bk_jose_key_new_from_jwk       (JsonObject    *jwk,
                                            BkJoseUse      use,
                                            guint          min_bits,
                                            GError       **error);
/* The same from JSON text. */
BkJoseKey  *bk_jose_key_new_from_jwk_text  (const char    *text,
                                            BkJoseUse      use,
                                            guint          min_bits,
                                            GError       **error);
/* A private RSA key from a PEM file (PKCS#8 or PKCS#1). */
BkJoseKey  *bk_jose_key_load_private       (const char    *path,
                                            GError       **error);
/* A new private key of bits bits, written to path (mode 0600, replacing
 * nothing: an existing file is an error). */
BkJoseKey  *bk_jose_key_generate           (guint          bits,
                                            const char    *path,
                                            GError       **error);
const char *bk_jose_key_get_kid            (BkJoseKey     *self);
guint       bk_jose_key_get_bits           (BkJoseKey     *self);
gboolean    bk_jose_key_has_private        (BkJoseKey     *self);
/* The public JWK as JSON text (kty, kid, n, e, key_ops wrapKey, alg). */
char       *bk_jose_key_dup_public_jwk     (BkJoseKey     *self);

/* Checks that jwk's certificate chain (x5c: the leaf first, base64 DER)
 * leads to the trust anchor (a PEM file of one or more certificates), that
 * the leaf holds key's public key and allows use (keyEncipherment,
 * digitalSignature), and that it is valid at the time now (Unix seconds;
 * 0: the real time). Revocation (OCSP, CRL) is not checked. */
gboolean    bk_jose_key_check_chain        (BkJoseKey     *self,
                                            JsonObject    *jwk,
                                            const char    *trust_anchor,
                                            BkJoseUse      use,
                                            gint64         now,
                                            GError       **error);

/* JWE compact: {"alg":"RSA-OAEP-256","enc":"A256GCM","kid":…,"cty":cty}
 * (cty NULL: left out). */
char       *bk_jwe_encrypt                 (BkJoseKey     *key,
                                            const guint8  *plaintext,
                                            gsize          length,
                                            const char    *cty,
                                            GError       **error);
/* Needs the private key; checks alg, enc and the tag. */
GBytes     *bk_jwe_decrypt                 (BkJoseKey     *key,
                                            const char    *compact,
                                            GError       **error);
/* The protected header of a JWE or JWS, or NULL. */
JsonObject *bk_jose_dup_header             (const char    *compact,
                                            GError       **error);
/* Verifies a JWS compact (alg PS512 or RS512) with key; the payload goes to
 * payload (may be NULL). */
gboolean    bk_jws_verify                  (const char    *compact,
                                            BkJoseKey     *key,
                                            GBytes       **payload,
                                            GError       **error);

G_END_DECLS
