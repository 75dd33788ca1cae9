/* test-projects.c: the digital projects page, and its links to the motions (issue 16)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "bk-ui-test-util.h"

#include <string.h>

#include "bk-projects-page-private.h"
#include "bk-store-projects.h"
#include "bk-ui.h"

static BkApplication *app;

static gboolean
text_contains (GtkWidget  *widget,
               const char *needle)
{
  g_autofree char *text = bk_ui_test_dup_text (widget);

  if (strstr (text, needle) != NULL)
    return TRUE;
  g_test_message ("“%s” not in:\n%s", needle, text);
  return FALSE;
}

static void
search (BkProjectsPage *page,
        const char     *query)
{
  gtk_editable_set_text (GTK_EDITABLE (bk_projects_page_get_search_entry (page)), query);
  bk_ui_test_iterate (200);
}

static void
test_page (void)
{
  g_autoptr(BkStore) store = bk_ui_test_demo_store_new ();
  guint n_projects = bk_store_count_projects (store);
  BkWindow *window = bk_ui_test_app_window_new (app, store);
  BkProjectsPage *page;
  GtkWidget *button;

  g_assert_cmpuint (n_projects, >=, 6);
  bk_ui_test_open_page (window, "win.show-projects", g_variant_new_string (""));
  g_assert_cmpstr (bk_window_get_page_name (window), ==, "projects");
  page = BK_PROJECTS_PAGE (bk_window_get_page (window, "projects"));
  g_assert_cmpuint (bk_projects_page_get_n_shown (page), ==, n_projects);

  /* a card says everything in words */
  g_assert_true (text_contains (GTK_WIDGET (page), "Gemeinsames digitales Bürgerportal"));
  g_assert_true (text_contains (GTK_WIDGET (page), "Status: In progress"));
  g_assert_true (text_contains (GTK_WIDGET (page), "Status: Paused"));
  g_assert_true (text_contains (GTK_WIDGET (page), "Status: Completed"));
  g_assert_true (text_contains (GTK_WIDGET (page), "What it changes for you"));
  g_assert_true (text_contains (GTK_WIDGET (page), "Nutzertests mit Menschen mit Behinderungen – March 2027"));
  g_assert_true (text_contains (GTK_WIDGET (page), "Bürgerwerkstatt zur Digitalstrategie – 20 January 2027"));
  g_assert_true (text_contains (GTK_WIDGET (page), "Landratsamt Beispielkreis, Stabsstelle Digitalisierung"));

  /* its motions are buttons to them, an OParl paper as well as a text */
  button = bk_ui_find_actionable (GTK_WIDGET (page), "win.open-motion",
                                  g_variant_new_int64 (bk_store_find_motion_by_reference (store, "12/0342")));
  g_assert_nonnull (button);
  {
    g_autofree char *name = bk_ui_test_dup_label (button);

    g_assert_true (g_str_has_prefix (name, "Motion 12/0342: "));
  }
  g_assert_nonnull (bk_ui_find_actionable (GTK_WIDGET (page), "win.open-motion",
                                           g_variant_new_int64 (bk_store_find_motion_by_reference (store, "12/0385"))));

  /* the search narrows the cards and says how many */
  search (page, "WLAN");
  g_assert_cmpuint (bk_projects_page_get_n_shown (page), ==, 2);
  g_assert_true (text_contains (GTK_WIDGET (page), "2 projects"));
  search (page, "Seniorenzentrums");
  g_assert_cmpuint (bk_projects_page_get_n_shown (page), ==, 1);
  g_assert_nonnull (bk_projects_page_get_heading (page, "wlan-seniorenzentrum-lindenhof"));
  search (page, "xylophon");
  g_assert_cmpuint (bk_projects_page_get_n_shown (page), ==, 0);
  g_assert_true (text_contains (GTK_WIDGET (page), "No projects match “xylophon”. Try another word."));

  /* asked for by id: shown whatever was searched, its heading focused */
  bk_ui_test_open_page (window, "win.show-projects", g_variant_new_string ("digitalstrategie"));
  g_assert_cmpuint (bk_projects_page_get_n_shown (page), ==, n_projects);
  bk_ui_test_iterate (100);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == bk_projects_page_get_heading (page, "digitalstrategie"));

  /* a new visitor starts without the search */
  search (page, "WLAN");
  bk_ui_test_open_page (window, "win.home", NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (bk_projects_page_get_search_entry (page))), ==, "");
  bk_ui_test_window_destroy (window);
}

