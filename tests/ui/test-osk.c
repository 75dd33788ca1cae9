/* test-osk.c: writing without a keyboard, as citizens do it
 *
 * Runs under gui-run.sh with the X server's real events (xdotool): key
 * presses through GDK and the window's key router, clicks through the
 * widgets' gestures.
 *
 *   /osk/keypad-task    from the start page to a form with the EZ keypad
 *                       alone (the day with the date buttons); the name
 *                       "Jürgen Weiß" typed on the on-screen keyboard with
 *                       the keypad's arrows, a letter deleted and typed
 *                       again; Back closes the keyboard, not the form
 *   /osk/scanning       two-switch scanning: the search field, then the
 *                       keyboard's rows and keys ("Bänke")
 *   /osk/touch          clicks on the keys of a field of several lines;
 *                       the field stays in sight above the keyboard
 *   /osk/secret         a PIN field: the characters are never said
 *   /osk/open-close     touch opens it, Done, Back and Escape close it,
 *                       the focus leaving closes it; the setting
 *   /osk/accessible     a named group of named buttons, shift's state
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "bk-nav-test-util.h"
#include "bk-ui-test-util.h"
#include "bk-config.h"

#include <string.h>

#include <adwaita.h>
#include <gdk/x11/gdkx.h>

#include "bk-date-picker.h"
#include "bk-ez-tree.h"
#include "bk-field-view.h"
#include "bk-form-page.h"
#include "bk-osk-private.h"
#include "bk-osk-text.h"
#include "bk-scanner.h"
#include "bk-services-page.h"
#include "bk-ui.h"

#define DEFECT_SERVICE "maengel-melden-gemeinde-lindental"

static BkApplication *app;

typedef struct
{
  BkStore     *store;
  BkWindow    *window;
  BkNavigator *nav;
  BkOsk       *osk;
  GPtrArray   *said;        /* the keyboard, the navigator, the scanner */
  GPtrArray   *voice_said;  /* what the voice began to say */
  gulong       voice_handler;
  guint        releases;    /* key releases the window saw */
} Fixture;

static BkSettings *
settings (void)
{
  return bk_application_get_settings (app);
}

static void
said_cb (GObject    *source,
         const char *text,
         Fixture    *f)
{
  g_test_message ("said: %s", text);
  g_ptr_array_add (f->said, g_strdup (text));
}

static void
released_cb (GtkEventControllerKey *controller,
             guint                  keyval,
             guint                  keycode,
             GdkModifierType        state,
             Fixture               *f)
{
  f->releases++;
}

static gboolean
said (Fixture    *f,
      const char *needle)
{
  return bk_ui_test_said_find (f->said, needle) != NULL;
}

static void
fixture_init (Fixture *f)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  memset (f, 0, sizeof *f);
  f->store = bk_ui_test_demo_store_new ();
  f->said = g_ptr_array_new_with_free_func (g_free);
  f->voice_said = bk_ui_test_said_new (bk_application_get_voice (app), &f->voice_handler);
  f->window = bk_ui_test_attached_window_new (app, f->store, NULL);
  f->nav = bk_window_get_navigator (f->window);
  f->osk = BK_OSK (bk_window_get_keyboard (f->window));
  g_signal_connect (f->osk, "said", G_CALLBACK (said_cb), f);
  g_signal_connect (f->nav, "said", G_CALLBACK (said_cb), f);
  g_signal_connect (bk_navigator_get_scanner (f->nav), "said", G_CALLBACK (said_cb), f);

  /* Releases reach every key controller: one after the router tells that
   * a key went through. */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-released", G_CALLBACK (released_cb), f);
  gtk_widget_add_controller (GTK_WIDGET (f->window), keys);
  bk_ui_test_iterate (50);
}

static void
fixture_clear (Fixture *f)
{
  BkVoice *voice = bk_application_get_voice (app);

  bk_voice_stop (voice);
  g_signal_handler_disconnect (voice, f->voice_handler);
  bk_ui_test_window_destroy (f->window);
  bk_application_reset_session (app);
  g_clear_pointer (&f->said, g_ptr_array_unref);
  g_clear_pointer (&f->voice_said, g_ptr_array_unref);
  g_clear_object (&f->store);
}

/* ---- the X server's events ----------------------------------------------- */

static gboolean
xdotool (const char *args)
{
  g_autofree char *command = g_strdup_printf ("xdotool %s", args);
  int status = -1;

  if (!g_spawn_command_line_sync (command, NULL, NULL, &status, NULL))
    return FALSE;
  return g_spawn_check_wait_status (status, NULL);
}

