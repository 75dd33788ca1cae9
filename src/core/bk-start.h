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
 * aside would lose data. now NULL: the real time. */
BkStore *bk_start_open_store (const char    *path,
                              GDateTime     *now,
                              BkStartReport *report,
                              GError       **error);

G_END_DECLS
