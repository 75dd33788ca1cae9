/* bench-search: search latency through the real API against a LIKE scan.
 *
 *   bench-search DB [N_QUERIES] [ROUNDS]
 *
 * DB is a store made by `bench-gen db`. N_QUERIES (default 250) queries of the
 * generated query set (words, two words, 3–5 letter prefixes, compound parts,
 * umlaut spellings) are run once untimed, then ROUNDS times (default 3) timed
 * through bk_store_search (store, q, NULL, 50, &error) on a store opened
 * read-only, as the kiosk reads it. The baseline runs the same queries once as
 * a LIKE scan on a second, read-only sqlite3 connection to the same file:
 *
 *   SELECT id FROM paper WHERE (subject LIKE '%w%' OR justification LIKE '%w%'
 *     OR submitter_names LIKE '%w%' OR EXISTS (SELECT 1 FROM resolution_point r
 *     WHERE r.paper_id = paper.id AND r.text LIKE '%w%')) AND … for every word
 *
 * i.e. the same columns the search index holds, every match collected.
 * Prints a report and RESULT lines (name value) for the scripts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>

#include "bench-gen.h"
#include "bk-fold.h"
#include "bk-store.h"
#if __has_include("bk-search-tokenizer.h")
#include "bk-search-tokenizer.h"
#define HAVE_BK_TOKENIZER 1
#endif
#include "bk-search-tokenizer.h"
#if __has_include("bk-search-tokenizer-private.h")
#include "bk-search-tokenizer-private.h"
#define HAVE_BK_STEMMING 1
#endif

typedef struct {
  BenchQuery *q;
  double fts_ms;       /* median over the rounds */
  double like_ms;
  guint results;
  gint64 matches;      /* rows the FTS expression matches */
  double match_only_ms;   /* MATCH without ranking, LIMIT 50 */
  double count_ms;        /* all matches without ranking: SELECT count(*) … MATCH */
} Row;

static char *
fts_expression (const char *query)
{
  g_autofree char *folded = bk_fold_for_search (query);
  g_auto(GStrv) words = g_strsplit (folded, " ", -1);
  GString *m = g_string_new (NULL);

  /* as bk-store.c's build_match (commit 7946340): every word of three or more
   * letters, as a prefix query */
  for (guint i = 0; words[i]; i++)
    if (g_utf8_strlen (words[i], -1) >= 3)
      g_string_append_printf (m, "%s\"%s\" *", m->len ? " AND " : "", words[i]);
  return g_string_free (m, FALSE);
}

#ifdef HAVE_BK_STEMMING
/* One bk_store_search in ms, with or without the German stems. */
static double
timed_search (BkStore    *store,
              const char *text,
              gboolean    stems)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  double t, ms;

  _bk_search_tokenizer_set_stemming (stems);
  t = bench_now ();
  ids = bk_store_search (store, text, NULL, 50, &error);
  ms = (bench_now () - t) * 1000;
  _bk_search_tokenizer_set_stemming (TRUE);
  if (ids == NULL)
    g_error ("search \"%s\": %s", text, error->message);
  return ms;
}
#endif

static double
run_sql (sqlite3 *db, const char *sql, const char *const *params, guint n_params, gint64 *rows)
{
  sqlite3_stmt *stmt = NULL;
  double t0 = bench_now ();
  gint64 n = 0;
  int rc;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      /* diagnostics only: the LIKE baseline never fails here */
      g_printerr ("(diagnostic query failed: %s: %s)\n", sql, sqlite3_errmsg (db));
      return -1;
    }
  for (guint i = 0; i < n_params; i++)
    sqlite3_bind_text (stmt, i + 1, params[i], -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    n++;
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      g_printerr ("(diagnostic query failed: %s: %s)\n", sql, sqlite3_errmsg (db));
      return -1;
    }
  if (rows)
    *rows = n;
  return (bench_now () - t0) * 1000;
}

