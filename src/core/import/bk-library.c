/* bk-library.c: a shared library opened when it is first needed
 *
 * Poppler and Tesseract (reading the PDFs of council papers) bring some
 * fifty libraries with them and construct Tesseract's hundreds of global
 * parameters when loaded: linked to the kiosk, that was about 55 ms of CPU
 * and, on a busy machine, most of a second before the first frame, for
 * code that runs only when a paper's PDF is read, in the sync's worker or
 * an import. So they are opened here on the first use instead.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-library"

#include <glib/gi18n-lib.h>
#include <gmodule.h>

#include "bk-error.h"
#include "bk-library.h"

G_LOCK_DEFINE_STATIC (libraries);
static GHashTable *opened;   /* soname → GModule, resident */

gboolean
bk_library_load (const char            *soname,
                 const char            *what,
                 const BkLibrarySymbol *symbols,
                 guint                  n_symbols,
                 GError               **error)
{
  GModule *module;
  gboolean ok = TRUE;

  g_return_val_if_fail (soname != NULL && symbols != NULL, FALSE);

  G_LOCK (libraries);
  if (opened == NULL)
    opened = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  module = g_hash_table_lookup (opened, soname);
  if (module == NULL && (module = g_module_open (soname, G_MODULE_BIND_LOCAL)) != NULL)
    {
      /* resident: what was looked up stays valid */
      g_module_make_resident (module);
      g_hash_table_insert (opened, g_strdup (soname), module);
    }
  /* Every call looks its symbols up anew (cheap): a caller's table is
   * filled completely or the call fails. */
  if (module == NULL)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_NOT_FOUND,
                   /* Translators: %s names a library such as "Poppler (PDF)"; the second %s is the system's message */
                   _("%s is not available: %s"), what, g_module_error ());
      ok = FALSE;
    }
  for (guint i = 0; ok && i < n_symbols; i++)
    if (!g_module_symbol (module, symbols[i].name, symbols[i].address) || *symbols[i].address == NULL)
      {
        g_set_error (error, BK_ERROR, BK_ERROR_NOT_FOUND,
                     _("%s is not available: %s"), what, g_module_error ());
        ok = FALSE;
      }
  G_UNLOCK (libraries);
  return ok;
}

gboolean
bk_library_load_once (BkLibraryOnce         *once,
                      const char            *soname,
                      const char            *what,
                      const BkLibrarySymbol *symbols,
                      guint                  n_symbols,
                      GError               **error)
{
  g_return_val_if_fail (once != NULL, FALSE);

  if (g_once_init_enter (&once->state))
    {
      g_autoptr(GError) local_error = NULL;
      gboolean ok = bk_library_load (soname, what, symbols, n_symbols, &local_error);

      if (!ok)
        once->message = g_strdup (local_error->message);
      g_once_init_leave (&once->state, ok ? 1 : 2);
    }
  if (once->state == 1)
    return TRUE;
  g_set_error_literal (error, BK_ERROR, BK_ERROR_NOT_FOUND, once->message);
  return FALSE;
}
