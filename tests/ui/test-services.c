/* test-services.c: the service catalogue, the service page and its QR code
 *
 * Runs with GTK_A11Y=test under gui-run.sh, with speech kept in memory as in
 * test-voice.c, over the demo catalogue. The interface is in English
 * (LC_ALL=C.UTF-8): the demo services have English names and texts, the
 * rest of each description is German.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "bk-ui-test-util.h"
#include "bk-config.h"

#include <adwaita.h>
#include <qrencode.h>

#include "bk-application.h"
#include "bk-demo.h"
#include "bk-help.h"
#include "bk-qr.h"
#include "bk-service-page.h"
#include "bk-services-page.h"
#include "bk-ui.h"
#include "bk-voice.h"
#include "bk-window.h"

#define ID_CARD "personalausweis-stadt-auenbach"
#define PASSPORT "reisepass-stadt-auenbach"   /* no easy-read text */

static BkApplication *app;

typedef struct
{
  BkStore   *store;
  GPtrArray *said;
  GPtrArray *statuses;
  gulong     handler;
  BkWindow  *window;
} Fixture;

static void
status_changed_cb (BkServicesPage *page,
                   const char     *message,
                   Fixture        *f)
{
  g_ptr_array_add (f->statuses, g_strdup (message));
}

static void
fixture_init (Fixture *f)
{
  f->store = bk_ui_test_demo_store_new ();

  f->said = bk_ui_test_said_new (bk_application_get_voice (app), &f->handler);
  f->statuses = g_ptr_array_new_with_free_func (g_free);
  f->window = bk_ui_test_app_window_new (app, f->store);
  g_signal_connect (bk_window_get_page (f->window, "services"), "status-changed",
                    G_CALLBACK (status_changed_cb), f);
}

static void
fixture_clear (Fixture *f)
{
  bk_ui_test_window_destroy (f->window);
  bk_voice_stop (bk_application_get_voice (app));
  g_signal_handler_disconnect (bk_application_get_voice (app), f->handler);
  g_clear_pointer (&f->said, g_ptr_array_unref);
  g_clear_pointer (&f->statuses, g_ptr_array_unref);
  g_clear_object (&f->store);
  bk_application_reset_session (app);
}

static BkServicesPage *
services_page (Fixture *f)
{
  return BK_SERVICES_PAGE (bk_window_get_page (f->window, "services"));
}

static BkServicePage *
service_page (Fixture *f)
{
  return BK_SERVICE_PAGE (bk_window_get_page (f->window, "service"));
}

/* The whole page is a long utterance: under a loaded machine (the tests run
 * in parallel) it can take seconds before it starts. The bound only keeps
 * a broken build from hanging. */
static gboolean
wait_said (Fixture    *f,
           const char *needle)
{
  return bk_ui_test_said_wait (f->said, needle, 30) != NULL;
}

/* Every service of the catalogue, loaded one by one: what the filters must
 * give, worked out without the store's filter. */
static GPtrArray *
load_all (Fixture *f)
{
  g_autoptr(GPtrArray) summaries = bk_store_list_services (f->store, NULL, NULL, NULL);
  GPtrArray *all = g_ptr_array_new_with_free_func ((GDestroyNotify)bk_service_free);

  g_assert_nonnull (summaries);
  for (guint i = 0; i < summaries->len; i++)
    {
      const BkServiceSummary *summary = g_ptr_array_index (summaries, i);
      BkService *service = bk_store_load_service (f->store, summary->id, NULL);

      g_assert_nonnull (service);
      g_ptr_array_add (all, service);
    }
  return all;
}

