/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli-metrics.c: jobkioskctl metrics (promtool accepts it, its numbers, the file it writes) and config check */

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <jobkiosk/jk-store.h>
#include <string.h>
#include <unistd.h>

#include "store/jk-store-private.h"
#include "jk-test.h"
#include "jk-test-cli.h"
#include "jk-test-proc.h"

typedef struct {
  char *dir;
  char *db;
  char *config;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("jk-test-cli-metrics-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db = g_build_filename (fixture->dir, "kiosk.db", NULL);
  fixture->config = g_build_filename (fixture->dir, "kiosk.conf", NULL);
  g_assert_true (g_file_set_contents (fixture->config, "", 0, NULL));
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
     const char *const  *args)
{
  const char *const head[] = { "--config", fixture->config, "--db", fixture->db, NULL };

  jk_test_run_ctl (run, "en", head, args);
}

#define CTL(fixture, run, ...) ctl (fixture, run, (const char *const[]) { __VA_ARGS__, NULL })

static void
exec_sql (Fixture    *fixture,
          const char *sql)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JkStore) store = jk_store_open (fixture->db, &error);

  g_assert_no_error (error);
  jk_store_exec (store, sql, &error);
  g_assert_no_error (error);
}

static char *
today (int days_ago)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GDateTime) then = g_date_time_add_days (now, -days_ago);

  return g_date_time_format (then, "%Y-%m-%d");
}

/* A cache with a synced source of 10 postings, a source never synced
 * whose name needs escaping, an outbox row, print jobs and visits. */
static void
fill (Fixture *fixture)
{
  g_autofree char *v1 = g_test_build_filename (G_TEST_DIST, "data", "sync", "feed-v1.xml", NULL);
  g_autofree char *day = today (0);
  g_autofree char *yesterday = today (1);
  g_autofree char *sql = NULL;
  g_auto (JkTestRun) sync = { 0 };

  CTL (fixture, &sync, "sync", "--name", "bank", v1);
  g_assert_cmpint (sync.status, ==, 0);
  sql = g_strdup_printf (
    "INSERT INTO sources (name, url) VALUES ('we\"ird\\', 'http://127.0.0.1/x.xml');"
    "INSERT INTO outbox (kind, idempotency_key, nonce, sealed, created, next_attempt)"
    " VALUES ('mail', 'k1', x'00', x'00', 0, 0);"
    "INSERT INTO print_jobs (kind, pages, copies, day, submitted, state) VALUES"
    " ('resume', 3, 2, '%s', 0, 'printed'), ('job', 5, 1, '%s', 0, 'failed'), ('job', 1, 1, '%s', 0, 'printed');"
    "INSERT INTO usage_hours (day, hour, what, count) VALUES"
    " ('%s', 9, 'visits', 4), ('%s', 10, 'visits', 3), ('%s', 10, 'searches', 50), ('%s', 9, 'visits', 20);",
    day, day, yesterday, day, day, day, yesterday);
  exec_sql (fixture, sql);
}

static gboolean
has_line (const char *text,
          const char *line)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);

  return g_strv_contains ((const char *const *) lines, line);
}

#define assert_line(text, line) \
  G_STMT_START { if (!has_line ((text), (line))) g_error ("no line “%s” in:\n%s", (line), (text)); } G_STMT_END

/* promtool, Prometheus' own checker, accepts what is written. */
static void
test_promtool (Fixture       *fixture,
               gconstpointer  data)
{
  const char *promtool = g_getenv ("JK_TEST_PROMTOOL");
  g_auto (JkTestRun) metrics = { 0 };
  g_autoptr (GSubprocess) check = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_nonnull (promtool);
  fill (fixture);
  CTL (fixture, &metrics, "metrics");
  g_assert_cmpint (metrics.status, ==, 0);
  check = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                            G_SUBPROCESS_FLAGS_STDERR_PIPE, &error, promtool, "check", "metrics", NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (check, metrics.out, NULL, &out, &err, &error);
  g_assert_no_error (error);
  if (!g_subprocess_get_successful (check))
    g_error ("promtool refused:\n%s%s\n%s", out, err, metrics.out);
}

