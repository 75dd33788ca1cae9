/* bk-text-util.c: small text helpers for the motion parser
 *
 * Dates, names, bodies and case folding that keeps byte offsets, for the
 * plain-text parser in import/text and for the OParl importer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-text"

#include <string.h>

#include "bk-text-util.h"

char *
bk_text_lower_same_length (const char *s)
{
  gsize n = strlen (s);
  char *out = g_malloc (n + 1);

  for (gsize i = 0; i < n; i++)
    {
      guchar c = (guchar) s[i];

      if (c >= 'A' && c <= 'Z')
        out[i] = (char) (c + 32);
      else if (c == 0xC3 && i + 1 < n
               && ((guchar) s[i + 1] == 0x84 || (guchar) s[i + 1] == 0x96
                   || (guchar) s[i + 1] == 0x9C))
        {
          /* Ä Ö Ü → ä ö ü: same two-byte length, second byte + 0x20 */
          out[i] = (char) c;
          out[i + 1] = (char) ((guchar) s[i + 1] + 0x20);
          i++;
        }
      else
        out[i] = (char) c;
    }
  out[n] = '\0';
  return out;
}

static const struct {
  const char *prefix;   /* lower-case, enough to be unambiguous */
  guint month;
} month_names[] = {
  { "januar", 1 }, { "jan", 1 }, { "jänner", 1 },
  { "februar", 2 }, { "feb", 2 },
  { "märz", 3 }, { "maerz", 3 }, { "mär", 3 }, { "mrz", 3 },
  { "april", 4 }, { "apr", 4 },
  { "mai", 5 },
  { "juni", 6 }, { "jun", 6 },
  { "juli", 7 }, { "jul", 7 },
  { "august", 8 }, { "aug", 8 },
  { "september", 9 }, { "sept", 9 }, { "sep", 9 },
  { "oktober", 10 }, { "okt", 10 },
  { "november", 11 }, { "nov", 11 },
  { "dezember", 12 }, { "dez", 12 },
};

gboolean
bk_text_is_word_byte (guchar c)
{
  return g_ascii_isalnum (c) || c >= 0x80;
}

/* Reads 1..max digits; returns the count read (0 when none). */
static guint
read_number (const char *p,
             guint       max,
             guint      *value)
{
  guint n = 0, v = 0;

  while (n < max && g_ascii_isdigit (p[n]))
    v = v * 10 + (guint) (p[n++] - '0');
  if (g_ascii_isdigit (p[n]))
    return 0;
  *value = v;
  return n;
}

static guint
expand_year (guint year,
             guint digits)
{
  /* Council papers with two-digit years are from this century; 70–99 are
   * the only plausible exceptions (old Drucksachen quoted in motions). */
  if (digits == 2)
    return year < 70 ? 2000 + year : 1900 + year;
  return year;
}

