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
G_DECLARE_FINAL_TYPE (BkPinDialog, bk_pin_dialog, BK, PIN_DIALOG, GtkWidget)

/* A panel over the whole kiosk window, not a window of its own: without a
 * window manager a second window may open behind the kiosk. The caller puts
 * it in an overlay and keeps the rest of the window from the focus while it
 * is shown. voice may be NULL. Emits "unlocked" after the right PIN, and
 * "closed" when it is done: after "unlocked", or by Cancel, Escape or the
 * keypad's Back (its action modal.close). */
BkPinDialog *bk_pin_dialog_new            (BkStore         *store,
                                           BkVoice         *voice);
/* Puts the focus into the PIN field. */
void         bk_pin_dialog_focus          (BkPinDialog     *self);

G_END_DECLS
