/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli-staff.c: jobkioskctl staff add|remove|list and audit: the PIN from stdin, JSON, exit codes */

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <jobkiosk/jk-config.h>
#include <jobkiosk/jk-staff.h>
#include <string.h>

#include "jk-test.h"
#include "jk-test-cli.h"
#include "jk-test-proc.h"

typedef struct {
  char *dir;
  char *db_path;
  char *config_path;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  f->dir = g_dir_make_tmp ("jk-test-cli-staff-XXXXXX", &error);
  g_assert_no_error (error);
  f->db_path = g_build_filename (f->dir, "jobkiosk.db", NULL);
  f->config_path = g_build_filename (f->dir, "jobkiosk.conf", NULL);
  g_assert_true (g_file_set_contents (f->config_path, "[kiosk]\ncenter-name = Test Center\n", -1, NULL));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  jk_test_remove_tree (f->dir);
  g_free (f->db_path);
  g_free (f->config_path);
  g_free (f->dir);
}

/* jobkioskctl with input on its standard input (a pipe, not a terminal),
 * its messages in language (NULL: the test's own). */
static void
run (Fixture    *f,
     JkTestRun  *result,
     const char *language,
     const char *input,
     ...)
{
  g_autoptr (GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE
                                                                        | G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                                                        | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GSubprocess) process = NULL;
  g_autoptr (GError) error = NULL;
  const char *program = g_getenv ("JK_JOBKIOSKCTL");
  va_list args;

  g_assert_nonnull (program);
  g_ptr_array_add (argv, (gpointer) program);
  g_ptr_array_add (argv, (gpointer) "--config");
  g_ptr_array_add (argv, f->config_path);
  g_ptr_array_add (argv, (gpointer) "--db");
  g_ptr_array_add (argv, f->db_path);
  va_start (args, input);
  for (const char *arg = va_arg (args, const char *); arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  if (language != NULL)
    g_subprocess_launcher_setenv (launcher, "LANGUAGE", language, TRUE);
  process = g_subprocess_launcher_spawnv (launcher, (const char *const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (process, input != NULL ? input : "", NULL, &result->out,
                                                &result->err, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  result->status = g_subprocess_get_exit_status (process);
}

static JsonArray *
parse_array (const char *text)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  JsonNode *root;

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
  return json_array_ref (json_node_get_array (root));
}

static void
assert_status (JkTestRun  *result,
               int         status,
               const char *err_needle)
{
  if (result->status != status || (err_needle != NULL && strstr (result->err, err_needle) == NULL))
    g_test_message ("stdout: %s\nstderr: %s", result->out, result->err);
  g_assert_cmpint (result->status, ==, status);
  if (err_needle != NULL)
    g_assert_nonnull (strstr (result->err, err_needle));
}

static void
test_add_list_remove (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *digits = g_strnfill (200, '7');
  g_autofree char *long_pin = g_strconcat (digits, "\n", NULL);
  g_autoptr (JkConfig) config = jk_config_new_defaults ();
  g_autoptr (GError) error = NULL;
  g_autofree char *who = NULL;

  {
    g_auto (JkTestRun) r = { 0 };
    run (f, &r, NULL, "482913\n", "staff", "add", "Rosa Díaz", NULL);
    assert_status (&r, 0, NULL);
    g_assert_nonnull (strstr (r.out, "Rosa Díaz"));
    /* The PIN is never echoed. */
    g_assert_null (strstr (r.out, "482913"));
    g_assert_null (strstr (r.err, "482913"));
  }
  /* What was read is the PIN, without its line end. */
  who = jk_staff_verify (config, f->db_path, "482913", g_get_real_time () / G_USEC_PER_SEC, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (who, ==, "Rosa Díaz");

  {
    g_auto (JkTestRun) r = { 0 };
    run (f, &r, NULL, "5555\r\n", "staff", "add", "Luis", NULL);
    assert_status (&r, 0, NULL);
  }
  {
    g_auto (JkTestRun) r = { 0 };
    g_autoptr (JsonArray) members = NULL;
    JsonObject *first;

    run (f, &r, NULL, NULL, "staff", "list", "--json", NULL);
    assert_status (&r, 0, NULL);
    members = parse_array (r.out);
    g_assert_cmpuint (json_array_get_length (members), ==, 2);
    first = json_array_get_object_element (members, 0);
    g_assert_cmpstr (json_object_get_string_member (first, "name"), ==, "Luis");
    g_assert_nonnull (g_date_time_new_from_iso8601 (json_object_get_string_member (first, "added"), NULL));
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (members, 1), "name"), ==,
                     "Rosa Díaz");
    g_assert_false (json_object_has_member (first, "pin_hash"));
    g_assert_null (strstr (r.out, "argon2"));
  }

  /* Taken: the name (any case), the PIN. Exit 3. */
  {
    g_auto (JkTestRun) r = { 0 };
    run (f, &r, NULL, "1111\n", "staff", "add", "luis", NULL);
    assert_status (&r, 3, "Luis");
  }
  {
    g_auto (JkTestRun) r = { 0 };
    run (f, &r, NULL, "482913\n", "staff", "add", "Ana", NULL);
    assert_status (&r, 3, "PIN");
  }
  /* Bad input: exit 2, nothing added. */
  {
    g_auto (JkTestRun) r = { 0 };
    run (f, &r, NULL, "12ab\n", "staff", "add", "Ana", NULL);
    assert_status (&r, 2, "4 to 12 digits");
  }
  {
    g_auto (JkTestRun) r = { 0 };
    run (f, &r, NULL, long_pin, "staff", "add", "Ana", NULL);
    assert_status (&r, 2, "4 to 12 digits");
  }
  {
    g_auto (JkTestRun) r = { 0 };
    run (f, &r, NULL, "", "staff", "add", "Ana", NULL);
    assert_status (&r, 2, NULL);
  }
  {
    /* Never a PIN on the command line. */
    g_auto (JkTestRun) r = { 0 };
    run (f, &r, NULL, "2222\n", "staff", "add", "Ana", "2222", NULL);
    assert_status (&r, 2, NULL);
  }
  {
    g_auto (JkTestRun) r = { 0 };
    run (f, &r, NULL, "2222\n", "staff", "add", NULL);
    assert_status (&r, 2, NULL);
  }
  {
    g_auto (JkTestRun) r = { 0 };
    run (f, &r, NULL, NULL, "staff", "rename", "Ana", NULL);
    assert_status (&r, 2, NULL);
  }

  /* Remove: 0, then 3. */
  {
    g_auto (JkTestRun) r = { 0 };
    run (f, &r, NULL, NULL, "staff", "remove", "Luis", NULL);
    assert_status (&r, 0, NULL);
  }
  {
    g_auto (JkTestRun) r = { 0 };
    run (f, &r, NULL, NULL, "staff", "remove", "Luis", NULL);
    assert_status (&r, 3, "Luis");
  }
  {
    g_auto (JkTestRun) r = { 0 };
    g_autoptr (JsonArray) members = NULL;

    run (f, &r, NULL, NULL, "staff", "list", "--json", NULL);
    assert_status (&r, 0, NULL);
    members = parse_array (r.out);
    g_assert_cmpuint (json_array_get_length (members), ==, 1);
  }
  {
    g_auto (JkTestRun) r = { 0 };
    run (f, &r, NULL, NULL, "staff", "list", NULL);
    assert_status (&r, 0, NULL);
    g_assert_nonnull (strstr (r.out, "Rosa Díaz"));
    g_assert_null (strstr (r.out, "Luis"));
  }
}

static void
test_audit (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autofree char *tomorrow_text = g_date_time_format (tomorrow, "%Y-%m-%d");
  g_autofree char *today_text = g_date_time_format (now, "%Y-%m-%d");

  {
    g_auto (JkTestRun) r = { 0 };
    run (f, &r, NULL, "4829\n", "staff", "add", "Rosa", NULL);
    assert_status (&r, 0, NULL);
  }
  {
    g_auto (JkTestRun) r = { 0 };
    run (f, &r, NULL, NULL, "staff", "remove", "Rosa", NULL);
    assert_status (&r, 0, NULL);
  }
  /* An old entry, from staff mode, years ago. */
  g_assert_true (jk_audit_add (f->db_path, "Ana", "staff-enter", NULL, G_GINT64_CONSTANT (1577836800), &error));
  g_assert_no_error (error);

  {
    g_auto (JkTestRun) r = { 0 };
    g_autoptr (JsonArray) entries = NULL;
    JsonObject *e;

    run (f, &r, NULL, NULL, "audit", "--json", NULL);
    assert_status (&r, 0, NULL);
    entries = parse_array (r.out);
    g_assert_cmpuint (json_array_get_length (entries), ==, 3);
    e = json_array_get_object_element (entries, 0);
    g_assert_cmpstr (json_object_get_string_member (e, "at"), ==, "2020-01-01T00:00:00Z");
    g_assert_cmpstr (json_object_get_string_member (e, "actor"), ==, "Ana");
    g_assert_true (json_object_get_null_member (e, "detail"));
    e = json_array_get_object_element (entries, 1);
    g_assert_cmpstr (json_object_get_string_member (e, "actor"), ==, "jobkioskctl");
    g_assert_cmpstr (json_object_get_string_member (e, "action"), ==, "staff-add");
    g_assert_cmpstr (json_object_get_string_member (e, "detail"), ==, "Rosa");
    g_assert_true (g_str_has_suffix (json_object_get_string_member (e, "at"), "Z"));
    e = json_array_get_object_element (entries, 2);
    g_assert_cmpstr (json_object_get_string_member (e, "action"), ==, "staff-remove");
    g_assert_cmpstr (json_object_get_string_member (e, "detail"), ==, "Rosa");
    /* The PIN is in no entry. */
    g_assert_null (strstr (r.out, "4829"));
  }
  {
    g_auto (JkTestRun) r = { 0 };
    g_autoptr (JsonArray) entries = NULL;

    run (f, &r, NULL, NULL, "audit", "--since", today_text, "--json", NULL);
    assert_status (&r, 0, NULL);
    entries = parse_array (r.out);
    g_assert_cmpuint (json_array_get_length (entries), ==, 2);
  }
  {
    g_auto (JkTestRun) r = { 0 };
    g_autoptr (JsonArray) entries = NULL;

    run (f, &r, NULL, NULL, "audit", "--since", tomorrow_text, "--json", NULL);
    assert_status (&r, 0, NULL);
    entries = parse_array (r.out);
    g_assert_cmpuint (json_array_get_length (entries), ==, 0);
  }
  {
    g_auto (JkTestRun) r = { 0 };
    run (f, &r, NULL, NULL, "audit", NULL);
    assert_status (&r, 0, NULL);
    g_assert_nonnull (strstr (r.out, "staff-remove"));
  }
  {
    g_auto (JkTestRun) r = { 0 };
    run (f, &r, NULL, NULL, "audit", "--since", "2026-02-30", NULL);
    assert_status (&r, 2, "YYYY-MM-DD");
  }
  {
    g_auto (JkTestRun) r = { 0 };
    run (f, &r, NULL, NULL, "audit", "yesterday", NULL);
    assert_status (&r, 2, NULL);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  JK_TEST_ADD ("/cli-staff/add-list-remove", Fixture, test_add_list_remove);
  JK_TEST_ADD ("/cli-staff/audit", Fixture, test_audit);
  return g_test_run ();
}
