/* bk-services-page.c: the service catalogue: browse by life situation or
 * place, search as you type
 *
 * Two rows of large toggles narrow the list: the life situations (moving,
 * ID documents, …) and the places (the county and its municipalities); the
 * search field searches names and texts as the motion search does. The list
 * is a GtkListBox: the catalogue of a county is some dozens of services,
 * and rows that are real widgets wrap at any text size. Each row says the
 * name, the short text, the place and, in words, whether there is an
 * easy-read text and an online service.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-services-page"

#include "bk-config.h"

#include <glib/gi18n.h>

#include "bk-help.h"
#include "bk-services-page-private.h"
#include "bk-page.h"
#include "bk-ui.h"
#include "bk-voice.h"

struct _BkServicesPage
{
  GtkWidget     parent_instance;

  BkContext    *context;
  BkStore      *store;
  BkVoice      *voice;
  GPtrArray    *ids;              /* char*: the results, in order */
  char         *situation;        /* chosen life situation, or NULL */
  char         *place;            /* chosen municipality, or NULL */
  int           updating;

  GtkWidget    *search_entry;
  GtkBox       *situations_box;
  GtkBox       *places_box;
  GtkLabel     *count_label;
  GtkLabel     *empty_label;
  GtkListBox   *list;
  char         *opened_id;        /* the service last opened from the list */
  gboolean      focus_opened;     /* shown again by Back: focus goes to its row */
};

static void page_iface_init (BkPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BkServicesPage, bk_services_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (BK_TYPE_PAGE, page_iface_init))

#define CHOICE_KEY "bk-services-choice"

static void
clear_list (BkServicesPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  g_ptr_array_set_size (self->ids, 0);
}

static GtkWidget *
row_label_new (const char *text,
               const char *css_class)
{
  GtkWidget *label = bk_ui_wrap_label_new (text, css_class);

  gtk_label_set_natural_wrap_mode (GTK_LABEL (label), GTK_NATURAL_WRAP_WORD);
  bk_ui_label_limit_breaks (GTK_LABEL (label));

  return label;
}

static GtkWidget *
row_new (GtkListBox             *list,
         const BkServiceSummary *summary)
{
  g_autoptr(GString) marks = g_string_new (summary->municipality);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *name;
  GtkWidget *text;

  /* In words, not only as symbols. A service from XZuFi without an office
   * in any of the kiosk's towns has no place. */
  if (summary->has_easy_read)
    /* Translators: a mark in the list of services */
    g_string_append_printf (marks, "%s%s", marks->len > 0 ? " · " : "", _("easy-read available"));
  if (summary->has_online_service)
    /* Translators: a mark in the list of services */
    g_string_append_printf (marks, "%s%s", marks->len > 0 ? " · " : "", _("online service"));

  name = row_label_new (summary->name, "service-name");
  text = row_label_new (summary->short_text, "service-short");
  bk_ui_set_content_language (name, summary->lang);
  bk_ui_set_content_language (text, summary->lang);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), row_label_new (marks->str, "service-marks"));
  gtk_widget_set_visible (text, summary->short_text != NULL && *summary->short_text != '\0');
  gtk_widget_set_visible (gtk_widget_get_last_child (box), marks->len > 0);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_add_css_class (row, "service-row");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-service");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row), g_variant_new_string (summary->id));
  /* The essential at once, the name and the place; what the service is on
   * request (the Help key's first layer), since a row said with its short
   * text took 12–24 s (issue 17, item 6). */
  bk_ui_set_accessible (row, summary->name, marks->len > 0 ? marks->str : NULL);
  bk_help_set_item_more (row, GTK_WIDGET (list), summary->short_text);
  bk_ui_set_content_language (row, summary->lang);

  return row;
}

/* GTK 4.8 cannot announce (no gtk_accessible_announce), and Orca reads
 * only what can take the focus: while a screen reader runs, the search
 * field carries the number of results (or why there are none) as its
 * description; Orca says it on focus and again when it changes. The
 * kiosk's own voice says the number as the page's status, so then the
 * description stays empty (not said twice). */
static void
update_reader_texts (BkPage *page)
{
  BkServicesPage *self = BK_SERVICES_PAGE (page);
  const char *status = "";

  if (self->voice != NULL && bk_voice_get_screen_reader_running (self->voice))
    status = gtk_label_get_text (self->ids->len == 0 ? self->empty_label : self->count_label);
  bk_ui_set_accessible (self->search_entry, NULL, status);
}

