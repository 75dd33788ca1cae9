/* bk-usage.c: the anonymous usage counts of one citizen's session
 *
 * One owner for the statistics staff read: the window reports the pages it
 * shows, the receipt the rating, the voice how long it spoke, the settings
 * which accessibility features were used. Nothing about a person is kept:
 * page names, service ids, form kinds and setting keys only (bk-stats.h).
 * Counts are written a few seconds after they happen, in one transaction
 * for all that came meanwhile, so a page change never waits for the disk
 * and a power cut loses at most those seconds; the session itself is
 * counted at its end.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-usage"

#include "bk-config.h"

#include "bk-form.h"
#include "bk-usage-private.h"

struct _BkUsage
{
  GObject       parent_instance;

  BkSettings   *settings;
  BkStore      *store;
  BkStatsBatch *batch;
  const char   *form_kind;       /* the form being filled in, or NULL */
  gint64        speech_started;  /* monotonic µs of the utterance playing, or 0 */
  gint64        speech_us;       /* speech heard in this session */
  gboolean      used;            /* something happened in this session */
  guint         flush_source;
};

/* Seconds between a count and its writing. */
#define FLUSH_DELAY 5

static void
write_counts (BkUsage *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->flush_source, g_source_remove);
  if (bk_stats_batch_is_empty (self->batch))
    return;
  if (self->store == NULL || bk_store_is_read_only (self->store))
    {
      bk_stats_batch_clear (self->batch);
      return;
    }
  if (!bk_stats_batch_flush (self->batch, self->store, NULL, &error))
    g_warning ("The usage counts were not saved: %s", error->message);
}

static gboolean
flush_cb (gpointer user_data)
{
  BkUsage *self = user_data;

  self->flush_source = 0;
  write_counts (self);
  return G_SOURCE_REMOVE;
}

/* Something was counted: it is written soon, with what follows. */
static void
counted (BkUsage *self)
{
  self->used = TRUE;
  if (self->flush_source == 0)
    self->flush_source = g_timeout_add_seconds (FLUSH_DELAY, flush_cb, self);
}

G_DEFINE_FINAL_TYPE (BkUsage, bk_usage, G_TYPE_OBJECT)

/* A session setting away from its kiosk default is a feature used. */
static void
setting_changed_cb (BkUsage    *self,
                    GParamSpec *pspec)
{
  g_autoptr(GVariant) kiosk_default = NULL;
  gboolean changed = FALSE;

  if (!bk_settings_is_session_key (pspec->name))
    return;
  kiosk_default = bk_settings_dup_kiosk_default (self->settings, pspec->name);
  if (kiosk_default == NULL)
    return;
  if (g_variant_is_of_type (kiosk_default, G_VARIANT_TYPE_BOOLEAN))
    changed = g_variant_get_boolean (kiosk_default) != bk_settings_get_boolean (self->settings, pspec->name);
  else if (g_variant_is_of_type (kiosk_default, G_VARIANT_TYPE_INT32))
    changed = g_variant_get_int32 (kiosk_default) != bk_settings_get_int (self->settings, pspec->name);
  else if (g_variant_is_of_type (kiosk_default, G_VARIANT_TYPE_STRING))
    changed = g_strcmp0 (g_variant_get_string (kiosk_default, NULL),
                         bk_settings_get_string (self->settings, pspec->name)) != 0;
  if (changed)
    {
      bk_stats_batch_add_once (self->batch, BK_STATS_FEATURE, pspec->name);
      counted (self);
    }
}

/* Forms: started when their page shows, completed at the receipt,
 * abandoned when anything else comes first (the session's end too). */
static void
track_form (BkUsage    *self,
            const char *page,
            const char *form_id)
{
  if (g_strcmp0 (page, "form") == 0)
    {
      const BkForm *form = form_id ? bk_form_lookup (form_id) : NULL;
      const char *kind = form ? bk_submission_kind_to_string (form->kind) : NULL;

      if (kind != NULL && kind != self->form_kind)
        {
          if (self->form_kind != NULL)
            bk_stats_batch_add (self->batch, BK_STATS_FORM_ABANDONED, self->form_kind, 1);
          bk_stats_batch_add (self->batch, BK_STATS_FORM_STARTED, kind, 1);
          self->form_kind = kind;
        }
      return;
    }
  if (self->form_kind == NULL)
    return;
  bk_stats_batch_add (self->batch,
                      g_strcmp0 (page, "receipt") == 0 ? BK_STATS_FORM_COMPLETED : BK_STATS_FORM_ABANDONED,
                      self->form_kind, 1);
  self->form_kind = NULL;
}

