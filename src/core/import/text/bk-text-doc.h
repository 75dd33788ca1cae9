/* bk-text-doc.h: a paper while the reader works on it
 *
 * The lines, the blocks the cues divide them into, and one scored slot per
 * field; the passes (header, consultations, parties, points, subject) fill
 * the slots, the parser chooses from them at the end. Nothing here decides
 * anything: this is the shared state, with the few helpers every pass needs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-motion.h"
#include "bk-text-lines.h"
#include "bk-text-slot.h"

G_BEGIN_DECLS

/* Between the items of a list offered as one candidate (the unit separator). */
#define BK_TEXT_LIST_SEP "\x1f"

typedef enum {
  BK_BLOCK_PRE,            /* before the paper's text: letterhead, header fields, title */
  BK_BLOCK_SALUTATION,
  BK_BLOCK_INTRO,          /* a letter's text before its request */
  BK_BLOCK_BODY,           /* text no cue claimed (after a decision's status) */
  BK_BLOCK_REQUEST,        /* the proposed resolution */
  BK_BLOCK_QUESTIONS,
  BK_BLOCK_JUSTIFICATION,
  BK_BLOCK_CONSULT,        /* Beratungsfolge */
  BK_BLOCK_ATTACHMENTS,
  BK_BLOCK_FINANCE,
  BK_BLOCK_STATEMENT,      /* the administration's opinion or answer */
  BK_BLOCK_NOTE,           /* Hinweis, Anmerkung, vote counts */
  BK_BLOCK_STATUS,         /* "Beschluss: einstimmig beschlossen": one line */
  BK_BLOCK_CLOSING,        /* greeting and signatures */
  BK_BLOCK_POSTSCRIPT,
  BK_BLOCK_EASY,           /* summary in Leichte Sprache */
} BkBlockKind;

typedef struct {
  BkBlockKind kind;
  BkTextLine *cue;         /* the line that opened it, or NULL */
  GPtrArray *lines;        /* BkTextLine*, borrowed; blank lines included */
} BkTextBlock;

typedef struct {
  GPtrArray *lines;        /* BkTextLine*, owned */
  GPtrArray *extra;        /* BkTextLine* made from text after a cue, owned */
  GPtrArray *blocks;       /* BkTextBlock*, owned, in text order */
  BkMotion *m;

  BkTextSlot subject;
  BkTextSlot date;
  BkTextSlot body;
  BkTextSlot type;
  BkTextSlot reference;
  BkTextSlot addressee;
  BkTextSlot submitters;   /* whole lists, items separated by BK_TEXT_LIST_SEP */
  GPtrArray *closing_factions;  /* char*: factions named in a signature block */
  GHashTable *letterhead_roles; /* name → role */
  GHashTable *own_refs;         /* numbers given as the paper's own */
  GPtrArray *related;           /* char*: numbers of other papers, in text order */
  GPtrArray *places;            /* char*: "Stadt Zittau", "Gemeinde Augustdorf" */
  int is_public;                /* -1 unknown, 0, 1 */
  gboolean type_boxes;          /* a form offers types to tick */
  char *salutation;

  /* for the warnings */
  gboolean text_dropped;        /* site remnants around the paper left out */
  gboolean decision_record;     /* a decision's status or vote in the text */
  gboolean markup_lost;         /* an amendment's bold/struck marks are lost */
  gboolean struck;              /* struck-through wording was left out */
  gboolean numbers_repeated;    /* every item numbered "1." */
} BkTextDoc;

void         bk_text_doc_init          (BkTextDoc   *doc);
void         bk_text_doc_clear         (BkTextDoc   *doc);

BkTextBlock *bk_text_doc_add_block     (BkTextDoc   *doc,
                                        BkBlockKind  kind,
                                        BkTextLine  *cue);
/* A line made from text after a cue, added to block. */
BkTextLine  *bk_text_doc_add_extra     (BkTextDoc   *doc,
                                        BkTextBlock *block,
                                        const char  *text);
/* TRUE when the block holds a line with text. */
gboolean     bk_text_block_has_text    (const BkTextBlock *block);
/* The blocks of kind, in order. */
GPtrArray   *bk_text_doc_blocks_of     (BkTextDoc   *doc,
                                        BkBlockKind  kind);
/* The lines of every block of the given kinds, in text order (borrowed). */
GPtrArray   *bk_text_doc_lines_of      (BkTextDoc   *doc,
                                        const BkBlockKind *kinds,
                                        guint        n_kinds);
/* A place the text names with its kind: "Stadt Zittau", "Kreishaus X";
 * header: text of the header, where "des Landkreises X" names the place. */
void         bk_text_doc_scan_places   (BkTextDoc   *doc,
                                        const char  *text,
                                        gboolean     header);

G_END_DECLS
