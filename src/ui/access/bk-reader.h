/* bk-reader.h: reads a page aloud section by section and highlights the word
 * being heard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "bk-voice.h"

G_BEGIN_DECLS

typedef enum {
  BK_READER_PART_CONTENT,    /* the page's own text: in its content language */
  BK_READER_PART_INTERFACE,  /* our words ("Costs"): in the interface language */
  BK_READER_PART_KEY,        /* a fact's key, followed by ": " */
} BkReaderPartKind;

#define BK_TYPE_READER (bk_reader_get_type ())
G_DECLARE_FINAL_TYPE (BkReader, bk_reader, BK, READER, GObject)

/* page: where the tick callback runs (not referenced: the page owns the
 * reader); scroller: scrolled to the word being read. */
BkReader  *bk_reader_new            (GtkWidget         *page,
                                     GtkScrolledWindow *scroller,
                                     guint              n_sections);
void       bk_reader_set_voice      (BkReader          *self,
                                     BkVoice           *voice);
/* Forgets every part (a new motion or service is shown). */
void       bk_reader_clear          (BkReader          *self);
/* lang: the language of a content part when it is not German (a
 * translation), or NULL. */
void       bk_reader_add_part       (BkReader          *self,
                                     guint              section,
                                     GtkWidget         *label,
                                     BkReaderPartKind   kind,
                                     const char        *lang);
/* A wrapping, selectable text label added as a part, which reads from
 * itself to the end of its section on Enter or a tap. */
GtkWidget *bk_reader_label_new      (BkReader          *self,
                                     guint              section,
                                     const char        *text,
                                     const char        *css_class,
                                     BkReaderPartKind   kind,
                                     const char        *lang);
gboolean   bk_reader_find_part      (BkReader          *self,
                                     GtkLabel          *label,
                                     guint             *section);
/* Reads sections first…last from the label from (NULL: from the start).
 * The reading id, 0 when nothing was read. */
guint      bk_reader_start          (BkReader          *self,
                                     guint              first,
                                     guint              last,
                                     GtkLabel          *from);
void       bk_reader_stop           (BkReader          *self);
guint      bk_reader_get_reading_id (BkReader          *self);
gboolean   bk_reader_get_highlight  (BkReader          *self,
                                     GtkLabel         **label,
                                     int               *start,
                                     int               *end);

/* A text block: wraps, never ellipsizes, reachable with the keyboard. */
GtkWidget *bk_reader_text_label_new (const char        *text,
                                     const char        *css_class);

G_END_DECLS
