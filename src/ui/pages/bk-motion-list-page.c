/* bk-motion-list-page.c: search and browse the council motions
 *
 * A search entry (search as you type), three filters and a GtkListView over
 * BkMotionListModel. Only the rows on screen exist as widgets.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-motion-list-page"

#include "bk-config.h"

#include <glib/gi18n.h>

#include "bk-help.h"
#include "bk-motion-item.h"
#include "bk-motion-list-page-private.h"
#include "bk-page.h"
#include "bk-motion-row.h"
#include "bk-ui.h"

struct _BkMotionListPage
{
  GtkWidget          parent_instance;

  BkContext         *context;
  BkStore           *store;
  BkMotionListModel *model;
  GStrv              bodies;
  GPtrArray         *factions;   /* BkFaction */

  GtkWidget         *search_entry;
  GtkDropDown       *body_dropdown;
  GtkDropDown       *faction_dropdown;
  GtkDropDown       *status_dropdown;
  GtkLabel          *count_label;
  GtkWidget         *scroller;
  GtkWidget         *empty_view;
  GtkListView       *list_view;
  gint64             opened_id;     /* the motion last opened from the list */
  gboolean           focus_opened;  /* shown again by Back: focus goes to its row */
  GtkLabel          *empty_label;
};

static void page_iface_init (BkPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BkMotionListPage, bk_motion_list_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (BK_TYPE_PAGE, page_iface_init))

/* The list appears with its first screen of rows, which may come a few
 * frames after the count: shown before, it would be painted over its whole
 * area once empty and once more when it grows beyond the screen (under X11
 * with cairo, 18 ms each on the bench's machine). Until then it is there
 * but transparent (GTK draws nothing of it), so that each step's rows are
 * measured in the step's own frame, not all in the one that shows them.
 * Once shown, it stays while it has rows. */
static void
update_list_shown (BkMotionListPage *self)
{
  guint n_rows = self->model != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->model)) : 0;
  gboolean shown = n_rows > 0 &&
                   (bk_motion_list_page_is_list_shown (self) ||
                    bk_motion_list_model_has_first_screen (self->model));

  gtk_widget_set_visible (GTK_WIDGET (self->scroller), n_rows > 0);
  gtk_widget_set_opacity (GTK_WIDGET (self->scroller), shown ? 1.0 : 0.0);
  gtk_widget_set_can_target (GTK_WIDGET (self->scroller), shown);
}

static void
update_count (BkMotionListPage *self)
{
  g_autofree char *count = NULL;
  g_autofree char *empty = NULL;
  guint n = 0;

  update_list_shown (self);
  if (self->model != NULL && bk_motion_list_model_is_filling (self->model))
    return;
  if (self->model != NULL)
    n = bk_motion_list_model_get_count (self->model);

  /* Translators: the number of motions in the list */
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u motion", "%u motions", n), n);
  gtk_label_set_text (self->count_label, count);

  if (n == 0)
    {
      const char *query = self->model ? bk_motion_list_model_get_query (self->model) : NULL;

      if (query != NULL && query[0] != '\0')
        /* Translators: %s is what the user searched for */
        empty = g_strdup_printf (_("No motions match “%s”."), query);
      else
        empty = g_strdup (_("No motions match the chosen filters."));

      gtk_label_set_text (self->empty_label, empty);
    }
  gtk_widget_set_visible (self->empty_view, n == 0);

  /* A status message: the number of motions, or why there are none. */
  bk_page_status_changed (BK_PAGE (self), n == 0 ? empty : count);
}

/* The chosen value's index among n values behind the "All …" choice, or
 * -1 for all. */
static int
selected_index (GtkDropDown *dropdown,
                guint        n)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (selected == GTK_INVALID_LIST_POSITION || selected == 0 || selected - 1 >= n)
    return -1;
  return (int) selected - 1;
}

static const char *
selected_value (GtkDropDown  *dropdown,
                GStrv         values)
{
  int i = values != NULL ? selected_index (dropdown, g_strv_length (values)) : -1;

  return i >= 0 ? values[i] : NULL;
}

static const BkFaction *
selected_faction (BkMotionListPage *self)
{
  int i = self->factions != NULL ? selected_index (self->faction_dropdown, self->factions->len) : -1;

  return i >= 0 ? g_ptr_array_index (self->factions, i) : NULL;
}

