/* bk-navigator.c: EZ Access keypad operation of a kiosk window
 *
 * The EZ Access model (Trace Center; research notes §4): Up and Down move
 * a reading cursor through everything on the screen, plain text included;
 * Action uses the highlighted item; Back and Next go between screens; Help
 * opens the layered help; the volume keys are << and >>. Touching the
 * screen stops speech and leaves EZ mode; Up or Down resume it.
 *
 * Explore mode (EN 301 549 5.5.2): every key and touch only says what it
 * is or would do. Autorepeat is off for the keypad keys (5.7), and a key
 * pressed again within the debounce time is ignored (bounce keys).
 *
 * The window's key router (bk-window-keys.c) gives it every key, so the
 * keypad works wherever the focus is. It is handed the window, its stack
 * and the voice; it acts on the window only through its actions (win.back,
 * win.help, help.*, page.next). A clock can be injected, so tests never
 * sleep.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-navigator"

#include "bk-config.h"

#include <glib/gi18n.h>

#include "bk-ez-tree.h"
#include "bk-key-filter.h"
#include "bk-navigator-private.h"
#include "bk-osk.h"
#include "bk-osk-text.h"
#include "bk-ui.h"

#define CURRENT_CLASS "bk-ez-current"
#define NO_TIME G_MININT64

struct _BkNavigator
{
  GObject              parent_instance;

  GtkWidget           *window;        /* weak; it owns us */
  BkVoice             *voice;
  BkSettings          *settings;
  BkScanner           *scanner;
  BkOsk               *keyboard;      /* weak; the window's */

  BkKeyFilter         *filter;
  guint                help_key;
  gint64               help_pressed;

  gboolean             active;        /* EZ mode */
  GtkWidget           *current;
  GtkWidget           *moved_focus;   /* weak: the focus after the last move */
  GtkWidget           *page;          /* the stack's page the cursor is on */
  GtkStack            *stack;         /* weak */
  int                  moving;
  const char          *edge_text;
  gboolean             can_go_back;
  gboolean             help_open;
  GtkWidget           *typed_into;    /* weak: the text field a keyboard typed into */
};

G_DEFINE_FINAL_TYPE (BkNavigator, bk_navigator, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_GO_BACK,
  PROP_HELP_OPEN,
  N_PROPS
};

