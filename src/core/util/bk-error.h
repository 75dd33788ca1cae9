/* bk-error.h: the BK_ERROR domain and its codes
 *
 * Messages are meant to be read by people: they name the file, line or
 * JSON path and what to do.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define BK_ERROR (bk_error_quark ())

typedef enum {
  BK_ERROR_INVALID_INPUT,   /* malformed content: names file, line or JSON path */
  BK_ERROR_TOO_LARGE,       /* a file or field above the documented limit */
  BK_ERROR_NOT_FOUND,
  BK_ERROR_DATABASE,        /* SQLite failed */
  BK_ERROR_DATABASE_TOO_NEW,/* schema written by a newer program */
  BK_ERROR_DATABASE_BUSY,   /* locked by another process */
  BK_ERROR_READ_ONLY,
  BK_ERROR_CORRUPT,
} BkError;

GQuark bk_error_quark (void);

G_END_DECLS
