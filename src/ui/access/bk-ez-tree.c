/* bk-ez-tree.c: the items of a screen, for the EZ reading cursor and for
 * switch scanning
 *
 * EZ Access reads everything on a screen, not only what takes the focus, in
 * the order of the widget tree (the order of the accessibility tree too).
 * Hidden and unmapped widgets are left out, so the stack's other pages are,
 * with one exception: a list view maps only the rows it shows, yet the rows
 * below are on the screen for the citizen — they are scrolled to.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-ez-tree"

#include "bk-config.h"

#include <adwaita.h>

#include "bk-ez-tree.h"
#include "bk-keyboard-button.h"
#include "bk-ui.h"

#define SCROLL_MARGIN 12

static gboolean
is_list_row (GtkWidget *widget)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);

  return parent != NULL && (GTK_IS_LIST_VIEW (parent) || GTK_IS_GRID_VIEW (parent));
}

static GtkAccessibleRole
role_of (GtkWidget *widget)
{
  return gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget));
}

gboolean
bk_ez_is_control (GtkWidget *widget)
{
  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);

  if (is_list_row (widget))
    return TRUE;

  if (GTK_IS_BUTTON (widget) || GTK_IS_CHECK_BUTTON (widget) || GTK_IS_SWITCH (widget) ||
      GTK_IS_LIST_BOX_ROW (widget) || GTK_IS_FLOW_BOX_CHILD (widget) || GTK_IS_SCALE (widget))
    return TRUE;

  /* The entry, not the text inside it. */
  if (GTK_IS_EDITABLE (widget))
    {
      GtkWidget *parent = gtk_widget_get_parent (widget);

      return !(GTK_IS_TEXT (widget) && parent != NULL && GTK_IS_EDITABLE (parent));
    }

  if (!gtk_widget_get_focusable (widget) || GTK_IS_LABEL (widget))
    return FALSE;

  switch (role_of (widget))
    {
    case GTK_ACCESSIBLE_ROLE_BUTTON:
    case GTK_ACCESSIBLE_ROLE_CHECKBOX:
    case GTK_ACCESSIBLE_ROLE_COMBO_BOX:
    case GTK_ACCESSIBLE_ROLE_LINK:
    case GTK_ACCESSIBLE_ROLE_LIST_ITEM:
    case GTK_ACCESSIBLE_ROLE_MENU_ITEM:
    case GTK_ACCESSIBLE_ROLE_RADIO:
    case GTK_ACCESSIBLE_ROLE_SEARCH_BOX:
    case GTK_ACCESSIBLE_ROLE_SLIDER:
    case GTK_ACCESSIBLE_ROLE_SPIN_BUTTON:
    case GTK_ACCESSIBLE_ROLE_SWITCH:
    case GTK_ACCESSIBLE_ROLE_TAB:
    case GTK_ACCESSIBLE_ROLE_TEXT_BOX:
      return TRUE;
    default:
      return FALSE;
    }
}

gboolean
bk_ez_is_text (GtkWidget *widget)
{
  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);

  if (role_of (widget) == GTK_ACCESSIBLE_ROLE_PRESENTATION)
    return FALSE;

  /* Hidden from assistive technology: its text is part of a neighbour's
   * name (a list's "•" in "• Personalausweis"), one stop, not two. */
  if (gtk_test_accessible_has_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_HIDDEN))
    {
      char *differs = gtk_test_accessible_check_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE);

      if (differs == NULL)
        return FALSE;
      g_free (differs);
    }

  if (GTK_IS_LABEL (widget))
    {
      const char *text = gtk_label_get_text (GTK_LABEL (widget));

      for (; text != NULL && *text != '\0'; text = g_utf8_next_char (text))
        if (!g_unichar_isspace (g_utf8_get_char (text)))
          return TRUE;
      return FALSE;
    }

  /* An image is read only when it has a name; unnamed ones are decoration. */
  if (GTK_IS_IMAGE (widget) || GTK_IS_PICTURE (widget))
    return gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget),
                                             GTK_ACCESSIBLE_PROPERTY_LABEL);

  return FALSE;
}

