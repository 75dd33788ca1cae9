/* bk-store-check.c: the integrity check of the whole store
 *
 * SQLite's own integrity and foreign-key checks, then each table file's
 * check of what SQLite cannot know (search indexes in step with their rows,
 * JSON answers, known life situations). It sits above the table files and
 * calls them, so that they never call each other.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-store"

#include <glib/gi18n-lib.h>

#include "bk-error.h"
#include "bk-store-private.h"

gboolean
bk_store_check (BkStore  *self,
                GString  *report,
                GError  **error)
{
  g_autoptr(BkStore) copy = NULL;
  const char *path;
  guint problems = 0;

  g_return_val_if_fail (BK_IS_STORE (self), FALSE);

  /* FTS5 checks its index by a write ('integrity-check'); a read-only
   * database (a 0444 file, a read-only mount) is checked in a copy. */
  if (bk_store_is_read_only (self) && bk_store_get_path (self) != NULL)
    {
      copy = bk_store_copy_to_memory (self, error);
      if (copy == NULL)
        return FALSE;
      self = copy;
    }

  problems += bk_store_check_rows (self, "PRAGMA integrity_check", report, _("integrity"));
  problems += bk_store_check_rows (self, "SELECT 'table ' || \"table\" || ' row ' || rowid ||"
                                         " ' points to a missing ' || parent FROM pragma_foreign_key_check",
                                   report, _("foreign keys"));
  problems += bk_store_check_motions (self, report);
  problems += bk_store_check_services (self, report);
  problems += bk_store_check_submissions (self, report);
  problems += bk_store_check_outbox (self, report);
  problems += bk_store_check_projects (self, report);
  problems += bk_store_check_rows (self,
                                   "SELECT 'index ' || name || ' is missing' FROM (SELECT"
                                   " 'submission_created' AS name UNION ALL SELECT"
                                   " 'submission_unexported' UNION ALL SELECT"
                                   " 'service_municipality') WHERE name NOT IN"
                                   " (SELECT name FROM sqlite_schema WHERE type = 'index')",
                                   report, _("indexes"));

  if (problems > 0)
    {
      path = bk_store_get_path (self);
      g_set_error (error, BK_ERROR, BK_ERROR_CORRUPT,
                   g_dngettext (GETTEXT_PACKAGE, "%s: %u problem found", "%s: %u problems found",
                                problems),
                   path ? path : ":memory:", problems);
      return FALSE;
    }
  return TRUE;
}
