/* bk-tour-steps.h: the steps of the demonstration tour, built in or read
 * from a town's file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What a step does on the real screen besides its settings. */
typedef enum
{
  BK_TOUR_EFFECT_NONE,
  BK_TOUR_EFFECT_READ_ALOUD,     /* the first motion, read aloud with the highlight */
  BK_TOUR_EFFECT_HELP,           /* the layered help opened, then its next layer */
  BK_TOUR_EFFECT_SCREEN_READER,  /* what a screen reader says for the focused button */
  BK_TOUR_EFFECT_IDLE_WARNING,   /* the idle warning shown */
} BkTourEffect;

/* One kind of step the kiosk knows how to show. Strings are untranslated
 * (N_): the tour translates them when it shows them. */
typedef struct
{
  const char   *id;
  const char   *page;       /* the stack page shown: "home", "motion" */
  const char   *settings;   /* the session settings it changes, as GVariant text a{sv} */
  BkTourEffect  effect;
  const char   *title;
  const char   *text;
  guint         seconds;    /* in the loop; 0: BK_TOUR_DEFAULT_SECONDS */
} BkTourStepInfo;

/* A step of a tour: what it shows, how long the loop stays, and a town's
 * own words (language code → text), or NULL for the built-in ones. */
typedef struct
{
  const BkTourStepInfo *info;
  guint                 seconds;
  GHashTable           *title;
  GHashTable           *text;
} BkTourStep;

#define BK_TOUR_DEFAULT_SECONDS 15
#define BK_TOUR_MIN_SECONDS     3
#define BK_TOUR_MAX_SECONDS     600

/* Every step the kiosk knows, in the built-in order. */
const BkTourStepInfo *bk_tour_step_infos       (guint       *n_infos);
const BkTourStepInfo *bk_tour_step_info_lookup (const char  *id);

/* The built-in tour: every step, BK_TOUR_DEFAULT_SECONDS each. */
GPtrArray *bk_tour_steps_new_builtin (void);
/* A tour file (data/tour/README.md): a GPtrArray of BkTourStep, or NULL
 * with an error naming the file and the field. */
GPtrArray *bk_tour_steps_new_from_data (const char  *data,
                                        gssize       len,
                                        const char  *name,
                                        GError     **error);
GPtrArray *bk_tour_steps_new_from_file (const char  *path,
                                        GError     **error);

/* The step's title and text in language (a code such as "de"): the town's
 * words when it gave them for language, else NULL (translate the info's). */
const char *bk_tour_step_get_own_title (const BkTourStep *step,
                                        const char       *language);
const char *bk_tour_step_get_own_text  (const BkTourStep *step,
                                        const char       *language);

G_END_DECLS
