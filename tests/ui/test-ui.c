/* test-ui.c: the kiosk window on an in-memory store
 *
 * Runs with GTK_A11Y=test under gui-run.sh (a display is needed in GTK 4.8).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "bk-ui-test-util.h"
#include "bk-config.h"

#include <adwaita.h>
#include <unistd.h>

#include "bk-field-view.h"
#include "bk-form.h"
#include "bk-home-page.h"
#include "bk-motion-item.h"
#include "bk-motion-list-model.h"
#include "bk-motion-list-page.h"
#include "bk-motion-page.h"
#include "bk-motion-row.h"
#include "bk-renderer.h"
#include "bk-ui.h"
#include "bk-window.h"

/* ---- helpers ------------------------------------------------------------ */

static char *
date_from_today (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days);

  return g_date_time_format (then, "%Y-%m-%d");
}

typedef struct
{
  BkStore *store;
  gint64   ramp_id;      /* upcoming, with a timeline and related papers */
  gint64   benches_id;   /* decided */
  gint64   lights_id;    /* upcoming */
} Fixture;

static gint64
save (BkStore  *store,
      BkMotion *motion)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (bk_store_save_motion (store, motion, &error));
  g_assert_no_error (error);
  g_assert_cmpint (motion->id, >, 0);

  return motion->id;
}

static void
fixture_init (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BkMotion) ramp = bk_motion_new ();
  g_autoptr(BkMotion) benches = bk_motion_new ();
  g_autoptr(BkMotion) lights = bk_motion_new ();
  g_autofree char *past = date_from_today (-30);
  g_autofree char *soon = date_from_today (10);
  g_autofree char *later = date_from_today (40);
  g_autofree char *long_ago = date_from_today (-90);
  BkResolutionPoint *point;

  f->store = bk_store_open (NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->store);

  ramp->subject = g_strdup ("Ramp at the town hall entrance");
  ramp->body = g_strdup ("Kreistag");
  ramp->type = g_strdup ("Antrag");
  ramp->reference = g_strdup ("KT/2026/001");
  ramp->date = g_strdup (long_ago);
  ramp->is_public = BK_TRISTATE_YES;
  ramp->justification = g_strdup ("Wheelchair users cannot enter the town hall.\n\nA ramp costs less than a lift.");
  bk_motion_add_submitter (ramp, "Fraktion Alpha", BK_PARTY_FACTION);
  bk_motion_add_signatory (ramp, "Erika Beispiel", BK_PARTY_PERSON)->role = g_strdup ("Fraktionsvorsitzende");
  bk_motion_add_signatory (ramp, "Jan Muster", BK_PARTY_PERSON);
  point = bk_motion_add_point (ramp, "The county builds a ramp.");
  bk_resolution_point_add_subpoint (point, "at the main entrance");
  bk_resolution_point_add_subpoint (point, "before the winter");
  bk_motion_add_point (ramp, "The administration reports on the costs.");
  bk_motion_add_consultation (ramp, "Kreistag", later, "Beschluss", BK_TRISTATE_YES);
  bk_motion_add_consultation (ramp, "Bauausschuss", past, "Vorberatung", BK_TRISTATE_YES);
  bk_motion_add_consultation (ramp, "Sozialausschuss", NULL, NULL, BK_TRISTATE_UNKNOWN);
  bk_motion_add_consultation (ramp, "Kreisausschuss", soon, "Vorberatung", BK_TRISTATE_NO);
  bk_motion_add_reference (ramp, "KT/2026/002");
  bk_motion_add_reference (ramp, "XX/404");

  benches->subject = g_strdup ("More benches in the park");
  benches->body = g_strdup ("Gemeinderat Musterdorf");
  benches->reference = g_strdup ("KT/2026/002");
  benches->date = g_strdup (long_ago);
  bk_motion_add_submitter (benches, "Fraktion Beta", BK_PARTY_FACTION);
  bk_motion_add_point (benches, "Ten new benches are set up.");
  bk_motion_add_consultation (benches, "Gemeinderat Musterdorf", past, "Beschluss", BK_TRISTATE_YES);

  lights->subject = g_strdup ("Lighting for the bus stops");
  lights->body = g_strdup ("Kreistag");
  lights->reference = g_strdup ("KT/2026/003");
  lights->date = g_strdup (past);
  bk_motion_add_submitter (lights, "Fraktion Beta", BK_PARTY_FACTION);
  bk_motion_add_consultation (lights, "Kreistag", soon, "Beschluss", BK_TRISTATE_YES);

  f->ramp_id = save (f->store, ramp);
  f->benches_id = save (f->store, benches);
  f->lights_id = save (f->store, lights);
}

static void
fixture_clear (Fixture *f)
{
  g_clear_object (&f->store);
}

static gboolean
wait_for_count (BkMotionListPage *page,
                const char       *count)
{
  gint64 end = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < end)
    {
      if (g_strcmp0 (bk_motion_list_page_get_count_text (page), count) == 0)
        return TRUE;
      bk_ui_test_iterate (20);
    }

  g_test_message ("count is %s, expected %s", bk_motion_list_page_get_count_text (page), count);
  return FALSE;
}

static BkWindow *
window_new (Fixture *f)
{
  BkWindow *window = bk_ui_test_window_new (f->store);


  return window;
}

/* What a screen reader gets as the name, following GTK 4.8: the label
 * property, else the labelled-by relation, else a label's own text. */