static char *
make_iso (guint d,
          guint m,
          guint y)
{
  if (y < 1900 || y > 2199 || !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return NULL;
  return g_strdup_printf ("%04u-%02u-%02u", y, m, d);
}

/* The month named by the word at q (lower-cased here, at most 12 bytes), or
 * 0; *wl receives the word's length. */
static guint
month_at (const char *q,
          gsize      *wl)
{
  g_autofree char *word = NULL;
  g_autofree char *low = NULL;
  gsize n = 0;

  while (q[n] != '\0' && (g_ascii_isalpha (q[n]) || (guchar) q[n] >= 0x80) && n < 12)
    n++;
  *wl = n;
  if (n < 3)
    return 0;
  /* lower only the word: lowering the rest of a long line for every digit
   * would make date search quadratic */
  word = g_strndup (q, n);
  low = bk_text_lower_same_length (word);
  for (guint i = 0; i < G_N_ELEMENTS (month_names); i++)
    if (strcmp (low, month_names[i].prefix) == 0)
      return month_names[i].month;
  return 0;
}

/* Tries a date starting exactly at p; returns the ISO string and its length. */
static char *
date_at (const char *p,
         gsize      *len)
{
  guint d, m, y, nd, nm, ny;
  const char *q;

  /* ISO yyyy-mm-dd */
  if ((ny = read_number (p, 4, &y)) == 4 && p[4] == '-'
      && (nm = read_number (p + 5, 2, &m)) > 0 && p[5 + nm] == '-'
      && (nd = read_number (p + 6 + nm, 2, &d)) > 0)
    {
      *len = 6 + nm + nd;
      return make_iso (d, m, y);
    }

  /* the US form some archives print, mm/dd/yyyy: only with a four-digit
   * year, so that paper numbers such as 15/0292 never match */
  if ((nm = read_number (p, 2, &m)) > 0 && p[nm] == '/'
      && (nd = read_number (p + nm + 1, 2, &d)) > 0 && p[nm + 1 + nd] == '/'
      && read_number (p + nm + 2 + nd, 4, &y) == 4)
    {
      *len = nm + 2 + nd + 4;
      return make_iso (d, m, y);
    }

  nd = read_number (p, 2, &d);
  if (nd == 0 || (p[nd] != '.' && p[nd] != ' '))
    return NULL;
  q = p + nd + 1;

  /* dd.mm.yy(yy) */
  nm = p[nd] == '.' ? read_number (q, 2, &m) : 0;
  if (nm > 0 && q[nm] == '.')
    {
      ny = read_number (q + nm + 1, 4, &y);
      if (ny != 2 && ny != 4)
        return NULL;
      *len = (gsize) (q + nm + 1 + ny - p);
      return make_iso (d, m, expand_year (y, ny));
    }
  if (nm > 0)
    return NULL;

  /* dd. Monat yyyy, also "3 Mai 2023" */
  while (*q == ' ')
    q++;
  {
    gsize wl = 0;
    guint month = month_at (q, &wl);
    const char *r = q + wl;

    if (month == 0)
      return NULL;
    if (*r == '.')
      r++;
    while (*r == ' ')
      r++;
    ny = read_number (r, 4, &y);
    if (ny != 4 && (ny != 2 || p[nd] != '.'))
      return NULL;
    *len = (gsize) (r + ny - p);
    return make_iso (d, month, expand_year (y, ny));
  }
}

/* "Juni 2024", "im Juni 2024": a month with a four-digit year. */
static char *
month_year_at (const char *p,
               gsize      *len)
{
  gsize wl = 0;
  guint month = month_at (p, &wl), y;
  const char *r = p + wl;

  if (month == 0 || wl < 3)
    return NULL;
  if (*r == '.')
    r++;
  if (*r != ' ')
    return NULL;
  while (*r == ' ')
    r++;
  if (read_number (r, 4, &y) != 4 || y < 1900 || y > 2199)
    return NULL;
  *len = (gsize) (r + 4 - p);
  return g_strdup_printf ("%04u-%02u", y, month);
}

gboolean
bk_text_has_date (const char *s)
{
  g_autofree char *iso = bk_text_find_date (s, NULL, NULL);

  return iso != NULL;
}

char *
bk_text_find_date (const char *s,
                   gsize      *start,
                   gsize      *end)
{
  return bk_text_find_date_full (s, FALSE, start, end);
}

char *
bk_text_find_date_full (const char *s,
                        gboolean    month_only,
                        gsize      *start,
                        gsize      *end)
{
  char *month_iso = NULL;
  gsize month_start = 0, month_len = 0;

  for (const char *p = s; *p != '\0'; p++)
    {
      char *iso;
      gsize len = 0;

      if (month_only && month_iso == NULL && g_ascii_isupper (*p)
          && (p == s || !bk_text_is_word_byte ((guchar) p[-1])))
        {
          /* kept until no full date turns up further on */
          month_iso = month_year_at (p, &month_len);
          month_start = (gsize) (p - s);
          if (month_iso != NULL && p > s)
            {
              /* "3. Juni 2024" is a full date found at its day */
              const char *b = p;

              while (b > s && b[-1] == ' ')
                b--;
              if (b > s && (b[-1] == '.' || g_ascii_isdigit (b[-1])))
                g_clear_pointer (&month_iso, g_free);
            }
        }
      if (!g_ascii_isdigit (*p))
        continue;
      /* only at the start of a number, not inside "15/0211" or a version */
      if (p > s && (bk_text_is_word_byte ((guchar) p[-1]) || p[-1] == '.' || p[-1] == '/'))
        continue;
      iso = date_at (p, &len);
      if (iso != NULL && (g_ascii_isdigit (p[len]) || p[len] == '/'))
        g_clear_pointer (&iso, g_free);
      if (iso != NULL)
        {
          g_free (month_iso);
          if (start)
            *start = (gsize) (p - s);
          if (end)
            *end = (gsize) (p - s) + len;
          return iso;
        }
      /* skip the rest of this number */
      while (g_ascii_isdigit (p[1]))
        p++;
    }
  if (month_iso != NULL)
    {
      if (start)
        *start = month_start;
      if (end)
        *end = month_start + month_len;
    }
  return month_iso;
}

static const char *const name_titles[] = {
  "dr.", "prof.", "dr.-ing.", "dipl.-ing.", "dipl.", "frau", "herr", "herrn",
  "prof.dr.", "dr.med.", "mag.", NULL
};
static const char *const name_particles[] = {
  "von", "van", "de", "der", "den", "zu", "zur", "vom", "di", "da", "del",
  "ten", "ter", "el", "al", "le", "la", "y", NULL
};
static const char *const name_suffixes[] = {
  "mdl", "mdb", "mdep", "mda", "kta", "jun.", "sen.", NULL
};
static const char *const name_stop_words[] = {
  "fraktion", "kreistag", "verwaltung", "landkreis", "landkreises", "kreis",
  "stadt", "gemeinde", "antrag", "anfrage", "begründung", "anlage", "anlagen",
  "seite", "rathaus", "landratsamt", "kreishaus", "ausschuss", "tel", "tel.",
  "telefon", "fax", "e-mail", "email", "mail", "postfach", "datum", "betreff",
  "sehr", "geehrte", "geehrter", "damen", "herren", "gruß", "grüße", "grüßen",
  "mit", "und", "für", "sachverhalt", "beschluss", "beschlussvorschlag",
  "landrat", "landrätin", "bürgermeister", "bürgermeisterin", "vorsitzende",
  "vorsitzender", "geschäftsführer", "geschäftsführerin", "anmerkung", "hinweis",
  "verteiler", "drucksache", "vorlage", "top", "haushalt", "gremien", "gremium",
  "kreistagsfraktion", "ratsfraktion", "landschaftsversammlung", "rat", "stadtrat",
  "gemeinderat", "öffentlich", "nichtöffentlich", "status", NULL
};
static const char *const name_stop_suffixes[] = {
  "schaft", "heit", "keit", "ismus", "tion", "straße", "strasse", "str.",
  "fraktion", "ausschuss", "verwaltung", "amt", "gremien", NULL
};

static gboolean
in_list (const char        *word,
         const char *const *list)
{
  for (guint i = 0; list[i] != NULL; i++)
    if (strcmp (word, list[i]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
ends_with_any (const char        *word,
               const char *const *list)
{
  gsize wl = strlen (word);

  for (guint i = 0; list[i] != NULL; i++)
    {
      gsize sl = strlen (list[i]);

      if (wl > sl && strcmp (word + wl - sl, list[i]) == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_name_token (const char *tok)
{
  gunichar first = g_utf8_get_char (tok);
  gsize len = strlen (tok);

  if (!g_unichar_isupper (first))
    return FALSE;
  for (const char *p = tok; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isalpha (c) && c != '-' && c != '\'' && c != 0x2019 && c != '.')
        return FALSE;
    }
  /* a dot only as an initial ("M.") or inside a double name ("J.-P.") */
  if (strchr (tok, '.') != NULL && len > 5)
    return FALSE;
  return TRUE;
}

gboolean
bk_text_is_person_name (const char *s)
{
  g_auto(GStrv) toks = NULL;
  g_autofree char *low = NULL;
  gsize len = strlen (s);
  guint core = 0;
  gboolean suffix_seen = FALSE;

  if (len < 4 || len > 60 || !g_utf8_validate (s, -1, NULL))
    return FALSE;
  for (const char *p = s; *p != '\0'; p++)
    if (g_ascii_isdigit (*p) || strchr (":;?!,()/@§\"", *p) != NULL)
      return FALSE;
  if (s[len - 1] == '.' && !g_str_has_suffix (s, "jun.") && !g_str_has_suffix (s, "sen."))
    return FALSE;
  if (bk_text_is_faction_name (s))
    return FALSE;

  low = bk_text_lower_same_length (s);
  toks = g_strsplit (low, " ", -1);
  {
    g_auto(GStrv) orig = g_strsplit (s, " ", -1);
    guint n = g_strv_length (toks);
    guint i = 0;

    if (n < 2 || n > 7)
      return FALSE;
    while (i < n && in_list (toks[i], name_titles))
      i++;
    for (; i < n; i++)
      {
        if (*toks[i] == '\0')
          return FALSE;
        if (in_list (toks[i], name_suffixes))
          {
            suffix_seen = TRUE;
            continue;
          }
        if (suffix_seen)
          return FALSE;
        if (in_list (toks[i], name_particles) && core > 0 && i + 1 < n)
          continue;
        if (in_list (toks[i], name_stop_words)
            || ends_with_any (toks[i], name_stop_suffixes)
            || (g_str_has_suffix (toks[i], "ung") && strlen (toks[i]) > 8))
          return FALSE;
        if (!is_name_token (orig[i]))
          return FALSE;
        core++;
      }
  }
  return core >= 2 && core <= 4;
}

static const char *const party_words[] = {
  "cdu", "csu", "spd", "fdp", "afd", "grüne", "grünen", "bündnis 90", "b90",
  "b 90", "die linke", "linke", "freie wähler", "fw", "fwg", "ödp", "piraten",
  "die partei", "volt", "bsw", "uwg", "npd", "ssw", "dkp", "wählergemeinschaft",
  "wählergruppe", "wählervereinigung", "bürgerliste", "tierschutzpartei",
  "familienpartei", "unabhängige wähler", "die guten", NULL
};

gboolean
bk_text_is_faction_name (const char *s)
{
  g_autofree char *low = bk_text_lower_same_length (s);

  if (strstr (low, "fraktion") != NULL && strstr (low, "fraktionslos") == NULL)
    return TRUE;
  for (guint i = 0; party_words[i] != NULL; i++)
    {
      const char *hit = low;
      gsize pl = strlen (party_words[i]);

      while ((hit = strstr (hit, party_words[i])) != NULL)
        {
          gboolean left = hit == low || !bk_text_is_word_byte ((guchar) hit[-1]);
          gboolean right = !bk_text_is_word_byte ((guchar) hit[pl]);

          if (left && right)
            return TRUE;
          hit += pl;
        }
    }
  return FALSE;
}

static guint
count_words_n (const char *start,
               const char *end)
{
  guint n = 0;
  gboolean in_word = FALSE;

  for (const char *p = start; p < end; p++)
    {
      gboolean space = *p == ' ';

      if (!space && !in_word)
        n++;
      in_word = !space;
    }
  return n;
}

static char *
place_of_authority (const char *text)
{
  static const char *const kinds[] = {
    "Landkreis ", "Kreis ", "Stadt ", "Gemeinde ", "Markt ", "Samtgemeinde ",
    "Verbandsgemeinde ", "Ortsgemeinde ", "Hansestadt ", "Kreisstadt ", NULL
  };

  for (guint i = 0; kinds[i] != NULL; i++)
    if (g_str_has_prefix (text, kinds[i]))
      {
        const char *place = text + strlen (kinds[i]);
        const char *end = place;

        /* the name runs to the dash of "Stadt Auenbach – Stadtrat" or the line's end */
        while (*end != '\0' && !g_str_has_prefix (end, " \xe2\x80\x93") &&
               !g_str_has_prefix (end, " -") && !g_str_has_prefix (end, " |") &&
               !g_str_has_prefix (end, " \xe2\x80\x94") && *end != ',')
          end++;
        if (end == place || count_words_n (place, end) > 3)
          return NULL;
        return g_strndup (place, end - place);
      }
  return NULL;
}

char *
bk_text_compose_body (const char *assembly,
                      const char *authority)
{
  g_autofree char *place = NULL;

  g_return_val_if_fail (assembly != NULL, NULL);
  if (authority == NULL || strchr (assembly, ' ') != NULL)
    return g_strdup (assembly);
  place = place_of_authority (authority);
  if (place == NULL)
    return g_strdup (assembly);
  return g_strdup_printf ("%s %s", assembly, place);
}

/* ------------------------------------------------------------------ */
/* small string helpers of the parser                                  */

gboolean
bk_text_has_prefix_word (const char *low,
                         const char *word)
{
  gsize n = strlen (word);

  return strncmp (low, word, n) == 0 && !bk_text_is_word_byte ((guchar) low[n]);
}

/* Finds word in low with a word boundary on both sides. */
const char *
bk_text_find_word (const char *low,
                   const char *word)
{
  gsize n = strlen (word);
  const char *hit = low;

  while ((hit = strstr (hit, word)) != NULL)
    {
      if ((hit == low || !bk_text_is_word_byte ((guchar) hit[-1]))
          && !bk_text_is_word_byte ((guchar) hit[n]))
        return hit;
      hit += n;
    }
  return NULL;
}

char *
bk_text_collapse_spaces (const char *s,
                         gsize       n)
{
  GString *out = g_string_sized_new (n);
  gboolean space = TRUE;   /* drops leading spaces */

  for (gsize i = 0; i < n; i++)
    {
      char c = s[i];

      if (c == ' ' || c == '\t')
        {
          space = TRUE;
          continue;
        }
      if (space && out->len > 0)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_c (out, c);
    }
  return g_string_free (out, FALSE);
}

char *
bk_text_strip_chars (const char *s,
                     const char *chars)
{
  const char *b = s, *e = s + strlen (s);

  while (b < e && strchr (chars, *b) != NULL)
    b++;
  while (e > b && strchr (chars, e[-1]) != NULL)
    e--;
  return g_strndup (b, (gsize) (e - b));
}

gboolean
bk_text_ends_sentence (const char *s)
{
  gsize n = strlen (s);

  return n > 0 && strchr (".:!?;", s[n - 1]) != NULL;
}

gboolean
bk_text_starts_lower (const char *s)
{
  gunichar c = g_utf8_get_char (s);

  return g_unichar_islower (c);
}

guint
bk_text_count_words (const char *s)
{
  guint n = 0;
  gboolean in = FALSE;

  for (; *s != '\0'; s++)
    {
      if (*s == ' ')
        in = FALSE;
      else if (!in)
        {
          in = TRUE;
          n++;
        }
    }
  return n;
}

/* Appends next to acc, joining a word hyphenated at the line end. */
void
bk_text_join_text (GString    *acc,
                   const char *next)
{
  if (acc->len == 0)
    {
      g_string_append (acc, next);
      return;
    }
  if (acc->len >= 2 && acc->str[acc->len - 1] == '-'
      && g_ascii_islower (acc->str[acc->len - 2]) && bk_text_starts_lower (next)
      && !g_str_has_prefix (next, "und ") && !g_str_has_prefix (next, "oder ")
      && !g_str_has_prefix (next, "bzw") && !g_str_has_prefix (next, "sowie "))
    {
      g_string_truncate (acc, acc->len - 1);
      g_string_append (acc, next);
      return;
    }
  g_string_append_c (acc, ' ');
  g_string_append (acc, next);
}

const char *
bk_text_skip_emphasis (const char *s)
{
  while (*s == '*' || *s == '_' || *s == ' ')
    s++;
  return s;
}
