/* bk-sync-url.h: the URLs the sync asks for
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Some servers name their objects with a prefix they do not answer at
 * (Karlsruhe: ids under …/oparl/, answers under …/ris/oparl/). When the
 * System's id (system_id) differs from the URL it was fetched from
 * (system_url), the part before their common end is the prefix to replace:
 * url with system_id's prefix gets system_url's. Else a copy of url. */
char     *bk_sync_url_rewrite      (const char *system_id,
                                    const char *system_url,
                                    const char *url);
/* url with the query parameter name=value set (replaced when it is there).
 * raw: value as it is (SessionNet); else percent-encoded as the spec wants
 * ("+" as %2B). */
char     *bk_sync_url_set_param    (const char *url,
                                    const char *name,
                                    const char *value,
                                    gboolean    raw);
/* Whether url has the query parameter name. */
gboolean  bk_sync_url_has_param    (const char *url,
                                    const char *name);
/* Whether url is http:// or https:// with a host. */
gboolean  bk_sync_url_is_web       (const char *url);

G_END_DECLS
