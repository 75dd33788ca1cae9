/* bk-outbox-bundle.c: a submission as FIT-Connect wants it, sealed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-outbox"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "bk-error.h"
#include "bk-json.h"
#include "bk-outbox-bundle.h"

#define BUNDLE_VERSION 1

static void
part_free (BkBundlePart *part)
{
  g_free (part->id);
  g_free (part->mime_type);
  g_free (part->filename);
  g_free (part->description);
  g_clear_pointer (&part->content, g_bytes_unref);
  g_free (part->jwe);
  g_free (part);
}

static void
clear_text (char **text)
{
  if (*text != NULL)
    explicit_bzero (*text, strlen (*text));
  g_clear_pointer (text, g_free);
}

void
bk_bundle_free (BkBundle *self)
{
  if (self == NULL)
    return;
  g_free (self->kid);
  g_free (self->reference);
  g_free (self->kind);
  g_free (self->schema);
  g_free (self->service_identifier);
  g_free (self->service_name);
  g_free (self->metadata_jwe);
  g_free (self->data_jwe);
  /* The open parts hold what the citizen entered. */
  clear_text (&self->metadata);
  clear_text (&self->data);
  g_clear_pointer (&self->attachments, g_ptr_array_unref);
  g_free (self);
}

static BkBundle *
bundle_new (void)
{
  BkBundle *self = g_new0 (BkBundle, 1);

  self->attachments = g_ptr_array_new_with_free_func ((GDestroyNotify) part_free);
  return self;
}

char *
bk_bundle_schema_uri (const char *kind)
{
  return g_strdup_printf (BK_FORM_SCHEMA_BASE "%s.schema.json", kind);
}

static char *
node_to_text (JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);

  return json_to_string (root, FALSE);
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static void
add_hash (JsonBuilder *builder,
          const char  *hex)
{
  json_builder_set_member_name (builder, "hash");
  json_builder_begin_object (builder);
  add_string (builder, "type", "sha512");
  add_string (builder, "content", hex);
  json_builder_end_object (builder);
}

/* The data (Fachdaten), as the form's schema describes it. */
static char *
build_data (BkSubmission         *submission,
            const char           *reference,
            const char           *created_at,
            const BkDeliveryInfo *info,
            const char           *schema)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *answers = NULL;

  if (json_parser_load_from_data (parser, submission->answers, -1, NULL))
    answers = json_parser_get_root (parser);

  json_builder_begin_object (builder);
  add_string (builder, "$schema", schema);
  add_string (builder, "reference", reference);
  add_string (builder, "form", bk_submission_kind_to_string (submission->kind));
  add_string (builder, "submittedAt", created_at);
  add_string (builder, "language", submission->language);
  if (submission->service_id != NULL)
    {
      json_builder_set_member_name (builder, "service");
      json_builder_begin_object (builder);
      add_string (builder, "id", submission->service_id);
      add_string (builder, "name", info->service_name);
      add_string (builder, "leika", info->leika);
      add_string (builder, "municipality", info->municipality);
      json_builder_end_object (builder);
    }
  if (submission->motion_id > 0)
    {
      json_builder_set_member_name (builder, "motion");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, submission->motion_id);
      add_string (builder, "reference", info->motion_reference);
      add_string (builder, "subject", info->motion_subject);
      json_builder_end_object (builder);
    }
  json_builder_set_member_name (builder, "answers");
  if (answers != NULL && JSON_NODE_HOLDS_OBJECT (answers))
    json_builder_add_value (builder, json_node_copy (answers));
  else
    {
      json_builder_begin_object (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  return node_to_text (builder);
}

/* FIT-Connect metadata 1.0.0: what the parts are and their hashes. */
static char *
build_metadata (BkBundle   *self,
                const char *created_at)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *data_hash = bk_sha512_hex ((const guint8 *) self->data, strlen (self->data));
  g_autofree char *date = g_strndup (created_at, 10);

  json_builder_begin_object (builder);
  add_string (builder, "$schema", BK_METADATA_SCHEMA);
  json_builder_set_member_name (builder, "contentStructure");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "data");
  json_builder_begin_object (builder);
  add_hash (builder, data_hash);
  json_builder_set_member_name (builder, "submissionSchema");
  json_builder_begin_object (builder);
  add_string (builder, "schemaUri", self->schema);
  add_string (builder, "mimeType", "application/json");
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "attachments");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->attachments->len; i++)
    {
      BkBundlePart *part = g_ptr_array_index (self->attachments, i);
      gsize length;
      const guint8 *bytes = g_bytes_get_data (part->content, &length);
      g_autofree char *hash = bk_sha512_hex (bytes, length);

      json_builder_begin_object (builder);
      add_string (builder, "attachmentId", part->id);
      add_hash (builder, hash);
      /* Made by the kiosk after the form was filled in. */
      add_string (builder, "purpose", "report");
      add_string (builder, "mimeType", part->mime_type);
      add_string (builder, "filename", part->filename);
      add_string (builder, "description", part->description);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  if (self->service_identifier != NULL)
    {
      json_builder_set_member_name (builder, "publicServiceType");
      json_builder_begin_object (builder);
      add_string (builder, "name", self->service_name);
      add_string (builder, "identifier", self->service_identifier);
      json_builder_end_object (builder);
    }
  json_builder_set_member_name (builder, "additionalReferenceInfo");
  json_builder_begin_object (builder);
  add_string (builder, "senderReference", self->reference);
  add_string (builder, "applicationDate", date);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  return node_to_text (builder);
}

