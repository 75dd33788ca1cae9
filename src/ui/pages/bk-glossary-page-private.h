/* bk-glossary-page-private.h: for tests only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-glossary-page.h"

G_BEGIN_DECLS

GtkWidget  *bk_glossary_page_get_read_button (BkGlossaryPage *self);
/* The list row of term, or NULL. */
GtkWidget  *bk_glossary_page_get_row         (BkGlossaryPage *self,
                                              const char     *term);
/* The term explained now, or NULL. */
const char *bk_glossary_page_get_term        (BkGlossaryPage *self);

G_END_DECLS
