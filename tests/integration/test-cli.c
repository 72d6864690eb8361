/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli.c: the command-line contracts of jobkioskctl and jobkiosk */

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <jobkiosk/jk-store.h>
#include <sqlite3.h>

#include "jk-test-cli.h"
#include "jk-test-proc.h"

static char *tmp_dir;

/* Runs a built program with the test environment, minus any display. */
static void
run_program (JkTestRun         *run,
             const char        *env_var,
             const char *const *args)
{
  g_auto (GStrv) envp = g_get_environ ();

  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  jk_test_run_program (run, env_var, (const char *const *) envp, NULL, args);
}

#define CTL(run, ...) run_program (run, "JK_JOBKIOSKCTL", (const char *const[]) { __VA_ARGS__, NULL })
#define GUI(run, ...) run_program (run, "JK_JOBKIOSK", (const char *const[]) { __VA_ARGS__, NULL })

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

static char *
fresh_db_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

static void
test_version (void)
{
  g_auto (JkTestRun) ctl = { 0 };
  g_auto (JkTestRun) gui = { 0 };

  CTL (&ctl, "--version");
  g_assert_cmpint (ctl.status, ==, 0);
  g_assert_true (g_str_has_prefix (ctl.out, "jobkioskctl "));
  /* --version needs no display. */
  GUI (&gui, "--version");
  g_assert_cmpint (gui.status, ==, 0);
  g_assert_true (g_str_has_prefix (gui.out, "jobkiosk "));
}

static void
test_bad_usage (void)
{
  g_auto (JkTestRun) none = { 0 };
  g_auto (JkTestRun) unknown = { 0 };
  g_auto (JkTestRun) bad_option = { 0 };
  g_auto (JkTestRun) missing_value = { 0 };

  CTL (&none, "--db", "/dev/null/x");
  g_assert_cmpint (none.status, ==, 2);
  g_assert_nonnull (strstr (none.err, "Usage"));
  CTL (&unknown, "frobnicate");
  g_assert_cmpint (unknown.status, ==, 2);
  g_assert_nonnull (strstr (unknown.err, "frobnicate"));
  CTL (&bad_option, "status", "--no-such-option");
  g_assert_cmpint (bad_option.status, ==, 2);
  CTL (&missing_value, "--db");
  g_assert_cmpint (missing_value.status, ==, 2);
}

static void
test_status_json_demo (void)
{
  g_autofree char *db = fresh_db_path ("status.db");
  g_auto (JkTestRun) run = { 0 };
  g_autoptr (JsonObject) status = NULL;

  CTL (&run, "--db", db, "status", "--json");
  g_assert_cmpint (run.status, ==, 0);
  status = parse_object (run.out);
  g_assert_cmpstr (json_object_get_string_member (status, "database"), ==, db);
  g_assert_cmpint (json_object_get_int_member (status, "schema_version"), ==, jk_store_get_latest_version ());
  g_assert_cmpstr (json_object_get_string_member (status, "mode"), ==, "demo");
  g_assert_true (json_object_get_null_member (status, "database_moved_aside"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (status, "config_problems")), ==, 0);
  g_assert_nonnull (strstr (json_object_get_string_member (status, "config_file"), "demo"));
  g_assert_true (g_file_test (db, G_FILE_TEST_EXISTS));
}

/* Run from the build tree with no JOBKIOSK_DATADIR, jobkioskctl finds the
 * demo in the source tree (the jobkiosk-uninstalled.ini meson writes beside
 * it), not under the install prefix, and says nothing about it. */
static void
test_status_from_build_tree (void)
{
  g_autofree char *db = fresh_db_path ("build-tree.db");
  g_autofree char *datadir = g_strdup (g_getenv ("JOBKIOSK_DATADIR"));
  g_autofree char *demo = NULL;
  g_autofree char *config_file = NULL;
  g_auto (JkTestRun) run = { 0 };
  g_autoptr (JsonObject) status = NULL;

  g_assert_nonnull (datadir);
  g_unsetenv ("JOBKIOSK_DATADIR");
  CTL (&run, "--db", db, "status", "--json");
  g_setenv ("JOBKIOSK_DATADIR", datadir, TRUE);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  status = parse_object (run.out);
  g_assert_cmpstr (json_object_get_string_member (status, "mode"), ==, "demo");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (status, "config_problems")), ==, 0);
  demo = g_canonicalize_filename ("demo/jobkiosk.conf", datadir);
  config_file = g_canonicalize_filename (json_object_get_string_member (status, "config_file"), NULL);
  g_assert_cmpstr (config_file, ==, demo);
}

