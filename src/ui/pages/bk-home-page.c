/* bk-home-page.c: the start screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-home-page"

#include "bk-config.h"

#include "bk-ui.h"

#include "bk-home-page.h"

struct _BkHomePage
{
  GtkWidget     parent_instance;

  GtkWidget *services_button;
  GtkWidget *motions_button;
};

G_DEFINE_FINAL_TYPE (BkHomePage, bk_home_page, GTK_TYPE_WIDGET)

static gboolean
bk_home_page_grab_focus (GtkWidget *widget)
{
  BkHomePage *self = BK_HOME_PAGE (widget);

  return gtk_widget_grab_focus (self->services_button);
}

static void
bk_home_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), BK_TYPE_HOME_PAGE);
  bk_ui_unparent_children (GTK_WIDGET (object));

  G_OBJECT_CLASS (bk_home_page_parent_class)->dispose (object);
}

static void
bk_home_page_class_init (BkHomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bk_home_page_dispose;
  widget_class->grab_focus = bk_home_page_grab_focus;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/buergerkiosk/Kiosk/ui/bk-home-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, BkHomePage, services_button);
  gtk_widget_class_bind_template_child (widget_class, BkHomePage, motions_button);
}

static void
bk_home_page_init (BkHomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* the language choice */
  bk_ui_expose_toggle_states (GTK_WIDGET (self));
}

GtkWidget *
bk_home_page_new (void)
{
  return g_object_new (BK_TYPE_HOME_PAGE, NULL);
}

GtkWidget *
bk_home_page_get_first_choice (BkHomePage *self)
{
  g_return_val_if_fail (BK_IS_HOME_PAGE (self), NULL);

  return self->services_button;
}

/* 0: services, 1: council motions */
GtkWidget *
bk_home_page_get_choice (BkHomePage *self,
                         guint       index)
{
  g_return_val_if_fail (BK_IS_HOME_PAGE (self), NULL);

  switch (index)
    {
    case 0: return self->services_button;
    case 1: return self->motions_button;
    default: return NULL;
    }
}
