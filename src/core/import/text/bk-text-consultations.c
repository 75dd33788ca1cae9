/* Plain-text motion parser: consultations (Beratungsfolge) from tables,
 * lines, abbreviations and letters asking for one. */

#include <string.h>

#include "bk-text-parser-private.h"

/* ------------------------------------------------------------------ */
/* consultations                                                       */

static const char *const consult_roles[] = {
  "empfehlender beschluss", "vorberatung", "beschlussfassung", "entscheidung",
  "kenntnisnahme", "zur kenntnis", "anhörung", "beratung", "empfehlung", "vorberatend",
  "entscheidend", "beschließend", "federführend", "mitberatend", "stellungnahme",
  "beschluss", NULL
};

static const char *const committee_words[] = {
  "ausschuss", "kreistag", "rat", "versammlung", "kommission", "beirat", "vertretung",
  "bürgerschaft", "gremium", "konferenz", "parlament", "bezirkstag", "kreisausschuss", NULL
};

gboolean
bk_text_flag_value (const char *cell, BkTristate *value)
{
  g_autofree char *low = bk_text_lower_same_length (cell);
  g_autofree char *s = bk_text_strip_chars (low, " ()*:.");

  if (strcmp (s, "ö") == 0 || strcmp (s, "öffentlich") == 0 || strcmp (s, "öff") == 0)
    *value = BK_TRISTATE_YES;
  else if (strcmp (s, "n") == 0 || strcmp (s, "nö") == 0 || strcmp (s, "nichtöffentlich") == 0
           || strcmp (s, "nicht öffentlich") == 0 || strcmp (s, "nicht-öffentlich") == 0
           || strcmp (s, "nöff") == 0)
    *value = BK_TRISTATE_NO;
  else
    return FALSE;
  return TRUE;
}

static gboolean
is_consult_role (const char *cell)
{
  g_autofree char *low = bk_text_lower_same_length (cell);

  if (bk_text_count_words (cell) > 5)
    return FALSE;
  for (guint i = 0; consult_roles[i] != NULL; i++)
    if (strstr (low, consult_roles[i]) != NULL)
      return TRUE;
  return FALSE;
}

gboolean
bk_text_has_committee_word (const char *cell)
{
  g_autofree char *low = bk_text_lower_same_length (cell);

  for (guint i = 0; committee_words[i] != NULL; i++)
    if (strstr (low, committee_words[i]) != NULL)
      return TRUE;
  return FALSE;
}

/* The date of a cell that holds only a date (and maybe weekday or time). */
static char *
pure_date (const char *cell)
{
  gsize s = 0, e = 0;
  char *iso = bk_text_find_date (cell, &s, &e);

  if (iso == NULL)
    return NULL;
  for (gsize i = 0; i < s; i++)
    if (g_ascii_isalpha (cell[i]) && s > 12)
      goto no;
  if (s > 12)
    goto no;
  for (const char *p = cell + e; *p != '\0'; p++)
    if (g_ascii_isalpha (*p) && !g_str_has_prefix (p, "Uhr") && !g_str_has_prefix (p, "uhr"))
      goto no;
  return iso;
no:
  g_free (iso);
  return NULL;
}

static Column
column_kind (const char *cell)
{
  g_autofree char *low = bk_text_lower_same_length (cell);
  g_autofree char *s = bk_text_strip_chars (low, " :*");

  if (strcmp (s, "gremium") == 0 || strcmp (s, "beratungsfolge") == 0
      || strcmp (s, "ausschuss") == 0 || strcmp (s, "gremien") == 0)
    return COL_COMMITTEE;
  if (strcmp (s, "datum") == 0 || strcmp (s, "sitzung") == 0 || strcmp (s, "sitzungstermin") == 0
      || strcmp (s, "sitzungsdatum") == 0 || strcmp (s, "termin") == 0)
    return COL_DATE;
  if (strcmp (s, "zuständigkeit") == 0 || strcmp (s, "rolle") == 0 || strcmp (s, "beratung") == 0
      || strcmp (s, "art") == 0 || strcmp (s, "beratungsart") == 0 || strcmp (s, "funktion") == 0)
    return COL_ROLE;
  if (strcmp (s, "status") == 0 || strcmp (s, "ö/n") == 0 || strcmp (s, "öffentlichkeit") == 0
      || strcmp (s, "öffentlichkeitsstatus") == 0 || strcmp (s, "ö / n") == 0)
    return COL_PUBLIC;
  return COL_NONE;
}