static double
like_query (sqlite3 *db, const char *query, gint64 *rows)
{
  g_auto(GStrv) words = g_strsplit (query, " ", -1);
  g_autoptr(GString) sql = g_string_new ("SELECT id FROM paper WHERE 1");
  g_autoptr(GPtrArray) params = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; words[i]; i++)
    {
      guint k;

      if (*words[i] == '\0')
        continue;
      g_ptr_array_add (params, g_strdup_printf ("%%%s%%", words[i]));
      k = params->len;
      g_string_append_printf (sql, " AND (subject LIKE ?%u OR justification LIKE ?%u"
                                   " OR submitter_names LIKE ?%u OR EXISTS (SELECT 1 FROM resolution_point r"
                                   " WHERE r.paper_id = paper.id AND r.text LIKE ?%u))", k, k, k, k);
    }
  return run_sql (db, sql->str, (const char *const *) params->pdata, params->len, rows);
}

static void
stats (const char *name, GArray *v, double *median, double *p95, double *max)
{
  *median = bench_percentile (v, 50);
  *p95 = bench_percentile (v, 95);
  *max = bench_percentile (v, 100);
  g_print ("%-28s n=%4u  median %8.3f ms  p95 %8.3f ms  max %8.3f ms\n", name, v->len, *median, *p95, *max);
}

static int
cmp_row_fts (gconstpointer a, gconstpointer b)
{
  const Row *x = a, *y = b;

  return x->fts_ms < y->fts_ms ? 1 : x->fts_ms > y->fts_ms ? -1 : 0;
}

/* Queries no citizen types but anyone can paste (issue 18): each is run as the
 * motion list runs it (limit 0) and with limit 50. */
static GPtrArray *
pathological_queries (void)
{
  static const char *const syllables[] = { "ein", "der", "sch", "ver", "ber", "ges", "str", "and",
                                           "ung", "kei", "hei", "lic", "ant", "rat", "sta", "gem" };
  GPtrArray *q = g_ptr_array_new_with_free_func (g_free);
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < 1500; i++)
    g_string_append (s, "antrag ");
  g_ptr_array_add (q, g_strdup (s->str));              /* 1 500 repeated words */
  g_string_truncate (s, 0);
  for (guint i = 0; i < 1500; i++)
    g_string_append_printf (s, "%s%c%c ", syllables[i % G_N_ELEMENTS (syllables)],
                            'a' + (i / 16) % 26, 'a' + (i / 416) % 26);
  g_ptr_array_add (q, g_strdup (s->str));              /* 1 500 different words */
  g_string_truncate (s, 0);
  for (guint i = 0; i < 200; i++)
    g_string_append_printf (s, "%s ", syllables[i % G_N_ELEMENTS (syllables)]);
  g_ptr_array_add (q, g_strdup (s->str));              /* 200 prefixes matching almost everything */
  g_ptr_array_add (q, g_strdup ("ein"));               /* one prefix matching almost everything */
  g_ptr_array_add (q, g_strdup ("sch ver ein ber ges str ung"));
  g_string_truncate (s, 0);
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (s, 'a' + i % 3);
  g_ptr_array_add (q, g_strdup (s->str));              /* one 100 KB word */
  g_string_truncate (s, 0);
  for (guint i = 0; i < 1500; i++)
    g_string_append_printf (s, "%c ", 'a' + i % 26);
  g_ptr_array_add (q, g_strdup (s->str));              /* 1 500 one-letter words */
  g_string_truncate (s, 0);
  for (guint i = 0; s->len < 1000000; i++)
    g_string_append_printf (s, "Straßenbeleuchtung%u ", i);
  g_ptr_array_add (q, g_strdup (s->str));              /* 1 MB pasted */
  g_string_free (s, TRUE);
  return q;
}

static gint64
peak_rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *p;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (p = strstr (status, "VmHWM:")) == NULL)
    return -1;
  return g_ascii_strtoll (p + 6, NULL, 10);
}

