/* bk-services-page.h: the service catalogue: browse by life situation or
 * place, search as you type
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bk-store.h"

G_BEGIN_DECLS

#define BK_TYPE_SERVICES_PAGE (bk_services_page_get_type ())
G_DECLARE_FINAL_TYPE (BkServicesPage, bk_services_page, BK, SERVICES_PAGE, GtkWidget)

GtkWidget  *bk_services_page_new                (void);

GtkWidget  *bk_services_page_get_search_entry   (BkServicesPage *self);
/* The toggle for a life situation id, or "All topics" for NULL. */
GtkWidget  *bk_services_page_get_situation_button (BkServicesPage *self,
                                                   const char     *life_situation);
/* The toggle for a municipality, or "All places" for NULL. */
GtkWidget  *bk_services_page_get_place_button   (BkServicesPage *self,
                                                 const char     *municipality);
/* The GtkListBox of results; each row is bound to win.open-service with
 * the service id. */
GtkWidget  *bk_services_page_get_list           (BkServicesPage *self);
guint       bk_services_page_get_n_results      (BkServicesPage *self);
/* The id of result position, or NULL. */
const char *bk_services_page_get_result_id      (BkServicesPage *self,
                                                 guint           position);
const char *bk_services_page_get_count_text     (BkServicesPage *self);

G_END_DECLS
