/* test-session.c: the idle warning, the session reset, the attract screen
 * and kiosk mode
 *
 * Time is moved on with bk_session_advance_for_testing (): no test waits
 * for the real idle timeout.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "bk-ui-test-util.h"
#include "bk-config.h"

#include <string.h>
#include <adwaita.h>

#include "bk-application.h"
#include "bk-attract.h"
#include "bk-i18n.h"
#include "bk-idle-warning.h"
#include "bk-lockdown.h"
#include "bk-motion-list-page.h"
#include "bk-session.h"
#include "bk-ui.h"
#include "bk-window.h"

static BkApplication *app;

typedef struct
{
  BkStore   *store;
  gint64     motion_id;
  GPtrArray *said;
  GArray    *cues;
  gulong     said_handler;
  gulong     cue_handler;
  gulong     reset_handler;
  guint      resets;
} Fixture;

static BkSession *
session (void)
{
  return bk_application_get_session (app);
}

static BkSettings *
settings (void)
{
  return bk_application_get_settings (app);
}

static void
cue_cb (BkVoice *voice,
        int      earcon,
        Fixture *f)
{
  g_array_append_val (f->cues, earcon);
}

static void
session_reset_cb (BkApplication *application,
                  Fixture       *f)
{
  f->resets++;
}

/* Speech starts when it is synthesized: wait for it (up to 10 s). */
static gboolean
wait_for_said (Fixture    *f,
               const char *part)
{
  return bk_ui_test_said_wait (f->said, part, 10) != NULL;
}

static void
fixture_init (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BkMotion) motion = bk_motion_new ();
  BkVoice *voice = bk_application_get_voice (app);
  BkWindow *window;

  f->store = bk_store_open (NULL, 0, &error);
  g_assert_no_error (error);
  motion->subject = g_strdup ("Rampe am Rathauseingang");
  motion->date = g_strdup ("2026-01-10");
  g_assert_true (bk_store_save_motion (f->store, motion, &error));
  f->motion_id = motion->id;

  f->said = bk_ui_test_said_new (voice, &f->said_handler);
  f->cues = g_array_new (FALSE, FALSE, sizeof (int));
  f->cue_handler = g_signal_connect (voice, "cue", G_CALLBACK (cue_cb), f);
  f->reset_handler = g_signal_connect (app, "session-reset", G_CALLBACK (session_reset_cb), f);

  /* A reset brings the kiosk's German back: English for each case. */
  bk_settings_set_string (settings (), "language", "en");
  bk_application_apply_language (app);

  {
    g_autoptr(BkContext) context = bk_ui_test_context_new (app, f->store);

    window = bk_window_new (GTK_APPLICATION (app), context, session (), NULL);
    gtk_window_present (GTK_WINDOW (window));
    bk_ui_test_iterate (200);
  }

  /* The start page has been said (reading counts as use until it ends). */
  bk_voice_stop (voice);
  bk_ui_test_iterate (50);

  /* A citizen begins. */
  bk_session_note_activity (session ());
  g_assert_cmpint (bk_session_get_state (session ()), ==, BK_SESSION_ACTIVE);
}

static void
fixture_clear (Fixture       *f,
               gconstpointer  data)
{
  BkVoice *voice = bk_application_get_voice (app);

  bk_voice_stop (voice);
  g_signal_handler_disconnect (voice, f->said_handler);
  g_signal_handler_disconnect (voice, f->cue_handler);
  g_signal_handler_disconnect (app, f->reset_handler);
  bk_session_note_activity (session ());
  bk_application_reset_session (app);
  gtk_window_destroy (GTK_WINDOW (bk_ui_test_current_window (app)));
  bk_ui_test_iterate (50);
  g_clear_pointer (&f->said, g_ptr_array_unref);
  g_clear_pointer (&f->cues, g_array_unref);
  g_clear_object (&f->store);
}

static GtkWidget *
search_entry (BkWindow *window)
{
  return bk_motion_list_page_get_search_entry (BK_MOTION_LIST_PAGE (bk_window_get_page (window, "motions")));
}

