/* Plain-text motion parser: the section state machine (header → resolution
 * → justification → closing → postscript), driven by German cue phrases. */

#include <string.h>

#include "bk-text-parser-private.h"

typedef enum {
  CUE_NONE,
  CUE_RESOLUTION,
  CUE_JUSTIFICATION,
  CUE_CLOSING,
  CUE_SIGNED,
  CUE_SALUTATION,
  CUE_EASY,
} Cue;

/* ------------------------------------------------------------------ */
/* cue detection                                                       */

static const char *const resolution_headings[] = {
  "beschlussvorschlag", "beschlussantrag", "beschlussentwurf", "beschlusstext",
  "beschlussempfehlung", "beschlussfassung", "beschluss", "antrag", "antragstext",
  "antragsinhalt", "fragen", "fragestellung", "fragenkatalog", "vorschlag zur beschlussfassung",
  "der antrag lautet", "wortlaut", "wortlaut des antrags", "entschließung", NULL
};

static const char *const resolution_phrases[] = {
  "möge beschließen", "möge beschliessen", "möge folgendes beschließen",
  "möge folgenden beschluss", "wolle beschließen", "möge wie folgt beschließen",
  "beschließt:", "beschließt folgendes", "beschließt wie folgt",
  "stellen den nachstehenden antrag", "stellen folgenden antrag", "stellt folgenden antrag",
  "stellen den folgenden antrag", "beantragt:", "beantragen:", "beantragen wir:",
  "beantragt folgendes", "beantragen folgendes", "beantragen daher:",
  "bitten um beantwortung", "wir fragen", "fragen die verwaltung", "fragen wir",
  "stellen folgende anfrage", "bitten wir um beantwortung", NULL
};

static const char *const justification_words[] = {
  "begründung", "sachverhalt", "sachdarstellung", "erläuterung", "erläuterungen", NULL
};

static const char *const justification_exact[] = {
  "zur begründung", "hintergrund", "ausgangslage", "problemstellung",
  "problembeschreibung", "anlass", NULL
};

/* The easy-read summary's heading is the whole line. */
static const char *const easy_headings[] = {
  "leichte sprache", "in leichter sprache", "zusammenfassung in leichter sprache",
  "kurz in leichter sprache", NULL
};

static const char *const greetings[] = {
  "mit freundlichen grüßen", "mit freundlichen grüssen", "mit freundlichem gruß",
  "mit freundlichem gruss", "freundliche grüße", "mit besten grüßen", "beste grüße",
  "viele grüße", "mit kollegialen grüßen", "mit kollegialem gruß", "hochachtungsvoll",
  "mit den besten grüßen", "herzliche grüße", NULL
};

/* "Der Kreistag möge beschließen:" names the body that decides. */
static void
body_from_cue (Parser *ps, const Line *l)
{
  static const char *const verbs[] = { " möge ", " wolle ", " beschließt", NULL };
  static const char *const bodies[] = {
    "kreistag", "rat ", "stadtrat", "gemeinderat", "landschaftsversammlung",
    "stadtverordnetenversammlung", "gemeindevertretung", "bezirksvertretung",
    "bezirksversammlung", "bezirkstag", "ortschaftsrat", "ortsbeirat",
    "samtgemeinderat", "marktgemeinderat", "verbandsversammlung",
    "regionalversammlung", "bürgerschaft", "kreisausschuss", "hauptausschuss",
    "ortsgemeinderat", "stadtbezirksrat", "bezirksrat", "ausschuss", NULL
  };
  const char *hit = NULL;
  const char *start;
  g_autofree char *cand = NULL;
  g_autofree char *cand_low = NULL;

  for (guint i = 0; verbs[i] != NULL && hit == NULL; i++)
    hit = strstr (l->low, verbs[i]);
  if (hit == NULL)
    return;
  start = l->low;
  for (const char *p = l->low; p < hit; p++)
    if (*p == ',' || *p == ':' || *p == ';' || ((*p == '.' || *p == '!') && p[1] == ' '))
      start = p + 1;   /* "… zu beraten. Der Kreistag möge beschließen:" */
  while (*start == ' ')
    start++;
  if (bk_text_has_prefix_word (start, "der") || bk_text_has_prefix_word (start, "die")
      || bk_text_has_prefix_word (start, "das"))
    start += 4;
  if (start >= hit)
    return;
  cand = g_strndup (l->text + (start - l->low), (gsize) (hit - start));
  cand_low = bk_text_lower_same_length (cand);
  if (bk_text_count_words (cand) > 8)
    return;
  for (guint i = 0; bodies[i] != NULL; i++)
    if (g_str_has_prefix (cand_low, bodies[i]) || strcmp (cand_low, "rat") == 0)
      {
        bk_text_offer_body (&ps->body, &ps->body_prio, cand, 0);
        return;
      }
}

