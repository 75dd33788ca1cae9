/* bk-settings.c: the kiosk's settings, a facade over GSettings
 *
 * Widgets bind to the properties of this object, never to GSettings
 * directly, so they stay testable with GSETTINGS_BACKEND=memory. When the
 * schema is not installed (running from an unprepared build tree) the facade
 * keeps the defaults in memory instead of aborting.
 *
 * One table describes every key: its property, its type and range, and
 * whether it belongs to the citizen's session. The kiosk defaults are the
 * schema's defaults, so a deployment changes them the GNOME way, with a
 * gschema override. Session keys are read from there and then live in
 * memory only: nothing a citizen chooses is written anywhere, so a
 * restart, a crash or a session reset begins with the kiosk's defaults.
 * Staff keys are bound to GSettings and kept.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-settings"

#include "bk-config.h"

#include <string.h>

#include "bk-i18n.h"
#include "bk-settings.h"

/* The one list of themes (bk-theme.c styles them); the languages are
 * bk-i18n's. */
static const char * const theme_choices[] = {
  "standard", "high-contrast-dark", "high-contrast-light", "yellow-on-black", NULL
};
static const char * const scan_choices[] = { "off", "one-switch", "two-switch", NULL };
/* Marks a key whose choices are the interface languages; "default-language"
 * also allows "": the schema default of "language" (a deployment's override). */
static const char * const language_choices[] = { NULL };
static const char * const default_language_choices[] = { NULL };

typedef struct
{
  const char         *name;      /* the key and the property */
  GType               type;      /* boolean, int, string or variant */
  gboolean            session;   /* the citizen's: reset when a session ends */
  int                 min, max, int_default;
  const char         *string_default;   /* also a variant's default, as text */
  const char * const *choices;
  const char         *variant_type;     /* a variant's type: "a{sas}", "a(ss)" */
} KeyInfo;

#define DEFAULT_KEYPAD_MAP \
  "{'up': ['KP_Up', 'KP_8'], 'down': ['KP_Down', 'KP_2'], " \
  "'action': ['KP_Begin', 'KP_5', 'KP_Enter'], 'help': ['KP_Divide', 'F1'], " \
  "'back': ['KP_Home', 'KP_7'], 'next': ['KP_Page_Up', 'KP_9'], " \
  "'volume-down': ['KP_End', 'KP_1'], 'volume-up': ['KP_Page_Down', 'KP_3'], " \
  "'accessibility': ['KP_Multiply', 'F2'], 'explore': ['KP_Subtract'], " \
  "'switch-select': ['space', 'Return'], 'switch-step': ['Tab'], " \
  "'left': ['KP_Left', 'KP_4'], 'right': ['KP_Right', 'KP_6']}"

