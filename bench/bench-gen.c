/* bench-gen.c: deterministic generator of realistic German council motions.
 * See bench-gen.h. All names, places and numbers are invented.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>
#include <time.h>
#include <glib/gstdio.h>

#include "bench-gen.h"

#define N_ELEM(a) G_N_ELEMENTS (a)
#define PICK(rand, a) ((a)[g_rand_int_range ((rand), 0, (gint32) N_ELEM (a))])

/* --- vocabulary ---------------------------------------------------------- */

typedef struct {
  const char *town;    /* "Stadt Auenbach" */
  const char *organ;   /* "Stadtrat" */
  const char *body;    /* "Stadtrat Auenbach": the body a motion is addressed to */
  const char *prefix;  /* reference prefix */
  const char *mayor;   /* addressee of letters */
} Body;

static const Body bodies[] = {
  { "Stadt Auenbach", "Stadtrat", "Stadtrat Auenbach", "A", "Frau Bürgermeisterin Sabine Wendt" },
  { "Gemeinde Lindental", "Gemeinderat", "Gemeinderat Lindental", "GR", "Herrn Bürgermeister Jörg Kessler" },
  { "Landkreis Beispielkreis", "Kreistag", "Kreistag Beispielkreis", "KT", "Frau Landrätin Dr. Ute Brandl" },
  { "Stadt Bergheim", "Stadtrat", "Stadtrat Bergheim", "SR", "Herrn Oberbürgermeister Malte Oswald" },
  { "Gemeinde Tannenhof", "Gemeinderat", "Gemeinderat Tannenhof", "GT", "Frau Bürgermeisterin Petra Hüls" },
};

static const char *const factions[] = {
  "CDU-Fraktion", "SPD-Fraktion", "Fraktion BÜNDNIS 90/DIE GRÜNEN", "FDP-Fraktion",
  "Fraktion DIE LINKE", "Freie Wähler", "ÖDP-Gruppe", "Fraktion Volt",
  "Wählergemeinschaft Bürger für Lindental", "CSU-Fraktion", "Unabhängige Liste",
};

static const char *const councils[] = {   /* organisations that submit */
  "Jugendbeirat", "Seniorenbeirat", "Behindertenbeirat", "Integrationsbeirat",
};

static const char *const first_names[] = {
  "Anja", "Yusuf", "Gisela", "Dominik", "Bernhard", "Felix", "Sabine", "Jörg", "Ute",
  "Malte", "Petra", "Özlem", "Jürgen", "Katrin", "Lukas", "Mareike", "Thomas", "Svenja",
  "Hans-Peter", "Leonie", "Mustafa", "Ingrid", "Björn", "Chiara", "Wolfgang", "Nadine",
  "Günther", "Franziska", "Ahmet", "Lena",
};

static const char *const last_names[] = {
  "Brenninger", "Demir", "Thaler", "Hausner", "Vollmer", "Strobel", "Wendt", "Kessler",
  "Brandl", "Oswald", "Hüls", "Yılmaz", "Müller", "Schäfer", "Weißenberger", "Krüger",
  "Hoffmann", "Öztürk", "Lindner", "Baumgärtner", "Scholz", "Fischer", "Wagner", "Becker",
  "Schröder", "Neumann", "Schwarz", "Zimmermann", "Köhler", "Lehmann", "Großmann",
  "Kaya", "Vogt", "Sauer", "Jäger", "Friedrich", "Busch", "Winkler", "Roth", "Hahn",
};

static const char *const person_roles[] = {
  "Fraktionsvorsitzende", "Fraktionsvorsitzender", "Stadträtin", "Stadtrat",
  "Gemeinderätin", "Gemeinderat", "Kreisrätin", "Kreisrat", "Sprecherin", "Sprecher",
};

static const char *const committees[] = {
  "Bau- und Umweltausschuss", "Ausschuss für Jugend, Bildung und Sport", "Finanzausschuss",
  "Sozialausschuss", "Verkehrsausschuss", "Ausschuss für Schulen und Digitales",
  "Hauptausschuss", "Kulturausschuss", "Ausschuss für Klimaschutz und Energie",
  "Ältestenrat", "Werkausschuss", "Ausschuss für Gesundheit und Pflege",
};

static const char *const consultation_roles[] = {
  "Vorberatung", "Vorberatung", "Beschluss", "Kenntnisnahme", "Entscheidung",
};

static const char *const types[] = {
  "Sachantrag", "Sachantrag", "Sachantrag", "Ergänzungsantrag", "Änderungsantrag",
  "Anfrage", "Antrag zur Tagesordnung", "Prüfantrag",
};

/* Topics as compounds, so that parts of them can be searched for. */
typedef struct {
  const char *head;
  const char *tail;   /* "" for simple words */
} Topic;

