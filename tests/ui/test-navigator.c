/* test-navigator.c: the EZ keypad, explore mode, the key map, debounce and
 * autorepeat, with every task of the kiosk done by keypad and by keyboard
 *
 * Runs with GTK_A11Y=test under gui-run.sh; speech plays into memory. What
 * the navigator says is taken from its "said" signal, so the tests also run
 * without voice data. The navigator's clock is a fake one: nothing sleeps.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "bk-nav-test-util.h"
#include "bk-ui-test-util.h"
#include "bk-config.h"

#include <string.h>
#include <adwaita.h>

#include "bk-demo.h"
#include "bk-ez-tree.h"
#include "bk-form-page-private.h"
#include "bk-help-overlay.h"
#include "bk-home-page.h"
#include "bk-keymap.h"
#include "bk-motion-list-page.h"
#include "bk-motion-page.h"
#include "bk-osk.h"
#include "bk-ui.h"

static BkApplication *app;

static BkSettings *
settings (void)
{
  return bk_application_get_settings (app);
}

static gboolean
is_label_with (GtkWidget     *item,
               gconstpointer  text)
{
  return GTK_IS_LABEL (item) && strstr (gtk_label_get_text (GTK_LABEL (item)), text) != NULL;
}

static gboolean
is_unpressed_toggle (GtkWidget     *item,
                     gconstpointer  data)
{
  if (GTK_IS_TOGGLE_BUTTON (item))
    return !gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (item));
  if (GTK_IS_CHECK_BUTTON (item))
    return !gtk_check_button_get_active (GTK_CHECK_BUTTON (item));
  if (GTK_IS_SWITCH (item))
    return !gtk_switch_get_active (GTK_SWITCH (item));
  return FALSE;
}

/* ---- the key map -------------------------------------------------------- */

static void
test_keymap (void)
{
  g_autoptr(BkKeymap) defaults = bk_keymap_new (bk_settings_get_keypad_map (settings ()));
  g_autoptr(BkKeymap) custom = NULL;
  g_autoptr(GVariant) map = NULL;

  g_assert_cmpuint (bk_keymap_lookup (defaults, GDK_KEY_KP_8), ==, BK_KEYPAD_MASK (BK_KEYPAD_UP));
  g_assert_cmpuint (bk_keymap_lookup (defaults, GDK_KEY_KP_Up), ==, BK_KEYPAD_MASK (BK_KEYPAD_UP));
  g_assert_cmpuint (bk_keymap_lookup (defaults, GDK_KEY_KP_Down), ==, BK_KEYPAD_MASK (BK_KEYPAD_DOWN));
  g_assert_cmpuint (bk_keymap_lookup (defaults, GDK_KEY_KP_Enter), ==, BK_KEYPAD_MASK (BK_KEYPAD_ACTION));
  g_assert_cmpuint (bk_keymap_lookup (defaults, GDK_KEY_F1), ==, BK_KEYPAD_MASK (BK_KEYPAD_HELP));
  g_assert_cmpuint (bk_keymap_lookup (defaults, GDK_KEY_KP_Subtract), ==, BK_KEYPAD_MASK (BK_KEYPAD_EXPLORE));
  g_assert_cmpuint (bk_keymap_lookup (defaults, GDK_KEY_a), ==, 0);
  g_assert_cmpuint (bk_keymap_get_keys (defaults, BK_KEYPAD_DOWN)[0], ==, GDK_KEY_KP_Down);

  g_assert_cmpint (bk_keypad_command_from_string ("volume-up"), ==, BK_KEYPAD_VOLUME_UP);
  g_assert_cmpstr (bk_keypad_command_to_string (BK_KEYPAD_SWITCH_STEP), ==, "switch-step");

  /* A typo in a key name or a command costs that entry, nothing else, and
   * the warning names both (structured logging: g_test_expect_message does
   * not see it, so in a subprocess). */
  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();
      g_test_trap_assert_stderr ("*WARNING*command “down”*unknown key name “KP_Dwn”*"
                                 "*WARNING*unknown command “jump”*");
      return;
    }

  g_log_set_always_fatal (G_LOG_FATAL_MASK);
  map = g_variant_ref_sink (g_variant_new_parsed ("{'down': ['F5', 'KP_Dwn'], 'jump': ['F6'], 'up': ['A']}"));
  custom = bk_keymap_new (map);
  g_assert_cmpuint (bk_keymap_lookup (custom, GDK_KEY_F5), ==, BK_KEYPAD_MASK (BK_KEYPAD_DOWN));
  g_assert_cmpuint (bk_keymap_lookup (custom, GDK_KEY_F6), ==, 0);
  /* Case does not matter. */
  g_assert_cmpuint (bk_keymap_lookup (custom, GDK_KEY_a), ==, BK_KEYPAD_MASK (BK_KEYPAD_UP));
  g_assert_cmpuint (bk_keymap_lookup (custom, GDK_KEY_A), ==, BK_KEYPAD_MASK (BK_KEYPAD_UP));
}

