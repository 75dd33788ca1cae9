/* test-tour.c: the demonstration tour (issue 16)
 *
 *   /tour/file           the tour file: the installed one is the built-in
 *                        tour, a town's short one reads, every broken one
 *                        is refused naming the file and the field
 *   /tour/fallback       a broken file: the built-in steps, the problem on
 *                        the first step's panel
 *   /tour/keypad         the task: from the start page, Ctrl+Alt+T, then the
 *                        keypad's Next key alone (real X key events) through
 *                        every step; each step's effect on the real screen;
 *                        at the end every setting as before
 *   /tour/back-repeat    Back and Repeat by keys, the panel's buttons, Escape
 *   /tour/reset-ends     the idle reset during the tour ends it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "bk-ui-test-util.h"
#include "bk-config.h"

#include <string.h>

#include <glib/gstdio.h>

#include <gdk/x11/gdkx.h>

#include "bk-care-home.h"
#include "bk-error.h"
#include "bk-help-overlay.h"
#include "bk-tour-steps.h"
#include "bk-tour.h"

static BkApplication *app;

/* Every setting a step changes, and some it must not. */
static const char * const watched[] = {
  "theme", "text-scale", "language", "easy-read", "explore-mode", "scan-mode",
  "speech-enabled", "captions-enabled", "speech-rate", "reduced-motion", NULL
};

static BkSettings *
settings (void)
{
  return bk_application_get_settings (app);
}

static char *
dup_settings (void)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; watched[i] != NULL; i++)
    {
      GValue value = G_VALUE_INIT;
      g_autofree char *shown = NULL;

      g_object_get_property (G_OBJECT (settings ()), watched[i], (g_value_init (&value, G_TYPE_STRING), &value));
      shown = g_value_dup_string (&value);
      g_string_append_printf (text, "%s=%s\n", watched[i], shown);
      g_value_unset (&value);
    }
  return g_string_free (text, FALSE);
}

/* ---- the file ------------------------------------------------------------ */

static void
expect_refused (const char *json,
                const char *field)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) steps = bk_tour_steps_new_from_data (json, -1, "town-tour.json", &error);
  g_autofree char *expected = g_strdup_printf ("town-tour.json: %s", field);

  g_assert_null (steps);
  g_assert_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, expected));
}

