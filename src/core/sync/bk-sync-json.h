/* bk-sync-json.h: reading what real OParl servers send, defensively
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Parses a server's answer (name for messages). With repair, a text that
 * is not valid JSON because of bytes that are not UTF-8 (read as
 * Windows-1252) or of raw control characters in its strings is mended and
 * read again (*repaired set). */
JsonNode *bk_sync_json_parse       (GBytes      *data,
                                    const char  *name,
                                    gboolean     repair,
                                    gboolean    *repaired,
                                    GError     **error);

/* Makes an object as real servers send it safe for the importer, in place:
 * strings "N/A" and blank ones dropped, control characters removed, an
 * object or a URL where a list belongs put into a list, "true"/"false" as
 * booleans, numbers where text belongs as text, the plural member names
 * some servers use under their OParl names, and a missing type taken from
 * the list it came in (expected_type, e.g. "Paper"; may be NULL). The same
 * for the objects it embeds. Returns how many things it changed. */
guint     bk_sync_json_normalize   (JsonObject  *object,
                                    const char  *expected_type);

/* The last segment of an object's type ("Paper"), or NULL. */
const char *bk_sync_json_type_name (JsonObject  *object);

/* A string member, or NULL (absent, not a string, ""). */
const char *bk_sync_json_get_string (JsonObject *object,
                                     const char *member);

/* A list page: its objects and links.next. With loose, a bare array or a
 * single object (SD.NET) is a page too. An OParl Error object, or anything
 * else, is BK_SYNC_ERROR_NOT_OPARL naming name. */
gboolean  bk_sync_json_read_page   (JsonNode    *root,
                                    const char  *name,
                                    gboolean     loose,
                                    JsonArray  **data,
                                    char       **next_url,
                                    GError     **error);

/* A digest of a page's objects, to see the same page come again. */
char     *bk_sync_json_hash_data   (JsonArray   *data);

G_END_DECLS
