/* bk-xzufi-leistung.c: an XZuFi Leistung as the kiosk's service
 *
 * Each field comes from the module the standard has for it. The text
 * modules by their LeiKa code (urn:de:xzufi:codeliste:leistungstextmodulleika):
 * 02 Leistungsbezeichnung, 03 Leistungsbezeichnung II (the name when it is
 * there), 05 Kurztext, 06 Volltext, 07 Handlungsgrundlage (legal basis),
 * 08 erforderliche Unterlagen, 09 Voraussetzungen, 11 Verfahrensablauf,
 * 14 Formulare, 15 weiterführende Informationen, 16 Hinweise, 24 Teaser,
 * 25 Rechtsbehelf (after the legal basis); 18, 22 and 23 (author, office and
 * contact as text) are not shown, because the offices come from the
 * Zuständigkeiten. Costs, deadlines and the processing time are modules of
 * their own with amounts and durations. Texts in other languages become the
 * service's translations (name, short and full text).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-xzufi"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "bk-html-reduce.h"
#include "bk-xzufi-private.h"

typedef enum {
  F_NAME_I,
  F_NAME_II,
  F_SHORT,
  F_FULL,
  F_LEGAL,
  F_DOCUMENTS,
  F_REQUIREMENTS,
  F_STEPS,
  F_FORMS,
  F_FURTHER,
  F_HINTS,
  F_TEASER,
  F_REMEDY,
  F_NOT_SHOWN,
  N_FIELDS
} Field;

static const struct {
  const char *code;
  Field       field;
} modules[] = {
  { "02", F_NAME_I }, { "03", F_NAME_II }, { "05", F_SHORT }, { "06", F_FULL },
  { "07", F_LEGAL }, { "08", F_DOCUMENTS }, { "09", F_REQUIREMENTS }, { "11", F_STEPS },
  { "14", F_FORMS }, { "15", F_FURTHER }, { "16", F_HINTS }, { "18", F_NOT_SHOWN },
  { "22", F_NOT_SHOWN }, { "23", F_NOT_SHOWN }, { "24", F_TEASER }, { "25", F_REMEDY },
};

/* What the text modules hold in one language. */
typedef struct {
  GString *text[N_FIELDS];
} Texts;

typedef struct {
  BkXzufiReader *reader;
  BkService     *service;
  GHashTable    *languages;   /* language → Texts */
  GString       *easy;        /* easy-read German */
} Leistung;

static void
texts_free (gpointer data)
{
  Texts *texts = data;

  for (guint i = 0; i < N_FIELDS; i++)
    if (texts->text[i] != NULL)
      g_string_free (texts->text[i], TRUE);
  g_free (texts);
}

static Texts *
texts_for (Leistung   *l,
           const char *lang)
{
  Texts *texts = g_hash_table_lookup (l->languages, lang);

  if (texts == NULL)
    {
      texts = g_new0 (Texts, 1);
      g_hash_table_insert (l->languages, g_strdup (lang), texts);
    }
  return texts;
}

static void
append_block (GString   **field,
              const char *text)
{
  if (text == NULL || *text == '\0')
    return;
  if (*field == NULL)
    *field = g_string_new (NULL);
  if ((*field)->len > 0)
    g_string_append (*field, "\n\n");
  g_string_append (*field, text);
}

static char *
steal_text (GString **field)
{
  return *field != NULL ? g_string_free (g_steal_pointer (field), FALSE) : NULL;
}

static gboolean
is_easy_read (const char *lang)
{
  /* assumed spellings of Leichte Sprache; PVOG documents only de and en */
  return strcmp (lang, "de-x-ls") == 0 || strcmp (lang, "de-ls") == 0 || strcmp (lang, "ls") == 0;
}

/* "de-DE" → "de"; NULL for easy-read German. */
static char *
base_language (const char *lang)
{
  gsize n = strcspn (lang, "-_");

  if (is_easy_read (lang))
    return NULL;
  return g_strndup (lang, n);
}

