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
gint64      bk_motion_page_get_motion_id (BkMotionPage *self);
/* yyyy-mm-dd that counts as today for "done" and "next"; NULL: the real date */
const char *bk_motion_page_get_title    (BkMotionPage *self);

/* 0 subject and facts, 1 what is asked, 2 why, 3 timeline, 4 easy-read
 * summary; -1 the whole motion (0 to 3) */
gboolean    bk_motion_page_read_from    (BkMotionPage *self,
                                         GtkWidget    *paragraph);
guint       bk_motion_page_get_reading_id (BkMotionPage *self);
gboolean    bk_motion_page_get_highlight (BkMotionPage *self,
                                          GtkLabel    **label,
                                          int          *start,
                                          int          *end);
GtkWidget  *bk_motion_page_get_read_button (BkMotionPage *self,
                                            int           section);
GtkWidget  *bk_motion_page_get_easy_button (BkMotionPage *self);
gboolean    bk_motion_page_get_easy_summary_visible (BkMotionPage *self);
/* "So far: 12 agree, 3 disagree, 5 comments."; hidden unless the motion is public. */
GtkWidget  *bk_motion_page_get_feedback_label (BkMotionPage *self);

G_END_DECLS
