/* bk-oparl-private.h: what the files of the OParl importer share
 *
 * bk-oparl.c maps one JSON document onto the store (typed JSON access with
 * paths for the error messages, the objects other than papers, the two
 * passes); bk-oparl-papers.c maps papers onto motions; bk-oparl-folder.c
 * reads files, follows links.next and imports folders. All of them work on
 * one BkOParlContext per import.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "bk-oparl.h"

G_BEGIN_DECLS

/* The OParl object types the importer tells apart (the last segment of
 * "type", any case). */
typedef enum {
  BK_OPARL_TYPE_UNKNOWN,
  BK_OPARL_TYPE_SYSTEM,
  BK_OPARL_TYPE_BODY,
  BK_OPARL_TYPE_LEGISLATIVE_TERM,
  BK_OPARL_TYPE_ORGANIZATION,
  BK_OPARL_TYPE_PERSON,
  BK_OPARL_TYPE_MEMBERSHIP,
  BK_OPARL_TYPE_MEETING,
  BK_OPARL_TYPE_AGENDA_ITEM,
  BK_OPARL_TYPE_PAPER,
  BK_OPARL_TYPE_CONSULTATION,
  BK_OPARL_TYPE_FILE,
  BK_OPARL_TYPE_LOCATION,
  BK_OPARL_TYPE_ERROR,
} BkOParlType;

/* What papers need of an organization and of a meeting. */
typedef struct {
  char *name;
  gboolean faction;
} BkOParlOrg;

typedef struct {
  char *start;
  char *name;
} BkOParlMeeting;

typedef struct {
  gint64 motion_id;
  char *paper_id;    /* the paper whose reference is still missing */
} BkOParlPendingRef;

/* Facts the store has no look-up for (yet), remembered per store object so
 * that they carry over from one file of a folder to the next: whether an
 * organization is a faction, an agenda item's public flag and meeting, and
 * a paper's reference. Keyed by OParl id. */
typedef struct {
  GHashTable *org_faction;   /* organization id -> GINT_TO_POINTER (faction + 1),
                              * when its type was given */
  GHashTable *paper_refs;    /* paper id -> reference */
  GHashTable *item_public;   /* agenda item id -> BkTristate + 2 */
  GHashTable *item_meeting;  /* agenda item id -> meeting id */
  GHashTable *cons_public;   /* consultation id -> BkTristate + 2 */
} BkOParlMemo;

/* One import: a file with the pages links.next leads to, or a folder. */
typedef struct {
  BkStore *store;
  BkOParlStats *stats;
  const char *name;          /* file name used in messages */
  const char *base_dir;      /* the imported file's folder, or NULL: a paper's main
                              * file lying in it is read (bk-paper-reader.h) */
  GString *path;             /* JSON path of the value being looked at */

  /* What the documents of this import and the store told us so far, keyed by
   * OParl id. A NULL value records "asked the store, unknown". */
  GHashTable *orgs;          /* BkOParlOrg */
  GHashTable *persons;       /* char* */
  GHashTable *bodies;        /* char* */
  GHashTable *meetings;      /* BkOParlMeeting */
  BkOParlMemo *memo;
  GHashTable *seen;          /* ids counted in stats */
  GArray *pending;           /* BkOParlPendingRef: related papers not known yet */

  /* links.next resolution, built on first use */
  GHashTable *self_index;    /* links.self URL -> file path */
  GHashTable *visited;       /* file paths imported in this chain */
} BkOParlContext;

/* --- the context and typed JSON access (bk-oparl.c) --------------------- */

void      bk_oparl_ctx_init            (BkOParlContext  *ctx,
                                        BkStore         *store,
                                        BkOParlStats    *stats);
void      bk_oparl_ctx_clear           (BkOParlContext  *ctx);

/* The JSON path in ctx->path grows as the import descends; push returns
 * the length to pop back to. */
gsize     bk_oparl_path_push_member    (BkOParlContext  *ctx,
                                        const char      *member);
gsize     bk_oparl_path_push_index     (BkOParlContext  *ctx,
                                        guint            index);
void      bk_oparl_path_pop            (BkOParlContext  *ctx,
                                        gsize            len);
