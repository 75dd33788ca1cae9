/* bk-staff-mode.c: the way into staff mode and out of it
 *
 * Citizens must not stumble into it, staff must find it quickly: a small
 * labelled "Staff" button in the header that opens the PIN dialog only when
 * held for 3 seconds, and Ctrl+Alt+S. Staff mode stays open only while its
 * page is shown; any other page (the idle reset's start page too) closes it.
 * The staff page itself refuses to show while staff mode is closed, so no
 * route into it skips the PIN.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-staff-mode"

#include "bk-config.h"

#include <glib/gi18n.h>

#include "bk-staff-log.h"
#include "bk-staff-mode-private.h"

/* GtkGestureLongPress allows at most twice gtk-long-press-time (1 s): a
 * press starts a one-shot timer of its own instead. */
#define HOLD_MS 3000

struct _BkStaffMode
{
  GObject          parent_instance;

  GtkWindow       *window;      /* weak: it owns us */
  GtkOverlay      *layer;       /* weak: in the window */
  BkContext       *context;
  BkStaffPage     *page;
  GtkGesture      *long_press;  /* a GtkGestureClick: press starts the hold */
  guint            hold_source;
  BkPinDialog     *dialog;      /* in the layer while shown */
  GtkWidget       *focus_before; /* weak: where the focus goes back to */
  BkStaffPinClock  clock;
  gpointer         clock_data;
};

G_DEFINE_FINAL_TYPE (BkStaffMode, bk_staff_mode, G_TYPE_OBJECT)

static void
close_mode (BkStaffMode *self)
{
  if (!bk_staff_page_get_unlocked (self->page))
    return;
  bk_staff_page_set_unlocked (self->page, FALSE);
  bk_staff_log (G_LOG_LEVEL_MESSAGE, "staff-mode-closed", NULL, "Staff mode closed");
}

static void
show_page (BkStaffMode *self)
{
  if (self->window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self->window), "win.show-staff", NULL);
}

/* The kiosk behind the PIN panel: no focus, no touches while it is shown. */
static void
set_behind_enabled (BkStaffMode *self,
                    gboolean     enabled)
{
  GtkWidget *behind = self->layer ? gtk_overlay_get_child (self->layer) : NULL;

  if (behind == NULL)
    return;
  gtk_widget_set_can_focus (behind, enabled);
  gtk_widget_set_can_target (behind, enabled);
}

static void
dialog_closed_cb (BkStaffMode *self)
{
  BkPinDialog *dialog = g_steal_pointer (&self->dialog);

  if (dialog == NULL)
    return;
  set_behind_enabled (self, TRUE);
  if (self->layer != NULL)
    gtk_overlay_remove_overlay (self->layer, GTK_WIDGET (dialog));
  g_object_unref (dialog);
  if (self->focus_before != NULL && self->window != NULL && !bk_staff_page_get_unlocked (self->page))
    gtk_widget_grab_focus (self->focus_before);
  g_clear_weak_pointer (&self->focus_before);
}

static void
unlocked_cb (BkStaffMode *self)
{
  bk_staff_page_set_unlocked (self->page, TRUE);
  show_page (self);
}

static gboolean
hold_done_cb (gpointer user_data)
{
  BkStaffMode *self = user_data;

  self->hold_source = 0;
  bk_staff_mode_request (self);
  return G_SOURCE_REMOVE;
}

static void
hold_start_cb (BkStaffMode *self)
{
  g_clear_handle_id (&self->hold_source, g_source_remove);
  self->hold_source = g_timeout_add (HOLD_MS, hold_done_cb, self);
}

/* Let go, moved away or taken by another gesture: no hold. */
static void
hold_stop_cb (BkStaffMode *self)
{
  g_clear_handle_id (&self->hold_source, g_source_remove);
}

static void
staff_button_clicked_cb (BkStaffMode *self)
{
  /* A short touch does nothing but say how it works. */
  bk_voice_say_on_demand (bk_context_get_voice (self->context),
                          _("For staff only: hold this button for 3 seconds."), NULL);
}

static void
done_cb (BkStaffMode *self)
{
  close_mode (self);
  if (self->window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self->window), "win.home", NULL);
}

static void
quit_cb (BkStaffMode *self)
{
  GtkApplication *app = self->window ? gtk_window_get_application (self->window) : NULL;

  bk_staff_log (G_LOG_LEVEL_MESSAGE, "quit", NULL, "Kiosk quit from staff mode");
  close_mode (self);
  if (app != NULL)
    g_application_quit (G_APPLICATION (app));
}

static void
bk_staff_mode_dispose (GObject *object)
{
  BkStaffMode *self = (BkStaffMode *)object;

  g_clear_handle_id (&self->hold_source, g_source_remove);
  dialog_closed_cb (self);
  g_clear_weak_pointer (&self->focus_before);
  g_clear_weak_pointer (&self->layer);
  g_clear_weak_pointer (&self->window);
  g_clear_object (&self->context);
  g_clear_object (&self->page);

  G_OBJECT_CLASS (bk_staff_mode_parent_class)->dispose (object);
}

