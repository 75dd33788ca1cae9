/* bk-delivery-config.c: where submissions go, read from the delivery file
 *
 * Checked when it is read, so that a typo shows at start-up with the file,
 * section and key named, not as a failed delivery at night.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-outbox"

#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "bk-delivery-config.h"
#include "bk-error.h"

#define MAX_SECRET 8192

struct _BkDeliveryConfig
{
  gatomicrefcount    ref;
  BkDeliverySettings settings;
  GPtrArray         *transports;   /* BkTransportConfig */
  GPtrArray         *routes;       /* BkRoute */
};

static void
transport_free (BkTransportConfig *t)
{
  g_free (t->name);
  g_free (t->tls_ca);
  g_free (t->trust_anchor);
  g_free (t->token_url);
  g_free (t->submission_api);
  g_free (t->client_id);
  if (t->client_secret != NULL)
    explicit_bzero (t->client_secret, strlen (t->client_secret));
  g_free (t->client_secret);
  g_free (t->url);
  g_free (t->encryption_key);
  g_free (t->client_certificate);
  g_free (t->client_key);
  g_free (t);
}

static void
route_free (BkRoute *r)
{
  g_free (r->name);
  g_free (r->recipient);
  g_free (r->destination_id);
  g_free (r->leika);
  g_free (r->service_identifier);
  g_free (r->service_name);
  g_free (r);
}

const char *
bk_transport_kind_to_string (BkTransportKind kind)
{
  return kind == BK_TRANSPORT_FIT_CONNECT ? "fit-connect" : "https";
}

char *
bk_delivery_config_find_default (void)
{
  g_autofree char *user = g_build_filename (g_get_user_config_dir (), "buergerkiosk", "delivery.ini", NULL);

  if (g_file_test (user, G_FILE_TEST_EXISTS))
    return g_steal_pointer (&user);
  if (g_file_test ("/etc/buergerkiosk/delivery.ini", G_FILE_TEST_EXISTS))
    return g_strdup ("/etc/buergerkiosk/delivery.ini");
  return NULL;
}

/* ---- reading ------------------------------------------------------------- */

typedef struct {
  GKeyFile   *file;
  const char *where;     /* the file's name, for messages */
  const char *base_dir;
} Reader;

static void
set_config_error (GError    **error,
                  Reader     *r,
                  const char *group,
                  const char *key,
                  const char *message)
{
  if (key != NULL)
    g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT, "%s: [%s] %s: %s", r->where, group, key, message);
  else
    g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT, "%s: [%s]: %s", r->where, group, message);
}

static char *
get_string (Reader     *r,
            const char *group,
            const char *key)
{
  g_autofree char *value = g_key_file_get_string (r->file, group, key, NULL);

  if (value == NULL)
    return NULL;
  g_strstrip (value);
  return value[0] != '\0' ? g_steal_pointer (&value) : NULL;
}

static char *
require_string (Reader      *r,
                const char  *group,
                const char  *key,
                GError     **error)
{
  char *value = get_string (r, group, key);

  if (value == NULL)
    set_config_error (error, r, group, key, _("this is needed"));
  return value;
}

static char *
get_path (Reader     *r,
          const char *group,
          const char *key)
{
  g_autofree char *value = get_string (r, group, key);

  if (value == NULL || g_path_is_absolute (value) || r->base_dir == NULL)
    return g_steal_pointer (&value);
  return g_build_filename (r->base_dir, value, NULL);
}

static char *
get_file (Reader      *r,
          const char  *group,
          const char  *key,
          gboolean     required,
          GError     **error)
{
  g_autofree char *path = get_path (r, group, key);

  if (path == NULL)
    {
      if (required)
        set_config_error (error, r, group, key, _("this is needed"));
      return NULL;
    }
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_autofree char *message = g_strdup_printf (_("the file %s does not exist"), path);

      set_config_error (error, r, group, key, message);
      return NULL;
    }
  return g_steal_pointer (&path);
}

