/* test-forms.c: the guided forms end to end, through the real window
 *
 * Every form is started with its action, filled in through its widgets
 * (GtkEditable, text buffers, toggle buttons) and sent with its buttons; the
 * receipt's reference must be valid and in the store, and afterwards the
 * kiosk must hold nothing of what was typed. The error path: a bad date and
 * an empty required field show their messages next to the fields, related
 * to them (described-by), spoken, with the focus on the first problem.
 * With a delivery file, a task from the home screen by the keypad alone to
 * the receipt, which says where the submission is: sent to its recipient
 * (a FIT-Connect test server on 127.0.0.1 received, decrypted and checked
 * it), or sent as soon as the connection is back while the server is down.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "bk-ui-test-util.h"

#include <string.h>
#include "bk-config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "bk-application.h"
#include "bk-field-view.h"
#include "bk-form-page.h"
#include "bk-ez-tree.h"
#include "bk-home-page-private.h"
#include "bk-nav-test-util.h"
#include "bk-outbox-private.h"
#include "bk-test-server.h"
#include "bk-form.h"
#include "bk-motion-page.h"
#include "bk-rating.h"
#include "bk-store-private.h"
#include "bk-receipt-page.h"
#include "bk-receipt-print.h"
#include "bk-ui.h"
#include "bk-window.h"

static BkApplication *app;

typedef struct
{
  BkStore    *store;
  BkWindow   *window;
  BkFormPage *page;
  gint64      motion_id;
  GPtrArray  *said;
  gulong      handler;
} Fixture;

static const char *
find_said (Fixture    *f,
           const char *needle)
{
  return bk_ui_test_said_find (f->said, needle);
}

/* Speech runs in its own thread: wait for the utterance to start. Without
 * voice data there is nothing to hear; the visible checks still run. */
static gboolean
wait_said (Fixture    *f,
           const char *needle)
{
  if (bk_application_get_speech (app) == NULL)
    {
      g_test_message ("no speech service: not checked that “%s” is said", needle);
      return TRUE;
    }

  return bk_ui_test_said_wait (f->said, needle, 5) != NULL;
}

static void
fixture_init (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BkMotion) motion = bk_motion_new ();
  g_autoptr(BkService) service = bk_service_new ();

  f->store = bk_store_open (NULL, 0, &error);
  g_assert_no_error (error);

  motion->subject = g_strdup ("Bänke am Marktplatz");
  motion->body = g_strdup ("Stadtrat");
  motion->date = g_strdup ("2026-11-02");
  motion->is_public = BK_TRISTATE_YES;
  g_assert_true (bk_store_save_motion (f->store, motion, &error));
  g_assert_no_error (error);
  f->motion_id = motion->id;

  service->id = g_strdup ("test-passport");
  service->municipality = g_strdup ("Stadt Auenbach");
  service->name = g_strdup ("Reisepass beantragen");
  service->short_text = g_strdup ("Einen Reisepass beantragen.");
  service->office.name = g_strdup ("Bürgerbüro Auenbach");
  g_assert_true (bk_store_save_service (f->store, service, &error));
  g_assert_no_error (error);

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

/* ---- driving the form ---------------------------------------------------- */

#define press bk_ui_test_click

static void
fill (Fixture    *f,
      const char *field_id,
      const char *value)
{
  GtkWidget *input = bk_form_page_get_input (f->page, field_id);

  g_assert_nonnull (input);
  if (GTK_IS_EDITABLE (input))
    gtk_editable_set_text (GTK_EDITABLE (input), value);
  else if (GTK_IS_TEXT_VIEW (input))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (input)), value, -1);
  else
    press (bk_form_page_get_choice (f->page, field_id, value));
}

/* Answers every field shown with answers (id, value, id, value, …, NULL)
 * and presses Next, screen after screen, until the confirmation. */
static void
fill_all (Fixture *f,
          ...)
{
  for (guint screens = 0; bk_form_page_get_step (f->page) == BK_FORM_STEP_QUESTIONS; screens++)
    {
      va_list args;
      const char *id;

      g_assert_cmpuint (screens, <, 10);
      va_start (args, f);
      while ((id = va_arg (args, const char *)) != NULL)
        {
          const char *value = va_arg (args, const char *);

          if (bk_form_page_get_input (f->page, id) != NULL)
            fill (f, id, value);
        }
      va_end (args);
      press (bk_form_page_get_next_button (f->page));
    }

  g_assert_cmpint (bk_form_page_get_step (f->page), ==, BK_FORM_STEP_CONFIRM);
}

static void
start (Fixture    *f,
       const char *form_id)
{
  bk_ui_test_open_page (f->window, "win.start-form", g_variant_new_string (form_id));
  g_assert_cmpstr (bk_window_get_page_name (f->window), ==, "form");
  g_assert_cmpstr (bk_form_page_get_form (f->page)->id, ==, form_id);
  g_assert_cmpint (bk_form_page_get_step (f->page), ==, BK_FORM_STEP_PRIVACY);
  press (bk_form_page_get_next_button (f->page));
  g_assert_cmpint (bk_form_page_get_step (f->page), ==, BK_FORM_STEP_QUESTIONS);
}

