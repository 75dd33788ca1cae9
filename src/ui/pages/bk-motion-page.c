/* bk-motion-page.c: one motion, readable from top to bottom
 *
 * Title, a card with the facts, what is asked (numbered points), why (the
 * justification), where and when it is discussed (a timeline where past
 * consultations are marked done and the next one is marked next, in words as
 * well as with a symbol) and the related papers.
 *
 * A motion synced from a council information system also says where it
 * comes from and how fresh that is ("Ratsinformationssystem Stadt Auenbach,
 * as of today 06:10"), its decision ("Decided on 12 November 2026 in the
 * Stadtrat"), and plainly when its full text is not available; a text not
 * fetched yet is asked for first, and the page fills in when it comes.
 *
 * With the easy-read setting on, a summary in Leichte Sprache comes first;
 * with it off, a button shows it. A motion without one written by hand gets
 * "Kurz erklärt", made from its facts and marked as made by the kiosk. Every section with words from the glossary
 * ends in a row of buttons that open the glossary at each word.
 *
 * Text blocks are selectable labels: that makes them reachable with the
 * keyboard, and the viewport scrolls them into view.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-motion-page"

#include "bk-config.h"

#include <glib/gi18n.h>

#include "bk-glossary.h"
#include "bk-help.h"
#include "bk-motion-easy.h"
#include "bk-motion-page-private.h"
#include "bk-motion-timeline.h"
#include "bk-outcome.h"
#include "bk-page.h"
#include "bk-store-projects.h"
#include "bk-store-sync.h"
#include "bk-reader.h"
#include "bk-terms-row.h"
#include "bk-ui.h"
#include "bk-voice.h"
#include "bk-wrap-layout.h"

/* Read aloud (BkReader): every section is a list of parts, labels in
 * reading order. */
typedef enum {
  SECTION_FACTS,      /* the subject and the facts */
  SECTION_POINTS,
  SECTION_WHY,
  SECTION_TIMELINE,
  SECTION_EASY,       /* the easy-read summary: read on its own only */
  N_SECTIONS
} Section;

/* "Read the whole motion" reads the motion's sections, facts to timeline. */
#define LAST_MOTION_SECTION SECTION_TIMELINE

/* Our words ("Submitted by") are read in the interface language. */
#define PART_CONTENT   BK_READER_PART_CONTENT
#define PART_INTERFACE BK_READER_PART_INTERFACE
#define PART_KEY       BK_READER_PART_KEY

typedef BkReaderPartKind PartKind;

struct _BkMotionPage
{
  GtkWidget          parent_instance;

  BkContext         *context;
  BkStore           *store;
  BkMotion          *motion;

  GtkScrolledWindow *scroller;
  GtkLabel          *title_label;
  GtkGrid           *facts_grid;
  GtkBox            *points_box;
  GtkBox            *justification_box;
  GtkBox            *timeline_box;
  GtkBox            *related_box;
  GtkWidget         *related_section;
  GtkBox            *projects_box;
  GtkLabel          *feedback_counts;
  GtkWidget         *feedback_section;
  GtkWidget         *feedback_button;
  GtkWidget         *points_heading;
  GtkWidget         *justification_heading;
  GtkWidget         *timeline_heading;
  GtkWidget         *read_all_button;
  GtkWidget         *read_facts_button;
  GtkWidget         *read_points_button;
  GtkWidget         *read_justification_button;
  GtkWidget         *read_timeline_button;
  GtkWidget         *easy_button;
  GtkWidget         *easy_section;
  GtkWidget         *easy_heading;
  GtkWidget         *read_easy_button;
  GtkBox            *easy_box;
  gboolean           easy_requested;      /* the button was pressed for this motion */

  BkVoice           *voice;
  BkSettings        *settings;
  BkReader          *reader;
  BkSyncService     *sync;
  BkPaperTextState   text_state;       /* of the motion shown */
};

static void page_iface_init (BkPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BkMotionPage, bk_motion_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (BK_TYPE_PAGE, page_iface_init))

static GtkWidget *
text_label_new (const char *text,
                const char *css_class)
{
  return bk_reader_text_label_new (text, css_class);
}

static void
append_terms_row (GtkBox     *box,
                  const char *text)
{
  GtkWidget *row = bk_terms_row_new (text);

  if (row != NULL)
    gtk_box_append (box, row);
}

static void
add_part (BkMotionPage *self,
          Section       section,
          GtkWidget    *label,
          PartKind      kind)
{
  bk_reader_add_part (self->reader, section, label, kind, NULL);
}

static GtkWidget *
readable_label_new (BkMotionPage *self,
                    Section       section,
                    const char   *text,
                    const char   *css_class,
                    PartKind      kind)
{
  return bk_reader_label_new (self->reader, section, text, css_class, kind, NULL);
}

