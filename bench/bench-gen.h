/* bench-gen.h: deterministic generator of realistic German council motions
 * for the benchmarks (search, import, list, start-up).
 *
 * Everything is drawn from a fixed vocabulary with a seeded GRand, so the same
 * seed gives the same motions, texts, OParl pages and queries on any machine.
 * All names, places and numbers are invented.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include "bk-motion.h"

G_BEGIN_DECLS

#define BENCH_DEFAULT_SEED 20261123

typedef enum {
  BENCH_QUERY_WORD,       /* one whole word from the vocabulary */
  BENCH_QUERY_TWO_WORDS,  /* two words */
  BENCH_QUERY_PREFIX,     /* the first 3–5 letters of a word, as while typing */
  BENCH_QUERY_COMPOUND,   /* a part of a compound word ("portal" of "Bürgerportal") */
  BENCH_QUERY_UMLAUT,     /* a word with umlauts typed as ae/oe/ue/ss */
  BENCH_QUERY_N_KINDS
} BenchQueryKind;

typedef struct {
  char *text;
  BenchQueryKind kind;
} BenchQuery;

const char *bench_query_kind_name (BenchQueryKind kind);

/* A generated motion: index i of seed s is always the same motion. */
BkMotion  *bench_gen_motion   (GRand *rand, guint index);

/* Motion text files in the three layouts the text importer reads
 * (data/demo/motions/README.md): 0 header block (.txt), 1 Markdown (.md),
 * 2 letter (.txt). Returns the text; *ext receives "txt" or "md". */
char      *bench_gen_text     (GRand *rand, guint index, guint layout, const char **ext);

/* OParl 1.1 files for a folder: body, organizations, persons, meetings and
 * n_pages list pages of per_page papers each. Files are named so that the
 * sorted order is the dependency order. chain: set links.next on the paper
 * pages (page 1 → 2 → …) as a real server does. Returns the number of papers. */
guint      bench_gen_oparl    (GRand *rand, const char *dir, guint n_pages, guint per_page,
                               gboolean chain, GError **error);

/* n queries of all kinds, drawn from the same vocabulary. */
GPtrArray *bench_gen_queries  (GRand *rand, guint n);   /* BenchQuery*, free with bench_query_free */
void       bench_query_free   (gpointer query);

/* Statistics over a double array (sorted in place). */
double     bench_percentile   (GArray *values, double p);
double     bench_now          (void);   /* monotonic seconds */
/* Deletes a database file with its -wal and -shm files. */
void       bench_remove_db    (const char *path);

G_END_DECLS
