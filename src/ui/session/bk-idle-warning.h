/* bk-idle-warning.h: the warning before a session ends
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BK_TYPE_IDLE_WARNING (bk_idle_warning_get_type ())
G_DECLARE_FINAL_TYPE (BkIdleWarning, bk_idle_warning, BK, IDLE_WARNING, GtkWidget)

GtkWidget  *bk_idle_warning_new                 (void);
void        bk_idle_warning_set_remaining       (BkIdleWarning *self,
                                                 int            seconds);
GtkWidget  *bk_idle_warning_get_continue_button (BkIdleWarning *self);
/* "Are you still there? …": what the voice says when the warning appears */
char       *bk_idle_warning_dup_text            (BkIdleWarning *self);
/* The remaining time in words, e.g. "The kiosk starts again in 30 seconds." */
char       *bk_idle_warning_dup_remaining_words (int            seconds);

G_END_DECLS
