/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-checkin.c: arrivals told to staff through the outbox, against a real HTTP receiver on 127.0.0.1 */

#include <json-glib/json-glib.h>
#include <jobkiosk/jk-checkin.h>
#include <jobkiosk/jk-config.h>
#include <jobkiosk/jk-mail.h>
#include <jobkiosk/jk-secret.h>
#include <string.h>

#include "checkin/jk-checkin-person-private.h"
#include "store/jk-store-private.h"
#include "jk-test.h"
#include "jk-test-checkin.h"
#include "jk-test-db.h"
#include "jk-test-http-sink.h"
#include "jk-test-proc.h"

#define TOKEN "staff-token-4f2a"

typedef struct {
  char *dir;
  char *db_path;
  JkStore *store;
  JkConfig *config;
  JkTestHttpSink *sink;
  gint64 ten;
  char *day;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) ten = g_date_time_new_local (2027, 3, 10, 10, 0, 0);

  f->dir = g_dir_make_tmp ("jk-test-checkin-XXXXXX", &error);
  g_assert_no_error (error);
  f->db_path = g_build_filename (f->dir, "jobkiosk.db", NULL);
  f->store = jk_store_open (f->db_path, &error);
  g_assert_no_error (error);
  f->config = jk_config_new_defaults ();
  f->sink = jk_test_http_sink_start (0);
  f->config->checkin_endpoint = jk_test_http_sink_get_url (f->sink, "/staff");
  f->config->checkin_token_file = g_build_filename (f->dir, "staff-token", NULL);
  g_assert_true (g_file_set_contents (f->config->checkin_token_file, TOKEN "\n", -1, NULL));
  f->ten = g_date_time_to_unix (ten);
  f->day = g_date_time_format (ten, "%Y-%m-%d");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  jk_test_http_sink_stop (f->sink);
  g_clear_pointer (&f->store, jk_store_free);
  g_clear_pointer (&f->config, jk_config_free);
  jk_test_remove_tree (f->dir);
  g_free (f->db_path);
  g_free (f->dir);
  g_free (f->day);
}

static void
add_appointment (Fixture    *f,
                 const char *uid,
                 const char *code,
                 const char *last_name,
                 const char *dob,
                 int         minutes)
{
  JkTestAppointment appointment = { uid, code, last_name, dob, f->ten + minutes * 60, 0, NULL, FALSE };

  jk_test_add_appointment (f->config, f->db_path, &appointment);
}


static void
check_in (Fixture         *f,
          const char      *code,
          gint64           now,
          JkCheckinOutcome expected,
          gboolean         already)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JkCheckinResult) result = jk_checkin_by_code (f->config, f->db_path, code, now, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  if (result == NULL)
    return;
  g_assert_cmpint (result->outcome, ==, expected);
  g_assert_cmpint (result->already, ==, already);
}

static guint
deliver_due (Fixture *f,
             gint64   now)
{
  return jk_outbox_deliver_due (f->config, f->db_path, now, NULL);
}

static gint64
waiting (Fixture *f)
{
  return jk_test_query_int (f->store, "SELECT count(*) FROM outbox");
}

