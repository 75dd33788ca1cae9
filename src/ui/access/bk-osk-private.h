/* bk-osk-private.h: for tests only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-osk-layout.h"
#include "bk-osk.h"

G_BEGIN_DECLS

/* The keys shown now. */
BkOskLayout *bk_osk_get_layout      (BkOsk        *self);
/* The button of row and index of the layout; NULL outside it. */
GtkWidget   *bk_osk_get_key         (BkOsk        *self,
                                     guint         row,
                                     guint         index);
/* The first button of kind; for a character key, the one typing c. */
GtkWidget   *bk_osk_find_key        (BkOsk        *self,
                                     BkOskKeyKind  kind,
                                     gunichar      c);
/* The keypad's highlight: FALSE when none is shown. */
gboolean     bk_osk_get_highlight   (BkOsk        *self,
                                     guint        *row,
                                     guint        *index);
gboolean     bk_osk_get_shift       (BkOsk        *self);

G_END_DECLS
