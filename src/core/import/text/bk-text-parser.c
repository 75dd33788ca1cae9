/* Plain-text / Markdown motion parser.
 *
 * The text goes through four linear passes:
 *   1. validation (size, NUL bytes, UTF-8 with line number);
 *   2. markup cleaning: HTML remnants become Markdown-ish text, checkbox
 *      inputs become ☐ / ☒, entities are decoded;
 *   3. line normalisation: Markdown markers removed, table cells split,
 *      repeated page headers and page numbers dropped (split paragraphs
 *      joined again);
 *   4. a section state machine (header → resolution → justification →
 *      closing → postscript, and a summary in Leichte Sprache anywhere)
 *      driven by German cue phrases, then field extraction per section.
 * Every field is only filled from an explicit cue; otherwise it stays empty.
 *
 * This file runs the passes and finishes the motion; the passes live in
 * bk-text-lines.c (2, 3), bk-text-sections.c (4: the state machine) and, for
 * the sections' fields, bk-text-header.c with bk-text-fields.c and
 * bk-text-consultations.c, bk-text-points.c and bk-text-parties.c.  What
 * they share is in bk-text-parser-private.h.
 */

#include <string.h>

#include <glib/gi18n-lib.h>

#include "bk-text-parser.h"
#include "bk-text-parser-private.h"
#include "bk-error.h"

/* ------------------------------------------------------------------ */
/* fields offered by several passes                                    */

/* "Kreistag" from "Der Kreistag möge beschließen" and "Kreistag des
 * Landkreises Beispielkreis" from the letterhead name the same body; keep
 * the fuller name. */
void
bk_text_offer_body (char **slot, int *slot_prio, const char *value, int prio)
{
  if (*slot != NULL && value != NULL)
    {
      gsize a = strlen (*slot), b = strlen (value);

      if (b > a && g_ascii_strncasecmp (*slot, value, a) == 0
          && !bk_text_is_word_byte ((guchar) value[a]))
        {
          g_free (*slot);
          *slot = g_strdup (value);
          *slot_prio = MIN (prio, *slot_prio);
          return;
        }
      if (a > b && g_ascii_strncasecmp (*slot, value, b) == 0)
        {
          *slot_prio = MIN (prio, *slot_prio);
          return;
        }
    }
  bk_text_offer (slot, slot_prio, value, prio);
}

void
bk_text_offer (char **slot, int *slot_prio, const char *value, int prio)
{
  g_autofree char *v = NULL;

  if (value == NULL)
    return;
  v = bk_text_strip_chars (value, " \t*_,;");
  if (*v == '\0')
    return;
  if (*slot == NULL || prio < *slot_prio)
    {
      g_free (*slot);
      *slot = g_steal_pointer (&v);
      *slot_prio = prio;
    }
}

/* ------------------------------------------------------------------ */
/* 1. validation                                                       */

