/* bk-stats-chart-private.h: for tests only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-stats-chart.h"

G_BEGIN_DECLS

/* The drawing (role img) and the table (a GtkGrid of labels). */
GtkWidget  *bk_stats_chart_get_drawing (BkStatsChart       *self);
guint       bk_stats_chart_get_n_bars  (BkStatsChart       *self);
/* The text alternative of the drawing: what it shows, in one sentence. */
const char *bk_stats_chart_get_summary (BkStatsChart       *self);
GtkWidget  *bk_stats_chart_get_table   (BkStatsChart       *self);

G_END_DECLS
