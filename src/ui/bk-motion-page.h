/* bk-motion-page.h: one motion, readable from top to bottom
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bk-store.h"

G_BEGIN_DECLS

#define BK_TYPE_MOTION_PAGE (bk_motion_page_get_type ())
G_DECLARE_FINAL_TYPE (BkMotionPage, bk_motion_page, BK, MOTION_PAGE, GtkWidget)

GtkWidget  *bk_motion_page_new          (void);
void        bk_motion_page_set_store    (BkMotionPage *self,
                                         BkStore      *store);
/* Loads and shows the motion; FALSE and error when it cannot be loaded. */
gboolean    bk_motion_page_show_motion  (BkMotionPage *self,
                                         gint64        id,
                                         GError      **error);
gint64      bk_motion_page_get_motion_id (BkMotionPage *self);
/* yyyy-mm-dd that counts as today for "done" and "next"; NULL: the real date */
void        bk_motion_page_set_today    (BkMotionPage *self,
                                         const char   *today);
const char *bk_motion_page_get_title    (BkMotionPage *self);

G_END_DECLS
