/* bk-ocr.c: text recognition for pages without a text layer (Tesseract)
 *
 * Scanned council papers are PDFs of images. Tesseract's C API reads them
 * in the process (the kiosk starts no programs); the German model comes
 * with Debian's tesseract-ocr-deu. Each call has its own engine: a paper
 * has few scanned pages, and an engine is not safe to share between
 * threads.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-ocr"

#include <glib/gi18n-lib.h>
#include <tesseract/capi.h>

#include "bk-error.h"
#include "bk-ocr.h"

char *
bk_ocr_recognize (const guint8  *gray,
                  int            width,
                  int            height,
                  int            stride,
                  int            dpi,
                  GError       **error)
{
  TessBaseAPI *api;
  char *text;
  char *copy;

  g_return_val_if_fail (gray != NULL && width > 0 && height > 0 && stride >= width, NULL);

  api = TessBaseAPICreate ();
  /* Tesseract writes its notes to stderr unless told where else */
  if (TessBaseAPIInit3 (api, NULL, "deu") != 0)
    {
      TessBaseAPIDelete (api);
      g_set_error_literal (error, BK_ERROR, BK_ERROR_NOT_FOUND,
                           _("Text recognition is not available: Tesseract's German language data "
                             "(tesseract-ocr-deu) is not installed"));
      return NULL;
    }
  TessBaseAPISetVariable (api, "debug_file", "/dev/null");
  TessBaseAPISetPageSegMode (api, PSM_AUTO);
  TessBaseAPISetImage (api, gray, width, height, 1, stride);
  TessBaseAPISetSourceResolution (api, dpi);
  text = TessBaseAPIGetUTF8Text (api);
  copy = g_strdup (text != NULL ? text : "");
  if (text != NULL)
    TessDeleteText (text);
  TessBaseAPIEnd (api);
  TessBaseAPIDelete (api);
  if (!g_utf8_validate (copy, -1, NULL))
    {
      char *valid = g_utf8_make_valid (copy, -1);

      g_free (copy);
      copy = valid;
    }
  return copy;
}
