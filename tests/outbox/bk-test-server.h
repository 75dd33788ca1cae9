/* bk-test-server.h: the test servers (bkserver.py) from C tests
 *
 * A FIT-Connect-compatible server or a county form server on 127.0.0.1,
 * started by the test with keys of its own (shared by every test of a
 * build in <build>/tests/outbox/keys), faults on demand through its admin
 * port, and a delivery file for the kiosk that points at it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct {
  GSubprocess *process;
  char        *kind;       /* "fit-connect" or "form" */
  char        *dir;        /* a temporary folder of its own */
  char        *keys;       /* the test PKI */
  int          port;
  int          admin;
  char        *base;       /* https://127.0.0.1:PORT */
} BkTestServer;

/* Starts bkserver.py KIND with extra arguments (NULL-terminated, may be
 * NULL) and waits until it listens. Skips nothing: a server that does not
 * come up fails the test. */
BkTestServer *bk_test_server_start  (const char          *kind,
                                     const char * const  *args);
void          bk_test_server_stop   (BkTestServer        *self);
/* POST /fault with this JSON object, e.g. "{\"name\": \"down\"}". */
void          bk_test_server_fault  (BkTestServer        *self,
                                     const char          *json);
JsonObject   *bk_test_server_stats  (BkTestServer        *self);
/* How often the server took reference (0: never). */
guint         bk_test_server_count  (BkTestServer        *self,
                                     const char          *reference);

/* Writes delivery.ini into dir for fit (a FIT-Connect server, may be NULL)
 * and form (a form server, may be NULL): [transport fit] with the client
 * secret in a private file, [transport county], [delivery] with extra
 * (lines, may be NULL) and routes (lines, may be NULL). Returns its path. */
char         *bk_test_delivery_file (const char          *dir,
                                     BkTestServer        *fit,
                                     BkTestServer        *form,
                                     const char          *form_mode,
                                     const char          *delivery,
                                     const char          *routes);

/* Removes dir and everything in it. */
void          bk_test_remove_tree   (const char          *dir);

/* The destination id of the FIT-Connect test server. */
#define BK_TEST_DESTINATION "0c438057-ec3e-4ce0-b154-1683b5d3c2e8"

G_END_DECLS
