#include "bk-config.h"

#include <locale.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "bk-i18n.h"

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

void
bk_i18n_init (gboolean prefer_german)
{
  gboolean default_language = prefer_german && !environment_selects_language ();
  const char *locale;

  if (default_language)
    g_setenv ("LANGUAGE", "de", TRUE);
  locale = setlocale (LC_ALL, "");
  /* gettext ignores LANGUAGE in the plain C locale: use its UTF-8 variant. */
  if (locale == NULL || strcmp (locale, "C") == 0 || strcmp (locale, "POSIX") == 0)
    setlocale (LC_ALL, "C.UTF-8");
  bindtextdomain (GETTEXT_PACKAGE, pick_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
