/* test-motion-easy.c: "Kurz erklärt" follows the rules on every demo motion */

#include <string.h>

#include "bk-demo.h"
#include "bk-error.h"
#include "bk-glossary.h"
#include "bk-motion-easy.h"
#include "bk-test-util.h"

static void
test_date (void)
{
  g_autofree char *a = bk_easy_format_date ("2026-03-12");
  g_autofree char *b = bk_easy_format_date ("2026-12-01T18:00:00+01:00");
  g_autofree char *c = bk_easy_format_date ("2026-02-30");
  g_autofree char *d = bk_easy_format_date ("12.03.2026");

  g_assert_cmpstr (a, ==, "12. März 2026");
  g_assert_cmpstr (b, ==, "1. Dezember 2026");
  g_assert_null (c);
  g_assert_null (d);
  g_assert_null (bk_easy_format_date (NULL));
}

static void
test_expand (void)
{
  g_autofree char *a = bk_easy_expand_abbreviations ("Antrag zu TOP 4, z. B. Rampen");
  g_autofree char *b = bk_easy_expand_abbreviations ("TOPIC und SPD-Fraktion");
  g_autofree char *c = bk_easy_expand_abbreviations ("Drs. 12/0301 bzw. ÖPNV-Angebot");

  g_assert_cmpstr (a, ==, "Antrag zu Tagesordnungspunkt 4, zum Beispiel Rampen");
  g_assert_cmpstr (b, ==, "TOPIC und SPD-Fraktion");
  g_assert_cmpstr (c, ==, "Drucksache 12/0301 oder Bus und Bahn-Angebot");
}

static void
assert_breaks (const char *text,
               const char *rule)
{
  g_autoptr(GError) error = NULL;

  if (bk_motion_easy_check (text, &error))
    g_error ("“%s” passed the check; expected “%s”", text, rule);
  g_assert_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT);
  if (!g_str_has_prefix (error->message, rule))
    g_error ("“%s” broke “%s”, expected “%s”", text, error->message, rule);
}

static void
test_check (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (bk_motion_easy_check ("Das Thema heißt: „Bänke am Markt, Rampen und Wege für alle "
                                       "Menschen in der ganzen Stadt“. Der Stadtrat entscheidet am "
                                       "12. März 2026.\n\nDie SPD-Fraktion stellt einen Antrag.", &error));
  g_assert_no_error (error);
  assert_breaks ("Der Kreistag hat am 12. März 2026 über den neuen Antrag der Fraktion lange gesprochen.",
                 "too long");
  assert_breaks ("Der Antrag wird im Kreistag beschlossen.", "passive");
  assert_breaks ("Die Bänke werden aufgestellt.", "passive");
  assert_breaks ("Der Kreistag spricht zu TOP 4.", "abbreviation");
  assert_breaks ("Es geht um Drs. 12 im Rat.", "abbreviation");
  assert_breaks ("Es gibt z.B. Bänke.", "abbreviation");
  assert_breaks ("Das Thema heißt: „Rampen im LRA“.", "abbreviation in a name");
  assert_breaks ("Es gibt Bänke, und es gibt Rampen.", "more than one statement");
  assert_breaks ("Das Thema heißt: „Bänke am Markt.", "unclosed quotation");
  assert_breaks ("Das Thema heißt: „Antrag „Bänke“ hier“.", "quotation inside a quotation");
  /* a quoted title keeps the council's passive; party names are names */
  g_assert_true (bk_motion_easy_check ("Das Thema heißt: „Bänke sollen aufgestellt werden“. "
                                       "Die Fraktion DIE LINKE macht auch mit.", &error));
  g_assert_no_error (error);
}

