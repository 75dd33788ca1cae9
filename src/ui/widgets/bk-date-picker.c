/* bk-date-picker.c: a date chosen with buttons, for keypad and switches
 *
 * A date is three things to type without a keyboard; here it is chosen:
 * day, month and year each with − and + (the year also ten at a time for
 * a birthday), large buttons that the keypad, a switch and a finger reach
 * alike. GtkCalendar is a grid that GTK 4.8 gives screen readers no way
 * into and that the keypad's reading order cannot walk, so it is not used.
 * The field above stays: the picker writes day.month.year into it, and a
 * date typed there shows here, so the form checks one answer as before.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-date-picker"

#include "bk-config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "bk-date-picker.h"
#include "bk-ui.h"
#include "bk-wrap-layout.h"

#define STEP_KEY "bk-date-step"
#define PART_KEY "bk-date-part"

enum { DAY, MONTH, YEAR, N_PARTS };

struct _BkDatePicker
{
  GtkWidget          parent_instance;

  GtkWidget         *input;      /* weak */
  BkDatePickerRange  range;
  GDate              date;       /* shown */
  gboolean           writing;
  char              *today;      /* for tests */

  GtkWidget         *values[N_PARTS];
  GtkWidget         *summary;
  GPtrArray         *buttons;
};

G_DEFINE_FINAL_TYPE (BkDatePicker, bk_date_picker, GTK_TYPE_WIDGET)

enum { SAID, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
get_today (BkDatePicker *self,
           GDate        *today)
{
  int y, m, d;

  g_date_clear (today, 1);
  if (self->today != NULL && sscanf (self->today, "%4d-%2d-%2d", &y, &m, &d) == 3)
    g_date_set_dmy (today, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      g_date_set_dmy (today, (GDateDay) g_date_time_get_day_of_month (now),
                      (GDateMonth) g_date_time_get_month (now), (GDateYear) g_date_time_get_year (now));
    }
}

/* Where the buttons start when nothing is chosen yet. */
static void
set_start (BkDatePicker *self)
{
  if (self->range == BK_DATE_PICKER_PAST)
    g_date_set_dmy (&self->date, 1, G_DATE_JANUARY, 1970);
  else
    get_today (self, &self->date);
}

static gboolean
parse (const char *text,
       GDate      *date)
{
  int d, m, y;
  char rest;

  if (text == NULL || sscanf (text, " %d.%d.%d %c", &d, &m, &y, &rest) != 3 ||
      y < 1000 || !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return FALSE;

  g_date_set_dmy (date, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return TRUE;
}

/* "Monday, 14 December 2026". */
static char *
dup_spoken (BkDatePicker *self)
{
  g_autofree char *iso = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&self->date),
                                          g_date_get_month (&self->date), g_date_get_day (&self->date));
  g_autofree char *day = bk_ui_format_date (iso);

  /* Translators: a weekday and a date, as "Monday, 14 December 2026" */
  return g_strdup_printf (_("%1$s, %2$s"), bk_ui_get_weekday_name (g_date_get_weekday (&self->date)), day);
}

static void
show (BkDatePicker *self,
      gboolean      chosen)
{
  g_autofree char *day = g_strdup_printf ("%d", g_date_get_day (&self->date));
  g_autofree char *year = g_strdup_printf ("%d", g_date_get_year (&self->date));
  g_autofree char *spoken = dup_spoken (self);

  gtk_label_set_text (GTK_LABEL (self->values[DAY]), day);
  gtk_label_set_text (GTK_LABEL (self->values[MONTH]), bk_ui_get_month_name (g_date_get_month (&self->date)));
  gtk_label_set_text (GTK_LABEL (self->values[YEAR]), year);
  if (chosen)
    {
      /* Translators: under the date buttons, as "Chosen: Monday, 14 December 2026" */
      g_autofree char *text = g_strdup_printf (_("Chosen: %s"), spoken);

      gtk_label_set_text (GTK_LABEL (self->summary), text);
    }
  else
    gtk_label_set_text (GTK_LABEL (self->summary),
                        _("Not chosen yet: press − or + to choose the day, or write the date in the field."));

  /* Every button says the date (its description), so the keypad stops
   * only on the buttons: six stops, not thirteen. */
  for (guint i = 0; i < self->buttons->len; i++)
    gtk_accessible_update_property (g_ptr_array_index (self->buttons, i), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    gtk_label_get_text (GTK_LABEL (self->summary)), -1);
}

static void
input_changed_cb (BkDatePicker *self)
{
  GDate date;

  if (self->writing || self->input == NULL)
    return;

  g_date_clear (&date, 1);
  if (parse (gtk_editable_get_text (GTK_EDITABLE (self->input)), &date))
    {
      self->date = date;
      show (self, TRUE);
    }
  else
    show (self, FALSE);
}

static void
clamp (BkDatePicker *self)
{
  GDate today, yesterday;

  get_today (self, &today);
  if (self->range == BK_DATE_PICKER_NOT_PAST && g_date_compare (&self->date, &today) < 0)
    self->date = today;
  yesterday = today;
  g_date_subtract_days (&yesterday, 1);
  if (self->range == BK_DATE_PICKER_PAST && g_date_compare (&self->date, &yesterday) > 0)
    self->date = yesterday;
}

static void
step_clicked_cb (GtkButton    *button,
                 BkDatePicker *self)
{
  int step = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), STEP_KEY));
  guint part = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), PART_KEY));
  g_autofree char *text = NULL;
  g_autofree char *spoken = NULL;

  if (self->input == NULL)
    return;

  /* The first press starts from the start date shown. */
  if (!parse (gtk_editable_get_text (GTK_EDITABLE (self->input)), &self->date))
    set_start (self);

  switch (part)
    {
    case DAY:
      step > 0 ? g_date_add_days (&self->date, (guint) step) : g_date_subtract_days (&self->date, (guint) -step);
      break;
    case MONTH:
      step > 0 ? g_date_add_months (&self->date, (guint) step) : g_date_subtract_months (&self->date, (guint) -step);
      break;
    case YEAR:
    default:
      step > 0 ? g_date_add_years (&self->date, (guint) step) : g_date_subtract_years (&self->date, (guint) -step);
      break;
    }
  clamp (self);

  text = g_strdup_printf ("%02d.%02d.%04d", g_date_get_day (&self->date),
                          g_date_get_month (&self->date), g_date_get_year (&self->date));
  self->writing = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->input), text);
  self->writing = FALSE;
  show (self, TRUE);

  spoken = dup_spoken (self);
  g_signal_emit (self, signals[SAID], 0, spoken);
}