/* Sends and checks the receipt; returns the stored submission. */
static BkSubmission *
send_and_check (Fixture          *f,
                BkSubmissionKind  kind)
{
  BkReceiptPage *receipt_page = BK_RECEIPT_PAGE (bk_window_get_page (f->window, "receipt"));
  const BkReceipt *receipt;
  g_autoptr(GError) error = NULL;
  BkSubmission *submission;
  guint before = bk_store_count_submissions (f->store);

  press (bk_form_page_get_next_button (f->page));
  g_assert_cmpstr (bk_window_get_page_name (f->window), ==, "receipt");
  g_assert_cmpuint (bk_store_count_submissions (f->store), ==, before + 1);

  receipt = bk_receipt_page_get_receipt (receipt_page);
  g_assert_nonnull (receipt);
  g_assert_true (bk_submission_reference_is_valid (receipt->reference));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (bk_receipt_page_get_reference_label (receipt_page))),
                   ==, receipt->reference);
  /* The focus is on the number, the one thing to keep (issue 15). */
  bk_ui_test_iterate (20);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f->window)) ==
                 bk_receipt_page_get_reference_label (receipt_page));

  submission = bk_store_load_submission (f->store, receipt->reference, &error);
  g_assert_no_error (error);
  g_assert_nonnull (submission);
  g_assert_cmpint (submission->kind, ==, kind);

  /* The form is forgotten as soon as it is sent. */
  g_assert_cmpint (bk_form_page_get_step (f->page), ==, BK_FORM_STEP_NONE);
  g_assert_cmpuint (bk_form_page_count_answers (f->page), ==, 0);

  return submission;
}

static JsonObject *
parse_answers (BkSubmission *submission,
               JsonParser   *parser)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, submission->answers, -1, &error));
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

/* Shown next to its field (the label sits in a box that is hidden while
 * there is no error). */
static gboolean
error_shown (Fixture    *f,
             const char *field_id)
{
  GtkWidget *label = bk_form_page_get_error_label (f->page, field_id);

  g_assert_nonnull (label);
  return gtk_widget_get_mapped (label) && gtk_label_get_text (GTK_LABEL (label))[0] != '\0';
}

static void
done (Fixture *f)
{
  BkReceiptPage *receipt_page = BK_RECEIPT_PAGE (bk_window_get_page (f->window, "receipt"));
  BkRating *rating = BK_RATING (bk_receipt_page_get_rating (receipt_page));

  /* The receipt offers the optional rating; choosing one is forgotten too. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (rating)));
  bk_rating_select (rating, 4);
  g_assert_cmpint (bk_rating_get_selected (rating), ==, 4);

  press (bk_receipt_page_get_done_button (receipt_page));
  g_assert_cmpint (bk_rating_get_selected (rating), ==, 0);
  g_assert_cmpstr (bk_window_get_page_name (f->window), ==, "home");
  g_assert_null (bk_receipt_page_get_receipt (receipt_page));
  g_assert_cmpuint (bk_form_page_count_answers (f->page), ==, 0);
  g_assert_null (bk_form_page_get_form (f->page));
}

/* ---- tests --------------------------------------------------------------- */

static void
test_checks (void)
{
  const BkForm *form = bk_form_lookup ("registration-certificate");
  const BkFormField *dob = bk_form_find_field (form, "date_of_birth");
  const BkFormField *name = bk_form_find_field (form, "name");
  const BkFormField *email = bk_form_find_field (bk_form_lookup ("suggestion-complaint"), "email");
  const BkFormField *contact = bk_form_find_field (bk_form_lookup ("appointment"), "contact");
  const BkFormField *day = bk_form_find_field (bk_form_lookup ("appointment"), "preferred_date");
  char *normalized = NULL;
  char *message;
  guint n_forms;

  bk_form_list (&n_forms);
  g_assert_cmpuint (n_forms, ==, 5);
  g_assert_null (bk_form_lookup ("no-such-form"));

  message = bk_form_field_check (dob, "31.02.1990", "2026-12-01", &normalized);
  g_assert_cmpstr (message, ==, "Date of birth: “31.02.1990” is not a date. Please write it as day.month.year, for example 03.07.1985.");
  g_assert_null (normalized);
  g_free (message);

  g_assert_null (bk_form_field_check (dob, " 3.7.1985 ", "2026-12-01", &normalized));
  g_assert_cmpstr (normalized, ==, "1985-07-03");
  g_clear_pointer (&normalized, g_free);

  message = bk_form_field_check (dob, "03.07.2030", "2026-12-01", NULL);
  g_assert_nonnull (strstr (message, "not in the past"));
  g_free (message);

  message = bk_form_field_check (day, "30.11.2026", "2026-12-01", NULL);
  g_assert_nonnull (strstr (message, "Preferred day:"));
  g_free (message);
  g_assert_null (bk_form_field_check (day, "01.12.2026", "2026-12-01", NULL));

  message = bk_form_field_check (name, "   ", NULL, NULL);
  g_assert_cmpstr (message, ==, "Your name: this is empty, but it is needed. Please fill it in.");
  g_free (message);

  /* Optional and empty is fine; optional and wrong is not. */
  g_assert_null (bk_form_field_check (email, "", NULL, NULL));
  message = bk_form_field_check (email, "anna at example.de", NULL, NULL);
  g_assert_nonnull (strstr (message, "E-mail (optional): “anna at example.de” is not an e-mail address"));
  g_free (message);

  g_assert_null (bk_form_field_check (contact, "0851 12345", NULL, NULL));
  g_assert_null (bk_form_field_check (contact, "anna@example.de", NULL, NULL));
  message = bk_form_field_check (contact, "12", NULL, NULL);
  g_assert_nonnull (message);
  g_free (message);

  message = bk_form_dup_spoken_reference ("BK-2026-000123-K");
  g_assert_cmpstr (message, ==, "B K 2026 000 123 K");
  g_free (message);
  message = bk_form_dup_spoken_reference ("BK-2026-1234567-Q");
  g_assert_cmpstr (message, ==, "B K 2026 1 234 567 Q");
  g_free (message);
}

typedef struct
{
  gint64 last;
  gint64 longest;
} Ticks;

static gboolean
tick_cb (gpointer user_data)
{
  Ticks *ticks = user_data;
  gint64 now = g_get_monotonic_time ();

  ticks->longest = MAX (ticks->longest, now - ticks->last);
  ticks->last = now;
  return G_SOURCE_CONTINUE;
}

/* This machine has no printer: Print must neither freeze the screen nor
 * stay silent. The answer comes in words, with the number and the QR code
 * to take the receipt away, and the main loop never stops meanwhile. */
static void
print_without_printer (Fixture *f)
{
  BkReceiptPage *receipt = BK_RECEIPT_PAGE (bk_window_get_page (f->window, "receipt"));
  GtkWidget *button = bk_receipt_page_get_print_button (receipt);
  const char *reference = bk_receipt_page_get_receipt (receipt)->reference;
  Ticks ticks = { g_get_monotonic_time (), 0 };
  gint64 end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  guint source = g_timeout_add (10, tick_cb, &ticks);

  g_assert_nonnull (strstr (bk_qr_get_text (BK_QR (bk_receipt_page_get_qr (receipt))), reference));
  press (button);
  while (g_get_monotonic_time () < end &&
         strstr (bk_receipt_page_get_print_status (receipt), "did not work") == NULL)
    bk_ui_test_iterate (20);
  g_source_remove (source);

  g_test_message ("print status: %s; longest main-loop pause %" G_GINT64_FORMAT " ms",
                  bk_receipt_page_get_print_status (receipt), ticks.longest / 1000);
  g_assert_nonnull (strstr (bk_receipt_page_get_print_status (receipt), "Printing did not work"));
  g_assert_nonnull (strstr (bk_receipt_page_get_print_status (receipt), reference));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_cmpint (ticks.longest, <, 1000 * 1000);
  g_assert_true (wait_said (f, "Printing did not work"));
}

/* The appointment from a service page: the service is not asked again. */
static void
test_appointment (void)
{
  Fixture f;
  g_autoptr(BkSubmission) submission = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) later = g_date_time_add_days (now, 14);
  g_autofree char *date = g_date_time_format (later, "%d.%m.%Y");
  g_autofree char *iso = g_date_time_format (later, "%Y-%m-%d");
  JsonObject *answers;

  fixture_init (&f);
  bk_ui_test_open_page (f.window, "win.open-service", g_variant_new_string ("test-passport"));
  g_assert_cmpstr (bk_window_get_page_name (f.window), ==, "service");

  start (&f, "appointment");
  /* Each screen is said: the form and where the citizen is in it. */
  g_assert_true (wait_said (&f, "Request an appointment. Step 2 of 4."));
  g_assert_null (bk_form_page_get_input (f.page, "service"));
  fill_all (&f, "preferred_date", date, "preferred_time", "morning",
            "name", "Anna Schmidt", "contact", "anna@example.de", NULL);
  /* The service is listed, but there is nothing to change. */
  g_assert_null (bk_form_page_get_change_button (f.page, "service"));
  g_assert_nonnull (bk_form_page_get_change_button (f.page, "name"));

  submission = send_and_check (&f, BK_SUBMISSION_APPOINTMENT);
  g_assert_cmpstr (submission->service_id, ==, "test-passport");
  answers = parse_answers (submission, parser);
  g_assert_cmpstr (json_object_get_string_member (answers, "service"), ==, "Reisepass beantragen");
  g_assert_cmpstr (json_object_get_string_member (answers, "preferred_date"), ==, iso);
  g_assert_cmpstr (json_object_get_string_member (answers, "preferred_time"), ==, "morning");
  g_assert_cmpstr (json_object_get_string_member (answers, "contact"), ==, "anna@example.de");
  g_assert_cmpstr (bk_receipt_page_get_receipt (BK_RECEIPT_PAGE (bk_window_get_page (f.window, "receipt")))->office,
                   ==, "Bürgerbüro Auenbach");

  /* The number is spoken in groups. */
  g_assert_true (wait_said (&f, "B K 2026"));
  print_without_printer (&f);
  done (&f);
  fixture_clear (&f);
}

