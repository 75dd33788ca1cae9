/* test-form-tasks.c: every form has its way in (issue 15)
 *
 * Each of the five forms, as a citizen reaches it: from the home screen
 * through the services (or the motions) to the receipt, once by keys alone
 * (real X key events from xdotool: Tab, Return, Down and typing), once by
 * the EZ keypad alone (the navigator: Down and Action; text on the
 * on-screen keyboard that Action on a field opens), once by one switch
 * alone (what the scanning timer does, and the switch; text on the
 * on-screen keyboard, its rows scanned). No window action, no grabbed
 * focus, no value set from inside: the test only looks. Two tasks of
 * issue 16 go the same ways: a motion's "Kurz erklärt", and a digital
 * project with the motion behind it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "bk-nav-test-util.h"
#include "bk-config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "bk-demo.h"
#include "bk-ez-tree.h"
#include "bk-form.h"
#include "bk-osk-private.h"
#include "bk-osk-text.h"
#include "bk-scanner.h"
#include "bk-ui.h"

static BkApplication *app;

/* One form's task: where it starts, what is answered, who deals with it. */
typedef struct
{
  const char *form;
  const char *service;      /* the service page it starts on; NULL: a motion */
  const char *answers[13];  /* field id, value (a choice's id; "" left empty), …, NULL */
  const char *office;       /* on the receipt; NULL: the form's own recipient */
} Task;

#define FEEDBACK_MOTION "Mehr Bänke im Park"   /* undecided (bk-nav-test-util) */

static const Task tasks[] = {
  { "appointment", "personalausweis-stadt-auenbach",
    { "preferred_date", "24.12.2030", "preferred_time", "morning", "name", "Anna Schmidt",
      "contact", "0851 12345", NULL },
    "Stadt Auenbach – Bürgerbüro" },
  { "registration-certificate", "99115003012000-stadt-auenbach",
    { "name", "Anna Schmidt", "date_of_birth", "03.07.1985", "address", "Marktplatz 1, 12345 Auenbach",
      "delivery", "post", NULL },
    "Stadt Auenbach – Bürgerbüro" },
  { "defect-report", "maengel-melden-stadt-auenbach",
    { "place", "Bahnhofstrasse 20", "problem", "The street lamp is broken.", "contact", "", NULL },
    "Stadt Auenbach – Tiefbauamt" },
  { "suggestion-complaint", "anregung-beschwerde-landkreis-beispielkreis",
    { "subject", "Bus stop without a bench", "text", "Please put a bench there.", "name", "Anna Schmidt",
      "address", "Marktplatz 1, 12345 Auenbach", "email", "", NULL },
    "Landratsamt Beispielkreis – Kreistagsbüro" },
  { "motion-feedback", NULL, { "opinion", "agree", "comment", "", NULL }, NULL },
};

/* ---- how a citizen moves ------------------------------------------------- */

typedef NavPred Pred;

typedef struct _Mode Mode;
struct _Mode
{
  const char *name;
  /* Moves to the first widget pred accepts and uses it (presses it). */
  gboolean (*use) (NavFixture *f, Pred pred, gconstpointer data);
  /* Writes text into input; FALSE when this way of operating cannot. */
  gboolean (*write) (NavFixture *f, GtkWidget *input, const char *text);
};

typedef struct
{
  const char *action;
  const char *target;       /* a string target, or NULL */
} Actionable;

static gboolean
is_actionable (GtkWidget     *widget,
               gconstpointer  data)
{
  const Actionable *a = data;

  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    {
      GVariant *target;

      if (!GTK_IS_ACTIONABLE (w))
        continue;
      target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (w));
      return g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (w)), a->action) == 0 &&
             (a->target == NULL ||
              (target != NULL && g_variant_is_of_type (target, G_VARIANT_TYPE_STRING) &&
               g_str_equal (g_variant_get_string (target, NULL), a->target)));
    }
  return FALSE;
}

static gboolean
is_motion_row (GtkWidget     *widget,
               gconstpointer  data)
{
  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    if (nav_is_row_of (w, data))
      return TRUE;
  return FALSE;
}

