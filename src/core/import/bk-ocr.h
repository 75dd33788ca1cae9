/* bk-ocr.h: text recognition for pages without a text layer (Tesseract)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The text on a grey-scale image (one byte per pixel, 0 black … 255
 * white) scanned at dpi, read as German. Fails with BK_ERROR_NOT_FOUND when
 * Tesseract's German data (tesseract-ocr-deu) is not installed. */
char *bk_ocr_recognize (const guint8  *gray,
                        int            width,
                        int            height,
                        int            stride,
                        int            dpi,
                        GError       **error);

G_END_DECLS
