/* bk-submission.c: a citizen's submission from a guided form
 *
 * Plain data, its kinds and its reference numbers with a check letter, so
 * that a clerk can tell a mistyped reference from an unknown one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-submission"

#include <string.h>

#include "bk-submission.h"

static const char *const kind_names[] = {
  [BK_SUBMISSION_APPOINTMENT] = "appointment",
  [BK_SUBMISSION_REGISTRATION_CERTIFICATE] = "registration-certificate",
  [BK_SUBMISSION_DEFECT_REPORT] = "defect-report",
  [BK_SUBMISSION_SUGGESTION_COMPLAINT] = "suggestion-complaint",
  [BK_SUBMISSION_MOTION_FEEDBACK] = "motion-feedback",
};

const char *
bk_submission_kind_to_string (BkSubmissionKind kind)
{
  if ((guint) kind >= G_N_ELEMENTS (kind_names))
    return NULL;
  return kind_names[kind];
}

gboolean
bk_submission_kind_from_string (const char       *str,
                                BkSubmissionKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (g_strcmp0 (str, kind_names[i]) == 0)
      {
        *kind = (BkSubmissionKind) i;
        return TRUE;
      }
  return FALSE;
}

BkSubmission *
bk_submission_new (BkSubmissionKind kind)
{
  BkSubmission *self = g_new0 (BkSubmission, 1);

  self->kind = kind;
  self->answers = g_strdup ("{}");
  return self;
}

void
bk_submission_free (BkSubmission *self)
{
  if (self == NULL)
    return;
  g_free (self->reference);
  g_free (self->service_id);
  g_free (self->created_at);
  g_free (self->answers);
  g_free (self->language);
  g_free (self->exported_at);
  g_free (self->paper_number);
  g_free (self);
}

void
bk_submission_set_answers (BkSubmission *self,
                           JsonObject   *answers)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  json_node_set_object (node, answers);
  g_free (self->answers);
  self->answers = json_to_string (node, FALSE);
}

/* --- references ------------------------------------------------------- */

/* 23 letters without I, O and Z, which are read as digits. A prime modulus
 * with position weights 1…n catches any single wrong digit and any swap of
 * two neighbouring digits. */
static const char check_letters[] = "ABCDEFGHJKLMNPQRSTUVWXY";

static char
check_letter (const char *digits)
{
  guint sum = 0;

  for (guint i = 0; digits[i] != '\0'; i++)
    sum += (guint) (digits[i] - '0') * ((i % 22) + 1);
  return check_letters[sum % 23];
}

char *
bk_submission_format_reference (int    year,
                                gint64 number)
{
  g_autofree char *digits = g_strdup_printf ("%04d%06" G_GINT64_FORMAT, year, number);

  return g_strdup_printf ("BK-%04d-%06" G_GINT64_FORMAT "-%c", year, number,
                          check_letter (digits));
}

gboolean
bk_submission_reference_is_valid (const char *reference)
{
  g_autofree char *ref = NULL;
  g_auto(GStrv) parts = NULL;
  g_autofree char *digits = NULL;

  if (reference == NULL)
    return FALSE;
  ref = g_ascii_strup (reference, -1);
  g_strstrip (ref);
  parts = g_strsplit (ref, "-", -1);
  if (g_strv_length (parts) != 4 || strcmp (parts[0], "BK") != 0 ||
      strlen (parts[1]) != 4 || strlen (parts[2]) < 6 || strlen (parts[2]) > 18 ||
      strlen (parts[3]) != 1)
    return FALSE;
  for (guint p = 1; p <= 2; p++)
    for (const char *c = parts[p]; *c != '\0'; c++)
      if (!g_ascii_isdigit (*c))
        return FALSE;
  digits = g_strconcat (parts[1], parts[2], NULL);
  return parts[3][0] == check_letter (digits);
}

/* --- export ----------------------------------------------------------- */

static JsonNode *
parse_answers (const char *answers)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;

  if (answers == NULL || !json_parser_load_from_data (parser, answers, -1, NULL))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  return json_node_copy (root);
}

