/* bk-meetings-page.c: the meeting calendar ("Sitzungen")
 *
 * The meetings of all councils the kiosk knows, in two parts: the next
 * weeks (each with its public agenda; an agenda item leads to its paper)
 * and the last weeks (each agenda item with what was decided, in words and
 * a symbol, and the votes where the result gives them). A cancelled
 * meeting says so in words. Where the meetings come from and how fresh
 * they are is said at the top. Items of the non-public part are only
 * counted. Every text joins the read-aloud section of its part; the paper
 * buttons are actions (win.open-motion), so touch, keys, the EZ keypad and
 * switch scanning reach them alike.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-meetings-page"

#include "bk-config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "bk-help.h"
#include "bk-meetings-page-private.h"
#include "bk-outcome.h"
#include "bk-page.h"
#include "bk-reader.h"
#include "bk-store-meetings.h"
#include "bk-ui.h"
#include "bk-voice.h"

/* The next weeks, and the last ones */
#define UPCOMING_DAYS 56
#define PAST_DAYS 42
#define MAX_UPCOMING 20
#define MAX_PAST 10
/* When nothing is planned in the next weeks: the next ones after that */
#define FALLBACK_UPCOMING 5

typedef enum {
  SECTION_UPCOMING,
  SECTION_PAST,
  N_SECTIONS
} Section;

struct _BkMeetingsPage
{
  GtkWidget          parent_instance;

  BkContext         *context;
  BkStore           *store;
  BkVoice           *voice;
  BkReader          *reader;
  char              *today;            /* for tests; NULL: the clock */
  guint              n_upcoming;
  guint              n_past;

  GtkScrolledWindow *scroller;
  GtkLabel          *title_label;
  GtkLabel          *sources_label;
  GtkWidget         *upcoming_heading;
  GtkWidget         *past_heading;
  GtkWidget         *upcoming_box;
  GtkWidget         *past_box;
  GtkWidget         *read_upcoming_button;
  GtkWidget         *read_past_button;
};

static void page_iface_init (BkPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BkMeetingsPage, bk_meetings_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (BK_TYPE_PAGE, page_iface_init))

static char *
dup_day (BkMeetingsPage *self,
         int             offset)
{
  g_autofree char *today = self->today != NULL ? g_strdup (self->today) : bk_ui_dup_today ();
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) day = NULL;
  g_autoptr(GDateTime) moved = NULL;
  int y, m, d;

  if (sscanf (today, "%4d-%2d-%2d", &y, &m, &d) != 3)
    return g_strdup (today);
  day = g_date_time_new (utc, y, m, d, 12, 0, 0);
  moved = g_date_time_add_days (day, offset);
  return g_date_time_format (moved, "%Y-%m-%d");
}

static GtkWidget *
text_new (BkMeetingsPage   *self,
          Section           section,
          const char       *text,
          const char       *css_class,
          BkReaderPartKind  kind)
{
  return bk_reader_label_new (self->reader, section, text, css_class, kind, NULL);
}

static void
append_with (GString    *text,
             const char *part)
{
  if (part == NULL || part[0] == '\0')
    return;
  if (text->len > 0)
    g_string_append (text, " · ");
  g_string_append (text, part);
}

/* What the meeting did with an item: a symbol (not read: the words are)
 * and the words, with the votes. */
static GtkWidget *
result_new (BkMeetingsPage      *self,
            const BkAgendaEntry *entry)
{
  const char *words = bk_outcome_get_words (entry->outcome);
  g_autofree char *votes = bk_votes_describe (&entry->votes);
  g_autoptr(GString) text = g_string_new (NULL);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name (bk_outcome_get_icon_name (entry->outcome));
  GtkWidget *label;

  /* Translators: what a meeting did with an agenda item, as in "Result: decided · 21 yes, 4 no" */
  g_string_append_printf (text, _("Result: %s"), words != NULL ? words : entry->result);
  append_with (text, votes);
  gtk_widget_add_css_class (icon, "bk-icon-24");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_add_css_class (icon, "meeting-result-icon");
  gtk_accessible_update_state (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  label = text_new (self, SECTION_PAST, text->str, "meeting-result", BK_READER_PART_INTERFACE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (row), icon);
  gtk_box_append (GTK_BOX (row), label);
  return row;
}

/* The paper an agenda item deals with, as a button that opens it. */
static GtkWidget *
paper_button_new (const BkAgendaEntry *entry)
{
  g_autofree char *text = NULL;
  g_autofree char *name = NULL;
  GtkWidget *button;

  text = entry->reference != NULL && entry->subject != NULL
         /* Translators: a paper: its reference, then its subject */
         ? g_strdup_printf (_("%s: %s"), entry->reference, entry->subject)
         : g_strdup (entry->subject != NULL ? entry->subject : entry->reference);
  /* Translators: the name of a button that opens the paper of an agenda item */
  name = g_strdup_printf (_("Open the paper: %s"), text);
  button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (button), bk_ui_wrap_label_new (text, NULL));
  gtk_widget_set_halign (button, GTK_ALIGN_FILL);
  gtk_widget_add_css_class (button, "related-link");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.open-motion");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (entry->motion_id));
  bk_ui_set_accessible (button, name, NULL);
  /* Translators: item help of a paper button in the meeting calendar */
  bk_help_set_item_text (button, _("Opens the paper dealt with under this item: what is asked, why, and "
                                   "where it is discussed."));
  bk_ui_set_content_language (button, BK_VOICE_CONTENT_LANGUAGE);
  return button;
}

