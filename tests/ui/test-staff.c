/* test-staff.c: staff mode, the PIN dialog, the statistics charts and the
 * satisfaction rating
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "bk-ui-test-util.h"
#include "bk-config.h"

#include <string.h>
#include <adwaita.h>
#include <glib/gstdio.h>

#include "bk-application.h"
#include "bk-log-capture.h"
#include "bk-pin-dialog.h"
#include "bk-page.h"
#include "bk-rating.h"
#include "bk-staff-mode.h"
#include "bk-staff-outbox-private.h"
#include "bk-staff-page.h"
#include "bk-staff-page-private.h"
#include "bk-store-outbox.h"
#include "bk-test-server.h"
#include "bk-staff-pin.h"
#include "bk-receipt-page.h"
#include "bk-staff-mode-private.h"
#include "bk-stats-chart.h"
#include "bk-usage-private.h"
#include "bk-stats.h"
#include "bk-ui.h"

#define PIN "246813"

static BkApplication *app;

typedef struct {
  BkStore   *store;
  BkWindow  *window;
  GPtrArray *said;
  gulong     handler;
  gint64     now;
} Fixture;

static gint64
fake_clock (gpointer user_data)
{
  return ((Fixture *) user_data)->now;
}

static void
fixture_init (Fixture *f, gboolean with_pin)
{
  g_autoptr(GError) error = NULL;

  f->store = bk_store_open (NULL, BK_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  if (with_pin)
    g_assert_true (bk_staff_pin_set (f->store, PIN, &error));
  g_assert_no_error (error);
  f->now = 1800000000;
  f->said = bk_ui_test_said_new (bk_application_get_voice (app), &f->handler);
  f->window = bk_ui_test_app_window_new (app, f->store);
  _bk_staff_mode_set_clock (bk_window_get_staff_mode (f->window), fake_clock, f);
}

/* Caught warnings must be the staff log's, and no log may hold the PIN. */
static void
assert_logs_clean (void)
{
  GPtrArray *records = bk_log_capture_get ();

  for (guint i = 0; i < records->len; i++)
    {
      BkLogRecord *r = g_ptr_array_index (records, i);

      if ((r->level & G_LOG_LEVEL_WARNING) && g_strcmp0 (r->domain, "bk-staff") != 0)
        g_error ("unexpected warning from %s: %s", r->domain, r->message);
    }
  g_assert_false (bk_log_capture_mentions (PIN));
  g_assert_false (bk_log_capture_mentions ("979797"));
  bk_log_capture_clear ();
}

static void
fixture_clear (Fixture *f)
{
  assert_logs_clean ();
  bk_voice_stop (bk_application_get_voice (app));
  g_signal_handler_disconnect (bk_application_get_voice (app), f->handler);
  bk_ui_test_window_destroy (f->window);
  g_clear_pointer (&f->said, g_ptr_array_unref);
  g_clear_object (&f->store);
}

static char *
dup_accessible_description (GtkWidget *widget)
{
  if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION))
    return NULL;
  return gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                             GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "");
}

/* GtkButton's activate clicks only after a short visual press: click now. */
static void
click (GtkWidget *button)
{
  g_signal_emit_by_name (button, "clicked");
}

/* What a touch in the middle of the page would reach. */
static GtkWidget *
pick_page_centre (Fixture *f, const char *name)
{
  GtkWidget *page = bk_window_get_page (f->window, name);
  double x, y;
  GtkWidget *picked;

  g_assert_true (gtk_widget_translate_coordinates (page, GTK_WIDGET (f->window),
                                                   gtk_widget_get_width (page) / 2.0,
                                                   gtk_widget_get_height (page) / 2.0, &x, &y));
  picked = gtk_widget_pick (GTK_WIDGET (f->window), x, y, GTK_PICK_DEFAULT);
  g_assert_nonnull (picked);
  return picked;
}

static BkPinDialog *
open_dialog (Fixture *f)
{
  BkPinDialog *dialog;

  bk_ui_test_open_page (f->window, "win.staff-mode", NULL);
  dialog = _bk_staff_mode_get_pin_dialog (bk_window_get_staff_mode (f->window));
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  /* A panel inside the kiosk's own window (without a window manager a
   * second window can open behind the kiosk), holding the focus, with the
   * page behind it out of reach of keys and touch. */
  g_assert_true (gtk_widget_get_root (GTK_WIDGET (dialog)) == GTK_ROOT (f->window));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)), GTK_WIDGET (dialog)));
  /* laid out first: on a busy machine the panel may not have its size yet */
  for (guint i = 0; i < 100 && gtk_widget_get_width (GTK_WIDGET (dialog)) == 0; i++)
    bk_ui_test_iterate (20);
  {
    GtkWidget *picked = pick_page_centre (f, "home");

    g_assert_true (picked == GTK_WIDGET (dialog) || gtk_widget_is_ancestor (picked, GTK_WIDGET (dialog)));
  }
  return dialog;
}

/* Types pin on the on-screen keypad and confirms. */
static void
enter_pin (BkPinDialog *dialog, const char *pin)
{
  for (const char *p = pin; *p != '\0'; p++)
    click (bk_pin_dialog_get_digit_button (dialog, (guint) (*p - '0')));
  bk_pin_dialog_submit (dialog);
  bk_ui_test_iterate (20);
}

/* ---- the ways in --------------------------------------------------------- */