static gboolean
check_url (Reader      *r,
           const char  *group,
           const char  *key,
           const char  *url,
           GError     **error)
{
  g_autoptr(GUri) uri = url ? g_uri_parse (url, G_URI_FLAGS_NONE, NULL) : NULL;

  if (uri == NULL || g_strcmp0 (g_uri_get_scheme (uri), "https") != 0 || g_uri_get_host (uri) == NULL)
    {
      set_config_error (error, r, group, key, _("this must be an https:// address"));
      return FALSE;
    }
  return TRUE;
}

/* A secret is read only from a file that no one but the kiosk's user can
 * read, and that belongs to that user. */
static gboolean
check_private_file (Reader      *r,
                    const char  *group,
                    const char  *key,
                    const char  *path,
                    GError     **error)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    {
      g_autofree char *message = g_strdup_printf (_("the file %s cannot be read"), path);

      set_config_error (error, r, group, key, message);
      return FALSE;
    }
  if (st.st_uid != geteuid () || (st.st_mode & 077) != 0)
    {
      g_autofree char *message =
        g_strdup_printf (_("the secret file %s must belong to the kiosk's user and be readable by it "
                           "alone (chmod 600)"), path);

      set_config_error (error, r, group, key, message);
      return FALSE;
    }
  return TRUE;
}

static char *
read_secret (Reader      *r,
             const char  *group,
             const char  *key,
             GError     **error)
{
  g_autofree char *path = get_file (r, group, key, TRUE, error);
  g_autofree char *contents = NULL;
  gsize length;

  if (path == NULL || !check_private_file (r, group, key, path, error))
    return NULL;
  if (!g_file_get_contents (path, &contents, &length, NULL) || length > MAX_SECRET ||
      !g_utf8_validate (contents, (gssize) length, NULL))
    {
      g_autofree char *message = g_strdup_printf (_("the file %s does not hold a secret"), path);

      set_config_error (error, r, group, key, message);
      return NULL;
    }
  g_strstrip (contents);
  if (contents[0] == '\0')
    {
      g_autofree char *message = g_strdup_printf (_("the file %s is empty"), path);

      set_config_error (error, r, group, key, message);
      return NULL;
    }
  return g_steal_pointer (&contents);
}

static gboolean
read_uint (Reader      *r,
           const char  *group,
           const char  *key,
           guint        min,
           guint        max,
           guint       *value,
           GError     **error)
{
  g_autofree char *text = get_string (r, group, key);
  guint64 number;

  if (text == NULL)
    return TRUE;
  if (!g_ascii_string_to_unsigned (text, 10, min, max, &number, NULL))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a number from %u to %u"), text, min, max);

      set_config_error (error, r, group, key, message);
      return FALSE;
    }
  *value = (guint) number;
  return TRUE;
}

static const char *const delivery_keys[] = {
  "retention-days", "retry-min", "retry-max", "poll-interval", "timeout", "concurrency", "kiosk-key", NULL
};
static const char *const fit_connect_keys[] = {
  "type", "token-url", "submission-api", "client-id", "client-secret-file", "trust-anchor", "tls-ca", NULL
};
static const char *const https_keys[] = {
  "type", "url", "mode", "encryption-key", "trust-anchor", "client-certificate", "client-key", "tls-ca", NULL
};
static const char *const route_keys[] = {
  "transport", "recipient", "destination-id", "leika", "service-identifier", "service-name", NULL
};

/* A misspelt key would otherwise silently fall back to a default. */
static gboolean
check_keys (Reader             *r,
            const char         *group,
            const char * const *known,
            GError            **error)
{
  g_auto(GStrv) keys = g_key_file_get_keys (r->file, group, NULL, NULL);

  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    if (!g_strv_contains (known, keys[i]))
      {
        set_config_error (error, r, group, keys[i], _("unknown key"));
        return FALSE;
      }
  return TRUE;
}

