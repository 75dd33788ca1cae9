/* test-layout.c: every screen reflows at every text size
 *
 * For each page of the window (found in its stack, so pages added later are
 * checked too), every demo motion and service (and two from XZuFi, with a
 * town chosen), the lists with results and
 * the error page: no ellipsized label, no widget beyond the window's sides,
 * no horizontal scrolling, no overlapping siblings, the window keeps its
 * size; at 100 % every control is a touch target of at least 64×64 px with
 * space around it. Checked as the kiosk runs:
 *   /layout/THEME       German (the longest words), 100, 150, 200 and 300 %
 *                       text on the 1280×800 screen of a terminal
 *   /layout/sizes       German at 300 % on 1280×1024 and 1920×1080 screens
 *   /layout/languages   English, Turkish, Arabic and Ukrainian at 300 %
 *
 * BK_LAYOUT_SHOTS=DIR also writes DIR/PAGE-THEME-SCALE.png of every screen
 * in BK_LAYOUT_THEMES (comma-separated; default standard and
 * high-contrast-dark, which has the rules of all high-contrast themes).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "bk-ui-test-util.h"
#include "bk-config.h"

#include <adwaita.h>

#include "bk-demo.h"
#include "bk-i18n.h"
#include "bk-form-page.h"
#include "bk-settings.h"
#include "bk-theme.h"
#include "bk-ui.h"
#include "bk-window.h"
#include "bk-wrap-layout.h"

#define MIN_TARGET    64
#define MIN_GAP       8     /* about 2 mm at 96 dpi (DBSV) */
#define MAX_REPORTED  60
#define PAGE_MARGIN   24    /* the pages' margin at each side */

static const int all_scales[] = { 100, 150, 200, 300, 0 };
static const int large_only[] = { 300, 0 };

/* One run: a theme, a language and a screen, at some text sizes. */
typedef struct
{
  const char *theme;
  const char *language;
  int         width;
  int         height;
  const int  *scales;
} Run;

typedef struct
{
  BkStore    *store;
  BkSettings *settings;
  BkTheme    *theme;
  BkWindow   *window;
  GtkWidget  *content;    /* the window without its client-side frame */
  GString    *failures;
  guint       n_failures;
  const char *screen;
  int         scale;
  const Run  *run;
} Fixture;

/* ---- describing widgets -------------------------------------------------- */

static const char *
first_label_text (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return gtk_label_get_text (GTK_LABEL (widget));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *text = first_label_text (child);

      if (text != NULL && text[0] != '\0')
        return text;
    }

  return NULL;
}

static char *
describe (GtkWidget *widget)
{
  const char *id = GTK_IS_BUILDABLE (widget) ? gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)) : NULL;
  const char *text = first_label_text (widget);
  g_autofree char *classes = NULL;
  g_auto(GStrv) css = gtk_widget_get_css_classes (widget);
  graphene_rect_t bounds;

  classes = g_strjoinv (".", css);
  if (!gtk_widget_compute_bounds (widget, widget, &bounds))
    graphene_rect_init (&bounds, 0, 0, 0, 0);

  return g_strdup_printf ("%s%s%s%s%s “%.40s” (%d×%d)",
                          G_OBJECT_TYPE_NAME (widget),
                          id ? "#" : "", id ? id : "",
                          classes[0] ? "." : "", classes,
                          text ? text : "",
                          gtk_widget_get_width (widget), gtk_widget_get_height (widget));
}

static void G_GNUC_PRINTF (3, 4)
fail (Fixture    *f,
      GtkWidget  *widget,
      const char *format,
      ...)
{
  g_autofree char *what = NULL;
  g_autofree char *message = NULL;
  va_list args;

  f->n_failures++;
  if (f->n_failures > MAX_REPORTED)
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  what = widget ? describe (widget) : g_strdup ("window");
  g_string_append_printf (f->failures, "\n  %s at %d %%: %s: %s", f->screen, f->scale, what, message);
}

/* ---- the checks ---------------------------------------------------------- */

static gboolean
is_shown (GtkWidget *widget)
{
  return gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) > 0 &&
         gtk_widget_get_height (widget) > 0;
}

static gboolean
bounds_in_window (Fixture         *f,
                  GtkWidget       *widget,
                  graphene_rect_t *bounds)
{
  return gtk_widget_get_native (widget) == GTK_NATIVE (f->window) &&
         gtk_widget_compute_bounds (widget, f->content, bounds);
}