static void
test_status_configured (void)
{
  g_autofree char *config = g_test_build_filename (G_TEST_DIST, "data", "config", "bad-values.conf", NULL);
  g_autofree char *db = fresh_db_path ("configured.db");
  g_auto (JkTestRun) run = { 0 };
  g_auto (JkTestRun) text = { 0 };
  g_autoptr (JsonObject) status = NULL;

  CTL (&run, "--config", config, "--db", db, "status", "--json");
  g_assert_cmpint (run.status, ==, 0);
  status = parse_object (run.out);
  g_assert_cmpstr (json_object_get_string_member (status, "mode"), ==, "configured");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (status, "config_problems")), ==, 6);
  /* The warnings also reach the log (stderr), naming file, line and key. */
  g_assert_nonnull (strstr (run.err, "bad-values.conf:4: [kiosk] idle-timeout"));

  CTL (&text, "--config", config, "--db", db, "status");
  g_assert_cmpint (text.status, ==, 0);
  g_assert_nonnull (strstr (text.out, "problem:"));
}

static void
test_missing_config_fails (void)
{
  g_autofree char *garbage_file = g_test_build_filename (G_TEST_DIST, "data", "config", "garbage.conf", NULL);
  g_auto (JkTestRun) ctl = { 0 };
  g_auto (JkTestRun) garbage = { 0 };
  g_auto (JkTestRun) gui = { 0 };

  CTL (&ctl, "--config", "/nonexistent/jobkiosk.conf", "status");
  g_assert_cmpint (ctl.status, ==, 1);
  g_assert_nonnull (strstr (ctl.err, "/nonexistent/jobkiosk.conf"));
  /* The message says what happens: nothing, as the exit code says. */
  g_assert_nonnull (strstr (ctl.err, "Nothing was done"));
  CTL (&garbage, "--config", garbage_file, "status");
  g_assert_cmpint (garbage.status, ==, 1);
  g_assert_nonnull (strstr (garbage.err, "garbage.conf"));
  g_assert_null (strstr (garbage.err, "ignored"));
  g_assert_nonnull (strstr (garbage.err, "Nothing was done"));
  GUI (&gui, "--config", "/nonexistent/jobkiosk.conf");
  g_assert_cmpint (gui.status, ==, 1);
  g_assert_nonnull (strstr (gui.err, "Cannot read the configuration file"));
}

