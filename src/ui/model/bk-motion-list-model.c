/* bk-motion-list-model.c: the motions in the store as a GListModel
 *
 * The model holds only the ordered ids of the matching motions. Items are
 * created in get_item from bk_store_load_summary, and a small ring cache keeps
 * the recently used ones, so memory does not grow with the number of stored
 * motions: a list over 100 000 motions costs 800 KB of ids and the items that
 * are on screen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-motion-list-model"

#include <gdk/gdk.h>

#include "bk-motion-item.h"
#include "bk-motion-list-model.h"

#define CACHE_SIZE 64

/* A large addition reaches a gradual model's list in steps: GTK 4.8's list
 * view makes and binds up to 200 row widgets for the rows it is given at
 * once (each loads a summary), which for 10 000 new motions after the first
 * sync kept the main thread busy for 240 ms in one frame (bench/sync.sh).
 * The first step comes a frame after the count, then GRADUAL_STEP rows a
 * frame (16 at once took 29 ms) up to GRADUAL_HEAD (beyond the rows GTK
 * keeps), then the rest, which make no widgets. With the list's frame clock
 * a step runs right after a frame is painted, so its work has the time until
 * the next frame and never two steps meet in one frame; without one (the
 * list not on screen), every STEP_TIMEOUT_MS. The page shows the list once
 * it has SCREEN_ROWS (has_first_screen). */
#define GRADUAL_MIN  256
#define GRADUAL_STEP 8
/* rows that fill a screen of 1280×1024 at the normal text size */
#define SCREEN_ROWS 16
#define GRADUAL_HEAD 256
#define STEP_TIMEOUT_MS 20
/* the frame clock stopped (the window hidden): go on without it */
#define STEP_FALLBACK_MS 500

typedef struct
{
  guint         position;
  BkMotionItem *item;
} CacheSlot;

struct _BkMotionListModel
{
  GObject         parent_instance;

  BkStore        *store;
  GArray         *ids;
  char           *query;
  char           *body;
  char           *faction;
  char           *faction_body;
  BkMotionStatus  status;

  CacheSlot       cache[CACHE_SIZE];
  guint           n_materialized;

  gboolean        gradual;
  gboolean        filling;        /* telling the list of the rest */
  guint           exposed;        /* ids the list has been told of */
  gboolean        screen_due;     /* the first screen is there, to be shown next step */
  guint           expose_source;  /* the next step: after a frame, or the fallback timer */
  GdkFrameClock  *clock;
  gulong          after_paint_id;
};

static void list_model_iface_init (GListModelInterface *iface);
static void cancel_steps (BkMotionListModel *self);
static void schedule_step (BkMotionListModel *self);

G_DEFINE_FINAL_TYPE_WITH_CODE (BkMotionListModel, bk_motion_list_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_N_ITEMS,
  PROP_HAS_FIRST_SCREEN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clear_cache (BkMotionListModel *self)
{
  for (guint i = 0; i < CACHE_SIZE; i++)
    g_clear_object (&self->cache[i].item);
}

static GType
bk_motion_list_model_get_item_type (GListModel *model)
{
  return BK_TYPE_MOTION_ITEM;
}

static guint
bk_motion_list_model_get_n_items (GListModel *model)
{
  BkMotionListModel *self = BK_MOTION_LIST_MODEL (model);

  return self->exposed;
}

static gpointer
bk_motion_list_model_get_item (GListModel *model,
                               guint       position)
{
  BkMotionListModel *self = BK_MOTION_LIST_MODEL (model);
  g_autoptr(GError) error = NULL;
  BkMotionSummary *summary;
  CacheSlot *slot;
  gint64 id;

  if (position >= self->exposed)
    return NULL;

  slot = &self->cache[position % CACHE_SIZE];
  if (slot->item != NULL && slot->position == position)
    return g_object_ref (slot->item);

  id = g_array_index (self->ids, gint64, position);
  summary = bk_store_load_summary (self->store, id, &error);
  if (summary == NULL)
    {
      /* The row vanished underneath us; show it as an empty entry rather
       * than break the GListModel contract. */
      g_warning ("Could not load motion %" G_GINT64_FORMAT ": %s",
                 id, error ? error->message : "unknown error");
      summary = g_new0 (BkMotionSummary, 1);
      summary->id = id;
      summary->subject = g_strdup ("");
    }

  g_clear_object (&slot->item);
  slot->item = bk_motion_item_new (summary);
  slot->position = position;
  self->n_materialized++;

  return g_object_ref (slot->item);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = bk_motion_list_model_get_item_type;
  iface->get_n_items = bk_motion_list_model_get_n_items;
  iface->get_item = bk_motion_list_model_get_item;
}

static void
bk_motion_list_model_dispose (GObject *object)
{
  BkMotionListModel *self = (BkMotionListModel *)object;

  clear_cache (self);
  cancel_steps (self);
  g_clear_object (&self->clock);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (bk_motion_list_model_parent_class)->dispose (object);
}

static void
bk_motion_list_model_finalize (GObject *object)
{
  BkMotionListModel *self = (BkMotionListModel *)object;

  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->query, g_free);
  g_clear_pointer (&self->body, g_free);
  g_clear_pointer (&self->faction, g_free);
  g_clear_pointer (&self->faction_body, g_free);

  G_OBJECT_CLASS (bk_motion_list_model_parent_class)->finalize (object);
}

