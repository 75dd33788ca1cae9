/* bk-help.h: the kiosk's help texts, in layers from the item to the kiosk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The layers, most local first (EZ Access help). */
typedef enum
{
  BK_HELP_LAYER_ITEM,     /* the focused or highlighted item */
  BK_HELP_LAYER_SCREEN,   /* the screen it is on */
  BK_HELP_LAYER_KIOSK,    /* how to use the kiosk */
} BkHelpLayer;

typedef struct
{
  BkHelpLayer  layer;
  char        *text;
} BkHelpEntry;

/* What widget does, for its item layer (a translated string; copied).
 * NULL removes it. */
void         bk_help_set_item_text     (GtkWidget   *widget,
                                        const char  *text);
const char  *bk_help_get_item_text     (GtkWidget   *widget);
/* A row's own item text: more (said on request, not with the row; NULL:
 * none), then the item text of list, which covers every row. */
void         bk_help_set_item_more     (GtkWidget   *widget,
                                        GtkWidget   *list,
                                        const char  *more);
/* The item text of widget or of its nearest ancestor that has one, so a
 * list's text covers its rows. */
const char  *bk_help_find_item_text    (GtkWidget   *widget);

const char  *bk_help_get_kiosk_text    (void);
/* "Help: this item" and so on. */
const char  *bk_help_get_layer_title   (BkHelpLayer  layer);

/* The layers for item (may be NULL: then there is no item layer) on a
 * screen whose help is screen (its page's; may be NULL). A GPtrArray of
 * BkHelpEntry, most local first; never empty. */
GPtrArray   *bk_help_collect           (GtkWidget   *item,
                                        const char  *screen);

/* The spoken and shown instruction for layer index of n. */
const char  *bk_help_get_instruction   (guint        index,
                                        guint        n);

G_END_DECLS
