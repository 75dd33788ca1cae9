/* test-theme.c: colours, contrast, focus ring, text size and motion
 *
 * Reads the theme stylesheets and style.css from the resource and checks the
 * contrast of every pair that text, control edges and the focus ring are drawn
 * in; then applies each theme through the settings and looks at the result.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "bk-ui-test-util.h"
#include "bk-config.h"

#include <math.h>
#include <string.h>

#include <adwaita.h>

#include "bk-settings.h"
#include "bk-theme.h"
#include "bk-ui.h"
#include "bk-window.h"

#define RESOURCE_PATH "/io/github/buergerkiosk/Kiosk/"
#define TEXT_CONTRAST     7.0
#define BOUNDARY_CONTRAST 4.5
#define FOCUS_CHANGE      3.0

/* Rule files whose colours must resolve in every theme. */
static const char * const rule_files[] = { "style.css", "style-hc.css", NULL };

typedef enum { TEXT, BOUNDARY, FOCUS } Kind;

static const char * const kind_names[] = { "text", "boundary", "focus" };
static const double kind_minimum[] = { TEXT_CONTRAST, BOUNDARY_CONTRAST, BOUNDARY_CONTRAST };

/* What is drawn on what. The rules of style.css that set both a colour and
 * a background are checked as well, without being listed here. */
static const struct {
  const char *fg;
  const char *bg;
  Kind        kind;
} pairs[] = {
  { "window_fg_color", "window_bg_color", TEXT },
  { "view_fg_color", "view_bg_color", TEXT },
  { "headerbar_fg_color", "headerbar_bg_color", TEXT },
  { "card_fg_color", "card_bg_color", TEXT },
  { "popover_fg_color", "popover_bg_color", TEXT },
  { "dialog_fg_color", "dialog_bg_color", TEXT },
  { "accent_fg_color", "accent_bg_color", TEXT },
  { "destructive_fg_color", "destructive_bg_color", TEXT },
  { "success_fg_color", "success_bg_color", TEXT },
  { "warning_fg_color", "warning_bg_color", TEXT },
  { "error_fg_color", "error_bg_color", TEXT },
  { "theme_selected_fg_color", "theme_selected_bg_color", TEXT },
  /* Coloured text: links, the next step, states */
  { "accent_color", "window_bg_color", TEXT },
  { "accent_color", "view_bg_color", TEXT },
  { "accent_color", "card_bg_color", TEXT },
  { "accent_color", "bk_timeline_next_bg_color", TEXT },
  { "destructive_color", "window_bg_color", TEXT },
  { "success_color", "window_bg_color", TEXT },
  { "warning_color", "window_bg_color", TEXT },
  { "error_color", "window_bg_color", TEXT },
  /* Buttons and rows: their text on every state's background */
  { "window_fg_color", "bk_button_bg_color", TEXT },
  { "window_fg_color", "bk_button_hover_bg_color", TEXT },
  { "window_fg_color", "bk_selected_bg_color", TEXT },
  { "headerbar_fg_color", "bk_button_bg_color", TEXT },
  { "window_fg_color", "bk_timeline_next_bg_color", TEXT },
  { "bk_caption_fg_color", "bk_caption_bg_color", TEXT },
  { "bk_reading_fg_color", "bk_reading_bg_color", TEXT },
  /* Control edges against what surrounds them */
  { "bk_border_color", "window_bg_color", BOUNDARY },
  { "bk_border_color", "view_bg_color", BOUNDARY },
  { "bk_border_color", "headerbar_bg_color", BOUNDARY },
  { "bk_border_color", "card_bg_color", BOUNDARY },
  { "bk_border_color", "bk_button_bg_color", BOUNDARY },
  { "bk_border_color", "bk_selected_bg_color", BOUNDARY },
  { "bk_caption_border_color", "bk_caption_bg_color", BOUNDARY },
  /* The focus ring, the EZ highlight and the cues, drawn around controls */
  { "bk_focus_color", "window_bg_color", FOCUS },
  { "bk_focus_color", "view_bg_color", FOCUS },
  { "bk_focus_color", "headerbar_bg_color", FOCUS },
  { "bk_focus_color", "card_bg_color", FOCUS },
  { "bk_focus_color", "bk_selected_bg_color", FOCUS },
  { "bk_focus_color", "bk_button_hover_bg_color", FOCUS },
  { "bk_highlight_color", "window_bg_color", FOCUS },
  { "bk_highlight_color", "view_bg_color", FOCUS },
  { "bk_highlight_color", "headerbar_bg_color", FOCUS },
  { "bk_highlight_color", "bk_selected_bg_color", FOCUS },
  { "bk_cue_color", "window_bg_color", FOCUS },
  { "bk_cue_edge_color", "window_bg_color", FOCUS },
  { "bk_cue_error_color", "window_bg_color", FOCUS },
};

