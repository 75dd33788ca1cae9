/* bk-text-blocks.c: the blocks of a paper, found by their cues
 *
 * A council paper is made of the same blocks whoever wrote it: a header
 * (letterhead, fields, title), maybe a salutation, the request ("möge
 * beschließen", "Beschlussvorschlag", "Petitum", "beantragt", "ersucht") or
 * the questions of an Anfrage, the reasons ("Begründung", "Sachverhalt"),
 * notes, money, attachments, the administration's answer, a greeting and
 * signatures. Each line is asked whether it opens a block; the lines up to
 * the next cue belong to it. A letter without a cue line is split where its
 * first paragraph asks for something. Headings that open an empty block (a
 * table of contents, "Beschlussvorschlag:" printed twice) do no harm: the
 * passes take the blocks that hold text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-text"

#include <string.h>

#include "bk-text-blocks.h"
#include "bk-text-names.h"
#include "bk-text-util.h"
#include "bk-text-vocab.h"

typedef enum {
  CUE_NONE,
  CUE_SALUTATION,
  CUE_BLOCK,        /* opens a block of the kind returned; the line is its heading */
  CUE_BLOCK_INLINE, /* opens a block; the line itself is its first text */
  CUE_STATUS,
  CUE_CLOSING,
  CUE_SIGNED,
} Cue;

static const char *const greetings[] = {
  "mit freundlichen grüßen", "mit freundlichen grüssen", "mit freundlichem gruß",
  "mit freundlichem gruss", "freundliche grüße", "mit besten grüßen", "beste grüße",
  "viele grüße", "mit kollegialen grüßen", "mit kollegialem gruß", "hochachtungsvoll",
  "mit den besten grüßen", "herzliche grüße", "mit solidarischen grüßen", "mfg", NULL
};

static const char *const salutations[] = {
  "sehr geehrte", "sehr verehrte", "liebe kolleg", "liebe damen", "hallo ", "guten tag", NULL
};

/* Headings: the word(s) alone, with a colon, or as a short bold heading. */
static const char *const request_headings[] = {
  "beschlussvorschlag der verwaltung", "beschlussvorschlag", "beschlussvorschläge",
  "beschlussantrag", "beschlussentwurf", "beschlusstext", "beschlussempfehlung",
  "beschluss-vorschlag", "antrag zu beschließen", "zu beschließen", "antragstext",
  "antragsinhalt", "inhalt des antrages", "inhalt des antrags", "wortlaut des antrages",
  "wortlaut des antrags", "wortlaut", "der antrag lautet", "petitum", "entschließung",
  "vorschlag zur beschlussfassung", "beschlussfassung", "beschluss", "antrag",
  "empfehlung", NULL
};

/* Phrases anywhere in a line that say the request follows or is this line. */
static const char *const request_phrases[] = {
  "möge beschließen", "möge beschliessen", "möge folgendes beschließen", "möge folgenden beschluss",
  "wolle beschließen", "möge wie folgt beschließen", "beschließt:", "beschließt folgendes",
  "beschließt wie folgt", "den folgenden antrag", "folgenden antrag", "folgende anträge",
  "nachstehenden antrag", "nachfolgenden antrag", "beantragt:", "beantragen:",
  "beantragen wir:", "beantragt folgendes", "beantragen folgendes", "beantragen daher:",
  "wird wie folgt geändert", "werden wie folgt geändert", "wird wie folgt ergänzt",
  "werden wie folgt ergänzt", "wie folgt zu ändern", "wie folgt zu ergänzen",
  "folgende ergänzung", "folgende änderung", "folgende änderungen", "zu beschließen:",
  "wird ersucht", "werden ersucht", "um zustimmung zu folgendem", "bitten um zustimmung", NULL
};

static const char *const question_headings[] = {
  "fragen", "fragestellung", "fragenkatalog", "unsere fragen", "wir fragen",
  "anfrage", NULL
};

