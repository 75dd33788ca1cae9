/* bk-ctl-private.h: what the command files of buergerkiosk-ctl share
 *
 * The globals, exit statuses and output helpers of bk-ctl.c, used by the
 * command files bk-ctl-services.c, bk-ctl-staff.c, bk-ctl-review.c, bk-ctl-xzufi.c and
 * bk-ctl-outbox.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "bk-store.h"

G_BEGIN_DECLS

/* Exit statuses, documented in the README. */
enum {
  EXIT_OK = 0,
  EXIT_FAILURE_ = 1,   /* usage, database or other failure */
  EXIT_BAD_INPUT = 2,  /* the input was rejected: a file, a PIN; nothing stored */
};

typedef struct {
  const char *db_path;
  const char *delivery_config;   /* --delivery-config, or NULL: the default place */
} CtlGlobals;

void      bk_ctl_print_error      (const GError *error);
/* EXIT_BAD_INPUT for what is wrong with the input, else EXIT_FAILURE_. */
int       bk_ctl_exit_status_for  (const GError *error);
/* The database failed (locked, read-only, damaged, disk full, too new),
 * not the input. */
gboolean  bk_ctl_is_database_error (const GError *error);
/* --db or the kiosk's default path. */
char     *bk_ctl_dup_db_path      (CtlGlobals   *globals,
                                   GError      **error);
BkStore  *bk_ctl_open_store       (CtlGlobals   *globals,
                                   GError      **error);
/* The same, or NULL once the reason it did not open is printed. */
BkStore  *bk_ctl_open_store_or_print (CtlGlobals *globals);
/* Parses a sub-command's own options; argv[0] is the command name. */
gboolean  bk_ctl_parse_command_options (const char   *command,
                                        const char   *parameter,
                                        const char   *summary,
                                        GOptionEntry *entries,
                                        int          *argc,
                                        char       ***argv);
void      bk_ctl_print_json       (JsonNode     *node);
/* TRUE when text is a real date written YYYY-MM-DD; the parts go to
 * year, month and day (each may be NULL). */
gboolean  bk_ctl_scan_date        (const char   *text,
                                   int          *year,
                                   int          *month,
                                   int          *day);

/* bk-ctl-services.c */
int       bk_ctl_cmd_services           (CtlGlobals *globals, int argc, char **argv);
int       bk_ctl_cmd_export_submissions (CtlGlobals *globals, int argc, char **argv);
int       bk_ctl_cmd_purge              (CtlGlobals *globals, int argc, char **argv);
int       bk_ctl_cmd_retention          (CtlGlobals *globals, int argc, char **argv);

/* bk-ctl-outbox.c */
int       bk_ctl_cmd_outbox             (CtlGlobals *globals, int argc, char **argv);
/* What export-submissions says about the outbox, on standard error. */
void      bk_ctl_explain_export         (CtlGlobals *globals, BkStore *store);
/* bk-ctl-xzufi.c */
int       bk_ctl_cmd_towns              (CtlGlobals *globals, int argc, char **argv);
int       bk_ctl_cmd_service            (CtlGlobals *globals, int argc, char **argv);
/* An argument that is an http(s) address. */
gboolean  bk_ctl_is_web_address         (const char *argument);
/* Imports an XZuFi publication (an address with an index.txt) or one
 * message (an address ending in .xml) in one transaction. */
gboolean  bk_ctl_import_url             (BkStore    *store,
                                         const char *url,
                                         char      **summary,
                                         GPtrArray  *notes,
                                         GError    **error);

/* bk-ctl-staff.c */
int       bk_ctl_cmd_set_staff_pin      (CtlGlobals *globals, int argc, char **argv);
int       bk_ctl_cmd_stats              (CtlGlobals *globals, int argc, char **argv);

/* bk-ctl-review.c */
int       bk_ctl_cmd_warnings           (CtlGlobals *globals, int argc, char **argv);

/* bk-ctl-sync.c */
int       bk_ctl_cmd_sync               (CtlGlobals *globals, int argc, char **argv);

G_END_DECLS
