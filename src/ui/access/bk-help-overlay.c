/* bk-help-overlay.c: layered help shown over the page
 *
 * A panel over the lower (or upper) part of the window, never a separate
 * window: the item it explains stays visible and keeps a marked outline.
 * Up and Down move between the layers, Action (Enter) repeats one, Help and
 * Escape close it. Each layer is spoken when shown, because the citizen
 * asked for it; while a screen reader runs it is the screen reader that
 * says it (the layer is the panel's description, read on focus and on
 * change), so that one voice speaks, not two.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-help-overlay"

#include "bk-config.h"

#include <glib/gi18n.h>

#include "bk-help-overlay-private.h"
#include "bk-ui.h"

#define ITEM_CLASS "bk-help-item"

struct _BkHelpOverlay
{
  GtkWidget   parent_instance;

  GtkLabel   *heading_label;
  GtkLabel   *text_label;
  GtkLabel   *position_label;
  GtkLabel   *instruction_label;
  GtkWidget  *tutorial_button;

  GPtrArray  *layers;       /* BkHelpEntry */
  guint       current;
  char       *position;
  GtkWidget  *item;         /* weak */
  GtkWidget  *return_focus; /* weak */
  BkVoice    *voice;
  GtkRoot    *root;         /* while open, for its focus */
  gulong      focus_handler;
};

G_DEFINE_FINAL_TYPE (BkHelpOverlay, bk_help_overlay, GTK_TYPE_WIDGET)

static const BkHelpEntry *
current_entry (BkHelpOverlay *self)
{
  if (self->layers == NULL || self->current >= self->layers->len)
    return NULL;

  return g_ptr_array_index (self->layers, self->current);
}

/* What is said for the current layer. */
static char *
dup_spoken (BkHelpOverlay *self)
{
  const BkHelpEntry *entry;

  entry = current_entry (self);
  if (entry == NULL)
    return NULL;

  /* Translators: spoken help: the heading, the text, "Layer 2 of 3", and
   * how to go on */
  return g_strdup_printf (_("%s. %s %s. %s"),
                          bk_help_get_layer_title (entry->layer),
                          entry->text,
                          self->position,
                          bk_help_get_instruction (self->current, self->layers->len));
}

static void
speak (BkHelpOverlay *self)
{
  g_autofree char *text = NULL;

  if (self->voice == NULL || bk_voice_get_screen_reader_running (self->voice))
    return;

  text = dup_spoken (self);
  if (text != NULL)
    bk_voice_say_on_demand (self->voice, text, NULL);
}

static void
show_layer (BkHelpOverlay *self)
{
  const BkHelpEntry *entry = current_entry (self);
  guint n = self->layers->len;
  g_autofree char *description = NULL;

  g_free (self->position);
  /* Translators: where the citizen is in the help, e.g. "Layer 2 of 3" */
  self->position = g_strdup_printf (_("Layer %u of %u"), self->current + 1, n);

  gtk_label_set_text (self->heading_label, bk_help_get_layer_title (entry->layer));
  gtk_label_set_text (self->text_label, entry->text);
  gtk_label_set_text (self->position_label, self->position);
  gtk_label_set_text (self->instruction_label, bk_help_get_instruction (self->current, n));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "help.previous-layer", self->current > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "help.next-layer", self->current + 1 < n);
  gtk_widget_set_visible (self->tutorial_button, entry->layer == BK_HELP_LAYER_KIOSK);

  /* A screen reader reads the dialog's name and then this, on focus. */
  description = g_strdup_printf ("%s. %s", bk_help_get_layer_title (entry->layer), entry->text);
  bk_ui_set_accessible (GTK_WIDGET (self), NULL, description);

  speak (self);
}

static void
unmark_item (BkHelpOverlay *self)
{
  if (self->item != NULL)
    gtk_widget_remove_css_class (self->item, ITEM_CLASS);
  g_clear_weak_pointer (&self->item);
}

/* In the larger part of the window beside the item, above or below it, so
 * the item and its focus ring stay in sight. The help gets at least three
 * quarters of the height though (it is what the citizen asked for); longer help
 * scrolls. GtkOverlay would size the panel for its natural width, not the
 * width it gets, and cut wrapped text: the height is measured here. */
static gboolean
get_child_position_cb (GtkOverlay    *overlay,
                       GtkWidget     *widget,
                       GdkRectangle  *allocation,
                       BkHelpOverlay *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (overlay));
  int height = gtk_widget_get_height (GTK_WIDGET (overlay));
  int min, nat, room = height, h;
  gboolean top = FALSE;
  graphene_rect_t bounds;

  if (widget != GTK_WIDGET (self))
    return FALSE;

  if (self->item != NULL && gtk_widget_compute_bounds (self->item, GTK_WIDGET (overlay), &bounds))
    {
      int above = (int)bounds.origin.y;
      int below = height - (int)(bounds.origin.y + bounds.size.height);

      top = above > below;
      room = MAX (above, below);
    }

  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, width, &min, &nat, NULL, NULL);
  h = MIN (nat, MAX (room, height * 3 / 4));
  h = CLAMP (h, MIN (min, height), height);

  allocation->x = 0;
  allocation->width = width;
  allocation->height = h;
  allocation->y = top ? 0 : height - h;

  return TRUE;
}

