/* bk-window.c: the kiosk window
 *
 * A header bar with Back and Start page, and a stack of pages. The window
 * keeps the navigation history itself (AdwNavigationView is libadwaita 1.4).
 * Every command is an action: win.back, win.home, win.show-services,
 * win.show-motions, win.open-motion(x), win.open-service(s), win.start-form(s) (a form
 * id from bk-form.c, with the shown service or motion as context), win.show-glossary(s) (a word or ""), win.show-accessibility (F2),
 * win.show-tutorial and win.help (F1) with help.next-layer, help.previous-layer,
 * help.repeat and help.close.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-window"

#include "bk-config.h"

#include <glib/gi18n.h>

#include "bk-a11y-page.h"
#include "bk-form-page.h"
#include "bk-glossary-page.h"
#include "bk-help-overlay.h"
#include "bk-home-page.h"
#include "bk-motion-list-page.h"
#include "bk-motion-page.h"
#include "bk-navigator.h"
#include "bk-receipt-page.h"
#include "bk-service-page.h"
#include "bk-services-page.h"
#include "bk-staff-mode.h"
#include "bk-staff-page.h"
#include "bk-tutorial-page.h"
#include "bk-ui.h"
#include "bk-voice.h"
#include "bk-window.h"

#define STATUS_DELAY_MS 700      /* a search settles before its count is said */
#define CUE_BANNER_MS 1500
#define CAPTION_LINGER_MS 2500

typedef struct
{
  const char *page;   /* interned */
  gint64      motion_id;
  const char *term;   /* the glossary's word, interned, or NULL */
  const char *service_id; /* the "service" page's service, interned, or NULL */
} HistoryEntry;

struct _BkWindow
{
  AdwApplicationWindow  parent_instance;

  BkStore              *store;
  GArray               *history;   /* HistoryEntry, without the current one */
  HistoryEntry          current;

  GtkWidget            *back_button;
  GtkWidget            *home_button;
  GtkStack             *stack;
  GtkWidget            *home_page;
  GtkWidget            *services_page;
  GtkWidget            *service_page;
  GtkWidget            *motion_list_page;
  GtkWidget            *motion_page;
  GtkWidget            *form_page;
  GtkWidget            *receipt_page;
  GtkWidget            *glossary_page;
  GtkWidget            *a11y_page;
  GtkWidget            *a11y_button;
  GtkWidget            *help_button;
  GtkWidget            *help_overlay;
  GtkWidget            *tutorial_page;
  GtkWidget            *staff_page;
  GtkWidget            *staff_button;
  GtkLabel             *error_heading;
  GtkLabel             *error_label;
  GtkWidget            *caption_bar;
  GtkLabel             *caption_label;
  GtkLabel             *cue_banner;

  BkVoice              *voice;
  BkNavigator          *navigator;
  int                   changing_page;
  guint                 status_source;
  char                 *pending_status;
  guint                 cue_banner_source;
  guint                 caption_source;
  guint                 caption_id;
};

G_DEFINE_FINAL_TYPE (BkWindow, bk_window, ADW_TYPE_APPLICATION_WINDOW)

