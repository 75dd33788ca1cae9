/* bk-theme-private.h: for tests only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-theme.h"

G_BEGIN_DECLS

/* The theme shown now: the setting, or a high-contrast one when the system
 * asks for high contrast. Every BkWindow has the CSS class "theme-NAME". */
const char         *bk_theme_get_active      (BkTheme    *self);
int                 bk_theme_get_text_scale  (BkTheme    *self);

G_END_DECLS