static const Topic topics[] = {
  { "Bürger", "portal" }, { "Rad", "weg" }, { "Spiel", "platz" }, { "Straßen", "beleuchtung" },
  { "Grün", "fläche" }, { "Schul", "hof" }, { "Bus", "haltestelle" }, { "Hochwasser", "schutz" },
  { "Senioren", "zentrum" }, { "Jugend", "gemeinderat" }, { "Gebärden", "sprache" },
  { "Kinder", "tagesstätte" }, { "Sport", "platz" }, { "Stadt", "bücherei" }, { "Frei", "bad" },
  { "Feuerwehr", "haus" }, { "Park", "haus" }, { "Fußgänger", "überweg" }, { "Lade", "säule" },
  { "Photovoltaik", "anlage" }, { "Wärme", "pumpe" }, { "Baum", "pflanzung" }, { "Blüh", "wiese" },
  { "Trinkwasser", "brunnen" }, { "Sitz", "bank" }, { "Rampe", "" }, { "Aufzug", "" },
  { "Toiletten", "anlage" }, { "Glasfaser", "anschluss" }, { "Schul", "weg" }, { "Car", "sharing" },
  { "Lasten", "rad" }, { "Mehrgenerationen", "haus" }, { "Obdachlosen", "unterkunft" },
  { "Musik", "schule" }, { "Volkshoch", "schule" }, { "Wochen", "markt" }, { "Friedhof", "" },
  { "Markt", "platz" }, { "Stadt", "park" }, { "Hunde", "wiese" }, { "Skater", "park" },
  { "Jugend", "zentrum" }, { "Hebammen", "versorgung" }, { "Pflege", "stützpunkt" },
  { "Ehrenamts", "karte" }, { "Lärm", "schutzwand" }, { "Wertstoff", "hof" },
  { "Regenwasser", "zisterne" }, { "Dach", "begrünung" }, { "Hitzeschutz", "plan" },
  { "Nahverkehrs", "plan" }, { "Sozial", "ticket" }, { "Schwimm", "kurs" }, { "Mensa", "" },
  { "Schulsozial", "arbeit" }, { "Tempo-30-", "Zone" }, { "Bürger", "büro" }, { "Rathaus", "" },
  { "WLAN", "" }, { "Kreis", "straße" }, { "Fahrrad", "abstellanlage" }, { "Quartiers", "zentrum" },
};

static const char *const places[] = {
  "an der Goethestraße", "am Mühlbach", "in der Lindenallee", "auf dem Marktplatz",
  "im Stadtteil Nord", "am Bahnhof", "im Ortsteil Tannenhof", "an der Grundschule Am Auenpark",
  "in der Schillerstraße", "am Brückenweg", "in der Kirchgasse", "an der Hauptstraße",
  "im Neubaugebiet Sonnenhang", "an der Realschule Süd", "am Friedhofsweg", "in der Altstadt",
  "im Gewerbegebiet West", "an der Kreisstraße 12", "am Seeufer", "in der Bahnhofstraße",
  "am Lindenhof", "im Ortsteil Oberweiler", "an der Ringstraße", "am Schlossgarten",
};

static const char *const actions[] = {
  "Sanierung", "Neubau", "Erweiterung", "barrierefreier Ausbau", "Prüfung", "Einrichtung",
  "Modernisierung", "bessere Beleuchtung", "Finanzierung", "längere Öffnungszeiten",
  "mehr Sicherheit", "Reinigung und Pflege", "Beteiligung der Anwohnerinnen und Anwohner",
  "Verlegung", "Instandsetzung", "Förderung",
};

static const char *const groups[] = {
  "Seniorinnen und Senioren", "Menschen mit Behinderung", "Familien mit kleinen Kindern",
  "Schülerinnen und Schüler", "Rollstuhlfahrerinnen und Rollstuhlfahrer",
  "Pendlerinnen und Pendler", "Menschen mit Sehbehinderung", "gehörlose Menschen",
  "Alleinerziehende", "Jugendliche", "Anwohnerinnen und Anwohner", "Ehrenamtliche",
};

static const char *const features[] = {
  "Rampe und Handlauf", "taktilen Leitsystemen", "Informationen in Leichter Sprache",
  "ausreichender Beleuchtung", "Sitzgelegenheiten im Schatten", "Gebärdensprachdolmetschung",
  "kontrastreicher Beschilderung", "einer induktiven Höranlage", "Trinkwasserspendern",
  "überdachten Fahrradständern",
};

static const char *const civic_values[] = {
  "Klimaschutz", "Inklusion", "Familienfreundlichkeit", "Verkehrssicherheit", "Bürgernähe",
  "Teilhabe", "Nachhaltigkeit", "Gesundheitsvorsorge",
};

static const char *const towns[] = {
  "Freiburg", "Münster", "Erlangen", "Tübingen", "Lüneburg", "Göttingen", "Konstanz",
  "Bamberg", "Würzburg", "Oldenburg",
};

static const char *const months[] = {
  "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
  "Oktober", "November", "Dezember",
};

/* Words citizens type that are not topics. */
static const char *const extra_words[] = {
  "Barrierefreiheit", "Fördermittel", "Haushalt", "Verwaltung", "Konzept", "Leichte Sprache",
  "Klimaschutz", "Inklusion", "Verkehrssicherheit", "Senioren", "Jugendliche", "Umfrage",
  "Kosten", "Beleuchtung", "Sanierung", "Neubau", "Digitalisierung", "Grundschule",
  "Ausschuss", "Stellungnahme", "Anwohner", "Rollstuhl", "Lindental", "Auenbach", "Bergheim",
  "SPD", "CDU", "GRÜNEN", "Volt", "Freie Wähler", "Mühlbach", "Goethestraße", "Marktplatz",
  "Seniorenbeirat", "Behindertenbeirat", "Jugendbeirat", "Tannenhof", "Schlossgarten",
};