static void
update_count (BkServicesPage *self,
              const char     *query)
{
  g_autofree char *count = NULL;
  g_autofree char *empty = NULL;
  guint n = self->ids->len;

  /* Translators: the number of services in the list */
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u service", "%u services", n), n);
  gtk_label_set_text (self->count_label, count);

  if (n == 0)
    {
      if (query != NULL && query[0] != '\0')
        /* Translators: %s is what the citizen searched for */
        empty = g_strdup_printf (_("No services match “%s”. Try another word, or choose “All topics” and “All places”."),
                                 query);
      else
        empty = g_strdup (_("No services match the chosen life situation and place."));
      gtk_label_set_text (self->empty_label, empty);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), n == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->list), n > 0);

  /* A status message: the number of services, or why there are none. */
  bk_page_status_changed (BK_PAGE (self), n == 0 ? empty : count);
  update_reader_texts (BK_PAGE (self));
}

static void
refilter (BkServicesPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = NULL;
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  const char *lang = bk_voice_get_interface_language ();
  BkServiceFilter filter = { self->situation, self->place };

  clear_list (self);
  if (self->store == NULL)
    {
      update_count (self, query);
      return;
    }

  if (query != NULL && query[0] != '\0')
    results = bk_store_search_services (self->store, query, &filter, lang, 0, &error);
  else
    results = bk_store_list_services (self->store, &filter, lang, &error);
  if (results == NULL)
    {
      g_warning ("Cannot list the services: %s", error ? error->message : "unknown error");
      update_count (self, query);
      return;
    }

  for (guint i = 0; i < results->len; i++)
    {
      const BkServiceSummary *summary = g_ptr_array_index (results, i);

      gtk_list_box_append (self->list, row_new (self->list, summary));
      g_ptr_array_add (self->ids, g_strdup (summary->id));
    }
  update_count (self, query);
}

static void
search_changed_cb (BkServicesPage *self,
                   GtkSearchEntry *entry)
{
  refilter (self);
}

static void
choice_toggled_cb (GtkToggleButton *button,
                   BkServicesPage  *self)
{
  const char *value = g_object_get_data (G_OBJECT (button), CHOICE_KEY);
  GtkWidget *box = gtk_widget_get_parent (GTK_WIDGET (button));

  if (!gtk_toggle_button_get_active (button) || self->updating > 0)
    return;

  if (box == GTK_WIDGET (self->situations_box))
    {
      g_free (self->situation);
      self->situation = g_strdup (value);
    }
  else
    {
      g_free (self->place);
      self->place = g_strdup (value);
    }
  refilter (self);
}

/* A large toggle with a check mark, so the chosen one shows by more than
 * its colour. value: NULL for "all". */
static GtkWidget *
choice_new (BkServicesPage *self,
            GtkBox         *box,
            const char     *label,
            const char     *value)
{
  GtkWidget *first = gtk_widget_get_first_child (GTK_WIDGET (box));
  GtkWidget *button = bk_ui_choice_button_new (label);

  gtk_widget_add_css_class (button, "service-choice");

  g_object_set_data_full (G_OBJECT (button), CHOICE_KEY, g_strdup (value), g_free);
  if (first != NULL)
    gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), GTK_TOGGLE_BUTTON (first));
  else
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
  g_signal_connect_object (button, "toggled", G_CALLBACK (choice_toggled_cb), self, 0);
  gtk_box_append (box, button);

  return button;
}

static void
build_choices (BkServicesPage *self)
{
  const char *const *situations = bk_life_situation_list ();
  g_auto(GStrv) places = self->store ? bk_store_list_service_municipalities (self->store) : NULL;

  self->updating++;
  bk_ui_unparent_children (GTK_WIDGET (self->situations_box));
  bk_ui_unparent_children (GTK_WIDGET (self->places_box));
  g_clear_pointer (&self->situation, g_free);
  g_clear_pointer (&self->place, g_free);
  g_clear_pointer (&self->opened_id, g_free);

  /* Translators: the choice that shows the services of every life situation */
  choice_new (self, self->situations_box, _("All topics"), NULL);
  for (guint i = 0; situations[i] != NULL; i++)
    choice_new (self, self->situations_box, bk_life_situation_get_label (situations[i]), situations[i]);

  /* Translators: the choice that shows the services of every municipality */
  choice_new (self, self->places_box, _("All places"), NULL);
  for (guint i = 0; places != NULL && places[i] != NULL; i++)
    choice_new (self, self->places_box, places[i], places[i]);
  self->updating--;

  bk_ui_expose_toggle_states (GTK_WIDGET (self));
}

