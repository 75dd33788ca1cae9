/* bk-wrap-layout.h: a layout that wraps its children onto more lines
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BK_TYPE_WRAP_LAYOUT (bk_wrap_layout_get_type ())
G_DECLARE_FINAL_TYPE (BkWrapLayout, bk_wrap_layout, BK, WRAP_LAYOUT, GtkLayoutManager)

/* GTK 4.8 has no wrapping box (AdwWrapBox is libadwaita 1.7). Children are
 * placed in reading order, as many in a line as fit at their natural width;
 * the rest of a line goes to the children that expand horizontally. */
GtkLayoutManager *bk_wrap_layout_new (void);

G_END_DECLS