/* --- helpers ------------------------------------------------------------- */

static char *
topic_word (const Topic *t)
{
  return g_strconcat (t->head, t->tail, NULL);
}

static char *
random_person (GRand *rand)
{
  return g_strdup_printf ("%s %s", PICK (rand, first_names), PICK (rand, last_names));
}

/* Days since 2018-01-01 → ISO date. */
static char *
iso_date (guint day)
{
  g_autoptr(GDate) d = g_date_new_dmy (1, G_DATE_JANUARY, 2018);

  g_date_add_days (d, day);
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (d), g_date_get_month (d),
                          g_date_get_day (d));
}

static char *
german_date (const char *iso)
{
  return g_strdup_printf ("%.2s.%.2s.%.4s", iso + 8, iso + 5, iso);
}

static char *
long_german_date (const char *iso)
{
  int month = atoi (iso + 5);

  return g_strdup_printf ("%d. %s %.4s", atoi (iso + 8), months[month - 1], iso);
}

static void
append_sentence (GString *s, GRand *rand, const char *topic, const char *place,
                 const char *other_topic, const char *committee)
{
  int year = g_rand_int_range (rand, 2012, 2026);

  switch (g_rand_int_range (rand, 0, 20))
    {
    case 0:
      g_string_append_printf (s, "Bürgerinnen und Bürger haben uns mehrfach berichtet, dass der Zustand von %s %s nicht mehr zumutbar ist.", topic, place);
      break;
    case 1:
      g_string_append_printf (s, "Gerade für %s ist %s ein wichtiger Teil des täglichen Lebens.", PICK (rand, groups), topic);
      break;
    case 2:
      g_string_append_printf (s, "Seit %d hat sich an der Situation %s kaum etwas geändert.", year, place);
      break;
    case 3:
      g_string_append_printf (s, "Andere Kommunen wie %s haben mit %s gute Erfahrungen gemacht und die Kosten deutlich gesenkt.", PICK (rand, towns), other_topic);
      break;
    case 4:
      g_string_append (s, "Die Kosten lassen sich durch Fördermittel des Landes und des Bundes zu einem großen Teil decken.");
      break;
    case 5:
      g_string_append_printf (s, "Eine Umfrage des Jugendbeirats ergab, dass %d Prozent der Befragten %s häufiger nutzen würden, wenn eine %s erfolgt.", g_rand_int_range (rand, 20, 95), topic, PICK (rand, actions));
      break;
    case 6:
      g_string_append (s, "Barrierefreiheit ist kein Luxus, sondern die Voraussetzung dafür, dass alle Menschen am öffentlichen Leben teilhaben können.");
      break;
    case 7:
      g_string_append_printf (s, "%s sind auf %s angewiesen, die %s bisher fehlen.", PICK (rand, groups), PICK (rand, features), place);
      break;
    case 8:
      g_string_append_printf (s, "Der %s hat sich bereits im Jahr %d mit dem Thema befasst, ohne dass ein Beschluss gefasst wurde.", committee, year);
      break;
    case 9:
      g_string_append_printf (s, "Die Verwaltung hat in ihrer Stellungnahme vom %d. %s %d selbst eingeräumt, dass beim Thema %s Handlungsbedarf besteht.", g_rand_int_range (rand, 1, 29), PICK (rand, months), year, topic);
      break;
    case 10:
      g_string_append_printf (s, "Mit %s %s würde die Kommune ein sichtbares Zeichen für %s setzen.", topic, place, PICK (rand, civic_values));
      break;
    case 11:
      g_string_append (s, "Die Verkehrsbelastung in der Innenstadt hat in den letzten Jahren deutlich zugenommen, besonders zu den Stoßzeiten am Morgen.");
      break;
    case 12:
      g_string_append (s, "Die Sommer der letzten Jahre haben gezeigt, wie wichtig schattige Plätze und frei zugängliches Trinkwasser im öffentlichen Raum sind.");
      break;
    case 13:
      g_string_append (s, "Viele ältere Menschen haben keinen eigenen Internetzugang und sind auf persönliche Beratung im Rathaus angewiesen.");
      break;
    case 14:
      g_string_append_printf (s, "Im Zusammenhang mit %s sollte auch geprüft werden, ob %s sinnvoll ergänzt werden kann.", topic, other_topic);
      break;
    case 15:
      g_string_append_printf (s, "Nach Schätzung der Verwaltung belaufen sich die Kosten auf rund %d 000 Euro, verteilt auf die Haushaltsjahre %d und %d.", g_rand_int_range (rand, 15, 900), year + 1, year + 2);
      break;
    case 16:
      g_string_append_printf (s, "Bei einer Begehung mit dem Behindertenbeirat wurden %s zahlreiche Hindernisse festgestellt, etwa hohe Bordsteine und fehlende Handläufe.", place);
      break;
    case 17:
      g_string_append_printf (s, "Die Anwohnerinnen und Anwohner %s haben %d Unterschriften für %s gesammelt.", place, g_rand_int_range (rand, 80, 2400), topic);
      break;
    case 18:
      g_string_append_printf (s, "Wir bitten daher um Zustimmung zu diesem Antrag und um eine zügige Umsetzung im Sinne von %s.", PICK (rand, civic_values));
      break;
    default:
      g_string_append_printf (s, "Ein Ortstermin %s hat gezeigt, dass %s dringend notwendig ist.", place, PICK (rand, actions));
      break;
    }
}

