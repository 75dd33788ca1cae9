/* bk-session.c: the citizen's session: idle warning, reset, attract screen
 *
 * One timeline from the last key, click, touch or scroll:
 *   idle-timeout                 the warning (spoken, with an earcon)
 *   idle-timeout + idle-warning  the "reset" signal: the session ends
 *   attract-after                the attract screen (after the reset)
 *   dim-after                    the attract screen dimmed
 *
 * There is no polling: one g_timeout_add_seconds () waits for the next
 * deadline. Input only remembers its time; when the timer fires and input
 * came meanwhile, it waits again from there. Only the warning's countdown
 * wakes up more often, every 5 s while it is shown. When the screen is
 * dimmed no timer is left until the next input.
 *
 * While the warning or the attract screen is shown, input is taken in the
 * capture phase and only continues the session: nothing under them is used.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-session"

#include "bk-config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "bk-attract.h"
#include "bk-idle-warning.h"
#include "bk-session-private.h"

#define COUNTDOWN_STEP 5     /* seconds between updates of the time left */
#define SPEAK_AT_LEFT 10     /* the time left is said once more */
/* Reading aloud counts as use for at most this long after the last input,
 * so speech that never ends cannot keep a session open for ever. */
#define MAX_READING_US (30 * 60 * G_USEC_PER_SEC)

typedef struct
{
  GtkWidget *warning;
  GtkWidget *attract;
  GtkWidget *dim;            /* a GtkRevealer: it fades in unless reduced motion */
  GtkWidget *previous_focus; /* weak: the focus before the warning */
} Layers;

struct _BkSession
{
  GObject         parent_instance;

  BkSettings     *settings;
  BkVoice        *voice;
  GPtrArray      *windows;       /* weak */

  BkSessionState  state;
  gboolean        used;          /* input since the last reset */
  gint64          last_activity; /* monotonic µs */
  gint64          offset;        /* µs added by bk_session_advance_for_testing */
  gboolean        clock_frozen;  /* a test drives the time: real time no longer counts */
  guint           timer;
  int             shown_left;    /* the seconds the warning shows */
  int             next_mark;     /* … until it shows this many */
  gboolean        spoken_left;
  int             idle_timeout_override;
  guint           reading_id;    /* the utterance being heard in a session, or 0 */
};

G_DEFINE_FINAL_TYPE (BkSession, bk_session, G_TYPE_OBJECT)

enum { RESET, N_SIGNALS };
static guint signals[N_SIGNALS];

