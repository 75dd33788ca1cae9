/* bk-staff-page.c: staff mode (the stack page "staff")
 *
 * Reached only through the PIN (bk-pin-dialog.c). No file chooser: content
 * is imported from the configured import folder and submissions exported to
 * the export folder. The outbox shows where delivered submissions are
 * (bk-staff-outbox.c). Statistics as charts with their tables, a few kiosk
 * settings, "Back to the kiosk" and "Quit". Every staff action is logged
 * (bk-staff-log.h), never what a citizen entered.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-staff-page"

#include "bk-config.h"

#include <glib/gi18n.h>

#include "bk-i18n.h"
#include "bk-import.h"
#include "bk-staff-log.h"
#include "bk-staff-outbox.h"
#include "bk-staff-page-private.h"
#include "bk-staff-review.h"
#include "bk-page.h"
#include "bk-staff-tasks.h"
#include "bk-stats-chart.h"
#include "bk-stats.h"
#include "bk-sync-panel.h"
#include "bk-thread.h"
#include "bk-ui.h"

#define STATS_DAYS 30

struct _BkStaffPage
{
  GtkWidget      parent_instance;

  BkContext     *context;
  gboolean       unlocked;
  GtkWidget     *scroller;
  GtkWidget     *banner;
  GtkWidget     *leave_button;
  GtkWidget     *quit_button;
  GtkLabel      *import_folder_label;
  GtkWidget     *import_list;
  GtkLabel      *import_status;
  GtkWidget     *import_spinner;
  GtkWidget     *review_list;
  GtkLabel      *export_folder_label;
  GtkWidget     *export_button;
  GtkLabel      *export_status;
  GtkWidget     *outbox_view;
  GtkWidget     *charts;
  GtkSpinButton *idle_spin;
  GtkDropDown   *language_dropdown;
  GtkDropDown   *municipality_dropdown;
  GtkWidget     *care_home_check;
  GtkWidget     *tour_loop_check;
  BkSyncPanel   *sync_panel;

  BkStore       *store;
  BkSettings    *settings;
  GPtrArray     *chart_widgets;
  GFileMonitor  *import_monitor;   /* while unlocked: files put in show up */
  guint          import_refill_source;
  GStrv          municipalities;   /* the dropdown's values; [0] is "" */
  gboolean       loading;          /* filling the controls: no setting is written */
  GCancellable  *import_cancellable; /* set while an import runs in its thread */
};

static void page_iface_init (BkPageInterface *iface);
static void fill_charts     (BkStaffPage     *self);

G_DEFINE_FINAL_TYPE_WITH_CODE (BkStaffPage, bk_staff_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (BK_TYPE_PAGE, page_iface_init))

enum { DONE, QUIT, N_SIGNALS };
static guint signals[N_SIGNALS];


static void
set_status (GtkLabel *label, const char *text)
{
  gtk_label_set_text (label, text);
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && text[0] != '\0');
}

static char *
import_folder (BkStaffPage *self)
{
  return bk_staff_resolve_folder (self->settings ? bk_settings_get_string (self->settings, "import-folder")
                                                 : NULL, "import");
}

static char *
export_folder (BkStaffPage *self)
{
  return bk_staff_resolve_folder (self->settings ? bk_settings_get_string (self->settings, "export-folder")
                                                 : NULL, "export");
}

/* ---- import -------------------------------------------------------------- */

/* An import runs in a thread of its own with its own connection to the
 * database file, as the sync worker does (bk-sync-service.c): BkStore stays
 * the only code that touches SQLite and each connection has one thread. WAL
 * lets the kiosk read meanwhile; a large file took the main loop for seconds
 * when it ran here (issue 18). */
typedef struct {
  char *db_path;
  char *path;
  char *name;
  char *summary;
} ImportJob;