/* Buttons, entries, rows, switches: what a finger has to hit. */
static gboolean
is_target (GtkWidget *widget)
{
  if (!gtk_widget_get_focusable (widget) || !gtk_widget_is_sensitive (widget))
    return FALSE;

  /* Text is focusable so that it can be read with the keys, not touched; an
   * entry's text is measured as the entry. */
  if (GTK_IS_LABEL (widget) || GTK_IS_TEXT (widget) || GTK_IS_WINDOW (widget) ||
      GTK_IS_SCROLLED_WINDOW (widget) || GTK_IS_VIEWPORT (widget) ||
      GTK_IS_LIST_VIEW (widget) || GTK_IS_GRID_VIEW (widget) ||
      GTK_IS_LIST_BOX (widget) || GTK_IS_FLOW_BOX (widget) || GTK_IS_STACK (widget))
    return FALSE;

  return TRUE;
}

static GtkWidget *
target_of (GtkWidget *widget)
{
  if (GTK_IS_TEXT (widget))
    {
      GtkWidget *entry = gtk_widget_get_ancestor (widget, GTK_TYPE_SEARCH_ENTRY);

      if (entry == NULL)
        entry = gtk_widget_get_ancestor (widget, GTK_TYPE_ENTRY);
      if (entry == NULL)
        entry = gtk_widget_get_ancestor (widget, GTK_TYPE_SPIN_BUTTON);
      return entry;
    }

  return is_target (widget) ? widget : NULL;
}

static gboolean
overlap_allowed (GtkWidget *parent)
{
  /* Overlays overlap on purpose; scroll bars float over the content. */
  return GTK_IS_OVERLAY (parent) || GTK_IS_SCROLLED_WINDOW (parent) || GTK_IS_STACK (parent);
}

static void
check_children_overlap (Fixture   *f,
                        GtkWidget *parent)
{
  if (overlap_allowed (parent))
    return;

  for (GtkWidget *a = gtk_widget_get_first_child (parent); a != NULL; a = gtk_widget_get_next_sibling (a))
    {
      graphene_rect_t ra;

      if (!is_shown (a) || GTK_IS_NATIVE (a) || !gtk_widget_compute_bounds (a, parent, &ra))
        continue;

      for (GtkWidget *b = gtk_widget_get_next_sibling (a); b != NULL; b = gtk_widget_get_next_sibling (b))
        {
          graphene_rect_t rb, both;

          if (!is_shown (b) || GTK_IS_NATIVE (b) || !gtk_widget_compute_bounds (b, parent, &rb))
            continue;

          if (graphene_rect_intersection (&ra, &rb, &both) && both.size.width > 1 && both.size.height > 1)
            {
              g_autofree char *other = describe (b);

              fail (f, a, "overlaps %s by %.0f×%.0f px", other, both.size.width, both.size.height);
            }
        }
    }
}

/* A line that starts inside a word ("Änd-/ern") is hard to read. GTK breaks
 * a word only when it is wider than its label; that is a layout fault when
 * the screen has room for the word, and unavoidable only for a word wider
 * than the page itself (a long compound at 300 %). */
static void
check_word_breaks (Fixture   *f,
                   GtkWidget *label)
{
  PangoLayout *layout = gtk_label_get_layout (GTK_LABEL (label));
  const char *text = pango_layout_get_text (layout);
  GSList *lines = pango_layout_get_lines_readonly (layout);
  int room = gtk_widget_get_width (f->content) - 2 * PAGE_MARGIN;

  for (GSList *l = lines != NULL ? lines->next : NULL; l != NULL; l = l->next)
    {
      PangoLayoutLine *line = l->data;
      const char *at = text + line->start_index;
      const char *start = at;
      const char *end = at;
      g_autoptr(PangoLayout) alone = NULL;
      g_autofree char *word = NULL;
      int width = 0;

      if (line->start_index <= 0 || *at == '\0'
          || !g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (at)))
          || !g_unichar_isalnum (g_utf8_get_char (at)))
        continue;

      /* An address or a number with its punctuation cannot be broken
       * elsewhere either: the unit is everything between spaces. */
      while (start > text && !g_unichar_isspace (g_utf8_get_char (g_utf8_prev_char (start))))
        start = g_utf8_prev_char (start);
      while (*end != '\0' && !g_unichar_isspace (g_utf8_get_char (end)))
        end = g_utf8_next_char (end);
      word = g_strndup (start, end - start);

      alone = pango_layout_copy (layout);
      pango_layout_set_width (alone, -1);
      pango_layout_set_text (alone, word, -1);
      pango_layout_get_pixel_size (alone, &width, NULL);
      if (width <= room)
        fail (f, label, "breaks the word “%s” (%d px) inside, in %d px of a %d px page",
              word, width, gtk_widget_get_width (label), room);
    }
}

