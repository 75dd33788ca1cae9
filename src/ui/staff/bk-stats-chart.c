/* bk-stats-chart.c: a bar chart of counts with the same numbers as a table
 *
 * The drawing is for a quick look; the table beside it (below it when the
 * text is large) holds every number as text, and the drawing's accessible
 * description sums it up, so nothing is shown by the drawing alone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-stats-chart"

#include "bk-config.h"

#include <glib/gi18n.h>

#include "bk-stats-chart-private.h"
#include "bk-ui.h"
#include "bk-wrap-layout.h"

#define BAR_HEIGHT 28
#define BAR_GAP    10
#define CHART_WIDTH 320

struct _BkStatsChart
{
  GtkWidget  parent_instance;

  GtkWidget *drawing;
  GtkWidget *table;
  char      *title;
  char      *value_heading;
  char      *summary;
  GArray    *values;   /* gint64 */
};

G_DEFINE_FINAL_TYPE (BkStatsChart, bk_stats_chart, GTK_TYPE_WIDGET)

static void
draw_cb (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer user_data)
{
  BkStatsChart *self = user_data;
  GtkStyleContext *style = gtk_widget_get_style_context (GTK_WIDGET (area));
  gint64 max = 1;
  GdkRGBA color;

  /* The text colour of the theme: visible in every high-contrast theme. */
  gtk_style_context_get_color (style, &color);
  for (guint i = 0; i < self->values->len; i++)
    max = MAX (max, g_array_index (self->values, gint64, i));

  gdk_cairo_set_source_rgba (cr, &color);
  cairo_set_line_width (cr, 2);
  for (guint i = 0; i < self->values->len; i++)
    {
      gint64 value = g_array_index (self->values, gint64, i);
      double y = i * (BAR_HEIGHT + BAR_GAP) + 1;
      double w = (double) (width - 2) * (double) value / (double) max;

      /* An outline for every bar, so an empty one still shows where it is. */
      cairo_rectangle (cr, 1, y, width - 2, BAR_HEIGHT);
      cairo_stroke (cr);
      cairo_rectangle (cr, 1, y, w, BAR_HEIGHT);
      cairo_fill (cr);
    }
}

static GtkWidget *
cell (const char *text, gboolean heading, gboolean number)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), number ? 1.0f : 0.0f);
  if (heading)
    gtk_widget_add_css_class (label, "heading");
  return label;
}

static void
rebuild_table (BkStatsChart *self, const char * const *labels)
{

  bk_ui_unparent_children (self->table);

  gtk_grid_attach (GTK_GRID (self->table), cell (self->title, TRUE, FALSE), 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (self->table), cell (self->value_heading, TRUE, TRUE), 1, 0, 1, 1);
  for (guint i = 0; i < self->values->len; i++)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                 g_array_index (self->values, gint64, i));

      gtk_grid_attach (GTK_GRID (self->table), cell (labels[i], FALSE, FALSE), 0, (int) i + 1, 1, 1);
      gtk_grid_attach (GTK_GRID (self->table), cell (number, FALSE, TRUE), 1, (int) i + 1, 1, 1);
    }
  if (self->values->len == 0)
    /* Translators: in a statistics table without any counts yet */
    gtk_grid_attach (GTK_GRID (self->table), cell (_("No data yet"), FALSE, FALSE), 0, 1, 2, 1);
}

static void
update_summary (BkStatsChart *self, const char * const *labels)
{
  gint64 total = 0, max = -1;
  guint max_index = 0;

  for (guint i = 0; i < self->values->len; i++)
    {
      gint64 value = g_array_index (self->values, gint64, i);

      total += value;
      if (value > max)
        {
          max = value;
          max_index = i;
        }
    }
  g_free (self->summary);
  if (self->values->len == 0)
    /* Translators: %s is a chart's title */
    self->summary = g_strdup_printf (_("%s: no data yet."), self->title);
  else
    {
      g_autofree char *total_text = g_strdup_printf ("%" G_GINT64_FORMAT, total);
      g_autofree char *max_text = g_strdup_printf ("%" G_GINT64_FORMAT, max);

      /* Translators: the text alternative of a bar chart: its title, the
       * number of bars, the sum, and the largest bar's label and value */
      self->summary = g_strdup_printf (ngettext ("%s: %u bar, total %s; largest: %s with %s.",
                                                 "%s: %u bars, total %s; largest: %s with %s.",
                                                 self->values->len),
                                       self->title, self->values->len, total_text,
                                       labels[max_index], max_text);
    }
  bk_ui_set_accessible (self->drawing, self->title, self->summary);
}