static gboolean
have_xdotool (void)
{
  g_autofree char *path = g_find_program_in_path ("xdotool");

  if (path == NULL || g_getenv ("DISPLAY") == NULL)
    {
      g_test_skip ("needs xdotool and an X display");
      return FALSE;
    }
  return TRUE;
}

static gulong
window_xid (Fixture *f)
{
  return gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (f->window)));
}

/* A key pressed and released on the X server; returns once the window
 * saw the release. */
static void
real_key (Fixture    *f,
          const char *key)
{
  g_autofree char *args = g_strdup_printf ("key %s", key);
  guint before = f->releases;
  gint64 end = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;

  g_assert_true (xdotool (args));
  while (f->releases == before && g_get_monotonic_time () < end)
    bk_ui_test_iterate (5);
  g_assert_cmpuint (f->releases, >, before);
  bk_ui_test_iterate (10);
}

/* The pointer over the window (without a window manager, the window under
 * it gets the keys), away from any control. */
static void
point_at_window (Fixture *f)
{
  g_autofree char *args = g_strdup_printf ("mousemove --window %lu 640 2", window_xid (f));

  g_assert_true (xdotool (args));
  bk_ui_test_iterate (50);
}

/* A click in the middle of widget. */
static void
real_click (Fixture   *f,
            GtkWidget *widget)
{
  graphene_point_t point;
  double dx = 0, dy = 0;
  g_autofree char *args = NULL;

  g_assert_true (gtk_widget_get_mapped (widget));
  /* As a citizen would scroll to it first. */
  bk_ez_scroll_into_view (widget);
  bk_ui_test_iterate (100);
  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (f->window),
                                           &GRAPHENE_POINT_INIT (gtk_widget_get_width (widget) / 2.0,
                                                                 gtk_widget_get_height (widget) / 2.0),
                                           &point));
  gtk_native_get_surface_transform (GTK_NATIVE (f->window), &dx, &dy);
  args = g_strdup_printf ("mousemove --window %lu %d %d click 1", window_xid (f),
                          (int) (point.x + dx), (int) (point.y + dy));
  g_assert_true (xdotool (args));
  bk_ui_test_iterate (120);
}

/* ---- the EZ keypad ------------------------------------------------------- */

typedef gboolean (*ItemPred) (GtkWidget *item, gconstpointer data);

static gboolean
is_widget (GtkWidget     *item,
           gconstpointer  data)
{
  return item == data;
}

static gboolean
is_list_row (GtkWidget     *item,
             gconstpointer  data)
{
  return GTK_IS_LIST_BOX_ROW (item) || bk_ui_get_list_item (item) != NULL;
}

/* Down until the reading cursor is on what pred accepts (a new form
 * step starts on its first question: maybe no Down at all). */
static GtkWidget *
keypad_down_to (Fixture       *f,
                ItemPred       pred,
                gconstpointer  data)
{
  for (guint i = 0; i < 120; i++)
    {
      GtkWidget *current = bk_navigator_get_current (f->nav);

      if (current != NULL && pred (current, data))
        return current;
      real_key (f, "KP_Down");
    }

  g_error ("Down never reached the item");
  return NULL;
}

static BkFormPage *
form_page (Fixture *f)
{
  return BK_FORM_PAGE (bk_window_get_page (f->window, "form"));
}

static void
send_cb (gpointer data,
         guint    keyval)
{
  real_key (data, gdk_keyval_name (keyval));
}

/* A key pressed with the keypad: the highlight onto it, then Action. */
static void
keypad_press (Fixture   *f,
              GtkWidget *key)
{
  nav_osk_keypad_press (f->osk, key, send_cb, f);
}

typedef void (*PressKey) (Fixture   *f,
                          GtkWidget *key);

typedef struct
{
  Fixture  *f;
  PressKey  press;
} Presser;

static void
press_cb (gpointer   data,
          GtkWidget *key)
{
  Presser *presser = data;

  presser->press (presser->f, key);
}

static void
type_on_keys (Fixture    *f,
              const char *text,
              PressKey    press)
{
  Presser presser = { f, press };

  nav_type_on_keys (f->osk, text, press_cb, &presser);
}

/* From the start page to the appointment form, its name typed on the
 * on-screen keyboard: only keypad keys, sent by the X server. */
