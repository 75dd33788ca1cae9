/* bk-text-parser.c: a council paper from its text
 *
 * The reader works in passes that do not depend on any one layout:
 *   1. validation (size, NUL bytes, UTF-8 with the line number);
 *   2. normalisation: markup remnants, entities, invisible spaces, glued
 *      labels and doubled cells repaired, lines and table cells
 *      (bk-text-lines.c), page furniture and site remnants marked
 *      (bk-text-tidy.c);
 *   3. blocks found by their cues: header, salutation, request or
 *      questions, reasons, Beratungsfolge, notes, closing (bk-text-blocks.c);
 *   4. fields offered as scored candidates by the passes over the blocks:
 *      header fields (bk-text-header.c), consultations (bk-text-consult.c),
 *      submitters and signatories (bk-text-parties.c), the body
 *      (bk-text-body.c), points and questions (bk-text-points.c), the title
 *      (bk-text-subject.c);
 *   5. each field chosen from its candidates, warnings for what is missing
 *      or unsure (bk-text-warn.c).
 * Nothing is invented: a field no cue supports stays empty, and the one
 * exception, a title made from the request, is marked as derived.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-text"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "bk-error.h"
#include "bk-text-blocks.h"
#include "bk-text-body.h"
#include "bk-text-consult.h"
#include "bk-text-header.h"
#include "bk-text-parser.h"
#include "bk-text-parties.h"
#include "bk-text-points.h"
#include "bk-text-refs.h"
#include "bk-text-subject.h"
#include "bk-text-tidy.h"
#include "bk-text-util.h"
#include "bk-text-vocab.h"
#include "bk-text-warn.h"

/* ------------------------------------------------------------------ */
/* 1. validation                                                       */