static void
bk_help_overlay_root (GtkWidget *widget)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);

  GTK_WIDGET_CLASS (bk_help_overlay_parent_class)->root (widget);

  if (GTK_IS_OVERLAY (parent) && g_object_get_data (G_OBJECT (parent), "bk-help-overlay") == NULL)
    {
      g_object_set_data (G_OBJECT (parent), "bk-help-overlay", widget);
      g_signal_connect_object (parent, "get-child-position",
                               G_CALLBACK (get_child_position_cb), widget, 0);
    }
}

static void disconnect_root (BkHelpOverlay *self);

static void
hide (BkHelpOverlay *self,
      gboolean       restore_focus)
{
  g_autoptr(GtkWidget) focus = self->return_focus ? g_object_ref (self->return_focus) : NULL;

  if (!gtk_widget_get_visible (GTK_WIDGET (self)))
    return;

  disconnect_root (self);
  unmark_item (self);
  g_clear_weak_pointer (&self->return_focus);
  g_clear_object (&self->voice);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);

  if (restore_focus && focus != NULL && gtk_widget_get_mapped (focus))
    gtk_widget_grab_focus (focus);
}

/* Touching or tabbing to something outside the help leaves it, focus
 * staying where the citizen put it. */
static void
root_focus_cb (BkHelpOverlay *self)
{
  GtkWidget *focus = gtk_root_get_focus (self->root);

  if (focus != NULL && focus != GTK_WIDGET (self) &&
      !gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
    hide (self, FALSE);
}

static void
disconnect_root (BkHelpOverlay *self)
{
  if (self->root != NULL)
    g_clear_signal_handler (&self->focus_handler, self->root);
  g_clear_weak_pointer (&self->root);
}

void
bk_help_overlay_open (BkHelpOverlay *self,
                      GtkWidget     *item,
                      const char    *screen,
                      BkVoice       *voice)
{
  GtkRoot *root;

  g_return_if_fail (BK_IS_HELP_OVERLAY (self));
  g_return_if_fail (!item || GTK_IS_WIDGET (item));
  g_return_if_fail (!voice || BK_IS_VOICE (voice));

  /* Help about the help is not help. */
  if (item != NULL && (item == GTK_WIDGET (self) || gtk_widget_is_ancestor (item, GTK_WIDGET (self))))
    item = NULL;

  if (gtk_widget_get_visible (GTK_WIDGET (self)))
    hide (self, FALSE);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  g_set_weak_pointer (&self->return_focus, root ? gtk_root_get_focus (root) : NULL);
  g_set_weak_pointer (&self->item, item);
  g_set_object (&self->voice, voice);

  g_clear_pointer (&self->layers, g_ptr_array_unref);
  self->layers = bk_help_collect (item, screen);
  self->current = 0;

  if (self->item != NULL)
    gtk_widget_add_css_class (self->item, ITEM_CLASS);
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
  /* The panel itself (focusable): a screen reader says "Help, dialog" and
   * its text, and Enter repeats instead of pressing a button. */
  gtk_widget_grab_focus (GTK_WIDGET (self));

  if (root != NULL)
    {
      g_set_weak_pointer (&self->root, root);
      self->focus_handler = g_signal_connect_swapped (root, "notify::focus-widget",
                                                      G_CALLBACK (root_focus_cb), self);
    }

  show_layer (self);
}

void
bk_help_overlay_close (BkHelpOverlay *self)
{
  g_return_if_fail (BK_IS_HELP_OVERLAY (self));

  hide (self, TRUE);
}

gboolean
bk_help_overlay_is_open (BkHelpOverlay *self)
{
  g_return_val_if_fail (BK_IS_HELP_OVERLAY (self), FALSE);

  return gtk_widget_get_visible (GTK_WIDGET (self));
}

static gboolean
move (BkHelpOverlay *self,
      int            delta)
{
  int target;

  if (!bk_help_overlay_is_open (self))
    return FALSE;

  target = (int)self->current + delta;
  if (target < 0 || target >= (int)self->layers->len)
    {
      /* The end of the help: the same sound as the end of a list. */
      if (self->voice != NULL)
        bk_voice_cue (self->voice, BK_EARCON_EDGE, NULL);
      return FALSE;
    }

  self->current = target;
  show_layer (self);
  return TRUE;
}

gboolean
bk_help_overlay_next_layer (BkHelpOverlay *self)
{
  g_return_val_if_fail (BK_IS_HELP_OVERLAY (self), FALSE);

  return move (self, 1);
}

gboolean
bk_help_overlay_previous_layer (BkHelpOverlay *self)
{
  g_return_val_if_fail (BK_IS_HELP_OVERLAY (self), FALSE);

  return move (self, -1);
}

void
bk_help_overlay_repeat (BkHelpOverlay *self)
{
  g_return_if_fail (BK_IS_HELP_OVERLAY (self));

  if (bk_help_overlay_is_open (self))
    speak (self);
}

guint
bk_help_overlay_get_layer (BkHelpOverlay *self)
{
  g_return_val_if_fail (BK_IS_HELP_OVERLAY (self), 0);

  return self->current;
}

guint
bk_help_overlay_get_n_layers (BkHelpOverlay *self)
{
  g_return_val_if_fail (BK_IS_HELP_OVERLAY (self), 0);

  return self->layers ? self->layers->len : 0;
}

BkHelpLayer
bk_help_overlay_get_layer_kind (BkHelpOverlay *self)
{
  const BkHelpEntry *entry;

  g_return_val_if_fail (BK_IS_HELP_OVERLAY (self), BK_HELP_LAYER_KIOSK);

  entry = current_entry (self);
  return entry ? entry->layer : BK_HELP_LAYER_KIOSK;
}

const char *
bk_help_overlay_get_heading (BkHelpOverlay *self)
{
  g_return_val_if_fail (BK_IS_HELP_OVERLAY (self), NULL);

  return gtk_label_get_text (self->heading_label);
}

const char *
bk_help_overlay_get_text (BkHelpOverlay *self)
{
  g_return_val_if_fail (BK_IS_HELP_OVERLAY (self), NULL);

  return gtk_label_get_text (self->text_label);
}

const char *
bk_help_overlay_get_position (BkHelpOverlay *self)
{
  g_return_val_if_fail (BK_IS_HELP_OVERLAY (self), NULL);

  return self->position;
}

GtkWidget *
bk_help_overlay_get_item (BkHelpOverlay *self)
{
  g_return_val_if_fail (BK_IS_HELP_OVERLAY (self), NULL);

  return self->item;
}

/* ---- keys and actions ---------------------------------------------------- */

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                BkHelpOverlay         *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      bk_help_overlay_previous_layer (self);
      return TRUE;

    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      bk_help_overlay_next_layer (self);
      return TRUE;

    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      /* On one of the help's buttons, Enter presses it. */
      if (focus != NULL && focus != GTK_WIDGET (self))
        return FALSE;
      bk_help_overlay_repeat (self);
      return TRUE;

    case GDK_KEY_Escape:
      bk_help_overlay_close (self);
      return TRUE;

    default:
      return FALSE;
    }
}

