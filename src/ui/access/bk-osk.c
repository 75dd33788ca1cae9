/* bk-osk.c: the kiosk's on-screen keyboard
 *
 * Town-hall terminals have a touch screen, a keypad and perhaps switches,
 * but no keyboard, and the compositor has none on screen. This one is part
 * of the window, docked at the bottom: the page above it gets less room and
 * scrolls the field into view, so the keyboard never hides what it types
 * into. The field keeps the focus (the keys cannot take it), and every key
 * goes in through GtkEditable or GtkTextBuffer at the cursor, so the
 * field's own signals, checks and length limit apply as with a keyboard.
 *
 * It opens when the citizen chooses a text field (a touch, the keypad's
 * Action, a switch) unless the setting osk-auto-open is off, and always with
 * the Keyboard button beside a field (win.show-keyboard). It closes with
 * Done, Back, or when the focus leaves for something that is not a text
 * field.
 *
 * Touch presses the keys; the keypad's arrows move a highlight over them
 * (bk-navigator.c hands them over while it is open) and Action types the
 * highlighted key; switch scanning takes the keyboard for the whole screen
 * (BK_EZ_SCREEN_CLASS), its rows as the groups. Every key is said by its
 * name, and what is typed is said — in a secret field (a PIN) only that a
 * character was entered.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-osk"

#include "bk-config.h"

#include <glib/gi18n.h>

#include "bk-ez-tree.h"
#include "bk-osk-private.h"
#include "bk-osk-text.h"
#include "bk-ui.h"

#define HIGHLIGHT_CLASS "bk-ez-current"
#define CELL_KEY "bk-osk-cell"
#define ROW_KEY "bk-osk-row"
#define INDEX_KEY "bk-osk-index"
/* Of the window's height at most, the rest scrolls (300 % text). */
#define MAX_HEIGHT_SHARE 0.55
/* Smaller key labels when all the keys would not fit in that share. */
#define COMPACT_CLASS "bk-osk-compact"
#define ROW_SPACING 8
#define COMPACT_ROW_SPACING 4
/* What of the field typed into stays in sight above the keyboard at least:
 * its height up to a line of 300 % text (a field of several lines scrolls
 * its cursor into view), and a margin. */
#define FIELD_ROOM_MAX 84
#define FIELD_MARGIN 8

struct _BkOsk
{
  GtkWidget    parent_instance;

  GtkWidget   *scroller;
  GtkWidget   *rows_box;
  GPtrArray   *rows;         /* GPtrArray of the buttons of each row */

  GtkWindow   *window;       /* weak */
  BkVoice     *voice;
  BkSettings  *settings;

  GtkWidget   *target;       /* weak: the text field typed into */
  BkOskLayout *layout;
  BkOskPage    page;
  gboolean     multiline;
  gboolean     shift;

  gboolean     highlighted;  /* the keypad's highlight is shown */
  guint        row;
  guint        index;
  GtkWidget   *highlight;    /* weak */

  char        *opening;      /* what is said when it opens, unless a key follows */
  guint        opening_source;
  gboolean     scroll_pending;
  guint        scroll_source;
  int          measured_root_height;
  int          measured_room;   /* the page's height and its own, when measured */

  gboolean     compact;              /* COMPACT_CLASS is set */
  int          compact_root_height;  /* the window's height when it was set */
  gboolean     overflows;            /* the keys are taller than the keyboard */
  guint        fit_source;
};

G_DEFINE_FINAL_TYPE (BkOsk, bk_osk, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_OPEN, N_PROPS };
static GParamSpec *properties[N_PROPS];

enum { SAID, N_SIGNALS };
static guint signals[N_SIGNALS];

static void rebuild (BkOsk *self);

/* ---- speaking ------------------------------------------------------------ */

static void
say (BkOsk      *self,
     const char *text)
{
  bk_voice_say_for (self->voice, self, signals[SAID], text, NULL);
}

static gboolean
secret (BkOsk *self)
{
  return self->target != NULL && bk_voice_is_masked (self->target);
}

/* Never the character in a secret field: only that one was entered. */
static void
say_typed (BkOsk      *self,
           const char *text)
{
  BkSpeech *speech = self->voice ? bk_voice_get_speech (self->voice) : NULL;

  if (!secret (self))
    {
      say (self, text);
      return;
    }

  g_signal_emit (self, signals[SAID], 0, _("character entered"));
  if (speech != NULL)
    bk_speech_say_masked_input (speech);
}

