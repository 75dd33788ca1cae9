/* bk-attract.h: the attract screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BK_TYPE_ATTRACT (bk_attract_get_type ())
G_DECLARE_FINAL_TYPE (BkAttract, bk_attract, BK, ATTRACT, GtkWidget)

GtkWidget  *bk_attract_new          (void);
/* What the screen offers and how to start, in the interface language. */
char       *bk_attract_dup_text     (BkAttract *self);

G_END_DECLS
