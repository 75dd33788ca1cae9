/* bk-tour.c: the demonstration tour for staff
 *
 * Staff show councillors and advisory councils what the kiosk does for
 * people with disabilities: each step changes a setting or does something
 * on the real screens (a theme, text at 300 %, reading aloud, the help,
 * scanning, Arabic, the idle warning) and says, in a panel at the bottom
 * and with the kiosk's voice, what it shows and why it matters.
 *
 * The tour belongs to the application, not to a window: a change of
 * language or easy-read builds every window anew, and the tour follows
 * into the new one. Every step is shown from the settings the tour found
 * when it began (its baseline) plus the step's own, so Back and Next and
 * the end of the tour always leave the kiosk as it was.
 *
 * Keys (taken before the window's key router): the keypad's Next and Back
 * keys, its Action key to repeat; Right/Page Down, Left/Page Up, R; Escape
 * ends the tour, as Ctrl+Alt+T (app.tour) does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-tour"

#include "bk-config.h"

#include <glib/gi18n.h>

#include "bk-application-private.h"
#include "bk-help-overlay.h"
#include "bk-i18n.h"
#include "bk-keymap.h"
#include "bk-tour-steps.h"
#include "bk-tour.h"
#include "bk-ui.h"
#include "bk-window-private.h"
#include "bk-wrap-layout.h"

/* The idle warning shows this soon in its step: time to explain it. */
#define IDLE_DEMO_SECONDS 2
/* The help's next layer after this long, to show that it has layers. */
#define HELP_LAYER_MS 4000

struct _BkTour
{
  GObject         parent_instance;

  GtkApplication *app;         /* weak: it owns the tour */
  BkWindow       *window;      /* weak: where the panel is */
  GtkWidget      *panel;       /* weak */
  GtkLabel       *count_label;
  GtkLabel       *title_label;
  GtkLabel       *text_label;
  GtkLabel       *note_label;

  GPtrArray      *steps;       /* BkTourStep */
  char           *file_problem;
  GHashTable     *baseline;    /* setting → GVariant before the tour */
  gboolean        running;
  guint           index;
  char           *note;
  guint           loop_source;
  guint           help_source;
  guint           reshow_source;
  guint           step_utterance;
  gulong          finished_handler;
  BkVoice        *voice;       /* whose finished_handler it is */
  gboolean        watching_reset;
};

G_DEFINE_FINAL_TYPE (BkTour, bk_tour, G_TYPE_OBJECT)

static void show_step (BkTour *self, gboolean apply);

static BkSettings *
settings_of (BkTour *self)
{
  return self->window ? bk_context_get_settings (self->window->context) : NULL;
}

static BkVoice *
voice_of (BkTour *self)
{
  return self->window ? bk_context_get_voice (self->window->context) : NULL;
}

static const BkTourStep *
current_step (BkTour *self)
{
  return self->steps != NULL && self->index < self->steps->len ? g_ptr_array_index (self->steps, self->index) : NULL;
}

/* ---- settings ------------------------------------------------------------ */

static GVariant *
get_setting (BkSettings         *settings,
             const char         *key,
             const GVariantType *type)
{
  if (g_variant_type_equal (type, G_VARIANT_TYPE_BOOLEAN))
    return g_variant_new_boolean (bk_settings_get_boolean (settings, key));
  if (g_variant_type_equal (type, G_VARIANT_TYPE_INT32))
    return g_variant_new_int32 (bk_settings_get_int (settings, key));
  return g_variant_new_string (bk_settings_get_string (settings, key));
}

static void
set_setting (BkSettings *settings,
             const char *key,
             GVariant   *value)
{
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_BOOLEAN))
    bk_settings_set_boolean (settings, key, g_variant_get_boolean (value));
  else if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT32))
    bk_settings_set_int (settings, key, g_variant_get_int32 (value));
  else
    bk_settings_set_string (settings, key, g_variant_get_string (value, NULL));
}

static GVariant *
step_settings (const BkTourStep *step)
{
  return g_variant_parse (G_VARIANT_TYPE_VARDICT, step->info->settings, NULL, NULL, NULL);
}