static void
cue_edge (BkOsk *self)
{
  if (self->voice != NULL)
    bk_voice_cue (self->voice, BK_EARCON_EDGE, self->target);
}

static void
cancel_opening (BkOsk *self)
{
  g_clear_handle_id (&self->opening_source, g_source_remove);
  g_clear_pointer (&self->opening, g_free);
}

static gboolean
say_opening_cb (gpointer user_data)
{
  BkOsk *self = user_data;
  g_autofree char *text = g_steal_pointer (&self->opening);

  self->opening_source = 0;
  say (self, text);
  return G_SOURCE_REMOVE;
}

/* ---- keys and rows ------------------------------------------------------- */

static const BkOskCell *
cell_of (GtkWidget *button)
{
  return g_object_get_data (G_OBJECT (button), CELL_KEY);
}

static GtkWidget *
button_at (BkOsk *self,
           guint  row,
           guint  index)
{
  GPtrArray *buttons;

  if (self->rows == NULL || row >= self->rows->len)
    return NULL;
  buttons = g_ptr_array_index (self->rows, row);
  return index < buttons->len ? g_ptr_array_index (buttons, index) : NULL;
}

static void
clear_highlight (BkOsk *self)
{
  if (self->highlight != NULL)
    gtk_widget_remove_css_class (self->highlight, HIGHLIGHT_CLASS);
  g_clear_weak_pointer (&self->highlight);
}

static void
update_highlight (BkOsk *self)
{
  GtkWidget *button = button_at (self, self->row, self->index);

  clear_highlight (self);
  if (!self->highlighted || button == NULL)
    return;

  g_set_weak_pointer (&self->highlight, button);
  gtk_widget_add_css_class (button, HIGHLIGHT_CLASS);
  bk_ez_scroll_into_view (button);
}

static char *
dup_key_name (BkOsk          *self,
              const BkOskKey *key)
{
  return bk_osk_key_dup_name (key, self->shift);
}

/* Labels and names follow shift: capitals on the letters. */
static void
update_key (BkOsk     *self,
            GtkWidget *button)
{
  const BkOskCell *cell = cell_of (button);
  g_autofree char *name = dup_key_name (self, cell->key);
  g_autofree char *label = bk_osk_key_dup_label (cell->key, self->shift);
  GtkWidget *symbol = g_object_get_data (G_OBJECT (button), "bk-osk-symbol");

  if (symbol != NULL && label != NULL)
    gtk_label_set_text (GTK_LABEL (symbol), label);
  bk_ui_set_accessible (button, name, NULL);

  if (cell->key->kind == BK_OSK_KEY_SHIFT)
    {
      g_signal_handlers_block_matched (button, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), self->shift);
      g_signal_handlers_unblock_matched (button, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
      gtk_accessible_update_state (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_STATE_PRESSED, self->shift, -1);
    }
}

static void
update_keys (BkOsk *self)
{
  for (guint r = 0; self->rows != NULL && r < self->rows->len; r++)
    {
      GPtrArray *buttons = g_ptr_array_index (self->rows, r);

      for (guint i = 0; i < buttons->len; i++)
        update_key (self, g_ptr_array_index (buttons, i));
    }
}

static void press_key (BkOsk *self, const BkOskKey *key);

static void
key_clicked_cb (GtkWidget *button,
                BkOsk     *self)
{
  const BkOskCell *cell = cell_of (button);

  /* A touch or a switch chose it: the keypad's highlight goes there. */
  self->row = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), ROW_KEY));
  self->index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), INDEX_KEY));
  press_key (self, cell->key);
}

