/* bk-ui.h: shared helpers of the kiosk's user interface
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Registers the resources and the widget types; call before building any UI. */
void  bk_ui_init              (void);

/* "2 December 2026" in the user's language, or a copy of iso if it is not a
 * date. NULL for NULL or "". */
char *bk_ui_format_date       (const char *iso);

/* The local date as yyyy-mm-dd. */
char *bk_ui_dup_today         (void);

/* Sets the accessible name of widget (and, if non-NULL, its description). */
void  bk_ui_set_accessible    (GtkWidget  *widget,
                               const char *label,
                               const char *description);

/* For dispose: unparents what gtk_widget_dispose_template() leaves (the
 * template's direct children without an id). */
void  bk_ui_unparent_children (GtkWidget *widget);

G_END_DECLS
