/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-referrals.c: "Ask them to contact me" through the outbox to a real HTTP receiver, and jobkioskctl referrals */

#include <json-glib/json-glib.h>
#include <jobkiosk/jk-referrals.h>
#include <jobkiosk/jk-services.h>
#include <string.h>

#include "store/jk-store-private.h"
#include "jk-test.h"
#include "jk-test-cli.h"
#include "jk-test-db.h"
#include "jk-test-http-sink.h"
#include "jk-test-proc.h"

typedef struct {
  char *dir;
  char *db_path;
  char *config_path;
  char *token_path;
  JkStore *store;
  JkConfig *config;
  JkTestHttpSink *sink;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *services = g_test_build_filename (G_TEST_DIST, "..", "data", "services", "demo", NULL);
  g_autofree char *url = NULL;
  g_autofree char *text = NULL;
  g_autoptr (JkServicesImport) import = NULL;

  f->dir = g_dir_make_tmp ("jk-test-referrals-XXXXXX", &error);
  g_assert_no_error (error);
  f->db_path = g_build_filename (f->dir, "jobkiosk.db", NULL);
  f->config_path = g_build_filename (f->dir, "jobkiosk.conf", NULL);
  f->token_path = g_build_filename (f->dir, "partner.token", NULL);
  f->store = jk_store_open (f->db_path, &error);
  g_assert_no_error (error);
  import = jk_services_import (f->store, services, 1772463845, &error);
  g_assert_no_error (error);
  g_assert_nonnull (import);

  f->sink = jk_test_http_sink_start (0);
  url = jk_test_http_sink_get_url (f->sink, "/api/referrals");
  g_assert_true (g_file_set_contents (f->token_path, "partner-s3cret\n", -1, NULL));
  text = g_strdup_printf ("[kiosk]\n"
                          "center-name = Eastside Center\n"
                          "name = Lobby 1\n"
                          "[partner little-steps]\n"
                          "display-name = Little Steps\n"
                          /* As staff might type it: case and spaces aside. */
                          "organization = little steps  CHILD center (demo)\n"
                          "endpoint = %s\n"
                          "token-file = partner.token\n", url);
  g_assert_true (g_file_set_contents (f->config_path, text, -1, NULL));
  f->config = jk_config_load (f->config_path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (f->config->problems->len, ==, 0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->sink != NULL)
    jk_test_http_sink_stop (f->sink);
  g_clear_pointer (&f->config, jk_config_free);
  g_clear_pointer (&f->store, jk_store_free);
  jk_test_remove_tree (f->dir);
  g_free (f->db_path);
  g_free (f->config_path);
  g_free (f->token_path);
  g_free (f->dir);
}

static void
ctl (Fixture           *f,
     JkTestRun         *run,
     const char *const *args)
{
  jk_test_run_ctl (run, "en", (const char *const[]) { "--config", f->config_path, "--db", f->db_path, NULL }, args);
}

static JsonNode *
parse (const char *text)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static gint64
service_id (Fixture    *f,
            const char *key)
{
  return jk_test_query_int (f->store, "SELECT id FROM services WHERE key = '%s'", key);
}

/* jobkioskctl referrals --json: the one referral's object, checked for
 * what must never be there. */
static JsonObject *
listed (Fixture  *f,
        JsonNode **root)
{
  g_auto (JkTestRun) run = { 0 };
  JsonArray *array;

  ctl (f, &run, (const char *const[]) { "referrals", "--json", NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_null (strstr (run.out, "Maria"));
  g_assert_null (strstr (run.out, "555"));
  *root = parse (run.out);
  array = json_node_get_array (*root);
  g_assert_cmpuint (json_array_get_length (array), ==, 1);
  return json_array_get_object_element (array, 0);
}

/* Read by another process: closing a file of the database in this one
 * would drop the locks its open connection holds. */
static gboolean
file_contains (const char *path,
               const char *needle)
{
  const char *argv[] = { "grep", "-q", "-a", "-F", needle, path, NULL };
  int status = 0;
  g_autoptr (GError) error = NULL;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                               NULL, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  return g_spawn_check_wait_status (status, NULL);
}

static char *
queue (Fixture    *f,
       const char *service_key,
       gint64     *outbox_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JkReferralService) service = jk_referrals_get_service (f->store, service_id (f, service_key), &error);
  g_autoptr (JkPartner) partner = NULL;
  char *reference;

  g_assert_no_error (error);
  partner = jk_referrals_find_partner (f->config, service->organization);
  g_assert_nonnull (partner);
  reference = jk_referrals_queue (f->config, f->db_path, partner, service, "  Maria ", "(614) 555-0123", "need",
                                  "es", g_get_real_time () / G_USEC_PER_SEC, outbox_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (reference);
  return reference;
}

/* The partner down: the referral waits, sealed; up: delivered once, with
 * its Idempotency-Key and the JSON; listed without name or phone. */
static void
test_waits_then_delivered_once (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JkReferralService) service = jk_referrals_get_service (f->store, service_id (f, "svc-1"), &error);
  g_autoptr (JkReferralService) food = jk_referrals_get_service (f->store, service_id (f, "svc-8"), &error);
  g_autoptr (JkPartner) partner = jk_referrals_find_partner (f->config, "LITTLE STEPS CHILD CENTER (DEMO)");
  g_autoptr (JkPartner) nobody = jk_referrals_find_partner (f->config, food->organization);
  g_autoptr (GRegex) pattern = g_regex_new ("^R-[2-9A-HJ-NP-Z]{4}$", 0, 0, NULL);
  g_autoptr (JsonNode) before = NULL;
  g_autoptr (JsonNode) after = NULL;
  g_autoptr (JsonNode) body_root = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *key = NULL;
  g_autofree char *header = NULL;
  g_autofree char *authorization = NULL;
  g_autofree char *body = NULL;
  g_autofree char *wal = g_strconcat (f->db_path, "-wal", NULL);
  JsonObject *entry;
  JsonObject *sent;
  char *bad;
  gint64 outbox_id = 0;

  g_assert_no_error (error);
  g_assert_nonnull (partner);
  g_assert_cmpstr (partner->display_name, ==, "Little Steps");
  g_assert_cmpstr (service->category, ==, "childcare");
  /* The food pantry has no agreement. */
  g_assert_null (nobody);

  /* A phone that is not a US number queues nothing. */
  bad = jk_referrals_queue (f->config, f->db_path, partner, service, "Maria", "555-0123", "need", "en", 1772463845,
                            NULL, &error);
  g_assert_error (error, JK_REFERRALS_ERROR, JK_REFERRALS_ERROR_BAD_INPUT);
  g_assert_null (bad);
  g_clear_error (&error);
  g_assert_cmpint (jk_test_query_int (f->store, "SELECT count(*) FROM referrals"), ==, 0);
  g_assert_cmpint (jk_test_query_int (f->store, "SELECT count(*) FROM outbox"), ==, 0);

  jk_test_http_sink_down (f->sink);
  reference = queue (f, "svc-1", &outbox_id);
  g_assert_true (g_regex_match (pattern, reference, 0, NULL));
  g_assert_cmpint (outbox_id, >, 0);
  g_assert_cmpint (jk_test_query_int (f->store, "SELECT count(*) FROM outbox WHERE kind = 'referral'"), ==, 1);
  g_assert_cmpint (jk_test_query_int (f->store, "SELECT count FROM usage_days WHERE what = 'referral:childcare'"),
                   ==, 1);
  /* The name and number are sealed: not in the file, not in its log,
   * where the reference is in plain. */
  g_assert_true (file_contains (wal, reference));
  g_assert_false (file_contains (f->db_path, "Maria"));
  g_assert_false (file_contains (wal, "Maria"));
  g_assert_false (file_contains (wal, "6145550123"));

  {
    g_auto (JkTestRun) run = { 0 };

    ctl (f, &run, (const char *const[]) { "outbox", "flush", NULL });
    g_assert_cmpint (run.status, ==, 1);
  }
  g_assert_cmpuint (jk_test_http_sink_count (f->sink), ==, 0);
  entry = listed (f, &before);
  g_assert_cmpstr (json_object_get_string_member (entry, "reference"), ==, reference);
  g_assert_cmpstr (json_object_get_string_member (entry, "partner"), ==, "little-steps");
  g_assert_cmpstr (json_object_get_string_member (entry, "service"), ==, "Child Care While You Work");
  g_assert_cmpstr (json_object_get_string_member (entry, "category"), ==, "childcare");
  g_assert_cmpstr (json_object_get_string_member (entry, "reason"), ==, "need");
  g_assert_cmpstr (json_object_get_string_member (entry, "state"), ==, "waiting");
  g_assert_cmpint (json_object_get_int_member (entry, "attempts"), ==, 1);
  g_assert_true (json_object_get_null_member (entry, "delivered"));

  /* Up again, and the entry due (its backoff is a minute). */
  jk_test_http_sink_up (f->sink);
  g_assert_true (jk_store_exec (f->store, "UPDATE outbox SET next_attempt = 0", &error));
  g_assert_no_error (error);
  key = jk_test_query_text (f->store, "SELECT idempotency_key FROM referrals");
  {
    g_auto (JkTestRun) run = { 0 };

    ctl (f, &run, (const char *const[]) { "outbox", "flush", NULL });
    g_assert_cmpint (run.status, ==, 0);
  }
  {
    g_auto (JkTestRun) run = { 0 };

    ctl (f, &run, (const char *const[]) { "outbox", "flush", NULL });
    g_assert_cmpint (run.status, ==, 0);
  }
  g_assert_cmpuint (jk_test_http_sink_count (f->sink), ==, 1);
  header = jk_test_http_sink_header (f->sink, 1, "idempotency-key");
  g_assert_cmpstr (header, ==, key);
  authorization = jk_test_http_sink_header (f->sink, 1, "authorization");
  g_assert_cmpstr (authorization, ==, "Bearer partner-s3cret");
  body = jk_test_http_sink_body (f->sink, 1);
  body_root = parse (body);
  sent = json_node_get_object (body_root);
  g_assert_cmpstr (json_object_get_string_member (sent, "reference"), ==, reference);
  g_assert_cmpstr (json_object_get_string_member (sent, "partner"), ==, "little-steps");
  g_assert_cmpstr (json_object_get_string_member (sent, "organization"), ==, "Little Steps Child Center (demo)");
  g_assert_cmpstr (json_object_get_string_member (sent, "service"), ==, "Child Care While You Work");
  g_assert_cmpstr (json_object_get_string_member (sent, "first_name"), ==, "Maria");
  g_assert_cmpstr (json_object_get_string_member (sent, "phone"), ==, "+16145550123");
  g_assert_cmpstr (json_object_get_string_member (sent, "reason"), ==, "need");
  g_assert_cmpstr (json_object_get_string_member (sent, "language"), ==, "es");
  g_assert_cmpstr (json_object_get_string_member (sent, "center"), ==, "Eastside Center");
  g_assert_cmpstr (json_object_get_string_member (sent, "kiosk"), ==, "Lobby 1");
  g_assert_true (g_str_has_suffix (json_object_get_string_member (sent, "created"), "Z"));

  entry = listed (f, &after);
  g_assert_cmpstr (json_object_get_string_member (entry, "state"), ==, "delivered");
  g_assert_false (json_object_get_null_member (entry, "delivered"));
  g_assert_cmpint (jk_test_query_int (f->store, "SELECT count(*) FROM outbox"), ==, 0);
  {
    g_auto (JkTestRun) run = { 0 };

    ctl (f, &run, (const char *const[]) { "referrals", NULL });
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, reference));
    g_assert_nonnull (strstr (run.out, "delivered"));
    g_assert_null (strstr (run.out, "Maria"));
  }
  {
    g_auto (JkTestRun) run = { 0 };

    ctl (f, &run, (const char *const[]) { "referrals", "extra", NULL });
    g_assert_cmpint (run.status, ==, 2);
  }
}