static GtkWidget *
new_key (BkOsk           *self,
         const BkOskCell *cell,
         guint            row,
         guint            index)
{
  const BkOskKey *key = cell->key;
  GtkWidget *button = key->kind == BK_OSK_KEY_SHIFT ? gtk_toggle_button_new () : gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  g_autofree char *label = bk_osk_key_dup_label (key, self->shift);
  const char *caption = bk_osk_key_get_caption (key);

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  if (label != NULL)
    {
      GtkWidget *symbol = gtk_label_new (label);

      gtk_widget_add_css_class (symbol, "bk-osk-symbol");
      g_object_set_data (G_OBJECT (button), "bk-osk-symbol", symbol);
      gtk_box_append (GTK_BOX (box), symbol);
    }
  if (caption != NULL)
    {
      GtkWidget *text = gtk_label_new (caption);

      /* At 300 % a long word wraps rather than widen the keyboard. */
      gtk_label_set_wrap (GTK_LABEL (text), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_justify (GTK_LABEL (text), GTK_JUSTIFY_CENTER);
      gtk_widget_add_css_class (text, label != NULL ? "bk-osk-caption" : "bk-osk-word");
      gtk_box_append (GTK_BOX (box), text);
    }
  gtk_button_set_child (GTK_BUTTON (button), box);

  /* The field keeps the focus: the keys never take it. */
  gtk_widget_set_focusable (button, FALSE);
  gtk_widget_set_focus_on_click (button, FALSE);
  gtk_widget_add_css_class (button, "bk-osk-key");
  if (key->kind == BK_OSK_KEY_DONE)
    gtk_widget_add_css_class (button, "suggested-action");
  if (key->kind != BK_OSK_KEY_CHAR)
    gtk_widget_add_css_class (button, "bk-osk-function");

  g_object_set_data (G_OBJECT (button), CELL_KEY, (gpointer) cell);
  g_object_set_data (G_OBJECT (button), ROW_KEY, GUINT_TO_POINTER (row));
  g_object_set_data (G_OBJECT (button), INDEX_KEY, GUINT_TO_POINTER (index));
  g_signal_connect_object (button, "clicked", G_CALLBACK (key_clicked_cb), self, 0);
  update_key (self, button);

  return button;
}

static void
rebuild (BkOsk *self)
{
  GtkWidget *child;

  clear_highlight (self);
  while ((child = gtk_widget_get_first_child (self->rows_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->rows_box), child);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->layout, bk_osk_layout_free);

  self->layout = bk_osk_layout_new (self->page, self->multiline);
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  for (guint r = 0; r < bk_osk_layout_get_n_rows (self->layout); r++)
    {
      GtkWidget *grid = g_object_new (GTK_TYPE_GRID, "accessible-role", GTK_ACCESSIBLE_ROLE_GROUP, NULL);
      GPtrArray *buttons = g_ptr_array_new ();
      guint n = bk_osk_layout_get_n_keys (self->layout, r);
      g_autofree char *first = dup_key_name (self, bk_osk_layout_get_cell (self->layout, r, 0)->key);
      g_autofree char *last = dup_key_name (self, bk_osk_layout_get_cell (self->layout, r, n - 1)->key);
      /* Translators: a row of the on-screen keyboard, as "Keys q to ß";
       * switch scanning says it */
      g_autofree char *row_name = g_strdup_printf (_("Keys %s to %s"), first, last);

      /* Equal columns in every row: the keys line up. */
      gtk_grid_set_column_homogeneous (GTK_GRID (grid), TRUE);
      gtk_grid_set_column_spacing (GTK_GRID (grid), 8);
      /* A row is a group for switch scanning: rows, then keys. */
      gtk_widget_add_css_class (grid, BK_EZ_SCAN_GROUP_CLASS);
      gtk_widget_add_css_class (grid, "bk-osk-row");
      bk_ui_set_accessible (grid, row_name, NULL);
      for (guint i = 0; i < n; i++)
        {
          const BkOskCell *cell = bk_osk_layout_get_cell (self->layout, r, i);
          GtkWidget *button = new_key (self, cell, r, i);

          gtk_grid_attach (GTK_GRID (grid), button, (int) cell->column, 0, (int) cell->width, 1);
          g_ptr_array_add (buttons, button);
        }
      g_ptr_array_add (self->rows, buttons);
      gtk_box_append (GTK_BOX (self->rows_box), grid);
    }

  if (self->row >= bk_osk_layout_get_n_rows (self->layout))
    self->row = 0;
  if (self->index >= bk_osk_layout_get_n_keys (self->layout, self->row))
    self->index = 0;
  update_highlight (self);
}

static char *
dup_chars_name (const char *text)
{
  if (text == NULL || g_utf8_strlen (text, -1) != 1)
    return g_strdup (text);
  return bk_osk_dup_char_name (g_utf8_get_char (text));
}

/* ---- pressing keys ------------------------------------------------------- */

static void
type_key (BkOsk          *self,
          const BkOskKey *key)
{
  g_autofree char *text = bk_osk_key_dup_text (key, self->shift);
  g_autofree char *word = bk_osk_text_dup_last_word (self->target);
  g_autofree char *name = dup_key_name (self, key);
  gunichar c = g_utf8_get_char (text);

  bk_osk_text_insert (self->target, text);

  /* A space or a mark after a word: the word, then the key. */
  if (word != NULL && !g_unichar_isalnum (c) && c != '-')
    {
      /* Translators: said after a word was finished: the word, then the
       * key that ended it, as "Müller; Space" */
      g_autofree char *echo = g_strdup_printf (_("%s; %s"), word, name);

      say_typed (self, echo);
    }
  else
    say_typed (self, name);

  /* Shift holds for one letter. */
  if (self->shift && bk_osk_key_has_capital (key))
    {
      self->shift = FALSE;
      update_keys (self);
    }
}

static void
press_key (BkOsk          *self,
           const BkOskKey *key)
{
  g_autofree char *done = NULL;

  if (self->target == NULL)
    return;

  switch (key->kind)
    {
    case BK_OSK_KEY_CHAR:
    case BK_OSK_KEY_SPACE:
    case BK_OSK_KEY_NEWLINE:
      type_key (self, key);
      break;

    case BK_OSK_KEY_DELETE:
      done = bk_osk_text_delete_before (self->target);
      if (done == NULL)
        {
          cue_edge (self);
          /* Translators: Delete on the on-screen keyboard in an empty field */
          say (self, _("Nothing to delete"));
        }
      else if (secret (self))
        /* Translators: Delete in a secret field (a PIN): never which */
        say (self, _("character deleted"));
      else
        {
          g_autofree char *name = dup_chars_name (done);
          /* Translators: said after Delete, as "a deleted" */
          g_autofree char *text = g_strdup_printf (_("%s deleted"), name);

          say (self, text);
        }
      break;

    case BK_OSK_KEY_LEFT:
    case BK_OSK_KEY_RIGHT:
      done = bk_osk_text_move_cursor (self->target, key->kind == BK_OSK_KEY_RIGHT);
      if (done == NULL)
        {
          cue_edge (self);
          say (self, key->kind == BK_OSK_KEY_RIGHT
                     /* Translators: the cursor is at the end of the field */
                     ? _("End of the text")
                     /* Translators: the cursor is at the start of the field */
                     : _("Start of the text"));
        }
      else if (secret (self))
        say (self, _(key->name));
      else
        {
          g_autofree char *name = dup_chars_name (done);

          say (self, name);
        }
      break;

    case BK_OSK_KEY_SHIFT:
      self->shift = !self->shift;
      update_keys (self);
      say (self, self->shift
                 /* Translators: the shift key of the on-screen keyboard */
                 ? _("Capital letters on")
                 : _("Capital letters off"));
      break;

    case BK_OSK_KEY_SWITCH:
      {
        g_autofree char *name = dup_key_name (self, key);

        self->page = self->page == BK_OSK_PAGE_LETTERS ? BK_OSK_PAGE_SYMBOLS : BK_OSK_PAGE_LETTERS;
        self->shift = FALSE;
        rebuild (self);
        /* The highlight stays on the switch key, to go back at once. */
        if (bk_osk_layout_find_kind (self->layout, BK_OSK_KEY_SWITCH, &self->row, &self->index))
          update_highlight (self);
        say (self, name);
      }
      break;

    case BK_OSK_KEY_DONE:
    default:
      bk_osk_close (self, TRUE);
      break;
    }
}

/* ---- opening and closing ------------------------------------------------- */

static gboolean
scroll_target_cb (gpointer user_data)
{
  BkOsk *self = user_data;

  self->scroll_source = 0;
  if (self->target != NULL && gtk_widget_get_mapped (self->target))
    bk_ez_scroll_into_view (self->target);
  return G_SOURCE_REMOVE;
}

static void
set_target (BkOsk     *self,
            GtkWidget *input)
{
  gboolean multiline = GTK_IS_TEXT_VIEW (input);

  g_set_weak_pointer (&self->target, input);
  if (multiline != self->multiline || self->layout == NULL)
    {
      self->multiline = multiline;
      rebuild (self);
    }
  /* Shown after the next layout: then the page is smaller. */
  self->scroll_pending = TRUE;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

gboolean
bk_osk_request (BkOsk     *self,
                GtkWidget *widget,
                gboolean   automatic)
{
  GtkWidget *input;

  g_return_val_if_fail (BK_IS_OSK (self), FALSE);

  input = bk_osk_text_find_input (widget);
  if (input == NULL || (automatic && self->settings != NULL &&
                        !bk_settings_get_boolean (self->settings, "osk-auto-open")))
    return FALSE;

  set_target (self, input);
  bk_osk_text_unselect (input);
  if (gtk_widget_get_visible (GTK_WIDGET (self)))
    return TRUE;

  self->page = BK_OSK_PAGE_LETTERS;
  self->shift = FALSE;
  self->highlighted = FALSE;
  rebuild (self);
  bk_osk_layout_find_char (self->layout, 'q', &self->row, &self->index);
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OPEN]);

  cancel_opening (self);
  /* Translators: said when the on-screen keyboard opens */
  self->opening = g_strdup (_("On-screen keyboard open. Done closes it."));
  self->opening_source = g_idle_add (say_opening_cb, self);

  return TRUE;
}

