/* bk-text-consult.c: where and when a paper is discussed
 *
 * The Beratungsfolge comes in many shapes: a table with a header row
 * ("Gremium | Datum | Zuständigkeit"), rows without one ("Ö 12.03.2025
 * Bauausschuss"), one line per entry ("Kreisausschuss 12.03.2025
 * Vorberatung"), the flattened ALLRIS form where the committee and its role
 * stand on one line and the date and the meeting on the next ones (or no
 * date at all), and sentences of a letter ("zur Sitzung der
 * Gemeindevertretung am 27. Juni 2024", "im Bauausschuss zu beraten"). All of
 * them end here; an entry found twice is kept once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-text"

#include <string.h>

#include "bk-text-consult.h"
#include "bk-text-util.h"
#include "bk-text-vocab.h"

/* ------------------------------------------------------------------ */
/* adding                                                              */

static gboolean
same_committee (const char *a,
                const char *b)
{
  g_autofree char *na = bk_text_nominative (a);
  g_autofree char *nb = bk_text_nominative (b);
  g_autofree char *la = g_utf8_strdown (na, -1);
  g_autofree char *lb = g_utf8_strdown (nb, -1);

  return strstr (la, lb) != NULL || strstr (lb, la) != NULL;
}

BkConsultation *
bk_text_add_consultation (BkTextDoc *doc, const char *committee, const char *date,
                          const char *role, int pub)
{
  g_autofree char *c = NULL;
  BkMotion *m = doc->m;
  BkConsultation *cons;

  if (committee == NULL)
    return NULL;
  {
    /* a name found over wrapped lines is one line */
    g_autofree char *flat = g_strdup (committee);

    g_strdelimit (flat, "\n\t", ' ');
    c = bk_text_strip_chars (flat, " -–,;|*:()");
    if (strstr (c, "  ") != NULL)
      {
        char *collapsed = bk_text_collapse_spaces (c, strlen (c));

        g_free (c);
        c = collapsed;
      }
  }
  if (*c == '\0' || strlen (c) > 120 || strchr (c, ':') != NULL || bk_text_count_words (c) > 12)
    return NULL;
  for (guint i = 0; i < m->consultations->len; i++)
    {
      BkConsultation *o = g_ptr_array_index (m->consultations, i);
      gboolean roles_fit = role == NULL || o->role == NULL || g_ascii_strcasecmp (role, o->role) == 0;

      if (!same_committee (o->committee, c))
        continue;
      /* the same session named twice, or an entry whose date or role the
       * other one lacked; two dated steps of the same committee stay two */
      if (date != NULL && o->date != NULL && strcmp (date, o->date) != 0)
        continue;
      if ((date == NULL) != (o->date == NULL) && !roles_fit)
        continue;
      if (date == NULL && o->date == NULL && !roles_fit)
        continue;
      if (date == NULL && o->date != NULL && role != NULL)
        continue;
      if (o->date == NULL && date != NULL)
        o->date = g_strdup (date);
      if (o->role == NULL && role != NULL)
        o->role = g_strdup (role);
      if (o->is_public == BK_TRISTATE_UNKNOWN && pub >= 0)
        o->is_public = pub ? BK_TRISTATE_YES : BK_TRISTATE_NO;
      return o;
    }
  cons = bk_motion_add_consultation (m, c, date, role,
                                     pub < 0 ? BK_TRISTATE_UNKNOWN : pub ? BK_TRISTATE_YES : BK_TRISTATE_NO);
  return cons;
}

/* ------------------------------------------------------------------ */
/* tables                                                              */

/* The date of a cell that holds only a date (and maybe weekday or time). */
static char *
pure_date (const char *cell)
{
  gsize s = 0, e = 0;
  char *iso = bk_text_find_date (cell, &s, &e);

  if (iso == NULL)
    return NULL;
  if (s > 12)
    goto no;
  for (gsize i = 0; i < s; i++)
    if (g_ascii_isdigit (cell[i]))
      goto no;
  for (const char *p = cell + e; *p != '\0'; p++)
    if (g_ascii_isalpha (*p) && !g_str_has_prefix (p, "Uhr") && !g_str_has_prefix (p, "uhr"))
      goto no;
  return iso;
no:
  g_free (iso);
  return NULL;
}