/* A shown control, or a widget holding one (a drop-down's button). */
static gboolean
labels_control (GtkWidget *widget)
{
  if (widget == NULL || !gtk_widget_get_visible (widget))
    return FALSE;
  if (bk_ez_is_control (widget))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (labels_control (child))
      return TRUE;
  return FALSE;
}

static gboolean
is_shown (GtkWidget *widget)
{
  GtkWidget *parent;

  if (!gtk_widget_get_visible (widget) || gtk_widget_has_css_class (widget, BK_EZ_SKIP_CLASS))
    return FALSE;
  /* For touch and Tab: the keypad's and the switch's Action on the field
   * itself opens the keyboard (bk_ez_activate), one stop less a field. */
  if (BK_IS_KEYBOARD_BUTTON (widget))
    return FALSE;

  /* A field's label and hint: the field says them, one stop. So does a
   * control its mnemonic label ("Status", then "Status: All" was two). */
  if (bk_ui_get_said_with (widget) != NULL && gtk_widget_get_visible (bk_ui_get_said_with (widget)))
    return FALSE;
  if (GTK_IS_LABEL (widget) && labels_control (gtk_label_get_mnemonic_widget (GTK_LABEL (widget))))
    return FALSE;

  /* Scrollbars are the window's, and popovers are screens of their own. */
  if (GTK_IS_SCROLLBAR (widget) || GTK_IS_POPOVER (widget))
    return FALSE;

  if (gtk_widget_get_mapped (widget))
    return TRUE;

  parent = gtk_widget_get_parent (widget);
  return is_list_row (widget) && gtk_widget_get_mapped (parent);
}

static void
collect (GtkWidget *widget,
         gboolean   controls_only,
         GPtrArray *items)
{
  if (bk_ez_is_control (widget))
    {
      g_ptr_array_add (items, widget);
      return;
    }

  if (!controls_only && bk_ez_is_text (widget))
    {
      g_ptr_array_add (items, widget);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (is_shown (child))
      collect (child, controls_only, items);
}

GPtrArray *
bk_ez_collect_items (GtkWidget *root,
                     gboolean   controls_only)
{
  GPtrArray *items = g_ptr_array_new ();

  g_return_val_if_fail (GTK_IS_WIDGET (root), items);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (is_shown (child))
      collect (child, controls_only, items);

  return items;
}

static GtkWidget *
find_open_popover (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (!gtk_widget_get_visible (child))
        continue;
      if (GTK_IS_POPOVER (child) || (bk_ez_is_modal (child) && gtk_widget_get_mapped (child)))
        {
          /* A popover in a popover: the inner one is in front. */
          found = find_open_popover (child);
          return found != NULL ? found : child;
        }
      if (!gtk_widget_get_mapped (child))
        continue;
      found = find_open_popover (child);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_screen_widget (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (!gtk_widget_get_visible (child) || !gtk_widget_get_mapped (child))
        continue;
      if (gtk_widget_has_css_class (child, BK_EZ_SCREEN_CLASS))
        return child;
      found = find_screen_widget (child);
      if (found != NULL)
        return found;
    }

  return NULL;
}

#define MODAL_KEY "bk-ez-modal"

void
bk_ez_set_modal (GtkWidget *widget,
                 gboolean   modal)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_object_set_data (G_OBJECT (widget), MODAL_KEY, GINT_TO_POINTER (modal));
}

gboolean
bk_ez_is_modal (GtkWidget *widget)
{
  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (widget), MODAL_KEY));
}

GtkWidget *
bk_ez_get_screen_root (GtkWidget *window)
{
  GtkWidget *root;

  g_return_val_if_fail (GTK_IS_WIDGET (window), NULL);

  root = find_open_popover (window);
  if (root == NULL)
    root = find_screen_widget (window);
  return root != NULL ? root : window;
}

GtkWidget *
bk_ez_find_item (GtkWidget *widget)
{
  GtkWidget *text = NULL;

  /* The outermost control wins: a label inside a button is the button. */
  for (GtkWidget *w = widget; w != NULL && !GTK_IS_ROOT (w); w = gtk_widget_get_parent (w))
    {
      if (bk_ez_is_control (w))
        return w;
      if (text == NULL && bk_ez_is_text (w))
        text = w;
      if (GTK_IS_POPOVER (w))
        break;
    }

  return text;
}

