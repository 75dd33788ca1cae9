/* bk-terms-row.h: buttons that explain the difficult words of a text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* "Words explained:" and a button for every glossary word in text, or NULL
 * when there is none. */
GtkWidget *bk_terms_row_new (const char *text);

G_END_DECLS
