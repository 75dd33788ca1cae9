/* bk-field-view.h: one question of a form: label, hint, input and error
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "bk-form.h"

G_BEGIN_DECLS

#define BK_TYPE_FIELD_VIEW (bk_field_view_get_type ())
G_DECLARE_FINAL_TYPE (BkFieldView, bk_field_view, BK, FIELD_VIEW, GtkWidget)

/* value: the answer as typed so far, or NULL. easy_read: one question a
 * screen, so the question is the screen's heading. */
GtkWidget         *bk_field_view_new              (const BkFormField *field,
                                                   const char        *value,
                                                   gboolean           easy_read);
const BkFormField *bk_field_view_get_field        (BkFieldView       *self);
/* The answer as typed (a choice: its id; "" when none). */
char              *bk_field_view_dup_text         (BkFieldView       *self);
/* The error under the question (NULL: none). It is related to the input
 * (described-by) and said with it; the input is marked invalid. */
void               bk_field_view_set_error        (BkFieldView       *self,
                                                   const char        *error);
gboolean           bk_field_view_has_error        (BkFieldView       *self);
GtkWidget         *bk_field_view_get_error_widget (BkFieldView       *self);
/* What takes the focus: the input, or the chosen (else first) choice. */
GtkWidget         *bk_field_view_get_focus_target (BkFieldView       *self);
GtkWidget         *bk_field_view_get_input        (BkFieldView       *self);
GtkWidget         *bk_field_view_get_error_label  (BkFieldView       *self);
/* The button that opens the on-screen keyboard (NULL for choices). */
GtkWidget         *bk_field_view_get_keyboard_button (BkFieldView     *self);
GtkWidget         *bk_field_view_get_choice       (BkFieldView       *self,
                                                   const char        *choice_id);

/* Signals: "changed" (the text or the choice changed), "left" (the focus
 * left the input), "activate" (Enter in a one-line field). */

G_END_DECLS
