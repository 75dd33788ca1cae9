/* bk-project.c: a digital project of the county or a town
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-project"

#include <string.h>

#include "bk-project.h"

static const char *const status_names[] = {
  [BK_PROJECT_PLANNED] = "planned",
  [BK_PROJECT_IN_PROGRESS] = "in-progress",
  [BK_PROJECT_DONE] = "done",
  [BK_PROJECT_PAUSED] = "paused",
};

BkProject *
bk_project_new (void)
{
  BkProject *self = g_new0 (BkProject, 1);

  self->motions = g_ptr_array_new_with_free_func (g_free);
  return self;
}

void
bk_project_free (BkProject *self)
{
  if (self == NULL)
    return;
  g_free (self->id);
  g_free (self->title);
  g_free (self->owner);
  g_free (self->benefit);
  g_free (self->description);
  g_free (self->easy_summary);
  g_free (self->milestone);
  g_free (self->milestone_date);
  g_free (self->responsible);
  g_free (self->source);
  g_ptr_array_unref (self->motions);
  g_free (self);
}

const char *
bk_project_status_to_string (BkProjectStatus status)
{
  g_return_val_if_fail ((guint) status < G_N_ELEMENTS (status_names), NULL);
  return status_names[status];
}

gboolean
bk_project_status_from_string (const char      *name,
                               BkProjectStatus *status)
{
  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (status_names); i++)
    if (strcmp (name, status_names[i]) == 0)
      {
        *status = (BkProjectStatus) i;
        return TRUE;
      }
  return FALSE;
}