static gboolean
has_accessible_name (GtkWidget *widget)
{
  g_autofree char *label = bk_ui_test_dup_label (widget);

  if (label != NULL && g_strstrip (label)[0] != '\0')
    return TRUE;

  if (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    return TRUE;

  if (GTK_IS_LABEL (widget))
    {
      const char *text = gtk_label_get_text (GTK_LABEL (widget));
      return text != NULL && text[0] != '\0';
    }

  return FALSE;
}

/* What keys reach, and buttons that are operated without the focus (the
 * keys of the on-screen keyboard). */
static gboolean
is_focusable (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) && gtk_widget_is_sensitive (widget))
    return TRUE;

  return gtk_widget_get_focusable (widget) &&
         gtk_widget_is_sensitive (widget) &&
         gtk_widget_get_can_focus (widget);
}

/* Walks the visible tree; returns the number of focusable widgets checked. */
static guint
check_names (GtkWidget *widget,
             GString   *problems)
{
  guint n = 0;

  if (!gtk_widget_get_visible (widget) || !gtk_widget_get_child_visible (widget))
    return 0;

  if (is_focusable (widget))
    {
      GtkAccessibleRole role = gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget));

      /* GtkText inside an entry is not exposed on its own (role none); the
       * entry carries the name. */
      if (role != GTK_ACCESSIBLE_ROLE_NONE && role != GTK_ACCESSIBLE_ROLE_PRESENTATION)
        {
          n++;
          if (!has_accessible_name (widget))
            g_string_append_printf (problems, "  %s (%s) has no accessible name\n",
                                    G_OBJECT_TYPE_NAME (widget),
                                    gtk_widget_get_css_name (widget));
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += check_names (child, problems);

  return n;
}

static void
assert_all_named (BkWindow   *window,
                  const char *screen)
{
  g_autoptr(GString) problems = g_string_new (NULL);
  guint n = check_names (GTK_WIDGET (window), problems);

  g_test_message ("%s: %u focusable widgets", screen, n);
  g_assert_cmpuint (n, >, 0);
  if (problems->len > 0)
    g_error ("%s: unnamed focusable widgets:\n%s", screen, problems->str);
}

static void
collect_labels (GtkWidget *widget,
                GString   *text)
{
  if (!gtk_widget_get_visible (widget))
    return;

  if (GTK_IS_LABEL (widget))
    {
      g_string_append (text, gtk_label_get_text (GTK_LABEL (widget)));
      g_string_append_c (text, '\n');
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, text);
}

static char *
page_text (GtkWidget *page)
{
  GString *text = g_string_new (NULL);

  collect_labels (page, text);

  return g_string_free (text, FALSE);
}

static GtkWidget *
find_widget (GtkWidget   *widget,
             GType        type,
             const char  *css_class)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) &&
      (css_class == NULL || gtk_widget_has_css_class (widget, css_class)))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, css_class);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
find_all (GtkWidget   *widget,
          GType        type,
          const char  *css_class,
          GPtrArray   *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) &&
      (css_class == NULL || gtk_widget_has_css_class (widget, css_class)))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    find_all (child, type, css_class, found);
}

/* Runs the window's own key binding, as pressing the key would. */
static void
press_binding (BkWindow   *window,
               const char *accelerator)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  gboolean done = FALSE;

  for (guint i = 0; !done && i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; !done && j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

          if (g_strcmp0 (trigger, accelerator) == 0)
            {
              gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                            GTK_WIDGET (window), gtk_shortcut_get_arguments (shortcut));
              done = TRUE;
            }
        }
    }

  g_assert_true (done);
  bk_ui_test_iterate (50);
}

/* ---- tests -------------------------------------------------------------- */

static void
test_home (void)
{
  Fixture f;
  BkWindow *window;
  BkHomePage *home;
  GtkWidget *focus;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  fixture_init (&f);
  window = window_new (&f);

  g_assert_cmpstr (bk_window_get_page_name (window), ==, "home");
  home = BK_HOME_PAGE (bk_window_get_page (window, "home"));

  first = bk_ui_test_dup_label (bk_home_page_get_choice (home, 0));
  second = bk_ui_test_dup_label (bk_home_page_get_choice (home, 1));
  g_assert_cmpstr (first, ==, "Services");
  g_assert_cmpstr (second, ==, "Council motions");
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (bk_home_page_get_choice (home, 0)),
                                   GTK_ACCESSIBLE_ROLE_BUTTON);

  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (focus == bk_home_page_get_first_choice (home));

  /* On the start page there is nowhere to go back to. */
  g_assert_false (gtk_widget_get_visible (bk_window_get_back_button (window)));
  g_assert_false (gtk_widget_get_visible (bk_window_get_home_button (window)));

  bk_ui_test_window_destroy (window);
  fixture_clear (&f);
}

static void
test_names (void)
{
  Fixture f;
  BkWindow *window;

  fixture_init (&f);
  window = window_new (&f);

  assert_all_named (window, "home");

  bk_ui_test_open_page (window, "win.show-services", NULL);
  g_assert_cmpstr (bk_window_get_page_name (window), ==, "services");
  assert_all_named (window, "services");

  bk_ui_test_open_page (window, "win.show-motions", NULL);
  g_assert_cmpstr (bk_window_get_page_name (window), ==, "motions");
  assert_all_named (window, "motion list");

  /* The on-screen keyboard, open for the search field. */
  gtk_widget_grab_focus (bk_motion_list_page_get_search_entry (BK_MOTION_LIST_PAGE (bk_window_get_page (window, "motions"))));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-keyboard", "b", TRUE));
  bk_ui_test_iterate (100);
  g_assert_true (bk_osk_is_open (BK_OSK (bk_window_get_keyboard (window))));
  assert_all_named (window, "on-screen keyboard");
  bk_osk_close (BK_OSK (bk_window_get_keyboard (window)), FALSE);

  bk_ui_test_open_page (window, "win.open-motion", g_variant_new_int64 (f.ramp_id));
  g_assert_cmpstr (bk_window_get_page_name (window), ==, "motion");
  assert_all_named (window, "motion page");

  bk_ui_test_window_destroy (window);
  fixture_clear (&f);
}

