#pragma once

/* Shared by the files of the plain-text motion parser (bk-text-*.c); not
 * part of the core's API, which is bk-text-parser.h. */

#include "bk-motion.h"
#include "bk-text-util.h"

G_BEGIN_DECLS

#define CHECKED "\xE2\x98\x92"    /* ☒ */
#define UNCHECKED "\xE2\x98\x90"  /* ☐ */

typedef struct {
  char *text;       /* cleaned, whitespace collapsed, cells joined by a space */
  char *low;        /* text lowered byte for byte (same offsets) */
  char **cells;     /* table cells, at least one */
  guint n_cells;
  gboolean heading;
  gboolean bold;
  gboolean blank;
  gboolean removed;
} Line;

typedef enum {
  SEC_HEADER,
  SEC_INTRO,
  SEC_RESOLUTION,
  SEC_JUSTIFICATION,
  SEC_CLOSING,
  SEC_POSTSCRIPT,
  SEC_EASY,          /* "Zusammenfassung in Leichter Sprache": anywhere */
  N_SECTIONS
} Section;

typedef enum {
  COL_NONE,
  COL_COMMITTEE,
  COL_DATE,
  COL_ROLE,
  COL_PUBLIC,
} Column;

#define MAX_COLUMNS 8

typedef struct {
  GPtrArray *lines;                  /* Line*, owned */
  GPtrArray *extra;                  /* Line* made from cue remainders, owned */
  GPtrArray *sec[N_SECTIONS];        /* Line*, borrowed */
  GPtrArray *scan;                   /* lines searched for related papers */
  BkMotion *m;

  char *subject;  int subject_prio;
  char *date;     int date_prio;
  char *body;     int body_prio;
  char *type;     int type_prio;
  char *addressee; int addressee_prio;
  BkTristate is_public;
  GPtrArray *submitters;  int submitters_prio;  /* char* */
  GPtrArray *closing_factions;                  /* char* */
  GHashTable *letterhead_roles;                 /* name → role */
  char *salutation;
  gboolean have_resolution_cue;
  gboolean easy_last;                           /* the easy-read summary ends the text */
  GHashTable *own_refs;                         /* set of numbers labelled as the paper's */
  GPtrArray *request_lines;                     /* Line*, borrowed: cue lines before the resolution */
} Parser;

#define PRIO_NONE 100

/* What starts a list item: "1." / "I." is a point, "-" / "a)" / "1.1" a sub-point. */
typedef enum {
  MARK_NONE,
  MARK_NUMBER,
  MARK_SUB,
} Mark;

/* The field a header label ("Betreff:", "Drucksache Nr.:") names. */
typedef enum {
  LBL_NONE,
  LBL_DATE,
  LBL_SUBMITTER,
  LBL_REFERENCE,
  LBL_SUBJECT,
  LBL_STATUS,
  LBL_TYPE,
  LBL_ADDRESSEE,
  LBL_BODY,
} LabelKind;

/* bk-text-parser.c: a field is kept from the offer with the lowest prio */
void       bk_text_offer                       (char       **slot,
                                                int         *slot_prio,
                                                const char  *value,
                                                int          prio);
void       bk_text_offer_body                  (char       **slot,
                                                int         *slot_prio,
                                                const char  *value,
                                                int          prio);

/* bk-text-lines.c: markup cleaning and lines */
GString   *bk_text_clean_markup                (const char  *text,
                                                gsize        len);
void       bk_text_line_free                   (gpointer     data);
Line      *bk_text_line_new_plain              (const char  *text);
GPtrArray *bk_text_split_lines                 (const GString *clean);
void       bk_text_remove_page_headers         (GPtrArray   *lines);

/* bk-text-sections.c: cue detection */
void       bk_text_split_sections              (Parser      *ps);

/* bk-text-fields.c: field labels, paper numbers, motion types */
LabelKind  bk_text_match_label_low             (const char  *lw,
                                                gsize       *value_off,
                                                gboolean    *colon);
LabelKind  bk_text_match_label                 (const char  *cell,
                                                const char **value,
                                                gboolean    *colon);
void       bk_text_split_label_cells           (GPtrArray   *cells);
gsize      bk_text_scan_ref_token              (const char  *p,
                                                gboolean     relaxed);
void       bk_text_scan_references             (const Line  *l,
                                                GPtrArray   *out);
const char *bk_text_find_type                  (const char  *low,
                                                gboolean    *plain);
void       bk_text_offer_type_from             (Parser      *ps,
                                                const char  *low,
                                                int          prio_specific,
                                                int          prio_plain);

/* bk-text-consultations.c */
gboolean   bk_text_flag_value                  (const char  *cell,
                                                BkTristate  *value);
gboolean   bk_text_has_committee_word          (const char  *cell);
gboolean   bk_text_parse_consult_header        (const Line  *l,
                                                Column      *map);
gboolean   bk_text_try_consultation_cells      (Parser      *ps,
                                                const Line  *l,
                                                const Column *map,
                                                gboolean     mode);
gboolean   bk_text_try_consultation_line       (Parser      *ps,
                                                const Line  *l);
void       bk_text_scan_abbreviated_consultations (Parser   *ps,
                                                const Line  *l);
void       bk_text_requested_consultations     (Parser      *ps,
                                                const char  *text);

/* bk-text-header.c */
gboolean   bk_text_is_body_start               (const char  *low);
gboolean   bk_text_letter_date                 (Parser      *ps,
                                                const Line  *l);
void       bk_text_trailing_date_line          (Parser      *ps,
                                                GPtrArray   *lines);
void       bk_text_complete_body_with_place    (Parser      *ps);
void       bk_text_parse_header                (Parser      *ps,
                                                GPtrArray   *lines);

/* bk-text-parties.c: submitters and signatories */
gboolean   bk_text_is_role_text                (const char  *text);
gboolean   bk_text_split_name_role             (const char  *text,
                                                char       **name,
                                                char       **role);
void       bk_text_offer_submitters            (Parser      *ps,
                                                const char  *value,
                                                int          prio);
gboolean   bk_text_is_signature_line           (const Line  *l);
void       bk_text_parse_signatures            (Parser      *ps,
                                                GPtrArray   *lines);
void       bk_text_trailing_signatures         (Parser      *ps,
                                                GPtrArray   *lines);
void       bk_text_finish_parties              (Parser      *ps);

/* bk-text-points.c: resolution points and justification */
Mark       bk_text_list_marker                 (const char  *s,
                                                const char **content);
void       bk_text_build_points                (Parser      *ps,
                                                GPtrArray   *lines);
char      *bk_text_build_text                  (GPtrArray   *lines);

G_END_DECLS
