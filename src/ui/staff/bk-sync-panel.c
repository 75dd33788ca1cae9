/* bk-sync-panel.c: the council information systems on the staff page
 *
 * Each OParl endpoint the kiosk syncs from (the setting oparl-endpoints,
 * and any other the database knows, e.g. from buergerkiosk-ctl sync) with
 * its health: when it was last synced (and last in full), the last problem
 * in words, how many papers and meetings came from it, how many texts are
 * still to fetch or could not be read. Staff add an endpoint (a display
 * name and the System URL) or remove one, and start a sync now or a full
 * one. Every change of the setting is logged (bk-staff-log.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-staff-page"

#include "bk-config.h"

#include <glib/gi18n.h>

#include "bk-staff-log.h"
#include "bk-store-sync.h"
#include "bk-sync-panel-private.h"
#include "bk-ui.h"
#include "bk-wrap-layout.h"

struct _BkSyncPanel
{
  GtkWidget      parent_instance;

  BkStore       *store;
  BkSettings    *settings;
  BkSyncService *sync;

  GtkWidget     *box;
  GtkWidget     *endpoints_box;
  GtkWidget     *name_entry;
  GtkWidget     *url_entry;
  GtkWidget     *add_button;
  GtkWidget     *sync_button;
  GtkWidget     *full_button;
  GtkWidget     *status_label;
};

G_DEFINE_FINAL_TYPE (BkSyncPanel, bk_sync_panel, GTK_TYPE_WIDGET)

static void
set_status (BkSyncPanel *self,
            const char  *text)
{
  gtk_label_set_text (GTK_LABEL (self->status_label), text != NULL ? text : "");
  gtk_widget_set_visible (self->status_label, text != NULL && text[0] != '\0');
}

static GtkWidget *
heading_new (const char *text,
             int         level)
{
  GtkWidget *label = bk_ui_wrap_label_new (text, level == 2 ? "title-2" : "title-3");

  g_object_set (label, "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LEVEL, level, -1);
  return label;
}

static GtkWidget *
text_new (const char *text)
{
  GtkWidget *label = bk_ui_wrap_label_new (text, NULL);

  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  return label;
}

/* ---- the setting --------------------------------------------------------- */

/* The configured pairs (name, url), in order. */
static GVariant *
configured (BkSyncPanel *self)
{
  GVariant *value = self->settings != NULL ? bk_settings_get_variant (self->settings, "oparl-endpoints") : NULL;

  return value != NULL ? value : g_variant_new ("a(ss)", NULL);
}

static void
write_endpoints (BkSyncPanel     *self,
                 GVariantBuilder *builder)
{
  g_autoptr(GVariant) value = g_variant_ref_sink (g_variant_builder_end (builder));

  bk_settings_set_variant (self->settings, "oparl-endpoints", value);
  bk_staff_log (G_LOG_LEVEL_MESSAGE, "settings-change", "oparl-endpoints", "Kiosk setting changed in staff mode");
}

static void
remove_clicked_cb (GtkButton   *button,
                   BkSyncPanel *self)
{
  const char *url = g_object_get_data (G_OBJECT (button), "bk-url");
  g_autoptr(GVariant) value = g_variant_ref_sink (configured (self));
  GVariantBuilder builder;
  GVariantIter iter;
  const char *name, *entry_url;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(ss)"));
  g_variant_iter_init (&iter, value);
  while (g_variant_iter_next (&iter, "(&s&s)", &name, &entry_url))
    if (g_strcmp0 (entry_url, url) != 0)
      g_variant_builder_add (&builder, "(ss)", name, entry_url);
  write_endpoints (self, &builder);
  bk_sync_panel_refresh (self);
}

