/* bk-xzufi-read.c: an XZuFi 2.2 message read into operations
 *
 * libxml2 builds the tree (no network, no DTD, no entity expansion); the
 * readers below walk it by element names, in any namespace, because the
 * code and name children of XÖV codes are unqualified (bk-xzufi-xml.c). Every list may hold
 * one element or many (real exports are not consistent), so every reader
 * asks for all children of a name. An element the kiosk needs but cannot
 * read makes the whole message fail, with the file, the element's path and
 * line; what the kiosk does not use is left out with a note.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-xzufi"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>

#include "bk-error.h"
#include "bk-html-reduce.h"
#include "bk-xzufi-private.h"

/* An identifier child that must be there. */
static char *
required_id (BkXzufiReader *reader,
             xmlNode       *object,
             const char    *name,
             GError       **error)
{
  xmlNode *id = bk_xzufi_child (object, name);

  if (id == NULL)
    {
      /* Translators: %s is an XZuFi element name such as "id" or "leistungID" */
      bk_xzufi_fail (reader, object, error, _("“%s” is missing"), name);
      return NULL;
    }
  return bk_xzufi_id (reader, id, error);
}

/* ---- operations ------------------------------------------------------------ */

static void
area_free (gpointer data)
{
  BkXzufiArea *area = data;

  g_free (area->service_id);
  g_free (area->area);
  g_free (area->role);
  g_free (area);
}

void
bk_xzufi_op_free (BkXzufiOp *op)
{
  if (op == NULL)
    return;
  g_free (op->id);
  g_free (op->version);
  g_free (op->hash);
  g_clear_pointer (&op->service, bk_service_free);
  g_free (op->office.name);
  g_free (op->office.address);
  g_free (op->office.opening_hours);
  g_free (op->office.phone);
  g_free (op->office.email);
  g_free (op->office.accessibility);
  g_free (op->name);
  g_free (op->url);
  g_free (op->parent_id);
  g_clear_pointer (&op->areas, g_ptr_array_unref);
  g_free (op);
}

static BkXzufiOp *
op_new (BkXzufiOpKind kind,
        BkXzufiKind   object)
{
  BkXzufiOp *op = g_new0 (BkXzufiOp, 1);

  op->kind = kind;
  op->object = object;
  op->areas = g_ptr_array_new_with_free_func (area_free);
  return op;
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BkXzufiOp, bk_xzufi_op_free)

/* Feeds an element's names, attributes and texts to a checksum, without
 * writing the element out (that costs more than the rest of reading it). */
static void
hash_node (GChecksum *checksum,
           xmlNode   *node)
{
  for (xmlNode *n = node; n != NULL; n = n->next)
    {
      if (n->type == XML_ELEMENT_NODE)
        {
          g_checksum_update (checksum, (const guchar *) "<", 1);
          g_checksum_update (checksum, n->name, -1);
          for (xmlAttr *a = n->properties; a != NULL; a = a->next)
            {
              g_checksum_update (checksum, (const guchar *) " ", 1);
              g_checksum_update (checksum, a->name, -1);
              g_checksum_update (checksum, (const guchar *) "=", 1);
              if (a->children != NULL && a->children->content != NULL)
                g_checksum_update (checksum, a->children->content, -1);
            }
          g_checksum_update (checksum, (const guchar *) ">", 1);
          hash_node (checksum, n->children);
          g_checksum_update (checksum, (const guchar *) "</>", 3);
        }
      else if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) && n->content != NULL)
        g_checksum_update (checksum, n->content, -1);
    }
}

/* A hash of the element as written: the same text is the same object. */
static char *
hash_element (xmlNode *node)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA1);
  xmlNode *next = node->next;
  char *hash;

  /* this element alone, not its siblings */
  node->next = NULL;
  hash_node (checksum, node);
  node->next = next;
  hash = g_strdup (g_checksum_get_string (checksum));
  return hash;
}

