/* bk-jwe.c: JOSE for the outbox with OpenSSL 3
 *
 * Everything the outbox encrypts, and every event it believes, goes
 * through here: RSA-OAEP-256 (OAEP and MGF1 with SHA-256) wraps a fresh
 * 256-bit content key per JWE, AES-256-GCM with a 96-bit IV and the
 * protected header as additional data encrypts the content (RFC 7516
 * §5.1); PS512 is RSASSA-PSS with SHA-512, MGF1-SHA-512 and a 64-byte salt
 * (RFC 7518 §3.5).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-outbox"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include "bk-error.h"
#include "bk-json.h"
#include "bk-jwe.h"

#define CEK_LENGTH 32
#define IV_LENGTH  12
#define TAG_LENGTH 16
/* A JWE larger than this is refused before decoding (a PDF receipt and a
 * form's answers are far smaller). */
#define MAX_COMPACT (64 * 1024 * 1024)

struct _BkJoseKey
{
  gatomicrefcount  ref;
  EVP_PKEY        *pkey;
  char            *kid;
  gboolean         private;
};

/* ---- errors -------------------------------------------------------------- */

static void
set_error (GError    **error,
           const char *what)
{
  unsigned long code = ERR_get_error ();
  char buffer[256] = "";

  if (code != 0)
    ERR_error_string_n (code, buffer, sizeof buffer);
  ERR_clear_error ();
  if (buffer[0] != '\0')
    g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT, "%s (%s)", what, buffer);
  else
    g_set_error_literal (error, BK_ERROR, BK_ERROR_INVALID_INPUT, what);
}

/* ---- encodings ----------------------------------------------------------- */

char *
bk_base64url_encode (const guint8 *data,
                     gsize         length)
{
  char *text = g_base64_encode (data, length);
  char *out = text;

  for (char *p = text; *p != '\0'; p++)
    {
      if (*p == '=')
        break;
      *out++ = *p == '+' ? '-' : *p == '/' ? '_' : *p;
    }
  *out = '\0';
  return text;
}

GBytes *
bk_base64url_decode (const char *text,
                     gssize      length,
                     GError    **error)
{
  g_autoptr(GString) padded = NULL;
  gsize n = length < 0 ? strlen (text) : (gsize) length;
  guchar *data;
  gsize out = 0;

  padded = g_string_sized_new (n + 3);
  for (gsize i = 0; i < n; i++)
    {
      char c = text[i];

      if (c == '-')
        c = '+';
      else if (c == '_')
        c = '/';
      else if (!g_ascii_isalnum (c))
        {
          g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                       _("not base64url: unexpected character at position %u"), (guint) i);
          return NULL;
        }
      g_string_append_c (padded, c);
    }
  if (n % 4 == 1)
    {
      g_set_error_literal (error, BK_ERROR, BK_ERROR_INVALID_INPUT, _("not base64url: wrong length"));
      return NULL;
    }
  while (padded->len % 4 != 0)
    g_string_append_c (padded, '=');
  data = g_base64_decode (padded->str, &out);
  return g_bytes_new_take (data, out);
}

char *
bk_sha512_hex (const guint8 *data,
               gsize         length)
{
  return g_compute_checksum_for_data (G_CHECKSUM_SHA512, data, length);
}

static GBytes *
b64_member (JsonObject  *object,
            const char  *name,
            GError     **error)
{
  const char *text = bk_json_get_string (object, name, NULL);

  if (text == NULL || text[0] == '\0')
    {
      g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT, _("JWK: “%s” is missing"), name);
      return NULL;
    }
  return bk_base64url_decode (text, -1, error);
}

/* ---- keys ---------------------------------------------------------------- */

static BkJoseKey *
key_new (EVP_PKEY   *pkey,
         const char *kid,
         gboolean    private)
{
  BkJoseKey *self = g_new0 (BkJoseKey, 1);

  g_atomic_ref_count_init (&self->ref);
  self->pkey = pkey;
  self->kid = g_strdup (kid);
  self->private = private;
  return self;
}

