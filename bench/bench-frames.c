/* bench-frames.c: waiting for painted frames in the GUI benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "bench-frames.h"

static guint painted;

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       data)
{
  painted++;
}

void
bench_frames_watch (GtkWidget *widget)
{
  g_signal_connect (gtk_widget_get_frame_clock (widget), "after-paint",
                    G_CALLBACK (after_paint_cb), NULL);
}

static gboolean
wake_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

gboolean
bench_wait_for_paint (guint    timeout_ms,
                      gboolean then_idle)
{
  guint before = painted;
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (timeout_ms, wake_cb, &timed_out);

  while (painted == before && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  if (then_idle)
    while (g_main_context_iteration (NULL, FALSE))
      ;
  return !timed_out;
}

void
bench_settle (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, wake_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}
