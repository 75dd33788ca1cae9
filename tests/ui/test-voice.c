/* test-voice.c: the self-voicing kiosk, with speech kept in memory
 *
 * Runs with GTK_A11Y=test under gui-run.sh. The speech service plays into
 * memory (BK_SPEECH_OUTPUT_MEMORY) in real time, so utterances start, words
 * advance and utterances finish as with a sound card. The interface is in
 * English (LC_ALL=C.UTF-8), motions are read in German.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "bk-ui-test-util.h"
#include "bk-config.h"

#include <adwaita.h>

#include "bk-application.h"
#include "bk-home-page.h"
#include "bk-motion-list-page.h"
#include "bk-motion-page.h"
#include "bk-ui.h"
#include "bk-voice.h"
#include "bk-window.h"

static BkApplication *app;

/* ---- helpers ------------------------------------------------------------ */

typedef struct
{
  BkStore   *store;
  gint64     ramp_id;
  GPtrArray *said;        /* utterance-started texts */
  gulong     handler;
} Fixture;

static void
fixture_init (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BkMotion) ramp = bk_motion_new ();
  g_autoptr(BkMotion) benches = bk_motion_new ();
  g_autoptr(BkMotion) lights = bk_motion_new ();
  BkResolutionPoint *point;

  f->store = bk_store_open (NULL, 0, &error);
  g_assert_no_error (error);

  ramp->subject = g_strdup ("Rampe am Rathauseingang");
  ramp->body = g_strdup ("Kreistag");
  ramp->reference = g_strdup ("KT/2026/001");
  ramp->date = g_strdup ("2026-01-10");
  ramp->justification = g_strdup ("Rollstuhlfahrer kommen nicht ins Rathaus hinein, weil vor der Tür drei hohe Stufen sind.\n\n"
                                  "Eine Rampe kostet weniger als ein Aufzug.");
  bk_motion_add_submitter (ramp, "Fraktion Alpha", BK_PARTY_FACTION);
  point = bk_motion_add_point (ramp, "Der Kreis baut eine Rampe.");
  bk_resolution_point_add_subpoint (point, "am Haupteingang");
  bk_motion_add_consultation (ramp, "Kreistag", "2026-03-01", "Beschluss", BK_TRISTATE_YES);
  g_assert_true (bk_store_save_motion (f->store, ramp, &error));
  f->ramp_id = ramp->id;

  benches->subject = g_strdup ("Mehr Bänke im Park");
  benches->date = g_strdup ("2026-01-09");
  g_assert_true (bk_store_save_motion (f->store, benches, &error));

  lights->subject = g_strdup ("Licht an den Bushaltestellen");
  lights->date = g_strdup ("2026-01-08");
  g_assert_true (bk_store_save_motion (f->store, lights, &error));
  g_assert_no_error (error);

  f->said = bk_ui_test_said_new (bk_application_get_voice (app), &f->handler);
}

static void
fixture_clear (Fixture *f)
{
  bk_voice_stop (bk_application_get_voice (app));
  g_signal_handler_disconnect (bk_application_get_voice (app), f->handler);
  g_clear_pointer (&f->said, g_ptr_array_unref);
  g_clear_object (&f->store);
  bk_application_set_screen_reader_running (app, FALSE);
  bk_application_reset_session (app);
}

static void
forget_said (Fixture *f)
{
  g_ptr_array_set_size (f->said, 0);
}

static const char *
find_said (Fixture    *f,
           const char *needle)
{
  return bk_ui_test_said_find (f->said, needle);
}

/* Waits until an utterance containing needle has started. */
static const char *
wait_said (Fixture    *f,
           const char *needle,
           guint       seconds)
{
  return bk_ui_test_said_wait (f->said, needle, seconds);
}

static BkWindow *
window_new (Fixture *f)
{
  BkWindow *window = bk_ui_test_app_window_new (app, f->store);

  return window;
}

static gboolean
speech_available (void)
{
  if (bk_application_get_speech (app) == NULL)
    {
      g_test_skip ("no speech service (voice data missing?)");
      return FALSE;
    }
  return TRUE;
}

