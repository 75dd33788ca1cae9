/* bk-meetings-page-private.h: for tests only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-meetings-page.h"

G_BEGIN_DECLS

/* The day the calendar counts from (yyyy-mm-dd; NULL: today), refreshed. */
void       bk_meetings_page_set_today        (BkMeetingsPage *self,
                                              const char     *today);
/* How many meetings each part shows. */
guint      bk_meetings_page_get_n_upcoming   (BkMeetingsPage *self);
guint      bk_meetings_page_get_n_past       (BkMeetingsPage *self);
/* The box of upcoming meetings and of past ones. */
GtkWidget *bk_meetings_page_get_upcoming_box (BkMeetingsPage *self);
GtkWidget *bk_meetings_page_get_past_box     (BkMeetingsPage *self);
GtkWidget *bk_meetings_page_get_sources_label (BkMeetingsPage *self);

G_END_DECLS
