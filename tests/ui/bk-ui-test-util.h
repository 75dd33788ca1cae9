#pragma once

/* The tests reach inside: every private header (test hooks and getters). */
#include "bk-application-private.h"
#include "bk-form-page-private.h"
#include "bk-glossary-page-private.h"
#include "bk-help-overlay-private.h"
#include "bk-home-page-private.h"
#include "bk-meetings-page-private.h"
#include "bk-idle-warning-private.h"
#include "bk-motion-list-page-private.h"
#include "bk-motion-page-private.h"
#include "bk-navigator-private.h"
#include "bk-osk-private.h"
#include "bk-pin-dialog-private.h"
#include "bk-qr-private.h"
#include "bk-rating-private.h"
#include "bk-receipt-page-private.h"
#include "bk-scanner-private.h"
#include "bk-service-page-private.h"
#include "bk-services-page-private.h"
#include "bk-session-private.h"
#include "bk-staff-mode-private.h"
#include "bk-staff-page-private.h"
#include "bk-sync-panel-private.h"
#include "bk-stats-chart-private.h"
#include "bk-theme-private.h"
#include "bk-tutorial-page-private.h"
#include "bk-usage-private.h"
#include "bk-voice-private.h"
#include "bk-window-private.h"

G_BEGIN_DECLS

/* gtk_test_init, then libadwaita and the kiosk's resources and types. */
void bk_ui_test_init           (int        *argc,
                                char     ***argv);
/* A registered, non-unique application whose speech plays into memory;
 * aborts when it cannot be registered. */
BkApplication *bk_ui_test_app_new (void);
/* An in-memory store holding the demo motions and services. */
BkStore *bk_ui_test_demo_store_new (void);
/* The towns Stadt Auenbach (BK_UI_TEST_AUENBACH) and Gemeinde Lindental
 * (BK_UI_TEST_LINDENTAL) and the services of tests/xzufi/fixtures/01-katalog.xml
 * (BK_UI_TEST_XZUFI_SERVICE: Wohnsitz anmelden, an office in each town). */
#define BK_UI_TEST_AUENBACH "001010001001"
#define BK_UI_TEST_LINDENTAL "001010002002"
#define BK_UI_TEST_XZUFI_SERVICE "xzufi-L100099:1001"
void     bk_ui_test_add_xzufi      (BkStore *store);
/* The accessible label, or NULL when it is not set or "" (GTK 4.8 has no
 * getter: it goes through the test API). */
char *bk_ui_test_dup_label     (GtkWidget  *widget);
/* The text of every visible label under widget, one a line. */
char *bk_ui_test_dup_text      (GtkWidget  *widget);
/* The whole text of a GtkTextView. */
char *bk_ui_test_dup_buffer_text (GtkWidget *view);
/* The application's only window, which must be a kiosk window. */
BkWindow *bk_ui_test_current_window (BkApplication *app);

/* The "said" log: every text voice begins to say, oldest first, each echoed
 * as a test message. *handler is the signal handler; disconnect it before
 * the log is unreffed. */
GPtrArray  *bk_ui_test_said_new  (BkVoice    *voice,
                                  gulong     *handler);
/* The first utterance containing needle, or NULL. */
const char *bk_ui_test_said_find (GPtrArray  *said,
                                  const char *needle);
/* Runs the main context until an utterance containing needle has begun
 * (speech runs in its own thread), at most seconds; NULL then, after
 * listing what was heard. */
const char *bk_ui_test_said_wait (GPtrArray  *said,
                                  const char *needle,
                                  guint       seconds);

/* Runs the default main context for ms milliseconds (GTK 4.8 has no way to
 * wait for a frame in a test). */
void bk_ui_test_iterate        (guint       ms);
/* What a click or Enter does to a shown, sensitive button (activation would
 * wait for its animation), then a moment to settle. */
void bk_ui_test_click          (GtkWidget  *button);
/* Activates a window action and lets the page change settle. */
void bk_ui_test_open_page      (BkWindow   *window,
                                const char *action,
                                GVariant   *parameter);
/* Activates what window's own shortcut for keyval (no modifiers) does, as
 * pressing the key would; FALSE when there is none or it did nothing. */
gboolean bk_ui_test_activate_shortcut (BkWindow *window,
                                       guint     keyval);
/* The services a window is handed: app's settings, voice and usage, or
 * (app NULL) new settings and a silent voice; store may be NULL. */
BkContext *bk_ui_test_context_new (BkApplication *app,
                                   BkStore       *store);
/* A kiosk window over store with a context of its own (silent), presented
 * and drawn once. */
BkWindow *bk_ui_test_window_new (BkStore  *store);
/* A window whose context has settings, as the application's windows share
 * the application's: a theme made from the same settings reaches it. */
BkWindow *bk_ui_test_window_new_with_settings (BkStore    *store,
                                               BkSettings *settings);
/* The same with app's services (its voice speaks into memory), not
 * attached to app. */
BkWindow *bk_ui_test_app_window_new (BkApplication *app,
                                     BkStore       *store);
/* Counts window's pages in app's usage, as the application's own windows do. */
void      bk_ui_test_window_count_usage (BkWindow      *window,
                                         BkApplication *app);
/* A window of app (its app.* actions work, its usage counts the pages)
 * over store, or showing error without one; presented and drawn once. */
BkWindow *bk_ui_test_attached_window_new (BkApplication *app,
                                          BkStore       *store,
                                          const GError  *error);
void bk_ui_test_window_destroy (BkWindow   *window);
/* widget as drawn now, by its window's renderer (cairo under the tests) */
GdkTexture *bk_ui_test_render  (GtkWidget  *widget);
/* The same, written to path as PNG (for the screenshot set). */
void bk_ui_test_save_png       (GtkWidget  *widget,
                                const char *path);

/* Waits (at most 3 s) until field is in sight above window's on-screen
 * keyboard: its top (64 px of it at least) between the top of its page's
 * scrolled window and the keyboard. Says where everything is. */
gboolean bk_ui_test_wait_in_sight (BkWindow  *window,
                                   GtkWidget *field);

/* Runs "xdotool ARGS" (real X events); FALSE when it failed. */
gboolean bk_ui_test_xdotool      (const char *args);
/* TRUE when xdotool and an X display are there; else the test is marked
 * skipped and FALSE. */
gboolean bk_ui_test_have_xdotool (void);

G_END_DECLS
