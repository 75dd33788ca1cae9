/* bk-motion-easy.c: "Kurz erklärt", a motion told in Leichte Sprache
 *
 * Only facts go in (submitters, type, number of points, the consultations
 * and their outcomes), each as a sentence of its own in the active voice:
 * the legal wording of a resolution cannot be shortened by rule without
 * changing what it says, so the box points to it instead. The title is
 * quoted as it stands (a name, with its shorthand written out); long names
 * of councils are quoted the same way, so that sentences stay short.
 *
 * The rules are those of the Netzwerk Leichte Sprache: one statement per
 * sentence, short sentences, no abbreviations, dates written out, active
 * voice. bk_motion_easy_check () holds a text to them; the tests run it
 * over every demo motion.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-motion-easy"

#include <stdio.h>
#include <string.h>

#include "bk-error.h"
#include "bk-motion-easy.h"

/* German text, whatever the interface language: the box is easy-read German. */
static const char *const months[] = {
  "Januar", "Februar", "März", "April", "Mai", "Juni",
  "Juli", "August", "September", "Oktober", "November", "Dezember",
};

/* Council shorthand; the longer spelling first where one begins another. */
static const struct {
  const char *abbreviation;
  const char *expansion;
} abbreviations[] = {
  { "i. V. m.", "in Verbindung mit" },
  { "z. B.", "zum Beispiel" },
  { "z.B.", "zum Beispiel" },
  { "u. a.", "unter anderem" },
  { "u.a.", "unter anderem" },
  { "d. h.", "das heißt" },
  { "d.h.", "das heißt" },
  { "Drucks.", "Drucksache" },
  { "Drs.", "Drucksache" },
  { "bzw.", "oder" },
  { "ggf.", "vielleicht" },
  { "usw.", "und so weiter" },
  { "inkl.", "mit" },
  { "Nr.", "Nummer" },
  { "ca.", "etwa" },
  { "gem.", "nach" },
  { "lt.", "nach" },
  { "Abs.", "Absatz" },
  { "vgl.", "siehe" },
  { "sog.", "so genannt" },
  { "TOP", "Tagesordnungspunkt" },
  { "ÖPNV", "Bus und Bahn" },
  { "LRA", "Landratsamt" },
  { "OB", "Oberbürgermeister" },
  { "KiTa", "Kindergarten" },
  { "Kita", "Kindergarten" },
};

/* Capitals that are names or words everybody knows: party names (the rules
 * allow names as they are written) and abbreviations read as words. */
static const char *const known_capitals[] = {
  "SPD", "CDU", "CSU", "FDP", "AfD", "BSW", "ÖDP", "FW", "DIE", "GRÜNE", "GRÜNEN",
  "LINKE", "FREIE", "WÄHLER", "BÜNDNIS", "PARTEI", "VOLT", "WLAN", "WC", "EU",
};

static const char *const passive_auxiliaries[] = {
  "wird", "werden", "wurde", "wurden", "worden",
};

#define QUOTE_OPEN "„"
#define QUOTE_CLOSE "“"

char *
bk_easy_format_date (const char *iso_date)
{
  int year, month, day;
  char tail;

  if (iso_date == NULL || strlen (iso_date) < 10)
    return NULL;
  tail = iso_date[10];
  if ((tail != '\0' && tail != 'T' && tail != ' ')
      || sscanf (iso_date, "%4d-%2d-%2d", &year, &month, &day) != 3
      || !g_date_valid_dmy (day, month, year))
    return NULL;
  return g_strdup_printf ("%d. %s %d", day, months[month - 1], year);
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || c == 0x00B7; /* the middle dot joins words */
}

