/* bk-test-server.c: the test servers (bkserver.py) from C tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include <glib/gstdio.h>
#include <libsoup/soup.h>

#include "bk-test-server.h"

static char *
source_path (const char *name)
{
  const char *root = g_getenv ("BK_SOURCE_ROOT");

  g_assert_nonnull (root);
  return g_build_filename (root, "tests", "outbox", name, NULL);
}

static char *
keys_dir (void)
{
  const char *build = g_getenv ("BK_BUILD_ROOT");

  g_assert_nonnull (build);
  return g_build_filename (build, "tests", "outbox", "keys", NULL);
}

BkTestServer *
bk_test_server_start (const char          *kind,
                      const char * const  *args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *script = source_path ("bkserver.py");
  g_autofree char *ready = NULL;
  g_autofree char *schemas = NULL;
  BkTestServer *self = g_new0 (BkTestServer, 1);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *info;

  self->kind = g_strdup (kind);
  self->dir = g_dir_make_tmp ("bk-server-XXXXXX", &error);
  g_assert_no_error (error);
  self->keys = keys_dir ();
  ready = g_build_filename (self->dir, "ready.json", NULL);
  schemas = g_build_filename (g_getenv ("BK_SOURCE_ROOT"), "data", "schemas", "forms", NULL);

  /* Debian's python3 with python3-cryptography and python3-jsonschema. */
  g_ptr_array_add (argv, g_strdup (g_getenv ("BK_PYTHON") ? g_getenv ("BK_PYTHON") : "/usr/bin/python3"));
  g_ptr_array_add (argv, g_strdup (script));
  g_ptr_array_add (argv, g_strdup (kind));
  g_ptr_array_add (argv, g_strdup ("--keys"));
  g_ptr_array_add (argv, g_strdup (self->keys));
  g_ptr_array_add (argv, g_strdup ("--schemas"));
  g_ptr_array_add (argv, g_strdup (schemas));
  g_ptr_array_add (argv, g_strdup ("--ready-file"));
  g_ptr_array_add (argv, g_strdup (ready));
  for (guint i = 0; args != NULL && args[i] != NULL; i++)
    g_ptr_array_add (argv, g_strdup (args[i]));
  g_ptr_array_add (argv, NULL);

  self->process = g_subprocess_newv ((const char * const *) argv->pdata, G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error);
  g_assert_no_error (error);

  /* Making the keys the first time takes several seconds. */
  for (guint i = 0; i < 1200 && !g_file_test (ready, G_FILE_TEST_EXISTS); i++)
    {
      /* The identifier goes once the process has ended. */
      if (g_subprocess_get_identifier (self->process) == NULL)
        g_error ("bkserver.py %s ended before it was ready", kind);
      g_usleep (50 * 1000);
    }
  g_assert_true (json_parser_load_from_file (parser, ready, &error));
  g_assert_no_error (error);
  info = json_node_get_object (json_parser_get_root (parser));
  self->port = (int) json_object_get_int_member (info, "port");
  self->admin = (int) json_object_get_int_member (info, "admin");
  self->base = g_strdup (json_object_get_string_member (info, "base"));
  return self;
}

void
bk_test_remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        bk_test_remove_tree (path);
      else
        g_remove (path);
    }
  g_rmdir (dir);
}

void
bk_test_server_stop (BkTestServer *self)
{
  if (self == NULL)
    return;
  g_subprocess_force_exit (self->process);
  g_subprocess_wait (self->process, NULL, NULL);
  g_object_unref (self->process);
  bk_test_remove_tree (self->dir);
  g_free (self->dir);
  g_free (self->keys);
  g_free (self->kind);
  g_free (self->base);
  g_free (self);
}

static GBytes *
admin (BkTestServer *self,
       const char   *method,
       const char   *json)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%d/%s", self->admin,
                                          g_str_equal (method, "POST") ? "fault" : "stats");
  g_autoptr(SoupMessage) message = soup_message_new (method, url);
  g_autoptr(GError) error = NULL;
  GBytes *body;

  if (json != NULL)
    {
      g_autoptr(GBytes) request = g_bytes_new (json, strlen (json));

      soup_message_set_request_body_from_bytes (message, "application/json", request);
    }
  body = soup_session_send_and_read (session, message, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (message), ==, 200);
  return body;
}

void
bk_test_server_fault (BkTestServer *self,
                      const char   *json)
{
  g_autoptr(GBytes) body = admin (self, "POST", json);
}

JsonObject *
bk_test_server_stats (BkTestServer *self)
{
  g_autoptr(GBytes) body = admin (self, "GET", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (body, NULL),
                                             (gssize) g_bytes_get_size (body), &error));
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

guint
bk_test_server_count (BkTestServer *self,
                      const char   *reference)
{
  g_autoptr(JsonObject) stats = bk_test_server_stats (self);
  JsonObject *submitted = json_object_get_object_member (stats, "submitted");

  return (guint) json_object_get_int_member_with_default (submitted, reference, 0);
}

char *
bk_test_delivery_file (const char   *dir,
                       BkTestServer *fit,
                       BkTestServer *form,
                       const char   *form_mode,
                       const char   *delivery,
                       const char   *routes)
{
  g_autoptr(GString) text = g_string_new ("[delivery]\nretry-min = 1\nretry-max = 2\npoll-interval = 1\ntimeout = 5\n");
  g_autofree char *path = g_build_filename (dir, "delivery.ini", NULL);
  g_autoptr(GError) error = NULL;

  if (delivery != NULL)
    g_string_append_printf (text, "%s\n", delivery);
  if (fit != NULL)
    {
      g_autofree char *secret = g_build_filename (dir, "fit-connect.secret", NULL);

      g_assert_true (g_file_set_contents (secret, "s3cret\n", -1, &error));
      g_chmod (secret, 0600);
      g_string_append_printf (text,
                              "\n[transport fit]\ntype = fit-connect\n"
                              "token-url = %s/token\nsubmission-api = %s\n"
                              "client-id = kiosk-test\nclient-secret-file = %s\n"
                              "trust-anchor = %s/ca.pem\ntls-ca = %s/ca.pem\n",
                              fit->base, fit->base, secret, fit->keys, fit->keys);
    }
  if (form != NULL)
    {
      if (g_strcmp0 (form_mode, "json-mtls") == 0)
        g_string_append_printf (text,
                                "\n[transport county]\ntype = https\nmode = json-mtls\nurl = %s/submissions\n"
                                "client-certificate = %s/client.pem\nclient-key = %s/client.key\n"
                                "tls-ca = %s/ca.pem\n",
                                form->base, form->keys, form->keys, form->keys);
      else
        g_string_append_printf (text,
                                "\n[transport county]\ntype = https\nmode = jwe\nurl = %s/submissions\n"
                                "encryption-key = %s/form-key.jwk\ntrust-anchor = %s/ca.pem\n"
                                "tls-ca = %s/ca.pem\n",
                                form->base, form->keys, form->keys, form->keys);
    }
  if (routes != NULL)
    g_string_append_printf (text, "\n%s\n", routes);
  g_assert_true (g_file_set_contents (path, text->str, -1, &error));
  return g_steal_pointer (&path);
}
