/* bk-text-header.c: the fields at the head of a paper
 *
 * Labelled fields ("Betreff:", "Drucksache-Art:", "Datum:"), also when a
 * table was flattened so that its labels and values stand on separate lines
 * and out of order ("Datum" … "A0188/25/1" … "23.09.2025"): a label without
 * a value waits for the next line whose kind fits it (a date for a date, a
 * paper number for a number). Around them: ticked boxes, the public flag,
 * a letter's date line, type lines ("Änderungsantrag"), the addressee
 * block, letterheads, consultation rows and the sentences of the header
 * that name submitters, the body and its sessions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-text"

#include <string.h>

#include "bk-text-body.h"
#include "bk-text-consult.h"
#include "bk-text-header.h"
#include "bk-text-names.h"
#include "bk-text-parties.h"
#include "bk-text-refs.h"
#include "bk-text-util.h"
#include "bk-text-vocab.h"

#define MAX_PENDING 8
#define PENDING_LINES 10

typedef enum {
  CAP_NONE,
  CAP_SUBJECT,
  CAP_ADDRESSEE,
} Capture;

typedef struct {
  BkTextDoc *doc;
  BkLabelKind pending[MAX_PENDING];
  guint n_pending;
  guint pending_age;
  Capture cap;
  GString *capture;
  guint cap_lines;
  BkColumn map[BK_MAX_COLUMNS];
  gboolean have_map;
  char *gremium;          /* a flattened "Gremium" value, for a session date */
  char *session;          /* a flattened "Sitzungstermin" date */
  GPtrArray *loose_refs;  /* char*: paper numbers alone in a cell */
  GPtrArray *office;      /* char*: the office in charge and the authors */
} Header;

/* ------------------------------------------------------------------ */
/* values                                                              */

static void
add_related (BkTextDoc  *doc,
             const char *ref)
{
  for (guint i = 0; i < doc->related->len; i++)
    if (strcmp (g_ptr_array_index (doc->related, i), ref) == 0)
      return;
  g_ptr_array_add (doc->related, g_strdup (ref));
}

static void
set_reference (BkTextDoc  *doc,
               const char *ref,
               int         score)
{
  bk_text_offer (&doc->reference, ref, score);
  g_hash_table_add (doc->own_refs, g_strdup (ref));
}

static void
offer_type_value (BkTextDoc  *doc,
                  const char *value,
                  int         score)
{
  g_autofree char *low = bk_text_lower_same_length (value);
  gboolean specific = FALSE;
  const char *t = bk_text_find_type (low, &specific);

  bk_text_offer (&doc->type, t != NULL ? t : value, score);
}

static void
offer_type_from (BkTextDoc  *doc,
                 const char *text,
                 int         specific_score,
                 int         plain_score)
{
  g_autofree char *low = bk_text_lower_same_length (text);
  gboolean specific = FALSE;
  const char *t = bk_text_find_type (low, &specific);

  if (t != NULL)
    bk_text_offer (&doc->type, t, specific ? specific_score : plain_score);
}

static void
offer_subject (Header     *h,
               const char *value,
               int         score)
{
  g_autofree char *low = bk_text_lower_same_length (value);
  gsize len = 0;
  gboolean specific = FALSE;

  bk_text_offer (&h->doc->subject, value, score);
  /* "Antrag zur …" names its type; a type named later in it less so */
  if (bk_text_type_at (bk_text_skip_emphasis (low), &len, &specific) != NULL)
    offer_type_from (h->doc, value, 70, 50);
  else
    offer_type_from (h->doc, value, 60, 35);
}

static void
session_pair (Header *h)
{
  if (h->gremium != NULL && h->session != NULL)
    {
      bk_text_add_consultation (h->doc, h->gremium, h->session, NULL, -1);
      g_clear_pointer (&h->gremium, g_free);
      g_clear_pointer (&h->session, g_free);
    }
}

