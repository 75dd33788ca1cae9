/* bk-window.c: the kiosk window: routing and history
 *
 * A header bar with Back and Start page, and a stack of pages, each a
 * BkPage handed the context. The window keeps the navigation history itself
 * (AdwNavigationView is libadwaita 1.4): an entry is a page and its target
 * (a motion id, a service id, a word), so Back shows exactly what was
 * there. Everything a page does differently is asked of the page; the
 * window knows page names only as routes.
 *
 * Every command is an action: win.back, win.home, win.show-services,
 * win.show-motions, win.open-motion(x), win.show-meetings,
 * win.show-projects(s) (a project's id or ""), win.open-service(s),
 * win.start-form(s) (a form id from bk-form.c, with the page shown as its
 * context), win.report-problem(s) (such a form from the start page, with
 * the service that takes it), win.show-glossary(s) (a word or ""), win.show-accessibility
 * (F2), win.show-tutorial, win.staff-mode (Ctrl+Alt+S), win.show-staff
 * (after the PIN), win.help (F1) with help.next-layer,
 * help.previous-layer, help.repeat and help.close, and
 * win.show-keyboard(b) (the on-screen keyboard for the focused text field;
 * false: as the kiosk opens it by itself, which a setting may forbid).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-window"

#include "bk-config.h"

#include <glib/gi18n.h>

#include "bk-a11y-page.h"
#include "bk-error.h"
#include "bk-error-page.h"
#include "bk-ez-tree.h"
#include "bk-form-page.h"
#include "bk-glossary-page.h"
#include "bk-help.h"
#include "bk-help-overlay.h"
#include "bk-home-page.h"
#include "bk-meetings-page.h"
#include "bk-motion-list-page.h"
#include "bk-motion-page.h"
#include "bk-projects-page.h"
#include "bk-osk.h"
#include "bk-page.h"
#include "bk-receipt-page.h"
#include "bk-service-page.h"
#include "bk-services-page.h"
#include "bk-settings.h"
#include "bk-store.h"
#include "bk-staff-mode-private.h"
#include "bk-staff-page.h"
#include "bk-tutorial-page.h"
#include "bk-ui.h"
#include "bk-window-private.h"

G_DEFINE_FINAL_TYPE (BkWindow, bk_window, ADW_TYPE_APPLICATION_WINDOW)

enum { PROP_0, PROP_CONTEXT, PROP_SESSION, N_PROPS };
static GParamSpec *properties[N_PROPS];

enum { PAGE_SHOWN, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
history_entry_clear (BkHistoryEntry *entry)
{
  g_clear_pointer (&entry->target, g_variant_unref);
}

static gboolean
targets_equal (GVariant *a,
               GVariant *b)
{
  return a == b || (a != NULL && b != NULL && g_variant_equal (a, b));
}

static BkPage *
page_by_name (BkWindow   *self,
              const char *name)
{
  return BK_PAGE (gtk_stack_get_child_by_name (self->stack, name));
}

static void
update_navigation (BkWindow *self)
{
  gboolean at_home = self->current.page == g_intern_static_string ("home");

  gtk_widget_set_visible (self->back_button, self->history->len > 0);
  gtk_widget_set_visible (self->home_button, !at_home);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.back", self->history->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.home", !at_home);
}

/* GTK 4.8 keeps the pages a stack does not show in the accessibility tree,
 * so a screen reader could wander into them: hide them for real. */
static void
show_only_page (BkWindow  *self,
                GtkWidget *page)
{
  gtk_widget_set_visible (page, TRUE);
  gtk_stack_set_visible_child (self->stack, page);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (child != page)
        gtk_widget_set_visible (child, FALSE);
    }
}

/* The citizen went on to next: unless it is an aside page (help-like),
 * every other page forgets what was entered there (a form, a receipt). */
static void
leave_pages (BkWindow  *self,
             GtkWidget *next)
{
  if (next == _bk_window_get_current_page (self) || bk_page_is_aside (BK_PAGE (next)))
    return;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (child != next)
      bk_page_leave (BK_PAGE (child));
}

/* What a citizen reads of why a page cannot be shown: the database's and
 * the system's messages name files and SQLite's words, which are for staff
 * (the journal); a citizen reads whom to ask. */
