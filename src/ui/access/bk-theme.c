/* bk-theme.c: colours, text size and motion of the kiosk
 *
 * A theme is a stylesheet of literal colours (theme-NAME.css) that redefines
 * libadwaita's named colours and the kiosk's own, above style.css; the high-
 * contrast themes add style-hc.css (solid rings and outlines). libadwaita 1.2
 * cannot be told to use its high-contrast stylesheet, so the kiosk carries
 * its own, and forces the colour scheme to match the theme's background.
 *
 * Text size scales the resolution (gtk-xft-dpi): every font size is in
 * points, so all text grows, and nothing else does (touch targets stay).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-theme"

#include "bk-config.h"

#include <adwaita.h>

#include "bk-theme-private.h"

#define RESOURCE_PATH "/io/github/buergerkiosk/Kiosk/"
#define DEFAULT_DPI (96 * 1024)

/* The application's style.css is at APPLICATION priority; ours above it. */
#define PRIORITY_HC_RULES (GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1)
#define PRIORITY_COLOURS  (GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 2)

struct _BkTheme
{
  GObject         parent_instance;

  BkSettings     *settings;
  AdwStyleManager *style_manager;
  GtkSettings    *gtk_settings;
  GListModel     *toplevels;

  GtkCssProvider *base_provider;     /* style.css without an AdwApplication */
  GtkCssProvider *hc_provider;
  GtkCssProvider *colour_provider;
  GtkCssProvider *icon_provider;     /* icon sizes for the text size */

  const char     *active;            /* static */
  char           *window_class;
  int             base_dpi;
  int             text_scale;
};

G_DEFINE_FINAL_TYPE (BkTheme, bk_theme, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ACTIVE,
  PROP_TEXT_SCALE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The one list of themes is the setting's. */
const char * const *
bk_theme_get_names (void)
{
  return bk_settings_get_choices ("theme");
}

static const char *
lookup_name (const char *name)
{
  const char * const *names = bk_theme_get_names ();

  for (guint i = 0; names[i] != NULL; i++)
    if (g_strcmp0 (names[i], name) == 0)
      return names[i];

  return NULL;
}

gboolean
bk_theme_is_dark (const char *name)
{
  return g_strcmp0 (name, "high-contrast-dark") == 0 ||
         g_strcmp0 (name, "yellow-on-black") == 0;
}

const char *
bk_theme_resolve (const char *theme,
                  gboolean    system_high_contrast,
                  gboolean    system_prefers_dark)
{
  const char *name = lookup_name (theme);

  if (name == NULL)
    {
      g_warning ("Unknown theme “%s” in the setting “theme”: using the standard theme",
                 theme ? theme : "(null)");
      name = bk_theme_get_names ()[0];
    }

  /* A citizen's own choice of contrast stays; the standard look gives way. */
  if (name == bk_theme_get_names ()[0] && system_high_contrast)
    return system_prefers_dark ? "high-contrast-dark" : "high-contrast-light";

  return name;
}

/* libadwaita follows the portal, else this key; forcing a colour scheme
 * hides the system's preference from AdwStyleManager, so ask the key. */
static gboolean
system_prefers_dark (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *scheme = NULL;

  if (source == NULL)
    return FALSE;

  schema = g_settings_schema_source_lookup (source, "org.gnome.desktop.interface", TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "color-scheme"))
    return FALSE;

  settings = g_settings_new_full (schema, NULL, NULL);
  scheme = g_settings_get_string (settings, "color-scheme");

  return g_strcmp0 (scheme, "prefer-dark") == 0;
}

static GtkCssProvider *
provider_new (const char *file)
{
  g_autofree char *path = g_strconcat (RESOURCE_PATH, file, NULL);
  GtkCssProvider *provider = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (provider, path);

  return provider;
}

static void
add_provider (GtkCssProvider *provider,
              guint           priority)
{
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              priority);
}

static void
remove_provider (GtkCssProvider **provider)
{
  if (*provider == NULL)
    return;

  gtk_style_context_remove_provider_for_display (gdk_display_get_default (),
                                                 GTK_STYLE_PROVIDER (*provider));
  g_clear_object (provider);
}

