#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Runs buergerkiosk-ctl with the given arguments; output to out/err streams.
 * Returns the process exit status: 0 ok, 1 usage or failure, 2 bad input. */
int bk_ctl_run (int argc, char **argv);

G_END_DECLS