static char *
citizen_reason (const GError *error)
{
  gboolean technical = error->domain != BK_ERROR ||
                       error->code == BK_ERROR_DATABASE || error->code == BK_ERROR_DATABASE_BUSY ||
                       error->code == BK_ERROR_DATABASE_TOO_NEW || error->code == BK_ERROR_READ_ONLY ||
                       error->code == BK_ERROR_CORRUPT;

  if (!technical)
    return g_strdup (error->message);
  g_message ("A page could not be shown: %s", error->message);
  return g_strdup (_("Something went wrong in the kiosk. Please tell the staff."));
}

/* Shows entry (taking its target); the error page instead when its page
 * cannot show it, the start page when the page is not available. */
static void
show_entry (BkWindow       *self,
            BkHistoryEntry *entry)
{
  g_autoptr(GError) error = NULL;
  BkHistoryEntry shown = *entry;
  const char *heading = NULL;
  GtkWidget *page;

  page = gtk_stack_get_child_by_name (self->stack, shown.page);
  if (!bk_page_show_target (BK_PAGE (page), shown.target, &heading, &error))
    {
      history_entry_clear (&shown);
      if (error != NULL)
        {
          g_autofree char *reason = citizen_reason (error);

          shown.page = g_intern_static_string ("error");
          shown.target = g_variant_ref_sink (bk_error_page_target_new (heading ? heading : _("This cannot be shown"),
                                                                       reason));
        }
      else
        shown.page = g_intern_static_string ("home");
      page = gtk_stack_get_child_by_name (self->stack, shown.page);
      bk_page_show_target (BK_PAGE (page), shown.target, &heading, NULL);
    }
  leave_pages (self, page);
  /* The keyboard belongs to a field of the page that goes. */
  bk_osk_close (BK_OSK (self->keyboard), FALSE);

  self->changing_page++;
  history_entry_clear (&self->current);
  self->current = shown;
  show_only_page (self, page);
  /* The header was done when the window was mapped; pages build rows and
   * buttons when they are shown. */
  bk_ui_drop_doubled_names (page);
  bk_ui_limit_breaks_under (page);
  update_navigation (self);

  if (!gtk_widget_grab_focus (page))
    gtk_widget_child_focus (page, GTK_DIR_TAB_FORWARD);
  self->changing_page--;

  g_clear_handle_id (&self->status_source, g_source_remove);
  /* A window not on screen yet says its page when it is mapped. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && self->quiet_page == 0)
    _bk_window_speak_page (self);
  g_signal_emit (self, signals[PAGE_SHOWN], 0, self->current.page, self->current.target);
}

/* To page with target (floating or not; may be NULL). */
static void
navigate (BkWindow   *self,
          const char *name,
          GVariant   *target)
{
  BkHistoryEntry entry = { g_intern_string (name), target ? g_variant_ref_sink (target) : NULL };
  GtkWidget *current = _bk_window_get_current_page (self);

  if (entry.page == self->current.page && targets_equal (entry.target, self->current.target))
    {
      history_entry_clear (&entry);
      return;
    }

  /* An aside page shown already (the glossary at another word) changes in
   * place: Back still leads where the citizen came from. */
  if (entry.page == self->current.page && bk_page_is_aside (BK_PAGE (current)))
    {
      const char *heading = NULL;

      bk_page_show_target (BK_PAGE (current), entry.target, &heading, NULL);
      history_entry_clear (&self->current);
      self->current.target = g_steal_pointer (&entry.target);
      self->changing_page++;
      gtk_widget_grab_focus (current);
      self->changing_page--;
      _bk_window_speak_page (self);
      return;
    }

  /* Back returns to what the page shows now (the word being read). */
  g_clear_pointer (&self->current.target, g_variant_unref);
  self->current.target = bk_page_dup_target (BK_PAGE (current));

  if (entry.page == g_intern_static_string ("home"))
    g_array_set_size (self->history, 0);
  else
    {
      g_array_append_val (self->history, self->current);
      self->current.target = NULL;
    }

  show_entry (self, &entry);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BkWindow *self = BK_WINDOW (widget);
  BkHistoryEntry entry;

  if (self->history->len == 0)
    return;

  entry = g_array_index (self->history, BkHistoryEntry, self->history->len - 1);
  g_array_index (self->history, BkHistoryEntry, self->history->len - 1).target = NULL;
  g_array_set_size (self->history, self->history->len - 1);
  show_entry (self, &entry);
}

static void
home_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  navigate (BK_WINDOW (widget), "home", NULL);
}

