/* bk-sync-files.h: a paper's own text, fetched lazily
 *
 * After a sync (or when a citizen opens a motion whose text is missing)
 * the file a paper names as its text (mainFile, or an auxiliary file named
 * as the motion itself) is fetched with a conditional GET, checked (size,
 * MIME type: an HTML error page is no paper; 410: the file is gone), read
 * with the paper reader (bk-paper-file.h: text, HTML, PDF, scans) and kept,
 * so that the kiosk shows the points or questions and reasons offline. A file that cannot be read leaves the
 * paper as it is, with the reason kept for the motion page to say.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "bk-http.h"
#include "bk-store-sync.h"

G_BEGIN_DECLS

/* Largest text file fetched, by default. */
#define BK_SYNC_TEXT_MAX_SIZE (20 * 1024 * 1024)

typedef struct {
  guint limit;               /* files this call (0: every pending one) */
  gsize max_size;            /* 0: BK_SYNC_TEXT_MAX_SIZE */
  guint max_attempts;        /* a failed file is tried this often (0: 3) */
  guint retry_after_s;       /* … at most this often (0: an hour) */
  const char *cache_dir;     /* where fetched files are kept; NULL: "<database>-files"
                              * beside a file database, nowhere for one in memory */
  const char *priority;      /* a paper's OParl id to fetch first, or NULL */
} BkSyncTextOptions;

typedef struct {
  guint fetched;             /* read and kept */
  guint unchanged;           /* 304: what is kept is current */
  guint unreadable;
  guint deleted;
  guint failed;
  GPtrArray *changed_papers; /* OParl ids of papers whose text changed (char*) */
} BkSyncTextReport;

void     bk_sync_text_report_clear (BkSyncTextReport *report);

/* Fetches pending texts of origin (NULL: of every endpoint). FALSE only
 * when the store fails or it is cancelled: a file that cannot be had is
 * recorded and the next one tried. */
gboolean bk_sync_fetch_texts   (BkStore                 *store,
                                BkHttp                  *http,
                                const char              *origin,
                                const BkSyncTextOptions *options,
                                BkSyncTextReport        *report,
                                GCancellable            *cancellable,
                                GError                 **error);

/* Puts what was read from a paper's text (points or questions, reasons) into
 * the stored motion where its record has none, and saves it (search index
 * included). Nothing happens when the paper is not stored. */
gboolean bk_sync_complete_motion (BkStore           *store,
                                  const BkPaperText *text,
                                  GError           **error);

G_END_DECLS
