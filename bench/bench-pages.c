/* bench-pages: where a page switch spends the kiosk's CPU, page by page.
 *
 *   bench-pages [ROUNDS] [voice]
 *
 * Builds the kiosk window (BkWindow, demo content in memory; silent voice, or
 * with "voice" the kiosk's speech into memory, as page-switch.sh runs it)
 * at 1280×800 and shows every page a citizen reaches, each ROUNDS times in a
 * fresh window. For each it takes the CPU time of the main thread (not the
 * wall clock: the machine is shared) for: showing the page (the page's own
 * work: loading, building widgets), GTK's measuring of the window as its X11
 * backend does after every change (width without limit, then height for
 * 1280 — toplevel compute-size), and the rest of the frame (allocation,
 * snapshot, cairo rendering), and lists the labels that cost most to
 * measure. Run under Xvfb with GSK_RENDERER=cairo (bench/page-cpu.sh).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdlib.h>
#include <time.h>
#include <adwaita.h>

#include "bench-frames.h"
#include "bk-context.h"
#include "bk-demo.h"
#include "bk-i18n.h"
#include "bk-speech.h"
#include "bk-store.h"
#include "bk-ui.h"
#include "bk-window-private.h"

static double layout_end, paint_end;

static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

/* Connected after GTK's own: the phase has just ended. */
static void
layout_cb (GdkFrameClock *clock,
           gpointer       data)
{
  layout_end = cpu_ms ();
}

static void
paint_cb (GdkFrameClock *clock,
          gpointer       data)
{
  paint_end = cpu_ms ();
}

typedef struct
{
  double      ms;
  char       *text;
  int         width_chars;
  PangoWrapMode wrap_mode;
} LabelCost;

static void
label_cost_free (gpointer data)
{
  LabelCost *cost = data;

  g_free (cost->text);
  g_free (cost);
}