static gboolean
is_number_start (const char *s)
{
  return g_ascii_isdigit (*s);
}

/* The remainder after a cue's colon, or NULL. */
static const char *
after_colon (const Line *l, const char *from_low)
{
  const char *c = strchr (from_low, ':');

  if (c == NULL)
    return NULL;
  c++;
  while (*c == ' ' || *c == '*')
    c++;
  if (*c == '\0')
    return NULL;
  return l->text + (c - l->low);
}

/* What may follow a justification word for the line to start the
 * justification: nothing, a colon, or (loose words only: "Begründung
 * erfolgt mündlich", a short bold heading) a little more. */
static gboolean
justification_cue (const Line *l, const char *lw, const char *r, gboolean loose,
                   gboolean ends_colon, const char **rest)
{
  while (*r == ' ')
    r++;
  if (*r == '\0' || *r == '*')
    return TRUE;
  if (*r == ':')
    {
      *rest = after_colon (l, r);
      return TRUE;
    }
  if (!loose)
    return FALSE;
  if (strstr (r, "mündlich") != NULL && bk_text_count_words (lw) <= 5)
    {
      *rest = l->text + (bk_text_skip_emphasis (l->low) - l->low);
      return TRUE;
    }
  if ((l->heading || l->bold || ends_colon) && bk_text_count_words (lw) <= 6)
    {
      *rest = after_colon (l, r);
      return TRUE;
    }
  return FALSE;
}

static Cue
detect_cue (const Line *l, Section state, const char **rest)
{
  const char *lw = bk_text_skip_emphasis (l->low);
  gsize n = strlen (lw);
  gboolean ends_colon;

  *rest = NULL;
  while (n > 0 && (lw[n - 1] == '*' || lw[n - 1] == ' ' || lw[n - 1] == '_'))
    n--;
  ends_colon = n > 0 && lw[n - 1] == ':';

  /* easy-read summary: in the header only as a heading or label, since
   * "Leichte Sprache" could be a subject under "Betreff:" */
  for (guint i = 0; easy_headings[i] != NULL; i++)
    if (bk_text_has_prefix_word (lw, easy_headings[i]))
      {
        const char *r = lw + strlen (easy_headings[i]);

        while (*r == ' ' || *r == '*' || *r == '_')
          r++;
        if (*r == ':')
          *rest = after_colon (l, r);
        else if (*r != '\0')
          continue;
        if (state == SEC_HEADER && *r != ':' && !l->heading && !l->bold)
          continue;
        return CUE_EASY;
      }

  /* closing */
  for (guint i = 0; greetings[i] != NULL; i++)
    if (g_str_has_prefix (lw, greetings[i]))
      {
        const char *r = lw + strlen (greetings[i]);

        while (*r == ',' || *r == ' ' || *r == '!')
          r++;
        if (*r != '\0')
          *rest = l->text + (r - l->low);
        return state == SEC_HEADER ? CUE_NONE : CUE_CLOSING;
      }
  if (bk_text_has_prefix_word (lw, "gez") || g_str_has_prefix (lw, "gezeichnet"))
    return CUE_SIGNED;

  if ((state == SEC_RESOLUTION || state == SEC_JUSTIFICATION || state == SEC_EASY)
      && (g_str_has_prefix (lw, "für die ") || g_str_has_prefix (lw, "für den "))
      && !bk_text_ends_sentence (lw) && bk_text_count_words (lw) <= 8 && bk_text_is_faction_name (lw))
    return CUE_SIGNED;

  if (state == SEC_HEADER && (g_str_has_prefix (lw, "sehr geehrte")
                              || g_str_has_prefix (lw, "liebe kolleg")
                              || g_str_has_prefix (lw, "hallo ")))
    return CUE_SALUTATION;

  if (is_number_start (lw) || g_str_has_prefix (lw, "- "))
    return CUE_NONE;

  /* justification */
  for (guint i = 0; justification_words[i] != NULL; i++)
    if (bk_text_has_prefix_word (lw, justification_words[i]) &&
        justification_cue (l, lw, lw + strlen (justification_words[i]), TRUE, ends_colon, rest))
      return CUE_JUSTIFICATION;
  for (guint i = 0; justification_exact[i] != NULL; i++)
    if (bk_text_has_prefix_word (lw, justification_exact[i]) &&
        justification_cue (l, lw, lw + strlen (justification_exact[i]), FALSE, ends_colon, rest))
      return CUE_JUSTIFICATION;

  /* resolution */
  for (guint i = 0; resolution_headings[i] != NULL; i++)
    if (bk_text_has_prefix_word (lw, resolution_headings[i]))
      {
        const char *r = lw + strlen (resolution_headings[i]);

        while (*r == ' ' || *r == '*')
          r++;
        if (*r == '\0')
          return CUE_RESOLUTION;
        if (*r == ':')
          {
            *rest = after_colon (l, r);
            /* "Antrag: <title>" in the header is a subject, not the resolution */
            if (*rest != NULL && state == SEC_HEADER
                && (strcmp (resolution_headings[i], "antrag") == 0
                    || strcmp (resolution_headings[i], "beschluss") == 0))
              {
                *rest = NULL;
                return CUE_NONE;
              }
            return CUE_RESOLUTION;
          }
      }
  if (g_str_has_prefix (lw, "beschluss") && ends_colon && bk_text_count_words (lw) <= 6)
    return CUE_RESOLUTION;

  for (guint i = 0; resolution_phrases[i] != NULL && state != SEC_EASY; i++)
    {
      const char *hit = strstr (lw, resolution_phrases[i]);

      if (hit == NULL)
        continue;
      if (state == SEC_JUSTIFICATION && !ends_colon)
        continue;
      if (state == SEC_RESOLUTION && !ends_colon)
        continue;
      *rest = after_colon (l, hit);
      if (*rest == NULL && !ends_colon && strchr (hit, ':') == NULL
          && strlen (hit) > strlen (resolution_phrases[i]) + 3)
        *rest = l->text;   /* "Der Kreistag möge beschließen, dass …" */
      return CUE_RESOLUTION;
    }

  /* a line such as "Die Fraktion beantragt folgenden Beschluss:" */
  if ((state == SEC_HEADER || state == SEC_INTRO) && ends_colon
      && bk_text_count_words (lw) >= 2 && strchr (lw, ':') == lw + n - 1
      && (strstr (lw, "antrag") != NULL || strstr (lw, "beschl") != NULL
          || strstr (lw, "beantrag") != NULL || strstr (lw, "frage") != NULL)
      && !g_str_has_prefix (lw, "antragst") && !g_str_has_prefix (lw, "antragss")
      && !g_str_has_prefix (lw, "betr"))
    return CUE_RESOLUTION;

  return CUE_NONE;
}

