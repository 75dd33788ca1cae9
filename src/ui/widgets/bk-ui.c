/* bk-ui.c: shared helpers of the kiosk's user interface
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-ui"

#include "bk-config.h"

#include <glib/gi18n.h>

#include <adwaita.h>

#include "bk-ui.h"
#include "bk-ui-resources.h"
#include "bk-wrap-layout.h"

void
bk_ui_init (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      /* Referencing the resource keeps it linked in from the static library;
       * its constructor registers it. */
      g_assert (bk_ui_get_resource () != NULL);

      /* Templates name it; the window ensures its pages. */
      g_type_ensure (BK_TYPE_WRAP_LAYOUT);

      g_once_init_leave (&initialized, 1);
    }
}

static const char *const month_names[] = {
  N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
  N_("July"), N_("August"), N_("September"), N_("October"), N_("November"), N_("December"),
};

char *
bk_ui_format_date (const char *iso)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autoptr(GTimeZone) utc = NULL;
  int y, m, d;

  if (iso == NULL || iso[0] == '\0')
    return NULL;

  if (sscanf (iso, "%4d-%2d-%2d", &y, &m, &d) != 3)
    return g_strdup (iso);

  utc = g_time_zone_new_utc ();
  dt = g_date_time_new (utc, y, m, d, 12, 0, 0);
  if (dt == NULL)
    return g_strdup (iso);

  /* Month names come from our own catalogue: the C.UTF-8 locale the kiosk
   * falls back to would name every month in English. */
  /* Translators: a date as in "2 December 2026": day, month name, year */
  return g_strdup_printf (_("%1$d %2$s %3$d"), d, _(month_names[m - 1]), y);
}

char *
bk_ui_dup_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

void
bk_ui_set_accessible (GtkWidget  *widget,
                      const char *label,
                      const char *description)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (label != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                    -1);
  if (description != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                    -1);
}

/* A text this long is a paragraph; its minimum is this many characters. */
#define LONG_TEXT_CHARS 60
#define LONG_TEXT_MIN_CHARS 12

void
bk_ui_label_limit_breaks (GtkLabel *label)
{
  g_return_if_fail (GTK_IS_LABEL (label));

  if (!gtk_label_get_wrap (label) ||
      gtk_label_get_width_chars (label) >= 0 ||
      gtk_label_get_ellipsize (label) != PANGO_ELLIPSIZE_NONE ||
      g_utf8_strlen (gtk_label_get_text (label), -1) < LONG_TEXT_CHARS)
    return;

  gtk_label_set_width_chars (label, LONG_TEXT_MIN_CHARS);
}

void
bk_ui_limit_breaks_under (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_BUTTON (root) || GTK_IS_CHECK_BUTTON (root))
    return;
  if (GTK_IS_LABEL (root))
    {
      bk_ui_label_limit_breaks (GTK_LABEL (root));
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    bk_ui_limit_breaks_under (child);
}

/* GTK 4.8 names a widget by its accessible label AND the labels of its
 * labelled-by relation, joined: a button with an accessible label whose own
 * label (GtkButton:label, AdwButtonContent's mnemonic) is also related is
 * read "Help Help". Where a label is set, it alone names the widget. */
void
bk_ui_drop_doubled_names (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (gtk_test_accessible_has_property (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL) &&
      gtk_test_accessible_has_relation (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    gtk_accessible_reset_relation (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_RELATION_LABELLED_BY);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    bk_ui_drop_doubled_names (child);
}

/* Council papers and service texts are German whatever the interface
 * language: the voice must read them in German (EN 301 549 5.1.3.14). */
void
bk_ui_set_content_language (GtkWidget  *widget,
                            const char *lang)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  g_object_set_data_full (G_OBJECT (widget), "bk-content-language", g_strdup (lang), g_free);
}

const char *
bk_ui_get_content_language (GtkWidget *widget)
{
  for (; widget != NULL; widget = gtk_widget_get_parent (widget))
    {
      const char *lang = g_object_get_data (G_OBJECT (widget), "bk-content-language");

      if (lang != NULL)
        return lang;
    }
  return NULL;
}

void
bk_ui_unparent_children (GtkWidget *widget)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (widget)) != NULL)
    gtk_widget_unparent (child);
}

