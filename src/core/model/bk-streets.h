/* bk-streets.h: the streets of the municipalities, for answers to choose
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _BkStreets BkStreets;

/* name is for messages ("streets.json: $.municipalities[1].streets: …"). */
BkStreets          *bk_streets_new_from_data (const char  *data,
                                              gssize       len,
                                              const char  *name,
                                              GError     **error);
void                bk_streets_free          (BkStreets   *self);
/* The bundled list (data/streets/streets.json), loaded once. If it cannot
 * be loaded, a warning says why and there are no streets: never NULL. */
BkStreets          *bk_streets_get_default   (void);

/* The streets of municipality, sorted (Ä with A); NULL when it has none. */
const char * const *bk_streets_lookup        (BkStreets   *self,
                                              const char  *municipality);
/* The streets of municipality that contain the words of typed before its
 * first digit (any case, ä = ae), sorted; at most limit of them (0: all).
 * n_matches: how many there are in all. */
GPtrArray          *bk_streets_match         (BkStreets   *self,
                                              const char  *municipality,
                                              const char  *typed,
                                              guint        limit,
                                              guint       *n_matches);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BkStreets, bk_streets_free)

G_END_DECLS