/* Errors next to the fields, related, spoken, focus on the first; then
 * Change on the confirmation. */
static void
test_certificate_errors (void)
{
  Fixture f;
  g_autoptr(BkSubmission) submission = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  GtkWidget *name_input, *dob_input, *name_error, *dob_error, *focus, *hint;
  JsonObject *answers;

  fixture_init (&f);
  start (&f, "registration-certificate");

  /* Name and date of birth share the first screen (no easy-read). */
  name_input = bk_form_page_get_input (f.page, "name");
  dob_input = bk_form_page_get_input (f.page, "date_of_birth");
  g_assert_nonnull (name_input);
  g_assert_nonnull (dob_input);
  g_assert_null (bk_form_page_get_input (f.page, "address"));
  /* Named by its question, once: the label property, no labelled-by as
   * well (GTK 4.8 joins both: "Your name Your name"). */
  g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (name_input), GTK_ACCESSIBLE_PROPERTY_LABEL));
  g_assert_false (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (name_input), GTK_ACCESSIBLE_RELATION_LABELLED_BY));
  g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (name_input), GTK_ACCESSIBLE_PROPERTY_REQUIRED));
  /* No spelling suggestions or word completion on a shared kiosk. */
  g_assert_true (gtk_entry_get_input_hints (GTK_ENTRY (name_input)) & GTK_INPUT_HINT_NO_SPELLCHECK);
  g_assert_false (gtk_entry_get_input_hints (GTK_ENTRY (name_input)) & GTK_INPUT_HINT_WORD_COMPLETION);

  fill (&f, "date_of_birth", "31.02.1990");
  g_ptr_array_set_size (f.said, 0);
  press (bk_form_page_get_next_button (f.page));

  g_assert_cmpint (bk_form_page_get_step (f.page), ==, BK_FORM_STEP_QUESTIONS);
  name_error = bk_form_page_get_error_label (f.page, "name");
  dob_error = bk_form_page_get_error_label (f.page, "date_of_birth");
  g_assert_true (error_shown (&f, "name"));
  g_assert_true (error_shown (&f, "date_of_birth"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (name_error)), "Your name: this is empty"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (dob_error)), "“31.02.1990” is not a date"));

  /* The error belongs to its field, before the hint. */
  hint = gtk_widget_get_next_sibling (gtk_widget_get_first_child (gtk_widget_get_ancestor (dob_input, BK_TYPE_FIELD_VIEW)));
  gtk_test_accessible_assert_relation (GTK_ACCESSIBLE (dob_input), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                       dob_error, hint, NULL);
  if (gtk_get_minor_version () >= 10)
    gtk_test_accessible_assert_state (GTK_ACCESSIBLE (dob_input), GTK_ACCESSIBLE_STATE_INVALID,
                                      GTK_ACCESSIBLE_INVALID_TRUE);
  else
    {
      /* GTK 4.8 sends "invalid" to AT-SPI as "defunct" (Orca drops the
       * field): no state there, the error is in the description. */
      g_autofree char *described = g_strdup_printf ("%s %s", gtk_label_get_text (GTK_LABEL (dob_error)),
                                                    gtk_label_get_text (GTK_LABEL (hint)));

      g_assert_false (gtk_test_accessible_has_state (GTK_ACCESSIBLE (dob_input), GTK_ACCESSIBLE_STATE_INVALID));
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (dob_input), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                           described);
    }

  /* The focus is on the first problem: the name. */
  focus = gtk_root_get_focus (GTK_ROOT (f.window));
  g_assert_true (focus == name_input || gtk_widget_is_ancestor (focus, name_input));

  /* Both problems are said, each with its field. */
  g_assert_true (wait_said (&f, "2 answers need a change."));
  if (bk_application_get_speech (app) != NULL)
    {
      g_assert_nonnull (strstr (find_said (&f, "2 answers need a change."), "Date of birth: “31.02.1990” is not a date"));
      g_assert_nonnull (strstr (find_said (&f, "2 answers need a change."), "Your name:"));
    }

  /* Fixed: the error goes away as soon as the answer is right. */
  fill (&f, "date_of_birth", "03.07.1985");
  g_assert_false (error_shown (&f, "date_of_birth"));
  if (gtk_get_minor_version () >= 10)
    gtk_test_accessible_assert_state (GTK_ACCESSIBLE (dob_input), GTK_ACCESSIBLE_STATE_INVALID,
                                      GTK_ACCESSIBLE_INVALID_FALSE);
  else
    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (dob_input), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                         gtk_label_get_text (GTK_LABEL (hint)));
  gtk_test_accessible_assert_relation (GTK_ACCESSIBLE (dob_input), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                       hint, NULL);

  fill_all (&f, "name", "Anna Schmidt", "address", "Marktplatz 1, 94032 Passau", "delivery", "post", NULL);

  /* Change goes to the question and straight back to the overview. */
  press (bk_form_page_get_change_button (f.page, "name"));
  g_assert_cmpint (bk_form_page_get_step (f.page), ==, BK_FORM_STEP_QUESTIONS);
  focus = gtk_root_get_focus (GTK_ROOT (f.window));
  name_input = bk_form_page_get_input (f.page, "name");
  g_assert_true (focus == name_input || gtk_widget_is_ancestor (focus, name_input));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_input)), ==, "Anna Schmidt");
  fill (&f, "name", "Anna Maria Schmidt");
  press (bk_form_page_get_next_button (f.page));
  g_assert_cmpint (bk_form_page_get_step (f.page), ==, BK_FORM_STEP_CONFIRM);

  submission = send_and_check (&f, BK_SUBMISSION_REGISTRATION_CERTIFICATE);
  answers = parse_answers (submission, parser);
  g_assert_cmpstr (json_object_get_string_member (answers, "name"), ==, "Anna Maria Schmidt");
  g_assert_cmpstr (json_object_get_string_member (answers, "date_of_birth"), ==, "1985-07-03");
  g_assert_cmpstr (json_object_get_string_member (answers, "delivery"), ==, "post");
  done (&f);

  /* Nothing is remembered for the next citizen. */
  start (&f, "registration-certificate");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (bk_form_page_get_input (f.page, "name"))), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (bk_form_page_get_input (f.page, "date_of_birth"))), ==, "");
  fixture_clear (&f);
}