static char *
make_justification (GRand *rand, const char *topic, const char *place, const char *committee)
{
  guint target = g_rand_int_range (rand, 100, 301);
  guint words = 0, in_paragraph = 0;
  GString *s = g_string_new (NULL);

  while (words < target)
    {
      const Topic *other = &PICK (rand, topics);
      g_autofree char *other_word = topic_word (other);
      gsize before = s->len;

      if (in_paragraph > 0)
        g_string_append_c (s, ' ');
      append_sentence (s, rand, topic, place, other_word, committee);
      for (gsize i = before; i < s->len; i++)
        if (s->str[i] == ' ')
          words++;
      words++;
      if (++in_paragraph >= (guint) g_rand_int_range (rand, 2, 5) && words < target)
        {
          g_string_append (s, "\n\n");
          in_paragraph = 0;
        }
    }
  return g_string_free (s, FALSE);
}

static char *
make_point (GRand *rand, const char *topic, const char *place, const char *committee,
            const char *action)
{
  int year = g_rand_int_range (rand, 2019, 2029);

  switch (g_rand_int_range (rand, 0, 8))
    {
    case 0:
      return g_strdup_printf ("Die Verwaltung wird beauftragt, bis zum %s %d ein Konzept für %s %s vorzulegen.", PICK (rand, months), year, topic, place);
    case 1:
      return g_strdup_printf ("Die Kosten für %s %s werden ermittelt und dem %s vorgelegt.", action, topic, committee);
    case 2:
      return g_strdup_printf ("Für %s werden im Haushalt %d Mittel in Höhe von %d 000 Euro bereitgestellt.", topic, year, g_rand_int_range (rand, 10, 800));
    case 3:
      return g_strdup_printf ("Die Verwaltung beantragt Fördermittel des Landes für %s.", topic);
    case 4:
      return g_strdup_printf ("%s werden frühzeitig an der Planung beteiligt.", PICK (rand, groups));
    case 5:
      return g_strdup_printf ("Die Umsetzung erfolgt bis Ende %d; über den Stand wird im %s berichtet.", year, committee);
    case 6:
      return g_strdup_printf ("Die Verwaltung prüft, ob %s %s barrierefrei erreichbar gemacht werden kann.", topic, place);
    default:
      return g_strdup_printf ("Bei %s %s wird auf %s geachtet.", topic, place, PICK (rand, features));
    }
}

/* --- motions ------------------------------------------------------------- */

BkMotion *
bench_gen_motion (GRand *rand, guint index)
{
  BkMotion *m = bk_motion_new ();
  const Body *body = &PICK (rand, bodies);
  const Topic *topic = &PICK (rand, topics);
  g_autofree char *topic_w = topic_word (topic);
  const char *place = PICK (rand, places);
  const char *action = PICK (rand, actions);
  const char *committee = PICK (rand, committees);
  guint day = g_rand_int_range (rand, 0, 3466);   /* 2018-01-01 … 2027-06-30 */
  guint n;

  switch (g_rand_int_range (rand, 0, 5))
    {
    case 0:
      m->subject = g_strdup_printf ("%c%s: %s %s", g_ascii_toupper (action[0]), action + 1, topic_w, place);
      break;
    case 1:
      m->subject = g_strdup_printf ("%s %s – %s", topic_w, place, action);
      break;
    case 2:
      m->subject = g_strdup_printf ("Antrag auf %s für %s %s", action, topic_w, place);
      break;
    case 3:
      m->subject = g_strdup_printf ("%s für %s", topic_w, PICK (rand, groups));
      break;
    default:
      m->subject = g_strdup_printf ("%s und %s %s", topic_w, PICK (rand, features), place);
      break;
    }
  m->body = g_strdup (body->body);
  m->type = g_strdup (PICK (rand, types));
  m->date = iso_date (day);
  m->reference = g_strdup_printf ("%s/%.4s/%05u", body->prefix, m->date, index + 1);
  m->is_public = g_rand_int_range (rand, 0, 10) == 0 ? BK_TRISTATE_NO : BK_TRISTATE_YES;
  m->justification = make_justification (rand, topic_w, place, committee);

  switch (g_rand_int_range (rand, 0, 10))
    {
    case 0: case 1:
      {
        g_autofree char *p = random_person (rand);
        bk_motion_add_submitter (m, p, BK_PARTY_PERSON);
      }
      break;
    case 2:
      bk_motion_add_submitter (m, PICK (rand, councils), BK_PARTY_ORGANIZATION);
      break;
    default:
      {
        guint f1 = g_rand_int_range (rand, 0, N_ELEM (factions));

        bk_motion_add_submitter (m, factions[f1], BK_PARTY_FACTION);
        if (g_rand_boolean (rand))
          bk_motion_add_submitter (m, factions[(f1 + g_rand_int_range (rand, 1, N_ELEM (factions))) % N_ELEM (factions)],
                                   BK_PARTY_FACTION);
      }
    }
  n = g_rand_int_range (rand, 1, 3);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *p = random_person (rand);
      BkParty *party = bk_motion_add_signatory (m, p, BK_PARTY_PERSON);

      party->role = g_strdup (PICK (rand, person_roles));
    }

  n = g_rand_int_range (rand, 1, 4);
  for (guint i = 0, d = day; i < n; i++)
    {
      g_autofree char *date = NULL;

      d += g_rand_int_range (rand, 14, 90);
      date = iso_date (d);
      bk_motion_add_consultation (m, i == n - 1 ? body->body : PICK (rand, committees), date,
                                  i == n - 1 ? "Beschluss" : PICK (rand, consultation_roles),
                                  BK_TRISTATE_YES);
    }

  n = g_rand_int_range (rand, 2, 6);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = make_point (rand, topic_w, place, committee, action);
      BkResolutionPoint *p = bk_motion_add_point (m, text);

      if (g_rand_int_range (rand, 0, 6) == 0)
        for (guint j = 0; j < 2; j++)
          {
            g_autofree char *sub = g_strdup_printf ("%s mit %s", topic_w, PICK (rand, features));
            bk_resolution_point_add_subpoint (p, sub);
          }
    }
  if (g_rand_int_range (rand, 0, 8) == 0 && index > 0)
    {
      g_autofree char *ref = g_strdup_printf ("%s/%.4s/%05u", body->prefix, m->date,
                                              g_rand_int_range (rand, 0, index) + 1);
      bk_motion_add_reference (m, ref);
    }
  /* As if imported from OParl (the way 100 000 motions arrive). It also keeps
   * the store's look-up for an existing motion on the oparl_id index: without
   * one, bk-store.c's "oparl_id IS NULL AND reference = ?" look-up scans every
   * text-imported motion on each save (see bench/README.md). */
  m->oparl_id = g_strdup_printf ("https://ris.bench.example/oparl/v1/paper/%u", index + 1);
  m->source = g_strdup_printf ("bench-%06u", index);
  return m;
}

