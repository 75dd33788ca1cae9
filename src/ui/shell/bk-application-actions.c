/* bk-application-actions.c: the application's actions
 *
 * The speech commands (app.speech-*, app.read-aloud, with their keys), one
 * stateful action per accessibility panel setting (GPropertyActions over
 * BkSettings, so every control bound to one shows the setting's state
 * whoever changed it), "Back to standard" and the idle warning's Continue.
 * A changed setting is announced in the interface language, unless a
 * screen reader says the new state itself; a language change rebuilds the
 * windows once, soon after, because GtkBuilder translates a template only
 * when it is built.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-application"

#include "bk-config.h"

#include <glib/gi18n.h>

#include "bk-a11y-actions.h"
#include "bk-a11y-page.h"
#include "bk-application-private.h"
#include "bk-care-home.h"
#include "bk-i18n.h"
#include "bk-tour.h"

/* ---- speech commands ----------------------------------------------------- */

static void
speech_toggle_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  BkApplication *self = user_data;
  gboolean enabled = !bk_settings_get_speech_enabled (self->settings);

  self->quiet++;
  bk_settings_set_speech_enabled (self->settings, enabled);
  self->quiet--;
  if (enabled)
    /* Translators: spoken when speech is switched on */
    bk_voice_say_on_demand (self->voice, _("Speech on"), NULL);
}

static void
speech_stop_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  BkApplication *self = user_data;

  bk_voice_stop (self->voice);
}

static void
speech_pause_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  BkApplication *self = user_data;

  if (self->speech == NULL)
    return;

  if (bk_speech_is_paused (self->speech))
    bk_speech_resume (self->speech);
  else
    bk_speech_pause (self->speech);
}

static void
speech_repeat_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  BkApplication *self = user_data;

  if (self->speech != NULL)
    bk_speech_repeat (self->speech);
}

static void
speech_repeat_sentence_action (GSimpleAction *action,
                               GVariant      *parameter,
                               gpointer       user_data)
{
  BkApplication *self = user_data;

  if (self->speech != NULL)
    bk_speech_repeat_sentence (self->speech);
}

static void
change_rate (BkApplication *self,
             int            step)
{
  int rate = CLAMP (bk_settings_get_speech_rate (self->settings) + step, 0, BK_SPEECH_N_RATES - 1);
  g_autofree char *text = NULL;

  self->quiet++;
  bk_settings_set_speech_rate (self->settings, rate);
  self->quiet--;
  text = bk_voice_dup_rate_text (rate);
  bk_voice_say_on_demand (self->voice, text, NULL);
}

static void
change_volume (BkApplication *self,
               int            step)
{
  int volume = CLAMP (bk_settings_get_speech_volume (self->settings) + step, 0, 100);
  g_autofree char *text = NULL;

  self->quiet++;
  bk_settings_set_speech_volume (self->settings, volume);
  self->quiet--;
  /* Translators: spoken when the volume changes */
  text = g_strdup_printf (_("Volume %d percent"), bk_settings_get_speech_volume (self->settings));
  bk_voice_say_on_demand (self->voice, text, NULL);
}

static void
speech_faster_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  change_rate (user_data, +1);
}

static void
speech_slower_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  change_rate (user_data, -1);
}

static void
speech_louder_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  change_volume (user_data, BK_SPEECH_VOLUME_STEP);
}

static void
speech_quieter_action (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  change_volume (user_data, -BK_SPEECH_VOLUME_STEP);
}

static void
read_aloud_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  if (BK_IS_WINDOW (window))
    bk_window_read_aloud (BK_WINDOW (window));
}

static const GActionEntry speech_actions[] = {
  { "speech-toggle", speech_toggle_action },
  { "speech-stop", speech_stop_action },
  { "speech-pause", speech_pause_action },
  { "speech-repeat", speech_repeat_action },
  { "speech-repeat-sentence", speech_repeat_sentence_action },
  { "speech-faster", speech_faster_action },
  { "speech-slower", speech_slower_action },
  { "speech-louder", speech_louder_action },
  { "speech-quieter", speech_quieter_action },
  { "read-aloud", read_aloud_action },
};

/* Keys that clash with nothing the pages use (Escape is Back, arrows move). */
static const struct {
  const char *action;
  const char *accels[4];
} speech_accels[] = {
  { "app.speech-toggle", { "<Control><Shift>v", NULL } },
  { "app.speech-stop", { "<Control><Shift>s", NULL } },
  { "app.speech-pause", { "F8", NULL } },
  { "app.speech-repeat", { "F9", NULL } },
  { "app.speech-repeat-sentence", { "<Shift>F9", NULL } },
  { "app.speech-faster", { "<Control>plus", "<Control>KP_Add", "<Control>equal", NULL } },
  { "app.speech-slower", { "<Control>minus", "<Control>KP_Subtract", NULL } },
  { "app.speech-louder", { "<Control>Up", NULL } },
  { "app.speech-quieter", { "<Control>Down", NULL } },
  { "app.read-aloud", { "F7", NULL } },
};

