/* bk-text-vocab.c: the words of German council papers the reader knows
 *
 * Tables and look-ups only. The lists are the vocabulary of council papers
 * across the states (ALLRIS, SessionNet, faction letters, Markdown and PDF
 * exports); a word belongs here when it names a field, an assembly, a paper
 * type or a role in general, never because one paper uses it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-text"

#include <string.h>

#include "bk-text-util.h"
#include "bk-text-vocab.h"

char *
bk_text_lower_flat (const char *text)
{
  char *low = bk_text_lower_same_length (text);

  for (char *p = low; *p != '\0'; p++)
    if (*p == '\n')
      *p = ' ';
  return low;
}

/* ------------------------------------------------------------------ */
/* field labels                                                        */

static const struct {
  const char *word;
  BkLabelKind kind;
} labels[] = {
  /* longer spellings before their prefixes */
  { "datum des antrags", BK_LABEL_DATE }, { "datum der anfrage", BK_LABEL_DATE },
  { "antragsdatum", BK_LABEL_DATE }, { "eingangsdatum", BK_LABEL_DATE },
  { "eingegangen am", BK_LABEL_DATE }, { "eingereicht von", BK_LABEL_SUBMITTER },
  { "eingereicht am", BK_LABEL_DATE }, { "eingereicht", BK_LABEL_DATE }, { "eingang", BK_LABEL_DATE },
  { "erstellt am", BK_LABEL_DATE }, { "datum", BK_LABEL_DATE },
  { "antragstellerinnen", BK_LABEL_SUBMITTER }, { "antragstellerin", BK_LABEL_SUBMITTER },
  { "antragsteller", BK_LABEL_SUBMITTER }, { "antragstellende", BK_LABEL_SUBMITTER },
  { "antragssteller", BK_LABEL_SUBMITTER }, { "einreicherin", BK_LABEL_SUBMITTER },
  { "einreicher", BK_LABEL_SUBMITTER },
  { "initiatorin", BK_LABEL_SUBMITTER }, { "initiatoren", BK_LABEL_SUBMITTER },
  { "initiator", BK_LABEL_SUBMITTER }, { "fragestellerin", BK_LABEL_SUBMITTER },
  { "fragesteller", BK_LABEL_SUBMITTER }, { "absender", BK_LABEL_SUBMITTER },
  { "urheber", BK_LABEL_SUBMITTER }, { "fraktion", BK_LABEL_SUBMITTER },
  { "initiative", BK_LABEL_SUBMITTER }, { "antrag von", BK_LABEL_SUBMITTER },
  { "verfasserin", BK_LABEL_AUTHOR }, { "verfasser", BK_LABEL_AUTHOR },
  { "autorin", BK_LABEL_AUTHOR }, { "autor", BK_LABEL_AUTHOR },
  { "federführendes amt", BK_LABEL_LEAD }, { "federführende stelle", BK_LABEL_LEAD },
  { "federführend", BK_LABEL_LEAD }, { "dezernat", BK_LABEL_LEAD },
  { "fachbereich", BK_LABEL_LEAD }, { "geschäftsbereich", BK_LABEL_LEAD },
  { "antragsnummer", BK_LABEL_REFERENCE }, { "vorlagennummer", BK_LABEL_REFERENCE },
  { "drucksachennummer", BK_LABEL_REFERENCE }, { "drucksache-art", BK_LABEL_TYPE },
  { "drucksachenart", BK_LABEL_TYPE }, { "drucksachentyp", BK_LABEL_TYPE },
  { "drucksachen", BK_LABEL_REFERENCE }, { "drucksache", BK_LABEL_REFERENCE },
  { "drs", BK_LABEL_REFERENCE }, { "ds", BK_LABEL_REFERENCE },
  { "vorlage-art", BK_LABEL_TYPE }, { "vorlagenart", BK_LABEL_TYPE },
  { "vorlagentyp", BK_LABEL_TYPE }, { "vorlagen", BK_LABEL_REFERENCE },
  { "vorlage", BK_LABEL_REFERENCE }, { "antragsart", BK_LABEL_TYPE },
  { "antragsthema", BK_LABEL_SUBJECT }, { "antrags", BK_LABEL_REFERENCE },
  { "antrag", BK_LABEL_REFERENCE }, { "anfrage", BK_LABEL_REFERENCE },
  { "nummer", BK_LABEL_REFERENCE }, { "nr", BK_LABEL_REFERENCE },
  { "betreff", BK_LABEL_SUBJECT }, { "betrifft", BK_LABEL_SUBJECT },
  { "betr", BK_LABEL_SUBJECT }, { "thema", BK_LABEL_SUBJECT },
  { "kurztitel", BK_LABEL_SUBJECT }, { "titel", BK_LABEL_SUBJECT },
  { "beratungsgegenstand", BK_LABEL_SUBJECT }, { "gegenstand", BK_LABEL_SUBJECT },
  { "tagesordnungspunkt", BK_LABEL_SUBJECT }, { "top", BK_LABEL_SUBJECT },
  { "bezeichnung", BK_LABEL_SUBJECT }, { "überschrift", BK_LABEL_SUBJECT },
  { "öffentlichkeitsstatus", BK_LABEL_STATUS }, { "öffentlichkeit", BK_LABEL_STATUS },
  { "status", BK_LABEL_STATUS },
  { "art des antrags", BK_LABEL_TYPE }, { "art der vorlage", BK_LABEL_TYPE },
  { "dokumentart", BK_LABEL_TYPE }, { "dokumenttyp", BK_LABEL_TYPE },
  { "art", BK_LABEL_TYPE }, { "typ", BK_LABEL_TYPE },
  { "adressat", BK_LABEL_ADDRESSEE }, { "empfängerin", BK_LABEL_ADDRESSEE },
  { "empfänger", BK_LABEL_ADDRESSEE }, { "an", BK_LABEL_ADDRESSEE },
  { "beschließendes gremium", BK_LABEL_BODY }, { "zuständiges gremium", BK_LABEL_BODY },
  { "beschlussgremium", BK_LABEL_BODY }, { "entscheidungsgremium", BK_LABEL_BODY },
  { "gremium", BK_LABEL_BODY },
  { "zum verhandlungsgegenstand", BK_LABEL_RELATED }, { "bezugsdrucksache", BK_LABEL_RELATED },
  { "bezugsvorlage", BK_LABEL_RELATED }, { "bezüglich", BK_LABEL_RELATED },
  { "bezug", BK_LABEL_RELATED }, { "ursprungsantrag", BK_LABEL_RELATED },
  { "ursprungsvorlage", BK_LABEL_RELATED }, { "zur vorlage", BK_LABEL_RELATED },
  { "zu vorlage", BK_LABEL_RELATED }, { "zu drucksache", BK_LABEL_RELATED },
  { "sitzungstermin", BK_LABEL_SESSION }, { "sitzungsdatum", BK_LABEL_SESSION },
  { "beratungstermin", BK_LABEL_SESSION }, { "termin", BK_LABEL_SESSION },
  { "sachbearbeiterin", BK_LABEL_IGNORED }, { "sachbearbeiter", BK_LABEL_IGNORED },
  { "bearbeiterin", BK_LABEL_IGNORED }, { "bearbeiter", BK_LABEL_IGNORED },
  { "aktenzeichen", BK_LABEL_IGNORED }, { "az", BK_LABEL_IGNORED },
  { "telefon", BK_LABEL_IGNORED }, { "tel", BK_LABEL_IGNORED }, { "fax", BK_LABEL_IGNORED },
  { "e-mail", BK_LABEL_IGNORED }, { "email", BK_LABEL_IGNORED },
  { "verantwortlich", BK_LABEL_IGNORED }, { "quelle", BK_LABEL_IGNORED },
};