/* --- texts in the importer's layouts ------------------------------------- */

static const Body *
body_of (const BkMotion *m)
{
  for (guint i = 0; i < N_ELEM (bodies); i++)
    if (g_strcmp0 (bodies[i].body, m->body) == 0)
      return &bodies[i];
  return &bodies[0];
}

static void
append_points (GString *s, const BkMotion *m)
{
  for (guint i = 0; i < m->resolution_points->len; i++)
    {
      BkResolutionPoint *p = g_ptr_array_index (m->resolution_points, i);

      g_string_append_printf (s, "%u. %s\n", i + 1, p->text);
      for (guint j = 0; j < p->subpoints->len; j++)
        g_string_append_printf (s, "   - %s\n", (char *) g_ptr_array_index (p->subpoints, j));
    }
}

static void
append_signatures (GString *s, const BkMotion *m, gboolean gez)
{
  for (guint i = 0; i < m->signatories->len; i++)
    {
      BkParty *p = g_ptr_array_index (m->signatories, i);

      g_string_append (s, "\n");
      if (gez)
        g_string_append (s, "gez.\n");
      g_string_append_printf (s, "%s\n%s\n", p->name, p->role ? p->role : "");
    }
}

char *
bench_gen_text (GRand *rand, guint index, guint layout, const char **ext)
{
  g_autoptr(BkMotion) m = bench_gen_motion (rand, index);
  const Body *body = body_of (m);
  g_autofree char *submitters = bk_motion_dup_submitter_names (m);
  g_autofree char *date = german_date (m->date);
  GString *s = g_string_new (NULL);

  switch (layout % 3)
    {
    case 0:   /* header block */
      *ext = "txt";
      g_string_append_printf (s, "%s\n%s\n\n%s\n\n", body->town, body->organ, m->type);
      g_string_append_printf (s, "Antragsteller: %s\nDatum: %s\nDrucksache Nr.: %s\n\n",
                              submitters, date, m->reference);
      g_string_append (s, "Beratungsfolge:\n");
      for (guint i = 0; i < m->consultations->len; i++)
        {
          BkConsultation *c = g_ptr_array_index (m->consultations, i);
          g_autofree char *d = german_date (c->date);

          g_string_append_printf (s, "Ö\t%s\t%s\n", d, c->committee);
        }
      g_string_append_printf (s, "\nBetreff:\n%s\n\nBeschlussantrag:\n", m->subject);
      append_points (s, m);
      g_string_append_printf (s, "\nBegründung:\n%s\n", m->justification);
      append_signatures (s, m, TRUE);
      break;

    case 1:   /* Markdown */
      *ext = "md";
      g_string_append_printf (s, "# %s\n\n## Antrag Nr. %s\n\n**%s**\n\n**Datum:** %s\n\n",
                              body->town, m->reference,
                              m->is_public == BK_TRISTATE_NO ? "nichtöffentlich" : "öffentlich", date);
      g_string_append_printf (s, "**Antragsteller:** %s\n\n**Antragsart:** %s\n\n**Beratungsfolge:**\n\n",
                              submitters, m->type);
      for (guint i = 0; i < m->consultations->len; i++)
        {
          BkConsultation *c = g_ptr_array_index (m->consultations, i);
          g_autofree char *d = german_date (c->date);

          g_string_append_printf (s, "<b>%s</b>\t<b>%s</b>\t<b>%s</b>\n", c->committee, d,
                                  c->role ? c->role : "");
        }
      g_string_append_printf (s, "\n### Betreff:\n\n%s\n\n### Beschlussvorschlag:\n\n", m->subject);
      append_points (s, m);
      g_string_append_printf (s, "\n#### Begründung:\n\n%s\n", m->justification);
      append_signatures (s, m, FALSE);
      break;

    default:  /* letter */
      {
        g_autofree char *long_date = long_german_date (m->date);
        BkConsultation *first = g_ptr_array_index (m->consultations, 0);
        g_autofree char *cdate = long_german_date (first->date);

        *ext = "txt";
        g_string_append_printf (s, "%s im %s, Lindenallee %d, 54321 %s\n\n", submitters, body->body,
                                g_rand_int_range (rand, 1, 60), body->town + strcspn (body->town, " ") + 1);
        g_string_append_printf (s, "%s\nRathaus\nMarktplatz 1\n54321 %s\n\n", body->mayor,
                                body->town + strcspn (body->town, " ") + 1);
        g_string_append_printf (s, "%s, den %s\n\n%s%s\n\n", body->town + strcspn (body->town, " ") + 1,
                                long_date, g_rand_boolean (rand) ? "Betreff: " : "Antrag zum Thema ", m->subject);
        g_string_append_printf (s, "Sehr geehrte Damen und Herren,\n\n%s beantragt, diesen Antrag im %s am %s zu beraten. "
                                "Der %s möge beschließen:\n\n", submitters, first->committee, cdate, body->organ);
        append_points (s, m);
        g_string_append_printf (s, "\nBegründung:\n%s\n\nMit freundlichen Grüßen\n", m->justification);
        append_signatures (s, m, FALSE);
      }
      break;
    }
  return g_string_free (s, FALSE);
}