static const char *const question_phrases[] = {
  "wir fragen", "fragen wir", "ich frage", "frage ich", "fragen die verwaltung",
  "fragen den", "fragen das", "bitten um beantwortung", "bitte um beantwortung",
  "bittet um beantwortung", "um beantwortung folgender", "um beantwortung der folgenden",
  "folgende fragen", "nachstehende fragen", "nachfolgende fragen", "um auskunft gebeten",
  "bittet um auskunft", "bitten um auskunft", "stellen folgende anfrage", "fragt an", NULL
};

static const char *const justification_words[] = {
  "begründung", "sachverhalt", "sachdarstellung", "erläuterung", "erläuterungen",
  "sachstand", NULL
};

static const char *const justification_exact[] = {
  "zur begründung", "hintergrund", "ausgangslage", "problemstellung", "problembeschreibung",
  "anlass", NULL
};

static const struct {
  const char *word;
  BkBlockKind kind;
} other_headings[] = {
  { "beratungsfolge", BK_BLOCK_CONSULT }, { "beratungsreihenfolge", BK_BLOCK_CONSULT },
  { "beratungsweg", BK_BLOCK_CONSULT }, { "beratungsverlauf", BK_BLOCK_CONSULT },
  { "anlagen", BK_BLOCK_ATTACHMENTS }, { "anlage(n)", BK_BLOCK_ATTACHMENTS },
  { "anlage", BK_BLOCK_ATTACHMENTS }, { "anhang", BK_BLOCK_ATTACHMENTS },
  { "anhänge", BK_BLOCK_ATTACHMENTS },
  { "finanzielle auswirkungen", BK_BLOCK_FINANCE }, { "finanzielle auswirkung", BK_BLOCK_FINANCE },
  { "finanzierungsvorschlag", BK_BLOCK_FINANCE }, { "deckungsvorschlag", BK_BLOCK_FINANCE },
  { "finanzierung", BK_BLOCK_FINANCE }, { "kosten", BK_BLOCK_FINANCE },
  { "haushaltsmäßige auswirkungen", BK_BLOCK_FINANCE },
  { "auswirkungen auf den haushalt", BK_BLOCK_FINANCE },
  { "stellungnahme der verwaltung", BK_BLOCK_STATEMENT },
  { "stellungnahme der stadtverwaltung", BK_BLOCK_STATEMENT }, { "stellungnahme", BK_BLOCK_STATEMENT },
  { "antwort der verwaltung", BK_BLOCK_STATEMENT }, { "antwort", BK_BLOCK_STATEMENT },
  { "schriftliche beantwortung", BK_BLOCK_STATEMENT }, { "beantwortung", BK_BLOCK_STATEMENT },
  { "mitteilung der verwaltung", BK_BLOCK_STATEMENT }, { "protokollnotiz", BK_BLOCK_STATEMENT },
  { "abstimmungsergebnis", BK_BLOCK_NOTE }, { "hinweis", BK_BLOCK_NOTE },
  { "hinweise", BK_BLOCK_NOTE }, { "anmerkung", BK_BLOCK_NOTE }, { "anmerkungen", BK_BLOCK_NOTE },
  { "bemerkung", BK_BLOCK_NOTE }, { "nachrichtlich", BK_BLOCK_NOTE }, { "verteiler", BK_BLOCK_NOTE },
  { "nachbemerkung", BK_BLOCK_POSTSCRIPT }, { "nachtrag", BK_BLOCK_POSTSCRIPT },
  { "p.s.", BK_BLOCK_POSTSCRIPT }, { "ps", BK_BLOCK_POSTSCRIPT },
  { "gender-anmerkung", BK_BLOCK_POSTSCRIPT },
};

static const char *const easy_headings[] = {
  "zusammenfassung in leichter sprache", "kurz in leichter sprache", "in leichter sprache",
  "leichte sprache", NULL
};

/* What a decision record says after "Beschluss:". */
static const char *const status_words[] = {
  "beschlossen", "abgelehnt", "vertagt", "zurückgezogen", "zur kenntnis genommen",
  "einstimmig", "mehrheitlich", "ungeändert", "verwiesen", "erledigt", "zugestimmt",
  "angenommen", "geändert beschlossen", "kenntnis genommen", NULL
};

