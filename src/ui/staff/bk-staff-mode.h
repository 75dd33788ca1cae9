/* bk-staff-mode.h: the way into staff mode and out of it, for BkWindow
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-pin-dialog.h"
#include "bk-stats.h"
#include "bk-window.h"

G_BEGIN_DECLS

/* Holding staff_button for 3 s (or win.staff-mode, Ctrl+Alt+S) asks for the
 * PIN, then shows the "staff" page; leaving that page closes staff mode. */
void         bk_staff_mode_attach       (BkWindow        *window,
                                         GtkWidget       *staff_page,
                                         GtkWidget       *staff_button);
/* win.staff-mode: the staff page when open, else the PIN dialog. */
void         bk_staff_mode_request      (BkWindow        *window);
gboolean     bk_staff_mode_is_open      (BkWindow        *window);
/* For the program itself (bk_window_show_page: tests, screenshots), never
 * for a citizen's action: staff mode without asking for the PIN. */
void         bk_staff_mode_open_without_pin (BkWindow      *window);
/* Called by the window for every page it shows: closes staff mode when the
 * page is another one, and counts the view in the statistics. */
void         bk_staff_mode_page_shown   (BkWindow        *window,
                                         const char      *page);
/* Counts a service shown on the "service" page. */
void         bk_staff_mode_count_service (BkWindow       *window,
                                          const char     *service_id);
/* The application's statistics of this session (not owned; NULL: none). */
void         bk_staff_mode_set_stats    (BkWindow        *window,
                                         BkStatsBatch    *batch);

/* For tests */
BkPinDialog *bk_staff_mode_get_pin_dialog (BkWindow      *window);
/* The press gesture on the staff button; a press starts the hold. */
GtkGesture  *bk_staff_mode_get_long_press (BkWindow      *window);
/* Ends a hold that is under way at once, as its timer would; FALSE when
 * no hold is under way (never pressed, or let go before). */
gboolean     bk_staff_mode_finish_hold  (BkWindow        *window);
guint        bk_staff_mode_get_hold_ms  (void);
void         bk_staff_mode_set_clock    (BkWindow        *window,
                                         BkStaffPinClock  clock,
                                         gpointer         clock_data);

G_END_DECLS
