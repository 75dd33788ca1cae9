/* bk-a11y-page.c: the accessibility panel
 *
 * Every control is bound to an application action over a setting
 * (app.theme, app.text-scale, …, see bk-application.c), so a toggle is
 * pressed exactly when its setting has its value, whoever changed it. The
 * page itself only keeps the values it shows in words up to date.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-a11y-page"

#include "bk-config.h"

#include <glib/gi18n.h>

#include "bk-a11y-page.h"
#include "bk-page.h"
#include "bk-i18n.h"
#include "bk-ui.h"
#include "bk-voice.h"

#define SCAN_STEP_MS 500

struct _BkA11yPage
{
  GtkWidget   parent_instance;

  BkContext  *context;
  GtkWidget  *heading;
  GtkLabel   *volume_label;
  GtkLabel   *scan_interval_label;
  GtkWidget  *scan_shorter_button;
  GtkWidget  *scan_longer_button;
  GtkWidget  *easy_read_note;
  GtkWidget  *speech_note;

  BkSettings *settings;
};

static void page_iface_init (BkPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BkA11yPage, bk_a11y_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (BK_TYPE_PAGE, page_iface_init))

/* ---- words for values ---------------------------------------------------- */

static const char *
theme_name (const char *theme)
{
  if (g_strcmp0 (theme, "high-contrast-dark") == 0)
    return _("High contrast dark");
  if (g_strcmp0 (theme, "high-contrast-light") == 0)
    return _("High contrast light");
  if (g_strcmp0 (theme, "yellow-on-black") == 0)
    return _("Yellow on black");
  return _("Standard");
}

static const char *
scan_mode_name (const char *mode)
{
  if (g_strcmp0 (mode, "one-switch") == 0)
    return _("one switch");
  if (g_strcmp0 (mode, "two-switch") == 0)
    return _("two switches");
  /* Translators: switch control is off */
  return _("off");
}

/* Milliseconds as seconds with one decimal, in words ("1.5 seconds"). */
static char *
dup_seconds (int ms)
{
  if (ms % 1000 == 0)
    return g_strdup_printf (ngettext ("%d second", "%d seconds", ms / 1000), ms / 1000);

  /* Translators: seconds with one decimal, e.g. "1.5 seconds": use your
   * decimal sign between the two numbers */
  return g_strdup_printf (_("%d.%d seconds"), ms / 1000, (ms % 1000) / 100);
}

static char *
dup_on_off (gboolean    on,
            const char *on_text,
            const char *off_text)
{
  return g_strdup (on ? on_text : off_text);
}