static void
set_error (BkWindow   *self,
           const char *heading,
           const char *message)
{
  gtk_label_set_text (self->error_heading, heading);
  gtk_label_set_text (self->error_label, message);
  bk_ui_set_accessible (GTK_WIDGET (self->error_label), message, NULL);
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
show_only_page (BkWindow   *self,
                const char *name)
{
  GtkWidget *page = gtk_stack_get_child_by_name (self->stack, name);

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

/* ---- voice --------------------------------------------------------------- */

/* What the voice says when a page is shown: its title and what is on it. */
static char *
dup_page_summary (BkWindow *self)
{
  const char *page = self->current.page;

  if (page == g_intern_static_string ("home"))
    /* Translators: spoken when the start page is shown */
    return g_strdup_printf (_("%s. %s Services or council motions."),
                            _("Start page"), _("What would you like to do?"));

  if (page == g_intern_static_string ("services"))
    return bk_services_page_dup_summary (BK_SERVICES_PAGE (self->services_page));

  if (page == g_intern_static_string ("service"))
    return bk_service_page_dup_summary (BK_SERVICE_PAGE (self->service_page));

  if (page == g_intern_static_string ("motions"))
    return bk_motion_list_page_dup_summary (BK_MOTION_LIST_PAGE (self->motion_list_page));

  if (page == g_intern_static_string ("motion"))
    return bk_motion_page_dup_summary (BK_MOTION_PAGE (self->motion_page));

  if (page == g_intern_static_string ("form"))
    return bk_form_page_dup_summary (BK_FORM_PAGE (self->form_page));

  if (page == g_intern_static_string ("receipt"))
    return bk_receipt_page_dup_summary (BK_RECEIPT_PAGE (self->receipt_page));

  if (page == g_intern_static_string ("glossary"))
    return bk_glossary_page_dup_summary (BK_GLOSSARY_PAGE (self->glossary_page));

  if (page == g_intern_static_string ("tutorial"))
    return bk_tutorial_page_dup_summary (BK_TUTORIAL_PAGE (self->tutorial_page));

  if (page == g_intern_static_string ("accessibility"))
    return bk_a11y_page_dup_summary (BK_A11Y_PAGE (self->a11y_page));

  if (page == g_intern_static_string ("error"))
    /* Translators: spoken on the error page: its heading, then the message */
    return g_strdup_printf (_("%s. %s"),
                            gtk_label_get_text (self->error_heading),
                            gtk_label_get_text (self->error_label));

  return NULL;
}

static void
speak_page (BkWindow *self)
{
  g_autofree char *summary = NULL;
  GtkWidget *focus;

  if (self->voice == NULL)
    return;

  if (self->current.page == g_intern_static_string ("error"))
    bk_voice_cue (self->voice, BK_EARCON_ERROR, GTK_WIDGET (self->error_heading));

  /* The page first (interrupting), then where the focus is (queued). */
  summary = dup_page_summary (self);
  bk_voice_speak_page (self->voice, summary);

  focus = gtk_root_get_focus (GTK_ROOT (self));
  if (focus != NULL)
    bk_voice_speak_focus (self->voice, focus, BK_SPEECH_QUEUE);
}

static void
button_clicked_cb (GtkWidget *button,
                   BkWindow  *self)
{
  if (self->voice != NULL)
    bk_voice_cue (self->voice, BK_EARCON_ACTIVATE, button);
}

static void
list_activated_cb (GtkListView *list,
                   guint        position,
                   BkWindow    *self)
{
  if (self->voice != NULL)
    bk_voice_cue (self->voice, BK_EARCON_ACTIVATE, gtk_root_get_focus (GTK_ROOT (self)));
}

/* Activation earcons: connected to what gets the focus, once. */
static void
hook_activation (BkWindow  *self,
                 GtkWidget *widget)
{
  GtkWidget *list;

  if (GTK_IS_BUTTON (widget) && g_object_get_data (G_OBJECT (widget), "bk-voice-hooked") == NULL)
    {
      g_object_set_data (G_OBJECT (widget), "bk-voice-hooked", GINT_TO_POINTER (1));
      g_signal_connect_object (widget, "clicked", G_CALLBACK (button_clicked_cb), self, 0);
    }

  list = gtk_widget_get_ancestor (widget, GTK_TYPE_LIST_VIEW);
  if (list != NULL && g_object_get_data (G_OBJECT (list), "bk-voice-hooked") == NULL)
    {
      g_object_set_data (G_OBJECT (list), "bk-voice-hooked", GINT_TO_POINTER (1));
      g_signal_connect_object (list, "activate", G_CALLBACK (list_activated_cb), self, 0);
    }
}

static void
focus_changed_cb (BkWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (self->voice == NULL || focus == NULL)
    return;

  hook_activation (self, focus);

  /* A page change says the page, then the focus (speak_page); the keypad's
   * reading cursor says what it moves to itself. */
  if (self->changing_page > 0 || bk_navigator_is_moving (self->navigator))
    return;

  bk_voice_cue (self->voice, BK_EARCON_MOVE, focus);
  bk_voice_speak_focus (self->voice, focus, BK_SPEECH_INTERRUPT);
}

/* Up at the first row or Down at the last one: the edge earcon. */
static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                BkWindow              *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GtkListItem *item;
  GtkWidget *list;
  GtkSelectionModel *model;
  guint position, n;
  gboolean up = keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up;
  gboolean down = keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down;

  /* The tutorial teaches the keys: it gets them before anything acts on
   * them (Back and Help included), unless the help is open over it. */
  if (self->current.page == g_intern_static_string ("tutorial") &&
      !bk_help_overlay_is_open (BK_HELP_OVERLAY (self->help_overlay)) &&
      bk_tutorial_page_handle_key (BK_TUTORIAL_PAGE (self->tutorial_page), keyval, state))
    return TRUE;

  if (self->voice == NULL || focus == NULL || !(up || down) ||
      bk_navigator_owns_key (self->navigator, keyval, state))
    return FALSE;

  item = g_object_get_data (G_OBJECT (focus), "bk-list-item");
  list = gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_VIEW);
  model = list ? gtk_list_view_get_model (GTK_LIST_VIEW (list)) : NULL;
  if (item == NULL || model == NULL)
    return FALSE;

  position = gtk_list_item_get_position (item);
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  if ((up && position == 0) || (down && position + 1 >= n))
    bk_voice_cue (self->voice, BK_EARCON_EDGE, focus);

  return FALSE;
}

