/* bk-receipt-page.c: the reference number after sending a form
 *
 * The reference very large, spoken in digit groups ("B K 2026 000 123 K")
 * when the page is shown and on request, where the submission is (sent to
 * its recipient, or sent as soon as the connection is back), what happens
 * next, Print and Done.
 * The window clears the page when the citizen leaves it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-receipt-page"

#include "bk-config.h"

#include <glib/gi18n.h>

#include "bk-form.h"
#include "bk-help.h"
#include "bk-qr.h"
#include "bk-rating.h"
#include "bk-receipt-page-private.h"
#include "bk-page.h"
#include "bk-ui.h"

#define REFERENCE_SCALE 2.5
/* Not sent after this long: the citizen is told it goes later. */
#define SENDING_PATIENCE_S 10

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
  GtkLabel   *delivery_label;
  GtkLabel   *print_status;
  GtkWidget  *repeat_button;
  GtkWidget  *print_button;
  GtkWidget  *done_button;
  GtkWidget  *rating;
  GtkWidget  *qr;
  GCancellable *print_cancellable;   /* while a print is on its way */

  BkOutbox   *outbox;
  gulong      outbox_handler;
  guint       patience_source;
  gboolean    impatient;        /* waited SENDING_PATIENCE_S without a result */
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

/* The answer to the citizen's Print: said at once, over the rest of the
 * receipt that may still be read. */
static void
set_print_status (BkReceiptPage *self,
                  const char    *text)
{
  gtk_label_set_text (self->print_status, text);
  gtk_widget_set_visible (GTK_WIDGET (self->print_status), TRUE);
  bk_voice_speak_page (self->voice, text);
}

/* Long enough for a printer waking up, short enough that nobody stands
 * waiting in front of a silent screen. */
#define PRINT_TIMEOUT_MS 15000

static void
printed_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(BkReceiptPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gboolean printed = bk_receipt_print_finish (result, &error);

  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_clear_object (&self->print_cancellable);
  if (printed)
    {
      set_print_status (self, _("The receipt is being printed. Please take it from the printer."));
      return;
    }
  /* The citizen left the receipt: nothing to say any more. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->receipt == NULL)
    return;

  g_message ("Could not print receipt %s: %s", self->receipt->reference, error->message);
  gtk_widget_set_sensitive (self->print_button, TRUE);
  /* Translators: %s says why ("the printer does not answer"); then the
   * reference, and the other ways to keep it */
  message = g_strdup_printf (_("Printing did not work: %s. Your number is %s. Take the receipt with your phone: "
                               "scan the QR code. Or write the number down."),
                             error->message, self->receipt->reference);
  set_print_status (self, message);
  bk_voice_cue (self->voice, BK_EARCON_ERROR, GTK_WIDGET (self->print_status));
}

static void
print_clicked_cb (BkReceiptPage *self)
{
  const char *printer = NULL;

  if (self->receipt == NULL || self->print_cancellable != NULL)
    return;

  if (self->context != NULL)
    printer = bk_settings_get_string (bk_context_get_settings (self->context), "printer");
  gtk_widget_set_sensitive (self->print_button, FALSE);
  set_print_status (self, _("Printing …"));
  self->print_cancellable = g_cancellable_new ();
  bk_receipt_print_async (self->receipt, printer, PRINT_TIMEOUT_MS, self->print_cancellable,
                          printed_cb, g_object_ref (self));
}

static void
cancel_printing (BkReceiptPage *self)
{
  g_cancellable_cancel (self->print_cancellable);
  g_clear_object (&self->print_cancellable);
}

/* ---- delivery ---------------------------------------------------------- */

/* What the citizen is told about the delivery, or NULL when the submission
 * stays on the kiosk for the staff (no delivery file, no route). */
static char *
dup_delivery_text (BkReceiptPage *self)
{
  g_autoptr(BkOutboxEntry) entry = NULL;
  const char *recipient;

  if (self->receipt == NULL || self->receipt->recipient == NULL || self->outbox == NULL)
    return NULL;
  recipient = self->receipt->recipient;
  entry = bk_outbox_get_entry (self->outbox, self->receipt->reference);
  if (entry == NULL)
    return NULL;
  switch (entry->state)
    {
    case BK_OUTBOX_SUBMITTED:
    case BK_OUTBOX_ACCEPTED:
      /* Translators: on the receipt; %s is who receives it, “Stadt Auenbach” */
      return g_strdup_printf (_("Sent to %s."), recipient);
    case BK_OUTBOX_REJECTED:
    case BK_OUTBOX_FAILED:
      /* Translators: on the receipt; %s is who receives it */
      return g_strdup_printf (_("It could not be sent to %s yet; the staff will see to it. Your reference number is valid either way."),
                              recipient);
    case BK_OUTBOX_PENDING:
    case BK_OUTBOX_SENDING:
    default:
      if (entry->last_error != NULL || self->impatient)
        /* Translators: on the receipt; %s is who receives it */
        return g_strdup_printf (_("It will be sent to %s as soon as the connection is back. Your reference number is valid either way."),
                                recipient);
      /* Translators: on the receipt while it is being sent; %s is who receives it */
      return g_strdup_printf (_("Being sent to %s …"), recipient);
    }
}