static const char *
tristate_to_string (BkTristate value)
{
  switch (value)
    {
    case BK_TRISTATE_YES:
      return _("yes");
    case BK_TRISTATE_NO:
      return _("no");
    case BK_TRISTATE_UNKNOWN:
    default:
      return _("not stated");
    }
}

static void
add_fact (BkMotionPage *self,
          int          *row,
          const char   *key,
          const char   *value)
{
  g_autofree char *accessible = NULL;
  GtkWidget *key_label;
  GtkWidget *value_label;

  if (value == NULL || value[0] == '\0')
    return;

  key_label = gtk_label_new (key);
  gtk_label_set_xalign (GTK_LABEL (key_label), 0.0f);
  gtk_label_set_yalign (GTK_LABEL (key_label), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (key_label), TRUE);
  gtk_widget_add_css_class (key_label, "fact-key");

  add_part (self, SECTION_FACTS, key_label, PART_KEY);
  value_label = readable_label_new (self, SECTION_FACTS, value, "fact-value", PART_CONTENT);
  /* Translators: a fact read out as one, as in "Reference: 2026/123" */
  accessible = g_strdup_printf (_("%s: %s"), key, value);
  bk_ui_set_accessible (value_label, accessible, NULL);

  /* The name above its value, not beside it: at 300 % text a value beside
   * "Eingereicht von" has too little room and breaks its words. */
  {
    GtkWidget *pair = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

    gtk_box_append (GTK_BOX (pair), key_label);
    gtk_box_append (GTK_BOX (pair), value_label);
    gtk_widget_set_hexpand (pair, TRUE);
    gtk_grid_attach (self->facts_grid, pair, 0, *row, 1, 1);
  }
  (*row)++;
}

static void
fill_facts (BkMotionPage *self)
{
  g_autofree char *submitters = bk_motion_dup_submitter_names (self->motion);
  g_autofree char *signatories = bk_motion_dup_signatory_names (self->motion);
  g_autofree char *date = bk_ui_format_date (self->motion->date);
  int row = 0;

  bk_ui_unparent_children (GTK_WIDGET (self->facts_grid));

  add_fact (self, &row, _("Submitted by"), submitters);
  /* Translators: a fact of a motion: the people who signed it */
  add_fact (self, &row, _("Signed by"), signatories);
  add_fact (self, &row, _("Date"), date);
  add_fact (self, &row, _("Reference"), self->motion->reference);
  add_fact (self, &row, _("Type"), self->motion->type);
  add_fact (self, &row, _("Decided by"), self->motion->body);
  add_fact (self, &row, _("Public"), tristate_to_string (self->motion->is_public));
  {
    g_autofree char *decision = bk_motion_describe_decision (self->motion);

    /* Translators: a fact of a motion: its overall state, as in
     * "Decision: Decided on 12 November 2026 in the Stadtrat" */
    add_fact (self, &row, _("Decision"), decision);
  }
  if (self->store != NULL)
    {
      g_autofree char *source = NULL;
      g_autofree char *stand = NULL;
      g_autofree char *when = NULL;
      g_autofree char *text = NULL;

      if (bk_store_get_motion_origin (self->store, self->motion->id, &source, &stand))
        {
          when = bk_ui_format_freshness (stand);
          text = when != NULL
                 /* Translators: where a motion comes from and when that was last updated, as in
                  * "Ratsinformationssystem Stadt Auenbach, as of today 06:10" */
                 ? g_strdup_printf (_("%1$s, as of %2$s"), source, when)
                 : g_strdup (source);
          /* Translators: a fact of a motion: where it comes from */
          add_fact (self, &row, _("Source"), text);
        }
    }

  {
    g_autofree char *text = g_strjoin ("\n", self->motion->subject ? self->motion->subject : "",
                                       self->motion->type ? self->motion->type : "",
                                       self->motion->body ? self->motion->body : "",
                                       submitters ? submitters : "", NULL);
    GtkWidget *terms = bk_terms_row_new (text);

    if (terms != NULL)
      gtk_grid_attach (self->facts_grid, terms, 0, row, 1, 1);
  }
}

/* For a synced paper without points or reasons: why, in plain words; NULL
 * when the motion's own record is all there is (a text import). */
static const char *
text_missing_message (BkMotionPage *self)
{
  switch (self->text_state)
    {
    case BK_PAPER_TEXT_PENDING:
      return _("The full text of this paper is being fetched from the council information system.");
    case BK_PAPER_TEXT_UNREADABLE:
    case BK_PAPER_TEXT_DELETED:
    case BK_PAPER_TEXT_FAILED:
      return _("The full text of this paper is not available here. Its facts and where it is "
               "discussed are shown.");
    case BK_PAPER_TEXT_OK:
    case BK_PAPER_TEXT_NONE:
    default:
      if (self->motion->oparl_id != NULL && self->store != NULL &&
          bk_store_get_motion_origin (self->store, self->motion->id, NULL, NULL))
        return _("The full text of this paper is not available here. Its facts and where it is "
                 "discussed are shown.");
      return NULL;
    }
}