/* A Zuständigkeit: the service and the areas (gebietID) it names. */
static gboolean
read_responsibility (BkXzufiReader *reader,
                     xmlNode       *node,
                     GPtrArray     *areas,
                     GError       **error)
{
  g_autofree char *service_id = required_id (reader, node, "leistungID", error);
  g_autoptr(GPtrArray) ids = NULL;
  g_autofree char *role = NULL;

  if (service_id == NULL)
    return FALSE;
  role = bk_xzufi_code (bk_xzufi_child (node, "rolle"));
  ids = bk_xzufi_children (node, "gebietID");
  if (ids->len == 0)
    bk_xzufi_note (reader, node, _("names no area (gebietID); left out"));
  for (guint i = 0; i < ids->len; i++)
    {
      xmlNode *id = g_ptr_array_index (ids, i);
      g_autofree char *text = bk_xzufi_text (id);
      g_autofree char *prefix = bk_ars_area_prefix (text);
      BkXzufiArea *area;

      if (prefix == NULL)
        return bk_xzufi_fail (reader, id, error,
                              _("expected a Regionalschlüssel (ARS) of 2, 3, 5, 9 or 12 digits, not “%s”"),
                              text ? text : "");
      area = g_new0 (BkXzufiArea, 1);
      area->service_id = g_strdup (service_id);
      area->area = g_steal_pointer (&prefix);
      area->role = g_strdup (role);
      g_ptr_array_add (areas, area);
    }
  return TRUE;
}

static gboolean
read_nested_responsibilities (BkXzufiReader *reader,
                              xmlNode       *object,
                              BkXzufiOp     *op,
                              GError       **error)
{
  g_autoptr(GPtrArray) nested = bk_xzufi_children (object, "zustaendigkeit");

  for (guint i = 0; i < nested->len; i++)
    if (!read_responsibility (reader, g_ptr_array_index (nested, i), op->areas, error))
      return FALSE;
  return TRUE;
}

/* The text of a localized element or of its German children named name. */
static char *
localized_text (xmlNode    *node,
                const char *name)
{
  xmlNode *german = bk_xzufi_german (node, name);
  g_autofree char *html = NULL;

  if (german == NULL)
    german = bk_xzufi_child (node, name);
  html = bk_xzufi_html (german);
  return bk_html_reduce_text (html, NULL);
}

static void
append_line (GString    *out,
             const char *line)
{
  if (line == NULL || *line == '\0')
    return;
  if (out->len > 0)
    g_string_append_c (out, '\n');
  g_string_append (out, line);
}

static char *
steal_lines (GString *lines)
{
  if (lines->len == 0)
    {
      g_string_free (lines, TRUE);
      return NULL;
    }
  return g_string_free (lines, FALSE);
}

static char *
read_address (xmlNode *anschrift)
{
  GString *lines = g_string_new (NULL);
  g_autofree char *street = bk_xzufi_child_text (anschrift, "strasse");
  g_autofree char *number = bk_xzufi_child_text (anschrift, "hausnummer");
  g_autofree char *code = bk_xzufi_child_text (anschrift, "postleitzahl");
  g_autofree char *town = bk_xzufi_child_text (anschrift, "ort");
  g_autofree char *extra = bk_xzufi_child_text (anschrift, "zusatz");
  g_autofree char *first = street != NULL ? g_strjoin (" ", street, number, NULL) : NULL;
  g_autofree char *second = g_strjoin (" ", code ? code : "", town ? town : "", NULL);

  append_line (lines, extra);
  append_line (lines, first);
  append_line (lines, g_strstrip (second));
  return steal_lines (lines);
}

/* "8:00", "08:00", "08:00:00" */
static gboolean
is_time (const char *text)
{
  int hours, minutes;
  char rest;

  return sscanf (text, "%2d:%2d%c", &hours, &minutes, &rest) == 2 ||
         (sscanf (text, "%2d:%2d:%c", &hours, &minutes, &rest) == 3 && g_ascii_isdigit (rest));
}

