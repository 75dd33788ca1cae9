/* bench-import: in-process import and parsing throughput.
 *
 *   bench-import oparl DIR RUNS DB        bk_import_file on every *.json of DIR in
 *                                         name order, each in its own transaction
 *   bench-import oparl-chain DIR RUNS DB  the same, but of the paper pages only the
 *                                         first, which reaches the others by links.next
 *   bench-import parse DIR RUNS           bk_text_parser_parse over every file of DIR,
 *                                         read into memory beforehand
 *
 * Each run starts from an empty file database DB (deleted first). Prints one
 * line per run and RESULT lines with the median.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdlib.h>
#include <string.h>
#include <glib/gstdio.h>

#include "bench-gen.h"
#include "bk-import.h"
#include "bk-store.h"
#include "bk-text-parser.h"

static int
cmp_str (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char **) a, *(char **) b);
}

static GPtrArray *
list_dir (const char *dir, const char *suffix)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (d == NULL)
    g_error ("cannot open %s", dir);
  while ((name = g_dir_read_name (d)) != NULL)
    if (suffix == NULL || g_str_has_suffix (name, suffix))
      g_ptr_array_add (names, g_build_filename (dir, name, NULL));
  g_ptr_array_sort (names, cmp_str);
  return names;
}

static int
bench_oparl (const char *dir, guint runs, const char *db, gboolean chain)
{
  g_autoptr(GPtrArray) files = list_dir (dir, ".json");
  g_autoptr(GArray) rates = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) secs = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) paper_rates = g_array_new (FALSE, FALSE, sizeof (double));
  guint papers = 0;

  for (guint r = 0; r < runs; r++)
    {
      g_autoptr(BkStore) store = NULL;
      g_autoptr(GError) error = NULL;
      double t0, t, rate, t_papers = 0;
      gboolean first_page = TRUE;

      bench_remove_db (db);
      store = bk_store_open (db, BK_STORE_OPEN_DEFAULT, &error);
      if (store == NULL)
        g_error ("%s", error->message);
      t0 = bench_now ();
      for (guint i = 0; i < files->len; i++)
        {
          const char *path = g_ptr_array_index (files, i);
          g_autofree char *base = g_path_get_basename (path);
          double t1;

          if (chain && g_str_has_prefix (base, "papers-"))
            {
              if (!first_page)
                continue;
              first_page = FALSE;
            }
          t1 = bench_now ();
          if (!bk_import_file (store, path, BK_IMPORT_FORMAT_AUTO, NULL, &error))
            g_error ("%s", error->message);
          if (g_str_has_prefix (base, "papers-"))
            t_papers += bench_now () - t1;
        }
      t = bench_now () - t0;
      papers = bk_store_count_motions (store);
      rate = papers / t;
      g_array_append_val (rates, rate);
      g_array_append_val (secs, t);
      {
        double pr = papers / t_papers;
        g_array_append_val (paper_rates, pr);
      }
      g_print ("run %u: %u papers in %.3f s = %.0f papers/s (paper pages alone: %.3f s = %.0f papers/s)\n",
               r + 1, papers, t, rate, t_papers, papers / t_papers);
    }
  g_print ("RESULT import.%s.papers %u\n", chain ? "chain" : "files", papers);
  g_print ("RESULT import.%s.runs %u\n", chain ? "chain" : "files", runs);
  g_print ("RESULT import.%s.median_s %.3f\n", chain ? "chain" : "files", bench_percentile (secs, 50));
  g_print ("RESULT import.%s.papers_per_s %.0f\n", chain ? "chain" : "files", bench_percentile (rates, 50));
  g_print ("RESULT import.%s.papers_per_s_min %.0f\n", chain ? "chain" : "files", bench_percentile (rates, 0));
  g_print ("RESULT import.%s.paper_pages_per_s %.0f\n", chain ? "chain" : "files", bench_percentile (paper_rates, 50));
  bench_remove_db (db);
  return 0;
}

static int
bench_parse (const char *dir, guint runs)
{
  g_autoptr(GPtrArray) files = list_dir (dir, NULL);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) rates = g_array_new (FALSE, FALSE, sizeof (double));
  guint ok = 0, failed = 0;
  gsize bytes = 0;

  for (guint i = 0; i < files->len; i++)
    {
      char *text = NULL;
      gsize len;

      if (!g_file_get_contents (g_ptr_array_index (files, i), &text, &len, NULL))
        g_error ("cannot read %s", (char *) g_ptr_array_index (files, i));
      bytes += len;
      g_ptr_array_add (texts, text);
    }
  g_print ("%u files, %.1f MB\n", texts->len, bytes / 1e6);
  for (guint r = 0; r < runs; r++)
    {
      double t0 = bench_now (), t, rate;

      ok = failed = 0;
      for (guint i = 0; i < texts->len; i++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(BkMotion) m = bk_text_parser_parse (g_ptr_array_index (texts, i), -1, &error);

          if (m != NULL && m->subject != NULL)
            ok++;
          else
            {
              if (failed++ == 0 && r == 0)
                g_print ("first failure: %s: %s\n", (char *) g_ptr_array_index (files, i),
                         error ? error->message : "no subject");
            }
        }
      t = bench_now () - t0;
      rate = texts->len / t;
      g_array_append_val (rates, rate);
      g_print ("run %u: %u files in %.3f s = %.0f files/s (%u with a subject, %u failed)\n",
               r + 1, texts->len, t, rate, ok, failed);
    }
  g_print ("RESULT parse.files %u\n", texts->len);
  g_print ("RESULT parse.ok %u\n", ok);
  g_print ("RESULT parse.failed %u\n", failed);
  g_print ("RESULT parse.runs %u\n", runs);
  g_print ("RESULT parse.files_per_s %.0f\n", bench_percentile (rates, 50));
  g_print ("RESULT parse.files_per_s_min %.0f\n", bench_percentile (rates, 0));
  return failed == texts->len ? 3 : 0;
}

int
main (int argc, char **argv)
{
  g_setenv ("CHARSET", "UTF-8", TRUE);
  if (argc == 5 && strcmp (argv[1], "oparl") == 0)
    return bench_oparl (argv[2], atoi (argv[3]), argv[4], FALSE);
  if (argc == 5 && strcmp (argv[1], "oparl-chain") == 0)
    return bench_oparl (argv[2], atoi (argv[3]), argv[4], TRUE);
  if (argc == 4 && strcmp (argv[1], "parse") == 0)
    return bench_parse (argv[2], atoi (argv[3]));
  g_printerr ("usage: bench-import oparl|oparl-chain DIR RUNS DB | parse DIR RUNS\n");
  return 2;
}
