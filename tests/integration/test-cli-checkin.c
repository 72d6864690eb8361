/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli-checkin.c: jobkioskctl checkin, walkin, arrivals and outbox status|flush: exit codes and what they say */

#include <json-glib/json-glib.h>
#include <jobkiosk/jk-config.h>
#include <jobkiosk/jk-secret.h>
#include <string.h>

#include "checkin/jk-checkin-person-private.h"
#include "store/jk-store-private.h"
#include "jk-test.h"
#include "jk-test-checkin.h"
#include "jk-test-cli.h"
#include "jk-test-db.h"
#include "jk-test-http-sink.h"
#include "jk-test-proc.h"

typedef struct {
  char *dir;
  char *db_path;
  char *config_path;
  JkStore *store;
  JkTestHttpSink *sink;
  gint64 now;
  gboolean same_day;   /* false within an hour of midnight: main's zone keeps it true */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GDateTime) before = g_date_time_add_hours (now, -1);
  g_autoptr (GDateTime) after = g_date_time_add_hours (now, 1);
  g_autofree char *url = NULL;
  g_autofree char *ini = NULL;

  f->dir = g_dir_make_tmp ("jk-test-cli-checkin-XXXXXX", &error);
  g_assert_no_error (error);
  f->db_path = g_build_filename (f->dir, "jobkiosk.db", NULL);
  f->store = jk_store_open (f->db_path, &error);
  g_assert_no_error (error);
  f->now = g_date_time_to_unix (now);
  f->same_day = g_date_time_get_day_of_year (before) == g_date_time_get_day_of_year (after);
  f->sink = jk_test_http_sink_start (0);
  url = jk_test_http_sink_get_url (f->sink, "/staff");
  f->config_path = g_build_filename (f->dir, "jobkiosk.ini", NULL);
  ini = g_strdup_printf ("[checkin]\nstaff-endpoint=%s\nstaff-format=json\n", url);
  g_assert_true (g_file_set_contents (f->config_path, ini, -1, NULL));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  jk_test_http_sink_stop (f->sink);
  g_clear_pointer (&f->store, jk_store_free);
  jk_test_remove_tree (f->dir);
  g_free (f->db_path);
  g_free (f->config_path);
  g_free (f->dir);
}

static void
add_appointment (Fixture    *f,
                 const char *uid,
                 const char *code,
                 const char *last_name,
                 const char *dob,
                 int         minutes)
{
  g_autoptr (JkConfig) config = jk_config_new_defaults ();
  gint64 starts = f->now + minutes * 60;
  JkTestAppointment appointment = { uid, code, last_name, dob, starts, starts + 1800, NULL, FALSE };

  jk_test_add_appointment (config, f->db_path, &appointment);
}


static void
ctl (Fixture           *f,
     JkTestRun         *run,
     const char *const *args)
{
  jk_test_run_ctl (run, "en", (const char *const[]) { "--config", f->config_path, "--db", f->db_path, NULL }, args);
}

static JsonObject *
parse_object (const char *text)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

/* ---------------------------------------------------------------------- */

