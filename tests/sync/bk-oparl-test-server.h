/* bk-oparl-test-server.h: the local OParl server (oparl-server.py), started
 * and stopped by a test
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _BkOParlTestServer BkOParlTestServer;

/* Starts the server on a free port of 127.0.0.1 over data_dir, with extra
 * command-line arguments (may be NULL; e.g. "--page-size", "2"); aborts the
 * test when it does not come up. */
BkOParlTestServer *bk_oparl_test_server_start   (const char         *data_dir,
                                                 const char * const *extra_args);
void               bk_oparl_test_server_stop    (BkOParlTestServer  *server);
/* http://127.0.0.1:PORT (https with --tls) */
const char        *bk_oparl_test_server_origin  (BkOParlTestServer  *server);
/* The System URL. */
const char        *bk_oparl_test_server_system  (BkOParlTestServer  *server);
int                bk_oparl_test_server_pid     (BkOParlTestServer  *server);
/* GET /_control?query; aborts the test when it fails. */
void               bk_oparl_test_server_control (BkOParlTestServer  *server,
                                                 const char         *query);
/* The requests since the last "clear" or "reset", as a JSON string. */
char              *bk_oparl_test_server_requests (BkOParlTestServer *server);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BkOParlTestServer, bk_oparl_test_server_stop)

G_END_DECLS
