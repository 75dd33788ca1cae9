/* bk-thread.c: background threads that yield to the screen (see bk-thread.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "bk-config.h"

#include <pthread.h>
#include <sched.h>

#include "bk-thread.h"

#ifdef SCHED_BATCH
/* The class the thread had before, for bk_thread_leave_background. */
static _Thread_local int policy_before = -1;
static _Thread_local int priority_before;
#endif

GMainContext *
bk_thread_enter_background (const char *who)
{
  GMainContext *context = g_main_context_new ();

  g_main_context_push_thread_default (context);
#ifdef SCHED_BATCH
  {
    struct sched_param param = { 0 };
    int policy;
    int error;

    if (pthread_getschedparam (pthread_self (), &policy, &param) == 0 && policy != SCHED_BATCH)
      {
        struct sched_param batch = { 0 };

        error = pthread_setschedparam (pthread_self (), SCHED_BATCH, &batch);
        if (error == 0)
          {
            policy_before = policy;
            priority_before = param.sched_priority;
          }
        else
          g_debug ("the %s thread keeps its scheduling class: %s", who, g_strerror (error));
      }
  }
#endif
  return context;
}

void
bk_thread_leave_background (GMainContext *context)
{
#ifdef SCHED_BATCH
  if (policy_before >= 0)
    {
      struct sched_param param = { .sched_priority = priority_before };

      pthread_setschedparam (pthread_self (), policy_before, &param);
      policy_before = -1;
    }
#endif
  g_main_context_pop_thread_default (context);
  g_main_context_unref (context);
}