/* Shows (and, when it changed, says) where the submission is. */
static void
update_delivery (BkReceiptPage *self,
                 gboolean       announce)
{
  g_autofree char *text = dup_delivery_text (self);

  gtk_widget_set_visible (GTK_WIDGET (self->delivery_label), text != NULL);
  if (text == NULL || g_strcmp0 (gtk_label_get_text (self->delivery_label), text) == 0)
    return;
  gtk_label_set_text (self->delivery_label, text);
  if (announce && self->voice != NULL)
    bk_voice_announce (self->voice, text);
}

static void
outbox_changed_cb (BkReceiptPage *self,
                   gint64         id,
                   const char    *reference)
{
  if (reference == NULL || (self->receipt != NULL && g_strcmp0 (reference, self->receipt->reference) == 0))
    update_delivery (self, TRUE);
}

static gboolean
patience_cb (gpointer data)
{
  BkReceiptPage *self = data;

  self->patience_source = 0;
  self->impatient = TRUE;
  update_delivery (self, TRUE);
  return G_SOURCE_REMOVE;
}

static void
stop_watching (BkReceiptPage *self)
{
  g_clear_signal_handler (&self->outbox_handler, self->outbox);
  g_clear_handle_id (&self->patience_source, g_source_remove);
  self->impatient = FALSE;
}

