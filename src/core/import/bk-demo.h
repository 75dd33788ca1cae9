/* bk-demo.h: the bundled demo content and the default database
 *
 * Seeds a new store and finds the default database path.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-store.h"

G_BEGIN_DECLS

/* Fills an empty store with the bundled demo content (fictional county and
 * two municipalities): every text motion, the OParl set and the service
 * catalogue (data/demo/services), in one transaction. */
gboolean bk_demo_seed (BkStore  *store,
                       GError  **error);

/* The database path used when --db is not given,
 * $XDG_DATA_HOME/buergerkiosk/kiosk.db, after creating its folder (0700). */
char    *bk_demo_prepare_default_db_path (GError **error);

/* Opens (creating if needed) the database at path, or the default one when path
 * is NULL, and seeds it with the demo content when it is new. */
BkStore *bk_demo_open_store (const char *path,
                             GError    **error);

G_END_DECLS
