/* bk-receipt-print.c: the receipt of a submission, on paper or as a PDF
 *
 * One page, drawn with Pango on cairo, the same for the printer and the
 * PDF: the form's title, the reference in large type with a QR code of it
 * (staff scan it to find the submission), the date, the office and what
 * happens next.
 *
 * The PDF carries its title in the metadata and its language (/Lang, for
 * screen readers: EN 301 549 5.4, PDF/UA). cairo 1.16 (Debian 12) knows no
 * language before cairo 1.18, so bk_pdf_set_language () appends it as an
 * incremental update once cairo has finished the file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-receipt-print"

#include "bk-config.h"

#include <string.h>
#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "bk-pdf.h"
#include "bk-qr.h"
#include "bk-receipt-print.h"
#include "bk-ui.h"

#define A4_WIDTH   595.28   /* points */
#define A4_HEIGHT  841.89
#define MARGIN     56.0
#define QR_SIZE    150.0
#define GAP        18.0

BkReceipt *
bk_receipt_new (void)
{
  return g_new0 (BkReceipt, 1);
}

BkReceipt *
bk_receipt_copy (const BkReceipt *self)
{
  BkReceipt *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = bk_receipt_new ();
  copy->title = g_strdup (self->title);
  copy->reference = g_strdup (self->reference);
  copy->created_at = g_strdup (self->created_at);
  copy->office = g_strdup (self->office);
  copy->next_steps = g_strdup (self->next_steps);
  copy->language = g_strdup (self->language);
  copy->recipient = g_strdup (self->recipient);

  return copy;
}

void
bk_receipt_free (BkReceipt *self)
{
  if (self == NULL)
    return;

  g_free (self->title);
  g_free (self->reference);
  g_free (self->created_at);
  g_free (self->office);
  g_free (self->next_steps);
  g_free (self->language);
  g_free (self->recipient);
  g_free (self);
}

char *
bk_receipt_dup_local_time (const BkReceipt *self)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *date = NULL;
  g_autofree char *iso_date = NULL;
  g_autofree char *time = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  when = self->created_at ? g_date_time_new_from_iso8601 (self->created_at, utc) : NULL;
  if (when == NULL)
    when = g_date_time_new_now_utc ();
  local = g_date_time_to_local (when);
  iso_date = g_date_time_format (local, "%Y-%m-%d");
  date = bk_ui_format_date (iso_date);
  time = g_date_time_format (local, "%H:%M");

  /* Translators: a date, then a time of day: “1 December 2026, 11:46” */
  return g_strdup_printf (_("%s, %s"), date, time);
}

/* Lays out text at y in the given font and width; returns the next y. */
static double
draw_text (cairo_t    *cr,
           const char *text,
           const char *font,
           double      x,
           double      y,
           double      width)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) description = pango_font_description_from_string (font);
  int text_height;

  pango_layout_set_font_description (layout, description);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text ? text : "", -1);

  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  pango_layout_get_size (layout, NULL, &text_height);

  return y + (double) text_height / PANGO_SCALE + GAP;
}

/* On one line, never broken: a reference split over two lines is easily
 * misread. The type shrinks from 34 pt until it fits. */
static double
draw_reference (cairo_t    *cr,
                const char *reference,
                double      x,
                double      y,
                double      width)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  int text_width, text_height;

  pango_layout_set_text (layout, reference ? reference : "", -1);
  for (int size = 34; size >= 12; size -= 2)
    {
      g_autoptr(PangoFontDescription) description = pango_font_description_from_string ("Sans Bold");

      pango_font_description_set_size (description, size * PANGO_SCALE);
      pango_layout_set_font_description (layout, description);
      pango_layout_get_size (layout, &text_width, &text_height);
      if ((double) text_width / PANGO_SCALE <= width)
        break;
    }

  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);

  return y + (double) text_height / PANGO_SCALE + GAP;
}

/* Black modules on white with the quiet zone of four modules. */
static void
draw_qr (cairo_t    *cr,
         const char *text,
         double      x,
         double      y,
         double      size)
{
  g_autoptr(GtkWidget) qr = g_object_ref_sink (bk_qr_new (text));
  guint n = bk_qr_get_module_count (BK_QR (qr));
  double module;

  if (n == 0)
    return;

  module = size / (n + 8);
  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, x, y, size, size);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint row = 0; row < n; row++)
    for (guint col = 0; col < n; col++)
      if (bk_qr_get_module (BK_QR (qr), col, row))
        cairo_rectangle (cr, x + (col + 4) * module, y + (row + 4) * module, module, module);
  cairo_fill (cr);
  cairo_restore (cr);
}