static GtkWidget *
numbered_new (BkMotionPage *self,
              const char   *number,
              const char   *text,
              const char   *css_class)
{
  g_autofree char *accessible = NULL;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *number_label = gtk_label_new (number);
  GtkWidget *text_label;

  add_part (self, SECTION_POINTS, number_label, PART_CONTENT);
  text_label = readable_label_new (self, SECTION_POINTS, text, css_class, PART_CONTENT);

  gtk_label_set_yalign (GTK_LABEL (number_label), 0.0f);
  gtk_label_set_xalign (GTK_LABEL (number_label), 1.0f);
  gtk_widget_add_css_class (number_label, "point-number");
  gtk_accessible_update_state (GTK_ACCESSIBLE (number_label),
                               GTK_ACCESSIBLE_STATE_HIDDEN, TRUE,
                               -1);

  accessible = g_strdup_printf ("%s %s", number, text);
  bk_ui_set_accessible (text_label, accessible, NULL);

  gtk_box_append (GTK_BOX (box), number_label);
  gtk_box_append (GTK_BOX (box), text_label);

  return box;
}

static void
fill_points (BkMotionPage *self)
{
  GPtrArray *points = self->motion->resolution_points;

  bk_ui_unparent_children (GTK_WIDGET (self->points_box));
  add_part (self, SECTION_POINTS, self->points_heading, PART_INTERFACE);

  if (points == NULL || points->len == 0)
    {
      const char *missing = text_missing_message (self);

      gtk_box_append (self->points_box,
                      readable_label_new (self, SECTION_POINTS,
                                          missing != NULL ? missing : _("The motion does not list any points."),
                                          NULL, PART_INTERFACE));
      return;
    }

  for (guint i = 0; i < points->len; i++)
    {
      BkResolutionPoint *point = g_ptr_array_index (points, i);
      g_autofree char *number = g_strdup_printf ("%u.", i + 1);
      GtkWidget *point_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

      gtk_widget_add_css_class (point_box, "point");
      gtk_box_append (GTK_BOX (point_box), numbered_new (self, number, point->text, "point-text"));

      for (guint j = 0; point->subpoints != NULL && j < point->subpoints->len; j++)
        {
          g_autofree char *letter = NULL;
          GtkWidget *sub;

          if (j < 26)
            letter = g_strdup_printf ("%c)", 'a' + j);
          else
            letter = g_strdup_printf ("%u)", j + 1);

          sub = numbered_new (self, letter, g_ptr_array_index (point->subpoints, j), "subpoint-text");
          gtk_widget_add_css_class (sub, "subpoint");
          gtk_box_append (GTK_BOX (point_box), sub);
        }

      gtk_box_append (self->points_box, point_box);
    }

  {
    g_autofree char *text = bk_motion_dup_resolution_text (self->motion);

    append_terms_row (self->points_box, text);
  }
}

static void
fill_justification (BkMotionPage *self)
{
  g_auto(GStrv) paragraphs = NULL;
  guint shown = 0;

  bk_ui_unparent_children (GTK_WIDGET (self->justification_box));
  add_part (self, SECTION_WHY, self->justification_heading, PART_INTERFACE);

  if (self->motion->justification != NULL)
    paragraphs = g_strsplit (self->motion->justification, "\n\n", -1);

  for (guint i = 0; paragraphs != NULL && paragraphs[i] != NULL; i++)
    {
      g_autofree char *text = g_strstrip (g_strdup (paragraphs[i]));

      if (text[0] == '\0')
        continue;

      gtk_box_append (self->justification_box,
                      readable_label_new (self, SECTION_WHY, text, "paragraph", PART_CONTENT));
      shown++;
    }

  if (shown == 0)
    {
      const char *missing = text_missing_message (self);

      gtk_box_append (self->justification_box,
                      readable_label_new (self, SECTION_WHY,
                                          missing != NULL ? missing : _("The motion gives no reasons."),
                                          NULL, PART_INTERFACE));
    }
  else
    append_terms_row (self->justification_box, self->motion->justification);
}

static void
fill_timeline (BkMotionPage *self)
{
  g_autofree char *text = NULL;

  bk_reader_add_part (self->reader, SECTION_TIMELINE, self->timeline_heading, PART_INTERFACE, NULL);
  text = bk_motion_timeline_fill (self->timeline_box, self->motion, self->reader, SECTION_TIMELINE);
  append_terms_row (self->timeline_box, text);
}

static gboolean
easy_read_on (BkMotionPage *self)
{
  return self->settings != NULL && bk_settings_get_boolean (self->settings, "easy-read");
}

/* The summary shows with the setting on, or after the button. Every motion
 * has one: written by hand where the paper brings it, else "Kurz erklärt",
 * made from its facts (bk-motion-easy). */
