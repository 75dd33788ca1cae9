/* bk-search-tokenizer.c: the German FTS5 tokenizer of the search index
 *
 * Indexes the endings of long words as well as the words, so that a part
 * of a compound word is found by one prefix look-up.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-store"

#include <string.h>

#include "bk-search-tokenizer.h"

/* Shorter endings would match nearly every word ("ung", "er"). */
#define MIN_ENDING 4
/* Compound words are long; the endings of shorter words ("Antrag": "trag")
 * are rarely words of their own and would only bloat the index. */
#define MIN_COMPOUND 8

typedef int (*TokenFunc) (void *ctx, int flags, const char *token, int n, int start, int end);

static int
tokenizer_create (void           *data,
                  const char    **args,
                  int             n_args,
                  Fts5Tokenizer **out)
{
  /* Stateless: any non-NULL pointer will do. */
  *out = (Fts5Tokenizer *) data;
  return SQLITE_OK;
}

static void
tokenizer_delete (Fts5Tokenizer *tokenizer)
{
}

static gboolean
is_separator (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static int
emit_word (void       *ctx,
           TokenFunc   token,
           gboolean    document,
           const char *text,
           int         start,
           int         end)
{
  int rc = token (ctx, 0, text + start, end - start, start, end);

  if (rc != SQLITE_OK || !document || end - start < MIN_COMPOUND)
    return rc;
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
      if (i > start && (rc = emit_word (ctx, token, document, text, start, i)) != SQLITE_OK)
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
  static int dummy;
  fts5_api *api = fts5_api_from_db (db);

  if (api == NULL)
    return SQLITE_ERROR;
  return api->xCreateTokenizer (api, BK_SEARCH_TOKENIZER, &dummy, &tokenizer, NULL);
}