static void
assert_heading (GtkWidget *label,
                int        level)
{
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_ROLE_HEADING);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LEVEL, level);
}

static void
test_headings (void)
{
  Fixture f;
  BkWindow *window;
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();
  g_autoptr(GPtrArray) sections = g_ptr_array_new ();
  const char *pages[] = { "home", "services", "motions", "motion" };

  fixture_init (&f);
  window = window_new (&f);
  bk_ui_test_open_page (window, "win.open-motion", g_variant_new_int64 (f.ramp_id));

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      GtkWidget *page = bk_window_get_page (window, pages[i]);

      g_ptr_array_set_size (titles, 0);
      find_all (page, GTK_TYPE_LABEL, "title-1", titles);
      g_assert_cmpuint (titles->len, ==, 1);
      assert_heading (g_ptr_array_index (titles, 0), 1);
    }

  /* what is asked, why, where and when, related papers, the easy-read
   * summary and your opinion (the feedback form) */
  find_all (bk_window_get_page (window, "motion"), GTK_TYPE_LABEL, "title-2", sections);
  g_assert_cmpuint (sections->len, ==, 6);
  for (guint i = 0; i < sections->len; i++)
    assert_heading (g_ptr_array_index (sections, i), 2);

  bk_ui_test_window_destroy (window);
  fixture_clear (&f);
}

/* The most rows one items-changed adds among the first 256 (those GTK makes
 * rows for). */
static void
record_step (GListModel *model,
             guint       position,
             guint       removed,
             guint       added,
             guint      *largest)
{
  if (position < 256)
    *largest = MAX (*largest, MIN (added, 256 - position));
}

/* Steps of a filling list between two painted frames */
typedef struct {
  BkMotionListPage *page;
  guint steps;            /* since the last frame */
  guint most_steps;       /* in one frame */
  guint frames;
  gboolean shown_partial; /* the list shown with rows but not its first screen */
  gboolean was_shown;
  gboolean shown_with_rows; /* shown in a frame that also had new rows */
} FrameSteps;

static void
count_step (GListModel *model,
            guint       position,
            guint       removed,
            guint       added,
            FrameSteps *fs)
{
  if (added > 0 && removed == 0 && position > 0)
    fs->steps++;
}

static void
count_frame (GdkFrameClock *clock,
             FrameSteps    *fs)
{
  BkMotionListModel *model = bk_motion_list_page_get_model (fs->page);
  gboolean shown = bk_motion_list_page_is_list_shown (fs->page);

  if (shown && !fs->was_shown && fs->steps > 0)
    fs->shown_with_rows = TRUE;
  fs->was_shown = shown;
  fs->most_steps = MAX (fs->most_steps, fs->steps);
  fs->steps = 0;
  fs->frames++;
  if (bk_motion_list_page_is_list_shown (fs->page) && !bk_motion_list_model_has_first_screen (model))
    fs->shown_partial = TRUE;
}

