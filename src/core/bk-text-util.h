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

G_END_DECLS