static void
bk_motion_list_model_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  BkMotionListModel *self = BK_MOTION_LIST_MODEL (object);

  switch (prop_id)
    {
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->ids->len);
      break;

    case PROP_HAS_FIRST_SCREEN:
      g_value_set_boolean (value, bk_motion_list_model_has_first_screen (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_motion_list_model_class_init (BkMotionListModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bk_motion_list_model_dispose;
  object_class->finalize = bk_motion_list_model_finalize;
  object_class->get_property = bk_motion_list_model_get_property;

  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_HAS_FIRST_SCREEN] =
    g_param_spec_boolean ("has-first-screen", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bk_motion_list_model_init (BkMotionListModel *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->status = BK_MOTION_STATUS_ANY;
}

BkMotionListModel *
bk_motion_list_model_new (BkStore *store)
{
  BkMotionListModel *self;

  g_return_val_if_fail (BK_IS_STORE (store), NULL);

  self = g_object_new (BK_TYPE_MOTION_LIST_MODEL, NULL);
  self->store = g_object_ref (store);
  bk_motion_list_model_reload (self);

  return self;
}

static void
cancel_steps (BkMotionListModel *self)
{
  g_clear_handle_id (&self->expose_source, g_source_remove);
  if (self->after_paint_id != 0)
    g_clear_signal_handler (&self->after_paint_id, self->clock);
}

static gboolean
steps_pending (BkMotionListModel *self)
{
  return self->expose_source != 0 || self->after_paint_id != 0;
}

static void
expose_more (BkMotionListModel *self)
{
  guint before = self->exposed;

  cancel_steps (self);

  /* A step of its own, adding no rows, for the list to appear with its
   * first screen: the rows were made in the steps before. */
  if (self->screen_due)
    {
      self->screen_due = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_FIRST_SCREEN]);
      if (self->exposed < self->ids->len)
        schedule_step (self);
      return;
    }

  if (self->exposed < GRADUAL_HEAD)
    self->exposed = MIN (self->ids->len, self->exposed + GRADUAL_STEP);
  else
    self->exposed = self->ids->len;
  self->screen_due = before < SCREEN_ROWS && self->exposed >= SCREEN_ROWS && self->exposed < self->ids->len;
  self->filling = TRUE;
  g_list_model_items_changed (G_LIST_MODEL (self), before, 0, self->exposed - before);
  self->filling = FALSE;
  if (self->exposed < self->ids->len)
    schedule_step (self);
}

static gboolean
step_cb (gpointer data)
{
  BkMotionListModel *self = data;

  self->expose_source = 0;
  expose_more (self);
  return G_SOURCE_REMOVE;
}

static void
after_paint_cb (GdkFrameClock     *clock,
                BkMotionListModel *self)
{
  g_clear_signal_handler (&self->after_paint_id, clock);
  /* the step now, after the frame (not the fallback timer) */
  g_clear_handle_id (&self->expose_source, g_source_remove);
  self->expose_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, step_cb, self, NULL);
  g_source_set_name_by_id (self->expose_source, "[bk] motion list: more rows");
}

