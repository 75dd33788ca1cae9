/* bk-pin-dialog-private.h: for tests only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-pin-dialog.h"

G_BEGIN_DECLS

/* The on-screen key for digit 0 … 9. */
GtkWidget   *bk_pin_dialog_get_digit_button (BkPinDialog   *self,
                                             guint          digit);
GtkWidget   *bk_pin_dialog_get_entry      (BkPinDialog     *self);
/* What the dialog said last (wrong PIN, locked …); NULL before. */
const char  *bk_pin_dialog_get_status     (BkPinDialog     *self);
/* Checks what was entered, as the OK button does. */
void         bk_pin_dialog_submit         (BkPinDialog     *self);
/* For tests: the lockout clock (see bk_staff_pin_verify). */
void         bk_pin_dialog_set_clock      (BkPinDialog     *self,
                                           BkStaffPinClock  clock,
                                           gpointer         clock_data);

G_END_DECLS
