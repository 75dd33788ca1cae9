/* test-tasks-by-ear.c: three tasks without sight, counted (issue 17, item 8)
 *
 * A citizen who cannot see the screen does three things at the kiosk:
 * hears the next consultation of a motion, hears the documents a service
 * needs ("Meldebescheinigung beantragen"), reports a broken street light
 * and hears the receipt's number. Each once by the EZ keypad alone (real X
 * key events from xdotool, through the window's key router) and once by
 * one switch alone (the real scanning timer; the switch is a real Space
 * key), starting on the home screen.
 *
 * The citizen goes by ear: before every press the test waits until the
 * kiosk has finished speaking (speech plays into memory in real time), and
 * it decides only from what was said. Every utterance that began to play
 * must have been played to its end, never cut off by the next step; the
 * answer must be in one of them. The presses and selections are counted
 * and printed ("# counted: …") for bench/README.md; the targets are ≤ 25
 * keypad presses and ≤ 60 switch selections per task.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "bk-nav-test-util.h"
#include "bk-config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "bk-demo.h"
#include "bk-ez-tree.h"
#include "bk-form.h"
#include "bk-motion-row.h"
#include "bk-osk-private.h"
#include "bk-scanner-private.h"
#include "bk-service-page-private.h"
#include "bk-receipt-page-private.h"
#include "bk-form-page-private.h"
#include "bk-ui.h"

#define KEYPAD_TARGET 25
#define SWITCH_TARGET 60
#define SERVICE "99115003012000-stadt-auenbach"        /* Meldebescheinigung beantragen */
#define DEFECT_SERVICE "maengel-melden-stadt-auenbach"
#define STREET "Bahnhofstraße"
#define PROBLEM "Street light does not work"

static BkApplication *app;

typedef struct
{
  guint     id;
  char     *text;
  gboolean  started;
  gboolean  finished;
  gboolean  interrupted;
} Utterance;

static void
utterance_free (Utterance *u)
{
  g_free (u->text);
  g_free (u);
}

typedef struct _Run Run;
typedef NavPred Pred;

struct _Run
{
  NavFixture  f;
  gboolean    by_switch;
  GPtrArray  *utterances;   /* Utterance, in the order they were asked for */
  guint       count;        /* keypad presses or switch selections */
};

/* ---- what was heard ------------------------------------------------------ */

static Utterance *
find_utterance (Run  *run,
                guint id)
{
  for (guint i = 0; i < run->utterances->len; i++)
    {
      Utterance *u = g_ptr_array_index (run->utterances, i);

      if (u->id == id)
        return u;
    }
  return NULL;
}

static void
started_cb (BkSpeech   *speech,
            guint       id,
            const char *text,
            Run        *run)
{
  Utterance *u = find_utterance (run, id);

  if (u == NULL)
    {
      u = g_new0 (Utterance, 1);
      u->id = id;
      g_ptr_array_add (run->utterances, u);
    }
  u->started = TRUE;
  g_free (u->text);
  u->text = g_strdup (text);
}

static void
finished_cb (BkSpeech *speech,
             guint     id,
             gboolean  interrupted,
             Run      *run)
{
  Utterance *u = find_utterance (run, id);

  /* Dropped before it played: never heard, nothing cut off. */
  if (u == NULL)
    return;
  u->finished = TRUE;
  u->interrupted = interrupted;
  g_test_message ("heard%s: %s", interrupted ? " (cut off)" : "", u->text);
}

static BkSpeech *
speech (void)
{
  return bk_application_get_speech (app);
}

/* Until the kiosk has said everything (the citizen listens to the end). */
static void
listen (Run *run)
{
  gint64 end = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  do
    bk_ui_test_iterate (60);
  while (bk_speech_is_speaking (speech ()) && g_get_monotonic_time () < end);
  g_assert_false (bk_speech_is_speaking (speech ()));
}