/* Runs the main loop until done says so, at most 3 s (a button clicks after
 * its press animation; the list fills in idle time). */
static gboolean
wait_for (gboolean    (*done) (NavFixture *f, gconstpointer data),
          NavFixture   *f,
          gconstpointer data)
{
  for (int i = 0; i < 150; i++)
    {
      if (done (f, data))
        return TRUE;
      bk_ui_test_iterate (20);
    }
  return done (f, data);
}

static gboolean
page_is (NavFixture   *f,
         gconstpointer name)
{
  return g_strcmp0 (bk_window_get_page_name (f->window), name) == 0;
}

static GtkWidget *
focus_of (NavFixture *f)
{
  return gtk_root_get_focus (GTK_ROOT (f->window));
}

/* -- keys: the X server's key events (xdotool), through GDK --------------- */

static gboolean
xdotool (const char *const *args)
{
  if (!nav_xdotool (args))
    return FALSE;
  /* the events are on their way: let GDK take them */
  bk_ui_test_iterate (40);
  return TRUE;
}

static void
key (const char *name)
{
  const char *args[] = { "key", "--clearmodifiers", name, NULL };

  g_assert_true (xdotool (args));
}

/* Presses keyname until the focus satisfies pred, at most limit times. */
static gboolean
key_until (NavFixture   *f,
           const char   *keyname,
           Pred          pred,
           gconstpointer data,
           guint         limit)
{
  for (guint i = 0; i <= limit; i++)
    {
      GtkWidget *focus = focus_of (f);

      if (focus != NULL && pred (focus, data))
        return TRUE;
      if (i < limit)
        key (keyname);
    }
  return FALSE;
}

static gboolean
in_list_view (GtkWidget     *widget,
              gconstpointer  data)
{
  return gtk_widget_get_ancestor (widget, GTK_TYPE_LIST_VIEW) != NULL;
}

/* Tab to it; a row of a list view is reached with Tab into the list, then
 * Down. */
static gboolean
keys_use (NavFixture   *f,
          Pred          pred,
          gconstpointer data)
{
  gboolean found = FALSE;

  for (guint tries = 0; !found && tries < 80; tries++)
    {
      GtkWidget *focus = focus_of (f);

      if (focus != NULL && pred (focus, data))
        found = TRUE;
      else if (focus != NULL && in_list_view (focus, NULL))
        found = key_until (f, "Down", pred, data, 100);
      if (!found)
        key ("Tab");
    }
  if (!found)
    return FALSE;
  key ("Return");
  return TRUE;
}

static gboolean
keys_write (NavFixture *f,
            GtkWidget  *input,
            const char *text)
{
  const char *args[] = { "type", "--delay", "15", "--", text, NULL };

  if (!key_until (f, "Tab", nav_is_or_inside, input, 80))
    return FALSE;
  g_assert_true (xdotool (args));
  bk_ui_test_iterate (50);
  return TRUE;
}

/* -- the EZ keypad: Down to the item, Action ------------------------------ */

static gboolean
keypad_use (NavFixture   *f,
            Pred          pred,
            gconstpointer data)
{
  static const guint keys[] = { GDK_KEY_KP_Down, GDK_KEY_KP_Up };
  GtkWidget *current = bk_navigator_get_current (f->nav);

  /* Down to the end of the screen, then Up, as one looks for something */
  for (guint k = 0; k < G_N_ELEMENTS (keys) && (current == NULL || !pred (current, data)); k++)
    for (guint i = 0; i < 300; i++)
      {
        GtkWidget *before = current;

        nav_press (f, keys[k]);
        current = bk_navigator_get_current (f->nav);
        if ((current != NULL && pred (current, data)) || (current == before && current != NULL))
          break;
      }
  if (current == NULL || !pred (current, data))
    return FALSE;
  nav_press (f, GDK_KEY_KP_5);
  return TRUE;
}

/* -- one switch: the scanning timer steps, the switch selects ------------- */

static void
timer_step (NavFixture *f)
{
  bk_scanner_step (bk_navigator_get_scanner (f->nav));
}