enum {
  SAID,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ---- speaking ------------------------------------------------------------ */

static void
say_in (BkNavigator *self,
        const char  *text,
        const char  *lang)
{
  bk_voice_say_for (self->voice, self, signals[SAID], text, lang);
}

static void
say (BkNavigator *self,
     const char  *text)
{
  say_in (self, text, NULL);
}

/* A control that took the focus goes through the focus voice (silent while
 * a screen reader runs: that reads the focus itself); text is said. */
static void
say_item (BkNavigator *self,
          GtkWidget   *item,
          gboolean     focused)
{
  g_autofree char *text = bk_voice_describe_widget (item);

  if (text == NULL)
    return;

  if (focused)
    {
      g_signal_emit (self, signals[SAID], 0, text);
      bk_voice_speak_focus (self->voice, item, BK_SPEECH_INTERRUPT);
    }
  else
    say_in (self, text, bk_ui_get_content_language (item));
}

static void
cue_edge (BkNavigator *self,
          const char  *text,
          GtkWidget   *widget)
{
  self->edge_text = text;
  bk_voice_cue (self->voice, BK_EARCON_EDGE, widget);
  self->edge_text = NULL;
}

/* ---- the reading cursor -------------------------------------------------- */

static void
set_current (BkNavigator *self,
             GtkWidget   *item)
{
  if (self->current != NULL)
    gtk_widget_remove_css_class (self->current, CURRENT_CLASS);
  g_set_object (&self->current, item);
  if (self->current != NULL && self->active)
    gtk_widget_add_css_class (self->current, CURRENT_CLASS);
}

static GtkWidget *
visible_page (BkNavigator *self)
{
  return self->stack ? gtk_stack_get_visible_child (self->stack) : NULL;
}

static void
reset_cursor (BkNavigator *self)
{
  set_current (self, NULL);
  self->page = visible_page (self);
  bk_scanner_restart (self->scanner);
}

static void
check_page (BkNavigator *self)
{
  if (visible_page (self) != self->page)
    reset_cursor (self);
}

static void
go_to (BkNavigator *self,
       GtkWidget   *item)
{
  gboolean focused = FALSE;

  set_current (self, item);
  bk_ez_scroll_into_view (item);

  if (bk_ez_is_control (item) || gtk_widget_get_focusable (item))
    {
      self->moving++;
      focused = gtk_widget_grab_focus (item);
      self->moving--;
      if (focused)
        gtk_window_set_focus_visible (GTK_WINDOW (self->window), TRUE);
    }
  g_set_weak_pointer (&self->moved_focus, gtk_root_get_focus (GTK_ROOT (self->window)));

  bk_voice_cue (self->voice, BK_EARCON_MOVE, NULL);
  say_item (self, item, focused);
}

/* The index of the first item on the page shown, 0 when none is (a
 * drop-down list, the on-screen keyboard, a panel). */
static guint
first_content (BkNavigator *self,
               GPtrArray   *items)
{
  GtkWidget *page = visible_page (self);

  for (guint i = 0; page != NULL && i < items->len; i++)
    if (gtk_widget_is_ancestor (g_ptr_array_index (items, i), page))
      return i;
  return 0;
}

static void
move (BkNavigator *self,
      int          direction)
{
  g_autoptr(GPtrArray) items = NULL;
  guint index;

  check_page (self);
  items = bk_ez_collect_items (bk_ez_get_screen_root (self->window), FALSE);
  if (items->len == 0)
    {
      cue_edge (self, NULL, NULL);
      return;
    }

  if (self->current == NULL || !g_ptr_array_find (items, self->current, &index))
    {
      /* A new screen, or EZ mode starts: the first item of the page, past
       * the header bar (Back, Help and Accessibility have keys of their
       * own); Up: the header's last item, and on up through it. */
      guint first = first_content (self, items);

      self->active = TRUE;
      go_to (self, g_ptr_array_index (items, direction > 0 ? first : first > 0 ? first - 1 : 0));
      return;
    }

  if (!self->active)
    {
      /* Resumed after a touch: where the cursor was. */
      self->active = TRUE;
      go_to (self, self->current);
      return;
    }

  /* The page moved the focus since (a form's next screen starts at its
   * first question): the cursor goes on from there. */
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self->window));
    GtkWidget *focus_item = focus ? bk_ez_find_item (focus) : NULL;

    if (focus != self->moved_focus && focus_item != NULL && focus_item != self->current &&
        g_ptr_array_find (items, focus_item, NULL))
      {
        go_to (self, focus_item);
        return;
      }
  }

  if ((direction < 0 && index == 0) || (direction > 0 && index + 1 >= items->len))
    {
      cue_edge (self,
                direction < 0
                /* Translators: shown briefly when Up is pressed on the first item */
                ? _("Top of the screen")
                /* Translators: shown briefly when Down is pressed on the last item */
                : _("End of the screen"),
                self->current);
      return;
    }

  go_to (self, g_ptr_array_index (items, index + direction));
}

/* After a command that stayed on the screen (Action on Next, the Next
 * key): when the page moved the focus — a form's next step focuses its
 * first question — the cursor is there at once, so that Action uses it and
 * Down goes on from it. The page says the new step itself. */
static void
follow_focus (BkNavigator *self,
              GtkWidget   *page_before)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self->window));
  GtkWidget *item = focus ? bk_ez_find_item (focus) : NULL;

  if (visible_page (self) != page_before || item == NULL || item == self->current ||
      focus == self->moved_focus || !bk_ez_is_control (item))
    return;

  self->active = TRUE;
  self->page = page_before;
  set_current (self, item);
  g_set_weak_pointer (&self->moved_focus, focus);
}

static gboolean
is_heading (GtkWidget *widget)
{
  return gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)) == GTK_ACCESSIBLE_ROLE_HEADING;
}

/* Left and Right outside the on-screen keyboard: the previous or next
 * heading, so that a long page (a service's sections) is crossed section
 * by section rather than item by item. */