/* Every problem of a test, reported together at its end. */
static GString *problems;

static void G_GNUC_PRINTF (1, 2)
report (const char *format,
        ...)
{
  va_list args;

  if (problems == NULL)
    problems = g_string_new (NULL);
  va_start (args, format);
  g_string_append (problems, "\n  ");
  g_string_append_vprintf (problems, format, args);
  va_end (args);
}

static void
assert_no_problems (void)
{
  if (problems != NULL && problems->len > 0)
    g_test_fail_printf ("%s", problems->str);
  if (problems != NULL)
    g_string_truncate (problems, 0);
}

/* ---- a small CSS reader ---------------------------------------------------- */

typedef struct
{
  char *file;
  char *selector;
  char *property;
  char *value;
} Declaration;

static void
declaration_free (gpointer data)
{
  Declaration *d = data;

  g_free (d->file);
  g_free (d->selector);
  g_free (d->property);
  g_free (d->value);
  g_free (d);
}

static char *
load_resource (const char *file)
{
  g_autofree char *path = g_strconcat (RESOURCE_PATH, file, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, &error);

  g_assert_no_error (error);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
strip_comments (char *css)
{
  char *start;

  while ((start = strstr (css, "/*")) != NULL)
    {
      char *end = strstr (start + 2, "*/");

      g_assert_nonnull (end);
      memset (start, ' ', end + 2 - start);
    }
}

/* @define-color name value; → defines; selector { p: v; } → declarations */
static void
parse_css (const char *file,
           GHashTable *defines,
           GPtrArray  *declarations)
{
  g_autofree char *css = load_resource (file);
  char *p;

  strip_comments (css);
  p = css;

  while (*p != '\0')
    {
      char *brace, *semicolon;

      while (g_ascii_isspace (*p))
        p++;
      if (*p == '\0')
        break;

      if (g_str_has_prefix (p, "@define-color"))
        {
          g_auto(GStrv) parts = NULL;
          g_autofree char *statement = NULL;

          semicolon = strchr (p, ';');
          g_assert_nonnull (semicolon);
          statement = g_strndup (p + strlen ("@define-color"), semicolon - p - strlen ("@define-color"));
          parts = g_strsplit_set (g_strstrip (statement), " \t\n", 2);
          g_assert_nonnull (parts[0]);
          g_assert_nonnull (parts[1]);
          if (defines != NULL)
            g_hash_table_insert (defines, g_strdup (parts[0]), g_strdup (g_strstrip (parts[1])));
          p = semicolon + 1;
          continue;
        }

      brace = strchr (p, '{');
      g_assert_nonnull (brace);
      {
        g_autofree char *selector = g_strstrip (g_strndup (p, brace - p));
        char *close = strchr (brace, '}');
        g_autofree char *body = NULL;
        g_auto(GStrv) decls = NULL;

        g_assert_nonnull (close);
        body = g_strndup (brace + 1, close - brace - 1);
        decls = g_strsplit (body, ";", -1);
        for (guint i = 0; decls[i] != NULL; i++)
          {
            char *colon = strchr (decls[i], ':');
            Declaration *d;

            if (colon == NULL)
              {
                g_assert_cmpstr (g_strstrip (decls[i]), ==, "");
                continue;
              }

            d = g_new0 (Declaration, 1);
            d->file = g_strdup (file);
            d->selector = g_strdup (selector);
            d->property = g_strstrip (g_strndup (decls[i], colon - decls[i]));
            d->value = g_strstrip (g_strdup (colon + 1));
            g_ptr_array_add (declarations, d);
          }
        p = close + 1;
      }
    }
}

/* ---- colours --------------------------------------------------------------- */

static gboolean
parse_literal (const char *value,
               GdkRGBA    *rgba)
{
  /* Literal and opaque: an alpha would make the contrast depend on what is
   * behind it. */
  return value[0] == '#' && (strlen (value) == 7 || strlen (value) == 4) &&
         gdk_rgba_parse (rgba, value) && rgba->alpha == 1.0;
}

static double
channel (double c)
{
  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

static double
luminance (const GdkRGBA *c)
{
  return 0.2126 * channel (c->red) + 0.7152 * channel (c->green) + 0.0722 * channel (c->blue);
}

static double
contrast (const GdkRGBA *a,
          const GdkRGBA *b)
{
  double la = luminance (a), lb = luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

typedef struct
{
  const char *name;
  GHashTable *colours;      /* name → GdkRGBA */
} Theme;

static GPtrArray *
load_themes (void)
{
  GPtrArray *themes = g_ptr_array_new ();
  const char * const *names = bk_theme_get_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *file = g_strconcat ("theme-", names[i], ".css", NULL);
      g_autoptr(GHashTable) defines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_autoptr(GPtrArray) declarations = g_ptr_array_new_with_free_func (declaration_free);
      Theme *theme = g_new0 (Theme, 1);
      GHashTableIter iter;
      gpointer key, value;

      theme->name = names[i];
      theme->colours = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      parse_css (file, defines, declarations);

      g_hash_table_iter_init (&iter, defines);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          GdkRGBA rgba;

          if (!parse_literal (value, &rgba))
            report ("%s: @%s is “%s”, not a literal opaque colour (#rrggbb)",
                                file, (char *)key, (char *)value);
          else
            g_hash_table_insert (theme->colours, g_strdup (key), g_memdup2 (&rgba, sizeof rgba));
        }

      g_ptr_array_add (themes, theme);
    }

  return themes;
}

static void
theme_free (gpointer data)
{
  Theme *theme = data;

  g_hash_table_unref (theme->colours);
  g_free (theme);
}

/* ---- contrast of the declared pairs ---------------------------------------- */

static void
test_theme_files (void)
{
  g_autoptr(GPtrArray) themes = load_themes ();
  Theme *first;

  g_ptr_array_set_free_func (themes, theme_free);
  g_assert_cmpuint (themes->len, ==, 4);
  first = themes->pdata[0];

  /* Every theme defines the same colours: none falls back to libadwaita's. */
  for (guint i = 1; i < themes->len; i++)
    {
      Theme *theme = themes->pdata[i];
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, first->colours);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        if (!g_hash_table_contains (theme->colours, key))
          report ("theme %s does not define @%s", theme->name, (char *)key);
      g_hash_table_iter_init (&iter, theme->colours);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        if (!g_hash_table_contains (first->colours, key))
          report ("theme %s defines @%s, the standard theme does not", theme->name, (char *)key);
    }

  for (guint i = 0; i < themes->len; i++)
    {
      Theme *theme = themes->pdata[i];

      for (guint j = 0; j < G_N_ELEMENTS (pairs); j++)
        {
          const GdkRGBA *fg = g_hash_table_lookup (theme->colours, pairs[j].fg);
          const GdkRGBA *bg = g_hash_table_lookup (theme->colours, pairs[j].bg);
          double ratio;

          if (fg == NULL || bg == NULL)
            {
              report ("theme %s: pair %s on %s: %s is not defined", theme->name,
                                  pairs[j].fg, pairs[j].bg, fg == NULL ? pairs[j].fg : pairs[j].bg);
              continue;
            }

          ratio = contrast (fg, bg);
          if (ratio < kind_minimum[pairs[j].kind])
            report ("theme %s: %s %s on %s has contrast %.2f:1, needs %.1f:1",
                                theme->name, kind_names[pairs[j].kind], pairs[j].fg, pairs[j].bg,
                                ratio, kind_minimum[pairs[j].kind]);
        }
    }

  assert_no_problems ();
}

