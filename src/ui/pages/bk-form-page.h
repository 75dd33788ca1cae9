/* bk-form-page.h: a guided form, screen by screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bk-form.h"
#include "bk-receipt-print.h"
#include "bk-store.h"
#include "bk-voice.h"

G_BEGIN_DECLS

#define BK_TYPE_FORM_PAGE (bk_form_page_get_type ())
G_DECLARE_FINAL_TYPE (BkFormPage, bk_form_page, BK, FORM_PAGE, GtkWidget)

typedef enum {
  BK_FORM_STEP_NONE,        /* no form started (or forgotten) */
  BK_FORM_STEP_PRIVACY,     /* what is stored, for how long, who reads it */
  BK_FORM_STEP_QUESTIONS,
  BK_FORM_STEP_CONFIRM,     /* every answer with a Change button; Send */
} BkFormStep;

/* Where the form was started; every member may be NULL / 0. */

GtkWidget    *bk_form_page_new          (void);
/* For speaking errors and the easy-read setting (one question a screen). */
/* Forgets any earlier form and starts form_id at its privacy notice; FALSE
 * for an unknown form. context may be NULL. */
gboolean      bk_form_page_start        (BkFormPage          *self,
                                         const char          *form_id,
                                         const BkFormContext *context);
/* Forgets every answer, every field and the form itself. */
void          bk_form_page_clear        (BkFormPage          *self);



/* Signal "submitted" (const BkReceipt *receipt): stored and committed. */

G_END_DECLS
