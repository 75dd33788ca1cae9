/* bk-voice.c: the kiosk's self-voicing, over the speech service
 *
 * One BkVoice per application. It keeps the speech service in step with the
 * settings (enabled, rate, volume, headset), knows whether a screen reader
 * runs (then the kiosk does not voice focus and pages, so that the screen
 * reader and the kiosk never speak at once), composes what a focused widget
 * is ("Council motions, button") and plays earcons with a visual cue: an
 * outline on the widget for 300 ms, without animation.
 *
 * Without a speech service (no voice data, no audio device) everything here
 * stays silent; the visual cues still show.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-voice"

#include "bk-config.h"

#include <glib/gi18n.h>

#include "bk-ui.h"
#include "bk-voice-private.h"

#define CUE_MS 300

struct _BkVoice
{
  GObject     parent_instance;

  BkSpeech   *speech;
  BkSettings *settings;
  gboolean    screen_reader_running;

  GtkWidget  *cue_widget;   /* weak */
  const char *cue_class;
  guint       cue_source;
  char       *last_language;   /* of the last on-demand utterance, for tests */
};

G_DEFINE_FINAL_TYPE (BkVoice, bk_voice, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SCREEN_READER_RUNNING,
  PROP_SELF_VOICING,
  N_PROPS
};

enum {
  UTTERANCE_STARTED,
  UTTERANCE_FINISHED,
  CUE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ---- settings to the service -------------------------------------------- */

static void
apply_settings (BkVoice *self)
{
  if (self->speech == NULL)
    return;

  bk_speech_set_enabled (self->speech, bk_settings_get_speech_enabled (self->settings));
  bk_speech_set_rate (self->speech, (BkSpeechRate)bk_settings_get_speech_rate (self->settings));
  bk_speech_set_volume (self->speech, (guint)bk_settings_get_speech_volume (self->settings));
  bk_speech_set_headset (self->speech, bk_settings_get_headset_connected (self->settings));
}

static void
settings_changed_cb (BkVoice    *self,
                     GParamSpec *pspec)
{
  apply_settings (self);

  if (g_strcmp0 (pspec->name, "speech-enabled") == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELF_VOICING]);
}

static void
utterance_started_cb (BkVoice    *self,
                      guint       id,
                      const char *text)
{
  g_signal_emit (self, signals[UTTERANCE_STARTED], 0, id, text);
}

static void
utterance_finished_cb (BkVoice  *self,
                       guint     id,
                       gboolean  interrupted)
{
  g_signal_emit (self, signals[UTTERANCE_FINISHED], 0, id, interrupted);
}

static void
speech_error_cb (BkVoice    *self,
                 const char *message)
{
  /* Nothing alarming for the citizen; the staff find it in the journal. */
  g_warning ("Speech: %s", message);
}

/* ---- GObject ------------------------------------------------------------- */

static void
clear_cue (BkVoice *self)
{
  g_clear_handle_id (&self->cue_source, g_source_remove);
  if (self->cue_widget != NULL)
    {
      gtk_widget_remove_css_class (self->cue_widget, self->cue_class);
      g_object_remove_weak_pointer (G_OBJECT (self->cue_widget), (gpointer *)&self->cue_widget);
      self->cue_widget = NULL;
    }
}

static void
bk_voice_dispose (GObject *object)
{
  BkVoice *self = (BkVoice *)object;

  clear_cue (self);
  if (self->speech != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->speech, self);
      bk_speech_stop (self->speech);
    }
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->speech);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->last_language, g_free);

  G_OBJECT_CLASS (bk_voice_parent_class)->dispose (object);
}

