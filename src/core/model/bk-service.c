/* bk-service.c: an administrative service and the life situations
 *
 * Plain data with its translations, the life situations it is browsed by
 * and a JSON form for the CLI and exports.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-service"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "bk-fold.h"
#include "bk-service.h"

static const char *const life_situations[] = {
  BK_LIFE_SITUATION_MOVING,
  BK_LIFE_SITUATION_ID_DOCUMENTS,
  BK_LIFE_SITUATION_FAMILY,
  BK_LIFE_SITUATION_DISABILITY_CARE,
  BK_LIFE_SITUATION_HOUSING,
  BK_LIFE_SITUATION_WORK_BUSINESS,
  BK_LIFE_SITUATION_WASTE_ENVIRONMENT,
  NULL,
};

/* Same order as life_situations. */
static const char *const life_situation_labels[] = {
  /* Translators: a life situation (Lebenslage) in the service catalogue */
  N_("Moving house"),
  /* Translators: a life situation: identity card, passport */
  N_("ID documents"),
  /* Translators: a life situation: birth, marriage, children */
  N_("Family"),
  /* Translators: a life situation */
  N_("Disability and care"),
  /* Translators: a life situation: rent, housing benefit */
  N_("Housing"),
  /* Translators: a life situation: trade, employment */
  N_("Work and business"),
  /* Translators: a life situation: refuse collection, dogs, nature */
  N_("Waste and environment"),
};

G_STATIC_ASSERT (G_N_ELEMENTS (life_situations) == G_N_ELEMENTS (life_situation_labels) + 1);

const char *const *
bk_life_situation_list (void)
{
  return life_situations;
}

gboolean
bk_life_situation_is_known (const char *id)
{
  return id != NULL && g_strv_contains (life_situations, id);
}

const char *
bk_life_situation_get_label (const char *id)
{
  for (guint i = 0; life_situations[i] != NULL; i++)
    if (g_strcmp0 (life_situations[i], id) == 0)
      return _(life_situation_labels[i]);
  return id;
}

static const char *const kiosk_forms[] = {
  "appointment", "registration-certificate", "defect-report", "suggestion-complaint", NULL,
};

const char *const *
bk_kiosk_form_list (void)
{
  return kiosk_forms;
}

gboolean
bk_kiosk_form_is_known (const char *id)
{
  return id != NULL && g_strv_contains (kiosk_forms, id);
}

/* Only keys this project has checked (data/demo/services/README.md) and
 * whose service is certainly done in person at the office, or is the
 * certificate the kiosk's form asks for. */
static const struct {
  const char *leika_key;
  const char *const forms[3];
} leika_forms[] = {
  /* Wohnsitz anmelden: in person at the registration office */
  { "99115005104000", { "appointment", NULL } },
  /* Meldebescheinigung */
  { "99115003012000", { "registration-certificate", "appointment", NULL } },
  /* Eheschließung anmelden: both partners at the registry office */
  { "99059001104000", { "appointment", NULL } },
};

const char *const *
bk_kiosk_forms_for_leika (const char *leika_key)
{
  static const char *const none[] = { NULL };

  for (guint i = 0; leika_key != NULL && i < G_N_ELEMENTS (leika_forms); i++)
    if (g_str_equal (leika_forms[i].leika_key, leika_key))
      return leika_forms[i].forms;
  return none;
}

gboolean
bk_municipality_is_county (const char *municipality)
{
  static const char *const first_words[] = { "landkreis", "kreis", "region", "staedteregion", NULL };
  g_autofree char *folded = bk_fold_for_search (municipality ? municipality : "");
  g_auto(GStrv) words = g_strsplit (g_strstrip (folded), " ", -1);
  guint n = g_strv_length (words);

  if (n == 0 || *words[0] == '\0')
    return FALSE;
  return g_strv_contains (first_words, words[0]) || g_str_has_suffix (words[n - 1], "kreis");
}

void
bk_service_form_free (BkServiceForm *form)
{
  if (form == NULL)
    return;
  g_free (form->title);
  g_free (form->url);
  g_free (form);
}

gboolean
bk_service_is_web_address (const char *url)
{
  g_autoptr(GUri) uri = url ? g_uri_parse (url, G_URI_FLAGS_NONE, NULL) : NULL;

  return uri != NULL && g_uri_get_host (uri) != NULL && *g_uri_get_host (uri) != '\0' &&
         (g_ascii_strcasecmp (g_uri_get_scheme (uri), "https") == 0 ||
          g_ascii_strcasecmp (g_uri_get_scheme (uri), "http") == 0);
}

static void
text_free (gpointer data)
{
  BkServiceText *text = data;

  g_free (text->lang);
  g_free (text->name);
  g_free (text->short_text);
  g_free (text->full_text);
  g_free (text);
}

