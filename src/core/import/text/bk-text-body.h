/* bk-text-body.h: the assembly that decides, and where it sits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-text-doc.h"

G_BEGIN_DECLS

/* "SPD-Fraktion im Stadtrat", "Sitzung der Gemeindevertretung", "Antrag an
 * den Rat der Gemeinde". */
void  bk_text_body_phrases      (BkTextDoc  *doc,
                                 const char *text);
/* "Der Kreistag möge beschließen", "Der BA15 bittet …". */
void  bk_text_body_from_request (BkTextDoc  *doc,
                                 const char *text);
/* Last resort: the first assembly (or administration) the text mentions. */
void  bk_text_body_mentions     (BkTextDoc  *doc,
                                 const char *text);
/* body with the place the text names when it lacks one. */
char *bk_text_body_with_place   (BkTextDoc  *doc,
                                 const char *body);

G_END_DECLS
