/* bk-receipt-page.c: the reference number after sending a form
 *
 * The reference very large, spoken in digit groups ("B K 2026 000 123 K")
 * when the page is shown and on request, what happens next, Print and Done.
 * The window clears the page when the citizen leaves it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-receipt-page"

#include "bk-config.h"

#include <glib/gi18n.h>

#include "bk-form.h"
#include "bk-help.h"
#include "bk-rating.h"
#include "bk-receipt-page-private.h"
#include "bk-page.h"
#include "bk-ui.h"

#define REFERENCE_SCALE 2.5

struct _BkReceiptPage
{
  GtkWidget   parent_instance;

  BkContext  *context;
  BkVoice    *voice;
  BkReceipt  *receipt;

  GtkLabel   *title_label;
  GtkLabel   *reference_label;
  GtkLabel   *when_label;
  GtkLabel   *next_steps_label;
  GtkLabel   *office_label;
  GtkLabel   *print_status;
  GtkWidget  *repeat_button;
  GtkWidget  *print_button;
  GtkWidget  *done_button;
  GtkWidget  *rating;
};

static void page_iface_init (BkPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BkReceiptPage, bk_receipt_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (BK_TYPE_PAGE, page_iface_init))

static char *
dup_spoken_reference (BkReceiptPage *self)
{
  g_autofree char *groups = NULL;

  if (self->receipt == NULL || self->receipt->reference == NULL)
    return NULL;

  groups = bk_form_dup_spoken_reference (self->receipt->reference);
  /* Translators: spoken; %s is the reference in groups, “B K 2026 000 123 K” */
  return g_strdup_printf (_("Your reference number: %s."), groups);
}

static void
repeat_clicked_cb (BkReceiptPage *self)
{
  g_autofree char *text = dup_spoken_reference (self);

  if (text != NULL)
    bk_voice_say_on_demand (self->voice, text, NULL);
}

static void
set_print_status (BkReceiptPage *self,
                  const char    *text)
{
  gtk_label_set_text (self->print_status, text);
  gtk_widget_set_visible (GTK_WIDGET (self->print_status), TRUE);
  bk_voice_announce (self->voice, text);
}

static void
print_clicked_cb (BkReceiptPage *self)
{
  g_autoptr(GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->receipt == NULL)
    return;

  if (!bk_receipt_print (self->receipt, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, &error))
    {
      g_autofree char *message = NULL;

      g_warning ("Could not print receipt %s: %s", self->receipt->reference,
                 error ? error->message : "unknown error");
      message = g_strdup_printf (_("Printing did not work: %s. Please write down the reference number, or ask the staff."),
                                 error ? error->message : _("unknown error"));
      set_print_status (self, message);
      bk_voice_cue (self->voice, BK_EARCON_ERROR, GTK_WIDGET (self->print_status));
      return;
    }

  set_print_status (self, _("The receipt is being printed. Please take it from the printer."));
}

static gboolean
bk_receipt_page_grab_focus (GtkWidget *widget)
{
  BkReceiptPage *self = BK_RECEIPT_PAGE (widget);

  return gtk_widget_grab_focus (GTK_WIDGET (self->reference_label));
}

static void
bk_receipt_page_dispose (GObject *object)
{
  BkReceiptPage *self = BK_RECEIPT_PAGE (object);

  g_clear_object (&self->voice);
  g_clear_object (&self->context);
  g_clear_pointer (&self->receipt, bk_receipt_free);
  gtk_widget_dispose_template (GTK_WIDGET (object), BK_TYPE_RECEIPT_PAGE);
  bk_ui_unparent_children (GTK_WIDGET (object));

  G_OBJECT_CLASS (bk_receipt_page_parent_class)->dispose (object);
}

/* ---- BkPage -------------------------------------------------------------- */

