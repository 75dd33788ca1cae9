/* bk-text-slot.h: a field of a paper chosen from scored candidates
 *
 * Every pass that finds a possible value for a field offers it with a score
 * (how sure the cue is that found it); the field takes the best one, the
 * earliest on a tie. Scores are on one scale for all fields: 100 a labelled
 * value ("Betreff: …"), 50 a phrase that usually names it, 10 a last resort.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  char *value;
  int score;
} BkTextCandidate;

typedef struct {
  GPtrArray *candidates;   /* BkTextCandidate*, in the order offered */
} BkTextSlot;

void        bk_text_slot_init         (BkTextSlot  *slot);
void        bk_text_slot_clear        (BkTextSlot  *slot);

/* Offers value (trimmed of spaces, emphasis and trailing separators). */
void        bk_text_offer             (BkTextSlot  *slot,
                                       const char  *value,
                                       int          score);
/* Offers the name of a deciding body: "Kreistag" and "Kreistag des
 * Landkreises Beispielkreis" name the same one, so the fuller name takes
 * the better score of both. */
void        bk_text_offer_body        (BkTextSlot  *slot,
                                       const char  *value,
                                       int          score);
/* The best value, or NULL; score (may be NULL) receives its score. */
const char *bk_text_slot_best         (const BkTextSlot *slot,
                                       int              *score);
/* How many different values were offered with at least min_score. */
guint       bk_text_slot_count_values (const BkTextSlot *slot,
                                       int               min_score);

G_END_DECLS
