/* bk-motion.c: a motion (Antrag) and its parts
 *
 * Plain data with constructors, list helpers and a JSON form for the CLI;
 * no storage and no parsing of sources here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-motion"

#include <string.h>

#include "bk-motion.h"

static void
party_free (gpointer data)
{
  BkParty *p = data;

  g_free (p->name);
  g_free (p->role);
  g_free (p);
}

static void
consultation_free (gpointer data)
{
  BkConsultation *c = data;

  g_free (c->committee);
  g_free (c->date);
  g_free (c->role);
  g_free (c->meeting_name);
  g_free (c->oparl_id);
  g_free (c->meeting_oparl_id);
  g_free (c->agenda_item_oparl_id);
  g_free (c->result);
  g_free (c->meeting_start);
  g_free (c->meeting_location);
  g_free (c);
}

static void
point_free (gpointer data)
{
  BkResolutionPoint *p = data;

  g_free (p->text);
  g_ptr_array_unref (p->subpoints);
  g_free (p);
}

void
bk_warning_free (BkWarning *warning)
{
  if (warning == NULL)
    return;
  g_free (warning->code);
  g_free (warning->message);
  g_free (warning);
}

BkWarning *
bk_warning_new (const char *code,
                const char *message)
{
  BkWarning *w = g_new0 (BkWarning, 1);

  w->code = g_strdup (code);
  w->message = g_strdup (message);
  return w;
}

static void
file_free (gpointer data)
{
  BkFile *f = data;

  g_free (f->name);
  g_free (f->access_url);
  g_free (f->mime_type);
  g_free (f->oparl_id);
  g_free (f);
}

BkMotion *
bk_motion_new (void)
{
  BkMotion *self = g_new0 (BkMotion, 1);

  self->is_public = BK_TRISTATE_UNKNOWN;
  self->submitters = g_ptr_array_new_with_free_func (party_free);
  self->signatories = g_ptr_array_new_with_free_func (party_free);
  self->consultations = g_ptr_array_new_with_free_func (consultation_free);
  self->resolution_points = g_ptr_array_new_with_free_func (point_free);
  self->questions = g_ptr_array_new_with_free_func (point_free);
  self->warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) bk_warning_free);
  self->related_references = g_ptr_array_new_with_free_func (g_free);
  self->files = g_ptr_array_new_with_free_func (file_free);
  return self;
}

void
bk_motion_free (BkMotion *self)
{
  if (self == NULL)
    return;
  g_free (self->oparl_id);
  g_free (self->subject);
  g_free (self->body);
  g_free (self->type);
  g_free (self->reference);
  g_free (self->date);
  g_free (self->addressee);
  g_free (self->justification);
  g_free (self->easy_summary);
  g_free (self->source);
  g_ptr_array_unref (self->submitters);
  g_ptr_array_unref (self->signatories);
  g_ptr_array_unref (self->consultations);
  g_ptr_array_unref (self->resolution_points);
  g_ptr_array_unref (self->questions);
  g_ptr_array_unref (self->warnings);
  g_ptr_array_unref (self->related_references);
  g_ptr_array_unref (self->files);
  g_free (self);
}

static BkParty *
party_append (GPtrArray   *array,
              const char  *name,
              BkPartyKind  kind)
{
  BkParty *p = g_new0 (BkParty, 1);

  p->name = g_strdup (name);
  p->kind = kind;
  g_ptr_array_add (array, p);
  return p;
}

BkParty *
bk_motion_add_submitter (BkMotion    *self,
                         const char  *name,
                         BkPartyKind  kind)
{
  g_return_val_if_fail (self != NULL && name != NULL, NULL);
  return party_append (self->submitters, name, kind);
}

BkParty *
bk_motion_add_signatory (BkMotion    *self,
                         const char  *name,
                         BkPartyKind  kind)
{
  g_return_val_if_fail (self != NULL && name != NULL, NULL);
  return party_append (self->signatories, name, kind);
}

gboolean
bk_motion_is_decided (const BkMotion *self,
                      const char     *today)
{
  g_autofree char *real_today = NULL;

  g_return_val_if_fail (self != NULL, FALSE);

  if (bk_motion_get_decision (self) != NULL)
    return TRUE;
  if (self->consultations->len == 0)
    return FALSE;
  if (today == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      today = real_today = g_date_time_format (now, "%Y-%m-%d");
    }
  for (guint i = 0; i < self->consultations->len; i++)
    {
      const BkConsultation *c = g_ptr_array_index (self->consultations, i);

      /* an outcome is known, but not a final one: still on its way */
      if (c->outcome != BK_OUTCOME_NONE || c->date == NULL || g_strcmp0 (c->date, today) >= 0)
        return FALSE;
    }
  return TRUE;
}

