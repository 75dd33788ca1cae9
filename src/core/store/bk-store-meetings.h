/* bk-store-meetings.h: meetings and their agendas, for the calendar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-decision.h"
#include "bk-store.h"

G_BEGIN_DECLS

typedef struct {
  char *oparl_id;
  char *name;
  char *start;          /* ISO date-time as the server gave it */
  char *end;
  char *location;
  char *committee;      /* the lead committee's name, or NULL */
  char *state;          /* meetingState, or NULL */
  gboolean cancelled;
  char *origin;         /* the System URL it was synced from, or NULL */
} BkMeetingSummary;

typedef struct {
  char *number;         /* "3", "14.1", or NULL */
  char *name;
  BkTristate is_public;
  char *result;         /* as the council wrote it, or NULL */
  BkOutcome outcome;
  BkVotes votes;
  gint64 motion_id;     /* the paper dealt with under this item, 0 if none is known */
  char *reference;      /* its reference and subject */
  char *subject;
} BkAgendaEntry;

void bk_meeting_summary_free (BkMeetingSummary *meeting);
void bk_agenda_entry_free    (BkAgendaEntry    *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BkMeetingSummary, bk_meeting_summary_free)

/* Meetings starting on or after from and before until (ISO dates,
 * yyyy-mm-dd; either may be NULL), soonest first, at most limit (0: all);
 * descending: latest first. */
GPtrArray *bk_store_list_meetings (BkStore    *self,
                                   const char *from,
                                   const char *until,
                                   gboolean    descending,
                                   guint       limit,
                                   GError    **error);
/* The meeting's agenda in its order (BkAgendaEntry). */
GPtrArray *bk_store_list_agenda   (BkStore    *self,
                                   const char *meeting_oparl_id,
                                   GError    **error);
/* The names and last syncs of the endpoints the meetings came from,
 * "name\tlast_success" each, by name; meetings imported from files are
 * not counted. */
GStrv      bk_store_list_meeting_sources (BkStore *self);

G_END_DECLS