BkJoseKey *
bk_jose_key_ref (BkJoseKey *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref);
  return self;
}

void
bk_jose_key_unref (BkJoseKey *self)
{
  if (self == NULL || !g_atomic_ref_count_dec (&self->ref))
    return;
  EVP_PKEY_free (self->pkey);
  g_free (self->kid);
  g_free (self);
}

static char *
bn_member (EVP_PKEY   *pkey,
           const char *param)
{
  BIGNUM *bn = NULL;
  g_autofree guint8 *bytes = NULL;
  int length;
  char *text;

  if (!EVP_PKEY_get_bn_param (pkey, param, &bn))
    return NULL;
  length = BN_num_bytes (bn);
  bytes = g_malloc (MAX (length, 1));
  BN_bn2bin (bn, bytes);
  BN_free (bn);
  text = bk_base64url_encode (bytes, (gsize) length);
  return text;
}

/* RFC 7638: SHA-256 over {"e","kty","n"} in that order, no spaces. */
static char *
thumbprint (EVP_PKEY *pkey)
{
  g_autofree char *n = bn_member (pkey, OSSL_PKEY_PARAM_RSA_N);
  g_autofree char *e = bn_member (pkey, OSSL_PKEY_PARAM_RSA_E);
  g_autofree char *canonical = NULL;
  guint8 digest[32];
  gsize length = sizeof digest;
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);

  if (n == NULL || e == NULL)
    return NULL;
  canonical = g_strdup_printf ("{\"e\":\"%s\",\"kty\":\"RSA\",\"n\":\"%s\"}", e, n);
  g_checksum_update (sum, (const guchar *) canonical, -1);
  g_checksum_get_digest (sum, digest, &length);
  return bk_base64url_encode (digest, length);
}

static gboolean
list_has (JsonObject *object,
          const char *member,
          const char *value)
{
  JsonNode *node = json_object_get_member (object, member);
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_VALUE (item) && json_node_get_value_type (item) == G_TYPE_STRING &&
          g_strcmp0 (json_node_get_string (item), value) == 0)
        return TRUE;
    }
  return FALSE;
}

/* key_ops (or the older "use") must allow use, and alg must fit it. */
static gboolean
check_use (JsonObject *jwk,
           BkJoseUse   use,
           GError    **error)
{
  const char *op = use == BK_JOSE_USE_ENCRYPT ? "wrapKey" : "verify";
  const char *alg = bk_json_get_string (jwk, "alg", NULL);
  const char *old_use = bk_json_get_string (jwk, "use", NULL);

  if (json_object_has_member (jwk, "key_ops"))
    {
      if (!list_has (jwk, "key_ops", op))
        {
          g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                       _("the key may not be used for this: its key_ops lack “%s”"), op);
          return FALSE;
        }
    }
  else if (g_strcmp0 (old_use, use == BK_JOSE_USE_ENCRYPT ? "enc" : "sig") != 0)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                   _("the key does not say that it may be used for this (no key_ops “%s”)"), op);
      return FALSE;
    }
  if (alg != NULL &&
      (use == BK_JOSE_USE_ENCRYPT ? g_strcmp0 (alg, "RSA-OAEP-256") != 0
                                  : g_strcmp0 (alg, "PS512") != 0 && g_strcmp0 (alg, "RS512") != 0))
    {
      g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                   _("the key is for the algorithm “%s”, not for %s"), alg,
                   use == BK_JOSE_USE_ENCRYPT ? "RSA-OAEP-256" : "PS512");
      return FALSE;
    }
  return TRUE;
}

