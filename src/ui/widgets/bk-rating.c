/* bk-rating.c: the optional satisfaction rating at the end of a session
 *
 * Five large toggle buttons in one group, each named with its number and its
 * meaning, so the scale is clear without colours or pictures; the keys 1 to 5
 * choose directly. Nothing is recorded until Send; then, inside a kiosk
 * window, the rating is counted in the session's statistics by itself.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-rating"

#include "bk-config.h"

#include <glib/gi18n.h>

#include "bk-rating-private.h"
#include "bk-ui.h"

#define N_STEPS 5

struct _BkRating
{
  GtkBox     parent_instance;

  GtkWidget *scale;
  GtkWidget *send_button;
  GtkWidget *skip_button;
  GtkWidget *thanks_label;
  GtkWidget *buttons[N_STEPS];
};

G_DEFINE_FINAL_TYPE (BkRating, bk_rating, GTK_TYPE_BOX)

enum { RATED, SKIPPED, N_SIGNALS };
static guint signals[N_SIGNALS];

static const char *
step_name (int rating)
{
  switch (rating)
    {
    /* Translators: the steps of the satisfaction scale, as read and shown */
    case 1: return _("1 — very bad");
    case 2: return _("2 — bad");
    case 3: return _("3 — okay");
    case 4: return _("4 — good");
    default: return _("5 — very good");
    }
}

int
bk_rating_get_selected (BkRating *self)
{
  g_return_val_if_fail (BK_IS_RATING (self), 0);

  for (int i = 0; i < N_STEPS; i++)
    if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->buttons[i])))
      return i + 1;
  return 0;
}

void
bk_rating_select (BkRating *self, int rating)
{
  g_return_if_fail (BK_IS_RATING (self));
  g_return_if_fail (rating >= 1 && rating <= N_STEPS);

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->buttons[rating - 1]), TRUE);
}

static void
toggled_cb (GtkToggleButton *button, BkRating *self)
{
  gboolean chosen = bk_rating_get_selected (self) > 0;

  gtk_accessible_update_state (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_STATE_PRESSED,
                               gtk_toggle_button_get_active (button), -1);
  gtk_widget_set_sensitive (self->send_button, chosen);
}

static void
send_cb (BkRating *self)
{
  int rating = bk_rating_get_selected (self);

  /* Once per showing: a second Send (a double tap) is not a second rating. */
  if (rating == 0 || !gtk_widget_get_sensitive (self->scale))
    return;
  gtk_widget_set_visible (self->thanks_label, TRUE);
  gtk_widget_set_sensitive (self->send_button, FALSE);
  gtk_widget_set_sensitive (self->scale, FALSE);
  g_signal_emit (self, signals[RATED], 0, rating);
}

static void
skip_cb (BkRating *self)
{
  g_signal_emit (self, signals[SKIPPED], 0);
}

gboolean
bk_rating_choose_by_key (BkRating        *self,
                         guint            keyval,
                         GdkModifierType  state)
{
  g_return_val_if_fail (BK_IS_RATING (self), FALSE);

  if (keyval >= GDK_KEY_1 && keyval <= GDK_KEY_5 &&
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) == 0 &&
      gtk_widget_is_sensitive (self->scale))
    {
      int rating = (int) (keyval - GDK_KEY_1) + 1;

      bk_rating_select (self, rating);
      gtk_widget_grab_focus (self->buttons[rating - 1]);
      return TRUE;
    }
  return FALSE;
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller, guint keyval, guint keycode,
                GdkModifierType state, BkRating *self)
{
  return bk_rating_choose_by_key (self, keyval, state);
}

void
bk_rating_reset (BkRating *self)
{
  g_return_if_fail (BK_IS_RATING (self));

  for (int i = 0; i < N_STEPS; i++)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->buttons[i]), FALSE);
  gtk_widget_set_sensitive (self->scale, TRUE);
  gtk_widget_set_sensitive (self->send_button, FALSE);
  gtk_widget_set_visible (self->thanks_label, FALSE);
}

static void
bk_rating_class_init (BkRatingClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  signals[RATED] = g_signal_new ("rated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);
  signals[SKIPPED] = g_signal_new ("skipped", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/buergerkiosk/Kiosk/ui/bk-rating.ui");
  gtk_widget_class_bind_template_child (widget_class, BkRating, scale);
  gtk_widget_class_bind_template_child (widget_class, BkRating, send_button);
  gtk_widget_class_bind_template_child (widget_class, BkRating, skip_button);
  gtk_widget_class_bind_template_child (widget_class, BkRating, thanks_label);
}

static void
bk_rating_init (BkRating *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  for (int i = 0; i < N_STEPS; i++)
    {
      GtkWidget *button = gtk_toggle_button_new_with_label (step_name (i + 1));
      GtkWidget *label = gtk_button_get_child (GTK_BUTTON (button));

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
      gtk_widget_set_size_request (button, 64, 80);
      gtk_widget_add_css_class (button, "bk-rating-step");
      bk_ui_set_accessible (button, step_name (i + 1), NULL);
      if (i > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button),
                                     GTK_TOGGLE_BUTTON (self->buttons[0]));
      gtk_accessible_update_state (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_STATE_PRESSED,
                                   FALSE, -1);
      g_signal_connect (button, "toggled", G_CALLBACK (toggled_cb), self);
      gtk_box_append (GTK_BOX (self->scale), button);
      self->buttons[i] = button;
    }

  g_signal_connect_swapped (self->send_button, "clicked", G_CALLBACK (send_cb), self);
  g_signal_connect_swapped (self->skip_button, "clicked", G_CALLBACK (skip_cb), self);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  bk_ui_drop_doubled_names (GTK_WIDGET (self));
}

GtkWidget *
bk_rating_new (void)
{
  return g_object_new (BK_TYPE_RATING, NULL);
}

GtkWidget *
bk_rating_get_button (BkRating *self, int rating)
{
  g_return_val_if_fail (BK_IS_RATING (self), NULL);
  g_return_val_if_fail (rating >= 1 && rating <= N_STEPS, NULL);
  return self->buttons[rating - 1];
}

GtkWidget *
bk_rating_get_send_button (BkRating *self)
{
  g_return_val_if_fail (BK_IS_RATING (self), NULL);
  return self->send_button;
}