static JsonObject *
parse_body (Fixture *f,
            guint    index)
{
  g_autofree char *body = jk_test_http_sink_body (f->sink, index);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;

  g_assert_nonnull (body);
  json_parser_load_from_data (parser, body, -1, &error);
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

/* ---------------------------------------------------------------------- */

static void
test_delivered_once (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr (JsonObject) body = NULL;
  g_autofree char *key = NULL;
  g_autofree char *authorization = NULL;
  g_autoptr (GList) members = NULL;
  static const char *const allowed[] = { "idempotency_key", "kind", "greeting", "time", "service", "location",
                                         "reason", "queue_number", "arrived", NULL };

  add_appointment (f, "one", "AB12", NULL, NULL, 30);
  check_in (f, "ab-12", f->ten + 5 * 60, JK_CHECKIN_CHECKED_IN, FALSE);
  g_assert_cmpint (waiting (f), ==, 1);
  g_assert_cmpuint (deliver_due (f, f->ten + 5 * 60), ==, 1);
  g_assert_cmpuint (jk_test_http_sink_count (f->sink), ==, 1);
  g_assert_cmpint (waiting (f), ==, 0);

  body = parse_body (f, 1);
  key = jk_test_http_sink_header (f->sink, 1, "idempotency-key");
  authorization = jk_test_http_sink_header (f->sink, 1, "authorization");
  g_assert_nonnull (key);
  g_assert_cmpstr (json_object_get_string_member (body, "idempotency_key"), ==, key);
  g_assert_cmpstr (authorization, ==, "Bearer " TOKEN);
  g_assert_cmpstr (json_object_get_string_member (body, "kind"), ==, "appointment");
  g_assert_cmpstr (json_object_get_string_member (body, "greeting"), ==, "Maria N.");
  g_assert_cmpstr (json_object_get_string_member (body, "time"), ==, "10:30");
  g_assert_cmpstr (json_object_get_string_member (body, "service"), ==, "Career Services");
  g_assert_cmpstr (json_object_get_string_member (body, "location"), ==, "Room 2");
  {
    g_autoptr (GDateTime) arrived = g_date_time_new_from_iso8601 (json_object_get_string_member (body, "arrived"),
                                                                  NULL);

    g_assert_nonnull (arrived);
    g_assert_cmpint (g_date_time_to_unix (arrived), ==, f->ten + 5 * 60);
  }
  /* Nothing more than the contract's members. */
  members = json_object_get_members (body);
  for (GList *l = members; l != NULL; l = l->next)
    g_assert_true (g_strv_contains (allowed, l->data));

  /* Twice: already, nothing new told. */
  check_in (f, "AB12", f->ten + 6 * 60, JK_CHECKIN_CHECKED_IN, TRUE);
  g_assert_cmpint (waiting (f), ==, 0);
  g_assert_cmpuint (deliver_due (f, f->ten + 6 * 60), ==, 0);
  g_assert_cmpuint (jk_test_http_sink_count (f->sink), ==, 1);
}

static void
test_early_late_not_found (Fixture       *f,
                           gconstpointer  data)
{
  add_appointment (f, "early", "EARLY", NULL, NULL, 120);
  add_appointment (f, "late", "LATE", NULL, NULL, -60);
  check_in (f, "EARLY", f->ten, JK_CHECKIN_EARLY, FALSE);
  check_in (f, "LATE", f->ten, JK_CHECKIN_LATE, FALSE);
  check_in (f, "NOPE", f->ten, JK_CHECKIN_NOT_FOUND, FALSE);
  /* Early is noted and told; late and not found are not. */
  g_assert_cmpuint (deliver_due (f, f->ten), ==, 1);
  g_assert_cmpuint (jk_test_http_sink_count (f->sink), ==, 1);
  g_assert_cmpint (jk_test_query_int (f->store, "SELECT count(*) FROM arrivals"), ==, 1);
}

static void
test_together (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JkCheckinResult) result = NULL;

  add_appointment (f, "morning", "M1", "Núñez", "1990-04-01", 10);
  add_appointment (f, "noon", "M2", "Nunez", "1990-04-01", 120);
  result = jk_checkin_by_person (f->config, f->db_path, "nuñez", "1990-04-01", f->ten, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result->outcome, ==, JK_CHECKIN_CHECKED_IN);
  g_assert_cmpuint (result->appointments->len, ==, 2);
  g_assert_cmpuint (deliver_due (f, f->ten), ==, 2);
  g_assert_cmpuint (jk_test_http_sink_count (f->sink), ==, 2);
}

static void
test_walk_in (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) body = NULL;

  for (guint i = 1; i <= 3; i++)
    {
      g_autoptr (JkWalkinResult) result = jk_checkin_walk_in (f->config, f->db_path, "resume",
                                                              i == 2 ? "Luis" : NULL, NULL, f->ten + i, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (result->queue_number, ==, i);
      g_assert_cmpuint (result->waiting_ahead, ==, i - 1);
    }
  g_assert_cmpuint (deliver_due (f, f->ten + 10), ==, 3);
  body = parse_body (f, 2);
  g_assert_cmpstr (json_object_get_string_member (body, "kind"), ==, "walk-in");
  g_assert_cmpstr (json_object_get_string_member (body, "greeting"), ==, "Luis");
  g_assert_cmpstr (json_object_get_string_member (body, "reason"), ==, "resume");
  g_assert_cmpint (json_object_get_int_member (body, "queue_number"), ==, 2);
  g_assert_true (json_object_get_null_member (body, "time"));
}

/* Receiver down: rows wait with their tries counted; up: each delivered
 * once, none again. */
