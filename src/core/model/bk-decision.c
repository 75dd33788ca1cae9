/* bk-decision.c: a result text sorted into an outcome, and its vote counts
 *
 * The words are those real council information systems write into
 * AgendaItem.result (see ../shared/research/oparl-samples: "verwiesen in
 * Fachausschuss", "teilweise zugestimmt", "vertagt", "einstimmig
 * beschlossen"). The text is folded (lower case, ä → ae, punctuation to
 * spaces) and looked at word by word; the first rule that matches wins, so
 * "nicht beschlossen" is a rejection before "beschlossen" is a decision.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-decision"

#include <stdlib.h>
#include <string.h>

#include "bk-decision.h"
#include "bk-fold.h"

static const char *const outcome_names[] = {
  [BK_OUTCOME_NONE] = NULL,
  [BK_OUTCOME_DECIDED] = "decided",
  [BK_OUTCOME_REJECTED] = "rejected",
  [BK_OUTCOME_POSTPONED] = "postponed",
  [BK_OUTCOME_REFERRED] = "referred",
  [BK_OUTCOME_NOTED] = "noted",
  [BK_OUTCOME_RECOMMENDED] = "recommended",
  [BK_OUTCOME_WITHDRAWN] = "withdrawn",
  [BK_OUTCOME_OTHER] = "other",
};

/* Word starts, in order of precedence: the folded text has a space before
 * every word, so " abgelehnt" finds "abgelehnt" and "Abgelehnt:" alike. */
static const struct {
  const char *stem;
  BkOutcome outcome;
} rules[] = {
  { " nicht beschlossen", BK_OUTCOME_REJECTED },
  { " nicht zugestimmt", BK_OUTCOME_REJECTED },
  { " nicht angenommen", BK_OUTCOME_REJECTED },
  { " abgelehnt", BK_OUTCOME_REJECTED },
  { " ablehnung", BK_OUTCOME_REJECTED },
  { " zurueckgezogen", BK_OUTCOME_WITHDRAWN },
  { " zurueckgenommen", BK_OUTCOME_WITHDRAWN },
  { " vertagt", BK_OUTCOME_POSTPONED },
  { " vertagung", BK_OUTCOME_POSTPONED },
  { " zurueckgestellt", BK_OUTCOME_POSTPONED },
  { " abgesetzt", BK_OUTCOME_POSTPONED },
  { " verschoben", BK_OUTCOME_POSTPONED },
  { " verwiesen", BK_OUTCOME_REFERRED },
  { " ueberwiesen", BK_OUTCOME_REFERRED },
  { " verweisung", BK_OUTCOME_REFERRED },
  { " kenntnis", BK_OUTCOME_NOTED },
  { " empfohlen", BK_OUTCOME_RECOMMENDED },
  { " empfiehlt", BK_OUTCOME_RECOMMENDED },
  { " empfehlung", BK_OUTCOME_RECOMMENDED },
  { " beschlossen", BK_OUTCOME_DECIDED },
  { " beschluss gefasst", BK_OUTCOME_DECIDED },
  { " zugestimmt", BK_OUTCOME_DECIDED },
  { " zustimmung", BK_OUTCOME_DECIDED },
  { " angenommen", BK_OUTCOME_DECIDED },
  { " genehmigt", BK_OUTCOME_DECIDED },
  { " bestaetigt", BK_OUTCOME_DECIDED },
  { " gewaehlt", BK_OUTCOME_DECIDED },
};

static char *
fold_padded (const char *text)
{
  g_autofree char *folded = bk_fold_for_search (text);
  GString *out = g_string_new (" ");

  for (const char *p = folded; *p != '\0'; p++)
    if (*p != ' ' || out->str[out->len - 1] != ' ')
      g_string_append_c (out, *p);
  if (out->str[out->len - 1] != ' ')
    g_string_append_c (out, ' ');
  return g_string_free (out, FALSE);
}

