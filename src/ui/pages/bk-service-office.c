/* bk-service-office.c: "Where to go" on a service page
 *
 * A hand-written service names one office. A service from XZuFi has an
 * office per town (the Zuständigkeit): the section then offers the towns the
 * kiosk serves as large toggles, and holds one block of facts per town, of
 * which only the chosen town's is shown. The choice is the session's
 * (setting "town"): chosen once, it holds on every service page until the
 * session ends. Switching blocks instead of rebuilding them keeps the focus
 * on the toggle the citizen just used, and the reader reads only what is
 * shown.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-service-page"

#include "bk-config.h"

#include <glib/gi18n.h>

#include "bk-help.h"
#include "bk-service-office.h"
#include "bk-ui.h"
#include "bk-voice.h"

#define TOWN_KEY "bk-town-ars"        /* on a block and on a toggle: the town's ARS */
#define UPDATING_KEY "bk-updating"    /* on the body while the toggles are set */

gboolean
bk_service_office_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

GtkWidget *
bk_service_office_add_note (BkReader   *reader,
                            guint       section,
                            GtkBox     *body,
                            const char *text)
{
  GtkWidget *label = bk_reader_label_new (reader, section, text, "service-missing",
                                          BK_READER_PART_INTERFACE, NULL);

  /* In the interface language, not the German of the section around it. */
  bk_ui_set_content_language (label, bk_voice_get_interface_language ());
  gtk_box_append (body, label);
  return label;
}

/* A key ("Opening hours") and its German value, read as one. */
static void
add_fact (BkReader   *reader,
          guint       section,
          GtkBox     *box,
          const char *key,
          const char *value)
{
  g_autofree char *accessible = NULL;
  GtkWidget *key_label;
  GtkWidget *value_label;

  if (bk_service_office_is_blank (value))
    return;

  key_label = gtk_label_new (key);
  gtk_label_set_xalign (GTK_LABEL (key_label), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (key_label), TRUE);
  gtk_widget_add_css_class (key_label, "fact-key");
  gtk_accessible_update_state (GTK_ACCESSIBLE (key_label),
                               GTK_ACCESSIBLE_STATE_HIDDEN, TRUE,
                               -1);
  bk_reader_add_part (reader, section, key_label, BK_READER_PART_KEY, NULL);
  gtk_box_append (box, key_label);

  value_label = bk_reader_label_new (reader, section, value, "fact-value", BK_READER_PART_CONTENT, NULL);
  gtk_box_append (box, value_label);
  /* Translators: a fact read out as one, as in "Phone: 0123 456" */
  accessible = g_strdup_printf (_("%s: %s"), key, value);
  bk_ui_set_accessible (value_label, accessible, NULL);
}

static gboolean
is_empty (const BkServiceOffice *office)
{
  return office == NULL ||
         (bk_service_office_is_blank (office->name) && bk_service_office_is_blank (office->address) && bk_service_office_is_blank (office->opening_hours) &&
          bk_service_office_is_blank (office->phone) && bk_service_office_is_blank (office->email) && bk_service_office_is_blank (office->accessibility));
}

static void
add_facts (BkReader              *reader,
           guint                  section,
           GtkBox                *box,
           const BkServiceOffice *office)
{
  /* Translators: a fact of the office: its name */
  add_fact (reader, section, box, _("Office"), office->name);
  add_fact (reader, section, box, _("Address"), office->address);
  add_fact (reader, section, box, _("Opening hours"), office->opening_hours);
  add_fact (reader, section, box, _("Phone"), office->phone);
  add_fact (reader, section, box, _("E-mail"), office->email);
  /* Translators: how to get into the building: ramps, lift, toilets, hearing loop */
  add_fact (reader, section, box, _("Accessibility of the building"), office->accessibility);
}

