/* Plain-text motion parser: the header section, i.e. labelled fields,
 * letterhead, addressee, subject, body, date and consultation tables. */

#include <string.h>

#include "bk-text-parser-private.h"

/* ------------------------------------------------------------------ */
/* header                                                              */

gboolean
bk_text_is_body_start (const char *low)
{
  static const char *const bodies[] = {
    "kreistag", "rat der", "rat des", "stadtrat", "gemeinderat", "landschaftsversammlung",
    "stadtverordnetenversammlung", "gemeindevertretung", "bezirksvertretung",
    "bezirksversammlung", "bezirkstag", "ortschaftsrat", "ortsbeirat", "samtgemeinderat",
    "marktgemeinderat", "verbandsversammlung", "regionalversammlung", "bürgerschaft",
    "ortsgemeinderat", "stadtbezirksrat", "bezirksrat", NULL
  };

  for (guint i = 0; bodies[i] != NULL; i++)
    if (bk_text_has_prefix_word (low, bodies[i]))
      return TRUE;
  return FALSE;
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
  return strstr (low, "straße") != NULL || strstr (low, "str.") != NULL
         || bk_text_is_faction_name (low);
}

/* "Frau Landrätin", "An den Landrat des Kreises …", "Herrn" */
static const char *
addressee_start (const Line *l)
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
        gunichar c = g_utf8_get_char (r);

        if (!g_unichar_isupper (c))
          return NULL;
        if (g_str_has_prefix (lw, "an "))
          return r;
        return l->text;
      }
  return NULL;
}

static void
handle_checkboxes (Parser *ps, const Line *l)
{
  const char *p = l->text;

  while ((p = strstr (p, CHECKED)) != NULL)
    {
      const char *s = p + strlen (CHECKED);
      const char *e = strstr (s, UNCHECKED);
      const char *e2 = strstr (s, CHECKED);
      g_autofree char *label = NULL;
      g_autofree char *low = NULL;
      BkTristate pub;

      if (e == NULL || (e2 != NULL && e2 < e))
        e = e2;
      label = e != NULL ? g_strndup (s, (gsize) (e - s)) : g_strdup (s);
      g_strstrip (label);
      low = bk_text_lower_same_length (label);
      if (bk_text_flag_value (label, &pub))
        ps->is_public = pub;
      else if (*label != '\0')
        {
          gboolean plain = FALSE;
          const char *t = bk_text_find_type (low, &plain);

          bk_text_offer (&ps->type, &ps->type_prio, t != NULL ? t : label, 0);
        }
      p = s;
    }
}

/* "Heinsberg, den 28.07.2020", "den 8.3.21", a line with only a date */
gboolean
bk_text_letter_date (Parser *ps, const Line *l)
{
  gsize s = 0, e = 0;
  g_autofree char *iso = bk_text_find_date (l->text, &s, &e);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  if (iso == NULL)
    return FALSE;
  {
    g_autofree char *head = g_strndup (l->text, s);

    before = bk_text_strip_chars (head, " ,");
  }
  after = bk_text_strip_chars (l->text + e, " .,");
  if (*after != '\0' && !g_str_has_prefix (after, "Uhr"))
    return FALSE;
  if (*before == '\0')
    {
      bk_text_offer (&ps->date, &ps->date_prio, iso, 2);
      return TRUE;
    }
  if (g_str_has_suffix (before, " den") || strcmp (before, "den") == 0
      || (strchr (l->text, ',') != NULL && bk_text_count_words (before) <= 4
          && g_unichar_isupper (g_utf8_get_char (before)) && !strchr (before, ':')))
    {
      bk_text_offer (&ps->date, &ps->date_prio, iso, 1);
      return TRUE;
    }
  return FALSE;
}

/* "Musterstadt, den 3.2.25" closing a letter: a date, not justification. */
void
bk_text_trailing_date_line (Parser *ps, GPtrArray *lines)
{
  guint end = lines->len;

  while (end > 0 && ((Line *) g_ptr_array_index (lines, end - 1))->blank)
    end--;
  if (end > 1 && !((Line *) g_ptr_array_index (lines, end - 2))->blank)
    return;
  if (end > 0 && strlen (((Line *) g_ptr_array_index (lines, end - 1))->text) < 60
      && bk_text_letter_date (ps, g_ptr_array_index (lines, end - 1)))
    g_ptr_array_set_size (lines, end - 1);
}