/* The next step after the next frame, or in a while */
static void
schedule_step (BkMotionListModel *self)
{
  cancel_steps (self);
  if (self->clock != NULL)
    {
      self->after_paint_id = g_signal_connect (self->clock, "after-paint",
                                               G_CALLBACK (after_paint_cb), self);
      gdk_frame_clock_request_phase (self->clock, GDK_FRAME_CLOCK_PHASE_AFTER_PAINT);
    }
  self->expose_source = g_timeout_add_full (G_PRIORITY_LOW,
                                            self->clock != NULL ? STEP_FALLBACK_MS : STEP_TIMEOUT_MS,
                                            step_cb, self, NULL);
  g_source_set_name_by_id (self->expose_source, "[bk] motion list: more rows");
}

/* Replaces the ids, saying only what changed: the part between what the
 * old and new lists share at their start and at their end, removed first
 * and added then, in two signals. GTK 4.8's list view looks for an item it
 * tracks (the focus, the scroll anchor) among the added ones when a change
 * removes it — by asking for every added item, which for 10 000 motions
 * loads 10 000 summaries; a sync that adds a few papers at the top changes
 * only those. */
static void
replace_ids (BkMotionListModel *self,
             GArray            *ids)
{
  guint old_len, new_len = ids->len;
  guint prefix = 0, suffix = 0, added;

  /* Still adding the last change: the list knows only the exposed ones. */
  if (steps_pending (self))
    {
      cancel_steps (self);
      g_array_set_size (self->ids, self->exposed);
    }
  if (self->screen_due)
    {
      self->screen_due = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_FIRST_SCREEN]);
    }
  old_len = self->ids->len;

  while (prefix < old_len && prefix < new_len &&
         g_array_index (self->ids, gint64, prefix) == g_array_index (ids, gint64, prefix))
    prefix++;
  while (suffix < old_len - prefix && suffix < new_len - prefix &&
         g_array_index (self->ids, gint64, old_len - 1 - suffix) == g_array_index (ids, gint64, new_len - 1 - suffix))
    suffix++;

  if (old_len - prefix - suffix > 0)
    {
      g_array_remove_range (self->ids, prefix, old_len - prefix - suffix);
      self->exposed = self->ids->len;
      g_list_model_items_changed (G_LIST_MODEL (self), prefix, old_len - prefix - suffix, 0);
    }
  g_array_unref (self->ids);
  self->ids = ids;
  added = new_len - prefix - suffix;
  if (added == 0)
    {
      self->exposed = new_len;
      return;
    }

  /* At the end of the list (as after the first sync, or the whole list
   * again after a search): in steps. */
  if (self->gradual && suffix == 0 && added >= GRADUAL_MIN && prefix < GRADUAL_HEAD)
    {
      /* The first rows come in a frame of their own too: an empty list
       * that fills repaints the whole page, which alone took 28 ms. */
      self->exposed = prefix;
      schedule_step (self);
      return;
    }
  self->exposed = new_len;
  g_list_model_items_changed (G_LIST_MODEL (self), prefix, 0, added);
}

