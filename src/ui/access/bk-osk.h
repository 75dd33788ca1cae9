/* bk-osk.h: the kiosk's on-screen keyboard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "bk-keymap.h"
#include "bk-voice.h"

G_BEGIN_DECLS

#define BK_TYPE_OSK (bk_osk_get_type ())
G_DECLARE_FINAL_TYPE (BkOsk, bk_osk, BK, OSK, GtkWidget)

/* Shown docked in the window it is attached to (not a window of its own:
 * without a window manager that would end up behind the kiosk). It types
 * into the focused text field through GtkEditable or GtkTextBuffer, at the
 * cursor; the field keeps the focus. voice says the keys (may be NULL:
 * silent); it brings the settings (osk-auto-open, explore-mode). */
void        bk_osk_attach           (BkOsk           *self,
                                     GtkWindow       *window,
                                     BkVoice         *voice);

/* Opens the keyboard for widget's text field; automatic: the kiosk opens it
 * by itself (a touch, the keypad or a switch chose the field), which the
 * setting osk-auto-open may forbid. FALSE when it did not open. */
gboolean    bk_osk_request          (BkOsk           *self,
                                     GtkWidget       *widget,
                                     gboolean         automatic);
/* Closes it; said: says so (Done, Back) rather than closing quietly (the
 * focus went elsewhere, the page changed). */
void        bk_osk_close            (BkOsk           *self,
                                     gboolean         said);
gboolean    bk_osk_is_open          (BkOsk           *self);
GtkWidget  *bk_osk_get_target       (BkOsk           *self);

/* The keypad while it is open: up, down, left and right move the highlight
 * across the keys, action types the highlighted key, back closes. TRUE
 * when command was used. */
gboolean    bk_osk_run_command      (BkOsk           *self,
                                     BkKeypadCommand  command);
/* Shows the keypad's highlight (after the keypad opened the keyboard). */
void        bk_osk_show_highlight   (BkOsk           *self);
/* A key of the keyboard itself (Escape closes it); TRUE when used. */
gboolean    bk_osk_handle_key       (BkOsk           *self,
                                     guint            keyval,
                                     GdkModifierType  state);

/* Signal "said" (const char *text): what it says, also without speech.
 * Property "open". */

G_END_DECLS