static GtkEventController *
find_controller (GtkWidget  *widget,
                 const char *name)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (g_strcmp0 (gtk_event_controller_get_name (controller), name) == 0)
        return controller;
    }
  g_assert_not_reached ();
}

/* A key as the window's key router sees it; TRUE if it was taken. */
static gboolean
press_key (BkWindow *window,
           guint     keyval)
{
  GtkEventController *keys = find_controller (GTK_WIDGET (window), "bk-key-router");
  gboolean taken = FALSE;

  g_signal_emit_by_name (keys, "key-pressed", keyval, 0, 0, &taken);
  return taken;
}

static void
enter_search (Fixture    *f,
              const char *text)
{
  BkWindow *window = bk_ui_test_current_window (app);

  bk_ui_test_open_page (window, "win.show-motions", NULL);
  gtk_editable_set_text (GTK_EDITABLE (search_entry (window)), text);
  bk_ui_test_iterate (100);
  /* The kiosk says the page and the count: reading counts as use until it
   * ends, and the citizen here does not wait for it. */
  bk_voice_stop (bk_window_get_voice (window));
  bk_ui_test_iterate (100);
}

static void
test_warning (Fixture       *f,
              gconstpointer  data)
{
  BkWindow *window = bk_ui_test_current_window (app);
  GtkWidget *warning = bk_session_get_warning (session (), GTK_WINDOW (window));
  int timeout = bk_settings_get_int (settings (), "idle-timeout");
  int wait = bk_settings_get_int (settings (), "idle-warning");

  enter_search (f, "Rampe");
  g_assert_false (gtk_widget_get_visible (warning));

  /* Just before the timeout nothing happens. */
  bk_session_advance_for_testing (session (), timeout - 2);
  g_assert_cmpint (bk_session_get_state (session ()), ==, BK_SESSION_ACTIVE);
  g_assert_false (gtk_widget_get_visible (warning));

  bk_session_advance_for_testing (session (), 2);
  bk_ui_test_iterate (100);
  g_assert_cmpint (bk_session_get_state (session ()), ==, BK_SESSION_WARNING);
  g_assert_true (gtk_widget_get_visible (warning));
  g_assert_true (gtk_widget_get_mapped (warning));
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (warning)), ==, GTK_ACCESSIBLE_ROLE_ALERT);
  g_assert_cmpint (bk_session_get_remaining (session ()), ==, wait);
  {
    g_autofree char *words = bk_idle_warning_dup_remaining_words (wait);

    g_assert_cmpstr (bk_idle_warning_get_remaining_text (BK_IDLE_WARNING (warning)), ==, words);
  }
  /* Spoken, with a sound, and the focus on Continue. */
  g_assert_true (wait_for_said (f, "Are you still there?"));
  g_assert_cmpuint (f->cues->len, >=, 1);
  g_assert_cmpint (g_array_index (f->cues, int, f->cues->len - 1), ==, BK_EARCON_ERROR);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) ==
                 bk_idle_warning_get_continue_button (BK_IDLE_WARNING (warning)));

  /* The countdown: a new figure at most every 5 s, and said at 10 s. */
  bk_session_advance_for_testing (session (), 3);
  g_assert_cmpint (bk_session_get_remaining (session ()), ==, wait);
  bk_session_advance_for_testing (session (), wait - 3 - 10);
  {
    /* Real time passes too while the test waits for speech. */
    int left = bk_session_get_remaining (session ());
    g_autofree char *words = bk_idle_warning_dup_remaining_words (left);

    g_assert_cmpint (left, <=, 10);
    g_assert_cmpint (left, >, 5);
    g_assert_cmpstr (bk_idle_warning_get_remaining_text (BK_IDLE_WARNING (warning)), ==, words);
    g_assert_true (wait_for_said (f, words));
  }

  /* Continue keeps everything. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "app.session-continue", NULL));
  bk_ui_test_iterate (100);
  g_assert_cmpint (bk_session_get_state (session ()), ==, BK_SESSION_ACTIVE);
  g_assert_false (gtk_widget_get_visible (warning));
  g_assert_true (bk_ui_test_current_window (app) == window);
  g_assert_cmpstr (bk_window_get_page_name (window), ==, "motions");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (search_entry (window))), ==, "Rampe");
  g_assert_cmpuint (f->resets, ==, 0);

  /* The time starts again from Continue. */
  bk_session_advance_for_testing (session (), timeout - 1);
  g_assert_cmpint (bk_session_get_state (session ()), ==, BK_SESSION_ACTIVE);
}

