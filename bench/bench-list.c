/* bench-list: memory of the kiosk's motion list while scrolling from top to bottom.
 *
 *   bench-list DB [STEP_PAGES]
 *
 * Shows the kiosk's own list page (BkMotionListPage: search entry, filters and
 * the GtkListView over BkMotionListModel, with the kiosk's BkMotionRow rows) over
 * the store DB in a 1280×1024 window, then scrolls from the top to the bottom
 * by setting the GtkScrolledWindow's vertical adjustment STEP_PAGES page
 * heights further each time (default 1: every row is shown once) and waiting
 * for the frame to be painted. Samples VmRSS from /proc/self/status after the
 * first frame, during the scroll (peak) and at the end.
 * Run under Xvfb with GSK_RENDERER=cairo (bench/list-memory.sh does).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdlib.h>
#include <string.h>
#include <adwaita.h>

#include "bench-frames.h"
#include "bench-gen.h"
#include "bk-motion-list-model.h"
#include "bk-context.h"
#include "bk-motion-list-page-private.h"
#include "bk-store.h"
#include "bk-ui.h"


static double
status_kb (const char *key)
{
  g_autofree char *text = NULL;
  const char *p;

  if (!g_file_get_contents ("/proc/self/status", &text, NULL, NULL))
    return 0;
  p = strstr (text, key);
  return p ? g_ascii_strtod (p + strlen (key) + 1, NULL) : 0;
}

static double
rss_mb (void)
{
  return status_kb ("VmRSS") / 1024.0;
}

/* Until a new frame was painted (or 500 ms passed), then what it queued
 * (item loading). */
static gboolean
wait_for_paint (void)
{
  return bench_wait_for_paint (500, TRUE);
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BkStore) store = NULL;
  GtkWidget *window, *page, *list, *scrolled;
  GtkAdjustment *adj;
  double step_pages = 1, rss_start, rss_shown, rss_peak = 0, rss_end, t0, t_scroll;
  guint steps = 0, stuck = 0, timeouts = 0, n_items;
  BkMotionListModel *model;

  g_setenv ("CHARSET", "UTF-8", TRUE);
  if (argc < 2)
    {
      g_printerr ("usage: bench-list DB [STEP_PAGES]\n");
      return 2;
    }
  if (argc > 2)
    step_pages = g_ascii_strtod (argv[2], NULL);

  gtk_init ();
  adw_init ();
  bk_ui_init ();

  store = bk_store_open (argv[1], BK_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  rss_start = rss_mb ();

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 1024);
  {
    g_autoptr(BkSettings) settings = bk_settings_new ();
    g_autoptr(BkVoice) voice = bk_voice_new (NULL, settings);
    g_autoptr(BkUsage) usage = bk_usage_new (settings);
    g_autoptr(BkContext) context = bk_context_new (store, settings, voice, usage);

    page = g_object_new (BK_TYPE_MOTION_LIST_PAGE, "context", context, NULL);
  }
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  while (gtk_widget_get_frame_clock (window) == NULL)
    g_main_context_iteration (NULL, TRUE);
  bench_frames_watch (window);
  for (int i = 0; i < 3; i++)
    wait_for_paint ();
  rss_shown = rss_mb ();

  model = bk_motion_list_page_get_model (BK_MOTION_LIST_PAGE (page));
  n_items = g_list_model_get_n_items (G_LIST_MODEL (model));
  list = bk_motion_list_page_get_list_view (BK_MOTION_LIST_PAGE (page));
  scrolled = gtk_widget_get_ancestor (list, GTK_TYPE_SCROLLED_WINDOW);
  if (scrolled == NULL)
    g_error ("the list view is not in a GtkScrolledWindow");
  adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  g_print ("%u motions in the list; first frame: RSS %.1f MB (%.1f MB before the window)\n",
           n_items, rss_shown, rss_start);

  t0 = bench_now ();
  while (stuck < 3)
    {
      double value = gtk_adjustment_get_value (adj);
      double bottom = gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj);
      double next = MIN (bottom, value + step_pages * gtk_adjustment_get_page_size (adj));

      if (value >= bottom - 0.5)
        {
          /* at the bottom: the estimated height may still grow, so look again */
          stuck++;
          if (!wait_for_paint ())
            timeouts++;
          continue;
        }
      stuck = 0;
      gtk_adjustment_set_value (adj, next);
      if (!wait_for_paint ())
        timeouts++;
      steps++;
      if (steps % 25 == 0)
        {
          double rss = rss_mb ();

          rss_peak = MAX (rss_peak, rss);
          if (steps % 1000 == 0)
            g_print ("  step %u: at %.0f of %.0f px, RSS %.1f MB\n", steps,
                     gtk_adjustment_get_value (adj), gtk_adjustment_get_upper (adj), rss);
        }
    }
  t_scroll = bench_now () - t0;
  rss_end = rss_mb ();
  rss_peak = MAX (rss_peak, rss_end);

  g_print ("scrolled to the bottom in %u steps of %.2f pages (%.0f px each) in %.1f s, %u frames without paint\n",
           steps, step_pages, step_pages * gtk_adjustment_get_page_size (adj), t_scroll, timeouts);
  g_print ("items created by the model: %u; RSS at the end %.1f MB, peak while scrolling %.1f MB, VmHWM %.1f MB\n",
           bk_motion_list_model_get_n_materialized (model), rss_end, rss_peak, status_kb ("VmHWM") / 1024.0);
  g_print ("RESULT list.items %u\n", n_items);
  g_print ("RESULT list.steps %u\n", steps);
  g_print ("RESULT list.scroll_s %.1f\n", t_scroll);
  g_print ("RESULT list.materialized %u\n", bk_motion_list_model_get_n_materialized (model));
  g_print ("RESULT list.rss_start_mb %.1f\n", rss_start);
  g_print ("RESULT list.rss_shown_mb %.1f\n", rss_shown);
  g_print ("RESULT list.rss_peak_mb %.1f\n", rss_peak);
  g_print ("RESULT list.rss_end_mb %.1f\n", rss_end);
  g_print ("RESULT list.hwm_mb %.1f\n", status_kb ("VmHWM") / 1024.0);
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
