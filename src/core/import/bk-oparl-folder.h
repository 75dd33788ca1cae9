/* bk-oparl-folder.h: a folder of OParl files as one import
 *
 * For downloads of a whole council information system: every list page in
 * one folder, imported in order with related papers resolved across files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-oparl.h"

G_BEGIN_DECLS

/* Imports every *.json file of a folder (in natural name order: page2 before
 * page10) as one OParl import: a page reached through links.next is not
 * imported a second time when its own turn comes, and related papers are
 * resolved across all files. Adds to stats. Runs inside the caller's
 * transaction; errors name the file and the JSON path. A folder without
 * .json files is BK_ERROR_INVALID_INPUT. */
gboolean bk_oparl_import_folder (BkStore      *store,
                                 const char   *dir_path,
                                 BkOParlStats *stats,
                                 GError      **error);

G_END_DECLS
