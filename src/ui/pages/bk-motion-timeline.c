/* bk-motion-timeline.c: where and when a motion is discussed
 *
 * The consultations in date order, each a row with a symbol and a word for
 * its state (done, next, planned, no date yet) — never by colour alone —
 * and the date, committee, role and whether it is public. A consultation
 * whose meeting has a result says what was done there instead of "done"
 * (decided, rejected, postponed, referred, taken note of …, with its own
 * symbol) and the votes where the result gives them. Every row joins the
 * page's read-aloud section.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-motion-page"

#include "bk-config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "bk-motion-timeline.h"
#include "bk-outcome.h"
#include "bk-ui.h"

static int
compare_consultations (gconstpointer a,
                       gconstpointer b)
{
  const BkConsultation *ca = *(const BkConsultation * const *)a;
  const BkConsultation *cb = *(const BkConsultation * const *)b;
  gboolean a_dated = ca->date != NULL && ca->date[0] != '\0';
  gboolean b_dated = cb->date != NULL && cb->date[0] != '\0';

  if (a_dated && b_dated)
    return strcmp (ca->date, cb->date);
  if (a_dated != b_dated)
    return a_dated ? -1 : 1;

  return 0;
}

typedef enum {
  STEP_DONE,
  STEP_NEXT,
  STEP_PLANNED,
  STEP_UNDATED,
} Step;

static GtkWidget *
timeline_row_new (BkReader             *reader,
                  guint                 section,
                  const BkConsultation *consultation,
                  Step                  step)
{
  static const struct {
    const char *icon;
    const char *css;
  } looks[] = {
    [STEP_DONE] = { "object-select-symbolic", "done" },
    [STEP_NEXT] = { "go-next-symbolic", "next" },
    [STEP_PLANNED] = { "radio-symbolic", "planned" },
    [STEP_UNDATED] = { "radio-symbolic", "undated" },
  };
  /* the meeting's day and hour where it is known, else the paper's date */
  g_autofree char *date = consultation->meeting_start != NULL &&
                          (consultation->date == NULL ||
                           g_str_has_prefix (consultation->meeting_start, consultation->date))
                          ? bk_ui_format_meeting_time (consultation->meeting_start)
                          : bk_ui_format_date (consultation->date);
  g_autofree char *accessible = NULL;
  g_autofree char *votes = NULL;
  g_autoptr(GString) details = g_string_new (NULL);
  const char *status = NULL;
  const char *icon_name = looks[step].icon;
  const char *outcome_words = NULL;
  GtkWidget *row;
  GtkWidget *icon;
  GtkWidget *text_box;
  GtkWidget *status_label;
  GtkWidget *details_label;

  switch (step)
    {
    case STEP_DONE:
      /* Translators: a consultation that has taken place */
      status = _("done");
      break;
    case STEP_NEXT:
      /* Translators: the next consultation from today */
      status = _("next");
      break;
    case STEP_PLANNED:
      /* Translators: a consultation after the next one */
      status = _("planned");
      break;
    case STEP_UNDATED:
    default:
      /* Translators: a consultation without a date */
      status = _("no date yet");
      break;
    }

  /* What the meeting did, when it says so (a result can come before the
   * date passed, or with no date at all) */
  if (consultation->outcome != BK_OUTCOME_NONE)
    {
      outcome_words = bk_outcome_get_words (consultation->outcome);
      if (outcome_words != NULL)
        {
          status = outcome_words;
          icon_name = bk_outcome_get_icon_name (consultation->outcome);
        }
      else if (step == STEP_NEXT || step == STEP_PLANNED)
        status = _("done");
      votes = bk_votes_describe (&consultation->votes);
    }

  if (date != NULL)
    g_string_append (details, date);
  if (consultation->committee != NULL && consultation->committee[0] != '\0')
    {
      if (details->len > 0)
        g_string_append (details, " · ");
      g_string_append (details, consultation->committee);
    }
  if (consultation->role != NULL && consultation->role[0] != '\0')
    {
      if (details->len > 0)
        g_string_append (details, " · ");
      g_string_append (details, consultation->role);
    }
  if (consultation->meeting_location != NULL && consultation->meeting_location[0] != '\0')
    {
      if (details->len > 0)
        g_string_append (details, " · ");
      g_string_append (details, consultation->meeting_location);
    }
  if (consultation->meeting_cancelled)
    {
      if (details->len > 0)
        g_string_append (details, " · ");
      /* Translators: in the timeline of a motion: its meeting will not take place */
      g_string_append (details, _("meeting cancelled"));
    }
  if (consultation->is_public == BK_TRISTATE_NO)
    {
      if (details->len > 0)
        g_string_append (details, " · ");
      g_string_append (details, _("not public"));
    }
  /* a result the kiosk cannot sort: the council's own words */
  if (consultation->result != NULL && outcome_words == NULL)
    {
      if (details->len > 0)
        g_string_append (details, " · ");
      g_string_append (details, consultation->result);
    }
  if (votes != NULL)
    {
      if (details->len > 0)
        g_string_append (details, " · ");
      g_string_append (details, votes);
    }

  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
  gtk_widget_add_css_class (row, "timeline-row");
  gtk_widget_add_css_class (row, looks[step].css);
  if (outcome_words != NULL)
    gtk_widget_add_css_class (row, "has-outcome");

  icon = gtk_image_new_from_icon_name (icon_name);
  gtk_widget_add_css_class (icon, "bk-icon-32");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_add_css_class (icon, "timeline-icon");
  gtk_accessible_update_state (GTK_ACCESSIBLE (icon),
                               GTK_ACCESSIBLE_STATE_HIDDEN, TRUE,
                               -1);

  text_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  gtk_widget_set_hexpand (text_box, TRUE);

  status_label = gtk_label_new (status);
  gtk_label_set_xalign (GTK_LABEL (status_label), 0.0f);
  gtk_widget_add_css_class (status_label, "timeline-status");
  gtk_accessible_update_state (GTK_ACCESSIBLE (status_label),
                               GTK_ACCESSIBLE_STATE_HIDDEN, TRUE,
                               -1);

  bk_reader_add_part (reader, section, status_label, BK_READER_PART_KEY, NULL);
  details_label = bk_reader_label_new (reader, section, details->str, "timeline-details",
                                       BK_READER_PART_CONTENT, NULL);
  /* Translators: a consultation read out as one, e.g. "done: 2 December 2026 · Kreistag" */
  accessible = g_strdup_printf (_("%s: %s"), status, details->str);
  bk_ui_set_accessible (details_label, accessible, NULL);

  gtk_box_append (GTK_BOX (text_box), status_label);
  gtk_box_append (GTK_BOX (text_box), details_label);
  gtk_box_append (GTK_BOX (row), icon);
  gtk_box_append (GTK_BOX (row), text_box);

  return row;
}

