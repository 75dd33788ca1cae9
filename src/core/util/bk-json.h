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

G_END_DECLS