static void
show_services_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  navigate (BK_WINDOW (widget), "services", NULL);
}

/* A page of the database's content; without a database, the error page
 * explains why there is nothing. */
static void
navigate_to_council_page (BkWindow   *self,
                          const char *page,
                          GVariant   *target)
{
  if (self->store_error != NULL)
    navigate (self, "error", self->store_error);
  else
    navigate (self, page, target);
}

static void
show_motions_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  navigate_to_council_page (BK_WINDOW (widget), "motions", NULL);
}

/* The meeting calendar; without a database, the error page says why. */
static void
show_meetings_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  navigate_to_council_page (BK_WINDOW (widget), "meetings", NULL);
}

/* The digital projects, at one project ("" for the top); without a
 * database, the error page says why. */
static void
show_projects_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  navigate_to_council_page (BK_WINDOW (widget), "projects", parameter);
}

/* From every page, the error page too: the one way into the panel. */
static void
show_accessibility_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  navigate (BK_WINDOW (widget), "accessibility", NULL);
}

static void
show_tutorial_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  BkWindow *self = BK_WINDOW (widget);

  bk_help_overlay_close (BK_HELP_OVERLAY (self->help_overlay));
  navigate (self, "tutorial", NULL);
}

static void
open_motion_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  navigate (BK_WINDOW (widget), "motion", parameter);
}

static void
open_service_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  navigate (BK_WINDOW (widget), "service", parameter);
}

/* The glossary at a word ("" for the list alone). */
static void
show_glossary_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  navigate (BK_WINDOW (widget), "glossary", parameter);
}

/* win.start-form('appointment'): the form, with the page the citizen is
 * reading (a service, a motion) as its context. */
static void
start_form_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  BkWindow *self = BK_WINDOW (widget);
  const char *form_id = g_variant_get_string (parameter, NULL);
  const BkForm *form = bk_form_lookup (form_id);
  BkFormContext context = { NULL, };

  if (form == NULL)
    {
      g_warning ("win.start-form: there is no form called “%s”", form_id);
      return;
    }

  bk_page_fill_form_context (BK_PAGE (_bk_window_get_current_page (self)), &context);
  if (form->kind == BK_SUBMISSION_MOTION_FEEDBACK && context.motion_id == 0)
    {
      g_warning ("win.start-form: “%s” needs a motion; open one first", form_id);
      return;
    }

  bk_form_page_start (BK_FORM_PAGE (self->form_page), form_id, &context);
  navigate (self, "form", parameter);
}

/* The service that takes a form started from the start page: the only one
 * offering it, or the one of the kiosk's own town; NULL when the citizen
 * must choose (several towns, none set up as the kiosk's). */
static char *
dup_form_service (BkWindow   *self,
                  const char *form_id)
{
  BkStore *store = bk_context_get_store (self->context);
  BkSettings *settings = bk_context_get_settings (self->context);
  const char *town = settings != NULL ? bk_settings_get_string (settings, "municipality") : NULL;
  g_auto(GStrv) ids = NULL;
  g_autoptr(BkService) first = NULL;

  if (store == NULL)
    return NULL;
  ids = bk_store_list_services_with_form (store, form_id, town);
  if (ids[0] == NULL)
    return NULL;
  if (ids[1] == NULL)
    return g_strdup (ids[0]);
  if (town == NULL || *town == '\0')
    return NULL;
  first = bk_store_load_service (store, ids[0], NULL);
  return first != NULL && g_strcmp0 (first->municipality, town) == 0 ? g_strdup (ids[0]) : NULL;
}

/* win.report-problem('defect-report'): the form straight from the start
 * page (a task of few presses by keypad or switch). Back from the form
 * leads to the service's page, as if the citizen had come that way; where
 * the town is not clear, the services, to choose. */