/* Leaving with Back forgets the answers too. */
static void
test_defect_and_back (void)
{
  Fixture f;
  g_autoptr(BkSubmission) submission = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *answers;

  fixture_init (&f);
  start (&f, "defect-report");
  fill (&f, "place", "Bushaltestelle Marktplatz");
  press (bk_form_page_get_next_button (f.page));
  /* What is wrong is needed. */
  g_assert_true (error_shown (&f, "problem"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.back", NULL));
  bk_ui_test_iterate (50);
  g_assert_cmpstr (bk_window_get_page_name (f.window), ==, "home");
  g_assert_cmpuint (bk_form_page_count_answers (f.page), ==, 0);

  start (&f, "defect-report");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (bk_form_page_get_input (f.page, "place"))), ==, "");
  /* An optional contact may stay empty, but a wrong one is caught. */
  fill_all (&f, "place", "Bushaltestelle Marktplatz", "problem", "Das Glas ist kaputt.",
            "contact", "", NULL);
  submission = send_and_check (&f, BK_SUBMISSION_DEFECT_REPORT);
  answers = parse_answers (submission, parser);
  g_assert_cmpstr (json_object_get_string_member (answers, "problem"), ==, "Das Glas ist kaputt.");
  g_assert_false (json_object_has_member (answers, "contact"));
  done (&f);
  fixture_clear (&f);
}

/* Sending fails (here: SQLite refuses the write, as on a disk that went
 * bad): the citizen reads what to do, never a file path or SQLite's words;
 * the answers stay; the journal has the details (structured logging:
 * g_test_expect_message does not see the warning, so in a subprocess). */
