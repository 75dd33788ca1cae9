/* bk-service-office.h: "Where to go" on a service page: the office, and for
 * services whose office depends on the town, the citizen's town
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "bk-reader.h"
#include "bk-settings.h"
#include "bk-store.h"

G_BEGIN_DECLS

/* The setting that holds the citizen's town (its ARS) for the session. */
#define BK_SERVICE_OFFICE_TOWN_KEY "town"

/* NULL or only white space. */
gboolean    bk_service_office_is_blank  (const char      *text);

/* Our own words in a section of German text: a note in the interface
 * language ("The description says nothing about this."). */
GtkWidget  *bk_service_office_add_note  (BkReader        *reader,
                                         guint            section,
                                         GtkBox          *body,
                                         const char      *text);

/* Fills body with the office of service. For a service from XZuFi: the
 * towns as toggles that set the town of the session in settings, and the
 * office of each town, only the chosen one shown (bk_service_office_show_town). */
void        bk_service_office_fill      (BkReader        *reader,
                                         guint            section,
                                         GtkBox          *body,
                                         const BkService *service,
                                         GPtrArray       *towns,
                                         BkSettings      *settings);
/* Shows the office for the town ars (NULL: the one asking to choose). */
void        bk_service_office_show_town (GtkBox          *body,
                                         const char      *ars);
/* The town in effect: the session's when it is one of towns (BkTown), the
 * only town when there is one; else NULL. */
const char *bk_service_office_get_town  (GPtrArray       *towns,
                                         BkSettings      *settings);
/* The office for the town in effect (service->office for a hand-written
 * service), or NULL. */
const BkServiceOffice *bk_service_office_get (const BkService *service,
                                              const char      *ars);
/* What is said when the citizen chooses a town: "Your town: …. Where to
 * go: …". */
char       *bk_service_office_describe  (const BkService *service,
                                         GPtrArray       *towns,
                                         const char      *ars);
/* The town toggle for ars in body, or NULL (tests). */
GtkWidget  *bk_service_office_get_town_button (GtkBox     *body,
                                               const char *ars);

G_END_DECLS
