/* bk-window-voice.c: the kiosk window speaks for itself
 *
 * A page change says the page (its BkPage summary), then where the focus
 * is; a focus move says the control; activation, moves, edges and errors
 * have earcons with a visual cue for the ones that matter (a banner for
 * edge and error); the caption bar shows what is spoken; a page's status
 * (the number of results after a search) is said once the typing settles.
 * All of it goes through the context's voice, which is silent without
 * speech and while a screen reader speaks instead.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-window"

#include "bk-config.h"

#include <glib/gi18n.h>

#include "bk-page.h"
#include "bk-ui.h"
#include "bk-window-private.h"

#define STATUS_DELAY_MS 700      /* a search settles before its count is said */
#define CUE_BANNER_MS 1500
#define CAPTION_LINGER_MS 2500
#define HOOKED_KEY "bk-voice-hooked"

static BkVoice *
voice_of (BkWindow *self)
{
  return bk_context_get_voice (self->context);
}

GtkWidget *
_bk_window_get_current_page (BkWindow *self)
{
  return gtk_stack_get_child_by_name (self->stack, self->current.page);
}

void
_bk_window_speak_page (BkWindow *self)
{
  g_autofree char *summary = bk_page_dup_summary (BK_PAGE (_bk_window_get_current_page (self)));
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  bk_voice_speak_page (voice_of (self), summary);
  if (focus != NULL)
    bk_voice_speak_focus (voice_of (self), focus, BK_SPEECH_QUEUE);
}

static void
button_clicked_cb (GtkWidget *button,
                   BkWindow  *self)
{
  bk_voice_cue (voice_of (self), BK_EARCON_ACTIVATE, button);
}

static void
list_activated_cb (GtkListView *list,
                   guint        position,
                   BkWindow    *self)
{
  bk_voice_cue (voice_of (self), BK_EARCON_ACTIVATE, gtk_root_get_focus (GTK_ROOT (self)));
}

/* Activation earcons: connected to what gets the focus, once. */
void
_bk_window_hook_focus (BkWindow  *self,
                      GtkWidget *widget)
{
  GtkWidget *list;

  if (GTK_IS_BUTTON (widget) && g_object_get_data (G_OBJECT (widget), HOOKED_KEY) == NULL)
    {
      g_object_set_data (G_OBJECT (widget), HOOKED_KEY, GINT_TO_POINTER (1));
      g_signal_connect_object (widget, "clicked", G_CALLBACK (button_clicked_cb), self, 0);
    }

  list = gtk_widget_get_ancestor (widget, GTK_TYPE_LIST_VIEW);
  if (list != NULL && g_object_get_data (G_OBJECT (list), HOOKED_KEY) == NULL)
    {
      g_object_set_data (G_OBJECT (list), HOOKED_KEY, GINT_TO_POINTER (1));
      g_signal_connect_object (list, "activate", G_CALLBACK (list_activated_cb), self, 0);
    }
}

static void
focus_changed_cb (BkWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (focus == NULL)
    return;

  _bk_window_hook_focus (self, focus);

  /* A page change says the page, then the focus (speak_page); the keypad's
   * reading cursor says what it moves to itself. */
  if (self->changing_page > 0 || bk_navigator_is_moving (self->navigator))
    return;

  bk_voice_cue (voice_of (self), BK_EARCON_MOVE, focus);
  bk_voice_speak_focus (voice_of (self), focus, BK_SPEECH_INTERRUPT);
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
        GtkListItem *item = focus ? bk_ui_get_list_item (focus) : NULL;

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
  gboolean shown = bk_voice_has_speech (voice_of (self)) &&
                   bk_settings_get_captions_enabled (bk_context_get_settings (self->context)) &&
                   !gtk_widget_get_visible (self->help_overlay);

  /* What was said while the bar was hidden (the help's long text) is over:
   * shown again, the bar waits for the next words instead of measuring
   * (and showing) those. */
  if (shown && !gtk_widget_get_visible (self->caption_bar))
    gtk_label_set_text (self->caption_label, "");
  gtk_widget_set_visible (self->caption_bar, shown);
}

static void
stop_waiting_for_frame (BkWindow *self)
{
  /* A clock disposed with its window's surface has dropped the handler. */
  if (self->caption_clock != NULL &&
      g_signal_handler_is_connected (self->caption_clock, self->caption_paint_handler))
    g_signal_handler_disconnect (self->caption_clock, self->caption_paint_handler);
  self->caption_paint_handler = 0;
  g_clear_object (&self->caption_clock);
}

static void
apply_pending_caption (BkWindow *self)
{
  stop_waiting_for_frame (self);
  if (self->pending_caption == NULL)
    return;
  if (self->pending_caption_attrs != NULL)
    gtk_label_set_attributes (self->caption_label, self->pending_caption_attrs);
  gtk_label_set_text (self->caption_label, self->pending_caption);
  g_clear_pointer (&self->pending_caption, g_free);
  g_clear_pointer (&self->pending_caption_attrs, pango_attr_list_unref);
}

static void
caption_after_paint_cb (GdkFrameClock *clock,
                        BkWindow      *self)
{
  apply_pending_caption (self);
}

/* A new caption changes the caption bar's height and with it the page's,
 * which lays the page out again (10–15 ms of CPU on a text-heavy page).
 * Speech starts as the page is shown: set at once, the caption would make
 * the page's first frame that much later. It is set after the frame in
 * progress instead, one frame after the words start. */
