/* bk-tutorial-page.c: the keypad tutorial, step by step
 *
 * EZ Access teaches its keypad on the first screen: Down, then Action, then
 * Up, then Back/Next, Help and the volume keys. Each step says which key it
 * wants and what it looks and feels like (shape, colour, place), waits for
 * it, praises the right key and names a wrong one. The tutorial takes the
 * keys itself while it is shown, so pressing Back or Help here teaches
 * instead of leaving.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-tutorial-page"

#include "bk-config.h"

#include <glib/gi18n.h>

#include "bk-help.h"
#include "bk-keymap.h"
#include "bk-tutorial-page-private.h"
#include "bk-page.h"
#include "bk-ui.h"
#include "bk-voice.h"

typedef enum
{
  KEY_UP,
  KEY_DOWN,
  KEY_ACTION,
  KEY_HELP,
  KEY_BACK,
  KEY_NEXT,
  KEY_VOLUME_DOWN,
  KEY_VOLUME_UP,
  N_KEYS,
  KEY_NONE = N_KEYS
} Key;

/* The tutorial's keys are the keypad's first commands, in their order. */
G_STATIC_ASSERT ((int) KEY_UP == (int) BK_KEYPAD_UP && (int) KEY_DOWN == (int) BK_KEYPAD_DOWN &&
                 (int) KEY_ACTION == (int) BK_KEYPAD_ACTION && (int) KEY_HELP == (int) BK_KEYPAD_HELP &&
                 (int) KEY_BACK == (int) BK_KEYPAD_BACK && (int) KEY_NEXT == (int) BK_KEYPAD_NEXT &&
                 (int) KEY_VOLUME_DOWN == (int) BK_KEYPAD_VOLUME_DOWN &&
                 (int) KEY_VOLUME_UP == (int) BK_KEYPAD_VOLUME_UP);

typedef struct
{
  const char     *command;       /* as in the keypad-map setting */
  guint           keyvals[3];    /* the keyboard's equivalents */
  GdkModifierType modifiers;
} KeyInfo;

static const KeyInfo keys[N_KEYS] = {
  [KEY_UP] = { "up", { GDK_KEY_Up, GDK_KEY_KP_Up }, 0 },
  [KEY_DOWN] = { "down", { GDK_KEY_Down, GDK_KEY_KP_Down }, 0 },
  [KEY_ACTION] = { "action", { GDK_KEY_Return, GDK_KEY_KP_Enter, GDK_KEY_ISO_Enter }, 0 },
  [KEY_HELP] = { "help", { GDK_KEY_F1 }, 0 },
  [KEY_BACK] = { "back", { GDK_KEY_Escape, GDK_KEY_Page_Up }, 0 },
  [KEY_NEXT] = { "next", { GDK_KEY_Page_Down }, 0 },
  [KEY_VOLUME_DOWN] = { "volume-down", { GDK_KEY_Down, GDK_KEY_KP_Down }, GDK_CONTROL_MASK },
  [KEY_VOLUME_UP] = { "volume-up", { GDK_KEY_Up, GDK_KEY_KP_Up }, GDK_CONTROL_MASK },
};

/* The names of the keys as printed in the help and the tutorial. */
static const char *
key_name (Key key)
{
  switch (key)
    {
    /* Translators: keypad key names, as the tutorial and help say them */
    case KEY_UP: return _("Up");
    case KEY_DOWN: return _("Down");
    case KEY_ACTION: return _("Action");
    case KEY_HELP: return _("Help");
    case KEY_BACK: return _("Back");
    case KEY_NEXT: return _("Next");
    case KEY_VOLUME_DOWN: return _("Quieter");
    case KEY_VOLUME_UP: return _("Louder");
    case N_KEYS:
    default: return "";
    }
}

