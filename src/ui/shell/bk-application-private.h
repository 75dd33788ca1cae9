/* bk-application-private.h: the application's parts, for its own files
 * and tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-application.h"
#include "bk-context.h"
#include "bk-screen-reader.h"
#include "bk-session.h"
#include "bk-theme.h"
#include "bk-usage.h"
#include "bk-voice.h"
#include "bk-window.h"

G_BEGIN_DECLS

struct _BkApplication
{
  AdwApplication  parent_instance;

  BkSettings     *settings;
  char           *database_path;
  char           *delivery_path;    /* --delivery-config, or NULL: the default place */
  BkOutbox       *outbox;           /* delivers submissions; NULL without a delivery file */
  BkSpeechOutput  speech_output;
  BkSpeech       *speech;
  BkVoice        *voice;            /* always there after startup; silent without speech */
  BkUsage        *usage;
  BkTheme        *theme;
  BkSession      *session;
  BkContext      *context;          /* made on activation, when the store is open */
  BkSyncService  *sync;             /* the OParl sync, with a database file to write */
  GStrv           sync_urls;        /* --sync-url: synced in this run besides the setting's */
  GError         *store_error;      /* why activate could not open the store */
  BkScreenReader *screen_reader;    /* watches the buses for a screen reader */
  GCancellable   *cancellable;
  gboolean        kiosk;            /* --kiosk: fullscreen, cannot be closed */
  int             idle_timeout;     /* --idle-timeout, for tests; 0: the setting */
  gboolean        screen_reader_forced;
  guint           sigterm_source;
  guint           sigint_source;

  guint           quiet;            /* > 0: setting changes are not announced */
  guint           language_source;  /* rebuilds the windows after a language change */
  char           *language_announcement_key;  /* said after the rebuild */
};

/* bk-application-actions.c: app.speech-*, app.read-aloud, the panel's
 * actions and app.reset-accessibility, app.session-continue. */
void      _bk_application_actions_init (BkApplication *self);
/* Sets the interface language (and text direction) from the settings. */
void      _bk_application_set_language (BkApplication *self);

/* The one window factory: a window of this application on the start page,
 * in place of old when given (its size and fullscreen kept; old is
 * destroyed once the new one is shown). */
BkWindow *_bk_application_new_window   (BkApplication *self,
                                        BkWindow      *old);

/* For tests */
BkSpeech      *bk_application_get_speech  (BkApplication *self);
BkVoice       *bk_application_get_voice   (BkApplication *self);
BkUsage       *bk_application_get_usage   (BkApplication *self);
BkSession     *bk_application_get_session (BkApplication *self);
gboolean       bk_application_get_kiosk   (BkApplication *self);
/* As if a screen reader started or stopped; from now on the kiosk follows
 * this, not the session bus. */
void           bk_application_set_screen_reader_running (BkApplication *self,
                                                         gboolean       running);

G_END_DECLS
