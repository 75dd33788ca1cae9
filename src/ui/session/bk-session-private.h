/* bk-session-private.h: for tests only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-session.h"

G_BEGIN_DECLS

GtkWidget     *bk_session_get_attract         (BkSession  *self,
                                               GtkWindow  *window);
GtkWidget     *bk_session_get_dim_layer       (BkSession  *self,
                                               GtkWindow  *window);
/* Seconds until the reset while the warning is shown, else -1. */
int            bk_session_get_remaining       (BkSession  *self);
GtkWidget     *bk_session_get_warning         (BkSession  *self,
                                               GtkWindow  *window);
/* Seconds without input before the warning, as the settings say now (care-home
 * mode waits longer). */
int            bk_session_get_idle_timeout    (BkSession  *self);
/* For tests: as if seconds more had passed without input, then the
 * pending deadline is checked at once. From the first call on, the session's
 * clock moves only by these calls. */
void           bk_session_advance_for_testing (BkSession  *self,
                                               int         seconds);

G_END_DECLS