/* The texts below node, each trimmed, joined by spaces (times by a dash). */
static void
append_leaf_texts (GString *out,
                   xmlNode *node)
{
  for (xmlNode *n = node->children; n != NULL; n = n->next)
    {
      if (n->type == XML_ELEMENT_NODE)
        append_leaf_texts (out, n);
      else if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
        {
          g_autofree char *text = g_strstrip (g_strdup ((const char *) n->content));

          if (*text == '\0')
            continue;
          /* "08:00" after "08:00"-like text: a span of time */
          if (out->len > 0)
            g_string_append (out, is_time (text) && out->len >= 5 && is_time (out->str + out->len - 5)
                                  ? "–" : " ");
          g_string_append (out, text);
        }
    }
}

/* The German one of the localized element children of node, or NULL. */
static xmlNode *
german_child (xmlNode *node)
{
  for (xmlNode *n = node->children; n != NULL; n = n->next)
    {
      g_autofree char *lang = NULL;

      if (n->type != XML_ELEMENT_NODE || xmlHasProp (n, (const xmlChar *) "languageCode") == NULL)
        continue;
      lang = bk_xzufi_language (n);
      if (strcmp (lang, "de") == 0)
        return n;
    }
  return NULL;
}

/* A text that may be given in several languages (children with a
 * languageCode), as markup, or structured (each child on a line). */
static void
append_flexible_text (GString *lines,
                      xmlNode *node)
{
  gboolean localized = FALSE, elements = FALSE;

  for (xmlNode *n = node->children; n != NULL; n = n->next)
    if (n->type == XML_ELEMENT_NODE)
      {
        elements = TRUE;
        localized |= xmlHasProp (n, (const xmlChar *) "languageCode") != NULL;
      }
  if (!elements || localized || xmlHasProp (node, (const xmlChar *) "languageCode") != NULL)
    {
      g_autofree char *html = bk_xzufi_html (localized ? german_child (node) : node);
      g_autofree char *text = bk_html_reduce_text (html, NULL);

      append_line (lines, text);
      return;
    }
  for (xmlNode *n = node->children; n != NULL; n = n->next)
    {
      g_autoptr(GString) line = g_string_new (NULL);

      if (n->type != XML_ELEMENT_NODE)
        continue;
      append_leaf_texts (line, n);
      append_line (lines, line->str);
    }
}

static gboolean
name_contains (xmlNode    *node,
               const char *part)
{
  g_autofree char *lower = g_ascii_strdown ((const char *) node->name, -1);

  return strstr (lower, part) != NULL;
}

/* Opening hours, accessibility: the elements of node whose names contain
 * part (oeffnungszeit, barrierefrei), as text lines. */
static void
append_named_texts (GString    *lines,
                    xmlNode    *node,
                    const char *part)
{
  for (xmlNode *n = node ? node->children : NULL; n != NULL; n = n->next)
    if (n->type == XML_ELEMENT_NODE && name_contains (n, part) && !name_contains (n, "kennzeichen"))
      append_flexible_text (lines, n);
}

static void
append_flag (GString    *lines,
             xmlNode    *node,
             const char *name,
             const char *yes,
             const char *no)
{
  g_autofree char *value = bk_xzufi_child_text (node, name);

  if (value == NULL)
    return;
  if (g_ascii_strcasecmp (value, "true") == 0 || strcmp (value, "1") == 0)
    append_line (lines, yes);
  else if (g_ascii_strcasecmp (value, "false") == 0 || strcmp (value, "0") == 0)
    append_line (lines, no);
}

/* Phone and e-mail from the communication channels: "@" is e-mail, an
 * address on the web is left out, a fax too; the rest with digits is a
 * phone number. */