static void
add_link_lines (GString   **field,
                GPtrArray  *links)
{
  g_autoptr(GString) lines = g_string_new (NULL);

  for (guint i = 0; i < links->len; i++)
    {
      const BkServiceForm *link = g_ptr_array_index (links, i);

      if (lines->len > 0)
        g_string_append_c (lines, '\n');
      if (link->title != NULL && strcmp (link->title, link->url) != 0)
        g_string_append_printf (lines, "• %s: %s", link->title, link->url);
      else
        g_string_append_printf (lines, "• %s", link->url);
    }
  append_block (field, lines->str);
}

/* weiterfuehrenderLink: uri and titel, in the module's language. */
static void
read_further_links (xmlNode   *module,
                    GPtrArray *links)
{
  g_autoptr(GPtrArray) nodes = bk_xzufi_children (module, "weiterfuehrenderLink");

  for (guint i = 0; i < nodes->len; i++)
    {
      xmlNode *node = g_ptr_array_index (nodes, i);
      g_autofree char *lang = bk_xzufi_language (node);
      g_autofree char *uri = bk_xzufi_child_text (node, "uri");
      g_autofree char *title = bk_xzufi_child_text (node, "titel");
      BkServiceForm *link;

      if (strcmp (lang, "de") != 0 || uri == NULL ||
          !(g_str_has_prefix (uri, "https://") || g_str_has_prefix (uri, "http://")))
        continue;
      link = g_new0 (BkServiceForm, 1);
      link->title = title ? bk_html_reduce_line (title) : NULL;
      link->url = g_steal_pointer (&uri);
      g_ptr_array_add (links, link);
    }
}

/* Formulare: every link is a form, and text that is no link too (without
 * an address), in the order of the text. */
static void
read_forms (Leistung   *l,
            const char *html)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) links = g_ptr_array_new_with_free_func ((GDestroyNotify) bk_service_form_free);
  g_autofree gboolean *used = NULL;

  bk_html_reduce_items (html, items, links);
  used = g_new0 (gboolean, links->len + 1);
  for (guint i = 0; i < items->len; i++)
    {
      const char *item = g_ptr_array_index (items, i);
      gboolean is_link = FALSE;

      for (guint j = 0; j < links->len; j++)
        {
          const BkServiceForm *link = g_ptr_array_index (links, j);

          if (used[j] || strstr (item, link->url) == NULL)
            continue;
          bk_service_add_form (l->service, link->title, link->url);
          used[j] = is_link = TRUE;
        }
      if (!is_link)
        bk_service_add_form (l->service, item, NULL);
    }
  for (guint j = 0; j < links->len; j++)
    if (!used[j])
      {
        const BkServiceForm *link = g_ptr_array_index (links, j);

        bk_service_add_form (l->service, link->title, link->url);
      }
}

/* One inhalt of a text module. */
static void
read_content (Leistung   *l,
              Field       field,
              const char *lang,
              const char *html)
{
  g_autofree char *base = base_language (lang);
  Texts *texts;

  if (base == NULL)
    {
      /* easy-read German: what the description says */
      if (field == F_SHORT || field == F_FULL || field == F_TEASER)
        {
          g_autofree char *text = bk_html_reduce_text (html, NULL);

          append_block (&l->easy, text);
        }
      return;
    }
  texts = texts_for (l, base);
  if (strcmp (base, "de") != 0 && field != F_NAME_I && field != F_NAME_II && field != F_SHORT &&
      field != F_FULL && field != F_TEASER)
    return;
  switch (field)
    {
    case F_NAME_I:
    case F_NAME_II:
      if (texts->text[field] == NULL)
        {
          g_autofree char *line = bk_html_reduce_line (html);

          append_block (&texts->text[field], line);
        }
      break;
    case F_DOCUMENTS:
      bk_html_reduce_items (html, l->service->documents, NULL);
      break;
    case F_STEPS:
      bk_html_reduce_items (html, l->service->steps, NULL);
      break;
    case F_FORMS:
      read_forms (l, html);
      break;
    default:
      {
        g_autofree char *text = bk_html_reduce_text (html, NULL);

        append_block (&texts->text[field], text);
      }
    }
}

