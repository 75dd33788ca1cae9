/* bk-window-keys.c: the one key router of the kiosk window
 *
 * Every key goes through one capture-phase controller on the window, which
 * asks, in this order and nowhere else:
 *   1. the session: a key is activity; on the idle warning or the attract
 *      screen it only wakes the kiosk;
 *   2. the key filter (bounce keys, no autorepeat for keypad keys, EN 301
 *      549 5.7/5.8): a bounce or a held keypad key goes no further;
 *   3. the on-screen keyboard while it is open: Escape closes it (the
 *      keypad's commands reach it through the navigator);
 *   4. the page shown, unless the help is open over it (the tutorial takes
 *      the keys it teaches);
 *   5. the navigator: the EZ keypad's commands and explore mode;
 *   6. the edge cue: Up on a list's first row or Down on its last.
 * Whatever none of them takes reaches the focused widget as usual.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-window"

#include "bk-config.h"

#include "bk-help-overlay.h"
#include "bk-osk.h"
#include "bk-page.h"
#include "bk-ui.h"
#include "bk-window-private.h"

static gboolean
help_open (BkWindow *self)
{
  return bk_help_overlay_is_open (BK_HELP_OVERLAY (self->help_overlay));
}

/* Up at the first row or Down at the last one: the edge earcon. */
static void
cue_list_edge (BkWindow        *self,
               guint            keyval,
               GdkModifierType  state)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  gboolean up = keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up;
  gboolean down = keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down;
  GtkListItem *item;
  GtkWidget *list;
  GtkSelectionModel *model;
  guint position, n;

  if (focus == NULL || !(up || down) || bk_navigator_owns_key (self->navigator, keyval, state))
    return;

  item = bk_ui_get_list_item (focus);
  list = gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_VIEW);
  model = list ? gtk_list_view_get_model (GTK_LIST_VIEW (list)) : NULL;
  if (item == NULL || model == NULL)
    return;

  position = gtk_list_item_get_position (item);
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  if ((up && position == 0) || (down && position + 1 >= n))
    bk_voice_cue (bk_context_get_voice (self->context), BK_EARCON_EDGE, focus);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                BkWindow              *self)
{
  BkPage *page = BK_PAGE (_bk_window_get_current_page (self));
  BkKeyVerdict verdict;

  if (self->session != NULL && bk_session_handle_key (self->session))
    return TRUE;

  verdict = bk_navigator_filter_key (self->navigator, keyval, state);
  if (verdict == BK_KEY_SWALLOW)
    return TRUE;

  if (verdict == BK_KEY_NEW && bk_osk_handle_key (BK_OSK (self->keyboard), keyval, state))
    return TRUE;

  if (!help_open (self) && bk_page_handle_key (page, keyval, state))
    return TRUE;

  if (verdict == BK_KEY_NEW && bk_navigator_run_key (self->navigator, keyval, state))
    return TRUE;

  cue_list_edge (self, keyval, state);
  return FALSE;
}

static void
key_released_cb (GtkEventControllerKey *controller,
                 guint                  keyval,
                 guint                  keycode,
                 GdkModifierType        state,
                 BkWindow              *self)
{
  bk_page_handle_key_release (BK_PAGE (_bk_window_get_current_page (self)), keyval);
  bk_navigator_handle_key_release (self->navigator, keyval, state);
}

void
_bk_window_keys_init (BkWindow *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  gtk_event_controller_set_name (keys, "bk-key-router");
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self, 0);
  g_signal_connect_object (keys, "key-released", G_CALLBACK (key_released_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}
