/* bench-frames.h: waiting for painted frames in the GUI benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

/* Counts the frames painted by the frame clock of widget (realized). */
void     bench_frames_watch   (GtkWidget *widget);

/* Iterates the main loop until a frame has been painted after the call or
 * timeout_ms have passed; with then_idle, then runs what is pending (idle
 * work the frame queued). FALSE when the time ran out. */
gboolean bench_wait_for_paint (guint      timeout_ms,
                               gboolean   then_idle);

/* Iterates the main loop for ms milliseconds. */
void     bench_settle         (guint      ms);
