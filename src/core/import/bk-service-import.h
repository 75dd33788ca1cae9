/* bk-service-import.h: the service catalogue's JSON format
 *
 * Parsing and importing service documents (README, "Service JSON").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-store.h"

G_BEGIN_DECLS

/* Largest service JSON file accepted, in bytes. */
#define BK_SERVICE_MAX_SIZE (8 * 1024 * 1024)

/* TRUE when data looks like a service document rather than OParl: a
 * top-level "services" member, or a top-level "type" of
 * "buergerkiosk:Service". A quick scan that does not parse the document. */
gboolean   bk_service_import_sniff (const char *data,
                                    gsize       len);

/* Parses a service document ({"services": [ … ]} or one service object; see
 * README, "Service JSON") without storing anything. Errors name the file
 * (name), the JSON path and the problem: "dienste.json: $.services[2].leika:
 * expected 14 digits". Returns BkService*, each with its id set. */
GPtrArray *bk_service_import_parse (const char  *data,
                                    gsize        len,
                                    const char  *name,
                                    GError     **error);

/* Parses and saves every service (upsert by id) in the caller's transaction;
 * count (may be NULL) receives how many. */
gboolean   bk_service_import_data  (BkStore     *store,
                                    const char  *data,
                                    gsize        len,
                                    const char  *name,
                                    guint       *count,
                                    GError     **error);

G_END_DECLS