static void
update_window (BkTheme   *self,
               GtkWidget *window,
               const char *old_class)
{
  if (!GTK_IS_WINDOW (window))
    return;

  if (old_class != NULL)
    gtk_widget_remove_css_class (window, old_class);
  gtk_widget_add_css_class (window, self->window_class);
}

static void
update_windows (BkTheme    *self,
                const char *old_class)
{
  guint n = g_list_model_get_n_items (self->toplevels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (self->toplevels, i);

      update_window (self, window, old_class);
    }
}

static void
toplevels_changed_cb (GListModel *toplevels,
                      guint       position,
                      guint       removed,
                      guint       added,
                      BkTheme    *self)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      update_window (self, window, NULL);
    }
}

static void
apply_theme (BkTheme *self)
{
  const char *wanted = bk_settings_get_string (self->settings, "theme");
  gboolean system_hc = adw_style_manager_get_high_contrast (self->style_manager);
  const char *name = bk_theme_resolve (wanted, system_hc, system_hc && system_prefers_dark ());
  g_autofree char *old_class = NULL;
  g_autofree char *file = NULL;

  if (name == self->active)
    return;

  self->active = name;
  old_class = g_steal_pointer (&self->window_class);
  self->window_class = g_strconcat ("theme-", name, NULL);

  /* The colour scheme first: libadwaita swaps its stylesheet with it, and
   * our colours go on top of the new one. */
  adw_style_manager_set_color_scheme (self->style_manager,
                                      bk_theme_is_dark (name) ? ADW_COLOR_SCHEME_FORCE_DARK
                                                              : ADW_COLOR_SCHEME_FORCE_LIGHT);

  remove_provider (&self->colour_provider);
  file = g_strconcat ("theme-", name, ".css", NULL);
  self->colour_provider = provider_new (file);
  add_provider (self->colour_provider, PRIORITY_COLOURS);

  if (name == bk_theme_get_names ()[0])
    remove_provider (&self->hc_provider);
  else if (self->hc_provider == NULL)
    {
      self->hc_provider = provider_new ("style-hc.css");
      add_provider (self->hc_provider, PRIORITY_HC_RULES);
    }

  update_windows (self, old_class);
  g_debug ("Theme %s (setting %s, system high contrast %s)", name, wanted, system_hc ? "on" : "off");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
}

/* Icons grow with the text: a 16 px arrow beside 300 % text is lost. The
 * small icons that stand beside words grow as much as the words; the large
 * pictures of the start page at most to twice their size, so that the
 * choices still fit a 1280×800 screen. Images name their size by a style
 * class (bk-icon-24 …), never by pixel-size, which CSS cannot change. */
static void
apply_icon_sizes (BkTheme *self)
{
  static const int sizes[] = { 24, 32, 48, 64 };
  g_autoptr(GString) css = g_string_new (NULL);
  double text = self->text_scale / 100.0;

  g_string_append_printf (css, "window.bk-window image { -gtk-icon-size: %dpx; }\n",
                          (int) (16 * text + 0.5));
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      double grow = sizes[i] <= 24 ? text : MIN (text, 2.0);

      g_string_append_printf (css, "window.bk-window image.bk-icon-%d { -gtk-icon-size: %dpx; }\n",
                              sizes[i], (int) (sizes[i] * grow + 0.5));
    }
  if (self->icon_provider == NULL)
    {
      self->icon_provider = gtk_css_provider_new ();
      add_provider (self->icon_provider, PRIORITY_HC_RULES);
    }
  gtk_css_provider_load_from_data (self->icon_provider, css->str, (gssize) css->len);
}

static void
apply_text_scale (BkTheme *self)
{
  int scale = bk_settings_get_int (self->settings, "text-scale");

  if (scale < 100 || scale > 300)
    {
      g_warning ("Text size %d %% in the setting “text-scale” is outside 100–300: using %d %%",
                 scale, CLAMP (scale, 100, 300));
      scale = CLAMP (scale, 100, 300);
    }

  if (scale == self->text_scale)
    return;

  self->text_scale = scale;
  g_object_set (self->gtk_settings,
                "gtk-xft-dpi", (int)((gint64)self->base_dpi * scale / 100),
                NULL);
  apply_icon_sizes (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT_SCALE]);
}

