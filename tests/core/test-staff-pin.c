#include <string.h>
#include <glib/gstdio.h>

#include "bk-error.h"
#include "bk-staff-pin.h"
#include "bk-store.h"
#include "bk-test-util.h"

typedef struct {
  gint64 now;
} FakeClock;

static gint64
fake_clock (gpointer user_data)
{
  return ((FakeClock *) user_data)->now;
}

static void
test_format (void)
{
  const char *bad[] = { NULL, "", "12345", "12345a", "123 456", "١٢٣٤٥٦",
                        "123456789012345678901234567890123" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (bk_staff_pin_check_format (bad[i], &error));
      g_assert_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT);
    }
  g_assert_true (bk_staff_pin_check_format ("123456", NULL));
  g_assert_true (bk_staff_pin_check_format ("00000000", NULL));
}

static void
test_set_and_verify (void)
{
  g_autoptr(BkStore) store = bk_test_store_open_memory ();
  g_autoptr(GError) error = NULL;
  FakeClock clock = { 1000000 };
  BkStaffPinStatus status;

  g_assert_false (bk_staff_pin_is_set (store));
  g_assert_cmpint (bk_staff_pin_verify (store, "123456", fake_clock, &clock, &status, &error),
                   ==, BK_STAFF_PIN_NOT_SET);
  g_assert_no_error (error);

  g_assert_false (bk_staff_pin_set (store, "12ab56", &error));
  g_assert_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_false (bk_staff_pin_is_set (store));

  g_assert_true (bk_staff_pin_set (store, "246810", &error));
  g_assert_no_error (error);
  g_assert_true (bk_staff_pin_is_set (store));
  g_assert_cmpint (bk_staff_pin_verify (store, "246810", fake_clock, &clock, &status, &error),
                   ==, BK_STAFF_PIN_OK);
  g_assert_cmpint (bk_staff_pin_verify (store, "246811", fake_clock, &clock, &status, &error),
                   ==, BK_STAFF_PIN_WRONG);
  g_assert_cmpuint (status.tries_left, ==, BK_STAFF_PIN_MAX_FAILURES - 1);
  /* A prefix of the PIN is wrong, not "close enough". */
  g_assert_cmpint (bk_staff_pin_verify (store, "24681", fake_clock, &clock, NULL, NULL),
                   ==, BK_STAFF_PIN_WRONG);
  g_assert_no_error (error);
}

/* The hash is stored, never the PIN itself. */
static void
test_hash_not_plain (void)
{
  g_autofree char *path = bk_test_tmp_path ("kiosk.db");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;

  {
    g_autoptr(BkStore) store = bk_store_open (path, BK_STORE_OPEN_DEFAULT, &error);

    g_assert_no_error (error);
    g_assert_true (bk_staff_pin_set (store, "97531864", &error));
    g_assert_no_error (error);
  }
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  /* memmem: the file holds NUL bytes, which would stop g_strstr_len */
  g_assert_null (memmem (contents, len, "97531864", 8));
  g_assert_nonnull (memmem (contents, len, "$argon2id$", 10));
}

static void
wrong_times (BkStore *store, FakeClock *clock, guint times)
{
  for (guint i = 0; i < times; i++)
    g_assert_cmpint (bk_staff_pin_verify (store, "000000", fake_clock, clock, NULL, NULL),
                     ==, BK_STAFF_PIN_WRONG);
}