/* The navigator reads the map again when it changes. */
static void
test_keymap_follows_setting (void)
{
  NavFixture f;
  g_autoptr(GVariant) saved = g_variant_ref (bk_settings_get_keypad_map (settings ()));
  g_autoptr(GVariant) map = g_variant_ref_sink (g_variant_new_parsed ("{'down': ['F5'], 'up': ['F6']}"));

  nav_fixture_init (&f, app);

  g_assert_true (nav_press (&f, GDK_KEY_KP_Down));
  g_assert_nonnull (bk_navigator_get_current (f.nav));

  bk_settings_set_keypad_map (settings (), map);
  g_assert_false (nav_press (&f, GDK_KEY_KP_Down));
  g_assert_true (nav_press (&f, GDK_KEY_F5));
  g_assert_true (bk_navigator_owns_key (f.nav, GDK_KEY_F6, 0));
  g_assert_false (bk_navigator_owns_key (f.nav, GDK_KEY_KP_Up, 0));

  bk_settings_set_keypad_map (settings (), saved);
  g_assert_true (bk_navigator_owns_key (f.nav, GDK_KEY_KP_Up, 0));
  /* Never with Control or Alt: Alt+Home is the start page. */
  g_assert_false (bk_navigator_owns_key (f.nav, GDK_KEY_KP_Home, GDK_ALT_MASK));

  nav_fixture_clear (&f);
}

/* ---- the citizen's town, from the start page with the keypad only -------- */

static gboolean
is_row_named (GtkWidget     *item,
              gconstpointer  text)
{
  g_autofree char *name = NULL;

  if (!GTK_IS_LIST_BOX_ROW (item))
    return FALSE;
  name = bk_ez_dup_name (item);
  return name != NULL && strstr (name, text) != NULL;
}

static void
test_town_by_keypad (void)
{
  NavFixture f;
  BkSettings *settings = bk_application_get_settings (app);
  BkHomePage *home;
  BkServicePage *page;
  GtkWidget *services, *row, *lindental;
  g_autofree char *text = NULL;

  nav_fixture_init_full (&f, app, bk_ui_test_add_xzufi);
  home = BK_HOME_PAGE (bk_window_get_page (f.window, "home"));
  services = bk_home_page_get_choice (home, 0);

  /* Start page → Services (Down until it, Action). */
  g_assert_true (nav_press_until (&f, GDK_KEY_KP_Down, nav_is_widget, services, 60) == services);
  nav_press (&f, GDK_KEY_KP_Begin);
  g_assert_cmpstr (bk_window_get_page_name (f.window), ==, "services");
  /* The service from XZuFi (its English name) → its page. */
  row = nav_press_until (&f, GDK_KEY_KP_Down, is_row_named, "Register your address", 200);
  g_assert_nonnull (row);
  nav_press (&f, GDK_KEY_KP_Begin);
  g_assert_cmpstr (bk_window_get_page_name (f.window), ==, "service");
  page = BK_SERVICE_PAGE (bk_window_get_page (f.window, "service"));
  /* Down to the town buttons under "Where to go"; Action chooses Lindental. */
  lindental = bk_service_page_get_town_button (page, BK_UI_TEST_LINDENTAL);
  g_assert_nonnull (lindental);
  g_assert_true (nav_press_until (&f, GDK_KEY_KP_Down, nav_is_widget, lindental, 300) == lindental);
  g_assert_true (nav_said_contains (&f, "Gemeinde Lindental"));
  nav_press (&f, GDK_KEY_KP_Begin);
  g_assert_cmpstr (bk_settings_get_string (settings, "town"), ==, BK_UI_TEST_LINDENTAL);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (lindental)));
  text = bk_ui_test_dup_text (bk_service_page_get_section (page, BK_SERVICE_SECTION_OFFICE));
  g_assert_nonnull (strstr (text, "Gemeinde Lindental – Bürgerservice"));
  /* Down goes on to the office of the town just chosen. */
  g_assert_nonnull (nav_press_until (&f, GDK_KEY_KP_Down, is_label_with, "Your town: Gemeinde Lindental", 10));

  bk_settings_set_string (settings, "town", "");
  nav_fixture_clear (&f);
}

/* ---- reading order ------------------------------------------------------ */

