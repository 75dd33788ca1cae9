/* bk-screen-reader.c: is a screen reader listening?
 *
 * The kiosk's own voice keeps quiet on focus moves and page changes while a
 * screen reader speaks them. GNOME tells through org.a11y.Status
 * ScreenReaderEnabled, but that only mirrors a desktop setting: Orca
 * started by hand, by a unit or under cage leaves it false. So the kiosk
 * also asks the accessibility bus's registry which events its clients
 * listen to (GetRegisteredEvents, and again whenever a listener or a
 * client comes or goes). A client that follows both the focus and the
 * text caret presents the focus to someone: a screen reader (Orca 43
 * registers both, among some 40 others). Tools that only read the tree,
 * or only watch the focus (a magnifier), do not count. Nothing is
 * started: both buses are only asked.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-screen-reader"

#include "bk-config.h"

#include "bk-screen-reader-private.h"

#define REGISTRY_NAME  "org.a11y.atspi.Registry"
#define REGISTRY_PATH  "/org/a11y/atspi/registry"
#define REGISTRY_IFACE "org.a11y.atspi.Registry"
/* Listeners come in bursts (Orca registers ~40 at start): ask once after. */
#define REQUERY_DELAY_MS 150

struct _BkScreenReader
{
  GObject          parent_instance;

  GCancellable    *cancellable;
  GDBusProxy      *status;          /* org.a11y.Status on the session bus */
  GDBusConnection *a11y_bus;
  guint            registry_signal;
  guint            owner_signal;
  guint            requery_source;
  gboolean         status_says;     /* ScreenReaderEnabled */
  gboolean         registry_says;   /* a client listens like a screen reader */
  gboolean         running;
};

G_DEFINE_FINAL_TYPE (BkScreenReader, bk_screen_reader, G_TYPE_OBJECT)

enum { PROP_0, PROP_RUNNING, N_PROPS };
static GParamSpec *properties[N_PROPS];

/* "Object:StateChanged:" (and "Object:", and "" for everything) covers
 * "Object:StateChanged:Focused"; the registry keeps trailing colons. */
static gboolean
event_covers (const char *registered,
              const char *wanted)
{
  gsize len = strlen (registered);

  while (len > 0 && registered[len - 1] == ':')
    len--;
  if (len == 0)
    return TRUE;
  if (strncmp (registered, wanted, len) != 0)
    return FALSE;
  return wanted[len] == '\0' || wanted[len] == ':';
}

static gboolean
event_is_focus (const char *registered)
{
  return event_covers (registered, "Object:StateChanged:Focused") ||
         event_covers (registered, "Focus:");
}

gboolean
_bk_screen_reader_events_say_reader (GVariant *events)
{
  g_autoptr(GHashTable) focus = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) caret = g_hash_table_new (g_str_hash, g_str_equal);
  GVariantIter iter;
  const char *client, *event;

  g_return_val_if_fail (g_variant_is_of_type (events, G_VARIANT_TYPE ("a(ss)")), FALSE);

  g_variant_iter_init (&iter, events);
  while (g_variant_iter_next (&iter, "(&s&s)", &client, &event))
    {
      if (event_is_focus (event))
        g_hash_table_add (focus, (gpointer) client);
      if (event_covers (event, "Object:TextCaretMoved"))
        g_hash_table_add (caret, (gpointer) client);
    }

  g_variant_iter_init (&iter, events);
  while (g_variant_iter_next (&iter, "(&s&s)", &client, &event))
    if (g_hash_table_contains (focus, client) && g_hash_table_contains (caret, client))
      return TRUE;
  return FALSE;
}

static void
update_running (BkScreenReader *self)
{
  gboolean running = self->status_says || self->registry_says;

  if (running == self->running)
    return;
  self->running = running;
  g_debug ("Screen reader %s (desktop setting %s, listener on the accessibility bus %s)",
           running ? "listening" : "gone", self->status_says ? "on" : "off",
           self->registry_says ? "yes" : "no");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

/* ---- the accessibility bus's registry ------------------------------------ */

static void
registered_events_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  g_autoptr(GVariant) events = NULL;
  BkScreenReader *self;

  if (reply == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("The accessibility registry did not say its listeners: %s", error->message);
      return;
    }
  self = BK_SCREEN_READER (user_data);
  events = g_variant_get_child_value (reply, 0);
  self->registry_says = _bk_screen_reader_events_say_reader (events);
  update_running (self);
}

static gboolean
requery_cb (gpointer user_data)
{
  BkScreenReader *self = BK_SCREEN_READER (user_data);

  self->requery_source = 0;
  g_dbus_connection_call (self->a11y_bus, REGISTRY_NAME, REGISTRY_PATH, REGISTRY_IFACE,
                          "GetRegisteredEvents", NULL, G_VARIANT_TYPE ("(a(ss))"),
                          G_DBUS_CALL_FLAGS_NO_AUTO_START, -1, self->cancellable,
                          registered_events_cb, self);
  return G_SOURCE_REMOVE;
}

static void
listeners_changed_cb (GDBusConnection *connection,
                      const char      *sender,
                      const char      *path,
                      const char      *interface,
                      const char      *signal,
                      GVariant        *parameters,
                      gpointer         user_data)
{
  BkScreenReader *self = BK_SCREEN_READER (user_data);

  if (self->requery_source == 0)
    self->requery_source = g_timeout_add (REQUERY_DELAY_MS, requery_cb, self);
}

