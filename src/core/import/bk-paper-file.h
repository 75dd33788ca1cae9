/* bk-paper-file.h: a council paper's own file (its mainFile) read into a motion
 *
 * The one place where the OParl sync hands a downloaded file to the paper
 * reader of issue 11 (bk-paper-reader.h: text, Markdown, HTML, PDF with text
 * recognition for scans), with the server's MIME type choosing the format.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-motion.h"

G_BEGIN_DECLS

/* Whether the reader can read files of this MIME type (NULL: unknown type,
 * the content decides). */
gboolean  bk_import_can_read_paper_type (const char *mime_type);

/* The motion in a paper's file: data of len bytes, of mime_type (may be
 * NULL or generic: the content is looked at), named name in errors. Fails
 * when nothing can be read from it (a type that is no paper, an encrypted
 * or damaged PDF, no motion found), with the reason in words. */
BkMotion *bk_import_read_paper_file    (const char  *data,
                                        gsize        len,
                                        const char  *mime_type,
                                        const char  *name,
                                        GError     **error);

G_END_DECLS
