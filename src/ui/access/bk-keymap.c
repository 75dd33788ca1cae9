/* bk-keymap.c: which keys give which keypad command
 *
 * The staff configure a USB keypad by listing the GDK key names it sends
 * (xev or wev show them) in the keypad-map setting. A typo there must not
 * stop the kiosk: the key is left out with a warning that names it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-keymap"

#include "bk-config.h"

#include "bk-keymap.h"

static const char * const command_names[BK_KEYPAD_N_COMMANDS] = {
  [BK_KEYPAD_UP] = "up",
  [BK_KEYPAD_DOWN] = "down",
  [BK_KEYPAD_ACTION] = "action",
  [BK_KEYPAD_HELP] = "help",
  [BK_KEYPAD_BACK] = "back",
  [BK_KEYPAD_NEXT] = "next",
  [BK_KEYPAD_VOLUME_DOWN] = "volume-down",
  [BK_KEYPAD_VOLUME_UP] = "volume-up",
  [BK_KEYPAD_ACCESSIBILITY] = "accessibility",
  [BK_KEYPAD_EXPLORE] = "explore",
  [BK_KEYPAD_SWITCH_SELECT] = "switch-select",
  [BK_KEYPAD_SWITCH_STEP] = "switch-step",
  [BK_KEYPAD_LEFT] = "left",
  [BK_KEYPAD_RIGHT] = "right",
};

struct _BkKeymap
{
  GHashTable *masks;                        /* keyval → command bits */
  GArray     *keys[BK_KEYPAD_N_COMMANDS];   /* guint keyvals, 0-terminated */
};

const char *
bk_keypad_command_to_string (BkKeypadCommand command)
{
  g_return_val_if_fail (command < BK_KEYPAD_N_COMMANDS, NULL);

  return command_names[command];
}

BkKeypadCommand
bk_keypad_command_from_string (const char *name)
{
  for (guint i = 0; i < BK_KEYPAD_N_COMMANDS; i++)
    if (g_strcmp0 (command_names[i], name) == 0)
      return (BkKeypadCommand)i;

  return BK_KEYPAD_NONE;
}

BkKeymap *
bk_keymap_new (GVariant *map)
{
  BkKeymap *self = g_new0 (BkKeymap, 1);
  GVariantIter iter;
  const char *name;
  GVariant *key_names;

  self->masks = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < BK_KEYPAD_N_COMMANDS; i++)
    self->keys[i] = g_array_new (TRUE, TRUE, sizeof (guint));

  if (map == NULL || !g_variant_is_of_type (map, G_VARIANT_TYPE ("a{sas}")))
    {
      if (map != NULL)
        g_warning ("Keypad map: expected a{sas}, got %s; no keypad keys",
                   g_variant_get_type_string (map));
      return self;
    }

  g_variant_iter_init (&iter, map);
  while (g_variant_iter_next (&iter, "{&s@as}", &name, &key_names))
    {
      BkKeypadCommand command = bk_keypad_command_from_string (name);
      GVariantIter keys;
      const char *key_name;

      if (command == BK_KEYPAD_NONE)
        {
          g_warning ("Keypad map: unknown command “%s”; ignored", name);
          g_variant_unref (key_names);
          continue;
        }

      g_variant_iter_init (&keys, key_names);
      while (g_variant_iter_next (&keys, "&s", &key_name))
        {
          guint keyval = gdk_keyval_from_name (key_name);
          guint mask;

          if (keyval == GDK_KEY_VoidSymbol || keyval == 0)
            {
              g_warning ("Keypad map: command “%s”: unknown key name “%s”; ignored",
                         name, key_name);
              continue;
            }

          keyval = gdk_keyval_to_lower (keyval);
          mask = GPOINTER_TO_UINT (g_hash_table_lookup (self->masks, GUINT_TO_POINTER (keyval)));
          g_hash_table_insert (self->masks, GUINT_TO_POINTER (keyval),
                               GUINT_TO_POINTER (mask | BK_KEYPAD_MASK (command)));
          g_array_append_val (self->keys[command], keyval);
        }
      g_variant_unref (key_names);
    }

  return self;
}

void
bk_keymap_free (BkKeymap *self)
{
  if (self == NULL)
    return;

  g_hash_table_unref (self->masks);
  for (guint i = 0; i < BK_KEYPAD_N_COMMANDS; i++)
    g_array_unref (self->keys[i]);
  g_free (self);
}

guint
bk_keymap_lookup (BkKeymap *self,
                  guint     keyval)
{
  g_return_val_if_fail (self != NULL, 0);

  return GPOINTER_TO_UINT (g_hash_table_lookup (self->masks,
                                                GUINT_TO_POINTER (gdk_keyval_to_lower (keyval))));
}

const guint *
bk_keymap_get_keys (BkKeymap        *self,
                    BkKeypadCommand  command)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (command < BK_KEYPAD_N_COMMANDS, NULL);

  return (const guint *)(gpointer)self->keys[command]->data;
}

/* ---- one keymap per settings ----------------------------------------------- */

typedef struct
{
  GVariant *map;
  BkKeymap *keymap;
} Cached;

static void
cached_free (Cached *cached)
{
  g_clear_pointer (&cached->map, g_variant_unref);
  g_clear_pointer (&cached->keymap, bk_keymap_free);
  g_free (cached);
}

BkKeymap *
bk_keymap_for_settings (BkSettings *settings)
{
  GVariant *map;
  Cached *cached;

  g_return_val_if_fail (BK_IS_SETTINGS (settings), NULL);

  map = bk_settings_get_keypad_map (settings);
  cached = g_object_get_data (G_OBJECT (settings), "bk-keymap");
  if (cached != NULL && (cached->map == map || (map != NULL && cached->map != NULL &&
                                                g_variant_equal (cached->map, map))))
    return cached->keymap;

  cached = g_new0 (Cached, 1);
  cached->map = map ? g_variant_ref (map) : NULL;
  cached->keymap = bk_keymap_new (map);
  g_object_set_data_full (G_OBJECT (settings), "bk-keymap", cached, (GDestroyNotify) cached_free);

  return cached->keymap;
}