static gboolean
has_string (GPtrArray  *strings,
            const char *needle)
{
  for (guint i = 0; strings != NULL && i < strings->len; i++)
    if (g_strcmp0 (g_ptr_array_index (strings, i), needle) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
results_have (BkServicesPage *page,
              const char     *id)
{
  for (guint i = 0; i < bk_services_page_get_n_results (page); i++)
    if (g_strcmp0 (bk_services_page_get_result_id (page, i), id) == 0)
      return TRUE;
  return FALSE;
}

static void
click (GtkWidget *button)
{
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  bk_ui_test_iterate (20);
}

/* Enter on a focused row, as the list box's key binding does it. */
static void
press_enter_on_row (GtkWidget *row)
{
  g_signal_emit_by_name (gtk_widget_get_parent (row), "activate-cursor-row");
  bk_ui_test_iterate (50);
}

/* Activates what the window's own shortcut for keyval does (Escape). */
static gboolean
press_shortcut (Fixture *f,
                guint    keyval)
{
  gboolean done = bk_ui_test_activate_shortcut (f->window, keyval);

  bk_ui_test_iterate (50);
  return done;
}

/* ---- tests -------------------------------------------------------------- */

static void
test_browse (void)
{
  Fixture f;
  BkServicesPage *page;
  g_autoptr(GPtrArray) all = NULL;
  const char *const *situations = bk_life_situation_list ();
  const char *places[] = { "Landkreis Beispielkreis", "Stadt Auenbach", "Gemeinde Lindental" };

  fixture_init (&f);
  all = load_all (&f);
  bk_ui_test_open_page (f.window, "win.show-services", NULL);
  g_assert_cmpstr (bk_window_get_page_name (f.window), ==, "services");
  page = services_page (&f);

  /* Everything at first. */
  g_assert_cmpuint (bk_services_page_get_n_results (page), ==, all->len);
  g_assert_cmpuint (all->len, >=, 15);
  {
    g_autofree char *count = g_strdup_printf ("%u services", all->len);

    g_assert_cmpstr (bk_services_page_get_count_text (page), ==, count);
  }

  /* Each life situation: exactly the services that list it. */
  for (guint s = 0; situations[s] != NULL; s++)
    {
      GtkWidget *button = bk_services_page_get_situation_button (page, situations[s]);
      g_autofree char *name = bk_ui_test_dup_label (button);
      guint expected = 0;

      g_assert_cmpstr (name, ==, bk_life_situation_get_label (situations[s]));
      g_ptr_array_set_size (f.statuses, 0);
      click (button);
      g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)));
      gtk_test_accessible_assert_state (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_STATE_PRESSED,
                                        GTK_ACCESSIBLE_TRISTATE_TRUE);
      for (guint i = 0; i < all->len; i++)
        {
          const BkService *service = g_ptr_array_index (all, i);

          if (has_string (service->life_situations, situations[s]))
            {
              expected++;
              g_assert_true (results_have (page, service->id));
            }
        }
      g_test_message ("%s: %u services", situations[s], expected);
      g_assert_cmpuint (expected, >, 0);
      g_assert_cmpuint (bk_services_page_get_n_results (page), ==, expected);
      /* the count goes out as a status message */
      g_assert_cmpuint (f.statuses->len, >=, 1);
      g_assert_cmpstr (g_ptr_array_index (f.statuses, f.statuses->len - 1), ==,
                       bk_services_page_get_count_text (page));
    }

  /* Two known cases from the demo catalogue. */
  click (bk_services_page_get_situation_button (page, BK_LIFE_SITUATION_ID_DOCUMENTS));
  g_assert_true (results_have (page, ID_CARD));
  g_assert_true (results_have (page, PASSPORT));
  click (bk_services_page_get_situation_button (page, BK_LIFE_SITUATION_DISABILITY_CARE));
  g_assert_false (results_have (page, ID_CARD));

  /* Each place, with every topic. */
  click (bk_services_page_get_situation_button (page, NULL));
  g_assert_cmpuint (bk_services_page_get_n_results (page), ==, all->len);
  for (guint p = 0; p < G_N_ELEMENTS (places); p++)
    {
      GtkWidget *button = bk_services_page_get_place_button (page, places[p]);
      guint expected = 0;

      g_assert_nonnull (button);
      click (button);
      for (guint i = 0; i < all->len; i++)
        {
          const BkService *service = g_ptr_array_index (all, i);

          if (g_str_equal (service->municipality, places[p]))
            {
              expected++;
              g_assert_true (results_have (page, service->id));
            }
        }
      g_assert_cmpuint (expected, >, 0);
      g_assert_cmpuint (bk_services_page_get_n_results (page), ==, expected);
    }

  /* Both at once: moving house in Lindental. */
  click (bk_services_page_get_situation_button (page, BK_LIFE_SITUATION_MOVING));
  for (guint i = 0; i < bk_services_page_get_n_results (page); i++)
    {
      g_autoptr(BkService) service = bk_store_load_service (f.store, bk_services_page_get_result_id (page, i), NULL);

      g_assert_cmpstr (service->municipality, ==, "Gemeinde Lindental");
      g_assert_true (has_string (service->life_situations, BK_LIFE_SITUATION_MOVING));
    }
  g_assert_cmpuint (bk_services_page_get_n_results (page), >, 0);

  fixture_clear (&f);
}

static void
test_rows (void)
{
  Fixture f;
  BkServicesPage *page;
  GtkWidget *row;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;

  fixture_init (&f);
  bk_ui_test_open_page (f.window, "win.show-services", NULL);
  page = services_page (&f);
  click (bk_services_page_get_place_button (page, "Stadt Auenbach"));
  click (bk_services_page_get_situation_button (page, BK_LIFE_SITUATION_ID_DOCUMENTS));

  /* Every row is named and opens its service. */
  for (row = gtk_widget_get_first_child (bk_services_page_get_list (page)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      g_autofree char *label = bk_ui_test_dup_label (row);

      g_assert_true (GTK_IS_LIST_BOX_ROW (row));
      g_assert_nonnull (label);
      g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (row)), ==, "win.open-service");
      if (g_str_equal (g_variant_get_string (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (row)), NULL),
                       ID_CARD))
        name = g_steal_pointer (&label);
    }
  /* The English name at once, then the place and the marks in words; what
   * the service is on request (the Help key). */
  g_assert_cmpstr (name, ==, "Apply for an identity card");
  {
    GtkWidget *card = NULL;
    const char *more;

    for (row = gtk_widget_get_first_child (bk_services_page_get_list (page)); row != NULL;
         row = gtk_widget_get_next_sibling (row))
      if (g_str_equal (g_variant_get_string (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (row)), NULL),
                       ID_CARD))
        card = row;
    g_assert_nonnull (card);
    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                         "Stadt Auenbach · easy-read available · online service");
    more = bk_help_find_item_text (card);
    g_assert_nonnull (more);
    g_assert_true (g_str_has_prefix (more, "From the age of 16"));
    g_assert_nonnull (strstr (more, "A service. Choose it to read what you need and where to go."));
  }

  text = bk_ui_test_dup_text (bk_services_page_get_list (page));
  g_assert_nonnull (strstr (text, "Stadt Auenbach · easy-read available · online service\n"));

  fixture_clear (&f);
}