static void
test_file (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("BK_SOURCE_ROOT"), "data", "tour", "tour.json", NULL);
  g_autofree char *short_path = g_build_filename (g_getenv ("BK_SOURCE_ROOT"), "data", "tour", "tour-short.json", NULL);
  g_autoptr(GPtrArray) builtin = bk_tour_steps_new_builtin ();
  g_autoptr(GPtrArray) installed = NULL;
  g_autoptr(GPtrArray) town = NULL;
  g_autoptr(GError) error = NULL;
  const BkTourStep *first;
  guint n_infos;

  bk_tour_step_infos (&n_infos);
  g_assert_cmpuint (builtin->len, ==, n_infos);

  /* The documented file is the built-in tour. */
  installed = bk_tour_steps_new_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (installed->len, ==, builtin->len);
  for (guint i = 0; i < builtin->len; i++)
    {
      const BkTourStep *a = g_ptr_array_index (installed, i);
      const BkTourStep *b = g_ptr_array_index (builtin, i);

      g_assert_cmpstr (a->info->id, ==, b->info->id);
      g_assert_cmpuint (a->seconds, ==, b->seconds);
    }

  /* A town's short tour in its own words, where it gave them. */
  town = bk_tour_steps_new_from_file (short_path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (town->len, ==, 5);
  first = g_ptr_array_index (town, 0);
  g_assert_cmpuint (first->seconds, ==, 8);
  g_assert_cmpstr (bk_tour_step_get_own_title (first, "de"), ==, "Willkommen im Rathaus Auenbach");
  g_assert_null (bk_tour_step_get_own_title (first, "en"));
  g_assert_cmpstr (((BkTourStep *) g_ptr_array_index (town, 1))->info->id, ==, "text-300");
  g_assert_cmpuint (((BkTourStep *) g_ptr_array_index (town, 1))->seconds, ==, 10);
  g_clear_pointer (&town, g_ptr_array_unref);
  town = bk_tour_steps_new_from_data ("{\"steps\": [{\"show\": \"arabic\"}]}", -1, "t.json", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (((BkTourStep *) g_ptr_array_index (town, 0))->seconds, ==, BK_TOUR_DEFAULT_SECONDS);
  g_assert_null (bk_tour_step_get_own_text (g_ptr_array_index (town, 0), "de"));

  expect_refused ("{\"version\": 1, \"steps\": [{\"show\": \"welcome\"}, {\"show\": \"themes\"}]}", "$.steps[1].show");
  expect_refused ("{\"steps\": [{\"seconds\": 5}]}", "$.steps[0].show");
  expect_refused ("{\"steps\": [{\"show\": \"end\", \"seconds\": 1}]}", "$.steps[0].seconds");
  expect_refused ("{\"steps\": [{\"show\": \"end\", \"seconds\": \"5\"}]}", "$.steps[0].seconds");
  expect_refused ("{\"steps\": [{\"show\": \"end\", \"title\": {\"xx\": \"Hallo\"}}]}", "$.steps[0].title.xx");
  expect_refused ("{\"steps\": [{\"show\": \"end\", \"text\": {\"de\": \"\"}}]}", "$.steps[0].text.de");
  expect_refused ("{\"steps\": [{\"show\": \"end\", \"text\": \"Hallo\"}]}", "$.steps[0].text");
  expect_refused ("{\"steps\": []}", "$.steps");
  expect_refused ("{\"version\": 2, \"steps\": [{\"show\": \"end\"}]}", "$.version");
  expect_refused ("[1]", "$");
}

/* ---- the window ---------------------------------------------------------- */

typedef struct
{
  BkStore   *store;
  BkWindow  *window;
  GPtrArray *said;
  gulong     handler;
  guint      releases;
  char      *motion_subject;
} Fixture;

static void
key_released_cb (Fixture *f)
{
  f->releases++;
}

static void
watch_keys (Fixture  *f,
            BkWindow *window)
{
  GtkEventController *keys;

  if (g_object_get_data (G_OBJECT (window), "test-keys") != NULL)
    return;
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (keys, "key-released", G_CALLBACK (key_released_cb), f);
  gtk_widget_add_controller (GTK_WIDGET (window), keys);
  g_object_set_data (G_OBJECT (window), "test-keys", keys);
}

static void
fixture_init (Fixture *f)
{
  g_autoptr(BkContext) context = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(BkMotion) motion = NULL;

  bk_settings_set_string (settings (), "language", "en");
  bk_application_apply_language (app);
  f->store = bk_ui_test_demo_store_new ();
  ids = bk_store_list_motion_ids (f->store, NULL, NULL);
  motion = bk_store_load_motion (f->store, g_array_index (ids, gint64, 0), NULL);
  f->motion_subject = g_strdup (motion->subject);
  f->said = bk_ui_test_said_new (bk_application_get_voice (app), &f->handler);

  /* A window as the application makes it: with the session, so the idle
   * warning is the real one. */
  context = bk_ui_test_context_new (app, f->store);
  f->window = bk_window_new (GTK_APPLICATION (app), context, bk_application_get_session (app), NULL);
  gtk_window_present (GTK_WINDOW (f->window));
  bk_ui_test_iterate (300);
  watch_keys (f, f->window);
}

static void
fixture_clear (Fixture *f)
{
  BkTour *tour = bk_tour_get_for_app (GTK_APPLICATION (app));

  bk_tour_stop (tour);
  bk_settings_set_string (settings (), "tour-file", "");
  bk_settings_set_boolean (settings (), "tour-loop", FALSE);
  bk_voice_stop (bk_application_get_voice (app));
  g_signal_handler_disconnect (bk_application_get_voice (app), f->handler);
  bk_application_reset_session (app);
  bk_settings_set_string (settings (), "language", "en");
  bk_application_apply_language (app);
  gtk_window_destroy (GTK_WINDOW (bk_ui_test_current_window (app)));
  bk_ui_test_iterate (50);
  g_clear_pointer (&f->said, g_ptr_array_unref);
  g_clear_pointer (&f->motion_subject, g_free);
  g_clear_object (&f->store);
}

/* The window shown now (a language change builds a new one). */
static BkWindow *
current (Fixture *f)
{
  f->window = bk_ui_test_current_window (app);
  watch_keys (f, f->window);
  return f->window;
}

/* A key on the X server, with the pointer over the window (without a
 * window manager the window under it gets the keys); returns once the
 * window saw the release. */
static void
real_key (Fixture    *f,
          const char *key)
{
  gulong xid = gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (current (f))));
  g_autofree char *point = g_strdup_printf ("mousemove --window %lu 640 2", xid);
  g_autofree char *press = g_strdup_printf ("key --clearmodifiers %s", key);
  guint before;
  gint64 end = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;

  g_assert_true (bk_ui_test_xdotool (point));
  bk_ui_test_iterate (30);
  before = f->releases;
  g_assert_true (bk_ui_test_xdotool (press));
  while (f->releases == before && g_get_monotonic_time () < end)
    bk_ui_test_iterate (5);
  g_assert_cmpuint (f->releases, >, before);
  /* a language change builds the window anew, soon after */
  bk_ui_test_iterate (400);
}

