/* bk-text-parties.c: who submits a paper, who signs it, whom it addresses
 *
 * Submitters come from labels ("Antragsteller:", "Initiator:"), from the
 * phrases that name them ("Antrag der SPD-Fraktion zur …", "die CDU-Fraktion
 * beantragt …", "(Antrag Fraktion X)"), from a letterhead and, last, from a
 * signature's "Für die X-Fraktion". Signatories are the names of the closing
 * block or, without a greeting, the name lines that end the text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-text"

#include <string.h>

#include "bk-text-names.h"
#include "bk-text-parties.h"
#include "bk-text-util.h"
#include "bk-text-vocab.h"

/* ------------------------------------------------------------------ */
/* submitters                                                          */

static const char *const person_prefixes[] = {
  "KTA ", "Abgeordneten ", "Abgeordnete ", "Abgeordneter ", "Stadtverordneten ",
  "Stadtverordnete ", "Bezirksverordneten ", "Bezirksverordnete ", "Kreistagsabgeordneten ", "Kreistagsabgeordnete ", "Kreistagsabgeordneter ",
  "Kreisrat ", "Kreisrätin ", "Kreisrates ", "Stadtrat ", "Stadträtin ", "Stadtrates ",
  "Ratsmitglied ", "Ratsmitglieds ", "Ratsherr ", "Ratsherrn ", "Ratsfrau ", "Gemeinderat ",
  "Gemeinderätin ", "Herrn ", "Herr ", "Frau ", NULL
};

static char *
clean_party_item (const char *item,
                  gboolean    keep_article)
{
  g_autofree char *s = bk_text_strip_chars (item, " .,;:*()_");
  static const char *const articles[] = { "der ", "die ", "den ", "des ", "von ", "vom ", NULL };
  gboolean again = TRUE;
  char *p = s;

  /* "der Fraktion X" is grammar; "Die Fraktion Die LINKE" in brackets,
   * written with a capital, is how the faction calls itself */
  while (again)
    {
      again = FALSE;
      for (guint i = 0; articles[i] != NULL; i++)
        if (keep_article ? strncmp (p, articles[i], strlen (articles[i])) == 0
                         : g_ascii_strncasecmp (p, articles[i], strlen (articles[i])) == 0)
          {
            p += strlen (articles[i]);
            again = TRUE;
          }
    }
  /* "SPD-Fraktion im Gemeinderat Lindental": the assembly is the body, the
   * faction is "SPD-Fraktion" */
  {
    static const char *const preps[] = { " im ", " in der ", " in dem ", NULL };
    g_autofree char *low = bk_text_lower_same_length (p);

    for (guint i = 0; preps[i] != NULL; i++)
      {
        const char *h = strstr (low, preps[i]);

        if (h != NULL && bk_text_is_body_start (h + strlen (preps[i])))
          {
            g_autofree char *head = g_strndup (p, (gsize) (h - low));

            if (bk_text_is_faction_name (head))
              {
                p[h - low] = '\0';
                break;
              }
          }
      }
  }
  for (guint i = 0; person_prefixes[i] != NULL; i++)
    if (g_str_has_prefix (p, person_prefixes[i]) && bk_text_is_name (p + strlen (person_prefixes[i])))
      {
        p += strlen (person_prefixes[i]);
        break;
      }
  /* "Bündnis 90/ Die Grünen" */
  {
    GString *g = g_string_new (p);

    g_string_replace (g, "/ ", "/", 0);
    return g_string_free (g, FALSE);
  }
}

/* "CDU, SPD und KTA Maria Beispiel" → three items; "Dezernat Jugend,
 * Soziales und Schule" stays one: a list is split only when every item is
 * a faction or a person. */
