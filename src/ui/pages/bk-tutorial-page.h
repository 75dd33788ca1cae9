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

/* A key pressed while the page is shown: keypad keys by the settings'
 * keypad-map, and the keyboard's arrows, Enter, Escape, Page Up/Down, F1 and
 * Ctrl+Down/Up. TRUE if the tutorial took it. */
/* Keys are not repeated while held (EN 301 549 5.7): a press of a key that
 * is down is taken but ignored until this. */


G_END_DECLS