BkJoseKey *
bk_jose_key_new_from_jwk (JsonObject  *jwk,
                          BkJoseUse    use,
                          guint        min_bits,
                          GError     **error)
{
  g_autoptr(GBytes) n = NULL;
  g_autoptr(GBytes) e = NULL;
  OSSL_PARAM_BLD *build = NULL;
  OSSL_PARAM *params = NULL;
  EVP_PKEY_CTX *ctx = NULL;
  EVP_PKEY *pkey = NULL;
  BIGNUM *bn_n = NULL, *bn_e = NULL;
  BkJoseKey *key = NULL;
  const char *kid;
  g_autofree char *print = NULL;

  g_return_val_if_fail (jwk != NULL, NULL);

  if (g_strcmp0 (bk_json_get_string (jwk, "kty", NULL), "RSA") != 0)
    {
      g_set_error_literal (error, BK_ERROR, BK_ERROR_INVALID_INPUT, _("JWK: not an RSA key"));
      return NULL;
    }
  if (!check_use (jwk, use, error))
    return NULL;
  if ((n = b64_member (jwk, "n", error)) == NULL || (e = b64_member (jwk, "e", error)) == NULL)
    return NULL;

  bn_n = BN_bin2bn (g_bytes_get_data (n, NULL), (int) g_bytes_get_size (n), NULL);
  bn_e = BN_bin2bn (g_bytes_get_data (e, NULL), (int) g_bytes_get_size (e), NULL);
  build = OSSL_PARAM_BLD_new ();
  if (bn_n == NULL || bn_e == NULL || build == NULL ||
      !OSSL_PARAM_BLD_push_BN (build, OSSL_PKEY_PARAM_RSA_N, bn_n) ||
      !OSSL_PARAM_BLD_push_BN (build, OSSL_PKEY_PARAM_RSA_E, bn_e) ||
      (params = OSSL_PARAM_BLD_to_param (build)) == NULL ||
      (ctx = EVP_PKEY_CTX_new_from_name (NULL, "RSA", NULL)) == NULL ||
      EVP_PKEY_fromdata_init (ctx) <= 0 ||
      EVP_PKEY_fromdata (ctx, &pkey, EVP_PKEY_PUBLIC_KEY, params) <= 0)
    {
      set_error (error, _("JWK: not a usable RSA key"));
      goto out;
    }
  if ((guint) EVP_PKEY_get_bits (pkey) < min_bits)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                   _("the key has %d bits, fewer than the %u required"), EVP_PKEY_get_bits (pkey), min_bits);
      goto out;
    }
  kid = bk_json_get_string (jwk, "kid", NULL);
  if (kid == NULL)
    kid = print = thumbprint (pkey);
  key = key_new (g_steal_pointer (&pkey), kid, FALSE);

out:
  EVP_PKEY_free (pkey);
  EVP_PKEY_CTX_free (ctx);
  OSSL_PARAM_free (params);
  OSSL_PARAM_BLD_free (build);
  BN_free (bn_n);
  BN_free (bn_e);
  return key;
}

BkJoseKey *
bk_jose_key_new_from_jwk_text (const char  *text,
                               BkJoseUse    use,
                               guint        min_bits,
                               GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  JsonNode *root;

  if (text == NULL || (parser = bk_json_parse (text, strlen (text), "JWK", NULL)) == NULL ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, BK_ERROR, BK_ERROR_INVALID_INPUT, _("JWK: not a JSON object"));
      return NULL;
    }
  return bk_jose_key_new_from_jwk (json_node_get_object (root), use, min_bits, error);
}

BkJoseKey *
bk_jose_key_load_private (const char  *path,
                          GError     **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *kid = NULL;
  gsize length;
  BIO *bio;
  EVP_PKEY *pkey;

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;
  bio = BIO_new_mem_buf (contents, (int) length);
  pkey = PEM_read_bio_PrivateKey (bio, NULL, NULL, NULL);
  BIO_free (bio);
  explicit_bzero (contents, length);
  if (pkey == NULL || !EVP_PKEY_is_a (pkey, "RSA"))
    {
      g_autofree char *what = g_strdup_printf (_("%s: not an RSA private key in PEM"), path);

      EVP_PKEY_free (pkey);
      set_error (error, what);
      return NULL;
    }
  kid = thumbprint (pkey);
  return key_new (pkey, kid, TRUE);
}