static GPtrArray *
split_parties (const char *value,
               gboolean    keep_article)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *v = bk_text_strip_chars (value, " .:*_");
  const char *p, *start;
  gboolean all_parties = TRUE;
  g_autofree char *bracket = NULL;

  /* "Lena Hartwig, Omar Yilmaz (Fraktion DIE LINKE)": the persons and the
   * faction they belong to */
  {
    char *open = strrchr (v, '(');
    gsize n = strlen (v);

    if (open != NULL && open > v && v[n - 1] == ')')
      {
        g_autofree char *inner = g_strndup (open + 1, (gsize) (v + n - 1 - (open + 1)));

        if (bk_text_is_faction_name (inner) && bk_text_count_words (inner) <= 6)
          {
            bracket = g_strstrip (g_steal_pointer (&inner));
            *open = '\0';
            g_strchomp (v);
          }
      }
  }
  if (g_str_has_prefix (v, "Fraktionen ") || g_str_has_prefix (v, "fraktionen "))
    {
      char *r = v + strlen ("Fraktionen ");

      if (g_str_has_prefix (r, "von ") || g_str_has_prefix (r, "der "))
        r += 4;
      memmove (v, r, strlen (r) + 1);
    }
  p = start = v;
  while (TRUE)
    {
      gsize sep = 0;

      if (*p == '\0')
        sep = 0;
      else if (*p == ',' || *p == ';' || *p == '&')
        sep = 1;
      else if (g_str_has_prefix (p, " und "))
        sep = 5;
      else if (g_str_has_prefix (p, " sowie "))
        sep = 7;
      else if (*p == '/')
        {
          /* "Bündnis 90/Die Grünen" keeps its slash */
          const char *b = p;

          while (b > start && b[-1] == ' ')
            b--;
          if (b == start || !g_ascii_isdigit (b[-1]))
            sep = 1;
        }
      if (*p == '\0' || sep > 0)
        {
          g_autofree char *raw = g_strndup (start, (gsize) (p - start));
          char *item = clean_party_item (raw, keep_article);

          if (*item != '\0')
            g_ptr_array_add (out, item);
          else
            g_free (item);
          if (*p == '\0')
            break;
          p += sep;
          start = p;
          continue;
        }
      p++;
    }
  /* "CDU- und SPD-Fraktion" */
  for (guint i = 0; i + 1 < out->len; i++)
    {
      char *a = g_ptr_array_index (out, i);
      const char *b = g_ptr_array_index (out, i + 1);
      const char *dash = strrchr (b, '-');
      gsize al = strlen (a);

      if (al > 0 && a[al - 1] == '-' && dash != NULL)
        {
          out->pdata[i] = g_strconcat (a, dash + 1, NULL);
          g_free (a);
        }
    }
  for (guint i = 0; i < out->len && all_parties; i++)
    {
      const char *item = g_ptr_array_index (out, i);

      all_parties = bk_text_is_faction_name (item) || bk_text_is_name (item);
    }
  if (!all_parties && out->len > 1)
    {
      g_ptr_array_set_size (out, 0);
      g_ptr_array_add (out, clean_party_item (v, keep_article));
    }
  if (bracket != NULL)
    g_ptr_array_add (out, g_steal_pointer (&bracket));
  return out;
}

static void
offer_items (BkTextDoc *doc,
             GPtrArray *items,
             int        score)
{
  g_autofree char *joined = NULL;

  if (items->len == 0)
    return;
  g_ptr_array_add (items, NULL);
  joined = g_strjoinv (BK_TEXT_LIST_SEP, (char **) items->pdata);
  g_ptr_array_remove_index (items, items->len - 1);
  bk_text_offer (&doc->submitters, joined, score);
}

void
bk_text_offer_submitters (BkTextDoc  *doc,
                          const char *value,
                          int         score)
{
  g_autoptr(GPtrArray) items = split_parties (value, FALSE);

  offer_items (doc, items, score);
}

/* The faction around the word "fraktion" at off in text: "SPD-Fraktion",
 * "CDU Fraktion", "Fraktion Bündnis 90/ Die Grünen"; NULL when only
 * "Fraktion" or "unsere Fraktion" is there. */
