/* bk-motion-row.c: a motion in the motion list
 *
 * The row is not focusable itself: the list item that holds it is. The list
 * page copies the row's accessible label and description to that list item.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-motion-row"

#include "bk-config.h"

#include <glib/gi18n.h>

#include "bk-motion-row.h"
#include "bk-ui.h"

struct _BkMotionRow
{
  GtkWidget     parent_instance;

  BkMotionItem *item;
  char         *accessible_label;
  char         *accessible_description;
  char         *more;

  GtkWidget    *box;
  GtkLabel     *subject_label;
  GtkLabel     *submitters_label;
  GtkLabel     *date_label;
  GtkLabel     *next_label;
};

G_DEFINE_FINAL_TYPE (BkMotionRow, bk_motion_row, GTK_TYPE_WIDGET)

static void
set_line (GtkLabel   *label,
          const char *text)
{
  gtk_label_set_text (label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && text[0] != '\0');
  bk_ui_label_limit_breaks (label);
}

static void
bk_motion_row_update (BkMotionRow *self)
{
  g_autofree char *submitters = NULL;
  g_autofree char *date = NULL;
  g_autofree char *next = NULL;
  g_autofree char *description = NULL;
  const char *subject = "";

  if (self->item != NULL)
    {
      g_autofree char *formatted_date = bk_ui_format_date (bk_motion_item_get_date (self->item));
      g_autofree char *next_date = bk_ui_format_date (bk_motion_item_get_next_date (self->item));
      const char *who = bk_motion_item_get_submitters (self->item);
      const char *committee = bk_motion_item_get_next_committee (self->item);

      subject = bk_motion_item_get_subject (self->item);
      if (subject == NULL || subject[0] == '\0')
        subject = _("Motion without a subject");

      if (who != NULL && who[0] != '\0')
        /* Translators: %s are the submitters of a motion */
        submitters = g_strdup_printf (_("By %s"), who);

      if (formatted_date != NULL)
        /* Translators: %s is a date */
        date = g_strdup_printf (_("Submitted on %s"), formatted_date);

      if (committee != NULL && next_date != NULL)
        /* Translators: the next consultation: a committee, then a date */
        next = g_strdup_printf (_("Next: %s, %s"), committee, next_date);
      else if (committee != NULL)
        /* Translators: the next consultation, no date yet */
        next = g_strdup_printf (_("Next: %s"), committee);
      else if (bk_motion_item_get_last_committee (self->item) != NULL)
        {
          /* A decided motion has no date to come (issue 15). */
          g_autofree char *last_date = bk_ui_format_date (bk_motion_item_get_last_date (self->item));

          next = last_date != NULL
            /* Translators: a decided motion: the council or committee, then the date */
            ? g_strdup_printf (_("Decided: %s, %s"), bk_motion_item_get_last_committee (self->item), last_date)
            /* Translators: a decided motion: the council or committee */
            : g_strdup_printf (_("Decided: %s"), bk_motion_item_get_last_committee (self->item));
        }
      else
        next = g_strdup (_("No upcoming date"));
    }

  set_line (self->subject_label, subject);
  set_line (self->submitters_label, submitters);
  set_line (self->date_label, date);
  set_line (self->next_label, next);

  /* The essential at once: the title, then the next date (what most
   * ask). Who and when submitted on request: the Help key's first layer
   * (issue 17, item 6; a row said in full took 12–24 s). */
  description = g_strdup (next);
  g_free (self->more);
  {
    const char *parts[3] = { NULL, };
    guint n = 0;

    if (submitters != NULL)
      parts[n++] = submitters;
    if (date != NULL)
      parts[n++] = date;
    self->more = n > 0 ? g_strjoinv (". ", (char **)parts) : NULL;
  }

  g_free (self->accessible_label);
  self->accessible_label = g_strdup (subject);
  g_free (self->accessible_description);
  self->accessible_description = g_steal_pointer (&description);

  bk_ui_set_accessible (GTK_WIDGET (self),
                        self->accessible_label,
                        self->accessible_description);
}

static void
bk_motion_row_dispose (GObject *object)
{
  BkMotionRow *self = (BkMotionRow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), BK_TYPE_MOTION_ROW);
  bk_ui_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->item);

  G_OBJECT_CLASS (bk_motion_row_parent_class)->dispose (object);
}

static void
bk_motion_row_finalize (GObject *object)
{
  BkMotionRow *self = (BkMotionRow *)object;

  g_clear_pointer (&self->accessible_label, g_free);
  g_clear_pointer (&self->accessible_description, g_free);
  g_clear_pointer (&self->more, g_free);

  G_OBJECT_CLASS (bk_motion_row_parent_class)->finalize (object);
}

static void
bk_motion_row_class_init (BkMotionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bk_motion_row_dispose;
  object_class->finalize = bk_motion_row_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/buergerkiosk/Kiosk/ui/bk-motion-row.ui");
  gtk_widget_class_bind_template_child (widget_class, BkMotionRow, box);
  gtk_widget_class_bind_template_child (widget_class, BkMotionRow, subject_label);
  gtk_widget_class_bind_template_child (widget_class, BkMotionRow, submitters_label);
  gtk_widget_class_bind_template_child (widget_class, BkMotionRow, date_label);
  gtk_widget_class_bind_template_child (widget_class, BkMotionRow, next_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "bkmotionrow");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
bk_motion_row_init (BkMotionRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
bk_motion_row_new (void)
{
  return g_object_new (BK_TYPE_MOTION_ROW, NULL);
}

void
bk_motion_row_set_item (BkMotionRow  *self,
                        BkMotionItem *item)
{
  g_return_if_fail (BK_IS_MOTION_ROW (self));
  g_return_if_fail (!item || BK_IS_MOTION_ITEM (item));

  if (g_set_object (&self->item, item))
    bk_motion_row_update (self);
}

const char *
bk_motion_row_get_accessible_label (BkMotionRow *self)
{
  g_return_val_if_fail (BK_IS_MOTION_ROW (self), NULL);

  return self->accessible_label;
}

const char *
bk_motion_row_get_accessible_description (BkMotionRow *self)
{
  g_return_val_if_fail (BK_IS_MOTION_ROW (self), NULL);

  return self->accessible_description;
}

const char *
bk_motion_row_get_more (BkMotionRow *self)
{
  g_return_val_if_fail (BK_IS_MOTION_ROW (self), NULL);

  return self->more;
}