static void
test_key_combination (void)
{
  Fixture f;
  g_autoptr(GtkShortcutTrigger) wanted = gtk_shortcut_trigger_parse_string ("<Control><Alt>s");
  g_autoptr(GListModel) controllers = NULL;
  gboolean found = FALSE;

  fixture_init (&f, TRUE);

  /* Ctrl+Alt+S is bound to win.staff-mode */
  controllers = gtk_widget_observe_controllers (GTK_WIDGET (f.window));
  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !found; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted) &&
              GTK_IS_NAMED_ACTION (action) &&
              g_strcmp0 (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)),
                         "win.staff-mode") == 0)
            found = TRUE;
        }
    }
  g_assert_true (found);

  open_dialog (&f);
  g_assert_cmpstr (bk_window_get_page_name (f.window), ==, "home");
  g_assert_false (bk_staff_mode_is_open (bk_window_get_staff_mode (f.window)));
  fixture_clear (&f);
}

static void
test_long_press (void)
{
  Fixture f;
  GtkGesture *gesture;

  fixture_init (&f, TRUE);
  gesture = _bk_staff_mode_get_long_press (bk_window_get_staff_mode (f.window));
  g_assert_nonnull (gesture);
  g_assert_cmpuint (_bk_staff_mode_get_hold_ms (), ==, 3000);

  /* on the labelled corner button, which a citizen's Tab does not reach */
  {
    GtkWidget *button = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
    g_autofree char *label = bk_ui_test_dup_label (button);

    g_assert_true (GTK_IS_BUTTON (button));
    g_assert_cmpstr (label, ==, "Staff");
    g_assert_false (gtk_widget_get_focusable (button));
    g_assert_cmpint (gtk_widget_get_width (button), >=, 64);
    g_assert_cmpint (gtk_widget_get_height (button), >=, 64);

    /* A short touch does not open it. */
    click (button);
    bk_ui_test_iterate (50);
    g_assert_null (_bk_staff_mode_get_pin_dialog (bk_window_get_staff_mode (f.window)));
  }

  /* Let go before the time: nothing. */
  g_assert_false (_bk_staff_mode_finish_hold (bk_window_get_staff_mode (f.window)));
  g_signal_emit_by_name (gesture, "pressed", 1, 10.0, 10.0);
  g_signal_emit_by_name (gesture, "released", 1, 10.0, 10.0);
  g_assert_false (_bk_staff_mode_finish_hold (bk_window_get_staff_mode (f.window)));
  g_assert_null (_bk_staff_mode_get_pin_dialog (bk_window_get_staff_mode (f.window)));

  /* Held: when the hold's time is over, the PIN dialog. */
  g_signal_emit_by_name (gesture, "pressed", 1, 10.0, 10.0);
  g_assert_null (_bk_staff_mode_get_pin_dialog (bk_window_get_staff_mode (f.window)));
  g_assert_true (_bk_staff_mode_finish_hold (bk_window_get_staff_mode (f.window)));
  bk_ui_test_iterate (50);
  g_assert_nonnull (_bk_staff_mode_get_pin_dialog (bk_window_get_staff_mode (f.window)));
  fixture_clear (&f);
}

/* ---- the PIN ------------------------------------------------------------- */

static void
test_wrong_pin_locks (void)
{
  Fixture f;
  BkPinDialog *dialog;
  GtkWidget *entry;

  fixture_init (&f, TRUE);
  dialog = open_dialog (&f);
  entry = bk_pin_dialog_get_entry (dialog);

  /* masked, never spoken as text */
  g_assert_false (gtk_entry_get_visibility (GTK_ENTRY (entry)));
  /* a letter typed by mistake does not get in (nor cost a try) */
  {
    int position = 2;

    gtk_editable_set_text (GTK_EDITABLE (entry), "12");
    gtk_editable_insert_text (GTK_EDITABLE (entry), "a", 1, &position);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "12");
  }
  gtk_editable_set_text (GTK_EDITABLE (entry), "");

  for (guint i = 1; i < BK_STAFF_PIN_MAX_FAILURES; i++)
    {
      enter_pin (dialog, "979797");
      g_assert_nonnull (strstr (bk_pin_dialog_get_status (dialog), "Wrong PIN"));
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
    }
  enter_pin (dialog, "979797");
  g_assert_nonnull (strstr (bk_pin_dialog_get_status (dialog), "locked for 5 minutes"));

  /* Locked: even the right PIN is refused, until the time is over. */
  enter_pin (dialog, PIN);
  g_assert_false (bk_staff_mode_is_open (bk_window_get_staff_mode (f.window)));
  g_assert_nonnull (strstr (bk_pin_dialog_get_status (dialog), "locked for 5 minutes"));
  f.now += 4 * 60;
  enter_pin (dialog, PIN);
  g_assert_nonnull (strstr (bk_pin_dialog_get_status (dialog), "locked for 1 minute"));

  /* The voice said it, without the digits entered. */
  if (bk_application_get_speech (app) != NULL)
    {
      gboolean heard_lock = FALSE;
      gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

      /* Waits for the event, at most 20 s: announcements queue behind speech. */
      while (!heard_lock && g_get_monotonic_time () < end)
        {
          bk_ui_test_iterate (50);
          for (guint i = 0; i < f.said->len; i++)
            heard_lock |= strstr (g_ptr_array_index (f.said, i), "locked") != NULL;
        }
      for (guint i = 0; i < f.said->len; i++)
        {
          const char *said = g_ptr_array_index (f.said, i);

          g_test_message ("heard: %s", said);
          g_assert_null (strchr (said, '9'));
          g_assert_null (strchr (said, '7'));
          g_assert_null (strstr (said, PIN));
        }
      g_assert_true (heard_lock);
    }

  {
    BkLogRecord *wrong = bk_log_capture_find ("wrong-pin", NULL);
    BkLogRecord *locked = bk_log_capture_find ("pin-locked", NULL);

    g_assert_nonnull (wrong);
    g_assert_cmpstr (wrong->detail, ==, "4");   /* tries left, not what was typed */
    g_assert_nonnull (locked);
    g_assert_true (locked->level & G_LOG_LEVEL_WARNING);
  }

  f.now += 60;
  enter_pin (dialog, PIN);
  g_assert_nonnull (bk_log_capture_find ("staff-mode-opened", NULL));
  g_assert_true (bk_staff_mode_is_open (bk_window_get_staff_mode (f.window)));
  g_assert_cmpstr (bk_window_get_page_name (f.window), ==, "staff");
  fixture_clear (&f);
}

