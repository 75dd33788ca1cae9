/* bk-html-text.c: the text of an HTML page saved from a council information system
 *
 * libxml2's HTML parser builds the tree, however broken the page; the walk
 * below turns it into the plain text the paper reader understands. Tables
 * become structure: a row of short cells is one line with its cells
 * separated by tabs (a Beratungsfolge, a header of fields), while a cell
 * that holds paragraphs is layout and gives its paragraphs as lines.
 * Ordered lists are numbered as the page shows them (a copied page would
 * print "1." for every item), headings become Markdown headings, bold text
 * Markdown bold and struck-through text Markdown strike-through, which the
 * reader leaves out of the request. Scripts, styles, forms and the site's
 * navigation, header and footer are no part of the paper; an article or
 * main element, when the page has one with text, is all that is read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-html"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "bk-error.h"
#include "bk-html-text.h"

/* Deeper trees are broken or hostile; their depth is not a paper's. */
#define MAX_DEPTH 200

typedef struct {
  GString *out;
  gboolean in_pre;
  guint depth;
} Walk;

static gboolean
name_is (const xmlNode *node,
         const char    *name)
{
  return node->name != NULL && g_ascii_strcasecmp ((const char *) node->name, name) == 0;
}

static gboolean
name_in (const xmlNode     *node,
         const char *const *names)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (name_is (node, names[i]))
      return TRUE;
  return FALSE;
}

static char *
attr (const xmlNode *node,
      const char    *name)
{
  xmlChar *v = xmlGetProp ((xmlNode *) node, (const xmlChar *) name);
  char *s;

  if (v == NULL)
    return NULL;
  s = g_strdup ((const char *) v);
  xmlFree (v);
  return s;
}

static gboolean
is_block (const xmlNode *node)
{
  static const char *const blocks[] = {
    "p", "div", "section", "article", "main", "header", "h1", "h2", "h3", "h4", "h5", "h6",
    "ul", "ol", "li", "table", "tr", "tbody", "thead", "tfoot", "blockquote", "pre", "dl", "dt",
    "dd", "address", "hr", "br", "figure", "figcaption", "center", "fieldset", NULL
  };

  return node->type == XML_ELEMENT_NODE && name_in (node, blocks);
}

/* Not the paper: scripts, styles, forms, and the site around it. */
static gboolean
is_skipped (const xmlNode *node)
{
  static const char *const names[] = {
    "script", "style", "noscript", "template", "head", "nav", "footer", "aside", "form",
    "button", "select", "textarea", "iframe", "svg", "menu", "object", "embed", "canvas",
    "map", "audio", "video", NULL
  };
  static const char *const site_words[] = {
    "navigation", "navbar", "breadcrumb", "cookie", "sidebar", "footer", "share", "social",
    "comment", "related", "teaser", "menu", "skiplink", "banner", NULL
  };
  g_autofree char *role = NULL;
  g_autofree char *klass = NULL;
  g_autofree char *id = NULL;

  if (node->type != XML_ELEMENT_NODE)
    return FALSE;
  if (xmlHasProp ((xmlNode *) node, (const xmlChar *) "hidden") != NULL)
    return TRUE;
  if (name_in (node, names))
    return TRUE;
  role = attr (node, "role");
  if (role != NULL && (strcmp (role, "navigation") == 0 || strcmp (role, "contentinfo") == 0
                       || strcmp (role, "banner") == 0 || strcmp (role, "complementary") == 0))
    return TRUE;
  klass = attr (node, "class");
  id = attr (node, "id");
  for (guint i = 0; site_words[i] != NULL; i++)
    {
      if (klass != NULL && strstr (klass, site_words[i]) != NULL)
        return TRUE;
      if (id != NULL && strstr (id, site_words[i]) != NULL)
        return TRUE;
    }
  return FALSE;
}

static void
newline (Walk *w)
{
  if (w->out->len > 0 && w->out->str[w->out->len - 1] != '\n')
    g_string_append_c (w->out, '\n');
}

static void
blank_line (Walk *w)
{
  newline (w);
  if (w->out->len > 1 && w->out->str[w->out->len - 2] != '\n')
    g_string_append_c (w->out, '\n');
}

/* Text the way a browser shows it: runs of white space are one space. */
static void
append_text (Walk       *w,
             const char *text)
{
  if (w->in_pre)
    {
      g_string_append (w->out, text);
      return;
    }
  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        {
          if (w->out->len > 0 && w->out->str[w->out->len - 1] != ' '
              && w->out->str[w->out->len - 1] != '\n' && w->out->str[w->out->len - 1] != '\t')
            g_string_append_c (w->out, ' ');
          continue;
        }
      g_string_append_c (w->out, *p);
    }
}

static gboolean
has_block_descendant (const xmlNode *node,
                      guint          depth)
{
  if (depth > MAX_DEPTH)
    return TRUE;
  for (const xmlNode *c = node->children; c != NULL; c = c->next)
    if (is_block (c) || (c->type == XML_ELEMENT_NODE && has_block_descendant (c, depth + 1)))
      return TRUE;
  return FALSE;
}

