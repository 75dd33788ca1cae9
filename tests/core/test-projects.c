/* test-projects.c: digital projects, their JSON format, store and search */

#include <string.h>

#include "bk-demo.h"
#include "bk-error.h"
#include "bk-import.h"
#include "bk-project-import.h"
#include "bk-store-projects.h"
#include "bk-test-util.h"

#define PROJECT_STATUS(id, status, extra) \
  "{\"id\": \"" id "\", \"title\": \"Bürgerportal " id "\", \"owner\": \"Landkreis\"," \
  " \"status\": \"" status "\", \"benefit\": \"Anträge im Internet.\"," \
  " \"responsible\": \"Stabsstelle Digitalisierung\"" extra "}"
#define PROJECT(id, extra) PROJECT_STATUS (id, "in-progress", extra)

static void
assert_parse_error (const char *json,
                    const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) projects = bk_project_import_parse (json, strlen (json), "vorhaben.json", &error);

  g_assert_null (projects);
  g_assert_nonnull (error);
  if (g_strcmp0 (error->message, message) != 0)
    g_error ("expected “%s”, got “%s”", message, error->message);
}

static void
test_parse (void)
{
  const char *json = "{\"version\": 1, \"comment\": \"ok\", \"projects\": ["
                     PROJECT ("portal", ", \"milestone\": {\"what\": \"Test\", \"date\": \"2027-03\"},"
                              " \"motions\": [\"12/0342\", \" 12/0356 \"], \"x-note\": 1") ","
                     PROJECT_STATUS ("wlan", "paused", "") "]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) projects = NULL;
  const BkProject *p;

  projects = bk_project_import_parse (json, strlen (json), "vorhaben.json", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (projects->len, ==, 2);
  p = g_ptr_array_index (projects, 0);
  g_assert_cmpstr (p->id, ==, "portal");
  g_assert_cmpint (p->status, ==, BK_PROJECT_IN_PROGRESS);
  g_assert_cmpstr (p->milestone, ==, "Test");
  g_assert_cmpstr (p->milestone_date, ==, "2027-03");
  g_assert_cmpuint (p->motions->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (p->motions, 1), ==, "12/0356");
  g_assert_null (p->description);
}

static void
test_parse_errors (void)
{
  assert_parse_error ("{\"projects\": []}", "vorhaben.json: $.version: missing; this field is required");
  assert_parse_error ("{\"version\": 2, \"projects\": []}",
                      "vorhaben.json: $.version: this program reads version 1 only");
  assert_parse_error ("{\"version\": 1}", "vorhaben.json: $.projects: missing; this field is required");
  assert_parse_error ("{\"version\": 1, \"projekte\": []}",
                      "vorhaben.json: $.projekte: unknown member (see “Project JSON” in the README)");
  assert_parse_error ("{\"version\": 1, \"projects\": [" PROJECT ("a", ", \"titel\": \"x\"") "]}",
                      "vorhaben.json: $.projects[0].titel: unknown member (see “Project JSON” in the README)");
  assert_parse_error ("{\"version\": 1, \"projects\": [" PROJECT ("a", "") ", "
                      PROJECT_STATUS ("b", "started", "") "]}",
                      "vorhaben.json: $.projects[1].status: expected one of planned, in-progress, done, paused");
  assert_parse_error ("{\"version\": 1, \"projects\": [" PROJECT ("a", ", \"milestone\": {\"what\": \"x\", "
                      "\"date\": \"03/2027\"}") "]}",
                      "vorhaben.json: $.projects[0].milestone.date: expected a date: yyyy-mm-dd or yyyy-mm");
  assert_parse_error ("{\"version\": 1, \"projects\": [" PROJECT ("a", ", \"milestone\": {\"date\": \"2027-03\"}")
                      "]}", "vorhaben.json: $.projects[0].milestone.what: missing; this field is required");
  assert_parse_error ("{\"version\": 1, \"projects\": [" PROJECT ("a", ", \"motions\": [12]") "]}",
                      "vorhaben.json: $.projects[0].motions[0]: expected a string");
  assert_parse_error ("{\"version\": 1, \"projects\": [" PROJECT ("a b", "") "]}",
                      "vorhaben.json: $.projects[0].id: use only letters a–z, digits and - _ .");
  assert_parse_error ("{\"version\": 1, \"projects\": [" PROJECT ("a", "") ", " PROJECT ("a", "") "]}",
                      "vorhaben.json: $.projects[1].id: the id “a” is used twice in this file");
  assert_parse_error ("{\"version\": 1, \"projects\": [{\"id\": \"a\", \"title\": \"  \"}]}",
                      "vorhaben.json: $.projects[0].title: empty; this field is required");
  /* strict JSON: no comments */
  {
    g_autoptr(GError) error = NULL;
    const char *json = "{\"version\": 1, // note\n \"projects\": []}";

    g_assert_null (bk_project_import_parse (json, strlen (json), "vorhaben.json", &error));
    g_assert_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT);
    g_assert_true (g_str_has_prefix (error->message, "vorhaben.json: line 1"));
  }
}

