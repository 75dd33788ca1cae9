/* bk-lockdown.h: no toolkit surface in --kiosk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void     bk_lockdown_environment (void);
void     bk_lockdown_install     (void);
void     bk_lockdown_window      (GtkWindow       *window);
gboolean bk_lockdown_refuses_key (guint            keyval,
                                  GdkModifierType  state);

G_END_DECLS
