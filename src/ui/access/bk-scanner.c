/* bk-scanner.c: switch scanning of a kiosk window
 *
 * For citizens who use one or two switches instead of the keypad or the
 * touch screen (EN 301 549 5.1.6.1, 5.9). Scanning goes through the groups
 * of a screen first — the header bar and the page's regions — and a group
 * that is chosen through its controls, ending with a "leave group" step.
 * Choosing a control activates it, and scanning starts again at the groups.
 *
 * The widget tree is read again at every step, so a page change or an open
 * drop-down list is scanned as it is now. With one switch a timer steps; it
 * exists only while one-switch scanning is on, and it waits while the
 * kiosk speaks: the interval counts from the end of what was said, so
 * every step is heard to its end before the next one (a citizen who cannot
 * see the highlight chooses by ear).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-scanner"

#include "bk-config.h"

#include <glib/gi18n.h>

#include "bk-ez-tree.h"
#include "bk-scanner-private.h"

#define MAX_NAMES 3

struct _BkScanner
{
  GObject     parent_instance;

  GtkWidget  *window;        /* weak */
  BkVoice    *voice;
  BkSettings *settings;
  BkSpeech   *speech;        /* NULL: silent, the timer runs by the clock */

  BkScanMode  mode;
  guint       interval_ms;
  guint       timer;

  gboolean    in_group;
  GtkWidget  *group;         /* highlighted group or single control */
  GtkWidget  *item;          /* highlighted control in the group; NULL: leave */
};

G_DEFINE_FINAL_TYPE (BkScanner, bk_scanner, G_TYPE_OBJECT)

