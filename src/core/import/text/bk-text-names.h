/* bk-text-names.h: persons, roles and factions in the lines of a paper
 *
 * Recognises the lines a signature block is made of ("Dr. Jana Feldkamp",
 * "Fraktionsvorsitzende", "Waßmuth, CDU", "gez. Ole Brinkmann") and splits
 * a name from its role. Used by the block finder (where does the signature
 * start) and by the parties pass (who signed).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-text-lines.h"

G_BEGIN_DECLS

/* text after a leading "gez." / "gezeichnet" / "i. A." */
const char *bk_text_strip_signed      (const char  *text);
/* An organisation by its last word ("Seniorenbeirat Lindental",
 * "Bürgerverein Nord"): capitalised words ending in -rat, -verein, -liste … */
gboolean    bk_text_is_organization_name (const char *text);
/* A person's name, also with a spaced dash ("Hans – Joachim Krüger"). */
gboolean    bk_text_is_name           (const char  *text);
/* A faction or party as a whole line ("CDU-Fraktion", "BÜNDNIS 90/DIE GRÜNEN"). */
gboolean    bk_text_is_faction_text   (const char  *text);
/* Splits "Name, Rolle", "Name - Rolle", "Name (Rolle)", "Name. Rolle",
 * "Name Rolle" (a role word after the name) and "Nachname, Partei" (only
 * when party is set); returns TRUE with a person's name. */
gboolean    bk_text_split_name_role   (const char  *text,
                                       gboolean     surname_party,
                                       char       **name,
                                       char       **role);
/* A role on its own line ("(Fraktionsvorsitzender)", "-Geschäftsführerin"):
 * the role, or NULL. */
char       *bk_text_role_line         (const char  *text);
/* One capitalised word that can be a surname ("Waßmuth"); for lists of
 * signers written "Nachname, Partei". */
gboolean    bk_text_is_surname        (const char  *text);
/* Text that can be part of a signature block. */
gboolean    bk_text_is_signature_text (const char  *text);
/* A line that can be part of a signature block. */
gboolean    bk_text_is_signature_line (const BkTextLine *l);

G_END_DECLS