static void
test_search (void)
{
  Fixture f;
  BkServicesPage *page;
  GtkWidget *entry;
  gint64 end;
  gboolean found = FALSE;

  fixture_init (&f);
  bk_ui_test_open_page (f.window, "win.show-services", NULL);
  page = services_page (&f);
  entry = bk_services_page_get_search_entry (page);
  g_assert_true (gtk_widget_has_focus (entry) || gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f.window)), entry));

  /* Part of a compound, lower case: search as you type. */
  g_ptr_array_set_size (f.statuses, 0);
  gtk_editable_set_text (GTK_EDITABLE (entry), "ausweis");
  end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (f.statuses->len == 0 && g_get_monotonic_time () < end)
    bk_ui_test_iterate (20);
  g_assert_cmpuint (f.statuses->len, >, 0);
  found = results_have (page, ID_CARD);
  g_assert_true (found);
  {
    g_autoptr(BkService) first = bk_store_load_service (f.store, bk_services_page_get_result_id (page, 0), NULL);

    /* a name match first */
    g_test_message ("first: %s", first->name);
    g_assert_nonnull (strstr (first->name, "ausweis"));
  }
  g_assert_false (results_have (page, "sperrmuell-landkreis-beispielkreis"));
  g_assert_false (results_have (page, "hundesteuer-stadt-auenbach"));

  /* Nothing found: said in words. (Replacing the text empties the entry
   * first, which lists everything at once.) */
  g_ptr_array_set_size (f.statuses, 0);
  gtk_editable_set_text (GTK_EDITABLE (entry), "xylophonunterricht");
  end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (bk_services_page_get_n_results (page) != 0 && g_get_monotonic_time () < end)
    bk_ui_test_iterate (20);
  g_assert_cmpuint (bk_services_page_get_n_results (page), ==, 0);
  g_assert_cmpuint (f.statuses->len, >, 0);
  g_assert_nonnull (strstr (g_ptr_array_index (f.statuses, f.statuses->len - 1),
                            "No services match “xylophonunterricht”"));
  g_assert_false (gtk_widget_get_visible (bk_services_page_get_list (page)));

  fixture_clear (&f);
}

static void
assert_heading (GtkWidget *widget,
                int        level)
{
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)), ==,
                   GTK_ACCESSIBLE_ROLE_HEADING);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LEVEL, level);
}

static void
test_page (void)
{
  static const char *const headings[] = {
    "In easy-read language", "What it is", "Who may apply", "What you need", "Costs",
    "Processing time", "Deadlines", "How it works", "Legal basis", "Where to go",
    "Online service", "Forms", "Good to know", "More information",
  };
  G_STATIC_ASSERT (G_N_ELEMENTS (headings) == BK_SERVICE_N_SECTIONS);
  Fixture f;
  BkServicePage *page;
  g_autoptr(BkService) service = NULL;
  g_autofree char *text = NULL;
  GtkWidget *focus;

  fixture_init (&f);
  service = bk_store_load_service (f.store, ID_CARD, NULL);
  bk_ui_test_open_page (f.window, "win.open-service", g_variant_new_string (ID_CARD));
  g_assert_cmpstr (bk_window_get_page_name (f.window), ==, "service");
  page = service_page (&f);
  g_assert_cmpstr (bk_service_page_get_service_id (page), ==, ID_CARD);

  /* The name in the interface language, as the heading of the page. */
  g_assert_cmpstr (bk_service_page_get_title (page), ==, "Apply for an identity card");
  focus = gtk_root_get_focus (GTK_ROOT (f.window));
  g_assert_true (GTK_IS_LABEL (focus));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (focus)), ==, "Apply for an identity card");
  assert_heading (focus, 1);

  for (guint s = 0; s < BK_SERVICE_N_SECTIONS; s++)
    {
      GtkWidget *heading = bk_service_page_get_heading (page, s);
      GtkWidget *button = bk_service_page_get_read_button (page, s);
      g_autofree char *button_name = bk_ui_test_dup_label (button);
      g_autofree char *expected = g_strdup_printf ("Read aloud: %s", headings[s]);

      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (heading)), ==, headings[s]);
      assert_heading (heading, 2);
      g_assert_cmpstr (button_name, ==, expected);
      /* easy-read is off: that section is hidden; hints and more only when
       * the description has them (this one has none) */
      g_assert_true (gtk_widget_get_visible (bk_service_page_get_section (page, s)) ==
                     (s != BK_SERVICE_SECTION_EASY_READ && s != BK_SERVICE_SECTION_HINTS &&
                      s != BK_SERVICE_SECTION_MORE));
    }

  /* The German parts of the description, as they are. */
  text = bk_ui_test_dup_text (GTK_WIDGET (page));
  g_assert_nonnull (strstr (text, service->costs));
  g_assert_nonnull (strstr (text, service->office.opening_hours));
  g_assert_nonnull (strstr (text, g_ptr_array_index (service->documents, 0)));
  g_assert_nonnull (strstr (text, service->online_url));
  {
    g_autofree char *step = g_strdup_printf ("1.\n%s\n", (char *)g_ptr_array_index (service->steps, 0));

    /* numbered steps */
    g_assert_nonnull (strstr (text, step));
  }
  /* the order of the headings on screen */
  {
    const char *at = text;

    for (guint s = BK_SERVICE_SECTION_WHAT; s < BK_SERVICE_SECTION_HINTS; s++)
      {
        g_autofree char *line = g_strdup_printf ("\n%s\n", headings[s]);
        const char *found = strstr (at, line);

        g_assert_nonnull (found);
        at = found + 1;
      }
  }

  /* A section the description leaves empty says so. */
  bk_ui_test_open_page (f.window, "win.open-service", g_variant_new_string (PASSPORT));
  {
    g_autoptr(BkService) passport = bk_store_load_service (f.store, PASSPORT, NULL);
    g_autofree char *passport_text = bk_ui_test_dup_text (GTK_WIDGET (page));

    if (passport->deadlines == NULL)
      g_assert_nonnull (strstr (passport_text, "The description says nothing about this."));
    g_assert_nonnull (strstr (passport_text, "\nDeadlines\n"));
  }

  /* Back to the first service. */
  g_assert_true (press_shortcut (&f, GDK_KEY_Escape));
  g_assert_cmpstr (bk_service_page_get_service_id (page), ==, ID_CARD);

  fixture_clear (&f);
}