static void
watch_delivery (BkReceiptPage *self)
{
  stop_watching (self);
  gtk_label_set_text (self->delivery_label, "");
  if (self->outbox == NULL || self->receipt == NULL || self->receipt->recipient == NULL)
    {
      update_delivery (self, FALSE);
      return;
    }
  self->outbox_handler = g_signal_connect_object (self->outbox, "changed", G_CALLBACK (outbox_changed_cb),
                                                  self, G_CONNECT_SWAPPED);
  self->patience_source = g_timeout_add_seconds (SENDING_PATIENCE_S, patience_cb, self);
  update_delivery (self, FALSE);
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

  cancel_printing (self);
  stop_watching (self);
  g_clear_object (&self->outbox);
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
  g_autofree char *delivery = NULL;

  if (spoken == NULL)
    return g_strdup (_("Receipt. Nothing was sent yet."));

  delivery = dup_delivery_text (self);
  /* Translators: spoken on the receipt: the heading, the reference, where it is (may be empty), what happens next */
  return g_strdup_printf (_("%s %s %s %s %s"), _("Sent. Thank you!"), spoken, delivery ? delivery : "",
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

static gboolean bk_receipt_page_handle_key (BkPage          *page,
                                            guint            keyval,
                                            GdkModifierType  state);

static void
page_iface_init (BkPageInterface *iface)
{
  iface->dup_summary = bk_receipt_page_dup_summary;
  iface->get_help_text = bk_receipt_page_get_help_text;
  iface->leave = bk_receipt_page_leave;
  iface->handle_key = bk_receipt_page_handle_key;
}

/* The rating counts, anonymously, for the staff's statistics. */
static void
rated_cb (BkReceiptPage *self,
          int            rating)
{
  if (self->context != NULL)
    bk_usage_add_rating (bk_context_get_usage (self->context), rating);
  /* the rating's buttons are done now: the focus goes on, never nowhere */
  gtk_widget_grab_focus (self->done_button);
  if (self->voice != NULL)
    bk_voice_announce (self->voice, _("Thank you!"));
}

/* 1 to 5 rate from anywhere on the receipt, not only inside the rating. */
static gboolean
bk_receipt_page_handle_key (BkPage          *page,
                            guint            keyval,
                            GdkModifierType  state)
{
  BkReceiptPage *self = BK_RECEIPT_PAGE (page);

  return self->rating != NULL && gtk_widget_get_visible (self->rating) &&
         bk_rating_choose_by_key (BK_RATING (self->rating), keyval, state);
}

/* Orca reads only what can take the focus, and the page opens on the
 * number (its name already says "Your reference number"): while a screen
 * reader runs, the number carries the heading and the form's title above
 * it. The kiosk's own voice says them with the page's summary, so then
 * they stay out (not said twice). */
static void
update_reader_texts (BkPage *page)
{
  BkReceiptPage *self = BK_RECEIPT_PAGE (page);
  g_autofree char *description = NULL;

  if (self->voice == NULL || !bk_voice_get_screen_reader_running (self->voice))
    {
      bk_ui_set_accessible (GTK_WIDGET (self->reference_label), NULL, "");
      return;
    }
  description = g_strjoin (" ", _("Sent. Thank you!"), gtk_label_get_text (self->title_label), NULL);
  bk_ui_set_accessible (GTK_WIDGET (self->reference_label), NULL, g_strstrip (description));
}

/* The context arrives once, from the window. */
static void
set_context (BkReceiptPage *self,
             BkContext *context)
{
  if (!g_set_object (&self->context, context) || context == NULL)
    return;
  g_set_object (&self->voice, bk_context_get_voice (context));
  bk_page_follow_screen_reader (BK_PAGE (self), self->voice, update_reader_texts);
  g_set_object (&self->outbox, bk_context_get_outbox (context));
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
  gtk_widget_class_bind_template_child (widget_class, BkReceiptPage, delivery_label);
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

  /* The receipt to take away without paper: a phone's camera reads it. */
  {
    GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
    GtkWidget *label = bk_ui_wrap_label_new (_("Take the receipt with your phone: scan this code."), "text-block");

    self->qr = bk_qr_new (NULL);
    gtk_widget_set_halign (self->qr, GTK_ALIGN_START);
    gtk_box_append (GTK_BOX (box), label);
    gtk_box_append (GTK_BOX (box), self->qr);
    gtk_widget_insert_after (box, gtk_widget_get_parent (GTK_WIDGET (self->office_label)),
                             GTK_WIDGET (self->office_label));
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

  {
    g_autofree char *text = bk_receipt_dup_text (self->receipt);

    bk_qr_set_text (BK_QR (self->qr), text);
  }

  /* A screen reader reads the number as it is spoken, not as one word. */
  spoken = dup_spoken_reference (self);
  bk_ui_set_accessible (GTK_WIDGET (self->reference_label), spoken, NULL);
  update_reader_texts (BK_PAGE (self));
  gtk_widget_set_sensitive (self->print_button, TRUE);
  watch_delivery (self);
}

void
bk_receipt_page_clear (BkReceiptPage *self)
{
  g_return_if_fail (BK_IS_RECEIPT_PAGE (self));

  cancel_printing (self);
  stop_watching (self);
  g_clear_pointer (&self->receipt, bk_receipt_free);
  bk_qr_set_text (BK_QR (self->qr), NULL);
  gtk_label_set_text (self->delivery_label, "");
  gtk_widget_set_visible (GTK_WIDGET (self->delivery_label), FALSE);
  gtk_label_set_text (self->title_label, "");
  /* Translators: the receipt page before anything was sent */
  gtk_label_set_text (self->reference_label, _("No reference number yet"));
  bk_ui_set_accessible (GTK_WIDGET (self->reference_label), _("No reference number yet"), NULL);
  update_reader_texts (BK_PAGE (self));
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
bk_receipt_page_get_delivery_label (BkReceiptPage *self)
{
  g_return_val_if_fail (BK_IS_RECEIPT_PAGE (self), NULL);

  return GTK_WIDGET (self->delivery_label);
}

GtkWidget *
bk_receipt_page_get_done_button (BkReceiptPage *self)
{
  g_return_val_if_fail (BK_IS_RECEIPT_PAGE (self), NULL);

  return self->done_button;
}

GtkWidget *
bk_receipt_page_get_print_button (BkReceiptPage *self)
{
  g_return_val_if_fail (BK_IS_RECEIPT_PAGE (self), NULL);

  return self->print_button;
}

GtkWidget *
bk_receipt_page_get_qr (BkReceiptPage *self)
{
  g_return_val_if_fail (BK_IS_RECEIPT_PAGE (self), NULL);

  return self->qr;
}

const char *
bk_receipt_page_get_print_status (BkReceiptPage *self)
{
  g_return_val_if_fail (BK_IS_RECEIPT_PAGE (self), NULL);

  return gtk_label_get_text (self->print_status);
}