/* The text after a cue's colon, or NULL. */
static const char *
after_colon (const BkTextLine *l,
             const char       *from_low)
{
  const char *c = strchr (from_low, ':');

  if (c == NULL)
    return NULL;
  c++;
  while (*c == ' ' || *c == '*' || *c == '_')
    c++;
  if (*c == '\0')
    return NULL;
  return l->text + (c - l->low);
}

/* A heading word at lw: what follows must be nothing, a colon (its text is
 * *rest), or, for a short bold or Markdown heading, a little more. */
static gboolean
heading_at (const BkTextLine *l, const char *lw, const char *word, gboolean ends_colon,
            const char **rest)
{
  const char *r;

  if (!bk_text_has_prefix_word (lw, word))
    return FALSE;
  r = lw + strlen (word);
  while (*r == ' ' || *r == '*' || *r == '_')
    r++;
  if (*r == '\0')
    return TRUE;
  if (*r == ':')
    {
      *rest = after_colon (l, r);
      return TRUE;
    }
  return FALSE;
}

static gboolean
justification_cue (const BkTextLine *l, const char *lw, const char *word, gboolean loose,
                   gboolean ends_colon, const char **rest)
{
  const char *r;

  if (heading_at (l, lw, word, ends_colon, rest))
    return TRUE;
  if (!loose || !bk_text_has_prefix_word (lw, word))
    return FALSE;
  r = lw + strlen (word);
  /* "Begründung erfolgt mündlich.": the whole justification */
  if (strstr (r, "mündlich") != NULL && bk_text_count_words (lw) <= 5)
    {
      *rest = l->text + (lw - l->low);
      return TRUE;
    }
  /* "Begründung des Antrags:", a short bold heading */
  if ((l->heading || l->bold || ends_colon) && bk_text_count_words (lw) <= 6)
    {
      *rest = after_colon (l, r);
      return TRUE;
    }
  return FALSE;
}

static gboolean
is_status_value (const char *low)
{
  for (guint i = 0; status_words[i] != NULL; i++)
    if (strstr (low, status_words[i]) != NULL)
      return TRUE;
  return FALSE;
}