static void
test_reading_order (void)
{
  NavFixture f;
  BkHomePage *home;
  GtkWidget *heading_item = NULL;
  GtkWidget *services = NULL;
  int heading_at = -1, services_at = -1, motions_at = -1, lead_at = -1;
  guint edges;

  nav_fixture_init (&f, app);
  home = BK_HOME_PAGE (bk_window_get_page (f.window, "home"));

  /* From the top to the end of the screen, one item per key. */
  for (int i = 0; i < 60; i++)
    {
      GtkWidget *current;
      guint before = f.said->len;

      edges = f.edges;
      nav_press (&f, GDK_KEY_KP_Down);
      current = bk_navigator_get_current (f.nav);
      g_assert_nonnull (current);
      g_assert_true (gtk_widget_has_css_class (current, "bk-ez-current"));
      if (f.edges > edges)
        break;
      g_assert_cmpuint (f.said->len, ==, before + 1);

      if (heading_at < 0 && is_label_with (current, "Welcome"))
        heading_at = i, heading_item = current;
      if (lead_at < 0 && is_label_with (current, "What would you like to do?"))
        lead_at = i;
      if (current == bk_home_page_get_choice (home, 0))
        services_at = i, services = current;
      if (current == bk_home_page_get_choice (home, 1))
        motions_at = i;

      /* Nothing from the hidden pages or the caption bar. */
      g_assert_null (gtk_widget_get_ancestor (current, BK_TYPE_MOTION_LIST_PAGE));
      g_assert_false (is_label_with (current, "Search motions"));
    }

  g_assert_cmpint (f.edges, >, 0);
  g_assert_cmpint (heading_at, >=, 0);
  g_assert_cmpint (lead_at, >, heading_at);
  g_assert_cmpint (services_at, >, lead_at);
  g_assert_cmpint (motions_at, >, services_at);
  /* A button is one item: its labels are not read apart. */
  g_assert_true (nav_said_contains (&f, "Services, button"));
  g_assert_false (nav_said_contains (&f, "What the administration offers you, Services"));
  /* The heading says it is one; plain text is read as it is. */
  g_assert_true (nav_said_contains (&f, "Welcome, heading"));
  g_assert_true (nav_said_contains (&f, "What would you like to do?"));

  /* The only highlight is the current item; controls get the focus. */
  g_assert_false (gtk_widget_has_css_class (heading_item, "bk-ez-current"));
  g_assert_true (nav_press_until (&f, GDK_KEY_KP_Up, nav_is_widget, services, 60) == services);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f.window)) == services ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f.window)), services));

  /* Up at the top: the edge earcon. */
  for (int i = 0; i < 60 && f.edges == edges; i++)
    nav_press (&f, GDK_KEY_KP_8);
  g_assert_cmpuint (f.edges, >, edges);

  nav_fixture_clear (&f);
}

/* Motion text under the reading cursor is German whatever the interface
 * language (here English): the German voice reads it; our words stay English. */
static gboolean
is_content_label (GtkWidget     *item,
                  gconstpointer  data)
{
  return GTK_IS_LABEL (item) && !gtk_widget_get_focusable (item) &&
         g_strcmp0 (bk_ui_get_content_language (item), "de") == 0;
}

static void
test_content_language (void)
{
  NavFixture f;
  BkVoice *voice;
  GtkWidget *item;

  nav_fixture_init (&f, app);
  voice = bk_window_get_voice (f.window);
  bk_ui_test_open_page (f.window, "win.open-motion", g_variant_new_int64 (f.ramp_id));

  item = nav_press_until (&f, GDK_KEY_KP_Down, is_content_label, NULL, 80);
  g_assert_nonnull (item);
  g_assert_cmpstr (bk_voice_get_last_language (voice), ==, "de");

  /* A heading of ours is not content. */
  g_assert_null (bk_ui_get_content_language (bk_window_get_back_button (f.window)));

  nav_fixture_clear (&f);
}

/* ---- every task by keypad ----------------------------------------------- */

static void
open_motion_by_keypad (NavFixture *f)
{
  BkHomePage *home = BK_HOME_PAGE (bk_window_get_page (f->window, "home"));
  GtkWidget *row;

  g_assert_nonnull (nav_press_until (f, GDK_KEY_KP_Down, nav_is_widget,
                                     bk_home_page_get_choice (home, 1), 60));
  nav_press (f, GDK_KEY_KP_5);
  g_assert_cmpstr (bk_window_get_page_name (f->window), ==, "motions");

  /* A new screen: the cursor starts at its top again. */
  row = nav_press_until (f, GDK_KEY_KP_Down, nav_is_row_of, "Rampe", 80);
  g_assert_nonnull (row);
  g_assert_true (nav_said_contains (f, "Rampe am Rathauseingang"));
  nav_press (f, GDK_KEY_KP_Begin);
  g_assert_cmpstr (bk_window_get_page_name (f->window), ==, "motion");
  g_assert_cmpint (bk_motion_page_get_motion_id (BK_MOTION_PAGE (bk_window_get_page (f->window, "motion"))),
                   ==, f->ramp_id);
}