static void
test_generate (void)
{
  g_autoptr(BkMotion) m = bk_motion_new ();
  BkConsultation *c;
  g_autofree char *decided = NULL;
  g_autofree char *planned = NULL;
  g_autofree char *questions = NULL;
  g_autofree char *bare = NULL;

  m->subject = g_strdup ("Neue Bänke am Markt (TOP 7).");
  m->type = g_strdup ("Sachantrag");
  m->body = g_strdup ("Stadtrat Auenbach");
  bk_motion_add_submitter (m, "SPD-Fraktion", BK_PARTY_FACTION);
  bk_motion_add_submitter (m, "Fraktion DIE LINKE", BK_PARTY_FACTION);
  bk_motion_add_point (m, "Die Verwaltung wird beauftragt, Bänke aufzustellen.");
  bk_motion_add_point (m, "Die Kosten werden im Haushalt 2027 eingeplant.");
  bk_motion_add_consultation (m, "Bauausschuss", "2026-03-02", "Vorberatung", BK_TRISTATE_YES);
  c = bk_motion_add_consultation (m, "Stadtrat Auenbach", "2026-03-12", "Entscheidung", BK_TRISTATE_YES);

  /* before the meetings */
  planned = bk_motion_easy_generate (m, "2026-02-01");
  g_assert_cmpstr (planned, ==,
                   "Das Thema heißt: „Neue Bänke am Markt (Tagesordnungspunkt 7)“. "
                   "Die SPD-Fraktion stellt einen Antrag. Die Fraktion DIE LINKE macht auch mit. "
                   "Es gibt 2 Punkte. Die Punkte stehen weiter unten.\n\n"
                   "Der Stadtrat Auenbach entscheidet über den Antrag. "
                   "Der Bauausschuss spricht am 2. März 2026 darüber.");

  /* decided, with the vote */
  c->outcome = BK_OUTCOME_DECIDED;
  bk_votes_init (&c->votes);
  c->votes.yes = 21;
  c->votes.no = 3;
  c->votes.abstain = 1;
  decided = bk_motion_easy_generate (m, "2026-04-01");
  g_assert_nonnull (strstr (decided, "Der Stadtrat Auenbach hat am 12. März 2026 entschieden. "
                                     "Die Antwort ist: Ja. 21 Mitglieder waren dafür. "
                                     "3 Mitglieder waren dagegen. 1 Mitglied hat sich enthalten."));
  g_assert_true (bk_motion_easy_check (decided, NULL));

  /* an Anfrage */
  g_clear_pointer (&m, bk_motion_free);
  m = bk_motion_new ();
  m->type = g_strdup ("Anfrage");
  m->subject = g_strdup ("Internet im Seniorenheim");
  m->body = g_strdup ("Gemeinderat Lindental");
  bk_motion_add_submitter (m, "Erika Muster", BK_PARTY_PERSON);
  bk_motion_add_question (m, "Wo gibt es Internet?");
  bk_motion_add_question (m, "Was kostet es?");
  bk_motion_add_consultation (m, "Gemeinderat Lindental", "2026-12-15", NULL, BK_TRISTATE_YES);
  questions = bk_motion_easy_generate (m, "2026-11-23");
  g_assert_cmpstr (questions, ==,
                   "Das Thema heißt: „Internet im Seniorenheim“. Erika Muster stellt 2 Fragen. "
                   "Die Fragen stehen weiter unten.\n\n"
                   "Der Gemeinderat Lindental spricht am 15. Dezember 2026 darüber.");

  /* nothing but a long council name: quoted, and no date */
  g_clear_pointer (&m, bk_motion_free);
  m = bk_motion_new ();
  m->body = g_strdup ("Ausschuss für Bildung, Kultur und Sport");
  bare = bk_motion_easy_generate (m, "2026-11-23");
  g_assert_cmpstr (bare, ==, "Das Gremium „Ausschuss für Bildung, Kultur und Sport“ entscheidet über "
                             "den Antrag. Einen Termin gibt es noch nicht.");
  g_assert_true (bk_motion_easy_check (bare, NULL));
}

/* Every demo motion, seen from the demo's day and from today: the rules
 * hold, and each box has words the glossary explains. */
