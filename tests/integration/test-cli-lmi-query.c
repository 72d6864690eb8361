/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli-lmi-query.c: the contract of jobkioskctl lmi search and lmi show: exit codes and the JSON's fields */

#include <json-glib/json-glib.h>
#include <string.h>

#include "jk-test.h"
#include "jk-test-cli.h"
#include "jk-test-db.h"
#include "jk-test-lmi.h"

typedef struct {
  JkTestDb db;
  char *db_path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  jk_test_db_set_up (&fixture->db, "jk-test-cli-lmi-XXXXXX", NULL);
  jk_test_lmi_fill_sample (fixture->db.store);
  jk_test_lmi_exec (fixture->db.store,
                    "INSERT INTO jobs (source_id, external_id, content_hash, dedup_key, title, soc_code, first_seen,"
                    " last_seen) VALUES (1, 'A', 0, '', 'Registered Nurse', '29-1141', 1, 1),"
                    " (1, 'B', 0, '', 'Staff Nurse - ICU', NULL, 1, 1);"
                    "INSERT INTO jobs_title_fts (jobs_title_fts) VALUES ('rebuild')");
  fixture->db_path = g_build_filename (fixture->db.dir, "jobkiosk.db", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_free (fixture->db_path);
  jk_test_db_tear_down (&fixture->db);
}

/* Runs jobkioskctl on the fixture's database with the demo configuration
 * (Ohio, the Columbus metro) and the test's language. */
static void
ctl (Fixture           *fixture,
     JkTestRun         *run,
     const char *const *args)
{
  jk_test_run_ctl (run, "en", (const char *const[]) { "--db", fixture->db_path, NULL }, args);
}

#define CTL(fixture, run, ...) ctl (fixture, run, (const char *const[]) { __VA_ARGS__, NULL })

static JsonNode *
parse (const char *text)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

/* The members of an object, sorted, joined by ",". */
static char *
members (JsonObject *object)
{
  g_autoptr (GList) names = g_list_sort (json_object_get_members (object), (GCompareFunc) g_strcmp0);
  g_autoptr (GString) joined = g_string_new (NULL);

  for (GList *l = names; l != NULL; l = l->next)
    g_string_append_printf (joined, "%s%s", joined->len > 0 ? "," : "", (const char *) l->data);
  return g_string_free (g_steal_pointer (&joined), FALSE);
}

/* ---------------------------------------------------------------------- */
/* Tests                                                                  */

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  g_auto (JkTestRun) json = { 0 };
  g_auto (JkTestRun) text = { 0 };
  g_auto (JkTestRun) none = { 0 };
  g_auto (JkTestRun) usage = { 0 };
  g_autoptr (JsonNode) root = NULL;
  JsonObject *first;

  CTL (fixture, &json, "lmi", "search", "CNA", "--json");
  g_assert_cmpint (json.status, ==, 0);
  root = parse (json.out);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
  first = json_array_get_object_element (json_node_get_array (root), 0);
  g_assert_cmpstr (json_object_get_string_member (first, "soc"), ==, "31-1131");
  g_assert_cmpstr (json_object_get_string_member (first, "title"), ==, "Nursing Assistants");
  g_assert_cmpstr (json_object_get_string_member (first, "matched_title"), ==, "CNA");

  CTL (fixture, &text, "lmi", "search", "montacargas");
  g_assert_cmpint (text.status, ==, 0);
  g_assert_true (g_str_has_prefix (text.out, "53-7051\tIndustrial Truck and Tractor Operators"));

  CTL (fixture, &none, "lmi", "search", "xyzzyq", "--json");
  g_assert_cmpint (none.status, ==, 1);
  CTL (fixture, &usage, "lmi", "search");
  g_assert_cmpint (usage.status, ==, 2);
}