static void
bk_usage_dispose (GObject *object)
{
  BkUsage *self = (BkUsage *)object;

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  write_counts (self);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (bk_usage_parent_class)->dispose (object);
}

static void
bk_usage_finalize (GObject *object)
{
  BkUsage *self = (BkUsage *)object;

  g_clear_pointer (&self->batch, bk_stats_batch_free);

  G_OBJECT_CLASS (bk_usage_parent_class)->finalize (object);
}

static void
bk_usage_class_init (BkUsageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bk_usage_dispose;
  object_class->finalize = bk_usage_finalize;
}

static void
bk_usage_init (BkUsage *self)
{
  self->batch = bk_stats_batch_new ();
}

BkUsage *
bk_usage_new (BkSettings *settings)
{
  BkUsage *self;

  g_return_val_if_fail (BK_IS_SETTINGS (settings), NULL);

  self = g_object_new (BK_TYPE_USAGE, NULL);
  self->settings = g_object_ref (settings);
  g_signal_connect_object (settings, "notify", G_CALLBACK (setting_changed_cb), self, G_CONNECT_SWAPPED);

  return self;
}

void
bk_usage_set_store (BkUsage *self,
                    BkStore *store)
{
  g_return_if_fail (BK_IS_USAGE (self));
  g_return_if_fail (!store || BK_IS_STORE (store));

  g_set_object (&self->store, store);
}

void
bk_usage_page_shown (BkUsage    *self,
                     const char *page,
                     GVariant   *target)
{
  const char *id = NULL;

  g_return_if_fail (BK_IS_USAGE (self));
  g_return_if_fail (page != NULL);

  /* Staff's own use is not the citizens'. */
  if (g_str_equal (page, "staff"))
    return;

  if (target != NULL && g_variant_is_of_type (target, G_VARIANT_TYPE_STRING))
    id = g_variant_get_string (target, NULL);

  track_form (self, page, id);
  bk_stats_batch_add (self->batch, BK_STATS_PAGE_VIEW, page, 1);
  counted (self);

  if (g_str_equal (page, "service") && id != NULL)
    {
      g_autofree char *key = g_ascii_strdown (id, -1);

      /* An imported catalogue may use ids that are no counter keys: skip those. */
      if (bk_stats_key_is_valid (key))
        bk_stats_batch_add (self->batch, BK_STATS_SERVICE_VIEW, key, 1);
    }
}

void
bk_usage_add_rating (BkUsage *self,
                     int      rating)
{
  char key[2] = { 0 };

  g_return_if_fail (BK_IS_USAGE (self));

  if (rating < 1 || rating > 5)
    {
      g_warning ("A rating of %d is not one of 1 … 5: not counted", rating);
      return;
    }
  key[0] = (char) ('0' + rating);
  bk_stats_batch_add (self->batch, BK_STATS_RATING, key, 1);
  counted (self);
}

void
bk_usage_speech_started (BkUsage *self)
{
  g_return_if_fail (BK_IS_USAGE (self));

  if (self->speech_started == 0)
    self->speech_started = g_get_monotonic_time ();
}

void
bk_usage_speech_finished (BkUsage *self)
{
  g_return_if_fail (BK_IS_USAGE (self));

  if (self->speech_started != 0)
    self->speech_us += g_get_monotonic_time () - self->speech_started;
  self->speech_started = 0;
}

/* A session is counted when something happened in it: an idle reset with
 * nobody there adds nothing. */
void
bk_usage_end_session (BkUsage *self)
{
  g_return_if_fail (BK_IS_USAGE (self));

  track_form (self, NULL, NULL);
  if (self->speech_us >= G_USEC_PER_SEC)
    {
      bk_stats_batch_add (self->batch, BK_STATS_SPEECH_SECONDS, "all",
                          (self->speech_us + G_USEC_PER_SEC / 2) / G_USEC_PER_SEC);
      self->used = TRUE;
    }
  self->speech_us = 0;
  if (self->used || !bk_stats_batch_is_empty (self->batch))
    bk_stats_batch_add (self->batch, BK_STATS_SESSION, "all", 1);
  self->used = FALSE;
  write_counts (self);
}

/* Everything counted so far on disk now (the kiosk stops). */
void
bk_usage_flush (BkUsage *self)
{
  g_return_if_fail (BK_IS_USAGE (self));

  write_counts (self);
}

BkStatsBatch *
_bk_usage_get_batch (BkUsage *self)
{
  g_return_val_if_fail (BK_IS_USAGE (self), NULL);

  return self->batch;
}
