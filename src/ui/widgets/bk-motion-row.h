/* bk-motion-row.h: a motion in the motion list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "bk-motion-item.h"

G_BEGIN_DECLS

#define BK_TYPE_MOTION_ROW (bk_motion_row_get_type ())
G_DECLARE_FINAL_TYPE (BkMotionRow, bk_motion_row, BK, MOTION_ROW, GtkWidget)

GtkWidget    *bk_motion_row_new               (void);
void          bk_motion_row_set_item          (BkMotionRow  *self,
                                               BkMotionItem *item);
/* The texts that are read out for the row. */
const char   *bk_motion_row_get_accessible_label       (BkMotionRow *self);
const char   *bk_motion_row_get_accessible_description (BkMotionRow *self);
/* Who submitted it and when: said on request (the Help key), not with the
 * row. NULL when neither is known. */
const char   *bk_motion_row_get_more                   (BkMotionRow *self);

G_END_DECLS