/* "/-in", "*in", "(in)", ":innen": gender endings written after a label */
static const char *
skip_gender (const char *q)
{
  static const char *const endings[] = {
    "/-innen", "/-in", "/innen", "/in", "*innen", "*in", "(innen)", "(in)", "_innen", "_in", NULL
  };

  for (guint i = 0; endings[i] != NULL; i++)
    if (g_str_has_prefix (q, endings[i]) && !bk_text_is_word_byte ((guchar) q[strlen (endings[i])]))
      return q + strlen (endings[i]);
  return q;
}

/* "TOP Ö 16:", "TOP 3.1:", "top n 4:" */
static const char *
skip_agenda_number (const char *q)
{
  const char *r = q;

  while (*r == ' ')
    r++;
  if (g_str_has_prefix (r, "ö "))
    r += strlen ("ö ");
  else if (g_str_has_prefix (r, "n "))
    r += 2;
  else if (g_str_has_prefix (r, "ö") && g_ascii_isdigit (r[strlen ("ö")]))
    r += strlen ("ö");
  if (!g_ascii_isdigit (*r))
    return q;
  while (g_ascii_isdigit (*r) || *r == '.')
    r++;
  return r;
}

BkLabelKind
bk_text_match_label_low (const char *lw,
                         gsize      *value_off,
                         gboolean   *colon)
{
  *colon = FALSE;
  /* every line is asked, most start with no label: compare the first byte first */
  if (!g_ascii_isalpha (*lw) && (guchar) *lw < 0x80)
    return BK_LABEL_NONE;
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      gsize wl;
      const char *q;
      BkLabelKind kind = labels[i].kind;

      if (labels[i].word[0] != lw[0])
        continue;
      wl = strlen (labels[i].word);
      q = lw + wl;
      if (strncmp (lw, labels[i].word, wl) != 0)
        continue;
      if (kind == BK_LABEL_REFERENCE && g_str_has_prefix (q, "nr"))
        q += 2;   /* "DrucksacheNr.:" */
      else if (bk_text_is_word_byte ((guchar) *q))
        continue;
      q = skip_gender (q);
      if (strcmp (labels[i].word, "top") == 0)
        q = skip_agenda_number (q);
      while (*q == ' ' || *q == '.' || *q == '*' || *q == '-' || *q == '_')
        q++;
      if (kind == BK_LABEL_REFERENCE)
        {
          if (g_str_has_prefix (q, "nr"))
            q += 2;
          else if (g_str_has_prefix (q, "nummer"))
            q += 6;
          while (*q == ' ' || *q == '.')
            q++;
        }
      if (*q == ':')
        {
          *colon = TRUE;
          q++;
        }
      while (*q == ' ' || *q == '*' || *q == '_')
        q++;
      *value_off = (gsize) (q - lw);
      return kind;
    }
  return BK_LABEL_NONE;
}

