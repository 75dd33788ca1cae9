/* bk-error-page.h: what could not be shown, and why
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BK_TYPE_ERROR_PAGE (bk_error_page_get_type ())
G_DECLARE_FINAL_TYPE (BkErrorPage, bk_error_page, BK, ERROR_PAGE, GtkWidget)

/* The page's target: (heading, message), for the window's history. */
GVariant   *bk_error_page_target_new   (const char  *heading,
                                        const char  *message);
const char *bk_error_page_get_message  (BkErrorPage *self);

G_END_DECLS