/* The tutorial ignores a held key's repeats until it is released. */
static void
key_released_cb (GtkEventControllerKey *controller,
                 guint                  keyval,
                 guint                  keycode,
                 GdkModifierType        state,
                 BkWindow              *self)
{
  bk_tutorial_page_handle_key_release (BK_TUTORIAL_PAGE (self->tutorial_page), keyval);
}

static gboolean
hide_cue_banner_cb (gpointer user_data)
{
  BkWindow *self = user_data;

  self->cue_banner_source = 0;
  gtk_widget_set_visible (GTK_WIDGET (self->cue_banner), FALSE);

  return G_SOURCE_REMOVE;
}

/* Error and edge also show in words, for a moment. */
static void
cue_cb (BkWindow *self,
        int       earcon)
{
  const char *text = NULL;

  switch (earcon)
    {
    case BK_EARCON_EDGE:
      {
        GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
        GtkListItem *item = focus ? g_object_get_data (G_OBJECT (focus), "bk-list-item") : NULL;

        /* The keypad's cursor at the top or end of the screen. */
        text = bk_navigator_get_edge_text (self->navigator);
        if (text != NULL)
          break;
        text = item != NULL && gtk_list_item_get_position (item) == 0
               /* Translators: shown briefly when Up is pressed on the first row */
               ? _("Start of the list")
               /* Translators: shown briefly when Down is pressed on the last row */
               : _("End of the list");
      }
      break;

    case BK_EARCON_ERROR:
      /* Translators: shown briefly with the error sound */
      text = _("There is a problem");
      break;

    default:
      return;
    }

  gtk_label_set_text (self->cue_banner, text);
  gtk_widget_remove_css_class (GTK_WIDGET (self->cue_banner), "edge");
  gtk_widget_remove_css_class (GTK_WIDGET (self->cue_banner), "error");
  gtk_widget_add_css_class (GTK_WIDGET (self->cue_banner), earcon == BK_EARCON_ERROR ? "error" : "edge");
  gtk_widget_set_visible (GTK_WIDGET (self->cue_banner), TRUE);
  g_clear_handle_id (&self->cue_banner_source, g_source_remove);
  self->cue_banner_source = g_timeout_add (CUE_BANNER_MS, hide_cue_banner_cb, self);
}

static void
update_caption_bar (BkWindow *self)
{
  /* The open help shows what it says itself, and needs the room. */
  gboolean shown = self->voice != NULL &&
                   bk_voice_has_speech (self->voice) &&
                   bk_settings_get_captions_enabled (bk_voice_get_settings (self->voice)) &&
                   !gtk_widget_get_visible (self->help_overlay);

  gtk_widget_set_visible (self->caption_bar, shown);
}

static void
caption_started_cb (BkWindow   *self,
                    guint       id,
                    const char *text)
{
  g_autofree char *shown = bk_voice_strip_markers (text);
  int scale = bk_settings_get_int (bk_voice_get_settings (self->voice), "text-scale");
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

  /* The caption repeats what the screen shows; at 300 % it would take a third
   * of the screen, so it grows only to 150 % — whole, never cut off. */
  pango_attr_list_insert (attrs, pango_attr_scale_new (scale > 150 ? 150.0 / scale : 1.0));
  gtk_label_set_attributes (self->caption_label, attrs);

  g_clear_handle_id (&self->caption_source, g_source_remove);
  self->caption_id = id;
  gtk_label_set_text (self->caption_label, shown ? shown : "");
}

static gboolean
clear_caption_cb (gpointer user_data)
{
  BkWindow *self = user_data;

  self->caption_source = 0;
  gtk_label_set_text (self->caption_label, "");

  return G_SOURCE_REMOVE;
}

static void
caption_finished_cb (BkWindow *self,
                     guint     id,
                     gboolean  interrupted)
{
  if (id != self->caption_id)
    return;

  g_clear_handle_id (&self->caption_source, g_source_remove);
  self->caption_source = g_timeout_add (CAPTION_LINGER_MS, clear_caption_cb, self);
}

static gboolean
announce_status_cb (gpointer user_data)
{
  BkWindow *self = user_data;

  self->status_source = 0;
  if (self->voice != NULL && self->pending_status != NULL &&
      (self->current.page == g_intern_static_string ("motions") ||
       self->current.page == g_intern_static_string ("services")))
    bk_voice_announce (self->voice, self->pending_status);
  g_clear_pointer (&self->pending_status, g_free);

  return G_SOURCE_REMOVE;
}

/* The motion count after a search or a filter: a status message, queued. */
static void
list_status_changed_cb (BkWindow   *self,
                        const char *message)
{
  if (self->voice == NULL || self->changing_page > 0 ||
      (self->current.page != g_intern_static_string ("motions") &&
       self->current.page != g_intern_static_string ("services")))
    return;

  g_free (self->pending_status);
  self->pending_status = g_strdup (message);
  g_clear_handle_id (&self->status_source, g_source_remove);
  self->status_source = g_timeout_add (STATUS_DELAY_MS, announce_status_cb, self);
}