static void
move_heading (BkNavigator *self,
              int          direction)
{
  g_autoptr(GPtrArray) items = NULL;
  guint index;
  int i;

  check_page (self);
  items = bk_ez_collect_items (bk_ez_get_screen_root (self->window), FALSE);
  if (self->current != NULL && self->active && g_ptr_array_find (items, self->current, &index))
    i = (int) index + direction;
  else
    i = direction > 0 ? (int) first_content (self, items) : (int) items->len - 1;

  for (; i >= 0 && i < (int) items->len; i += direction)
    if (is_heading (g_ptr_array_index (items, i)))
      {
        self->active = TRUE;
        go_to (self, g_ptr_array_index (items, i));
        return;
      }

  cue_edge (self,
            direction < 0
            /* Translators: shown briefly when Left finds no heading before the item */
            ? _("No heading above")
            /* Translators: shown briefly when Right finds no heading after the item */
            : _("No heading below"),
            self->current);
}

static gboolean
is_toggle (GtkWidget *widget)
{
  return GTK_IS_TOGGLE_BUTTON (widget) || GTK_IS_CHECK_BUTTON (widget) || GTK_IS_SWITCH (widget);
}

static void
activate_current (BkNavigator *self)
{
  GtkWidget *item;
  GtkWidget *page;

  check_page (self);
  item = self->active ? self->current : NULL;
  if (item != NULL && gtk_widget_get_root (item) == NULL)
    item = NULL;

  if (item == NULL)
    {
      GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self->window));

      item = focus ? bk_ez_find_item (focus) : NULL;
      if (item == NULL || !bk_ez_is_control (item))
        {
          cue_edge (self, NULL, NULL);
          /* Translators: Action was pressed while nothing is highlighted */
          say (self, _("Press Down to go to the first item."));
          return;
        }
      /* The focused control is used: the cursor is there now, so that
       * Down goes on from it (or from the question a form's next screen
       * focuses), not from the top of the screen. */
      self->active = TRUE;
      set_current (self, item);
      g_set_weak_pointer (&self->moved_focus, focus);
    }

  if (!bk_ez_is_control (item))
    {
      /* Action on text says it again. */
      say_item (self, item, FALSE);
      return;
    }

  g_object_ref (item);
  page = visible_page (self);
  if (!bk_ez_activate (item))
    {
      cue_edge (self, NULL, item);
      /* Translators: Action on a control that cannot be used now */
      say (self, _("This cannot be used now."));
    }
  else if (is_toggle (item))
    say_item (self, item, FALSE);
  else if (self->keyboard != NULL && bk_osk_is_open (self->keyboard))
    /* A text field: its keys are the keypad's now. */
    bk_osk_show_highlight (self->keyboard);
  else
    follow_focus (self, page);
  g_object_unref (item);
}

/* ---- commands ------------------------------------------------------------ */

static gboolean
class_has_action (GtkWidget  *widget,
                  const char *action)
{
  GtkWidgetClass *klass = GTK_WIDGET_GET_CLASS (widget);
  const GVariantType *parameter_type;
  const char *property;
  const char *name;
  GType owner;

  for (guint i = 0;
       gtk_widget_class_query_action (klass, i, &owner, &name, &parameter_type, &property);
       i++)
    if (g_strcmp0 (name, action) == 0)
      return TRUE;

  return FALSE;
}

static void
activate_app_action (BkNavigator *self,
                     const char  *name)
{
  g_autofree char *detailed = g_strconcat ("app.", name, NULL);
  GApplication *app;

  if (gtk_widget_activate_action (self->window, detailed, NULL))
    return;

  /* A window made without its application (tests): the default one. */
  app = g_application_get_default ();
  if (app != NULL && g_action_group_has_action (G_ACTION_GROUP (app), name))
    g_action_group_activate_action (G_ACTION_GROUP (app), name, NULL);
}

static void
back (BkNavigator *self)
{
  GtkWidget *root = bk_ez_get_screen_root (self->window);

  /* Back closes an open drop-down list or panel first. */
  if (GTK_IS_POPOVER (root))
    {
      gtk_popover_popdown (GTK_POPOVER (root));
      return;
    }
  if (bk_ez_is_modal (root))
    {
      gtk_widget_activate_action (root, "modal.close", NULL);
      return;
    }

  if (!self->can_go_back)
    {
      cue_edge (self, NULL, NULL);
      /* Translators: Back was pressed on the first screen */
      say (self, _("There is no previous screen."));
      return;
    }

  gtk_widget_activate_action (self->window, "win.back", NULL);
}