static gboolean
validate_input (const char *text, gsize len, GError **error)
{
  const char *end = NULL;
  gboolean only_space = TRUE;

  if (len > BK_TEXT_PARSER_MAX_SIZE)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_TOO_LARGE,
                   _("The text is too large: %zu bytes, at most %d bytes are accepted"),
                   (size_t) len, BK_TEXT_PARSER_MAX_SIZE);
      return FALSE;
    }
  if (len == 0)
    {
      g_set_error_literal (error, BK_ERROR, BK_ERROR_INVALID_INPUT, _("The text is empty"));
      return FALSE;
    }
  if (memchr (text, '\0', len) != NULL)
    {
      g_set_error_literal (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                           _("The file contains NUL bytes; it is a binary file, not text"));
      return FALSE;
    }
  if (!g_utf8_validate_len (text, len, &end))
    {
      guint line = 1;

      for (const char *p = text; p < end; p++)
        if (*p == '\n')
          line++;
      g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                   _("Invalid UTF-8 in line %u"), line);
      return FALSE;
    }
  for (gsize i = 0; i < len && only_space; i++)
    if (!g_ascii_isspace (text[i]))
      only_space = FALSE;
  if (only_space)
    {
      g_set_error_literal (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                           _("The text is empty"));
      return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* main pass                                                           */

static void
parser_clear (Parser *ps)
{
  g_clear_pointer (&ps->lines, g_ptr_array_unref);
  g_clear_pointer (&ps->extra, g_ptr_array_unref);
  for (guint i = 0; i < N_SECTIONS; i++)
    g_clear_pointer (&ps->sec[i], g_ptr_array_unref);
  g_clear_pointer (&ps->scan, g_ptr_array_unref);
  g_clear_pointer (&ps->m, bk_motion_free);
  g_clear_pointer (&ps->subject, g_free);
  g_clear_pointer (&ps->date, g_free);
  g_clear_pointer (&ps->body, g_free);
  g_clear_pointer (&ps->type, g_free);
  g_clear_pointer (&ps->addressee, g_free);
  g_clear_pointer (&ps->submitters, g_ptr_array_unref);
  g_clear_pointer (&ps->closing_factions, g_ptr_array_unref);
  g_clear_pointer (&ps->letterhead_roles, g_hash_table_unref);
  g_clear_pointer (&ps->salutation, g_free);
  g_clear_pointer (&ps->own_refs, g_hash_table_unref);
  g_clear_pointer (&ps->request_lines, g_ptr_array_unref);
}

/* A letter without a "beantragt:" line: the resolution starts with the first
 * intro paragraph that asks for something, or with a numbered list. */
static void
resolution_from_intro (Parser *ps)
{
  GPtrArray *intro = ps->sec[SEC_INTRO];
  guint start = intro->len;

  for (guint i = 0; i < intro->len; i++)
    {
      const Line *l = g_ptr_array_index (intro, i);
      const char *content;

      if (l->blank)
        continue;
      if (strstr (l->low, "beantrag") != NULL || strstr (l->low, "möge") != NULL
          || strstr (l->low, "beschließ") != NULL
          || bk_text_list_marker (l->text, &content) == MARK_NUMBER)
        {
          start = i;
          while (start > 0 && !((Line *) g_ptr_array_index (intro, start - 1))->blank)
            start--;
          break;
        }
    }
  for (guint i = start; i < intro->len; i++)
    g_ptr_array_add (ps->sec[SEC_RESOLUTION], g_ptr_array_index (intro, i));
}

static void
finish_public (Parser *ps)
{
  gboolean any_yes = FALSE, any = FALSE, all_no = TRUE;

  if (ps->is_public != BK_TRISTATE_UNKNOWN)
    {
      ps->m->is_public = ps->is_public;
      return;
    }
  /* no paper-level status: a paper discussed in any public session is
   * public (domain notes, section 5) */
  for (guint i = 0; i < ps->m->consultations->len; i++)
    {
      const BkConsultation *c = g_ptr_array_index (ps->m->consultations, i);

      if (c->is_public == BK_TRISTATE_UNKNOWN)
        {
          all_no = FALSE;
          continue;
        }
      any = TRUE;
      if (c->is_public == BK_TRISTATE_YES)
        {
          any_yes = TRUE;
          all_no = FALSE;
        }
    }
  if (any_yes)
    ps->m->is_public = BK_TRISTATE_YES;
  else if (any && all_no)
    ps->m->is_public = BK_TRISTATE_NO;
}

static void
finish_addressee (Parser *ps)
{
  if (ps->addressee == NULL && ps->salutation != NULL)
    {
      const char *s = ps->salutation;
      const char *h = strstr (s, "Frau ");

      if (h == NULL)
        h = strstr (s, "Herr ");
      if (h != NULL && strstr (s, "Damen und Herren") == NULL)
        {
          const char *e = strchr (h, ',');
          g_autofree char *a = e != NULL ? g_strndup (h, (gsize) (e - h)) : g_strdup (h);

          bk_text_offer (&ps->addressee, &ps->addressee_prio, a, 5);
        }
    }
}

static void
finish_body_from_consultations (Parser *ps)
{
  for (guint i = 0; i < ps->m->consultations->len; i++)
    {
      const BkConsultation *c = g_ptr_array_index (ps->m->consultations, i);
      g_autofree char *low = NULL;

      if (c->role == NULL)
        continue;
      low = bk_text_lower_same_length (c->role);
      if ((strstr (low, "beschluss") != NULL || strstr (low, "entscheid") != NULL
           || strstr (low, "beschließend") != NULL)
          && strstr (low, "empfehl") == NULL && strstr (low, "vorberat") == NULL)
        bk_text_offer_body (&ps->body, &ps->body_prio, c->committee, 4);
    }
}

BkMotion *
bk_text_parser_parse (const char *text, gssize len, GError **error)
{
  Parser ps = { 0 };
  g_autoptr(GString) clean = NULL;
  g_autoptr(GPtrArray) refs = NULL;
  BkMotion *m;

  g_return_val_if_fail (text != NULL || len == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (len < 0)
    len = (gssize) strlen (text);
  if (!validate_input (text, (gsize) len, error))
    return NULL;

  ps.m = bk_motion_new ();
  ps.extra = g_ptr_array_new_with_free_func (bk_text_line_free);
  for (guint i = 0; i < N_SECTIONS; i++)
    ps.sec[i] = g_ptr_array_new ();
  ps.scan = g_ptr_array_new ();
  ps.subject_prio = ps.date_prio = ps.body_prio = ps.type_prio = PRIO_NONE;
  ps.addressee_prio = ps.submitters_prio = PRIO_NONE;
  ps.is_public = BK_TRISTATE_UNKNOWN;
  ps.submitters = g_ptr_array_new_with_free_func (g_free);
  ps.closing_factions = g_ptr_array_new_with_free_func (g_free);
  ps.own_refs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ps.request_lines = g_ptr_array_new ();
  ps.letterhead_roles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  clean = bk_text_clean_markup (text, (gsize) len);
  ps.lines = bk_text_split_lines (clean);
  bk_text_remove_page_headers (ps.lines);
  bk_text_split_sections (&ps);

  for (guint i = 0; i < ps.sec[SEC_HEADER]->len; i++)
    g_ptr_array_add (ps.scan, g_ptr_array_index (ps.sec[SEC_HEADER], i));
  bk_text_parse_header (&ps, ps.sec[SEC_HEADER]);
  for (guint i = 0; i < ps.sec[SEC_INTRO]->len; i++)
    {
      const Line *l = g_ptr_array_index (ps.sec[SEC_INTRO], i);

      if (!l->blank)
        bk_text_scan_abbreviated_consultations (&ps, l);
    }
  if (ps.m->consultations->len == 0)
    {
      g_autoptr(GString) para = g_string_new (NULL);

      for (guint i = 0; i <= ps.sec[SEC_INTRO]->len; i++)
        {
          const Line *l = i < ps.sec[SEC_INTRO]->len ? g_ptr_array_index (ps.sec[SEC_INTRO], i) : NULL;

          if (l == NULL || l->blank)
            {
              if (para->len > 0)
                bk_text_requested_consultations (&ps, para->str);
              g_string_truncate (para, 0);
              continue;
            }
          if (para->len > 0)
            g_string_append_c (para, ' ');
          g_string_append (para, l->text);
        }
      for (guint i = 0; i < ps.request_lines->len; i++)
        bk_text_requested_consultations (&ps,
                                         ((const Line *) g_ptr_array_index (ps.request_lines, i))->text);
    }
  if (ps.sec[SEC_RESOLUTION]->len == 0)
    resolution_from_intro (&ps);

  /* A summary in easy language that ends the text holds the trailing date
   * and signatures, as the justification would. */
  if (ps.easy_last)
    bk_text_trailing_date_line (&ps, ps.sec[SEC_EASY]);
  else
    bk_text_trailing_date_line (&ps, ps.sec[SEC_JUSTIFICATION]->len > 0
                                ? ps.sec[SEC_JUSTIFICATION] : ps.sec[SEC_RESOLUTION]);
  if (ps.sec[SEC_CLOSING]->len > 0)
    bk_text_parse_signatures (&ps, ps.sec[SEC_CLOSING]);
  else if (ps.easy_last)
    bk_text_trailing_signatures (&ps, ps.sec[SEC_EASY]);
  else if (ps.sec[SEC_JUSTIFICATION]->len > 0)
    bk_text_trailing_signatures (&ps, ps.sec[SEC_JUSTIFICATION]);
  else
    bk_text_trailing_signatures (&ps, ps.sec[SEC_RESOLUTION]);

  bk_text_build_points (&ps, ps.sec[SEC_RESOLUTION]);
  ps.m->justification = bk_text_build_text (ps.sec[SEC_JUSTIFICATION]);
  ps.m->easy_summary = bk_text_build_text (ps.sec[SEC_EASY]);

  finish_public (&ps);
  finish_addressee (&ps);
  bk_text_finish_parties (&ps);
  finish_body_from_consultations (&ps);

  ps.m->subject = g_steal_pointer (&ps.subject);
  ps.m->date = g_steal_pointer (&ps.date);
  bk_text_complete_body_with_place (&ps);
  ps.m->body = g_steal_pointer (&ps.body);
  ps.m->type = g_steal_pointer (&ps.type);
  ps.m->addressee = g_steal_pointer (&ps.addressee);

  refs = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < ps.scan->len; i++)
    {
      const Line *l = g_ptr_array_index (ps.scan, i);

      if (l != NULL && !l->blank)
        bk_text_scan_references (l, refs);
    }
  for (guint i = 0; i < refs->len; i++)
    {
      const char *r = g_ptr_array_index (refs, i);

      if (g_strcmp0 (r, ps.m->reference) != 0 && !g_hash_table_contains (ps.own_refs, r))
        bk_motion_add_reference (ps.m, r);
    }

  if (ps.m->subject == NULL && ps.m->resolution_points->len == 0
      && ps.m->justification == NULL && ps.m->reference == NULL
      && ps.m->consultations->len == 0 && ps.type_prio > 0)
    {
      g_set_error_literal (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                           _("No motion found: the text has no subject, proposed resolution or justification"));
      parser_clear (&ps);
      return NULL;
    }

  m = g_steal_pointer (&ps.m);
  parser_clear (&ps);
  return m;
}