/* The kiosk reading a long motion to a citizen who listens: no warning in
 * the middle of it; the time starts again when the reading ends. */
static void
test_reading_is_activity (Fixture       *f,
                          gconstpointer  data)
{
  BkWindow *window = bk_ui_test_current_window (app);
  BkVoice *voice = bk_window_get_voice (window);
  int timeout = bk_settings_get_int (settings (), "idle-timeout");

  enter_search (f, "Rampe");
  /* What the voice reports while it reads (the utterance of a read-aloud). */
  g_signal_emit_by_name (voice, "utterance-started", 4711u, "Ein sehr langer Antrag …");
  bk_session_advance_for_testing (session (), timeout + 60);
  g_assert_cmpint (bk_session_get_state (session ()), ==, BK_SESSION_ACTIVE);
  bk_session_advance_for_testing (session (), 3 * timeout);
  g_assert_cmpint (bk_session_get_state (session ()), ==, BK_SESSION_ACTIVE);

  /* Another utterance ending does not end this one. */
  g_signal_emit_by_name (voice, "utterance-finished", 4712u, FALSE);
  bk_session_advance_for_testing (session (), timeout);
  g_assert_cmpint (bk_session_get_state (session ()), ==, BK_SESSION_ACTIVE);

  /* The reading ends: the timeout counts from here. */
  g_signal_emit_by_name (voice, "utterance-finished", 4711u, FALSE);
  bk_session_advance_for_testing (session (), timeout - 2);
  g_assert_cmpint (bk_session_get_state (session ()), ==, BK_SESSION_ACTIVE);
  bk_session_advance_for_testing (session (), 2);
  g_assert_cmpint (bk_session_get_state (session ()), ==, BK_SESSION_WARNING);
  g_assert_cmpuint (f->resets, ==, 0);
}

static void
test_key_continues (Fixture       *f,
                    gconstpointer  data)
{
  BkWindow *window = bk_ui_test_current_window (app);

  enter_search (f, "Rampe");
  g_assert_false (press_key (window, GDK_KEY_a));   /* in use: the key goes on */

  bk_session_advance_for_testing (session (), bk_settings_get_int (settings (), "idle-timeout"));
  g_assert_cmpint (bk_session_get_state (session ()), ==, BK_SESSION_WARNING);

  /* Any key continues, and only continues. */
  g_assert_true (press_key (window, GDK_KEY_Escape));
  bk_ui_test_iterate (50);
  g_assert_cmpint (bk_session_get_state (session ()), ==, BK_SESSION_ACTIVE);
  g_assert_cmpstr (bk_window_get_page_name (window), ==, "motions");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (search_entry (window))), ==, "Rampe");
}