/* ---- tests -------------------------------------------------------------- */

static void
test_focus_speaks (void)
{
  Fixture f;
  BkWindow *window;
  BkHomePage *home;

  if (!speech_available ())
    return;

  fixture_init (&f);
  window = window_new (&f);
  home = BK_HOME_PAGE (bk_window_get_page (window, "home"));

  /* The start page is said when the window gets its voice. */
  g_assert_nonnull (wait_said (&f, "Start page.", 5));

  forget_said (&f);
  gtk_widget_grab_focus (bk_home_page_get_choice (home, 1));
  g_assert_nonnull (wait_said (&f, "Council motions, button", 5));
  /* The description follows the name and role. */
  g_assert_nonnull (strstr (find_said (&f, "Council motions, button"),
                            "Read what the councils are asked to decide"));

  forget_said (&f);
  gtk_widget_grab_focus (bk_home_page_get_choice (home, 0));
  g_assert_nonnull (wait_said (&f, "Services, button", 5));

  /* The caption bar shows what is said (after the frame in progress). */
  g_assert_true (bk_window_get_caption_visible (window));
  for (int i = 0; i < 100 && strstr (bk_window_get_caption_text (window), "Services, button") == NULL; i++)
    bk_ui_test_iterate (20);
  g_assert_nonnull (strstr (bk_window_get_caption_text (window), "Services, button"));

  bk_ui_test_window_destroy (window);
  fixture_clear (&f);
}

static void
test_page_change (void)
{
  Fixture f;
  BkWindow *window;
  BkMotionListPage *list;
  GtkWidget *entry;

  if (!speech_available ())
    return;

  fixture_init (&f);
  window = window_new (&f);
  bk_ui_test_iterate (300);

  forget_said (&f);
  bk_ui_test_open_page (window, "win.show-motions", NULL);
  g_assert_nonnull (wait_said (&f, "Council motions. 3 motions. Search, filters and list.", 5));

  /* The search result count is a status message. */
  list = BK_MOTION_LIST_PAGE (bk_window_get_page (window, "motions"));
  entry = bk_motion_list_page_get_search_entry (list);
  bk_voice_stop (bk_application_get_voice (app));
  forget_said (&f);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Rampe");
  g_assert_nonnull (wait_said (&f, "1 motion", 5));

  forget_said (&f);
  gtk_editable_set_text (GTK_EDITABLE (entry), "xylophon");
  g_assert_nonnull (wait_said (&f, "No motions match “xylophon”.", 5));

  /* A motion page says its subject. */
  forget_said (&f);
  bk_ui_test_open_page (window, "win.open-motion", g_variant_new_int64 (f.ramp_id));
  g_assert_nonnull (wait_said (&f, "Motion: Rampe am Rathauseingang.", 5));

  bk_ui_test_window_destroy (window);
  fixture_clear (&f);
}

static void
test_error_page (void)
{
  Fixture f;
  g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                                                 "Permission denied");
  BkWindow *window;

  if (!speech_available ())
    return;

  fixture_init (&f);
  {
    g_autoptr(BkContext) context = bk_ui_test_context_new (app, NULL);

    window = bk_window_new (NULL, context, NULL, error);
    gtk_window_present (GTK_WINDOW (window));
    bk_ui_test_iterate (100);
  }

  /* Heading and message. */
  g_assert_nonnull (wait_said (&f, "The motions cannot be shown. The kiosk could not open its database", 5));
  /* the technical reason (paths, SQLite's words) is for the journal, not for citizens */
  g_assert_null (find_said (&f, "Permission denied"));

  bk_ui_test_window_destroy (window);
  fixture_clear (&f);
}