/* Pages that a citizen opens in the middle of a form and comes back from:
 * the form keeps its answers there. */
static gboolean
keeps_form (const char *page)
{
  return page == g_intern_static_string ("accessibility") ||
         page == g_intern_static_string ("glossary") ||
         page == g_intern_static_string ("tutorial");
}

/* Leaving a form or its receipt (home, back, anywhere but the pages
 * above): the kiosk forgets what was entered. */
static void
forget_entries (BkWindow   *self,
                const char *next_page)
{
  const char *form = g_intern_static_string ("form");
  const char *receipt = g_intern_static_string ("receipt");

  if (next_page == self->current.page || keeps_form (next_page))
    return;
  if (next_page != form)
    bk_form_page_clear (BK_FORM_PAGE (self->form_page));
  if (next_page != receipt)
    bk_receipt_page_clear (BK_RECEIPT_PAGE (self->receipt_page));
}

/* Shows entry; FALSE if it could not be shown (the error page is shown then). */
static gboolean
show_entry (BkWindow           *self,
            const HistoryEntry *entry)
{
  g_autoptr(GError) error = NULL;
  HistoryEntry shown = *entry;
  GtkWidget *page;

  if (shown.page == g_intern_static_string ("motion") &&
      !bk_motion_page_show_motion (BK_MOTION_PAGE (self->motion_page), shown.motion_id, &error))
    {
      set_error (self,
                 _("This motion cannot be shown"),
                 error ? error->message : _("It could not be loaded."));
      shown.page = g_intern_static_string ("error");
    }
  if (shown.page == g_intern_static_string ("service") &&
      !bk_service_page_show_service (BK_SERVICE_PAGE (self->service_page), shown.service_id, &error))
    {
      set_error (self,
                 _("This service cannot be shown"),
                 error ? error->message : _("It could not be loaded."));
      shown.page = g_intern_static_string ("error");
    }
  if (shown.page == g_intern_static_string ("glossary"))
    bk_glossary_page_show_term (BK_GLOSSARY_PAGE (self->glossary_page), shown.term);
  /* Staff mode only after the PIN; any other page closes it again. */
  if (shown.page == g_intern_static_string ("staff") && !bk_staff_mode_is_open (self))
    shown.page = g_intern_static_string ("home");
  bk_staff_mode_page_shown (self, shown.page);
  if (shown.page == g_intern_static_string ("service"))
    bk_staff_mode_count_service (self, shown.service_id);
  forget_entries (self, shown.page);

  self->changing_page++;
  self->current = shown;
  show_only_page (self, shown.page);
  /* The header was done when the window was mapped; pages build rows and
   * buttons when they are shown. */
  bk_ui_drop_doubled_names (gtk_stack_get_child_by_name (self->stack, shown.page));
  update_navigation (self);

  page = gtk_stack_get_visible_child (self->stack);
  if (!gtk_widget_grab_focus (page))
    gtk_widget_child_focus (page, GTK_DIR_TAB_FORWARD);
  self->changing_page--;

  g_clear_handle_id (&self->status_source, g_source_remove);
  speak_page (self);

  return shown.page == entry->page;
}

static void
navigate_to_entry (BkWindow           *self,
                   const HistoryEntry *entry)
{
  if (entry->page == self->current.page && entry->motion_id == self->current.motion_id &&
      entry->term == self->current.term && entry->service_id == self->current.service_id)
    return;

  /* Back returns to the word the citizen was reading, not the first one. */
  if (self->current.page == g_intern_static_string ("glossary"))
    self->current.term = g_intern_string (bk_glossary_page_get_term (BK_GLOSSARY_PAGE (self->glossary_page)));

  if (entry->page == g_intern_static_string ("home"))
    g_array_set_size (self->history, 0);
  else
    g_array_append_val (self->history, self->current);

  show_entry (self, entry);
}

static void
navigate_to (BkWindow   *self,
             const char *page,
             gint64      motion_id)
{
  HistoryEntry entry = { g_intern_string (page), motion_id, NULL, NULL };

  navigate_to_entry (self, &entry);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BkWindow *self = BK_WINDOW (widget);
  HistoryEntry entry;

  if (self->history->len == 0)
    return;

  entry = g_array_index (self->history, HistoryEntry, self->history->len - 1);
  g_array_set_size (self->history, self->history->len - 1);
  show_entry (self, &entry);
}

static void
home_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  navigate_to (BK_WINDOW (widget), "home", 0);
}

static void
show_services_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  navigate_to (BK_WINDOW (widget), "services", 0);
}

