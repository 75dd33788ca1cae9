/* bk-library.h: a shared library opened when it is first needed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One symbol to look up: its name and where its address goes. */
typedef struct
{
  const char *name;
  gpointer   *address;
} BkLibrarySymbol;

/* Opens soname (once per process; thread-safe) and fills every symbol of
 * symbols (n_symbols of them). The library stays loaded. Fails with
 * BK_ERROR_NOT_FOUND when it or one of the symbols is missing; what names
 * the library for the message is what. */
gboolean bk_library_load (const char            *soname,
                          const char            *what,
                          const BkLibrarySymbol *symbols,
                          guint                  n_symbols,
                          GError               **error);

/* The outcome of one caller's first load, kept for every later call. */
typedef struct
{
  gsize  state;      /* 0 not tried, 1 loaded, 2 not available */
  char  *message;    /* why not, for state 2 */
} BkLibraryOnce;

/* bk_library_load () the first time once is used; later calls give the
 * same answer (and the same error) without looking again. */
gboolean bk_library_load_once (BkLibraryOnce         *once,
                               const char            *soname,
                               const char            *what,
                               const BkLibrarySymbol *symbols,
                               guint                  n_symbols,
                               GError               **error);

G_END_DECLS
