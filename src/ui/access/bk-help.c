/* bk-help.c: the kiosk's help texts
 *
 * Help comes in layers, most local first, as in EZ Access: the item the
 * citizen is on, the screen, and how to use the kiosk at all. Every text is
 * a gettext string, so the easy-read catalogue (de@easy) gives the
 * Leichte-Sprache version of each without code of its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-help"

#include "bk-config.h"

#include <glib/gi18n.h>

#include "bk-help.h"
#include "bk-voice.h"

#define ITEM_TEXT_KEY "bk-help-item-text"

void
bk_help_set_item_text (GtkWidget  *widget,
                       const char *text)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  g_object_set_data_full (G_OBJECT (widget), ITEM_TEXT_KEY, g_strdup (text), g_free);
}

/* More about one item of a list, said on request before what the list's
 * own help says about every item ("By …. Submitted on …. A council
 * motion. Choose it to read it."). */
void
bk_help_set_item_more (GtkWidget  *widget,
                       GtkWidget  *list,
                       const char *more)
{
  const char *general;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (GTK_IS_WIDGET (list));

  general = bk_help_get_item_text (list);
  if (more == NULL || *more == '\0')
    bk_help_set_item_text (widget, NULL);
  else
    g_object_set_data_full (G_OBJECT (widget), ITEM_TEXT_KEY,
                            general != NULL ? g_strdup_printf ("%s. %s", more, general) : g_strdup (more),
                            g_free);
}

const char *
bk_help_get_item_text (GtkWidget *widget)
{
  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  return g_object_get_data (G_OBJECT (widget), ITEM_TEXT_KEY);
}

const char *
bk_help_find_item_text (GtkWidget *widget)
{
  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  for (; widget != NULL; widget = gtk_widget_get_parent (widget))
    {
      const char *text = bk_help_get_item_text (widget);

      if (text != NULL && *text != '\0')
        return text;
    }

  return NULL;
}

const char *
bk_help_get_kiosk_text (void)
{
  /* Translators: the general help; describes the EZ keypad below the screen */
  return _("You can touch the buttons on the screen. "
           "Or you use the keypad below the screen. "
           "The two yellow triangles are Up and Down: they move from item to item. "
           "The green round key is Action: it chooses the item. "
           "Back goes to the screen before. "
           "The blue diamond key with the raised dot is Help: it opens and closes help. "
           "The keys marked with two arrows make the voice quieter and louder. "
           "On a keyboard: the arrow keys, Enter for Action, Escape for Back and F1 for Help. "
           "The Accessibility button changes colours, text size and speech. "
           "To practise the keys, choose Learn the keys.");
}

const char *
bk_help_get_layer_title (BkHelpLayer layer)
{
  switch (layer)
    {
    case BK_HELP_LAYER_ITEM:
      /* Translators: heading of the help about the item the citizen is on */
      return _("Help: this item");
    case BK_HELP_LAYER_SCREEN:
      /* Translators: heading of the help about the screen */
      return _("Help: this screen");
    case BK_HELP_LAYER_KIOSK:
    default:
      /* Translators: heading of the general help */
      return _("Help: using the kiosk");
    }
}

const char *
bk_help_get_instruction (guint index,
                         guint n)
{
  gboolean more = index + 1 < n;
  gboolean before = index > 0;

  /* Translators: how to move in help; Down, Up, Action and Help are the
   * names of the keypad keys */
  if (more && before)
    return _("Down: more help. Up: back. Action: repeat. Help: close.");
  if (more)
    /* Translators: how to move in help, on its first layer */
    return _("Down: more help. Action: repeat. Help: close.");
  if (before)
    /* Translators: how to move in help, on its last layer */
    return _("Up: back. Action: repeat. Help: close.");
  /* Translators: how to move in help with only one layer */
  return _("Action: repeat. Help: close.");
}

static void
entry_free (gpointer data)
{
  BkHelpEntry *entry = data;

  g_free (entry->text);
  g_free (entry);
}

static void
add_entry (GPtrArray   *layers,
           BkHelpLayer  layer,
           char        *text)
{
  BkHelpEntry *entry = g_new0 (BkHelpEntry, 1);

  entry->layer = layer;
  entry->text = text;
  g_ptr_array_add (layers, entry);
}

/* What the item is (as the voice says it) and what it does. */
static char *
dup_item_text (GtkWidget *item)
{
  g_autofree char *described = bk_voice_describe_widget (item);
  const char *help = bk_help_find_item_text (item);

  if (described != NULL && help != NULL)
    return g_strdup_printf ("%s. %s", described, help);
  if (help != NULL)
    return g_strdup (help);

  return g_steal_pointer (&described);
}

GPtrArray *
bk_help_collect (GtkWidget  *item,
                 const char *screen)
{
  GPtrArray *layers = g_ptr_array_new_with_free_func (entry_free);

  g_return_val_if_fail (!item || GTK_IS_WIDGET (item), layers);

  if (item != NULL)
    {
      char *text = dup_item_text (item);

      if (text != NULL && *text != '\0')
        add_entry (layers, BK_HELP_LAYER_ITEM, text);
      else
        g_free (text);
    }

  if (screen != NULL)
    add_entry (layers, BK_HELP_LAYER_SCREEN, g_strdup (screen));

  add_entry (layers, BK_HELP_LAYER_KIOSK, g_strdup (bk_help_get_kiosk_text ()));

  return layers;
}