static void
import_job_free (ImportJob *job)
{
  g_free (job->db_path);
  g_free (job->path);
  g_free (job->name);
  g_free (job->summary);
  g_free (job);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportJob *job = task_data;
  g_autoptr(BkStore) store = NULL;
  GError *error = NULL;
  GMainContext *context = bk_thread_enter_background ("import");

  store = bk_store_open (job->db_path, BK_STORE_OPEN_DEFAULT, &error);
  if (store == NULL || !bk_import_file (store, job->path, BK_IMPORT_FORMAT_AUTO, &job->summary, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
  g_clear_object (&store);
  bk_thread_leave_background (context);
}

static void set_importing (BkStaffPage *self, const char *name);

static void
import_finish (BkStaffPage  *self,
               const char   *name,
               const char   *summary,
               const GError *error)
{
  g_autofree char *text = NULL;

  if (error == NULL)
    {
      /* Translators: %s names the file and what was imported from it */
      text = g_strdup_printf (_("Imported: %s"), summary ? summary : name);
      bk_staff_log (G_LOG_LEVEL_MESSAGE, "import", name, "Content imported in staff mode");
    }
  else
    {
      /* Translators: %s is why the import failed */
      text = g_strdup_printf (_("Not imported: %s"), error->message);
      bk_staff_log (G_LOG_LEVEL_WARNING, "import-failed", name, error->message);
    }
  set_importing (self, NULL);
  set_status (self->import_status, text);
  bk_staff_review_fill (self->review_list, self->store);
  fill_charts (self);
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  BkStaffPage *self = BK_STAFF_PAGE (source);
  ImportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  g_task_propagate_boolean (G_TASK (result), &error);
  /* the page went away meanwhile: the import is done all the same */
  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    return;
  g_clear_object (&self->import_cancellable);
  import_finish (self, job->name, job->summary, error);
}

/* While a file is imported the Import buttons rest, the spinner turns and
 * the status says which file; name NULL: done. */
static void
set_importing (BkStaffPage *self,
               const char  *name)
{
  g_autofree char *text = NULL;

  for (GtkWidget *row = gtk_widget_get_first_child (self->import_list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_BOX (row))
      gtk_widget_set_sensitive (gtk_widget_get_last_child (row), name == NULL);
  gtk_widget_set_visible (self->import_spinner, name != NULL);
  gtk_spinner_set_spinning (GTK_SPINNER (self->import_spinner), name != NULL);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->import_list),
                               GTK_ACCESSIBLE_STATE_BUSY, name != NULL, -1);
  if (name == NULL)
    return;
  /* Translators: %s is the file being imported */
  text = g_strdup_printf (_("Importing %s …"), name);
  set_status (self->import_status, text);
}

static void
import_clicked_cb (GtkButton *button, BkStaffPage *self)
{
  const char *name = g_object_get_data (G_OBJECT (button), "bk-file");
  g_autofree char *folder = import_folder (self);
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autoptr(GTask) task = NULL;
  ImportJob *job;

  if (self->store == NULL || self->import_cancellable != NULL)
    return;
  /* An in-memory store has no file to share, and a read-only one refuses
   * at once: those import here, as before. */
  if (bk_store_get_path (self->store) == NULL || bk_store_is_read_only (self->store))
    {
      g_autofree char *summary = NULL;
      g_autoptr(GError) error = NULL;

      bk_import_file (self->store, path, BK_IMPORT_FORMAT_AUTO, &summary, &error);
      import_finish (self, name, summary, error);
      return;
    }
  job = g_new0 (ImportJob, 1);
  job->db_path = g_strdup (bk_store_get_path (self->store));
  job->path = g_steal_pointer (&path);
  job->name = g_strdup (name);
  self->import_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->import_cancellable, import_done_cb, NULL);
  g_task_set_source_tag (task, import_clicked_cb);
  g_task_set_task_data (task, job, (GDestroyNotify) import_job_free);
  set_importing (self, name);
  g_task_run_in_thread (task, import_thread);
}

gboolean
bk_staff_page_is_importing (BkStaffPage *self)
{
  g_return_val_if_fail (BK_IS_STAFF_PAGE (self), FALSE);
  return self->import_cancellable != NULL;
}