/* Easy-read: the summaries in Leichte Sprache come with the setting. */
static void
test_easy_read (void)
{
  g_autoptr(BkStore) store = bk_ui_test_demo_store_new ();
  BkWindow *window = bk_ui_test_app_window_new (app, store);
  BkSettings *settings = bk_application_get_settings (app);
  GtkWidget *page;

  bk_ui_test_open_page (window, "win.show-projects", g_variant_new_string (""));
  page = bk_window_get_page (window, "projects");
  {
    g_autofree char *text = bk_ui_test_dup_text (page);

    g_assert_null (strstr (text, "Es gibt bald eine Internet·seite für alle Ämter."));
  }
  bk_settings_set_boolean (settings, "easy-read", TRUE);
  bk_ui_test_iterate (100);
  g_assert_true (text_contains (page, "In easy-read language"));
  g_assert_true (text_contains (page, "Es gibt bald eine Internet·seite für alle Ämter."));
  bk_ui_test_window_destroy (window);
  bk_application_reset_session (app);
}

/* Both ways: the motion names its project, the project its motion. */
static void
test_motion_links (void)
{
  g_autoptr(BkStore) store = bk_ui_test_demo_store_new ();
  BkWindow *window = bk_ui_test_app_window_new (app, store);
  gint64 portal = bk_store_find_motion_by_reference (store, "12/0342");
  gint64 buses = bk_store_find_motion_by_reference (store, "12/0371");
  GtkWidget *motion_page;
  GtkWidget *link;

  g_assert_cmpint (portal, >, 0);
  bk_ui_test_open_page (window, "win.open-motion", g_variant_new_int64 (portal));
  motion_page = bk_window_get_page (window, "motion");
  link = bk_ui_find_actionable (motion_page, "win.show-projects", g_variant_new_string ("buergerportal"));
  g_assert_nonnull (link);
  {
    g_autofree char *name = bk_ui_test_dup_label (link);

    g_assert_cmpstr (name, ==, "Digital project: Gemeinsames digitales Bürgerportal");
  }
  bk_ui_test_click (link);
  bk_ui_test_iterate (100);
  g_assert_cmpstr (bk_window_get_page_name (window), ==, "projects");
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) ==
                 bk_projects_page_get_heading (BK_PROJECTS_PAGE (bk_window_get_page (window, "projects")),
                                               "buergerportal"));

  /* a motion no project names has no such button */
  bk_ui_test_open_page (window, "win.open-motion", g_variant_new_int64 (buses));
  g_assert_cmpint (buses, >, 0);
  {
    g_autofree char *text = bk_ui_test_dup_text (motion_page);

    g_assert_nonnull (strstr (text, "12/0371"));
    g_assert_null (strstr (text, "Digital project:"));
  }
  bk_ui_test_window_destroy (window);
}

/* Read aloud: the page's texts in order, the projects' own in German. */
static void
test_read_aloud (void)
{
  g_autoptr(BkStore) store = bk_ui_test_demo_store_new ();
  BkWindow *window = bk_ui_test_app_window_new (app, store);
  gulong handler;
  g_autoptr(GPtrArray) said = bk_ui_test_said_new (bk_application_get_voice (app), &handler);
  BkProjectsPage *page;

  bk_ui_test_open_page (window, "win.show-projects", g_variant_new_string (""));
  page = BK_PROJECTS_PAGE (bk_window_get_page (window, "projects"));
  g_assert_true (bk_ui_test_said_wait (said, "Digital projects.", 15) != NULL);
  if (bk_application_get_speech (app) != NULL)
    {
      g_assert_true (gtk_widget_get_visible (bk_projects_page_get_read_button (page)));
      bk_ui_test_click (bk_projects_page_get_read_button (page));
      /* the whole page is one utterance: its synthesis takes a while on a busy machine */
      g_assert_nonnull (bk_ui_test_said_wait (said, "Gemeinsames digitales Bürgerportal", 30));
      /* the buttons to the motions are read with their card */
      g_assert_nonnull (bk_ui_test_said_find (said, "Council motions behind it: Motion 12/0342: "));
      g_assert_cmpstr (bk_voice_get_last_language (bk_application_get_voice (app)), ==, "de");
    }
  bk_voice_stop (bk_application_get_voice (app));
  g_signal_handler_disconnect (bk_application_get_voice (app), handler);
  bk_ui_test_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  bk_ui_test_init (&argc, &argv);
  app = bk_ui_test_app_new ();

  g_test_add_func ("/projects/page", test_page);
  g_test_add_func ("/projects/easy-read", test_easy_read);
  g_test_add_func ("/projects/motion-links", test_motion_links);
  g_test_add_func ("/projects/read-aloud", test_read_aloud);

  status = g_test_run ();

  g_clear_object (&app);
  return status;
}
