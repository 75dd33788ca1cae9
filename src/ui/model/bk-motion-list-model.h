/* bk-motion-list-model.h: the motions in the store as a GListModel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gdk/gdk.h>

#include "bk-store.h"

G_BEGIN_DECLS

#define BK_TYPE_MOTION_LIST_MODEL (bk_motion_list_model_get_type ())
G_DECLARE_FINAL_TYPE (BkMotionListModel, bk_motion_list_model, BK, MOTION_LIST_MODEL, GObject)

BkMotionListModel *bk_motion_list_model_new         (BkStore           *store);
void               bk_motion_list_model_set_query   (BkMotionListModel *self,
                                                     const char        *query);
const char        *bk_motion_list_model_get_query   (BkMotionListModel *self);
void               bk_motion_list_model_set_body    (BkMotionListModel *self,
                                                     const char        *body);
void               bk_motion_list_model_set_faction (BkMotionListModel *self,
                                                     const BkFaction   *faction);
void               bk_motion_list_model_set_status  (BkMotionListModel *self,
                                                     BkMotionStatus     status);
void               bk_motion_list_model_reload      (BkMotionListModel *self);
/* For the list on screen: a large addition reaches it in steps, one a
 * frame (after the frames of set_frame_clock), so that no frame makes 200
 * rows at once (GTK 4.8). */
void               bk_motion_list_model_set_gradual (BkMotionListModel *self,
                                                     gboolean           gradual);
void               bk_motion_list_model_set_frame_clock (BkMotionListModel *self,
                                                         GdkFrameClock     *clock);
gboolean           bk_motion_list_model_has_first_screen (BkMotionListModel *self);
/* Every matching motion, also those not yet told to the list. */
guint              bk_motion_list_model_get_count   (BkMotionListModel *self);
/* TRUE while items-changed tells the list of rows of a change already
 * counted. */
gboolean           bk_motion_list_model_is_filling  (BkMotionListModel *self);
gint64             bk_motion_list_model_get_motion_id (BkMotionListModel *self,
                                                       guint              position);

/* For tests: how many items were ever created by get_item. */
guint              bk_motion_list_model_get_n_materialized (BkMotionListModel *self);

G_END_DECLS