static void
show_caption (BkWindow      *self,
              char          *text,
              PangoAttrList *attrs)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  g_free (self->pending_caption);
  self->pending_caption = text;
  g_clear_pointer (&self->pending_caption_attrs, pango_attr_list_unref);
  self->pending_caption_attrs = attrs;

  if (clock == NULL || !gtk_widget_get_mapped (self->caption_bar))
    {
      apply_pending_caption (self);
      return;
    }
  if (clock != self->caption_clock ||
      !g_signal_handler_is_connected (clock, self->caption_paint_handler))
    {
      stop_waiting_for_frame (self);
      self->caption_clock = g_object_ref (clock);
      self->caption_paint_handler = g_signal_connect (clock, "after-paint",
                                                      G_CALLBACK (caption_after_paint_cb), self);
      gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_AFTER_PAINT);
    }
}

static void
caption_started_cb (BkWindow   *self,
                    guint       id,
                    const char *text)
{
  char *shown = bk_voice_strip_markers (text);
  int scale = bk_settings_get_int (bk_context_get_settings (self->context), "text-scale");
  PangoAttrList *attrs = pango_attr_list_new ();

  /* The caption repeats what the screen shows; at 300 % it would take a third
   * of the screen, so it grows only to 150 % — whole, never cut off. */
  pango_attr_list_insert (attrs, pango_attr_scale_new (scale > 150 ? 150.0 / scale : 1.0));

  g_clear_handle_id (&self->caption_source, g_source_remove);
  self->caption_id = id;
  show_caption (self, shown ? shown : g_strdup (""), attrs);
}

static gboolean
clear_caption_cb (gpointer user_data)
{
  BkWindow *self = user_data;

  self->caption_source = 0;
  show_caption (self, g_strdup (""), NULL);

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
  if (self->pending_status != NULL)
    bk_voice_announce (voice_of (self), self->pending_status);
  g_clear_pointer (&self->pending_status, g_free);

  return G_SOURCE_REMOVE;
}

/* The number of results after a search or a filter: a status message,
 * queued, from the page shown only. */
static void
page_status_changed_cb (GtkWidget  *page,
                        const char *message,
                        BkWindow   *self)
{
  if (self->changing_page > 0 || page != _bk_window_get_current_page (self))
    return;

  g_free (self->pending_status);
  self->pending_status = g_strdup (message);
  g_clear_handle_id (&self->status_source, g_source_remove);
  self->status_source = g_timeout_add (STATUS_DELAY_MS, announce_status_cb, self);
}

/* Orca 43 drops the focus events GTK 4.8 sends before the kiosk is on the
 * accessibility registry, and says nothing until the first key. When a
 * screen reader is found, hand it the focus once more: away and back, which
 * the kiosk itself does not voice. */
static void
screen_reader_changed_cb (BkWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (!bk_voice_get_screen_reader_running (voice_of (self)) || focus == NULL)
    return;

  g_object_ref (focus);
  self->changing_page++;
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
  gtk_widget_grab_focus (focus);
  self->changing_page--;
  g_object_unref (focus);
}

void
_bk_window_voice_init (BkWindow *self)
{
  BkVoice *voice = voice_of (self);

  g_signal_connect (self, "notify::focus-widget", G_CALLBACK (focus_changed_cb), NULL);
  g_signal_connect_object (self->help_overlay, "notify::visible",
                           G_CALLBACK (update_caption_bar), self, G_CONNECT_SWAPPED);
  for (GtkWidget *page = gtk_widget_get_first_child (GTK_WIDGET (self->stack));
       page != NULL;
       page = gtk_widget_get_next_sibling (page))
    g_signal_connect_object (page, "status-changed", G_CALLBACK (page_status_changed_cb), self, 0);

  g_signal_connect_object (voice, "utterance-started",
                           G_CALLBACK (caption_started_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (voice, "utterance-finished",
                           G_CALLBACK (caption_finished_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (voice, "cue", G_CALLBACK (cue_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (voice, "notify::screen-reader-running",
                           G_CALLBACK (screen_reader_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (bk_context_get_settings (self->context), "notify::captions-enabled",
                           G_CALLBACK (update_caption_bar), self, G_CONNECT_SWAPPED);
  update_caption_bar (self);
}

void
_bk_window_voice_dispose (BkWindow *self)
{
  g_clear_handle_id (&self->status_source, g_source_remove);
  g_clear_handle_id (&self->cue_banner_source, g_source_remove);
  g_clear_handle_id (&self->caption_source, g_source_remove);
  g_clear_pointer (&self->pending_status, g_free);
  stop_waiting_for_frame (self);
  g_clear_pointer (&self->pending_caption, g_free);
  g_clear_pointer (&self->pending_caption_attrs, pango_attr_list_unref);
}

void
bk_window_read_aloud (BkWindow *self)
{
  GtkWidget *page;
  g_autofree char *summary = NULL;
  g_autofree char *focus_text = NULL;
  GtkWidget *focus;

  g_return_if_fail (BK_IS_WINDOW (self));

  page = _bk_window_get_current_page (self);
  if (bk_page_read_aloud (BK_PAGE (page), -1))
    return;

  summary = bk_page_dup_summary (BK_PAGE (page));
  focus = gtk_root_get_focus (GTK_ROOT (self));
  focus_text = focus ? bk_voice_describe_widget (focus) : NULL;
  if (focus_text != NULL)
    {
      g_autofree char *all = g_strdup_printf ("%s %s", summary ? summary : "", focus_text);

      bk_voice_say_on_demand (voice_of (self), all, NULL);
    }
  else
    bk_voice_say_on_demand (voice_of (self), summary, NULL);
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
