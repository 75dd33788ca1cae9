/* bk-stats-chart.h: a bar chart of counts with the same numbers as a table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BK_TYPE_STATS_CHART (bk_stats_chart_get_type ())
G_DECLARE_FINAL_TYPE (BkStatsChart, bk_stats_chart, BK, STATS_CHART, GtkWidget)

/* title names the chart (its accessible name) and heads the table's first
 * column; value_heading heads the second. */
GtkWidget  *bk_stats_chart_new         (const char         *title,
                                        const char         *value_heading);
/* n bars; labels are shown as they are (already translated). */
void        bk_stats_chart_set_data    (BkStatsChart       *self,
                                        const char * const *labels,
                                        const gint64       *values,
                                        guint               n);

G_END_DECLS
