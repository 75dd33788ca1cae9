/* bk-form.h: the guided forms a citizen can fill in at the kiosk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "bk-submission.h"

G_BEGIN_DECLS

typedef enum {
  BK_FIELD_TEXT,        /* one line */
  BK_FIELD_MULTILINE,
  BK_FIELD_DATE,        /* day.month.year, stored as yyyy-mm-dd */
  BK_FIELD_CHOICE,      /* one of choices, stored as its id */
  BK_FIELD_EMAIL,
  BK_FIELD_PHONE,
  BK_FIELD_CONTACT,     /* a phone number or an e-mail address */
} BkFieldKind;

typedef enum {
  BK_FIELD_REQUIRED   = 1 << 0,
  BK_FIELD_PAST       = 1 << 1,  /* a date before today (a birthday) */
  BK_FIELD_NOT_PAST   = 1 << 2,  /* today or later (an appointment) */
  /* Filled from where the form was started (the service): not asked. */
  BK_FIELD_FROM_CONTEXT = 1 << 3,
} BkFieldFlags;

/* Answers offered under a text field, to choose instead of typing (typing
 * stays possible). */
typedef enum {
  BK_FIELD_OFFER_NONE,
  BK_FIELD_OFFER_STREETS,   /* the streets of the town the form is for */
  BK_FIELD_OFFER_ANSWERS,   /* the field's ready answers (BkFormField.answers) */
} BkFieldOffer;

typedef struct {
  const char *id;       /* stored */
  const char *label;    /* untranslated msgid (N_) */
} BkFieldChoice;

typedef struct {
  const char          *id;         /* answer key */
  const char          *label;      /* msgid; names the field in every message */
  const char          *hint;       /* msgid: what to write, with an example */
  BkFieldKind          kind;
  BkFieldFlags         flags;
  const BkFieldChoice *choices;    /* BK_FIELD_CHOICE: ends with { NULL } */
  guint                screen;     /* related questions share a screen (not in easy-read) */
  guint                max_length; /* characters; 0: the kind's default */
  BkFieldOffer         offer;
  const char * const  *answers;    /* BK_FIELD_OFFER_ANSWERS: msgids, ends with NULL */
} BkFormField;

typedef struct {
  const char        *id;           /* "appointment", the win.start-form target */
  BkSubmissionKind   kind;
  const char        *title;        /* msgids from here on */
  const char        *intro;
  const char        *recipient;    /* who reads it */
  const char        *next_steps;   /* what happens after sending */
  const BkFormField *fields;
  guint              n_fields;
} BkForm;

/* Where a form was started: the service or motion the citizen was reading.
 * The page that starts it fills this in (bk_page_fill_form_context). */
typedef struct {
  const char *service_id;
  const char *service_name;   /* answers the form's context field ("service") */
  const char *office;         /* named in the privacy notice and on the receipt */
  const char *municipality;   /* the town it concerns: answers "council" (a county's
                               * council or the town's) and its streets are offered */
  gint64      motion_id;
  const char *motion_title;
} BkFormContext;

/* The five forms, by id or by kind; NULL when unknown. */
const BkForm      *bk_form_lookup        (const char       *id);
const BkForm     **bk_form_list          (guint            *n_forms);
const BkFormField *bk_form_find_field    (const BkForm     *form,
                                          const char       *field_id);

/* Checks value (as typed) for field. NULL when it is fine, with the value to
 * store in normalized (may be NULL); else a translated message that names
 * the field, says what is wrong and how to fix it. today: yyyy-mm-dd, NULL
 * for the real date. */
char              *bk_form_field_check   (const BkFormField *field,
                                          const char        *value,
                                          const char        *today,
                                          char             **normalized);

/* Checks between fields (e.g. motion feedback needs an opinion or a
 * comment); answers holds the normalized values. NULL when fine, else the
 * message, and bad_field the field to go to. */
char              *bk_form_check_answers (const BkForm      *form,
                                          GHashTable        *answers,
                                          const char       **bad_field);

/* How a stored value reads on the confirmation screen (a choice's label,
 * a date as day.month.year); translated. */
char              *bk_form_field_display (const BkFormField *field,
                                          const char        *value);

/* "BK 2026 000 123 K": the reference in groups of digits, for speech. */
char              *bk_form_dup_spoken_reference (const char *reference);

/* What the citizen already chose where the form was started (the service)
 * is not asked again. answers: field id → value. */
gboolean           bk_form_field_is_asked  (const BkFormField *field,
                                            GHashTable        *answers);
/* The question screens: a GPtrArray of GArray of field indices. Related
 * questions share a screen, one question a screen in easy-read. */
GPtrArray         *bk_form_build_screens   (const BkForm      *form,
                                            GHashTable        *answers,
                                            gboolean           easy_read);
/* The screen that asks field_id (0 when none does). */
guint              bk_form_screen_of_field (const BkForm      *form,
                                            GPtrArray         *screens,
                                            const char        *field_id);
/* The privacy notice before the questions, one paragraph a string: what
 * the form is, what is stored, who reads it, when it is deleted (after
 * days), that the kiosk forgets. */
GStrv              bk_form_dup_privacy_notice (const BkForm   *form,
                                               guint           days);
/* The same for a form started at a service: office (may be NULL) is who
 * reads it, the office the receipt names. */
GStrv              bk_form_dup_privacy_notice_for (const BkForm *form,
                                                   const char   *office,
                                                   guint         days);
/* The submission of the checked answers (field id → value). */
BkSubmission      *bk_form_build_submission (const BkForm     *form,
                                             GHashTable       *answers,
                                             const char       *service_id,
                                             gint64            motion_id,
                                             const char       *language);

G_END_DECLS