static void
test_checkin_exits (Fixture       *f,
                    gconstpointer  data)
{
  if (!f->same_day)
    {
      g_test_skip ("within an hour of midnight");
      return;
    }
  add_appointment (f, "now", "NOW1", NULL, NULL, 10);
  add_appointment (f, "early", "EARLY1", NULL, NULL, 55);
  add_appointment (f, "late", "LATE1", NULL, NULL, -50);
  add_appointment (f, "person", "PERS1", "Núñez", "1990-04-01", 0);

  {
    g_auto (JkTestRun) run = { 0 };

    ctl (f, &run, (const char *const[]) { "checkin", "--code", "now-1", NULL });
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "Maria N."));
    g_assert_nonnull (strstr (run.out, "Career Services"));
  }
  {
    g_auto (JkTestRun) run = { 0 };
    g_autoptr (JsonObject) result = NULL;

    ctl (f, &run, (const char *const[]) { "checkin", "--code", "NOW1", "--json", NULL });
    g_assert_cmpint (run.status, ==, 0);
    result = parse_object (run.out);
    g_assert_cmpstr (json_object_get_string_member (result, "outcome"), ==, "checked-in");
    g_assert_true (json_object_get_boolean_member (result, "already"));
  }
  {
    g_auto (JkTestRun) run = { 0 };
    g_autoptr (JsonObject) result = NULL;

    ctl (f, &run, (const char *const[]) { "checkin", "--code", "EARLY1", "--json", NULL });
    g_assert_cmpint (run.status, ==, 0);
    result = parse_object (run.out);
    g_assert_cmpstr (json_object_get_string_member (result, "outcome"), ==, "early");
  }
  {
    g_auto (JkTestRun) run = { 0 };

    ctl (f, &run, (const char *const[]) { "checkin", "--code", "LATE1", NULL });
    g_assert_cmpint (run.status, ==, 4);
    g_assert_nonnull (strstr (run.out, "front desk"));
  }
  {
    g_auto (JkTestRun) run = { 0 };

    ctl (f, &run, (const char *const[]) { "checkin", "--last-name", "NUNEZ", "--dob", "1990-04-01", NULL });
    g_assert_cmpint (run.status, ==, 0);
  }
  {
    g_auto (JkTestRun) run = { 0 };

    ctl (f, &run, (const char *const[]) { "checkin", "--code", "NOBODY", NULL });
    g_assert_cmpint (run.status, ==, 3);
  }
  {
    g_auto (JkTestRun) run = { 0 };

    ctl (f, &run, (const char *const[]) { "checkin", "--code", "AB\x07", NULL });
    g_assert_cmpint (run.status, ==, 2);
  }
  {
    g_auto (JkTestRun) run = { 0 };

    ctl (f, &run, (const char *const[]) { "checkin", "--code", "NOW1", "--last-name", "Nunez", NULL });
    g_assert_cmpint (run.status, ==, 2);
  }
  {
    g_auto (JkTestRun) run = { 0 };

    ctl (f, &run, (const char *const[]) { "checkin", "--last-name", "Nunez", "--dob", "01/04/1990", NULL });
    g_assert_cmpint (run.status, ==, 2);
  }
}