/* Every setting any step changes, as it is now. */
static void
take_baseline (BkTour *self)
{
  BkSettings *settings = settings_of (self);

  g_clear_pointer (&self->baseline, g_hash_table_unref);
  self->baseline = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_variant_unref);
  for (guint i = 0; i < self->steps->len; i++)
    {
      g_autoptr(GVariant) dict = step_settings (g_ptr_array_index (self->steps, i));
      GVariantIter iter;
      const char *key;
      GVariant *value;

      g_variant_iter_init (&iter, dict);
      while (g_variant_iter_loop (&iter, "{&sv}", &key, &value))
        if (!g_hash_table_contains (self->baseline, key))
          g_hash_table_insert (self->baseline, g_strdup (key),
                               g_variant_ref_sink (get_setting (settings, key, g_variant_get_type (value))));
    }
}

/* The baseline with the step's own settings over it (NULL: the baseline). */
static void
apply_settings (BkTour           *self,
                const BkTourStep *step)
{
  BkSettings *settings = settings_of (self);
  g_autoptr(GVariant) dict = step ? step_settings (step) : NULL;
  GHashTableIter iter;
  gpointer key, value;

  if (settings == NULL || self->baseline == NULL)
    return;
  /* The tour says what it shows: no announcement of each setting. */
  if (BK_IS_APPLICATION (self->app))
    BK_APPLICATION (self->app)->quiet++;
  g_hash_table_iter_init (&iter, self->baseline);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autoptr(GVariant) own = dict ? g_variant_lookup_value (dict, key, NULL) : NULL;

      set_setting (settings, key, own ? own : value);
    }
  if (BK_IS_APPLICATION (self->app))
    BK_APPLICATION (self->app)->quiet--;
}

/* ---- the panel ----------------------------------------------------------- */

static void
panel_button_cb (GtkButton *button,
                 BkTour    *self)
{
  const char *what = g_object_get_data (G_OBJECT (button), "bk-tour-command");

  if (g_str_equal (what, "next"))
    bk_tour_next (self);
  else if (g_str_equal (what, "back"))
    bk_tour_previous (self);
  else if (g_str_equal (what, "repeat"))
    bk_tour_repeat (self);
  else
    bk_tour_stop (self);
}

static GtkWidget *
panel_button_new (BkTour     *self,
                  const char *command,
                  const char *label,
                  const char *description)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  g_object_set_data (G_OBJECT (button), "bk-tour-command", (gpointer) command);
  gtk_widget_add_css_class (button, "bk-tour-button");
  bk_ui_set_accessible (button, label, description);
  g_signal_connect (button, "clicked", G_CALLBACK (panel_button_cb), self);
  return button;
}

static GtkLabel *
panel_label_new (GtkWidget  *box,
                 const char *css_class)
{
  GtkWidget *label = bk_ui_wrap_label_new (NULL, css_class);

  gtk_box_append (GTK_BOX (box), label);
  return GTK_LABEL (label);
}

static void
remove_panel (BkTour *self)
{
  GtkWidget *panel = self->panel;

  if (panel == NULL)
    return;
  g_clear_weak_pointer (&self->panel);
  if (GTK_IS_OVERLAY (gtk_widget_get_parent (panel)))
    gtk_overlay_remove_overlay (GTK_OVERLAY (gtk_widget_get_parent (panel)), panel);
  self->count_label = self->title_label = self->text_label = self->note_label = NULL;
}

/* The panel at the bottom of window, over the page but not covering it:
 * the screen behind stays what the tour shows. */