static void
test_list_position (void)
{
  Fixture f;
  BkWindow *window;
  BkMotionListPage *list;
  GtkWidget *view;
  g_autofree char *description = NULL;

  if (!speech_available ())
    return;

  fixture_init (&f);
  window = window_new (&f);
  bk_ui_test_open_page (window, "win.show-motions", NULL);
  bk_ui_test_iterate (300);
  list = BK_MOTION_LIST_PAGE (bk_window_get_page (window, "motions"));
  view = bk_motion_list_page_get_list_view (list);

  bk_voice_stop (bk_application_get_voice (app));
  forget_said (&f);
  g_assert_true (gtk_widget_child_focus (view, GTK_DIR_TAB_FORWARD));
  bk_ui_test_iterate (100);
  description = bk_voice_describe_widget (gtk_root_get_focus (GTK_ROOT (window)));
  g_test_message ("first row: %s", description);
  g_assert_true (g_str_has_prefix (description, "Rampe am Rathauseingang, list item, 1 of 3"));
  g_assert_nonnull (wait_said (&f, "Rampe am Rathauseingang, list item, 1 of 3", 5));

  bk_ui_test_window_destroy (window);
  fixture_clear (&f);
}

static void
test_describe (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *sw = gtk_switch_new ();
  GtkWidget *check = gtk_check_button_new_with_label ("Large type");
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *label = gtk_label_new ("High contrast");
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;
  g_autofree char *d = NULL;

  g_object_ref_sink (window);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), sw);
  gtk_switch_set_active (GTK_SWITCH (sw), TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), sw);
  gtk_box_append (GTK_BOX (box), check);
  gtk_box_append (GTK_BOX (box), entry);
  gtk_window_set_child (GTK_WINDOW (window), box);
  bk_ui_set_accessible (entry, "Name", NULL);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Erika");

  a = bk_voice_describe_widget (sw);
  b = bk_voice_describe_widget (check);
  c = bk_voice_describe_widget (entry);
  gtk_widget_set_sensitive (check, FALSE);
  d = bk_voice_describe_widget (check);
  g_assert_cmpstr (a, ==, "High contrast, switch, on");
  g_assert_cmpstr (b, ==, "Large type, check box, not checked");
  g_assert_cmpstr (c, ==, "Name, text field, Erika");
  g_assert_cmpstr (d, ==, "Large type, check box, not checked, unavailable");

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
}

static void
focus_cb (GtkWindow  *window,
          GParamSpec *pspec,
          BkVoice    *voice)
{
  bk_voice_speak_focus (voice, gtk_window_get_focus (window), BK_SPEECH_INTERRUPT);
}

static void
test_masked (void)
{
  Fixture f;
  GtkWidget *window;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *button = gtk_button_new_with_label ("Continue");
  GtkWidget *pin = gtk_password_entry_new ();
  BkVoice *voice = bk_application_get_voice (app);
  g_autofree char *description = NULL;
  const char *typed[] = { "7", "73", "739", "7391" };

  if (!speech_available ())
    return;

  fixture_init (&f);
  window = gtk_window_new ();
  bk_ui_set_accessible (pin, "PIN", NULL);
  gtk_box_append (GTK_BOX (box), button);
  gtk_box_append (GTK_BOX (box), pin);
  gtk_window_set_child (GTK_WINDOW (window), box);
  g_signal_connect (window, "notify::focus-widget", G_CALLBACK (focus_cb), voice);
  gtk_window_present (GTK_WINDOW (window));
  bk_ui_test_iterate (100);

  gtk_widget_grab_focus (pin);
  g_assert_nonnull (wait_said (&f, "PIN", 5));

  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      gtk_editable_set_text (GTK_EDITABLE (pin), typed[i]);
      bk_ui_test_iterate (400);
    }
  bk_ui_test_iterate (500);

  description = bk_voice_describe_widget (pin);
  g_assert_null (strstr (description, "7"));

  /* Something was said for the characters, never the characters. */
  g_assert_cmpuint (f.said->len, >=, 2);
  for (guint i = 0; i < f.said->len; i++)
    for (const char *p = g_ptr_array_index (f.said, i); *p != '\0'; p++)
      g_assert_false (g_ascii_isdigit (*p));

  gtk_window_destroy (GTK_WINDOW (window));
  bk_ui_test_iterate (50);
  fixture_clear (&f);
}