static void
test_keypad_tasks (void)
{
  NavFixture f;
  BkHomePage *home;
  GtkWidget *first;

  nav_fixture_init (&f, app);
  home = BK_HOME_PAGE (bk_window_get_page (f.window, "home"));

  open_motion_by_keypad (&f);

  /* Read the sections: headings and their text, in order. */
  g_ptr_array_set_size (f.said, 0);
  g_assert_nonnull (nav_press_until (&f, GDK_KEY_KP_2, is_label_with, "Rollstuhlfahrer", 120));
  g_assert_true (nav_said_contains (&f, "What is asked, heading"));
  g_assert_true (nav_said_contains (&f, "Der Kreis baut eine Rampe."));
  g_assert_true (nav_said_contains (&f, "Why, heading"));
  /* Action on text says it again. */
  g_ptr_array_set_size (f.said, 0);
  nav_press (&f, GDK_KEY_KP_5);
  g_assert_cmpuint (f.said->len, ==, 1);
  g_assert_nonnull (strstr (nav_last_said (&f), "Rollstuhlfahrer"));
  g_assert_cmpstr (bk_window_get_page_name (f.window), ==, "motion");

  /* Next: this screen has none. */
  f.edges = 0;
  nav_press (&f, GDK_KEY_KP_9);
  g_assert_cmpuint (f.edges, ==, 1);
  g_assert_nonnull (strstr (nav_last_said (&f), "Nothing to do"));
  g_assert_cmpstr (bk_window_get_page_name (f.window), ==, "motion");

  /* Back twice is the start page; there Back has nowhere to go. */
  nav_press (&f, GDK_KEY_KP_7);
  g_assert_cmpstr (bk_window_get_page_name (f.window), ==, "motions");
  nav_press (&f, GDK_KEY_KP_Home);
  g_assert_cmpstr (bk_window_get_page_name (f.window), ==, "home");
  f.edges = 0;
  nav_press (&f, GDK_KEY_KP_7);
  g_assert_cmpstr (bk_window_get_page_name (f.window), ==, "home");
  g_assert_cmpuint (f.edges, ==, 1);

  /* Home from a motion: the header bar's Start page button, above the
   * page's content. */
  open_motion_by_keypad (&f);
  first = nav_press_until (&f, GDK_KEY_KP_Up, nav_is_widget, bk_window_get_home_button (f.window), 120);
  g_assert_nonnull (first);
  nav_press (&f, GDK_KEY_KP_Enter);
  g_assert_cmpstr (bk_window_get_page_name (f.window), ==, "home");
  g_assert_false (gtk_widget_get_visible (bk_window_get_back_button (f.window)));
  (void)home;

  /* The volume keys: louder and quieter, by one step each. */
  {
    int volume = bk_settings_get_speech_volume (settings ());

    nav_press (&f, GDK_KEY_KP_1);
    g_assert_cmpint (bk_settings_get_speech_volume (settings ()), <, volume);
    nav_press (&f, GDK_KEY_KP_3);
    g_assert_cmpint (bk_settings_get_speech_volume (settings ()), ==, volume);
  }

  nav_fixture_clear (&f);
}

/* Issue 17, item 6: the first Down is on the page, not in the header bar;
 * a form is operated with the Next key, its new step starts on its first
 * field, a field is one stop (its label and hint are said with it), and
 * Action on any text field, the multi-line one too, opens the on-screen
 * keyboard. */
static gboolean
is_text_view (GtkWidget     *item,
              gconstpointer  data)
{
  return GTK_IS_TEXT_VIEW (item);
}

static void
seed_demo (BkStore *store)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (bk_demo_seed (store, &error));
  g_assert_no_error (error);
}

static void
test_keypad_form (void)
{
  NavFixture f;
  BkFormPage *page;
  BkOsk *osk;
  GtkWidget *place, *problem, *current;
  g_autoptr(GPtrArray) items = NULL;

  nav_fixture_init_full (&f, app, seed_demo);
  page = BK_FORM_PAGE (bk_window_get_page (f.window, "form"));
  osk = BK_OSK (bk_window_get_keyboard (f.window));

  /* Skip to the content: the first stop is on the start page. */
  nav_press (&f, GDK_KEY_KP_Down);
  current = bk_navigator_get_current (f.nav);
  g_assert_nonnull (current);
  g_assert_true (gtk_widget_is_ancestor (current, bk_window_get_page (f.window, "home")));

  bk_ui_test_open_page (f.window, "win.open-service", g_variant_new_string ("maengel-melden-stadt-auenbach"));
  /* Right and Left go heading by heading. */
  {
    GtkWidget *first, *second;

    nav_press (&f, GDK_KEY_KP_6);
    first = bk_navigator_get_current (f.nav);
    g_assert_nonnull (first);
    g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (first)), ==, GTK_ACCESSIBLE_ROLE_HEADING);
    nav_press (&f, GDK_KEY_KP_6);
    second = bk_navigator_get_current (f.nav);
    g_assert_true (second != first);
    g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (second)), ==, GTK_ACCESSIBLE_ROLE_HEADING);
    nav_press (&f, GDK_KEY_KP_4);
    g_assert_true (bk_navigator_get_current (f.nav) == first);
    f.edges = 0;
    nav_press (&f, GDK_KEY_KP_4);
    g_assert_cmpuint (f.edges, ==, 1);
  }
  bk_ui_test_open_page (f.window, "win.start-form", g_variant_new_string ("defect-report"));
  g_assert_cmpint (bk_form_page_get_step (page), ==, BK_FORM_STEP_PRIVACY);

  /* Next is Start: the questions, the cursor on the first field. */
  nav_press (&f, GDK_KEY_KP_9);
  g_assert_cmpint (bk_form_page_get_step (page), ==, BK_FORM_STEP_QUESTIONS);
  place = bk_form_page_get_input (page, "place");
  current = bk_navigator_get_current (f.nav);
  g_assert_true (current == place || gtk_widget_is_ancestor (current, place));

  /* One stop per field: no label or hint of a text field is an item. */
  items = bk_ez_collect_items (bk_ez_get_screen_root (GTK_WIDGET (f.window)), FALSE);
  for (guint i = 0; i < items->len; i++)
    {
      GtkWidget *item = g_ptr_array_index (items, i);

      g_assert_false (is_label_with (item, "What is wrong"));
      g_assert_false (is_label_with (item, "Describe the problem"));
    }

  /* Action: the keyboard for the field, at once. */
  nav_press (&f, GDK_KEY_KP_5);
  g_assert_true (bk_osk_is_open (osk));
  nav_press (&f, GDK_KEY_KP_7);
  g_assert_false (bk_osk_is_open (osk));
  gtk_editable_set_text (GTK_EDITABLE (place), "Bahnhofstraße 20");

  /* The multi-line field too. */
  problem = nav_press_until (&f, GDK_KEY_KP_2, is_text_view, NULL, 20);
  g_assert_nonnull (problem);
  g_ptr_array_set_size (f.said, 0);
  nav_press (&f, GDK_KEY_KP_5);
  g_assert_false (nav_said_contains (&f, "cannot be used"));
  g_assert_true (bk_osk_is_open (osk));
  g_assert_true (bk_osk_get_target (osk) == problem);
  nav_press (&f, GDK_KEY_KP_7);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (problem)), "Die Lampe ist kaputt.", -1);

  /* Next checks and goes on; on the overview Next is Send. */
  nav_press (&f, GDK_KEY_KP_9);
  for (guint i = 0; i < 5 && bk_form_page_get_step (page) == BK_FORM_STEP_QUESTIONS; i++)
    nav_press (&f, GDK_KEY_KP_9);
  g_assert_cmpint (bk_form_page_get_step (page), ==, BK_FORM_STEP_CONFIRM);
  nav_press (&f, GDK_KEY_KP_9);
  for (guint i = 0; i < 100 && g_strcmp0 (bk_window_get_page_name (f.window), "receipt") != 0; i++)
    bk_ui_test_iterate (20);
  g_assert_cmpstr (bk_window_get_page_name (f.window), ==, "receipt");

  nav_fixture_clear (&f);
}

