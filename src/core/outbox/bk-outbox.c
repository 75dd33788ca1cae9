/* bk-outbox.c: the outbox: submissions sealed for their destination and
 * delivered by a worker of their own
 *
 * A submission with a route is sealed at the moment it is stored: its
 * answers and receipt go into a bundle of JWEs for the destination's key
 * (FIT-Connect: the key the worker fetched and checked last; a form
 * server: its configured key), and only that bundle and the delivery
 * metadata reach the database, in the same transaction as the submission
 * row, which keeps no answers. Where the destination's key is not known
 * yet, or the route sends plain JSON over mutual TLS, the bundle is sealed
 * for the kiosk's own key instead and sealed anew for the destination just
 * before it is sent.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-outbox"

#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "bk-error.h"
#include "bk-outbox-private.h"
#include "bk-store-outbox.h"
#include "bk-transport-private.h"

#define KIOSK_KEY_BITS 3072
#define KIOSK_KEY_NAME "outbox-key.pem"

/* What the worker's notices reach: cleared when the outbox goes, so that a
 * notice still queued finds nothing to tell. */
typedef struct {
  gatomicrefcount  ref;
  BkOutbox        *outbox;
} Link;

struct _BkOutbox
{
  GObject           parent_instance;

  BkStore          *store;
  BkDeliveryConfig *config;
  BkJoseKey        *kiosk_key;
  GHashTable       *server_keys;   /* transport name → BkJoseKey (form servers, jwe) */
  GProxyResolver   *proxy;
  BkOutboxClock     clock;
  gpointer          clock_data;
  gboolean          fake_clock;
  BkCrashPoint      crash_point;
  BkOutboxWorker   *worker;
  Link             *link;
};

G_DEFINE_FINAL_TYPE (BkOutbox, bk_outbox, G_TYPE_OBJECT)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static Link *
link_ref (Link *link)
{
  g_atomic_ref_count_inc (&link->ref);
  return link;
}

static void
link_unref (Link *link)
{
  if (g_atomic_ref_count_dec (&link->ref))
    g_free (link);
}

static gint64
real_clock (gpointer data)
{
  return g_get_real_time () / 1000;
}

static void
bk_outbox_dispose (GObject *object)
{
  BkOutbox *self = BK_OUTBOX (object);

  bk_outbox_stop (self);
  if (self->link != NULL)
    {
      self->link->outbox = NULL;
      g_clear_pointer (&self->link, link_unref);
    }
  g_clear_object (&self->store);
  g_clear_object (&self->proxy);
  G_OBJECT_CLASS (bk_outbox_parent_class)->dispose (object);
}

static void
bk_outbox_finalize (GObject *object)
{
  BkOutbox *self = BK_OUTBOX (object);

  g_clear_pointer (&self->config, bk_delivery_config_unref);
  g_clear_pointer (&self->kiosk_key, bk_jose_key_unref);
  g_clear_pointer (&self->server_keys, g_hash_table_unref);
  G_OBJECT_CLASS (bk_outbox_parent_class)->finalize (object);
}

static void
bk_outbox_class_init (BkOutboxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bk_outbox_dispose;
  object_class->finalize = bk_outbox_finalize;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 3,
                                   G_TYPE_INT64, G_TYPE_STRING, G_TYPE_UINT);
}

static void
bk_outbox_init (BkOutbox *self)
{
  self->clock = real_clock;
  self->server_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) bk_jose_key_unref);
  self->link = g_new0 (Link, 1);
  g_atomic_ref_count_init (&self->link->ref);
  self->link->outbox = self;
}

/* The proxy from the environment, read once here: the worker's thread
 * then never reads the environment (the kiosk changes LANGUAGE at runtime).
 * Always a resolver of our own, never GIO's default one: with libproxy that
 * can start a helper program, and the kiosk starts none. */
