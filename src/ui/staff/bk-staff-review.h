/* bk-staff-review.h: the staff page's list of motions to check
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "bk-store.h"

G_BEGIN_DECLS

/* The newest motions whose import left warnings, at most this many cards */
#define BK_STAFF_REVIEW_SHOWN 20

/* Replaces the children of list (a vertical GtkBox) by one card per motion
 * with warnings: its subject, reference, date and file, each warning, and a
 * button that shows the motion as citizens see it (win.open-motion). Returns
 * how many motions have warnings in all. */
guint bk_staff_review_fill (GtkWidget *list,
                            BkStore   *store);

G_END_DECLS
