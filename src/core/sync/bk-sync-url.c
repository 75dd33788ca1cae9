/* bk-sync-url.c: the URLs the sync asks for
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-sync"

#include <string.h>

#include "bk-sync-url.h"

char *
bk_sync_url_rewrite (const char *system_id,
                     const char *system_url,
                     const char *url)
{
  gsize id_len, url_len, common = 0;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (url == NULL)
    return NULL;
  if (system_id == NULL || system_url == NULL || strcmp (system_id, system_url) == 0)
    return g_strdup (url);
  id_len = strlen (system_id);
  url_len = strlen (system_url);
  while (common < id_len && common < url_len &&
         system_id[id_len - 1 - common] == system_url[url_len - 1 - common])
    common++;
  /* the common end starts at a path boundary */
  while (common > 0 && system_id[id_len - common] != '/')
    common--;
  from = g_strndup (system_id, id_len - common);
  to = g_strndup (system_url, url_len - common);
  if (*from == '\0' || strstr (from, "://") == NULL || strstr (to, "://") == NULL)
    return g_strdup (url);
  if (g_str_has_prefix (url, to) || !g_str_has_prefix (url, from))
    return g_strdup (url);
  return g_strconcat (to, url + strlen (from), NULL);
}

static char *
escape_value (const char *value,
              gboolean    raw)
{
  if (raw)
    return g_strdup (value);
  /* ":" may stay; "+" must not (a "+" in a query reads as a space) */
  return g_uri_escape_string (value, ":", FALSE);
}

char *
bk_sync_url_set_param (const char *url,
                       const char *name,
                       const char *value,
                       gboolean    raw)
{
  const char *fragment = strchr (url, '#');
  const char *query = strchr (url, '?');
  g_autofree char *base = NULL;
  g_autofree char *escaped = escape_value (value, raw);
  GString *out;
  gsize name_len = strlen (name);

  if (fragment == NULL)
    fragment = url + strlen (url);
  if (query != NULL && query > fragment)
    query = NULL;
  base = g_strndup (url, (query != NULL ? query : fragment) - url);
  out = g_string_new (base);
  g_string_append_printf (out, "?%s=%s", name, escaped);
  if (query != NULL)
    {
      g_autofree char *params = g_strndup (query + 1, fragment - query - 1);
      g_auto(GStrv) parts = g_strsplit (params, "&", -1);

      for (guint i = 0; parts[i] != NULL; i++)
        {
          if (*parts[i] == '\0')
            continue;
          if (strncmp (parts[i], name, name_len) == 0 && (parts[i][name_len] == '=' || parts[i][name_len] == '\0'))
            continue;
          g_string_append_printf (out, "&%s", parts[i]);
        }
    }
  g_string_append (out, fragment);
  return g_string_free (out, FALSE);
}

gboolean
bk_sync_url_has_param (const char *url,
                       const char *name)
{
  const char *query = strchr (url, '?');
  gsize name_len = strlen (name);

  if (query == NULL)
    return FALSE;
  for (const char *p = query + 1; p != NULL && *p != '\0' && *p != '#'; )
    {
      if (strncmp (p, name, name_len) == 0 && (p[name_len] == '=' || p[name_len] == '&' ||
                                               p[name_len] == '\0' || p[name_len] == '#'))
        return TRUE;
      p = strchr (p, '&');
      if (p != NULL)
        p++;
    }
  return FALSE;
}

gboolean
bk_sync_url_is_web (const char *url)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;

  if (url == NULL)
    return FALSE;
  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL)
    return FALSE;
  scheme = g_uri_get_scheme (uri);
  return (g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0) &&
         g_uri_get_host (uri) != NULL && *g_uri_get_host (uri) != '\0';
}
