/* bk-oparl.h: the OParl 1.0/1.1 JSON importer
 *
 * Imports what a council information system publishes through OParl
 * (papers, with their bodies, organizations, persons and meetings) as
 * motions. The entry points are in bk-oparl-folder.c, the mapping of one
 * document in bk-oparl.c and bk-oparl-papers.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "bk-store.h"

G_BEGIN_DECLS

/* Largest OParl JSON file accepted, in bytes. */
#define BK_OPARL_MAX_SIZE (32 * 1024 * 1024)
/* The longest string member, in characters: a whole paper's text fits. */
#define BK_OPARL_MAX_STRING (2 * 1024 * 1024)

typedef struct {
  guint papers;
  guint meetings;
  guint organizations;
  guint persons;
  guint bodies;
  guint deleted;
} BkOParlStats;

/* Imports one OParl 1.0/1.1 JSON document (System, Body, a single object, or a
 * paginated list page) into the store. For list pages, links.next is followed
 * when it resolves to a file in the same folder (matched by the page's
 * links.self / the URL's last path segment and query; see README). Objects are
 * upserted by OParl id; objects with "deleted": true are removed.
 * Runs inside the caller's transaction; on error the caller rolls back.
 * Errors name the file and the JSON path ("papers-page2.json: $.data[3].name:
 * expected a string"). */
gboolean bk_oparl_import_file  (BkStore      *store,
                                const char   *path,
                                BkOParlStats *stats,
                                GError      **error);
/* Same, from memory; name is used in error messages; base_dir may be NULL
 * (then links.next is not followed). */
gboolean bk_oparl_import_data  (BkStore      *store,
                                const char   *data,
                                gsize         len,
                                const char   *name,
                                const char   *base_dir,
                                BkOParlStats *stats,
                                GError      **error);

/* An import of objects one by one, as a sync receives them page by page
 * (src/core/sync): references between the objects of all pages resolve as
 * in a folder import, related papers at bk_oparl_import_finish (). Runs
 * inside the caller's transaction. */
typedef struct _BkOParlImport BkOParlImport;

BkOParlImport *bk_oparl_import_new        (BkStore       *store,
                                           BkOParlStats  *stats);
/* One object of a list page, deleted objects included. A JSON shape the
 * importer refuses is BK_ERROR_INVALID_INPUT naming name and the path
 * within the object; the caller may skip the object and go on. Any other
 * error (the store) fails the transaction. */
gboolean       bk_oparl_import_add_object (BkOParlImport *self,
                                           JsonObject    *object,
                                           const char    *name,
                                           GError       **error);
gboolean       bk_oparl_import_finish     (BkOParlImport *self,
                                           GError       **error);
void           bk_oparl_import_free       (BkOParlImport *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BkOParlImport, bk_oparl_import_free)

G_END_DECLS
