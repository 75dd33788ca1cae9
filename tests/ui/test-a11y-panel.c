/* test-a11y-panel.c: the accessibility panel, the language choice and the
 * runtime language switch
 *
 * Runs with GTK_A11Y=test under gui-run.sh, speech into memory. The
 * catalogues are the build tree's (bk_i18n_init binds them); the expected
 * translations are looked up in them, so the test checks that the rebuilt
 * window uses the catalogue, not what a translator wrote.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "bk-ui-test-util.h"
#include "bk-config.h"

#include <string.h>
#include <adwaita.h>
#include <glib/gi18n.h>

#include "bk-a11y-actions.h"
#include "bk-a11y-page.h"
#include "bk-application.h"
#include "bk-home-page.h"
#include "bk-i18n.h"
#include "bk-ui.h"
#include "bk-voice.h"
#include "bk-window.h"

static BkApplication *app;

typedef struct
{
  const char *action;     /* without "app." */
  const char *target;     /* GVariant text; NULL for a boolean */
  const char *announced;  /* part of what is said (English) */
} Control;

/* Every value the panel offers. Booleans come last: speech off would
 * silence what follows. */
static const Control choices[] = {
  { "theme", "'high-contrast-dark'", "Colours: High contrast dark" },
  { "theme", "'high-contrast-light'", "Colours: High contrast light" },
  { "theme", "'yellow-on-black'", "Colours: Yellow on black" },
  { "theme", "'standard'", "Colours: Standard" },
  { "text-scale", "150", "Text size: 150 percent" },
  { "text-scale", "200", "Text size: 200 percent" },
  { "text-scale", "300", "Text size: 300 percent" },
  { "text-scale", "100", "Text size: 100 percent" },
  { "speech-rate", "0", "Speech rate: very slow" },
  { "speech-rate", "1", "Speech rate: slow" },
  { "speech-rate", "3", "Speech rate: fast" },
  { "speech-rate", "4", "Speech rate: very fast" },
  { "speech-rate", "2", "Speech rate: normal" },
  { "key-debounce", "300", "Key debounce: 0.3 seconds" },
  { "key-debounce", "500", "Key debounce: 0.5 seconds" },
  { "key-debounce", "1000", "Key debounce: 1 second" },
  { "key-debounce", "0", "Key debounce off" },
  { "scan-mode", "'two-switch'", "Switch control: two switches" },
  { "scan-mode", "'one-switch'", "Switch control: one switch" },
  { "scan-mode", "'off'", "Switch control: off" },
};

static const Control toggles[] = {
  { "reduced-motion", NULL, "Reduced motion" },
  { "explore-mode", NULL, "Explore mode" },
  { "captions-enabled", NULL, "spoken text" },
  { "speech-enabled", NULL, "Speech" },
};

static const char * const languages[] = { "de", "en", "tr", "ar", "uk" };

/* ---- helpers ------------------------------------------------------------ */

typedef struct
{
  BkStore   *store;
  gint64     motion_id;
  GPtrArray *said;
  gulong     handler;
  BkWindow  *window;
} Fixture;

static gboolean
speech_available (void)
{
  return bk_application_get_speech (app) != NULL;
}

static gboolean
find_said (Fixture    *f,
           const char *needle)
{
  return bk_ui_test_said_find (f->said, needle) != NULL;
}

/* Waits for an utterance containing needle; TRUE at once without speech. */
static gboolean
wait_said (Fixture    *f,
           const char *needle)
{
  return !speech_available () || bk_ui_test_said_wait (f->said, needle, 5) != NULL;
}

/* A click, as a touch or Enter gives it (gtk_widget_activate on a button
 * clicks only after its press animation). */
static void
press (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget))
    g_signal_emit_by_name (widget, "clicked");
  else
    g_assert_true (gtk_widget_activate (widget));
  bk_ui_test_iterate (20);
}

static BkSettings *
settings (void)
{
  return bk_application_get_settings (app);
}

static void
fixture_init (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BkMotion) motion = bk_motion_new ();

  f->store = bk_store_open (NULL, 0, &error);
  g_assert_no_error (error);
  motion->subject = g_strdup ("Rampe am Rathauseingang");
  motion->date = g_strdup ("2026-01-10");
  g_assert_true (bk_store_save_motion (f->store, motion, &error));
  f->motion_id = motion->id;

  f->said = bk_ui_test_said_new (bk_application_get_voice (app), &f->handler);

  f->window = bk_ui_test_attached_window_new (app, f->store, NULL);
}

