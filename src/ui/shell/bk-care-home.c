/* bk-care-home.c: care-home mode, for residents with an assistant
 *
 * A staff setting (care-home-mode) for kiosks and tablets in care homes.
 * While it is on, every kiosk window:
 *   - shows a calmer start page: the meetings and the language row are
 *     hidden, the remaining choices are larger (style.css, .bk-care-home);
 *   - has "Read everything to me" first in its header bar: the whole
 *     screen in reading order, in the kiosk's voice. It is the first item
 *     of the first scanning group, so one switch reaches it in two
 *     selections on every screen;
 *   - ignores brushes: a touch or click counts only when held
 *     care-home-press-delay ms (300); a shorter one cancels the clicks
 *     under it, so nothing is pressed by a trembling hand passing over
 *     (a quick flick still scrolls);
 *   - gives the assistant a quick panel for the resident's profile (text
 *     size, colours, slower speech, easy-read, switch scanning) behind a
 *     3-second hold on the title or Ctrl+Alt+H: nothing a resident does by
 *     chance. The profile lasts for the session, like the panel's settings;
 *   - waits longer before the idle warning (care-home-idle-timeout, in
 *     bk-session.c), which never interrupts a reading.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-care-home"

#include "bk-config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "bk-application-private.h"
#include "bk-care-home.h"
#include "bk-ez-tree.h"
#include "bk-i18n.h"
#include "bk-page.h"
#include "bk-ui.h"
#include "bk-window-private.h"
#include "bk-wrap-layout.h"

#define HOLD_MS 3000   /* the assistant's hold on the title */
#define CARE_CLASS "bk-care-home"

typedef struct
{
  BkWindow   *window;         /* owns this */
  BkSettings *settings;
  BkVoice    *voice;
  GtkWidget  *read_button;
  GtkWidget  *panel;          /* the assistant's panel while open */
  GPtrArray  *calmed;         /* start-page widgets hidden in the mode */
  char       *last_reading;
  guint       reading_id;
  char       *paused_scan;    /* the scan mode paused for a reading */
  guint32     press_time;
  gboolean    pressed;
  guint       hold_source;
} CareHome;

static CareHome *
care_of (BkWindow *window)
{
  return window ? g_object_get_data (G_OBJECT (window), "bk-care-home") : NULL;
}

static gboolean
is_on (CareHome *care)
{
  return care->settings != NULL && bk_settings_get_boolean (care->settings, "care-home-mode");
}

static BkVoice *
voice_of (CareHome *care)
{
  return care->voice;
}

static void
set_quiet (CareHome *care,
           gboolean  quiet)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (care->window));

  if (BK_IS_APPLICATION (app))
    BK_APPLICATION (app)->quiet += quiet ? 1 : -1;
}

/* ---- read everything ----------------------------------------------------- */

/* Scanning steps on while the voice reads and would talk over it: it
 * pauses, and comes back when the reading ends or any key or switch is
 * pressed. */
static void
resume_scanning (CareHome *care)
{
  g_autofree char *mode = g_steal_pointer (&care->paused_scan);

  care->reading_id = 0;
  if (mode == NULL || care->settings == NULL)
    return;
  set_quiet (care, TRUE);
  bk_settings_set_string (care->settings, "scan-mode", mode);
  set_quiet (care, FALSE);
}

static void
reading_finished_cb (CareHome *care,
                     guint     id,
                     gboolean  interrupted)
{
  if (id != 0 && id == care->reading_id)
    resume_scanning (care);
}

static void
append_item (GString    *text,
             const char *words)
{
  gsize len;

  if (words == NULL || *words == '\0')
    return;
  if (text->len > 0)
    {
      len = text->len;
      /* one statement per item, without doubled full stops */
      g_string_append (text, strchr (".!?:", text->str[len - 1]) ? " " : ". ");
    }
  g_string_append (text, words);
}

