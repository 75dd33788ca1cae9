/* bk-home-page.c: the start screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-home-page"

#include "bk-config.h"

#include <glib/gi18n.h>

#include "bk-help.h"
#include "bk-home-page-private.h"
#include "bk-page.h"
#include "bk-store.h"
#include "bk-ui.h"
#include "bk-voice.h"

struct _BkHomePage
{
  GtkWidget  parent_instance;

  BkContext *context;
  BkVoice   *voice;
  GtkWidget *services_button;
  GtkWidget *report_button;
  GtkWidget *motions_button;
  GtkWidget *meetings_button;
  GtkWidget *projects_button;
};

static void page_iface_init (BkPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BkHomePage, bk_home_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (BK_TYPE_PAGE, page_iface_init))

static char *
bk_home_page_dup_summary (BkPage *page)
{
  /* Translators: spoken when the start page is shown */
  return g_strdup_printf (_("%s. %s Services, report a problem, council motions, meetings or digital projects."),
                          _("Start page"), _("What would you like to do?"));
}

/* "Report a problem" only where a service of the catalogue takes the
 * report (services may be imported while the kiosk runs). */
static gboolean
bk_home_page_show_target (BkPage      *page,
                          GVariant    *target,
                          const char **heading,
                          GError     **error)
{
  BkHomePage *self = BK_HOME_PAGE (page);
  BkStore *store = self->context != NULL ? bk_context_get_store (self->context) : NULL;
  g_auto(GStrv) services = NULL;

  if (store != NULL)
    services = bk_store_list_services_with_form (store, "defect-report", NULL);
  gtk_widget_set_visible (self->report_button, services != NULL && services[0] != NULL);
  return TRUE;
}

static const char *
bk_home_page_get_help_text (BkPage *page)
{
  /* Translators: help for the start page */
  return _("This is the start page. Here you choose what you want to do. "
           "Services shows what the administration offers you. "
           "Report a problem tells the town about a broken street light, a pothole or rubbish left behind. "
           "Council motions lets you read what the councils are asked to decide. "
           "Meetings shows when the councils meet and what they decided. "
           "Digital projects shows where the digital projects of the county and its towns stand. "
           "The Accessibility button changes colours, text size, speech and language. "
           "How to use the keys teaches the keypad step by step.");
}

static void
page_iface_init (BkPageInterface *iface)
{
  iface->dup_summary = bk_home_page_dup_summary;
  iface->get_help_text = bk_home_page_get_help_text;
  iface->show_target = bk_home_page_show_target;
}

/* Orca reads only what can take the focus: while a screen reader runs,
 * the first choice, which has the focus when the page opens, carries the
 * greeting and the question above it. The kiosk's own voice says them with
 * the page's summary, so then they stay out (not said twice). */
static void
update_reader_texts (BkPage *page)
{
  BkHomePage *self = BK_HOME_PAGE (page);
  /* the description of the Services choice in bk-home-page.ui */
  const char *own = _("What the administration offers you");
  g_autofree char *intro = NULL;
  g_autofree char *description = NULL;

  if (self->voice == NULL || !bk_voice_get_screen_reader_running (self->voice))
    {
      bk_ui_set_accessible (self->services_button, NULL, own);
      return;
    }
  /* Translators: the heading, then the sentence below it */
  intro = g_strdup_printf (_("%s. %s"), _("Welcome"), _("What would you like to do?"));
  description = g_strjoin (" ", intro, own, NULL);
  bk_ui_set_accessible (self->services_button, NULL, description);
}

/* The context arrives once, from the window. */
static void
set_context (BkHomePage *self,
             BkContext *context)
{
  if (!g_set_object (&self->context, context) || context == NULL)
    return;
  g_set_object (&self->voice, bk_context_get_voice (context));
  bk_page_follow_screen_reader (BK_PAGE (self), self->voice, update_reader_texts);
}

BK_PAGE_DEFINE_CONTEXT_PROPERTY (BkHomePage, bk_home_page, BK_HOME_PAGE)

static gboolean
bk_home_page_grab_focus (GtkWidget *widget)
{
  BkHomePage *self = BK_HOME_PAGE (widget);

  return gtk_widget_grab_focus (self->services_button);
}

static void
bk_home_page_dispose (GObject *object)
{
  BkHomePage *self = BK_HOME_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), BK_TYPE_HOME_PAGE);
  bk_ui_unparent_children (GTK_WIDGET (object));
  g_clear_object (&self->voice);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (bk_home_page_parent_class)->dispose (object);
}

static void
bk_home_page_class_init (BkHomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bk_home_page_dispose;
  object_class->get_property = bk_home_page_get_property;
  object_class->set_property = bk_home_page_set_property;
  g_object_class_override_property (object_class, BK_PAGE_PROP_CONTEXT, "context");
  widget_class->grab_focus = bk_home_page_grab_focus;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/buergerkiosk/Kiosk/ui/bk-home-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, BkHomePage, services_button);
  gtk_widget_class_bind_template_child (widget_class, BkHomePage, report_button);
  gtk_widget_class_bind_template_child (widget_class, BkHomePage, motions_button);
  gtk_widget_class_bind_template_child (widget_class, BkHomePage, meetings_button);
  gtk_widget_class_bind_template_child (widget_class, BkHomePage, projects_button);
}

static void
bk_home_page_init (BkHomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* the language choice */
  bk_ui_expose_toggle_states (GTK_WIDGET (self));

  bk_help_set_item_text (self->services_button,
                         /* Translators: item help of the Services choice on the start page */
                         _("Opens the services of the administration."));
  bk_help_set_item_text (self->report_button,
                         /* Translators: item help of the Report a problem choice on the start page */
                         _("Opens the form for reporting a problem in a street or public place to the town. "
                           "You choose the place and what is wrong, and you get a receipt."));
  bk_help_set_item_text (self->motions_button,
                         /* Translators: item help of the Council motions choice on the start page */
                         _("Opens the list of council motions. You can search them and read each one."));
  bk_help_set_item_text (self->meetings_button,
                         /* Translators: item help of the Meetings choice on the start page */
                         _("Opens the calendar of meetings: the next ones with their agenda, and what was "
                           "decided at the past ones."));
  bk_help_set_item_text (self->projects_button,
                         /* Translators: item help of the Digital projects choice on the start page */
                         _("Opens the digital projects of the county and the towns: what they change for you, "
                           "how far they are and which council motions are behind them."));
}

GtkWidget *
bk_home_page_new (void)
{
  return g_object_new (BK_TYPE_HOME_PAGE, NULL);
}

GtkWidget *
bk_home_page_get_first_choice (BkHomePage *self)
{
  g_return_val_if_fail (BK_IS_HOME_PAGE (self), NULL);

  return self->services_button;
}

/* 0: services, 1: council motions, 2: meetings, 3: digital projects,
 * 4: report a problem (shown second) */
GtkWidget *
bk_home_page_get_choice (BkHomePage *self,
                         guint       index)
{
  g_return_val_if_fail (BK_IS_HOME_PAGE (self), NULL);

  switch (index)
    {
    case 0: return self->services_button;
    case 1: return self->motions_button;
    case 2: return self->meetings_button;
    case 3: return self->projects_button;
    case 4: return self->report_button;
    default: return NULL;
    }
}