static void
test_lazy_model (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BkStore) store = bk_store_open (NULL, 0, &error);
  g_autoptr(BkMotionListModel) model = NULL;
  g_autoptr(BkMotionItem) item = NULL;
  g_autoptr(BkMotionItem) again = NULL;
  BkWindow *window;
  BkMotionListModel *page_model;
  guint materialized;

  g_assert_no_error (error);
  g_assert_true (bk_store_begin (store, &error));
  for (guint i = 0; i < 10000; i++)
    {
      g_autoptr(BkMotion) motion = bk_motion_new ();

      motion->subject = g_strdup_printf ("Motion number %u", i);
      motion->body = g_strdup (i % 2 ? "Kreistag" : "Gemeinderat");
      motion->reference = g_strdup_printf ("L/%05u", i);
      motion->date = g_strdup_printf ("2026-%02u-%02u", 1 + i % 12, 1 + i % 28);
      bk_motion_add_submitter (motion, i % 3 ? "Fraktion Alpha" : "Fraktion Beta", BK_PARTY_FACTION);
      g_assert_true (bk_store_save_motion (store, motion, &error));
    }
  g_assert_true (bk_store_commit (store, &error));
  g_assert_no_error (error);

  model = bk_motion_list_model_new (store);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 10000);
  g_assert_cmpuint (bk_motion_list_model_get_n_materialized (model), ==, 0);

  item = g_list_model_get_item (G_LIST_MODEL (model), 5000);
  g_assert_nonnull (item);
  g_assert_true (g_str_has_prefix (bk_motion_item_get_subject (item), "Motion number "));
  g_assert_cmpuint (bk_motion_list_model_get_n_materialized (model), ==, 1);
  again = g_list_model_get_item (G_LIST_MODEL (model), 5000);
  g_assert_true (again == item);
  g_assert_cmpuint (bk_motion_list_model_get_n_materialized (model), ==, 1);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), 10000));

  /* In the window, only the rows on screen are made. */
  {
    Fixture f = { .store = store };

    window = window_new (&f);
  }
  bk_ui_test_open_page (window, "win.show-motions", NULL);
  bk_ui_test_iterate (300);
  page_model = bk_motion_list_page_get_model (BK_MOTION_LIST_PAGE (bk_window_get_page (window, "motions")));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (page_model)), ==, 10000);
  materialized = bk_motion_list_model_get_n_materialized (page_model);
  g_test_message ("rows materialised for 10000 motions: %u", materialized);
  g_assert_cmpuint (materialized, >, 0);
  g_assert_cmpuint (materialized, <, 500);
  g_assert_cmpstr (bk_motion_list_page_get_count_text (BK_MOTION_LIST_PAGE (bk_window_get_page (window, "motions"))),
                   ==, "10000 motions");

  /* The whole list again after a search reaches the list view in steps
   * (GTK 4.8 makes up to 200 rows for what it is given at once), while
   * the count says every motion at once. */
  {
    GtkWidget *entry = bk_motion_list_page_get_search_entry (BK_MOTION_LIST_PAGE (bk_window_get_page (window, "motions")));
    guint steps = 0, largest_head_step = 0;
    gulong handler;

    gtk_editable_set_text (GTK_EDITABLE (entry), "number 4711");
    bk_ui_test_iterate (300);
    g_assert_cmpuint (bk_motion_list_model_get_count (page_model), <, 100);
    handler = g_signal_connect (page_model, "items-changed", G_CALLBACK (record_step), &largest_head_step);

    gtk_editable_set_text (GTK_EDITABLE (entry), "");
    for (guint i = 0; i < 200 && bk_motion_list_model_get_count (page_model) != 10000; i++)
      g_main_context_iteration (NULL, TRUE);
    /* the rows come a frame after the count (an empty list that fills
     * repaints the whole page) */
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (page_model)), <, 10000);
    for (guint i = 0; i < 100 && g_list_model_get_n_items (G_LIST_MODEL (page_model)) < 10000; i++)
      {
        g_assert_cmpuint (bk_motion_list_model_get_count (page_model), ==, 10000);
        g_assert_cmpstr (bk_motion_list_page_get_count_text (BK_MOTION_LIST_PAGE (bk_window_get_page (window, "motions"))),
                         ==, "10000 motions");
        steps++;
        bk_ui_test_iterate (25);
      }
    g_test_message ("the whole list again in %u steps, at most %u rows a step at its head", steps, largest_head_step);
    /* the list was hidden while it filled and appeared with a screen of rows */
    g_assert_true (bk_motion_list_page_is_list_shown (BK_MOTION_LIST_PAGE (bk_window_get_page (window, "motions"))));
    g_assert_cmpuint (steps, >, 1);
    /* the rows on screen come a few at a time: 16 at once cost a frame of
     * 29 ms on the bench's machine (bench/sync.sh) */
    g_assert_cmpuint (largest_head_step, >, 0);
    g_assert_cmpuint (largest_head_step, <=, 8);
    g_signal_handler_disconnect (page_model, handler);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (page_model)), ==, 10000);
    g_assert_cmpuint (bk_motion_list_model_get_n_materialized (page_model), <, 1000);
  }

  /* With the page on screen a step comes after a painted frame: never two
   * in one frame, and the list is not shown before its first screen of
   * rows (an empty list that fills, and one that grows beyond its screen,
   * are each painted whole), and then in a frame without new rows. */
  {
    BkMotionListPage *page = BK_MOTION_LIST_PAGE (bk_window_get_page (window, "motions"));
    GtkWidget *entry = bk_motion_list_page_get_search_entry (page);
    GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (page));
    FrameSteps fs = { .page = page };
    gulong on_frame, on_step;

    g_assert_nonnull (clock);
    gtk_editable_set_text (GTK_EDITABLE (entry), "number 4711");
    bk_ui_test_iterate (300);
    g_assert_false (bk_motion_list_page_is_list_shown (page) &&
                    g_list_model_get_n_items (G_LIST_MODEL (page_model)) == 0);
    fs.was_shown = bk_motion_list_page_is_list_shown (page);
    on_frame = g_signal_connect (clock, "after-paint", G_CALLBACK (count_frame), &fs);
    on_step = g_signal_connect (page_model, "items-changed", G_CALLBACK (count_step), &fs);
    gtk_editable_set_text (GTK_EDITABLE (entry), "");
    for (guint i = 0; i < 400 && g_list_model_get_n_items (G_LIST_MODEL (page_model)) < 10000; i++)
      bk_ui_test_iterate (10);
    g_signal_handler_disconnect (clock, on_frame);
    g_signal_handler_disconnect (page_model, on_step);
    g_test_message ("filled in %u frames, at most %u steps in one", fs.frames, fs.most_steps);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (page_model)), ==, 10000);
    g_assert_cmpuint (fs.frames, >, 1);
    g_assert_cmpuint (fs.most_steps, ==, 1);
    g_assert_false (fs.shown_partial);
    g_assert_false (fs.shown_with_rows);
    g_assert_true (bk_motion_list_page_is_list_shown (page));
  }

  bk_ui_test_window_destroy (window);
}

/* ---- cairo's X11 frames: one kept shared-memory pool ------------------- */

typedef struct
{
  double shade;
  guint  frames;
} Repaint;

static void
draw_shade (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        data)
{
  Repaint *repaint = data;

  cairo_set_source_rgb (cr, repaint->shade, 0.3, 0.5);
  cairo_paint (cr);
}

static void
count_repaint (GdkFrameClock *clock,
               gpointer       data)
{
  ((Repaint *) data)->frames++;
}

/* The SysV shared-memory segments this process made and still has
 * (/proc/sysvipc/shm: key shmid perms size cpid …), as "id:size" words. */