static char *
faction_around (const char *text,
                const char *low,
                gsize       off)
{
  gsize b = off, e = off;

  /* to the start of the word, then back over capitalised words and parties */
  while (b > 0 && low[b - 1] != ' ' && low[b - 1] != '(' && low[b - 1] != '"')
    b--;
  {
    gsize k = b;

    while (k > 1 && low[k - 1] == ' ')
      {
        gsize ws = k - 1;
        g_autofree char *w = NULL;

        while (ws > 0 && low[ws - 1] != ' ')
          ws--;
        w = g_strndup (text + ws, k - 1 - ws);
        if (*w == '\0' || !bk_text_is_faction_name (w) || g_unichar_islower (g_utf8_get_char (w)))
          break;
        b = ws;
        k = ws;
      }
  }
  /* to the end of the word, then on over the name after "Fraktion" */
  while (low[e] != '\0' && low[e] != ' ' && low[e] != ',' && low[e] != ')' && low[e] != ':')
    e++;
  {
    gsize word_start = off;
    gboolean bare = FALSE;

    while (word_start > 0 && low[word_start - 1] != ' ' && low[word_start - 1] != '(')
      word_start--;
    bare = strncmp (low + word_start, "fraktion", e - word_start) == 0 && e - word_start == 8;
    if (bare)
      {
        while (low[e] == ' ')
          {
            gsize ws = e + 1, we = ws;
            gunichar c;

            while (low[we] != '\0' && low[we] != ' ' && low[we] != ',' && low[we] != ')' && low[we] != ':')
              we++;
            if (we == ws)
              break;
            c = g_utf8_get_char (text + ws);
            /* "Bündnis 90/ Die Grünen", "DIE LINKE", "Die PARTEI" */
            if (!g_unichar_isupper (c) && !g_ascii_isdigit (text[ws]))
              break;
            if ((strncmp (low + ws, "im", we - ws) == 0 && we - ws == 2)
                || bk_text_is_body_start (low + ws))
              break;
            e = we;
          }
      }
  }
  {
    g_autofree char *raw = g_strndup (text + b, e - b);
    g_autofree char *name = clean_party_item (raw, FALSE);
    g_autofree char *nlow = bk_text_lower_same_length (name);

    if (strcmp (nlow, "fraktion") == 0 || strcmp (nlow, "fraktionen") == 0 || *name == '\0'
        || strstr (nlow, "fraktionslos") != NULL || bk_text_count_words (name) > 6)
      return NULL;
    return g_steal_pointer (&name);
  }
}

/* "die SPD-Fraktion beantragt", "hiermit stellt die Fraktion X folgenden
 * Antrag": a faction as the one who acts; votes ("gegen die Stimmen der
 * X-Fraktion") do not count. */
static void
acting_faction (BkTextDoc  *doc,
                const char *text,
                int         score)
{
  g_autofree char *low = bk_text_lower_flat (text);
  const char *hit = low;

  while ((hit = strstr (hit, "fraktion")) != NULL)
    {
      gsize off = (gsize) (hit - low);
      g_autofree char *name = NULL;
      g_autofree char *before = g_strndup (low, off);

      hit += 8;
      if (strstr (before, "stimme") != NULL || strstr (before, "enthaltung") != NULL
          || g_str_has_suffix (before, "fraktionslos"))
        continue;
      name = faction_around (text, low, off);
      if (name != NULL && bk_text_is_faction_name (name))
        {
          g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);

          g_ptr_array_add (items, g_steal_pointer (&name));
          offer_items (doc, items, score);
          return;
        }
    }
}

/* "Antrag der SPD-Fraktion zur …", "Gemeinsamer Antrag von X und Y",
 * "(Antrag Die Fraktion Die LINKE)" */
