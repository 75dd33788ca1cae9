/* bk-pin-dialog.h: asks for the staff PIN
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "bk-staff-pin.h"
#include "bk-store.h"
#include "bk-voice.h"

G_BEGIN_DECLS

#define BK_TYPE_PIN_DIALOG (bk_pin_dialog_get_type ())
G_DECLARE_FINAL_TYPE (BkPinDialog, bk_pin_dialog, BK, PIN_DIALOG, GtkWindow)

/* A modal window over parent. voice may be NULL. Emits "unlocked" after the
 * right PIN and closes itself; Cancel and Escape close it without. */
BkPinDialog *bk_pin_dialog_new            (GtkWindow       *parent,
                                           BkStore         *store,
                                           BkVoice         *voice);
/* For tests: the lockout clock (see bk_staff_pin_verify). */
void         bk_pin_dialog_set_clock      (BkPinDialog     *self,
                                           BkStaffPinClock  clock,
                                           gpointer         clock_data);
/* Checks what was entered, as the OK button does. */
void         bk_pin_dialog_submit         (BkPinDialog     *self);
GtkWidget   *bk_pin_dialog_get_entry      (BkPinDialog     *self);
/* The on-screen key for digit 0 … 9. */
GtkWidget   *bk_pin_dialog_get_digit_button (BkPinDialog   *self,
                                             guint          digit);
/* What the dialog said last (wrong PIN, locked …); NULL before. */
const char  *bk_pin_dialog_get_status     (BkPinDialog     *self);

G_END_DECLS
