/* bk-http.h: polite HTTP GETs for the OParl sync (libsoup 3)
 *
 * One session per sync service: at most two connections per host, an
 * identifying User-Agent, generous timeouts, retries with backoff on
 * connection errors, 5xx and 429 (honouring Retry-After), a size cap, and
 * TLS errors reported — a certificate that does not verify is never
 * accepted. Since libsoup 3.2 a session may send from any thread; it is
 * configured once, in the thread that makes it (bk_http_new).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define BK_SYNC_ERROR (bk_sync_error_quark ())

typedef enum {
  BK_SYNC_ERROR_CONNECT,    /* no connection: host unknown, refused, network down */
  BK_SYNC_ERROR_TIMEOUT,    /* no answer in time */
  BK_SYNC_ERROR_TLS,        /* the certificate did not verify */
  BK_SYNC_ERROR_HTTP,       /* an HTTP status that is no answer (after the retries) */
  BK_SYNC_ERROR_TOO_LARGE,
  BK_SYNC_ERROR_NOT_OPARL,  /* not JSON, not OParl, or an OParl Error object */
  BK_SYNC_ERROR_LOOP,       /* links.next leads back to a page read before */
  BK_SYNC_ERROR_REPEATED,   /* the same page again under another address */
  BK_SYNC_ERROR_PAGE_CAP,   /* more pages than any real list has */
  BK_SYNC_ERROR_BUSY,       /* another sync of this endpoint is running */
  BK_SYNC_ERROR_CONFIG,     /* no endpoint, or not an http(s) URL */
} BkSyncError;

GQuark bk_sync_error_quark (void);

typedef struct {
  guint timeout_s;          /* I/O timeout of a request (default 120: servers are slow) */
  guint retries;            /* tries after the first (default 3) */
  guint backoff_ms;         /* the first wait before a retry, doubled each time (default 2000) */
  guint max_retry_after_s;  /* the longest Retry-After honoured (default 300) */
} BkHttpOptions;

typedef struct {
  guint status;
  char *reason;             /* the status in words, as the server or libsoup says it */
  GBytes *body;             /* never NULL */
  char *content_type;       /* without parameters, lower case; NULL when not given */
  char *etag;
  char *last_modified;
  char *url;                /* after redirects */
} BkHttpResponse;

void     bk_http_response_free    (BkHttpResponse       *response);
/* Whether the answer is a web page: by its type, or by how its body
 * begins when the type says nothing (servers label error pages wrongly). */
gboolean bk_http_response_is_html (const BkHttpResponse *response);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BkHttpResponse, bk_http_response_free)

typedef struct _BkHttp BkHttp;

/* options NULL: the defaults. */
BkHttp         *bk_http_new                (const BkHttpOptions *options);
BkHttp         *bk_http_ref                (BkHttp              *self);
void            bk_http_unref              (BkHttp              *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BkHttp, bk_http_unref)

/* The User-Agent sent with every request. */
const char     *bk_http_get_user_agent     (BkHttp              *self);

/* GET url. etag and last_modified (may be NULL) make it conditional (a 304
 * comes back as a response). max_size 0: no cap. extra_5xx_retries: more
 * tries on a 5xx (a vendor quirk). Any answer that is not retried comes
 * back as a response, whatever its status (2xx, 3xx, 4xx); a 5xx or 429
 * still there after the retries, and every failure to get an answer, is
 * an error naming url and the problem in words. */
BkHttpResponse *bk_http_get                (BkHttp              *self,
                                            const char          *url,
                                            const char          *etag,
                                            const char          *last_modified,
                                            gsize                max_size,
                                            guint                extra_5xx_retries,
                                            GCancellable        *cancellable,
                                            GError             **error);
/* Requests sent so far, retries included (for the health and the bench). */
guint           bk_http_get_request_count  (BkHttp              *self);

G_END_DECLS