static gboolean
submitter_phrase (BkTextDoc  *doc,
                  const char *text,
                  int         score)
{
  static const char *const stops[] = {
    " zur ", " zum ", " zu ", " betreffend", " betr.", " bezüglich", " auf ", " für ",
    " gemäß", " gem.", " nach ", " vom ", " im ", " in der ", " in dem ", " - ", " – ",
    ":", "(", ". ", " an ", " über ", " wegen ", " hinsichtlich ", NULL
  };
  g_autofree char *low = bk_text_lower_flat (text);
  const char *hit = NULL;
  gboolean paren = FALSE;

  for (const char *w = low; *w != '\0' && hit == NULL; w++)
    {
      gsize len = 0;
      gboolean specific = FALSE;
      const char *t;
      const char *after;

      if (w != low && bk_text_is_word_byte ((guchar) w[-1]))
        continue;
      t = bk_text_type_at (w, &len, &specific);
      if (t == NULL)
        continue;
      after = w + len;
      /* the type starts the title; in brackets it may stand anywhere */
      if (w - low <= 60 && (g_str_has_prefix (after, " der ") || g_str_has_prefix (after, " von ")
                            || g_str_has_prefix (after, " des ")))
        hit = after + 5;
      else if (w > low && w[-1] == '(' && *after == ' ')
        {
          hit = after + 1;
          paren = TRUE;
        }
    }
  if (hit == NULL)
    return FALSE;
  {
    gsize end = strlen (hit);
    g_autofree char *phrase = NULL;
    g_autoptr(GPtrArray) items = NULL;

    if (paren && strchr (hit, ')') != NULL)
      end = (gsize) (strchr (hit, ')') - hit);
    else
      for (guint i = 0; stops[i] != NULL; i++)
        {
          const char *s = strstr (hit, stops[i]);

          if (s != NULL && (gsize) (s - hit) < end)
            end = (gsize) (s - hit);
        }
    phrase = g_strndup (text + (hit - low), end);
    if (!bk_text_is_faction_name (phrase) && !bk_text_is_name (phrase))
      return FALSE;
    items = split_parties (phrase, paren);
    offer_items (doc, items, score);
    return TRUE;
  }
}

/* Letterhead: "SPD-Fraktion im Kreistag …", "Die CDU-Fraktion in der",
 * "Freie Wähler · Name · Straße 1 · 12345 Ort". */
static void
letterhead (BkTextDoc        *doc,
            const BkTextLine *l)
{
  static const char *const cuts[] = { " im ", " in ", " für ", " · ", " | ", " - ", ", ", NULL };
  const char *dot = strstr (l->text, "\xC2\xB7");   /* · */

  if (dot != NULL || strstr (l->text, " | ") != NULL)
    {
      const char *sep = dot != NULL ? dot : strstr (l->text, " | ");
      g_autofree char *first = g_strndup (l->text, (gsize) (sep - l->text));

      g_strstrip (first);
      if (bk_text_is_faction_name (first))
        bk_text_offer_submitters (doc, first, 50);
      return;
    }
  if (strstr (l->low, "fraktion") != NULL && bk_text_count_words (l->text) <= 10
      && !bk_text_ends_sentence (l->text) && strchr (l->text, ':') == NULL)
    {
      gsize len = 0;
      gboolean specific = FALSE;
      const char *lw = bk_text_skip_emphasis (l->low);
      const char *start = l->text + (lw - l->low);
      gsize end = strlen (l->text);
      g_autofree char *name = NULL;

      /* "Antrag der Fraktion …" and "Gemeinsamer Antrag …" are phrases */
      if (bk_text_type_at (lw, &len, &specific) != NULL || g_str_has_prefix (lw, "gemeinsam"))
        return;
      if (bk_text_has_prefix_word (lw, "die") || bk_text_has_prefix_word (lw, "der"))
        start += 4;
      for (guint i = 0; cuts[i] != NULL; i++)
        {
          const char *c = strstr (start, cuts[i]);

          if (c != NULL && (gsize) (c - l->text) < end)
            end = (gsize) (c - l->text);
        }
      if (g_str_has_suffix (l->text, " in der") || g_str_has_suffix (l->text, " im"))
        end = MIN (end, (gsize) (strrchr (l->text, ' ') - l->text));
      if (end <= (gsize) (start - l->text))
        return;
      name = g_strndup (start, end - (gsize) (start - l->text));
      if (bk_text_is_faction_name (name))
        bk_text_offer_submitters (doc, name, 50);
    }
}