static char *
dup_own_segments (void)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) own = g_string_new (NULL);

  g_assert_true (g_file_get_contents ("/proc/sysvipc/shm", &text, NULL, NULL));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit_set (g_strstrip (lines[i]), " ", -1);
      GPtrArray *words = g_ptr_array_new ();

      for (guint j = 0; fields[j] != NULL; j++)
        if (fields[j][0] != '\0')
          g_ptr_array_add (words, fields[j]);
      if (words->len > 4 && g_ascii_strtoll (words->pdata[4], NULL, 10) == getpid ())
        g_string_append_printf (own, "%s:%s ", (char *) words->pdata[1], (char *) words->pdata[3]);
      g_ptr_array_free (words, TRUE);
    }
  return g_string_free (g_steal_pointer (&own), FALSE);
}

/* Cairo (1.16) uploads a large frame through a shared-memory pool that it
 * unmaps once empty, so each whole repaint used to map and touch a fresh
 * segment (12-20 ms of a repaint on the bench's VM). With the pool kept,
 * every whole repaint after the first uses the same segments. */
static void
test_frame_pool (void)
{
  GtkWidget *window;
  GtkWidget *area;
  Repaint repaint = { 0.1, 0 };
  g_autofree char *kept = NULL;
  GdkFrameClock *clock;
  gulong handler;

  if (!g_file_test ("/proc/sysvipc/shm", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no /proc/sysvipc/shm to count shared memory by");
      return;
    }
  /* As the kiosk starts: the pool follows the renderer chosen (here the
   * environment's GSK_RENDERER=cairo, so nothing is set). */
  bk_renderer_choose_early ();
  bk_renderer_choose_for_display (gdk_display_get_default ());
  bk_renderer_keep_frame_pool (gdk_display_get_default ());
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  area = gtk_drawing_area_new ();
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_shade, &repaint, NULL);
  gtk_window_set_child (GTK_WINDOW (window), area);
  gtk_window_present (GTK_WINDOW (window));
  bk_ui_test_iterate (500);
  if (!GSK_IS_CAIRO_RENDERER (gtk_native_get_renderer (GTK_NATIVE (window))))
    {
      gtk_window_destroy (GTK_WINDOW (window));
      g_test_skip ("not GTK's cairo renderer");
      return;
    }
  clock = gtk_widget_get_frame_clock (window);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (count_repaint), &repaint);
  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *now = NULL;
      guint before = repaint.frames;

      repaint.shade = 0.1 + 0.15 * i;
      gtk_widget_queue_draw (area);
      for (guint j = 0; j < 200 && repaint.frames == before; j++)
        g_main_context_iteration (NULL, TRUE);
      g_assert_cmpuint (repaint.frames, >, before);
      bk_ui_test_iterate (50);
      now = dup_own_segments ();
      g_test_message ("after whole repaint %u: segments %s", i + 1, now);
      if (kept == NULL)
        kept = g_steal_pointer (&now);
      else
        g_assert_cmpstr (now, ==, kept);
    }
  g_assert_cmpstr (kept, !=, "");
  g_signal_handler_disconnect (clock, handler);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_search (void)
{
  Fixture f;
  BkWindow *window;
  BkMotionListPage *page;
  GListModel *model;
  g_autoptr(BkMotionItem) item = NULL;
  GtkWidget *entry;

  fixture_init (&f);
  window = window_new (&f);
  bk_ui_test_open_page (window, "win.show-motions", NULL);
  page = BK_MOTION_LIST_PAGE (bk_window_get_page (window, "motions"));
  entry = bk_motion_list_page_get_search_entry (page);

  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == entry ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), entry));
  g_assert_true (wait_for_count (page, "3 motions"));

  /* Search as you type: no Enter needed. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "bench");
  g_assert_true (wait_for_count (page, "1 motion"));
  model = G_LIST_MODEL (bk_motion_list_page_get_model (page));
  item = g_list_model_get_item (model, 0);
  g_assert_cmpint (bk_motion_item_get_id (item), ==, f.benches_id);
  g_assert_false (bk_motion_list_page_is_empty_shown (page));

  gtk_editable_set_text (GTK_EDITABLE (entry), "xylophone");
  g_assert_true (wait_for_count (page, "0 motions"));
  g_assert_true (bk_motion_list_page_is_empty_shown (page));
  g_assert_nonnull (strstr (bk_motion_list_page_get_empty_text (page), "xylophone"));

  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  g_assert_true (wait_for_count (page, "3 motions"));

  bk_ui_test_window_destroy (window);
  fixture_clear (&f);
}

static guint
find_choice (GtkDropDown *dropdown,
             const char  *text)
{
  GListModel *model = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (gtk_string_object_get_string (item), text) == 0)
        return i;
    }

  g_error ("no choice %s", text);
  return 0;
}

static void
test_filters (void)
{
  Fixture f;
  BkWindow *window;
  BkMotionListPage *page;
  GtkDropDown *body;
  GtkDropDown *faction;
  GtkDropDown *status;
  GListModel *model;

  fixture_init (&f);
  window = window_new (&f);
  bk_ui_test_open_page (window, "win.show-motions", NULL);
  page = BK_MOTION_LIST_PAGE (bk_window_get_page (window, "motions"));
  model = G_LIST_MODEL (bk_motion_list_page_get_model (page));
  body = bk_motion_list_page_get_body_filter (page);
  faction = bk_motion_list_page_get_faction_filter (page);
  status = bk_motion_list_page_get_status_filter (page);

  /* Each filter's button says what it filters and what is chosen. */
  {
    g_autofree char *name = bk_ui_test_dup_label (gtk_widget_get_first_child (GTK_WIDGET (status)));
    g_assert_cmpstr (name, ==, "Status: All");
  }

  gtk_drop_down_set_selected (body, find_choice (body, "Kreistag"));
  g_assert_true (wait_for_count (page, "2 motions"));

  gtk_drop_down_set_selected (faction, find_choice (faction, "Fraktion Beta (Kreistag)"));
  g_assert_true (wait_for_count (page, "1 motion"));
  {
    g_autoptr(BkMotionItem) item = g_list_model_get_item (model, 0);
    g_assert_cmpint (bk_motion_item_get_id (item), ==, f.lights_id);
  }

  gtk_drop_down_set_selected (body, 0);
  gtk_drop_down_set_selected (faction, 0);
  g_assert_true (wait_for_count (page, "3 motions"));

  /* Two councils' groups of one name are two choices, each with its council. */
  gtk_drop_down_set_selected (faction, find_choice (faction, "Fraktion Beta (Gemeinderat Musterdorf)"));
  g_assert_true (wait_for_count (page, "1 motion"));
  {
    g_autoptr(BkMotionItem) item = g_list_model_get_item (model, 0);
    g_assert_cmpint (bk_motion_item_get_id (item), ==, f.benches_id);
  }
  gtk_drop_down_set_selected (faction, find_choice (faction, "Fraktion Alpha"));
  g_assert_true (wait_for_count (page, "1 motion"));
  gtk_drop_down_set_selected (faction, 0);
  g_assert_true (wait_for_count (page, "3 motions"));

  gtk_drop_down_set_selected (status, 2);   /* decided */
  g_assert_true (wait_for_count (page, "1 motion"));
  {
    g_autoptr(BkMotionItem) item = g_list_model_get_item (model, 0);
    g_assert_cmpint (bk_motion_item_get_id (item), ==, f.benches_id);
  }
  {
    g_autofree char *name = bk_ui_test_dup_label (gtk_widget_get_first_child (GTK_WIDGET (status)));
    g_assert_cmpstr (name, ==, "Status: Decided");
  }

  gtk_drop_down_set_selected (status, 1);   /* discussed soon */
  g_assert_true (wait_for_count (page, "2 motions"));

  bk_ui_test_window_destroy (window);
  fixture_clear (&f);
}

