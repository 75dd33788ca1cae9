/* bk-search-tokenizer.c: the German FTS5 tokenizer of the search index
 *
 * Indexes the endings of long words as well as the words, so that a part
 * of a compound word is found by one prefix look-up. A query word also
 * asks for its stem (Snowball's German stemmer): "Barrierefreiheit" looks
 * for "barrierefrei…" too and finds "barrierefreier".
 *
 * Linear in the text: a word is indexed with its first MAX_WORD bytes, and
 * only a word of at most MAX_WORD bytes gets its endings (at most MAX_WORD
 * of them, each shorter than MAX_WORD). A longer "word" is no German word
 * (a base64 image, a long URL): without the caps every ending of it was a
 * token of its own, quadratic in its length (8 KiB: 3.7 s and 366 MB).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-store"

#include <libstemmer.h>
#include <string.h>

#include "bk-search-tokenizer.h"
#include "bk-search-tokenizer-private.h"

/* Shorter endings would match nearly every word ("ung", "er"). */
#define MIN_ENDING 4
/* Compound words are long; the endings of shorter words ("Antrag": "trag")
 * are rarely words of their own and would only bloat the index. */
#define MIN_COMPOUND 8
/* Bytes of a folded word that are indexed and looked up; the longest
 * German compounds in council papers stay below it. */
#define MAX_WORD BK_SEARCH_TOKENIZER_MAX_WORD
/* Shorter stems would find too much ("rat" of "Räte"). */
#define MIN_STEM 4

typedef struct
{
  struct sb_stemmer *stemmer;   /* NULL if Snowball has no German */
} Tokenizer;

static int stemming = TRUE;

void
_bk_search_tokenizer_set_stemming (gboolean enabled)
{
  g_atomic_int_set (&stemming, enabled);
}

typedef int (*TokenFunc) (void *ctx, int flags, const char *token, int n, int start, int end);

static int
tokenizer_create (void           *data,
                  const char    **args,
                  int             n_args,
                  Fts5Tokenizer **out)
{
  /* One per table and connection, and a connection belongs to one thread:
   * the stemmer, which is not thread-safe, is never shared. */
  Tokenizer *self = g_new0 (Tokenizer, 1);

  self->stemmer = sb_stemmer_new ("german", "UTF_8");
  *out = (Fts5Tokenizer *) self;
  return SQLITE_OK;
}

static void
tokenizer_delete (Fts5Tokenizer *tokenizer)
{
  Tokenizer *self = (Tokenizer *) tokenizer;

  if (self->stemmer != NULL)
    sb_stemmer_delete (self->stemmer);
  g_free (self);
}

static gboolean
is_separator (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* The end of the indexed part of text[start, end): at most MAX_WORD bytes,
 * cut on a character boundary. */
static int
capped_end (const char *text,
            int         start,
            int         end)
{
  int cap;

  if (end - start <= MAX_WORD)
    return end;
  cap = start + MAX_WORD;
  while (cap > start && ((guchar) text[cap] & 0xC0) == 0x80)
    cap--;
  return cap;
}

static int
emit_word (Tokenizer  *self,
           void       *ctx,
           TokenFunc   token,
           gboolean    document,
           const char *text,
           int         start,
           int         end)
{
  int cut = capped_end (text, start, end);
  int rc = token (ctx, 0, text + start, cut - start, start, end);

  if (rc != SQLITE_OK)
    return rc;

  if (!document)
    {
      const sb_symbol *stem;
      int n;

      /* The stem as a synonym of the query word: FTS5 looks up both (with
       * the prefix star of the query, bk_store_build_match). */
      if (self->stemmer == NULL || cut != end || !g_atomic_int_get (&stemming))
        return SQLITE_OK;
      stem = sb_stemmer_stem (self->stemmer, (const sb_symbol *) text + start, end - start);
      n = stem != NULL ? sb_stemmer_length (self->stemmer) : 0;
      if (n < MIN_STEM || (n == end - start && memcmp (stem, text + start, n) == 0))
        return SQLITE_OK;
      return token (ctx, FTS5_TOKEN_COLOCATED, (const char *) stem, n, start, end);
    }

  if (cut != end || end - start < MIN_COMPOUND)
    return SQLITE_OK;
  for (int i = start + 1; i <= end - MIN_ENDING && rc == SQLITE_OK; i++)
    {
      /* Endings start on character boundaries only (folded text may keep
       * non-ASCII letters such as "ı" or "ø"). */
      if (((guchar) text[i] & 0xC0) == 0x80)
        continue;
      rc = token (ctx, FTS5_TOKEN_COLOCATED, text + i, end - i, start, end);
    }
  return rc;
}

static int
tokenizer_tokenize (Fts5Tokenizer *tokenizer,
                    void          *ctx,
                    int            flags,
                    const char    *text,
                    int            n_text,
                    TokenFunc      token)
{
  Tokenizer *self = (Tokenizer *) tokenizer;
  gboolean document = (flags & FTS5_TOKENIZE_QUERY) == 0;
  int i = 0;

  while (i < n_text)
    {
      int start, rc;

      while (i < n_text && is_separator (text[i]))
        i++;
      start = i;
      while (i < n_text && !is_separator (text[i]))
        i++;
      if (i > start && (rc = emit_word (self, ctx, token, document, text, start, i)) != SQLITE_OK)
        return rc;
    }
  return SQLITE_OK;
}

static fts5_api *
fts5_api_from_db (sqlite3 *db)
{
  fts5_api *api = NULL;
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT fts5(?1)", -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_pointer (stmt, 1, (void *) &api, "fts5_api_ptr", NULL);
      sqlite3_step (stmt);
    }
  sqlite3_finalize (stmt);
  return api;
}

int
bk_search_tokenizer_register (sqlite3 *db)
{
  static fts5_tokenizer tokenizer = {
    tokenizer_create, tokenizer_delete, tokenizer_tokenize,
  };
  fts5_api *api = fts5_api_from_db (db);

  if (api == NULL)
    return SQLITE_ERROR;
  return api->xCreateTokenizer (api, BK_SEARCH_TOKENIZER, NULL, &tokenizer, NULL);
}
