/* test-model.c: the UI's pieces that need no window
 *
 *   /settings/schema    the C key table and the compiled GSettings schema
 *                       agree on every key: type, range, default, choices
 *   /settings/tables    languages and themes come from one list each
 *   /key-filter/…       bounce keys and autorepeat with an injected clock
 *   /form/…             screens, the privacy notice, the submission
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "bk-config.h"

#include <json-glib/json-glib.h>

#include "bk-form.h"
#include "bk-i18n.h"
#include "bk-key-filter.h"
#include "bk-renderer-private.h"
#include "bk-screen-reader-private.h"
#include "bk-settings.h"
#include "bk-theme.h"

static GSettingsSchema *
lookup_schema (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  GSettingsSchema *schema = source ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;

  if (schema == NULL)
    g_error ("the schema %s is not compiled where GSETTINGS_SCHEMA_DIR points", APP_ID);
  return schema;
}

/* The range of a key as its type and values: "type", "range" or "enum". */
static void
check_range (GSettingsSchemaKey *key,
             GParamSpec         *pspec)
{
  g_autoptr(GVariant) range = g_settings_schema_key_get_range (key);
  const char *kind = NULL;
  g_autoptr(GVariant) values = NULL;
  const char * const *choices = bk_settings_get_choices (pspec->name);

  g_variant_get (range, "(&sv)", &kind, &values);
  if (G_IS_PARAM_SPEC_INT (pspec))
    {
      GParamSpecInt *ispec = G_PARAM_SPEC_INT (pspec);
      int min, max;

      if (!g_str_equal (kind, "range"))
        g_error ("%s: the schema has no range, the C table has %d … %d", pspec->name, ispec->minimum, ispec->maximum);
      g_variant_get (values, "(ii)", &min, &max);
      g_assert_cmpint (min, ==, ispec->minimum);
      g_assert_cmpint (max, ==, ispec->maximum);
      return;
    }

  if (choices != NULL)
    {
      g_autofree const char **schema_choices = NULL;

      if (!g_str_equal (kind, "enum"))
        g_error ("%s: the C table has choices, the schema has none", pspec->name);
      schema_choices = g_variant_get_strv (values, NULL);
      g_assert_cmpstrv (schema_choices, choices);
    }
  else
    g_assert_cmpstr (kind, ==, "type");
}

static void
test_schema (void)
{
  g_autoptr(GSettingsSchema) schema = lookup_schema ();
  g_autoptr(BkSettings) settings = bk_settings_new ();
  g_auto(GStrv) schema_keys = g_settings_schema_list_keys (schema);
  guint n_properties = 0;
  g_autofree GParamSpec **pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (settings), &n_properties);

  g_assert_cmpuint (n_properties, ==, g_strv_length (schema_keys));

  for (guint i = 0; i < n_properties; i++)
    {
      GParamSpec *pspec = pspecs[i];
      g_autoptr(GSettingsSchemaKey) key = NULL;
      g_autoptr(GVariant) schema_default = NULL;
      const GValue *c_default = g_param_spec_get_default_value (pspec);

      g_test_message ("key %s", pspec->name);
      if (!g_settings_schema_has_key (schema, pspec->name))
        g_error ("the C table has “%s”, the schema does not", pspec->name);
      key = g_settings_schema_get_key (schema, pspec->name);
      schema_default = g_settings_schema_key_get_default_value (key);

      if (G_IS_PARAM_SPEC_BOOLEAN (pspec))
        {
          g_assert_true (g_variant_is_of_type (schema_default, G_VARIANT_TYPE_BOOLEAN));
          g_assert_cmpint (g_variant_get_boolean (schema_default), ==, g_value_get_boolean (c_default));
        }
      else if (G_IS_PARAM_SPEC_INT (pspec))
        {
          g_assert_true (g_variant_is_of_type (schema_default, G_VARIANT_TYPE_INT32));
          g_assert_cmpint (g_variant_get_int32 (schema_default), ==, g_value_get_int (c_default));
        }
      else if (G_IS_PARAM_SPEC_STRING (pspec))
        {
          g_assert_true (g_variant_is_of_type (schema_default, G_VARIANT_TYPE_STRING));
          g_assert_cmpstr (g_variant_get_string (schema_default, NULL), ==, g_value_get_string (c_default));
        }
      else if (G_IS_PARAM_SPEC_VARIANT (pspec))
        {
          GVariant *c_value = g_value_get_variant (c_default);

          g_assert_true (g_variant_is_of_type (schema_default, g_variant_get_type (c_value)));
          g_assert_true (g_variant_equal (schema_default, c_value));
        }
      else
        g_error ("%s: a type the schema test does not know", pspec->name);

      check_range (key, pspec);

      /* The settings read the schema: without an override, the kiosk
       * default is the C default too. */
      {
        g_autoptr(GVariant) kiosk_default = bk_settings_dup_kiosk_default (settings, pspec->name);

        g_assert_nonnull (kiosk_default);
        g_assert_true (g_variant_equal (kiosk_default, schema_default));
      }
    }
}