static const char *
town_name (GPtrArray  *towns,
           const char *ars)
{
  for (guint i = 0; ars != NULL && towns != NULL && i < towns->len; i++)
    {
      const BkTown *town = g_ptr_array_index (towns, i);

      if (g_strcmp0 (town->ars, ars) == 0)
        return town->name;
    }
  return NULL;
}

const char *
bk_service_office_get_town (GPtrArray  *towns,
                            BkSettings *settings)
{
  const char *chosen = settings ? bk_settings_get_string (settings, BK_SERVICE_OFFICE_TOWN_KEY) : NULL;

  if (towns == NULL || towns->len == 0)
    return NULL;
  if (towns->len == 1)
    return ((BkTown *) g_ptr_array_index (towns, 0))->ars;
  for (guint i = 0; i < towns->len; i++)
    {
      const BkTown *town = g_ptr_array_index (towns, i);

      if (g_strcmp0 (town->ars, chosen) == 0)
        return town->ars;
    }
  return NULL;
}

const BkServiceOffice *
bk_service_office_get (const BkService *service,
                       const char      *ars)
{
  const BkServiceLocalOffice *local;

  if (!bk_service_is_per_town (service))
    return is_empty (&service->office) ? NULL : &service->office;
  local = bk_service_get_local_office (service, ars);
  return local != NULL && !is_empty (&local->office) ? &local->office : NULL;
}

char *
bk_service_office_describe (const BkService *service,
                            GPtrArray       *towns,
                            const char      *ars)
{
  const BkServiceOffice *office = bk_service_office_get (service, ars);
  const char *name = town_name (towns, ars);
  g_autofree char *address = NULL;

  if (name == NULL)
    /* Translators: said when the citizen has not chosen a town (yet) */
    return g_strdup (_("Choose your town to see the office responsible for you."));
  if (office == NULL)
    /* Translators: said when the citizen chose a town; %s is the town */
    return g_strdup_printf (_("Your town: %s. The description names no office there."), name);
  if (office->address != NULL)
    {
      g_auto(GStrv) lines = g_strsplit (office->address, "\n", -1);

      address = g_strjoinv (", ", lines);
    }
  /* Translators: said when the citizen chose a town: the town, the office
   * and its address */
  return g_strdup_printf (_("Your town: %s. Where to go: %s, %s."), name,
                          office->name ? office->name : "", address ? address : "");
}

static void
set_tree_visible (GtkWidget *widget,
                  gboolean   visible)
{
  gtk_widget_set_visible (widget, visible);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    set_tree_visible (child, visible);
}

void
bk_service_office_show_town (GtkBox     *body,
                             const char *ars)
{
  g_object_set_data (G_OBJECT (body), UPDATING_KEY, GINT_TO_POINTER (TRUE));
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (body)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *block = g_object_get_data (G_OBJECT (child), TOWN_KEY);

      if (block != NULL)
        set_tree_visible (child, g_strcmp0 (block, ars ? ars : "") == 0);
      else if (GTK_IS_BOX (child))
        /* the toggles */
        for (GtkWidget *t = gtk_widget_get_first_child (child); t != NULL; t = gtk_widget_get_next_sibling (t))
          if (GTK_IS_TOGGLE_BUTTON (t))
            gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (t),
                                          g_strcmp0 (g_object_get_data (G_OBJECT (t), TOWN_KEY), ars) == 0);
    }
  g_object_set_data (G_OBJECT (body), UPDATING_KEY, NULL);
  bk_ui_expose_toggle_states (GTK_WIDGET (body));
}

GtkWidget *
bk_service_office_get_town_button (GtkBox     *body,
                                   const char *ars)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (body)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    for (GtkWidget *t = gtk_widget_get_first_child (child); t != NULL; t = gtk_widget_get_next_sibling (t))
      if (GTK_IS_TOGGLE_BUTTON (t) && g_strcmp0 (g_object_get_data (G_OBJECT (t), TOWN_KEY), ars) == 0)
        return t;
  return NULL;
}

