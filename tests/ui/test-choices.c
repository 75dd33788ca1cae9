/* test-choices.c: fewer things to type — answers to choose in the forms
 *
 *   /choices/streets   the defect report's place: the town's streets under
 *                      the field, narrowed by what is typed, chosen with a
 *                      touch (the on-screen keyboard stays open); a place
 *                      not in the list is taken as typed
 *   /choices/date      − and + for day, month and year write the date into
 *                      the field and say it; a birthday goes ten years at
 *                      a time; a typed date shows on the buttons
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "bk-ui-test-util.h"
#include "bk-config.h"

#include <string.h>

#include <adwaita.h>

#include "bk-date-picker.h"
#include "bk-ez-tree.h"
#include "bk-field-view.h"
#include "bk-form-page.h"
#include "bk-pick-list.h"
#include "bk-ui.h"

static BkApplication *app;

typedef struct
{
  BkStore    *store;
  BkWindow   *window;
  BkFormPage *page;
  GPtrArray  *said;
  gulong      handler;
} Fixture;

static void
fixture_init (Fixture *f)
{
  f->store = bk_ui_test_demo_store_new ();
  f->said = bk_ui_test_said_new (bk_application_get_voice (app), &f->handler);
  f->window = bk_ui_test_app_window_new (app, f->store);
  f->page = BK_FORM_PAGE (bk_window_get_page (f->window, "form"));
}

static void
fixture_clear (Fixture *f)
{
  bk_voice_stop (bk_application_get_voice (app));
  bk_ui_test_window_destroy (f->window);
  g_signal_handler_disconnect (bk_application_get_voice (app), f->handler);
  g_clear_pointer (&f->said, g_ptr_array_unref);
  g_clear_object (&f->store);
  bk_application_reset_session (app);
}

#define press bk_ui_test_click

/* The form's questions, started from a service page as citizens do. */
static void
start (Fixture    *f,
       const char *service_id,
       const char *form_id)
{
  if (service_id != NULL)
    bk_ui_test_open_page (f->window, "win.open-service", g_variant_new_string (service_id));
  bk_ui_test_open_page (f->window, "win.start-form", g_variant_new_string (form_id));
  g_assert_cmpstr (bk_window_get_page_name (f->window), ==, "form");
  press (bk_form_page_get_next_button (f->page));
  g_assert_cmpint (bk_form_page_get_step (f->page), ==, BK_FORM_STEP_QUESTIONS);
}

static GtkWidget *
chooser_of (Fixture    *f,
            const char *field_id)
{
  GtkWidget *input = bk_form_page_get_input (f->page, field_id);

  g_assert_nonnull (input);
  return bk_field_view_get_chooser (BK_FIELD_VIEW (gtk_widget_get_ancestor (input, BK_TYPE_FIELD_VIEW)));
}

static gboolean
heard (Fixture    *f,
       const char *needle)
{
  if (bk_application_get_speech (app) == NULL)
    return TRUE;
  return bk_ui_test_said_wait (f->said, needle, 5) != NULL;
}