static void
test_keypad_task (void)
{
  Fixture f;
  GtkWidget *services_page, *service_page, *input, *next, *picker;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) later = g_date_time_add_days (now, 1);
  g_autofree char *date = g_date_time_format (later, "%d.%m.%Y");

  if (!have_xdotool ())
    return;

  fixture_init (&f);
  point_at_window (&f);
  g_assert_cmpstr (bk_window_get_page_name (f.window), ==, "home");

  /* Home → Services → the first service → Request an appointment. */
  keypad_down_to (&f, is_widget, bk_home_page_get_choice (BK_HOME_PAGE (bk_window_get_page (f.window, "home")), 0));
  real_key (&f, "KP_Enter");
  g_assert_cmpstr (bk_window_get_page_name (f.window), ==, "services");
  services_page = bk_window_get_page (f.window, "services");
  g_assert_nonnull (services_page);
  keypad_down_to (&f, is_list_row, NULL);
  real_key (&f, "KP_Enter");
  bk_ui_test_iterate (100);
  g_assert_cmpstr (bk_window_get_page_name (f.window), ==, "service");
  service_page = bk_window_get_page (f.window, "service");
  keypad_down_to (&f, is_widget, bk_ui_find_actionable (service_page, "win.start-form",
                                                        g_variant_new_string ("appointment")));
  real_key (&f, "KP_Enter");
  bk_ui_test_iterate (100);
  g_assert_cmpstr (bk_window_get_page_name (f.window), ==, "form");

  /* The privacy notice: Action uses "Let's go", which has the focus; the
   * cursor is then on the screen's first question, the day (issue 17),
   * not on the button or at the top of the screen. */
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f.window)) == bk_form_page_get_next_button (form_page (&f)));
  real_key (&f, "KP_Enter");
  g_assert_cmpint (bk_form_page_get_step (form_page (&f)), ==, BK_FORM_STEP_QUESTIONS);
  input = bk_form_page_get_input (form_page (&f), "preferred_date");
  g_assert_true (bk_navigator_get_current (f.nav) == bk_ez_find_item (input));

  /* The day: chosen with its + button. */
  picker = bk_field_view_get_chooser (BK_FIELD_VIEW (gtk_widget_get_ancestor (input, BK_TYPE_FIELD_VIEW)));
  keypad_down_to (&f, is_widget, bk_date_picker_get_button (BK_DATE_PICKER (picker), 0, +1));
  real_key (&f, "KP_Enter");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (input)), ==, date);
  g_assert_false (bk_osk_is_open (f.osk));

  keypad_down_to (&f, is_widget, bk_form_page_get_choice (form_page (&f), "preferred_time", "any"));
  real_key (&f, "KP_Enter");
  next = bk_form_page_get_next_button (form_page (&f));
  keypad_down_to (&f, is_widget, next);
  real_key (&f, "KP_Enter");

  /* The name, with a capital, an umlaut, a space and ß. */
  input = bk_form_page_get_input (form_page (&f), "name");
  g_assert_nonnull (input);
  keypad_down_to (&f, is_widget, input);
  real_key (&f, "KP_Enter");
  g_assert_true (bk_osk_is_open (f.osk));
  g_assert_true (bk_osk_get_target (f.osk) == input);
  g_assert_true (bk_osk_get_highlight (f.osk, NULL, NULL));
  g_assert_true (said (&f, "On-screen keyboard open"));
  g_ptr_array_set_size (f.said, 0);
  type_on_keys (&f, "Jürgen Weiß", keypad_press);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (input)), ==, "Jürgen Weiß");
  /* Each key is said as it is highlighted and typed; the word after it. */
  g_assert_true (said (&f, "capital J"));
  g_assert_true (said (&f, "ü"));
  g_assert_true (said (&f, "ß"));
  g_assert_true (said (&f, "Jürgen; Space"));
  g_assert_true (said (&f, "Capital letters on"));
  /* The field kept the focus all along. */
  g_assert_true (bk_osk_text_find_input (gtk_root_get_focus (GTK_ROOT (f.window))) == input);

  /* Delete takes the last letter, and says it. */
  keypad_press (&f, bk_osk_find_key (f.osk, BK_OSK_KEY_DELETE, 0));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (input)), ==, "Jürgen Wei");
  g_assert_true (said (&f, "ß deleted"));
  type_on_keys (&f, "ß", keypad_press);
  /* Back closes the keyboard, not the form. */
  real_key (&f, "KP_Home");
  g_assert_false (bk_osk_is_open (f.osk));
  g_assert_true (said (&f, "Keyboard closed"));
  g_assert_cmpstr (bk_window_get_page_name (f.window), ==, "form");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (input)), ==, "Jürgen Weiß");

  fixture_clear (&f);
}

