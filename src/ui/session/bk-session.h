/* bk-session.h: the citizen's session: idle warning, reset, attract screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "bk-settings.h"
#include "bk-voice.h"

G_BEGIN_DECLS

typedef enum {
  BK_SESSION_ACTIVE,    /* someone uses the kiosk */
  BK_SESSION_WARNING,   /* the warning counts down */
  BK_SESSION_IDLE,      /* reset (or never used): nobody there */
  BK_SESSION_ATTRACT,   /* the attract screen is shown */
  BK_SESSION_DIMMED,    /* the attract screen, dimmed */
} BkSessionState;

#define BK_TYPE_SESSION (bk_session_get_type ())
G_DECLARE_FINAL_TYPE (BkSession, bk_session, BK, SESSION, GObject)

/* voice may be NULL (silent). */
BkSession     *bk_session_new                 (BkSettings *settings,
                                               BkVoice    *voice);
/* Puts the warning and the attract screen over window's content and
 * watches its keys, clicks, touches and scrolling. */
void           bk_session_attach_window       (BkSession  *self,
                                               GtkWindow  *window);
void           bk_session_note_activity       (BkSession  *self);
/* A key: activity; TRUE when it only ended the warning or attract screen
 * and must go no further. */
gboolean       bk_session_handle_key          (BkSession  *self);
/* The Continue button (app.session-continue). */
void           bk_session_continue            (BkSession  *self);
BkSessionState bk_session_get_state           (BkSession  *self);

/* For tests and --idle-timeout: seconds instead of the idle-timeout
 * setting; 0 follows the setting again. */
void           bk_session_set_idle_timeout_override (BkSession *self,
                                                     int        seconds);

G_END_DECLS
