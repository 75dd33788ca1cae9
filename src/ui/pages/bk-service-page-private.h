/* bk-service-page-private.h: for tests only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-service-page.h"

G_BEGIN_DECLS

/* "What you can do here": buttons for commands on this service (forms,
 * appointments). add_action appends a button bound to action_name and
 * target and shows the section; the section is emptied when another
 * service is shown. */
GtkWidget  *bk_service_page_get_actions_box (BkServicePage *self);
GtkWidget  *bk_service_page_get_heading     (BkServicePage *self,
                                             BkServiceSection section);
/* The BkQr of the online service (hidden when there is none). */
GtkWidget  *bk_service_page_get_qr          (BkServicePage *self);
/* -1: "Read the whole page" */
GtkWidget  *bk_service_page_get_read_button (BkServicePage *self,
                                             int            section);
/* A section, or the whole page for -1 (with the easy-read text when it is
 * shown). */
guint       bk_service_page_get_reading_id  (BkServicePage *self);
GtkWidget  *bk_service_page_get_section     (BkServicePage *self,
                                             BkServiceSection section);
const char *bk_service_page_get_service_id  (BkServicePage *self);
const char *bk_service_page_get_title       (BkServicePage *self);
/* The toggle of the town with this ARS under "Where to go", or NULL. */
GtkWidget  *bk_service_page_get_town_button (BkServicePage *self,
                                             const char    *ars);
GtkWidget  *bk_service_page_add_action      (BkServicePage *self,
                                             const char    *label,
                                             const char    *action_name,
                                             GVariant      *target);

G_END_DECLS