static void
add_panel (BkTour   *self,
           BkWindow *window)
{
  GtkWidget *panel = g_object_new (GTK_TYPE_BOX, "orientation", GTK_ORIENTATION_VERTICAL, "spacing", 8,
                                   "accessible-role", GTK_ACCESSIBLE_ROLE_GROUP, NULL);
  GtkWidget *title = g_object_new (GTK_TYPE_LABEL, "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING,
                                   "wrap", TRUE, "wrap-mode", PANGO_WRAP_WORD_CHAR, "xalign", 0.0f, NULL);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *words = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *words_scroller = gtk_scrolled_window_new ();

  remove_panel (self);
  gtk_widget_set_valign (panel, GTK_ALIGN_END);
  gtk_widget_set_halign (panel, GTK_ALIGN_FILL);
  gtk_widget_add_css_class (panel, "bk-tour-panel");
  gtk_accessible_update_property (GTK_ACCESSIBLE (panel),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Demonstration tour"), -1);

  /* The words scroll within a third of the window, so that at 300 % the
   * screen the step shows stays in sight above them. */
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (words_scroller), words);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (words_scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (words_scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (words_scroller),
                                              MAX (gtk_widget_get_height (GTK_WIDGET (window)) / 3, 160));
  gtk_box_append (GTK_BOX (panel), words_scroller);
  self->count_label = panel_label_new (words, "bk-tour-count");
  gtk_widget_add_css_class (title, "title-2");
  gtk_box_append (GTK_BOX (words), title);
  self->title_label = GTK_LABEL (title);
  self->text_label = panel_label_new (words, "bk-tour-text");
  self->note_label = panel_label_new (words, "bk-tour-note");

  gtk_widget_set_layout_manager (buttons, bk_wrap_layout_new ());
  gtk_box_append (GTK_BOX (buttons),
                  panel_button_new (self, "back", _("Previous step"), _("Keypad Back key or the left arrow key")));
  gtk_box_append (GTK_BOX (buttons),
                  panel_button_new (self, "repeat", _("Repeat"), _("Keypad Action key or the R key")));
  gtk_box_append (GTK_BOX (buttons),
                  panel_button_new (self, "next", _("Next step"), _("Keypad Next key or the right arrow key")));
  gtk_box_append (GTK_BOX (buttons),
                  panel_button_new (self, "end", _("End the tour"), _("Puts every setting back. Escape or Ctrl+Alt+T")));
  gtk_box_append (GTK_BOX (panel), buttons);

  gtk_overlay_add_overlay (window->modal_layer, panel);
  g_set_weak_pointer (&self->panel, panel);
}

static const char *
interface_language (void)
{
  return bk_voice_get_interface_language ();
}

static char *
dup_step_words (const BkTourStep *step,
                gboolean          title)
{
  const char *own = title ? bk_tour_step_get_own_title (step, interface_language ())
                          : bk_tour_step_get_own_text (step, interface_language ());

  return g_strdup (own ? own : _(title ? step->info->title : step->info->text));
}

static void
update_panel (BkTour *self)
{
  const BkTourStep *step = current_step (self);
  g_autofree char *count = NULL;
  g_autofree char *title = NULL;
  g_autofree char *text = NULL;

  if (self->panel == NULL || step == NULL)
    return;
  /* Translators: the tour panel's first line: step number, number of steps */
  count = g_strdup_printf (_("Demonstration tour, step %u of %u"), self->index + 1, self->steps->len);
  title = dup_step_words (step, TRUE);
  text = dup_step_words (step, FALSE);
  gtk_label_set_text (self->count_label, count);
  gtk_label_set_text (self->title_label, title);
  gtk_label_set_text (self->text_label, text);
  gtk_label_set_text (self->note_label, self->note ? self->note : "");
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), self->note != NULL && *self->note != '\0');
}

/* ---- effects ------------------------------------------------------------- */

static BkHelpOverlay *
help_of (BkTour *self)
{
  return self->window ? BK_HELP_OVERLAY (self->window->help_overlay) : NULL;
}

static gboolean
help_layer_cb (gpointer user_data)
{
  BkTour *self = user_data;

  self->help_source = 0;
  if (help_of (self) != NULL && bk_help_overlay_is_open (help_of (self)))
    bk_help_overlay_next_layer (help_of (self));
  return G_SOURCE_REMOVE;
}

/* Undoes what a step did besides its settings. */
static void
leave_effects (BkTour *self)
{
  g_clear_handle_id (&self->help_source, g_source_remove);
  self->step_utterance = 0;
  if (help_of (self) != NULL && bk_help_overlay_is_open (help_of (self)))
    bk_help_overlay_close (help_of (self));
  if (self->window != NULL && self->window->session != NULL)
    {
      bk_session_set_idle_timeout_override (self->window->session, 0);
      if (bk_session_get_state (self->window->session) == BK_SESSION_WARNING)
        bk_session_continue (self->window->session);
      else
        bk_session_note_activity (self->window->session);
    }
  if (voice_of (self) != NULL)
    bk_voice_stop (voice_of (self));
}

