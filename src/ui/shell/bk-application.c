/* bk-application.c: the kiosk application
 *
 * Handles the command line (--version, --db PATH, --delivery-config PATH,
 * --kiosk, --windowed),
 * opens the store on activation and shows the window. If the store cannot
 * be opened, the window shows why instead of the motions.
 *
 * It owns the services and hands them down in one BkContext: the settings,
 * the store, the one speech service with the voice that makes the windows
 * self-voicing, the usage counts, and the outbox whose worker delivers
 * submissions when a delivery file is configured (--delivery-config). It watches whether a screen reader
 * runs (org.a11y.Status on the session bus): then the kiosk does not voice
 * focus and pages itself. It makes every window (_bk_application_new_window)
 * and ends citizens' sessions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-application"

#include "bk-config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>
#include <signal.h>

#include "bk-application-private.h"
#include "bk-i18n.h"
#include "bk-renderer.h"
#include "bk-lockdown.h"
#include "bk-start.h"
#include "bk-ui.h"

G_DEFINE_FINAL_TYPE (BkApplication, bk_application, ADW_TYPE_APPLICATION)

enum { SESSION_RESET, N_SIGNALS };
static guint signals[N_SIGNALS];

static const GOptionEntry option_entries[] = {
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and quit"), NULL },
  { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Use the database at PATH"), N_("PATH") },
  { "delivery-config", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Read where submissions go from PATH (default: $XDG_CONFIG_HOME/buergerkiosk/delivery.ini, "
       "then /etc/buergerkiosk/delivery.ini)"), N_("PATH") },
  /* For tests and demonstrations without a sound card. */
  { "speech-output", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, NULL,
    N_("Speech output: audio or memory (for testing)"), N_("OUTPUT") },
  { "kiosk", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Run as a kiosk: full screen, the window cannot be closed"), NULL },
  { "windowed", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Run in a normal window (for development; the default)"), NULL },
  /* For demonstrations (bash .ci/demo): an endpoint the setting does not name. */
  { "sync-url", 0, 0, G_OPTION_ARG_STRING_ARRAY, NULL,
    N_("Also sync council data from this OParl System URL in this run"), N_("URL") },
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

  if (g_variant_dict_lookup (options, "delivery-config", "^&ay", &path) && path != NULL && path[0] != '\0')
    {
      g_free (self->delivery_path);
      self->delivery_path = g_strdup (path);
    }
  {
    g_autofree const char **urls = NULL;

    if (g_variant_dict_lookup (options, "sync-url", "^a&s", &urls) && urls != NULL)
      {
        g_strfreev (self->sync_urls);
        self->sync_urls = g_strdupv ((char **) urls);
      }
  }

  if (g_variant_dict_contains (options, "kiosk") && g_variant_dict_contains (options, "windowed"))
    {
      g_printerr (_("--kiosk and --windowed cannot be used together\n"));
      return 1;
    }
  self->kiosk = g_variant_dict_contains (options, "kiosk");
  if (self->kiosk)
    bk_lockdown_environment ();

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
      GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (window)));
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, 0);

      gtk_window_set_decorated (window, FALSE);
      gtk_window_set_deletable (window, FALSE);
      /* Full screen needs a compositor or window manager that grants it
       * (cage does); an X server without one (a bare xinit kiosk) keeps
       * the window's own size, so that is the screen's too. */
      if (monitor != NULL)
        {
          GdkRectangle geometry;

          gdk_monitor_get_geometry (monitor, &geometry);
          gtk_window_set_default_size (window, geometry.width, geometry.height);
        }
      gtk_window_fullscreen (window);
      g_signal_connect (window, "close-request", G_CALLBACK (close_request_cb), NULL);
      /* No Inspector, emoji chooser or context menu (bk-lockdown.c). */
      bk_lockdown_install ();
      bk_lockdown_window (window);
    }
}

/* ---- screen reader ------------------------------------------------------- */

static void
update_screen_reader (BkApplication *self)
{
  if (self->screen_reader_forced)
    return;
  bk_voice_set_screen_reader_running (self->voice, bk_screen_reader_get_running (self->screen_reader));
}

static void
watch_screen_reader (BkApplication *self)
{
  self->screen_reader = bk_screen_reader_new ();
  g_signal_connect_object (self->screen_reader, "notify::running",
                           G_CALLBACK (update_screen_reader), self, G_CONNECT_SWAPPED);
}

