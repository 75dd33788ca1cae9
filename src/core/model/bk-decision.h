/* bk-decision.h: what a council did with a paper at one meeting
 *
 * OParl gives an agenda item's result as free text ("einstimmig
 * beschlossen", "vertagt", "verwiesen in Fachausschuss", "zur Kenntnis
 * genommen"); the kiosk shows it in words and a symbol of its own, so it
 * sorts the text into a few outcomes and reads the vote counts where the
 * text has them (OParl has no field for them, OParl/spec#171).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  BK_OUTCOME_NONE,         /* no result (yet) */
  BK_OUTCOME_DECIDED,      /* beschlossen, zugestimmt, angenommen, genehmigt */
  BK_OUTCOME_REJECTED,     /* abgelehnt, nicht beschlossen */
  BK_OUTCOME_POSTPONED,    /* vertagt, zurückgestellt, abgesetzt */
  BK_OUTCOME_REFERRED,     /* verwiesen, überwiesen */
  BK_OUTCOME_NOTED,        /* zur Kenntnis genommen */
  BK_OUTCOME_RECOMMENDED,  /* empfohlen: a committee's advice to the deciding body */
  BK_OUTCOME_WITHDRAWN,    /* zurückgezogen */
  BK_OUTCOME_OTHER,        /* a result the kiosk cannot place: shown as written */
} BkOutcome;

/* Vote counts; -1 where the text does not say. */
typedef struct {
  int yes;
  int no;
  int abstain;
  gboolean unanimous;      /* "einstimmig" */
  gboolean majority;       /* "mehrheitlich" */
} BkVotes;

/* The outcome a result text names; NONE for NULL or blank. */
BkOutcome   bk_outcome_classify     (const char *result);
/* A name for the database ("decided", …), NULL for NONE; and back (unknown
 * names give NONE). */
const char *bk_outcome_to_string    (BkOutcome   outcome);
BkOutcome   bk_outcome_from_string  (const char *name);
/* Whether the outcome ends the paper's way through the councils: decided,
 * rejected, taken note of, withdrawn. */
gboolean    bk_outcome_is_final     (BkOutcome   outcome);
/* The SQL list of the final outcomes' names, for the "decided" filter:
 * "('decided', 'rejected', 'noted', 'withdrawn')". */
const char *bk_outcome_final_sql    (void);

/* Reads vote counts from text ("12 Ja, 3 Nein, 1 Enthaltung", "Ja: 12 /
 * Nein: 3", "einstimmig"); TRUE when it found any. Counts already set in
 * votes are kept unless text gives them. */
gboolean    bk_votes_parse          (const char *text,
                                     BkVotes    *votes);
void        bk_votes_init           (BkVotes    *votes);
gboolean    bk_votes_any            (const BkVotes *votes);

G_END_DECLS