static gboolean
validate_input (const char  *text,
                gsize        len,
                GError     **error)
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
      g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT, _("Invalid UTF-8 in line %u"), line);
      return FALSE;
    }
  for (gsize i = 0; i < len && only_space; i++)
    if (!g_ascii_isspace (text[i]))
      only_space = FALSE;
  if (only_space)
    {
      g_set_error_literal (error, BK_ERROR, BK_ERROR_INVALID_INPUT, _("The text is empty"));
      return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* helpers                                                             */

static gboolean
is_text_kind (BkBlockKind k)
{
  return k == BK_BLOCK_REQUEST || k == BK_BLOCK_QUESTIONS || k == BK_BLOCK_JUSTIFICATION
         || k == BK_BLOCK_INTRO || k == BK_BLOCK_BODY || k == BK_BLOCK_NOTE
         || k == BK_BLOCK_FINANCE || k == BK_BLOCK_STATEMENT || k == BK_BLOCK_EASY;
}

static char *
lines_text (GPtrArray *lines)
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; i < lines->len; i++)
    {
      const BkTextLine *l = g_ptr_array_index (lines, i);

      if (l->blank || l->removed || l->noise)
        continue;
      if (s->len > 0)
        g_string_append_c (s, '\n');
      g_string_append (s, l->text);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* The request: the first request block that holds text, with the request
 * blocks that directly follow it; without one, the text a decision record
 * or a letter leaves unclaimed. */
static GPtrArray *
request_lines (BkTextDoc    *doc,
               BkBlockKind   kind,
               GPtrArray   **cues)
{
  GPtrArray *out = g_ptr_array_new ();
  gboolean started = FALSE;

  *cues = g_ptr_array_new ();
  for (guint i = 0; i < doc->blocks->len; i++)
    {
      BkTextBlock *b = g_ptr_array_index (doc->blocks, i);
      gboolean text = bk_text_block_has_text (b);

      if (b->kind == kind && b->cue != NULL)
        g_ptr_array_add (*cues, b->cue);
      if (b->kind == kind && text)
        {
          /* a blank line between two blocks keeps their paragraphs apart */
          if (started)
            {
              BkTextLine *blank = bk_text_line_new_plain ("");

              g_ptr_array_add (doc->extra, blank);
              g_ptr_array_add (out, blank);
            }
          for (guint k = 0; k < b->lines->len; k++)
            g_ptr_array_add (out, g_ptr_array_index (b->lines, k));
          started = TRUE;
          continue;
        }
      if (started && text && b->kind != BK_BLOCK_STATUS)
        break;
    }
  return out;
}

/* The last block with text before the closing: where a letter without a
 * greeting keeps its date and signatures. */
static BkTextBlock *
last_text_block (BkTextDoc *doc)
{
  BkTextBlock *last = NULL;

  for (guint i = 0; i < doc->blocks->len; i++)
    {
      BkTextBlock *b = g_ptr_array_index (doc->blocks, i);

      if (b->kind == BK_BLOCK_CLOSING || b->kind == BK_BLOCK_POSTSCRIPT)
        break;
      if (is_text_kind (b->kind) && bk_text_block_has_text (b))
        last = b;
    }
  return last;
}

static void
trailing_date (BkTextDoc   *doc,
               BkTextBlock *b)
{
  guint end = b->lines->len;

  while (end > 0 && ((BkTextLine *) g_ptr_array_index (b->lines, end - 1))->blank)
    end--;
  if (end > 1 && !((BkTextLine *) g_ptr_array_index (b->lines, end - 2))->blank)
    return;
  if (end > 0 && strlen (((BkTextLine *) g_ptr_array_index (b->lines, end - 1))->text) < 60
      && bk_text_letter_date (doc, ((BkTextLine *) g_ptr_array_index (b->lines, end - 1))->text, 75))
    g_ptr_array_set_size (b->lines, end - 1);
}

/* Without a "Begründung", the prose before the request gives the reasons:
 * the paragraphs of the header and of a letter's introduction that are
 * sentences, not fields, titles or addresses. */
static char *
reasons_before_request (BkTextDoc *doc)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new ();
  g_autoptr(GString) para = g_string_new (NULL);
  gboolean in_para_ok = TRUE;

  for (guint i = 0; i < doc->blocks->len; i++)
    {
      BkTextBlock *b = g_ptr_array_index (doc->blocks, i);

      if (b->kind == BK_BLOCK_REQUEST || b->kind == BK_BLOCK_QUESTIONS)
        break;
      if (b->kind != BK_BLOCK_PRE && b->kind != BK_BLOCK_INTRO)
        continue;
      for (guint k = 0; k <= b->lines->len; k++)
        {
          BkTextLine *l = k < b->lines->len ? g_ptr_array_index (b->lines, k) : NULL;

          if (l != NULL && (l->removed || l->noise))
            continue;
          if (l == NULL || l->blank)
            {
              /* two sentences at least, ending as sentences end */
              if (in_para_ok && para->len > 0 && bk_text_count_words (para->str) >= 12
                  && bk_text_ends_sentence (para->str) && !g_str_has_suffix (para->str, ":"))
                {
                  BkTextLine *text = bk_text_line_new_plain (para->str);
                  BkTextLine *blank = bk_text_line_new_plain ("");

                  g_ptr_array_add (doc->extra, text);
                  g_ptr_array_add (doc->extra, blank);
                  g_ptr_array_add (lines, text);
                  g_ptr_array_add (lines, blank);
                }
              g_string_truncate (para, 0);
              in_para_ok = TRUE;
              continue;
            }
          if (l->used)
            in_para_ok = FALSE;
          bk_text_join_text (para, l->text);
        }
    }
  return bk_text_build_text (lines);
}

/* The text ends inside a sentence: a copy cut off. Notes, votes and
 * lists of attachments end without a full stop anyway. */
