/* bk-keymap.h: which keys give which keypad command
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "bk-settings.h"

G_BEGIN_DECLS

/* The EZ keypad's commands, as named in the keypad-map setting. */
typedef enum
{
  BK_KEYPAD_UP,
  BK_KEYPAD_DOWN,
  BK_KEYPAD_ACTION,
  BK_KEYPAD_HELP,
  BK_KEYPAD_BACK,
  BK_KEYPAD_NEXT,
  BK_KEYPAD_VOLUME_DOWN,
  BK_KEYPAD_VOLUME_UP,
  BK_KEYPAD_ACCESSIBILITY,
  BK_KEYPAD_EXPLORE,
  BK_KEYPAD_SWITCH_SELECT,
  BK_KEYPAD_SWITCH_STEP,
  BK_KEYPAD_LEFT,             /* the on-screen keyboard's key to the left; else as up */
  BK_KEYPAD_RIGHT,            /* … to the right; else as down */
  BK_KEYPAD_N_COMMANDS,
  BK_KEYPAD_NONE = BK_KEYPAD_N_COMMANDS
} BkKeypadCommand;

#define BK_KEYPAD_MASK(command) (1u << (command))

typedef struct _BkKeymap BkKeymap;

/* map is a{sas}: command name → GDK key names. Unknown command and key
 * names give a warning each and are left out. */
BkKeymap        *bk_keymap_new             (GVariant        *map);
void             bk_keymap_free            (BkKeymap        *self);
/* The commands keyval gives, as BK_KEYPAD_MASK bits; 0 for none. Case does
 * not matter (a and A are one key). */
guint            bk_keymap_lookup          (BkKeymap        *self,
                                            guint            keyval);
/* The keyvals of command, 0-terminated; owned by self. */
const guint     *bk_keymap_get_keys        (BkKeymap        *self,
                                            BkKeypadCommand  command);

/* The keymap of the settings' keypad-map, parsed (and warned about) once
 * per value of the setting and shared by everyone who reads keys. Owned by
 * settings; valid until the setting changes. */
BkKeymap        *bk_keymap_for_settings    (BkSettings      *settings);

const char      *bk_keypad_command_to_string   (BkKeypadCommand  command);
BkKeypadCommand  bk_keypad_command_from_string (const char      *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BkKeymap, bk_keymap_free)

G_END_DECLS
