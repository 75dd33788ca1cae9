/* bk-staff-outbox.c: the outbox on the staff page
 *
 * Where the citizens' submissions are: how many wait, are being sent, were
 * delivered, accepted, rejected or failed; the oldest one still waiting and
 * for how long; the last problem in words; bundles removed unsent after the
 * retention period; and a Send again button for each one that needs staff.
 * Without a delivery file it says that submissions stay for the export.
 * It follows the outbox while it is shown.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-staff-page"

#include "bk-config.h"

#include <glib/gi18n.h>

#include "bk-staff-log.h"
#include "bk-staff-outbox-private.h"
#include "bk-store-outbox.h"
#include "bk-ui.h"

/* Changes during a busy delivery are shown at most this often. */
#define REFRESH_MS 500
#define MAX_NEEDING_STAFF 10

struct _BkStaffOutbox
{
  GtkWidget  parent_instance;

  BkOutbox  *outbox;
  BkStore   *store;
  gulong     changed_handler;
  guint      refresh_source;

  GtkWidget *intro;
  GtkWidget *counts;
  GtkWidget *oldest;
  GtkWidget *problem;
  GtkWidget *expired;
  GtkWidget *staff_list;
  GtkWidget *status;
};

G_DEFINE_FINAL_TYPE (BkStaffOutbox, bk_staff_outbox, GTK_TYPE_WIDGET)

static void
set_text (GtkWidget  *label,
          const char *text)
{
  gtk_label_set_text (GTK_LABEL (label), text ? text : "");
  gtk_widget_set_visible (label, text != NULL && text[0] != '\0');
}

static void
retry_clicked_cb (GtkButton     *button,
                  BkStaffOutbox *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "bk-entry"));
  const char *reference = g_object_get_data (G_OBJECT (button), "bk-reference");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (self->outbox == NULL)
    return;
  if (bk_outbox_retry (self->outbox, id, &error))
    {
      /* Translators: on the staff page; %s is a reference number */
      text = g_strdup_printf (_("%s will be sent again now."), reference);
      bk_staff_log (G_LOG_LEVEL_MESSAGE, "outbox-retry", reference, "A submission is sent again on staff's request");
    }
  else
    /* Translators: on the staff page; %s says why */
    text = g_strdup_printf (_("It cannot be sent again: %s"), error->message);
  set_text (self->status, text);
  bk_staff_outbox_refresh (self);
}

/* The entries that wait for staff: failed or rejected, bundle still there. */
static void
fill_needing_staff (BkStaffOutbox *self)
{
  g_autoptr(GPtrArray) failed = bk_store_outbox_list (self->store, BK_OUTBOX_FAILED, MAX_NEEDING_STAFF, NULL);
  g_autoptr(GPtrArray) rejected = bk_store_outbox_list (self->store, BK_OUTBOX_REJECTED, MAX_NEEDING_STAFF, NULL);
  GPtrArray *lists[] = { failed, rejected };

  bk_ui_unparent_children (self->staff_list);
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; lists[l] != NULL && i < lists[l]->len; i++)
      {
        BkOutboxEntry *entry = g_ptr_array_index (lists[l], i);
        g_autofree char *words = bk_outbox_describe_problem (entry->last_error);
        g_autofree char *line = NULL;
        g_autofree char *name = NULL;
        GtkWidget *row, *label, *button;

        if (entry->bundle_removed != NULL)
          continue;
        /* Translators: on the staff page: reference, where it went, what happened */
        line = g_strdup_printf (_("%s to %s: %s"), entry->reference, entry->recipient,
                                words ? words : bk_outbox_state_describe (entry->state));
        row = g_object_new (GTK_TYPE_BOX, "spacing", 12, NULL);
        label = bk_ui_wrap_label_new (line, NULL);
        gtk_widget_set_hexpand (label, TRUE);
        button = gtk_button_new_with_label (_("Send again"));
        /* Translators: the name of a Send again button; %s is a reference number */
        name = g_strdup_printf (_("Send %s again"), entry->reference);
        bk_ui_set_accessible (button, name, NULL);
        g_object_set_data (G_OBJECT (button), "bk-entry", GSIZE_TO_POINTER ((gsize) entry->id));
        g_object_set_data_full (G_OBJECT (button), "bk-reference", g_strdup (entry->reference), g_free);
        g_signal_connect (button, "clicked", G_CALLBACK (retry_clicked_cb), self);
        gtk_box_append (GTK_BOX (row), label);
        gtk_box_append (GTK_BOX (row), button);
        gtk_box_append (GTK_BOX (self->staff_list), row);
      }
  gtk_widget_set_visible (self->staff_list, gtk_widget_get_first_child (self->staff_list) != NULL);
}