/* A citizen's choices are never written: a new start (a restart, a crash)
 * begins with the kiosk's defaults whatever is stored. Staff settings are. */
static void
test_session_in_memory (void)
{
  g_autoptr(GSettings) stored = g_settings_new (APP_ID);
  g_autoptr(BkSettings) settings = NULL;
  g_autoptr(BkSettings) restarted = NULL;

  /* What an earlier version wrote for its last visitor. */
  g_settings_set_string (stored, "language", "en");
  g_settings_set_int (stored, "text-scale", 300);

  settings = bk_settings_new ();
  g_assert_cmpstr (bk_settings_get_string (settings, "language"), ==, "de");
  g_assert_cmpint (bk_settings_get_int (settings, "text-scale"), ==, 100);

  /* A visitor's choice stays in memory. */
  bk_settings_set_string (settings, "language", "tr");
  bk_settings_set_string (settings, "theme", "yellow-on-black");
  g_assert_cmpstr (g_settings_get_string (stored, "language"), ==, "en");
  g_assert_cmpstr (g_settings_get_string (stored, "theme"), ==, "standard");
  restarted = bk_settings_new ();
  g_assert_cmpstr (bk_settings_get_string (restarted, "language"), ==, "de");
  g_assert_cmpstr (bk_settings_get_string (restarted, "theme"), ==, "standard");

  /* Staff settings are kept. */
  bk_settings_set_int (settings, "idle-timeout", 240);
  g_assert_cmpint (g_settings_get_int (stored, "idle-timeout"), ==, 240);
  g_assert_cmpint (bk_settings_get_int (restarted, "idle-timeout"), ==, 240);

  bk_settings_reset_session (settings);
  g_assert_cmpstr (bk_settings_get_string (settings, "language"), ==, "de");
  g_settings_reset (stored, "language");
  g_settings_reset (stored, "text-scale");
  g_settings_reset (stored, "idle-timeout");
}

static void
test_tables (void)
{
  const char * const *languages = bk_i18n_get_languages ();
  const char * const *defaults = bk_settings_get_choices ("default-language");

  g_assert_cmpstrv (bk_settings_get_choices ("language"), languages);
  g_assert_cmpstr (defaults[0], ==, "");
  g_assert_cmpstrv (defaults + 1, languages);
  for (guint i = 0; languages[i] != NULL; i++)
    g_assert_nonnull (bk_i18n_get_native_name (languages[i]));

  g_assert_true (bk_theme_get_names () == bk_settings_get_choices ("theme"));
}

/* ---- the key filter ---------------------------------------------------------- */

typedef struct
{
  gint64 now;
} Clock;

static gint64
clock_now (gpointer user_data)
{
  return ((Clock *) user_data)->now;
}