enum { PROP_0, PROP_STATE, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void evaluate (BkSession *self);

static gint64
now (BkSession *self)
{
  return self->clock_frozen ? self->offset : g_get_monotonic_time () + self->offset;
}

static int
idle_timeout (BkSession *self)
{
  if (self->idle_timeout_override > 0)
    return self->idle_timeout_override;
  /* A resident in a care home takes their time (bk-care-home.c). */
  if (bk_settings_get_boolean (self->settings, "care-home-mode"))
    return MAX (bk_settings_get_int (self->settings, "idle-timeout"),
                bk_settings_get_int (self->settings, "care-home-idle-timeout"));
  return bk_settings_get_int (self->settings, "idle-timeout");
}

static Layers *
get_layers (GtkWindow *window)
{
  return g_object_get_data (G_OBJECT (window), "bk-session-layers");
}

/* ---- what the windows show ----------------------------------------------- */

static void
show_state (BkSession *self)
{
  for (guint i = 0; i < self->windows->len; i++)
    {
      GtkWindow *window = g_ptr_array_index (self->windows, i);
      Layers *layers = get_layers (window);
      gboolean warning = self->state == BK_SESSION_WARNING;
      gboolean attract = self->state >= BK_SESSION_ATTRACT;
      gboolean dim = self->state == BK_SESSION_DIMMED;
      GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

      if (warning && !gtk_widget_get_visible (layers->warning))
        {
          g_set_weak_pointer (&layers->previous_focus, focus);
          gtk_widget_set_visible (layers->warning, TRUE);
          gtk_widget_grab_focus (bk_idle_warning_get_continue_button (BK_IDLE_WARNING (layers->warning)));
        }
      else if (!warning && gtk_widget_get_visible (layers->warning))
        {
          gtk_widget_set_visible (layers->warning, FALSE);
          if (layers->previous_focus != NULL && !attract)
            gtk_widget_grab_focus (layers->previous_focus);
          g_clear_weak_pointer (&layers->previous_focus);
        }
      if (warning)
        bk_idle_warning_set_remaining (BK_IDLE_WARNING (layers->warning), self->shown_left);

      if (attract != gtk_widget_get_visible (layers->attract))
        {
          gtk_widget_set_visible (layers->attract, attract);
          if (attract)
            gtk_widget_grab_focus (layers->attract);
          else
            gtk_widget_child_focus (gtk_window_get_child (window), GTK_DIR_TAB_FORWARD);
        }

      gtk_widget_set_visible (layers->dim, dim);
      gtk_revealer_set_reveal_child (GTK_REVEALER (layers->dim), dim);
    }
}

static void
set_state (BkSession      *self,
           BkSessionState  state)
{
  if (self->state == state)
    return;

  self->state = state;
  show_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

/* ---- the timeline --------------------------------------------------------- */

static gboolean
timer_cb (gpointer user_data)
{
  BkSession *self = user_data;

  self->timer = 0;
  evaluate (self);

  return G_SOURCE_REMOVE;
}

static void
schedule (BkSession *self,
          gint64     delay_us)
{
  guint seconds = (guint)((MAX (delay_us, 0) + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC);

  g_clear_handle_id (&self->timer, g_source_remove);
  self->timer = g_timeout_add_seconds (MAX (seconds, 1), timer_cb, self);
  g_source_set_name_by_id (self->timer, "[bk-session] deadline");
}

static void
speak (BkSession  *self,
       const char *text)
{
  if (self->voice != NULL)
    bk_voice_say_on_demand (self->voice, text, NULL);
}

static void
start_warning (BkSession *self)
{
  g_autofree char *text = NULL;
  GtkWidget *cue_widget = NULL;

  self->spoken_left = FALSE;
  set_state (self, BK_SESSION_WARNING);

  if (self->windows->len > 0)
    {
      Layers *layers = get_layers (g_ptr_array_index (self->windows, 0));

      cue_widget = layers->warning;
      text = bk_idle_warning_dup_text (BK_IDLE_WARNING (layers->warning));
    }
  if (self->voice != NULL)
    bk_voice_cue (self->voice, BK_EARCON_ERROR, cue_widget);
  speak (self, text);
}

static void
update_countdown (BkSession *self,
                  gint64     left_us)
{
  int left = (int)((left_us + G_USEC_PER_SEC / 2) / G_USEC_PER_SEC);

  /* The figure changes at most every COUNTDOWN_STEP seconds, whatever
   * woke the session up. */
  if (self->state != BK_SESSION_WARNING)
    {
      self->shown_left = left;
      start_warning (self);
    }
  else if (left <= self->next_mark)
    {
      self->shown_left = left;
      show_state (self);
    }

  if (!self->spoken_left && self->shown_left <= SPEAK_AT_LEFT)
    {
      g_autofree char *words = bk_idle_warning_dup_remaining_words (self->shown_left);

      self->spoken_left = TRUE;
      speak (self, words);
    }

  /* The next multiple of COUNTDOWN_STEP below, or the reset. */
  self->next_mark = self->shown_left <= COUNTDOWN_STEP
                    ? 0 : ((self->shown_left - 1) / COUNTDOWN_STEP) * COUNTDOWN_STEP;
  schedule (self, left_us - (gint64)self->next_mark * G_USEC_PER_SEC);
}

static void
evaluate (BkSession *self)
{
  gint64 idle = now (self) - self->last_activity;
  gint64 timeout = (gint64)idle_timeout (self) * G_USEC_PER_SEC;
  gint64 warning = (gint64)bk_settings_get_int (self->settings, "idle-warning") * G_USEC_PER_SEC;
  gint64 attract = (gint64)bk_settings_get_int (self->settings, "attract-after") * G_USEC_PER_SEC;
  gint64 dim = (gint64)bk_settings_get_int (self->settings, "dim-after") * G_USEC_PER_SEC;

  if (self->used)
    {
      if (idle < timeout)
        {
          set_state (self, BK_SESSION_ACTIVE);
          schedule (self, timeout - idle);
          return;
        }
      /* Someone listens to the kiosk reading: no warning in the middle of
       * a sentence. The end of the reading counts as input. */
      if (self->state == BK_SESSION_ACTIVE && self->reading_id != 0 && idle < MAX_READING_US)
        {
          schedule (self, MIN (timeout, MAX_READING_US - idle));
          return;
        }
      if (idle < timeout + warning)
        {
          update_countdown (self, timeout + warning - idle);
          return;
        }

      g_debug ("No input for %" G_GINT64_FORMAT " s: the session ends", idle / G_USEC_PER_SEC);
      self->used = FALSE;
      set_state (self, BK_SESSION_IDLE);
      if (self->voice != NULL)
        bk_voice_stop (self->voice);
      g_signal_emit (self, signals[RESET], 0);
    }

  /* The attract screen only after a reset: a session is never covered. */
  dim = MAX (dim, attract);
  if (idle >= dim)
    {
      g_clear_handle_id (&self->timer, g_source_remove);
      set_state (self, BK_SESSION_DIMMED);
    }
  else if (idle >= attract)
    {
      set_state (self, BK_SESSION_ATTRACT);
      schedule (self, dim - idle);
    }
  else
    {
      set_state (self, BK_SESSION_IDLE);
      schedule (self, attract - idle);
    }
}

void
bk_session_note_activity (BkSession *self)
{
  g_return_if_fail (BK_IS_SESSION (self));

  self->last_activity = now (self);
  self->used = TRUE;

  /* While active, the pending deadline finds the new time by itself. */
  if (self->state != BK_SESSION_ACTIVE || self->timer == 0)
    {
      if (self->state == BK_SESSION_WARNING && self->voice != NULL)
        bk_voice_stop (self->voice);
      evaluate (self);
    }
}

void
bk_session_continue (BkSession *self)
{
  bk_session_note_activity (self);
}

/* ---- reading -------------------------------------------------------------- */

static void
utterance_started_cb (BkSession  *self,
                      guint       id,
                      const char *text)
{
  /* The warning's own words are not a citizen listening. */
  if (self->state == BK_SESSION_ACTIVE)
    self->reading_id = id;
}

static void
utterance_finished_cb (BkSession *self,
                       guint      id,
                       gboolean   interrupted)
{
  if (id != self->reading_id)
    return;
  self->reading_id = 0;
  if (self->state == BK_SESSION_ACTIVE)
    bk_session_note_activity (self);
}

/* ---- input ---------------------------------------------------------------- */

/* TRUE when the input is taken: it only ended the warning or attract screen. */
static gboolean
input (BkSession *self)
{
  gboolean covered = self->state == BK_SESSION_WARNING || self->state >= BK_SESSION_ATTRACT;

  bk_session_note_activity (self);
  return covered;
}

/* The window's key router calls this first for every key. */
gboolean
bk_session_handle_key (BkSession *self)
{
  g_return_val_if_fail (BK_IS_SESSION (self), FALSE);

  return input (self);
}

static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            BkSession       *self)
{
  if (input (self))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static gboolean
scroll_cb (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           BkSession                *self)
{
  return input (self);
}

static void
window_destroy_cb (GtkWindow *window,
                   BkSession *self)
{
  Layers *layers = get_layers (window);

  if (layers != NULL)
    g_clear_weak_pointer (&layers->previous_focus);
  g_ptr_array_remove (self->windows, window);
}

static void
layers_free (gpointer data)
{
  Layers *layers = data;

  g_clear_weak_pointer (&layers->previous_focus);
  g_free (layers);
}

void
bk_session_attach_window (BkSession *self,
                          GtkWindow *window)
{
  g_autoptr(GtkWidget) content = NULL;
  GtkWidget *overlay;
  GtkEventController *controller;
  GtkGesture *click;
  Layers *layers;

  g_return_if_fail (BK_IS_SESSION (self));
  g_return_if_fail (GTK_IS_WINDOW (window));

  if (get_layers (window) != NULL)
    return;

  layers = g_new0 (Layers, 1);
  layers->warning = bk_idle_warning_new ();
  layers->attract = bk_attract_new ();
  layers->dim = gtk_revealer_new ();
  gtk_revealer_set_transition_type (GTK_REVEALER (layers->dim), GTK_REVEALER_TRANSITION_TYPE_CROSSFADE);
  gtk_revealer_set_transition_duration (GTK_REVEALER (layers->dim), 2000);
  gtk_widget_set_can_target (layers->dim, FALSE);
  gtk_widget_set_can_focus (layers->dim, FALSE);
  gtk_widget_set_visible (layers->dim, FALSE);
  {
    GtkWidget *shade = g_object_new (GTK_TYPE_BOX,
                                     "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                     "hexpand", TRUE,
                                     "vexpand", TRUE,
                                     NULL);

    gtk_widget_add_css_class (shade, "bk-dim");
    gtk_revealer_set_child (GTK_REVEALER (layers->dim), shade);
  }
  g_object_set_data_full (G_OBJECT (window), "bk-session-layers", layers, layers_free);

  /* The layers go over everything, the header bar too. */
  overlay = gtk_overlay_new ();
  if (ADW_IS_APPLICATION_WINDOW (window))
    {
      content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));
      if (content != NULL)
        g_object_ref (content);
      adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), NULL);
      gtk_overlay_set_child (GTK_OVERLAY (overlay), content);
      adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), overlay);
    }
  else
    {
      content = gtk_window_get_child (window);
      if (content != NULL)
        g_object_ref (content);
      gtk_window_set_child (window, NULL);
      gtk_overlay_set_child (GTK_OVERLAY (overlay), content);
      gtk_window_set_child (window, overlay);
    }
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), layers->warning);
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), layers->attract);
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), layers->dim);

  /* Keys come from the window's key router (bk_session_handle_key);
   * touches and scrolling are seen here, before any widget takes them. */
  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  gtk_event_controller_set_name (GTK_EVENT_CONTROLLER (click), "bk-session-clicks");
  g_signal_connect_object (click, "pressed", G_CALLBACK (pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (window), GTK_EVENT_CONTROLLER (click));

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_event_controller_set_name (controller, "bk-session-scroll");
  g_signal_connect_object (controller, "scroll", G_CALLBACK (scroll_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (window), controller);

  g_ptr_array_add (self->windows, window);
  g_signal_connect_object (window, "destroy", G_CALLBACK (window_destroy_cb), self, 0);

  show_state (self);
}

/* ---- the object ----------------------------------------------------------- */

static void
settings_changed_cb (BkSession *self)
{
  /* A staff change of the times counts from now. */
  if (self->timer != 0)
    evaluate (self);
}

static void
bk_session_dispose (GObject *object)
{
  BkSession *self = (BkSession *)object;

  g_clear_handle_id (&self->timer, g_source_remove);
  if (self->windows != NULL)
    for (guint i = 0; i < self->windows->len; i++)
      g_signal_handlers_disconnect_by_data (g_ptr_array_index (self->windows, i), self);
  g_clear_pointer (&self->windows, g_ptr_array_unref);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);
  g_clear_object (&self->voice);

  G_OBJECT_CLASS (bk_session_parent_class)->dispose (object);
}