static gboolean
bk_services_page_grab_focus (GtkWidget *widget)
{
  BkServicesPage *self = BK_SERVICES_PAGE (widget);

  /* Back returns to the row that was opened, not to the search field */
  if (self->focus_opened)
    {
      g_autoptr(GVariant) target = g_variant_ref_sink (g_variant_new_string (self->opened_id));
      GtkWidget *row = bk_ui_find_actionable (GTK_WIDGET (self->list), "win.open-service", target);

      self->focus_opened = FALSE;
      if (row != NULL && gtk_widget_grab_focus (row))
        return TRUE;
    }
  return gtk_widget_grab_focus (self->search_entry);
}



static void
bk_services_page_dispose (GObject *object)
{
  BkServicesPage *self = BK_SERVICES_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), BK_TYPE_SERVICES_PAGE);
  bk_ui_unparent_children (GTK_WIDGET (object));
  g_clear_object (&self->store);
  g_clear_object (&self->voice);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (bk_services_page_parent_class)->dispose (object);
}

static void
bk_services_page_finalize (GObject *object)
{
  BkServicesPage *self = BK_SERVICES_PAGE (object);

  g_clear_pointer (&self->ids, g_ptr_array_unref);
  g_clear_pointer (&self->situation, g_free);
  g_clear_pointer (&self->place, g_free);

  G_OBJECT_CLASS (bk_services_page_parent_class)->finalize (object);
}

static char *
bk_services_page_dup_summary (BkPage *page)
{
  BkServicesPage *self = BK_SERVICES_PAGE (page);

  /* Translators: spoken when the services page is shown: its title, what
   * is on it, then the number of services */
  return g_strdup_printf (_("%s. Search, life situations, town or county, and the list of services: %s."),
                          _("Services"),
                          gtk_widget_get_visible (GTK_WIDGET (self->empty_label))
                          ? gtk_label_get_text (self->empty_label)
                          : gtk_label_get_text (self->count_label));
}

static const char *
bk_services_page_get_help_text (BkPage *page)
{
  /* Translators: help for the services page */
  return _("This screen lists the services of the administration. "
           "Type words into the search field to find a service, for example Ausweis. "
           "Choose a life situation, such as moving house, or your town to see only those services. "
           "Choose a service in the list to read what you need and where to go.");
}

static gboolean
bk_services_page_show_target (BkPage      *page,
                              GVariant    *target,
                              const char **heading,
                              GError     **error)
{
  BkServicesPage *self = BK_SERVICES_PAGE (page);

  self->focus_opened = target != NULL && self->opened_id != NULL &&
                       g_variant_is_of_type (target, G_VARIANT_TYPE_STRING) &&
                       g_strcmp0 (g_variant_get_string (target, NULL), self->opened_id) == 0;
  if (!self->focus_opened)
    g_clear_pointer (&self->opened_id, g_free);
  return TRUE;
}

/* Leaving for a service: the row it was opened from, which has the focus
 * (an actionable row's activation emits no row-activated). */
static GVariant *
bk_services_page_dup_target (BkPage *page)
{
  BkServicesPage *self = BK_SERVICES_PAGE (page);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus != NULL && !GTK_IS_LIST_BOX_ROW (focus))
    focus = gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW);
  g_clear_pointer (&self->opened_id, g_free);
  if (focus != NULL && gtk_widget_get_parent (focus) == GTK_WIDGET (self->list))
    {
      GVariant *target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (focus));

      if (target != NULL && g_variant_is_of_type (target, G_VARIANT_TYPE_STRING))
        self->opened_id = g_variant_dup_string (target, NULL);
    }
  return self->opened_id != NULL ? g_variant_ref_sink (g_variant_new_string (self->opened_id)) : NULL;
}

static void
page_iface_init (BkPageInterface *iface)
{
  iface->dup_summary = bk_services_page_dup_summary;
  iface->get_help_text = bk_services_page_get_help_text;
  iface->show_target = bk_services_page_show_target;
  iface->dup_target = bk_services_page_dup_target;
}