static void
bk_voice_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  BkVoice *self = BK_VOICE (object);

  switch (prop_id)
    {
    case PROP_SCREEN_READER_RUNNING:
      g_value_set_boolean (value, self->screen_reader_running);
      break;

    case PROP_SELF_VOICING:
      g_value_set_boolean (value, bk_voice_is_self_voicing (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_voice_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  BkVoice *self = BK_VOICE (object);

  switch (prop_id)
    {
    case PROP_SCREEN_READER_RUNNING:
      bk_voice_set_screen_reader_running (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_voice_class_init (BkVoiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bk_voice_dispose;
  object_class->get_property = bk_voice_get_property;
  object_class->set_property = bk_voice_set_property;

  properties[PROP_SCREEN_READER_RUNNING] =
    g_param_spec_boolean ("screen-reader-running", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  properties[PROP_SELF_VOICING] =
    g_param_spec_boolean ("self-voicing", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE |
                           G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[UTTERANCE_STARTED] =
    g_signal_new ("utterance-started",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_STRING);

  signals[UTTERANCE_FINISHED] =
    g_signal_new ("utterance-finished",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_BOOLEAN);

  signals[CUE] =
    g_signal_new ("cue",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT);
}

static void
bk_voice_init (BkVoice *self)
{
}

BkVoice *
bk_voice_new (BkSpeech   *speech,
              BkSettings *settings)
{
  BkVoice *self;

  g_return_val_if_fail (!speech || BK_IS_SPEECH (speech), NULL);
  g_return_val_if_fail (BK_IS_SETTINGS (settings), NULL);

  self = g_object_new (BK_TYPE_VOICE, NULL);
  self->settings = g_object_ref (settings);

  g_signal_connect_object (settings, "notify::speech-enabled",
                           G_CALLBACK (settings_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "notify::speech-rate",
                           G_CALLBACK (settings_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "notify::speech-volume",
                           G_CALLBACK (settings_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "notify::headset-connected",
                           G_CALLBACK (settings_changed_cb), self, G_CONNECT_SWAPPED);

  if (speech != NULL)
    {
      self->speech = g_object_ref (speech);
      g_signal_connect_object (speech, "utterance-started",
                               G_CALLBACK (utterance_started_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (speech, "utterance-finished",
                               G_CALLBACK (utterance_finished_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (speech, "error",
                               G_CALLBACK (speech_error_cb), self, G_CONNECT_SWAPPED);
      apply_settings (self);
    }

  return self;
}

BkSpeech *
bk_voice_get_speech (BkVoice *self)
{
  g_return_val_if_fail (BK_IS_VOICE (self), NULL);

  return self->speech;
}

BkSettings *
bk_voice_get_settings (BkVoice *self)
{
  g_return_val_if_fail (BK_IS_VOICE (self), NULL);

  return self->settings;
}

gboolean
bk_voice_has_speech (BkVoice *self)
{
  g_return_val_if_fail (BK_IS_VOICE (self), FALSE);

  return self->speech != NULL;
}

void
bk_voice_set_screen_reader_running (BkVoice  *self,
                                    gboolean  running)
{
  g_return_if_fail (BK_IS_VOICE (self));

  running = !!running;
  if (self->screen_reader_running == running)
    return;

  self->screen_reader_running = running;
  g_debug ("Screen reader %s: self-voicing %s", running ? "on" : "off",
           running ? "off" : "back to the settings");

  /* The screen reader speaks from now on: not both at once. */
  if (running && self->speech != NULL)
    bk_speech_stop (self->speech);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCREEN_READER_RUNNING]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELF_VOICING]);
}

gboolean
bk_voice_get_screen_reader_running (BkVoice *self)
{
  g_return_val_if_fail (BK_IS_VOICE (self), FALSE);

  return self->screen_reader_running;
}

gboolean
bk_voice_is_self_voicing (BkVoice *self)
{
  g_return_val_if_fail (BK_IS_VOICE (self), FALSE);

  return self->speech != NULL &&
         !self->screen_reader_running &&
         bk_settings_get_speech_enabled (self->settings);
}

/* ---- describing a widget ------------------------------------------------- */

const char *
bk_voice_get_interface_language (void)
{
  /* Translators: the language code of this translation ("de" for German);
   * it chooses the voice that speaks the interface */
  return C_("language code", "en");
}

/* The accessible property as a string, or NULL when unset or empty. GTK 4.8
 * has no getter for accessible properties except the one for tests, which
 * works with every accessibility backend. */
static char *
dup_accessible_string (GtkWidget             *widget,
                       GtkAccessibleProperty  property)
{
  char *value;

  if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), property))
    return NULL;

  /* NULL when the value equals "", else the value. */
  value = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), property, "");
  if (value != NULL && g_strstrip (value)[0] == '\0')
    g_clear_pointer (&value, g_free);

  return value;
}

static char *
dup_name (GtkWidget *widget)
{
  char *name = dup_accessible_string (widget, GTK_ACCESSIBLE_PROPERTY_LABEL);
  GList *mnemonic_labels;

  if (name != NULL)
    return name;

  /* labelled-by: the labels that have this widget as mnemonic widget. */
  mnemonic_labels = gtk_widget_list_mnemonic_labels (widget);
  if (mnemonic_labels != NULL)
    {
      name = g_strdup (gtk_label_get_text (mnemonic_labels->data));
      g_list_free (mnemonic_labels);
      if (name != NULL && name[0] != '\0')
        return name;
      g_clear_pointer (&name, g_free);
    }

  if (GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) != NULL)
    return g_strdup (gtk_button_get_label (GTK_BUTTON (widget)));

  if (!GTK_IS_EDITABLE (widget))
    {
      g_autoptr(GString) text = g_string_new (NULL);

      bk_ui_append_label_texts (widget, ", ", text);
      if (text->len > 0)
        return g_string_free (g_steal_pointer (&text), FALSE);
    }

  return NULL;
}

static const char *
role_name (GtkAccessibleRole role)
{
  switch (role)
    {
    case GTK_ACCESSIBLE_ROLE_BUTTON:
      /* Translators: a role, spoken after a control's name: "Council motions, button" */
      return _("button");
    case GTK_ACCESSIBLE_ROLE_LINK:
      return _("link");
    case GTK_ACCESSIBLE_ROLE_CHECKBOX:
      return _("check box");
    case GTK_ACCESSIBLE_ROLE_SWITCH:
      return _("switch");
    case GTK_ACCESSIBLE_ROLE_RADIO:
      return _("radio button");
    case GTK_ACCESSIBLE_ROLE_TEXT_BOX:
      return _("text field");
    case GTK_ACCESSIBLE_ROLE_SEARCH_BOX:
      return _("search field");
    case GTK_ACCESSIBLE_ROLE_COMBO_BOX:
      return _("drop-down list");
    case GTK_ACCESSIBLE_ROLE_LIST_ITEM:
      return _("list item");
    case GTK_ACCESSIBLE_ROLE_LIST:
      return _("list");
    case GTK_ACCESSIBLE_ROLE_HEADING:
      return _("heading");
    case GTK_ACCESSIBLE_ROLE_SPIN_BUTTON:
      return _("spin button");
    case GTK_ACCESSIBLE_ROLE_SLIDER:
      return _("slider");
    case GTK_ACCESSIBLE_ROLE_TAB:
      return _("tab");
    case GTK_ACCESSIBLE_ROLE_MENU_ITEM:
      return _("menu item");
    default:
      return NULL;
    }
}

/* The text inside an entry has the focus; the entry has name and role. */
static GtkWidget *
focus_owner (GtkWidget *widget)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);

  if (GTK_IS_TEXT (widget) && parent != NULL && GTK_IS_EDITABLE (parent))
    return parent;

  return widget;
}

static gboolean
is_masked (GtkWidget *widget)
{
  if (GTK_IS_PASSWORD_ENTRY (widget))
    return TRUE;
  if (GTK_IS_ENTRY (widget) &&
      (!gtk_entry_get_visibility (GTK_ENTRY (widget)) ||
       gtk_entry_get_input_purpose (GTK_ENTRY (widget)) == GTK_INPUT_PURPOSE_PIN ||
       gtk_entry_get_input_purpose (GTK_ENTRY (widget)) == GTK_INPUT_PURPOSE_PASSWORD))
    return TRUE;
  if (GTK_IS_TEXT (widget) && !gtk_text_get_visibility (GTK_TEXT (widget)))
    return TRUE;

  return FALSE;
}

gboolean
bk_voice_is_masked (GtkWidget *widget)
{
  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);

  return is_masked (focus_owner (widget));
}

static void
add_part (GPtrArray  *parts,
          const char *part)
{
  if (part != NULL && part[0] != '\0')
    g_ptr_array_add (parts, g_strdup (part));
}

char *
bk_voice_describe_widget (GtkWidget *widget)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *name = NULL;
  g_autofree char *description = NULL;
  g_autofree char *joined = NULL;
  GtkAccessibleRole role;
  GtkWidget *parent;
  GtkListItem *list_item;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  widget = focus_owner (widget);
  parent = gtk_widget_get_parent (widget);
  role = gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget));
  name = dup_name (widget);

  add_part (parts, name);

  /* A drop-down's button: "Status: All, drop-down list, collapsed". */
  if (parent != NULL && GTK_IS_DROP_DOWN (parent) && GTK_IS_TOGGLE_BUTTON (widget))
    {
      add_part (parts, role_name (GTK_ACCESSIBLE_ROLE_COMBO_BOX));
      add_part (parts, gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (widget))
                       /* Translators: a state: a drop-down list is open */
                       ? _("expanded")
                       /* Translators: a state: a drop-down list is closed */
                       : _("collapsed"));
    }
  else
    {
      add_part (parts, role_name (role));

      /* States */
      if (GTK_IS_SWITCH (widget))
        add_part (parts, gtk_switch_get_active (GTK_SWITCH (widget))
                         /* Translators: the state of a switch */
                         ? _("on") : _("off"));
      else if (GTK_IS_CHECK_BUTTON (widget))
        add_part (parts, gtk_check_button_get_active (GTK_CHECK_BUTTON (widget))
                         /* Translators: the state of a check box */
                         ? _("checked") : _("not checked"));
      else if (GTK_IS_TOGGLE_BUTTON (widget) &&
               gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)) == GTK_ACCESSIBLE_ROLE_RADIO)
        add_part (parts, gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (widget))
                         ? _("checked") : _("not checked"));
      else if (GTK_IS_TOGGLE_BUTTON (widget))
        add_part (parts, gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (widget))
                         /* Translators: the state of a toggle button */
                         ? _("pressed") : _("not pressed"));
      else if (GTK_IS_EXPANDER (widget))
        add_part (parts, gtk_expander_get_expanded (GTK_EXPANDER (widget))
                         ? _("expanded") : _("collapsed"));
    }

  list_item = bk_ui_get_list_item (widget);
  if (list_item != NULL && gtk_list_item_get_selectable (list_item) &&
      gtk_list_item_get_selected (list_item))
    /* Translators: the state of a list item */
    add_part (parts, _("selected"));

  if (!gtk_widget_is_sensitive (widget))
    /* Translators: the state of a control that cannot be used now */
    add_part (parts, _("unavailable"));

  /* Value: never the text of a masked field. */
  if (GTK_IS_EDITABLE (widget) && !is_masked (widget))
    {
      const char *text = gtk_editable_get_text (GTK_EDITABLE (widget));

      if (text != NULL && text[0] != '\0')
        add_part (parts, text);
      else if (role == GTK_ACCESSIBLE_ROLE_TEXT_BOX || role == GTK_ACCESSIBLE_ROLE_SEARCH_BOX)
        /* Translators: the value of an empty text field */
        add_part (parts, _("empty"));
    }
  else if (GTK_IS_RANGE (widget))
    {
      g_autofree char *value = g_strdup_printf ("%.0f", gtk_range_get_value (GTK_RANGE (widget)));
      add_part (parts, value);
    }

  /* Position in a list: "3 of 17" */
  if (list_item != NULL)
    {
      GtkWidget *list = gtk_widget_get_ancestor (widget, GTK_TYPE_LIST_VIEW);
      guint position = gtk_list_item_get_position (list_item);
      GtkSelectionModel *model = list ? gtk_list_view_get_model (GTK_LIST_VIEW (list)) : NULL;

      if (model != NULL && position != GTK_INVALID_LIST_POSITION)
        {
          g_autofree char *where = NULL;

          /* Translators: the position of a list item: "3 of 17" */
          where = g_strdup_printf (_("%u of %u"), position + 1,
                                   g_list_model_get_n_items (G_LIST_MODEL (model)));
          add_part (parts, where);
        }
    }
  else if (GTK_IS_LIST_BOX_ROW (widget) && parent != NULL)
    {
      g_autofree char *where = NULL;
      guint n = 0;

      for (GtkWidget *child = gtk_widget_get_first_child (parent);
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        if (GTK_IS_LIST_BOX_ROW (child) && gtk_widget_get_visible (child))
          n++;
      where = g_strdup_printf (_("%u of %u"),
                               gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (widget)) + 1, n);
      add_part (parts, where);
    }

  if (parts->len == 0)
    return NULL;

  g_ptr_array_add (parts, NULL);
  joined = g_strjoinv (", ", (char **)parts->pdata);

  description = dup_accessible_string (widget, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  if (description != NULL && g_strcmp0 (description, name) != 0)
    /* Translators: what a control is, then its description */
    return g_strdup_printf (_("%s. %s"), joined, description);

  return g_steal_pointer (&joined);
}

