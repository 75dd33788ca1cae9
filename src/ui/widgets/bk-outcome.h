/* bk-outcome.h: what a council did, in words and a symbol
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-motion.h"

G_BEGIN_DECLS

/* The outcome in a word or two, lower case as a timeline step ("decided",
 * "rejected", "postponed" …); NULL for none and for one the kiosk cannot
 * place (the council's own words are shown instead). */
const char *bk_outcome_get_words     (BkOutcome       outcome);
/* A symbol for it (never the only sign: the words are always shown). */
const char *bk_outcome_get_icon_name (BkOutcome       outcome);
/* "21 yes, 4 no, 2 abstentions", "unanimous", "by a majority"; NULL when
 * the result gives no votes. */
char       *bk_votes_describe        (const BkVotes  *votes);
/* The motion's overall state from the consultation that decided it:
 * "Decided on 12 November 2026 in the Stadtrat"; NULL when none has. */
char       *bk_motion_describe_decision (const BkMotion *motion);

G_END_DECLS
