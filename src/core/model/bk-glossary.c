/* bk-glossary.c: administrative words explained in easy language
 *
 * Text and forms are compared folded (bk-fold.c): lower case, umlauts
 * spelled out, punctuation as single spaces. So the folded text is a row of
 * words with one space between them, a form of several words is one key of
 * the hash table, and "Anträge" meets "ANTRAEGE".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-glossary"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "bk-error.h"
#include "bk-glossary-resources.h"
#include "bk-fold.h"
#include "bk-glossary.h"
#include "bk-json.h"

#define GLOSSARY_VERSION 1
#define DEFAULT_RESOURCE "/io/github/buergerkiosk/Kiosk/glossary/glossary.json"
/* A compound's first part has at least this many letters ("Bau|ausschuss"),
 * and only forms this long end compounds: "Rat" must not end "Vorrat". */
#define MIN_COMPOUND_HEAD 3
#define MIN_COMPOUND_FORM 5
/* How far a term's context word may stand from it, in words. */
#define CONTEXT_WORDS 4

struct _BkGlossary
{
  GObject     parent_instance;

  GPtrArray  *entries;     /* BkGlossaryEntry, alphabetical */
  GHashTable *forms;       /* folded form → entry */
  GHashTable *compounds;   /* folded one-word form → entry, for word ends */
  guint       max_words;   /* words in the longest form */
};

G_DEFINE_FINAL_TYPE (BkGlossary, bk_glossary, G_TYPE_OBJECT)

static void
entry_free (gpointer data)
{
  BkGlossaryEntry *entry = data;

  g_free (entry->term);
  g_strfreev (entry->forms);
  g_strfreev (entry->context);
  g_free (entry->easy);
  g_free (entry->english);
  g_free (entry);
}

static void
bk_glossary_finalize (GObject *object)
{
  BkGlossary *self = BK_GLOSSARY (object);

  g_clear_pointer (&self->forms, g_hash_table_unref);
  g_clear_pointer (&self->compounds, g_hash_table_unref);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  G_OBJECT_CLASS (bk_glossary_parent_class)->finalize (object);
}

static void
bk_glossary_class_init (BkGlossaryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bk_glossary_finalize;
}

static void
bk_glossary_init (BkGlossary *self)
{
  self->entries = g_ptr_array_new_with_free_func (entry_free);
  self->forms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->compounds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->max_words = 1;
}

/* ---- loading ------------------------------------------------------------ */

static gboolean
fail (GError    **error,
      const char *name,
      const char *path,
      const char *problem)
{
  /* Translators: a glossary loading error: file name, JSON path such as
   * "$.terms[3].forms", then what is wrong */
  g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT, _("%s: %s: %s"), name, path, problem);
  return FALSE;
}

static const char *
nonempty_string (JsonObject *obj,
                 const char *member)
{
  JsonNode *node = json_object_get_member (obj, member);
  const char *value;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  value = json_node_get_string (node);
  while (*value == ' ')
    value++;
  return *value != '\0' ? json_node_get_string (node) : NULL;
}

static guint
count_words (const char *folded)
{
  guint n = 1;

  for (const char *p = folded; *p != '\0'; p++)
    if (*p == ' ')
      n++;
  return n;
}

/* Registers form for entry; fails when another entry has it already. */
static gboolean
add_form (BkGlossary      *self,
          BkGlossaryEntry *entry,
          const char      *form,
          const char      *name,
          const char      *path,
          GError         **error)
{
  g_autofree char *folded = bk_fold_for_search (form);
  BkGlossaryEntry *owner;

  if (*folded == '\0')
    return fail (error, name, path, _("a form needs at least one letter"));

  owner = g_hash_table_lookup (self->forms, folded);
  if (owner == entry)
    return TRUE;
  if (owner != NULL)
    {
      /* Translators: a glossary form listed for two terms */
      g_autofree char *problem = g_strdup_printf (_("“%s” is already a form of “%s”"),
                                                  form, owner->term);
      return fail (error, name, path, problem);
    }

  self->max_words = MAX (self->max_words, count_words (folded));
  if (entry->compounds && strchr (folded, ' ') == NULL && strlen (folded) >= MIN_COMPOUND_FORM)
    g_hash_table_insert (self->compounds, g_strdup (folded), entry);
  g_hash_table_insert (self->forms, g_steal_pointer (&folded), entry);
  return TRUE;
}

