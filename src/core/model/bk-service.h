/* bk-service.h: an administrative service (Verwaltungsleistung)
 *
 * What a service description carries (FIM / LeiKa), in German with
 * optional translations, and the life situations the catalogue is browsed by.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* One administrative service (Verwaltungsleistung) as German service
 * descriptions carry it (FIM / LeiKa). The German text is the reference; a
 * translation may replace name, short and full text for another interface
 * language (bk_service_get_name () and friends pick it). Every text field may
 * be NULL unless marked otherwise; paragraphs are separated by "\n\n". */

/* The kiosk's own guided forms a service can offer (ui/model/bk-form.c),
 * by the ids of their submission kinds (bk-submission.h): "appointment",
 * "registration-certificate", "defect-report", "suggestion-complaint".
 * Motion feedback belongs to motions, never to a service. */
const char *const *bk_kiosk_form_list        (void);   /* NULL-terminated, static */
gboolean           bk_kiosk_form_is_known    (const char *id);
/* The kiosk forms of a service from XZuFi, by its LeiKa key: only for keys
 * that certainly name a service done in person or with one of the forms
 * (README, "XZuFi"); empty (never NULL) for every other key and for NULL. */
const char *const *bk_kiosk_forms_for_leika  (const char *leika_key);

/* Whether a municipality (a service's "municipality") is a county rather
 * than a town: its name starts with the word "Landkreis", "Kreis", "Region"
 * or "Städteregion", or its last word ends in "kreis" ("Rhein-Sieg-Kreis");
 * "Kreisstadt Aue" is a town. A suggestion or complaint to its council goes
 * to the county council (Kreistag). */
gboolean           bk_municipality_is_county (const char *municipality);

/* Text structure. A text field holds paragraphs separated by an empty line
 * ("\n\n"); a line break inside one is kept. A paragraph that starts with
 * "# " is a heading; one whose lines all start with "• " (or all with a
 * number and a full stop, "1. ") is a list. Texts from XZuFi are reduced
 * to this (bk-html-reduce.h); hand-written ones may use it. */
typedef enum {
  BK_TEXT_BLOCK_PARAGRAPH,
  BK_TEXT_BLOCK_HEADING,
  BK_TEXT_BLOCK_LIST,
} BkTextBlockKind;

typedef struct {
  BkTextBlockKind kind;
  char      *text;        /* paragraph (may hold "\n") or heading, without "# " */
  GPtrArray *items;       /* char*: a list's items without their markers */
  gboolean   numbered;
} BkTextBlock;

/* The blocks of text (BkTextBlock), empty ones left out; never NULL. */
GPtrArray *bk_text_blocks_parse (const char *text);

/* The life situations (Lebenslagen) the catalogue is browsed by; the ids are
 * stable and used in the JSON format and the database. */
#define BK_LIFE_SITUATION_MOVING            "moving"
#define BK_LIFE_SITUATION_ID_DOCUMENTS      "id-documents"
#define BK_LIFE_SITUATION_FAMILY            "family"
#define BK_LIFE_SITUATION_DISABILITY_CARE   "disability-care"
#define BK_LIFE_SITUATION_HOUSING           "housing"
#define BK_LIFE_SITUATION_WORK_BUSINESS     "work-business"
#define BK_LIFE_SITUATION_WASTE_ENVIRONMENT "waste-environment"

/* All ids above, in the order the kiosk shows them; NULL-terminated, static. */
const char *const *bk_life_situation_list      (void);
gboolean           bk_life_situation_is_known  (const char *id);
/* Translated label for the interface ("Moving house" / "Umzug"); the id itself
 * when unknown. */
const char        *bk_life_situation_get_label (const char *id);

typedef struct {
  char *title;            /* non-NULL */
  char *url;              /* http(s) URL, or NULL when the source gives none */
} BkServiceForm;

/* The responsible office (zuständige Stelle). */
typedef struct {
  char *name;
  char *address;          /* lines separated by "\n" */
  char *opening_hours;    /* lines separated by "\n" */
  char *phone;
  char *email;
  char *accessibility;    /* how to get into the building: ramps, lift, toilets, loop */
} BkServiceOffice;

/* The office and online service responsible for a service in one town the
 * kiosk serves (services from XZuFi: their offices depend on the town). */
typedef struct {
  char *town_ars;         /* the town's Amtlicher Regionalschlüssel, 12 digits */
  char *town_name;        /* "Stadt Auenbach" */
  BkServiceOffice office; /* all NULL when the source names no office there */
  char *online_url;       /* the online service for this town, or NULL */
} BkServiceLocalOffice;

/* A town (municipality) the kiosk serves, by its Amtlicher
 * Regionalschlüssel (ARS). */
typedef struct {
  char *ars;              /* 12 digits */
  char *name;
} BkTown;

void      bk_town_free              (BkTown     *self);
/* TRUE for an ARS of a town: 12 digits. */
gboolean  bk_ars_is_valid           (const char *ars);
/* The area an ARS or one of its leading parts names, as the prefix every
 * town in it starts with: 2 (Land), 3 (Regierungsbezirk), 5 (Kreis),
 * 9 (Gemeindeverband) or 12 digits; a 12-digit key loses its levels that are
 * all zeros ("091620000000" → "09162"). NULL for anything else. */
