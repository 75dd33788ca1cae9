/* test-scanning.c: switch scanning with one and with two switches
 *
 * Runs with GTK_A11Y=test under gui-run.sh. Steps go through
 * bk_scanner_step () — what the one-switch timer calls — never real time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "bk-nav-test-util.h"
#include "bk-ui-test-util.h"
#include "bk-config.h"

#include <string.h>
#include <adwaita.h>

#include "bk-ez-tree.h"
#include "bk-home-page.h"
#include "bk-motion-list-page.h"
#include "bk-motion-page.h"
#include "bk-scanner.h"
#include "bk-services-page-private.h"
#include "bk-ui.h"

static BkApplication *app;

static BkSettings *
settings (void)
{
  return bk_application_get_settings (app);
}

typedef void (*StepFunc) (NavFixture *f);

static void
step_timer (NavFixture *f)
{
  /* What the one-switch timer does on each tick. */
  bk_scanner_step (bk_navigator_get_scanner (f->nav));
}

static void
step_switch (NavFixture *f)
{
  g_assert_true (nav_press (f, GDK_KEY_Tab));
}

static void
select_switch (NavFixture *f)
{
  g_assert_true (nav_press (f, GDK_KEY_space));
}

static gboolean
holds (GtkWidget *group,
       GtkWidget *target)
{
  return group == target || gtk_widget_is_ancestor (target, group);
}

/* Steps until the highlighted group holds target, selects it, steps until
 * target is highlighted and selects it. */
static void
choose (NavFixture *f,
        StepFunc    step,
        GtkWidget  *target)
{
  BkScanner *scanner = bk_navigator_get_scanner (f->nav);
  guint i;

  for (i = 0; i < 30; i++)
    {
      step (f);
      g_assert_nonnull (bk_scanner_get_group (scanner));
      g_assert_false (bk_scanner_in_group (scanner));
      if (holds (bk_scanner_get_group (scanner), target))
        break;
    }
  g_assert_cmpuint (i, <, 30);

  if (bk_scanner_get_group (scanner) == target)
    {
      g_assert_true (gtk_widget_has_css_class (target, BK_SCAN_ITEM_HIGHLIGHT));
      select_switch (f);
      return;
    }

  g_assert_true (gtk_widget_has_css_class (bk_scanner_get_group (scanner), BK_SCAN_GROUP_HIGHLIGHT));
  select_switch (f);
  g_assert_true (bk_scanner_in_group (scanner));
  for (i = 0; i < 60 && bk_scanner_get_item (scanner) != target; i++)
    step (f);
  g_assert_true (bk_scanner_get_item (scanner) == target);
  g_assert_true (gtk_widget_has_css_class (target, BK_SCAN_ITEM_HIGHLIGHT));
  select_switch (f);
  /* Scanning starts again at the groups. */
  g_assert_false (bk_scanner_in_group (scanner));
}

static GtkWidget *
find_row (BkWindow   *window,
          const char *subject)
{
  GtkWidget *list = bk_motion_list_page_get_list_view (BK_MOTION_LIST_PAGE (bk_window_get_page (window, "motions")));

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    if (nav_is_row_of (row, subject))
      return row;

  return NULL;
}

static void
open_motion (NavFixture *f,
             StepFunc    step)
{
  BkHomePage *home = BK_HOME_PAGE (bk_window_get_page (f->window, "home"));
  GtkWidget *row;

  choose (f, step, bk_home_page_get_choice (home, 1));
  bk_ui_test_iterate (50);
  g_assert_cmpstr (bk_window_get_page_name (f->window), ==, "motions");

  row = find_row (f->window, "Rampe");
  g_assert_nonnull (row);
  choose (f, step, row);
  bk_ui_test_iterate (50);
  g_assert_cmpstr (bk_window_get_page_name (f->window), ==, "motion");
  g_assert_cmpint (bk_motion_page_get_motion_id (BK_MOTION_PAGE (bk_window_get_page (f->window, "motion"))),
                   ==, f->ramp_id);
}

