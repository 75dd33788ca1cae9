/* bk-tour-steps.c: the steps of the demonstration tour
 *
 * The kiosk knows each kind of step (what it changes on the real screen);
 * a town's file only chooses which of them are shown, in which order, for
 * how long in the loop, and may say them in its own words. So a file can
 * shorten or reorder the tour but never make it change something the tour
 * cannot put back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-tour"

#include "bk-config.h"

#include <glib/gi18n.h>

#include "bk-error.h"
#include "bk-i18n.h"
#include "bk-json.h"
#include "bk-tour-steps.h"

/* Words a councillor understands: what it shows, why it matters. */
static const BkTourStepInfo infos[] = {
  { "welcome", "home", "{}", BK_TOUR_EFFECT_NONE,
    N_("Welcome to the tour"),
    N_("This tour shows how the kiosk serves people with disabilities, live on the real screens. "
       "It changes settings and puts every one of them back at the end.") },
  { "theme-high-contrast-dark", "home", "{'theme': <'high-contrast-dark'>}", BK_TOUR_EFFECT_NONE,
    N_("Colours: light text on dark"),
    N_("Strong contrast helps people with low vision. Bright backgrounds dazzle many of them, so this theme is dark.") },
  { "theme-high-contrast-light", "home", "{'theme': <'high-contrast-light'>}", BK_TOUR_EFFECT_NONE,
    N_("Colours: dark text on light"),
    N_("The same strong contrast on a light background, with heavy borders around every button.") },
  { "theme-yellow-on-black", "home", "{'theme': <'yellow-on-black'>}", BK_TOUR_EFFECT_NONE,
    N_("Colours: yellow on black"),
    N_("Many people with a visual impairment read yellow on black best. Citizens choose the colours themselves.") },
  { "text-300", "home", "{'text-scale': <300>}", BK_TOUR_EFFECT_NONE,
    N_("Text three times as large"),
    N_("Text and buttons grow up to 300 percent. Nothing is cut off: lines wrap and the screen scrolls.") },
  { "read-aloud", "motion", "{'speech-enabled': <true>}", BK_TOUR_EFFECT_READ_ALOUD,
    N_("Read aloud, word by word"),
    N_("The kiosk reads a motion aloud and marks the word being heard. "
       "This helps people who cannot see well and people who find reading hard."), 40 },
  { "captions", "home", "{'speech-enabled': <true>, 'captions-enabled': <true>}", BK_TOUR_EFFECT_NONE,
    N_("Captions"),
    N_("Everything the kiosk says is also written in the bar at the bottom. "
       "Deaf and hard-of-hearing people read what the voice says.") },
  { "keypad-help", "home", "{}", BK_TOUR_EFFECT_HELP,
    N_("The keypad and help in layers"),
    N_("A keypad with raised keys operates every screen without touching it. "
       "Its Help key explains the item, then the screen, then the kiosk.") },
  { "explore", "home", "{'explore-mode': <true>}", BK_TOUR_EFFECT_NONE,
    N_("Explore mode"),
    N_("In explore mode every key and every touch only says what it is. "
       "Blind people learn the screen without changing anything.") },
  { "scanning", "home", "{'scan-mode': <'one-switch'>}", BK_TOUR_EFFECT_NONE,
    N_("One switch is enough"),
    N_("The kiosk highlights one region after another, and one large switch chooses. "
       "People who cannot use their hands well use every screen this way.") },
  { "easy-read", "home", "{'language': <'de'>, 'easy-read': <true>}", BK_TOUR_EFFECT_NONE,
    N_("Easy-read German"),
    N_("The kiosk also speaks Leichte Sprache: short sentences and no hard words. "
       "It helps people with learning difficulties and people who are learning German.") },
  { "arabic", "home", "{'language': <'ar'>}", BK_TOUR_EFFECT_NONE,
    N_("Five languages, also from right to left"),
    N_("German, English, Turkish, Arabic and Ukrainian. In Arabic the whole screen is mirrored and reads from right to left.") },
  { "screen-reader", "home", "{}", BK_TOUR_EFFECT_SCREEN_READER,
    N_("What a screen reader hears"),
    N_("Every button has a name, a role and a description. A blind person's screen reader, such as Orca, reads them aloud.") },
  { "idle-reset", "home", "{'text-scale': <200>}", BK_TOUR_EFFECT_IDLE_WARNING,
    N_("The kiosk forgets everything"),
    N_("Without input the kiosk warns, then starts over: it forgets every setting and every entry. "
       "The next person finds a clean kiosk, and nothing personal stays."), 30 },
  { "end", "home", "{}", BK_TOUR_EFFECT_NONE,
    N_("End of the tour"),
    N_("Every setting is back as it was. Thank you for your attention.") },
};

const BkTourStepInfo *
bk_tour_step_infos (guint *n_infos)
{
  if (n_infos != NULL)
    *n_infos = G_N_ELEMENTS (infos);
  return infos;
}

const BkTourStepInfo *
bk_tour_step_info_lookup (const char *id)
{
  for (guint i = 0; id != NULL && i < G_N_ELEMENTS (infos); i++)
    if (g_str_equal (infos[i].id, id))
      return &infos[i];
  return NULL;
}

static void
step_free (BkTourStep *step)
{
  g_clear_pointer (&step->title, g_hash_table_unref);
  g_clear_pointer (&step->text, g_hash_table_unref);
  g_free (step);
}

static BkTourStep *
step_new (const BkTourStepInfo *info)
{
  BkTourStep *step = g_new0 (BkTourStep, 1);

  step->info = info;
  step->seconds = info->seconds > 0 ? info->seconds : BK_TOUR_DEFAULT_SECONDS;
  return step;
}