/* Runs the query again and replaces the content. */
void
bk_motion_list_model_reload (BkMotionListModel *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  BkMotionFilter filter = { 0, };
  guint old_len;

  g_return_if_fail (BK_IS_MOTION_LIST_MODEL (self));

  filter.body = self->body;
  filter.faction = self->faction;
  filter.faction_body = self->faction_body;
  filter.status = self->status;
  filter.today = NULL;

  if (self->query != NULL && self->query[0] != '\0')
    ids = bk_store_search (self->store, self->query, &filter, 0, &error);
  else
    ids = bk_store_list_motion_ids (self->store, &filter, &error);

  if (ids == NULL)
    {
      g_warning ("Could not list motions: %s", error->message);
      ids = g_array_new (FALSE, FALSE, sizeof (gint64));
    }

  clear_cache (self);
  old_len = self->ids->len;
  replace_ids (self, g_steal_pointer (&ids));
  if (old_len != self->ids->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static gboolean
replace_string (char       **field,
                const char  *value)
{
  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);

  return TRUE;
}

void
bk_motion_list_model_set_query (BkMotionListModel *self,
                                const char        *query)
{
  g_autofree char *stripped = NULL;

  g_return_if_fail (BK_IS_MOTION_LIST_MODEL (self));

  stripped = g_strstrip (g_strdup (query ? query : ""));
  if (replace_string (&self->query, stripped))
    bk_motion_list_model_reload (self);
}

const char *
bk_motion_list_model_get_query (BkMotionListModel *self)
{
  g_return_val_if_fail (BK_IS_MOTION_LIST_MODEL (self), NULL);

  return self->query;
}

/* NULL or "" means all bodies. */
void
bk_motion_list_model_set_body (BkMotionListModel *self,
                               const char        *body)
{
  g_return_if_fail (BK_IS_MOTION_LIST_MODEL (self));

  if (replace_string (&self->body, body))
    bk_motion_list_model_reload (self);
}

/* NULL means all submitters. */
void
bk_motion_list_model_set_faction (BkMotionListModel *self,
                                  const BkFaction   *faction)
{
  gboolean changed;

  g_return_if_fail (BK_IS_MOTION_LIST_MODEL (self));

  changed = replace_string (&self->faction, faction != NULL ? faction->name : NULL);
  changed |= replace_string (&self->faction_body, faction != NULL ? faction->body : NULL);
  if (changed)
    bk_motion_list_model_reload (self);
}

void
bk_motion_list_model_set_status (BkMotionListModel *self,
                                 BkMotionStatus     status)
{
  g_return_if_fail (BK_IS_MOTION_LIST_MODEL (self));

  if (self->status == status)
    return;

  self->status = status;
  bk_motion_list_model_reload (self);
}

gint64
bk_motion_list_model_get_motion_id (BkMotionListModel *self,
                                    guint              position)
{
  g_return_val_if_fail (BK_IS_MOTION_LIST_MODEL (self), 0);

  if (position >= self->ids->len)
    return 0;

  return g_array_index (self->ids, gint64, position);
}

guint
bk_motion_list_model_get_n_materialized (BkMotionListModel *self)
{
  g_return_val_if_fail (BK_IS_MOTION_LIST_MODEL (self), 0);

  return self->n_materialized;
}

/* Large additions reach the list in steps (see GRADUAL_STEP); for the list
 * on screen. get_n_items counts what has reached it, get_count all. */
void
bk_motion_list_model_set_gradual (BkMotionListModel *self,
                                  gboolean           gradual)
{
  g_return_if_fail (BK_IS_MOTION_LIST_MODEL (self));

  self->gradual = gradual;
}

/* The frame clock of the list on screen, NULL when it is not: steps come
 * right after its frames. */
void
bk_motion_list_model_set_frame_clock (BkMotionListModel *self,
                                      GdkFrameClock     *clock)
{
  gboolean pending;

  g_return_if_fail (BK_IS_MOTION_LIST_MODEL (self));
  g_return_if_fail (clock == NULL || GDK_IS_FRAME_CLOCK (clock));

  if (clock == self->clock)
    return;

  pending = steps_pending (self);
  cancel_steps (self);
  g_set_object (&self->clock, clock);
  if (pending)
    schedule_step (self);
}

/* Whether the list has its first screen of rows (or all, if fewer), made in
 * the steps before: a list shown empty, and one that grows beyond its
 * screen, is painted whole once more; showing it is the work of a step of
 * its own ("has-first-screen" says when). */
gboolean
bk_motion_list_model_has_first_screen (BkMotionListModel *self)
{
  g_return_val_if_fail (BK_IS_MOTION_LIST_MODEL (self), FALSE);

  return self->exposed >= MIN (self->ids->len, SCREEN_ROWS) && !self->screen_due;
}

guint
bk_motion_list_model_get_count (BkMotionListModel *self)
{
  g_return_val_if_fail (BK_IS_MOTION_LIST_MODEL (self), 0);

  return self->ids->len;
}

gboolean
bk_motion_list_model_is_filling (BkMotionListModel *self)
{
  g_return_val_if_fail (BK_IS_MOTION_LIST_MODEL (self), FALSE);

  return self->filling;
}
