/* bk-lockdown.c: no toolkit surface in --kiosk
 *
 * GTK offers surfaces of its own that a kiosk must not: the GTK Inspector
 * (Ctrl+Shift+I, Ctrl+Shift+D; Debian's default keeps the key binding
 * enabled; GTK_DEBUG=interactive), from it a file chooser that writes files,
 * the emoji chooser (Ctrl+. and Ctrl+; in a text field), the context menus
 * of text fields and selectable labels (right click, Shift+F10, the Menu
 * key, a long touch) and their touch selection bubble. In kiosk mode:
 *
 *   - before GTK starts: GTK_DEBUG is removed from the environment, so
 *     "interactive" cannot open the Inspector with the first window;
 *   - on every kiosk window, in the capture phase, before any widget: a key
 *     controller swallows those key bindings, a click gesture claims every
 *     button other than the primary one (right and middle click, which
 *     also pastes the X selection), and the window's "enable-debugging"
 *     key-binding signal is refused whatever triggers it;
 *   - a watch over all of them: a toplevel window that is not a kiosk window
 *     (the Inspector) is destroyed at once, and a popover that a text field
 *     or a label opens (context menu, emoji chooser, selection bubble) is
 *     closed again. The kiosk's own popovers (drop-downs) are untouched.
 *
 * tests/ui/test-lockdown.py presses the key bindings and clicks over real
 * X events against the real kiosk and counts the X windows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-lockdown"

#include "bk-config.h"

#include "bk-lockdown.h"
#include "bk-window.h"

void
bk_lockdown_environment (void)
{
  /* GTK reads it once, when it starts: "interactive" opens the Inspector
   * with the first window, other flags only print. */
  if (g_getenv ("GTK_DEBUG") != NULL)
    {
      g_message ("Kiosk mode: GTK_DEBUG is ignored");
      g_unsetenv ("GTK_DEBUG");
    }
}

/* The key bindings GTK 4.8 gives to a toplevel surface of its own: the
 * Inspector (GtkWindow), the emoji chooser (GtkText), the context menu
 * (GtkText, GtkLabel), the menu bar (F10: the kiosk has none). */
gboolean
bk_lockdown_refuses_key (guint           keyval,
                         GdkModifierType state)
{
  GdkModifierType mods = state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK | GDK_ALT_MASK |
                                  GDK_SUPER_MASK | GDK_META_MASK);
  guint key = gdk_keyval_to_lower (keyval);
  gboolean control = (mods & GDK_CONTROL_MASK) != 0;

  if (control && (mods & GDK_SHIFT_MASK) && (key == GDK_KEY_i || key == GDK_KEY_d))
    return TRUE;
  if (control && (key == GDK_KEY_period || key == GDK_KEY_semicolon ||
                  key == GDK_KEY_KP_Decimal || key == GDK_KEY_colon))
    return TRUE;
  if (key == GDK_KEY_Menu)
    return TRUE;
  if (key == GDK_KEY_F10)
    return TRUE;
  return FALSE;
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                gpointer               user_data)
{
  if (!bk_lockdown_refuses_key (keyval, state))
    return FALSE;
  g_debug ("Kiosk mode: key %s refused", gdk_keyval_name (keyval));
  return TRUE;
}

static void
button_pressed_cb (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   gpointer         user_data)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));

  /* Touch (button 0 in a touch sequence) and the primary button go on. */
  if (button > GDK_BUTTON_PRIMARY)
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static gboolean
refuse_debugging_cb (GtkWindow *window,
                     gboolean   toggle,
                     gpointer   user_data)
{
  g_message ("Kiosk mode: the GTK Inspector was refused");
  /* GTK 4.8's signal has no accumulator: only this keeps GtkWindow's own
   * handler (G_SIGNAL_RUN_LAST) from running. */
  g_signal_stop_emission_by_name (window, "enable-debugging");
  return TRUE;
}

void
bk_lockdown_window (GtkWindow *window)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  g_return_if_fail (GTK_IS_WINDOW (window));

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  gtk_event_controller_set_name (keys, "bk-lockdown-keys");
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), NULL);
  gtk_widget_add_controller (GTK_WIDGET (window), keys);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  gtk_event_controller_set_name (GTK_EVENT_CONTROLLER (click), "bk-lockdown-buttons");
  g_signal_connect (click, "pressed", G_CALLBACK (button_pressed_cb), NULL);
  gtk_widget_add_controller (GTK_WIDGET (window), GTK_EVENT_CONTROLLER (click));

  /* The Inspector's key bindings emit this signal; the handler ends the
   * emission before GtkWindow's own handler opens it. */
  g_signal_connect (window, "enable-debugging", G_CALLBACK (refuse_debugging_cb), NULL);
  gtk_window_set_interactive_debugging (FALSE);
}

/* ---- the watch ------------------------------------------------------------ */

static gboolean
destroy_cb (gpointer data)
{
  GtkWindow *window = data;

  gtk_window_destroy (window);
  g_object_unref (window);
  return G_SOURCE_REMOVE;
}

static void
toplevels_changed_cb (GListModel *toplevels,
                      guint       position,
                      guint       removed,
                      guint       added,
                      gpointer    user_data)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (BK_IS_WINDOW (window))
        continue;
      g_message ("Kiosk mode: a window of type %s was closed", G_OBJECT_TYPE_NAME (window));
      gtk_widget_set_visible (GTK_WIDGET (window), FALSE);
      /* not while the list model emits */
      g_idle_add_full (G_PRIORITY_HIGH, destroy_cb, g_object_ref (window), NULL);
    }
}

static gboolean
popdown_cb (gpointer data)
{
  gtk_popover_popdown (GTK_POPOVER (data));
  g_object_unref (data);
  return G_SOURCE_REMOVE;
}

/* A popover of GTK's own: one whose parent is a text field or a label
 * (context menu, selection bubble, emoji chooser), or an emoji chooser. */
static gboolean
toolkit_popover (GtkWidget *widget)
{
  GtkWidget *parent;

  if (!GTK_IS_POPOVER (widget))
    return FALSE;
  if (GTK_IS_EMOJI_CHOOSER (widget))
    return TRUE;
  parent = gtk_widget_get_parent (widget);
  return GTK_IS_TEXT (parent) || GTK_IS_LABEL (parent) || GTK_IS_TEXT_VIEW (parent);
}

static gboolean
map_hook (GSignalInvocationHint *hint,
          guint                  n_values,
          const GValue          *values,
          gpointer               user_data)
{
  GtkWidget *widget = g_value_get_object (&values[0]);

  if (toolkit_popover (widget))
    {
      g_message ("Kiosk mode: a %s of %s was closed", G_OBJECT_TYPE_NAME (widget),
                 G_OBJECT_TYPE_NAME (gtk_widget_get_parent (widget)));
      g_idle_add_full (G_PRIORITY_HIGH, popdown_cb, g_object_ref (widget), NULL);
    }
  return TRUE;
}

void
bk_lockdown_install (void)
{
  static gboolean installed;
  GListModel *toplevels;

  if (installed)
    return;
  installed = TRUE;

  toplevels = gtk_window_get_toplevels ();
  g_signal_connect (toplevels, "items-changed", G_CALLBACK (toplevels_changed_cb), NULL);
  toplevels_changed_cb (toplevels, 0, 0, g_list_model_get_n_items (toplevels), NULL);

  g_signal_add_emission_hook (g_signal_lookup ("map", GTK_TYPE_WIDGET), 0, map_hook, NULL, NULL);
}