GPtrArray *
bk_tour_steps_new_builtin (void)
{
  GPtrArray *steps = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);

  for (guint i = 0; i < G_N_ELEMENTS (infos); i++)
    g_ptr_array_add (steps, step_new (&infos[i]));
  return steps;
}

/* "title" or "text": an object of language code → non-empty text. */
static gboolean
read_words (JsonObject  *object,
            const char  *member,
            const char  *name,
            const char  *path,
            GHashTable **out,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autofree char *here = g_strdup_printf ("%s.%s", path, member);
  g_autoptr(GHashTable) words = NULL;
  g_autoptr(GList) languages = NULL;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return bk_json_fail (error, name, here, _("expected an object of language codes and texts"));

  words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  languages = json_object_get_members (json_node_get_object (node));
  for (GList *l = languages; l != NULL; l = l->next)
    {
      JsonNode *text = json_object_get_member (json_node_get_object (node), l->data);
      g_autofree char *at = g_strdup_printf ("%s.%s", here, (const char *) l->data);

      if (!g_strv_contains (bk_i18n_get_languages (), l->data))
        return bk_json_fail (error, name, at, _("not a language of the kiosk"));
      if (!JSON_NODE_HOLDS_VALUE (text) || json_node_get_value_type (text) != G_TYPE_STRING ||
          *json_node_get_string (text) == '\0')
        return bk_json_fail (error, name, at, _("expected a text"));
      g_hash_table_insert (words, g_strdup (l->data), g_strdup (json_node_get_string (text)));
    }
  *out = g_steal_pointer (&words);
  return TRUE;
}

static BkTourStep *
read_step (JsonNode    *node,
           guint        index,
           const char  *name,
           GError     **error)
{
  g_autofree char *path = g_strdup_printf ("$.steps[%u]", index);
  g_autofree char *show_path = g_strconcat (path, ".show", NULL);
  g_autofree char *seconds_path = g_strconcat (path, ".seconds", NULL);
  const BkTourStepInfo *info;
  JsonObject *object;
  JsonNode *member;
  BkTourStep *step;
  const char *id;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      bk_json_fail (error, name, path, _("expected an object"));
      return NULL;
    }
  object = json_node_get_object (node);

  member = json_object_get_member (object, "show");
  if (member == NULL || !JSON_NODE_HOLDS_VALUE (member) || json_node_get_value_type (member) != G_TYPE_STRING)
    {
      bk_json_fail (error, name, show_path, _("expected the name of a step"));
      return NULL;
    }
  id = json_node_get_string (member);
  info = bk_tour_step_info_lookup (id);
  if (info == NULL)
    {
      g_autoptr(GString) known = g_string_new (NULL);
      g_autofree char *problem = NULL;

      for (guint i = 0; i < G_N_ELEMENTS (infos); i++)
        g_string_append_printf (known, "%s%s", i > 0 ? ", " : "", infos[i].id);
      /* Translators: a step name in a tour file the kiosk does not know; %s the name, %s the known ones */
      problem = g_strdup_printf (_("no step is called “%s” (known: %s)"), id, known->str);
      bk_json_fail (error, name, show_path, problem);
      return NULL;
    }

  step = step_new (info);
  /* a town's own time, else the step's */
  member = json_object_get_member (object, "seconds");
  if (member != NULL)
    {
      if (!JSON_NODE_HOLDS_VALUE (member) || json_node_get_value_type (member) != G_TYPE_INT64 ||
          json_node_get_int (member) < BK_TOUR_MIN_SECONDS || json_node_get_int (member) > BK_TOUR_MAX_SECONDS)
        {
          g_autofree char *problem =
            /* Translators: the allowed seconds of a tour step */
            g_strdup_printf (_("expected whole seconds from %d to %d"), BK_TOUR_MIN_SECONDS, BK_TOUR_MAX_SECONDS);

          step_free (step);
          bk_json_fail (error, name, seconds_path, problem);
          return NULL;
        }
      step->seconds = (guint) json_node_get_int (member);
    }
  if (!read_words (object, "title", name, path, &step->title, error) ||
      !read_words (object, "text", name, path, &step->text, error))
    {
      step_free (step);
      return NULL;
    }
  return step;
}

GPtrArray *
bk_tour_steps_new_from_data (const char  *data,
                             gssize       len,
                             const char  *name,
                             GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GPtrArray) steps = NULL;
  JsonObject *root;
  JsonArray *array;

  g_return_val_if_fail (data != NULL && name != NULL, NULL);

  root = bk_json_parse_versioned (data, len, name, 1, &parser, error);
  if (root == NULL)
    return NULL;
  array = bk_json_get_array (root, "steps");
  if (array == NULL || json_array_get_length (array) == 0)
    {
      bk_json_fail (error, name, "$.steps", _("expected a list of at least one step"));
      return NULL;
    }

  steps = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      BkTourStep *step = read_step (json_array_get_element (array, i), i, name, error);

      if (step == NULL)
        return NULL;
      g_ptr_array_add (steps, step);
    }
  return g_steal_pointer (&steps);
}

GPtrArray *
bk_tour_steps_new_from_file (const char  *path,
                             GError     **error)
{
  g_autofree char *data = NULL;
  gsize len;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_get_contents (path, &data, &len, error))
    return NULL;
  return bk_tour_steps_new_from_data (data, (gssize) len, path, error);
}

static const char *
own_words (GHashTable *words,
           const char *language)
{
  return words != NULL && language != NULL ? g_hash_table_lookup (words, language) : NULL;
}

const char *
bk_tour_step_get_own_title (const BkTourStep *step,
                            const char       *language)
{
  return own_words (step->title, language);
}

const char *
bk_tour_step_get_own_text (const BkTourStep *step,
                           const char       *language)
{
  return own_words (step->text, language);
}
