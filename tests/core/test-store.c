#include <sqlite3.h>
#include <glib/gstdio.h>

#include "bk-error.h"
#include "bk-search-tokenizer.h"
#include "bk-store.h"
#include "bk-store-oparl.h"
#include "bk-test-util.h"

static BkMotion *
full_motion (void)
{
  BkMotion *m = bk_test_motion_new ("Barrierefreies Rathaus", "Kreistag Beispielkreis",
                                    "2026-10-01", "SPD-Fraktion");
  BkResolutionPoint *p;
  BkConsultation *c;

  m->type = g_strdup ("Sachantrag");
  m->reference = g_strdup ("12/0345");
  m->is_public = BK_TRISTATE_YES;
  m->addressee = g_strdup ("Herrn Landrat");
  m->justification = g_strdup ("Weil alle hineinkommen sollen.\n\nAuch mit Rollstuhl.");
  bk_motion_add_submitter (m, "Erika Beispiel", BK_PARTY_PERSON);
  bk_motion_add_signatory (m, "Erika Beispiel", BK_PARTY_PERSON)->role = g_strdup ("Vorsitzende");
  p = bk_motion_add_point (m, "Eine Rampe wird gebaut.");
  bk_resolution_point_add_subpoint (p, "am Haupteingang");
  bk_resolution_point_add_subpoint (p, "am Seiteneingang");
  bk_motion_add_point (m, "Der Aufzug wird erneuert.");
  c = bk_motion_add_consultation (m, "Kreisausschuss", "2026-11-02", "Vorberatung", BK_TRISTATE_YES);
  c->authoritative = BK_TRISTATE_NO;
  bk_motion_add_consultation (m, "Kreistag", "2026-12-14", "Beschluss", BK_TRISTATE_NO);
  bk_motion_add_reference (m, "12/0301");
  return m;
}

static void
test_open_memory (void)
{
  g_autoptr(BkStore) store = bk_test_store_open_memory ();

  g_assert_cmpint (bk_store_get_schema_version (store), ==, BK_STORE_SCHEMA_VERSION);
  g_assert_true (bk_store_is_empty (store));
  g_assert_cmpuint (bk_store_count_motions (store), ==, 0);
}

static void
test_roundtrip (void)
{
  g_autoptr(BkStore) store = bk_test_store_open_memory ();
  g_autoptr(BkMotion) m = full_motion ();
  g_autoptr(BkMotion) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  g_assert_true (bk_store_save_motion (store, m, &error));
  g_assert_no_error (error);
  g_assert_cmpint (m->id, >, 0);

  loaded = bk_store_load_motion (store, m->id, &error);
  g_assert_no_error (error);
  a = bk_motion_to_json_string (m, FALSE);
  b = bk_motion_to_json_string (loaded, FALSE);
  g_assert_cmpstr (a, ==, b);
  g_assert_cmpstr (((BkParty *) g_ptr_array_index (loaded->signatories, 0))->role, ==, "Vorsitzende");
  bk_test_assert_check (store);
}

static void
test_update_in_place (void)
{
  g_autoptr(BkStore) store = bk_test_store_open_memory ();
  g_autoptr(BkMotion) m = full_motion ();
  g_autoptr(BkMotion) again = full_motion ();
  g_autoptr(BkMotion) loaded = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (bk_store_save_motion (store, m, &error));
  /* Same reference and body from a text import: an update, not a second motion. */
  g_free (again->subject);
  again->subject = g_strdup ("Barrierefreies Rathaus, geändert");
  g_ptr_array_set_size (again->resolution_points, 1);
  g_assert_true (bk_store_save_motion (store, again, &error));
  g_assert_no_error (error);
  g_assert_cmpint (again->id, ==, m->id);
  g_assert_cmpuint (bk_store_count_motions (store), ==, 1);
  loaded = bk_store_load_motion (store, m->id, &error);
  g_assert_cmpstr (loaded->subject, ==, "Barrierefreies Rathaus, geändert");
  g_assert_cmpuint (loaded->resolution_points->len, ==, 1);
  bk_test_assert_check (store);
}

/* The easy-read summary: stored, replaced by a new import, and kept in the
 * file (its column is part of schema version 1, so no migration adds it). */
