/* bk-application.c: the kiosk application
 *
 * Handles the command line (--version, --db PATH, --speech-output), opens the
 * store on activation and shows the window. If the store cannot be opened,
 * the window shows why instead of the motions.
 *
 * It owns the one speech service and the voice (BkVoice) that makes the
 * windows self-voicing, the speech commands (app.speech-*, app.read-aloud)
 * and watches whether a screen reader runs (org.a11y.Status on the session
 * bus): then the kiosk does not voice focus and pages itself.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-application"

#include "bk-config.h"

#include <glib/gi18n.h>

#include "bk-a11y-actions.h"
#include "bk-a11y-page.h"
#include "bk-application.h"
#include "bk-demo.h"
#include "bk-i18n.h"
#include "bk-session.h"
#include "bk-start.h"
#include "bk-stats.h"
#include "bk-speech.h"
#include "bk-ui.h"
#include "bk-theme.h"
#include "bk-voice.h"
#include "bk-window.h"

struct _BkApplication
{
  AdwApplication  parent_instance;

  BkSettings     *settings;
  char           *database_path;
  BkSpeechOutput  speech_output;
  BkSpeech       *speech;
  BkVoice        *voice;
  BkTheme        *theme;
  GDBusProxy     *a11y_status;
  BkSession      *session;
  gboolean        kiosk;              /* --kiosk: fullscreen, cannot be closed */
  int             idle_timeout;       /* --idle-timeout, for tests; 0: the setting */
  GCancellable   *cancellable;
  gboolean        screen_reader_forced;

  /* the accessibility panel */
  GError         *store_error;        /* why activate could not open the store */
  guint           quiet;              /* > 0: setting changes are not announced */
  guint           language_source;    /* rebuilds the windows after a language change */
  char           *language_announcement_key;  /* said after the rebuild */

  /* staff mode and statistics (bk-staff-mode.c) */
  BkStatsBatch   *stats;              /* this session's counts, written at its end */
  gint64          speech_started;     /* monotonic µs of the utterance playing, or 0 */
  gint64          speech_us;          /* speech heard in this session */
  char           *staff_warning;      /* the database was broken: for staff only */
  BkStore        *stats_store;        /* where the statistics go */
};

G_DEFINE_FINAL_TYPE (BkApplication, bk_application, ADW_TYPE_APPLICATION)

enum { SESSION_RESET, N_SIGNALS };
static guint signals[N_SIGNALS];