static void
fill_import_list (BkStaffPage *self)
{
  g_autofree char *folder = import_folder (self);
  g_autoptr(GPtrArray) names = bk_staff_list_import_files (folder);
  g_autofree char *where = NULL;

  bk_ui_unparent_children (self->import_list);

  /* Translators: %s is a folder */
  where = g_strdup_printf (_("Put motion texts (.txt, .md), OParl or service files (.json), and XZuFi "
                             "service descriptions (.xml, or a folder with an index.txt) into %s. "
                             "Each file is imported whole or not at all."), folder);
  gtk_label_set_text (self->import_folder_label, where);

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      GtkWidget *row = g_object_new (GTK_TYPE_BOX, "spacing", 12, NULL);
      GtkWidget *label = bk_ui_wrap_label_new (name, NULL);
      GtkWidget *button = gtk_button_new_with_label (_("Import"));
      /* Translators: the name of an Import button; %s is a file name */
      g_autofree char *button_name = g_strdup_printf (_("Import %s"), name);

      gtk_widget_set_hexpand (label, TRUE);
      bk_ui_set_accessible (button, button_name, NULL);
      g_object_set_data_full (G_OBJECT (button), "bk-file", g_strdup (name), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (import_clicked_cb), self);
      gtk_widget_set_sensitive (button, self->import_cancellable == NULL);
      gtk_box_append (GTK_BOX (row), label);
      gtk_box_append (GTK_BOX (row), button);
      gtk_box_append (GTK_BOX (self->import_list), row);
    }
  if (names->len == 0)
    {
      GtkWidget *label = gtk_label_new (_("There are no files in the import folder."));

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_box_append (GTK_BOX (self->import_list), label);
    }
}

/* A clerk copies files into the import folder with the page open: the list
 * follows, and the focus stays on the file it was on. */
static gboolean
refill_import_list_cb (gpointer user_data)
{
  BkStaffPage *self = user_data;
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));
  g_autofree char *focused_file = NULL;

  self->import_refill_source = 0;
  if (focus != NULL && gtk_widget_is_ancestor (focus, self->import_list))
    focused_file = g_strdup (g_object_get_data (G_OBJECT (focus), "bk-file"));
  fill_import_list (self);
  for (GtkWidget *row = gtk_widget_get_first_child (self->import_list);
       focused_file != NULL && row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *button = gtk_widget_get_last_child (row);

      if (g_strcmp0 (g_object_get_data (G_OBJECT (button), "bk-file"), focused_file) == 0)
        gtk_widget_grab_focus (button);
    }
  return G_SOURCE_REMOVE;
}

static void
import_folder_changed_cb (GFileMonitor      *monitor,
                          GFile             *file,
                          GFile             *other,
                          GFileMonitorEvent  event,
                          BkStaffPage       *self)
{
  /* a copy is many events: one refill after they settle */
  g_clear_handle_id (&self->import_refill_source, g_source_remove);
  self->import_refill_source = g_timeout_add (300, refill_import_list_cb, self);
}