void
bk_stats_chart_set_data (BkStatsChart *self, const char * const *labels, const gint64 *values,
                         guint n)
{
  g_return_if_fail (BK_IS_STATS_CHART (self));
  g_return_if_fail (n == 0 || (labels != NULL && values != NULL));

  g_array_set_size (self->values, 0);
  g_array_append_vals (self->values, values, n);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self->drawing),
                                       MAX (1, (int) n) * (BAR_HEIGHT + BAR_GAP));
  rebuild_table (self, labels);
  update_summary (self, labels);
  gtk_widget_queue_draw (self->drawing);
}

static void
bk_stats_chart_dispose (GObject *object)
{
  BkStatsChart *self = BK_STATS_CHART (object);

  g_clear_pointer (&self->drawing, gtk_widget_unparent);
  g_clear_pointer (&self->table, gtk_widget_unparent);
  G_OBJECT_CLASS (bk_stats_chart_parent_class)->dispose (object);
}

static void
bk_stats_chart_finalize (GObject *object)
{
  BkStatsChart *self = BK_STATS_CHART (object);

  g_free (self->title);
  g_free (self->value_heading);
  g_free (self->summary);
  g_array_unref (self->values);
  G_OBJECT_CLASS (bk_stats_chart_parent_class)->finalize (object);
}

static void
bk_stats_chart_class_init (BkStatsChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bk_stats_chart_dispose;
  object_class->finalize = bk_stats_chart_finalize;
  gtk_widget_class_set_layout_manager_type (widget_class, BK_TYPE_WRAP_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "bk-stats-chart");
}

static void
bk_stats_chart_init (BkStatsChart *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  g_object_set (layout, "spacing", 24, "line-spacing", 12, NULL);
  self->values = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->drawing = g_object_new (GTK_TYPE_DRAWING_AREA,
                                "accessible-role", GTK_ACCESSIBLE_ROLE_IMG,
                                "content-width", CHART_WIDTH,
                                "valign", GTK_ALIGN_START,
                                NULL);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->drawing), draw_cb, self, NULL);
  gtk_widget_set_parent (self->drawing, GTK_WIDGET (self));
  self->table = g_object_new (GTK_TYPE_GRID,
                              "accessible-role", GTK_ACCESSIBLE_ROLE_TABLE,
                              "row-spacing", 6,
                              "column-spacing", 24,
                              "valign", GTK_ALIGN_START,
                              NULL);
  gtk_widget_set_parent (self->table, GTK_WIDGET (self));
}

GtkWidget *
bk_stats_chart_new (const char *title, const char *value_heading)
{
  BkStatsChart *self = g_object_new (BK_TYPE_STATS_CHART, NULL);

  self->title = g_strdup (title);
  self->value_heading = g_strdup (value_heading);
  /* Translators: %s is a chart's title; names its table of numbers */
  {
    g_autofree char *table_name = g_strdup_printf (_("%s, as a table"), title);

    bk_ui_set_accessible (self->table, table_name, NULL);
  }
  bk_stats_chart_set_data (self, NULL, NULL, 0);
  return GTK_WIDGET (self);
}

guint
bk_stats_chart_get_n_bars (BkStatsChart *self)
{
  g_return_val_if_fail (BK_IS_STATS_CHART (self), 0);
  return self->values->len;
}

const char *
bk_stats_chart_get_summary (BkStatsChart *self)
{
  g_return_val_if_fail (BK_IS_STATS_CHART (self), NULL);
  return self->summary;
}

GtkWidget *
bk_stats_chart_get_drawing (BkStatsChart *self)
{
  g_return_val_if_fail (BK_IS_STATS_CHART (self), NULL);
  return self->drawing;
}

GtkWidget *
bk_stats_chart_get_table (BkStatsChart *self)
{
  g_return_val_if_fail (BK_IS_STATS_CHART (self), NULL);
  return self->table;
}
