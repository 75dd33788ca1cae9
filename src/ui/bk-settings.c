/* bk-settings.c: the kiosk's settings, a facade over GSettings
 *
 * Widgets bind to the properties of this object, never to GSettings
 * directly, so they stay testable with GSETTINGS_BACKEND=memory. When the
 * schema is not installed (running from an unprepared build tree) the facade
 * keeps the defaults in memory instead of aborting.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-settings"

#include "bk-config.h"

#include "bk-settings.h"

struct _BkSettings
{
  GObject    parent_instance;

  GSettings *settings;
  char      *database_path;
  gboolean   speech_enabled;
  int        speech_rate;
  int        speech_volume;
  gboolean   captions_enabled;
  gboolean   headset_connected;
};

G_DEFINE_FINAL_TYPE (BkSettings, bk_settings, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DATABASE_PATH,
  PROP_SPEECH_ENABLED,
  PROP_SPEECH_RATE,
  PROP_SPEECH_VOLUME,
  PROP_CAPTIONS_ENABLED,
  PROP_HEADSET_CONNECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bk_settings_finalize (GObject *object)
{
  BkSettings *self = (BkSettings *)object;

  g_clear_object (&self->settings);
  g_clear_pointer (&self->database_path, g_free);

  G_OBJECT_CLASS (bk_settings_parent_class)->finalize (object);
}

static void
bk_settings_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  BkSettings *self = BK_SETTINGS (object);

  switch (prop_id)
    {
    case PROP_DATABASE_PATH:
      g_value_set_string (value, self->database_path);
      break;

    case PROP_SPEECH_ENABLED:
      g_value_set_boolean (value, self->speech_enabled);
      break;

    case PROP_SPEECH_RATE:
      g_value_set_int (value, self->speech_rate);
      break;

    case PROP_SPEECH_VOLUME:
      g_value_set_int (value, self->speech_volume);
      break;

    case PROP_CAPTIONS_ENABLED:
      g_value_set_boolean (value, self->captions_enabled);
      break;

    case PROP_HEADSET_CONNECTED:
      g_value_set_boolean (value, self->headset_connected);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_settings_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  BkSettings *self = BK_SETTINGS (object);

  switch (prop_id)
    {
    case PROP_DATABASE_PATH:
      bk_settings_set_database_path (self, g_value_get_string (value));
      break;

    case PROP_SPEECH_ENABLED:
      bk_settings_set_speech_enabled (self, g_value_get_boolean (value));
      break;

    case PROP_SPEECH_RATE:
      bk_settings_set_speech_rate (self, g_value_get_int (value));
      break;

    case PROP_SPEECH_VOLUME:
      bk_settings_set_speech_volume (self, g_value_get_int (value));
      break;

    case PROP_CAPTIONS_ENABLED:
      bk_settings_set_captions_enabled (self, g_value_get_boolean (value));
      break;

    case PROP_HEADSET_CONNECTED:
      bk_settings_set_headset_connected (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_settings_class_init (BkSettingsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bk_settings_finalize;
  object_class->get_property = bk_settings_get_property;
  object_class->set_property = bk_settings_set_property;

  properties[PROP_DATABASE_PATH] =
    g_param_spec_string ("database-path", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_SPEECH_ENABLED] =
    g_param_spec_boolean ("speech-enabled", NULL, NULL,
                          BK_SETTINGS_DEFAULT_SPEECH_ENABLED,
                          (G_PARAM_READWRITE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  properties[PROP_SPEECH_RATE] =
    g_param_spec_int ("speech-rate", NULL, NULL,
                      0, 4, BK_SETTINGS_DEFAULT_SPEECH_RATE,
                      (G_PARAM_READWRITE |
                       G_PARAM_EXPLICIT_NOTIFY |
                       G_PARAM_STATIC_STRINGS));

  properties[PROP_SPEECH_VOLUME] =
    g_param_spec_int ("speech-volume", NULL, NULL,
                      0, 100, BK_SETTINGS_DEFAULT_SPEECH_VOLUME,
                      (G_PARAM_READWRITE |
                       G_PARAM_EXPLICIT_NOTIFY |
                       G_PARAM_STATIC_STRINGS));

  properties[PROP_CAPTIONS_ENABLED] =
    g_param_spec_boolean ("captions-enabled", NULL, NULL,
                          BK_SETTINGS_DEFAULT_CAPTIONS_ENABLED,
                          (G_PARAM_READWRITE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  properties[PROP_HEADSET_CONNECTED] =
    g_param_spec_boolean ("headset-connected", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

/* Keys with a property of the same name. */
static const char * const bound_keys[] = {
  "speech-enabled",
  "speech-rate",
  "speech-volume",
  "captions-enabled",
  "headset-connected",
};

