/* test-help.c: layered help over the page, and the keypad tutorial
 *
 * Runs with GTK_A11Y=test under gui-run.sh, with speech kept in memory as in
 * test-voice.c. The interface is in English (LC_ALL=C.UTF-8). Keys are fed
 * to the key controllers the way GTK propagates them (capture phase first),
 * and the F1 binding is taken from the window's own shortcuts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "bk-ui-test-util.h"
#include "bk-config.h"

#include <adwaita.h>

#include "bk-application.h"
#include "bk-help.h"
#include "bk-page.h"
#include "bk-help-overlay.h"
#include "bk-home-page.h"
#include "bk-tutorial-page.h"
#include "bk-ui.h"
#include "bk-voice.h"
#include "bk-window.h"

static BkApplication *app;

/* ---- helpers ------------------------------------------------------------ */

typedef struct
{
  BkStore   *store;
  gint64     motion_id;
  GPtrArray *said;
  gulong     handler;
  BkWindow  *window;
} Fixture;

static void
fixture_init (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BkMotion) motion = bk_motion_new ();

  f->store = bk_store_open (NULL, 0, &error);
  g_assert_no_error (error);

  motion->subject = g_strdup ("Rampe am Rathauseingang");
  motion->body = g_strdup ("Kreistag");
  motion->date = g_strdup ("2026-01-10");
  motion->justification = g_strdup ("Vor der Tür sind drei hohe Stufen.");
  bk_motion_add_point (motion, "Der Kreis baut eine Rampe.");
  g_assert_true (bk_store_save_motion (f->store, motion, &error));
  g_assert_no_error (error);
  f->motion_id = motion->id;

  f->said = bk_ui_test_said_new (bk_application_get_voice (app), &f->handler);

  f->window = bk_ui_test_app_window_new (app, f->store);
  bk_ui_test_iterate (100);
}

static void
fixture_clear (Fixture *f)
{
  bk_ui_test_window_destroy (f->window);
  bk_voice_stop (bk_application_get_voice (app));
  g_signal_handler_disconnect (bk_application_get_voice (app), f->handler);
  g_clear_pointer (&f->said, g_ptr_array_unref);
  g_clear_object (&f->store);
  bk_application_reset_session (app);
  bk_settings_set_keypad_map (bk_application_get_settings (app),
                              bk_settings_dup_kiosk_default (bk_application_get_settings (app), "keypad-map"));
}

static gboolean
speech_available (void)
{
  return bk_application_get_speech (app) != NULL;
}

static void
forget_said (Fixture *f)
{
  g_ptr_array_set_size (f->said, 0);
}

/* Waits until an utterance containing needle has started; TRUE without
 * speech (then there is nothing to hear). */
static gboolean
heard (Fixture    *f,
       const char *needle)
{
  return !speech_available () || bk_ui_test_said_wait (f->said, needle, 5) != NULL;
}

/* A key press as GTK delivers it to one widget: its key controllers,
 * capture phase first, until one takes it. */
static gboolean
send_key_to (GtkWidget       *widget,
             guint            keyval,
             GdkModifierType  state)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  static const GtkPropagationPhase phases[] = { GTK_PHASE_CAPTURE, GTK_PHASE_BUBBLE };

  for (guint p = 0; p < G_N_ELEMENTS (phases); p++)
    for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
      {
        g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
        gboolean handled = FALSE;

        if (!GTK_IS_EVENT_CONTROLLER_KEY (controller) ||
            gtk_event_controller_get_propagation_phase (controller) != phases[p])
          continue;

        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
        if (handled)
          return TRUE;
      }

  return FALSE;
}

static void
send_release (Fixture         *f,
              guint            keyval,
              GdkModifierType  state)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (f->window));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-released", keyval, 0, state);
    }
}

/* The window's capture phase, then the focus widget and its ancestors. */
static gboolean
send_press (Fixture         *f,
            guint            keyval,
            GdkModifierType  state)
{
  GtkWidget *window = GTK_WIDGET (f->window);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (window);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller) &&
          gtk_event_controller_get_propagation_phase (controller) == GTK_PHASE_CAPTURE)
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
    }

  for (GtkWidget *w = gtk_root_get_focus (GTK_ROOT (window)); w != NULL && w != window && !handled;
       w = gtk_widget_get_parent (w))
    handled = send_key_to (w, keyval, state);

  bk_ui_test_iterate (20);
  return handled;
}

