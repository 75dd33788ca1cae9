/* Plain-text motion parser: resolution points and the justification text. */

#include <string.h>

#include "bk-text-parser-private.h"

/* ------------------------------------------------------------------ */
/* resolution points                                                   */

Mark
bk_text_list_marker (const char *s, const char **content)
{
  const char *p = s;
  static const char *const bullets[] = {
    "- ", "• ", "– ", "· ", "▪ ", "◦ ", "○ ", "➢ ", "→ ", "> ", "* ", "", NULL
  };

  for (guint i = 0; bullets[i] != NULL && *bullets[i] != '\0'; i++)
    if (g_str_has_prefix (p, bullets[i]))
      {
        *content = p + strlen (bullets[i]);
        return MARK_SUB;
      }
  if (g_ascii_isdigit (*p))
    {
      guint d = 0;

      while (g_ascii_isdigit (*p) && d < 3)
        {
          p++;
          d++;
        }
      if (g_ascii_isdigit (*p))
        return MARK_NONE;
      if (*p == '.' && g_ascii_isdigit (p[1]))
        {
          /* "1.1" is a sub-point */
          p++;
          while (g_ascii_isdigit (*p))
            p++;
          if (*p == '.' || *p == ')')
            p++;
          if (*p != ' ')
            return MARK_NONE;
          *content = p + 1;
          return MARK_SUB;
        }
      if (*p == '.' || *p == ')')
        {
          p++;
          if (*p == ')')
            p++;
          if (*p != ' ')
            return MARK_NONE;
          *content = p + 1;
          return MARK_NUMBER;
        }
      return MARK_NONE;
    }
  /* roman numerals "I." … "X." */
  {
    const char *q = p;

    while (*q == 'I' || *q == 'V' || *q == 'X')
      q++;
    if (q > p && q - p <= 4 && *q == '.' && q[1] == ' ')
      {
        *content = q + 2;
        return MARK_NUMBER;
      }
  }
  /* "a)", "b.", "aa)" */
  if (g_ascii_isalpha (p[0]) && (p[1] == ')' || (p[1] == '.' && g_ascii_islower (p[0]))) && p[2] == ' ')
    {
      *content = p + 3;
      return MARK_SUB;
    }
  if (g_ascii_islower (p[0]) && p[1] == p[0] && p[2] == ')' && p[3] == ' ')
    {
      *content = p + 4;
      return MARK_SUB;
    }
  return MARK_NONE;
}

typedef struct {
  BkMotion *m;
  GString *point;      /* text of the point being built */
  GString *sub;        /* text of the sub-point being built */
  GPtrArray *subs;     /* finished sub-points of the current point */
  gboolean open;
  gboolean numbered;   /* the current point started with "1." */
  guint n_points;
  gboolean first_numbered;
  gboolean rest_numbered;  /* every point after the first started with a number */
} PointBuilder;

static void
builder_flush_sub (PointBuilder *b)
{
  if (b->sub->len > 0)
    g_ptr_array_add (b->subs, g_strdup (b->sub->str));
  g_string_truncate (b->sub, 0);
}

static void
builder_flush (PointBuilder *b)
{
  BkResolutionPoint *p;

  builder_flush_sub (b);
  if (!b->open)
    return;
  if (b->n_points == 0)
    b->first_numbered = b->numbered;
  else if (!b->numbered)
    b->rest_numbered = FALSE;
  b->n_points++;
  p = bk_motion_add_point (b->m, b->point->str);
  for (guint i = 0; i < b->subs->len; i++)
    bk_resolution_point_add_subpoint (p, g_ptr_array_index (b->subs, i));
  g_ptr_array_set_size (b->subs, 0);
  g_string_truncate (b->point, 0);
  b->open = FALSE;
}

/* "Der Beschlussvorschlag wird wie folgt geändert:" followed by "1. …",
 * "2. …": the numbered points belong to the lead-in; kept as separate points
 * the text's "1." would be shown as point 2.  They become its sub-points
 * when none of them has sub-points of its own. */
