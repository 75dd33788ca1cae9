/* bk-outcome.c: what a council did, in words and a symbol
 *
 * Used by the motion's timeline and the meeting calendar, so that both say
 * a decision the same way. The outcomes come from bk-decision.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-outcome"

#include "bk-config.h"

#include <glib/gi18n.h>

#include "bk-outcome.h"
#include "bk-ui.h"

const char *
bk_outcome_get_words (BkOutcome outcome)
{
  switch (outcome)
    {
    case BK_OUTCOME_DECIDED:
      /* Translators: what a council did with a paper at one meeting */
      return _("decided");
    case BK_OUTCOME_REJECTED:
      /* Translators: what a council did with a paper at one meeting */
      return _("rejected");
    case BK_OUTCOME_POSTPONED:
      /* Translators: what a council did with a paper at one meeting */
      return _("postponed");
    case BK_OUTCOME_REFERRED:
      /* Translators: what a council did with a paper at one meeting: sent it to another committee */
      return _("referred to another committee");
    case BK_OUTCOME_NOTED:
      /* Translators: what a council did with a paper at one meeting */
      return _("taken note of");
    case BK_OUTCOME_RECOMMENDED:
      /* Translators: what a committee did with a paper: advised the deciding council to agree */
      return _("recommended");
    case BK_OUTCOME_WITHDRAWN:
      /* Translators: what happened to a paper at one meeting */
      return _("withdrawn");
    case BK_OUTCOME_OTHER:
    case BK_OUTCOME_NONE:
    default:
      return NULL;
    }
}

const char *
bk_outcome_get_icon_name (BkOutcome outcome)
{
  switch (outcome)
    {
    case BK_OUTCOME_DECIDED:
      return "object-select-symbolic";
    case BK_OUTCOME_REJECTED:
      return "window-close-symbolic";
    case BK_OUTCOME_POSTPONED:
      return "media-playback-pause-symbolic";
    case BK_OUTCOME_REFERRED:
      return "mail-forward-symbolic";
    case BK_OUTCOME_NOTED:
      return "dialog-information-symbolic";
    case BK_OUTCOME_RECOMMENDED:
      return "emblem-ok-symbolic";
    case BK_OUTCOME_WITHDRAWN:
      return "edit-undo-symbolic";
    case BK_OUTCOME_OTHER:
    case BK_OUTCOME_NONE:
    default:
      return "object-select-symbolic";
    }
}

char *
bk_votes_describe (const BkVotes *votes)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (votes == NULL)
    return NULL;
  if (votes->yes >= 0)
    /* Translators: votes for a decision */
    g_string_append_printf (text, ngettext ("%d yes", "%d yes", votes->yes), votes->yes);
  if (votes->no >= 0)
    {
      if (text->len > 0)
        g_string_append (text, ", ");
      /* Translators: votes against a decision */
      g_string_append_printf (text, ngettext ("%d no", "%d no", votes->no), votes->no);
    }
  if (votes->abstain >= 0)
    {
      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append_printf (text, ngettext ("%d abstention", "%d abstentions", votes->abstain),
                              votes->abstain);
    }
  if (text->len == 0 && votes->unanimous)
    /* Translators: how a decision was taken: everybody agreed */
    g_string_append (text, _("unanimous"));
  else if (text->len == 0 && votes->majority)
    /* Translators: how a decision was taken: most agreed */
    g_string_append (text, _("by a majority"));
  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

char *
bk_motion_describe_decision (const BkMotion *motion)
{
  const BkConsultation *c = bk_motion_get_decision (motion);
  g_autofree char *date = NULL;
  const char *where;

  if (c == NULL)
    return NULL;
  date = bk_ui_format_date (c->date);
  where = c->committee != NULL && c->committee[0] != '\0' ? c->committee : NULL;
  if (date == NULL)
    return g_strdup (bk_outcome_get_words (c->outcome));
  switch (c->outcome)
    {
    case BK_OUTCOME_REJECTED:
      return where != NULL
             /* Translators: a motion's state: date, then the council, as in
              * "Rejected on 12 November 2026 in the Stadtrat" */
             ? g_strdup_printf (_("Rejected on %1$s in the %2$s"), date, where)
             : g_strdup_printf (_("Rejected on %s"), date);
    case BK_OUTCOME_NOTED:
      return where != NULL
             /* Translators: a motion's state, as in "Taken note of on 26 November 2026 in the Hauptausschuss" */
             ? g_strdup_printf (_("Taken note of on %1$s in the %2$s"), date, where)
             : g_strdup_printf (_("Taken note of on %s"), date);
    case BK_OUTCOME_WITHDRAWN:
      /* Translators: a motion's state: withdrawn on a date */
      return g_strdup_printf (_("Withdrawn on %s"), date);
    case BK_OUTCOME_DECIDED:
    default:
      return where != NULL
             /* Translators: a motion's state, as in "Decided on 12 November 2026 in the Stadtrat" */
             ? g_strdup_printf (_("Decided on %1$s in the %2$s"), date, where)
             : g_strdup_printf (_("Decided on %s"), date);
    }
}
