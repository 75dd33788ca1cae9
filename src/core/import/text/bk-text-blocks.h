/* bk-text-blocks.h: the blocks of a paper, found by their cues
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-text-doc.h"

G_BEGIN_DECLS

/* Divides doc->lines into doc->blocks. */
void     bk_text_find_blocks     (BkTextDoc  *doc);

G_END_DECLS