static void
test_right_pin_opens (void)
{
  Fixture f;
  BkPinDialog *dialog;

  fixture_init (&f, TRUE);

  /* Without the PIN the staff page cannot be shown. */
  g_assert_false (bk_staff_mode_is_open (bk_window_get_staff_mode (f.window)));
  bk_ui_test_open_page (f.window, "win.show-motions", NULL);
  bk_ui_test_open_page (f.window, "win.back", NULL);
  g_assert_cmpstr (bk_window_get_page_name (f.window), ==, "home");

  dialog = open_dialog (&f);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  enter_pin (dialog, PIN);
  g_assert_null (dialog);   /* closed itself */
  g_assert_true (bk_staff_mode_is_open (bk_window_get_staff_mode (f.window)));
  g_assert_cmpstr (bk_window_get_page_name (f.window), ==, "staff");
  /* One Enter after the PIN must not quit the kiosk. */
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f.window));

    g_assert_nonnull (focus);
    g_assert_true (gtk_widget_is_ancestor (focus, bk_window_get_page (f.window, "staff")));
    if (GTK_IS_BUTTON (focus))
      g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (focus)), !=, "Quit the kiosk");
    g_assert_true (gtk_widget_is_ancestor (pick_page_centre (&f, "staff"), bk_window_get_page (f.window, "staff")));
  }

  /* Another page closes staff mode; coming back needs the PIN again. */
  bk_ui_test_open_page (f.window, "win.home", NULL);
  g_assert_false (bk_staff_mode_is_open (bk_window_get_staff_mode (f.window)));
  bk_ui_test_open_page (f.window, "win.back", NULL);
  g_assert_cmpstr (bk_window_get_page_name (f.window), ==, "home");

  /* "Back to the kiosk" */
  dialog = open_dialog (&f);
  enter_pin (dialog, PIN);
  g_assert_true (bk_staff_mode_is_open (bk_window_get_staff_mode (f.window)));
  g_signal_emit_by_name (bk_window_get_page (f.window, "staff"), "done");
  bk_ui_test_iterate (50);
  g_assert_false (bk_staff_mode_is_open (bk_window_get_staff_mode (f.window)));
  g_assert_cmpstr (bk_window_get_page_name (f.window), ==, "home");
  fixture_clear (&f);
}

static void
test_no_pin_set (void)
{
  Fixture f;
  BkPinDialog *dialog;

  fixture_init (&f, FALSE);
  dialog = open_dialog (&f);
  enter_pin (dialog, "123456");
  g_assert_false (bk_staff_mode_is_open (bk_window_get_staff_mode (f.window)));
  g_assert_nonnull (strstr (bk_pin_dialog_get_status (dialog), "set-staff-pin"));
  fixture_clear (&f);
}

/* ---- the staff page ------------------------------------------------------ */

static guint
count_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    n++;
  return n;
}

static void
test_charts_have_tables (void)
{
  Fixture f;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  BkStaffPage *page;
  GPtrArray *charts;
  gboolean found_pages = FALSE;

  fixture_init (&f, TRUE);
  g_assert_true (bk_stats_add (f.store, BK_STATS_SESSION, "all", 3, today, NULL));
  g_assert_true (bk_stats_add (f.store, BK_STATS_PAGE_VIEW, "motions", 7, today, NULL));
  g_assert_true (bk_stats_add (f.store, BK_STATS_PAGE_VIEW, "services", 2, today, NULL));
  g_assert_true (bk_stats_add_rating (f.store, 5, today, NULL));

  enter_pin (open_dialog (&f), PIN);
  page = BK_STAFF_PAGE (bk_window_get_page (f.window, "staff"));
  charts = bk_staff_page_get_charts (page);
  g_assert_cmpuint (charts->len, >=, 5);

  for (guint i = 0; i < charts->len; i++)
    {
      BkStatsChart *chart = g_ptr_array_index (charts, i);
      GtkWidget *drawing = bk_stats_chart_get_drawing (chart);
      GtkWidget *table = bk_stats_chart_get_table (chart);
      g_autofree char *name = bk_ui_test_dup_label (drawing);
      g_autofree char *description = dup_accessible_description (drawing);
      guint bars = bk_stats_chart_get_n_bars (chart);

      gtk_test_accessible_assert_role (GTK_ACCESSIBLE (drawing), GTK_ACCESSIBLE_ROLE_IMG);
      g_assert_nonnull (name);
      g_assert_cmpstr (description, ==, bk_stats_chart_get_summary (chart));
      /* a heading row and one row per bar, two cells each (or "no data") */
      g_assert_cmpuint (count_children (table), ==, bars > 0 ? 2 * (bars + 1) : 3);

      if (g_strcmp0 (name, "Pages viewed") == 0)
        {
          found_pages = TRUE;
          g_assert_cmpuint (bars, ==, 2);
          g_assert_nonnull (strstr (description, "total 9"));
          g_assert_nonnull (strstr (description, "largest: motions with 7"));
        }
    }
  g_assert_true (found_pages);
  fixture_clear (&f);
}