static void
update_easy (BkMotionPage *self)
{
  gboolean on = easy_read_on (self);
  gboolean shown = self->motion != NULL && (on || self->easy_requested);

  gtk_widget_set_visible (self->easy_section, shown);
  gtk_widget_set_visible (self->easy_button, self->motion != NULL && !shown);
  gtk_widget_set_visible (self->read_easy_button,
                          shown && self->voice != NULL && bk_voice_has_speech (self->voice));
}

static void
fill_easy (BkMotionPage *self)
{
  g_auto(GStrv) paragraphs = NULL;
  g_autofree char *generated = NULL;
  gboolean by_hand = self->motion->easy_summary != NULL;
  const char *heading = by_hand ? _("In easy-read language") : _("Briefly explained");
  g_autofree char *read_label = g_strdup_printf (_("Read aloud: %s"), heading);
  const char *summary;

  bk_ui_unparent_children (GTK_WIDGET (self->easy_box));
  gtk_label_set_text (GTK_LABEL (self->easy_heading), heading);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->read_easy_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, read_label, -1);
  add_part (self, SECTION_EASY, self->easy_heading, PART_INTERFACE);

  if (by_hand)
    summary = self->motion->easy_summary;
  else
    {
      GtkWidget *note;

      generated = bk_motion_easy_generate (self->motion, NULL);
      summary = generated;
      /* said first, so that nobody takes it for the council's wording */
      note = readable_label_new (self, SECTION_EASY,
                                 _("Written automatically – not the council’s wording"),
                                 "easy-generated", PART_INTERFACE);
      gtk_box_append (self->easy_box, note);
    }
  paragraphs = g_strsplit (summary, "\n\n", -1);

  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_autofree char *text = g_strstrip (g_strdup (paragraphs[i]));
      GtkWidget *label;

      if (text[0] == '\0')
        continue;

      label = readable_label_new (self, SECTION_EASY, text, "paragraph", PART_CONTENT);
      gtk_widget_add_css_class (label, "easy-read");
      gtk_box_append (self->easy_box, label);
    }
  append_terms_row (self->easy_box, summary);

  update_easy (self);
}

static void
easy_clicked_cb (BkMotionPage *self,
                 GtkButton    *button)
{
  GtkWidget *first;

  self->easy_requested = TRUE;
  update_easy (self);

  /* The button is gone: the focus goes to what it showed. */
  first = gtk_widget_get_first_child (GTK_WIDGET (self->easy_box));
  if (first != NULL)
    gtk_widget_grab_focus (first);
}

static gboolean
related_activate_link_cb (GtkLinkButton *button,
                          BkMotionPage  *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "bk-motion-id"));

  if (id > 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.open-motion", "x", id);

  /* Handled: never hand the made-up URI to the system. */
  return TRUE;
}

/* "Digital project: Gemeinsames digitales Bürgerportal", a button to each
 * project that names this motion by its reference (bk-store-projects.c). */
static void
fill_projects (BkMotionPage *self)
{
  g_autoptr(GPtrArray) projects = NULL;

  bk_ui_unparent_children (GTK_WIDGET (self->projects_box));
  if (self->store != NULL)
    projects = bk_store_list_projects_for_reference (self->store, self->motion->reference, NULL);
  for (guint i = 0; projects != NULL && i < projects->len; i++)
    {
      const BkProject *p = g_ptr_array_index (projects, i);
      /* Translators: a button on a motion to the digital project behind it */
      g_autofree char *text = g_strdup_printf (_("Digital project: %s"), p->title);
      GtkWidget *button = gtk_button_new ();

      gtk_button_set_child (GTK_BUTTON (button), bk_ui_wrap_label_new (text, NULL));
      gtk_widget_set_halign (button, GTK_ALIGN_FILL);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.show-projects");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_string (p->id));
      gtk_widget_add_css_class (button, "project-link");
      /* Translators: what the button to a motion's digital project does */
      bk_ui_set_accessible (button, text, _("Shows where this digital project stands"));
      gtk_box_append (self->projects_box, button);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->projects_box), projects != NULL && projects->len > 0);
}