/* A key pressed and released. */
static gboolean
send_key (Fixture         *f,
          guint            keyval,
          GdkModifierType  state)
{
  gboolean handled = send_press (f, keyval, state);

  send_release (f, keyval, state);
  bk_ui_test_iterate (10);
  return handled;
}

/* Activates what the window's own shortcut for keyval does (F1). */
static gboolean
press_shortcut (Fixture *f,
                guint    keyval)
{
  gboolean done = bk_ui_test_activate_shortcut (f->window, keyval);

  bk_ui_test_iterate (20);
  return done;
}

static BkHelpOverlay *
get_overlay (Fixture *f)
{
  return BK_HELP_OVERLAY (bk_window_get_help_overlay (f->window));
}

static GtkWidget *
get_focus (Fixture *f)
{
  return gtk_root_get_focus (GTK_ROOT (f->window));
}

/* ---- help ---------------------------------------------------------------- */

/* Every page the window has, also ones added later, has its own screen
 * help, and at least two layers wherever the focus is. */
static void
test_every_page (void)
{
  Fixture f;
  g_auto(GStrv) names = NULL;

  fixture_init (&f);
  names = bk_window_dup_page_names (f.window);
  g_assert_cmpuint (g_strv_length (names), >=, 6);

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) layers = NULL;
      BkHelpOverlay *overlay = get_overlay (&f);

      g_test_message ("page %s", names[i]);
      g_assert_true (bk_window_show_page (f.window, names[i],
                                          g_str_equal (names[i], "motion") ? f.motion_id : 0));
      bk_ui_test_iterate (50);
      g_assert_cmpstr (bk_window_get_page_name (f.window), ==, names[i]);

      if (bk_page_get_help_text (BK_PAGE (bk_window_get_page (f.window, names[i]))) == NULL)
        g_error ("the page “%s” has no screen help (BkPage get_help_text)", names[i]);

      layers = bk_help_collect (get_focus (&f),
                                bk_page_get_help_text (BK_PAGE (bk_window_get_page (f.window, names[i]))));
      g_assert_cmpuint (layers->len, >=, 2);
      for (guint l = 0; l < layers->len; l++)
        {
          BkHelpEntry *entry = g_ptr_array_index (layers, l);

          g_assert_nonnull (entry->text);
          g_assert_cmpuint (strlen (entry->text), >, 10);
        }

      /* And the overlay shows them. */
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.help", NULL));
      g_assert_true (bk_help_overlay_is_open (overlay));
      g_assert_cmpuint (bk_help_overlay_get_n_layers (overlay), >=, 2);
      g_assert_cmpuint (bk_help_overlay_get_n_layers (overlay), ==, layers->len);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.help", NULL));
      g_assert_false (bk_help_overlay_is_open (overlay));
    }

  /* Without an item there is no item layer, but still two. */
  {
    g_autoptr(GPtrArray) layers = bk_help_collect (NULL, "home");

    g_assert_cmpuint (layers->len, ==, 2);
    g_assert_cmpint (((BkHelpEntry *)g_ptr_array_index (layers, 0))->layer, ==, BK_HELP_LAYER_SCREEN);
  }

  fixture_clear (&f);
}