static BkTransportConfig *
read_transport (Reader      *r,
                const char  *group,
                const char  *name,
                GError     **error)
{
  g_autoptr(GError) local = NULL;
  g_autofree char *type = require_string (r, group, "type", error);
  BkTransportConfig *t;

  if (type == NULL)
    return NULL;
  t = g_new0 (BkTransportConfig, 1);
  t->name = g_strdup (name);
  if (g_str_equal (type, "fit-connect"))
    {
      t->kind = BK_TRANSPORT_FIT_CONNECT;
      if (!check_keys (r, group, fit_connect_keys, error) ||
          (t->token_url = require_string (r, group, "token-url", error)) == NULL ||
          !check_url (r, group, "token-url", t->token_url, error) ||
          (t->submission_api = require_string (r, group, "submission-api", error)) == NULL ||
          !check_url (r, group, "submission-api", t->submission_api, error) ||
          (t->client_id = require_string (r, group, "client-id", error)) == NULL ||
          (t->client_secret = read_secret (r, group, "client-secret-file", error)) == NULL ||
          (t->trust_anchor = get_file (r, group, "trust-anchor", TRUE, error)) == NULL)
        goto fail;
      /* "…/submission-api/" and "…/submission-api" are the same base. */
      while (g_str_has_suffix (t->submission_api, "/"))
        t->submission_api[strlen (t->submission_api) - 1] = '\0';
    }
  else if (g_str_equal (type, "https"))
    {
      g_autofree char *mode = NULL;

      t->kind = BK_TRANSPORT_HTTPS;
      if (!check_keys (r, group, https_keys, error) ||
          (t->url = require_string (r, group, "url", error)) == NULL ||
          !check_url (r, group, "url", t->url, error))
        goto fail;
      mode = get_string (r, group, "mode");
      if (mode == NULL || g_str_equal (mode, "jwe"))
        t->mode = BK_HTTPS_MODE_JWE;
      else if (g_str_equal (mode, "json-mtls"))
        t->mode = BK_HTTPS_MODE_JSON_MTLS;
      else
        {
          set_config_error (error, r, group, "mode", _("use jwe or json-mtls"));
          goto fail;
        }
      if (t->mode == BK_HTTPS_MODE_JWE &&
          ((t->encryption_key = get_file (r, group, "encryption-key", TRUE, error)) == NULL ||
           (t->trust_anchor = get_file (r, group, "trust-anchor", TRUE, error)) == NULL))
        goto fail;
      if (t->mode == BK_HTTPS_MODE_JSON_MTLS &&
          ((t->client_certificate = get_file (r, group, "client-certificate", TRUE, error)) == NULL ||
           (t->client_key = get_file (r, group, "client-key", TRUE, error)) == NULL ||
           !check_private_file (r, group, "client-key", t->client_key, error)))
        goto fail;
    }
  else
    {
      set_config_error (error, r, group, "type", _("use fit-connect or https"));
      goto fail;
    }
  t->tls_ca = get_file (r, group, "tls-ca", FALSE, &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      goto fail;
    }
  return t;

fail:
  transport_free (t);
  return NULL;
}

static BkRoute *
read_route (BkDeliveryConfig *self,
            Reader           *r,
            const char       *group,
            GError          **error)
{
  g_autofree char *transport = NULL;
  BkRoute *route;

  if (!check_keys (r, group, route_keys, error) ||
      (transport = require_string (r, group, "transport", error)) == NULL)
    return NULL;
  route = g_new0 (BkRoute, 1);
  route->name = g_strdup (group);
  for (guint i = 0; i < self->transports->len; i++)
    {
      BkTransportConfig *t = g_ptr_array_index (self->transports, i);

      if (g_str_equal (t->name, transport))
        route->transport = t;
    }
  if (route->transport == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("there is no [transport %s]"), transport);

      set_config_error (error, r, group, "transport", message);
      goto fail;
    }
  route->recipient = get_string (r, group, "recipient");
  route->leika = get_string (r, group, "leika");
  route->service_identifier = get_string (r, group, "service-identifier");
  route->service_name = get_string (r, group, "service-name");
  if (route->leika != NULL)
    {
      /* Written in groups, "99115 005 104 000", as often printed. */
      GString *clean = g_string_new (NULL);

      for (const char *p = route->leika; *p != '\0'; p++)
        if (*p != ' ')
          g_string_append_c (clean, *p);
      g_free (route->leika);
      route->leika = g_string_free (clean, FALSE);
      if (strlen (route->leika) != 14 || strspn (route->leika, "0123456789") != 14)
        {
          set_config_error (error, r, group, "leika", _("a LeiKa key has 14 digits"));
          goto fail;
        }
    }
  if (route->transport->kind == BK_TRANSPORT_FIT_CONNECT)
    {
      route->destination_id = require_string (r, group, "destination-id", error);
      if (route->destination_id == NULL)
        goto fail;
      if (!g_uuid_string_is_valid (route->destination_id))
        {
          set_config_error (error, r, group, "destination-id", _("a destination id is a UUID"));
          goto fail;
        }
    }
  return route;

