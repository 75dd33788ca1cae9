/* bk-reader.c: reads a page aloud section by section and highlights the word
 * being heard
 *
 * The motion page and the service page share it. Every section is a list of
 * parts, labels in reading order. The utterance is their text; the segments
 * map its character offsets back to the labels, so that the word being heard
 * is highlighted where it is.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-reader"

#include "bk-config.h"

#include "bk-reader.h"
#include "bk-ui.h"

typedef struct
{
  GtkLabel         *label;
  BkReaderPartKind  kind;
  const char       *lang;     /* interned, or NULL */
} Part;

typedef struct
{
  GtkLabel *label;    /* owned */
  guint     start;    /* in characters of the utterance */
  guint     length;
} Segment;

struct _BkReader
{
  GObject            parent_instance;

  GtkWidget         *page;          /* weak */
  GtkScrolledWindow *scroller;      /* weak */
  BkVoice           *voice;
  GPtrArray         *parts;         /* GArray of Part, one per section */

  GArray            *segments;      /* Segment */
  guint              reading_id;
  guint              tick_id;
  GtkLabel          *highlighted;   /* weak */
  int                highlight_start;   /* bytes */
  int                highlight_end;
  double             last_scroll_y;
};

G_DEFINE_FINAL_TYPE (BkReader, bk_reader, G_TYPE_OBJECT)

static void
segment_clear (gpointer data)
{
  Segment *segment = data;

  g_clear_object (&segment->label);
}

static void
clear_highlight (BkReader *self)
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

void
bk_reader_stop (BkReader *self)
{
  g_return_if_fail (BK_IS_READER (self));

  if (self->tick_id != 0 && self->page != NULL)
    gtk_widget_remove_tick_callback (self->page, self->tick_id);
  self->tick_id = 0;
  clear_highlight (self);
  self->reading_id = 0;
  g_array_set_size (self->segments, 0);
}

/* Scrolls the word's line into view when it is not well inside the page. */
static void
scroll_to_highlight (BkReader *self)
{
  GtkAdjustment *adjustment;
  GtkWidget *viewport;
  GtkWidget *content;
  PangoLayout *layout = gtk_label_get_layout (self->highlighted);
  PangoRectangle rect;
  graphene_point_t in_label, in_content;
  double value, page, top, bottom, margin;
  int layout_x, layout_y;

  if (self->scroller == NULL)
    return;
  adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  viewport = gtk_scrolled_window_get_child (self->scroller);
  content = GTK_IS_VIEWPORT (viewport) ? gtk_viewport_get_child (GTK_VIEWPORT (viewport)) : NULL;
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
highlight (BkReader *self,
           GtkLabel *label,
           int       start,
           int       end)
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
  BkReader *self = BK_READER (user_data);
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
utterance_finished_cb (BkReader *self,
                       guint     id,
                       gboolean  interrupted)
{
  if (id != 0 && id == self->reading_id)
    bk_reader_stop (self);
}

/* The utterance is in German (the voice's content language); every part in
 * another language, our own words or a translation, is marked with it. */
guint
bk_reader_start (BkReader *self,
                 guint     first,
                 guint     last,
                 GtkLabel *from)
{
  const char *ui_language = bk_voice_get_interface_language ();
  g_autoptr(GString) text = g_string_new (NULL);
  gboolean started = (from == NULL);
  guint chars = 0;

  g_return_val_if_fail (BK_IS_READER (self), 0);

  if (self->voice == NULL || self->page == NULL)
    return 0;

  bk_reader_stop (self);

  for (guint s = first; s <= last && s < self->parts->len; s++)
    {
      GArray *parts = g_ptr_array_index (self->parts, s);

      for (guint i = 0; i < parts->len; i++)
        {
          const Part *part = &g_array_index (parts, Part, i);
          const char *label_text = gtk_label_get_text (part->label);
          glong length = g_utf8_strlen (label_text, -1);
          const char *lang;
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

          if (part->kind != BK_READER_PART_CONTENT)
            lang = ui_language;
          else
            lang = part->lang;

          if (lang != NULL && g_strcmp0 (lang, BK_VOICE_CONTENT_LANGUAGE) != 0)
            g_string_append_printf (text, "[[lang=%s]]%s[[/lang]]", lang, label_text);
          else
            g_string_append (text, label_text);
          chars += length;

          /* A pause after headings, keys and list numbers. */
          last_char = g_utf8_get_char (g_utf8_prev_char (label_text + strlen (label_text)));
          if (part->kind == BK_READER_PART_KEY && last_char != ':')
            {
              g_string_append_c (text, ':');
              chars++;
            }
          else if (part->kind != BK_READER_PART_KEY && !g_unichar_ispunct (last_char))
            {
              g_string_append_c (text, '.');
              chars++;
            }
        }
    }

  if (self->segments->len == 0)
    return 0;

  self->last_scroll_y = -1;
  self->reading_id = bk_voice_say_on_demand (self->voice, text->str, BK_VOICE_CONTENT_LANGUAGE);
  if (self->reading_id == 0)
    {
      bk_reader_stop (self);
      return 0;
    }

  self->tick_id = gtk_widget_add_tick_callback (self->page, reading_tick_cb, self, NULL);
  return self->reading_id;
}

void
bk_reader_add_part (BkReader         *self,
                    guint             section,
                    GtkWidget        *label,
                    BkReaderPartKind  kind,
                    const char       *lang)
{
  Part part = { GTK_LABEL (label), kind, lang ? g_intern_string (lang) : NULL };

  g_return_if_fail (BK_IS_READER (self));
  g_return_if_fail (section < self->parts->len);

  g_array_append_val (g_ptr_array_index (self->parts, section), part);
}

gboolean
bk_reader_find_part (BkReader *self,
                     GtkLabel *label,
                     guint    *section)
{
  g_return_val_if_fail (BK_IS_READER (self), FALSE);

  for (guint s = 0; s < self->parts->len; s++)
    {
      GArray *parts = g_ptr_array_index (self->parts, s);

      for (guint i = 0; i < parts->len; i++)
        if (g_array_index (parts, Part, i).label == label)
          {
            if (section != NULL)
              *section = s;
            return TRUE;
          }
    }

  return FALSE;
}

void
bk_reader_clear (BkReader *self)
{
  g_return_if_fail (BK_IS_READER (self));

  bk_reader_stop (self);
  for (guint s = 0; s < self->parts->len; s++)
    g_array_set_size (g_ptr_array_index (self->parts, s), 0);
}

/* Enter or a tap on a paragraph reads from there to the end of its section;
 * only while the kiosk speaks by itself (a screen reader has its own). */
static gboolean
read_from_label (BkReader  *self,
                 GtkWidget *label)
{
  guint section;

  if (self->voice == NULL || !bk_voice_is_self_voicing (self->voice))
    return FALSE;
  if (!bk_reader_find_part (self, GTK_LABEL (label), &section))
    return FALSE;

  bk_reader_start (self, section, section, GTK_LABEL (label));
  return TRUE;
}

static gboolean
paragraph_key_pressed_cb (GtkEventControllerKey *controller,
                          guint                  keyval,
                          guint                  keycode,
                          GdkModifierType        state,
                          BkReader              *self)
{
  if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter)
    return FALSE;
  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return FALSE;

  return read_from_label (self, gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));
}