static GtkWidget *
agenda_item_new (BkMeetingsPage      *self,
                 Section              section,
                 const BkAgendaEntry *entry)
{
  /* the number above the name, not beside it: at 300 % a long German word
   * needs the whole width */
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  g_autofree char *number = NULL;
  g_autofree char *accessible = NULL;
  GtkWidget *number_label;
  GtkWidget *name_label;

  gtk_widget_add_css_class (row, "agenda-item");
  /* Translators: an agenda item's number ("TOP 3") */
  number = entry->number != NULL ? g_strdup_printf (_("Item %s"), entry->number) : NULL;
  if (number != NULL)
    {
      number_label = gtk_label_new (number);
      gtk_label_set_yalign (GTK_LABEL (number_label), 0.0f);
      gtk_label_set_xalign (GTK_LABEL (number_label), 0.0f);
      gtk_widget_add_css_class (number_label, "agenda-number");
      bk_reader_add_part (self->reader, section, number_label, BK_READER_PART_INTERFACE, NULL);
      gtk_accessible_update_state (GTK_ACCESSIBLE (number_label), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      gtk_box_append (GTK_BOX (row), number_label);
    }
  name_label = text_new (self, section, entry->name != NULL ? entry->name : "", "agenda-name",
                         BK_READER_PART_CONTENT);
  bk_ui_set_content_language (name_label, BK_VOICE_CONTENT_LANGUAGE);
  accessible = number != NULL ? g_strdup_printf ("%s: %s", number, entry->name != NULL ? entry->name : "")
                              : g_strdup (entry->name);
  bk_ui_set_accessible (name_label, accessible, NULL);
  gtk_widget_set_hexpand (column, TRUE);
  gtk_box_append (GTK_BOX (column), name_label);
  if (section == SECTION_PAST && entry->outcome != BK_OUTCOME_NONE)
    gtk_box_append (GTK_BOX (column), result_new (self, entry));
  if (entry->motion_id > 0)
    gtk_box_append (GTK_BOX (column), paper_button_new (entry));
  gtk_box_append (GTK_BOX (row), column);
  return row;
}

static GtkWidget *
meeting_new (BkMeetingsPage         *self,
             Section                 section,
             const BkMeetingSummary *meeting)
{
  g_autoptr(GPtrArray) agenda = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *when = bk_ui_format_meeting_time (meeting->start);
  g_autoptr(GString) details = g_string_new (NULL);
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *title;
  guint hidden = 0, shown = 0;

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "meeting");

  title = text_new (self, section, meeting->name != NULL ? meeting->name : meeting->committee,
                    "meeting-title", BK_READER_PART_CONTENT);
  g_object_set (title, "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (title), GTK_ACCESSIBLE_PROPERTY_LEVEL, 3, -1);
  gtk_widget_add_css_class (title, "title-3");
  bk_ui_set_content_language (title, BK_VOICE_CONTENT_LANGUAGE);
  gtk_box_append (GTK_BOX (card), title);

  if (meeting->cancelled)
    {
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *icon = gtk_image_new_from_icon_name ("process-stop-symbolic");

      gtk_widget_add_css_class (icon, "bk-icon-24");
      gtk_accessible_update_state (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      gtk_box_append (GTK_BOX (row), icon);
      gtk_box_append (GTK_BOX (row),
                      /* Translators: a meeting that will not take place */
                      text_new (self, section, _("This meeting is cancelled."), "meeting-cancelled",
                                BK_READER_PART_INTERFACE));
      gtk_box_append (GTK_BOX (card), row);
    }

  append_with (details, when);
  if (meeting->name == NULL || meeting->committee == NULL || strstr (meeting->name, meeting->committee) == NULL)
    append_with (details, meeting->committee);
  append_with (details, meeting->location);
  if (details->len > 0)
    {
      GtkWidget *label = text_new (self, section, details->str, "meeting-details", BK_READER_PART_CONTENT);

      bk_ui_set_content_language (label, BK_VOICE_CONTENT_LANGUAGE);
      gtk_box_append (GTK_BOX (card), label);
    }

  agenda = bk_store_list_agenda (self->store, meeting->oparl_id, &error);
  if (agenda == NULL)
    g_warning ("The agenda of %s: %s", meeting->oparl_id, error->message);
  for (guint i = 0; agenda != NULL && i < agenda->len; i++)
    {
      const BkAgendaEntry *entry = g_ptr_array_index (agenda, i);

      /* The non-public part is only counted. */
      if (entry->is_public == BK_TRISTATE_NO)
        {
          hidden++;
          continue;
        }
      gtk_box_append (GTK_BOX (card), agenda_item_new (self, section, entry));
      shown++;
    }
  if (shown == 0 && hidden == 0 && !meeting->cancelled)
    gtk_box_append (GTK_BOX (card),
                    text_new (self, section, _("The agenda has not been published yet."), NULL,
                              BK_READER_PART_INTERFACE));
  if (hidden > 0)
    {
      g_autofree char *text = g_strdup_printf (ngettext ("%u more item is discussed in private.",
                                                         "%u more items are discussed in private.", hidden),
                                               hidden);

      gtk_box_append (GTK_BOX (card), text_new (self, section, text, "agenda-private", BK_READER_PART_INTERFACE));
    }
  return card;
}

static guint
fill_section (BkMeetingsPage *self,
              Section         section,
              GtkWidget      *box,
              GPtrArray      *meetings,
              const char     *none)
{
  bk_ui_unparent_children (box);
  for (guint i = 0; meetings != NULL && i < meetings->len; i++)
    gtk_box_append (GTK_BOX (box), meeting_new (self, section, g_ptr_array_index (meetings, i)));
  if (meetings == NULL || meetings->len == 0)
    gtk_box_append (GTK_BOX (box), text_new (self, section, none, NULL, BK_READER_PART_INTERFACE));
  return meetings != NULL ? meetings->len : 0;
}

static void
fill_sources (BkMeetingsPage *self)
{
  g_auto(GStrv) sources = bk_store_list_meeting_sources (self->store);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; sources != NULL && sources[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (sources[i], "\t", 2);
      g_autofree char *when = bk_ui_format_freshness (parts[1]);

      if (text->len > 0)
        g_string_append (text, "\n");
      if (when != NULL)
        /* Translators: where meetings come from and when that was last updated, as in
         * "Ratsinformationssystem Stadt Auenbach, as of today 06:10" */
        g_string_append_printf (text, _("%1$s, as of %2$s"), parts[0], when);
      else
        g_string_append (text, parts[0]);
    }
  gtk_label_set_text (self->sources_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->sources_label), text->len > 0);
  if (text->len > 0)
    bk_reader_add_part (self->reader, SECTION_UPCOMING, GTK_WIDGET (self->sources_label),
                        BK_READER_PART_CONTENT, NULL);
}

void
bk_meetings_page_refresh (BkMeetingsPage *self)
{
  g_autoptr(GPtrArray) upcoming = NULL;
  g_autoptr(GPtrArray) past = NULL;
  g_autofree char *today = NULL;
  g_autofree char *until = NULL;
  g_autofree char *since = NULL;

  g_return_if_fail (BK_IS_MEETINGS_PAGE (self));

  bk_reader_clear (self->reader);
  bk_reader_add_part (self->reader, SECTION_UPCOMING, GTK_WIDGET (self->title_label),
                      BK_READER_PART_INTERFACE, NULL);
  if (self->store == NULL)
    {
      self->n_upcoming = fill_section (self, SECTION_UPCOMING, self->upcoming_box, NULL,
                                       _("No meetings are known."));
      self->n_past = fill_section (self, SECTION_PAST, self->past_box, NULL, _("No meetings are known."));
      return;
    }

  fill_sources (self);
  bk_reader_add_part (self->reader, SECTION_UPCOMING, self->upcoming_heading, BK_READER_PART_INTERFACE, NULL);
  today = dup_day (self, 0);
  until = dup_day (self, UPCOMING_DAYS);
  since = dup_day (self, -PAST_DAYS);
  upcoming = bk_store_list_meetings (self->store, today, until, FALSE, MAX_UPCOMING, NULL);
  if (upcoming != NULL && upcoming->len == 0)
    {
      /* nothing in the next weeks: the next ones whenever they are */
      g_clear_pointer (&upcoming, g_ptr_array_unref);
      upcoming = bk_store_list_meetings (self->store, today, NULL, FALSE, FALLBACK_UPCOMING, NULL);
    }
  self->n_upcoming = fill_section (self, SECTION_UPCOMING, self->upcoming_box, upcoming,
                                   _("No meetings are planned yet."));
  bk_reader_add_part (self->reader, SECTION_PAST, self->past_heading, BK_READER_PART_INTERFACE, NULL);
  past = bk_store_list_meetings (self->store, since, today, TRUE, MAX_PAST, NULL);
  self->n_past = fill_section (self, SECTION_PAST, self->past_box, past,
                               _("There were no meetings in the last weeks."));
  bk_ui_drop_doubled_names (GTK_WIDGET (self));
}

/* ---- read aloud ---------------------------------------------------------- */

static void
read_clicked_cb (BkMeetingsPage *self,
                 GtkButton      *button)
{
  Section section = GTK_WIDGET (button) == self->read_past_button ? SECTION_PAST : SECTION_UPCOMING;

  bk_reader_start (self->reader, section, section, NULL);
}

static void
apply_voice (BkMeetingsPage *self,
             BkVoice        *voice)
{
  gboolean can_read;

  g_set_object (&self->voice, voice);
  bk_reader_set_voice (self->reader, voice);
  can_read = voice != NULL && bk_voice_has_speech (voice);
  gtk_widget_set_visible (self->read_upcoming_button, can_read);
  gtk_widget_set_visible (self->read_past_button, can_read);
}

/* ---- BkPage -------------------------------------------------------------- */

static char *
bk_meetings_page_dup_summary (BkPage *page)
{
  BkMeetingsPage *self = BK_MEETINGS_PAGE (page);
  g_autofree char *upcoming = g_strdup_printf (ngettext ("%u upcoming meeting", "%u upcoming meetings",
                                                         self->n_upcoming), self->n_upcoming);
  g_autofree char *past = g_strdup_printf (ngettext ("%u past meeting with its results",
                                                     "%u past meetings with their results", self->n_past),
                                           self->n_past);

  /* Translators: spoken when the calendar is shown: "Meetings. 5 upcoming meetings, 3 past meetings
   * with their results." */
  return g_strdup_printf (_("%s. %s, %s."), _("Meetings"), upcoming, past);
}

static const char *
bk_meetings_page_get_help_text (BkPage *page)
{
  /* Translators: help for the meeting calendar */
  return _("This screen shows when the councils and committees meet. "
           "First the next meetings with their public agenda, then the past meetings with what was decided. "
           "A button under an agenda item opens the paper it deals with. "
           "Press Back to return.");
}

static gboolean
bk_meetings_page_show_target (BkPage      *page,
                              GVariant    *target,
                              const char **heading,
                              GError     **error)
{
  BkMeetingsPage *self = BK_MEETINGS_PAGE (page);

  bk_meetings_page_refresh (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  return TRUE;
}

static gboolean
bk_meetings_page_read_aloud (BkPage *page,
                             int     section)
{
  BkMeetingsPage *self = BK_MEETINGS_PAGE (page);

  if (section < 0 || section >= N_SECTIONS)
    bk_reader_start (self->reader, SECTION_UPCOMING, SECTION_PAST, NULL);
  else
    bk_reader_start (self->reader, section, section, NULL);
  return TRUE;
}

static void
page_iface_init (BkPageInterface *iface)
{
  iface->dup_summary = bk_meetings_page_dup_summary;
  iface->get_help_text = bk_meetings_page_get_help_text;
  iface->show_target = bk_meetings_page_show_target;
  iface->read_aloud = bk_meetings_page_read_aloud;
}

static void
sync_finished_cb (BkMeetingsPage *self,
                  gboolean        changed)
{
  if (changed && gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
      double position = gtk_adjustment_get_value (adjustment);

      bk_meetings_page_refresh (self);
      gtk_adjustment_set_value (adjustment, position);
    }
}

/* The context arrives once, from the window. */
static void
set_context (BkMeetingsPage *self,
             BkContext      *context)
{
  if (!g_set_object (&self->context, context) || context == NULL)
    return;
  g_set_object (&self->store, bk_context_get_store (context));
  apply_voice (self, bk_context_get_voice (context));
  if (bk_context_get_sync (context) != NULL)
    g_signal_connect_object (bk_context_get_sync (context), "finished",
                             G_CALLBACK (sync_finished_cb), self, G_CONNECT_SWAPPED);
}

BK_PAGE_DEFINE_CONTEXT_PROPERTY (BkMeetingsPage, bk_meetings_page, BK_MEETINGS_PAGE)

static gboolean
bk_meetings_page_grab_focus (GtkWidget *widget)
{
  BkMeetingsPage *self = BK_MEETINGS_PAGE (widget);

  return gtk_widget_grab_focus (GTK_WIDGET (self->title_label));
}

static void
bk_meetings_page_dispose (GObject *object)
{
  BkMeetingsPage *self = BK_MEETINGS_PAGE (object);

  g_clear_object (&self->reader);
  g_clear_object (&self->voice);
  gtk_widget_dispose_template (GTK_WIDGET (self), BK_TYPE_MEETINGS_PAGE);
  bk_ui_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->store);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (bk_meetings_page_parent_class)->dispose (object);
}

static void
bk_meetings_page_finalize (GObject *object)
{
  BkMeetingsPage *self = BK_MEETINGS_PAGE (object);

  g_free (self->today);
  G_OBJECT_CLASS (bk_meetings_page_parent_class)->finalize (object);
}

static void
bk_meetings_page_class_init (BkMeetingsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bk_meetings_page_dispose;
  object_class->finalize = bk_meetings_page_finalize;
  object_class->get_property = bk_meetings_page_get_property;
  object_class->set_property = bk_meetings_page_set_property;
  g_object_class_override_property (object_class, BK_PAGE_PROP_CONTEXT, "context");
  widget_class->grab_focus = bk_meetings_page_grab_focus;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/buergerkiosk/Kiosk/ui/bk-meetings-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, BkMeetingsPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, BkMeetingsPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, BkMeetingsPage, sources_label);
  gtk_widget_class_bind_template_child (widget_class, BkMeetingsPage, upcoming_heading);
  gtk_widget_class_bind_template_child (widget_class, BkMeetingsPage, past_heading);
  gtk_widget_class_bind_template_child (widget_class, BkMeetingsPage, upcoming_box);
  gtk_widget_class_bind_template_child (widget_class, BkMeetingsPage, past_box);
  gtk_widget_class_bind_template_child (widget_class, BkMeetingsPage, read_upcoming_button);
  gtk_widget_class_bind_template_child (widget_class, BkMeetingsPage, read_past_button);
  gtk_widget_class_bind_template_callback (widget_class, read_clicked_cb);
}