static Cue
detect_cue (const BkTextLine *l, BkBlockKind state, BkBlockKind *kind, const char **rest,
            gboolean *phrase)
{
  const char *lw = bk_text_skip_emphasis (l->low);
  gsize n = strlen (lw);
  gboolean ends_colon, pre = state == BK_BLOCK_PRE;
  const char *content;

  *rest = NULL;
  *phrase = FALSE;
  while (n > 0 && (lw[n - 1] == '*' || lw[n - 1] == ' ' || lw[n - 1] == '_'))
    n--;
  ends_colon = n > 0 && lw[n - 1] == ':';

  /* easy-read summary: in the header only as a heading or with a colon,
   * since "Leichte Sprache" can be a subject */
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
        if (pre && *r != ':' && !l->heading && !l->bold)
          continue;
        *kind = BK_BLOCK_EASY;
        return CUE_BLOCK;
      }

  for (guint i = 0; greetings[i] != NULL; i++)
    if (bk_text_has_prefix_word (lw, greetings[i]))
      {
        const char *r = lw + strlen (greetings[i]);

        while (*r == ',' || *r == ' ' || *r == '!' || *r == '.')
          r++;
        if (*r != '\0')
          *rest = l->text + (r - l->low);
        return pre ? CUE_NONE : CUE_CLOSING;
      }
  if (bk_text_strip_signed (l->text) != l->text && (bk_text_has_prefix_word (lw, "gez")
                                                     || g_str_has_prefix (lw, "gezeichnet")))
    return CUE_SIGNED;
  if (!pre && (g_str_has_prefix (lw, "für die ") || g_str_has_prefix (lw, "für den "))
      && !bk_text_ends_sentence (lw) && bk_text_count_words (lw) <= 8 && bk_text_is_faction_name (lw))
    return CUE_SIGNED;

  for (guint i = 0; salutations[i] != NULL; i++)
    if (g_str_has_prefix (lw, salutations[i]) && bk_text_count_words (lw) <= 12)
      return (pre || state == BK_BLOCK_BODY) ? CUE_SALUTATION : CUE_NONE;

  if (bk_text_list_marker (l->text, &content) != BK_MARK_NONE)
    return CUE_NONE;

  /* "Beschluss: einstimmig beschlossen", "Abstimmung: Ja 12, Nein 3" */
  if ((bk_text_has_prefix_word (lw, "beschluss") || bk_text_has_prefix_word (lw, "ergebnis")
       || bk_text_has_prefix_word (lw, "status"))
      && strchr (lw, ':') != NULL && is_status_value (strchr (lw, ':')))
    return CUE_STATUS;
  if (g_str_has_prefix (lw, "abstimmung:") || g_str_has_prefix (lw, "abstimmung ja")
      || g_str_has_prefix (lw, "ja:") || g_str_has_prefix (lw, "einstimmig"))
    return CUE_STATUS;
  /* "Abstimmungsergebnis: Ja 21, Nein 0" on one line; alone it heads a note */
  if (g_str_has_prefix (lw, "abstimmungsergebnis") && strchr (lw, ':') != NULL)
    {
      const char *r = strchr (lw, ':') + 1;

      if (strpbrk (r, "0123456789") != NULL || is_status_value (r))
        return CUE_STATUS;
    }

  for (guint i = 0; justification_words[i] != NULL; i++)
    if (justification_cue (l, lw, justification_words[i], TRUE, ends_colon, rest))
      {
        *kind = BK_BLOCK_JUSTIFICATION;
        return CUE_BLOCK;
      }
  for (guint i = 0; justification_exact[i] != NULL; i++)
    if (justification_cue (l, lw, justification_exact[i], FALSE, ends_colon, rest))
      {
        *kind = BK_BLOCK_JUSTIFICATION;
        return CUE_BLOCK;
      }
  for (guint i = 0; i < G_N_ELEMENTS (other_headings); i++)
    if (heading_at (l, lw, other_headings[i].word, ends_colon, rest))
      {
        *kind = other_headings[i].kind;
        return CUE_BLOCK;
      }

  for (guint i = 0; question_headings[i] != NULL; i++)
    if (heading_at (l, lw, question_headings[i], ends_colon, rest))
      {
        /* "Anfrage" alone in the header names the type; "Anfrage:" opens */
        if (strcmp (question_headings[i], "anfrage") == 0 && (!ends_colon || *rest != NULL) && pre)
          {
            *rest = NULL;
            return CUE_NONE;
          }
        *kind = BK_BLOCK_QUESTIONS;
        return CUE_BLOCK;
      }
  for (guint i = 0; request_headings[i] != NULL; i++)
    if (heading_at (l, lw, request_headings[i], ends_colon, rest))
      {
        /* in the header, "Antrag" alone names the type and "Antrag: <title>"
         * the subject */
        if (pre && strcmp (request_headings[i], "antrag") == 0 && (!ends_colon || *rest != NULL))
          {
            *rest = NULL;
            return CUE_NONE;
          }
        *kind = BK_BLOCK_REQUEST;
        return CUE_BLOCK;
      }

  /* most lines hold none of the phrases: look for what they share first */
  if (strstr (lw, "frag") == NULL && strstr (lw, "beantwort") == NULL && strstr (lw, "auskunft") == NULL
      && strstr (lw, "beschl") == NULL && strstr (lw, "antrag") == NULL && strstr (lw, "anträg") == NULL
      && strstr (lw, "wie folgt") == NULL && strstr (lw, "folgende") == NULL
      && strstr (lw, "ersucht") == NULL && strstr (lw, "zustimmung") == NULL)
    return CUE_NONE;
  for (guint i = 0; question_phrases[i] != NULL; i++)
    {
      const char *hit = strstr (lw, question_phrases[i]);

      if (hit == NULL || (!pre && state != BK_BLOCK_INTRO && state != BK_BLOCK_BODY && !ends_colon))
        continue;
      *kind = BK_BLOCK_QUESTIONS;
      *rest = after_colon (l, hit);
      return (ends_colon || *rest != NULL) ? CUE_BLOCK : CUE_BLOCK_INLINE;
    }
  for (guint i = 0; request_phrases[i] != NULL; i++)
    {
      const char *hit = strstr (lw, request_phrases[i]);

      if (hit == NULL)
        continue;
      /* inside the reasons only a line that ends in a colon opens the request */
      if (!pre && state != BK_BLOCK_INTRO && state != BK_BLOCK_BODY && !ends_colon)
        continue;
      *kind = BK_BLOCK_REQUEST;
      *rest = after_colon (l, hit);
      *phrase = TRUE;
      if (ends_colon || *rest != NULL)
        return CUE_BLOCK;
      return CUE_BLOCK_INLINE;   /* "Der Kreistag möge beschließen, dass …" */
    }

  /* "Die Fraktion beantragt folgenden Beschluss:", "Antrag der X zum Y:" */
  if ((pre || state == BK_BLOCK_INTRO || state == BK_BLOCK_BODY) && ends_colon
      && bk_text_count_words (lw) >= 2 && strchr (lw, ':') == lw + n - 1
      && (strstr (lw, "antrag") != NULL || strstr (lw, "beschl") != NULL
          || strstr (lw, "beantrag") != NULL)
      && !g_str_has_prefix (lw, "antragst") && !g_str_has_prefix (lw, "antragss")
      && !g_str_has_prefix (lw, "betr"))
    {
      *kind = BK_BLOCK_REQUEST;
      return CUE_BLOCK;
    }
  return CUE_NONE;
}