static void
test_send_fails_without_path (void)
{
  Fixture f = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bk-forms-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "kiosk.db", NULL);
  GtkWidget *label;
  const char *text;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDOUT);
      g_test_trap_assert_passed ();
      g_test_trap_assert_stderr ("*WARNING*Could not store a defect-report submission: *kiosk.db*cannot be written*");
      g_rmdir (dir);
      return;
    }

  g_log_set_always_fatal (G_LOG_FATAL_MASK);
  g_assert_no_error (error);
  f.store = bk_store_open (path, 0, &error);
  g_assert_no_error (error);
  g_assert_false (bk_store_is_read_only (f.store));
  g_assert_cmpint (sqlite3_exec (bk_store_get_db (f.store), "PRAGMA query_only = ON", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  f.said = bk_ui_test_said_new (bk_application_get_voice (app), &f.handler);
  f.window = bk_ui_test_app_window_new (app, f.store);
  f.page = BK_FORM_PAGE (bk_window_get_page (f.window, "form"));

  start (&f, "defect-report");
  fill_all (&f, "place", "Bushaltestelle Marktplatz", "problem", "Das Glas ist kaputt.",
            "contact", "", NULL);
  press (bk_form_page_get_next_button (f.page));

  g_assert_cmpstr (bk_window_get_page_name (f.window), ==, "form");
  g_assert_cmpint (bk_form_page_get_step (f.page), ==, BK_FORM_STEP_CONFIRM);
  label = bk_form_page_get_form_error_label (f.page);
  g_assert_nonnull (label);
  text = gtk_label_get_text (GTK_LABEL (label));
  g_test_message ("the citizen reads: %s", text);
  g_assert_nonnull (strstr (text, "Your answers are still here"));
  g_assert_null (strstr (text, dir));
  g_assert_null (strstr (text, "kiosk.db"));
  g_assert_null (strchr (text, '/'));
  g_assert_null (strstr (text, "read-only"));
  g_assert_cmpuint (bk_form_page_count_answers (f.page), >, 0);

  fixture_clear (&f);
  g_unlink (path);
  g_rmdir (dir);
}

static gboolean
label_text_in (GtkWidget  *widget,
               const char *needle)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget) &&
      strstr (gtk_label_get_text (GTK_LABEL (widget)), needle) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (label_text_in (child, needle))
      return TRUE;
  return FALSE;
}

/* A database file without write permission opens read-only (it is not
 * "damaged"): the form says before the first question that nothing can be
 * sent, Send says it again, and no path ever reaches the screen. */
static void
test_read_only_file_says_so (void)
{
  Fixture f = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bk-forms-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "kiosk.db", NULL);
  GtkWidget *label;
  const char *text;

  g_assert_no_error (error);
  {
    g_autoptr(BkStore) writable = bk_store_open (path, 0, &error);

    g_assert_no_error (error);
  }
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  /* Root may write any file: there the store is opened read-only as the
   * kiosk opens a write-protected one (tests/core covers the detection as
   * another user and on a read-only mount). */
  f.store = bk_store_open (path, geteuid () == 0 ? BK_STORE_OPEN_READ_ONLY : 0, &error);
  g_assert_no_error (error);
  g_assert_true (bk_store_is_read_only (f.store));
  if (geteuid () != 0)
    g_assert_true (bk_store_is_write_protected (f.store));
  f.said = bk_ui_test_said_new (bk_application_get_voice (app), &f.handler);
  f.window = bk_ui_test_app_window_new (app, f.store);
  f.page = BK_FORM_PAGE (bk_window_get_page (f.window, "form"));

  /* Before the first question. */
  bk_ui_test_open_page (f.window, "win.start-form", g_variant_new_string ("defect-report"));
  g_assert_cmpint (bk_form_page_get_step (f.page), ==, BK_FORM_STEP_PRIVACY);
  g_assert_true (label_text_in (GTK_WIDGET (f.page), "cannot take requests"));
  g_assert_false (label_text_in (GTK_WIDGET (f.page), dir));
  g_assert_false (label_text_in (GTK_WIDGET (f.page), "kiosk.db"));
  press (bk_form_page_get_next_button (f.page));
  g_assert_cmpint (bk_form_page_get_step (f.page), ==, BK_FORM_STEP_QUESTIONS);

  fill_all (&f, "place", "Bushaltestelle Marktplatz", "problem", "Das Glas ist kaputt.",
            "contact", "", NULL);
  /* Send: the journal gets a message, not a warning (nothing is broken). */
  press (bk_form_page_get_next_button (f.page));

  g_assert_cmpint (bk_form_page_get_step (f.page), ==, BK_FORM_STEP_CONFIRM);
  label = bk_form_page_get_form_error_label (f.page);
  text = gtk_label_get_text (GTK_LABEL (label));
  g_test_message ("the citizen reads: %s", text);
  g_assert_nonnull (strstr (text, "cannot take requests"));
  g_assert_null (strstr (text, dir));
  g_assert_null (strchr (text, '/'));
  g_assert_null (strstr (text, "read-only"));

  fixture_clear (&f);
  g_chmod (path, 0644);
  g_unlink (path);
  {
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);

    g_unlink (shm);
    g_unlink (wal);
  }
  g_rmdir (dir);
}