static void
fixture_clear (Fixture *f)
{
  bk_voice_stop (bk_application_get_voice (app));
  g_signal_handler_disconnect (bk_application_get_voice (app), f->handler);
  /* Back to the test's English for the next case. */
  bk_application_reset_session (app);
  bk_settings_set_string (settings (), "language", "en");
  bk_application_apply_language (app);
  gtk_window_destroy (GTK_WINDOW (bk_ui_test_current_window (app)));
  bk_ui_test_iterate (50);
  g_clear_pointer (&f->said, g_ptr_array_unref);
  g_clear_object (&f->store);
}

static GtkWidget *
panel (BkWindow *window)
{
  return bk_window_get_page (window, "accessibility");
}

static void
open_panel (Fixture *f)
{
  f->window = bk_ui_test_current_window (app);
  bk_ui_test_open_page (f->window, "win.show-accessibility", NULL);
  g_assert_cmpstr (bk_window_get_page_name (f->window), ==, "accessibility");
}

static GtkWidget *
find_control (GtkWidget  *root,
              const char *action,
              const char *target)
{
  g_autofree char *name = g_strconcat ("app.", action, NULL);
  g_autoptr(GVariant) value = target ? g_variant_parse (NULL, target, NULL, NULL, NULL) : NULL;

  return bk_ui_find_actionable (root, name, value);
}

static void
collect_actionables (GtkWidget *widget,
                     GPtrArray *out)
{
  if (!gtk_widget_get_visible (widget))
    return;
  if (GTK_IS_ACTIONABLE (widget) && gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)) != NULL)
    g_ptr_array_add (out, widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    collect_actionables (c, out);
}

/* The setting as the action's state text, e.g. 'yellow-on-black' or 200. */
static char *
dup_state (const char *action)
{
  g_autoptr(GVariant) state = g_action_group_get_action_state (G_ACTION_GROUP (app), action);

  g_assert_nonnull (state);
  return g_variant_print (state, FALSE);
}

/* Switches the language through the setting, as a button would, and waits
 * for the window to be rebuilt. */
static BkWindow *
switch_language (Fixture    *f,
                 const char *code,
                 gboolean    easy_read)
{
  BkWindow *old = bk_ui_test_current_window (app);
  BkWindow *window;
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  gboolean changes = g_strcmp0 (bk_settings_get_string (settings (), "language"), code) != 0 ||
                     bk_settings_get_boolean (settings (), "easy-read") != easy_read;

  bk_settings_set_boolean (settings (), "easy-read", easy_read);
  bk_settings_set_string (settings (), "language", code);

  while (changes && bk_ui_test_current_window (app) == old && g_get_monotonic_time () < end)
    bk_ui_test_iterate (20);
  bk_ui_test_iterate (100);

  window = bk_ui_test_current_window (app);
  if (changes)
    g_assert_true (window != old);
  f->window = window;
  return window;
}

/* ---- tests -------------------------------------------------------------- */