/* ---- switch scanning ----------------------------------------------------- */

static gboolean
holds (GtkWidget *group,
       GtkWidget *target)
{
  return group == target || gtk_widget_is_ancestor (target, group);
}

/* Two switches, real keys: step (Tab) to the group that holds target,
 * select (space), step to target, select. */
static void
scan_choose (Fixture   *f,
             GtkWidget *target)
{
  BkScanner *scanner = bk_navigator_get_scanner (f->nav);
  guint i;

  for (i = 0; i < 40; i++)
    {
      real_key (f, "Tab");
      if (holds (bk_scanner_get_group (scanner), target))
        break;
    }
  g_assert_cmpuint (i, <, 40);

  if (bk_scanner_get_group (scanner) != target)
    {
      real_key (f, "space");
      g_assert_true (bk_scanner_in_group (scanner));
      for (i = 0; i < 40 && bk_scanner_get_item (scanner) != target; i++)
        real_key (f, "Tab");
      g_assert_true (bk_scanner_get_item (scanner) == target);
    }
  real_key (f, "space");
}

static void
test_scanning (void)
{
  Fixture f;
  BkScanner *scanner;
  GtkWidget *search;
  g_autoptr(GPtrArray) groups = NULL;

  if (!have_xdotool ())
    return;

  fixture_init (&f);
  point_at_window (&f);
  scanner = bk_navigator_get_scanner (f.nav);
  bk_settings_set_string (settings (), "scan-mode", "two-switch");
  bk_ui_test_open_page (f.window, "win.show-services", NULL);
  search = bk_services_page_get_search_entry (BK_SERVICES_PAGE (bk_window_get_page (f.window, "services")));

  /* Choosing the field opens the keyboard; its rows are the groups now. */
  scan_choose (&f, search);
  g_assert_true (bk_osk_is_open (f.osk));
  g_assert_true (bk_osk_get_target (f.osk) == search);
  groups = bk_ez_collect_groups (bk_ez_get_screen_root (GTK_WIDGET (f.window)));
  g_assert_cmpuint (groups->len, ==, bk_osk_layout_get_n_rows (bk_osk_get_layout (f.osk)));
  for (guint i = 0; i < groups->len; i++)
    g_assert_true (gtk_widget_is_ancestor (((BkEzGroup *) g_ptr_array_index (groups, i))->widget,
                                           GTK_WIDGET (f.osk)));

  type_on_keys (&f, "Bänke", scan_choose);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (search)), ==, "Bänke");
  g_assert_true (said (&f, "Keys q to ß, group with 12 items"));
  g_assert_true (said (&f, "capital B"));
  g_assert_true (said (&f, "ä"));

  /* Done closes it; scanning goes back to the page's groups. */
  scan_choose (&f, bk_osk_find_key (f.osk, BK_OSK_KEY_DONE, 0));
  g_assert_false (bk_osk_is_open (f.osk));
  real_key (&f, "Tab");
  g_assert_false (gtk_widget_is_ancestor (bk_scanner_get_group (scanner), GTK_WIDGET (f.osk)));

  bk_settings_set_string (settings (), "scan-mode", "off");
  fixture_clear (&f);
}

/* ---- touch --------------------------------------------------------------- */

static void
start_defect_report (Fixture *f)
{
  bk_ui_test_open_page (f->window, "win.open-service", g_variant_new_string (DEFECT_SERVICE));
  g_assert_cmpstr (bk_window_get_page_name (f->window), ==, "service");
  bk_ui_test_open_page (f->window, "win.start-form", g_variant_new_string ("defect-report"));
  g_signal_emit_by_name (bk_form_page_get_next_button (form_page (f)), "clicked");
  bk_ui_test_iterate (150);
  g_assert_cmpint (bk_form_page_get_step (form_page (f)), ==, BK_FORM_STEP_QUESTIONS);
}

/* BK_OSK_SHOTS=DIR: the window as drawn now, to DIR/NAME.png. */
static void
shot (Fixture    *f,
      const char *name)
{
  const char *dir = g_getenv ("BK_OSK_SHOTS");
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;
  file = g_strdup_printf ("%s.png", name);
  path = g_build_filename (dir, file, NULL);
  g_mkdir_with_parents (dir, 0755);
  bk_ui_test_save_png (GTK_WIDGET (f->window), path);
}

static void
assert_in_sight (Fixture   *f,
                 GtkWidget *widget)
{
  g_assert_true (bk_ui_test_wait_in_sight (f->window, widget));
}