static void
search_changed_cb (BkMotionListPage *self,
                   GtkSearchEntry   *entry)
{
  if (self->model == NULL)
    return;

  bk_motion_list_model_set_query (self->model,
                                  gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
filter_changed_cb (BkMotionListPage *self)
{
  static const BkMotionStatus statuses[] = {
    BK_MOTION_STATUS_ANY,
    BK_MOTION_STATUS_UPCOMING,
    BK_MOTION_STATUS_DECIDED,
  };
  guint status;

  if (self->model == NULL)
    return;

  status = gtk_drop_down_get_selected (self->status_dropdown);
  if (status >= G_N_ELEMENTS (statuses))
    status = 0;

  g_object_freeze_notify (G_OBJECT (self->model));
  bk_motion_list_model_set_body (self->model, selected_value (self->body_dropdown, self->bodies));
  bk_motion_list_model_set_faction (self->model, selected_faction (self));
  bk_motion_list_model_set_status (self->model, statuses[status]);
  g_object_thaw_notify (G_OBJECT (self->model));
}

static void
list_activate_cb (BkMotionListPage *self,
                  guint             position)
{
  gint64 id;

  if (self->model == NULL)
    return;

  id = bk_motion_list_model_get_motion_id (self->model, position);
  self->opened_id = id;
  if (id > 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.open-motion", "x", id);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  gtk_list_item_set_child (list_item, bk_motion_row_new ());
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  user_data)
{
  BkMotionRow *row = BK_MOTION_ROW (gtk_list_item_get_child (list_item));
  GtkWidget *parent;

  bk_motion_row_set_item (row, gtk_list_item_get_item (list_item));

  /* GTK 4.8 has no accessible label for list items, and the focusable list
   * item widget is the row's parent: name it after the motion so that a
   * screen reader reads the subject, not an empty list item. */
  parent = gtk_widget_get_parent (GTK_WIDGET (row));
  if (parent != NULL)
    {
      GtkWidget *list = gtk_widget_get_ancestor (parent, GTK_TYPE_LIST_VIEW);

      bk_ui_set_accessible (parent,
                            bk_motion_row_get_accessible_label (row),
                            bk_motion_row_get_accessible_description (row));
      /* Who and when: on request (the Help key), before the list's help. */
      if (list != NULL)
        bk_help_set_item_more (parent, list, bk_motion_row_get_more (row));
      /* The voice says the row's position: "3 of 17". */
      bk_ui_set_list_item (parent, list_item);
    }
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  BkMotionRow *row = BK_MOTION_ROW (gtk_list_item_get_child (list_item));
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (row));

  if (parent != NULL)
    bk_ui_set_list_item (parent, NULL);
  bk_motion_row_set_item (row, NULL);
}

/* GtkDropDown in GTK 4.8 leaves its button and its list items without
 * accessible names (they read as "GtkToggleButton" and "GtkListItemWidget").
 * This factory names each list item after its text ... */
static void
setup_choice_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 gpointer                  user_data)
{
  GtkWidget *label = bk_ui_wrap_label_new (NULL, NULL);

  gtk_list_item_set_child (list_item, label);
}

static void
bind_choice_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  GtkWidget *label = gtk_list_item_get_child (list_item);
  GtkStringObject *item = gtk_list_item_get_item (list_item);
  const char *text = item ? gtk_string_object_get_string (item) : "";
  GtkWidget *parent = gtk_widget_get_parent (label);

  gtk_label_set_text (GTK_LABEL (label), text);
  bk_ui_set_accessible (label, text, NULL);
  if (parent != NULL)
    {
      bk_ui_set_accessible (parent, text, NULL);
      bk_ui_set_list_item (parent, list_item);
    }
}

/* ... and the button gets "Caption: choice", updated with the choice. */
static void
update_dropdown_name (GtkDropDown *dropdown)
{
  g_autofree char *name = NULL;
  GtkWidget *button = gtk_widget_get_first_child (GTK_WIDGET (dropdown));
  GtkStringObject *item = gtk_drop_down_get_selected_item (dropdown);
  const char *caption = g_object_get_data (G_OBJECT (dropdown), "bk-caption");

  if (button == NULL || caption == NULL)
    return;

  if (item != NULL)
    /* Translators: a filter and its choice, as in "Status: Decided" */
    name = g_strdup_printf (_("%s: %s"), caption, gtk_string_object_get_string (item));
  else
    name = g_strdup (caption);

  bk_ui_set_accessible (button, name, NULL);
}

static void
setup_dropdown (GtkDropDown *dropdown,
                const char  *caption)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_choice_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_choice_cb), NULL);
  gtk_drop_down_set_factory (dropdown, factory);

  g_object_set_data_full (G_OBJECT (dropdown), "bk-caption", g_strdup (caption), g_free);
  g_signal_connect (dropdown, "notify::selected-item", G_CALLBACK (update_dropdown_name), NULL);
  update_dropdown_name (dropdown);
  bk_ui_hide_inner_stacks (GTK_WIDGET (dropdown));
}

