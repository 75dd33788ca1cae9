/* bk-motion.h: a motion (Antrag) and its parts
 *
 * The kiosk's model of a council paper, filled by the text and OParl
 * importers and by the store: submitters, consultations, resolution points,
 * related references and files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "bk-decision.h"

G_BEGIN_DECLS

/* Tri-state for values a source may leave open, such as "public". */
typedef enum {
  BK_TRISTATE_UNKNOWN = -1,
  BK_TRISTATE_NO = 0,
  BK_TRISTATE_YES = 1,
} BkTristate;

typedef enum {
  BK_PARTY_FACTION,
  BK_PARTY_PERSON,
  BK_PARTY_ORGANIZATION,
} BkPartyKind;

typedef struct {
  char *name;
  BkPartyKind kind;
  char *role;          /* "Fraktionsvorsitzender", "Geschäftsführerin" … or NULL */
} BkParty;

typedef struct {
  char *committee;     /* name of the committee or assembly */
  char *date;          /* ISO 8601 yyyy-mm-dd, or NULL */
  char *role;          /* "Vorberatung", "Beschluss", … or NULL */
  BkTristate is_public;
  BkTristate authoritative;
  char *meeting_name;
  char *oparl_id;          /* consultation URL, when imported from OParl */
  char *meeting_oparl_id;
  char *agenda_item_oparl_id;
  /* What the meeting did (its agenda item's result), filled by the store
   * when it loads a motion; never saved with it. */
  char *result;            /* as the council wrote it, or NULL */
  BkOutcome outcome;
  BkVotes votes;
  /* Its meeting, filled the same way: when (ISO 8601 with the time where
   * the council gave one), where, and whether it was called off. */
  char *meeting_start;
  char *meeting_location;
  gboolean meeting_cancelled;
} BkConsultation;

typedef struct {
  char *text;
  GPtrArray *subpoints;  /* char* */
} BkResolutionPoint;

/* What the reader of a paper could not find or was unsure of: a stable
 * code ("no-subject", "ocr", …) and a sentence for the clerk. */
typedef struct {
  char *code;
  char *message;
} BkWarning;

typedef struct {
  char *name;
  char *access_url;
  char *mime_type;
  char *oparl_id;
} BkFile;

typedef struct {
  gint64 id;             /* row id in the store; 0 until stored */
  char *oparl_id;        /* OParl object URL; NULL for text imports */
  char *subject;
  gboolean subject_derived; /* no title in the paper: subject taken from its request */
  char *body;            /* council or assembly that decides */
  char *type;            /* "Sachantrag", "Ergänzungsantrag", "Anfrage", … */
  char *reference;       /* Drucksache / Antrag number */
  char *date;            /* ISO 8601 yyyy-mm-dd */
  BkTristate is_public;
  char *addressee;
  char *justification;   /* paragraphs separated by "\n\n" */
  char *easy_summary;    /* easy-read (Leichte Sprache) summary, or NULL */
  char *source;          /* where it came from: file name or URL */
  GPtrArray *submitters;         /* BkParty */
  GPtrArray *signatories;        /* BkParty */
  GPtrArray *consultations;      /* BkConsultation */
  GPtrArray *resolution_points;  /* BkResolutionPoint */
  GPtrArray *questions;          /* BkResolutionPoint: an Anfrage's questions */
  GPtrArray *related_references; /* char* */
  GPtrArray *files;              /* BkFile */
  GPtrArray *warnings;           /* BkWarning */
} BkMotion;

BkWarning         *bk_warning_new               (const char  *code,
                                                 const char  *message);
void               bk_warning_free              (BkWarning   *warning);

BkMotion          *bk_motion_new                (void);
void               bk_motion_free               (BkMotion *self);

BkParty           *bk_motion_add_submitter      (BkMotion    *self,
                                                 const char  *name,
                                                 BkPartyKind  kind);
BkParty           *bk_motion_add_signatory      (BkMotion    *self,
                                                 const char  *name,
                                                 BkPartyKind  kind);
BkConsultation    *bk_motion_add_consultation   (BkMotion    *self,
                                                 const char  *committee,
                                                 const char  *date,
                                                 const char  *role,
                                                 BkTristate   is_public);
/* Decided, as BK_MOTION_STATUS_DECIDED lists them: a final outcome
 * (bk_motion_get_decision); without any known outcome, consultations all
 * dated before today (yyyy-mm-dd, NULL for the real date). */
gboolean           bk_motion_is_decided         (const BkMotion *self,
                                                 const char     *today);
BkResolutionPoint *bk_motion_add_point          (BkMotion    *self,
                                                 const char  *text);
void               bk_resolution_point_add_subpoint (BkResolutionPoint *self,
                                                     const char        *text);
/* A question of an Anfrage; sub-questions go in its subpoints. */
BkResolutionPoint *bk_motion_add_question       (BkMotion    *self,
                                                 const char  *text);
BkWarning         *bk_motion_add_warning        (BkMotion    *self,
                                                 const char  *code,
                                                 const char  *message);
gboolean           bk_motion_has_warning        (const BkMotion *self,
                                                 const char     *code);
/* Adds a reference unless it is already listed; returns TRUE when added. */
gboolean           bk_motion_add_reference      (BkMotion    *self,
                                                 const char  *reference);
BkFile            *bk_motion_add_file           (BkMotion    *self,
                                                 const char  *name,
                                                 const char  *access_url,
                                                 const char  *mime_type);

/* The consultation that ended the paper's way (the last one with a final
 * outcome, see bk_outcome_is_final ()), or NULL. */
const BkConsultation *bk_motion_get_decision    (const BkMotion *self);

/* Submitters joined for display: "CDU-Fraktion, Fraktion GRÜNE". */
char              *bk_motion_dup_submitter_names (const BkMotion *self);
/* "Erika Muster (Fraktionsvorsitzende), Jan Beispiel"; NULL without any. */
char              *bk_motion_dup_signatory_names (const BkMotion *self);
/* The whole resolution as plain text, points numbered, for search and
 * speech; an Anfrage's questions when it has no points. */
char              *bk_motion_dup_resolution_text (const BkMotion *self);

const char        *bk_party_kind_to_string      (BkPartyKind kind);
gboolean           bk_party_kind_from_string    (const char  *str,
                                                 BkPartyKind *kind);

/* The JSON shape of `buergerkiosk-ctl parse`: see README, "Motion JSON". */
JsonNode          *bk_motion_to_json            (const BkMotion *self);
char              *bk_motion_to_json_string     (const BkMotion *self,
                                                 gboolean        pretty);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BkMotion, bk_motion_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BkWarning, bk_warning_free)

G_END_DECLS