char *
bk_ez_dup_name (GtkWidget *item)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (GTK_IS_WIDGET (item), NULL);

  /* GTK 4.8 reads accessible properties only through its test API. */
  if (gtk_test_accessible_has_property (GTK_ACCESSIBLE (item), GTK_ACCESSIBLE_PROPERTY_LABEL))
    {
      char *label = gtk_test_accessible_check_property (GTK_ACCESSIBLE (item),
                                                        GTK_ACCESSIBLE_PROPERTY_LABEL, "");
      if (label != NULL && g_strstrip (label)[0] != '\0')
        return label;
      g_free (label);
    }

  /* A field is named by its label (labelled-by), which scanning says
   * before the field is chosen. */
  {
    GList *labels = gtk_widget_list_mnemonic_labels (item);

    for (GList *l = labels; l != NULL && text->len == 0; l = l->next)
      if (GTK_IS_LABEL (l->data))
        g_string_append (text, gtk_label_get_text (l->data));
    g_list_free (labels);
    if (text->len > 0)
      return g_string_free (g_steal_pointer (&text), FALSE);
  }

  if (GTK_IS_BUTTON (item) && gtk_button_get_label (GTK_BUTTON (item)) != NULL)
    return g_strdup (gtk_button_get_label (GTK_BUTTON (item)));

  if (!GTK_IS_EDITABLE (item))
    bk_ui_append_label_texts (item, " ", text);

  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

/* ---- scrolling and activation -------------------------------------------- */

static guint
list_row_position (GtkWidget *row)
{
  GtkListItem *item = bk_ui_get_list_item (row);
  guint position = 0;

  if (item != NULL)
    return gtk_list_item_get_position (item);

  /* Without the list item: the rows are in the order of the model. */
  for (GtkWidget *w = gtk_widget_get_prev_sibling (row); w != NULL; w = gtk_widget_get_prev_sibling (w))
    position++;

  return position;
}

void
bk_ez_scroll_into_view (GtkWidget *item)
{
  GtkWidget *viewport;
  GtkWidget *content;
  GtkAdjustment *adjustment;
  graphene_rect_t bounds;
  double value, page, top, bottom;

  g_return_if_fail (GTK_IS_WIDGET (item));

  if (is_list_row (item))
    {
      guint position = list_row_position (item);

      if (position != GTK_INVALID_LIST_POSITION)
        gtk_widget_activate_action (gtk_widget_get_parent (item), "list.scroll-to-item", "u", position);
      return;
    }

  viewport = gtk_widget_get_ancestor (item, GTK_TYPE_VIEWPORT);
  content = viewport ? gtk_viewport_get_child (GTK_VIEWPORT (viewport)) : NULL;
  if (content == NULL || !gtk_widget_compute_bounds (item, content, &bounds))
    return;

  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (viewport));
  value = gtk_adjustment_get_value (adjustment);
  page = gtk_adjustment_get_page_size (adjustment);
  top = bounds.origin.y - SCROLL_MARGIN;
  bottom = bounds.origin.y + bounds.size.height + SCROLL_MARGIN;

  /* A block taller than the window shows from its start. */
  if (top < value || bottom - top > page)
    gtk_adjustment_set_value (adjustment, top);
  else if (bottom > value + page)
    gtk_adjustment_set_value (adjustment, bottom - page);
}

gboolean
bk_ez_activate (GtkWidget *item)
{
  g_return_val_if_fail (GTK_IS_WIDGET (item), FALSE);

  if (!gtk_widget_is_sensitive (item))
    return FALSE;

  if (is_list_row (item))
    {
      GtkWidget *list = gtk_widget_get_parent (item);
      guint position = list_row_position (item);

      if (position == GTK_INVALID_LIST_POSITION)
        return FALSE;
      g_signal_emit_by_name (list, "activate", position);
      return TRUE;
    }

  /* Typing goes to a field; activating it would submit it. Action on a
   * field asks for the on-screen keyboard (where it does not open by
   * itself, too): so the Keyboard button beside the field is no stop of
   * its own for the keypad and scanning. */
  if (GTK_IS_EDITABLE (item) || GTK_IS_TEXT_VIEW (item))
    {
      if (!gtk_widget_grab_focus (item))
        return FALSE;
      gtk_widget_activate_action (item, "win.show-keyboard", "b", TRUE);
      return TRUE;
    }

  /* A button's keyboard activation clicks only after a 250 ms press
   * animation; the keypad's Action clicks at once. */
  if (GTK_IS_BUTTON (item))
    {
      g_signal_emit_by_name (item, "clicked");
      return TRUE;
    }

  return gtk_widget_activate (item);
}

