/* bk-text-parser.h: the council-paper reader's entry point
 *
 * Text in, motion out: the one function the importer, the paper reader (HTML
 * and PDF after extraction) and the tests call; everything else in this folder
 * is private to it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-motion.h"

G_BEGIN_DECLS

/* Largest text file the parser accepts, in bytes. */
#define BK_TEXT_PARSER_MAX_SIZE (8 * 1024 * 1024)

/* Extracts a motion from a plain-text or Markdown export or a typed letter.
 * Never invents a value: what the text does not say stays NULL / empty.
 * Fails with BK_ERROR_INVALID_INPUT (empty, binary, invalid UTF-8 with the line
 * number, no motion found) or BK_ERROR_TOO_LARGE; the message does not name the
 * file, callers prefix it. len -1 means NUL-terminated. */
BkMotion *bk_text_parser_parse (const char  *text,
                                gssize       len,
                                GError     **error);

G_END_DECLS