typedef gboolean (*Check) (Fixture *f);

/* Runs the main loop until check holds, at most seconds. */
static gboolean
wait_for (Fixture *f,
          Check    check,
          guint    seconds)
{
  gint64 end = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;

  while (!check (f) && g_get_monotonic_time () < end)
    bk_ui_test_iterate (20);
  return check (f);
}

static double
luminance (const GdkRGBA *c)
{
  return 0.2126 * c->red + 0.7152 * c->green + 0.0722 * c->blue;
}

static GtkWidget *
find_by_class (GtkWidget  *widget,
               const char *css_class)
{
  if (gtk_widget_has_css_class (widget, css_class))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_by_class (c, css_class);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
home_heading (Fixture *f)
{
  GtkWidget *heading = find_by_class (bk_window_get_page (current (f), "home"), "title-1");

  g_assert_true (GTK_IS_LABEL (heading));
  return heading;
}

/* The colour the start page's heading is drawn in. */
static GdkRGBA
heading_color (Fixture *f)
{
  GtkWidget *heading = home_heading (f);
  GdkRGBA color;

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (heading), &color);
G_GNUC_END_IGNORE_DEPRECATIONS
  return color;
}

static int
heading_height (Fixture *f)
{
  return gtk_widget_get_height (home_heading (f));
}

static gboolean
caption_shown (Fixture *f)
{
  return bk_window_get_caption_visible (current (f)) && *bk_window_get_caption_text (current (f)) != '\0';
}

static gboolean
scan_highlight_under (GtkWidget *widget)
{
  if (gtk_widget_has_css_class (widget, "bk-scan-group-current") || gtk_widget_has_css_class (widget, "bk-scan-current"))
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (scan_highlight_under (c))
      return TRUE;
  return FALSE;
}

static gboolean
scan_highlighted (Fixture *f)
{
  return scan_highlight_under (GTK_WIDGET (current (f)));
}

static gboolean
idle_warning_shown (Fixture *f)
{
  return bk_session_get_state (bk_application_get_session (app)) == BK_SESSION_WARNING;
}

static gboolean
panel_in_current_window (Fixture *f)
{
  GtkWidget *panel = bk_tour_get_panel (bk_tour_get_for_app (GTK_APPLICATION (app)));

  return panel != NULL && gtk_widget_get_root (panel) == GTK_ROOT (current (f)) && gtk_widget_get_mapped (panel);
}

static char *
dup_panel_text (BkTour *tour)
{
  return bk_ui_test_dup_text (bk_tour_get_panel (tour));
}