static void
test_staff_page_import_export (void)
{
  Fixture f;
  g_autofree char *dir = g_dir_make_tmp ("bk-staff-XXXXXX", NULL);
  g_autofree char *import = g_build_filename (dir, "import", NULL);
  g_autofree char *export = g_build_filename (dir, "export", NULL);
  g_autofree char *file = g_build_filename (import, "antrag.txt", NULL);
  BkSettings *settings = bk_application_get_settings (app);
  BkStaffPage *page;
  GtkWidget *row, *button;
  g_autofree char *button_name = NULL;

  g_assert_cmpint (g_mkdir_with_parents (import, 0700), ==, 0);
  g_assert_true (g_file_set_contents (file,
      "Antrag der Fraktion Beispiel im Gemeinderat Lindental\n\nDatum: 05.10.2026\n\n"
      "Betreff: Eine Bank am Teich\n\nBeschlussvorschlag:\n1. Die Gemeinde stellt eine Bank auf.\n",
      -1, NULL));
  bk_settings_set_string (settings, "import-folder", import);
  bk_settings_set_string (settings, "export-folder", export);

  fixture_init (&f, TRUE);
  enter_pin (open_dialog (&f), PIN);
  page = BK_STAFF_PAGE (bk_window_get_page (f.window, "staff"));

  row = gtk_widget_get_first_child (bk_staff_page_get_import_list (page));
  g_assert_nonnull (row);
  button = gtk_widget_get_last_child (row);
  g_assert_true (GTK_IS_BUTTON (button));
  button_name = bk_ui_test_dup_label (button);
  g_assert_cmpstr (button_name, ==, "Import antrag.txt");
  g_assert_cmpuint (bk_store_count_motions (f.store), ==, 0);
  click (button);
  g_assert_cmpuint (bk_store_count_motions (f.store), ==, 1);
  g_assert_true (g_str_has_prefix (bk_staff_page_get_import_status (page), "Imported"));

  click (bk_staff_page_get_export_button (page));
  g_assert_cmpstr (bk_staff_page_get_export_status (page), ==, "There are no new submissions to export.");

  /* the paper above names its date, body, submitter and subject: nothing to check */
  g_assert_cmpuint (bk_store_count_motions_with_warnings (f.store), ==, 0);

  /* XZuFi: a message, and a publication folder with its index.txt. */
  {
    g_autofree char *source = g_build_filename (g_getenv ("BK_SOURCE_ROOT"), "tests", "xzufi", "fixtures", NULL);
    g_autofree char *from = g_build_filename (source, "01-katalog.xml", NULL);
    g_autofree char *from2 = g_build_filename (source, "02-aenderung.xml", NULL);
    g_autofree char *message = g_build_filename (import, "dienste.xml", NULL);
    g_autofree char *publication = g_build_filename (import, "veroeffentlichung", NULL);
    g_autofree char *index = g_build_filename (publication, "index.txt", NULL);
    g_autofree char *listed = g_build_filename (publication, "02-aenderung.xml", NULL);
    g_autofree char *contents = NULL;
    guint before = bk_store_count_services (f.store);
    const char *const expected[] = { "Import antrag.txt", "Import dienste.xml", "Import veroeffentlichung/" };
    GtkWidget *buttons[G_N_ELEMENTS (expected)] = { NULL };
    guint n = 0;

    g_assert_true (g_file_get_contents (from, &contents, NULL, NULL));
    g_assert_true (g_file_set_contents (message, contents, -1, NULL));
    g_clear_pointer (&contents, g_free);
    g_assert_cmpint (g_mkdir_with_parents (publication, 0700), ==, 0);
    g_assert_true (g_file_get_contents (from2, &contents, NULL, NULL));
    g_assert_true (g_file_set_contents (listed, contents, -1, NULL));
    g_assert_true (g_file_set_contents (index, "02-aenderung.xml\n", -1, NULL));
    /* the list is made when the page is shown */
    bk_staff_page_refresh (page);
    for (row = gtk_widget_get_first_child (bk_staff_page_get_import_list (page)); row != NULL;
         row = gtk_widget_get_next_sibling (row))
      {
        g_autofree char *name = bk_ui_test_dup_label (gtk_widget_get_last_child (row));

        g_assert_cmpuint (n, <, G_N_ELEMENTS (expected));
        g_assert_cmpstr (name, ==, expected[n]);
        buttons[n++] = gtk_widget_get_last_child (row);
      }
    g_assert_cmpuint (n, ==, G_N_ELEMENTS (expected));
    click (buttons[1]);
    g_assert_true (g_str_has_prefix (bk_staff_page_get_import_status (page), "Imported: "));
    g_assert_nonnull (strstr (bk_staff_page_get_import_status (page), "XZuFi – services: 2 new"));
    g_assert_cmpuint (bk_store_count_services (f.store), ==, before + 2);
    click (buttons[2]);
    g_assert_nonnull (strstr (bk_staff_page_get_import_status (page), "services: 1 new, 1 changed"));
    g_assert_cmpuint (bk_store_count_services (f.store), ==, before + 3);
    g_unlink (message);
    g_unlink (listed);
    g_unlink (index);
    g_rmdir (publication);
  }

  bk_settings_set_string (settings, "import-folder", "");
  bk_settings_set_string (settings, "export-folder", "");
  fixture_clear (&f);
}

