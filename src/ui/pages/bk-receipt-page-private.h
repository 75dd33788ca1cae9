/* bk-receipt-page-private.h: for tests only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-receipt-page.h"

G_BEGIN_DECLS

GtkWidget       *bk_receipt_page_get_done_button     (BkReceiptPage *self);
/* Where the submission is (a status label; hidden without a recipient). */
GtkWidget       *bk_receipt_page_get_delivery_label  (BkReceiptPage *self);
/* The optional satisfaction rating offered below Done (a BkRating). */
GtkWidget       *bk_receipt_page_get_rating          (BkReceiptPage *self);
const BkReceipt *bk_receipt_page_get_receipt  (BkReceiptPage   *self);
GtkWidget       *bk_receipt_page_get_reference_label (BkReceiptPage *self);

GtkWidget       *bk_receipt_page_get_print_button (BkReceiptPage *self);
/* The QR code of the receipt (BkQr). */
GtkWidget       *bk_receipt_page_get_qr           (BkReceiptPage *self);
const char      *bk_receipt_page_get_print_status (BkReceiptPage *self);

G_END_DECLS