static void
test_keypad_accessibility (void)
{
  NavFixture f;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GtkWidget *toggle;

  nav_fixture_init (&f, app);
  g_assert_nonnull (bk_window_get_page (f.window, "accessibility"));

  nav_press (&f, GDK_KEY_KP_Multiply);
  g_assert_cmpstr (bk_window_get_page_name (f.window), ==, "accessibility");

  /* The first control that is not on yet: Action turns it on. */
  toggle = nav_press_until (&f, GDK_KEY_KP_Down, is_unpressed_toggle, NULL, 120);
  g_assert_nonnull (toggle);
  before = nav_dup_settings (settings ());
  nav_press (&f, GDK_KEY_KP_5);
  after = nav_dup_settings (settings ());
  g_assert_cmpstr (before, !=, after);

  nav_press (&f, GDK_KEY_KP_7);
  g_assert_cmpstr (bk_window_get_page_name (f.window), ==, "home");

  nav_fixture_clear (&f);
}

static void
test_keypad_help (void)
{
  NavFixture f;
  BkHelpOverlay *overlay;
  guint n;

  nav_fixture_init (&f, app);
  g_assert_nonnull (bk_window_get_help_overlay (f.window));
  overlay = BK_HELP_OVERLAY (bk_window_get_help_overlay (f.window));

  nav_press (&f, GDK_KEY_KP_Down);
  nav_press (&f, GDK_KEY_KP_Divide);
  g_assert_true (bk_help_overlay_is_open (overlay));
  n = bk_help_overlay_get_n_layers (overlay);
  g_assert_cmpuint (n, >=, 2);
  g_assert_cmpuint (bk_help_overlay_get_layer (overlay), ==, 0);

  /* While the help is open, Up, Down, Action and Help are the help's. */
  nav_press (&f, GDK_KEY_KP_2);
  g_assert_cmpuint (bk_help_overlay_get_layer (overlay), ==, 1);
  nav_press (&f, GDK_KEY_KP_5);
  g_assert_cmpuint (bk_help_overlay_get_layer (overlay), ==, 1);
  nav_press (&f, GDK_KEY_KP_8);
  g_assert_cmpuint (bk_help_overlay_get_layer (overlay), ==, 0);
  nav_press (&f, GDK_KEY_F1);
  g_assert_false (bk_help_overlay_is_open (overlay));
  g_assert_cmpstr (bk_window_get_page_name (f.window), ==, "home");

  nav_fixture_clear (&f);
}

/* After a page change the cursor starts at the first item again; a touch
 * leaves EZ mode and Up or Down resume it. */
