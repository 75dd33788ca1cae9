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
/* The streets of municipality to choose under a one-line field (a
 * BkPickList); nothing when the street list has none for it. */
void               bk_field_view_offer_streets    (BkFieldView       *self,
                                                   const char        *municipality);
/* The BkDatePicker of a date, the BkPickList offered (streets, or the
 * ready answers of a multi-line field), or NULL. */
GtkWidget         *bk_field_view_get_chooser      (BkFieldView       *self);
/* The button that opens the on-screen keyboard (NULL for choices). */
GtkWidget         *bk_field_view_get_keyboard_button (BkFieldView     *self);
GtkWidget         *bk_field_view_get_choice       (BkFieldView       *self,
                                                   const char        *choice_id);

/* Signals: "changed" (the text or the choice changed), "left" (the focus
 * left the input), "activate" (Enter in a one-line field), "say" (const
 * char *text: the date chosen with buttons, for the voice). */

G_END_DECLS
