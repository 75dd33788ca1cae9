/* bk-text-body.c: the assembly that decides, and where it sits
 *
 * The body is named in many ways: "Der Kreistag möge beschließen", "Die
 * Bezirksvertretung Rodenkirchen beschließt:", "SPD-Fraktion im Stadtrat",
 * "zur Sitzung der Gemeindevertretung", "Antrag an den Rat der Gemeinde",
 * the last step of the Beratungsfolge, or only in passing ("legt dem
 * Stadtrat vor"). The surer the phrase, the higher the score. The place
 * comes from where the text names its town ("Stadt Zittau", "Gemeinde
 * Augustdorf") and is added when the body's name lacks one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-text"

#include <string.h>

#include "bk-text-body.h"
#include "bk-text-util.h"
#include "bk-text-vocab.h"

/* The name of an assembly starting at text+off (low has the same offsets):
 * the assembly word and what belongs to it ("Stadtrat der Landeshauptstadt
 * Magdeburg", "Bezirksvertretung Innenstadt-Nord", "Rat der Gemeinde"). */
static char *
assembly_name_at (const char *text,
                  const char *low,
                  gsize       off,
                  gsize       word_len)
{
  static const char *const joiners[] = { "der", "des", "von", "für", "und", NULL };
  gsize e = off + word_len;
  guint words = 1;

  while (low[e] == ' ' && words < 8)
    {
      gsize ws = e + 1, we = ws;
      gboolean joiner = FALSE;

      /* a name wraps onto the next line ("Bezirksvertretung\nInnenstadt-Nord"),
       * an address does not belong to it */
      if (text[e] == '\n')
        {
          gsize k = ws;

          while (low[k] != '\0' && low[k] != ' ')
            k++;
          if (g_ascii_isdigit (low[ws]) || (low[k] == ' ' && g_ascii_isdigit (low[k + 1])) || low[k] == ',')
            break;
          {
            g_autofree char *w = g_strndup (low + ws, k - ws);

            if (g_str_has_suffix (w, "straße") || g_str_has_suffix (w, "str.") || g_str_has_suffix (w, "weg")
                || g_str_has_suffix (w, "platz") || g_str_has_suffix (w, "allee"))
              break;
          }
        }

      while (low[we] != '\0' && low[we] != ' ' && low[we] != ',' && low[we] != ';' && low[we] != '\n'
             && low[we] != ':' && !(low[we] == '.' && (low[we + 1] == ' ' || low[we + 1] == '\0')))
        we++;
      if (we == ws)
        break;
      for (guint i = 0; joiners[i] != NULL; i++)
        if (we - ws == strlen (joiners[i]) && strncmp (low + ws, joiners[i], we - ws) == 0)
          joiner = TRUE;
      if (joiner)
        {
          /* only when a name follows: "Rat der Stadt", not "Rat der beschließt" */
          gsize ns = we + 1;

          if (low[we] != ' ' || !g_unichar_isupper (g_utf8_get_char (text + ns)))
            break;
          e = we;
          words++;
          continue;
        }
      if (!g_unichar_isupper (g_utf8_get_char (text + ws)) || (low[ws] == 'a' && low[ws + 1] == 'm' && low[ws + 2] == ' '))
        break;
      /* the next sentence or line: "… Rat der Gemeinde Sehr geehrter …" */
      {
        static const char *const starts[] = {
          "sehr", "liebe", "hallo", "herr", "herrn", "frau", "die", "der", "das", "den", "dem",
          "wir", "ich", "es", "betreff", "betr", "datum", "antrag", "anfrage", "hiermit", NULL
        };
        gboolean stop = FALSE;

        for (guint i = 0; starts[i] != NULL && !stop; i++)
          stop = we - ws == strlen (starts[i]) && strncmp (low + ws, starts[i], we - ws) == 0;
        if (stop)
          break;
      }
      /* a capitalised noun that starts the next phrase ("Stadtrat Beschluss") */
      if (bk_text_find_consult_role (low + ws, &(gsize){ 0 }) == 0)
        break;
      e = we;
      words++;
    }
  {
    g_autofree char *raw = g_strndup (text + off, e - off);

    return bk_text_strip_chars (raw, " -–,;:");
  }
}

