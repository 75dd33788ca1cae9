/* bk-xzufi-xml.c: walking an XZuFi message: elements by name, texts,
 * codes, languages, identifiers, versions; errors and notes that name the
 * file, the element's path and its line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-xzufi"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "bk-error.h"
#include "bk-xzufi-private.h"

/* ---- paths, errors, notes -------------------------------------------------- */

static void
append_path (BkXzufiReader *reader,
             GString       *out,
             xmlNode       *node)
{
  gpointer known = NULL;
  guint index = 0, count = 0;

  if (node == NULL || node->type != XML_ELEMENT_NODE)
    return;
  append_path (reader, out, node->parent);
  g_string_append_printf (out, "/%s", (const char *) node->name);
  /* a child of the root: the others of its name are no longer there */
  if (reader->indexes != NULL && g_hash_table_lookup_extended (reader->indexes, node, NULL, &known))
    {
      g_string_append_printf (out, "[%u]", GPOINTER_TO_UINT (known));
      return;
    }
  for (xmlNode *n = node->parent ? node->parent->children : node; n != NULL; n = n->next)
    {
      if (n->type != XML_ELEMENT_NODE || !xmlStrEqual (n->name, node->name))
        continue;
      count++;
      if (n == node)
        index = count;
    }
  if (count > 1)
    g_string_append_printf (out, "[%u]", index);
}

static char *
describe_place (BkXzufiReader *reader,
                xmlNode       *node)
{
  g_autoptr(GString) path = g_string_new (NULL);

  if (node == NULL)
    return g_strdup (reader->name);
  append_path (reader, path, node);
  /* Translators: file name, element path, line number, as in
   * "dienste.xml: /nachricht/schreibe[2]/leistung/id (line 40)" */
  return g_strdup_printf (_("%s: %s (line %ld)"), reader->name, path->str, xmlGetLineNo (node));
}

gboolean
bk_xzufi_fail (BkXzufiReader *reader,
               xmlNode       *node,
               GError       **error,
               const char    *format,
               ...)
{
  g_autofree char *place = describe_place (reader, node);
  g_autofree char *problem = NULL;
  va_list args;

  va_start (args, format);
  problem = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT, "%s: %s", place, problem);
  return FALSE;
}

void
bk_xzufi_note (BkXzufiReader *reader,
               xmlNode       *node,
               const char    *format,
               ...)
{
  g_autofree char *place = NULL;
  g_autofree char *problem = NULL;
  va_list args;

  if (reader->notes == NULL)
    return;
  place = describe_place (reader, node);
  va_start (args, format);
  problem = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (reader->notes, g_strdup_printf ("%s: %s", place, problem));
}

/* ---- walking the tree ---------------------------------------------------- */

gboolean
bk_xzufi_is_named (xmlNode    *node,
                   const char *name)
{
  return node->type == XML_ELEMENT_NODE && xmlStrEqual (node->name, (const xmlChar *) name);
}

GPtrArray *
bk_xzufi_children (xmlNode    *node,
                   const char *name)
{
  GPtrArray *found = g_ptr_array_new ();

  for (xmlNode *n = node ? node->children : NULL; n != NULL; n = n->next)
    if (bk_xzufi_is_named (n, name))
      g_ptr_array_add (found, n);
  return found;
}

xmlNode *
bk_xzufi_child (xmlNode    *node,
                const char *name)
{
  for (xmlNode *n = node ? node->children : NULL; n != NULL; n = n->next)
    if (bk_xzufi_is_named (n, name))
      return n;
  return NULL;
}

xmlNode *
bk_xzufi_find (xmlNode           *node,
               const char        *name,
               const char *const *skip)
{
  for (xmlNode *n = node ? node->children : NULL; n != NULL; n = n->next)
    {
      xmlNode *found;

      if (n->type != XML_ELEMENT_NODE)
        continue;
      if (bk_xzufi_is_named (n, name))
        return n;
      if (skip != NULL && g_strv_contains (skip, (const char *) n->name))
        continue;
      found = bk_xzufi_find (n, name, skip);
      if (found != NULL)
        return found;
    }
  return NULL;
}