static void
test_reset (Fixture       *f,
            gconstpointer  data)
{
  BkWindow *window = bk_ui_test_current_window (app);
  BkWindow *fresh;
  int timeout = bk_settings_get_int (settings (), "idle-timeout");
  int wait = bk_settings_get_int (settings (), "idle-warning");

  enter_search (f, "Rampe");
  bk_ui_test_open_page (window, "win.open-motion", g_variant_new_int64 (f->motion_id));
  g_assert_cmpstr (bk_window_get_page_name (window), ==, "motion");
  bk_settings_set_int (settings (), "text-scale", 200);
  bk_settings_set_string (settings (), "theme", "yellow-on-black");
  bk_settings_set_boolean (settings (), "explore-mode", TRUE);
  /* The citizen walks away without waiting for what is said. */
  bk_voice_stop (bk_window_get_voice (window));
  bk_ui_test_iterate (100);

  bk_session_advance_for_testing (session (), timeout);
  g_assert_cmpint (bk_session_get_state (session ()), ==, BK_SESSION_WARNING);
  bk_session_advance_for_testing (session (), wait - 1);
  g_assert_cmpuint (f->resets, ==, 0);
  bk_session_advance_for_testing (session (), 1);
  bk_ui_test_iterate (200);

  g_assert_cmpuint (f->resets, ==, 1);
  g_assert_cmpint (bk_session_get_state (session ()), ==, BK_SESSION_IDLE);

  /* A new window on the start page, nothing of the session in it. */
  fresh = bk_ui_test_current_window (app);
  g_assert_true (fresh != window);
  g_assert_cmpstr (bk_window_get_page_name (fresh), ==, "home");
  g_assert_false (gtk_widget_get_visible (bk_window_get_back_button (fresh)));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (fresh), "win.back", NULL) &&
                  g_strcmp0 (bk_window_get_page_name (fresh), "home") != 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (search_entry (fresh))), ==, "");
  g_assert_false (gtk_widget_get_visible (bk_session_get_warning (session (), GTK_WINDOW (fresh))));

  /* The citizen's settings are the kiosk's again. */
  g_assert_cmpint (bk_settings_get_int (settings (), "text-scale"), ==, 100);
  g_assert_cmpstr (bk_settings_get_string (settings (), "theme"), ==, "standard");
  g_assert_false (bk_settings_get_boolean (settings (), "explore-mode"));
  /* The staff's are not touched. */
  g_assert_cmpint (bk_settings_get_int (settings (), "idle-timeout"), ==, timeout);

  /* Nobody came back: no second reset. */
  bk_session_advance_for_testing (session (), timeout + wait);
  g_assert_cmpuint (f->resets, ==, 1);
}

static void
test_attract (Fixture       *f,
              gconstpointer  data)
{
  int timeout = bk_settings_get_int (settings (), "idle-timeout");
  int wait = bk_settings_get_int (settings (), "idle-warning");
  int attract = bk_settings_get_int (settings (), "attract-after");
  int dim = bk_settings_get_int (settings (), "dim-after");
  BkWindow *window;
  GtkWidget *screen;
  GtkWidget *shade;

  g_assert_cmpint (attract, >, timeout + wait);
  g_assert_cmpint (dim, >, attract);

  bk_session_advance_for_testing (session (), timeout + wait);
  bk_ui_test_iterate (200);
  window = bk_ui_test_current_window (app);
  screen = bk_session_get_attract (session (), GTK_WINDOW (window));
  shade = bk_session_get_dim_layer (session (), GTK_WINDOW (window));
  g_assert_false (gtk_widget_get_visible (screen));

  bk_session_advance_for_testing (session (), attract - timeout - wait);
  bk_ui_test_iterate (50);
  g_assert_cmpint (bk_session_get_state (session ()), ==, BK_SESSION_ATTRACT);
  g_assert_true (gtk_widget_get_visible (screen));
  g_assert_true (gtk_widget_get_mapped (screen));
  g_assert_false (gtk_widget_get_visible (shade));
  {
    g_autofree char *text = bk_attract_dup_text (BK_ATTRACT (screen));

    /* The kiosk's language after the reset, whichever it is */
    g_assert_nonnull (strstr (text, g_dgettext (GETTEXT_PACKAGE, "Touch the screen or press a key to start")));
  }

  bk_session_advance_for_testing (session (), dim - attract);
  bk_ui_test_iterate (50);
  g_assert_cmpint (bk_session_get_state (session ()), ==, BK_SESSION_DIMMED);
  g_assert_true (gtk_widget_get_visible (shade));
  g_assert_true (gtk_widget_get_visible (screen));

  /* The first key only removes it: Alt+Home's F2 would open the panel. */
  g_assert_true (press_key (window, GDK_KEY_F2));
  bk_ui_test_iterate (50);
  g_assert_cmpint (bk_session_get_state (session ()), ==, BK_SESSION_ACTIVE);
  g_assert_false (gtk_widget_get_visible (screen));
  g_assert_false (gtk_widget_get_visible (shade));
  g_assert_cmpstr (bk_window_get_page_name (window), ==, "home");

  /* The second key works as usual: F2 (also the keypad's Accessibility
   * key) opens the panel. */
  g_assert_true (press_key (window, GDK_KEY_F2));
  bk_ui_test_iterate (50);
  g_assert_cmpstr (bk_window_get_page_name (window), ==, "accessibility");
}

