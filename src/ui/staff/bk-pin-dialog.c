/* bk-pin-dialog.c: asks for the staff PIN
 *
 * A panel over the kiosk window (an overlay, not a window: a kiosk may run
 * without a window manager). A masked entry and a large on-screen keypad
 * for touch. Nothing entered is
 * ever shown or spoken: the voice says "character entered" (BkSpeech's
 * masked input), and a wrong PIN or a lockout is announced without digits.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-pin-dialog"

#include "bk-config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "bk-pin-dialog-private.h"
#include "bk-staff-log.h"
#include "bk-ez-tree.h"
#include "bk-ui.h"

#define KEY_SIZE 80

struct _BkPinDialog
{
  GtkWidget        parent_instance;

  GtkWidget       *entry;
  GtkLabel        *status_label;
  GtkGrid         *keypad;
  GtkWidget       *cancel_button;
  GtkWidget       *ok_button;
  GtkWidget       *digits[10];

  BkStore         *store;
  BkVoice         *voice;
  BkStaffPinClock  clock;
  gpointer         clock_data;
  guint            length;    /* of the entered text, to tell typing from deleting */
  gboolean         clearing;
  char            *status;
};

G_DEFINE_FINAL_TYPE (BkPinDialog, bk_pin_dialog, GTK_TYPE_WIDGET)

enum { UNLOCKED, CLOSED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
say (BkPinDialog *self, const char *text)
{
  g_free (self->status);
  self->status = g_strdup (text);
  gtk_label_set_text (self->status_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), TRUE);
  if (self->voice != NULL)
    bk_voice_announce (self->voice, text);
}

static void
clear_entry (BkPinDialog *self)
{
  self->clearing = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
  self->length = 0;
  self->clearing = FALSE;
}

static char *
format_lock (gint64 seconds)
{
  int minutes = (int) ((seconds + 59) / 60);

  return g_strdup_printf (ngettext ("Too many wrong PINs. Staff mode is locked for %d minute.",
                                    "Too many wrong PINs. Staff mode is locked for %d minutes.",
                                    minutes), minutes);
}

void
bk_pin_dialog_submit (BkPinDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pin = NULL;
  g_autofree char *text = NULL;
  BkStaffPinStatus status = { 0 };
  BkStaffPinResult result;

  g_return_if_fail (BK_IS_PIN_DIALOG (self));

  pin = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry)));
  clear_entry (self);
  if (self->store == NULL)
    {
      say (self, _("Staff mode is not available: the kiosk has no database."));
      return;
    }

  result = bk_staff_pin_verify (self->store, pin, self->clock, self->clock_data, &status, &error);
  memset (pin, 0, strlen (pin));
  if (error != NULL)
    g_warning ("Could not record the PIN check: %s", error->message);

  switch (result)
    {
    case BK_STAFF_PIN_OK:
      bk_staff_log (G_LOG_LEVEL_MESSAGE, "staff-mode-opened", NULL, "Staff mode opened");
      /* closed first: the page behind takes the focus only once the panel
       * has let go of it */
      g_object_ref (self);
      g_signal_emit (self, signals[CLOSED], 0);
      g_signal_emit (self, signals[UNLOCKED], 0);
      g_object_unref (self);
      return;

    case BK_STAFF_PIN_NOT_SET:
      say (self, _("No staff PIN is set. Set one with “buergerkiosk-ctl set-staff-pin”."));
      return;

    case BK_STAFF_PIN_LOCKED:
      text = format_lock (status.locked_seconds);
      say (self, text);
      return;

    case BK_STAFF_PIN_WRONG:
    default:
      if (status.locked_seconds > 0)
        {
          g_autofree char *detail = g_strdup_printf ("%" G_GINT64_FORMAT, status.locked_seconds);

          bk_staff_log (G_LOG_LEVEL_WARNING, "pin-locked", detail,
                        "Too many wrong staff PINs: staff mode locked");
          text = format_lock (status.locked_seconds);
        }
      else
        {
          g_autofree char *detail = g_strdup_printf ("%u", status.tries_left);

          bk_staff_log (G_LOG_LEVEL_MESSAGE, "wrong-pin", detail, "Wrong staff PIN entered");
          text = g_strdup_printf (ngettext ("Wrong PIN. %u more try before staff mode is locked.",
                                            "Wrong PIN. %u more tries before staff mode is locked.",
                                            status.tries_left), status.tries_left);
        }
      say (self, text);
      return;
    }
}