fail:
  route_free (route);
  return NULL;
}

static BkDeliveryConfig *
load (GKeyFile    *file,
      const char  *where,
      const char  *base_dir,
      GError     **error)
{
  g_autoptr(BkDeliveryConfig) self = g_new0 (BkDeliveryConfig, 1);
  g_auto(GStrv) groups = g_key_file_get_groups (file, NULL);
  Reader r = { file, where, base_dir };

  g_atomic_ref_count_init (&self->ref);
  self->transports = g_ptr_array_new_with_free_func ((GDestroyNotify) transport_free);
  self->routes = g_ptr_array_new_with_free_func ((GDestroyNotify) route_free);
  self->settings.retention_days = 30;
  self->settings.retry_min = 2;
  self->settings.retry_max = 30;
  self->settings.poll_interval = 300;
  self->settings.timeout = 30;
  self->settings.concurrency = 4;
  self->settings.path = g_strdup (where);

  if (g_key_file_has_group (file, "delivery"))
    {
      if (!check_keys (&r, "delivery", delivery_keys, error) ||
          !read_uint (&r, "delivery", "retention-days", 1, 3650, &self->settings.retention_days, error) ||
          !read_uint (&r, "delivery", "retry-min", 1, 3600, &self->settings.retry_min, error) ||
          !read_uint (&r, "delivery", "retry-max", 1, 86400, &self->settings.retry_max, error) ||
          !read_uint (&r, "delivery", "poll-interval", 1, 86400, &self->settings.poll_interval, error) ||
          !read_uint (&r, "delivery", "timeout", 1, 600, &self->settings.timeout, error) ||
          !read_uint (&r, "delivery", "concurrency", 1, 16, &self->settings.concurrency, error))
        return NULL;
      self->settings.kiosk_key = get_path (&r, "delivery", "kiosk-key");
      if (self->settings.retry_max < self->settings.retry_min)
        {
          set_config_error (error, &r, "delivery", "retry-max", _("must not be less than retry-min"));
          return NULL;
        }
    }

  /* Transports first: routes name them. */
  for (guint i = 0; groups[i] != NULL; i++)
    if (g_str_has_prefix (groups[i], "transport "))
      {
        const char *name = groups[i] + strlen ("transport ");
        BkTransportConfig *t;

        if (name[0] == '\0')
          {
            set_config_error (error, &r, groups[i], NULL, _("a transport needs a name"));
            return NULL;
          }
        if ((t = read_transport (&r, groups[i], name, error)) == NULL)
          return NULL;
        g_ptr_array_add (self->transports, t);
      }
  for (guint i = 0; groups[i] != NULL; i++)
    {
      BkRoute *route;

      if (g_str_equal (groups[i], "delivery") || g_str_has_prefix (groups[i], "transport "))
        continue;
      if (g_str_has_prefix (groups[i], "form "))
        {
          BkSubmissionKind kind;
          const char *name = groups[i] + strlen ("form ");

          if (!g_str_equal (name, "*") && !bk_submission_kind_from_string (name, &kind))
            {
              set_config_error (error, &r, groups[i], NULL,
                                _("unknown form; the forms are appointment, registration-certificate, "
                                  "defect-report, suggestion-complaint and motion-feedback"));
              return NULL;
            }
        }
      else if (!g_str_has_prefix (groups[i], "service ") || groups[i][strlen ("service ")] == '\0')
        {
          set_config_error (error, &r, groups[i], NULL,
                            _("unknown section; use [delivery], [transport NAME], [service ID] or [form KIND]"));
          return NULL;
        }
      if ((route = read_route (self, &r, groups[i], error)) == NULL)
        return NULL;
      /* FIT-Connect needs a service identifier: a LeiKa key (the route's
       * or, for a service, the catalogue's) or a URN. */
      if (route->transport->kind == BK_TRANSPORT_FIT_CONNECT && g_str_has_prefix (groups[i], "form ") &&
          route->leika == NULL && route->service_identifier == NULL)
        {
          set_config_error (error, &r, groups[i], NULL,
                            _("FIT-Connect needs a leika key or a service-identifier for a form without a service"));
          route_free (route);
          return NULL;
        }
      g_ptr_array_add (self->routes, route);
    }
  return g_steal_pointer (&self);
}

