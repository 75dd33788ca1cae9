/* bk-text-util.h: small text helpers for the motion parser
 *
 * Shared by the text and OParl importers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Small text helpers shared by the plain-text motion parser.  They work on
 * UTF-8 and never allocate more than the input size times a constant. */

/* Lower-cases ASCII and the German capitals Ä, Ö, Ü in place of a copy.  The
 * result has exactly the byte length of the input, so offsets found in it
 * are valid in the original string too (g_utf8_strdown does not promise that). */
char     *bk_text_lower_same_length (const char *s);

/* Finds the first German-style date in s ("28.05.2021", "8.3.21",
 * "08. März 2021", "2021-05-28") and returns it as ISO 8601 yyyy-mm-dd, or
 * NULL.  start/end, when not NULL, receive the byte span of the match. */
char     *bk_text_find_date         (const char *s,
                                     gsize      *start,
                                     gsize      *end);
/* TRUE when s holds a date bk_text_find_date finds. */
gboolean  bk_text_has_date          (const char *s);
/* Like bk_text_find_date, also "3 Mai 2023" and the US form mm/dd/yyyy;
 * with month_only a month with its year ("Juni 2024") gives yyyy-mm when
 * the text holds no full date. */
char     *bk_text_find_date_full    (const char *s,
                                     gboolean    month_only,
                                     gsize      *start,
                                     gsize      *end);

/* TRUE when s looks like a person's name ("Dr. Anna Beispiel", "Jan van Dorp",
 * "Frank Muster MdL"): two to four capitalised words, optional titles. */
gboolean  bk_text_is_person_name    (const char *s);

/* TRUE when s names a faction or party (CDU, SPD-Fraktion, Bündnis 90/Die Grünen …). */
gboolean  bk_text_is_faction_name   (const char *s);

/* The name of an assembly with its place: "Kreistag" and the authority
 * "Landkreis Beispielkreis" (or "Landkreis Beispielkreis – Kreistag") give
 * "Kreistag Beispielkreis", the form council papers use for it. An assembly that
 * already names more than one word, or an authority without a recognised kind
 * (Landkreis, Stadt, Gemeinde …), gives a plain copy of assembly. */
char     *bk_text_compose_body      (const char *assembly,
                                     const char *authority);

/* The parser's small helpers.  low is a string lowered with
 * bk_text_lower_same_length (). */

/* TRUE for an ASCII letter or digit and for any byte of a non-ASCII character. */
gboolean     bk_text_is_word_byte    (guchar      c);
/* TRUE when low starts with word and a word boundary follows it. */
gboolean     bk_text_has_prefix_word (const char *low,
                                      const char *word);
const char  *bk_text_find_word       (const char *low,
                                      const char *word);
/* A copy of the n bytes at s with runs of spaces and tabs made one space,
 * without leading or trailing space. */
char        *bk_text_collapse_spaces (const char *s,
                                      gsize       n);
/* A copy of s without the bytes of chars at either end. */
char        *bk_text_strip_chars     (const char *s,
                                      const char *chars);
gboolean     bk_text_ends_sentence   (const char *s);
gboolean     bk_text_starts_lower    (const char *s);
/* Words separated by spaces. */
guint        bk_text_count_words     (const char *s);
void         bk_text_join_text       (GString    *acc,
                                      const char *next);
/* s after any leading Markdown emphasis ("**", "_") and spaces. */
const char  *bk_text_skip_emphasis   (const char *s);

G_END_DECLS
