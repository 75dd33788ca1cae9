/* test-outbox.c: the outbox against real servers on 127.0.0.1
 *
 * JOSE (JWE round trip, tampering, key use, size and certificate chains),
 * the delivery file, and delivery end to end through a FIT-Connect test
 * server and a county form server (bkserver.py) that decrypt what they get,
 * check its hashes and schema and count each reference: every fault on
 * demand (connection refused, 500, 429 with Retry-After, slow, an expired
 * token, a wrong or untrusted key, a forged event signature, a rejection,
 * a server down for a whole day on a simulated clock), crashes at each step
 * (delivered exactly once afterwards), retention and staff retries.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "bk-error.h"
#include "bk-jwe.h"
#include "bk-outbox-private.h"
#include "bk-store-outbox.h"
#include "bk-store-private.h"
#include "bk-test-server.h"

#define SERVICE "test-service"
#define SERVICE_ROUTE "[service " SERVICE "]\ntransport = fit\ndestination-id = " BK_TEST_DESTINATION "\n" \
                      "leika = 99115005104000\nrecipient = Stadt Auenbach\n"

typedef struct {
  char             *dir;
  char             *db_path;
  BkStore          *store;
  BkTestServer     *fit;
  BkTestServer     *form;
  BkDeliveryConfig *config;
  BkOutbox         *outbox;
  gint64            clock;        /* the fake clock (ms) when used */
  gboolean          fake;
} Fixture;

/* The worker reads it from its thread; an aligned 64-bit read is whole on
 * the machines the tests run on. */
static gint64
fake_clock (gpointer data)
{
  Fixture *f = data;

  return f->clock;
}

static void
advance (Fixture *f,
         gint64   ms)
{
  f->clock += ms;
}

static void
iterate (guint ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
}

static const char *const no_args[] = { NULL };

/* Servers as asked, a database file, a delivery file, an outbox (not
 * started). */
static void
fixture_init (Fixture    *f,
              gboolean    fit,
              const char *form_mode,
              const char *delivery,
              const char *routes)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  memset (f, 0, sizeof *f);
  f->dir = g_dir_make_tmp ("bk-outbox-XXXXXX", &error);
  g_assert_no_error (error);
  f->db_path = g_build_filename (f->dir, "kiosk.db", NULL);
  f->store = bk_store_open (f->db_path, 0, &error);
  g_assert_no_error (error);
  if (fit)
    f->fit = bk_test_server_start ("fit-connect", no_args);
  if (form_mode != NULL)
    {
      const char *args[] = { "--mode", form_mode, NULL };

      f->form = bk_test_server_start ("form", args);
    }
  path = bk_test_delivery_file (f->dir, f->fit, f->form, form_mode, delivery, routes ? routes : SERVICE_ROUTE);
  f->config = bk_delivery_config_load (path, &error);
  g_assert_no_error (error);
  f->clock = g_get_real_time () / 1000;
}

static void
make_outbox (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&f->outbox);
  f->outbox = bk_outbox_new (f->store, f->config, &error);
  g_assert_no_error (error);
  if (f->fake)
    _bk_outbox_set_clock (f->outbox, fake_clock, f);
}

static void
fixture_clear (Fixture *f)
{
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  g_clear_object (&f->outbox);
  if (!bk_store_check (f->store, report, &error))
    g_error ("check: %s%s", report->str, error->message);
  g_clear_object (&f->store);
  g_clear_pointer (&f->config, bk_delivery_config_unref);
  g_clear_pointer (&f->fit, bk_test_server_stop);
  g_clear_pointer (&f->form, bk_test_server_stop);
  bk_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db_path);
}

/* A small PDF: the servers check that an attachment is one. */
static GBytes *
attach_cb (BkSubmission *submission,
           const char   *reference,
           const char   *created_at,
           gpointer      data,
           GError      **error)
{
  g_autofree char *pdf = g_strdup_printf ("%%PDF-1.4\n%% receipt %s of %s\n%%%%EOF\n", reference, created_at);
  gsize length = strlen (pdf);

  return g_bytes_new_take (g_steal_pointer (&pdf), length);
}

static char *
submit (Fixture          *f,
        BkSubmissionKind  kind,
        const char       *service_id,
        const char       *answers)
{
  g_autoptr(BkSubmission) submission = bk_submission_new (kind);
  g_autoptr(GError) error = NULL;
  g_autofree char *recipient = NULL;
  BkDeliveryInfo info = { "Wohnsitz anmelden", "99115005104000", "Stadt Auenbach", NULL, NULL, "Report a defect" };
  char *reference;

  g_free (submission->answers);
  submission->answers = g_strdup (answers);
  submission->service_id = g_strdup (service_id);
  submission->language = g_strdup ("de");
  reference = bk_outbox_submit (f->outbox, submission, &info, attach_cb, NULL, &recipient, &error);
  g_assert_no_error (error);
  g_assert_nonnull (reference);
  return reference;
}

static char *
submit_defect (Fixture *f)
{
  return submit (f, BK_SUBMISSION_DEFECT_REPORT, SERVICE,
                 "{\"place\": \"Bushaltestelle Marktplatz\", \"problem\": \"Das Glas ist kaputt.\"}");
}

static BkOutboxEntry *
entry_of (Fixture    *f,
          const char *reference)
{
  BkOutboxEntry *entry = bk_outbox_get_entry (f->outbox, reference);

  g_assert_nonnull (entry);
  return entry;
}

/* Waits (real time, main loop running) until reference is in state. */
static gboolean
wait_state (Fixture       *f,
            const char    *reference,
            BkOutboxState  state,
            guint          seconds)
{
  gint64 end = g_get_monotonic_time () + (gint64) seconds * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < end)
    {
      g_autoptr(BkOutboxEntry) entry = bk_outbox_get_entry (f->outbox, reference);

      if (entry != NULL && entry->state == state)
        return TRUE;
      iterate (10);
      if (f->fake)
        advance (f, 500);
    }
  return FALSE;
}

static void
assert_entry (Fixture       *f,
              const char    *reference,
              BkOutboxState  state)
{
  g_autoptr(BkOutboxEntry) entry = NULL;

  if (!wait_state (f, reference, state, 60))
    {
      entry = entry_of (f, reference);
      g_error ("%s: expected %s, is %s (%s)", reference, bk_outbox_state_to_string (state),
               bk_outbox_state_to_string (entry->state), entry->last_error ? entry->last_error : "no error");
    }
}

static char *
keys_path (const char *name)
{
  return g_build_filename (g_getenv ("BK_BUILD_ROOT"), "tests", "outbox", "keys", name, NULL);
}