BkConsultation *
bk_motion_add_consultation (BkMotion   *self,
                            const char *committee,
                            const char *date,
                            const char *role,
                            BkTristate  is_public)
{
  BkConsultation *c = g_new0 (BkConsultation, 1);

  g_return_val_if_fail (self != NULL, NULL);
  c->committee = g_strdup (committee);
  c->date = g_strdup (date);
  c->role = g_strdup (role);
  c->is_public = is_public;
  c->authoritative = BK_TRISTATE_UNKNOWN;
  bk_votes_init (&c->votes);
  g_ptr_array_add (self->consultations, c);
  return c;
}

const BkConsultation *
bk_motion_get_decision (const BkMotion *self)
{
  const BkConsultation *found = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  for (guint i = 0; i < self->consultations->len; i++)
    {
      const BkConsultation *c = g_ptr_array_index (self->consultations, i);

      if (!bk_outcome_is_final (c->outcome))
        continue;
      /* the latest; an undated one only when nothing else is found */
      if (found == NULL || (c->date != NULL && (found->date == NULL || strcmp (c->date, found->date) >= 0)))
        found = c;
    }
  return found;
}

static BkResolutionPoint *
point_append (GPtrArray  *array,
              const char *text)
{
  BkResolutionPoint *p = g_new0 (BkResolutionPoint, 1);

  p->text = g_strdup (text);
  p->subpoints = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (array, p);
  return p;
}

BkResolutionPoint *
bk_motion_add_point (BkMotion   *self,
                     const char *text)
{
  g_return_val_if_fail (self != NULL, NULL);
  return point_append (self->resolution_points, text);
}

BkResolutionPoint *
bk_motion_add_question (BkMotion   *self,
                        const char *text)
{
  g_return_val_if_fail (self != NULL, NULL);
  return point_append (self->questions, text);
}

BkWarning *
bk_motion_add_warning (BkMotion   *self,
                       const char *code,
                       const char *message)
{
  BkWarning *w;

  g_return_val_if_fail (self != NULL && code != NULL && message != NULL, NULL);
  for (guint i = 0; i < self->warnings->len; i++)
    {
      w = g_ptr_array_index (self->warnings, i);
      if (strcmp (w->code, code) == 0 && strcmp (w->message, message) == 0)
        return w;
    }
  w = bk_warning_new (code, message);
  g_ptr_array_add (self->warnings, w);
  return w;
}

gboolean
bk_motion_has_warning (const BkMotion *self,
                       const char     *code)
{
  for (guint i = 0; i < self->warnings->len; i++)
    if (strcmp (((BkWarning *) g_ptr_array_index (self->warnings, i))->code, code) == 0)
      return TRUE;
  return FALSE;
}

void
bk_resolution_point_add_subpoint (BkResolutionPoint *self,
                                  const char        *text)
{
  g_return_if_fail (self != NULL && text != NULL);
  g_ptr_array_add (self->subpoints, g_strdup (text));
}

gboolean
bk_motion_add_reference (BkMotion   *self,
                         const char *reference)
{
  g_return_val_if_fail (self != NULL && reference != NULL, FALSE);
  for (guint i = 0; i < self->related_references->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->related_references, i), reference) == 0)
      return FALSE;
  g_ptr_array_add (self->related_references, g_strdup (reference));
  return TRUE;
}

