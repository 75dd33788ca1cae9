/* bk-ui.c: shared helpers of the kiosk's user interface
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-ui"

#include "bk-config.h"

#include <string.h>
#include <glib/gi18n.h>

#include <adwaita.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "bk-keyboard-button.h"
#include "bk-ui.h"
#include "bk-ui-resources.h"
#include "bk-wrap-layout.h"

void
bk_ui_init (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
#ifdef __GLIBC__
      /* A full repaint with the cairo renderer (X11) draws into an image of
       * the window's size, 4 to 8 MB, freed after the frame: glibc gave
       * such blocks back to the system, and touching fresh pages made the
       * frame where the list fills after the first sync 7 ms longer
       * (bench/sync.sh). Blocks up to 16 MB now come from the heap, and up
       * to 32 MB of it stay for the next frame. */
      mallopt (M_MMAP_THRESHOLD, 16 * 1024 * 1024);
      mallopt (M_TRIM_THRESHOLD, 32 * 1024 * 1024);
#endif

      /* Referencing the resource keeps it linked in from the static library;
       * its constructor registers it. */
      g_assert (bk_ui_get_resource () != NULL);

      /* Templates name it; the window ensures its pages. */
      g_type_ensure (BK_TYPE_WRAP_LAYOUT);
      g_type_ensure (BK_TYPE_KEYBOARD_BUTTON);

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

const char *
bk_ui_get_month_name (guint month)
{
  g_return_val_if_fail (month >= 1 && month <= 12, NULL);

  return _(month_names[month - 1]);
}

static const char *const weekday_names[] = {
  N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"), N_("Friday"), N_("Saturday"),
  N_("Sunday"),
};

const char *
bk_ui_get_weekday_name (guint weekday)
{
  g_return_val_if_fail (weekday >= 1 && weekday <= 7, NULL);

  return _(weekday_names[weekday - 1]);
}

char *
bk_ui_format_meeting_time (const char *iso)
{
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;

  if (iso == NULL || iso[0] == '\0')
    return NULL;
  date = bk_ui_format_date (iso);
  /* The meeting's own clock (the offset it was given with), not the kiosk's. */
  when = strlen (iso) > 10 ? g_date_time_new_from_iso8601 (iso, NULL) : NULL;
  if (when == NULL)
    return g_steal_pointer (&date);
  time = g_date_time_format (when, "%H:%M");
  /* Translators: when a meeting starts: weekday, date, time, as in
   * "Thursday, 17 December 2026, 18:00" */
  return g_strdup_printf (_("%1$s, %2$s, %3$s"), bk_ui_get_weekday_name ((guint) g_date_time_get_day_of_week (when)),
                          date, time);
}

char *
bk_ui_format_freshness (const char *iso_utc)
{
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *day = NULL;
  g_autofree char *today = NULL;
  g_autofree char *yesterday = NULL;
  g_autofree char *time = NULL;

  if (iso_utc == NULL || (when = g_date_time_new_from_iso8601 (iso_utc, NULL)) == NULL)
    return NULL;
  local = g_date_time_to_local (when);
  time = g_date_time_format (local, "%H:%M");
  day = g_date_time_format (local, "%Y-%m-%d");
  today = g_date_time_format (now, "%Y-%m-%d");
  {
    g_autoptr(GDateTime) before = g_date_time_add_days (now, -1);

    yesterday = g_date_time_format (before, "%Y-%m-%d");
  }
  if (g_str_equal (day, today))
    /* Translators: data last updated today at a time, as in "today 06:10" */
    return g_strdup_printf (_("today %s"), time);
  if (g_str_equal (day, yesterday))
    /* Translators: data last updated yesterday at a time */
    return g_strdup_printf (_("yesterday %s"), time);
  {
    g_autofree char *date = bk_ui_format_date (day);

    /* Translators: data last updated on a date at a time: "2 December 2026, 06:10" */
    return g_strdup_printf (_("%1$s, %2$s"), date, time);
  }
}

char *
bk_ui_dup_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

#define ACCESSIBLE_LABEL_KEY "bk-accessible-label"
#define ACCESSIBLE_DESCRIPTION_KEY "bk-accessible-description"

void
bk_ui_set_accessible (GtkWidget  *widget,
                      const char *label,
                      const char *description)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  /* GTK 4.8 tells a screen reader of every update, also to the same text,
   * and Orca 43 says a changed description of the focused widget again
   * (the description twice on focus): only real changes go out. */
  if (label != NULL && g_strcmp0 (label, g_object_get_data (G_OBJECT (widget), ACCESSIBLE_LABEL_KEY)) != 0)
    {
      g_object_set_data_full (G_OBJECT (widget), ACCESSIBLE_LABEL_KEY, g_strdup (label), g_free);
      gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      -1);
    }
  if (description != NULL &&
      g_strcmp0 (description, g_object_get_data (G_OBJECT (widget), ACCESSIBLE_DESCRIPTION_KEY)) != 0)
    {
      g_object_set_data_full (G_OBJECT (widget), ACCESSIBLE_DESCRIPTION_KEY, g_strdup (description), g_free);
      gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                      -1);
    }
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

#define SAID_WITH_KEY "bk-said-with"