static void
watch_import_folder (BkStaffPage *self,
                     gboolean     watch)
{
  g_autofree char *folder = NULL;
  g_autoptr(GFile) file = NULL;

  g_clear_handle_id (&self->import_refill_source, g_source_remove);
  if (self->import_monitor != NULL)
    {
      g_file_monitor_cancel (self->import_monitor);
      g_clear_object (&self->import_monitor);
    }
  if (!watch)
    return;
  folder = import_folder (self);
  file = g_file_new_for_path (folder);
  /* no folder yet, or no inotify: the list is made when the page opens */
  self->import_monitor = g_file_monitor_directory (file, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  if (self->import_monitor != NULL)
    g_signal_connect (self->import_monitor, "changed", G_CALLBACK (import_folder_changed_cb), self);
}

/* ---- export -------------------------------------------------------------- */

static void
export_clicked_cb (BkStaffPage *self)
{
  g_autofree char *folder = export_folder (self);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  guint count = 0;

  if (self->store == NULL)
    return;
  if (!bk_staff_export_submissions (self->store, folder, NULL, &count, &path, &error))
    {
      text = g_strdup_printf (_("Nothing was exported: %s"), error->message);
      bk_staff_log (G_LOG_LEVEL_WARNING, "export-failed", folder, error->message);
    }
  else if (count == 0)
    text = g_strdup (_("There are no new submissions to export."));
  else
    {
      g_autofree char *detail = g_strdup_printf ("%u", count);

      /* Translators: %u submissions, %s the file written */
      text = g_strdup_printf (ngettext ("%u submission exported to %s.",
                                        "%u submissions exported to %s.", count), count, path);
      bk_staff_log (G_LOG_LEVEL_MESSAGE, "export", detail, "Submissions exported in staff mode");
    }
  set_status (self->export_status, text);
  fill_charts (self);
}

/* ---- statistics ---------------------------------------------------------- */

static void
add_chart (BkStaffPage *self, const char *title, const char *value_heading, GPtrArray *rows,
           const char *(*label_for) (const char *key))
{
  GtkWidget *chart = bk_stats_chart_new (title, value_heading);
  GtkWidget *heading = gtk_label_new (title);
  g_autofree const char **labels = g_new0 (const char *, rows->len + 1);
  g_autofree gint64 *values = g_new0 (gint64, rows->len + 1);

  for (guint i = 0; i < rows->len; i++)
    {
      BkStatsRow *row = g_ptr_array_index (rows, i);

      labels[i] = label_for ? label_for (row->key) : row->key;
      values[i] = row->value;
    }
  bk_stats_chart_set_data (BK_STATS_CHART (chart), labels, values, rows->len);

  g_object_set (heading, "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING, NULL);
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "title-3");
  gtk_accessible_update_property (GTK_ACCESSIBLE (heading), GTK_ACCESSIBLE_PROPERTY_LEVEL, 3, -1);
  gtk_box_append (GTK_BOX (self->charts), heading);
  gtk_box_append (GTK_BOX (self->charts), chart);
  g_ptr_array_add (self->chart_widgets, chart);
}

static const char *
rating_label (const char *key)
{
  switch (key[0])
    {
    case '1': return _("1 — very bad");
    case '2': return _("2 — bad");
    case '3': return _("3 — okay");
    case '4': return _("4 — good");
    default: return _("5 — very good");
    }
}

/* Day rows in date order (the totals come largest first). */
static GPtrArray *
per_day (GPtrArray *rows, BkStatsCategory category, gint64 divisor)
{
  GPtrArray *days = g_ptr_array_new_with_free_func ((GDestroyNotify) bk_stats_row_free);

  for (guint i = 0; i < rows->len; i++)
    {
      BkStatsRow *row = g_ptr_array_index (rows, i);
      BkStatsRow *day;

      if (g_strcmp0 (row->category, bk_stats_category_name (category)) != 0)
        continue;
      day = g_new0 (BkStatsRow, 1);
      day->key = bk_ui_format_date (row->day);
      day->category = row->category;
      day->value = (row->value + divisor - 1) / divisor;
      g_ptr_array_add (days, day);
    }
  return days;
}

static void
fill_charts (BkStaffPage *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) start = g_date_time_add_days (now, -(STATS_DAYS - 1));
  g_autofree char *since = g_date_time_format (start, "%Y-%m-%d");
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  bk_ui_unparent_children (self->charts);
  g_ptr_array_set_size (self->chart_widgets, 0);
  if (self->store == NULL)
    return;

  rows = bk_stats_list (self->store, since, NULL, &error);
  if (rows == NULL)
    {
      g_warning ("Could not read the statistics: %s", error->message);
      return;
    }

  {
    g_autoptr(GPtrArray) sessions = per_day (rows, BK_STATS_SESSION, 1);
    g_autoptr(GPtrArray) pages = bk_stats_totals (rows, BK_STATS_PAGE_VIEW);
    g_autoptr(GPtrArray) services = bk_stats_totals (rows, BK_STATS_SERVICE_VIEW);
    g_autoptr(GPtrArray) started = bk_stats_totals (rows, BK_STATS_FORM_STARTED);
    g_autoptr(GPtrArray) completed = bk_stats_totals (rows, BK_STATS_FORM_COMPLETED);
    g_autoptr(GPtrArray) abandoned = bk_stats_totals (rows, BK_STATS_FORM_ABANDONED);
    g_autoptr(GPtrArray) features = bk_stats_totals (rows, BK_STATS_FEATURE);
    g_autoptr(GPtrArray) speech = per_day (rows, BK_STATS_SPEECH_SECONDS, 60);
    g_autoptr(GPtrArray) ratings = bk_stats_totals (rows, BK_STATS_RATING);

    /* Translators: titles of the statistics charts and of their tables' columns */
    add_chart (self, _("Sessions per day"), _("Sessions"), sessions, NULL);
    add_chart (self, _("Pages viewed"), _("Views"), pages, NULL);
    add_chart (self, _("Services viewed"), _("Views"), services, NULL);
    add_chart (self, _("Forms started"), _("Forms"), started, NULL);
    add_chart (self, _("Forms completed"), _("Forms"), completed, NULL);
    add_chart (self, _("Forms abandoned"), _("Forms"), abandoned, NULL);
    add_chart (self, _("Accessibility settings used (sessions)"), _("Sessions"), features, NULL);
    add_chart (self, _("Minutes of speech per day"), _("Minutes"), speech, NULL);
    add_chart (self, _("Satisfaction ratings"), _("Ratings"), ratings, rating_label);
  }
}