void
bk_osk_close (BkOsk    *self,
              gboolean  said)
{
  g_return_if_fail (BK_IS_OSK (self));

  cancel_opening (self);
  if (!gtk_widget_get_visible (GTK_WIDGET (self)))
    return;

  self->highlighted = FALSE;
  clear_highlight (self);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OPEN]);
  if (said)
    /* Translators: said when the on-screen keyboard closes */
    say (self, _("Keyboard closed"));
}

gboolean
bk_osk_is_open (BkOsk *self)
{
  g_return_val_if_fail (BK_IS_OSK (self), FALSE);

  return gtk_widget_get_visible (GTK_WIDGET (self));
}

GtkWidget *
bk_osk_get_target (BkOsk *self)
{
  g_return_val_if_fail (BK_IS_OSK (self), NULL);

  return self->target;
}

/* ---- the keypad ---------------------------------------------------------- */

static void
say_highlighted (BkOsk *self)
{
  GtkWidget *button = button_at (self, self->row, self->index);
  g_autofree char *name = button ? dup_key_name (self, cell_of (button)->key) : NULL;

  if (self->opening != NULL)
    {
      /* Translators: said when the keypad opened the on-screen keyboard;
       * %s is the highlighted key */
      g_autofree char *text = g_strdup_printf (_("On-screen keyboard open. The arrow keys choose a key, "
                                                 "Action types it, Back closes the keyboard. %s"), name);

      cancel_opening (self);
      say (self, text);
      return;
    }

  say (self, name);
}

