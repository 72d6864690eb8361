/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli-appointments.c: jobkioskctl appointments import and sync: exit codes, what they say, what they keep */

#include <json-glib/json-glib.h>
#include <jobkiosk/jk-store.h>
#include <string.h>

#include "store/jk-store-private.h"
#include "jk-test.h"
#include "jk-test-cli.h"
#include "jk-test-proc.h"

typedef struct {
  char *dir;
  char *db;
  char *config;
} Fixture;

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "checkin", name, NULL);
}

static void
copy_fixture (const char *name,
              const char *dest)
{
  g_autofree char *path = fixture_path (name);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (dest, contents, length, NULL));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("jk-test-cli-appointments-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db = g_build_filename (fixture->dir, "kiosk.db", NULL);
  fixture->config = g_build_filename (fixture->dir, "kiosk.conf", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  jk_test_remove_tree (fixture->dir);
  g_free (fixture->db);
  g_free (fixture->config);
  g_free (fixture->dir);
}

static void
ctl (Fixture            *fixture,
     JkTestRun          *run,
     const char         *language,
     const char *const  *args)
{
  const char *const head[] = { "--config", fixture->config, "--db", fixture->db, NULL };

  if (!g_file_test (fixture->config, G_FILE_TEST_EXISTS))
    g_assert_true (g_file_set_contents (fixture->config, "", 0, NULL));
  jk_test_run_ctl (run, language, head, args);
}

#define CTL(fixture, run, language, ...) ctl (fixture, run, language, (const char *const[]) { __VA_ARGS__, NULL })

static guint
count_rows (Fixture *fixture)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JkStore) store = jk_store_open (fixture->db, &error);
  g_autoptr (sqlite3_stmt) select = NULL;

  g_assert_no_error (error);
  select = jk_store_prepare (store, "SELECT count(*) FROM appointments", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (select), ==, SQLITE_ROW);
  return (guint) sqlite3_column_int (select, 0);
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static void
test_import (Fixture       *fixture,
             gconstpointer  data)
{
  g_auto (JkTestRun) run = { 0 };
  g_auto (JkTestRun) plain = { 0 };
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *path = fixture_path ("cancelled.ics");
  JsonObject *report;

  CTL (fixture, &run, "en", "appointments", "import", path, "--day", "2026-03-09", "--json");
  g_assert_cmpint (run.status, ==, 0);
  root = parse_json (run.out);
  report = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (report, "source"), ==, "cancelled.ics");
  g_assert_cmpint (json_object_get_int_member (report, "events"), ==, 4);
  g_assert_cmpint (json_object_get_int_member (report, "kept"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (report, "cancelled"), ==, 2);
  g_assert_cmpuint (count_rows (fixture), ==, 3);

  /* In words; the problems listed under it, never an event's text. */
  path = (g_free (path), fixture_path ("hostile.ics"));
  CTL (fixture, &plain, "en", "appointments", "import", path, "--day", "2026-03-09");
  g_assert_cmpint (plain.status, ==, 0);
  g_assert_nonnull (strstr (plain.out, "hostile.ics: 3 events read, 1 appointments kept"));
  g_assert_nonnull (strstr (plain.out, "event 3: DTSTART"));
  g_assert_null (strstr (plain.out, "SUMMARYSECRET"));
}

/* A truncated calendar: exit 1, why on stderr, the rows of before kept. */
static void
test_import_refused (Fixture       *fixture,
                     gconstpointer  data)
{
  g_auto (JkTestRun) good = { 0 };
  g_auto (JkTestRun) refused = { 0 };
  g_auto (JkTestRun) json = { 0 };
  g_autofree char *calendar = g_build_filename (fixture->dir, "center.ics", NULL);
  g_autoptr (JsonNode) root = NULL;

  copy_fixture ("center-dst.ics", calendar);
  CTL (fixture, &good, "en", "appointments", "import", calendar, "--day", "2026-03-06", "--days-ahead", "3");
  g_assert_cmpint (good.status, ==, 0);
  g_assert_nonnull (strstr (good.out, "center.ics: 4 events read, 4 appointments kept"));
  copy_fixture ("truncated.ics", calendar);
  CTL (fixture, &refused, "en", "appointments", "import", calendar, "--day", "2026-03-06", "--days-ahead", "3");
  g_assert_cmpint (refused.status, ==, 1);
  g_assert_nonnull (strstr (refused.err, "END:VCALENDAR"));
  g_assert_cmpuint (count_rows (fixture), ==, 4);
  CTL (fixture, &json, "en", "appointments", "import", calendar, "--json");
  g_assert_cmpint (json.status, ==, 1);
  root = parse_json (json.out);
  g_assert_nonnull (json_object_get_string_member (json_node_get_object (root), "error"));
}