/* Some utterance played to its end holds every one of needles. */
static gboolean
heard (Run               *run,
       const char *const *needles)
{
  for (guint i = 0; i < run->utterances->len; i++)
    {
      Utterance *u = g_ptr_array_index (run->utterances, i);
      gboolean all = u->started && u->finished && !u->interrupted && u->text != NULL;

      for (guint n = 0; all && needles[n] != NULL; n++)
        all = strstr (u->text, needles[n]) != NULL;
      if (all)
        return TRUE;
    }
  return FALSE;
}

/* Nothing that began to play was cut off, unless it repeated what had
 * just been heard to its end: a field chosen by the switch is said again
 * as it takes the focus, and the keyboard's opening cuts that repeat
 * (known; the citizen has heard the field on its scanning step). */
static void
assert_all_heard (Run *run)
{
  guint played = 0;
  const char *last_heard = NULL;

  for (guint i = 0; i < run->utterances->len; i++)
    {
      Utterance *u = g_ptr_array_index (run->utterances, i);

      if (!u->started)
        continue;
      played++;
      if ((!u->finished || u->interrupted) && g_strcmp0 (u->text, last_heard) != 0)
        g_error ("cut off before its end: “%s”", u->text);
      if (u->finished && !u->interrupted)
        last_heard = u->text;
    }
  g_assert_cmpuint (played, >, 0);
}

/* ---- X key events -------------------------------------------------------- */

static void
xdotool (const char *const *args)
{
  g_assert_true (nav_xdotool (args));
}

/* One press of a key, counted; then the citizen listens. */
static void
press (Run        *run,
       const char *key)
{
  const char *args[] = { "key", "--clearmodifiers", key, NULL };

  run->count++;
  g_test_message ("press %u: %s", run->count, key);
  xdotool (args);
  listen (run);
}

/* ---- the EZ keypad ------------------------------------------------------- */

static GtkWidget *
current (Run *run)
{
  return bk_navigator_get_current (run->f.nav);
}

/* Down until the cursor is on what pred accepts (the citizen hears each
 * item and stops there). */
static GtkWidget *
keypad_down_to (Run           *run,
                Pred           pred,
                gconstpointer  data)
{
  for (guint i = 0; i < 80; i++)
    {
      if (current (run) != NULL && pred (current (run), data))
        return current (run);
      press (run, "KP_Down");
    }
  g_error ("Down never reached the item");
  return NULL;
}

/* Right (the next heading) until the cursor is on what pred accepts. */
static void
keypad_right_to (Run           *run,
                 Pred           pred,
                 gconstpointer  data)
{
  for (guint i = 0; i < 30; i++)
    {
      if (current (run) != NULL && pred (current (run), data))
        return;
      press (run, "KP_Right");
    }
  g_error ("Right never reached the heading");
}

static void
keypad_use (Run           *run,
            Pred           pred,
            gconstpointer  data)
{
  keypad_down_to (run, pred, data);
  press (run, "KP_Begin");
}

static void
keypad_send (gpointer data,
             guint    keyval)
{
  press (data, gdk_keyval_name (keyval));
}

/* ---- one switch ---------------------------------------------------------- */