/* A colour value of a rule: a theme colour, a literal, or one of these. */
static gboolean
is_neutral (const char *token)
{
  return g_ascii_strcasecmp (token, "currentColor") == 0 ||
         g_ascii_strcasecmp (token, "transparent") == 0 ||
         g_ascii_strcasecmp (token, "none") == 0 ||
         g_ascii_strcasecmp (token, "inherit") == 0;
}

static gboolean
is_colour_property (const char *property)
{
  return g_str_equal (property, "color") || g_str_has_prefix (property, "background") ||
         g_str_has_prefix (property, "border") || g_str_has_prefix (property, "outline") ||
         g_str_equal (property, "box-shadow") || g_str_equal (property, "caret-color");
}

/* The one colour a value names, resolved in theme; NULL if neutral. */
static const GdkRGBA *
resolve (Theme       *theme,
         Declaration *d,
         GdkRGBA     *literal)
{
  g_auto(GStrv) tokens = g_strsplit_set (d->value, " \t\n", -1);
  const GdkRGBA *colour = NULL;

  for (guint i = 0; tokens[i] != NULL; i++)
    {
      if (tokens[i][0] == '@')
        colour = g_hash_table_lookup (theme->colours, tokens[i] + 1);
      else if (tokens[i][0] == '#' && parse_literal (tokens[i], literal))
        colour = literal;
    }

  return colour;
}

