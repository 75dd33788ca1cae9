/* bk-text-lines.h: the reader's text as lines and table cells
 *
 * From validated UTF-8 to normalised lines: markup remnants, entities,
 * non-breaking and zero-width spaces, Markdown markers, pipe tables, glued
 * labels and doubled values repaired; then the page furniture a web page or a
 * PDF export puts around and into a paper is marked, so that later passes
 * see the paper's own lines only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define BK_TEXT_CHECKED "\xE2\x98\x92"    /* ☒ */
#define BK_TEXT_UNCHECKED "\xE2\x98\x90"  /* ☐ */

typedef struct {
  char *text;       /* cleaned, whitespace collapsed, cells joined by a space */
  char *low;        /* text lowered byte for byte (same offsets) */
  char **cells;     /* table cells, at least one */
  guint n_cells;
  guint para;       /* paragraph number: lines without a blank between share it */
  gboolean heading; /* a Markdown heading */
  gboolean bold;    /* all of it emphasised */
  gboolean blank;
  gboolean removed; /* page furniture, a duplicate, or joined into another line */
  gboolean noise;   /* a site remnant around the paper */
  gboolean struck;  /* struck-through wording was taken out of it */
  gboolean used;    /* read as a header field: no title, no text */
} BkTextLine;

void        bk_text_line_free          (gpointer      data);
BkTextLine *bk_text_line_new_plain     (const char   *text);
void        bk_text_line_set_text      (BkTextLine   *line,
                                        char         *text);

/* Markup remnants and invisible characters out, entities decoded,
 * carriage returns and form feeds made newlines. */
GString    *bk_text_clean_markup       (const char   *text,
                                        gsize         len);
/* Lines with their cells; Markdown markers and glue repaired. */
GPtrArray  *bk_text_split_lines        (const GString *clean);
/* What starts a list item: "1." / "I." / "01" is a point, "-" / "a)" /
 * "1.1" a sub-point. */
typedef enum {
  BK_MARK_NONE,
  BK_MARK_NUMBER,
  BK_MARK_LETTER,
  BK_MARK_BULLET,
  BK_MARK_SUBNUMBER,
} BkMark;

BkMark      bk_text_list_marker        (const char   *s,
                                        const char  **content);
/* Lines joined to text: a blank line is a paragraph break, list items start
 * new lines, hard wraps are joined (a word hyphenated at the end too). */
char       *bk_text_build_text         (GPtrArray    *lines);

G_END_DECLS