/* Waits for the timer's next step and listens to it. */
static void
next_step (Run *run)
{
  BkScanner *scanner = bk_navigator_get_scanner (run->f.nav);
  GtkWidget *group = bk_scanner_get_group (scanner);
  GtkWidget *item = bk_scanner_get_item (scanner);
  gboolean in_group = bk_scanner_in_group (scanner);
  gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (bk_scanner_get_group (scanner) == group && bk_scanner_get_item (scanner) == item &&
         bk_scanner_in_group (scanner) == in_group && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  listen (run);
}

/* Waits for the step to the group that holds the item, selects it, waits
 * for the item and selects it: two selections, or one for a lone control. */
static void
switch_use (Run           *run,
            Pred           pred,
            gconstpointer  data)
{
  BkScanner *scanner = bk_navigator_get_scanner (run->f.nav);
  guint steps;

  for (steps = 0; steps < 200; steps++)
    {
      GtkWidget *group = bk_scanner_get_group (scanner);

      if (group != NULL && !bk_scanner_in_group (scanner) && nav_holds (group, pred, data))
        break;
      next_step (run);
    }
  g_assert_cmpuint (steps, <, 200);
  if (pred (bk_scanner_get_group (scanner), data))
    {
      press (run, "space");
      return;
    }
  press (run, "space");
  g_assert_true (bk_scanner_in_group (scanner));
  for (steps = 0; steps < 200; steps++)
    {
      GtkWidget *item = bk_scanner_get_item (scanner);

      if (item != NULL && pred (item, data))
        break;
      next_step (run);
    }
  g_assert_cmpuint (steps, <, 200);
  press (run, "space");
}

static void
use (Run           *run,
     Pred           pred,
     gconstpointer  data)
{
  if (run->by_switch)
    switch_use (run, pred, data);
  else
    keypad_use (run, pred, data);
}

static void
switch_press_key (gpointer   data,
                  GtkWidget *key)
{
  switch_use (data, nav_is_widget, key);
}

static void
keypad_press_key (gpointer   data,
                  GtkWidget *key)
{
  Run *run = data;

  nav_osk_keypad_press (BK_OSK (bk_window_get_keyboard (run->f.window)), key, keypad_send, run);
}

/* ---- the tasks ----------------------------------------------------------- */

static gboolean
is_actionable (GtkWidget     *widget,
               gconstpointer  data)
{
  const char *const *a = data;

  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    {
      GVariant *target;

      if (!GTK_IS_ACTIONABLE (w))
        continue;
      target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (w));
      return g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (w)), a[0]) == 0 &&
             (a[1] == NULL ||
              (target != NULL && g_variant_is_of_type (target, G_VARIANT_TYPE_STRING) &&
               g_str_equal (g_variant_get_string (target, NULL), a[1])));
    }
  return FALSE;
}

static gboolean
is_label_with (GtkWidget     *widget,
               gconstpointer  text)
{
  g_autofree char *name = bk_ez_dup_name (widget);

  return name != NULL && strstr (name, text) != NULL;
}

static gboolean
is_button_named (GtkWidget     *widget,
                 gconstpointer  text)
{
  return GTK_IS_BUTTON (widget) && is_label_with (widget, text);
}

/* The number was heard: the voice says it in groups ("B K 2026 000 001
 * V"), so letters and digits are compared. */
static gboolean
heard_number (Run        *run,
              const char *number)
{
  g_autoptr(GString) wanted = g_string_new (NULL);

  for (const char *p = number; *p != '\0'; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (wanted, *p);
  for (guint i = 0; i < run->utterances->len; i++)
    {
      Utterance *u = g_ptr_array_index (run->utterances, i);
      g_autoptr(GString) said = g_string_new (NULL);

      if (!u->started || !u->finished || u->interrupted || u->text == NULL)
        continue;
      for (const char *p = u->text; *p != '\0'; p++)
        if (g_ascii_isalnum (*p))
          g_string_append_c (said, *p);
      if (strstr (said->str, wanted->str) != NULL)
        return TRUE;
    }
  return FALSE;
}

static void
wait_for_page (Run        *run,
               const char *name)
{
  for (guint i = 0; i < 150 && g_strcmp0 (bk_window_get_page_name (run->f.window), name) != 0; i++)
    bk_ui_test_iterate (20);
  g_assert_cmpstr (bk_window_get_page_name (run->f.window), ==, name);
  listen (run);
}

static void
open_from_home (Run        *run,
                const char *action,
                const char *page)
{
  const char *const target[] = { action, NULL };

  use (run, is_actionable, target);
  wait_for_page (run, page);
}

/* The row of the motion list at position, its next consultation as shown. */
static BkMotionRow *
motion_row_at (Run  *run,
               guint position)
{
  GtkWidget *list = bk_ez_get_screen_root (GTK_WIDGET (run->f.window));
  g_autoptr(GPtrArray) rows = NULL;
  guint n = 0;

  rows = bk_ez_collect_items (list, TRUE);
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *item = g_ptr_array_index (rows, i);
      GtkWidget *row = gtk_widget_get_first_child (item);

      if (row != NULL && BK_IS_MOTION_ROW (row) && n++ == position)
        return BK_MOTION_ROW (row);
    }
  return NULL;
}

