/* bk-scanner-private.h: for tests only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-scanner.h"

G_BEGIN_DECLS

/* What is highlighted: the group (or single item) at the group level; in a
 * group, the group and its item (NULL on the "leave group" step). */
GtkWidget  *bk_scanner_get_group           (BkScanner  *self);
GtkWidget  *bk_scanner_get_item            (BkScanner  *self);
gboolean    bk_scanner_has_timer           (BkScanner  *self);
gboolean    bk_scanner_in_group            (BkScanner  *self);

G_END_DECLS
