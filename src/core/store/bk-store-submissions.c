/* bk-store-submissions.c: citizens' submissions, feedback counts, retention
 *
 * Each submission in a transaction of its own, acknowledged only after the
 * commit: a citizen's reference number must never name something lost.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-store"

#include <glib/gi18n-lib.h>

#include "bk-error.h"
#include "bk-store-outbox.h"
#include "bk-store-private.h"

#define bind_text bk_store_bind_text
#define column_dup bk_store_column_dup

#define RETENTION_KEY "retention-days"
#define MAX_RETENTION_DAYS 3650

static const char *
where (BkStore *self)
{
  const char *path = bk_store_get_path (self);

  return path ? path : ":memory:";
}

static char *
dup_now_utc (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

/* What feedback on a motion adds to its counts; FALSE (with error) for
 * answers a feedback form cannot have given. */
static gboolean
feedback_deltas (JsonObject *answers,
                 int        *agree,
                 int        *disagree,
                 int        *comment,
                 GError    **error)
{
  JsonNode *opinion = json_object_get_member (answers, "opinion");
  JsonNode *text = json_object_get_member (answers, "comment");
  const char *value = NULL;

  *agree = *disagree = *comment = 0;
  if (opinion != NULL && !JSON_NODE_HOLDS_NULL (opinion))
    {
      if (JSON_NODE_HOLDS_VALUE (opinion) && json_node_get_value_type (opinion) == G_TYPE_STRING)
        value = json_node_get_string (opinion);
      if (g_strcmp0 (value, BK_FEEDBACK_AGREE) == 0)
        *agree = 1;
      else if (g_strcmp0 (value, BK_FEEDBACK_DISAGREE) == 0)
        *disagree = 1;
      else
        {
          g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                       _("motion feedback: “opinion” must be “agree”, “disagree” or empty"));
          return FALSE;
        }
    }
  if (text != NULL && !JSON_NODE_HOLDS_NULL (text))
    {
      const char *str;

      if (!JSON_NODE_HOLDS_VALUE (text) || json_node_get_value_type (text) != G_TYPE_STRING)
        {
          g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                       _("motion feedback: “comment” must be text"));
          return FALSE;
        }
      str = json_node_get_string (text);
      while (str != NULL && g_ascii_isspace (*str))
        str++;
      *comment = str != NULL && *str != '\0';
    }
  return TRUE;
}

static gboolean
validate (BkSubmission *s,
          JsonParser   *parser,
          GError      **error)
{
  JsonNode *root;

  if (bk_submission_kind_to_string (s->kind) == NULL)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                   _("submission: unknown form kind %d"), (int) s->kind);
      return FALSE;
    }
  if (s->answers == NULL || !g_utf8_validate (s->answers, -1, NULL) ||
      !json_parser_load_from_data (parser, s->answers, -1, NULL) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                   _("submission: the answers are not a JSON object"));
      return FALSE;
    }
  if (s->kind == BK_SUBMISSION_MOTION_FEEDBACK && s->motion_id <= 0)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                   _("motion feedback: no motion given"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
insert_row (BkStore      *self,
            BkSubmission *s,
            gint64        id,
            const char   *reference,
            const char   *created_at,
            gboolean      sealed,
            GError      **error)
{
  sqlite3_stmt *stmt = bk_store_get_stmt (self,
                                          "INSERT INTO submission (id, reference, kind, service_id,"
                                          " motion_id, created_at, answers, language, sealed)"
                                          " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  bind_text (stmt, 2, reference);
  bind_text (stmt, 3, bk_submission_kind_to_string (s->kind));
  bind_text (stmt, 4, s->service_id);
  if (s->motion_id > 0)
    sqlite3_bind_int64 (stmt, 5, s->motion_id);
  else
    sqlite3_bind_null (stmt, 5);
  bind_text (stmt, 6, created_at);
  /* Sealed: the answers live only in the encrypted bundle. */
  bind_text (stmt, 7, sealed ? "{}" : s->answers);
  bind_text (stmt, 8, s->language);
  sqlite3_bind_int (stmt, 9, sealed ? 1 : 0);
  return bk_store_step_done (self, stmt, error);
}

static gboolean
count_feedback (BkStore *self,
                gint64   motion_id,
                int      agree,
                int      disagree,
                int      comment,
                GError **error)
{
  sqlite3_stmt *stmt = bk_store_get_stmt (self, "SELECT 1 FROM paper WHERE id = ?1", error);
  gboolean exists;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, motion_id);
  exists = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  if (!exists)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                   _("motion feedback: there is no motion with the number %lld"),
                   (long long) motion_id);
      return FALSE;
    }
  stmt = bk_store_get_stmt (self, "INSERT INTO motion_feedback (motion_id, agree, disagree,"
                                  " comments) VALUES (?1, ?2, ?3, ?4)"
                                  " ON CONFLICT (motion_id) DO UPDATE SET"
                                  " agree = agree + excluded.agree,"
                                  " disagree = disagree + excluded.disagree,"
                                  " comments = comments + excluded.comments", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, motion_id);
  sqlite3_bind_int (stmt, 2, agree);
  sqlite3_bind_int (stmt, 3, disagree);
  sqlite3_bind_int (stmt, 4, comment);
  return bk_store_step_done (self, stmt, error);
}