static void
fill_related (BkMotionPage *self)
{
  GPtrArray *references = self->motion->related_references;
  guint shown = 0;

  bk_ui_unparent_children (GTK_WIDGET (self->related_box));

  for (guint i = 0; references != NULL && i < references->len; i++)
    {
      const char *reference = g_ptr_array_index (references, i);
      g_autoptr(BkMotionSummary) summary = NULL;
      gint64 id = 0;

      if (reference == NULL || reference[0] == '\0')
        continue;

      if (self->store != NULL)
        id = bk_store_find_motion_by_reference (self->store, reference);
      if (id > 0 && id != self->motion->id)
        summary = bk_store_load_summary (self->store, id, NULL);

      if (summary != NULL)
        {
          g_autofree char *text = NULL;
          g_autofree char *uri = g_strdup_printf ("bk-motion:%" G_GINT64_FORMAT, id);
          GtkWidget *link;
          GtkWidget *label;

          if (summary->subject != NULL && summary->subject[0] != '\0')
            /* Translators: a related paper: its reference, then its subject */
            text = g_strdup_printf (_("%s: %s"), reference, summary->subject);
          else
            text = g_strdup (reference);

          label = bk_ui_wrap_label_new (text, NULL);

          link = gtk_link_button_new (uri);
          gtk_button_set_child (GTK_BUTTON (link), label);
          /* Full width, or the wrapping label breaks after a few words. */
          gtk_widget_set_halign (link, GTK_ALIGN_FILL);
          gtk_widget_set_has_tooltip (link, FALSE);
          gtk_widget_add_css_class (link, "related-link");
          g_object_set_data (G_OBJECT (link), "bk-motion-id", GSIZE_TO_POINTER ((gsize)id));
          bk_ui_set_accessible (link, text, _("Opens this motion"));
          g_signal_connect_object (link, "activate-link",
                                   G_CALLBACK (related_activate_link_cb), self, 0);

          gtk_box_append (self->related_box, link);
        }
      else
        {
          g_autofree char *text = NULL;

          /* Translators: a related paper that the kiosk does not have */
          text = g_strdup_printf (_("%s (not available here)"), reference);
          gtk_box_append (self->related_box, text_label_new (text, "related-missing"));
        }

      shown++;
    }

  gtk_widget_set_visible (self->related_section, shown > 0);
}

/* ---- read aloud ---------------------------------------------------------- */

static void
start_reading (BkMotionPage *self,
               Section       first,
               Section       last,
               GtkLabel     *from)
{
  if (self->motion != NULL)
    bk_reader_start (self->reader, first, last, from);
}

static Section
section_of_button (BkMotionPage *self,
                   GtkWidget    *button)
{
  if (button == self->read_points_button)
    return SECTION_POINTS;
  if (button == self->read_justification_button)
    return SECTION_WHY;
  if (button == self->read_timeline_button)
    return SECTION_TIMELINE;
  if (button == self->read_easy_button)
    return SECTION_EASY;

  return SECTION_FACTS;
}

static void
read_section_clicked_cb (BkMotionPage *self,
                         GtkButton    *button)
{
  Section section = section_of_button (self, GTK_WIDGET (button));

  start_reading (self, section, section, NULL);
}

static void
read_all_clicked_cb (BkMotionPage *self,
                     GtkButton    *button)
{
  start_reading (self, SECTION_FACTS, LAST_MOTION_SECTION, NULL);
}

static gboolean
bk_motion_page_grab_focus (GtkWidget *widget)
{
  BkMotionPage *self = BK_MOTION_PAGE (widget);

  return gtk_widget_grab_focus (GTK_WIDGET (self->title_label));
}

static void
bk_motion_page_dispose (GObject *object)
{
  BkMotionPage *self = (BkMotionPage *)object;

  g_clear_object (&self->reader);
  g_clear_object (&self->voice);
  if (self->sync != NULL)
    g_signal_handlers_disconnect_by_data (self->sync, self);
  g_clear_object (&self->sync);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), BK_TYPE_MOTION_PAGE);
  bk_ui_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->store);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (bk_motion_page_parent_class)->dispose (object);
}

static void
bk_motion_page_finalize (GObject *object)
{
  BkMotionPage *self = (BkMotionPage *)object;

  g_clear_pointer (&self->motion, bk_motion_free);

  G_OBJECT_CLASS (bk_motion_page_parent_class)->finalize (object);
}

/* The voice reads the sections aloud; without speech the buttons are hidden. */
static void
apply_voice (BkMotionPage *self,
             BkVoice      *voice)
{
  GtkWidget *buttons[] = {
    self->read_all_button, self->read_facts_button, self->read_points_button,
    self->read_justification_button, self->read_timeline_button,
  };
  gboolean can_read;

  g_set_object (&self->voice, voice);
  bk_reader_set_voice (self->reader, voice);

  can_read = voice != NULL && bk_voice_has_speech (voice);
  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    gtk_widget_set_visible (buttons[i], can_read);

  /* The easy-read setting comes with the voice's settings. */
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);
  if (voice != NULL && bk_voice_get_settings (voice) != NULL)
    self->settings = g_object_ref (bk_voice_get_settings (voice));
  if (self->settings != NULL)
    g_signal_connect_object (self->settings, "notify::easy-read",
                             G_CALLBACK (update_easy), self, G_CONNECT_SWAPPED);
  update_easy (self);
}

/* ---- BkPage -------------------------------------------------------------- */

static char *
bk_motion_page_dup_summary (BkPage *page)
{
  BkMotionPage *self = BK_MOTION_PAGE (page);

  /* Translators: spoken when a motion is shown: its subject, then what is
   * on the page */
  return g_strdup_printf (_("Motion: %s. Facts, what is asked, why, and where and when it is discussed."),
                          gtk_label_get_text (self->title_label));
}

