/* bk-ui.c: shared helpers of the kiosk's user interface
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-ui"

#include "bk-config.h"

#include <glib/gi18n.h>

#include "bk-home-page.h"
#include "bk-motion-list-page.h"
#include "bk-motion-page.h"
#include "bk-motion-row.h"
#include "bk-services-page.h"
#include "bk-ui.h"
#include "bk-ui-resources.h"
#include "bk-window.h"

void
bk_ui_init (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      /* Referencing the resource keeps it linked in from the static library;
       * its constructor registers it. */
      g_assert (bk_ui_get_resource () != NULL);

      g_type_ensure (BK_TYPE_HOME_PAGE);
      g_type_ensure (BK_TYPE_SERVICES_PAGE);
      g_type_ensure (BK_TYPE_MOTION_LIST_PAGE);
      g_type_ensure (BK_TYPE_MOTION_PAGE);
      g_type_ensure (BK_TYPE_MOTION_ROW);
      g_type_ensure (BK_TYPE_WINDOW);

      g_once_init_leave (&initialized, 1);
    }
}

static const char *const month_names[] = {
  N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
  N_("July"), N_("August"), N_("September"), N_("October"), N_("November"), N_("December"),
};

char *
bk_ui_format_date (const char *iso)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autoptr(GTimeZone) utc = NULL;
  int y, m, d;

  if (iso == NULL || iso[0] == '\0')
    return NULL;

  if (sscanf (iso, "%4d-%2d-%2d", &y, &m, &d) != 3)
    return g_strdup (iso);

  utc = g_time_zone_new_utc ();
  dt = g_date_time_new (utc, y, m, d, 12, 0, 0);
  if (dt == NULL)
    return g_strdup (iso);

  /* Month names come from our own catalogue: the C.UTF-8 locale the kiosk
   * falls back to would name every month in English. */
  /* Translators: a date as in "2 December 2026": day, month name, year */
  return g_strdup_printf (_("%1$d %2$s %3$d"), d, _(month_names[m - 1]), y);
}

char *
bk_ui_dup_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

void
bk_ui_set_accessible (GtkWidget  *widget,
                      const char *label,
                      const char *description)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (label != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                    -1);
  if (description != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                    -1);
}

void
bk_ui_unparent_children (GtkWidget *widget)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (widget)) != NULL)
    gtk_widget_unparent (child);
}