static void
text_block_free (gpointer data)
{
  BkTextBlock *block = data;

  g_free (block->text);
  g_clear_pointer (&block->items, g_ptr_array_unref);
  g_free (block);
}

/* The length of a list marker ("• ", "12. ") at the start of line, or 0;
 * numbered says which kind. */
static gsize
marker_length (const char *line,
               gboolean   *numbered)
{
  gsize digits = strspn (line, "0123456789");

  if (g_str_has_prefix (line, "• "))
    {
      *numbered = FALSE;
      return strlen ("• ");
    }
  if (digits > 0 && digits < 4 && line[digits] == '.' && line[digits + 1] == ' ')
    {
      *numbered = TRUE;
      return digits + 2;
    }
  return 0;
}

GPtrArray *
bk_text_blocks_parse (const char *text)
{
  GPtrArray *blocks = g_ptr_array_new_with_free_func (text_block_free);
  g_auto(GStrv) paragraphs = g_strsplit (text ? text : "", "\n\n", -1);

  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_autofree char *paragraph = g_strstrip (g_strdup (paragraphs[i]));
      g_auto(GStrv) lines = NULL;
      BkTextBlock *block;
      gboolean list = TRUE, numbered = FALSE, first_numbered = FALSE;

      if (*paragraph == '\0')
        continue;
      block = g_new0 (BkTextBlock, 1);
      g_ptr_array_add (blocks, block);
      if (g_str_has_prefix (paragraph, "# ") && strchr (paragraph, '\n') == NULL)
        {
          block->kind = BK_TEXT_BLOCK_HEADING;
          block->text = g_strstrip (g_strdup (paragraph + 2));
          continue;
        }
      lines = g_strsplit (paragraph, "\n", -1);
      for (guint j = 0; list && lines[j] != NULL; j++)
        {
          list = marker_length (lines[j], &numbered) > 0 && (j == 0 || numbered == first_numbered);
          if (j == 0)
            first_numbered = numbered;
        }
      if (!list)
        {
          block->kind = BK_TEXT_BLOCK_PARAGRAPH;
          block->text = g_steal_pointer (&paragraph);
          continue;
        }
      block->kind = BK_TEXT_BLOCK_LIST;
      block->numbered = first_numbered;
      block->items = g_ptr_array_new_with_free_func (g_free);
      for (guint j = 0; lines[j] != NULL; j++)
        {
          gsize skip = marker_length (lines[j], &numbered);

          g_ptr_array_add (block->items, g_strstrip (g_strdup (lines[j] + skip)));
        }
    }
  return blocks;
}

static void
office_clear (BkServiceOffice *office)
{
  g_clear_pointer (&office->name, g_free);
  g_clear_pointer (&office->address, g_free);
  g_clear_pointer (&office->opening_hours, g_free);
  g_clear_pointer (&office->phone, g_free);
  g_clear_pointer (&office->email, g_free);
  g_clear_pointer (&office->accessibility, g_free);
}

static void
local_office_free (gpointer data)
{
  BkServiceLocalOffice *local = data;

  g_free (local->town_ars);
  g_free (local->town_name);
  office_clear (&local->office);
  g_free (local->online_url);
  g_free (local);
}

void
bk_town_free (BkTown *self)
{
  if (self == NULL)
    return;
  g_free (self->ars);
  g_free (self->name);
  g_free (self);
}

static gboolean
all_digits (const char *text,
            gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  return TRUE;
}

gboolean
bk_ars_is_valid (const char *ars)
{
  return ars != NULL && strlen (ars) == 12 && all_digits (ars, 12);
}

char *
bk_ars_area_prefix (const char *id)
{
  /* The levels of the key: Land, Regierungsbezirk, Kreis, Gemeindeverband,
   * Gemeinde, by where they end. */
  static const gsize ends[] = { 2, 3, 5, 9, 12 };
  gsize len;

  if (id == NULL)
    return NULL;
  len = strlen (id);
  if (!all_digits (id, len))
    return NULL;
  if (len != 2 && len != 3 && len != 5 && len != 9 && len != 12)
    return NULL;
  for (int level = (int) G_N_ELEMENTS (ends) - 1; level > 0 && len == ends[level]; level--)
    {
      gsize start = ends[level - 1];

      if (strspn (id + start, "0") < len - start)
        break;
      len = start;
    }
  return g_strndup (id, len);
}

