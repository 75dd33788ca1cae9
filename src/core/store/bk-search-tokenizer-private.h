/* bk-search-tokenizer-private.h: for the benchmarks and tests only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Query words looked up with their stems (the default) or alone: the search
 * benchmark's baseline without stems, in the same run. All connections. */
void _bk_search_tokenizer_set_stemming (gboolean enabled);

G_END_DECLS
