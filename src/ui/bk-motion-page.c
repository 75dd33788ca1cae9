/* bk-motion-page.c: one motion, readable from top to bottom
 *
 * Title, a card with the facts, what is asked (numbered points), why (the
 * justification), where and when it is discussed (a timeline where past
 * consultations are marked done and the next one is marked next, in words as
 * well as with a symbol) and the related papers.
 *
 * Text blocks are selectable labels: that makes them reachable with the
 * keyboard, and the viewport scrolls them into view.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-motion-page"

#include "bk-config.h"

#include <glib/gi18n.h>

#include "bk-motion-page.h"
#include "bk-ui.h"

struct _BkMotionPage
{
  GtkWidget             parent_instance;

  BkStore           *store;
  BkMotion          *motion;
  char              *today;

  GtkScrolledWindow *scroller;
  GtkLabel          *title_label;
  GtkGrid           *facts_grid;
  GtkBox            *points_box;
  GtkBox            *justification_box;
  GtkBox            *timeline_box;
  GtkBox            *related_box;
  GtkWidget         *related_section;
};

G_DEFINE_FINAL_TYPE (BkMotionPage, bk_motion_page, GTK_TYPE_WIDGET)

static void
clear_box (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    {
      if (GTK_IS_BOX (box))
        gtk_box_remove (GTK_BOX (box), child);
      else if (GTK_IS_GRID (box))
        gtk_grid_remove (GTK_GRID (box), child);
      else
        gtk_widget_unparent (child);
    }
}

/* A text block: wraps, never ellipsizes, reachable with the keyboard. */
static GtkWidget *
text_label_new (const char *text,
                const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_natural_wrap_mode (GTK_LABEL (label), GTK_NATURAL_WRAP_WORD);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "text-block");
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
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

  value_label = text_label_new (value, "fact-value");
  /* Translators: a fact read out as one, as in "Reference: 2026/123" */
  accessible = g_strdup_printf (_("%s: %s"), key, value);
  bk_ui_set_accessible (value_label, accessible, NULL);

  gtk_grid_attach (self->facts_grid, key_label, 0, *row, 1, 1);
  gtk_grid_attach (self->facts_grid, value_label, 1, *row, 1, 1);
  (*row)++;
}

static void
fill_facts (BkMotionPage *self)
{
  g_autofree char *submitters = bk_motion_dup_submitter_names (self->motion);
  g_autofree char *date = bk_ui_format_date (self->motion->date);
  int row = 0;

  clear_box (GTK_WIDGET (self->facts_grid));

  add_fact (self, &row, _("Submitted by"), submitters);
  add_fact (self, &row, _("Date"), date);
  add_fact (self, &row, _("Reference"), self->motion->reference);
  add_fact (self, &row, _("Type"), self->motion->type);
  add_fact (self, &row, _("Decided by"), self->motion->body);
  add_fact (self, &row, _("Public"), tristate_to_string (self->motion->is_public));
}

static GtkWidget *
numbered_new (const char *number,
              const char *text,
              const char *css_class)
{
  g_autofree char *accessible = NULL;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *number_label = gtk_label_new (number);
  GtkWidget *text_label = text_label_new (text, css_class);

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

  clear_box (GTK_WIDGET (self->points_box));

  if (points == NULL || points->len == 0)
    {
      gtk_box_append (self->points_box,
                      text_label_new (_("The motion does not list any points."), NULL));
      return;
    }

  for (guint i = 0; i < points->len; i++)
    {
      BkResolutionPoint *point = g_ptr_array_index (points, i);
      g_autofree char *number = g_strdup_printf ("%u.", i + 1);
      GtkWidget *point_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

      gtk_widget_add_css_class (point_box, "point");
      gtk_box_append (GTK_BOX (point_box), numbered_new (number, point->text, "point-text"));

      for (guint j = 0; point->subpoints != NULL && j < point->subpoints->len; j++)
        {
          g_autofree char *letter = NULL;
          GtkWidget *sub;

          if (j < 26)
            letter = g_strdup_printf ("%c)", 'a' + j);
          else
            letter = g_strdup_printf ("%u)", j + 1);

          sub = numbered_new (letter, g_ptr_array_index (point->subpoints, j), "subpoint-text");
          gtk_widget_add_css_class (sub, "subpoint");
          gtk_box_append (GTK_BOX (point_box), sub);
        }

      gtk_box_append (self->points_box, point_box);
    }
}