static void
read_channels (xmlNode         *office,
               BkServiceOffice *out)
{
  g_autoptr(GPtrArray) channels = bk_xzufi_children (office, "kommunikation");

  for (guint i = 0; i < channels->len; i++)
    {
      xmlNode *channel = g_ptr_array_index (channels, i);
      g_autofree char *value = bk_xzufi_child_text (channel, "kennung");
      xmlNode *kind = bk_xzufi_child (channel, "kanal");
      g_autofree char *kind_text = bk_xzufi_text (kind);
      g_autofree char *kind_lower = kind_text ? g_ascii_strdown (kind_text, -1) : g_strdup ("");

      if (value == NULL)
        continue;
      if (strchr (value, '@') != NULL)
        {
          if (out->email == NULL)
            out->email = g_strdup (g_str_has_prefix (value, "mailto:") ? value + 7 : value);
        }
      else if (g_str_has_prefix (value, "http") || g_str_has_prefix (value, "www.") ||
               strstr (kind_lower, "fax") != NULL)
        continue;
      else if (strpbrk (value, "0123456789") != NULL && out->phone == NULL)
        out->phone = g_strdup (value);
    }
}

static BkXzufiOp *
read_office (BkXzufiReader *reader,
             xmlNode       *node,
             GError       **error)
{
  g_autoptr(BkXzufiOp) op = op_new (BK_XZUFI_OP_WRITE, BK_XZUFI_OFFICE);
  g_autoptr(GPtrArray) addresses = bk_xzufi_children (node, "anschrift");
  xmlNode *name = bk_xzufi_child (node, "name");
  xmlNode *address = NULL;
  GString *hours;
  GString *access;

  op->id = required_id (reader, node, "id", error);
  if (op->id == NULL || !bk_xzufi_version (reader, node, &op->version, error))
    return NULL;
  /* name/name (localized), or a plain name or bezeichnung */
  if (name != NULL && bk_xzufi_child (name, "name") != NULL)
    op->office.name = localized_text (name, "name");
  else
    {
      g_autofree char *plain = bk_xzufi_text (name != NULL ? name : bk_xzufi_child (node, "bezeichnung"));

      op->office.name = bk_html_reduce_line (plain);
    }
  if (op->office.name == NULL)
    {
      bk_xzufi_fail (reader, node, error, _("the office has no name (name/name)"));
      return NULL;
    }
  for (guint i = 0; i < addresses->len && address == NULL; i++)
    {
      xmlNode *a = g_ptr_array_index (addresses, i);

      if (bk_xzufi_child (a, "strasse") != NULL || bk_xzufi_child (a, "ort") != NULL)
        address = a;
    }
  op->office.address = read_address (address);
  read_channels (node, &op->office);
  hours = g_string_new (NULL);
  append_named_texts (hours, node, "oeffnungszeit");
  append_named_texts (hours, address, "oeffnungszeit");
  op->office.opening_hours = steal_lines (hours);
  /* What the source says of the building, in the words of the description. */
  access = g_string_new (NULL);
  append_flag (access, address, "kennzeichenRollstuhlgerecht",
               "Rollstuhlgerechter Zugang.", "Kein rollstuhlgerechter Zugang.");
  append_flag (access, address, "kennzeichenAufzug", "Mit Aufzug.", "Ohne Aufzug.");
  append_flag (access, node, "kennzeichenRollstuhlgerecht",
               "Rollstuhlgerechter Zugang.", "Kein rollstuhlgerechter Zugang.");
  append_flag (access, node, "kennzeichenAufzug", "Mit Aufzug.", "Ohne Aufzug.");
  append_named_texts (access, address, "barrierefrei");
  append_named_texts (access, node, "barrierefrei");
  op->office.accessibility = steal_lines (access);
  if (!read_nested_responsibilities (reader, node, op, error))
    return NULL;
  return g_steal_pointer (&op);
}

/* An Onlinedienst: its name and the first web address among its links
 * (one of type 01 first). */