static const char *
bk_motion_page_get_help_text (BkPage *page)
{
  /* Translators: help for the page of one council motion */
  return _("This screen shows one council motion: who asks for it, what is asked, "
           "the reasons, and where it is discussed. "
           "Press Back to return to the list.");
}

/* target: the motion's id (x); NULL keeps the motion shown. */
static gboolean
bk_motion_page_show_target (BkPage      *page,
                            GVariant    *target,
                            const char **heading,
                            GError     **error)
{
  BkMotionPage *self = BK_MOTION_PAGE (page);

  if (target == NULL || !g_variant_is_of_type (target, G_VARIANT_TYPE_INT64))
    return TRUE;
  if (!bk_motion_page_show_motion (self, g_variant_get_int64 (target), error))
    {
      /* Translators: heading of the error page */
      *heading = _("This motion cannot be shown");
      return FALSE;
    }
  return TRUE;
}

static GVariant *
bk_motion_page_dup_target (BkPage *page)
{
  BkMotionPage *self = BK_MOTION_PAGE (page);

  return self->motion ? g_variant_ref_sink (g_variant_new_int64 (self->motion->id)) : NULL;
}

/* A section (0: subject and facts, 1: what is asked, 2: why,
 * 3: timeline, 4: the easy-read summary), or the whole motion for -1. */
static gboolean
bk_motion_page_read_aloud (BkPage *page,
                           int     section)
{
  BkMotionPage *self = BK_MOTION_PAGE (page);

  if (section < 0 || section >= N_SECTIONS)
    start_reading (self, SECTION_FACTS, LAST_MOTION_SECTION, NULL);
  else
    start_reading (self, section, section, NULL);
  return TRUE;
}

/* Feedback started here is about this motion. */
static void
bk_motion_page_fill_form_context (BkPage        *page,
                                  BkFormContext *context)
{
  BkMotionPage *self = BK_MOTION_PAGE (page);

  if (self->motion == NULL)
    return;
  context->motion_id = self->motion->id;
  context->motion_title = gtk_label_get_text (self->title_label);
}

static void
page_iface_init (BkPageInterface *iface)
{
  iface->dup_summary = bk_motion_page_dup_summary;
  iface->get_help_text = bk_motion_page_get_help_text;
  iface->show_target = bk_motion_page_show_target;
  iface->dup_target = bk_motion_page_dup_target;
  iface->read_aloud = bk_motion_page_read_aloud;
  iface->fill_form_context = bk_motion_page_fill_form_context;
}