/* "Stadtrat Markus Feld": the title of a member, not the assembly. */
static gboolean
is_councillor (const char *name)
{
  const char *sp = strchr (name, ' ');

  return sp != NULL && bk_text_is_person_name (sp + 1);
}

/* The first assembly at the start of a phrase (after an article). */
static char *
assembly_after (const char *text,
                const char *low,
                gsize       off)
{
  gsize wl;

  while (low[off] == ' ')
    off++;
  if (g_str_has_prefix (low + off, "der ") || g_str_has_prefix (low + off, "die ")
      || g_str_has_prefix (low + off, "das ") || g_str_has_prefix (low + off, "den ")
      || g_str_has_prefix (low + off, "dem "))
    off += 4;
  wl = bk_text_assembly_at (low + off);
  if (wl == 0)
    return NULL;
  return assembly_name_at (text, low, off, wl);
}

/* "Kreistagsfraktion", "Gemeinderatsfraktion": a faction named after its
 * assembly. */
static void
faction_compounds (BkTextDoc  *doc,
                   const char *text,
                   const char *low)
{
  const char *hit = low;

  while ((hit = strstr (hit, "fraktion")) != NULL)
    {
      const char *w = hit;
      gsize wl;

      hit += strlen ("fraktion");
      while (w > low && bk_text_is_word_byte ((guchar) w[-1]))
        w--;
      if (w == hit - strlen ("fraktion"))
        continue;
      wl = bk_text_assembly_at (w);
      if (wl == 0)
        {
          g_autofree char *stem = g_strndup (w, (gsize) (hit - strlen ("fraktion") - w));
          gsize sl = strlen (stem);

          /* the linking s: "Kreistags-", "Rats-" */
          if (sl > 1 && stem[sl - 1] == 's')
            stem[sl - 1] = '\0';
          wl = bk_text_assembly_at (stem);
          if (wl != strlen (stem))
            continue;
        }
      {
        g_autofree char *name = g_strndup (text + (w - low), wl);
        gunichar c = g_utf8_get_char (name);
        char buf[8];
        gint bl = g_unichar_to_utf8 (g_unichar_toupper (c), buf);
        g_autoptr(GString) s = g_string_new (g_utf8_next_char (name));

        g_string_prepend_len (s, buf, bl);
        /* "Kreistagsfraktion Lörrach": the place follows */
        if (*hit == ' ' && g_unichar_isupper (g_utf8_get_char (text + (hit - low) + 1)))
          {
            const char *p = text + (hit - low) + 1;
            const char *e = p;

            while (*e != '\0' && *e != ' ' && *e != '\n' && *e != ',')
              e++;
            if (*e == '\0' || *e == '\n')
              {
                g_string_append_c (s, ' ');
                g_string_append_len (s, p, e - p);
              }
          }
        bk_text_offer_body (&doc->body, s->str, 60);
      }
    }
}

/* "SPD-Fraktion im Stadtrat", "Fraktion Freie Wähler im Kreistag X",
 * "die CDU Fraktion in der Bezirksvertretung …": where a faction sits. */
