/* bk-window.h: the kiosk window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bk-context.h"
#include "bk-session.h"

G_BEGIN_DECLS

#define BK_TYPE_WINDOW (bk_window_get_type ())
G_DECLARE_FINAL_TYPE (BkWindow, bk_window, BK, WINDOW, AdwApplicationWindow)

/* A window on the start page. session may be NULL (no idle reset). When
 * the context has no store, error says why, and the window shows it. */
BkWindow   *bk_window_new           (GtkApplication *application,
                                     BkContext      *context,
                                     BkSession      *session,
                                     const GError   *error);
BkContext  *bk_window_get_context   (BkWindow       *self);
/* The stack name of the page shown: "home", "motion", … */
const char *bk_window_get_page_name (BkWindow       *self);
/* The read-aloud command: what the page reads, else its summary and the
 * focused control. */
void        bk_window_read_aloud    (BkWindow       *self);

/* Signal "page-shown" (const char *page, GVariant *target): after every
 * page change, with what the page shows (a motion id, a service id, …). */

G_END_DECLS