static void
test_import (void)
{
  g_autoptr(BkStore) store = bk_test_store_open_memory ();
  g_autoptr(GError) error = NULL;
  g_autofree char *good = bk_test_write_file ("vorhaben.json",
                                              "{\"version\": 1, \"projects\": ["
                                              PROJECT ("portal", ", \"motions\": [\"12/0342\"]") ","
                                              PROJECT_STATUS ("termine", "done", "")
                                              "]}", -1);
  /* the first project is fine, the second is not: nothing of the file */
  g_autofree char *bad = bk_test_write_file ("kaputt.json",
                                             "{\"version\": 1, \"projects\": [" PROJECT ("neu", "") ","
                                             "{\"id\": \"neu2\", \"title\": \"T\", \"owner\": 5}" "]}", -1);
  g_autofree char *summary = NULL;
  g_autoptr(GPtrArray) for_motion = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(BkProject) loaded = NULL;

  g_assert_true (bk_import_file (store, good, BK_IMPORT_FORMAT_AUTO, &summary, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (summary, "vorhaben.json: 2 projects imported"));
  g_assert_cmpuint (bk_store_count_projects (store), ==, 2);

  g_assert_false (bk_import_file (store, bad, BK_IMPORT_FORMAT_AUTO, NULL, &error));
  g_assert_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "kaputt.json: $.projects[1].owner: expected a string"));
  g_clear_error (&error);
  g_assert_cmpuint (bk_store_count_projects (store), ==, 2);

  /* again: replaced by id, not doubled */
  g_assert_true (bk_import_file (store, good, BK_IMPORT_FORMAT_PROJECTS, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (bk_store_count_projects (store), ==, 2);

  loaded = bk_store_load_project (store, "portal", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->title, ==, "Bürgerportal portal");
  g_assert_cmpstr (loaded->source, ==, "vorhaben.json");
  g_assert_cmpuint (loaded->motions->len, ==, 1);
  g_assert_null (bk_store_load_project (store, "nothing", &error));
  g_assert_error (error, BK_ERROR, BK_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* running ones first, done last */
  all = bk_store_list_projects (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 2);
  g_assert_cmpstr (((BkProject *) g_ptr_array_index (all, 0))->id, ==, "portal");
  g_assert_cmpstr (((BkProject *) g_ptr_array_index (all, 1))->id, ==, "termine");

  for_motion = bk_store_list_projects_for_reference (store, "12/0342", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (for_motion->len, ==, 1);
  g_assert_cmpstr (((BkProject *) g_ptr_array_index (for_motion, 0))->id, ==, "portal");
  g_clear_pointer (&for_motion, g_ptr_array_unref);
  for_motion = bk_store_list_projects_for_reference (store, "12/9999", &error);
  g_assert_cmpuint (for_motion->len, ==, 0);
  bk_test_assert_check (store);
}

static const char *
first_id (GPtrArray *projects)
{
  return projects != NULL && projects->len > 0 ? ((BkProject *) g_ptr_array_index (projects, 0))->id : NULL;
}

/* The demo's projects: all of them read, their papers exist, and the
 * search finds them by title, by words of their text and by German endings. */
static void
test_demo (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = bk_test_tmp_path ("kiosk.db");
  g_autoptr(BkStore) store = bk_demo_open_store (path, &error);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) found = NULL;
  guint linked = 0, statuses[4] = { 0 };

  g_assert_no_error (error);
  all = bk_store_list_projects (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, >=, 6);
  for (guint i = 0; i < all->len; i++)
    {
      const BkProject *p = g_ptr_array_index (all, i);

      statuses[p->status]++;
      for (guint m = 0; m < p->motions->len; m++)
        {
          const char *reference = g_ptr_array_index (p->motions, m);

          if (bk_store_find_motion_by_reference (store, reference) <= 0)
            g_error ("%s names %s, which is no demo motion", p->id, reference);
          linked++;
        }
    }
  /* every status shows in the demo */
  for (guint s = 0; s < G_N_ELEMENTS (statuses); s++)
    g_assert_cmpuint (statuses[s], >, 0);
  g_assert_cmpuint (linked, >=, 5);

  /* a synced OParl paper is found by its reference like a text motion */
  found = bk_store_list_projects_for_reference (store, "12/0385", &error);
  g_assert_cmpstr (first_id (found), ==, "buergerportal");
  g_clear_pointer (&found, g_ptr_array_unref);

  found = bk_store_search_projects (store, "Bürgerportal", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (first_id (found), ==, "buergerportal");
  g_clear_pointer (&found, g_ptr_array_unref);
  found = bk_store_search_projects (store, "wlan", &error);
  g_assert_cmpuint (found->len, ==, 2);
  g_clear_pointer (&found, g_ptr_array_unref);
  /* a word of the benefit text, with another ending */
  found = bk_store_search_projects (store, "Gebärdensprache", &error);
  g_assert_cmpstr (first_id (found), ==, "gebaerdensprache-stadtrat");
  g_clear_pointer (&found, g_ptr_array_unref);
  found = bk_store_search_projects (store, "Seniorenzentrums", &error);
  g_assert_cmpstr (first_id (found), ==, "wlan-seniorenzentrum-lindenhof");
  g_clear_pointer (&found, g_ptr_array_unref);
  found = bk_store_search_projects (store, "xylophon", &error);
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = bk_store_search_projects (store, "", &error);
  g_assert_cmpuint (found->len, ==, all->len);
  bk_test_assert_check (store);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/projects/parse", test_parse);
  g_test_add_func ("/projects/parse-errors", test_parse_errors);
  g_test_add_func ("/projects/import", test_import);
  g_test_add_func ("/projects/demo", test_demo);
  return g_test_run ();
}