static void
next (BkNavigator *self)
{
  GtkWidget *page = visible_page (self);

  /* A page with a next step installs the action page.next. */
  if (page != NULL && class_has_action (page, "page.next"))
    {
      check_page (self);
      gtk_widget_activate_action (page, "page.next", NULL);
      follow_focus (self, page);
      return;
    }

  cue_edge (self, NULL, NULL);
  /* Translators: Next was pressed on a screen that has no next step */
  say (self, _("Nothing to do: this screen has no next step."));
}

static void
set_explore (BkNavigator *self,
             gboolean     explore)
{
  bk_settings_set_boolean (self->settings, "explore-mode", explore);
  say (self, explore
             /* Translators: spoken when explore mode is switched on */
             ? _("Explore mode on. Keys and touches now only say what they do. Press Explore again, or hold Help, to leave it.")
             /* Translators: spoken when explore mode is switched off */
             : _("Explore mode off. Keys and touches work again."));
}

static gboolean
explore_mode (BkNavigator *self)
{
  return bk_settings_get_boolean (self->settings, "explore-mode");
}

static void
help_released (BkNavigator *self,
               gint64       held_us)
{
  if (held_us >= (gint64)BK_NAVIGATOR_HELP_HOLD_MS * 1000)
    {
      set_explore (self, !explore_mode (self));
      return;
    }

  if (explore_mode (self))
    /* Translators: explore mode: what the Help key does */
    say (self, _("Help: opens or closes the help for this screen. Hold it to leave explore mode."));
  else if (self->help_open)
    gtk_widget_activate_action (self->window, "help.close", NULL);
  else
    gtk_widget_activate_action (self->window, "win.help", NULL);
}

static char *
dup_command_text (BkNavigator     *self,
                  BkKeypadCommand  command)
{
  switch (command)
    {
    /* Translators: explore mode: what a keypad key does */
    case BK_KEYPAD_UP: return g_strdup (_("Up: previous item"));
    case BK_KEYPAD_DOWN: return g_strdup (_("Down: next item"));
    case BK_KEYPAD_ACTION: return g_strdup (_("Action: uses the highlighted item"));
    case BK_KEYPAD_BACK: return g_strdup (_("Back: previous screen"));
    case BK_KEYPAD_NEXT: return g_strdup (_("Next: the next step of this screen"));
    case BK_KEYPAD_VOLUME_DOWN: return g_strdup (_("Volume down: quieter"));
    case BK_KEYPAD_VOLUME_UP: return g_strdup (_("Volume up: louder"));
    case BK_KEYPAD_ACCESSIBILITY: return g_strdup (_("Accessibility: opens the accessibility settings"));
    case BK_KEYPAD_EXPLORE: return g_strdup (_("Explore: switches explore mode on or off"));
    case BK_KEYPAD_SWITCH_STEP: return g_strdup (_("Step switch: moves to the next choice"));
    case BK_KEYPAD_LEFT: return g_strdup (_("Left: the key to the left on the on-screen keyboard, else the previous heading"));
    case BK_KEYPAD_RIGHT: return g_strdup (_("Right: the key to the right on the on-screen keyboard, else the next heading"));
    case BK_KEYPAD_SWITCH_SELECT: return bk_scanner_dup_selection_text (self->scanner);
    case BK_KEYPAD_HELP:
    case BK_KEYPAD_N_COMMANDS:
    default:
      return NULL;
    }
}

