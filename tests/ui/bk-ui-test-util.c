#include "bk-ui-test-util.h"

#include <string.h>
#include <adwaita.h>

#include "bk-demo.h"
#include "bk-import.h"
#include "bk-ui.h"

void
bk_ui_test_init (int    *argc,
                 char ***argv)
{
  gtk_test_init (argc, argv, NULL);
  adw_init ();
  bk_ui_init ();
}

BkApplication *
bk_ui_test_app_new (void)
{
  g_autoptr(GError) error = NULL;
  BkApplication *app = bk_application_new ();

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  bk_application_set_speech_output (app, BK_SPEECH_OUTPUT_MEMORY);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("could not start the application: %s", error->message);
  return app;
}

BkStore *
bk_ui_test_demo_store_new (void)
{
  g_autoptr(GError) error = NULL;
  BkStore *store = bk_store_open (NULL, 0, &error);

  g_assert_no_error (error);
  g_assert_true (bk_demo_seed (store, &error));
  g_assert_no_error (error);
  return store;
}

void
bk_ui_test_add_xzufi (BkStore *store)
{
  g_autofree char *path = g_build_filename (g_getenv ("BK_SOURCE_ROOT"), "tests", "xzufi", "fixtures",
                                            "01-katalog.xml", NULL);
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  g_assert_true (bk_store_add_town (store, BK_UI_TEST_AUENBACH, "Stadt Auenbach", &error));
  g_assert_true (bk_store_add_town (store, BK_UI_TEST_LINDENTAL, "Gemeinde Lindental", &error));
  bk_import_file_full (store, path, BK_IMPORT_FORMAT_AUTO, NULL, NULL, notes, &error);
  g_assert_no_error (error);
}

char *
bk_ui_test_dup_label (GtkWidget *widget)
{
  if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
    return NULL;
  /* check_property returns the actual value when it differs from the
   * expected one, NULL when they are equal: compare with "". */
  return gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, "");
}

static void
collect_text (GtkWidget *widget,
              GString   *text)
{
  if (!gtk_widget_get_visible (widget))
    return;
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (text, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    collect_text (c, text);
}

char *
bk_ui_test_dup_buffer_text (GtkWidget *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

char *
bk_ui_test_dup_text (GtkWidget *widget)
{
  GString *text = g_string_new (NULL);

  collect_text (widget, text);
  return g_string_free (text, FALSE);
}

BkWindow *
bk_ui_test_current_window (BkApplication *app)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  g_assert_cmpuint (g_list_length (windows), ==, 1);
  g_assert_true (BK_IS_WINDOW (windows->data));
  return windows->data;
}

static void
said_utterance_started_cb (BkVoice    *voice,
                           guint       id,
                           const char *text,
                           GPtrArray  *said)
{
  g_test_message ("said: %s", text);
  g_ptr_array_add (said, g_strdup (text));
}

GPtrArray *
bk_ui_test_said_new (BkVoice *voice,
                     gulong  *handler)
{
  GPtrArray *said = g_ptr_array_new_with_free_func (g_free);

  *handler = g_signal_connect (voice, "utterance-started",
                               G_CALLBACK (said_utterance_started_cb), said);
  return said;
}

const char *
bk_ui_test_said_find (GPtrArray  *said,
                      const char *needle)
{
  for (guint i = 0; i < said->len; i++)
    if (strstr (g_ptr_array_index (said, i), needle) != NULL)
      return g_ptr_array_index (said, i);

  return NULL;
}

const char *
bk_ui_test_said_wait (GPtrArray  *said,
                      const char *needle,
                      guint       seconds)
{
  gint64 end = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < end)
    {
      const char *found = bk_ui_test_said_find (said, needle);

      if (found != NULL)
        return found;
      bk_ui_test_iterate (20);
    }

  for (guint i = 0; i < said->len; i++)
    g_test_message ("heard: %s", (char *) g_ptr_array_index (said, i));
  g_test_message ("never heard: %s", needle);
  return NULL;
}

void
bk_ui_test_iterate (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  do
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (5000);
    }
  while (g_get_monotonic_time () < end);
}

void
bk_ui_test_click (GtkWidget *button)
{
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_visible (button) && gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  bk_ui_test_iterate (50);
}

void
bk_ui_test_open_page (BkWindow   *window,
                      const char *action,
                      GVariant   *parameter)
{
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (window), action, parameter));
  bk_ui_test_iterate (100);
}

gboolean
bk_ui_test_activate_shortcut (BkWindow *window,
                              guint     keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == 0)
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                                 GTK_WIDGET (window), gtk_shortcut_get_arguments (shortcut));
        }
    }

  return FALSE;
}

void
bk_ui_test_window_destroy (BkWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  bk_ui_test_iterate (50);
}

BkContext *
bk_ui_test_context_new (BkApplication *app,
                        BkStore       *store)
{
  g_autoptr(BkSettings) settings = NULL;
  g_autoptr(BkVoice) voice = NULL;
  g_autoptr(BkUsage) usage = NULL;

  if (app != NULL)
    return bk_context_new (store, bk_application_get_settings (app),
                           bk_application_get_voice (app), bk_application_get_usage (app));

  settings = bk_settings_new ();
  voice = bk_voice_new (NULL, settings);
  usage = bk_usage_new (settings);
  return bk_context_new (store, settings, voice, usage);
}

