/* bk-staff-mode.c: the way into staff mode and out of it, for BkWindow
 *
 * Citizens must not stumble into it, staff must find it quickly: a small
 * labelled "Staff" button in the header that opens the PIN dialog only when
 * held for 3 seconds, and Ctrl+Alt+S. Staff mode stays open only while its
 * page is shown; any other page (the idle reset's start page too) closes it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-staff-mode"

#include "bk-config.h"

#include <glib/gi18n.h>

#include "bk-application.h"
#include "bk-form-page.h"
#include "bk-staff-log.h"
#include "bk-staff-mode.h"
#include "bk-staff-page.h"

/* GtkGestureLongPress allows at most twice gtk-long-press-time (1 s): a
 * press starts a one-shot timer of its own instead. */
#define HOLD_MS 3000

typedef struct
{
  BkWindow        *window;      /* not owned: this lives in its object data */
  GtkWidget       *page;
  GtkGesture      *long_press;  /* a GtkGestureClick: press starts the hold */
  guint            hold_source;
  BkPinDialog     *dialog;      /* weak */
  BkStatsBatch    *stats;       /* not owned */
  BkStaffPinClock  clock;
  gpointer         clock_data;
  gboolean         open;
  const char      *form_kind;   /* the form being filled in, or NULL */
} StaffMode;

static StaffMode *
get_mode (BkWindow *window)
{
  return g_object_get_data (G_OBJECT (window), "bk-staff-mode");
}

static void
mode_free (StaffMode *mode)
{
  g_clear_handle_id (&mode->hold_source, g_source_remove);
  if (mode->dialog != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (mode->dialog), (gpointer *) &mode->dialog);
      gtk_window_destroy (GTK_WINDOW (mode->dialog));
    }
  g_free (mode);
}

static void
close_mode (StaffMode *mode)
{
  if (!mode->open)
    return;
  mode->open = FALSE;
  bk_staff_log (G_LOG_LEVEL_MESSAGE, "staff-mode-closed", NULL, "Staff mode closed");
}

static BkApplication *
get_app (StaffMode *mode)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (mode->window));

  return BK_IS_APPLICATION (app) ? BK_APPLICATION (app) : NULL;
}

static void
enter_mode (StaffMode *mode)
{
  BkApplication *app = get_app (mode);

  mode->open = TRUE;
  if (app != NULL)
    {
      const char *warning = bk_application_get_staff_warning (app);

      bk_staff_page_set_settings (BK_STAFF_PAGE (mode->page), bk_application_get_settings (app));
      if (warning != NULL)
        bk_staff_page_set_warning (BK_STAFF_PAGE (mode->page), warning);
    }
  /* Also a read-only store tells staff: nothing is saved. */
  else if (bk_window_get_store (mode->window) != NULL &&
           bk_store_is_read_only (bk_window_get_store (mode->window)))
    bk_staff_page_set_warning (BK_STAFF_PAGE (mode->page),
                               _("The database is read-only: nothing is saved."));
  bk_staff_page_set_store (BK_STAFF_PAGE (mode->page), bk_window_get_store (mode->window));
}

static void
unlocked_cb (BkPinDialog *dialog, StaffMode *mode)
{
  enter_mode (mode);
  bk_window_show_page (mode->window, "staff", 0);
}

void
bk_staff_mode_open_without_pin (BkWindow *window)
{
  StaffMode *mode = get_mode (window);

  g_return_if_fail (mode != NULL);
  if (!mode->open)
    enter_mode (mode);
}

void
bk_staff_mode_request (BkWindow *window)
{
  StaffMode *mode = get_mode (window);

  g_return_if_fail (mode != NULL);

  if (mode->open)
    {
      bk_window_show_page (window, "staff", 0);
      return;
    }
  if (mode->dialog == NULL)
    {
      mode->dialog = bk_pin_dialog_new (GTK_WINDOW (window), bk_window_get_store (window),
                                        bk_window_get_voice (window));
      g_object_add_weak_pointer (G_OBJECT (mode->dialog), (gpointer *) &mode->dialog);
      bk_pin_dialog_set_clock (mode->dialog, mode->clock, mode->clock_data);
      g_signal_connect (mode->dialog, "unlocked", G_CALLBACK (unlocked_cb), mode);
    }
  gtk_window_present (GTK_WINDOW (mode->dialog));
}

