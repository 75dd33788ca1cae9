/* bk-motion-item.h: one motion in a list, as shown in a row
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "bk-store.h"

G_BEGIN_DECLS

#define BK_TYPE_MOTION_ITEM (bk_motion_item_get_type ())
G_DECLARE_FINAL_TYPE (BkMotionItem, bk_motion_item, BK, MOTION_ITEM, GObject)

BkMotionItem *bk_motion_item_new                (BkMotionSummary *summary);
gint64        bk_motion_item_get_id             (BkMotionItem    *self);
const char   *bk_motion_item_get_subject        (BkMotionItem    *self);
const char   *bk_motion_item_get_submitters     (BkMotionItem    *self);
const char   *bk_motion_item_get_date           (BkMotionItem    *self);
const char   *bk_motion_item_get_next_committee (BkMotionItem    *self);
const char   *bk_motion_item_get_next_date      (BkMotionItem    *self);
/* A decided motion's last consultation (BkMotionSummary), else NULL. */
const char   *bk_motion_item_get_last_committee (BkMotionItem    *self);
const char   *bk_motion_item_get_last_date      (BkMotionItem    *self);

G_END_DECLS