enum {
  SAID,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
say (BkScanner  *self,
     const char *text)
{
  bk_voice_say_for (self->voice, self, signals[SAID], text, NULL);
}

static void
set_highlight (GtkWidget **slot,
               GtkWidget  *widget)
{
  if (*slot == widget)
    return;

  if (*slot != NULL)
    {
      gtk_widget_remove_css_class (*slot, BK_SCAN_GROUP_HIGHLIGHT);
      gtk_widget_remove_css_class (*slot, BK_SCAN_ITEM_HIGHLIGHT);
      gtk_widget_remove_css_class (*slot, BK_SCAN_LEAVE_HIGHLIGHT);
    }
  g_set_object (slot, widget);
}

static void
clear (BkScanner *self)
{
  set_highlight (&self->item, NULL);
  set_highlight (&self->group, NULL);
  self->in_group = FALSE;
}

/* ---- timer --------------------------------------------------------------- */

static gboolean
speaking (BkScanner *self)
{
  return self->speech != NULL && bk_speech_get_enabled (self->speech) &&
         bk_speech_is_speaking (self->speech);
}

static void update_timer (BkScanner *self);

static gboolean
timer_cb (gpointer user_data)
{
  BkScanner *self = user_data;

  self->timer = 0;
  bk_scanner_step (self);
  /* The step spoke: the next interval starts when it has been said. */
  update_timer (self);
  return G_SOURCE_REMOVE;
}

/* One interval from now, or from the end of the speech playing now. */
static void
update_timer (BkScanner *self)
{
  g_clear_handle_id (&self->timer, g_source_remove);
  if (self->mode == BK_SCAN_ONE_SWITCH && self->window != NULL && !speaking (self))
    self->timer = g_timeout_add (self->interval_ms, timer_cb, self);
}

static void
speaking_changed_cb (BkScanner *self)
{
  /* Speech began (a page, the help): no step talks over it; it ended: the
   * interval begins now. */
  update_timer (self);
}

/* ---- settings ------------------------------------------------------------ */

static void
settings_changed_cb (BkScanner *self)
{
  const char *mode = bk_settings_get_string (self->settings, "scan-mode");
  BkScanMode new_mode = BK_SCAN_OFF;
  int interval = bk_settings_get_int (self->settings, "scan-interval");

  if (g_strcmp0 (mode, "one-switch") == 0)
    new_mode = BK_SCAN_ONE_SWITCH;
  else if (g_strcmp0 (mode, "two-switch") == 0)
    new_mode = BK_SCAN_TWO_SWITCH;

  self->interval_ms = (guint)CLAMP (interval, 500, 5000);
  if (new_mode != self->mode)
    {
      self->mode = new_mode;
      clear (self);
    }
  update_timer (self);
}

/* ---- GObject ------------------------------------------------------------- */

static void
bk_scanner_dispose (GObject *object)
{
  BkScanner *self = (BkScanner *)object;

  g_clear_handle_id (&self->timer, g_source_remove);
  clear (self);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  if (self->speech != NULL)
    g_signal_handlers_disconnect_by_data (self->speech, self);
  g_clear_object (&self->speech);
  g_clear_object (&self->settings);
  g_clear_object (&self->voice);
  g_clear_weak_pointer (&self->window);

  G_OBJECT_CLASS (bk_scanner_parent_class)->dispose (object);
}

static void
bk_scanner_class_init (BkScannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bk_scanner_dispose;

  signals[SAID] = g_signal_new ("said",
                                G_TYPE_FROM_CLASS (klass),
                                G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL,
                                G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
bk_scanner_init (BkScanner *self)
{
  self->mode = BK_SCAN_OFF;
  self->interval_ms = 1500;
}

BkScanner *
bk_scanner_new (GtkWidget *window,
                BkVoice   *voice)
{
  BkScanner *self;

  g_return_val_if_fail (GTK_IS_WIDGET (window), NULL);
  g_return_val_if_fail (BK_IS_VOICE (voice), NULL);

  self = g_object_new (BK_TYPE_SCANNER, NULL);
  g_set_weak_pointer (&self->window, window);
  self->voice = g_object_ref (voice);
  self->settings = g_object_ref (bk_voice_get_settings (voice));
  g_signal_connect_object (self->settings, "notify::scan-mode",
                           G_CALLBACK (settings_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "notify::scan-interval",
                           G_CALLBACK (settings_changed_cb), self, G_CONNECT_SWAPPED);
  if (bk_voice_get_speech (voice) != NULL)
    {
      self->speech = g_object_ref (bk_voice_get_speech (voice));
      g_signal_connect_object (self->speech, "notify::speaking",
                               G_CALLBACK (speaking_changed_cb), self, G_CONNECT_SWAPPED);
    }
  settings_changed_cb (self);

  return self;
}

BkScanMode
bk_scanner_get_mode (BkScanner *self)
{
  g_return_val_if_fail (BK_IS_SCANNER (self), BK_SCAN_OFF);

  return self->mode;
}

/* ---- stepping ------------------------------------------------------------ */

static char *
dup_group_text (BkEzGroup *group)
{
  g_autofree char *label = NULL;
  g_autoptr(GString) names = g_string_new (NULL);

  if (group->items->len == 1)
    return bk_voice_describe_widget (group->widget);

  label = bk_ez_dup_name (group->widget);
  if (label != NULL && !GTK_IS_BOX (group->widget))
    /* Translators: scanning: a named region of the screen and how many
     * controls it holds, as in "Motions, group with 14 items" */
    return g_strdup_printf (_("%s, group with %u items"), label, group->items->len);

  for (guint i = 0; i < group->items->len && i < MAX_NAMES; i++)
    {
      g_autofree char *name = bk_ez_dup_name (g_ptr_array_index (group->items, i));

      if (name == NULL)
        continue;
      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append (names, name);
    }
  if (group->items->len > MAX_NAMES)
    g_string_append (names, " …");

  /* Named by what it holds, first: heard before the count, so a citizen
   * knows at once whether to enter it ("Back, Start page, group with 2
   * items"). */
  return g_strdup_printf (_("%s, group with %u items"), names->str, group->items->len);
}

static int
find_group (GPtrArray *groups,
            GtkWidget *widget)
{
  for (guint i = 0; widget != NULL && i < groups->len; i++)
    if (((BkEzGroup *)g_ptr_array_index (groups, i))->widget == widget)
      return (int)i;

  return -1;
}

static void
show_group (BkScanner *self,
            BkEzGroup *group)
{
  g_autofree char *text = dup_group_text (group);

  set_highlight (&self->item, NULL);
  set_highlight (&self->group, group->widget);
  gtk_widget_add_css_class (group->widget,
                            group->items->len == 1 ? BK_SCAN_ITEM_HIGHLIGHT : BK_SCAN_GROUP_HIGHLIGHT);
  bk_ez_scroll_into_view (group->widget);
  say (self, text);
}

static void
step_groups (BkScanner *self)
{
  g_autoptr(GPtrArray) groups = bk_ez_collect_groups (bk_ez_get_screen_root (self->window));
  int index;

  if (groups->len == 0)
    {
      clear (self);
      return;
    }

  index = find_group (groups, self->group);
  index = (index + 1) % (int)groups->len;
  show_group (self, g_ptr_array_index (groups, index));
}

static void
step_items (BkScanner *self)
{
  g_autoptr(GPtrArray) items = bk_ez_collect_items (self->group, TRUE);
  guint index = 0;

  if (items->len == 0)
    {
      bk_scanner_restart (self);
      step_groups (self);
      return;
    }

  /* After the last item comes "leave group", then the first item again. */
  if (self->item != NULL && g_ptr_array_find (items, self->item, &index))
    index++;
  else
    index = 0;

  if (index >= items->len)
    {
      set_highlight (&self->item, NULL);
      gtk_widget_add_css_class (self->group, BK_SCAN_LEAVE_HIGHLIGHT);
      /* Translators: scanning: the last step in a group; choosing it goes
       * back to the groups */
      say (self, _("Leave the group"));
      return;
    }

  gtk_widget_remove_css_class (self->group, BK_SCAN_LEAVE_HIGHLIGHT);
  set_highlight (&self->item, g_ptr_array_index (items, index));
  gtk_widget_add_css_class (self->item, BK_SCAN_ITEM_HIGHLIGHT);
  bk_ez_scroll_into_view (self->item);
  {
    g_autofree char *text = bk_voice_describe_widget (self->item);
    say (self, text);
  }
}

void
bk_scanner_step (BkScanner *self)
{
  g_return_if_fail (BK_IS_SCANNER (self));

  if (self->mode == BK_SCAN_OFF || self->window == NULL)
    return;

  /* The group went away with a page change: start again. */
  if (self->group != NULL && gtk_widget_get_root (self->group) == NULL)
    bk_scanner_restart (self);

  if (self->in_group)
    step_items (self);
  else
    step_groups (self);
}

void
bk_scanner_select (BkScanner *self)
{
  g_return_if_fail (BK_IS_SCANNER (self));

  if (self->mode == BK_SCAN_OFF || self->window == NULL)
    return;

  if (self->group == NULL || gtk_widget_get_root (self->group) == NULL)
    {
      /* Nothing highlighted yet: the switch starts scanning. */
      bk_scanner_restart (self);
      bk_scanner_step (self);
      return;
    }

  if (!self->in_group)
    {
      if (gtk_widget_has_css_class (self->group, BK_SCAN_ITEM_HIGHLIGHT))
        {
          GtkWidget *item = g_object_ref (self->group);

          bk_scanner_restart (self);
          if (!bk_ez_activate (item) && self->voice != NULL)
            bk_voice_cue (self->voice, BK_EARCON_EDGE, item);
          g_object_unref (item);
        }
      else
        {
          self->in_group = TRUE;
          step_items (self);
        }
    }
  else if (self->item == NULL)
    {
      /* Leave the group: back to the groups, on this one. */
      GtkWidget *group = g_object_ref (self->group);
      g_autoptr(GPtrArray) groups = bk_ez_collect_groups (bk_ez_get_screen_root (self->window));
      int index = find_group (groups, group);

      clear (self);
      if (index >= 0)
        show_group (self, g_ptr_array_index (groups, index));
      g_object_unref (group);
    }
  else
    {
      GtkWidget *item = g_object_ref (self->item);

      bk_scanner_restart (self);
      if (!bk_ez_activate (item) && self->voice != NULL)
        bk_voice_cue (self->voice, BK_EARCON_EDGE, item);
      g_object_unref (item);
    }

  /* A full interval after every choice before the next automatic step. */
  update_timer (self);
}

void
bk_scanner_restart (BkScanner *self)
{
  g_return_if_fail (BK_IS_SCANNER (self));

  clear (self);
}

GtkWidget *
bk_scanner_get_group (BkScanner *self)
{
  g_return_val_if_fail (BK_IS_SCANNER (self), NULL);

  return self->group;
}

GtkWidget *
bk_scanner_get_item (BkScanner *self)
{
  g_return_val_if_fail (BK_IS_SCANNER (self), NULL);

  return self->item;
}

gboolean
bk_scanner_in_group (BkScanner *self)
{
  g_return_val_if_fail (BK_IS_SCANNER (self), FALSE);

  return self->in_group;
}

gboolean
bk_scanner_has_timer (BkScanner *self)
{
  g_return_val_if_fail (BK_IS_SCANNER (self), FALSE);

  return self->timer != 0;
}

char *
bk_scanner_dup_selection_text (BkScanner *self)
{
  g_autofree char *what = NULL;

  g_return_val_if_fail (BK_IS_SCANNER (self), NULL);

  if (self->group == NULL)
    /* Translators: explore mode: what the select switch does now */
    return g_strdup (_("Select switch: starts scanning"));

  if (self->in_group && self->item == NULL)
    return g_strdup (_("Select switch: leaves the group"));

  if (self->in_group)
    what = bk_ez_dup_name (self->item);
  else
    what = bk_ez_dup_name (self->group);

  if (!self->in_group && !gtk_widget_has_css_class (self->group, BK_SCAN_ITEM_HIGHLIGHT))
    /* Translators: explore mode: %s names the highlighted group */
    return g_strdup_printf (_("Select switch: enters the group %s"), what ? what : "");

  /* Translators: explore mode: %s names the highlighted control */
  return g_strdup_printf (_("Select switch: chooses %s"), what ? what : "");
}