static void
report_problem_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  BkWindow *self = BK_WINDOW (widget);
  const char *form_id = g_variant_get_string (parameter, NULL);
  g_autofree char *service_id = dup_form_service (self, form_id);

  /* without a database, the error page says why */
  if (service_id == NULL)
    {
      navigate_to_council_page (self, "services", NULL);
      return;
    }
  self->quiet_page++;
  navigate (self, "service", g_variant_new_string (service_id));
  self->quiet_page--;
  if (g_strcmp0 (self->current.page, "service") != 0)
    return;
  start_form_action (widget, "win.start-form", parameter);
}

/* The receipt takes the form's place: Back leads to where the form was
 * started, not into the sent form. */
static void
form_submitted_cb (BkWindow        *self,
                   const BkReceipt *receipt)
{
  BkHistoryEntry entry = { g_intern_static_string ("receipt"), NULL };

  bk_receipt_page_show (BK_RECEIPT_PAGE (self->receipt_page), receipt);
  show_entry (self, &entry);
}

/* The item the help explains: the focus (the keypad's reading cursor gives
 * GTK focus to what it highlights). */
/* Whether a widget under root has css_class, shown or not. */
static gboolean
has_class_below (GtkWidget  *root,
                 const char *css_class)
{
  if (gtk_widget_has_css_class (root, css_class))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_class_below (child, css_class))
      return TRUE;
  return FALSE;
}

/* The page's help, and on a page with Read aloud buttons what they do, or,
 * without a speech service (no sound device), that nothing can be read: the
 * buttons are hidden then, and the help must not promise them. */
static char *
dup_help_text (BkWindow *self,
               BkPage   *page)
{
  const char *text = bk_page_get_help_text (page);
  BkVoice *voice = bk_context_get_voice (self->context);

  if (!has_class_below (GTK_WIDGET (page), "read-aloud"))
    return g_strdup (text);
  if (voice != NULL && bk_voice_has_speech (voice))
    /* Translators: added to the help of a screen with Read aloud buttons */
    return g_strconcat (text, " ", _("Each part has a Read aloud button."), NULL);
  /* Translators: added to the help of a screen with Read aloud buttons when the kiosk cannot speak */
  return g_strconcat (text, " ", _("Speech is not available on this kiosk right now, so nothing can be read aloud. "
                                   "The staff can help."), NULL);
}

static void
help_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BkWindow *self = BK_WINDOW (widget);
  BkHelpOverlay *overlay = BK_HELP_OVERLAY (self->help_overlay);
  BkPage *page = BK_PAGE (_bk_window_get_current_page (self));

  if (bk_help_overlay_is_open (overlay))
    {
      bk_help_overlay_close (overlay);
      return;
    }

  /* The help says itself; the focus moving into it is not said too. */
  self->changing_page++;
  {
    g_autofree char *text = dup_help_text (self, page);

    bk_help_overlay_open (overlay, gtk_root_get_focus (GTK_ROOT (self)),
                          text, bk_context_get_voice (self->context));
  }
  self->changing_page--;
}

/* The help's commands, also on the window so that the keypad can reach
 * them with gtk_widget_activate_action on it. */
static void
help_command_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BkHelpOverlay *overlay = BK_HELP_OVERLAY (BK_WINDOW (widget)->help_overlay);

  if (g_str_equal (action_name, "help.next-layer"))
    bk_help_overlay_next_layer (overlay);
  else if (g_str_equal (action_name, "help.previous-layer"))
    bk_help_overlay_previous_layer (overlay);
  else if (g_str_equal (action_name, "help.repeat"))
    bk_help_overlay_repeat (overlay);
  else
    bk_help_overlay_close (overlay);
}

/* The on-screen keyboard for the text field that has the focus. */
static void
show_keyboard_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  BkWindow *self = BK_WINDOW (widget);

  bk_osk_request (BK_OSK (self->keyboard), gtk_root_get_focus (GTK_ROOT (self)),
                  !g_variant_get_boolean (parameter));
}

static void
staff_mode_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  bk_staff_mode_request (BK_WINDOW (widget)->staff_mode);
}