/* Every control of the panel named for a screen reader, nothing wider than
 * the window (text at 300 % included); a screenshot of the step. */
static void
audit_panel (Fixture    *f,
             BkTour     *tour,
             const char *id)
{
  GtkWidget *panel = bk_tour_get_panel (tour);
  g_autofree char *dir = g_build_filename (g_getenv ("BK_BUILD_ROOT"), "tests", "ui", "screenshots", NULL);
  g_autofree char *file = g_strdup_printf ("tour-%02u-%s.png", bk_tour_get_index (tour) + 1, id);
  g_autofree char *path = g_build_filename (dir, file, NULL);
  guint buttons = 0;

  g_assert_nonnull (bk_ui_test_dup_label (panel));
  for (GtkWidget *w = gtk_widget_get_first_child (panel); w != NULL; w = gtk_widget_get_next_sibling (w))
    for (GtkWidget *b = gtk_widget_get_first_child (w); b != NULL; b = gtk_widget_get_next_sibling (b))
      if (GTK_IS_BUTTON (b))
        {
          g_autofree char *name = bk_ui_test_dup_label (b);

          g_assert_nonnull (name);
          g_assert_cmpint (gtk_widget_get_width (b), <=, gtk_widget_get_width (GTK_WIDGET (current (f))));
          buttons++;
        }
  g_assert_cmpuint (buttons, ==, 4);
  g_assert_cmpint (gtk_widget_get_width (panel), <=, gtk_widget_get_width (GTK_WIDGET (current (f))));
  g_mkdir_with_parents (dir, 0755);
  bk_ui_test_save_png (GTK_WIDGET (current (f)), path);
}