/* ------------------------------------------------------------------ */
/* a letter's request without a cue line                               */

/* The first line of the request in the paragraph that starts at lines[i]:
 * the line with the request, or the line its sentence starts on. -1 when
 * the paragraph asks for nothing. */
static gint
request_start (GPtrArray *lines,
               guint      i)
{
  const BkTextLine *first = g_ptr_array_index (lines, i);
  gint verb = -1;
  guint end = i;

  for (guint k = i; k < lines->len; k++)
    {
      const BkTextLine *l = g_ptr_array_index (lines, k);

      if (l->removed || l->noise)
        continue;
      if (l->blank || l->para != first->para)
        break;
      end = k;
      if (verb < 0 && bk_text_is_request_text (l->low))
        verb = (gint) k;
    }
  if (verb < 0)
    {
      /* a sentence wrapped over lines: ask the whole paragraph */
      g_autoptr(GString) para = g_string_new (NULL);

      for (guint k = i; k <= end; k++)
        {
          const BkTextLine *l = g_ptr_array_index (lines, k);

          if (!l->removed && !l->noise)
            bk_text_join_text (para, l->low);
        }
      return bk_text_is_request_text (para->str) && bk_text_count_words (para->str) >= 8 ? (gint) i : -1;
    }
  while ((guint) verb > i)
    {
      const BkTextLine *prev = g_ptr_array_index (lines, verb - 1);

      if (prev->removed || prev->noise)
        {
          verb--;
          continue;
        }
      /* a short line without a full stop before it is a title, not the
       * sentence's start */
      if (bk_text_ends_sentence (prev->text) || bk_text_count_words (prev->text) < 6)
        break;
      verb--;
    }
  return verb;
}

/* ------------------------------------------------------------------ */
/* the state machine                                                   */