/* Appends the strings of obj's list member (absent or null: none), folded
 * for search when fold; FALSE when it is not a list of strings. */
static gboolean
add_strings (JsonObject   *obj,
             const char   *member,
             GStrvBuilder *builder,
             gboolean      fold)
{
  JsonNode *node = json_object_get_member (obj, member);
  JsonArray *array;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
        return FALSE;
      if (fold)
        {
          g_autofree char *folded = bk_fold_for_search (json_node_get_string (element));

          g_strv_builder_add (builder, folded);
        }
      else
        g_strv_builder_add (builder, json_node_get_string (element));
    }
  return TRUE;
}

static gboolean
load_entry (BkGlossary *self,
            JsonNode   *node,
            guint       index,
            const char *name,
            GError    **error)
{
  static const char *const known[] = { "term", "forms", "compounds", "context", "easy", "english", NULL };
  g_autofree char *path = g_strdup_printf ("$.terms[%u]", index);
  g_autofree char *member_path = NULL;
  g_autoptr(GStrvBuilder) forms = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) context = g_strv_builder_new ();
  g_auto(GStrv) context_words = NULL;
  g_autoptr(GList) members = NULL;
  BkGlossaryEntry *entry;
  JsonObject *obj;
  JsonNode *compounds_node;
  const char *term, *easy, *english;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (error, name, path, _("expected an object"));
  obj = json_node_get_object (node);

  /* A misspelt field would silently lose its content: say so. */
  members = json_object_get_members (obj);
  for (GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (known, l->data))
      g_warning ("%s: %s.%s: unknown field, ignored", name, path, (const char *) l->data);

#define MEMBER_PATH(m) (g_free (member_path), member_path = g_strconcat (path, "." m, NULL))
  term = nonempty_string (obj, "term");
  if (term == NULL)
    return fail (error, name, MEMBER_PATH ("term"), _("expected a text that is not empty"));
  easy = nonempty_string (obj, "easy");
  if (easy == NULL)
    return fail (error, name, MEMBER_PATH ("easy"), _("expected a text that is not empty"));
  english = nonempty_string (obj, "english");
  if (english == NULL)
    return fail (error, name, MEMBER_PATH ("english"), _("expected a text that is not empty"));

  compounds_node = json_object_get_member (obj, "compounds");
  if (compounds_node != NULL && !JSON_NODE_HOLDS_NULL (compounds_node) &&
      (!JSON_NODE_HOLDS_VALUE (compounds_node) ||
       json_node_get_value_type (compounds_node) != G_TYPE_BOOLEAN))
    return fail (error, name, MEMBER_PATH ("compounds"), _("expected true or false"));

  g_strv_builder_add (forms, term);
  if (!add_strings (obj, "forms", forms, FALSE))
    return fail (error, name, MEMBER_PATH ("forms"), _("expected a list of strings"));
  if (!add_strings (obj, "context", context, TRUE))
    return fail (error, name, MEMBER_PATH ("context"), _("expected a list of strings"));
#undef MEMBER_PATH

  entry = g_new0 (BkGlossaryEntry, 1);
  entry->term = g_strdup (term);
  entry->forms = g_strv_builder_end (forms);
  entry->compounds = compounds_node != NULL && JSON_NODE_HOLDS_VALUE (compounds_node) &&
                     json_node_get_boolean (compounds_node);
  entry->easy = g_strdup (easy);
  entry->english = g_strdup (english);
  context_words = g_strv_builder_end (context);
  if (context_words[0] != NULL)
    entry->context = g_steal_pointer (&context_words);
  g_ptr_array_add (self->entries, entry);

  for (guint i = 0; entry->forms[i] != NULL; i++)
    {
      g_autofree char *form_path = i == 0 ? g_strconcat (path, ".term", NULL)
                                          : g_strdup_printf ("%s.forms[%u]", path, i - 1);

      if (!add_form (self, entry, entry->forms[i], name, form_path, error))
        return FALSE;
    }
  return TRUE;
}

