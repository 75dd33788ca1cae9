/* bk-text-refs.c: paper numbers ("Drucksache 15/0292", "VI-DS-08178-DS-02")
 *
 * A paper number is groups of digits and short letter codes joined by "/"
 * or "-". Numbers are only taken where the text says they are papers: after
 * a keyword, under a label, or in the same shape as the paper's own number
 * (a council numbers all its papers alike); a budget line or a year range
 * is no paper.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-text"

#include <string.h>

#include "bk-text-refs.h"
#include "bk-text-util.h"

static gboolean
is_roman (const char *p,
          gsize       n)
{
  for (gsize i = 0; i < n; i++)
    if (strchr ("IVXLC", p[i]) == NULL)
      return FALSE;
  return n > 0;
}

/* One group: digits (with one lower-case letter after them: "062a"),
 * letters (at most 6), letters then digits ("A0188") or a roman numeral.
 * Sets *digits when it holds one. Returns its length. */
static gsize
group_at (const char *p,
          gboolean   *digits,
          gboolean   *letters)
{
  gsize n = 0, l = 0, d = 0;

  while (g_ascii_isalpha (p[l]) && l < 7)
    l++;
  if (l > 6)
    return 0;
  n = l;
  while (g_ascii_isdigit (p[n]) && d < 9)
    {
      n++;
      d++;
    }
  if (d > 8)
    return 0;
  if (d > 0 && l == 0 && g_ascii_islower (p[n]) && !g_ascii_isalpha (p[n + 1]))
    n++;
  *digits = d > 0;
  *letters = l > 0;
  return n;
}

gsize
bk_text_ref_token (const char *p,
                   gboolean    relaxed)
{
  const char *q = p;
  guint groups = 0, digit_groups = 0, seps = 0, years = 0;

  if (!g_ascii_isalnum (*p))
    return 0;
  while (TRUE)
    {
      gboolean digits = FALSE, letters = FALSE;
      gsize g = group_at (q, &digits, &letters);

      if (g == 0)
        return 0;
      if (letters && !digits && groups > 0 && !is_roman (q, g) && g > 6)
        return 0;
      if (digits)
        digit_groups++;
      if (digits && !letters && g == 4 && (q[0] == '1' || q[0] == '2') && (q[1] == '9' || q[1] == '0'))
        years++;
      groups++;
      q += g;
      if ((*q == '/' || *q == '-') && g_ascii_isalnum (q[1]))
        {
          seps++;
          q++;
          continue;
        }
      if (*q == '/' && q[1] == ' ' && g_ascii_isalnum (q[2]) && g_ascii_isupper (p[0]))
        {
          /* "SVV/ 0474/2010" */
          seps++;
          q += 2;
          continue;
        }
      break;
    }
  if (bk_text_is_word_byte ((guchar) *q) || *q == '_' || (*q == '.' && g_ascii_isdigit (q[1])))
    return 0;
  if (digit_groups == 0 || (seps == 0 && !relaxed))
    return 0;
  /* "2020/2021", "2013/2014": school and budget years */
  if (groups == 2 && years == 2)
    return 0;
  if (q - p > 32)
    return 0;
  return (gsize) (q - p);
}

char *
bk_text_ref_dup (const char *p,
                 gsize      *len)
{
  gsize n = bk_text_ref_token (p, TRUE);
  GString *s;

  if (len != NULL)
    *len = n;
  if (n == 0)
    return NULL;
  s = g_string_new_len (p, (gssize) n);
  g_string_replace (s, "/ ", "/", 0);
  return g_string_free (s, FALSE);
}

/* "L/D/D" for "SVV/0532/2011": the kinds of the groups and the separators. */
static char *
shape_of (const char *ref)
{
  GString *s = g_string_new (NULL);

  for (const char *p = ref; *p != '\0';)
    {
      if (*p == '/' || *p == '-')
        {
          g_string_append_c (s, *p++);
          continue;
        }
      if (g_ascii_isalpha (*p))
        {
          g_string_append_c (s, 'L');
          while (g_ascii_isalpha (*p))
            p++;
        }
      if (g_ascii_isdigit (*p))
        {
          g_string_append_c (s, 'D');
          while (g_ascii_isalnum (*p))
            p++;
        }
    }
  return g_string_free (s, FALSE);
}