static void
test_touch (void)
{
  Fixture f;
  GtkWidget *problem;
  g_autofree char *text = NULL;

  if (!have_xdotool ())
    return;

  fixture_init (&f);
  start_defect_report (&f);
  problem = bk_form_page_get_input (form_page (&f), "problem");
  g_assert_true (GTK_IS_TEXT_VIEW (problem));

  /* A touch on the field opens the keyboard for it, with a new-line key. */
  real_click (&f, problem);
  g_assert_true (bk_osk_is_open (f.osk));
  g_assert_true (bk_osk_get_target (f.osk) == problem);
  g_assert_nonnull (bk_osk_find_key (f.osk, BK_OSK_KEY_NEWLINE, 0));
  /* No highlight for touch. */
  g_assert_false (bk_osk_get_highlight (f.osk, NULL, NULL));
  shot (&f, "touch-open");
  assert_in_sight (&f, problem);

  type_on_keys (&f, "Lampe kaputt!\nAm Bach 3", real_click);
  text = bk_ui_test_dup_buffer_text (problem);
  g_assert_cmpstr (text, ==, "Lampe kaputt!\nAm Bach 3");
  g_assert_true (said (&f, "capital L"));
  g_assert_true (said (&f, "kaputt; exclamation mark"));
  assert_in_sight (&f, problem);

  /* Cursor left twice and a key types before the last two characters. */
  real_click (&f, bk_osk_find_key (f.osk, BK_OSK_KEY_LEFT, 0));
  real_click (&f, bk_osk_find_key (f.osk, BK_OSK_KEY_LEFT, 0));
  g_assert_true (said (&f, "Space"));
  type_on_keys (&f, "-", real_click);
  g_clear_pointer (&text, g_free);
  text = bk_ui_test_dup_buffer_text (problem);
  g_assert_cmpstr (text, ==, "Lampe kaputt!\nAm Bach- 3");

  /* Done closes it; the field keeps its text and the focus. */
  real_click (&f, bk_osk_find_key (f.osk, BK_OSK_KEY_DONE, 0));
  g_assert_false (bk_osk_is_open (f.osk));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f.window)) == problem);

  fixture_clear (&f);
}

/* ---- a secret field ------------------------------------------------------ */

static void
test_secret (void)
{
  Fixture f = { 0 };
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *pin = gtk_password_entry_new ();
  BkOsk *osk = g_object_new (BK_TYPE_OSK, NULL);
  const char *digits = "2580";
  guint before;

  f.said = g_ptr_array_new_with_free_func (g_free);
  f.voice_said = bk_ui_test_said_new (bk_application_get_voice (app), &f.voice_handler);
  f.osk = osk;
  g_signal_connect (osk, "said", G_CALLBACK (said_cb), &f);

  gtk_box_append (GTK_BOX (box), pin);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (osk));
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  bk_osk_attach (osk, GTK_WINDOW (window), bk_application_get_voice (app));
  gtk_window_present (GTK_WINDOW (window));
  bk_ui_test_iterate (200);
  gtk_widget_grab_focus (pin);
  g_assert_true (bk_osk_request (osk, pin, FALSE));
  bk_ui_test_iterate (50);

  /* Touch (a click) and the keypad (highlight, then Action). */
  before = f.said->len;
  for (const char *p = digits; *p != '\0'; p++)
    g_signal_emit_by_name (bk_osk_find_key (osk, BK_OSK_KEY_CHAR, *p), "clicked");
  g_assert_true (bk_osk_run_command (osk, BK_KEYPAD_RIGHT));   /* the highlight, where the last key was: 0 */
  g_assert_true (bk_osk_run_command (osk, BK_KEYPAD_DOWN));    /* p */
  before = f.said->len;
  g_assert_true (bk_osk_run_command (osk, BK_KEYPAD_ACTION));
  g_signal_emit_by_name (bk_osk_find_key (osk, BK_OSK_KEY_SPACE, 0), "clicked");
  g_signal_emit_by_name (bk_osk_find_key (osk, BK_OSK_KEY_DELETE, 0), "clicked");
  g_signal_emit_by_name (bk_osk_find_key (osk, BK_OSK_KEY_LEFT, 0), "clicked");
  bk_ui_test_iterate (100);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (pin)), ==, "2580p");

  /* What was said after each key: never a character of the PIN. */
  for (guint i = 0; i < f.said->len; i++)
    {
      const char *text = g_ptr_array_index (f.said, i);

      if (i < before)
        continue;
      g_assert_true (g_str_equal (text, "character entered") || g_str_equal (text, "character deleted") ||
                     g_str_equal (text, "Cursor left"));
    }
  g_assert_true (said (&f, "character entered"));
  g_assert_true (said (&f, "character deleted"));
  for (guint i = 0; i < f.voice_said->len; i++)
    {
      const char *text = g_ptr_array_index (f.voice_said, i);

      for (const char *p = digits; *p != '\0'; p++)
        g_assert_null (strchr (text, *p));
      g_assert_null (strstr (text, "Space"));
    }

  bk_voice_stop (bk_application_get_voice (app));
  g_signal_handler_disconnect (bk_application_get_voice (app), f.voice_handler);
  gtk_window_destroy (GTK_WINDOW (window));
  bk_ui_test_iterate (50);
  g_clear_pointer (&f.said, g_ptr_array_unref);
  g_clear_pointer (&f.voice_said, g_ptr_array_unref);
}

