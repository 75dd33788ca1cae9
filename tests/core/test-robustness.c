#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sqlite3.h>
#include <glib/gstdio.h>

#include "bk-backup.h"
#include "bk-demo.h"
#include "bk-error.h"
#include "bk-log-capture.h"
#include "bk-staff-pin.h"
#include "bk-staff-tasks.h"
#include "bk-submission.h"
#include "bk-start.h"
#include "bk-store.h"
#include "bk-store-private.h"
#include "bk-test-util.h"

static GPtrArray *
broken_files (const char *db_path)
{
  g_autofree char *dir = g_path_get_dirname (db_path);
  g_autofree char *base = g_path_get_basename (db_path);
  g_autofree char *prefix = g_strconcat (base, ".broken-", NULL);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_prefix (name, prefix) && !g_str_has_suffix (name, "-wal") &&
        !g_str_has_suffix (name, "-shm"))
      g_ptr_array_add (names, g_build_filename (dir, name, NULL));
  return names;
}

static void
assert_fallback (BkStore *store, BkStartReport *report, const char *path,
                 const char *expected_contents)
{
  g_autoptr(GPtrArray) broken = broken_files (path);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  BkLogRecord *record;

  g_assert_nonnull (store);
  /* Moved aside under the documented name, with the same bytes: never deleted. */
  g_assert_cmpuint (broken->len, ==, 1);
  g_assert_cmpstr (report->broken_path, ==, g_ptr_array_index (broken, 0));
  g_assert_true (g_regex_match_simple ("kiosk\\.db\\.broken-[0-9]{8}-[0-9]{6}$",
                                       report->broken_path, 0, 0));
  if (expected_contents != NULL)
    {
      g_assert_true (g_file_get_contents (report->broken_path, &contents, NULL, NULL));
      g_assert_cmpstr (contents, ==, expected_contents);
    }
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* The demo content, in memory, read-only. */
  g_assert_null (bk_store_get_path (store));
  g_assert_cmpuint (bk_store_count_motions (store), >, 0);
  g_assert_cmpuint (bk_store_count_services (store), >, 0);
  g_assert_true (bk_store_is_read_only (store));
  g_assert_false (bk_store_begin (store, &error));
  g_assert_error (error, BK_ERROR, BK_ERROR_READ_ONLY);

  /* A journal warning for staff, naming the moved file. */
  record = bk_log_capture_find ("database-broken", NULL);
  g_assert_nonnull (record);
  g_assert_true (record->level & G_LOG_LEVEL_WARNING);
  g_assert_cmpstr (record->detail, ==, report->broken_path);
  g_assert_nonnull (strstr (record->message, report->broken_path));
}

static void
test_garbage_file (void)
{
  g_autofree char *path = bk_test_tmp_path ("kiosk.db");
  const char *garbage = "This is not an SQLite database but a text file someone copied here.\n"
                        "It is long enough to have a header of one hundred bytes, really.\n";
  g_auto(BkStartReport) report = { 0 };
  g_autoptr(BkStore) store = NULL;
  g_autoptr(GError) error = NULL;

  bk_log_capture_clear ();
  g_assert_true (g_file_set_contents (path, garbage, -1, NULL));
  store = bk_start_open_store (path, NULL, &report, &error);
  g_assert_no_error (error);
  assert_fallback (store, &report, path, garbage);
}