static void
test_easy_summary (void)
{
  g_autofree char *path = bk_test_tmp_path ("kiosk.db");
  g_autoptr(BkStore) store = NULL;
  g_autoptr(BkMotion) m = full_motion ();
  g_autoptr(BkMotion) plain = bk_test_motion_new ("Ohne Zusammenfassung", "Kreistag", "2026-10-02", "SPD");
  g_autoptr(BkMotion) loaded = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  store = bk_store_open (path, BK_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  m->easy_summary = g_strdup ("Es gibt eine Rampe.\n\nDann kommen alle ins Rathaus.");
  g_assert_true (bk_store_save_motion (store, m, &error));
  g_assert_true (bk_store_save_motion (store, plain, &error));
  g_assert_no_error (error);
  id = m->id;
  g_clear_object (&store);

  store = bk_store_open (path, BK_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  loaded = bk_store_load_motion (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->easy_summary, ==, "Es gibt eine Rampe.\n\nDann kommen alle ins Rathaus.");
  g_clear_pointer (&loaded, bk_motion_free);
  loaded = bk_store_load_motion (store, plain->id, &error);
  g_assert_null (loaded->easy_summary);
  g_clear_pointer (&loaded, bk_motion_free);
  g_clear_object (&store);

  /* A new version of the text without a summary has none. */
  store = bk_store_open (path, BK_STORE_OPEN_DEFAULT, &error);
  g_clear_pointer (&m->easy_summary, g_free);
  m->id = 0;
  g_assert_true (bk_store_save_motion (store, m, &error));
  g_assert_cmpint (m->id, ==, id);
  loaded = bk_store_load_motion (store, id, &error);
  g_assert_null (loaded->easy_summary);
  bk_test_assert_check (store);
}

static void
test_oparl_objects (void)
{
  g_autoptr(BkStore) store = bk_test_store_open_memory ();
  g_autoptr(BkMotion) m = full_motion ();
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *start = NULL;
  g_autofree char *meeting = NULL;

  m->oparl_id = g_strdup ("https://example.org/oparl/paper/1");
  g_assert_true (bk_store_save_body (store, "https://example.org/oparl/body/1", "Landkreis Beispielkreis", "LKB", &error));
  g_assert_true (bk_store_save_organization (store, "https://example.org/oparl/org/1", "https://example.org/oparl/body/1",
                                             "Kreisausschuss", "KA", "Ausschuss", &error));
  g_assert_true (bk_store_save_organization (store, "https://example.org/oparl/org/1", NULL,
                                             "Kreisausschuss (neu)", "KA", "Ausschuss", &error));
  g_assert_true (bk_store_save_person (store, "https://example.org/oparl/person/1", "Erika Beispiel", &error));
  {
    BkStoreMeetingRow row = { "https://example.org/oparl/meeting/1", "2. Sitzung",
                              "2026-11-02T17:00:00+01:00", NULL, "Kreishaus", FALSE, NULL, NULL };
    BkStoreAgendaItemRow item = { "https://example.org/oparl/ai/1", "https://example.org/oparl/meeting/1",
                                  0, "3", "Rathaus", NULL, BK_TRISTATE_YES, NULL, NULL };

    g_assert_true (bk_store_save_meeting (store, &row, &error));
    g_assert_true (bk_store_save_agenda_item (store, &item, &error));
  }
  g_assert_true (bk_store_save_motion (store, m, &error));
  g_assert_no_error (error);

  name = bk_store_dup_organization_name (store, "https://example.org/oparl/org/1");
  g_assert_cmpstr (name, ==, "Kreisausschuss (neu)");
  g_assert_true (bk_store_lookup_meeting (store, "https://example.org/oparl/meeting/1", &start, &meeting));
  g_assert_cmpstr (meeting, ==, "2. Sitzung");
  g_assert_null (bk_store_dup_person_name (store, "https://example.org/oparl/person/404"));

  g_assert_true (bk_store_delete_oparl_object (store, "https://example.org/oparl/paper/1", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (bk_store_count_motions (store), ==, 0);
  g_assert_false (bk_store_delete_oparl_object (store, "https://example.org/oparl/paper/1", &error));
  g_assert_no_error (error);
  bk_test_assert_check (store);
}

static void
test_file_pragmas (void)
{
  g_autofree char *path = bk_test_tmp_path ("kiosk.db");
  g_autoptr(BkStore) store = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db;
  sqlite3_stmt *stmt;
  GStatBuf st;

  store = bk_store_open (path, BK_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA journal_mode", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "wal");
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static void
test_foreign_keys (void)
{
  g_autoptr(BkStore) store = bk_test_store_open_memory ();
  g_autoptr(BkMotion) m = full_motion ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;

  g_assert_true (bk_store_save_motion (store, m, &error));
  g_assert_true (bk_store_delete_motion (store, m->id, &error));
  g_assert_no_error (error);
  /* Cascades removed the parts; the check finds no dangling rows. */
  bk_test_assert_check (store);
  ids = bk_store_search (store, "Rampe", NULL, 10, &error);
  g_assert_cmpuint (ids->len, ==, 0);
}

static void
test_too_new (void)
{
  g_autofree char *path = bk_test_tmp_path ("kiosk.db");
  g_autoptr(BkStore) store = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  store = bk_store_open (path, BK_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 99", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = bk_store_open (path, BK_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, BK_ERROR, BK_ERROR_DATABASE_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "99"));
  g_assert_nonnull (strstr (error->message, path));
}

/* A mistyped --db gives a clear error and leaves no folders behind. */
static void
test_missing_folder (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bk-store-XXXXXX", &error);
  g_autofree char *missing = g_build_filename (dir, "typo", NULL);
  g_autofree char *path = g_build_filename (missing, "kiosk.db", NULL);
  g_autoptr(BkStore) store = bk_store_open (path, BK_STORE_OPEN_DEFAULT, &error);

  g_assert_null (store);
  g_assert_error (error, BK_ERROR, BK_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

static void
test_not_a_database (void)
{
  g_autofree char *path = bk_test_write_file ("junk.db", "this is not sqlite, just some text\n"
                                              "that happens to be long enough to look like a header",
                                              -1);
  g_autoptr(BkStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = bk_store_open (path, BK_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, BK_ERROR, BK_ERROR_CORRUPT);
}

static void
test_read_only (void)
{
  g_autofree char *path = bk_test_tmp_path ("kiosk.db");
  g_autoptr(BkStore) store = NULL;
  g_autoptr(BkMotion) m = full_motion ();
  g_autoptr(GError) error = NULL;

  store = bk_store_open (path, BK_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  store = bk_store_open (path, BK_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_false (bk_store_save_motion (store, m, &error));
  g_assert_error (error, BK_ERROR, BK_ERROR_READ_ONLY);
  g_assert_cmpuint (bk_store_count_motions (store), ==, 0);
}

static void
test_locked (void)
{
  g_autofree char *path = bk_test_tmp_path ("kiosk.db");
  g_autoptr(BkStore) store = NULL;
  g_autoptr(BkMotion) m = full_motion ();
  g_autoptr(GError) error = NULL;
  sqlite3 *other;

  store = bk_store_open (path, BK_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  g_assert_cmpint (sqlite3_open (path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_false (bk_store_save_motion (store, m, &error));
  g_assert_error (error, BK_ERROR, BK_ERROR_DATABASE_BUSY);
  g_assert_nonnull (strstr (error->message, "locked"));
  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (other);

  g_clear_error (&error);
  g_assert_true (bk_store_save_motion (store, m, &error));
  g_assert_no_error (error);
  bk_test_assert_check (store);
}

static void
test_nested_rollback (void)
{
  g_autoptr(BkStore) store = bk_test_store_open_memory ();
  g_autoptr(BkMotion) a = full_motion ();
  g_autoptr(BkMotion) b = bk_test_motion_new ("Zweiter", "Stadtrat Auenbach", "2026-01-01", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (bk_store_begin (store, &error));
  g_assert_true (bk_store_save_motion (store, a, &error));
  g_assert_true (bk_store_save_motion (store, b, &error));
  bk_store_rollback (store);
  g_assert_cmpuint (bk_store_count_motions (store), ==, 0);
  bk_test_assert_check (store);
}

/* A failure inside an import rolls back the whole of it, never half. */
static void
test_inner_rollback (void)
{
  g_autoptr(BkStore) store = bk_test_store_open_memory ();
  g_autoptr(BkMotion) a = full_motion ();
  g_autoptr(GError) error = NULL;

  g_assert_true (bk_store_begin (store, &error));
  g_assert_true (bk_store_save_motion (store, a, &error));
  g_assert_true (bk_store_begin (store, &error));
  bk_store_rollback (store);
  g_assert_false (bk_store_commit (store, &error));
  g_assert_error (error, BK_ERROR, BK_ERROR_DATABASE);
  g_assert_cmpuint (bk_store_count_motions (store), ==, 0);
  bk_test_assert_check (store);

  /* and the store is usable again */
  g_clear_error (&error);
  g_assert_true (bk_store_save_motion (store, a, &error));
  g_assert_cmpuint (bk_store_count_motions (store), ==, 1);
}

static void
test_list_and_filters (void)
{
  g_autoptr(BkStore) store = bk_test_store_open_memory ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_auto(GStrv) bodies = NULL;
  g_autoptr(GPtrArray) factions = NULL;
  BkFaction *faction;
  g_autoptr(BkMotionSummary) summary = NULL;
  BkMotion *m[4];
  BkMotionFilter filter = { .today = "2026-11-23" };

  m[0] = bk_test_motion_new ("Alt und entschieden", "Kreistag", "2026-01-10", "CDU-Fraktion");
  bk_motion_add_consultation (m[0], "Kreistag", "2026-03-01", "Beschluss", BK_TRISTATE_YES);
  m[1] = bk_test_motion_new ("Bald beraten", "Kreistag", "2026-10-10", "SPD-Fraktion");
  bk_motion_add_consultation (m[1], "Kreisausschuss", "2026-11-01", NULL, BK_TRISTATE_YES);
  bk_motion_add_consultation (m[1], "Kreistag", "2026-12-14", "Beschluss", BK_TRISTATE_YES);
  m[2] = bk_test_motion_new ("Ohne Termine", "Stadtrat Auenbach", "2026-11-20", "SPD-Fraktion");
  m[3] = bk_test_motion_new ("Ohne Datum", "Stadtrat Auenbach", NULL, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (m); i++)
    g_assert_true (bk_store_save_motion (store, m[i], &error));

  ids = bk_store_list_motion_ids (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 4);
  /* newest first; undated last */
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, m[2]->id);
  g_assert_cmpint (g_array_index (ids, gint64, 1), ==, m[1]->id);
  g_assert_cmpint (g_array_index (ids, gint64, 3), ==, m[3]->id);
  g_clear_pointer (&ids, g_array_unref);

  filter.body = "Kreistag";
  ids = bk_store_list_motion_ids (store, &filter, &error);
  g_assert_cmpuint (ids->len, ==, 2);
  g_clear_pointer (&ids, g_array_unref);

  filter.body = NULL;
  filter.faction = "SPD-Fraktion";
  ids = bk_store_list_motion_ids (store, &filter, &error);
  g_assert_cmpuint (ids->len, ==, 2);
  g_clear_pointer (&ids, g_array_unref);

  /* the county's SPD group is not the town's */
  filter.faction_body = "Stadtrat Auenbach";
  ids = bk_store_list_motion_ids (store, &filter, &error);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, m[2]->id);
  g_clear_pointer (&ids, g_array_unref);
  filter.faction_body = NULL;

  filter.faction = NULL;
  filter.status = BK_MOTION_STATUS_UPCOMING;
  ids = bk_store_list_motion_ids (store, &filter, &error);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, m[1]->id);
  g_clear_pointer (&ids, g_array_unref);

  filter.status = BK_MOTION_STATUS_DECIDED;
  ids = bk_store_list_motion_ids (store, &filter, &error);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, m[0]->id);

  bodies = bk_store_list_bodies (store);
  g_assert_cmpuint (g_strv_length (bodies), ==, 2);
  g_assert_cmpstr (bodies[0], ==, "Kreistag");
  factions = bk_store_list_factions (store);
  g_assert_cmpuint (factions->len, ==, 3);
  faction = g_ptr_array_index (factions, 1);
  g_assert_cmpstr (faction->name, ==, "SPD-Fraktion");
  g_assert_cmpstr (faction->body, ==, "Kreistag");
  faction = g_ptr_array_index (factions, 2);
  g_assert_cmpstr (faction->name, ==, "SPD-Fraktion");
  g_assert_cmpstr (faction->body, ==, "Stadtrat Auenbach");

  summary = bk_store_load_summary (store, m[0]->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (summary->subject, ==, "Alt und entschieden");
  g_assert_cmpstr (summary->submitters, ==, "CDU-Fraktion");
  g_assert_null (summary->next_committee);
  g_assert_null (bk_store_load_summary (store, 9999, &error));
  g_assert_error (error, BK_ERROR, BK_ERROR_NOT_FOUND);

  g_assert_cmpint (bk_store_find_motion_by_reference (store, "nope"), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (m); i++)
    bk_motion_free (m[i]);
}

static void
test_check_finds_damage (void)
{
  g_autofree char *path = bk_test_tmp_path ("kiosk.db");
  g_autoptr(BkStore) store = NULL;
  g_autoptr(BkMotion) m = full_motion ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) report = g_string_new (NULL);
  sqlite3 *db;

  store = bk_store_open (path, BK_STORE_OPEN_DEFAULT, &error);
  g_assert_true (bk_store_save_motion (store, m, &error));
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (bk_search_tokenizer_register (db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM paper_fts", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  g_assert_false (bk_store_check (store, report, &error));
  g_assert_error (error, BK_ERROR, BK_ERROR_CORRUPT);
  g_assert_nonnull (strstr (report->str, "missing from the search index"));
}

/* Decided as the Decided filter says (issue 15: a decided motion asks for
 * no opinion): a final outcome; else, with no outcome known, every
 * consultation in the past; a known outcome that is not final keeps it open. */
static void
test_motion_is_decided (void)
{
  g_autoptr(BkMotion) none = bk_motion_new ();
  g_autoptr(BkMotion) past = bk_motion_new ();
  g_autoptr(BkMotion) coming = bk_motion_new ();
  g_autoptr(BkMotion) postponed = bk_motion_new ();
  g_autoptr(BkMotion) final = bk_motion_new ();

  bk_motion_add_consultation (past, "Stadtrat", "2026-11-01", "Beschluss", BK_TRISTATE_YES);
  bk_motion_add_consultation (coming, "Bauausschuss", "2026-11-01", "Vorberatung", BK_TRISTATE_YES);
  bk_motion_add_consultation (coming, "Stadtrat", "2026-12-20", "Beschluss", BK_TRISTATE_YES);
  bk_motion_add_consultation (postponed, "Stadtrat", "2026-11-01", "Beschluss", BK_TRISTATE_YES)->outcome =
    BK_OUTCOME_POSTPONED;
  bk_motion_add_consultation (final, "Stadtrat", "2026-11-01", "Beschluss", BK_TRISTATE_YES)->outcome =
    BK_OUTCOME_DECIDED;
  bk_motion_add_consultation (final, "Kreistag", "2026-12-20", NULL, BK_TRISTATE_YES);

  g_assert_false (bk_motion_is_decided (none, "2026-12-07"));
  g_assert_true (bk_motion_is_decided (past, "2026-12-07"));
  g_assert_false (bk_motion_is_decided (coming, "2026-12-07"));
  g_assert_false (bk_motion_is_decided (postponed, "2026-12-07"));
  g_assert_true (bk_motion_is_decided (final, "2026-12-07"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/store/open-memory", test_open_memory);
  g_test_add_func ("/store/roundtrip", test_roundtrip);
  g_test_add_func ("/store/update-in-place", test_update_in_place);
  g_test_add_func ("/store/easy-summary", test_easy_summary);
  g_test_add_func ("/store/oparl-objects", test_oparl_objects);
  g_test_add_func ("/store/file-pragmas", test_file_pragmas);
  g_test_add_func ("/store/foreign-keys", test_foreign_keys);
  g_test_add_func ("/store/too-new", test_too_new);
  g_test_add_func ("/store/missing-folder", test_missing_folder);
  g_test_add_func ("/store/not-a-database", test_not_a_database);
  g_test_add_func ("/store/read-only", test_read_only);
  g_test_add_func ("/store/locked", test_locked);
  g_test_add_func ("/store/nested-rollback", test_nested_rollback);
  g_test_add_func ("/store/inner-rollback", test_inner_rollback);
  g_test_add_func ("/store/list-and-filters", test_list_and_filters);
  g_test_add_func ("/store/check-finds-damage", test_check_finds_damage);
  g_test_add_func ("/store/motion-is-decided", test_motion_is_decided);
  return g_test_run ();
}
