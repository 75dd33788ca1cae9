/* bk-window.c: the kiosk window
 *
 * A header bar with Back and Start page, and a stack of pages. The window
 * keeps the navigation history itself (AdwNavigationView is libadwaita 1.4).
 * Every command is an action: win.back, win.home, win.show-services,
 * win.show-motions and win.open-motion(x).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-window"

#include "bk-config.h"

#include <glib/gi18n.h>

#include "bk-home-page.h"
#include "bk-motion-list-page.h"
#include "bk-motion-page.h"
#include "bk-services-page.h"
#include "bk-ui.h"
#include "bk-window.h"

typedef struct
{
  const char *page;   /* interned */
  gint64      motion_id;
} HistoryEntry;

struct _BkWindow
{
  AdwApplicationWindow  parent_instance;

  BkStore              *store;
  GArray               *history;   /* HistoryEntry, without the current one */
  HistoryEntry          current;

  GtkWidget            *back_button;
  GtkWidget            *home_button;
  GtkStack             *stack;
  GtkWidget            *home_page;
  GtkWidget            *services_page;
  GtkWidget            *motion_list_page;
  GtkWidget            *motion_page;
  GtkLabel             *error_heading;
  GtkLabel             *error_label;
};

G_DEFINE_FINAL_TYPE (BkWindow, bk_window, ADW_TYPE_APPLICATION_WINDOW)

static void
set_error (BkWindow   *self,
           const char *heading,
           const char *message)
{
  gtk_label_set_text (self->error_heading, heading);
  gtk_label_set_text (self->error_label, message);
  bk_ui_set_accessible (GTK_WIDGET (self->error_label), message, NULL);
}

static void
update_navigation (BkWindow *self)
{
  gboolean at_home = self->current.page == g_intern_static_string ("home");

  gtk_widget_set_visible (self->back_button, self->history->len > 0);
  gtk_widget_set_visible (self->home_button, !at_home);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.back", self->history->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.home", !at_home);
}

/* GTK 4.8 keeps the pages a stack does not show in the accessibility tree,
 * so a screen reader could wander into them: hide them for real. */
static void
show_only_page (BkWindow   *self,
                const char *name)
{
  GtkWidget *page = gtk_stack_get_child_by_name (self->stack, name);

  gtk_widget_set_visible (page, TRUE);
  gtk_stack_set_visible_child (self->stack, page);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (child != page)
        gtk_widget_set_visible (child, FALSE);
    }
}

/* Shows entry; FALSE if it could not be shown (the error page is shown then). */
static gboolean
show_entry (BkWindow           *self,
            const HistoryEntry *entry)
{
  g_autoptr(GError) error = NULL;
  HistoryEntry shown = *entry;
  GtkWidget *page;

  if (shown.page == g_intern_static_string ("motion") &&
      !bk_motion_page_show_motion (BK_MOTION_PAGE (self->motion_page), shown.motion_id, &error))
    {
      set_error (self,
                 _("This motion cannot be shown"),
                 error ? error->message : _("It could not be loaded."));
      shown.page = g_intern_static_string ("error");
    }

  self->current = shown;
  show_only_page (self, shown.page);
  update_navigation (self);

  page = gtk_stack_get_visible_child (self->stack);
  if (!gtk_widget_grab_focus (page))
    gtk_widget_child_focus (page, GTK_DIR_TAB_FORWARD);

  return shown.page == entry->page;
}

static void
navigate_to (BkWindow   *self,
             const char *page,
             gint64      motion_id)
{
  HistoryEntry entry = { g_intern_string (page), motion_id };

  if (entry.page == self->current.page && entry.motion_id == self->current.motion_id)
    return;

  if (entry.page == g_intern_static_string ("home"))
    g_array_set_size (self->history, 0);
  else
    g_array_append_val (self->history, self->current);

  show_entry (self, &entry);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BkWindow *self = BK_WINDOW (widget);
  HistoryEntry entry;

  if (self->history->len == 0)
    return;

  entry = g_array_index (self->history, HistoryEntry, self->history->len - 1);
  g_array_set_size (self->history, self->history->len - 1);
  show_entry (self, &entry);
}

static void
home_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  navigate_to (BK_WINDOW (widget), "home", 0);
}

static void
show_services_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  navigate_to (BK_WINDOW (widget), "services", 0);
}

static void
show_motions_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BkWindow *self = BK_WINDOW (widget);

  /* Without a database, the error page explains why there is nothing. */
  navigate_to (self, self->store ? "motions" : "error", 0);
}