static void
test_lockout_doubles_and_persists (void)
{
  g_autofree char *path = bk_test_tmp_path ("kiosk.db");
  g_autoptr(GError) error = NULL;
  FakeClock clock = { 5000000 };
  BkStaffPinStatus status;

  {
    g_autoptr(BkStore) store = bk_store_open (path, BK_STORE_OPEN_DEFAULT, &error);

    g_assert_true (bk_staff_pin_set (store, "135790", &error));
    wrong_times (store, &clock, BK_STAFF_PIN_MAX_FAILURES - 1);
    g_assert_cmpint (bk_staff_pin_verify (store, "000000", fake_clock, &clock, &status, NULL),
                     ==, BK_STAFF_PIN_WRONG);
    g_assert_cmpuint (status.tries_left, ==, 0);
    g_assert_cmpint (status.locked_seconds, ==, BK_STAFF_PIN_LOCK_SECONDS);
  }

  /* A restart does not end the lockout; the right PIN is refused meanwhile. */
  {
    g_autoptr(BkStore) store = bk_store_open (path, BK_STORE_OPEN_DEFAULT, &error);

    clock.now += 60;
    g_assert_cmpint (bk_staff_pin_get_locked_seconds (store, fake_clock, &clock), ==,
                     BK_STAFF_PIN_LOCK_SECONDS - 60);
    g_assert_cmpint (bk_staff_pin_verify (store, "135790", fake_clock, &clock, &status, NULL),
                     ==, BK_STAFF_PIN_LOCKED);
    g_assert_cmpint (status.locked_seconds, ==, BK_STAFF_PIN_LOCK_SECONDS - 60);

    /* After it: five more wrong ones lock twice as long, then four times. */
    clock.now += BK_STAFF_PIN_LOCK_SECONDS;
    wrong_times (store, &clock, BK_STAFF_PIN_MAX_FAILURES - 1);
    bk_staff_pin_verify (store, "000000", fake_clock, &clock, &status, NULL);
    g_assert_cmpint (status.locked_seconds, ==, 2 * BK_STAFF_PIN_LOCK_SECONDS);
    clock.now += 2 * BK_STAFF_PIN_LOCK_SECONDS;
    wrong_times (store, &clock, BK_STAFF_PIN_MAX_FAILURES - 1);
    bk_staff_pin_verify (store, "000000", fake_clock, &clock, &status, NULL);
    g_assert_cmpint (status.locked_seconds, ==, 4 * BK_STAFF_PIN_LOCK_SECONDS);

    /* The right PIN after the lockout resets everything. */
    clock.now += 4 * BK_STAFF_PIN_LOCK_SECONDS;
    g_assert_cmpint (bk_staff_pin_verify (store, "135790", fake_clock, &clock, &status, NULL),
                     ==, BK_STAFF_PIN_OK);
    wrong_times (store, &clock, BK_STAFF_PIN_MAX_FAILURES - 1);
    bk_staff_pin_verify (store, "000000", fake_clock, &clock, &status, NULL);
    g_assert_cmpint (status.locked_seconds, ==, BK_STAFF_PIN_LOCK_SECONDS);
  }
}

static void
test_lockout_capped (void)
{
  g_autoptr(BkStore) store = bk_test_store_open_memory ();
  FakeClock clock = { 9000000 };
  BkStaffPinStatus status = { 0 };

  g_assert_true (bk_staff_pin_set (store, "112233", NULL));
  for (guint round = 0; round < 12; round++)
    {
      wrong_times (store, &clock, BK_STAFF_PIN_MAX_FAILURES - 1);
      bk_staff_pin_verify (store, "000000", fake_clock, &clock, &status, NULL);
      g_assert_cmpint (status.locked_seconds, <=, BK_STAFF_PIN_MAX_LOCK_SECONDS);
      clock.now += status.locked_seconds;
    }
  g_assert_cmpint (status.locked_seconds, ==, BK_STAFF_PIN_MAX_LOCK_SECONDS);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/staff-pin/format", test_format);
  g_test_add_func ("/staff-pin/set-and-verify", test_set_and_verify);
  g_test_add_func ("/staff-pin/hash-not-plain", test_hash_not_plain);
  g_test_add_func ("/staff-pin/lockout-doubles-and-persists", test_lockout_doubles_and_persists);
  g_test_add_func ("/staff-pin/lockout-capped", test_lockout_capped);
  return g_test_run ();
}
