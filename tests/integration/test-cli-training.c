/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli-training.c: jobkioskctl training import | search: the contract's JSON names and its exit codes */

#include <json-glib/json-glib.h>
#include <string.h>

#include "jk-test.h"
#include "jk-test-cli.h"
#include "jk-test-proc.h"

/* The contract of issue 18: each program object has at least these. */
static const char *const program_members[] = {
  "provider", "program", "cip", "credential", "weeks", "cost", "mode", "city", "state", "postal_code",
  "distance_miles", "outcomes",
};
static const char *const outcome_members[] = { "completion_rate", "employment_rate", "median_earnings" };

typedef struct {
  char *dir;
  char *db;
  char *config;
} Fixture;

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "training", name, NULL);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *zcta = g_test_build_filename (G_TEST_DIST, "..", "data", "demo", "zcta-demo.txt", NULL);
  g_autofree char *text = NULL;

  f->dir = g_dir_make_tmp ("jk-test-cli-training-XXXXXX", &error);
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

static void
import_ok (Fixture    *f,
           const char *name)
{
  g_auto (JkTestRun) run = { 0 };
  g_autofree char *path = fixture_path (name);
  const char *args[] = { "training", "import", path, NULL };

  ctl (f, &run, args);
  g_assert_cmpint (run.status, ==, 0);
}

static JsonArray *
search_json (Fixture    *f,
             const char *soc,
             JsonParser *parser)
{
  g_auto (JkTestRun) run = { 0 };
  g_autoptr (GError) error = NULL;
  const char *args[] = { "training", "search", "--json", "--soc", soc, NULL };
  JsonNode *root;

  if (soc == NULL)
    args[3] = NULL;
  ctl (f, &run, args);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, run.out, -1, &error));
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
  return json_node_get_array (root);
}

static JsonObject *
find (JsonArray  *programs,
      const char *name)
{
  for (guint i = 0; i < json_array_get_length (programs); i++)
    {
      JsonObject *program = json_array_get_object_element (programs, i);
      if (g_str_equal (json_object_get_string_member (program, "program"), name))
        return program;
    }
  g_assert_not_reached ();
}

/* ---------------------------------------------------------------------- */
/* Cases                                                                  */

static void
test_import_search_json (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonArray *programs;
  JsonObject *welding, *aide, *forklift, *outcomes;

  import_ok (f, "crosswalk.csv");
  import_ok (f, "etpl-spanish.csv");

  programs = search_json (f, NULL, parser);
  g_assert_cmpuint (json_array_get_length (programs), ==, 4);
  for (guint i = 0; i < json_array_get_length (programs); i++)
    {
      JsonObject *program = json_array_get_object_element (programs, i);

      for (gsize m = 0; m < G_N_ELEMENTS (program_members); m++)
        g_assert_true (json_object_has_member (program, program_members[m]));
      outcomes = json_object_get_object_member (program, "outcomes");
      g_assert_nonnull (outcomes);
      for (gsize m = 0; m < G_N_ELEMENTS (outcome_members); m++)
        g_assert_true (json_object_has_member (outcomes, outcome_members[m]));
    }

  welding = find (programs, "Soldadura Básica");
  g_assert_cmpstr (json_object_get_string_member (welding, "provider"), ==, "Escuela Técnica Señor Muñoz");
  g_assert_cmpstr (json_object_get_string_member (welding, "cip"), ==, "48.0508");
  g_assert_cmpfloat (json_object_get_double_member (welding, "cost"), ==, 1200.0);
  g_assert_cmpfloat (json_object_get_double_member (welding, "weeks"), ==, 12.0);
  g_assert_cmpstr (json_object_get_string_member (welding, "postal_code"), ==, "43215");
  g_assert_cmpfloat (json_object_get_double_member (welding, "distance_miles"), <, 0.01);
  outcomes = json_object_get_object_member (welding, "outcomes");
  g_assert_cmpfloat (json_object_get_double_member (outcomes, "completion_rate"), ==, 85.0);
  g_assert_cmpfloat (json_object_get_double_member (outcomes, "employment_rate"), ==, 85.0);
  g_assert_cmpfloat (json_object_get_double_member (outcomes, "median_earnings"), ==, 8100.0);

  /* Missing outcomes and an unknown cost are null, not 0. */
  aide = find (programs, "Auxiliar de Enfermería");
  outcomes = json_object_get_object_member (aide, "outcomes");
  g_assert_true (json_object_get_null_member (outcomes, "employment_rate"));
  g_assert_true (json_object_get_null_member (outcomes, "median_earnings"));
  forklift = find (programs, "Forklift Safety");
  g_assert_true (json_object_get_null_member (forklift, "cost"));
  g_assert_true (json_object_get_null_member (forklift, "weeks"));
  g_assert_true (json_object_get_null_member (forklift, "distance_miles"));

  /* Through the crosswalk: the two forklift programs, the nearer first. */
  programs = search_json (f, "53-7051", parser);
  g_assert_cmpuint (json_array_get_length (programs), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (programs, 0), "program"), ==,
                   "Operador de Montacargas");
  programs = search_json (f, "35-9031", parser);
  g_assert_cmpuint (json_array_get_length (programs), ==, 0);
}

static void
test_exit_codes (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *bad = fixture_path ("bad-fields.csv");
  g_autofree char *other = fixture_path ("etpl-other-headers.csv");
  g_autofree char *map = fixture_path ("columns.map");
  static const char *const usage[][6] = {
    { "training", NULL },
    { "training", "frobnicate", NULL },
    { "training", "import", NULL },
    { "training", "search", "--soc", "nurse", NULL },
    { "training", "search", "--near", "ohio", NULL },
    { "training", "search", "--bogus", NULL },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (usage); i++)
    {
      g_auto (JkTestRun) run = { 0 };

      ctl (f, &run, usage[i]);
      g_assert_cmpint (run.status, ==, 2);
    }

  import_ok (f, "etpl-spanish.csv");
  {
    g_auto (JkTestRun) run = { 0 };
    const char *args[] = { "training", "import", bad, NULL };

    /* Refused: 1, with the file, the line and why; the list stays. */
    ctl (f, &run, args);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "bad-fields.csv:4:"));
  }
  {
    g_autoptr (JsonParser) parser = json_parser_new ();
    g_assert_cmpuint (json_array_get_length (search_json (f, NULL, parser)), ==, 4);
  }
  {
    g_auto (JkTestRun) run = { 0 };
    const char *args[] = { "training", "import", "/nonexistent/etpl.csv", NULL };

    ctl (f, &run, args);
    g_assert_cmpint (run.status, ==, 1);
  }
  {
    g_auto (JkTestRun) run = { 0 };
    const char *args[] = { "training", "search", "--near", "00001", NULL };

    /* A ZIP the kiosk has no centroid for. */
    ctl (f, &run, args);
    g_assert_cmpint (run.status, ==, 1);
  }
  {
    g_auto (JkTestRun) run = { 0 };
    const char *args[] = { "training", "import", other, "--map", map, NULL };

    ctl (f, &run, args);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "1 training program"));
  }
  {
    g_auto (JkTestRun) run = { 0 };
    const char *args[] = { "training", "search", "--near", "43081", NULL };

    ctl (f, &run, args);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "Truck Driving"));
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  JK_TEST_ADD ("/cli-training/import-search-json", Fixture, test_import_search_json);
  JK_TEST_ADD ("/cli-training/exit-codes", Fixture, test_exit_codes);
  return g_test_run ();
}
