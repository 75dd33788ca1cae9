/* bk-text-subject.h: the title of a paper, or one taken from its request
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-text-doc.h"

G_BEGIN_DECLS

/* Offers the header's title candidates to doc->subject. */
void  bk_text_choose_subject (BkTextDoc  *doc);
/* A short title made from the first sentence of a request, or NULL. */
char *bk_text_derive_subject (const char *request);

G_END_DECLS
