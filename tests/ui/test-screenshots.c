/* test-screenshots.c: the screenshot set of every screen
 *
 * Renders every page of the kiosk window (and the error page and the help
 * over the start page) in every theme, at 100 % and 300 % text size, in
 * German and in Arabic, to PNG files in $BK_SCREENSHOT_DIR (default
 * ./screenshots of the working directory): NAME-LANG-THEME-SCALE.png.
 *
 * Besides writing the pictures it checks what a picture can show: every
 * screen is drawn (more than a handful of colours), the theme changes the
 * picture, and in Arabic the layout is mirrored (the header's Back button
 * sits on the right, the page heading's text is right-aligned).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "bk-ui-test-util.h"
#include "bk-config.h"

#include "bk-application.h"
#include "bk-form-page.h"
#include "bk-i18n.h"
#include "bk-settings.h"
#include "bk-theme.h"
#include "bk-window.h"

static const char * const languages[] = { "de", "ar" };
static const int scales[] = { 100, 300 };

typedef struct
{
  BkApplication *app;
  BkStore    *store;
  BkSettings *settings;
  gint64      motion_id;
  char       *outdir;
  guint       written;
} Shots;

static Shots shots;

static guint
count_colours (GdkTexture *texture)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  g_autofree guchar *pixels = g_malloc ((gsize)width * height * 4);
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  gdk_texture_download (texture, pixels, (gsize)width * 4);
  /* Every 7th pixel is plenty to tell a drawn screen from an empty one. */
  for (gsize i = 0; i < (gsize)width * height && g_hash_table_size (seen) < 64; i += 7)
    {
      guint32 p = ((guint32 *)pixels)[i];
      g_hash_table_add (seen, GUINT_TO_POINTER (p));
    }

  return g_hash_table_size (seen);
}

static guint
shoot (GtkWidget  *window,
       const char *screen,
       const char *lang,
       const char *theme,
       int         scale)
{
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = g_strdup_printf ("%s-%s-%s-%d.png", screen, lang, theme, scale);
  g_autofree char *path = g_build_filename (shots.outdir, file, NULL);
  guint colours;

  /* GTK 4.8 cannot wait for a frame: a page still being laid out renders
   * empty, so give it a few more moments before calling it broken. */
  for (guint attempt = 0; attempt < 4; attempt++)
    {
      bk_ui_test_iterate (150 * (attempt + 1));
      g_clear_object (&texture);
      texture = bk_ui_test_render (window);
      colours = count_colours (texture);
      if (colours >= 3)
        break;
    }
  g_assert_true (gdk_texture_save_to_png (texture, path));
  shots.written++;

  if (colours < 3)
    g_error ("%s: the screen is not drawn (%u colours)", file, colours);

  return colours;
}

/* As the citizen does it: the setting; the application switches. */
static void
set_language (const char *lang)
{
  bk_settings_set_string (shots.settings, "language", lang);
  bk_ui_test_iterate (50);
  g_assert_cmpint (gtk_widget_get_default_direction (), ==,
                   bk_i18n_language_is_rtl (lang) ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);
}

/* Windows of the application, so that its actions (the panel's) work. */
static BkWindow *
window_new (BkStore *store)
{
  g_autoptr(BkContext) context = bk_ui_test_context_new (shots.app, store);
  BkWindow *window = bk_window_new (GTK_APPLICATION (shots.app), context, NULL, NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  bk_ui_test_iterate (200);
  return window;
}

/* In a right-to-left language the Back button is at the right edge. */
static void
check_mirrored (BkWindow   *window,
                const char *lang)
{
  GtkWidget *back = bk_window_get_back_button (window);
  graphene_rect_t bounds;
  int width = gtk_widget_get_width (GTK_WIDGET (window));
  gboolean rtl = bk_i18n_language_is_rtl (lang);

  g_assert_true (gtk_widget_get_mapped (back));
  g_assert_true (gtk_widget_compute_bounds (back, GTK_WIDGET (window), &bounds));
  if (rtl)
    g_assert_cmpfloat (bounds.origin.x, >, width / 2.0);
  else
    g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <, width / 2.0);
  g_assert_cmpint (gtk_widget_get_direction (back), ==, rtl ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);
}

