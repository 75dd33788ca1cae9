/* bk-store-sync.h: the OParl sync's bookkeeping in the store
 *
 * Endpoints (System URLs) with their health, the watermark of every
 * external list, an unfinished walk staged page by page (so that an
 * interrupted sync resumes and nothing is half-applied), and the papers'
 * own texts. The sync engine (src/core/sync) writes all of it; the kiosk
 * reads the health, the freshness of a motion and its text's state.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-store.h"

G_BEGIN_DECLS

/* Sets up a connection that syncs: a page cache that holds a whole walk's
 * changes (a smaller one writes the same pages to the WAL again and again)
 * and synchronous=NORMAL — still atomic and consistent in WAL mode; a power
 * cut may lose the last sync, which the next one fetches again. The kiosk's
 * own connection keeps synchronous=FULL for citizens' submissions. */
gboolean  bk_store_sync_tune_connection     (BkStore    *self,
                                             GError    **error);

/* ---- endpoints -------------------------------------------------------------- */

typedef struct {
  char *url;              /* the System URL as configured */
  char *name;             /* display name given by staff, or NULL */
  char *system_name;      /* the System's own name */
  char *system_id;        /* the System's id, when it differs from url */
  char *body_list_url;    /* System.body, once discovered */
  char *oparl_version;
  char *vendor;
  char *quirks;           /* the quirk profile chosen (bk-sync-quirks.h) */
  char *last_attempt;     /* UTC ISO date-times, or NULL */
  char *last_success;
  char *last_full;
  char *last_error;       /* in words, naming the endpoint and the problem */
  char *last_error_at;
  gint64 requests;        /* HTTP requests made, all runs together */
  /* Counted from the tables, for the staff page: */
  guint papers;
  guint meetings;
  guint texts_pending;    /* papers whose text has not been fetched yet */
  guint texts_unavailable;/* papers whose text could not be read */
} BkSyncEndpointInfo;

void      bk_sync_endpoint_info_free        (BkSyncEndpointInfo *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BkSyncEndpointInfo, bk_sync_endpoint_info_free)

/* Creates the endpoint's row when it is new; sets its display name when
 * name is not NULL. */
gboolean  bk_store_sync_touch_endpoint      (BkStore    *self,
                                             const char *url,
                                             const char *name,
                                             GError    **error);
/* NULL when the endpoint was never synced. */
BkSyncEndpointInfo *bk_store_sync_get_endpoint (BkStore    *self,
                                                const char *url);
/* Every endpoint the store knows, by name, with the counts filled. */
GPtrArray *bk_store_sync_list_endpoints     (BkStore    *self,
                                             GError    **error);
gboolean  bk_store_sync_save_discovery      (BkStore    *self,
                                             const char *url,
                                             const char *system_name,
                                             const char *system_id,
                                             const char *body_list_url,
                                             const char *oparl_version,
                                             const char *vendor,
                                             const char *quirks,
                                             GError    **error);
/* Health: when: UTC ISO date-time. success with full sets last_full too;
 * error_message NULL clears the last error. requests are added. */
gboolean  bk_store_sync_record_attempt      (BkStore    *self,
                                             const char *url,
                                             const char *when,
                                             GError    **error);
gboolean  bk_store_sync_record_result       (BkStore    *self,
                                             const char *url,
                                             const char *when,
                                             gboolean    success,
                                             gboolean    full,
                                             const char *error_message,
                                             guint       requests,
                                             GError    **error);

/* ---- watermarks ------------------------------------------------------------ */

/* The modified_since of the list's next incremental walk, or NULL. */
char     *bk_store_sync_dup_watermark       (BkStore    *self,
                                             const char *endpoint_url,
                                             const char *list_url);
gboolean  bk_store_sync_set_watermark       (BkStore    *self,
                                             const char *endpoint_url,
                                             const char *list_url,
                                             const char *kind,
                                             const char *body_oparl_id,
                                             const char *watermark,
                                             GError    **error);

/* ---- an unfinished walk ---------------------------------------------------- */

typedef struct {
  char *started;          /* UTC ISO, when the walk began */
  char *watermark;        /* the watermark it will commit */
  gboolean full;
  char *holder;           /* "host:pid" of the process walking, or NULL */
} BkSyncRun;

typedef struct {
  char *list_url;         /* identifies the list: its URL without filters */
  guint position;         /* order of application */
  char *kind;             /* "body", "organization", "person", "meeting", "paper" */
  char *body_oparl_id;
  char *first_url;        /* the first page, filters included */
  gboolean full;          /* walked without modified_since */
  gboolean complete;      /* every page staged */
} BkSyncRunList;

typedef struct {
  gint64 seq;
  char *url;
  char *next_url;
  char *hash;
} BkSyncPageInfo;

void      bk_sync_run_free                  (BkSyncRun      *run);
void      bk_sync_run_list_free             (BkSyncRunList  *list);
void      bk_sync_page_info_free            (BkSyncPageInfo *page);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BkSyncRun, bk_sync_run_free)

/* NULL when there is none. */
BkSyncRun *bk_store_sync_get_run            (BkStore    *self,
                                             const char *endpoint_url);
/* Starts a run (and forgets any staged one of the endpoint). */
gboolean  bk_store_sync_begin_run           (BkStore    *self,
                                             const char *endpoint_url,
                                             const char *started,
                                             const char *watermark,
                                             gboolean    full,
                                             const char *holder,
                                             GError    **error);
gboolean  bk_store_sync_set_run_holder      (BkStore    *self,
                                             const char *endpoint_url,
                                             const char *holder,
                                             GError    **error);
