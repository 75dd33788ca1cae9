/* bk-glossary.h: administrative words explained in easy language
 *
 * The glossary is a JSON file (format: README, "Glossary"); the kiosk ships
 * one in a resource. It finds its terms in a motion's text, so that the
 * citizen can have each one explained.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct {
  char  *term;       /* as shown: "Antrag" */
  char **forms;      /* every spelling found in text, the term first */
  gboolean compounds;/* forms also end compound words: "Sachantrag" */
  char **context;    /* NULL, or folded word beginnings one of which must
                      * stand near: "öffentlich" only beside "Sitzung" */
  char  *easy;       /* the explanation in Leichte Sprache (German) */
  char  *english;    /* the explanation in English */
} BkGlossaryEntry;

#define BK_TYPE_GLOSSARY (bk_glossary_get_type ())
G_DECLARE_FINAL_TYPE (BkGlossary, bk_glossary, BK, GLOSSARY, GObject)

/* name is for messages ("glossary.json: $.terms[3].forms: …"). */
BkGlossary            *bk_glossary_new_from_data     (const char  *data,
                                                      gssize       len,
                                                      const char  *name,
                                                      GError     **error);
BkGlossary            *bk_glossary_new_from_file     (const char  *path,
                                                      GError     **error);
/* The bundled glossary, loaded once. If it cannot be loaded (a broken
 * build), a warning says why and the glossary is empty: never NULL. */
BkGlossary            *bk_glossary_get_default       (void);

/* Entries in alphabetical order (Ä with A). */
guint                  bk_glossary_get_n_entries     (BkGlossary  *self);
const BkGlossaryEntry *bk_glossary_get_entry         (BkGlossary  *self,
                                                      guint        index);
/* The entry whose term or one of whose forms is word (any case), or NULL. */
const BkGlossaryEntry *bk_glossary_lookup            (BkGlossary  *self,
                                                      const char  *word);
/* The index of entry in the alphabetical order, or -1. */
int                    bk_glossary_get_index         (BkGlossary  *self,
                                                      const BkGlossaryEntry *entry);

/* The distinct entries whose forms occur in text as whole words (or, for
 * compound entries, as the end of a word), in the order of their first
 * occurrence; any case. At one place the longest match wins: in
 * "Änderungsantrag" only Änderungsantrag is found, not also Antrag.
 * Returns const BkGlossaryEntry* owned by the glossary. */
GPtrArray             *bk_glossary_find_terms        (BkGlossary  *self,
                                                      const char  *text);

G_END_DECLS