/* "der SPD-Fraktion", "des Stadtrates Markus Feld (FDP)", "der
 * Abgeordneten A, B (Fraktion X)": the line under "Antrag" or "Kleine
 * Anfrage" that says whose it is. */
static gboolean
whose_line (BkTextDoc        *doc,
            const BkTextLine *l)
{
  g_autoptr(GPtrArray) items = NULL;
  gboolean any = FALSE;

  if (!g_str_has_prefix (l->text, "der ") && !g_str_has_prefix (l->text, "des ")
      && !g_str_has_prefix (l->text, "von "))
    return FALSE;
  if (bk_text_count_words (l->text) > 20 || bk_text_ends_sentence (l->text))
    return FALSE;
  items = split_parties (l->text, FALSE);
  for (guint i = 0; i < items->len && !any; i++)
    any = bk_text_is_faction_name (g_ptr_array_index (items, i)) || bk_text_is_name (g_ptr_array_index (items, i));
  if (!any)
    return FALSE;
  offer_items (doc, items, 65);
  return TRUE;
}

/* "Der Bürgermeister", "Die Landrätin", "Der Magistrat": an administration's
 * paper says who brings it in its letterhead. */
static gboolean
administration_line (BkTextDoc        *doc,
                     const BkTextLine *l)
{
  static const char *const heads[] = {
    "der bürgermeister", "die bürgermeisterin", "der oberbürgermeister", "die oberbürgermeisterin",
    "der landrat", "die landrätin", "der magistrat", "der gemeindevorstand", "der kreisausschuss",
    "der stadtvorstand", "das bezirksamt", "der senat", "der verbandsvorsteher",
    "die verbandsvorsteherin", NULL
  };
  g_autofree char *s = bk_text_strip_chars (l->low, " .:*_");

  for (guint i = 0; heads[i] != NULL; i++)
    if (g_str_has_prefix (s, heads[i]) && bk_text_count_words (s) <= bk_text_count_words (heads[i]) + 2)
      {
        bk_text_offer (&doc->submitters, l->text, 45);
        return TRUE;
      }
  return FALSE;
}

void
bk_text_submitters_from_header (BkTextDoc        *doc,
                                const BkTextLine *l,
                                const char       *paragraph)
{
  if (paragraph != NULL)
    submitter_phrase (doc, paragraph, 70);
  if (l != NULL)
    {
      if (!submitter_phrase (doc, l->text, 70) && !whose_line (doc, l) && !administration_line (doc, l))
        letterhead (doc, l);
    }
}

void
bk_text_submitters_from_text (BkTextDoc  *doc,
                              const char *text)
{
  if (!submitter_phrase (doc, text, 70))
    acting_faction (doc, text, 60);
}

/* ------------------------------------------------------------------ */
/* signatures                                                          */

static void
add_signatory (BkTextDoc  *doc,
               const char *name_in,
               const char *role_in)
{
  static const char *const suffixes[] = { " MdL", " MdB", " MdEP", " MdA", " KTA", NULL };
  g_autofree char *name = g_strdup (name_in);
  g_autofree char *role = g_strdup (role_in);
  BkParty *p;

  for (guint i = 0; suffixes[i] != NULL; i++)
    if (g_str_has_suffix (name, suffixes[i]))
      {
        name[strlen (name) - strlen (suffixes[i])] = '\0';
        if (role == NULL)
          role = g_strdup (suffixes[i] + 1);
        break;
      }
  for (guint i = 0; i < doc->m->signatories->len; i++)
    if (strcmp (((BkParty *) g_ptr_array_index (doc->m->signatories, i))->name, name) == 0)
      return;
  p = bk_motion_add_signatory (doc->m, name, BK_PARTY_PERSON);
  /* "Waßmuth, CDU": a party is whom they sign for, not their role */
  if (role != NULL && bk_text_is_faction_name (role) && !bk_text_is_role_text (role))
    g_ptr_array_add (doc->closing_factions, g_steal_pointer (&role));
  else if (role != NULL && bk_text_is_role_text (role))
    p->role = g_steal_pointer (&role);
}

