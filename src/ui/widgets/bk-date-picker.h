/* bk-date-picker.h: a date chosen with buttons, for keypad and switches
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BK_TYPE_DATE_PICKER (bk_date_picker_get_type ())
G_DECLARE_FINAL_TYPE (BkDatePicker, bk_date_picker, BK, DATE_PICKER, GtkWidget)

typedef enum
{
  BK_DATE_PICKER_ANY,
  BK_DATE_PICKER_PAST,       /* before today (a birthday): years ten at a time too */
  BK_DATE_PICKER_NOT_PAST,   /* today or later (an appointment) */
} BkDatePickerRange;

/* Under input (a GtkEditable that takes day.month.year): − and + for the
 * day, the month and the year write the date into input; a date typed
 * there shows here. */
GtkWidget *bk_date_picker_new        (GtkWidget          *input,
                                      BkDatePickerRange   range);
/* The button that changes part (0 day, 1 month, 2 year) by step (±1, ±10
 * for the year), or NULL. */
GtkWidget *bk_date_picker_get_button (BkDatePicker       *self,
                                      guint               part,
                                      int                 step);
/* For tests: what counts as today (yyyy-mm-dd); NULL for the real date. */
void       bk_date_picker_set_today  (BkDatePicker       *self,
                                      const char         *today);

/* Signal "said" (const char *text): the new date in words, after a button,
 * for the voice ("Monday, 14 December 2026"). */

G_END_DECLS