void
bk_text_find_blocks (BkTextDoc *doc)
{
  BkTextBlock *cur = bk_text_doc_add_block (doc, BK_BLOCK_PRE, NULL);
  guint last_para = G_MAXUINT;
  gint request_at = -1;   /* a request found further down in this paragraph */

  for (guint i = 0; i < doc->lines->len; i++)
    {
      BkTextLine *l = g_ptr_array_index (doc->lines, i);
      BkBlockKind kind = BK_BLOCK_PRE;
      const char *rest = NULL;
      gboolean para_start, phrase = FALSE;
      Cue cue;

      if (l->removed || l->noise)
        continue;
      if (cur->kind == BK_BLOCK_POSTSCRIPT)
        {
          g_ptr_array_add (cur->lines, l);
          continue;
        }
      if (l->blank)
        {
          g_ptr_array_add (cur->lines, l);
          continue;
        }
      para_start = l->para != last_para;
      if (para_start)
        request_at = -1;
      last_para = l->para;
      if ((gint) i == request_at && (cur->kind == BK_BLOCK_PRE || cur->kind == BK_BLOCK_INTRO
                                     || cur->kind == BK_BLOCK_BODY))
        {
          request_at = -1;
          cur = bk_text_doc_add_block (doc, BK_BLOCK_REQUEST, NULL);
        }
      cue = detect_cue (l, cur->kind, &kind, &rest, &phrase);
      /* "Der Stadtrat möge beschließen:" / "Der Beschlussvorschlag wird wie
       * folgt geändert:": the second sentence is the request's lead-in */
      if (cue == CUE_BLOCK && phrase && kind == BK_BLOCK_REQUEST && cur->kind == BK_BLOCK_REQUEST
          && !bk_text_block_has_text (cur) && bk_text_count_words (l->text) >= 6)
        cue = CUE_NONE;
      switch (cue)
        {
        case CUE_SALUTATION:
          /* the letter's first paragraph starts after it, blank line or not */
          last_para = G_MAXUINT;
          g_free (doc->salutation);
          doc->salutation = g_strdup (l->text);
          g_ptr_array_add (bk_text_doc_add_block (doc, BK_BLOCK_SALUTATION, l)->lines, l);
          cur = bk_text_doc_add_block (doc, BK_BLOCK_INTRO, NULL);
          continue;
        case CUE_BLOCK:
          cur = bk_text_doc_add_block (doc, kind, l);
          if (rest != NULL)
            bk_text_doc_add_extra (doc, cur, rest);
          continue;
        case CUE_BLOCK_INLINE:
          cur = bk_text_doc_add_block (doc, kind, l);
          g_ptr_array_add (cur->lines, l);
          continue;
        case CUE_STATUS:
          doc->decision_record = TRUE;
          g_ptr_array_add (bk_text_doc_add_block (doc, BK_BLOCK_STATUS, l)->lines, l);
          cur = bk_text_doc_add_block (doc, BK_BLOCK_BODY, NULL);
          continue;
        case CUE_CLOSING:
          cur = bk_text_doc_add_block (doc, BK_BLOCK_CLOSING, l);
          if (rest != NULL)
            bk_text_doc_add_extra (doc, cur, rest);
          continue;
        case CUE_SIGNED:
          if (cur->kind != BK_BLOCK_CLOSING)
            cur = bk_text_doc_add_block (doc, BK_BLOCK_CLOSING, l);
          g_ptr_array_add (cur->lines, l);
          continue;
        case CUE_NONE:
        default:
          break;
        }
      if (cur->kind == BK_BLOCK_CLOSING && !bk_text_is_signature_line (l)
          && !(strlen (l->text) < 60 && bk_text_has_date (l->text)))
        {
          cur = bk_text_doc_add_block (doc, BK_BLOCK_POSTSCRIPT, l);
          g_ptr_array_add (cur->lines, l);
          continue;
        }
      if (para_start && (cur->kind == BK_BLOCK_PRE || cur->kind == BK_BLOCK_INTRO
                         || cur->kind == BK_BLOCK_BODY))
        {
          gint start = request_start (doc->lines, i);

          if (start == (gint) i)
            cur = bk_text_doc_add_block (doc, BK_BLOCK_REQUEST, NULL);
          else if (start > (gint) i)
            request_at = start;   /* the lines before it are read as they come */
        }
      g_ptr_array_add (cur->lines, l);
    }
}