static void
test_key_filter_repeat (void)
{
  g_autoptr(BkKeyFilter) filter = bk_key_filter_new ();
  Clock clock = { 1000 * G_USEC_PER_SEC };

  bk_key_filter_set_clock (filter, clock_now, &clock);

  /* A keypad key held down: once, its repeats swallowed. */
  g_assert_cmpint (bk_key_filter_press (filter, GDK_KEY_KP_2, TRUE, 0), ==, BK_KEY_NEW);
  g_assert_cmpint (bk_key_filter_press (filter, GDK_KEY_KP_2, TRUE, 0), ==, BK_KEY_SWALLOW);
  g_assert_cmpint (bk_key_filter_press (filter, GDK_KEY_KP_2, TRUE, 0), ==, BK_KEY_SWALLOW);
  g_assert_false (bk_key_filter_release (filter, GDK_KEY_KP_2));

  /* Another key repeats as usual (an arrow key in a list). */
  g_assert_cmpint (bk_key_filter_press (filter, GDK_KEY_Down, FALSE, 0), ==, BK_KEY_NEW);
  g_assert_cmpint (bk_key_filter_press (filter, GDK_KEY_Down, FALSE, 0), ==, BK_KEY_REPEAT);
  g_assert_false (bk_key_filter_release (filter, GDK_KEY_Down));

  /* A new press after the release is new again. */
  g_assert_cmpint (bk_key_filter_press (filter, GDK_KEY_KP_2, TRUE, 0), ==, BK_KEY_NEW);
  bk_key_filter_reset (filter);
  g_assert_cmpint (bk_key_filter_press (filter, GDK_KEY_KP_2, TRUE, 0), ==, BK_KEY_NEW);
}

static void
test_key_filter_debounce (void)
{
  g_autoptr(BkKeyFilter) filter = bk_key_filter_new ();
  Clock clock = { 1000 * G_USEC_PER_SEC };

  bk_key_filter_set_clock (filter, clock_now, &clock);

  g_assert_cmpint (bk_key_filter_press (filter, GDK_KEY_KP_5, TRUE, 500), ==, BK_KEY_NEW);
  clock.now += 50 * 1000;
  g_assert_false (bk_key_filter_release (filter, GDK_KEY_KP_5));

  /* A bounce 0.2 s after the release: swallowed, its release too. */
  clock.now += 200 * 1000;
  g_assert_cmpint (bk_key_filter_press (filter, GDK_KEY_KP_5, TRUE, 500), ==, BK_KEY_SWALLOW);
  clock.now += 50 * 1000;
  g_assert_true (bk_key_filter_release (filter, GDK_KEY_KP_5));

  /* Counted from the last accepted release: 0.6 s later it is new. */
  clock.now += 400 * 1000;
  g_assert_cmpint (bk_key_filter_press (filter, GDK_KEY_KP_5, TRUE, 500), ==, BK_KEY_NEW);
  g_assert_false (bk_key_filter_release (filter, GDK_KEY_KP_5));

  /* Another key at once is never a bounce. */
  g_assert_cmpint (bk_key_filter_press (filter, GDK_KEY_KP_8, TRUE, 500), ==, BK_KEY_NEW);
  /* Debounce off: the same key at once is new. */
  g_assert_false (bk_key_filter_release (filter, GDK_KEY_KP_8));
  g_assert_cmpint (bk_key_filter_press (filter, GDK_KEY_KP_8, TRUE, 0), ==, BK_KEY_NEW);
}

/* ---- the form model ----------------------------------------------------------- */