static void
apply_reduced_motion (BkTheme *self)
{
  /* Off means the system's choice again, not animations forced on. */
  if (bk_settings_get_boolean (self->settings, "reduced-motion"))
    g_object_set (self->gtk_settings, "gtk-enable-animations", FALSE, NULL);
  else
    gtk_settings_reset_property (self->gtk_settings, "gtk-enable-animations");
}

static void
bk_theme_dispose (GObject *object)
{
  BkTheme *self = (BkTheme *)object;

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  if (self->style_manager != NULL)
    g_signal_handlers_disconnect_by_data (self->style_manager, self);
  if (self->toplevels != NULL)
    g_signal_handlers_disconnect_by_data (self->toplevels, self);

  remove_provider (&self->colour_provider);
  remove_provider (&self->hc_provider);
  remove_provider (&self->icon_provider);
  remove_provider (&self->base_provider);

  if (self->gtk_settings != NULL)
    {
      gtk_settings_reset_property (self->gtk_settings, "gtk-xft-dpi");
      gtk_settings_reset_property (self->gtk_settings, "gtk-enable-animations");
    }

  g_clear_object (&self->settings);
  g_clear_object (&self->toplevels);
  self->style_manager = NULL;
  self->gtk_settings = NULL;

  G_OBJECT_CLASS (bk_theme_parent_class)->dispose (object);
}

static void
bk_theme_finalize (GObject *object)
{
  BkTheme *self = (BkTheme *)object;

  g_clear_pointer (&self->window_class, g_free);

  G_OBJECT_CLASS (bk_theme_parent_class)->finalize (object);
}

static void
bk_theme_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  BkTheme *self = BK_THEME (object);

  switch (prop_id)
    {
    case PROP_ACTIVE:
      g_value_set_string (value, self->active);
      break;

    case PROP_TEXT_SCALE:
      g_value_set_int (value, self->text_scale);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_theme_class_init (BkThemeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bk_theme_dispose;
  object_class->finalize = bk_theme_finalize;
  object_class->get_property = bk_theme_get_property;

  properties[PROP_ACTIVE] =
    g_param_spec_string ("active", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TEXT_SCALE] =
    g_param_spec_int ("text-scale", NULL, NULL, 100, 300, 100,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bk_theme_init (BkTheme *self)
{
}

BkTheme *
bk_theme_new (BkSettings *settings)
{
  BkTheme *self;
  int dpi = 0;

  g_return_val_if_fail (BK_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (gdk_display_get_default () != NULL, NULL);

  self = g_object_new (BK_TYPE_THEME, NULL);
  self->settings = g_object_ref (settings);
  self->style_manager = adw_style_manager_get_default ();
  self->gtk_settings = gtk_settings_get_default ();
  self->toplevels = g_object_ref (gtk_window_get_toplevels ());

  /* An AdwApplication loads style.css itself; tests have none. */
  if (!ADW_IS_APPLICATION (g_application_get_default ()))
    {
      self->base_provider = provider_new ("style.css");
      add_provider (self->base_provider, GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
    }

  /* Text blocks are selectable so that the keys reach them; focusing one
   * must not select all of its text. */
  g_object_set (self->gtk_settings, "gtk-label-select-on-focus", FALSE, NULL);

  /* A deployment may set its screen's resolution: scale from that. */
  g_object_get (self->gtk_settings, "gtk-xft-dpi", &dpi, NULL);
  self->base_dpi = dpi > 0 ? dpi : DEFAULT_DPI;

  g_signal_connect_object (settings, "notify::theme",
                           G_CALLBACK (apply_theme), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "notify::text-scale",
                           G_CALLBACK (apply_text_scale), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "notify::reduced-motion",
                           G_CALLBACK (apply_reduced_motion), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->style_manager, "notify::high-contrast",
                           G_CALLBACK (apply_theme), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->toplevels, "items-changed",
                           G_CALLBACK (toplevels_changed_cb), self, 0);

  apply_theme (self);
  apply_text_scale (self);
  apply_reduced_motion (self);

  return self;
}

const char *
bk_theme_get_active (BkTheme *self)
{
  g_return_val_if_fail (BK_IS_THEME (self), NULL);

  return self->active;
}

int
bk_theme_get_text_scale (BkTheme *self)
{
  g_return_val_if_fail (BK_IS_THEME (self), 100);

  return self->text_scale;
}