static gint64
first_motion (BkTour *self)
{
  BkStore *store = bk_context_get_store (self->window->context);
  g_autoptr(GArray) ids = store ? bk_store_list_motion_ids (store, NULL, NULL) : NULL;

  return ids != NULL && ids->len > 0 ? g_array_index (ids, gint64, 0) : 0;
}

static void
show_page (BkTour     *self,
           const char *page)
{
  GtkWidget *window = GTK_WIDGET (self->window);
  gint64 motion = g_str_equal (page, "motion") ? first_motion (self) : 0;

  if (motion != 0)
    gtk_widget_activate_action (window, "win.open-motion", "x", motion);
  else if (g_strcmp0 (bk_window_get_page_name (self->window), "home") != 0)
    gtk_widget_activate_action (window, "win.home", NULL);
}

static char *
dup_role_name (GtkWidget *widget)
{
  GEnumClass *roles = g_type_class_ref (GTK_TYPE_ACCESSIBLE_ROLE);
  GEnumValue *role = g_enum_get_value (roles, gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)));
  char *name = g_strdup (role ? role->value_nick : "");

  g_type_class_unref (roles);
  return name;
}

/* The first choice of the start page, focused, and what a screen reader
 * hears there: the accessible name, role and description the kiosk gives. */
static void
show_screen_reader (BkTour *self)
{
  GtkWidget *target = bk_ui_find_actionable (GTK_WIDGET (self->window), "win.show-services", NULL);
  g_autofree char *said = NULL;
  g_autofree char *role = NULL;

  if (target == NULL)
    target = gtk_root_get_focus (GTK_ROOT (self->window));
  if (target == NULL)
    return;
  gtk_widget_grab_focus (target);
  said = bk_voice_describe_widget (target);
  role = dup_role_name (target);
  g_free (self->note);
  /* Translators: in the tour: what a screen reader says for the focused
   * button; %s its words, %s its role as the accessibility tree names it */
  self->note = g_strdup_printf (_("A screen reader says: “%s” (role: %s)"), said ? said : "", role);
}

static void
run_effect (BkTour *self)
{
  const BkTourStep *step = current_step (self);

  switch (step->info->effect)
    {
    case BK_TOUR_EFFECT_READ_ALOUD:
      /* after the step's own words: see utterance_finished_cb */
      if (self->step_utterance == 0)
        bk_window_read_aloud (self->window);
      break;
    case BK_TOUR_EFFECT_HELP:
      if (help_of (self) != NULL && !bk_help_overlay_is_open (help_of (self)))
        gtk_widget_activate_action (GTK_WIDGET (self->window), "win.help", NULL);
      self->help_source = g_timeout_add (HELP_LAYER_MS, help_layer_cb, self);
      break;
    case BK_TOUR_EFFECT_SCREEN_READER:
      show_screen_reader (self);
      break;
    case BK_TOUR_EFFECT_IDLE_WARNING:
      /* The real warning, soon; Next or any key ends it again. */
      if (self->window->session != NULL)
        bk_session_set_idle_timeout_override (self->window->session, IDLE_DEMO_SECONDS);
      break;
    case BK_TOUR_EFFECT_NONE:
    default:
      break;
    }
}

static void
utterance_finished_cb (BkTour   *self,
                       guint     id,
                       gboolean  interrupted)
{
  const BkTourStep *step = current_step (self);

  if (!self->running || id == 0 || id != self->step_utterance || interrupted || step == NULL)
    return;
  self->step_utterance = 0;
  if (step->info->effect == BK_TOUR_EFFECT_READ_ALOUD && self->window != NULL)
    bk_window_read_aloud (self->window);
}