/* Every control: named, the right role, its state; the values all there. */
static void
test_controls (void)
{
  Fixture f;
  g_autoptr(GPtrArray) controls = g_ptr_array_new ();
  guint n_toggles = 0, n_checks = 0, n_headings = 0;

  fixture_init (&f);
  open_panel (&f);
  /* The focus starts on the first control. */
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f.window)) ==
                 find_control (panel (f.window), "theme", "'standard'"));

  collect_actionables (panel (f.window), controls);
  g_assert_cmpuint (controls->len, >=, 30);

  for (guint i = 0; i < controls->len; i++)
    {
      GtkWidget *w = g_ptr_array_index (controls, i);
      const char *action = gtk_actionable_get_action_name (GTK_ACTIONABLE (w));
      g_autofree char *label = bk_ui_test_dup_label (w);

      g_test_message ("%s %s: %s", G_OBJECT_TYPE_NAME (w), action, label);
      g_assert_nonnull (label);
      g_assert_cmpstr (g_strstrip (label), !=, "");
      g_assert_true (gtk_widget_get_focusable (w));

      if (GTK_IS_TOGGLE_BUTTON (w))
        {
          gboolean active = gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (w));
          g_autofree char *state = dup_state (action + strlen ("app."));
          g_autofree char *target = g_variant_print (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (w)), FALSE);

          n_toggles++;
          /* One of many: a radio button that says whether it is checked
           * (GTK 4.8 sends a toggle button as a plain push button). */
          gtk_test_accessible_assert_role (w, GTK_ACCESSIBLE_ROLE_RADIO);
          gtk_test_accessible_assert_state (w, GTK_ACCESSIBLE_STATE_CHECKED,
                                            active ? GTK_ACCESSIBLE_TRISTATE_TRUE : GTK_ACCESSIBLE_TRISTATE_FALSE);
          g_assert_cmpint (active, ==, g_str_equal (state, target));
        }
      else if (GTK_IS_CHECK_BUTTON (w))
        {
          gboolean active = gtk_check_button_get_active (GTK_CHECK_BUTTON (w));

          n_checks++;
          gtk_test_accessible_assert_role (w, GTK_ACCESSIBLE_ROLE_CHECKBOX);
          gtk_test_accessible_assert_state (w, GTK_ACCESSIBLE_STATE_CHECKED,
                                            active ? GTK_ACCESSIBLE_TRISTATE_TRUE : GTK_ACCESSIBLE_TRISTATE_FALSE);
        }
      else
        gtk_test_accessible_assert_role (w, GTK_ACCESSIBLE_ROLE_BUTTON);

      /* Touch targets */
      g_assert_cmpint (gtk_widget_get_height (w), >=, 64);
      g_assert_cmpint (gtk_widget_get_width (w), >=, 64);
    }

  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    g_assert_nonnull (find_control (panel (f.window), choices[i].action, choices[i].target));
  for (guint i = 0; i < G_N_ELEMENTS (toggles); i++)
    g_assert_nonnull (find_control (panel (f.window), toggles[i].action, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      g_autofree char *target = g_strdup_printf ("'%s'", languages[i]);
      GtkWidget *w = find_control (panel (f.window), "language", target);
      g_autofree char *label = NULL;

      g_assert_nonnull (w);
      /* Each language named in itself, whatever the interface language. */
      label = bk_ui_test_dup_label (w);
      g_assert_cmpstr (label, ==, bk_i18n_get_native_name (languages[i]));
    }
  g_assert_nonnull (find_control (panel (f.window), "easy-read", NULL));
  g_assert_nonnull (find_control (panel (f.window), "speech-quieter", NULL));
  g_assert_nonnull (find_control (panel (f.window), "speech-louder", NULL));
  g_assert_nonnull (find_control (panel (f.window), "reset-accessibility", NULL));
  g_assert_cmpuint (n_toggles, >=, 25);
  g_assert_cmpuint (n_checks, >=, 5);

  /* Headings of the groups: role heading, level 2. */
  {
    g_autoptr(GPtrArray) stack = g_ptr_array_new ();

    g_ptr_array_add (stack, panel (f.window));
    while (stack->len > 0)
      {
        GtkWidget *w = g_ptr_array_steal_index (stack, stack->len - 1);

        if (GTK_IS_LABEL (w) &&
            gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (w)) == GTK_ACCESSIBLE_ROLE_HEADING)
          {
            g_autofree char *wrong = gtk_test_accessible_check_property (GTK_ACCESSIBLE (w), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2);

            if (wrong == NULL)
              n_headings++;
            /* Wrapping, never ellipsized: it reflows at 300 %. */
            g_assert_true (gtk_label_get_wrap (GTK_LABEL (w)));
          }
        for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
          g_ptr_array_add (stack, c);
      }
  }
  g_assert_cmpuint (n_headings, >=, 9);

  fixture_clear (&f);
}

