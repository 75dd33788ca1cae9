/* bk-projects-page.c: digital projects at a glance ("Digitale Vorhaben")
 *
 * One card per project of the county and its towns: its title, status in
 * words, whose project it is, what it changes for citizens, the next
 * milestone, who is responsible, and buttons to the council motions behind
 * it (found by their reference, so a paper synced from the council
 * information system is found as well as an imported text). With the
 * easy-read setting on, a project's summary in Leichte Sprache comes first
 * on its card. A search field narrows the cards (the store's search index).
 * win.show-projects(s) opens the page at a project ("" for the top).
 *
 * The texts are the administration's, in German, read in the German voice;
 * the words around them ("Status", "Next milestone") are the interface's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-projects-page"

#include "bk-config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "bk-help.h"
#include "bk-page.h"
#include "bk-projects-page-private.h"
#include "bk-reader.h"
#include "bk-store-projects.h"
#include "bk-terms-row.h"
#include "bk-ui.h"
#include "bk-voice.h"

/* Read aloud: the cards shown, as one section. */
#define SECTION_ALL 0

#define PROJECT_ID_KEY "bk-project-id"

struct _BkProjectsPage
{
  GtkWidget          parent_instance;

  BkContext         *context;
  BkStore           *store;
  BkVoice           *voice;
  BkSettings        *settings;
  BkReader          *reader;
  char              *target;           /* the project asked for, or NULL */

  GtkScrolledWindow *scroller;
  GtkWidget         *heading;
  GtkWidget         *read_button;
  GtkWidget         *search_entry;
  GtkLabel          *count_label;
  GtkBox            *projects_box;
};

static void page_iface_init (BkPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BkProjectsPage, bk_projects_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (BK_TYPE_PAGE, page_iface_init))

static const char *
status_label (BkProjectStatus status)
{
  switch (status)
    {
    case BK_PROJECT_PLANNED:
      /* Translators: the status of a digital project */
      return _("Planned");
    case BK_PROJECT_IN_PROGRESS:
      /* Translators: the status of a digital project */
      return _("In progress");
    case BK_PROJECT_DONE:
      /* Translators: the status of a digital project */
      return _("Completed");
    case BK_PROJECT_PAUSED:
    default:
      /* Translators: the status of a digital project */
      return _("Paused");
    }
}

/* "March 2027" for "2027-03", the date in words for "2027-03-18". */
static char *
format_when (const char *date)
{
  guint year, month;

  if (date == NULL)
    return NULL;
  if (strlen (date) == 7 && sscanf (date, "%4u-%2u", &year, &month) == 2 && month >= 1 && month <= 12)
    /* Translators: a month and its year, "March 2027" */
    return g_strdup_printf (_("%s %u"), bk_ui_get_month_name (month), year);
  return bk_ui_format_date (date);
}

static GtkWidget *
content_label (BkProjectsPage *self,
               const char     *text,
               const char     *css_class)
{
  return bk_reader_label_new (self->reader, SECTION_ALL, text, css_class, BK_READER_PART_CONTENT,
                              BK_VOICE_CONTENT_LANGUAGE);
}

/* A key ("What it changes for you") above its value, so that both wrap at
 * 300 % text. */
static void
add_fact (BkProjectsPage *self,
          GtkBox         *card,
          const char     *key,
          const char     *value,
          gboolean        value_is_ours)
{
  GtkWidget *key_label = bk_reader_label_new (self->reader, SECTION_ALL, key, "fact-key",
                                              BK_READER_PART_KEY, NULL);
  GtkWidget *value_label;

  gtk_box_append (card, key_label);
  if (value_is_ours)
    value_label = bk_reader_label_new (self->reader, SECTION_ALL, value, "fact-value",
                                       BK_READER_PART_INTERFACE, NULL);
  else
    value_label = content_label (self, value, "fact-value");
  gtk_box_append (card, value_label);
}