static const KeyInfo keys[] = {
  { "database-path", G_TYPE_STRING, FALSE, 0, 0, 0, "", NULL },
  { "speech-enabled", G_TYPE_BOOLEAN, TRUE, 0, 1, BK_SETTINGS_DEFAULT_SPEECH_ENABLED, NULL, NULL },
  { "speech-rate", G_TYPE_INT, TRUE, 0, 4, BK_SETTINGS_DEFAULT_SPEECH_RATE, NULL, NULL },
  { "speech-volume", G_TYPE_INT, TRUE, 0, 100, BK_SETTINGS_DEFAULT_SPEECH_VOLUME, NULL, NULL },
  { "captions-enabled", G_TYPE_BOOLEAN, TRUE, 0, 1, BK_SETTINGS_DEFAULT_CAPTIONS_ENABLED, NULL, NULL },
  { "headset-connected", G_TYPE_BOOLEAN, FALSE, 0, 1, FALSE, NULL, NULL },
  { "theme", G_TYPE_STRING, TRUE, 0, 0, 0, "standard", theme_choices },
  { "text-scale", G_TYPE_INT, TRUE, 100, 300, 100, NULL, NULL },
  { "language", G_TYPE_STRING, TRUE, 0, 0, 0, "de", language_choices },
  { "easy-read", G_TYPE_BOOLEAN, TRUE, 0, 1, FALSE, NULL, NULL },
  { "reduced-motion", G_TYPE_BOOLEAN, TRUE, 0, 1, FALSE, NULL, NULL },
  { "key-debounce", G_TYPE_INT, TRUE, 0, 1000, 0, NULL, NULL },
  { "explore-mode", G_TYPE_BOOLEAN, TRUE, 0, 1, FALSE, NULL, NULL },
  /* The citizen's town (its ARS) for the offices of services (bk-service-office.c). */
  { "town", G_TYPE_STRING, TRUE, 0, 0, 0, "", NULL },
  { "scan-mode", G_TYPE_STRING, TRUE, 0, 0, 0, "off", scan_choices },
  { "scan-interval", G_TYPE_INT, TRUE, 500, 5000, 1500, NULL, NULL },
  { "keypad-map", G_TYPE_VARIANT, FALSE, 0, 0, 0, DEFAULT_KEYPAD_MAP, NULL, "a{sas}" },
  /* The on-screen keyboard opens when a text field is touched or chosen
   * (bk-osk.c); off where the kiosk has a real keyboard. */
  { "osk-auto-open", G_TYPE_BOOLEAN, FALSE, 0, 1, TRUE, NULL, NULL },
  /* Staff keys of the idle reset, in seconds (bk-session.c). */
  { "idle-timeout", G_TYPE_INT, FALSE, 1, 86400, 120, NULL, NULL },
  { "idle-warning", G_TYPE_INT, FALSE, 20, 600, 30, NULL, NULL },
  { "attract-after", G_TYPE_INT, FALSE, 10, 86400, 300, NULL, NULL },
  { "dim-after", G_TYPE_INT, FALSE, 10, 86400, 600, NULL, NULL },
  /* Staff mode (bk-staff-page.c); "" folders: under $XDG_DATA_HOME/buergerkiosk */
  { "import-folder", G_TYPE_STRING, FALSE, 0, 0, 0, "", NULL },
  { "export-folder", G_TYPE_STRING, FALSE, 0, 0, 0, "", NULL },
  { "municipality", G_TYPE_STRING, FALSE, 0, 0, 0, "", NULL },
  /* The receipt printer's name; "": the first real printer (bk-receipt-print.c) */
  { "printer", G_TYPE_STRING, FALSE, 0, 0, 0, "", NULL },
  { "default-language", G_TYPE_STRING, FALSE, 0, 0, 0, "", default_language_choices },
  /* The OParl sync (bk-sync-service.h): (display name, System URL) pairs,
   * minutes between syncs (0: only when staff ask), days between full ones. */
  { "oparl-endpoints", G_TYPE_VARIANT, FALSE, 0, 0, 0, "@a(ss) []", NULL, "a(ss)" },
  { "oparl-sync-interval", G_TYPE_INT, FALSE, 0, 1440, 60, NULL, NULL },
  { "oparl-full-sync-days", G_TYPE_INT, FALSE, 1, 90, 7, NULL, NULL },
  /* The demonstration tour (bk-tour.c): staff's own steps file ("": the
   * built-in steps), and the loop for an event. */
  { "tour-file", G_TYPE_STRING, FALSE, 0, 0, 0, "", NULL },
  { "tour-loop", G_TYPE_BOOLEAN, FALSE, 0, 1, FALSE, NULL, NULL },
  /* Care-home mode (bk-care-home.c): a press must be held press-delay ms;
   * the idle warning comes after care-home-idle-timeout seconds at least. */
  { "care-home-mode", G_TYPE_BOOLEAN, FALSE, 0, 1, FALSE, NULL, NULL },
  { "care-home-press-delay", G_TYPE_INT, FALSE, 0, 2000, 300, NULL, NULL },
  { "care-home-idle-timeout", G_TYPE_INT, FALSE, 60, 86400, 1200, NULL, NULL },
};

