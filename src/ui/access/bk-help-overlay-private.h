/* bk-help-overlay-private.h: for tests only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-help-overlay.h"

G_BEGIN_DECLS

const char *bk_help_overlay_get_heading    (BkHelpOverlay *self);
GtkWidget  *bk_help_overlay_get_item       (BkHelpOverlay *self);
guint       bk_help_overlay_get_layer      (BkHelpOverlay *self);
BkHelpLayer bk_help_overlay_get_layer_kind (BkHelpOverlay *self);
guint       bk_help_overlay_get_n_layers   (BkHelpOverlay *self);
/* "Layer 2 of 3" */
const char *bk_help_overlay_get_position   (BkHelpOverlay *self);
const char *bk_help_overlay_get_text       (BkHelpOverlay *self);

G_END_DECLS