static void
speak_step (BkTour *self)
{
  const BkTourStep *step = current_step (self);
  g_autofree char *title = dup_step_words (step, TRUE);
  g_autofree char *text = dup_step_words (step, FALSE);
  /* Before a reading only the title: the panel shows why it matters, and
   * the reading itself is the demonstration. */
  g_autofree char *all = step->info->effect == BK_TOUR_EFFECT_READ_ALOUD
                         ? g_strdup (title) : g_strdup_printf ("%s. %s", title, text);

  if (voice_of (self) == NULL)
    return;
  if (self->voice != voice_of (self))
    {
      if (self->voice != NULL)
        g_clear_signal_handler (&self->finished_handler, self->voice);
      g_set_object (&self->voice, voice_of (self));
      self->finished_handler = g_signal_connect_object (self->voice, "utterance-finished",
                                                        G_CALLBACK (utterance_finished_cb), self,
                                                        G_CONNECT_SWAPPED);
    }
  self->step_utterance = bk_voice_say_on_demand (self->voice, all, NULL);
}

/* ---- the loop ------------------------------------------------------------ */

static gboolean
loop_cb (gpointer user_data)
{
  BkTour *self = user_data;

  self->loop_source = 0;
  if (self->index + 1 < self->steps->len)
    bk_tour_next (self);
  else
    {
      /* Start again from the kiosk as it was. */
      leave_effects (self);
      apply_settings (self, NULL);
      self->index = 0;
      show_step (self, TRUE);
    }
  return G_SOURCE_REMOVE;
}

static void
schedule_loop (BkTour *self)
{
  BkSettings *settings = settings_of (self);

  g_clear_handle_id (&self->loop_source, g_source_remove);
  if (settings != NULL && bk_settings_get_boolean (settings, "tour-loop"))
    self->loop_source = g_timeout_add_seconds (current_step (self)->seconds, loop_cb, self);
}

/* ---- steps --------------------------------------------------------------- */

/* apply: set the step's settings (FALSE: a rebuilt window shows the step
 * again). */
static void
show_step (BkTour   *self,
           gboolean  apply)
{
  const BkTourStep *step = current_step (self);

  if (step == NULL || self->window == NULL)
    return;
  g_clear_pointer (&self->note, g_free);
  if (self->index == 0 && self->file_problem != NULL)
    self->note = g_strdup (self->file_problem);
  if (apply)
    apply_settings (self, step);
  if (self->panel == NULL)
    add_panel (self, self->window);
  show_page (self, step->info->page);
  speak_step (self);
  run_effect (self);
  update_panel (self);
  schedule_loop (self);
  g_debug ("Tour step %u: %s", self->index + 1, step->info->id);
}

static void
go_to (BkTour *self,
       guint   index)
{
  if (!self->running || index >= self->steps->len)
    return;
  leave_effects (self);
  self->index = index;
  show_step (self, TRUE);
}

void
bk_tour_next (BkTour *self)
{
  g_return_if_fail (BK_IS_TOUR (self));

  if (self->running && self->index + 1 >= self->steps->len)
    bk_tour_stop (self);
  else
    go_to (self, self->index + 1);
}

void
bk_tour_previous (BkTour *self)
{
  g_return_if_fail (BK_IS_TOUR (self));

  if (self->index > 0)
    go_to (self, self->index - 1);
}

void
bk_tour_repeat (BkTour *self)
{
  g_return_if_fail (BK_IS_TOUR (self));

  go_to (self, self->index);
}

/* The town's file, or the built-in steps with the reason on the panel. */
static void
load_steps (BkTour *self)
{
  BkSettings *settings = settings_of (self);
  const char *path = settings ? bk_settings_get_string (settings, "tour-file") : "";
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->steps, g_ptr_array_unref);
  g_clear_pointer (&self->file_problem, g_free);
  if (path != NULL && *path != '\0')
    self->steps = bk_tour_steps_new_from_file (path, &error);
  if (self->steps == NULL && error != NULL)
    {
      g_message ("Tour file not used, the built-in steps are shown: %s", error->message);
      /* Translators: on the tour's first step, for staff; %s names the file,
       * the field and the problem */
      self->file_problem = g_strdup_printf (_("The tour file could not be used, so the built-in steps are shown: %s"),
                                            error->message);
    }
  if (self->steps == NULL)
    self->steps = bk_tour_steps_new_builtin ();
}

/* The idle reset ran out during the tour (staff let the warning's time
 * pass): the kiosk is back at its defaults and forgot the session, so the
 * tour ends without bringing anything back. */
