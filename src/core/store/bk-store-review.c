/* bk-store-review.c: motions a clerk should check before citizens read them
 *
 * The paper reader notes what it could not find or was unsure of as
 * warnings (paper_warning); this file lists the motions that have any, for
 * the staff tool and the staff page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-store"

#include "bk-error.h"
#include "bk-store-private.h"

void
bk_motion_review_free (BkMotionReview *review)
{
  if (review == NULL)
    return;
  g_free (review->subject);
  g_free (review->reference);
  g_free (review->date);
  g_free (review->source);
  g_clear_pointer (&review->warnings, g_ptr_array_unref);
  g_free (review);
}

GPtrArray *
bk_store_list_motions_with_warnings (BkStore    *self,
                                     const char *code,
                                     GError    **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) bk_motion_review_free);
  sqlite3_stmt *stmt;
  BkMotionReview *cur = NULL;
  int rc;

  g_return_val_if_fail (BK_IS_STORE (self), NULL);

  /* one row per warning, the motions newest first as the kiosk lists them */
  stmt = bk_store_get_stmt (self,
                            "SELECT p.id, p.subject, p.reference, p.date, p.source, w.code, w.message"
                            " FROM paper p JOIN paper_warning w ON w.paper_id = p.id"
                            " WHERE ?1 IS NULL OR EXISTS (SELECT 1 FROM paper_warning c"
                            "  WHERE c.paper_id = p.id AND c.code = ?1)"
                            " ORDER BY p.date IS NULL, p.date DESC, p.id DESC, w.position", error);
  if (stmt == NULL)
    return NULL;
  bk_store_bind_text (stmt, 1, code);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (cur == NULL || cur->id != id)
        {
          cur = g_new0 (BkMotionReview, 1);
          cur->id = id;
          cur->subject = bk_store_column_dup (stmt, 1);
          cur->reference = bk_store_column_dup (stmt, 2);
          cur->date = bk_store_column_dup (stmt, 3);
          cur->source = bk_store_column_dup (stmt, 4);
          cur->warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) bk_warning_free);
          g_ptr_array_add (out, cur);
        }
      g_ptr_array_add (cur->warnings, bk_warning_new ((const char *) sqlite3_column_text (stmt, 5),
                                                      (const char *) sqlite3_column_text (stmt, 6)));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      bk_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&out);
}

guint
bk_store_count_motions_with_warnings (BkStore *self)
{
  g_return_val_if_fail (BK_IS_STORE (self), 0);
  return (guint) bk_store_query_int (self, "SELECT count(DISTINCT paper_id) FROM paper_warning", NULL);
}
