/* bk-key-filter.c: bounce keys and autorepeat, before a key does anything
 *
 * EN 301 549 5.7 and 5.8: a kiosk keypad must not repeat when a key is held
 * (a tremor would scroll through the screen), and a key pressed again
 * within the bounce time counts once. Both apply to every key before any
 * part of the kiosk acts on it, so this is plain bookkeeping with an
 * injected clock: it knows no widget and is tested without a window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-key-filter"

#include "bk-config.h"

#include "bk-key-filter.h"

#define NO_TIME G_MININT64

struct _BkKeyFilter
{
  BkKeyFilterClock  clock;
  gpointer          clock_data;
  GHashTable       *keys_down;   /* keyvals pressed and not released */
  GHashTable       *swallowed;   /* of those, the ones ignored */
  guint             last_key;
  gint64            last_key_time;
};

static gint64
monotonic_clock (gpointer user_data)
{
  return g_get_monotonic_time ();
}

BkKeyFilter *
bk_key_filter_new (void)
{
  BkKeyFilter *self = g_new0 (BkKeyFilter, 1);

  self->clock = monotonic_clock;
  self->keys_down = g_hash_table_new (NULL, NULL);
  self->swallowed = g_hash_table_new (NULL, NULL);
  self->last_key_time = NO_TIME;

  return self;
}

void
bk_key_filter_free (BkKeyFilter *self)
{
  if (self == NULL)
    return;

  g_hash_table_unref (self->keys_down);
  g_hash_table_unref (self->swallowed);
  g_free (self);
}

void
bk_key_filter_set_clock (BkKeyFilter      *self,
                         BkKeyFilterClock  clock,
                         gpointer          user_data)
{
  g_return_if_fail (self != NULL);

  self->clock = clock ? clock : monotonic_clock;
  self->clock_data = clock ? user_data : NULL;
}

gint64
bk_key_filter_now (BkKeyFilter *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->clock (self->clock_data);
}

BkKeyVerdict
bk_key_filter_press (BkKeyFilter *self,
                     guint        keyval,
                     gboolean     no_repeat,
                     guint        debounce_ms)
{
  gpointer key = GUINT_TO_POINTER (keyval);
  gint64 time;

  g_return_val_if_fail (self != NULL, BK_KEY_NEW);

  /* Autorepeat: a press without a release. */
  if (g_hash_table_contains (self->keys_down, key))
    return no_repeat || g_hash_table_contains (self->swallowed, key) ? BK_KEY_SWALLOW : BK_KEY_REPEAT;

  g_hash_table_add (self->keys_down, key);

  time = bk_key_filter_now (self);
  if (debounce_ms > 0 && keyval == self->last_key && self->last_key_time != NO_TIME &&
      time - self->last_key_time < (gint64) debounce_ms * 1000)
    {
      g_hash_table_add (self->swallowed, key);
      return BK_KEY_SWALLOW;
    }
  self->last_key = keyval;
  self->last_key_time = time;

  return BK_KEY_NEW;
}

gboolean
bk_key_filter_release (BkKeyFilter *self,
                       guint        keyval)
{
  gpointer key = GUINT_TO_POINTER (keyval);
  gboolean swallowed;

  g_return_val_if_fail (self != NULL, FALSE);

  g_hash_table_remove (self->keys_down, key);
  swallowed = g_hash_table_remove (self->swallowed, key);

  /* Bounce keys count from the release of the last accepted press. */
  if (!swallowed && keyval == self->last_key)
    self->last_key_time = bk_key_filter_now (self);

  return swallowed;
}

void
bk_key_filter_reset (BkKeyFilter *self)
{
  g_return_if_fail (self != NULL);

  g_hash_table_remove_all (self->keys_down);
  g_hash_table_remove_all (self->swallowed);
}