static void
add_clicked_cb (BkSyncPanel *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_entry))));
  g_autofree char *url = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->url_entry))));
  g_autoptr(GVariant) value = NULL;
  g_autoptr(GUri) uri = NULL;
  GVariantBuilder builder;
  GVariantIter iter;
  const char *old_name, *old_url;

  if (self->settings == NULL)
    return;
  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL ||
      (g_strcmp0 (g_uri_get_scheme (uri), "https") != 0 && g_strcmp0 (g_uri_get_scheme (uri), "http") != 0))
    {
      /* Translators: the staff page, when the address of a council information system is wrong */
      set_status (self, _("Please give the address of the OParl System, starting with https://"));
      return;
    }
  value = g_variant_ref_sink (configured (self));
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(ss)"));
  g_variant_iter_init (&iter, value);
  while (g_variant_iter_next (&iter, "(&s&s)", &old_name, &old_url))
    if (g_strcmp0 (old_url, url) != 0)
      g_variant_builder_add (&builder, "(ss)", old_name, old_url);
  g_variant_builder_add (&builder, "(ss)", name, url);
  write_endpoints (self, &builder);
  gtk_editable_set_text (GTK_EDITABLE (self->name_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->url_entry), "");
  /* Translators: the staff page, after a council information system was added */
  set_status (self, _("Added. The next sync fetches its data."));
  bk_sync_panel_refresh (self);
}

/* ---- syncing ------------------------------------------------------------- */

static void
sync_clicked_cb (BkSyncPanel *self,
                 GtkButton   *button)
{
  gboolean full = GTK_WIDGET (button) == self->full_button;

  if (self->sync == NULL)
    return;
  bk_staff_log (G_LOG_LEVEL_MESSAGE, full ? "sync-full" : "sync", NULL, "Sync started in staff mode");
  bk_sync_service_sync_now (self->sync, full);
  /* Translators: the staff page while a sync runs */
  set_status (self, _("Syncing in the background…"));
}

static void
sync_finished_cb (BkSyncPanel *self,
                  gboolean     changed,
                  const char  *problems)
{
  g_autofree char *text = NULL;

  if (problems != NULL)
    /* Translators: the staff page after a sync: what went wrong, one endpoint a line */
    text = g_strdup_printf (_("The sync ended with problems:\n%s"), problems);
  bk_sync_panel_refresh (self);
  /* Translators: the staff page after a sync */
  set_status (self, text != NULL ? text : _("The sync is done."));
}

/* ---- the list ------------------------------------------------------------ */

static char *
describe_when (const char *iso)
{
  g_autofree char *when = bk_ui_format_freshness (iso);

  /* Translators: an endpoint that was never synced */
  return when != NULL ? g_steal_pointer (&when) : g_strdup (_("never"));
}

static GtkWidget *
endpoint_new (BkSyncPanel              *self,
              const char               *url,
              const char               *name,
              const BkSyncEndpointInfo *info,
              gboolean                  removable)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  const char *shown = name != NULL && name[0] != '\0' ? name
                      : (info != NULL && info->system_name != NULL ? info->system_name : url);
  g_autofree char *success = describe_when (info != NULL ? info->last_success : NULL);
  g_autofree char *full = describe_when (info != NULL ? info->last_full : NULL);
  g_autofree char *when = NULL;
  g_autofree char *counts = NULL;

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "sync-endpoint");
  gtk_box_append (GTK_BOX (card), heading_new (shown, 3));
  gtk_box_append (GTK_BOX (card), text_new (url));
  /* Translators: an endpoint's health on the staff page */
  when = g_strdup_printf (_("Last synced: %s (in full: %s)"), success, full);
  gtk_box_append (GTK_BOX (card), text_new (when));
  /* Translators: an endpoint's health on the staff page */
  counts = g_strdup_printf (_("%u papers, %u meetings; texts still to fetch: %u; texts not readable: %u"),
                            info != NULL ? info->papers : 0, info != NULL ? info->meetings : 0,
                            info != NULL ? info->texts_pending : 0, info != NULL ? info->texts_unavailable : 0);
  gtk_box_append (GTK_BOX (card), text_new (counts));
  if (info != NULL && info->last_error != NULL)
    {
      g_autofree char *problem_when = describe_when (info->last_error_at);
      /* Translators: an endpoint's last problem on the staff page: when, then what */
      g_autofree char *problem = g_strdup_printf (_("Last problem (%s): %s"), problem_when, info->last_error);
      GtkWidget *label = text_new (problem);

      gtk_widget_add_css_class (label, "sync-problem");
      gtk_box_append (GTK_BOX (card), label);
    }
  else
    /* Translators: an endpoint's health on the staff page */
    gtk_box_append (GTK_BOX (card), text_new (_("No problems.")));

  if (removable)
    {
      GtkWidget *button = gtk_button_new_with_label (_("Remove"));
      /* Translators: the name of a button that removes a council information system; %s names it */
      g_autofree char *button_name = g_strdup_printf (_("Remove %s"), shown);

      gtk_widget_set_halign (button, GTK_ALIGN_START);
      bk_ui_set_accessible (button, button_name, NULL);
      g_object_set_data_full (G_OBJECT (button), "bk-url", g_strdup (url), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (remove_clicked_cb), self);
      gtk_box_append (GTK_BOX (card), button);
    }
  return card;
}

