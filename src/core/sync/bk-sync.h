/* bk-sync.h: OParl sync over HTTP, one endpoint at a time
 *
 * Offline first: the kiosk always shows its own copy; a sync walks the
 * server's lists (modified_since since the last complete walk, or all of
 * them), stages every page in the store as it comes, and applies the whole
 * walk in one transaction at the end, together with the new watermarks. A
 * sync that stops anywhere (network down, kill -9, a broken server) leaves
 * the previous state and the next one resumes the staged walk.
 *
 * Blocking: call it from a worker thread (BkSyncService) or a command-line
 * tool, with a BkStore connection of that thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "bk-http.h"
#include "bk-store.h"

G_BEGIN_DECLS

typedef struct {
  const char *url;           /* the System URL */
  const char *name;          /* the display name staff gave it, or NULL */
} BkSyncEndpoint;

typedef struct {
  gboolean full;             /* walk every list whole and remove what the server no longer has */
  guint full_after_days;     /* a full walk when the last one is older (0: only when asked) */
  guint page_cap;            /* the most pages of one list (default 10000) */
  guint overlap_s;           /* the watermark's safety overlap (0: the default, 300) */
  guint stale_run_hours;     /* a staged walk older than this starts again (default 24) */
  const char *now;           /* the run's time as UTC ISO (tests); NULL: the clock */
} BkSyncOptions;

typedef struct {
  gboolean full;             /* this run walked every list whole */
  gboolean resumed;          /* it went on with a staged walk */
  gboolean changed;          /* it changed papers, meetings, organizations or persons */
  guint requests;
  guint pages;
  guint papers;
  guint meetings;
  guint organizations;
  guint persons;
  guint deleted;             /* objects the server marked deleted */
  guint removed;             /* objects the full walk no longer found */
  guint skipped;             /* objects the importer could not read, even mended */
  guint repaired;            /* pages that needed mending */
  char *quirks;              /* the vendor profile used */
  GPtrArray *warnings;       /* the first skipped objects, in words */
} BkSyncReport;

void     bk_sync_report_clear (BkSyncReport *report);

/* Syncs one endpoint into store. Errors name the endpoint (its name, else
 * its URL) and the problem in words; they are also kept as its health
 * (bk_store_sync_list_endpoints ()), as is every success. */
gboolean bk_sync_endpoint     (BkStore              *store,
                               BkHttp               *http,
                               const BkSyncEndpoint *endpoint,
                               const BkSyncOptions  *options,
                               BkSyncReport         *report,
                               GCancellable         *cancellable,
                               GError              **error);

/* "host:pid" of this process: who holds a walk. */
char    *bk_sync_dup_holder   (void);

G_END_DECLS
