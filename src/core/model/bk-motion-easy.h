/* bk-motion-easy.h: "Kurz erklärt", a motion told in Leichte Sprache
 *
 * A motion imported tomorrow has no easy-read summary written by hand; this
 * one is made from the motion's structured facts (who asks, what about, who
 * decides, when, what came of it), never from its legal wording. The text is
 * German whatever the interface language, like the motion itself.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "bk-motion.h"

G_BEGIN_DECLS

/* The longest sentence the generator writes and the check accepts, in words
 * (a quoted title counts as one word: it is a name, not a statement). */
#define BK_MOTION_EASY_MAX_WORDS 12

/* Paragraphs separated by "\n\n", one statement per sentence. today is
 * yyyy-mm-dd (NULL for the real date): it separates what happened from what
 * is planned. Never NULL. */
char     *bk_motion_easy_generate          (const BkMotion *motion,
                                            const char     *today);

/* "12. März 2026" for "2026-03-12" (a time after the date is ignored);
 * NULL for anything that is not a date. */
char     *bk_easy_format_date              (const char     *iso_date);

/* Council shorthand written out: "TOP 4" becomes "Tagesordnungs·punkt 4",
 * "z. B." becomes "zum Beispiel". Party names (SPD, CDU …) stay. */
char     *bk_easy_expand_abbreviations     (const char     *text);

/* Checks a text against the rules the generator follows: sentences of at
 * most BK_MOTION_EASY_MAX_WORDS words, no comma (one statement per
 * sentence), no abbreviation the reader is not told, no passive with
 * "wird", "werden", "wurde" or "wurden". FALSE with the first broken rule
 * and its sentence in error. */
gboolean  bk_motion_easy_check             (const char     *text,
                                            GError        **error);

G_END_DECLS