static gboolean
ends_cut_off (BkTextDoc *doc)
{
  BkTextBlock *b = last_text_block (doc);
  const BkTextLine *last = NULL;

  if (b != NULL && (b->kind == BK_BLOCK_NOTE || b->kind == BK_BLOCK_FINANCE || b->kind == BK_BLOCK_STATEMENT))
    return FALSE;

  for (guint i = 0; i < doc->blocks->len; i++)
    {
      BkTextBlock *c = g_ptr_array_index (doc->blocks, i);

      if (c->kind == BK_BLOCK_CLOSING && bk_text_block_has_text (c))
        return FALSE;
    }
  if (b == NULL)
    return FALSE;
  for (guint i = b->lines->len; i > 0 && last == NULL; i--)
    {
      const BkTextLine *l = g_ptr_array_index (b->lines, i - 1);

      if (!l->blank && !l->removed && !l->noise)
        last = l;
    }
  if (last == NULL || bk_text_count_words (last->text) < 6)
    return FALSE;
  return strchr (".!?:;)\"“”»«'…", last->text[strlen (last->text) - 1]) == NULL
         && !g_str_has_suffix (last->text, "“") && !g_str_has_suffix (last->text, "”");
}

/* "Ziel des Änderungsantrages", "dieser Antrag", "Text des Schreibens": the
 * paper naming itself. */
static void
self_references (BkTextDoc  *doc,
                 const char *low)
{
  static const char *const determiners[] = {
    "des ", "dieses ", "dieser ", "diesen ", "diesem ", "unseres ", "unser ", "unseren ",
    "unserem ", "vorliegenden ", "vorliegende ", "folgenden ", NULL
  };

  for (guint i = 0; determiners[i] != NULL; i++)
    {
      const char *hit = low;

      while ((hit = strstr (hit, determiners[i])) != NULL)
        {
          const char *w = hit + strlen (determiners[i]);
          gsize len = 0;
          gboolean specific = FALSE;
          const char *t;

          if (hit > low && bk_text_is_word_byte ((guchar) hit[-1]))
            {
              hit = w;
              continue;
            }
          hit = w;
          if (g_str_has_prefix (w, "schreibens") || g_str_has_prefix (w, "schreiben ")
              || g_str_has_prefix (w, "briefes"))
            {
              bk_text_offer (&doc->type, "Schreiben", 40);
              continue;
            }
          t = bk_text_type_at (w, &len, &specific);
          if (t != NULL && strcmp (t, "Vorlage") != 0)
            bk_text_offer (&doc->type, t, specific ? 55 : 30);
        }
    }
}

/* "wird wie folgt geändert", "folgende Ergänzung des Beschlussvorschlages":
 * an amendment that does not name itself. */
static void
amendment_type (BkTextDoc  *doc,
                const char *low)
{
  if (strstr (low, "wie folgt geändert") != NULL || strstr (low, "folgende änderung") != NULL
      || strstr (low, "wie folgt zu ändern") != NULL)
    bk_text_offer (&doc->type, "Änderungsantrag", 50);
  else if (strstr (low, "wie folgt ergänzt") != NULL || strstr (low, "folgende ergänzung") != NULL
           || strstr (low, "wie folgt zu ergänzen") != NULL)
    bk_text_offer (&doc->type, "Ergänzungsantrag", 50);
}

static void
infer_type (BkTextDoc *doc, const char *request_low, gboolean questions_only, gboolean letter,
            gboolean has_reasons)
{
  g_autoptr(GString) all = g_string_new (NULL);
  gboolean started = FALSE;

  /* the text and the lead-in before it, not the page's other articles */
  for (guint i = 0; i < doc->lines->len; i++)
    {
      const BkTextLine *l = g_ptr_array_index (doc->lines, i);

      if (l->removed || l->blank)
        continue;
      if (!l->noise)
        started = TRUE;
      else if (started)
        continue;
      g_string_append (all, l->low);
      g_string_append_c (all, '\n');
    }
  self_references (doc, all->str);
  amendment_type (doc, request_low);
  for (guint i = 0; i < doc->blocks->len; i++)
    {
      BkTextBlock *b = g_ptr_array_index (doc->blocks, i);

      if (b->cue != NULL && (b->kind == BK_BLOCK_REQUEST || b->kind == BK_BLOCK_QUESTIONS))
        amendment_type (doc, b->cue->low);
    }
  if (questions_only)
    bk_text_offer (&doc->type, "Anfrage", 45);
  if (strstr (request_low, "beantrag") != NULL || bk_text_find_word (request_low, "antrag") != NULL)
    bk_text_offer (&doc->type, "Antrag", 30);
  /* a proposed resolution no faction and no letter brings: the
   * administration's Beschlussvorlage; a form whose type boxes were left
   * empty keeps its type open */
  if (!letter && !doc->type_boxes && bk_text_slot_best (&doc->submitters, NULL) == NULL
      && bk_text_slot_best (&doc->type, NULL) == NULL && has_reasons)
    for (guint i = 0; i < doc->blocks->len; i++)
      {
        BkTextBlock *b = g_ptr_array_index (doc->blocks, i);

        if (b->kind == BK_BLOCK_REQUEST && b->cue != NULL
            && g_str_has_prefix (bk_text_skip_emphasis (b->cue->low), "beschlussvorschlag"))
          bk_text_offer (&doc->type, "Beschlussvorlage", 35);
      }
}

