/* bk-html-reduce.h: the HTML of service descriptions reduced to the kiosk's
 * text structure
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Reduces HTML (or plain text) to the kiosk's structure (bk-service.h,
 * "Text structure"): blocks separated by an empty line; "# " starts a
 * heading; a block whose lines start with "• " or "1. " is a list; line
 * breaks stay inside a paragraph; a link becomes "text (address)". Every
 * other tag goes and its text stays, except the content of script, style
 * and other elements that are no text at all. Entities are decoded.
 * links (may be NULL) receives every http(s) link as a BkServiceForm
 * (title, url). NULL when nothing but white space is left. */
char *bk_html_reduce_text  (const char *html,
                            GPtrArray  *links);
/* All text on one line, white space collapsed; NULL when empty. */
char *bk_html_reduce_line  (const char *html);
/* One string per list item and per paragraph or heading outside a list, in
 * order, appended to items; links as in bk_html_reduce_text. */
void  bk_html_reduce_items (const char *html,
                            GPtrArray  *items,
                            GPtrArray  *links);

G_END_DECLS
