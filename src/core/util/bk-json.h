/* bk-json.h: JSON documents read with the checks json-glib lacks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Parses one JSON document: valid UTF-8 (a byte order mark is skipped),
 * nesting depth, no content after the value. Errors name the file (name),
 * line and column. The size limit is the caller's. */
JsonParser *bk_json_parse (const char  *data,
                           gsize        len,
                           const char  *name,
                           GError     **error);

/* The same, with nodes that may be changed (the sync repairs what real
 * servers send before the importer reads it). */
JsonParser *bk_json_parse_mutable (const char  *data,
                                   gsize        len,
                                   const char  *name,
                                   GError     **error);

/* A member that is an object (or an array), else NULL: json-glib 1.6 has
 * no get_…_member_with_default for these. */
JsonObject *bk_json_get_object (JsonObject  *object,
                                const char  *member);
JsonArray  *bk_json_get_array  (JsonObject  *object,
                                const char  *member);
/* A member that is a string (an int), else fallback: json-glib 1.6's
 * get_…_member_with_default fail with a critical on an object, an array
 * or null where a value belongs (found by the FIT-Connect fuzzer). */
const char *bk_json_get_string (JsonObject  *object,
                                const char  *member,
                                const char  *fallback);
gint64      bk_json_get_int    (JsonObject  *object,
                                const char  *member,
                                gint64       fallback);

/* Sets error to "NAME: PATH: PROBLEM" (a problem in a data file at a JSON
 * path such as "$.terms[3].forms"); returns FALSE. */
gboolean    bk_json_fail          (GError        **error,
                                   const char     *name,
                                   const char     *path,
                                   const char     *problem);

/* The top of a versioned data file (the glossary, the street list): data
 * (len -1: up to its NUL) parsed with bk_json_parse, its root an object
 * whose "version", when given, is version. The root object, owned by
 * *parser, or NULL with error naming the file. */
JsonObject *bk_json_parse_versioned (const char   *data,
                                     gssize        len,
                                     const char   *name,
                                     int           version,
                                     JsonParser  **parser,
                                     GError      **error);

/* Loads a file bundled as a resource: the data at path in resource, read by
 * load (data, len, name, error) — a new_from_data function. NULL with error
 * when the resource or the data is broken. */
typedef gpointer (*BkJsonLoadFunc) (const char  *data,
                                    gssize       len,
                                    const char  *name,
                                    GError     **error);
gpointer    bk_json_load_resource (GResource      *resource,
                                   const char     *path,
                                   const char     *name,
                                   BkJsonLoadFunc  load,
                                   GError        **error);

G_END_DECLS