static gint64
next_id (BkStore *self)
{
  return bk_store_query_int (self,
                             "SELECT max (coalesce ((SELECT seq FROM sqlite_sequence"
                             " WHERE name = 'submission'), 0),"
                             " coalesce ((SELECT max (id) FROM submission), 0)) + 1", NULL);
}

/* Stores submission in one transaction of its own; with seal, the answers
 * go only into what seal makes of them (inside the transaction, knowing the
 * reference) and the row keeps none (sealed = 1). */
static char *
add_submission (BkStore      *self,
                BkSubmission *submission,
                BkSealFunc    seal,
                gpointer      seal_data,
                GError      **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GDateTime) local = g_date_time_new_now_local ();
  g_autofree char *created_at = NULL;
  g_autofree char *reference = NULL;
  int agree = 0, disagree = 0, comment = 0;
  gboolean began;
  gint64 id;

  g_return_val_if_fail (BK_IS_STORE (self), NULL);
  g_return_val_if_fail (submission != NULL, NULL);

  /* Inside someone else's transaction the COMMIT would not be ours, and the
   * reference would be shown before the request is safe. */
  if (bk_store_in_transaction (self))
    {
      g_set_error (error, BK_ERROR, BK_ERROR_DATABASE,
                   _("%s: a submission must be stored in a transaction of its own"),
                   where (self));
      return NULL;
    }
  if (!validate (submission, parser, error))
    return NULL;
  if (submission->kind == BK_SUBMISSION_MOTION_FEEDBACK &&
      !feedback_deltas (json_node_get_object (json_parser_get_root (parser)),
                        &agree, &disagree, &comment, error))
    return NULL;
  created_at = submission->created_at ? g_strdup (submission->created_at) : dup_now_utc ();

  /* BEGIN IMMEDIATE takes the write lock, so only it waits: for as long as
   * an import or the sync may hold it, not the default 1.5 s. */
  sqlite3_busy_timeout (bk_store_get_db (self), BK_STORE_SUBMISSION_BUSY_TIMEOUT_MS);
  began = bk_store_begin (self, error);
  sqlite3_busy_timeout (bk_store_get_db (self), BK_STORE_BUSY_TIMEOUT_MS);
  if (!began)
    return NULL;
  id = next_id (self);
  if (id <= 0)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_DATABASE,
                   _("%s: cannot number the submission"), where (self));
      goto fail;
    }
  reference = bk_submission_format_reference (g_date_time_get_year (local), id);
  if (!insert_row (self, submission, id, reference, created_at, seal != NULL, error))
    goto fail;
  if (seal != NULL && !seal (self, submission, reference, created_at, seal_data, error))
    goto fail;
  if (submission->kind == BK_SUBMISSION_MOTION_FEEDBACK &&
      !count_feedback (self, submission->motion_id, agree, disagree, comment, error))
    goto fail;
  if (!bk_store_commit (self, error))
    return NULL;

  submission->id = id;
  g_free (submission->reference);
  submission->reference = g_strdup (reference);
  g_free (submission->created_at);
  submission->created_at = g_steal_pointer (&created_at);
  return g_steal_pointer (&reference);

fail:
  bk_store_rollback (self);
  return NULL;
}

char *
bk_store_add_submission (BkStore      *self,
                         BkSubmission *submission,
                         GError      **error)
{
  return add_submission (self, submission, NULL, NULL, error);
}

char *
bk_store_add_sealed_submission (BkStore      *self,
                                BkSubmission *submission,
                                BkSealFunc    seal,
                                gpointer      seal_data,
                                GError      **error)
{
  g_return_val_if_fail (seal != NULL, NULL);
  return add_submission (self, submission, seal, seal_data, error);
}

/* With the paper number of the motion a feedback is about: the row id
 * means nothing outside this database. */
#define SUBMISSION_COLUMNS \
  "s.id, s.reference, s.kind, s.service_id, s.motion_id, s.created_at, s.answers, s.language," \
  " s.exported_at, p.reference FROM submission s LEFT JOIN paper p ON p.id = s.motion_id"