static void
test_open_close (void)
{
  Fixture f;
  BkHelpOverlay *overlay;
  GtkWidget *services;

  fixture_init (&f);
  overlay = get_overlay (&f);
  services = bk_home_page_get_choice (BK_HOME_PAGE (bk_window_get_page (f.window, "home")), 0);
  gtk_widget_grab_focus (services);
  bk_ui_test_iterate (50);
  forget_said (&f);

  /* F1 opens: help about the focused item first. */
  g_assert_true (press_shortcut (&f, GDK_KEY_F1));
  g_assert_true (bk_help_overlay_is_open (overlay));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (overlay)));
  g_assert_true (get_focus (&f) == GTK_WIDGET (overlay));
  g_assert_true (bk_help_overlay_get_item (overlay) == services);
  g_assert_true (gtk_widget_has_css_class (services, "bk-help-item"));
  g_assert_cmpuint (bk_help_overlay_get_n_layers (overlay), ==, 3);
  g_assert_cmpint (bk_help_overlay_get_layer_kind (overlay), ==, BK_HELP_LAYER_ITEM);
  g_assert_cmpstr (bk_help_overlay_get_heading (overlay), ==, "Help: this item");
  g_assert_nonnull (strstr (bk_help_overlay_get_text (overlay), "Services, button"));
  g_assert_nonnull (strstr (bk_help_overlay_get_text (overlay), "Opens the services of the administration."));
  g_assert_cmpstr (bk_help_overlay_get_position (overlay), ==, "Layer 1 of 3");
  g_assert_true (heard (&f, "Help: this item. Services, button"));
  g_assert_true (heard (&f, "Layer 1 of 3. Down: more help. Action: repeat. Help: close."));
  /* The panel shows what is said: the caption bar makes room for it. */
  g_assert_false (bk_window_get_caption_visible (f.window));

  /* Escape closes; the focus goes back. */
  g_assert_true (send_key (&f, GDK_KEY_Escape, 0));
  g_assert_false (bk_help_overlay_is_open (overlay));
  g_assert_true (get_focus (&f) == services);
  g_assert_false (gtk_widget_has_css_class (services, "bk-help-item"));
  g_assert_true (bk_window_get_caption_visible (f.window) == speech_available ());
  /* Escape did not also go back a page. */
  g_assert_cmpstr (bk_window_get_page_name (f.window), ==, "home");

  /* F1 again opens, F1 (or the Help key's win.help) closes. */
  g_assert_true (press_shortcut (&f, GDK_KEY_F1));
  g_assert_true (bk_help_overlay_is_open (overlay));
  g_assert_true (press_shortcut (&f, GDK_KEY_F1));
  g_assert_false (bk_help_overlay_is_open (overlay));
  g_assert_true (get_focus (&f) == services);

  /* The Help button in the header does it too (a touch focuses it). */
  gtk_widget_grab_focus (bk_window_get_help_button (f.window));
  g_signal_emit_by_name (bk_window_get_help_button (f.window), "clicked");
  bk_ui_test_iterate (20);
  g_assert_true (bk_help_overlay_is_open (overlay));
  /* The button is the item then: its own help comes first. */
  g_assert_nonnull (strstr (bk_help_overlay_get_text (overlay), "Opens help"));

  /* Touching something else leaves the help; the focus stays there. */
  gtk_widget_grab_focus (bk_home_page_get_choice (BK_HOME_PAGE (bk_window_get_page (f.window, "home")), 1));
  bk_ui_test_iterate (20);
  g_assert_false (bk_help_overlay_is_open (overlay));
  g_assert_true (get_focus (&f) == bk_home_page_get_choice (BK_HOME_PAGE (bk_window_get_page (f.window, "home")), 1));

  fixture_clear (&f);
}

