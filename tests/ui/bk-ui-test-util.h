#pragma once

#include "bk-window.h"

G_BEGIN_DECLS

/* Runs the default main context for ms milliseconds (GTK 4.8 has no way to
 * wait for a frame in a test). */
void bk_ui_test_iterate        (guint       ms);
/* Activates a window action and lets the page change settle. */
void bk_ui_test_open_page      (BkWindow   *window,
                                const char *action,
                                GVariant   *parameter);
/* A kiosk window over store, presented and drawn once. */
BkWindow *bk_ui_test_window_new (BkStore  *store);
void bk_ui_test_window_destroy (BkWindow   *window);

G_END_DECLS