/* ---- entering ------------------------------------------------------------ */

static void
entry_changed_cb (BkPinDialog *self)
{
  guint length = (guint) g_utf8_strlen (gtk_editable_get_text (GTK_EDITABLE (self->entry)), -1);
  gboolean typed = length > self->length;

  self->length = length;
  if (self->clearing || self->voice == NULL || !bk_voice_is_self_voicing (self->voice))
    return;
  if (typed)
    bk_speech_say_masked_input (bk_voice_get_speech (self->voice));
  else
    /* Translators: spoken in the PIN field; never which digit */
    bk_voice_announce (self->voice, _("Deleted"));
}

/* Only digits reach the field: a letter typed by mistake must not cost a try. */
static void
insert_text_cb (GtkEditable *editable, const char *text, int length, int *position,
                BkPinDialog *self)
{
  for (const char *p = text; *p != '\0' && (length < 0 || p < text + length); p++)
    if (!g_ascii_isdigit (*p))
      {
        g_signal_stop_emission_by_name (editable, "insert-text");
        gtk_widget_error_bell (GTK_WIDGET (self->entry));
        return;
      }
}

static void
digit_clicked_cb (GtkButton *button, BkPinDialog *self)
{
  GtkEditable *editable = GTK_EDITABLE (self->entry);
  const char *digit = g_object_get_data (G_OBJECT (button), "bk-digit");
  int position = (int) g_utf8_strlen (gtk_editable_get_text (editable), -1);

  gtk_editable_insert_text (editable, digit, 1, &position);
  gtk_editable_set_position (editable, -1);
}

static void
delete_clicked_cb (GtkButton *button, BkPinDialog *self)
{
  GtkEditable *editable = GTK_EDITABLE (self->entry);
  int length = (int) g_utf8_strlen (gtk_editable_get_text (editable), -1);

  if (length > 0)
    gtk_editable_delete_text (editable, length - 1, length);
}

static void
clear_clicked_cb (GtkButton *button, BkPinDialog *self)
{
  clear_entry (self);
  if (self->voice != NULL)
    /* Translators: spoken after the PIN field was emptied */
    bk_voice_announce (self->voice, _("PIN field empty"));
}

static GtkWidget *
add_key (BkPinDialog *self, const char *label, const char *name, int column, int row)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_widget_set_size_request (button, KEY_SIZE, KEY_SIZE);
  /* A touch must not move the focus away from the field: the voice would
   * name the key touched, and so the digit, to everyone standing by. */
  gtk_widget_set_focus_on_click (button, FALSE);
  gtk_widget_add_css_class (button, "bk-pin-key");
  bk_ui_set_accessible (button, name, NULL);
  gtk_grid_attach (self->keypad, button, column, row, 1, 1);
  return button;
}

static void
build_keypad (BkPinDialog *self)
{
  GtkWidget *button;

  for (guint digit = 0; digit <= 9; digit++)
    {
      char text[2] = { (char) ('0' + digit), 0 };
      int column = digit == 0 ? 1 : (int) (digit - 1) % 3;
      int row = digit == 0 ? 3 : (int) (digit - 1) / 3;

      button = add_key (self, text, text, column, row);
      g_object_set_data_full (G_OBJECT (button), "bk-digit", g_strdup (text), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (digit_clicked_cb), self);
      self->digits[digit] = button;
    }
  /* Translators: keys of the PIN keypad */
  button = add_key (self, _("Delete"), _("Delete the last digit"), 0, 3);
  g_signal_connect (button, "clicked", G_CALLBACK (delete_clicked_cb), self);
  button = add_key (self, _("Clear"), _("Clear the PIN field"), 2, 3);
  g_signal_connect (button, "clicked", G_CALLBACK (clear_clicked_cb), self);
}

