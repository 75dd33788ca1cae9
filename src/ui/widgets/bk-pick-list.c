/* bk-pick-list.c: answers to choose under a text field
 *
 * Fewer things to type for citizens without a keyboard: where the answer is
 * one of a list (a street of the town), the list is offered as buttons
 * under the field. What is typed narrows it down (the first letters find a
 * street among hundreds); choosing one writes it into the field, and the
 * house number can follow. The field always takes anything else.
 *
 * The buttons leave the focus where it is when touched, so an open
 * on-screen keyboard stays open for the house number.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-pick-list"

#include "bk-config.h"

#include <glib/gi18n.h>

#include "bk-pick-list.h"
#include "bk-ui.h"
#include "bk-wrap-layout.h"

#define SHOWN 12
#define ITEM_KEY "bk-pick-item"

struct _BkPickList
{
  GtkWidget        parent_instance;

  GtkWidget       *input;     /* weak */
  GtkWidget       *title;
  GtkWidget       *buttons;
  GtkWidget       *more;
  GtkWidget       *other;     /* after the items, or NULL */
  GPtrArray       *shown;     /* the items of the buttons */

  BkPickListMatch  match;
  gpointer         user_data;
  GDestroyNotify   destroy;
};

G_DEFINE_FINAL_TYPE (BkPickList, bk_pick_list, GTK_TYPE_WIDGET)

/* The input is a one-line GtkEditable or a GtkTextView. */
static char *
dup_input_text (BkPickList *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  if (self->input == NULL)
    return g_strdup ("");
  if (GTK_IS_EDITABLE (self->input))
    return g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->input)));

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->input));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
item_clicked_cb (GtkButton  *button,
                 BkPickList *self)
{
  const char *item = g_object_get_data (G_OBJECT (button), ITEM_KEY);
  g_autofree char *text = g_strconcat (item, " ", NULL);

  if (self->input == NULL)
    return;

  if (GTK_IS_EDITABLE (self->input))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->input), text);
      gtk_widget_grab_focus (self->input);
      gtk_editable_set_position (GTK_EDITABLE (self->input), -1);
    }
  else
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->input));
      GtkTextIter end;

      gtk_text_buffer_set_text (buffer, text, -1);
      gtk_widget_grab_focus (self->input);
      gtk_text_buffer_get_end_iter (buffer, &end);
      gtk_text_buffer_place_cursor (buffer, &end);
    }
}

static gboolean
same_items (GPtrArray *a,
            GPtrArray *b)
{
  if (a == NULL || b == NULL || a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (g_strcmp0 (a->pdata[i], b->pdata[i]) != 0)
      return FALSE;
  return TRUE;
}

static void
update (BkPickList *self)
{
  g_autofree char *typed = dup_input_text (self);
  guint n = 0;
  g_autoptr(GPtrArray) items = self->match (typed, SHOWN, &n, self->user_data);
  GtkWidget *child;

  if (n > items->len)
    {
      /* Translators: under a list of streets that shows only some */
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u more: write the first letters to find yours.",
                                                            "%u more: write the first letters to find yours.",
                                                            n - items->len),
                                               n - items->len);
      gtk_label_set_text (GTK_LABEL (self->more), text);
    }
  else if (n == 0)
    gtk_label_set_text (GTK_LABEL (self->more),
                        _("None in the list has these letters. Write it in the field as it is."));
  gtk_widget_set_visible (self->more, n > items->len || n == 0);

  if (same_items (items, self->shown))
    return;

  while ((child = gtk_widget_get_first_child (self->buttons)) != NULL && child != self->other)
    gtk_box_remove (GTK_BOX (self->buttons), child);
  for (guint i = 0; i < items->len; i++)
    {
      GtkWidget *button = gtk_button_new ();
      GtkWidget *label = bk_ui_wrap_label_new (items->pdata[i], NULL);

      gtk_label_set_xalign (GTK_LABEL (label), 0.5f);
      gtk_button_set_child (GTK_BUTTON (button), label);
      gtk_widget_set_focus_on_click (button, FALSE);
      gtk_widget_add_css_class (button, "bk-pick");
      bk_ui_set_accessible (button, items->pdata[i], NULL);
      g_object_set_data_full (G_OBJECT (button), ITEM_KEY, g_strdup (items->pdata[i]), g_free);
      g_signal_connect_object (button, "clicked", G_CALLBACK (item_clicked_cb), self, 0);
      if (self->other != NULL)
        gtk_widget_insert_before (button, self->buttons, self->other);
      else
        gtk_box_append (GTK_BOX (self->buttons), button);
    }
  g_clear_pointer (&self->shown, g_ptr_array_unref);
  self->shown = g_ptr_array_ref (items);
}