static void
test_layers (void)
{
  Fixture f;
  BkHelpOverlay *overlay;
  const char *screen;

  fixture_init (&f);
  overlay = get_overlay (&f);
  bk_ui_test_open_page (f.window, "win.show-motions", NULL);
  g_assert_cmpstr (bk_window_get_page_name (f.window), ==, "motions");
  g_assert_true (press_shortcut (&f, GDK_KEY_F1));
  g_assert_true (bk_help_overlay_is_open (overlay));
  g_assert_cmpuint (bk_help_overlay_get_n_layers (overlay), ==, 3);

  /* The panel keeps away from the item it explains (the search field at
   * the top): the item and its focus ring stay in sight. */
  {
    GtkWidget *item = bk_help_overlay_get_item (overlay);
    graphene_rect_t item_bounds, help_bounds;

    g_assert_nonnull (item);
    bk_ui_test_iterate (50);
    g_assert_true (gtk_widget_compute_bounds (item, GTK_WIDGET (f.window), &item_bounds));
    g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (overlay), GTK_WIDGET (f.window), &help_bounds));
    g_assert_cmpfloat (help_bounds.size.height, >, 100);
    g_assert_false (graphene_rect_intersection (&item_bounds, &help_bounds, NULL));
  }

  /* Down: the screen. */
  forget_said (&f);
  g_assert_true (send_key (&f, GDK_KEY_Down, 0));
  g_assert_cmpuint (bk_help_overlay_get_layer (overlay), ==, 1);
  screen = bk_page_get_help_text (BK_PAGE (bk_window_get_page (f.window, "motions")));
  g_assert_cmpstr (bk_help_overlay_get_heading (overlay), ==, "Help: this screen");
  g_assert_cmpstr (bk_help_overlay_get_text (overlay), ==, screen);
  g_assert_cmpstr (bk_help_overlay_get_position (overlay), ==, "Layer 2 of 3");
  g_assert_true (heard (&f, "Help: this screen. This screen lists the council motions."));
  g_assert_true (heard (&f, "Layer 2 of 3. Down: more help. Up: back. Action: repeat. Help: close."));

  /* Down: the kiosk, with the way to the tutorial. */
  forget_said (&f);
  g_assert_true (send_key (&f, GDK_KEY_Down, 0));
  g_assert_cmpuint (bk_help_overlay_get_layer (overlay), ==, 2);
  g_assert_cmpstr (bk_help_overlay_get_heading (overlay), ==, "Help: using the kiosk");
  g_assert_cmpstr (bk_help_overlay_get_text (overlay), ==, bk_help_get_kiosk_text ());
  g_assert_true (heard (&f, "Layer 3 of 3. Up: back. Action: repeat. Help: close."));

  /* No further: the layer stays. */
  g_assert_false (bk_help_overlay_next_layer (overlay));
  g_assert_cmpuint (bk_help_overlay_get_layer (overlay), ==, 2);

  /* Up: back to the screen. */
  g_assert_true (send_key (&f, GDK_KEY_Up, 0));
  g_assert_cmpuint (bk_help_overlay_get_layer (overlay), ==, 1);

  /* Enter (Action) repeats what was said. */
  forget_said (&f);
  g_assert_true (send_key (&f, GDK_KEY_Return, 0));
  g_assert_cmpuint (bk_help_overlay_get_layer (overlay), ==, 1);
  g_assert_true (heard (&f, "Help: this screen. This screen lists the council motions."));

  /* The keypad's commands reach the help through the window's actions. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "help.previous-layer", NULL));
  g_assert_cmpuint (bk_help_overlay_get_layer (overlay), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "help.next-layer", NULL));
  g_assert_cmpuint (bk_help_overlay_get_layer (overlay), ==, 1);
  forget_said (&f);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "help.repeat", NULL));
  g_assert_true (heard (&f, "Layer 2 of 3"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "help.close", NULL));
  g_assert_false (bk_help_overlay_is_open (overlay));
  g_assert_cmpstr (bk_window_get_page_name (f.window), ==, "motions");

  fixture_clear (&f);
}

static void
test_help_to_tutorial (void)
{
  Fixture f;
  BkHelpOverlay *overlay;

  fixture_init (&f);
  overlay = get_overlay (&f);
  g_assert_true (press_shortcut (&f, GDK_KEY_F1));
  while (bk_help_overlay_next_layer (overlay))
    ;
  g_assert_cmpint (bk_help_overlay_get_layer_kind (overlay), ==, BK_HELP_LAYER_KIOSK);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (overlay), "win.show-tutorial", NULL));
  bk_ui_test_iterate (50);
  g_assert_false (bk_help_overlay_is_open (overlay));
  g_assert_cmpstr (bk_window_get_page_name (f.window), ==, "tutorial");

  /* Leave tutorial goes back where the citizen was. */
  g_assert_true (gtk_widget_activate_action (bk_window_get_page (f.window, "tutorial"), "tutorial.leave", NULL));
  bk_ui_test_iterate (50);
  g_assert_cmpstr (bk_window_get_page_name (f.window), ==, "home");

  fixture_clear (&f);
}

/* ---- tutorial ------------------------------------------------------------ */