static void
check_widget (Fixture   *f,
              GtkWidget *widget,
              GPtrArray *targets)
{
  graphene_rect_t bounds;

  if (!is_shown (widget) || gtk_widget_get_native (widget) != GTK_NATIVE (f->window))
    return;

  if (GTK_IS_LABEL (widget) && pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (widget))))
    fail (f, widget, "its text is ellipsized");
  if (GTK_IS_LABEL (widget))
    check_word_breaks (f, widget);

  /* Scroll bars float over the edge on purpose. */
  if (GTK_IS_SCROLLBAR (widget))
    return;

  if (bounds_in_window (f, widget, &bounds) &&
      (bounds.origin.x < -0.5 || bounds.origin.x + bounds.size.width > gtk_widget_get_width (f->content) + 0.5))
    fail (f, widget, "extends beyond the window: x %.0f … %.0f", bounds.origin.x, bounds.origin.x + bounds.size.width);

  if (GTK_IS_SCROLLED_WINDOW (widget))
    {
      GtkAdjustment *h = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (widget));

      if (gtk_adjustment_get_upper (h) - gtk_adjustment_get_lower (h) > gtk_adjustment_get_page_size (h) + 0.5)
        fail (f, widget, "scrolls horizontally: %.0f px in %.0f px",
              gtk_adjustment_get_upper (h) - gtk_adjustment_get_lower (h), gtk_adjustment_get_page_size (h));
    }

  {
    GtkWidget *target = target_of (widget);

    if (target != NULL && !g_ptr_array_find (targets, target, NULL))
      g_ptr_array_add (targets, target);
  }

  check_children_overlap (f, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    check_widget (f, child, targets);
}

static double
gap_between (const graphene_rect_t *a,
             const graphene_rect_t *b)
{
  double dx = MAX (0, MAX (a->origin.x - (b->origin.x + b->size.width), b->origin.x - (a->origin.x + a->size.width)));
  double dy = MAX (0, MAX (a->origin.y - (b->origin.y + b->size.height), b->origin.y - (a->origin.y + a->size.height)));

  return MAX (dx, dy);
}

static void
check_targets (Fixture   *f,
               GPtrArray *targets)
{
  for (guint i = 0; i < targets->len; i++)
    {
      GtkWidget *a = targets->pdata[i];
      graphene_rect_t ra;

      if (gtk_widget_get_width (a) < MIN_TARGET || gtk_widget_get_height (a) < MIN_TARGET)
        fail (f, a, "is smaller than %d×%d px", MIN_TARGET, MIN_TARGET);

      if (!bounds_in_window (f, a, &ra))
        continue;

      for (guint j = i + 1; j < targets->len; j++)
        {
          GtkWidget *b = targets->pdata[j];
          graphene_rect_t rb;

          /* A control inside another (a button in a row) is one target. */
          if (!bounds_in_window (f, b, &rb) || gtk_widget_is_ancestor (a, b) || gtk_widget_is_ancestor (b, a))
            continue;

          if (gap_between (&ra, &rb) < MIN_GAP)
            {
              g_autofree char *other = describe (b);

              fail (f, a, "is %.0f px from %s (at least %d px apart)", gap_between (&ra, &rb), other, MIN_GAP);
            }
        }
    }
}

/* The innermost widget that needs more width than there is: where a
 * growing window comes from. */
static GtkWidget *
widest_culprit (GtkWidget *widget,
                int        width)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int min = 0;

      if (!gtk_widget_get_visible (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
      if (min > width)
        return widest_culprit (child, width);
    }
  return widget;
}