/* Steps until the highlighted group holds the item, selects it, steps
 * until the item is highlighted and selects it (as test-scanning). */
static gboolean
switch_use (NavFixture   *f,
            Pred          pred,
            gconstpointer data)
{
  BkScanner *scanner = bk_navigator_get_scanner (f->nav);
  GtkWidget *group = NULL;
  guint i;

  for (i = 0; i < 200; i++)
    {
      group = bk_scanner_get_group (scanner);
      if (group != NULL && !bk_scanner_in_group (scanner) && nav_holds (group, pred, data))
        break;
      timer_step (f);
    }
  if (i == 200)
    return FALSE;
  nav_press (f, GDK_KEY_space);
  if (pred (group, data))
    return TRUE;
  for (i = 0; i < 400 && bk_scanner_in_group (scanner); i++)
    {
      GtkWidget *item = bk_scanner_get_item (scanner);

      if (item != NULL && pred (item, data))
        {
          nav_press (f, GDK_KEY_space);
          return TRUE;
        }
      timer_step (f);
    }
  return FALSE;
}

/* -- the on-screen keyboard: the field chosen opens it ------------------- */

static BkOsk *
keyboard_of (NavFixture *f)
{
  return BK_OSK (bk_window_get_keyboard (f->window));
}

static void
keypad_send (gpointer data,
             guint    keyval)
{
  nav_press (data, keyval);
}

static void
keypad_press_key (gpointer   data,
                  GtkWidget *key)
{
  NavFixture *f = data;

  nav_osk_keypad_press (keyboard_of (f), key, keypad_send, f);
}

static void
switch_press_key (gpointer   data,
                  GtkWidget *key)
{
  g_assert_true (switch_use (data, nav_is_widget, key));
}

/* Chooses the field the way mode moves (its Action or the switch opens the
 * keyboard), types text on the keyboard's keys and closes it with Done. */
static gboolean
osk_write (NavFixture  *f,
           const Mode  *mode,
           NavPressKey  press,
           GtkWidget   *input,
           const char  *text)
{
  BkOsk *osk = keyboard_of (f);
  GtkWidget *editable = bk_osk_text_find_input (input);

  g_assert_true (mode->use (f, nav_is_or_inside, input));
  g_assert_true (bk_osk_is_open (osk));
  g_assert_true (bk_osk_get_target (osk) == editable);
  nav_type_on_keys (osk, text, press, f);
  if (GTK_IS_EDITABLE (editable))
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editable)), ==, text);
  press (f, bk_osk_find_key (osk, BK_OSK_KEY_DONE, 0));
  g_assert_false (bk_osk_is_open (osk));
  return TRUE;
}

static const Mode keypad_mode;
static const Mode switch_mode;

static gboolean
keypad_write (NavFixture *f,
              GtkWidget  *input,
              const char *text)
{
  return osk_write (f, &keypad_mode, keypad_press_key, input, text);
}

static gboolean
switch_write (NavFixture *f,
              GtkWidget  *input,
              const char *text)
{
  return osk_write (f, &switch_mode, switch_press_key, input, text);
}

static const Mode keys_mode = { "keys", keys_use, keys_write };
static const Mode keypad_mode = { "keypad", keypad_use, keypad_write };
static const Mode switch_mode = { "one switch", switch_use, switch_write };

/* ---- the task ------------------------------------------------------------ */

static gboolean
step_is_not (NavFixture   *f,
             gconstpointer step)
{
  return (int) bk_form_page_get_step (BK_FORM_PAGE (bk_window_get_page (f->window, "form"))) != GPOINTER_TO_INT (step);
}

static gboolean
unrooted (NavFixture   *f,
          gconstpointer widget)
{
  return gtk_widget_get_root (GTK_WIDGET (widget)) == NULL;
}