/* The staff page shows only while staff mode is open (after the PIN). */
static void
show_staff_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  navigate (BK_WINDOW (widget), "staff", NULL);
}

/* The first page is said once the window is on screen and its focus has
 * settled: GTK moves the focus while it maps a window, and that move must
 * not cut the page short. */
static gboolean
speak_first_page_cb (gpointer user_data)
{
  BkWindow *self = user_data;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  self->first_page_source = 0;
  self->changing_page--;
  if (focus != NULL)
    _bk_window_hook_focus (self, focus);
  _bk_window_speak_page (self);

  return G_SOURCE_REMOVE;
}

static void
map_cb (BkWindow *self)
{
  /* A kiosk is used with keys as much as with touch: show where the focus
   * is from the start (GTK resets this when the window is mapped). */
  gtk_window_set_focus_visible (GTK_WINDOW (self), TRUE);
  bk_ui_drop_doubled_names (GTK_WIDGET (self));
  bk_ui_limit_breaks_under (GTK_WIDGET (self));

  if (self->first_page_source == 0)
    {
      self->changing_page++;
      self->first_page_source = g_idle_add (speak_first_page_cb, self);
    }
}

/* Wherever the focus goes, it is on screen: after the layout of what was
 * just built, its scrolled window follows it. */
static gboolean
show_focus_cb (gpointer user_data)
{
  BkWindow *self = user_data;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  self->show_focus_source = 0;
  if (focus != NULL)
    bk_ez_scroll_into_view (focus);
  return G_SOURCE_REMOVE;
}

static void
focus_moved_cb (BkWindow *self)
{
  if (self->show_focus_source == 0)
    self->show_focus_source = g_idle_add (show_focus_cb, self);
}

static void
page_shown_cb (BkWindow   *self,
               const char *page)
{
  bk_staff_mode_page_shown (self->staff_mode, page);
}

static void
set_item_help (BkWindow *self)
{
  bk_help_set_item_text (self->back_button,
                         /* Translators: item help of the Back button */
                         _("Goes back to the screen you saw before."));
  bk_help_set_item_text (self->home_button,
                         /* Translators: item help of the Start page button */
                         _("Goes to the start page. There you can choose again."));
  bk_help_set_item_text (self->help_button,
                         /* Translators: item help of the Help button */
                         _("Opens help: first about the item you are on, then about the screen, then about the kiosk. "
                           "Press it again to close help."));
}

static void
text_scale_changed_cb (BkWindow *self)
{
  BkSettings *settings = bk_context_get_settings (self->context);

  bk_ui_scale_clamps (GTK_WIDGET (self), CLAMP (bk_settings_get_int (settings, "text-scale"), 100, 300));
}

static void
bk_window_constructed (GObject *object)
{
  BkWindow *self = BK_WINDOW (object);

  G_OBJECT_CLASS (bk_window_parent_class)->constructed (object);

  g_assert (BK_IS_CONTEXT (self->context));

  for (GtkWidget *page = gtk_widget_get_first_child (GTK_WIDGET (self->stack));
       page != NULL;
       page = gtk_widget_get_next_sibling (page))
    g_object_set (page, "context", self->context, NULL);

  /* The EZ keypad, explore mode and switch scanning. */
  self->navigator = bk_navigator_new (GTK_WIDGET (self), self->stack, bk_context_get_voice (self->context));
  g_object_bind_property (self->back_button, "visible", self->navigator, "can-go-back", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->help_overlay, "visible", self->navigator, "help-open", G_BINDING_SYNC_CREATE);
  bk_osk_attach (BK_OSK (self->keyboard), GTK_WINDOW (self), bk_context_get_voice (self->context));
  bk_navigator_set_keyboard (self->navigator, BK_OSK (self->keyboard));
  self->staff_mode = bk_staff_mode_new (GTK_WINDOW (self), self->modal_layer, self->context,
                                        BK_STAFF_PAGE (self->staff_page), self->staff_button);
  g_signal_connect (self, "page-shown", G_CALLBACK (page_shown_cb), NULL);
  g_signal_connect (self, "notify::focus-widget", G_CALLBACK (focus_moved_cb), NULL);
  if (bk_context_get_settings (self->context) != NULL)
    {
      g_signal_connect_object (bk_context_get_settings (self->context), "notify::text-scale",
                               G_CALLBACK (text_scale_changed_cb), self, G_CONNECT_SWAPPED);
      text_scale_changed_cb (self);
    }

  _bk_window_keys_init (self);
  /* After the key router: GTK runs the controller added last first, so
   * the frame log sees every key, also those the router takes. */
  _bk_window_frames_init (self);
  _bk_window_voice_init (self);
  if (self->session != NULL)
    bk_session_attach_window (self->session, GTK_WINDOW (self));

  g_signal_connect (self, "map", G_CALLBACK (map_cb), NULL);
}

