/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli-services.c: jobkioskctl services import | search: the contract's JSON names and its exit codes */

#include <json-glib/json-glib.h>
#include <string.h>

#include "jk-test.h"
#include "jk-test-cli.h"
#include "jk-test-proc.h"

/* The contract of issue 19: each service object has at least these. */
static const char *const service_members[] = {
  "organization", "service", "description", "address", "city", "state", "postal_code", "phone", "hours", "open_now",
  "languages", "categories", "url",
};

typedef struct {
  char *dir;
  char *db;
  char *config;
} Fixture;

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "services", name, NULL);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *zcta = g_test_build_filename (G_TEST_DIST, "..", "data", "demo", "zcta-demo.txt", NULL);
  g_autofree char *text = NULL;

  f->dir = g_dir_make_tmp ("jk-test-cli-services-XXXXXX", &error);
  g_assert_no_error (error);
  f->db = g_build_filename (f->dir, "jobkiosk.db", NULL);
  f->config = g_build_filename (f->dir, "jobkiosk.conf", NULL);
  text = g_strdup_printf ("[kiosk]\nlocation = 43215\nzip-centroids = %s\n", zcta);
  g_assert_true (g_file_set_contents (f->config, text, -1, &error));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  jk_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db);
  g_free (f->config);
}

static void
ctl (Fixture           *f,
     JkTestRun         *run,
     const char *const *args)
{
  const char *head[] = { "--config", f->config, "--db", f->db, NULL };

  jk_test_run_ctl (run, "C", head, args);
  g_test_message ("exit %d\n%s%s", run->status, run->out, run->err);
}

static int
import (Fixture    *f,
        const char *name,
        char      **err)
{
  g_auto (JkTestRun) run = { 0 };
  g_autofree char *path = fixture_path (name);
  const char *args[] = { "services", "import", path, NULL };

  ctl (f, &run, args);
  if (err != NULL)
    *err = g_strdup (run.err);
  return run.status;
}

static void
test_import_search (Fixture       *f,
                    gconstpointer  data)
{
  g_auto (JkTestRun) run = { 0 };
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  const char *args[] = { "services", "search", "comida", "--category", "food", "--json", NULL };
  JsonArray *array;
  JsonObject *service;

  g_assert_cmpint (import (f, "hsds3", NULL), ==, 0);
  ctl (f, &run, args);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, run.out, -1, &error));
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)));
  array = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (array), ==, 1);
  service = json_array_get_object_element (array, 0);
  for (gsize i = 0; i < G_N_ELEMENTS (service_members); i++)
    g_assert_true (json_object_has_member (service, service_members[i]));
  g_assert_cmpstr (json_object_get_string_member (service, "service"), ==, "Food Pantry");
  g_assert_cmpstr (json_object_get_string_member (service, "organization"), ==, "Eastside Food Bank");
  g_assert_cmpstr (json_object_get_string_member (service, "postal_code"), ==, "43215");
  g_assert_true (JSON_NODE_HOLDS_VALUE (json_object_get_member (service, "open_now")));
  g_assert_cmpstr (json_object_get_string_member (service, "week_hours"), ==, "Monday to Friday: 9 AM to 5 PM");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (service, "languages")), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (service, "categories"), 0), ==,
                   "food");
}

static void
test_unknown_hours (Fixture       *f,
                    gconstpointer  data)
{
  g_auto (JkTestRun) run = { 0 };
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  const char *args[] = { "services", "search", "lawyer", "--json", NULL };
  JsonObject *service;

  g_assert_cmpint (import (f, "hsds3", NULL), ==, 0);
  ctl (f, &run, args);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, run.out, -1, &error));
  service = json_array_get_object_element (json_node_get_array (json_parser_get_root (parser)), 0);
  /* No schedule: open_now is null, not false. */
  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (service, "open_now")));
  g_assert_cmpstr (json_object_get_string_member (service, "hours"), ==, "Hours not listed");
  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (service, "week_hours")));
}

static void
test_exit_codes (Fixture       *f,
                 gconstpointer  data)
{
  static const char *const usage[][6] = {
    { "services", NULL },
    { "services", "frobnicate", NULL },
    { "services", "import", NULL },
    { "services", "search", "--category", "bikes", NULL },
    { "services", "search", "--bogus", NULL },
  };
  g_autofree char *err = NULL;

  for (gsize i = 0; i < G_N_ELEMENTS (usage); i++)
    {
      g_auto (JkTestRun) run = { 0 };

      ctl (f, &run, usage[i]);
      g_assert_cmpint (run.status, ==, 2);
    }
  g_assert_cmpint (import (f, "hsds3", NULL), ==, 0);
  /* Refused with the file and line; far smaller: refused; both keep the old. */
  g_assert_cmpint (import (f, "bad-time", &err), ==, 1);
  g_assert_nonnull (strstr (err, "schedule.csv:3:"));
  g_assert_cmpint (import (f, "small", NULL), ==, 1);
  {
    g_auto (JkTestRun) run = { 0 };
    const char *args[] = { "services", "search", NULL };

    ctl (f, &run, args);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "Food Pantry"));
    g_assert_nonnull (strstr (run.out, "Overnight Shelter"));
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  JK_TEST_ADD ("/cli/services/import-search", Fixture, test_import_search);
  JK_TEST_ADD ("/cli/services/unknown-hours", Fixture, test_unknown_hours);
  JK_TEST_ADD ("/cli/services/exit-codes", Fixture, test_exit_codes);
  return g_test_run ();
}
