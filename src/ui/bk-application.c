/* bk-application.c: the kiosk application
 *
 * Handles the command line (--version, --db PATH), opens the store on
 * activation and shows the window. If the store cannot be opened, the window
 * shows why instead of the motions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-application"

#include "bk-config.h"

#include <glib/gi18n.h>

#include "bk-application.h"
#include "bk-demo.h"
#include "bk-ui.h"
#include "bk-window.h"

struct _BkApplication
{
  AdwApplication  parent_instance;

  BkSettings     *settings;
  char           *database_path;
};

G_DEFINE_FINAL_TYPE (BkApplication, bk_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and quit"), NULL },
  { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Use the database at PATH"), N_("PATH") },
  { NULL }
};

static int
bk_application_handle_local_options (GApplication *application,
                                     GVariantDict *options)
{
  BkApplication *self = BK_APPLICATION (application);
  const char *path = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("buergerkiosk %s\n", PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_lookup (options, "db", "^&ay", &path) && path != NULL && path[0] != '\0')
    {
      g_free (self->database_path);
      self->database_path = g_strdup (path);
    }

  return -1;
}

static void
bk_application_startup (GApplication *application)
{
  G_APPLICATION_CLASS (bk_application_parent_class)->startup (application);

  bk_ui_init ();

  /* Text blocks are selectable so that they can be reached with the keyboard;
   * focusing one must not select all of its text. */
  g_object_set (gtk_settings_get_default (),
                "gtk-label-select-on-focus", FALSE,
                NULL);

  gtk_window_set_default_icon_name (APP_ID);
}

static void
bk_application_activate (GApplication *application)
{
  BkApplication *self = BK_APPLICATION (application);
  g_autoptr(BkStore) store = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *window;
  const char *path;

  window = gtk_application_get_active_window (GTK_APPLICATION (application));
  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  path = bk_application_get_database_path (self);
  store = bk_demo_open_store (path, &error);
  if (store == NULL)
    g_warning ("Could not open the database %s: %s",
               path ? path : "(default)",
               error ? error->message : "unknown error");

  window = GTK_WINDOW (bk_window_new (GTK_APPLICATION (application), store, error));
  gtk_window_present (window);
}

static void
bk_application_finalize (GObject *object)
{
  BkApplication *self = (BkApplication *)object;

  g_clear_object (&self->settings);
  g_clear_pointer (&self->database_path, g_free);

  G_OBJECT_CLASS (bk_application_parent_class)->finalize (object);
}

static void
bk_application_class_init (BkApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = bk_application_finalize;
  application_class->handle_local_options = bk_application_handle_local_options;
  application_class->startup = bk_application_startup;
  application_class->activate = bk_application_activate;
}

static void
bk_application_init (BkApplication *self)
{
  self->settings = bk_settings_new ();

  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("A barrier-free kiosk for citizens: read what the councils decide."));
}

BkApplication *
bk_application_new (void)
{
  return g_object_new (BK_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       NULL);
}

BkSettings *
bk_application_get_settings (BkApplication *self)
{
  g_return_val_if_fail (BK_IS_APPLICATION (self), NULL);

  return self->settings;
}

/* The database from --db, else from the settings; NULL means the default. */
const char *
bk_application_get_database_path (BkApplication *self)
{
  const char *path;

  g_return_val_if_fail (BK_IS_APPLICATION (self), NULL);

  if (self->database_path != NULL)
    return self->database_path;

  path = bk_settings_get_database_path (self->settings);
  if (path != NULL && path[0] != '\0')
    return path;

  return NULL;
}
