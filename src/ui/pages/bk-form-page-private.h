/* bk-form-page-private.h: for tests only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-form-page.h"

G_BEGIN_DECLS

/* Answers (and typed values) the page holds; 0 after clearing. */
guint         bk_form_page_count_answers (BkFormPage         *self);
/* On the confirmation screen. */
GtkWidget    *bk_form_page_get_change_button   (BkFormPage *self,
                                                const char *field_id);
GtkWidget    *bk_form_page_get_choice          (BkFormPage *self,
                                                const char *field_id,
                                                const char *choice_id);
/* The label with the field's error; hidden while there is none. */
GtkWidget    *bk_form_page_get_error_label     (BkFormPage *self,
                                                const char *field_id);
const BkForm *bk_form_page_get_form     (BkFormPage          *self);
/* The message when sending failed; NULL while none is shown. */
GtkWidget    *bk_form_page_get_form_error_label (BkFormPage *self);
/* A GtkEntry, a GtkTextView or (choices) the group of toggle buttons. */
GtkWidget    *bk_form_page_get_input           (BkFormPage *self,
                                                const char *field_id);
/* The controls of the screen shown now (NULL when not on it): */
GtkWidget    *bk_form_page_get_next_button     (BkFormPage *self);
BkFormStep    bk_form_page_get_step     (BkFormPage          *self);

G_END_DECLS