static void
test_qr (void)
{
  Fixture f;
  BkServicePage *page;
  g_autoptr(BkService) service = NULL;
  g_autofree char *name = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guchar *pixels = NULL;
  GtkWidget *qr;
  QRcode *code;
  int width, stride, module;

  fixture_init (&f);
  service = bk_store_load_service (f.store, ID_CARD, NULL);
  g_assert_nonnull (service->online_url);
  bk_ui_test_open_page (f.window, "win.open-service", g_variant_new_string (ID_CARD));
  page = service_page (&f);
  qr = bk_service_page_get_qr (page);

  g_assert_true (gtk_widget_get_visible (qr));
  g_assert_true (gtk_widget_is_ancestor (qr, bk_service_page_get_section (page, BK_SERVICE_SECTION_ONLINE)));
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (qr)), ==, GTK_ACCESSIBLE_ROLE_IMG);
  name = bk_ui_test_dup_label (qr);
  expected = g_strdup_printf ("QR code for %s", service->online_url);
  g_assert_cmpstr (name, ==, expected);

  /* The same symbol qrencode makes for the address. */
  code = QRcode_encodeString (service->online_url, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  g_assert_nonnull (code);
  g_assert_cmpuint (bk_qr_get_module_count (BK_QR (qr)), ==, code->width);
  for (int y = 0; y < code->width; y++)
    for (int x = 0; x < code->width; x++)
      g_assert_true (bk_qr_get_module (BK_QR (qr), x, y) == (code->data[y * code->width + x] & 1));

  /* As drawn: a white quiet zone, the black corner of the finder pattern,
   * whatever the theme. */
  width = gtk_widget_get_width (qr);
  module = MIN (width, gtk_widget_get_height (qr)) / (code->width + 8);
  g_assert_cmpint (module, >=, 3);
  texture = bk_ui_test_render (qr);
  g_assert_nonnull (texture);
  stride = gdk_texture_get_width (texture) * 4;
  pixels = g_malloc (stride * gdk_texture_get_height (texture));
  gdk_texture_download (texture, pixels, stride);
  {
    int x0 = (width - module * (code->width + 8)) / 2;
    int y0 = (gtk_widget_get_height (qr) - module * (code->width + 8)) / 2;
    const guchar *quiet = pixels + (y0 + module) * stride + (x0 + module) * 4;
    const guchar *finder = pixels + (y0 + 4 * module + module / 2) * stride + (x0 + 4 * module + module / 2) * 4;

    /* B, G, R */
    g_assert_cmpint (quiet[0], ==, 255);
    g_assert_cmpint (quiet[1], ==, 255);
    g_assert_cmpint (quiet[2], ==, 255);
    g_assert_cmpint (finder[0], ==, 0);
    g_assert_cmpint (finder[1], ==, 0);
    g_assert_cmpint (finder[2], ==, 0);
  }
  QRcode_free (code);

  /* The address also in words. */
  {
    g_autofree char *text = bk_ui_test_dup_text (bk_service_page_get_section (page, BK_SERVICE_SECTION_ONLINE));
    g_autofree char *address = g_strdup_printf ("Address: %s\n", service->online_url);

    g_assert_nonnull (strstr (text, address));
  }

  /* A QR code that is cleared has no name and no size. */
  {
    GtkWidget *empty = g_object_ref_sink (bk_qr_new ("https://example.org/"));

    g_assert_cmpuint (bk_qr_get_module_count (BK_QR (empty)), >, 0);
    bk_qr_set_text (BK_QR (empty), NULL);
    g_assert_cmpuint (bk_qr_get_module_count (BK_QR (empty)), ==, 0);
    g_assert_null (bk_qr_get_text (BK_QR (empty)));
    g_object_unref (empty);
  }

  fixture_clear (&f);
}