static BkColumn
column_kind (const char *cell)
{
  g_autofree char *low = bk_text_lower_same_length (cell);
  g_autofree char *s = bk_text_strip_chars (low, " :*");

  if (strcmp (s, "gremium") == 0 || strcmp (s, "beratungsfolge") == 0
      || strcmp (s, "ausschuss") == 0 || strcmp (s, "gremien") == 0)
    return BK_COL_COMMITTEE;
  if (strcmp (s, "datum") == 0 || strcmp (s, "sitzung") == 0 || strcmp (s, "sitzungstermin") == 0
      || strcmp (s, "sitzungsdatum") == 0 || strcmp (s, "termin") == 0)
    return BK_COL_DATE;
  if (strcmp (s, "zuständigkeit") == 0 || strcmp (s, "rolle") == 0 || strcmp (s, "beratung") == 0
      || strcmp (s, "art") == 0 || strcmp (s, "beratungsart") == 0 || strcmp (s, "funktion") == 0)
    return BK_COL_ROLE;
  if (strcmp (s, "status") == 0 || strcmp (s, "ö/n") == 0 || strcmp (s, "öffentlichkeit") == 0
      || strcmp (s, "öffentlichkeitsstatus") == 0 || strcmp (s, "ö / n") == 0)
    return BK_COL_PUBLIC;
  return BK_COL_NONE;
}

gboolean
bk_text_consult_header (const BkTextLine *l,
                        BkColumn         *map)
{
  guint known = 0;

  if (l->n_cells < 2 || l->n_cells > BK_MAX_COLUMNS)
    return FALSE;
  for (guint i = 0; i < l->n_cells; i++)
    {
      BkColumn c = column_kind (l->cells[i]);

      if (c != BK_COL_NONE)
        known++;
      else if (*l->cells[i] != '\0' && strlen (l->cells[i]) > 20)
        return FALSE;
    }
  if (known < 2)
    return FALSE;
  for (guint i = 0; i < BK_MAX_COLUMNS; i++)
    map[i] = i < l->n_cells ? column_kind (l->cells[i]) : BK_COL_NONE;
  return TRUE;
}

gboolean
bk_text_consult_row (BkTextDoc        *doc,
                     const BkTextLine *l,
                     const BkColumn   *map,
                     gboolean          in_table)
{
  g_autofree char *date = NULL;
  const char *committee = NULL, *role = NULL;
  int pub = -1;
  gboolean have_flag = FALSE;

  if (l->n_cells < 2)
    return FALSE;
  for (guint i = 0; i < l->n_cells; i++)
    {
      const char *c = l->cells[i];
      BkColumn col = map != NULL && i < BK_MAX_COLUMNS ? map[i] : BK_COL_NONE;
      g_autofree char *low = bk_text_lower_same_length (c);
      char *d;

      if (*c == '\0')
        continue;
      if ((col == BK_COL_NONE || col == BK_COL_PUBLIC) && bk_text_public_flag (c, &pub))
        {
          have_flag = TRUE;
          continue;
        }
      if ((col == BK_COL_NONE || col == BK_COL_DATE) && date == NULL && (d = pure_date (c)) != NULL)
        {
          date = d;
          continue;
        }
      if (col == BK_COL_DATE && date == NULL && (d = bk_text_find_date (c, NULL, NULL)) != NULL)
        {
          date = d;
          continue;
        }
      if (col == BK_COL_ROLE
          || (col == BK_COL_NONE && role == NULL && committee != NULL && bk_text_is_consult_role (low))
          || (col == BK_COL_NONE && role == NULL && bk_text_is_consult_role (low)
              && !bk_text_has_committee_word (c)))
        {
          role = c;
          continue;
        }
      if ((col == BK_COL_COMMITTEE || col == BK_COL_NONE) && committee == NULL)
        {
          committee = c;
          continue;
        }
      return FALSE;   /* an extra text cell: not a consultation row */
    }
  if (committee == NULL || strchr (committee, ':') != NULL)
    return FALSE;
  if (!in_table && (date == NULL || !(have_flag || role != NULL || bk_text_has_committee_word (committee))))
    return FALSE;
  if (in_table && date == NULL && role == NULL && !have_flag)
    return FALSE;
  return bk_text_add_consultation (doc, committee, date, role, pub) != NULL;
}

/* "Kreisausschuss 12.03.2025 Vorberatung Ö", "Rat 08.09.2014": one entry
 * on a line of its own. */