static gboolean
tick_cb (gpointer user_data)
{
  gint64 *ticks = user_data;   /* [0] count, [1] last tick, [2] longest gap (µs) */
  gint64 now = g_get_monotonic_time ();

  if (ticks[0]++ > 0)
    ticks[2] = MAX (ticks[2], now - ticks[1]);
  ticks[1] = now;
  return G_SOURCE_CONTINUE;
}

/* A large file imported from the staff page: the import runs in its own
 * thread with its own connection, so the main loop keeps ticking, the
 * buttons rest and a spinner turns meanwhile; the counts and lists follow
 * when it is done. The store is a file here: an in-memory one has nothing
 * to share with a thread and imports on the main loop. */
static void
test_staff_page_import_in_thread (void)
{
  Fixture f;
  g_autofree char *dir = g_dir_make_tmp ("bk-staff-XXXXXX", NULL);
  g_autofree char *import = g_build_filename (dir, "import", NULL);
  g_autofree char *db = g_build_filename (dir, "kiosk.db", NULL);
  g_autofree char *file = g_build_filename (import, "drucksachen.json", NULL);
  BkSettings *settings = bk_application_get_settings (app);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) json = g_string_new ("{\"data\": [");
  BkStaffPage *page;
  GtkWidget *row, *button;
  gint64 ticks[3] = { 0, 0, 0 };
  gint64 started;
  guint source, papers = 10000, ticks_during;
  double took;

  g_assert_cmpint (g_mkdir_with_parents (import, 0700), ==, 0);
  for (guint i = 0; i < papers; i++)
    g_string_append_printf (json, "%s{\"id\": \"https://ris.lindental.example/oparl/v1/paper/%u\","
                            " \"type\": \"https://schema.oparl.org/1.1/Paper\","
                            " \"name\": \"Antrag %u: Beleuchtung des Fußwegs am Dorfteich, Abschnitt %u\","
                            " \"reference\": \"GR/2026/%04u\", \"paperType\": \"Antrag\", \"date\": \"2026-11-05\"}",
                            i ? ", " : "", i, i, i % 17, i);
  g_string_append (json, "]}");
  g_assert_true (g_file_set_contents (file, json->str, json->len, NULL));
  bk_settings_set_string (settings, "import-folder", import);

  f.store = bk_store_open (db, BK_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (bk_staff_pin_set (f.store, PIN, &error));
  f.now = 1800000000;
  f.said = bk_ui_test_said_new (bk_application_get_voice (app), &f.handler);
  f.window = bk_ui_test_app_window_new (app, f.store);
  _bk_staff_mode_set_clock (bk_window_get_staff_mode (f.window), fake_clock, &f);
  enter_pin (open_dialog (&f), PIN);
  page = BK_STAFF_PAGE (bk_window_get_page (f.window, "staff"));

  row = gtk_widget_get_first_child (bk_staff_page_get_import_list (page));
  button = gtk_widget_get_last_child (row);
  source = g_timeout_add (10, tick_cb, ticks);
  started = g_get_monotonic_time ();
  click (button);
  g_assert_true (bk_staff_page_is_importing (page));
  g_assert_false (gtk_widget_get_sensitive (button));
  g_assert_true (g_str_has_prefix (bk_staff_page_get_import_status (page), "Importing drucksachen.json"));
  while (bk_staff_page_is_importing (page))
    g_main_context_iteration (NULL, TRUE);
  ticks_during = (guint) ticks[0];
  g_source_remove (source);
  took = (g_get_monotonic_time () - started) / 1e6;
  g_test_message ("import of %u papers: %.2f s, %u ticks of 10 ms, longest gap %.1f ms",
                  papers, took, ticks_during, ticks[2] / 1e3);

  g_assert_true (g_str_has_prefix (bk_staff_page_get_import_status (page), "Imported: "));
  g_assert_nonnull (strstr (bk_staff_page_get_import_status (page), "papers: 10000,"));
  g_assert_cmpuint (bk_store_count_motions (f.store), ==, papers);
  g_assert_true (gtk_widget_get_sensitive (gtk_widget_get_last_child (
      gtk_widget_get_first_child (bk_staff_page_get_import_list (page)))));
  /* The loop went on: ticks came all along. On a shared, busy machine a
   * 10 ms timer may come late, but on the main loop the import was one gap
   * as long as itself; here no gap is a third of it (or 0.5 s). */
  g_assert_cmpuint (ticks_during, >=, 5);
  g_assert_cmpfloat (ticks[2] / 1e6, <, MAX (0.5, took / 3));

  bk_settings_set_string (settings, "import-folder", "");
  fixture_clear (&f);
  g_unlink (file);
  g_rmdir (import);
  g_unlink (db);
}

/* The outbox on the staff page: without a delivery file it says so; with
 * one, the counts, the last problem in words, and Send again for a failed
 * submission. Nothing is sent here (the outbox is not started). */