static void
test_tutorial_steps (void)
{
  Fixture f;
  BkTutorialPage *tutorial;
  BkHelpOverlay *overlay;

  fixture_init (&f);
  overlay = get_overlay (&f);
  tutorial = BK_TUTORIAL_PAGE (bk_window_get_page (f.window, "tutorial"));
  forget_said (&f);
  bk_ui_test_open_page (f.window, "win.show-tutorial", NULL);
  g_assert_cmpstr (bk_window_get_page_name (f.window), ==, "tutorial");
  g_assert_cmpuint (bk_tutorial_page_get_n_steps (tutorial), ==, 7);
  g_assert_cmpuint (bk_tutorial_page_get_step (tutorial), ==, 0);
  g_assert_cmpstr (bk_tutorial_page_get_expected (tutorial), ==, "down");
  g_assert_true (heard (&f, "Step 1 of 7: Down"));

  /* A wrong key: named, corrected, no step further. */
  forget_said (&f);
  g_assert_true (send_key (&f, GDK_KEY_Up, 0));
  g_assert_cmpuint (bk_tutorial_page_get_step (tutorial), ==, 0);
  g_assert_cmpstr (bk_tutorial_page_get_feedback (tutorial), ==,
                   "That was Up. Please press Down, the lower yellow triangle.");
  g_assert_true (heard (&f, "That was Up. Please press Down, the lower yellow triangle."));

  /* 1: Down, held: its repeats are no second press (EN 301 549 5.7). */
  forget_said (&f);
  g_assert_true (send_press (&f, GDK_KEY_Down, 0));
  g_assert_cmpuint (bk_tutorial_page_get_step (tutorial), ==, 1);
  g_assert_true (send_press (&f, GDK_KEY_Down, 0));
  g_assert_true (send_press (&f, GDK_KEY_Down, 0));
  g_assert_cmpuint (bk_tutorial_page_get_step (tutorial), ==, 1);
  g_assert_null (strstr (bk_tutorial_page_get_feedback (tutorial), "That was"));
  send_release (&f, GDK_KEY_Down, 0);
  g_assert_true (heard (&f, "Right, that was Down. Step 2 of 7: Action."));

  /* 2: Action, as the keypad's 5 key (keypad-map) */
  g_assert_true (send_key (&f, GDK_KEY_KP_5, 0));
  g_assert_cmpuint (bk_tutorial_page_get_step (tutorial), ==, 2);

  /* 3: Up, as the keypad's 8 key */
  g_assert_true (send_key (&f, GDK_KEY_KP_8, 0));
  g_assert_cmpuint (bk_tutorial_page_get_step (tutorial), ==, 3);

  /* 4: Back, then Next. Escape teaches here, it does not leave. */
  g_assert_cmpstr (bk_tutorial_page_get_expected (tutorial), ==, "back");
  g_assert_true (send_key (&f, GDK_KEY_Escape, 0));
  g_assert_cmpstr (bk_window_get_page_name (f.window), ==, "tutorial");
  g_assert_cmpuint (bk_tutorial_page_get_step (tutorial), ==, 3);
  g_assert_cmpstr (bk_tutorial_page_get_expected (tutorial), ==, "next");
  g_assert_nonnull (strstr (bk_tutorial_page_get_feedback (tutorial), "Now press Next"));
  /* Back again is wrong now. */
  g_assert_true (send_key (&f, GDK_KEY_KP_7, 0));
  g_assert_cmpstr (bk_tutorial_page_get_feedback (tutorial), ==,
                   "That was Back. Please press Next, the key above Up, on the right.");
  g_assert_true (send_key (&f, GDK_KEY_Page_Down, 0));
  g_assert_cmpuint (bk_tutorial_page_get_step (tutorial), ==, 4);

  /* 5: Help; F1 teaches here and does not open the help. */
  g_assert_true (send_key (&f, GDK_KEY_F1, 0));
  g_assert_false (bk_help_overlay_is_open (overlay));
  g_assert_cmpuint (bk_tutorial_page_get_step (tutorial), ==, 5);

  /* 6: Quieter, then Louder */
  g_assert_true (send_key (&f, GDK_KEY_Up, GDK_CONTROL_MASK));
  g_assert_cmpuint (bk_tutorial_page_get_step (tutorial), ==, 5);
  g_assert_nonnull (strstr (bk_tutorial_page_get_feedback (tutorial), "That was Louder. Please press Quieter"));
  g_assert_true (send_key (&f, GDK_KEY_Down, GDK_CONTROL_MASK));
  g_assert_true (send_key (&f, GDK_KEY_KP_Page_Down, 0));
  g_assert_cmpuint (bk_tutorial_page_get_step (tutorial), ==, 6);
  g_assert_null (gtk_widget_get_visible (bk_tutorial_page_get_skip_button (tutorial)) ? "skip shown" : NULL);

  /* 7: done; Action goes to the start page. */
  g_assert_true (send_key (&f, GDK_KEY_Return, 0));
  g_assert_cmpstr (bk_window_get_page_name (f.window), ==, "home");

  /* Keys the tutorial does not teach are left alone. */
  bk_ui_test_open_page (f.window, "win.show-tutorial", NULL);
  g_assert_cmpuint (bk_tutorial_page_get_step (tutorial), ==, 0);
  g_assert_false (bk_page_handle_key (BK_PAGE (tutorial), GDK_KEY_a, 0));
  g_assert_false (bk_page_handle_key (BK_PAGE (tutorial), GDK_KEY_Tab, 0));

  fixture_clear (&f);
}