static JsonObject *
read_jwk (const char *name)
{
  g_autofree char *path = keys_path (name);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_file (parser, path, &error));
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

/* ---- JOSE ------------------------------------------------------------------- */

static void
test_jwe (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bk-jwe-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "key.pem", NULL);
  g_autoptr(BkJoseKey) key = bk_jose_key_generate (2048, path, &error);
  g_autoptr(BkJoseKey) loaded = NULL;
  g_autoptr(BkJoseKey) public = NULL;
  g_autoptr(GBytes) plain = NULL;
  g_autoptr(JsonObject) header = NULL;
  g_autofree char *jwe = NULL;
  g_autofree char *jwk = NULL;
  const char *text = "{\"answers\": {\"name\": \"Anna Schmidt\"}}";
  GStatBuf st;

  g_assert_no_error (error);
  g_assert_nonnull (key);
  /* The private key is the kiosk user's alone, and never overwritten. */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_null (bk_jose_key_generate (2048, path, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST);
  g_clear_error (&error);

  /* Sealed with the public half from its JWK, opened with the private one. */
  jwk = bk_jose_key_dup_public_jwk (key);
  public = bk_jose_key_new_from_jwk_text (jwk, BK_JOSE_USE_ENCRYPT, 2048, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bk_jose_key_get_kid (public), ==, bk_jose_key_get_kid (key));
  jwe = bk_jwe_encrypt (public, (const guint8 *) text, strlen (text), "application/json", &error);
  g_assert_no_error (error);
  header = bk_jose_dup_header (jwe, &error);
  g_assert_cmpstr (json_object_get_string_member (header, "alg"), ==, "RSA-OAEP-256");
  g_assert_cmpstr (json_object_get_string_member (header, "enc"), ==, "A256GCM");
  g_assert_cmpstr (json_object_get_string_member (header, "kid"), ==, bk_jose_key_get_kid (key));
  g_assert_null (strstr (jwe, "Anna"));

  loaded = bk_jose_key_load_private (path, &error);
  g_assert_no_error (error);
  plain = bk_jwe_decrypt (loaded, jwe, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (plain, NULL), g_bytes_get_size (plain), text, strlen (text));

  /* One changed character of the ciphertext: the tag does not match. */
  {
    g_auto(GStrv) parts = g_strsplit (jwe, ".", 5);
    g_autofree char *tampered = NULL;

    parts[3][2] = parts[3][2] == 'A' ? 'B' : 'A';
    tampered = g_strjoinv (".", parts);
    g_assert_null (bk_jwe_decrypt (loaded, tampered, &error));
    g_assert_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT);
    g_clear_error (&error);
  }
  /* The public key cannot open it. */
  g_assert_null (bk_jwe_decrypt (public, jwe, &error));
  g_clear_error (&error);

  g_remove (path);
  g_rmdir (dir);
}

/* Key use, size and certificate chains with the test PKI. */
static void
test_keys (void)
{
  BkTestServer *server = NULL;
  g_autofree char *anchor = NULL;
  g_autoptr(JsonObject) form = NULL;
  g_autoptr(JsonObject) copy = NULL;
  g_autoptr(BkJoseKey) key = NULL;
  g_autoptr(GError) error = NULL;
  JsonNode *ops;

  /* Starting a server makes the test PKI (once per build). */
  server = bk_test_server_start ("form", no_args);
  anchor = keys_path ("ca.pem");
  form = read_jwk ("form-key.jwk");

  key = bk_jose_key_new_from_jwk (form, BK_JOSE_USE_ENCRYPT, 4096, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bk_jose_key_get_bits (key), ==, 4096);
  g_assert_true (bk_jose_key_check_chain (key, form, anchor, BK_JOSE_USE_ENCRYPT, 0, &error));
  g_assert_no_error (error);
  /* An encryption key's certificate does not allow signatures. */
  g_assert_false (bk_jose_key_check_chain (key, form, anchor, BK_JOSE_USE_VERIFY, 0, &error));
  g_assert_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  /* Another anchor: not trusted. */
  {
    g_autofree char *other = keys_path ("enc-rogue.pem");

    g_assert_false (bk_jose_key_check_chain (key, form, other, BK_JOSE_USE_ENCRYPT, 0, &error));
    g_assert_nonnull (strstr (error->message, "not trusted"));
    g_clear_error (&error);
  }
  /* Not yet valid in 1990. */
  g_assert_false (bk_jose_key_check_chain (key, form, anchor, BK_JOSE_USE_ENCRYPT, 631152000, &error));
  g_clear_error (&error);
  /* Too small for FIT-Connect's 4096 bits when more is asked. */
  g_assert_null (bk_jose_key_new_from_jwk (form, BK_JOSE_USE_ENCRYPT, 8192, &error));
  g_assert_nonnull (strstr (error->message, "bits"));
  g_clear_error (&error);
  /* A key for signatures only is not used to encrypt. */
  copy = json_object_ref (form);
  ops = json_node_new (JSON_NODE_ARRAY);
  json_node_take_array (ops, json_array_new ());
  json_array_add_string_element (json_node_get_array (ops), "verify");
  json_object_set_member (copy, "key_ops", ops);
  g_assert_null (bk_jose_key_new_from_jwk (copy, BK_JOSE_USE_ENCRYPT, 2048, &error));
  g_assert_nonnull (strstr (error->message, "wrapKey"));
  g_clear_error (&error);
  /* Without its chain it is not believed. */
  json_object_remove_member (copy, "x5c");
  json_array_remove_element (json_node_get_array (ops), 0);
  json_array_add_string_element (json_node_get_array (ops), "wrapKey");
  g_clear_pointer (&key, bk_jose_key_unref);
  key = bk_jose_key_new_from_jwk (copy, BK_JOSE_USE_ENCRYPT, 2048, &error);
  g_assert_no_error (error);
  g_assert_false (bk_jose_key_check_chain (key, copy, anchor, BK_JOSE_USE_ENCRYPT, 0, &error));
  g_assert_nonnull (strstr (error->message, "x5c"));
  g_clear_error (&error);
  g_clear_pointer (&server, bk_test_server_stop);
}

/* ---- the delivery file -------------------------------------------------------- */