/* What the key looks and feels like on the EZ keypad. */
static const char *
key_shape (Key key)
{
  switch (key)
    {
    /* Translators: how a keypad key looks and where it is; follows the key
     * name after a comma: "Down, the lower yellow triangle" */
    case KEY_UP: return _("the upper yellow triangle");
    case KEY_DOWN: return _("the lower yellow triangle");
    case KEY_ACTION: return _("the green round key at the lower right");
    case KEY_HELP: return _("the blue diamond key with a raised dot");
    case KEY_BACK: return _("the key above Up, on the left");
    case KEY_NEXT: return _("the key above Up, on the right");
    case KEY_VOLUME_DOWN: return _("the black key at the top left, with two arrows to the left");
    case KEY_VOLUME_UP: return _("the red key at the top right, with two arrows to the right");
    case N_KEYS:
    default: return "";
    }
}

typedef struct
{
  Key keys[2];   /* in this order; KEY_NONE ends */
} Step;

static const Step steps[] = {
  { { KEY_DOWN, KEY_NONE } },
  { { KEY_ACTION, KEY_NONE } },
  { { KEY_UP, KEY_NONE } },
  { { KEY_BACK, KEY_NEXT } },
  { { KEY_HELP, KEY_NONE } },
  { { KEY_VOLUME_DOWN, KEY_VOLUME_UP } },
  { { KEY_ACTION, KEY_NONE } },   /* done: Action goes to the start page */
};

#define N_STEPS G_N_ELEMENTS (steps)

static const char *
step_text (guint step)
{
  switch (step)
    {
    case 0:
      /* Translators: tutorial step 1 */
      return _("Down moves to the next item on the screen. "
               "Down is the lower yellow triangle. It points down. "
               "On a keyboard, it is the Down arrow key. "
               "Please press Down now.");
    case 1:
      /* Translators: tutorial step 2 */
      return _("Action chooses the item you are on. "
               "Action is the green round key at the lower right. "
               "On a keyboard, it is the Enter key. "
               "Please press Action now.");
    case 2:
      /* Translators: tutorial step 3 */
      return _("Up moves to the item before. "
               "Up is the upper yellow triangle. It points up. "
               "On a keyboard, it is the Up arrow key. "
               "Please press Up now.");
    case 3:
      /* Translators: tutorial step 4 */
      return _("Back goes to the screen before. Next goes to the next screen. "
               "Back is above Up, on the left. Next is above Up, on the right. "
               "On a keyboard: Escape is Back, Page Down is Next. "
               "Please press Back, then Next.");
    case 4:
      /* Translators: tutorial step 5 */
      return _("Help explains the item you are on, the screen and the kiosk. "
               "Help is the blue diamond key. It has a small raised dot. "
               "On a keyboard, it is F1. "
               "Please press Help now.");
    case 5:
      /* Translators: tutorial step 6 */
      return _("Two keys at the top make the voice quieter and louder. "
               "Quieter is the black key at the top left, with two arrows to the left. "
               "Louder is the red key at the top right, with two arrows to the right. "
               "On a keyboard: Control and Down arrow, Control and Up arrow. "
               "Please press Quieter, then Louder.");
    case 6:
    default:
      /* Translators: the last tutorial step */
      return _("Well done! You know all the keys now. "
               "Please press Action to go to the start page.");
    }
}

struct _BkTutorialPage
{
  GtkWidget   parent_instance;

  BkContext  *context;
  GtkWidget  *step_box;
  GtkLabel   *step_title;
  GtkLabel   *step_text;
  GtkLabel   *feedback_label;
  GtkWidget  *skip_button;
  GtkWidget  *leave_button;

  guint       step;
  guint       pressed;       /* keys of the step already pressed */
  char       *title;

  GHashTable *keys_down;     /* keyvals pressed and not released */

};

static void page_iface_init (BkPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BkTutorialPage, bk_tutorial_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (BK_TYPE_PAGE, page_iface_init))

static void
say (BkTutorialPage *self,
     const char     *text)
{
  /* The citizen chose the tutorial: it talks also with a screen reader. */
  if (self->context != NULL)
    bk_voice_say_on_demand (bk_context_get_voice (self->context), text, NULL);
}

static Key
expected_key (BkTutorialPage *self)
{
  if (self->step >= N_STEPS || self->pressed >= G_N_ELEMENTS (steps[0].keys))
    return KEY_NONE;

  return steps[self->step].keys[self->pressed];
}