static void
test_touch_and_page_change (void)
{
  NavFixture f;
  GtkWidget *current;
  g_autoptr(GPtrArray) items = NULL;

  nav_fixture_init (&f, app);

  nav_press (&f, GDK_KEY_KP_2);
  nav_press (&f, GDK_KEY_KP_2);
  current = bk_navigator_get_current (f.nav);
  g_assert_nonnull (current);

  g_assert_false (bk_navigator_handle_touch (f.nav, 10, 10));
  g_assert_false (bk_navigator_get_active (f.nav));
  g_assert_null (bk_navigator_get_current (f.nav));
  g_assert_false (gtk_widget_has_css_class (current, "bk-ez-current"));

  nav_press (&f, GDK_KEY_KP_2);
  g_assert_true (bk_navigator_get_current (f.nav) == current);
  g_assert_true (gtk_widget_has_css_class (current, "bk-ez-current"));

  bk_ui_test_open_page (f.window, "win.show-motions", NULL);
  nav_press (&f, GDK_KEY_KP_2);
  items = bk_ez_collect_items (GTK_WIDGET (f.window), FALSE);
  /* A new screen starts at the page's first item, past the header bar. */
  {
    GtkWidget *page = bk_window_get_page (f.window, "motions");
    guint first = 0;

    while (first < items->len && !gtk_widget_is_ancestor (g_ptr_array_index (items, first), page))
      first++;
    g_assert_cmpuint (first, >, 0);
    g_assert_cmpuint (first, <, items->len);
    g_assert_true (bk_navigator_get_current (f.nav) == g_ptr_array_index (items, first));
    /* Up from there: the header bar's last item. */
    nav_press (&f, GDK_KEY_KP_8);
    g_assert_true (bk_navigator_get_current (f.nav) == g_ptr_array_index (items, first - 1));
  }
  g_assert_false (gtk_widget_has_css_class (current, "bk-ez-current"));

  nav_fixture_clear (&f);
}

/* ---- keyboard only ------------------------------------------------------- */

static gboolean
tab_to (BkWindow  *window,
        GtkWidget *target,
        guint      limit)
{
  for (guint i = 0; i < limit; i++)
    {
      GtkWidget *focus;

      if (!gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD))
        gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD);
      focus = gtk_root_get_focus (GTK_ROOT (window));
      if (focus == target || (focus != NULL && gtk_widget_is_ancestor (focus, target)))
        return TRUE;
    }

  return FALSE;
}

static void
test_keyboard_tasks (void)
{
  NavFixture f;
  BkHomePage *home;
  GtkWidget *list;
  GtkWidget *focus;
  GtkWidget *row = NULL;

  nav_fixture_init (&f, app);
  home = BK_HOME_PAGE (bk_window_get_page (f.window, "home"));

  g_assert_true (tab_to (f.window, bk_home_page_get_choice (home, 1), 40));
  /* Enter: GTK clicks after its press animation. */
  g_assert_true (gtk_widget_activate (gtk_root_get_focus (GTK_ROOT (f.window))));
  for (int i = 0; i < 100 && g_strcmp0 (bk_window_get_page_name (f.window), "home") == 0; i++)
    bk_ui_test_iterate (20);
  g_assert_cmpstr (bk_window_get_page_name (f.window), ==, "motions");

  /* Into the list with Tab, then Down with the arrow key. */
  list = bk_motion_list_page_get_list_view (BK_MOTION_LIST_PAGE (bk_window_get_page (f.window, "motions")));
  g_assert_true (tab_to (f.window, list, 40));
  for (int i = 0; i < 10; i++)
    {
      focus = gtk_root_get_focus (GTK_ROOT (f.window));
      if (nav_is_row_of (focus, "Rampe"))
        {
          row = focus;
          break;
        }
      g_assert_true (gtk_widget_child_focus (list, GTK_DIR_DOWN));
    }
  g_assert_nonnull (row);
  /* Enter on a row is its list's activate. */
  g_assert_true (bk_ez_activate (row));
  bk_ui_test_iterate (50);
  g_assert_cmpstr (bk_window_get_page_name (f.window), ==, "motion");

  /* The motion's text blocks take the focus one after the other. */
  {
    gboolean heard_why = FALSE;

    for (int i = 0; i < 40 && !heard_why; i++)
      {
        gtk_widget_child_focus (GTK_WIDGET (f.window), GTK_DIR_TAB_FORWARD);
        focus = gtk_root_get_focus (GTK_ROOT (f.window));
        heard_why = GTK_IS_LABEL (focus) && strstr (gtk_label_get_text (GTK_LABEL (focus)), "Rollstuhlfahrer");
      }
    g_assert_true (heard_why);
  }

  /* Escape is Back, Alt+Home the start page. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.back", NULL));
  g_assert_cmpstr (bk_window_get_page_name (f.window), ==, "motions");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.home", NULL));
  g_assert_cmpstr (bk_window_get_page_name (f.window), ==, "home");

  nav_fixture_clear (&f);
}

/* ---- explore mode -------------------------------------------------------- */

typedef struct
{
  const char *page;
  GtkWidget  *focus;
  gboolean    back_visible;
  char       *settings;
} State;

static void
state_take (State    *s,
            BkWindow *window)
{
  s->page = bk_window_get_page_name (window);
  s->focus = gtk_root_get_focus (GTK_ROOT (window));
  s->back_visible = gtk_widget_get_visible (bk_window_get_back_button (window));
  s->settings = nav_dup_settings (settings ());
}

static void
state_assert_same (State    *s,
                   BkWindow *window)
{
  g_autofree char *now = nav_dup_settings (settings ());

  g_assert_cmpstr (bk_window_get_page_name (window), ==, s->page);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == s->focus);
  g_assert_cmpint (gtk_widget_get_visible (bk_window_get_back_button (window)), ==, s->back_visible);
  g_assert_cmpstr (now, ==, s->settings);
  g_clear_pointer (&s->settings, g_free);
}

