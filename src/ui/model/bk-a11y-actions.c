/* bk-a11y-actions.c: the accessibility panel's actions over the settings
 *
 * The actions are GPropertyActions over BkSettings, so a control bound to
 * one (action-name + action-target) shows the setting's state however it
 * changed: from the panel, the keypad or a session reset.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-a11y-actions"

#include "bk-config.h"

#include "bk-a11y-actions.h"

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
