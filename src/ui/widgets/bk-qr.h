/* bk-qr.h: a QR code, black on white in every theme
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BK_TYPE_QR (bk_qr_get_type ())
G_DECLARE_FINAL_TYPE (BkQr, bk_qr, BK, QR, GtkWidget)

GtkWidget  *bk_qr_new              (const char *text);
/* Encodes text (a URL); NULL or "" shows nothing. The accessible name is
 * "QR code for <text>". FALSE (and a warning) when it cannot be encoded. */
gboolean    bk_qr_set_text         (BkQr       *self,
                                    const char *text);
/* Modules per side, without the quiet zone; 0 when empty. */
guint       bk_qr_get_module_count (BkQr       *self);
gboolean    bk_qr_get_module       (BkQr       *self,
                                    guint       x,
                                    guint       y);

G_END_DECLS