static void
said_with_free (gpointer data)
{
  GtkWidget **slot = data;

  if (*slot != NULL)
    g_object_remove_weak_pointer (G_OBJECT (*slot), data);
  g_free (slot);
}

void
bk_ui_set_said_with (GtkWidget *text,
                     GtkWidget *control)
{
  GtkWidget **slot;

  g_return_if_fail (GTK_IS_WIDGET (text));
  g_return_if_fail (GTK_IS_WIDGET (control));

  /* Weak: the control may go first (a field rebuilt). */
  slot = g_new0 (GtkWidget *, 1);
  *slot = control;
  g_object_add_weak_pointer (G_OBJECT (control), (gpointer *) slot);
  g_object_set_data_full (G_OBJECT (text), SAID_WITH_KEY, slot, said_with_free);
}

GtkWidget *
bk_ui_get_said_with (GtkWidget *widget)
{
  GtkWidget **slot;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  slot = g_object_get_data (G_OBJECT (widget), SAID_WITH_KEY);
  return slot != NULL ? *slot : NULL;
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

#define RADIO_TRACKED_KEY "bk-radio-tracked"

static void
radio_toggled_cb (GtkToggleButton *button)
{
  gtk_accessible_update_state (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_STATE_CHECKED,
                               gtk_toggle_button_get_active (button) ? GTK_ACCESSIBLE_TRISTATE_TRUE
                                                                     : GTK_ACCESSIBLE_TRISTATE_FALSE,
                               -1);
}

/* GTK 4.8 leaves a toggle button's pressed state undefined until it is
 * first toggled: a screen reader would take an unpressed one for a plain
 * button. Sets it for every toggle button under root. A one-of-many
 * choice (role radio) says "checked" instead, and keeps saying it: GTK
 * 4.8 sends a toggle button to AT-SPI as a push button, and Orca 43 says
 * no state for a push button ("Deutsch push button"). */
void
bk_ui_expose_toggle_states (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_TOGGLE_BUTTON (root))
    {
      gtk_accessible_update_state (GTK_ACCESSIBLE (root),
                                   GTK_ACCESSIBLE_STATE_PRESSED,
                                   gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (root)),
                                   -1);
      if (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (root)) == GTK_ACCESSIBLE_ROLE_RADIO)
        {
          radio_toggled_cb (GTK_TOGGLE_BUTTON (root));
          if (g_object_get_data (G_OBJECT (root), RADIO_TRACKED_KEY) == NULL)
            {
              g_object_set_data (G_OBJECT (root), RADIO_TRACKED_KEY, GINT_TO_POINTER (TRUE));
              g_signal_connect (root, "toggled", G_CALLBACK (radio_toggled_cb), NULL);
            }
        }
    }

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

static gboolean
search_key_cb (GtkEventControllerKey *controller,
               guint                  keyval,
               guint                  keycode,
               GdkModifierType        state,
               GtkWidget             *results)
{
  if (keyval != GDK_KEY_Down || (state & gtk_accelerator_get_default_mod_mask ()) != 0)
    return FALSE;
  return gtk_widget_child_focus (results, GTK_DIR_TAB_FORWARD);
}

static void
search_activate_cb (GtkWidget *entry,
                    GtkWidget *results)
{
  gtk_widget_child_focus (results, GTK_DIR_TAB_FORWARD);
}

void
bk_ui_search_leads_to (GtkWidget *entry,
                       GtkWidget *results)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  /* before the text field, which would take Down as a cursor move */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (search_key_cb), results, 0);
  gtk_widget_add_controller (entry, keys);
  g_signal_connect_object (entry, "activate", G_CALLBACK (search_activate_cb), results, 0);
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

GtkWidget *
bk_ui_choice_button_new (const char *label)
{
  /* One of many: a radio button for screen readers (its state: see
   * bk_ui_expose_toggle_states). */
  GtkWidget *button = g_object_new (GTK_TYPE_TOGGLE_BUTTON, "accessible-role", GTK_ACCESSIBLE_ROLE_RADIO, NULL);
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");
  GtkWidget *text = gtk_label_new (label);

  gtk_widget_add_css_class (check, "bk-check");
  gtk_widget_add_css_class (check, "bk-icon-24");
  gtk_accessible_update_state (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  /* One line where there is room; more lines only at large text sizes. */
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_natural_wrap_mode (GTK_LABEL (text), GTK_NATURAL_WRAP_NONE);
  gtk_box_append (GTK_BOX (content), check);
  gtk_box_append (GTK_BOX (content), text);
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_widget_add_css_class (button, "bk-choice");
  bk_ui_set_accessible (button, label, NULL);
  return button;
}

GtkWidget *
bk_ui_wrap_group_new (const char *label)
{
  GtkWidget *box = g_object_new (GTK_TYPE_BOX, "accessible-role", GTK_ACCESSIBLE_ROLE_GROUP, NULL);
  GtkLayoutManager *layout = bk_wrap_layout_new ();

  g_object_set (layout, "spacing", 12, "line-spacing", 12, NULL);
  gtk_widget_set_layout_manager (box, layout);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return box;
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

void
bk_ui_hide_inner_stacks (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_STACK (child))
        gtk_accessible_update_state (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      else
        bk_ui_hide_inner_stacks (child);
    }
}
