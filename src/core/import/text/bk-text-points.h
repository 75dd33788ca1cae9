/* bk-text-points.h: the points of a resolution and the questions of an Anfrage
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-text-doc.h"

G_BEGIN_DECLS

/* The request's lines as resolution points with sub-points. */
void bk_text_build_points    (BkTextDoc *doc,
                              GPtrArray *lines);
/* The lines of an Anfrage as questions with sub-questions. */
void bk_text_build_questions (BkTextDoc *doc,
                              GPtrArray *lines);

G_END_DECLS
