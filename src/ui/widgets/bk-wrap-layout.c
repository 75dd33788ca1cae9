/* bk-wrap-layout.c: a layout that wraps its children onto more lines
 *
 * For the rows of buttons that must not run off the screen at 300 % text:
 * the header, the filters. Keeps the children's own focus order and roles,
 * which GtkFlowBox (a grid of focusable cells) would not.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-wrap-layout"

#include "bk-config.h"

#include "bk-wrap-layout.h"

struct _BkWrapLayout
{
  GtkLayoutManager parent_instance;

  int              spacing;
  int              line_spacing;
  gboolean         homogeneous;
  gboolean         grid;
};

G_DEFINE_FINAL_TYPE (BkWrapLayout, bk_wrap_layout, GTK_TYPE_LAYOUT_MANAGER)

enum {
  PROP_0,
  PROP_SPACING,
  PROP_LINE_SPACING,
  PROP_HOMOGENEOUS,
  PROP_GRID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  GtkWidget *widget;
  int        x;
  int        width;
  int        height;
  int        line;
} Item;

static int
child_width (GtkWidget *child,
             int        available,
             int       *minimum)
{
  int min = 0, nat = 0;

  gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  if (minimum != NULL)
    *minimum = MIN (min, available);

  return MIN (nat, available);
}

static int
child_height (GtkWidget *child,
              int        width)
{
  int min = 0, nat = 0;

  gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, &min, &nat, NULL, NULL);

  return nat;
}

/* Equal columns, as many as fit at a third of the width the widest child
 * would like in one line (its text in about three lines; never below any
 * child's minimum), so that they follow the text size: three side by side
 * at 100 % on a 1280-pixel screen, one above the other at 200 and 300 %.
 * The lines are balanced (five choices: three and two, never four and
 * one) and the last one is centred. */
static int
layout_grid (BkWrapLayout *self,
             GtkWidget    *widget,
             int           width,
             GArray       *items)
{
  int widest_min = 0, widest_nat = 0, n = 0, columns, lines, column_width, total = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_should_layout (child))
      {
        int min = 0, nat = child_width (child, G_MAXINT, &min);

        widest_min = MAX (widest_min, min);
        widest_nat = MAX (widest_nat, nat);
        n++;
      }
  if (n == 0)
    return 0;

  column_width = MIN (width, MAX (widest_min, widest_nat / 3));
  columns = CLAMP ((width + self->spacing) / MAX (1, column_width + self->spacing), 1, n);
  lines = (n + columns - 1) / columns;
  columns = (n + lines - 1) / lines;
  column_width = MAX (0, (width - (columns - 1) * self->spacing) / columns);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_should_layout (child))
      {
        Item item = { child, 0, column_width, 0, (int) items->len / columns };
        int in_line = MIN (columns, n - item.line * columns);
        int column = (int) items->len % columns;

        item.x = (columns - in_line) * (column_width + self->spacing) / 2 + column * (column_width + self->spacing);
        item.height = child_height (child, column_width);
        g_array_append_val (items, item);
      }

  for (int line = 0; line < lines; line++)
    {
      int height = 0;

      for (guint i = 0; i < items->len; i++)
        if (g_array_index (items, Item, i).line == line)
          height = MAX (height, g_array_index (items, Item, i).height);
      for (guint i = 0; i < items->len; i++)
        if (g_array_index (items, Item, i).line == line)
          g_array_index (items, Item, i).height = height;
      total += height + (line > 0 ? self->line_spacing : 0);
    }
  return total;
}

/* Breaks the children into lines of width; returns their total height. */
static int
layout_lines (BkWrapLayout *self,
              GtkWidget    *widget,
              int           width,
              GArray       *items)
{
  int x = 0, line = 0, line_start = 0, total = 0, widest = 0;

  if (self->grid)
    return layout_grid (self, widget, width, items);

  /* Equal widths: each as wide as the widest wants, so that no label of the
   * row is squeezed below its words; as many per line as fit. */
  if (self->homogeneous)
    for (GtkWidget *child = gtk_widget_get_first_child (widget);
         child != NULL;
         child = gtk_widget_get_next_sibling (child))
      if (gtk_widget_should_layout (child))
        widest = MAX (widest, child_width (child, width, NULL));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      Item item = { child, 0, 0, 0, 0 };

      if (!gtk_widget_should_layout (child))
        continue;

      item.width = self->homogeneous ? widest : child_width (child, width, NULL);
      if (x > 0 && x + self->spacing + item.width > width)
        {
          line++;
          x = 0;
        }
      else if (x > 0)
        x += self->spacing;

      item.line = line;
      x += item.width;
      g_array_append_val (items, item);
    }

  /* The rest of each line to the expanding children, then the heights. */
  for (guint i = 0; i < items->len; i = line_start)
    {
      int used = 0, n_expand = 0, height = 0;
      guint j;

      for (j = i; j < items->len && g_array_index (items, Item, j).line == g_array_index (items, Item, i).line; j++)
        {
          Item *item = &g_array_index (items, Item, j);

          used += item->width + (j > i ? self->spacing : 0);
          if (gtk_widget_compute_expand (item->widget, GTK_ORIENTATION_HORIZONTAL))
            n_expand++;
        }
      line_start = j;

      for (j = i; j < (guint)line_start; j++)
        {
          Item *item = &g_array_index (items, Item, j);
          int n = line_start - (int) i;

          /* Equal shares of the line (the start page's two choices). */
          if (self->homogeneous)
            item->width = MAX (0, (width - (n - 1) * self->spacing) / n);
          else if (n_expand > 0 && width > used &&
              gtk_widget_compute_expand (item->widget, GTK_ORIENTATION_HORIZONTAL))
            item->width += (width - used) / n_expand;
          item->height = child_height (item->widget, item->width);
          height = MAX (height, item->height);
        }

      x = 0;
      for (j = i; j < (guint)line_start; j++)
        {
          g_array_index (items, Item, j).height = height;
          g_array_index (items, Item, j).x = x;
          x += g_array_index (items, Item, j).width + self->spacing;
        }

      total += height + (i > 0 ? self->line_spacing : 0);
    }

  return total;
}