void
bk_care_home_read_everything (BkWindow *window)
{
  CareHome *care = care_of (window);
  GtkWidget *page = _bk_window_get_current_page (window);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *summary = NULL;
  GtkWidget *root;

  g_return_if_fail (care != NULL);

  /* The screen the resident sees: the help or a panel over the page, or
   * the page itself, from its title to its last line. */
  root = bk_ez_get_screen_root (GTK_WIDGET (window));
  if (root == GTK_WIDGET (window))
    {
      root = page;
      summary = bk_page_dup_summary (BK_PAGE (page));
      append_item (text, summary);
    }
  items = bk_ez_collect_items (root, FALSE);
  for (guint i = 0; i < items->len; i++)
    {
      g_autofree char *name = bk_ez_dup_name (g_ptr_array_index (items, i));

      append_item (text, name);
    }

  g_free (care->last_reading);
  care->last_reading = g_strdup (text->str);
  if (care->paused_scan == NULL && care->settings != NULL &&
      !g_str_equal (bk_settings_get_string (care->settings, "scan-mode"), "off"))
    {
      care->paused_scan = g_strdup (bk_settings_get_string (care->settings, "scan-mode"));
      set_quiet (care, TRUE);
      bk_settings_set_string (care->settings, "scan-mode", "off");
      set_quiet (care, FALSE);
    }
  care->reading_id = bk_voice_say_on_demand (voice_of (care), text->str, NULL);
  if (care->reading_id == 0)
    resume_scanning (care);
}

/* ---- the assistant's panel ----------------------------------------------- */

static void
set_behind_enabled (CareHome *care,
                    gboolean  enabled)
{
  GtkWidget *behind = gtk_overlay_get_child (care->window->modal_layer);

  gtk_widget_set_can_focus (behind, enabled);
  gtk_widget_set_can_target (behind, enabled);
}

/* A row of choices: toggles bound to a stateful app action, so the chosen
 * one shows as the accessibility panel's do. */
static GtkWidget *
choice_row_new (const char         *heading,
                const char         *action,
                const char * const *labels,
                GVariant          **targets)
{
  GtkWidget *group = bk_ui_wrap_group_new (heading);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  gtk_box_append (GTK_BOX (box), bk_ui_wrap_label_new (heading, "title-4"));
  for (guint i = 0; labels[i] != NULL; i++)
    {
      GtkWidget *button = bk_ui_choice_button_new (labels[i]);

      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
      if (targets != NULL)
        gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), targets[i]);
      gtk_box_append (GTK_BOX (group), button);
    }
  gtk_box_append (GTK_BOX (box), group);
  return box;
}