/* ---- speaking ------------------------------------------------------------ */

static void
masked_text_changed_cb (GtkEditable *editable,
                        BkVoice     *self)
{
  /* Never the character: only that one was entered. */
  if (bk_voice_is_self_voicing (self))
    bk_speech_say_masked_input (self->speech);
}

void
bk_voice_speak_focus (BkVoice          *self,
                      GtkWidget        *widget,
                      BkSpeechPriority  priority)
{
  g_autofree char *text = NULL;
  GtkWidget *owner;

  g_return_if_fail (BK_IS_VOICE (self));

  if (widget == NULL)
    return;

  owner = focus_owner (widget);

  /* Masked fields: say that a character was entered, never which. The
   * handler is connected once, to the field itself. */
  if (is_masked (owner) && GTK_IS_EDITABLE (owner) &&
      g_object_get_data (G_OBJECT (owner), "bk-voice-masked") == NULL)
    {
      g_object_set_data (G_OBJECT (owner), "bk-voice-masked", GINT_TO_POINTER (1));
      g_signal_connect_object (owner, "changed",
                               G_CALLBACK (masked_text_changed_cb), self, 0);
    }

  if (!bk_voice_is_self_voicing (self))
    return;

  text = bk_voice_describe_widget (owner);
  if (text != NULL)
    bk_speech_say (self->speech, text, NULL, priority, BK_SPEECH_FLAG_NONE);
}