static BkSubmission *
submission_from_row (sqlite3_stmt *stmt)
{
  BkSubmissionKind kind = BK_SUBMISSION_APPOINTMENT;
  BkSubmission *s;

  bk_submission_kind_from_string ((const char *) sqlite3_column_text (stmt, 2), &kind);
  s = bk_submission_new (kind);
  s->id = sqlite3_column_int64 (stmt, 0);
  s->reference = column_dup (stmt, 1);
  s->service_id = column_dup (stmt, 3);
  s->motion_id = sqlite3_column_int64 (stmt, 4);
  s->created_at = column_dup (stmt, 5);
  g_free (s->answers);
  s->answers = column_dup (stmt, 6);
  s->language = column_dup (stmt, 7);
  s->exported_at = column_dup (stmt, 8);
  s->paper_number = column_dup (stmt, 9);
  return s;
}

BkSubmission *
bk_store_load_submission (BkStore    *self,
                          const char *reference,
                          GError    **error)
{
  g_autofree char *ref = NULL;
  sqlite3_stmt *stmt;
  BkSubmission *s = NULL;
  int rc;

  g_return_val_if_fail (BK_IS_STORE (self), NULL);
  ref = g_ascii_strup (reference ? reference : "", -1);
  g_strstrip (ref);
  stmt = bk_store_get_stmt (self, "SELECT " SUBMISSION_COLUMNS
                                  " WHERE s.reference = ?1", error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, ref);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    s = submission_from_row (stmt);
  else if (rc == SQLITE_DONE)
    g_set_error (error, BK_ERROR, BK_ERROR_NOT_FOUND,
                 _("There is no submission with the reference %s"), ref);
  else
    bk_store_set_sqlite_error (self, rc, error);
  sqlite3_reset (stmt);
  return s;
}

guint
bk_store_count_submissions (BkStore *self)
{
  g_return_val_if_fail (BK_IS_STORE (self), 0);
  return (guint) bk_store_query_int (self, "SELECT count(*) FROM submission", NULL);
}

GPtrArray *
bk_store_list_submissions (BkStore                 *self,
                           const BkSubmissionQuery *query,
                           GError                 **error)
{
  gboolean unexported = query != NULL && query->unexported_only;
  const char *since = query != NULL && query->since != NULL ? query->since : "";
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BK_IS_STORE (self), NULL);
  /* two statements, so the unexported list can use its partial index */
  /* Sealed submissions hold no answers: they reach their destination
   * through the outbox, not through an export. */
  stmt = bk_store_get_stmt (self, unexported
                            ? "SELECT " SUBMISSION_COLUMNS
                              " WHERE s.exported_at IS NULL AND s.created_at >= ?1 AND s.sealed = 0"
                              " ORDER BY s.created_at, s.id"
                            : "SELECT " SUBMISSION_COLUMNS
                              " WHERE s.created_at >= ?1 AND s.sealed = 0 ORDER BY s.created_at, s.id", error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, since);
  return bk_store_collect_rows (self, stmt, (gpointer (*) (sqlite3_stmt *)) submission_from_row,
                                (GDestroyNotify) bk_submission_free, error);
}

gboolean
bk_store_mark_submissions_exported (BkStore    *self,
                                    GPtrArray  *submissions,
                                    const char *when,
                                    GError    **error)
{
  g_autofree char *now = when ? g_strdup (when) : dup_now_utc ();

  g_return_val_if_fail (BK_IS_STORE (self), FALSE);
  if (!bk_store_begin (self, error))
    return FALSE;
  for (guint i = 0; i < submissions->len; i++)
    {
      BkSubmission *s = g_ptr_array_index (submissions, i);
      sqlite3_stmt *stmt = bk_store_get_stmt (self, "UPDATE submission SET exported_at = ?2"
                                                    " WHERE id = ?1", error);

      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, s->id);
      bind_text (stmt, 2, now);
      if (!bk_store_step_done (self, stmt, error))
        goto fail;
      /* The export being written says when it was made. */
      g_free (s->exported_at);
      s->exported_at = g_strdup (now);
    }
  return bk_store_commit (self, error);

fail:
  bk_store_rollback (self);
  return FALSE;
}

gboolean
bk_store_purge_submissions (BkStore    *self,
                            const char *cutoff,
                            guint      *removed,
                            GError    **error)
{
  sqlite3_stmt *stmt;
  guint n;

  g_return_val_if_fail (BK_IS_STORE (self), FALSE);
  g_return_val_if_fail (cutoff != NULL, FALSE);
  /* Purged means gone from the file too, not left in its free pages. */
  if (!bk_store_exec (self, "PRAGMA secure_delete = ON", error))
    return FALSE;
  if (!bk_store_begin (self, error))
    return FALSE;
  if (!bk_store_purge_outbox (self, cutoff, error))
    goto fail;
  stmt = bk_store_get_stmt (self, "DELETE FROM submission WHERE created_at < ?1", error);
  if (stmt == NULL)
    goto fail;
  bind_text (stmt, 1, cutoff);
  if (!bk_store_step_done (self, stmt, error))
    goto fail;
  n = (guint) sqlite3_changes (bk_store_get_db (self));
  if (!bk_store_commit (self, error))
    return FALSE;
  if (removed != NULL)
    *removed = n;
  return TRUE;

fail:
  bk_store_rollback (self);
  return FALSE;
}