/* Letterhead: "Die SPD-Fraktion in der", "CDU-Kreistagsfraktion",
 * "Freie Wähler · Name · Straße 1 · 12345 Ort". */
static void
letterhead (Parser *ps, const Line *l)
{
  static const char *const cuts[] = { " im ", " in ", " für ", " · ", " | ", " - ", ", ", NULL };
  const char *dot = strstr (l->text, "\xC2\xB7");   /* · */

  if (dot != NULL || strstr (l->text, " | ") != NULL)
    {
      /* a sender line above the address window */
      const char *sep = dot != NULL ? dot : strstr (l->text, " | ");
      g_autofree char *first = g_strndup (l->text, (gsize) (sep - l->text));

      g_strstrip (first);
      if (bk_text_is_faction_name (first) || bk_text_is_person_name (first))
        bk_text_offer_submitters (ps, first, bk_text_is_faction_name (first) ? 2 : 3);
      return;
    }
  if (strstr (l->low, "fraktion") != NULL && bk_text_count_words (l->text) <= 10
      && !bk_text_ends_sentence (l->text)
      && !g_str_has_prefix (l->low, "antrag") && !g_str_has_prefix (l->low, "anfrage")
      && !g_str_has_prefix (l->low, "gemeinsam"))
    {
      g_autofree char *name = NULL;
      const char *start = l->text;
      gsize end = strlen (l->text);

      if (bk_text_has_prefix_word (l->low, "die") || bk_text_has_prefix_word (l->low, "der"))
        start += 4;
      for (guint i = 0; cuts[i] != NULL; i++)
        {
          const char *c = strstr (start, cuts[i]);

          if (c != NULL && (gsize) (c - l->text) < end)
            end = (gsize) (c - l->text);
        }
      if (g_str_has_suffix (l->text, " in der") || g_str_has_suffix (l->text, " im"))
        end = MIN (end, (gsize) (strrchr (l->text, ' ') - l->text));
      name = g_strndup (start, end - (gsize) (start - l->text));
      bk_text_offer_submitters (ps, name, 2);
    }
}

/* "Antrag der SPD-Fraktion zur …", "Gemeinsamer Antrag von X und Y" */
static void
submitter_phrase (Parser *ps, const Line *l)
{
  static const char *const stops[] = {
    " zur ", " zum ", " zu ", " betreffend", " betr.", " bezüglich", " auf ", " für ",
    " gemäß", " gem.", " nach ", " vom ", " im ", " in der ", " in dem ", " - ", " – ",
    ":", "(", ". ", " an ", " über ", NULL
  };
  const char *lw = bk_text_skip_emphasis (l->low);
  const char *hit = NULL;
  const char *w;

  for (w = lw; *w != '\0' && hit == NULL; w++)
    {
      if (w != lw && bk_text_is_word_byte ((guchar) w[-1]))
        continue;
      /* skip one or two leading words such as "Gemeinsamer", "Interfraktioneller" */
      if (w - lw > 30)
        break;
      for (const char *p = w; *p != '\0' && *p != ' '; p++)
        {
          if ((g_str_has_prefix (p, "antrag ") || g_str_has_prefix (p, "anfrage "))
              && (g_str_has_prefix (strchr (p, ' '), " der ")
                  || g_str_has_prefix (strchr (p, ' '), " von ")
                  || g_str_has_prefix (strchr (p, ' '), " des ")))
            {
              hit = strchr (p, ' ') + 5;
              break;
            }
        }
    }
  if (hit == NULL)
    return;
  {
    gsize end = strlen (hit);
    g_autofree char *phrase = NULL;

    for (guint i = 0; stops[i] != NULL; i++)
      {
        const char *s = strstr (hit, stops[i]);

        if (s != NULL && (gsize) (s - hit) < end)
          end = (gsize) (s - hit);
      }
    phrase = g_strndup (l->text + (hit - l->low), end);
    bk_text_offer_submitters (ps, phrase, 1);
  }
}

