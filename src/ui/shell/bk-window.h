/* bk-window.h: the kiosk window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bk-store.h"
#include "bk-navigator.h"
#include "bk-voice.h"

G_BEGIN_DECLS

#define BK_TYPE_WINDOW (bk_window_get_type ())
G_DECLARE_FINAL_TYPE (BkWindow, bk_window, BK, WINDOW, AdwApplicationWindow)

/* store may be NULL; then error says why, and the window shows it. */
BkWindow   *bk_window_new                   (GtkApplication *application,
                                             BkStore        *store,
                                             const GError   *error);
const char *bk_window_get_page_name         (BkWindow       *self);
GtkWidget  *bk_window_get_page              (BkWindow       *self,
                                             const char     *name);
GStrv       bk_window_dup_page_names        (BkWindow       *self);
gboolean    bk_window_show_page             (BkWindow       *self,
                                             const char     *name,
                                             gint64          motion_id);
GtkWidget  *bk_window_get_back_button       (BkWindow       *self);
GtkWidget  *bk_window_get_a11y_button       (BkWindow       *self);
GtkWidget  *bk_window_get_help_button       (BkWindow       *self);
/* The BkHelpOverlay */
GtkWidget  *bk_window_get_help_overlay      (BkWindow       *self);
BkStore    *bk_window_get_store             (BkWindow       *self);
GtkWidget  *bk_window_get_home_button       (BkWindow       *self);
const char *bk_window_get_error_text        (BkWindow       *self);

void        bk_window_set_voice             (BkWindow       *self,
                                             BkVoice        *voice);
BkVoice    *bk_window_get_voice             (BkWindow       *self);
BkNavigator *bk_window_get_navigator        (BkWindow       *self);
void        bk_window_read_aloud            (BkWindow       *self);
gboolean    bk_window_get_caption_visible   (BkWindow       *self);
const char *bk_window_get_caption_text      (BkWindow       *self);

G_END_DECLS