BkService *
bk_service_new (void)
{
  BkService *self = g_new0 (BkService, 1);

  self->documents = g_ptr_array_new_with_free_func (g_free);
  self->steps = g_ptr_array_new_with_free_func (g_free);
  self->forms = g_ptr_array_new_with_free_func ((GDestroyNotify) bk_service_form_free);
  self->life_situations = g_ptr_array_new_with_free_func (g_free);
  self->translations = g_ptr_array_new_with_free_func (text_free);
  self->keywords = g_ptr_array_new_with_free_func (g_free);
  self->local_offices = g_ptr_array_new_with_free_func (local_office_free);
  self->kiosk_forms = g_ptr_array_new_with_free_func (g_free);
  return self;
}

void
bk_service_free (BkService *self)
{
  if (self == NULL)
    return;
  g_free (self->id);
  g_free (self->leika_key);
  g_free (self->municipality);
  g_free (self->name);
  g_free (self->short_text);
  g_free (self->full_text);
  g_free (self->who_may_apply);
  g_ptr_array_unref (self->documents);
  g_free (self->costs);
  g_free (self->processing_time);
  g_free (self->deadlines);
  g_ptr_array_unref (self->steps);
  g_free (self->legal_basis);
  office_clear (&self->office);
  g_free (self->online_url);
  g_ptr_array_unref (self->forms);
  g_free (self->easy_read);
  g_ptr_array_unref (self->life_situations);
  g_ptr_array_unref (self->translations);
  g_ptr_array_unref (self->keywords);
  g_free (self->hints);
  g_free (self->further_info);
  g_free (self->source);
  g_free (self->source_id);
  g_free (self->source_version);
  g_ptr_array_unref (self->local_offices);
  g_ptr_array_unref (self->kiosk_forms);
  g_free (self);
}

gboolean
bk_service_is_per_town (const BkService *self)
{
  return self->source_id != NULL;
}

const BkServiceLocalOffice *
bk_service_get_local_office (const BkService *self,
                             const char      *ars)
{
  for (guint i = 0; ars != NULL && i < self->local_offices->len; i++)
    {
      const BkServiceLocalOffice *local = g_ptr_array_index (self->local_offices, i);

      if (g_strcmp0 (local->town_ars, ars) == 0)
        return local;
    }
  return NULL;
}

BkServiceLocalOffice *
bk_service_add_local_office (BkService  *self,
                             const char *town_ars,
                             const char *town_name)
{
  BkServiceLocalOffice *local = g_new0 (BkServiceLocalOffice, 1);

  local->town_ars = g_strdup (town_ars);
  local->town_name = g_strdup (town_name);
  g_ptr_array_add (self->local_offices, local);
  return local;
}

BkServiceForm *
bk_service_add_form (BkService  *self,
                     const char *title,
                     const char *url)
{
  BkServiceForm *form = g_new0 (BkServiceForm, 1);

  form->title = g_strdup (title);
  form->url = g_strdup (url);
  g_ptr_array_add (self->forms, form);
  return form;
}

char *
bk_service_dup_translation_lang (const char *lang)
{
  gsize n = 0;

  while (lang != NULL && g_ascii_isalpha (lang[n]))
    n++;
  if (n < 2 || n > 3 || g_ascii_strncasecmp (lang, "de", n) == 0)
    return NULL;
  return g_ascii_strdown (lang, (gssize) n);
}

BkServiceText *
bk_service_set_translation (BkService  *self,
                            const char *lang,
                            const char *name,
                            const char *short_text,
                            const char *full_text)
{
  BkServiceText *text = (BkServiceText *) bk_service_get_translation (self, lang);

  if (text == NULL)
    {
      text = g_new0 (BkServiceText, 1);
      text->lang = g_strdup (lang);
      g_ptr_array_add (self->translations, text);
    }
  g_free (text->name);
  g_free (text->short_text);
  g_free (text->full_text);
  text->name = g_strdup (name);
  text->short_text = g_strdup (short_text);
  text->full_text = g_strdup (full_text);
  return text;
}

const BkServiceText *
bk_service_get_translation (const BkService *self,
                            const char      *lang)
{
  g_autofree char *code = bk_service_dup_translation_lang (lang);

  if (code == NULL)
    return NULL;
  for (guint i = 0; i < self->translations->len; i++)
    {
      const BkServiceText *text = g_ptr_array_index (self->translations, i);

      if (g_strcmp0 (text->lang, code) == 0)
        return text;
    }
  return NULL;
}

const char *
bk_service_get_name (const BkService *self,
                     const char      *lang)
{
  const BkServiceText *text = bk_service_get_translation (self, lang);

  return text != NULL && text->name != NULL ? text->name : self->name;
}

const char *
bk_service_get_short_text (const BkService *self,
                           const char      *lang)
{
  const BkServiceText *text = bk_service_get_translation (self, lang);

  return text != NULL && text->short_text != NULL ? text->short_text : self->short_text;
}