/* Sets an error naming the file and the JSON path of member (or of the
 * current value when member is NULL); returns FALSE. */
gboolean  bk_oparl_fail_at             (BkOParlContext  *ctx,
                                        const char      *member,
                                        const char      *problem,
                                        GError         **error);

static inline gboolean
bk_oparl_node_is_null (JsonNode *node)
{
  return node == NULL || JSON_NODE_HOLDS_NULL (node);
}

static inline gboolean
bk_oparl_node_is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

/* Typed members; a member of another type is an error with its path. A
 * string that is absent, null or "" gives NULL. */
gboolean  bk_oparl_get_string          (BkOParlContext  *ctx,
                                        JsonObject      *obj,
                                        const char      *member,
                                        const char     **out,
                                        GError         **error);
/* A date ("2026-09-15") or date and time ("2026-09-15T17:00:00+02:00")
 * member; absent, null and "" give NULL; anything else is rejected with the
 * member's JSON path. */
gboolean  bk_oparl_get_date            (BkOParlContext  *ctx,
                                        JsonObject      *obj,
                                        const char      *member,
                                        const char     **out,
                                        GError         **error);
gboolean  bk_oparl_get_tristate        (BkOParlContext  *ctx,
                                        JsonObject      *obj,
                                        const char      *member,
                                        BkTristate      *out,
                                        GError         **error);
gboolean  bk_oparl_get_array           (BkOParlContext  *ctx,
                                        JsonObject      *obj,
                                        const char      *member,
                                        JsonArray      **out,
                                        GError         **error);
gboolean  bk_oparl_get_object_or_url   (BkOParlContext  *ctx,
                                        JsonObject      *obj,
                                        const char      *member,
                                        JsonObject     **out,
                                        const char     **url,
                                        GError         **error);
gboolean  bk_oparl_get_type            (BkOParlContext  *ctx,
                                        JsonObject      *obj,
                                        BkOParlType     *out,
                                        GError         **error);
/* "2026-09-15T17:00:00+02:00" and "2026-09-15" give "2026-09-15"; anything
 * that does not start with a date gives NULL (bk-oparl-papers.c). */
char     *bk_oparl_dup_date_part       (const char      *str);
/* Whether an organization's classification or name says "Fraktion". */
gboolean  bk_oparl_is_faction          (const char      *classification);
/* Counts id once per import in *counter (NULL ids always count). */
void      bk_oparl_count_object        (BkOParlContext  *ctx,
                                        const char      *id,
                                        guint           *counter);

/* --- objects (bk-oparl.c) and papers (bk-oparl-papers.c) ---------------- */

/* Organizations and persons also arrive embedded in papers. */
gboolean  bk_oparl_import_organization (BkOParlContext  *ctx,
                                        JsonObject      *obj,
                                        const char      *id,
                                        GError         **error);
gboolean  bk_oparl_import_person       (BkOParlContext  *ctx,
                                        JsonObject      *obj,
                                        const char      *id,
                                        GError         **error);
gboolean  bk_oparl_import_paper        (BkOParlContext  *ctx,
                                        JsonObject      *obj,
                                        const char      *id,
                                        GError         **error);
/* Adds the references of related papers that turned up later in the same
 * import; called once at the end of an import. */
gboolean  bk_oparl_resolve_pending     (BkOParlContext  *ctx,
                                        GError         **error);

/* --- documents (bk-oparl.c), for bk-oparl-folder.c ---------------------- */

/* Sets BK_ERROR_TOO_LARGE for a file of size bytes. */
void      bk_oparl_set_too_large       (GError         **error,
                                        const char      *name,
                                        guint64          size);
/* Imports one object of a list (both passes); errors name ctx->name and
 * the object's own JSON path from "$". */
gboolean  bk_oparl_import_one          (BkOParlContext  *ctx,
                                        JsonObject      *obj,
                                        GError         **error);
/* Imports one document (ctx->name names it in errors); *next_url receives
 * its links.next, or NULL. */
gboolean  bk_oparl_import_document     (BkOParlContext  *ctx,
                                        const char      *data,
                                        gsize            len,
                                        char           **next_url,
                                        GError         **error);

G_END_DECLS
