/* bk-care-home.h: care-home mode, for residents with an assistant
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "bk-window.h"

G_BEGIN_DECLS

/* Every kiosk window of app gets the mode's parts; they show while the
 * setting care-home-mode is on. */
void       bk_care_home_install            (GtkApplication *app);

/* Reads the whole screen in order with the kiosk's voice. */
void       bk_care_home_read_everything    (BkWindow       *window);
/* The assistant's quick panel (Ctrl+Alt+H, or a 3-second hold on the
 * title); FALSE when care-home mode is off. */
gboolean   bk_care_home_open_panel         (BkWindow       *window);
void       bk_care_home_close_panel        (BkWindow       *window);

/* For tests: the "Read everything to me" button, the open panel or NULL,
 * and what the last reading said. */
GtkWidget  *bk_care_home_get_read_button   (BkWindow       *window);
GtkWidget  *bk_care_home_get_panel         (BkWindow       *window);
const char *bk_care_home_get_last_reading  (BkWindow       *window);

G_END_DECLS
