/* bk-osk-layout.h: the keys of the on-screen keyboard, without widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Every row is this many columns wide; a key spans one or more. */
#define BK_OSK_COLUMNS 12

typedef enum
{
  BK_OSK_KEY_CHAR,        /* types its text (a capital letter with shift) */
  BK_OSK_KEY_SHIFT,       /* the next letter is a capital */
  BK_OSK_KEY_DELETE,      /* the character before the cursor */
  BK_OSK_KEY_SPACE,
  BK_OSK_KEY_NEWLINE,     /* only for fields of several lines */
  BK_OSK_KEY_LEFT,        /* the cursor one character back */
  BK_OSK_KEY_RIGHT,
  BK_OSK_KEY_SWITCH,      /* to the other page: letters ↔ more characters */
  BK_OSK_KEY_DONE,        /* closes the keyboard */
} BkOskKeyKind;

typedef enum
{
  BK_OSK_PAGE_LETTERS,    /* German QWERTZ with ä ö ü ß, digits, - . , / @ */
  BK_OSK_PAGE_SYMBOLS,    /* digits and the other characters */
  BK_OSK_N_PAGES
} BkOskPage;

typedef enum
{
  BK_OSK_UP,
  BK_OSK_DOWN,
  BK_OSK_LEFT,
  BK_OSK_RIGHT
} BkOskDirection;

typedef struct
{
  BkOskKeyKind  kind;
  const char   *text;     /* CHAR: what it types, in lower case */
  const char   *name;     /* msgid of its name (punctuation, function keys); NULL: the text */
  guint         width;    /* columns */
} BkOskKey;

/* One key as shown in a row: where it starts and how wide it is. */
typedef struct
{
  const BkOskKey *key;
  guint           column;
  guint           width;
} BkOskCell;

typedef struct _BkOskLayout BkOskLayout;

/* The rows of page; the new-line key only when multiline (otherwise the
 * key after it is that much wider). */
BkOskLayout     *bk_osk_layout_new          (BkOskPage       page,
                                             gboolean        multiline);
void             bk_osk_layout_free         (BkOskLayout    *self);
BkOskPage        bk_osk_layout_get_page     (BkOskLayout    *self);
guint            bk_osk_layout_get_n_rows   (BkOskLayout    *self);
guint            bk_osk_layout_get_n_keys   (BkOskLayout    *self,
                                             guint           row);
const BkOskCell *bk_osk_layout_get_cell     (BkOskLayout    *self,
                                             guint           row,
                                             guint           index);
/* Moves row and index one key in direction: left and right go on into
 * the row before or after at the ends, up and down keep the column (the
 * key under the middle of this one) and wrap from the last row to the
 * first. */
void             bk_osk_layout_move         (BkOskLayout    *self,
                                             BkOskDirection  direction,
                                             guint          *row,
                                             guint          *index);
/* The key of kind (the first one), FALSE if the page has none. */
gboolean         bk_osk_layout_find_kind    (BkOskLayout    *self,
                                             BkOskKeyKind    kind,
                                             guint          *row,
                                             guint          *index);
/* Where character c is typed: its page, whether it needs shift, and (on
 * that page's layout) row and index. FALSE: the keyboard cannot type it. */
gboolean         bk_osk_layout_locate       (gunichar        c,
                                             BkOskPage      *page,
                                             gboolean       *shift);
gboolean         bk_osk_layout_find_char    (BkOskLayout    *self,
                                             gunichar        c,
                                             guint          *row,
                                             guint          *index);

/* What a character key types: its text, a capital with shift. */
char            *bk_osk_key_dup_text        (const BkOskKey *key,
                                             gboolean        shift);
/* What the key shows: the character, or a symbol for a function key. */
char            *bk_osk_key_dup_label       (const BkOskKey *key,
                                             gboolean        shift);
/* A word under the symbol of a function key (translated), or NULL. */
const char      *bk_osk_key_get_caption     (const BkOskKey *key);
/* Its accessible name, and what the voice says: "ä", "capital A",
 * "full stop", "Space" (translated). */
char            *bk_osk_key_dup_name        (const BkOskKey *key,
                                             gboolean        shift);
/* Whether shift changes what the key types (letters). */
gboolean         bk_osk_key_has_capital     (const BkOskKey *key);
/* The name of character c as the voice says it, as on its key. */
char            *bk_osk_dup_char_name       (gunichar        c);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BkOskLayout, bk_osk_layout_free)

G_END_DECLS