void
bk_voice_speak_page (BkVoice    *self,
                     const char *text)
{
  g_return_if_fail (BK_IS_VOICE (self));

  if (bk_voice_is_self_voicing (self) && text != NULL)
    bk_speech_say (self->speech, text, NULL, BK_SPEECH_INTERRUPT, BK_SPEECH_FLAG_NONE);
}

void
bk_voice_announce (BkVoice    *self,
                   const char *text)
{
  g_return_if_fail (BK_IS_VOICE (self));

  if (bk_voice_is_self_voicing (self) && text != NULL)
    bk_speech_say (self->speech, text, NULL, BK_SPEECH_QUEUE, BK_SPEECH_FLAG_NONE);
}

guint
bk_voice_say_on_demand (BkVoice    *self,
                        const char *text,
                        const char *lang)
{
  g_return_val_if_fail (BK_IS_VOICE (self), 0);

  if (self->speech == NULL || text == NULL)
    return 0;

  g_free (self->last_language);
  self->last_language = g_strdup (lang ? lang : bk_voice_get_interface_language ());

  return bk_speech_say (self->speech, text, lang, BK_SPEECH_INTERRUPT, BK_SPEECH_FLAG_NONE);
}

void
bk_voice_say_for (BkVoice    *voice,
                  gpointer    speaker,
                  guint       said_signal,
                  const char *text,
                  const char *lang)
{
  g_return_if_fail (!voice || BK_IS_VOICE (voice));
  g_return_if_fail (G_IS_OBJECT (speaker));

  if (text == NULL || text[0] == '\0')
    return;

  g_signal_emit (speaker, said_signal, 0, text);
  if (voice != NULL)
    bk_voice_say_on_demand (voice, text, lang);
}

