/* bk-rating-private.h: for tests only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-rating.h"

G_BEGIN_DECLS

/* The toggle button for rating 1 … 5. */
GtkWidget *bk_rating_get_button   (BkRating *self,
                                   int       rating);
GtkWidget *bk_rating_get_send_button (BkRating *self);

G_END_DECLS