static void
test_one_switch (void)
{
  NavFixture f;
  BkScanner *scanner;

  nav_fixture_init (&f, app);
  scanner = bk_navigator_get_scanner (f.nav);

  /* The timer exists only while one-switch scanning is on. */
  g_assert_false (bk_scanner_has_timer (scanner));
  g_assert_false (nav_press (&f, GDK_KEY_space));   /* the switch is a key as usual */
  bk_settings_set_string (settings (), "scan-mode", "one-switch");
  /* The change is announced; the first step waits for its end. */
  for (guint i = 0; i < 1000 && bk_speech_is_speaking (bk_voice_get_speech (bk_application_get_voice (app))); i++)
    {
      g_assert_false (bk_scanner_has_timer (scanner));
      bk_ui_test_iterate (10);
    }
  g_assert_true (bk_scanner_has_timer (scanner));
  g_assert_cmpint (bk_scanner_get_mode (scanner), ==, BK_SCAN_ONE_SWITCH);
  /* Tab is the second switch: with one switch it is Tab as usual. */
  g_assert_false (bk_navigator_owns_key (f.nav, GDK_KEY_Tab, 0));

  open_motion (&f, step_timer);

  /* Back through the header bar's group. */
  choose (&f, step_timer, bk_window_get_back_button (f.window));
  g_assert_cmpstr (bk_window_get_page_name (f.window), ==, "motions");
  choose (&f, step_timer, bk_window_get_home_button (f.window));
  g_assert_cmpstr (bk_window_get_page_name (f.window), ==, "home");

  bk_settings_set_string (settings (), "scan-mode", "off");
  g_assert_false (bk_scanner_has_timer (scanner));
  g_assert_null (bk_scanner_get_group (scanner));

  nav_fixture_clear (&f);
}

static void
test_two_switch (void)
{
  NavFixture f;
  BkScanner *scanner;

  nav_fixture_init (&f, app);
  scanner = bk_navigator_get_scanner (f.nav);

  bk_settings_set_string (settings (), "scan-mode", "two-switch");
  g_assert_false (bk_scanner_has_timer (scanner));
  g_assert_true (bk_navigator_owns_key (f.nav, GDK_KEY_Tab, 0));

  open_motion (&f, step_switch);

  choose (&f, step_switch, bk_window_get_back_button (f.window));
  g_assert_cmpstr (bk_window_get_page_name (f.window), ==, "motions");

  nav_fixture_clear (&f);
}

/* A group ends with "leave group", which goes back to the groups. */
static void
test_leave_group (void)
{
  NavFixture f;
  BkScanner *scanner;
  GtkWidget *group = NULL;
  guint i;

  nav_fixture_init (&f, app);
  scanner = bk_navigator_get_scanner (f.nav);
  bk_settings_set_string (settings (), "scan-mode", "two-switch");
  bk_ui_test_open_page (f.window, "win.show-motions", NULL);

  /* The first group with several controls. */
  for (i = 0; i < 20; i++)
    {
      step_switch (&f);
      group = bk_scanner_get_group (scanner);
      if (gtk_widget_has_css_class (group, BK_SCAN_GROUP_HIGHLIGHT))
        break;
    }
  g_assert_cmpuint (i, <, 20);
  /* Named by what it holds, before the count (issue 17, item 7). */
  {
    g_autoptr(GPtrArray) items = bk_ez_collect_items (group, TRUE);
    g_autofree char *first = bk_ez_dup_name (g_ptr_array_index (items, 0));

    g_assert_nonnull (first);
    g_assert_true (g_str_has_prefix (nav_last_said (&f), first));
    g_assert_nonnull (strstr (nav_last_said (&f), ", group with"));
  }

  select_switch (&f);
  g_assert_true (bk_scanner_in_group (scanner));
  g_assert_nonnull (bk_scanner_get_item (scanner));
  for (i = 0; i < 40 && bk_scanner_get_item (scanner) != NULL; i++)
    step_switch (&f);
  g_assert_null (bk_scanner_get_item (scanner));
  g_assert_true (gtk_widget_has_css_class (group, BK_SCAN_LEAVE_HIGHLIGHT));
  g_assert_cmpstr (nav_last_said (&f), ==, "Leave the group");

  /* After "leave group" the first item comes again. */
  step_switch (&f);
  g_assert_nonnull (bk_scanner_get_item (scanner));
  for (i = 0; i < 40 && bk_scanner_get_item (scanner) != NULL; i++)
    step_switch (&f);

  select_switch (&f);
  g_assert_false (bk_scanner_in_group (scanner));
  g_assert_true (bk_scanner_get_group (scanner) == group);
  g_assert_false (gtk_widget_has_css_class (group, BK_SCAN_LEAVE_HIGHLIGHT));
  g_assert_cmpstr (bk_window_get_page_name (f.window), ==, "motions");

  nav_fixture_clear (&f);
}

