/* bk-motion-page-private.h: for tests only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-motion-page.h"

G_BEGIN_DECLS

GtkWidget  *bk_motion_page_get_easy_button (BkMotionPage *self);
gboolean    bk_motion_page_get_easy_summary_visible (BkMotionPage *self);
/* "So far: 12 agree, 3 disagree, 5 comments."; hidden unless the motion is public. */
GtkWidget  *bk_motion_page_get_feedback_label (BkMotionPage *self);
gboolean    bk_motion_page_get_highlight (BkMotionPage *self,
                                          GtkLabel    **label,
                                          int          *start,
                                          int          *end);
gint64      bk_motion_page_get_motion_id (BkMotionPage *self);
guint       bk_motion_page_get_reading_id (BkMotionPage *self);
/* yyyy-mm-dd that counts as today for "done" and "next"; NULL: the real date */
const char *bk_motion_page_get_title    (BkMotionPage *self);
/* 0 subject and facts, 1 what is asked, 2 why, 3 timeline, 4 easy-read
 * summary; -1 the whole motion (0 to 3) */
gboolean    bk_motion_page_read_from    (BkMotionPage *self,
                                         GtkWidget    *paragraph);
GtkWidget  *bk_motion_page_get_read_button (BkMotionPage *self,
                                            int           section);

G_END_DECLS
