/* bk-qr.c: a QR code, black on white in every theme
 *
 * A phone's camera needs dark modules on a light ground and a quiet zone of
 * four modules around them, whatever the kiosk's theme: the colours are
 * fixed here, not taken from the theme. Modules are whole pixels so that
 * the edges stay sharp.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-qr"

#include "bk-config.h"

#include <errno.h>

#include <glib/gi18n.h>
#include <qrencode.h>

#include "bk-qr-private.h"
#include "bk-ui.h"

#define QUIET_ZONE 4          /* modules, as ISO/IEC 18004 asks */
#define MIN_MODULE_PX 3
#define NATURAL_MODULE_PX 6

struct _BkQr
{
  GtkWidget  parent_instance;

  char      *text;
  guint      width;           /* modules per side */
  guint8    *modules;         /* width × width, 1 for dark */
};

G_DEFINE_FINAL_TYPE (BkQr, bk_qr, GTK_TYPE_WIDGET)

static void
bk_qr_measure (GtkWidget      *widget,
               GtkOrientation  orientation,
               int             for_size,
               int            *minimum,
               int            *natural,
               int            *minimum_baseline,
               int            *natural_baseline)
{
  BkQr *self = BK_QR (widget);
  guint side = self->width > 0 ? self->width + 2 * QUIET_ZONE : 0;

  *minimum = side * MIN_MODULE_PX;
  *natural = side * NATURAL_MODULE_PX;
}

static void
bk_qr_snapshot (GtkWidget   *widget,
                GtkSnapshot *snapshot)
{
  static const GdkRGBA white = { 1, 1, 1, 1 };
  static const GdkRGBA black = { 0, 0, 0, 1 };
  BkQr *self = BK_QR (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  guint side = self->width + 2 * QUIET_ZONE;
  int module, x0, y0;

  if (self->width == 0)
    return;

  module = MAX (1, MIN (width, height) / (int)side);
  x0 = (width - module * (int)side) / 2;
  y0 = (height - module * (int)side) / 2;

  gtk_snapshot_append_color (snapshot, &white,
                             &GRAPHENE_RECT_INIT (x0, y0, module * side, module * side));

  /* One rectangle per run of dark modules in a row. */
  for (guint y = 0; y < self->width; y++)
    {
      guint x = 0;

      while (x < self->width)
        {
          guint run = 0;

          if (!self->modules[y * self->width + x])
            {
              x++;
              continue;
            }
          while (x + run < self->width && self->modules[y * self->width + x + run])
            run++;

          gtk_snapshot_append_color (snapshot, &black,
                                     &GRAPHENE_RECT_INIT (x0 + (int)(QUIET_ZONE + x) * module,
                                                          y0 + (int)(QUIET_ZONE + y) * module,
                                                          (int)run * module, module));
          x += run;
        }
    }
}

static void
bk_qr_finalize (GObject *object)
{
  BkQr *self = (BkQr *)object;

  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->modules, g_free);

  G_OBJECT_CLASS (bk_qr_parent_class)->finalize (object);
}

static void
bk_qr_class_init (BkQrClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = bk_qr_finalize;
  widget_class->measure = bk_qr_measure;
  widget_class->snapshot = bk_qr_snapshot;

  gtk_widget_class_set_css_name (widget_class, "qrcode");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
bk_qr_init (BkQr *self)
{
  gtk_widget_set_halign (GTK_WIDGET (self), GTK_ALIGN_START);
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_START);
}

GtkWidget *
bk_qr_new (const char *text)
{
  BkQr *self = g_object_new (BK_TYPE_QR, NULL);

  bk_qr_set_text (self, text);
  return GTK_WIDGET (self);
}

gboolean
bk_qr_set_text (BkQr       *self,
                const char *text)
{
  g_autofree char *name = NULL;
  QRcode *code;

  g_return_val_if_fail (BK_IS_QR (self), FALSE);

  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->modules, g_free);
  self->width = 0;
  gtk_widget_queue_resize (GTK_WIDGET (self));

  if (text == NULL || text[0] == '\0')
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL);
      return TRUE;
    }

  self->text = g_strdup (text);
  /* Medium error correction: survives a scratched or glossy screen. */
  code = QRcode_encodeString (text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  if (code == NULL)
    {
      g_warning ("Cannot make a QR code for “%s”: %s", text, g_strerror (errno));
      return FALSE;
    }

  self->width = code->width;
  self->modules = g_malloc (self->width * self->width);
  for (guint i = 0; i < self->width * self->width; i++)
    self->modules[i] = code->data[i] & 1;
  QRcode_free (code);

  /* Translators: the accessible name of a QR code image; %s is its web address */
  name = g_strdup_printf (_("QR code for %s"), text);
  bk_ui_set_accessible (GTK_WIDGET (self), name, NULL);

  return TRUE;
}

const char *
bk_qr_get_text (BkQr *self)
{
  g_return_val_if_fail (BK_IS_QR (self), NULL);

  return self->text;
}

guint
bk_qr_get_module_count (BkQr *self)
{
  g_return_val_if_fail (BK_IS_QR (self), 0);

  return self->width;
}

gboolean
bk_qr_get_module (BkQr  *self,
                  guint  x,
                  guint  y)
{
  g_return_val_if_fail (BK_IS_QR (self), FALSE);

  if (x >= self->width || y >= self->width)
    return FALSE;

  return self->modules[y * self->width + x] != 0;
}