/* Every visible label under widget measured alone, width without limit. */
static void
cost_labels (GtkWidget *widget,
             GPtrArray *costs)
{
  if (!gtk_widget_get_visible (widget))
    return;
  if (GTK_IS_LABEL (widget))
    {
      LabelCost *cost = g_new0 (LabelCost, 1);
      double start = cpu_ms ();
      int min, nat;

      gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
      cost->ms = cpu_ms () - start;
      cost->text = g_utf8_substring (gtk_label_get_text (GTK_LABEL (widget)), 0, 50);
      cost->width_chars = gtk_label_get_width_chars (GTK_LABEL (widget));
      cost->wrap_mode = gtk_label_get_wrap (GTK_LABEL (widget)) ? (int) gtk_label_get_wrap_mode (GTK_LABEL (widget)) : -1;
      g_ptr_array_add (costs, cost);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    cost_labels (child, costs);
}

static int
by_cost (gconstpointer a,
         gconstpointer b)
{
  const LabelCost *x = *(LabelCost **) a, *y = *(LabelCost **) b;

  return x->ms < y->ms ? 1 : x->ms > y->ms ? -1 : 0;
}

typedef struct
{
  const char *label;
  const char *action;
  const char *target;   /* GVariant text, or NULL */
} Step;

int
main (int   argc,
      char *argv[])
{
  static const Step steps[] = {
    { "services", "win.show-services", NULL },
    { "service", "win.open-service", "'personalausweis-stadt-auenbach'" },
    { "motions", "win.show-motions", NULL },
    { "motion", "win.open-motion", NULL },
    { "glossary", "win.show-glossary", "''" },
    { "tutorial", "win.show-tutorial", NULL },
    { "accessibility", "win.show-accessibility", NULL },
    { "home", "win.home", NULL },
  };
  int rounds = argc > 1 ? atoi (argv[1]) : 3;
  g_autoptr(GError) error = NULL;
  g_autoptr(BkStore) store = NULL;
  g_autoptr(BkSettings) settings = NULL;
  g_autoptr(BkSpeech) speech = NULL;
  g_autoptr(BkVoice) voice = NULL;
  g_autoptr(BkUsage) usage = NULL;
  g_autoptr(BkContext) context = NULL;
  g_autoptr(GArray) motions = NULL;
  gint64 motion_id;

  bk_i18n_init (TRUE);
  gtk_init ();
  adw_init ();
  bk_ui_init ();

  store = bk_store_open (NULL, 0, &error);
  if (store == NULL || !bk_demo_seed (store, &error))
    g_error ("demo store: %s", error->message);
  motions = bk_store_list_motion_ids (store, NULL, &error);
  motion_id = motions && motions->len > 0 ? g_array_index (motions, gint64, 0) : 1;
  settings = bk_settings_new ();
  if (argc > 2 && g_str_equal (argv[2], "voice"))
    {
      speech = bk_speech_new (BK_SPEECH_OUTPUT_MEMORY, &error);
      if (speech == NULL)
        g_error ("speech: %s", error->message);
    }
  voice = bk_voice_new (speech, settings);
  usage = bk_usage_new (settings);
  context = bk_context_new (store, settings, voice, usage);

  g_print ("%-14s %9s %9s %9s %9s %9s  (CPU ms of the main thread, median of %d)\n",
           "page", "show", "width", "height", "frame", "total", rounds);
  for (guint s = 0; s < G_N_ELEMENTS (steps); s++)
    {
      g_autoptr(GArray) show = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) width = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) height = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) frame = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) layout = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) paint = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GPtrArray) costs = g_ptr_array_new_with_free_func (label_cost_free);

      for (int r = 0; r < rounds; r++)
        {
          BkWindow *window = bk_window_new (NULL, context, NULL, NULL);
          g_autoptr(GVariant) target = NULL;
          double t0, t1, t2, t3, t4;
          int min, nat;

          gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
          gtk_window_present (GTK_WINDOW (window));
          bench_frames_watch (GTK_WIDGET (window));
          g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "layout",
                            G_CALLBACK (layout_cb), NULL);
          g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "paint",
                            G_CALLBACK (paint_cb), NULL);
          bench_wait_for_paint (1000, FALSE);
          bench_settle (300);

          if (steps[s].target != NULL)
            target = g_variant_ref_sink (g_variant_parse (NULL, steps[s].target, NULL, NULL, NULL));
          else if (g_str_equal (steps[s].label, "motion"))
            target = g_variant_ref_sink (g_variant_new_int64 (motion_id));

          t0 = cpu_ms ();
          gtk_widget_activate_action_variant (GTK_WIDGET (window), steps[s].action, target);
          t1 = cpu_ms ();
          if (r == 0)
            cost_labels (bk_window_get_page (window, bk_window_get_page_name (window)), costs);
          t2 = cpu_ms ();
          gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
          t3 = cpu_ms ();
          gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_VERTICAL, 1280, &min, &nat, NULL, NULL);
          t4 = cpu_ms ();
          layout_end = paint_end = 0;
          bench_wait_for_paint (1000, FALSE);
            {
              double v;

              v = t1 - t0; g_array_append_val (show, v);
              v = (t3 - t2) + (r == 0 ? t2 - t1 : 0); g_array_append_val (width, v);
              v = t4 - t3; g_array_append_val (height, v);
              v = cpu_ms () - t4; g_array_append_val (frame, v);
              v = layout_end > 0 ? layout_end - t4 : 0; g_array_append_val (layout, v);
              v = paint_end > 0 && layout_end > 0 ? paint_end - layout_end : 0; g_array_append_val (paint, v);
            }
          gtk_window_destroy (GTK_WINDOW (window));
          bench_settle (100);
        }

      {
        double m[6];
        GArray *arrays[6] = { show, width, height, frame, layout, paint };

        for (int i = 0; i < 6; i++)
          {
            double *v = (double *) arrays[i]->data;
            int n = arrays[i]->len;

            for (int x = 0; x < n; x++)
              for (int y = x + 1; y < n; y++)
                if (v[y] < v[x]) { double t = v[x]; v[x] = v[y]; v[y] = t; }
            m[i] = n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
          }
        g_print ("%-14s %9.1f %9.1f %9.1f %9.1f %9.1f   (frame: to layout end %.1f, paint %.1f)\n",
                 steps[s].label, m[0], m[1], m[2], m[3], m[0] + m[1] + m[2] + m[3], m[4], m[5]);
      }
      g_ptr_array_sort (costs, by_cost);
      for (guint i = 0; i < MIN (costs->len, 6u); i++)
        {
          LabelCost *c = g_ptr_array_index (costs, i);

          g_print ("    %6.2f ms  wrap %d wch %d  %s\n", c->ms, c->wrap_mode, c->width_chars, c->text);
        }
    }

  return 0;
}
