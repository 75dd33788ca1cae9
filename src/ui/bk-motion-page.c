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
#include "bk-voice.h"

/* Read aloud: every section is a list of parts, labels in reading order. The
 * utterance is their text; the segments map its character offsets back to
 * the labels, so that the word being heard is highlighted where it is. */
typedef enum {
  SECTION_FACTS,      /* the subject and the facts */
  SECTION_POINTS,
  SECTION_WHY,
  SECTION_TIMELINE,
  N_SECTIONS
} Section;

typedef enum {
  PART_CONTENT,       /* the motion's own text: in its language */
  PART_INTERFACE,     /* our words ("Submitted by"): in the interface language */
  PART_KEY,           /* a fact's key, followed by ": " */
} PartKind;

typedef struct
{
  GtkLabel *label;
  PartKind  kind;
} Part;

typedef struct
{
  GtkLabel *label;    /* owned */
  guint     start;    /* in characters of the utterance */
  guint     length;
} Segment;

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
  GtkWidget         *points_heading;
  GtkWidget         *justification_heading;
  GtkWidget         *timeline_heading;
  GtkWidget         *read_all_button;
  GtkWidget         *read_facts_button;
  GtkWidget         *read_points_button;
  GtkWidget         *read_justification_button;
  GtkWidget         *read_timeline_button;

  BkVoice           *voice;
  GArray            *parts[N_SECTIONS];   /* Part */

  /* What is being read */
  GArray            *segments;            /* Segment */
  guint              reading_id;
  guint              tick_id;
  GtkLabel          *highlighted;         /* weak */
  int                highlight_start;     /* bytes */
  int                highlight_end;
  double             last_scroll_y;
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

static void start_reading (BkMotionPage *self,
                           Section       first,
                           Section       last,
                           GtkLabel     *from);

static void
add_part (BkMotionPage *self,
          Section       section,
          GtkWidget    *label,
          PartKind      kind)
{
  Part part = { GTK_LABEL (label), kind };

  g_array_append_val (self->parts[section], part);
}

static gboolean
find_part (BkMotionPage *self,
           GtkLabel     *label,
           Section      *section)
{
  for (guint s = 0; s < N_SECTIONS; s++)
    for (guint i = 0; i < self->parts[s]->len; i++)
      if (g_array_index (self->parts[s], Part, i).label == label)
        {
          *section = s;
          return TRUE;
        }

  return FALSE;
}

/* Enter or a tap on a paragraph reads from there to the end of its section. */
static gboolean
paragraph_key_pressed_cb (GtkEventControllerKey *controller,
                          guint                  keyval,
                          guint                  keycode,
                          GdkModifierType        state,
                          BkMotionPage          *self)
{
  GtkWidget *label = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  Section section;

  if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter)
    return FALSE;
  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return FALSE;
  if (self->voice == NULL || !bk_voice_is_self_voicing (self->voice))
    return FALSE;
  if (!find_part (self, GTK_LABEL (label), &section))
    return FALSE;

  start_reading (self, section, section, GTK_LABEL (label));
  return TRUE;
}

static void
paragraph_pressed_cb (GtkGestureClick *gesture,
                      int              n_press,
                      double           x,
                      double           y,
                      BkMotionPage    *self)
{
  GtkWidget *label = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  Section section;

  if (n_press != 1)
    return;
  if (self->voice == NULL || !bk_voice_is_self_voicing (self->voice))
    return;
  if (!find_part (self, GTK_LABEL (label), &section))
    return;

  start_reading (self, section, section, GTK_LABEL (label));
}