/* Each choice changes its setting, the toggles follow, and it is said. */
static void
test_actions (void)
{
  Fixture f;

  fixture_init (&f);
  open_panel (&f);

  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    {
      GtkWidget *button = find_control (panel (f.window), choices[i].action, choices[i].target);
      g_autofree char *state = NULL;
      g_autoptr(GPtrArray) controls = g_ptr_array_new ();

      g_ptr_array_set_size (f.said, 0);
      gtk_widget_grab_focus (button);
      press (button);
      bk_ui_test_iterate (20);

      state = dup_state (choices[i].action);
      g_assert_cmpstr (state, ==, choices[i].target);
      g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)));
      gtk_test_accessible_assert_state (button, GTK_ACCESSIBLE_STATE_PRESSED, TRUE);

      /* Only one of a group is pressed. */
      collect_actionables (panel (f.window), controls);
      for (guint j = 0; j < controls->len; j++)
        {
          GtkWidget *w = g_ptr_array_index (controls, j);
          g_autofree char *name = g_strconcat ("app.", choices[i].action, NULL);

          if (w != button && GTK_IS_TOGGLE_BUTTON (w) &&
              g_str_equal (gtk_actionable_get_action_name (GTK_ACTIONABLE (w)), name))
            g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (w)));
        }

      g_assert_true (wait_said (&f, choices[i].announced));
      if (speech_available ())
        g_assert_cmpstr (bk_voice_get_last_language (bk_application_get_voice (app)), ==, "en");
    }

  for (guint i = 0; i < G_N_ELEMENTS (toggles); i++)
    {
      GtkWidget *check = find_control (panel (f.window), toggles[i].action, NULL);
      gboolean before = bk_settings_get_boolean (settings (), toggles[i].action);

      g_ptr_array_set_size (f.said, 0);
      press (check);
      bk_ui_test_iterate (20);
      g_assert_cmpint (bk_settings_get_boolean (settings (), toggles[i].action), ==, !before);
      g_assert_cmpint (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)), ==, !before);
      gtk_test_accessible_assert_state (check, GTK_ACCESSIBLE_STATE_CHECKED,
                                        !before ? GTK_ACCESSIBLE_TRISTATE_TRUE : GTK_ACCESSIBLE_TRISTATE_FALSE);
      /* Speech switched off says nothing any more. */
      if (!g_str_equal (toggles[i].action, "speech-enabled"))
        g_assert_true (wait_said (&f, toggles[i].announced));

      press (check);
      bk_ui_test_iterate (20);
      g_assert_cmpint (bk_settings_get_boolean (settings (), toggles[i].action), ==, before);
    }

  /* Volume − / + with the percentage shown in words. */
  {
    GtkWidget *louder = find_control (panel (f.window), "speech-louder", NULL);
    int volume = bk_settings_get_speech_volume (settings ());
    g_autofree char *expected = NULL;

    bk_settings_set_speech_volume (settings (), 50);
    press (louder);
    bk_ui_test_iterate (20);
    g_assert_cmpint (bk_settings_get_speech_volume (settings ()), >, 50);
    expected = g_strdup_printf ("Volume %d percent", bk_settings_get_speech_volume (settings ()));
    g_assert_true (wait_said (&f, expected));
    bk_settings_set_speech_volume (settings (), volume);
  }

  /* The scanning interval: + asks for the next step, the label follows. */
  {
    GtkWidget *longer = NULL;
    g_autoptr(GPtrArray) controls = g_ptr_array_new ();
    int interval = bk_settings_get_int (settings (), "scan-interval");

    collect_actionables (panel (f.window), controls);
    for (guint j = 0; j < controls->len; j++)
      {
        GtkWidget *w = g_ptr_array_index (controls, j);
        GVariant *t = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (w));

        if (g_str_equal (gtk_actionable_get_action_name (GTK_ACTIONABLE (w)), "app.scan-interval") &&
            t != NULL && g_variant_get_int32 (t) > interval)
          longer = w;
      }
    g_assert_nonnull (longer);
    g_ptr_array_set_size (f.said, 0);
    press (longer);
    bk_ui_test_iterate (20);
    g_assert_cmpint (bk_settings_get_int (settings (), "scan-interval"), ==, interval + 500);
    g_assert_true (wait_said (&f, "Scanning interval: 2 seconds"));
  }

  /* With a screen reader the kiosk's voice keeps quiet: the reader says
   * the new state of the toggle itself. */
  {
    GtkWidget *big = find_control (panel (f.window), "text-scale", "200");

    bk_application_set_screen_reader_running (app, TRUE);
    g_ptr_array_set_size (f.said, 0);
    press (big);
    bk_ui_test_iterate (300);
    g_assert_cmpint (bk_settings_get_int (settings (), "text-scale"), ==, 200);
    g_assert_false (find_said (&f, "Text size"));
    bk_application_set_screen_reader_running (app, FALSE);
  }

  fixture_clear (&f);
}