static void
test_staff_page_outbox (void)
{
  Fixture f;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bk-staff-outbox-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "kiosk.db", NULL);
  g_autofree char *secret = g_build_filename (dir, "secret", NULL);
  g_autofree char *anchor = g_build_filename (dir, "anchor.pem", NULL);
  g_autoptr(BkDeliveryConfig) config = NULL;
  g_autoptr(BkOutbox) outbox = NULL;
  g_autoptr(BkContext) context = NULL;
  g_autoptr(BkSubmission) submission = bk_submission_new (BK_SUBMISSION_DEFECT_REPORT);
  g_autoptr(BkOutboxEntry) entry = NULL;
  g_autofree char *reference = NULL;
  BkStaffOutbox *view;
  GtkWidget *retry = NULL;
  BkStaffPage *page;

  /* No delivery file: the kiosk's usual window. */
  fixture_init (&f, TRUE);
  enter_pin (open_dialog (&f), PIN);
  page = BK_STAFF_PAGE (bk_window_get_page (f.window, "staff"));
  view = BK_STAFF_OUTBOX (bk_staff_page_get_outbox_view (page));
  g_assert_nonnull (strstr (bk_staff_outbox_get_intro_text (view), "no delivery file"));
  fixture_clear (&f);

  /* A delivery file and an outbox with one waiting and one failed entry. */
  g_assert_true (g_file_set_contents (secret, "s3cret", -1, &error));
  g_chmod (secret, 0600);
  g_assert_true (g_file_set_contents (anchor, "-", -1, &error));
  config = bk_delivery_config_load_data ("[transport fit]\ntype = fit-connect\n"
                                         "token-url = https://127.0.0.1:1/token\nsubmission-api = https://127.0.0.1:1\n"
                                         "client-id = kiosk\nclient-secret-file = secret\ntrust-anchor = anchor.pem\n"
                                         "[form defect-report]\ntransport = fit\nrecipient = Stadt Auenbach\n"
                                         "destination-id = 0c438057-ec3e-4ce0-b154-1683b5d3c2e8\n"
                                         "service-identifier = urn:de:example:defect\n", dir, &error);
  g_assert_no_error (error);
  f.store = bk_store_open (db, BK_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (bk_staff_pin_set (f.store, PIN, &error));
  outbox = bk_outbox_new (f.store, config, &error);
  g_assert_no_error (error);
  g_free (submission->answers);
  submission->answers = g_strdup ("{\"place\": \"Marktplatz\", \"problem\": \"Lampe aus\"}");
  for (guint i = 0; i < 2; i++)
    {
      g_free (reference);
      reference = bk_outbox_submit (outbox, submission, NULL, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
    }
  entry = bk_store_outbox_load (f.store, 0, reference, &error);
  entry->state = BK_OUTBOX_FAILED;
  entry->last_error = g_strdup ("refused: announce: HTTP 400, Bad request");
  g_assert_true (bk_store_outbox_update (f.store, entry, g_get_real_time () / 1000, &error));

  f.now = 1800000000;
  f.said = bk_ui_test_said_new (bk_application_get_voice (app), &f.handler);
  context = bk_ui_test_context_new (app, f.store);
  bk_context_set_outbox (context, outbox);
  f.window = bk_window_new (NULL, context, NULL, NULL);
  gtk_window_present (GTK_WINDOW (f.window));
  bk_ui_test_iterate (100);
  _bk_staff_mode_set_clock (bk_window_get_staff_mode (f.window), fake_clock, &f);
  enter_pin (open_dialog (&f), PIN);
  page = BK_STAFF_PAGE (bk_window_get_page (f.window, "staff"));
  view = BK_STAFF_OUTBOX (bk_staff_page_get_outbox_view (page));
  g_assert_nonnull (strstr (bk_staff_outbox_get_intro_text (view), "encrypted to their destinations"));
  g_assert_nonnull (strstr (bk_staff_outbox_get_counts_text (view), "Waiting to be sent: 1"));
  g_assert_nonnull (strstr (bk_staff_outbox_get_counts_text (view), "Failed, needs staff: 1"));
  g_assert_nonnull (strstr (bk_staff_outbox_get_problem_text (view), "The destination refused the submission."));

  /* Send again, by its accessible name. */
  for (GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (view)); w != NULL && retry == NULL;
       w = gtk_widget_get_next_sibling (w))
    for (GtkWidget *row = gtk_widget_get_first_child (w); GTK_IS_BOX (w) && row != NULL; row = gtk_widget_get_next_sibling (row))
      {
        GtkWidget *button = gtk_widget_get_last_child (row);
        g_autofree char *name = GTK_IS_BUTTON (button) ? bk_ui_test_dup_label (button) : NULL;
        g_autofree char *want = g_strdup_printf ("Send %s again", reference);

        if (g_strcmp0 (name, want) == 0)
          retry = button;
      }
  g_assert_nonnull (retry);
  click (retry);
  g_assert_nonnull (strstr (bk_staff_outbox_get_counts_text (view), "Waiting to be sent: 2"));
  g_clear_pointer (&entry, bk_outbox_entry_free);
  entry = bk_store_outbox_load (f.store, 0, reference, &error);
  g_assert_cmpint (entry->state, ==, BK_OUTBOX_PENDING);

  g_clear_object (&outbox);
  bk_context_set_outbox (context, NULL);
  fixture_clear (&f);
  bk_test_remove_tree (dir);
}

/* ---- the rating ---------------------------------------------------------- */

static void
rated_cb (BkRating *rating, int value, int *out)
{
  *out = value;
}