static void
test_read_aloud (void)
{
  Fixture f;
  BkWindow *window;
  BkMotionPage *page;
  GtkWidget *button;
  GtkLabel *first_label = NULL;
  GtkLabel *label = NULL;
  int first_start = -1, start = -1, end = -1;
  gboolean moved = FALSE;
  gint64 deadline;

  if (!speech_available ())
    return;

  fixture_init (&f);
  window = window_new (&f);
  bk_ui_test_open_page (window, "win.open-motion", g_variant_new_int64 (f.ramp_id));
  page = BK_MOTION_PAGE (bk_window_get_page (window, "motion"));

  button = bk_motion_page_get_read_button (page, 2);   /* Why */
  g_assert_true (gtk_widget_get_visible (button));
  forget_said (&f);
  g_signal_emit_by_name (button, "clicked");
  g_assert_nonnull (wait_said (&f, "Rollstuhlfahrer kommen nicht ins Rathaus hinein", 5));
  /* The motion's text in German, though the interface is English. */
  g_assert_cmpstr (bk_voice_get_last_language (bk_application_get_voice (app)), ==, "de");
  g_assert_nonnull (find_said (&f, "Eine Rampe kostet weniger als ein Aufzug."));

  /* The word being heard is highlighted, and the highlight moves on. */
  deadline = g_get_monotonic_time () + 8 * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < deadline && !moved)
    {
      bk_ui_test_iterate (50);
      if (!bk_motion_page_get_highlight (page, &label, &start, &end))
        continue;
      if (first_label == NULL && g_str_has_prefix (gtk_label_get_text (label), "Rollstuhlfahrer"))
        {
          first_label = label;
          first_start = start;
          continue;
        }
      if (first_label != NULL && (label != first_label || start > first_start))
        moved = TRUE;
    }
  g_assert_nonnull (first_label);
  g_assert_true (moved);

  /* The highlight is colour and underline, on the word's bytes. */
  {
    PangoAttrList *attrs = gtk_label_get_attributes (label);
    g_autoptr(GSList) list = NULL;
    gboolean background = FALSE, foreground = FALSE, underline = FALSE;

    g_assert_nonnull (attrs);
    list = pango_attr_list_get_attributes (attrs);
    for (GSList *l = list; l != NULL; l = l->next)
      {
        PangoAttribute *attr = l->data;

        g_assert_cmpint (attr->start_index, ==, start);
        g_assert_cmpint (attr->end_index, ==, end);
        background |= attr->klass->type == PANGO_ATTR_BACKGROUND;
        foreground |= attr->klass->type == PANGO_ATTR_FOREGROUND;
        underline |= attr->klass->type == PANGO_ATTR_UNDERLINE;
      }
    g_slist_free_full (g_steal_pointer (&list), (GDestroyNotify)pango_attribute_destroy);
    g_assert_true (background && foreground && underline);
    g_assert_cmpint (end, >, start);
  }

  /* Stopping clears the highlight. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "app.speech-stop", NULL) ||
                 TRUE);
  bk_voice_stop (bk_application_get_voice (app));
  bk_ui_test_iterate (300);
  g_assert_false (bk_motion_page_get_highlight (page, NULL, NULL, NULL));
  g_assert_cmpuint (bk_motion_page_get_reading_id (page), ==, 0);

  /* Reading from a paragraph: that one to the end of the section. */
  forget_said (&f);
  g_assert_true (bk_motion_page_read_from (page, GTK_WIDGET (first_label)));
  g_assert_nonnull (wait_said (&f, "Rollstuhlfahrer", 5));
  g_assert_null (find_said (&f, "Why."));

  bk_ui_test_window_destroy (window);
  fixture_clear (&f);
}

static void
count_cb (guint *count)
{
  (*count)++;
}