/* What a key of an ordinary keyboard does, in explore mode. */
static char *
dup_keyboard_text (guint           keyval,
                   GdkModifierType state)
{
  g_autofree char *label = NULL;

  switch (keyval)
    {
    case GDK_KEY_Tab:
    case GDK_KEY_KP_Tab:
      if (state & GDK_SHIFT_MASK)
        return g_strdup (_("Shift and Tab: previous control"));
      /* Translators: explore mode: what a key of a keyboard does */
      return g_strdup (_("Tab: next control"));
    case GDK_KEY_ISO_Left_Tab:
      return g_strdup (_("Shift and Tab: previous control"));
    case GDK_KEY_Up:
      return g_strdup (_("Arrow up: the row or control above"));
    case GDK_KEY_Down:
      return g_strdup (_("Arrow down: the row or control below"));
    case GDK_KEY_Left:
      return g_strdup (_("Arrow left: the control to the left"));
    case GDK_KEY_Right:
      return g_strdup (_("Arrow right: the control to the right"));
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
      return g_strdup (_("Enter: uses the control that has the focus"));
    case GDK_KEY_space:
      return g_strdup (_("Space: uses the control that has the focus"));
    case GDK_KEY_Escape:
      return g_strdup (_("Escape: previous screen"));
    default:
      break;
    }

  label = gtk_accelerator_get_label (keyval, state);
  /* Translators: explore mode: a key without a kiosk function, e.g. "Key A" */
  return g_strdup_printf (_("Key %s"), label);
}

static gboolean
is_modifier (guint keyval)
{
  switch (keyval)
    {
    case GDK_KEY_Shift_L: case GDK_KEY_Shift_R:
    case GDK_KEY_Control_L: case GDK_KEY_Control_R:
    case GDK_KEY_Alt_L: case GDK_KEY_Alt_R:
    case GDK_KEY_Meta_L: case GDK_KEY_Meta_R:
    case GDK_KEY_Super_L: case GDK_KEY_Super_R:
    case GDK_KEY_Caps_Lock: case GDK_KEY_Num_Lock:
    case GDK_KEY_ISO_Level3_Shift:
      return TRUE;
    default:
      return FALSE;
    }
}

/* The commands of keyval now: none with Control or Alt (Alt+Home is the
 * start page), the switch keys only while scanning. */
static guint
command_mask (BkNavigator     *self,
              guint            keyval,
              GdkModifierType  state)
{
  guint mask;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK | GDK_META_MASK)) != 0)
    return 0;

  mask = bk_keymap_lookup (bk_keymap_for_settings (self->settings), keyval);
  /* A keyboard is attached and typing into the focused field: its Space
   * and Return are the field's, not the switch's. */
  if (self->typed_into != NULL && !(self->keyboard != NULL && bk_osk_is_open (self->keyboard)) &&
      gtk_root_get_focus (GTK_ROOT (self->window)) == self->typed_into)
    mask &= ~BK_KEYPAD_MASK (BK_KEYPAD_SWITCH_SELECT);
  switch (bk_scanner_get_mode (self->scanner))
    {
    case BK_SCAN_OFF:
      mask &= ~(BK_KEYPAD_MASK (BK_KEYPAD_SWITCH_SELECT) | BK_KEYPAD_MASK (BK_KEYPAD_SWITCH_STEP));
      break;
    case BK_SCAN_ONE_SWITCH:
      mask &= ~BK_KEYPAD_MASK (BK_KEYPAD_SWITCH_STEP);
      break;
    case BK_SCAN_TWO_SWITCH:
    default:
      break;
    }

  return mask;
}

/* The switches first: while scanning, they are the citizen's only keys. */
static BkKeypadCommand
first_command (guint mask)
{
  if (mask & BK_KEYPAD_MASK (BK_KEYPAD_SWITCH_SELECT))
    return BK_KEYPAD_SWITCH_SELECT;
  if (mask & BK_KEYPAD_MASK (BK_KEYPAD_SWITCH_STEP))
    return BK_KEYPAD_SWITCH_STEP;
  for (guint i = 0; i < BK_KEYPAD_N_COMMANDS; i++)
    if (mask & BK_KEYPAD_MASK (i))
      return (BkKeypadCommand)i;

  return BK_KEYPAD_NONE;
}

static gboolean
explore_key (BkNavigator     *self,
             guint            keyval,
             GdkModifierType  state,
             BkKeypadCommand  command)
{
  g_autofree char *text = NULL;

  if (command == BK_KEYPAD_EXPLORE)
    {
      set_explore (self, FALSE);
      return TRUE;
    }

  text = command != BK_KEYPAD_NONE
         ? dup_command_text (self, command)
         : dup_keyboard_text (keyval, state);
  say (self, text);
  return TRUE;
}