static void
paragraph_pressed_cb (GtkGestureClick *gesture,
                      int              n_press,
                      double           x,
                      double           y,
                      BkReader        *self)
{
  if (n_press == 1)
    read_from_label (self, gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture)));
}

GtkWidget *
bk_reader_text_label_new (const char *text,
                          const char *css_class)
{
  GtkWidget *label = bk_ui_wrap_label_new (text, "text-block");

  gtk_label_set_natural_wrap_mode (GTK_LABEL (label), GTK_NATURAL_WRAP_WORD);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

GtkWidget *
bk_reader_label_new (BkReader         *self,
                     guint             section,
                     const char       *text,
                     const char       *css_class,
                     BkReaderPartKind  kind,
                     const char       *lang)
{
  GtkWidget *label = bk_reader_text_label_new (text, css_class);
  GtkEventController *key = gtk_event_controller_key_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  g_return_val_if_fail (BK_IS_READER (self), label);

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

  bk_reader_add_part (self, section, label, kind, lang);

  return label;
}

void
bk_reader_set_voice (BkReader *self,
                     BkVoice  *voice)
{
  g_return_if_fail (BK_IS_READER (self));
  g_return_if_fail (!voice || BK_IS_VOICE (voice));

  bk_reader_stop (self);
  if (self->voice != NULL)
    g_signal_handlers_disconnect_by_data (self->voice, self);
  g_set_object (&self->voice, voice);
  if (voice != NULL)
    g_signal_connect_object (voice, "utterance-finished",
                             G_CALLBACK (utterance_finished_cb), self, G_CONNECT_SWAPPED);
}

guint
bk_reader_get_reading_id (BkReader *self)
{
  g_return_val_if_fail (BK_IS_READER (self), 0);

  return self->reading_id;
}

gboolean
bk_reader_get_highlight (BkReader  *self,
                         GtkLabel **label,
                         int       *start,
                         int       *end)
{
  g_return_val_if_fail (BK_IS_READER (self), FALSE);

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

static void
bk_reader_dispose (GObject *object)
{
  BkReader *self = (BkReader *)object;

  bk_reader_stop (self);
  if (self->voice != NULL)
    g_signal_handlers_disconnect_by_data (self->voice, self);
  g_clear_object (&self->voice);
  g_clear_weak_pointer (&self->page);
  g_clear_weak_pointer (&self->scroller);

  G_OBJECT_CLASS (bk_reader_parent_class)->dispose (object);
}

static void
bk_reader_finalize (GObject *object)
{
  BkReader *self = (BkReader *)object;

  g_clear_pointer (&self->segments, g_array_unref);
  g_clear_pointer (&self->parts, g_ptr_array_unref);

  G_OBJECT_CLASS (bk_reader_parent_class)->finalize (object);
}

static void
bk_reader_class_init (BkReaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bk_reader_dispose;
  object_class->finalize = bk_reader_finalize;
}

static void
bk_reader_init (BkReader *self)
{
  self->parts = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);
  self->segments = g_array_new (FALSE, FALSE, sizeof (Segment));
  g_array_set_clear_func (self->segments, segment_clear);
  self->highlight_start = self->highlight_end = -1;
}

BkReader *
bk_reader_new (GtkWidget         *page,
               GtkScrolledWindow *scroller,
               guint              n_sections)
{
  BkReader *self;

  g_return_val_if_fail (GTK_IS_WIDGET (page), NULL);
  g_return_val_if_fail (!scroller || GTK_IS_SCROLLED_WINDOW (scroller), NULL);

  self = g_object_new (BK_TYPE_READER, NULL);
  g_set_weak_pointer (&self->page, page);
  g_set_weak_pointer (&self->scroller, scroller);
  for (guint i = 0; i < n_sections; i++)
    g_ptr_array_add (self->parts, g_array_new (FALSE, FALSE, sizeof (Part)));

  return self;
}
