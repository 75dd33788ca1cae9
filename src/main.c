/* main.c: the buergerkiosk program
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "bk-config.h"

#include <glib/gi18n.h>

#include "bk-application.h"
#include "bk-i18n.h"
#include "bk-renderer.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(BkApplication) app = NULL;

  bk_i18n_init (TRUE);
  /* Before GTK opens the display and before any thread starts. */
  bk_renderer_choose_early ();

  /* The program name is the application's name on the accessibility bus. */
  g_set_prgname ("buergerkiosk");
  g_set_application_name (_("Bürgerkiosk"));

  app = bk_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