/* The motion shown again with what the sync brought, where the citizen was. */
static void
reload (BkMotionPage *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  double position = gtk_adjustment_get_value (adjustment);

  if (self->motion == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  if (bk_motion_page_show_motion (self, self->motion->id, NULL))
    gtk_adjustment_set_value (adjustment, position);
}

static void
text_ready_cb (BkMotionPage *self,
               const char   *paper_oparl_id)
{
  if (self->motion != NULL && g_strcmp0 (self->motion->oparl_id, paper_oparl_id) == 0)
    reload (self);
}

static void
sync_finished_cb (BkMotionPage *self,
                  gboolean      changed)
{
  if (changed)
    reload (self);
}

/* The context arrives once, from the window. */
static void
set_context (BkMotionPage *self,
             BkContext *context)
{
  if (!g_set_object (&self->context, context) || context == NULL)
    return;
  g_set_object (&self->store, bk_context_get_store (context));
  apply_voice (self, bk_context_get_voice (context));
  if (g_set_object (&self->sync, bk_context_get_sync (context)) && self->sync != NULL)
    {
      g_signal_connect_object (self->sync, "text-ready", G_CALLBACK (text_ready_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->sync, "finished", G_CALLBACK (sync_finished_cb), self, G_CONNECT_SWAPPED);
    }
}

BK_PAGE_DEFINE_CONTEXT_PROPERTY (BkMotionPage, bk_motion_page, BK_MOTION_PAGE)

static void
bk_motion_page_class_init (BkMotionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bk_motion_page_dispose;
  object_class->get_property = bk_motion_page_get_property;
  object_class->set_property = bk_motion_page_set_property;
  g_object_class_override_property (object_class, BK_PAGE_PROP_CONTEXT, "context");
  object_class->finalize = bk_motion_page_finalize;
  widget_class->grab_focus = bk_motion_page_grab_focus;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/buergerkiosk/Kiosk/ui/bk-motion-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, BkMotionPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, BkMotionPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, BkMotionPage, facts_grid);
  gtk_widget_class_bind_template_child (widget_class, BkMotionPage, points_box);
  gtk_widget_class_bind_template_child (widget_class, BkMotionPage, justification_box);
  gtk_widget_class_bind_template_child (widget_class, BkMotionPage, timeline_box);
  gtk_widget_class_bind_template_child (widget_class, BkMotionPage, related_box);
  gtk_widget_class_bind_template_child (widget_class, BkMotionPage, related_section);
  gtk_widget_class_bind_template_child (widget_class, BkMotionPage, feedback_counts);
  gtk_widget_class_bind_template_child (widget_class, BkMotionPage, feedback_section);
  gtk_widget_class_bind_template_child (widget_class, BkMotionPage, feedback_button);
  gtk_widget_class_bind_template_child (widget_class, BkMotionPage, points_heading);
  gtk_widget_class_bind_template_child (widget_class, BkMotionPage, justification_heading);
  gtk_widget_class_bind_template_child (widget_class, BkMotionPage, timeline_heading);
  gtk_widget_class_bind_template_child (widget_class, BkMotionPage, read_all_button);
  gtk_widget_class_bind_template_child (widget_class, BkMotionPage, read_facts_button);
  gtk_widget_class_bind_template_child (widget_class, BkMotionPage, read_points_button);
  gtk_widget_class_bind_template_child (widget_class, BkMotionPage, read_justification_button);
  gtk_widget_class_bind_template_child (widget_class, BkMotionPage, read_timeline_button);
  gtk_widget_class_bind_template_child (widget_class, BkMotionPage, easy_button);
  gtk_widget_class_bind_template_child (widget_class, BkMotionPage, easy_section);
  gtk_widget_class_bind_template_child (widget_class, BkMotionPage, easy_heading);
  gtk_widget_class_bind_template_child (widget_class, BkMotionPage, read_easy_button);
  gtk_widget_class_bind_template_child (widget_class, BkMotionPage, easy_box);
  gtk_widget_class_bind_template_child (widget_class, BkMotionPage, projects_box);
  gtk_widget_class_bind_template_callback (widget_class, easy_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, read_section_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, read_all_clicked_cb);
}

static void
bk_motion_page_init (BkMotionPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The motion's own words; the headings and buttons are the interface's. */
  bk_ui_set_content_language (GTK_WIDGET (self->title_label), BK_VOICE_CONTENT_LANGUAGE);
  bk_ui_set_content_language (GTK_WIDGET (self->facts_grid), BK_VOICE_CONTENT_LANGUAGE);
  bk_ui_set_content_language (GTK_WIDGET (self->points_box), BK_VOICE_CONTENT_LANGUAGE);
  bk_ui_set_content_language (GTK_WIDGET (self->justification_box), BK_VOICE_CONTENT_LANGUAGE);
  bk_ui_set_content_language (GTK_WIDGET (self->timeline_box), BK_VOICE_CONTENT_LANGUAGE);
  bk_ui_set_content_language (GTK_WIDGET (self->easy_box), BK_VOICE_CONTENT_LANGUAGE);

  self->reader = bk_reader_new (GTK_WIDGET (self), self->scroller, N_SECTIONS);

  bk_help_set_item_text (self->read_all_button,
                         /* Translators: item help of the button that reads the whole motion */
                         _("Reads the whole motion aloud, from the start."));
  for (int section = SECTION_FACTS; section <= SECTION_TIMELINE; section++)
    bk_help_set_item_text (bk_motion_page_get_read_button (self, section),
                           /* Translators: item help of a Read aloud button of one part of a motion */
                           _("Reads this part of the motion aloud."));
}

GtkWidget *
bk_motion_page_new (void)
{
  return g_object_new (BK_TYPE_MOTION_PAGE, NULL);
}

static void fill_feedback_counts (BkMotionPage *self);

/* The counts are shown for motions of public sessions only: what a
 * closed session discusses is not for the public, its echo neither. An
 * opinion is asked only while the motion is undecided. */
static void
fill_feedback (BkMotionPage *self)
{
  gboolean decided = bk_motion_is_decided (self->motion, NULL);

  gtk_widget_set_visible (self->feedback_button, !decided);
  fill_feedback_counts (self);
  gtk_widget_set_visible (self->feedback_section,
                          !decided || gtk_widget_get_visible (GTK_WIDGET (self->feedback_counts)));
}

static void
fill_feedback_counts (BkMotionPage *self)
{
  BkFeedbackCounts counts = { 0, };
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *agree = NULL;
  g_autofree char *disagree = NULL;
  g_autofree char *comments = NULL;

  if (self->motion->is_public != BK_TRISTATE_YES ||
      !bk_store_get_motion_feedback (self->store, self->motion->id, &counts, &error))
    {
      if (error != NULL)
        g_warning ("Feedback counts of motion %" G_GINT64_FORMAT ": %s", self->motion->id, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->feedback_counts), FALSE);
      return;
    }

  agree = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u agrees", "%u agree", counts.agree), counts.agree);
  disagree = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u disagrees", "%u disagree", counts.disagree),
                              counts.disagree);
  comments = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u comment", "%u comments", counts.comments),
                              counts.comments);
  /* Translators: feedback counts on a motion: “12 agree, 3 disagree, 5 comments” */
  text = g_strdup_printf (_("So far: %s, %s, %s."), agree, disagree, comments);
  gtk_label_set_text (self->feedback_counts, text);
  gtk_widget_set_visible (GTK_WIDGET (self->feedback_counts), TRUE);
}

