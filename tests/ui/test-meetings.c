/* test-meetings.c: the meeting calendar, decisions and freshness on the
 * motion page, the council information systems on the staff page
 *
 * Over the demo store (its OParl part: the county's meetings of September
 * 2026 to February 2027 with results), with a result added where a test
 * needs a decision. Runs with GTK_A11Y=test under gui-run.sh; the interface
 * is in English (LC_ALL=C.UTF-8).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "bk-nav-test-util.h"
#include "bk-ui-test-util.h"
#include "bk-config.h"

#include <string.h>

#include "bk-ez-tree.h"
#include "bk-page.h"
#include "bk-store-oparl.h"
#include "bk-store-sync.h"
#include "bk-ui.h"

#define PAPER_BUS "https://ris.beispielkreis.example/oparl/v1/paper/71"
#define ORIGIN "https://ris.beispielkreis.example/oparl/v1/system"

static BkApplication *app;

/* The Kreistag decides the bus stops (12/0371) on 10 December 2026. */
static void
add_decision (BkStore *store)
{
  g_autoptr(GError) error = NULL;
  BkStoreAgendaItemRow item = {
    "https://ris.beispielkreis.example/oparl/v1/agendaitem/1403",
    "https://ris.beispielkreis.example/oparl/v1/meeting/14", 2, "3",
    "Barrierefreier Ausbau von Bushaltestellen an Kreisstraßen",
    "https://ris.beispielkreis.example/oparl/v1/consultation/7103", BK_TRISTATE_YES,
    "beschlossen (Ja: 40, Nein: 2, Enthaltungen: 1)", NULL,
  };

  g_assert_true (bk_store_save_agenda_item (store, &item, &error));
  g_assert_no_error (error);
}

static gint64
bus_id (BkStore *store)
{
  gint64 id = bk_store_find_motion_by_reference (store, "12/0371");

  g_assert_cmpint (id, >, 0);
  return id;
}

static gboolean
text_contains (GtkWidget  *widget,
               const char *needle)
{
  g_autofree char *text = bk_ui_test_dup_text (widget);

  if (strstr (text, needle) == NULL)
    {
      g_test_message ("not found: %s in\n%s", needle, text);
      return FALSE;
    }
  return TRUE;
}

/* ---- decisions on the motion page ------------------------------------------------ */

static void
test_decision (void)
{
  g_autoptr(BkStore) store = bk_ui_test_demo_store_new ();
  g_autoptr(GArray) decided = NULL;
  g_autoptr(GError) error = NULL;
  BkMotionFilter filter = { .status = BK_MOTION_STATUS_DECIDED, .today = "2026-12-20" };
  BkWindow *window;
  GtkWidget *page;
  GPtrArray *said;
  gulong handler;
  gboolean found = FALSE;

  add_decision (store);

  /* the list's "decided" filter knows it */
  decided = bk_store_list_motion_ids (store, &filter, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < decided->len; i++)
    found |= g_array_index (decided, gint64, i) == bus_id (store);
  g_assert_true (found);

  said = bk_ui_test_said_new (bk_application_get_voice (app), &handler);
  window = bk_ui_test_app_window_new (app, store);
  bk_ui_test_open_page (window, "win.open-motion", g_variant_new_int64 (bus_id (store)));
  page = bk_window_get_page (window, "motion");

  /* the overall state, and each meeting's outcome in words */
  g_assert_true (text_contains (page, "Decided on 10 December 2026 in the Kreistag"));
  g_assert_true (text_contains (page, "recommended"));          /* "einstimmig empfohlen" */
  g_assert_true (text_contains (page, "unanimous"));
  g_assert_true (text_contains (page, "decided"));
  g_assert_true (text_contains (page, "40 yes, 2 no, 1 abstention"));
  /* the meeting's hour and room, not only its day */
  g_assert_true (text_contains (page, "Thursday, 10 December 2026, 14:00"));
  g_assert_true (text_contains (page, "Großer Sitzungssaal"));

  /* speech says it: the timeline read aloud */
  g_assert_true (bk_page_read_aloud (BK_PAGE (page), 3));
  g_assert_nonnull (bk_ui_test_said_wait (said, "decided", 10));

  g_signal_handler_disconnect (bk_application_get_voice (app), handler);
  g_ptr_array_unref (said);
  bk_voice_stop (bk_application_get_voice (app));
  bk_ui_test_window_destroy (window);
}

