/* bk-rating.h: the optional satisfaction rating at the end of a session
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BK_TYPE_RATING (bk_rating_get_type ())
G_DECLARE_FINAL_TYPE (BkRating, bk_rating, BK, RATING, GtkBox)

/* Signals: "rated" (int rating 1 … 5) after Send, "skipped" after No, thanks.
 * In a window of the BkApplication, Send also counts the rating in the
 * session's statistics (BK_STATS_RATING): just put the widget where a
 * session ends. */
GtkWidget *bk_rating_new          (void);
/* 0: none chosen */
int        bk_rating_get_selected (BkRating *self);
void       bk_rating_select       (BkRating *self,
                                   int       rating);
/* Back to nothing chosen (a new session). */
void       bk_rating_reset        (BkRating *self);

/* The keys 1 to 5 choose a step (and focus it); FALSE for any other key or
 * once the rating was sent. Pages call it for keys anywhere on them. */
gboolean    bk_rating_choose_by_key    (BkRating        *self,
                                        guint            keyval,
                                        GdkModifierType  state);

G_END_DECLS
