/* bk-tutorial-page.h: the keypad tutorial, step by step
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BK_TYPE_TUTORIAL_PAGE (bk_tutorial_page_get_type ())
G_DECLARE_FINAL_TYPE (BkTutorialPage, bk_tutorial_page, BK, TUTORIAL_PAGE, GtkWidget)

GtkWidget  *bk_tutorial_page_new          (void);
/* Back to step 1 (done whenever the page is shown). */
void        bk_tutorial_page_restart      (BkTutorialPage  *self);

/* A key pressed while the page is shown: keypad keys by the settings'
 * keypad-map, and the keyboard's arrows, Enter, Escape, Page Up/Down, F1 and
 * Ctrl+Down/Up. TRUE if the tutorial took it. */
/* Keys are not repeated while held (EN 301 549 5.7): a press of a key that
 * is down is taken but ignored until this. */
/* A keypad command by its keypad-map name ("down", "action", "volume-up"
 * …), e.g. from the navigator. FALSE if the tutorial does not teach it. */
void        bk_tutorial_page_skip_step    (BkTutorialPage  *self);

/* 0 … n-1; the last step is "done". */
guint       bk_tutorial_page_get_step     (BkTutorialPage  *self);
guint       bk_tutorial_page_get_n_steps  (BkTutorialPage  *self);
/* The keypad command expected now ("down"), NULL when nothing is. */
const char *bk_tutorial_page_get_expected (BkTutorialPage  *self);
const char *bk_tutorial_page_get_feedback (BkTutorialPage  *self);
/* What is said when the page is shown. */
GtkWidget  *bk_tutorial_page_get_skip_button  (BkTutorialPage *self);
GtkWidget  *bk_tutorial_page_get_leave_button (BkTutorialPage *self);

G_END_DECLS
