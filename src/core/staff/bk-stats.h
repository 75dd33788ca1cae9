/* bk-stats.h: anonymous usage counters per day
 *
 * What the kiosk counts (sessions, pages, services, forms, features,
 * speech time, ratings) and how staff read it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-store.h"

G_BEGIN_DECLS

/* Anonymous usage counters, added up per local day: never a session's
 * content or anything about a person. Keys are short names the program
 * chooses (a page name, a service id, a form kind, a setting key, a rating
 * "1" … "5"); a key that could be typed text (spaces, capitals, over 64
 * characters) is refused with a warning, so a search text can never end up
 * here by mistake. */
typedef enum {
  BK_STATS_SESSION,         /* key "all" */
  BK_STATS_PAGE_VIEW,       /* key: page name */
  BK_STATS_SERVICE_VIEW,    /* key: service id */
  BK_STATS_FORM_STARTED,    /* key: form kind */
  BK_STATS_FORM_COMPLETED,
  BK_STATS_FORM_ABANDONED,
  BK_STATS_FEATURE,         /* key: a setting changed from the default, once per session */
  BK_STATS_SPEECH_SECONDS,  /* key "all"; value in seconds */
  BK_STATS_RATING,          /* key "1" … "5" */
  BK_STATS_N_CATEGORIES
} BkStatsCategory;

typedef struct {
  char  *day;               /* ISO date */
  const char *category;     /* bk_stats_category_name () */
  char  *key;
  gint64 value;
} BkStatsRow;

void        bk_stats_row_free        (BkStatsRow *row);
const char *bk_stats_category_name   (BkStatsCategory category);
/* -1 when unknown */
int         bk_stats_category_from_name (const char *name);
gboolean    bk_stats_key_is_valid    (const char *key);

/* Adds amount to the counter of today (day NULL; or an ISO date, for tests). */
gboolean    bk_stats_add             (BkStore          *store,
                                      BkStatsCategory   category,
                                      const char       *key,
                                      gint64            amount,
                                      const char       *day,
                                      GError          **error);
/* Counts a satisfaction rating 1 … 5; anything else is BK_ERROR_INVALID_INPUT. */
gboolean    bk_stats_add_rating      (BkStore          *store,
                                      int               rating,
                                      const char       *day,
                                      GError          **error);
/* BkStatsRow, ordered by day, category, key; since/until: ISO dates, NULL: open. */
GPtrArray  *bk_stats_list            (BkStore          *store,
                                      const char       *since,
                                      const char       *until,
                                      GError          **error);
/* Sums of one category over the listed rows, key → total, largest first:
 * a GPtrArray of BkStatsRow with day NULL. */
GPtrArray  *bk_stats_totals          (GPtrArray        *rows,
                                      BkStatsCategory   category);
/* Counts of one session, kept in memory and written in one transaction at
 * its end: a page change must not cost a synchronous disk write. */
typedef struct _BkStatsBatch BkStatsBatch;

BkStatsBatch *bk_stats_batch_new     (void);
void        bk_stats_batch_free      (BkStatsBatch     *batch);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BkStatsBatch, bk_stats_batch_free)
/* A key that is not valid is refused with a warning, as by bk_stats_add. */
void        bk_stats_batch_add       (BkStatsBatch     *batch,
                                      BkStatsCategory   category,
                                      const char       *key,
                                      gint64            amount);
/* Counts key once per session only (accessibility features). */
void        bk_stats_batch_add_once  (BkStatsBatch     *batch,
                                      BkStatsCategory   category,
                                      const char       *key);
gint64      bk_stats_batch_get       (BkStatsBatch     *batch,
                                      BkStatsCategory   category,
                                      const char       *key);
gboolean    bk_stats_batch_is_empty  (BkStatsBatch     *batch);
/* Forgets everything (a session whose counts cannot be stored). */
void        bk_stats_batch_clear     (BkStatsBatch     *batch);
/* Adds everything to today's counters in one transaction and empties the
 * batch (also when writing fails: counts are not worth a retry loop). */
gboolean    bk_stats_batch_flush     (BkStatsBatch     *batch,
                                      BkStore          *store,
                                      const char       *day,
                                      GError          **error);

/* day,category,key,value with a header line. */
char       *bk_stats_to_csv          (GPtrArray        *rows);
/* [{"day":…, "category":…, "key":…, "value":…}, …] */
char       *bk_stats_to_json         (GPtrArray        *rows);

G_END_DECLS