static gboolean
is_row_holding (GtkWidget     *widget,
                gconstpointer  row)
{
  return gtk_widget_get_first_child (widget) == row;
}

/* Task 1: the next consultation of the third motion of the list. */
static void
task_motion (Run *run)
{
  BkMotionRow *row;
  g_autofree char *description = NULL;
  const char *next;
  g_autofree char *next_part = NULL;

  open_from_home (run, "win.show-motions", "motions");
  row = motion_row_at (run, 2);
  g_assert_nonnull (row);
  description = g_strdup (bk_motion_row_get_accessible_description (row));
  next = strstr (description, "Next: ");
  g_assert_nonnull (next);
  next_part = g_strndup (next, strcspn (next, "."));
  g_test_message ("the answer: %s", next_part);

  if (run->by_switch)
    {
      /* Heard on its step: the citizen need not choose it. */
      BkScanner *scanner = bk_navigator_get_scanner (run->f.nav);

      for (guint steps = 0; steps < 200 && bk_scanner_get_item (scanner) != gtk_widget_get_parent (GTK_WIDGET (row)); steps++)
        {
          GtkWidget *group = bk_scanner_get_group (scanner);

          if (group != NULL && !bk_scanner_in_group (scanner) && nav_holds (group, is_row_holding, row))
            press (run, "space");
          else
            next_step (run);
        }
    }
  else
    keypad_down_to (run, is_row_holding, row);

  {
    const char *const answer[] = { bk_motion_row_get_accessible_label (row), next_part, NULL };

    g_assert_true (heard (run, answer));
  }
}

/* Task 2: what to bring for a certificate of registration. */
static void
task_documents (Run *run)
{
  const char *const row[] = { "win.open-service", SERVICE, NULL };
  const char *const answer[] = { "Personalausweis oder Reisepass", NULL };
  const char *const more[] = { "Vollmacht und Ausweis", NULL };

  open_from_home (run, "win.show-services", "services");
  if (!run->by_switch)
    /* Right: to the list's heading, past search and filters. */
    keypad_right_to (run, is_label_with, " services");
  use (run, is_actionable, row);
  wait_for_page (run, "service");

  if (run->by_switch)
    {
      /* Text is no step of scanning: the section's Read aloud button. */
      BkServicePage *page = BK_SERVICE_PAGE (bk_window_get_page (run->f.window, "service"));

      use (run, nav_is_widget, bk_service_page_get_read_button (page, BK_SERVICE_SECTION_DOCUMENTS));
    }
  else
    {
      /* Right: heading by heading to "What you need", then its points. */
      BkServicePage *page = BK_SERVICE_PAGE (bk_window_get_page (run->f.window, "service"));

      keypad_right_to (run, nav_is_or_inside, bk_service_page_get_heading (page, BK_SERVICE_SECTION_DOCUMENTS));
      keypad_down_to (run, is_label_with, "Vollmacht und Ausweis");
    }
  listen (run);
  g_assert_true (heard (run, answer));
  g_assert_true (heard (run, more));
}

/* Task 3: a broken street light, to the receipt's number: "Report a
 * problem" on the start page, in a kiosk set up for its town. */