gboolean
bk_store_get_motion_feedback (BkStore          *self,
                              gint64            motion_id,
                              BkFeedbackCounts *counts,
                              GError          **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BK_IS_STORE (self), FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);
  *counts = (BkFeedbackCounts) { 0 };
  stmt = bk_store_get_stmt (self, "SELECT agree, disagree, comments FROM motion_feedback"
                                  " WHERE motion_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, motion_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      counts->agree = (guint) sqlite3_column_int (stmt, 0);
      counts->disagree = (guint) sqlite3_column_int (stmt, 1);
      counts->comments = (guint) sqlite3_column_int (stmt, 2);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      bk_store_set_sqlite_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

guint
bk_store_get_retention_days (BkStore *self)
{
  sqlite3_stmt *stmt;
  g_autofree char *value = NULL;
  guint64 days = 0;

  g_return_val_if_fail (BK_IS_STORE (self), BK_STORE_DEFAULT_RETENTION_DAYS);
  stmt = bk_store_get_stmt (self, "SELECT value FROM setting WHERE key = '" RETENTION_KEY "'",
                            NULL);
  if (stmt == NULL)
    return BK_STORE_DEFAULT_RETENTION_DAYS;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = column_dup (stmt, 0);
  sqlite3_reset (stmt);
  if (value == NULL)
    return BK_STORE_DEFAULT_RETENTION_DAYS;
  if (!g_ascii_string_to_unsigned (value, 10, 1, MAX_RETENTION_DAYS, &days, NULL))
    {
      g_warning ("%s: setting “%s” is “%s”, not a number of days from 1 to %d; using %d",
                 where (self), RETENTION_KEY, value, MAX_RETENTION_DAYS,
                 BK_STORE_DEFAULT_RETENTION_DAYS);
      return BK_STORE_DEFAULT_RETENTION_DAYS;
    }
  return (guint) days;
}

gboolean
bk_store_set_retention_days (BkStore *self,
                             guint    days,
                             GError **error)
{
  g_autofree char *value = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BK_IS_STORE (self), FALSE);
  if (days < 1 || days > MAX_RETENTION_DAYS)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                   _("retention: %u is not a number of days from 1 to %d"), days,
                   MAX_RETENTION_DAYS);
      return FALSE;
    }
  value = g_strdup_printf ("%u", days);
  if (!bk_store_begin (self, error))
    return FALSE;
  stmt = bk_store_get_stmt (self, "INSERT INTO setting (key, value) VALUES ('" RETENTION_KEY
                                  "', ?1) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                            error);
  if (stmt == NULL || (bind_text (stmt, 1, value), !bk_store_step_done (self, stmt, error)))
    {
      bk_store_rollback (self);
      return FALSE;
    }
  return bk_store_commit (self, error);
}

/* --- check (bk-store-check.c) ------------------------------------------ */

/* What SQL cannot see: the check letters of the references. */
static guint
check_references (BkStore *self,
                  GString *report)
{
  sqlite3_stmt *stmt = NULL;
  guint problems = 0;

  if (sqlite3_prepare_v2 (bk_store_get_db (self), "SELECT reference FROM submission", -1, &stmt,
                          NULL) != SQLITE_OK)
    return 0;   /* the integrity check reports a broken table */
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *reference = (const char *) sqlite3_column_text (stmt, 0);

      if (bk_submission_reference_is_valid (reference))
        continue;
      if (problems++ < 20)
        g_string_append_printf (report, "%s: submission %s: the check letter does not match\n",
                                _("submissions"), reference ? reference : "(none)");
    }
  sqlite3_finalize (stmt);
  return problems;
}

/* The answers are read back as a JSON object by exports and by the staff
 * view, and negative counts would show as nonsense on the motion page. */
guint
bk_store_check_submissions (BkStore *self,
                            GString *report)
{
  guint problems = check_references (self, report);

  problems += bk_store_check_rows (self,
                                   "SELECT 'submission ' || reference || ' has answers that are"
                                   " not a JSON object' FROM submission"
                                   " WHERE NOT json_valid (answers) OR json_type (answers) != 'object'",
                                   report, _("submissions"));
  problems += bk_store_check_rows (self,
                                   "SELECT 'feedback counts of motion ' || motion_id ||"
                                   " ' are negative' FROM motion_feedback"
                                   " WHERE agree < 0 OR disagree < 0 OR comments < 0",
                                   report, _("submissions"));
  return problems;
}