/* Takes a labelled value; FALSE when it does not fit the label. */
static gboolean
take_value (Header      *h,
            BkLabelKind  kind,
            const char  *label,
            const char  *value,
            gboolean     colon)
{
  BkTextDoc *doc = h->doc;
  g_autofree char *v = bk_text_strip_chars (value, " *_");
  g_autofree char *iso = NULL;
  int pub;

  if (*v == '\0')
    return FALSE;
  switch (kind)
    {
    case BK_LABEL_DATE:
      if ((iso = bk_text_find_date_full (v, TRUE, NULL, NULL)) == NULL)
        return FALSE;
      bk_text_offer (&doc->date, iso, 100);
      return TRUE;
    case BK_LABEL_SESSION:
      if ((iso = bk_text_find_date (v, NULL, NULL)) == NULL)
        return FALSE;
      g_free (h->session);
      h->session = g_steal_pointer (&iso);
      session_pair (h);
      return TRUE;
    case BK_LABEL_SUBMITTER:
      if (bk_text_has_date (v) && bk_text_count_words (v) <= 2)
        return FALSE;
      bk_text_offer_submitters (doc, v, 90);
      bk_text_body_phrases (doc, v);
      return TRUE;
    case BK_LABEL_AUTHOR:
      {
        g_auto(GStrv) names = g_strsplit (v, ",", -1);

        for (guint i = 0; names[i] != NULL; i++)
          {
            g_autofree char *n = bk_text_strip_chars (names[i], " ");
            g_autofree char *plain = g_str_has_prefix (n, "Frau ") || g_str_has_prefix (n, "Herr ")
                                     ? g_strdup (n + 5) : g_strdup (n);

            if (*plain == '\0' || (!bk_text_is_name (plain) && !bk_text_is_surname (plain)))
              continue;
            bk_motion_add_signatory (doc->m, plain, BK_PARTY_PERSON);
            /* the author of an administration's paper submits it */
            g_ptr_array_add (h->office, g_strdup (plain));
          }
        return TRUE;
      }
    case BK_LABEL_LEAD:
      g_ptr_array_insert (h->office, 0, g_strdup (v));
      return TRUE;
    case BK_LABEL_REFERENCE:
      {
        gsize tl = 0;
        g_autofree char *ref = bk_text_ref_dup (v, &tl);
        gboolean specific = FALSE;
        gsize len = 0;
        g_autofree char *llow = bk_text_lower_same_length (label);

        if (ref != NULL && (colon || strstr (llow, "nr") != NULL || bk_text_ref_token (v, FALSE) > 0))
          {
            set_reference (doc, ref, 100);
            /* "Antrag Nr. 14/284" names the type as well */
            offer_type_from (doc, label, 80, 70);
            return TRUE;
          }
        /* "Antrag: Wiedereinführung …" names the subject and the type */
        if (colon && bk_text_type_at (bk_text_skip_emphasis (llow), &len, &specific) != NULL
            && bk_text_count_words (v) >= 2)
          {
            bk_text_offer (&doc->subject, v, 90);
            offer_type_value (doc, label, 60);
            return TRUE;
          }
        return FALSE;
      }
    case BK_LABEL_RELATED:
      {
        g_autofree char *ref = bk_text_ref_dup (v, NULL);

        if (ref == NULL)
          return FALSE;
        add_related (doc, ref);
        return TRUE;
      }
    case BK_LABEL_SUBJECT:
      offer_subject (h, v, 100);
      return TRUE;
    case BK_LABEL_STATUS:
      if (!bk_text_public_flag (v, &pub))
        {
          g_autofree char *vlow = bk_text_lower_same_length (v);

          /* "öffentlich (Vorlage freigegeben)" */
          if (g_str_has_prefix (vlow, "nichtöffentlich") || g_str_has_prefix (vlow, "nicht öffentlich"))
            pub = 0;
          else if (g_str_has_prefix (vlow, "öffentlich"))
            pub = 1;
          else
            return FALSE;
        }
      doc->is_public = pub;
      return TRUE;
    case BK_LABEL_TYPE:
      offer_type_value (doc, v, 100);
      return TRUE;
    case BK_LABEL_ADDRESSEE:
      if (!colon)
        return FALSE;
      bk_text_offer (&doc->addressee, v, 90);
      return TRUE;
    case BK_LABEL_BODY:
      if (bk_text_count_words (v) > 8 || !bk_text_has_committee_word (v))
        return FALSE;
      bk_text_offer_body (&doc->body, v, 90);
      g_free (h->gremium);
      h->gremium = g_strdup (v);
      session_pair (h);
      return TRUE;
    case BK_LABEL_IGNORED:
      return TRUE;
    case BK_LABEL_NONE:
    default:
      return FALSE;
    }
}

/* ------------------------------------------------------------------ */
/* flattened tables                                                    */

