/* bk-text-names.c: persons, roles and factions in the lines of a paper
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-text"

#include <string.h>

#include "bk-text-names.h"
#include "bk-text-util.h"
#include "bk-text-vocab.h"

const char *
bk_text_strip_signed (const char *text)
{
  g_autofree char *low = bk_text_lower_same_length (text);
  const char *p = low;

  if (g_str_has_prefix (p, "gezeichnet"))
    p += strlen ("gezeichnet");
  else if (bk_text_has_prefix_word (p, "gez"))
    p += 3;
  else if (g_str_has_prefix (p, "i.a.") || g_str_has_prefix (p, "i.v."))
    p += 4;
  else if (g_str_has_prefix (p, "i. a.") || g_str_has_prefix (p, "i. v."))
    p += 5;
  else
    return text;
  while (*p == '.' || *p == ':' || *p == ' ')
    p++;
  return text + (p - low);
}

gboolean
bk_text_is_organization_name (const char *text)
{
  static const char *const endings[] = {
    "rat", "beirat", "ausschuss", "verein", "verband", "initiative", "gruppe", "liste", "partei",
    "bündnis", "netzwerk", "forum", "bund", "gemeinschaft", "vereinigung", "stiftung", "amt",
    "verwaltung", "fraktion", "kreis", NULL
  };
  g_auto(GStrv) words = NULL;

  if (strlen (text) > 100 || bk_text_count_words (text) > 8 || bk_text_ends_sentence (text))
    return FALSE;
  words = g_strsplit (text, " ", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *low = bk_text_lower_same_length (words[i]);

      if (!g_unichar_isupper (g_utf8_get_char (words[i])))
        continue;
      for (guint k = 0; endings[k] != NULL; k++)
        if (g_str_has_suffix (low, endings[k]))
          return TRUE;
    }
  return FALSE;
}

gboolean
bk_text_is_name (const char *text)
{
  g_autoptr(GString) s = NULL;

  /* "Seniorenbeirat Lindental" has the shape of a name */
  if (bk_text_is_organization_name (text))
    return FALSE;
  if (bk_text_is_person_name (text))
    return TRUE;
  if (strstr (text, " – ") == NULL && strstr (text, " - ") == NULL)
    return FALSE;
  /* "Hans – Joachim Krüger": a double first name written with a spaced dash */
  s = g_string_new (text);
  g_string_replace (s, " – ", "-", 0);
  g_string_replace (s, " - ", "-", 0);
  return bk_text_is_person_name (s->str);
}

gboolean
bk_text_is_faction_text (const char *text)
{
  return strlen (text) <= 100 && bk_text_count_words (text) <= 10 && !bk_text_ends_sentence (text)
         && bk_text_is_faction_name (text);
}