static void
check_screen (Fixture    *f,
              const char *screen)
{
  g_autoptr(GPtrArray) targets = g_ptr_array_new ();
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (f->window));
  int width = gdk_surface_get_width (surface);
  int height = gdk_surface_get_height (surface);
  const char *shots = g_getenv ("BK_LAYOUT_SHOTS");

  f->screen = screen;

  if (width != f->run->width || height != f->run->height)
    {
      int needed = 0;
      GtkWidget *culprit = widest_culprit (f->content, f->run->width - 40);

      gtk_widget_measure (culprit, GTK_ORIENTATION_HORIZONTAL, -1, &needed, NULL, NULL, NULL);
      fail (f, culprit, "the window is %d×%d px, not %d×%d: its content does not fit (this needs %d px)",
            width, height, f->run->width, f->run->height, needed);
      /* The next screen starts from the terminal's size again. */
      gtk_window_set_default_size (GTK_WINDOW (f->window), f->run->width, f->run->height);
    }

  check_widget (f, f->content, targets);
  if (f->scale == 100)
    check_targets (f, targets);

  if (shots != NULL)
    {
      g_autofree char *file = g_strdup_printf ("%s-%s-%d.png", screen, bk_theme_get_active (f->theme), f->scale);
      g_autofree char *path = g_build_filename (shots, file, NULL);

      g_mkdir_with_parents (shots, 0755);
      bk_ui_test_save_png (GTK_WIDGET (f->window), path);
    }
}

/* ---- the screens --------------------------------------------------------- */

static void
show (Fixture    *f,
      const char *page,
      gint64      motion_id)
{
  g_assert_true (bk_window_show_page (f->window, page, motion_id));
  bk_ui_test_iterate (150);
}

static void
press_next (Fixture *f)
{
  BkFormPage *page = BK_FORM_PAGE (bk_window_get_page (f->window, "form"));

  g_signal_emit_by_name (bk_form_page_get_next_button (page), "clicked");
  bk_ui_test_iterate (150);
}

/* Every form's privacy notice and first questions, once as they come and
 * once with the errors of empty answers shown under them. */
static void
check_form_screens (Fixture *f,
                    gint64   motion_id)
{
  guint n_forms;
  const BkForm **forms = bk_form_list (&n_forms);

  for (guint i = 0; i < n_forms; i++)
    {
      g_autofree char *privacy = g_strdup_printf ("form-%s-privacy", forms[i]->id);
      g_autofree char *questions = g_strdup_printf ("form-%s-questions", forms[i]->id);
      g_autofree char *errors = g_strdup_printf ("form-%s-errors", forms[i]->id);

      /* Feedback is given on a motion. */
      if (forms[i]->kind == BK_SUBMISSION_MOTION_FEEDBACK)
        show (f, "motion", motion_id);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.start-form", "s", forms[i]->id));
      bk_ui_test_iterate (150);
      g_assert_cmpstr (bk_window_get_page_name (f->window), ==, "form");
      check_screen (f, privacy);
      press_next (f);
      check_screen (f, questions);
      press_next (f);
      check_screen (f, errors);
      bk_window_show_page (f->window, "home", 0);
    }
}

static void
check_all_screens (Fixture *f)
{
  g_auto(GStrv) pages = bk_window_dup_page_names (f->window);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = bk_store_list_motion_ids (f->store, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, >, 0);

  for (guint i = 0; pages[i] != NULL; i++)
    {
      if (g_str_equal (pages[i], "motion"))
        {
          /* Every demo motion: long titles, long names, many consultations. */
          for (guint j = 0; j < ids->len; j++)
            {
              g_autofree char *screen = NULL;
              gint64 id = g_array_index (ids, gint64, j);

              show (f, "motion", id);
              g_assert_cmpstr (bk_window_get_page_name (f->window), ==, "motion");
              screen = g_strdup_printf ("motion-%" G_GINT64_FORMAT, id);
              check_screen (f, screen);
            }
        }
      else if (g_str_equal (pages[i], "form"))
        {
          show (f, "form", 0);
          check_screen (f, "form");
          check_form_screens (f, g_array_index (ids, gint64, 0));
        }
      else if (g_str_equal (pages[i], "service"))
        {
          /* Every demo service: long German compounds, addresses, steps. */
          g_autoptr(GPtrArray) services = bk_store_list_services (f->store, NULL, NULL, &error);

          g_assert_no_error (error);
          g_assert_cmpuint (services->len, >, 0);
          for (guint j = 0; j < services->len; j++)
            {
              const BkServiceSummary *service = g_ptr_array_index (services, j);
              g_autofree char *screen = g_strdup_printf ("service-%s", service->id);

              bk_ui_test_open_page (f->window, "win.open-service", g_variant_new_string (service->id));
              bk_ui_test_iterate (150);
              g_assert_cmpstr (bk_window_get_page_name (f->window), ==, "service");
              check_screen (f, screen);
            }
        }
      else if (g_str_equal (pages[i], "error"))
        {
          /* A motion that is not there: the error page with its message. */
          show (f, "motion", G_MAXINT32);
          g_assert_cmpstr (bk_window_get_page_name (f->window), ==, "error");
          check_screen (f, "error");
        }
      else
        {
          show (f, pages[i], 0);
          g_assert_cmpstr (bk_window_get_page_name (f->window), ==, pages[i]);
          check_screen (f, pages[i]);
        }
      bk_window_show_page (f->window, "home", 0);
    }
}