static void
push_pending (Header      *h,
              BkLabelKind  kind)
{
  if (h->n_pending == MAX_PENDING)
    {
      memmove (h->pending, h->pending + 1, (MAX_PENDING - 1) * sizeof h->pending[0]);
      h->n_pending--;
    }
  h->pending[h->n_pending++] = kind;
  h->pending_age = 0;
}

static gboolean
fits (BkLabelKind  kind,
      const char  *cell)
{
  g_autofree char *iso = bk_text_find_date (cell, NULL, NULL);
  gsize tl = bk_text_ref_token (cell, TRUE);
  gboolean is_ref = tl > 0 && tl == strlen (cell) && iso == NULL;
  gboolean is_date = iso != NULL && bk_text_count_words (cell) <= 3;
  int pub;
  gboolean is_flag = bk_text_public_flag (cell, &pub);
  gboolean text = !is_ref && !is_date && !is_flag;

  switch (kind)
    {
    case BK_LABEL_DATE:
    case BK_LABEL_SESSION:
      return is_date;
    case BK_LABEL_REFERENCE:
    case BK_LABEL_RELATED:
      return is_ref;
    case BK_LABEL_STATUS:
      return is_flag;
    case BK_LABEL_BODY:
      return text && bk_text_has_committee_word (cell);
    case BK_LABEL_SUBJECT:
    case BK_LABEL_SUBMITTER:
      return text && (bk_text_is_faction_name (cell) || !bk_text_has_committee_word (cell));
    case BK_LABEL_AUTHOR:
    case BK_LABEL_LEAD:
    case BK_LABEL_ADDRESSEE:
    case BK_LABEL_TYPE:
      return text;
    case BK_LABEL_IGNORED:
    case BK_LABEL_NONE:
    default:
      return FALSE;
    }
}

/* A value cell for a label that stood alone before it. */
static gboolean
assign_pending (Header     *h,
                const char *cell)
{
  for (guint i = 0; i < h->n_pending; i++)
    if (fits (h->pending[i], cell) && take_value (h, h->pending[i], "", cell, TRUE))
      {
        memmove (h->pending + i, h->pending + i + 1, (h->n_pending - i - 1) * sizeof h->pending[0]);
        h->n_pending--;
        return TRUE;
      }
  return FALSE;
}

/* ------------------------------------------------------------------ */
/* lines                                                               */

static void
handle_checkboxes (BkTextDoc        *doc,
                   const BkTextLine *l)
{
  const char *p = l->text;
  gboolean specific = FALSE;

  if (bk_text_find_type (l->low, &specific) != NULL)
    doc->type_boxes = TRUE;

  while ((p = strstr (p, BK_TEXT_CHECKED)) != NULL)
    {
      const char *s = p + strlen (BK_TEXT_CHECKED);
      const char *e = strstr (s, BK_TEXT_UNCHECKED);
      const char *e2 = strstr (s, BK_TEXT_CHECKED);
      g_autofree char *label = NULL;
      int pub;

      if (e == NULL || (e2 != NULL && e2 < e))
        e = e2;
      label = e != NULL ? g_strndup (s, (gsize) (e - s)) : g_strdup (s);
      g_strstrip (label);
      if (bk_text_public_flag (label, &pub))
        doc->is_public = pub;
      else if (*label != '\0')
        offer_type_value (doc, label, 95);
      p = s;
    }
}

/* "Heinsberg, den 28.07.2020", "den 8.3.21", "08. März 2021", "Juni 2024":
 * a line that is only a date, the way a letter dates itself. */
gboolean
bk_text_letter_date (BkTextDoc  *doc,
                     const char *text,
                     int         score)
{
  gsize s = 0, e = 0;
  g_autofree char *iso = bk_text_find_date_full (text, TRUE, &s, &e);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  if (iso == NULL)
    return FALSE;
  {
    g_autofree char *head = g_strndup (text, s);

    before = bk_text_strip_chars (head, " ,");
  }
  after = bk_text_strip_chars (text + e, " .,");
  if (*after != '\0' && !g_str_has_prefix (after, "Uhr"))
    return FALSE;
  if (*before == '\0')
    {
      bk_text_offer (&doc->date, iso, score);
      return TRUE;
    }
  if (g_str_has_suffix (before, " den") || strcmp (before, "den") == 0
      || (strchr (text, ',') != NULL && bk_text_count_words (before) <= 4
          && g_unichar_isupper (g_utf8_get_char (before)) && strchr (before, ':') == NULL
          && bk_text_find_assembly (before, NULL) == NULL && !bk_text_has_committee_word (before)))
    {
      bk_text_offer (&doc->date, iso, score + 5);
      return TRUE;
    }
  return FALSE;
}