static void
run_pathological (BkStore *store, guint rounds, double normal_p95, double normal_max)
{
  g_autoptr(GPtrArray) queries = pathological_queries ();
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (double));
  gint64 rss_before = peak_rss_kb ();
  double m, p, x;

  g_print ("\npathological queries (limit 0 as the motion list asks, and limit 50), %u rounds:\n", rounds);
  for (guint i = 0; i < queries->len; i++)
    for (guint limit = 0; limit <= 50; limit += 50)
      {
        g_autoptr(GArray) v = g_array_new (FALSE, FALSE, sizeof (double));
        g_autofree char *label = NULL;
        const char *text = g_ptr_array_index (queries, i);
        guint results = 0;

        for (guint r = 0; r < rounds; r++)
          {
            g_autoptr(GError) error = NULL;
            g_autoptr(GArray) ids = NULL;
            double t = bench_now (), ms;

            ids = bk_store_search (store, text, NULL, limit, &error);
            ms = (bench_now () - t) * 1000;
            if (ids == NULL)
              g_error ("pathological search %u: %s", i, error->message);
            results = ids->len;
            g_array_append_val (v, ms);
            g_array_append_val (all, ms);
          }
        label = g_strdup_printf ("  #%u %.20s… (%zu B) limit %u", i, text, strlen (text), limit);
        g_print ("%-52s median %8.3f ms  max %8.3f ms  results %u\n", label,
                 bench_percentile (v, 50), bench_percentile (v, 100), results);
      }
  m = bench_percentile (all, 50);
  p = bench_percentile (all, 95);
  x = bench_percentile (all, 100);
  g_print ("pathological: median %.3f ms, p95 %.3f ms, max %.3f ms (normal queries: p95 %.3f ms, max %.3f ms);"
           " peak RSS grew by %" G_GINT64_FORMAT " kB\n", m, p, x, normal_p95, normal_max,
           peak_rss_kb () - rss_before);
  g_print ("RESULT search.pathological.median_ms %.3f\nRESULT search.pathological.p95_ms %.3f\n"
           "RESULT search.pathological.max_ms %.3f\nRESULT search.pathological.peak_rss_growth_kb %" G_GINT64_FORMAT "\n",
           m, p, x, peak_rss_kb () - rss_before);
}