static GtkWidget *
panel_new (void)
{
  GtkWidget *panel = g_object_new (GTK_TYPE_BOX, "orientation", GTK_ORIENTATION_VERTICAL, "spacing", 12,
                                   "accessible-role", GTK_ACCESSIBLE_ROLE_DIALOG, NULL);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *close;
  const char *themes[] = { _("Standard"), _("High contrast dark"), _("High contrast light"),
                           _("Yellow on black"), NULL };
  GVariant *theme_targets[] = { g_variant_new_string ("standard"), g_variant_new_string ("high-contrast-dark"),
                                g_variant_new_string ("high-contrast-light"),
                                g_variant_new_string ("yellow-on-black") };
  const char *sizes[] = { _("100 %"), _("150 %"), _("200 %"), _("300 %"), NULL };
  GVariant *size_targets[] = { g_variant_new_int32 (100), g_variant_new_int32 (150),
                               g_variant_new_int32 (200), g_variant_new_int32 (300) };
  const char *rates[] = { _("Very slow"), _("Slow"), _("Normal"), NULL };
  GVariant *rate_targets[] = { g_variant_new_int32 (0), g_variant_new_int32 (1), g_variant_new_int32 (2) };
  const char *scans[] = { _("Off"), _("One switch"), NULL };
  GVariant *scan_targets[] = { g_variant_new_string ("off"), g_variant_new_string ("one-switch") };
  const char *easy[] = { _("Easy-read (Leichte Sprache)"), NULL };

  gtk_widget_add_css_class (panel, "bk-care-panel");
  gtk_widget_set_halign (panel, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (panel, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (panel, 12);
  gtk_widget_set_margin_bottom (panel, 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (panel),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Settings for the resident"), -1);

  gtk_box_append (GTK_BOX (panel), bk_ui_wrap_label_new (_("Settings for the resident"), "title-2"));
  gtk_box_append (GTK_BOX (panel),
                  bk_ui_wrap_label_new (_("For the assistant: they stay until the kiosk starts over."), NULL));

  gtk_box_append (GTK_BOX (content), choice_row_new (_("Text size"), "app.text-scale", sizes, size_targets));
  gtk_box_append (GTK_BOX (content), choice_row_new (_("Colours"), "app.theme", themes, theme_targets));
  gtk_box_append (GTK_BOX (content), choice_row_new (_("Speech rate"), "app.speech-rate", rates, rate_targets));
  gtk_box_append (GTK_BOX (content), choice_row_new (_("Easy-read"), "app.easy-read", easy, NULL));
  gtk_box_append (GTK_BOX (content), choice_row_new (_("Switch control"), "app.scan-mode", scans, scan_targets));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), content);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (panel), scroller);

  close = gtk_button_new_with_label (_("Close"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (close), "modal.close");
  gtk_widget_add_css_class (close, "suggested-action");
  gtk_box_append (GTK_BOX (panel), close);

  bk_ez_set_modal (panel, TRUE);
  return panel;
}

static gboolean
panel_escape_cb (GtkEventControllerKey *controller,
                 guint                  keyval,
                 guint                  keycode,
                 GdkModifierType        state,
                 gpointer               user_data)
{
  if (keyval != GDK_KEY_Escape)
    return FALSE;
  bk_care_home_close_panel (user_data);
  return TRUE;
}

gboolean
bk_care_home_open_panel (BkWindow *window)
{
  CareHome *care = care_of (window);
  GtkEventController *keys;
  GSimpleActionGroup *group;
  GSimpleAction *close;

  g_return_val_if_fail (care != NULL, FALSE);

  if (!is_on (care))
    return FALSE;
  if (care->panel != NULL)
    return TRUE;

  care->panel = g_object_ref_sink (panel_new ());
  group = g_simple_action_group_new ();
  close = g_simple_action_new ("close", NULL);
  g_signal_connect_swapped (close, "activate", G_CALLBACK (bk_care_home_close_panel), window);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (close));
  g_object_unref (close);
  gtk_widget_insert_action_group (care->panel, "modal", G_ACTION_GROUP (group));
  g_object_unref (group);
  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (panel_escape_cb), window);
  gtk_widget_add_controller (care->panel, keys);

  gtk_overlay_add_overlay (window->modal_layer, care->panel);
  set_behind_enabled (care, FALSE);
  bk_ui_expose_toggle_states (care->panel);
  gtk_widget_child_focus (care->panel, GTK_DIR_TAB_FORWARD);
  bk_voice_say_on_demand (voice_of (care), _("Settings for the resident"), NULL);
  return TRUE;
}

void
bk_care_home_close_panel (BkWindow *window)
{
  CareHome *care = care_of (window);
  g_autoptr(GtkWidget) panel = NULL;

  if (care == NULL || care->panel == NULL)
    return;
  panel = g_steal_pointer (&care->panel);
  gtk_overlay_remove_overlay (window->modal_layer, panel);
  set_behind_enabled (care, TRUE);
  gtk_widget_grab_focus (care->read_button);
}

static gboolean
hold_done_cb (gpointer user_data)
{
  BkWindow *window = user_data;

  care_of (window)->hold_source = 0;
  bk_care_home_open_panel (window);
  return G_SOURCE_REMOVE;
}

/* GtkGestureLongPress waits 1 s at most: a hold of 3 s is timed here. */
static void
hold_pressed_cb (GtkGestureClick *gesture,
                 int              n_press,
                 double           x,
                 double           y,
                 BkWindow        *window)
{
  CareHome *care = care_of (window);

  g_clear_handle_id (&care->hold_source, g_source_remove);
  if (is_on (care))
    care->hold_source = g_timeout_add (HOLD_MS, hold_done_cb, window);
}

static void
hold_released_cb (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  BkWindow        *window)
{
  g_clear_handle_id (&care_of (window)->hold_source, g_source_remove);
}

static void
hold_cancel_cb (GtkGesture       *gesture,
                GdkEventSequence *sequence,
                BkWindow         *window)
{
  g_clear_handle_id (&care_of (window)->hold_source, g_source_remove);
}

