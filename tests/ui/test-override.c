/* test-override.c: a kiosk configured by its deployment stays so
 *
 * The real application under a gschema override (speech off, volume 60,
 * slow, captions off, 150 % text, high contrast): at start, after a
 * citizen's session reset and after the idle reset, every session setting
 * is the deployment's and speech follows the settings, never the C
 * defaults. Windows rebuilt on a language change or an idle reset are
 * finalized (a kiosk runs for weeks).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "bk-config.h"

#include <adwaita.h>

#include "bk-ui.h"
#include "bk-ui-test-util.h"

static BkApplication *app;

static void
assert_speech_follows_settings (void)
{
  BkSettings *settings = bk_application_get_settings (app);
  BkSpeech *speech = bk_application_get_speech (app);

  if (speech == NULL)
    {
      g_test_skip ("no speech (espeak-ng data missing)");
      return;
    }
  g_assert_cmpint (bk_speech_get_enabled (speech), ==, bk_settings_get_speech_enabled (settings));
  g_assert_cmpint (bk_speech_get_rate (speech), ==, bk_settings_get_speech_rate (settings));
  g_assert_cmpuint (bk_speech_get_volume (speech), ==, bk_settings_get_speech_volume (settings));
}

/* Every session key has the deployment's value (the schema's default with
 * the override). */
static void
assert_deployment_values (void)
{
  BkSettings *settings = bk_application_get_settings (app);

  g_assert_false (bk_settings_get_speech_enabled (settings));
  g_assert_cmpint (bk_settings_get_speech_volume (settings), ==, 60);
  g_assert_cmpint (bk_settings_get_speech_rate (settings), ==, 1);
  g_assert_false (bk_settings_get_captions_enabled (settings));
  g_assert_cmpint (bk_settings_get_int (settings, "text-scale"), ==, 150);
  g_assert_cmpstr (bk_settings_get_string (settings, "theme"), ==, "high-contrast-dark");
  assert_speech_follows_settings ();
}

/* What a citizen does in the panel. */
static void
change_everything (void)
{
  BkSettings *settings = bk_application_get_settings (app);

  bk_settings_set_speech_enabled (settings, TRUE);
  bk_settings_set_speech_volume (settings, 90);
  bk_settings_set_speech_rate (settings, 4);
  bk_settings_set_captions_enabled (settings, TRUE);
  bk_settings_set_int (settings, "text-scale", 300);
  bk_settings_set_string (settings, "theme", "yellow-on-black");
  assert_speech_follows_settings ();
}

static void
test_start (void)
{
  assert_deployment_values ();
}

static void
test_session_reset (void)
{
  change_everything ();
  g_assert_true (bk_settings_get_speech_enabled (bk_application_get_settings (app)));
  bk_application_reset_session (app);
  assert_deployment_values ();
}

static void
test_idle_reset (void)
{
  g_autoptr(BkStore) store = bk_ui_test_demo_store_new ();
  BkWindow *window = bk_ui_test_attached_window_new (app, store, NULL);
  GtkWidget *page = bk_window_get_page (window, "motion");

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  g_object_add_weak_pointer (G_OBJECT (page), (gpointer *) &page);
  change_everything ();
  bk_application_end_session (app);
  bk_ui_test_iterate (200);
  assert_deployment_values ();

  /* The old window and its pages are gone, not only hidden. */
  g_assert_null (window);
  g_assert_null (page);
  bk_ui_test_window_destroy (bk_ui_test_current_window (app));
}

static void
test_language_rebuild (void)
{
  g_autoptr(BkStore) store = bk_ui_test_demo_store_new ();
  BkWindow *window = bk_ui_test_attached_window_new (app, store, NULL);
  BkWindow *rebuilt;
  GtkWidget *page = bk_window_get_page (window, "form");

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  g_object_add_weak_pointer (G_OBJECT (page), (gpointer *) &page);
  bk_settings_set_string (bk_application_get_settings (app), "language", "en");
  bk_application_apply_language (app);
  bk_ui_test_iterate (200);

  g_assert_null (window);
  g_assert_null (page);
  rebuilt = bk_ui_test_current_window (app);
  /* The new window has the same services. */
  g_assert_true (bk_window_get_store (rebuilt) == store);
  bk_ui_test_window_destroy (rebuilt);
  bk_application_reset_session (app);
}

int
main (int argc, char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  bk_ui_init ();

  app = bk_ui_test_app_new ();
  bk_application_set_screen_reader_running (app, FALSE);

  g_test_add_func ("/override/start", test_start);
  g_test_add_func ("/override/session-reset", test_session_reset);
  g_test_add_func ("/override/idle-reset", test_idle_reset);
  g_test_add_func ("/override/language-rebuild", test_language_rebuild);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