static void
session_reset_cb (BkTour *self)
{
  if (!self->running)
    return;
  g_clear_handle_id (&self->loop_source, g_source_remove);
  g_clear_handle_id (&self->help_source, g_source_remove);
  g_clear_handle_id (&self->reshow_source, g_source_remove);
  self->running = FALSE;
  self->step_utterance = 0;
  remove_panel (self);
  g_clear_pointer (&self->baseline, g_hash_table_unref);
  g_clear_pointer (&self->note, g_free);
  g_message ("The idle reset ended the demonstration tour");
}

static BkWindow *
find_window (BkTour *self)
{
  GtkWindow *active = self->app ? gtk_application_get_active_window (self->app) : NULL;

  if (BK_IS_WINDOW (active))
    return BK_WINDOW (active);
  for (GList *l = self->app ? gtk_application_get_windows (self->app) : NULL; l != NULL; l = l->next)
    if (BK_IS_WINDOW (l->data))
      return l->data;
  return NULL;
}

void
bk_tour_start (BkTour *self)
{
  g_return_if_fail (BK_IS_TOUR (self));

  if (self->running)
    return;
  g_set_weak_pointer (&self->window, find_window (self));
  if (self->window == NULL)
    return;
  load_steps (self);
  take_baseline (self);
  if (!self->watching_reset && self->window->session != NULL)
    {
      g_signal_connect_object (self->window->session, "reset", G_CALLBACK (session_reset_cb), self,
                               G_CONNECT_SWAPPED);
      self->watching_reset = TRUE;
    }
  self->running = TRUE;
  self->index = 0;
  g_message ("The demonstration tour begins (%u steps)", self->steps->len);
  show_step (self, TRUE);
}

void
bk_tour_stop (BkTour *self)
{
  g_return_if_fail (BK_IS_TOUR (self));

  if (!self->running)
    return;
  g_clear_handle_id (&self->loop_source, g_source_remove);
  g_clear_handle_id (&self->reshow_source, g_source_remove);
  leave_effects (self);
  apply_settings (self, NULL);
  self->running = FALSE;
  remove_panel (self);
  g_clear_pointer (&self->baseline, g_hash_table_unref);
  g_clear_pointer (&self->note, g_free);
  if (self->window != NULL)
    {
      show_page (self, "home");
      if (voice_of (self) != NULL)
        bk_voice_say_on_demand (voice_of (self), _("The tour has ended. Every setting is back as it was."), NULL);
    }
  g_message ("The demonstration tour ended; its settings are restored");
}

gboolean
bk_tour_is_running (BkTour *self)
{
  g_return_val_if_fail (BK_IS_TOUR (self), FALSE);

  return self->running;
}

guint
bk_tour_get_index (BkTour *self)
{
  g_return_val_if_fail (BK_IS_TOUR (self), 0);

  return self->index;
}

guint
bk_tour_get_n_steps (BkTour *self)
{
  g_return_val_if_fail (BK_IS_TOUR (self), 0);

  return self->steps ? self->steps->len : 0;
}

const char *
bk_tour_get_step_id (BkTour *self)
{
  g_return_val_if_fail (BK_IS_TOUR (self), NULL);

  return self->running && current_step (self) ? current_step (self)->info->id : NULL;
}

GtkWidget *
bk_tour_get_panel (BkTour *self)
{
  g_return_val_if_fail (BK_IS_TOUR (self), NULL);

  return self->panel;
}

const char *
bk_tour_get_note (BkTour *self)
{
  g_return_val_if_fail (BK_IS_TOUR (self), NULL);

  return self->note ? self->note : "";
}

/* ---- keys and windows ---------------------------------------------------- */

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                BkTour                *self)
{
  GtkWidget *window = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  BkSettings *settings = bk_context_get_settings (BK_WINDOW (window)->context);
  guint commands;

  if (!self->running || BK_WINDOW (window) != self->window || settings == NULL)
    return FALSE;

  commands = bk_keymap_lookup (bk_keymap_for_settings (settings), keyval);
  if (commands & BK_KEYPAD_MASK (BK_KEYPAD_NEXT) ||
      keyval == GDK_KEY_Right || keyval == GDK_KEY_Page_Down)
    bk_tour_next (self);
  else if (commands & BK_KEYPAD_MASK (BK_KEYPAD_BACK) ||
           keyval == GDK_KEY_Left || keyval == GDK_KEY_Page_Up)
    bk_tour_previous (self);
  else if (commands & BK_KEYPAD_MASK (BK_KEYPAD_ACTION) || keyval == GDK_KEY_r || keyval == GDK_KEY_R)
    bk_tour_repeat (self);
  else if (keyval == GDK_KEY_Escape)
    bk_tour_stop (self);
  else
    return FALSE;
  return TRUE;
}

