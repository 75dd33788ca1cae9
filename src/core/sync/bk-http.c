/* bk-http.c: polite HTTP GETs for the OParl sync (libsoup 3)
 *
 * Synchronous requests from the sync's worker thread (libsoup ≥ 3.2 sends
 * from any thread; the session is configured once where it is made). What
 * is retried: no connection, no answer in time, 5xx, 429 — with a backoff
 * that doubles, or as long as Retry-After asks (capped). What is never
 * retried nor accepted: a certificate that does not verify; the message
 * says why it failed. The waits watch the cancellable, so a kiosk that
 * quits does not wait for a slow server.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-sync"

#include "bk-config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "bk-http.h"

G_DEFINE_QUARK (bk-sync-error-quark, bk_sync_error)

struct _BkHttp
{
  gatomicrefcount ref_count;
  SoupSession *session;
  BkHttpOptions options;
  char *user_agent;
  guint requests;            /* atomic */
};

void
bk_http_response_free (BkHttpResponse *response)
{
  if (response == NULL)
    return;
  g_bytes_unref (response->body);
  g_free (response->reason);
  g_free (response->content_type);
  g_free (response->etag);
  g_free (response->last_modified);
  g_free (response->url);
  g_free (response);
}

gboolean
bk_http_response_is_html (const BkHttpResponse *response)
{
  gsize len = 0;
  const char *data = response->body != NULL ? g_bytes_get_data (response->body, &len) : NULL;

  if (g_strcmp0 (response->content_type, "text/html") == 0 ||
      g_strcmp0 (response->content_type, "application/xhtml+xml") == 0)
    return TRUE;
  while (len > 0 && g_ascii_isspace (*data))
    {
      data++;
      len--;
    }
  return len >= 5 && (g_ascii_strncasecmp (data, "<!doc", 5) == 0 || g_ascii_strncasecmp (data, "<html", 5) == 0);
}