static void
test_config (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bk-config-XXXXXX", &error);
  g_autofree char *secret = g_build_filename (dir, "secret", NULL);
  g_autofree char *anchor = g_build_filename (dir, "anchor.pem", NULL);
  g_autoptr(BkDeliveryConfig) config = NULL;
  const BkRoute *route;
  g_autofree char *good = g_strdup_printf (
    "[delivery]\nretention-days = 14\n"
    "[transport fit]\ntype = fit-connect\ntoken-url = https://auth.example.org/token\n"
    "submission-api = https://submission.example.org/submission-api/\nclient-id = kiosk\n"
    "client-secret-file = secret\ntrust-anchor = anchor.pem\n"
    "[service 99115005104000-stadt-auenbach]\ntransport = fit\ndestination-id = " BK_TEST_DESTINATION "\n"
    "leika = 99115 005 104 000\nrecipient = Stadt Auenbach\n"
    "[form motion-feedback]\ntransport = fit\ndestination-id = " BK_TEST_DESTINATION "\n"
    "service-identifier = urn:de:example:feedback\n");

  g_assert_true (g_file_set_contents (secret, "geheim\n", -1, &error));
  g_assert_true (g_file_set_contents (anchor, "-", -1, &error));
  g_chmod (secret, 0600);

  config = bk_delivery_config_load_data (good, dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bk_delivery_config_get_settings (config)->retention_days, ==, 14);
  g_assert_cmpuint (bk_delivery_config_get_settings (config)->retry_max, ==, 30);
  route = bk_delivery_config_route_for (config, "99115005104000-stadt-auenbach", BK_SUBMISSION_APPOINTMENT);
  g_assert_nonnull (route);
  g_assert_cmpstr (route->leika, ==, "99115005104000");
  g_assert_cmpstr (route->transport->client_secret, ==, "geheim");
  g_assert_cmpstr (route->transport->submission_api, ==, "https://submission.example.org/submission-api");
  route = bk_delivery_config_route_for (config, NULL, BK_SUBMISSION_MOTION_FEEDBACK);
  g_assert_cmpstr (route->name, ==, "form motion-feedback");
  /* No route: kept for the export. */
  g_assert_null (bk_delivery_config_route_for (config, "other", BK_SUBMISSION_DEFECT_REPORT));
  g_clear_pointer (&config, bk_delivery_config_unref);

  /* A secret others can read is refused, naming file, section and key. */
  g_chmod (secret, 0644);
  g_assert_null (bk_delivery_config_load_data (good, dir, &error));
  g_assert_nonnull (strstr (error->message, "[transport fit] client-secret-file"));
  g_assert_nonnull (strstr (error->message, "chmod 600"));
  g_clear_error (&error);
  g_chmod (secret, 0600);

  {
    static const struct {
      const char *text;
      const char *message;
    } bad[] = {
      { "[delivery]\nretry-mn = 3\n", "[delivery] retry-mn: unknown key" },
      { "[delivery]\nretention-days = 0\n", "retention-days: “0” is not a number from 1 to 3650" },
      { "[service x]\ntransport = nowhere\n", "there is no [transport nowhere]" },
      { "[transport a]\ntype = https\nurl = http://example.org/\n", "url: this must be an https:// address" },
      { "[transport a]\ntype = ftp\n", "use fit-connect or https" },
      { "[form no-such-form]\ntransport = a\n", "unknown form" },
      { "[whatever]\n", "unknown section" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_assert_null (bk_delivery_config_load_data (bad[i].text, dir, &error));
        g_assert_nonnull (error);
        if (strstr (error->message, bad[i].message) == NULL)
          g_error ("“%s” says “%s”, not “%s”", bad[i].text, error->message, bad[i].message);
        g_clear_error (&error);
      }
  }
  {
    g_autofree char *bad_uuid = g_strdup_printf ("[transport fit]\ntype = fit-connect\ntoken-url = https://a.example/t\n"
                                                 "submission-api = https://a.example/\nclient-id = k\n"
                                                 "client-secret-file = secret\ntrust-anchor = anchor.pem\n"
                                                 "[service s]\ntransport = fit\ndestination-id = 1234\n");

    g_assert_null (bk_delivery_config_load_data (bad_uuid, dir, &error));
    g_assert_nonnull (strstr (error->message, "destination-id: a destination id is a UUID"));
    g_clear_error (&error);
  }
  g_remove (secret);
  g_remove (anchor);
  g_rmdir (dir);
}

/* ---- FIT-Connect ---------------------------------------------------------------- */

/* Three submissions, before and after the destination's key is known:
 * each delivered once, decrypted and checked by the server, accepted, its
 * bundle removed; the submission rows keep no answers. */
static void
test_fit_connect (void)
{
  Fixture f;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;
  g_autoptr(BkOutboxEntry) entry = NULL;
  g_autoptr(JsonObject) stats = NULL;
  g_autoptr(BkSubmission) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *kid = NULL;
  BkOutboxSummary summary = { 0 };

  fixture_init (&f, TRUE, NULL, NULL, NULL);
  make_outbox (&f);

  /* Before the worker ran, the destination's key is not known: sealed for
   * the kiosk's own key, and sealed anew before it is sent. */
  first = submit_defect (&f);
  entry = entry_of (&f, first);
  g_assert_cmpint (entry->state, ==, BK_OUTBOX_PENDING);
  g_assert_cmpstr (entry->recipient, ==, "Stadt Auenbach");
  g_assert_true (g_uuid_string_is_valid (entry->idempotency_key));
  g_assert_null (strstr (entry->bundle, "Glas"));
  g_assert_false (bk_store_outbox_get_key (f.store, "service " SERVICE, NULL, NULL, NULL));
  g_clear_pointer (&entry, bk_outbox_entry_free);

  bk_outbox_start (f.outbox);
  assert_entry (&f, first, BK_OUTBOX_ACCEPTED);
  /* The checked key is kept: the next one is sealed for the destination. */
  g_assert_true (bk_store_outbox_get_key (f.store, "service " SERVICE, &kid, NULL, NULL));
  second = submit (&f, BK_SUBMISSION_APPOINTMENT, SERVICE,
                   "{\"service\": \"Wohnsitz anmelden\", \"preferred_date\": \"2030-01-15\","
                   " \"preferred_time\": \"morning\", \"name\": \"Anna Schmidt\", \"contact\": \"anna@example.de\"}");
  entry = entry_of (&f, second);
  g_assert_cmpstr (entry->sealed_for, ==, kid);
  g_clear_pointer (&entry, bk_outbox_entry_free);
  third = submit (&f, BK_SUBMISSION_REGISTRATION_CERTIFICATE, SERVICE,
                  "{\"name\": \"Anna Schmidt\", \"date_of_birth\": \"1985-07-03\","
                  " \"address\": \"Marktplatz 1, 94032 Passau\", \"delivery\": \"post\"}");
  assert_entry (&f, second, BK_OUTBOX_ACCEPTED);
  assert_entry (&f, third, BK_OUTBOX_ACCEPTED);

  stats = bk_test_server_stats (f.fit);
  if (json_array_get_length (json_object_get_array_member (stats, "problems")) > 0)
    g_error ("the server found problems: %s",
             json_node_get_string (json_array_get_element (json_object_get_array_member (stats, "problems"), 0)));
  g_assert_cmpint (json_object_get_int_member (stats, "accepted"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (stats, "duplicates"), ==, 0);
  g_assert_cmpuint (bk_test_server_count (f.fit, first), ==, 1);
  g_assert_cmpuint (bk_test_server_count (f.fit, second), ==, 1);
  g_assert_cmpuint (bk_test_server_count (f.fit, third), ==, 1);

  /* Accepted: the kiosk keeps no bundle, and never kept the answers. */
  entry = entry_of (&f, first);
  g_assert_null (entry->bundle);
  g_assert_cmpstr (entry->bundle_removed, ==, "accepted");
  g_assert_cmpuint (entry->bundle_size, ==, 0);
  g_assert_nonnull (entry->remote_id);
  g_assert_cmpint (entry->submitted_at, >, 0);
  g_assert_cmpint (entry->finished_at, >=, entry->submitted_at);
  stored = bk_store_load_submission (f.store, first, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored->answers, ==, "{}");
  g_assert_cmpuint (bk_store_count_sealed_submissions (f.store), ==, 3);
  {
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_prepare_v2 (bk_store_get_db (f.store),
                                         "SELECT count(*) FROM submission WHERE answers LIKE '%Anna%'"
                                         " OR answers LIKE '%Glas%'", -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
    sqlite3_finalize (stmt);
  }
  /* Nothing to export: they went to their destination. */
  {
    BkSubmissionQuery query = { NULL, TRUE };
    g_autoptr(GPtrArray) rows = bk_store_list_submissions (f.store, &query, &error);

    g_assert_cmpuint (rows->len, ==, 0);
  }
  g_assert_true (bk_outbox_summarize (f.outbox, &summary, &error));
  g_assert_cmpuint (summary.counts[BK_OUTBOX_ACCEPTED], ==, 3);
  g_assert_cmpint (summary.oldest_waiting, ==, 0);
  bk_outbox_summary_clear (&summary);
  fixture_clear (&f);
}

/* ---- faults ------------------------------------------------------------------- */

static guint
announced (Fixture *f)
{
  g_autoptr(JsonObject) stats = bk_test_server_stats (f->fit);

  return (guint) json_object_get_int_member (stats, "announced");
}

/* Waits until the entry has been tried and is pending again, with its problem. */
static BkOutboxEntry *
wait_problem (Fixture    *f,
              const char *reference,
              const char *code)
{
  gint64 end = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < end)
    {
      BkOutboxEntry *entry = entry_of (f, reference);

      if (entry->last_error != NULL && g_str_has_prefix (entry->last_error, code) &&
          entry->state != BK_OUTBOX_SENDING)
        return entry;
      bk_outbox_entry_free (entry);
      iterate (10);
    }
  g_error ("%s never had the problem %s", reference, code);
}

/* The server down (connection refused), then failing with 500: the entry
 * waits with the problem in words, then goes through once the server is
 * back; nothing is lost or doubled. */
static void
test_refused_and_500 (void)
{
  Fixture f;
  g_autofree char *reference = NULL;
  g_autoptr(BkOutboxEntry) entry = NULL;
  g_autofree char *words = NULL;

  fixture_init (&f, TRUE, NULL, NULL, NULL);
  make_outbox (&f);
  bk_test_server_fault (f.fit, "{\"name\": \"down\"}");
  bk_outbox_start (f.outbox);
  reference = submit_defect (&f);
  entry = wait_problem (&f, reference, BK_PROBLEM_UNREACHABLE);
  g_assert_cmpint (entry->state, ==, BK_OUTBOX_PENDING);
  g_assert_cmpuint (entry->attempts, >=, 1);
  words = bk_outbox_describe_problem (entry->last_error);
  g_assert_nonnull (strstr (words, "cannot be reached"));
  g_clear_pointer (&entry, bk_outbox_entry_free);

  /* Back, but answering 500 twice: tried again, then through. */
  bk_test_server_fault (f.fit, "{\"name\": \"status\", \"status\": 500, \"count\": 2}");
  bk_test_server_fault (f.fit, "{\"name\": \"up\"}");
  assert_entry (&f, reference, BK_OUTBOX_ACCEPTED);
  g_assert_cmpuint (bk_test_server_count (f.fit, reference), ==, 1);
  fixture_clear (&f);
}

/* 429 with Retry-After: the next attempt not before the time asked. */
static void
test_retry_after (void)
{
  Fixture f;
  g_autofree char *reference = NULL;
  g_autoptr(BkOutboxEntry) entry = NULL;

  fixture_init (&f, TRUE, NULL, NULL, NULL);
  make_outbox (&f);
  bk_test_server_fault (f.fit, "{\"name\": \"status\", \"status\": 429, \"count\": 1, \"retry_after\": 3}");
  bk_outbox_start (f.outbox);
  reference = submit_defect (&f);
  entry = wait_problem (&f, reference, BK_PROBLEM_BUSY);
  /* Asked for 3 s: never sooner (retry-max is 2 s, Retry-After wins). */
  g_assert_cmpint (entry->next_attempt_at - entry->updated_at, >=, 3000);
  g_assert_cmpint (entry->next_attempt_at - entry->updated_at, <=, 3000 + 300 + 50);
  assert_entry (&f, reference, BK_OUTBOX_ACCEPTED);
  {
    g_autoptr(BkOutboxEntry) done = entry_of (&f, reference);

    g_assert_cmpint (done->submitted_at, >=, entry->next_attempt_at);
  }
  fixture_clear (&f);
}

/* A server slower than the timeout: timed out, tried again. */
static void
test_slow (void)
{
  Fixture f;
  g_autofree char *reference = NULL;
  g_autoptr(BkOutboxEntry) entry = NULL;

  fixture_init (&f, TRUE, NULL, "timeout = 1", NULL);
  make_outbox (&f);
  bk_test_server_fault (f.fit, "{\"name\": \"slow\", \"delay\": 3}");
  bk_outbox_start (f.outbox);
  reference = submit_defect (&f);
  entry = wait_problem (&f, reference, BK_PROBLEM_TIMEOUT);
  g_assert_cmpint (entry->state, ==, BK_OUTBOX_PENDING);
  bk_test_server_fault (f.fit, "{\"name\": \"clear\"}");
  assert_entry (&f, reference, BK_OUTBOX_ACCEPTED);
  g_assert_cmpuint (bk_test_server_count (f.fit, reference), ==, 1);
  fixture_clear (&f);
}

/* Quitting never waits for the network: stopping the outbox while a request
 * hangs (the server answers after 30 s, the timeout is 60 s) cancels it at
 * once, and the entry is taken up again at the next start (issue 15). */
static void
test_stop_while_waiting (void)
{
  Fixture f;
  g_autofree char *reference = NULL;
  g_autoptr(BkOutboxEntry) entry = NULL;
  gint64 start;

  fixture_init (&f, TRUE, NULL, "timeout = 60", NULL);
  make_outbox (&f);
  bk_test_server_fault (f.fit, "{\"name\": \"slow\", \"delay\": 30}");
  bk_outbox_start (f.outbox);
  reference = submit_defect (&f);
  g_assert_true (wait_state (&f, reference, BK_OUTBOX_SENDING, 20));
  iterate (500);   /* the request is on its way */
  start = g_get_monotonic_time ();
  bk_outbox_stop (f.outbox);
  g_test_message ("stopped in %.0f ms", (g_get_monotonic_time () - start) / 1000.0);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 3 * G_USEC_PER_SEC);
  entry = entry_of (&f, reference);
  g_assert_true (entry->state == BK_OUTBOX_SENDING || entry->state == BK_OUTBOX_PENDING);
  g_assert_cmpuint (entry->bundle_size, >, 0);

  bk_test_server_fault (f.fit, "{\"name\": \"clear\"}");
  bk_outbox_start (f.outbox);
  assert_entry (&f, reference, BK_OUTBOX_ACCEPTED);
  g_assert_cmpuint (bk_test_server_count (f.fit, reference), ==, 1);
  fixture_clear (&f);
}

/* A token the server no longer takes: a new one is fetched at once. */
static void
test_token_expired (void)
{
  Fixture f;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  fixture_init (&f, TRUE, NULL, NULL, NULL);
  make_outbox (&f);
  bk_outbox_start (f.outbox);
  first = submit_defect (&f);
  assert_entry (&f, first, BK_OUTBOX_ACCEPTED);
  bk_test_server_fault (f.fit, "{\"name\": \"token-expired\"}");
  second = submit_defect (&f);
  assert_entry (&f, second, BK_OUTBOX_ACCEPTED);
  {
    g_autoptr(BkOutboxEntry) entry = entry_of (&f, second);

    /* Not even a retry: renewed within the attempt. */
    g_assert_cmpuint (entry->attempts, ==, 0);
    g_assert_null (entry->last_error);
  }
  fixture_clear (&f);
}

/* A key with the wrong use, then one from another CA: nothing is sent to
 * the destination while its key fails a check; once it is right again the
 * waiting submission goes through. */
static void
test_wrong_key (void)
{
  static const char *const faults[] = { "wrong-key-ops", "untrusted-key" };

  for (guint i = 0; i < G_N_ELEMENTS (faults); i++)
    {
      Fixture f;
      g_autofree char *reference = NULL;
      g_autoptr(BkOutboxEntry) entry = NULL;
      g_autofree char *fault = g_strdup_printf ("{\"name\": \"%s\"}", faults[i]);
      g_autofree char *words = NULL;

      fixture_init (&f, TRUE, NULL, NULL, NULL);
      make_outbox (&f);
      bk_test_server_fault (f.fit, fault);
      bk_outbox_start (f.outbox);
      reference = submit_defect (&f);
      entry = wait_problem (&f, reference, BK_PROBLEM_KEY);
      words = bk_outbox_describe_problem (entry->last_error);
      g_test_message ("%s: %s", faults[i], words);
      g_assert_nonnull (strstr (words, "encryption key failed a check"));
      g_assert_cmpuint (announced (&f), ==, 0);
      g_assert_false (bk_store_outbox_get_key (f.store, "service " SERVICE, NULL, NULL, NULL));
      bk_test_server_fault (f.fit, "{\"name\": \"clear\"}");
      assert_entry (&f, reference, BK_OUTBOX_ACCEPTED);
      fixture_clear (&f);
    }
}

/* The destination changed its key: a bundle sealed for the old one goes as
 * it is while the destination still lists that key; once it is gone the
 * entry fails and says why. */
static void
test_key_rotation (void)
{
  Fixture f;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;
  g_autofree char *old_kid = NULL;
  g_autoptr(BkOutboxEntry) entry = NULL;

  fixture_init (&f, TRUE, NULL, NULL, NULL);
  make_outbox (&f);
  bk_outbox_start (f.outbox);
  first = submit_defect (&f);
  assert_entry (&f, first, BK_OUTBOX_ACCEPTED);
  bk_outbox_stop (f.outbox);
  g_assert_true (bk_store_outbox_get_key (f.store, "service " SERVICE, &old_kid, NULL, NULL));

  bk_test_server_fault (f.fit, "{\"name\": \"rotate-key\"}");
  second = submit_defect (&f);
  third = submit_defect (&f);
  entry = entry_of (&f, second);
  g_assert_cmpstr (entry->sealed_for, ==, old_kid);
  g_clear_pointer (&entry, bk_outbox_entry_free);
  make_outbox (&f);
  bk_outbox_start (f.outbox);
  assert_entry (&f, second, BK_OUTBOX_ACCEPTED);
  assert_entry (&f, third, BK_OUTBOX_ACCEPTED);

  /* The old key withdrawn: what was sealed for it cannot be sent. */
  bk_outbox_stop (f.outbox);
  bk_test_server_fault (f.fit, "{\"name\": \"rotate-key\"}");
  bk_test_server_fault (f.fit, "{\"name\": \"drop-old-key\"}");
  g_free (third);
  third = submit_defect (&f);
  make_outbox (&f);
  bk_outbox_start (f.outbox);
  assert_entry (&f, third, BK_OUTBOX_FAILED);
  entry = entry_of (&f, third);
  g_assert_true (g_str_has_prefix (entry->last_error, BK_PROBLEM_KEY_GONE));
  g_assert_nonnull (entry->bundle);
  fixture_clear (&f);
}

/* Events with a forged signature are not believed: the entry stays
 * submitted and says why. A rejection is recorded with its reasons. */
static void
test_events (void)
{
  Fixture f;
  g_autofree char *forged = NULL;
  g_autofree char *rejected = NULL;
  g_autoptr(BkOutboxEntry) entry = NULL;

  fixture_init (&f, TRUE, NULL, NULL, NULL);
  make_outbox (&f);
  bk_test_server_fault (f.fit, "{\"name\": \"bad-signature\"}");
  bk_outbox_start (f.outbox);
  forged = submit_defect (&f);
  assert_entry (&f, forged, BK_OUTBOX_SUBMITTED);
  entry = wait_problem (&f, forged, BK_PROBLEM_SIGNATURE);
  g_assert_cmpint (entry->state, ==, BK_OUTBOX_SUBMITTED);
  g_assert_nonnull (entry->bundle);
  g_clear_pointer (&entry, bk_outbox_entry_free);
  iterate (1500);
  entry = entry_of (&f, forged);
  g_assert_cmpint (entry->state, ==, BK_OUTBOX_SUBMITTED);
  g_clear_pointer (&entry, bk_outbox_entry_free);

  bk_test_server_fault (f.fit, "{\"name\": \"clear\"}");
  bk_test_server_fault (f.fit, "{\"name\": \"reject\"}");
  rejected = submit_defect (&f);
  assert_entry (&f, rejected, BK_OUTBOX_REJECTED);
  entry = entry_of (&f, rejected);
  g_assert_true (g_str_has_prefix (entry->last_error, BK_PROBLEM_REJECTED));
  g_assert_nonnull (strstr (entry->last_error, "rejected on demand"));
  /* Kept for staff until the retention period. */
  g_assert_nonnull (entry->bundle);
  fixture_clear (&f);
}

/* ---- crashes ---------------------------------------------------------------- */

/* The worker stops dead at each step, as a kill -9 would; a new one on the
 * same database delivers each submission exactly once. */
static void
test_crash_points (void)
{
  static const BkCrashPoint points[] = { BK_CRASH_AFTER_CLAIM, BK_CRASH_AFTER_CHECKPOINT, BK_CRASH_AFTER_DELIVERY };
  Fixture f;

  fixture_init (&f, TRUE, NULL, NULL, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (points); i++)
    {
      g_autofree char *reference = NULL;
      g_autoptr(BkOutboxEntry) entry = NULL;
      guint before;

      make_outbox (&f);
      _bk_outbox_set_crash_point (f.outbox, points[i]);
      reference = submit_defect (&f);
      before = announced (&f);
      bk_outbox_start (f.outbox);
      for (guint n = 0; n < 3000 && !_bk_outbox_has_ended (f.outbox); n++)
        iterate (10);
      g_assert_true (_bk_outbox_has_ended (f.outbox));
      entry = entry_of (&f, reference);
      g_assert_cmpint (entry->state, ==, BK_OUTBOX_SENDING);
      if (points[i] == BK_CRASH_AFTER_CLAIM)
        g_assert_null (entry->remote_id);
      else
        g_assert_nonnull (entry->remote_id);

      /* A new start takes it up. */
      make_outbox (&f);
      bk_outbox_start (f.outbox);
      assert_entry (&f, reference, BK_OUTBOX_ACCEPTED);
      g_assert_cmpuint (bk_test_server_count (f.fit, reference), ==, 1);
      /* Announced once: the kept submission id was completed. */
      g_assert_cmpuint (announced (&f) - before, ==, 1);
      g_clear_object (&f.outbox);
    }
  fixture_clear (&f);
}

/* ---- a county form server ------------------------------------------------------ */

#define FORM_ROUTE "[form motion-feedback]\ntransport = county\nrecipient = Landkreis Beispielkreis\n" \
                   "[service *]\ntransport = county\n"

static void
form_server (const char *mode)
{
  Fixture f;
  g_autofree char *feedback = NULL;
  g_autofree char *defect = NULL;
  g_autoptr(BkOutboxEntry) entry = NULL;
  g_autoptr(JsonObject) stats = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 motion_id;

  fixture_init (&f, FALSE, mode, NULL, FORM_ROUTE);
  /* motion-feedback needs its motion. */
  {
    g_autoptr(BkMotion) motion = bk_motion_new ();
    g_autoptr(GError) error = NULL;

    motion->subject = g_strdup ("Bänke am Marktplatz");
    g_assert_true (bk_store_save_motion (f.store, motion, &error));
    motion_id = motion->id;
  }
  make_outbox (&f);
  {
    g_autoptr(BkSubmission) submission = bk_submission_new (BK_SUBMISSION_MOTION_FEEDBACK);
    g_autoptr(GError) error = NULL;
    g_autofree char *recipient = NULL;
    BkDeliveryInfo info = { NULL, NULL, NULL, "12/0345", "Bänke am Marktplatz", "Tell the council" };

    g_free (submission->answers);
    submission->answers = g_strdup ("{\"opinion\": \"agree\", \"comment\": \"Gute Idee.\"}");
    submission->motion_id = motion_id;
    submission->language = g_strdup ("de");
    feedback = bk_outbox_submit (f.outbox, submission, &info, attach_cb, NULL, &recipient, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (recipient, ==, "Landkreis Beispielkreis");
  }
  defect = submit_defect (&f);
  entry = entry_of (&f, defect);
  /* No recipient configured: the service's place. */
  g_assert_cmpstr (entry->recipient, ==, "Stadt Auenbach");
  g_assert_cmpstr (entry->transport, ==, "https");
  g_clear_pointer (&entry, bk_outbox_entry_free);

  bk_outbox_start (f.outbox);
  assert_entry (&f, feedback, BK_OUTBOX_ACCEPTED);
  assert_entry (&f, defect, BK_OUTBOX_ACCEPTED);
  stats = bk_test_server_stats (f.form);
  if (json_array_get_length (json_object_get_array_member (stats, "problems")) > 0)
    g_error ("the server found problems: %s",
             json_node_get_string (json_array_get_element (json_object_get_array_member (stats, "problems"), 0)));
  g_assert_cmpuint (bk_test_server_count (f.form, feedback), ==, 1);
  g_assert_cmpuint (bk_test_server_count (f.form, defect), ==, 1);
  /* The feedback still counts on the motion; its comment is not kept. */
  g_assert_cmpint (sqlite3_prepare_v2 (bk_store_get_db (f.store),
                                       "SELECT agree, comments FROM motion_feedback",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 1);
  sqlite3_finalize (stmt);

  /* A crash after the POST: the idempotency key makes the retry harmless. */
  g_clear_object (&f.outbox);
  make_outbox (&f);
  _bk_outbox_set_crash_point (f.outbox, BK_CRASH_AFTER_DELIVERY);
  g_free (defect);
  defect = submit_defect (&f);
  bk_outbox_start (f.outbox);
  for (guint n = 0; n < 3000 && !_bk_outbox_has_ended (f.outbox); n++)
    iterate (10);
  g_assert_cmpuint (bk_test_server_count (f.form, defect), ==, 1);
  make_outbox (&f);
  bk_outbox_start (f.outbox);
  assert_entry (&f, defect, BK_OUTBOX_ACCEPTED);
  g_assert_cmpuint (bk_test_server_count (f.form, defect), ==, 1);
  fixture_clear (&f);
}

static void
test_form_jwe (void)
{
  form_server ("jwe");
}

static void
test_form_mtls (void)
{
  form_server ("json-mtls");
}

/* The fake clock moves on a second at a time until the server sees a
 * request, at most for limit ms: when it did (0: never). */
static gint64
advance_until_asked (Fixture *f,
                     gint64   limit)
{
  g_autoptr(JsonObject) before = bk_test_server_stats (f->fit);
  gint64 requests = json_object_get_int_member (before, "requests");
  gint64 from = f->clock;

  while (f->clock - from < limit)
    {
      g_autoptr(JsonObject) stats = bk_test_server_stats (f->fit);

      if (json_object_get_int_member (stats, "requests") > requests)
        return f->clock;
      advance (f, 1000);
      iterate (3);
    }
  return 0;
}

/* ---- a day without the server ---------------------------------------------------- */

/* The server is down for a whole (simulated) day: the entries wait, the
 * server is asked at most every retry-max, nothing fails; an hour after it
 * is back everything is delivered. Then the retention period: bundles
 * never accepted are removed and staff told. */
static void
test_day_down (void)
{
  Fixture f;
  g_autoptr(GPtrArray) references = g_ptr_array_new_with_free_func (g_free);
  BkOutboxSummary summary = { 0 };
  g_autoptr(GError) error = NULL;
  gint64 start;
  guint attempts = 0;

  fixture_init (&f, TRUE, NULL, "retention-days = 2\nretry-max = 300", NULL);
  f.fake = TRUE;
  make_outbox (&f);
  start = f.clock;
  bk_test_server_fault (f.fit, "{\"name\": \"down\"}");
  for (guint i = 0; i < 5; i++)
    g_ptr_array_add (references, submit_defect (&f));
  bk_outbox_start (f.outbox);

  /* 24 hours in steps of 20 s. */
  while (f.clock - start < 24 * 3600 * 1000)
    {
      advance (&f, 20 * 1000);
      iterate (1);
    }
  g_assert_true (bk_outbox_summarize (f.outbox, &summary, &error));
  g_assert_cmpuint (summary.counts[BK_OUTBOX_PENDING] + summary.counts[BK_OUTBOX_SENDING], ==, 5);
  g_assert_cmpuint (summary.counts[BK_OUTBOX_FAILED], ==, 0);
  g_assert_true (g_str_has_prefix (summary.last_error, BK_PROBLEM_UNREACHABLE));
  g_assert_cmpint (summary.oldest_waiting, ==, start);
  bk_outbox_summary_clear (&summary);
  for (guint i = 0; i < references->len; i++)
    {
      g_autoptr(BkOutboxEntry) entry = entry_of (&f, g_ptr_array_index (references, i));

      attempts += entry->attempts;
      g_assert_nonnull (entry->last_error);
    }
  /* The route rests between tries: about one try per 2.5 minutes (retry-max
   * 300 s with jitter), not one per entry and second. */
  g_test_message ("%u attempts in a simulated day", attempts);
  g_assert_cmpuint (attempts, >=, 200);
  g_assert_cmpuint (attempts, <=, 24 * 3600 / 150 + 20);

  /* Back: asked again within retry-max (300 s; the first request the
   * server sees), then everything goes. */
  bk_test_server_fault (f.fit, "{\"name\": \"up\"}");
  {
    gint64 up = f.clock;
    gint64 asked = advance_until_asked (&f, 3600 * 1000);

    g_test_message ("asked again %" G_GINT64_FORMAT " s after the server came back", (asked - up) / 1000);
    g_assert_cmpint (asked, >, 0);
    g_assert_cmpint (asked - up, <=, 300 * 1000 + 5 * 1000);
  }
  for (guint i = 0; i < references->len; i++)
    assert_entry (&f, g_ptr_array_index (references, i), BK_OUTBOX_ACCEPTED);
  for (guint i = 0; i < references->len; i++)
    g_assert_cmpuint (bk_test_server_count (f.fit, g_ptr_array_index (references, i)), ==, 1);

  /* Never delivered for two days: removed, and staff told. */
  bk_test_server_fault (f.fit, "{\"name\": \"down\"}");
  g_ptr_array_set_size (references, 0);
  g_ptr_array_add (references, submit_defect (&f));
  bk_outbox_wake (f.outbox);
  start = f.clock;
  while (f.clock - start < 49 * 3600 * 1000)
    {
      advance (&f, 60 * 1000);
      iterate (1);
    }
  assert_entry (&f, g_ptr_array_index (references, 0), BK_OUTBOX_FAILED);
  {
    g_autoptr(BkOutboxEntry) entry = entry_of (&f, g_ptr_array_index (references, 0));
    g_autofree char *words = bk_outbox_describe_problem (entry->last_error);

    g_assert_null (entry->bundle);
    g_assert_cmpstr (entry->bundle_removed, ==, "retention");
    g_assert_nonnull (strstr (words, "retention period"));
  }
  g_assert_true (bk_outbox_summarize (f.outbox, &summary, &error));
  g_assert_cmpuint (summary.expired, ==, 1);
  bk_outbox_summary_clear (&summary);
  fixture_clear (&f);
}

/* ---- several at once ------------------------------------------------------------- */

/* Deliveries overlap up to the configured bound and never beyond it: the
 * server counts the requests it is answering at once. Each answer takes
 * 0.2 s, so lanes that could overlap do. */
static void
test_concurrency (void)
{
  static const guint bounds[] = { 1, 3 };

  for (guint b = 0; b < G_N_ELEMENTS (bounds); b++)
    {
      Fixture f;
      g_autoptr(GPtrArray) references = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(JsonObject) stats = NULL;
      g_autofree char *delivery = g_strdup_printf ("concurrency = %u", bounds[b]);
      gint64 most;

      fixture_init (&f, TRUE, NULL, delivery, NULL);
      g_assert_cmpuint (bk_delivery_config_get_settings (f.config)->concurrency, ==, bounds[b]);
      make_outbox (&f);
      for (guint i = 0; i < 6; i++)
        g_ptr_array_add (references, submit_defect (&f));
      bk_test_server_fault (f.fit, "{\"name\": \"slow\", \"delay\": 0.2}");
      bk_outbox_start (f.outbox);
      for (guint i = 0; i < references->len; i++)
        assert_entry (&f, g_ptr_array_index (references, i), BK_OUTBOX_ACCEPTED);
      for (guint i = 0; i < references->len; i++)
        g_assert_cmpuint (bk_test_server_count (f.fit, g_ptr_array_index (references, i)), ==, 1);
      stats = bk_test_server_stats (f.fit);
      most = json_object_get_int_member (stats, "max_in_flight");
      g_test_message ("concurrency %u: at most %" G_GINT64_FORMAT " requests at once", bounds[b], most);
      g_assert_cmpint (most, <=, bounds[b]);
      /* More than one lane really worked at once. */
      if (bounds[b] > 1)
        g_assert_cmpint (most, >=, 2);
      fixture_clear (&f);
    }
}

/* The server is away for an hour: after each pause one lane asks alone
 * (not each of the four), and once the server answers again every entry
 * that waited is sent at once, without the clock moving on. */
static void
test_comeback (void)
{
  Fixture f;
  g_autoptr(GPtrArray) references = g_ptr_array_new_with_free_func (g_free);
  guint attempts = 0;
  gint64 start, back;
  gboolean all = FALSE;

  fixture_init (&f, TRUE, NULL, "retry-max = 300\nconcurrency = 4", NULL);
  f.fake = TRUE;
  make_outbox (&f);
  bk_test_server_fault (f.fit, "{\"name\": \"down\"}");
  for (guint i = 0; i < 8; i++)
    g_ptr_array_add (references, submit_defect (&f));
  bk_outbox_start (f.outbox);
  start = f.clock;
  while (f.clock - start < 3600 * 1000)
    {
      advance (&f, 20 * 1000);
      iterate (1);
    }
  for (guint i = 0; i < references->len; i++)
    {
      g_autoptr(BkOutboxEntry) entry = entry_of (&f, g_ptr_array_index (references, i));

      g_assert_cmpint (entry->state, ==, BK_OUTBOX_PENDING);
      attempts += entry->attempts;
    }
  /* One try per pause (150–300 s once grown), plus the first four lanes. */
  g_test_message ("%u attempts in a simulated hour with four lanes", attempts);
  g_assert_cmpuint (attempts, <=, 3600 / 150 + 16);

  bk_test_server_fault (f.fit, "{\"name\": \"up\"}");
  back = advance_until_asked (&f, 2 * 3600 * 1000);
  g_assert_cmpint (back, >, 0);
  /* The clock stands still: no entry waits for a pause of its own. */
  for (guint n = 0; n < 3000 && !all; n++)
    {
      all = TRUE;
      for (guint i = 0; i < references->len && all; i++)
        all = bk_test_server_count (f.fit, g_ptr_array_index (references, i)) == 1;
      iterate (10);
    }
  g_assert_true (all);
  g_assert_cmpint (f.clock, ==, back);
  for (guint i = 0; i < references->len; i++)
    assert_entry (&f, g_ptr_array_index (references, i), BK_OUTBOX_ACCEPTED);
  for (guint i = 0; i < references->len; i++)
    g_assert_cmpuint (bk_test_server_count (f.fit, g_ptr_array_index (references, i)), ==, 1);
  fixture_clear (&f);
}

/* ---- staff ----------------------------------------------------------------------- */

/* A failed entry is tried again on request, and delivered. */
static void
test_retry (void)
{
  Fixture f;
  g_autofree char *reference = NULL;
  g_autoptr(BkOutboxEntry) entry = NULL;
  g_autoptr(GError) error = NULL;

  fixture_init (&f, TRUE, NULL, NULL, NULL);
  make_outbox (&f);
  bk_test_server_fault (f.fit, "{\"name\": \"status\", \"status\": 400, \"count\": 1,"
                              " \"path\": \"/v1/submissions\", \"method\": \"POST\"}");
  bk_outbox_start (f.outbox);
  reference = submit_defect (&f);
  assert_entry (&f, reference, BK_OUTBOX_FAILED);
  entry = entry_of (&f, reference);
  g_assert_true (g_str_has_prefix (entry->last_error, BK_PROBLEM_REFUSED));
  g_assert_true (bk_outbox_retry (f.outbox, entry->id, &error));
  g_assert_no_error (error);
  assert_entry (&f, reference, BK_OUTBOX_ACCEPTED);
  /* Accepted: nothing left to send again. */
  g_assert_false (bk_outbox_retry (f.outbox, entry->id, &error));
  g_assert_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_false (bk_outbox_retry (f.outbox, 9999, &error));
  g_assert_error (error, BK_ERROR, BK_ERROR_NOT_FOUND);
  fixture_clear (&f);
}

/* Jitter keeps the pauses within half and all of the backoff. */
static void
test_backoff (void)
{
  for (guint i = 0; i < 200; i++)
    {
      gint64 first = _bk_outbox_backoff (1, 2, 30);
      gint64 fourth = _bk_outbox_backoff (4, 2, 30);
      gint64 late = _bk_outbox_backoff (40, 2, 30);

      g_assert_cmpint (first, >=, 1000);
      g_assert_cmpint (first, <=, 2000);
      g_assert_cmpint (fourth, >=, 8000);
      g_assert_cmpint (fourth, <=, 16000);
      g_assert_cmpint (late, >=, 15000);
      g_assert_cmpint (late, <=, 30000);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/outbox/jwe", test_jwe);
  g_test_add_func ("/outbox/keys", test_keys);
  g_test_add_func ("/outbox/config", test_config);
  g_test_add_func ("/outbox/backoff", test_backoff);
  g_test_add_func ("/outbox/fit-connect", test_fit_connect);
  g_test_add_func ("/outbox/refused-and-500", test_refused_and_500);
  g_test_add_func ("/outbox/retry-after", test_retry_after);
  g_test_add_func ("/outbox/slow", test_slow);
  g_test_add_func ("/outbox/stop-while-waiting", test_stop_while_waiting);
  g_test_add_func ("/outbox/token-expired", test_token_expired);
  g_test_add_func ("/outbox/wrong-key", test_wrong_key);
  g_test_add_func ("/outbox/key-rotation", test_key_rotation);
  g_test_add_func ("/outbox/events", test_events);
  g_test_add_func ("/outbox/crash-points", test_crash_points);
  g_test_add_func ("/outbox/form-jwe", test_form_jwe);
  g_test_add_func ("/outbox/form-mtls", test_form_mtls);
  g_test_add_func ("/outbox/day-down", test_day_down);
  g_test_add_func ("/outbox/retry", test_retry);
  g_test_add_func ("/outbox/concurrency", test_concurrency);
  g_test_add_func ("/outbox/comeback", test_comeback);
  return g_test_run ();
}