/* Forgets the run with its lists and staged pages. */
gboolean  bk_store_sync_drop_run            (BkStore    *self,
                                             const char *endpoint_url,
                                             GError    **error);
/* Adds a list to the run unless it is there; FALSE only on error. */
gboolean  bk_store_sync_add_run_list        (BkStore             *self,
                                             const char          *endpoint_url,
                                             const BkSyncRunList *list,
                                             GError             **error);
/* The server ignored modified_since and sent the whole list: it counts as
 * walked in full (what it lacks may be removed). */
gboolean  bk_store_sync_mark_run_list_full  (BkStore    *self,
                                             const char *endpoint_url,
                                             const char *list_url,
                                             GError    **error);
gboolean  bk_store_sync_complete_run_list   (BkStore    *self,
                                             const char *endpoint_url,
                                             const char *list_url,
                                             GError    **error);
/* BkSyncRunList, by position. */
GPtrArray *bk_store_sync_list_run_lists     (BkStore    *self,
                                             const char *endpoint_url,
                                             GError    **error);
gboolean  bk_store_sync_stage_page          (BkStore    *self,
                                             const char *endpoint_url,
                                             const char *list_url,
                                             gint64      seq,
                                             const char *url,
                                             const char *next_url,
                                             const char *hash,
                                             GBytes     *data,
                                             GError    **error);
/* BkSyncPageInfo of a list's staged pages, in order. */
GPtrArray *bk_store_sync_list_pages         (BkStore    *self,
                                             const char *endpoint_url,
                                             const char *list_url,
                                             GError    **error);
GBytes   *bk_store_sync_dup_page_data       (BkStore    *self,
                                             const char *endpoint_url,
                                             const char *list_url,
                                             gint64      seq,
                                             GError    **error);

/* ---- reconciliation: what a full walk saw ----------------------------------- */

/* A temporary set of the ids a full walk saw (this connection only). */
gboolean  bk_store_sync_seen_reset          (BkStore    *self,
                                             GError    **error);
gboolean  bk_store_sync_seen_add            (BkStore    *self,
                                             const char *oparl_id,
                                             GError    **error);
/* Ids of objects of kind ("paper", "meeting", "organization", "person")
 * synced from origin that the walk did not see. */
GPtrArray *bk_store_sync_list_unseen        (BkStore    *self,
                                             const char *origin,
                                             const char *kind,
                                             GError    **error);

/* ---- the papers' own texts ------------------------------------------------- */

typedef enum {
  BK_PAPER_TEXT_NONE,          /* not a synced paper, or it names no text file */
  BK_PAPER_TEXT_PENDING,       /* not fetched yet */
  BK_PAPER_TEXT_OK,
  BK_PAPER_TEXT_UNREADABLE,    /* fetched, but nothing could be read from it */
  BK_PAPER_TEXT_DELETED,       /* the server says it is gone (410) */
  BK_PAPER_TEXT_FAILED,        /* could not be fetched (will be tried again) */
} BkPaperTextState;

typedef struct {
  char *paper_oparl_id;
  char *origin;
  char *file_oparl_id;
  char *url;
  char *mime_type;
  char *inline_text;      /* File.text, when the server gave it */
  BkPaperTextState state;
  char *message;          /* why it is not available, in words */
  guint attempts;
  char *etag;
  char *last_modified;
  char *cache_file;
  char *reading;          /* what the paper reader found: bk_motion_to_json () */
} BkPaperText;

void      bk_paper_text_free                (BkPaperText *text);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BkPaperText, bk_paper_text_free)

/* The paper's text file as the sync last saw it: a new file (other URL,
 * modified, inline text) is fetched again. */
gboolean  bk_store_sync_note_paper_text     (BkStore    *self,
                                             const char *paper_oparl_id,
                                             const char *origin,
                                             const char *file_oparl_id,
                                             const char *url,
                                             const char *mime_type,
                                             const char *file_modified,
                                             const char *inline_text,
                                             GError    **error);
BkPaperText *bk_store_sync_get_paper_text   (BkStore    *self,
                                             const char *paper_oparl_id);
/* Pending texts (and failed ones tried fewer than max_attempts times, the
 * last time before retry_before), newest papers first; a paper asked for
 * first (priority_oparl_id, may be NULL) comes first. origin NULL: all. */
GPtrArray *bk_store_sync_list_pending_texts (BkStore    *self,
                                             const char *origin,
                                             const char *priority_oparl_id,
                                             guint       max_attempts,
                                             const char *retry_before,
                                             guint       limit,
                                             GError    **error);
gboolean  bk_store_sync_save_paper_text     (BkStore           *self,
                                             const BkPaperText *text,
                                             const char        *tried_at,
                                             GError           **error);

/* The motion stored for a paper (by its OParl id); 0 when there is none. */
gint64    bk_store_sync_find_motion         (BkStore    *self,
                                             const char *paper_oparl_id);

/* ---- for the kiosk ---------------------------------------------------------- */

/* Where a motion comes from: the endpoint's name (display name, else the
 * System's) and when it was last synced (UTC ISO). FALSE for a motion that
 * was not synced (imported from a file). */
gboolean  bk_store_get_motion_origin        (BkStore    *self,
                                             gint64      motion_id,
                                             char      **source_name,
                                             char      **last_success);
/* The state of a motion's own text, and why it is not available. */
BkPaperTextState bk_store_get_motion_text_state (BkStore    *self,
                                                 gint64      motion_id,
                                                 char      **message);

G_END_DECLS