char *
bk_easy_expand_abbreviations (const char *text)
{
  GString *out;
  const char *p;
  gunichar before = 0;

  if (text == NULL)
    return NULL;
  out = g_string_sized_new (strlen (text) + 16);
  for (p = text; *p != '\0';)
    {
      gboolean replaced = FALSE;

      if (!is_word_char (before))
        for (guint i = 0; i < G_N_ELEMENTS (abbreviations) && !replaced; i++)
          {
            gsize len = strlen (abbreviations[i].abbreviation);
            const char *after = p + len;

            if (strncmp (p, abbreviations[i].abbreviation, len) != 0)
              continue;
            /* "TOP" but not "TOPIC"; "Nr." needs no look after its dot */
            if (abbreviations[i].abbreviation[len - 1] != '.' && *after != '\0'
                && is_word_char (g_utf8_get_char (after)))
              continue;
            g_string_append (out, abbreviations[i].expansion);
            before = 'a';
            p = after;
            replaced = TRUE;
          }
      if (!replaced)
        {
          const char *next = g_utf8_next_char (p);

          before = g_utf8_get_char (p);
          g_string_append_len (out, p, next - p);
          p = next;
        }
    }
  return g_string_free (out, FALSE);
}

static gboolean
folded_contains (const char *text,
                 const char *needle)
{
  g_autofree char *lower = NULL;

  if (text == NULL)
    return FALSE;
  lower = g_utf8_strdown (text, -1);
  return strstr (lower, needle) != NULL;
}

static guint
count_words (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " ", -1);
  guint n = 0;

  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      n++;
  return n;
}

/* A name as the sentence uses it: commas would split the statement and a
 * long name the sentence, so names of more than three words are quoted. */
static char *
easy_name (const char *name)
{
  g_autofree char *expanded = bk_easy_expand_abbreviations (name);
  g_autofree char *stripped = g_strstrip (g_strdup (expanded));

  if (count_words (stripped) > 3 || strchr (stripped, ',') != NULL)
    return g_strconcat (QUOTE_OPEN, stripped, QUOTE_CLOSE, NULL);
  return g_steal_pointer (&stripped);
}

/* "der Kreistag", "die Verbandsversammlung", "das Gremium „…“": the article
 * follows the last part of the name's first word. */
static char *
council_with_article (const char *name)
{
  static const struct {
    const char *ending;
    const char *article;
  } genders[] = {
    { "rat", "der" }, { "tag", "der" }, { "ausschuss", "der" }, { "senat", "der" },
    { "versammlung", "die" }, { "vertretung", "die" }, { "kommission", "die" },
    { "konferenz", "die" }, { "verwaltung", "die" }, { "gremium", "das" },
    { "parlament", "das" }, { "plenum", "das" },
  };
  g_auto(GStrv) words = NULL;
  g_autofree char *first = NULL;
  g_autofree char *shown = easy_name (name);

  words = g_strsplit (name, " ", 2);
  first = g_utf8_strdown (words[0] != NULL ? words[0] : "", -1);
  for (guint i = 0; i < G_N_ELEMENTS (genders); i++)
    if (g_str_has_suffix (first, genders[i].ending) && !g_str_has_prefix (shown, QUOTE_OPEN))
      return g_strdup_printf ("%s %s", genders[i].article, shown);
  if (g_str_has_prefix (shown, QUOTE_OPEN))
    return g_strdup_printf ("das Gremium %s", shown);
  return g_strdup_printf ("das Gremium %s%s%s", QUOTE_OPEN, shown, QUOTE_CLOSE);
}

/* A submitter as the subject of a sentence: "Die SPD-Fraktion", "Erika Muster". */
static char *
party_subject (const BkParty *party)
{
  g_autofree char *name = easy_name (party->name);

  if (party->kind == BK_PARTY_PERSON)
    return g_steal_pointer (&name);
  if (g_str_has_prefix (party->name, "Die ") || g_str_has_prefix (party->name, "Der ")
      || g_str_has_prefix (party->name, "Das "))
    return g_steal_pointer (&name);
  /* "Fraktion …", "…-Fraktion", "Verwaltung": feminine; other groups are
   * named as a group */
  if (folded_contains (party->name, "fraktion") || folded_contains (party->name, "verwaltung")
      || folded_contains (party->name, "gruppe"))
    return g_strdup_printf ("Die %s", name);
  return g_strdup_printf ("Die Gruppe %s", name);
}

