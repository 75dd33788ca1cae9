/* bk-text-refs.h: paper numbers ("Drucksache 15/0292", "VI-DS-08178-DS-02")
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Length of a paper number at p ("15/0292", "062a/2016", "SVV/0532/2011",
 * "1061/III", "A0188/25/1"), 0 if none. Without relaxed a separator is
 * required, so that plain numbers and years are not taken for papers;
 * year ranges ("2020/2021") never count. */
gsize  bk_text_ref_token       (const char *p,
                                gboolean    relaxed);
/* A copy of the number at p with "SVV/ 0474" written "SVV/0474". */
char  *bk_text_ref_dup         (const char *p,
                                gsize      *len);
/* Numbers the text gives after a keyword ("Vorlage 12/0301", "Antrag Nr.
 * 7/2020", "zur Drucksache …") or in the shape of own (same groups of
 * letters and digits), appended to out in text order. */
void   bk_text_scan_references (const char *text,
                                const char *own,
                                GPtrArray  *out);

G_END_DECLS