static GtkSizeRequestMode
bk_wrap_layout_get_request_mode (GtkLayoutManager *manager,
                                 GtkWidget        *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
bk_wrap_layout_measure (GtkLayoutManager *manager,
                        GtkWidget        *widget,
                        GtkOrientation    orientation,
                        int               for_size,
                        int              *minimum,
                        int              *natural,
                        int              *minimum_baseline,
                        int              *natural_baseline)
{
  BkWrapLayout *self = BK_WRAP_LAYOUT (manager);
  int min = 0, nat = 0;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* As narrow as the widest child; naturally, all in one line. */
      int count = 0, widest = 0;

      for (GtkWidget *child = gtk_widget_get_first_child (widget);
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          int child_min = 0, child_nat = 0;

          if (!gtk_widget_should_layout (child))
            continue;

          gtk_widget_measure (child, orientation, -1, &child_min, &child_nat, NULL, NULL);
          min = MAX (min, child_min);
          nat += child_nat + (count > 0 ? self->spacing : 0);
          widest = MAX (widest, child_nat);
          count++;
        }
      if (self->homogeneous && count > 0)
        nat = count * widest + (count - 1) * self->spacing;
    }
  else
    {
      g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (Item));

      if (for_size < 0)
        bk_wrap_layout_measure (manager, widget, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &for_size, NULL, NULL);
      min = nat = layout_lines (self, widget, for_size, items);
    }

  if (minimum != NULL)
    *minimum = min;
  if (natural != NULL)
    *natural = nat;
}

static void
bk_wrap_layout_allocate (GtkLayoutManager *manager,
                         GtkWidget        *widget,
                         int               width,
                         int               height,
                         int               baseline)
{
  BkWrapLayout *self = BK_WRAP_LAYOUT (manager);
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (Item));
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  int y = 0, line = 0;

  layout_lines (self, widget, width, items);

  for (guint i = 0; i < items->len; i++)
    {
      Item *item = &g_array_index (items, Item, i);
      GtkAllocation allocation;

      if (item->line != line)
        {
          y += g_array_index (items, Item, i - 1).height + self->line_spacing;
          line = item->line;
        }

      allocation.x = rtl ? width - item->x - item->width : item->x;
      allocation.y = y;
      allocation.width = item->width;
      allocation.height = item->height;
      gtk_widget_size_allocate (item->widget, &allocation, -1);
    }
}

static void
bk_wrap_layout_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  BkWrapLayout *self = BK_WRAP_LAYOUT (object);

  switch (prop_id)
    {
    case PROP_SPACING:
      g_value_set_int (value, self->spacing);
      break;

    case PROP_LINE_SPACING:
      g_value_set_int (value, self->line_spacing);
      break;

    case PROP_HOMOGENEOUS:
      g_value_set_boolean (value, self->homogeneous);
      break;

    case PROP_GRID:
      g_value_set_boolean (value, self->grid);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_wrap_layout_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  BkWrapLayout *self = BK_WRAP_LAYOUT (object);

  switch (prop_id)
    {
    case PROP_SPACING:
      self->spacing = g_value_get_int (value);
      break;

    case PROP_LINE_SPACING:
      self->line_spacing = g_value_get_int (value);
      break;

    case PROP_HOMOGENEOUS:
      self->homogeneous = g_value_get_boolean (value);
      break;

    case PROP_GRID:
      self->grid = g_value_get_boolean (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  gtk_layout_manager_layout_changed (GTK_LAYOUT_MANAGER (self));
}

static void
bk_wrap_layout_class_init (BkWrapLayoutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkLayoutManagerClass *manager_class = GTK_LAYOUT_MANAGER_CLASS (klass);

  object_class->get_property = bk_wrap_layout_get_property;
  object_class->set_property = bk_wrap_layout_set_property;
  manager_class->get_request_mode = bk_wrap_layout_get_request_mode;
  manager_class->measure = bk_wrap_layout_measure;
  manager_class->allocate = bk_wrap_layout_allocate;

  properties[PROP_SPACING] =
    g_param_spec_int ("spacing", NULL, NULL, 0, G_MAXINT, 12,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LINE_SPACING] =
    g_param_spec_int ("line-spacing", NULL, NULL, 0, G_MAXINT, 12,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);

  /* All children of a line equally wide, like a homogeneous GtkBox whose
   * children go onto more lines when they do not fit side by side. */
  properties[PROP_HOMOGENEOUS] =
    g_param_spec_boolean ("homogeneous", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);

  /* Equal columns as narrow as the children's words allow, balanced lines
   * (the start page's choices: side by side on a wide screen, one above
   * the other at 300 %). */
  properties[PROP_GRID] =
    g_param_spec_boolean ("grid", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bk_wrap_layout_init (BkWrapLayout *self)
{
  self->spacing = 12;
  self->line_spacing = 12;
}

GtkLayoutManager *
bk_wrap_layout_new (void)
{
  return g_object_new (BK_TYPE_WRAP_LAYOUT, NULL);
}