/* Home screen to the form's first screen. */
static void
open_form (NavFixture *f,
           const Mode *mode,
           const Task *task)
{
  if (task->service != NULL)
    {
      const Actionable services = { "win.show-services", NULL };
      const Actionable row = { "win.open-service", task->service };
      const Actionable button = { "win.start-form", task->form };

      g_assert_true (mode->use (f, is_actionable, &services));
      g_assert_true (wait_for (page_is, f, "services"));
      g_assert_true (mode->use (f, is_actionable, &row));
      g_assert_true (wait_for (page_is, f, "service"));
      g_assert_true (mode->use (f, is_actionable, &button));
    }
  else
    {
      const Actionable motions = { "win.show-motions", NULL };
      const Actionable button = { "win.start-form", "motion-feedback" };

      g_assert_true (mode->use (f, is_actionable, &motions));
      g_assert_true (wait_for (page_is, f, "motions"));
      g_assert_true (mode->use (f, is_motion_row, FEEDBACK_MOTION));
      g_assert_true (wait_for (page_is, f, "motion"));
      g_assert_true (mode->use (f, is_actionable, &button));
    }
  g_assert_true (wait_for (page_is, f, "form"));
}

/* Answers every question on the screens, then sends. FALSE when mode
 * could not write a text the form needs. */
static gboolean
fill_and_send (NavFixture *f,
               const Mode *mode,
               const Task *task)
{
  BkFormPage *page = BK_FORM_PAGE (bk_window_get_page (f->window, "form"));
  const BkForm *form = bk_form_page_get_form (page);
  GtkWidget *next = bk_form_page_get_next_button (page);

  g_assert_cmpstr (form->id, ==, task->form);
  g_assert_cmpint (bk_form_page_get_step (page), ==, BK_FORM_STEP_PRIVACY);
  g_assert_true (mode->use (f, nav_is_widget, next));
  g_assert_true (wait_for (step_is_not, f, GINT_TO_POINTER (BK_FORM_STEP_PRIVACY)));

  for (guint screen = 0; bk_form_page_get_step (page) == BK_FORM_STEP_QUESTIONS; screen++)
    {
      g_autoptr(GtkWidget) first = NULL;

      g_assert_cmpuint (screen, <, 12);
      for (guint i = 0; task->answers[i] != NULL; i += 2)
        {
          const BkFormField *field = bk_form_find_field (form, task->answers[i]);
          const char *value = task->answers[i + 1];
          GtkWidget *input = bk_form_page_get_input (page, field->id);

          if (input == NULL)
            continue;
          if (first == NULL)
            first = g_object_ref (input);
          if (field->kind == BK_FIELD_CHOICE)
            {
              GtkWidget *choice = bk_form_page_get_choice (page, field->id, value);

              g_assert_true (mode->use (f, nav_is_widget, choice));
              bk_ui_test_iterate (50);
              g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (choice)));
            }
          else if (value[0] != '\0' && !mode->write (f, input, value))
            {
              g_test_message ("%s: no way to write “%s” (%s)", mode->name, _(field->label), field->id);
              return FALSE;
            }
        }
      g_assert_nonnull (first);
      g_assert_true (mode->use (f, nav_is_widget, next));
      /* the next screen, or an error under a question (then this fails) */
      g_assert_true (wait_for (unrooted, f, first));
    }

  g_assert_cmpint (bk_form_page_get_step (page), ==, BK_FORM_STEP_CONFIRM);
  g_assert_true (mode->use (f, nav_is_widget, next));
  g_assert_true (wait_for (page_is, f, "receipt"));
  return TRUE;
}

/* The receipt names the service's office, and what was stored is what was
 * answered, about the service or the motion the task started from. */