static GProxyResolver *
proxy_from_environment (void)
{
  const char *proxy = g_getenv ("https_proxy");
  const char *no_proxy = g_getenv ("no_proxy");
  g_auto(GStrv) ignore = NULL;

  if (proxy == NULL || proxy[0] == '\0')
    proxy = g_getenv ("HTTPS_PROXY");
  if (proxy == NULL || proxy[0] == '\0')
    return g_simple_proxy_resolver_new (NULL, NULL);
  if (no_proxy == NULL)
    no_proxy = g_getenv ("NO_PROXY");
  ignore = no_proxy ? g_strsplit (no_proxy, ",", -1) : NULL;
  for (guint i = 0; ignore != NULL && ignore[i] != NULL; i++)
    g_strstrip (ignore[i]);
  return g_simple_proxy_resolver_new (proxy, ignore);
}

static BkJoseKey *
kiosk_key (BkStore          *store,
           BkDeliveryConfig *config,
           GError          **error)
{
  const char *configured = bk_delivery_config_get_settings (config)->kiosk_key;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  GStatBuf st;

  if (configured != NULL)
    path = g_strdup (configured);
  else
    {
      dir = g_path_get_dirname (bk_store_get_path (store));
      path = g_build_filename (dir, KIOSK_KEY_NAME, NULL);
    }
  if (g_stat (path, &st) != 0)
    {
      g_message ("Outbox: making the kiosk's own key %s", path);
      return bk_jose_key_generate (KIOSK_KEY_BITS, path, error);
    }
  if (st.st_uid != geteuid () || (st.st_mode & 077) != 0)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                   _("%s: the kiosk's key must belong to the kiosk's user and be readable by it alone (chmod 600)"),
                   path);
      return NULL;
    }
  return bk_jose_key_load_private (path, error);
}

/* A form server's key (jwe mode), checked now so that submissions are
 * sealed for it; when it fails the check they are sealed for the kiosk's
 * key and the worker reports the problem. */