static gboolean
is_subject_phrase (const char *lw)
{
  static const char *const preps[] = {
    "zur ", "zum ", "zu ", "auf ", "betreffend ", "betr. ", "über ", "für ", "bezüglich ",
    "wegen ", "hinsichtlich ", NULL
  };
  const char *sp;

  /* first word is a type word: "Antrag", "Sachantrag", "Anfrage" … */
  sp = strchr (lw, ' ');
  if (sp == NULL)
    return FALSE;
  {
    g_autofree char *w = g_strndup (lw, (gsize) (sp - lw));

    if (!g_str_has_suffix (w, "antrag") && !g_str_has_suffix (w, "anfrage"))
      return FALSE;
  }
  for (guint i = 0; preps[i] != NULL; i++)
    if (g_str_has_prefix (sp + 1, preps[i]))
      return TRUE;
  /* "Antrag der SPD-Fraktion zur Sanierung …" */
  if (g_str_has_prefix (sp + 1, "der ") || g_str_has_prefix (sp + 1, "von ")
      || g_str_has_prefix (sp + 1, "des "))
    for (guint i = 0; preps[i] != NULL; i++)
      {
        g_autofree char *needle = g_strconcat (" ", preps[i], NULL);

        if (strstr (sp, needle) != NULL && bk_text_count_words (lw) <= 30 && !g_str_has_suffix (lw, ":"))
          return TRUE;
      }
  return FALSE;
}

/* The end of a body name starting at b in a paragraph whose lines are
 * separated by '\n' (low is the lowered paragraph with the same offsets):
 * the name may wrap ("in der\nLandschaftsversammlung\nRheinland") but stops
 * at a field label, an address line, a "·" or a comma.  Returns the end
 * offset. */
static gsize
body_name_end (const char *low, gsize b)
{
  gsize e = b, words = 0;

  while (TRUE)
    {
      const char *nl = strchr (low + e, '\n');
      gsize seg_end = nl != NULL ? (gsize) (nl - low) : strlen (low);
      g_autofree char *seg = g_strndup (low + e, seg_end - e);
      const char *stop;
      gsize off = 0, cut;
      gboolean colon = FALSE;

      if (e > b)
        {
          /* a continuation line: only plain words, no field, no address */
          if (*seg == '\0' || is_address_line (seg) || strchr (seg, ':') != NULL
              || (bk_text_match_label_low (seg, &off, &colon) != LBL_NONE && colon))
            return e > b ? e - 1 : e;
        }
      cut = strlen (seg);
      if ((stop = strstr (seg, " \xC2\xB7")) != NULL)
        cut = MIN (cut, (gsize) (stop - seg));
      if ((stop = strchr (seg, ',')) != NULL)
        cut = MIN (cut, (gsize) (stop - seg));
      words += bk_text_count_words (seg);
      if (cut < strlen (seg) || nl == NULL || words > 8)
        return e + cut;
      e = seg_end + 1;
    }
}

static void
header_paragraph_done (Parser *ps, GString *para)
{
  g_autofree char *low = NULL;
  const char *f;

  if (para->len == 0)
    return;
  low = bk_text_lower_same_length (para->str);
  for (char *c = low; *c != '\0'; c++)
    if (*c == '\n')
      *c = ' ';
  /* "Die SPD-Fraktion in der Landschaftsversammlung Rheinland" */
  f = strstr (low, "fraktion");
  if (f != NULL)
    {
      static const char *const preps[] = { " im ", " in der ", " in dem ", NULL };

      for (guint i = 0; preps[i] != NULL; i++)
        {
          const char *p = strstr (f, preps[i]);

          if (p != NULL)
            {
              const char *b = p + strlen (preps[i]);
              gsize bo = (gsize) (b - low), e;
              g_autofree char *body = NULL;
              g_autofree char *nlow = NULL;

              if (!bk_text_is_body_start (b))
                continue;
              /* segment boundaries are in the original paragraph */
              nlow = bk_text_lower_same_length (para->str);
              e = body_name_end (nlow, bo);
              body = g_strndup (para->str + bo, e - bo);
              for (char *c = body; *c != '\0'; c++)
                if (*c == '\n')
                  *c = ' ';
              g_strstrip (body);
              if (*body != '\0' && bk_text_count_words (body) <= 8)
                bk_text_offer_body (&ps->body, &ps->body_prio, body, 1);
              break;
            }
        }
    }
  g_string_truncate (para, 0);
}