static void
set_feedback (BkTutorialPage *self,
              const char     *text)
{
  gtk_label_set_text (self->feedback_label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->feedback_label), text != NULL && *text != '\0');
}

static void
show_step (BkTutorialPage *self)
{
  g_free (self->title);
  /* Translators: the heading of a tutorial step: "Step 1 of 7: Down" */
  self->title = self->step + 1 < N_STEPS
                ? g_strdup_printf (_("Step %u of %u: %s"), self->step + 1, (guint)N_STEPS,
                                   key_name (steps[self->step].keys[0]))
                /* Translators: the heading of the last tutorial step */
                : g_strdup_printf (_("Step %u of %u: done"), self->step + 1, (guint)N_STEPS);

  gtk_label_set_text (self->step_title, self->title);
  gtk_label_set_text (self->step_text, step_text (self->step));
  bk_ui_set_accessible (self->step_box, self->title, step_text (self->step));
  gtk_widget_set_visible (self->skip_button, self->step + 1 < N_STEPS);
}

static Key
key_of_event (BkTutorialPage  *self,
              guint            keyval,
              GdkModifierType  state)
{
  GdkModifierType mods = state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK);

  /* The keys the navigator knows, read from the same keymap. */
  if (mods == 0 && self->context != NULL)
    {
      guint mask = bk_keymap_lookup (bk_keymap_for_settings (bk_context_get_settings (self->context)), keyval);

      for (guint k = 0; k < N_KEYS; k++)
        if (mask & BK_KEYPAD_MASK (k))
          return k;
    }

  for (guint k = 0; k < N_KEYS; k++)
    for (guint i = 0; i < G_N_ELEMENTS (keys[k].keyvals) && keys[k].keyvals[i] != 0; i++)
      if (keys[k].keyvals[i] == keyval && keys[k].modifiers == mods)
        return k;

  return KEY_NONE;
}

static void
finish (BkTutorialPage *self)
{
  if (!gtk_widget_activate_action (GTK_WIDGET (self), "win.home", NULL))
    bk_tutorial_page_restart (self);
}

static void
next_step (BkTutorialPage *self,
           const char     *praise)
{
  g_autofree char *spoken = NULL;

  if (self->step + 1 >= N_STEPS)
    {
      finish (self);
      return;
    }

  self->step++;
  self->pressed = 0;
  show_step (self);
  set_feedback (self, praise);

  spoken = g_strdup_printf ("%s %s. %s", praise ? praise : "", self->title, step_text (self->step));
  say (self, g_strstrip (spoken));
}

static void
key_pressed (BkTutorialPage *self,
             Key             key)
{
  Key expected = expected_key (self);
  g_autofree char *text = NULL;

  if (expected == KEY_NONE)
    return;

  if (key != expected)
    {
      /* Translators: the tutorial heard a wrong key: "That was Up. Please
       * press Down, the lower yellow triangle." */
      text = g_strdup_printf (_("That was %s. Please press %s, %s."),
                              key_name (key), key_name (expected), key_shape (expected));
      set_feedback (self, text);
      say (self, text);
      return;
    }

  self->pressed++;
  if (expected_key (self) != KEY_NONE)
    {
      Key then = expected_key (self);

      /* Translators: the first of two keys was right: "Right, that was Back.
       * Now press Next, the key above Up, on the right." */
      text = g_strdup_printf (_("Right, that was %s. Now press %s, %s."),
                              key_name (key), key_name (then), key_shape (then));
      set_feedback (self, text);
      say (self, text);
      return;
    }

  if (self->step + 1 >= N_STEPS)
    {
      finish (self);
      return;
    }

  /* Translators: the tutorial heard the right key: "Right, that was Down." */
  text = g_strdup_printf (_("Right, that was %s."), key_name (key));
  next_step (self, text);
}

/* The tutorial teaches the keys: it gets them before anything acts on
 * them (Back and Help included). */
