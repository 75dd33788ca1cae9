/* bk-form-send.h: a filled-in form stored, and its receipt
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-context.h"
#include "bk-form.h"
#include "bk-receipt-print.h"

G_BEGIN_DECLS

/* Stores submission and returns the receipt to show, or NULL with error
 * (nothing stored). With the context's outbox and a route for it, the
 * submission is sealed for its destination together with the receipt as a
 * PDF, and the receipt names the recipient; otherwise it is kept for the
 * staff's export (recipient NULL). */
BkReceipt *bk_form_send (BkContext    *context,
                         const BkForm *form,
                         BkSubmission *submission,
                         const char   *office,
                         GError      **error);

/* For the privacy notice: how the answers travel when the kiosk delivers
 * them (encrypted at once, to whom), or NULL when they stay for the staff. */
char      *bk_form_dup_delivery_notice (BkContext    *context,
                                        const BkForm *form,
                                        const char   *service_id);

G_END_DECLS