/* What each step must have done to the screen. */
static void
check_step (Fixture    *f,
            BkTour     *tour,
            const char *id,
            int         height_at_100)
{
  BkSettings *s = settings ();
  g_autofree char *text = NULL;
  GdkRGBA color;

  g_assert_true (wait_for (f, panel_in_current_window, 5));
  text = dup_panel_text (tour);
  g_test_message ("step %u (%s): %s", bk_tour_get_index (tour) + 1, id, text);
  g_assert_nonnull (strstr (text, "step"));
  audit_panel (f, tour, id);

  if (g_str_equal (id, "theme-high-contrast-dark"))
    {
      g_assert_cmpstr (bk_settings_get_string (s, "theme"), ==, "high-contrast-dark");
      color = heading_color (f);
      g_assert_cmpfloat (luminance (&color), >, 0.7);
    }
  else if (g_str_equal (id, "theme-high-contrast-light"))
    {
      g_assert_cmpstr (bk_settings_get_string (s, "theme"), ==, "high-contrast-light");
      color = heading_color (f);
      g_assert_cmpfloat (luminance (&color), <, 0.3);
    }
  else if (g_str_equal (id, "theme-yellow-on-black"))
    {
      g_assert_cmpstr (bk_settings_get_string (s, "theme"), ==, "yellow-on-black");
      color = heading_color (f);
      g_assert_cmpfloat (color.red, >, 0.8);
      g_assert_cmpfloat (color.green, >, 0.8);
      g_assert_cmpfloat (color.blue, <, 0.4);
    }
  else if (g_str_equal (id, "text-300"))
    {
      g_assert_cmpint (bk_settings_get_int (s, "text-scale"), ==, 300);
      g_assert_cmpstr (bk_settings_get_string (s, "theme"), ==, "standard");
      g_assert_cmpint (heading_height (f), >=, height_at_100 * 5 / 2);
    }
  else if (g_str_equal (id, "read-aloud"))
    {
      g_assert_cmpstr (bk_window_get_page_name (current (f)), ==, "motion");
      g_assert_nonnull (bk_ui_test_said_wait (f->said, f->motion_subject, 20));
    }
  else if (g_str_equal (id, "captions"))
    {
      g_assert_cmpstr (bk_window_get_page_name (current (f)), ==, "home");
      g_assert_true (wait_for (f, caption_shown, 5));
    }
  else if (g_str_equal (id, "keypad-help"))
    g_assert_true (bk_help_overlay_is_open (BK_HELP_OVERLAY (bk_window_get_help_overlay (current (f)))));
  else if (g_str_equal (id, "explore"))
    {
      g_assert_false (bk_help_overlay_is_open (BK_HELP_OVERLAY (bk_window_get_help_overlay (current (f)))));
      g_assert_true (bk_settings_get_boolean (s, "explore-mode"));
    }
  else if (g_str_equal (id, "scanning"))
    {
      g_assert_false (bk_settings_get_boolean (s, "explore-mode"));
      g_assert_cmpstr (bk_settings_get_string (s, "scan-mode"), ==, "one-switch");
      /* scanning waits until the step's narration has been said (issue 17:
       * no scan step talks over speech), then one interval */
      g_assert_true (wait_for (f, scan_highlighted, 40));
    }
  else if (g_str_equal (id, "easy-read"))
    {
      g_assert_cmpstr (bk_settings_get_string (s, "scan-mode"), ==, "off");
      g_assert_true (bk_settings_get_boolean (s, "easy-read"));
      g_assert_cmpstr (bk_settings_get_string (s, "language"), ==, "de");
    }
  else if (g_str_equal (id, "arabic"))
    {
      g_assert_cmpstr (bk_settings_get_string (s, "language"), ==, "ar");
      g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (current (f))), ==, GTK_TEXT_DIR_RTL);
    }
  else if (g_str_equal (id, "screen-reader"))
    {
      GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (current (f)));
      g_autofree char *name = NULL;

      g_assert_cmpstr (bk_settings_get_string (s, "language"), ==, "en");
      g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (current (f))), ==, GTK_TEXT_DIR_LTR);
      g_assert_nonnull (focus);
      g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (focus)), ==, "win.show-services");
      name = bk_voice_describe_widget (focus);
      g_assert_nonnull (strstr (bk_tour_get_note (tour), name));
      g_assert_nonnull (strstr (bk_tour_get_note (tour), "button"));
      g_assert_nonnull (strstr (text, name));
    }
  else if (g_str_equal (id, "idle-reset"))
    {
      g_assert_cmpint (bk_settings_get_int (s, "text-scale"), ==, 200);
      /* after the step's words: never in the middle of a sentence */
      g_assert_true (wait_for (f, idle_warning_shown, 40));
    }
  else if (g_str_equal (id, "end") || g_str_equal (id, "welcome"))
    {
      g_assert_cmpstr (bk_window_get_page_name (current (f)), ==, "home");
      g_assert_false (idle_warning_shown (f));
    }
  else
    g_assert_not_reached ();
}

static void
test_keypad (void)
{
  Fixture f = { 0 };
  BkTour *tour = bk_tour_get_for_app (GTK_APPLICATION (app));
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  guint n_infos;
  int height_at_100;

  if (!bk_ui_test_have_xdotool ())
    return;
  fixture_init (&f);
  /* Some settings a visitor had chosen: the tour must give them back. */
  bk_settings_set_boolean (settings (), "reduced-motion", TRUE);
  bk_settings_set_int (settings (), "speech-rate", 1);
  bk_ui_test_iterate (200);
  before = dup_settings ();
  g_assert_cmpstr (bk_window_get_page_name (f.window), ==, "home");
  height_at_100 = heading_height (&f);
  g_assert_cmpint (height_at_100, >, 0);

  /* The documented way in. */
  real_key (&f, "ctrl+alt+t");
  g_assert_true (bk_tour_is_running (tour));
  bk_tour_step_infos (&n_infos);
  g_assert_cmpuint (bk_tour_get_n_steps (tour), ==, n_infos);

  for (guint i = 0; i < n_infos; i++)
    {
      g_assert_cmpuint (bk_tour_get_index (tour), ==, i);
      check_step (&f, tour, bk_tour_get_step_id (tour), height_at_100);
      /* The keypad's Next key (KP_9 or KP_Page_Up without Num Lock). */
      real_key (&f, "KP_9");
    }

  /* Next on the last step ended the tour: every setting as it was. */
  g_assert_false (bk_tour_is_running (tour));
  g_assert_null (bk_tour_get_panel (tour));
  bk_ui_test_iterate (500);
  after = dup_settings ();
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpstr (bk_window_get_page_name (current (&f)), ==, "home");
  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (current (&f))), ==, GTK_TEXT_DIR_LTR);
  g_assert_false (idle_warning_shown (&f));
  g_assert_false (bk_help_overlay_is_open (BK_HELP_OVERLAY (bk_window_get_help_overlay (current (&f)))));
  fixture_clear (&f);
}