static void
test_values (Fixture       *fixture,
             gconstpointer  data)
{
  g_auto (JkTestRun) metrics = { 0 };

  fill (fixture);
  CTL (fixture, &metrics, "metrics");
  g_assert_cmpint (metrics.status, ==, 0);

  assert_line (metrics.out, "jobkiosk_feed_postings{source=\"bank\"} 10");
  assert_line (metrics.out, "jobkiosk_feed_state{source=\"bank\",state=\"ok\"} 1");
  assert_line (metrics.out, "jobkiosk_feed_state{source=\"bank\",state=\"new\"} 0");
  assert_line (metrics.out, "jobkiosk_feed_last_error_code{source=\"bank\"} 0");
  /* Never synced: +Inf, and its name escaped. */
  assert_line (metrics.out, "jobkiosk_feed_age_seconds{source=\"we\\\"ird\\\\\"} +Inf");
  assert_line (metrics.out, "jobkiosk_feed_state{source=\"we\\\"ird\\\\\",state=\"new\"} 1");
  assert_line (metrics.out, "jobkiosk_outbox_backlog{kind=\"mail\"} 1");
  assert_line (metrics.out, "jobkiosk_outbox_backlog{kind=\"staff\"} 0");
  /* 3 pages twice today; the failed job and yesterday's do not count. */
  assert_line (metrics.out, "jobkiosk_print_pages_today 6");
  assert_line (metrics.out, "jobkiosk_visits_today 7");
  /* CUPS is not there (CUPS_SERVER is a closed port): unreachable, at once. */
  assert_line (metrics.out, "jobkiosk_printer_state{state=\"unreachable\"} 1");
  assert_line (metrics.out, "jobkiosk_printer_state{state=\"idle\"} 0");
  g_assert_nonnull (strstr (metrics.out, "\njobkiosk_build_info{version=\""));
  g_assert_nonnull (strstr (metrics.out, "\njobkiosk_database_size_bytes "));
  g_assert_null (strstr (metrics.out, "jobkiosk_database_size_bytes 0\n"));
}

/* An empty usage table and no sources are numbers too, not errors. */
static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  g_auto (JkTestRun) metrics = { 0 };

  exec_sql (fixture, "SELECT 1");
  CTL (fixture, &metrics, "metrics");
  g_assert_cmpint (metrics.status, ==, 0);
  assert_line (metrics.out, "jobkiosk_visits_today 0");
  assert_line (metrics.out, "jobkiosk_print_pages_today 0");
  g_assert_null (strstr (metrics.out, "{source="));
}

static void
test_output_file (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *file = g_build_filename (fixture->dir, "jobkiosk.prom", NULL);
  g_autofree char *tmp = g_strconcat (file, ".tmp", NULL);
  g_autofree char *configured = g_build_filename (fixture->dir, "configured.prom", NULL);
  g_autofree char *config = g_strdup_printf ("[metrics]\ntextfile = %s\n", configured);
  g_autofree char *text = NULL;
  g_auto (JkTestRun) written = { 0 };
  g_auto (JkTestRun) by_config = { 0 };

  fill (fixture);
  CTL (fixture, &written, "metrics", "--output", file);
  g_assert_cmpint (written.status, ==, 0);
  g_assert_cmpstr (written.out, ==, "");
  g_assert_true (g_file_get_contents (file, &text, NULL, NULL));
  assert_line (text, "jobkiosk_feed_postings{source=\"bank\"} 10");
  g_assert_false (g_file_test (tmp, G_FILE_TEST_EXISTS));

  /* Without --output, [metrics] textfile. */
  g_assert_true (g_file_set_contents (fixture->config, config, -1, NULL));
  CTL (fixture, &by_config, "metrics");
  g_assert_cmpint (by_config.status, ==, 0);
  g_assert_cmpstr (by_config.out, ==, "");
  g_clear_pointer (&text, g_free);
  g_assert_true (g_file_get_contents (configured, &text, NULL, NULL));
  assert_line (text, "jobkiosk_outbox_backlog{kind=\"mail\"} 1");
}

/* A folder that cannot be written: a plain error, exit 1, the old file
 * as it was. */
static void
test_unwritable (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (fixture->dir, "textfile", NULL);
  g_autofree char *file = g_build_filename (folder, "jobkiosk.prom", NULL);
  g_autofree char *tmp = g_strconcat (file, ".tmp", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "no-such-folder", "jobkiosk.prom", NULL);
  g_autofree char *text = NULL;
  g_auto (JkTestRun) refused = { 0 };
  g_auto (JkTestRun) nowhere = { 0 };

  fill (fixture);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (file, "old\n", -1, NULL));
  /* Root writes through any mode bits: where the new file would go is
   * taken by a folder, which stops root too. */
  if (getuid () == 0)
    g_assert_cmpint (g_mkdir (tmp, 0700), ==, 0);
  else
    g_assert_cmpint (g_chmod (folder, 0500), ==, 0);
  CTL (fixture, &refused, "metrics", "--output", file);
  g_chmod (folder, 0700);
  g_assert_cmpint (refused.status, ==, 1);
  g_assert_cmpstr (refused.out, ==, "");
  g_assert_nonnull (strstr (refused.err, "jobkioskctl metrics: Cannot write"));
  g_assert_true (g_file_get_contents (file, &text, NULL, NULL));
  g_assert_cmpstr (text, ==, "old\n");

  CTL (fixture, &nowhere, "metrics", "--output", missing);
  g_assert_cmpint (nowhere.status, ==, 1);
  g_assert_nonnull (strstr (nowhere.err, "Cannot write"));
}

