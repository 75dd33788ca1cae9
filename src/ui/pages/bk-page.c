/* bk-page.c: what every page of the kiosk window offers it
 *
 * The window routes and keeps the history; what differs from page to page
 * (what is said when it shows, its help, what it reads aloud, what it
 * forgets, which form context it gives) is asked of the page through this
 * interface, as GNOME Calendar asks its GcalView and gnome-software its
 * GsPage. A new page is one implementation, not an edit of the window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-page"

#include "bk-config.h"

#include "bk-page.h"

G_DEFINE_INTERFACE (BkPage, bk_page, GTK_TYPE_WIDGET)

enum { STATUS_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
bk_page_default_init (BkPageInterface *iface)
{
  g_object_interface_install_property (iface,
      g_param_spec_object ("context", NULL, NULL,
                           BK_TYPE_CONTEXT,
                           G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  signals[STATUS_CHANGED] =
    g_signal_new ("status-changed",
                  G_TYPE_FROM_INTERFACE (iface),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

char *
bk_page_dup_summary (BkPage *self)
{
  BkPageInterface *iface;

  g_return_val_if_fail (BK_IS_PAGE (self), NULL);

  iface = BK_PAGE_GET_IFACE (self);
  return iface->dup_summary ? iface->dup_summary (self) : NULL;
}

const char *
bk_page_get_help_text (BkPage *self)
{
  BkPageInterface *iface;

  g_return_val_if_fail (BK_IS_PAGE (self), NULL);

  iface = BK_PAGE_GET_IFACE (self);
  return iface->get_help_text ? iface->get_help_text (self) : NULL;
}

gboolean
bk_page_show_target (BkPage      *self,
                     GVariant    *target,
                     const char **heading,
                     GError     **error)
{
  BkPageInterface *iface;

  g_return_val_if_fail (BK_IS_PAGE (self), FALSE);
  g_return_val_if_fail (heading != NULL, FALSE);

  *heading = NULL;
  iface = BK_PAGE_GET_IFACE (self);
  return iface->show_target ? iface->show_target (self, target, heading, error) : TRUE;
}

GVariant *
bk_page_dup_target (BkPage *self)
{
  BkPageInterface *iface;

  g_return_val_if_fail (BK_IS_PAGE (self), NULL);

  iface = BK_PAGE_GET_IFACE (self);
  return iface->dup_target ? iface->dup_target (self) : NULL;
}

gboolean
bk_page_read_aloud (BkPage *self,
                    int     section)
{
  BkPageInterface *iface;

  g_return_val_if_fail (BK_IS_PAGE (self), FALSE);

  iface = BK_PAGE_GET_IFACE (self);
  return iface->read_aloud ? iface->read_aloud (self, section) : FALSE;
}

void
bk_page_leave (BkPage *self)
{
  BkPageInterface *iface;

  g_return_if_fail (BK_IS_PAGE (self));

  iface = BK_PAGE_GET_IFACE (self);
  if (iface->leave)
    iface->leave (self);
}

gboolean
bk_page_is_aside (BkPage *self)
{
  BkPageInterface *iface;

  g_return_val_if_fail (BK_IS_PAGE (self), FALSE);

  iface = BK_PAGE_GET_IFACE (self);
  return iface->is_aside ? iface->is_aside (self) : FALSE;
}

void
bk_page_fill_form_context (BkPage        *self,
                           BkFormContext *context)
{
  BkPageInterface *iface;

  g_return_if_fail (BK_IS_PAGE (self));
  g_return_if_fail (context != NULL);

  iface = BK_PAGE_GET_IFACE (self);
  if (iface->fill_form_context)
    iface->fill_form_context (self, context);
}

gboolean
bk_page_handle_key (BkPage          *self,
                    guint            keyval,
                    GdkModifierType  state)
{
  BkPageInterface *iface;

  g_return_val_if_fail (BK_IS_PAGE (self), FALSE);

  iface = BK_PAGE_GET_IFACE (self);
  return iface->handle_key ? iface->handle_key (self, keyval, state) : FALSE;
}

void
bk_page_handle_key_release (BkPage *self,
                            guint   keyval)
{
  BkPageInterface *iface;

  g_return_if_fail (BK_IS_PAGE (self));

  iface = BK_PAGE_GET_IFACE (self);
  if (iface->handle_key_release)
    iface->handle_key_release (self, keyval);
}

void
bk_page_status_changed (BkPage     *self,
                        const char *message)
{
  g_return_if_fail (BK_IS_PAGE (self));

  g_signal_emit (self, signals[STATUS_CHANGED], 0, message);
}

void
bk_page_follow_screen_reader (BkPage  *self,
                              BkVoice *voice,
                              void   (*update) (BkPage *page))
{
  g_return_if_fail (BK_IS_PAGE (self));
  g_return_if_fail (BK_IS_VOICE (voice));

  g_signal_connect_object (voice, "notify::screen-reader-running", G_CALLBACK (update), self,
                           G_CONNECT_SWAPPED);
  update (self);
}