static void
test_read_aloud (void)
{
  Fixture f;
  BkServicePage *page;
  g_autoptr(BkService) service = NULL;
  const char *said;

  if (bk_application_get_speech (app) == NULL)
    {
      g_test_skip ("no speech service (voice data missing?)");
      return;
    }

  fixture_init (&f);
  service = bk_store_load_service (f.store, ID_CARD, NULL);
  bk_ui_test_open_page (f.window, "win.open-service", g_variant_new_string (ID_CARD));
  page = service_page (&f);
  g_assert_true (gtk_widget_get_visible (bk_service_page_get_read_button (page, -1)));

  /* The costs: German text, German voice; our heading in English. */
  g_ptr_array_set_size (f.said, 0);
  click (bk_service_page_get_read_button (page, BK_SERVICE_SECTION_COSTS));
  g_assert_true (wait_said (&f, service->costs));
  g_assert_cmpstr (bk_voice_get_last_language (bk_application_get_voice (app)), ==, "de");
  said = bk_ui_test_said_find (f.said, service->costs);
  g_assert_true (g_str_has_prefix (said, "Costs. "));
  g_assert_cmpuint (bk_service_page_get_reading_id (page), !=, 0);

  /* The languages the texts are marked with (the signal gives the text
   * without the voice's language marks): the German costs, the English
   * translation of the name. */
  {
    GtkWidget *body = gtk_widget_get_last_child (bk_service_page_get_section (page, BK_SERVICE_SECTION_COSTS));

    g_assert_cmpstr (bk_ui_get_content_language (gtk_widget_get_first_child (body)), ==, "de");
    g_assert_cmpstr (bk_ui_get_content_language (gtk_root_get_focus (GTK_ROOT (f.window))), ==, "en");
  }

  /* What it is: the English translation. */
  g_ptr_array_set_size (f.said, 0);
  click (bk_service_page_get_read_button (page, BK_SERVICE_SECTION_WHAT));
  g_assert_true (wait_said (&f, "Apply for an identity card. Stadt Auenbach. What it is."));

  /* The whole page: from the name to the forms. */
  g_ptr_array_set_size (f.said, 0);
  click (bk_service_page_get_read_button (page, -1));
  g_assert_true (wait_said (&f, service->costs));
  said = bk_ui_test_said_find (f.said, service->costs);
  g_assert_nonnull (strstr (said, "Apply for an identity card"));
  g_assert_nonnull (strstr (said, service->office.phone));
  g_assert_cmpstr (bk_voice_get_last_language (bk_application_get_voice (app)), ==, "de");

  fixture_clear (&f);
}

static void
test_easy_read (void)
{
  Fixture f;
  BkSettings *settings = bk_application_get_settings (app);
  BkServicePage *page;
  g_autoptr(BkService) service = NULL;
  GtkWidget *easy;

  fixture_init (&f);
  service = bk_store_load_service (f.store, ID_CARD, NULL);
  g_assert_nonnull (service->easy_read);
  page = service_page (&f);
  easy = bk_service_page_get_section (page, BK_SERVICE_SECTION_EASY_READ);

  g_assert_false (bk_settings_get_boolean (settings, "easy-read"));
  bk_ui_test_open_page (f.window, "win.open-service", g_variant_new_string (ID_CARD));
  g_assert_false (gtk_widget_get_visible (easy));

  /* On: first, before what it is. */
  bk_settings_set_boolean (settings, "easy-read", TRUE);
  bk_ui_test_iterate (50);
  g_assert_true (gtk_widget_get_visible (easy));
  {
    g_autofree char *text = bk_ui_test_dup_text (GTK_WIDGET (page));
    g_auto(GStrv) paragraphs = g_strsplit (service->easy_read, "\n\n", 2);
    g_autofree char *first = g_strstrip (g_strdup (paragraphs[0]));
    const char *heading = strstr (text, "In easy-read language\n");
    const char *summary = strstr (text, first);
    const char *what = strstr (text, "\nWhat it is\n");

    g_assert_nonnull (heading);
    g_assert_nonnull (summary);
    g_assert_nonnull (what);
    g_assert_true (heading < summary && summary < what);
  }
  if (bk_application_get_speech (app) != NULL)
    {
      g_ptr_array_set_size (f.said, 0);
      click (bk_service_page_get_read_button (page, BK_SERVICE_SECTION_EASY_READ));
      g_assert_true (wait_said (&f, "In easy-read language"));
      g_assert_cmpstr (bk_voice_get_last_language (bk_application_get_voice (app)), ==, "de");
    }

  /* None: said plainly. */
  bk_ui_test_open_page (f.window, "win.open-service", g_variant_new_string (PASSPORT));
  {
    g_autofree char *text = bk_ui_test_dup_text (easy);

    g_assert_true (gtk_widget_get_visible (easy));
    g_assert_nonnull (strstr (text, "There is no easy-read text for this service yet."));
  }

  bk_settings_set_boolean (settings, "easy-read", FALSE);
  bk_ui_test_iterate (50);
  g_assert_false (gtk_widget_get_visible (easy));

  fixture_clear (&f);
}

/* Tab to the first result, Enter opens it, Escape comes back. */
static void
test_keyboard (void)
{
  Fixture f;
  GtkWidget *focus = NULL;
  const char *id;

  fixture_init (&f);
  bk_ui_test_open_page (f.window, "win.show-services", NULL);

  for (guint i = 0; i < 60; i++)
    {
      g_assert_true (gtk_widget_child_focus (GTK_WIDGET (f.window), GTK_DIR_TAB_FORWARD));
      bk_ui_test_iterate (5);
      focus = gtk_root_get_focus (GTK_ROOT (f.window));
      if (GTK_IS_LIST_BOX_ROW (focus))
        break;
    }
  g_assert_true (GTK_IS_LIST_BOX_ROW (focus));
  id = bk_services_page_get_result_id (services_page (&f), gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (focus)));
  g_assert_nonnull (id);

  press_enter_on_row (focus);
  g_assert_cmpstr (bk_window_get_page_name (f.window), ==, "service");
  g_assert_cmpstr (bk_service_page_get_service_id (service_page (&f)), ==, id);
  focus = gtk_root_get_focus (GTK_ROOT (f.window));
  g_assert_true (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (service_page (&f))));

  g_assert_true (press_shortcut (&f, GDK_KEY_Escape));
  g_assert_cmpstr (bk_window_get_page_name (f.window), ==, "services");
  /* Back lands on the service that was opened, not on the search field */
  focus = gtk_root_get_focus (GTK_ROOT (f.window));
  g_assert_true (GTK_IS_LIST_BOX_ROW (focus));
  g_assert_cmpstr (bk_services_page_get_result_id (services_page (&f), gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (focus))),
                   ==, id);

  fixture_clear (&f);
}

