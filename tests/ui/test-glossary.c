/* test-glossary.c: the glossary page, the words explained on the motion page
 * and the easy-read summary
 *
 * Runs with GTK_A11Y=test under gui-run.sh, with speech kept in memory as in
 * test-voice.c. The interface is in English (LC_ALL=C.UTF-8).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "bk-ui-test-util.h"
#include "bk-config.h"

#include <adwaita.h>

#include "bk-application.h"
#include "bk-demo.h"
#include "bk-glossary.h"
#include "bk-glossary-page.h"
#include "bk-motion-page.h"
#include "bk-ui.h"
#include "bk-voice.h"
#include "bk-window.h"

static BkApplication *app;

typedef struct
{
  BkStore   *store;
  gint64     demo_id;      /* 12/0301, with an easy-read summary */
  gint64     plain_id;     /* no summary; an amendment */
  GPtrArray *said;
  gulong     handler;
  BkWindow  *window;
} Fixture;

static void
fixture_init (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BkMotion) plain = bk_motion_new ();

  f->store = bk_ui_test_demo_store_new ();
  f->demo_id = bk_store_find_motion_by_reference (f->store, "12/0301");
  g_assert_cmpint (f->demo_id, >, 0);

  plain->subject = g_strdup ("Rampe am Rathaus");
  plain->reference = g_strdup ("T/1");
  plain->body = g_strdup ("Gemeinderat Testdorf");
  bk_motion_add_point (plain, "Die Rampe wird gebaut.");
  plain->justification = g_strdup ("Der Änderungsantrag ergänzt die Vorlage.");
  bk_motion_add_consultation (plain, "Kreisausschuss", "2026-03-01", "Vorberatung", BK_TRISTATE_YES);
  g_assert_true (bk_store_save_motion (f->store, plain, &error));
  f->plain_id = plain->id;

  f->said = bk_ui_test_said_new (bk_application_get_voice (app), &f->handler);
  f->window = bk_ui_test_app_window_new (app, f->store);
}

static void
fixture_clear (Fixture *f)
{
  bk_ui_test_window_destroy (f->window);
  bk_voice_stop (bk_application_get_voice (app));
  g_signal_handler_disconnect (bk_application_get_voice (app), f->handler);
  g_clear_pointer (&f->said, g_ptr_array_unref);
  g_clear_object (&f->store);
  bk_application_reset_session (app);
}

static gboolean
has_label (GtkWidget  *widget,
           const char *label)
{
  g_autofree char *actual = NULL;

  if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
    return FALSE;
  /* NULL when it equals the expected value */
  actual = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label);
  return actual == NULL;
}

/* The visible widget under root whose accessible label is label. */
static GtkWidget *
find_named (GtkWidget  *root,
            const char *label)
{
  if (!gtk_widget_get_visible (root))
    return NULL;
  if (has_label (root, label))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_named (c, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The accessible labels of the visible buttons under root starting with prefix, "|"-joined. */
static void
collect_buttons (GtkWidget  *root,
                 const char *prefix,
                 GString    *out)
{
  if (!gtk_widget_get_visible (root))
    return;
  if (GTK_IS_BUTTON (root) &&
      gtk_test_accessible_has_property (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL))
    {
      g_autofree char *label = gtk_test_accessible_check_property (GTK_ACCESSIBLE (root),
                                                                   GTK_ACCESSIBLE_PROPERTY_LABEL, "");

      if (label != NULL && g_str_has_prefix (label, prefix))
        {
          if (out->len > 0)
            g_string_append_c (out, '|');
          g_string_append (out, label);
        }
    }
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    collect_buttons (c, prefix, out);
}

static char *
dup_buttons (GtkWidget  *root,
             const char *prefix)
{
  GString *out = g_string_new (NULL);

  collect_buttons (root, prefix, out);
  return g_string_free (out, FALSE);
}

static void
assert_heading (GtkWidget *widget,
                int        level)
{
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)), ==,
                   GTK_ACCESSIBLE_ROLE_HEADING);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LEVEL, level);
}

static gboolean
wait_said (Fixture    *f,
           const char *needle)
{
  return bk_ui_test_said_wait (f->said, needle, 5) != NULL;
}

/* ---- tests -------------------------------------------------------------- */