BkJoseKey *
bk_jose_key_generate (guint        bits,
                      const char  *path,
                      GError     **error)
{
  EVP_PKEY *pkey = EVP_RSA_gen (bits);
  g_autofree char *kid = NULL;
  BIO *bio = NULL;
  char *pem = NULL;
  long pem_length;
  int fd;
  gboolean written;

  if (pkey == NULL)
    {
      set_error (error, _("could not make a key"));
      return NULL;
    }
  bio = BIO_new (BIO_s_mem ());
  if (bio == NULL || !PEM_write_bio_PrivateKey (bio, pkey, NULL, NULL, 0, NULL, NULL))
    {
      BIO_free (bio);
      EVP_PKEY_free (pkey);
      set_error (error, _("could not write the key"));
      return NULL;
    }
  pem_length = BIO_get_mem_data (bio, &pem);
  /* Readable by the kiosk's user only, and never over another file. */
  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  written = fd >= 0 && write (fd, pem, (size_t) pem_length) == pem_length && fsync (fd) == 0;
  if (!written)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("%s: cannot write the key: %s"), path, g_strerror (saved));
    }
  if (fd >= 0)
    close (fd);
  if (!written && fd >= 0)
    g_unlink (path);
  BIO_free (bio);
  if (!written)
    {
      EVP_PKEY_free (pkey);
      return NULL;
    }
  kid = thumbprint (pkey);
  return key_new (pkey, kid, TRUE);
}

const char *
bk_jose_key_get_kid (BkJoseKey *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->kid;
}

guint
bk_jose_key_get_bits (BkJoseKey *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return (guint) EVP_PKEY_get_bits (self->pkey);
}

gboolean
bk_jose_key_has_private (BkJoseKey *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->private;
}

char *
bk_jose_key_dup_public_jwk (BkJoseKey *self)
{
  g_autofree char *n = NULL;
  g_autofree char *e = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  n = bn_member (self->pkey, OSSL_PKEY_PARAM_RSA_N);
  e = bn_member (self->pkey, OSSL_PKEY_PARAM_RSA_E);
  return g_strdup_printf ("{\"kty\":\"RSA\",\"kid\":\"%s\",\"key_ops\":[\"wrapKey\"],"
                          "\"alg\":\"RSA-OAEP-256\",\"n\":\"%s\",\"e\":\"%s\"}",
                          self->kid, n ? n : "", e ? e : "");
}

/* ---- certificate chains --------------------------------------------------- */

static X509 *
x509_from_base64 (const char *text)
{
  g_autofree guchar *der = NULL;
  gsize length = 0;
  const unsigned char *p;

  der = g_base64_decode (text, &length);
  p = der;
  return length > 0 ? d2i_X509 (NULL, &p, (long) length) : NULL;
}