BkBundle *
bk_bundle_new (BkSubmission         *submission,
               const char           *reference,
               const char           *created_at,
               const BkDeliveryInfo *info,
               const BkRoute        *route,
               GBytes               *pdf)
{
  static const BkDeliveryInfo none = { NULL };
  BkBundle *self;
  const char *leika;

  g_return_val_if_fail (submission != NULL && reference != NULL && created_at != NULL, NULL);
  if (info == NULL)
    info = &none;

  self = bundle_new ();
  self->reference = g_strdup (reference);
  self->kind = g_strdup (bk_submission_kind_to_string (submission->kind));
  self->schema = bk_bundle_schema_uri (self->kind);
  leika = route && route->leika ? route->leika : info->leika;
  if (leika != NULL)
    self->service_identifier = g_strconcat (BK_LEIKA_URN_PREFIX, leika, NULL);
  else if (route != NULL && route->service_identifier != NULL)
    self->service_identifier = g_strdup (route->service_identifier);
  self->service_name = g_strdup (route && route->service_name ? route->service_name
                                 : info->service_name ? info->service_name : info->title);
  self->data = build_data (submission, reference, created_at, info, self->schema);
  if (pdf != NULL)
    {
      BkBundlePart *part = g_new0 (BkBundlePart, 1);

      part->id = g_uuid_string_random ();
      part->mime_type = g_strdup ("application/pdf");
      part->filename = g_strdup_printf ("%s.pdf", reference);
      part->description = g_strdup (info->title);
      part->content = g_bytes_ref (pdf);
      g_ptr_array_add (self->attachments, part);
    }
  self->metadata = build_metadata (self, created_at);
  return self;
}

char *
bk_bundle_seal (BkBundle   *self,
                BkJoseKey  *key,
                GError    **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *metadata = NULL;
  g_autofree char *data = NULL;

  g_return_val_if_fail (self != NULL && self->data != NULL && self->metadata != NULL, NULL);

  if ((metadata = bk_jwe_encrypt (key, (const guint8 *) self->metadata, strlen (self->metadata),
                                  "application/json", error)) == NULL ||
      (data = bk_jwe_encrypt (key, (const guint8 *) self->data, strlen (self->data),
                              "application/json", error)) == NULL)
    return NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, BUNDLE_VERSION);
  add_string (builder, "kid", bk_jose_key_get_kid (key));
  add_string (builder, "reference", self->reference);
  add_string (builder, "form", self->kind);
  add_string (builder, "schema", self->schema);
  add_string (builder, "serviceIdentifier", self->service_identifier);
  add_string (builder, "serviceName", self->service_name);
  add_string (builder, "encryptedMetadata", metadata);
  add_string (builder, "encryptedData", data);
  json_builder_set_member_name (builder, "attachments");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->attachments->len; i++)
    {
      BkBundlePart *part = g_ptr_array_index (self->attachments, i);
      gsize length;
      const guint8 *bytes = g_bytes_get_data (part->content, &length);
      g_autofree char *jwe = bk_jwe_encrypt (key, bytes, length, part->mime_type, error);

      if (jwe == NULL)
        return NULL;
      json_builder_begin_object (builder);
      add_string (builder, "attachmentId", part->id);
      add_string (builder, "mimeType", part->mime_type);
      add_string (builder, "filename", part->filename);
      add_string (builder, "description", part->description);
      add_string (builder, "encryptedContent", jwe);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return node_to_text (builder);
}

