/* bk-qr-private.h: for tests only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-qr.h"

G_BEGIN_DECLS

const char *bk_qr_get_text         (BkQr       *self);

G_END_DECLS