static BkXzufiOp *
read_online (BkXzufiReader *reader,
             xmlNode       *node,
             GError       **error)
{
  g_autoptr(BkXzufiOp) op = op_new (BK_XZUFI_OP_WRITE, BK_XZUFI_ONLINE);
  g_autoptr(GPtrArray) links = bk_xzufi_children (node, "link");
  xmlNode *name = bk_xzufi_german (node, "bezeichnung");

  op->id = required_id (reader, node, "id", error);
  if (op->id == NULL || !bk_xzufi_version (reader, node, &op->version, error))
    return NULL;
  if (name == NULL)
    name = bk_xzufi_child (node, "bezeichnung");
  {
    g_autofree char *text = bk_xzufi_text (name);

    op->name = bk_html_reduce_line (text);
  }
  for (int pass = 0; pass < 2 && op->url == NULL; pass++)
    for (guint i = 0; i < links->len && op->url == NULL; i++)
      {
        xmlNode *link = g_ptr_array_index (links, i);
        xmlNode *address = bk_xzufi_child (link, "link");
        g_autofree char *url = bk_xzufi_text (address != NULL ? address : bk_xzufi_child (link, "uri"));
        g_autofree char *type = bk_xzufi_code (bk_xzufi_child (link, "typ"));

        if (pass == 0 && g_strcmp0 (type, "01") != 0)
          continue;
        if (bk_service_is_web_address (url))
          op->url = g_steal_pointer (&url);
        else if (pass == 1)
          bk_xzufi_note (reader, link, _("“%s” is no web address; left out"), url ? url : "");
      }
  if (op->url == NULL)
    bk_xzufi_note (reader, node, _("the online service has no web address"));
  if (!read_nested_responsibilities (reader, node, op, error))
    return NULL;
  return g_steal_pointer (&op);
}

/* A zustaendigkeitTransferObjekt: one Zuständigkeit with an id of its own
 * and the object (office or online service) it belongs to. */
static BkXzufiOp *
read_transfer (BkXzufiReader *reader,
               xmlNode       *node,
               GError       **error)
{
  g_autoptr(BkXzufiOp) op = op_new (BK_XZUFI_OP_WRITE, BK_XZUFI_RESPONSIBILITY);
  xmlNode *responsibility = bk_xzufi_child (node, "zustaendigkeit");

  op->parent_id = required_id (reader, node, "uebergeordnetesObjektID", error);
  if (op->parent_id == NULL)
    return NULL;
  if (responsibility == NULL)
    {
      bk_xzufi_fail (reader, node, error, _("“%s” is missing"), "zustaendigkeit");
      return NULL;
    }
  op->id = required_id (reader, responsibility, "id", error);
  if (op->id == NULL || !read_responsibility (reader, responsibility, op->areas, error))
    return NULL;
  op->hash = hash_element (node);
  return g_steal_pointer (&op);
}

static const struct {
  const char *klasse;
  int         kind;       /* BkXzufiKind, or -1: not used by the kiosk */
} classes[] = {
  { "Leistung", BK_XZUFI_SERVICE },
  { "Organisationseinheit", BK_XZUFI_OFFICE },
  { "Onlinedienst", BK_XZUFI_ONLINE },
  { "Zustaendigkeit", BK_XZUFI_RESPONSIBILITY },
  { "LeistungSpezialisierung", -1 },
  { "Spezialisierung", -1 },
  { "Formular", -1 },
};

/* loesche klasse="…" with one id or more. */
static gboolean
read_delete (BkXzufiReader *reader,
             xmlNode       *node,
             GPtrArray     *ops,
             GError       **error)
{
  xmlChar *klasse = xmlGetProp (node, (const xmlChar *) "klasse");
  g_autoptr(GPtrArray) ids = bk_xzufi_children (node, "id");
  int kind = -2;

  for (guint i = 0; klasse != NULL && i < G_N_ELEMENTS (classes); i++)
    if (strcmp ((const char *) klasse, classes[i].klasse) == 0)
      kind = classes[i].kind;
  if (kind == -2)
    {
      g_autofree char *given = g_strdup (klasse ? (const char *) klasse : "");

      xmlFree (klasse);
      if (*given == '\0')
        return bk_xzufi_fail (reader, node, error, _("the attribute “klasse” is missing"));
      return bk_xzufi_fail (reader, node, error,
                            _("unknown klasse “%s” (known: Leistung, Organisationseinheit, "
                              "Onlinedienst, Zustaendigkeit, LeistungSpezialisierung)"), given);
    }
  xmlFree (klasse);
  if (ids->len == 0)
    return bk_xzufi_fail (reader, node, error, _("“%s” is missing"), "id");
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(BkXzufiOp) op = NULL;
      g_autofree char *id = bk_xzufi_id (reader, g_ptr_array_index (ids, i), error);

      if (id == NULL)
        return FALSE;
      if (kind < 0)
        {
          reader->ignored++;
          continue;
        }
      op = op_new (BK_XZUFI_OP_DELETE, kind);
      op->id = g_steal_pointer (&id);
      g_ptr_array_add (ops, g_steal_pointer (&op));
    }
  return TRUE;
}

