/* bk-window-frames.c: frame timings for the page-switch benchmark
 *
 * Only when the environment names a file in BK_FRAME_LOG
 * (bench/page-switch.py sets it): the window appends one line per event,
 * "<what> <CLOCK_MONOTONIC µs> <CPU µs of the main thread> <detail>", to
 * that file:
 *   key     the window saw a key press (its key name)
 *   page    a page was shown (its stack name)
 *   help    the help layer opened or closed (1 or 0)
 *   status  the page shown said a status (a search's number of results)
 *   focus   the focus moved: the widget's type, the action and target of it
 *           or of the control around it ("-" for none) and its first text,
 *           so that the benchmark can move the focus by keys to a control
 *   frame   a frame was painted: its start, the end of its layout, the end
 *           of its paint, the end of the frame (µs) and the CPU µs then
 *   renderer  the window was realised: GSK's renderer (GskCairoRenderer,
 *           GskGLRenderer, …)
 * Without the variable nothing is connected and nothing is written, so a
 * citizen's kiosk does exactly what it did; with it, the kiosk only writes
 * these lines.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-window"

#include "bk-config.h"

#include <stdio.h>
#include <time.h>

#include "bk-window-private.h"

#define FRAME_LOG_KEY "bk-frame-log"

typedef struct
{
  FILE   *file;
  gint64  frame_start;
  gint64  layout_end;
  gint64  paint_end;
} FrameLog;

static void
frame_log_free (gpointer data)
{
  FrameLog *log = data;

  fclose (log->file);
  g_free (log);
}

static FrameLog *
frame_log_of (gpointer object)
{
  return g_object_get_data (G_OBJECT (object), FRAME_LOG_KEY);
}

/* The CPU time of the calling (main) thread: what the kiosk itself spent,
 * whatever else runs on the machine. */
static gint64
thread_cpu_us (void)
{
  struct timespec ts;

  if (clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts) != 0)
    return 0;
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static void
frame_log_line (FrameLog   *log,
                const char *what,
                const char *detail)
{
  fprintf (log->file, "%s %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %s\n",
           what, g_get_monotonic_time (), thread_cpu_us (), detail);
  fflush (log->file);
}

static void
before_paint_cb (GdkFrameClock *clock,
                 FrameLog      *log)
{
  log->frame_start = g_get_monotonic_time ();
  log->layout_end = log->paint_end = 0;
}

/* Connected after GTK's own handlers: the phase has just ended. */
static void
layout_cb (GdkFrameClock *clock,
           FrameLog      *log)
{
  log->layout_end = g_get_monotonic_time ();
}

static void
paint_cb (GdkFrameClock *clock,
          FrameLog      *log)
{
  log->paint_end = g_get_monotonic_time ();
}

static void
after_paint_cb (GdkFrameClock *clock,
                FrameLog      *log)
{
  fprintf (log->file, "frame %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT
           " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT "\n",
           log->frame_start, log->layout_end, log->paint_end, g_get_monotonic_time (), thread_cpu_us ());
  fflush (log->file);
}

static void
realize_cb (GtkWidget *window)
{
  FrameLog *log = frame_log_of (window);
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_connect (clock, "before-paint", G_CALLBACK (before_paint_cb), log);
  g_signal_connect (clock, "layout", G_CALLBACK (layout_cb), log);
  g_signal_connect (clock, "paint", G_CALLBACK (paint_cb), log);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), log);
  frame_log_line (log, "renderer", G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window))));
}

static void
unrealize_cb (GtkWidget *window)
{
  g_signal_handlers_disconnect_by_data (gtk_widget_get_frame_clock (window), frame_log_of (window));
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                FrameLog              *log)
{
  const char *name = gdk_keyval_name (keyval);

  frame_log_line (log, "key", name ? name : "?");
  return FALSE;
}

static void
page_shown_cb (BkWindow   *self,
               const char *page)
{
  frame_log_line (frame_log_of (self), "page", page);
}

static void
help_visible_cb (GtkWidget  *overlay,
                 GParamSpec *pspec,
                 BkWindow   *self)
{
  frame_log_line (frame_log_of (self), "help", gtk_widget_get_visible (overlay) ? "1" : "0");
}

static void
status_changed_cb (GtkWidget  *page,
                   const char *message,
                   BkWindow   *self)
{
  frame_log_line (frame_log_of (self), "status",
                  gtk_stack_page_get_name (gtk_stack_get_page (self->stack, page)));
}

/* The first text inside widget, depth first. */
static const char *
first_text (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return gtk_label_get_text (GTK_LABEL (widget));
  if (GTK_IS_EDITABLE (widget))
    return gtk_editable_get_text (GTK_EDITABLE (widget));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *text = first_text (child);

      if (text != NULL && text[0] != '\0')
        return text;
    }

  return NULL;
}

static void
focus_moved_cb (BkWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GtkWidget *actionable = focus;
  g_autofree char *target = NULL;
  g_autofree char *detail = NULL;
  const char *action = NULL;
  const char *text;

  if (focus == NULL)
    return;
  while (actionable != NULL &&
         !(GTK_IS_ACTIONABLE (actionable) && gtk_actionable_get_action_name (GTK_ACTIONABLE (actionable))))
    actionable = gtk_widget_get_parent (actionable);
  if (actionable != NULL)
    {
      GVariant *value = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (actionable));

      action = gtk_actionable_get_action_name (GTK_ACTIONABLE (actionable));
      target = value ? g_variant_print (value, FALSE) : NULL;
    }
  text = first_text (focus);
  detail = g_strdup_printf ("%s %s %s %s", G_OBJECT_TYPE_NAME (focus), action ? action : "-",
                            target ? target : "-", text ? text : "");
  g_strdelimit (detail, "\n", ' ');
  frame_log_line (frame_log_of (self), "focus", detail);
}

void
_bk_window_frames_init (BkWindow *self)
{
  const char *path = g_getenv ("BK_FRAME_LOG");
  GtkEventController *keys;
  FrameLog *log;
  FILE *file;

  if (path == NULL || path[0] == '\0')
    return;

  file = fopen (path, "a");
  if (file == NULL)
    {
      g_message ("BK_FRAME_LOG: cannot open %s", path);
      return;
    }
  log = g_new0 (FrameLog, 1);
  log->file = file;
  g_object_set_data_full (G_OBJECT (self), FRAME_LOG_KEY, log, frame_log_free);

  g_signal_connect (self, "realize", G_CALLBACK (realize_cb), NULL);
  g_signal_connect (self, "unrealize", G_CALLBACK (unrealize_cb), NULL);
  g_signal_connect (self, "page-shown", G_CALLBACK (page_shown_cb), NULL);
  g_signal_connect (self, "notify::focus-widget", G_CALLBACK (focus_moved_cb), NULL);
  g_signal_connect_object (self->help_overlay, "notify::visible", G_CALLBACK (help_visible_cb), self, 0);
  for (GtkWidget *page = gtk_widget_get_first_child (GTK_WIDGET (self->stack));
       page != NULL;
       page = gtk_widget_get_next_sibling (page))
    g_signal_connect_object (page, "status-changed", G_CALLBACK (status_changed_cb), self, 0);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  gtk_event_controller_set_name (keys, "bk-frame-log");
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), log);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}
