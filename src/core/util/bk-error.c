/* bk-error.c: the BK_ERROR domain
 *
 * One error domain for all of core, so that callers can tell failures apart.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-error"

#include "bk-error.h"

G_DEFINE_QUARK (bk-error-quark, bk_error)