static gboolean
bk_tutorial_page_handle_key (BkPage          *page,
                             guint            keyval,
                             GdkModifierType  state)
{
  BkTutorialPage *self = BK_TUTORIAL_PAGE (page);
  GtkRoot *root;
  GtkWidget *focus;
  Key key;

  key = key_of_event (self, keyval, state);
  if (key == KEY_NONE)
    return FALSE;

  /* Enter on a button presses it (Skip step, Leave tutorial, the header's). */
  root = gtk_widget_get_root (GTK_WIDGET (self));
  focus = root ? gtk_root_get_focus (root) : NULL;
  if (key == KEY_ACTION && focus != NULL &&
      (GTK_IS_BUTTON (focus) || gtk_widget_get_ancestor (focus, GTK_TYPE_BUTTON) != NULL))
    return FALSE;

  if (!g_hash_table_add (self->keys_down, GUINT_TO_POINTER (keyval)))
    return TRUE;

  key_pressed (self, key);
  return TRUE;
}

/* A held key's repeats are ignored until it is released. */
static void
bk_tutorial_page_handle_key_release (BkPage *page,
                                     guint   keyval)
{
  BkTutorialPage *self = BK_TUTORIAL_PAGE (page);

  g_hash_table_remove (self->keys_down, GUINT_TO_POINTER (keyval));
}

void
bk_tutorial_page_skip_step (BkTutorialPage *self)
{
  g_return_if_fail (BK_IS_TUTORIAL_PAGE (self));

  if (self->step + 1 < N_STEPS)
    next_step (self, NULL);
}

void
bk_tutorial_page_restart (BkTutorialPage *self)
{
  g_return_if_fail (BK_IS_TUTORIAL_PAGE (self));

  self->step = 0;
  self->pressed = 0;
  g_hash_table_remove_all (self->keys_down);
  show_step (self);
  set_feedback (self, NULL);
}

guint
bk_tutorial_page_get_step (BkTutorialPage *self)
{
  g_return_val_if_fail (BK_IS_TUTORIAL_PAGE (self), 0);

  return self->step;
}

guint
bk_tutorial_page_get_n_steps (BkTutorialPage *self)
{
  return N_STEPS;
}

const char *
bk_tutorial_page_get_expected (BkTutorialPage *self)
{
  Key key;

  g_return_val_if_fail (BK_IS_TUTORIAL_PAGE (self), NULL);

  key = expected_key (self);
  return key == KEY_NONE ? NULL : keys[key].command;
}

const char *
bk_tutorial_page_get_feedback (BkTutorialPage *self)
{
  g_return_val_if_fail (BK_IS_TUTORIAL_PAGE (self), NULL);

  return gtk_label_get_text (self->feedback_label);
}

GtkWidget *
bk_tutorial_page_get_skip_button (BkTutorialPage *self)
{
  g_return_val_if_fail (BK_IS_TUTORIAL_PAGE (self), NULL);

  return self->skip_button;
}

GtkWidget *
bk_tutorial_page_get_leave_button (BkTutorialPage *self)
{
  g_return_val_if_fail (BK_IS_TUTORIAL_PAGE (self), NULL);

  return self->leave_button;
}

static void
skip_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  bk_tutorial_page_skip_step (BK_TUTORIAL_PAGE (widget));
}

/* Back where the citizen came from (home or the help's screen). */
static void
leave_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  if (!gtk_widget_activate_action (widget, "win.back", NULL))
    gtk_widget_activate_action (widget, "win.home", NULL);
}

static void
map_cb (BkTutorialPage *self)
{
  bk_tutorial_page_restart (self);
}

static gboolean
bk_tutorial_page_grab_focus (GtkWidget *widget)
{
  BkTutorialPage *self = BK_TUTORIAL_PAGE (widget);

  /* On the step: keys go to the tutorial, not to a button. */
  return gtk_widget_grab_focus (self->step_box);
}

static void
bk_tutorial_page_dispose (GObject *object)
{
  BkTutorialPage *self = (BkTutorialPage *)object;

  g_clear_object (&self->context);
  gtk_widget_dispose_template (GTK_WIDGET (object), BK_TYPE_TUTORIAL_PAGE);
  bk_ui_unparent_children (GTK_WIDGET (object));

  G_OBJECT_CLASS (bk_tutorial_page_parent_class)->dispose (object);
}

