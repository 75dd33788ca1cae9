/* bk-services-page-private.h: for tests only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-services-page.h"

G_BEGIN_DECLS

const char *bk_services_page_get_count_text     (BkServicesPage *self);
/* The GtkListBox of results; each row is bound to win.open-service with
 * the service id. */
GtkWidget  *bk_services_page_get_list           (BkServicesPage *self);
guint       bk_services_page_get_n_results      (BkServicesPage *self);
/* The toggle for a municipality, or "All places" for NULL. */
GtkWidget  *bk_services_page_get_place_button   (BkServicesPage *self,
                                                 const char     *municipality);
/* The id of result position, or NULL. */
const char *bk_services_page_get_result_id      (BkServicesPage *self,
                                                 guint           position);
GtkWidget  *bk_services_page_get_search_entry   (BkServicesPage *self);
/* The toggle for a life situation id, or "All topics" for NULL. */
GtkWidget  *bk_services_page_get_situation_button (BkServicesPage *self,
                                                   const char     *life_situation);

G_END_DECLS
