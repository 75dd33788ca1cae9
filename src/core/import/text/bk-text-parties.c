/* Plain-text motion parser: submitters, signatories and their roles. */

#include <string.h>

#include "bk-text-parser-private.h"

/* ------------------------------------------------------------------ */
/* parties                                                             */

static const char *const role_words[] = {
  "vorsitz", "geschäftsführ", "sprecher", "kreisrat", "kreisrät", "stadtrat",
  "stadträt", "gemeinderat", "gemeinderät", "ratsmitglied", "ratsfrau", "ratsherr",
  "mitglied", "abgeordnet", "stellv", "obmann", "obfrau", "bezirksvertreter",
  "beisitzer", "schatzmeister", "referent", "bürgermeister", "sachkundige",
  "ortsvorsteher", "fraktionsführer", "kta", "mdl", "mdb", NULL
};

gboolean
bk_text_is_role_text (const char *text)
{
  g_autofree char *low = bk_text_lower_same_length (text);

  if (strlen (text) > 80 || bk_text_count_words (text) > 6 || bk_text_ends_sentence (text))
    return FALSE;
  for (guint i = 0; role_words[i] != NULL; i++)
    if (strstr (low, role_words[i]) != NULL)
      return TRUE;
  return FALSE;
}

static gboolean
is_faction_text (const char *text)
{
  return strlen (text) <= 100 && bk_text_count_words (text) <= 10 && !bk_text_ends_sentence (text)
         && bk_text_is_faction_name (text);
}

/* Splits "Name, Rolle" / "Name - Rolle" / "Name (CDU)"; returns TRUE with a
 * person name when the left part is one. */
gboolean
bk_text_split_name_role (const char *text, char **name, char **role)
{
  static const char *const seps[] = { " - ", " – ", ", ", " (", NULL };

  if (bk_text_is_person_name (text))
    {
      *name = g_strdup (text);
      *role = NULL;
      return TRUE;
    }
  for (guint i = 0; seps[i] != NULL; i++)
    {
      const char *s = strstr (text, seps[i]);

      if (s != NULL)
        {
          g_autofree char *left = g_strndup (text, (gsize) (s - text));

          if (bk_text_is_person_name (left))
            {
              *name = g_steal_pointer (&left);
              *role = bk_text_strip_chars (s + strlen (seps[i]), " ()");
              if (**role == '\0')
                g_clear_pointer (role, g_free);
              return TRUE;
            }
        }
    }
  return FALSE;
}

static BkPartyKind
party_kind (const char *name)
{
  if (bk_text_is_faction_name (name))
    return BK_PARTY_FACTION;
  if (bk_text_is_person_name (name))
    return BK_PARTY_PERSON;
  return BK_PARTY_ORGANIZATION;
}

static const char *const person_prefixes[] = {
  "KTA ", "Kreistagsabgeordneten ", "Kreistagsabgeordnete ", "Kreistagsabgeordneter ",
  "Kreisrat ", "Kreisrätin ", "Kreisrates ", "Stadtrat ", "Stadträtin ",
  "Stadtrates ", "Ratsmitglied ", "Ratsmitglieds ", "Ratsherr ", "Ratsherrn ",
  "Ratsfrau ", "Gemeinderat ", "Gemeinderätin ", "Herrn ", "Frau ", NULL
};

static char *
clean_party_item (const char *item)
{
  g_autofree char *s = bk_text_strip_chars (item, " .,;:*_");
  static const char *const articles[] = { "der ", "die ", "den ", "des ", "von ", "vom ", NULL };
  gboolean again = TRUE;
  char *p = s;

  while (again)
    {
      again = FALSE;
      for (guint i = 0; articles[i] != NULL; i++)
        if (g_ascii_strncasecmp (p, articles[i], strlen (articles[i])) == 0)
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
    if (g_str_has_prefix (p, person_prefixes[i]))
      {
        const char *r = p + strlen (person_prefixes[i]);

        if (bk_text_is_person_name (r))
          {
            p += strlen (person_prefixes[i]);
            break;
          }
      }
  return g_strdup (p);
}

static GPtrArray *
split_parties (const char *value)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *v = bk_text_strip_chars (value, " .:*_");
  const char *p, *start;

  /* "Fraktionen von CDU und FDP": the items are the parties */
  if (g_str_has_prefix (v, "Fraktionen "))
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
          char *item = clean_party_item (raw);

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
          char *merged = g_strconcat (a, dash + 1, NULL);

          g_free (a);
          out->pdata[i] = merged;
        }
    }
  return out;
}

void
bk_text_offer_submitters (Parser *ps, const char *value, int prio)
{
  g_autoptr(GPtrArray) items = NULL;

  if (prio >= ps->submitters_prio)
    return;
  items = split_parties (value);
  if (items->len == 0)
    return;
  g_ptr_array_unref (ps->submitters);
  ps->submitters = g_steal_pointer (&items);
  ps->submitters_prio = prio;
}

/* ------------------------------------------------------------------ */
/* signatures                                                          */

static const char *
strip_gez (const char *text)
{
  g_autofree char *low = bk_text_lower_same_length (text);
  const char *p = low;

  if (g_str_has_prefix (p, "gezeichnet"))
    p += strlen ("gezeichnet");
  else if (bk_text_has_prefix_word (p, "gez"))
    p += 3;
  else
    return text;
  while (*p == '.' || *p == ':' || *p == ' ')
    p++;
  return text + (p - low);
}