static void
check_rule_values (Theme       *theme,
                   Declaration *d)
{
  g_auto(GStrv) tokens = NULL;

  if (!is_colour_property (d->property))
    return;

  if (strchr (d->value, '(') != NULL)
    report ("%s: “%s” %s: %s: use a theme colour, not a function of one",
                        d->file, d->selector, d->property, d->value);

  tokens = g_strsplit_set (d->value, " \t\n,", -1);
  for (guint i = 0; tokens[i] != NULL; i++)
    {
      GdkRGBA rgba;

      if (tokens[i][0] == '@' && !g_hash_table_contains (theme->colours, tokens[i] + 1))
        report ("%s: “%s” %s uses %s, which theme %s does not define",
                            d->file, d->selector, d->property, tokens[i], theme->name);
      else if (tokens[i][0] == '#' && !parse_literal (tokens[i], &rgba))
        report ("%s: “%s” %s: %s is not an opaque colour",
                            d->file, d->selector, d->property, tokens[i]);
      else if (g_ascii_isalpha (tokens[i][0]) && !is_neutral (tokens[i]) &&
               gdk_rgba_parse (&rgba, tokens[i]))
        report ("%s: “%s” %s: the named colour %s is the same in every theme: use a theme colour",
                            d->file, d->selector, d->property, tokens[i]);
    }
}

static void
test_rules (void)
{
  g_autoptr(GPtrArray) themes = load_themes ();
  g_autoptr(GPtrArray) declarations = g_ptr_array_new_with_free_func (declaration_free);
  const char * const *names = bk_theme_get_names ();
  guint n_pairs = 0;

  g_ptr_array_set_free_func (themes, theme_free);
  for (guint i = 0; rule_files[i] != NULL; i++)
    parse_css (rule_files[i], NULL, declarations);
  /* The theme files may carry rules too. */
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *file = g_strconcat ("theme-", names[i], ".css", NULL);

      parse_css (file, NULL, declarations);
    }
  g_assert_cmpuint (declarations->len, >, 50);

  for (guint t = 0; t < themes->len; t++)
    {
      Theme *theme = themes->pdata[t];

      for (guint i = 0; i < declarations->len; i++)
        {
          Declaration *d = declarations->pdata[i];

          if (t == 0 && g_str_equal (d->property, "font-size") && strstr (d->value, "px") != NULL)
            report ("%s: “%s” sets font-size %s: use pt or em, px does not grow with the text size",
                    d->file, d->selector, d->value);
          check_rule_values (theme, d);
        }

      /* A rule with both a colour and a background: text on that background. */
      for (guint i = 0; i < declarations->len; i++)
        {
          Declaration *fg = declarations->pdata[i];
          GdkRGBA fg_literal, bg_literal;
          const GdkRGBA *fg_colour;

          if (!g_str_equal (fg->property, "color"))
            continue;
          fg_colour = resolve (theme, fg, &fg_literal);
          if (fg_colour == NULL)
            continue;

          for (guint j = 0; j < declarations->len; j++)
            {
              Declaration *bg = declarations->pdata[j];
              const GdkRGBA *bg_colour;
              double ratio;

              if (!g_str_equal (bg->file, fg->file) || !g_str_equal (bg->selector, fg->selector) ||
                  !(g_str_equal (bg->property, "background-color") || g_str_equal (bg->property, "background")))
                continue;
              bg_colour = resolve (theme, bg, &bg_literal);
              if (bg_colour == NULL)
                continue;

              n_pairs++;
              ratio = contrast (fg_colour, bg_colour);
              if (ratio < TEXT_CONTRAST)
                report ("theme %s: %s: “%s”: color %s on %s %s has contrast %.2f:1, needs %.1f:1",
                                    theme->name, fg->file, fg->selector, fg->value,
                                    bg->property, bg->value, ratio, TEXT_CONTRAST);
            }
        }
    }

  /* The caption bar, the cue banners, buttons, the timeline: at least these. */
  g_assert_cmpuint (n_pairs, >=, 5 * themes->len);

  assert_no_problems ();
}

/* ---- the themes applied ---------------------------------------------------- */