/* DIN 5007 order: Ä sorts with A, ß with ss, case does not count. */
static char *
dup_sort_key (const char *term)
{
  g_autofree char *lower = g_utf8_strdown (term, -1);
  g_autofree char *nfd = g_utf8_normalize (lower, -1, G_NORMALIZE_NFD);
  g_autoptr(GString) key = g_string_new (NULL);

  for (const char *p = nfd; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ismark (c))
        continue;
      if (c == 0x00DF)
        g_string_append (key, "ss");
      else
        g_string_append_unichar (key, c);
    }
  return g_utf8_collate_key (key->str, -1);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const BkGlossaryEntry *ea = *(const BkGlossaryEntry * const *) a;
  const BkGlossaryEntry *eb = *(const BkGlossaryEntry * const *) b;
  g_autofree char *ka = dup_sort_key (ea->term);
  g_autofree char *kb = dup_sort_key (eb->term);
  int order = strcmp (ka, kb);

  return order != 0 ? order : strcmp (ea->term, eb->term);
}

BkGlossary *
bk_glossary_new_from_data (const char  *data,
                           gssize       len,
                           const char  *name,
                           GError     **error)
{
  g_autoptr(BkGlossary) self = g_object_new (BK_TYPE_GLOSSARY, NULL);
  g_autoptr(JsonParser) parser = NULL;
  JsonObject *root;
  JsonNode *node;
  JsonArray *terms;

  g_return_val_if_fail (data != NULL, NULL);
  if (name == NULL)
    name = "glossary";

  /* The importers' checks: UTF-8, nesting depth, line and column in errors. */
  parser = bk_json_parse (data, len < 0 ? strlen (data) : (gsize) len, name, error);
  if (parser == NULL)
    return NULL;
  node = json_parser_get_root (parser);
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      fail (error, name, "$", _("expected an object"));
      return NULL;
    }
  root = json_node_get_object (node);

  node = json_object_get_member (root, "version");
  if (node != NULL && (!JSON_NODE_HOLDS_VALUE (node) ||
                       json_node_get_value_type (node) != G_TYPE_INT64 ||
                       json_node_get_int (node) != GLOSSARY_VERSION))
    {
      g_autofree char *problem = g_strdup_printf (_("this program reads version %d only"),
                                                  GLOSSARY_VERSION);
      fail (error, name, "$.version", problem);
      return NULL;
    }

  node = json_object_get_member (root, "terms");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      fail (error, name, "$.terms", _("expected a list of terms"));
      return NULL;
    }
  terms = json_node_get_array (node);

  for (guint i = 0; i < json_array_get_length (terms); i++)
    if (!load_entry (self, json_array_get_element (terms, i), i, name, error))
      return NULL;

  g_ptr_array_sort (self->entries, compare_entries);
  return g_steal_pointer (&self);
}

BkGlossary *
bk_glossary_new_from_file (const char  *path,
                           GError     **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  gsize len = 0;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_get_contents (path, &contents, &len, error))
    return NULL;
  name = g_path_get_basename (path);
  return bk_glossary_new_from_data (contents, (gssize) len, name, error);
}

BkGlossary *
bk_glossary_get_default (void)
{
  static BkGlossary *glossary = NULL;
  static gsize loaded_once = 0;

  if (g_once_init_enter (&loaded_once))
    {
      g_autoptr(GError) error = NULL;
      /* Looked up in its own resource: that also links it into programs
       * from the static library. */
      g_autoptr(GBytes) bytes = g_resource_lookup_data (bk_glossary_data_get_resource (),
                                                        DEFAULT_RESOURCE, 0, &error);
      BkGlossary *loaded = NULL;

      if (bytes != NULL)
        loaded = bk_glossary_new_from_data (g_bytes_get_data (bytes, NULL),
                                            (gssize) g_bytes_get_size (bytes),
                                            "glossary.json", &error);
      if (loaded == NULL)
        {
          g_warning ("The glossary cannot be loaded, no words are explained: %s", error->message);
          loaded = g_object_new (BK_TYPE_GLOSSARY, NULL);
        }
      glossary = loaded;
      g_once_init_leave (&loaded_once, 1);
    }
  return glossary;
}

/* ---- queries ------------------------------------------------------------ */

guint
bk_glossary_get_n_entries (BkGlossary *self)
{
  g_return_val_if_fail (BK_IS_GLOSSARY (self), 0);
  return self->entries->len;
}

const BkGlossaryEntry *
bk_glossary_get_entry (BkGlossary *self,
                       guint       index)
{
  g_return_val_if_fail (BK_IS_GLOSSARY (self), NULL);
  g_return_val_if_fail (index < self->entries->len, NULL);
  return g_ptr_array_index (self->entries, index);
}

