/* bk-keyboard-button.c: the Keyboard button beside a text field
 *
 * Where the kiosk does not open its on-screen keyboard by itself (a
 * deployment with a real keyboard turns that off), or after Done, this
 * button opens it for its field: the field gets the focus, then the window
 * action win.show-keyboard(true). A touch on the button leaves the focus
 * where it is until then (focus-on-click off).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-keyboard-button"

#include "bk-config.h"

#include <glib/gi18n.h>

#include "bk-keyboard-button.h"

struct _BkKeyboardButton
{
  GtkButton  parent_instance;

  GtkWidget *input;        /* weak */
  char      *field_name;
};

G_DEFINE_FINAL_TYPE (BkKeyboardButton, bk_keyboard_button, GTK_TYPE_BUTTON)

enum { PROP_0, PROP_INPUT, PROP_FIELD_NAME, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
update_name (BkKeyboardButton *self)
{
  g_autofree char *name = NULL;

  /* Translators: the accessible name of the Keyboard button beside a
   * field; %s is the field, as "Keyboard: Your name" */
  name = g_strdup_printf (_("Keyboard: %s"), self->field_name ? self->field_name : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->field_name ? name : _("Keyboard"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("Opens the on-screen keyboard to write in this field"),
                                  -1);
}

static void
bk_keyboard_button_clicked (GtkButton *button)
{
  BkKeyboardButton *self = BK_KEYBOARD_BUTTON (button);

  if (self->input == NULL || !gtk_widget_grab_focus (self->input))
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-keyboard", "b", TRUE);
}

static void
bk_keyboard_button_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  BkKeyboardButton *self = BK_KEYBOARD_BUTTON (object);

  switch (prop_id)
    {
    case PROP_INPUT:
      g_value_set_object (value, self->input);
      break;
    case PROP_FIELD_NAME:
      g_value_set_string (value, self->field_name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_keyboard_button_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  BkKeyboardButton *self = BK_KEYBOARD_BUTTON (object);

  switch (prop_id)
    {
    case PROP_INPUT:
      g_set_weak_pointer (&self->input, g_value_get_object (value));
      break;
    case PROP_FIELD_NAME:
      g_free (self->field_name);
      self->field_name = g_value_dup_string (value);
      update_name (self);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_keyboard_button_dispose (GObject *object)
{
  BkKeyboardButton *self = BK_KEYBOARD_BUTTON (object);

  g_clear_weak_pointer (&self->input);

  G_OBJECT_CLASS (bk_keyboard_button_parent_class)->dispose (object);
}

static void
bk_keyboard_button_finalize (GObject *object)
{
  BkKeyboardButton *self = BK_KEYBOARD_BUTTON (object);

  g_free (self->field_name);

  G_OBJECT_CLASS (bk_keyboard_button_parent_class)->finalize (object);
}

static void
bk_keyboard_button_class_init (BkKeyboardButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkButtonClass *button_class = GTK_BUTTON_CLASS (klass);

  object_class->get_property = bk_keyboard_button_get_property;
  object_class->set_property = bk_keyboard_button_set_property;
  object_class->dispose = bk_keyboard_button_dispose;
  object_class->finalize = bk_keyboard_button_finalize;
  button_class->clicked = bk_keyboard_button_clicked;

  properties[PROP_INPUT] =
    g_param_spec_object ("input", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FIELD_NAME] =
    g_param_spec_string ("field-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bk_keyboard_button_init (BkKeyboardButton *self)
{
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *icon = g_object_new (GTK_TYPE_IMAGE,
                                  "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                  "icon-name", "input-keyboard-symbolic",
                                  NULL);
  /* Translators: the button beside a text field that opens the on-screen keyboard */
  GtkWidget *label = gtk_label_new (_("Keyboard"));

  gtk_widget_set_halign (content, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (content), icon);
  gtk_box_append (GTK_BOX (content), label);
  gtk_button_set_child (GTK_BUTTON (self), content);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), FALSE);
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_START);
  gtk_widget_add_css_class (GTK_WIDGET (self), "bk-keyboard-button");
  update_name (self);
}

GtkWidget *
bk_keyboard_button_new (GtkWidget  *input,
                        const char *field_name)
{
  return g_object_new (BK_TYPE_KEYBOARD_BUTTON,
                       "input", input,
                       "field-name", field_name,
                       NULL);
}

GtkWidget *
bk_keyboard_button_get_input (BkKeyboardButton *self)
{
  g_return_val_if_fail (BK_IS_KEYBOARD_BUTTON (self), NULL);

  return self->input;
}