gboolean
bk_text_label_stands_alone (const char *low)
{
  static const char *const words[] = {
    "datum", "antragsdatum", "eingangsdatum", "absender", "antragsteller", "antragstellerin",
    "antragstellende", "einreicher", "einreicherin", "initiator", "initiatorin", "verfasser",
    "verfasserin", "federführend", "gremium", "beschlussgremium", "sitzungstermin", "sitzungsdatum",
    "kurztitel", "betreff", "bezug", "bezüglich", "zum verhandlungsgegenstand", "drucksache",
    "drucksachennummer", "antragsnummer", "vorlagennummer", "antrag-nr", "antrags-nr",
    "vorlage-nr", "drucksache-nr", "status", "vorlage-art", "vorlagenart", "drucksache-art",
    "beratungsgegenstand", "tagesordnungspunkt", "öffentlichkeitsstatus", NULL
  };
  g_autofree char *s = bk_text_strip_chars (low, " :.*_");

  for (guint i = 0; words[i] != NULL; i++)
    if (g_str_has_prefix (s, words[i]))
      {
        const char *r = s + strlen (words[i]);

        /* "Antragsteller/-in", "Datum" – nothing but a gender ending may follow */
        if (*r == '\0' || *r == '/' || *r == '(' || *r == '*' || *r == '.')
          return TRUE;
      }
  return FALSE;
}

