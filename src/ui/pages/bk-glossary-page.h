/* bk-glossary-page.h: administrative words explained, from A to Z
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bk-glossary.h"
#include "bk-voice.h"

G_BEGIN_DECLS

#define BK_TYPE_GLOSSARY_PAGE (bk_glossary_page_get_type ())
G_DECLARE_FINAL_TYPE (BkGlossaryPage, bk_glossary_page, BK, GLOSSARY_PAGE, GtkWidget)

GtkWidget  *bk_glossary_page_new             (void);
/* Shows the explanation of term (the term or any of its forms); NULL or ""
 * shows the list alone. FALSE for a word the glossary does not know. */
gboolean    bk_glossary_page_show_term       (BkGlossaryPage *self,
                                              const char     *term);
/* Reads the explanation aloud in German; the utterance id or 0. */
guint       bk_glossary_page_read_aloud      (BkGlossaryPage *self);

G_END_DECLS