void
bk_sync_panel_refresh (BkSyncPanel *self)
{
  g_autoptr(GPtrArray) known = NULL;
  g_autoptr(GHashTable) shown = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GVariant) value = NULL;
  GVariantIter iter;
  const char *name, *url;

  g_return_if_fail (BK_IS_SYNC_PANEL (self));

  bk_ui_unparent_children (self->endpoints_box);
  if (self->store != NULL)
    known = bk_store_sync_list_endpoints (self->store, NULL);

  value = g_variant_ref_sink (configured (self));
  g_variant_iter_init (&iter, value);
  while (g_variant_iter_next (&iter, "(&s&s)", &name, &url))
    {
      const BkSyncEndpointInfo *info = NULL;

      for (guint i = 0; known != NULL && i < known->len; i++)
        if (g_str_equal (((BkSyncEndpointInfo *) g_ptr_array_index (known, i))->url, url))
          info = g_ptr_array_index (known, i);
      g_hash_table_add (shown, (gpointer) url);
      gtk_box_append (GTK_BOX (self->endpoints_box), endpoint_new (self, url, name, info, TRUE));
    }
  /* synced from elsewhere (buergerkiosk-ctl, --sync-url): health only */
  for (guint i = 0; known != NULL && i < known->len; i++)
    {
      const BkSyncEndpointInfo *info = g_ptr_array_index (known, i);

      if (!g_hash_table_contains (shown, info->url))
        gtk_box_append (GTK_BOX (self->endpoints_box), endpoint_new (self, info->url, info->name, info, FALSE));
    }
  if (gtk_widget_get_first_child (self->endpoints_box) == NULL)
    gtk_box_append (GTK_BOX (self->endpoints_box),
                    /* Translators: the staff page when no council information system is configured */
                    text_new (_("No council information system is configured yet.")));

  gtk_widget_set_sensitive (self->sync_button, self->sync != NULL);
  gtk_widget_set_sensitive (self->full_button, self->sync != NULL);
  gtk_widget_set_sensitive (self->add_button, self->settings != NULL);
  bk_ui_drop_doubled_names (GTK_WIDGET (self));
}

void
bk_sync_panel_set_services (BkSyncPanel   *self,
                            BkStore       *store,
                            BkSettings    *settings,
                            BkSyncService *sync)
{
  g_return_if_fail (BK_IS_SYNC_PANEL (self));

  g_set_object (&self->store, store);
  g_set_object (&self->settings, settings);
  if (self->sync != NULL)
    g_signal_handlers_disconnect_by_data (self->sync, self);
  g_set_object (&self->sync, sync);
  if (self->sync != NULL)
    g_signal_connect_object (self->sync, "finished", G_CALLBACK (sync_finished_cb), self, G_CONNECT_SWAPPED);
  bk_sync_panel_refresh (self);
}

/* ---- the widget ---------------------------------------------------------- */

static GtkWidget *
button_new (const char *label,
            const char *help)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_widget_set_halign (button, GTK_ALIGN_START);
  bk_ui_set_accessible (button, label, help);
  return button;
}

static GtkWidget *
entry_new (const char *name)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_widget_set_hexpand (entry, TRUE);
  bk_ui_set_accessible (entry, name, NULL);
  return entry;
}

static void
bk_sync_panel_dispose (GObject *object)
{
  BkSyncPanel *self = BK_SYNC_PANEL (object);

  if (self->sync != NULL)
    g_signal_handlers_disconnect_by_data (self->sync, self);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->sync);
  G_OBJECT_CLASS (bk_sync_panel_parent_class)->dispose (object);
}

