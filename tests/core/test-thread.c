/* test-thread.c: bk_thread_enter_background / _leave_background
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <pthread.h>
#include <sched.h>

#include "bk-thread.h"

static int
current_policy (void)
{
  struct sched_param param;
  int policy = -1;

  g_assert_cmpint (pthread_getschedparam (pthread_self (), &policy, &param), ==, 0);
  return policy;
}

static gpointer
worker (gpointer data)
{
  int before = current_policy ();
  GMainContext *context;

  g_assert_null (g_main_context_get_thread_default ());
  context = bk_thread_enter_background ("test");
  /* Its own context, not the process's main context. */
  g_assert_true (g_main_context_get_thread_default () == context);
  g_assert_true (context != g_main_context_default ());
#ifdef SCHED_BATCH
  g_assert_cmpint (current_policy (), ==, SCHED_BATCH);
#endif
  bk_thread_leave_background (context);
  /* Given back, as a pool thread needs it for its next task. */
  g_assert_null (g_main_context_get_thread_default ());
  g_assert_cmpint (current_policy (), ==, before);
  return NULL;
}

static void
test_background (void)
{
  /* Twice on the same kind of thread, and once more: leaving resets what
   * entering keeps for it. */
  for (guint i = 0; i < 2; i++)
    g_thread_join (g_thread_new ("bk-test", worker, NULL));
}

/* A thread that is in the batch class already stays there after leaving. */
static gpointer
batch_worker (gpointer data)
{
#ifdef SCHED_BATCH
  struct sched_param param = { 0 };

  g_assert_cmpint (pthread_setschedparam (pthread_self (), SCHED_BATCH, &param), ==, 0);
  bk_thread_leave_background (bk_thread_enter_background ("test"));
  g_assert_cmpint (current_policy (), ==, SCHED_BATCH);
#endif
  return NULL;
}

static void
test_background_kept (void)
{
  g_thread_join (g_thread_new ("bk-test", batch_worker, NULL));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/thread/background", test_background);
  g_test_add_func ("/thread/background-kept", test_background_kept);
  return g_test_run ();
}