static void
run_command (BkNavigator     *self,
             BkKeypadCommand  command)
{
  gboolean help = (command == BK_KEYPAD_UP || command == BK_KEYPAD_DOWN ||
                   command == BK_KEYPAD_ACTION) && self->help_open;
  gboolean rtl;

  /* The on-screen keyboard takes the arrows, Action and Back while open. */
  if (!help && self->keyboard != NULL && bk_osk_run_command (self->keyboard, command))
    return;

  switch (command)
    {
    case BK_KEYPAD_LEFT:
    case BK_KEYPAD_RIGHT:
      /* Else the heading before or after, as the screen reads. */
      rtl = gtk_widget_get_direction (self->window) == GTK_TEXT_DIR_RTL;
      move_heading (self, (command == BK_KEYPAD_RIGHT) != rtl ? +1 : -1);
      break;
    case BK_KEYPAD_UP:
      if (help)
        gtk_widget_activate_action (self->window, "help.previous-layer", NULL);
      else
        move (self, -1);
      break;
    case BK_KEYPAD_DOWN:
      if (help)
        gtk_widget_activate_action (self->window, "help.next-layer", NULL);
      else
        move (self, +1);
      break;
    case BK_KEYPAD_ACTION:
      if (help)
        gtk_widget_activate_action (self->window, "help.repeat", NULL);
      else
        activate_current (self);
      break;
    case BK_KEYPAD_BACK:
      back (self);
      break;
    case BK_KEYPAD_NEXT:
      next (self);
      break;
    case BK_KEYPAD_VOLUME_DOWN:
      activate_app_action (self, "speech-quieter");
      break;
    case BK_KEYPAD_VOLUME_UP:
      activate_app_action (self, "speech-louder");
      break;
    case BK_KEYPAD_ACCESSIBILITY:
      gtk_widget_activate_action (self->window, "win.show-accessibility", NULL);
      break;
    case BK_KEYPAD_EXPLORE:
      set_explore (self, TRUE);
      break;
    case BK_KEYPAD_SWITCH_SELECT:
      bk_scanner_select (self->scanner);
      break;
    case BK_KEYPAD_SWITCH_STEP:
      bk_scanner_step (self->scanner);
      break;
    case BK_KEYPAD_HELP:       /* on release: a long press is explore mode */
    case BK_KEYPAD_N_COMMANDS:
    default:
      break;
    }
}

/* A character key that no command takes, in a text field: a keyboard is
 * attached and the citizen types (the switch sends no letters). */
static void
note_typing (BkNavigator *self,
             guint        keyval)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self->window));
  gunichar c = gdk_keyval_to_unicode (keyval);

  if (focus != NULL && c != 0 && g_unichar_isgraph (c) && bk_osk_text_find_input (focus) != NULL)
    g_set_weak_pointer (&self->typed_into, focus);
}

BkKeyVerdict
bk_navigator_filter_key (BkNavigator     *self,
                         guint            keyval,
                         GdkModifierType  state)
{
  int debounce;

  g_return_val_if_fail (BK_IS_NAVIGATOR (self), BK_KEY_NEW);

  if (is_modifier (keyval))
    return BK_KEY_REPEAT;

  debounce = bk_settings_get_int (self->settings, "key-debounce");
  /* Keypad keys never repeat; in explore mode no key does. */
  return bk_key_filter_press (self->filter, keyval,
                              command_mask (self, keyval, state) != 0 || explore_mode (self),
                              (guint) MAX (debounce, 0));
}

gboolean
bk_navigator_run_key (BkNavigator     *self,
                      guint            keyval,
                      GdkModifierType  state)
{
  BkKeypadCommand command;

  g_return_val_if_fail (BK_IS_NAVIGATOR (self), FALSE);

  if (is_modifier (keyval))
    return FALSE;

  command = first_command (command_mask (self, keyval, state));
  if (command == BK_KEYPAD_HELP)
    {
      self->help_key = keyval;
      self->help_pressed = bk_key_filter_now (self->filter);
      return TRUE;
    }

  if (explore_mode (self))
    return explore_key (self, keyval, state, command);

  if (command == BK_KEYPAD_NONE)
    {
      note_typing (self, keyval);
      return FALSE;
    }

  run_command (self, command);
  return TRUE;
}

