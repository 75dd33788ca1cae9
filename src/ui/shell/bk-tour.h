/* bk-tour.h: the demonstration tour for staff
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BK_TYPE_TOUR (bk_tour_get_type ())
G_DECLARE_FINAL_TYPE (BkTour, bk_tour, BK, TOUR, GObject)

/* The application's tour: app.tour (Ctrl+Alt+T) starts it and stops it;
 * its panel and keys join every kiosk window of app. */
BkTour     *bk_tour_install       (GtkApplication *app);
BkTour     *bk_tour_get_for_app   (GtkApplication *app);

void        bk_tour_start         (BkTour *self);
/* Ends the tour: every setting it changed back as it was. */
void        bk_tour_stop          (BkTour *self);
gboolean    bk_tour_is_running    (BkTour *self);
void        bk_tour_next          (BkTour *self);
void        bk_tour_previous      (BkTour *self);
/* Says the step again (and shows its effect again). */
void        bk_tour_repeat        (BkTour *self);

/* Where the tour is: the step's index, the number of steps, its id. */
guint       bk_tour_get_index     (BkTour *self);
guint       bk_tour_get_n_steps   (BkTour *self);
const char *bk_tour_get_step_id   (BkTour *self);
/* The panel over the current window, or NULL when the tour is not running. */
GtkWidget  *bk_tour_get_panel     (BkTour *self);
/* What the panel says besides the step (the screen reader's words, a
 * problem with the town's file); "" for nothing. */
const char *bk_tour_get_note      (BkTour *self);

G_END_DECLS