gboolean
bk_motion_page_show_motion (BkMotionPage  *self,
                            gint64         id,
                            GError       **error)
{
  g_autoptr(BkMotion) motion = NULL;
  const char *subject;

  g_return_val_if_fail (BK_IS_MOTION_PAGE (self), FALSE);

  if (self->store == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                           _("No motions database is open."));
      return FALSE;
    }

  motion = bk_store_load_motion (self->store, id, error);
  if (motion == NULL)
    return FALSE;

  bk_reader_clear (self->reader);

  g_clear_pointer (&self->motion, bk_motion_free);
  self->motion = g_steal_pointer (&motion);
  self->text_state = bk_store_get_motion_text_state (self->store, id, NULL);
  /* not fetched yet: before anything else in the sync's queue */
  if (self->text_state == BK_PAPER_TEXT_PENDING && self->sync != NULL)
    bk_sync_service_request_text (self->sync, self->motion->oparl_id);

  subject = self->motion->subject;
  if (subject == NULL || subject[0] == '\0')
    subject = _("Motion without a subject");
  gtk_label_set_text (self->title_label, subject);
  bk_ui_set_accessible (GTK_WIDGET (self->title_label), subject, NULL);
  add_part (self, SECTION_FACTS, GTK_WIDGET (self->title_label), PART_CONTENT);

  fill_facts (self);
  fill_points (self);
  fill_justification (self);
  fill_timeline (self);
  fill_related (self);
  fill_projects (self);
  fill_feedback (self);
  self->easy_requested = FALSE;
  fill_easy (self);

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);

  return TRUE;
}

gint64
bk_motion_page_get_motion_id (BkMotionPage *self)
{
  g_return_val_if_fail (BK_IS_MOTION_PAGE (self), 0);

  return self->motion ? self->motion->id : 0;
}

const char *
bk_motion_page_get_title (BkMotionPage *self)
{
  g_return_val_if_fail (BK_IS_MOTION_PAGE (self), NULL);

  return gtk_label_get_text (self->title_label);
}

/* Reads from the label that shows paragraph to the end of its section, as
 * Enter or a tap on it does. FALSE if it is not a readable text. */
gboolean
bk_motion_page_read_from (BkMotionPage *self,
                          GtkWidget    *paragraph)
{
  guint section;

  g_return_val_if_fail (BK_IS_MOTION_PAGE (self), FALSE);

  if (!GTK_IS_LABEL (paragraph) || !bk_reader_find_part (self->reader, GTK_LABEL (paragraph), &section))
    return FALSE;

  start_reading (self, section, section, GTK_LABEL (paragraph));
  return bk_reader_get_reading_id (self->reader) != 0;
}

/* The utterance being read aloud, 0 when none. */
guint
bk_motion_page_get_reading_id (BkMotionPage *self)
{
  g_return_val_if_fail (BK_IS_MOTION_PAGE (self), 0);

  return bk_reader_get_reading_id (self->reader);
}

/* The highlighted word: its label and byte range; FALSE when none. */
gboolean
bk_motion_page_get_highlight (BkMotionPage  *self,
                              GtkLabel     **label,
                              int           *start,
                              int           *end)
{
  g_return_val_if_fail (BK_IS_MOTION_PAGE (self), FALSE);

  return bk_reader_get_highlight (self->reader, label, start, end);
}

GtkWidget *
bk_motion_page_get_read_button (BkMotionPage *self,
                                int           section)
{
  g_return_val_if_fail (BK_IS_MOTION_PAGE (self), NULL);

  switch (section)
    {
    case SECTION_FACTS: return self->read_facts_button;
    case SECTION_POINTS: return self->read_points_button;
    case SECTION_WHY: return self->read_justification_button;
    case SECTION_TIMELINE: return self->read_timeline_button;
    case SECTION_EASY: return self->read_easy_button;
    default: return self->read_all_button;
    }
}

/* The "Easy-read summary" button, shown while the setting is off. */
GtkWidget *
bk_motion_page_get_easy_button (BkMotionPage *self)
{
  g_return_val_if_fail (BK_IS_MOTION_PAGE (self), NULL);

  return self->easy_button;
}

/* Whether the easy-read section (summary or "none yet") is shown. */
gboolean
bk_motion_page_get_easy_summary_visible (BkMotionPage *self)
{
  g_return_val_if_fail (BK_IS_MOTION_PAGE (self), FALSE);

  return gtk_widget_get_visible (self->easy_section);
}

GtkWidget *
bk_motion_page_get_feedback_label (BkMotionPage *self)
{
  g_return_val_if_fail (BK_IS_MOTION_PAGE (self), NULL);

  return GTK_WIDGET (self->feedback_counts);
}