static char *
capitalise (const char *text)
{
  gunichar first = g_utf8_get_char (text);
  char buf[8];
  int n = g_unichar_to_utf8 (g_unichar_toupper (first), buf);

  return g_strdup_printf ("%.*s%s", n, buf, g_utf8_next_char (text));
}

static void
add_sentence (GString    *paragraph,
              const char *format,
              ...) G_GNUC_PRINTF (2, 3);

static void
add_sentence (GString    *paragraph,
              const char *format,
              ...)
{
  va_list args;
  g_autofree char *sentence = NULL;

  va_start (args, format);
  sentence = g_strdup_vprintf (format, args);
  va_end (args);
  if (paragraph->len > 0)
    g_string_append_c (paragraph, ' ');
  g_string_append (paragraph, sentence);
}

typedef enum {
  KIND_MOTION,      /* Antrag: asks for a decision */
  KIND_AMENDMENT,   /* changes another motion */
  KIND_SUPPLEMENT,  /* adds to another motion */
  KIND_AGENDA,      /* asks to change the agenda */
  KIND_QUESTIONS,   /* Anfrage */
  KIND_PROPOSAL,    /* the administration's Vorlage */
  KIND_REPORT,      /* the administration informs */
} Kind;

static Kind
motion_kind (const BkMotion *motion)
{
  const char *type = motion->type;

  if (folded_contains (type, "anfrage") || (motion->questions->len > 0 && motion->resolution_points->len == 0))
    return KIND_QUESTIONS;
  if (folded_contains (type, "änderungsantrag"))
    return KIND_AMENDMENT;
  if (folded_contains (type, "ergänzungsantrag"))
    return KIND_SUPPLEMENT;
  if (folded_contains (type, "tagesordnung"))
    return KIND_AGENDA;
  if (folded_contains (type, "mitteilung") || folded_contains (type, "bericht")
      || folded_contains (type, "information"))
    return KIND_REPORT;
  if (folded_contains (type, "vorlage"))
    return KIND_PROPOSAL;
  return KIND_MOTION;
}

/* The paper, as "den Antrag" after a verb. */
static const char *
kind_accusative (Kind kind)
{
  switch (kind)
    {
    case KIND_QUESTIONS:
      return "die Anfrage";
    case KIND_PROPOSAL:
      return "den Vorschlag";
    case KIND_REPORT:
      return "den Bericht";
    case KIND_MOTION:
    case KIND_AMENDMENT:
    case KIND_SUPPLEMENT:
    case KIND_AGENDA:
    default:
      return "den Antrag";
    }
}