gboolean
bk_text_consult_line (BkTextDoc  *doc,
                      const char *text,
                      gboolean    in_block)
{
  gsize s = 0, e = 0, rl = 0;
  g_autofree char *date = bk_text_find_date (text, &s, &e);
  g_autoptr(GString) rest = g_string_new (NULL);
  g_autofree char *role = NULL;
  g_autofree char *low = NULL;
  g_auto(GStrv) words = NULL;
  gssize r;
  guint n;
  int pub = -1;

  if (date != NULL)
    {
      g_string_append_len (rest, text, (gssize) s);
      g_string_append_c (rest, ' ');
      g_string_append (rest, text + e);
    }
  else
    g_string_append (rest, text);
  words = g_strsplit (g_strstrip (rest->str), " ", -1);
  n = g_strv_length (words);
  while (n > 0 && bk_text_public_flag (words[n - 1], &pub))
    g_clear_pointer (&words[--n], g_free);
  if (n > 0 && bk_text_public_flag (words[0], &pub))
    {
      g_free (words[0]);
      memmove (words, words + 1, n * sizeof (char *));
      n--;
    }
  g_string_assign (rest, "");
  for (guint i = 0; i < n; i++)
    {
      if (*words[i] == '\0')
        continue;
      if (rest->len > 0)
        g_string_append_c (rest, ' ');
      g_string_append (rest, words[i]);
    }
  low = bk_text_lower_same_length (rest->str);
  r = bk_text_find_consult_role (low, &rl);
  if (r > 0)
    {
      role = bk_text_strip_chars (rest->str + r, " ()-–,;");
      g_string_truncate (rest, (gsize) r);
    }
  if (date == NULL && role == NULL)
    return FALSE;
  if (bk_text_count_words (rest->str) > (in_block ? 10 : 5) || !bk_text_has_committee_word (rest->str))
    return FALSE;
  if (!in_block && strchr (rest->str, ',') != NULL)
    return FALSE;
  return bk_text_add_consultation (doc, rest->str, date, role, pub) != NULL;
}

/* ------------------------------------------------------------------ */
/* the Beratungsfolge block                                            */

static int
meeting_public (const char *low)
{
  if (strstr (low, "nichtöffentliche sitzung") != NULL || strstr (low, "nicht öffentliche sitzung") != NULL)
    return 0;
  if (strstr (low, "öffentliche sitzung") != NULL)
    return 1;
  return -1;
}

/* The ALLRIS form: "FA Finanzen 1. Lesung" / "20.01.2020 Sondersitzung FA
 * Finanzen", or "… Vorberatung" / "29.04.2009" / "28. öffentliche Sitzung …",
 * or an entry without a date. */
void
bk_text_consult_block (BkTextDoc *doc,
                       GPtrArray *lines)
{
  BkColumn map[BK_MAX_COLUMNS] = { 0 };
  gboolean have_map = FALSE, want_meeting = FALSE;
  BkConsultation *cur = NULL;
  gboolean cur_has_meeting = FALSE, gap = FALSE;
  guint entries = doc->m->consultations->len;

  for (guint i = 0; i < lines->len; i++)
    {
      BkTextLine *l = g_ptr_array_index (lines, i);
      gsize s = 0, e = 0, rl = 0;
      g_autofree char *date = NULL;
      gssize r;
      guint before = doc->m->consultations->len;

      if (l->removed || l->noise)
        continue;
      if (l->blank)
        {
          gap = doc->m->consultations->len > entries;
          continue;
        }
      if (bk_text_consult_header (l, map))
        {
          have_map = TRUE;
          l->used = TRUE;
          continue;
        }
      if (l->n_cells >= 2 && bk_text_consult_row (doc, l, have_map ? map : NULL, TRUE))
        {
          l->used = TRUE;
          cur = NULL;
          continue;
        }
      date = bk_text_find_date (l->text, &s, &e);
      if (date != NULL && s <= 2)
        {
          g_autofree char *after = bk_text_strip_chars (l->text + e, " \t");
          g_autofree char *alow = bk_text_lower_same_length (after);

          l->used = TRUE;
          if (cur != NULL && cur->date == NULL)
            {
              int pub = meeting_public (alow);

              cur->date = g_steal_pointer (&date);
              if (pub >= 0 && cur->is_public == BK_TRISTATE_UNKNOWN)
                cur->is_public = pub ? BK_TRISTATE_YES : BK_TRISTATE_NO;
              want_meeting = *after == '\0';
              cur_has_meeting = !want_meeting;
              continue;
            }
          /* "12.03.2025 Bauausschuss Vorberatung": a whole entry */
          if (bk_text_consult_line (doc, l->text, TRUE))
            {
              cur = NULL;
              continue;
            }
          continue;
        }
      if (want_meeting)
        {
          int pub = meeting_public (l->low);

          want_meeting = FALSE;
          cur_has_meeting = TRUE;
          l->used = TRUE;
          if (cur != NULL && pub >= 0 && cur->is_public == BK_TRISTATE_UNKNOWN)
            cur->is_public = pub ? BK_TRISTATE_YES : BK_TRISTATE_NO;
          continue;
        }
      r = bk_text_find_consult_role (l->low, &rl);
      if (r > 0 && bk_text_count_words (l->text) <= 14)
        {
          g_autofree char *committee = g_strndup (l->text, (gsize) r);
          g_autofree char *role = bk_text_strip_chars (l->text + r, " ()-–,;");

          cur = bk_text_add_consultation (doc, committee, NULL, role, -1);
          cur_has_meeting = FALSE;
          l->used = TRUE;
          continue;
        }
      /* the meeting of an undated entry ("DB OBM - Vorabstimmung"), or an
       * entry without a role */
      if (cur != NULL && cur->date == NULL && !cur_has_meeting)
        {
          cur_has_meeting = TRUE;
          l->used = TRUE;
          continue;
        }
      if (bk_text_has_committee_word (l->text) && bk_text_count_words (l->text) <= 8
          && !bk_text_ends_sentence (l->text) && !gap)
        {
          cur = bk_text_add_consultation (doc, l->text, NULL, NULL, -1);
          cur_has_meeting = FALSE;
          l->used = TRUE;
          continue;
        }
      /* after the table and a blank line: the rest is the paper's */
      if (gap)
        return;
      (void) before;
    }
}