static void
signature_piece (BkTextDoc   *doc,
                 const char  *text,
                 BkParty    **cur)
{
  g_autofree char *name = NULL;
  g_autofree char *role = NULL;
  g_autofree char *role_line = NULL;
  const char *t = bk_text_strip_signed (text);
  g_autofree char *low = bk_text_lower_same_length (t);

  if (t != text)
    *cur = NULL;
  if (*t == '\0')
    return;
  if (g_str_has_prefix (low, "für die ") || g_str_has_prefix (low, "für den "))
    {
      g_autofree char *f = g_strdup (t + strlen ("für die "));
      g_autofree char *flow = bk_text_lower_same_length (f);
      char *last = strrchr (f, ' ');

      /* "Für die SPD Fraktion Fraktionsvorsitzender": a role run on */
      if (last != NULL && bk_text_is_role_text (last + 1) && strstr (flow + (last - f), "fraktion ") == NULL
          && !bk_text_is_faction_name (last + 1))
        *last = '\0';
      g_ptr_array_add (doc->closing_factions, g_steal_pointer (&f));
      return;
    }
  if (bk_text_split_name_role (t, TRUE, &name, &role))
    {
      /* "Jana Pohl, Dirk Albers": two signers, not a name and a role */
      if (role != NULL && bk_text_is_name (role) && !bk_text_is_role_text (role))
        {
          add_signatory (doc, name, NULL);
          add_signatory (doc, role, NULL);
          *cur = NULL;
          return;
        }
      add_signatory (doc, name, role);
      *cur = g_ptr_array_index (doc->m->signatories, doc->m->signatories->len - 1);
      if (strcmp ((*cur)->name, name) != 0)
        *cur = NULL;
      return;
    }
  if ((role_line = bk_text_role_line (t)) != NULL && *cur != NULL && (*cur)->role == NULL)
    {
      (*cur)->role = g_steal_pointer (&role_line);
      return;
    }
  if (bk_text_is_faction_text (t))
    g_ptr_array_add (doc->closing_factions, g_strdup (t));
  /* "Seniorenbeirat Lindental", "und Fraktion der SPD": on whose behalf */
  else if (bk_text_is_organization_name (t))
    g_ptr_array_add (doc->closing_factions, g_strdup (t));
}

void
bk_text_parse_signatures (BkTextDoc *doc,
                          GPtrArray *lines)
{
  BkParty *cur = NULL;

  for (guint i = 0; i < lines->len; i++)
    {
      const BkTextLine *l = g_ptr_array_index (lines, i);
      const char *gez;
      const char *t;

      if (l->removed || l->noise)
        continue;
      if (l->blank)
        {
          cur = NULL;
          continue;
        }
      /* "Anna Roth     Felix Baum": two signers side by side */
      if (l->n_cells > 1)
        {
          for (guint c = 0; c < l->n_cells; c++)
            if (*l->cells[c] != '\0')
              signature_piece (doc, l->cells[c], &cur);
          continue;
        }
      t = l->text;
      /* several signers on one line, each after "gez." */
      while ((gez = strstr (t, " gez. ")) != NULL || (gez = strstr (t, " gez ")) != NULL)
        {
          g_autofree char *left = g_strndup (t, (gsize) (gez - t));

          signature_piece (doc, left, &cur);
          cur = NULL;
          t = gez + 1;
        }
      signature_piece (doc, t, &cur);
    }
}

guint
bk_text_trailing_signatures (BkTextDoc *doc,
                             GPtrArray *lines)
{
  guint end = lines->len, cut = lines->len, names = 0;

  while (end > 0)
    {
      const BkTextLine *l = g_ptr_array_index (lines, end - 1);
      g_autofree char *name = NULL;
      g_autofree char *role = NULL;

      if (l->blank || l->removed || l->noise)
        {
          end--;
          continue;
        }
      if (!bk_text_is_signature_line (l) || strlen (l->text) > 120)
        break;
      if (bk_text_split_name_role (bk_text_strip_signed (l->text), TRUE, &name, &role))
        names++;
      end--;
      cut = end;
    }
  /* at least one name, and never the whole text */
  if (names == 0 || cut == 0)
    return 0;
  {
    g_autoptr(GPtrArray) sig = g_ptr_array_new ();
    guint taken = lines->len - cut;

    for (guint i = cut; i < lines->len; i++)
      g_ptr_array_add (sig, g_ptr_array_index (lines, i));
    g_ptr_array_set_size (lines, cut);
    bk_text_parse_signatures (doc, sig);
    return taken;
  }
}

