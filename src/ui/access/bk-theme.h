/* bk-theme.h: colours, text size and motion of the kiosk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "bk-settings.h"

G_BEGIN_DECLS

#define BK_TYPE_THEME (bk_theme_get_type ())
G_DECLARE_FINAL_TYPE (BkTheme, bk_theme, BK, THEME, GObject)

/* Follows the settings theme, text-scale and reduced-motion, and the
 * system's high-contrast setting, on the default display: one per process. */
BkTheme            *bk_theme_new             (BkSettings *settings);


/* "standard", "high-contrast-dark", "high-contrast-light", "yellow-on-black" */
const char * const *bk_theme_get_names       (void);
/* Whether the theme is light text on a dark background. */
gboolean            bk_theme_is_dark         (const char *name);
/* The theme to show for the theme setting and the system's wishes. */
const char         *bk_theme_resolve         (const char *theme,
                                              gboolean    system_high_contrast,
                                              gboolean    system_prefers_dark);

G_END_DECLS