static void
bk_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  BkWindow *self = BK_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  BkWindow *self = BK_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_window_dispose (GObject *object)
{
  BkWindow *self = (BkWindow *)object;

  if (self->first_page_source != 0)
    {
      g_clear_handle_id (&self->first_page_source, g_source_remove);
      self->changing_page--;
    }
  g_clear_handle_id (&self->show_focus_source, g_source_remove);
  _bk_window_voice_dispose (self);
  g_clear_object (&self->navigator);
  g_clear_object (&self->staff_mode);
  gtk_widget_dispose_template (GTK_WIDGET (self), BK_TYPE_WINDOW);
  g_clear_object (&self->session);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (bk_window_parent_class)->dispose (object);
}

static void
bk_window_finalize (GObject *object)
{
  BkWindow *self = (BkWindow *)object;

  g_clear_pointer (&self->history, g_array_unref);
  history_entry_clear (&self->current);
  g_clear_pointer (&self->store_error, g_variant_unref);

  G_OBJECT_CLASS (bk_window_parent_class)->finalize (object);
}

static void
bk_window_class_init (BkWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = bk_window_constructed;
  object_class->get_property = bk_window_get_property;
  object_class->set_property = bk_window_set_property;
  object_class->dispose = bk_window_dispose;
  object_class->finalize = bk_window_finalize;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, BK_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, BK_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[PAGE_SHOWN] =
    g_signal_new ("page-shown",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_VARIANT);

  /* The types its template names. */
  bk_ui_init ();
  g_type_ensure (BK_TYPE_A11Y_PAGE);
  g_type_ensure (BK_TYPE_ERROR_PAGE);
  g_type_ensure (BK_TYPE_FORM_PAGE);
  g_type_ensure (BK_TYPE_GLOSSARY_PAGE);
  g_type_ensure (BK_TYPE_HELP_OVERLAY);
  g_type_ensure (BK_TYPE_HOME_PAGE);
  g_type_ensure (BK_TYPE_MEETINGS_PAGE);
  g_type_ensure (BK_TYPE_MOTION_LIST_PAGE);
  g_type_ensure (BK_TYPE_MOTION_PAGE);
  g_type_ensure (BK_TYPE_PROJECTS_PAGE);
  g_type_ensure (BK_TYPE_OSK);
  g_type_ensure (BK_TYPE_RECEIPT_PAGE);
  g_type_ensure (BK_TYPE_SERVICE_PAGE);
  g_type_ensure (BK_TYPE_SERVICES_PAGE);
  g_type_ensure (BK_TYPE_STAFF_PAGE);
  g_type_ensure (BK_TYPE_TUTORIAL_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/buergerkiosk/Kiosk/ui/bk-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BkWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, BkWindow, home_button);
  gtk_widget_class_bind_template_child (widget_class, BkWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, BkWindow, modal_layer);
  gtk_widget_class_bind_template_child (widget_class, BkWindow, form_page);
  gtk_widget_class_bind_template_child (widget_class, BkWindow, receipt_page);
  gtk_widget_class_bind_template_child (widget_class, BkWindow, a11y_button);
  gtk_widget_class_bind_template_child (widget_class, BkWindow, help_button);
  gtk_widget_class_bind_template_child (widget_class, BkWindow, help_overlay);
  gtk_widget_class_bind_template_child (widget_class, BkWindow, staff_page);
  gtk_widget_class_bind_template_child (widget_class, BkWindow, staff_button);
  gtk_widget_class_bind_template_child (widget_class, BkWindow, keyboard);
  gtk_widget_class_bind_template_child (widget_class, BkWindow, caption_bar);
  gtk_widget_class_bind_template_child (widget_class, BkWindow, caption_label);
  gtk_widget_class_bind_template_child (widget_class, BkWindow, cue_banner);

  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "win.home", NULL, home_action);
  gtk_widget_class_install_action (widget_class, "win.show-services", NULL, show_services_action);
  gtk_widget_class_install_action (widget_class, "win.show-motions", NULL, show_motions_action);
  gtk_widget_class_install_action (widget_class, "win.open-motion", "x", open_motion_action);
  gtk_widget_class_install_action (widget_class, "win.show-meetings", NULL, show_meetings_action);
  gtk_widget_class_install_action (widget_class, "win.show-projects", "s", show_projects_action);
  gtk_widget_class_install_action (widget_class, "win.open-service", "s", open_service_action);
  gtk_widget_class_install_action (widget_class, "win.start-form", "s", start_form_action);
  gtk_widget_class_install_action (widget_class, "win.report-problem", "s", report_problem_action);
  gtk_widget_class_install_action (widget_class, "win.show-glossary", "s", show_glossary_action);
  gtk_widget_class_install_action (widget_class, "win.show-accessibility", NULL, show_accessibility_action);
  gtk_widget_class_install_action (widget_class, "win.show-tutorial", NULL, show_tutorial_action);
  gtk_widget_class_install_action (widget_class, "win.help", NULL, help_action);
  gtk_widget_class_install_action (widget_class, "win.show-keyboard", "b", show_keyboard_action);
  gtk_widget_class_install_action (widget_class, "win.staff-mode", NULL, staff_mode_action);
  gtk_widget_class_install_action (widget_class, "win.show-staff", NULL, show_staff_action);
  gtk_widget_class_install_action (widget_class, "help.next-layer", NULL, help_command_action);
  gtk_widget_class_install_action (widget_class, "help.previous-layer", NULL, help_command_action);
  gtk_widget_class_install_action (widget_class, "help.repeat", NULL, help_command_action);
  gtk_widget_class_install_action (widget_class, "help.close", NULL, help_command_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "win.show-accessibility", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F1, 0, "win.help", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, GDK_ALT_MASK, "win.home", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Home, GDK_ALT_MASK, "win.home", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_ALT_MASK,
                                       "win.staff-mode", NULL);
}

