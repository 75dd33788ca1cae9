/* test-care-home.c: care-home mode (issue 16)
 *
 *   /care-home/switch     the task: a resident with one switch reaches
 *                         "Read everything to me" in at most 5 selections on
 *                         every screen (the scanner stepped as its timer
 *                         does, the switch pressed), and it reads the screen
 *                         with scanning paused until it ends
 *   /care-home/calm       the start page: fewer, larger choices; the mode
 *                         off puts everything back; fits a 1280×800 tablet
 *   /care-home/press      real X clicks: a brush (a click) is ignored, a press
 *                         held 400 ms reads
 *   /care-home/panel      Ctrl+Alt+H opens the assistant's panel only in the
 *                         mode; its choices set the resident's profile
 *   /care-home/idle       the idle warning waits care-home-idle-timeout
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "bk-nav-test-util.h"
#include "bk-config.h"

#include <string.h>

#include <gdk/x11/gdkx.h>
#include <glib/gstdio.h>

#include "bk-care-home.h"
#include "bk-ez-tree.h"
#include "bk-page.h"
#include "bk-scanner-private.h"
#include "bk-ui.h"

static BkApplication *app;

#define MAX_SELECTIONS 5

typedef struct
{
  BkStore  *store;
  BkWindow *window;
  gint64    motion_id;
} Fixture;

static BkSettings *
settings (void)
{
  return bk_application_get_settings (app);
}

static void
fixture_init (Fixture *f)
{
  g_autoptr(GArray) ids = NULL;

  f->store = bk_ui_test_demo_store_new ();
  ids = bk_store_list_motion_ids (f->store, NULL, NULL);
  f->motion_id = g_array_index (ids, gint64, 0);
  bk_settings_set_boolean (settings (), "care-home-mode", TRUE);
  f->window = bk_ui_test_attached_window_new (app, f->store, NULL);
  bk_ui_test_iterate (100);
}

static void
fixture_clear (Fixture *f)
{
  bk_voice_stop (bk_application_get_voice (app));
  bk_settings_set_boolean (settings (), "care-home-mode", FALSE);
  bk_application_reset_session (app);
  gtk_window_destroy (GTK_WINDOW (f->window));
  bk_ui_test_iterate (50);
  g_clear_object (&f->store);
}

static gboolean
is_inside (GtkWidget *widget,
           GtkWidget *ancestor)
{
  return widget == ancestor || gtk_widget_is_ancestor (widget, ancestor);
}

/* A resident with one switch: waits while the scanner steps, presses the
 * switch on the group holding the button, then on the button. Returns the
 * number of selections. */
static guint
switch_to (BkScanner *scanner,
           GtkWidget *button)
{
  guint selections = 0;

  bk_scanner_restart (scanner);
  for (guint step = 0; step < 60 && selections <= MAX_SELECTIONS; step++)
    {
      GtkWidget *group = bk_scanner_get_group (scanner);
      GtkWidget *item = bk_scanner_get_item (scanner);

      if ((!bk_scanner_in_group (scanner) && group != NULL && is_inside (button, group)) ||
          (bk_scanner_in_group (scanner) && item != NULL && is_inside (button, item)))
        {
          gboolean last = bk_scanner_in_group (scanner) || group == button;

          bk_scanner_select (scanner);
          selections++;
          if (last)
            return selections;
        }
      else
        bk_scanner_step (scanner);
    }
  return G_MAXUINT;
}

static gboolean
scan_mode_is (const char *mode)
{
  return g_str_equal (bk_settings_get_string (settings (), "scan-mode"), mode);
}

