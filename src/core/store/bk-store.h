/* bk-store.h: the store: the one owner of the SQLite database
 *
 * Motions, services and submissions, with transactions and an integrity
 * check. The OParl objects besides papers are in bk-store-oparl.h, for the
 * importer only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include "bk-motion.h"
#include "bk-service.h"
#include "bk-submission.h"

G_BEGIN_DECLS

#define BK_TYPE_STORE (bk_store_get_type ())
G_DECLARE_FINAL_TYPE (BkStore, bk_store, BK, STORE, GObject)

/* The one owner of the SQLite connection. Not thread-safe: use from one thread. */

#define BK_STORE_SCHEMA_VERSION 10

typedef enum {
  BK_MOTION_STATUS_ANY,
  BK_MOTION_STATUS_UPCOMING,   /* a consultation today or later */
  BK_MOTION_STATUS_DECIDED,    /* a final outcome (bk_outcome_is_final) at one of its
                                * meetings; without any known outcome: consultations,
                                * all of them in the past */
} BkMotionStatus;

typedef struct {
  const char *body;            /* exact body name, or NULL for all */
  const char *faction;         /* exact submitter name, or NULL for all */
  BkMotionStatus status;
  const char *today;           /* ISO date; NULL means the current local date */
  const char *faction_body;    /* the council of that faction, or NULL for any:
                                * two councils' "SPD-Fraktion" are two groups */
} BkMotionFilter;

/* What a list row shows; cheap to load. */
typedef struct {
  gint64 id;
  char *subject;
  char *submitters;            /* joined for display */
  char *date;                  /* ISO or NULL */
  char *reference;
  char *body;
  char *next_committee;        /* next consultation on or after today, or NULL */
  char *next_date;
  /* A decided motion (BK_MOTION_STATUS_DECIDED): its last consultation;
   * else NULL. */
  char *last_committee;
  char *last_date;
} BkMotionSummary;

void bk_motion_summary_free (BkMotionSummary *summary);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BkMotionSummary, bk_motion_summary_free)

typedef enum {
  BK_STORE_OPEN_DEFAULT = 0,
  BK_STORE_OPEN_READ_ONLY = 1 << 0,
} BkStoreOpenFlags;

/* path NULL opens a private in-memory database (tests). */
BkStore    *bk_store_open              (const char        *path,
                                        BkStoreOpenFlags   flags,
                                        GError           **error);
const char *bk_store_get_path          (BkStore           *self);
/* From now on nothing can be saved (bk_store_begin fails): for the demo
 * store the kiosk falls back to when its database is broken. */
void        bk_store_set_read_only     (BkStore           *self);
gboolean    bk_store_is_read_only      (BkStore           *self);
/* The file or the disk it is on cannot be written by this process: such a
 * database opens read-only by itself (bk_store_open), as it is, never
 * mistaken for a damaged one. */
gboolean    bk_store_is_write_protected (BkStore          *self);
int         bk_store_get_schema_version (BkStore          *self);
gboolean    bk_store_is_empty          (BkStore           *self);

/* Transactions; nested begin calls are counted, only the outermost commits.
 * A rollback inside a nested one makes the outermost commit fail and roll
 * back everything: all or nothing. */
gboolean    bk_store_begin             (BkStore           *self,
                                        GError           **error);
gboolean    bk_store_commit            (BkStore           *self,
                                        GError           **error);
void        bk_store_rollback          (BkStore           *self);

/* --- motions (bk-store-motions.c) ------------------------------------ */

/* Motions. save: updates in place when oparl_id matches (or, for text imports,
 * the same reference and body), else inserts; sets motion->id. */
gboolean    bk_store_save_motion       (BkStore           *self,
                                        BkMotion          *motion,
                                        GError           **error);
BkMotion   *bk_store_load_motion       (BkStore           *self,
                                        gint64             id,
                                        GError           **error);
BkMotionSummary *bk_store_load_summary (BkStore           *self,
                                        gint64             id,
                                        GError           **error);