static void
add_motions (BkProjectsPage  *self,
             GtkBox          *card,
             const BkProject *p)
{
  GtkWidget *box;

  if (p->motions->len == 0)
    return;
  gtk_box_append (card, bk_reader_label_new (self->reader, SECTION_ALL,
                                             /* Translators: heading of a digital project's motions */
                                             _("Council motions behind it"), "fact-key",
                                             BK_READER_PART_KEY, NULL));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (card, box);
  for (guint i = 0; i < p->motions->len; i++)
    {
      const char *reference = g_ptr_array_index (p->motions, i);
      gint64 id = self->store != NULL ? bk_store_find_motion_by_reference (self->store, reference) : 0;
      g_autoptr(BkMotionSummary) summary = id > 0 ? bk_store_load_summary (self->store, id, NULL) : NULL;

      if (summary != NULL)
        {
          /* Translators: a button to a motion: its number and title */
          g_autofree char *text = g_strdup_printf (_("Motion %s: %s"), reference,
                                                   summary->subject ? summary->subject : "");
          GtkWidget *label = bk_ui_wrap_label_new (text, NULL);
          GtkWidget *button = gtk_button_new ();

          gtk_button_set_child (GTK_BUTTON (button), label);
          /* read with the card, as the button says it */
          bk_reader_add_part (self->reader, SECTION_ALL, label, BK_READER_PART_INTERFACE, NULL);
          /* full width, or the wrapping label breaks after a few words */
          gtk_widget_set_halign (button, GTK_ALIGN_FILL);
          gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.open-motion");
          gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (id));
          gtk_widget_add_css_class (button, "project-motion");
          /* Translators: what the button to a project's motion does */
          bk_ui_set_accessible (button, text, _("Opens the motion"));
          bk_help_set_item_text (button, _("Opens the council motion behind this project."));
          gtk_box_append (GTK_BOX (box), button);
        }
      else
        {
          /* Translators: a project's motion that the kiosk does not have (yet) */
          g_autofree char *text = g_strdup_printf (_("Motion %s (not in the kiosk yet)"), reference);

          gtk_box_append (GTK_BOX (box), bk_reader_label_new (self->reader, SECTION_ALL, text, NULL,
                                                              BK_READER_PART_INTERFACE, NULL));
        }
    }
}

static GtkWidget *
card_new (BkProjectsPage  *self,
          const BkProject *p)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *title = g_object_new (GTK_TYPE_LABEL,
                                   "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING,
                                   "label", p->title,
                                   "xalign", 0.0f,
                                   "wrap", TRUE,
                                   "wrap-mode", PANGO_WRAP_WORD_CHAR,
                                   "selectable", TRUE,
                                   NULL);
  g_autofree char *status = NULL;
  gboolean easy = self->settings != NULL && bk_settings_get_boolean (self->settings, "easy-read");
  g_autoptr(GString) said = g_string_new (p->title);

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "project-card");
  g_object_set_data_full (G_OBJECT (card), PROJECT_ID_KEY, g_strdup (p->id), g_free);

  gtk_accessible_update_property (GTK_ACCESSIBLE (title), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  gtk_widget_add_css_class (title, "title-2");
  bk_reader_add_part (self->reader, SECTION_ALL, title, BK_READER_PART_CONTENT, BK_VOICE_CONTENT_LANGUAGE);
  gtk_box_append (GTK_BOX (card), title);

  status = g_strdup_printf ("%s: %s", _("Status"), status_label (p->status));
  gtk_box_append (GTK_BOX (card), bk_reader_label_new (self->reader, SECTION_ALL, status,
                                                       "project-status", BK_READER_PART_INTERFACE, NULL));

  if (easy && p->easy_summary != NULL)
    {
      g_auto(GStrv) paragraphs = g_strsplit (p->easy_summary, "\n\n", -1);

      gtk_box_append (GTK_BOX (card), bk_reader_label_new (self->reader, SECTION_ALL,
                                                           _("In easy-read language"), "fact-key",
                                                           BK_READER_PART_KEY, NULL));
      for (guint i = 0; paragraphs[i] != NULL; i++)
        {
          GtkWidget *label = content_label (self, g_strstrip (paragraphs[i]), "easy-read");

          gtk_box_append (GTK_BOX (card), label);
        }
    }

  /* Translators: whose digital project it is: the county or a town */
  add_fact (self, GTK_BOX (card), _("Whose project"), p->owner, FALSE);
  /* Translators: what a digital project changes for citizens */
  add_fact (self, GTK_BOX (card), _("What it changes for you"), p->benefit, FALSE);
  if (p->milestone != NULL)
    {
      g_autofree char *when = format_when (p->milestone_date);
      g_autofree char *text = when != NULL ? g_strdup_printf ("%s – %s", p->milestone, when)
                                           : g_strdup (p->milestone);

      /* Translators: a digital project's next milestone */
      add_fact (self, GTK_BOX (card), _("Next milestone"), text, FALSE);
    }
  /* Translators: who is responsible for a digital project */
  add_fact (self, GTK_BOX (card), _("Responsible"), p->responsible, FALSE);
  if (p->description != NULL)
    /* Translators: more about a digital project */
    add_fact (self, GTK_BOX (card), _("More about it"), p->description, FALSE);
  add_motions (self, GTK_BOX (card), p);

  g_string_append_printf (said, "\n%s\n%s", p->benefit, p->easy_summary ? p->easy_summary : "");
  {
    GtkWidget *terms = bk_terms_row_new (said->str);

    if (terms != NULL)
      gtk_box_append (GTK_BOX (card), terms);
  }
  return card;
}