/* ---- settings ------------------------------------------------------------ */

static void
log_setting (const char *key)
{
  bk_staff_log (G_LOG_LEVEL_MESSAGE, "settings-change", key, "Kiosk setting changed in staff mode");
}

static void
idle_changed_cb (BkStaffPage *self)
{
  if (self->loading || self->settings == NULL)
    return;
  bk_settings_set_int (self->settings, "idle-timeout", gtk_spin_button_get_value_as_int (self->idle_spin));
  log_setting ("idle-timeout");
}

static void
language_changed_cb (BkStaffPage *self)
{
  const char * const *language_values = bk_settings_get_choices ("default-language");
  guint selected = gtk_drop_down_get_selected (self->language_dropdown);

  if (self->loading || self->settings == NULL || selected >= g_strv_length ((char **) language_values))
    return;
  bk_settings_set_string (self->settings, "default-language", language_values[selected]);
  log_setting ("default-language");
}

static void
municipality_changed_cb (BkStaffPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->municipality_dropdown);

  if (self->loading || self->settings == NULL || self->municipalities == NULL ||
      selected >= g_strv_length (self->municipalities))
    return;
  bk_settings_set_string (self->settings, "municipality", self->municipalities[selected]);
  log_setting ("municipality");
}

static void
fill_settings (BkStaffPage *self)
{
  g_autoptr(GtkStringList) places = gtk_string_list_new (NULL);
  g_autoptr(GStrvBuilder) values = g_strv_builder_new ();
  g_auto(GStrv) names = self->store ? bk_store_list_service_municipalities (self->store) : NULL;
  const char *current = self->settings ? bk_settings_get_string (self->settings, "municipality") : "";
  guint selected = 0;

  self->loading = TRUE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->idle_spin), self->settings != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->language_dropdown), self->settings != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->municipality_dropdown), self->settings != NULL);
  if (self->settings != NULL)
    {
      const char *language = bk_settings_get_string (self->settings, "default-language");
      const char * const *language_values = bk_settings_get_choices ("default-language");

      gtk_spin_button_set_value (self->idle_spin, bk_settings_get_int (self->settings, "idle-timeout"));
      for (guint i = 0; language_values[i] != NULL; i++)
        if (g_strcmp0 (language, language_values[i]) == 0)
          gtk_drop_down_set_selected (self->language_dropdown, i);
    }

  /* Translators: the municipality choice when none is set */
  gtk_string_list_append (places, _("None chosen"));
  g_strv_builder_add (values, "");
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      gtk_string_list_append (places, names[i]);
      g_strv_builder_add (values, names[i]);
      if (g_strcmp0 (current, names[i]) == 0)
        selected = i + 1;
    }
  g_strfreev (self->municipalities);
  self->municipalities = g_strv_builder_end (values);
  gtk_drop_down_set_model (self->municipality_dropdown, G_LIST_MODEL (places));
  gtk_drop_down_set_selected (self->municipality_dropdown, selected);
  self->loading = FALSE;
}

