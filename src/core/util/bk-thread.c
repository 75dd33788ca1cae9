/* bk-thread.c: background threads that yield to the screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "bk-config.h"

#include <errno.h>
#include <unistd.h>
#include <sys/resource.h>

#include "bk-thread.h"

void
bk_thread_lower_priority (const char *who)
{
#ifdef __linux__
  if (setpriority (PRIO_PROCESS, (id_t) gettid (), 10) != 0)
    g_debug ("the %s thread keeps its priority: %s", who, g_strerror (errno));
#endif
}