static void
shoot_all_pages (const char *lang,
                 const char *theme,
                 int         scale)
{
  BkWindow *window = window_new (shots.store);
  g_auto(GStrv) pages = bk_window_dup_page_names (window);
  g_autofree char *theme_class = g_strconcat ("theme-", theme, NULL);
  int dpi = 0;

  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (window), theme_class));
  g_object_get (gtk_settings_get_default (), "gtk-xft-dpi", &dpi, NULL);
  g_assert_cmpint (dpi, ==, 96 * 1024 * scale / 100);

  for (guint i = 0; pages[i] != NULL; i++)
    {
      if (g_str_equal (pages[i], "error"))
        continue;
      g_assert_true (bk_window_show_page (window, pages[i],
                                          g_str_equal (pages[i], "motion") ? shots.motion_id : 0));
      g_assert_cmpstr (bk_window_get_page_name (window), ==, pages[i]);
      shoot (GTK_WIDGET (window), pages[i], lang, theme, scale);

      /* Back exists on every page but the start page: mirrored or not. */
      if (!g_str_equal (pages[i], "home"))
        check_mirrored (window, lang);
    }

  /* The help, over the start page. */
  bk_window_show_page (window, "home", 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.help", NULL));
  shoot (GTK_WIDGET (window), "help", lang, theme, scale);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.help", NULL));

  bk_ui_test_window_destroy (window);

  /* The error page: a window without a database. */
  {
    g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                                                   "Permission denied");
    g_autoptr(BkContext) context = bk_ui_test_context_new (shots.app, NULL);
    BkWindow *broken = bk_window_new (GTK_APPLICATION (shots.app), context, NULL, error);

    gtk_window_set_default_size (GTK_WINDOW (broken), 1280, 800);
    gtk_window_present (GTK_WINDOW (broken));
    bk_ui_test_iterate (200);
    g_assert_cmpstr (bk_window_get_page_name (broken), ==, "error");
    shoot (GTK_WIDGET (broken), "error", lang, theme, scale);
    bk_ui_test_window_destroy (broken);
  }
}

static void
click (GtkWidget *button)
{
  g_assert_true (gtk_widget_get_visible (button) && gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  bk_ui_test_iterate (100);
}

/* A form as a citizen meets it: a step with an error, the confirmation, the
 * receipt (the submission really goes to the store). */
static void
shoot_form_flow (const char *lang,
                 const char *theme,
                 int         scale)
{
  BkWindow *window = window_new (shots.store);
  BkFormPage *page = BK_FORM_PAGE (bk_window_get_page (window, "form"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.start-form", "s", "defect-report"));
  bk_ui_test_iterate (100);
  g_assert_cmpstr (bk_window_get_page_name (window), ==, "form");
  click (bk_form_page_get_next_button (page));                 /* past the privacy notice */
  g_assert_cmpint (bk_form_page_get_step (page), ==, BK_FORM_STEP_QUESTIONS);

  click (bk_form_page_get_next_button (page));                 /* nothing filled in */
  g_assert_true (gtk_widget_get_visible (bk_form_page_get_error_label (page, "place")));
  shoot (GTK_WIDGET (window), "form-error", lang, theme, scale);

  for (guint screens = 0; bk_form_page_get_step (page) == BK_FORM_STEP_QUESTIONS; screens++)
    {
      const char *answers[][2] = {
        { "place", "Bushaltestelle Marktplatz, Auenbach" },
        { "problem", "Die Glasscheibe des Wartehäuschens ist zerbrochen." },
        { "contact", "" },
      };

      g_assert_cmpuint (screens, <, 10);
      for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
        {
          GtkWidget *input = bk_form_page_get_input (page, answers[i][0]);

          if (GTK_IS_EDITABLE (input))
            gtk_editable_set_text (GTK_EDITABLE (input), answers[i][1]);
          else if (GTK_IS_TEXT_VIEW (input))
            gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (input)), answers[i][1], -1);
        }
      click (bk_form_page_get_next_button (page));
    }
  g_assert_cmpint (bk_form_page_get_step (page), ==, BK_FORM_STEP_CONFIRM);
  shoot (GTK_WIDGET (window), "form-confirm", lang, theme, scale);

  click (bk_form_page_get_next_button (page));                 /* Send */
  g_assert_cmpstr (bk_window_get_page_name (window), ==, "receipt");
  /* Let the error banner of the earlier step go, as it does for a citizen. */
  bk_ui_test_iterate (1800);
  shoot (GTK_WIDGET (window), "receipt", lang, theme, scale);

  bk_ui_test_window_destroy (window);
}

static void
test_form_flow (void)
{
  const char * const themes[] = { "standard", "high-contrast-dark" };

  set_language ("de");
  for (guint t = 0; t < G_N_ELEMENTS (themes); t++)
    for (guint s = 0; s < G_N_ELEMENTS (scales); s++)
      {
        bk_settings_set_string (shots.settings, "theme", themes[t]);
        bk_settings_set_int (shots.settings, "text-scale", scales[s]);
        shoot_form_flow ("de", themes[t], scales[s]);
      }
  bk_settings_set_string (shots.settings, "theme", "standard");
  bk_settings_set_int (shots.settings, "text-scale", 100);
}

static void
test_screenshot_set (void)
{
  const char * const *themes = bk_theme_get_names ();
  guint n_themes = g_strv_length ((char **)themes);

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      set_language (languages[l]);
      for (guint t = 0; t < n_themes; t++)
        for (guint s = 0; s < G_N_ELEMENTS (scales); s++)
          {
            bk_settings_set_string (shots.settings, "theme", themes[t]);
            bk_settings_set_int (shots.settings, "text-scale", scales[s]);
            shoot_all_pages (languages[l], themes[t], scales[s]);
          }
    }

  g_test_message ("%u screenshots in %s", shots.written, shots.outdir);
  set_language ("de");
}