static GtkStringList *
make_choices (const char *all,
              GStrv       values)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, all);
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    gtk_string_list_append (list, values[i]);

  return list;
}

/* A faction's name, with its council where two councils have a group of
 * that name ("SPD-Fraktion (Kreistag)"). */
static GtkStringList *
make_faction_choices (GPtrArray *factions)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, _("All submitters"));
  for (guint i = 0; factions != NULL && i < factions->len; i++)
    {
      BkFaction *faction = g_ptr_array_index (factions, i);
      BkFaction *before = i > 0 ? g_ptr_array_index (factions, i - 1) : NULL;
      BkFaction *after = i + 1 < factions->len ? g_ptr_array_index (factions, i + 1) : NULL;
      gboolean shared = (before != NULL && g_strcmp0 (before->name, faction->name) == 0) ||
                        (after != NULL && g_strcmp0 (after->name, faction->name) == 0);
      g_autofree char *label = shared && faction->body != NULL
                               /* Translators: a faction and its council in the motion filter,
                                * as in "SPD-Fraktion (Kreistag)" */
                               ? g_strdup_printf (_("%s (%s)"), faction->name, faction->body)
                               : g_strdup (faction->name);

      gtk_string_list_append (list, label);
    }
  return list;
}

static gboolean
bk_motion_list_page_grab_focus (GtkWidget *widget)
{
  BkMotionListPage *self = BK_MOTION_LIST_PAGE (widget);

  /* Back returns to the row that was opened (the list keeps its focus
   * row), not to the search field above the filters */
  if (self->focus_opened)
    {
      self->focus_opened = FALSE;
      if (gtk_widget_grab_focus (GTK_WIDGET (self->list_view)) &&
          gtk_widget_get_focus_child (GTK_WIDGET (self->list_view)) != NULL)
        return TRUE;
    }
  return gtk_widget_grab_focus (self->search_entry);
}

static gboolean
bk_motion_list_page_show_target (BkPage      *page,
                                 GVariant    *target,
                                 const char **heading,
                                 GError     **error)
{
  BkMotionListPage *self = BK_MOTION_LIST_PAGE (page);

  self->focus_opened = target != NULL && g_variant_is_of_type (target, G_VARIANT_TYPE_INT64) &&
                       g_variant_get_int64 (target) == self->opened_id && self->opened_id > 0;
  if (!self->focus_opened)
    self->opened_id = 0;
  return TRUE;
}

static GVariant *
bk_motion_list_page_dup_target (BkPage *page)
{
  BkMotionListPage *self = BK_MOTION_LIST_PAGE (page);

  return self->opened_id > 0 ? g_variant_ref_sink (g_variant_new_int64 (self->opened_id)) : NULL;
}

/* A large addition comes in steps after the frames of the page on screen */
static void
pace_model (BkMotionListPage *self)
{
  if (self->model != NULL)
    bk_motion_list_model_set_frame_clock (self->model,
                                          gtk_widget_get_mapped (GTK_WIDGET (self))
                                          ? gtk_widget_get_frame_clock (GTK_WIDGET (self)) : NULL);
}

static void
bk_motion_list_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (bk_motion_list_page_parent_class)->map (widget);
  pace_model (BK_MOTION_LIST_PAGE (widget));
}

static void
bk_motion_list_page_unmap (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (bk_motion_list_page_parent_class)->unmap (widget);
  pace_model (BK_MOTION_LIST_PAGE (widget));
}

static void
bk_motion_list_page_dispose (GObject *object)
{
  BkMotionListPage *self = (BkMotionListPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), BK_TYPE_MOTION_LIST_PAGE);
  bk_ui_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->model);
  g_clear_object (&self->store);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (bk_motion_list_page_parent_class)->dispose (object);
}

static void
bk_motion_list_page_finalize (GObject *object)
{
  BkMotionListPage *self = (BkMotionListPage *)object;

  g_clear_pointer (&self->bodies, g_strfreev);
  g_clear_pointer (&self->factions, g_ptr_array_unref);

  G_OBJECT_CLASS (bk_motion_list_page_parent_class)->finalize (object);
}

/* ---- BkPage -------------------------------------------------------------- */

/* What the page holds, as the voice says it when the page is shown:
 * "Council motions. 17 motions. Search, filters and list." */