gboolean
bk_jose_key_check_chain (BkJoseKey   *self,
                         JsonObject  *jwk,
                         const char  *trust_anchor,
                         BkJoseUse    use,
                         gint64       now,
                         GError     **error)
{
  JsonNode *node = json_object_get_member (jwk, "x5c");
  JsonArray *x5c;
  X509_STORE *store = NULL;
  X509_STORE_CTX *ctx = NULL;
  STACK_OF (X509) *untrusted = NULL;
  X509 *leaf = NULL;
  gboolean ok = FALSE;
  guint32 usage;

  g_return_val_if_fail (self != NULL, FALSE);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node) ||
      json_array_get_length (x5c = json_node_get_array (node)) == 0)
    {
      g_set_error_literal (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                           _("the key comes without its certificate chain (x5c)"));
      return FALSE;
    }
  leaf = x509_from_base64 (json_array_get_string_element (x5c, 0));
  untrusted = sk_X509_new_null ();
  for (guint i = 1; leaf != NULL && untrusted != NULL && i < json_array_get_length (x5c); i++)
    {
      X509 *cert = x509_from_base64 (json_array_get_string_element (x5c, i));

      if (cert == NULL)
        break;
      sk_X509_push (untrusted, cert);
    }
  if (leaf == NULL || untrusted == NULL ||
      (guint) sk_X509_num (untrusted) + 1 != json_array_get_length (x5c))
    {
      set_error (error, _("the key's certificate chain (x5c) cannot be read"));
      goto out;
    }
  if (EVP_PKEY_eq (X509_get0_pubkey (leaf), self->pkey) != 1)
    {
      g_set_error_literal (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                           _("the key is not the one in its certificate"));
      goto out;
    }
  usage = X509_get_key_usage (leaf);
  if (usage != UINT32_MAX &&
      !(usage & (use == BK_JOSE_USE_ENCRYPT ? KU_KEY_ENCIPHERMENT : KU_DIGITAL_SIGNATURE)))
    {
      g_set_error_literal (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                           use == BK_JOSE_USE_ENCRYPT
                           ? _("the key's certificate does not allow encryption (key usage)")
                           : _("the key's certificate does not allow signatures (key usage)"));
      goto out;
    }

  store = X509_STORE_new ();
  if (store == NULL || trust_anchor == NULL || X509_STORE_load_file (store, trust_anchor) != 1)
    {
      g_autofree char *what = g_strdup_printf (_("the trust anchor %s cannot be read"),
                                               trust_anchor ? trust_anchor : "(none)");

      set_error (error, what);
      goto out;
    }
  ctx = X509_STORE_CTX_new ();
  if (ctx == NULL || X509_STORE_CTX_init (ctx, store, leaf, untrusted) != 1)
    {
      set_error (error, _("the certificate chain cannot be checked"));
      goto out;
    }
  if (now > 0)
    X509_STORE_CTX_set_time (ctx, 0, (time_t) now);
  if (X509_verify_cert (ctx) != 1)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                   _("the key's certificate is not trusted: %s"),
                   X509_verify_cert_error_string (X509_STORE_CTX_get_error (ctx)));
      ERR_clear_error ();
      goto out;
    }
  ok = TRUE;

out:
  X509_STORE_CTX_free (ctx);
  X509_STORE_free (store);
  sk_X509_pop_free (untrusted, X509_free);
  X509_free (leaf);
  return ok;
}

/* ---- JWE ------------------------------------------------------------------ */