/* ---- the accessibility panel --------------------------------------------- */

static void
announce_setting (BkApplication *self,
                  const char    *key)
{
  g_autofree char *text = NULL;

  /* A screen reader says the toggled state itself: no second voice. */
  if (bk_voice_get_screen_reader_running (self->voice))
    return;

  text = bk_a11y_dup_announcement (self->settings, key);
  if (text != NULL)
    bk_voice_say_on_demand (self->voice, text, NULL);
}

void
_bk_application_set_language (BkApplication *self)
{
  const char *language = bk_settings_get_string (self->settings, "language");

  bk_i18n_set_language (language, bk_settings_get_boolean (self->settings, "easy-read"));
  gtk_widget_set_default_direction (bk_i18n_language_is_rtl (language)
                                    ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);
}

typedef struct
{
  BkApplication *self;
  char          *key;
} Announcement;

static void
announcement_free (Announcement *announcement)
{
  g_object_unref (announcement->self);
  g_free (announcement->key);
  g_free (announcement);
}

static gboolean
announce_cb (gpointer user_data)
{
  Announcement *announcement = user_data;

  announce_setting (announcement->self, announcement->key);
  return G_SOURCE_REMOVE;
}

static gboolean
rebuild_windows_cb (gpointer user_data)
{
  BkApplication *self = user_data;
  g_autofree char *key = g_steal_pointer (&self->language_announcement_key);

  self->language_source = 0;
  bk_application_apply_language (self);
  /* After the new window has said its page: the change is the last thing
   * heard, in the new language. */
  if (key != NULL)
    {
      Announcement *announcement = g_new0 (Announcement, 1);

      announcement->self = g_object_ref (self);
      announcement->key = g_steal_pointer (&key);
      g_idle_add_full (G_PRIORITY_LOW, announce_cb, announcement, (GDestroyNotify) announcement_free);
    }

  return G_SOURCE_REMOVE;
}

/* Deferred: the change may come from a click on a button of the window
 * that is rebuilt; a language and easy-read change together rebuild once. */
static void
language_changed_cb (BkSettings    *settings,
                     GParamSpec    *pspec,
                     BkApplication *self)
{
  g_free (self->language_announcement_key);
  self->language_announcement_key = self->quiet > 0 ? NULL : g_strdup (pspec->name);
  if (self->language_source == 0)
    self->language_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 30, rebuild_windows_cb, self, NULL);
}

static void
setting_changed_cb (BkSettings    *settings,
                    GParamSpec    *pspec,
                    BkApplication *self)
{
  if (self->quiet > 0 ||
      !g_strv_contains (bk_a11y_actions_get_keys (), pspec->name) ||
      g_str_equal (pspec->name, "language") || g_str_equal (pspec->name, "easy-read"))
    return;

  announce_setting (self, pspec->name);
}

static void
reset_accessibility_action (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  BkApplication *self = user_data;

  self->quiet++;
  bk_a11y_reset_panel_settings (self->settings);
  self->quiet--;
  if (!bk_voice_get_screen_reader_running (self->voice))
    /* Translators: spoken after "Back to standard" */
    bk_voice_say_on_demand (self->voice, _("All settings are back to standard"), NULL);
}

static void
add_panel_actions (BkApplication *self)
{
  static const GActionEntry entries[] = {
    { "reset-accessibility", reset_accessibility_action },
  };

  bk_a11y_actions_add (G_ACTION_MAP (self), self->settings);
  g_action_map_add_action_entries (G_ACTION_MAP (self), entries, G_N_ELEMENTS (entries), self);

  g_signal_connect_object (self->settings, "notify", G_CALLBACK (setting_changed_cb), self, 0);
  g_signal_connect_object (self->settings, "notify::language", G_CALLBACK (language_changed_cb), self, 0);
  g_signal_connect_object (self->settings, "notify::easy-read", G_CALLBACK (language_changed_cb), self, 0);

  /* A developer's LANGUAGE=en wins at start; otherwise the setting. */
  if (bk_i18n_follows_setting ())
    _bk_application_set_language (self);
}

static void
session_continue_action (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  BkApplication *self = user_data;

  bk_session_continue (self->session);
}

void
_bk_application_actions_init (BkApplication *self)
{
  static const GActionEntry session_actions[] = {
    { "session-continue", session_continue_action },
  };

  g_action_map_add_action_entries (G_ACTION_MAP (self), speech_actions, G_N_ELEMENTS (speech_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (speech_accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                           speech_accels[i].action,
                                           speech_accels[i].accels);
  g_action_map_add_action_entries (G_ACTION_MAP (self), session_actions, G_N_ELEMENTS (session_actions), self);
  add_panel_actions (self);
  /* Staff's demonstration tour (app.tour, Ctrl+Alt+T) and care-home mode:
   * both join every kiosk window as it is made. */
  bk_tour_install (GTK_APPLICATION (self));
  bk_care_home_install (GTK_APPLICATION (self));
}