const BkGlossaryEntry *
bk_glossary_lookup (BkGlossary *self,
                    const char *word)
{
  g_autofree char *folded = NULL;

  g_return_val_if_fail (BK_IS_GLOSSARY (self), NULL);
  if (word == NULL)
    return NULL;
  folded = bk_fold_for_search (word);
  return g_hash_table_lookup (self->forms, folded);
}

int
bk_glossary_get_index (BkGlossary            *self,
                       const BkGlossaryEntry *entry)
{
  guint index;

  g_return_val_if_fail (BK_IS_GLOSSARY (self), -1);
  if (entry != NULL && g_ptr_array_find (self->entries, entry, &index))
    return (int) index;
  return -1;
}

/* The longest compound form that ends the word [start, end), or NULL. */
static BkGlossaryEntry *
lookup_compound (BkGlossary *self,
                 const char *start,
                 const char *end,
                 GString    *key)
{
  const char *p = start;

  for (guint head = 0; head < MIN_COMPOUND_HEAD && p < end; head++)
    p = g_utf8_next_char (p);
  for (; p < end && end - p >= MIN_COMPOUND_FORM; p = g_utf8_next_char (p))
    {
      BkGlossaryEntry *entry;

      g_string_overwrite_len (g_string_truncate (key, 0), 0, p, end - p);
      entry = g_hash_table_lookup (self->compounds, key->str);
      if (entry != NULL)
        return entry;
    }
  return NULL;
}

/* Whether a word that starts with one of the context words stands within
 * CONTEXT_WORDS words of the match [first, end) ("öffentliche Sitzung",
 * not "öffentlicher Nahverkehr"). */
static gboolean
context_near (const char         *folded,
              GArray             *starts,
              guint               n_words,
              guint               first,
              guint               end,
              const char * const *context)
{
  guint from = first > CONTEXT_WORDS ? first - CONTEXT_WORDS : 0;
  guint to = MIN (n_words, end + CONTEXT_WORDS);

  for (guint w = from; w < to; w++)
    {
      const char *word = folded + g_array_index (starts, guint, w);

      if (w >= first && w < end)
        continue;
      for (guint c = 0; context[c] != NULL; c++)
        if (strncmp (word, context[c], strlen (context[c])) == 0)
          return TRUE;
    }
  return FALSE;
}

GPtrArray *
bk_glossary_find_terms (BkGlossary *self,
                        const char *text)
{
  g_autofree char *folded = NULL;
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  g_autoptr(GString) key = g_string_new (NULL);
  GPtrArray *found = g_ptr_array_new ();
  guint n_words, len;

  g_return_val_if_fail (BK_IS_GLOSSARY (self), found);
  if (text == NULL || self->entries->len == 0)
    return found;

  /* Word i is [starts[i], starts[i + 1] - 1): one space between words. */
  folded = bk_fold_for_search (text);
  len = strlen (folded);
  if (len == 0)
    return found;
  for (guint i = 0; i <= len; i++)
    if (i == 0 || folded[i - 1] == ' ')
      g_array_append_val (starts, i);
  n_words = starts->len;
  len++;
  g_array_append_val (starts, len);

  for (guint i = 0; i < n_words; )
    {
      const char *start = folded + g_array_index (starts, guint, i);
      BkGlossaryEntry *entry = NULL;
      guint n = MIN (self->max_words, n_words - i);
      guint at = i;

      for (; n > 0 && entry == NULL; n--)
        {
          const char *end = folded + g_array_index (starts, guint, i + n) - 1;

          g_string_overwrite_len (g_string_truncate (key, 0), 0, start, end - start);
          entry = g_hash_table_lookup (self->forms, key->str);
          if (entry != NULL)
            i += n;
        }
      if (entry == NULL)
        {
          entry = lookup_compound (self, start, folded + g_array_index (starts, guint, i + 1) - 1, key);
          i++;
        }
      if (entry != NULL && entry->context != NULL &&
          !context_near (folded, starts, n_words, at, i, (const char * const *) entry->context))
        continue;
      if (entry != NULL && g_hash_table_add (seen, entry))
        g_ptr_array_add (found, entry);
    }
  return found;
}
