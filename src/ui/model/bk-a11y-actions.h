/* bk-a11y-actions.h: the accessibility panel's actions over the settings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "bk-settings.h"

G_BEGIN_DECLS

/* Adds one stateful action per panel setting to map, named like the key:
 * theme (s), text-scale (i), language (s), easy-read, reduced-motion,
 * speech-enabled, speech-rate (i), speech-volume (i), captions-enabled,
 * key-debounce (i), explore-mode, scan-mode (s), scan-interval (i). */
void        bk_a11y_actions_add              (GActionMap  *map,
                                              BkSettings  *settings);
/* The keys of those actions, NULL-terminated. */
const char * const *bk_a11y_actions_get_keys (void);

/* "Back to standard": every panel setting to its kiosk default, except the
 * language the citizen chose. */
void        bk_a11y_reset_panel_settings     (BkSettings  *settings);

G_END_DECLS
