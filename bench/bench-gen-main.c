/* bench-gen: writes the benchmarks' generated input.
 *
 *   bench-gen db PATH N            a store with N motions (bk_store_save_motion, one transaction)
 *   bench-gen texts DIR N          N motion texts in the three text layouts
 *   bench-gen oparl DIR PAGES PER_PAGE [chain]   an OParl 1.1 folder
 *   bench-gen queries N            the search query set, one a line
 *   bench-gen sample N             the first N motions of `db` as JSON lines
 *
 * Fixed seed (BENCH_SEED overrides), so the output is the same every time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdlib.h>
#include <string.h>
#include <glib/gstdio.h>

#include <sqlite3.h>

#include "bench-gen.h"
#include "bk-store.h"

/* A bigger page cache for the connection the store opens: one transaction of
 * 100 000 motions otherwise rereads its own pages from the WAL file again and
 * again with SQLite's default 2 MB cache (tens of GB of reads). Only the
 * generator does this; the benchmarks use the store as it is. */
static int cache_mb = 256;

static int
raise_cache (sqlite3 *db, char **err, const void *api)
{
  char *sql = sqlite3_mprintf ("PRAGMA cache_size = -%d", cache_mb * 1024);

  sqlite3_exec (db, sql, NULL, NULL, NULL);
  sqlite3_free (sql);
  return SQLITE_OK;
}

static guint32
seed (void)
{
  const char *s = g_getenv ("BENCH_SEED");

  return s ? (guint32) g_ascii_strtoull (s, NULL, 10) : BENCH_DEFAULT_SEED;
}

static int
usage (void)
{
  g_printerr ("usage: bench-gen db PATH N | texts DIR N | oparl DIR PAGES PER_PAGE [chain] | queries N\n");
  return 2;
}

int
main (int argc, char **argv)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed ());
  g_autoptr(GError) error = NULL;

  g_setenv ("CHARSET", "UTF-8", TRUE);   /* g_print the queries as they are */

  if (argc < 3)
    return usage ();

  if (strcmp (argv[1], "db") == 0 && argc == 4)
    {
      guint n = atoi (argv[3]);
      g_autoptr(BkStore) store = NULL;
      double t0, t1;

      if (g_getenv ("BENCH_GEN_CACHE_MB"))
        cache_mb = atoi (g_getenv ("BENCH_GEN_CACHE_MB"));
      if (cache_mb > 0)
        sqlite3_auto_extension ((void (*) (void)) raise_cache);
      g_unlink (argv[2]);
      {
        g_autofree char *wal = g_strconcat (argv[2], "-wal", NULL);
        g_autofree char *shm = g_strconcat (argv[2], "-shm", NULL);
        g_unlink (wal);
        g_unlink (shm);
      }
      store = bk_store_open (argv[2], BK_STORE_OPEN_DEFAULT, &error);
      if (store == NULL)
        goto fail;
      t0 = bench_now ();
      if (!bk_store_begin (store, &error))
        goto fail;
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(BkMotion) m = bench_gen_motion (rand, i);

          /* BENCH_GEN_TEXT_STYLE=1: save them as text imports (no OParl id) */
          if (g_getenv ("BENCH_GEN_TEXT_STYLE"))
            g_clear_pointer (&m->oparl_id, g_free);
          if (!bk_store_save_motion (store, m, &error))
            goto fail;
          if ((i + 1) % 10000 == 0)
            g_print ("  %u motions, %.1f s\n", i + 1, bench_now () - t0);
        }
      if (!bk_store_commit (store, &error))
        goto fail;
      t1 = bench_now ();
      g_print ("db %s: %u motions saved in %.1f s (%.0f motions/s)\n", argv[2],
               bk_store_count_motions (store), t1 - t0, n / (t1 - t0));
      return 0;
    }
  if (strcmp (argv[1], "texts") == 0 && argc == 4)
    {
      guint n = atoi (argv[3]);

      if (g_mkdir_with_parents (argv[2], 0755) != 0)
        return 1;
      for (guint i = 0; i < n; i++)
        {
          const char *ext = NULL;
          g_autofree char *text = bench_gen_text (rand, i, i % 3, &ext);
          g_autofree char *name = g_strdup_printf ("motion-%05u.%s", i + 1, ext);
          g_autofree char *path = g_build_filename (argv[2], name, NULL);

          if (!g_file_set_contents (path, text, -1, &error))
            goto fail;
        }
      g_print ("texts %s: %u files\n", argv[2], n);
      return 0;
    }
  if (strcmp (argv[1], "oparl") == 0 && (argc == 5 || argc == 6))
    {
      guint papers = bench_gen_oparl (rand, argv[2], atoi (argv[3]), atoi (argv[4]),
                                      argc == 6 && strcmp (argv[5], "chain") == 0, &error);

      if (papers == 0)
        goto fail;
      g_print ("oparl %s: %u papers\n", argv[2], papers);
      return 0;
    }
  if (strcmp (argv[1], "sample") == 0)
    {
      /* what `db` would store, for the scripts' "is this database current" stamp */
      for (guint i = 0, n = atoi (argv[2]); i < n; i++)
        {
          g_autoptr(BkMotion) m = bench_gen_motion (rand, i);
          g_autofree char *json = bk_motion_to_json_string (m, FALSE);

          g_print ("%s\n", json);
        }
      return 0;
    }
  if (strcmp (argv[1], "queries") == 0)
    {
      g_autoptr(GPtrArray) queries = bench_gen_queries (rand, atoi (argv[2]));

      for (guint i = 0; i < queries->len; i++)
        {
          BenchQuery *q = g_ptr_array_index (queries, i);
          g_print ("%s\t%s\n", bench_query_kind_name (q->kind), q->text);
        }
      return 0;
    }
  return usage ();

fail:
  g_printerr ("bench-gen: %s\n", error ? error->message : "failed");
  return 1;
}