static void
bk_session_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  BkSession *self = BK_SESSION (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_int (value, self->state);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_session_class_init (BkSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bk_session_dispose;
  object_class->get_property = bk_session_get_property;

  /* BkSessionState, as an int: no enum type is registered for it. */
  properties[PROP_STATE] =
    g_param_spec_int ("state", NULL, NULL, BK_SESSION_ACTIVE, BK_SESSION_DIMMED, BK_SESSION_IDLE,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The session ended: nobody answered the warning. */
  signals[RESET] =
    g_signal_new ("reset",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
bk_session_init (BkSession *self)
{
  self->windows = g_ptr_array_new ();
  self->state = BK_SESSION_IDLE;
}

BkSession *
bk_session_new (BkSettings *settings,
                BkVoice    *voice)
{
  BkSession *self;

  g_return_val_if_fail (BK_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (!voice || BK_IS_VOICE (voice), NULL);

  self = g_object_new (BK_TYPE_SESSION, NULL);
  self->settings = g_object_ref (settings);
  self->voice = voice ? g_object_ref (voice) : NULL;
  self->last_activity = now (self);
  if (voice != NULL)
    {
      g_signal_connect_object (voice, "utterance-started", G_CALLBACK (utterance_started_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (voice, "utterance-finished", G_CALLBACK (utterance_finished_cb),
                               self, G_CONNECT_SWAPPED);
    }

  for (guint i = 0; i < 6; i++)
    {
      static const char * const keys[] = {
        "notify::idle-timeout", "notify::idle-warning", "notify::attract-after", "notify::dim-after",
        "notify::care-home-mode", "notify::care-home-idle-timeout",
      };

      g_signal_connect_object (settings, keys[i], G_CALLBACK (settings_changed_cb), self, G_CONNECT_SWAPPED);
    }

  evaluate (self);
  return self;
}

BkSessionState
bk_session_get_state (BkSession *self)
{
  g_return_val_if_fail (BK_IS_SESSION (self), BK_SESSION_IDLE);

  return self->state;
}

int
bk_session_get_remaining (BkSession *self)
{
  g_return_val_if_fail (BK_IS_SESSION (self), -1);

  return self->state == BK_SESSION_WARNING ? self->shown_left : -1;
}

void
bk_session_set_idle_timeout_override (BkSession *self,
                                      int        seconds)
{
  g_return_if_fail (BK_IS_SESSION (self));

  self->idle_timeout_override = MAX (seconds, 0);
  evaluate (self);
}

int
bk_session_get_idle_timeout (BkSession *self)
{
  g_return_val_if_fail (BK_IS_SESSION (self), 0);

  return idle_timeout (self);
}

void
bk_session_advance_for_testing (BkSession *self,
                                int        seconds)
{
  g_return_if_fail (BK_IS_SESSION (self));

  /* From the first step on only the test moves the clock, so that a busy
   * machine cannot let a real second slip in between two steps. */
  if (!self->clock_frozen)
    {
      self->offset = now (self);
      self->clock_frozen = TRUE;
    }
  self->offset += (gint64)seconds * G_USEC_PER_SEC;
  evaluate (self);
}

static Layers *
window_layers (BkSession *self,
               GtkWindow *window)
{
  g_return_val_if_fail (BK_IS_SESSION (self), NULL);
  g_return_val_if_fail (GTK_IS_WINDOW (window), NULL);

  return get_layers (window);
}

GtkWidget *
bk_session_get_warning (BkSession *self,
                        GtkWindow *window)
{
  Layers *layers = window_layers (self, window);

  return layers ? layers->warning : NULL;
}

GtkWidget *
bk_session_get_attract (BkSession *self,
                        GtkWindow *window)
{
  Layers *layers = window_layers (self, window);

  return layers ? layers->attract : NULL;
}

GtkWidget *
bk_session_get_dim_layer (BkSession *self,
                          GtkWindow *window)
{
  Layers *layers = window_layers (self, window);

  return layers ? layers->dim : NULL;
}
