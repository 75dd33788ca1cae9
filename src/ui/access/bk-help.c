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
#include "bk-home-page.h"
#include "bk-motion-list-page.h"
#include "bk-motion-page.h"
#include "bk-voice.h"
#include "bk-window.h"

#define ITEM_TEXT_KEY "bk-help-item-text"

void
bk_help_set_item_text (GtkWidget  *widget,
                       const char *text)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  g_object_set_data_full (G_OBJECT (widget), ITEM_TEXT_KEY, g_strdup (text), g_free);
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

/* Keyed by the stack page name; pages other helpers build are here too, so
 * their screens have help from the start. */
const char *
bk_help_get_screen_text (const char *page)
{
  if (page == NULL)
    return NULL;

  if (g_str_equal (page, "home"))
    /* Translators: help for the start page */
    return _("This is the start page. Here you choose what you want to do. "
             "Services shows what the administration offers you. "
             "Council motions lets you read what the councils are asked to decide. "
             "The Accessibility button changes colours, text size, speech and language. "
             "How to use the keys teaches the keypad step by step.");

  if (g_str_equal (page, "services"))
    /* Translators: help for the services page */
    return _("This screen lists the services of the administration. "
             "Type words into the search field to find a service, for example Ausweis. "
             "Choose a life situation, such as moving house, or your town to see only those services. "
             "Choose a service in the list to read what you need and where to go.");

  if (g_str_equal (page, "service"))
    /* Translators: help for the page of one service */
    return _("This screen shows one service: what it is, who may apply, what you need, "
             "the costs, the steps, and the office with its address and opening hours. "
             "Each part has a Read aloud button. "
             "If there is an online service, scan the QR code with your phone. "
             "Press Back to return to the list.");

  if (g_str_equal (page, "motions"))
    /* Translators: help for the list of council motions */
    return _("This screen lists the council motions. "
             "Type words into the search field to find a motion. "
             "The filters show only the motions of one council, one faction or one status. "
             "Choose a motion in the list to read it.");

  if (g_str_equal (page, "motion"))
    /* Translators: help for the page of one council motion */
    return _("This screen shows one council motion: who asks for it, what is asked, "
             "the reasons, and where it is discussed. "
             "Each part has a Read aloud button. "
             "Press Back to return to the list.");

  if (g_str_equal (page, "form"))
    /* Translators: help for the screens of a form */
    return _("This is a form. First it says what is stored and for how long. "
             "Then it asks its questions; under each question it says what to write. "
             "Next checks your answers: if something is wrong, the problem is written under the question. "
             "Previous goes back without losing anything. "
             "At the end you see all answers, with a Change button next to each, and Send. "
             "Back or Start page leave the form, and the kiosk forgets what you wrote.");

  if (g_str_equal (page, "receipt"))
    /* Translators: help for the receipt after sending a form */
    return _("Your form was sent. The large number is your reference number: "
             "give it if you ask about your request. "
             "Print receipt prints it on paper. "
             "Done goes back to the start page, and the kiosk forgets your entries.");

  if (g_str_equal (page, "error"))
    /* Translators: help for the page that explains a problem */
    return _("Something did not work. The text on the screen says what happened. "
             "Press Back or Start page to try something else. "
             "If the problem stays, please ask the staff.");

  if (g_str_equal (page, "accessibility"))
    /* Translators: help for the accessibility settings page */
    return _("Here you change how the kiosk looks and speaks: colours, text size, speech, "
             "easy-read language, the language, and how the keys work. "
             "Every change works at once. "
             "Back to standard undoes all changes.");

  if (g_str_equal (page, "tutorial"))
    /* Translators: help for the keypad tutorial */
    return _("This tutorial teaches the keys of the keypad, one at a time. "
             "Press the key the kiosk asks for. "
             "Skip step goes on without the key. "
             "Leave tutorial goes back to where you were.");

  if (g_str_equal (page, "staff"))
    /* Translators: help for the staff page (only staff see it) */
    return _("Staff mode: import content from the import folder, export the submissions, "
             "read the statistics and change the kiosk settings. "
             "Back to the kiosk leaves staff mode; any other screen leaves it too.");

  if (g_str_equal (page, "glossary"))
    /* Translators: help for the page that explains difficult words */
    return _("This screen explains difficult words. "
             "Choose a word in the list to read what it means. "
             "Read aloud reads the explanation to you.");

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
                 const char *page)
{
  GPtrArray *layers = g_ptr_array_new_with_free_func (entry_free);
  const char *screen = bk_help_get_screen_text (page);

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
  else if (page != NULL)
    g_debug ("No help text for the screen “%s”", page);

  add_entry (layers, BK_HELP_LAYER_KIOSK, g_strdup (bk_help_get_kiosk_text ()));

  return layers;
}