void
bk_text_complete_body_with_place (Parser *ps)
{
  g_autofree char *low = NULL;
  guint seen = 0;

  if (ps->body == NULL || strchr (ps->body, ' ') != NULL)
    return;
  low = g_utf8_strdown (ps->body, -1);
  if (!bk_text_is_body_start (low))
    return;
  for (guint i = 0; i < ps->sec[SEC_HEADER]->len && seen < 6; i++)
    {
      const Line *l = g_ptr_array_index (ps->sec[SEC_HEADER], i);
      g_autofree char *place = NULL;

      if (l->blank || l->removed)
        continue;
      seen++;
      place = bk_text_compose_body (ps->body, l->text);
      if (strcmp (place, ps->body) != 0)
        {
          g_free (ps->body);
          ps->body = g_steal_pointer (&place);
          return;
        }
    }
}

/* "Landkreis Beispielkreis – Kreistag", "Stadt Auenbach | Stadtrat": a
 * letterhead naming the authority and, after the dash, the assembly. */
static gboolean
letterhead_body (Parser *ps, const char *lw, const char *lt)
{
  static const char *const dashes[] = { " – ", " - ", " — ", " | ", NULL };

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
          && bk_text_count_words (lw) - bk_text_count_words (a) <= 5
          && strstr (a, dashes[i]) == NULL)
        {
          bk_text_offer_body (&ps->body, &ps->body_prio, lt + (a - lw), 2);
          return TRUE;
        }
    }
  return FALSE;
}