static gboolean
read_write (BkXzufiReader *reader,
            xmlNode       *node,
            GPtrArray     *ops,
            GError       **error)
{
  for (xmlNode *object = node->children; object != NULL; object = object->next)
    {
      g_autoptr(BkXzufiOp) op = NULL;

      if (object->type != XML_ELEMENT_NODE)
        continue;
      if (bk_xzufi_is_named (object, "leistung"))
        {
          g_autofree char *id = required_id (reader, object, "id", error);

          if (id == NULL)
            return FALSE;
          op = op_new (BK_XZUFI_OP_WRITE, BK_XZUFI_SERVICE);
          op->id = g_steal_pointer (&id);
          if (!bk_xzufi_version (reader, object, &op->version, error))
            return FALSE;
          op->service = bk_xzufi_read_leistung (reader, object, op->id, error);
          if (op->service == NULL)
            return FALSE;
          op->service->source_version = g_strdup (op->version);
        }
      else if (bk_xzufi_is_named (object, "organisationseinheit"))
        op = read_office (reader, object, error);
      else if (bk_xzufi_is_named (object, "onlinedienst"))
        op = read_online (reader, object, error);
      else if (bk_xzufi_is_named (object, "zustaendigkeitTransferObjekt"))
        op = read_transfer (reader, object, error);
      else
        {
          reader->ignored++;
          bk_xzufi_note (reader, object, _("the kiosk does not use “%s”; left out"),
                         (const char *) object->name);
          continue;
        }
      if (op == NULL)
        return FALSE;
      if (op->hash == NULL)
        op->hash = hash_element (object);
      g_ptr_array_add (ops, g_steal_pointer (&op));
    }
  return TRUE;
}

static void
init_libxml (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      xmlInitParser ();
      g_once_init_leave (&done, 1);
    }
}

/* The first error of the parser, for a message that is no well-formed XML. */
typedef struct {
  int   line;
  char *message;
} ParseError;

static void
parse_error_cb (void       *data,
                xmlErrorPtr error)
{
  ParseError *first = data;

  if (first->message != NULL || error == NULL || error->level < XML_ERR_ERROR)
    return;
  first->line = error->line;
  first->message = g_strstrip (g_strdup (error->message ? error->message : ""));
}

static gboolean
fail_parse (BkXzufiReader *reader,
            ParseError    *first,
            GError       **error)
{
  g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
               /* Translators: file name, line number, the XML parser's message (English) */
               _("%s: line %d: not well-formed XML: %s"), reader->name, first->line,
               first->message ? first->message : "");
  return FALSE;
}

static gboolean
check_root (BkXzufiReader *reader,
            xmlNode       *root,
            GError       **error)
{
  const char *ns = root->ns != NULL ? (const char *) root->ns->href : NULL;
  xmlChar *version = xmlGetProp (root, (const xmlChar *) "xzufiVersion");
  gboolean ok = TRUE;

  if (g_strcmp0 (ns, BK_XZUFI_NS) != 0)
    {
      if (ns != NULL && g_str_has_prefix (ns, "http://xoev.de/schemata/xzufi/"))
        {
          g_autofree char *other = g_strdelimit (g_strdup (ns + strlen ("http://xoev.de/schemata/xzufi/")),
                                                 "_", '.');

          ok = bk_xzufi_fail (reader, root, error,
                              _("XZuFi %s is not supported; the kiosk reads XZuFi 2.2"), other);
        }
      else
        ok = bk_xzufi_fail (reader, root, error, _("not an XZuFi 2.2 message (namespace %s)"),
                            BK_XZUFI_NS);
    }
  else if (version != NULL && !g_str_has_prefix ((const char *) version, "2.2"))
    ok = bk_xzufi_fail (reader, root, error, _("XZuFi %s is not supported; the kiosk reads XZuFi 2.2"),
                        (const char *) version);
  xmlFree (version);
  return ok;
}

