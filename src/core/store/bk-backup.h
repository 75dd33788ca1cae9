/* bk-backup.h: daily copies of the database
 *
 * Backups beside the database, made at start-up.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-store.h"

G_BEGIN_DECLS

/* Daily copies of the database in a folder "backups" beside it (0700), each
 * file 0600 and named after the database and the UTC time it was made,
 * kiosk-20261201-063000.db. Made at start-up, not by a timer: a kiosk that
 * runs for weeks gets a fresh copy at each daily restart, one that is never
 * restarted keeps its last. */

#define BK_BACKUP_KEEP 7

/* The backup folder for the database at db_path. */
char     *bk_backup_get_folder (const char  *db_path);
/* Copies the open store into dest with the SQLite backup API. */
gboolean  bk_backup_write      (BkStore     *store,
                                const char  *dest,
                                GError     **error);
/* When the newest backup is older than a day (or there is none): writes one
 * and removes all but the keep newest (0: none removed). now NULL: the real time.
 * created (may be NULL) receives the new file's path, or NULL when none was
 * due. An in-memory store has nothing to back up: TRUE. */
gboolean  bk_backup_if_due     (BkStore     *store,
                                guint        keep,
                                GDateTime   *now,
                                char       **created,
                                GError     **error);
/* Backup file names in folder for db_path, newest first. */
GPtrArray *bk_backup_list      (const char  *db_path);
/* Removes all but the keep newest backups; returns how many were removed. */
guint     bk_backup_rotate     (const char  *db_path,
                                guint        keep);

/* Deletes the submissions made before cutoff (bk_store_purge_submissions)
 * in every backup of db_path too, so that "purge" keeps its promise for the
 * copies; each backup is upgraded to the current schema on the way.
 * removed: how many submissions, purged_files: how many backups. Goes on
 * past a backup that cannot be purged; the first such failure is returned. */
gboolean  bk_backup_purge_submissions (const char *db_path,
                                       const char *cutoff,
                                       guint      *removed,
                                       guint      *purged_files,
                                       GError    **error);

G_END_DECLS