void
bk_text_parse_header (Parser *ps, GPtrArray *lines)
{
  enum { CAP_NONE, CAP_SUBJECT, CAP_SUBMITTERS, CAP_ADDRESSEE } cap = CAP_NONE;
  g_autoptr(GString) capture = g_string_new (NULL);
  g_autoptr(GString) para = g_string_new (NULL);
  Column map[MAX_COLUMNS] = { 0 };
  gboolean have_map = FALSE, consult_mode = FALSE;
  guint consult_rows = 0, addr_lines = 0;

  for (guint i = 0; i <= lines->len; i++)
    {
      const Line *l = i < lines->len ? g_ptr_array_index (lines, i) : NULL;
      gboolean consumed = FALSE;

      if (l == NULL || l->blank)
        {
          if (cap == CAP_SUBJECT && capture->len > 0)
            {
              g_autofree char *low = bk_text_lower_same_length (capture->str);

              bk_text_offer (&ps->subject, &ps->subject_prio, capture->str, 0);
              bk_text_offer_type_from (ps, low, 2, 3);
              cap = CAP_NONE;
            }
          if (cap == CAP_ADDRESSEE && capture->len > 0)
            {
              bk_text_offer (&ps->addressee, &ps->addressee_prio, capture->str, 0);
              cap = CAP_NONE;
            }
          if (consult_mode && consult_rows > 0)
            {
              consult_mode = FALSE;
              have_map = FALSE;
            }
          header_paragraph_done (ps, para);
          continue;
        }
      /* lines and cells are kept apart by '\n' so that a body name found
       * in the paragraph does not run on into the next field or address */
      for (guint c = 0; c < l->n_cells; c++)
        {
          if (*l->cells[c] == '\0')
            continue;
          if (para->len > 0)
            g_string_append_c (para, '\n');
          g_string_append (para, l->cells[c]);
        }

      if (cap == CAP_SUBJECT)
        {
          const char *v;
          gboolean colon;

          if (bk_text_match_label (l->cells[0], &v, &colon) == LBL_NONE || !colon)
            {
              bk_text_join_text (capture, l->text);
              continue;
            }
          bk_text_offer (&ps->subject, &ps->subject_prio, capture->str, 0);
          cap = CAP_NONE;
        }
      if (cap == CAP_ADDRESSEE)
        {
          if (is_address_line (l->low) || addr_lines >= 3)
            {
              bk_text_offer (&ps->addressee, &ps->addressee_prio, capture->str, 0);
              cap = CAP_NONE;
              continue;
            }
          bk_text_join_text (capture, l->text);
          addr_lines++;
          continue;
        }
      if (cap == CAP_SUBMITTERS)
        {
          bk_text_offer_submitters (ps, l->text, 0);
          cap = CAP_NONE;
          continue;
        }

      if (strstr (l->text, CHECKED) != NULL || strstr (l->text, UNCHECKED) != NULL)
        {
          handle_checkboxes (ps, l);
          continue;
        }
      if (bk_text_parse_consult_header (l, map))
        {
          have_map = TRUE;
          consult_mode = TRUE;
          consult_rows = 0;
          continue;
        }
      if (g_str_has_prefix (bk_text_skip_emphasis (l->low), "beratungsfolge"))
        {
          consult_mode = TRUE;
          consult_rows = 0;
          bk_text_scan_abbreviated_consultations (ps, l);
          continue;
        }
      if ((l->n_cells >= 2 && bk_text_try_consultation_cells (ps, l, have_map ? map : NULL, consult_mode))
          || (l->n_cells == 1 && consult_mode && bk_text_try_consultation_line (ps, l)))
        {
          consult_rows++;
          continue;
        }

      /* labelled cells */
      for (guint c = 0; c < l->n_cells; c++)
        {
          const char *v = NULL;
          gboolean colon = FALSE;
          LabelKind k = bk_text_match_label (l->cells[c], &v, &colon);
          g_autofree char *iso = NULL;

          switch (k)
            {
            case LBL_DATE:
              if ((iso = bk_text_find_date (v, NULL, NULL)) != NULL)
                {
                  bk_text_offer (&ps->date, &ps->date_prio, iso, 0);
                  consumed = TRUE;
                }
              break;
            case LBL_SUBMITTER:
              if (*v != '\0')
                bk_text_offer_submitters (ps, v, 0);
              else if (l->n_cells == 1)
                cap = CAP_SUBMITTERS;
              consumed = TRUE;
              break;
            case LBL_REFERENCE:
              {
                gsize tl = bk_text_scan_ref_token (v, colon || v > l->cells[c]);
                g_autofree char *ref = NULL;

                if (tl > 0 && (colon || g_strstr_len (l->cells[c], v - l->cells[c], "Nr") != NULL
                               || g_strstr_len (l->cells[c], v - l->cells[c], "nr") != NULL
                               || bk_text_scan_ref_token (v, FALSE) > 0))
                  {
                    ref = g_strndup (v, tl);
                    if (ps->m->reference == NULL)
                      ps->m->reference = g_strdup (ref);
                    /* a number given as the paper's own, never a related one */
                    g_hash_table_add (ps->own_refs, g_strdup (ref));
                    bk_text_offer_type_from (ps, l->low, 2, 3);
                    consumed = TRUE;
                  }
              }
              break;
            case LBL_SUBJECT:
              if (!colon)
                break;
              if (*v != '\0')
                {
                  g_autofree char *vlow = bk_text_lower_same_length (v);

                  bk_text_offer (&ps->subject, &ps->subject_prio, v, 0);
                  bk_text_offer_type_from (ps, vlow, 2, 3);
                }
              else if (l->n_cells == 1)
                {
                  cap = CAP_SUBJECT;
                  g_string_truncate (capture, 0);
                }
              consumed = TRUE;
              break;
            case LBL_STATUS:
              {
                BkTristate pub;

                if (colon && bk_text_flag_value (v, &pub))
                  {
                    ps->is_public = pub;
                    consumed = TRUE;
                  }
              }
              break;
            case LBL_TYPE:
              if (colon && *v != '\0')
                {
                  g_autofree char *low = bk_text_lower_same_length (v);
                  gboolean plain = FALSE;
                  const char *t = bk_text_find_type (low, &plain);

                  bk_text_offer (&ps->type, &ps->type_prio, t != NULL ? t : v, 0);
                  consumed = TRUE;
                }
              break;
            case LBL_ADDRESSEE:
              if (colon && *v != '\0')
                {
                  bk_text_offer (&ps->addressee, &ps->addressee_prio, v, 0);
                  consumed = TRUE;
                }
              break;
            case LBL_BODY:
              if (colon && *v != '\0' && bk_text_count_words (v) <= 8 && bk_text_has_committee_word (v))
                {
                  bk_text_offer_body (&ps->body, &ps->body_prio, v, 1);
                  consumed = TRUE;
                }
              break;
            case LBL_NONE:
            default:
              break;
            }
        }
      if (consumed)
        continue;

      /* "öffentlich" / "nichtöffentlich" on its own */
      {
        BkTristate pub;
        g_autofree char *s = bk_text_strip_chars (l->low, " -–*()");

        if (bk_text_flag_value (s, &pub) && strlen (s) > 2)
          {
            ps->is_public = pub;
            continue;
          }
        if (strcmp (s, "öffentliche sitzung") == 0)
          {
            ps->is_public = BK_TRISTATE_YES;
            continue;
          }
        if (strcmp (s, "nichtöffentliche sitzung") == 0 || strcmp (s, "nicht öffentliche sitzung") == 0)
          {
            ps->is_public = BK_TRISTATE_NO;
            continue;
          }
      }

      bk_text_scan_abbreviated_consultations (ps, l);
      bk_text_letter_date (ps, l);

      if (ps->addressee == NULL && cap == CAP_NONE)
        {
          const char *a = addressee_start (l);

          if (a != NULL)
            {
              g_string_assign (capture, a);
              g_strstrip (capture->str);
              capture->len = strlen (capture->str);
              cap = CAP_ADDRESSEE;
              addr_lines = 1;
              if (bk_text_is_body_start (l->low + (a - l->text)))
                bk_text_offer_body (&ps->body, &ps->body_prio, a, 2);
              continue;
            }
        }

      {
        const char *lw = bk_text_skip_emphasis (l->low);
        const char *lt = l->text + (lw - l->low);

        if (is_subject_phrase (lw)
            || (g_str_has_prefix (lw, "gemeinsame") && strchr (lw, ' ') != NULL
                && is_subject_phrase (strchr (lw, ' ') + 1)))
          {
            const Line *next = i + 1 < lines->len ? g_ptr_array_index (lines, i + 1) : NULL;

            /* "Antrag zur Vorlage 12/0301 …" / "hier: Bescheide in Leichter Sprache" */
            if (next != NULL && !next->blank
                && (g_str_has_prefix (next->low, "hier:") || g_str_has_prefix (next->low, "hier ")))
              {
                g_autofree char *both = g_strconcat (lt, " ", next->text, NULL);

                bk_text_offer (&ps->subject, &ps->subject_prio, both, 1);
              }
            else
              bk_text_offer (&ps->subject, &ps->subject_prio, lt, 1);
          }
        submitter_phrase (ps, l);
        bk_text_offer_type_from (ps, lw, 2, 3);
        letterhead (ps, l);
        if (bk_text_is_body_start (lw) && bk_text_count_words (lw) <= 8 && !bk_text_ends_sentence (lw))
          bk_text_offer_body (&ps->body, &ps->body_prio, lt, 2);
        else if (letterhead_body (ps, lw, lt))
          ;
        else if ((l->bold || l->heading) && bk_text_count_words (lw) >= 3 && !bk_text_ends_sentence (lw)
                 && !bk_text_is_faction_name (lw) && !g_str_has_suffix (lw, ":"))
          {
            g_autofree char *up = g_utf8_strup (lt, -1);

            /* all-capital lines are letterheads, not titles */
            if (strcmp (up, lt) != 0)
              bk_text_offer (&ps->subject, &ps->subject_prio, lt, 3);
          }
      }
      /* "Ulrich Beispiel - Fraktionsvorsitzender" in a letterhead */
      {
        g_autofree char *name = NULL;
        g_autofree char *role = NULL;

        if (bk_text_split_name_role (l->text, &name, &role) && role != NULL
            && bk_text_is_role_text (role))
          g_hash_table_replace (ps->letterhead_roles, g_steal_pointer (&name), g_steal_pointer (&role));
      }
    }
}