static const GOptionEntry option_entries[] = {
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and quit"), NULL },
  { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Use the database at PATH"), N_("PATH") },
  /* For tests and demonstrations without a sound card. */
  { "speech-output", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, NULL,
    N_("Speech output: audio or memory (for testing)"), N_("OUTPUT") },
  { "kiosk", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Run as a kiosk: full screen, the window cannot be closed"), NULL },
  { "windowed", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Run in a normal window (for development; the default)"), NULL },
  /* For tests: the staff's idle-timeout setting, without changing it. */
  { "idle-timeout", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_INT, NULL,
    N_("Seconds without input before the idle warning (for testing)"), N_("SECONDS") },
  { NULL }
};

static int
bk_application_handle_local_options (GApplication *application,
                                     GVariantDict *options)
{
  BkApplication *self = BK_APPLICATION (application);
  const char *path = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("buergerkiosk %s\n", PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_lookup (options, "db", "^&ay", &path) && path != NULL && path[0] != '\0')
    {
      g_free (self->database_path);
      self->database_path = g_strdup (path);
    }

  if (g_variant_dict_contains (options, "kiosk") && g_variant_dict_contains (options, "windowed"))
    {
      g_printerr (_("--kiosk and --windowed cannot be used together\n"));
      return 1;
    }
  self->kiosk = g_variant_dict_contains (options, "kiosk");

  if (g_variant_dict_lookup (options, "idle-timeout", "i", &self->idle_timeout) && self->idle_timeout <= 0)
    {
      g_printerr (_("--idle-timeout needs a number of seconds above 0\n"));
      return 1;
    }

  {
    const char *output = NULL;

    if (g_variant_dict_lookup (options, "speech-output", "&s", &output))
      {
        if (g_strcmp0 (output, "memory") == 0)
          self->speech_output = BK_SPEECH_OUTPUT_MEMORY;
        else if (g_strcmp0 (output, "audio") == 0)
          self->speech_output = BK_SPEECH_OUTPUT_AUDIO;
        else
          {
            g_printerr (_("Unknown speech output “%s”: use audio or memory\n"), output);
            return 1;
          }
      }
  }

  return -1;
}

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
  if (self->voice == NULL || bk_voice_get_screen_reader_running (self->voice))
    return;

  text = bk_a11y_dup_announcement (self->settings, key);
  if (text != NULL)
    bk_voice_say_on_demand (self->voice, text, NULL);
}

static void
apply_language (BkApplication *self)
{
  const char *language = bk_settings_get_string (self->settings, "language");

  bk_i18n_set_language (language, bk_settings_get_boolean (self->settings, "easy-read"));
  gtk_widget_set_default_direction (bk_i18n_language_is_rtl (language)
                                    ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);
}

static gboolean
rebuild_windows_cb (gpointer user_data)
{
  BkApplication *self = user_data;
  g_autofree char *key = g_steal_pointer (&self->language_announcement_key);

  self->language_source = 0;
  bk_application_apply_language (self);
  if (key != NULL)
    announce_setting (self, key);

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
  if (self->voice != NULL && !bk_voice_get_screen_reader_running (self->voice))
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
    apply_language (self);
}

/* ---- kiosk mode and the idle reset ----------------------------------------- */

static gboolean
close_request_cb (GtkWindow *window)
{
  /* Alt+F4 or the compositor: a citizen cannot end the kiosk. */
  g_message ("Kiosk mode: a request to close the window was refused");
  return TRUE;
}

static void
window_added_cb (GtkApplication *application,
                 GtkWindow      *window)
{
  BkApplication *self = BK_APPLICATION (application);

  if (!BK_IS_WINDOW (window))
    return;

  if (self->kiosk)
    {
      gtk_window_set_decorated (window, FALSE);
      gtk_window_set_deletable (window, FALSE);
      gtk_window_fullscreen (window);
      g_signal_connect (window, "close-request", G_CALLBACK (close_request_cb), NULL);
    }
  if (self->session != NULL)
    bk_session_attach_window (self->session, window);
}

static void
session_continue_action (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  BkApplication *self = user_data;

  bk_session_continue (self->session);
}

static void
setup_session (BkApplication *self)
{
  static const GActionEntry entries[] = {
    { "session-continue", session_continue_action },
  };

  self->session = bk_session_new (self->settings, self->voice);
  if (self->idle_timeout > 0)
    bk_session_set_idle_timeout_override (self->session, self->idle_timeout);
  g_signal_connect_object (self->session, "reset",
                           G_CALLBACK (bk_application_end_session), self, G_CONNECT_SWAPPED);
  g_action_map_add_action_entries (G_ACTION_MAP (self), entries, G_N_ELEMENTS (entries), self);
  g_signal_connect (self, "window-added", G_CALLBACK (window_added_cb), NULL);
}

/* ---- screen reader ------------------------------------------------------- */

static void
update_screen_reader (BkApplication *self)
{
  g_autoptr(GVariant) value = NULL;

  if (self->screen_reader_forced || self->a11y_status == NULL)
    return;

  value = g_dbus_proxy_get_cached_property (self->a11y_status, "ScreenReaderEnabled");
  bk_voice_set_screen_reader_running (self->voice,
                                      value != NULL &&
                                      g_variant_is_of_type (value, G_VARIANT_TYPE_BOOLEAN) &&
                                      g_variant_get_boolean (value));
}

static void
a11y_status_ready_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(BkApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  GDBusProxy *proxy = g_dbus_proxy_new_for_bus_finish (result, &error);

  if (proxy == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("No accessibility status on the session bus: %s", error->message);
      return;
    }

  self->a11y_status = proxy;
  g_signal_connect_object (proxy, "g-properties-changed",
                           G_CALLBACK (update_screen_reader), self, G_CONNECT_SWAPPED);
  update_screen_reader (self);
}

static void
watch_screen_reader (BkApplication *self)
{
  g_dbus_proxy_new_for_bus (G_BUS_TYPE_SESSION,
                            G_DBUS_PROXY_FLAGS_DO_NOT_AUTO_START_AT_CONSTRUCTION,
                            NULL,
                            "org.a11y.Bus",
                            "/org/a11y/bus",
                            "org.a11y.Status",
                            self->cancellable,
                            a11y_status_ready_cb,
                            g_object_ref (self));
}

/* ---- statistics ---------------------------------------------------------- */

/* A session is counted when its end comes and something happened in it: an
 * idle reset with nobody there adds nothing. */
static void
flush_stats (BkApplication *self)
{
  g_autoptr(GError) error = NULL;
  BkStore *store = self->stats_store;

  if (self->speech_us >= G_USEC_PER_SEC)
    bk_stats_batch_add (self->stats, BK_STATS_SPEECH_SECONDS, "all",
                        (self->speech_us + G_USEC_PER_SEC / 2) / G_USEC_PER_SEC);
  self->speech_us = 0;
  if (bk_stats_batch_is_empty (self->stats))
    return;
  bk_stats_batch_add (self->stats, BK_STATS_SESSION, "all", 1);
  if (store == NULL || bk_store_is_read_only (store))
    {
      bk_stats_batch_clear (self->stats);
      return;
    }
  if (!bk_stats_batch_flush (self->stats, store, NULL, &error))
    g_warning ("The session's statistics were not saved: %s", error->message);
}

/* Accessibility features used: a session setting away from its kiosk default. */
static void
feature_changed_cb (BkSettings *settings, GParamSpec *pspec, BkApplication *self)
{
  g_autoptr(GVariant) kiosk_default = NULL;
  gboolean changed = FALSE;

  if (self->quiet > 0 || !bk_settings_is_session_key (pspec->name))
    return;
  kiosk_default = bk_settings_dup_kiosk_default (settings, pspec->name);
  if (kiosk_default == NULL)
    return;
  if (g_variant_is_of_type (kiosk_default, G_VARIANT_TYPE_BOOLEAN))
    changed = g_variant_get_boolean (kiosk_default) != bk_settings_get_boolean (settings, pspec->name);
  else if (g_variant_is_of_type (kiosk_default, G_VARIANT_TYPE_INT32))
    changed = g_variant_get_int32 (kiosk_default) != bk_settings_get_int (settings, pspec->name);
  else if (g_variant_is_of_type (kiosk_default, G_VARIANT_TYPE_STRING))
    changed = g_strcmp0 (g_variant_get_string (kiosk_default, NULL),
                         bk_settings_get_string (settings, pspec->name)) != 0;
  if (changed)
    bk_stats_batch_add_once (self->stats, BK_STATS_FEATURE, pspec->name);
}

static void
utterance_started_cb (BkApplication *self)
{
  if (self->speech_started == 0)
    self->speech_started = g_get_monotonic_time ();
}

static void
utterance_finished_cb (BkApplication *self)
{
  if (self->speech_started != 0)
    self->speech_us += g_get_monotonic_time () - self->speech_started;
  self->speech_started = 0;
}

static void
bk_application_startup (GApplication *application)
{
  G_APPLICATION_CLASS (bk_application_parent_class)->startup (application);

  bk_ui_init ();

  /* Colours, text size and motion follow the settings from the start. */
  {
    BkApplication *self = BK_APPLICATION (application);

    self->theme = bk_theme_new (self->settings);
  }

  /* Text blocks are selectable so that they can be reached with the keyboard;
   * focusing one must not select all of its text. */
  g_object_set (gtk_settings_get_default (),
                "gtk-label-select-on-focus", FALSE,
                NULL);

  gtk_window_set_default_icon_name (APP_ID);

  /* One voice for the application. Without voice data or an audio device
   * the kiosk runs silent: only the journal says why. */
  {
    g_autoptr(GError) error = NULL;
    BkApplication *self = BK_APPLICATION (application);

    self->speech = bk_speech_new (self->speech_output, &error);
    if (self->speech == NULL)
      g_message ("The kiosk runs without speech: %s", error ? error->message : "unknown error");
    self->voice = bk_voice_new (self->speech, self->settings);
    g_signal_connect_object (self->voice, "utterance-started",
                             G_CALLBACK (utterance_started_cb), self, G_CONNECT_SWAPPED);
    g_signal_connect_object (self->voice, "utterance-finished",
                             G_CALLBACK (utterance_finished_cb), self, G_CONNECT_SWAPPED);
    g_signal_connect_object (self->settings, "notify", G_CALLBACK (feature_changed_cb), self, 0);

    g_action_map_add_action_entries (G_ACTION_MAP (application),
                                     speech_actions, G_N_ELEMENTS (speech_actions),
                                     application);
    for (guint i = 0; i < G_N_ELEMENTS (speech_accels); i++)
      gtk_application_set_accels_for_action (GTK_APPLICATION (application),
                                             speech_accels[i].action,
                                             speech_accels[i].accels);

    watch_screen_reader (self);
    add_panel_actions (self);
    setup_session (self);
  }
}

static void
bk_application_shutdown (GApplication *application)
{
  BkApplication *self = BK_APPLICATION (application);

  flush_stats (self);

  g_cancellable_cancel (self->cancellable);
  if (self->voice != NULL)
    bk_voice_stop (self->voice);

  G_APPLICATION_CLASS (bk_application_parent_class)->shutdown (application);
}

static void
bk_application_activate (GApplication *application)
{
  BkApplication *self = BK_APPLICATION (application);
  g_autoptr(BkStore) store = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *window;
  const char *path;

  window = gtk_application_get_active_window (GTK_APPLICATION (application));
  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  path = bk_application_get_database_path (self);
  {
    g_auto(BkStartReport) report = { 0 };

    /* A broken database is moved aside and the demo content shown, read-only. */
    store = bk_start_open_store (path, NULL, &report, &error);
    g_clear_pointer (&self->staff_warning, g_free);
    if (report.broken_path != NULL)
      self->staff_warning = g_strdup_printf (
          /* Translators: shown only in staff mode; %s is the moved file */
          _("The database could not be used and was moved to %s. The kiosk shows the demo "
            "content and saves nothing (no requests, no statistics). Restore a backup from "
            "the folder “backups” beside it, then restart the kiosk."), report.broken_path);
    g_set_object (&self->stats_store, store);
  }
  g_clear_error (&self->store_error);
  if (error != NULL)
    self->store_error = g_error_copy (error);
  if (store == NULL)
    g_warning ("Could not open the database %s: %s",
               path ? path : "(default)",
               error ? error->message : "unknown error");

  window = GTK_WINDOW (bk_window_new (GTK_APPLICATION (application), store, error));
  bk_window_set_voice (BK_WINDOW (window), self->voice);
  gtk_window_present (window);
}

static void
bk_application_finalize (GObject *object)
{
  BkApplication *self = (BkApplication *)object;

  g_clear_object (&self->a11y_status);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);
  g_clear_handle_id (&self->language_source, g_source_remove);
  g_clear_pointer (&self->language_announcement_key, g_free);
  g_clear_error (&self->store_error);
  g_clear_pointer (&self->stats, bk_stats_batch_free);
  g_clear_pointer (&self->staff_warning, g_free);
  g_clear_object (&self->stats_store);
  g_clear_object (&self->voice);
  g_clear_object (&self->theme);
  g_clear_object (&self->speech);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->database_path, g_free);

  G_OBJECT_CLASS (bk_application_parent_class)->finalize (object);
}