/* One question a screen with easy-read on. */
static void
test_complaint_easy_read (void)
{
  Fixture f;
  g_autoptr(BkSubmission) submission = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  BkSettings *settings = bk_voice_get_settings (bk_application_get_voice (app));
  JsonObject *answers;
  guint screens = 0;

  fixture_init (&f);
  bk_settings_set_boolean (settings, "easy-read", TRUE);
  start (&f, "suggestion-complaint");

  while (bk_form_page_get_step (f.page) == BK_FORM_STEP_QUESTIONS)
    {
      guint shown = 0;
      const BkForm *form = bk_form_page_get_form (f.page);

      for (guint i = 0; i < form->n_fields; i++)
        if (bk_form_page_get_input (f.page, form->fields[i].id) != NULL)
          shown++;
      g_assert_cmpuint (shown, ==, 1);
      screens++;

      if (bk_form_page_get_input (f.page, "council"))
        fill (&f, "council", "municipality");
      else if (bk_form_page_get_input (f.page, "subject"))
        fill (&f, "subject", "Bank fehlt");
      else if (bk_form_page_get_input (f.page, "text"))
        fill (&f, "text", "An der Haltestelle fehlt eine Bank.");
      else if (bk_form_page_get_input (f.page, "name"))
        fill (&f, "name", "Anna Schmidt");
      else if (bk_form_page_get_input (f.page, "address"))
        fill (&f, "address", "Marktplatz 1, 94032 Passau");
      else if (bk_form_page_get_input (f.page, "email"))
        {
          fill (&f, "email", "anna(at)example");
          press (bk_form_page_get_next_button (f.page));
          g_assert_true (error_shown (&f, "email"));
          fill (&f, "email", "anna@example.de");
        }
      press (bk_form_page_get_next_button (f.page));
    }
  g_assert_cmpuint (screens, ==, 6);

  submission = send_and_check (&f, BK_SUBMISSION_SUGGESTION_COMPLAINT);
  answers = parse_answers (submission, parser);
  g_assert_cmpstr (json_object_get_string_member (answers, "council"), ==, "municipality");
  g_assert_cmpstr (json_object_get_string_member (answers, "email"), ==, "anna@example.de");
  done (&f);
  bk_settings_set_boolean (settings, "easy-read", FALSE);
  fixture_clear (&f);
}

/* From the motion page; anonymous; the counts update. */
static void
test_motion_feedback (void)
{
  Fixture f;
  g_autoptr(BkSubmission) submission = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  BkMotionPage *motion_page;
  GtkWidget *counts, *button;
  JsonObject *answers;

  fixture_init (&f);
  motion_page = BK_MOTION_PAGE (bk_window_get_page (f.window, "motion"));

  bk_ui_test_open_page (f.window, "win.open-motion", g_variant_new_int64 (f.motion_id));
  counts = bk_motion_page_get_feedback_label (motion_page);
  g_assert_true (gtk_widget_get_visible (counts));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (counts)), ==, "So far: 0 agree, 0 disagree, 0 comments.");

  button = bk_ui_find_actionable (GTK_WIDGET (motion_page), "win.start-form", g_variant_new_string ("motion-feedback"));
  g_assert_nonnull (button);
  press (button);
  g_assert_cmpstr (bk_window_get_page_name (f.window), ==, "form");
  press (bk_form_page_get_next_button (f.page));

  /* No opinion needs a comment. */
  fill (&f, "opinion", "none");
  press (bk_form_page_get_next_button (f.page));
  g_assert_cmpint (bk_form_page_get_step (f.page), ==, BK_FORM_STEP_QUESTIONS);
  g_assert_true (error_shown (&f, "comment"));

  fill_all (&f, "opinion", "agree", "comment", "Gute Idee.", NULL);
  submission = send_and_check (&f, BK_SUBMISSION_MOTION_FEEDBACK);
  g_assert_cmpint (submission->motion_id, ==, f.motion_id);
  answers = parse_answers (submission, parser);
  g_assert_cmpstr (json_object_get_string_member (answers, "opinion"), ==, "agree");
  g_assert_false (json_object_has_member (answers, "name"));

  /* Back leads to the motion, not into the sent form. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.back", NULL));
  bk_ui_test_iterate (50);
  g_assert_cmpstr (bk_window_get_page_name (f.window), ==, "motion");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (counts)), ==, "So far: 1 agrees, 0 disagree, 1 comment.");
  g_assert_null (bk_receipt_page_get_receipt (BK_RECEIPT_PAGE (bk_window_get_page (f.window, "receipt"))));
  fixture_clear (&f);
}

static void
test_receipt_pdf (void)
{
  g_autoptr(BkReceipt) receipt = bk_receipt_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bk-receipt-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");

  g_assert_no_error (error);
  path = g_build_filename (dir, "receipt.pdf", NULL);
  receipt->title = g_strdup ("Report a defect");
  receipt->reference = bk_submission_format_reference (2026, 123);
  receipt->created_at = g_strdup ("2026-12-01T10:46:30Z");
  receipt->office = g_strdup ("Bauhof Auenbach");
  receipt->next_steps = g_strdup ("The building yard checks the place.");
  receipt->language = g_strdup ("en");

  g_assert_true (bk_receipt_write_pdf (receipt, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  /* Binary streams hold NUL bytes: search the whole file. */
  g_assert_nonnull (memmem (contents, length, "/Title", strlen ("/Title")));
  /* The document language, appended as an incremental update. */
  {
    g_autofree char *lang = g_strdup_printf ("/Lang (%s)", receipt->language);

    g_assert_nonnull (memmem (contents, length, lang, strlen (lang)));
  }

  if (pdfinfo != NULL)
    {
      g_autofree char *out = NULL;
      const char *argv[] = { pdfinfo, path, NULL };

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, NULL, &error));
      g_assert_nonnull (strstr (out, "Report a defect"));
      g_assert_nonnull (strstr (out, "Pages:           1"));
    }
  else
    g_test_message ("pdfinfo not found: the title is checked only as /Title");

  if (pdftotext != NULL)
    {
      g_autofree char *out = NULL;
      const char *argv[] = { pdftotext, path, "-", NULL };

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, NULL, &error));
      g_assert_no_error (error);
      g_test_message ("pdftotext: %s", out);
      g_assert_nonnull (strstr (out, receipt->reference));
      g_assert_nonnull (strstr (out, "Bauhof Auenbach"));
      g_assert_nonnull (strstr (out, "The building yard checks the place."));
    }
  else
    g_test_message ("pdftotext not found (poppler-utils): the text is not checked");

  g_remove (path);
  g_rmdir (dir);

  /* A file that cannot be written is an error, not a crash. */
  g_assert_false (bk_receipt_write_pdf (receipt, "/nonexistent-dir/receipt.pdf", &error));
  g_assert_nonnull (error);
}

