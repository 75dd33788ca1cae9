/* bk-screen-reader.h: is a screen reader listening?
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define BK_TYPE_SCREEN_READER (bk_screen_reader_get_type ())
G_DECLARE_FINAL_TYPE (BkScreenReader, bk_screen_reader, BK, SCREEN_READER, GObject)

/* Starts watching the session and accessibility buses (asynchronously). */
BkScreenReader *bk_screen_reader_new         (void);
/* Property "running". */
gboolean        bk_screen_reader_get_running (BkScreenReader *self);

G_END_DECLS