static void
test_resolve (void)
{
  g_assert_cmpstr (bk_theme_resolve ("standard", FALSE, FALSE), ==, "standard");
  g_assert_cmpstr (bk_theme_resolve ("standard", FALSE, TRUE), ==, "standard");
  g_assert_cmpstr (bk_theme_resolve ("standard", TRUE, FALSE), ==, "high-contrast-light");
  g_assert_cmpstr (bk_theme_resolve ("standard", TRUE, TRUE), ==, "high-contrast-dark");
  /* The citizen's own choice stays. */
  g_assert_cmpstr (bk_theme_resolve ("yellow-on-black", TRUE, FALSE), ==, "yellow-on-black");
  g_assert_cmpstr (bk_theme_resolve ("high-contrast-light", TRUE, TRUE), ==, "high-contrast-light");
  g_assert_cmpstr (bk_theme_resolve ("high-contrast-dark", FALSE, FALSE), ==, "high-contrast-dark");

  /* A broken value: a warning naming it and the key, and the standard look
   * (structured logging: g_test_expect_message does not see it). */
  if (g_test_subprocess ())
    {
      g_log_set_always_fatal (G_LOG_FATAL_MASK);
      g_assert_cmpstr (bk_theme_resolve ("purple", FALSE, FALSE), ==, "standard");
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*WARNING*Unknown theme*purple*theme*");
}

static GdkRGBA
theme_colour (const char *theme,
              const char *name)
{
  g_autoptr(GPtrArray) themes = load_themes ();
  GdkRGBA colour = { 0 };

  g_ptr_array_set_free_func (themes, theme_free);
  for (guint i = 0; i < themes->len; i++)
    {
      Theme *t = themes->pdata[i];

      if (g_str_equal (t->name, theme))
        colour = *(GdkRGBA *)g_hash_table_lookup (t->colours, name);
    }

  return colour;
}

/* The pixel at x, y of texture (cairo's ARGB32, opaque here). */
static GdkRGBA
pixel_at (const guchar *data,
          gsize         stride,
          int           x,
          int           y)
{
  const guchar *p = data + y * stride + x * 4;

  return (GdkRGBA) { p[2] / 255.0, p[1] / 255.0, p[0] / 255.0, 1.0 };
}

static guchar *
download (GdkTexture *texture,
          gsize      *stride)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  guchar *data;

  *stride = width * 4;
  data = g_malloc (*stride * height);
  gdk_texture_download (texture, data, *stride);

  return data;
}

static gboolean
same_pixel (const GdkRGBA *a,
            const GdkRGBA *b)
{
  return fabs (a->red - b->red) < 0.02 && fabs (a->green - b->green) < 0.02 && fabs (a->blue - b->blue) < 0.02;
}

static void
assert_only_class (GtkWidget  *window,
                   const char *theme)
{
  const char * const *names = bk_theme_get_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *css_class = g_strconcat ("theme-", names[i], NULL);

      if (g_str_equal (names[i], theme))
        g_assert_true (gtk_widget_has_css_class (window, css_class));
      else
        g_assert_false (gtk_widget_has_css_class (window, css_class));
    }
}

static void
test_apply (void)
{
  g_autoptr(BkSettings) settings = bk_settings_new ();
  g_autoptr(BkTheme) theme = bk_theme_new (settings);
  const char * const *names = bk_theme_get_names ();
  AdwStyleManager *manager = adw_style_manager_get_default ();
  /* The start page: the error page would flash its banner over the corner. */
  g_autoptr(BkStore) store = bk_ui_test_demo_store_new ();
  BkWindow *window = bk_ui_test_window_new (store);
  BkWindow *later;

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr(GdkTexture) texture = NULL;
      g_autofree guchar *data = NULL;
      GdkRGBA expected = theme_colour (names[i], "window_bg_color");
      GdkRGBA seen;
      gsize stride;

      bk_settings_set_string (settings, "theme", names[i]);
      bk_ui_test_iterate (100);

      g_assert_cmpstr (bk_theme_get_active (theme), ==, names[i]);
      assert_only_class (GTK_WIDGET (window), names[i]);
      g_assert_cmpint (adw_style_manager_get_color_scheme (manager), ==,
                       bk_theme_is_dark (names[i]) ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
      g_assert_cmpint (adw_style_manager_get_dark (manager), ==, bk_theme_is_dark (names[i]));

      /* The window is really painted in the theme's background, bottom left
       * (the error page: nothing else there; inside the window's frame). */
      texture = bk_ui_test_render (GTK_WIDGET (window));
      data = download (texture, &stride);
      seen = pixel_at (data, stride, 24, gdk_texture_get_height (texture) - 24);
      if (!same_pixel (&seen, &expected))
        report ("theme %s: the window is painted %s, not %s", names[i],
                            gdk_rgba_to_string (&seen), gdk_rgba_to_string (&expected));
    }

  /* A window opened later (a language change rebuilds it) gets the class. */
  later = bk_ui_test_window_new (store);
  assert_only_class (GTK_WIDGET (later), names[g_strv_length ((GStrv)names) - 1]);
  bk_settings_set_string (settings, "theme", "standard");
  assert_only_class (GTK_WIDGET (later), "standard");
  assert_only_class (GTK_WIDGET (window), "standard");

  bk_ui_test_window_destroy (later);
  bk_ui_test_window_destroy (window);

  assert_no_problems ();
}

static void
test_reduced_motion (void)
{
  g_autoptr(BkSettings) settings = bk_settings_new ();
  g_autoptr(BkTheme) theme = bk_theme_new (settings);
  GtkSettings *gtk_settings = gtk_settings_get_default ();
  gboolean animations;

  bk_settings_set_boolean (settings, "reduced-motion", TRUE);
  g_object_get (gtk_settings, "gtk-enable-animations", &animations, NULL);
  g_assert_false (animations);

  bk_settings_set_boolean (settings, "reduced-motion", FALSE);
  g_object_get (gtk_settings, "gtk-enable-animations", &animations, NULL);
  g_assert_true (animations);

  /* The end of a session brings the kiosk default back, and the look. */
  bk_settings_set_boolean (settings, "reduced-motion", TRUE);
  bk_settings_reset_session (settings);
  g_object_get (gtk_settings, "gtk-enable-animations", &animations, NULL);
  g_assert_true (animations);
}

