/* bk-osk-text.h: typing into a text field as a keyboard would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The text field widget belongs to (an entry, the text inside it, a text
 * view), or NULL when it is none (a spin button has its own − and +) or
 * cannot be edited. */
GtkWidget *bk_osk_text_find_input    (GtkWidget  *widget);

/* At the cursor, replacing the selection, through GtkEditable or the text
 * buffer: the field's signals and length limit apply. input is a field of
 * bk_osk_text_find_input () in all of these. */
void       bk_osk_text_insert        (GtkWidget  *input,
                                      const char *text);
/* Deletes the selection or the character before the cursor; returns what
 * was deleted, NULL when there was nothing. */
char      *bk_osk_text_delete_before (GtkWidget  *input);
/* Moves the cursor one character; returns the character passed, NULL at
 * the start or end. */
char      *bk_osk_text_move_cursor   (GtkWidget  *input,
                                      gboolean    forward);
/* The word just before the cursor (letters, digits, hyphens), or NULL. */
char      *bk_osk_text_dup_last_word (GtkWidget  *input);
/* GTK selects a field's whole text when it gets the focus, so typing would
 * replace it: the cursor goes to the end of the selection instead. */
void       bk_osk_text_unselect      (GtkWidget  *input);

G_END_DECLS