static void
collect_unnamed (GtkWidget *widget,
                 GString   *out)
{
  if (!gtk_widget_get_visible (widget))
    return;
  if (GTK_IS_BUTTON (widget) || GTK_IS_LIST_BOX_ROW (widget) || GTK_IS_EDITABLE (widget) ||
      BK_IS_QR (widget))
    {
      g_autofree char *label = bk_ui_test_dup_label (widget);

      if (label == NULL && !(GTK_IS_LABEL (widget)))
        g_string_append_printf (out, "%s ", G_OBJECT_TYPE_NAME (widget));
      if (GTK_IS_EDITABLE (widget))
        return;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    collect_unnamed (c, out);
}

static void
test_named (void)
{
  Fixture f;
  g_autoptr(GString) unnamed = g_string_new (NULL);

  fixture_init (&f);
  bk_ui_test_add_xzufi (f.store);
  bk_settings_set_boolean (bk_application_get_settings (app), "easy-read", TRUE);
  bk_ui_test_open_page (f.window, "win.show-services", NULL);
  collect_unnamed (bk_window_get_page (f.window, "services"), unnamed);
  /* with the town buttons and a town chosen, too */
  bk_ui_test_open_page (f.window, "win.open-service", g_variant_new_string (BK_UI_TEST_XZUFI_SERVICE));
  collect_unnamed (bk_window_get_page (f.window, "service"), unnamed);
  bk_settings_set_string (bk_application_get_settings (app), "town", BK_UI_TEST_AUENBACH);
  bk_ui_test_iterate (20);
  collect_unnamed (bk_window_get_page (f.window, "service"), unnamed);
  bk_ui_test_open_page (f.window, "win.open-service", g_variant_new_string (ID_CARD));
  collect_unnamed (bk_window_get_page (f.window, "service"), unnamed);
  g_assert_cmpstr (unnamed->str, ==, "");

  /* "What you can do here" offers the appointment only where the window
   * has the forms. */
  {
    GtkWidget *box = bk_service_page_get_actions_box (service_page (&f));
    GtkWidget *button = bk_ui_find_actionable (GTK_WIDGET (f.window), "win.start-form",
                                               g_variant_new_string ("appointment"));
    gboolean has_forms = FALSE;
    const char *action;
    const GVariantType *parameter_type;
    const char *property;
    GType owner;

    for (guint i = 0; gtk_widget_class_query_action (GTK_WIDGET_GET_CLASS (f.window), i, &owner, &action,
                                                     &parameter_type, &property); i++)
      has_forms |= g_str_equal (action, "win.start-form");
    has_forms |= g_action_group_has_action (G_ACTION_GROUP (f.window), "start-form");
    g_assert_true ((button != NULL) == has_forms);
    g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (box)) == has_forms);
  }

  fixture_clear (&f);
}

/* ---- a service from XZuFi: the office of the citizen's town ------------- */

static GtkWidget *
office_section (BkServicePage *page)
{
  return bk_service_page_get_section (page, BK_SERVICE_SECTION_OFFICE);
}

