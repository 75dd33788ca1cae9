#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Sets the locale and binds the message catalogue: the build tree's when the
 * program runs from it, else the installed one. With prefer_german, German is
 * used unless LANGUAGE, LC_ALL, LC_MESSAGES or LANG names a language (the
 * kiosk's demo is German first); the staff tool simply follows the environment. */
void bk_i18n_init (gboolean prefer_german);

G_END_DECLS
