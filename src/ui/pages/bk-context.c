/* bk-context.c: the services every page is handed
 *
 * The application makes one context and hands it down: to the window as a
 * construct-only property, and from the window to each page (the BkPage
 * "context" property), as GNOME Calendar does with GcalContext. No widget
 * asks its root window or the application for the store, the settings or
 * the voice, so every part can be built and tested on its own. The
 * outbox (where submissions go) is there only when a delivery file is.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-context"

#include "bk-config.h"

#include "bk-context.h"

struct _BkContext
{
  GObject     parent_instance;

  BkStore    *store;
  BkSettings *settings;
  BkVoice    *voice;
  BkUsage    *usage;
  BkOutbox   *outbox;
  BkSyncService *sync;
  char       *staff_warning;
};

G_DEFINE_FINAL_TYPE (BkContext, bk_context, G_TYPE_OBJECT)

static void
bk_context_dispose (GObject *object)
{
  BkContext *self = (BkContext *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->voice);
  g_clear_object (&self->usage);
  g_clear_object (&self->outbox);
  g_clear_object (&self->sync);

  G_OBJECT_CLASS (bk_context_parent_class)->dispose (object);
}

static void
bk_context_finalize (GObject *object)
{
  BkContext *self = (BkContext *)object;

  g_clear_pointer (&self->staff_warning, g_free);

  G_OBJECT_CLASS (bk_context_parent_class)->finalize (object);
}

static void
bk_context_class_init (BkContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bk_context_dispose;
  object_class->finalize = bk_context_finalize;
}

static void
bk_context_init (BkContext *self)
{
}

BkContext *
bk_context_new (BkStore    *store,
                BkSettings *settings,
                BkVoice    *voice,
                BkUsage    *usage)
{
  BkContext *self;

  g_return_val_if_fail (!store || BK_IS_STORE (store), NULL);
  g_return_val_if_fail (BK_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (BK_IS_VOICE (voice), NULL);
  g_return_val_if_fail (BK_IS_USAGE (usage), NULL);

  self = g_object_new (BK_TYPE_CONTEXT, NULL);
  self->store = store ? g_object_ref (store) : NULL;
  self->settings = g_object_ref (settings);
  self->voice = g_object_ref (voice);
  self->usage = g_object_ref (usage);

  return self;
}

BkStore *
bk_context_get_store (BkContext *self)
{
  g_return_val_if_fail (BK_IS_CONTEXT (self), NULL);

  return self->store;
}

BkSettings *
bk_context_get_settings (BkContext *self)
{
  g_return_val_if_fail (BK_IS_CONTEXT (self), NULL);

  return self->settings;
}

BkVoice *
bk_context_get_voice (BkContext *self)
{
  g_return_val_if_fail (BK_IS_CONTEXT (self), NULL);

  return self->voice;
}

BkUsage *
bk_context_get_usage (BkContext *self)
{
  g_return_val_if_fail (BK_IS_CONTEXT (self), NULL);

  return self->usage;
}

gboolean
bk_context_get_read_only (BkContext *self)
{
  g_return_val_if_fail (BK_IS_CONTEXT (self), TRUE);

  return self->store == NULL || bk_store_is_read_only (self->store);
}

BkOutbox *
bk_context_get_outbox (BkContext *self)
{
  g_return_val_if_fail (BK_IS_CONTEXT (self), NULL);

  return self->outbox;
}

void
bk_context_set_outbox (BkContext *self,
                       BkOutbox  *outbox)
{
  g_return_if_fail (BK_IS_CONTEXT (self));
  g_return_if_fail (!outbox || BK_IS_OUTBOX (outbox));

  g_set_object (&self->outbox, outbox);
}

const char *
bk_context_get_staff_warning (BkContext *self)
{
  g_return_val_if_fail (BK_IS_CONTEXT (self), NULL);

  return self->staff_warning;
}

void
bk_context_set_staff_warning (BkContext  *self,
                              const char *warning)
{
  g_return_if_fail (BK_IS_CONTEXT (self));

  g_free (self->staff_warning);
  self->staff_warning = g_strdup (warning);
}

/* The background sync: NULL without a database file the kiosk may write. */
BkSyncService *
bk_context_get_sync (BkContext *self)
{
  g_return_val_if_fail (BK_IS_CONTEXT (self), NULL);

  return self->sync;
}

void
bk_context_set_sync (BkContext     *self,
                     BkSyncService *sync)
{
  g_return_if_fail (BK_IS_CONTEXT (self));

  g_set_object (&self->sync, sync);
}