static gboolean
read_text_module (Leistung *l,
                  xmlNode  *module,
                  GError  **error)
{
  xmlNode *code_node = bk_xzufi_child (module, "leikaTextmodul");
  g_autofree char *code = bk_xzufi_code (code_node);
  g_autoptr(GPtrArray) contents = NULL;
  g_autoptr(GPtrArray) links = NULL;
  int field = -1;

  if (code == NULL)
    return bk_xzufi_fail (l->reader, module, error, _("“%s” is missing"), "leikaTextmodul/code");
  for (guint i = 0; i < G_N_ELEMENTS (modules); i++)
    if (strcmp (modules[i].code, code) == 0)
      field = modules[i].field;
  if (field < 0)
    {
      bk_xzufi_note (l->reader, code_node, _("unknown text module “%s”; left out"), code);
      return TRUE;
    }
  if (field == F_NOT_SHOWN)
    return TRUE;
  contents = bk_xzufi_children (module, "inhalt");
  for (guint i = 0; i < contents->len; i++)
    {
      xmlNode *content = g_ptr_array_index (contents, i);
      g_autofree char *lang = bk_xzufi_language (content);
      g_autofree char *html = bk_xzufi_html (content);

      if (html != NULL)
        read_content (l, field, lang, html);
    }
  links = g_ptr_array_new_with_free_func ((GDestroyNotify) bk_service_form_free);
  read_further_links (module, links);
  if (links->len == 0)
    return TRUE;
  if (field == F_FORMS)
    for (guint i = 0; i < links->len; i++)
      {
        const BkServiceForm *link = g_ptr_array_index (links, i);

        bk_service_add_form (l->service, link->title ? link->title : link->url, link->url);
      }
  else if (field == F_DOCUMENTS || field == F_STEPS)
    for (guint i = 0; i < links->len; i++)
      {
        const BkServiceForm *link = g_ptr_array_index (links, i);

        g_ptr_array_add (field == F_DOCUMENTS ? l->service->documents : l->service->steps,
                         link->title ? g_strdup_printf ("%s (%s)", link->title, link->url)
                                     : g_strdup (link->url));
      }
  else if (field != F_NAME_I && field != F_NAME_II)
    add_link_lines (&texts_for (l, "de")->text[field], links);
  return TRUE;
}

/* ---- amounts and durations ------------------------------------------------ */