/* ---- delivered, by the keypad ------------------------------------------------ */

typedef struct {
  NavFixture     nav;
  char          *dir;
  BkTestServer  *server;
  BkOutbox      *outbox;
} KeysFixture;

static void
keys_fixture_init (KeysFixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BkService) service = bk_service_new ();
  g_autoptr(BkDeliveryConfig) config = NULL;
  g_autoptr(BkContext) context = NULL;
  g_autofree char *db = NULL;
  g_autofree char *path = NULL;
  const char *no_args[] = { NULL };
  BkWindow *window;

  memset (f, 0, sizeof *f);
  f->dir = g_dir_make_tmp ("bk-forms-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (f->dir, "kiosk.db", NULL);
  f->nav.store = bk_store_open (db, 0, &error);
  g_assert_no_error (error);
  service->id = g_strdup ("test-passport");
  service->leika_key = g_strdup ("99115005104000");
  service->municipality = g_strdup ("Stadt Auenbach");
  service->name = g_strdup ("Reisepass beantragen");
  service->short_text = g_strdup ("Einen Reisepass beantragen.");
  service->office.name = g_strdup ("Bürgerbüro Auenbach");
  g_ptr_array_add (service->kiosk_forms, g_strdup ("appointment"));
  g_assert_true (bk_store_save_service (f->nav.store, service, &error));

  f->server = bk_test_server_start ("fit-connect", no_args);
  path = bk_test_delivery_file (f->dir, f->server, NULL, NULL, NULL,
                                "[service test-passport]\ntransport = fit\n"
                                "destination-id = " BK_TEST_DESTINATION "\n");
  config = bk_delivery_config_load (path, &error);
  g_assert_no_error (error);
  f->outbox = bk_outbox_new (f->nav.store, config, &error);
  g_assert_no_error (error);
  bk_outbox_start (f->outbox);

  context = bk_ui_test_context_new (app, f->nav.store);
  bk_context_set_outbox (context, f->outbox);
  window = bk_window_new (GTK_APPLICATION (app), context, NULL, NULL);
  gtk_window_present (GTK_WINDOW (window));
  bk_ui_test_iterate (200);
  nav_fixture_attach (&f->nav, app, window);
}

static void
keys_fixture_clear (KeysFixture *f)
{
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  nav_fixture_clear (&f->nav);
  bk_outbox_stop (f->outbox);
  g_clear_object (&f->outbox);
  g_clear_pointer (&f->server, bk_test_server_stop);
  {
    g_autofree char *db = g_build_filename (f->dir, "kiosk.db", NULL);
    g_autoptr(BkStore) store = bk_store_open (db, 0, &error);

    g_assert_no_error (error);
    g_assert_true (bk_store_check (store, report, &error));
  }
  bk_test_remove_tree (f->dir);
  g_free (f->dir);
}

static gboolean
is_input (GtkWidget     *item,
          gconstpointer  data)
{
  GtkWidget *input = (GtkWidget *) data;

  return item == input || gtk_widget_is_ancestor (item, input);
}

/* The keypad to a field (up from Next, where the cursor is after a
 * screen change, else down), and what a citizen types into it. */
static void
type_into (KeysFixture *f,
           const char  *field_id,
           const char  *text)
{
  GtkWidget *input = bk_form_page_get_input (BK_FORM_PAGE (bk_window_get_page (f->nav.window, "form")), field_id);
  GtkWidget *item;

  g_assert_nonnull (input);
  item = nav_press_until (&f->nav, GDK_KEY_KP_Up, is_input, input, 30);
  if (item == NULL)
    item = nav_press_until (&f->nav, GDK_KEY_KP_Down, is_input, input, 30);
  g_assert_nonnull (item);
  gtk_editable_set_text (GTK_EDITABLE (input), text);
}

/* Down to the form's Next (or Send) and Action. */
static void
press_next (KeysFixture *f)
{
  GtkWidget *next = bk_form_page_get_next_button (BK_FORM_PAGE (bk_window_get_page (f->nav.window, "form")));

  g_assert_nonnull (nav_press_until (&f->nav, GDK_KEY_KP_Down, nav_is_widget, next, 40));
  nav_press (&f->nav, GDK_KEY_KP_5);
}

static gboolean
is_label_with (GtkWidget     *item,
               gconstpointer  data)
{
  return GTK_IS_LABEL (item) && strstr (gtk_label_get_text (GTK_LABEL (item)), data) != NULL;
}

/* What the keypad says for item names data. */
static gboolean
is_named (GtkWidget     *item,
          gconstpointer  data)
{
  g_autofree char *name = bk_ez_dup_name (item);

  return name != NULL && strstr (name, data) != NULL;
}

/* Home → Services → the service → Request an appointment → answers →
 * Send, with the keypad only; the receipt says where the submission is. */
