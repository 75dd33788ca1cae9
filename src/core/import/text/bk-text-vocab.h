/* bk-text-vocab.h: the words of German council papers the reader knows
 *
 * Assemblies and committees, paper types, field labels, consultation roles
 * and the cue phrases that open the blocks of a paper. Pure look-ups on text
 * lowered with bk_text_lower_same_length (); nothing here keeps state. The
 * lowest layer of the reader: every other file of it may use this one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* text lowered byte for byte with line breaks made spaces: phrases may
 * wrap ("Sitzung der\nGemeindevertretung"), the offsets stay those of text. */
char        *bk_text_lower_flat        (const char  *text);

/* The field a header label ("Betreff:", "Drucksache Nr.:") names. */
typedef enum {
  BK_LABEL_NONE,
  BK_LABEL_DATE,
  BK_LABEL_SUBMITTER,
  BK_LABEL_AUTHOR,       /* Verfasser: persons who wrote it */
  BK_LABEL_LEAD,         /* Federführend: the office in charge */
  BK_LABEL_REFERENCE,
  BK_LABEL_SUBJECT,
  BK_LABEL_STATUS,
  BK_LABEL_TYPE,
  BK_LABEL_ADDRESSEE,
  BK_LABEL_BODY,
  BK_LABEL_RELATED,      /* Bezüglich:, Zum Verhandlungsgegenstand */
  BK_LABEL_SESSION,      /* Sitzungstermin: a consultation date */
  BK_LABEL_IGNORED,      /* Bearbeiter:, Telefon: … known, not used */
} BkLabelKind;

/* Matches a label at the start of lw ("betreff:", "drucksache nr.:",
 * "vorlage-art:"): returns its kind, the offset of the value and whether a
 * colon followed. Allocates nothing. */
BkLabelKind  bk_text_match_label_low   (const char  *lw,
                                        gsize       *value_off,
                                        gboolean    *colon);
/* TRUE for a label that stands alone as a table's column or row head
 * ("Datum", "Absender", "Kurztitel"), its value elsewhere; "Fraktion" or
 * "Art" alone are words, not labels. low is the lowered cell. */
gboolean     bk_text_label_stands_alone (const char *low);
/* The same on a cell in its original case; *value points into cell. */
BkLabelKind  bk_text_match_label       (const char  *cell,
                                        const char **value,
                                        gboolean    *colon);

/* Assemblies that decide ("kreistag", "rat der", "stadtverordnetenversammlung"):
 * the length of the assembly word at the start of low, 0 if none. */
gsize        bk_text_assembly_at       (const char  *low);
gboolean     bk_text_is_body_start     (const char  *low);
/* First assembly word anywhere in low (any grammatical case), or NULL. */
const char  *bk_text_find_assembly     (const char  *low,
                                        gsize       *len);
/* The same; with plenary only assemblies, not their committees. */
const char  *bk_text_find_assembly_full (const char *low,
                                         gboolean    plenary,
                                         gsize      *len);
/* "Stadtrates" → "Stadtrat", "Ausschusses für X" → "Ausschuss für X". */
char        *bk_text_nominative        (const char  *name);
/* Administrations that answer letters ("kreisverwaltung", "bezirksamt"). */
gsize        bk_text_administration_at (const char  *low);
gboolean     bk_text_has_committee_word (const char *text);

/* The paper type named by the word at low (a whole word), as a canonical
 * name ("Änderungsantrag", "Große Anfrage"), or NULL; *len receives the
 * length of the words matched. specific is FALSE for the plain "Antrag". */
const char  *bk_text_type_at           (const char  *low,
                                        gsize       *len,
                                        gboolean    *specific);
/* The first type named anywhere in low, specific kinds first. */
const char  *bk_text_find_type         (const char  *low,
                                        gboolean    *specific);
/* TRUE when the canonical type is a kind of question (Anfrage …). */
gboolean     bk_text_type_is_question  (const char  *type);

/* Roles of a consultation ("Vorberatung", "1. Lesung"): the offset of the
 * role in low, or -1; *len its length. */
gssize       bk_text_find_consult_role (const char  *low,
                                        gsize       *len);
gboolean     bk_text_is_consult_role   (const char  *low);
/* ö / nichtöffentlich … as a flag. */
gboolean     bk_text_public_flag       (const char  *text,
                                        int         *value);

/* Roles of signatories ("Fraktionsvorsitzender", "Stadträtin", "MdL"). */
gboolean     bk_text_is_role_text      (const char  *text);

/* TRUE when the lowered text asks for something ("beantragt", "wird
 * beauftragt", "möge", "bittet …"). */
gboolean     bk_text_is_request_text   (const char  *low);

/* Navigation and site remnants: a whole line that a web page puts around a
 * paper ("Verwandte Artikel", "Weiterlesen »"). */
gboolean     bk_text_is_site_remnant   (const char  *low);
/* A line that introduces the paper's text on a news page ("Hier lesen Sie
 * mehr:", "Es folgt der Text des Schreibens:"). */
gboolean     bk_text_is_lead_in        (const char  *low);

G_END_DECLS