gboolean
bk_text_parse_consult_header (const Line *l, Column *map)
{
  guint known = 0;

  if (l->n_cells < 2 || l->n_cells > MAX_COLUMNS)
    return FALSE;
  for (guint i = 0; i < l->n_cells; i++)
    {
      Column c = column_kind (l->cells[i]);

      if (c != COL_NONE)
        known++;
      else if (*l->cells[i] != '\0' && strlen (l->cells[i]) > 20)
        return FALSE;
    }
  if (known < 2)
    return FALSE;
  for (guint i = 0; i < MAX_COLUMNS; i++)
    map[i] = i < l->n_cells ? column_kind (l->cells[i]) : COL_NONE;
  return TRUE;
}

static gboolean
add_consultation_checked (Parser *ps, const char *committee, const char *date,
                          const char *role, BkTristate pub)
{
  g_autofree char *c = NULL;

  if (committee == NULL)
    return FALSE;
  c = bk_text_strip_chars (committee, " -–,;|*:");
  if (*c == '\0' || strlen (c) > 120 || strchr (c, ':') != NULL)
    return FALSE;
  bk_motion_add_consultation (ps->m, c, date, role, pub);
  return TRUE;
}

gboolean
bk_text_try_consultation_cells (Parser *ps, const Line *l, const Column *map, gboolean mode)
{
  g_autofree char *date = NULL;
  const char *committee = NULL, *role = NULL;
  BkTristate pub = BK_TRISTATE_UNKNOWN;
  gboolean have_flag = FALSE;

  for (guint i = 0; i < l->n_cells; i++)
    {
      const char *c = l->cells[i];
      Column col = map != NULL && i < MAX_COLUMNS ? map[i] : COL_NONE;
      char *d;

      if (*c == '\0')
        continue;
      if ((col == COL_NONE || col == COL_PUBLIC) && bk_text_flag_value (c, &pub))
        {
          have_flag = TRUE;
          continue;
        }
      if ((col == COL_NONE || col == COL_DATE) && date == NULL && (d = pure_date (c)) != NULL)
        {
          date = d;
          continue;
        }
      if (col == COL_DATE && date == NULL && (d = bk_text_find_date (c, NULL, NULL)) != NULL)
        {
          date = d;
          continue;
        }
      if (col == COL_ROLE || (col == COL_NONE && role == NULL && committee != NULL && is_consult_role (c))
          || (col == COL_NONE && role == NULL && is_consult_role (c) && !bk_text_has_committee_word (c)))
        {
          role = c;
          continue;
        }
      if ((col == COL_COMMITTEE || col == COL_NONE) && committee == NULL)
        {
          committee = c;
          continue;
        }
      return FALSE;   /* an extra text cell: not a consultation row */
    }
  if (committee == NULL || strchr (committee, ':') != NULL)
    return FALSE;
  if (!mode && (date == NULL || !(have_flag || role != NULL || bk_text_has_committee_word (committee))))
    return FALSE;
  if (mode && date == NULL && role == NULL && !have_flag)
    return FALSE;
  return add_consultation_checked (ps, committee, date, role, pub);
}

/* "Kreisausschuss 12.03.2025 Vorberatung Ö" inside a Beratungsfolge block */
gboolean
bk_text_try_consultation_line (Parser *ps, const Line *l)
{
  gsize s = 0, e = 0;
  g_autofree char *date = bk_text_find_date (l->text, &s, &e);
  g_autoptr(GString) rest = g_string_new (NULL);
  g_autofree char *role = NULL;
  BkTristate pub = BK_TRISTATE_UNKNOWN;
  g_auto(GStrv) words = NULL;
  guint n;
  g_autofree char *low = NULL;

  if (date != NULL)
    {
      g_string_append_len (rest, l->text, (gssize) s);
      g_string_append_c (rest, ' ');
      g_string_append (rest, l->text + e);
    }
  else
    g_string_append (rest, l->text);
  words = g_strsplit (g_strstrip (rest->str), " ", -1);
  n = g_strv_length (words);
  while (n > 0 && bk_text_flag_value (words[n - 1], &pub))
    g_clear_pointer (&words[--n], g_free);
  if (n > 0 && bk_text_flag_value (words[0], &pub))
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
  for (guint i = 0; consult_roles[i] != NULL; i++)
    {
      const char *hit = strstr (low, consult_roles[i]);

      if (hit != NULL && hit > low)
        {
          role = bk_text_strip_chars (rest->str + (hit - low), " ()-–,;");
          g_string_truncate (rest, (gsize) (hit - low));
          break;
        }
    }
  if (date == NULL && role == NULL)
    return FALSE;
  if (bk_text_count_words (rest->str) > 10)
    return FALSE;
  return add_consultation_checked (ps, rest->str, date, role, pub);
}

/* "KA 23.06.26 TOP 10 und KT 29.06.26": only abbreviations the domain notes
 * document are expanded; anything else would be guessing. */