static void
test_walkin_arrivals_outbox (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;

  if (!f->same_day)
    {
      g_test_skip ("within an hour of midnight");
      return;
    }
  for (guint i = 1; i <= 2; i++)
    {
      g_auto (JkTestRun) run = { 0 };
      g_autofree char *expected = g_strdup_printf ("Your number is %u.", i);

      ctl (f, &run, (const char *const[]) { "walkin", "--reason", "resume", "--first-name", "Luis", NULL });
      g_assert_cmpint (run.status, ==, 0);
      g_assert_nonnull (strstr (run.out, expected));
      /* As the kiosk's screen says it: the first is next, not "0 people". */
      g_assert_nonnull (strstr (run.out, i == 1 ? "You're next." : "1 person is ahead of you."));
    }
  {
    g_auto (JkTestRun) run = { 0 };

    ctl (f, &run, (const char *const[]) { "walkin", "--reason", "coffee", NULL });
    g_assert_cmpint (run.status, ==, 2);
  }
  {
    g_auto (JkTestRun) run = { 0 };

    ctl (f, &run, (const char *const[]) { "arrivals", "--json", NULL });
    g_assert_cmpint (run.status, ==, 0);
    json_parser_load_from_data (parser, run.out, -1, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (json_array_get_length (json_node_get_array (json_parser_get_root (parser))), ==, 2);
  }
  {
    JsonArray *list = json_node_get_array (json_parser_get_root (parser));
    JsonObject *first = json_array_get_object_element (list, 0);
    g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (first, "id"));
    g_auto (JkTestRun) marked = { 0 };
    g_auto (JkTestRun) unknown = { 0 };
    g_auto (JkTestRun) bad = { 0 };
    g_auto (JkTestRun) listed = { 0 };
    g_autoptr (JsonParser) again = json_parser_new ();

    g_assert_true (json_object_get_null_member (first, "called"));
    ctl (f, &marked, (const char *const[]) { "arrivals", "mark", id, "called", NULL });
    g_assert_cmpint (marked.status, ==, 0);
    ctl (f, &unknown, (const char *const[]) { "arrivals", "mark", "99999", "called", NULL });
    g_assert_cmpint (unknown.status, ==, 3);
    ctl (f, &bad, (const char *const[]) { "arrivals", "mark", id, "gone", NULL });
    g_assert_cmpint (bad.status, ==, 2);
    ctl (f, &listed, (const char *const[]) { "arrivals", "--json", NULL });
    json_parser_load_from_data (again, listed.out, -1, &error);
    g_assert_no_error (error);
    first = json_array_get_object_element (json_node_get_array (json_parser_get_root (again)), 0);
    g_assert_cmpstr (json_object_get_string_member (first, "state"), ==, "called");
    g_assert_nonnull (json_object_get_string_member (first, "called"));
  }
  {
    g_auto (JkTestRun) run = { 0 };
    g_autoptr (JsonObject) status = NULL;

    ctl (f, &run, (const char *const[]) { "outbox", "status", "--json", NULL });
    g_assert_cmpint (run.status, ==, 0);
    status = parse_object (run.out);
    g_assert_cmpint (json_object_get_int_member (status, "waiting"), ==, 2);
    g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (status, "kinds"), "staff"), ==, 2);
  }
  {
    g_auto (JkTestRun) run = { 0 };

    /* The existing listing keeps its form: an array. */
    ctl (f, &run, (const char *const[]) { "outbox", "--json", NULL });
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (run.out[0] == '[');
  }
  {
    g_auto (JkTestRun) run = { 0 };

    jk_test_http_sink_down (f->sink);
    ctl (f, &run, (const char *const[]) { "outbox", "flush", NULL });
    g_assert_cmpint (run.status, ==, 1);
    g_assert_cmpuint (jk_test_http_sink_count (f->sink), ==, 0);
  }
  /* Due again now, as if the backoff had passed. */
  g_assert_true (jk_store_exec (f->store, "UPDATE outbox SET next_attempt = 0", NULL));
  jk_test_http_sink_up (f->sink);
  {
    g_auto (JkTestRun) run = { 0 };
    g_autoptr (JsonObject) flushed = NULL;

    ctl (f, &run, (const char *const[]) { "outbox", "flush", "--json", NULL });
    g_assert_cmpint (run.status, ==, 0);
    flushed = parse_object (run.out);
    g_assert_cmpint (json_object_get_int_member (flushed, "delivered"), ==, 2);
    g_assert_cmpint (json_object_get_int_member (flushed, "waiting"), ==, 0);
    g_assert_cmpuint (jk_test_http_sink_count (f->sink), ==, 2);
  }
}

int
main (int   argc,
      char *argv[])
{
  /* The kiosk's day is the local one, and these appointments lie an hour
   * either side of now: run this test and the jobkioskctl it starts in a
   * fixed zone where it is about noon now, so a suite run near midnight
   * tests the same as any other (POSIX TZ: "JKT-3" is three hours east). */
  {
    g_autoptr (GDateTime) utc = g_date_time_new_now_utc ();
    g_autofree char *zone = g_strdup_printf ("JKT%+d", g_date_time_get_hour (utc) - 12);

    g_setenv ("TZ", zone, TRUE);
    tzset ();
  }
  g_test_init (&argc, &argv, NULL);

  JK_TEST_ADD ("/cli-checkin/checkin-exits", Fixture, test_checkin_exits);
  JK_TEST_ADD ("/cli-checkin/walkin-arrivals-outbox", Fixture, test_walkin_arrivals_outbox);
  return g_test_run ();
}
