#include <fcntl.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "bk-error.h"
#include "bk-import.h"
#include "bk-test-util.h"

#define GOOD_TEXT \
  "Antrag der SPD-Fraktion im Stadtrat Auenbach\n" \
  "\n" \
  "Datum: 01.10.2026\n" \
  "\n" \
  "Betreff: Sitzbänke am Marktplatz\n" \
  "\n" \
  "Beschlussvorschlag:\n" \
  "1. Die Stadt stellt zehn Sitzbänke mit Armlehnen auf.\n" \
  "2. Die Bänke stehen höchstens 100 Meter auseinander.\n" \
  "\n" \
  "Begründung:\n"

typedef struct {
  BkStore *store;
  guint before;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = bk_test_write_file ("good.txt", GOOD_TEXT "Zum Ausruhen.\n", -1);

  f->store = bk_store_open (NULL, BK_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (bk_import_file (f->store, path, BK_IMPORT_FORMAT_AUTO, NULL, &error));
  g_assert_no_error (error);
  f->before = bk_store_count_motions (f->store);
  g_assert_cmpuint (f->before, ==, 1);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
}

/* The file is refused with code, its path in the message, and nothing changed. */
static void
assert_rejected (Fixture *f, const char *path, int code, const char *also)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;

  g_assert_false (bk_import_file (f->store, path, BK_IMPORT_FORMAT_AUTO, &summary, &error));
  g_assert_error (error, BK_ERROR, code);
  g_test_message ("%s", error->message);
  if (strstr (error->message, path) == NULL)
    g_error ("message does not name the file: %s", error->message);
  if (also != NULL && strstr (error->message, also) == NULL)
    g_error ("message lacks “%s”: %s", also, error->message);
  g_assert_null (summary);
  g_assert_cmpuint (bk_store_count_motions (f->store), ==, f->before);
  bk_test_assert_check (f->store);
}

static void
test_empty (Fixture *f, gconstpointer data)
{
  g_autofree char *path = bk_test_write_file ("empty.txt", "", 0);

  assert_rejected (f, path, BK_ERROR_INVALID_INPUT, NULL);
}

static void
test_binary (Fixture *f, gconstpointer data)
{
  static const char bytes[] = "\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0\x01\0\0\0";
  g_autofree char *path = bk_test_write_file ("program.txt", bytes, sizeof bytes);

  assert_rejected (f, path, BK_ERROR_INVALID_INPUT, NULL);
}

static void
test_bad_utf8 (Fixture *f, gconstpointer data)
{
  g_autofree char *path = bk_test_write_file ("latin1.txt",
                                              "Betreff: Antrag\n\nBeschlussvorschlag:\n"
                                              "1. Gr\xfc\xdf" "e an alle\n", -1);

  assert_rejected (f, path, BK_ERROR_INVALID_INPUT, "4");
}

static void
test_huge (Fixture *f, gconstpointer data)
{
  const char *names[] = { "huge.txt", "huge.json" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = bk_test_write_file (names[i], "x", 1);
      int fd = g_open (path, O_WRONLY, 0);

      g_assert_cmpint (fd, >=, 0);
      g_assert_cmpint (ftruncate (fd, 50 * 1024 * 1024), ==, 0);
      close (fd);
      assert_rejected (f, path, BK_ERROR_TOO_LARGE, "MB");
    }
}

static void
test_truncated_json (Fixture *f, gconstpointer data)
{
  g_autofree char *path = bk_test_write_file ("truncated.json",
                                              "{\"data\": [{\"id\": \"https://example.org/p/1\","
                                              " \"type\": \"https://schema.oparl.org/1.1/Paper\","
                                              " \"name\": \"Bänke", -1);

  assert_rejected (f, path, BK_ERROR_INVALID_INPUT, NULL);
}

static void
test_big_field (Fixture *f, gconstpointer data)
{
  g_autoptr(GString) text = g_string_new (GOOD_TEXT);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(BkMotion) loaded = NULL;

  /* A 1 MB justification is odd but legal: it is stored whole and found. */
  while (text->len < 1024 * 1024)
    g_string_append (text, "Die Bänke sollen aus heimischem Holz sein und im Schatten stehen. ");
  g_string_append (text, "Schlusswort Lindenblüte.\n");
  g_string_replace (text, "Sitzbänke am Marktplatz", "Lange Begründung", 1);
  path = bk_test_write_file ("long.txt", text->str, (gssize) text->len);
  g_assert_true (bk_import_file (f->store, path, BK_IMPORT_FORMAT_AUTO, NULL, &error));
  g_assert_no_error (error);
  ids = bk_store_search (f->store, "Lindenblüte", NULL, 10, &error);
  g_assert_cmpuint (ids->len, ==, 1);
  loaded = bk_store_load_motion (f->store, g_array_index (ids, gint64, 0), &error);
  g_assert_cmpuint (strlen (loaded->justification), >, 1000 * 1000);
  bk_test_assert_check (f->store);
}

static void
test_duplicate_ids (Fixture *f, gconstpointer data)
{
  g_autofree char *path = bk_test_write_file ("dup.json",
    "{\"data\": ["
    " {\"id\": \"https://example.org/oparl/paper/7\", \"type\": \"https://schema.oparl.org/1.1/Paper\","
    "  \"name\": \"Erste Fassung\", \"reference\": \"VO/2026/7\"},"
    " {\"id\": \"https://example.org/oparl/paper/7\", \"type\": \"https://schema.oparl.org/1.1/Paper\","
    "  \"name\": \"Zweite Fassung\", \"reference\": \"VO/2026/7\"}"
    "], \"pagination\": {}, \"links\": {}}", -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(BkMotion) loaded = NULL;
  gint64 id;

  g_assert_true (bk_import_file (f->store, path, BK_IMPORT_FORMAT_AUTO, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (bk_store_count_motions (f->store), ==, f->before + 1);
  id = bk_store_find_motion_by_reference (f->store, "VO/2026/7");
  loaded = bk_store_load_motion (f->store, id, &error);
  g_assert_cmpstr (loaded->subject, ==, "Zweite Fassung");
  bk_test_assert_check (f->store);
}

static void
test_folder_all_or_nothing (Fixture *f, gconstpointer data)
{
  g_autofree char *good = bk_test_write_file ("a.json",
    "{\"data\": [{\"id\": \"https://example.org/oparl/paper/8\","
    " \"type\": \"https://schema.oparl.org/1.1/Paper\", \"name\": \"Gut\"}],"
    " \"pagination\": {}, \"links\": {}}", -1);
  g_autofree char *dir = g_path_get_dirname (good);
  g_autofree char *bad = g_build_filename (dir, "b.json", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (bad, "{\"data\": [", -1, &error));
  assert_rejected (f, dir, BK_ERROR_INVALID_INPUT, "b.json");
}

static void
test_missing (Fixture *f, gconstpointer data)
{
  assert_rejected (f, "/nonexistent/motion.txt", BK_ERROR_NOT_FOUND, NULL);
}

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  ADD ("/import/empty", test_empty);
  ADD ("/import/binary", test_binary);
  ADD ("/import/bad-utf8", test_bad_utf8);
  ADD ("/import/huge", test_huge);
  ADD ("/import/truncated-json", test_truncated_json);
  ADD ("/import/big-field", test_big_field);
  ADD ("/import/duplicate-ids", test_duplicate_ids);
  ADD ("/import/folder-all-or-nothing", test_folder_all_or_nothing);
  ADD ("/import/missing", test_missing);
  return g_test_run ();
}
