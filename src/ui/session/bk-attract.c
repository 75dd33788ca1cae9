/* bk-attract.c: the attract screen
 *
 * Large text over the whole window while nobody uses the kiosk: what it
 * offers and how to start, in the interface language and in English for a
 * visitor who cannot read the first. It has no controls: BkSession takes
 * the first touch or key to remove it, so that nothing under it is used.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-attract"

#include "bk-config.h"

#include <glib/gi18n.h>

#include "bk-attract.h"
#include "bk-ui.h"

#define OFFER_TEXT N_("Services of your town and district, and what the councils decide. With speech, large text and easy-read.")
#define START_TEXT N_("Touch the screen or press a key to start")

struct _BkAttract
{
  GtkWidget  parent_instance;

  GtkLabel  *offer;
  GtkLabel  *start;
  GtkLabel  *offer_en;
  GtkLabel  *start_en;
};

G_DEFINE_FINAL_TYPE (BkAttract, bk_attract, GTK_TYPE_WIDGET)

static void
bk_attract_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), BK_TYPE_ATTRACT);
  bk_ui_unparent_children (GTK_WIDGET (object));

  G_OBJECT_CLASS (bk_attract_parent_class)->dispose (object);
}

static void
bk_attract_class_init (BkAttractClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bk_attract_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/buergerkiosk/Kiosk/ui/bk-attract.ui");
  gtk_widget_class_bind_template_child (widget_class, BkAttract, offer);
  gtk_widget_class_bind_template_child (widget_class, BkAttract, start);
  gtk_widget_class_bind_template_child (widget_class, BkAttract, offer_en);
  gtk_widget_class_bind_template_child (widget_class, BkAttract, start_en);
}

static void
bk_attract_init (BkAttract *self)
{
  gboolean english;

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_label_set_text (self->offer, _(OFFER_TEXT));
  gtk_label_set_text (self->start, _(START_TEXT));

  /* The msgids are the English text. */
  english = g_str_equal (_(START_TEXT), START_TEXT);
  gtk_label_set_text (self->offer_en, OFFER_TEXT);
  gtk_label_set_text (self->start_en, START_TEXT);
  gtk_widget_set_visible (GTK_WIDGET (self->offer_en), !english);
  gtk_widget_set_visible (GTK_WIDGET (self->start_en), !english);
}

GtkWidget *
bk_attract_new (void)
{
  return g_object_new (BK_TYPE_ATTRACT, NULL);
}

char *
bk_attract_dup_text (BkAttract *self)
{
  g_return_val_if_fail (BK_IS_ATTRACT (self), NULL);

  return g_strdup_printf ("%s %s", gtk_label_get_text (self->offer), gtk_label_get_text (self->start));
}