static void
check_receipt (NavFixture *f,
               const Task *task)
{
  const BkReceipt *receipt = bk_receipt_page_get_receipt (BK_RECEIPT_PAGE (bk_window_get_page (f->window, "receipt")));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sent = bk_store_list_submissions (f->store, NULL, &error);
  g_autoptr(JsonParser) parser = json_parser_new ();
  const BkSubmission *last;
  JsonObject *answers;

  g_assert_no_error (error);
  g_assert_nonnull (receipt);
  if (task->office != NULL)
    g_assert_cmpstr (receipt->office, ==, task->office);
  g_assert_cmpuint (sent->len, >=, 1);
  last = g_ptr_array_index (sent, sent->len - 1);
  g_assert_cmpstr (bk_submission_kind_to_string (last->kind), ==, task->form);
  g_assert_cmpstr (last->reference, ==, receipt->reference);
  g_assert_cmpstr (last->service_id, ==, task->service);
  g_assert_true (json_parser_load_from_data (parser, last->answers, -1, NULL));
  answers = json_node_get_object (json_parser_get_root (parser));
  for (guint i = 0; task->answers[i] != NULL; i += 2)
    if (task->answers[i + 1][0] != '\0' && bk_form_find_field (bk_form_lookup (task->form), task->answers[i])->kind != BK_FIELD_DATE)
      g_assert_cmpstr (json_object_get_string_member (answers, task->answers[i]), ==, task->answers[i + 1]);
  /* a council's own service answers "To whom" */
  if (g_strcmp0 (task->form, "suggestion-complaint") == 0)
    g_assert_cmpstr (json_object_get_string_member (answers, "council"), ==, "county");
  if (task->service == NULL)
    g_assert_cmpint (last->motion_id, >, 0);
}

static void
prepare (BkStore *store)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (bk_demo_seed (store, &error));
  g_assert_no_error (error);
}

/* The fixture on the home screen, operated the mode's way. */
static void
start_task (NavFixture  *f,
            const Mode  *mode,
            void       (*prepare_store) (BkStore *store))
{
  nav_fixture_init_full (f, app, prepare_store);
  if (mode == &keys_mode)
    {
      const char *pointer[] = { "mousemove", "600", "400", NULL };

      /* the X server's clock, not the fixture's */
      bk_navigator_set_time_func (f->nav, NULL, NULL);
      /* No window manager: the pointer's window gets the keys. */
      g_assert_true (xdotool (pointer));
    }
  if (mode == &switch_mode)
    bk_settings_set_string (bk_application_get_settings (app), "scan-mode", "one-switch");
  g_assert_true (page_is (f, "home"));
}

static void
run_task (const Mode *mode,
          const Task *task)
{
  NavFixture f;

  start_task (&f, mode, prepare);
  open_form (&f, mode, task);
  g_assert_true (fill_and_send (&f, mode, task));
  check_receipt (&f, task);

  nav_fixture_clear (&f);
}

static gboolean have_xdotool (void);

/* "Kurz erklärt" (issue 16, item 4): from the home screen to a motion
 * without a summary by hand, its easy-read button, and on to the generated
 * text, in the same moves as the forms. */
static gboolean
is_generated_text (GtkWidget     *widget,
                   gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), data);
}

static gboolean
easy_shown (NavFixture   *f,
            gconstpointer data)
{
  return bk_motion_page_get_easy_summary_visible (BK_MOTION_PAGE (bk_window_get_page (f->window, "motion")));
}

static void
run_easy_task (const Mode *mode)
{
  const Actionable motions = { "win.show-motions", NULL };
  NavFixture f;
  GtkWidget *button;

  start_task (&f, mode, NULL);

  g_assert_true (mode->use (&f, is_actionable, &motions));
  g_assert_true (wait_for (page_is, &f, "motions"));
  g_assert_true (mode->use (&f, is_motion_row, FEEDBACK_MOTION));
  g_assert_true (wait_for (page_is, &f, "motion"));
  button = bk_motion_page_get_easy_button (BK_MOTION_PAGE (bk_window_get_page (f.window, "motion")));
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_true (mode->use (&f, nav_is_widget, button));
  g_assert_true (wait_for (easy_shown, &f, NULL));
  if (mode != &switch_mode)
    {
      /* the mark and the text, both reached by the same moves */
      g_assert_true (mode->use (&f, is_generated_text, "Written automatically"));
      g_assert_true (mode->use (&f, is_generated_text, "Das Thema heißt: „" FEEDBACK_MOTION "“."));
    }
  else
    {
      /* scanning visits what can be pressed: the box's Read aloud */
      GtkWidget *read = bk_motion_page_get_read_button (BK_MOTION_PAGE (bk_window_get_page (f.window, "motion")), 4);

      g_assert_true (nav_holds (bk_window_get_page (f.window, "motion"), is_generated_text, "Written automatically"));
      if (gtk_widget_get_visible (read))
        g_assert_true (mode->use (&f, nav_is_widget, read));
    }

  nav_fixture_clear (&f);
}

