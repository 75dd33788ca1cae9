#include "bk-test-util.h"

BkStore *
bk_test_store_open_memory (void)
{
  g_autoptr(GError) error = NULL;
  BkStore *store = bk_store_open (NULL, BK_STORE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

BkMotion *
bk_test_motion_new (const char *subject, const char *body, const char *date, const char *faction)
{
  BkMotion *m = bk_motion_new ();

  m->subject = g_strdup (subject);
  m->body = g_strdup (body);
  m->date = g_strdup (date);
  if (faction != NULL)
    bk_motion_add_submitter (m, faction, BK_PARTY_FACTION);
  return m;
}

char *
bk_test_tmp_path (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bk-test-XXXXXX", &error);

  g_assert_no_error (error);
  return g_build_filename (dir, name, NULL);
}

char *
bk_test_write_file (const char *name, const char *contents, gssize len)
{
  g_autoptr(GError) error = NULL;
  char *path = bk_test_tmp_path (name);

  g_file_set_contents (path, contents, len, &error);
  g_assert_no_error (error);
  return path;
}

void
bk_test_assert_check (BkStore *store)
{
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  if (!bk_store_check (store, report, &error))
    g_error ("store check failed: %s\n%s", error->message, report->str);
}