/* --- OParl --------------------------------------------------------------- */

#define BASE "https://ris.bench.example/oparl/v1"

static void
json_str (GString *s, const char *value)
{
  g_string_append_c (s, '"');
  for (const char *p = value; *p; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_c (s, '\\');
      if ((guchar) *p < 0x20)
        g_string_append_printf (s, "\\u%04x", *p);
      else
        g_string_append_c (s, *p);
    }
  g_string_append_c (s, '"');
}

static gboolean
write_page (const char *dir, const char *name, GString *data, const char *self_url,
            const char *next_url, GError **error)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_string_append (data, "\n  ],\n  \"links\": {");
  if (self_url)
    {
      g_string_append (data, "\"self\": ");
      json_str (data, self_url);
    }
  if (next_url)
    {
      g_string_append (data, self_url ? ", \"next\": " : "\"next\": ");
      json_str (data, next_url);
    }
  g_string_append (data, "}\n}\n");
  return g_file_set_contents (path, data->str, data->len, error);
}

#define TS "\"created\": \"2026-01-10T09:00:00+01:00\", \"modified\": \"2026-01-10T09:00:00+01:00\""

guint
bench_gen_oparl (GRand *rand, const char *dir, guint n_pages, guint per_page,
                 gboolean chain, GError **error)
{
  g_autoptr(GString) s = g_string_new (NULL);
  guint n_committees = N_ELEM (committees), n_factions = N_ELEM (factions);
  guint n_persons = 300, n_meetings = 0;
  g_autoptr(GArray) meeting_org = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) meeting_day = g_array_new (FALSE, FALSE, sizeof (guint));
  guint paper = 0;

  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, "cannot create %s", dir);
      return 0;
    }

  /* body */
  g_string_append (s, "{\n  \"id\": \"" BASE "/body/1\",\n  \"type\": \"https://schema.oparl.org/1.1/Body\",\n"
                      "  \"name\": \"Stadt Auenbach\",\n  \"shortName\": \"Auenbach\",\n"
                      /* the lists, as a server names them (bench/sync.sh serves them) */
                      "  \"organization\": \"" BASE "/body/1/organization\",\n"
                      "  \"person\": \"" BASE "/body/1/person\",\n"
                      "  \"meeting\": \"" BASE "/body/1/meeting\",\n"
                      "  \"paper\": \"" BASE "/body/1/paper\",\n  " TS "\n}\n");
  {
    g_autofree char *path = g_build_filename (dir, "00-body.json", NULL);
    if (!g_file_set_contents (path, s->str, s->len, error))
      return 0;
  }

  /* organizations: the council, committees, factions */
  g_string_assign (s, "{\n  \"data\": [\n");
  g_string_append (s, "    {\"id\": \"" BASE "/organization/0\", \"type\": \"https://schema.oparl.org/1.1/Organization\", "
                      "\"body\": \"" BASE "/body/1\", \"name\": \"Stadtrat\", \"shortName\": \"SR\", "
                      "\"organizationType\": \"Gremium\", \"classification\": \"Parlament\", " TS "}");
  for (guint i = 0; i < n_committees; i++)
    {
      g_string_append_printf (s, ",\n    {\"id\": \"" BASE "/organization/%u\", \"type\": \"https://schema.oparl.org/1.1/Organization\", "
                              "\"body\": \"" BASE "/body/1\", \"name\": ", i + 1);
      json_str (s, committees[i]);
      g_string_append (s, ", \"organizationType\": \"Gremium\", \"classification\": \"Ausschuss\", " TS "}");
    }
  for (guint i = 0; i < n_factions; i++)
    {
      g_string_append_printf (s, ",\n    {\"id\": \"" BASE "/organization/%u\", \"type\": \"https://schema.oparl.org/1.1/Organization\", "
                              "\"body\": \"" BASE "/body/1\", \"name\": ", 100 + i);
      json_str (s, factions[i]);
      g_string_append (s, ", \"organizationType\": \"Fraktion\", \"classification\": \"Fraktion\", " TS "}");
    }
  if (!write_page (dir, "01-organizations.json", s, BASE "/body/1/organization", NULL, error))
    return 0;

  /* persons */
  g_string_assign (s, "{\n  \"data\": [\n");
  for (guint i = 0; i < n_persons; i++)
    {
      const char *given = PICK (rand, first_names), *family = PICK (rand, last_names);

      g_string_append_printf (s, "%s    {\"id\": \"" BASE "/person/%u\", \"type\": \"https://schema.oparl.org/1.1/Person\", "
                              "\"body\": \"" BASE "/body/1\", \"name\": \"%s %s\", \"givenName\": \"%s\", \"familyName\": \"%s\", " TS "}",
                              i ? ",\n" : "", i + 1, given, family, given, family);
    }
  if (!write_page (dir, "02-persons.json", s, BASE "/body/1/person", NULL, error))
    return 0;

  /* meetings: every committee about every four weeks, 2018–2027 */
  g_string_assign (s, "{\n  \"data\": [\n");
  for (guint org = 0; org <= n_committees; org++)
    for (guint day = g_rand_int_range (rand, 0, 28); day < 3466; day += g_rand_int_range (rand, 21, 42))
      {
        g_autofree char *date = iso_date (day);
        const char *name = org == 0 ? "Stadtrat" : committees[org - 1];

        g_string_append_printf (s, "%s    {\"id\": \"" BASE "/meeting/%u\", \"type\": \"https://schema.oparl.org/1.1/Meeting\", \"name\": ",
                                n_meetings ? ",\n" : "", n_meetings + 1);
        {
          g_autofree char *mname = g_strdup_printf ("Sitzung: %s", name);
          json_str (s, mname);
        }
        g_string_append_printf (s, ", \"start\": \"%sT18:00:00+01:00\", \"end\": \"%sT20:30:00+01:00\", "
                                "\"meetingState\": \"durchgeführt\", \"organization\": [\"" BASE "/organization/%u\"], "
                                "\"location\": {\"type\": \"https://schema.oparl.org/1.1/Location\", \"room\": \"Sitzungssaal\", "
                                "\"streetAddress\": \"Marktplatz 1\", \"postalCode\": \"54321\", \"locality\": \"Auenbach\"}, " TS "}",
                                date, date, org);
        g_array_append_val (meeting_org, org);
        g_array_append_val (meeting_day, day);
        n_meetings++;
      }
  if (!write_page (dir, "03-meetings.json", s, BASE "/body/1/meeting", NULL, error))
    return 0;

  /* papers */
  for (guint page = 0; page < n_pages; page++)
    {
      g_autofree char *name = g_strdup_printf ("papers-%03u.json", page + 1);
      g_autofree char *self_url = g_strdup_printf (BASE "/body/1/paper?page=%u", page + 1);
      g_autofree char *next_url = chain && page + 1 < n_pages
                                  ? g_strdup_printf (BASE "/body/1/paper?page=%u", page + 2) : NULL;

      g_string_assign (s, "{\n  \"data\": [\n");
      for (guint i = 0; i < per_page; i++, paper++)
        {
          g_autoptr(BkMotion) m = bench_gen_motion (rand, paper);
          guint n_cons = g_rand_int_range (rand, 1, 4);
          guint first = g_rand_int_range (rand, 0, n_meetings);

          g_string_append_printf (s, "%s    {\n      \"id\": \"" BASE "/paper/%u\",\n      \"type\": \"https://schema.oparl.org/1.1/Paper\",\n"
                                  "      \"body\": \"" BASE "/body/1\",\n      \"name\": ", i ? ",\n" : "", paper + 1);
          json_str (s, m->subject);
          g_string_append (s, ",\n      \"reference\": ");
          json_str (s, m->reference);
          g_string_append_printf (s, ",\n      \"date\": \"%s\",\n      \"paperType\": ", m->date);
          json_str (s, m->type);
          {
            guint f1 = g_rand_int_range (rand, 0, n_factions);

            g_string_append_printf (s, ",\n      \"originatorOrganization\": [\"" BASE "/organization/%u\"", 100 + f1);
            if (g_rand_boolean (rand))
              g_string_append_printf (s, ", \"" BASE "/organization/%u\"",
                                      100 + (f1 + g_rand_int_range (rand, 1, n_factions)) % n_factions);
          }
          g_string_append_printf (s, "],\n      \"originatorPerson\": [\"" BASE "/person/%u\"],\n"
                                  "      \"underDirectionOf\": [\"" BASE "/organization/%u\"],\n      \"consultation\": [",
                                  g_rand_int_range (rand, 1, n_persons + 1), g_rand_int_range (rand, 1, n_committees + 1));
          for (guint c = 0; c < n_cons; c++)
            {
              guint meeting = MIN (first + c * 7, n_meetings - 1);

              g_string_append_printf (s, "%s\n        {\"id\": \"" BASE "/consultation/%u\", \"type\": \"https://schema.oparl.org/1.1/Consultation\", "
                                      "\"paper\": \"" BASE "/paper/%u\", \"organization\": [\"" BASE "/organization/%u\"], "
                                      "\"meeting\": \"" BASE "/meeting/%u\", \"role\": \"%s\", \"authoritative\": %s, " TS "}",
                                      c ? "," : "", paper * 4 + c + 1, paper + 1,
                                      g_array_index (meeting_org, guint, meeting), meeting + 1,
                                      c == n_cons - 1 ? "Beschluss" : "Vorberatung",
                                      c == n_cons - 1 ? "true" : "false");
            }
          g_string_append_printf (s, "\n      ],\n      \"mainFile\": {\"id\": \"" BASE "/file/%u\", \"type\": \"https://schema.oparl.org/1.1/File\", "
                                  "\"name\": \"Antrag\", \"fileName\": \"antrag-%u.pdf\", \"mimeType\": \"application/pdf\", "
                                  "\"accessUrl\": \"" BASE "/file/%u/download\", " TS "},\n      " TS "\n    }",
                                  paper + 1, paper + 1, paper + 1);
        }
      if (!write_page (dir, name, s, self_url, next_url, error))
        return 0;
    }
  return paper;
}