static void
test_screen_reader (void)
{
  Fixture f;
  BkWindow *window;
  BkHomePage *home;
  BkMotionPage *page;

  if (!speech_available ())
    return;

  fixture_init (&f);
  window = window_new (&f);
  home = BK_HOME_PAGE (bk_window_get_page (window, "home"));
  bk_ui_test_iterate (300);

  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
    guint changes = 0;
    gulong handler = g_signal_connect_swapped (window, "notify::focus-widget",
                                               G_CALLBACK (count_cb), &changes);

    /* A screen reader that came up late is handed the focus again. */
    g_assert_nonnull (focus);
    bk_application_set_screen_reader_running (app, TRUE);
    g_signal_handler_disconnect (window, handler);
    g_assert_cmpuint (changes, >=, 2);
    g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == focus);
  }
  g_assert_false (bk_voice_is_self_voicing (bk_application_get_voice (app)));
  {
    /* The greeting reaches the screen reader through the focused choice. */
    g_autofree char *description =
      gtk_test_accessible_check_property (GTK_ACCESSIBLE (bk_home_page_get_choice (home, 0)),
                                          GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "");

    g_assert_cmpstr (description, ==, "Welcome. What would you like to do? What the administration offers you");
  }
  bk_ui_test_iterate (300);
  forget_said (&f);

  gtk_widget_grab_focus (bk_home_page_get_choice (home, 1));
  bk_ui_test_iterate (300);
  gtk_widget_grab_focus (bk_home_page_get_choice (home, 0));
  bk_ui_test_iterate (300);
  bk_ui_test_open_page (window, "win.open-motion", g_variant_new_int64 (f.ramp_id));
  bk_ui_test_iterate (1000);
  g_assert_cmpuint (f.said->len, ==, 0);

  /* Read aloud still works on demand. */
  page = BK_MOTION_PAGE (bk_window_get_page (window, "motion"));
  g_signal_emit_by_name (bk_motion_page_get_read_button (page, 1), "clicked");
  g_assert_nonnull (wait_said (&f, "Der Kreis baut eine Rampe.", 5));

  /* Without the screen reader, the kiosk speaks again, and says the
   * greeting with the page: not in the choice too. */
  bk_application_set_screen_reader_running (app, FALSE);
  g_assert_null (gtk_test_accessible_check_property (GTK_ACCESSIBLE (bk_home_page_get_choice (home, 0)),
                                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                     "What the administration offers you"));
  forget_said (&f);
  bk_ui_test_open_page (window, "win.home", NULL);
  g_assert_nonnull (wait_said (&f, "Start page.", 5));

  bk_ui_test_window_destroy (window);
  fixture_clear (&f);
}

static void
test_commands_and_reset (void)
{
  Fixture f;
  BkSettings *settings = bk_application_get_settings (app);
  BkSpeech *speech = bk_application_get_speech (app);
  BkWindow *window;

  if (!speech_available ())
    return;

  fixture_init (&f);
  window = window_new (&f);
  bk_ui_test_iterate (200);

  forget_said (&f);
  g_action_group_activate_action (G_ACTION_GROUP (app), "speech-quieter", NULL);
  g_assert_cmpint (bk_settings_get_speech_volume (settings), ==, 70);
  g_assert_cmpuint (bk_speech_get_volume (speech), ==, 70);
  g_assert_nonnull (wait_said (&f, "Volume 70 percent", 5));

  g_action_group_activate_action (G_ACTION_GROUP (app), "speech-faster", NULL);
  g_assert_cmpint (bk_settings_get_speech_rate (settings), ==, 3);
  g_assert_cmpint (bk_speech_get_rate (speech), ==, BK_SPEECH_RATE_FAST);
  g_assert_nonnull (wait_said (&f, "Speech rate: fast", 5));

  bk_settings_set_captions_enabled (settings, FALSE);
  g_assert_false (bk_window_get_caption_visible (window));

  g_action_group_activate_action (G_ACTION_GROUP (app), "speech-toggle", NULL);
  g_assert_false (bk_settings_get_speech_enabled (settings));
  g_assert_false (bk_speech_get_enabled (speech));

  bk_settings_set_headset_connected (settings, TRUE);
  g_assert_true (bk_speech_get_headset (speech));

  bk_application_reset_session (app);
  g_assert_true (bk_settings_get_speech_enabled (settings));
  g_assert_cmpint (bk_settings_get_speech_rate (settings), ==, 2);
  g_assert_cmpint (bk_settings_get_speech_volume (settings), ==, 80);
  g_assert_true (bk_settings_get_captions_enabled (settings));
  /* Speech follows the settings, whatever the C defaults say. */
  g_assert_cmpint (bk_speech_get_enabled (speech), ==, bk_settings_get_speech_enabled (settings));
  g_assert_cmpint (bk_speech_get_rate (speech), ==, bk_settings_get_speech_rate (settings));
  g_assert_cmpuint (bk_speech_get_volume (speech), ==, bk_settings_get_speech_volume (settings));
  g_assert_true (bk_window_get_caption_visible (window));
  /* The staff's setting stays. */
  g_assert_true (bk_settings_get_headset_connected (settings));
  g_assert_true (bk_speech_get_headset (speech));
  bk_settings_set_headset_connected (settings, FALSE);

  bk_ui_test_window_destroy (window);
  fixture_clear (&f);
}