/* The item texts of the window's main controls. Pages built later by
 * others set their own with bk_help_set_item_text. */
void
bk_help_add_item_texts (GtkWidget *widget)
{
  BkWindow *window;
  BkHomePage *home;
  BkMotionListPage *list;
  BkMotionPage *motion;

  g_return_if_fail (BK_IS_WINDOW (widget));

  window = BK_WINDOW (widget);
  home = BK_HOME_PAGE (bk_window_get_page (window, "home"));
  list = BK_MOTION_LIST_PAGE (bk_window_get_page (window, "motions"));
  motion = BK_MOTION_PAGE (bk_window_get_page (window, "motion"));

  bk_help_set_item_text (bk_window_get_back_button (window),
                         /* Translators: item help of the Back button */
                         _("Goes back to the screen you saw before."));
  bk_help_set_item_text (bk_window_get_home_button (window),
                         /* Translators: item help of the Start page button */
                         _("Goes to the start page. There you can choose again."));
  bk_help_set_item_text (bk_window_get_help_button (window),
                         /* Translators: item help of the Help button */
                         _("Opens help: first about the item you are on, then about the screen, then about the kiosk. "
                           "Press it again to close help."));

  bk_help_set_item_text (bk_home_page_get_choice (home, 0),
                         /* Translators: item help of the Services choice on the start page */
                         _("Opens the services of the administration."));
  bk_help_set_item_text (bk_home_page_get_choice (home, 1),
                         /* Translators: item help of the Council motions choice on the start page */
                         _("Opens the list of council motions. You can search them and read each one."));

  bk_help_set_item_text (bk_motion_list_page_get_search_entry (list),
                         /* Translators: item help of the search field of the motion list */
                         _("Type one or more words. The list then shows only the motions with these words."));
  bk_help_set_item_text (GTK_WIDGET (bk_motion_list_page_get_body_filter (list)),
                         /* Translators: item help of the council filter of the motion list */
                         _("Shows only the motions of one council or committee."));
  bk_help_set_item_text (GTK_WIDGET (bk_motion_list_page_get_faction_filter (list)),
                         /* Translators: item help of the faction filter of the motion list */
                         _("Shows only the motions of one faction."));
  bk_help_set_item_text (GTK_WIDGET (bk_motion_list_page_get_status_filter (list)),
                         /* Translators: item help of the status filter of the motion list */
                         _("Shows only the motions with this status, for example the decided ones."));
  bk_help_set_item_text (bk_motion_list_page_get_list_view (list),
                         /* Translators: item help of a row in the list of motions */
                         _("A council motion. Choose it to read it. Up and Down move through the list."));

  for (int section = -1; section < 4; section++)
    bk_help_set_item_text (bk_motion_page_get_read_button (motion, section),
                           section < 0
                           /* Translators: item help of the button that reads the whole motion */
                           ? _("Reads the whole motion aloud, from the start.")
                           /* Translators: item help of a Read aloud button of one part of a motion */
                           : _("Reads this part of the motion aloud."));
}