BkFile *
bk_motion_add_file (BkMotion   *self,
                    const char *name,
                    const char *access_url,
                    const char *mime_type)
{
  BkFile *f = g_new0 (BkFile, 1);

  g_return_val_if_fail (self != NULL, NULL);
  f->name = g_strdup (name);
  f->access_url = g_strdup (access_url);
  f->mime_type = g_strdup (mime_type);
  g_ptr_array_add (self->files, f);
  return f;
}

/* "A, B (role)"; NULL when there is nobody. */
static char *
join_party_names (GPtrArray *parties,
                  gboolean   with_roles)
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; i < parties->len; i++)
    {
      const BkParty *p = g_ptr_array_index (parties, i);

      if (s->len > 0)
        g_string_append (s, ", ");
      g_string_append (s, p->name);
      if (with_roles && p->role != NULL && p->role[0] != '\0')
        g_string_append_printf (s, " (%s)", p->role);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

char *
bk_motion_dup_submitter_names (const BkMotion *self)
{
  return join_party_names (self->submitters, FALSE);
}

char *
bk_motion_dup_signatory_names (const BkMotion *self)
{
  if (self->signatories->len == 0)
    return NULL;
  return join_party_names (self->signatories, TRUE);
}

char *
bk_motion_dup_resolution_text (const BkMotion *self)
{
  g_autoptr(GString) s = g_string_new (NULL);
  GPtrArray *points = self->resolution_points->len > 0 ? self->resolution_points : self->questions;

  for (guint i = 0; i < points->len; i++)
    {
      const BkResolutionPoint *p = g_ptr_array_index (points, i);

      if (s->len > 0)
        g_string_append (s, "\n");
      if (points->len > 1)
        g_string_append_printf (s, "%u. ", i + 1);
      g_string_append (s, p->text ? p->text : "");
      for (guint j = 0; j < p->subpoints->len; j++)
        g_string_append_printf (s, "\n– %s", (char *) g_ptr_array_index (p->subpoints, j));
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

const char *
bk_party_kind_to_string (BkPartyKind kind)
{
  switch (kind)
    {
    case BK_PARTY_FACTION: return "faction";
    case BK_PARTY_PERSON: return "person";
    case BK_PARTY_ORGANIZATION: return "organization";
    default: return "organization";
    }
}

gboolean
bk_party_kind_from_string (const char  *str,
                           BkPartyKind *kind)
{
  if (g_strcmp0 (str, "faction") == 0)
    *kind = BK_PARTY_FACTION;
  else if (g_strcmp0 (str, "person") == 0)
    *kind = BK_PARTY_PERSON;
  else if (g_strcmp0 (str, "organization") == 0)
    *kind = BK_PARTY_ORGANIZATION;
  else
    return FALSE;
  return TRUE;
}

static void
add_string_or_null (JsonBuilder *b,
                    const char  *key,
                    const char  *value)
{
  json_builder_set_member_name (b, key);
  if (value != NULL && *value != '\0')
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

static void
add_tristate (JsonBuilder *b,
              const char  *key,
              BkTristate   value)
{
  json_builder_set_member_name (b, key);
  if (value == BK_TRISTATE_UNKNOWN)
    json_builder_add_null_value (b);
  else
    json_builder_add_boolean_value (b, value == BK_TRISTATE_YES);
}

static void
add_points (JsonBuilder *b,
            const char  *key,
            const char  *sub_key,
            GPtrArray   *points)
{
  json_builder_set_member_name (b, key);
  json_builder_begin_array (b);
  for (guint i = 0; i < points->len; i++)
    {
      const BkResolutionPoint *p = g_ptr_array_index (points, i);

      json_builder_begin_object (b);
      add_string_or_null (b, "text", p->text);
      json_builder_set_member_name (b, sub_key);
      json_builder_begin_array (b);
      for (guint j = 0; j < p->subpoints->len; j++)
        json_builder_add_string_value (b, g_ptr_array_index (p->subpoints, j));
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
add_parties (JsonBuilder *b,
             const char  *key,
             GPtrArray   *parties)
{
  json_builder_set_member_name (b, key);
  json_builder_begin_array (b);
  for (guint i = 0; i < parties->len; i++)
    {
      const BkParty *p = g_ptr_array_index (parties, i);

      json_builder_begin_object (b);
      add_string_or_null (b, "name", p->name);
      json_builder_set_member_name (b, "kind");
      json_builder_add_string_value (b, bk_party_kind_to_string (p->kind));
      if (p->role != NULL)
        add_string_or_null (b, "role", p->role);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

JsonNode *
bk_motion_to_json (const BkMotion *self)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  add_string_or_null (b, "subject", self->subject);
  json_builder_set_member_name (b, "subject_derived");
  json_builder_add_boolean_value (b, self->subject_derived);
  add_string_or_null (b, "body", self->body);
  add_string_or_null (b, "type", self->type);
  add_string_or_null (b, "reference", self->reference);
  add_string_or_null (b, "date", self->date);
  add_tristate (b, "public", self->is_public);
  add_string_or_null (b, "addressee", self->addressee);
  add_parties (b, "submitters", self->submitters);
  add_parties (b, "signatories", self->signatories);

  json_builder_set_member_name (b, "consultations");
  json_builder_begin_array (b);
  for (guint i = 0; i < self->consultations->len; i++)
    {
      const BkConsultation *c = g_ptr_array_index (self->consultations, i);

      json_builder_begin_object (b);
      add_string_or_null (b, "committee", c->committee);
      add_string_or_null (b, "date", c->date);
      add_string_or_null (b, "role", c->role);
      add_tristate (b, "public", c->is_public);
      if (c->authoritative != BK_TRISTATE_UNKNOWN)
        add_tristate (b, "authoritative", c->authoritative);
      if (c->meeting_name != NULL)
        add_string_or_null (b, "meeting", c->meeting_name);
      if (c->result != NULL)
        {
          add_string_or_null (b, "result", c->result);
          add_string_or_null (b, "outcome", bk_outcome_to_string (c->outcome));
        }
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  add_points (b, "resolution_points", "subpoints", self->resolution_points);
  add_points (b, "questions", "subquestions", self->questions);

  add_string_or_null (b, "justification", self->justification);

  json_builder_set_member_name (b, "related_references");
  json_builder_begin_array (b);
  for (guint i = 0; i < self->related_references->len; i++)
    json_builder_add_string_value (b, g_ptr_array_index (self->related_references, i));
  json_builder_end_array (b);

  json_builder_set_member_name (b, "warnings");
  json_builder_begin_array (b);
  for (guint i = 0; i < self->warnings->len; i++)
    {
      const BkWarning *w = g_ptr_array_index (self->warnings, i);

      json_builder_begin_object (b);
      add_string_or_null (b, "code", w->code);
      add_string_or_null (b, "message", w->message);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  if (self->id != 0)
    {
      json_builder_set_member_name (b, "id");
      json_builder_add_int_value (b, self->id);
    }
  if (self->oparl_id != NULL)
    add_string_or_null (b, "oparl_id", self->oparl_id);
  if (self->easy_summary != NULL)
    add_string_or_null (b, "easy_summary", self->easy_summary);
  if (self->files->len > 0)
    {
      json_builder_set_member_name (b, "files");
      json_builder_begin_array (b);
      for (guint i = 0; i < self->files->len; i++)
        {
          const BkFile *f = g_ptr_array_index (self->files, i);

          json_builder_begin_object (b);
          add_string_or_null (b, "name", f->name);
          add_string_or_null (b, "access_url", f->access_url);
          add_string_or_null (b, "mime_type", f->mime_type);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
    }
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

char *
bk_motion_to_json_string (const BkMotion *self,
                          gboolean        pretty)
{
  g_autoptr(JsonNode) root = bk_motion_to_json (self);
  g_autoptr(JsonGenerator) gen = json_generator_new ();

  json_generator_set_pretty (gen, pretty);
  json_generator_set_indent (gen, 2);
  json_generator_set_root (gen, root);
  return json_generator_to_data (gen, NULL);
}
