/* bk-motion-list-model.c: the motions in the store as a GListModel
 *
 * The model holds only the ordered ids of the matching motions. Items are
 * created in get_item from bk_store_load_summary, and a small ring cache keeps
 * the recently used ones, so memory does not grow with the number of stored
 * motions: a list over 100 000 motions costs 800 KB of ids and the items that
 * are on screen.
 *
 * After a sync the new ids are spliced in over a few frames (refresh): the
 * list view makes and fills a row for every item it is told of near the
 * view, each a summary read from a database the sync has just rewritten,
 * and 10 000 motions told at once cost the main loop 0.6 s.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-motion-list-model"

#include "bk-motion-item.h"
#include "bk-motion-list-model.h"

#define CACHE_SIZE 64
/* What one idle of a splice may take (µs): a frame's share of the main
 * loop, leaving room for drawing. */
#define SPLICE_BUDGET_US 6000
#define SPLICE_FIRST     8
#define SPLICE_MAX       8192

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

  /* a splice under way (refresh): target's [splice_from, splice_end) goes
   * in at splice_at, a chunk per idle */
  GArray         *target;
  guint           splice_at;
  guint           splice_from;
  guint           splice_end;
  guint           splice_chunk;
  guint           splice_old_len;
  guint           splice_source;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BkMotionListModel, bk_motion_list_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_N_ITEMS,
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

  return self->ids->len;
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

  if (position >= self->ids->len)
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

  g_clear_handle_id (&self->splice_source, g_source_remove);
  g_clear_pointer (&self->target, g_array_unref);
  clear_cache (self);
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

/* The part the old and new lists share at their start and at their end. */
static void
shared_ends (GArray *old,
             GArray *new,
             guint  *prefix,
             guint  *suffix)
{
  guint old_len = old->len, new_len = new->len;

  *prefix = 0;
  *suffix = 0;
  while (*prefix < old_len && *prefix < new_len &&
         g_array_index (old, gint64, *prefix) == g_array_index (new, gint64, *prefix))
    (*prefix)++;
  while (*suffix < old_len - *prefix && *suffix < new_len - *prefix &&
         g_array_index (old, gint64, old_len - 1 - *suffix) == g_array_index (new, gint64, new_len - 1 - *suffix))
    (*suffix)++;
}

/* Removes what lies between the shared ends, in one signal. */
static void
remove_middle (BkMotionListModel *self,
               guint              prefix,
               guint              suffix)
{
  guint removed = self->ids->len - prefix - suffix;

  if (removed == 0)
    return;
  g_array_remove_range (self->ids, prefix, removed);
  clear_cache (self);
  g_list_model_items_changed (G_LIST_MODEL (self), prefix, removed, 0);
}

/* A splice under way ends here, as far as it got: self->ids always says
 * what the list view was told. */
static void
stop_splice (BkMotionListModel *self)
{
  g_clear_handle_id (&self->splice_source, g_source_remove);
  g_clear_pointer (&self->target, g_array_unref);
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
  guint new_len = ids->len;
  guint prefix, suffix;

  stop_splice (self);
  shared_ends (self->ids, ids, &prefix, &suffix);
  remove_middle (self, prefix, suffix);
  g_array_unref (self->ids);
  self->ids = ids;
  if (new_len - prefix - suffix > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), prefix, 0, new_len - prefix - suffix);
}

/* The ids the filters give now; never NULL. */
static GArray *
query_ids (BkMotionListModel *self)
{
  g_autoptr(GError) error = NULL;
  BkMotionFilter filter = { 0, };
  GArray *ids;

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
  return ids;
}

/* Runs the query again and replaces the content. */
void
bk_motion_list_model_reload (BkMotionListModel *self)
{
  guint old_len;

  g_return_if_fail (BK_IS_MOTION_LIST_MODEL (self));

  old_len = self->target ? self->splice_old_len : self->ids->len;
  clear_cache (self);
  replace_ids (self, query_ids (self));
  if (old_len != self->ids->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/* One idle's worth of a splice: chunks as long as the budget allows, the
 * next one twice as long when the last was cheap (the rows the list view
 * makes are near the view; further on, telling it costs next to nothing)
 * and half as long when it was dear. */
static gboolean
splice_step (gpointer data)
{
  BkMotionListModel *self = data;
  gint64 start = g_get_monotonic_time ();

  while (self->splice_from < self->splice_end)
    {
      guint n = MIN (self->splice_chunk, self->splice_end - self->splice_from);
      gint64 chunk_start = g_get_monotonic_time ();
      gint64 spent;

      g_array_insert_vals (self->ids, self->splice_at,
                           &g_array_index (self->target, gint64, self->splice_from), n);
      clear_cache (self);
      g_list_model_items_changed (G_LIST_MODEL (self), self->splice_at, 0, n);
      self->splice_at += n;
      self->splice_from += n;
      spent = g_get_monotonic_time () - chunk_start;
      if (spent < SPLICE_BUDGET_US / 4)
        self->splice_chunk = MIN (self->splice_chunk * 2, SPLICE_MAX);
      else if (spent > SPLICE_BUDGET_US / 2)
        self->splice_chunk = MAX (self->splice_chunk / 2, 1);
      if (g_get_monotonic_time () - start >= SPLICE_BUDGET_US)
        break;
    }
  if (self->splice_from < self->splice_end)
    return G_SOURCE_CONTINUE;

  self->splice_source = 0;
  g_clear_pointer (&self->target, g_array_unref);
  if (self->splice_old_len != self->ids->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  return G_SOURCE_REMOVE;
}

/* Runs the query again and brings the content to it over a few idles:
 * what left the list goes at once (one signal), what came is spliced in
 * chunk by chunk. A reload or a filter change meanwhile replaces what the
 * splice reached, so the list view is never told anything but the truth. */
void
bk_motion_list_model_refresh (BkMotionListModel *self)
{
  g_autoptr(GArray) ids = NULL;
  guint prefix, suffix, old_len;

  g_return_if_fail (BK_IS_MOTION_LIST_MODEL (self));

  old_len = self->target ? self->splice_old_len : self->ids->len;
  stop_splice (self);
  ids = query_ids (self);
  shared_ends (self->ids, ids, &prefix, &suffix);
  /* Set before the removal is told, so that the page's count already says
   * the new number (and does not flash "no motions" on the way). */
  self->target = g_steal_pointer (&ids);
  self->splice_old_len = old_len;
  self->splice_at = prefix;
  self->splice_from = prefix;
  self->splice_end = self->target->len - suffix;
  self->splice_chunk = SPLICE_FIRST;
  remove_middle (self, prefix, suffix);
  if (self->splice_from == self->splice_end)
    {
      g_clear_pointer (&self->target, g_array_unref);
      if (old_len != self->ids->len)
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
      return;
    }
  /* After the frame's own work (GDK's redraw runs at a higher priority). */
  self->splice_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, splice_step, self, NULL);
  g_source_set_static_name (g_main_context_find_source_by_id (NULL, self->splice_source),
                            "[bk] motion list splice");
}

/* The number of motions the list has, or will have once a splice is
 * done: what the page says while the rows come in. */
guint
bk_motion_list_model_get_n_motions (BkMotionListModel *self)
{
  g_return_val_if_fail (BK_IS_MOTION_LIST_MODEL (self), 0);

  return self->target != NULL ? self->target->len : self->ids->len;
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