#define N_KEYS G_N_ELEMENTS (keys)

static const char * const *choices_of (const KeyInfo *info);

struct _BkSettings
{
  GObject    parent_instance;

  GSettings *settings;
  GValue     values[N_KEYS];
};

G_DEFINE_FINAL_TYPE (BkSettings, bk_settings, G_TYPE_OBJECT)

static GParamSpec *properties[N_KEYS + 1];

static int
key_index (const char *name)
{
  for (guint i = 0; i < N_KEYS; i++)
    if (strcmp (keys[i].name, name) == 0)
      return (int)i;
  return -1;
}

static GVariant *
parse_default_variant (const KeyInfo *info)
{
  return g_variant_parse (G_VARIANT_TYPE (info->variant_type), info->string_default, NULL, NULL, NULL);
}

/* A copy of value as the key allows it: ints clamped, strings one of the
 * choices (else FALSE). */
static gboolean
normalize (const KeyInfo *info,
           const GValue  *value,
           GValue        *out)
{
  g_value_init (out, info->type);

  if (info->type == G_TYPE_BOOLEAN)
    g_value_set_boolean (out, !!g_value_get_boolean (value));
  else if (info->type == G_TYPE_INT)
    g_value_set_int (out, CLAMP (g_value_get_int (value), info->min, info->max));
  else if (info->type == G_TYPE_STRING)
    {
      const char *s = g_value_get_string (value);

      if (s == NULL)
        s = "";
      if (choices_of (info) != NULL && !g_strv_contains (choices_of (info), s))
        {
          g_warning ("Setting “%s”: “%s” is not one of its choices; ignored", info->name, s);
          g_value_unset (out);
          return FALSE;
        }
      g_value_set_string (out, s);
    }
  else
    {
      GVariant *v = g_value_get_variant (value);

      if (v == NULL || !g_variant_is_of_type (v, G_VARIANT_TYPE (info->variant_type)))
        {
          g_warning ("Setting “%s”: expected a value of type %s; ignored", info->name, info->variant_type);
          g_value_unset (out);
          return FALSE;
        }
      g_value_set_variant (out, v);
    }

  return TRUE;
}

static void
store_value (BkSettings   *self,
             guint         i,
             const GValue *value)
{
  GValue normal = G_VALUE_INIT;

  if (!normalize (&keys[i], value, &normal))
    return;

  if (keys[i].type == G_TYPE_VARIANT
      ? g_variant_equal (g_value_get_variant (&normal), g_value_get_variant (&self->values[i]))
      : g_param_values_cmp (properties[i + 1], &normal, &self->values[i]) == 0)
    {
      g_value_unset (&normal);
      return;
    }

  g_value_unset (&self->values[i]);
  self->values[i] = normal;
  g_object_notify_by_pspec (G_OBJECT (self), properties[i + 1]);
}

static void
bk_settings_finalize (GObject *object)
{
  BkSettings *self = (BkSettings *)object;

  g_clear_object (&self->settings);
  for (guint i = 0; i < N_KEYS; i++)
    g_value_unset (&self->values[i]);

  G_OBJECT_CLASS (bk_settings_parent_class)->finalize (object);
}

static void
bk_settings_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  BkSettings *self = BK_SETTINGS (object);

  if (prop_id == 0 || prop_id > N_KEYS)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  g_value_copy (&self->values[prop_id - 1], value);
}

static void
bk_settings_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  BkSettings *self = BK_SETTINGS (object);

  if (prop_id == 0 || prop_id > N_KEYS)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  store_value (self, prop_id - 1, value);
}