void
bk_staff_outbox_refresh (BkStaffOutbox *self)
{
  g_auto(BkOutboxSummary) summary = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) counts = NULL;

  g_return_if_fail (BK_IS_STAFF_OUTBOX (self));
  g_clear_handle_id (&self->refresh_source, g_source_remove);

  if (self->outbox == NULL)
    {
      set_text (self->intro, _("This kiosk has no delivery file: submissions stay on it until they are "
                               "exported (below)."));
      set_text (self->counts, NULL);
      set_text (self->oldest, NULL);
      set_text (self->problem, NULL);
      set_text (self->expired, NULL);
      bk_ui_unparent_children (self->staff_list);
      gtk_widget_set_visible (self->staff_list, FALSE);
      return;
    }
  {
    g_autofree char *intro = NULL;

    /* Translators: on the staff page; %s is the delivery file */
    intro = g_strdup_printf (_("Submissions go encrypted to their destinations as set in %s. "
                               "Those without a destination are exported below."),
                             bk_delivery_config_get_settings (bk_outbox_get_config (self->outbox))->path);
    set_text (self->intro, intro);
  }
  if (!bk_outbox_summarize (self->outbox, &summary, &error))
    {
      set_text (self->counts, error->message);
      return;
    }
  counts = g_string_new (NULL);
  for (guint s = 0; s < BK_OUTBOX_N_STATES; s++)
    {
      if (counts->len > 0)
        g_string_append_c (counts, '\n');
      /* Translators: one line of the outbox counts on the staff page: a state and a number */
      g_string_append_printf (counts, _("%s: %u"), bk_outbox_state_describe ((BkOutboxState) s), summary.counts[s]);
    }
  set_text (self->counts, counts->str);
  if (summary.oldest_waiting > 0)
    {
      g_autofree char *age = bk_outbox_dup_age (summary.oldest_waiting);
      /* Translators: on the staff page: a reference number and how long it has been waiting */
      g_autofree char *text = g_strdup_printf (_("Oldest waiting: %s, for %s."), summary.oldest_reference, age);

      set_text (self->oldest, text);
    }
  else
    set_text (self->oldest, _("Nothing is waiting to be sent."));
  if (summary.last_error != NULL)
    {
      g_autofree char *words = bk_outbox_describe_problem (summary.last_error);
      g_autofree char *when = bk_outbox_dup_time (summary.last_error_at);
      /* Translators: on the staff page: when, and the problem in words */
      g_autofree char *text = g_strdup_printf (_("Last problem (%s): %s"), when, words);

      set_text (self->problem, text);
    }
  else
    set_text (self->problem, NULL);
  if (summary.expired > 0)
    {
      g_autofree char *text = bk_outbox_dup_expired_text (summary.expired);

      set_text (self->expired, text);
    }
  else
    set_text (self->expired, NULL);
  fill_needing_staff (self);
}

static gboolean
refresh_cb (gpointer data)
{
  BkStaffOutbox *self = data;

  self->refresh_source = 0;
  bk_staff_outbox_refresh (self);
  return G_SOURCE_REMOVE;
}