static void
test_touch_dismisses (Fixture       *f,
                      gconstpointer  data)
{
  BkWindow *window;
  GtkEventController *click;
  int attract = bk_settings_get_int (settings (), "attract-after");

  bk_session_advance_for_testing (session (), attract);
  bk_ui_test_iterate (200);
  g_assert_cmpint (bk_session_get_state (session ()), ==, BK_SESSION_ATTRACT);

  window = bk_ui_test_current_window (app);
  click = find_controller (GTK_WIDGET (window), "bk-session-clicks");
  g_signal_emit_by_name (click, "pressed", 1, 10.0, 10.0);
  bk_ui_test_iterate (50);
  g_assert_cmpint (bk_session_get_state (session ()), ==, BK_SESSION_ACTIVE);
  g_assert_false (gtk_widget_get_visible (bk_session_get_attract (session (), GTK_WINDOW (window))));
}

static void
test_kiosk_close_refused (Fixture       *f,
                          gconstpointer  data)
{
  BkWindow *window = bk_ui_test_current_window (app);
  gboolean refused = FALSE;

  g_assert_true (bk_application_get_kiosk (app));
  g_assert_false (gtk_window_get_deletable (GTK_WINDOW (window)));
  g_assert_false (gtk_window_get_decorated (GTK_WINDOW (window)));

  g_signal_emit_by_name (window, "close-request", &refused);
  g_assert_true (refused);

  /* Alt+F4 or the compositor's close: the window stays. */
  gtk_window_close (GTK_WINDOW (window));
  bk_ui_test_iterate (50);
  g_assert_true (bk_ui_test_current_window (app) == window);

  /* One instance only: the application is not registered non-unique. */
  g_assert_false (g_application_get_flags (G_APPLICATION (app)) & G_APPLICATION_NON_UNIQUE);
}