static gboolean
is_decisive_role (const char *role)
{
  g_autofree char *low = NULL;

  if (role == NULL)
    return FALSE;
  low = bk_text_lower_same_length (role);
  return (strstr (low, "beschluss") != NULL || strstr (low, "entscheid") != NULL
          || strstr (low, "beschließend") != NULL)
         && strstr (low, "empfehl") == NULL && strstr (low, "vorberat") == NULL;
}

static void
body_from_consultations (BkTextDoc *doc)
{
  GPtrArray *cs = doc->m->consultations;

  for (guint i = 0; i < cs->len; i++)
    {
      const BkConsultation *c = g_ptr_array_index (cs, i);
      g_autofree char *low = bk_text_lower_same_length (c->committee);

      /* a committee prepares; the plenary at the end of the list decides */
      gboolean plenary = bk_text_assembly_at (low) > 0 && strstr (low, "ausschuss") == NULL;

      if (is_decisive_role (c->role))
        bk_text_offer_body (&doc->body, c->committee, 55);
      else if (plenary && i + 1 == cs->len)
        bk_text_offer_body (&doc->body, c->committee, 45);
      else if (plenary && c->role == NULL)
        bk_text_offer_body (&doc->body, c->committee, 40);
    }
}

static void
finish_public (BkTextDoc *doc)
{
  gboolean any_yes = FALSE, any = FALSE, all_no = TRUE;

  if (doc->is_public >= 0)
    {
      doc->m->is_public = doc->is_public ? BK_TRISTATE_YES : BK_TRISTATE_NO;
      return;
    }
  /* no status of its own: a paper discussed in a public session is public */
  for (guint i = 0; i < doc->m->consultations->len; i++)
    {
      const BkConsultation *c = g_ptr_array_index (doc->m->consultations, i);

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
    doc->m->is_public = BK_TRISTATE_YES;
  else if (any && all_no)
    doc->m->is_public = BK_TRISTATE_NO;
}

static void
finish_references (BkTextDoc *doc,
                   GPtrArray *texts)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  const char *own = doc->m->reference;

  for (guint i = 0; i < doc->related->len; i++)
    g_ptr_array_add (found, g_strdup (g_ptr_array_index (doc->related, i)));
  for (guint i = 0; i < texts->len; i++)
    bk_text_scan_references (g_ptr_array_index (texts, i), own, found);
  for (guint i = 0; i < found->len; i++)
    {
      const char *r = g_ptr_array_index (found, i);

      if (g_strcmp0 (r, own) != 0 && !g_hash_table_contains (doc->own_refs, r))
        bk_motion_add_reference (doc->m, r);
    }
}

/* "BVV" from "Die BVV möge beschließen" and "Bezirksverordnetenversammlung
 * Beispielbezirk" from the letterhead: the written-out name is shown. */