static char *
bk_motion_list_page_dup_summary (BkPage *page)
{
  BkMotionListPage *self = BK_MOTION_LIST_PAGE (page);
  const char *status = bk_motion_list_page_is_empty_shown (self)
                       ? gtk_label_get_text (self->empty_label)
                       : gtk_label_get_text (self->count_label);

  /* Translators: spoken when the motion list is shown: the page title, the
   * number of motions, then what is on the page */
  return g_strdup_printf (_("%s. %s. Search, filters and list."),
                          _("Council motions"), status);
}

static const char *
bk_motion_list_page_get_help_text (BkPage *page)
{
  /* Translators: help for the list of council motions */
  return _("This screen lists the council motions. "
           "Type words into the search field to find a motion. "
           "The filters show only the motions of one council, one faction or one status. "
           "Choose a motion in the list to read it.");
}

static void
page_iface_init (BkPageInterface *iface)
{
  iface->dup_summary = bk_motion_list_page_dup_summary;
  iface->get_help_text = bk_motion_list_page_get_help_text;
  iface->show_target = bk_motion_list_page_show_target;
  iface->dup_target = bk_motion_list_page_dup_target;
}

static void
load_store (BkMotionListPage *self,
            BkStore          *store)
{
  g_autoptr(GtkStringList) bodies = NULL;
  g_autoptr(GtkStringList) factions = NULL;
  g_autoptr(GtkNoSelection) selection = NULL;

  if (!g_set_object (&self->store, store))
    return;

  gtk_list_view_set_model (self->list_view, NULL);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_object (&self->model);
  g_clear_pointer (&self->bodies, g_strfreev);
  g_clear_pointer (&self->factions, g_ptr_array_unref);

  if (store != NULL)
    {
      self->bodies = bk_store_list_bodies (store);
      self->factions = bk_store_list_factions (store);
    }

  /* The model does not exist yet, so these do not run a query. */
  bodies = make_choices (_("All councils and committees"), self->bodies);
  factions = make_faction_choices (self->factions);
  gtk_drop_down_set_model (self->body_dropdown, G_LIST_MODEL (bodies));
  gtk_drop_down_set_model (self->faction_dropdown, G_LIST_MODEL (factions));
  gtk_drop_down_set_selected (self->body_dropdown, 0);
  gtk_drop_down_set_selected (self->faction_dropdown, 0);
  gtk_drop_down_set_selected (self->status_dropdown, 0);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");

  if (store != NULL)
    {
      self->model = bk_motion_list_model_new (store);
      bk_motion_list_model_set_gradual (self->model, TRUE);
      pace_model (self);
      g_signal_connect_object (self->model, "items-changed",
                               G_CALLBACK (update_count), self,
                               G_CONNECT_SWAPPED);
      /* a large addition reaches the list a step later */
      g_signal_connect_object (self->model, "notify::n-items",
                               G_CALLBACK (update_count), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->model, "notify::has-first-screen",
                               G_CALLBACK (update_list_shown), self,
                               G_CONNECT_SWAPPED);
      selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
      gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
    }

  update_count (self);
}

/* A sync brought news: the list shows them at once; a page not shown also
 * takes new councils and submitters into its filters (that would reset
 * what the citizen chose). */
static void
sync_finished_cb (BkMotionListPage *self,
                  gboolean          changed)
{
  if (!changed || self->model == NULL)
    return;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    bk_motion_list_model_reload (self->model);
  else
    {
      g_autoptr(BkStore) store = g_steal_pointer (&self->store);

      load_store (self, store);
    }
}

/* The context arrives once, from the window. */
static void
set_context (BkMotionListPage *self,
             BkContext *context)
{
  if (!g_set_object (&self->context, context) || context == NULL)
    return;
  load_store (self, bk_context_get_store (context));
  if (bk_context_get_sync (context) != NULL)
    g_signal_connect_object (bk_context_get_sync (context), "finished",
                             G_CALLBACK (sync_finished_cb), self, G_CONNECT_SWAPPED);
}

BK_PAGE_DEFINE_CONTEXT_PROPERTY (BkMotionListPage, bk_motion_list_page, BK_MOTION_LIST_PAGE)