JsonNode *
bk_submissions_to_json (GPtrArray *submissions)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_array (b);
  for (guint i = 0; i < submissions->len; i++)
    {
      const BkSubmission *s = g_ptr_array_index (submissions, i);
      JsonNode *answers = parse_answers (s->answers);

#define ADD(key, value) \
      json_builder_set_member_name (b, key); \
      if (value) json_builder_add_string_value (b, value); else json_builder_add_null_value (b);
      json_builder_begin_object (b);
      ADD ("reference", s->reference);
      ADD ("kind", bk_submission_kind_to_string (s->kind));
      ADD ("service_id", s->service_id);
      ADD ("paper_number", s->paper_number);
      ADD ("created_at", s->created_at);
      ADD ("language", s->language);
      ADD ("exported_at", s->exported_at);
#undef ADD
      json_builder_set_member_name (b, "answers");
      json_builder_add_value (b, answers != NULL ? answers : json_node_new (JSON_NODE_NULL));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  return json_builder_get_root (b);
}

char *
bk_submissions_to_json_string (GPtrArray *submissions)
{
  g_autoptr(JsonNode) root = bk_submissions_to_json (submissions);
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autofree char *json = NULL;

  json_generator_set_pretty (gen, TRUE);
  json_generator_set_indent (gen, 2);
  json_generator_set_root (gen, root);
  json = json_generator_to_data (gen, NULL);
  return g_strconcat (json, "\n", NULL);
}

void
bk_csv_append_cell (GString    *out,
                    const char *value)
{
  gboolean quote;

  if (value == NULL)
    return;
  /* A cell starting like a formula would run in a spreadsheet: citizens'
   * text must stay text (OWASP "CSV injection"). */
  quote = strpbrk (value, ",\"\r\n;") != NULL;
  if (quote)
    g_string_append_c (out, '"');
  if (strchr ("=+-@\t\r", value[0]) != NULL && value[0] != '\0')
    g_string_append_c (out, '\'');
  for (const char *c = value; *c != '\0'; c++)
    {
      if (*c == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *c);
    }
  if (quote)
    g_string_append_c (out, '"');
}

/* An answer as a cell: strings as they are, anything else as JSON. */
static char *
dup_cell (JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    return g_strdup (json_node_get_boolean (node) ? "true" : "false");
  return json_to_string (node, FALSE);
}

char *
bk_submissions_to_csv (GPtrArray *submissions)
{
  static const char *const fixed[] = {
    "reference", "kind", "service_id", "paper_number", "created_at", "language",
  };
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) parsed = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);

  for (guint i = 0; i < submissions->len; i++)
    {
      const BkSubmission *s = g_ptr_array_index (submissions, i);
      JsonNode *answers = parse_answers (s->answers);
      GList *members;

      if (answers == NULL)
        {
          answers = json_node_new (JSON_NODE_OBJECT);
          json_node_take_object (answers, json_object_new ());
        }
      g_ptr_array_add (parsed, answers);
      members = json_object_get_members (json_node_get_object (answers));
      for (GList *l = members; l != NULL; l = l->next)
        if (!g_ptr_array_find_with_equal_func (keys, l->data, g_str_equal, NULL))
          g_ptr_array_add (keys, g_strdup (l->data));
      g_list_free (members);
    }

  for (guint c = 0; c < G_N_ELEMENTS (fixed); c++)
    {
      if (c > 0)
        g_string_append_c (out, ',');
      bk_csv_append_cell (out, fixed[c]);
    }
  for (guint k = 0; k < keys->len; k++)
    {
      g_autofree char *header = g_strconcat ("answer:", (const char *) g_ptr_array_index (keys, k),
                                             NULL);

      g_string_append_c (out, ',');
      bk_csv_append_cell (out, header);
    }
  g_string_append (out, "\r\n");

  for (guint i = 0; i < submissions->len; i++)
    {
      const BkSubmission *s = g_ptr_array_index (submissions, i);
      JsonObject *answers = json_node_get_object (g_ptr_array_index (parsed, i));
      const char *cells[] = {
        s->reference, bk_submission_kind_to_string (s->kind), s->service_id, s->paper_number,
        s->created_at, s->language,
      };

      for (guint c = 0; c < G_N_ELEMENTS (cells); c++)
        {
          if (c > 0)
            g_string_append_c (out, ',');
          bk_csv_append_cell (out, cells[c]);
        }
      for (guint k = 0; k < keys->len; k++)
        {
          g_autofree char *cell = dup_cell (json_object_get_member (answers,
                                                                    g_ptr_array_index (keys, k)));

          g_string_append_c (out, ',');
          bk_csv_append_cell (out, cell);
        }
      g_string_append (out, "\r\n");
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}