static void
show_motions_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BkWindow *self = BK_WINDOW (widget);

  /* Without a database, the error page explains why there is nothing. */
  navigate_to (self, self->store ? "motions" : "error", 0);
}

/* From every page, the error page too: the one way into the panel. */
static void
show_accessibility_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  navigate_to (BK_WINDOW (widget), "accessibility", 0);
}

static void
show_tutorial_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  BkWindow *self = BK_WINDOW (widget);

  bk_help_overlay_close (BK_HELP_OVERLAY (self->help_overlay));
  navigate_to (self, "tutorial", 0);
}

/* The item the help explains: the focus (the keypad's reading cursor gives
 * GTK focus to what it highlights). */
static void
help_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BkWindow *self = BK_WINDOW (widget);
  BkHelpOverlay *overlay = BK_HELP_OVERLAY (self->help_overlay);

  if (bk_help_overlay_is_open (overlay))
    {
      bk_help_overlay_close (overlay);
      return;
    }

  /* The help says itself; the focus moving into it is not said too. */
  self->changing_page++;
  bk_help_overlay_open (overlay, gtk_root_get_focus (GTK_ROOT (self)), self->current.page, self->voice);
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

/* The glossary at a word ("" for the list alone). On the glossary already,
 * the word changes in place: Back still leads where the citizen came from. */
static void
show_glossary_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  BkWindow *self = BK_WINDOW (widget);
  const char *term = g_variant_get_string (parameter, NULL);
  HistoryEntry entry = { g_intern_static_string ("glossary"), 0, term[0] != '\0' ? g_intern_string (term) : NULL, NULL };

  if (self->current.page == entry.page)
    {
      bk_glossary_page_show_term (BK_GLOSSARY_PAGE (self->glossary_page), entry.term);
      self->current.term = entry.term;
      self->changing_page++;
      gtk_widget_grab_focus (self->glossary_page);
      self->changing_page--;
      speak_page (self);
      return;
    }

  navigate_to_entry (self, &entry);
}

static void
open_motion_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  navigate_to (BK_WINDOW (widget), "motion", g_variant_get_int64 (parameter));
}

static void
open_service_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BkWindow *self = BK_WINDOW (widget);
  HistoryEntry entry = { g_intern_static_string ("service"), 0, NULL,
                         g_intern_string (g_variant_get_string (parameter, NULL)) };

  navigate_to_entry (self, &entry);
}

/* win.start-form('appointment'): the form, with the service or motion the
 * citizen is looking at as its context. */
static void
start_form_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  BkWindow *self = BK_WINDOW (widget);
  const char *form_id = g_variant_get_string (parameter, NULL);
  const BkForm *form = bk_form_lookup (form_id);
  g_autoptr(BkService) service = NULL;
  BkFormContext context = { NULL, };

  if (form == NULL)
    {
      g_warning ("win.start-form: there is no form called “%s”", form_id);
      return;
    }

  if (self->current.page == g_intern_static_string ("service") && self->store != NULL &&
      self->current.service_id != NULL)
    {
      g_autoptr(GError) error = NULL;

      service = bk_store_load_service (self->store, self->current.service_id, &error);
      if (service == NULL)
        g_warning ("win.start-form: service %s: %s", self->current.service_id, error->message);
      else
        {
          context.service_id = service->id;
          context.service_name = bk_service_get_name (service, bk_voice_get_interface_language ());
          context.office = service->office.name;
        }
    }
  if (self->current.page == g_intern_static_string ("motion"))
    {
      context.motion_id = self->current.motion_id;
      context.motion_title = bk_motion_page_get_title (BK_MOTION_PAGE (self->motion_page));
    }

  if (form->kind == BK_SUBMISSION_MOTION_FEEDBACK && context.motion_id == 0)
    {
      g_warning ("win.start-form: “%s” needs a motion; open one first", form_id);
      return;
    }

  bk_form_page_start (BK_FORM_PAGE (self->form_page), form_id, &context);
  navigate_to (self, "form", 0);
}

/* The receipt takes the form's place: Back leads to where the form was
 * started, not into the sent form. */
static void
form_submitted_cb (BkWindow        *self,
                   const BkReceipt *receipt)
{
  HistoryEntry entry = { g_intern_static_string ("receipt"), 0, NULL, NULL };

  bk_receipt_page_show (BK_RECEIPT_PAGE (self->receipt_page), receipt);
  show_entry (self, &entry);
}

static void
show_focus_cb (GtkWidget *widget)
{
  gtk_window_set_focus_visible (GTK_WINDOW (widget), TRUE);
  bk_ui_drop_doubled_names (widget);
}

static void
staff_mode_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  bk_staff_mode_request (BK_WINDOW (widget));
}

