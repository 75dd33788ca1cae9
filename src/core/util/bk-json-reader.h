/* bk-json-reader.h: reading the kiosk's own strict JSON formats
 *
 * What the service and project importers share: a reader that knows the
 * file's name and the JSON path of the value at hand, so that every error
 * says "dienste.json: $.services[2].name: expected a string".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct {
  const char *name;     /* file name for messages */
  GString *path;        /* JSON path of the current value: "$.projects[3]" */
} BkJsonReader;

/* Sets "NAME: PATH.MEMBER: PROBLEM" (member may be NULL); returns FALSE. */
gboolean bk_json_reader_fail          (BkJsonReader      *reader,
                                       const char        *member,
                                       const char        *problem,
                                       GError           **error);
/* Step into a member or an element; each returns the length to truncate
 * the path back to. */
gsize    bk_json_reader_push_member   (BkJsonReader      *reader,
                                       const char        *member);
gsize    bk_json_reader_push_index    (BkJsonReader      *reader,
                                       guint              index);
gboolean bk_json_reader_is_string     (JsonNode          *node);
/* A text member: absent or null gives NULL; "" or only spaces is an error
 * for a required one and NULL otherwise. Leading and trailing spaces go. */
gboolean bk_json_reader_dup_text      (BkJsonReader      *reader,
                                       JsonObject        *obj,
                                       const char        *member,
                                       gboolean           required,
                                       guint              max_chars,
                                       char             **out,
                                       GError           **error);
/* Members not in known (nor "comment", nor "x-…") are errors, with problem
 * as the reason (which names the README section of the format). */
gboolean bk_json_reader_check_members (BkJsonReader      *reader,
                                       JsonObject        *obj,
                                       const char *const *known,
                                       const char        *problem,
                                       GError           **error);
/* An array member, or NULL when absent or null; an error when it is
 * something else. */
gboolean bk_json_reader_get_array     (BkJsonReader      *reader,
                                       JsonObject        *obj,
                                       const char        *member,
                                       JsonArray        **out,
                                       GError           **error);
/* An array of non-empty strings, appended to into (char*). */
gboolean bk_json_reader_read_strings  (BkJsonReader      *reader,
                                       JsonObject        *obj,
                                       const char        *member,
                                       guint              max_chars,
                                       GPtrArray         *into,
                                       GError           **error);

/* Reads an object of a list, NULL with error. */
typedef gpointer (*BkJsonReadObject) (BkJsonReader *reader,
                                      JsonObject   *obj,
                                      GError      **error);
/* Every element of list (the reader's path at the list) with read, added to
 * into; an element that is not an object is an error, and so is an id
 * (id_of) used twice. */
gboolean bk_json_reader_read_objects  (BkJsonReader      *reader,
                                       JsonArray         *list,
                                       BkJsonReadObject   read,
                                       const char      *(*id_of) (gconstpointer item),
                                       GPtrArray         *into,
                                       GError           **error);

/* TRUE when the top-level object of data has the member, or a "type"
 * member whose value is type (may be NULL). A quick scan that does not
 * parse the document, to tell the kiosk's formats from OParl. */
gboolean bk_json_sniff_top_member     (const char        *data,
                                       gsize              len,
                                       const char        *member,
                                       const char        *type);

G_END_DECLS