/* ---- keys and presses ---------------------------------------------------- */

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                BkWindow              *window)
{
  CareHome *care = care_of (window);

  if (!is_on (care))
    return FALSE;
  if ((keyval == GDK_KEY_h || keyval == GDK_KEY_H) &&
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) == (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return bk_care_home_open_panel (window);
  /* A key or switch during a reading stops it; the switch goes no further. */
  if (care->reading_id != 0)
    {
      bk_voice_stop (voice_of (care));
      resume_scanning (care);
      return TRUE;
    }
  return FALSE;
}

/* Every click gesture from widget up: a press too short to count ends as
 * if it had been taken back (a button is not clicked, a row not
 * activated). Drags and swipes go on, so a quick flick still scrolls. */
static void
cancel_clicks (GtkWidget *widget)
{
  for (; widget != NULL; widget = gtk_widget_get_parent (widget))
    {
      g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

      for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
        {
          g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

          if (GTK_IS_GESTURE_CLICK (controller))
            gtk_event_controller_reset (controller);
        }
    }
}

static GtkWidget *
pick_event_widget (BkWindow *window,
                   GdkEvent *event)
{
  double x, y, dx, dy;

  if (!gdk_event_get_position (event, &x, &y))
    return NULL;
  gtk_native_get_surface_transform (GTK_NATIVE (window), &dx, &dy);
  return gtk_widget_pick (GTK_WIDGET (window), x - dx, y - dy, GTK_PICK_DEFAULT);
}

static gboolean
press_filter_cb (GtkEventControllerLegacy *controller,
                 GdkEvent                 *event,
                 BkWindow                 *window)
{
  CareHome *care = care_of (window);
  GdkEventType type = gdk_event_get_event_type (event);
  int delay;

  if (!is_on (care) || (delay = bk_settings_get_int (care->settings, "care-home-press-delay")) <= 0)
    return FALSE;

  if (type == GDK_BUTTON_PRESS || type == GDK_TOUCH_BEGIN)
    {
      care->press_time = gdk_event_get_time (event);
      care->pressed = TRUE;
      return FALSE;
    }
  if ((type == GDK_BUTTON_RELEASE || type == GDK_TOUCH_END) && care->pressed)
    {
      guint32 held = gdk_event_get_time (event) - care->press_time;

      care->pressed = FALSE;
      if (held < (guint32) delay)
        {
          g_debug ("A touch of %u ms ignored (press delay %d ms)", held, delay);
          cancel_clicks (pick_event_widget (window, event));
        }
    }
  return FALSE;
}

/* ---- the mode on and off ------------------------------------------------- */

/* The start page's choices a resident does not need: the meetings and the
 * interface languages (the assistant sets the language for them). */
static void
find_calmed (CareHome *care)
{
  GtkWidget *home = bk_window_get_page (care->window, "home");
  GtkWidget *meetings = bk_ui_find_actionable (home, "win.show-meetings", NULL);
  GtkWidget *language = NULL;

  care->calmed = g_ptr_array_new_with_free_func (g_object_unref);
  if (meetings != NULL)
    g_ptr_array_add (care->calmed, g_object_ref (meetings));
  /* the row around the language buttons (any of them: they share it) */
  for (const char * const *code = bk_i18n_get_languages (); *code != NULL && language == NULL; code++)
    {
      g_autoptr(GVariant) target = g_variant_ref_sink (g_variant_new_string (*code));

      language = bk_ui_find_actionable (home, "app.language", target);
    }
  if (language != NULL)
    {
      GtkWidget *row = language;

      while (row != NULL && row != home && !gtk_widget_has_css_class (row, BK_EZ_SCAN_GROUP_CLASS))
        row = gtk_widget_get_parent (row);
      if (row != NULL && row != home)
        g_ptr_array_add (care->calmed, g_object_ref (row));
    }
}

static void
mode_changed_cb (CareHome *care)
{
  gboolean on = is_on (care);

  if (on)
    gtk_widget_add_css_class (GTK_WIDGET (care->window), CARE_CLASS);
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (care->window), CARE_CLASS);
      bk_care_home_close_panel (care->window);
    }
  gtk_widget_set_visible (care->read_button, on);
  for (guint i = 0; i < care->calmed->len; i++)
    gtk_widget_set_visible (g_ptr_array_index (care->calmed, i), !on);
}