static void
test_damaged_pages (void)
{
  g_autofree char *path = bk_test_tmp_path ("kiosk.db");
  g_auto(BkStartReport) report = { 0 };
  g_autoptr(BkStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize len;

  bk_log_capture_clear ();
  {
    g_autoptr(BkStore) good = bk_start_open_store (path, NULL, &report, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (bk_store_count_motions (good), >, 0);
    g_assert_null (report.broken_path);
  }
  bk_start_report_clear (&report);
  /* Keep the header, overwrite the pages of the tables behind it. */
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_cmpuint (len, >, 3 * 16384);
  memset (contents + 16384 + 100, 0x5a, len - 16384 - 100);
  g_assert_true (g_file_set_contents (path, contents, len, NULL));

  store = bk_start_open_store (path, NULL, &report, &error);
  g_assert_no_error (error);
  assert_fallback (store, &report, path, NULL);
}

/* Without its PIN staff could not open staff mode to see the banner. */
static void
test_fallback_keeps_pin (void)
{
  g_autofree char *path = bk_test_tmp_path ("kiosk.db");
  g_auto(BkStartReport) report = { 0 };
  g_autoptr(BkStore) store = NULL;
  g_autoptr(GError) error = NULL;

  bk_log_capture_clear ();
  {
    g_autoptr(BkStore) good = bk_store_open (path, BK_STORE_OPEN_DEFAULT, &error);

    g_assert_true (bk_staff_pin_set (good, "424242", &error));
  }
  {
    g_autoptr(BkStore) good = bk_start_open_store (path, NULL, &report, &error);

    g_assert_no_error (error);
    g_assert_nonnull (report.backup_path);
  }
  bk_start_report_clear (&report);
  g_assert_true (g_file_set_contents (path, "garbage garbage garbage garbage garbage garbage "
                                      "garbage garbage garbage garbage garbage garbage", -1, NULL));
  store = bk_start_open_store (path, NULL, &report, &error);
  g_assert_no_error (error);
  assert_fallback (store, &report, path, NULL);
  g_assert_cmpint (bk_staff_pin_verify (store, "424242", NULL, NULL, NULL, NULL), ==,
                   BK_STAFF_PIN_OK);
}

/* A database from a newer program is not broken: it stays where it is. */
static void
test_too_new_not_moved (void)
{
  g_autofree char *path = bk_test_tmp_path ("kiosk.db");
  g_auto(BkStartReport) report = { 0 };
  g_autoptr(BkStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) broken = NULL;
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE x (y); PRAGMA user_version = 999",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = bk_start_open_store (path, NULL, &report, &error);
  g_assert_null (store);
  g_assert_error (error, BK_ERROR, BK_ERROR_DATABASE_TOO_NEW);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  broken = broken_files (path);
  g_assert_cmpuint (broken->len, ==, 0);
  g_assert_null (report.broken_path);
}

static void
test_backup_rotation (void)
{
  g_autofree char *path = bk_test_tmp_path ("kiosk.db");
  g_autofree char *folder = bk_backup_get_folder (path);
  g_autoptr(BkStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autofree char *created = NULL;
  g_autofree char *first = NULL;
  GStatBuf st;

  store = bk_store_open (path, BK_STORE_OPEN_DEFAULT, &error);
  g_assert_true (bk_staff_pin_set (store, "777777", &error));

  for (int day = 1; day <= 10; day++)
    {
      g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, day, 6, 30, 0);
      g_autoptr(GDateTime) later = g_date_time_add_hours (now, 23);

      g_assert_true (bk_backup_if_due (store, BK_BACKUP_KEEP, now, &created, &error));
      g_assert_no_error (error);
      g_assert_nonnull (created);
      if (first == NULL)
        first = g_strdup (created);
      g_clear_pointer (&created, g_free);
      /* Less than a day after the last one: none due. */
      g_assert_true (bk_backup_if_due (store, BK_BACKUP_KEEP, later, &created, &error));
      g_assert_null (created);
    }

  names = bk_backup_list (path);
  g_assert_cmpuint (names->len, ==, BK_BACKUP_KEEP);
  g_assert_cmpstr (g_ptr_array_index (names, 0), ==, "kiosk-20261110-063000.db");
  g_assert_cmpstr (g_ptr_array_index (names, BK_BACKUP_KEEP - 1), ==, "kiosk-20261104-063000.db");
  g_assert_false (g_file_test (first, G_FILE_TEST_EXISTS));

  /* Only the owner may read them: they hold citizens' requests. */
  g_assert_cmpint (g_stat (folder, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  {
    g_autofree char *newest = g_build_filename (folder, g_ptr_array_index (names, 0), NULL);
    g_autoptr(BkStore) copy = NULL;

    g_assert_cmpint (g_stat (newest, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
    /* A real copy: it opens and holds what the database held. */
    copy = bk_store_open (newest, BK_STORE_OPEN_READ_ONLY, &error);
    g_assert_no_error (error);
    g_assert_true (bk_staff_pin_is_set (copy));
  }

  /* Files that are not backups of this database stay. */
  {
    g_autofree char *other = g_build_filename (folder, "notes.txt", NULL);

    g_assert_true (g_file_set_contents (other, "x", -1, NULL));
    g_assert_cmpuint (bk_backup_rotate (path, 1), ==, BK_BACKUP_KEEP - 1);
    g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
  }
}

/* While a broken database lies beside it, old backups are not rotated away. */
static void
test_no_rotation_while_broken (void)
{
  g_autofree char *path = bk_test_tmp_path ("kiosk.db");
  g_autofree char *broken = g_strconcat (path, ".broken-20261101-080000", NULL);
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(BkStore) store = bk_store_open (path, BK_STORE_OPEN_DEFAULT, &error);

    /* A restored database has content (an empty one beside a broken file
     * is still the fallback state: test_restart_stays_on_fallback). */
    g_assert_true (bk_demo_seed (store, &error));
    for (int day = 1; day <= BK_BACKUP_KEEP; day++)
      {
        g_autoptr(GDateTime) then = g_date_time_new_utc (2026, 10, day, 6, 0, 0);

        g_assert_true (bk_backup_if_due (store, BK_BACKUP_KEEP, then, NULL, &error));
      }
  }
  g_assert_true (g_file_set_contents (broken, "x", -1, NULL));
  bk_log_capture_clear ();
  {
    g_auto(BkStartReport) report = { 0 };
    g_autoptr(BkStore) store = bk_start_open_store (path, NULL, &report, &error);

    g_assert_no_error (error);
    g_assert_nonnull (report.backup_path);
    g_assert_nonnull (bk_log_capture_find (NULL, "Old backups are kept"));
  }
  names = bk_backup_list (path);
  g_assert_cmpuint (names->len, ==, BK_BACKUP_KEEP + 1);
}

static void
test_memory_store_no_backup (void)
{
  g_autoptr(BkStore) store = bk_test_store_open_memory ();
  g_autofree char *created = NULL;

  g_assert_true (bk_backup_if_due (store, BK_BACKUP_KEEP, NULL, &created, NULL));
  g_assert_null (created);
}

static void
test_staff_export (void)
{
  g_autofree char *path = bk_test_tmp_path ("kiosk.db");
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *folder = g_build_filename (dir, "export", NULL);
  g_autoptr(BkStore) store = bk_store_open (path, BK_STORE_OPEN_DEFAULT, NULL);
  g_autoptr(BkSubmission) submission = bk_submission_new (BK_SUBMISSION_DEFECT_REPORT);
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 12, 1, 10, 30, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *written = NULL;
  g_autofree char *contents = NULL;
  BkSubmissionQuery unexported = { NULL, TRUE };
  g_autoptr(GPtrArray) left = NULL;
  guint count = 99;
  GStatBuf st;

  g_assert_nonnull (store);
  /* None to export: no file. */
  g_assert_true (bk_staff_export_submissions (store, folder, now, &count, &written, &error));
  g_assert_cmpuint (count, ==, 0);
  g_assert_null (written);

  g_free (submission->answers);
  submission->answers = g_strdup ("{\"where\": \"Lindenweg 3\"}");
  reference = bk_store_add_submission (store, submission, &error);
  g_assert_no_error (error);
  g_assert_true (bk_staff_export_submissions (store, folder, now, &count, &written, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, 1);
  g_assert_true (g_str_has_suffix (written, "/submissions-20261201-103000.json"));
  g_assert_true (g_file_get_contents (written, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, reference));
  g_assert_cmpint (g_stat (written, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  left = bk_store_list_submissions (store, &unexported, NULL);
  g_assert_cmpuint (left->len, ==, 0);
}


static void
add_submission (BkStore *store)
{
  g_autoptr(BkSubmission) submission = bk_submission_new (BK_SUBMISSION_DEFECT_REPORT);
  g_autoptr(GError) error = NULL;
  g_autofree char *reference = NULL;

  g_free (submission->answers);
  submission->answers = g_strdup ("{\"where\": \"Lindenweg 3\"}");
  reference = bk_store_add_submission (store, submission, &error);
  g_assert_no_error (error);
  g_assert_nonnull (reference);
}

/* A healthy database with a PIN, one submission and a backup of it. */
static char *
make_database_with_backup (const char *path)
{
  g_autoptr(BkStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) then = g_date_time_new_utc (2026, 11, 1, 6, 0, 0);
  char *backup = NULL;

  store = bk_store_open (path, BK_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (bk_staff_pin_set (store, "515151", &error));
  add_submission (store);
  g_assert_true (bk_backup_if_due (store, BK_BACKUP_KEEP, then, &backup, &error));
  g_assert_no_error (error);
  g_assert_nonnull (backup);
  return backup;
}

/* After a broken database, every later start is the same read-only demo
 * state: no new writable database of invented motions, not even when the
 * staff tool left an empty one at the path. */
static void
test_restart_stays_on_fallback (void)
{
  g_autofree char *path = bk_test_tmp_path ("kiosk.db");
  g_autofree char *first_broken = NULL;
  g_autoptr(GError) error = NULL;

  bk_log_capture_clear ();
  g_assert_true (g_file_set_contents (path, "garbage garbage garbage garbage garbage garbage "
                                      "garbage garbage garbage garbage garbage garbage", -1, NULL));
  {
    g_auto(BkStartReport) report = { 0 };
    g_autoptr(BkStore) store = bk_start_open_store (path, NULL, &report, &error);

    g_assert_no_error (error);
    assert_fallback (store, &report, path, NULL);
    first_broken = g_strdup (report.broken_path);
  }
  for (guint start = 0; start < 3; start++)
    {
      g_auto(BkStartReport) report = { 0 };
      g_autoptr(BkStore) store = bk_start_open_store (path, NULL, &report, &error);

      g_assert_no_error (error);
      g_assert_nonnull (store);
      g_assert_true (bk_store_is_read_only (store));
      g_assert_null (bk_store_get_path (store));
      g_assert_cmpstr (report.broken_path, ==, first_broken);
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
      g_assert_null (report.backup_path);
    }
  /* An empty database at the path (what a staff command used to leave). */
  {
    g_autoptr(BkStore) empty = bk_store_open (path, BK_STORE_OPEN_DEFAULT, &error);

    g_assert_no_error (error);
  }
  {
    g_auto(BkStartReport) report = { 0 };
    g_autoptr(BkStore) store = bk_start_open_store (path, NULL, &report, &error);

    g_assert_no_error (error);
    g_assert_true (bk_store_is_read_only (store));
    g_assert_null (bk_store_get_path (store));
    g_assert_cmpstr (report.broken_path, ==, first_broken);
  }
  {
    g_autoptr(BkStore) still_empty = bk_store_open (path, BK_STORE_OPEN_READ_ONLY, &error);

    g_assert_no_error (error);
    g_assert_true (bk_store_is_empty (still_empty));
  }
}

/* restore: checked, in place, the broken file kept; the next start is the
 * restored database, writable, with its PIN and submissions. */
static void
test_restore_backup (void)
{
  g_autofree char *path = bk_test_tmp_path ("kiosk.db");
  g_autofree char *backup = make_database_with_backup (path);
  g_autofree char *broken = NULL;
  g_autofree char *replaced = NULL;
  g_autoptr(GError) error = NULL;

  bk_log_capture_clear ();
  g_assert_true (g_file_set_contents (path, "garbage garbage garbage garbage garbage garbage "
                                      "garbage garbage garbage garbage garbage garbage", -1, NULL));
  {
    g_auto(BkStartReport) report = { 0 };
    g_autoptr(BkStore) store = bk_start_open_store (path, NULL, &report, &error);

    g_assert_no_error (error);
    g_assert_nonnull (report.broken_path);
    broken = g_strdup (report.broken_path);
  }
  g_assert_true (bk_start_restore (path, backup, NULL, &replaced, &error));
  g_assert_no_error (error);
  g_assert_null (replaced);
  g_assert_true (g_file_test (broken, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (backup, G_FILE_TEST_EXISTS));
  g_assert_nonnull (bk_log_capture_find ("restore", NULL));
  {
    g_auto(BkStartReport) report = { 0 };
    g_autoptr(BkStore) store = bk_start_open_store (path, NULL, &report, &error);
    GStatBuf st;

    g_assert_no_error (error);
    g_assert_null (report.broken_path);
    g_assert_false (report.write_protected);
    g_assert_cmpstr (bk_store_get_path (store), ==, path);
    g_assert_false (bk_store_is_read_only (store));
    g_assert_true (bk_staff_pin_is_set (store));
    g_assert_cmpuint (bk_store_count_submissions (store), ==, 1);
    /* It holds citizens' requests: only its owner may read it. */
    g_assert_cmpint (g_stat (path, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  }

  /* Over an existing database: the old one is kept under another name. */
  g_assert_true (bk_start_restore (path, backup, NULL, &replaced, &error));
  g_assert_no_error (error);
  g_assert_nonnull (replaced);
  g_assert_true (g_regex_match_simple ("kiosk\\.db\\.replaced-[0-9]{8}-[0-9]{6}$", replaced, 0, 0));
  g_assert_true (g_file_test (replaced, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* What is not a usable backup is refused and nothing changes. */
static void
test_restore_rejects (void)
{
  g_autofree char *path = bk_test_tmp_path ("kiosk.db");
  g_autofree char *backup = make_database_with_backup (path);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *text = g_build_filename (dir, "notes.txt", NULL);
  g_autofree char *foreign = g_build_filename (dir, "other.db", NULL);
  g_autofree char *newer = g_build_filename (dir, "newer.db", NULL);
  g_autofree char *damaged = g_build_filename (dir, "damaged.db", NULL);
  g_autofree char *before = NULL, *after = NULL, *contents = NULL;
  gsize before_len, after_len, len;
  sqlite3 *db;

  g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));
  g_assert_true (g_file_set_contents (text, "just some text, long enough to be read as a header "
                                      "of an SQLite file, but it is not one at all.", -1, NULL));
  g_assert_cmpint (sqlite3_open (foreign, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE x (y)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_cmpint (sqlite3_open (newer, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE x (y); PRAGMA user_version = 999",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  /* The backup with its table pages overwritten. */
  g_assert_true (g_file_get_contents (backup, &contents, &len, NULL));
  g_assert_cmpuint (len, >, 3 * 16384);
  memset (contents + 16384 + 100, 0x5a, len - 16384 - 100);
  g_assert_true (g_file_set_contents (damaged, contents, len, NULL));

  {
    const char *files[] = { text, foreign, damaged, dir };

    for (guint i = 0; i < G_N_ELEMENTS (files); i++)
      {
        g_autoptr(GError) error = NULL;
        g_autofree char *replaced = NULL;

        g_test_message ("restoring %s", files[i]);
        g_assert_false (bk_start_restore (path, files[i], NULL, &replaced, &error));
        g_assert_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT);
        g_assert_nonnull (strstr (error->message, files[i]));
        g_assert_null (replaced);
      }
  }
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (bk_start_restore (path, newer, NULL, NULL, &error));
    g_assert_error (error, BK_ERROR, BK_ERROR_DATABASE_TOO_NEW);
  }
  /* Unchanged, and no copy left behind. */
  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (d)) != NULL)
      g_assert_false (g_str_has_prefix (name, ".restore-"));
  }
}

/* A file the kiosk may only read is shown read-only as it is: not moved
 * aside as "damaged", nothing seeded, no backup, and its check is clean. */
static void
test_write_protected_file (void)
{
  g_autofree char *path = bk_test_tmp_path ("kiosk.db");
  g_auto(BkStartReport) report = { 0 };
  g_autoptr(BkStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) check = g_string_new (NULL);
  g_autoptr(GPtrArray) broken = NULL;

  if (geteuid () == 0)
    {
      /* tests/core/test-cli-restore.sh covers it as another user and on a
       * read-only mount. */
      g_test_skip ("root may write any file");
      return;
    }
  g_free (make_database_with_backup (path));
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  store = bk_start_open_store (path, NULL, &report, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_true (report.write_protected);
  g_assert_null (report.broken_path);
  g_assert_null (report.backup_path);
  g_assert_true (bk_store_is_read_only (store));
  g_assert_true (bk_store_is_write_protected (store));
  g_assert_cmpstr (bk_store_get_path (store), ==, path);
  g_assert_cmpuint (bk_store_count_submissions (store), ==, 1);
  broken = broken_files (path);
  g_assert_cmpuint (broken->len, ==, 0);
  g_assert_true (bk_store_check (store, check, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (check->str, ==, "");
  /* Staff can still open staff mode to read the banner, and wrong PINs
   * still lock it (kept in memory: the file cannot keep them). */
  g_assert_cmpint (bk_staff_pin_verify (store, "515151", NULL, NULL, NULL, &error), ==, BK_STAFF_PIN_OK);
  g_assert_no_error (error);
  for (guint i = 0; i < BK_STAFF_PIN_MAX_FAILURES; i++)
    g_assert_cmpint (bk_staff_pin_verify (store, "000000", NULL, NULL, NULL, NULL), ==, BK_STAFF_PIN_WRONG);
  g_assert_cmpint (bk_staff_pin_verify (store, "515151", NULL, NULL, NULL, NULL), ==, BK_STAFF_PIN_LOCKED);
  g_assert_cmpint (bk_staff_pin_get_locked_seconds (store, NULL, NULL), >, 0);
  g_clear_object (&store);
  g_chmod (path, 0644);
}

/* purge reaches the backups, also while a broken file lies beside. */
static void
test_purge_backups (void)
{
  g_autofree char *path = bk_test_tmp_path ("kiosk.db");
  g_autofree char *backup = make_database_with_backup (path);
  g_autofree char *broken = g_strconcat (path, ".broken-20261101-080000", NULL);
  g_autoptr(GError) error = NULL;
  guint removed = 99, files = 99;

  g_assert_true (g_file_set_contents (broken, "x", -1, NULL));
  /* Nothing older than a cutoff in the past. */
  g_assert_true (bk_backup_purge_submissions (path, "2000-01-01T00:00:00Z", &removed, &files, &error));
  g_assert_cmpuint (removed, ==, 0);
  g_assert_cmpuint (files, ==, 1);
  g_assert_true (bk_backup_purge_submissions (path, "2999-01-01T00:00:00Z", &removed, &files, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (removed, ==, 1);
  g_assert_cmpuint (files, ==, 1);
  {
    g_autoptr(BkStore) copy = bk_store_open (backup, BK_STORE_OPEN_READ_ONLY, &error);
    g_autofree char *contents = NULL;
    gsize len;

    g_assert_no_error (error);
    g_assert_cmpuint (bk_store_count_submissions (copy), ==, 0);
    g_assert_true (bk_staff_pin_is_set (copy));
    g_clear_object (&copy);
    /* Gone from the file, not only from the table. */
    g_assert_true (g_file_get_contents (backup, &contents, &len, NULL));
    g_assert_null (g_strstr_len (contents, len, "Lindenweg 3"));
  }
}

/* A full disk is a database failure, not a rejected input. */
static void
test_disk_full_is_not_bad_input (void)
{
  g_autofree char *path = bk_test_tmp_path ("kiosk.db");
  g_autoptr(BkStore) store = bk_store_open (path, BK_STORE_OPEN_DEFAULT, NULL);
  g_autoptr(BkSubmission) submission = bk_submission_new (BK_SUBMISSION_DEFECT_REPORT);
  g_autoptr(GError) error = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *limit = NULL;

  limit = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT,
                           bk_store_query_int (store, "PRAGMA page_count", NULL));
  g_assert_cmpint (sqlite3_exec (bk_store_get_db (store), limit, NULL, NULL, NULL), ==, SQLITE_OK);
  g_free (submission->answers);
  submission->answers = g_strdup_printf ("{\"where\": \"%0500d\"}", 7);
  /* Until the pages run out: a few 16 KiB pages hold a few submissions. */
  for (guint i = 0; i < 10000 && error == NULL; i++)
    {
      g_clear_pointer (&reference, g_free);
      reference = bk_store_add_submission (store, submission, &error);
    }
  g_assert_null (reference);
  g_assert_error (error, BK_ERROR, BK_ERROR_DATABASE);
  g_assert_nonnull (strstr (error->message, "disk is full"));
}

static guint
count_prepared (BkStore *store)
{
  guint n = 0;

  for (sqlite3_stmt *s = sqlite3_next_stmt (bk_store_get_db (store), NULL); s != NULL;
       s = sqlite3_next_stmt (bk_store_get_db (store), s))
    n++;
  return n;
}

/* SQL built per call is prepared once: the cache keeps its own copy of the
 * text. (It kept the caller's pointer, so once that string was freed and
 * its memory reused, lookups missed and every motion summary prepared its
 * statement again, kept until the store closed.) */
static void
test_statement_cache_owns_sql (void)
{
  g_autoptr(BkStore) store = bk_test_store_open_memory ();
  g_autoptr(BkMotion) m = bk_test_motion_new ("Mehr Bänke am Markt", "Gemeinderat", "2026-03-01", "Fraktion A");
  g_autoptr(GError) error = NULL;
  char *sql = g_strdup ("SELECT count(*) FROM paper WHERE id > ?1");
  sqlite3_stmt *first, *again;
  guint before;

  g_assert_true (bk_store_save_motion (store, m, &error));
  g_assert_no_error (error);

  first = bk_store_get_stmt (store, sql, &error);
  g_assert_no_error (error);
  before = count_prepared (store);
  /* the caller's string changes and goes */
  memset (sql, 'x', strlen (sql));
  g_free (sql);
  sql = g_strdup ("SELECT count(*) FROM paper WHERE id > ?1");
  again = bk_store_get_stmt (store, sql, &error);
  g_assert_no_error (error);
  g_assert_true (again == first);
  g_assert_cmpuint (count_prepared (store), ==, before);
  g_free (sql);

  /* a motion's summary, as the list loads it for every row shown */
  for (guint i = 0; i < 200; i++)
    {
      g_autoptr(BkMotionSummary) summary = bk_store_load_summary (store, m->id, &error);
      g_autofree char *noise = g_strnfill (1500 + i % 7, 'q');

      g_assert_no_error (error);
      g_assert_cmpstr (summary->subject, ==, "Mehr Bänke am Markt");
      if (i == 0)
        before = count_prepared (store);
    }
  g_assert_cmpuint (count_prepared (store), ==, before);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  bk_log_capture_start ();
  g_test_add_func ("/robustness/garbage-file", test_garbage_file);
  g_test_add_func ("/robustness/damaged-pages", test_damaged_pages);
  g_test_add_func ("/robustness/fallback-keeps-pin", test_fallback_keeps_pin);
  g_test_add_func ("/robustness/too-new-not-moved", test_too_new_not_moved);
  g_test_add_func ("/robustness/backup-rotation", test_backup_rotation);
  g_test_add_func ("/robustness/memory-store-no-backup", test_memory_store_no_backup);
  g_test_add_func ("/robustness/no-rotation-while-broken", test_no_rotation_while_broken);
  g_test_add_func ("/robustness/staff-export", test_staff_export);
  g_test_add_func ("/robustness/restart-stays-on-fallback", test_restart_stays_on_fallback);
  g_test_add_func ("/robustness/restore-backup", test_restore_backup);
  g_test_add_func ("/robustness/restore-rejects", test_restore_rejects);
  g_test_add_func ("/robustness/write-protected-file", test_write_protected_file);
  g_test_add_func ("/robustness/purge-backups", test_purge_backups);
  g_test_add_func ("/robustness/disk-full-is-not-bad-input", test_disk_full_is_not_bad_input);
  g_test_add_func ("/robustness/statement-cache-owns-sql", test_statement_cache_owns_sql);
  return g_test_run ();
}