static char *
header_text (BkJoseKey  *key,
             const char *cty)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "alg");
  json_builder_add_string_value (builder, "RSA-OAEP-256");
  json_builder_set_member_name (builder, "enc");
  json_builder_add_string_value (builder, "A256GCM");
  json_builder_set_member_name (builder, "kid");
  json_builder_add_string_value (builder, key->kid);
  if (cty != NULL)
    {
      json_builder_set_member_name (builder, "cty");
      json_builder_add_string_value (builder, cty);
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static gboolean
oaep_ctx (EVP_PKEY_CTX *ctx)
{
  return EVP_PKEY_CTX_set_rsa_padding (ctx, RSA_PKCS1_OAEP_PADDING) > 0 &&
         EVP_PKEY_CTX_set_rsa_oaep_md (ctx, EVP_sha256 ()) > 0 &&
         EVP_PKEY_CTX_set_rsa_mgf1_md (ctx, EVP_sha256 ()) > 0;
}

char *
bk_jwe_encrypt (BkJoseKey     *key,
                const guint8  *plaintext,
                gsize          length,
                const char    *cty,
                GError       **error)
{
  guint8 cek[CEK_LENGTH], iv[IV_LENGTH], tag[TAG_LENGTH];
  g_autofree char *header = NULL;
  g_autofree char *header64 = NULL;
  g_autofree guint8 *wrapped = NULL;
  g_autofree guint8 *cipher = NULL;
  g_autofree char *wrapped64 = NULL, *iv64 = NULL, *cipher64 = NULL, *tag64 = NULL;
  EVP_PKEY_CTX *pctx = NULL;
  EVP_CIPHER_CTX *cctx = NULL;
  size_t wrapped_length = 0;
  int n = 0, total = 0;
  char *compact = NULL;

  g_return_val_if_fail (key != NULL, NULL);
  if (length > INT_MAX - 64)
    {
      g_set_error_literal (error, BK_ERROR, BK_ERROR_TOO_LARGE, _("too large to encrypt"));
      return NULL;
    }
  if (RAND_bytes (cek, sizeof cek) != 1 || RAND_bytes (iv, sizeof iv) != 1)
    {
      set_error (error, _("no random numbers for the encryption"));
      return NULL;
    }

  pctx = EVP_PKEY_CTX_new_from_pkey (NULL, key->pkey, NULL);
  if (pctx == NULL || EVP_PKEY_encrypt_init (pctx) <= 0 || !oaep_ctx (pctx) ||
      EVP_PKEY_encrypt (pctx, NULL, &wrapped_length, cek, sizeof cek) <= 0)
    {
      set_error (error, _("the content key cannot be wrapped (RSA-OAEP-256)"));
      goto out;
    }
  wrapped = g_malloc (wrapped_length);
  if (EVP_PKEY_encrypt (pctx, wrapped, &wrapped_length, cek, sizeof cek) <= 0)
    {
      set_error (error, _("the content key cannot be wrapped (RSA-OAEP-256)"));
      goto out;
    }

  header = header_text (key, cty);
  header64 = bk_base64url_encode ((const guint8 *) header, strlen (header));
  cipher = g_malloc (length + 16);
  cctx = EVP_CIPHER_CTX_new ();
  if (cctx == NULL ||
      EVP_EncryptInit_ex (cctx, EVP_aes_256_gcm (), NULL, NULL, NULL) != 1 ||
      EVP_CIPHER_CTX_ctrl (cctx, EVP_CTRL_GCM_SET_IVLEN, IV_LENGTH, NULL) != 1 ||
      EVP_EncryptInit_ex (cctx, NULL, NULL, cek, iv) != 1 ||
      EVP_EncryptUpdate (cctx, NULL, &n, (const guint8 *) header64, (int) strlen (header64)) != 1 ||
      EVP_EncryptUpdate (cctx, cipher, &n, plaintext, (int) length) != 1 ||
      (total = n, EVP_EncryptFinal_ex (cctx, cipher + total, &n) != 1) ||
      EVP_CIPHER_CTX_ctrl (cctx, EVP_CTRL_GCM_GET_TAG, TAG_LENGTH, tag) != 1)
    {
      set_error (error, _("the content cannot be encrypted (A256GCM)"));
      goto out;
    }
  total += n;

  wrapped64 = bk_base64url_encode (wrapped, wrapped_length);
  iv64 = bk_base64url_encode (iv, sizeof iv);
  cipher64 = bk_base64url_encode (cipher, (gsize) total);
  tag64 = bk_base64url_encode (tag, sizeof tag);
  compact = g_strjoin (".", header64, wrapped64, iv64, cipher64, tag64, NULL);

out:
  explicit_bzero (cek, sizeof cek);
  EVP_CIPHER_CTX_free (cctx);
  EVP_PKEY_CTX_free (pctx);
  return compact;
}

JsonObject *
bk_jose_dup_header (const char  *compact,
                    GError     **error)
{
  const char *dot = compact ? strchr (compact, '.') : NULL;
  g_autoptr(GBytes) header = NULL;
  g_autoptr(JsonParser) parser = NULL;
  JsonNode *root;

  if (dot == NULL)
    {
      g_set_error_literal (error, BK_ERROR, BK_ERROR_INVALID_INPUT, _("not a JOSE compact serialization"));
      return NULL;
    }
  header = bk_base64url_decode (compact, dot - compact, error);
  if (header == NULL)
    return NULL;
  if ((parser = bk_json_parse (g_bytes_get_data (header, NULL), g_bytes_get_size (header),
                               "JOSE header", NULL)) == NULL ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, BK_ERROR, BK_ERROR_INVALID_INPUT, _("the JOSE header is not a JSON object"));
      return NULL;
    }
  return json_object_ref (json_node_get_object (root));
}