BkDeliveryConfig *
bk_delivery_config_load (const char  *path,
                         GError     **error)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autofree char *dir = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  if (!g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, error))
    {
      if (error != NULL && *error != NULL)
        g_prefix_error (error, "%s: ", path);
      return NULL;
    }
  dir = g_path_get_dirname (path);
  return load (file, path, dir, error);
}

BkDeliveryConfig *
bk_delivery_config_load_data (const char  *data,
                              const char  *base_dir,
                              GError     **error)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();

  if (!g_key_file_load_from_data (file, data, (gsize) -1, G_KEY_FILE_NONE, error))
    return NULL;
  return load (file, "delivery.ini", base_dir, error);
}

BkDeliveryConfig *
bk_delivery_config_ref (BkDeliveryConfig *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref);
  return self;
}

void
bk_delivery_config_unref (BkDeliveryConfig *self)
{
  if (self == NULL || !g_atomic_ref_count_dec (&self->ref))
    return;
  g_clear_pointer (&self->routes, g_ptr_array_unref);
  g_clear_pointer (&self->transports, g_ptr_array_unref);
  g_free (self->settings.kiosk_key);
  g_free (self->settings.path);
  g_free (self);
}

const BkDeliverySettings *
bk_delivery_config_get_settings (BkDeliveryConfig *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return &self->settings;
}

const BkRoute *
bk_delivery_config_get_route (BkDeliveryConfig *self,
                              const char       *name)
{
  g_return_val_if_fail (self != NULL, NULL);
  for (guint i = 0; i < self->routes->len; i++)
    {
      BkRoute *route = g_ptr_array_index (self->routes, i);

      if (g_strcmp0 (route->name, name) == 0)
        return route;
    }
  return NULL;
}

const BkRoute *
bk_delivery_config_route_for (BkDeliveryConfig *self,
                              const char       *service_id,
                              BkSubmissionKind  kind)
{
  g_autofree char *by_service = NULL;
  g_autofree char *by_form = NULL;
  const BkRoute *route;

  g_return_val_if_fail (self != NULL, NULL);
  by_form = g_strdup_printf ("form %s", bk_submission_kind_to_string (kind));
  if (service_id != NULL)
    {
      by_service = g_strdup_printf ("service %s", service_id);
      if ((route = bk_delivery_config_get_route (self, by_service)) != NULL)
        return route;
    }
  if ((route = bk_delivery_config_get_route (self, by_form)) != NULL)
    return route;
  if (service_id != NULL && (route = bk_delivery_config_get_route (self, "service *")) != NULL)
    return route;
  return bk_delivery_config_get_route (self, "form *");
}

GPtrArray *
bk_delivery_config_get_transports (BkDeliveryConfig *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->transports;
}

guint
bk_delivery_config_count_routes (BkDeliveryConfig *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->routes->len;
}
