/* bk-ez-tree.h: the items of a screen, for the EZ reading cursor and for
 * switch scanning
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Widgets with this CSS class, and what they hold, are no items (the caption
 * bar mirrors what is spoken). */
#define BK_EZ_SKIP_CLASS "bk-ez-skip"
/* Pages may mark a region for scanning with this CSS class. */
#define BK_EZ_SCAN_GROUP_CLASS "bk-scan-group"

/* Something to operate: a button, a field, a list row, a toggle, … */
gboolean   bk_ez_is_control         (GtkWidget *widget);
/* Text to read: a label with text, an image with a name. */
gboolean   bk_ez_is_text            (GtkWidget *widget);

/* The screen's items in reading order (a GPtrArray of GtkWidget, not
 * referenced): every control and, unless controls_only, every text. A
 * button or row is one item with its labels. */
GPtrArray *bk_ez_collect_items      (GtkWidget *root,
                                     gboolean   controls_only);
/* Where the citizen is: an open popover (a drop-down's list) or a modal
 * panel shown over the window, else window. */
GtkWidget *bk_ez_get_screen_root    (GtkWidget *window);
/* Marks widget as a modal panel over its window (the staff PIN): while it
 * is shown, the keypad and the switches reach only it, and Back activates
 * its action "modal.close". */
void       bk_ez_set_modal          (GtkWidget *widget,
                                     gboolean   modal);
gboolean   bk_ez_is_modal           (GtkWidget *widget);
/* The item that widget (picked under a touch) belongs to, or NULL. */
GtkWidget *bk_ez_find_item          (GtkWidget *widget);

/* A short name for item (its accessible name or its text), or NULL. */
char      *bk_ez_dup_name           (GtkWidget *item);

/* Scrolls item into view, also when it cannot take the focus. */
void       bk_ez_scroll_into_view   (GtkWidget *item);
/* Activates a control the way a click would: buttons click, toggles
 * toggle, list rows go through their list's activate, fields get the
 * focus. FALSE if item cannot be activated. */
gboolean   bk_ez_activate           (GtkWidget *item);

/* A scanning step: a region of the screen with its controls, or a single
 * control (then widget is that control and items holds only it). */
typedef struct
{
  GtkWidget *widget;
  GPtrArray *items;
} BkEzGroup;

void       bk_ez_group_free         (BkEzGroup *group);
/* The header bar and the page's regions, in reading order (a GPtrArray of
 * BkEzGroup). */
GPtrArray *bk_ez_collect_groups     (GtkWidget *root);

G_END_DECLS