static void
a11y_bus_ready_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  GDBusConnection *bus = g_dbus_connection_new_for_address_finish (result, &error);
  BkScreenReader *self;

  if (bus == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("No accessibility bus: %s", error->message);
      return;
    }
  self = BK_SCREEN_READER (user_data);
  self->a11y_bus = bus;
  /* EventListenerRegistered and ...Deregistered; a client that ends takes
   * its listeners along without a signal of the registry's. */
  self->registry_signal = g_dbus_connection_signal_subscribe (bus, REGISTRY_NAME, REGISTRY_IFACE, NULL,
                                                              REGISTRY_PATH, NULL, G_DBUS_SIGNAL_FLAGS_NONE,
                                                              listeners_changed_cb, self, NULL);
  self->owner_signal = g_dbus_connection_signal_subscribe (bus, "org.freedesktop.DBus", "org.freedesktop.DBus",
                                                           "NameOwnerChanged", "/org/freedesktop/DBus", NULL,
                                                           G_DBUS_SIGNAL_FLAGS_NONE,
                                                           listeners_changed_cb, self, NULL);
  requery_cb (self);
}

static void
connect_a11y_bus (BkScreenReader *self,
                  const char     *address)
{
  g_dbus_connection_new_for_address (address,
                                     G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                     G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                     NULL, self->cancellable, a11y_bus_ready_cb, self);
}

static void
bus_address_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = g_dbus_proxy_call_finish (G_DBUS_PROXY (source), result, &error);
  const char *address;

  if (reply == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("The accessibility bus has no address: %s", error->message);
      return;
    }
  g_variant_get (reply, "(&s)", &address);
  connect_a11y_bus (BK_SCREEN_READER (user_data), address);
}

/* ---- org.a11y.Status on the session bus ---------------------------------- */

/* GTK starts the accessibility bus itself when it opens the display; the
 * kiosk only asks once it is there. */
static void
ask_bus_address (BkScreenReader *self)
{
  g_autofree char *owner = g_dbus_proxy_get_name_owner (self->status);

  if (owner == NULL || self->a11y_bus != NULL)
    return;
  g_dbus_proxy_call (self->status, "org.a11y.Bus.GetAddress", NULL, G_DBUS_CALL_FLAGS_NO_AUTO_START, -1,
                     self->cancellable, bus_address_cb, self);
}

static void
status_changed_cb (BkScreenReader *self)
{
  g_autoptr(GVariant) value = g_dbus_proxy_get_cached_property (self->status, "ScreenReaderEnabled");

  self->status_says = value != NULL && g_variant_is_of_type (value, G_VARIANT_TYPE_BOOLEAN) &&
                      g_variant_get_boolean (value);
  update_running (self);
}

static void
status_ready_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  GDBusProxy *proxy = g_dbus_proxy_new_for_bus_finish (result, &error);
  BkScreenReader *self;
  const char *address;

  if (proxy == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("No accessibility status on the session bus: %s", error->message);
      return;
    }
  self = BK_SCREEN_READER (user_data);
  self->status = proxy;
  g_signal_connect_object (proxy, "g-properties-changed",
                           G_CALLBACK (status_changed_cb), self, G_CONNECT_SWAPPED);
  status_changed_cb (self);

  /* The same bus GTK talks to: the variable first, as GTK does. */
  address = g_getenv ("AT_SPI_BUS_ADDRESS");
  if (address != NULL && address[0] != '\0')
    connect_a11y_bus (self, address);
  else
    {
      g_signal_connect_object (proxy, "notify::g-name-owner",
                               G_CALLBACK (ask_bus_address), self, G_CONNECT_SWAPPED);
      ask_bus_address (self);
    }
}

/* ---- the object ------------------------------------------------------------ */

static void
bk_screen_reader_dispose (GObject *object)
{
  BkScreenReader *self = BK_SCREEN_READER (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->requery_source, g_source_remove);
  if (self->a11y_bus != NULL)
    {
      if (self->registry_signal != 0)
        g_dbus_connection_signal_unsubscribe (self->a11y_bus, self->registry_signal);
      if (self->owner_signal != 0)
        g_dbus_connection_signal_unsubscribe (self->a11y_bus, self->owner_signal);
      self->registry_signal = self->owner_signal = 0;
    }
  g_clear_object (&self->a11y_bus);
  g_clear_object (&self->status);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (bk_screen_reader_parent_class)->dispose (object);
}

static void
bk_screen_reader_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  BkScreenReader *self = BK_SCREEN_READER (object);

  switch (prop_id)
    {
    case PROP_RUNNING:
      g_value_set_boolean (value, self->running);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_screen_reader_class_init (BkScreenReaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bk_screen_reader_dispose;
  object_class->get_property = bk_screen_reader_get_property;

  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bk_screen_reader_init (BkScreenReader *self)
{
  self->cancellable = g_cancellable_new ();
}

BkScreenReader *
bk_screen_reader_new (void)
{
  BkScreenReader *self = g_object_new (BK_TYPE_SCREEN_READER, NULL);

  /* The callbacks hold no reference: dispose cancels them first. */
  g_dbus_proxy_new_for_bus (G_BUS_TYPE_SESSION,
                            G_DBUS_PROXY_FLAGS_DO_NOT_AUTO_START_AT_CONSTRUCTION,
                            NULL, "org.a11y.Bus", "/org/a11y/bus", "org.a11y.Status",
                            self->cancellable, status_ready_cb, self);
  return self;
}

gboolean
bk_screen_reader_get_running (BkScreenReader *self)
{
  g_return_val_if_fail (BK_IS_SCREEN_READER (self), FALSE);

  return self->running;
}
