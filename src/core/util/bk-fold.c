/* bk-fold.c: German text folded for search
 *
 * One folding for the index and for the query, so that spellings with and
 * without umlauts meet.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-fold"

#include "bk-fold.h"

/* German umlauts get their two-letter spelling (ä→ae) rather than losing their
 * dots, because that is how people type them on keyboards without umlauts. */
static gboolean
append_german (GString  *out,
               gunichar  c)
{
  switch (c)
    {
    case 0x00E4: g_string_append (out, "ae"); return TRUE; /* ä */
    case 0x00F6: g_string_append (out, "oe"); return TRUE; /* ö */
    case 0x00FC: g_string_append (out, "ue"); return TRUE; /* ü */
    case 0x00DF: g_string_append (out, "ss"); return TRUE; /* ß */
    case 0x1E9E: g_string_append (out, "ss"); return TRUE; /* ẞ */
    default: return FALSE;
    }
}

char *
bk_fold_for_search (const char *text)
{
  g_autofree char *lower = NULL;
  g_autoptr(GString) out = NULL;
  gboolean last_space = TRUE;

  if (text == NULL)
    return g_strdup ("");
  if (!g_utf8_validate (text, -1, NULL))
    return g_strdup ("");

  lower = g_utf8_strdown (text, -1);
  out = g_string_sized_new (strlen (lower) + 8);
  for (const char *p = lower; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gunichar decomposed[4];
      gsize n;

      if (append_german (out, c))
        {
          last_space = FALSE;
          continue;
        }
      if (g_unichar_isalnum (c) && c < 0x80)
        {
          g_string_append_c (out, (char) c);
          last_space = FALSE;
          continue;
        }
      if (!g_unichar_isalnum (c) && !g_unichar_ismark (c))
        {
          if (!last_space)
            g_string_append_c (out, ' ');
          last_space = TRUE;
          continue;
        }
      n = g_unichar_fully_decompose (c, FALSE, decomposed, G_N_ELEMENTS (decomposed));
      for (gsize i = 0; i < n; i++)
        {
          if (g_unichar_ismark (decomposed[i]))
            continue;
          if (!append_german (out, decomposed[i]))
            g_string_append_unichar (out, decomposed[i]);
          last_space = FALSE;
        }
    }
  if (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  return g_string_free (g_steal_pointer (&out), FALSE);
}