/* ---- scanning groups ----------------------------------------------------- */

void
bk_ez_group_free (BkEzGroup *group)
{
  if (group == NULL)
    return;

  g_clear_pointer (&group->items, g_ptr_array_unref);
  g_free (group);
}

static void
add_group (GPtrArray *groups,
           GtkWidget *widget,
           GPtrArray *items)
{
  BkEzGroup *group = g_new0 (BkEzGroup, 1);

  group->widget = items->len == 1 ? g_ptr_array_index (items, 0) : widget;
  group->items = g_ptr_array_ref (items);
  g_ptr_array_add (groups, group);
}

static GPtrArray *
controls_in (GtkWidget *widget)
{
  GPtrArray *items;

  if (bk_ez_is_control (widget))
    {
      items = g_ptr_array_new ();
      g_ptr_array_add (items, widget);
      return items;
    }

  return bk_ez_collect_items (widget, TRUE);
}

static void collect_regions (GtkWidget *widget,
                             GPtrArray *groups);

/* One child of a region level: a group, a single control, or — for the
 * stack (or an overlay around it) and the page in it — a level of its own
 * whose regions join this one. */
static void
classify (GtkWidget *widget,
          GPtrArray *groups)
{
  g_autoptr(GPtrArray) items = controls_in (widget);

  if (items->len == 0)
    return;

  if (items->len == 1 || gtk_widget_has_css_class (widget, BK_EZ_SCAN_GROUP_CLASS) ||
      ADW_IS_HEADER_BAR (widget) || GTK_IS_HEADER_BAR (widget))
    add_group (groups, widget, items);
  else if (GTK_IS_STACK (widget) || GTK_IS_OVERLAY (widget))
    collect_regions (widget, groups);
  else
    add_group (groups, widget, items);
}

/* Down through the wrappers (scrolled windows, clamps, boxes with one
 * interesting child) to the first widget with several children that hold
 * controls: those children are the regions. */
static void
collect_regions (GtkWidget *widget,
                 GPtrArray *groups)
{
  g_autoptr(GPtrArray) only_items = NULL;
  GtkWidget *only = NULL;
  guint n = 0;

  if (bk_ez_is_control (widget) || gtk_widget_has_css_class (widget, BK_EZ_SCAN_GROUP_CLASS))
    {
      classify (widget, groups);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      g_autoptr(GPtrArray) items = NULL;

      if (!is_shown (child))
        continue;
      items = controls_in (child);
      if (items->len > 0)
        {
          only = child;
          g_clear_pointer (&only_items, g_ptr_array_unref);
          only_items = g_steal_pointer (&items);
          n++;
        }
    }

  if (n == 0)
    return;

  if (n == 1)
    {
      /* A lone list, header bar or marked region stays one group. */
      if (only_items->len > 1 && !GTK_IS_LIST_VIEW (only) && !GTK_IS_LIST_BOX (only) &&
          !GTK_IS_GRID_VIEW (only) && !GTK_IS_FLOW_BOX (only) &&
          !ADW_IS_HEADER_BAR (only) && !GTK_IS_HEADER_BAR (only))
        collect_regions (only, groups);
      else
        classify (only, groups);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (is_shown (child))
      classify (child, groups);
}

GPtrArray *
bk_ez_collect_groups (GtkWidget *root)
{
  GPtrArray *groups = g_ptr_array_new_with_free_func ((GDestroyNotify)bk_ez_group_free);

  g_return_val_if_fail (GTK_IS_WIDGET (root), groups);

  collect_regions (root, groups);
  return groups;
}