int
main (int argc, char **argv)
{
  const char *db_path;
  guint n_queries = 250, rounds = 3;
  g_autoptr(GError) error = NULL;
  g_autoptr(BkStore) store = NULL;
  g_autoptr(GRand) rand = NULL;
  g_autoptr(GPtrArray) queries = NULL;
  g_autoptr(GArray) fts_all = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) like_all = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) nostem_all = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (Row));
  sqlite3 *db = NULL;
  double fm, fp, fx, lm, lp, lx, open_ms, t0;
  guint n_motions;
  const char *s;

  g_setenv ("CHARSET", "UTF-8", TRUE);   /* g_print the queries as they are */

  if (argc < 2)
    {
      g_printerr ("usage: bench-search DB [N_QUERIES] [ROUNDS]\n");
      return 2;
    }
  db_path = argv[1];
  if (argc > 2)
    n_queries = atoi (argv[2]);
  if (argc > 3)
    rounds = MAX (1, atoi (argv[3]));
  s = g_getenv ("BENCH_SEED");
  rand = g_rand_new_with_seed (s ? (guint32) atol (s) : BENCH_DEFAULT_SEED + 1);
  queries = bench_gen_queries (rand, n_queries);

  t0 = bench_now ();
  store = bk_store_open (db_path, BK_STORE_OPEN_READ_ONLY, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  open_ms = (bench_now () - t0) * 1000;
  n_motions = bk_store_count_motions (store);
  g_print ("database %s: %u motions, opened read-only in %.1f ms\n", db_path, n_motions, open_ms);
  g_print ("%u queries, 1 warm-up round + %u timed rounds through bk_store_search (limit 50)\n",
           queries->len, rounds);

  g_array_set_size (rows, queries->len);
  for (guint r = 0; r <= rounds; r++)
    for (guint i = 0; i < queries->len; i++)
      {
        BenchQuery *q = g_ptr_array_index (queries, i);
        Row *row = &g_array_index (rows, Row, i);
        double t, ms;
        g_autoptr(GArray) ids = NULL;

#ifdef HAVE_BK_STEMMING
        /* the same query without stems, interleaved (which goes first
         * alternates): the baseline of the German stems in the same run */
        gboolean plain_first = (r + i) % 2 == 0;
        double plain = plain_first ? timed_search (store, q->text, FALSE) : 0;
#endif
        t = bench_now ();
        ids = bk_store_search (store, q->text, NULL, 50, &error);
        ms = (bench_now () - t) * 1000;
        if (ids == NULL)
          g_error ("search \"%s\": %s", q->text, error->message);
#ifdef HAVE_BK_STEMMING
        if (!plain_first)
          plain = timed_search (store, q->text, FALSE);
        if (r > 0)
          g_array_append_val (nostem_all, plain);
#endif
        row->q = q;
        row->results = ids->len;
        if (r == 0)
          continue;
        g_array_append_val (fts_all, ms);
        /* per query: keep the median of the rounds (computed below) */
        row->fts_ms += ms / rounds;   /* mean for the per-query view */
      }

  /* the baseline, on a second read-only connection to the same file */
  if (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    g_error ("%s: %s", db_path, sqlite3_errmsg (db));
  /* the diagnostics below query the search index directly */
  bk_search_tokenizer_register (db);
#ifdef HAVE_BK_TOKENIZER
  bk_search_tokenizer_register (db);      /* for the diagnostics on the search index */
#endif
  like_query (db, "Warmlaufen", NULL);   /* reads the table into the page cache */
  for (guint i = 0; i < queries->len; i++)
    {
      Row *row = &g_array_index (rows, Row, i);
      gint64 n;

      row->like_ms = like_query (db, row->q->text, &n);
      g_array_append_val (like_all, row->like_ms);
    }

  /* diagnostics: how many rows each query matches, and the cost of matching alone */
  for (guint i = 0; i < queries->len; i++)
    {
      Row *row = &g_array_index (rows, Row, i);
      g_autofree char *expr = fts_expression (row->q->text);
      const char *params[] = { expr };

      if (*expr == '\0')
        continue;
      {
        sqlite3_stmt *stmt;

        double t = bench_now ();

        row->matches = -1;
        if (sqlite3_prepare_v2 (db, "SELECT count(*) FROM paper_fts WHERE paper_fts MATCH ?1", -1, &stmt, NULL) == SQLITE_OK)
          {
            sqlite3_bind_text (stmt, 1, expr, -1, SQLITE_TRANSIENT);
            if (sqlite3_step (stmt) == SQLITE_ROW)
              row->matches = sqlite3_column_int64 (stmt, 0);
            sqlite3_finalize (stmt);
          }
        row->count_ms = (bench_now () - t) * 1000;
      }
      row->match_only_ms = run_sql (db, "SELECT rowid FROM paper_fts WHERE paper_fts MATCH ?1 LIMIT 50",
                                    params, 1, NULL);
    }

  g_print ("\n");
  stats ("bk_store_search (FTS5)", fts_all, &fm, &fp, &fx);
  stats ("LIKE scan (baseline)", like_all, &lm, &lp, &lx);
#ifdef HAVE_BK_STEMMING
  {
    double nm, np, nx;

    stats ("bk_store_search without stems (baseline)", nostem_all, &nm, &np, &nx);
    g_print ("RESULT search.nostem.median_ms %.3f\nRESULT search.nostem.p95_ms %.3f\n"
             "RESULT search.nostem.max_ms %.3f\n", nm, np, nx);
    g_print ("RESULT search.stem_cost.median %.2f\nRESULT search.stem_cost.p95 %.2f\n", fm / nm, fp / np);
  }
#endif
  g_print ("ratio LIKE/FTS: medians %.0fx, p95s %.0fx\n", lm / fm, lp / fp);

  g_print ("\nby kind of query (bk_store_search, per-query mean of the rounds):\n");
  for (int k = 0; k < BENCH_QUERY_N_KINDS; k++)
    {
      g_autoptr(GArray) v = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) m = g_array_new (FALSE, FALSE, sizeof (double));
      double a, b, c;
      g_autofree char *label = NULL;

      for (guint i = 0; i < rows->len; i++)
        {
          Row *row = &g_array_index (rows, Row, i);
          double matches = row->matches;

          if ((int) row->q->kind != k)
            continue;
          g_array_append_val (v, row->fts_ms);
          g_array_append_val (m, matches);
        }
      label = g_strdup_printf ("  %s", bench_query_kind_name (k));
      stats (label, v, &a, &b, &c);
      g_print ("%-28s        median matching rows %.0f of %u\n", "", bench_percentile (m, 50), n_motions);
      g_print ("RESULT search.kind.%d.p95_ms %.3f\n", k, b);
    }

  {
    g_autoptr(GArray) share = g_array_new (FALSE, FALSE, sizeof (double));
    g_autoptr(GArray) counts = g_array_new (FALSE, FALSE, sizeof (double));

    for (guint i = 0; i < rows->len; i++)
      {
        Row *row = &g_array_index (rows, Row, i);
        double f = row->fts_ms > 0 ? row->count_ms / row->fts_ms : 0;

        g_array_append_val (share, f);
        g_array_append_val (counts, row->count_ms);
      }
    g_print ("\nfinding every match of a query once, without ranking (SELECT count(*) … MATCH): median %.2f ms, p95 %.2f ms;\n"
             "median ratio of that to the search time %.2f\n",
             bench_percentile (counts, 50), bench_percentile (counts, 95), bench_percentile (share, 50));
    g_print ("RESULT search.count_only.median_ms %.3f\nRESULT search.count_only.p95_ms %.3f\n",
             bench_percentile (counts, 50), bench_percentile (counts, 95));
  }

  g_array_sort (rows, cmp_row_fts);
  g_print ("\nslowest queries (search: per-query mean of the rounds; 'all matches' = SELECT count(*) … MATCH, i.e.\n"
           "finding every match without ranking; 'first 50' = MATCH … LIMIT 50 without ranking):\n");
  g_print ("'head', 'all' = MATCH … ORDER BY rowid DESC LIMIT 50 on paper_head_fts (if present) and paper_fts, in ms (-1: none)\n");
  g_print ("  %-32s %-15s %9s %10s %9s %11s %9s   %s\n", "query", "kind", "search ms", "LIKE ms", "matches",
           "all matches", "first 50", "   head     all");
  for (guint i = 0; i < MIN (rows->len, 20); i++)
    {
      Row *row = &g_array_index (rows, Row, i);

      g_autofree char *expr = fts_expression (row->q->text);
      static const char *const tables[] = { "paper_head_fts", "paper_fts" };
      double tier_ms[2] = { -1, -1 };

      /* the newest-first queries a tiered search runs: the head index
       * (subject, submitters) if the store has one, then the whole index */
      for (guint t = 0; t < 2 && *expr; t++)
        {
          g_autofree char *sql = g_strdup_printf ("SELECT rowid FROM %s WHERE %s MATCH ?1"
                                                  " ORDER BY rowid DESC LIMIT 50", tables[t], tables[t]);
          const char *params[] = { expr };

          g_autofree char *exists = g_strdup_printf ("SELECT 1 FROM sqlite_master WHERE name = '%s'", tables[t]);
          gint64 n = 0;

          if (run_sql (db, exists, NULL, 0, &n) >= 0 && n > 0)
            tier_ms[t] = run_sql (db, sql, params, 1, NULL);
        }
      g_print ("  %-32s %-15s %9.2f %10.1f %9" G_GINT64_FORMAT " %8.2f ms %6.2f ms   %7.2f %7.2f\n",
               row->q->text, bench_query_kind_name (row->q->kind), row->fts_ms, row->like_ms, row->matches,
               row->count_ms, row->match_only_ms, tier_ms[0], tier_ms[1]);
    }
  {
    guint over = 0;

    for (guint i = 0; i < rows->len; i++)
      if (g_array_index (rows, Row, i).fts_ms > 5.0)
        over++;
    g_print ("queries above 5 ms: %u of %u\n", over, rows->len);
    g_print ("RESULT search.over5ms %u\n", over);
  }

  run_pathological (store, rounds, fp, fx);
  g_print ("RESULT search.motions %u\n", n_motions);
  g_print ("RESULT search.queries %u\n", queries->len);
  g_print ("RESULT search.rounds %u\n", rounds);
  g_print ("RESULT search.fts.median_ms %.3f\nRESULT search.fts.p95_ms %.3f\nRESULT search.fts.max_ms %.3f\n", fm, fp, fx);
  g_print ("RESULT search.like.median_ms %.3f\nRESULT search.like.p95_ms %.3f\nRESULT search.like.max_ms %.3f\n", lm, lp, lx);
  g_print ("RESULT search.ratio.median %.1f\nRESULT search.ratio.p95 %.1f\n", lm / fm, lp / fp);
  sqlite3_close (db);
  return 0;
}