/* ---- the OParl sync ------------------------------------------------------------ */

/* The endpoints of the setting oparl-endpoints, then those of --sync-url. */
static void
update_sync (BkApplication *self)
{
  GVariant *configured = bk_settings_get_variant (self->settings, "oparl-endpoints");
  g_autoptr(GArray) endpoints = g_array_new (FALSE, TRUE, sizeof (BkSyncEndpoint));
  GVariantIter iter;
  const char *name, *url;

  if (self->sync == NULL)
    return;
  if (configured != NULL)
    {
      g_variant_iter_init (&iter, configured);
      while (g_variant_iter_next (&iter, "(&s&s)", &name, &url))
        {
          BkSyncEndpoint endpoint = { url, *name != '\0' ? name : NULL };

          if (*url != '\0')
            g_array_append_val (endpoints, endpoint);
        }
    }
  for (guint i = 0; self->sync_urls != NULL && self->sync_urls[i] != NULL; i++)
    {
      BkSyncEndpoint endpoint = { self->sync_urls[i], NULL };

      g_array_append_val (endpoints, endpoint);
    }
  bk_sync_service_set_endpoints (self->sync, (BkSyncEndpoint *) (gpointer) endpoints->data, endpoints->len);
  /* the first sync soon after the start, then on the interval */
  bk_sync_service_set_schedule (self->sync,
                                (guint) bk_settings_get_int (self->settings, "oparl-sync-interval"),
                                (guint) bk_settings_get_int (self->settings, "oparl-full-sync-days"),
                                5);
}

static void
start_sync (BkApplication *self,
            BkStore       *store)
{
  if (self->sync != NULL || store == NULL || bk_store_get_path (store) == NULL ||
      bk_store_is_read_only (store))
    return;
  self->sync = bk_sync_service_new (bk_store_get_path (store), NULL);
  g_signal_connect_object (self->settings, "notify::oparl-endpoints",
                           G_CALLBACK (update_sync), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "notify::oparl-sync-interval",
                           G_CALLBACK (update_sync), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "notify::oparl-full-sync-days",
                           G_CALLBACK (update_sync), self, G_CONNECT_SWAPPED);
  update_sync (self);
}

/* ---- windows ---------------------------------------------------------------- */

/* The control that has the focus, as an action and target to find it again
 * in the new window (the focus may be on a child of the control). */
static GtkWidget *
focused_actionable (GtkWindow *window)
{
  for (GtkWidget *w = gtk_root_get_focus (GTK_ROOT (window)); w != NULL; w = gtk_widget_get_parent (w))
    if (GTK_IS_ACTIONABLE (w) && gtk_actionable_get_action_name (GTK_ACTIONABLE (w)) != NULL)
      return w;
  return NULL;
}

static void
page_shown_cb (BkApplication *self,
               const char    *page,
               GVariant      *target)
{
  bk_usage_page_shown (self->usage, page, target);
}

BkWindow *
_bk_application_new_window (BkApplication *self,
                            BkWindow      *old)
{
  /* A window in place of another keeps its services. */
  BkContext *context = old ? bk_window_get_context (old) : self->context;
  BkWindow *window;

  window = bk_window_new (GTK_APPLICATION (self), context, self->session, self->store_error);
  g_signal_connect_object (window, "page-shown", G_CALLBACK (page_shown_cb), self, G_CONNECT_SWAPPED);
  if (old != NULL)
    {
      int width, height;

      gtk_window_get_default_size (GTK_WINDOW (old), &width, &height);
      gtk_window_set_default_size (GTK_WINDOW (window), width, height);
      if (gtk_window_is_fullscreen (GTK_WINDOW (old)))
        gtk_window_fullscreen (GTK_WINDOW (window));
      else if (gtk_window_is_maximized (GTK_WINDOW (old)))
        gtk_window_maximize (GTK_WINDOW (window));
    }
  gtk_window_present (GTK_WINDOW (window));
  if (old != NULL)
    gtk_window_destroy (GTK_WINDOW (old));

  return window;
}

/* A window in the current interface language in place of old: the same
 * page where that is the start page or the panel (the language is chosen
 * there; from the panel, Back leads home), the focus on the same control. */