/* --- queries ------------------------------------------------------------- */

const char *
bench_query_kind_name (BenchQueryKind kind)
{
  static const char *const names[] = { "word", "two words", "prefix", "compound part", "umlaut variant" };

  return kind < BENCH_QUERY_N_KINDS ? names[kind] : "?";
}

void
bench_query_free (gpointer data)
{
  BenchQuery *q = data;

  g_free (q->text);
  g_free (q);
}

static char *
random_word (GRand *rand)
{
  if (g_rand_int_range (rand, 0, 3) == 0)
    return g_strdup (PICK (rand, extra_words));
  return topic_word (&PICK (rand, topics));
}

static char *
umlaut_variant (const char *word)
{
  GString *s = g_string_new (NULL);

  for (const char *p = word; *p; p = g_utf8_next_char (p))
    switch (g_utf8_get_char (p))
      {
      case 0xE4: g_string_append (s, "ae"); break;
      case 0xF6: g_string_append (s, "oe"); break;
      case 0xFC: g_string_append (s, "ue"); break;
      case 0xC4: g_string_append (s, "Ae"); break;
      case 0xD6: g_string_append (s, "Oe"); break;
      case 0xDC: g_string_append (s, "Ue"); break;
      case 0xDF: g_string_append (s, "ss"); break;
      default: g_string_append_unichar (s, g_utf8_get_char (p));
      }
  return g_string_free (s, FALSE);
}