char *
bk_motion_timeline_fill (GtkBox         *box,
                         const BkMotion *motion,
                         BkReader       *reader,
                         guint           section)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *today = bk_ui_dup_today ();
  GPtrArray *consultations = motion->consultations;
  gboolean next_found = FALSE;

  bk_ui_unparent_children (GTK_WIDGET (box));

  for (guint i = 0; consultations != NULL && i < consultations->len; i++)
    g_ptr_array_add (sorted, g_ptr_array_index (consultations, i));
  g_ptr_array_sort (sorted, compare_consultations);

  if (sorted->len == 0)
    {
      gtk_box_append (box, bk_reader_label_new (reader, section, _("No consultation is planned yet."),
                                                NULL, BK_READER_PART_INTERFACE, NULL));
      return g_string_free (g_steal_pointer (&text), FALSE);
    }

  for (guint i = 0; i < sorted->len; i++)
    {
      const BkConsultation *consultation = g_ptr_array_index (sorted, i);
      Step step;

      if (consultation->date == NULL || consultation->date[0] == '\0')
        step = STEP_UNDATED;
      else if (strncmp (consultation->date, today, 10) < 0)
        step = STEP_DONE;
      else if (!next_found)
        {
          step = STEP_NEXT;
          next_found = TRUE;
        }
      else
        step = STEP_PLANNED;

      gtk_box_append (box, timeline_row_new (reader, section, consultation, step));
      g_string_append_printf (text, "%s\n%s\n%s\n",
                              consultation->committee ? consultation->committee : "",
                              consultation->role ? consultation->role : "",
                              consultation->meeting_name ? consultation->meeting_name : "");
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}