void
bk_receipt_draw (const BkReceipt *self,
                 cairo_t         *cr,
                 double           width,
                 double           height)
{
  g_autofree char *when = NULL;
  g_autofree char *date_line = NULL;
  g_autofree char *office_line = NULL;
  double text_width = width - 2 * MARGIN;
  double y = MARGIN;
  double qr_top;

  g_return_if_fail (self != NULL);

  when = bk_receipt_dup_local_time (self);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);

  y = draw_text (cr, _("Bürgerkiosk – Receipt"), "Sans 12", MARGIN, y, text_width);
  y = draw_text (cr, self->title, "Sans Bold 22", MARGIN, y, text_width);
  y = draw_text (cr, _("Your reference number"), "Sans 14", MARGIN, y, text_width);

  /* The reference large enough to read from a distance; the QR code
   * beside the date and the office. */
  y = draw_reference (cr, self->reference, MARGIN, y, text_width);
  qr_top = y;
  draw_qr (cr, self->reference, width - MARGIN - QR_SIZE, qr_top, QR_SIZE);

  /* Translators: on the receipt; %s is a date and time */
  date_line = g_strdup_printf (_("Sent: %s"), when);
  y = draw_text (cr, date_line, "Sans 14", MARGIN, y, text_width - QR_SIZE - GAP);
  /* Translators: on the receipt; %s is who deals with the request */
  office_line = g_strdup_printf (_("Dealt with by: %s"), self->office ? self->office : "");
  y = draw_text (cr, office_line, "Sans 14", MARGIN, y, text_width - QR_SIZE - GAP);
  y = MAX (y, qr_top + QR_SIZE + GAP);
  y = draw_text (cr, _("What happens next"), "Sans Bold 16", MARGIN, y, text_width);
  y = draw_text (cr, self->next_steps, "Sans 14", MARGIN, y, text_width);
  draw_text (cr, _("Please keep this receipt. Give the reference number if you ask about your request."),
             "Sans 12", MARGIN, MAX (y, height - MARGIN - 60), text_width);

  cairo_restore (cr);
}

char *
bk_receipt_dup_text (const BkReceipt *self)
{
  g_autofree char *when = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  when = bk_receipt_dup_local_time (self);
  /* Translators: the receipt as text for a phone: title, number, date,
   * office, one a line */
  return g_strdup_printf (_("%s\nReference number: %s\nSent: %s\nDealt with by: %s"),
                          self->title ? self->title : "", self->reference ? self->reference : "",
                          when ? when : "", self->office ? self->office : "");
}

/* A missing or odd language only warns: the receipt is complete and
 * readable without /Lang, and the citizen still needs it. */
static void
set_pdf_language (const BkReceipt *self,
                  const char      *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *lang = NULL;
  char *cut;

  if (self->language == NULL || self->language[0] == '\0')
    {
      g_warning ("%s: the receipt has no language, the PDF gets no /Lang", path);
      return;
    }

  /* A locale name ("de_AT.UTF-8") becomes a language tag ("de-AT"). */
  lang = g_strdup (self->language);
  cut = strpbrk (lang, ".@");
  if (cut != NULL)
    *cut = '\0';
  g_strdelimit (lang, "_", '-');

  if (!bk_pdf_set_language (path, lang, &error))
    g_warning ("Could not set the language of the receipt: %s", error->message);
}

gboolean
bk_receipt_write_pdf (const BkReceipt *self,
                      const char      *path,
                      GError         **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  surface = cairo_pdf_surface_create (path, A4_WIDTH, A4_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title ? self->title : "");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Bürgerkiosk");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, self->reference ? self->reference : "");

  cr = cairo_create (surface);
  bk_receipt_draw (self, cr, A4_WIDTH, A4_HEIGHT);
  cairo_show_page (cr);
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not write the receipt to %s: %s"), path, cairo_status_to_string (status));
      return FALSE;
    }

  set_pdf_language (self, path);
  return TRUE;
}

/* Written to a private temporary folder and read back: the language is
 * added to a finished file (bk_pdf_set_language). The receipt holds no
 * answers, only what the printed one shows. */
GBytes *
bk_receipt_dup_pdf (const BkReceipt *self,
                    GError         **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  char *contents = NULL;
  gsize length = 0;
  gboolean ok;

  g_return_val_if_fail (self != NULL, NULL);

  dir = g_dir_make_tmp ("bk-receipt-XXXXXX", error);
  if (dir == NULL)
    return NULL;
  path = g_build_filename (dir, "receipt.pdf", NULL);
  ok = bk_receipt_write_pdf (self, path, error) && g_file_get_contents (path, &contents, &length, error);
  g_remove (path);
  g_rmdir (dir);
  return ok ? g_bytes_new_take (contents, length) : NULL;
}