/* A partner that refuses (a 4xx): given up at once, listed as failed. */
static void
test_refused_gives_up (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *reference = NULL;
  JsonObject *entry;

  jk_test_http_sink_set_status (f->sink, 422);
  reference = queue (f, "svc-2", NULL);
  {
    g_auto (JkTestRun) run = { 0 };

    ctl (f, &run, (const char *const[]) { "outbox", "flush", NULL });
    g_assert_cmpint (run.status, ==, 0);
  }
  g_assert_cmpuint (jk_test_http_sink_count (f->sink), ==, 1);
  g_assert_cmpint (jk_test_query_int (f->store, "SELECT count(*) FROM outbox"), ==, 0);
  entry = listed (f, &root);
  g_assert_cmpstr (json_object_get_string_member (entry, "reference"), ==, reference);
  g_assert_cmpstr (json_object_get_string_member (entry, "state"), ==, "failed");
  g_assert_true (json_object_get_null_member (entry, "delivered"));
}

/* What a person reads aloud and types. */
static void
test_reference_and_phone (void)
{
  static const struct {
    const char *typed;
    const char *digits;
  } phones[] = {
    { "614-555-0123", "6145550123" },
    { "+1 (614) 555 0123", "6145550123" },
    { "1.614.555.0123", "6145550123" },
    { "555-0123", NULL },
    { "014 555 0123", NULL },
    { "614 155 0123", NULL },
    { "614 555 0123 9", NULL },
    { "614 555 O123", NULL },
    { "", NULL },
  };
  g_autofree char *masked = NULL;
  g_autofree char *shown = NULL;

  for (guint i = 0; i < 500; i++)
    {
      g_autofree char *reference = jk_referrals_make_reference ();

      g_assert_cmpuint (strlen (reference), ==, 6);
      g_assert_true (g_str_has_prefix (reference, "R-"));
      g_assert_null (strpbrk (reference + 2, "01OI"));
    }
  for (guint i = 0; i < G_N_ELEMENTS (phones); i++)
    {
      g_autofree char *digits = jk_referrals_phone_digits (phones[i].typed);

      g_assert_cmpstr (digits, ==, phones[i].digits);
    }
  masked = jk_referrals_phone_masked ("6145550123");
  g_assert_cmpstr (masked, ==, "(xxx) xxx-xx23");
  shown = jk_referrals_phone_display ("6145550123");
  g_assert_cmpstr (shown, ==, "(614) 555-0123");
  g_assert_true (jk_referrals_is_reason ("question"));
  g_assert_false (jk_referrals_is_reason ("Maria"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/referrals/reference-and-phone", test_reference_and_phone);
  JK_TEST_ADD ("/referrals/waits-then-delivered-once", Fixture, test_waits_then_delivered_once);
  JK_TEST_ADD ("/referrals/refused-gives-up", Fixture, test_refused_gives_up);
  return g_test_run ();
}