/* ------------------------------------------------------------------ */
/* sentences                                                           */

/* "Sitzung des Stadtrates am 25.09.2025", "zur 27. öffentlichen Sitzung
 * der Gemeindevertretung am 27. Juni 2024" */
static void
session_phrases (BkTextDoc  *doc,
                 const char *text,
                 const char *low)
{
  const char *hit = low;

  while ((hit = strstr (hit, "sitzung ")) != NULL)
    {
      const char *p = hit + strlen ("sitzung ");
      const char *am;
      gsize s = 0, e = 0;
      g_autofree char *iso = NULL;
      g_autofree char *raw = NULL;
      g_autofree char *committee = NULL;
      int pub = -1;

      hit = p;
      if (g_str_has_prefix (p, "des ") || g_str_has_prefix (p, "der "))
        p += 4;
      else if (g_str_has_prefix (p, "im "))
        p += 3;
      else
        continue;
      am = strstr (p, " am ");
      if (am == NULL || am - p > 90)
        continue;
      iso = bk_text_find_date (am + 4, &s, &e);
      if (iso == NULL || s > 2)
        continue;
      raw = g_strndup (text + (p - low), (gsize) (am - p));
      if (!bk_text_has_committee_word (raw) || bk_text_count_words (raw) > 8 || strchr (raw, ',') != NULL)
        continue;
      {
        const char *b = hit - strlen ("sitzung ");
        g_autofree char *before = g_strndup (low + (b - low > 24 ? b - low - 24 : 0),
                                             (gsize) (b - low > 24 ? 24 : b - low));

        if (strstr (before, "nichtöffentlich") != NULL || strstr (before, "nicht öffentlich") != NULL)
          pub = 0;
        else if (strstr (before, "öffentlich") != NULL)
          pub = 1;
      }
      committee = bk_text_nominative (raw);
      bk_text_add_consultation (doc, committee, iso, NULL, pub);
    }
}

/* "im HFS-Ausschuss zu behandeln", "in den Bauausschuss zu verweisen" */
static void
referral_phrases (BkTextDoc  *doc,
                  const char *text,
                  const char *low)
{
  static const char *const verbs[] = {
    " zu behand", " zu berat", " zu verweisen", " zu überweisen", " behandelt", " beraten",
    " verwiesen", " überwiesen", NULL
  };
  static const char *const preps[] = { " im ", " in den ", " in dem ", " an den ", NULL };

  for (guint v = 0; verbs[v] != NULL; v++)
    {
      const char *hit = strstr (low, verbs[v]);

      if (hit == NULL)
        continue;
      for (guint k = 0; preps[k] != NULL; k++)
        {
          const char *p = NULL;

          /* the nearest preposition before the verb, in the same clause */
          for (const char *q = low; (q = strstr (q, preps[k])) != NULL && q < hit; q++)
            p = q;
          if (p == NULL)
            continue;
          p += strlen (preps[k]);
          if (hit - p > 60 || hit <= p)
            continue;
          {
            g_autofree char *raw = g_strndup (text + (p - low), (gsize) (hit - p));
            g_autofree char *rlow = bk_text_lower_same_length (raw);
            g_autofree char *committee = NULL;

            if (strstr (rlow, "ausschuss") == NULL && bk_text_assembly_at (rlow) == 0)
              continue;
            if (!g_unichar_isupper (g_utf8_get_char (raw)) || bk_text_count_words (raw) > 8
                || strchr (raw, ',') != NULL || strchr (raw, '.') != NULL)
              continue;
            committee = bk_text_nominative (raw);
            bk_text_add_consultation (doc, committee, NULL, NULL, -1);
            return;
          }
        }
    }
}