BkLabelKind
bk_text_match_label (const char  *cell,
                     const char **value,
                     gboolean    *colon)
{
  g_autofree char *low = bk_text_lower_same_length (cell);
  const char *lw = bk_text_skip_emphasis (low);
  gsize off = 0;
  BkLabelKind k = bk_text_match_label_low (lw, &off, colon);

  if (k != BK_LABEL_NONE)
    *value = cell + (lw - low) + off;
  return k;
}

/* ------------------------------------------------------------------ */
/* assemblies, committees, administrations                            */

/* Nominative singular; the endings below give the other cases. */
static const char *const assemblies[] = {
  "bezirksverordnetenversammlung", "stadtverordnetenversammlung", "landschaftsversammlung",
  "verbandsversammlung", "regionalversammlung", "regionsversammlung", "bezirksversammlung",
  "ratsversammlung", "gemeindevertretung", "stadtvertretung", "bezirksvertretung",
  "marktgemeinderat", "ortsgemeinderat", "samtgemeinderat", "verbandsgemeinderat",
  "stadtbezirksrat", "ortschaftsrat", "gemeinderat", "stadtrat", "bezirksrat", "ortsbeirat",
  "ortsrat", "bezirksausschuss", "haupt- und finanzausschuss", "hauptausschuss",
  "kreisausschuss", "städteregionstag", "bezirkstag", "kreistag", "stadtbürgerschaft",
  "bürgerschaft", "rat", NULL
};

/* Case endings after an assembly word: Stadtrat-es, Kreistag-s, Ausschuss-es. */
static gsize
ending_len (const char *p)
{
  static const char *const endings[] = { "es", "s", "e", NULL };

  for (guint i = 0; endings[i] != NULL; i++)
    if (g_str_has_prefix (p, endings[i]) && !bk_text_is_word_byte ((guchar) p[strlen (endings[i])]))
      return strlen (endings[i]);
  return 0;
}

gsize
bk_text_assembly_at (const char *low)
{
  for (guint i = 0; assemblies[i] != NULL; i++)
    if (bk_text_has_prefix_word (low, assemblies[i]))
      return strlen (assemblies[i]);
  /* abbreviations councils use for themselves */
  if (bk_text_has_prefix_word (low, "bvv") || bk_text_has_prefix_word (low, "svv"))
    return 3;
  return 0;
}

gboolean
bk_text_is_body_start (const char *low)
{
  return bk_text_assembly_at (low) > 0;
}

const char *
bk_text_find_assembly (const char *low,
                       gsize      *len)
{
  return bk_text_find_assembly_full (low, FALSE, len);
}

const char *
bk_text_find_assembly_full (const char *low,
                            gboolean    plenary,
                            gsize      *len)
{
  const char *best = NULL;
  gsize best_len = 0;

  for (guint i = 0; assemblies[i] != NULL; i++)
    {
      const char *hit = low;
      gsize wl = strlen (assemblies[i]);

      /* committees never pass a paper in the end */
      if (plenary && strstr (assemblies[i], "ausschuss") != NULL)
        continue;

      while ((hit = strstr (hit, assemblies[i])) != NULL)
        {
          gboolean left = hit == low || !bk_text_is_word_byte ((guchar) hit[-1]);
          gsize e = wl;

          if (bk_text_is_word_byte ((guchar) hit[e]))
            e += ending_len (hit + e);
          if (left && !bk_text_is_word_byte ((guchar) hit[e]) && (best == NULL || hit < best))
            {
              best = hit;
              best_len = e;
            }
          hit += wl;
        }
    }
  if (len != NULL)
    *len = best_len;
  return best;
}

char *
bk_text_nominative (const char *name)
{
  g_auto(GStrv) words = g_strsplit (name, " ", -1);

  for (guint i = 0; words[i] != NULL; i++)
    {
      char *w = words[i];
      gsize n = strlen (w);
      g_autofree char *low = bk_text_lower_same_length (w);

      if (strcmp (low, "für") == 0 || strcmp (low, "des") == 0 || strcmp (low, "der") == 0
          || strcmp (low, "im") == 0 || strcmp (low, "von") == 0)
        break;
      if (n > 5 && g_str_has_suffix (low, "sses"))
        w[n - 2] = '\0';
      else if (n >= 5 && (g_str_has_suffix (low, "rates") || g_str_has_suffix (low, "tages")))
        w[n - 2] = '\0';
      else if (n >= 4 && (g_str_has_suffix (low, "rats") || g_str_has_suffix (low, "tags")))
        w[n - 1] = '\0';
    }
  return g_strjoinv (" ", words);
}