static void
test_usage (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *path = fixture_path ("center-dst.ics");
  const char *const *cases[] = {
    (const char *const[]) { "appointments", NULL },
    (const char *const[]) { "appointments", "list", NULL },
    (const char *const[]) { "appointments", "import", NULL },
    (const char *const[]) { "appointments", "import", path, "--day", "2026-02-30", NULL },
    (const char *const[]) { "appointments", "import", path, "--days-ahead", "-1", NULL },
    (const char *const[]) { "appointments", "sync", "extra", NULL },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto (JkTestRun) run = { 0 };

      ctl (fixture, &run, "en", cases[i]);
      g_assert_cmpint (run.status, ==, 2);
    }
}

/* Two calendars, one missing: exit 1, the good one kept; then unchanged. */
static void
test_sync (Fixture       *fixture,
           gconstpointer  data)
{
  g_auto (JkTestRun) first = { 0 };
  g_auto (JkTestRun) second = { 0 };
  g_auto (JkTestRun) none = { 0 };
  g_autofree char *calendar = g_build_filename (fixture->dir, "center.ics", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.ics", NULL);
  g_autofree char *text = g_strdup_printf ("[checkin]\ncalendars=%s;%s\n", calendar, missing);
  g_autoptr (JsonNode) root = NULL;
  JsonArray *reports;

  CTL (fixture, &none, "en", "appointments", "sync");
  g_assert_cmpint (none.status, ==, 1);
  g_assert_nonnull (strstr (none.err, "[checkin]"));

  copy_fixture ("center-dst.ics", calendar);
  g_assert_true (g_file_set_contents (fixture->config, text, -1, NULL));
  CTL (fixture, &first, "en", "appointments", "sync", "--json");
  g_assert_cmpint (first.status, ==, 1);
  root = parse_json (first.out);
  reports = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (reports), ==, 2);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (reports, 0), "events"), ==, 4);
  g_assert_true (json_object_get_null_member (json_array_get_object_element (reports, 0), "error"));
  g_assert_nonnull (json_object_get_string_member (json_array_get_object_element (reports, 1), "error"));

  g_free (text);
  text = g_strdup_printf ("[checkin]\ncalendars=%s\n", calendar);
  g_assert_true (g_file_set_contents (fixture->config, text, -1, NULL));
  CTL (fixture, &second, "en", "appointments", "sync");
  g_assert_cmpint (second.status, ==, 0);
  g_assert_nonnull (strstr (second.out, "unchanged"));
}

/* The demo's calendar, named relative to the configuration as the demo
 * names it, has an appointment to check in for at any hour. */
static void
test_demo_calendar (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *demo = g_test_build_filename (G_TEST_DIST, "..", "data", "demo", "appointments.ics", NULL);
  g_autofree char *copy = g_build_filename (fixture->dir, "appointments.ics", NULL);
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  int minutes = g_date_time_get_hour (now) * 60 + g_date_time_get_minute (now);
  /* The slot that started at most 14 minutes ago, else the next one:
   * either is inside the window (30 minutes before to 15 after). */
  int slot = minutes % 30 <= 14 ? minutes - minutes % 30 : minutes - minutes % 30 + 30;
  g_autofree char *code = g_strdup_printf ("DEMO%02d%02d", slot / 60, slot % 60);
  g_auto (JkTestRun) synced = { 0 };
  g_auto (JkTestRun) checked = { 0 };
  gsize length;
  g_autofree char *contents = NULL;

  g_assert_true (g_file_get_contents (demo, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (copy, contents, length, NULL));
  g_assert_true (g_file_set_contents (fixture->config, "[checkin]\ncalendars = appointments.ics\n", -1, NULL));
  CTL (fixture, &synced, "en", "appointments", "sync");
  g_assert_cmpint (synced.status, ==, 0);
  g_assert_nonnull (strstr (synced.out, "48 events read"));
  CTL (fixture, &checked, "en", "checkin", "--code", code);
  if (slot == 24 * 60)
    /* 23:45 to midnight: the next slot is tomorrow's, the last one too old. */
    g_assert_cmpint (checked.status, ==, 4);
  else
    {
      g_assert_cmpint (checked.status, ==, 0);
      g_assert_nonnull (strstr (checked.out, "Welcome"));
    }
}

int
main (int    argc,
      char **argv)
{
  /* The kiosk's zone for --day, in this process and jobkioskctl's. */
  g_setenv ("TZ", "America/New_York", TRUE);
  g_test_init (&argc, &argv, NULL);
  JK_TEST_ADD ("/cli/appointments/import", Fixture, test_import);
  JK_TEST_ADD ("/cli/appointments/import-refused", Fixture, test_import_refused);
  JK_TEST_ADD ("/cli/appointments/usage", Fixture, test_usage);
  JK_TEST_ADD ("/cli/appointments/sync", Fixture, test_sync);
  JK_TEST_ADD ("/cli/appointments/demo-calendar", Fixture, test_demo_calendar);
  return g_test_run ();
}
