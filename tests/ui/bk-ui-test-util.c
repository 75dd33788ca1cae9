#include "bk-ui-test-util.h"

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
bk_ui_test_open_page (BkWindow   *window,
                      const char *action,
                      GVariant   *parameter)
{
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (window), action, parameter));
  bk_ui_test_iterate (100);
}

void
bk_ui_test_window_destroy (BkWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  bk_ui_test_iterate (50);
}

BkWindow *
bk_ui_test_window_new (BkStore *store)
{
  BkWindow *window = bk_window_new (NULL, store, NULL);

  gtk_window_present (GTK_WINDOW (window));
  bk_ui_test_iterate (200);
  return window;
}