gint64      bk_store_find_motion_by_reference (BkStore    *self,
                                        const char        *reference);
gboolean    bk_store_delete_motion     (BkStore           *self,
                                        gint64             id,
                                        GError           **error);
guint       bk_store_count_motions     (BkStore           *self);

/* Ids newest first (date, then id). filter may be NULL. */
GArray     *bk_store_list_motion_ids   (BkStore              *self,
                                        const BkMotionFilter *filter,
                                        GError              **error);
/* Ids best match first, at most limit and never more than
 * BK_STORE_SEARCH_MAX_RESULTS (limit 0: that many). An empty query lists
 * like bk_store_list_motion_ids, all of them with limit 0. */
#define BK_STORE_SEARCH_MAX_RESULTS 1000
GArray     *bk_store_search            (BkStore              *self,
                                        const char           *query,
                                        const BkMotionFilter *filter,
                                        guint                 limit,
                                        GError              **error);
/* A submitting faction and the council its motions went to. */
typedef struct {
  char *name;
  char *body;                  /* NULL when its motions name no council */
} BkFaction;

void        bk_faction_free            (BkFaction         *faction);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BkFaction, bk_faction_free)

/* Distinct values for the filter menus, sorted. */
GStrv       bk_store_list_bodies       (BkStore           *self);
/* BkFaction: each faction once per council, by name then council. */
GPtrArray  *bk_store_list_factions     (BkStore           *self);

/* --- review (bk-store-review.c) -------------------------------------- */

/* A motion whose import left warnings, as the staff list shows it. */
typedef struct {
  gint64 id;
  char *subject;
  char *reference;
  char *date;                  /* ISO or NULL */
  char *source;                /* the file it was read from, or NULL */
  GPtrArray *warnings;         /* BkWarning: code and message, in the order found */
} BkMotionReview;

void bk_motion_review_free (BkMotionReview *review);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BkMotionReview, bk_motion_review_free)

/* The motions with warnings, newest first (date, then id): what a clerk
 * checks before citizens read it. code (may be NULL) keeps only motions
 * with a warning of that code ("no-title", "ocr", …). A GPtrArray of
 * BkMotionReview, empty when there is nothing to check. */
GPtrArray  *bk_store_list_motions_with_warnings  (BkStore    *self,
                                                  const char *code,
                                                  GError    **error);
guint       bk_store_count_motions_with_warnings (BkStore    *self);

/* --- services (bk-store-services.c) ---------------------------------- */

/* Inserts or replaces the service with service->id (which must be set), its
 * lists, translations and search entry. */
gboolean    bk_store_save_service      (BkStore           *self,
                                        const BkService   *service,
                                        GError           **error);
/* A missing id is BK_ERROR_NOT_FOUND. */
BkService  *bk_store_load_service      (BkStore           *self,
                                        const char        *id,
                                        GError           **error);
gboolean    bk_store_delete_service    (BkStore           *self,
                                        const char        *id,
                                        GError           **error);
guint       bk_store_count_services    (BkStore           *self);
/* BkServiceSummary rows sorted by name (German collation) in language lang
 * (NULL: German; see bk_service_get_name ()). filter may be NULL. */
GPtrArray  *bk_store_list_services     (BkStore               *self,
                                        const BkServiceFilter *filter,
                                        const char            *lang,
                                        GError               **error);
/* Like bk_store_list_services, best match first: services whose name holds
 * every word before those matching anywhere (texts, documents, steps, office,
 * easy-read, translations). Same German search as motions: endings, parts of
 * compounds, umlauts typed as ae/oe/ue/ss. An empty query lists all.
 * limit 0: no limit. */
GPtrArray  *bk_store_search_services   (BkStore               *self,
                                        const char            *query,
                                        const BkServiceFilter *filter,
                                        const char            *lang,
                                        guint                  limit,
                                        GError               **error);
/* Ids of the services that offer the kiosk form (a bk-form.c id), those of
 * municipality first (NULL or "": none preferred), then by municipality and
 * name. Empty when none does or the query fails. */
