/* bk-staff-log.h: staff actions in the journal
 *
 * What staff did, for the administrators.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Staff actions go to the journal as structured records: MESSAGE plus
 * BK_EVENT (a fixed name such as "staff-mode-opened", "wrong-pin", "import",
 * "export", "settings-change", "quit") and, optionally, BK_DETAIL (a file
 * name, a setting key or a count). Never pass what a citizen typed, answers
 * or PINs: the journal is readable by administrators. */
void bk_staff_log (GLogLevelFlags  level,
                   const char     *event,
                   const char     *detail,
                   const char     *message);

G_END_DECLS