static void
test_page (void)
{
  Fixture f;
  BkGlossary *glossary = bk_glossary_get_default ();
  GtkWidget *page;
  GtkListBox *list;
  GtkWidget *first;
  guint rows = 0, letters = 0;

  fixture_init (&f);
  bk_ui_test_open_page (f.window, "win.show-glossary", g_variant_new_string (""));
  g_assert_cmpstr (bk_window_get_page_name (f.window), ==, "glossary");
  page = bk_window_get_page (f.window, "glossary");
  g_assert_null (bk_glossary_page_get_term (BK_GLOSSARY_PAGE (page)));

  /* One row per term, A to Z, each named by its term, under letter headings. */
  first = bk_glossary_page_get_row (BK_GLOSSARY_PAGE (page), bk_glossary_get_entry (glossary, 0)->term);
  g_assert_nonnull (first);
  list = GTK_LIST_BOX (gtk_widget_get_parent (first));
  g_assert_true (has_label (GTK_WIDGET (list), "All words from A to Z"));
  for (GtkListBoxRow *row; (row = gtk_list_box_get_row_at_index (list, rows)) != NULL; rows++)
    {
      const BkGlossaryEntry *entry = bk_glossary_get_entry (glossary, rows);
      GtkWidget *header = gtk_list_box_row_get_header (row);

      g_assert_true (has_label (GTK_WIDGET (row), entry->term));
      g_assert_true (gtk_list_box_row_get_activatable (row));
      if (header != NULL)
        {
          assert_heading (header, 3);
          letters++;
        }
    }
  g_assert_cmpuint (rows, ==, bk_glossary_get_n_entries (glossary));
  g_assert_cmpuint (rows, >=, 35);
  g_assert_cmpuint (letters, >=, 10);
  g_assert_cmpuint (letters, <, rows);
  /* The focus starts on the first word. */
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f.window)) == first);

  /* Choosing a row explains it; the focus goes to the explanation. */
  g_signal_emit_by_name (list, "row-activated", bk_glossary_page_get_row (BK_GLOSSARY_PAGE (page), "Kreistag"));
  bk_ui_test_iterate (50);
  g_assert_cmpstr (bk_glossary_page_get_term (BK_GLOSSARY_PAGE (page)), ==, "Kreistag");
  {
    g_autofree char *text = bk_ui_test_dup_text (page);
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f.window));

    g_assert_nonnull (strstr (text, bk_glossary_lookup (glossary, "Kreistag")->easy));
    /* the interface is English: the English explanation follows */
    g_assert_nonnull (strstr (text, bk_glossary_lookup (glossary, "Kreistag")->english));
    g_assert_true (GTK_IS_LABEL (focus));
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (focus)), ==, "Kreistag");
    assert_heading (focus, 2);
  }

  fixture_clear (&f);
}

static void
test_motion_terms (void)
{
  Fixture f;
  GtkWidget *page;
  g_autofree char *demo = NULL;
  g_autofree char *plain = NULL;

  fixture_init (&f);
  bk_ui_test_open_page (f.window, "win.open-motion", g_variant_new_int64 (f.demo_id));
  page = bk_window_get_page (f.window, "motion");
  demo = dup_buttons (page, "Explain: ");
  g_test_message ("12/0301: %s", demo);
  /* subject and facts (Sachantrag, Kreistag, SPD-Kreistagsfraktion), points
   * (Verwaltung, Ausschuss), the justification (Landratsamt, Leichter
   * Sprache), the consultations (Kreisausschuss) */
  for (const char *const *t = (const char *const[]) {
         "Explain: Antrag", "Explain: Kreistag", "Explain: Fraktion", "Explain: Verwaltung",
         "Explain: Ausschuss", "Explain: Landratsamt", "Explain: Leichte Sprache",
         "Explain: Barrierefreiheit", "Explain: Kreisausschuss", "Explain: zuständig", NULL };
       *t != NULL; t++)
    if (strstr (demo, *t) == NULL)
      g_error ("the motion page of 12/0301 has no button “%s”: %s", *t, demo);

  /* Each section has its own row; a word in two sections has two buttons. */
  bk_ui_test_open_page (f.window, "win.open-motion", g_variant_new_int64 (f.plain_id));
  plain = dup_buttons (page, "Explain: ");
  /* facts: Gemeinderat; why: Änderungsantrag and Vorlage, but not Antrag
   * too; timeline: Kreisausschuss, Vorberatung */
  g_assert_cmpstr (plain, ==, "Explain: Gemeinderat|Explain: Änderungsantrag|Explain: Vorlage|"
                              "Explain: Kreisausschuss|Explain: Vorberatung");

  fixture_clear (&f);
}