static char *
dup_member (JsonObject *object,
            const char *name)
{
  return g_strdup (bk_json_get_string (object, name, NULL));
}

BkBundle *
bk_bundle_parse (const char  *text,
                 GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(BkBundle) self = NULL;
  JsonObject *object;
  JsonArray *attachments;
  JsonNode *root;

  if (text == NULL || !json_parser_load_from_data (parser, text, -1, NULL) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, BK_ERROR, BK_ERROR_CORRUPT, _("the stored bundle is not JSON"));
      return NULL;
    }
  object = json_node_get_object (root);
  if (bk_json_get_int (object, "version", 0) != BUNDLE_VERSION)
    {
      g_set_error_literal (error, BK_ERROR, BK_ERROR_CORRUPT, _("the stored bundle has an unknown version"));
      return NULL;
    }
  self = bundle_new ();
  self->kid = dup_member (object, "kid");
  self->reference = dup_member (object, "reference");
  self->kind = dup_member (object, "form");
  self->schema = dup_member (object, "schema");
  self->service_identifier = dup_member (object, "serviceIdentifier");
  self->service_name = dup_member (object, "serviceName");
  self->metadata_jwe = dup_member (object, "encryptedMetadata");
  self->data_jwe = dup_member (object, "encryptedData");
  attachments = bk_json_get_array (object, "attachments");
  for (guint i = 0; attachments != NULL && i < json_array_get_length (attachments); i++)
    {
      JsonObject *item = json_array_get_object_element (attachments, i);
      BkBundlePart *part;

      if (item == NULL)
        continue;
      part = g_new0 (BkBundlePart, 1);
      part->id = dup_member (item, "attachmentId");
      part->mime_type = dup_member (item, "mimeType");
      part->filename = dup_member (item, "filename");
      part->description = dup_member (item, "description");
      part->jwe = dup_member (item, "encryptedContent");
      g_ptr_array_add (self->attachments, part);
      if (part->id == NULL || part->jwe == NULL)
        {
          g_set_error_literal (error, BK_ERROR, BK_ERROR_CORRUPT, _("the stored bundle has a broken attachment"));
          return NULL;
        }
    }
  if (self->kid == NULL || self->reference == NULL || self->metadata_jwe == NULL || self->data_jwe == NULL)
    {
      g_set_error_literal (error, BK_ERROR, BK_ERROR_CORRUPT, _("the stored bundle is incomplete"));
      return NULL;
    }
  return g_steal_pointer (&self);
}

static char *
decrypt_text (BkJoseKey   *key,
              const char  *jwe,
              GError     **error)
{
  g_autoptr(GBytes) plain = bk_jwe_decrypt (key, jwe, error);
  gsize length;
  const char *bytes;

  if (plain == NULL)
    return NULL;
  bytes = g_bytes_get_data (plain, &length);
  return g_strndup (bytes, length);
}

gboolean
bk_bundle_open (BkBundle   *self,
                BkJoseKey  *key,
                GError    **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  if (g_strcmp0 (self->kid, bk_jose_key_get_kid (key)) != 0)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                   _("the bundle is sealed for the key %s, not for %s"), self->kid, bk_jose_key_get_kid (key));
      return FALSE;
    }
  clear_text (&self->metadata);
  clear_text (&self->data);
  if ((self->metadata = decrypt_text (key, self->metadata_jwe, error)) == NULL ||
      (self->data = decrypt_text (key, self->data_jwe, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < self->attachments->len; i++)
    {
      BkBundlePart *part = g_ptr_array_index (self->attachments, i);

      g_clear_pointer (&part->content, g_bytes_unref);
      if ((part->content = bk_jwe_decrypt (key, part->jwe, error)) == NULL)
        return FALSE;
    }
  return TRUE;
}