/* ---- the page ------------------------------------------------------------ */

void
bk_staff_page_refresh (BkStaffPage *self)
{
  g_autofree char *export_where = NULL;
  g_autofree char *folder = NULL;

  g_return_if_fail (BK_IS_STAFF_PAGE (self));

  fill_import_list (self);
  bk_staff_review_fill (self->review_list, self->store);
  folder = export_folder (self);
  /* Translators: %s is a folder */
  export_where = g_strdup_printf (_("Exports are written to %s."), folder);
  gtk_label_set_text (self->export_folder_label, export_where);
  bk_staff_outbox_refresh (BK_STAFF_OUTBOX (self->outbox_view));
  fill_charts (self);
  fill_settings (self);
  bk_sync_panel_refresh (self->sync_panel);
  if (self->import_cancellable == NULL)
    set_status (self->import_status, NULL);
  set_status (self->export_status, NULL);
}

static void
done_cb (BkStaffPage *self)
{
  g_signal_emit (self, signals[DONE], 0);
}

static void
quit_cb (BkStaffPage *self)
{
  g_signal_emit (self, signals[QUIT], 0);
}

static void
bk_staff_page_dispose (GObject *object)
{
  BkStaffPage *self = BK_STAFF_PAGE (object);

  watch_import_folder (self, FALSE);
  /* an import under way finishes in its thread; only its report is dropped */
  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);
  g_clear_object (&self->import_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), BK_TYPE_STAFF_PAGE);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (bk_staff_page_parent_class)->dispose (object);
}

static void
bk_staff_page_finalize (GObject *object)
{
  BkStaffPage *self = BK_STAFF_PAGE (object);

  g_ptr_array_unref (self->chart_widgets);
  g_strfreev (self->municipalities);
  G_OBJECT_CLASS (bk_staff_page_parent_class)->finalize (object);
}

static void
set_warning (BkStaffPage *self,
             const char  *warning)
{
  gtk_label_set_text (GTK_LABEL (self->banner), warning ? warning : "");
  gtk_widget_set_visible (self->banner, warning != NULL && warning[0] != '\0');
}

/* ---- BkPage -------------------------------------------------------------- */

static const char *
bk_staff_page_get_help_text (BkPage *page)
{
  /* Translators: help for the staff page (only staff see it) */
  return _("Staff mode: import content from the import folder, see where the submissions are "
           "and send one again, export those without a destination, "
           "read the statistics and change the kiosk settings. "
           "Back to the kiosk leaves staff mode; any other screen leaves it too.");
}

/* Only after the PIN (BkStaffMode unlocks it); the window shows the start
 * page instead. */
static gboolean
bk_staff_page_show_target (BkPage      *page,
                           GVariant    *target,
                           const char **heading,
                           GError     **error)
{
  BkStaffPage *self = BK_STAFF_PAGE (page);

  if (!self->unlocked)
    return FALSE;
  bk_staff_page_refresh (self);
  return TRUE;
}

static void
page_iface_init (BkPageInterface *iface)
{
  iface->get_help_text = bk_staff_page_get_help_text;
  iface->show_target = bk_staff_page_show_target;
}