/* ---- freshness and the paper's own text ------------------------------------------- */

static void
test_freshness (void)
{
  g_autoptr(BkStore) store = bk_ui_test_demo_store_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stand = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  g_autoptr(BkPaperText) text = NULL;
  BkWindow *window;
  GtkWidget *page;

  /* 12/0371 came from the county's council information system, today */
  g_assert_true (bk_store_sync_touch_endpoint (store, ORIGIN, "Kreistagsinformationssystem", &error));
  g_assert_true (bk_store_sync_record_result (store, ORIGIN, stand, TRUE, TRUE, NULL, 3, &error));
  g_assert_true (bk_store_set_oparl_origin (store, BK_STORE_ORIGIN_PAPER, PAPER_BUS, ORIGIN, &error));
  g_assert_true (bk_store_set_oparl_origin (store, BK_STORE_ORIGIN_MEETING,
                                            "https://ris.beispielkreis.example/oparl/v1/meeting/14", ORIGIN, &error));
  /* its text could not be read */
  g_assert_true (bk_store_sync_note_paper_text (store, PAPER_BUS, ORIGIN, "f", "https://x.example/f.pdf",
                                                "application/pdf", NULL, NULL, &error));
  text = bk_store_sync_get_paper_text (store, PAPER_BUS);
  text->state = BK_PAPER_TEXT_UNREADABLE;
  g_assert_true (bk_store_sync_save_paper_text (store, text, stand, &error));
  g_assert_no_error (error);

  window = bk_ui_test_window_new (store);
  bk_ui_test_open_page (window, "win.open-motion", g_variant_new_int64 (bus_id (store)));
  page = bk_window_get_page (window, "motion");
  g_assert_true (text_contains (page, "Kreistagsinformationssystem, as of today "));
  g_assert_true (text_contains (page, "The full text of this paper is not available here."));
  /* the metadata is all still there */
  g_assert_true (text_contains (page, "12/0371"));

  /* the calendar says where its meetings come from, too */
  bk_ui_test_open_page (window, "win.show-meetings", NULL);
  page = bk_window_get_page (window, "meetings");
  g_assert_true (text_contains (bk_meetings_page_get_sources_label (BK_MEETINGS_PAGE (page)),
                                "Kreistagsinformationssystem, as of today "));
  bk_ui_test_window_destroy (window);
}

/* ---- the calendar ----------------------------------------------------------------- */