static void
bk_pick_list_dispose (GObject *object)
{
  BkPickList *self = BK_PICK_LIST (object);

  if (self->input != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->input, self);
      if (GTK_IS_TEXT_VIEW (self->input))
        g_signal_handlers_disconnect_by_data (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->input)), self);
    }
  g_clear_weak_pointer (&self->input);
  bk_ui_unparent_children (GTK_WIDGET (self));
  g_clear_pointer (&self->shown, g_ptr_array_unref);
  if (self->destroy != NULL)
    g_clear_pointer (&self->user_data, self->destroy);

  G_OBJECT_CLASS (bk_pick_list_parent_class)->dispose (object);
}

static void
bk_pick_list_class_init (BkPickListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bk_pick_list_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
bk_pick_list_init (BkPickList *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  GtkLayoutManager *wrap = bk_wrap_layout_new ();

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 8);

  self->title = bk_ui_wrap_label_new ("", "heading");
  self->buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  g_object_set (wrap, "spacing", 12, "line-spacing", 12, NULL);
  gtk_widget_set_layout_manager (self->buttons, wrap);
  self->more = bk_ui_wrap_label_new ("", NULL);
  gtk_widget_set_parent (self->title, GTK_WIDGET (self));
  gtk_widget_set_parent (self->buttons, GTK_WIDGET (self));
  gtk_widget_set_parent (self->more, GTK_WIDGET (self));
  /* A group of its own for switch scanning. */
  gtk_widget_add_css_class (GTK_WIDGET (self), "bk-scan-group");
}

GtkWidget *
bk_pick_list_new (GtkWidget       *input,
                  const char      *title,
                  BkPickListMatch  match,
                  gpointer         user_data,
                  GDestroyNotify   destroy)
{
  BkPickList *self;

  g_return_val_if_fail (GTK_IS_EDITABLE (input) || GTK_IS_TEXT_VIEW (input), NULL);
  g_return_val_if_fail (match != NULL, NULL);

  self = g_object_new (BK_TYPE_PICK_LIST, NULL);
  g_set_weak_pointer (&self->input, input);
  self->match = match;
  self->user_data = user_data;
  self->destroy = destroy;
  gtk_label_set_text (GTK_LABEL (self->title), title);
  bk_ui_set_accessible (GTK_WIDGET (self), title, NULL);
  if (GTK_IS_TEXT_VIEW (input))
    g_signal_connect_object (gtk_text_view_get_buffer (GTK_TEXT_VIEW (input)), "changed",
                             G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  else
    g_signal_connect_object (input, "changed", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);

  return GTK_WIDGET (self);
}

GtkWidget *
bk_pick_list_add_other (BkPickList *self,
                        const char *label)
{
  GtkWidget *text;

  g_return_val_if_fail (BK_IS_PICK_LIST (self), NULL);
  g_return_val_if_fail (self->other == NULL, NULL);

  self->other = gtk_button_new ();
  text = bk_ui_wrap_label_new (label, NULL);
  gtk_label_set_xalign (GTK_LABEL (text), 0.5f);
  gtk_button_set_child (GTK_BUTTON (self->other), text);
  gtk_widget_add_css_class (self->other, "bk-pick");
  bk_ui_set_accessible (self->other, label, NULL);
  gtk_box_append (GTK_BOX (self->buttons), self->other);

  return self->other;
}

GtkWidget *
bk_pick_list_get_button (BkPickList *self,
                         const char *item)
{
  g_return_val_if_fail (BK_IS_PICK_LIST (self), NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (self->buttons); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (child), ITEM_KEY), item) == 0)
      return child;

  return NULL;
}

guint
bk_pick_list_get_n_shown (BkPickList *self)
{
  g_return_val_if_fail (BK_IS_PICK_LIST (self), 0);

  return self->shown ? self->shown->len : 0;
}

GtkWidget *
bk_pick_list_get_other (BkPickList *self)
{
  g_return_val_if_fail (BK_IS_PICK_LIST (self), NULL);

  return self->other;
}
