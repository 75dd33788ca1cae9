/* bk-staff-log.c: staff actions in the journal
 *
 * Structured records, so that administrators can filter staff actions by
 * event without parsing messages.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-staff"

#include "bk-staff-log.h"

void
bk_staff_log (GLogLevelFlags  level,
              const char     *event,
              const char     *detail,
              const char     *message)
{
  const GLogField fields[] = {
    { "GLIB_DOMAIN", G_LOG_DOMAIN, -1 },
    { "MESSAGE", message, -1 },
    { "BK_EVENT", event, -1 },
    { "BK_DETAIL", detail != NULL ? detail : "", -1 },
  };

  g_return_if_fail (event != NULL && message != NULL);
  g_log_structured_array (level, fields, G_N_ELEMENTS (fields));
}