static void
task_defect (Run *run)
{
  BkFormPage *page = BK_FORM_PAGE (bk_window_get_page (run->f.window, "form"));
  BkOsk *osk = BK_OSK (bk_window_get_keyboard (run->f.window));
  NavPressKey press_key = run->by_switch ? switch_press_key : keypad_press_key;
  GtkWidget *input;
  const BkReceipt *receipt;
  guint in_form;

  open_from_home (run, "win.report-problem", "form");
  in_form = run->count;

  /* Start: the Next key with the keypad, the button with the switch. */
  if (run->by_switch)
    use (run, nav_is_widget, bk_form_page_get_next_button (page));
  else
    press (run, "KP_Page_Up");
  g_assert_cmpint (bk_form_page_get_step (page), ==, BK_FORM_STEP_QUESTIONS);

  /* The place: a street of the list under the field. */
  use (run, is_button_named, STREET);
  input = bk_form_page_get_input (page, "place");
  g_assert_true (g_str_has_prefix (gtk_editable_get_text (GTK_EDITABLE (input)), STREET));
  if (bk_osk_is_open (osk))
    press_key (run, bk_osk_find_key (osk, BK_OSK_KEY_DONE, 0));

  /* What is wrong: a ready answer under the field. */
  use (run, is_button_named, PROBLEM);
  input = bk_form_page_get_input (page, "problem");
  {
    g_autofree char *text = bk_ui_test_dup_buffer_text (input);

    g_assert_cmpstr (g_strstrip (text), ==, PROBLEM);
  }
  if (bk_osk_is_open (osk))
    press_key (run, bk_osk_find_key (osk, BK_OSK_KEY_DONE, 0));

  /* Next to the overview, Send. */
  for (guint i = 0; i < 4 && bk_form_page_get_step (page) == BK_FORM_STEP_QUESTIONS; i++)
    if (run->by_switch)
      use (run, nav_is_widget, bk_form_page_get_next_button (page));
    else
      press (run, "KP_Page_Up");
  g_assert_cmpint (bk_form_page_get_step (page), ==, BK_FORM_STEP_CONFIRM);
  if (run->by_switch)
    use (run, nav_is_widget, bk_form_page_get_next_button (page));
  else
    press (run, "KP_Page_Up");
  wait_for_page (run, "receipt");

  receipt = bk_receipt_page_get_receipt (BK_RECEIPT_PAGE (bk_window_get_page (run->f.window, "receipt")));
  g_assert_nonnull (receipt);
  g_assert_true (heard_number (run, receipt->reference));
  g_test_message ("counted: defect-report by %s: %u to the form, %u in it", run->by_switch ? "one switch" : "EZ keypad",
                  in_form, run->count - in_form);
  /* The office of the kiosk's own town takes it. */
  g_assert_cmpstr (receipt->office, ==, "Stadt Auenbach – Tiefbauamt");

  /* The chosen answer is what the office reads, as if it had been typed. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(BkSubmission) submission = bk_store_load_submission (run->f.store, receipt->reference, &error);
    g_autoptr(JsonNode) answers = NULL;

    g_assert_no_error (error);
    g_assert_nonnull (submission);
    g_assert_cmpstr (submission->service_id, ==, DEFECT_SERVICE);
    answers = json_from_string (submission->answers, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (json_object_get_string_member (json_node_get_object (answers), "problem"), ==, PROBLEM);
    g_assert_true (g_str_has_prefix (json_object_get_string_member (json_node_get_object (answers), "place"), STREET));
  }
}

/* ---- running them -------------------------------------------------------- */

typedef void (*TaskFunc) (Run *run);

/* The targets; 0: not met yet, the count is printed only. */
typedef struct
{
  const char *name;
  TaskFunc    func;
  guint       keypad_max;
  guint       switch_max;
} Task;

static const Task tasks[] = {
  { "next-consultation", task_motion, KEYPAD_TARGET, SWITCH_TARGET },
  { "required-documents", task_documents, KEYPAD_TARGET, SWITCH_TARGET },
  { "defect-report", task_defect, KEYPAD_TARGET, SWITCH_TARGET },
};

static void
prepare (BkStore *store)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (bk_demo_seed (store, &error));
  g_assert_no_error (error);
}