static void
assert_panel_defaults (void)
{
  const char * const *keys = bk_a11y_actions_get_keys ();

  for (guint i = 0; keys[i] != NULL; i++)
    {
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (settings ()), keys[i]);
      g_auto(GValue) value = G_VALUE_INIT;

      if (g_str_equal (keys[i], "language"))
        continue;
      g_value_init (&value, pspec->value_type);
      g_object_get_property (G_OBJECT (settings ()), keys[i], &value);
      if (g_param_values_cmp (pspec, &value, g_param_spec_get_default_value (pspec)) != 0)
        g_error ("Setting %s is not back to its default", keys[i]);
    }
}

static void
change_everything (void)
{
  bk_settings_set_string (settings (), "theme", "yellow-on-black");
  bk_settings_set_int (settings (), "text-scale", 300);
  bk_settings_set_boolean (settings (), "reduced-motion", TRUE);
  bk_settings_set_int (settings (), "key-debounce", 500);
  bk_settings_set_int (settings (), "speech-rate", 4);
  bk_settings_set_int (settings (), "speech-volume", 30);
  bk_settings_set_boolean (settings (), "captions-enabled", FALSE);
  bk_settings_set_int (settings (), "scan-interval", 3000);
}

/* Back to standard: every panel setting to the kiosk default, the
 * language kept; a session end restores the language too. */
static void
test_reset (void)
{
  Fixture f;
  GtkWidget *reset;

  fixture_init (&f);
  switch_language (&f, "uk", FALSE);
  open_panel (&f);
  change_everything ();
  bk_ui_test_iterate (50);

  reset = find_control (panel (f.window), "reset-accessibility", NULL);
  g_ptr_array_set_size (f.said, 0);
  press (reset);
  bk_ui_test_iterate (50);

  assert_panel_defaults ();
  g_assert_cmpstr (bk_settings_get_string (settings (), "language"), ==, "uk");
  g_assert_true (bk_ui_test_current_window (app) == f.window);   /* no rebuild: the language stayed */
  g_assert_true (wait_said (&f, g_dgettext (GETTEXT_PACKAGE, "All settings are back to standard")));
  /* The toggles follow the reset. */
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (find_control (panel (f.window), "theme", "'standard'"))));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (find_control (panel (f.window), "text-scale", "100"))));

  change_everything ();
  bk_application_reset_session (app);
  assert_panel_defaults ();
  g_assert_cmpstr (bk_settings_get_string (settings (), "language"), ==, "de");

  fixture_clear (&f);
}

static GtkWidget *
services_button (BkWindow *window)
{
  return bk_home_page_get_choice (BK_HOME_PAGE (bk_window_get_page (window, "home")), 0);
}

/* de → en → ar → uk → tr → de: each a new window in that language. */
static void
test_language_switch (void)
{
  static const char * const order[] = { "de", "en", "ar", "uk", "tr", "de" };
  Fixture f;

  fixture_init (&f);

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      const char *code = order[i];
      BkWindow *window = switch_language (&f, code, FALSE);
      g_autofree char *label = bk_ui_test_dup_label (services_button (window));
      const char *expected = g_dgettext (GETTEXT_PACKAGE, "Services");

      g_test_message ("%s: Services = %s", code, label);
      g_assert_cmpstr (g_getenv ("LANGUAGE"), ==, code);
      g_assert_cmpstr (label, ==, expected);
      if (!g_str_equal (code, "en"))
        g_assert_cmpstr (expected, !=, "Services");   /* the catalogue is there */
      g_assert_cmpstr (bk_voice_get_interface_language (), ==, code);
      g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (window)), ==,
                       g_str_equal (code, "ar") ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);
      g_assert_cmpstr (bk_window_get_page_name (window), ==, "home");
      g_assert_true (bk_window_get_voice (window) == bk_application_get_voice (app));
    }

  fixture_clear (&f);
}

/* From the panel: the new window shows the panel, Back leads home, the
 * focus is on the language chosen, and it is said in the new language. */