gboolean
bk_staff_mode_is_open (BkWindow *window)
{
  StaffMode *mode = get_mode (window);

  return mode != NULL && mode->open;
}

static BkStatsBatch *
get_stats (StaffMode *mode)
{
  if (mode->stats == NULL && get_app (mode) != NULL)
    mode->stats = bk_application_get_stats (get_app (mode));
  return mode->stats;
}

/* Forms: started when their page shows, completed at the receipt,
 * abandoned when anything else comes first (the idle reset too). */
static void
track_form (StaffMode *mode, const char *page)
{
  BkStatsBatch *stats = get_stats (mode);
  GtkWidget *form_page = bk_window_get_page (mode->window, "form");
  const BkForm *form = BK_IS_FORM_PAGE (form_page) ? bk_form_page_get_form (BK_FORM_PAGE (form_page)) : NULL;

  if (stats == NULL)
    return;
  if (g_strcmp0 (page, "form") == 0)
    {
      const char *kind = form ? bk_submission_kind_to_string (form->kind) : NULL;

      if (kind != NULL && kind != mode->form_kind)
        {
          if (mode->form_kind != NULL)
            bk_stats_batch_add (stats, BK_STATS_FORM_ABANDONED, mode->form_kind, 1);
          bk_stats_batch_add (stats, BK_STATS_FORM_STARTED, kind, 1);
          mode->form_kind = kind;
        }
      return;
    }
  if (mode->form_kind == NULL)
    return;
  bk_stats_batch_add (stats, g_strcmp0 (page, "receipt") == 0 ? BK_STATS_FORM_COMPLETED
                                                                : BK_STATS_FORM_ABANDONED,
                      mode->form_kind, 1);
  mode->form_kind = NULL;
}

void
bk_staff_mode_page_shown (BkWindow *window, const char *page)
{
  StaffMode *mode = get_mode (window);
  BkStatsBatch *stats;

  if (mode == NULL)
    return;
  if (g_strcmp0 (page, "staff") == 0)
    return;   /* staff's own use is not the citizens' */
  close_mode (mode);
  track_form (mode, page);
  stats = get_stats (mode);
  if (stats != NULL && page != NULL)
    bk_stats_batch_add (stats, BK_STATS_PAGE_VIEW, page, 1);
}

void
bk_staff_mode_count_service (BkWindow *window, const char *service_id)
{
  StaffMode *mode = get_mode (window);
  BkStatsBatch *stats = mode ? get_stats (mode) : NULL;

  g_autofree char *key = service_id ? g_ascii_strdown (service_id, -1) : NULL;

  /* An imported catalogue may use ids that are no counter keys: skip those. */
  if (stats != NULL && key != NULL && bk_stats_key_is_valid (key))
    bk_stats_batch_add (stats, BK_STATS_SERVICE_VIEW, key, 1);
}

/* The idle reset ends a form being filled in: abandoned. */
static void
session_reset_cb (BkWindow *window)
{
  StaffMode *mode = get_mode (window);

  if (mode != NULL)
    track_form (mode, NULL);
}

static gboolean
hold_done_cb (gpointer user_data)
{
  StaffMode *mode = user_data;

  mode->hold_source = 0;
  bk_staff_mode_request (mode->window);
  return G_SOURCE_REMOVE;
}

static void
hold_start_cb (GtkGestureClick *gesture, int n_press, double x, double y, StaffMode *mode)
{
  g_clear_handle_id (&mode->hold_source, g_source_remove);
  mode->hold_source = g_timeout_add (HOLD_MS, hold_done_cb, mode);
}

/* Let go, moved away or taken by another gesture: no hold. */
static void
hold_stop_cb (StaffMode *mode)
{
  g_clear_handle_id (&mode->hold_source, g_source_remove);
}