BkOutcome
bk_outcome_classify (const char *result)
{
  g_autofree char *text = NULL;

  if (result == NULL)
    return BK_OUTCOME_NONE;
  text = fold_padded (result);
  if (strspn (text, " ") == strlen (text))
    return BK_OUTCOME_NONE;
  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    if (strstr (text, rules[i].stem) != NULL)
      return rules[i].outcome;
  /* "einstimmig" or "mehrheitlich" alone: a vote was taken and passed */
  if (strstr (text, " einstimmig ") != NULL || strstr (text, " mehrheitlich ") != NULL)
    return BK_OUTCOME_DECIDED;
  return BK_OUTCOME_OTHER;
}

const char *
bk_outcome_to_string (BkOutcome outcome)
{
  if ((guint) outcome >= G_N_ELEMENTS (outcome_names))
    return NULL;
  return outcome_names[outcome];
}

BkOutcome
bk_outcome_from_string (const char *name)
{
  if (name == NULL)
    return BK_OUTCOME_NONE;
  for (guint i = 0; i < G_N_ELEMENTS (outcome_names); i++)
    if (outcome_names[i] != NULL && strcmp (outcome_names[i], name) == 0)
      return (BkOutcome) i;
  return BK_OUTCOME_NONE;
}

gboolean
bk_outcome_is_final (BkOutcome outcome)
{
  return outcome == BK_OUTCOME_DECIDED || outcome == BK_OUTCOME_REJECTED ||
         outcome == BK_OUTCOME_NOTED || outcome == BK_OUTCOME_WITHDRAWN;
}

const char *
bk_outcome_final_sql (void)
{
  return "('decided', 'rejected', 'noted', 'withdrawn')";
}

void
bk_votes_init (BkVotes *votes)
{
  votes->yes = votes->no = votes->abstain = -1;
  votes->unanimous = votes->majority = FALSE;
}

gboolean
bk_votes_any (const BkVotes *votes)
{
  return votes->yes >= 0 || votes->no >= 0 || votes->abstain >= 0 ||
         votes->unanimous || votes->majority;
}

/* Which count a folded word names, or NULL. */
static int *
count_for_word (BkVotes    *votes,
                const char *word)
{
  if (g_str_has_prefix (word, "ja") || g_str_has_prefix (word, "dafuer") ||
      g_str_has_prefix (word, "fuer"))
    return &votes->yes;
  if (g_str_has_prefix (word, "nein") || g_str_has_prefix (word, "dagegen") ||
      g_str_has_prefix (word, "gegenstimme"))
    return &votes->no;
  if (g_str_has_prefix (word, "enthaltung") || g_str_has_prefix (word, "enth"))
    return &votes->abstain;
  return NULL;
}

static gboolean
is_number (const char *word)
{
  return *word != '\0' && strspn (word, "0123456789") == strlen (word) && strlen (word) <= 4;
}

gboolean
bk_votes_parse (const char *text,
                BkVotes    *votes)
{
  g_autofree char *folded = NULL;
  g_auto(GStrv) words = NULL;
  gboolean found = FALSE;
  gint number_after = -1;   /* "Ja: 12" (1) or "12 Ja" (0), as the first count says */

  g_return_val_if_fail (votes != NULL, FALSE);
  if (text == NULL)
    return FALSE;
  folded = fold_padded (text);
  words = g_strsplit (g_strstrip (folded), " ", -1);
  for (guint i = 0; words[i] != NULL && number_after < 0; i++)
    if (count_for_word (votes, words[i]) != NULL)
      {
        if (words[i + 1] != NULL && is_number (words[i + 1]))
          number_after = 1;
        else if (i > 0 && is_number (words[i - 1]))
          number_after = 0;
      }
  for (guint i = 0; words[i] != NULL; i++)
    {
      int *count;

      if (g_str_has_prefix (words[i], "einstimmig"))
        {
          votes->unanimous = found = TRUE;
          continue;
        }
      if (g_str_has_prefix (words[i], "mehrheitlich"))
        {
          votes->majority = found = TRUE;
          continue;
        }
      count = count_for_word (votes, words[i]);
      if (count == NULL)
        continue;
      /* "12 Ja" or "Ja: 12" (the colon folded to a space) */
      if (number_after == 0 && i > 0 && is_number (words[i - 1]))
        *count = atoi (words[i - 1]);
      else if (number_after == 1 && words[i + 1] != NULL && is_number (words[i + 1]))
        *count = atoi (words[i + 1]);
      else
        continue;
      found = TRUE;
    }
  return found;
}