static void
next_layer_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  bk_help_overlay_next_layer (BK_HELP_OVERLAY (widget));
}

static void
previous_layer_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  bk_help_overlay_previous_layer (BK_HELP_OVERLAY (widget));
}

static void
repeat_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  bk_help_overlay_repeat (BK_HELP_OVERLAY (widget));
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  bk_help_overlay_close (BK_HELP_OVERLAY (widget));
}

static void
bk_help_overlay_dispose (GObject *object)
{
  BkHelpOverlay *self = (BkHelpOverlay *)object;

  disconnect_root (self);
  unmark_item (self);
  g_clear_weak_pointer (&self->return_focus);
  g_clear_object (&self->voice);
  g_clear_pointer (&self->layers, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (object), BK_TYPE_HELP_OVERLAY);
  bk_ui_unparent_children (GTK_WIDGET (object));

  G_OBJECT_CLASS (bk_help_overlay_parent_class)->dispose (object);
}

static void
bk_help_overlay_finalize (GObject *object)
{
  BkHelpOverlay *self = (BkHelpOverlay *)object;

  g_free (self->position);

  G_OBJECT_CLASS (bk_help_overlay_parent_class)->finalize (object);
}

static void
bk_help_overlay_class_init (BkHelpOverlayClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bk_help_overlay_dispose;
  object_class->finalize = bk_help_overlay_finalize;
  widget_class->root = bk_help_overlay_root;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/buergerkiosk/Kiosk/ui/bk-help-overlay.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
  gtk_widget_class_set_css_name (widget_class, "bk-help-overlay");
  gtk_widget_class_bind_template_child (widget_class, BkHelpOverlay, heading_label);
  gtk_widget_class_bind_template_child (widget_class, BkHelpOverlay, text_label);
  gtk_widget_class_bind_template_child (widget_class, BkHelpOverlay, position_label);
  gtk_widget_class_bind_template_child (widget_class, BkHelpOverlay, instruction_label);
  gtk_widget_class_bind_template_child (widget_class, BkHelpOverlay, tutorial_button);

  gtk_widget_class_install_action (widget_class, "help.next-layer", NULL, next_layer_action);
  gtk_widget_class_install_action (widget_class, "help.previous-layer", NULL, previous_layer_action);
  gtk_widget_class_install_action (widget_class, "help.repeat", NULL, repeat_action);
  gtk_widget_class_install_action (widget_class, "help.close", NULL, close_action);
}

static void
bk_help_overlay_init (BkHelpOverlay *self)
{
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));

  keys = gtk_event_controller_key_new ();
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

GtkWidget *
bk_help_overlay_new (void)
{
  return g_object_new (BK_TYPE_HELP_OVERLAY, NULL);
}
