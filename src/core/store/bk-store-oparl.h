/* bk-store-oparl.h: the OParl objects besides papers, for the importer
 *
 * Bodies, organisations, persons, meetings and agenda items are kept only
 * so that the OParl importer can resolve references between objects that
 * arrive in any order; nothing else reads them, so they stay out of the
 * public bk-store.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-store.h"

G_BEGIN_DECLS

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
typedef struct {
  const char *oparl_id;
  const char *name;
  const char *start;
  const char *end;
  const char *location;
  gboolean    cancelled;
  const char *organization_oparl_id;  /* the lead committee */
  const char *state;                  /* meetingState: terminiert, eingeladen, durchgeführt */
} BkStoreMeetingRow;

typedef struct {
  const char *oparl_id;
  const char *meeting_oparl_id;
  int         position;               /* in the meeting, from 0; -1: not known */
  const char *number;
  const char *name;
  const char *consultation_oparl_id;
  BkTristate  is_public;
  const char *result;                 /* sorted into an outcome (bk-decision.h) */
  const char *resolution_text;
} BkStoreAgendaItemRow;

gboolean    bk_store_save_meeting      (BkStore                    *self,
                                        const BkStoreMeetingRow    *meeting,
                                        GError                    **error);
gboolean    bk_store_save_agenda_item  (BkStore                    *self,
                                        const BkStoreAgendaItemRow *item,
                                        GError                    **error);
/* Removes the agenda items of a meeting whose ids are not in keep_json (a
 * JSON array of strings): those the meeting no longer lists. */
gboolean    bk_store_prune_agenda_items (BkStore    *self,
                                         const char *meeting_oparl_id,
                                         const char *keep_json,
                                         GError    **error);
/* Puts a meeting's (new) date and name into the consultations held at it. */
gboolean    bk_store_update_meeting_consultations (BkStore    *self,
                                                   const char *meeting_oparl_id,
                                                   const char *date,
                                                   const char *name,
                                                   GError    **error);
typedef enum {
  BK_STORE_ORIGIN_PAPER,
  BK_STORE_ORIGIN_MEETING,
  BK_STORE_ORIGIN_ORGANIZATION,
  BK_STORE_ORIGIN_PERSON,
  BK_STORE_ORIGIN_BODY,
} BkStoreOriginKind;

/* Marks the object of kind with this id as synced from origin (a System URL). */
gboolean    bk_store_set_oparl_origin  (BkStore          *self,
                                        BkStoreOriginKind kind,
                                        const char       *oparl_id,
                                        const char       *origin,
                                        GError          **error);
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

G_END_DECLS