static void
load_server_keys (BkOutbox *self)
{
  GPtrArray *transports = bk_delivery_config_get_transports (self->config);

  for (guint i = 0; i < transports->len; i++)
    {
      BkTransportConfig *t = g_ptr_array_index (transports, i);
      g_autofree char *text = NULL;
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(BkJoseKey) key = NULL;
      g_autoptr(GError) error = NULL;
      JsonNode *root;

      if (t->kind != BK_TRANSPORT_HTTPS || t->mode != BK_HTTPS_MODE_JWE)
        continue;
      if (!g_file_get_contents (t->encryption_key, &text, NULL, &error) ||
          !json_parser_load_from_data (parser, text, -1, &error) ||
          (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
          (key = bk_jose_key_new_from_jwk (json_node_get_object (root), BK_JOSE_USE_ENCRYPT, 2048, &error)) == NULL ||
          !bk_jose_key_check_chain (key, json_node_get_object (root), t->trust_anchor, BK_JOSE_USE_ENCRYPT,
                                    0, &error))
        {
          g_message ("Outbox: the key of [transport %s] is not used: %s", t->name,
                     error ? error->message : "not a JWK");
          continue;
        }
      g_hash_table_insert (self->server_keys, g_strdup (t->name), g_steal_pointer (&key));
    }
}

BkOutbox *
bk_outbox_new (BkStore          *store,
               BkDeliveryConfig *config,
               GError          **error)
{
  g_autoptr(BkOutbox) self = NULL;

  g_return_val_if_fail (BK_IS_STORE (store), NULL);
  g_return_val_if_fail (config != NULL, NULL);

  if (bk_store_get_path (store) == NULL || bk_store_is_read_only (store))
    {
      g_set_error_literal (error, BK_ERROR, BK_ERROR_READ_ONLY,
                           _("submissions can be delivered only from a database file that can be written"));
      return NULL;
    }
  self = g_object_new (BK_TYPE_OUTBOX, NULL);
  self->store = g_object_ref (store);
  self->config = bk_delivery_config_ref (config);
  if ((self->kiosk_key = kiosk_key (store, config, error)) == NULL)
    return NULL;
  load_server_keys (self);
  self->proxy = proxy_from_environment ();
  return g_steal_pointer (&self);
}

BkDeliveryConfig *
bk_outbox_get_config (BkOutbox *self)
{
  g_return_val_if_fail (BK_IS_OUTBOX (self), NULL);
  return self->config;
}

/* ---- the worker ---------------------------------------------------------- */

static void
notify_cb (gint64         id,
           const char    *reference,
           BkOutboxState  state,
           gpointer       data)
{
  Link *link = data;

  if (link->outbox != NULL)
    g_signal_emit (link->outbox, signals[CHANGED], 0, id, reference, (guint) state);
}

void
bk_outbox_start (BkOutbox *self)
{
  BkOutboxWorkerSetup setup = { 0 };

  g_return_if_fail (BK_IS_OUTBOX (self));
  if (self->worker != NULL)
    return;
  setup.db_path = g_strdup (bk_store_get_path (self->store));
  setup.config = bk_delivery_config_ref (self->config);
  setup.kiosk_key = bk_jose_key_ref (self->kiosk_key);
  setup.proxy = self->proxy ? g_object_ref (self->proxy) : NULL;
  setup.clock = self->clock;
  setup.clock_data = self->clock_data;
  setup.fake_clock = self->fake_clock;
  setup.crash_point = self->crash_point;
  setup.notify_context = g_main_context_ref_thread_default ();
  setup.notify = notify_cb;
  setup.notify_data = link_ref (self->link);
  setup.notify_data_ref = (GBoxedCopyFunc) link_ref;
  setup.notify_data_free = (GDestroyNotify) link_unref;
  self->worker = _bk_outbox_worker_start (&setup);
}

void
bk_outbox_stop (BkOutbox *self)
{
  g_return_if_fail (BK_IS_OUTBOX (self));
  g_clear_pointer (&self->worker, _bk_outbox_worker_stop);
}

void
bk_outbox_wake (BkOutbox *self)
{
  g_return_if_fail (BK_IS_OUTBOX (self));
  if (self->worker != NULL)
    _bk_outbox_worker_wake (self->worker);
}

/* ---- submitting ------------------------------------------------------------ */

typedef struct {
  BkOutbox             *self;
  const BkRoute        *route;
  const BkDeliveryInfo *info;
  BkAttachmentFunc      attach;
  gpointer              attach_data;
  const char           *recipient;
} Seal;

/* The key a new bundle is sealed for. */
static BkJoseKey *
sealing_key (BkOutbox      *self,
             const BkRoute *route)
{
  BkTransportConfig *transport = route->transport;

  if (transport->kind == BK_TRANSPORT_FIT_CONNECT)
    {
      g_autofree char *jwk = NULL;
      BkJoseKey *key = NULL;

      /* Checked by the worker when it fetched it (use, size, chain). */
      if (bk_store_outbox_get_key (self->store, route->name, NULL, &jwk, NULL))
        key = bk_jose_key_new_from_jwk_text (jwk, BK_JOSE_USE_ENCRYPT, BK_FIT_CONNECT_MIN_KEY_BITS, NULL);
      return key ? key : bk_jose_key_ref (self->kiosk_key);
    }
  if (transport->mode == BK_HTTPS_MODE_JWE)
    {
      BkJoseKey *key = g_hash_table_lookup (self->server_keys, transport->name);

      if (key != NULL)
        return bk_jose_key_ref (key);
    }
  return bk_jose_key_ref (self->kiosk_key);
}

static gboolean
seal_cb (BkStore      *store,
         BkSubmission *submission,
         const char   *reference,
         const char   *created_at,
         gpointer      data,
         GError      **error)
{
  Seal *seal = data;
  BkOutbox *self = seal->self;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(BkBundle) bundle = NULL;
  g_autoptr(BkJoseKey) key = NULL;
  g_autoptr(BkOutboxEntry) entry = bk_outbox_entry_new ();

  if (seal->attach != NULL &&
      (pdf = seal->attach (submission, reference, created_at, seal->attach_data, error)) == NULL)
    return FALSE;
  bundle = bk_bundle_new (submission, reference, created_at, seal->info, seal->route, pdf);
  key = sealing_key (self, seal->route);
  entry->bundle = bk_bundle_seal (bundle, key, error);
  if (entry->bundle == NULL)
    return FALSE;
  entry->reference = g_strdup (reference);
  entry->idempotency_key = g_uuid_string_random ();
  entry->kind = g_strdup (bk_submission_kind_to_string (submission->kind));
  entry->route = g_strdup (seal->route->name);
  entry->transport = g_strdup (bk_transport_kind_to_string (seal->route->transport->kind));
  entry->recipient = g_strdup (seal->recipient);
  entry->state = BK_OUTBOX_PENDING;
  entry->sealed_for = g_strdup (bk_jose_key_get_kid (key));
  entry->created_at = self->clock (self->clock_data);
  entry->next_attempt_at = entry->created_at;
  return bk_store_outbox_insert (store, entry, error);
}

static const char *
route_recipient (const BkRoute *route,
                 const char    *municipality)
{
  return route->recipient ? route->recipient : municipality ? municipality : route->transport->name;
}

char *
bk_outbox_dup_recipient (BkOutbox         *self,
                         const char       *service_id,
                         BkSubmissionKind  kind,
                         const char       *municipality)
{
  const BkRoute *route;

  g_return_val_if_fail (BK_IS_OUTBOX (self), NULL);
  route = bk_delivery_config_route_for (self->config, service_id, kind);
  return route ? g_strdup (route_recipient (route, municipality)) : NULL;
}

char *
bk_outbox_submit (BkOutbox             *self,
                  BkSubmission         *submission,
                  const BkDeliveryInfo *info,
                  BkAttachmentFunc      attach,
                  gpointer              attach_data,
                  char                **recipient,
                  GError              **error)
{
  static const BkDeliveryInfo none = { NULL };
  const BkRoute *route;
  Seal seal = { 0 };
  char *reference;

  g_return_val_if_fail (BK_IS_OUTBOX (self), NULL);
  g_return_val_if_fail (submission != NULL, NULL);

  if (recipient != NULL)
    *recipient = NULL;
  route = bk_delivery_config_route_for (self->config, submission->service_id, submission->kind);
  if (route == NULL)
    return bk_store_add_submission (self->store, submission, error);

  seal.self = self;
  seal.route = route;
  seal.info = info ? info : &none;
  seal.attach = attach;
  seal.attach_data = attach_data;
  seal.recipient = route_recipient (route, seal.info->municipality);
  reference = bk_store_add_sealed_submission (self->store, submission, seal_cb, &seal, error);
  if (reference == NULL)
    return NULL;
  if (recipient != NULL)
    *recipient = g_strdup (seal.recipient);
  bk_outbox_wake (self);
  return reference;
}

/* ---- reading --------------------------------------------------------------- */

BkOutboxEntry *
bk_outbox_get_entry (BkOutbox   *self,
                     const char *reference)
{
  g_return_val_if_fail (BK_IS_OUTBOX (self), NULL);
  return bk_store_outbox_load (self->store, 0, reference, NULL);
}

gboolean
bk_outbox_summarize (BkOutbox         *self,
                     BkOutboxSummary  *summary,
                     GError          **error)
{
  g_return_val_if_fail (BK_IS_OUTBOX (self), FALSE);
  return bk_store_outbox_summarize (self->store, summary, error);
}

gboolean
bk_outbox_retry (BkOutbox  *self,
                 gint64     id,
                 GError   **error)
{
  g_return_val_if_fail (BK_IS_OUTBOX (self), FALSE);
  if (!bk_store_outbox_retry (self->store, id, self->clock (self->clock_data), error))
    return FALSE;
  bk_outbox_wake (self);
  return TRUE;
}

/* ---- words ----------------------------------------------------------------- */

const char *
bk_outbox_state_describe (BkOutboxState state)
{
  switch (state)
    {
    /* Translators: states of a submission in the outbox (staff page, buergerkiosk-ctl) */
    case BK_OUTBOX_PENDING: return _("Waiting to be sent");
    case BK_OUTBOX_SENDING: return _("Being sent");
    case BK_OUTBOX_SUBMITTED: return _("Delivered, awaiting acceptance");
    case BK_OUTBOX_ACCEPTED: return _("Accepted by the authority");
    case BK_OUTBOX_REJECTED: return _("Rejected by the authority");
    case BK_OUTBOX_FAILED:
    default: return _("Failed, needs staff");
    }
}

char *
bk_outbox_dup_time (gint64 ms)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (ms <= 0)
    return g_strdup ("-");
  utc = g_date_time_new_from_unix_utc (ms / 1000);
  local = g_date_time_to_local (utc);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

char *
bk_outbox_dup_age (gint64 since)
{
  gint64 seconds = MAX (g_get_real_time () / 1000 - since, 0) / 1000;
  gulong n;

  if (seconds < 120)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%lu second", "%lu seconds", (gulong) seconds),
                            (gulong) seconds);
  if (seconds < 2 * 3600)
    {
      n = (gulong) (seconds / 60);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%lu minute", "%lu minutes", n), n);
    }
  if (seconds < 2 * 86400)
    {
      n = (gulong) (seconds / 3600);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%lu hour", "%lu hours", n), n);
    }
  n = (gulong) (seconds / 86400);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%lu day", "%lu days", n), n);
}

