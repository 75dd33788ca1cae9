/* bk-navigator-private.h: for tests only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-navigator.h"

G_BEGIN_DECLS

gboolean     bk_navigator_get_active         (BkNavigator         *self);
/* The EZ reading cursor: NULL when EZ mode is off. */
GtkWidget   *bk_navigator_get_current        (BkNavigator         *self);
BkScanner   *bk_navigator_get_scanner        (BkNavigator         *self);
void         bk_navigator_set_time_func      (BkNavigator         *self,
                                              BkNavigatorTimeFunc  func,
                                              gpointer             user_data);
/* Both of the above; TRUE when the key was used or swallowed. */
gboolean     bk_navigator_handle_key         (BkNavigator         *self,
                                              guint                keyval,
                                              GdkModifierType      state);

G_END_DECLS
