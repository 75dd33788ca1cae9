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

#include "bk-application.h"
#include "bk-demo.h"
#include "bk-speech.h"
#include "bk-ui.h"
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
  GDBusProxy     *a11y_status;
  GCancellable   *cancellable;
  gboolean        screen_reader_forced;
};

G_DEFINE_FINAL_TYPE (BkApplication, bk_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and quit"), NULL },
  { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Use the database at PATH"), N_("PATH") },
  /* For tests and demonstrations without a sound card. */
  { "speech-output", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, NULL,
    N_("Speech output: audio or memory (for testing)"), N_("OUTPUT") },
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

static const char *
rate_name (int rate)
{
  switch (rate)
    {
    /* Translators: speech rates, spoken as "Speech rate: slow" */
    case 0: return _("very slow");
    case 1: return _("slow");
    case 2: return _("normal");
    case 3: return _("fast");
    default: return _("very fast");
    }
}

static void
speech_toggle_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  BkApplication *self = user_data;
  gboolean enabled = !bk_settings_get_speech_enabled (self->settings);

  bk_settings_set_speech_enabled (self->settings, enabled);
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

  bk_settings_set_speech_rate (self->settings, rate);
  /* Translators: spoken when the rate changes; %s is "slow", "fast", … */
  text = g_strdup_printf (_("Speech rate: %s"), rate_name (rate));
  bk_voice_say_on_demand (self->voice, text, NULL);
}

static void
change_volume (BkApplication *self,
               int            step)
{
  int volume = CLAMP (bk_settings_get_speech_volume (self->settings) + step, 0, 100);
  g_autofree char *text = NULL;

  bk_settings_set_speech_volume (self->settings, volume);
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

static void
bk_application_startup (GApplication *application)
{
  G_APPLICATION_CLASS (bk_application_parent_class)->startup (application);

  bk_ui_init ();

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

    g_action_map_add_action_entries (G_ACTION_MAP (application),
                                     speech_actions, G_N_ELEMENTS (speech_actions),
                                     application);
    for (guint i = 0; i < G_N_ELEMENTS (speech_accels); i++)
      gtk_application_set_accels_for_action (GTK_APPLICATION (application),
                                             speech_accels[i].action,
                                             speech_accels[i].accels);

    watch_screen_reader (self);
  }
}

static void
bk_application_shutdown (GApplication *application)
{
  BkApplication *self = BK_APPLICATION (application);

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
  store = bk_demo_open_store (path, &error);
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
  g_clear_object (&self->voice);
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
}

static void
bk_application_init (BkApplication *self)
{
  self->settings = bk_settings_new ();
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

  bk_settings_reset_session (self->settings);
  if (self->speech != NULL)
    {
      bk_speech_reset (self->speech);
      /* The staff's headset setting is not the citizen's. */
      bk_speech_set_headset (self->speech, bk_settings_get_headset_connected (self->settings));
    }
}