void
bk_osk_show_highlight (BkOsk *self)
{
  g_return_if_fail (BK_IS_OSK (self));

  if (!bk_osk_is_open (self))
    return;

  self->highlighted = TRUE;
  update_highlight (self);
  say_highlighted (self);
}

gboolean
bk_osk_run_command (BkOsk           *self,
                    BkKeypadCommand  command)
{
  static const BkOskDirection directions[] = {
    [BK_KEYPAD_UP] = BK_OSK_UP,
    [BK_KEYPAD_DOWN] = BK_OSK_DOWN,
    [BK_KEYPAD_LEFT] = BK_OSK_LEFT,
    [BK_KEYPAD_RIGHT] = BK_OSK_RIGHT,
  };
  GtkWidget *button;

  g_return_val_if_fail (BK_IS_OSK (self), FALSE);

  if (!bk_osk_is_open (self) || self->layout == NULL)
    return FALSE;

  switch (command)
    {
    case BK_KEYPAD_UP:
    case BK_KEYPAD_DOWN:
    case BK_KEYPAD_LEFT:
    case BK_KEYPAD_RIGHT:
      /* The first press shows where the highlight is. */
      if (self->highlighted)
        bk_osk_layout_move (self->layout, directions[command], &self->row, &self->index);
      bk_osk_show_highlight (self);
      return TRUE;

    case BK_KEYPAD_ACTION:
      button = button_at (self, self->row, self->index);
      if (!self->highlighted || button == NULL)
        bk_osk_show_highlight (self);
      else
        press_key (self, cell_of (button)->key);
      return TRUE;

    case BK_KEYPAD_BACK:
      bk_osk_close (self, TRUE);
      return TRUE;

    case BK_KEYPAD_HELP:
    case BK_KEYPAD_NEXT:
    case BK_KEYPAD_VOLUME_DOWN:
    case BK_KEYPAD_VOLUME_UP:
    case BK_KEYPAD_ACCESSIBILITY:
    case BK_KEYPAD_EXPLORE:
    case BK_KEYPAD_SWITCH_SELECT:
    case BK_KEYPAD_SWITCH_STEP:
    case BK_KEYPAD_N_COMMANDS:
    default:
      return FALSE;
    }
}

