/* bk-sync-quirks.h: what real OParl servers do differently, by vendor
 *
 * A small profile chosen once from the System object (vendor, product,
 * contact and the URL's shape) instead of special cases spread through the
 * sync. The vendors and their quirks are those documented in
 * ../shared/research/integration.md §1.3.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct {
  const char *name;              /* "generic", "sdnet", "somacos", "allris", "more-rubin" */
  /* SessionNet rejects a URL-encoded filter: modified_since is sent with a
   * raw "+" in its offset (against the spec). */
  gboolean raw_query;
  /* SD.NET answers an empty modified_since window with HTTP 404 and
   * {"code": 802}: an empty page, not an error. */
  gboolean empty_404_802;
  /* SD.NET: a list may come as a single object (the body list) or as a
   * bare array ([] for an empty window). */
  gboolean loose_lists;
  /* ALLRIS sends invalid JSON: bytes that are not UTF-8 (Windows-1252) and
   * raw control characters in strings. The page is mended and read again
   * (json-glib itself reads raw control characters; bk-sync-json.c drops them). */
  gboolean repair_json;
  /* Spurious 500s (ALLRIS, SessionNet): more tries on a 5xx. */
  guint extra_5xx_retries;
} BkSyncQuirks;

/* The profile for a System object (NULL: the generic one) fetched from url. */
const BkSyncQuirks *bk_sync_quirks_choose (JsonObject  *system,
                                               const char  *url);
/* A profile by its name (the one stored with the endpoint); NULL when unknown. */
const BkSyncQuirks *bk_sync_quirks_lookup     (const char  *name);

G_END_DECLS
