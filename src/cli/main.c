/* main.c: main () of buergerkiosk-ctl
 *
 * Everything else is in the bkcli library (bk-ctl.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-ctl"

#include "bk-ctl.h"

int
main (int   argc,
      char *argv[])
{
  return bk_ctl_run (argc, argv);
}
