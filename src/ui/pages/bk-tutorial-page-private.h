/* bk-tutorial-page-private.h: for tests only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-tutorial-page.h"

G_BEGIN_DECLS

/* The keypad command expected now ("down"), NULL when nothing is. */
const char *bk_tutorial_page_get_expected (BkTutorialPage  *self);
const char *bk_tutorial_page_get_feedback (BkTutorialPage  *self);
GtkWidget  *bk_tutorial_page_get_leave_button (BkTutorialPage *self);
guint       bk_tutorial_page_get_n_steps  (BkTutorialPage  *self);
/* What is said when the page is shown. */
GtkWidget  *bk_tutorial_page_get_skip_button  (BkTutorialPage *self);
/* 0 … n-1; the last step is "done". */
guint       bk_tutorial_page_get_step     (BkTutorialPage  *self);
/* A keypad command by its keypad-map name ("down", "action", "volume-up"
 * …), e.g. from the navigator. FALSE if the tutorial does not teach it. */
void        bk_tutorial_page_skip_step    (BkTutorialPage  *self);
/* Back to step 1 (done whenever the page is shown). */
void        bk_tutorial_page_restart      (BkTutorialPage  *self);

G_END_DECLS