/* ---- printing ------------------------------------------------------------ */

typedef struct
{
  BkReceipt  *receipt;
  char       *printer_name;   /* the one to use, or NULL: the first real one */
  GtkPrinter *printer;
  guint       timeout_source;
} PrintData;

static void
print_data_free (PrintData *data)
{
  g_clear_handle_id (&data->timeout_source, g_source_remove);
  bk_receipt_free (data->receipt);
  g_free (data->printer_name);
  g_clear_object (&data->printer);
  g_free (data);
}

/* A printer that puts paper out: never "Print to File", nothing paused. */
static gboolean
is_usable (GtkPrinter *printer)
{
  return !gtk_printer_is_virtual (printer) &&
         gtk_printer_is_active (printer) &&
         gtk_printer_is_accepting_jobs (printer) &&
         !gtk_printer_is_paused (printer);
}

static gboolean
printer_found_cb (GtkPrinter *printer,
                  gpointer    user_data)
{
  GTask *task = user_data;
  PrintData *data = g_task_get_task_data (task);

  if (g_task_get_completed (task) || data->printer != NULL)
    return TRUE;
  if (data->printer_name != NULL ? g_strcmp0 (gtk_printer_get_name (printer), data->printer_name) == 0
                                 : is_usable (printer))
    {
      data->printer = g_object_ref (printer);
      return TRUE;
    }
  return FALSE;
}

static void
job_sent_cb (GtkPrintJob  *job,
             gpointer      user_data,
             const GError *error)
{
  g_autoptr(GTask) task = user_data;

  if (g_task_get_completed (task) || g_task_had_error (task))
    return;
  if (error != NULL)
    g_task_return_error (task, g_error_copy (error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
send_job (GTask *task)
{
  PrintData *data = g_task_get_task_data (task);
  g_autoptr(GtkPrintSettings) settings = gtk_print_settings_new ();
  g_autoptr(GtkPageSetup) page_setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autoptr(GtkPrintJob) job = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;

  gtk_page_setup_set_paper_size_and_default_margins (page_setup, a4);
  job = gtk_print_job_new (data->receipt->reference ? data->receipt->reference : "receipt",
                           data->printer, settings, page_setup);
  surface = gtk_print_job_get_surface (job, &error);
  if (surface == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  cr = cairo_create (surface);
  bk_receipt_draw (data->receipt, cr,
                   gtk_page_setup_get_paper_width (page_setup, GTK_UNIT_POINTS),
                   gtk_page_setup_get_paper_height (page_setup, GTK_UNIT_POINTS));
  cairo_show_page (cr);
  cairo_destroy (cr);
  gtk_print_job_send (job, job_sent_cb, g_object_ref (task), NULL);
}

/* The printers are all known: print on the one found, or say there is none. */
static void
printers_listed_cb (gpointer user_data)
{
  g_autoptr(GTask) task = user_data;
  PrintData *data = g_task_get_task_data (task);

  if (g_task_get_completed (task) || g_task_had_error (task))
    return;
  if (data->printer == NULL)
    {
      if (data->printer_name != NULL)
        g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                                 /* Translators: %s is the printer's name in the kiosk settings */
                                 _("the printer “%s” was not found"), data->printer_name);
      else
        g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                                 "%s", _("this kiosk has no printer"));
      return;
    }
  send_job (task);
}

static gboolean
print_timeout_cb (gpointer user_data)
{
  GTask *task = user_data;
  PrintData *data = g_task_get_task_data (task);

  data->timeout_source = 0;
  if (!g_task_get_completed (task) && !g_task_had_error (task))
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                             "%s", _("the printer does not answer"));
  return G_SOURCE_REMOVE;
}

void
bk_receipt_print_async (const BkReceipt     *self,
                        const char          *printer_name,
                        guint                timeout_ms,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  PrintData *data;

  g_return_if_fail (self != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, bk_receipt_print_async);
  g_task_set_check_cancellable (task, TRUE);
  data = g_new0 (PrintData, 1);
  data->receipt = bk_receipt_copy (self);
  data->printer_name = printer_name && printer_name[0] != '\0' ? g_strdup (printer_name) : NULL;
  g_task_set_task_data (task, data, (GDestroyNotify) print_data_free);

  /* The answer comes through the main loop: no nested loop, no dialog. */
  data->timeout_source = g_timeout_add (MAX (timeout_ms, 1), print_timeout_cb, task);
  gtk_enumerate_printers (printer_found_cb, g_object_ref (task), printers_listed_cb, FALSE);
}

gboolean
bk_receipt_print_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