static GtkWidget *
new_step (BkDatePicker *self,
          guint         part,
          int           step,
          const char   *label,
          const char   *name)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_widget_add_css_class (button, "bk-date-step");
  bk_ui_set_accessible (button, name, NULL);
  g_object_set_data (G_OBJECT (button), STEP_KEY, GINT_TO_POINTER (step));
  g_object_set_data (G_OBJECT (button), PART_KEY, GUINT_TO_POINTER (part));
  g_signal_connect_object (button, "clicked", G_CALLBACK (step_clicked_cb), self, 0);
  g_ptr_array_add (self->buttons, button);
  return button;
}

/* "Day  − 14 +": a group of its own. */
static GtkWidget *
new_part (BkDatePicker *self,
          guint         part,
          const char   *title)
{
  static const struct {
    const char *earlier;
    const char *later;
  } names[N_PARTS] = {
    { N_("One day earlier"), N_("One day later") },
    { N_("One month earlier"), N_("One month later") },
    { N_("One year earlier"), N_("One year later") },
  };
  GtkWidget *group = g_object_new (GTK_TYPE_BOX,
                                   "orientation", GTK_ORIENTATION_VERTICAL,
                                   "spacing", 4,
                                   "accessible-role", GTK_ACCESSIBLE_ROLE_GROUP,
                                   NULL);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  gboolean tens = part == YEAR && self->range == BK_DATE_PICKER_PAST;
  GtkWidget *heading = bk_ui_wrap_label_new (title, "heading");
  GtkWidget *earlier = new_step (self, part, -1, "−", _(names[part].earlier));

  bk_ui_set_accessible (group, title, NULL);
  gtk_box_append (GTK_BOX (group), heading);
  if (tens)
    gtk_box_append (GTK_BOX (row), new_step (self, part, -10, "−10", _("Ten years earlier")));
  gtk_box_append (GTK_BOX (row), earlier);
  self->values[part] = gtk_label_new (NULL);
  /* The buttons name the part and say the date. */
  bk_ui_set_said_with (heading, earlier);
  bk_ui_set_said_with (self->values[part], earlier);
  gtk_widget_add_css_class (self->values[part], "bk-date-value");
  gtk_label_set_width_chars (GTK_LABEL (self->values[part]), part == MONTH ? 9 : 4);
  gtk_box_append (GTK_BOX (row), self->values[part]);
  gtk_box_append (GTK_BOX (row), new_step (self, part, +1, "+", _(names[part].later)));
  if (tens)
    gtk_box_append (GTK_BOX (row), new_step (self, part, +10, "+10", _("Ten years later")));
  gtk_box_append (GTK_BOX (group), row);

  return group;
}