/* "beantragt, diesen Antrag in der Sitzung des Ausschusses für Mobilität
 * am 27. Januar 2027 zu beraten", "im Bauausschuss am 3.3.2027 beraten" */
static void
requested_phrases (BkTextDoc  *doc,
                   const char *text,
                   const char *low)
{
  static const char *const markers[] = { " im ", " des ", " der ", NULL };
  gsize off = 0, len = strlen (text);

  if (strstr (low, "berat") == NULL && strstr (low, "behandl") == NULL && strstr (low, "behandel") == NULL)
    return;
  while (off < len)
    {
      gsize s = 0, e = 0, am, win, mend = 0;
      g_autofree char *iso = bk_text_find_date (text + off, &s, &e);
      g_autofree char *raw = NULL;
      g_autofree char *committee = NULL;

      if (iso == NULL)
        break;
      s += off;
      e += off;
      off = e;
      am = s;
      while (am > 0 && text[am - 1] == ' ')
        am--;
      if (am < 3 || strncmp (low + am - 3, " am", 3) != 0)
        continue;
      am -= 3;
      win = am > 120 ? am - 120 : 0;
      for (gsize k = am; k > win; k--)
        if ((low[k - 1] == '.' || low[k - 1] == ';' || low[k - 1] == ',') && low[k] == ' ')
          {
            win = k;
            break;
          }
      for (guint i = 0; markers[i] != NULL; i++)
        {
          gsize ml = strlen (markers[i]);

          for (gsize k = win; k + ml <= am; k++)
            if (strncmp (low + k, markers[i], ml) == 0 && k + ml > mend)
              mend = k + ml;
        }
      if (mend == 0 || mend >= am)
        continue;
      raw = g_strndup (text + mend, am - mend);
      g_strstrip (raw);
      if (*raw == '\0' || !g_unichar_isupper (g_utf8_get_char (raw)) || bk_text_count_words (raw) > 8
          || strchr (raw, ':') != NULL || !bk_text_has_committee_word (raw))
        continue;
      committee = bk_text_nominative (raw);
      bk_text_add_consultation (doc, committee, iso, NULL, -1);
    }
}

/* "KA 23.06.26 TOP 10 und KT 29.06.26": only abbreviations that mean the
 * same in every county are expanded; anything else would be guessing. */
static void
abbreviations (BkTextDoc  *doc,
               const char *text)
{
  static const struct {
    const char *abbr;
    const char *name;
  } abbrs[] = {
    { "KA", "Kreisausschuss" }, { "KT", "Kreistag" }, { "HFA", "Haupt- und Finanzausschuss" },
  };
  gsize off = 0, len = strlen (text);

  while (off < len)
    {
      gsize s = 0, e = 0;
      g_autofree char *iso = bk_text_find_date (text + off, &s, &e);
      const char *b, *wend;

      if (iso == NULL)
        break;
      b = text + off + s;
      wend = b;
      while (wend > text && (wend[-1] == ' ' || wend[-1] == ':'))
        wend--;
      if (wend - text >= 3 && strncmp (wend - 3, " am", 3) == 0)
        {
          wend -= 3;
          while (wend > text && wend[-1] == ' ')
            wend--;
        }
      for (guint i = 0; i < G_N_ELEMENTS (abbrs); i++)
        {
          gsize al = strlen (abbrs[i].abbr);
          const char *ws = wend - al;

          if (wend - text >= (gssize) al && strncmp (ws, abbrs[i].abbr, al) == 0
              && (ws == text || !bk_text_is_word_byte ((guchar) ws[-1])))
            bk_text_add_consultation (doc, abbrs[i].name, iso, NULL, -1);
        }
      off += e;
    }
}

void
bk_text_consult_phrases (BkTextDoc  *doc,
                         const char *text,
                         gboolean    requests)
{
  g_autofree char *low = bk_text_lower_flat (text);

  session_phrases (doc, text, low);
  abbreviations (doc, text);
  if (requests)
    requested_phrases (doc, text, low);
}

void
bk_text_consult_referrals (BkTextDoc  *doc,
                           const char *text)
{
  g_autofree char *low = bk_text_lower_flat (text);

  referral_phrases (doc, text, low);
}