/* "1234.5" → "1.234,50" */
static char *
format_number (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  g_autoptr(GString) out = g_string_new (NULL);
  const char *text = g_ascii_formatd (buffer, sizeof buffer, "%.2f", value);
  const char *dot = strchr (text, '.');
  gsize whole = dot ? (gsize) (dot - text) : strlen (text);
  gsize start = text[0] == '-' ? 1 : 0;

  g_string_append_len (out, text, start);
  for (gsize i = start; i < whole; i++)
    {
      if (i > start && (whole - i) % 3 == 0)
        g_string_append_c (out, '.');
      g_string_append_c (out, text[i]);
    }
  if (dot != NULL)
    g_string_append_printf (out, ",%s", dot + 1);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* betrag: a decimal and its currency (@currencyCode or @currencyID). */
static char *
read_amount (BkXzufiReader *reader,
             xmlNode       *node,
             GError       **error)
{
  g_autofree char *value = bk_xzufi_text (bk_xzufi_child (node, "value") ? bk_xzufi_child (node, "value") : node);
  xmlChar *currency = xmlGetProp (node, (const xmlChar *) "currencyCode");
  g_autofree char *code = NULL;
  g_autofree char *number = NULL;
  char *end = NULL;
  double amount;

  if (currency == NULL)
    currency = xmlGetProp (node, (const xmlChar *) "currencyID");
  code = g_strdup (currency ? (const char *) currency : "EUR");
  xmlFree (currency);
  if (value != NULL)
    g_strdelimit (value, ",", '.');
  amount = value ? g_ascii_strtod (value, &end) : 0;
  if (value == NULL || end == value || *end != '\0' || strspn (value, "0123456789.-") != strlen (value))
    {
      bk_xzufi_fail (reader, node, error, _("expected an amount such as 37.50, not “%s”"),
                     value ? value : "");
      return NULL;
    }
  number = format_number (amount);
  if (strcmp (code, "EUR") == 0)
    return g_strdup_printf ("%s Euro", number);
  return g_strdup_printf ("%s %s", number, code);
}

static const char *const skip_descriptions[] = { "beschreibung", "gueltigkeit", NULL };

/* The German description of an entry, as one line. */
static char *
entry_description (xmlNode    *entry,
                   const char *name)
{
  xmlNode *german = bk_xzufi_german (entry, name);
  g_autofree char *html = bk_xzufi_html (german != NULL ? german : bk_xzufi_child (entry, name));

  return bk_html_reduce_line (html);
}

/* "• description: value" as a line of the list (takes value). */
static void
append_entry (GString *lines,
              xmlNode *entry,
              char    *value)
{
  g_autofree char *description = entry_description (entry, "beschreibung");
  g_autofree char *owned = value;
  g_autofree char *line = NULL;

  if (description != NULL && owned != NULL)
    line = g_strdup_printf ("%s: %s", description, owned);
  else
    line = g_strdup (description != NULL ? description : owned);
  if (line != NULL)
    g_string_append_printf (lines, "%s• %s", lines->len > 0 ? "\n" : "", line);
}

/* One Kosten: fixed, free or between two amounts. */
static gboolean
read_cost (BkXzufiReader *reader,
           xmlNode       *cost,
           GString       *lines,
           GError       **error)
{
  xmlNode *fixed = bk_xzufi_find (cost, "betrag", skip_descriptions);
  xmlNode *lower = bk_xzufi_find (cost, "betragUntergrenze", skip_descriptions);
  xmlNode *upper = bk_xzufi_find (cost, "betragObergrenze", skip_descriptions);
  gboolean free = bk_xzufi_find (cost, "kostenFrei", skip_descriptions) != NULL ||
                  bk_xzufi_find (cost, "beschreibungKostenfreiheit", skip_descriptions) != NULL;
  g_autofree char *fixed_text = NULL, *lower_text = NULL, *upper_text = NULL;
  g_autofree char *advance = bk_xzufi_child_text (cost, "vorkasse");
  char *value = NULL;

  if ((fixed && !(fixed_text = read_amount (reader, fixed, error))) ||
      (lower && !(lower_text = read_amount (reader, lower, error))) ||
      (upper && !(upper_text = read_amount (reader, upper, error))))
    return FALSE;
  if (fixed_text != NULL)
    value = g_strdup (fixed_text);
  else if (lower_text != NULL && upper_text != NULL)
    value = g_strdup_printf ("%s bis %s", lower_text, upper_text);
  else if (lower_text != NULL)
    value = g_strdup_printf ("ab %s", lower_text);
  else if (upper_text != NULL)
    value = g_strdup_printf ("bis %s", upper_text);
  else if (free)
    value = g_strdup ("kostenfrei");
  if (value != NULL && g_strcmp0 (advance, "true") == 0)
    {
      char *paid = g_strdup_printf ("%s, im Voraus zu zahlen", value);

      g_free (value);
      value = paid;
    }
  append_entry (lines, cost, value);
  return TRUE;
}

static const struct {
  const char *unit;
  const char *one;
  const char *many;
} units[] = {
  { "JAHR", "Jahr", "Jahre" }, { "MONAT", "Monat", "Monate" }, { "WOCHE", "Woche", "Wochen" },
  { "TAG", "Tag", "Tage" }, { "WERKTAG", "Werktag", "Werktage" },
  { "ARBEITSTAG", "Arbeitstag", "Arbeitstage" }, { "STUNDE", "Stunde", "Stunden" },
  { "MINUTE", "Minute", "Minuten" }, { "SEKUNDE", "Sekunde", "Sekunden" },
};

static gboolean
read_count (BkXzufiReader *reader,
            xmlNode       *node,
            guint64       *count,
            GError       **error)
{
  g_autofree char *text = bk_xzufi_text (node);

  if (text == NULL || strspn (text, "0123456789") != strlen (text) || strlen (text) > 6)
    return bk_xzufi_fail (reader, node, error, _("expected a whole number, not “%s”"), text ? text : "");
  *count = g_ascii_strtoull (text, NULL, 10);
  return TRUE;
}

static const char *
unit_name (BkXzufiReader *reader,
           xmlNode       *node,
           guint64        count)
{
  g_autofree char *code = bk_xzufi_code (node);

  for (guint i = 0; code != NULL && i < G_N_ELEMENTS (units); i++)
    if (g_ascii_strcasecmp (code, units[i].unit) == 0)
      return count == 1 ? units[i].one : units[i].many;
  bk_xzufi_note (reader, node, _("unknown unit of time “%s”"), code ? code : "");
  return "";
}

/* "2026-03-31" → "31.03.2026", "--03-31" → "31.03." */
static char *
format_day (const char *date)
{
  int year, month, day;

  if (date == NULL)
    return NULL;
  if (sscanf (date, "%4d-%2d-%2d", &year, &month, &day) == 3)
    return g_strdup_printf ("%02d.%02d.%04d", day, month, year);
  if (sscanf (date, "--%2d-%2d", &month, &day) == 2)
    return g_strdup_printf ("%02d.%02d.", day, month);
  return g_strdup (date);
}

/* A period: a duration (dauer, einheit, up to dauerBis, einheitBis) or
 * days (von, bis). */
static gboolean
read_period (BkXzufiReader *reader,
             xmlNode       *entry,
             GString       *lines,
             GError       **error)
{
  xmlNode *length = bk_xzufi_find (entry, "dauer", skip_descriptions);
  xmlNode *length_to = bk_xzufi_find (entry, "dauerBis", skip_descriptions);
  g_autofree char *from = NULL, *to = NULL;
  char *value = NULL;

  if (length != NULL)
    {
      xmlNode *unit_node = bk_xzufi_find (entry, "einheit", skip_descriptions);
      xmlNode *unit_to_node = bk_xzufi_find (entry, "einheitBis", skip_descriptions);
      guint64 count = 0, count_to = 0;

      if (!read_count (reader, length, &count, error) ||
          (length_to != NULL && !read_count (reader, length_to, &count_to, error)))
        return FALSE;
      if (length_to == NULL)
        value = g_strdup_printf ("%" G_GUINT64_FORMAT " %s", count, unit_name (reader, unit_node, count));
      else
        {
          g_autofree char *code = bk_xzufi_code (unit_node);
          g_autofree char *code_to = bk_xzufi_code (unit_to_node);

          if (unit_to_node == NULL || g_strcmp0 (code, code_to) == 0)
            value = g_strdup_printf ("%" G_GUINT64_FORMAT " bis %" G_GUINT64_FORMAT " %s", count,
                                     count_to, unit_name (reader, unit_node, count_to));
          else
            value = g_strdup_printf ("%" G_GUINT64_FORMAT " %s bis %" G_GUINT64_FORMAT " %s",
                                     count, unit_name (reader, unit_node, count), count_to,
                                     unit_name (reader, unit_to_node, count_to));
        }
    }
  else
    {
      g_autofree char *from_text = bk_xzufi_text (bk_xzufi_find (entry, "von", skip_descriptions));
      g_autofree char *to_text = bk_xzufi_text (bk_xzufi_find (entry, "bis", skip_descriptions));

      from = format_day (from_text);
      to = format_day (to_text);
      if (from != NULL && to != NULL)
        value = g_strdup_printf ("vom %s bis %s", from, to);
      else if (from != NULL)
        value = g_strdup_printf ("ab %s", from);
      else if (to != NULL)
        value = g_strdup_printf ("bis %s", to);
    }
  append_entry (lines, entry, value);
  return TRUE;
}

/* modulKosten, modulFrist, modulBearbeitungsdauer: the module's description,
 * then its entries as a list, then its links. One module in XZuFi 2.2,
 * several in later versions: all are read. */
static gboolean
read_entry_module (Leistung   *l,
                   xmlNode    *leistung,
                   const char *module_name,
                   const char *entry_name,
                   gboolean  (*read_entry) (BkXzufiReader *, xmlNode *, GString *, GError **),
                   char      **out,
                   GError    **error)
{
  g_autoptr(GPtrArray) found = bk_xzufi_children (leistung, module_name);
  GString *text = NULL;

  for (guint i = 0; i < found->len; i++)
    {
      xmlNode *module = g_ptr_array_index (found, i);
      g_autoptr(GPtrArray) entries = bk_xzufi_children (module, entry_name);
      g_autoptr(GPtrArray) links = g_ptr_array_new_with_free_func ((GDestroyNotify) bk_service_form_free);
      g_autoptr(GString) lines = g_string_new (NULL);
      g_autofree char *html = bk_xzufi_html (bk_xzufi_german (module, "beschreibung"));
      g_autofree char *description = bk_html_reduce_text (html, NULL);

      append_block (&text, description);
      for (guint j = 0; j < entries->len; j++)
        if (!read_entry (l->reader, g_ptr_array_index (entries, j), lines, error))
          {
            if (text != NULL)
              g_string_free (text, TRUE);
            return FALSE;
          }
      /* one entry alone is no list */
      if (entries->len == 1 && text == NULL && g_str_has_prefix (lines->str, "• "))
        g_string_erase (lines, 0, strlen ("• "));
      append_block (&text, lines->str);
      read_further_links (module, links);
      if (links->len > 0)
        add_link_lines (&text, links);
    }
  *out = steal_text (&text);
  return TRUE;
}

/* ---- the whole Leistung ----------------------------------------------------- */

static gboolean
read_leika_key (Leistung *l,
                xmlNode  *leistung,
                GError  **error)
{
  g_autoptr(GPtrArray) keys = bk_xzufi_children (leistung, "referenzLeiKa");

  for (guint i = 0; i < keys->len && l->service->leika_key == NULL; i++)
    {
      xmlNode *key = g_ptr_array_index (keys, i);
      g_autofree char *code = bk_xzufi_code (key);
      g_autoptr(GString) digits = g_string_new (NULL);

      for (const char *p = code ? code : ""; *p != '\0'; p++)
        if (*p != ' ')
          g_string_append_c (digits, *p);
      if (digits->len != 14 || strspn (digits->str, "0123456789") != 14)
        return bk_xzufi_fail (l->reader, bk_xzufi_child (key, "code") ? bk_xzufi_child (key, "code") : key,
                              error, _("expected a LeiKa key of 14 digits, not “%s”"), code ? code : "");
      l->service->leika_key = g_string_free (g_steal_pointer (&digits), FALSE);
    }
  return TRUE;
}

/* Begriffe im Kontext: other words citizens use. */
static void
read_keywords (Leistung *l,
               xmlNode  *leistung)
{
  g_autoptr(GPtrArray) modules_found = bk_xzufi_children (leistung, "modulBegriffImKontext");

  for (guint i = 0; i < modules_found->len; i++)
    {
      g_autoptr(GPtrArray) terms = bk_xzufi_children (g_ptr_array_index (modules_found, i),
                                                      "begriffImKontext");

      for (guint j = 0; j < terms->len; j++)
        {
          xmlNode *term = bk_xzufi_german (g_ptr_array_index (terms, j), "begriff");
          g_autofree char *text = bk_xzufi_text (term);
          char *line = bk_html_reduce_line (text);

          if (line != NULL)
            g_ptr_array_add (l->service->keywords, line);
        }
    }
}

/* The kiosk's id: letters, digits and - _ . : only. */
static char *
make_service_id (const char *source_id)
{
  GString *id = g_string_new ("xzufi-");

  for (const char *p = source_id; *p != '\0' && id->len < 100; p++)
    g_string_append_c (id, g_ascii_isalnum (*p) || strchr ("-_.:", *p) ? *p : '-');
  return g_string_free (id, FALSE);
}

static void
finish_texts (Leistung *l)
{
  Texts *de = texts_for (l, "de");
  BkService *s = l->service;
  GHashTableIter iter;
  const char *lang;
  Texts *texts;

  s->name = steal_text (de->text[F_NAME_II] ? &de->text[F_NAME_II] : &de->text[F_NAME_I]);
  /* the teaser first; the Kurztext then opens the full text when there is none */
  if (de->text[F_TEASER] != NULL)
    {
      s->short_text = steal_text (&de->text[F_TEASER]);
      s->full_text = steal_text (de->text[F_FULL] ? &de->text[F_FULL] : &de->text[F_SHORT]);
    }
  else
    {
      s->short_text = steal_text (&de->text[F_SHORT]);
      s->full_text = steal_text (&de->text[F_FULL]);
    }
  if (s->short_text == NULL)
    s->short_text = g_strdup ("");
  s->who_may_apply = steal_text (&de->text[F_REQUIREMENTS]);
  if (de->text[F_REMEDY] != NULL)
    {
      g_autofree char *remedy = steal_text (&de->text[F_REMEDY]);
      g_autofree char *with_heading = g_strdup_printf ("# Rechtsbehelf\n\n%s", remedy);

      append_block (&de->text[F_LEGAL], with_heading);
    }
  s->legal_basis = steal_text (&de->text[F_LEGAL]);
  s->further_info = steal_text (&de->text[F_FURTHER]);
  s->hints = steal_text (&de->text[F_HINTS]);
  s->easy_read = steal_text (&l->easy);

  g_hash_table_iter_init (&iter, l->languages);
  while (g_hash_table_iter_next (&iter, (gpointer *) &lang, (gpointer *) &texts))
    {
      g_autofree char *name = NULL, *short_text = NULL, *full = NULL;

      if (strcmp (lang, "de") == 0)
        continue;
      name = steal_text (texts->text[F_NAME_II] ? &texts->text[F_NAME_II] : &texts->text[F_NAME_I]);
      short_text = steal_text (texts->text[F_TEASER] ? &texts->text[F_TEASER] : &texts->text[F_SHORT]);
      full = steal_text (&texts->text[F_FULL]);
      if (full == NULL)
        full = steal_text (&texts->text[F_SHORT]);
      /* a translation is worth showing only with a name */
      if (name != NULL)
        bk_service_set_translation (s, lang, name, short_text, full);
    }
}

BkService *
bk_xzufi_read_leistung (BkXzufiReader *reader,
                        xmlNode       *leistung,
                        const char    *id,
                        GError       **error)
{
  g_autoptr(BkService) service = bk_service_new ();
  g_autoptr(GPtrArray) texts = bk_xzufi_children (leistung, "modulText");
  Leistung l = { reader, service, NULL, NULL };
  gboolean ok = TRUE;

  l.languages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, texts_free);
  service->source_id = g_strdup (id);
  service->id = make_service_id (id);
  service->municipality = g_strdup ("");
  service->source = g_strdup (reader->name);
  for (guint i = 0; ok && i < texts->len; i++)
    ok = read_text_module (&l, g_ptr_array_index (texts, i), error);
  ok = ok && read_leika_key (&l, leistung, error) &&
       read_entry_module (&l, leistung, "modulKosten", "kosten", read_cost, &service->costs, error) &&
       read_entry_module (&l, leistung, "modulFrist", "frist", read_period, &service->deadlines, error) &&
       read_entry_module (&l, leistung, "modulBearbeitungsdauer", "bearbeitungsdauer", read_period,
                          &service->processing_time, error);
  if (ok)
    {
      /* XZuFi says nothing about the kiosk's forms: they follow the key. */
      for (const char *const *form = bk_kiosk_forms_for_leika (service->leika_key); *form != NULL; form++)
        g_ptr_array_add (service->kiosk_forms, g_strdup (*form));
      read_keywords (&l, leistung);
      finish_texts (&l);
      if (service->name == NULL)
        ok = bk_xzufi_fail (reader, leistung, error,
                            _("the service has no name (text module 03 or 02 in German)"));
    }
  g_hash_table_unref (l.languages);
  if (l.easy != NULL)
    g_string_free (l.easy, TRUE);
  return ok ? g_steal_pointer (&service) : NULL;
}