static void
test_tutorial_buttons (void)
{
  Fixture f;
  BkTutorialPage *tutorial;
  GtkWidget *skip;

  fixture_init (&f);
  tutorial = BK_TUTORIAL_PAGE (bk_window_get_page (f.window, "tutorial"));
  bk_ui_test_open_page (f.window, "win.show-tutorial", NULL);
  skip = bk_tutorial_page_get_skip_button (tutorial);

  /* The step has the focus, so Enter is the Action key there. */
  g_assert_true (gtk_widget_is_ancestor (get_focus (&f), GTK_WIDGET (tutorial)));
  g_assert_false (GTK_IS_BUTTON (get_focus (&f)));

  g_signal_emit_by_name (skip, "clicked");
  bk_ui_test_iterate (20);
  g_assert_cmpuint (bk_tutorial_page_get_step (tutorial), ==, 1);

  /* Enter on the Skip step button presses the button. */
  gtk_widget_grab_focus (skip);
  g_assert_false (bk_page_handle_key (BK_PAGE (tutorial), GDK_KEY_Return, 0));
  g_assert_cmpuint (bk_tutorial_page_get_step (tutorial), ==, 1);

  /* While the help is open over the tutorial, keys go to the help. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.help", NULL));
  g_assert_true (bk_help_overlay_is_open (get_overlay (&f)));
  g_assert_true (send_key (&f, GDK_KEY_Down, 0));
  g_assert_cmpuint (bk_help_overlay_get_layer (get_overlay (&f)), ==, 1);
  g_assert_cmpuint (bk_tutorial_page_get_step (tutorial), ==, 1);
  g_assert_true (send_key (&f, GDK_KEY_Escape, 0));
  g_assert_false (bk_help_overlay_is_open (get_overlay (&f)));
  g_assert_true (get_focus (&f) == skip);

  g_signal_emit_by_name (bk_tutorial_page_get_leave_button (tutorial), "clicked");
  bk_ui_test_iterate (50);
  g_assert_cmpstr (bk_window_get_page_name (f.window), ==, "home");

  fixture_clear (&f);
}

static guint n_keymap_warnings;

/* The kiosk logs structured, so the warnings about a broken keypad map are
 * taken here (and counted) instead of aborting the test: the navigator and
 * the tutorial share one keymap, so a bad map warns once. Everything else
 * goes on as usual. */
static GLogWriterOutput
log_writer (GLogLevelFlags   log_level,
            const GLogField *fields,
            gsize            n_fields,
            gpointer         user_data)
{
  const char *domain = NULL;
  const char *message = NULL;

  for (gsize i = 0; i < n_fields; i++)
    {
      if (g_str_equal (fields[i].key, "GLIB_DOMAIN"))
        domain = fields[i].value;
      else if (g_str_equal (fields[i].key, "MESSAGE"))
        message = fields[i].value;
    }

  if ((log_level & G_LOG_LEVEL_WARNING) && message != NULL && strstr (message, "no-such-key") != NULL)
    {
      if (g_strcmp0 (domain, "bk-keymap") == 0)
        {
          g_assert_nonnull (strstr (message, "“down”"));
          n_keymap_warnings++;
        }
      return G_LOG_WRITER_HANDLED;
    }

  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

static void
test_tutorial_keypad_map (void)
{
  Fixture f;
  BkTutorialPage *tutorial;
  BkSettings *settings = bk_application_get_settings (app);
  GVariantBuilder builder;
  const char *down[] = { "x", "no-such-key", NULL };
  const char *action[] = { "y", NULL };

  fixture_init (&f);
  tutorial = BK_TUTORIAL_PAGE (bk_window_get_page (f.window, "tutorial"));

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{sas}"));
  g_variant_builder_add (&builder, "{s^as}", "down", down);
  g_variant_builder_add (&builder, "{s^as}", "action", action);
  bk_settings_set_keypad_map (settings, g_variant_builder_end (&builder));
  bk_ui_test_iterate (20);

  bk_ui_test_open_page (f.window, "win.show-tutorial", NULL);
  n_keymap_warnings = 0;
  /* A USB keypad sending x for Down. */
  g_assert_true (send_key (&f, GDK_KEY_x, 0));
  g_assert_cmpuint (bk_tutorial_page_get_step (tutorial), ==, 1);
  g_assert_cmpuint (n_keymap_warnings, ==, 1);
  g_assert_true (send_key (&f, GDK_KEY_y, 0));
  g_assert_cmpuint (bk_tutorial_page_get_step (tutorial), ==, 2);
  /* Read once, not at every key. */
  g_assert_cmpuint (n_keymap_warnings, ==, 1);
  /* The keyboard's keys still work; the old keypad 8 does not any more. */
  g_assert_false (send_key (&f, GDK_KEY_KP_8, 0) && bk_tutorial_page_get_step (tutorial) == 3);
  g_assert_true (send_key (&f, GDK_KEY_Up, 0));
  g_assert_cmpuint (bk_tutorial_page_get_step (tutorial), ==, 3);

  fixture_clear (&f);
}

/* ---- accessibility ------------------------------------------------------- */

static void
check_named (GtkWidget *widget,
             GString   *problems)
{
  if (!gtk_widget_get_visible (widget))
    return;

  if (gtk_widget_get_focusable (widget) && gtk_widget_get_can_focus (widget))
    {
      g_autofree char *described = bk_voice_describe_widget (widget);
      GtkAccessibleRole role = gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget));

      if (described == NULL || g_str_has_prefix (described, "Gtk"))
        g_string_append_printf (problems, "  %s has no accessible name\n", G_OBJECT_TYPE_NAME (widget));
      if (role == GTK_ACCESSIBLE_ROLE_GENERIC || role == GTK_ACCESSIBLE_ROLE_NONE)
        g_string_append_printf (problems, "  %s (%s) has no role\n", G_OBJECT_TYPE_NAME (widget),
                                described ? described : "");
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    check_named (child, problems);
}

static void
test_accessible (void)
{
  Fixture f;
  g_autoptr(GString) problems = g_string_new (NULL);
  BkHelpOverlay *overlay;
  GtkWidget *tutorial;
  g_autofree char *described = NULL;

  fixture_init (&f);
  overlay = get_overlay (&f);
  tutorial = bk_window_get_page (f.window, "tutorial");

  gtk_test_accessible_assert_role (bk_window_get_help_button (f.window), GTK_ACCESSIBLE_ROLE_BUTTON);
  gtk_test_accessible_assert_property (bk_window_get_help_button (f.window),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Help");

  g_assert_true (press_shortcut (&f, GDK_KEY_F1));
  gtk_test_accessible_assert_role (overlay, GTK_ACCESSIBLE_ROLE_DIALOG);
  gtk_test_accessible_assert_property (overlay, GTK_ACCESSIBLE_PROPERTY_LABEL, "Help");
  described = bk_voice_describe_widget (GTK_WIDGET (overlay));
  /* A screen reader hears the layer on focus. */
  g_assert_nonnull (strstr (described, "Help: this item."));
  check_named (GTK_WIDGET (overlay), problems);
  /* Headings: the layer's is level 2. */
  {
    GtkWidget *heading = NULL;

    for (GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (overlay)); w != NULL; )
      {
        if (GTK_IS_LABEL (w) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (w)), "Help: this item") == 0)
          {
            heading = w;
            break;
          }
        if (gtk_widget_get_first_child (w) != NULL)
          w = gtk_widget_get_first_child (w);
        else
          {
            while (w != NULL && gtk_widget_get_next_sibling (w) == NULL && w != GTK_WIDGET (overlay))
              w = gtk_widget_get_parent (w);
            w = (w == NULL || w == GTK_WIDGET (overlay)) ? NULL : gtk_widget_get_next_sibling (w);
          }
      }
    g_assert_nonnull (heading);
    gtk_test_accessible_assert_role (heading, GTK_ACCESSIBLE_ROLE_HEADING);
    gtk_test_accessible_assert_property (heading, GTK_ACCESSIBLE_PROPERTY_LEVEL, 2);
  }
  bk_help_overlay_close (overlay);

  bk_ui_test_open_page (f.window, "win.show-tutorial", NULL);
  check_named (tutorial, problems);
  gtk_test_accessible_assert_role (bk_tutorial_page_get_skip_button (BK_TUTORIAL_PAGE (tutorial)),
                                   GTK_ACCESSIBLE_ROLE_BUTTON);
  gtk_test_accessible_assert_property (bk_tutorial_page_get_leave_button (BK_TUTORIAL_PAGE (tutorial)),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Leave tutorial");
  /* The step's group is named by the step, described by its text. */
  gtk_test_accessible_assert_property (get_focus (&f), GTK_ACCESSIBLE_PROPERTY_LABEL, "Step 1 of 7: Down");

  /* The home page's way into the tutorial. */
  bk_ui_test_open_page (f.window, "win.home", NULL);
  check_named (bk_window_get_page (f.window, "home"), problems);
  check_named (bk_window_get_help_button (f.window), problems);

  if (problems->len > 0)
    g_error ("problems:\n%s", problems->str);

  fixture_clear (&f);
}

