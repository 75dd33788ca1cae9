/* bk-text-warn.c: what the reader could not find or was unsure of
 *
 * The warnings are for the clerk who checks an import before citizens read
 * it: each one says in plain words what is missing or uncertain, and each
 * has a stable code for filters. They never block an import.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-text"

#include <glib/gi18n-lib.h>

#include "bk-text-warn.h"

/* Below this score the type was inferred from the wording, not stated. */
#define TYPE_STATED 45

void
bk_text_add_warnings (BkTextDoc *doc,
                      int        type_score,
                      gboolean   cut_off)
{
  BkMotion *m = doc->m;

  if (m->subject_derived)
    {
      g_autofree char *msg = g_strdup_printf (_("The paper has no title. The subject “%s” was taken "
                                                "from its request; please check it."), m->subject);

      bk_motion_add_warning (m, "no-title", msg);
    }
  else if (m->subject == NULL)
    bk_motion_add_warning (m, "no-subject", _("No subject was found."));
  if (m->resolution_points->len == 0 && m->questions->len == 0)
    bk_motion_add_warning (m, "no-request", _("No proposed resolution or questions were found."));
  if (m->body == NULL)
    bk_motion_add_warning (m, "no-body", _("The text does not say which council or committee decides."));
  if (m->submitters->len == 0)
    bk_motion_add_warning (m, "no-submitter", _("The text does not say who submits the paper."));
  if (m->date == NULL)
    bk_motion_add_warning (m, "no-date", _("The paper states no date of its own."));
  if (m->type == NULL)
    bk_motion_add_warning (m, "no-type", _("The text does not say what kind of paper it is."));
  else if (type_score < TYPE_STATED)
    {
      g_autofree char *msg = g_strdup_printf (_("The kind of paper is not stated; “%s” was inferred "
                                                "from its wording."), m->type);

      bk_motion_add_warning (m, "type-inferred", msg);
    }
  if (doc->decision_record)
    bk_motion_add_warning (m, "decision-record",
                           _("The text is a record of a decision (result, votes) rather than the paper "
                             "itself; the text that was decided is shown as the request."));
  if (cut_off)
    bk_motion_add_warning (m, "cut-off",
                           _("The text ends in the middle of a sentence; part of the paper may be missing."));
  if (doc->text_dropped)
    bk_motion_add_warning (m, "text-left-out",
                           _("Text around the paper (navigation, other articles, an introduction) "
                             "was left out."));
  if (doc->markup_lost)
    bk_motion_add_warning (m, "marks-lost",
                           _("The paper marks its changes in bold or struck-through type, which this copy "
                             "lost: added and deleted words cannot be told apart."));
  if (doc->struck)
    bk_motion_add_warning (m, "struck-out", _("Struck-through words were left out of the text."));
  if (doc->numbers_repeated)
    bk_motion_add_warning (m, "numbering",
                           _("Every item of a list was numbered “1.”; the items were counted in order."));
}