static void
test_rating (void)
{
  const char *names[] = { "1 — very bad", "2 — bad", "3 — okay", "4 — good", "5 — very good" };
  GtkWidget *window = gtk_window_new ();
  GtkWidget *rating = bk_rating_new ();
  int rated = 0;

  gtk_window_set_child (GTK_WINDOW (window), rating);
  g_signal_connect (rating, "rated", G_CALLBACK (rated_cb), &rated);
  gtk_window_present (GTK_WINDOW (window));
  bk_ui_test_iterate (100);

  for (int i = 1; i <= 5; i++)
    {
      GtkWidget *button = bk_rating_get_button (BK_RATING (rating), i);
      g_autofree char *label = bk_ui_test_dup_label (button);

      g_assert_cmpstr (label, ==, names[i - 1]);
      g_assert_true (GTK_IS_TOGGLE_BUTTON (button));
      g_assert_true (gtk_widget_get_focusable (button));
      g_assert_cmpint (gtk_widget_get_width (button), >=, 64);
      g_assert_cmpint (gtk_widget_get_height (button), >=, 64);
      gtk_test_accessible_assert_state (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_STATE_PRESSED, FALSE);
    }
  g_assert_false (gtk_widget_get_sensitive (bk_rating_get_send_button (BK_RATING (rating))));

  /* One group: choosing 4 then 2 leaves only 2 pressed. */
  click (bk_rating_get_button (BK_RATING (rating), 4));
  click (bk_rating_get_button (BK_RATING (rating), 2));
  g_assert_cmpint (bk_rating_get_selected (BK_RATING (rating)), ==, 2);
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (bk_rating_get_button (BK_RATING (rating), 2)),
                                    GTK_ACCESSIBLE_STATE_PRESSED, TRUE);
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (bk_rating_get_button (BK_RATING (rating), 4)),
                                    GTK_ACCESSIBLE_STATE_PRESSED, FALSE);
  g_assert_cmpint (rated, ==, 0);   /* not before Send */
  click (bk_rating_get_send_button (BK_RATING (rating)));
  g_assert_cmpint (rated, ==, 2);

  bk_rating_reset (BK_RATING (rating));
  g_assert_cmpint (bk_rating_get_selected (BK_RATING (rating)), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  bk_ui_test_iterate (50);

  /* On the receipt page of the kiosk it counts in the usage, once. */
  {
    BkStatsBatch *batch = _bk_usage_get_batch (bk_application_get_usage (app));
    g_autoptr(BkStore) store = bk_ui_test_demo_store_new ();
    BkWindow *kiosk = bk_ui_test_app_window_new (app, store);

    GtkWidget *receipt = bk_window_get_page (kiosk, "receipt");
    GtkWidget *focus;

    rating = bk_receipt_page_get_rating (BK_RECEIPT_PAGE (receipt));
    bk_stats_batch_clear (batch);
    g_assert_true (bk_window_show_page (kiosk, "receipt", 0));
    bk_ui_test_iterate (20);
    /* 1 to 5 rate wherever the focus is on the receipt, not only in the row */
    g_assert_true (gtk_widget_grab_focus (bk_receipt_page_get_done_button (BK_RECEIPT_PAGE (receipt))));
    g_assert_true (bk_page_handle_key (BK_PAGE (receipt), GDK_KEY_3, 0));
    g_assert_cmpint (bk_rating_get_selected (BK_RATING (rating)), ==, 3);
    g_assert_true (gtk_root_get_focus (GTK_ROOT (kiosk)) == bk_rating_get_button (BK_RATING (rating), 3));
    g_assert_false (bk_page_handle_key (BK_PAGE (receipt), GDK_KEY_7, 0));
    click (bk_rating_get_button (BK_RATING (rating), 5));
    click (bk_rating_get_send_button (BK_RATING (rating)));
    click (bk_rating_get_send_button (BK_RATING (rating)));
    g_assert_cmpint (bk_stats_batch_get (batch, BK_STATS_RATING, "5"), ==, 1);
    /* after sending the focus is somewhere a key can act on */
    focus = gtk_root_get_focus (GTK_ROOT (kiosk));
    g_assert_true (focus != NULL && gtk_widget_is_sensitive (focus) && gtk_widget_is_ancestor (focus, receipt));
    g_assert_false (bk_page_handle_key (BK_PAGE (receipt), GDK_KEY_2, 0));
    bk_stats_batch_clear (batch);
    bk_ui_test_window_destroy (kiosk);
  }
}

/* ---- statistics of a session --------------------------------------------- */

static void
test_session_stats (void)
{
  Fixture f;
  BkStatsBatch *batch = _bk_usage_get_batch (bk_application_get_usage (app));

  fixture_init (&f, TRUE);
  bk_stats_batch_clear (batch);
  bk_ui_test_window_count_usage (f.window, app);
  bk_ui_test_open_page (f.window, "win.show-motions", NULL);
  bk_ui_test_open_page (f.window, "win.home", NULL);
  bk_ui_test_open_page (f.window, "win.show-motions", NULL);
  g_assert_cmpint (bk_stats_batch_get (batch, BK_STATS_PAGE_VIEW, "motions"), ==, 2);

  /* A setting away from the kiosk default counts once per session. */
  bk_settings_set_int (bk_application_get_settings (app), "text-scale", 200);
  bk_settings_set_int (bk_application_get_settings (app), "text-scale", 300);
  g_assert_cmpint (bk_stats_batch_get (batch, BK_STATS_FEATURE, "text-scale"), ==, 1);

  /* Staff's own pages are not counted. */
  enter_pin (open_dialog (&f), PIN);
  g_assert_cmpint (bk_stats_batch_get (batch, BK_STATS_PAGE_VIEW, "staff"), ==, 0);

  bk_application_reset_session (app);
  g_assert_true (bk_stats_batch_is_empty (batch));
  fixture_clear (&f);
}

/* Counts reach the database seconds after they happen, not only at the
 * session's end: a power cut loses at most those seconds. */