gsize
bk_text_administration_at (const char *low)
{
  static const char *const words[] = {
    "kreisverwaltung", "stadtverwaltung", "gemeindeverwaltung", "bezirksamt", "landratsamt",
    "bürgermeisteramt", "magistrat", NULL
  };

  for (guint i = 0; words[i] != NULL; i++)
    if (bk_text_has_prefix_word (low, words[i]))
      return strlen (words[i]);
  return 0;
}

gboolean
bk_text_has_committee_word (const char *text)
{
  static const char *const words[] = {
    "ausschuss", "kreistag", "versammlung", "kommission", "vertretung", "bürgerschaft",
    "gremium", "konferenz", "parlament", "bezirkstag", "dienstberatung", "bvv", NULL
  };
  static const char *const word_ends[] = { "rat", "rates", "rats", NULL };
  g_autofree char *low = bk_text_lower_same_length (text);

  for (guint i = 0; words[i] != NULL; i++)
    if (strstr (low, words[i]) != NULL)
      return TRUE;
  /* "Rat", "Stadtrat", "Beirat" as the end of a word, not "Vorberatung" */
  for (const char *p = low; *p != '\0'; p++)
    {
      if (bk_text_is_word_byte ((guchar) p[0]) && !bk_text_is_word_byte ((guchar) p[1]))
        for (guint i = 0; word_ends[i] != NULL; i++)
          {
            gsize n = strlen (word_ends[i]);

            if ((gsize) (p + 1 - low) >= n && strncmp (p + 1 - n, word_ends[i], n) == 0)
              return TRUE;
          }
    }
  /* "FA Finanzen", "HFA": the abbreviations of committees */
  return g_str_has_prefix (text, "FA ") || g_str_has_prefix (text, "HFA")
         || g_str_has_prefix (text, "BA ");
}

/* ------------------------------------------------------------------ */
/* paper types                                                         */

static const struct {
  const char *word;
  const char *name;
  gboolean specific;
} types[] = {
  { "große anfrage", "Große Anfrage", TRUE }, { "grosse anfrage", "Große Anfrage", TRUE },
  { "kleine anfrage", "Kleine Anfrage", TRUE }, { "schriftliche anfrage", "Anfrage", TRUE },
  { "mündliche anfrage", "Anfrage", TRUE }, { "antrag zur tagesordnung", "Antrag zur Tagesordnung", TRUE },
  { "vorlage zur kenntnisnahme", "Vorlage zur Kenntnisnahme", TRUE },
  { "einwohneranfrage", "Einwohneranfrage", TRUE }, { "einwohnerfrage", "Einwohneranfrage", TRUE },
  { "bürgeranfrage", "Einwohneranfrage", TRUE }, { "anfrage", "Anfrage", TRUE },
  { "dringlichkeitsantrag", "Dringlichkeitsantrag", TRUE }, { "eilantrag", "Dringlichkeitsantrag", TRUE },
  { "ergänzungsantrag", "Ergänzungsantrag", TRUE }, { "zusatzantrag", "Zusatzantrag", TRUE },
  { "änderungsantrag", "Änderungsantrag", TRUE }, { "abänderungsantrag", "Änderungsantrag", TRUE },
  { "alternativantrag", "Alternativantrag", TRUE }, { "ersetzungsantrag", "Ersetzungsantrag", TRUE },
  { "sachantrag", "Sachantrag", TRUE }, { "haushaltsantrag", "Haushaltsantrag", TRUE },
  { "prüfantrag", "Prüfantrag", TRUE }, { "entschließungsantrag", "Entschließungsantrag", TRUE },
  { "resolutionsantrag", "Resolutionsantrag", TRUE },
  { "tagesordnungsantrag", "Antrag zur Tagesordnung", TRUE },
  { "geschäftsordnungsantrag", "Geschäftsordnungsantrag", TRUE },
  { "einwohnerantrag", "Einwohnerantrag", TRUE }, { "bürgerantrag", "Einwohnerantrag", TRUE },
  { "beschlussvorlage", "Beschlussvorlage", TRUE }, { "informationsvorlage", "Informationsvorlage", TRUE },
  { "mitteilungsvorlage", "Mitteilungsvorlage", TRUE }, { "berichtsvorlage", "Berichtsvorlage", TRUE },
  { "dringlichkeitsvorlage", "Dringlichkeitsvorlage", TRUE }, { "prüfauftrag", "Prüfauftrag", TRUE },
  { "antrag", "Antrag", FALSE }, { "vorlage", "Vorlage", FALSE },
};

