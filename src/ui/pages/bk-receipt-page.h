/* bk-receipt-page.h: the reference number after sending a form
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bk-receipt-print.h"
#include "bk-voice.h"

G_BEGIN_DECLS

#define BK_TYPE_RECEIPT_PAGE (bk_receipt_page_get_type ())
G_DECLARE_FINAL_TYPE (BkReceiptPage, bk_receipt_page, BK, RECEIPT_PAGE, GtkWidget)

GtkWidget       *bk_receipt_page_new          (void);
/* Shows a copy of receipt. */
void             bk_receipt_page_show         (BkReceiptPage   *self,
                                               const BkReceipt *receipt);
/* Forgets the receipt (when the citizen leaves the page). */
void             bk_receipt_page_clear        (BkReceiptPage   *self);
/* The title, the reference spoken in groups and what happens next. */


G_END_DECLS
