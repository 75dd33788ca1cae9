/* bk-a11y-actions.c: the accessibility panel's actions and the window rebuild
 *
 * The actions are GPropertyActions over BkSettings, so a control bound to
 * one (action-name + action-target) shows the setting's state however it
 * changed: from the panel, the keypad or a session reset.
 *
 * GtkBuilder translates a template when it is built, so after a language
 * change the window is built again rather than relabelled string by string.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-a11y-actions"

#include "bk-config.h"

#include "bk-a11y-actions.h"
#include "bk-ui.h"

static const char * const panel_keys[] = {
  "theme", "text-scale", "language", "easy-read", "reduced-motion",
  "speech-enabled", "speech-rate", "speech-volume", "captions-enabled",
  "key-debounce", "explore-mode", "scan-mode", "scan-interval",
  NULL
};

const char * const *
bk_a11y_actions_get_keys (void)
{
  return panel_keys;
}

void
bk_a11y_actions_add (GActionMap *map,
                     BkSettings *settings)
{
  g_return_if_fail (G_IS_ACTION_MAP (map));
  g_return_if_fail (BK_IS_SETTINGS (settings));

  for (guint i = 0; panel_keys[i] != NULL; i++)
    {
      g_autoptr(GPropertyAction) action = g_property_action_new (panel_keys[i], settings, panel_keys[i]);

      g_action_map_add_action (map, G_ACTION (action));
    }
}

static void
reset_key (BkSettings *settings,
           const char *key)
{
  g_autoptr(GVariant) value = bk_settings_dup_kiosk_default (settings, key);
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (settings), key);

  if (pspec == NULL)
    {
      g_warning ("No setting “%s” to put back to standard", key);
      return;
    }

  if (value == NULL)
    {
      /* No schema installed: the built-in default. */
      g_object_set_property (G_OBJECT (settings), key, g_param_spec_get_default_value (pspec));
      return;
    }

  if (g_variant_is_of_type (value, G_VARIANT_TYPE_BOOLEAN))
    bk_settings_set_boolean (settings, key, g_variant_get_boolean (value));
  else if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT32))
    bk_settings_set_int (settings, key, g_variant_get_int32 (value));
  else if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    bk_settings_set_string (settings, key, g_variant_get_string (value, NULL));
  else
    g_warning ("Setting “%s”: unexpected default of type %s", key, g_variant_get_type_string (value));
}

void
bk_a11y_reset_panel_settings (BkSettings *settings)
{
  g_return_if_fail (BK_IS_SETTINGS (settings));

  for (guint i = 0; panel_keys[i] != NULL; i++)
    if (!g_str_equal (panel_keys[i], "language"))
      reset_key (settings, panel_keys[i]);
}

/* The control that has the focus, as an action and target to find it again
 * in the new window (the focus may be on a child of the control). */
static GtkWidget *
focused_actionable (GtkWindow *window)
{
  for (GtkWidget *w = gtk_root_get_focus (GTK_ROOT (window)); w != NULL; w = gtk_widget_get_parent (w))
    if (GTK_IS_ACTIONABLE (w) && gtk_actionable_get_action_name (GTK_ACTIONABLE (w)) != NULL)
      return w;
  return NULL;
}

BkWindow *
bk_a11y_rebuild_window (GtkApplication *application,
                        BkWindow       *old,
                        const GError   *error)
{
  const char *page = bk_window_get_page_name (old);
  GtkWidget *focus = focused_actionable (GTK_WINDOW (old));
  g_autofree char *focus_action = NULL;
  g_autoptr(GVariant) focus_target = NULL;
  BkWindow *window;
  int width, height;

  g_return_val_if_fail (BK_IS_WINDOW (old), NULL);

  if (focus != NULL)
    {
      GVariant *target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (focus));

      focus_action = g_strdup (gtk_actionable_get_action_name (GTK_ACTIONABLE (focus)));
      focus_target = target ? g_variant_ref (target) : NULL;
    }

  window = bk_window_new (application, bk_window_get_store (old), error);
  gtk_window_get_default_size (GTK_WINDOW (old), &width, &height);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  if (gtk_window_is_fullscreen (GTK_WINDOW (old)))
    gtk_window_fullscreen (GTK_WINDOW (window));
  else if (gtk_window_is_maximized (GTK_WINDOW (old)))
    gtk_window_maximize (GTK_WINDOW (window));

  /* The language is chosen on the start page or in the panel; from the
   * panel, Back still leads to the start page. */
  if (g_strcmp0 (page, "accessibility") == 0)
    bk_window_show_page (window, "accessibility", 0);

  gtk_window_present (GTK_WINDOW (window));

  if (focus_action != NULL)
    {
      GtkWidget *same = bk_ui_find_actionable (GTK_WIDGET (window), focus_action, focus_target);

      if (same != NULL)
        gtk_widget_grab_focus (same);
    }

  /* The voice last, so that it says the page once, in the new language. */
  bk_window_set_voice (window, bk_window_get_voice (old));
  gtk_window_destroy (GTK_WINDOW (old));

  return window;
}