static void
test_streets (void)
{
  Fixture f;
  GtkWidget *place, *list;
  BkOsk *osk;
  g_autofree char *text = NULL;

  fixture_init (&f);
  osk = BK_OSK (bk_window_get_keyboard (f.window));
  start (&f, "maengel-melden-gemeinde-lindental", "defect-report");
  place = bk_form_page_get_input (f.page, "place");
  list = chooser_of (&f, "place");
  g_assert_true (BK_IS_PICK_LIST (list));
  text = bk_ui_test_dup_text (list);
  g_assert_nonnull (strstr (text, "Streets in Gemeinde Lindental"));
  /* Twelve streets: all of them shown. */
  g_assert_cmpuint (bk_pick_list_get_n_shown (BK_PICK_LIST (list)), ==, 12);

  /* Typing narrows the list down (any case, the number after it). */
  gtk_editable_set_text (GTK_EDITABLE (place), "mühl");
  g_assert_cmpuint (bk_pick_list_get_n_shown (BK_PICK_LIST (list)), ==, 2);
  g_assert_nonnull (bk_pick_list_get_button (BK_PICK_LIST (list), "Mühlbachweg"));
  g_assert_nonnull (bk_pick_list_get_button (BK_PICK_LIST (list), "Zur Alten Mühle"));

  /* Chosen with a touch while the keyboard is open: the street goes into
   * the field, the keyboard stays for the house number. */
  gtk_widget_grab_focus (place);
  g_assert_true (bk_osk_request (osk, place, FALSE));
  bk_ui_test_iterate (50);
  press (bk_pick_list_get_button (BK_PICK_LIST (list), "Mühlbachweg"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (place)), ==, "Mühlbachweg ");
  g_assert_true (bk_osk_is_open (osk));
  g_assert_true (bk_osk_get_target (osk) == place);
  g_signal_emit_by_name (bk_osk_find_key (osk, BK_OSK_KEY_CHAR, '4'), "clicked");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (place)), ==, "Mühlbachweg 4");
  bk_osk_close (osk, FALSE);

  /* A place that is no street: written as it is, and taken. */
  gtk_editable_set_text (GTK_EDITABLE (place), "Spielplatz am Bach");
  g_assert_cmpuint (bk_pick_list_get_n_shown (BK_PICK_LIST (list)), ==, 0);
  g_clear_pointer (&text, g_free);
  text = bk_ui_test_dup_text (list);
  g_assert_nonnull (strstr (text, "None in the list"));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (bk_form_page_get_input (f.page, "problem"))),
                            "Die Schaukel ist kaputt.", -1);
  press (bk_form_page_get_next_button (f.page));
  g_assert_null (bk_form_page_get_input (f.page, "place"));
  fixture_clear (&f);

  /* A town with more streets shows some and says how many more. */
  fixture_init (&f);
  start (&f, "maengel-melden-stadt-auenbach", "defect-report");
  list = chooser_of (&f, "place");
  g_assert_true (BK_IS_PICK_LIST (list));
  g_assert_cmpuint (bk_pick_list_get_n_shown (BK_PICK_LIST (list)), ==, 12);
  g_clear_pointer (&text, g_free);
  text = bk_ui_test_dup_text (list);
  g_assert_nonnull (strstr (text, "6 more: write the first letters"));
  fixture_clear (&f);

  /* The certificate's address offers the kiosk's town; without one, none. */
  fixture_init (&f);
  start (&f, NULL, "registration-certificate");
  gtk_editable_set_text (GTK_EDITABLE (bk_form_page_get_input (f.page, "name")), "Anna Schmidt");
  gtk_editable_set_text (GTK_EDITABLE (bk_form_page_get_input (f.page, "date_of_birth")), "03.07.1985");
  press (bk_form_page_get_next_button (f.page));
  g_assert_null (chooser_of (&f, "address"));
  bk_ui_test_open_page (f.window, "win.home", NULL);
  bk_settings_set_string (bk_application_get_settings (app), "municipality", "Stadt Auenbach");
  start (&f, NULL, "registration-certificate");
  gtk_editable_set_text (GTK_EDITABLE (bk_form_page_get_input (f.page, "name")), "Anna Schmidt");
  gtk_editable_set_text (GTK_EDITABLE (bk_form_page_get_input (f.page, "date_of_birth")), "03.07.1985");
  press (bk_form_page_get_next_button (f.page));
  g_assert_true (BK_IS_PICK_LIST (chooser_of (&f, "address")));
  bk_settings_set_string (bk_application_get_settings (app), "municipality", "");
  fixture_clear (&f);
}

/* What is wrong: ready answers under the text, and the keyboard for
 * anything else. */
static void
test_answers (void)
{
  Fixture f;
  GtkWidget *problem, *list;
  BkOsk *osk;
  g_autofree char *text = NULL;

  fixture_init (&f);
  osk = BK_OSK (bk_window_get_keyboard (f.window));
  start (&f, "maengel-melden-gemeinde-lindental", "defect-report");
  problem = bk_form_page_get_input (f.page, "problem");
  list = chooser_of (&f, "problem");
  g_assert_true (BK_IS_PICK_LIST (list));
  g_assert_cmpuint (bk_pick_list_get_n_shown (BK_PICK_LIST (list)), ==, 10);
  text = bk_ui_test_dup_text (list);
  g_assert_nonnull (strstr (text, "Choose what fits"));

  /* Chosen: written into the field, which takes the focus; what is typed
   * after it hides no other answer. */
  press (bk_pick_list_get_button (BK_PICK_LIST (list), "Street light flickers"));
  g_clear_pointer (&text, g_free);
  text = bk_ui_test_dup_buffer_text (problem);
  g_assert_cmpstr (text, ==, "Street light flickers ");
  g_assert_true (gtk_widget_has_focus (problem));
  gtk_text_buffer_insert_at_cursor (gtk_text_view_get_buffer (GTK_TEXT_VIEW (problem)), "at night", -1);
  g_assert_cmpuint (bk_pick_list_get_n_shown (BK_PICK_LIST (list)), ==, 10);
  g_assert_nonnull (bk_pick_list_get_button (BK_PICK_LIST (list), "Pothole in the road"));

  /* Something else: an empty field and the on-screen keyboard for it. */
  g_assert_nonnull (bk_pick_list_get_other (BK_PICK_LIST (list)));
  press (bk_pick_list_get_other (BK_PICK_LIST (list)));
  bk_ui_test_iterate (50);
  g_clear_pointer (&text, g_free);
  text = bk_ui_test_dup_buffer_text (problem);
  g_assert_cmpstr (text, ==, "");
  g_assert_true (bk_osk_is_open (osk));
  g_assert_true (bk_osk_get_target (osk) == problem);
  bk_osk_close (osk, FALSE);

  /* Other multi-line fields offer none. */
  g_assert_null (bk_form_find_field (bk_form_lookup ("suggestion-complaint"), "text")->answers);
  fixture_clear (&f);
}