static GtkWidget *
readable_label_new (BkMotionPage *self,
                    Section       section,
                    const char   *text,
                    const char   *css_class,
                    PartKind      kind)
{
  GtkWidget *label = text_label_new (text, css_class);
  GtkEventController *key = gtk_event_controller_key_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  g_signal_connect_object (key, "key-pressed",
                           G_CALLBACK (paragraph_key_pressed_cb), self, 0);
  gtk_widget_add_controller (label, key);

  /* In the capture phase: the label's own selection gesture must not
   * swallow the tap. */
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (click, "pressed",
                           G_CALLBACK (paragraph_pressed_cb), self, 0);
  gtk_widget_add_controller (label, GTK_EVENT_CONTROLLER (click));

  add_part (self, section, label, kind);

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

  add_part (self, SECTION_FACTS, key_label, PART_KEY);
  value_label = readable_label_new (self, SECTION_FACTS, value, "fact-value", PART_CONTENT);
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

  clear_box (GTK_WIDGET (self->points_box));
  add_part (self, SECTION_POINTS, self->points_heading, PART_INTERFACE);

  if (points == NULL || points->len == 0)
    {
      gtk_box_append (self->points_box,
                      readable_label_new (self, SECTION_POINTS,
                                          _("The motion does not list any points."), NULL,
                                          PART_INTERFACE));
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
}

static void
fill_justification (BkMotionPage *self)
{
  g_auto(GStrv) paragraphs = NULL;
  guint shown = 0;

  clear_box (GTK_WIDGET (self->justification_box));
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
    gtk_box_append (self->justification_box,
                    readable_label_new (self, SECTION_WHY, _("The motion gives no reasons."), NULL,
                                        PART_INTERFACE));
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
timeline_row_new (BkMotionPage         *self,
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

  add_part (self, SECTION_TIMELINE, status_label, PART_KEY);
  details_label = readable_label_new (self, SECTION_TIMELINE, details->str, "timeline-details",
                                      PART_CONTENT);
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
  add_part (self, SECTION_TIMELINE, self->timeline_heading, PART_INTERFACE);

  today = self->today ? g_strdup (self->today) : bk_ui_dup_today ();

  for (guint i = 0; consultations != NULL && i < consultations->len; i++)
    g_ptr_array_add (sorted, g_ptr_array_index (consultations, i));
  g_ptr_array_sort (sorted, compare_consultations);

  if (sorted->len == 0)
    {
      gtk_box_append (self->timeline_box,
                      readable_label_new (self, SECTION_TIMELINE,
                                          _("No consultation is planned yet."), NULL,
                                          PART_INTERFACE));
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

      gtk_box_append (self->timeline_box, timeline_row_new (self, consultation, step));
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

/* ---- read aloud ---------------------------------------------------------- */

static void
clear_highlight (BkMotionPage *self)
{
  if (self->highlighted != NULL)
    {
      gtk_label_set_attributes (self->highlighted, NULL);
      gtk_widget_remove_css_class (GTK_WIDGET (self->highlighted), "reading");
      g_object_remove_weak_pointer (G_OBJECT (self->highlighted), (gpointer *)&self->highlighted);
      self->highlighted = NULL;
    }
  self->highlight_start = self->highlight_end = -1;
}

static void
stop_reading (BkMotionPage *self)
{
  if (self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
      self->tick_id = 0;
    }
  clear_highlight (self);
  self->reading_id = 0;
  g_array_set_size (self->segments, 0);
}

static void
segment_clear (gpointer data)
{
  Segment *segment = data;

  g_clear_object (&segment->label);
}

/* Scrolls the word's line into view when it is not well inside the page. */
static void
scroll_to_highlight (BkMotionPage *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  GtkWidget *viewport = gtk_scrolled_window_get_child (self->scroller);
  GtkWidget *content = viewport ? gtk_viewport_get_child (GTK_VIEWPORT (viewport)) : NULL;
  PangoLayout *layout = gtk_label_get_layout (self->highlighted);
  PangoRectangle rect;
  graphene_point_t in_label, in_content;
  double value, page, top, bottom, margin;
  int layout_x, layout_y;

  if (content == NULL || layout == NULL)
    return;

  gtk_label_get_layout_offsets (self->highlighted, &layout_x, &layout_y);
  pango_layout_index_to_pos (layout, self->highlight_start, &rect);
  in_label = GRAPHENE_POINT_INIT (0, layout_y + (float)rect.y / PANGO_SCALE);
  if (!gtk_widget_compute_point (GTK_WIDGET (self->highlighted), content, &in_label, &in_content))
    return;

  top = in_content.y;
  bottom = top + (double)rect.height / PANGO_SCALE;
  if (top == self->last_scroll_y)
    return;
  self->last_scroll_y = top;

  value = gtk_adjustment_get_value (adjustment);
  page = gtk_adjustment_get_page_size (adjustment);
  margin = MIN (96.0, page / 4);

  /* The line goes to a third from the top, so that what follows shows. */
  if (top < value + margin || bottom > value + page - margin)
    gtk_adjustment_set_value (adjustment, top - page / 3);
}

static void
highlight (BkMotionPage *self,
           GtkLabel     *label,
           int           start,
           int           end)
{
  PangoAttrList *attrs;
  PangoAttribute *attr;

  if (label == self->highlighted && start == self->highlight_start && end == self->highlight_end)
    return;

  if (label != self->highlighted)
    {
      clear_highlight (self);
      self->highlighted = label;
      g_object_add_weak_pointer (G_OBJECT (label), (gpointer *)&self->highlighted);
      gtk_widget_add_css_class (GTK_WIDGET (label), "reading");
    }
  self->highlight_start = start;
  self->highlight_end = end;

  /* Colour and underline, the same in every theme: black on yellow, and a
   * double underline for those who cannot tell the colours apart. */
  attrs = pango_attr_list_new ();
  attr = pango_attr_background_new (0xffff, 0xe0e0, 0x3333);
  attr->start_index = start;
  attr->end_index = end;
  pango_attr_list_insert (attrs, attr);
  attr = pango_attr_foreground_new (0, 0, 0);
  attr->start_index = start;
  attr->end_index = end;
  pango_attr_list_insert (attrs, attr);
  attr = pango_attr_underline_new (PANGO_UNDERLINE_DOUBLE);
  attr->start_index = start;
  attr->end_index = end;
  pango_attr_list_insert (attrs, attr);
  attr = pango_attr_underline_color_new (0, 0, 0);
  attr->start_index = start;
  attr->end_index = end;
  pango_attr_list_insert (attrs, attr);
  gtk_label_set_attributes (label, attrs);
  pango_attr_list_unref (attrs);

  scroll_to_highlight (self);
}

/* Follows the word being heard (the sink's position, not synthesis). */
static gboolean
reading_tick_cb (GtkWidget     *widget,
                 GdkFrameClock *clock,
                 gpointer       user_data)
{
  BkMotionPage *self = BK_MOTION_PAGE (widget);
  guint id, offset, length;

  if (self->voice == NULL ||
      !bk_voice_get_current_word (self->voice, &id, &offset, &length) ||
      id != self->reading_id)
    return G_SOURCE_CONTINUE;

  for (guint i = 0; i < self->segments->len; i++)
    {
      const Segment *segment = &g_array_index (self->segments, Segment, i);
      const char *text;
      const char *start;
      const char *end;
      guint from, to;

      if (offset < segment->start || offset >= segment->start + segment->length)
        continue;

      text = gtk_label_get_text (segment->label);
      from = offset - segment->start;
      to = MIN (from + MAX (length, 1), segment->length);
      start = g_utf8_offset_to_pointer (text, from);
      end = g_utf8_offset_to_pointer (text, to);
      highlight (self, segment->label, start - text, end - text);
      break;
    }

  return G_SOURCE_CONTINUE;
}

static void
utterance_finished_cb (BkMotionPage *self,
                       guint         id,
                       gboolean      interrupted)
{
  if (id != 0 && id == self->reading_id)
    stop_reading (self);
}

/* Reads the parts of sections first…last, from the label from (NULL: from
 * the start). The motion's text goes in the content language; our own words
 * are marked with the interface language when that differs. */
static void
start_reading (BkMotionPage *self,
               Section       first,
               Section       last,
               GtkLabel     *from)
{
  const char *ui_language = bk_voice_get_interface_language ();
  gboolean mark = g_strcmp0 (ui_language, BK_VOICE_CONTENT_LANGUAGE) != 0;
  g_autoptr(GString) text = g_string_new (NULL);
  gboolean started = (from == NULL);
  guint chars = 0;

  if (self->voice == NULL || self->motion == NULL)
    return;

  stop_reading (self);

  for (guint s = first; s <= last; s++)
    {
      for (guint i = 0; i < self->parts[s]->len; i++)
        {
          const Part *part = &g_array_index (self->parts[s], Part, i);
          const char *label_text = gtk_label_get_text (part->label);
          glong length = g_utf8_strlen (label_text, -1);
          Segment segment;
          gunichar last_char;

          if (!started && part->label == from)
            started = TRUE;
          if (!started || length == 0 ||
              !gtk_widget_get_visible (GTK_WIDGET (part->label)))
            continue;

          if (text->len > 0)
            {
              g_string_append_c (text, ' ');
              chars++;
            }

          segment.label = g_object_ref (part->label);
          segment.start = chars;
          segment.length = length;
          g_array_append_val (self->segments, segment);

          if (mark && part->kind != PART_CONTENT)
            g_string_append_printf (text, "[[lang=%s]]%s[[/lang]]", ui_language, label_text);
          else
            g_string_append (text, label_text);
          chars += length;

          /* A pause after headings, keys and list numbers. */
          last_char = g_utf8_get_char (g_utf8_prev_char (label_text + strlen (label_text)));
          if (part->kind == PART_KEY && last_char != ':')
            {
              g_string_append_c (text, ':');
              chars++;
            }
          else if (part->kind != PART_KEY && !g_unichar_ispunct (last_char))
            {
              g_string_append_c (text, '.');
              chars++;
            }
        }
    }

  if (self->segments->len == 0)
    return;

  self->last_scroll_y = -1;
  self->reading_id = bk_voice_say_on_demand (self->voice, text->str, BK_VOICE_CONTENT_LANGUAGE);
  if (self->reading_id == 0)
    {
      stop_reading (self);
      return;
    }

  self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), reading_tick_cb, NULL, NULL);
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
  start_reading (self, SECTION_FACTS, N_SECTIONS - 1, NULL);
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

  stop_reading (self);
  if (self->voice != NULL)
    g_signal_handlers_disconnect_by_data (self->voice, self);
  g_clear_object (&self->voice);
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
  g_clear_pointer (&self->segments, g_array_unref);
  for (guint i = 0; i < N_SECTIONS; i++)
    g_clear_pointer (&self->parts[i], g_array_unref);

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
  gtk_widget_class_bind_template_child (widget_class, BkMotionPage, points_heading);
  gtk_widget_class_bind_template_child (widget_class, BkMotionPage, justification_heading);
  gtk_widget_class_bind_template_child (widget_class, BkMotionPage, timeline_heading);
  gtk_widget_class_bind_template_child (widget_class, BkMotionPage, read_all_button);
  gtk_widget_class_bind_template_child (widget_class, BkMotionPage, read_facts_button);
  gtk_widget_class_bind_template_child (widget_class, BkMotionPage, read_points_button);
  gtk_widget_class_bind_template_child (widget_class, BkMotionPage, read_justification_button);
  gtk_widget_class_bind_template_child (widget_class, BkMotionPage, read_timeline_button);
  gtk_widget_class_bind_template_callback (widget_class, read_section_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, read_all_clicked_cb);
}

static void
bk_motion_page_init (BkMotionPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < N_SECTIONS; i++)
    self->parts[i] = g_array_new (FALSE, FALSE, sizeof (Part));
  self->segments = g_array_new (FALSE, FALSE, sizeof (Segment));
  g_array_set_clear_func (self->segments, segment_clear);
  self->highlight_start = self->highlight_end = -1;
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

  stop_reading (self);
  for (guint i = 0; i < N_SECTIONS; i++)
    g_array_set_size (self->parts[i], 0);

  g_clear_pointer (&self->motion, bk_motion_free);
  self->motion = g_steal_pointer (&motion);

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

/* The voice reads the sections aloud; without speech the buttons are hidden. */
void
bk_motion_page_set_voice (BkMotionPage *self,
                          BkVoice      *voice)
{
  GtkWidget *buttons[] = {
    self->read_all_button, self->read_facts_button, self->read_points_button,
    self->read_justification_button, self->read_timeline_button,
  };
  gboolean can_read;

  g_return_if_fail (BK_IS_MOTION_PAGE (self));
  g_return_if_fail (!voice || BK_IS_VOICE (voice));

  stop_reading (self);
  if (self->voice != NULL)
    g_signal_handlers_disconnect_by_data (self->voice, self);
  g_set_object (&self->voice, voice);
  if (voice != NULL)
    g_signal_connect_object (voice, "utterance-finished",
                             G_CALLBACK (utterance_finished_cb), self, G_CONNECT_SWAPPED);

  can_read = voice != NULL && bk_voice_has_speech (voice);
  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    gtk_widget_set_visible (buttons[i], can_read);
}

/* Reads a section (0: subject and facts, 1: what is asked, 2: why,
 * 3: timeline), or the whole motion for -1. */
void
bk_motion_page_read_aloud (BkMotionPage *self,
                           int           section)
{
  g_return_if_fail (BK_IS_MOTION_PAGE (self));

  if (section < 0 || section >= N_SECTIONS)
    start_reading (self, SECTION_FACTS, N_SECTIONS - 1, NULL);
  else
    start_reading (self, section, section, NULL);
}

/* Reads from the label that shows paragraph to the end of its section, as
 * Enter or a tap on it does. FALSE if it is not a readable text. */
gboolean
bk_motion_page_read_from (BkMotionPage *self,
                          GtkWidget    *paragraph)
{
  Section section;

  g_return_val_if_fail (BK_IS_MOTION_PAGE (self), FALSE);

  if (!GTK_IS_LABEL (paragraph) || !find_part (self, GTK_LABEL (paragraph), &section))
    return FALSE;

  start_reading (self, section, section, GTK_LABEL (paragraph));
  return self->reading_id != 0;
}

/* The utterance being read aloud, 0 when none. */
guint
bk_motion_page_get_reading_id (BkMotionPage *self)
{
  g_return_val_if_fail (BK_IS_MOTION_PAGE (self), 0);

  return self->reading_id;
}

/* The highlighted word: its label and byte range; FALSE when none. */
gboolean
bk_motion_page_get_highlight (BkMotionPage  *self,
                              GtkLabel     **label,
                              int           *start,
                              int           *end)
{
  g_return_val_if_fail (BK_IS_MOTION_PAGE (self), FALSE);

  if (self->highlighted == NULL)
    return FALSE;

  if (label != NULL)
    *label = self->highlighted;
  if (start != NULL)
    *start = self->highlight_start;
  if (end != NULL)
    *end = self->highlight_end;

  return TRUE;
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
    default: return self->read_all_button;
    }
}

/* What the voice says when the page is shown. */
char *
bk_motion_page_dup_summary (BkMotionPage *self)
{
  g_return_val_if_fail (BK_IS_MOTION_PAGE (self), NULL);

  /* Translators: spoken when a motion is shown: its subject, then what is
   * on the page */
  return g_strdup_printf (_("Motion: %s. Facts, what is asked, why, and where and when it is discussed."),
                          gtk_label_get_text (self->title_label));
}