void
bk_text_scan_abbreviated_consultations (Parser *ps, const Line *l)
{
  static const struct {
    const char *abbr;
    const char *name;
  } abbrs[] = {
    { "KA", "Kreisausschuss" }, { "KT", "Kreistag" }, { "HFA", "Haupt- und Finanzausschuss" },
  };
  gsize off = 0, len = strlen (l->text);

  while (off < len)
    {
      gsize s = 0, e = 0;
      g_autofree char *iso = bk_text_find_date (l->text + off, &s, &e);
      const char *b, *wend;

      if (iso == NULL)
        break;
      b = l->text + off + s;
      /* step back over "am", ":" and spaces to the preceding word */
      wend = b;
      while (wend > l->text && (wend[-1] == ' ' || wend[-1] == ':'))
        wend--;
      if (wend - l->text >= 3 && strncmp (wend - 3, " am", 3) == 0)
        {
          wend -= 3;
          while (wend > l->text && wend[-1] == ' ')
            wend--;
        }
      for (guint i = 0; i < G_N_ELEMENTS (abbrs); i++)
        {
          gsize al = strlen (abbrs[i].abbr);
          const char *ws = wend - al;

          if (wend - l->text >= (gssize) al && strncmp (ws, abbrs[i].abbr, al) == 0
              && (ws == l->text || !bk_text_is_word_byte ((guchar) ws[-1])))
            bk_motion_add_consultation (ps->m, abbrs[i].name, iso, NULL, BK_TRISTATE_UNKNOWN);
        }
      off += e;
    }
}

/* "Ausschusses für Mobilität" → "Ausschuss für Mobilität", "Gemeinderats"
 * → "Gemeinderat": the genitive of a committee after "Sitzung des". */
static char *
committee_nominative (const char *name)
{
  g_auto(GStrv) words = g_strsplit (name, " ", -1);

  for (guint i = 0; words[i] != NULL; i++)
    {
      char *w = words[i];
      gsize n = strlen (w);

      if (strcmp (w, "für") == 0 || strcmp (w, "des") == 0 || strcmp (w, "der") == 0
          || strcmp (w, "im") == 0 || strcmp (w, "von") == 0)
        break;
      if (n > 6 && g_str_has_suffix (w, "sses"))
        w[n - 2] = '\0';
      else if (n > 6 && (g_str_has_suffix (w, "rates") || g_str_has_suffix (w, "tages")))
        w[n - 2] = '\0';
      else if (n > 5 && (g_str_has_suffix (w, "rats") || g_str_has_suffix (w, "tags")))
        w[n - 1] = '\0';
    }
  return g_strjoinv (" ", words);
}

/* A letter asking for a consultation: "beantragt, diesen Antrag in der
 * Sitzung des Ausschusses für Mobilität und Umwelt am 27. Januar 2027 zu
 * beraten", "bittet um Beratung im Ausschuss für Soziales am 24.02.2026".
 * Only used when the text has no consultation sequence. */
void
bk_text_requested_consultations (Parser *ps, const char *text)
{
  static const char *const markers[] = {
    "sitzung des ", "sitzung der ", "sitzung im ", " im ", " des ", NULL
  };
  g_autofree char *low = bk_text_lower_same_length (text);
  gsize off = 0, len = strlen (text);

  if (strstr (low, "berat") == NULL && strstr (low, "behandl") == NULL
      && strstr (low, "behandel") == NULL)
    return;
  while (off < len)
    {
      gsize s = 0, e = 0, am, win, mend = 0, tail_end;
      g_autofree char *iso = bk_text_find_date (text + off, &s, &e);
      g_autofree char *raw = NULL;
      g_autofree char *committee = NULL;
      g_autofree char *clause = NULL;

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
      /* the clause: from the sentence start (at most 200 bytes back) */
      win = am > 200 ? am - 200 : 0;
      for (gsize k = am; k > win; k--)
        if ((low[k - 1] == '.' || low[k - 1] == ';') && low[k] == ' ')
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
          if (mend > 0 && i < 3)
            break;   /* "Sitzung des …" names the committee best */
        }
      if (mend == 0 || mend >= am)
        continue;
      tail_end = MIN (len, e + 60);
      clause = g_strndup (low + win, tail_end - win);
      if (strstr (clause, "berat") == NULL && strstr (clause, "behandl") == NULL
          && strstr (clause, "behandel") == NULL)
        continue;
      raw = g_strndup (text + mend, am - mend);
      g_strstrip (raw);
      if (*raw == '\0' || !g_unichar_isupper (g_utf8_get_char (raw)) || bk_text_count_words (raw) > 10
          || strchr (raw, ':') != NULL || !bk_text_has_committee_word (raw))
        continue;
      committee = committee_nominative (raw);
      add_consultation_checked (ps, committee, iso, NULL, BK_TRISTATE_UNKNOWN);
    }
}
