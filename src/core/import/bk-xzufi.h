/* bk-xzufi.h: service descriptions in XZuFi 2.2 (README, "XZuFi")
 *
 * Messages with "schreibe" (Leistung, Organisationseinheit, Onlinedienst,
 * Zuständigkeit) and "loesche", from a file or from a publication: a folder
 * or web address whose index.txt lists the files (the Sammlerdienst
 * convention). A message is read whole before anything is stored; one that
 * is not sound is refused with the file, the element path and the problem.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-store.h"

G_BEGIN_DECLS

/* Largest XZuFi file accepted, in bytes. */
#define BK_XZUFI_MAX_SIZE (64 * 1024 * 1024)
/* The file of a publication that lists its messages. */
#define BK_XZUFI_INDEX "index.txt"

/* What an import did. */
typedef struct {
  guint files;
  guint services_added;
  guint services_updated;
  guint services_unchanged;   /* the same version and text as stored */
  guint services_stale;       /* older than the stored version: left as they were */
  guint offices;              /* offices and online services written */
  guint responsibilities;
  guint deleted;              /* objects removed ("loesche", or gone from a publication) */
  guint not_found;            /* "loesche" of objects the kiosk does not have */
  guint ignored;              /* objects of kinds the kiosk does not use */
  GPtrArray *notes;           /* char*: what was left out and why; NULL when nothing */
} BkXzufiStats;

void      bk_xzufi_stats_clear  (BkXzufiStats *stats);
/* One line: "what: XZuFi – services: 2 new, …". */
char     *bk_xzufi_describe     (const char         *what,
                                 const BkXzufiStats *stats);

/* TRUE when data looks like an XZuFi message (its namespace near the top). */
gboolean  bk_xzufi_sniff        (const char *data,
                                 gsize       len);

/* Reads the message and applies it in the caller's transaction; name is
 * the file for messages. Objects are updated by their source id and version:
 * the same message again changes nothing. */
gboolean  bk_xzufi_import_data  (BkStore      *store,
                                 const char   *data,
                                 gsize         len,
                                 const char   *name,
                                 BkXzufiStats *stats,
                                 GError      **error);

/* Reads one file of a publication ("index.txt" first, then each file it
 * lists); returns its content or NULL and an error. */
typedef GBytes *(*BkXzufiFetchFunc) (const char *name,
                                     gpointer    user_data,
                                     GError    **error);

/* The file names an index lists, one per line (empty lines and lines
 * starting with "#" aside). Names are plain file names: no folders, no
 * addresses. An error when there are none or one is not plain. */
GStrv     bk_xzufi_parse_index  (const char *data,
                                 gsize       len,
                                 const char *name,
                                 GError    **error);

/* Imports a whole publication in the caller's transaction: every file the
 * index lists must be there and sound, or nothing is changed. origin names
 * the publication (its folder or address); what an earlier import of the
 * same origin stored and the publication no longer holds is removed. An
 * empty index is an error, so it never empties the catalogue. */
gboolean  bk_xzufi_import_publication (BkStore          *store,
                                       const char       *origin,
                                       BkXzufiFetchFunc  fetch,
                                       gpointer          user_data,
                                       BkXzufiStats     *stats,
                                       GError          **error);
/* A folder with an index.txt. */
gboolean  bk_xzufi_is_publication     (const char       *folder);
gboolean  bk_xzufi_import_folder      (BkStore          *store,
                                       const char       *folder,
                                       BkXzufiStats     *stats,
                                       GError          **error);

G_END_DECLS
