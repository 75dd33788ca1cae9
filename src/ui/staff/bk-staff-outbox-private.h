/* bk-staff-outbox-private.h: for tests only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-staff-outbox.h"

G_BEGIN_DECLS

/* The counts per state, one "State: n" a line. */
const char *bk_staff_outbox_get_counts_text  (BkStaffOutbox *self);
const char *bk_staff_outbox_get_problem_text (BkStaffOutbox *self);
const char *bk_staff_outbox_get_intro_text   (BkStaffOutbox *self);

G_END_DECLS