static const char *
best_body (BkTextDoc *doc)
{
  int score = 0;
  const char *best = bk_text_slot_best (&doc->body, &score);
  const BkTextCandidate *full = NULL;
  gboolean code = best != NULL && strlen (best) <= 6;

  for (const char *p = best; code && *p != '\0'; p++)
    if (!g_ascii_isupper (*p) && !g_ascii_isdigit (*p))
      code = FALSE;
  if (!code)
    return best;
  for (guint i = 0; i < doc->body.candidates->len; i++)
    {
      const BkTextCandidate *c = g_ptr_array_index (doc->body.candidates, i);
      g_autofree char *low = bk_text_lower_same_length (c->value);

      if (c->score >= 40 && c->value != best && strlen (c->value) > 6 && bk_text_assembly_at (low) > 0
          && (full == NULL || c->score > full->score))
        full = c;
    }
  return full != NULL ? full->value : best;
}

/* G_MESSAGES_DEBUG=bk-text shows the candidates of every field. */
static void
debug_slot (const char       *field,
            const BkTextSlot *slot)
{
  if (g_log_writer_default_would_drop (G_LOG_LEVEL_DEBUG, G_LOG_DOMAIN))
    return;
  for (guint i = 0; i < slot->candidates->len; i++)
    {
      const BkTextCandidate *c = g_ptr_array_index (slot->candidates, i);

      g_debug ("%s candidate %d: %s", field, c->score, c->value);
    }
}

/* ------------------------------------------------------------------ */
/* the passes                                                          */

