/* bk-staff-pin.c: the staff PIN: hash and lockout
 *
 * An Argon2id hash in the store, and a lockout that survives restarts, so
 * that pulling the plug does not reset the count of wrong PINs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-staff"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <sodium.h>

#include "bk-error.h"
#include "bk-staff-pin.h"
#include "bk-store-private.h"

/* INTERACTIVE (2 passes over 64 MiB) took 0.07 s to hash or verify on a
 * two-core Xeon VM; MODERATE took 0.45 s and 256 MiB, too long for a touch
 * screen that waits meanwhile and too much memory for a small kiosk PC. Guessing is limited by the lockout, not by
 * the hash cost; the cost protects a stolen database. */
#define PIN_OPSLIMIT crypto_pwhash_OPSLIMIT_INTERACTIVE
#define PIN_MEMLIMIT crypto_pwhash_MEMLIMIT_INTERACTIVE

typedef struct {
  gboolean set;
  char     hash[crypto_pwhash_STRBYTES];
  guint    failures;
  guint    lockouts;
  gint64   locked_until;
} PinRow;

/* A database the kiosk may only read (bk_store_is_write_protected) cannot
 * keep the lockout: it is kept here for as long as the process runs, so
 * that wrong PINs still lock staff mode and the right one still opens it. */
static struct {
  guint  failures;
  guint  lockouts;
  gint64 locked_until;
} unsaved;

static gboolean
ensure_sodium (GError **error)
{
  if (sodium_init () < 0)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_DATABASE,
                   _("The cryptography library could not be started"));
      return FALSE;
    }
  return TRUE;
}

static gint64
now_seconds (BkStaffPinClock clock,
             gpointer        clock_data)
{
  if (clock != NULL)
    return clock (clock_data);
  return g_get_real_time () / G_USEC_PER_SEC;
}

gboolean
bk_staff_pin_check_format (const char *pin,
                           GError    **error)
{
  gsize len = pin != NULL ? strlen (pin) : 0;

  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (pin[i]))
      {
        g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                     _("The staff PIN may contain only the digits 0 to 9"));
        return FALSE;
      }
  if (len < BK_STAFF_PIN_MIN_LENGTH)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                   _("The staff PIN must have at least %d digits"), BK_STAFF_PIN_MIN_LENGTH);
      return FALSE;
    }
  if (len > BK_STAFF_PIN_MAX_LENGTH)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                   _("The staff PIN may have at most %d digits"), BK_STAFF_PIN_MAX_LENGTH);
      return FALSE;
    }
  return TRUE;
}

static gboolean
load_row (BkStore *store,
          PinRow  *row,
          GError **error)
{
  sqlite3_stmt *stmt = bk_store_get_stmt (store,
      "SELECT hash, failures, lockouts, locked_until FROM staff_pin WHERE id = 1", error);
  int rc;

  memset (row, 0, sizeof *row);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      const char *hash = (const char *) sqlite3_column_text (stmt, 0);

      row->set = hash != NULL && g_strlcpy (row->hash, hash, sizeof row->hash) < sizeof row->hash;
      row->failures = (guint) sqlite3_column_int (stmt, 1);
      row->lockouts = (guint) sqlite3_column_int (stmt, 2);
      row->locked_until = sqlite3_column_int64 (stmt, 3);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      bk_store_set_sqlite_error (store, rc, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
save_lockout (BkStore      *store,
              const PinRow *row,
              GError      **error)
{
  sqlite3_stmt *stmt = bk_store_get_stmt (store,
      "UPDATE staff_pin SET failures = ?1, lockouts = ?2, locked_until = ?3 WHERE id = 1", error);

  if (bk_store_is_write_protected (store))
    {
      unsaved.failures = row->failures;
      unsaved.lockouts = row->lockouts;
      unsaved.locked_until = row->locked_until;
      return TRUE;
    }
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, (int) row->failures);
  sqlite3_bind_int (stmt, 2, (int) row->lockouts);
  sqlite3_bind_int64 (stmt, 3, row->locked_until);
  return bk_store_step_done (store, stmt, error);
}

gboolean
bk_staff_pin_set (BkStore    *store,
                  const char *pin,
                  GError    **error)
{
  char hash[crypto_pwhash_STRBYTES];
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (BK_IS_STORE (store), FALSE);

  if (!bk_staff_pin_check_format (pin, error) || !ensure_sodium (error))
    return FALSE;
  if (crypto_pwhash_str (hash, pin, strlen (pin), PIN_OPSLIMIT, PIN_MEMLIMIT) != 0)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_DATABASE,
                   _("Not enough memory to protect the staff PIN"));
      return FALSE;
    }
  stmt = bk_store_get_stmt (store,
      "INSERT OR REPLACE INTO staff_pin (id, hash, failures, lockouts, locked_until)"
      " VALUES (1, ?1, 0, 0, 0)", error);
  if (stmt == NULL)
    return FALSE;
  bk_store_bind_text (stmt, 1, hash);
  ok = bk_store_step_done (store, stmt, error);
  sodium_memzero (hash, sizeof hash);
  return ok;
}