GBytes *
bk_jwe_decrypt (BkJoseKey   *key,
                const char  *compact,
                GError     **error)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(JsonObject) header = NULL;
  g_autoptr(GBytes) wrapped = NULL, iv = NULL, cipher = NULL, tag = NULL;
  g_autofree guint8 *cek = NULL;
  size_t cek_length = 0;
  EVP_PKEY_CTX *pctx = NULL;
  EVP_CIPHER_CTX *cctx = NULL;
  guint8 *plain = NULL;
  int n = 0, total = 0;
  GBytes *result = NULL;

  g_return_val_if_fail (key != NULL, NULL);
  if (!key->private)
    {
      g_set_error_literal (error, BK_ERROR, BK_ERROR_INVALID_INPUT, _("decrypting needs the private key"));
      return NULL;
    }
  if (compact == NULL || strlen (compact) > MAX_COMPACT ||
      g_strv_length (parts = g_strsplit (compact, ".", 6)) != 5)
    {
      g_set_error_literal (error, BK_ERROR, BK_ERROR_INVALID_INPUT, _("not a JWE in compact serialization"));
      return NULL;
    }
  header = bk_jose_dup_header (compact, error);
  if (header == NULL)
    return NULL;
  if (g_strcmp0 (bk_json_get_string (header, "alg", NULL), "RSA-OAEP-256") != 0 ||
      g_strcmp0 (bk_json_get_string (header, "enc", NULL), "A256GCM") != 0)
    {
      g_set_error_literal (error, BK_ERROR, BK_ERROR_INVALID_INPUT, _("the JWE is not RSA-OAEP-256 with A256GCM"));
      return NULL;
    }
  if ((wrapped = bk_base64url_decode (parts[1], -1, error)) == NULL ||
      (iv = bk_base64url_decode (parts[2], -1, error)) == NULL ||
      (cipher = bk_base64url_decode (parts[3], -1, error)) == NULL ||
      (tag = bk_base64url_decode (parts[4], -1, error)) == NULL)
    return NULL;
  if (g_bytes_get_size (iv) != IV_LENGTH || g_bytes_get_size (tag) != TAG_LENGTH)
    {
      g_set_error_literal (error, BK_ERROR, BK_ERROR_INVALID_INPUT, _("the JWE's IV or tag has the wrong length"));
      return NULL;
    }

  /* OpenSSL wants room for a whole RSA block, whatever comes out. */
  pctx = EVP_PKEY_CTX_new_from_pkey (NULL, key->pkey, NULL);
  if (pctx == NULL || EVP_PKEY_decrypt_init (pctx) <= 0 || !oaep_ctx (pctx) ||
      EVP_PKEY_decrypt (pctx, NULL, &cek_length, g_bytes_get_data (wrapped, NULL),
                        g_bytes_get_size (wrapped)) <= 0 ||
      (cek = g_malloc0 (cek_length)) == NULL ||
      EVP_PKEY_decrypt (pctx, cek, &cek_length, g_bytes_get_data (wrapped, NULL),
                        g_bytes_get_size (wrapped)) <= 0 || cek_length != CEK_LENGTH)
    {
      set_error (error, _("the content key cannot be unwrapped: the JWE is for another key"));
      goto out;
    }
  plain = g_malloc (g_bytes_get_size (cipher) + 16);
  cctx = EVP_CIPHER_CTX_new ();
  if (cctx == NULL ||
      EVP_DecryptInit_ex (cctx, EVP_aes_256_gcm (), NULL, NULL, NULL) != 1 ||
      EVP_CIPHER_CTX_ctrl (cctx, EVP_CTRL_GCM_SET_IVLEN, IV_LENGTH, NULL) != 1 ||
      EVP_DecryptInit_ex (cctx, NULL, NULL, cek, g_bytes_get_data (iv, NULL)) != 1 ||
      EVP_DecryptUpdate (cctx, NULL, &n, (const guint8 *) parts[0], (int) strlen (parts[0])) != 1 ||
      EVP_DecryptUpdate (cctx, plain, &n, g_bytes_get_data (cipher, NULL),
                         (int) g_bytes_get_size (cipher)) != 1 ||
      EVP_CIPHER_CTX_ctrl (cctx, EVP_CTRL_GCM_SET_TAG, TAG_LENGTH,
                           (void *) g_bytes_get_data (tag, NULL)) != 1 ||
      (total = n, EVP_DecryptFinal_ex (cctx, plain + total, &n) != 1))
    {
      set_error (error, _("the JWE was altered: its authentication tag does not match"));
      goto out;
    }
  total += n;
  result = g_bytes_new_take (g_steal_pointer (&plain), (gsize) total);