/* The theme must change the picture: the start page in two themes differs. */
static void
test_themes_differ (void)
{
  g_autoptr(GBytes) standard = NULL;
  g_autoptr(GBytes) yellow = NULL;
  BkWindow *window;

  bk_settings_set_int (shots.settings, "text-scale", 100);
  window = window_new (shots.store);

  bk_settings_set_string (shots.settings, "theme", "standard");
  bk_ui_test_iterate (150);
  {
    g_autoptr(GdkTexture) texture = bk_ui_test_render (GTK_WIDGET (window));
    standard = gdk_texture_save_to_png_bytes (texture);
  }

  bk_settings_set_string (shots.settings, "theme", "yellow-on-black");
  bk_ui_test_iterate (150);
  {
    g_autoptr(GdkTexture) texture = bk_ui_test_render (GTK_WIDGET (window));
    yellow = gdk_texture_save_to_png_bytes (texture);
  }

  g_assert_false (g_bytes_equal (standard, yellow));
  bk_settings_set_string (shots.settings, "theme", "standard");
  bk_ui_test_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  const char *outdir = g_getenv ("BK_SCREENSHOT_DIR");
  g_autoptr(GArray) ids = NULL;
  int status;

  bk_i18n_init (TRUE);
  bk_ui_test_init (&argc, &argv);

  shots.outdir = g_strdup (outdir ? outdir : "screenshots");
  g_assert_cmpint (g_mkdir_with_parents (shots.outdir, 0755), ==, 0);

  shots.store = bk_ui_test_demo_store_new ();
  ids = bk_store_list_motion_ids (shots.store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, >, 0);
  shots.motion_id = g_array_index (ids, gint64, 0);

  shots.app = bk_ui_test_app_new ();
  g_application_hold (G_APPLICATION (shots.app));
  shots.settings = bk_application_get_settings (shots.app);

  g_test_add_func ("/screenshots/themes-differ", test_themes_differ);
  g_test_add_func ("/screenshots/set", test_screenshot_set);
  g_test_add_func ("/screenshots/form-flow", test_form_flow);

  status = g_test_run ();

  g_application_release (G_APPLICATION (shots.app));
  g_clear_object (&shots.app);
  g_clear_object (&shots.store);
  g_free (shots.outdir);

  return status;
}
