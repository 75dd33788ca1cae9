/* bk-receipt-print.h: the receipt of a submission, on paper or as a PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>
#include <gtk/gtkunixprint.h>

G_BEGIN_DECLS

typedef struct {
  char *title;        /* the form's title, translated */
  char *reference;    /* "BK-2026-000123-K" */
  char *created_at;   /* UTC ISO date-time, as stored */
  char *office;       /* who deals with it */
  char *next_steps;   /* what happens next, translated */
  char *language;     /* "de", "en", …: the document language */
  char *recipient;    /* who it is delivered to ("Stadt Auenbach"), or NULL: kept for staff */
} BkReceipt;

BkReceipt *bk_receipt_new  (void);
BkReceipt *bk_receipt_copy (const BkReceipt *self);
void       bk_receipt_free (BkReceipt *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BkReceipt, bk_receipt_free)

/* "1 December 2026, 11:46" in local time. */
char      *bk_receipt_dup_local_time (const BkReceipt *self);

/* The receipt as plain text, a line each: title, reference, date, office
 * (for the QR code a citizen takes away with a phone). */
char      *bk_receipt_dup_text   (const BkReceipt *self);

/* Draws one page (width × height in points) with cairo and Pango: the
 * title, the reference in large type with its QR code, the date, the office
 * and what happens next. */
void       bk_receipt_draw       (const BkReceipt *self,
                                  cairo_t         *cr,
                                  double           width,
                                  double           height);

/* An A4 PDF with the title in its metadata and self->language as its
 * document language (/Lang, added by bk_pdf_set_language () since cairo
 * 1.16 cannot); a missing or invalid language only warns. */
gboolean   bk_receipt_write_pdf  (const BkReceipt *self,
                                  const char      *path,
                                  GError         **error);

/* The same PDF in memory (the attachment a delivered submission carries). */
GBytes    *bk_receipt_dup_pdf    (const BkReceipt *self,
                                  GError         **error);

/* Prints on a printer of the kiosk — printer_name, else the first one that
 * puts paper out (never "Print to File") — without a dialog and without
 * waiting: a kiosk has nobody to answer a dialog, and a printer that hangs
 * must not hang the screen. After timeout_ms without an answer it fails
 * with G_IO_ERROR_TIMED_OUT; without a printer with G_IO_ERROR_NOT_FOUND.
 * The messages are for a citizen. */
void       bk_receipt_print_async  (const BkReceipt     *self,
                                    const char          *printer_name,
                                    guint                timeout_ms,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data);
gboolean   bk_receipt_print_finish (GAsyncResult        *result,
                                    GError             **error);

G_END_DECLS