static void walk_children (Walk *w, const xmlNode *node);

/* "1.", "a)", "i." as the list's type and start say. */
static char *
item_marker (const xmlNode *list,
             guint          index)
{
  g_autofree char *type = attr (list, "type");
  g_autofree char *start = attr (list, "start");
  gint64 n = index + 1;

  if (start != NULL)
    n = g_ascii_strtoll (start, NULL, 10) + index;
  if (type != NULL && (strcmp (type, "a") == 0 || strcmp (type, "A") == 0) && n >= 1 && n <= 26)
    return g_strdup_printf ("%c) ", (char) ((type[0] == 'a' ? 'a' : 'A') + n - 1));
  return g_strdup_printf ("%" G_GINT64_FORMAT ". ", n);
}

static void
walk_list (Walk          *w,
           const xmlNode *list)
{
  gboolean ordered = name_is (list, "ol");
  guint index = 0;

  newline (w);
  for (const xmlNode *c = list->children; c != NULL; c = c->next)
    {
      if (c->type != XML_ELEMENT_NODE || !name_is (c, "li") || is_skipped (c))
        {
          if (c->type == XML_ELEMENT_NODE && !is_skipped (c))
            walk_children (w, c);
          continue;
        }
      newline (w);
      if (ordered)
        {
          g_autofree char *marker = item_marker (list, index);

          g_string_append (w->out, marker);
        }
      else
        g_string_append (w->out, "- ");
      index++;
      walk_children (w, c);
      newline (w);
    }
  newline (w);
}

/* A row of short cells is data: one line, cells separated by tabs. */
static void
walk_row (Walk          *w,
          const xmlNode *row)
{
  gboolean layout = FALSE;
  gboolean first = TRUE;

  for (const xmlNode *c = row->children; c != NULL && !layout; c = c->next)
    if (c->type == XML_ELEMENT_NODE && (name_is (c, "td") || name_is (c, "th")))
      layout = has_block_descendant (c, 0);
  newline (w);
  for (const xmlNode *c = row->children; c != NULL; c = c->next)
    {
      if (c->type != XML_ELEMENT_NODE || is_skipped (c) || !(name_is (c, "td") || name_is (c, "th")))
        continue;
      if (layout)
        {
          newline (w);
          walk_children (w, c);
          newline (w);
          continue;
        }
      if (!first)
        {
          while (w->out->len > 0 && w->out->str[w->out->len - 1] == ' ')
            g_string_truncate (w->out, w->out->len - 1);
          g_string_append_c (w->out, '\t');
        }
      first = FALSE;
      walk_children (w, c);
    }
  newline (w);
}

static void
walk_node (Walk          *w,
           const xmlNode *node)
{
  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
    {
      if (node->content != NULL)
        append_text (w, (const char *) node->content);
      return;
    }
  if (node->type != XML_ELEMENT_NODE || is_skipped (node))
    return;
  if (w->depth >= MAX_DEPTH)
    return;
  w->depth++;
  if (name_is (node, "br"))
    g_string_append_c (w->out, '\n');
  else if (name_is (node, "hr"))
    blank_line (w);
  else if (name_is (node, "input"))
    {
      g_autofree char *type = attr (node, "type");

      if (type != NULL && (g_ascii_strcasecmp (type, "checkbox") == 0 || g_ascii_strcasecmp (type, "radio") == 0))
        {
          g_autofree char *checked = attr (node, "checked");

          g_string_append (w->out, checked != NULL ? "\xE2\x98\x92 " : "\xE2\x98\x90 ");
        }
    }
  else if (name_is (node, "ul") || name_is (node, "ol"))
    walk_list (w, node);
  else if (name_is (node, "tr"))
    walk_row (w, node);
  else if (node->name != NULL && (node->name[0] == 'h' || node->name[0] == 'H')
           && node->name[1] >= '1' && node->name[1] <= '6' && node->name[2] == '\0')
    {
      blank_line (w);
      g_string_append (w->out, "## ");
      walk_children (w, node);
      blank_line (w);
    }
  else if (name_is (node, "b") || name_is (node, "strong"))
    {
      g_string_append (w->out, "**");
      walk_children (w, node);
      g_string_append (w->out, "**");
    }
  else if (name_is (node, "del") || name_is (node, "s") || name_is (node, "strike"))
    {
      g_string_append (w->out, "~~");
      walk_children (w, node);
      g_string_append (w->out, "~~");
    }
  else if (name_is (node, "pre"))
    {
      gboolean was = w->in_pre;

      blank_line (w);
      w->in_pre = TRUE;
      walk_children (w, node);
      w->in_pre = was;
      blank_line (w);
    }
  else if (name_is (node, "p") || name_is (node, "blockquote") || name_is (node, "table")
           || name_is (node, "address") || name_is (node, "figure"))
    {
      blank_line (w);
      walk_children (w, node);
      blank_line (w);
    }
  else if (is_block (node))
    {
      newline (w);
      walk_children (w, node);
      newline (w);
    }
  else
    walk_children (w, node);
  w->depth--;
}

