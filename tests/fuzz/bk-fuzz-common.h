/* bk-fuzz-common.h: what every libFuzzer target of tests/fuzz shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

static void
bk_fuzz_quiet_log (const char     *domain,
                   GLogLevelFlags  level,
                   const char     *message,
                   gpointer        data)
{
}

/* Debug and info messages would drown the fuzzer's output; a critical is a
 * broken precondition (a wrong type handed to json-glib, say) and counts as
 * a finding, so it aborts. */
static inline void
bk_fuzz_init (void)
{
  g_log_set_handler (NULL, G_LOG_LEVEL_DEBUG | G_LOG_LEVEL_INFO | G_LOG_LEVEL_MESSAGE,
                     bk_fuzz_quiet_log, NULL);
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_ERROR);
}

/* A refused input must say why. */
static inline void
bk_fuzz_check_error (const GError *error)
{
  if (error == NULL || error->message == NULL || error->message[0] == '\0')
    g_error ("failure without an error message");
}
