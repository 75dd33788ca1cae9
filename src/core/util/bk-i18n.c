/* bk-i18n.c: languages of the interface
 *
 * Binds the message catalogue and switches the interface language at
 * runtime; the kiosk changes language without a restart.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-i18n"

#include "bk-config.h"

#include <locale.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "bk-i18n.h"

#ifdef __GLIBC__
/* glibc's catalogue generation: bumping it makes gettext look the
 * translations up again, as after a setlocale () (the documented way to
 * switch LANGUAGE at runtime, in the gettext manual). */
extern int _nl_msg_cat_cntr;
#endif

static gboolean follows_setting;

static const struct {
  const char *code;
  const char *native_name;
} languages[] = {
  { "de", "Deutsch" },
  { "en", "English" },
  { "tr", "Türkçe" },
  { "ar", "العربية" },
  { "uk", "Українська" },
};

static gboolean
is_c_locale (const char *value)
{
  return value == NULL || value[0] == '\0' ||
         strcmp (value, "C") == 0 || strcmp (value, "POSIX") == 0 ||
         g_str_has_prefix (value, "C.");
}

static gboolean
environment_selects_language (void)
{
  const char *language = g_getenv ("LANGUAGE");
  const char *vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };

  if (language != NULL && language[0] != '\0' && !is_c_locale (language))
    return TRUE;
  /* The first one that is set decides, as in setlocale (). */
  for (guint i = 0; i < G_N_ELEMENTS (vars); i++)
    {
      const char *value = g_getenv (vars[i]);

      if (value != NULL && value[0] != '\0')
        return !is_c_locale (value);
    }
  return FALSE;
}

static const char *
pick_locale_dir (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *build_root = g_path_get_dirname (BUILD_LOCALEDIR);
  g_autofree char *prefix = g_strconcat (build_root, G_DIR_SEPARATOR_S, NULL);
  g_autofree char *catalogue = NULL;

  if (exe == NULL || !g_str_has_prefix (exe, prefix))
    return LOCALEDIR;
  catalogue = g_build_filename (BUILD_LOCALEDIR, "de", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  return g_file_test (catalogue, G_FILE_TEST_IS_REGULAR) ? BUILD_LOCALEDIR : LOCALEDIR;
}

static void
invalidate_catalogues (void)
{
#ifdef __GLIBC__
  ++_nl_msg_cat_cntr;
#endif
}

/* GLib decides once per run whether g_dgettext () (and so C_ () and
 * NC_ ()) translates at all: not when its first call finds no catalogue
 * for the language, as for English. The kiosk switches languages later, so
 * that first call is made here, with German's catalogue selected. */
static void
prime_glib_translation (void)
{
  g_autofree char *language = g_strdup (g_getenv ("LANGUAGE"));

  g_setenv ("LANGUAGE", "de", TRUE);
  invalidate_catalogues ();
  (void) g_dgettext (GETTEXT_PACKAGE, "");
  if (language != NULL)
    g_setenv ("LANGUAGE", language, TRUE);
  else
    g_unsetenv ("LANGUAGE");
  invalidate_catalogues ();
}

void
bk_i18n_init (gboolean prefer_german)
{
  gboolean default_language = prefer_german && !environment_selects_language ();
  const char *locale;

  follows_setting = default_language;
  if (default_language)
    g_setenv ("LANGUAGE", "de", TRUE);
  locale = setlocale (LC_ALL, "");
  /* gettext ignores LANGUAGE in the plain C locale: use its UTF-8 variant. */
  if (locale == NULL || strcmp (locale, "C") == 0 || strcmp (locale, "POSIX") == 0)
    setlocale (LC_ALL, "C.UTF-8");
  bindtextdomain (GETTEXT_PACKAGE, pick_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  prime_glib_translation ();
}

gboolean
bk_i18n_follows_setting (void)
{
  return follows_setting;
}

void
bk_i18n_set_language (const char *code,
                      gboolean    easy_read)
{
  g_return_if_fail (code != NULL);

  if (bk_i18n_get_native_name (code) == NULL)
    {
      g_warning ("Language “%s” is not one of the kiosk's languages; ignored", code);
      return;
    }

  /* Easy-read exists in German only; gettext falls back from de@easy to de
   * for a string the easy-read catalogue lacks. */
  if (easy_read && strcmp (code, "de") == 0)
    g_setenv ("LANGUAGE", "de@easy:de", TRUE);
  else
    g_setenv ("LANGUAGE", code, TRUE);
  invalidate_catalogues ();
}

gboolean
bk_i18n_language_is_rtl (const char *code)
{
  return g_strcmp0 (code, "ar") == 0;
}

const char *
bk_i18n_get_native_name (const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_strcmp0 (languages[i].code, code) == 0)
      return languages[i].native_name;
  return NULL;
}