static void
test_calendar (void)
{
  g_autoptr(BkStore) store = bk_ui_test_demo_store_new ();
  BkMeetingsPage *page;
  BkWindow *window;
  GtkWidget *button;

  add_decision (store);
  window = bk_ui_test_window_new (store);
  bk_ui_test_open_page (window, "win.show-meetings", NULL);
  g_assert_cmpstr (bk_window_get_page_name (window), ==, "meetings");
  page = BK_MEETINGS_PAGE (bk_window_get_page (window, "meetings"));

  /* Seen from 1 December 2026: the Kreistag on 10 December and the two
   * meetings of January; back to 22 October: the Kreisausschuss of 5
   * November with its results. */
  bk_meetings_page_set_today (page, "2026-12-01");
  g_assert_cmpuint (bk_meetings_page_get_n_upcoming (page), ==, 2);
  g_assert_cmpuint (bk_meetings_page_get_n_past (page), ==, 1);
  g_assert_true (text_contains (bk_meetings_page_get_upcoming_box (page), "14. Sitzung des Kreistags"));
  g_assert_true (text_contains (bk_meetings_page_get_upcoming_box (page), "Thursday, 10 December 2026, 14:00"));
  g_assert_true (text_contains (bk_meetings_page_get_upcoming_box (page), "Fragestunde"));
  /* past: what was decided, in words */
  g_assert_true (text_contains (bk_meetings_page_get_past_box (page), "9. Sitzung des Kreisausschusses"));
  g_assert_true (text_contains (bk_meetings_page_get_past_box (page), "Result: recommended · by a majority"));
  /* the non-public item is only counted */
  g_assert_true (text_contains (bk_meetings_page_get_past_box (page), "1 more item is discussed in private."));
  g_assert_false (text_contains (bk_meetings_page_get_past_box (page), "Vergabe von Bauleistungen"));

  /* from an agenda item to its paper */
  button = bk_ui_find_actionable (bk_meetings_page_get_upcoming_box (page), "win.open-motion",
                                  g_variant_new_int64 (bus_id (store)));
  g_assert_nonnull (button);
  {
    g_autofree char *name = bk_ui_test_dup_label (button);

    g_assert_nonnull (strstr (name, "Open the paper: 12/0371"));
  }
  /* GTK clicks after its press animation */
  g_assert_true (gtk_widget_activate (button));
  for (int i = 0; i < 100 && g_strcmp0 (bk_window_get_page_name (window), "meetings") == 0; i++)
    bk_ui_test_iterate (20);
  g_assert_cmpstr (bk_window_get_page_name (window), ==, "motion");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL));
  g_assert_cmpstr (bk_window_get_page_name (window), ==, "meetings");

  /* after a sync nothing is planned: the next ones whenever they are */
  bk_meetings_page_set_today (page, "2027-03-01");
  g_assert_cmpuint (bk_meetings_page_get_n_upcoming (page), ==, 0);
  g_assert_true (text_contains (bk_meetings_page_get_upcoming_box (page), "No meetings are planned yet."));
  bk_ui_test_window_destroy (window);
}

/* ---- reached from the home screen by keys ------------------------------------------ */

static gboolean
is_open_paper (GtkWidget     *item,
               gconstpointer  data)
{
  g_autofree char *name = bk_ez_dup_name (item);

  return name != NULL && strstr (name, data) != NULL;
}

static void
test_keys (void)
{
  g_autoptr(BkStore) store = bk_ui_test_demo_store_new ();
  BkHomePage *home;
  NavFixture f;

  nav_fixture_init_with_store (&f, app, store);
  home = BK_HOME_PAGE (bk_window_get_page (f.window, "home"));

  /* the EZ keypad: Down to the choice, Action */
  g_assert_nonnull (nav_press_until (&f, GDK_KEY_KP_2, nav_is_widget, bk_home_page_get_choice (home, 2), 40));
  g_assert_true (nav_said_contains (&f, "Meetings"));
  nav_press (&f, GDK_KEY_KP_5);
  g_assert_cmpstr (bk_window_get_page_name (f.window), ==, "meetings");
  bk_meetings_page_set_today (BK_MEETINGS_PAGE (bk_window_get_page (f.window, "meetings")), "2026-12-01");

  /* Down through the meetings to a paper, Action opens it */
  g_ptr_array_set_size (f.said, 0);
  g_assert_nonnull (nav_press_until (&f, GDK_KEY_KP_2, is_open_paper, "Open the paper: 12/0371:", 200));
  g_assert_true (nav_said_contains (&f, "14. Sitzung des Kreistags"));
  nav_press (&f, GDK_KEY_KP_5);
  g_assert_cmpstr (bk_window_get_page_name (f.window), ==, "motion");
  g_assert_cmpint (bk_motion_page_get_motion_id (BK_MOTION_PAGE (bk_window_get_page (f.window, "motion"))), ==,
                   bus_id (store));
  /* Back: the calendar again */
  nav_press (&f, GDK_KEY_KP_7);
  g_assert_cmpstr (bk_window_get_page_name (f.window), ==, "meetings");

  /* the keyboard alone: Home, Tab to the choice, Enter */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.home", NULL));
  for (guint i = 0; i < 40; i++)
    {
      GtkWidget *focus;

      gtk_widget_child_focus (GTK_WIDGET (f.window), GTK_DIR_TAB_FORWARD);
      focus = gtk_root_get_focus (GTK_ROOT (f.window));
      if (focus == bk_home_page_get_choice (home, 2))
        break;
    }
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f.window)) == bk_home_page_get_choice (home, 2));
  g_assert_true (gtk_widget_activate (bk_home_page_get_choice (home, 2)));
  for (int i = 0; i < 100 && g_strcmp0 (bk_window_get_page_name (f.window), "home") == 0; i++)
    bk_ui_test_iterate (20);
  g_assert_cmpstr (bk_window_get_page_name (f.window), ==, "meetings");

  nav_fixture_clear (&f);
}