static void
bk_staff_mode_class_init (BkStaffModeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bk_staff_mode_dispose;
}

static void
bk_staff_mode_init (BkStaffMode *self)
{
}

BkStaffMode *
bk_staff_mode_new (GtkWindow   *window,
                   GtkOverlay  *layer,
                   BkContext   *context,
                   BkStaffPage *page,
                   GtkWidget   *staff_button)
{
  BkStaffMode *self;

  g_return_val_if_fail (GTK_IS_WINDOW (window), NULL);
  g_return_val_if_fail (GTK_IS_OVERLAY (layer), NULL);
  g_return_val_if_fail (BK_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (BK_IS_STAFF_PAGE (page), NULL);
  g_return_val_if_fail (GTK_IS_WIDGET (staff_button), NULL);

  self = g_object_new (BK_TYPE_STAFF_MODE, NULL);
  g_set_weak_pointer (&self->window, window);
  g_set_weak_pointer (&self->layer, layer);
  self->context = g_object_ref (context);
  self->page = g_object_ref (page);

  self->long_press = gtk_gesture_click_new ();
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (self->long_press), GTK_PHASE_CAPTURE);
  g_signal_connect_object (self->long_press, "pressed", G_CALLBACK (hold_start_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->long_press, "released", G_CALLBACK (hold_stop_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->long_press, "stopped", G_CALLBACK (hold_stop_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->long_press, "cancel", G_CALLBACK (hold_stop_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (staff_button, GTK_EVENT_CONTROLLER (self->long_press));
  g_signal_connect_object (staff_button, "clicked", G_CALLBACK (staff_button_clicked_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (page, "done", G_CALLBACK (done_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (page, "quit", G_CALLBACK (quit_cb), self, G_CONNECT_SWAPPED);

  return self;
}

void
bk_staff_mode_request (BkStaffMode *self)
{
  g_return_if_fail (BK_IS_STAFF_MODE (self));

  if (bk_staff_page_get_unlocked (self->page))
    {
      show_page (self);
      return;
    }
  if (self->dialog == NULL && self->layer != NULL)
    {
      self->dialog = g_object_ref_sink (bk_pin_dialog_new (bk_context_get_store (self->context),
                                                           bk_context_get_voice (self->context)));
      bk_pin_dialog_set_clock (self->dialog, self->clock, self->clock_data);
      g_signal_connect_object (self->dialog, "unlocked", G_CALLBACK (unlocked_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->dialog, "closed", G_CALLBACK (dialog_closed_cb), self, G_CONNECT_SWAPPED);
      if (self->window != NULL)
        g_set_weak_pointer (&self->focus_before, gtk_window_get_focus (self->window));
      gtk_overlay_add_overlay (self->layer, GTK_WIDGET (self->dialog));
      set_behind_enabled (self, FALSE);
    }
  if (self->dialog != NULL)
    bk_pin_dialog_focus (self->dialog);
}

gboolean
bk_staff_mode_is_open (BkStaffMode *self)
{
  g_return_val_if_fail (BK_IS_STAFF_MODE (self), FALSE);

  return bk_staff_page_get_unlocked (self->page);
}

void
bk_staff_mode_page_shown (BkStaffMode *self,
                          const char  *page)
{
  g_return_if_fail (BK_IS_STAFF_MODE (self));

  if (g_strcmp0 (page, "staff") != 0)
    close_mode (self);
}

void
_bk_staff_mode_open_without_pin (BkStaffMode *self)
{
  g_return_if_fail (BK_IS_STAFF_MODE (self));

  bk_staff_page_set_unlocked (self->page, TRUE);
}

BkPinDialog *
_bk_staff_mode_get_pin_dialog (BkStaffMode *self)
{
  g_return_val_if_fail (BK_IS_STAFF_MODE (self), NULL);

  return self->dialog;
}

GtkGesture *
_bk_staff_mode_get_long_press (BkStaffMode *self)
{
  g_return_val_if_fail (BK_IS_STAFF_MODE (self), NULL);

  return self->long_press;
}

gboolean
_bk_staff_mode_finish_hold (BkStaffMode *self)
{
  g_return_val_if_fail (BK_IS_STAFF_MODE (self), FALSE);

  if (self->hold_source == 0)
    return FALSE;
  g_clear_handle_id (&self->hold_source, g_source_remove);
  hold_done_cb (self);
  return TRUE;
}

guint
_bk_staff_mode_get_hold_ms (void)
{
  return HOLD_MS;
}

void
_bk_staff_mode_set_clock (BkStaffMode     *self,
                          BkStaffPinClock  clock,
                          gpointer         clock_data)
{
  g_return_if_fail (BK_IS_STAFF_MODE (self));

  self->clock = clock;
  self->clock_data = clock_data;
  if (self->dialog != NULL)
    bk_pin_dialog_set_clock (self->dialog, clock, clock_data);
}