static void
add_who_and_what (GString        *p,
                  const BkMotion *motion,
                  Kind            kind)
{
  g_autofree char *who = NULL;

  if (motion->subject != NULL)
    {
      g_autofree char *title = bk_easy_expand_abbreviations (motion->subject);
      gsize len;

      g_strstrip (title);
      /* quotes inside the quoted title become single ones: „Antrag ‚Bänke‘“ */
      {
        g_auto(GStrv) opened = g_strsplit (title, QUOTE_OPEN, -1);
        g_autofree char *joined = g_strjoinv ("‚", opened);
        g_auto(GStrv) closed = g_strsplit (joined, QUOTE_CLOSE, -1);

        g_free (title);
        title = g_strjoinv ("‘", closed);
      }
      len = strlen (title);
      while (len > 0 && (title[len - 1] == '.' || title[len - 1] == ':'))
        title[--len] = '\0';
      add_sentence (p, "Das Thema heißt: " QUOTE_OPEN "%s" QUOTE_CLOSE ".", title);
    }

  if (motion->submitters->len > 0)
    who = party_subject (g_ptr_array_index (motion->submitters, 0));
  else if (kind == KIND_PROPOSAL || kind == KIND_REPORT)
    who = g_strdup ("Die Verwaltung");

  if (who != NULL)
    switch (kind)
      {
      case KIND_QUESTIONS:
        if (motion->questions->len == 1)
          add_sentence (p, "%s stellt eine Frage.", who);
        else if (motion->questions->len > 1)
          add_sentence (p, "%s stellt %u Fragen.", who, motion->questions->len);
        else
          add_sentence (p, "%s stellt Fragen.", who);
        break;
      case KIND_AMENDMENT:
        add_sentence (p, "%s möchte einen anderen Antrag ändern.", who);
        break;
      case KIND_SUPPLEMENT:
        add_sentence (p, "%s möchte einen anderen Antrag ergänzen.", who);
        break;
      case KIND_AGENDA:
        add_sentence (p, "%s möchte die Tagesordnung ändern.", who);
        break;
      case KIND_PROPOSAL:
        add_sentence (p, "%s macht einen Vorschlag.", who);
        break;
      case KIND_REPORT:
        add_sentence (p, "%s informiert den Rat.", who);
        break;
      case KIND_MOTION:
      default:
        add_sentence (p, "%s stellt einen Antrag.", who);
        break;
      }
  for (guint i = 1; i < motion->submitters->len; i++)
    {
      g_autofree char *other = party_subject (g_ptr_array_index (motion->submitters, i));

      add_sentence (p, "%s macht auch mit.", other);
    }

  if (kind == KIND_QUESTIONS && motion->questions->len > 0)
    add_sentence (p, "Die Fragen stehen weiter unten.");
  else if (motion->resolution_points->len == 1)
    add_sentence (p, "Es gibt 1 Punkt. Der Punkt steht weiter unten.");
  else if (motion->resolution_points->len > 1)
    add_sentence (p, "Es gibt %u Punkte. Die Punkte stehen weiter unten.",
                  motion->resolution_points->len);
}

/* The council that decides: the consultation marked as deciding, else one
 * whose role says so, else the motion's own council. */
static const char *
deciding_council (const BkMotion *motion)
{
  for (guint i = 0; i < motion->consultations->len; i++)
    {
      const BkConsultation *c = g_ptr_array_index (motion->consultations, i);

      if (c->authoritative == BK_TRISTATE_YES && c->committee != NULL)
        return c->committee;
    }
  for (guint i = 0; i < motion->consultations->len; i++)
    {
      const BkConsultation *c = g_ptr_array_index (motion->consultations, i);

      if (c->committee != NULL && (folded_contains (c->role, "beschluss") || folded_contains (c->role, "entscheid")))
        return c->committee;
    }
  if (motion->body != NULL)
    return motion->body;
  if (motion->consultations->len > 0)
    return ((const BkConsultation *) g_ptr_array_index (motion->consultations,
                                                        motion->consultations->len - 1))->committee;
  return NULL;
}

static void
add_votes (GString   *p,
           BkOutcome  outcome,
           const BkVotes *votes)
{
  if (votes->unanimous)
    {
      add_sentence (p, outcome == BK_OUTCOME_REJECTED ? "Alle waren dagegen." : "Alle waren dafür.");
      return;
    }
  if (votes->yes >= 0)
    add_sentence (p, votes->yes == 1 ? "1 Mitglied war dafür." : "%d Mitglieder waren dafür.", votes->yes);
  if (votes->no >= 0)
    add_sentence (p, votes->no == 1 ? "1 Mitglied war dagegen." : "%d Mitglieder waren dagegen.", votes->no);
  if (votes->abstain > 0)
    {
      add_sentence (p, votes->abstain == 1 ? "1 Mitglied hat sich enthalten."
                                           : "%d Mitglieder haben sich enthalten.", votes->abstain);
      add_sentence (p, "Das heißt: Sie waren nicht dafür und nicht dagegen.");
    }
  if (votes->yes < 0 && votes->no < 0 && votes->majority)
    add_sentence (p, outcome == BK_OUTCOME_REJECTED ? "Die Mehrheit war dagegen." : "Die Mehrheit war dafür.");
}

/* "am 12. März 2026", or "" without a date (the sentence reads on). */
static char *
on_date (const char *iso)
{
  g_autofree char *date = bk_easy_format_date (iso);

  return date != NULL ? g_strdup_printf (" am %s", date) : g_strdup ("");
}

