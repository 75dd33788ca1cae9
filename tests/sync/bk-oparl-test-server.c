/* bk-oparl-test-server.c: the local OParl server, started and stopped by a test
 *
 * The server is tests/sync/oparl-server.py under python3; it prints its port
 * on its first line and stops when its standard input closes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>
#include <libsoup/soup.h>

#include "bk-oparl-test-server.h"

struct _BkOParlTestServer
{
  GSubprocess *process;
  char *origin;
  char *system;
  SoupSession *session;
};

static char *
server_script (void)
{
  const char *root = g_getenv ("BK_SOURCE_ROOT");

  g_assert_nonnull (root);
  return g_build_filename (root, "tests", "sync", "oparl-server.py", NULL);
}

BkOParlTestServer *
bk_oparl_test_server_start (const char         *data_dir,
                            const char * const *extra_args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDataInputStream) out = NULL;
  g_autofree char *script = server_script ();
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  BkOParlTestServer *server = g_new0 (BkOParlTestServer, 1);

  g_ptr_array_add (argv, g_strdup ("python3"));
  g_ptr_array_add (argv, g_strdup (script));
  g_ptr_array_add (argv, g_strdup ("--data"));
  g_ptr_array_add (argv, g_strdup (data_dir));
  g_ptr_array_add (argv, g_strdup ("--stdin-watch"));
  for (guint i = 0; extra_args != NULL && extra_args[i] != NULL; i++)
    g_ptr_array_add (argv, g_strdup (extra_args[i]));
  g_ptr_array_add (argv, NULL);

  server->process = g_subprocess_newv ((const char * const *) argv->pdata,
                                       G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE,
                                       &error);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (server->process));
  first = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (first);
  g_assert_true (g_str_has_prefix (first, "PORT "));
  second = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (second, "SYSTEM "));
  server->system = g_strdup (second + strlen ("SYSTEM "));
  server->origin = g_strndup (server->system, strstr (server->system, "://") + 3 - server->system +
                              strcspn (strstr (server->system, "://") + 3, "/"));
  server->session = soup_session_new ();
  return server;
}

void
bk_oparl_test_server_stop (BkOParlTestServer *server)
{
  if (server == NULL)
    return;
  /* stdin closes: it stops; a server that hangs is killed */
  g_output_stream_close (g_subprocess_get_stdin_pipe (server->process), NULL, NULL);
  g_subprocess_force_exit (server->process);
  g_subprocess_wait (server->process, NULL, NULL);
  g_object_unref (server->process);
  g_object_unref (server->session);
  g_free (server->origin);
  g_free (server->system);
  g_free (server);
}

const char *
bk_oparl_test_server_origin (BkOParlTestServer *server)
{
  return server->origin;
}

const char *
bk_oparl_test_server_system (BkOParlTestServer *server)
{
  return server->system;
}

int
bk_oparl_test_server_pid (BkOParlTestServer *server)
{
  return atoi (g_subprocess_get_identifier (server->process));
}

static gboolean
accept_any (SoupMessage          *msg,
            GTlsCertificate      *certificate,
            GTlsCertificateFlags  errors,
            gpointer              user_data)
{
  return TRUE;
}

static GBytes *
get (BkOParlTestServer *server,
     const char        *path)
{
  g_autofree char *url = g_strconcat (server->origin, path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);
  g_autoptr(GError) error = NULL;
  GBytes *body;

  /* the test server's own certificate (--tls) is fine for its controls */
  g_signal_connect (msg, "accept-certificate", G_CALLBACK (accept_any), NULL);
  body = soup_session_send_and_read (server->session, msg, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (msg), ==, 200);
  return body;
}

void
bk_oparl_test_server_control (BkOParlTestServer *server,
                              const char        *query)
{
  g_autofree char *path = g_strconcat ("/_control?", query, NULL);
  g_autoptr(GBytes) body = get (server, path);
}

char *
bk_oparl_test_server_requests (BkOParlTestServer *server)
{
  g_autoptr(GBytes) body = get (server, "/_requests");
  gsize len;
  const char *data = g_bytes_get_data (body, &len);

  return g_strndup (data, len);
}