gboolean
bk_osk_handle_key (BkOsk           *self,
                   guint            keyval,
                   GdkModifierType  state)
{
  g_return_val_if_fail (BK_IS_OSK (self), FALSE);

  if (!bk_osk_is_open (self) || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;

  if (keyval == GDK_KEY_Escape)
    {
      bk_osk_close (self, TRUE);
      return TRUE;
    }

  return FALSE;
}

/* ---- the window ---------------------------------------------------------- */

/* The focus left for something that is not a text field: closed; another
 * text field: the keyboard types there. */
static void
focus_changed_cb (BkOsk *self)
{
  GtkWidget *focus = self->window ? gtk_root_get_focus (GTK_ROOT (self->window)) : NULL;
  GtkWidget *input = bk_osk_text_find_input (focus);

  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
    return;

  if (input == NULL)
    bk_osk_close (self, FALSE);
  else if (bk_osk_is_open (self) && input != self->target)
    set_target (self, input);
}

typedef struct
{
  BkOsk     *self;
  GtkWidget *input;
} Touched;

static gboolean
touched_cb (gpointer user_data)
{
  Touched *touched = user_data;

  if (touched->self != NULL && touched->input != NULL)
    bk_osk_request (touched->self, touched->input, TRUE);
  g_clear_weak_pointer (&touched->self);
  g_clear_weak_pointer (&touched->input);
  g_free (touched);
  return G_SOURCE_REMOVE;
}

/* A touch on a text field opens the keyboard once the field has taken the
 * focus; in explore mode a touch only says what is there. */
static void
window_pressed_cb (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   BkOsk           *self)
{
  GtkWidget *picked;
  GtkWidget *input;
  Touched *touched;

  if (self->window == NULL ||
      (self->settings != NULL && bk_settings_get_boolean (self->settings, "explore-mode")))
    return;

  picked = gtk_widget_pick (GTK_WIDGET (self->window), x, y, GTK_PICK_DEFAULT);
  input = bk_osk_text_find_input (picked);
  if (input == NULL && picked != NULL)
    input = bk_osk_text_find_input (gtk_widget_get_parent (picked));
  if (input == NULL)
    return;

  touched = g_new0 (Touched, 1);
  g_set_weak_pointer (&touched->self, self);
  g_set_weak_pointer (&touched->input, input);
  g_idle_add (touched_cb, touched);
}

/* A touch on the keyboard: the keypad's highlight goes until the next key. */
static void
keys_pressed_cb (GtkGestureClick *gesture,
                 int              n_press,
                 double           x,
                 double           y,
                 BkOsk           *self)
{
  self->highlighted = FALSE;
  clear_highlight (self);
}

static int
root_height (BkOsk *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return root ? gtk_widget_get_height (GTK_WIDGET (root)) : 0;
}

static void
set_compact (BkOsk    *self,
             gboolean  compact)
{
  self->compact = compact;
  self->compact_root_height = compact ? root_height (self) : 0;
  if (compact)
    gtk_widget_add_css_class (GTK_WIDGET (self), COMPACT_CLASS);
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), COMPACT_CLASS);
  gtk_box_set_spacing (GTK_BOX (self->rows_box), compact ? COMPACT_ROW_SPACING : ROW_SPACING);
}

/* All the keys in sight, whatever the text size: smaller labels when they
 * do not fit (300 % text on a 800 px high terminal), the large ones again
 * when the window or the text size changes (and then measured again). */
