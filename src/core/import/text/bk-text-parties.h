/* bk-text-parties.h: who submits a paper, who signs it, whom it addresses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-text-doc.h"

G_BEGIN_DECLS

/* A list of submitters from a label's value ("CDU, SPD, KTA Maria
 * Beispiel"); an administrative unit with commas stays one item. */
void  bk_text_offer_submitters          (BkTextDoc        *doc,
                                         const char       *value,
                                         int               score);
/* A header line (letterhead, "Antrag der X zur …") and the paragraph it
 * belongs to (may be NULL). */
void  bk_text_submitters_from_header    (BkTextDoc        *doc,
                                         const BkTextLine *l,
                                         const char       *paragraph);
/* A sentence of a letter or request: "die SPD-Fraktion beantragt …". */
void  bk_text_submitters_from_text      (BkTextDoc        *doc,
                                         const char       *text);
/* The lines of a closing block: names, roles, factions. */
void  bk_text_parse_signatures          (BkTextDoc        *doc,
                                         GPtrArray        *lines);
/* Name lines that end a block without a greeting are taken off it and
 * read as signatures; returns how many lines were taken. */
guint bk_text_trailing_signatures       (BkTextDoc        *doc,
                                         GPtrArray        *lines);
/* The chosen submitters and the signatories' roles into the motion. */
void  bk_text_finish_parties            (BkTextDoc        *doc);
void  bk_text_addressee_from_salutation (BkTextDoc        *doc);

G_END_DECLS