static void
test_motion_page (void)
{
  Fixture f;
  BkWindow *window;
  GtkWidget *page;
  g_autofree char *text = NULL;
  g_autofree char *soon = date_from_today (10);
  g_autofree char *soon_text = bk_ui_format_date (soon);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GPtrArray) links = g_ptr_array_new ();
  GtkWidget *next_row;
  GtkWidget *done_row;
  g_autofree char *next_text = NULL;
  g_autofree char *done_text = NULL;
  g_autofree char *last_text = NULL;
  g_autofree char *link_name = NULL;

  fixture_init (&f);
  window = window_new (&f);

  /* Open the motion from the list, as a user would. */
  bk_ui_test_open_page (window, "win.show-motions", NULL);
  g_signal_emit_by_name (bk_motion_list_page_get_list_view (BK_MOTION_LIST_PAGE (bk_window_get_page (window, "motions"))),
                         "activate",
                         /* newest first: the lights motion is the newest */ 0u);
  bk_ui_test_iterate (100);
  g_assert_cmpstr (bk_window_get_page_name (window), ==, "motion");
  page = bk_window_get_page (window, "motion");
  g_assert_cmpint (bk_motion_page_get_motion_id (BK_MOTION_PAGE (page)), ==, f.lights_id);

  bk_ui_test_open_page (window, "win.open-motion", g_variant_new_int64 (f.ramp_id));
  g_assert_cmpstr (bk_motion_page_get_title (BK_MOTION_PAGE (page)), ==, "Ramp at the town hall entrance");
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) != NULL);

  text = page_text (page);
  g_test_message ("%s", text);
  /* facts */
  g_assert_nonnull (strstr (text, "Fraktion Alpha"));
  g_assert_nonnull (strstr (text, "Signed by\nErika Beispiel (Fraktionsvorsitzende), Jan Muster\n"));
  g_assert_nonnull (strstr (text, "KT/2026/001"));
  g_assert_nonnull (strstr (text, "Public"));
  /* points with sub-points, numbered */
  g_assert_nonnull (strstr (text, "1.\nThe county builds a ramp."));
  g_assert_nonnull (strstr (text, "a)\nat the main entrance"));
  g_assert_nonnull (strstr (text, "b)\nbefore the winter"));
  g_assert_nonnull (strstr (text, "2.\nThe administration reports on the costs."));
  /* justification paragraphs */
  g_assert_nonnull (strstr (text, "Wheelchair users cannot enter the town hall.\n"));
  g_assert_nonnull (strstr (text, "A ramp costs less than a lift.\n"));

  /* timeline: by date, past ones done, the next one marked, undated last */
  find_all (page, GTK_TYPE_BOX, "timeline-row", rows);
  g_assert_cmpuint (rows->len, ==, 4);
  done_row = g_ptr_array_index (rows, 0);
  next_row = g_ptr_array_index (rows, 1);
  g_assert_true (gtk_widget_has_css_class (done_row, "done"));
  g_assert_true (gtk_widget_has_css_class (next_row, "next"));
  g_assert_true (gtk_widget_has_css_class (g_ptr_array_index (rows, 2), "planned"));
  g_assert_true (gtk_widget_has_css_class (g_ptr_array_index (rows, 3), "undated"));
  done_text = page_text (done_row);
  next_text = page_text (next_row);
  last_text = page_text (g_ptr_array_index (rows, 3));
  g_assert_true (g_str_has_prefix (done_text, "done\n"));
  g_assert_nonnull (strstr (done_text, "Bauausschuss"));
  g_assert_true (g_str_has_prefix (next_text, "next\n"));
  g_assert_nonnull (strstr (next_text, "Kreisausschuss"));
  g_assert_nonnull (strstr (next_text, soon_text));
  g_assert_nonnull (strstr (next_text, "not public"));
  g_assert_nonnull (strstr (last_text, "Sozialausschuss"));
  /* the done mark is a symbol as well as the word */
  g_assert_nonnull (find_widget (done_row, GTK_TYPE_IMAGE, NULL));
  g_assert_cmpstr (gtk_image_get_icon_name (GTK_IMAGE (find_widget (done_row, GTK_TYPE_IMAGE, NULL))),
                   ==, "object-select-symbolic");

  /* related papers: a link for the stored one, text for the missing one */
  g_assert_nonnull (strstr (text, "XX/404 (not available here)"));
  find_all (page, GTK_TYPE_LINK_BUTTON, NULL, links);
  g_assert_cmpuint (links->len, ==, 1);
  link_name = bk_ui_test_dup_label (g_ptr_array_index (links, 0));
  g_assert_cmpstr (link_name, ==, "KT/2026/002: More benches in the park");
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (g_ptr_array_index (links, 0)), GTK_ACCESSIBLE_ROLE_LINK);
  /* GtkButton's activation runs a short animation before "clicked". */
  gtk_widget_activate (g_ptr_array_index (links, 0));
  bk_ui_test_iterate (400);
  g_assert_cmpstr (bk_window_get_page_name (window), ==, "motion");
  g_assert_cmpint (bk_motion_page_get_motion_id (BK_MOTION_PAGE (page)), ==, f.benches_id);

  /* Back returns to the first motion. */
  press_binding (window, "Escape");
  g_assert_cmpint (bk_motion_page_get_motion_id (BK_MOTION_PAGE (page)), ==, f.ramp_id);

  bk_ui_test_window_destroy (window);
  fixture_clear (&f);
}