static void
walk_children (Walk          *w,
               const xmlNode *node)
{
  for (const xmlNode *c = node->children; c != NULL; c = c->next)
    walk_node (w, c);
}

/* The amount of text under node, counted up to limit. */
static gsize
text_amount (const xmlNode *node,
             gsize          limit,
             guint          depth)
{
  gsize n = 0;

  if (depth > MAX_DEPTH)
    return 0;
  for (const xmlNode *c = node->children; c != NULL && n < limit; c = c->next)
    {
      if (c->type == XML_TEXT_NODE && c->content != NULL)
        n += strlen ((const char *) c->content);
      else if (c->type == XML_ELEMENT_NODE && !is_skipped (c))
        n += text_amount (c, limit - n, depth + 1);
    }
  return n;
}

/* The one <main> or <article> that holds the paper, or NULL. */
static const xmlNode *
find_content (const xmlNode *node,
              guint          depth,
              guint         *count)
{
  const xmlNode *found = NULL;

  if (depth > MAX_DEPTH)
    return NULL;
  for (const xmlNode *c = node->children; c != NULL; c = c->next)
    {
      if (c->type != XML_ELEMENT_NODE || is_skipped (c))
        continue;
      if ((name_is (c, "main") || name_is (c, "article")) && text_amount (c, 200, 0) >= 200)
        {
          (*count)++;
          if (found == NULL)
            found = c;
          continue;
        }
      {
        const xmlNode *inner = find_content (c, depth + 1, count);

        if (inner != NULL && found == NULL)
          found = inner;
      }
    }
  return found;
}

/* UTF-8 unless the page declares another charset: saved pages often lack
 * the declaration, and libxml2 would read them as Latin-1. */
static const char *
guess_encoding (const char *data,
                gsize       len)
{
  g_autofree char *head = g_ascii_strdown (data, MIN (len, 4096));

  if (strstr (head, "charset=") != NULL && strstr (head, "charset=utf-8") == NULL
      && strstr (head, "charset=\"utf-8") == NULL && strstr (head, "charset='utf-8") == NULL)
    return NULL;
  return g_utf8_validate_len (data, len, NULL) ? "UTF-8" : NULL;
}

gboolean
bk_html_text_sniff (const char *data,
                    gsize       len)
{
  g_autofree char *head = NULL;
  gsize i = 0;

  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  while (i < len && g_ascii_isspace (data[i]))
    i++;
  if (i >= len || data[i] != '<')
    return FALSE;
  head = g_ascii_strdown (data + i, MIN (len - i, 1024));
  return g_str_has_prefix (head, "<!doctype html") || g_str_has_prefix (head, "<html")
         || strstr (head, "<head") != NULL || strstr (head, "<body") != NULL
         || (g_str_has_prefix (head, "<?xml") && strstr (head, "<html") != NULL);
}

char *
bk_html_text_extract (const char *data,
                      gsize       len,
                      GError    **error)
{
  htmlDocPtr doc;
  const xmlNode *root, *content;
  guint count = 0;
  Walk w = { 0 };
  int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET;

  g_return_val_if_fail (data != NULL || len == 0, NULL);

  if (len == 0 || len > G_MAXINT)
    {
      g_set_error_literal (error, BK_ERROR, BK_ERROR_INVALID_INPUT, _("The page is empty"));
      return NULL;
    }
  xmlInitParser ();
  doc = htmlReadMemory (data, (int) len, NULL, guess_encoding (data, len), options);
  if (doc == NULL || (root = xmlDocGetRootElement (doc)) == NULL)
    {
      if (doc != NULL)
        xmlFreeDoc (doc);
      g_set_error_literal (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                           _("The file is not an HTML page that can be read"));
      return NULL;
    }
  content = find_content (root, 0, &count);
  w.out = g_string_new (NULL);
  if (content != NULL && count == 1)
    walk_node (&w, content);
  else
    walk_node (&w, root);
  xmlFreeDoc (doc);

  g_strstrip (w.out->str);
  w.out->len = strlen (w.out->str);
  if (w.out->len == 0)
    {
      g_string_free (w.out, TRUE);
      g_set_error_literal (error, BK_ERROR, BK_ERROR_INVALID_INPUT, _("The page contains no text"));
      return NULL;
    }
  /* a page in a broken encoding must not hand invalid UTF-8 on */
  if (!g_utf8_validate_len (w.out->str, w.out->len, NULL))
    {
      char *valid = g_utf8_make_valid (w.out->str, (gssize) w.out->len);

      g_string_free (w.out, TRUE);
      return valid;
    }
  return g_string_free (w.out, FALSE);
}
