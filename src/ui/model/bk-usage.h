/* bk-usage.h: the anonymous usage counts of one citizen's session
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-settings.h"
#include "bk-stats.h"

G_BEGIN_DECLS

#define BK_TYPE_USAGE (bk_usage_get_type ())
G_DECLARE_FINAL_TYPE (BkUsage, bk_usage, BK, USAGE, GObject)

/* Watches settings for accessibility features used in the session. */
BkUsage      *bk_usage_new            (BkSettings *settings);
/* Where the counts go; NULL or a read-only store: they are dropped. */
void          bk_usage_set_store      (BkUsage    *self,
                                       BkStore    *store);

/* A page shown to the citizen ("staff" is not counted). target is what
 * it shows: the service id of "service", the form id of "form". */
void          bk_usage_page_shown     (BkUsage    *self,
                                       const char *page,
                                       GVariant   *target);
/* A satisfaction rating 1 … 5; anything else is refused with a warning. */
void          bk_usage_add_rating     (BkUsage    *self,
                                       int         rating);
void          bk_usage_speech_started (BkUsage    *self);
void          bk_usage_speech_finished (BkUsage   *self);
/* Counts are written a few seconds after they happen. The end of the
 * session: an open form counts as abandoned, the session is counted if
 * anything happened in it, and everything is written. */
void          bk_usage_end_session    (BkUsage    *self);
/* Writes what was counted so far (the kiosk stops: SIGTERM, Quit). */
void          bk_usage_flush          (BkUsage    *self);

G_END_DECLS