/* ------------------------------------------------------------------ */
/* finishing                                                           */

static BkPartyKind
party_kind (BkTextDoc  *doc,
            const char *name)
{
  if (bk_text_is_faction_name (name))
    return BK_PARTY_FACTION;
  if (bk_text_is_name (name))
    return BK_PARTY_PERSON;
  /* "Wendt" among the signatories is a person */
  for (guint i = 0; i < doc->m->signatories->len; i++)
    if (strcmp (((BkParty *) g_ptr_array_index (doc->m->signatories, i))->name, name) == 0)
      return BK_PARTY_PERSON;
  return BK_PARTY_ORGANIZATION;
}

void
bk_text_finish_parties (BkTextDoc *doc)
{
  const char *best = bk_text_slot_best (&doc->submitters, NULL);

  if (best == NULL && doc->closing_factions->len > 0)
    {
      g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);

      for (guint i = 0; i < doc->closing_factions->len; i++)
        {
          g_autofree char *raw = g_strdup (g_ptr_array_index (doc->closing_factions, i));
          g_autofree char *c = NULL;
          gboolean dup = FALSE;

          /* "und Fraktion der SPD" */
          if (g_str_has_prefix (raw, "und "))
            memmove (raw, raw + 4, strlen (raw + 4) + 1);
          c = clean_party_item (raw, FALSE);

          for (guint k = 0; k < items->len && !dup; k++)
            dup = g_ascii_strcasecmp (g_ptr_array_index (items, k), c) == 0;
          if (!dup && *c != '\0')
            g_ptr_array_add (items, g_steal_pointer (&c));
        }
      offer_items (doc, items, 30);
      best = bk_text_slot_best (&doc->submitters, NULL);
    }
  /* a letter nobody else is named in is submitted by who signs it */
  if (best == NULL && doc->m->signatories->len > 0)
    {
      g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);

      for (guint i = 0; i < doc->m->signatories->len; i++)
        g_ptr_array_add (items, g_strdup (((BkParty *) g_ptr_array_index (doc->m->signatories, i))->name));
      offer_items (doc, items, 20);
      best = bk_text_slot_best (&doc->submitters, NULL);
    }
  if (best != NULL)
    {
      g_auto(GStrv) names = g_strsplit (best, BK_TEXT_LIST_SEP, -1);

      for (guint i = 0; names[i] != NULL; i++)
        {
          bk_motion_add_submitter (doc->m, names[i], party_kind (doc, names[i]));
        }
    }
  for (guint i = 0; i < doc->m->signatories->len; i++)
    {
      BkParty *p = g_ptr_array_index (doc->m->signatories, i);
      const char *role = g_hash_table_lookup (doc->letterhead_roles, p->name);

      if (p->role == NULL && role != NULL)
        p->role = g_strdup (role);
    }
}

/* "Sehr geehrter Herr Oberbürgermeister Keck," → "Herr Oberbürgermeister Keck" */
void
bk_text_addressee_from_salutation (BkTextDoc *doc)
{
  const char *s = doc->salutation;
  const char *h;

  if (s == NULL || strstr (s, "Damen und Herren") != NULL)
    return;
  h = strstr (s, "Frau ");
  if (h == NULL)
    h = strstr (s, "Herr ");
  if (h != NULL)
    {
      const char *e = strchr (h, ',');
      g_autofree char *a = e != NULL ? g_strndup (h, (gsize) (e - h)) : g_strdup (h);

      bk_text_offer (&doc->addressee, a, 50);
    }
}
