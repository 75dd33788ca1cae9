#include "bk-demo.h"
#include "bk-test-util.h"

static void
test_seed (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bk-demo-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "kiosk.db", NULL);
  g_autoptr(BkStore) store = NULL;
  g_autoptr(GArray) ids = NULL;
  g_auto(GStrv) bodies = NULL;
  guint count, text_motions = 0, oparl_motions = 0;

  store = bk_demo_open_store (path, &error);
  g_assert_no_error (error);
  count = bk_store_count_motions (store);
  ids = bk_store_list_motion_ids (store, NULL, &error);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(BkMotion) m = bk_store_load_motion (store, g_array_index (ids, gint64, i), &error);

      g_assert_no_error (error);
      if (m->subject == NULL || m->body == NULL)
        g_error ("demo motion %s lacks a subject or body", m->source ? m->source : m->oparl_id);
      if (m->oparl_id != NULL)
        oparl_motions++;
      else
        text_motions++;
    }
  g_assert_cmpuint (text_motions, >=, 10);
  g_assert_cmpuint (oparl_motions, >=, 3);
  /* the county and its two municipalities */
  bodies = bk_store_list_bodies (store);
  g_assert_cmpuint (g_strv_length (bodies), >=, 3);
  bk_test_assert_check (store);
  g_clear_object (&store);

  /* A second start does not seed again. */
  store = bk_demo_open_store (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bk_store_count_motions (store), ==, count);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/demo/seed", test_seed);
  return g_test_run ();
}