static gsize
word_len (const char *low)
{
  gsize n = 0;

  while (bk_text_is_word_byte ((guchar) low[n]) || (low[n] == '-' && bk_text_is_word_byte ((guchar) low[n + 1])))
    n++;
  return n;
}

const char *
bk_text_type_at (const char *low,
                 gsize      *len,
                 gboolean   *specific)
{
  gsize wl = word_len (low);

  if (wl < 4)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      gsize tl;

      if (types[i].word[0] != low[0])
        continue;
      tl = strlen (types[i].word);

      if (strchr (types[i].word, ' ') != NULL)
        {
          if (strncmp (low, types[i].word, tl) == 0 && !bk_text_is_word_byte ((guchar) low[tl]))
            {
              *len = tl;
              *specific = types[i].specific;
              return types[i].name;
            }
          continue;
        }
      /* the word itself or with a case ending: Änderungsantrag-es, Anfrage-n */
      if (wl >= tl && strncmp (low, types[i].word, tl) == 0
          && (wl == tl || (wl - tl <= 2 && (strncmp (low + tl, "es", wl - tl) == 0
                                            || strncmp (low + tl, "s", wl - tl) == 0
                                            || strncmp (low + tl, "n", wl - tl) == 0
                                            || strncmp (low + tl, "en", wl - tl) == 0))))
        {
          *len = wl;
          *specific = types[i].specific;
          return types[i].name;
        }
    }
  /* compounds: "Fraktionsantrag", "Ratsanfrage", "Sitzungsvorlage" */
  {
    static const struct {
      const char *tail;
      const char *name;
      gboolean specific;
    } tails[] = {
      { "antrages", "Antrag", FALSE }, { "antrags", "Antrag", FALSE }, { "antrag", "Antrag", FALSE },
      { "anträge", "Antrag", FALSE }, { "anfragen", "Anfrage", TRUE }, { "anfrage", "Anfrage", TRUE },
      { "vorlage", "Vorlage", FALSE },
    };

    for (guint i = 0; i < G_N_ELEMENTS (tails); i++)
      {
        gsize tl = strlen (tails[i].tail);

        if (wl > tl && memcmp (low + wl - tl, tails[i].tail, tl) == 0
            && (strcmp (tails[i].tail, "vorlage") != 0 || wl > 8))
          {
            *len = wl;
            *specific = tails[i].specific;
            return tails[i].name;
          }
      }
  }
  return NULL;
}

const char *
bk_text_find_type (const char *low,
                   gboolean   *specific)
{
  const char *plain = NULL;

  /* "Antrag zur Aufstellung, Änderung oder Ergänzung der Tagesordnung" */
  if (bk_text_find_word (low, "antrag") != NULL && strstr (low, "tagesordnung") != NULL
      && bk_text_count_words (low) <= 12)
    {
      *specific = TRUE;
      return "Antrag zur Tagesordnung";
    }
  for (const char *p = low; *p != '\0'; p++)
    {
      gsize len = 0;
      gboolean spec = FALSE;
      const char *t;

      if (p > low && bk_text_is_word_byte ((guchar) p[-1]))
        continue;
      t = bk_text_type_at (p, &len, &spec);
      if (t == NULL)
        continue;
      if (spec)
        {
          *specific = TRUE;
          return t;
        }
      if (plain == NULL)
        plain = t;
      p += len - 1;
    }
  *specific = FALSE;
  return plain;
}