/* A window styled as the kiosk's, around child. */
static GtkWindow *
plain_window_new (GtkWidget *child)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_widget_add_css_class (GTK_WIDGET (window), "bk-window");
  gtk_window_set_default_size (window, 800, 400);
  gtk_window_set_child (window, child);
  gtk_window_present (window);
  bk_ui_test_iterate (200);

  return window;
}

static int
label_width (GtkWidget *label)
{
  int natural = 0;

  gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);

  return natural;
}

static void
test_text_scale (void)
{
  g_autoptr(BkSettings) settings = bk_settings_new ();
  g_autoptr(BkTheme) theme = bk_theme_new (settings);
  GtkWindow *window;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *ours = gtk_label_new ("Bürgerkiosk Bürgerkiosk");
  GtkWidget *adwaita = gtk_label_new ("Bürgerkiosk Bürgerkiosk");
  GtkWidget *button = gtk_button_new_with_label ("OK");
  GtkWidget *icon = gtk_image_new_from_icon_name ("go-previous-symbolic");
  GtkWidget *picture = gtk_image_new_from_icon_name ("x-office-document-symbolic");
  const int scaled[] = { 150, 200, 300 };
  int width_ours, width_adwaita, height_button;
  int dpi;

  /* Our own font size (style.css) and one of libadwaita's (title-4). */
  gtk_widget_add_css_class (ours, "title-1");
  gtk_widget_add_css_class (adwaita, "title-4");
  gtk_box_append (GTK_BOX (box), ours);
  gtk_box_append (GTK_BOX (box), adwaita);
  gtk_box_append (GTK_BOX (box), button);
  gtk_widget_set_halign (icon, GTK_ALIGN_START);
  gtk_widget_set_halign (picture, GTK_ALIGN_START);
  gtk_widget_add_css_class (picture, "bk-icon-64");
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), picture);
  window = plain_window_new (box);

  /* Icons beside words grow with them; the start page's pictures at most twice. */
  g_assert_cmpint (gtk_widget_get_width (icon), ==, 16);
  g_assert_cmpint (gtk_widget_get_width (picture), ==, 64);
  width_ours = label_width (ours);
  width_adwaita = label_width (adwaita);
  height_button = gtk_widget_get_height (button);
  g_assert_cmpint (height_button, >=, 64);

  for (guint i = 0; i < G_N_ELEMENTS (scaled); i++)
    {
      double factor = scaled[i] / 100.0;

      bk_settings_set_int (settings, "text-scale", scaled[i]);
      bk_ui_test_iterate (100);

      g_object_get (gtk_settings_get_default (), "gtk-xft-dpi", &dpi, NULL);
      g_assert_cmpint (dpi, ==, 96 * 1024 * scaled[i] / 100);
      g_assert_cmpint (bk_theme_get_text_scale (theme), ==, scaled[i]);

      /* Text grows with the factor (hinting rounds a little). */
      g_assert_cmpfloat_with_epsilon ((double)label_width (ours) / width_ours, factor, 0.1 * factor);
      g_assert_cmpfloat_with_epsilon ((double)label_width (adwaita) / width_adwaita, factor, 0.1 * factor);
      g_assert_cmpint (gtk_widget_get_width (icon), ==, (int) (16 * factor + 0.5));
      g_assert_cmpint (gtk_widget_get_width (picture), ==, (int) (64 * MIN (factor, 2.0) + 0.5));
    }

  /* Back to normal size at the end of a session. */
  bk_settings_reset_session (settings);
  bk_ui_test_iterate (100);
  g_assert_cmpint (label_width (ours), ==, width_ours);
  g_assert_cmpint (gtk_widget_get_height (button), ==, height_button);
  g_assert_cmpint (gtk_widget_get_width (icon), ==, 16);

  gtk_window_destroy (window);
}

/* The settings keep text-scale in range; should a value outside get through
 * (a hand-edited dconf), the kiosk clamps it and says so. */
