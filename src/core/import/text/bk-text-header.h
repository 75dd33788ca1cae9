/* bk-text-header.h: the fields at the head of a paper
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-text-doc.h"

G_BEGIN_DECLS

/* A line that only dates a letter ("Ort, den 3.2.25"): offers the date. */
gboolean bk_text_letter_date  (BkTextDoc  *doc,
                               const char *text,
                               int         score);
/* Reads the header lines (the paper's lines before its text). */
void     bk_text_read_header  (BkTextDoc  *doc,
                               GPtrArray  *lines);

G_END_DECLS