static void
bk_meetings_page_init (BkMeetingsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->reader = bk_reader_new (GTK_WIDGET (self), self->scroller, N_SECTIONS);
  bk_ui_set_content_language (GTK_WIDGET (self->sources_label), BK_VOICE_CONTENT_LANGUAGE);
  /* Translators: item help of a Read aloud button of the meeting calendar */
  bk_help_set_item_text (self->read_upcoming_button, _("Reads the next meetings aloud."));
  /* Translators: item help of a Read aloud button of the meeting calendar */
  bk_help_set_item_text (self->read_past_button, _("Reads the past meetings and what was decided aloud."));
}

GtkWidget *
bk_meetings_page_new (void)
{
  return g_object_new (BK_TYPE_MEETINGS_PAGE, NULL);
}

/* ---- for tests ------------------------------------------------------------ */

void
bk_meetings_page_set_today (BkMeetingsPage *self,
                            const char     *today)
{
  g_return_if_fail (BK_IS_MEETINGS_PAGE (self));

  g_free (self->today);
  self->today = g_strdup (today);
  bk_meetings_page_refresh (self);
}

guint
bk_meetings_page_get_n_upcoming (BkMeetingsPage *self)
{
  g_return_val_if_fail (BK_IS_MEETINGS_PAGE (self), 0);
  return self->n_upcoming;
}

guint
bk_meetings_page_get_n_past (BkMeetingsPage *self)
{
  g_return_val_if_fail (BK_IS_MEETINGS_PAGE (self), 0);
  return self->n_past;
}

GtkWidget *
bk_meetings_page_get_upcoming_box (BkMeetingsPage *self)
{
  g_return_val_if_fail (BK_IS_MEETINGS_PAGE (self), NULL);
  return self->upcoming_box;
}

GtkWidget *
bk_meetings_page_get_past_box (BkMeetingsPage *self)
{
  g_return_val_if_fail (BK_IS_MEETINGS_PAGE (self), NULL);
  return self->past_box;
}

GtkWidget *
bk_meetings_page_get_sources_label (BkMeetingsPage *self)
{
  g_return_val_if_fail (BK_IS_MEETINGS_PAGE (self), NULL);
  return GTK_WIDGET (self->sources_label);
}