static void
update_count (BkProjectsPage *self,
              guint           n,
              const char     *query)
{
  g_autofree char *text = NULL;

  if (n == 0 && query != NULL && query[0] != '\0')
    /* Translators: %s is what the citizen searched for */
    text = g_strdup_printf (_("No projects match “%s”. Try another word."), query);
  else
    /* Translators: the number of digital projects shown */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u project", "%u projects", n), n);
  gtk_label_set_text (self->count_label, text);
  bk_page_status_changed (BK_PAGE (self), text);
}

static void
fill (BkProjectsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) projects = NULL;
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  bk_reader_stop (self->reader);
  bk_reader_clear (self->reader);
  bk_ui_unparent_children (GTK_WIDGET (self->projects_box));
  bk_reader_add_part (self->reader, SECTION_ALL, self->heading, BK_READER_PART_INTERFACE, NULL);

  if (self->store != NULL)
    projects = bk_store_search_projects (self->store, query, &error);
  if (projects == NULL && error != NULL)
    g_warning ("Cannot list the digital projects: %s", error->message);

  for (guint i = 0; projects != NULL && i < projects->len; i++)
    gtk_box_append (self->projects_box, card_new (self, g_ptr_array_index (projects, i)));
  bk_ui_limit_breaks_under (GTK_WIDGET (self->projects_box));
  update_count (self, projects != NULL ? projects->len : 0, query);
}

static void
search_changed_cb (BkProjectsPage *self,
                   GtkSearchEntry *entry)
{
  fill (self);
}

static void
read_clicked_cb (BkProjectsPage *self,
                 GtkButton      *button)
{
  bk_page_read_aloud (BK_PAGE (self), -1);
}

static GtkWidget *
find_card (BkProjectsPage *self,
           const char     *id)
{
  for (GtkWidget *card = gtk_widget_get_first_child (GTK_WIDGET (self->projects_box));
       card != NULL; card = gtk_widget_get_next_sibling (card))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (card), PROJECT_ID_KEY), id) == 0)
      return card;
  return NULL;
}

static gboolean
bk_projects_page_grab_focus (GtkWidget *widget)
{
  BkProjectsPage *self = BK_PROJECTS_PAGE (widget);
  GtkWidget *card = self->target != NULL ? find_card (self, self->target) : NULL;

  /* at the project asked for (its heading: the viewport scrolls to it), or
   * at the search field */
  if (card != NULL)
    return gtk_widget_grab_focus (gtk_widget_get_first_child (card));
  return gtk_widget_grab_focus (self->search_entry);
}

/* ---- BkPage -------------------------------------------------------------- */

static char *
bk_projects_page_dup_summary (BkPage *page)
{
  guint n = bk_projects_page_get_n_shown (BK_PROJECTS_PAGE (page));

  /* Translators: spoken when the page of digital projects opens */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Digital projects. %u project of the county and its towns.",
                                       "Digital projects. %u projects of the county and its towns.", n), n);
}

static const char *
bk_projects_page_get_help_text (BkPage *page)
{
  /* Translators: help for the page of digital projects */
  return _("This screen shows the digital projects of the county and its towns. "
           "Each project says what it changes for you, how far it is, what comes next and who is responsible. "
           "The buttons below a project open the council motions behind it. "
           "Type a word into the search field to find a project.");
}

/* target: a project's id, "" for the top of the page. */
static gboolean
bk_projects_page_show_target (BkPage      *page,
                              GVariant    *target,
                              const char **heading,
                              GError     **error)
{
  BkProjectsPage *self = BK_PROJECTS_PAGE (page);
  const char *id = target != NULL && g_variant_is_of_type (target, G_VARIANT_TYPE_STRING)
                   ? g_variant_get_string (target, NULL) : "";

  g_clear_pointer (&self->target, g_free);
  /* a project asked for by name is shown whatever was searched */
  if (id[0] != '\0')
    {
      self->target = g_strdup (id);
      if (find_card (self, id) == NULL)
        gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
    }
  fill (self);
  return TRUE;
}

static GVariant *
bk_projects_page_dup_target (BkPage *page)
{
  BkProjectsPage *self = BK_PROJECTS_PAGE (page);

  return g_variant_ref_sink (g_variant_new_string (self->target ? self->target : ""));
}

static gboolean
bk_projects_page_read_aloud (BkPage *page,
                             int     section)
{
  BkProjectsPage *self = BK_PROJECTS_PAGE (page);

  return bk_reader_start (self->reader, SECTION_ALL, SECTION_ALL, NULL) > 0;
}

