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

G_END_DECLS