static void
rebuild_window (BkApplication *self,
                BkWindow      *old)
{
  gboolean on_panel = g_strcmp0 (bk_window_get_page_name (old), "accessibility") == 0;
  GtkWidget *focus = focused_actionable (GTK_WINDOW (old));
  g_autofree char *focus_action = NULL;
  g_autoptr(GVariant) focus_target = NULL;
  BkWindow *window;

  if (focus != NULL)
    {
      GVariant *target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (focus));

      focus_action = g_strdup (gtk_actionable_get_action_name (GTK_ACTIONABLE (focus)));
      focus_target = target ? g_variant_ref (target) : NULL;
    }

  /* The new window speaks its page when shown: quietly until it is the
   * page the citizen was on. */
  window = _bk_application_new_window (self, old);
  if (on_panel)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-accessibility", NULL);
  if (focus_action != NULL)
    {
      GtkWidget *same = bk_ui_find_actionable (GTK_WIDGET (window), focus_action, focus_target);

      if (same != NULL)
        gtk_widget_grab_focus (same);
    }
}

/* ---- delivery ------------------------------------------------------------ */

/* With a delivery file, submissions are sealed for their destinations and
 * delivered by the outbox's worker; without one they stay for the export.
 * A broken file is named to staff (the staff page) and in the journal. */
static void
start_outbox (BkApplication *self,
              BkStore       *store)
{
  g_autofree char *found = NULL;
  const char *path = self->delivery_path;
  g_autoptr(BkDeliveryConfig) config = NULL;
  g_autoptr(GError) error = NULL;

  if (self->outbox != NULL)
    {
      bk_context_set_outbox (self->context, self->outbox);
      return;
    }
  if (path == NULL)
    path = found = bk_delivery_config_find_default ();
  if (path == NULL || store == NULL || bk_store_is_read_only (store))
    return;
  config = bk_delivery_config_load (path, &error);
  if (config != NULL)
    self->outbox = bk_outbox_new (store, config, &error);
  if (self->outbox == NULL)
    {
      g_autofree char *warning = NULL;
      const char *previous = bk_context_get_staff_warning (self->context);

      g_message ("Submissions are not delivered: %s", error->message);
      /* Translators: shown only in staff mode; %s says what is wrong with the delivery file */
      warning = g_strdup_printf (_("Submissions are not delivered, they stay for the export: %s"), error->message);
      if (previous != NULL)
        {
          g_autofree char *both = g_strdup_printf ("%s\n\n%s", previous, warning);

          bk_context_set_staff_warning (self->context, both);
        }
      else
        bk_context_set_staff_warning (self->context, warning);
      return;
    }
  bk_context_set_outbox (self->context, self->outbox);
  bk_outbox_start (self->outbox);
}

/* systemd stops or restarts the kiosk with SIGTERM: end as Quit does, so
 * that the session's counts are written. */
static gboolean
terminate_cb (gpointer user_data)
{
  g_message ("Stopped by a signal: the kiosk quits");
  g_application_quit (G_APPLICATION (user_data));
  return G_SOURCE_CONTINUE;
}

static void
bk_application_startup (GApplication *application)
{
  G_APPLICATION_CLASS (bk_application_parent_class)->startup (application);

  /* The display is open; no window is realised yet. */
  bk_renderer_choose_for_display (gdk_display_get_default ());
  bk_renderer_keep_frame_pool (gdk_display_get_default ());
  bk_ui_init ();

  /* Colours, text size and motion follow the settings from the start. */
  {
    BkApplication *self = BK_APPLICATION (application);

    self->theme = bk_theme_new (self->settings);
  }

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
    self->usage = bk_usage_new (self->settings);
    g_signal_connect_object (self->voice, "utterance-started",
                             G_CALLBACK (bk_usage_speech_started), self->usage, G_CONNECT_SWAPPED);
    g_signal_connect_object (self->voice, "utterance-finished",
                             G_CALLBACK (bk_usage_speech_finished), self->usage, G_CONNECT_SWAPPED);

    self->session = bk_session_new (self->settings, self->voice);
    if (self->idle_timeout > 0)
      bk_session_set_idle_timeout_override (self->session, self->idle_timeout);
    g_signal_connect_object (self->session, "reset",
                             G_CALLBACK (bk_application_end_session), self, G_CONNECT_SWAPPED);
    g_signal_connect (self, "window-added", G_CALLBACK (window_added_cb), NULL);

    watch_screen_reader (self);
    _bk_application_actions_init (self);
    self->sigterm_source = g_unix_signal_add (SIGTERM, terminate_cb, self);
    self->sigint_source = g_unix_signal_add (SIGINT, terminate_cb, self);
  }
}

