/* bk-error-page.c: what could not be shown, and why
 *
 * A heading and the reason in plain words, with the error earcon; Back or
 * Start page lead on. Its content is its target, so Back to it shows the
 * same problem again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-error-page"

#include "bk-config.h"

#include <glib/gi18n.h>

#include "bk-error-page.h"
#include "bk-page.h"
#include "bk-ui.h"

struct _BkErrorPage
{
  GtkWidget  parent_instance;

  BkContext *context;
  GtkLabel  *error_heading;
  GtkLabel  *error_label;
};

static void page_iface_init (BkPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BkErrorPage, bk_error_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (BK_TYPE_PAGE, page_iface_init))

static char *
bk_error_page_dup_summary (BkPage *page)
{
  BkErrorPage *self = BK_ERROR_PAGE (page);

  /* Translators: spoken on the error page: its heading, then the message */
  return g_strdup_printf (_("%s. %s"),
                          gtk_label_get_text (self->error_heading),
                          gtk_label_get_text (self->error_label));
}

static const char *
bk_error_page_get_help_text (BkPage *page)
{
  /* Translators: help for the page that explains a problem */
  return _("Something did not work. The text on the screen says what happened. "
           "Press Back or Start page to try something else. "
           "If the problem stays, please ask the staff.");
}

/* target: (heading, message) */
static gboolean
bk_error_page_show_target (BkPage      *page,
                           GVariant    *target,
                           const char **heading,
                           GError     **error)
{
  BkErrorPage *self = BK_ERROR_PAGE (page);
  const char *title = NULL;
  const char *message = NULL;

  if (target == NULL || !g_variant_is_of_type (target, G_VARIANT_TYPE ("(ss)")))
    return TRUE;

  g_variant_get (target, "(&s&s)", &title, &message);
  gtk_label_set_text (self->error_heading, title);
  gtk_label_set_text (self->error_label, message);
  bk_ui_set_accessible (GTK_WIDGET (self->error_label), message, NULL);
  /* The problem is heard as well as seen. */
  if (self->context != NULL)
    bk_voice_cue (bk_context_get_voice (self->context), BK_EARCON_ERROR, GTK_WIDGET (self->error_heading));

  return TRUE;
}

static GVariant *
bk_error_page_dup_target (BkPage *page)
{
  BkErrorPage *self = BK_ERROR_PAGE (page);

  return g_variant_ref_sink (bk_error_page_target_new (gtk_label_get_text (self->error_heading),
                                                       gtk_label_get_text (self->error_label)));
}

static void
page_iface_init (BkPageInterface *iface)
{
  iface->dup_summary = bk_error_page_dup_summary;
  iface->get_help_text = bk_error_page_get_help_text;
  iface->show_target = bk_error_page_show_target;
  iface->dup_target = bk_error_page_dup_target;
}

/* The context arrives once, from the window. */
static void
set_context (BkErrorPage *self,
             BkContext *context)
{
  g_set_object (&self->context, context);
}

BK_PAGE_DEFINE_CONTEXT_PROPERTY (BkErrorPage, bk_error_page, BK_ERROR_PAGE)

static void
bk_error_page_dispose (GObject *object)
{
  BkErrorPage *self = BK_ERROR_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BK_TYPE_ERROR_PAGE);
  bk_ui_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->context);

  G_OBJECT_CLASS (bk_error_page_parent_class)->dispose (object);
}

static void
bk_error_page_class_init (BkErrorPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bk_error_page_dispose;
  object_class->get_property = bk_error_page_get_property;
  object_class->set_property = bk_error_page_set_property;
  g_object_class_override_property (object_class, BK_PAGE_PROP_CONTEXT, "context");

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/buergerkiosk/Kiosk/ui/bk-error-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, BkErrorPage, error_heading);
  gtk_widget_class_bind_template_child (widget_class, BkErrorPage, error_label);
}

static void
bk_error_page_init (BkErrorPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GVariant *
bk_error_page_target_new (const char *heading,
                          const char *message)
{
  return g_variant_new ("(ss)", heading ? heading : "", message ? message : "");
}

const char *
bk_error_page_get_message (BkErrorPage *self)
{
  g_return_val_if_fail (BK_IS_ERROR_PAGE (self), NULL);

  return gtk_label_get_text (self->error_label);
}
