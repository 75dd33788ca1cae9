/* bk-meetings-page.h: the meeting calendar ("Sitzungen")
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BK_TYPE_MEETINGS_PAGE (bk_meetings_page_get_type ())
G_DECLARE_FINAL_TYPE (BkMeetingsPage, bk_meetings_page, BK, MEETINGS_PAGE, GtkWidget)

GtkWidget *bk_meetings_page_new     (void);
/* Builds the calendar again from the store. */
void       bk_meetings_page_refresh (BkMeetingsPage *self);

G_END_DECLS