static void
test_open_and_back (void)
{
  Fixture f;
  GtkWidget *button;
  GtkWidget *glossary;

  fixture_init (&f);
  bk_ui_test_open_page (f.window, "win.open-motion", g_variant_new_int64 (f.plain_id));
  button = find_named (bk_window_get_page (f.window, "motion"), "Explain: Änderungsantrag");
  g_assert_nonnull (button);
  g_assert_cmpuint (gtk_widget_get_height (button), >=, 64);

  g_signal_emit_by_name (button, "clicked");
  bk_ui_test_iterate (100);
  g_assert_cmpstr (bk_window_get_page_name (f.window), ==, "glossary");
  glossary = bk_window_get_page (f.window, "glossary");
  g_assert_cmpstr (bk_glossary_page_get_term (BK_GLOSSARY_PAGE (glossary)), ==, "Änderungsantrag");

  /* Another word from the glossary page itself: Back still leads to the motion. */
  bk_ui_test_open_page (f.window, "win.show-glossary", g_variant_new_string ("Anträge"));
  g_assert_cmpstr (bk_glossary_page_get_term (BK_GLOSSARY_PAGE (glossary)), ==, "Antrag");
  bk_ui_test_open_page (f.window, "win.back", NULL);
  g_assert_cmpstr (bk_window_get_page_name (f.window), ==, "motion");
  g_assert_cmpint (bk_motion_page_get_motion_id (BK_MOTION_PAGE (bk_window_get_page (f.window, "motion"))), ==,
                   f.plain_id);

  /* Reachable from the start page. */
  bk_ui_test_open_page (f.window, "win.home", NULL);
  button = find_named (bk_window_get_page (f.window, "home"), "Words explained");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  bk_ui_test_iterate (100);
  g_assert_cmpstr (bk_window_get_page_name (f.window), ==, "glossary");
  g_assert_null (bk_glossary_page_get_term (BK_GLOSSARY_PAGE (glossary)));
  bk_ui_test_open_page (f.window, "win.back", NULL);
  g_assert_cmpstr (bk_window_get_page_name (f.window), ==, "home");

  /* An unknown word shows the list alone. */
  bk_ui_test_open_page (f.window, "win.show-glossary", g_variant_new_string ("Quatsch"));
  g_assert_cmpstr (bk_window_get_page_name (f.window), ==, "glossary");
  g_assert_null (bk_glossary_page_get_term (BK_GLOSSARY_PAGE (glossary)));

  fixture_clear (&f);
}

static void
test_read_aloud (void)
{
  Fixture f;
  GtkWidget *page;
  GtkWidget *button;

  if (bk_application_get_speech (app) == NULL)
    {
      g_test_skip ("no speech service (voice data missing?)");
      return;
    }

  fixture_init (&f);
  bk_ui_test_open_page (f.window, "win.show-glossary", g_variant_new_string ("Sitzung"));
  page = bk_window_get_page (f.window, "glossary");
  button = bk_glossary_page_get_read_button (BK_GLOSSARY_PAGE (page));
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_true (has_label (button, "Read aloud: Sitzung"));

  g_ptr_array_set_size (f.said, 0);
  g_signal_emit_by_name (button, "clicked");
  g_assert_true (wait_said (&f, bk_glossary_lookup (bk_glossary_get_default (), "Sitzung")->easy));
  /* German easy language, though the interface is English */
  g_assert_cmpstr (bk_voice_get_last_language (bk_application_get_voice (app)), ==, "de");

  fixture_clear (&f);
}