/* The context arrives once, from the window. */
static void
set_context (BkStaffPage *self,
             BkContext *context)
{
  if (!g_set_object (&self->context, context) || context == NULL)
    return;
  g_set_object (&self->store, bk_context_get_store (context));
  g_set_object (&self->settings, bk_context_get_settings (context));
  if (self->settings != NULL)
    {
      g_object_bind_property (self->settings, "care-home-mode", self->care_home_check, "active",
                              G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
      g_object_bind_property (self->settings, "tour-loop", self->tour_loop_check, "active",
                              G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
    }
  bk_staff_outbox_set_outbox (BK_STAFF_OUTBOX (self->outbox_view), bk_context_get_outbox (context), self->store);
  bk_sync_panel_set_services (self->sync_panel, self->store,
                              bk_context_get_read_only (context) ? NULL : self->settings,
                              bk_context_get_sync (context));
  if (bk_context_get_staff_warning (context) != NULL)
    set_warning (self, bk_context_get_staff_warning (context));
  else if (self->store != NULL && bk_context_get_read_only (context))
    set_warning (self, _("The database is read-only: nothing is saved."));
  bk_staff_page_refresh (self);
}

BK_PAGE_DEFINE_CONTEXT_PROPERTY (BkStaffPage, bk_staff_page, BK_STAFF_PAGE)

/* The page opens on "Back to the kiosk": the PIN's Enter, pressed once more,
 * must never land on "Quit the kiosk". */
static gboolean
bk_staff_page_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (BK_STAFF_PAGE (widget)->leave_button);
}

static void
bk_staff_page_class_init (BkStaffPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bk_staff_page_dispose;
  object_class->get_property = bk_staff_page_get_property;
  object_class->set_property = bk_staff_page_set_property;
  g_object_class_override_property (object_class, BK_PAGE_PROP_CONTEXT, "context");
  object_class->finalize = bk_staff_page_finalize;
  widget_class->grab_focus = bk_staff_page_grab_focus;

  signals[DONE] = g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[QUIT] = g_signal_new ("quit", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  g_type_ensure (BK_TYPE_STAFF_OUTBOX);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/buergerkiosk/Kiosk/ui/bk-staff-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BkStaffPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, BkStaffPage, banner);
  gtk_widget_class_bind_template_child (widget_class, BkStaffPage, leave_button);
  gtk_widget_class_bind_template_child (widget_class, BkStaffPage, quit_button);
  gtk_widget_class_bind_template_child (widget_class, BkStaffPage, import_folder_label);
  gtk_widget_class_bind_template_child (widget_class, BkStaffPage, import_list);
  gtk_widget_class_bind_template_child (widget_class, BkStaffPage, import_status);
  gtk_widget_class_bind_template_child (widget_class, BkStaffPage, import_spinner);
  gtk_widget_class_bind_template_child (widget_class, BkStaffPage, review_list);
  gtk_widget_class_bind_template_child (widget_class, BkStaffPage, export_folder_label);
  gtk_widget_class_bind_template_child (widget_class, BkStaffPage, export_button);
  gtk_widget_class_bind_template_child (widget_class, BkStaffPage, export_status);
  gtk_widget_class_bind_template_child (widget_class, BkStaffPage, outbox_view);
  gtk_widget_class_bind_template_child (widget_class, BkStaffPage, charts);
  gtk_widget_class_bind_template_child (widget_class, BkStaffPage, idle_spin);
  gtk_widget_class_bind_template_child (widget_class, BkStaffPage, language_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BkStaffPage, municipality_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BkStaffPage, care_home_check);
  gtk_widget_class_bind_template_child (widget_class, BkStaffPage, tour_loop_check);
  gtk_widget_class_bind_template_child (widget_class, BkStaffPage, sync_panel);
}

static void
bk_staff_page_init (BkStaffPage *self)
{
  g_autoptr(GtkStringList) languages = NULL;
  /* Translators: the first choice of the default language: no choice of staff */
  const char * const *codes = bk_settings_get_choices ("default-language");
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) language_names = NULL;

  g_type_ensure (BK_TYPE_SYNC_PANEL);
  gtk_widget_init_template (GTK_WIDGET (self));
  self->chart_widgets = g_ptr_array_new ();

  /* Each language named in itself; "" is the kiosk's default. */
  for (guint i = 0; codes[i] != NULL; i++)
    /* Translators: the first choice of the default language: no choice of staff */
    g_strv_builder_add (names, codes[i][0] == '\0' ? _("As the kiosk's default") : bk_i18n_get_native_name (codes[i]));
  language_names = g_strv_builder_end (names);
  languages = gtk_string_list_new ((const char * const *) language_names);
  gtk_drop_down_set_model (self->language_dropdown, G_LIST_MODEL (languages));

  g_signal_connect_swapped (self->leave_button, "clicked", G_CALLBACK (done_cb), self);
  g_signal_connect_swapped (self->quit_button, "clicked", G_CALLBACK (quit_cb), self);
  g_signal_connect_swapped (self->export_button, "clicked", G_CALLBACK (export_clicked_cb), self);
  g_signal_connect_swapped (self->idle_spin, "value-changed", G_CALLBACK (idle_changed_cb), self);
  g_signal_connect_swapped (self->language_dropdown, "notify::selected",
                            G_CALLBACK (language_changed_cb), self);
  g_signal_connect_swapped (self->municipality_dropdown, "notify::selected",
                            G_CALLBACK (municipality_changed_cb), self);
  bk_ui_drop_doubled_names (GTK_WIDGET (self));
  bk_staff_page_refresh (self);
}