static gboolean
reshow_cb (gpointer user_data)
{
  BkTour *self = user_data;

  self->reshow_source = 0;
  if (self->running)
    {
      add_panel (self, self->window);
      show_step (self, FALSE);
    }
  return G_SOURCE_REMOVE;
}

/* Every kiosk window takes the tour's keys before its router (GTK runs
 * the controller added last first); a window built anew while the tour
 * runs (a language change) gets the panel and shows the step again. */
static void
window_added_cb (BkTour    *self,
                 GtkWindow *window)
{
  GtkEventController *keys;

  if (!BK_IS_WINDOW (window))
    return;
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  gtk_event_controller_set_name (keys, "bk-tour-keys");
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (window), keys);

  if (self->running && BK_WINDOW (window) != self->window)
    {
      leave_effects (self);
      g_set_weak_pointer (&self->window, BK_WINDOW (window));
      g_clear_weak_pointer (&self->panel);
      g_clear_handle_id (&self->reshow_source, g_source_remove);
      /* after the new window has said its page and the change */
      self->reshow_source = g_idle_add_full (G_PRIORITY_LOW + 10, reshow_cb, self, NULL);
    }
}

static void
toggle_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  BkTour *self = bk_tour_get_for_app (user_data);

  if (self->running)
    bk_tour_stop (self);
  else
    bk_tour_start (self);
}

static void
bk_tour_dispose (GObject *object)
{
  BkTour *self = (BkTour *)object;

  g_clear_handle_id (&self->loop_source, g_source_remove);
  g_clear_handle_id (&self->help_source, g_source_remove);
  g_clear_handle_id (&self->reshow_source, g_source_remove);
  if (self->voice != NULL)
    g_clear_signal_handler (&self->finished_handler, self->voice);
  g_clear_object (&self->voice);
  g_clear_weak_pointer (&self->window);
  g_clear_weak_pointer (&self->panel);
  g_clear_weak_pointer (&self->app);

  G_OBJECT_CLASS (bk_tour_parent_class)->dispose (object);
}

static void
bk_tour_finalize (GObject *object)
{
  BkTour *self = (BkTour *)object;

  g_clear_pointer (&self->steps, g_ptr_array_unref);
  g_clear_pointer (&self->baseline, g_hash_table_unref);
  g_free (self->file_problem);
  g_free (self->note);

  G_OBJECT_CLASS (bk_tour_parent_class)->finalize (object);
}

static void
bk_tour_class_init (BkTourClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bk_tour_dispose;
  object_class->finalize = bk_tour_finalize;
}

static void
bk_tour_init (BkTour *self)
{
}

BkTour *
bk_tour_get_for_app (GtkApplication *app)
{
  return g_object_get_data (G_OBJECT (app), "bk-tour");
}

BkTour *
bk_tour_install (GtkApplication *app)
{
  static const GActionEntry entries[] = { { "tour", toggle_action } };
  const char *accels[] = { "<Control><Alt>t", NULL };
  BkTour *self;

  g_return_val_if_fail (GTK_IS_APPLICATION (app), NULL);

  self = g_object_new (BK_TYPE_TOUR, NULL);
  g_set_weak_pointer (&self->app, app);
  g_object_set_data_full (G_OBJECT (app), "bk-tour", self, g_object_unref);
  g_action_map_add_action_entries (G_ACTION_MAP (app), entries, G_N_ELEMENTS (entries), app);
  gtk_application_set_accels_for_action (app, "app.tour", accels);
  g_signal_connect_object (app, "window-added", G_CALLBACK (window_added_cb), self, G_CONNECT_SWAPPED);
  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    window_added_cb (self, l->data);
  return self;
}
