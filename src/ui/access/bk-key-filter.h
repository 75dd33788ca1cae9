/* bk-key-filter.h: bounce keys and autorepeat, before a key does anything
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  BK_KEY_NEW,       /* a new press: act on it */
  BK_KEY_REPEAT,    /* the key's autorepeat: only what repeats takes it */
  BK_KEY_SWALLOW,   /* ignored: a bounce, or a repeat that must not repeat */
} BkKeyVerdict;

/* Microseconds of a monotonic clock; tests inject their own. */
typedef gint64 (*BkKeyFilterClock) (gpointer user_data);

typedef struct _BkKeyFilter BkKeyFilter;

BkKeyFilter  *bk_key_filter_new       (void);
void          bk_key_filter_free      (BkKeyFilter      *self);
void          bk_key_filter_set_clock (BkKeyFilter      *self,
                                       BkKeyFilterClock  clock,
                                       gpointer          user_data);
gint64        bk_key_filter_now       (BkKeyFilter      *self);
/* A press of keyval. no_repeat: its autorepeat is swallowed (keypad keys,
 * explore mode). debounce_ms: the same key again within this time after
 * its release is a bounce (0: off). */
BkKeyVerdict  bk_key_filter_press     (BkKeyFilter      *self,
                                       guint             keyval,
                                       gboolean          no_repeat,
                                       guint             debounce_ms);
/* The release of keyval; TRUE when its press was swallowed (then the
 * release is too). */
gboolean      bk_key_filter_release   (BkKeyFilter      *self,
                                       guint             keyval);
/* Keys held down now are forgotten (a new screen, a new window). */
void          bk_key_filter_reset     (BkKeyFilter      *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BkKeyFilter, bk_key_filter_free)

G_END_DECLS