/* The citizen's settings: reset when a session ends. */
static const char * const session_keys[] = {
  "speech-enabled",
  "speech-rate",
  "speech-volume",
  "captions-enabled",
};

static void
bk_settings_init (BkSettings *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  self->database_path = g_strdup ("");
  self->speech_enabled = BK_SETTINGS_DEFAULT_SPEECH_ENABLED;
  self->speech_rate = BK_SETTINGS_DEFAULT_SPEECH_RATE;
  self->speech_volume = BK_SETTINGS_DEFAULT_SPEECH_VOLUME;
  self->captions_enabled = BK_SETTINGS_DEFAULT_CAPTIONS_ENABLED;
  self->headset_connected = FALSE;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);

  if (schema == NULL)
    {
      g_debug ("Schema %s is not installed; settings are not kept", APP_ID);
      return;
    }

  self->settings = g_settings_new_full (schema, NULL, NULL);
  g_settings_bind (self->settings, "database-path",
                   self, "database-path",
                   G_SETTINGS_BIND_DEFAULT);
  for (guint i = 0; i < G_N_ELEMENTS (bound_keys); i++)
    g_settings_bind (self->settings, bound_keys[i], self, bound_keys[i],
                     G_SETTINGS_BIND_DEFAULT);
}

BkSettings *
bk_settings_new (void)
{
  return g_object_new (BK_TYPE_SETTINGS, NULL);
}

/* TRUE when the values are backed by GSettings (the schema is installed). */
gboolean
bk_settings_is_persistent (BkSettings *self)
{
  g_return_val_if_fail (BK_IS_SETTINGS (self), FALSE);

  return self->settings != NULL;
}

const char *
bk_settings_get_database_path (BkSettings *self)
{
  g_return_val_if_fail (BK_IS_SETTINGS (self), NULL);

  return self->database_path;
}

void
bk_settings_set_database_path (BkSettings *self,
                               const char *path)
{
  g_return_if_fail (BK_IS_SETTINGS (self));

  if (path == NULL)
    path = "";

  if (g_strcmp0 (self->database_path, path) == 0)
    return;

  g_free (self->database_path);
  self->database_path = g_strdup (path);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE_PATH]);
}

#define DEFINE_BOOLEAN(name, NAME)                                      \
gboolean                                                                \
bk_settings_get_##name (BkSettings *self)                               \
{                                                                       \
  g_return_val_if_fail (BK_IS_SETTINGS (self), FALSE);                  \
  return self->name;                                                    \
}                                                                       \
                                                                        \
void                                                                    \
bk_settings_set_##name (BkSettings *self,                               \
                        gboolean    value)                              \
{                                                                       \
  g_return_if_fail (BK_IS_SETTINGS (self));                             \
  value = !!value;                                                      \
  if (self->name == value)                                              \
    return;                                                             \
  self->name = value;                                                   \
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_##NAME]);  \
}

#define DEFINE_INT(name, NAME, min, max)                                \
int                                                                     \
bk_settings_get_##name (BkSettings *self)                               \
{                                                                       \
  g_return_val_if_fail (BK_IS_SETTINGS (self), 0);                      \
  return self->name;                                                    \
}                                                                       \
                                                                        \
void                                                                    \
bk_settings_set_##name (BkSettings *self,                               \
                        int         value)                              \
{                                                                       \
  g_return_if_fail (BK_IS_SETTINGS (self));                             \
  value = CLAMP (value, min, max);                                      \
  if (self->name == value)                                              \
    return;                                                             \
  self->name = value;                                                   \
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_##NAME]);  \
}

DEFINE_BOOLEAN (speech_enabled, SPEECH_ENABLED)
DEFINE_INT (speech_rate, SPEECH_RATE, 0, 4)
DEFINE_INT (speech_volume, SPEECH_VOLUME, 0, 100)
DEFINE_BOOLEAN (captions_enabled, CAPTIONS_ENABLED)
DEFINE_BOOLEAN (headset_connected, HEADSET_CONNECTED)

void
bk_settings_reset_session (BkSettings *self)
{
  g_return_if_fail (BK_IS_SETTINGS (self));

  if (self->settings != NULL)
    {
      /* The bindings carry the defaults over to the properties. */
      for (guint i = 0; i < G_N_ELEMENTS (session_keys); i++)
        g_settings_reset (self->settings, session_keys[i]);
    }

  /* Also without GSettings, and in case a binding was broken. */
  bk_settings_set_speech_enabled (self, BK_SETTINGS_DEFAULT_SPEECH_ENABLED);
  bk_settings_set_speech_rate (self, BK_SETTINGS_DEFAULT_SPEECH_RATE);
  bk_settings_set_speech_volume (self, BK_SETTINGS_DEFAULT_SPEECH_VOLUME);
  bk_settings_set_captions_enabled (self, BK_SETTINGS_DEFAULT_CAPTIONS_ENABLED);
}
