/* Tests for the OParl importer (src/core/import/bk-oparl*.c).
 *
 * The fixtures describe a fictional municipality "Gemeinde Testhausen";
 * see tests/oparl/fixtures/README.md. */

#include <string.h>
#include <glib.h>
#include <glib/gstdio.h>

#include "bk-error.h"
#include "bk-oparl.h"
#include "bk-oparl-folder.h"
#include "bk-store.h"
#include "bk-store-oparl.h"

#define B "https://ris.testhausen.example/oparl/v1"

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "oparl", "fixtures", name, NULL);
}

static BkStore *
new_store (void)
{
  g_autoptr(GError) error = NULL;
  BkStore *store = bk_store_open (NULL, 0, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static void
import_ok (BkStore *store, const char *name, BkOParlStats *stats)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fixture (name);
  BkOParlStats local = { 0 };

  g_assert_true (bk_store_begin (store, &error));
  g_assert_no_error (error);
  if (!bk_oparl_import_file (store, path, stats != NULL ? stats : &local, &error))
    g_error ("importing %s failed: %s", name, error->message);
  g_assert_true (bk_store_commit (store, &error));
  g_assert_no_error (error);
}

/* The base set in the order a folder import would take it. */
static void
import_base (BkStore *store, BkOParlStats *stats)
{
  import_ok (store, "system.json", stats);
  import_ok (store, "body.json", stats);
  import_ok (store, "organizations.json", stats);
  import_ok (store, "persons.json", stats);
  import_ok (store, "meetings.json", stats);
  import_ok (store, "papers-page1.json", stats);
}

static BkMotion *
load_by_reference (BkStore *store, const char *reference)
{
  g_autoptr(GError) error = NULL;
  gint64 id = bk_store_find_motion_by_reference (store, reference);
  BkMotion *motion;

  if (id == 0)
    g_error ("no motion with reference %s", reference);
  motion = bk_store_load_motion (store, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (motion);
  return motion;
}

static gboolean
has_reference (BkMotion *motion, const char *reference)
{
  for (guint i = 0; i < motion->related_references->len; i++)
    if (g_strcmp0 (g_ptr_array_index (motion->related_references, i), reference) == 0)
      return TRUE;
  return FALSE;
}

static void
test_chain (void)
{
  g_autoptr(BkStore) store = new_store ();
  BkOParlStats stats = { 0 };

  import_base (store, &stats);
  /* page 1 → page 2 (by links.self) → page 3 (by file name) → page 1 (cycle) */
  g_assert_cmpuint (stats.bodies, ==, 1);
  g_assert_cmpuint (stats.organizations, ==, 6 + 1);   /* + one embedded in a paper */
  g_assert_cmpuint (stats.persons, ==, 3);
  g_assert_cmpuint (stats.meetings, ==, 4);
  g_assert_cmpuint (stats.papers, ==, 6);              /* paper 3 twice on page 2 */
  g_assert_cmpuint (stats.deleted, ==, 0);
  g_assert_cmpuint (bk_store_count_motions (store), ==, 6);
}

/* Organizations, meetings and agenda items imported by an earlier run (another
 * process) still resolve the papers imported later. */
static void
test_separate_runs (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bk-oparl-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "kiosk.db", NULL);
  g_autoptr(BkStore) store = bk_store_open (path, 0, &error);
  g_autoptr(BkMotion) p1 = NULL;
  BkParty *party;
  BkConsultation *c;

  g_assert_no_error (error);
  import_ok (store, "system.json", NULL);
  import_ok (store, "body.json", NULL);
  import_ok (store, "organizations.json", NULL);
  import_ok (store, "persons.json", NULL);
  import_ok (store, "meetings.json", NULL);
  g_clear_object (&store);

  store = bk_store_open (path, 0, &error);
  g_assert_no_error (error);
  import_ok (store, "papers-page1.json", NULL);
  p1 = load_by_reference (store, "GR/2026/001");
  party = g_ptr_array_index (p1->submitters, 0);
  g_assert_cmpstr (party->name, ==, "Bürgerliste Testhausen");
  g_assert_cmpint (party->kind, ==, BK_PARTY_FACTION);
  c = g_ptr_array_index (p1->consultations, 1);
  g_assert_cmpstr (c->date, ==, "2026-11-02");
  g_assert_cmpint (c->is_public, ==, BK_TRISTATE_YES);
  c = g_ptr_array_index (p1->consultations, 2);
  g_assert_cmpint (c->is_public, ==, BK_TRISTATE_NO);
}

static void
test_paper_mapping (void)
{
  g_autoptr(BkStore) store = new_store ();
  g_autoptr(BkMotion) p1 = NULL;
  g_autoptr(BkMotion) p2 = NULL;
  BkParty *party;
  BkConsultation *c;
  BkFile *file;

  import_base (store, NULL);
  p1 = load_by_reference (store, "GR/2026/001");
  g_assert_cmpstr (p1->oparl_id, ==, B "/paper/1");
  g_assert_cmpstr (p1->subject, ==, "Radweg am Mühlbach durchgängig befestigen");
  g_assert_cmpstr (p1->body, ==, "Gemeinde Testhausen");
  g_assert_cmpstr (p1->type, ==, "Antrag");
  g_assert_cmpstr (p1->date, ==, "2026-09-14");

  /* submitters: a faction (organizationType Fraktion) and a person */
  g_assert_cmpuint (p1->submitters->len, ==, 2);
  party = g_ptr_array_index (p1->submitters, 0);
  g_assert_cmpstr (party->name, ==, "Bürgerliste Testhausen");
  g_assert_cmpint (party->kind, ==, BK_PARTY_FACTION);
  party = g_ptr_array_index (p1->submitters, 1);
  g_assert_cmpstr (party->name, ==, "Erika Beispiel");
  g_assert_cmpint (party->kind, ==, BK_PARTY_PERSON);

  /* consultations: committee from organization[0], date from the meeting,
   * public from the agenda item (linked either way round) */
  g_assert_cmpuint (p1->consultations->len, ==, 3);
  c = g_ptr_array_index (p1->consultations, 0);
  g_assert_cmpstr (c->committee, ==, "Bau- und Umweltausschuss");
  g_assert_cmpstr (c->date, ==, "2026-10-05");
  g_assert_cmpstr (c->role, ==, "Vorberatung");
  g_assert_cmpint (c->authoritative, ==, BK_TRISTATE_NO);
  g_assert_cmpint (c->is_public, ==, BK_TRISTATE_YES);
  g_assert_cmpstr (c->meeting_name, ==, "Sitzung des Bau- und Umweltausschusses");
  g_assert_cmpstr (c->oparl_id, ==, B "/consultation/100");
  g_assert_cmpstr (c->meeting_oparl_id, ==, B "/meeting/1");
  c = g_ptr_array_index (p1->consultations, 1);
  g_assert_cmpstr (c->committee, ==, "Finanzausschuss");
  g_assert_cmpstr (c->date, ==, "2026-11-02");
  g_assert_cmpint (c->is_public, ==, BK_TRISTATE_YES);   /* via agendaItem.consultation */
  c = g_ptr_array_index (p1->consultations, 2);
  g_assert_cmpstr (c->committee, ==, "Gemeinderat");
  g_assert_cmpstr (c->date, ==, "2026-12-10");
  g_assert_cmpstr (c->role, ==, "Entscheidung");
  g_assert_cmpint (c->authoritative, ==, BK_TRISTATE_YES);
  g_assert_cmpint (c->is_public, ==, BK_TRISTATE_NO);

  /* related paper 5 sits on page 3: resolved after the chain */
  g_assert_true (has_reference (p1, "GR/2026/005"));

  g_assert_cmpuint (p1->files->len, ==, 3);
  file = g_ptr_array_index (p1->files, 0);
  g_assert_cmpstr (file->name, ==, "Antrag Radweg");
  g_assert_cmpstr (file->access_url, ==, B "/file/1/access");
  g_assert_cmpstr (file->mime_type, ==, "application/pdf");
  g_assert_cmpstr (file->oparl_id, ==, B "/file/1");

  /* paper 2: date from a date-time, unknown person skipped, consultations
   * without meeting keep no date */
  p2 = load_by_reference (store, "GR/2026/002");
  g_assert_cmpstr (p2->date, ==, "2026-09-20");
  g_assert_cmpuint (p2->submitters->len, ==, 2);
  party = g_ptr_array_index (p2->submitters, 0);
  g_assert_cmpstr (party->name, ==, "Grüne im Gemeinderat");
  g_assert_cmpint (party->kind, ==, BK_PARTY_FACTION);
  party = g_ptr_array_index (p2->submitters, 1);
  g_assert_cmpstr (party->name, ==, "Jonas Probst");   /* from givenName + familyName */
  g_assert_cmpuint (p2->consultations->len, ==, 2);
  c = g_ptr_array_index (p2->consultations, 0);
  g_assert_cmpstr (c->committee, ==, "Gemeinderat");
  g_assert_cmpstr (c->date, ==, "2026-12-10");             /* meeting via the agenda item */
  g_assert_cmpint (c->authoritative, ==, BK_TRISTATE_UNKNOWN);
  c = g_ptr_array_index (p2->consultations, 1);
  g_assert_null (c->date);
  g_assert_null (c->meeting_name);
  g_assert_cmpint (c->is_public, ==, BK_TRISTATE_UNKNOWN);
}

static void
test_later_pages (void)
{
  g_autoptr(BkStore) store = new_store ();
  g_autoptr(BkMotion) p3 = NULL;
  g_autoptr(BkMotion) p4 = NULL;
  g_autoptr(BkMotion) p5 = NULL;
  g_autoptr(BkMotion) p6 = NULL;
  gint64 id;
  BkParty *party;
  g_autoptr(GError) error = NULL;

  import_base (store, NULL);

  /* duplicate id on one page: the later object wins, one row */
  p3 = load_by_reference (store, "GR/2026/003");
  g_assert_cmpstr (p3->subject, ==, "Haushaltssatzung 2027");
  g_assert_cmpuint (p3->consultations->len, ==, 1);

  /* embedded organization object as originator; deleted consultation left out */
  p4 = load_by_reference (store, "GR/2026/001/1");
  g_assert_cmpuint (p4->submitters->len, ==, 1);
  party = g_ptr_array_index (p4->submitters, 0);
  g_assert_cmpstr (party->name, ==, "Unabhängige Wählergemeinschaft");
  g_assert_cmpint (party->kind, ==, BK_PARTY_FACTION);
  g_assert_cmpuint (p4->consultations->len, ==, 1);
  g_assert_true (has_reference (p4, "GR/2026/001"));

  /* unknown related paper skipped rather than invented */
  p5 = load_by_reference (store, "GR/2026/005");
  g_assert_cmpuint (p5->related_references->len, ==, 1);
  g_assert_true (has_reference (p5, "GR/2026/001"));
  g_assert_cmpuint (p5->consultations->len, ==, 0);

  /* paper without reference, unknown body: NULL, not invented */
  {
    GArray *ids = bk_store_search (store, "Baustellen", NULL, 10, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (ids->len, ==, 1);
    id = g_array_index (ids, gint64, 0);
    g_array_unref (ids);
  }
  p6 = bk_store_load_motion (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (p6->oparl_id, ==, B "/paper/6");
  g_assert_null (p6->reference);
  g_assert_null (p6->body);
  g_assert_null (p6->date);
  g_assert_cmpstr (p6->type, ==, "Mitteilungsvorlage");
  g_assert_cmpuint (p6->submitters->len, ==, 0);
}

static void
test_reimport_and_update (void)
{
  g_autoptr(BkStore) store = new_store ();
  g_autoptr(BkMotion) p1 = NULL;
  BkOParlStats stats = { 0 };

  import_base (store, NULL);
  g_assert_cmpuint (bk_store_count_motions (store), ==, 6);

  /* idempotent */
  import_base (store, &stats);
  g_assert_cmpuint (bk_store_count_motions (store), ==, 6);
  g_assert_cmpuint (stats.papers, ==, 6);
  p1 = load_by_reference (store, "GR/2026/001");
  g_assert_cmpuint (p1->consultations->len, ==, 3);
  g_assert_cmpuint (p1->files->len, ==, 3);
  g_assert_cmpuint (p1->submitters->len, ==, 2);
  g_clear_pointer (&p1, bk_motion_free);

  /* update page: paper 1 changed, paper 2 deleted; its next link points to a
   * page that is not in the folder, which is not an error */
  memset (&stats, 0, sizeof stats);
  import_ok (store, "papers-update.json", &stats);
  g_assert_cmpuint (stats.papers, ==, 1);
  g_assert_cmpuint (stats.deleted, ==, 1);
  g_assert_cmpuint (bk_store_count_motions (store), ==, 5);
  g_assert_cmpint (bk_store_find_motion_by_reference (store, "GR/2026/002"), ==, 0);
  p1 = load_by_reference (store, "GR/2026/001");
  g_assert_cmpstr (p1->subject, ==, "Radweg am Mühlbach durchgängig befestigen und beleuchten");
  g_assert_cmpuint (p1->consultations->len, ==, 3);

  /* deleting again is harmless */
  memset (&stats, 0, sizeof stats);
  import_ok (store, "papers-update.json", &stats);
  g_assert_cmpuint (stats.deleted, ==, 0);
  g_assert_cmpuint (bk_store_count_motions (store), ==, 5);
}

static void
test_single_and_mixed (void)
{
  g_autoptr(BkStore) store = new_store ();
  g_autoptr(BkMotion) single = NULL;
  g_autoptr(BkMotion) mixed = NULL;
  BkOParlStats stats = { 0 };
  BkConsultation *c;
  BkParty *party;

  import_base (store, NULL);
  import_ok (store, "paper-single.json", &stats);
  g_assert_cmpuint (stats.papers, ==, 1);
  single = load_by_reference (store, "GR/2026/070");
  g_assert_cmpstr (single->type, ==, "Informationsvorlage");
  /* the vendor extension for an easy-read summary (README, "OParl") */
  g_assert_cmpstr (single->easy_summary, ==, "Die Gemeinde informiert den Rat. Es wird nichts beschlossen.");
  g_assert_cmpuint (single->consultations->len, ==, 1);
  c = g_ptr_array_index (single->consultations, 0);
  g_assert_cmpstr (c->committee, ==, "Gemeinderat");    /* from the store */
  g_assert_cmpstr (c->date, ==, "2026-12-10");

  /* paper listed before the body, organizations and meeting it refers to */
  memset (&stats, 0, sizeof stats);
  import_ok (store, "mixed-page.json", &stats);
  g_assert_cmpuint (stats.papers, ==, 1);
  g_assert_cmpuint (stats.organizations, ==, 2);
  g_assert_cmpuint (stats.meetings, ==, 1);
  g_assert_cmpuint (stats.bodies, ==, 1);
  mixed = load_by_reference (store, "OR/2026/050");
  g_assert_cmpstr (mixed->body, ==, "Ortschaft Oberdorf");
  g_assert_null (mixed->easy_summary);
  g_assert_cmpuint (mixed->submitters->len, ==, 1);
  party = g_ptr_array_index (mixed->submitters, 0);
  g_assert_cmpstr (party->name, ==, "Fraktion Ortsliste");
  g_assert_cmpint (party->kind, ==, BK_PARTY_FACTION);   /* by its name */
  c = g_ptr_array_index (mixed->consultations, 0);
  g_assert_cmpstr (c->committee, ==, "Ortschaftsrat Oberdorf");
  g_assert_cmpstr (c->date, ==, "2027-02-03");
  g_assert_cmpint (c->is_public, ==, BK_TRISTATE_YES);
}

static void
test_oparl10 (void)
{
  g_autoptr(BkStore) store = new_store ();
  g_autoptr(BkMotion) motion = NULL;
  BkOParlStats stats = { 0 };
  BkConsultation *c;
  BkParty *party;
  BkFile *file;
  char *start = NULL, *name = NULL;

  import_ok (store, "oparl10-page.json", &stats);
  g_assert_cmpuint (stats.papers, ==, 1);
  g_assert_cmpuint (stats.organizations, ==, 2);
  g_assert_cmpuint (stats.meetings, ==, 1);
  g_assert_cmpuint (stats.bodies, ==, 1);
  motion = load_by_reference (store, "VO/0088/2026");
  g_assert_cmpstr (motion->body, ==, "Stadt Altstadt");
  party = g_ptr_array_index (motion->submitters, 0);
  g_assert_cmpstr (party->name, ==, "SPD-Fraktion");
  g_assert_cmpint (party->kind, ==, BK_PARTY_FACTION);
  c = g_ptr_array_index (motion->consultations, 0);
  g_assert_cmpstr (c->committee, ==, "Haupt- und Finanzausschuss");
  g_assert_cmpstr (c->date, ==, "2026-09-28");
  g_assert_cmpstr (c->role, ==, "zur Vorberatung");
  g_assert_cmpint (c->is_public, ==, BK_TRISTATE_YES);
  /* mainFile given as a URL only: left out; auxiliary file by downloadUrl */
  g_assert_cmpuint (motion->files->len, ==, 1);
  file = g_ptr_array_index (motion->files, 0);
  g_assert_cmpstr (file->name, ==, "gebuehren.pdf");
  g_assert_cmpstr (file->access_url, ==, "https://ratsinfo.altstadt.example/files/gebuehren.pdf");

  g_assert_true (bk_store_lookup_meeting (store, "https://ratsinfo.altstadt.example/oparl/1.0/meeting.asp?id=77",
                                          &start, &name));
  g_assert_cmpstr (start, ==, "2026-09-28T17:00:00+02:00");
  g_free (start);
  g_free (name);
}

static void
test_data_without_dir (void)
{
  g_autoptr(BkStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fixture ("papers-page1.json");
  g_autofree char *contents = NULL;
  gsize len;
  BkOParlStats stats = { 0 };

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  /* base_dir NULL: links.next is not followed */
  g_assert_true (bk_oparl_import_data (store, contents, len, "papers-page1.json", NULL,
                                       &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.papers, ==, 2);
  g_assert_cmpuint (bk_store_count_motions (store), ==, 2);
}

static void
assert_import_fails (const char *name, gint code, const char *const *parts)
{
  g_autoptr(BkStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  g_autofree char *file = g_strconcat ("bad/", name, NULL);
  g_autofree char *path = fixture (file);
  BkOParlStats stats = { 0 };

  g_assert_false (bk_oparl_import_file (store, path, &stats, &error));
  g_assert_error (error, BK_ERROR, code);
  g_test_message ("%s: %s", name, error->message);
  g_assert_nonnull (strstr (error->message, name));
  for (guint i = 0; parts != NULL && parts[i] != NULL; i++)
    if (strstr (error->message, parts[i]) == NULL)
      g_error ("message \"%s\" lacks \"%s\"", error->message, parts[i]);
}

static void
test_bad_files (void)
{
  assert_import_fails ("truncated.json", BK_ERROR_INVALID_INPUT,
                       (const char *[]) { "line 21", "column", NULL });
  assert_import_fails ("wrong-consultation.json", BK_ERROR_INVALID_INPUT,
                       (const char *[]) { "$.data[3].consultation: expected an array", NULL });
  assert_import_fails ("wrong-name.json", BK_ERROR_INVALID_INPUT,
                       (const char *[]) { "$.data[0].name: expected a string", NULL });
  assert_import_fails ("wrong-nested.json", BK_ERROR_INVALID_INPUT,
                       (const char *[]) { "$.consultation[0].organization[1]:", NULL });
  assert_import_fails ("root-array.json", BK_ERROR_INVALID_INPUT,
                       (const char *[]) { "$: expected an object", NULL });
  assert_import_fails ("not-oparl.json", BK_ERROR_INVALID_INPUT,
                       (const char *[]) { "$:", NULL });
  assert_import_fails ("invalid-utf8.json", BK_ERROR_INVALID_INPUT,
                       (const char *[]) { "UTF-8", "line 2", NULL });
  assert_import_fails ("trailing.json", BK_ERROR_INVALID_INPUT,
                       (const char *[]) { "line 2, column 1", NULL });
  assert_import_fails ("error-object.json", BK_ERROR_INVALID_INPUT,
                       (const char *[]) { "Die Seite existiert nicht.", NULL });
  /* Invalid dates and unknown types are refused, naming the member. */
  assert_import_fails ("invalid-date.json", BK_ERROR_INVALID_INPUT,
                       (const char *[]) { "$.data[0].date:", "2026-02-30", "not a valid date", NULL });
  assert_import_fails ("invalid-start.json", BK_ERROR_INVALID_INPUT,
                       (const char *[]) { "$.data[0].start:", "not a valid date", NULL });
  assert_import_fails ("unknown-type.json", BK_ERROR_INVALID_INPUT,
                       (const char *[]) { "$.data[0].type:", "unknown OParl type", "Papier", NULL });
}

static void
test_bad_data (void)
{
  g_autoptr(BkStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) deep = g_string_new (NULL);
  g_autofree char *big = NULL;
  static const char *const bad[] = {
    "", "   ", "42", "null", "\"x\"", "{", "{\"data\": 5}", "{\"data\": [1]}",
    "{\"data\": [], \"links\": {\"next\": 5}}",
    "{\"type\": \"https://schema.oparl.org/1.1/Meeting\", \"id\": \"m\", \"cancelled\": \"ja\"}",
    "{\"type\": \"https://schema.oparl.org/1.1/Meeting\", \"id\": \"m\", \"agendaItem\": [5]}",
    "{\"type\": \"https://schema.oparl.org/1.1/Paper\", \"id\": \"p\", \"auxiliaryFile\": {}}",
    "{\"type\": 7}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_false (bk_oparl_import_data (store, bad[i], strlen (bad[i]), "mem.json", NULL,
                                            NULL, &error));
      g_assert_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT);
      g_assert_nonnull (strstr (error->message, "mem.json"));
      g_clear_error (&error);
    }

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  g_assert_false (bk_oparl_import_data (store, deep->str, deep->len, "deep.json", NULL,
                                        NULL, &error));
  g_assert_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT);
  g_clear_error (&error);

  big = g_malloc (BK_OPARL_MAX_SIZE + 1);
  memset (big, ' ', BK_OPARL_MAX_SIZE + 1);
  g_assert_false (bk_oparl_import_data (store, big, BK_OPARL_MAX_SIZE + 1, "big.json", NULL,
                                        NULL, &error));
  g_assert_error (error, BK_ERROR, BK_ERROR_TOO_LARGE);
  g_clear_error (&error);

  /* the lenient side: a BOM, a vendor's own types, vendor properties,
   * deleted objects that were never imported (a type in OParl's namespace
   * that OParl does not define is refused: test_bad_files) */
  {
    static const char ok[] =
      "\xef\xbb\xbf{\"data\": [{\"id\": \"x\", \"type\": \"https://acme.example/schema/Widget\"},"
      " {\"id\": \"y\", \"deleted\": true},"
      " {\"type\": \"https://schema.oparl.org/1.1/Paper\", \"name\": \"ohne id\"},"
      " {\"id\": \"" B "/paper/77\", \"type\": \"https://schema.oparl.org/1.1/Paper/\","
      "  \"name\": \"Schrägstrich\", \"ACME:x\": {\"y\": [1]}, \"created\": \"\"}],"
      " \"links\": {\"next\": \"https://elsewhere.example/page=2\"}}";
    BkOParlStats stats = { 0 };

    g_assert_true (bk_oparl_import_data (store, ok, strlen (ok), "ok.json", NULL, &stats, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (stats.papers, ==, 1);
    g_assert_cmpuint (stats.deleted, ==, 0);
  }
}

static void
write_page (const char *dir, const char *name, const char *contents)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, contents, -1, &error));
  g_assert_no_error (error);
}

/* links.next found by links.self under an unrelated file name, then by the
 * file name; an error on a later page names that page. */
static void
test_next_resolution (void)
{
  g_autoptr(BkStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bk-oparl-XXXXXX", &error);
  g_autofree char *start = NULL;
  BkOParlStats stats = { 0 };

  g_assert_no_error (error);
  write_page (dir, "start.json",
              "{\"data\": [{\"id\": \"" B "/paper/301\", \"type\": \"https://schema.oparl.org/1.1/Paper\","
              " \"name\": \"Erste\", \"reference\": \"N/1\"}],"
              " \"links\": {\"self\": \"" B "/list?seite=1\", \"next\": \"" B "/list?seite=2\"}}");
  write_page (dir, "b.json",
              "{\"links\": {\"next\": \"" B "/papers?page=3\", \"self\": \"" B "/list?seite=2\"},"
              " \"data\": [{\"id\": \"" B "/paper/302\", \"type\": \"https://schema.oparl.org/1.1/Paper\","
              " \"name\": \"Zweite\", \"reference\": \"N/2\"}]}");
  write_page (dir, "papers-page3.json", "{\"data\": [{\"id\": 5}]}");
  start = g_build_filename (dir, "start.json", NULL);

  g_assert_false (bk_oparl_import_file (store, start, &stats, &error));
  g_assert_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "papers-page3.json: $.data[0].id: expected a string"));
  g_assert_cmpuint (stats.papers, ==, 2);   /* the caller rolls back */
  g_clear_error (&error);

  /* a good third page: the chain ends there */
  write_page (dir, "papers-page3.json",
              "{\"data\": [{\"id\": \"" B "/paper/303\", \"type\": \"https://schema.oparl.org/1.1/Paper\","
              " \"name\": \"Dritte\", \"reference\": \"N/3\"}], \"links\": {}}");
  memset (&stats, 0, sizeof stats);
  g_assert_true (bk_oparl_import_file (store, start, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.papers, ==, 3);
  g_assert_cmpint (bk_store_find_motion_by_reference (store, "N/3"), !=, 0);

  for (guint i = 0; i < 3; i++)
    {
      static const char *const names[] = { "start.json", "b.json", "papers-page3.json" };
      g_autofree char *path = g_build_filename (dir, names[i], NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

/* The whole fixture folder at once: chained pages are imported once, in
 * natural order, and the update page is applied after the pages it updates
 * ("papers-update" sorts after "papers-page3"). */
static void
test_folder (void)
{
  g_autoptr(BkStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "oparl", "fixtures", NULL);
  g_autoptr(BkMotion) p1 = NULL;
  BkOParlStats stats = { 0 };

  g_assert_true (bk_store_begin (store, &error));
  if (!bk_oparl_import_folder (store, dir, &stats, &error))
    g_error ("%s", error->message);
  g_assert_true (bk_store_commit (store, &error));
  /* distinct papers: pages 1-3: 6 (the update page changes one of them),
   * mixed: 1, 1.0 page: 1, single: 1 */
  g_assert_cmpuint (stats.papers, ==, 9);
  g_assert_cmpuint (stats.deleted, ==, 1);
  g_assert_cmpuint (bk_store_count_motions (store), ==, 8);   /* paper 2 deleted */
  p1 = load_by_reference (store, "GR/2026/001");
  g_assert_cmpstr (p1->subject, ==, "Radweg am Mühlbach durchgängig befestigen und beleuchten");
  g_assert_true (has_reference (p1, "GR/2026/005"));

  /* a folder without .json files */
  g_free (dir);
  dir = g_test_build_filename (G_TEST_DIST, "oparl", NULL);
  g_assert_false (bk_oparl_import_folder (store, dir, NULL, &error));
  g_assert_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT);
}

/* The bundled demo set, imported in name order as the demo seeding does. */
static void
test_demo_set (void)
{
  static const char *const files[] = {
    "01-system.json", "02-body.json", "03-organizations.json",
    "04-persons.json", "05-meetings.json", "06-papers.json",
  };
  g_autoptr(BkStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BkMotion) vorlage = NULL;
  g_autoptr(BkMotion) anfrage = NULL;
  g_autoptr(BkMotion) antrag = NULL;
  g_autoptr(BkMotion) ergaenzung = NULL;
  const char *root = g_getenv ("BK_SOURCE_ROOT");
  BkOParlStats stats = { 0 };
  BkConsultation *c;
  BkParty *party;

  if (root == NULL)
    {
      g_test_skip ("BK_SOURCE_ROOT not set");
      return;
    }
  g_assert_true (bk_store_begin (store, &error));
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (root, "data", "demo", "oparl", files[i], NULL);

      if (!bk_oparl_import_file (store, path, &stats, &error))
        g_error ("%s", error->message);
    }
  g_assert_true (bk_store_commit (store, &error));
  g_assert_cmpuint (stats.bodies, ==, 1);
  g_assert_cmpuint (stats.organizations, ==, 8);
  g_assert_cmpuint (stats.persons, ==, 5);
  g_assert_cmpuint (stats.meetings, ==, 6);
  g_assert_cmpuint (stats.papers, ==, 4);
  g_assert_cmpuint (bk_store_count_motions (store), ==, 4);

  vorlage = load_by_reference (store, "12/0371");
  /* the Body's mainOrganization "Kreistag" with the place from "Landkreis Beispielkreis" */
  g_assert_cmpstr (vorlage->body, ==, "Kreistag Beispielkreis");
  g_assert_cmpstr (vorlage->type, ==, "Beschlussvorlage");
  g_assert_cmpuint (vorlage->submitters->len, ==, 0);
  g_assert_true (has_reference (vorlage, "12/0371/1"));
  g_assert_cmpuint (vorlage->consultations->len, ==, 3);
  c = g_ptr_array_index (vorlage->consultations, 0);
  g_assert_cmpstr (c->committee, ==, "Ausschuss für Soziales, Gesundheit und Inklusion");
  g_assert_cmpstr (c->date, ==, "2026-09-22");
  c = g_ptr_array_index (vorlage->consultations, 1);
  g_assert_cmpstr (c->committee, ==, "Kreisausschuss");
  g_assert_cmpstr (c->date, ==, "2026-11-05");
  c = g_ptr_array_index (vorlage->consultations, 2);
  g_assert_cmpstr (c->committee, ==, "Kreistag");
  g_assert_cmpstr (c->date, ==, "2026-12-10");
  g_assert_cmpint (c->authoritative, ==, BK_TRISTATE_YES);
  g_assert_cmpint (c->is_public, ==, BK_TRISTATE_YES);
  g_assert_cmpuint (vorlage->files->len, ==, 3);

  ergaenzung = load_by_reference (store, "12/0371/1");
  g_assert_true (has_reference (ergaenzung, "12/0371"));
  party = g_ptr_array_index (ergaenzung->submitters, 0);
  g_assert_cmpstr (party->name, ==, "CDU-Kreistagsfraktion");
  g_assert_cmpint (party->kind, ==, BK_PARTY_FACTION);

  anfrage = load_by_reference (store, "12/0378");
  g_assert_cmpuint (anfrage->submitters->len, ==, 3);
  party = g_ptr_array_index (anfrage->submitters, 2);
  g_assert_cmpstr (party->name, ==, "Ömer Yıldız");
  g_assert_cmpint (party->kind, ==, BK_PARTY_PERSON);

  antrag = load_by_reference (store, "12/0385");
  g_assert_cmpuint (antrag->consultations->len, ==, 3);
  c = g_ptr_array_index (antrag->consultations, 2);
  g_assert_cmpstr (c->date, ==, "2027-02-04");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/oparl/chain", test_chain);
  g_test_add_func ("/oparl/paper-mapping", test_paper_mapping);
  g_test_add_func ("/oparl/separate-runs", test_separate_runs);
  g_test_add_func ("/oparl/later-pages", test_later_pages);
  g_test_add_func ("/oparl/reimport-update", test_reimport_and_update);
  g_test_add_func ("/oparl/single-and-mixed", test_single_and_mixed);
  g_test_add_func ("/oparl/oparl10", test_oparl10);
  g_test_add_func ("/oparl/data-without-dir", test_data_without_dir);
  g_test_add_func ("/oparl/bad-files", test_bad_files);
  g_test_add_func ("/oparl/bad-data", test_bad_data);
  g_test_add_func ("/oparl/next-resolution", test_next_resolution);
  g_test_add_func ("/oparl/folder", test_folder);
  g_test_add_func ("/oparl/demo-set", test_demo_set);
  return g_test_run ();
}