static void
add_decision (GString              *p,
              Kind                  kind,
              const BkConsultation *decision,
              const char           *decider)
{
  g_autofree char *who = council_with_article (decision->committee ? decision->committee : decider);
  g_autofree char *council = capitalise (who);
  g_autofree char *when = on_date (decision->date);
  switch (decision->outcome)
    {
    case BK_OUTCOME_DECIDED:
      add_sentence (p, "%s hat%s entschieden.", council, when);
      add_sentence (p, "Die Antwort ist: Ja.");
      add_votes (p, decision->outcome, &decision->votes);
      break;
    case BK_OUTCOME_REJECTED:
      add_sentence (p, "%s hat%s entschieden.", council, when);
      add_sentence (p, "Die Antwort ist: Nein.");
      add_votes (p, decision->outcome, &decision->votes);
      break;
    case BK_OUTCOME_NOTED:
      add_sentence (p, "%s hat%s darüber gesprochen.", council, when);
      add_sentence (p, "Es gab keine Abstimmung.");
      break;
    case BK_OUTCOME_WITHDRAWN:
      add_sentence (p, "Die Antragsteller haben %s zurückgenommen.", kind_accusative (kind));
      add_sentence (p, "Es gibt darum keine Entscheidung.");
      break;
    case BK_OUTCOME_NONE:
    case BK_OUTCOME_POSTPONED:
    case BK_OUTCOME_REFERRED:
    case BK_OUTCOME_RECOMMENDED:
    case BK_OUTCOME_OTHER:
    default:
      g_assert_not_reached ();
    }
}

/* What happened so far, when nothing is decided: the last meeting that
 * dealt with it. */
static void
add_progress (GString              *p,
              Kind                  kind,
              const BkConsultation *c)
{
  g_autofree char *who = council_with_article (c->committee);
  g_autofree char *council = capitalise (who);
  g_autofree char *when = on_date (c->date);

  switch (c->outcome)
    {
    case BK_OUTCOME_POSTPONED:
      add_sentence (p, "%s hat die Entscheidung%s verschoben.", council, when);
      break;
    case BK_OUTCOME_REFERRED:
      add_sentence (p, "%s hat %s%s weitergegeben.", council, kind_accusative (kind), when);
      add_sentence (p, "Jetzt spricht ein anderes Gremium darüber.");
      break;
    case BK_OUTCOME_RECOMMENDED:
      add_sentence (p, "%s hat%s darüber gesprochen.", council, when);
      add_sentence (p, "Danach hat %s eine Empfehlung gegeben.", who);
      break;
    case BK_OUTCOME_NONE:
    case BK_OUTCOME_OTHER:
    case BK_OUTCOME_DECIDED:
    case BK_OUTCOME_REJECTED:
    case BK_OUTCOME_NOTED:
    case BK_OUTCOME_WITHDRAWN:
    default:
      add_sentence (p, "%s hat%s darüber gesprochen.", council, when);
      break;
    }
}