static void
test_explore (void)
{
  static const guint keys[] = {
    GDK_KEY_KP_Down, GDK_KEY_KP_Up, GDK_KEY_KP_5, GDK_KEY_KP_7, GDK_KEY_KP_9,
    GDK_KEY_KP_1, GDK_KEY_KP_3, GDK_KEY_KP_Multiply, GDK_KEY_Tab, GDK_KEY_Return,
    GDK_KEY_Escape, GDK_KEY_a, GDK_KEY_F1,
  };
  NavFixture f;
  BkHomePage *home;
  GtkWidget *motions;
  graphene_point_t point;

  nav_fixture_init (&f, app);
  home = BK_HOME_PAGE (bk_window_get_page (f.window, "home"));
  motions = bk_home_page_get_choice (home, 1);

  bk_ui_test_open_page (f.window, "win.show-motions", NULL);
  nav_press (&f, GDK_KEY_KP_Subtract);
  g_assert_true (bk_settings_get_boolean (settings (), "explore-mode"));
  g_assert_nonnull (strstr (nav_last_said (&f), "Explore mode on"));

  /* Every key says what it does, once, and changes nothing. */
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      State state;
      guint before = f.said->len;

      state_take (&state, f.window);
      g_assert_true (nav_press (&f, keys[i]));
      g_assert_cmpuint (f.said->len, ==, before + 1);
      state_assert_same (&state, f.window);
      g_assert_null (bk_navigator_get_current (f.nav));
    }
  g_assert_true (nav_said_contains (&f, "Down: next item"));
  g_assert_true (nav_said_contains (&f, "Back: previous screen"));
  g_assert_true (nav_said_contains (&f, "Tab: next control"));
  g_assert_true (nav_said_contains (&f, "Help: opens or closes the help"));
  if (bk_window_get_help_overlay (f.window) != NULL)
    g_assert_false (bk_help_overlay_is_open (BK_HELP_OVERLAY (bk_window_get_help_overlay (f.window))));

  /* A touch only says what is there; the gesture claims it. */
  bk_settings_set_boolean (settings (), "explore-mode", FALSE);
  bk_ui_test_open_page (f.window, "win.home", NULL);
  bk_settings_set_boolean (settings (), "explore-mode", TRUE);
  {
    State state;
    graphene_rect_t bounds;

    g_assert_true (gtk_widget_compute_bounds (motions, GTK_WIDGET (f.window), &bounds));
    graphene_rect_get_center (&bounds, &point);
    state_take (&state, f.window);
    g_ptr_array_set_size (f.said, 0);
    g_assert_true (bk_navigator_handle_touch (f.nav, point.x, point.y));
    g_assert_cmpuint (f.said->len, ==, 1);
    g_assert_nonnull (strstr (nav_last_said (&f), "Council motions, button"));
    state_assert_same (&state, f.window);
  }

  /* Holding Help leaves explore mode, and says so. */
  g_assert_true (bk_navigator_handle_key (f.nav, GDK_KEY_KP_Divide, 0));
  f.now += (BK_NAVIGATOR_HELP_HOLD_MS + 100) * 1000;
  g_assert_true (bk_navigator_handle_key_release (f.nav, GDK_KEY_KP_Divide, 0));
  g_assert_false (bk_settings_get_boolean (settings (), "explore-mode"));
  g_assert_nonnull (strstr (nav_last_said (&f), "Explore mode off"));
  g_assert_false (bk_navigator_handle_touch (f.nav, point.x, point.y));

  /* … and holding it again enters it. */
  f.now += G_USEC_PER_SEC;
  bk_navigator_handle_key (f.nav, GDK_KEY_KP_Divide, 0);
  f.now += (BK_NAVIGATOR_HELP_HOLD_MS + 100) * 1000;
  bk_navigator_handle_key_release (f.nav, GDK_KEY_KP_Divide, 0);
  g_assert_true (bk_settings_get_boolean (settings (), "explore-mode"));

  nav_fixture_clear (&f);
  g_assert_false (bk_settings_get_boolean (settings (), "explore-mode"));
}

/* ---- debounce and autorepeat -------------------------------------------- */

