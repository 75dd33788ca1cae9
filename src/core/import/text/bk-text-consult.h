/* bk-text-consult.h: where and when a paper is discussed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-text-doc.h"

G_BEGIN_DECLS

typedef enum {
  BK_COL_NONE,
  BK_COL_COMMITTEE,
  BK_COL_DATE,
  BK_COL_ROLE,
  BK_COL_PUBLIC,
} BkColumn;

#define BK_MAX_COLUMNS 8

/* Adds an entry unless the same committee on the same date is there
 * already (then fills in what it lacked). pub: -1 unknown, 0, 1. */
BkConsultation *bk_text_add_consultation (BkTextDoc        *doc,
                                          const char       *committee,
                                          const char       *date,
                                          const char       *role,
                                          int               pub);
/* A table's header row ("Gremium | Datum | Zuständigkeit") into map. */
gboolean        bk_text_consult_header   (const BkTextLine *l,
                                          BkColumn         *map);
/* A row of cells; map may be NULL. in_table: under a Beratungsfolge
 * heading or header row, where less evidence is needed. */
gboolean        bk_text_consult_row      (BkTextDoc        *doc,
                                          const BkTextLine *l,
                                          const BkColumn   *map,
                                          gboolean          in_table);
/* One entry on a line: "Kreisausschuss 12.03.2025 Vorberatung Ö". */
gboolean        bk_text_consult_line     (BkTextDoc        *doc,
                                          const char       *text,
                                          gboolean          in_block);
/* The lines under a Beratungsfolge heading, in any of its forms. */
void            bk_text_consult_block    (BkTextDoc        *doc,
                                          GPtrArray        *lines);
/* Sessions named in sentences ("zur Sitzung des Stadtrates am …") and the
 * documented abbreviations (KA, KT); with requests also a letter's wish to
 * have it discussed ("… im Bauausschuss am … zu beraten"). */
void            bk_text_consult_phrases  (BkTextDoc        *doc,
                                          const char       *text,
                                          gboolean          requests);
/* Committees it is to be referred to, without a date ("im HFS-Ausschuss
 * zu behandeln"). */
void            bk_text_consult_referrals (BkTextDoc       *doc,
                                           const char      *text);

G_END_DECLS