static void
add_way (GString        *p,
         const BkMotion *motion,
         Kind            kind,
         const char     *today)
{
  const char *decider = deciding_council (motion);
  const BkConsultation *decision = bk_motion_get_decision (motion);
  const BkConsultation *last = NULL, *next = NULL;
  gboolean any_date = FALSE;

  if (decider == NULL)
    return;
  if (decision != NULL)
    {
      add_decision (p, kind, decision, decider);
      return;
    }

  for (guint i = 0; i < motion->consultations->len; i++)
    {
      const BkConsultation *c = g_ptr_array_index (motion->consultations, i);

      if (c->date == NULL || c->committee == NULL)
        continue;
      any_date = TRUE;
      if (strncmp (c->date, today, 10) < 0)
        {
          if (last == NULL || strcmp (c->date, last->date) >= 0)
            last = c;
        }
      else if (!c->meeting_cancelled && (next == NULL || strcmp (c->date, next->date) < 0))
        next = c;
    }

  if (last != NULL)
    add_progress (p, kind, last);

  {
    g_autofree char *who = council_with_article (decider);
    g_autofree char *council = capitalise (who);

    if (next != NULL && g_strcmp0 (next->committee, decider) == 0)
      {
        g_autofree char *when = on_date (next->date);

        if (kind == KIND_QUESTIONS || kind == KIND_REPORT)
          add_sentence (p, "%s spricht%s darüber.", council, when);
        else
          add_sentence (p, "%s entscheidet%s.", council, when);
        return;
      }
    if (kind == KIND_QUESTIONS)
      add_sentence (p, "%s bekommt die Antworten.", council);
    else if (kind == KIND_REPORT)
      add_sentence (p, "%s bekommt den Bericht.", council);
    else
      add_sentence (p, "%s entscheidet über %s.", council, kind_accusative (kind));
  }

  if (next != NULL)
    {
      g_autofree char *who = council_with_article (next->committee);
      g_autofree char *council = capitalise (who);
      g_autofree char *when = on_date (next->date);

      add_sentence (p, "%s spricht%s darüber.", council, when);
    }
  else if (!any_date)
    add_sentence (p, "Einen Termin gibt es noch nicht.");
  else if (kind != KIND_QUESTIONS && kind != KIND_REPORT)
    add_sentence (p, "Eine Entscheidung gibt es noch nicht.");
}

char *
bk_motion_easy_generate (const BkMotion *motion,
                         const char     *today)
{
  g_autofree char *real_today = NULL;
  g_autoptr(GString) first = g_string_new (NULL);
  g_autoptr(GString) second = g_string_new (NULL);
  Kind kind;

  g_return_val_if_fail (motion != NULL, NULL);

  if (today == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      today = real_today = g_date_time_format (now, "%Y-%m-%d");
    }
  kind = motion_kind (motion);
  add_who_and_what (first, motion, kind);
  add_way (second, motion, kind, today);

  if (first->len > 0 && second->len > 0)
    g_string_append (first, "\n\n");
  g_string_append (first, second->str);
  if (first->len == 0)
    g_string_append (first, "Zu diesem Papier gibt es noch keine Angaben.");
  return g_string_free (g_steal_pointer (&first), FALSE);
}

/* --- the check --------------------------------------------------------- */

static gboolean
fail (GError    **error,
      const char *rule,
      const char *sentence)
{
  g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT, "%s: %s", rule, sentence);
  return FALSE;
}

static gboolean
is_known_capital (const char *word)
{
  for (guint i = 0; i < G_N_ELEMENTS (known_capitals); i++)
    if (strcmp (word, known_capitals[i]) == 0)
      return TRUE;
  return FALSE;
}

/* A word of capitals ("TOP", "LRA", "AfD"): two or more capitals and at most
 * as many small letters. */
static gboolean
looks_like_acronym (const char *word)
{
  guint upper = 0, lower = 0;

  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isupper (c))
        upper++;
      else if (g_unichar_islower (c))
        lower++;
    }
  return upper >= 2 && lower <= 1;
}

static gboolean
check_words (const char *sentence,
             const char *shown,
             gboolean    in_name,
             GError    **error)
{
  g_auto(GStrv) words = g_strsplit_set (sentence, " ", -1);

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit_set (words[i], "-/()", -1);
      g_autofree char *lower = g_utf8_strdown (words[i], -1);
      gsize len = strlen (words[i]);

      /* a quoted title is the council's wording: only its shorthand is ours */
      for (guint j = 0; !in_name && j < G_N_ELEMENTS (passive_auxiliaries); j++)
        if (strcmp (lower, passive_auxiliaries[j]) == 0)
          return fail (error, "passive", shown);

      for (guint j = 0; parts[j] != NULL; j++)
        {
          g_autofree char *bare = g_strdup (parts[j]);
          gsize n = strlen (bare);

          while (n > 0 && strchr (".:!?;“„\"'", bare[n - 1]) != NULL)
            bare[--n] = '\0';
          if (looks_like_acronym (bare) && !is_known_capital (bare))
            return fail (error, "abbreviation", shown);
        }

      /* "z.B.": a dot between letters */
      if (strchr (words[i], '.') != NULL && strchr (words[i], '.') < words[i] + len - 1
          && g_ascii_isalpha (words[i][0]))
        return fail (error, "abbreviation", shown);
    }
  return TRUE;
}