static guint
count_files (const char *dir_path)
{
  g_autoptr (GDir) dir = g_dir_open (dir_path, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

/* --db notes.txt: any file that is not a Job Kiosk database is refused in
 * plain words and left as it was, by every command and by the window. */
static void
test_not_sqlite_refused (void)
{
  g_autofree char *dir = fresh_db_path ("notes");
  g_autofree char *notes = g_build_filename (dir, "notes.txt", NULL);
  g_autofree char *v1 = g_test_build_filename (G_TEST_DIST, "data", "sync", "feed-v1.xml", NULL);
  g_autoptr (GBytes) before = NULL;
  g_autoptr (GBytes) after = NULL;
  g_auto (JkTestRun) status = { 0 };
  g_auto (JkTestRun) sync = { 0 };
  g_auto (JkTestRun) gui = { 0 };

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (notes, "Call the printer company on Monday.\n", -1, NULL));
  before = jk_test_read_bytes (notes);

  CTL (&status, "--db", notes, "status");
  g_assert_cmpint (status.status, ==, 1);
  g_assert_nonnull (strstr (status.err, "not a Job Kiosk database"));
  g_assert_nonnull (strstr (status.err, notes));
  g_assert_null (strstr (status.err, "damaged"));
  CTL (&sync, "--db", notes, "sync", "--name", "bank", v1);
  g_assert_cmpint (sync.status, ==, 1);
  GUI (&gui, "--db", notes);
  g_assert_cmpint (gui.status, ==, 1);
  g_assert_nonnull (strstr (gui.err, "not a Job Kiosk database"));

  after = jk_test_read_bytes (notes);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpuint (count_files (dir), ==, 1);
}

/* A Job Kiosk database, closed cleanly, then its postings' table
 * overwritten on disk: its schema and the sources' rows stay readable, so
 * only a check finds the damage. */
static void
make_damaged_database (const char *db)
{
  g_autofree char *v2 = g_test_build_filename (G_TEST_DIST, "data", "sync", "feed-v2.xml", NULL);
  g_auto (JkTestRun) synced = { 0 };
  g_autofree char *contents = NULL;
  sqlite3 *raw = NULL;
  sqlite3_stmt *stmt = NULL;
  gsize length, page;

  CTL (&synced, "--db", db, "sync", "--name", "bank", v2);
  g_assert_cmpint (synced.status, ==, 0);
  g_assert_cmpint (sqlite3_open_v2 (db, &raw, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (raw, "SELECT rootpage FROM sqlite_master WHERE name = 'jobs'", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  page = (gsize) sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (raw);

  g_assert_true (g_file_get_contents (db, &contents, &length, NULL));
  g_assert_cmpuint (length, >=, page * 4096);
  for (gsize i = (page - 1) * 4096; i < page * 4096; i++)
    contents[i] = (char) (i * 31 + 5);
  g_assert_true (g_file_set_contents (db, contents, (gssize) length, NULL));
}

/* The command line meets a damaged database as the window does: it is
 * moved aside and a new one made, for reading commands and writing ones;
 * never served from or synced into. */
static void
test_damaged_database_moved_aside (void)
{
  g_autofree char *for_gui = fresh_db_path ("damaged-gui.db");
  g_autofree char *for_status = fresh_db_path ("damaged-status.db");
  g_autofree char *for_sync = fresh_db_path ("damaged-sync.db");
  g_autofree char *v1 = g_test_build_filename (G_TEST_DIST, "data", "sync", "feed-v1.xml", NULL);
  g_auto (JkTestRun) gui = { 0 };
  g_auto (JkTestRun) status = { 0 };
  g_auto (JkTestRun) sync = { 0 };
  g_autoptr (JsonObject) root = NULL;

  make_damaged_database (for_gui);
  make_damaged_database (for_status);
  make_damaged_database (for_sync);

  /* With no display the window stops after opening its database. */
  GUI (&gui, "--db", for_gui);
  g_assert_cmpint (gui.status, ==, 1);
  g_assert_nonnull (strstr (gui.err, "moved to"));

  CTL (&status, "--db", for_status, "status", "--json");
  g_assert_cmpint (status.status, ==, 0);
  g_assert_nonnull (strstr (status.err, "moved to"));
  root = parse_object (status.out);
  g_assert_true (g_file_test (json_object_get_string_member (root, "database_moved_aside"), G_FILE_TEST_EXISTS));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "sources")), ==, 0);

  CTL (&sync, "--db", for_sync, "sync", "--name", "bank", v1);
  g_assert_cmpint (sync.status, ==, 0);
  g_assert_nonnull (strstr (sync.err, "moved to"));
  g_assert_cmpstr (sync.out, ==, "bank: 10 added, 0 updated, 0 removed, 0 unchanged, 0 expired (10 active)\n");
}

static void
test_unusable_database_folder (void)
{
  g_autofree char *blocker = fresh_db_path ("a-file");
  g_autofree char *db = g_build_filename (blocker, "jobkiosk.db", NULL);
  g_auto (JkTestRun) ctl = { 0 };
  g_auto (JkTestRun) gui = { 0 };

  g_assert_true (g_file_set_contents (blocker, "x", -1, NULL));
  CTL (&ctl, "--db", db, "status");
  g_assert_cmpint (ctl.status, ==, 1);
  g_assert_nonnull (strstr (ctl.err, "Cannot create the folder"));
  GUI (&gui, "--db", db);
  g_assert_cmpint (gui.status, ==, 1);
  g_assert_nonnull (strstr (gui.err, "Cannot create the folder"));
}

static void
test_gui_without_display (void)
{
  g_autofree char *db = fresh_db_path ("nodisplay.db");
  g_auto (JkTestRun) gui = { 0 };

  GUI (&gui, "--db", db);
  g_assert_cmpint (gui.status, ==, 1);
  g_assert_nonnull (strstr (gui.err, "No display was found"));
}

static char *
sync_fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "sync", name, NULL);
}

static JsonArray *
parse_array (const char *text)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)));
  return json_array_ref (json_node_get_array (json_parser_get_root (parser)));
}