static gboolean
cue_done_cb (gpointer user_data)
{
  BkVoice *self = user_data;

  self->cue_source = 0;
  clear_cue (self);

  return G_SOURCE_REMOVE;
}

void
bk_voice_cue (BkVoice    *self,
              BkEarcon    earcon,
              GtkWidget  *cue_widget)
{
  static const char * const classes[] = {
    [BK_EARCON_MOVE] = "bk-cue-move",
    [BK_EARCON_ACTIVATE] = "bk-cue-activate",
    [BK_EARCON_ERROR] = "bk-cue-error",
    [BK_EARCON_EDGE] = "bk-cue-edge",
  };
  gboolean sound;

  g_return_if_fail (BK_IS_VOICE (self));
  g_return_if_fail ((guint)earcon < G_N_ELEMENTS (classes));

  /* A screen reader says where the focus went and where a list ends itself. */
  sound = self->speech != NULL && bk_settings_get_speech_enabled (self->settings) &&
          !(self->screen_reader_running && (earcon == BK_EARCON_MOVE || earcon == BK_EARCON_EDGE));
  if (sound)
    bk_speech_play_earcon (self->speech, earcon);

  /* The visual counterpart: an outline for a moment, no animation. */
  clear_cue (self);
  if (cue_widget != NULL)
    {
      self->cue_widget = cue_widget;
      self->cue_class = classes[earcon];
      g_object_add_weak_pointer (G_OBJECT (cue_widget), (gpointer *)&self->cue_widget);
      gtk_widget_add_css_class (cue_widget, self->cue_class);
      self->cue_source = g_timeout_add (CUE_MS, cue_done_cb, self);
    }

  g_signal_emit (self, signals[CUE], 0, (int)earcon);
}