/* The groups of the motion list: the header bar, the search field and the
 * filters (one region or two), and the list, in that order. */
static void
test_groups (void)
{
  NavFixture f;
  g_autoptr(GPtrArray) groups = NULL;
  BkMotionListPage *page;
  int header = -1, search = -1, filters = -1, list = -1;

  nav_fixture_init (&f, app);
  bk_ui_test_open_page (f.window, "win.show-motions", NULL);
  page = BK_MOTION_LIST_PAGE (bk_window_get_page (f.window, "motions"));

  groups = bk_ez_collect_groups (GTK_WIDGET (f.window));
  for (guint i = 0; i < groups->len; i++)
    {
      BkEzGroup *group = g_ptr_array_index (groups, i);

      if (holds (group->widget, bk_window_get_back_button (f.window)))
        header = i;
      if (holds (group->widget, bk_motion_list_page_get_search_entry (page)))
        search = i;
      if (holds (group->widget, GTK_WIDGET (bk_motion_list_page_get_status_filter (page))))
        {
          /* The filters together (with the search field when the page puts
           * them in one region), never with the list. */
          filters = i;
          g_assert_true (holds (group->widget, GTK_WIDGET (bk_motion_list_page_get_body_filter (page))));
          g_assert_true (holds (group->widget, GTK_WIDGET (bk_motion_list_page_get_faction_filter (page))));
          g_assert_false (holds (group->widget, bk_motion_list_page_get_list_view (page)));
          g_assert_cmpuint (group->items->len, >=, 3);
        }
      if (holds (group->widget, bk_motion_list_page_get_list_view (page)))
        {
          list = i;
          g_assert_cmpuint (group->items->len, ==, 2);
        }
    }
  g_assert_cmpint (header, >=, 0);
  g_assert_cmpint (search, >, header);
  g_assert_cmpint (filters, >=, search);
  g_assert_cmpint (list, >, filters);
  /* No group holds another page's controls. */
  for (guint i = 0; i < groups->len; i++)
    g_assert_null (gtk_widget_get_ancestor (((BkEzGroup *)g_ptr_array_index (groups, i))->widget,
                                            BK_TYPE_MOTION_PAGE));

  nav_fixture_clear (&f);
}

/* One switch by ear: the automatic step waits while the kiosk speaks and
 * comes a full interval after the end of the utterance (issue 17, item 7),
 * so that no step cuts off what the last one said. */
static void
test_one_switch_waits_for_speech (void)
{
  NavFixture f;
  BkScanner *scanner;
  BkVoice *voice = bk_application_get_voice (app);
  BkSpeech *speech = bk_voice_get_speech (voice);
  GtkWidget *group;
  gint64 ended = 0;

  g_assert_nonnull (speech);
  nav_fixture_init (&f, app);
  scanner = bk_navigator_get_scanner (f.nav);
  bk_settings_set_int (settings (), "scan-interval", 500);
  bk_settings_set_string (settings (), "scan-mode", "one-switch");
  /* The changes are announced: scanning begins after them. */
  bk_voice_stop (voice);
  for (guint i = 0; i < 100 && bk_speech_is_speaking (speech); i++)
    bk_ui_test_iterate (10);
  g_assert_true (bk_scanner_has_timer (scanner));

  g_assert_cmpuint (bk_voice_say_on_demand (voice, "Was Sie brauchen: Personalausweis oder Reisepass, "
                                                   "bei Vertretung eine Vollmacht.", "de"), !=, 0);
  g_assert_true (bk_speech_is_speaking (speech));
  /* Speaking: no step is due. */
  g_assert_false (bk_scanner_has_timer (scanner));
  group = bk_scanner_get_group (scanner);
  for (guint i = 0; i < 1000 && bk_speech_is_speaking (speech); i++)
    {
      bk_ui_test_iterate (10);
      g_assert_true (bk_scanner_get_group (scanner) == group);
    }
  g_assert_false (bk_speech_is_speaking (speech));
  ended = g_get_monotonic_time ();
  /* Said to its end: the interval begins now, and the step comes after it. */
  g_assert_true (bk_scanner_has_timer (scanner));
  while (bk_scanner_get_group (scanner) == group && g_get_monotonic_time () - ended < 5 * G_USEC_PER_SEC)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (bk_scanner_get_group (scanner) != group);
  g_assert_cmpint (g_get_monotonic_time () - ended, >=, 450 * 1000);

  bk_settings_set_string (settings (), "scan-mode", "off");
  bk_settings_set_int (settings (), "scan-interval", 1500);
  nav_fixture_clear (&f);
}

