/* bk-staff-pin.h: the staff PIN: hash and lockout
 *
 * What staff mode and buergerkiosk-ctl use to set and check the PIN.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-store.h"

G_BEGIN_DECLS

/* The staff PIN: an Argon2id hash (libsodium crypto_pwhash_str) in the
 * store's staff_pin row, with a lockout that survives restarts: after
 * BK_STAFF_PIN_MAX_FAILURES wrong PINs in a row the PIN is refused for
 * BK_STAFF_PIN_LOCK_SECONDS, each further lockout twice as long as the one
 * before (at most a day), until the right PIN is entered. */

#define BK_STAFF_PIN_MIN_LENGTH    6
#define BK_STAFF_PIN_MAX_LENGTH    32
#define BK_STAFF_PIN_MAX_FAILURES  5
#define BK_STAFF_PIN_LOCK_SECONDS  (5 * 60)
#define BK_STAFF_PIN_MAX_LOCK_SECONDS (24 * 60 * 60)

typedef enum {
  BK_STAFF_PIN_OK,
  BK_STAFF_PIN_WRONG,      /* wrong; tries_left tells how many before a lockout */
  BK_STAFF_PIN_LOCKED,     /* refused without checking; see locked_seconds */
  BK_STAFF_PIN_NOT_SET,    /* no PIN stored: staff mode is closed */
} BkStaffPinResult;

typedef struct {
  guint  tries_left;       /* after this attempt; 0 when now locked */
  gint64 locked_seconds;   /* how long the lockout still lasts; 0 when not locked */
} BkStaffPinStatus;

/* Seconds since the epoch; tests pass their own. NULL: the real clock. */
typedef gint64 (*BkStaffPinClock) (gpointer user_data);

/* Only digits, BK_STAFF_PIN_MIN_LENGTH … BK_STAFF_PIN_MAX_LENGTH of them;
 * otherwise BK_ERROR_INVALID_INPUT with a message saying which rule. */
gboolean bk_staff_pin_check_format (const char       *pin,
                                    GError          **error);
/* Stores the hash of pin (replacing any) and clears the lockout. */
gboolean bk_staff_pin_set          (BkStore          *store,
                                    const char       *pin,
                                    GError          **error);
gboolean bk_staff_pin_is_set       (BkStore          *store);
/* Checks pin and records the outcome. status may be NULL. A database
 * failure is reported as BK_STAFF_PIN_WRONG with error set. */
BkStaffPinResult bk_staff_pin_verify (BkStore         *store,
                                      const char      *pin,
                                      BkStaffPinClock  clock,
                                      gpointer         clock_data,
                                      BkStaffPinStatus *status,
                                      GError         **error);
/* The lockout left now, in seconds (0: none). */
gint64   bk_staff_pin_get_locked_seconds (BkStore         *store,
                                          BkStaffPinClock  clock,
                                          gpointer         clock_data);

G_END_DECLS