/* "Antrag vom 23.12.2017", "Ursprungsanfrage vom 21.04.2009", "Antrag der
 * X-Fraktion vom 3.5.2026 Nr. 95/2026": the date a paper was made, and its
 * number. */
static void
type_date (BkTextDoc  *doc,
           const char *text)
{
  g_autofree char *low = bk_text_lower_same_length (text);
  const char *hit = low;
  gsize tlen = 0;
  gboolean specific = FALSE;
  gboolean starts_with_type = bk_text_type_at (bk_text_skip_emphasis (low), &tlen, &specific) != NULL;

  if (starts_with_type)
    {
      const char *v = strstr (low, " vom ");
      const char *nr = strstr (low, " nr. ");

      if (v != NULL)
        {
          gsize s = 0, e = 0;
          g_autofree char *iso = bk_text_find_date (v + 5, &s, &e);

          if (iso != NULL && s == 0)
            bk_text_offer (&doc->date, iso, 85);
        }
      if (nr == NULL)
        nr = strstr (low, " nr ");
      if (nr != NULL)
        {
          const char *q = nr + (nr[3] == '.' ? 5 : 4);
          g_autofree char *ref = NULL;

          while (*q == ' ' || *q == ':')
            q++;
          ref = bk_text_ref_dup (text + (q - low), NULL);
          if (ref != NULL)
            set_reference (doc, ref, 80);
        }
    }

  while ((hit = strstr (hit, " vom ")) != NULL)
    {
      const char *w = hit;
      gsize len = 0, s = 0, e = 0;
      g_autofree char *iso = NULL;

      while (w > low && w[-1] != ' ' && w[-1] != '(')
        w--;
      hit += 5;
      if (bk_text_type_at (w, &len, &specific) == NULL || w + len != hit - 5)
        continue;
      iso = bk_text_find_date (hit, &s, &e);
      if (iso != NULL && s == 0)
        bk_text_offer (&doc->date, iso, 90);
    }
}

/* "Änderungsantrag", "Gemeinsamer Fraktionsantrag", "Anfrage": a line that
 * names the kind of paper, and maybe who makes it. */
static void
type_line (BkTextDoc        *doc,
           const BkTextLine *l)
{
  const char *lw = bk_text_skip_emphasis (l->low);
  gsize len = 0;
  gboolean specific = FALSE;
  const char *t;
  const char *w = lw;

  /* "Gemeinsamer", "Interfraktioneller", "Dringlicher": one word before */
  t = bk_text_type_at (w, &len, &specific);
  if (t == NULL && strchr (w, ' ') != NULL && bk_text_count_words (w) <= 6)
    {
      w = strchr (w, ' ') + 1;
      t = bk_text_type_at (w, &len, &specific);
    }
  if (t == NULL)
    return;
  if (w[len] == '\0' || w[len] == ':')
    bk_text_offer (&doc->type, t, specific ? 80 : 70);
  else if (w == lw)
    bk_text_offer (&doc->type, t, specific ? 75 : 45);
}