/* A keyboard attached: Space and Return type into the field being typed
 * into, they are not the switch there (issue 17, item 7). */
static void
test_switch_keys_in_field (void)
{
  NavFixture f;
  GtkWidget *search;

  nav_fixture_init (&f, app);
  bk_settings_set_string (settings (), "scan-mode", "one-switch");
  bk_ui_test_open_page (f.window, "win.show-services", NULL);
  search = bk_services_page_get_search_entry (BK_SERVICES_PAGE (bk_window_get_page (f.window, "services")));
  g_assert_true (gtk_widget_grab_focus (search));
  /* Only focused: the switch. */
  g_assert_true (bk_navigator_owns_key (f.nav, GDK_KEY_space, 0));

  /* Letters typed: a keyboard is there. */
  g_assert_false (nav_press (&f, GDK_KEY_a));
  g_assert_false (bk_navigator_owns_key (f.nav, GDK_KEY_space, 0));
  g_assert_false (bk_navigator_owns_key (f.nav, GDK_KEY_Return, 0));
  g_assert_false (nav_press (&f, GDK_KEY_space));

  /* Elsewhere they are the switch again. */
  gtk_widget_grab_focus (bk_window_get_home_button (f.window));
  g_assert_true (bk_navigator_owns_key (f.nav, GDK_KEY_space, 0));

  bk_settings_set_string (settings (), "scan-mode", "off");
  nav_fixture_clear (&f);
}

/* In explore mode the switch says what it would choose, and nothing
 * happens. */
static void
test_explore_switch (void)
{
  NavFixture f;
  BkScanner *scanner;

  nav_fixture_init (&f, app);
  scanner = bk_navigator_get_scanner (f.nav);
  bk_settings_set_string (settings (), "scan-mode", "two-switch");
  step_switch (&f);
  step_switch (&f);
  g_assert_nonnull (bk_scanner_get_group (scanner));

  bk_settings_set_boolean (settings (), "explore-mode", TRUE);
  g_ptr_array_set_size (f.said, 0);
  select_switch (&f);
  g_assert_cmpuint (f.said->len, ==, 1);
  g_assert_nonnull (strstr (nav_last_said (&f), "Select switch"));
  g_assert_false (bk_scanner_in_group (scanner));
  g_assert_cmpstr (bk_window_get_page_name (f.window), ==, "home");

  nav_fixture_clear (&f);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  bk_ui_test_init (&argc, &argv);

  app = bk_ui_test_app_new ();

  g_test_add_func ("/scanning/groups", test_groups);
  g_test_add_func ("/scanning/one-switch", test_one_switch);
  g_test_add_func ("/scanning/one-switch-by-ear", test_one_switch_waits_for_speech);
  g_test_add_func ("/scanning/switch-keys-in-field", test_switch_keys_in_field);
  g_test_add_func ("/scanning/two-switch", test_two_switch);
  g_test_add_func ("/scanning/leave-group", test_leave_group);
  g_test_add_func ("/scanning/explore", test_explore_switch);

  status = g_test_run ();

  g_clear_object (&app);
  return status;
}