static gboolean
has_umlaut (const char *word)
{
  return strstr (word, "ä") || strstr (word, "ö") || strstr (word, "ü") || strstr (word, "ß")
         || strstr (word, "Ä") || strstr (word, "Ö") || strstr (word, "Ü");
}

GPtrArray *
bench_gen_queries (GRand *rand, guint n)
{
  GPtrArray *queries = g_ptr_array_new_with_free_func (bench_query_free);

  for (guint i = 0; i < n; i++)
    {
      BenchQuery *q = g_new0 (BenchQuery, 1);
      guint r = g_rand_int_range (rand, 0, 100);

      if (r < 30)
        {
          q->kind = BENCH_QUERY_WORD;
          q->text = random_word (rand);
        }
      else if (r < 50)
        {
          g_autofree char *a = random_word (rand);
          g_autofree char *b = g_rand_boolean (rand) ? random_word (rand)
                               : g_strdup (strrchr (PICK (rand, places), ' ') + 1);
          q->kind = BENCH_QUERY_TWO_WORDS;
          q->text = g_strdup_printf ("%s %s", a, b);
        }
      else if (r < 75)
        {
          g_autofree char *w = random_word (rand);
          glong len = g_utf8_strlen (w, -1);
          glong take = MIN (len, g_rand_int_range (rand, 3, 6));

          q->kind = BENCH_QUERY_PREFIX;
          q->text = g_utf8_substring (w, 0, take);
        }
      else if (r < 87)
        {
          const Topic *t;

          do
            t = &PICK (rand, topics);
          while (t->tail[0] == '\0' || strlen (t->tail) < 3);
          q->kind = BENCH_QUERY_COMPOUND;
          q->text = g_strdup (g_rand_boolean (rand) || strlen (t->head) < 4 ? t->tail : t->head);
        }
      else
        {
          g_autofree char *w = NULL;

          do
            {
              g_free (w);
              w = random_word (rand);
            }
          while (!has_umlaut (w));
          q->kind = BENCH_QUERY_UMLAUT;
          q->text = umlaut_variant (w);
        }
      g_ptr_array_add (queries, q);
    }
  return queries;
}

/* --- statistics ---------------------------------------------------------- */

static int
cmp_double (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

double
bench_percentile (GArray *values, double p)
{
  double rank;
  guint lo;

  if (values->len == 0)
    return 0;
  g_array_sort (values, cmp_double);
  rank = p / 100.0 * (values->len - 1);
  lo = (guint) rank;
  if (lo + 1 >= values->len)
    return g_array_index (values, double, values->len - 1);
  return g_array_index (values, double, lo)
         + (rank - lo) * (g_array_index (values, double, lo + 1) - g_array_index (values, double, lo));
}

double
bench_now (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

void
bench_remove_db (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
}