/* ---- closing -------------------------------------------------------------- */

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  BkPinDialog *self = BK_PIN_DIALOG (widget);

  clear_entry (self);
  g_signal_emit (self, signals[CLOSED], 0);
}

static void
bk_pin_dialog_dispose (GObject *object)
{
  BkPinDialog *self = BK_PIN_DIALOG (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), BK_TYPE_PIN_DIALOG);
  /* the template's top box is not bound by name: GTK 4.8 leaves it */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->store);
  g_clear_object (&self->voice);
  G_OBJECT_CLASS (bk_pin_dialog_parent_class)->dispose (object);
}

static void
bk_pin_dialog_finalize (GObject *object)
{
  BkPinDialog *self = BK_PIN_DIALOG (object);

  g_free (self->status);
  G_OBJECT_CLASS (bk_pin_dialog_parent_class)->finalize (object);
}

static void
bk_pin_dialog_class_init (BkPinDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bk_pin_dialog_dispose;
  object_class->finalize = bk_pin_dialog_finalize;

  signals[UNLOCKED] = g_signal_new ("unlocked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[CLOSED] = g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/buergerkiosk/Kiosk/ui/bk-pin-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BkPinDialog, entry);
  gtk_widget_class_bind_template_child (widget_class, BkPinDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, BkPinDialog, keypad);
  gtk_widget_class_bind_template_child (widget_class, BkPinDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, BkPinDialog, ok_button);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_install_action (widget_class, "modal.close", NULL, close_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "modal.close", NULL);
}

static void
bk_pin_dialog_init (BkPinDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  build_keypad (self);

  /* The voice's own handler for masked fields would speak as well; this
   * one tells typing from deleting. */
  g_object_set_data (G_OBJECT (self->entry), "bk-voice-masked", GINT_TO_POINTER (1));
  g_signal_connect_swapped (self->entry, "changed", G_CALLBACK (entry_changed_cb), self);
  g_signal_connect (gtk_editable_get_delegate (GTK_EDITABLE (self->entry)), "insert-text",
                    G_CALLBACK (insert_text_cb), self);
  g_signal_connect_swapped (self->entry, "activate", G_CALLBACK (bk_pin_dialog_submit), self);
  g_signal_connect_swapped (self->ok_button, "clicked", G_CALLBACK (bk_pin_dialog_submit), self);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->cancel_button), "modal.close");
  /* The keypad's Back and the scanner close it as Escape does (bk-ez-tree.h). */
  bk_ez_set_modal (GTK_WIDGET (self), TRUE);
  bk_ui_drop_doubled_names (GTK_WIDGET (self));
}

BkPinDialog *
bk_pin_dialog_new (BkStore *store, BkVoice *voice)
{
  BkPinDialog *self = g_object_new (BK_TYPE_PIN_DIALOG, NULL);

  self->store = store ? g_object_ref (store) : NULL;
  self->voice = voice ? g_object_ref (voice) : NULL;
  return self;
}

void
bk_pin_dialog_focus (BkPinDialog *self)
{
  g_return_if_fail (BK_IS_PIN_DIALOG (self));
  gtk_widget_grab_focus (self->entry);
}

void
bk_pin_dialog_set_clock (BkPinDialog *self, BkStaffPinClock clock, gpointer clock_data)
{
  g_return_if_fail (BK_IS_PIN_DIALOG (self));
  self->clock = clock;
  self->clock_data = clock_data;
}

GtkWidget *
bk_pin_dialog_get_entry (BkPinDialog *self)
{
  g_return_val_if_fail (BK_IS_PIN_DIALOG (self), NULL);
  return self->entry;
}

GtkWidget *
bk_pin_dialog_get_digit_button (BkPinDialog *self, guint digit)
{
  g_return_val_if_fail (BK_IS_PIN_DIALOG (self), NULL);
  g_return_val_if_fail (digit <= 9, NULL);
  return self->digits[digit];
}

const char *
bk_pin_dialog_get_status (BkPinDialog *self)
{
  g_return_val_if_fail (BK_IS_PIN_DIALOG (self), NULL);
  return self->status;
}