static void
bk_application_class_init (BkApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = bk_application_finalize;
  application_class->handle_local_options = bk_application_handle_local_options;
  application_class->startup = bk_application_startup;
  application_class->shutdown = bk_application_shutdown;
  application_class->activate = bk_application_activate;

  /* A citizen's session ended (bk_application_reset_session): whatever
   * keeps a citizen's data outside the windows forgets it here. The
   * windows themselves are built anew by bk_application_end_session. */
  signals[SESSION_RESET] =
    g_signal_new ("session-reset",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
bk_application_init (BkApplication *self)
{
  self->settings = bk_settings_new ();
  self->stats = bk_stats_batch_new ();
  self->speech_output = BK_SPEECH_OUTPUT_AUDIO;
  self->cancellable = g_cancellable_new ();

  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("A barrier-free kiosk for citizens: read what the councils decide."));
}

BkApplication *
bk_application_new (void)
{
  return g_object_new (BK_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       NULL);
}

BkSettings *
bk_application_get_settings (BkApplication *self)
{
  g_return_val_if_fail (BK_IS_APPLICATION (self), NULL);

  return self->settings;
}

/* The database from --db, else from the settings; NULL means the default. */
const char *
bk_application_get_database_path (BkApplication *self)
{
  const char *path;

  g_return_val_if_fail (BK_IS_APPLICATION (self), NULL);

  if (self->database_path != NULL)
    return self->database_path;

  path = bk_settings_get_database_path (self->settings);
  if (path != NULL && path[0] != '\0')
    return path;

  return NULL;
}

/* Before the application is registered (started): where speech goes. */
void
bk_application_set_speech_output (BkApplication  *self,
                                  BkSpeechOutput  output)
{
  g_return_if_fail (BK_IS_APPLICATION (self));
  g_return_if_fail (self->voice == NULL);

  self->speech_output = output;
}

/* NULL before startup and when the kiosk runs without speech. */
BkSpeech *
bk_application_get_speech (BkApplication *self)
{
  g_return_val_if_fail (BK_IS_APPLICATION (self), NULL);

  return self->speech;
}

/* NULL before startup. */
BkVoice *
bk_application_get_voice (BkApplication *self)
{
  g_return_val_if_fail (BK_IS_APPLICATION (self), NULL);

  return self->voice;
}

/* A test hook, and for a screen reader that does not tell org.a11y.Status:
 * from now on the kiosk follows this, not the session bus. */
void
bk_application_set_screen_reader_running (BkApplication *self,
                                          gboolean       running)
{
  g_return_if_fail (BK_IS_APPLICATION (self));

  self->screen_reader_forced = TRUE;
  if (self->voice != NULL)
    bk_voice_set_screen_reader_running (self->voice, running);
}

/* The end of a citizen's session: speech stopped, and speech and captions
 * back to the kiosk defaults. Staff settings (headset, database) stay. */
void
bk_application_reset_session (BkApplication *self)
{
  g_return_if_fail (BK_IS_APPLICATION (self));

  self->quiet++;
  bk_settings_reset_session (self->settings);
  self->quiet--;
  if (self->voice != NULL)
    bk_voice_reset_session (self->voice);
  g_signal_emit (self, signals[SESSION_RESET], 0);
  /* After the signal: a form left unfinished counts as abandoned. */
  flush_stats (self);
}

/* The idle reset: bk_application_reset_session, then every window built
 * anew on the start page, so that no page keeps a citizen's entries,
 * selections, history or cached rows. */
void
bk_application_end_session (BkApplication *self)
{
  g_autoptr(GList) windows = NULL;
  g_autofree char *language = NULL;
  gboolean easy_read;

  g_return_if_fail (BK_IS_APPLICATION (self));

  if (self->voice != NULL)
    bk_voice_stop (self->voice);
  language = g_strdup (bk_settings_get_string (self->settings, "language"));
  easy_read = bk_settings_get_boolean (self->settings, "easy-read");
  bk_application_reset_session (self);

  /* The language may be back to the kiosk's: one rebuild, now. A
   * developer's LANGUAGE=en stays unless the citizen had changed it. */
  g_clear_handle_id (&self->language_source, g_source_remove);
  g_clear_pointer (&self->language_announcement_key, g_free);
  if (bk_i18n_follows_setting () ||
      g_strcmp0 (language, bk_settings_get_string (self->settings, "language")) != 0 ||
      easy_read != bk_settings_get_boolean (self->settings, "easy-read"))
    apply_language (self);

  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (GList *l = windows; l != NULL; l = l->next)
    {
      BkWindow *old = l->data;
      BkWindow *window;

      if (!BK_IS_WINDOW (old))
        continue;

      window = bk_window_new (GTK_APPLICATION (self), bk_window_get_store (old), self->store_error);
      gtk_window_present (GTK_WINDOW (window));
      bk_window_set_voice (window, self->voice);
      gtk_window_destroy (GTK_WINDOW (old));
    }
  /* Nobody is there to hear the start page. */
  if (self->voice != NULL)
    bk_voice_stop (self->voice);
  g_message ("Idle reset: the citizen's session ended");
}

/* This session's statistics, written when it ends. */
BkStatsBatch *
bk_application_get_stats (BkApplication *self)
{
  g_return_val_if_fail (BK_IS_APPLICATION (self), NULL);

  return self->stats;
}

/* What only staff should see about the start (a broken database), or NULL. */
const char *
bk_application_get_staff_warning (BkApplication *self)
{
  g_return_val_if_fail (BK_IS_APPLICATION (self), NULL);

  return self->staff_warning;
}

/* NULL before startup. */
BkSession *
bk_application_get_session (BkApplication *self)
{
  g_return_val_if_fail (BK_IS_APPLICATION (self), NULL);

  return self->session;
}

/* Before startup (tests; --kiosk): fullscreen windows that cannot be closed. */
void
bk_application_set_kiosk (BkApplication *self,
                          gboolean       kiosk)
{
  g_return_if_fail (BK_IS_APPLICATION (self));

  self->kiosk = kiosk;
}

gboolean
bk_application_get_kiosk (BkApplication *self)
{
  g_return_val_if_fail (BK_IS_APPLICATION (self), FALSE);

  return self->kiosk;
}

/* The interface language from the settings, now: every window is built
 * again in it (the page, focus and voice kept) and speech follows. A change
 * of the language or easy-read setting does this by itself, soon after. */
void
bk_application_apply_language (BkApplication *self)
{
  g_autoptr(GList) windows = NULL;

  g_return_if_fail (BK_IS_APPLICATION (self));

  g_clear_handle_id (&self->language_source, g_source_remove);
  g_clear_pointer (&self->language_announcement_key, g_free);
  apply_language (self);

  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (GList *l = windows; l != NULL; l = l->next)
    if (BK_IS_WINDOW (l->data))
      bk_a11y_rebuild_window (GTK_APPLICATION (self), l->data, self->store_error);
}
