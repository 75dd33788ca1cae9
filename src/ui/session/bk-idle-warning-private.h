/* bk-idle-warning-private.h: for tests only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-idle-warning.h"

G_BEGIN_DECLS

const char *bk_idle_warning_get_remaining_text  (BkIdleWarning *self);

G_END_DECLS