static void
town_toggled_cb (GtkToggleButton *button,
                 BkSettings      *settings)
{
  GtkWidget *body = gtk_widget_get_parent (gtk_widget_get_parent (GTK_WIDGET (button)));

  if (!gtk_toggle_button_get_active (button) || g_object_get_data (G_OBJECT (body), UPDATING_KEY))
    return;
  bk_settings_set_string (settings, BK_SERVICE_OFFICE_TOWN_KEY,
                          g_object_get_data (G_OBJECT (button), TOWN_KEY));
}

static GtkWidget *
town_block_new (const char *ars)
{
  GtkWidget *block = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  g_object_set_data_full (G_OBJECT (block), TOWN_KEY, g_strdup (ars), g_free);
  return block;
}

static void
fill_per_town (BkReader        *reader,
               guint            section,
               GtkBox          *body,
               const BkService *service,
               GPtrArray       *towns,
               BkSettings      *settings)
{
  GtkWidget *none = town_block_new ("");

  if (towns->len > 1)
    {
      /* Translators: the accessible name of the row of towns on a service's page */
      GtkWidget *group = bk_ui_wrap_group_new (_("Your town"));
      GtkWidget *first = NULL;

      for (guint i = 0; i < towns->len; i++)
        {
          const BkTown *town = g_ptr_array_index (towns, i);
          GtkWidget *button = bk_ui_choice_button_new (town->name);

          g_object_set_data_full (G_OBJECT (button), TOWN_KEY, g_strdup (town->ars), g_free);
          if (first != NULL)
            gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), GTK_TOGGLE_BUTTON (first));
          else
            first = button;
          bk_help_set_item_text (button,
                                 /* Translators: item help of a town button on a service's page */
                                 _("Choose the town you live in: the page shows the office responsible "
                                   "for you there. The kiosk keeps your choice until you leave."));
          g_signal_connect_object (button, "toggled", G_CALLBACK (town_toggled_cb), settings, 0);
          gtk_box_append (GTK_BOX (group), button);
        }
      gtk_box_append (body, group);
    }
  gtk_box_append (body, none);
  bk_service_office_add_note (reader, section, GTK_BOX (none),
                              /* Translators: on a service's page, before a town is chosen */
                              _("Which town do you live in? Choose it above: the office responsible "
                                "for you is shown here."));
  for (guint i = 0; i < towns->len; i++)
    {
      const BkTown *town = g_ptr_array_index (towns, i);
      const BkServiceOffice *office = bk_service_office_get (service, town->ars);
      GtkWidget *block = town_block_new (town->ars);
      g_autofree char *yours = NULL;

      gtk_box_append (body, block);
      /* Translators: above the office of the town the citizen chose */
      yours = g_strdup_printf (_("Your town: %s"), town->name);
      gtk_widget_add_css_class (bk_service_office_add_note (reader, section, GTK_BOX (block), yours),
                                "service-town");
      if (office != NULL)
        add_facts (reader, section, GTK_BOX (block), office);
      else
        {
          g_autofree char *missing = g_strdup_printf (_("The description names no office for %s."),
                                                      town->name);

          bk_service_office_add_note (reader, section, GTK_BOX (block), missing);
        }
    }
  bk_service_office_show_town (body, bk_service_office_get_town (towns, settings));
}

void
bk_service_office_fill (BkReader        *reader,
                        guint            section,
                        GtkBox          *body,
                        const BkService *service,
                        GPtrArray       *towns,
                        BkSettings      *settings)
{
  if (bk_service_is_per_town (service) && towns != NULL && towns->len > 0)
    {
      fill_per_town (reader, section, body, service, towns, settings);
      return;
    }
  if (bk_service_office_get (service, NULL) == NULL)
    {
      /* Translators: the service names no office */
      bk_service_office_add_note (reader, section, body, _("The description names no office."));
      return;
    }
  add_facts (reader, section, body, &service->office);
}