static gboolean
can_run (void)
{
  g_autofree char *path = g_find_program_in_path ("xdotool");

  if (path == NULL || g_getenv ("DISPLAY") == NULL)
    {
      g_test_skip ("needs xdotool and an X display");
      return FALSE;
    }
  if (speech () == NULL || !bk_speech_get_enabled (speech ()))
    {
      g_test_skip ("needs speech (espeak-ng data)");
      return FALSE;
    }
  return TRUE;
}

static void
run_task (const Task *task,
          gboolean    by_switch)
{
  BkSettings *settings = bk_application_get_settings (app);
  const char *pointer[] = { "mousemove", "600", "400", NULL };
  Run run = { .by_switch = by_switch };
  guint target = by_switch ? SWITCH_TARGET : KEYPAD_TARGET;
  guint max = by_switch ? task->switch_max : task->keypad_max;

  if (!can_run ())
    return;

  run.utterances = g_ptr_array_new_with_free_func ((GDestroyNotify) utterance_free);
  nav_fixture_init_full (&run.f, app, prepare);
  /* The X server's clock, and its keys: no window manager, the window
   * under the pointer gets them. */
  bk_navigator_set_time_func (run.f.nav, NULL, NULL);
  xdotool (pointer);
  listen (&run);
  /* The fastest speech a citizen may choose, to keep the run short; the
   * scan interval leaves the test time to press after a step was heard. */
  bk_settings_set_int (settings, "speech-rate", 4);
  /* Set up by staff for the town it stands in. */
  bk_settings_set_string (settings, "municipality", "Stadt Auenbach");
  if (by_switch)
    {
      bk_settings_set_int (settings, "scan-interval", 2000);
      bk_settings_set_string (settings, "scan-mode", "one-switch");
    }
  listen (&run);
  g_signal_connect (speech (), "utterance-started", G_CALLBACK (started_cb), &run);
  g_signal_connect (speech (), "utterance-finished", G_CALLBACK (finished_cb), &run);
  g_assert_cmpstr (bk_window_get_page_name (run.f.window), ==, "home");

  task->func (&run);
  listen (&run);
  assert_all_heard (&run);

  /* For bench/README.md ("Tasks without sight"). */
  g_test_message ("counted: %s by %s: %u %s (target ≤ %u%s)", task->name,
                  by_switch ? "one switch" : "EZ keypad", run.count,
                  by_switch ? "selections" : "presses", target,
                  max == 0 ? ", not asserted yet" : "");
  if (max > 0)
    g_assert_cmpuint (run.count, <=, max);

  g_signal_handlers_disconnect_by_data (speech (), &run);
  bk_settings_set_string (settings, "scan-mode", "off");
  bk_settings_set_int (settings, "scan-interval", 1500);
  nav_fixture_clear (&run.f);
  g_ptr_array_unref (run.utterances);
}

static void
test_by_keypad (gconstpointer data)
{
  run_task (data, FALSE);
}

static void
test_by_switch (gconstpointer data)
{
  run_task (data, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  bk_ui_test_init (&argc, &argv);
  app = bk_ui_test_app_new ();

  for (guint i = 0; i < G_N_ELEMENTS (tasks); i++)
    {
      g_autofree char *keypad = g_strdup_printf ("/tasks-by-ear/keypad/%s", tasks[i].name);
      g_autofree char *one_switch = g_strdup_printf ("/tasks-by-ear/one-switch/%s", tasks[i].name);

      g_test_add_data_func (keypad, &tasks[i], test_by_keypad);
      g_test_add_data_func (one_switch, &tasks[i], test_by_switch);
    }

  status = g_test_run ();

  g_clear_object (&app);
  return status;
}