char *
bk_a11y_dup_announcement (BkSettings *settings,
                          const char *key)
{
  g_return_val_if_fail (BK_IS_SETTINGS (settings), NULL);

  if (g_str_equal (key, "theme"))
    /* Translators: spoken when the colours change; %s is "Yellow on black", … */
    return g_strdup_printf (_("Colours: %s"), theme_name (bk_settings_get_string (settings, key)));

  if (g_str_equal (key, "text-scale"))
    /* Translators: spoken when the text size changes */
    return g_strdup_printf (_("Text size: %d percent"), bk_settings_get_int (settings, key));

  if (g_str_equal (key, "speech-enabled"))
    /* Translators: spoken when speech is switched on */
    return dup_on_off (bk_settings_get_boolean (settings, key), _("Speech on"), _("Speech off"));

  if (g_str_equal (key, "speech-rate"))
    return bk_voice_dup_rate_text (bk_settings_get_int (settings, key));

  if (g_str_equal (key, "speech-volume"))
    /* Translators: spoken when the volume changes */
    return g_strdup_printf (_("Volume %d percent"), bk_settings_get_int (settings, key));

  if (g_str_equal (key, "captions-enabled"))
    return dup_on_off (bk_settings_get_boolean (settings, key),
                       _("The spoken text is shown"), _("The spoken text is not shown"));

  if (g_str_equal (key, "easy-read"))
    {
      if (!bk_settings_get_boolean (settings, key))
        return g_strdup (_("Easy-read off"));
      if (g_strcmp0 (bk_settings_get_string (settings, "language"), "de") != 0)
        return g_strdup (_("Easy-read on. Easy-read is available in German only."));
      return g_strdup (_("Easy-read on"));
    }

  if (g_str_equal (key, "language"))
    /* Translators: spoken after the language changed; %s is the language's
     * name in itself ("Deutsch", "English", …) */
    return g_strdup_printf (_("Language: %s"),
                            bk_i18n_get_native_name (bk_settings_get_string (settings, key)));

  if (g_str_equal (key, "reduced-motion"))
    return dup_on_off (bk_settings_get_boolean (settings, key),
                       _("Reduced motion on"), _("Reduced motion off"));

  if (g_str_equal (key, "key-debounce"))
    {
      int ms = bk_settings_get_int (settings, key);
      g_autofree char *seconds = NULL;

      if (ms == 0)
        return g_strdup (_("Key debounce off"));
      seconds = dup_seconds (ms);
      /* Translators: %s is a time, "0.5 seconds" */
      return g_strdup_printf (_("Key debounce: %s"), seconds);
    }

  if (g_str_equal (key, "explore-mode"))
    return dup_on_off (bk_settings_get_boolean (settings, key),
                       _("Explore mode on: keys and touches only say what they are"),
                       _("Explore mode off"));

  if (g_str_equal (key, "scan-mode"))
    /* Translators: %s is "off", "one switch" or "two switches" */
    return g_strdup_printf (_("Switch control: %s"),
                            scan_mode_name (bk_settings_get_string (settings, key)));

  if (g_str_equal (key, "scan-interval"))
    {
      g_autofree char *seconds = dup_seconds (bk_settings_get_int (settings, key));

      /* Translators: %s is a time, "1.5 seconds" */
      return g_strdup_printf (_("Scanning interval: %s"), seconds);
    }

  return NULL;
}

/* ---- the values shown in words ------------------------------------------- */

static void
update_volume (BkA11yPage *self)
{
  int volume = bk_settings_get_speech_volume (self->settings);
  g_autofree char *shown = NULL;
  g_autofree char *spoken = NULL;

  /* Translators: the volume as shown, "80 %" */
  shown = g_strdup_printf (_("%d %%"), volume);
  spoken = g_strdup_printf (_("Volume %d percent"), volume);
  gtk_label_set_text (self->volume_label, shown);
  bk_ui_set_accessible (GTK_WIDGET (self->volume_label), spoken, NULL);
}