/* The context arrives once, from the window. */
static void
set_context (BkServicesPage *self,
             BkContext *context)
{
  if (!g_set_object (&self->context, context) || context == NULL)
    return;
  g_set_object (&self->store, bk_context_get_store (context));
  g_set_object (&self->voice, bk_context_get_voice (context));
  bk_page_follow_screen_reader (BK_PAGE (self), self->voice, update_reader_texts);
  build_choices (self);
  refilter (self);
}

BK_PAGE_DEFINE_CONTEXT_PROPERTY (BkServicesPage, bk_services_page, BK_SERVICES_PAGE)

static void
bk_services_page_class_init (BkServicesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bk_services_page_dispose;
  object_class->get_property = bk_services_page_get_property;
  object_class->set_property = bk_services_page_set_property;
  g_object_class_override_property (object_class, BK_PAGE_PROP_CONTEXT, "context");
  object_class->finalize = bk_services_page_finalize;
  widget_class->grab_focus = bk_services_page_grab_focus;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/buergerkiosk/Kiosk/ui/bk-services-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, BkServicesPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, BkServicesPage, situations_box);
  gtk_widget_class_bind_template_child (widget_class, BkServicesPage, places_box);
  gtk_widget_class_bind_template_child (widget_class, BkServicesPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, BkServicesPage, empty_label);
  gtk_widget_class_bind_template_child (widget_class, BkServicesPage, list);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback_full (widget_class, "stop_search_cb",
                                                G_CALLBACK (bk_ui_stop_search_cb));
}

static void
bk_services_page_init (BkServicesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->ids = g_ptr_array_new_with_free_func (g_free);
  build_choices (self);
  refilter (self);
  bk_ui_search_leads_to (self->search_entry, GTK_WIDGET (self->list));

  bk_help_set_item_text (self->search_entry,
                         /* Translators: item help of the search field of the services */
                         _("Type one or more words. The list then shows only the services with these words."));
  bk_help_set_item_text (GTK_WIDGET (self->situations_box),
                         /* Translators: item help of the life situation buttons */
                         _("Shows only the services for this life situation. All topics shows every service."));
  bk_help_set_item_text (GTK_WIDGET (self->places_box),
                         /* Translators: item help of the town or county buttons */
                         _("Shows only the services of this town or of the county. All places shows every service."));
  bk_help_set_item_text (GTK_WIDGET (self->list),
                         /* Translators: item help of a row in the list of services */
                         _("A service. Choose it to read what you need and where to go."));
}

GtkWidget *
bk_services_page_new (void)
{
  return g_object_new (BK_TYPE_SERVICES_PAGE, NULL);
}

GtkWidget *
bk_services_page_get_search_entry (BkServicesPage *self)
{
  g_return_val_if_fail (BK_IS_SERVICES_PAGE (self), NULL);

  return self->search_entry;
}

static GtkWidget *
find_choice (GtkBox     *box,
             const char *value)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (child), CHOICE_KEY), value) == 0)
      return child;

  return NULL;
}

GtkWidget *
bk_services_page_get_situation_button (BkServicesPage *self,
                                       const char     *life_situation)
{
  g_return_val_if_fail (BK_IS_SERVICES_PAGE (self), NULL);

  return find_choice (self->situations_box, life_situation);
}

GtkWidget *
bk_services_page_get_place_button (BkServicesPage *self,
                                   const char     *municipality)
{
  g_return_val_if_fail (BK_IS_SERVICES_PAGE (self), NULL);

  return find_choice (self->places_box, municipality);
}

GtkWidget *
bk_services_page_get_list (BkServicesPage *self)
{
  g_return_val_if_fail (BK_IS_SERVICES_PAGE (self), NULL);

  return GTK_WIDGET (self->list);
}

guint
bk_services_page_get_n_results (BkServicesPage *self)
{
  g_return_val_if_fail (BK_IS_SERVICES_PAGE (self), 0);

  return self->ids->len;
}

const char *
bk_services_page_get_result_id (BkServicesPage *self,
                                guint           position)
{
  g_return_val_if_fail (BK_IS_SERVICES_PAGE (self), NULL);

  return position < self->ids->len ? g_ptr_array_index (self->ids, position) : NULL;
}

const char *
bk_services_page_get_count_text (BkServicesPage *self)
{
  g_return_val_if_fail (BK_IS_SERVICES_PAGE (self), NULL);

  return gtk_label_get_text (self->count_label);
}