/* ---- 300 % text ---------------------------------------------------------- */

/* Every key of the open keyboard inside it, none scrolled away; the height
 * of the tallest key label. */
static int
assert_all_keys_in_sight (Fixture *f)
{
  BkOskLayout *layout = bk_osk_get_layout (f->osk);
  int osk_height = gtk_widget_get_height (GTK_WIDGET (f->osk));
  int label_height = 0;

  for (guint row = 0; row < bk_osk_layout_get_n_rows (layout); row++)
    for (guint index = 0; index < bk_osk_layout_get_n_keys (layout, row); index++)
      {
        GtkWidget *key = bk_osk_get_key (f->osk, row, index);
        graphene_rect_t bounds;

        g_assert_true (gtk_widget_compute_bounds (key, GTK_WIDGET (f->osk), &bounds));
        if (bounds.origin.y < -1 || bounds.origin.y + bounds.size.height > osk_height + 1)
          g_error ("key %u of row %u at y %.0f to %.0f, the keyboard is %d px high",
                   index, row, bounds.origin.y, bounds.origin.y + bounds.size.height, osk_height);
        label_height = MAX (label_height, gtk_widget_get_height (gtk_widget_get_first_child (key)));
      }
  return label_height;
}

static void
open_search_keyboard (Fixture *f)
{
  GtkWidget *search = bk_services_page_get_search_entry (BK_SERVICES_PAGE (bk_window_get_page (f->window, "services")));

  keypad_down_to (f, is_widget, search);
  real_key (f, "KP_Enter");
  bk_ui_test_iterate (300);
  g_assert_true (bk_osk_is_open (f->osk));
  g_assert_true (bk_osk_get_target (f->osk) == search);
}

/* 300 % text on a 1280×800 terminal, chosen and used with the keypad from
 * the home screen: the keyboard's labels grow, yet every key stays in
 * sight (Space and Done were below the screen), and the field above it. */
static void
test_large_text (void)
{
  Fixture f;
  GtkWidget *search, *big;
  int label_100, label_300;

  if (!have_xdotool ())
    return;

  fixture_init (&f);
  point_at_window (&f);
  g_assert_cmpstr (bk_window_get_page_name (f.window), ==, "home");
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (f.window)), <=, 800);
  keypad_down_to (&f, is_widget, bk_home_page_get_choice (BK_HOME_PAGE (bk_window_get_page (f.window, "home")), 0));
  real_key (&f, "KP_Enter");
  g_assert_cmpstr (bk_window_get_page_name (f.window), ==, "services");
  open_search_keyboard (&f);
  label_100 = assert_all_keys_in_sight (&f);
  real_key (&f, "KP_Home");
  g_assert_false (bk_osk_is_open (f.osk));

  /* The accessibility page (the keypad's *), 300 %, back to the search. */
  real_key (&f, "KP_Multiply");
  g_assert_cmpstr (bk_window_get_page_name (f.window), ==, "accessibility");
  big = bk_ui_find_actionable (bk_window_get_page (f.window, "accessibility"), "app.text-scale",
                               g_variant_new_int32 (300));
  keypad_down_to (&f, is_widget, big);
  real_key (&f, "KP_Enter");
  g_assert_cmpint (bk_settings_get_int (settings (), "text-scale"), ==, 300);
  real_key (&f, "KP_Home");
  bk_ui_test_iterate (300);
  g_assert_cmpstr (bk_window_get_page_name (f.window), ==, "services");
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (f.window)), <=, 800);

  open_search_keyboard (&f);
  shot (&f, "large-text");
  label_300 = assert_all_keys_in_sight (&f);
  g_test_message ("tallest key label: %d px at 100 %%, %d px at 300 %%; keyboard %d px high in a window of %d",
                  label_100, label_300, gtk_widget_get_height (GTK_WIDGET (f.osk)),
                  gtk_widget_get_height (GTK_WIDGET (f.window)));
  g_assert_cmpint (label_300, >=, label_100 * 3 / 2);
  search = bk_osk_get_target (f.osk);
  assert_in_sight (&f, search);

  /* Typed by touch, no key scrolled to first; Done closes. */
  for (const char *p = "bank"; *p != '\0'; p++)
    {
      GtkWidget *key = bk_osk_find_key (f.osk, BK_OSK_KEY_CHAR, (gunichar) *p);

      real_click (&f, key);
    }
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (search)), ==, "bank");
  assert_all_keys_in_sight (&f);
  real_click (&f, bk_osk_find_key (f.osk, BK_OSK_KEY_DONE, 0));
  g_assert_false (bk_osk_is_open (f.osk));

  /* Back at 100 %: the large labels again. */
  bk_settings_set_int (settings (), "text-scale", 100);
  bk_ui_test_iterate (200);
  open_search_keyboard (&f);
  g_assert_cmpint (assert_all_keys_in_sight (&f), ==, label_100);

  fixture_clear (&f);
}

