/* bk-staff-mode-private.h: for tests only, never for the kiosk itself
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-pin-dialog-private.h"
#include "bk-staff-mode.h"

G_BEGIN_DECLS

/* Unlocks staff mode as a correct PIN would (screenshots, tests). */
void         _bk_staff_mode_open_without_pin (BkStaffMode     *self);
BkPinDialog *_bk_staff_mode_get_pin_dialog   (BkStaffMode     *self);
GtkGesture  *_bk_staff_mode_get_long_press   (BkStaffMode     *self);
/* Ends a hold of the corner that is running now, as its timer would. */
gboolean     _bk_staff_mode_finish_hold      (BkStaffMode     *self);
guint        _bk_staff_mode_get_hold_ms      (void);
void         _bk_staff_mode_set_clock        (BkStaffMode     *self,
                                              BkStaffPinClock  clock,
                                              gpointer         clock_data);

G_END_DECLS
