/* bk-text-tidy.h: page furniture and site remnants out of the reader's lines
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Page numbers, repeated page headers and duplicated lines are marked
 * removed (the paragraphs a page break split joined again); hard wraps
 * across blank lines are joined; source lines and bare web addresses,
 * lead-ins and site remnants before and after the paper are marked as
 * noise. Returns TRUE when text around the paper was left out. */
gboolean bk_text_tidy_lines        (GPtrArray *lines);
/* Numbers the paragraphs of the lines that are left. */
void     bk_text_number_paragraphs (GPtrArray *lines);

G_END_DECLS