/* The sync contract: a line per source, exit 0 / 3 / 2. */
static void
test_sync_exit_codes (void)
{
  g_autofree char *db = fresh_db_path ("sync.db");
  g_autofree char *v1 = sync_fixture ("feed-v1.xml");
  g_autofree char *small = sync_fixture ("feed-small.xml");
  g_autofree char *truncated = sync_fixture ("feed-truncated.xml");
  g_auto (JkTestRun) first = { 0 };
  g_auto (JkTestRun) again = { 0 };
  g_auto (JkTestRun) refused = { 0 };
  g_auto (JkTestRun) broken = { 0 };
  g_auto (JkTestRun) missing = { 0 };
  g_auto (JkTestRun) bad_format = { 0 };
  g_auto (JkTestRun) status = { 0 };
  g_autoptr (JsonObject) root = NULL;
  JsonObject *source;

  CTL (&first, "--db", db, "sync", "--name", "bank", v1);
  g_assert_cmpint (first.status, ==, 0);
  g_assert_cmpstr (first.out, ==, "bank: 10 added, 0 updated, 0 removed, 0 unchanged, 0 expired (10 active)\n");
  CTL (&again, "--db", db, "sync", "--name", "bank", v1);
  g_assert_cmpint (again.status, ==, 0);
  g_assert_nonnull (strstr (again.out, "bank: unchanged"));

  CTL (&refused, "--db", db, "sync", "--name", "bank", small);
  g_assert_cmpint (refused.status, ==, 3);
  g_assert_nonnull (strstr (refused.out, "bank: refused: "));
  CTL (&broken, "--db", db, "sync", "--name", "bank", truncated);
  g_assert_cmpint (broken.status, ==, 3);
  g_assert_nonnull (strstr (broken.out, "bank: failed: "));
  CTL (&missing, "--db", db, "sync", "--name", "gone", "/nonexistent/feed.xml");
  g_assert_cmpint (missing.status, ==, 3);
  CTL (&bad_format, "--db", db, "sync", "--format", "csv", v1);
  g_assert_cmpint (bad_format.status, ==, 2);

  /* status --json: each source's state in plain words; the cache kept. */
  CTL (&status, "--db", db, "status", "--json");
  g_assert_cmpint (status.status, ==, 0);
  root = parse_object (status.out);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "sources")), ==, 2);
  source = json_array_get_object_element (json_object_get_array_member (root, "sources"), 0);
  g_assert_cmpstr (json_object_get_string_member (source, "name"), ==, "bank");
  g_assert_cmpstr (json_object_get_string_member (source, "state"), ==, "failing");
  g_assert_cmpint (json_object_get_int_member (source, "active"), ==, 10);
  g_assert_cmpstr (json_object_get_string_member (source, "format"), ==, "auto");
  g_assert_false (json_object_get_null_member (source, "last_good_sync"));
  g_assert_false (json_object_get_null_member (source, "last_attempt"));
  g_assert_nonnull (json_object_get_string_member (source, "last_error"));
  g_assert_true (json_object_has_member (source, "url"));
}

static char *
config_fixture (const char *folder)
{
  return g_test_build_filename (G_TEST_DIST, "data", "config", folder, "main.conf", NULL);
}

/* Active postings of the source named name in status --json, -1 when the
 * database has no such source. */
static gint64
source_active (const char *db,
               const char *name)
{
  g_auto (JkTestRun) run = { 0 };
  g_autoptr (JsonObject) root = NULL;
  JsonArray *sources;

  CTL (&run, "--db", db, "status", "--json");
  g_assert_cmpint (run.status, ==, 0);
  root = parse_object (run.out);
  sources = json_object_get_array_member (root, "sources");
  for (guint i = 0; i < json_array_get_length (sources); i++)
    {
      JsonObject *source = json_array_get_object_element (sources, i);
      if (g_str_equal (json_object_get_string_member (source, "name"), name))
        return json_object_get_int_member (source, "active");
    }
  return -1;
}

/* A configuration that cannot be read whole never deletes anything: a
 * source goes only when a configuration read whole no longer names it. */
