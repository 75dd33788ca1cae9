/* bk-thread.h: background threads that yield to the screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Lowers the priority of the calling thread (nice 10): on a kiosk with two
 * cores a background worker (the OParl sync, the outbox's delivery) must
 * not take frames from the main thread. On Linux a thread is a task of its
 * own, so only this thread is affected; elsewhere nothing happens. who
 * names the thread in the debug message when it keeps its priority. */
void bk_thread_lower_priority (const char *who);

G_END_DECLS
