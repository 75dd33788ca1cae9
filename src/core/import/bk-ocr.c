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

#include "bk-config.h"

#include <glib/gi18n-lib.h>
#include <tesseract/capi.h>

#include "bk-error.h"
#include "bk-library.h"
#include "bk-ocr.h"

/* Tesseract is opened on the first scan (bk-library.c says why). */
static struct
{
  __typeof__ (TessBaseAPICreate) *BaseAPICreate;
  __typeof__ (TessBaseAPIInit3) *BaseAPIInit3;
  __typeof__ (TessBaseAPIDelete) *BaseAPIDelete;
  __typeof__ (TessBaseAPISetVariable) *BaseAPISetVariable;
  __typeof__ (TessBaseAPISetPageSegMode) *BaseAPISetPageSegMode;
  __typeof__ (TessBaseAPISetImage) *BaseAPISetImage;
  __typeof__ (TessBaseAPISetSourceResolution) *BaseAPISetSourceResolution;
  __typeof__ (TessBaseAPIGetUTF8Text) *BaseAPIGetUTF8Text;
  __typeof__ (TessDeleteText) *DeleteText;
  __typeof__ (TessBaseAPIEnd) *BaseAPIEnd;
} tess;

static gboolean
tesseract_load (GError **error)
{
  static BkLibraryOnce once;
  const BkLibrarySymbol symbols[] = {
    { "TessBaseAPICreate", (gpointer *) &tess.BaseAPICreate },
    { "TessBaseAPIInit3", (gpointer *) &tess.BaseAPIInit3 },
    { "TessBaseAPIDelete", (gpointer *) &tess.BaseAPIDelete },
    { "TessBaseAPISetVariable", (gpointer *) &tess.BaseAPISetVariable },
    { "TessBaseAPISetPageSegMode", (gpointer *) &tess.BaseAPISetPageSegMode },
    { "TessBaseAPISetImage", (gpointer *) &tess.BaseAPISetImage },
    { "TessBaseAPISetSourceResolution", (gpointer *) &tess.BaseAPISetSourceResolution },
    { "TessBaseAPIGetUTF8Text", (gpointer *) &tess.BaseAPIGetUTF8Text },
    { "TessDeleteText", (gpointer *) &tess.DeleteText },
    { "TessBaseAPIEnd", (gpointer *) &tess.BaseAPIEnd },
  };

  return bk_library_load_once (&once, BK_TESSERACT_SONAME,
                               /* Translators: the library that reads scanned pages, in "… is not available" */
                               _("Text recognition (Tesseract)"),
                               symbols, G_N_ELEMENTS (symbols), error);
}

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

  if (!tesseract_load (error))
    return NULL;
  api = tess.BaseAPICreate ();
  /* Tesseract writes its notes to stderr unless told where else */
  if (tess.BaseAPIInit3 (api, NULL, "deu") != 0)
    {
      tess.BaseAPIDelete (api);
      g_set_error_literal (error, BK_ERROR, BK_ERROR_NOT_FOUND,
                           _("Text recognition is not available: Tesseract's German language data "
                             "(tesseract-ocr-deu) is not installed"));
      return NULL;
    }
  tess.BaseAPISetVariable (api, "debug_file", "/dev/null");
  tess.BaseAPISetPageSegMode (api, PSM_AUTO);
  tess.BaseAPISetImage (api, gray, width, height, 1, stride);
  tess.BaseAPISetSourceResolution (api, dpi);
  text = tess.BaseAPIGetUTF8Text (api);
  copy = g_strdup (text != NULL ? text : "");
  if (text != NULL)
    tess.DeleteText (text);
  tess.BaseAPIEnd (api);
  tess.BaseAPIDelete (api);
  if (!g_utf8_validate (copy, -1, NULL))
    {
      char *valid = g_utf8_make_valid (copy, -1);

      g_free (copy);
      copy = valid;
    }
  return copy;
}