static gboolean
is_address_line (const char *low)
{
  static const char *const words[] = {
    "landratsamt", "rathaus", "kreishaus", "kreisverwaltung", "stadtverwaltung",
    "gemeindeverwaltung", "postfach", "verwaltung", "bürgermeisteramt", NULL
  };

  for (const char *p = low; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      return TRUE;
  for (guint i = 0; words[i] != NULL; i++)
    if (g_str_has_prefix (low, words[i]))
      return TRUE;
  return strstr (low, "straße") != NULL || strstr (low, "str.") != NULL || bk_text_is_faction_name (low);
}

/* "Frau Landrätin", "An den Landrat des Kreises …", "Herrn" */
static const char *
addressee_start (const BkTextLine *l)
{
  static const char *const starts[] = {
    "an den ", "an die ", "an das ", "an frau ", "an herrn ", "herrn ", "frau ", NULL
  };
  const char *lw = l->low;

  if (strcmp (lw, "herrn") == 0 || strcmp (lw, "frau") == 0 || strcmp (lw, "an") == 0)
    return l->text + strlen (lw);
  for (guint i = 0; starts[i] != NULL; i++)
    if (g_str_has_prefix (lw, starts[i]))
      {
        const char *r = l->text + strlen (starts[i]);

        if (!g_unichar_isupper (g_utf8_get_char (r)) || bk_text_count_words (lw) > 8)
          return NULL;
        return g_str_has_prefix (lw, "an ") ? r : l->text;
      }
  return NULL;
}

/* "Landkreis Beispielkreis – Kreistag", "Stadt Auenbach | Stadtrat". */
static gboolean
letterhead_body (BkTextDoc        *doc,
                 const BkTextLine *l)
{
  static const char *const dashes[] = { " – ", " - ", " — ", " | ", NULL };
  const char *lw = l->low;

  if (bk_text_count_words (lw) > 10 || bk_text_ends_sentence (lw) || strchr (lw, ':') != NULL)
    return FALSE;
  for (guint i = 0; dashes[i] != NULL; i++)
    {
      const char *d = strstr (lw, dashes[i]);
      const char *a;

      if (d == NULL || d == lw)
        continue;
      a = d + strlen (dashes[i]);
      while (*a == ' ')
        a++;
      if (bk_text_is_body_start (a) && bk_text_count_words (a) <= 6
          && bk_text_count_words (lw) - bk_text_count_words (a) <= 5 && strstr (a, dashes[i]) == NULL)
        {
          g_autofree char *authority = g_strndup (l->text, (gsize) (d - lw));
          g_autofree char *body = bk_text_compose_body (l->text + (a - lw), authority);

          bk_text_offer_body (&doc->body, body, 75);
          return TRUE;
        }
    }
  return FALSE;
}

/* "Stadt Zittau - Bürgerinformationsportal TOP Ö 16: Beschlussantrag …" */
static gboolean
agenda_subject (Header           *h,
                const BkTextLine *l)
{
  const char *hit = strstr (l->low, "top ");
  gsize off = 0;
  gboolean colon = FALSE;

  if (hit == NULL || hit == l->low || hit[-1] != ' ')
    return FALSE;
  if (bk_text_match_label_low (hit, &off, &colon) != BK_LABEL_SUBJECT || !colon)
    return FALSE;
  if (bk_text_count_words (hit + off) < 2)
    return FALSE;
  offer_subject (h, l->text + (hit - l->low) + off, 95);
  return TRUE;
}

/* The cells of a line as labels and values; TRUE when the line was all
 * fields. */
static gboolean
label_cells (Header     *h,
             BkTextLine *l)
{
  gboolean any = FALSE, all = TRUE;

  for (guint c = 0; c < l->n_cells; c++)
    {
      const char *cell = l->cells[c];
      const char *v = NULL;
      gboolean colon = FALSE;
      BkLabelKind k;
      g_autofree char *label = NULL;
      g_autofree char *vv = NULL;

      if (*cell == '\0')
        continue;
      k = bk_text_match_label (cell, &v, &colon);
      if (k == BK_LABEL_NONE || (k == BK_LABEL_ADDRESSEE && !colon))
        {
          if (h->n_pending > 0 && assign_pending (h, cell))
            {
              any = TRUE;
              continue;
            }
          all = FALSE;
          continue;
        }
      label = g_strndup (cell, (gsize) (v - cell));
      vv = bk_text_strip_chars (v, " *_");
      if (*vv == '\0')
        {
          gsize len = 0;
          gboolean specific = FALSE;
          g_autofree char *llow = bk_text_lower_same_length (label);
          const char *lw = bk_text_skip_emphasis (llow);

          /* a label alone: its value follows in the next cell or line */
          if (c + 1 < l->n_cells && take_value (h, k, label, l->cells[c + 1], TRUE))
            {
              c++;
              any = TRUE;
              continue;
            }
          /* "Fraktion", "Antrag", "Art" alone are words; only a table's
           * heads wait for a value */
          if (!colon && !bk_text_label_stands_alone (lw))
            {
              all = FALSE;
              continue;
            }
          if (k == BK_LABEL_REFERENCE && bk_text_type_at (lw, &len, &specific) != NULL
              && strstr (lw, "nr") == NULL && strstr (lw, "nummer") == NULL)
            {
              all = FALSE;
              continue;   /* "Antrag" alone names the type */
            }
          if ((k == BK_LABEL_SUBJECT || k == BK_LABEL_ADDRESSEE) && l->n_cells == 1)
            {
              h->cap = k == BK_LABEL_SUBJECT ? CAP_SUBJECT : CAP_ADDRESSEE;
              g_string_truncate (h->capture, 0);
              h->cap_lines = 0;
            }
          else if (k == BK_LABEL_SUBMITTER && !colon && l->n_cells == 1 && bk_text_count_words (cell) > 1)
            {
              all = FALSE;
              continue;
            }
          else
            push_pending (h, k);
          any = TRUE;
          continue;
        }
      if (!colon && k != BK_LABEL_REFERENCE)
        {
          /* "Fraktion Gartenpartei" under "Absender": a value, not a label */
          if (h->n_pending > 0 && assign_pending (h, cell))
            {
              any = TRUE;
              continue;
            }
          all = FALSE;
          continue;
        }
      if (take_value (h, k, label, v, colon))
        any = TRUE;
      else
        all = FALSE;
    }
  return any && all;
}

static gboolean
addressee_free (BkTextDoc *doc)
{
  int score = 0;

  bk_text_slot_best (&doc->addressee, &score);
  return score < 80;
}

static void
header_line (Header     *h,
             BkTextLine *l)
{
  BkTextDoc *doc = h->doc;
  const char *lw = bk_text_skip_emphasis (l->low);
  int pub;

  if (h->cap == CAP_SUBJECT)
    {
      const char *v;
      gboolean colon = FALSE;

      if (bk_text_match_label (l->cells[0], &v, &colon) == BK_LABEL_NONE || !colon)
        {
          bk_text_join_text (h->capture, l->text);
          l->used = TRUE;
          if (++h->cap_lines < 4)
            return;
        }
      offer_subject (h, h->capture->str, 100);
      h->cap = CAP_NONE;
      if (l->used)
        return;
    }
  if (h->cap == CAP_ADDRESSEE)
    {
      if (!is_address_line (l->low) && h->cap_lines < 3)
        {
          bk_text_join_text (h->capture, l->text);
          h->cap_lines++;
          l->used = TRUE;
          return;
        }
      bk_text_offer (&doc->addressee, h->capture->str, 80);
      h->cap = CAP_NONE;
      l->used = TRUE;
      return;
    }

  if (strstr (l->text, BK_TEXT_CHECKED) != NULL || strstr (l->text, BK_TEXT_UNCHECKED) != NULL)
    {
      handle_checkboxes (doc, l);
      l->used = TRUE;
      return;
    }
  if (bk_text_consult_header (l, h->map))
    {
      h->have_map = TRUE;
      l->used = TRUE;
      return;
    }
  if (l->n_cells >= 2 && bk_text_consult_row (doc, l, h->have_map ? h->map : NULL, h->have_map))
    {
      l->used = TRUE;
      return;
    }
  h->have_map = FALSE;

  if (label_cells (h, l))
    {
      l->used = TRUE;
      return;
    }
  /* a paper number alone in a cell of a flattened table */
  if (l->n_cells == 1 && bk_text_ref_token (l->text, FALSE) == strlen (l->text))
    {
      g_ptr_array_add (h->loose_refs, bk_text_ref_dup (l->text, NULL));
      l->used = TRUE;
      return;
    }
  {
    g_autofree char *s = bk_text_strip_chars (lw, " -–*()");

    if (bk_text_public_flag (s, &pub) && strlen (s) > 2)
      {
        doc->is_public = pub;
        l->used = TRUE;
        return;
      }
  }
  if (strlen (l->text) < 60 && bk_text_letter_date (doc, l->text, 80))
    {
      l->used = TRUE;
      return;
    }
  type_date (doc, l->text);
  type_line (doc, l);
  agenda_subject (h, l);
  if (bk_text_consult_line (doc, l->text, FALSE))
    {
      l->used = TRUE;
      return;
    }
  if (addressee_free (doc) && addressee_start (l) != NULL)
    {
      const char *a = addressee_start (l);

      g_string_assign (h->capture, a);
      h->cap = CAP_ADDRESSEE;
      h->cap_lines = 1;
      l->used = TRUE;
      return;
    }
  if (bk_text_is_body_start (lw) && bk_text_count_words (lw) <= 8 && !bk_text_ends_sentence (lw))
    bk_text_offer_body (&doc->body, l->text + (lw - l->low), 75);
  else
    letterhead_body (doc, l);
  bk_text_submitters_from_header (doc, l, NULL);
  /* "Ulrich Beispiel - Fraktionsvorsitzender" in a letterhead */
  {
    g_autofree char *name = NULL;
    g_autofree char *role = NULL;

    if (bk_text_split_name_role (l->text, FALSE, &name, &role) && role != NULL
        && bk_text_is_role_text (role))
      g_hash_table_replace (doc->letterhead_roles, g_steal_pointer (&name), g_steal_pointer (&role));
  }
}

/* ------------------------------------------------------------------ */
/* the header                                                          */

/* A paper number that extends another ("A0188/25/1" and "A0188/25") is the
 * amendment's own; the shorter one is the paper it amends. */
static void
settle_references (Header *h)
{
  BkTextDoc *doc = h->doc;
  g_autoptr(GPtrArray) all = g_ptr_array_new ();
  const char *own = bk_text_slot_best (&doc->reference, NULL);

  if (own != NULL)
    g_ptr_array_add (all, (gpointer) own);
  for (guint i = 0; i < doc->related->len; i++)
    g_ptr_array_add (all, g_ptr_array_index (doc->related, i));
  for (guint i = 0; i < h->loose_refs->len; i++)
    g_ptr_array_add (all, g_ptr_array_index (h->loose_refs, i));
  for (guint i = 0; i < all->len; i++)
    for (guint k = 0; k < all->len; k++)
      {
        const char *a = g_ptr_array_index (all, i);
        const char *b = g_ptr_array_index (all, k);
        gsize al = strlen (a);

        if (i != k && strlen (b) > al && strncmp (a, b, al) == 0 && (b[al] == '/' || b[al] == '-'))
          {
            g_autofree char *longer = g_strdup (b);
            g_autofree char *shorter = g_strdup (a);

            set_reference (doc, longer, 110);
            add_related (doc, shorter);
            return;
          }
      }
  if (own == NULL && h->loose_refs->len > 0)
    set_reference (doc, g_ptr_array_index (h->loose_refs, 0), 70);
}

static void
header_paragraph (BkTextDoc  *doc,
                  const char *para)
{
  if (*para == '\0')
    return;
  bk_text_submitters_from_header (doc, NULL, para);
  bk_text_body_phrases (doc, para);
  bk_text_consult_phrases (doc, para, FALSE);
  bk_text_doc_scan_places (doc, para, TRUE);
}

void
bk_text_read_header (BkTextDoc *doc,
                     GPtrArray *lines)
{
  Header h = { 0 };
  g_autoptr(GString) para = g_string_new (NULL);

  h.doc = doc;
  h.capture = g_string_new (NULL);
  h.loose_refs = g_ptr_array_new_with_free_func (g_free);
  h.office = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i <= lines->len; i++)
    {
      BkTextLine *l = i < lines->len ? g_ptr_array_index (lines, i) : NULL;

      if (l != NULL && (l->removed || l->noise))
        continue;
      if (l == NULL || l->blank || l->used)
        {
          if (h.cap == CAP_SUBJECT && h.capture->len > 0)
            {
              offer_subject (&h, h.capture->str, 100);
              h.cap = CAP_NONE;
            }
          if (h.cap == CAP_ADDRESSEE && h.capture->len > 0)
            {
              bk_text_offer (&doc->addressee, h.capture->str, 80);
              h.cap = CAP_NONE;
            }
          header_paragraph (doc, para->str);
          g_string_truncate (para, 0);
          continue;
        }
      if (h.n_pending > 0 && ++h.pending_age > PENDING_LINES)
        h.n_pending = 0;
      if (para->len > 0)
        g_string_append_c (para, '\n');
      g_string_append (para, l->text);
      header_line (&h, l);
    }
  settle_references (&h);
  if (h.office->len > 0)
    {
      /* an administration's paper: the office in charge and its authors */
      g_autofree char *joined = NULL;

      g_ptr_array_add (h.office, NULL);
      joined = g_strjoinv (BK_TEXT_LIST_SEP, (char **) h.office->pdata);
      bk_text_offer (&doc->submitters, joined, 40);
    }
  g_ptr_array_unref (h.office);
  g_string_free (h.capture, TRUE);
  g_ptr_array_unref (h.loose_refs);
  g_free (h.gremium);
  g_free (h.session);
}