static void
add_rest (Parser *ps, Section sec, const char *rest)
{
  Line *l;

  if (rest == NULL || *rest == '\0')
    return;
  l = bk_text_line_new_plain (rest);
  g_ptr_array_add (ps->extra, l);
  g_ptr_array_add (ps->sec[sec], l);
  g_ptr_array_add (ps->scan, l);
}

void
bk_text_split_sections (Parser *ps)
{
  Section state = SEC_HEADER;

  for (guint i = 0; i < ps->lines->len; i++)
    {
      Line *l = g_ptr_array_index (ps->lines, i);
      const char *rest = NULL;
      Cue cue;

      if (l->removed)
        continue;
      if (state == SEC_POSTSCRIPT)
        break;
      if (l->blank)
        {
          g_ptr_array_add (ps->sec[state], l);
          continue;
        }
      cue = detect_cue (l, state, &rest);
      switch (cue)
        {
        case CUE_RESOLUTION:
          g_ptr_array_add (ps->scan, l);
          if (state == SEC_HEADER || state == SEC_INTRO)
            g_ptr_array_add (ps->request_lines, l);
          body_from_cue (ps, l);
          state = SEC_RESOLUTION;
          ps->have_resolution_cue = TRUE;
          add_rest (ps, SEC_RESOLUTION, rest);
          continue;
        case CUE_EASY:
          state = SEC_EASY;
          add_rest (ps, SEC_EASY, rest);
          continue;
        case CUE_JUSTIFICATION:
          state = SEC_JUSTIFICATION;
          add_rest (ps, SEC_JUSTIFICATION, rest);
          continue;
        case CUE_CLOSING:
          state = SEC_CLOSING;
          add_rest (ps, SEC_CLOSING, rest);
          continue;
        case CUE_SIGNED:
          state = SEC_CLOSING;
          g_ptr_array_add (ps->sec[SEC_CLOSING], l);
          continue;
        case CUE_SALUTATION:
          if (state == SEC_HEADER)
            {
              g_free (ps->salutation);
              ps->salutation = g_strdup (l->text);
              state = SEC_INTRO;
            }
          continue;
        case CUE_NONE:
        default:
          break;
        }
      if (state == SEC_CLOSING && strlen (l->text) < 60 && bk_text_letter_date (ps, l))
        continue;
      if (state == SEC_CLOSING && !bk_text_is_signature_line (l))
        {
          state = SEC_POSTSCRIPT;
          continue;
        }
      g_ptr_array_add (ps->sec[state], l);
      if (state != SEC_CLOSING)
        g_ptr_array_add (ps->scan, l);
    }
  ps->easy_last = state == SEC_EASY;
}