/* A new visitor starts without the last one's search. */
static void
bk_projects_page_leave (BkPage *page)
{
  BkProjectsPage *self = BK_PROJECTS_PAGE (page);

  bk_reader_stop (self->reader);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
page_iface_init (BkPageInterface *iface)
{
  iface->dup_summary = bk_projects_page_dup_summary;
  iface->get_help_text = bk_projects_page_get_help_text;
  iface->show_target = bk_projects_page_show_target;
  iface->dup_target = bk_projects_page_dup_target;
  iface->read_aloud = bk_projects_page_read_aloud;
  iface->leave = bk_projects_page_leave;
}

/* The context arrives once, from the window. */
static void
set_context (BkProjectsPage *self,
             BkContext      *context)
{
  if (!g_set_object (&self->context, context) || context == NULL)
    return;
  g_set_object (&self->store, bk_context_get_store (context));
  g_set_object (&self->voice, bk_context_get_voice (context));
  g_set_object (&self->settings, bk_context_get_settings (context));
  bk_reader_set_voice (self->reader, self->voice);
  gtk_widget_set_visible (self->read_button, bk_voice_has_speech (self->voice));
  /* the easy-read summaries come and go with the setting */
  if (self->settings != NULL)
    g_signal_connect_object (self->settings, "notify::easy-read", G_CALLBACK (fill), self,
                             G_CONNECT_SWAPPED);
  fill (self);
}

BK_PAGE_DEFINE_CONTEXT_PROPERTY (BkProjectsPage, bk_projects_page, BK_PROJECTS_PAGE)

static void
bk_projects_page_dispose (GObject *object)
{
  BkProjectsPage *self = BK_PROJECTS_PAGE (object);

  if (self->reader != NULL)
    bk_reader_stop (self->reader);
  gtk_widget_dispose_template (GTK_WIDGET (self), BK_TYPE_PROJECTS_PAGE);
  bk_ui_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->reader);
  g_clear_object (&self->settings);
  g_clear_object (&self->voice);
  g_clear_object (&self->store);
  g_clear_object (&self->context);
  g_clear_pointer (&self->target, g_free);

  G_OBJECT_CLASS (bk_projects_page_parent_class)->dispose (object);
}

static void
bk_projects_page_class_init (BkProjectsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bk_projects_page_dispose;
  object_class->get_property = bk_projects_page_get_property;
  object_class->set_property = bk_projects_page_set_property;
  g_object_class_override_property (object_class, BK_PAGE_PROP_CONTEXT, "context");
  widget_class->grab_focus = bk_projects_page_grab_focus;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/buergerkiosk/Kiosk/ui/bk-projects-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, BkProjectsPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, BkProjectsPage, heading);
  gtk_widget_class_bind_template_child (widget_class, BkProjectsPage, read_button);
  gtk_widget_class_bind_template_child (widget_class, BkProjectsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, BkProjectsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, BkProjectsPage, projects_box);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, read_clicked_cb);
  gtk_widget_class_bind_template_callback_full (widget_class, "stop_search_cb",
                                                G_CALLBACK (bk_ui_stop_search_cb));
}

static void
bk_projects_page_init (BkProjectsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->reader = bk_reader_new (GTK_WIDGET (self), self->scroller, 1);
  bk_ui_set_content_language (GTK_WIDGET (self->projects_box), BK_VOICE_CONTENT_LANGUAGE);
  bk_ui_search_leads_to (self->search_entry, GTK_WIDGET (self->projects_box));
  bk_help_set_item_text (self->search_entry,
                         /* Translators: item help of the search field of the digital projects */
                         _("Type a word to find a digital project, for example Internet or Bürgerportal."));
}

GtkWidget *
bk_projects_page_new (void)
{
  return g_object_new (BK_TYPE_PROJECTS_PAGE, NULL);
}

GtkWidget *
bk_projects_page_get_search_entry (BkProjectsPage *self)
{
  g_return_val_if_fail (BK_IS_PROJECTS_PAGE (self), NULL);
  return self->search_entry;
}

guint
bk_projects_page_get_n_shown (BkProjectsPage *self)
{
  guint n = 0;

  g_return_val_if_fail (BK_IS_PROJECTS_PAGE (self), 0);
  for (GtkWidget *card = gtk_widget_get_first_child (GTK_WIDGET (self->projects_box));
       card != NULL; card = gtk_widget_get_next_sibling (card))
    n++;
  return n;
}

GtkWidget *
bk_projects_page_get_heading (BkProjectsPage *self,
                              const char     *id)
{
  GtkWidget *card;

  g_return_val_if_fail (BK_IS_PROJECTS_PAGE (self), NULL);
  card = find_card (self, id);
  return card != NULL ? gtk_widget_get_first_child (card) : NULL;
}

GtkWidget *
bk_projects_page_get_read_button (BkProjectsPage *self)
{
  g_return_val_if_fail (BK_IS_PROJECTS_PAGE (self), NULL);
  return self->read_button;
}
