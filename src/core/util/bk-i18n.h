/* bk-i18n.h: languages of the interface
 *
 * The languages the kiosk offers and how to switch between them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Sets the locale and binds the message catalogue: the build tree's when the
 * program runs from it, else the installed one. With prefer_german, German is
 * used unless LANGUAGE, LC_ALL, LC_MESSAGES or LANG names a language (the
 * kiosk's demo is German first); the staff tool simply follows the environment. */
void        bk_i18n_init                 (gboolean    prefer_german);

/* TRUE after bk_i18n_init (TRUE) when the environment named no language: then
 * the kiosk's language setting decides (a developer's LANGUAGE=en wins). */
gboolean    bk_i18n_follows_setting      (void);

/* Switches the interface language at runtime: "de", "en", "tr", "ar" or "uk";
 * easy_read chooses easy-read German (the de@easy catalogue, falling back to
 * German) when code is "de". Strings translated from now on are in the new
 * language; what was built before keeps its text. */
void        bk_i18n_set_language         (const char *code,
                                          gboolean    easy_read);

/* TRUE for a language written right to left ("ar"). */
gboolean    bk_i18n_language_is_rtl      (const char *code);

/* The language's name in itself ("Deutsch", "English", "Türkçe", "العربية",
 * "Українська"), never translated; NULL for an unknown code. */
const char *bk_i18n_get_native_name      (const char *code);

G_END_DECLS
