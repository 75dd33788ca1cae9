/* bk-motion-page.h: one motion, readable from top to bottom
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bk-store.h"
#include "bk-voice.h"

G_BEGIN_DECLS

#define BK_TYPE_MOTION_PAGE (bk_motion_page_get_type ())
G_DECLARE_FINAL_TYPE (BkMotionPage, bk_motion_page, BK, MOTION_PAGE, GtkWidget)

GtkWidget  *bk_motion_page_new          (void);
/* Loads and shows the motion; FALSE and error when it cannot be loaded. */
gboolean    bk_motion_page_show_motion  (BkMotionPage *self,
                                         gint64        id,
                                         GError      **error);


G_END_DECLS
