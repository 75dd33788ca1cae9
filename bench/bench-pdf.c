/* bench-pdf: how long a paper's PDF takes to read
 *
 *   bench-pdf make PATH PAGES     writes a PDF of PAGES pages with a text layer
 *                                 (cairo): title, resolution, reasons, a running
 *                                 header and page numbers, 40 lines a page
 *   bench-pdf read PATH RUNS      bk_paper_read_data on it RUNS times (one
 *                                 untimed warm-up first), the file read into
 *                                 memory beforehand; the PDF text alone too
 *
 * Prints one line per run and RESULT lines with the median.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdlib.h>
#include <string.h>

#include <cairo.h>
#include <cairo-pdf.h>

#include "bench-gen.h"
#include "bk-paper-reader.h"
#include "bk-pdf-text.h"

static int
make_pdf (const char *path, guint pages)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595, 842);
  cairo_t *cr = cairo_create (surface);

  cairo_select_font_face (cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  for (guint p = 0; p < pages; p++)
    {
      g_autofree char *number = g_strdup_printf ("Seite %u von %u", p + 1, pages);
      double y = 110;

      cairo_set_font_size (cr, 9);
      cairo_move_to (cr, 60, 50);
      cairo_show_text (cr, "Kreistag Beispielkreis – Drucksache 12/0777");
      cairo_move_to (cr, 450, 815);
      cairo_show_text (cr, number);
      cairo_set_font_size (cr, 11);
      if (p == 0)
        {
          static const char *const head[] = {
            "Betreff: Radverkehrskonzept für den Landkreis", "", "Beschlussvorschlag:", "",
            "1. Der Kreistag beschließt das Radverkehrskonzept.",
            "2. Die Verwaltung setzt die ersten Maßnahmen 2027 um.", "", "Begründung:", "", NULL
          };

          for (guint i = 0; head[i] != NULL; i++, y += 15)
            {
              cairo_move_to (cr, 60, y);
              cairo_show_text (cr, head[i]);
            }
        }
      for (guint k = 0; k < 40 && y < 780; k++, y += 15)
        {
          g_autofree char *line = g_strdup_printf ("Abschnitt %u, Zeile %u: Der Radweg zwischen den "
                                                   "Orten wird verbreitert und beleuchtet.", p + 1, k + 1);

          if (k % 8 == 7)
            y += 10;
          cairo_move_to (cr, 60, y);
          cairo_show_text (cr, line);
        }
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    g_error ("cannot write %s", path);
  cairo_surface_destroy (surface);
  g_print ("wrote %s (%u pages)\n", path, pages);
  return 0;
}

static int
read_pdf (const char *path, guint runs)
{
  g_autofree char *data = NULL;
  gsize len = 0;
  g_autoptr(GArray) whole = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) text_only = g_array_new (FALSE, FALSE, sizeof (double));

  if (!g_file_get_contents (path, &data, &len, NULL))
    g_error ("cannot read %s", path);
  for (guint r = 0; r <= runs; r++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BkMotion) m = NULL;
      g_autofree char *text = NULL;
      BkPdfTextInfo info = { 0 };
      double t0 = bench_now (), t1, t2;

      text = bk_pdf_text_extract (data, len, &info, &error);
      t1 = bench_now () - t0;
      bk_pdf_text_info_clear (&info);
      if (text == NULL)
        g_error ("%s: %s", path, error->message);
      t0 = bench_now ();
      m = bk_paper_read_data (data, len, path, BK_PAPER_FORMAT_PDF, &error);
      t2 = bench_now () - t0;
      if (m == NULL)
        g_error ("%s", error->message);
      if (r == 0)
        continue;   /* warm-up: fonts, the parser's first allocations */
      g_array_append_val (text_only, t1);
      g_array_append_val (whole, t2);
      g_print ("run %u: text %.4f s, paper %.4f s (%u points, subject “%s”)\n", r, t1, t2,
               m->resolution_points->len, m->subject);
    }
  g_print ("RESULT pdf.runs %u\n", runs);
  g_print ("RESULT pdf.text_median_s %.4f\n", bench_percentile (text_only, 50));
  g_print ("RESULT pdf.paper_median_s %.4f\n", bench_percentile (whole, 50));
  g_print ("RESULT pdf.paper_max_s %.4f\n", bench_percentile (whole, 100));
  return 0;
}

int
main (int argc, char **argv)
{
  g_setenv ("CHARSET", "UTF-8", TRUE);
  if (argc == 4 && strcmp (argv[1], "make") == 0)
    return make_pdf (argv[2], (guint) atoi (argv[3]));
  if (argc == 4 && strcmp (argv[1], "read") == 0)
    return read_pdf (argv[2], (guint) atoi (argv[3]));
  g_printerr ("usage: bench-pdf make PATH PAGES | read PATH RUNS\n");
  return 2;
}
