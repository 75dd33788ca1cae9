#pragma once

#include <gio/gio.h>
#include "bk-motion.h"

G_BEGIN_DECLS

#define BK_TYPE_STORE (bk_store_get_type ())
G_DECLARE_FINAL_TYPE (BkStore, bk_store, BK, STORE, GObject)

/* The one owner of the SQLite connection. Not thread-safe: use from one thread. */

#define BK_STORE_SCHEMA_VERSION 1

typedef enum {
  BK_MOTION_STATUS_ANY,
  BK_MOTION_STATUS_UPCOMING,   /* a consultation today or later */
  BK_MOTION_STATUS_DECIDED,    /* consultations, all of them in the past */
} BkMotionStatus;

typedef struct {
  const char *body;            /* exact body name, or NULL for all */
  const char *faction;         /* exact submitter name, or NULL for all */
  BkMotionStatus status;
  const char *today;           /* ISO date; NULL means the current local date */
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
/* Ids best match first. An empty query lists like bk_store_list_motion_ids. */
GArray     *bk_store_search            (BkStore              *self,
                                        const char           *query,
                                        const BkMotionFilter *filter,
                                        guint                 limit,
                                        GError              **error);
/* Distinct values for the filter menus, sorted. */
GStrv       bk_store_list_bodies       (BkStore           *self);
GStrv       bk_store_list_factions     (BkStore           *self);

/* OParl objects besides papers, keyed by their OParl id (URL). */
gboolean    bk_store_save_body         (BkStore    *self,
                                        const char *oparl_id,
                                        const char *name,
                                        const char *short_name,
                                        GError    **error);
/* The body's plenary (OParl Body.mainOrganization), the assembly that decides. */
gboolean    bk_store_set_body_main_organization (BkStore    *self,
                                                 const char *body_oparl_id,
                                                 const char *organization_oparl_id,
                                                 GError    **error);
/* Name of the body's main organization ("Kreistag"), or NULL when unknown. */
char       *bk_store_dup_body_assembly_name (BkStore    *self,
                                             const char *body_oparl_id);
gboolean    bk_store_save_organization (BkStore    *self,
                                        const char *oparl_id,
                                        const char *body_oparl_id,
                                        const char *name,
                                        const char *short_name,
                                        const char *classification,
                                        GError    **error);
gboolean    bk_store_save_person       (BkStore    *self,
                                        const char *oparl_id,
                                        const char *name,
                                        GError    **error);
gboolean    bk_store_save_meeting      (BkStore    *self,
                                        const char *oparl_id,
                                        const char *name,
                                        const char *start,
                                        const char *end,
                                        const char *location,
                                        gboolean    cancelled,
                                        GError    **error);
gboolean    bk_store_save_agenda_item  (BkStore    *self,
                                        const char *oparl_id,
                                        const char *meeting_oparl_id,
                                        const char *number,
                                        const char *name,
                                        const char *consultation_oparl_id,
                                        BkTristate  is_public,
                                        const char *result,
                                        GError    **error);
/* Look-ups the importer needs to resolve references; NULL when unknown. */
char       *bk_store_dup_organization_name (BkStore    *self,
                                            const char *oparl_id);
char       *bk_store_dup_person_name   (BkStore    *self,
                                        const char *oparl_id);
char       *bk_store_dup_body_name     (BkStore    *self,
                                        const char *oparl_id);
/* meeting start as ISO date-time and name; FALSE when unknown */
gboolean    bk_store_lookup_meeting    (BkStore    *self,
                                        const char *oparl_id,
                                        char      **start,
                                        char      **name);
/* name and classification of an organization; FALSE when unknown */
gboolean    bk_store_lookup_organization (BkStore    *self,
                                          const char *oparl_id,
                                          char      **name,
                                          char      **classification);
/* The agenda item with this OParl id, or else the one that links to the
 * consultation with this id: its meeting and whether it is public. */
gboolean    bk_store_lookup_agenda_item (BkStore    *self,
                                         const char *item_oparl_id,
                                         const char *consultation_oparl_id,
                                         char      **meeting_oparl_id,
                                         BkTristate *is_public);
/* The reference (Drucksache number) of the paper with this OParl id, or NULL. */
char       *bk_store_dup_paper_reference (BkStore    *self,
                                          const char *oparl_id);
/* Removes an object of any OParl type by id; TRUE when something was removed. */
gboolean    bk_store_delete_oparl_object (BkStore    *self,
                                          const char *oparl_id,
                                          GError    **error);

/* Integrity check and search-index consistency; problems appended to report. */
gboolean    bk_store_check             (BkStore           *self,
                                        GString           *report,
                                        GError           **error);

G_END_DECLS