/* A decided motion names its decision, not "No upcoming date", and asks
 * for no opinion any more; an undecided one does (issue 15). */
static void
test_decided_motion (void)
{
  Fixture f;
  BkWindow *window;
  BkMotionPage *page;
  g_autoptr(GError) error = NULL;
  g_autofree char *past = date_from_today (-30);
  g_autofree char *past_text = bk_ui_format_date (past);
  g_autofree char *decided = g_strdup_printf ("Decided: Gemeinderat Musterdorf, %s", past_text);
  gint64 ids[2];

  fixture_init (&f);
  ids[0] = f.benches_id;   /* decided */
  ids[1] = f.lights_id;    /* upcoming */
  window = window_new (&f);
  page = BK_MOTION_PAGE (bk_window_get_page (window, "motion"));
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(BkMotionSummary) summary = bk_store_load_summary (f.store, ids[i], &error);
      g_autoptr(BkMotionItem) item = NULL;
      GtkWidget *row = bk_motion_row_new ();
      const char *description;
      GtkWidget *button;

      g_assert_no_error (error);
      item = bk_motion_item_new (g_steal_pointer (&summary));
      g_object_ref_sink (row);
      bk_motion_row_set_item (BK_MOTION_ROW (row), item);
      description = bk_motion_row_get_accessible_description (BK_MOTION_ROW (row));
      g_test_message ("%s", description);
      g_assert_null (strstr (description, "No upcoming date"));
      g_assert_true ((strstr (description, decided) != NULL) == (i == 0));
      /* When it was submitted: on request, not with the row (issue 17). */
      g_assert_null (strstr (description, "Submitted on"));
      g_assert_nonnull (bk_motion_row_get_more (BK_MOTION_ROW (row)));
      g_assert_nonnull (strstr (bk_motion_row_get_more (BK_MOTION_ROW (row)), "Submitted on"));
      g_object_unref (row);

      bk_ui_test_open_page (window, "win.open-motion", g_variant_new_int64 (ids[i]));
      button = bk_ui_find_actionable (GTK_WIDGET (page), "win.start-form", g_variant_new_string ("motion-feedback"));
      g_assert_true ((button != NULL && gtk_widget_is_visible (button)) == (i == 1));
    }
  bk_ui_test_window_destroy (window);
  fixture_clear (&f);
}

static void
test_escape (void)
{
  Fixture f;
  BkWindow *window;

  fixture_init (&f);
  window = window_new (&f);

  bk_ui_test_open_page (window, "win.show-motions", NULL);
  bk_ui_test_open_page (window, "win.open-motion", g_variant_new_int64 (f.ramp_id));
  g_assert_true (gtk_widget_get_visible (bk_window_get_back_button (window)));

  press_binding (window, "Escape");
  g_assert_cmpstr (bk_window_get_page_name (window), ==, "motions");
  press_binding (window, "Escape");
  g_assert_cmpstr (bk_window_get_page_name (window), ==, "home");
  /* Back on the start page, the first choice has the focus again. */
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) ==
                 bk_home_page_get_first_choice (BK_HOME_PAGE (bk_window_get_page (window, "home"))));
  press_binding (window, "Escape");
  g_assert_cmpstr (bk_window_get_page_name (window), ==, "home");

  /* Alt+Home goes to the start page from anywhere. */
  bk_ui_test_open_page (window, "win.show-motions", NULL);
  bk_ui_test_open_page (window, "win.open-motion", g_variant_new_int64 (f.ramp_id));
  press_binding (window, "<Alt>Home");
  g_assert_cmpstr (bk_window_get_page_name (window), ==, "home");
  g_assert_false (gtk_widget_get_visible (bk_window_get_back_button (window)));

  bk_ui_test_window_destroy (window);
  fixture_clear (&f);
}

/* Every kind of form field is named by its question, the multi-line one
 * too (Orca read it as "GtkTextView"). */