static void
test_down_then_up (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JkWalkinResult *walk_in;
  gint64 later;

  add_appointment (f, "a", "AAA1", NULL, NULL, 10);
  add_appointment (f, "b", "BBB1", NULL, NULL, 20);
  jk_test_http_sink_down (f->sink);
  check_in (f, "AAA1", f->ten, JK_CHECKIN_CHECKED_IN, FALSE);
  check_in (f, "BBB1", f->ten, JK_CHECKIN_CHECKED_IN, FALSE);
  walk_in = jk_checkin_walk_in (f->config, f->db_path, "computer", NULL, NULL, f->ten, &error);
  g_assert_no_error (error);
  jk_walkin_result_free (walk_in);

  g_assert_cmpuint (deliver_due (f, f->ten), ==, 0);
  g_assert_cmpint (waiting (f), ==, 3);
  g_assert_cmpint (jk_test_query_int (f->store, "SELECT count(*) FROM outbox WHERE attempts = 1 "
                                      "AND last_error IS NOT NULL"), ==, 1);
  /* Not due yet: nothing is tried before its backoff. */
  jk_test_http_sink_up (f->sink);
  g_assert_cmpuint (deliver_due (f, f->ten + 1), ==, 2);
  g_assert_cmpint (waiting (f), ==, 1);
  later = f->ten + jk_outbox_backoff (1);
  g_assert_cmpuint (deliver_due (f, later), ==, 1);
  g_assert_cmpint (waiting (f), ==, 0);
  g_assert_cmpuint (deliver_due (f, later + 3600), ==, 0);
  g_assert_cmpuint (jk_test_http_sink_count (f->sink), ==, 3);
  for (guint i = 1; i <= 3; i++)
    g_hash_table_add (keys, jk_test_http_sink_header (f->sink, i, "idempotency-key"));
  g_assert_cmpuint (g_hash_table_size (keys), ==, 3);
}

/* Accepted, then the process dies before the row is deleted: the row is
 * there again and is sent again, with the same key for the receiver. */
static void
test_interrupted (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *body_key = NULL;
  g_autoptr (JsonObject) body = NULL;
  g_autofree char *sql = NULL;

  add_appointment (f, "a", "AAA1", NULL, NULL, 10);
  check_in (f, "AAA1", f->ten, JK_CHECKIN_CHECKED_IN, FALSE);
  g_assert_true (jk_store_exec (f->store, "CREATE TABLE saved AS SELECT * FROM outbox", NULL));
  g_assert_cmpuint (deliver_due (f, f->ten), ==, 1);
  g_assert_cmpint (waiting (f), ==, 0);
  /* The delete never happened; the claim's lease has run out. */
  sql = g_strdup_printf ("INSERT INTO outbox SELECT * FROM saved; UPDATE outbox SET next_attempt = %" G_GINT64_FORMAT,
                         f->ten + 300);
  g_assert_true (jk_store_exec (f->store, sql, NULL));
  g_assert_cmpuint (deliver_due (f, f->ten + 300), ==, 1);
  g_assert_cmpuint (jk_test_http_sink_count (f->sink), ==, 2);
  first = jk_test_http_sink_header (f->sink, 1, "idempotency-key");
  second = jk_test_http_sink_header (f->sink, 2, "idempotency-key");
  g_assert_nonnull (first);
  g_assert_cmpstr (first, ==, second);
  body = parse_body (f, 2);
  g_assert_cmpstr (json_object_get_string_member (body, "idempotency_key"), ==, first);
}

static void
test_answers (Fixture       *f,
              gconstpointer  data)
{
  add_appointment (f, "a", "AAA1", NULL, NULL, 10);
  add_appointment (f, "b", "BBB1", NULL, NULL, 10);
  add_appointment (f, "c", "CCC1", NULL, NULL, 10);

  /* A server error and "too many requests" wait; a 4xx refusal gives up. */
  jk_test_http_sink_set_status (f->sink, 503);
  check_in (f, "AAA1", f->ten, JK_CHECKIN_CHECKED_IN, FALSE);
  g_assert_cmpuint (deliver_due (f, f->ten), ==, 0);
  g_assert_cmpint (waiting (f), ==, 1);
  jk_test_http_sink_set_status (f->sink, 429);
  g_assert_cmpuint (deliver_due (f, f->ten + 3600), ==, 0);
  g_assert_cmpint (waiting (f), ==, 1);
  jk_test_http_sink_set_status (f->sink, 403);
  g_assert_cmpuint (deliver_due (f, f->ten + 7200), ==, 0);
  g_assert_cmpint (waiting (f), ==, 0);
  jk_test_http_sink_set_status (f->sink, 204);
  check_in (f, "BBB1", f->ten + 7200, JK_CHECKIN_LATE, FALSE);
  check_in (f, "CCC1", f->ten, JK_CHECKIN_CHECKED_IN, FALSE);
  g_assert_cmpuint (deliver_due (f, f->ten), ==, 1);
  g_assert_cmpuint (jk_test_http_sink_count (f->sink), ==, 4);
}