static void
test_language_from_panel (void)
{
  Fixture f;
  GtkWidget *german;
  BkWindow *old;
  BkWindow *window;
  GtkWidget *focus;
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  fixture_init (&f);
  switch_language (&f, "en", FALSE);
  open_panel (&f);
  old = f.window;

  german = find_control (panel (old), "language", "'de'");
  gtk_widget_grab_focus (german);
  g_ptr_array_set_size (f.said, 0);
  press (german);
  while (bk_ui_test_current_window (app) == old && g_get_monotonic_time () < end)
    bk_ui_test_iterate (20);
  bk_ui_test_iterate (100);

  window = bk_ui_test_current_window (app);
  g_assert_true (window != old);
  g_assert_cmpstr (bk_window_get_page_name (window), ==, "accessibility");
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (focus == find_control (panel (window), "language", "'de'") ||
                 gtk_widget_is_ancestor (focus, find_control (panel (window), "language", "'de'")));
  {
    g_autofree char *said = g_strdup_printf (g_dgettext (GETTEXT_PACKAGE, "Language: %s"), "Deutsch");

    /* In German once the catalogue has it; spoken with the German voice. */
    g_assert_true (wait_said (&f, said));
  }
  if (speech_available ())
    g_assert_cmpstr (bk_voice_get_last_language (bk_application_get_voice (app)), ==, "de");

  bk_ui_test_open_page (window, "win.back", NULL);
  g_assert_cmpstr (bk_window_get_page_name (window), ==, "home");

  f.window = window;
  fixture_clear (&f);
}

/* Easy-read: the de@easy catalogue for German; another language keeps its
 * own and the panel says that easy-read is German only. */
static void
test_easy_read (void)
{
  Fixture f;
  BkWindow *window;
  g_autofree char *german = NULL;
  g_autofree char *easy = NULL;
  GtkWidget *note;

  fixture_init (&f);
  window = switch_language (&f, "de", FALSE);
  german = bk_ui_test_dup_label (services_button (window));

  window = switch_language (&f, "de", TRUE);
  easy = bk_ui_test_dup_label (services_button (window));
  g_test_message ("Services: %s / easy-read: %s", german, easy);
  g_assert_cmpstr (g_getenv ("LANGUAGE"), ==, "de@easy:de");
  g_assert_cmpstr (easy, ==, g_dgettext (GETTEXT_PACKAGE, "Services"));
  g_assert_cmpstr (easy, !=, german);
  g_assert_cmpstr (bk_voice_get_interface_language (), ==, "de");

  window = switch_language (&f, "en", TRUE);
  g_assert_cmpstr (g_getenv ("LANGUAGE"), ==, "en");
  bk_ui_test_open_page (window, "win.show-accessibility", NULL);
  note = NULL;
  {
    g_autoptr(GPtrArray) stack = g_ptr_array_new ();

    g_ptr_array_add (stack, panel (window));
    while (stack->len > 0 && note == NULL)
      {
        GtkWidget *w = g_ptr_array_steal_index (stack, stack->len - 1);

        if (GTK_IS_LABEL (w) && strstr (gtk_label_get_text (GTK_LABEL (w)), "German only") != NULL)
          note = w;
        for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
          g_ptr_array_add (stack, c);
      }
  }
  g_assert_nonnull (note);
  g_assert_true (gtk_widget_get_visible (note));

  /* The note follows the language at once, before the window is rebuilt. */
  bk_settings_set_string (settings (), "language", "de");
  g_assert_false (gtk_widget_get_visible (note));
  bk_ui_test_iterate (100);

  fixture_clear (&f);
}

static gboolean
has_f2_shortcut (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == GDK_KEY_F2 &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == 0 &&
              GTK_IS_NAMED_ACTION (action) &&
              g_str_equal (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)), "win.show-accessibility"))
            return TRUE;
        }
    }
  return FALSE;
}