/* ---- opening and closing ------------------------------------------------- */

static void
test_open_close (void)
{
  Fixture f;
  GtkWidget *place, *problem, *button;
  BkFieldView *view;

  if (!have_xdotool ())
    return;

  fixture_init (&f);
  start_defect_report (&f);
  place = bk_form_page_get_input (form_page (&f), "place");
  g_assert_true (GTK_IS_ENTRY (place));
  /* The page gave the field the focus: that alone opens nothing. */
  g_assert_false (bk_osk_is_open (f.osk));

  /* A touch on the field opens it; Escape closes it, the form stays. */
  real_click (&f, place);
  g_assert_true (bk_osk_is_open (f.osk));
  g_assert_null (bk_osk_find_key (f.osk, BK_OSK_KEY_NEWLINE, 0));
  real_key (&f, "Escape");
  g_assert_false (bk_osk_is_open (f.osk));
  g_assert_cmpstr (bk_window_get_page_name (f.window), ==, "form");

  /* Without opening by itself (a real keyboard), a touch opens nothing,
   * the Keyboard button beside the field does. */
  bk_settings_set_boolean (settings (), "osk-auto-open", FALSE);
  real_click (&f, place);
  g_assert_false (bk_osk_is_open (f.osk));
  view = BK_FIELD_VIEW (gtk_widget_get_ancestor (place, BK_TYPE_FIELD_VIEW));
  button = bk_field_view_get_keyboard_button (view);
  g_assert_nonnull (button);
  real_click (&f, button);
  g_assert_true (bk_osk_is_open (f.osk));
  g_assert_true (bk_osk_get_target (f.osk) == place);
  real_key (&f, "Escape");
  g_assert_false (bk_osk_is_open (f.osk));

  /* The keypad's Action on the field asks for it, so the Keyboard button
   * is no stop of its own: Down from the field passes it. */
  keypad_down_to (&f, is_widget, place);
  real_key (&f, "KP_Begin");
  g_assert_true (bk_osk_is_open (f.osk));
  g_assert_true (bk_osk_get_target (f.osk) == place);
  real_key (&f, "Escape");
  g_assert_false (bk_osk_is_open (f.osk));
  for (guint i = 0; i < 3; i++)
    {
      real_key (&f, "KP_Down");
      g_assert_true (bk_navigator_get_current (f.nav) != button);
    }
  real_click (&f, button);
  g_assert_true (bk_osk_is_open (f.osk));
  bk_settings_set_boolean (settings (), "osk-auto-open", TRUE);

  /* Another text field: the keyboard types there. */
  problem = bk_form_page_get_input (form_page (&f), "problem");
  gtk_widget_grab_focus (problem);
  bk_ui_test_iterate (50);
  g_assert_true (bk_osk_is_open (f.osk));
  g_assert_true (bk_osk_get_target (f.osk) == problem);

  /* A button takes the focus: closed. */
  gtk_widget_grab_focus (bk_window_get_home_button (f.window));
  bk_ui_test_iterate (50);
  g_assert_false (bk_osk_is_open (f.osk));

  /* Leaving the page closes it too. */
  gtk_widget_grab_focus (problem);
  gtk_widget_activate_action (problem, "win.show-keyboard", "b", TRUE);
  bk_ui_test_iterate (50);
  g_assert_true (bk_osk_is_open (f.osk));
  bk_ui_test_open_page (f.window, "win.home", NULL);
  g_assert_false (bk_osk_is_open (f.osk));

  fixture_clear (&f);
}