static void
read_clicked_cb (GtkButton *button,
                 BkWindow  *window)
{
  bk_care_home_read_everything (window);
}

static void
care_free (CareHome *care)
{
  if (care->settings != NULL)
    g_signal_handlers_disconnect_by_data (care->settings, care);
  g_clear_handle_id (&care->hold_source, g_source_remove);
  if (care->voice != NULL)
    g_signal_handlers_disconnect_by_data (care->voice, care);
  g_clear_object (&care->panel);
  g_clear_object (&care->voice);
  g_clear_object (&care->settings);
  g_clear_pointer (&care->calmed, g_ptr_array_unref);
  g_free (care->last_reading);
  g_free (care->paused_scan);
  g_free (care);
}

static GtkWidget *
read_button_new (BkWindow *window)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "audio-volume-high-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("Read everything to me"));
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_widget_add_css_class (button, "bk-read-everything");
  bk_ui_set_accessible (button, _("Read everything to me"),
                        _("Reads the whole screen aloud, from top to bottom"));
  g_signal_connect (button, "clicked", G_CALLBACK (read_clicked_cb), window);
  return button;
}

static void
attach (BkWindow *window)
{
  CareHome *care;
  GtkWidget *header = gtk_widget_get_parent (window->back_button);
  GtkEventController *keys, *presses;
  GtkGesture *hold;

  if (care_of (window) != NULL || window->context == NULL)
    return;
  care = g_new0 (CareHome, 1);
  care->window = window;
  care->settings = bk_context_get_settings (window->context)
                   ? g_object_ref (bk_context_get_settings (window->context)) : NULL;
  care->voice = g_object_ref (bk_context_get_voice (window->context));
  g_object_set_data_full (G_OBJECT (window), "bk-care-home", care, (GDestroyNotify) care_free);

  /* First in the header, the first group scanning reaches. */
  care->read_button = read_button_new (window);
  gtk_widget_insert_after (care->read_button, header, NULL);

  /* The assistant's way in: a 3-second hold on the title. */
  for (GtkWidget *child = gtk_widget_get_first_child (header); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_has_css_class (child, "bk-header-title"))
      {
        hold = gtk_gesture_click_new ();
        g_signal_connect (hold, "pressed", G_CALLBACK (hold_pressed_cb), window);
        g_signal_connect (hold, "released", G_CALLBACK (hold_released_cb), window);
        g_signal_connect (hold, "cancel", G_CALLBACK (hold_cancel_cb), window);
        gtk_widget_add_controller (child, GTK_EVENT_CONTROLLER (hold));
      }

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  gtk_event_controller_set_name (keys, "bk-care-home-keys");
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), window);
  gtk_widget_add_controller (GTK_WIDGET (window), keys);

  presses = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (presses, GTK_PHASE_CAPTURE);
  gtk_event_controller_set_name (presses, "bk-care-home-press-delay");
  g_signal_connect (presses, "event", G_CALLBACK (press_filter_cb), window);
  gtk_widget_add_controller (GTK_WIDGET (window), presses);

  find_calmed (care);
  if (care->settings != NULL)
    g_signal_connect_swapped (care->settings, "notify::care-home-mode", G_CALLBACK (mode_changed_cb), care);
  g_signal_connect_swapped (voice_of (care), "utterance-finished", G_CALLBACK (reading_finished_cb), care);
  mode_changed_cb (care);
}

static void
window_added_cb (GtkApplication *app,
                 GtkWindow      *window)
{
  if (BK_IS_WINDOW (window))
    attach (BK_WINDOW (window));
}

void
bk_care_home_install (GtkApplication *app)
{
  g_return_if_fail (GTK_IS_APPLICATION (app));

  g_signal_connect (app, "window-added", G_CALLBACK (window_added_cb), NULL);
  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    window_added_cb (app, l->data);
}

GtkWidget *
bk_care_home_get_read_button (BkWindow *window)
{
  CareHome *care = care_of (window);

  return care ? care->read_button : NULL;
}

GtkWidget *
bk_care_home_get_panel (BkWindow *window)
{
  CareHome *care = care_of (window);

  return care ? care->panel : NULL;
}

const char *
bk_care_home_get_last_reading (BkWindow *window)
{
  CareHome *care = care_of (window);

  return care ? care->last_reading : NULL;
}
