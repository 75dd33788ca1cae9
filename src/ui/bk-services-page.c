/* bk-services-page.c: the services page (not built yet, and says so)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-services-page"

#include "bk-config.h"

#include "bk-ui.h"

#include "bk-services-page.h"

struct _BkServicesPage
{
  GtkWidget     parent_instance;

  GtkWidget *paragraph;
  GtkWidget *back_button;
};

G_DEFINE_FINAL_TYPE (BkServicesPage, bk_services_page, GTK_TYPE_WIDGET)

static gboolean
bk_services_page_grab_focus (GtkWidget *widget)
{
  BkServicesPage *self = BK_SERVICES_PAGE (widget);

  /* The text first, so that a screen reader reads why there is nothing here. */
  return gtk_widget_grab_focus (self->paragraph);
}

static void
bk_services_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), BK_TYPE_SERVICES_PAGE);
  bk_ui_unparent_children (GTK_WIDGET (object));

  G_OBJECT_CLASS (bk_services_page_parent_class)->dispose (object);
}

static void
bk_services_page_class_init (BkServicesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bk_services_page_dispose;
  widget_class->grab_focus = bk_services_page_grab_focus;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/buergerkiosk/Kiosk/ui/bk-services-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, BkServicesPage, paragraph);
  gtk_widget_class_bind_template_child (widget_class, BkServicesPage, back_button);
}

static void
bk_services_page_init (BkServicesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
bk_services_page_new (void)
{
  return g_object_new (BK_TYPE_SERVICES_PAGE, NULL);
}