static void
update_scan_interval (BkA11yPage *self)
{
  int ms = bk_settings_get_int (self->settings, "scan-interval");
  g_autofree char *seconds = dup_seconds (ms);
  g_autofree char *spoken = NULL;

  gtk_label_set_text (self->scan_interval_label, seconds);
  spoken = g_strdup_printf (_("Scanning interval: %s"), seconds);
  bk_ui_set_accessible (GTK_WIDGET (self->scan_interval_label), spoken, NULL);

  /* The − and + buttons ask for the next value; the setting clamps it. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->scan_shorter_button),
                                    "i", MAX (ms - SCAN_STEP_MS, 500));
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->scan_longer_button),
                                    "i", MIN (ms + SCAN_STEP_MS, 5000));
}

static void
update_easy_read_note (BkA11yPage *self)
{
  gtk_widget_set_visible (self->easy_read_note,
                          g_strcmp0 (bk_settings_get_string (self->settings, "language"), "de") != 0);
}

static void
update_all (BkA11yPage *self)
{
  update_volume (self);
  update_scan_interval (self);
  update_easy_read_note (self);
  {
    BkVoice *voice = self->context != NULL ? bk_context_get_voice (self->context) : NULL;

    gtk_widget_set_visible (self->speech_note, voice != NULL && !bk_voice_has_speech (voice));
  }
}

/* ---- the widget ---------------------------------------------------------- */

static GtkWidget *
first_control (GtkWidget *widget)
{
  if (!gtk_widget_get_visible (widget))
    return NULL;
  if (GTK_IS_ACTIONABLE (widget) && gtk_widget_get_focusable (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = first_control (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
bk_a11y_page_grab_focus (GtkWidget *widget)
{
  GtkWidget *first = first_control (widget);

  /* The first control; the heading and intro are read with the page. */
  return first != NULL && gtk_widget_grab_focus (first);
}

static void
bk_a11y_page_dispose (GObject *object)
{
  BkA11yPage *self = BK_A11Y_PAGE (object);

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);
  g_clear_object (&self->context);

  gtk_widget_dispose_template (GTK_WIDGET (object), BK_TYPE_A11Y_PAGE);
  bk_ui_unparent_children (GTK_WIDGET (object));

  G_OBJECT_CLASS (bk_a11y_page_parent_class)->dispose (object);
}

/* ---- BkPage -------------------------------------------------------------- */

static char *
bk_a11y_page_dup_summary (BkPage *page)
{
  /* Translators: spoken when the accessibility panel is shown */
  return g_strdup_printf (_("%s. %s"), _("Accessibility"),
                          _("Changes apply at once. They end when your visit ends."));
}

static const char *
bk_a11y_page_get_help_text (BkPage *page)
{
  /* Translators: help for the accessibility settings page */
  return _("Here you change how the kiosk looks and speaks: colours, text size, speech, "
           "easy-read language, the language, and how the keys work. "
           "Every change works at once. "
           "Back to standard undoes all changes.");
}

/* Opened from anywhere, a form too, and left again with Back. */
static gboolean
bk_a11y_page_is_aside (BkPage *page)
{
  return TRUE;
}

static void
page_iface_init (BkPageInterface *iface)
{
  iface->dup_summary = bk_a11y_page_dup_summary;
  iface->get_help_text = bk_a11y_page_get_help_text;
  iface->is_aside = bk_a11y_page_is_aside;
}

/* The context arrives once, from the window. */
static void
set_context (BkA11yPage *self,
             BkContext *context)
{
  if (!g_set_object (&self->context, context) || context == NULL)
    return;
  g_set_object (&self->settings, bk_context_get_settings (context));
  g_signal_connect_object (self->settings, "notify::speech-volume",
                           G_CALLBACK (update_volume), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "notify::scan-interval",
                           G_CALLBACK (update_scan_interval), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "notify::language",
                           G_CALLBACK (update_easy_read_note), self, G_CONNECT_SWAPPED);
  update_all (self);
}

BK_PAGE_DEFINE_CONTEXT_PROPERTY (BkA11yPage, bk_a11y_page, BK_A11Y_PAGE)

static void
bk_a11y_page_class_init (BkA11yPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bk_a11y_page_dispose;
  object_class->get_property = bk_a11y_page_get_property;
  object_class->set_property = bk_a11y_page_set_property;
  g_object_class_override_property (object_class, BK_PAGE_PROP_CONTEXT, "context");
  widget_class->grab_focus = bk_a11y_page_grab_focus;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/buergerkiosk/Kiosk/ui/bk-a11y-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, BkA11yPage, heading);
  gtk_widget_class_bind_template_child (widget_class, BkA11yPage, volume_label);
  gtk_widget_class_bind_template_child (widget_class, BkA11yPage, scan_interval_label);
  gtk_widget_class_bind_template_child (widget_class, BkA11yPage, scan_shorter_button);
  gtk_widget_class_bind_template_child (widget_class, BkA11yPage, scan_longer_button);
  gtk_widget_class_bind_template_child (widget_class, BkA11yPage, easy_read_note);
  gtk_widget_class_bind_template_child (widget_class, BkA11yPage, speech_note);
}

static void
bk_a11y_page_init (BkA11yPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  bk_ui_expose_toggle_states (GTK_WIDGET (self));
}

GtkWidget *
bk_a11y_page_new (void)
{
  return g_object_new (BK_TYPE_A11Y_PAGE, NULL);
}