static void
test_form_screens (void)
{
  const BkForm *form = bk_form_lookup ("appointment");
  g_autoptr(GHashTable) answers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) grouped = NULL;
  g_autoptr(GPtrArray) easy = NULL;
  guint asked = 0;

  g_assert_nonnull (form);
  for (guint i = 0; i < form->n_fields; i++)
    asked += bk_form_field_is_asked (&form->fields[i], answers);
  g_assert_cmpuint (asked, ==, form->n_fields);

  grouped = bk_form_build_screens (form, answers, FALSE);
  easy = bk_form_build_screens (form, answers, TRUE);
  /* Easy-read: one question a screen. */
  g_assert_cmpuint (easy->len, ==, asked);
  g_assert_cmpuint (grouped->len, <=, easy->len);
  for (guint i = 0; i < form->n_fields; i++)
    {
      guint s = bk_form_screen_of_field (form, easy, form->fields[i].id);
      GArray *fields = g_ptr_array_index (easy, s);

      g_assert_cmpuint (g_array_index (fields, guint, 0), ==, i);
    }

  /* What the citizen chose where the form started is not asked again. */
  if (bk_form_find_field (form, "service") != NULL)
    {
      g_autoptr(GPtrArray) fewer = NULL;

      g_hash_table_insert (answers, g_strdup ("service"), g_strdup ("Personalausweis beantragen"));
      g_assert_false (bk_form_field_is_asked (bk_form_find_field (form, "service"), answers));
      fewer = bk_form_build_screens (form, answers, TRUE);
      g_assert_cmpuint (fewer->len, ==, easy->len - 1);
    }
}

static void
test_form_privacy (void)
{
  g_auto(GStrv) one = bk_form_dup_privacy_notice (bk_form_lookup ("appointment"), 1);
  g_auto(GStrv) thirty = bk_form_dup_privacy_notice (bk_form_lookup ("appointment"), 30);
  g_auto(GStrv) feedback = bk_form_dup_privacy_notice (bk_form_lookup ("motion-feedback"), 30);

  g_assert_cmpuint (g_strv_length (one), ==, 5);
  g_assert_nonnull (strstr (one[3], "1 day."));
  g_assert_nonnull (strstr (thirty[3], "30 days."));
  /* Feedback asks for no name: the notice says it is anonymous. */
  g_assert_nonnull (strstr (feedback[1], "anonymous"));
  g_assert_null (strstr (thirty[1], "anonymous"));
}

static void
test_form_submission (void)
{
  const BkForm *form = bk_form_lookup ("motion-feedback");
  g_autoptr(GHashTable) answers = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(BkSubmission) submission = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object;

  g_assert_nonnull (form);
  g_hash_table_insert (answers, (char *) "opinion", (char *) "none");
  g_hash_table_insert (answers, (char *) "comment", (char *) "Mehr Bänke, bitte.");
  submission = bk_form_build_submission (form, answers, NULL, 42, "de");

  g_assert_cmpint (submission->kind, ==, BK_SUBMISSION_MOTION_FEEDBACK);
  g_assert_cmpint (submission->motion_id, ==, 42);
  g_assert_cmpstr (submission->language, ==, "de");
  node = json_from_string (submission->answers, NULL);
  object = json_node_get_object (node);
  /* No opinion is stored as none at all, the comment as written. */
  g_assert_true (json_object_get_null_member (object, "opinion"));
  g_assert_cmpstr (json_object_get_string_member (object, "comment"), ==, "Mehr Bänke, bitte.");
}

/* The renderer: the environment wins; GL without a GPU is software. */
static void
test_renderer_early (void)
{
  const char *reason = NULL;

  g_assert_cmpint (_bk_renderer_decide_early ("gl", NULL, FALSE, &reason), ==, BK_RENDERER_KEEP);
  g_assert_cmpint (_bk_renderer_decide_early ("cairo", "1", TRUE, &reason), ==, BK_RENDERER_KEEP);
  g_assert_cmpint (_bk_renderer_decide_early (NULL, NULL, FALSE, &reason), ==, BK_RENDERER_CAIRO);
  g_assert_cmpstr (reason, ==, "no GPU device");
  g_assert_cmpint (_bk_renderer_decide_early ("", "1", TRUE, &reason), ==, BK_RENDERER_CAIRO);
  g_assert_cmpstr (reason, ==, "LIBGL_ALWAYS_SOFTWARE set");
  g_assert_cmpint (_bk_renderer_decide_early (NULL, "0", TRUE, &reason), ==, BK_RENDERER_PROBE);
  g_assert_cmpint (_bk_renderer_decide_early (NULL, NULL, TRUE, &reason), ==, BK_RENDERER_PROBE);
}

