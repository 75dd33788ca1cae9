/* bk-nav-test-util.h: a kiosk window with a voice, a fake clock and a log of
 * what the navigator and the scanner say, for the keypad and switch tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-ui-test-util.h"

G_BEGIN_DECLS

typedef struct
{
  BkApplication *app;
  BkStore       *store;
  gint64         ramp_id;
  BkWindow      *window;
  BkNavigator   *nav;
  GPtrArray     *said;     /* what the navigator and the scanner said */
  guint          edges;    /* edge earcons */
  gint64         now;      /* the fake clock, µs */
} NavFixture;

void        nav_fixture_init    (NavFixture *f,
                                 BkApplication *app);
/* The same; prepare (may be NULL) fills the store before the window is made. */
void        nav_fixture_init_full (NavFixture *f,
                                   BkApplication *app,
                                   void      (*prepare) (BkStore *store));
/* The keypad of a window made elsewhere; f->store is the caller's to set
 * (nav_fixture_clear destroys the window and drops f->store). */
void        nav_fixture_attach  (NavFixture    *f,
                                 BkApplication *app,
                                 BkWindow      *window);
/* The same over store (the two motions are added to it). */
void        nav_fixture_init_with_store (NavFixture    *f,
                                         BkApplication *app,
                                         BkStore       *store);
void        nav_fixture_clear   (NavFixture *f);
/* Press and release keyval (50 ms later); the clock then moves on 1 s. */
gboolean    nav_press           (NavFixture *f,
                                 guint       keyval);
const char *nav_last_said       (NavFixture *f);
gboolean    nav_said_contains   (NavFixture *f,
                                 const char *needle);
/* Presses key until the navigator's current item satisfies pred, at most
 * limit times; returns the item or NULL. */
GtkWidget  *nav_press_until     (NavFixture     *f,
                                 guint           keyval,
                                 gboolean      (*pred) (GtkWidget *item, gconstpointer data),
                                 gconstpointer   data,
                                 guint           limit);
gboolean    nav_is_widget       (GtkWidget     *item,
                                 gconstpointer  data);
gboolean    nav_is_row_of       (GtkWidget     *item,
                                 gconstpointer  subject);
typedef gboolean (*NavPred) (GtkWidget *widget, gconstpointer data);
/* widget or a visible widget under it that pred accepts. */
gboolean    nav_holds           (GtkWidget     *widget,
                                 NavPred        pred,
                                 gconstpointer  data);
/* widget is data or inside it. */
gboolean    nav_is_or_inside    (GtkWidget     *widget,
                                 gconstpointer  data);
/* Runs xdotool with args (real X events); FALSE, with a message, when it
 * failed. */
gboolean    nav_xdotool         (const char *const *args);

/* Presses one key of the on-screen keyboard, the way a test operates it. */
typedef void (*NavPressKey) (gpointer   data,
                             GtkWidget *key);
/* Types text on osk, each key pressed with press: the other page and shift
 * first where a character needs them. */
void        nav_type_on_keys    (BkOsk       *osk,
                                 const char  *text,
                                 NavPressKey  press,
                                 gpointer     data);

/* Sends one keypad key, the way a test presses it. */
typedef void (*NavSendKey)  (gpointer   data,
                             guint      keyval);
/* The keypad's highlight onto key of osk (up or down the shorter way,
 * then along the row), then Action; returns the number of keys sent. */
guint       nav_osk_keypad_press (BkOsk      *osk,
                                  GtkWidget  *key,
                                  NavSendKey  send,
                                  gpointer    data);

/* The settings as text, to show that nothing changed. */
char       *nav_dup_settings    (BkSettings *settings);

G_END_DECLS
