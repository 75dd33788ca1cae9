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
};

G_DEFINE_FINAL_TYPE (BkSettings, bk_settings, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DATABASE_PATH,
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

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bk_settings_init (BkSettings *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  self->database_path = g_strdup ("");

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