gboolean
bk_staff_pin_is_set (BkStore *store)
{
  PinRow row;

  g_return_val_if_fail (BK_IS_STORE (store), FALSE);
  return load_row (store, &row, NULL) && row.set;
}

static gint64
lock_length (guint lockouts)
{
  gint64 seconds = BK_STAFF_PIN_LOCK_SECONDS;

  for (guint i = 1; i < lockouts && seconds < BK_STAFF_PIN_MAX_LOCK_SECONDS; i++)
    seconds *= 2;
  return MIN (seconds, BK_STAFF_PIN_MAX_LOCK_SECONDS);
}

BkStaffPinResult
bk_staff_pin_verify (BkStore          *store,
                     const char       *pin,
                     BkStaffPinClock   clock,
                     gpointer          clock_data,
                     BkStaffPinStatus *status,
                     GError          **error)
{
  BkStaffPinStatus local_status = { 0 };
  gint64 now = now_seconds (clock, clock_data);
  PinRow row;

  g_return_val_if_fail (BK_IS_STORE (store), BK_STAFF_PIN_WRONG);

  if (status == NULL)
    status = &local_status;
  memset (status, 0, sizeof *status);

  if (!load_row (store, &row, error))
    return BK_STAFF_PIN_WRONG;
  if (!row.set)
    return BK_STAFF_PIN_NOT_SET;
  if (bk_store_is_write_protected (store))
    {
      row.failures = MAX (row.failures, unsaved.failures);
      row.lockouts = MAX (row.lockouts, unsaved.lockouts);
      row.locked_until = MAX (row.locked_until, unsaved.locked_until);
    }
  if (row.locked_until > now)
    {
      status->locked_seconds = row.locked_until - now;
      return BK_STAFF_PIN_LOCKED;
    }
  if (!ensure_sodium (error))
    return BK_STAFF_PIN_WRONG;

  if (pin != NULL && crypto_pwhash_str_verify (row.hash, pin, strlen (pin)) == 0)
    {
      row.failures = 0;
      row.lockouts = 0;
      row.locked_until = 0;
      if (!save_lockout (store, &row, error))
        return BK_STAFF_PIN_WRONG;
      status->tries_left = BK_STAFF_PIN_MAX_FAILURES;
      return BK_STAFF_PIN_OK;
    }

  row.failures++;
  if (row.failures >= BK_STAFF_PIN_MAX_FAILURES)
    {
      row.failures = 0;
      row.lockouts++;
      row.locked_until = now + lock_length (row.lockouts);
      status->locked_seconds = row.locked_until - now;
    }
  else
    status->tries_left = BK_STAFF_PIN_MAX_FAILURES - row.failures;
  save_lockout (store, &row, error);
  return BK_STAFF_PIN_WRONG;
}

gint64
bk_staff_pin_get_locked_seconds (BkStore         *store,
                                 BkStaffPinClock  clock,
                                 gpointer         clock_data)
{
  gint64 now = now_seconds (clock, clock_data);
  PinRow row;

  g_return_val_if_fail (BK_IS_STORE (store), 0);
  if (!load_row (store, &row, NULL))
    return 0;
  if (bk_store_is_write_protected (store))
    row.locked_until = MAX (row.locked_until, unsaved.locked_until);
  if (row.locked_until <= now)
    return 0;
  return row.locked_until - now;
}