static void
bk_date_picker_dispose (GObject *object)
{
  BkDatePicker *self = BK_DATE_PICKER (object);

  if (self->input != NULL)
    g_signal_handlers_disconnect_by_data (self->input, self);
  g_clear_weak_pointer (&self->input);
  g_clear_pointer (&self->buttons, g_ptr_array_unref);
  bk_ui_unparent_children (GTK_WIDGET (self));

  G_OBJECT_CLASS (bk_date_picker_parent_class)->dispose (object);
}

static void
bk_date_picker_finalize (GObject *object)
{
  g_free (BK_DATE_PICKER (object)->today);

  G_OBJECT_CLASS (bk_date_picker_parent_class)->finalize (object);
}

static void
bk_date_picker_class_init (BkDatePickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bk_date_picker_dispose;
  object_class->finalize = bk_date_picker_finalize;

  signals[SAID] = g_signal_new ("said", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
bk_date_picker_init (BkDatePicker *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 8);
  self->buttons = g_ptr_array_new ();
  g_date_clear (&self->date, 1);
  /* A group of its own for switch scanning. */
  gtk_widget_add_css_class (GTK_WIDGET (self), "bk-scan-group");
  gtk_widget_add_css_class (GTK_WIDGET (self), "bk-date-picker");
  bk_ui_set_accessible (GTK_WIDGET (self), _("Choose the date with buttons"), NULL);
}

GtkWidget *
bk_date_picker_new (GtkWidget         *input,
                    BkDatePickerRange  range)
{
  BkDatePicker *self;
  GtkWidget *parts;
  GtkLayoutManager *wrap;

  g_return_val_if_fail (GTK_IS_EDITABLE (input), NULL);

  self = g_object_new (BK_TYPE_DATE_PICKER, NULL);
  g_set_weak_pointer (&self->input, input);
  self->range = range;

  parts = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  wrap = bk_wrap_layout_new ();
  g_object_set (wrap, "spacing", 32, "line-spacing", 12, NULL);
  gtk_widget_set_layout_manager (parts, wrap);
  gtk_box_append (GTK_BOX (parts), new_part (self, DAY, _("Day")));
  gtk_box_append (GTK_BOX (parts), new_part (self, MONTH, _("Month")));
  gtk_box_append (GTK_BOX (parts), new_part (self, YEAR, _("Year")));
  self->summary = bk_ui_wrap_label_new ("", NULL);
  bk_ui_set_said_with (self->summary, g_ptr_array_index (self->buttons, 0));
  gtk_widget_set_parent (parts, GTK_WIDGET (self));
  gtk_widget_set_parent (self->summary, GTK_WIDGET (self));

  set_start (self);
  g_signal_connect_object (input, "changed", G_CALLBACK (input_changed_cb), self, G_CONNECT_SWAPPED);
  input_changed_cb (self);

  return GTK_WIDGET (self);
}

GtkWidget *
bk_date_picker_get_button (BkDatePicker *self,
                           guint         part,
                           int           step)
{
  g_return_val_if_fail (BK_IS_DATE_PICKER (self), NULL);

  for (guint i = 0; i < self->buttons->len; i++)
    {
      GObject *button = self->buttons->pdata[i];

      if (GPOINTER_TO_UINT (g_object_get_data (button, PART_KEY)) == part &&
          GPOINTER_TO_INT (g_object_get_data (button, STEP_KEY)) == step)
        return GTK_WIDGET (button);
    }

  return NULL;
}

void
bk_date_picker_set_today (BkDatePicker *self,
                          const char   *today)
{
  g_return_if_fail (BK_IS_DATE_PICKER (self));

  g_free (self->today);
  self->today = g_strdup (today);
  if (self->input != NULL && !parse (gtk_editable_get_text (GTK_EDITABLE (self->input)), &self->date))
    {
      set_start (self);
      show (self, FALSE);
    }
}
