/* bk-home-page-private.h: for tests only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-home-page.h"

G_BEGIN_DECLS

GtkWidget *bk_home_page_get_choice       (BkHomePage *self,
                                          guint       index);
/* The first choice; it gets the focus when the page is shown. */
GtkWidget *bk_home_page_get_first_choice (BkHomePage *self);

G_END_DECLS