static void
bk_tutorial_page_finalize (GObject *object)
{
  BkTutorialPage *self = (BkTutorialPage *)object;

  g_clear_pointer (&self->keys_down, g_hash_table_unref);
  g_free (self->title);

  G_OBJECT_CLASS (bk_tutorial_page_parent_class)->finalize (object);
}

/* ---- BkPage -------------------------------------------------------------- */

static char *
bk_tutorial_page_dup_summary (BkPage *page)
{
  /* The step itself follows as the focus (the step box). */
  /* Translators: spoken when the tutorial is shown */
  return g_strdup (_("Learn the keys."));
}

static const char *
bk_tutorial_page_get_help_text (BkPage *page)
{
  /* Translators: help for the keypad tutorial */
  return _("This tutorial teaches the keys of the keypad, one at a time. "
           "Press the key the kiosk asks for. "
           "Skip step goes on without the key. "
           "Leave tutorial goes back to where you were.");
}

/* Opened in the middle of a task and left again. */
static gboolean
bk_tutorial_page_is_aside (BkPage *page)
{
  return TRUE;
}

static void
page_iface_init (BkPageInterface *iface)
{
  iface->dup_summary = bk_tutorial_page_dup_summary;
  iface->get_help_text = bk_tutorial_page_get_help_text;
  iface->is_aside = bk_tutorial_page_is_aside;
  iface->handle_key = bk_tutorial_page_handle_key;
  iface->handle_key_release = bk_tutorial_page_handle_key_release;
}

/* The context arrives once, from the window. */
static void
set_context (BkTutorialPage *self,
             BkContext      *context)
{
  g_set_object (&self->context, context);
}

BK_PAGE_DEFINE_CONTEXT_PROPERTY (BkTutorialPage, bk_tutorial_page, BK_TUTORIAL_PAGE)

static void
bk_tutorial_page_class_init (BkTutorialPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bk_tutorial_page_dispose;
  object_class->get_property = bk_tutorial_page_get_property;
  object_class->set_property = bk_tutorial_page_set_property;
  g_object_class_override_property (object_class, BK_PAGE_PROP_CONTEXT, "context");
  object_class->finalize = bk_tutorial_page_finalize;
  widget_class->grab_focus = bk_tutorial_page_grab_focus;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/buergerkiosk/Kiosk/ui/bk-tutorial-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, BkTutorialPage, step_box);
  gtk_widget_class_bind_template_child (widget_class, BkTutorialPage, step_title);
  gtk_widget_class_bind_template_child (widget_class, BkTutorialPage, step_text);
  gtk_widget_class_bind_template_child (widget_class, BkTutorialPage, feedback_label);
  gtk_widget_class_bind_template_child (widget_class, BkTutorialPage, skip_button);
  gtk_widget_class_bind_template_child (widget_class, BkTutorialPage, leave_button);

  gtk_widget_class_install_action (widget_class, "tutorial.skip", NULL, skip_action);
  gtk_widget_class_install_action (widget_class, "tutorial.leave", NULL, leave_action);
}

static void
bk_tutorial_page_init (BkTutorialPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->keys_down = g_hash_table_new (NULL, NULL);

  bk_help_set_item_text (self->skip_button,
                         /* Translators: item help of the tutorial's Skip step button */
                         _("Goes to the next step without pressing the key."));
  bk_help_set_item_text (self->leave_button,
                         /* Translators: item help of the tutorial's Leave tutorial button */
                         _("Ends the tutorial and goes back to where you were."));
  bk_help_set_item_text (self->step_box,
                         /* Translators: item help of the current tutorial step */
                         _("The step you are on. Press the key it asks for."));

  g_signal_connect (self, "map", G_CALLBACK (map_cb), NULL);
  bk_tutorial_page_restart (self);
}

GtkWidget *
bk_tutorial_page_new (void)
{
  return g_object_new (BK_TYPE_TUTORIAL_PAGE, NULL);
}