/* Shorthand ending in a dot looks like the end of a sentence to the
 * sentence check ("Drs. 12"), so it is looked for in the whole text first:
 * the known ones, and a short word with a dot before a small letter
 * ("bzw. die"). */
static gboolean
check_dotted (const char  *text,
              GError     **error)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \n", -1);

  for (guint i = 0; i < G_N_ELEMENTS (abbreviations); i++)
    {
      const char *a = abbreviations[i].abbreviation;
      const char *found;

      if (a[strlen (a) - 1] != '.')
        continue;
      for (found = strstr (text, a); found != NULL; found = strstr (found + 1, a))
        if (found == text || !is_word_char (g_utf8_get_char (g_utf8_prev_char (found))))
          return fail (error, "abbreviation", a);
    }
  for (guint i = 0; words[i] != NULL && words[i + 1] != NULL; i++)
    {
      gsize len = strlen (words[i]);
      gboolean letters = len >= 2 && len <= 6 && words[i][len - 1] == '.';

      for (gsize k = 0; letters && k + 1 < len; k++)
        letters = g_ascii_isalpha (words[i][k]);
      if (letters && g_unichar_islower (g_utf8_get_char (words[i + 1])))
        return fail (error, "abbreviation", words[i]);
    }
  return TRUE;
}

gboolean
bk_motion_easy_check (const char  *text,
                      GError     **error)
{
  g_autoptr(GString) sentence = g_string_new (NULL);
  g_autoptr(GString) plain = g_string_new (NULL);   /* quotes as one word */
  g_autoptr(GString) quoted = g_string_new (NULL);
  gboolean in_quote = FALSE;

  g_return_val_if_fail (text != NULL, FALSE);

  if (!check_dotted (text, error))
    return FALSE;
  for (const char *p = text;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean end = c == 0;

      if (!end && !in_quote && (c == '.' || c == '!' || c == '?' || c == ':'))
        {
          /* "12. März": a dot after a number is an ordinal */
          gboolean ordinal = c == '.' && p > text && g_ascii_isdigit (p[-1]);
          const char *after = p + 1;

          if (!ordinal && (*after == '\0' || *after == ' ' || *after == '\n'))
            end = TRUE;
        }

      if (!end)
        {
          if (c == 0x201E) /* „ */
            {
              if (in_quote)
                return fail (error, "quotation inside a quotation", text);
              in_quote = TRUE;
              g_string_append (plain, "Titel");
            }
          else if (c == 0x201C && in_quote)
            {
              g_autoptr(GError) local = NULL;

              in_quote = FALSE;
              if (!check_words (quoted->str, text, TRUE, &local))
                return fail (error, "abbreviation in a name", quoted->str);
              g_string_truncate (quoted, 0);
            }
          else if (in_quote)
            g_string_append_unichar (quoted, c);
          else if (c == '\n')
            g_string_append_c (plain, ' ');
          else
            g_string_append_unichar (plain, c);
          g_string_append_unichar (sentence, c);
          continue;
        }

      if (c != 0)
        g_string_append_unichar (sentence, c);
      g_strstrip (sentence->str);
      g_string_set_size (sentence, strlen (sentence->str));
      if (sentence->len > 0)
        {
          if (in_quote)
            return fail (error, "unclosed quotation", sentence->str);
          if (strchr (plain->str, ',') != NULL)
            return fail (error, "more than one statement", sentence->str);
          if (count_words (plain->str) > BK_MOTION_EASY_MAX_WORDS)
            return fail (error, "too long", sentence->str);
          if (!check_words (plain->str, sentence->str, FALSE, error))
            return FALSE;
        }
      g_string_truncate (sentence, 0);
      g_string_truncate (plain, 0);
      if (c == 0)
        break;
    }
  return TRUE;
}