static void
lead_in_points (BkMotion *m, guint first, const PointBuilder *b)
{
  GPtrArray *pts = m->resolution_points;
  BkResolutionPoint *lead;

  if (b->n_points < 3 || b->first_numbered || !b->rest_numbered || pts->len != first + b->n_points)
    return;
  lead = g_ptr_array_index (pts, first);
  if (lead->text == NULL || !g_str_has_suffix (lead->text, ":") || lead->subpoints->len > 0)
    return;
  for (guint i = first + 1; i < pts->len; i++)
    if (((BkResolutionPoint *) g_ptr_array_index (pts, i))->subpoints->len > 0)
      return;
  for (guint i = first + 1; i < pts->len; i++)
    bk_resolution_point_add_subpoint (lead, ((BkResolutionPoint *) g_ptr_array_index (pts, i))->text);
  g_ptr_array_set_size (pts, first + 1);
}

void
bk_text_build_points (Parser *ps, GPtrArray *lines)
{
  PointBuilder b = { ps->m, g_string_new (NULL), g_string_new (NULL),
                     g_ptr_array_new_with_free_func (g_free), FALSE, FALSE, 0, FALSE, TRUE };
  guint first = ps->m->resolution_points->len;
  gboolean prev_blank = TRUE, in_sub = FALSE;

  for (guint i = 0; i < lines->len; i++)
    {
      const Line *l = g_ptr_array_index (lines, i);
      const char *content = NULL;
      Mark mark;

      if (l->blank)
        {
          prev_blank = TRUE;
          continue;
        }
      mark = bk_text_list_marker (l->text, &content);
      if (mark == MARK_NUMBER)
        {
          builder_flush (&b);
          g_string_assign (b.point, content);
          b.open = TRUE;
          b.numbered = TRUE;
          in_sub = FALSE;
        }
      else if (mark == MARK_SUB && b.open)
        {
          builder_flush_sub (&b);
          g_string_assign (b.sub, content);
          in_sub = TRUE;
        }
      else if (mark == MARK_SUB)
        {
          g_string_assign (b.point, content);
          b.open = TRUE;
          b.numbered = FALSE;
          in_sub = FALSE;
        }
      else if (b.open && (!prev_blank || bk_text_starts_lower (l->text)))
        bk_text_join_text (in_sub ? b.sub : b.point, l->text);
      else
        {
          builder_flush (&b);
          g_string_assign (b.point, l->text);
          b.open = TRUE;
          b.numbered = FALSE;
          in_sub = FALSE;
        }
      /* a sub-point list ends the moment a new point starts */
      if (mark == MARK_SUB && !in_sub)
        {
          /* bullet without a parent became a point: next bullets are points too */
          builder_flush (&b);
        }
      prev_blank = FALSE;
    }
  builder_flush (&b);
  g_string_free (b.point, TRUE);
  g_string_free (b.sub, TRUE);
  g_ptr_array_unref (b.subs);
  lead_in_points (ps->m, first, &b);
}

char *
bk_text_build_text (GPtrArray *lines)
{
  GString *s = g_string_new (NULL);
  gboolean par = FALSE;

  for (guint i = 0; i < lines->len; i++)
    {
      const Line *l = g_ptr_array_index (lines, i);
      const char *content;

      if (l->blank)
        {
          par = s->len > 0;
          continue;
        }
      if (par)
        g_string_append (s, "\n\n");
      else if (s->len > 0 && bk_text_list_marker (l->text, &content) != MARK_NONE)
        g_string_append_c (s, '\n');
      else if (s->len > 0)
        {
          bk_text_join_text (s, l->text);
          par = FALSE;
          continue;
        }
      g_string_append (s, l->text);
      par = FALSE;
    }
  if (s->len == 0)
    {
      g_string_free (s, TRUE);
      return NULL;
    }
  return g_string_free (s, FALSE);
}