static void
bk_settings_class_init (BkSettingsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = bk_settings_finalize;
  object_class->get_property = bk_settings_get_property;
  object_class->set_property = bk_settings_set_property;

  for (guint i = 0; i < N_KEYS; i++)
    {
      const KeyInfo *info = &keys[i];

      if (info->type == G_TYPE_BOOLEAN)
        properties[i + 1] = g_param_spec_boolean (info->name, NULL, NULL, info->int_default, flags);
      else if (info->type == G_TYPE_INT)
        properties[i + 1] = g_param_spec_int (info->name, NULL, NULL,
                                              info->min, info->max, info->int_default, flags);
      else if (info->type == G_TYPE_STRING)
        properties[i + 1] = g_param_spec_string (info->name, NULL, NULL, info->string_default, flags);
      else
        properties[i + 1] = g_param_spec_variant (info->name, NULL, NULL, G_VARIANT_TYPE (info->variant_type),
                                                  parse_default_variant (info), flags);
    }

  g_object_class_install_properties (object_class, N_KEYS + 1, properties);
}

static void
set_default (BkSettings *self,
             guint       i)
{
  GValue value = G_VALUE_INIT;

  g_value_init (&value, keys[i].type);
  g_param_value_set_default (properties[i + 1], &value);
  store_value (self, i, &value);
  g_value_unset (&value);
}

/* GSettings maps variant properties only through a mapping: the identity. */
static gboolean
variant_get_mapping (GValue   *value,
                     GVariant *variant,
                     gpointer  user_data)
{
  g_value_set_variant (value, variant);
  return TRUE;
}

static GVariant *
variant_set_mapping (const GValue       *value,
                     const GVariantType *expected_type,
                     gpointer            user_data)
{
  GVariant *v = g_value_get_variant (value);

  return v != NULL && g_variant_is_of_type (v, expected_type) ? g_variant_ref (v) : NULL;
}

/* A session key back to the kiosk's default: the schema's (with a
 * deployment's override), or the built-in one without a schema. */
static void
reset_key (BkSettings *self,
           guint       i)
{
  g_autoptr(GVariant) kiosk_default = NULL;
  GValue value = G_VALUE_INIT;

  if (self->settings != NULL)
    kiosk_default = g_settings_get_default_value (self->settings, keys[i].name);
  if (kiosk_default == NULL)
    {
      set_default (self, i);
      return;
    }

  g_value_init (&value, keys[i].type);
  if (keys[i].type == G_TYPE_BOOLEAN)
    g_value_set_boolean (&value, g_variant_get_boolean (kiosk_default));
  else if (keys[i].type == G_TYPE_INT)
    g_value_set_int (&value, g_variant_get_int32 (kiosk_default));
  else if (keys[i].type == G_TYPE_STRING)
    g_value_set_string (&value, g_variant_get_string (kiosk_default, NULL));
  else
    g_value_set_variant (&value, kiosk_default);
  store_value (self, i, &value);
  g_value_unset (&value);
}

static void
bk_settings_init (BkSettings *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  for (guint i = 0; i < N_KEYS; i++)
    {
      g_value_init (&self->values[i], keys[i].type);
      g_param_value_set_default (properties[i + 1], &self->values[i]);
    }

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);

  if (schema == NULL)
    {
      g_debug ("Schema %s is not installed; settings are not kept", APP_ID);
      return;
    }

  self->settings = g_settings_new_full (schema, NULL, NULL);
  for (guint i = 0; i < N_KEYS; i++)
    {
      if (!g_settings_schema_has_key (schema, keys[i].name))
        {
          g_warning ("Schema %s has no key “%s”: it is kept in memory only", APP_ID, keys[i].name);
          continue;
        }
      /* A citizen's choices live in memory for the session only: every
       * start, crash or idle reset begins with the kiosk's defaults (the
       * schema's, with a deployment's override), whatever an earlier
       * visitor or version left in dconf. */
      if (keys[i].session)
        {
          reset_key (self, i);
          continue;
        }
      if (keys[i].type == G_TYPE_VARIANT)
        g_settings_bind_with_mapping (self->settings, keys[i].name, self, keys[i].name,
                                      G_SETTINGS_BIND_DEFAULT,
                                      variant_get_mapping, variant_set_mapping, NULL, NULL);
      else
        g_settings_bind (self->settings, keys[i].name, self, keys[i].name, G_SETTINGS_BIND_DEFAULT);
    }
}