gboolean
bk_text_type_is_question (const char *type)
{
  return type != NULL && (g_str_has_suffix (type, "Anfrage") || g_str_has_suffix (type, "anfrage"));
}

/* ------------------------------------------------------------------ */
/* consultations                                                       */

static const char *const consult_roles[] = {
  "beratung und beschlussfassung", "empfehlender beschluss", "vorberatung", "beschlussfassung",
  "entscheidung", "kenntnisnahme", "zur kenntnis", "anhörung", "beratung", "empfehlung",
  "vorberatend", "entscheidend", "beschließend", "federführend", "mitberatend",
  "stellungnahme", "bestätigung", "lesung", "beschluss", "zustimmung", "information",
  "berichterstattung", NULL
};

gssize
bk_text_find_consult_role (const char *low,
                           gsize      *len)
{
  for (guint i = 0; consult_roles[i] != NULL; i++)
    {
      const char *hit = bk_text_find_word (low, consult_roles[i]);

      if (hit == NULL)
        continue;
      *len = strlen (consult_roles[i]);
      /* "1. Lesung", "2. Lesung" */
      if (strcmp (consult_roles[i], "lesung") == 0 && hit - low >= 3
          && hit[-1] == ' ' && hit[-2] == '.' && g_ascii_isdigit (hit[-3]))
        {
          hit -= 3;
          *len += 3;
        }
      return hit - low;
    }
  return -1;
}

gboolean
bk_text_is_consult_role (const char *low)
{
  gsize len = 0;

  return bk_text_count_words (low) <= 5 && bk_text_find_consult_role (low, &len) >= 0;
}