out:
  if (cek != NULL)
    explicit_bzero (cek, CEK_LENGTH);
  if (plain != NULL)
    {
      explicit_bzero (plain, g_bytes_get_size (cipher));
      g_free (plain);
    }
  EVP_CIPHER_CTX_free (cctx);
  EVP_PKEY_CTX_free (pctx);
  return result;
}

/* ---- JWS ------------------------------------------------------------------ */

gboolean
bk_jws_verify (const char  *compact,
               BkJoseKey   *key,
               GBytes     **payload,
               GError     **error)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(JsonObject) header = NULL;
  g_autoptr(GBytes) signature = NULL;
  g_autofree char *input = NULL;
  const char *alg;
  EVP_MD_CTX *md = NULL;
  EVP_PKEY_CTX *pctx = NULL;
  gboolean pss, ok = FALSE;

  g_return_val_if_fail (key != NULL, FALSE);
  if (compact == NULL || strlen (compact) > MAX_COMPACT ||
      g_strv_length (parts = g_strsplit (compact, ".", 4)) != 3)
    {
      g_set_error_literal (error, BK_ERROR, BK_ERROR_INVALID_INPUT, _("not a JWS in compact serialization"));
      return FALSE;
    }
  if ((header = bk_jose_dup_header (compact, error)) == NULL)
    return FALSE;
  alg = bk_json_get_string (header, "alg", NULL);
  pss = g_strcmp0 (alg, "PS512") == 0;
  if (!pss && g_strcmp0 (alg, "RS512") != 0)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                   _("the signature uses “%s”, not PS512 or RS512"), alg ? alg : "");
      return FALSE;
    }
  if ((signature = bk_base64url_decode (parts[2], -1, error)) == NULL)
    return FALSE;
  input = g_strdup_printf ("%s.%s", parts[0], parts[1]);

  md = EVP_MD_CTX_new ();
  if (md == NULL || EVP_DigestVerifyInit (md, &pctx, EVP_sha512 (), NULL, key->pkey) != 1 ||
      (pss && (EVP_PKEY_CTX_set_rsa_padding (pctx, RSA_PKCS1_PSS_PADDING) <= 0 ||
               EVP_PKEY_CTX_set_rsa_pss_saltlen (pctx, RSA_PSS_SALTLEN_DIGEST) <= 0 ||
               EVP_PKEY_CTX_set_rsa_mgf1_md (pctx, EVP_sha512 ()) <= 0)))
    {
      set_error (error, _("the signature cannot be checked"));
      goto out;
    }
  if (EVP_DigestVerify (md, g_bytes_get_data (signature, NULL), g_bytes_get_size (signature),
                        (const guint8 *) input, strlen (input)) != 1)
    {
      ERR_clear_error ();
      g_set_error_literal (error, BK_ERROR, BK_ERROR_INVALID_INPUT, _("the signature is not valid"));
      goto out;
    }
  if (payload != NULL && (*payload = bk_base64url_decode (parts[1], -1, error)) == NULL)
    goto out;
  ok = TRUE;

out:
  EVP_MD_CTX_free (md);
  return ok;
}