static void
test_shapes (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr (JsonObject) teams = NULL;
  g_autoptr (JsonObject) slack = NULL;
  g_autoptr (GError) error = NULL;
  JkWalkinResult *walk_in;
  const char *text;

  add_appointment (f, "a", "AAA1", NULL, NULL, 30);
  g_free (f->config->checkin_format);
  f->config->checkin_format = g_strdup ("teams");
  check_in (f, "AAA1", f->ten, JK_CHECKIN_CHECKED_IN, FALSE);
  g_assert_cmpuint (deliver_due (f, f->ten), ==, 1);
  teams = parse_body (f, 1);
  g_assert_cmpstr (json_object_get_string_member (teams, "@type"), ==, "MessageCard");
  text = json_object_get_string_member (teams, "text");
  g_assert_nonnull (strstr (text, "Maria N."));
  g_assert_nonnull (strstr (text, "10:30"));
  g_assert_nonnull (strstr (text, "Career Services"));
  g_assert_nonnull (strstr (text, "Room 2"));

  g_free (f->config->checkin_format);
  f->config->checkin_format = g_strdup ("slack");
  walk_in = jk_checkin_walk_in (f->config, f->db_path, "unemployment", "Luis", NULL, f->ten, &error);
  g_assert_no_error (error);
  jk_walkin_result_free (walk_in);
  g_assert_cmpuint (deliver_due (f, f->ten), ==, 1);
  slack = parse_body (f, 2);
  g_assert_cmpuint (json_object_get_size (slack), ==, 1);
  text = json_object_get_string_member (slack, "text");
  g_assert_nonnull (strstr (text, "#1"));
  g_assert_nonnull (strstr (text, "Luis"));
  g_assert_nonnull (strstr (text, "Unemployment insurance"));
}

static gboolean
file_contains (const char *path,
               const char *needle)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;
  return memmem (contents, length, needle, strlen (needle)) != NULL;
}

/* A full name or a birth date is nowhere in the database's files. */
static void
test_no_identity (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JkCheckinResult) result = NULL;
  g_autoptr (JkWalkinResult) walk_in = NULL;
  static const char *const needles[] = { "Nunez", "NUNEZ", "nunez", "Núñez", "García", "Garcia", "1990-04-01",
                                         "Elena", "Ramirez", NULL };
  const char *suffixes[] = { "", "-wal", "-journal" };

  add_appointment (f, "a", "AAA1", "Núñez García", "1990-04-01", 10);
  result = jk_checkin_by_person (f->config, f->db_path, "Nunez Garcia", "1990-04-01", f->ten, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result->outcome, ==, JK_CHECKIN_CHECKED_IN);
  walk_in = jk_checkin_walk_in (f->config, f->db_path, "other", "Maria Elena Ramirez", NULL, f->ten, &error);
  g_assert_no_error (error);
  /* Waiting, then delivered: neither the sealed row nor its deletion leaves them behind. */
  g_assert_cmpint (waiting (f), ==, 2);
  g_assert_cmpuint (deliver_due (f, f->ten), ==, 2);
  g_clear_pointer (&f->store, jk_store_free);
  for (guint s = 0; s < G_N_ELEMENTS (suffixes); s++)
    {
      g_autofree char *path = g_strconcat (f->db_path, suffixes[s], NULL);

      for (guint i = 0; needles[i] != NULL; i++)
        if (file_contains (path, needles[i]))
          g_error ("%s found in the database file%s", needles[i], suffixes[s]);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  JK_TEST_ADD ("/checkin-staff/delivered-once", Fixture, test_delivered_once);
  JK_TEST_ADD ("/checkin-staff/early-late-not-found", Fixture, test_early_late_not_found);
  JK_TEST_ADD ("/checkin-staff/together", Fixture, test_together);
  JK_TEST_ADD ("/checkin-staff/walk-in", Fixture, test_walk_in);
  JK_TEST_ADD ("/checkin-staff/down-then-up", Fixture, test_down_then_up);
  JK_TEST_ADD ("/checkin-staff/interrupted", Fixture, test_interrupted);
  JK_TEST_ADD ("/checkin-staff/answers", Fixture, test_answers);
  JK_TEST_ADD ("/checkin-staff/shapes", Fixture, test_shapes);
  JK_TEST_ADD ("/checkin-staff/no-identity", Fixture, test_no_identity);
  return g_test_run ();
}