/* One child of the root, read whole. */
static gboolean
read_part (BkXzufiReader *reader,
           xmlNode       *n,
           GPtrArray     *ops,
           GError       **error)
{
  if (bk_xzufi_is_named (n, "schreibe"))
    return read_write (reader, n, ops, error);
  if (bk_xzufi_is_named (n, "loesche"))
    return read_delete (reader, n, ops, error);
  if (!bk_xzufi_is_named (n, "nachrichtenkopf") && !bk_xzufi_is_named (n, "transaktionID") &&
      !bk_xzufi_is_named (n, "transaktionPosition"))
    bk_xzufi_note (reader, n, _("the kiosk does not use “%s”; left out"), (const char *) n->name);
  return TRUE;
}

/* The message is read as a stream: each child of the root (a "schreibe",
 * a "loesche") is built as a tree, read, and freed before the next, so a
 * publication of thousands of services never sits in memory as one tree. */
GPtrArray *
bk_xzufi_read (BkXzufiReader *reader,
               const char    *data,
               gsize          len,
               GError       **error)
{
  g_autoptr(GPtrArray) ops = g_ptr_array_new_with_free_func ((GDestroyNotify) bk_xzufi_op_free);
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  ParseError first = { 0, NULL };
  xmlTextReaderPtr stream;
  gboolean ok = TRUE, root_seen = FALSE;
  int ret;

  init_libxml ();
  if (len > G_MAXINT)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_TOO_LARGE, _("%s: the file is too large"), reader->name);
      return NULL;
    }
  /* no network, no DTD, no entities expanded, no messages on stderr */
  stream = xmlReaderForMemory (data, (int) len, reader->name, NULL,
                               XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                               XML_PARSE_COMPACT);
  xmlTextReaderSetStructuredErrorHandler (stream, parse_error_cb, &first);
  reader->indexes = g_hash_table_new (NULL, NULL);
  ret = xmlTextReaderRead (stream);
  while (ok && ret == 1)
    {
      int type = xmlTextReaderNodeType (stream);
      int depth = xmlTextReaderDepth (stream);
      xmlNode *node = xmlTextReaderCurrentNode (stream);

      if (type == XML_READER_TYPE_DOCUMENT_TYPE)
        ok = bk_xzufi_fail (reader, NULL, error, _("a document type declaration (DOCTYPE) is not allowed"));
      else if (type == XML_READER_TYPE_ELEMENT && depth == 0)
        {
          root_seen = TRUE;
          ok = check_root (reader, node, error);
        }
      else if (type == XML_READER_TYPE_ELEMENT && depth == 1)
        {
          /* its place among the siblings of its name, for messages */
          guint index = GPOINTER_TO_UINT (g_hash_table_lookup (counts, node->name)) + 1;

          g_hash_table_insert (counts, (gpointer) node->name, GUINT_TO_POINTER (index));
          node = xmlTextReaderExpand (stream);
          if (node == NULL)
            break;
          g_hash_table_insert (reader->indexes, node, GUINT_TO_POINTER (index));
          ok = read_part (reader, node, ops, error);
          g_hash_table_remove (reader->indexes, node);
          ret = xmlTextReaderNext (stream);
          continue;
        }
      ret = xmlTextReaderRead (stream);
    }
  if (ok && (ret < 0 || first.message != NULL))
    ok = fail_parse (reader, &first, error);
  else if (ok && !root_seen)
    ok = bk_xzufi_fail (reader, NULL, error, _("the file holds no element"));
  xmlFreeTextReader (stream);
  g_clear_pointer (&reader->indexes, g_hash_table_unref);
  g_free (first.message);
  return ok ? g_steal_pointer (&ops) : NULL;
}