static void
test_town (void)
{
  Fixture f;
  BkSettings *settings = bk_application_get_settings (app);
  BkServicePage *page;
  GtkWidget *auenbach, *lindental;
  g_autofree char *text = NULL;

  fixture_init (&f);
  bk_ui_test_add_xzufi (f.store);
  page = service_page (&f);
  g_signal_connect (page, "status-changed", G_CALLBACK (status_changed_cb), &f);
  bk_ui_test_open_page (f.window, "win.open-service", g_variant_new_string (BK_UI_TEST_XZUFI_SERVICE));
  g_assert_cmpstr (bk_service_page_get_title (page), ==, "Register your address");

  /* No town chosen yet: both towns offered, no office shown. */
  g_assert_cmpstr (bk_settings_get_string (settings, "town"), ==, "");
  auenbach = bk_service_page_get_town_button (page, BK_UI_TEST_AUENBACH);
  lindental = bk_service_page_get_town_button (page, BK_UI_TEST_LINDENTAL);
  g_assert_nonnull (auenbach);
  g_assert_nonnull (lindental);
  g_assert_true (gtk_widget_is_ancestor (auenbach, office_section (page)));
  {
    g_autofree char *name = bk_ui_test_dup_label (auenbach);

    g_assert_cmpstr (name, ==, "Stadt Auenbach");
  }
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (auenbach), GTK_ACCESSIBLE_STATE_PRESSED,
                                    GTK_ACCESSIBLE_TRISTATE_FALSE);
  text = bk_ui_test_dup_text (office_section (page));
  g_assert_nonnull (strstr (text, "Which town do you live in?"));
  g_assert_null (strstr (text, "Bürgerbüro"));
  g_assert_null (strstr (text, "Bürgerservice"));
  g_clear_pointer (&text, g_free);
  /* the online service is the county's: the same for both towns */
  g_assert_true (gtk_widget_get_visible (bk_service_page_get_qr (page)));

  /* Lindental: its office and nothing of Auenbach's; said in words. */
  gtk_widget_grab_focus (lindental);
  g_ptr_array_set_size (f.statuses, 0);
  click (lindental);
  g_assert_cmpstr (bk_settings_get_string (settings, "town"), ==, BK_UI_TEST_LINDENTAL);
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (lindental), GTK_ACCESSIBLE_STATE_PRESSED,
                                    GTK_ACCESSIBLE_TRISTATE_TRUE);
  text = bk_ui_test_dup_text (office_section (page));
  g_assert_nonnull (strstr (text, "Your town: Gemeinde Lindental"));
  g_assert_nonnull (strstr (text, "Gemeinde Lindental – Bürgerservice"));
  g_assert_nonnull (strstr (text, "Drei Stufen am Haupteingang"));
  g_assert_null (strstr (text, "Stadt Auenbach – Bürgerbüro"));
  g_assert_null (strstr (text, "Which town do you live in?"));
  g_clear_pointer (&text, g_free);
  g_assert_cmpuint (f.statuses->len, >=, 1);
  g_assert_cmpstr (g_ptr_array_index (f.statuses, f.statuses->len - 1), ==,
                   "Your town: Gemeinde Lindental. Where to go: Gemeinde Lindental – Bürgerservice, "
                   "Hauptstraße 12, 12349 Lindental.");
  /* the focus stays on the town the citizen chose */
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f.window)) == lindental);
  /* and the kiosk says it */
  if (bk_application_get_speech (app) != NULL)
    g_assert_true (wait_said (&f, "Your town: Gemeinde Lindental. Where to go: Gemeinde Lindental – Bürgerservice"));

  /* Read aloud: the town and its office, not the other one. */
  if (bk_application_get_speech (app) != NULL)
    {
      const char *said;

      g_ptr_array_set_size (f.said, 0);
      click (bk_service_page_get_read_button (page, BK_SERVICE_SECTION_OFFICE));
      g_assert_true (wait_said (&f, "Your town: Gemeinde Lindental"));
      said = bk_ui_test_said_find (f.said, "Your town: Gemeinde Lindental");
      g_assert_nonnull (strstr (said, "01235 880-0"));
      g_assert_null (strstr (said, "01234"));
    }

  /* Chosen once: another service of the catalogue shows the same town. */
  bk_ui_test_open_page (f.window, "win.open-service", g_variant_new_string ("xzufi-L100099:1002"));
  text = bk_ui_test_dup_text (office_section (page));
  g_assert_nonnull (strstr (text, "Your town: Gemeinde Lindental"));
  g_assert_nonnull (strstr (text, "Landratsamt Beispielkreis – Fundbüro"));
  g_clear_pointer (&text, g_free);

  /* Auenbach now. */
  click (bk_service_page_get_town_button (page, BK_UI_TEST_AUENBACH));
  text = bk_ui_test_dup_text (office_section (page));
  g_assert_nonnull (strstr (text, "Stadt Auenbach – Bürgerbüro"));
  g_assert_null (strstr (text, "Fundbüro"));
  g_clear_pointer (&text, g_free);

  /* A hand-written service keeps its one office, no town buttons. */
  bk_ui_test_open_page (f.window, "win.open-service", g_variant_new_string (ID_CARD));
  g_assert_null (bk_service_page_get_town_button (page, BK_UI_TEST_AUENBACH));

  /* The end of the session forgets the town. */
  fixture_clear (&f);
  g_assert_cmpstr (bk_settings_get_string (settings, "town"), ==, "");
}

/* Headings, lists and links of an imported text; hints and further
 * information in sections of their own. */
static void
test_structure (void)
{
  Fixture f;
  BkServicePage *page;
  GtkWidget *who;
  GtkWidget *heading = NULL;
  g_autofree char *text = NULL;

  fixture_init (&f);
  bk_ui_test_add_xzufi (f.store);
  bk_ui_test_open_page (f.window, "win.open-service", g_variant_new_string (BK_UI_TEST_XZUFI_SERVICE));
  page = service_page (&f);
  /* a heading inside the text: level 3, below the section's */
  who = bk_service_page_get_section (page, BK_SERVICE_SECTION_WHO);
  for (GtkWidget *w = gtk_widget_get_first_child (gtk_widget_get_last_child (who)); w != NULL;
       w = gtk_widget_get_next_sibling (w))
    if (GTK_IS_LABEL (w) && gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (w)) == GTK_ACCESSIBLE_ROLE_HEADING)
      heading = w;
  g_assert_nonnull (heading);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (heading)), ==, "Wer muss sich anmelden?");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (heading), GTK_ACCESSIBLE_PROPERTY_LEVEL, 3);

  text = bk_ui_test_dup_text (GTK_WIDGET (page));
  g_assert_true (gtk_widget_get_visible (bk_service_page_get_section (page, BK_SERVICE_SECTION_HINTS)));
  g_assert_true (gtk_widget_get_visible (bk_service_page_get_section (page, BK_SERVICE_SECTION_MORE)));
  g_assert_nonnull (strstr (text, "\nGood to know\n"));
  g_assert_nonnull (strstr (text, "Eine Abmeldung bei der alten Gemeinde ist nicht nötig."));
  g_assert_nonnull (strstr (text, "\nMore information\n"));
  g_assert_nonnull (strstr (text, "Meldewesen im Landkreis: https://beispielkreis.example.org/meldewesen"));
  /* the costs as a list with their amounts; the steps numbered */
  g_assert_nonnull (strstr (text, "•\nErweiterte Meldebescheinigung: 10,50 Euro"));
  g_assert_nonnull (strstr (text, "2.\nUnterlagen vorlegen."));
  /* a form without an address */
  g_assert_nonnull (strstr (text, "Den Meldeschein gibt es im Bürgerbüro."));
  fixture_clear (&f);
}