GStrv       bk_store_list_services_with_form (BkStore    *self,
                                              const char *form,
                                              const char *municipality);
/* Municipalities that have services, sorted. */
GStrv       bk_store_list_service_municipalities (BkStore *self);

/* --- towns (bk-store-offices.c) --------------------------------------- */

/* The towns the kiosk serves (BkTown), in the order they were added: their
 * offices are shown for services from XZuFi. */
GPtrArray  *bk_store_list_towns        (BkStore           *self,
                                        GError           **error);
/* Adds a town by its ARS (12 digits; BK_ERROR_INVALID_INPUT otherwise), or
 * renames it when it is there. */
gboolean    bk_store_add_town          (BkStore           *self,
                                        const char        *ars,
                                        const char        *name,
                                        GError           **error);
/* A missing town is BK_ERROR_NOT_FOUND. */
gboolean    bk_store_remove_town       (BkStore           *self,
                                        const char        *ars,
                                        GError           **error);

/* --- submissions (bk-store-submissions.c) ----------------------------- */

/* Stores a citizen's submission in ONE transaction of its own (it refuses to
 * run inside bk_store_begin) and returns the new reference, only after the
 * COMMIT succeeded; the database is synchronous=FULL, so an acknowledged
 * submission survives a crash or power loss. Sets submission->id, reference and
 * created_at (kept when already set: imports and tests). answers must be a JSON
 * object; motion feedback also updates the motion's counts. */
char       *bk_store_add_submission    (BkStore           *self,
                                        BkSubmission      *submission,
                                        GError           **error);
BkSubmission *bk_store_load_submission (BkStore           *self,
                                        const char        *reference,
                                        GError           **error);
guint       bk_store_count_submissions (BkStore           *self);

typedef struct {
  const char *since;           /* UTC ISO date-time: created at or after; NULL: any */
  gboolean    unexported_only; /* only those never exported */
} BkSubmissionQuery;

/* BkSubmission rows, oldest first; never the sealed ones, whose answers
 * went encrypted into the outbox (bk-store-outbox.h). */
GPtrArray  *bk_store_list_submissions  (BkStore                 *self,
                                        const BkSubmissionQuery *query,
                                        GError                 **error);
/* Sets exported_at (UTC ISO; NULL: now) on every listed submission. For an
 * export that is marked only when written: bk_store_begin, list, mark, write,
 * bk_store_commit (or rollback when writing failed). */
gboolean    bk_store_mark_submissions_exported (BkStore    *self,
                                                GPtrArray  *submissions,
                                                const char *when,
                                                GError    **error);
/* Deletes submissions created before cutoff (UTC ISO date-time); removed
 * (may be NULL) receives how many. Feedback counts stay. Outbox entries of
 * that age go too once their bundle is gone (accepted, or removed after the
 * outbox's retention); one still waiting to be delivered stays. */
gboolean    bk_store_purge_submissions (BkStore           *self,
                                        const char        *cutoff,
                                        guint             *removed,
                                        GError           **error);
/* Aggregated feedback on a motion; all zero when there is none. */
gboolean    bk_store_get_motion_feedback (BkStore          *self,
                                          gint64            motion_id,
                                          BkFeedbackCounts *counts,
                                          GError          **error);

/* Days a submission is kept (setting "retention-days", default 30). */
#define BK_STORE_DEFAULT_RETENTION_DAYS 30
guint       bk_store_get_retention_days (BkStore          *self);
/* days from 1 to 3650; anything else is BK_ERROR_INVALID_INPUT. */
gboolean    bk_store_set_retention_days (BkStore          *self,
                                         guint             days,
                                         GError          **error);

/* --- check (bk-store-check.c) ------------------------------------------ */

/* Integrity check and search-index consistency; problems appended to report. */
gboolean    bk_store_check             (BkStore           *self,
                                        GString           *report,
                                        GError           **error);

G_END_DECLS