GtkWidget *
bk_staff_page_get_import_list (BkStaffPage *self)
{
  g_return_val_if_fail (BK_IS_STAFF_PAGE (self), NULL);
  return self->import_list;
}

GtkWidget *
bk_staff_page_get_review_list (BkStaffPage *self)
{
  g_return_val_if_fail (BK_IS_STAFF_PAGE (self), NULL);
  return self->review_list;
}

const char *
bk_staff_page_get_import_status (BkStaffPage *self)
{
  g_return_val_if_fail (BK_IS_STAFF_PAGE (self), NULL);
  return gtk_label_get_text (self->import_status);
}

GtkWidget *
bk_staff_page_get_export_button (BkStaffPage *self)
{
  g_return_val_if_fail (BK_IS_STAFF_PAGE (self), NULL);
  return self->export_button;
}

const char *
bk_staff_page_get_export_status (BkStaffPage *self)
{
  g_return_val_if_fail (BK_IS_STAFF_PAGE (self), NULL);
  return gtk_label_get_text (self->export_status);
}

GtkWidget *
bk_staff_page_get_outbox_view (BkStaffPage *self)
{
  g_return_val_if_fail (BK_IS_STAFF_PAGE (self), NULL);
  return self->outbox_view;
}

GPtrArray *
bk_staff_page_get_charts (BkStaffPage *self)
{
  g_return_val_if_fail (BK_IS_STAFF_PAGE (self), NULL);
  return self->chart_widgets;
}

/* Staff mode opens the page (after the PIN) and closes it. */
void
bk_staff_page_set_unlocked (BkStaffPage *self,
                            gboolean     unlocked)
{
  g_return_if_fail (BK_IS_STAFF_PAGE (self));

  self->unlocked = unlocked;
  watch_import_folder (self, unlocked);
}

gboolean
bk_staff_page_get_unlocked (BkStaffPage *self)
{
  g_return_val_if_fail (BK_IS_STAFF_PAGE (self), FALSE);

  return self->unlocked;
}

GtkWidget *
bk_staff_page_get_sync_panel (BkStaffPage *self)
{
  g_return_val_if_fail (BK_IS_STAFF_PAGE (self), NULL);
  return GTK_WIDGET (self->sync_panel);
}