/* The first shown widget under root bound to action_name with target (NULL:
 * none), depth first; NULL if there is none. */
GtkWidget *
bk_ui_find_actionable (GtkWidget  *root,
                       const char *action_name,
                       GVariant   *target)
{
  g_return_val_if_fail (GTK_IS_WIDGET (root), NULL);
  g_return_val_if_fail (action_name != NULL, NULL);

  if (!gtk_widget_get_visible (root))
    return NULL;

  if (GTK_IS_ACTIONABLE (root) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action_name) == 0)
    {
      GVariant *value = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (root));

      if (value == NULL ? target == NULL : target != NULL && g_variant_equal (value, target))
        return root;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = bk_ui_find_actionable (child, action_name, target);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* GTK 4.8 leaves a toggle button's pressed state undefined until it is
 * first toggled: a screen reader would take an unpressed one for a plain
 * button. Sets it for every toggle button under root. */
void
bk_ui_expose_toggle_states (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_TOGGLE_BUTTON (root))
    gtk_accessible_update_state (GTK_ACCESSIBLE (root),
                                 GTK_ACCESSIBLE_STATE_PRESSED,
                                 gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (root)),
                                 -1);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    bk_ui_expose_toggle_states (child);
}

void
bk_ui_append_label_texts (GtkWidget  *widget,
                          const char *separator,
                          GString    *text)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (!gtk_widget_get_visible (widget))
    return;

  if (GTK_IS_LABEL (widget))
    {
      const char *t = gtk_label_get_text (GTK_LABEL (widget));

      if (t != NULL && t[0] != '\0')
        {
          if (text->len > 0)
            g_string_append (text, separator);
          g_string_append (text, t);
        }
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    bk_ui_append_label_texts (child, separator, text);
}

void
bk_ui_stop_search_cb (GtkWidget      *page,
                      GtkSearchEntry *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  if (text != NULL && text[0] != '\0')
    gtk_editable_set_text (GTK_EDITABLE (entry), "");
  else
    gtk_widget_activate_action (page, "win.back", NULL);
}

GtkWidget *
bk_ui_wrap_label_new (const char *text,
                      const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

typedef struct {
  int maximum;
  int tightening;
} ClampBase;

void
bk_ui_scale_clamps (GtkWidget *root,
                    int        text_scale)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (ADW_IS_CLAMP (root))
    {
      AdwClamp *clamp = ADW_CLAMP (root);
      ClampBase *base = g_object_get_data (G_OBJECT (root), "bk-clamp-base");

      if (base == NULL)
        {
          base = g_new (ClampBase, 1);
          base->maximum = adw_clamp_get_maximum_size (clamp);
          base->tightening = adw_clamp_get_tightening_threshold (clamp);
          g_object_set_data_full (G_OBJECT (root), "bk-clamp-base", base, g_free);
        }
      adw_clamp_set_maximum_size (clamp, base->maximum * text_scale / 100);
      adw_clamp_set_tightening_threshold (clamp, base->tightening * text_scale / 100);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    bk_ui_scale_clamps (child, text_scale);
}

#define LIST_ITEM_KEY "bk-list-item"

void
bk_ui_set_list_item (GtkWidget   *row,
                     GtkListItem *item)
{
  g_return_if_fail (GTK_IS_WIDGET (row));
  g_return_if_fail (!item || GTK_IS_LIST_ITEM (item));

  g_object_set_data (G_OBJECT (row), LIST_ITEM_KEY, item);
}

GtkListItem *
bk_ui_get_list_item (GtkWidget *row)
{
  g_return_val_if_fail (GTK_IS_WIDGET (row), NULL);

  return g_object_get_data (G_OBJECT (row), LIST_ITEM_KEY);
}