BkSettings *
bk_settings_new (void)
{
  return g_object_new (BK_TYPE_SETTINGS, NULL);
}

/* TRUE when the values are backed by GSettings (the schema is installed). */
static const GValue *
lookup (BkSettings *self,
        const char *key,
        GType       type)
{
  int i = key_index (key);

  if (i < 0 || keys[i].type != type)
    {
      g_critical ("BkSettings has no %s key “%s”", g_type_name (type), key);
      return NULL;
    }
  return &self->values[i];
}

gboolean
bk_settings_get_boolean (BkSettings *self,
                         const char *key)
{
  const GValue *value;

  g_return_val_if_fail (BK_IS_SETTINGS (self), FALSE);

  value = lookup (self, key, G_TYPE_BOOLEAN);
  return value != NULL && g_value_get_boolean (value);
}

int
bk_settings_get_int (BkSettings *self,
                     const char *key)
{
  const GValue *value;

  g_return_val_if_fail (BK_IS_SETTINGS (self), 0);

  value = lookup (self, key, G_TYPE_INT);
  return value != NULL ? g_value_get_int (value) : 0;
}

const char *
bk_settings_get_string (BkSettings *self,
                        const char *key)
{
  const GValue *value;

  g_return_val_if_fail (BK_IS_SETTINGS (self), NULL);

  value = lookup (self, key, G_TYPE_STRING);
  return value != NULL ? g_value_get_string (value) : NULL;
}

static void
set_value (BkSettings *self,
           const char *key,
           GType       type,
           GValue     *value)
{
  int i = key_index (key);

  if (i < 0 || keys[i].type != type)
    g_critical ("BkSettings has no %s key “%s”", g_type_name (type), key);
  else
    store_value (self, (guint)i, value);
  g_value_unset (value);
}

void
bk_settings_set_boolean (BkSettings *self,
                         const char *key,
                         gboolean    value)
{
  GValue v = G_VALUE_INIT;

  g_return_if_fail (BK_IS_SETTINGS (self));

  g_value_init (&v, G_TYPE_BOOLEAN);
  g_value_set_boolean (&v, value);
  set_value (self, key, G_TYPE_BOOLEAN, &v);
}

void
bk_settings_set_int (BkSettings *self,
                     const char *key,
                     int         value)
{
  GValue v = G_VALUE_INIT;

  g_return_if_fail (BK_IS_SETTINGS (self));

  g_value_init (&v, G_TYPE_INT);
  g_value_set_int (&v, value);
  set_value (self, key, G_TYPE_INT, &v);
}

void
bk_settings_set_string (BkSettings *self,
                        const char *key,
                        const char *value)
{
  GValue v = G_VALUE_INIT;

  g_return_if_fail (BK_IS_SETTINGS (self));

  g_value_init (&v, G_TYPE_STRING);
  g_value_set_string (&v, value);
  set_value (self, key, G_TYPE_STRING, &v);
}

GVariant *
bk_settings_get_variant (BkSettings *self,
                         const char *key)
{
  const GValue *value;

  g_return_val_if_fail (BK_IS_SETTINGS (self), NULL);

  value = lookup (self, key, G_TYPE_VARIANT);
  return value != NULL ? g_value_get_variant (value) : NULL;
}

void
bk_settings_set_variant (BkSettings *self,
                         const char *key,
                         GVariant   *value)
{
  GValue v = G_VALUE_INIT;

  g_return_if_fail (BK_IS_SETTINGS (self));

  g_value_init (&v, G_TYPE_VARIANT);
  g_value_set_variant (&v, value);
  set_value (self, key, G_TYPE_VARIANT, &v);
}