static void
faction_seats (BkTextDoc  *doc,
               const char *text,
               const char *low)
{
  static const char *const preps[] = { " im ", " in der ", " in dem ", NULL };

  for (guint i = 0; preps[i] != NULL; i++)
    {
      const char *hit = low;

      while ((hit = strstr (hit, preps[i])) != NULL)
        {
          gsize off = (gsize) (hit - low) + strlen (preps[i]);
          gsize from = (gsize) (hit - low) > 60 ? (gsize) (hit - low) - 60 : 0;
          g_autofree char *before = NULL;
          g_autofree char *name = NULL;
          const char *cut;

          hit += strlen (preps[i]);
          before = g_strndup (text + from, off - strlen (preps[i]) - from);
          /* the same clause only */
          while ((cut = strpbrk (before, ".:;\n")) != NULL)
            memmove (before, cut + 1, strlen (cut + 1) + 1);
          if (!bk_text_is_faction_name (before))
            continue;
          name = assembly_after (text, low, off);
          if (name != NULL)
            {
              g_autofree char *nom = bk_text_nominative (name);

              bk_text_offer_body (&doc->body, nom, 70);
            }
        }
    }
}

void
bk_text_body_phrases (BkTextDoc  *doc,
                      const char *text)
{
  static const struct {
    const char *marker;
    int score;
  } markers[] = {
    { "fraktion der ", 55 }, { "sitzung der ", 65 }, { "sitzung des ", 65 },
    { "antrag an den ", 60 }, { "antrag an die ", 60 }, { "anfrage an den ", 60 },
    { "anfrage an die ", 60 }, { " an den ", 55 }, { " an die ", 55 },
  };
  g_autofree char *low = bk_text_lower_flat (text);

  faction_compounds (doc, text, low);
  faction_seats (doc, text, low);
  for (guint i = 0; i < G_N_ELEMENTS (markers); i++)
    {
      const char *hit = low;

      while ((hit = strstr (hit, markers[i].marker)) != NULL)
        {
          gsize off = (gsize) (hit - low) + strlen (markers[i].marker);
          g_autofree char *name = NULL;

          hit += strlen (markers[i].marker);
          /* "zur 27. Sitzung der Gemeindevertretung": the article is in the marker */
          name = assembly_after (text, low, off);
          if (name != NULL)
            {
              g_autofree char *nom = bk_text_nominative (name);

              bk_text_offer_body (&doc->body, nom, markers[i].score);
            }
        }
    }
}

/* An assembly or an abbreviation a council uses for itself ("BA15",
 * "BVV"): capitals, maybe digits. */
static gboolean
is_council_code (const char *s)
{
  gsize n = strlen (s), caps = 0;

  if (n < 2 || n > 6)
    return FALSE;
  for (gsize i = 0; i < n; i++)
    {
      if (g_ascii_isupper (s[i]))
        caps++;
      else if (!g_ascii_isdigit (s[i]))
        return FALSE;
    }
  return caps >= 2 && !bk_text_is_faction_name (s);
}

void
bk_text_body_from_request (BkTextDoc  *doc,
                           const char *text)
{
  static const struct {
    const char *verb;
    int score;
  } verbs[] = {
    { " möge ", 85 }, { " wolle ", 85 }, { " beschließt", 85 }, { " beauftragt ", 75 },
    { " fordert ", 70 }, { " bittet ", 70 }, { " ersucht ", 75 }, { " spricht sich", 70 },
    { " stellt ", 60 }, { " beantragt", 55 },
  };
  g_autofree char *low = bk_text_lower_flat (text);

  for (guint v = 0; v < G_N_ELEMENTS (verbs); v++)
    {
      const char *hit = strstr (low, verbs[v].verb);
      const char *start = low;
      g_autofree char *cand = NULL;
      g_autofree char *cand_low = NULL;
      gsize wl;

      if (hit == NULL)
        continue;
      for (const char *p = low; p < hit; p++)
        if (*p == ',' || *p == ':' || *p == ';' || ((*p == '.' || *p == '!') && p[1] == ' '))
          start = p + 1;
      while (*start == ' ')
        start++;
      if (bk_text_has_prefix_word (start, "der") || bk_text_has_prefix_word (start, "die")
          || bk_text_has_prefix_word (start, "das"))
        start += 4;
      if (start >= hit)
        continue;
      cand = g_strndup (text + (start - low), (gsize) (hit - start));
      g_strstrip (cand);
      cand_low = bk_text_lower_same_length (cand);
      if (bk_text_count_words (cand) > 8)
        continue;
      wl = bk_text_assembly_at (cand_low);
      if (wl > 0)
        {
          g_autofree char *name = assembly_name_at (cand, cand_low, 0, wl);

          bk_text_offer_body (&doc->body, name, verbs[v].score);
          return;
        }
      if (is_council_code (cand))
        {
          bk_text_offer_body (&doc->body, cand, verbs[v].score - 10);
          return;
        }
    }
}