char *
bk_outbox_dup_expired_text (guint expired)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u submission was removed unsent after the retention period.",
                                       "%u submissions were removed unsent after the retention period.",
                                       expired), expired);
}

char *
bk_outbox_describe_problem (const char *problem)
{
  static const struct {
    const char *code;
    const char *words;
  } problems[] = {
    /* Translators: why a submission could not be delivered (staff page, buergerkiosk-ctl) */
    { BK_PROBLEM_UNREACHABLE, N_("The server cannot be reached; the kiosk tries again by itself.") },
    { BK_PROBLEM_TIMEOUT, N_("The server did not answer in time; the kiosk tries again by itself.") },
    { BK_PROBLEM_TLS, N_("The secure connection to the server failed (certificate or CA file).") },
    { BK_PROBLEM_SERVER, N_("The server reported an error; the kiosk tries again by itself.") },
    { BK_PROBLEM_BUSY, N_("The server is busy and asked the kiosk to wait; it tries again then.") },
    { BK_PROBLEM_LOGIN, N_("The login was refused: check the client id and secret.") },
    { BK_PROBLEM_KEY, N_("The destination's encryption key failed a check (use, size or certificate); nothing is sent to it.") },
    { BK_PROBLEM_KEY_GONE, N_("The submission is encrypted for a key the destination no longer has.") },
    { BK_PROBLEM_REFUSED, N_("The destination refused the submission.") },
    { BK_PROBLEM_REJECTED, N_("The authority rejected the submission.") },
    { BK_PROBLEM_SIGNATURE, N_("A status message's signature is not valid; it was ignored.") },
    { BK_PROBLEM_PROTOCOL, N_("The server gave an answer the kiosk does not understand.") },
    { BK_PROBLEM_CONFIG, N_("The route of this submission is no longer configured.") },
    { BK_PROBLEM_LOCAL, N_("A problem on the kiosk itself (database or key file).") },
    { BK_PROBLEM_EXPIRED, N_("Removed unsent after the retention period.") },
  };
  const char *colon;
  g_autofree char *code = NULL;
  const char *detail = NULL;

  if (problem == NULL)
    return NULL;
  colon = strchr (problem, ':');
  code = colon ? g_strndup (problem, colon - problem) : g_strdup (problem);
  if (colon != NULL)
    for (detail = colon + 1; *detail == ' '; detail++)
      ;
  for (guint i = 0; i < G_N_ELEMENTS (problems); i++)
    if (g_str_equal (code, problems[i].code))
      return detail && detail[0] ? g_strdup_printf ("%s (%s)", _(problems[i].words), detail)
                                 : g_strdup (_(problems[i].words));
  return g_strdup (problem);
}

/* ---- for tests --------------------------------------------------------------- */

void
_bk_outbox_set_clock (BkOutbox      *self,
                      BkOutboxClock  clock,
                      gpointer       data)
{
  g_return_if_fail (BK_IS_OUTBOX (self));
  self->clock = clock ? clock : real_clock;
  self->clock_data = data;
  self->fake_clock = clock != NULL;
}

void
_bk_outbox_set_crash_point (BkOutbox     *self,
                            BkCrashPoint  point)
{
  g_return_if_fail (BK_IS_OUTBOX (self));
  self->crash_point = point;
}

gint64
_bk_outbox_now (BkOutbox *self)
{
  return self->clock (self->clock_data);
}

gboolean
_bk_outbox_has_ended (BkOutbox *self)
{
  return self->worker == NULL || _bk_outbox_worker_ended (self->worker);
}

guint
_bk_outbox_get_rounds (BkOutbox *self)
{
  return self->worker ? _bk_outbox_worker_rounds (self->worker) : 0;
}
