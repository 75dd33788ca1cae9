/* bk-search-tokenizer.h: the German FTS5 tokenizer of the search index
 *
 * Registered on every connection that reads or writes the search index.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

#define BK_SEARCH_TOKENIZER "bk_german"
/* Bytes of a word the index keeps; the search cuts query words to it too. */
#define BK_SEARCH_TOKENIZER_MAX_WORD 64

/* Registers the "bk_german" FTS5 tokenizer on a connection; every connection
 * that reads or writes the search index needs it. Text reaching it is already
 * folded (bk-fold.c). A document word is indexed whole (its first 64 bytes),
 * and for words of eight to 64 bytes every ending of four or more letters is
 * indexed at the same position, so that a prefix query for "strategie" finds
 * "Digitalisierungsstrategie" with one index look-up. A query word is looked
 * up with its German stem (Snowball) beside it, when that is shorter. */
int bk_search_tokenizer_register (sqlite3 *db);

G_END_DECLS