static void
test_text_scale_broken (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(BkSettings) settings = bk_settings_new ();
      g_autoptr(BkTheme) theme = bk_theme_new (settings);

      g_log_set_always_fatal (G_LOG_FATAL_MASK);
      bk_settings_set_int (settings, "text-scale", 500);
      g_assert_cmpint (bk_theme_get_text_scale (theme), >=, 100);
      g_assert_cmpint (bk_theme_get_text_scale (theme), <=, 300);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* ---- the focus ring, rendered ---------------------------------------------- */

typedef struct
{
  int    width;      /* px changed next to the button's left edge */
  double change;     /* contrast of the changed pixels, before and after */
} Ring;

/* focus_visible FALSE is the window some seconds after the last key
 * (GTK's :focus-visible times out): the kiosk's ring stays all the same. */
static Ring
measure_ring (GtkWindow *window,
              GtkWidget *button,
              GtkWidget *elsewhere,
              gboolean   focus_visible)
{
  g_autoptr(GdkTexture) before = NULL;
  g_autoptr(GdkTexture) after = NULL;
  g_autofree guchar *a = NULL;
  g_autofree guchar *b = NULL;
  graphene_rect_t bounds;
  gsize stride;
  Ring ring = { 0, 0.0 };
  int y, left;

  gtk_window_set_focus_visible (GTK_WINDOW (window), focus_visible);
  gtk_widget_grab_focus (elsewhere);
  bk_ui_test_iterate (50);
  before = bk_ui_test_render (GTK_WIDGET (window));
  gtk_widget_grab_focus (button);
  gtk_window_set_focus_visible (GTK_WINDOW (window), focus_visible);
  bk_ui_test_iterate (50);
  after = bk_ui_test_render (GTK_WIDGET (window));

  a = download (before, &stride);
  b = download (after, &stride);
  g_assert_true (gtk_widget_compute_bounds (button, GTK_WIDGET (window), &bounds));

  /* Along the middle of the button, outwards from its left edge. */
  y = bounds.origin.y + bounds.size.height / 2;
  left = bounds.origin.x;
  for (int x = left - 1; x >= MAX (0, left - 20); x--)
    {
      GdkRGBA pa = pixel_at (a, stride, x, y);
      GdkRGBA pb = pixel_at (b, stride, x, y);

      if (same_pixel (&pa, &pb))
        {
          if (ring.width > 0)
            break;
          continue;
        }

      ring.width++;
      ring.change = ring.change == 0.0 ? contrast (&pa, &pb) : MIN (ring.change, contrast (&pa, &pb));
    }

  return ring;
}

static void
test_focus_ring (void)
{
  g_autoptr(BkSettings) settings = bk_settings_new ();
  g_autoptr(BkTheme) theme = bk_theme_new (settings);
  const char * const *names = bk_theme_get_names ();
  GtkWindow *window;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 48);
  GtkWidget *button = gtk_button_new_with_label ("Button");
  GtkWidget *other = gtk_button_new_with_label ("Other");

  /* No transition of the ring's colour: the rendering shows the end state. */
  bk_settings_set_boolean (settings, "reduced-motion", TRUE);
  gtk_widget_set_margin_start (box, 48);
  gtk_widget_set_margin_top (box, 48);
  gtk_widget_set_valign (box, GTK_ALIGN_START);
  gtk_widget_set_halign (box, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (box), button);
  gtk_box_append (GTK_BOX (box), other);
  window = plain_window_new (box);

  for (guint i = 0; names[i] != NULL; i++)
    {
      Ring ring;

      bk_settings_set_string (settings, "theme", names[i]);
      bk_ui_test_iterate (100);
      for (int visible = 1; visible >= 0; visible--)
        {
          const char *when = visible ? "after a key" : "some seconds later";

          ring = measure_ring (window, button, other, visible);
          g_test_message ("theme %s, %s: focus ring %d px, change %.2f:1", names[i], when,
                          ring.width, ring.change);
          if (ring.width < 3)
            report ("theme %s, %s: the focus ring is %d px wide, needs 3 px", names[i], when, ring.width);
          if (ring.change < FOCUS_CHANGE)
            report ("theme %s, %s: the focus ring changes the pixels by %.2f:1, needs %.1f:1",
                    names[i], when, ring.change, FOCUS_CHANGE);
        }
    }

  gtk_window_destroy (window);

  assert_no_problems ();
}


/* ---- an empty check box, rendered ------------------------------------------ */

/* The highest contrast between the window behind a check box and any pixel
 * of the box, scanned along its middle from outside to its centre. */
static double
measure_check_edge (GtkWindow *window,
                    GtkWidget *check)
{
  g_autoptr(GdkTexture) texture = bk_ui_test_render (GTK_WIDGET (window));
  g_autofree guchar *data = NULL;
  graphene_rect_t bounds;
  gsize stride;
  GdkRGBA outside;
  double best = 1.0;
  int y;

  data = download (texture, &stride);
  g_assert_true (gtk_widget_compute_bounds (check, GTK_WIDGET (window), &bounds));
  y = bounds.origin.y + bounds.size.height / 2;
  outside = pixel_at (data, stride, bounds.origin.x - 4, y);
  for (int x = bounds.origin.x; x < bounds.origin.x + bounds.size.width / 2; x++)
    {
      GdkRGBA p = pixel_at (data, stride, x, y);

      best = MAX (best, contrast (&p, &outside));
    }
  return best;
}

