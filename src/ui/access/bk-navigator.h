/* bk-navigator.h: EZ Access keypad operation of a kiosk window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "bk-key-filter.h"
#include "bk-keymap.h"
#include "bk-osk.h"
#include "bk-scanner.h"
#include "bk-voice.h"

G_BEGIN_DECLS

#define BK_TYPE_NAVIGATOR (bk_navigator_get_type ())
G_DECLARE_FINAL_TYPE (BkNavigator, bk_navigator, BK, NAVIGATOR, GObject)

/* Holding Help this long switches explore mode on or off. */
#define BK_NAVIGATOR_HELP_HOLD_MS 1500

/* Monotonic microseconds; tests inject their own clock. */
typedef gint64 (*BkNavigatorTimeFunc) (gpointer user_data);

/* For window (which owns it) with its pages in stack; voice brings the
 * settings (keypad map, debounce, explore and scan mode). It adds a click
 * gesture to window for explore mode; keys come from the window's key
 * router. Properties "can-go-back" and "help-open" are the window's to
 * bind. */
BkNavigator *bk_navigator_new                (GtkWidget           *window,
                                              GtkStack            *stack,
                                              BkVoice             *voice);

/* Bounce keys and autorepeat (bk-key-filter.h) with this kiosk's debounce
 * setting, keypad map and explore mode: the key router's first step. */
BkKeyVerdict bk_navigator_filter_key         (BkNavigator         *self,
                                              guint                keyval,
                                              GdkModifierType      state);
/* A new press that passed the filter: the keypad command, or explore
 * mode's description. TRUE when the key was used. */
gboolean     bk_navigator_run_key            (BkNavigator         *self,
                                              guint                keyval,
                                              GdkModifierType      state);
gboolean     bk_navigator_handle_key_release (BkNavigator         *self,
                                              guint                keyval,
                                              GdkModifierType      state);
/* A touch or click at x, y (window coordinates): TRUE when it was only
 * described (explore mode) and must not reach the widget. */
gboolean     bk_navigator_handle_touch       (BkNavigator         *self,
                                              double               x,
                                              double               y);

/* The window's on-screen keyboard: while it is open, the keypad's arrows,
 * Action and Back are its keys. */
void         bk_navigator_set_keyboard       (BkNavigator         *self,
                                              BkOsk               *keyboard);
/* Whether keyval is a keypad key now (the window's own key handling leaves
 * those alone). */
gboolean     bk_navigator_owns_key           (BkNavigator         *self,
                                              guint                keyval,
                                              GdkModifierType      state);
/* TRUE while the navigator moves the focus itself (it says the item). */
gboolean     bk_navigator_is_moving          (BkNavigator         *self);
/* The text for the edge cue the navigator just gave, or NULL. */
const char  *bk_navigator_get_edge_text      (BkNavigator         *self);


/* Signal "said" (const char *text): everything the navigator says, also
 * when there is no speech (for captions and tests). */

G_END_DECLS
