/* bk-text-warn.h: what the reader could not find or was unsure of
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-text-doc.h"

G_BEGIN_DECLS

/* Adds a warning for every gap in the finished motion and every doubt the
 * passes noted. type_score is the score of the chosen type (0: none);
 * cut_off when the text ends in the middle of a sentence. */
void bk_text_add_warnings (BkTextDoc *doc,
                           int        type_score,
                           gboolean   cut_off);

G_END_DECLS