gboolean
bk_text_is_surname (const char *s)
{
  static const char *const noun_endings[] = {
    "ung", "heit", "keit", "schaft", "tion", "ismus", "nahme", "ität", "amt", "rat", "tag", NULL
  };
  gunichar first = g_utf8_get_char (s);

  if (!g_unichar_isupper (first) || strchr (s, ' ') != NULL || g_utf8_strlen (s, -1) < 2
      || strlen (s) > 30 || bk_text_is_faction_name (s))
    return FALSE;
  for (const char *p = s; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isalpha (c) && c != '-' && c != '\'')
        return FALSE;
    }
  for (guint i = 0; noun_endings[i] != NULL; i++)
    if (g_str_has_suffix (s, noun_endings[i]))
      return FALSE;
  /* "FDP": capitals only are abbreviations, not names */
  for (const char *p = g_utf8_next_char (s); *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_islower (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

gboolean
bk_text_split_name_role (const char  *text,
                         gboolean     surname_party,
                         char       **name,
                         char       **role)
{
  static const char *const seps[] = { " - ", " – ", " — ", ", ", " (", ". ", NULL };
  const char *t = bk_text_strip_signed (text);

  if (bk_text_is_name (t))
    {
      *name = g_strdup (t);
      *role = NULL;
      return TRUE;
    }
  for (guint i = 0; seps[i] != NULL; i++)
    {
      const char *s = strstr (t, seps[i]);
      g_autofree char *left = NULL;
      g_autofree char *right = NULL;

      if (s == NULL)
        continue;
      left = g_strndup (t, (gsize) (s - t));
      right = bk_text_strip_chars (s + strlen (seps[i]), " ()-–");
      if (bk_text_is_name (left) && (*right == '\0' || bk_text_is_role_text (right)
                                      || bk_text_is_faction_name (right) || i < 4))
        {
          *name = g_steal_pointer (&left);
          *role = *right != '\0' ? g_steal_pointer (&right) : NULL;
          return TRUE;
        }
      /* "Waßmuth, CDU": a surname with the party in a list of signers */
      if (surname_party && strcmp (seps[i], ", ") == 0 && bk_text_is_surname (left)
          && bk_text_is_faction_name (right))
        {
          *name = g_steal_pointer (&left);
          *role = g_steal_pointer (&right);
          return TRUE;
        }
    }
  /* "Renate Netzer Vorsitzende v. SKS Ausschuss": a role word after the name */
  {
    g_auto(GStrv) words = g_strsplit (t, " ", -1);
    guint n = g_strv_length (words);

    for (guint k = 2; k < n && k <= 4; k++)
      {
        g_autofree char *right = g_strjoinv (" ", words + k);
        g_autofree char *first = bk_text_lower_same_length (words[k]);
        char *saved = words[k];
        g_autofree char *left = NULL;

        /* the role must start right after the name */
        if (!bk_text_is_role_text (words[k]) && strstr (first, "vorsitz") == NULL)
          continue;
        words[k] = NULL;
        left = g_strjoinv (" ", words);
        words[k] = saved;
        if (bk_text_is_name (left) && bk_text_is_role_text (right))
          {
            *name = g_steal_pointer (&left);
            *role = g_steal_pointer (&right);
            return TRUE;
          }
      }
  }
  return FALSE;
}

char *
bk_text_role_line (const char *text)
{
  g_autofree char *r = bk_text_strip_chars (text, " ()-–—,");

  if (*r == '\0' || !bk_text_is_role_text (r))
    return NULL;
  return g_steal_pointer (&r);
}

static gboolean
is_signature_filler (const char *low)
{
  static const char *const fillers[] = {
    "ihre", "ihr", "eure", "euer", "i.a.", "i. a.", "i.v.", "i. v.", "für", "gez.", "gez",
    "gezeichnet", NULL
  };

  for (guint i = 0; fillers[i] != NULL; i++)
    if (strcmp (low, fillers[i]) == 0)
      return TRUE;
  return FALSE;
}

gboolean
bk_text_is_signature_text (const char *text)
{
  const char *t = bk_text_strip_signed (text);
  const char *gez = strstr (t, " gez. ");
  g_autofree char *low = bk_text_lower_same_length (t);
  g_autofree char *name = NULL;
  g_autofree char *role = NULL;
  g_autofree char *role_line = NULL;

  if (gez != NULL)
    {
      /* "Renate Netzer Vorsitzende gez. Hans Krüger": two signers on a line */
      g_autofree char *left = g_strndup (t, (gsize) (gez - t));

      return bk_text_is_signature_text (left) && bk_text_is_signature_text (gez + 1);
    }
  if (*t == '\0' || is_signature_filler (low))
    return TRUE;
  if (bk_text_split_name_role (t, TRUE, &name, &role))
    return TRUE;
  if ((role_line = bk_text_role_line (t)) != NULL || bk_text_is_faction_text (t))
    return TRUE;
  if ((g_str_has_prefix (low, "für die ") || g_str_has_prefix (low, "für den "))
      && !bk_text_ends_sentence (t) && bk_text_count_words (t) <= 8)
    return TRUE;
  return FALSE;
}

gboolean
bk_text_is_signature_line (const BkTextLine *l)
{
  return bk_text_is_signature_text (l->text);
}
