/* bk-form-send.c: a filled-in form stored, and its receipt
 *
 * What the form page's Send does, away from its widgets: the receipt is
 * made first (without its number), so that the outbox can seal the same
 * receipt as a PDF into the bundle once the number is known, inside the
 * transaction that stores it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-form-page"

#include "bk-config.h"

#include <glib/gi18n.h>

#include "bk-error.h"
#include "bk-form-send.h"

/* The receipt as a PDF, for the bundle. */
static GBytes *
attach_receipt_cb (BkSubmission *submission,
                   const char   *reference,
                   const char   *created_at,
                   gpointer      user_data,
                   GError      **error)
{
  g_autoptr(BkReceipt) receipt = bk_receipt_copy (user_data);

  receipt->reference = g_strdup (reference);
  receipt->created_at = g_strdup (created_at);
  return bk_receipt_dup_pdf (receipt, error);
}

static char *
submit_to_outbox (BkOutbox     *outbox,
                  BkStore      *store,
                  const BkForm *form,
                  BkSubmission *submission,
                  BkReceipt    *receipt,
                  GError      **error)
{
  g_autoptr(BkService) service = NULL;
  g_autoptr(BkMotionSummary) motion = NULL;
  BkDeliveryInfo info = { NULL };

  /* What the authority needs to know about where it was filled in. */
  if (submission->service_id != NULL &&
      (service = bk_store_load_service (store, submission->service_id, NULL)) != NULL)
    {
      info.service_name = service->name;
      info.leika = service->leika_key;
      info.municipality = service->municipality;
    }
  if (submission->motion_id > 0 && (motion = bk_store_load_summary (store, submission->motion_id, NULL)) != NULL)
    {
      info.motion_reference = motion->reference;
      info.motion_subject = motion->subject;
    }
  info.title = form->title;   /* the authority reads it in English or German */
  return bk_outbox_submit (outbox, submission, &info, attach_receipt_cb, receipt, &receipt->recipient, error);
}

BkReceipt *
bk_form_send (BkContext    *context,
              const BkForm *form,
              BkSubmission *submission,
              const char   *office,
              GError      **error)
{
  BkStore *store = bk_context_get_store (context);
  BkOutbox *outbox = bk_context_get_outbox (context);
  g_autoptr(BkReceipt) receipt = bk_receipt_new ();
  char *reference;

  if (store == NULL)
    {
      g_set_error_literal (error, BK_ERROR, BK_ERROR_READ_ONLY, _("the kiosk has no database"));
      return NULL;
    }
  receipt->title = g_strdup (_(form->title));
  receipt->office = g_strdup (office ? office : _(form->recipient));
  receipt->next_steps = g_strdup (_(form->next_steps));
  receipt->language = g_strdup (submission->language);

  if (outbox != NULL)
    reference = submit_to_outbox (outbox, store, form, submission, receipt, error);
  else
    reference = bk_store_add_submission (store, submission, error);
  if (reference == NULL)
    return NULL;
  receipt->reference = reference;
  receipt->created_at = g_strdup (submission->created_at);
  return g_steal_pointer (&receipt);
}

char *
bk_form_dup_delivery_notice (BkContext    *context,
                             const BkForm *form,
                             const char   *service_id)
{
  BkOutbox *outbox = bk_context_get_outbox (context);
  BkStore *store = bk_context_get_store (context);
  g_autoptr(BkService) service = NULL;
  g_autofree char *recipient = NULL;

  if (outbox == NULL || store == NULL)
    return NULL;
  if (service_id != NULL)
    service = bk_store_load_service (store, service_id, NULL);
  recipient = bk_outbox_dup_recipient (outbox, service_id, form->kind, service ? service->municipality : NULL);
  if (recipient == NULL)
    return NULL;
  /* Translators: in the privacy notice before a form; %s is who receives it, “Stadt Auenbach” */
  return g_strdup_printf (_("How it travels: your answers are encrypted at once and sent to %s. "
                            "Only they can read them. The kiosk keeps only the encrypted copy, "
                            "until they have accepted it."), recipient);
}
