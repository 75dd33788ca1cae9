/* bk-help-overlay.h: layered help shown over the page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bk-help.h"
#include "bk-voice.h"

G_BEGIN_DECLS

#define BK_TYPE_HELP_OVERLAY (bk_help_overlay_get_type ())
G_DECLARE_FINAL_TYPE (BkHelpOverlay, bk_help_overlay, BK, HELP_OVERLAY, GtkWidget)

GtkWidget  *bk_help_overlay_new            (void);

/* Shows the help layers for item (may be NULL) on page and speaks the first
 * through voice (may be NULL). The focus moves into the help; closing gives
 * it back to where it was. */
void        bk_help_overlay_open           (BkHelpOverlay *self,
                                            GtkWidget     *item,
                                            const char    *screen,
                                            BkVoice       *voice);
void        bk_help_overlay_close          (BkHelpOverlay *self);
gboolean    bk_help_overlay_is_open        (BkHelpOverlay *self);

/* FALSE at the last (first) layer: nothing changes then. */
gboolean    bk_help_overlay_next_layer     (BkHelpOverlay *self);
gboolean    bk_help_overlay_previous_layer (BkHelpOverlay *self);
/* Says the current layer again. */
void        bk_help_overlay_repeat         (BkHelpOverlay *self);


G_END_DECLS