static void
test_show_json (Fixture       *fixture,
                gconstpointer  data)
{
  g_auto (JkTestRun) run = { 0 };
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *wage_members = NULL;
  g_autofree char *reason_members = NULL;
  JsonObject *show, *metro, *state, *reasons;
  JsonArray *wages;

  CTL (fixture, &run, "lmi", "show", "29-1141", "--json");
  g_assert_cmpint (run.status, ==, 0);
  root = parse (run.out);
  show = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (show, "soc"), ==, "29-1141");
  g_assert_cmpstr (json_object_get_string_member (show, "title"), ==, "Registered Nurses");

  wages = json_object_get_array_member (show, "wages");
  g_assert_cmpuint (json_array_get_length (wages), ==, 3);
  metro = json_array_get_object_element (wages, 0);
  wage_members = members (metro);
  g_assert_cmpstr (wage_members, ==,
                   "annual_median,annual_p10,annual_p25,annual_p75,annual_p90,area_code,area_name,area_type,demo,"
                   "employment,hourly_median,reasons,release,source");
  g_assert_cmpstr (json_object_get_string_member (metro, "area_code"), ==, "0018140");
  g_assert_cmpstr (json_object_get_string_member (metro, "area_type"), ==, "metro");
  g_assert_cmpfloat (json_object_get_double_member (metro, "annual_median"), ==, 86944);
  /* Top coded: null, and why. */
  g_assert_true (json_object_get_null_member (metro, "annual_p90"));
  reasons = json_object_get_object_member (metro, "reasons");
  reason_members = members (reasons);
  g_assert_cmpstr (reason_members, ==, "annual_p90");
  g_assert_cmpstr (json_object_get_string_member (reasons, "annual_p90"), ==, "top_coded");
  /* Ohio publishes none of it. */
  state = json_array_get_object_element (wages, 1);
  g_assert_cmpstr (json_object_get_string_member (state, "area_type"), ==, "state");
  g_assert_true (json_object_get_null_member (state, "employment"));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (state, "reasons"), "annual_median"),
                   ==, "missing");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (wages, 2), "area_type"), ==,
                   "national");

  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (show, "projections"), "outlook"), ==,
                   "growing");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (show, "education"), "education"), ==,
                   "Bachelor's degree");
  /* One posting by its code, one by a title ("Staff Nurse") only
   * Registered Nurses have. */
  g_assert_cmpint (json_object_get_int_member (show, "open_jobs"), ==, 2);
  /* No tasks or requirements in the sample for it: left out. */
  g_assert_false (json_object_has_member (show, "tasks"));
  g_assert_false (json_object_has_member (show, "requirements"));
}

static void
test_show_by_title_and_area (Fixture       *fixture,
                             gconstpointer  data)
{
  g_auto (JkTestRun) title = { 0 };
  g_auto (JkTestRun) area = { 0 };
  g_auto (JkTestRun) text = { 0 };
  g_autoptr (JsonNode) by_title = NULL;
  g_autoptr (JsonNode) by_area = NULL;
  JsonObject *show;
  JsonArray *wages;

  CTL (fixture, &title, "lmi", "show", "nursing", "asistant", "--json");
  g_assert_cmpint (title.status, ==, 0);
  by_title = parse (title.out);
  show = json_node_get_object (by_title);
  g_assert_cmpstr (json_object_get_string_member (show, "soc"), ==, "31-1131");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (show, "tasks")), ==, 5);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (show, "requirements")), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (
                     json_object_get_object_member (json_array_get_object_element (
                       json_object_get_array_member (show, "wages"), 0), "reasons"), "employment"), ==, "not_released");

  /* A state alone: its wages and the nation's. */
  CTL (fixture, &area, "lmi", "show", "31-1131", "--area", "39", "--json");
  g_assert_cmpint (area.status, ==, 0);
  by_area = parse (area.out);
  wages = json_object_get_array_member (json_node_get_object (by_area), "wages");
  g_assert_cmpuint (json_array_get_length (wages), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (wages, 0), "area_code"), ==,
                   "3900000");

  CTL (fixture, &text, "lmi", "show", "29-1141");
  g_test_message ("%s", text.out);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_nonnull (strstr (text.out, "$239,200 or more"));
  g_assert_nonnull (strstr (text.out, "Growing"));
}

static void
test_show_exit_codes (Fixture       *fixture,
                      gconstpointer  data)
{
  g_auto (JkTestRun) unknown_soc = { 0 };
  g_auto (JkTestRun) unknown_title = { 0 };
  g_auto (JkTestRun) no_argument = { 0 };
  g_auto (JkTestRun) bad_area = { 0 };
  g_auto (JkTestRun) bad_group = { 0 };

  CTL (fixture, &unknown_soc, "lmi", "show", "99-0000", "--json");
  g_assert_cmpint (unknown_soc.status, ==, 1);
  g_assert_cmpstr (unknown_soc.out, ==, "");
  CTL (fixture, &unknown_title, "lmi", "show", "xyzzyq");
  g_assert_cmpint (unknown_title.status, ==, 1);
  CTL (fixture, &no_argument, "lmi", "show");
  g_assert_cmpint (no_argument.status, ==, 2);
  CTL (fixture, &bad_area, "lmi", "show", "29-1141", "--area", "Ohio");
  g_assert_cmpint (bad_area.status, ==, 2);
  CTL (fixture, &bad_group, "lmi", "frobnicate");
  g_assert_cmpint (bad_group.status, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  JK_TEST_ADD ("/cli/lmi/search", Fixture, test_search);
  JK_TEST_ADD ("/cli/lmi/show-json", Fixture, test_show_json);
  JK_TEST_ADD ("/cli/lmi/show-by-title-and-area", Fixture, test_show_by_title_and_area);
  JK_TEST_ADD ("/cli/lmi/show-exit-codes", Fixture, test_show_exit_codes);

  return g_test_run ();
}