static void
run_layout (const Run *run)
{
  Fixture f = { 0 };

  f.run = run;
  f.store = bk_ui_test_demo_store_new ();
  /* services from XZuFi too: the town buttons and the office of a town */
  bk_ui_test_add_xzufi (f.store);

  bk_i18n_set_language (run->language, FALSE);
  gtk_widget_set_default_direction (bk_i18n_language_is_rtl (run->language) ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);
  f.settings = bk_settings_new ();
  bk_settings_set_string (f.settings, "theme", run->theme);
  bk_settings_set_string (f.settings, "town", BK_UI_TEST_LINDENTAL);
  f.theme = bk_theme_new (f.settings);
  f.failures = g_string_new (NULL);
  f.window = bk_ui_test_window_new_with_settings (f.store, f.settings);
  gtk_window_set_default_size (GTK_WINDOW (f.window), run->width, run->height);
  bk_ui_test_iterate (200);
  f.content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (f.window));

  for (const int *scale = run->scales; *scale != 0; scale++)
    {
      f.scale = *scale;
      bk_settings_set_int (f.settings, "text-scale", f.scale);
      bk_ui_test_iterate (100);
      g_assert_cmpint (bk_theme_get_text_scale (f.theme), ==, f.scale);
      check_all_screens (&f);
    }

  if (f.n_failures > 0)
    g_test_fail_printf ("%s, %s, %d×%d: %u layout problems (the first %d):%s",
                        run->theme, run->language, run->width, run->height,
                        f.n_failures, MAX_REPORTED, f.failures->str);

  bk_ui_test_window_destroy (f.window);
  bk_settings_set_string (f.settings, "town", "");
  g_string_free (f.failures, TRUE);
  g_clear_object (&f.theme);
  g_clear_object (&f.settings);
  g_clear_object (&f.store);
}

static void
test_layout (gconstpointer data)
{
  Run run = { data, "de", 1280, 800, all_scales };

  run_layout (&run);
}

/* The screens of public terminals besides 1280×800. */
static void
test_sizes (void)
{
  static const Run runs[] = {
    { "standard", "de", 1280, 1024, large_only },
    { "standard", "de", 1920, 1080, large_only },
  };

  for (guint i = 0; i < G_N_ELEMENTS (runs); i++)
    run_layout (&runs[i]);
}

/* The other languages' words at the largest text, Arabic right to left. */
static void
test_languages (void)
{
  static const Run runs[] = {
    { "standard", "en", 1280, 800, large_only },
    { "standard", "tr", 1280, 800, large_only },
    { "standard", "ar", 1280, 800, large_only },
    { "standard", "uk", 1280, 800, large_only },
  };

  for (guint i = 0; i < G_N_ELEMENTS (runs); i++)
    run_layout (&runs[i]);
  bk_i18n_set_language ("de", FALSE);
  gtk_widget_set_default_direction (GTK_TEXT_DIR_LTR);
}

static void
allocate_wrap (GtkWidget *box,
               int        width)
{
  int height = 0;

  gtk_widget_measure (box, GTK_ORIENTATION_VERTICAL, width, &height, NULL, NULL, NULL);
  gtk_widget_size_allocate (box, &(GtkAllocation) { 0, 0, width, height }, -1);
}

/* The header and the filters: children wrap in reading order, mirrored for
 * right-to-left languages, and the container is only as narrow as its widest
 * child must be. */
