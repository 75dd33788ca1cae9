/* bk-outbox-bundle.h: a submission as FIT-Connect wants it, sealed
 *
 * The data (Fachdaten: the answers as JSON following the form's schema in
 * data/schemas/forms, README "Submissions: what the authority receives"),
 * the receipt PDF as an attachment, and the metadata (FIT-Connect metadata
 * schema 1.0.0) with the SHA-512 hash of each. Each part is a JWE for one
 * key; the bundle that the outbox stores is JSON of these JWEs and what
 * must be readable to send them (attachment ids, the service's identifier).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-delivery-config.h"
#include "bk-jwe.h"
#include "bk-submission.h"

G_BEGIN_DECLS

#define BK_FORM_SCHEMA_BASE "https://buergerkiosk.github.io/schema/forms/1.0.0/"
#define BK_METADATA_SCHEMA  "https://schema.fitko.de/fit-connect/metadata/1.0.0/metadata.schema.json"
#define BK_LEIKA_URN_PREFIX "urn:de:fim:leika:leistung:"

/* What the kiosk knows about where a form was filled in; all may be NULL. */
typedef struct {
  const char *service_name;
  const char *leika;             /* the service's LeiKa key (14 digits) */
  const char *municipality;      /* the service's place: the default recipient */
  const char *motion_reference;
  const char *motion_subject;
  const char *title;             /* the form's title, describes the receipt */
} BkDeliveryInfo;

typedef struct {
  char   *id;                    /* a UUID */
  char   *mime_type;
  char   *filename;
  char   *description;
  GBytes *content;               /* plain (open) or NULL (sealed) */
  char   *jwe;                   /* sealed, or NULL */
} BkBundlePart;

typedef struct {
  char       *kid;                  /* the key the parts are sealed for */
  char       *reference;
  char       *kind;
  char       *schema;               /* the data's schema URI */
  char       *service_identifier;   /* URN for FIT-Connect's serviceType; may be NULL */
  char       *service_name;
  /* sealed */
  char       *metadata_jwe;
  char       *data_jwe;
  /* open */
  char       *metadata;             /* JSON text */
  char       *data;                 /* JSON text */
  GPtrArray  *attachments;          /* BkBundlePart */
} BkBundle;

void      bk_bundle_free   (BkBundle *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BkBundle, bk_bundle_free)

/* The open bundle of a submission whose reference and time are known. pdf
 * (the receipt) may be NULL. */
BkBundle *bk_bundle_new    (BkSubmission         *submission,
                            const char           *reference,
                            const char           *created_at,
                            const BkDeliveryInfo *info,
                            const BkRoute        *route,
                            GBytes               *pdf);
/* The stored form: every part a JWE for key. The bundle stays open. */
char     *bk_bundle_seal   (BkBundle             *self,
                            BkJoseKey            *key,
                            GError              **error);
/* A stored bundle as it is (sealed parts, nothing decrypted). */
BkBundle *bk_bundle_parse  (const char           *text,
                            GError              **error);
/* Decrypts every part with key (the private key it is sealed for). */
gboolean  bk_bundle_open   (BkBundle             *self,
                            BkJoseKey            *key,
                            GError              **error);

/* The data's schema for a form ("defect-report" → …/defect-report.schema.json). */
char     *bk_bundle_schema_uri (const char *kind);

G_END_DECLS