/* The keypad map: action name → key names (a{sas}). Owned by self. */
GVariant *
bk_settings_get_keypad_map (BkSettings *self)
{
  const GValue *value;

  g_return_val_if_fail (BK_IS_SETTINGS (self), NULL);

  value = lookup (self, "keypad-map", G_TYPE_VARIANT);
  return value != NULL ? g_value_get_variant (value) : NULL;
}

void
bk_settings_set_keypad_map (BkSettings *self,
                            GVariant   *map)
{
  GValue v = G_VALUE_INIT;

  g_return_if_fail (BK_IS_SETTINGS (self));

  g_value_init (&v, G_TYPE_VARIANT);
  g_value_set_variant (&v, map);
  set_value (self, "keypad-map", G_TYPE_VARIANT, &v);
}

/* The values the keys allow, NULL-terminated, or NULL for a free string. */
static const char * const *
choices_of (const KeyInfo *info)
{
  static const char *with_default[16];
  static gsize initialized = 0;

  if (info->choices == language_choices)
    return bk_i18n_get_languages ();
  if (info->choices != default_language_choices)
    return info->choices;

  if (g_once_init_enter (&initialized))
    {
      const char * const *languages = bk_i18n_get_languages ();
      guint n = 0;

      with_default[n++] = "";
      for (guint i = 0; languages[i] != NULL && n + 1 < G_N_ELEMENTS (with_default); i++)
        with_default[n++] = languages[i];
      with_default[n] = NULL;
      g_once_init_leave (&initialized, 1);
    }
  return with_default;
}

const char * const *
bk_settings_get_choices (const char *key)
{
  int i = key_index (key);

  return i >= 0 ? choices_of (&keys[i]) : NULL;
}

gboolean
bk_settings_is_session_key (const char *key)
{
  int i = key_index (key);

  return i >= 0 && keys[i].session;
}

/* The kiosk default of a session key, as the schema (with its overrides)
 * has it. */
GVariant *
bk_settings_dup_kiosk_default (BkSettings *self,
                               const char *key)
{
  g_return_val_if_fail (BK_IS_SETTINGS (self), NULL);

  if (self->settings != NULL)
    return g_settings_get_default_value (self->settings, key);
  return NULL;
}

const char *
bk_settings_get_database_path (BkSettings *self)
{
  return bk_settings_get_string (self, "database-path");
}

#define DEFINE_BOOLEAN(name, key)                                       \
gboolean                                                                \
bk_settings_get_##name (BkSettings *self)                               \
{                                                                       \
  return bk_settings_get_boolean (self, key);                           \
}                                                                       \
                                                                        \
void                                                                    \
bk_settings_set_##name (BkSettings *self,                               \
                        gboolean    value)                              \
{                                                                       \
  bk_settings_set_boolean (self, key, value);                           \
}

#define DEFINE_INT(name, key)                                           \
int                                                                     \
bk_settings_get_##name (BkSettings *self)                               \
{                                                                       \
  return bk_settings_get_int (self, key);                               \
}                                                                       \
                                                                        \
void                                                                    \
bk_settings_set_##name (BkSettings *self,                               \
                        int         value)                              \
{                                                                       \
  bk_settings_set_int (self, key, value);                               \
}

DEFINE_BOOLEAN (speech_enabled, "speech-enabled")
DEFINE_INT (speech_rate, "speech-rate")
DEFINE_INT (speech_volume, "speech-volume")
DEFINE_BOOLEAN (captions_enabled, "captions-enabled")
DEFINE_BOOLEAN (headset_connected, "headset-connected")

/* The citizen's settings back to the kiosk defaults. */
void
bk_settings_reset_session (BkSettings *self)
{
  g_return_if_fail (BK_IS_SETTINGS (self));

  for (guint i = 0; i < N_KEYS; i++)
    if (keys[i].session)
      reset_key (self, i);
  /* The language staff chose for this kiosk, over the schema's. */
  {
    const char *language = bk_settings_get_string (self, "default-language");

    if (language != NULL && language[0] != '\0')
      bk_settings_set_string (self, "language", language);
  }
}