static void
test_stats_written_soon (void)
{
  Fixture f;
  BkUsage *usage = bk_application_get_usage (app);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  gint64 end;
  gint64 views = 0;

  fixture_init (&f, TRUE);
  bk_usage_set_store (usage, f.store);
  bk_ui_test_window_count_usage (f.window, app);
  bk_ui_test_open_page (f.window, "win.show-motions", NULL);

  end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (views == 0 && g_get_monotonic_time () < end)
    {
      g_autoptr(GPtrArray) listed = NULL;
      g_autoptr(GPtrArray) totals = NULL;

      bk_ui_test_iterate (250);
      listed = bk_stats_list (f.store, NULL, NULL, NULL);
      totals = bk_stats_totals (listed, BK_STATS_PAGE_VIEW);
      for (guint i = 0; i < totals->len; i++)
        {
          BkStatsRow *row = g_ptr_array_index (totals, i);

          if (g_str_equal (row->key, "motions"))
            views = row->value;
        }
    }
  g_assert_cmpint (views, ==, 1);

  /* The session itself is counted at its end. */
  bk_application_reset_session (app);
  all = bk_stats_list (f.store, NULL, NULL, NULL);
  rows = bk_stats_totals (all, BK_STATS_SESSION);
  g_assert_cmpuint (rows->len, ==, 1);
  bk_usage_set_store (usage, NULL);
  fixture_clear (&f);
}


/* A paper without title or date: its card names both doubts, and its button
 * shows the motion as citizens see it, leaving staff mode. */
static void
test_motions_to_check (void)
{
  Fixture f;
  g_autofree char *dir = g_dir_make_tmp ("bk-staff-XXXXXX", NULL);
  g_autofree char *file = g_build_filename (dir, "ohne-titel.txt", NULL);
  BkSettings *settings = bk_application_get_settings (app);
  BkStaffPage *page;
  GtkWidget *list, *row, *card = NULL, *open = NULL;
  g_autofree char *all = NULL;
  g_autofree char *open_name = NULL;

  g_assert_true (g_file_set_contents (file,
      "Antrag der Fraktion Beispiel\n\nDer Ortschaftsrat Lindental möge beschließen:\n"
      "1. Am Dorfteich werden zwei Bänke aufgestellt.\n", -1, NULL));
  bk_settings_set_string (settings, "import-folder", dir);

  fixture_init (&f, TRUE);
  enter_pin (open_dialog (&f), PIN);
  page = BK_STAFF_PAGE (bk_window_get_page (f.window, "staff"));
  list = bk_staff_page_get_review_list (page);
  all = bk_ui_test_dup_text (list);
  g_assert_nonnull (strstr (all, "without doubts"));

  /* A file copied into the folder while the page is open shows up. */
  {
    g_autofree char *later = g_build_filename (dir, "spaeter.txt", NULL);
    guint rows = 0;

    g_assert_true (g_file_set_contents (later, "Antrag\n\nDer Rat möge beschließen:\n1. Licht.\n", -1, NULL));
    for (int i = 0; i < 60 && rows < 2; i++)
      {
        bk_ui_test_iterate (50);
        rows = 0;
        for (GtkWidget *r = gtk_widget_get_first_child (bk_staff_page_get_import_list (page)); r; r = gtk_widget_get_next_sibling (r))
          rows++;
      }
    g_assert_cmpuint (rows, ==, 2);
    g_unlink (later);
  }

  row = gtk_widget_get_first_child (bk_staff_page_get_import_list (page));
  click (gtk_widget_get_last_child (row));
  g_assert_cmpuint (bk_store_count_motions_with_warnings (f.store), ==, 1);

  /* the list was refilled by the import: one card with its warnings */
  for (GtkWidget *c = gtk_widget_get_first_child (list); c; c = gtk_widget_get_next_sibling (c))
    if (gtk_widget_has_css_class (c, "bk-staff-review"))
      card = c;
  g_assert_nonnull (card);
  g_clear_pointer (&all, g_free);
  all = bk_ui_test_dup_text (card);
  g_assert_nonnull (strstr (all, "has no title"));
  g_assert_nonnull (strstr (all, "no date"));
  g_assert_nonnull (strstr (all, "ohne-titel.txt"));
  open = gtk_widget_get_last_child (card);
  g_assert_true (GTK_IS_BUTTON (open));
  open_name = bk_ui_test_dup_label (open);
  g_assert_true (g_str_has_prefix (open_name, "Show “"));
  g_assert_true (g_str_has_suffix (open_name, "” as citizens see it"));

  gtk_widget_grab_focus (open);
  click (open);
  bk_ui_test_iterate (100);
  g_assert_true (_bk_window_get_current_page (f.window) == bk_window_get_page (f.window, "motion"));
  g_assert_false (bk_staff_mode_is_open (bk_window_get_staff_mode (f.window)));

  bk_settings_set_string (settings, "import-folder", "");
  fixture_clear (&f);
}

int
main (int argc, char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  bk_log_capture_start ();
  adw_init ();
  bk_ui_init ();

  app = bk_ui_test_app_new ();
  bk_application_set_screen_reader_running (app, FALSE);

  g_test_add_func ("/staff/key-combination", test_key_combination);
  g_test_add_func ("/staff/long-press", test_long_press);
  g_test_add_func ("/staff/wrong-pin-locks", test_wrong_pin_locks);
  g_test_add_func ("/staff/right-pin-opens", test_right_pin_opens);
  g_test_add_func ("/staff/no-pin-set", test_no_pin_set);
  g_test_add_func ("/staff/charts-have-tables", test_charts_have_tables);
  g_test_add_func ("/staff/import-export", test_staff_page_import_export);
  g_test_add_func ("/staff/import-in-thread", test_staff_page_import_in_thread);
  g_test_add_func ("/staff/outbox", test_staff_page_outbox);
  g_test_add_func ("/staff/motions-to-check", test_motions_to_check);
  g_test_add_func ("/staff/rating", test_rating);
  g_test_add_func ("/staff/session-stats", test_session_stats);
  g_test_add_func ("/staff/stats-written-soon", test_stats_written_soon);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