static void
test_date (void)
{
  Fixture f;
  GtkWidget *input, *picker;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autofree char *today_text = g_date_time_format (now, "%d.%m.%Y");
  g_autofree char *tomorrow_text = g_date_time_format (tomorrow, "%d.%m.%Y");
  g_autofree char *text = NULL;

  fixture_init (&f);
  start (&f, NULL, "appointment");
  input = bk_form_page_get_input (f.page, "preferred_date");
  picker = chooser_of (&f, "preferred_date");
  g_assert_true (BK_IS_DATE_PICKER (picker));
  text = bk_ui_test_dup_text (picker);
  g_assert_nonnull (strstr (text, "Not chosen yet"));
  /* The keypad stops on the six buttons only; each says the date
   * (issue 15: the date took thirteen stops). */
  {
    g_autoptr(GPtrArray) items = bk_ez_collect_items (picker, FALSE);

    g_assert_cmpuint (items->len, ==, 6);
    for (guint i = 0; i < items->len; i++)
      g_assert_true (GTK_IS_BUTTON (g_ptr_array_index (items, i)));
  }

  /* Starting today: a day later is tomorrow; never before today. */
  press (bk_date_picker_get_button (BK_DATE_PICKER (picker), 0, +1));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (input)), ==, tomorrow_text);
  g_clear_pointer (&text, g_free);
  text = bk_ui_test_dup_text (picker);
  g_assert_nonnull (strstr (text, "Chosen: "));
  press (bk_date_picker_get_button (BK_DATE_PICKER (picker), 0, -1));
  press (bk_date_picker_get_button (BK_DATE_PICKER (picker), 0, -1));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (input)), ==, today_text);
  /* Every press says the date, with its weekday. */
  g_assert_true (heard (&f, "day, "));
  g_assert_null (bk_date_picker_get_button (BK_DATE_PICKER (picker), 2, +10));
  fixture_clear (&f);

  /* A birthday: from 1970, ten years at a time; a typed date shows. */
  fixture_init (&f);
  start (&f, NULL, "registration-certificate");
  input = bk_form_page_get_input (f.page, "date_of_birth");
  picker = chooser_of (&f, "date_of_birth");
  press (bk_date_picker_get_button (BK_DATE_PICKER (picker), 2, -10));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (input)), ==, "01.01.1960");
  press (bk_date_picker_get_button (BK_DATE_PICKER (picker), 1, +1));
  press (bk_date_picker_get_button (BK_DATE_PICKER (picker), 2, +1));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (input)), ==, "01.02.1961");
  g_assert_true (heard (&f, "Wednesday, 1 February 1961"));
  gtk_editable_set_text (GTK_EDITABLE (input), "3.7.1985");
  g_clear_pointer (&text, g_free);
  text = bk_ui_test_dup_text (picker);
  g_assert_nonnull (strstr (text, "Chosen: Wednesday, 3 July 1985"));
  g_assert_nonnull (strstr (text, "July"));
  /* Never today or later. */
  press (bk_date_picker_get_button (BK_DATE_PICKER (picker), 2, +10));
  press (bk_date_picker_get_button (BK_DATE_PICKER (picker), 2, +10));
  press (bk_date_picker_get_button (BK_DATE_PICKER (picker), 2, +10));
  press (bk_date_picker_get_button (BK_DATE_PICKER (picker), 2, +10));
  press (bk_date_picker_get_button (BK_DATE_PICKER (picker), 2, +10));
  {
    g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);
    g_autofree char *yesterday_text = g_date_time_format (yesterday, "%d.%m.%Y");

    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (input)), ==, yesterday_text);
  }
  fixture_clear (&f);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  bk_ui_test_init (&argc, &argv);

  app = bk_ui_test_app_new ();

  g_test_add_func ("/choices/streets", test_streets);
  g_test_add_func ("/choices/answers", test_answers);
  g_test_add_func ("/choices/date", test_date);

  status = g_test_run ();

  g_clear_object (&app);
  return status;
}