static void
bk_application_shutdown (GApplication *application)
{
  BkApplication *self = BK_APPLICATION (application);

  g_clear_handle_id (&self->sigterm_source, g_source_remove);
  g_clear_handle_id (&self->sigint_source, g_source_remove);
  if (self->usage != NULL)
    bk_usage_end_session (self->usage);
  /* The request under way is cut off; its entry is taken up at the next start. */
  if (self->outbox != NULL)
    bk_outbox_stop (self->outbox);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->screen_reader);
  if (self->voice != NULL)
    bk_voice_stop (self->voice);
  if (self->sync != NULL)
    bk_sync_service_shutdown (self->sync);

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
    g_clear_object (&self->context);
    self->context = bk_context_new (store, self->settings, self->voice, self->usage);
    if (report.broken_path != NULL)
      {
        g_autofree char *warning = g_strdup_printf (
            /* Translators: shown only in staff mode; %s is the moved file */
            _("The database could not be used and was moved to %s. Until a backup is restored, "
              "the kiosk shows the demo content after every start and saves nothing (no "
              "requests, no statistics). Restore one from the folder “backups” beside it with "
              "“buergerkiosk-ctl restore FILE”, then restart the kiosk."), report.broken_path);

        bk_context_set_staff_warning (self->context, warning);
      }
    else if (report.write_protected)
      {
        g_autofree char *warning = g_strdup_printf (
            /* Translators: shown only in staff mode; %s is the database file */
            _("The database %s cannot be written (its file permissions or a read-only disk). "
              "The kiosk shows its content but takes no requests and counts no statistics. "
              "Make it writable for the kiosk's user, then restart the kiosk."),
            bk_store_get_path (store));

        bk_context_set_staff_warning (self->context, warning);
      }
    bk_usage_set_store (self->usage, store);
    start_outbox (self, store);
    start_sync (self, store);
    bk_context_set_sync (self->context, self->sync);
  }
  g_clear_error (&self->store_error);
  if (error != NULL)
    self->store_error = g_error_copy (error);
  if (store == NULL)
    g_warning ("Could not open the database %s: %s",
               path ? path : "(default)",
               error ? error->message : "unknown error");

  _bk_application_new_window (self, NULL);
}

static void
bk_application_finalize (GObject *object)
{
  BkApplication *self = (BkApplication *)object;

  g_clear_object (&self->screen_reader);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);
  g_clear_handle_id (&self->language_source, g_source_remove);
  g_clear_pointer (&self->language_announcement_key, g_free);
  g_clear_error (&self->store_error);
  g_clear_object (&self->context);
  g_clear_object (&self->outbox);
  g_clear_pointer (&self->delivery_path, g_free);
  g_clear_object (&self->sync);
  g_clear_pointer (&self->sync_urls, g_strfreev);
  g_clear_object (&self->usage);
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

/* The end of a citizen's session: settings back to the kiosk defaults,
 * then speech stopped and the settings applied to it again, the usage
 * counted. Staff settings (headset, database) stay. */
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
  if (self->usage != NULL)
    bk_usage_end_session (self->usage);
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
    _bk_application_set_language (self);

  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (GList *l = windows; l != NULL; l = l->next)
    if (BK_IS_WINDOW (l->data))
      _bk_application_new_window (self, l->data);
  /* Nobody is there to hear the start page. */
  if (self->voice != NULL)
    bk_voice_stop (self->voice);
  g_message ("Idle reset: the citizen's session ended");
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
  _bk_application_set_language (self);

  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (GList *l = windows; l != NULL; l = l->next)
    if (BK_IS_WINDOW (l->data))
      rebuild_window (self, l->data);
}

BkUsage *
bk_application_get_usage (BkApplication *self)
{
  g_return_val_if_fail (BK_IS_APPLICATION (self), NULL);

  return self->usage;
}
