/* bk-fold.h: German text folded for search
 *
 * Used by the search indexes and the glossary.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Folds German text for search: lower case, ä→ae ö→oe ü→ue ß→ss, other
 * diacritics removed (é→e), punctuation to spaces. Used for the index and the
 * query alike so that "Bürgerportal", "buergerportal" and "BUERGERPORTAL" meet. */
char *bk_fold_for_search (const char *text);

G_END_DECLS