static void
test_switch (void)
{
  static const struct { const char *action; const char *target; } screens[] = {
    { "win.home", NULL },
    { "win.show-services", NULL },
    { "win.show-motions", NULL },
    { "win.open-motion", "motion" },
    { "win.show-meetings", NULL },
    { "win.show-glossary", "''" },
    { "win.show-accessibility", NULL },
  };
  Fixture f = { 0 };
  BkScanner *scanner;
  GtkWidget *button;

  fixture_init (&f);
  bk_settings_set_string (settings (), "scan-mode", "one-switch");
  scanner = bk_navigator_get_scanner (bk_window_get_navigator (f.window));
  button = bk_care_home_get_read_button (f.window);
  g_assert_true (gtk_widget_get_visible (button));

  for (guint i = 0; i < G_N_ELEMENTS (screens); i++)
    {
      g_autoptr(GVariant) target = NULL;
      g_autofree char *summary = NULL;
      const char *reading;
      gint64 end;
      guint n;

      if (g_strcmp0 (screens[i].target, "motion") == 0)
        target = g_variant_ref_sink (g_variant_new_int64 (f.motion_id));
      else if (screens[i].target != NULL)
        target = g_variant_parse (NULL, screens[i].target, NULL, NULL, NULL);
      bk_ui_test_open_page (f.window, screens[i].action, target);
      summary = bk_page_dup_summary (BK_PAGE (_bk_window_get_current_page (f.window)));

      n = switch_to (scanner, button);
      g_test_message ("%s: %u selections", bk_window_get_page_name (f.window), n);
      g_assert_cmpuint (n, <=, MAX_SELECTIONS);

      /* The whole screen, in order, from the page's summary on. */
      reading = bk_care_home_get_last_reading (f.window);
      g_assert_nonnull (reading);
      if (summary != NULL)
        g_assert_true (g_str_has_prefix (reading, summary));
      g_assert_cmpuint (strlen (reading), >, 40);
      /* Scanning waits for the reading (which a switch press would end),
       * then steps on. */
      bk_voice_stop (bk_application_get_voice (app));
      end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
      while (!scan_mode_is ("one-switch") && g_get_monotonic_time () < end)
        bk_ui_test_iterate (20);
      g_assert_true (scan_mode_is ("one-switch"));
    }
  fixture_clear (&f);
}

static void
save_screenshot (BkWindow   *window,
                 const char *name)
{
  g_autofree char *dir = g_build_filename (g_getenv ("BK_BUILD_ROOT"), "tests", "ui", "screenshots", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_mkdir_with_parents (dir, 0755);
  bk_ui_test_save_png (GTK_WIDGET (window), path);
}

static void
test_calm (void)
{
  Fixture f = { 0 };
  GtkWidget *home;
  GtkWidget *meetings;
  GtkWidget *services;
  int width;

  fixture_init (&f);
  home = bk_window_get_page (f.window, "home");
  meetings = bk_ui_find_actionable (home, "win.show-meetings", NULL);
  services = bk_ui_find_actionable (home, "win.show-services", NULL);
  g_assert_nonnull (services);
  /* hidden: find_actionable only finds shown ones */
  g_assert_null (meetings);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (f.window), "bk-care-home"));
  g_assert_cmpint (gtk_widget_get_height (services), >=, 160);
  g_assert_cmpint (gtk_widget_get_height (bk_care_home_get_read_button (f.window)), >=, 72);

  /* A tablet: 1280 × 800, windowed, also at the largest text. */
  for (int scale = 100; scale <= 300; scale += 100)
    {
      bk_settings_set_int (settings (), "text-scale", scale);
      bk_ui_test_iterate (100);
      gtk_widget_measure (GTK_WIDGET (f.window), GTK_ORIENTATION_HORIZONTAL, 800, &width, NULL, NULL, NULL);
      g_test_message ("care-home start page at %d %%: at least %d px wide", scale, width);
      g_assert_cmpint (width, <=, 1280);
    }

  save_screenshot (f.window, "care-home-start-300.png");
  bk_settings_set_int (settings (), "text-scale", 100);
  bk_ui_test_iterate (100);
  save_screenshot (f.window, "care-home-start.png");

  bk_settings_set_boolean (settings (), "care-home-mode", FALSE);
  bk_ui_test_iterate (100);
  g_assert_false (gtk_widget_get_visible (bk_care_home_get_read_button (f.window)));
  g_assert_nonnull (bk_ui_find_actionable (home, "win.show-meetings", NULL));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (f.window), "bk-care-home"));
  fixture_clear (&f);
}

/* The pointer in the middle of widget, then what (e.g. "click 1"). */
static void
pointer_on (BkWindow   *window,
            GtkWidget  *widget,
            const char *what)
{
  gulong xid = gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (window)));
  graphene_point_t point;
  double dx = 0, dy = 0;
  g_autofree char *args = NULL;

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (window),
                                           &GRAPHENE_POINT_INIT (gtk_widget_get_width (widget) / 2.0,
                                                                 gtk_widget_get_height (widget) / 2.0),
                                           &point));
  gtk_native_get_surface_transform (GTK_NATIVE (window), &dx, &dy);
  args = g_strdup_printf ("mousemove --window %lu %d %d %s", xid, (int) (point.x + dx), (int) (point.y + dy), what);
  g_assert_true (bk_ui_test_xdotool (args));
  bk_ui_test_iterate (300);
}