/* F2 and the header button lead to the panel from every page. */
static void
test_every_page (void)
{
  Fixture f;
  g_auto(GStrv) pages = NULL;
  g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "test");
  BkWindow *broken;

  fixture_init (&f);
  f.window = bk_ui_test_current_window (app);
  g_assert_true (has_f2_shortcut (GTK_WIDGET (f.window)));

  pages = bk_window_dup_page_names (f.window);
  for (guint i = 0; pages[i] != NULL; i++)
    {
      GtkWidget *button = bk_window_get_a11y_button (f.window);

      /* The error page of a window that has its database is empty: it is
       * tested below, in a window without one. */
      if (g_str_equal (pages[i], "accessibility") || g_str_equal (pages[i], "error"))
        continue;
      /* Staff mode ends when the staff leave their page (tests/ui/test-staff.c). */
      if (g_str_equal (pages[i], "staff"))
        continue;
      g_test_message ("page %s", pages[i]);
      bk_ui_test_open_page (f.window, "win.home", NULL);
      g_assert_true (bk_window_show_page (f.window, pages[i], g_str_equal (pages[i], "motion") ? f.motion_id : 0));
      bk_ui_test_iterate (50);
      g_assert_true (gtk_widget_is_visible (button));
      g_assert_true (gtk_widget_is_sensitive (button));

      press (button);
      bk_ui_test_iterate (50);
      g_assert_cmpstr (bk_window_get_page_name (f.window), ==, "accessibility");
      bk_ui_test_open_page (f.window, "win.back", NULL);
      g_assert_cmpstr (bk_window_get_page_name (f.window), ==, pages[i]);
    }

  /* The error page too, in a window without a database. */
  broken = bk_ui_test_attached_window_new (app, NULL, error);
  g_assert_cmpstr (bk_window_get_page_name (broken), ==, "error");
  bk_ui_test_open_page (broken, "win.show-accessibility", NULL);
  g_assert_cmpstr (bk_window_get_page_name (broken), ==, "accessibility");
  bk_ui_test_open_page (broken, "win.back", NULL);
  g_assert_cmpstr (bk_window_get_page_name (broken), ==, "error");
  bk_ui_test_window_destroy (broken);

  fixture_clear (&f);
}

/* The start page: a language choice, each named in itself, and the way to
 * the panel. */
static void
test_home (void)
{
  Fixture f;
  GtkWidget *home;
  GtkWidget *button;

  fixture_init (&f);
  f.window = switch_language (&f, "en", FALSE);
  home = bk_window_get_page (f.window, "home");

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      g_autofree char *target = g_strdup_printf ("'%s'", languages[i]);
      GtkWidget *w = find_control (home, "language", target);
      g_autofree char *label = NULL;

      g_assert_nonnull (w);
      label = bk_ui_test_dup_label (w);
      g_assert_cmpstr (label, ==, bk_i18n_get_native_name (languages[i]));
      gtk_test_accessible_assert_role (w, GTK_ACCESSIBLE_ROLE_RADIO);
      gtk_test_accessible_assert_state (w, GTK_ACCESSIBLE_STATE_CHECKED,
                                        g_str_equal (languages[i], "en") ? GTK_ACCESSIBLE_TRISTATE_TRUE
                                                                         : GTK_ACCESSIBLE_TRISTATE_FALSE);
    }

  button = bk_ui_find_actionable (home, "win.show-accessibility", NULL);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  press (button);
  bk_ui_test_iterate (50);
  g_assert_cmpstr (bk_window_get_page_name (f.window), ==, "accessibility");

  fixture_clear (&f);
}

/* Bad input: an unknown language is refused with a warning naming it, and
 * the language stays (structured logging: g_test_expect_message does not
 * see the warning, so in a subprocess). */
static void
test_unknown_language (void)
{
  g_autofree char *before = NULL;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();
      g_test_trap_assert_stderr ("*WARNING*Language “xx” is not one of the kiosk's languages*");
      return;
    }

  g_log_set_always_fatal (G_LOG_FATAL_MASK);
  before = g_strdup (g_getenv ("LANGUAGE"));
  bk_i18n_set_language ("xx", FALSE);
  g_assert_cmpstr (g_getenv ("LANGUAGE"), ==, before);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* The build tree's catalogues, English to begin with. */
  bk_i18n_init (FALSE);
  bk_ui_test_init (&argc, &argv);

  app = bk_ui_test_app_new ();
  /* Held: the language switch closes the last window and opens a new one. */
  g_application_hold (G_APPLICATION (app));
  bk_settings_set_string (settings (), "language", "en");
  bk_i18n_set_language ("en", FALSE);

  g_test_add_func ("/a11y-panel/controls", test_controls);
  g_test_add_func ("/a11y-panel/actions", test_actions);
  g_test_add_func ("/a11y-panel/reset", test_reset);
  g_test_add_func ("/a11y-panel/language-switch", test_language_switch);
  g_test_add_func ("/a11y-panel/language-from-panel", test_language_from_panel);
  g_test_add_func ("/a11y-panel/easy-read", test_easy_read);
  g_test_add_func ("/a11y-panel/every-page", test_every_page);
  g_test_add_func ("/a11y-panel/home", test_home);
  g_test_add_func ("/a11y-panel/unknown-language", test_unknown_language);

  status = g_test_run ();

  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);
  return status;
}
