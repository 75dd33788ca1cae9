/* bk-start.h: opening the kiosk's database at start-up
 *
 * What the kiosk and its tests call before anything else touches the store.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-store.h"

G_BEGIN_DECLS

/* How the kiosk's database was opened at start-up. */
typedef struct {
  char    *broken_path;   /* where a broken database was moved, or NULL */
  char    *backup_path;   /* a backup written now, or NULL */
  gboolean write_protected; /* the database opened read-only: its file or disk is */
} BkStartReport;

void bk_start_report_clear (BkStartReport *report);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (BkStartReport, bk_start_report_clear)

/* Opens the kiosk's database (path NULL: the default) like
 * bk_demo_open_store, but a database that is corrupt or cannot be read is
 * moved aside as <name>.broken-YYYYMMDD-HHMMSS (never deleted) and the kiosk
 * goes on with the bundled demo content in a read-only in-memory store,
 * with the staff PIN taken from the newest backup when there is one. A
 * journal warning names both files. Afterwards a daily backup is made when
 * due (bk_backup_if_due). Other failures (a newer schema, locked by another
 * program, a missing folder) return NULL as before: moving a sound file
 * aside would lose data. While a moved-aside file lies beside a missing (or
 * empty) database, every later start is the same read-only demo state,
 * until staff restore a backup (bk_start_restore). A database this process
 * may only read opens read-only as it is (report->write_protected). now
 * NULL: the real time. */
BkStore *bk_start_open_store (const char    *path,
                              GDateTime     *now,
                              BkStartReport *report,
                              GError       **error);

/* The newest file that bk_start_open_store moved aside for db_path, or NULL. */
char    *bk_start_find_broken (const char *db_path);

/* Puts the backup (or any copy of a Bürgerkiosk database) in place of
 * db_path: copied beside it, upgraded to this program's schema, checked
 * (bk_store_check: integrity, search indexes, its tables), then renamed over
 * db_path in one step. A database at db_path is kept as
 * <name>.replaced-YYYYMMDD-HHMMSS (replaced_path), files moved aside as
 * broken stay. Run by root, the new file belongs to the folder's owner.
 * BK_ERROR_INVALID_INPUT (nothing changed) when the file is not a usable
 * database, BK_ERROR_DATABASE_TOO_NEW for a newer schema. The kiosk must not
 * have db_path open meanwhile (its fallback state does not). */
gboolean bk_start_restore     (const char  *db_path,
                               const char  *backup,
                               GDateTime   *now,
                               char       **replaced_path,
                               GError     **error);

G_END_DECLS