char     *bk_ars_area_prefix        (const char *id);

/* Name, short and full text in one more language. */
typedef struct {
  char *lang;             /* ISO 639-1: "en" */
  char *name;
  char *short_text;
  char *full_text;
} BkServiceText;

typedef struct {
  char *id;               /* stable, unique: "99115001000000-stadt-auenbach"; non-NULL when stored */
  char *leika_key;        /* 14-digit LeiKa key, or NULL */
  char *municipality;     /* "Landkreis Beispielkreis", "Stadt Auenbach", "Gemeinde Lindental"; non-NULL */
  char *name;             /* German; non-NULL */
  char *short_text;       /* German; one or two sentences; non-NULL */
  char *full_text;        /* German */
  char *who_may_apply;
  GPtrArray *documents;   /* char*: required documents */
  char *costs;
  char *processing_time;
  char *deadlines;
  GPtrArray *steps;       /* char*: procedure, in order */
  char *legal_basis;      /* "§ 17 Bundesmeldegesetz (BMG)" */
  BkServiceOffice office;
  char *online_url;       /* online service, shown as a QR code; or NULL */
  GPtrArray *forms;       /* BkServiceForm */
  char *easy_read;        /* Leichte Sprache, German; or NULL */
  GPtrArray *life_situations; /* char*: BK_LIFE_SITUATION_* ids */
  GPtrArray *translations;    /* BkServiceText */
  GPtrArray *keywords;    /* char*: other words citizens use ("Ummeldung", "Umzug"),
                           * searched like the name (FIM "Begriffe im Kontext") */
  char *hints;            /* Hinweise */
  char *further_info;     /* weiterführende Informationen */
  char *source;           /* file it was imported from, or NULL */
  char *source_id;        /* the id in its XZuFi source, or NULL (hand-written) */
  char *source_version;   /* its version there (last change), or NULL */
  GPtrArray *local_offices; /* BkServiceLocalOffice, in the order of the towns;
                             * empty for hand-written services (office above) */
  GPtrArray *kiosk_forms; /* char*: the kiosk's forms the service offers, in
                           * order (bk_kiosk_form_is_known); may be empty */
} BkService;

BkService     *bk_service_new               (void);
void           bk_service_free              (BkService  *self);

/* Whether the office depends on the citizen's town (services from XZuFi). */
gboolean       bk_service_is_per_town       (const BkService *self);
/* The office for the town with this ARS, or NULL. */
const BkServiceLocalOffice *bk_service_get_local_office (const BkService *self,
                                                         const char      *ars);
BkServiceLocalOffice *bk_service_add_local_office (BkService  *self,
                                                   const char *town_ars,
                                                   const char *town_name);

void           bk_service_form_free         (BkServiceForm *form);
/* TRUE for an http:// or https:// address with a host. */
gboolean       bk_service_is_web_address    (const char *url);

/* url may be NULL: a form the description names without an address. */
BkServiceForm *bk_service_add_form          (BkService  *self,
                                             const char *title,
                                             const char *url);
/* Adds or replaces the translation for lang. */
BkServiceText *bk_service_set_translation   (BkService  *self,
                                             const char *lang,
                                             const char *name,
                                             const char *short_text,
                                             const char *full_text);
/* The code under which a translation for lang is stored: "en_GB.UTF-8" →
 * "en"; NULL for German, NULL, C or POSIX (the service's own text). */
char          *bk_service_dup_translation_lang (const char *lang);
/* lang is a language or locale ("en", "en_GB.UTF-8", "de"); NULL or German
 * gives NULL. Otherwise the translation for its language, or NULL. */
const BkServiceText *bk_service_get_translation (const BkService *self,
                                                 const char      *lang);
/* Text for the interface language lang: the translation where it has the
 * field, else the German text. */
const char    *bk_service_get_name          (const BkService *self,
                                             const char      *lang);
const char    *bk_service_get_short_text    (const BkService *self,
                                             const char      *lang);
const char    *bk_service_get_full_text     (const BkService *self,
                                             const char      *lang);
/* The language the three texts above are in for lang: "de" or the translation's. */
const char    *bk_service_get_text_language (const BkService *self,
                                             const char      *lang);

/* The id a service without one gets: LeiKa key (or folded name) and folded
 * municipality, "99115001000000-stadt-auenbach". */
char          *bk_service_make_id           (const char *leika_key,
                                             const char *name,
                                             const char *municipality);

/* The JSON shape of the import format (README, "Service JSON"), so an export
 * can be imported again. */
JsonNode      *bk_service_to_json           (const BkService *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BkService, bk_service_free)

/* A row of a catalogue list: cheap to load, texts already in the requested
 * language (German when there is no translation). */
typedef struct {
  char *id;
  char *name;
  char *short_text;
  char *municipality;
  char *lang;             /* language of name and short_text */
  GStrv life_situations;
  gboolean has_easy_read;
  gboolean has_online_service;
} BkServiceSummary;

void bk_service_summary_free (BkServiceSummary *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BkServiceSummary, bk_service_summary_free)

/* Narrows a list or a search; NULL members do not filter. */
typedef struct {
  const char *life_situation;   /* a BK_LIFE_SITUATION_* id */
  const char *municipality;     /* exact name */
} BkServiceFilter;

G_END_DECLS