static BkWindow *
present (BkWindow *window)
{
  gtk_window_present (GTK_WINDOW (window));
  bk_ui_test_iterate (200);
  return window;
}

BkWindow *
bk_ui_test_window_new (BkStore *store)
{
  g_autoptr(BkContext) context = bk_ui_test_context_new (NULL, store);

  return present (bk_window_new (NULL, context, NULL, NULL));
}

BkWindow *
bk_ui_test_window_new_with_settings (BkStore    *store,
                                     BkSettings *settings)
{
  g_autoptr(BkVoice) voice = bk_voice_new (NULL, settings);
  g_autoptr(BkUsage) usage = bk_usage_new (settings);
  g_autoptr(BkContext) context = bk_context_new (store, settings, voice, usage);

  return present (bk_window_new (NULL, context, NULL, NULL));
}

BkWindow *
bk_ui_test_app_window_new (BkApplication *app,
                           BkStore       *store)
{
  g_autoptr(BkContext) context = bk_ui_test_context_new (app, store);

  return present (bk_window_new (NULL, context, NULL, NULL));
}

GdkTexture *
bk_ui_test_render (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  graphene_rect_t viewport = GRAPHENE_RECT_INIT (0, 0, width, height);

  g_assert_nonnull (renderer);
  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  /* Nothing is drawn while a new layout is pending: wait for the frame. */
  for (guint tries = 0; node == NULL && tries < 100; tries++)
    {
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();

      if (tries > 0)
        bk_ui_test_iterate (20);
      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
    }
  g_assert_nonnull (node);

  return gsk_renderer_render_texture (renderer, node, &viewport);
}

void
bk_ui_test_save_png (GtkWidget  *widget,
                     const char *path)
{
  g_autoptr(GdkTexture) texture = bk_ui_test_render (widget);

  if (!gdk_texture_save_to_png (texture, path))
    g_error ("Could not write %s", path);
}

static void
page_shown_cb (BkWindow   *window,
               const char *page,
               GVariant   *target,
               BkUsage    *usage)
{
  bk_usage_page_shown (usage, page, target);
}

void
bk_ui_test_window_count_usage (BkWindow      *window,
                               BkApplication *app)
{
  g_signal_connect_object (window, "page-shown", G_CALLBACK (page_shown_cb),
                           bk_application_get_usage (app), 0);
}

BkWindow *
bk_ui_test_attached_window_new (BkApplication *app,
                                BkStore       *store,
                                const GError  *error)
{
  g_autoptr(BkContext) context = bk_ui_test_context_new (app, store);
  BkWindow *window = bk_window_new (GTK_APPLICATION (app), context, NULL, error);

  bk_ui_test_window_count_usage (window, app);
  return present (window);
}

static gboolean
in_sight (BkWindow  *window,
          GtkWidget *field)
{
  graphene_rect_t bounds, keyboard, shown;
  GtkWidget *viewport = gtk_widget_get_ancestor (field, GTK_TYPE_VIEWPORT);
  GtkWidget *osk = bk_window_get_keyboard (window);

  if (viewport == NULL ||
      !gtk_widget_compute_bounds (field, GTK_WIDGET (window), &bounds) ||
      !gtk_widget_compute_bounds (osk, GTK_WIDGET (window), &keyboard) ||
      !gtk_widget_compute_bounds (viewport, GTK_WIDGET (window), &shown))
    return FALSE;

  g_test_message ("%s at y %.0f, %.0f high; the page shows %.0f to %.0f, the keyboard starts at %.0f",
                  G_OBJECT_TYPE_NAME (field), bounds.origin.y, bounds.size.height,
                  shown.origin.y, shown.origin.y + shown.size.height, keyboard.origin.y);
  return bounds.origin.y >= shown.origin.y - 1 &&
         bounds.origin.y + MIN (bounds.size.height, 64) <=
           MIN (keyboard.origin.y, shown.origin.y + shown.size.height) + 1;
}

gboolean
bk_ui_test_wait_in_sight (BkWindow  *window,
                          GtkWidget *field)
{
  gint64 end = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;

  while (!in_sight (window, field) && g_get_monotonic_time () < end)
    bk_ui_test_iterate (50);
  return in_sight (window, field);
}

gboolean
bk_ui_test_xdotool (const char *args)
{
  g_autofree char *command = g_strdup_printf ("xdotool %s", args);
  int status = -1;

  if (!g_spawn_command_line_sync (command, NULL, NULL, &status, NULL))
    return FALSE;
  return g_spawn_check_wait_status (status, NULL);
}

gboolean
bk_ui_test_have_xdotool (void)
{
  g_autofree char *path = g_find_program_in_path ("xdotool");

  if (path == NULL || g_getenv ("DISPLAY") == NULL)
    {
      g_test_skip ("needs xdotool and an X display");
      return FALSE;
    }
  return TRUE;
}