/* A service that is not there: the error page, and Back. */
static void
test_unknown_service (void)
{
  Fixture f;

  fixture_init (&f);
  bk_ui_test_open_page (f.window, "win.open-service", g_variant_new_string ("no-such-service"));
  g_assert_cmpstr (bk_window_get_page_name (f.window), ==, "error");
  g_assert_true (press_shortcut (&f, GDK_KEY_Escape));
  g_assert_cmpstr (bk_window_get_page_name (f.window), ==, "home");

  fixture_clear (&f);
}

/* ---- every form has its way in (issue 15) -------------------------------- */

/* The form buttons under "What you can do here", in order. */
static char *
dup_offered_forms (Fixture *f)
{
  g_autoptr(GString) out = g_string_new (NULL);
  GtkWidget *box = bk_service_page_get_actions_box (service_page (f));

  for (GtkWidget *c = gtk_widget_get_first_child (box); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GVariant *target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (c));

      if (gtk_widget_get_visible (c) && target != NULL &&
          g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (c)), "win.start-form") == 0)
        g_string_append_printf (out, "%s%s", out->len ? " " : "", g_variant_get_string (target, NULL));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Each service page offers exactly the forms its service names; the form
 * then names the service's office, the one the receipt names. */
static void
test_forms_offered (void)
{
  Fixture f;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;

  fixture_init (&f);
  all = bk_store_list_services (f.store, NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < all->len; i++)
    {
      const char *id = ((BkServiceSummary *) g_ptr_array_index (all, i))->id;
      g_autoptr(BkService) s = bk_store_load_service (f.store, id, &error);
      g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
      g_auto(GStrv) wanted = NULL;
      g_autofree char *joined = NULL;
      g_autofree char *offered = NULL;

      g_assert_no_error (error);
      for (guint j = 0; j < s->kiosk_forms->len; j++)
        g_strv_builder_add (names, g_ptr_array_index (s->kiosk_forms, j));
      wanted = g_strv_builder_end (names);
      joined = g_strjoinv (" ", wanted);
      bk_ui_test_open_page (f.window, "win.open-service", g_variant_new_string (id));
      offered = dup_offered_forms (&f);
      g_test_message ("%s: %s", id, offered);
      g_assert_cmpstr (offered, ==, joined);
      g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (bk_service_page_get_actions_box (service_page (&f))))
                     == (s->kiosk_forms->len > 0));
    }

  /* The defect report of Auenbach is for its Tiefbauamt, not a citizens'
   * office; the button says what the form is. */
  {
    GtkWidget *button;
    g_autofree char *text = NULL;
    g_autofree char *label = NULL;

    bk_ui_test_open_page (f.window, "win.open-service", g_variant_new_string ("maengel-melden-stadt-auenbach"));
    button = bk_ui_find_actionable (GTK_WIDGET (service_page (&f)), "win.start-form",
                                    g_variant_new_string ("defect-report"));
    g_assert_nonnull (button);
    label = bk_ui_test_dup_label (button);
    g_assert_cmpstr (label, ==, "Report a defect");
    g_assert_true (gtk_widget_activate (button));
    /* GTK clicks after its press animation */
    for (int i = 0; i < 100 && g_strcmp0 (bk_window_get_page_name (f.window), "form") != 0; i++)
      bk_ui_test_iterate (20);
    g_assert_cmpstr (bk_window_get_page_name (f.window), ==, "form");
    text = bk_ui_test_dup_text (bk_window_get_page (f.window, "form"));
    g_assert_nonnull (strstr (text, "Stadt Auenbach – Tiefbauamt"));
    g_assert_null (strstr (text, "citizens’ office"));
    g_assert_null (strstr (text, "building yard"));
  }

  fixture_clear (&f);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  bk_ui_test_init (&argc, &argv);

  app = bk_ui_test_app_new ();

  g_test_add_func ("/services/browse", test_browse);
  g_test_add_func ("/services/rows", test_rows);
  g_test_add_func ("/services/search", test_search);
  g_test_add_func ("/services/page", test_page);
  g_test_add_func ("/services/qr", test_qr);
  g_test_add_func ("/services/read-aloud", test_read_aloud);
  g_test_add_func ("/services/easy-read", test_easy_read);
  g_test_add_func ("/services/keyboard", test_keyboard);
  g_test_add_func ("/services/named", test_named);
  g_test_add_func ("/services/unknown", test_unknown_service);
  g_test_add_func ("/services/town", test_town);
  g_test_add_func ("/services/structure", test_structure);
  g_test_add_func ("/services/forms-offered", test_forms_offered);

  status = g_test_run ();

  g_clear_object (&app);
  return status;
}