BkHttp *
bk_http_new (const BkHttpOptions *options)
{
  BkHttp *self = g_new0 (BkHttp, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->options.timeout_s = 120;
  self->options.retries = 3;
  self->options.backoff_ms = 2000;
  self->options.max_retry_after_s = 300;
  if (options != NULL)
    self->options = *options;
  /* A server's operator can see who asks and how to reach the project. */
  self->user_agent = g_strdup_printf ("Buergerkiosk/%s (OParl sync; "
                                      "+https://github.com/buergerkiosk/buergerkiosk)",
                                      PACKAGE_VERSION);
  self->session = soup_session_new_with_options ("user-agent", self->user_agent,
                                                 "timeout", self->options.timeout_s,
                                                 "idle-timeout", 60,
                                                 /* the sync asks one server for one thing at
                                                  * a time; at most two connections per host
                                                  * together with a text being fetched */
                                                 "max-conns-per-host", 2,
                                                 NULL);
  return self;
}

BkHttp *
bk_http_ref (BkHttp *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
bk_http_unref (BkHttp *self)
{
  if (self == NULL || !g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_object_unref (self->session);
  g_free (self->user_agent);
  g_free (self);
}

const char *
bk_http_get_user_agent (BkHttp *self)
{
  return self->user_agent;
}

guint
bk_http_get_request_count (BkHttp *self)
{
  return (guint) g_atomic_int_get (&self->requests);
}

/* Waits ms, or less when cancelled; FALSE when cancelled. */
static gboolean
wait_ms (guint64       ms,
         GCancellable *cancellable)
{
  while (ms > 0)
    {
      guint64 step = MIN (ms, 50);

      if (g_cancellable_is_cancelled (cancellable))
        return FALSE;
      g_usleep ((gulong) step * 1000);
      ms -= step;
    }
  return !g_cancellable_is_cancelled (cancellable);
}

/* Retry-After: seconds, or an HTTP date; 0 when absent or unreadable. */
static guint64
retry_after_ms (SoupMessage *msg,
                guint        cap_s)
{
  const char *value = soup_message_headers_get_one (soup_message_get_response_headers (msg), "Retry-After");
  guint64 seconds = 0;

  if (value == NULL)
    return 0;
  while (g_ascii_isspace (*value))
    value++;
  if (g_ascii_isdigit (*value))
    seconds = g_ascii_strtoull (value, NULL, 10);
  else
    {
      g_autoptr(GDateTime) when = soup_date_time_new_from_http_string (value);
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

      if (when != NULL && g_date_time_compare (when, now) > 0)
        seconds = (guint64) (g_date_time_difference (when, now) / G_USEC_PER_SEC) + 1;
    }
  return MIN (seconds, (guint64) cap_s) * 1000;
}

static char *
describe_tls_errors (GTlsCertificateFlags flags)
{
  g_autoptr(GString) text = g_string_new (NULL);
  static const struct {
    GTlsCertificateFlags flag;
    const char *words;
  } reasons[] = {
    /* Translators: why a server's certificate is not trusted */
    { G_TLS_CERTIFICATE_UNKNOWN_CA, N_("issued by an unknown authority") },
    { G_TLS_CERTIFICATE_BAD_IDENTITY, N_("made out for another name") },
    { G_TLS_CERTIFICATE_NOT_ACTIVATED, N_("not valid yet") },
    { G_TLS_CERTIFICATE_EXPIRED, N_("expired") },
    { G_TLS_CERTIFICATE_REVOKED, N_("revoked") },
    { G_TLS_CERTIFICATE_INSECURE, N_("insecure") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
    if (flags & reasons[i].flag)
      g_string_append_printf (text, "%s%s", text->len > 0 ? ", " : "", _(reasons[i].words));
  if (text->len == 0)
    g_string_append (text, _("it could not be checked"));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
accept_certificate_cb (SoupMessage          *msg,
                       GTlsCertificate      *certificate,
                       GTlsCertificateFlags  errors,
                       gpointer              user_data)
{
  GTlsCertificateFlags *seen = user_data;

  /* Never accepted: the kiosk shows what the server says as the council's
   * word, so it must be the council's server. Remember why, for the message. */
  *seen |= errors;
  return FALSE;
}

/* Reads the body, at most max_size bytes (0: any). */
static GBytes *
read_body (GInputStream *stream,
           gsize         max_size,
           const char   *url,
           GCancellable *cancellable,
           GError      **error)
{
  g_autoptr(GByteArray) data = g_byte_array_new ();

  for (;;)
    {
      g_autoptr(GBytes) chunk = g_input_stream_read_bytes (stream, 65536, cancellable, error);
      gsize len;
      gconstpointer bytes;

      if (chunk == NULL)
        return NULL;
      bytes = g_bytes_get_data (chunk, &len);
      if (len == 0)
        break;
      g_byte_array_append (data, bytes, (guint) len);
      if (max_size > 0 && data->len > max_size)
        {
          g_autofree char *limit = g_format_size (max_size);

          g_set_error (error, BK_SYNC_ERROR, BK_SYNC_ERROR_TOO_LARGE,
                       _("%s: the answer is larger than %s"), url, limit);
          return NULL;
        }
    }
  g_input_stream_close (stream, NULL, NULL);
  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

/* Whether a failure to get an answer is worth another try. */
static gboolean
is_transient (const GError *error)
{
  return !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
         error->domain != G_TLS_ERROR &&
         !g_error_matches (error, BK_SYNC_ERROR, BK_SYNC_ERROR_TOO_LARGE) &&
         !g_error_matches (error, BK_SYNC_ERROR, BK_SYNC_ERROR_TLS);
}

/* The failure in words, with url in front. */
static void
set_send_error (GError              **error,
                const GError         *cause,
                const char           *url,
                guint                 timeout_s,
                GTlsCertificateFlags  tls_errors)
{
  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      cause->domain == BK_SYNC_ERROR)
    g_propagate_error (error, g_error_copy (cause));
  else if (cause->domain == G_TLS_ERROR || tls_errors != 0)
    {
      g_autofree char *why = describe_tls_errors (tls_errors);

      g_set_error (error, BK_SYNC_ERROR, BK_SYNC_ERROR_TLS,
                   _("%s: the server's certificate is not trusted (%s); the kiosk does not "
                     "connect to a server it cannot verify"), url, why);
    }
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    g_set_error (error, BK_SYNC_ERROR, BK_SYNC_ERROR_TIMEOUT,
                 _("%s: the server did not answer within %u seconds"), url, timeout_s);
  else
    g_set_error (error, BK_SYNC_ERROR, BK_SYNC_ERROR_CONNECT,
                 _("%s: no connection to the server (%s)"), url, cause->message);
}

BkHttpResponse *
bk_http_get (BkHttp        *self,
             const char    *url,
             const char    *etag,
             const char    *last_modified,
             gsize          max_size,
             guint          extra_5xx_retries,
             GCancellable  *cancellable,
             GError       **error)
{
  guint64 backoff = self->options.backoff_ms;
  guint tries = self->options.retries + 1;

  g_return_val_if_fail (self != NULL && url != NULL, NULL);

  for (guint attempt = 1; ; attempt++)
    {
      g_autoptr(SoupMessage) msg = soup_message_new (SOUP_METHOD_GET, url);
      g_autoptr(GInputStream) stream = NULL;
      g_autoptr(GError) local_error = NULL;
      GTlsCertificateFlags tls_errors = 0;
      SoupMessageHeaders *headers;
      guint status;
      guint64 wait = 0;

      if (msg == NULL)
        {
          g_set_error (error, BK_SYNC_ERROR, BK_SYNC_ERROR_CONFIG,
                       _("%s: not a web address the kiosk can fetch"), url);
          return NULL;
        }
      headers = soup_message_get_request_headers (msg);
      soup_message_headers_replace (headers, "Accept", "application/json, */*;q=0.5");
      if (etag != NULL)
        soup_message_headers_replace (headers, "If-None-Match", etag);
      if (last_modified != NULL)
        soup_message_headers_replace (headers, "If-Modified-Since", last_modified);
      g_signal_connect (msg, "accept-certificate", G_CALLBACK (accept_certificate_cb), &tls_errors);

      g_atomic_int_inc (&self->requests);
      stream = soup_session_send (self->session, msg, cancellable, &local_error);
      if (stream == NULL)
        {
          if (!is_transient (local_error) || tls_errors != 0 || attempt >= tries)
            {
              set_send_error (error, local_error, url, self->options.timeout_s, tls_errors);
              return NULL;
            }
          g_debug ("%s: %s; trying again in %" G_GUINT64_FORMAT " ms", url, local_error->message, backoff);
        }
      else
        {
          status = soup_message_get_status (msg);
          if (status >= 500 || status == 429 /* Too Many Requests */)
            {
              guint allowed = tries + (status >= 500 ? extra_5xx_retries : 0);

              /* drain what there is, so that the connection can be reused */
              g_input_stream_close (stream, NULL, NULL);
              if (attempt >= allowed)
                {
                  g_set_error (error, BK_SYNC_ERROR, BK_SYNC_ERROR_HTTP,
                               g_dngettext (GETTEXT_PACKAGE,
                                            "%s: the server answered “%u %s”, also after %u try",
                                            "%s: the server answered “%u %s”, also after %u tries",
                                            attempt),
                               url, status, soup_message_get_reason_phrase (msg), attempt);
                  return NULL;
                }
              wait = retry_after_ms (msg, self->options.max_retry_after_s);
              g_debug ("%s: %u; trying again in %" G_GUINT64_FORMAT " ms", url, status,
                       wait > 0 ? wait : backoff);
            }
          else
            {
              BkHttpResponse *response;
              SoupMessageHeaders *reply = soup_message_get_response_headers (msg);
              const char *type = soup_message_headers_get_content_type (reply, NULL);
              GUri *uri = soup_message_get_uri (msg);
              GBytes *body;

              if (max_size > 0 && soup_message_headers_get_encoding (reply) == SOUP_ENCODING_CONTENT_LENGTH &&
                  (guint64) soup_message_headers_get_content_length (reply) > max_size)
                {
                  g_autofree char *limit = g_format_size (max_size);

                  g_set_error (error, BK_SYNC_ERROR, BK_SYNC_ERROR_TOO_LARGE,
                               _("%s: the answer is larger than %s"), url, limit);
                  return NULL;
                }
              body = read_body (stream, max_size, url, cancellable, &local_error);
              if (body == NULL)
                {
                  if (!is_transient (local_error) || attempt >= tries)
                    {
                      set_send_error (error, local_error, url, self->options.timeout_s, 0);
                      return NULL;
                    }
                }
              else
                {
                  response = g_new0 (BkHttpResponse, 1);
                  response->status = status;
                  response->reason = g_strdup (soup_message_get_reason_phrase (msg));
                  response->body = body;
                  response->content_type = type != NULL ? g_ascii_strdown (type, -1) : NULL;
                  response->etag = g_strdup (soup_message_headers_get_one (reply, "ETag"));
                  response->last_modified = g_strdup (soup_message_headers_get_one (reply, "Last-Modified"));
                  response->url = uri != NULL ? g_uri_to_string (uri) : g_strdup (url);
                  return response;
                }
            }
        }

      if (!wait_ms (wait > 0 ? wait : backoff, cancellable))
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Stopped"));
          return NULL;
        }
      backoff *= 2;
    }
}
