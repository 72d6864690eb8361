/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli.c: the command-line contracts of jobkioskctl and jobkiosk */

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <jobkiosk/jk-store.h>

typedef struct {
  int status;
  char *out;
  char *err;
} Run;

static char *tmp_dir;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs a built program with the test environment, minus any display. */
static void
run_program (Run        *run,
             const char *env_var,
             const char *const *args)
{
  const char *program = g_getenv (env_var);
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_auto (GStrv) envp = g_get_environ ();
  g_autoptr (GError) error = NULL;
  int wait_status;

  g_assert_nonnull (program);
  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  g_ptr_array_add (argv, (gpointer) program);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                               &run->out, &run->err, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
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
  g_auto (Run) ctl = { 0 };
  g_auto (Run) gui = { 0 };

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
  g_auto (Run) none = { 0 };
  g_auto (Run) unknown = { 0 };
  g_auto (Run) bad_option = { 0 };
  g_auto (Run) missing_value = { 0 };

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
  g_auto (Run) run = { 0 };
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

static void
test_status_configured (void)
{
  g_autofree char *config = g_test_build_filename (G_TEST_DIST, "data", "config", "bad-values.conf", NULL);
  g_autofree char *db = fresh_db_path ("configured.db");
  g_auto (Run) run = { 0 };
  g_auto (Run) text = { 0 };
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
  g_auto (Run) ctl = { 0 };
  g_auto (Run) gui = { 0 };

  CTL (&ctl, "--config", "/nonexistent/jobkiosk.conf", "status");
  g_assert_cmpint (ctl.status, ==, 1);
  g_assert_nonnull (strstr (ctl.err, "/nonexistent/jobkiosk.conf"));
  GUI (&gui, "--config", "/nonexistent/jobkiosk.conf");
  g_assert_cmpint (gui.status, ==, 1);
  g_assert_nonnull (strstr (gui.err, "Cannot read the configuration file"));
}

static void
test_not_sqlite_moved_aside (void)
{
  g_autofree char *db = fresh_db_path ("garbage.db");
  g_auto (Run) run = { 0 };
  g_autoptr (JsonObject) status = NULL;

  g_assert_true (g_file_set_contents (db, "this is not a database, just text that is long enough", -1, NULL));
  CTL (&run, "--db", db, "status", "--json");
  g_assert_cmpint (run.status, ==, 0);
  status = parse_object (run.out);
  g_assert_true (g_file_test (json_object_get_string_member (status, "database_moved_aside"), G_FILE_TEST_EXISTS));
  g_assert_nonnull (strstr (run.err, "damaged"));
}

static void
test_unusable_database_folder (void)
{
  g_autofree char *blocker = fresh_db_path ("a-file");
  g_autofree char *db = g_build_filename (blocker, "jobkiosk.db", NULL);
  g_auto (Run) ctl = { 0 };
  g_auto (Run) gui = { 0 };

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
  g_auto (Run) gui = { 0 };

  GUI (&gui, "--db", db);
  g_assert_cmpint (gui.status, ==, 1);
  g_assert_nonnull (strstr (gui.err, "No display was found"));
}

static void
remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
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
  g_test_add_func ("/cli/status-configured", test_status_configured);
  g_test_add_func ("/cli/missing-config-fails", test_missing_config_fails);
  g_test_add_func ("/cli/not-sqlite-moved-aside", test_not_sqlite_moved_aside);
  g_test_add_func ("/cli/unusable-database-folder", test_unusable_database_folder);
  g_test_add_func ("/cli/gui-without-display", test_gui_without_display);
  status = g_test_run ();
  remove_tree (tmp_dir);
  return status;
}