void
bk_text_body_mentions (BkTextDoc  *doc,
                       const char *text)
{
  g_autofree char *low = bk_text_lower_flat (text);
  gsize len = 0;
  const char *hit = bk_text_find_assembly_full (low, TRUE, &len);

  if (hit == NULL)
    hit = bk_text_find_assembly (low, &len);

  if (hit != NULL)
    {
      g_autofree char *name = assembly_name_at (text, low, (gsize) (hit - low), len);
      g_autofree char *nom = bk_text_nominative (name);

      if (!is_councillor (nom))
        {
          bk_text_offer_body (&doc->body, nom, 20);
          return;
        }
    }
  for (const char *p = low; *p != '\0'; p++)
    {
      gsize wl;

      if (p > low && bk_text_is_word_byte ((guchar) p[-1]))
        continue;
      if ((wl = bk_text_administration_at (p)) > 0)
        {
          g_autofree char *name = g_strndup (text + (p - low), wl);

          bk_text_offer_body (&doc->body, name, 10);
          return;
        }
    }
}

/* "Rat" and "Stadt Langenfeld" → "Rat der Stadt Langenfeld"; "Stadtrat" and
 * "Stadt Zittau" → "Stadtrat Zittau"; "Rat der Gemeinde" and "Gemeinde
 * Augustdorf" → "Rat der Gemeinde Augustdorf". A body that names a place
 * already stays as it is. */
char *
bk_text_body_with_place (BkTextDoc  *doc,
                         const char *body)
{
  static const struct {
    const char *kind;
    const char *genitive;
  } kinds[] = {
    { "Stadt", "der Stadt" }, { "Landeshauptstadt", "der Landeshauptstadt" },
    { "Hansestadt", "der Hansestadt" }, { "Gemeinde", "der Gemeinde" },
    { "Samtgemeinde", "der Samtgemeinde" }, { "Verbandsgemeinde", "der Verbandsgemeinde" },
    { "Ortsgemeinde", "der Ortsgemeinde" }, { "Markt", "des Marktes" },
    { "Landkreis", "des Landkreises" }, { "Kreis", "des Kreises" },
  };
  const char *entry;
  const char *tab;
  g_autofree char *kind = NULL;
  const char *place;
  const char *genitive = NULL;

  if (body == NULL || doc->places->len == 0)
    return g_strdup (body);
  entry = g_ptr_array_index (doc->places, 0);
  tab = strchr (entry, '\t');
  kind = g_strndup (entry, (gsize) (tab - entry));
  place = tab + 1;
  if (strstr (body, place) != NULL)
    return g_strdup (body);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (strcmp (kind, kinds[i].kind) == 0)
      genitive = kinds[i].genitive;
  /* "Rat der Gemeinde": the place's kind is named, its name is missing */
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_str_has_suffix (body, kinds[i].genitive))
      return strcmp (kinds[i].kind, kind) == 0 || *kind == '\0'
               ? g_strdup_printf ("%s %s", body, place) : g_strdup (body);
  if (bk_text_count_words (body) > 1)
    return g_strdup (body);
  if (strcmp (body, "Rat") == 0 && genitive != NULL)
    return g_strdup_printf ("Rat %s %s", genitive, place);
  return g_strdup_printf ("%s %s", body, place);
}