void
bk_voice_stop (BkVoice *self)
{
  g_return_if_fail (BK_IS_VOICE (self));

  if (self->speech != NULL)
    bk_speech_stop (self->speech);
}

/* The end of a citizen's session: speech stopped and its caches dropped,
 * then the settings (already back to the kiosk defaults) applied again:
 * the settings are the only source of rate, volume and on/off. */
void
bk_voice_reset_session (BkVoice *self)
{
  g_return_if_fail (BK_IS_VOICE (self));

  if (self->speech == NULL)
    return;
  bk_speech_reset (self->speech);
  apply_settings (self);
}

gboolean
bk_voice_get_current_word (BkVoice *self,
                           guint   *utterance_id,
                           guint   *text_offset,
                           guint   *length)
{
  g_return_val_if_fail (BK_IS_VOICE (self), FALSE);

  if (self->speech == NULL)
    return FALSE;

  return bk_speech_get_current_word (self->speech, utterance_id, text_offset, length);
}

char *
bk_voice_strip_markers (const char *text)
{
  GString *out;
  const char *p;

  if (text == NULL)
    return NULL;

  out = g_string_new (NULL);
  for (p = text; *p != '\0';)
    {
      if (g_str_has_prefix (p, "[[lang=") || g_str_has_prefix (p, "[[/lang]]"))
        {
          const char *end = strstr (p, "]]");

          if (end != NULL)
            {
              p = end + 2;
              continue;
            }
        }
      g_string_append_c (out, *p);
      p++;
    }

  return g_string_free (out, FALSE);
}

/* The language asked for the last on-demand utterance (read aloud). */
const char *
bk_voice_get_last_language (BkVoice *self)
{
  g_return_val_if_fail (BK_IS_VOICE (self), NULL);

  return self->last_language;
}

static const char *
rate_name (int rate)
{
  switch (rate)
    {
    /* Translators: speech rates, spoken as "Speech rate: slow" */
    case 0: return _("very slow");
    case 1: return _("slow");
    case 2: return _("normal");
    case 3: return _("fast");
    default: return _("very fast");
    }
}

char *
bk_voice_dup_rate_text (int rate)
{
  /* Translators: spoken when the rate changes; %s is "slow", "fast", … */
  return g_strdup_printf (_("Speech rate: %s"), rate_name (rate));
}