static gboolean
fit_cb (gpointer user_data)
{
  BkOsk *self = user_data;

  self->fit_source = 0;
  if (self->compact && root_height (self) != self->compact_root_height)
    set_compact (self, FALSE);
  else if (!self->compact && self->overflows)
    set_compact (self, TRUE);
  return G_SOURCE_REMOVE;
}

static void
text_size_changed_cb (BkOsk *self)
{
  if (self->compact)
    set_compact (self, FALSE);
}

void
bk_osk_attach (BkOsk     *self,
               GtkWindow *window,
               BkVoice   *voice)
{
  GtkGesture *click;

  g_return_if_fail (BK_IS_OSK (self));
  g_return_if_fail (GTK_IS_WINDOW (window));
  g_return_if_fail (!voice || BK_IS_VOICE (voice));

  g_set_weak_pointer (&self->window, window);
  g_set_object (&self->voice, voice);
  g_clear_object (&self->settings);
  if (voice != NULL)
    self->settings = g_object_ref (bk_voice_get_settings (voice));

  g_signal_connect_object (window, "notify::focus-widget", G_CALLBACK (focus_changed_cb), self,
                           G_CONNECT_SWAPPED);
  /* The text size is the resolution (bk-theme.c). */
  g_signal_connect_object (gtk_widget_get_settings (GTK_WIDGET (window)), "notify::gtk-xft-dpi",
                           G_CALLBACK (text_size_changed_cb), self, G_CONNECT_SWAPPED);
  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  gtk_event_controller_set_name (GTK_EVENT_CONTROLLER (click), "bk-osk-touch");
  g_signal_connect_object (click, "pressed", G_CALLBACK (window_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (window), GTK_EVENT_CONTROLLER (click));
}

/* ---- GtkWidget ----------------------------------------------------------- */

/* The height the page above and the keyboard share (the header and the
 * caption bar take the rest of the window); 0 when not known. */
static int
page_room (BkOsk *self)
{
  GtkWidget *page = self->target ? gtk_widget_get_ancestor (self->target, GTK_TYPE_VIEWPORT) : NULL;

  if (page == NULL || !gtk_widget_get_mapped (page))
    return 0;
  return gtk_widget_get_height (page) +
         (gtk_widget_get_mapped (GTK_WIDGET (self)) ? gtk_widget_get_height (GTK_WIDGET (self)) : 0);
}

static int
max_height (BkOsk *self)
{
  int height = root_height (self);
  int share = height > 0 ? (int) (height * MAX_HEIGHT_SHARE) : G_MAXINT;
  int room = page_room (self);

  self->measured_root_height = height;
  self->measured_room = room;
  /* The field stays in sight above it, also when the header and the
   * caption bar are large (300 %). */
  if (room > 0)
    share = MIN (share, MAX (room - MIN (gtk_widget_get_height (self->target), FIELD_ROOM_MAX) - FIELD_MARGIN,
                             room / 2));
  return share;
}

static void
bk_osk_measure (GtkWidget      *widget,
                GtkOrientation  orientation,
                int             for_size,
                int            *minimum,
                int            *natural,
                int            *minimum_baseline,
                int            *natural_baseline)
{
  BkOsk *self = BK_OSK (widget);

  gtk_widget_measure (self->scroller, orientation, for_size, minimum, natural, NULL, NULL);
  /* Never more than its share of the window: the rest scrolls, and the
   * field above stays in sight. */
  if (orientation == GTK_ORIENTATION_VERTICAL)
    *natural = MAX (*minimum, MIN (*natural, max_height (self)));
}

static gboolean
remeasure_cb (gpointer user_data)
{
  gtk_widget_queue_resize (user_data);
  return G_SOURCE_REMOVE;
}

static void
bk_osk_size_allocate (GtkWidget *widget,
                      int        width,
                      int        height,
                      int        baseline)
{
  BkOsk *self = BK_OSK (widget);
  int keys_height = 0;

  gtk_widget_allocate (self->scroller, width, height, baseline, NULL);

  gtk_widget_measure (self->rows_box, GTK_ORIENTATION_VERTICAL, width, NULL, &keys_height, NULL, NULL);
  self->overflows = keys_height > height;
  if (self->fit_source == 0 &&
      ((self->overflows && !self->compact) ||
       (self->compact && root_height (self) != self->compact_root_height)))
    self->fit_source = g_idle_add (fit_cb, self);

  /* The window changed its height since the keyboard was measured. */
  if ((root_height (self) > 0 && root_height (self) != self->measured_root_height) ||
      page_room (self) != self->measured_room)
    g_idle_add_full (G_PRIORITY_HIGH_IDLE, remeasure_cb, g_object_ref (widget), g_object_unref);

  if (self->scroll_pending && self->scroll_source == 0)
    {
      self->scroll_pending = FALSE;
      self->scroll_source = g_idle_add (scroll_target_cb, self);
    }
}

static void
bk_osk_get_property (GObject    *object,
                     guint       prop_id,
                     GValue     *value,
                     GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_OPEN:
      g_value_set_boolean (value, bk_osk_is_open (BK_OSK (object)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_osk_dispose (GObject *object)
{
  BkOsk *self = BK_OSK (object);

  cancel_opening (self);
  g_clear_handle_id (&self->scroll_source, g_source_remove);
  g_clear_handle_id (&self->fit_source, g_source_remove);
  clear_highlight (self);
  g_clear_weak_pointer (&self->target);
  g_clear_weak_pointer (&self->window);
  g_clear_pointer (&self->scroller, gtk_widget_unparent);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->layout, bk_osk_layout_free);
  g_clear_object (&self->settings);
  g_clear_object (&self->voice);

  G_OBJECT_CLASS (bk_osk_parent_class)->dispose (object);
}

static void
bk_osk_class_init (BkOskClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = bk_osk_get_property;
  object_class->dispose = bk_osk_dispose;
  widget_class->measure = bk_osk_measure;
  widget_class->size_allocate = bk_osk_size_allocate;

  properties[PROP_OPEN] = g_param_spec_boolean ("open", NULL, NULL, FALSE,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SAID] = g_signal_new ("said", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_css_name (widget_class, "osk");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
bk_osk_init (BkOsk *self)
{
  GtkGesture *click;

  /* The layout is German, whatever the interface's direction. */
  gtk_widget_set_direction (GTK_WIDGET (self), GTK_TEXT_DIR_LTR);
  gtk_widget_add_css_class (GTK_WIDGET (self), BK_EZ_SCREEN_CLASS);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  /* Tab never leaves the field for the keys. */
  gtk_widget_set_can_focus (GTK_WIDGET (self), FALSE);
  bk_ui_set_accessible (GTK_WIDGET (self), _("On-screen keyboard"), NULL);

  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (self->scroller), TRUE);
  gtk_widget_set_focusable (self->scroller, FALSE);
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));

  self->rows_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, ROW_SPACING);
  gtk_widget_add_css_class (self->rows_box, "bk-osk-rows");
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), self->rows_box);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect_object (click, "pressed", G_CALLBACK (keys_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  rebuild (self);
}

/* ---- for tests ----------------------------------------------------------- */

BkOskLayout *
bk_osk_get_layout (BkOsk *self)
{
  g_return_val_if_fail (BK_IS_OSK (self), NULL);

  return self->layout;
}

GtkWidget *
bk_osk_get_key (BkOsk *self,
                guint  row,
                guint  index)
{
  g_return_val_if_fail (BK_IS_OSK (self), NULL);

  return button_at (self, row, index);
}

GtkWidget *
bk_osk_find_key (BkOsk        *self,
                 BkOskKeyKind  kind,
                 gunichar      c)
{
  guint row, index;

  g_return_val_if_fail (BK_IS_OSK (self), NULL);

  if (kind == BK_OSK_KEY_CHAR ? bk_osk_layout_find_char (self->layout, c, &row, &index)
                              : bk_osk_layout_find_kind (self->layout, kind, &row, &index))
    return button_at (self, row, index);

  return NULL;
}

gboolean
bk_osk_get_highlight (BkOsk *self,
                      guint *row,
                      guint *index)
{
  g_return_val_if_fail (BK_IS_OSK (self), FALSE);

  if (row != NULL)
    *row = self->row;
  if (index != NULL)
    *index = self->index;
  return self->highlighted && self->highlight != NULL;
}

gboolean
bk_osk_get_shift (BkOsk *self)
{
  g_return_val_if_fail (BK_IS_OSK (self), FALSE);

  return self->shift;
}
