/* bk-html-text.h: the text of an HTML page saved from a council information system
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* TRUE when data starts like an HTML page (a doctype, <html>, <head> or
 * <body> near the top). Text files with a few tags stay text. */
gboolean  bk_html_text_sniff   (const char  *data,
                                gsize        len);
/* The page's text for the paper reader, UTF-8. Fails with
 * BK_ERROR_INVALID_INPUT when the page cannot be read or holds no text;
 * the message does not name the file, callers prefix it. */
char     *bk_html_text_extract (const char  *data,
                                gsize        len,
                                GError     **error);

G_END_DECLS