char *
bk_xzufi_text (xmlNode *node)
{
  xmlChar *content;
  char *text;

  if (node == NULL)
    return NULL;
  content = xmlNodeGetContent (node);
  text = g_strstrip (g_strdup ((const char *) content));
  xmlFree (content);
  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

char *
bk_xzufi_child_text (xmlNode    *node,
                     const char *name)
{
  return bk_xzufi_text (bk_xzufi_child (node, name));
}

char *
bk_xzufi_code (xmlNode *node)
{
  xmlNode *code = bk_xzufi_child (node, "code");

  return bk_xzufi_text (code != NULL ? code : node);
}

char *
bk_xzufi_language (xmlNode *node)
{
  xmlChar *lang = xmlGetProp (node, (const xmlChar *) "languageCode");
  char *code;

  if (lang == NULL)
    return g_strdup ("de");
  code = g_ascii_strdown (g_strstrip ((char *) lang), -1);
  xmlFree (lang);
  if (*code == '\0')
    {
      g_free (code);
      return g_strdup ("de");
    }
  return code;
}

xmlNode *
bk_xzufi_german (xmlNode    *node,
                 const char *name)
{
  for (xmlNode *n = node ? node->children : NULL; n != NULL; n = n->next)
    {
      g_autofree char *lang = NULL;

      if (!bk_xzufi_is_named (n, name))
        continue;
      lang = bk_xzufi_language (n);
      if (strcmp (lang, "de") == 0 || g_str_has_prefix (lang, "de-de"))
        return n;
    }
  return NULL;
}

char *
bk_xzufi_html (xmlNode *node)
{
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean elements = FALSE;

  if (node == NULL)
    return NULL;
  for (xmlNode *n = node->children; n != NULL && !elements; n = n->next)
    elements = n->type == XML_ELEMENT_NODE;
  if (!elements)
    return bk_xzufi_text (node);
  /* Markup written as elements (XHTML inside the message): as text again. */
  for (xmlNode *n = node->children; n != NULL; n = n->next)
    {
      xmlBufferPtr buffer = xmlBufferCreate ();

      xmlNodeDump (buffer, node->doc, n, 0, 0);
      g_string_append_len (out, (const char *) xmlBufferContent (buffer), xmlBufferLength (buffer));
      xmlBufferFree (buffer);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
bk_xzufi_id (BkXzufiReader *reader,
             xmlNode       *node,
             GError       **error)
{
  g_autofree char *value = bk_xzufi_text (node);
  xmlChar *agency;
  char *id;

  if (node == NULL)
    return NULL;
  if (value == NULL)
    {
      bk_xzufi_fail (reader, node, error, _("the identifier is empty"));
      return NULL;
    }
  agency = xmlGetProp (node, (const xmlChar *) "schemeAgencyID");
  if (agency != NULL && *g_strstrip ((char *) agency) != '\0')
    id = g_strdup_printf ("%s:%s", (const char *) agency, value);
  else
    id = g_steal_pointer (&value);
  xmlFree (agency);
  return id;
}

gboolean
bk_xzufi_version (BkXzufiReader *reader,
                  xmlNode       *object,
                  char         **version,
                  GError       **error)
{
  xmlNode *info = bk_xzufi_child (object, "versionsinformation");
  xmlNode *changed;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *text = NULL;

  *version = NULL;
  if (info == NULL)
    info = bk_xzufi_child (object, "versionsinformationen");
  changed = bk_xzufi_child (info, "geaendertDatumZeit");
  text = bk_xzufi_text (changed);
  if (text == NULL)
    return TRUE;
  when = g_date_time_new_from_iso8601 (text, utc);
  if (when == NULL)
    return bk_xzufi_fail (reader, changed, error,
                          _("expected a date and time such as 2026-03-01T10:00:00Z, not “%s”"),
                          text);
  /* in UTC, so that versions compare as text */
  {
    g_autoptr(GDateTime) in_utc = g_date_time_to_utc (when);

    *version = g_date_time_format_iso8601 (in_utc);
  }
  if (*version == NULL)
    *version = g_steal_pointer (&text);
  return TRUE;
}

