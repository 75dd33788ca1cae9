/* bk-xzufi-private.h: what the parts of the XZuFi importer share
 *
 * bk-xzufi-read.c reads a message into the operations below (nothing is
 * stored before the whole message is read and found sound) with the helpers
 * of bk-xzufi-xml.c, bk-xzufi-leistung.c
 * maps a Leistung to a BkService, bk-xzufi.c applies the operations to the
 * store, bk-xzufi-publication.c reads a publishing folder or URL.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libxml/tree.h>

#include "bk-store-xzufi.h"
#include "bk-xzufi.h"

G_BEGIN_DECLS

/* The namespace of XZuFi 2.2.0 messages. */
#define BK_XZUFI_NS "http://xoev.de/schemata/xzufi/2_2_0"

/* Where a message is read: the file name for messages and the notes. */
typedef struct {
  const char *name;
  GPtrArray  *notes;    /* char*: what was left out, for the summary */
  guint       ignored;  /* objects of kinds the kiosk does not use */
  GHashTable *indexes;  /* xmlNode → its place among the root's children of
                         * its name (their earlier siblings are gone) */
} BkXzufiReader;

/* A responsibility: a service in an area, with the role the office has. */
typedef struct {
  char *service_id;     /* source id of the Leistung */
  char *area;           /* bk_ars_area_prefix () */
  char *role;           /* rolle/code, or NULL */
} BkXzufiArea;

typedef enum {
  BK_XZUFI_OP_WRITE,
  BK_XZUFI_OP_DELETE,
} BkXzufiOpKind;

/* One "schreibe" object or one id of a "loesche". */
typedef struct {
  BkXzufiOpKind kind;
  BkXzufiKind   object;
  char         *id;          /* source id: "agency:value" */
  char         *version;     /* versionsinformation/geaendertDatumZeit, or NULL */
  char         *hash;        /* of the element as written */
  BkService    *service;     /* Leistung */
  BkServiceOffice office;    /* Organisationseinheit */
  char         *name;        /* Onlinedienst */
  char         *url;         /* Onlinedienst */
  char         *parent_id;   /* Zuständigkeit: the office or online service */
  GPtrArray    *areas;       /* BkXzufiArea: nested in an office or online
                              * service, or the transfer object's own */
} BkXzufiOp;

void        bk_xzufi_op_free       (BkXzufiOp     *op);

/* Reads a message into operations (BkXzufiOp), in document order. */
GPtrArray  *bk_xzufi_read          (BkXzufiReader *reader,
                                    const char    *data,
                                    gsize          len,
                                    GError       **error);

/* ---- walking the message (bk-xzufi-xml.c) -------------------------------- */

/* An element named name, in any namespace. */
gboolean    bk_xzufi_is_named      (xmlNode       *node,
                                    const char    *name);

/* Fails with "NAME: PATH (line N): problem". */
gboolean    bk_xzufi_fail          (BkXzufiReader *reader,
                                    xmlNode       *node,
                                    GError       **error,
                                    const char    *format,
                                    ...) G_GNUC_PRINTF (4, 5);
void        bk_xzufi_note          (BkXzufiReader *reader,
                                    xmlNode       *node,
                                    const char    *format,
                                    ...) G_GNUC_PRINTF (3, 4);
/* The element children of node named name (any namespace), in order. */
GPtrArray  *bk_xzufi_children      (xmlNode       *node,
                                    const char    *name);
xmlNode    *bk_xzufi_child         (xmlNode       *node,
                                    const char    *name);
/* The first element named name below node, not looking into elements
 * named in skip (NULL-terminated, may be NULL). */
xmlNode    *bk_xzufi_find          (xmlNode       *node,
                                    const char    *name,
                                    const char *const *skip);
/* The text of node, trimmed; NULL when empty. */
char       *bk_xzufi_text          (xmlNode       *node);
/* The text of the child named name, trimmed, or NULL. */
char       *bk_xzufi_child_text    (xmlNode       *node,
                                    const char    *name);
/* A code: the text of its "code" child, or its own text. */
char       *bk_xzufi_code          (xmlNode       *node);
/* The language of a localized element (@languageCode): "de" when absent. */
char       *bk_xzufi_language      (xmlNode       *node);
/* The German one of the localized children named name (else the first
 * without another language); its text is HTML. NULL when there is none. */
xmlNode    *bk_xzufi_german        (xmlNode       *node,
                                    const char    *name);
/* The content of an element that holds HTML: its text, or its child
 * elements as markup. */
char       *bk_xzufi_html          (xmlNode       *node);
/* An identifier's source id, "agency:value" (value alone without an
 * agency); NULL and an error when it is empty. */
char       *bk_xzufi_id            (BkXzufiReader *reader,
                                    xmlNode       *node,
                                    GError       **error);
/* The version of an object: versionsinformation/geaendertDatumZeit; an
 * error when it is no date and time. */
gboolean    bk_xzufi_version       (BkXzufiReader *reader,
                                    xmlNode       *object,
                                    char         **version,
                                    GError       **error);

/* ---- the Leistung (bk-xzufi-leistung.c) ---------------------------------- */

/* Maps a Leistung to a service; id is its source id. */
BkService  *bk_xzufi_read_leistung (BkXzufiReader *reader,
                                    xmlNode       *leistung,
                                    const char    *id,
                                    GError       **error);

G_END_DECLS
