/* bk-window-private.h: the window's parts, for its own files and tests
 *
 * bk-window.c routes and keeps the history, bk-window-voice.c makes the
 * window self-voicing, bk-window-keys.c is the one key router,
 * bk-window-frames.c logs frame timings for the page-switch benchmark.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-navigator.h"
#include "bk-staff-mode.h"
#include "bk-window.h"

G_BEGIN_DECLS

typedef struct
{
  const char *page;     /* interned stack name */
  GVariant   *target;   /* what the page shows, or NULL */
} BkHistoryEntry;

struct _BkWindow
{
  AdwApplicationWindow  parent_instance;

  BkContext            *context;
  BkSession            *session;
  GArray               *history;   /* BkHistoryEntry, without the current one */
  BkHistoryEntry        current;
  GVariant             *store_error;   /* the error page's target without a store */

  GtkWidget            *back_button;
  GtkWidget            *home_button;
  GtkStack             *stack;
  GtkOverlay           *modal_layer;   /* panels over everything (the staff PIN) */
  GtkWidget            *form_page;
  GtkWidget            *receipt_page;
  GtkWidget            *a11y_button;
  GtkWidget            *help_button;
  GtkWidget            *help_overlay;
  GtkWidget            *staff_page;
  GtkWidget            *staff_button;
  GtkWidget            *keyboard;
  GtkWidget            *caption_bar;
  GtkLabel             *caption_label;
  GtkLabel             *cue_banner;

  BkNavigator          *navigator;
  BkStaffMode          *staff_mode;
  int                   changing_page;
  /* > 0: a page passed through on the way to another says nothing */
  int                   quiet_page;
  guint                 status_source;
  char                 *pending_status;
  guint                 cue_banner_source;
  guint                 caption_source;
  guint                 caption_id;
  /* A caption waiting for the frame in progress (bk-window-voice.c). */
  char                 *pending_caption;
  PangoAttrList        *pending_caption_attrs;
  GdkFrameClock        *caption_clock;
  gulong                caption_paint_handler;
  guint                 first_page_source;
  guint                 show_focus_source;
};

/* bk-window-voice.c */
void        _bk_window_voice_init       (BkWindow   *self);
void        _bk_window_voice_dispose    (BkWindow   *self);
/* The page shown (interrupting), then where the focus is (queued). */
void        _bk_window_speak_page       (BkWindow   *self);
GtkWidget  *_bk_window_get_current_page (BkWindow   *self);
/* Activation earcons for widget (connected once). */
void        _bk_window_hook_focus        (BkWindow   *self,
                                         GtkWidget  *widget);

/* bk-window-keys.c */
void        _bk_window_keys_init        (BkWindow   *self);

/* bk-window-frames.c: frame timings for bench/page-switch.py, only with
 * BK_FRAME_LOG set */
void        _bk_window_frames_init      (BkWindow   *self);

/* For tests and screenshots */
GtkWidget  *bk_window_get_page              (BkWindow   *self,
                                             const char *name);
GStrv       bk_window_dup_page_names        (BkWindow   *self);
/* Shows the page called name as a citizen would reach it, motion_id for
 * "motion"; "staff" opens staff mode without the PIN. FALSE if there is
 * no such page. */
gboolean    bk_window_show_page             (BkWindow   *self,
                                             const char *name,
                                             gint64      motion_id);
GtkWidget  *bk_window_get_back_button       (BkWindow   *self);
GtkWidget  *bk_window_get_home_button       (BkWindow   *self);
GtkWidget  *bk_window_get_a11y_button       (BkWindow   *self);
GtkWidget  *bk_window_get_help_button       (BkWindow   *self);
/* The BkHelpOverlay */
GtkWidget  *bk_window_get_help_overlay      (BkWindow   *self);
BkStore    *bk_window_get_store             (BkWindow   *self);
BkVoice    *bk_window_get_voice             (BkWindow   *self);
const char *bk_window_get_error_text        (BkWindow   *self);
BkNavigator *bk_window_get_navigator        (BkWindow   *self);
/* The BkOsk */
GtkWidget  *bk_window_get_keyboard          (BkWindow   *self);
BkStaffMode *bk_window_get_staff_mode       (BkWindow   *self);
gboolean    bk_window_get_caption_visible   (BkWindow   *self);
const char *bk_window_get_caption_text      (BkWindow   *self);

G_END_DECLS