static void
bk_motion_list_page_class_init (BkMotionListPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bk_motion_list_page_dispose;
  object_class->get_property = bk_motion_list_page_get_property;
  object_class->set_property = bk_motion_list_page_set_property;
  g_object_class_override_property (object_class, BK_PAGE_PROP_CONTEXT, "context");
  object_class->finalize = bk_motion_list_page_finalize;
  widget_class->grab_focus = bk_motion_list_page_grab_focus;
  widget_class->map = bk_motion_list_page_map;
  widget_class->unmap = bk_motion_list_page_unmap;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/buergerkiosk/Kiosk/ui/bk-motion-list-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, BkMotionListPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, BkMotionListPage, body_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BkMotionListPage, faction_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BkMotionListPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BkMotionListPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, BkMotionListPage, empty_view);
  gtk_widget_class_bind_template_child (widget_class, BkMotionListPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, BkMotionListPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, BkMotionListPage, empty_label);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback_full (widget_class, "stop_search_cb",
                                                G_CALLBACK (bk_ui_stop_search_cb));
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
}

static void
bk_motion_list_page_init (BkMotionListPage *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  bk_ui_search_leads_to (self->search_entry, GTK_WIDGET (self->list_view));

  setup_dropdown (self->body_dropdown, _("Council or committee"));
  setup_dropdown (self->faction_dropdown, _("Submitted by"));
  setup_dropdown (self->status_dropdown, _("Status"));

  update_count (self);

  bk_help_set_item_text (self->search_entry,
                         /* Translators: item help of the search field of the motion list */
                         _("Type one or more words. The list then shows only the motions with these words."));
  bk_help_set_item_text (GTK_WIDGET (self->body_dropdown),
                         /* Translators: item help of the council filter of the motion list */
                         _("Shows only the motions of one council or committee."));
  bk_help_set_item_text (GTK_WIDGET (self->faction_dropdown),
                         /* Translators: item help of the faction filter of the motion list */
                         _("Shows only the motions of one faction."));
  bk_help_set_item_text (GTK_WIDGET (self->status_dropdown),
                         /* Translators: item help of the status filter of the motion list */
                         _("Shows only the motions with this status, for example the decided ones."));
  bk_help_set_item_text (GTK_WIDGET (self->list_view),
                         /* Translators: item help of a row in the list of motions */
                         _("A council motion. Choose it to read it. Up and Down move through the list."));
}

GtkWidget *
bk_motion_list_page_new (void)
{
  return g_object_new (BK_TYPE_MOTION_LIST_PAGE, NULL);
}

BkMotionListModel *
bk_motion_list_page_get_model (BkMotionListPage *self)
{
  g_return_val_if_fail (BK_IS_MOTION_LIST_PAGE (self), NULL);

  return self->model;
}

GtkWidget *
bk_motion_list_page_get_search_entry (BkMotionListPage *self)
{
  g_return_val_if_fail (BK_IS_MOTION_LIST_PAGE (self), NULL);

  return self->search_entry;
}

GtkWidget *
bk_motion_list_page_get_list_view (BkMotionListPage *self)
{
  g_return_val_if_fail (BK_IS_MOTION_LIST_PAGE (self), NULL);

  return GTK_WIDGET (self->list_view);
}

GtkDropDown *
bk_motion_list_page_get_body_filter (BkMotionListPage *self)
{
  g_return_val_if_fail (BK_IS_MOTION_LIST_PAGE (self), NULL);

  return self->body_dropdown;
}

GtkDropDown *
bk_motion_list_page_get_faction_filter (BkMotionListPage *self)
{
  g_return_val_if_fail (BK_IS_MOTION_LIST_PAGE (self), NULL);

  return self->faction_dropdown;
}

GtkDropDown *
bk_motion_list_page_get_status_filter (BkMotionListPage *self)
{
  g_return_val_if_fail (BK_IS_MOTION_LIST_PAGE (self), NULL);

  return self->status_dropdown;
}

const char *
bk_motion_list_page_get_count_text (BkMotionListPage *self)
{
  g_return_val_if_fail (BK_IS_MOTION_LIST_PAGE (self), NULL);

  return gtk_label_get_text (self->count_label);
}

gboolean
bk_motion_list_page_is_empty_shown (BkMotionListPage *self)
{
  g_return_val_if_fail (BK_IS_MOTION_LIST_PAGE (self), FALSE);

  return gtk_widget_get_visible (self->empty_view);
}

gboolean
bk_motion_list_page_is_list_shown (BkMotionListPage *self)
{
  g_return_val_if_fail (BK_IS_MOTION_LIST_PAGE (self), FALSE);

  return gtk_widget_get_visible (GTK_WIDGET (self->scroller)) &&
         gtk_widget_get_opacity (GTK_WIDGET (self->scroller)) > 0.0;
}

const char *
bk_motion_list_page_get_empty_text (BkMotionListPage *self)
{
  g_return_val_if_fail (BK_IS_MOTION_LIST_PAGE (self), NULL);

  return gtk_label_get_text (self->empty_label);
}