static void
test_field_names (void)
{
  static const BkFieldKind kinds[] = { BK_FIELD_TEXT, BK_FIELD_MULTILINE, BK_FIELD_DATE,
                                       BK_FIELD_EMAIL, BK_FIELD_PHONE, BK_FIELD_CONTACT };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      BkFormField field = { "what", "What happened?", "Describe it.", kinds[i], BK_FIELD_REQUIRED, NULL, 0, 0 };
      GtkWidget *view = g_object_ref_sink (bk_field_view_new (&field, NULL, FALSE));
      GtkWidget *input = bk_field_view_get_input (BK_FIELD_VIEW (view));
      g_autofree char *wrong = NULL;

      g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (input), GTK_ACCESSIBLE_PROPERTY_LABEL));
      wrong = gtk_test_accessible_check_property (GTK_ACCESSIBLE (input), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                  "What happened?");
      g_assert_null (wrong);
      g_object_unref (view);
    }
}

static void
test_open_error (void)
{
  g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                                                 "/var/lib/buergerkiosk/data/kiosk.db: Permission denied");
  g_autoptr(BkContext) context = bk_ui_test_context_new (NULL, NULL);
  BkWindow *window = bk_window_new (NULL, context, NULL, error);
  const char *text;

  gtk_window_present (GTK_WINDOW (window));
  bk_ui_test_iterate (100);

  g_assert_cmpstr (bk_window_get_page_name (window), ==, "error");
  /* Citizens read whom to ask; the path and the reason are for the journal. */
  text = bk_window_get_error_text (window);
  g_assert_nonnull (strstr (text, "Please tell the staff"));
  g_assert_null (strstr (text, "Permission denied"));
  g_assert_null (strchr (text, '/'));

  /* Choosing the motions again explains again; nothing crashes. */
  bk_ui_test_open_page (window, "win.home", NULL);
  bk_ui_test_open_page (window, "win.show-motions", NULL);
  g_assert_cmpstr (bk_window_get_page_name (window), ==, "error");

  bk_ui_test_window_destroy (window);
}

/* A paragraph gets a minimum of a few words (cheap to measure); short
 * texts, ellipsized ones, ones with their own width and those inside
 * buttons keep theirs. */
static void
test_label_breaks (void)
{
  const char *paragraph = "Ein Absatz von mehr als sechzig Zeichen, wie ihn eine Dienstleistung beschreibt.";
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *long_label = bk_ui_wrap_label_new (paragraph, NULL);
  GtkWidget *short_label = bk_ui_wrap_label_new ("Personalausweis beantragen", NULL);
  GtkWidget *plain = gtk_label_new (paragraph);
  GtkWidget *ellipsized = bk_ui_wrap_label_new (paragraph, NULL);
  GtkWidget *own_width = bk_ui_wrap_label_new (paragraph, NULL);
  GtkWidget *button = gtk_button_new ();
  GtkWidget *in_button = bk_ui_wrap_label_new (paragraph, NULL);

  g_object_ref_sink (box);
  gtk_label_set_ellipsize (GTK_LABEL (ellipsized), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (own_width), 30);
  gtk_button_set_child (GTK_BUTTON (button), in_button);
  gtk_box_append (GTK_BOX (box), long_label);
  gtk_box_append (GTK_BOX (box), short_label);
  gtk_box_append (GTK_BOX (box), plain);
  gtk_box_append (GTK_BOX (box), ellipsized);
  gtk_box_append (GTK_BOX (box), own_width);
  gtk_box_append (GTK_BOX (box), button);

  bk_ui_limit_breaks_under (box);

  g_assert_cmpint (gtk_label_get_width_chars (GTK_LABEL (long_label)), >, 0);
  g_assert_cmpint (gtk_label_get_width_chars (GTK_LABEL (short_label)), ==, -1);
  g_assert_cmpint (gtk_label_get_width_chars (GTK_LABEL (plain)), ==, -1);
  g_assert_cmpint (gtk_label_get_width_chars (GTK_LABEL (ellipsized)), ==, -1);
  g_assert_cmpint (gtk_label_get_width_chars (GTK_LABEL (own_width)), ==, 30);
  g_assert_cmpint (gtk_label_get_width_chars (GTK_LABEL (in_button)), ==, -1);

  /* The minimum is still at least the longest word. */
  {
    int min_limited, min_word;
    GtkWidget *word = gtk_label_new ("Absatz");

    g_object_ref_sink (word);
    gtk_widget_measure (long_label, GTK_ORIENTATION_HORIZONTAL, -1, &min_limited, NULL, NULL, NULL);
    gtk_widget_measure (word, GTK_ORIENTATION_HORIZONTAL, -1, &min_word, NULL, NULL, NULL);
    g_assert_cmpint (min_limited, >=, min_word);
    g_object_unref (word);
  }

  g_object_unref (box);
}

int
main (int   argc,
      char *argv[])
{
  bk_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/home", test_home);
  g_test_add_func ("/ui/accessible-names", test_names);
  g_test_add_func ("/ui/headings", test_headings);
  g_test_add_func ("/ui/lazy-model", test_lazy_model);
  g_test_add_func ("/ui/frame-pool", test_frame_pool);
  g_test_add_func ("/ui/search", test_search);
  g_test_add_func ("/ui/filters", test_filters);
  g_test_add_func ("/ui/motion-page", test_motion_page);
  g_test_add_func ("/ui/escape", test_escape);
  g_test_add_func ("/ui/decided-motion", test_decided_motion);
  g_test_add_func ("/ui/open-error", test_open_error);
  g_test_add_func ("/ui/label-breaks", test_label_breaks);
  g_test_add_func ("/ui/field-names", test_field_names);

  return g_test_run ();
}