static char *
bk_receipt_page_dup_summary (BkPage *page)
{
  BkReceiptPage *self = BK_RECEIPT_PAGE (page);
  g_autofree char *spoken = dup_spoken_reference (self);

  if (spoken == NULL)
    return g_strdup (_("Receipt. Nothing was sent yet."));

  /* Translators: spoken on the receipt: the heading, the reference, what happens next */
  return g_strdup_printf (_("%s %s %s %s"), _("Sent. Thank you!"), spoken,
                          _("What happens next:"), self->receipt->next_steps ? self->receipt->next_steps : "");
}

static const char *
bk_receipt_page_get_help_text (BkPage *page)
{
  /* Translators: help for the receipt after sending a form */
  return _("Your form was sent. The large number is your reference number: "
           "give it if you ask about your request. "
           "Print receipt prints it on paper. "
           "Done goes back to the start page, and the kiosk forgets your entries.");
}

/* The reference is not kept once the citizen goes on. */
static void
bk_receipt_page_leave (BkPage *page)
{
  BkReceiptPage *self = BK_RECEIPT_PAGE (page);

  if (self->receipt != NULL)
    bk_receipt_page_clear (self);
}

static void
page_iface_init (BkPageInterface *iface)
{
  iface->dup_summary = bk_receipt_page_dup_summary;
  iface->get_help_text = bk_receipt_page_get_help_text;
  iface->leave = bk_receipt_page_leave;
}

/* The rating counts, anonymously, for the staff's statistics. */
static void
rated_cb (BkReceiptPage *self,
          int            rating)
{
  if (self->context != NULL)
    bk_usage_add_rating (bk_context_get_usage (self->context), rating);
}

/* The context arrives once, from the window. */
static void
set_context (BkReceiptPage *self,
             BkContext *context)
{
  if (!g_set_object (&self->context, context) || context == NULL)
    return;
  g_set_object (&self->voice, bk_context_get_voice (context));
  gtk_widget_set_visible (self->repeat_button, bk_voice_has_speech (self->voice));
}

BK_PAGE_DEFINE_CONTEXT_PROPERTY (BkReceiptPage, bk_receipt_page, BK_RECEIPT_PAGE)

static void
bk_receipt_page_class_init (BkReceiptPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bk_receipt_page_dispose;
  object_class->get_property = bk_receipt_page_get_property;
  object_class->set_property = bk_receipt_page_set_property;
  g_object_class_override_property (object_class, BK_PAGE_PROP_CONTEXT, "context");
  widget_class->grab_focus = bk_receipt_page_grab_focus;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/buergerkiosk/Kiosk/ui/bk-receipt-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, BkReceiptPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, BkReceiptPage, reference_label);
  gtk_widget_class_bind_template_child (widget_class, BkReceiptPage, when_label);
  gtk_widget_class_bind_template_child (widget_class, BkReceiptPage, next_steps_label);
  gtk_widget_class_bind_template_child (widget_class, BkReceiptPage, office_label);
  gtk_widget_class_bind_template_child (widget_class, BkReceiptPage, print_status);
  gtk_widget_class_bind_template_child (widget_class, BkReceiptPage, repeat_button);
  gtk_widget_class_bind_template_child (widget_class, BkReceiptPage, print_button);
  gtk_widget_class_bind_template_child (widget_class, BkReceiptPage, done_button);
}