static GtkWidget *
find_mapped_selectable_label (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_label_get_selectable (GTK_LABEL (widget)) &&
      gtk_widget_get_mapped (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_mapped_selectable_label (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_popover (GtkWidget *parent)
{
  for (GtkWidget *child = gtk_widget_get_first_child (parent); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child))
      return child;
  return NULL;
}

/* GTK's own surfaces in kiosk mode (bk-lockdown.c; the real key bindings and
 * clicks over X: tests/ui/test-lockdown.py). */
static void
test_kiosk_toolkit_surfaces (Fixture       *f,
                             gconstpointer  data)
{
  BkWindow *window = bk_ui_test_current_window (app);
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = g_list_model_get_n_items (toplevels);
  gboolean handled = FALSE;
  GtkWidget *stray, *label, *popover;

  /* The Inspector's key-binding signal, whatever emits it. */
  g_signal_emit_by_name (window, "enable-debugging", FALSE, &handled);
  g_assert_true (handled);
  g_signal_emit_by_name (window, "enable-debugging", TRUE, &handled);
  bk_ui_test_iterate (100);
  g_assert_cmpuint (g_list_model_get_n_items (toplevels), ==, n);

  /* The key bindings of the Inspector, the emoji chooser, the context menu. */
  g_assert_true (bk_lockdown_refuses_key (GDK_KEY_I, GDK_CONTROL_MASK | GDK_SHIFT_MASK));
  g_assert_true (bk_lockdown_refuses_key (GDK_KEY_d, GDK_CONTROL_MASK | GDK_SHIFT_MASK));
  g_assert_true (bk_lockdown_refuses_key (GDK_KEY_period, GDK_CONTROL_MASK));
  g_assert_true (bk_lockdown_refuses_key (GDK_KEY_semicolon, GDK_CONTROL_MASK));
  g_assert_true (bk_lockdown_refuses_key (GDK_KEY_F10, GDK_SHIFT_MASK));
  g_assert_true (bk_lockdown_refuses_key (GDK_KEY_Menu, 0));
  /* and nothing a citizen needs */
  g_assert_false (bk_lockdown_refuses_key (GDK_KEY_i, GDK_CONTROL_MASK));
  g_assert_false (bk_lockdown_refuses_key (GDK_KEY_I, GDK_SHIFT_MASK));
  g_assert_false (bk_lockdown_refuses_key (GDK_KEY_period, 0));
  g_assert_false (bk_lockdown_refuses_key (GDK_KEY_Tab, GDK_SHIFT_MASK));
  g_assert_false (bk_lockdown_refuses_key (GDK_KEY_F1, 0));
  g_assert_false (bk_lockdown_refuses_key (GDK_KEY_KP_Enter, 0));

  /* A window that is not the kiosk's (the Inspector) is closed at once. */
  stray = gtk_window_new ();
  g_object_add_weak_pointer (G_OBJECT (stray), (gpointer *) &stray);
  gtk_window_present (GTK_WINDOW (stray));
  bk_ui_test_iterate (200);
  g_assert_null (stray);
  g_assert_cmpuint (g_list_model_get_n_items (toplevels), ==, n);

  /* A label's context menu, as a long touch opens it, is closed again. */
  bk_ui_test_open_page (window, "win.open-motion", g_variant_new_int64 (f->motion_id));
  label = find_mapped_selectable_label (GTK_WIDGET (window));
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_activate_action (label, "menu.popup", NULL));
  bk_ui_test_iterate (300);
  popover = find_popover (label);
  g_assert_true (popover == NULL || !gtk_widget_get_visible (popover));
}

static void
test_settings_limits (void)
{
  int before = bk_settings_get_int (settings (), "idle-warning");

  /* At least 20 s to answer (WCAG 2.2.1). */
  bk_settings_set_int (settings (), "idle-warning", 5);
  g_assert_cmpint (bk_settings_get_int (settings (), "idle-warning"), ==, 20);
  bk_settings_set_int (settings (), "idle-warning", before);
  g_assert_false (bk_settings_is_session_key ("idle-timeout"));
  g_assert_false (bk_settings_is_session_key ("dim-after"));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  bk_i18n_init (FALSE);
  bk_ui_test_init (&argc, &argv);

  app = bk_application_new ();
  bk_application_set_kiosk (app, TRUE);
  bk_application_set_speech_output (app, BK_SPEECH_OUTPUT_MEMORY);
  /* Unique, as the kiosk runs; the test's own bus has no other instance. */
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("could not start the application: %s", error->message);
  g_application_hold (G_APPLICATION (app));
  bk_settings_set_string (settings (), "language", "en");
  bk_i18n_set_language ("en", FALSE);
  bk_application_apply_language (app);

#define ADD(path, func) \
  g_test_add ("/session/" path, Fixture, NULL, fixture_init, func, fixture_clear)
  ADD ("warning", test_warning);
  ADD ("reading-is-activity", test_reading_is_activity);
  ADD ("key-continues", test_key_continues);
  ADD ("reset", test_reset);
  ADD ("attract", test_attract);
  ADD ("touch-dismisses", test_touch_dismisses);
  ADD ("kiosk-close-refused", test_kiosk_close_refused);
  ADD ("kiosk-toolkit-surfaces", test_kiosk_toolkit_surfaces);
#undef ADD
  g_test_add_func ("/session/settings-limits", test_settings_limits);

  status = g_test_run ();

  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);
  return status;
}
