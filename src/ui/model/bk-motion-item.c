/* bk-motion-item.c: one motion in a list, as shown in a row
 *
 * A thin GObject around a BkMotionSummary. Items are created on demand by
 * BkMotionListModel and hold only what a row shows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-motion-item"

#include "bk-motion-item.h"

struct _BkMotionItem
{
  GObject          parent_instance;
  BkMotionSummary *summary;
};

G_DEFINE_FINAL_TYPE (BkMotionItem, bk_motion_item, G_TYPE_OBJECT)

static void
bk_motion_item_finalize (GObject *object)
{
  BkMotionItem *self = (BkMotionItem *)object;

  g_clear_pointer (&self->summary, bk_motion_summary_free);

  G_OBJECT_CLASS (bk_motion_item_parent_class)->finalize (object);
}

static void
bk_motion_item_class_init (BkMotionItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bk_motion_item_finalize;
}

static void
bk_motion_item_init (BkMotionItem *self)
{
}

/* Takes ownership of summary. */
BkMotionItem *
bk_motion_item_new (BkMotionSummary *summary)
{
  BkMotionItem *self;

  g_return_val_if_fail (summary != NULL, NULL);

  self = g_object_new (BK_TYPE_MOTION_ITEM, NULL);
  self->summary = summary;

  return self;
}

gint64
bk_motion_item_get_id (BkMotionItem *self)
{
  g_return_val_if_fail (BK_IS_MOTION_ITEM (self), 0);
  return self->summary->id;
}

const char *
bk_motion_item_get_subject (BkMotionItem *self)
{
  g_return_val_if_fail (BK_IS_MOTION_ITEM (self), NULL);
  return self->summary->subject;
}

const char *
bk_motion_item_get_submitters (BkMotionItem *self)
{
  g_return_val_if_fail (BK_IS_MOTION_ITEM (self), NULL);
  return self->summary->submitters;
}

const char *
bk_motion_item_get_date (BkMotionItem *self)
{
  g_return_val_if_fail (BK_IS_MOTION_ITEM (self), NULL);
  return self->summary->date;
}

const char *
bk_motion_item_get_next_committee (BkMotionItem *self)
{
  g_return_val_if_fail (BK_IS_MOTION_ITEM (self), NULL);
  return self->summary->next_committee;
}

const char *
bk_motion_item_get_next_date (BkMotionItem *self)
{
  g_return_val_if_fail (BK_IS_MOTION_ITEM (self), NULL);
  return self->summary->next_date;
}

const char *
bk_motion_item_get_last_committee (BkMotionItem *self)
{
  g_return_val_if_fail (BK_IS_MOTION_ITEM (self), NULL);
  return self->summary->last_committee;
}

const char *
bk_motion_item_get_last_date (BkMotionItem *self)
{
  g_return_val_if_fail (BK_IS_MOTION_ITEM (self), NULL);
  return self->summary->last_date;
}