/* Every focusable widget, the read-aloud buttons included, has a name. */
static gboolean
has_name (GtkWidget *widget)
{
  g_autofree char *description = NULL;

  if (gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL) ||
      gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    return TRUE;

  return GTK_IS_LABEL (widget) && gtk_label_get_text (GTK_LABEL (widget))[0] != '\0';
}

static guint
check_names (GtkWidget *widget,
             GString   *problems)
{
  guint n = 0;

  if (!gtk_widget_get_visible (widget) || !gtk_widget_get_child_visible (widget))
    return 0;

  if (gtk_widget_get_focusable (widget) && gtk_widget_is_sensitive (widget))
    {
      GtkAccessibleRole role = gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget));

      if (role != GTK_ACCESSIBLE_ROLE_NONE && role != GTK_ACCESSIBLE_ROLE_PRESENTATION)
        {
          n++;
          if (!has_name (widget))
            g_string_append_printf (problems, "  %s has no accessible name\n", G_OBJECT_TYPE_NAME (widget));
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    n += check_names (child, problems);

  return n;
}

static void
test_names (void)
{
  Fixture f;
  BkWindow *window;
  g_autoptr(GString) problems = g_string_new (NULL);
  BkMotionPage *page;
  g_autofree char *name = NULL;

  if (!speech_available ())
    return;

  fixture_init (&f);
  window = window_new (&f);
  bk_ui_test_open_page (window, "win.open-motion", g_variant_new_int64 (f.ramp_id));
  page = BK_MOTION_PAGE (bk_window_get_page (window, "motion"));

  g_assert_cmpuint (check_names (GTK_WIDGET (window), problems), >, 5);
  if (problems->len > 0)
    g_error ("unnamed focusable widgets:\n%s", problems->str);

  /* The name starts with the visible text (WCAG 2.5.3). */
  name = bk_voice_describe_widget (bk_motion_page_get_read_button (page, 1));
  g_assert_cmpstr (name, ==, "Read aloud: What is asked, button");
  /* The caption bar never takes the focus. */
  g_assert_false (gtk_widget_get_focusable (gtk_widget_get_last_child (gtk_widget_get_first_child (gtk_widget_get_first_child (GTK_WIDGET (window))))));

  bk_ui_test_window_destroy (window);
  fixture_clear (&f);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  bk_ui_test_init (&argc, &argv);

  app = bk_ui_test_app_new ();

  g_test_add_func ("/voice/describe", test_describe);
  g_test_add_func ("/voice/focus", test_focus_speaks);
  g_test_add_func ("/voice/page-change", test_page_change);
  g_test_add_func ("/voice/error-page", test_error_page);
  g_test_add_func ("/voice/list-position", test_list_position);
  g_test_add_func ("/voice/masked-input", test_masked);
  g_test_add_func ("/voice/read-aloud", test_read_aloud);
  g_test_add_func ("/voice/screen-reader", test_screen_reader);
  g_test_add_func ("/voice/commands-and-reset", test_commands_and_reset);
  g_test_add_func ("/voice/accessible-names", test_names);

  status = g_test_run ();

  g_clear_object (&app);
  return status;
}
