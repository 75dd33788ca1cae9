/* bk-nav-test-util.c: shared by test-navigator and test-scanning
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "bk-nav-test-util.h"
#include "bk-ui-test-util.h"

#include <string.h>

#include "bk-ez-tree.h"
#include "bk-osk-private.h"
#include "bk-scanner.h"

static gint64
fake_time (gpointer user_data)
{
  NavFixture *f = user_data;

  return f->now;
}

static void
said_cb (GObject    *source,
         const char *text,
         NavFixture *f)
{
  g_test_message ("said: %s", text);
  g_ptr_array_add (f->said, g_strdup (text));
}

static void
cue_cb (BkVoice    *voice,
        int         earcon,
        NavFixture *f)
{
  if (earcon == BK_EARCON_EDGE)
    f->edges++;
}

static void fixture_init (NavFixture    *f,
                          BkApplication *app,
                          BkStore       *store,
                          void         (*prepare) (BkStore *store));

void
nav_fixture_init (NavFixture    *f,
                  BkApplication *app)
{
  nav_fixture_init_full (f, app, NULL);
}

void
nav_fixture_init_full (NavFixture    *f,
                       BkApplication *app,
                       void         (*prepare) (BkStore *store))
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BkStore) store = bk_store_open (NULL, 0, &error);

  g_assert_no_error (error);
  fixture_init (f, app, store, prepare);
}

void
nav_fixture_init_with_store (NavFixture    *f,
                             BkApplication *app,
                             BkStore       *store)
{
  fixture_init (f, app, store, NULL);
}

static void
fixture_init (NavFixture    *f,
              BkApplication *app,
              BkStore       *store,
              void         (*prepare) (BkStore *store))
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BkMotion) ramp = bk_motion_new ();
  g_autoptr(BkMotion) benches = bk_motion_new ();
  BkResolutionPoint *point;

  memset (f, 0, sizeof *f);
  f->app = app;
  f->store = g_object_ref (store);

  ramp->subject = g_strdup ("Rampe am Rathauseingang");
  ramp->body = g_strdup ("Kreistag");
  ramp->reference = g_strdup ("KT/2026/001");
  ramp->date = g_strdup ("2026-01-10");
  ramp->justification = g_strdup ("Rollstuhlfahrer kommen nicht ins Rathaus hinein.");
  bk_motion_add_submitter (ramp, "Fraktion Alpha", BK_PARTY_FACTION);
  point = bk_motion_add_point (ramp, "Der Kreis baut eine Rampe.");
  bk_resolution_point_add_subpoint (point, "am Haupteingang");
  bk_motion_add_consultation (ramp, "Kreistag", "2026-03-01", "Beschluss", BK_TRISTATE_YES);
  g_assert_true (bk_store_save_motion (f->store, ramp, &error));
  f->ramp_id = ramp->id;

  benches->subject = g_strdup ("Mehr Bänke im Park");
  benches->date = g_strdup ("2026-01-09");
  g_assert_true (bk_store_save_motion (f->store, benches, &error));
  g_assert_no_error (error);

  if (prepare != NULL)
    prepare (f->store);
  /* With its application, so that the panel's app.* actions work. */
  nav_fixture_attach (f, app, bk_ui_test_attached_window_new (app, f->store, NULL));
}

void
nav_fixture_attach (NavFixture    *f,
                    BkApplication *app,
                    BkWindow      *window)
{
  f->app = app;
  f->said = g_ptr_array_new_with_free_func (g_free);
  f->now = 1000 * G_USEC_PER_SEC;
  f->window = window;
  f->nav = bk_window_get_navigator (f->window);
  g_assert_nonnull (f->nav);
  bk_navigator_set_time_func (f->nav, fake_time, f);
  g_signal_connect (f->nav, "said", G_CALLBACK (said_cb), f);
  g_signal_connect (bk_navigator_get_scanner (f->nav), "said", G_CALLBACK (said_cb), f);
  g_signal_connect (bk_application_get_voice (app), "cue", G_CALLBACK (cue_cb), f);
  bk_ui_test_iterate (50);
}

void
nav_fixture_clear (NavFixture *f)
{
  BkVoice *voice = bk_application_get_voice (f->app);

  g_signal_handlers_disconnect_by_data (voice, f);
  bk_voice_stop (voice);
  bk_ui_test_window_destroy (f->window);
  bk_application_reset_session (f->app);
  g_clear_pointer (&f->said, g_ptr_array_unref);
  g_clear_object (&f->store);
}

gboolean
nav_press (NavFixture *f,
           guint       keyval)
{
  gboolean handled = bk_navigator_handle_key (f->nav, keyval, 0);

  f->now += 50 * 1000;
  bk_navigator_handle_key_release (f->nav, keyval, 0);
  f->now += G_USEC_PER_SEC;
  bk_ui_test_iterate (20);

  return handled;
}

const char *
nav_last_said (NavFixture *f)
{
  return f->said->len > 0 ? g_ptr_array_index (f->said, f->said->len - 1) : NULL;
}

gboolean
nav_said_contains (NavFixture *f,
                   const char *needle)
{
  for (guint i = 0; i < f->said->len; i++)
    if (strstr (g_ptr_array_index (f->said, i), needle) != NULL)
      return TRUE;

  return FALSE;
}