static void
bk_window_dispose (GObject *object)
{
  BkWindow *self = (BkWindow *)object;

  g_clear_handle_id (&self->status_source, g_source_remove);
  g_clear_handle_id (&self->cue_banner_source, g_source_remove);
  g_clear_handle_id (&self->caption_source, g_source_remove);
  g_clear_object (&self->navigator);
  if (self->voice != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->voice, self);
      g_signal_handlers_disconnect_by_data (bk_voice_get_settings (self->voice), self);
    }
  g_clear_object (&self->voice);
  gtk_widget_dispose_template (GTK_WIDGET (self), BK_TYPE_WINDOW);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (bk_window_parent_class)->dispose (object);
}

static void
bk_window_finalize (GObject *object)
{
  BkWindow *self = (BkWindow *)object;

  g_clear_pointer (&self->history, g_array_unref);
  g_clear_pointer (&self->pending_status, g_free);

  G_OBJECT_CLASS (bk_window_parent_class)->finalize (object);
}

static void
bk_window_class_init (BkWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bk_window_dispose;
  object_class->finalize = bk_window_finalize;

  /* The types its template names. */
  bk_ui_init ();
  g_type_ensure (BK_TYPE_A11Y_PAGE);
  g_type_ensure (BK_TYPE_FORM_PAGE);
  g_type_ensure (BK_TYPE_GLOSSARY_PAGE);
  g_type_ensure (BK_TYPE_HELP_OVERLAY);
  g_type_ensure (BK_TYPE_HOME_PAGE);
  g_type_ensure (BK_TYPE_MOTION_LIST_PAGE);
  g_type_ensure (BK_TYPE_MOTION_PAGE);
  g_type_ensure (BK_TYPE_RECEIPT_PAGE);
  g_type_ensure (BK_TYPE_SERVICE_PAGE);
  g_type_ensure (BK_TYPE_SERVICES_PAGE);
  g_type_ensure (BK_TYPE_STAFF_PAGE);
  g_type_ensure (BK_TYPE_TUTORIAL_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/buergerkiosk/Kiosk/ui/bk-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BkWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, BkWindow, home_button);
  gtk_widget_class_bind_template_child (widget_class, BkWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, BkWindow, home_page);
  gtk_widget_class_bind_template_child (widget_class, BkWindow, services_page);
  gtk_widget_class_bind_template_child (widget_class, BkWindow, service_page);
  gtk_widget_class_bind_template_child (widget_class, BkWindow, motion_list_page);
  gtk_widget_class_bind_template_child (widget_class, BkWindow, motion_page);
  gtk_widget_class_bind_template_child (widget_class, BkWindow, form_page);
  gtk_widget_class_bind_template_child (widget_class, BkWindow, receipt_page);
  gtk_widget_class_bind_template_child (widget_class, BkWindow, glossary_page);
  gtk_widget_class_bind_template_child (widget_class, BkWindow, a11y_page);
  gtk_widget_class_bind_template_child (widget_class, BkWindow, a11y_button);
  gtk_widget_class_bind_template_child (widget_class, BkWindow, help_button);
  gtk_widget_class_bind_template_child (widget_class, BkWindow, help_overlay);
  gtk_widget_class_bind_template_child (widget_class, BkWindow, tutorial_page);
  gtk_widget_class_bind_template_child (widget_class, BkWindow, error_heading);
  gtk_widget_class_bind_template_child (widget_class, BkWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, BkWindow, caption_bar);
  gtk_widget_class_bind_template_child (widget_class, BkWindow, caption_label);
  gtk_widget_class_bind_template_child (widget_class, BkWindow, cue_banner);
  gtk_widget_class_bind_template_child (widget_class, BkWindow, staff_page);
  gtk_widget_class_bind_template_child (widget_class, BkWindow, staff_button);

  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "win.home", NULL, home_action);
  gtk_widget_class_install_action (widget_class, "win.show-services", NULL, show_services_action);
  gtk_widget_class_install_action (widget_class, "win.show-motions", NULL, show_motions_action);
  gtk_widget_class_install_action (widget_class, "win.open-motion", "x", open_motion_action);
  gtk_widget_class_install_action (widget_class, "win.open-service", "s", open_service_action);
  gtk_widget_class_install_action (widget_class, "win.start-form", "s", start_form_action);
  gtk_widget_class_install_action (widget_class, "win.show-glossary", "s", show_glossary_action);
  gtk_widget_class_install_action (widget_class, "win.show-accessibility", NULL, show_accessibility_action);
  gtk_widget_class_install_action (widget_class, "win.show-tutorial", NULL, show_tutorial_action);
  gtk_widget_class_install_action (widget_class, "win.help", NULL, help_action);
  gtk_widget_class_install_action (widget_class, "win.staff-mode", NULL, staff_mode_action);
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

  self->history = g_array_new (FALSE, FALSE, sizeof (HistoryEntry));
  self->current.page = g_intern_static_string ("home");
  self->current.motion_id = 0;

  {
    GtkEventController *keys = gtk_event_controller_key_new ();

    gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
    g_signal_connect_object (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self, 0);
    g_signal_connect_object (keys, "key-released", G_CALLBACK (key_released_cb), self, 0);
    gtk_widget_add_controller (GTK_WIDGET (self), keys);
  }

  /* The EZ keypad, explore mode and switch scanning. */
  self->navigator = bk_navigator_new (GTK_WIDGET (self));
  bk_staff_mode_attach (self, self->staff_page, self->staff_button);

  g_signal_connect (self, "notify::focus-widget", G_CALLBACK (focus_changed_cb), NULL);
  bk_help_add_item_texts (GTK_WIDGET (self));
  g_signal_connect_object (self->help_overlay, "notify::visible",
                           G_CALLBACK (update_caption_bar), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->form_page, "submitted",
                           G_CALLBACK (form_submitted_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->motion_list_page, "status-changed",
                           G_CALLBACK (list_status_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->services_page, "status-changed",
                           G_CALLBACK (list_status_changed_cb), self, G_CONNECT_SWAPPED);
}

BkWindow *
bk_window_new (GtkApplication *application,
               BkStore        *store,
               const GError   *error)
{
  BkWindow *self;

  g_return_val_if_fail (!application || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (!store || BK_IS_STORE (store), NULL);

  self = g_object_new (BK_TYPE_WINDOW,
                       "application", application,
                       NULL);

  /* A kiosk is used with keys as much as with touch: show where the focus
   * is from the start (GTK resets this when the window is mapped). */
  g_signal_connect (self, "map", G_CALLBACK (show_focus_cb), NULL);

  if (store != NULL)
    {
      HistoryEntry home = { g_intern_static_string ("home"), 0 };

      self->store = g_object_ref (store);
      bk_motion_list_page_set_store (BK_MOTION_LIST_PAGE (self->motion_list_page), store);
      bk_motion_page_set_store (BK_MOTION_PAGE (self->motion_page), store);
      bk_form_page_set_store (BK_FORM_PAGE (self->form_page), store);
      bk_services_page_set_store (BK_SERVICES_PAGE (self->services_page), store);
      bk_service_page_set_store (BK_SERVICE_PAGE (self->service_page), store);
      show_entry (self, &home);
    }
  else
    {
      HistoryEntry entry = { g_intern_static_string ("error"), 0 };
      g_autofree char *message = NULL;

      /* Translators: %s is the technical reason */
      message = g_strdup_printf (_("The kiosk could not open its database of motions: %s. Please tell the staff."),
                                 error ? error->message : _("unknown error"));
      set_error (self, _("The motions cannot be shown"), message);
      show_entry (self, &entry);
    }

  return self;
}

const char *
bk_window_get_page_name (BkWindow *self)
{
  g_return_val_if_fail (BK_IS_WINDOW (self), NULL);

  return self->current.page;
}

/* "home", "services", "motions", "motion", "accessibility" or "error" */
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

/* Shows the page called name as if the citizen went there; motion_id for the
 * "motion" page. FALSE if there is no such page. */
gboolean
bk_window_show_page (BkWindow   *self,
                     const char *name,
                     gint64      motion_id)
{
  g_return_val_if_fail (BK_IS_WINDOW (self), FALSE);

  if (name == NULL || gtk_stack_get_child_by_name (self->stack, name) == NULL)
    return FALSE;

  /* Citizens reach staff mode only through the PIN (win.staff-mode); this
   * is the program's own way, for tests and screenshots. */
  if (g_str_equal (name, "staff"))
    bk_staff_mode_open_without_pin (self);

  /* The service page needs a service: the one it shows, or the first. */
  if (g_str_equal (name, "service"))
    {
      const char *id = bk_service_page_get_service_id (BK_SERVICE_PAGE (self->service_page));
      g_autoptr(GPtrArray) services = NULL;
      HistoryEntry entry = { g_intern_static_string ("service"), 0, NULL, NULL };

      if (id == NULL && self->store != NULL)
        services = bk_store_list_services (self->store, NULL, NULL, NULL);
      if (id == NULL && services != NULL && services->len > 0)
        id = ((BkServiceSummary *)g_ptr_array_index (services, 0))->id;
      entry.service_id = g_intern_string (id);
      navigate_to_entry (self, &entry);
      return TRUE;
    }

  navigate_to (self, name, motion_id);
  return TRUE;
}

/* NULL when the window shows why the database could not be opened. */
BkStore *
bk_window_get_store (BkWindow *self)
{
  g_return_val_if_fail (BK_IS_WINDOW (self), NULL);

  return self->store;
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

GtkWidget *
bk_window_get_a11y_button (BkWindow *self)
{
  g_return_val_if_fail (BK_IS_WINDOW (self), NULL);

  return self->a11y_button;
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

const char *
bk_window_get_error_text (BkWindow *self)
{
  g_return_val_if_fail (BK_IS_WINDOW (self), NULL);

  return gtk_label_get_text (self->error_label);
}

/* Orca 43 drops the focus events GTK 4.8 sends before the kiosk is on the
 * accessibility registry, and says nothing until the first key. When a
 * screen reader is found, hand it the focus once more: away and back, which
 * the kiosk itself does not voice. */
static void
screen_reader_changed_cb (BkWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (self->voice == NULL || !bk_voice_get_screen_reader_running (self->voice) || focus == NULL)
    return;

  g_object_ref (focus);
  self->changing_page++;
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
  gtk_widget_grab_focus (focus);
  self->changing_page--;
  g_object_unref (focus);
}

/* Makes the window self-voicing: focus and page changes are spoken, earcons
 * play with their visual cues, and the caption bar shows what is spoken.
 * Speaks the page that is shown now. */
void
bk_window_set_voice (BkWindow *self,
                     BkVoice  *voice)
{
  g_return_if_fail (BK_IS_WINDOW (self));
  g_return_if_fail (!voice || BK_IS_VOICE (voice));

  if (self->voice == voice)
    return;

  if (self->voice != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->voice, self);
      g_signal_handlers_disconnect_by_data (bk_voice_get_settings (self->voice), self);
    }
  g_set_object (&self->voice, voice);
  bk_motion_page_set_voice (BK_MOTION_PAGE (self->motion_page), voice);
  bk_form_page_set_voice (BK_FORM_PAGE (self->form_page), voice);
  bk_receipt_page_set_voice (BK_RECEIPT_PAGE (self->receipt_page), voice);
  bk_service_page_set_voice (BK_SERVICE_PAGE (self->service_page), voice);
  bk_glossary_page_set_voice (BK_GLOSSARY_PAGE (self->glossary_page), voice);
  bk_navigator_set_voice (self->navigator, voice);
  bk_a11y_page_set_settings (BK_A11Y_PAGE (self->a11y_page), voice ? bk_voice_get_settings (voice) : NULL);

  if (voice != NULL)
    {
      g_signal_connect_object (voice, "utterance-started",
                               G_CALLBACK (caption_started_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (voice, "utterance-finished",
                               G_CALLBACK (caption_finished_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (voice, "cue",
                               G_CALLBACK (cue_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (bk_voice_get_settings (voice), "notify::captions-enabled",
                               G_CALLBACK (update_caption_bar), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (voice, "notify::screen-reader-running",
                               G_CALLBACK (screen_reader_changed_cb), self, G_CONNECT_SWAPPED);
    }

  update_caption_bar (self);

  if (voice != NULL)
    {
      GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

      if (focus != NULL)
        hook_activation (self, focus);
      speak_page (self);
    }
}

BkVoice *
bk_window_get_voice (BkWindow *self)
{
  g_return_val_if_fail (BK_IS_WINDOW (self), NULL);

  return self->voice;
}

/* The EZ keypad, explore mode and switch scanning of this window. */
BkNavigator *
bk_window_get_navigator (BkWindow *self)
{
  g_return_val_if_fail (BK_IS_WINDOW (self), NULL);

  return self->navigator;
}

/* The read-aloud command: on the motion page the whole motion, elsewhere
 * what the page holds and where the focus is. */
void
bk_window_read_aloud (BkWindow *self)
{
  g_autofree char *summary = NULL;
  g_autofree char *focus_text = NULL;
  GtkWidget *focus;

  g_return_if_fail (BK_IS_WINDOW (self));

  if (self->voice == NULL)
    return;

  if (self->current.page == g_intern_static_string ("motion"))
    {
      bk_motion_page_read_aloud (BK_MOTION_PAGE (self->motion_page), -1);
      return;
    }
  if (self->current.page == g_intern_static_string ("service"))
    {
      bk_service_page_read_aloud (BK_SERVICE_PAGE (self->service_page), -1);
      return;
    }

  summary = dup_page_summary (self);
  focus = gtk_root_get_focus (GTK_ROOT (self));
  focus_text = focus ? bk_voice_describe_widget (focus) : NULL;
  if (focus_text != NULL)
    {
      g_autofree char *all = g_strdup_printf ("%s %s", summary ? summary : "", focus_text);
      bk_voice_say_on_demand (self->voice, all, NULL);
    }
  else
    bk_voice_say_on_demand (self->voice, summary, NULL);
}

gboolean
bk_window_get_caption_visible (BkWindow *self)
{
  g_return_val_if_fail (BK_IS_WINDOW (self), FALSE);

  return gtk_widget_get_visible (self->caption_bar);
}

const char *
bk_window_get_caption_text (BkWindow *self)
{
  g_return_val_if_fail (BK_IS_WINDOW (self), NULL);

  return gtk_label_get_text (self->caption_label);
}
