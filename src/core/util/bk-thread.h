/* bk-thread.h: background threads that yield to the screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Makes the calling thread a background worker (the OParl sync, the
 * outbox's delivery, an import) until bk_thread_leave_background:
 *
 *  - a thread-default main context of its own, returned: libsoup and GIO
 *    bind their sources to the thread-default context, and without one the
 *    worker's requests took the kiosk's main context — its lock and its
 *    wake-ups;
 *  - on Linux the batch scheduling class (SCHED_BATCH) at the ordinary
 *    weight: a waking worker never preempts the main thread in the middle
 *    of a frame, yet keeps a full share of a CPU. It used to run at nice 10
 *    instead, and the main thread shares locks with it that the kiosk does
 *    not own (the main context's, GObject's signal lock): a worker preempted
 *    while holding one got a tenth of a CPU and the main thread slept
 *    53–108 ms behind it (bench/README.md, "The workers' priority").
 *
 * Only the calling thread is affected. who names the thread in the debug
 * message when its class cannot be changed. */
GMainContext *bk_thread_enter_background (const char   *who);

/* Pops the context that bk_thread_enter_background returned, drops it and
 * gives the thread its scheduling class back (a pool thread goes on to do
 * other work). */
void          bk_thread_leave_background (GMainContext *context);

G_END_DECLS