static void
test_wrap_layout (void)
{
  GtkWidget *box = g_object_ref_sink (gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0));
  GtkWidget *children[3];
  int min_width = 0, natural_width = 0, one_line = 0, three_lines = 0;

  gtk_widget_set_layout_manager (box, bk_wrap_layout_new ());
  g_object_set (gtk_widget_get_layout_manager (box), "spacing", 10, "line-spacing", 5, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (children); i++)
    {
      children[i] = gtk_label_new (NULL);
      gtk_widget_set_size_request (children[i], 100 + 10 * i, 40);
      gtk_widget_set_parent (children[i], box);
    }

  gtk_widget_measure (box, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, &natural_width, NULL, NULL);
  g_assert_cmpint (min_width, ==, 120);
  g_assert_cmpint (natural_width, ==, 100 + 110 + 120 + 2 * 10);

  gtk_widget_measure (box, GTK_ORIENTATION_VERTICAL, 400, &one_line, NULL, NULL, NULL);
  gtk_widget_measure (box, GTK_ORIENTATION_VERTICAL, 150, &three_lines, NULL, NULL, NULL);
  g_assert_cmpint (one_line, ==, 40);
  g_assert_cmpint (three_lines, ==, 3 * 40 + 2 * 5);

  /* Two in the first line, the third below. */
  allocate_wrap (box, 230);
  g_assert_cmpint (gtk_widget_get_allocated_height (box), ==, 40 + 5 + 40);
  {
    graphene_rect_t b0, b1, b2;

    g_assert_true (gtk_widget_compute_bounds (children[0], box, &b0));
    g_assert_true (gtk_widget_compute_bounds (children[1], box, &b1));
    g_assert_true (gtk_widget_compute_bounds (children[2], box, &b2));
    g_assert_cmpfloat (b0.origin.x, ==, 0);
    g_assert_cmpfloat (b1.origin.x, ==, 110);
    g_assert_cmpfloat (b1.origin.y, ==, 0);
    g_assert_cmpfloat (b2.origin.x, ==, 0);
    g_assert_cmpfloat (b2.origin.y, ==, 45);

    /* Right to left: the first child at the right edge. */
    gtk_widget_set_direction (box, GTK_TEXT_DIR_RTL);
    allocate_wrap (box, 230);
    g_assert_true (gtk_widget_compute_bounds (children[0], box, &b0));
    g_assert_cmpfloat (b0.origin.x, ==, 230 - 100);
  }

  /* Equal widths: never narrower than the widest child wants (a label would
   * break its words), as many in a line as fit, stretched to the line. */
  gtk_widget_set_direction (box, GTK_TEXT_DIR_LTR);
  g_object_set (gtk_widget_get_layout_manager (box), "homogeneous", TRUE, NULL);
  gtk_widget_measure (box, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural_width, NULL, NULL);
  g_assert_cmpint (natural_width, ==, 3 * 120 + 2 * 10);
  allocate_wrap (box, 250);
  for (guint i = 0; i < G_N_ELEMENTS (children); i++)
    g_assert_cmpint (gtk_widget_get_width (children[i]), >=, 120);
  g_assert_cmpint (gtk_widget_get_width (children[0]), ==, 120);
  g_assert_cmpint (gtk_widget_get_allocated_height (box), ==, 40 + 5 + 40);
  allocate_wrap (box, 240);
  g_assert_cmpint (gtk_widget_get_width (children[0]), ==, 240);
  g_assert_cmpint (gtk_widget_get_allocated_height (box), ==, 3 * 40 + 2 * 5);

  for (guint i = 0; i < G_N_ELEMENTS (children); i++)
    gtk_widget_unparent (children[i]);
  g_object_unref (box);
}

int
main (int   argc,
      char *argv[])
{
  g_auto(GStrv) themes = NULL;

  bk_i18n_init (FALSE);
  bk_ui_test_init (&argc, &argv);

  g_test_add_func ("/layout/wrap", test_wrap_layout);
  g_test_add_func ("/layout/sizes", test_sizes);
  g_test_add_func ("/layout/languages", test_languages);

  themes = g_strsplit (g_getenv ("BK_LAYOUT_THEMES") ? g_getenv ("BK_LAYOUT_THEMES") : "standard,high-contrast-dark", ",", -1);
  for (guint i = 0; themes[i] != NULL; i++)
    {
      g_autofree char *path = g_strdup_printf ("/layout/%s", themes[i]);

      g_test_add_data_func (path, g_strdup (themes[i]), test_layout);
    }

  return g_test_run ();
}
