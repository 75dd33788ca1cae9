/* bk-a11y-page.h: the accessibility panel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bk-settings.h"

G_BEGIN_DECLS

#define BK_TYPE_A11Y_PAGE (bk_a11y_page_get_type ())
G_DECLARE_FINAL_TYPE (BkA11yPage, bk_a11y_page, BK, A11Y_PAGE, GtkWidget)

GtkWidget *bk_a11y_page_new              (void);
/* The settings whose values the page shows in words (volume, interval, the
 * easy-read note); the controls' states come from the app.* actions. */

/* What the kiosk says when a panel setting changed, in the interface
 * language ("Text size: 200 percent"); NULL for a key it does not announce. */
char      *bk_a11y_dup_announcement      (BkSettings *settings,
                                          const char *key);

G_END_DECLS
