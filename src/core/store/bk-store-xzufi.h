/* bk-store-xzufi.h: what the XZuFi importer keeps besides the services
 *
 * The offices (Organisationseinheit), online services (Onlinedienst) and
 * responsibilities (Zuständigkeit) of an XZuFi source, each by its source id,
 * with the version and a hash of its text so that an import of the same
 * message again changes nothing. For the importer only (bk-xzufi*.c); the
 * kiosk reads them through bk_store_load_service () (local offices).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-store.h"

G_BEGIN_DECLS

typedef enum {
  BK_XZUFI_SERVICE,          /* Leistung */
  BK_XZUFI_OFFICE,           /* Organisationseinheit */
  BK_XZUFI_ONLINE,           /* Onlinedienst */
  BK_XZUFI_RESPONSIBILITY,   /* Zuständigkeit (its own id, transfer objects) */
} BkXzufiKind;

/* The parent of a responsibility. */
#define BK_XZUFI_PARENT_OFFICE "office"
#define BK_XZUFI_PARENT_ONLINE "online"

/* TRUE when an object of kind with this source id is stored; version and hash
 * (may be NULL) receive what was stored with it. */
gboolean   bk_store_xzufi_lookup            (BkStore          *self,
                                             BkXzufiKind       kind,
                                             const char       *source_id,
                                             char            **version,
                                             char            **hash);
/* Inserts or replaces (by service->id) a service with service->source_id set. */
gboolean   bk_store_xzufi_save_service      (BkStore          *self,
                                             const BkService  *service,
                                             const char       *hash,
                                             const char       *origin,
                                             GError          **error);
gboolean   bk_store_xzufi_save_office       (BkStore          *self,
                                             const char       *id,
                                             const char       *version,
                                             const char       *hash,
                                             const char       *origin,
                                             const BkServiceOffice *office,
                                             GError          **error);
gboolean   bk_store_xzufi_save_online       (BkStore          *self,
                                             const char       *id,
                                             const char       *version,
                                             const char       *hash,
                                             const char       *origin,
                                             const char       *name,
                                             const char       *url,
                                             GError          **error);
/* Removes the responsibilities written inside a parent (those without an id
 * of their own), before the parent's new ones are added. */
gboolean   bk_store_xzufi_clear_nested      (BkStore          *self,
                                             const char       *parent_kind,
                                             const char       *parent_id,
                                             GError          **error);
/* id: the responsibility's own id, or NULL for one written inside its
 * parent; area: a prefix from bk_ars_area_prefix (); hash: of the transfer
 * object that carried it (NULL inside a parent). */
gboolean   bk_store_xzufi_add_responsibility (BkStore         *self,
                                              const char      *id,
                                              const char      *parent_kind,
                                              const char      *parent_id,
                                              const char      *service_source_id,
                                              const char      *area,
                                              const char      *role,
                                              const char      *hash,
                                              const char      *origin,
                                              GError         **error);
/* Marks a stored object as coming from the publication origin. */
gboolean   bk_store_xzufi_set_origin        (BkStore          *self,
                                             BkXzufiKind       kind,
                                             const char       *source_id,
                                             const char       *origin,
                                             GError          **error);
/* Deletes the object of kind with this source id (an office or online service
 * with its responsibilities); found (may be NULL) says whether there was one. */
gboolean   bk_store_xzufi_delete            (BkStore          *self,
                                             BkXzufiKind       kind,
                                             const char       *source_id,
                                             gboolean         *found,
                                             GError          **error);
/* The source ids of kind that came from the publication origin. */
GPtrArray *bk_store_xzufi_list_origin       (BkStore          *self,
                                             BkXzufiKind       kind,
                                             const char       *origin,
                                             GError          **error);
/* How many responsibilities are stored. */
guint      bk_store_xzufi_count_responsibilities (BkStore     *self);

G_END_DECLS