static void
outbox_changed_cb (BkStaffOutbox *self)
{
  if (self->refresh_source == 0 && gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->refresh_source = g_timeout_add (REFRESH_MS, refresh_cb, self);
}

void
bk_staff_outbox_set_outbox (BkStaffOutbox *self,
                            BkOutbox      *outbox,
                            BkStore       *store)
{
  g_return_if_fail (BK_IS_STAFF_OUTBOX (self));

  g_clear_signal_handler (&self->changed_handler, self->outbox);
  g_set_object (&self->outbox, outbox);
  g_set_object (&self->store, store);
  if (outbox != NULL && store == NULL)
    g_clear_object (&self->outbox);
  if (self->outbox != NULL)
    self->changed_handler = g_signal_connect_object (self->outbox, "changed", G_CALLBACK (outbox_changed_cb),
                                                     self, G_CONNECT_SWAPPED);
  set_text (self->status, NULL);
  bk_staff_outbox_refresh (self);
}

static void
bk_staff_outbox_dispose (GObject *object)
{
  BkStaffOutbox *self = BK_STAFF_OUTBOX (object);

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_clear_signal_handler (&self->changed_handler, self->outbox);
  g_clear_object (&self->outbox);
  g_clear_object (&self->store);
  bk_ui_unparent_children (GTK_WIDGET (self));
  G_OBJECT_CLASS (bk_staff_outbox_parent_class)->dispose (object);
}

static void
bk_staff_outbox_class_init (BkStaffOutboxClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = bk_staff_outbox_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BOX_LAYOUT);
}

static GtkWidget *
add_label (BkStaffOutbox *self,
           gboolean       status)
{
  GtkWidget *label = bk_ui_wrap_label_new ("", NULL);

  if (status)
    g_object_set (label, "accessible-role", GTK_ACCESSIBLE_ROLE_STATUS, NULL);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_visible (label, FALSE);
  gtk_widget_set_parent (label, GTK_WIDGET (self));
  return label;
}

static void
bk_staff_outbox_init (BkStaffOutbox *self)
{
  GtkWidget *heading = gtk_label_new (_("Submissions on their way"));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 12);

  g_object_set (heading, "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING, NULL);
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "title-2");
  gtk_accessible_update_property (GTK_ACCESSIBLE (heading), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  gtk_widget_set_parent (heading, GTK_WIDGET (self));

  self->intro = add_label (self, FALSE);
  self->counts = add_label (self, FALSE);
  self->oldest = add_label (self, FALSE);
  self->problem = add_label (self, FALSE);
  self->expired = add_label (self, FALSE);
  self->staff_list = g_object_new (GTK_TYPE_BOX, "orientation", GTK_ORIENTATION_VERTICAL, "spacing", 12,
                                   "visible", FALSE, NULL);
  gtk_widget_set_parent (self->staff_list, GTK_WIDGET (self));
  self->status = add_label (self, TRUE);
  bk_staff_outbox_refresh (self);
}

GtkWidget *
bk_staff_outbox_new (void)
{
  return g_object_new (BK_TYPE_STAFF_OUTBOX, NULL);
}

const char *
bk_staff_outbox_get_counts_text (BkStaffOutbox *self)
{
  g_return_val_if_fail (BK_IS_STAFF_OUTBOX (self), NULL);
  return gtk_label_get_text (GTK_LABEL (self->counts));
}

const char *
bk_staff_outbox_get_problem_text (BkStaffOutbox *self)
{
  g_return_val_if_fail (BK_IS_STAFF_OUTBOX (self), NULL);
  return gtk_label_get_text (GTK_LABEL (self->problem));
}

const char *
bk_staff_outbox_get_intro_text (BkStaffOutbox *self)
{
  g_return_val_if_fail (BK_IS_STAFF_OUTBOX (self), NULL);
  return gtk_label_get_text (GTK_LABEL (self->intro));
}