static void
test_back_repeat (void)
{
  Fixture f = { 0 };
  BkTour *tour = bk_tour_get_for_app (GTK_APPLICATION (app));
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GtkWidget *next;

  if (!bk_ui_test_have_xdotool ())
    return;
  fixture_init (&f);
  before = dup_settings ();
  real_key (&f, "ctrl+alt+t");
  g_assert_true (bk_tour_is_running (tour));

  real_key (&f, "Right");
  real_key (&f, "Right");
  g_assert_cmpstr (bk_tour_get_step_id (tour), ==, "theme-high-contrast-light");
  /* The keypad's Back key, then Left. */
  real_key (&f, "KP_7");
  g_assert_cmpstr (bk_tour_get_step_id (tour), ==, "theme-high-contrast-dark");
  g_assert_cmpstr (bk_settings_get_string (settings (), "theme"), ==, "high-contrast-dark");
  real_key (&f, "Left");
  g_assert_cmpstr (bk_tour_get_step_id (tour), ==, "welcome");
  g_assert_cmpstr (bk_settings_get_string (settings (), "theme"), ==, "standard");

  /* Repeat says the step again. */
  g_ptr_array_set_size (f.said, 0);
  real_key (&f, "r");
  g_assert_cmpstr (bk_tour_get_step_id (tour), ==, "welcome");
  g_assert_nonnull (bk_ui_test_said_wait (f.said, "tour", 5));

  /* Touch: the panel's Next button. */
  next = NULL;
  for (GtkWidget *w = gtk_widget_get_first_child (bk_tour_get_panel (tour)); w != NULL; w = gtk_widget_get_next_sibling (w))
    if (GTK_IS_BOX (w))
      for (GtkWidget *b = gtk_widget_get_first_child (w); b != NULL; b = gtk_widget_get_next_sibling (b))
        if (GTK_IS_BUTTON (b) && g_strcmp0 (g_object_get_data (G_OBJECT (b), "bk-tour-command"), "next") == 0)
          next = b;
  g_assert_nonnull (next);
  bk_ui_test_click (next);
  g_assert_cmpstr (bk_tour_get_step_id (tour), ==, "theme-high-contrast-dark");

  /* Escape ends it at any step. */
  real_key (&f, "Escape");
  g_assert_false (bk_tour_is_running (tour));
  after = dup_settings ();
  g_assert_cmpstr (after, ==, before);
  fixture_clear (&f);
}

static gboolean
tour_at_second_step (Fixture *f)
{
  return bk_tour_get_index (bk_tour_get_for_app (GTK_APPLICATION (app))) == 1;
}

static gboolean
tour_at_first_step (Fixture *f)
{
  return bk_tour_get_index (bk_tour_get_for_app (GTK_APPLICATION (app))) == 0;
}