static void
open_motion_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  navigate_to (BK_WINDOW (widget), "motion", g_variant_get_int64 (parameter));
}

static void
show_focus_cb (GtkWidget *widget)
{
  gtk_window_set_focus_visible (GTK_WINDOW (widget), TRUE);
}

static void
bk_window_dispose (GObject *object)
{
  BkWindow *self = (BkWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), BK_TYPE_WINDOW);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (bk_window_parent_class)->dispose (object);
}

static void
bk_window_finalize (GObject *object)
{
  BkWindow *self = (BkWindow *)object;

  g_clear_pointer (&self->history, g_array_unref);

  G_OBJECT_CLASS (bk_window_parent_class)->finalize (object);
}

static void
bk_window_class_init (BkWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bk_window_dispose;
  object_class->finalize = bk_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/buergerkiosk/Kiosk/ui/bk-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BkWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, BkWindow, home_button);
  gtk_widget_class_bind_template_child (widget_class, BkWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, BkWindow, home_page);
  gtk_widget_class_bind_template_child (widget_class, BkWindow, services_page);
  gtk_widget_class_bind_template_child (widget_class, BkWindow, motion_list_page);
  gtk_widget_class_bind_template_child (widget_class, BkWindow, motion_page);
  gtk_widget_class_bind_template_child (widget_class, BkWindow, error_heading);
  gtk_widget_class_bind_template_child (widget_class, BkWindow, error_label);

  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "win.home", NULL, home_action);
  gtk_widget_class_install_action (widget_class, "win.show-services", NULL, show_services_action);
  gtk_widget_class_install_action (widget_class, "win.show-motions", NULL, show_motions_action);
  gtk_widget_class_install_action (widget_class, "win.open-motion", "x", open_motion_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, GDK_ALT_MASK, "win.home", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Home, GDK_ALT_MASK, "win.home", NULL);
}

static void
bk_window_init (BkWindow *self)
{
  bk_ui_init ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->history = g_array_new (FALSE, FALSE, sizeof (HistoryEntry));
  self->current.page = g_intern_static_string ("home");
  self->current.motion_id = 0;
}

BkWindow *
bk_window_new (GtkApplication *application,
               BkStore        *store,
               const GError   *error)
{
  BkWindow *self;

  g_return_val_if_fail (!application || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (!store || BK_IS_STORE (store), NULL);

  self = g_object_new (BK_TYPE_WINDOW,
                       "application", application,
                       NULL);

  /* A kiosk is used with keys as much as with touch: show where the focus
   * is from the start (GTK resets this when the window is mapped). */
  g_signal_connect (self, "map", G_CALLBACK (show_focus_cb), NULL);

  if (store != NULL)
    {
      HistoryEntry home = { g_intern_static_string ("home"), 0 };

      self->store = g_object_ref (store);
      bk_motion_list_page_set_store (BK_MOTION_LIST_PAGE (self->motion_list_page), store);
      bk_motion_page_set_store (BK_MOTION_PAGE (self->motion_page), store);
      show_entry (self, &home);
    }
  else
    {
      HistoryEntry entry = { g_intern_static_string ("error"), 0 };
      g_autofree char *message = NULL;

      /* Translators: %s is the technical reason */
      message = g_strdup_printf (_("The kiosk could not open its database of motions: %s. Please tell the staff."),
                                 error ? error->message : _("unknown error"));
      set_error (self, _("The motions cannot be shown"), message);
      show_entry (self, &entry);
    }

  return self;
}

const char *
bk_window_get_page_name (BkWindow *self)
{
  g_return_val_if_fail (BK_IS_WINDOW (self), NULL);

  return self->current.page;
}

/* "home", "services", "motions", "motion" or "error" */
GtkWidget *
bk_window_get_page (BkWindow   *self,
                    const char *name)
{
  g_return_val_if_fail (BK_IS_WINDOW (self), NULL);

  return gtk_stack_get_child_by_name (self->stack, name);
}

GtkWidget *
bk_window_get_back_button (BkWindow *self)
{
  g_return_val_if_fail (BK_IS_WINDOW (self), NULL);

  return self->back_button;
}

GtkWidget *
bk_window_get_home_button (BkWindow *self)
{
  g_return_val_if_fail (BK_IS_WINDOW (self), NULL);

  return self->home_button;
}

const char *
bk_window_get_error_text (BkWindow *self)
{
  g_return_val_if_fail (BK_IS_WINDOW (self), NULL);

  return gtk_label_get_text (self->error_label);
}