static gboolean
is_signature_filler (const char *low)
{
  static const char *const fillers[] = {
    "ihre", "ihr", "eure", "euer", "i.a.", "i. a.", "i.v.", "i. v.", "für", NULL
  };

  for (guint i = 0; fillers[i] != NULL; i++)
    if (strcmp (low, fillers[i]) == 0)
      return TRUE;
  return FALSE;
}

gboolean
bk_text_is_signature_line (const Line *l)
{
  const char *t = strip_gez (l->text);
  g_autofree char *name = NULL;
  g_autofree char *role = NULL;

  if (*t == '\0' || is_signature_filler (l->low))
    return TRUE;
  if (bk_text_split_name_role (t, &name, &role))
    return TRUE;
  if (bk_text_is_role_text (t) || is_faction_text (t))
    return TRUE;
  if ((g_str_has_prefix (l->low, "für die ") || g_str_has_prefix (l->low, "für den "))
      && !bk_text_ends_sentence (l->text) && bk_text_count_words (l->text) <= 8)
    return TRUE;
  return FALSE;
}

static void
add_signatory (Parser *ps, const char *name_in, const char *role_in)
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
  p = bk_motion_add_signatory (ps->m, name, BK_PARTY_PERSON);
  if (role != NULL && bk_text_is_role_text (role))
    p->role = g_steal_pointer (&role);
}

void
bk_text_parse_signatures (Parser *ps, GPtrArray *lines)
{
  BkParty *cur = NULL;

  for (guint i = 0; i < lines->len; i++)
    {
      const Line *l = g_ptr_array_index (lines, i);
      const char *t;
      g_autofree char *name = NULL;
      g_autofree char *role = NULL;

      if (l->blank)
        {
          cur = NULL;
          continue;
        }
      t = strip_gez (l->text);
      if (t != l->text)
        cur = NULL;
      if (*t == '\0' || is_signature_filler (l->low))
        continue;
      if (g_str_has_prefix (l->low, "für die ") || g_str_has_prefix (l->low, "für den "))
        {
          g_ptr_array_add (ps->closing_factions, g_strdup (l->text + strlen ("für die ")));
          continue;
        }
      if (bk_text_split_name_role (t, &name, &role))
        {
          add_signatory (ps, name, role);
          cur = g_ptr_array_index (ps->m->signatories, ps->m->signatories->len - 1);
          continue;
        }
      if (bk_text_is_role_text (t) && cur != NULL && cur->role == NULL)
        {
          cur->role = g_strdup (t);
          continue;
        }
      if (is_faction_text (t))
        g_ptr_array_add (ps->closing_factions, g_strdup (t));
    }
}

/* Motions exported without "Mit freundlichen Grüßen" still end with the
 * signers' names: take trailing short paragraphs of names off the text. */
void
bk_text_trailing_signatures (Parser *ps, GPtrArray *lines)
{
  guint end = lines->len, cut = lines->len;

  while (end > 0)
    {
      guint start, names = 0;
      gboolean ok = TRUE;

      while (end > 0 && ((Line *) g_ptr_array_index (lines, end - 1))->blank)
        end--;
      if (end == 0)
        break;
      start = end;
      while (start > 0 && !((Line *) g_ptr_array_index (lines, start - 1))->blank)
        start--;
      if (end - start > 4 || start == 0)
        break;
      for (guint i = start; i < end && ok; i++)
        {
          const Line *l = g_ptr_array_index (lines, i);
          g_autofree char *name = NULL;
          g_autofree char *role = NULL;

          if (bk_text_split_name_role (strip_gez (l->text), &name, &role))
            names++;
          else if (!bk_text_is_role_text (l->text) && !is_faction_text (l->text))
            ok = FALSE;
        }
      if (!ok || names == 0)
        break;
      cut = start;
      end = start;
    }
  if (cut < lines->len)
    {
      g_autoptr(GPtrArray) sig = g_ptr_array_new ();

      for (guint i = cut; i < lines->len; i++)
        g_ptr_array_add (sig, g_ptr_array_index (lines, i));
      g_ptr_array_set_size (lines, cut);
      bk_text_parse_signatures (ps, sig);
    }
}

void
bk_text_finish_parties (Parser *ps)
{
  if (ps->submitters->len == 0 && ps->closing_factions->len > 0)
    {
      for (guint i = 0; i < ps->closing_factions->len; i++)
        {
          g_autofree char *c = clean_party_item (g_ptr_array_index (ps->closing_factions, i));
          gboolean dup = FALSE;

          for (guint k = 0; k < ps->submitters->len && !dup; k++)
            dup = g_ascii_strcasecmp (g_ptr_array_index (ps->submitters, k), c) == 0;
          if (!dup && *c != '\0')
            g_ptr_array_add (ps->submitters, g_steal_pointer (&c));
        }
    }
  for (guint i = 0; i < ps->submitters->len; i++)
    {
      const char *name = g_ptr_array_index (ps->submitters, i);

      bk_motion_add_submitter (ps->m, name, party_kind (name));
    }
  for (guint i = 0; i < ps->m->signatories->len; i++)
    {
      BkParty *p = g_ptr_array_index (ps->m->signatories, i);
      const char *role = g_hash_table_lookup (ps->letterhead_roles, p->name);

      if (p->role == NULL && role != NULL)
        p->role = g_strdup (role);
    }
}