static void
test_fallback_and_loop (void)
{
  Fixture f = { 0 };
  BkTour *tour = bk_tour_get_for_app (GTK_APPLICATION (app));
  g_autofree char *dir = g_dir_make_tmp ("bk-tour-XXXXXX", NULL);
  g_autofree char *bad = g_build_filename (dir, "town-tour.json", NULL);
  g_autofree char *good = g_build_filename (dir, "short.json", NULL);
  guint n_infos;

  fixture_init (&f);
  g_assert_true (g_file_set_contents (bad, "{\"steps\": [{\"show\": \"themes\"}]}", -1, NULL));
  bk_settings_set_string (settings (), "tour-file", bad);
  gtk_widget_activate_action (GTK_WIDGET (f.window), "app.tour", NULL);
  g_assert_true (bk_tour_is_running (tour));
  bk_tour_step_infos (&n_infos);
  g_assert_cmpuint (bk_tour_get_n_steps (tour), ==, n_infos);
  g_assert_nonnull (strstr (bk_tour_get_note (tour), "town-tour.json: $.steps[0].show"));
  gtk_widget_activate_action (GTK_WIDGET (f.window), "app.tour", NULL);
  g_assert_false (bk_tour_is_running (tour));

  /* A good file, repeating by itself: 3 s a step, and round again. */
  g_assert_true (g_file_set_contents (good,
                                      "{\"steps\": [{\"show\": \"welcome\", \"seconds\": 3},"
                                      " {\"show\": \"text-300\", \"seconds\": 3}]}", -1, NULL));
  bk_settings_set_string (settings (), "tour-file", good);
  bk_settings_set_boolean (settings (), "tour-loop", TRUE);
  bk_tour_start (tour);
  g_assert_cmpuint (bk_tour_get_n_steps (tour), ==, 2);
  g_assert_cmpstr (bk_tour_get_note (tour), ==, "");
  g_assert_true (wait_for (&f, tour_at_second_step, 5));
  g_assert_cmpint (bk_settings_get_int (settings (), "text-scale"), ==, 300);
  g_assert_true (wait_for (&f, tour_at_first_step, 5));
  g_assert_cmpint (bk_settings_get_int (settings (), "text-scale"), ==, 100);
  bk_tour_stop (tour);
  g_assert_cmpint (bk_settings_get_int (settings (), "text-scale"), ==, 100);

  g_unlink (bad);
  g_unlink (good);
  g_rmdir (dir);
  fixture_clear (&f);
}

/* The idle warning's time runs out on the idle step: the kiosk starts over
 * at its defaults and the tour ends with it. Last: the session's clock is
 * the test's from here on. */
static void
test_reset_ends (void)
{
  Fixture f = { 0 };
  BkTour *tour = bk_tour_get_for_app (GTK_APPLICATION (app));
  BkSession *session = bk_application_get_session (app);

  fixture_init (&f);
  bk_settings_set_string (settings (), "theme", "yellow-on-black");
  bk_tour_start (tour);
  while (g_strcmp0 (bk_tour_get_step_id (tour), "idle-reset") != 0)
    bk_tour_next (tour);
  /* once the step has been said (a reading holds the warning back) */
  for (guint i = 0; i < 60 && bk_session_get_state (session) != BK_SESSION_WARNING; i++)
    {
      bk_ui_test_iterate (500);
      bk_session_advance_for_testing (session, bk_session_get_idle_timeout (session) + 1);
    }
  g_assert_cmpint (bk_session_get_state (session), ==, BK_SESSION_WARNING);
  bk_session_advance_for_testing (session, bk_settings_get_int (settings (), "idle-warning") + 1);
  bk_ui_test_iterate (300);
  g_assert_false (bk_tour_is_running (tour));
  g_assert_null (bk_tour_get_panel (tour));
  /* the kiosk's defaults, not what was there before the tour */
  g_assert_cmpstr (bk_settings_get_string (settings (), "theme"), ==, "standard");
  g_assert_cmpint (bk_settings_get_int (settings (), "text-scale"), ==, 100);
  fixture_clear (&f);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  bk_ui_test_init (&argc, &argv);
  app = bk_ui_test_app_new ();

  g_test_add_func ("/tour/file", test_file);
  g_test_add_func ("/tour/fallback-and-loop", test_fallback_and_loop);
  g_test_add_func ("/tour/back-repeat", test_back_repeat);
  g_test_add_func ("/tour/keypad", test_keypad);
  g_test_add_func ("/tour/reset-ends", test_reset_ends);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