static void
test_demo_motions (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = bk_test_tmp_path ("kiosk.db");
  g_autoptr(BkStore) store = bk_demo_open_store (path, &error);
  g_autoptr(GArray) ids = NULL;
  BkGlossary *glossary = bk_glossary_get_default ();
  const char *days[] = { "2026-11-23", NULL };
  guint decided = 0;

  g_assert_no_error (error);
  ids = bk_store_list_motion_ids (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, >=, 13);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(BkMotion) m = bk_store_load_motion (store, g_array_index (ids, gint64, i), &error);

      g_assert_no_error (error);
      if (bk_motion_get_decision (m) != NULL)
        decided++;
      for (guint d = 0; d < G_N_ELEMENTS (days); d++)
        {
          g_autofree char *text = bk_motion_easy_generate (m, days[d]);
          g_autoptr(GPtrArray) terms = bk_glossary_find_terms (glossary, text);

          if (g_test_verbose ())
            g_printerr ("%s\n%s\n\n", m->reference ? m->reference : m->subject, text);
          if (!bk_motion_easy_check (text, &error))
            g_error ("%s: %s\n%s", m->subject, error->message, text);
          if (terms == NULL || terms->len == 0)
            g_error ("%s: no glossary word in “%s”", m->subject, text);
          g_assert_nonnull (strstr (text, "Das Thema heißt: „"));
        }
    }
  g_test_message ("%u demo motions, %u decided", ids->len, decided);
}

/* Every outcome and kind of paper, with and without votes: the sentences
 * the demo does not reach follow the rules too. */
static void
test_every_outcome (void)
{
  static const char *const types[] = { "Antrag", "Anfrage", "Änderungsantrag", "Ergänzungsantrag",
                                       "Antrag zur Tagesordnung", "Beschlussvorlage", "Mitteilungsvorlage" };

  for (guint t = 0; t < G_N_ELEMENTS (types); t++)
    for (int o = BK_OUTCOME_NONE; o <= BK_OUTCOME_OTHER; o++)
      for (guint v = 0; v < 3; v++)
        {
          g_autoptr(BkMotion) m = bk_motion_new ();
          g_autofree char *text = NULL;
          g_autoptr(GError) error = NULL;
          BkConsultation *c;

          m->type = g_strdup (types[t]);
          m->subject = g_strdup ("Barrierefreie Haltestellen gem. Drs. 12/0371, z. B. am ÖPNV-Knoten");
          m->body = g_strdup ("Kreistag");
          if (t % 2 == 0)
            bk_motion_add_submitter (m, "Fraktion BÜNDNIS 90/DIE GRÜNEN", BK_PARTY_FACTION);
          bk_motion_add_point (m, "Die Verwaltung wird beauftragt.");
          bk_motion_add_question (m, "Wann wird gebaut?");
          c = bk_motion_add_consultation (m, "Ausschuss für Umwelt, Bau und Verkehr", "2026-10-01",
                                          "Vorberatung", BK_TRISTATE_YES);
          c->outcome = (BkOutcome) o;
          bk_votes_init (&c->votes);
          if (v == 1)
            c->votes.unanimous = TRUE;
          else if (v == 2)
            {
              c->votes.yes = 1;
              c->votes.no = 12;
              c->votes.abstain = 2;
            }
          bk_motion_add_consultation (m, "Kreistag", "2026-12-10", "Entscheidung", BK_TRISTATE_YES);
          text = bk_motion_easy_generate (m, "2026-11-23");
          if (!bk_motion_easy_check (text, &error))
            g_error ("%s, outcome %d: %s\n%s", types[t], o, error->message, text);
          g_assert_null (strstr (text, "Drs."));
          g_assert_nonnull (strstr (text, "nach Drucksache 12/0371, zum Beispiel am Bus und Bahn-Knoten"));
        }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/motion-easy/date", test_date);
  g_test_add_func ("/motion-easy/expand", test_expand);
  g_test_add_func ("/motion-easy/check", test_check);
  g_test_add_func ("/motion-easy/generate", test_generate);
  g_test_add_func ("/motion-easy/demo-motions", test_demo_motions);
  g_test_add_func ("/motion-easy/every-outcome", test_every_outcome);
  return g_test_run ();
}