static void
test_renderer_software (void)
{
  g_assert_true (_bk_renderer_is_software ("llvmpipe (LLVM 15.0.6, 256 bits)"));
  g_assert_true (_bk_renderer_is_software ("softpipe"));
  g_assert_true (_bk_renderer_is_software ("Software Rasterizer"));
  g_assert_true (_bk_renderer_is_software ("Google SwiftShader"));
  g_assert_false (_bk_renderer_is_software ("Mesa Intel(R) UHD Graphics 620 (KBL GT2)"));
  g_assert_false (_bk_renderer_is_software ("V3D 4.2"));
  g_assert_false (_bk_renderer_is_software ("AMD Radeon Vega 8 Graphics (raven, LLVM 15.0.6, DRM 3.49)"));
  g_assert_false (_bk_renderer_is_software (NULL));
}

/* Which listeners on the accessibility bus make a screen reader: focus and
 * caret from one client (Orca 43 registers these among ~40 others). */
static gboolean
events_say_reader (const char *text)
{
  g_autoptr(GVariant) events = g_variant_ref_sink (g_variant_new_parsed (text));

  return _bk_screen_reader_events_say_reader (events);
}

static void
test_screen_reader_events (void)
{
  /* Orca's own, abridged */
  g_assert_true (events_say_reader ("[(':1.2', 'Focus::'), (':1.2', 'Object:StateChanged:Focused'), "
                                    "(':1.2', 'Object:TextCaretMoved:'), (':1.2', 'Window:Activate:')]"));
  /* broader registrations cover the narrow ones */
  g_assert_true (events_say_reader ("[(':1.5', 'Object:StateChanged:'), (':1.5', 'Object:TextCaretMoved')]"));
  g_assert_true (events_say_reader ("[(':1.5', 'Object:')]"));
  g_assert_true (events_say_reader ("[(':1.5', '')]"));
  /* nobody; a tree reader; a magnifier (focus only); focus and caret from two clients */
  g_assert_false (events_say_reader ("@a(ss) []"));
  g_assert_false (events_say_reader ("[(':1.3', 'Object:ChildrenChanged:Add')]"));
  g_assert_false (events_say_reader ("[(':1.3', 'Focus::'), (':1.3', 'Object:StateChanged:Focused')]"));
  g_assert_false (events_say_reader ("[(':1.3', 'Object:StateChanged:Focused'), (':1.4', 'Object:TextCaretMoved:')]"));
  /* a prefix of a word is no registration for it */
  g_assert_false (events_say_reader ("[(':1.3', 'Object:State'), (':1.3', 'Object:TextCaret')]"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/settings/schema", test_schema);
  g_test_add_func ("/settings/tables", test_tables);
  g_test_add_func ("/settings/session-in-memory", test_session_in_memory);
  g_test_add_func ("/key-filter/repeat", test_key_filter_repeat);
  g_test_add_func ("/key-filter/debounce", test_key_filter_debounce);
  g_test_add_func ("/form/screens", test_form_screens);
  g_test_add_func ("/form/privacy", test_form_privacy);
  g_test_add_func ("/form/submission", test_form_submission);
  g_test_add_func ("/renderer/early", test_renderer_early);
  g_test_add_func ("/renderer/software", test_renderer_software);
  g_test_add_func ("/screen-reader/events", test_screen_reader_events);

  return g_test_run ();
}