static void
bk_window_init (BkWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->history = g_array_new (FALSE, FALSE, sizeof (BkHistoryEntry));
  g_array_set_clear_func (self->history, (GDestroyNotify) history_entry_clear);
  self->current.page = g_intern_static_string ("home");

  set_item_help (self);
  g_signal_connect_object (self->form_page, "submitted",
                           G_CALLBACK (form_submitted_cb), self, G_CONNECT_SWAPPED);
}

BkWindow *
bk_window_new (GtkApplication *application,
               BkContext      *context,
               BkSession      *session,
               const GError   *error)
{
  BkWindow *self;
  BkHistoryEntry entry = { g_intern_static_string ("home"), NULL };

  g_return_val_if_fail (!application || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (BK_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (!session || BK_IS_SESSION (session), NULL);

  self = g_object_new (BK_TYPE_WINDOW,
                       "application", application,
                       "context", context,
                       "session", session,
                       NULL);

  if (bk_context_get_store (context) == NULL)
    {
      /* The reason (a path, SQLite's words) is in the journal: the
       * application logs it when the store does not open. */
      self->store_error = g_variant_ref_sink (bk_error_page_target_new (_("The motions cannot be shown"),
                                                                        _("The kiosk could not open its database of motions. Please tell the staff.")));
      entry.page = g_intern_static_string ("error");
      entry.target = g_variant_ref (self->store_error);
    }
  show_entry (self, &entry);

  return self;
}

BkContext *
bk_window_get_context (BkWindow *self)
{
  g_return_val_if_fail (BK_IS_WINDOW (self), NULL);

  return self->context;
}

const char *
bk_window_get_page_name (BkWindow *self)
{
  g_return_val_if_fail (BK_IS_WINDOW (self), NULL);

  return self->current.page;
}

/* ---- for tests ------------------------------------------------------------- */

GtkWidget *
bk_window_get_page (BkWindow   *self,
                    const char *name)
{
  g_return_val_if_fail (BK_IS_WINDOW (self), NULL);

  return gtk_stack_get_child_by_name (self->stack, name);
}

/* The names of all pages, in the stack's order; for tests and screenshots. */
GStrv
bk_window_dup_page_names (BkWindow *self)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();

  g_return_val_if_fail (BK_IS_WINDOW (self), NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *name = gtk_stack_page_get_name (gtk_stack_get_page (self->stack, child));

      if (name != NULL)
        g_strv_builder_add (names, name);
    }

  return g_strv_builder_end (names);
}

gboolean
bk_window_show_page (BkWindow   *self,
                     const char *name,
                     gint64      motion_id)
{
  GVariant *target = NULL;

  g_return_val_if_fail (BK_IS_WINDOW (self), FALSE);

  if (name == NULL || gtk_stack_get_child_by_name (self->stack, name) == NULL)
    return FALSE;

  if (g_str_equal (name, "staff"))
    _bk_staff_mode_open_without_pin (self->staff_mode);
  else if (g_str_equal (name, "motion"))
    target = g_variant_new_int64 (motion_id);
  else if (g_str_equal (name, "error"))
    target = self->store_error;
  /* The service page needs a service: the one it shows, or the first. */
  else if (g_str_equal (name, "service"))
    {
      g_autoptr(GVariant) shown = bk_page_dup_target (page_by_name (self, "service"));
      BkStore *store = bk_context_get_store (self->context);

      if (shown != NULL)
        target = g_variant_new_string (g_variant_get_string (shown, NULL));
      else if (store != NULL)
        {
          g_autoptr(GPtrArray) services = bk_store_list_services (store, NULL, NULL, NULL);

          if (services != NULL && services->len > 0)
            target = g_variant_new_string (((BkServiceSummary *) g_ptr_array_index (services, 0))->id);
        }
    }

  navigate (self, name, target);
  return TRUE;
}

GtkWidget *
bk_window_get_back_button (BkWindow *self)
{
  g_return_val_if_fail (BK_IS_WINDOW (self), NULL);

  return self->back_button;
}

GtkWidget *
bk_window_get_home_button (BkWindow *self)
{
  g_return_val_if_fail (BK_IS_WINDOW (self), NULL);

  return self->home_button;
}

GtkWidget *
bk_window_get_a11y_button (BkWindow *self)
{
  g_return_val_if_fail (BK_IS_WINDOW (self), NULL);

  return self->a11y_button;
}

GtkWidget *
bk_window_get_help_button (BkWindow *self)
{
  g_return_val_if_fail (BK_IS_WINDOW (self), NULL);

  return self->help_button;
}

GtkWidget *
bk_window_get_help_overlay (BkWindow *self)
{
  g_return_val_if_fail (BK_IS_WINDOW (self), NULL);

  return self->help_overlay;
}

BkStore *
bk_window_get_store (BkWindow *self)
{
  g_return_val_if_fail (BK_IS_WINDOW (self), NULL);

  return bk_context_get_store (self->context);
}

BkVoice *
bk_window_get_voice (BkWindow *self)
{
  g_return_val_if_fail (BK_IS_WINDOW (self), NULL);

  return bk_context_get_voice (self->context);
}

const char *
bk_window_get_error_text (BkWindow *self)
{
  g_return_val_if_fail (BK_IS_WINDOW (self), NULL);

  return bk_error_page_get_message (BK_ERROR_PAGE (page_by_name (self, "error")));
}

BkNavigator *
bk_window_get_navigator (BkWindow *self)
{
  g_return_val_if_fail (BK_IS_WINDOW (self), NULL);

  return self->navigator;
}

GtkWidget *
bk_window_get_keyboard (BkWindow *self)
{
  g_return_val_if_fail (BK_IS_WINDOW (self), NULL);

  return self->keyboard;
}

BkStaffMode *
bk_window_get_staff_mode (BkWindow *self)
{
  g_return_val_if_fail (BK_IS_WINDOW (self), NULL);

  return self->staff_mode;
}
