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

G_END_DECLS
