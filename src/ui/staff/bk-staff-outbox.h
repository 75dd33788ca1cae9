/* bk-staff-outbox.h: the outbox on the staff page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "bk-outbox.h"

G_BEGIN_DECLS

#define BK_TYPE_STAFF_OUTBOX (bk_staff_outbox_get_type ())
G_DECLARE_FINAL_TYPE (BkStaffOutbox, bk_staff_outbox, BK, STAFF_OUTBOX, GtkWidget)

GtkWidget *bk_staff_outbox_new        (void);
/* outbox NULL: the kiosk has no delivery file (said so). */
void       bk_staff_outbox_set_outbox (BkStaffOutbox *self,
                                       BkOutbox      *outbox,
                                       BkStore       *store);
void       bk_staff_outbox_refresh    (BkStaffOutbox *self);

G_END_DECLS
