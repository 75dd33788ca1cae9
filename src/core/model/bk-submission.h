/* bk-submission.h: a citizen's submission from a guided form
 *
 * Appointment requests, certificates, defect reports, suggestions and
 * feedback on motions, as stored and exported.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* What a citizen sent from a guided form. Stored by bk_store_add_submission ()
 * (bk-store.h), exported and purged by staff with buergerkiosk-ctl. */

typedef enum {
  BK_SUBMISSION_APPOINTMENT,               /* "appointment" */
  BK_SUBMISSION_REGISTRATION_CERTIFICATE,  /* "registration-certificate" */
  BK_SUBMISSION_DEFECT_REPORT,             /* "defect-report" */
  BK_SUBMISSION_SUGGESTION_COMPLAINT,      /* "suggestion-complaint" (Anregung/Beschwerde) */
  BK_SUBMISSION_MOTION_FEEDBACK,           /* "motion-feedback" */
} BkSubmissionKind;

const char *bk_submission_kind_to_string   (BkSubmissionKind  kind);
gboolean    bk_submission_kind_from_string (const char       *str,
                                            BkSubmissionKind *kind);

/* Motion feedback answers: "opinion" is one of these (or absent/null), and a
 * non-empty "comment" string counts as a comment. */
#define BK_FEEDBACK_AGREE    "agree"
#define BK_FEEDBACK_DISAGREE "disagree"

typedef struct {
  gint64 id;              /* row id; 0 until stored */
  char *reference;        /* "BK-2026-000123-K"; set when stored */
  BkSubmissionKind kind;
  char *service_id;       /* BkService id, or NULL */
  gint64 motion_id;       /* motion (paper) id, or 0 */
  char *created_at;       /* UTC, "2026-12-01T10:46:30Z"; set when stored (NULL means now) */
  char *answers;          /* a JSON object as text: {"field": value, …}; non-NULL */
  char *language;         /* interface language the citizen used: "de", "en", … */
  char *exported_at;      /* UTC like created_at, or NULL while not exported */
  char *paper_number;     /* the motion's paper number ("KT/2026/001") when listed, or NULL */
} BkSubmission;

BkSubmission *bk_submission_new  (BkSubmissionKind kind);
void          bk_submission_free (BkSubmission *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BkSubmission, bk_submission_free)

/* Sets answers from a JSON object (copied as compact text). */
void          bk_submission_set_answers (BkSubmission *self,
                                         JsonObject   *answers);

/* References look like "BK-2026-000123-K": year, the row number (six digits
 * or more) and a check letter over both, so a mistyped digit is noticed. */
char         *bk_submission_format_reference (int    year,
                                              gint64 number);
/* TRUE for a well-formed reference with the right check letter; case and
 * surrounding spaces are ignored. */
gboolean      bk_submission_reference_is_valid (const char *reference);

/* Aggregated motion feedback (kept when the submissions are purged). */
typedef struct {
  guint agree;
  guint disagree;
  guint comments;
} BkFeedbackCounts;

/* Export formats of `buergerkiosk-ctl export-submissions`. JSON: an array of
 * objects with every field, "answers" as an object. CSV (RFC 4180, UTF-8,
 * CRLF): reference, kind, service_id, paper_number, created_at, language, then
 * one column "answer:KEY" for every answer key in the set (first seen first);
 * cells that a spreadsheet would run as a formula (= + - @) get a leading '. */
JsonNode     *bk_submissions_to_json (GPtrArray *submissions);
/* The same, as indented text ending in a newline. */
char         *bk_submissions_to_json_string (GPtrArray *submissions);
char         *bk_submissions_to_csv  (GPtrArray *submissions);

/* One CSV cell, quoted when needed (for tests and other exports). */
void          bk_csv_append_cell     (GString    *out,
                                      const char *value);

G_END_DECLS