static void
test_easy_read (void)
{
  Fixture f;
  BkSettings *settings = bk_application_get_settings (app);
  g_autoptr(BkMotion) demo = NULL;
  BkMotionPage *page;
  GtkWidget *easy_button;

  fixture_init (&f);
  demo = bk_store_load_motion (f.store, f.demo_id, NULL);
  g_assert_nonnull (demo->easy_summary);
  page = BK_MOTION_PAGE (bk_window_get_page (f.window, "motion"));
  easy_button = bk_motion_page_get_easy_button (page);

  /* Off: a button offers the summary where there is one. */
  g_assert_false (bk_settings_get_boolean (settings, "easy-read"));
  bk_ui_test_open_page (f.window, "win.open-motion", g_variant_new_int64 (f.demo_id));
  g_assert_false (bk_motion_page_get_easy_summary_visible (page));
  g_assert_true (gtk_widget_get_visible (easy_button));
  g_assert_true (has_label (easy_button, "Easy-read summary"));
  {
    g_autofree char *text = bk_ui_test_dup_text (GTK_WIDGET (page));

    g_assert_null (strstr (text, "Im Landrats·amt gibt es viele Hindernisse."));
  }
  g_signal_emit_by_name (easy_button, "clicked");
  bk_ui_test_iterate (50);
  g_assert_true (bk_motion_page_get_easy_summary_visible (page));
  g_assert_false (gtk_widget_get_visible (easy_button));
  {
    g_autofree char *text = bk_ui_test_dup_text (GTK_WIDGET (page));
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f.window));

    g_assert_nonnull (strstr (text, "Im Landrats·amt gibt es viele Hindernisse."));
    g_assert_true (GTK_IS_LABEL (focus));
    g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (focus)), "Im Landrats·amt"));
  }
  /* Without a summary by hand: "Kurz erklärt", made from the facts. */
  bk_ui_test_open_page (f.window, "win.open-motion", g_variant_new_int64 (f.plain_id));
  g_assert_false (bk_motion_page_get_easy_summary_visible (page));
  g_assert_true (gtk_widget_get_visible (easy_button));

  /* On: the summary first, under its heading, marked as the kiosk's own. */
  bk_settings_set_boolean (settings, "easy-read", TRUE);
  bk_ui_test_iterate (50);
  g_assert_true (bk_motion_page_get_easy_summary_visible (page));
  {
    g_autofree char *text = bk_ui_test_dup_text (GTK_WIDGET (page));
    const char *heading = strstr (text, "Briefly explained\n");
    const char *note = strstr (text, "Written automatically – not the council’s wording");
    const char *summary = strstr (text, "Das Thema heißt: „Rampe am Rathaus“.");

    g_assert_nonnull (heading);
    g_assert_nonnull (note);
    g_assert_nonnull (summary);
    g_assert_true (heading < note && note < summary);
    g_assert_nonnull (strstr (text, "Der Gemeinderat Testdorf entscheidet über den Antrag."));
    g_assert_null (strstr (text, "In easy-read language\n"));
  }
  bk_ui_test_open_page (f.window, "win.open-motion", g_variant_new_int64 (f.demo_id));
  g_assert_true (bk_motion_page_get_easy_summary_visible (page));
  g_assert_false (gtk_widget_get_visible (easy_button));
  {
    g_autofree char *text = bk_ui_test_dup_text (GTK_WIDGET (page));
    const char *heading = strstr (text, "In easy-read language\n");
    const char *summary = strstr (text, "Im Landrats·amt gibt es viele Hindernisse.");
    const char *facts = strstr (text, "Submitted by");

    g_assert_nonnull (heading);
    g_assert_nonnull (summary);
    g_assert_null (strstr (text, "There is no easy-read summary"));
    /* at the top: before the facts */
    g_assert_true (heading < summary && summary < facts);
  }
  {
    GtkWidget *heading = find_named (GTK_WIDGET (page), "Read aloud: In easy-read language");

    g_assert_true (heading == NULL || gtk_widget_get_visible (heading) == (bk_application_get_speech (app) != NULL));
  }
  if (bk_application_get_speech (app) != NULL)
    {
      g_ptr_array_set_size (f.said, 0);
      g_signal_emit_by_name (bk_motion_page_get_read_button (page, 4), "clicked");
      g_assert_true (wait_said (&f, "Im Landrats·amt gibt es viele Hindernisse."));
      g_assert_cmpstr (bk_voice_get_last_language (bk_application_get_voice (app)), ==, "de");
    }

  /* Off again, on the page: the summary goes, the button comes. */
  bk_settings_set_boolean (settings, "easy-read", FALSE);
  bk_ui_test_iterate (50);
  g_assert_false (bk_motion_page_get_easy_summary_visible (page));
  g_assert_true (gtk_widget_get_visible (easy_button));

  fixture_clear (&f);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  bk_ui_test_init (&argc, &argv);

  app = bk_ui_test_app_new ();

  g_test_add_func ("/glossary/page", test_page);
  g_test_add_func ("/glossary/motion-terms", test_motion_terms);
  g_test_add_func ("/glossary/open-and-back", test_open_and_back);
  g_test_add_func ("/glossary/read-aloud", test_read_aloud);
  g_test_add_func ("/glossary/easy-read", test_easy_read);

  status = g_test_run ();

  g_clear_object (&app);
  return status;
}