/* The screen layer of window's help on its current page. */
static char *
dup_screen_help (BkWindow *window)
{
  BkHelpOverlay *overlay = BK_HELP_OVERLAY (bk_window_get_help_overlay (window));
  char *text;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.help", NULL));
  while (bk_help_overlay_get_layer_kind (overlay) != BK_HELP_LAYER_SCREEN)
    g_assert_true (bk_help_overlay_next_layer (overlay));
  text = g_strdup (bk_help_overlay_get_text (overlay));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.help", NULL));
  return text;
}

/* The help promises Read aloud buttons only where the kiosk can speak;
 * without a sound device it says so, and so does the accessibility panel. */
static void
test_read_aloud_promise (void)
{
  Fixture f;
  BkWindow *silent;
  g_autofree char *speaking = NULL;
  g_autofree char *mute = NULL;

  fixture_init (&f);
  g_assert_true (bk_voice_has_speech (bk_application_get_voice (app)));
  g_assert_true (bk_window_show_page (f.window, "motion", f.motion_id));
  bk_ui_test_iterate (50);
  speaking = dup_screen_help (f.window);
  g_assert_nonnull (strstr (speaking, "Each part has a Read aloud button."));
  g_assert_null (strstr (speaking, "not available"));

  silent = bk_ui_test_window_new (f.store);
  g_assert_true (bk_window_show_page (silent, "motion", f.motion_id));
  bk_ui_test_iterate (50);
  mute = dup_screen_help (silent);
  g_assert_null (strstr (mute, "Read aloud button"));
  g_assert_nonnull (strstr (mute, "Speech is not available on this kiosk right now"));

  g_assert_true (bk_window_show_page (silent, "accessibility", 0));
  bk_ui_test_iterate (50);
  {
    g_autoptr(GString) text = g_string_new (NULL);

    bk_ui_append_label_texts (bk_window_get_page (silent, "accessibility"), "\n", text);
    g_assert_nonnull (strstr (text->str, "Speech is not available on this kiosk right now (no sound output"));
  }
  bk_ui_test_window_destroy (silent);
  fixture_clear (&f);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_log_set_writer_func (log_writer, NULL, NULL);
  bk_ui_test_init (&argc, &argv);

  app = bk_ui_test_app_new ();

  g_test_add_func ("/help/read-aloud-promise", test_read_aloud_promise);
  g_test_add_func ("/help/every-page", test_every_page);
  g_test_add_func ("/help/open-close", test_open_close);
  g_test_add_func ("/help/layers", test_layers);
  g_test_add_func ("/help/to-tutorial", test_help_to_tutorial);
  g_test_add_func ("/tutorial/steps", test_tutorial_steps);
  g_test_add_func ("/tutorial/buttons", test_tutorial_buttons);
  g_test_add_func ("/tutorial/keypad-map", test_tutorial_keypad_map);
  g_test_add_func ("/help/accessible", test_accessible);

  status = g_test_run ();

  g_clear_object (&app);
  return status;
}
