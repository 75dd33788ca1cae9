/* bk-pick-list.h: answers to choose under a text field
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BK_TYPE_PICK_LIST (bk_pick_list_get_type ())
G_DECLARE_FINAL_TYPE (BkPickList, bk_pick_list, BK, PICK_LIST, GtkWidget)

/* The items for what is typed in the field (the strings stay the caller's),
 * at most limit; n_matches: how many there are in all. */
typedef GPtrArray *(*BkPickListMatch) (const char *typed,
                                       guint       limit,
                                       guint      *n_matches,
                                       gpointer    user_data);

/* Under input (a GtkEditable or a GtkTextView): title names the list ("Streets in Stadt
 * Auenbach"); choosing an item writes it into input, then a space (for the
 * house number), and gives input the focus. Typing stays free: the list
 * only narrows down. */
GtkWidget  *bk_pick_list_new        (GtkWidget       *input,
                                     const char      *title,
                                     BkPickListMatch  match,
                                     gpointer         user_data,
                                     GDestroyNotify   destroy);
/* A last button after the items ("Something else – write it myself"),
 * kept when the items change; the caller connects its "clicked". */
GtkWidget  *bk_pick_list_add_other  (BkPickList      *self,
                                     const char      *label);
/* The button of item shown now, or NULL. */
GtkWidget  *bk_pick_list_get_button (BkPickList      *self,
                                     const char      *item);
guint       bk_pick_list_get_n_shown (BkPickList     *self);
GtkWidget  *bk_pick_list_get_other  (BkPickList      *self);

G_END_DECLS
