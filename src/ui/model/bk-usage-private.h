/* bk-usage-private.h: for tests only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-usage.h"

G_BEGIN_DECLS

/* The counts not written yet. */
BkStatsBatch *_bk_usage_get_batch (BkUsage *self);

G_END_DECLS