static void
test_check_edge (void)
{
  g_autoptr(BkSettings) settings = bk_settings_new ();
  g_autoptr(BkTheme) theme = bk_theme_new (settings);
  const char * const *names = bk_theme_get_names ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GtkWidget *button = gtk_check_button_new_with_label ("Einverstanden");
  GtkWidget *indicator;
  GtkWindow *window;

  bk_settings_set_boolean (settings, "reduced-motion", TRUE);
  gtk_widget_set_margin_start (box, 48);
  gtk_widget_set_margin_top (box, 48);
  gtk_widget_set_halign (box, GTK_ALIGN_START);
  gtk_widget_set_valign (box, GTK_ALIGN_START);
  gtk_widget_set_focusable (button, FALSE);
  gtk_box_append (GTK_BOX (box), button);
  window = plain_window_new (box);
  indicator = gtk_widget_get_first_child (button);
  g_assert_nonnull (indicator);

  for (guint i = 0; names[i] != NULL; i++)
    {
      double edge;

      bk_settings_set_string (settings, "theme", names[i]);
      bk_ui_test_iterate (100);
      edge = measure_check_edge (window, indicator);
      g_test_message ("theme %s: the edge of an empty check box has %.2f:1", names[i], edge);
      if (edge < FOCUS_CHANGE)
        report ("theme %s: an empty check box is drawn at %.2f:1 against the window, needs %.1f:1",
                names[i], edge, FOCUS_CHANGE);
    }

  gtk_window_destroy (window);
  assert_no_problems ();
}

/* ---- no caret in text that is read, not edited ----------------------------- */

/* A touch on a heading puts the caret where it touched; with the caret
 * hidden, the heading looks the same wherever that is. */
static void
test_no_caret (void)
{
  g_autoptr(BkSettings) settings = bk_settings_new ();
  g_autoptr(BkTheme) theme = bk_theme_new (settings);
  GtkWidget *heading = g_object_new (GTK_TYPE_LABEL,
                                     "label", "Überschrift",
                                     "selectable", TRUE,
                                     "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING,
                                     "margin-start", 48,
                                     "margin-top", 48,
                                     "halign", GTK_ALIGN_START,
                                     "valign", GTK_ALIGN_START,
                                     NULL);
  g_autoptr(GdkTexture) at_start = NULL;
  g_autoptr(GdkTexture) inside = NULL;
  g_autofree guchar *a = NULL;
  g_autofree guchar *b = NULL;
  gsize stride;
  int changed = 0;
  GtkWindow *window;

  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);
  bk_settings_set_boolean (settings, "reduced-motion", TRUE);
  gtk_widget_add_css_class (heading, "title-1");
  window = plain_window_new (heading);
  gtk_widget_grab_focus (heading);
  gtk_window_set_focus_visible (window, TRUE);
  g_assert_true (gtk_widget_has_focus (heading));

  gtk_label_select_region (GTK_LABEL (heading), 0, 0);
  bk_ui_test_iterate (50);
  at_start = bk_ui_test_render (GTK_WIDGET (window));
  gtk_label_select_region (GTK_LABEL (heading), 5, 5);
  bk_ui_test_iterate (50);
  inside = bk_ui_test_render (GTK_WIDGET (window));
  a = download (at_start, &stride);
  b = download (inside, &stride);

  for (int y = 0; y < gdk_texture_get_height (at_start); y++)
    for (int x = 0; x < gdk_texture_get_width (at_start); x++)
      {
        GdkRGBA pa = pixel_at (a, stride, x, y);
        GdkRGBA pb = pixel_at (b, stride, x, y);

        if (!same_pixel (&pa, &pb))
          changed++;
      }
  g_assert_cmpint (changed, ==, 0);

  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  bk_ui_test_init (&argc, &argv);

  g_test_add_func ("/theme/files", test_theme_files);
  g_test_add_func ("/theme/rules", test_rules);
  g_test_add_func ("/theme/resolve", test_resolve);
  g_test_add_func ("/theme/apply", test_apply);
  g_test_add_func ("/theme/reduced-motion", test_reduced_motion);
  g_test_add_func ("/theme/text-scale", test_text_scale);
  g_test_add_func ("/theme/text-scale-broken", test_text_scale_broken);
  g_test_add_func ("/theme/focus-ring", test_focus_ring);
  g_test_add_func ("/theme/check-edge", test_check_edge);
  g_test_add_func ("/theme/no-caret", test_no_caret);

  return g_test_run ();
}
