/* bk-paper-reader.h: a council paper from a file: text, Markdown, HTML or PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-motion.h"

G_BEGIN_DECLS

/* Largest file read as a paper: a PDF with scans is big; its text is not. */
#define BK_PAPER_MAX_SIZE (64 * 1024 * 1024)
#define BK_PAPER_MAX_HTML_SIZE (16 * 1024 * 1024)

typedef enum {
  BK_PAPER_FORMAT_AUTO,
  BK_PAPER_FORMAT_TEXT,    /* plain text or Markdown */
  BK_PAPER_FORMAT_HTML,
  BK_PAPER_FORMAT_PDF,
} BkPaperFormat;

/* What name (a file name, may be NULL) and the first bytes say. */
BkPaperFormat bk_paper_detect_format (const char     *name,
                                      const char     *data,
                                      gsize           len);
/* The paper in data; name is put before every error message ("x.pdf: The
 * PDF is encrypted …"). Pages read by text recognition and pages that could
 * not be read are added to the motion's warnings. */
BkMotion     *bk_paper_read_data     (const char     *data,
                                      gsize           len,
                                      const char     *name,
                                      BkPaperFormat   format,
                                      GError        **error);
/* The same for a file; errors name path. */
BkMotion     *bk_paper_read_file     (const char     *path,
                                      BkPaperFormat   format,
                                      GError        **error);

/* What a paper's main file says and its record lacks: an OParl Paper names
 * its subject, type, body and consultations but not the resolution, the
 * questions or the reasons, which are in its main file. Fills only what
 * motion has not; the record wins where both say something. A file that
 * cannot be read leaves a warning, never an error: the record is imported
 * all the same. */
void          bk_paper_complete_from_file (BkMotion    *motion,
                                           const char  *path);
/* The same with the file already read: takes from file (which is left
 * partly emptied) what motion lacks, and the warnings about the file. */
void          bk_paper_complete_from_motion (BkMotion  *motion,
                                             BkMotion  *file);

G_END_DECLS