GtkWidget *
nav_press_until (NavFixture     *f,
                 guint           keyval,
                 gboolean      (*pred) (GtkWidget *item, gconstpointer data),
                 gconstpointer   data,
                 guint           limit)
{
  for (guint i = 0; i < limit; i++)
    {
      GtkWidget *current;

      nav_press (f, keyval);
      current = bk_navigator_get_current (f->nav);
      if (current != NULL && pred (current, data))
        return current;
    }

  return NULL;
}

gboolean
nav_is_widget (GtkWidget     *item,
               gconstpointer  data)
{
  return item == data;
}

gboolean
nav_is_row_of (GtkWidget     *item,
               gconstpointer  subject)
{
  g_autofree char *name = NULL;

  if (g_object_get_data (G_OBJECT (item), "bk-list-item") == NULL)
    return FALSE;
  name = bk_ez_dup_name (item);
  return name != NULL && strstr (name, subject) != NULL;
}

char *
nav_dup_settings (BkSettings *settings)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint n = 0;
  g_autofree GParamSpec **specs = g_object_class_list_properties (G_OBJECT_GET_CLASS (settings), &n);

  for (guint i = 0; i < n; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;
      g_autofree char *contents = NULL;

      g_value_init (&value, specs[i]->value_type);
      g_object_get_property (G_OBJECT (settings), specs[i]->name, &value);
      contents = g_strdup_value_contents (&value);
      g_string_append_printf (text, "%s=%s\n", specs[i]->name, contents);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

void
nav_type_on_keys (BkOsk       *osk,
                  const char  *text,
                  NavPressKey  press,
                  gpointer     data)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      BkOskPage page;
      gboolean shift;

      g_assert_true (bk_osk_layout_locate (c, &page, &shift));
      if (bk_osk_layout_get_page (bk_osk_get_layout (osk)) != page)
        press (data, bk_osk_find_key (osk, BK_OSK_KEY_SWITCH, 0));
      if (shift != bk_osk_get_shift (osk))
        press (data, bk_osk_find_key (osk, BK_OSK_KEY_SHIFT, 0));
      press (data, bk_osk_find_key (osk, c == '\n' ? BK_OSK_KEY_NEWLINE : BK_OSK_KEY_CHAR, c));
    }
}

guint
nav_osk_keypad_press (BkOsk      *osk,
                      GtkWidget  *key,
                      NavSendKey  send,
                      gpointer    data)
{
  BkOskLayout *layout = bk_osk_get_layout (osk);
  guint n_rows = bk_osk_layout_get_n_rows (layout);
  guint row = G_MAXUINT, index = 0, at_row, at_index, sent = 0;

  g_assert_nonnull (key);
  for (guint r = 0; r < n_rows && row == G_MAXUINT; r++)
    for (guint i = 0; i < bk_osk_layout_get_n_keys (layout, r); i++)
      if (bk_osk_get_key (osk, r, i) == key)
        {
          row = r;
          index = i;
          break;
        }
  g_assert_cmpuint (row, !=, G_MAXUINT);

  /* The first arrow only shows where the highlight is. */
  if (!bk_osk_get_highlight (osk, &at_row, &at_index))
    {
      send (data, GDK_KEY_KP_Down);
      sent++;
      g_assert_true (bk_osk_get_highlight (osk, &at_row, &at_index));
    }
  for (guint i = 0; i < n_rows && at_row != row; i++, sent++)
    {
      send (data, (row + n_rows - at_row) % n_rows <= n_rows / 2 ? GDK_KEY_KP_Down : GDK_KEY_KP_Up);
      g_assert_true (bk_osk_get_highlight (osk, &at_row, &at_index));
    }
  g_assert_cmpuint (at_row, ==, row);
  for (guint i = 0; i < BK_OSK_COLUMNS && at_index != index; i++, sent++)
    {
      send (data, at_index < index ? GDK_KEY_KP_Right : GDK_KEY_KP_Left);
      g_assert_true (bk_osk_get_highlight (osk, &at_row, &at_index));
    }
  g_assert_cmpuint (at_index, ==, index);
  send (data, GDK_KEY_KP_Enter);
  return sent + 1;
}

gboolean
nav_holds (GtkWidget     *widget,
           NavPred        pred,
           gconstpointer  data)
{
  if (!gtk_widget_get_visible (widget))
    return FALSE;
  if (pred (widget, data))
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (nav_holds (c, pred, data))
      return TRUE;
  return FALSE;
}

gboolean
nav_is_or_inside (GtkWidget     *widget,
                  gconstpointer  data)
{
  return widget == data || gtk_widget_is_ancestor (widget, GTK_WIDGET (data));
}

gboolean
nav_xdotool (const char *const *args)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) argv = NULL;
  g_autoptr(GError) error = NULL;
  int status = -1;

  g_strv_builder_add (builder, "xdotool");
  g_strv_builder_addv (builder, (const char **) args);
  argv = g_strv_builder_end (builder);
  if (!g_spawn_sync (NULL, argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    {
      g_test_message ("xdotool: %s", error->message);
      return FALSE;
    }
  return TRUE;
}