static gboolean
is_ref_keyword (const char *w)
{
  static const char *const exact[] = {
    "ds", "drs", "vo", "drucks", "vorlagen", "beschluss", "beschlusses", "nr", NULL
  };
  static const char *const suffixes[] = {
    "vorlage", "antrag", "antrags", "antrages", "anfrage", "drucksache", NULL
  };

  for (guint i = 0; exact[i] != NULL; i++)
    if (strcmp (w, exact[i]) == 0)
      return TRUE;
  for (guint i = 0; suffixes[i] != NULL; i++)
    if (g_str_has_suffix (w, suffixes[i]))
      return TRUE;
  return FALSE;
}

/* "<keyword> [Nr.] <number>" at the word at low+pos; the number (newly
 * allocated) or NULL, and where to go on. */
static char *
ref_after_keyword (const char *text,
                   const char *low,
                   gsize       pos,
                   gsize      *after)
{
  gsize we = pos, tl;
  g_autofree char *w = NULL;
  const char *q;
  gboolean relaxed = FALSE;

  while (g_ascii_isalpha (low[we]) || (guchar) low[we] >= 0x80)
    we++;
  *after = we > pos ? we : pos + 1;
  if (we == pos || we - pos > 40)
    return NULL;
  /* a paper's number follows its keyword closely ("Vorlage Nr.: 12/0301") */
  {
    gboolean digit = FALSE;

    for (gsize k = we; k < we + 14 && low[k] != '\0' && !digit; k++)
      digit = g_ascii_isdigit (low[k]);
    if (!digit)
      return NULL;
  }
  w = g_strndup (low + pos, we - pos);
  if (g_str_has_suffix (w, "nr") && strlen (w) > 4)
    {
      w[strlen (w) - 2] = '\0';
      relaxed = TRUE;
    }
  if (!is_ref_keyword (w))
    return NULL;
  q = low + we;
  if ((strcmp (w, "vo") == 0 || strcmp (w, "ds") == 0) && (*q == '/' || *q == '-'))
    {
      tl = bk_text_ref_token (low + pos, FALSE);
      if (tl == 0)
        return NULL;
      *after = pos + tl;
      return bk_text_ref_dup (text + pos, NULL);
    }
  if (*q == '.')
    q++;
  while (*q == ' ' || *q == '-')
    q++;
  if (g_str_has_prefix (q, "nr") || g_str_has_prefix (q, "no.") || g_str_has_prefix (q, "nummer"))
    {
      relaxed = TRUE;
      q += g_str_has_prefix (q, "nummer") ? 6 : 2;
      if (*q == '.')
        q++;
    }
  while (*q == ' ' || *q == ':' || *q == '.')
    {
      if (*q == ':')
        relaxed = TRUE;
      q++;
    }
  tl = bk_text_ref_token (text + (q - low), relaxed);
  if (tl == 0)
    return NULL;
  *after = (gsize) (q - low) + tl;
  return bk_text_ref_dup (text + (q - low), NULL);
}

static void
add_unique (GPtrArray *out,
            char      *ref)
{
  for (guint i = 0; i < out->len; i++)
    if (strcmp (g_ptr_array_index (out, i), ref) == 0)
      {
        g_free (ref);
        return;
      }
  g_ptr_array_add (out, ref);
}

void
bk_text_scan_references (const char *text,
                         const char *own,
                         GPtrArray  *out)
{
  g_autofree char *low = bk_text_lower_same_length (text);
  g_autofree char *own_shape = own != NULL ? shape_of (own) : NULL;
  gsize n = strlen (low);

  for (gsize i = 0; i < n;)
    {
      gsize after = i + 1;

      if (i > 0 && bk_text_is_word_byte ((guchar) low[i - 1]))
        {
          i++;
          continue;
        }
      if (g_ascii_isalpha (low[i]))
        {
          char *ref = ref_after_keyword (text, low, i, &after);

          if (ref != NULL)
            {
              add_unique (out, ref);
              i = after;
              continue;
            }
        }
      if (own_shape != NULL && g_ascii_isalnum (text[i]) && (i == 0 || low[i - 1] != '/'))
        {
          gsize tl = 0;
          g_autofree char *ref = bk_text_ref_dup (text + i, &tl);

          if (ref != NULL)
            {
              g_autofree char *shape = shape_of (ref);

              /* "A-12" could be a road: only numbers with some structure */
              if (strcmp (shape, own_shape) == 0 && strlen (shape) >= 5)
                add_unique (out, g_steal_pointer (&ref));
              i += tl;
              continue;
            }
        }
      i = after;
    }
}