static void
bk_receipt_page_init (BkReceiptPage *self)
{
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The end of a citizen's errand: offer the optional rating (issue 6). */
  {
    GtkWidget *row = gtk_widget_get_parent (self->done_button);

    self->rating = bk_rating_new ();
    g_signal_connect_object (self->rating, "rated", G_CALLBACK (rated_cb), self, G_CONNECT_SWAPPED);
    gtk_widget_insert_after (self->rating, gtk_widget_get_parent (row), row);
  }

  /* Relative to the text size, so it grows with it. */
  pango_attr_list_insert (attrs, pango_attr_scale_new (REFERENCE_SCALE));
  pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  gtk_label_set_attributes (self->reference_label, attrs);

  bk_help_set_item_text (GTK_WIDGET (self->reference_label),
                         _("Your reference number. Give it when you ask about your request; print the receipt or write it down."));
  bk_help_set_item_text (self->print_button, _("Prints a receipt with the reference number on the kiosk's printer."));
  bk_help_set_item_text (self->done_button, _("Goes back to the start page. The kiosk forgets everything you entered."));
  g_signal_connect_object (self->repeat_button, "clicked", G_CALLBACK (repeat_clicked_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->print_button, "clicked", G_CALLBACK (print_clicked_cb), self, G_CONNECT_SWAPPED);
  bk_receipt_page_clear (self);
}

GtkWidget *
bk_receipt_page_new (void)
{
  return g_object_new (BK_TYPE_RECEIPT_PAGE, NULL);
}

void
bk_receipt_page_show (BkReceiptPage   *self,
                      const BkReceipt *receipt)
{
  g_autofree char *when = NULL;
  g_autofree char *sent = NULL;
  g_autofree char *office = NULL;
  g_autofree char *spoken = NULL;

  g_return_if_fail (BK_IS_RECEIPT_PAGE (self));
  g_return_if_fail (receipt != NULL);

  g_clear_pointer (&self->receipt, bk_receipt_free);
  self->receipt = bk_receipt_copy (receipt);

  when = bk_receipt_dup_local_time (self->receipt);
  sent = g_strdup_printf (_("Sent: %s"), when);
  office = g_strdup_printf (_("Dealt with by: %s"), receipt->office ? receipt->office : "");
  gtk_label_set_text (self->title_label, receipt->title ? receipt->title : "");
  gtk_label_set_text (self->reference_label, receipt->reference);
  gtk_label_set_text (self->when_label, sent);
  gtk_label_set_text (self->next_steps_label, receipt->next_steps ? receipt->next_steps : "");
  gtk_label_set_text (self->office_label, office);
  gtk_widget_set_visible (GTK_WIDGET (self->print_status), FALSE);

  /* A screen reader reads the number as it is spoken, not as one word. */
  spoken = dup_spoken_reference (self);
  bk_ui_set_accessible (GTK_WIDGET (self->reference_label), spoken, NULL);
  gtk_widget_set_sensitive (self->print_button, TRUE);
}

void
bk_receipt_page_clear (BkReceiptPage *self)
{
  g_return_if_fail (BK_IS_RECEIPT_PAGE (self));

  g_clear_pointer (&self->receipt, bk_receipt_free);
  gtk_label_set_text (self->title_label, "");
  /* Translators: the receipt page before anything was sent */
  gtk_label_set_text (self->reference_label, _("No reference number yet"));
  bk_ui_set_accessible (GTK_WIDGET (self->reference_label), _("No reference number yet"), NULL);
  gtk_label_set_text (self->when_label, "");
  gtk_label_set_text (self->next_steps_label, "");
  gtk_label_set_text (self->office_label, "");
  gtk_label_set_text (self->print_status, "");
  gtk_widget_set_visible (GTK_WIDGET (self->print_status), FALSE);
  gtk_widget_set_sensitive (self->print_button, FALSE);
  bk_rating_reset (BK_RATING (self->rating));
}

const BkReceipt *
bk_receipt_page_get_receipt (BkReceiptPage *self)
{
  g_return_val_if_fail (BK_IS_RECEIPT_PAGE (self), NULL);

  return self->receipt;
}

GtkWidget *
bk_receipt_page_get_reference_label (BkReceiptPage *self)
{
  g_return_val_if_fail (BK_IS_RECEIPT_PAGE (self), NULL);

  return GTK_WIDGET (self->reference_label);
}

GtkWidget *
bk_receipt_page_get_rating (BkReceiptPage *self)
{
  g_return_val_if_fail (BK_IS_RECEIPT_PAGE (self), NULL);

  return self->rating;
}

GtkWidget *
bk_receipt_page_get_done_button (BkReceiptPage *self)
{
  g_return_val_if_fail (BK_IS_RECEIPT_PAGE (self), NULL);

  return self->done_button;
}