gboolean
bk_text_public_flag (const char *text,
                     int        *value)
{
  g_autofree char *low = bk_text_lower_same_length (text);
  g_autofree char *s = bk_text_strip_chars (low, " ()*:.");

  if (strcmp (s, "ö") == 0 || strcmp (s, "öffentlich") == 0 || strcmp (s, "öff") == 0)
    *value = 1;
  else if (strcmp (s, "n") == 0 || strcmp (s, "nö") == 0 || strcmp (s, "nichtöffentlich") == 0
           || strcmp (s, "nicht öffentlich") == 0 || strcmp (s, "nicht-öffentlich") == 0
           || strcmp (s, "nöff") == 0)
    *value = 0;
  else
    return FALSE;
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* roles, site remnants                                                */

gboolean
bk_text_is_role_text (const char *text)
{
  static const char *const words[] = {
    "vorsitz", "geschäftsführ", "sprecher", "kreisrat", "kreisrät", "stadtrat",
    "stadträt", "gemeinderat", "gemeinderät", "ratsmitglied", "ratsfrau", "ratsherr",
    "mitglied", "abgeordnet", "stellv", "obmann", "obfrau", "bezirksvertreter",
    "bezirksverordnet", "stadtverordnet", "gemeindevertreter", "beisitzer", "schatzmeister",
    "referent", "bürgermeister", "sachkundige", "ortsvorsteher", "fraktionsführer",
    "vorstand", "kta", "mdl", "mdb", "mda", "mdep", NULL
  };
  g_autofree char *low = bk_text_lower_same_length (text);

  if (strlen (text) > 80 || bk_text_count_words (text) > 7 || bk_text_ends_sentence (text))
    return FALSE;
  for (guint i = 0; words[i] != NULL; i++)
    if (strstr (low, words[i]) != NULL)
      return TRUE;
  return FALSE;
}

gboolean
bk_text_is_site_remnant (const char *low)
{
  static const char *const lines[] = {
    "verwandte artikel", "ähnliche artikel", "weitere artikel", "ähnliche beiträge",
    "weitere beiträge", "verwandte beiträge", "aktuelles", "aktuelle meldungen",
    "weitere meldungen", "neueste beiträge", "letzte beiträge", "kommentare",
    "kommentar schreiben", "schreibe einen kommentar", "kommentar verfassen",
    "teilen", "diesen artikel teilen", "beitrag teilen", "zurück", "zurück zur übersicht",
    "zur übersicht", "nach oben", "zum seitenanfang", "seitenanfang", "drucken",
    "seite drucken", "weiterlesen", "mehr lesen", "mehr erfahren", "newsletter",
    "impressum", "datenschutz", "datenschutzerklärung", "kontakt", "startseite", "home",
    "share", "tags", "schlagworte", "schlagwörter", "kategorien", "kategorie", "archiv",
    "alle meldungen", "personen", "themen", "presse", "termine", "menü", "suche",
    "navigation", "inhalt", "pressemitteilungen", "meldungen", "news", "blog",
    "anträge", "anfragen", "anfragen und anträge", "anträge und anfragen", "fraktion",
    "fraktionen", "unsere fraktion", "mitglieder", "über uns", "startseite",
    "ratsinformationssystem", "bürgerinformationssystem", "bürgerinfo", NULL
  };
  g_autofree char *s = bk_text_strip_chars (low, " :»«>|-–");
  gsize n = strlen (low);

  for (guint i = 0; lines[i] != NULL; i++)
    if (strcmp (s, lines[i]) == 0)
      return TRUE;
  if (g_str_has_prefix (s, "© ") || g_str_has_prefix (s, "©") || g_str_has_prefix (s, "copyright ")
      || g_str_has_prefix (s, "link zum ") || g_str_has_prefix (s, "link zur ")
      || g_str_has_prefix (s, "veröffentlicht am ") || g_str_has_prefix (s, "veröffentlicht von ")
      || g_str_has_prefix (s, "geschrieben von ") || g_str_has_prefix (s, "erstellt von ")
      || g_str_has_prefix (s, "zum download") || g_str_has_prefix (s, "download")
      || g_str_has_prefix (s, "pdf herunterladen"))
    return TRUE;
  /* teasers of other articles */
  return (n > 5 && (g_str_has_suffix (low, "[...]") || g_str_has_suffix (low, "[…]")
                    || g_str_has_suffix (low, "weiterlesen »") || g_str_has_suffix (low, "weiterlesen")
                    || g_str_has_suffix (low, "mehr »") || g_str_has_suffix (low, "read more")));
}

gboolean
bk_text_is_lead_in (const char *low)
{
  static const char *const starts[] = {
    "hier lesen sie mehr", "hier lesen sie den", "lesen sie hier", "lesen sie den",
    "es folgt der", "es folgt das", "im folgenden der", "im folgenden das", "nachfolgend der",
    "nachfolgend das", "nachfolgend den", "hier der wortlaut", "hier der antrag",
    "hier der text", "hier finden sie den", "hier ist der", "der antrag im wortlaut",
    "die anfrage im wortlaut", "das schreiben im wortlaut", "im wortlaut", NULL
  };

  if (bk_text_count_words (low) > 14)
    return FALSE;
  for (guint i = 0; starts[i] != NULL; i++)
    if (g_str_has_prefix (low, starts[i]))
      return TRUE;
  return FALSE;
}

/* ------------------------------------------------------------------ */
/* requests                                                            */

static gboolean
has_word_prefix (const char *low,
                 const char *word)
{
  const char *hit = low;
  gsize n = strlen (word);

  while ((hit = strstr (hit, word)) != NULL)
    {
      if (hit == low || !bk_text_is_word_byte ((guchar) hit[-1]))
        return TRUE;
      hit += n;
    }
  return FALSE;
}

gboolean
bk_text_is_request_text (const char *low)
{
  static const char *const words[] = {
    "beantragt", "beantragen", "beantrage", "beauftragt", "ersucht", "möge ", "wolle beschließen",
    "beschließt", "wird gebeten", "werden gebeten", "wird aufgefordert", "werden aufgefordert",
    "fordert", "fordern", "bittet ", "bitten ", "spricht sich", "sprechen uns", "sprechen sich",
    NULL
  };

  if (bk_text_count_words (low) < 6)
    return FALSE;
  for (guint i = 0; words[i] != NULL; i++)
    if (has_word_prefix (low, words[i]))
      return TRUE;
  return FALSE;
}