BkMotion *
bk_text_parser_parse (const char  *text,
                      gssize       len,
                      GError     **error)
{
  BkTextDoc doc;
  g_autoptr(GString) clean = NULL;
  g_autoptr(GPtrArray) pre = NULL;
  g_autoptr(GPtrArray) request = NULL;
  g_autoptr(GPtrArray) request_cues = NULL;
  g_autoptr(GPtrArray) questions = NULL;
  g_autoptr(GPtrArray) question_cues = NULL;
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *request_text = NULL;
  g_autofree char *request_low = NULL;
  const char *best;
  int type_score = 0;
  gboolean cut_off, letter;
  BkTextBlock *last;
  BkMotion *m;

  g_return_val_if_fail (text != NULL || len == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (len < 0)
    len = (gssize) strlen (text);
  if (!validate_input (text, (gsize) len, error))
    return NULL;

  bk_text_doc_init (&doc);
  clean = bk_text_clean_markup (text, (gsize) len);
  doc.lines = bk_text_split_lines (clean);
  doc.text_dropped = bk_text_tidy_lines (doc.lines);
  bk_text_number_paragraphs (doc.lines);
  bk_text_find_blocks (&doc);
  letter = doc.salutation != NULL;

  /* the header and the Beratungsfolge */
  {
    static const BkBlockKind pre_kinds[] = { BK_BLOCK_PRE };
    static const BkBlockKind consult_kinds[] = { BK_BLOCK_CONSULT };
    static const BkBlockKind attach_kinds[] = { BK_BLOCK_ATTACHMENTS, BK_BLOCK_STATUS };
    g_autoptr(GPtrArray) consult = bk_text_doc_lines_of (&doc, consult_kinds, 1);
    g_autoptr(GPtrArray) attach = bk_text_doc_lines_of (&doc, attach_kinds, 2);

    /* the Beratungsfolge first: what it leaves ("Betreff:" after the
     * table) is the header's */
    bk_text_consult_block (&doc, consult);
    pre = bk_text_doc_lines_of (&doc, pre_kinds, 1);
    bk_text_read_header (&doc, pre);
    bk_text_read_header (&doc, consult);
    /* "Ursprungsanfrage vom 21.04.2009" among the attachments */
    bk_text_read_header (&doc, attach);
    g_ptr_array_add (texts, lines_text (pre));
  }

  /* a letter's own sentences: who writes, to which body, for which session */
  for (guint i = 0; i < doc.blocks->len; i++)
    {
      BkTextBlock *b = g_ptr_array_index (doc.blocks, i);
      g_autofree char *t = NULL;

      if (b->cue != NULL && (b->kind == BK_BLOCK_REQUEST || b->kind == BK_BLOCK_QUESTIONS))
        {
          bk_text_submitters_from_text (&doc, b->cue->text);
          bk_text_body_from_request (&doc, b->cue->text);
          bk_text_body_phrases (&doc, b->cue->text);
          bk_text_consult_phrases (&doc, b->cue->text, TRUE);
        }
      if (b->kind != BK_BLOCK_INTRO)
        continue;
      t = lines_text (b->lines);
      bk_text_submitters_from_text (&doc, t);
      bk_text_body_phrases (&doc, t);
      bk_text_consult_phrases (&doc, t, TRUE);
    }

  /* a date and signatures that end the text without a greeting */
  last = last_text_block (&doc);
  if (last != NULL)
    {
      gboolean signed_block = FALSE;

      for (guint i = 0; i < doc.blocks->len; i++)
        {
          BkTextBlock *b = g_ptr_array_index (doc.blocks, i);

          if (b->kind == BK_BLOCK_CLOSING)
            signed_block = TRUE;
        }
      /* "Berlin, den 22.04.26" above or below the names */
      trailing_date (&doc, last);
      if (!signed_block && bk_text_trailing_signatures (&doc, last->lines) > 0)
        trailing_date (&doc, last);
    }
  for (guint i = 0; i < doc.blocks->len; i++)
    {
      BkTextBlock *b = g_ptr_array_index (doc.blocks, i);

      if (b->kind == BK_BLOCK_CLOSING)
        {
          for (guint k = 0; k < b->lines->len; k++)
            {
              const BkTextLine *l = g_ptr_array_index (b->lines, k);

              if (!l->blank && strlen (l->text) < 60)
                bk_text_letter_date (&doc, l->text, 75);
            }
          bk_text_parse_signatures (&doc, b->lines);
        }
    }

  request = request_lines (&doc, BK_BLOCK_REQUEST, &request_cues);
  questions = request_lines (&doc, BK_BLOCK_QUESTIONS, &question_cues);
  if (request->len == 0 && questions->len == 0)
    {
      /* a decision record's text, or a letter that asks without a cue */
      g_clear_pointer (&request, g_ptr_array_unref);
      g_clear_pointer (&request_cues, g_ptr_array_unref);
      request = request_lines (&doc, BK_BLOCK_BODY, &request_cues);
      if (request->len == 0)
        {
          g_clear_pointer (&request, g_ptr_array_unref);
          g_clear_pointer (&request_cues, g_ptr_array_unref);
          request = request_lines (&doc, BK_BLOCK_INTRO, &request_cues);
        }
    }

  request_text = lines_text (request);
  request_low = bk_text_lower_same_length (request_text);
  if (request->len > 0)
    {
      g_autofree char *first = g_strndup (request_text, strcspn (request_text, "\n"));

      bk_text_submitters_from_text (&doc, first);
      bk_text_body_from_request (&doc, request_text);
    }
  g_ptr_array_add (texts, g_strdup (request_text));

  /* the type decides whether the request is questions */
  {
    static const BkBlockKind just_kinds[] = { BK_BLOCK_JUSTIFICATION };
    g_autoptr(GPtrArray) just = bk_text_doc_lines_of (&doc, just_kinds, 1);
    g_autoptr(GString) asked = g_string_new (request_low);
    gboolean has_reasons = FALSE;

    for (guint i = 0; i < just->len && !has_reasons; i++)
      has_reasons = !((BkTextLine *) g_ptr_array_index (just, i))->blank;

    /* "wir beantragen:" says what the list below it is */
    for (guint i = 0; i < request_cues->len; i++)
      {
        g_string_append_c (asked, '\n');
        g_string_append (asked, ((BkTextLine *) g_ptr_array_index (request_cues, i))->low);
      }
    infer_type (&doc, asked->str, request->len == 0 && questions->len > 0, letter, has_reasons);
  }
  best = bk_text_slot_best (&doc.type, &type_score);
  doc.m->type = g_strdup (best);
  if (questions->len > 0)
    {
      bk_text_build_questions (&doc, questions);
      if (!bk_text_type_is_question (doc.m->type) && request->len > 0)
        bk_text_build_points (&doc, request);
    }
  else if (bk_text_type_is_question (doc.m->type))
    bk_text_build_questions (&doc, request);
  else
    bk_text_build_points (&doc, request);
  if (questions->len > 0)
    g_ptr_array_add (texts, lines_text (questions));

  /* the reasons and the summary in easy language */
  {
    static const BkBlockKind just_kinds[] = { BK_BLOCK_JUSTIFICATION };
    static const BkBlockKind easy_kinds[] = { BK_BLOCK_EASY };
    g_autoptr(GPtrArray) just = bk_text_doc_lines_of (&doc, just_kinds, 1);
    g_autoptr(GPtrArray) easy = bk_text_doc_lines_of (&doc, easy_kinds, 1);

    doc.m->justification = bk_text_build_text (just);
    if (doc.m->justification == NULL)
      doc.m->justification = reasons_before_request (&doc);
    doc.m->easy_summary = bk_text_build_text (easy);
    if (doc.m->justification != NULL)
      g_ptr_array_add (texts, g_strdup (doc.m->justification));
  }

  /* undated referrals and the last resorts for the body, over all the text */
  {
    g_autoptr(GString) all = g_string_new (NULL);

    for (guint i = 0; i < doc.lines->len; i++)
      {
        const BkTextLine *l = g_ptr_array_index (doc.lines, i);

        if (!l->blank && !l->removed && !l->noise)
          {
            g_string_append (all, l->text);
            g_string_append_c (all, '\n');
          }
      }
    bk_text_consult_referrals (&doc, all->str);
    body_from_consultations (&doc);
    bk_text_body_mentions (&doc, all->str);
    bk_text_doc_scan_places (&doc, all->str, FALSE);
  }

  /* choose */
  bk_text_choose_subject (&doc);
  debug_slot ("subject", &doc.subject);
  debug_slot ("type", &doc.type);
  debug_slot ("body", &doc.body);
  debug_slot ("date", &doc.date);
  debug_slot ("reference", &doc.reference);
  debug_slot ("submitters", &doc.submitters);
  best = bk_text_slot_best (&doc.subject, NULL);
  if (best != NULL)
    doc.m->subject = g_strdup (best);
  else
    {
      const char *from = doc.m->resolution_points->len > 0
                           ? ((BkResolutionPoint *) g_ptr_array_index (doc.m->resolution_points, 0))->text
                         : doc.m->questions->len > 0
                           ? ((BkResolutionPoint *) g_ptr_array_index (doc.m->questions, 0))->text
                           : NULL;

      doc.m->subject = bk_text_derive_subject (from);
      doc.m->subject_derived = doc.m->subject != NULL;
    }
  doc.m->date = g_strdup (bk_text_slot_best (&doc.date, NULL));
  doc.m->reference = g_strdup (bk_text_slot_best (&doc.reference, NULL));
  doc.m->body = bk_text_body_with_place (&doc, best_body (&doc));
  bk_text_addressee_from_salutation (&doc);
  doc.m->addressee = g_strdup (bk_text_slot_best (&doc.addressee, NULL));
  bk_text_finish_parties (&doc);
  finish_public (&doc);
  finish_references (&doc, texts);

  if (doc.m->subject == NULL && doc.m->resolution_points->len == 0 && doc.m->questions->len == 0
      && doc.m->justification == NULL && doc.m->reference == NULL && doc.m->consultations->len == 0)
    {
      g_set_error_literal (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                           _("No motion found: the text has no subject, proposed resolution or justification"));
      bk_text_doc_clear (&doc);
      return NULL;
    }

  cut_off = ends_cut_off (&doc);
  bk_text_add_warnings (&doc, type_score, cut_off);
  m = g_steal_pointer (&doc.m);
  bk_text_doc_clear (&doc);
  return m;
}