const char *
bk_service_get_full_text (const BkService *self,
                          const char      *lang)
{
  const BkServiceText *text = bk_service_get_translation (self, lang);

  return text != NULL && text->full_text != NULL ? text->full_text : self->full_text;
}

const char *
bk_service_get_text_language (const BkService *self,
                              const char      *lang)
{
  const BkServiceText *text = bk_service_get_translation (self, lang);

  return text != NULL && text->name != NULL ? text->lang : "de";
}

/* "Stadt Auenbach" → "stadt-auenbach" */
static char *
slug (const char *text)
{
  g_autofree char *folded = bk_fold_for_search (text);
  g_auto(GStrv) words = g_strsplit (g_strstrip (folded), " ", -1);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (*words[i] == '\0')
        continue;
      if (out->len > 0)
        g_string_append_c (out, '-');
      g_string_append (out, words[i]);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
bk_service_make_id (const char *leika_key,
                    const char *name,
                    const char *municipality)
{
  g_autofree char *first = leika_key != NULL ? g_strdup (leika_key) : slug (name ? name : "");
  g_autofree char *second = slug (municipality ? municipality : "");

  return g_strdup_printf ("%s-%s", first, second);
}

static void
add_string (JsonBuilder *b,
            const char  *key,
            const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (b, key);
  json_builder_add_string_value (b, value);
}

static void
add_strings (JsonBuilder *b,
             const char  *key,
             GPtrArray   *values)
{
  if (values->len == 0)
    return;
  json_builder_set_member_name (b, key);
  json_builder_begin_array (b);
  for (guint i = 0; i < values->len; i++)
    json_builder_add_string_value (b, g_ptr_array_index (values, i));
  json_builder_end_array (b);
}

JsonNode *
bk_service_to_json (const BkService *self)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  const BkServiceOffice *o = &self->office;

  json_builder_begin_object (b);
  add_string (b, "type", "buergerkiosk:Service");
  add_string (b, "id", self->id);
  add_string (b, "leika", self->leika_key);
  add_string (b, "municipality", self->municipality);
  add_string (b, "name", self->name);
  add_string (b, "short", self->short_text);
  add_string (b, "full", self->full_text);
  add_string (b, "who_may_apply", self->who_may_apply);
  add_strings (b, "documents", self->documents);
  add_string (b, "costs", self->costs);
  add_string (b, "processing_time", self->processing_time);
  add_string (b, "deadlines", self->deadlines);
  add_strings (b, "steps", self->steps);
  add_string (b, "legal_basis", self->legal_basis);
  if (o->name || o->address || o->opening_hours || o->phone || o->email || o->accessibility)
    {
      json_builder_set_member_name (b, "office");
      json_builder_begin_object (b);
      add_string (b, "name", o->name);
      add_string (b, "address", o->address);
      add_string (b, "opening_hours", o->opening_hours);
      add_string (b, "phone", o->phone);
      add_string (b, "email", o->email);
      add_string (b, "accessibility", o->accessibility);
      json_builder_end_object (b);
    }
  add_string (b, "online_url", self->online_url);
  if (self->forms->len > 0)
    {
      json_builder_set_member_name (b, "forms");
      json_builder_begin_array (b);
      for (guint i = 0; i < self->forms->len; i++)
        {
          const BkServiceForm *f = g_ptr_array_index (self->forms, i);

          json_builder_begin_object (b);
          add_string (b, "title", f->title);
          add_string (b, "url", f->url);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
    }
  add_string (b, "hints", self->hints);
  add_string (b, "further_info", self->further_info);
  add_string (b, "easy_read", self->easy_read);
  add_strings (b, "life_situations", self->life_situations);
  add_strings (b, "keywords", self->keywords);
  add_strings (b, "kiosk_forms", self->kiosk_forms);
  if (self->translations->len > 0)
    {
      json_builder_set_member_name (b, "translations");
      json_builder_begin_object (b);
      for (guint i = 0; i < self->translations->len; i++)
        {
          const BkServiceText *t = g_ptr_array_index (self->translations, i);

          json_builder_set_member_name (b, t->lang);
          json_builder_begin_object (b);
          add_string (b, "name", t->name);
          add_string (b, "short", t->short_text);
          add_string (b, "full", t->full_text);
          json_builder_end_object (b);
        }
      json_builder_end_object (b);
    }
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

void
bk_service_summary_free (BkServiceSummary *self)
{
  if (self == NULL)
    return;
  g_free (self->id);
  g_free (self->name);
  g_free (self->short_text);
  g_free (self->municipality);
  g_free (self->lang);
  g_strfreev (self->life_situations);
  g_free (self);
}