static void
test_sync_keeps_sources_of_refused_config (void)
{
  g_autofree char *db = fresh_db_path ("refused-config.db");
  g_autofree char *ok = config_fixture ("sync-ok");
  g_autofree char *bad_byte = config_fixture ("sync-bad-byte");
  g_autofree char *binary = config_fixture ("sync-binary");
  g_autofree char *no_url = config_fixture ("sync-no-url");
  g_autofree char *dropped = config_fixture ("sync-dropped");
  g_auto (JkTestRun) first = { 0 };
  g_auto (JkTestRun) byte = { 0 };
  g_auto (JkTestRun) whole = { 0 };
  g_auto (JkTestRun) misspelled = { 0 };
  g_auto (JkTestRun) gone = { 0 };
  gint64 active_b;

  CTL (&first, "--config", ok, "--db", db, "sync");
  g_assert_cmpint (first.status, ==, 0);
  active_b = source_active (db, "b");
  g_assert_cmpint (active_b, >, 0);

  /* One byte that is not UTF-8: that line is skipped, the rest of the file
   * (source b) still applies; the exit code and stderr say which line. */
  CTL (&byte, "--config", bad_byte, "--db", db, "sync");
  g_assert_cmpint (byte.status, ==, 3);
  g_assert_nonnull (strstr (byte.out, "b: 0 added"));
  g_assert_nonnull (strstr (byte.err, "50-b.conf:6: "));
  g_assert_nonnull (strstr (byte.err, "No feed source and no listing was removed"));
  g_assert_cmpint (source_active (db, "b"), ==, active_b);

  /* A drop-in that is not text at all is skipped whole: b is not named,
   * but it is not gone either. */
  CTL (&whole, "--config", binary, "--db", db, "sync");
  g_assert_cmpint (whole.status, ==, 3);
  g_assert_nonnull (strstr (whole.err, "50-b.conf is not a text file"));
  g_assert_nonnull (strstr (whole.out, "a: 0 added"));
  g_assert_cmpint (source_active (db, "b"), ==, active_b);

  /* Named, but with no url: not updated, not forgotten, and said. */
  CTL (&misspelled, "--config", no_url, "--db", db, "sync");
  g_assert_cmpint (misspelled.status, ==, 3);
  g_assert_nonnull (strstr (misspelled.out, "b: not updated"));
  g_assert_cmpint (source_active (db, "b"), ==, active_b);

  /* Read whole, and b is no longer named: now it goes. */
  CTL (&gone, "--config", dropped, "--db", db, "sync");
  g_assert_cmpint (gone.status, ==, 0);
  g_assert_cmpint (source_active (db, "b"), ==, -1);
  g_assert_cmpint (source_active (db, "a"), ==, 10);
}

/* Problems inside [source …] groups reach status, with file, line and key. */
static void
test_status_lists_source_problems (void)
{
  g_autofree char *config = g_test_build_filename (G_TEST_DIST, "data", "config", "bad-sources.conf", NULL);
  g_autofree char *db = fresh_db_path ("source-problems.db");
  g_auto (JkTestRun) run = { 0 };
  g_auto (JkTestRun) text = { 0 };
  g_autoptr (JsonObject) status = NULL;
  JsonArray *problems;
  g_autoptr (GString) all = g_string_new (NULL);
  const char *const expected[] = {
    "bad-sources.conf:6: [source bad-values] format: \"csv\"",
    "bad-sources.conf:7: [source bad-values] refresh: \"hourly\"",
    "bad-sources.conf:8: [source bad-values] enabled: \"yes please\"",
    "bad-sources.conf:9: [source bad-values] header-X-Api-Key-file: cannot read",
    "bad-sources.conf:10: [source bad-values] colour: unknown key",
    "bad-sources.conf:12: [source no-url]: has no url",
    NULL
  };

  CTL (&run, "--config", config, "--db", db, "status", "--json");
  g_assert_cmpint (run.status, ==, 0);
  status = parse_object (run.out);
  problems = json_object_get_array_member (status, "config_problems");
  for (guint i = 0; i < json_array_get_length (problems); i++)
    g_string_append_printf (all, "%s\n", json_array_get_string_element (problems, i));
  for (guint i = 0; expected[i] != NULL; i++)
    if (strstr (all->str, expected[i]) == NULL)
      g_error ("config_problems lacks “%s”:\n%s", expected[i], all->str);
  g_assert_cmpuint (json_array_get_length (problems), ==, g_strv_length ((char **) expected));

  CTL (&text, "--config", config, "--db", db, "status");
  g_assert_cmpint (text.status, ==, 0);
  g_assert_nonnull (strstr (text.out, "[source no-url]: has no url"));
}