static const char *
appointment_by_keys (KeysFixture *f)
{
  BkHomePage *home = BK_HOME_PAGE (bk_window_get_page (f->nav.window, "home"));
  BkReceiptPage *receipt_page = BK_RECEIPT_PAGE (bk_window_get_page (f->nav.window, "receipt"));
  BkFormPage *form = BK_FORM_PAGE (bk_window_get_page (f->nav.window, "form"));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) later = g_date_time_add_days (now, 14);
  g_autofree char *date = g_date_time_format (later, "%d.%m.%Y");
  GtkWidget *item;

  g_assert_nonnull (nav_press_until (&f->nav, GDK_KEY_KP_Down, nav_is_widget, bk_home_page_get_choice (home, 0), 60));
  nav_press (&f->nav, GDK_KEY_KP_5);
  g_assert_cmpstr (bk_window_get_page_name (f->nav.window), ==, "services");
  item = nav_press_until (&f->nav, GDK_KEY_KP_Down, is_named, "Reisepass beantragen", 80);
  g_assert_nonnull (item);
  nav_press (&f->nav, GDK_KEY_KP_5);
  g_assert_cmpstr (bk_window_get_page_name (f->nav.window), ==, "service");
  item = nav_press_until (&f->nav, GDK_KEY_KP_Down, is_named, "Request an appointment", 80);
  g_assert_nonnull (item);
  nav_press (&f->nav, GDK_KEY_KP_5);
  bk_ui_test_iterate (50);
  g_assert_cmpstr (bk_window_get_page_name (f->nav.window), ==, "form");

  /* The privacy notice says how the answers travel. */
  g_assert_nonnull (nav_press_until (&f->nav, GDK_KEY_KP_Down, is_label_with,
                                     "encrypted at once and sent to Stadt Auenbach", 40));
  press_next (f);
  g_assert_cmpint (bk_form_page_get_step (form), ==, BK_FORM_STEP_QUESTIONS);
  type_into (f, "preferred_date", date);
  g_assert_nonnull (nav_press_until (&f->nav, GDK_KEY_KP_Down, is_named, "In the morning", 20));
  nav_press (&f->nav, GDK_KEY_KP_5);
  press_next (f);
  type_into (f, "name", "Anna Schmidt");
  type_into (f, "contact", "anna@example.de");
  press_next (f);
  g_assert_cmpint (bk_form_page_get_step (form), ==, BK_FORM_STEP_CONFIRM);
  press_next (f);
  g_assert_cmpstr (bk_window_get_page_name (f->nav.window), ==, "receipt");
  g_assert_nonnull (bk_receipt_page_get_receipt (receipt_page));
  g_assert_cmpstr (bk_receipt_page_get_receipt (receipt_page)->recipient, ==, "Stadt Auenbach");
  /* Sent by keys: the focus on the number. */
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f->nav.window)) ==
                 bk_receipt_page_get_reference_label (receipt_page));
  return bk_receipt_page_get_receipt (receipt_page)->reference;
}

/* The delivery label says text, sooner or later; then the keypad reads it. */
static void
assert_delivery_said (KeysFixture *f,
                      const char  *text)
{
  GtkWidget *label = bk_receipt_page_get_delivery_label (BK_RECEIPT_PAGE (bk_window_get_page (f->nav.window, "receipt")));

  for (guint i = 0; i < 3000 && strstr (gtk_label_get_text (GTK_LABEL (label)), text) == NULL; i++)
    bk_ui_test_iterate (10);
  g_test_message ("receipt: %s", gtk_label_get_text (GTK_LABEL (label)));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), text));
  g_assert_true (gtk_widget_get_visible (label));
  g_ptr_array_set_size (f->nav.said, 0);
  if (bk_navigator_get_current (f->nav.nav) == label)
    /* Action on text reads it again. */
    nav_press (&f->nav, GDK_KEY_KP_5);
  else if (nav_press_until (&f->nav, GDK_KEY_KP_Down, nav_is_widget, label, 60) == NULL)
    g_assert_nonnull (nav_press_until (&f->nav, GDK_KEY_KP_Up, nav_is_widget, label, 60));
  g_assert_true (nav_said_contains (&f->nav, text));
}

static void
test_delivered_by_keys (void)
{
  KeysFixture f;
  g_autofree char *reference = NULL;

  keys_fixture_init (&f);
  reference = g_strdup (appointment_by_keys (&f));
  assert_delivery_said (&f, "Sent to Stadt Auenbach.");
  /* The test server received it once, decrypted and checked it. */
  g_assert_cmpuint (bk_test_server_count (f.server, reference), ==, 1);
  {
    g_autoptr(JsonObject) stats = bk_test_server_stats (f.server);

    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (stats, "problems")), ==, 0);
  }
  /* Done: back home, nothing kept. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.nav.window), "win.home", NULL));
  bk_ui_test_iterate (50);

  /* The server down: the receipt says it goes as soon as the connection is
   * back, and that the reference counts either way. */
  bk_test_server_fault (f.server, "{\"name\": \"down\"}");
  g_free (reference);
  reference = g_strdup (appointment_by_keys (&f));
  assert_delivery_said (&f, "as soon as the connection is back");
  assert_delivery_said (&f, "valid either way");
  /* Back: it goes, and a receipt still shown would say so. */
  bk_test_server_fault (f.server, "{\"name\": \"up\"}");
  assert_delivery_said (&f, "Sent to Stadt Auenbach.");
  g_assert_cmpuint (bk_test_server_count (f.server, reference), ==, 1);
  keys_fixture_clear (&f);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  bk_ui_test_init (&argc, &argv);

  app = bk_ui_test_app_new ();

  g_test_add_func ("/forms/checks", test_checks);
  g_test_add_func ("/forms/appointment", test_appointment);
  g_test_add_func ("/forms/certificate-errors-and-change", test_certificate_errors);
  g_test_add_func ("/forms/defect-and-back", test_defect_and_back);
  g_test_add_func ("/forms/complaint-easy-read", test_complaint_easy_read);
  g_test_add_func ("/forms/send-fails-without-path", test_send_fails_without_path);
  g_test_add_func ("/forms/read-only-file-says-so", test_read_only_file_says_so);
  g_test_add_func ("/forms/motion-feedback", test_motion_feedback);
  g_test_add_func ("/forms/receipt-pdf", test_receipt_pdf);
  g_test_add_func ("/forms/delivered-by-keys", test_delivered_by_keys);

  status = g_test_run ();

  g_clear_object (&app);
  return status;
}
