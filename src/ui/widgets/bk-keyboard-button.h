/* bk-keyboard-button.h: the Keyboard button beside a text field
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BK_TYPE_KEYBOARD_BUTTON (bk_keyboard_button_get_type ())
G_DECLARE_FINAL_TYPE (BkKeyboardButton, bk_keyboard_button, BK, KEYBOARD_BUTTON, GtkButton)

/* Opens the on-screen keyboard for input (a GtkEditable or GtkTextView);
 * field_name names the field in the button's accessible name ("Keyboard:
 * Your name"). Both are properties ("input", "field-name"), for .ui files. */
GtkWidget *bk_keyboard_button_new       (GtkWidget        *input,
                                         const char       *field_name);
GtkWidget *bk_keyboard_button_get_input (BkKeyboardButton *self);

G_END_DECLS