/* The search contract: active jobs, the JSON fields, any text safe. */
static void
test_jobs_search_and_show (void)
{
  g_autofree char *db = fresh_db_path ("search.db");
  g_autofree char *v2 = sync_fixture ("feed-v2.xml");
  g_autofree char *long_query = g_strnfill (10000, 'x');
  g_auto (JkTestRun) synced = { 0 };
  g_auto (JkTestRun) search = { 0 };
  g_auto (JkTestRun) show = { 0 };
  g_auto (JkTestRun) none = { 0 };
  g_autoptr (JsonArray) results = NULL;
  g_autoptr (JsonObject) details = NULL;
  JsonObject *job;
  const char *const fields[] = { "id", "title", "employer", "city", "state", "postal_code", "salary_min",
                                 "salary_max", "salary_period", "salary_text", "employment_type", "posted",
                                 "expires", "apply_url", "source", NULL };
  const char *const hostile[] = { "\"unbalanced", "(cook", "cook AND", "AND OR NOT", "*", "NEAR(cook",
                                  "cook\" OR 1=1 --", "🙂 cocinero 🍳", "title:cook", "^cook", long_query, NULL };
  g_autofree char *id = NULL;

  CTL (&synced, "--db", db, "sync", "--name", "bank", v2);
  g_assert_cmpint (synced.status, ==, 0);

  CTL (&search, "--db", db, "jobs", "search", "welder", "--json");
  g_assert_cmpint (search.status, ==, 0);
  results = parse_array (search.out);
  g_assert_cmpuint (json_array_get_length (results), ==, 1);
  job = json_array_get_object_element (results, 0);
  for (guint i = 0; fields[i] != NULL; i++)
    g_assert_true (json_object_has_member (job, fields[i]));
  g_assert_cmpstr (json_object_get_string_member (job, "title"), ==, "Welder");
  g_assert_cmpfloat (json_object_get_double_member (job, "salary_min"), ==, 19.0);
  g_assert_cmpstr (json_object_get_string_member (job, "salary_period"), ==, "hour");
  g_assert_cmpstr (json_object_get_string_member (job, "employment_type"), ==, "full-time");
  g_assert_cmpstr (json_object_get_string_member (job, "source"), ==, "bank");
  g_assert_true (g_regex_match_simple ("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", json_object_get_string_member (job, "posted"), 0, 0));
  g_assert_true (json_object_get_null_member (job, "expires"));

  /* Expired postings are never shown: T-5 (Janitor) closed in 2020. */
  CTL (&none, "--db", db, "jobs", "search", "janitor", "--json");
  g_assert_cmpint (none.status, ==, 0);
  g_assert_cmpuint (json_array_get_length (parse_array (none.out)), ==, 0);

  id = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (job, "id"));
  CTL (&show, "--db", db, "jobs", "show", id, "--json");
  g_assert_cmpint (show.status, ==, 0);
  details = parse_object (show.out);
  g_assert_nonnull (strstr (json_object_get_string_member (details, "description"), "Posting number 3."));
  g_assert_null (strstr (json_object_get_string_member (details, "description"), "<p>"));

  for (guint i = 0; hostile[i] != NULL; i++)
    {
      g_auto (JkTestRun) run = { 0 };

      CTL (&run, "--db", db, "jobs", "search", hostile[i], "--json");
      g_assert_cmpint (run.status, ==, 0);
      json_array_unref (parse_array (run.out));
    }
  {
    g_auto (JkTestRun) filtered = { 0 };
    g_auto (JkTestRun) bad = { 0 };
    g_auto (JkTestRun) unknown = { 0 };

    CTL (&filtered, "--db", db, "jobs", "search", "--where", "43215", "--type", "full-time", "--min-pay", "18",
         "--per", "hour", "--posted-within", "30", "--limit", "5", "--json");
    g_assert_cmpint (filtered.status, ==, 0);
    g_assert_cmpuint (json_array_get_length (parse_array (filtered.out)), ==, 1); /* only the Welder pays 18+ */
    CTL (&bad, "--db", db, "jobs", "search", "--type", "gig");
    g_assert_cmpint (bad.status, ==, 2);
    CTL (&unknown, "--db", db, "jobs", "show", "999999");
    g_assert_cmpint (unknown.status, ==, 1);
  }
}

