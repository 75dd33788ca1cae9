/* bk-store-private.h: what the parts of the store share
 *
 * For the parts of the store in files of their own (bk-store-motions.c,
 * bk-store-oparl.c, bk-store-services.c, bk-store-submissions.c,
 * bk-store-outbox.c, bk-store-check.c) and the core modules with tables of their own
 * (bk-stats.c, bk-staff-pin.c, bk-backup.c, bk-start.c): the connection
 * and statement cache of bk-store.c, and each table file's check.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "bk-search-tokenizer.h"
#include "bk-store.h"

G_BEGIN_DECLS

/* How long a write waits for another connection's transaction (a staff
 * import, the sync), in ms: */
#define BK_STORE_BUSY_TIMEOUT_MS 1500
/* and a citizen's submission, which must not fail because staff import
 * something meanwhile (the longest import transaction measured: 2.65 s). */
#define BK_STORE_SUBMISSION_BUSY_TIMEOUT_MS 30000

sqlite3      *bk_store_get_db          (BkStore     *self);
/* A statement prepared once and cached by its SQL text (copied: sql may be
 * built per call), reset and unbound. */
sqlite3_stmt *bk_store_get_stmt        (BkStore     *self,
                                        const char  *sql,
                                        GError     **error);
/* The first column of the first row of sql, with arg (if not NULL) bound to
 * ?1; 0 when there is no row or the statement fails. */
gint64        bk_store_query_int       (BkStore     *self,
                                        const char  *sql,
                                        const char  *arg);
/* Runs sql with the n texts of values bound to ?1, ?2, … (NULL binds NULL)
 * in a transaction of its own, or in the caller's. */
gboolean      bk_store_run_texts       (BkStore           *self,
                                        const char        *sql,
                                        GError           **error,
                                        guint              n,
                                        const char *const *values);
/* The same with the texts as arguments: BK_STORE_RUN (self, sql, error, a, b). */
#define BK_STORE_RUN(self, sql, error, ...) \
  bk_store_run_texts ((self), (sql), (error), \
                      G_N_ELEMENTS (((const char *const []) { __VA_ARGS__ })), \
                      ((const char *const []) { __VA_ARGS__ }))
/* Steps a statement that returns no rows (or ignores them) and resets it. */
gboolean      bk_store_step_done       (BkStore      *self,
                                        sqlite3_stmt *stmt,
                                        GError      **error);
void          bk_store_set_sqlite_error (BkStore    *self,
                                         int         rc,
                                         GError    **error);
/* Steps stmt to its end, one from_row (stmt) per row into an array that
 * frees them with free_func; resets stmt. NULL and error when a step fails. */
GPtrArray    *bk_store_collect_rows    (BkStore        *self,
                                        sqlite3_stmt   *stmt,
                                        gpointer      (*from_row) (sqlite3_stmt *stmt),
                                        GDestroyNotify  free_func,
                                        GError        **error);
gboolean      bk_store_exec            (BkStore     *self,
                                        const char  *sql,
                                        GError     **error);
gboolean      bk_store_in_transaction  (BkStore     *self);
/* A writable in-memory copy of the whole database (same path for messages):
 * what checks that must write (FTS5's integrity-check) run on when the
 * database itself is read-only. */
BkStore      *bk_store_copy_to_memory  (BkStore     *self,
                                        GError     **error);
/* Appends "<prefix>: <row text>" to report for every row of sql that is not
 * "ok"; returns how many. */
guint         bk_store_check_rows      (BkStore     *self,
                                        const char  *sql,
                                        GString     *report,
                                        const char  *prefix);

/* The FTS5 expression the motion search builds from what was typed (every
 * word of three or more letters as a prefix); words shorter than that go to
 * short_terms. NULL when no word is long enough (bk-store-motions.c; the
 * service search uses it too). */
/* Bounds of a query (see bk_store_build_match): bytes read, distinct words
 * used, bytes of a word (the tokenizer's MAX_WORD: the index holds no more). */
#define BK_SEARCH_MAX_QUERY 512
#define BK_SEARCH_MAX_TERMS 8
#define BK_SEARCH_MAX_WORD  BK_SEARCH_TOKENIZER_MAX_WORD
/* Motions a query of only one- or two-letter words looks through (the
 * newest), since those words are below the index's prefixes. */
#define BK_SEARCH_SHORT_WINDOW 5000
char         *bk_store_build_match     (const char  *query,
                                        GPtrArray   *short_terms);

static inline void
bk_store_bind_text (sqlite3_stmt *stmt, int index, const char *value)
{
  if (value != NULL)
    sqlite3_bind_text (stmt, index, value, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

static inline char *
bk_store_column_dup (sqlite3_stmt *stmt, int column)
{
  const unsigned char *text = sqlite3_column_text (stmt, column);

  return text ? g_strdup ((const char *) text) : NULL;
}

/* The service tables (bk-store-services.c): inserts or replaces a service
 * with the hash of its source text and the publication it came from (NULL:
 * a single file; the row keeps the origin it had). */
gboolean      bk_store_save_service_row (BkStore        *self,
                                         const BkService *service,
                                         const char     *source_hash,
                                         const char     *origin,
                                         GError        **error);
/* Fills service->local_offices (and the online address and the towns of a
 * service from XZuFi) from the towns and responsibilities
 * (bk-store-offices.c). */
void          bk_store_load_local_offices (BkStore      *self,
                                           BkService    *service);

/* SQL: the town (alias t) lies in the area of the responsibility (alias r):
 * its ARS starts with the area's prefix. */
#define BK_STORE_TOWN_IN_AREA(t, r) \
  "substr (" t ".ars, 1, length (" r ".area)) = " r ".area"

/* The checks of the table files, called by bk_store_check (bk-store-check.c);
 * each appends its problems to report and returns how many. */
guint         bk_store_check_motions   (BkStore     *self,
                                        GString     *report);
guint         bk_store_check_services  (BkStore     *self,
                                        GString     *report);
guint         bk_store_check_submissions (BkStore   *self,
                                          GString   *report);
guint         bk_store_check_outbox    (BkStore     *self,
                                        GString     *report);
guint         bk_store_check_projects  (BkStore     *self,
                                        GString     *report);

G_END_DECLS