/* config check: a value and its origin per line, problems, exit 1. */
static void
test_config_check (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *conf_d = g_build_filename (fixture->dir, "conf.d", NULL);
  g_autofree char *dropin = g_build_filename (conf_d, "50-staff.conf", NULL);
  g_autofree char *expect = NULL;
  g_autofree char *problem = NULL;
  g_auto (JkTestRun) good = { 0 };
  g_auto (JkTestRun) json = { 0 };
  g_auto (JkTestRun) bad = { 0 };

  g_assert_true (g_file_set_contents (fixture->config,
                                      "[kiosk]\nname = Kiosk 9\n"
                                      "[source bank]\nurl = http://127.0.0.1/f.xml\nheader-X-Key = sekrit\n", -1, NULL));
  g_assert_cmpint (g_mkdir (conf_d, 0700), ==, 0);
  g_assert_true (g_file_set_contents (dropin, "[staff]\nidle-minutes = 7\n", -1, NULL));
  CTL (fixture, &good, "config", "check");
  g_assert_cmpint (good.status, ==, 0);
  expect = g_strdup_printf ("[staff] idle-minutes = 7    # %s:2", dropin);
  assert_line (good.out, expect);
  g_clear_pointer (&expect, g_free);
  expect = g_strdup_printf ("[kiosk] name = Kiosk 9    # %s:2", fixture->config);
  assert_line (good.out, expect);
  assert_line (good.out, "[kiosk] language = en    # default");
  assert_line (good.out, "[usage] report-dir =     # default");
  g_clear_pointer (&expect, g_free);
  expect = g_strdup_printf ("[source bank] header-X-Key = (set)    # %s:5", fixture->config);
  assert_line (good.out, expect);
  g_assert_null (strstr (good.out, "sekrit"));
  assert_line (good.out, "No problems found.");

  CTL (fixture, &json, "config", "check", "--json");
  g_assert_cmpint (json.status, ==, 0);
  {
    g_autoptr (JsonParser) parser = json_parser_new ();
    g_autoptr (GError) error = NULL;
    JsonObject *root;
    JsonArray *values;
    gboolean found = FALSE;

    json_parser_load_from_data (parser, json.out, -1, &error);
    g_assert_no_error (error);
    root = json_node_get_object (json_parser_get_root (parser));
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "problems")), ==, 0);
    values = json_object_get_array_member (root, "values");
    for (guint i = 0; i < json_array_get_length (values); i++)
      {
        JsonObject *value = json_array_get_object_element (values, i);

        if (!g_str_equal (json_object_get_string_member (value, "key"), "idle-minutes"))
          continue;
        found = TRUE;
        g_assert_cmpstr (json_object_get_string_member (value, "group"), ==, "staff");
        g_assert_cmpstr (json_object_get_string_member (value, "value"), ==, "7");
        g_assert_cmpstr (json_object_get_string_member (value, "file"), ==, dropin);
        g_assert_cmpint (json_object_get_int_member (value, "line"), ==, 2);
      }
    g_assert_true (found);
  }

  g_assert_true (g_file_set_contents (dropin, "[staff]\nidle-minutes = forever\n", -1, NULL));
  CTL (fixture, &bad, "config", "check");
  g_assert_cmpint (bad.status, ==, 1);
  problem = g_strdup_printf ("problem: %s:2: [staff] idle-minutes: \"forever\" is not a whole number from 1 to 60; "
                             "using the default (3)", dropin);
  assert_line (bad.out, problem);
  assert_line (bad.out, "[staff] idle-minutes = 3    # default");
  assert_line (bad.out, "1 problem found.");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* No CUPS here: a closed loopback port refuses at once. */
  g_setenv ("CUPS_SERVER", "127.0.0.1:1", TRUE);
  JK_TEST_ADD ("/cli-metrics/promtool", Fixture, test_promtool);
  JK_TEST_ADD ("/cli-metrics/values", Fixture, test_values);
  JK_TEST_ADD ("/cli-metrics/empty", Fixture, test_empty);
  JK_TEST_ADD ("/cli-metrics/output-file", Fixture, test_output_file);
  JK_TEST_ADD ("/cli-metrics/unwritable", Fixture, test_unwritable);
  JK_TEST_ADD ("/cli-config/check", Fixture, test_config_check);
  return g_test_run ();
}
