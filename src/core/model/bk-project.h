/* bk-project.h: a digital project of the county or a town ("Digitale Vorhaben")
 *
 * Where the administration's digital projects stand, for citizens: what it
 * changes for them, its status, the next milestone, who is responsible, and
 * the council papers behind it (by reference, "12/0342").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  BK_PROJECT_PLANNED,
  BK_PROJECT_IN_PROGRESS,
  BK_PROJECT_DONE,
  BK_PROJECT_PAUSED,
} BkProjectStatus;

typedef struct {
  gint64 num;            /* row number in the store; 0 until stored */
  char *id;              /* stable key from the file: "buergerportal" */
  char *title;
  char *owner;           /* whose project: "Landkreis Beispielkreis", "Stadt Auenbach" */
  BkProjectStatus status;
  char *benefit;         /* what it changes for citizens */
  char *description;     /* more, or NULL */
  char *easy_summary;    /* in Leichte Sprache, or NULL */
  char *milestone;       /* the next milestone: what, or NULL */
  char *milestone_date;  /* yyyy-mm-dd or yyyy-mm, or NULL */
  char *responsible;     /* office or person responsible */
  char *source;          /* the file it came from */
  GPtrArray *motions;    /* char*: paper references ("12/0342") */
} BkProject;

BkProject   *bk_project_new               (void);
void         bk_project_free              (BkProject       *self);

/* "planned", "in-progress", "done", "paused": the names of the JSON format
 * and of the database. */
const char  *bk_project_status_to_string  (BkProjectStatus  status);
gboolean     bk_project_status_from_string (const char      *name,
                                            BkProjectStatus *status);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BkProject, bk_project_free)

G_END_DECLS