/* ---- the staff page: endpoints and their health ------------------------------------- */

/* The first button that removes an endpoint. */
static GtkWidget *
find_remove_button (GtkWidget *root)
{
  if (GTK_IS_BUTTON (root) && g_object_get_data (G_OBJECT (root), "bk-url") != NULL)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_remove_button (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_staff_health (void)
{
  g_autoptr(BkStore) store = bk_ui_test_demo_store_new ();
  g_autoptr(GError) error = NULL;
  BkSettings *settings = bk_application_get_settings (app);
  g_autoptr(GVariant) endpoints = NULL;
  BkSyncPanel *panel;
  BkWindow *window;

  g_assert_true (bk_store_sync_touch_endpoint (store, ORIGIN, "Kreistagsinformationssystem", &error));
  g_assert_true (bk_store_sync_record_result (store, ORIGIN, "2026-12-01T05:10:00Z", FALSE, FALSE,
                                              "Kreistagsinformationssystem (" ORIGIN "): the server did not "
                                              "answer within 120 seconds", 4, &error));
  g_assert_no_error (error);

  window = bk_ui_test_app_window_new (app, store);
  g_assert_true (bk_window_show_page (window, "staff", 0));
  bk_ui_test_iterate (50);
  panel = BK_SYNC_PANEL (bk_staff_page_get_sync_panel (BK_STAFF_PAGE (bk_window_get_page (window, "staff"))));

  /* an endpoint the store knows: its last problem in words */
  g_assert_true (text_contains (bk_sync_panel_get_endpoints_box (panel), "Kreistagsinformationssystem"));
  g_assert_true (text_contains (bk_sync_panel_get_endpoints_box (panel), "did not answer within 120 seconds"));
  g_assert_true (text_contains (bk_sync_panel_get_endpoints_box (panel), "Last synced: never"));

  /* adding one: a wrong address is refused, a right one goes into the setting */
  gtk_editable_set_text (GTK_EDITABLE (bk_sync_panel_get_name_entry (panel)), "Ratsinformationssystem Stadt Auenbach");
  gtk_editable_set_text (GTK_EDITABLE (bk_sync_panel_get_url_entry (panel)), "ris.auenbach.example");
  g_signal_emit_by_name (bk_sync_panel_get_add_button (panel), "clicked");
  g_assert_nonnull (strstr (bk_sync_panel_get_status (panel), "starting with https://"));
  gtk_editable_set_text (GTK_EDITABLE (bk_sync_panel_get_url_entry (panel)),
                         "https://ris.auenbach.example/oparl/v1/system");
  g_signal_emit_by_name (bk_sync_panel_get_add_button (panel), "clicked");
  endpoints = g_variant_ref (bk_settings_get_variant (settings, "oparl-endpoints"));
  g_assert_cmpuint (g_variant_n_children (endpoints), ==, 1);
  g_assert_true (text_contains (bk_sync_panel_get_endpoints_box (panel), "Ratsinformationssystem Stadt Auenbach"));

  /* and removed again */
  {
    GtkWidget *remove = find_remove_button (bk_sync_panel_get_endpoints_box (panel));

    g_assert_nonnull (remove);
    g_signal_emit_by_name (remove, "clicked");
    g_assert_cmpuint (g_variant_n_children (bk_settings_get_variant (settings, "oparl-endpoints")), ==, 0);
  }
  bk_ui_test_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  bk_ui_test_init (&argc, &argv);
  app = bk_ui_test_app_new ();

  g_test_add_func ("/meetings/decision", test_decision);
  g_test_add_func ("/meetings/freshness", test_freshness);
  g_test_add_func ("/meetings/calendar", test_calendar);
  g_test_add_func ("/meetings/keys", test_keys);
  g_test_add_func ("/meetings/staff-health", test_staff_health);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