/* "Digitale Vorhaben" (issue 16, item 3): from the home screen to the
 * citizen portal's project, on to the motion behind it, and back to the
 * project from the motion. */
static void
run_project_task (const Mode *mode)
{
  const Actionable projects = { "win.show-projects", "" };
  const Actionable project = { "win.show-projects", "buergerportal" };
  NavFixture f;
  GtkWidget *button;
  gint64 motion;

  start_task (&f, mode, prepare);

  g_assert_true (mode->use (&f, is_actionable, &projects));
  g_assert_true (wait_for (page_is, &f, "projects"));
  motion = bk_store_find_motion_by_reference (f.store, "12/0342");
  button = bk_ui_find_actionable (bk_window_get_page (f.window, "projects"), "win.open-motion",
                                  g_variant_new_int64 (motion));
  g_assert_nonnull (button);
  g_assert_true (mode->use (&f, nav_is_widget, button));
  g_assert_true (wait_for (page_is, &f, "motion"));
  g_assert_cmpint (bk_motion_page_get_motion_id (BK_MOTION_PAGE (bk_window_get_page (f.window, "motion"))),
                   ==, motion);
  g_assert_true (mode->use (&f, is_actionable, &project));
  g_assert_true (wait_for (page_is, &f, "projects"));

  nav_fixture_clear (&f);
}

/* An issue-16 task in one way of operating. */
typedef struct
{
  const Mode *mode;
  void      (*run) (const Mode *mode);
} ModeTask;

static const ModeTask mode_tasks[] = {
  { &keys_mode, run_easy_task }, { &keypad_mode, run_easy_task }, { &switch_mode, run_easy_task },
  { &keys_mode, run_project_task }, { &keypad_mode, run_project_task }, { &switch_mode, run_project_task },
};

static void
test_mode_task (gconstpointer data)
{
  const ModeTask *t = data;

  if (t->mode == &keys_mode && !have_xdotool ())
    {
      g_test_skip ("needs xdotool and an X display");
      return;
    }
  t->run (t->mode);
}

static gboolean
have_xdotool (void)
{
  g_autofree char *path = g_find_program_in_path ("xdotool");

  return path != NULL && g_getenv ("DISPLAY") != NULL;
}

static void
test_by_keys (gconstpointer data)
{
  if (!have_xdotool ())
    {
      g_test_skip ("needs xdotool and an X display");
      return;
    }
  run_task (&keys_mode, data);
}

static void
test_by_keypad (gconstpointer data)
{
  run_task (&keypad_mode, data);
}

static void
test_by_switch (gconstpointer data)
{
  run_task (&switch_mode, data);
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
      g_autofree char *keys = g_strdup_printf ("/form-tasks/keys/%s", tasks[i].form);
      g_autofree char *keypad = g_strdup_printf ("/form-tasks/keypad/%s", tasks[i].form);
      g_autofree char *one_switch = g_strdup_printf ("/form-tasks/one-switch/%s", tasks[i].form);

      g_test_add_data_func (keys, &tasks[i], test_by_keys);
      g_test_add_data_func (keypad, &tasks[i], test_by_keypad);
      g_test_add_data_func (one_switch, &tasks[i], test_by_switch);
    }

  for (guint i = 0; i < G_N_ELEMENTS (mode_tasks); i++)
    {
      const char *mode = mode_tasks[i].mode == &keys_mode ? "keys"
                         : mode_tasks[i].mode == &keypad_mode ? "keypad" : "one-switch";
      g_autofree char *path = g_strdup_printf ("/form-tasks/%s/%s", mode,
                                               mode_tasks[i].run == run_easy_task ? "kurz-erklaert"
                                                                                  : "project-to-motion");

      g_test_add_data_func (path, &mode_tasks[i], test_mode_task);
    }

  status = g_test_run ();

  g_clear_object (&app);
  return status;
}