gboolean
bk_navigator_handle_key (BkNavigator     *self,
                         guint            keyval,
                         GdkModifierType  state)
{
  g_return_val_if_fail (BK_IS_NAVIGATOR (self), FALSE);

  switch (bk_navigator_filter_key (self, keyval, state))
    {
    case BK_KEY_SWALLOW:
      return TRUE;
    case BK_KEY_REPEAT:
      return FALSE;
    case BK_KEY_NEW:
    default:
      return bk_navigator_run_key (self, keyval, state);
    }
}

gboolean
bk_navigator_handle_key_release (BkNavigator     *self,
                                 guint            keyval,
                                 GdkModifierType  state)
{
  g_return_val_if_fail (BK_IS_NAVIGATOR (self), FALSE);

  if (is_modifier (keyval))
    return FALSE;

  if (bk_key_filter_release (self->filter, keyval))
    return TRUE;

  if (self->help_pressed != NO_TIME && keyval == self->help_key)
    {
      gint64 held = bk_key_filter_now (self->filter) - self->help_pressed;

      self->help_pressed = NO_TIME;
      help_released (self, held);
      return TRUE;
    }

  return FALSE;
}

gboolean
bk_navigator_handle_touch (BkNavigator *self,
                           double       x,
                           double       y)
{
  GtkWidget *picked;
  GtkWidget *item;

  g_return_val_if_fail (BK_IS_NAVIGATOR (self), FALSE);

  if (!explore_mode (self))
    {
      /* Touch and keys alternate: a touch stops speech and leaves EZ mode. */
      bk_voice_stop (self->voice);
      if (self->active)
        {
          self->active = FALSE;
          if (self->current != NULL)
            gtk_widget_remove_css_class (self->current, CURRENT_CLASS);
        }
      return FALSE;
    }

  picked = gtk_widget_pick (self->window, x, y, GTK_PICK_DEFAULT);
  item = picked ? bk_ez_find_item (picked) : NULL;
  if (item != NULL)
    say_item (self, item, FALSE);
  else
    /* Translators: explore mode: a touch where there is nothing to read */
    say (self, _("Nothing here"));

  return TRUE;
}

/* ---- controllers --------------------------------------------------------- */

