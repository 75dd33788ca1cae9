/* bk-service-page.h: one service of the administration, readable from top
 * to bottom
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bk-store.h"
#include "bk-voice.h"

G_BEGIN_DECLS

/* The sections, in the order they are shown and read. */
typedef enum {
  BK_SERVICE_SECTION_EASY_READ,
  BK_SERVICE_SECTION_WHAT,
  BK_SERVICE_SECTION_WHO,
  BK_SERVICE_SECTION_DOCUMENTS,
  BK_SERVICE_SECTION_COSTS,
  BK_SERVICE_SECTION_PROCESSING_TIME,
  BK_SERVICE_SECTION_DEADLINES,
  BK_SERVICE_SECTION_STEPS,
  BK_SERVICE_SECTION_LEGAL_BASIS,
  BK_SERVICE_SECTION_OFFICE,
  BK_SERVICE_SECTION_ONLINE,
  BK_SERVICE_SECTION_FORMS,
  BK_SERVICE_SECTION_HINTS,      /* shown only when the description has them */
  BK_SERVICE_SECTION_MORE,       /* further information; only when there is some */
  BK_SERVICE_N_SECTIONS
} BkServiceSection;

#define BK_TYPE_SERVICE_PAGE (bk_service_page_get_type ())
G_DECLARE_FINAL_TYPE (BkServicePage, bk_service_page, BK, SERVICE_PAGE, GtkWidget)

GtkWidget  *bk_service_page_new             (void);
/* Loads and shows the service; FALSE and error when it cannot be loaded.
 * NULL id: as bk_service_page_clear (). */
gboolean    bk_service_page_show_service    (BkServicePage *self,
                                             const char    *id,
                                             GError       **error);
void        bk_service_page_clear           (BkServicePage *self);



G_END_DECLS