static void
fill_justification (BkMotionPage *self)
{
  g_auto(GStrv) paragraphs = NULL;
  guint shown = 0;

  clear_box (GTK_WIDGET (self->justification_box));

  if (self->motion->justification != NULL)
    paragraphs = g_strsplit (self->motion->justification, "\n\n", -1);

  for (guint i = 0; paragraphs != NULL && paragraphs[i] != NULL; i++)
    {
      g_autofree char *text = g_strstrip (g_strdup (paragraphs[i]));

      if (text[0] == '\0')
        continue;

      gtk_box_append (self->justification_box, text_label_new (text, "paragraph"));
      shown++;
    }

  if (shown == 0)
    gtk_box_append (self->justification_box,
                    text_label_new (_("The motion gives no reasons."), NULL));
}

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
timeline_row_new (const BkConsultation *consultation,
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
  g_autofree char *date = bk_ui_format_date (consultation->date);
  g_autofree char *accessible = NULL;
  g_autoptr(GString) details = g_string_new (NULL);
  const char *status = NULL;
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
  if (consultation->is_public == BK_TRISTATE_NO)
    {
      if (details->len > 0)
        g_string_append (details, " · ");
      g_string_append (details, _("not public"));
    }

  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
  gtk_widget_add_css_class (row, "timeline-row");
  gtk_widget_add_css_class (row, looks[step].css);

  icon = gtk_image_new_from_icon_name (looks[step].icon);
  gtk_image_set_pixel_size (GTK_IMAGE (icon), 32);
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

  details_label = text_label_new (details->str, "timeline-details");
  /* Translators: a consultation read out as one, e.g. "done: 2 December 2026 · Kreistag" */
  accessible = g_strdup_printf (_("%s: %s"), status, details->str);
  bk_ui_set_accessible (details_label, accessible, NULL);

  gtk_box_append (GTK_BOX (text_box), status_label);
  gtk_box_append (GTK_BOX (text_box), details_label);
  gtk_box_append (GTK_BOX (row), icon);
  gtk_box_append (GTK_BOX (row), text_box);

  return row;
}

static void
fill_timeline (BkMotionPage *self)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  g_autofree char *today = NULL;
  GPtrArray *consultations = self->motion->consultations;
  gboolean next_found = FALSE;

  clear_box (GTK_WIDGET (self->timeline_box));

  today = self->today ? g_strdup (self->today) : bk_ui_dup_today ();

  for (guint i = 0; consultations != NULL && i < consultations->len; i++)
    g_ptr_array_add (sorted, g_ptr_array_index (consultations, i));
  g_ptr_array_sort (sorted, compare_consultations);

  if (sorted->len == 0)
    {
      gtk_box_append (self->timeline_box,
                      text_label_new (_("No consultation is planned yet."), NULL));
      return;
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

      gtk_box_append (self->timeline_box, timeline_row_new (consultation, step));
    }
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

static void
fill_related (BkMotionPage *self)
{
  GPtrArray *references = self->motion->related_references;
  guint shown = 0;

  clear_box (GTK_WIDGET (self->related_box));

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

          label = gtk_label_new (text);
          gtk_label_set_wrap (GTK_LABEL (label), TRUE);
          gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
          gtk_label_set_xalign (GTK_LABEL (label), 0.0f);

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

  gtk_widget_dispose_template (GTK_WIDGET (self), BK_TYPE_MOTION_PAGE);
  bk_ui_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->store);

  G_OBJECT_CLASS (bk_motion_page_parent_class)->dispose (object);
}

static void
bk_motion_page_finalize (GObject *object)
{
  BkMotionPage *self = (BkMotionPage *)object;

  g_clear_pointer (&self->motion, bk_motion_free);
  g_clear_pointer (&self->today, g_free);

  G_OBJECT_CLASS (bk_motion_page_parent_class)->finalize (object);
}

static void
bk_motion_page_class_init (BkMotionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bk_motion_page_dispose;
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
}

static void
bk_motion_page_init (BkMotionPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
bk_motion_page_new (void)
{
  return g_object_new (BK_TYPE_MOTION_PAGE, NULL);
}

void
bk_motion_page_set_store (BkMotionPage *self,
                          BkStore      *store)
{
  g_return_if_fail (BK_IS_MOTION_PAGE (self));
  g_return_if_fail (!store || BK_IS_STORE (store));

  g_set_object (&self->store, store);
}

void
bk_motion_page_set_today (BkMotionPage *self,
                          const char   *today)
{
  g_return_if_fail (BK_IS_MOTION_PAGE (self));

  g_free (self->today);
  self->today = g_strdup (today);
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

  g_clear_pointer (&self->motion, bk_motion_free);
  self->motion = g_steal_pointer (&motion);

  subject = self->motion->subject;
  if (subject == NULL || subject[0] == '\0')
    subject = _("Motion without a subject");
  gtk_label_set_text (self->title_label, subject);
  bk_ui_set_accessible (GTK_WIDGET (self->title_label), subject, NULL);

  fill_facts (self);
  fill_points (self);
  fill_justification (self);
  fill_timeline (self);
  fill_related (self);

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
