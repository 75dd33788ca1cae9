/* bk-idle-warning.c: the warning before a session ends
 *
 * Large, an alert, with the time left in words and one button, Continue
 * (app.session-continue). BkSession shows it and counts down; any key or
 * touch continues as well (EN 301 549 5.2, WCAG 2.2.1: at least 20 s to ask
 * for more time).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-idle-warning"

#include "bk-config.h"

#include <glib/gi18n.h>

#include "bk-idle-warning-private.h"
#include "bk-ui.h"

struct _BkIdleWarning
{
  GtkWidget  parent_instance;

  GtkLabel  *heading;
  GtkLabel  *message;
  GtkLabel  *remaining;
  GtkWidget *continue_button;
};

G_DEFINE_FINAL_TYPE (BkIdleWarning, bk_idle_warning, GTK_TYPE_WIDGET)

static void
bk_idle_warning_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), BK_TYPE_IDLE_WARNING);
  bk_ui_unparent_children (GTK_WIDGET (object));

  G_OBJECT_CLASS (bk_idle_warning_parent_class)->dispose (object);
}

static void
bk_idle_warning_class_init (BkIdleWarningClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bk_idle_warning_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/buergerkiosk/Kiosk/ui/bk-idle-warning.ui");
  gtk_widget_class_bind_template_child (widget_class, BkIdleWarning, heading);
  gtk_widget_class_bind_template_child (widget_class, BkIdleWarning, message);
  gtk_widget_class_bind_template_child (widget_class, BkIdleWarning, remaining);
  gtk_widget_class_bind_template_child (widget_class, BkIdleWarning, continue_button);
}

static void
bk_idle_warning_init (BkIdleWarning *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
bk_idle_warning_new (void)
{
  return g_object_new (BK_TYPE_IDLE_WARNING, NULL);
}

char *
bk_idle_warning_dup_remaining_words (int seconds)
{
  seconds = MAX (seconds, 0);
  /* Translators: on the idle warning, and spoken; %d is a number of seconds */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "The kiosk starts again in %d second.",
                                       "The kiosk starts again in %d seconds.",
                                       seconds),
                          seconds);
}

void
bk_idle_warning_set_remaining (BkIdleWarning *self,
                               int            seconds)
{
  g_autofree char *text = NULL;

  g_return_if_fail (BK_IS_IDLE_WARNING (self));

  text = bk_idle_warning_dup_remaining_words (seconds);
  gtk_label_set_text (self->remaining, text);
}

const char *
bk_idle_warning_get_remaining_text (BkIdleWarning *self)
{
  g_return_val_if_fail (BK_IS_IDLE_WARNING (self), NULL);

  return gtk_label_get_text (self->remaining);
}

GtkWidget *
bk_idle_warning_get_continue_button (BkIdleWarning *self)
{
  g_return_val_if_fail (BK_IS_IDLE_WARNING (self), NULL);

  return self->continue_button;
}

char *
bk_idle_warning_dup_text (BkIdleWarning *self)
{
  g_return_val_if_fail (BK_IS_IDLE_WARNING (self), NULL);

  return g_strdup_printf ("%s %s %s %s", gtk_label_get_text (self->heading),
                          gtk_label_get_text (self->message),
                          gtk_label_get_text (self->remaining),
                          /* Translators: spoken with the idle warning, after its text */
                          _("Press any key or touch the screen to continue."));
}