static void
test_press (void)
{
  Fixture f = { 0 };
  GtkWidget *button;

  if (!bk_ui_test_have_xdotool ())
    return;
  fixture_init (&f);
  button = bk_care_home_get_read_button (f.window);

  /* A brush: pressed and released at once. */
  pointer_on (f.window, button, "click 1");
  g_assert_null (bk_care_home_get_last_reading (f.window));
  /* Held 400 ms: the press counts. */
  pointer_on (f.window, button, "mousedown 1 sleep 0.4 mouseup 1");
  g_assert_nonnull (bk_care_home_get_last_reading (f.window));

  /* Without the mode a click is a click. */
  bk_settings_set_boolean (settings (), "care-home-mode", FALSE);
  bk_ui_test_iterate (100);
  pointer_on (f.window, bk_window_get_a11y_button (f.window), "click 1");
  g_assert_cmpstr (bk_window_get_page_name (f.window), ==, "accessibility");
  fixture_clear (&f);
}

static void
test_panel (void)
{
  Fixture f = { 0 };
  gulong xid;
  g_autofree char *point = NULL;
  g_autoptr(GVariant) big = g_variant_ref_sink (g_variant_new_int32 (200));
  g_autoptr(GVariant) slow = g_variant_ref_sink (g_variant_new_int32 (0));
  GtkWidget *panel;

  if (!bk_ui_test_have_xdotool ())
    return;
  fixture_init (&f);
  xid = gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (f.window)));
  point = g_strdup_printf ("mousemove --window %lu 640 2", xid);
  g_assert_true (bk_ui_test_xdotool (point));

  g_assert_true (bk_ui_test_xdotool ("key --clearmodifiers ctrl+alt+h"));
  bk_ui_test_iterate (300);
  panel = bk_care_home_get_panel (f.window);
  g_assert_nonnull (panel);
  g_assert_true (gtk_widget_get_mapped (panel));
  g_assert_true (bk_ez_is_modal (panel));
  g_assert_nonnull (bk_ui_test_dup_label (panel));
  save_screenshot (f.window, "care-home-panel.png");

  bk_ui_test_click (bk_ui_find_actionable (panel, "app.text-scale", big));
  bk_ui_test_click (bk_ui_find_actionable (panel, "app.speech-rate", slow));
  bk_ui_test_click (bk_ui_find_actionable (panel, "app.easy-read", NULL));
  g_assert_cmpint (bk_settings_get_int (settings (), "text-scale"), ==, 200);
  g_assert_cmpint (bk_settings_get_int (settings (), "speech-rate"), ==, 0);
  g_assert_true (bk_settings_get_boolean (settings (), "easy-read"));
  bk_settings_set_boolean (settings (), "easy-read", FALSE);
  bk_ui_test_iterate (300);
  f.window = bk_ui_test_current_window (app);
  bk_care_home_close_panel (f.window);

  /* Not without the mode: a resident's keyboard does nothing. */
  bk_settings_set_boolean (settings (), "care-home-mode", FALSE);
  g_assert_false (bk_care_home_open_panel (f.window));
  fixture_clear (&f);
}

static void
test_idle (void)
{
  BkSession *session = bk_session_new (settings (), NULL);

  bk_settings_set_int (settings (), "idle-timeout", 120);
  bk_settings_set_boolean (settings (), "care-home-mode", TRUE);
  g_assert_cmpint (bk_session_get_idle_timeout (session), ==, 1200);
  bk_settings_set_int (settings (), "care-home-idle-timeout", 600);
  g_assert_cmpint (bk_session_get_idle_timeout (session), ==, 600);
  bk_settings_set_boolean (settings (), "care-home-mode", FALSE);
  g_assert_cmpint (bk_session_get_idle_timeout (session), ==, 120);
  bk_settings_set_int (settings (), "care-home-idle-timeout", 1200);
  g_object_unref (session);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  bk_ui_test_init (&argc, &argv);
  app = bk_ui_test_app_new ();

  g_test_add_func ("/care-home/switch", test_switch);
  g_test_add_func ("/care-home/calm", test_calm);
  g_test_add_func ("/care-home/press", test_press);
  g_test_add_func ("/care-home/panel", test_panel);
  g_test_add_func ("/care-home/idle", test_idle);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