static void
bk_sync_panel_class_init (BkSyncPanelClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = bk_sync_panel_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
bk_sync_panel_init (BkSyncPanel *self)
{
  GtkWidget *buttons;

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  /* Translators: a heading of the staff page */
  gtk_box_append (GTK_BOX (self->box), heading_new (_("Council information systems (OParl)"), 2));
  gtk_box_append (GTK_BOX (self->box),
                  text_new (_("The kiosk fetches motions, meetings and decisions from these council "
                              "information systems in the background, and shows its own copy when they "
                              "cannot be reached.")));
  self->endpoints_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_box_append (GTK_BOX (self->box), self->endpoints_box);

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_layout_manager (buttons, g_object_new (BK_TYPE_WRAP_LAYOUT, "spacing", 12,
                                                        "line-spacing", 12, NULL));
  self->sync_button = button_new (_("Sync now"),
                                  _("Fetches what changed on every council information system"));
  self->full_button = button_new (_("Full sync now"),
                                  _("Reads everything again and removes what the servers no longer have"));
  g_signal_connect_swapped (self->sync_button, "clicked", G_CALLBACK (sync_clicked_cb), self);
  g_signal_connect_swapped (self->full_button, "clicked", G_CALLBACK (sync_clicked_cb), self);
  gtk_box_append (GTK_BOX (buttons), self->sync_button);
  gtk_box_append (GTK_BOX (buttons), self->full_button);
  gtk_box_append (GTK_BOX (self->box), buttons);

  self->status_label = text_new ("");
  g_object_set (self->status_label, "accessible-role", GTK_ACCESSIBLE_ROLE_STATUS, NULL);
  gtk_widget_set_visible (self->status_label, FALSE);
  gtk_box_append (GTK_BOX (self->box), self->status_label);

  /* Translators: a heading of the staff page */
  gtk_box_append (GTK_BOX (self->box), heading_new (_("Add a council information system"), 3));
  gtk_box_append (GTK_BOX (self->box), text_new (_("Its name as citizens know it")));
  self->name_entry = entry_new (_("Name"));
  gtk_box_append (GTK_BOX (self->box), self->name_entry);
  gtk_box_append (GTK_BOX (self->box), text_new (_("The address of its OParl System, e.g. "
                                                   "https://ris.example.org/oparl/v1/system")));
  self->url_entry = entry_new (_("OParl System address"));
  gtk_box_append (GTK_BOX (self->box), self->url_entry);
  self->add_button = button_new (_("Add"), _("Adds the council information system to the kiosk's list"));
  g_signal_connect_swapped (self->add_button, "clicked", G_CALLBACK (add_clicked_cb), self);
  gtk_box_append (GTK_BOX (self->box), self->add_button);
  bk_sync_panel_refresh (self);
}

GtkWidget *
bk_sync_panel_new (void)
{
  return g_object_new (BK_TYPE_SYNC_PANEL, NULL);
}

/* ---- for tests ------------------------------------------------------------ */

GtkWidget *
bk_sync_panel_get_endpoints_box (BkSyncPanel *self)
{
  g_return_val_if_fail (BK_IS_SYNC_PANEL (self), NULL);
  return self->endpoints_box;
}

GtkWidget *
bk_sync_panel_get_name_entry (BkSyncPanel *self)
{
  g_return_val_if_fail (BK_IS_SYNC_PANEL (self), NULL);
  return self->name_entry;
}

GtkWidget *
bk_sync_panel_get_url_entry (BkSyncPanel *self)
{
  g_return_val_if_fail (BK_IS_SYNC_PANEL (self), NULL);
  return self->url_entry;
}

GtkWidget *
bk_sync_panel_get_add_button (BkSyncPanel *self)
{
  g_return_val_if_fail (BK_IS_SYNC_PANEL (self), NULL);
  return self->add_button;
}

const char *
bk_sync_panel_get_status (BkSyncPanel *self)
{
  g_return_val_if_fail (BK_IS_SYNC_PANEL (self), NULL);
  return gtk_label_get_text (GTK_LABEL (self->status_label));
}