static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            BkNavigator     *self)
{
  /* In explore mode the touch is ours: the widget never gets it. */
  if (bk_navigator_handle_touch (self, x, y))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
page_changed_cb (BkNavigator *self)
{
  reset_cursor (self);
}

static void
explore_changed_cb (BkNavigator *self)
{
  /* A hold of Help that began before the change is not a toggle. */
  self->help_pressed = NO_TIME;
}

/* ---- GObject ------------------------------------------------------------- */

static void
bk_navigator_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  BkNavigator *self = BK_NAVIGATOR (object);

  switch (prop_id)
    {
    case PROP_CAN_GO_BACK:
      g_value_set_boolean (value, self->can_go_back);
      break;
    case PROP_HELP_OPEN:
      g_value_set_boolean (value, self->help_open);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_navigator_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  BkNavigator *self = BK_NAVIGATOR (object);

  switch (prop_id)
    {
    case PROP_CAN_GO_BACK:
      self->can_go_back = g_value_get_boolean (value);
      break;
    case PROP_HELP_OPEN:
      self->help_open = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_navigator_dispose (GObject *object)
{
  BkNavigator *self = (BkNavigator *)object;

  set_current (self, NULL);
  g_clear_weak_pointer (&self->moved_focus);
  g_clear_weak_pointer (&self->typed_into);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  if (self->stack != NULL)
    g_signal_handlers_disconnect_by_data (self->stack, self);
  g_clear_weak_pointer (&self->stack);
  g_clear_weak_pointer (&self->keyboard);
  g_clear_object (&self->scanner);
  g_clear_object (&self->settings);
  g_clear_object (&self->voice);
  g_clear_weak_pointer (&self->window);

  G_OBJECT_CLASS (bk_navigator_parent_class)->dispose (object);
}

static void
bk_navigator_finalize (GObject *object)
{
  BkNavigator *self = (BkNavigator *)object;

  g_clear_pointer (&self->filter, bk_key_filter_free);

  G_OBJECT_CLASS (bk_navigator_parent_class)->finalize (object);
}

static void
bk_navigator_class_init (BkNavigatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = bk_navigator_get_property;
  object_class->set_property = bk_navigator_set_property;
  object_class->dispose = bk_navigator_dispose;
  object_class->finalize = bk_navigator_finalize;

  /* The window binds these: Back on the first screen says so; Up, Down
   * and Action move through the open help. */
  properties[PROP_CAN_GO_BACK] =
    g_param_spec_boolean ("can-go-back", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_HELP_OPEN] =
    g_param_spec_boolean ("help-open", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SAID] = g_signal_new ("said",
                                G_TYPE_FROM_CLASS (klass),
                                G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL,
                                G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
bk_navigator_init (BkNavigator *self)
{
  self->filter = bk_key_filter_new ();
  self->help_pressed = NO_TIME;
}

BkNavigator *
bk_navigator_new (GtkWidget *window,
                  GtkStack  *stack,
                  BkVoice   *voice)
{
  BkNavigator *self;
  GtkGesture *click;

  g_return_val_if_fail (GTK_IS_WINDOW (window), NULL);
  g_return_val_if_fail (GTK_IS_STACK (stack), NULL);
  g_return_val_if_fail (BK_IS_VOICE (voice), NULL);

  self = g_object_new (BK_TYPE_NAVIGATOR, NULL);
  g_set_weak_pointer (&self->window, window);
  self->voice = g_object_ref (voice);
  self->settings = g_object_ref (bk_voice_get_settings (voice));
  self->scanner = bk_scanner_new (window, voice);

  /* Touches: explore mode takes them, otherwise they leave EZ mode. */
  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect_object (click, "pressed", G_CALLBACK (pressed_cb), self, 0);
  gtk_widget_add_controller (window, GTK_EVENT_CONTROLLER (click));

  g_set_weak_pointer (&self->stack, stack);
  g_signal_connect_object (stack, "notify::visible-child",
                           G_CALLBACK (page_changed_cb), self, G_CONNECT_SWAPPED);
  self->page = visible_page (self);

  g_signal_connect_object (self->settings, "notify::explore-mode",
                           G_CALLBACK (explore_changed_cb), self, G_CONNECT_SWAPPED);
  /* A broken keypad map warns at the start, not at the first key. */
  bk_keymap_for_settings (self->settings);

  return self;
}

void
bk_navigator_set_time_func (BkNavigator         *self,
                            BkNavigatorTimeFunc  func,
                            gpointer             user_data)
{
  g_return_if_fail (BK_IS_NAVIGATOR (self));

  bk_key_filter_set_clock (self->filter, func, user_data);
}

gboolean
bk_navigator_owns_key (BkNavigator     *self,
                       guint            keyval,
                       GdkModifierType  state)
{
  g_return_val_if_fail (BK_IS_NAVIGATOR (self), FALSE);

  return command_mask (self, keyval, state) != 0;
}

gboolean
bk_navigator_is_moving (BkNavigator *self)
{
  g_return_val_if_fail (BK_IS_NAVIGATOR (self), FALSE);

  return self->moving > 0;
}

const char *
bk_navigator_get_edge_text (BkNavigator *self)
{
  g_return_val_if_fail (BK_IS_NAVIGATOR (self), NULL);

  return self->edge_text;
}

GtkWidget *
bk_navigator_get_current (BkNavigator *self)
{
  g_return_val_if_fail (BK_IS_NAVIGATOR (self), NULL);

  return self->active ? self->current : NULL;
}

gboolean
bk_navigator_get_active (BkNavigator *self)
{
  g_return_val_if_fail (BK_IS_NAVIGATOR (self), FALSE);

  return self->active;
}

void
bk_navigator_set_keyboard (BkNavigator *self,
                           BkOsk       *keyboard)
{
  g_return_if_fail (BK_IS_NAVIGATOR (self));
  g_return_if_fail (!keyboard || BK_IS_OSK (keyboard));

  g_set_weak_pointer (&self->keyboard, keyboard);
}

BkScanner *
bk_navigator_get_scanner (BkNavigator *self)
{
  g_return_val_if_fail (BK_IS_NAVIGATOR (self), NULL);

  return self->scanner;
}
