/* bk-ctl.h: the entry point of buergerkiosk-ctl
 *
 * A library function rather than main () alone, so that the CLI tests can
 * run the tool in-process.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Runs buergerkiosk-ctl with the given arguments; output to out/err streams.
 * Returns the process exit status: 0 ok, 1 usage or failure, 2 bad input. */
int bk_ctl_run (int argc, char **argv);

G_END_DECLS