static void
test_debounce_autorepeat (void)
{
  NavFixture f;
  GtkWidget *first, *second;

  nav_fixture_init (&f, app);

  /* Autorepeat: presses without a release move once. */
  g_assert_true (bk_navigator_handle_key (f.nav, GDK_KEY_KP_Down, 0));
  first = bk_navigator_get_current (f.nav);
  for (int i = 0; i < 5; i++)
    {
      f.now += 30 * 1000;
      g_assert_true (bk_navigator_handle_key (f.nav, GDK_KEY_KP_Down, 0));
    }
  g_assert_true (bk_navigator_get_current (f.nav) == first);
  bk_navigator_handle_key_release (f.nav, GDK_KEY_KP_Down, 0);
  /* Other keys repeat as usual. */
  g_assert_false (bk_navigator_handle_key (f.nav, GDK_KEY_Right, 0));
  g_assert_false (bk_navigator_handle_key (f.nav, GDK_KEY_Right, 0));
  bk_navigator_handle_key_release (f.nav, GDK_KEY_Right, 0);

  /* Debounce 300 ms: the same key again within it is ignored, from the
   * release on; another key is not. */
  bk_settings_set_int (settings (), "key-debounce", 300);
  f.now += G_USEC_PER_SEC;
  nav_press (&f, GDK_KEY_KP_Down);
  second = bk_navigator_get_current (f.nav);
  g_assert_true (second != first);

  f.now += G_USEC_PER_SEC;
  bk_navigator_handle_key (f.nav, GDK_KEY_KP_Up, 0);
  f.now += 100 * 1000;
  bk_navigator_handle_key_release (f.nav, GDK_KEY_KP_Up, 0);
  g_assert_true (bk_navigator_get_current (f.nav) == first);
  f.now += 200 * 1000;
  g_assert_true (bk_navigator_handle_key (f.nav, GDK_KEY_KP_Up, 0));   /* bounce */
  g_assert_true (bk_navigator_get_current (f.nav) == first);
  f.now += 50 * 1000;
  bk_navigator_handle_key_release (f.nav, GDK_KEY_KP_Up, 0);
  /* Another key right after it counts. */
  f.now += 100 * 1000;
  g_assert_true (bk_navigator_handle_key (f.nav, GDK_KEY_KP_Down, 0));
  bk_navigator_handle_key_release (f.nav, GDK_KEY_KP_Down, 0);
  g_assert_true (bk_navigator_get_current (f.nav) == second);

  /* Debounce holds for all keys: a bounced Tab never reaches the window. */
  f.now += G_USEC_PER_SEC;
  g_assert_false (bk_navigator_handle_key (f.nav, GDK_KEY_Tab, 0));
  bk_navigator_handle_key_release (f.nav, GDK_KEY_Tab, 0);
  f.now += 100 * 1000;
  g_assert_true (bk_navigator_handle_key (f.nav, GDK_KEY_Tab, 0));
  bk_navigator_handle_key_release (f.nav, GDK_KEY_Tab, 0);

  nav_fixture_clear (&f);
}

/* ---- real key events ----------------------------------------------------- */

static gboolean
run_xdotool (const char *args)
{
  g_autofree char *command = g_strdup_printf ("xdotool %s", args);
  int status = -1;

  if (!g_spawn_command_line_sync (command, NULL, NULL, &status, NULL))
    return FALSE;
  return g_spawn_check_wait_status (status, NULL);
}

/* The X server's key events through GDK and the window's key controller. */
static void
test_real_keys (void)
{
  NavFixture f;
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");
  gint64 end;

  if (xdotool == NULL || g_getenv ("DISPLAY") == NULL)
    {
      g_test_skip ("needs xdotool and an X display");
      return;
    }

  nav_fixture_init (&f, app);
  bk_navigator_set_time_func (f.nav, NULL, NULL);

  /* No window manager: the pointer's window gets the keys. */
  if (!run_xdotool ("mousemove 600 400") || !run_xdotool ("key KP_Down"))
    {
      g_test_skip ("xdotool failed");
      nav_fixture_clear (&f);
      return;
    }
  end = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;
  while (bk_navigator_get_current (f.nav) == NULL && g_get_monotonic_time () < end)
    bk_ui_test_iterate (20);
  g_assert_nonnull (bk_navigator_get_current (f.nav));
  g_assert_cmpuint (f.said->len, >=, 1);

  nav_fixture_clear (&f);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  bk_ui_test_init (&argc, &argv);

  app = bk_ui_test_app_new ();

  g_test_add_func ("/navigator/keymap", test_keymap);
  g_test_add_func ("/navigator/keymap-follows-setting", test_keymap_follows_setting);
  g_test_add_func ("/navigator/reading-order", test_reading_order);
  g_test_add_func ("/navigator/town-by-keypad", test_town_by_keypad);
  g_test_add_func ("/navigator/keypad-tasks", test_keypad_tasks);
  g_test_add_func ("/navigator/keypad-form", test_keypad_form);
  g_test_add_func ("/navigator/keypad-accessibility", test_keypad_accessibility);
  g_test_add_func ("/navigator/keypad-help", test_keypad_help);
  g_test_add_func ("/navigator/touch-and-page-change", test_touch_and_page_change);
  g_test_add_func ("/navigator/keyboard-tasks", test_keyboard_tasks);
  g_test_add_func ("/navigator/explore", test_explore);
  g_test_add_func ("/navigator/debounce-autorepeat", test_debounce_autorepeat);
  g_test_add_func ("/navigator/real-keys", test_real_keys);
  g_test_add_func ("/navigator/content-language", test_content_language);

  status = g_test_run ();

  g_clear_object (&app);
  return status;
}