/* ---- accessibility ------------------------------------------------------- */

static void
check_keys (GtkWidget *widget,
            guint     *n_keys)
{
  if (GTK_IS_BUTTON (widget))
    {
      g_autofree char *name = bk_ui_test_dup_label (widget);

      /* GTK 4.8: a toggle button is a button with a pressed state. */
      gtk_test_accessible_assert_role (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_ROLE_BUTTON);
      if (name == NULL || g_strstrip (name)[0] == '\0')
        g_error ("a key without a name");
      /* Keys are touch targets of at least 44 px. */
      g_assert_cmpint (gtk_widget_get_width (widget), >=, 44);
      g_assert_cmpint (gtk_widget_get_height (widget), >=, 44);
      (*n_keys)++;
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    check_keys (child, n_keys);
}

static void
test_accessible (void)
{
  Fixture f;
  GtkWidget *place, *shift, *a;
  guint n_keys = 0;
  g_autofree char *name = NULL;

  fixture_init (&f);
  start_defect_report (&f);
  place = bk_form_page_get_input (form_page (&f), "place");
  gtk_widget_grab_focus (place);
  g_assert_true (gtk_widget_activate_action (place, "win.show-keyboard", "b", TRUE));
  bk_ui_test_iterate (150);
  g_assert_true (bk_osk_is_open (f.osk));

  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (f.osk), GTK_ACCESSIBLE_ROLE_GROUP);
  name = bk_ui_test_dup_label (GTK_WIDGET (f.osk));
  g_assert_cmpstr (name, ==, "On-screen keyboard");
  check_keys (GTK_WIDGET (f.osk), &n_keys);
  g_assert_cmpuint (n_keys, >=, 50);

  /* Shift: a toggle with its pressed state; the letters say capital. */
  shift = bk_osk_find_key (f.osk, BK_OSK_KEY_SHIFT, 0);
  a = bk_osk_find_key (f.osk, BK_OSK_KEY_CHAR, 'a');
  g_assert_null (gtk_test_accessible_check_state (GTK_ACCESSIBLE (shift), GTK_ACCESSIBLE_STATE_PRESSED, FALSE));
  g_clear_pointer (&name, g_free);
  name = bk_ui_test_dup_label (shift);
  g_assert_cmpstr (name, ==, "Capital letters");
  g_signal_emit_by_name (shift, "clicked");
  g_assert_null (gtk_test_accessible_check_state (GTK_ACCESSIBLE (shift), GTK_ACCESSIBLE_STATE_PRESSED, TRUE));
  g_clear_pointer (&name, g_free);
  name = bk_ui_test_dup_label (a);
  g_assert_cmpstr (name, ==, "capital A");
  g_signal_emit_by_name (a, "clicked");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (place)), ==, "A");
  /* Shift held for one letter. */
  g_assert_null (gtk_test_accessible_check_state (GTK_ACCESSIBLE (shift), GTK_ACCESSIBLE_STATE_PRESSED, FALSE));
  g_clear_pointer (&name, g_free);
  name = bk_ui_test_dup_label (bk_osk_find_key (f.osk, BK_OSK_KEY_CHAR, '@'));
  g_assert_cmpstr (name, ==, "at sign");

  /* The Keyboard button names its field. */
  g_clear_pointer (&name, g_free);
  name = bk_ui_test_dup_label (bk_field_view_get_keyboard_button (BK_FIELD_VIEW (gtk_widget_get_ancestor (place, BK_TYPE_FIELD_VIEW))));
  g_assert_cmpstr (name, ==, "Keyboard: Place");

  fixture_clear (&f);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  bk_ui_test_init (&argc, &argv);

  app = bk_ui_test_app_new ();

  g_test_add_func ("/osk/accessible", test_accessible);
  g_test_add_func ("/osk/secret", test_secret);
  g_test_add_func ("/osk/open-close", test_open_close);
  g_test_add_func ("/osk/touch", test_touch);
  g_test_add_func ("/osk/scanning", test_scanning);
  g_test_add_func ("/osk/keypad-task", test_keypad_task);
  g_test_add_func ("/osk/large-text", test_large_text);

  status = g_test_run ();

  g_clear_object (&app);
  return status;
}
