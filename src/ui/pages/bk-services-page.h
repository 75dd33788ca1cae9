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


G_END_DECLS