gboolean
bk_staff_mode_finish_hold (BkWindow *window)
{
  StaffMode *mode = get_mode (window);

  if (mode == NULL || mode->hold_source == 0)
    return FALSE;
  g_clear_handle_id (&mode->hold_source, g_source_remove);
  hold_done_cb (mode);
  return TRUE;
}

guint
bk_staff_mode_get_hold_ms (void)
{
  return HOLD_MS;
}

static void
staff_button_clicked_cb (GtkButton *button, StaffMode *mode)
{
  BkVoice *voice = bk_window_get_voice (mode->window);

  /* A short touch does nothing but say how it works. */
  if (voice != NULL)
    bk_voice_say_on_demand (voice, _("For staff only: hold this button for 3 seconds."), NULL);
}

static void
connect_app_cb (StaffMode *mode)
{
  BkApplication *app = get_app (mode);

  if (app != NULL)
    g_signal_connect_object (app, "session-reset", G_CALLBACK (session_reset_cb), mode->window,
                             G_CONNECT_SWAPPED);
}

static void
leave_cb (BkStaffPage *page, StaffMode *mode)
{
  close_mode (mode);
  gtk_widget_activate_action (GTK_WIDGET (mode->window), "win.home", NULL);
}

static void
quit_cb (BkStaffPage *page, StaffMode *mode)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (mode->window));

  bk_staff_log (G_LOG_LEVEL_MESSAGE, "quit", NULL, "Kiosk quit from staff mode");
  close_mode (mode);
  if (app != NULL)
    g_application_quit (G_APPLICATION (app));
}

void
bk_staff_mode_attach (BkWindow *window, GtkWidget *staff_page, GtkWidget *staff_button)
{
  StaffMode *mode;

  g_return_if_fail (BK_IS_WINDOW (window));
  g_return_if_fail (BK_IS_STAFF_PAGE (staff_page));

  mode = g_new0 (StaffMode, 1);
  mode->window = window;
  mode->page = staff_page;
  g_object_set_data_full (G_OBJECT (window), "bk-staff-mode", mode, (GDestroyNotify) mode_free);

  mode->long_press = gtk_gesture_click_new ();
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (mode->long_press), GTK_PHASE_CAPTURE);
  g_signal_connect (mode->long_press, "pressed", G_CALLBACK (hold_start_cb), mode);
  g_signal_connect_swapped (mode->long_press, "released", G_CALLBACK (hold_stop_cb), mode);
  g_signal_connect_swapped (mode->long_press, "stopped", G_CALLBACK (hold_stop_cb), mode);
  g_signal_connect_swapped (mode->long_press, "cancel", G_CALLBACK (hold_stop_cb), mode);
  gtk_widget_add_controller (staff_button, GTK_EVENT_CONTROLLER (mode->long_press));
  g_signal_connect (staff_button, "clicked", G_CALLBACK (staff_button_clicked_cb), mode);

  g_signal_connect (staff_page, "leave", G_CALLBACK (leave_cb), mode);
  /* The application is known once the window is: connect then. */
  g_signal_connect_swapped (window, "notify::application", G_CALLBACK (connect_app_cb), mode);
  g_signal_connect (staff_page, "quit", G_CALLBACK (quit_cb), mode);
}

void
bk_staff_mode_set_stats (BkWindow *window, BkStatsBatch *batch)
{
  StaffMode *mode = get_mode (window);

  g_return_if_fail (mode != NULL);
  mode->stats = batch;
}

BkPinDialog *
bk_staff_mode_get_pin_dialog (BkWindow *window)
{
  StaffMode *mode = get_mode (window);

  return mode ? mode->dialog : NULL;
}

GtkGesture *
bk_staff_mode_get_long_press (BkWindow *window)
{
  StaffMode *mode = get_mode (window);

  return mode ? mode->long_press : NULL;
}

void
bk_staff_mode_set_clock (BkWindow *window, BkStaffPinClock clock, gpointer clock_data)
{
  StaffMode *mode = get_mode (window);

  g_return_if_fail (mode != NULL);
  mode->clock = clock;
  mode->clock_data = clock_data;
  if (mode->dialog != NULL)
    bk_pin_dialog_set_clock (mode->dialog, clock, clock_data);
}