/* Postings that name no place, and remote ones, follow the nearby ones
 * with --include-unplaced, and every posting says what its place is. */
static void
test_jobs_search_unplaced (void)
{
  g_autofree char *db = fresh_db_path ("unplaced.db");
  g_autofree char *feed = sync_fixture ("feed-unplaced.xml");
  g_auto (JkTestRun) synced = { 0 };
  g_auto (JkTestRun) nearby = { 0 };
  g_auto (JkTestRun) all = { 0 };
  g_auto (JkTestRun) text = { 0 };
  g_auto (JkTestRun) everywhere = { 0 };
  g_autoptr (JsonArray) nearby_results = NULL;
  g_autoptr (JsonArray) all_results = NULL;
  const char *const expected[][2] = {
    { "Line Cook", "given" },             /* at the place asked for, first */
    { "Data Entry Clerk", "remote" },     /* "Work from home", OH */
    { "Customer Service Representative", "remote" }, /* "Remote" */
    { "Cashier", "not-given" },
  };

  CTL (&synced, "--db", db, "sync", "--name", "anywhere", feed);
  g_assert_cmpint (synced.status, ==, 0);

  /* Without the option, only what is there. */
  CTL (&nearby, "--db", db, "jobs", "search", "--where", "43215", "--json");
  g_assert_cmpint (nearby.status, ==, 0);
  nearby_results = parse_array (nearby.out);
  g_assert_cmpuint (json_array_get_length (nearby_results), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (nearby_results, 0), "place"), ==,
                   "given");

  CTL (&all, "--db", db, "jobs", "search", "--where", "43215", "--include-unplaced", "--sort", "newest", "--json");
  g_assert_cmpint (all.status, ==, 0);
  all_results = parse_array (all.out);
  g_assert_cmpuint (json_array_get_length (all_results), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      JsonObject *job = json_array_get_object_element (all_results, i);

      g_assert_cmpstr (json_object_get_string_member (job, "title"), ==, expected[i][0]);
      g_assert_cmpstr (json_object_get_string_member (job, "place"), ==, expected[i][1]);
    }

  CTL (&text, "--db", db, "jobs", "search", "--where", "43215", "--include-unplaced");
  g_assert_cmpint (text.status, ==, 0);
  g_assert_nonnull (strstr (text.out, "\tPlace not given\t"));
  g_assert_nonnull (strstr (text.out, "\tRemote\t"));
  g_assert_nonnull (strstr (text.out, "\tColumbus, OH\t"));
  g_assert_null (strstr (text.out, "Dayton"));

  /* Without --where the option changes nothing: everything is listed. */
  CTL (&everywhere, "--db", db, "jobs", "search", "--include-unplaced", "--json");
  g_assert_cmpint (everywhere.status, ==, 0);
  json_array_unref (all_results);
  all_results = parse_array (everywhere.out);
  g_assert_cmpuint (json_array_get_length (all_results), ==, 5);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("jk-cli-XXXXXX", NULL);

  g_test_add_func ("/cli/version", test_version);
  g_test_add_func ("/cli/bad-usage", test_bad_usage);
  g_test_add_func ("/cli/status-json-demo", test_status_json_demo);
  g_test_add_func ("/cli/status-from-build-tree", test_status_from_build_tree);
  g_test_add_func ("/cli/status-configured", test_status_configured);
  g_test_add_func ("/cli/missing-config-fails", test_missing_config_fails);
  g_test_add_func ("/cli/not-sqlite-refused", test_not_sqlite_refused);
  g_test_add_func ("/cli/damaged-database-moved-aside", test_damaged_database_moved_aside);
  g_test_add_func ("/cli/unusable-database-folder", test_unusable_database_folder);
  g_test_add_func ("/cli/gui-without-display", test_gui_without_display);
  g_test_add_func ("/cli/sync-exit-codes", test_sync_exit_codes);
  g_test_add_func ("/cli/sync-keeps-sources-of-refused-config", test_sync_keeps_sources_of_refused_config);
  g_test_add_func ("/cli/status-lists-source-problems", test_status_lists_source_problems);
  g_test_add_func ("/cli/jobs-search-and-show", test_jobs_search_and_show);
  g_test_add_func ("/cli/jobs-search-unplaced", test_jobs_search_unplaced);
  status = g_test_run ();
  jk_test_remove_tree (tmp_dir);
  return status;
}
