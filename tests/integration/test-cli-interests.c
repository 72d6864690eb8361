/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli-interests.c: the contract of jobkioskctl interests cards and score: exit codes and the JSON's fields */

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

/* Six answers per round, R I A S E C: liking the hands-on and organizing
 * cards, not the others. */
#define HANDS_ON "ynnnny" "ynnnny" "ynnnny" "ynnnny" "ynnnny"

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  jk_test_db_set_up (&fixture->db, "jk-test-cli-interests-XXXXXX", NULL);
  jk_test_lmi_fill_sample (fixture->db.store);
  /* Made-up profiles (R, I, A, S, E, C) for three of the sample's occupations. */
  jk_test_lmi_exec (fixture->db.store,
                    "INSERT INTO lmi_interests (release_id, soc, realistic, investigative, artistic, social,"
                    " enterprising, conventional) VALUES"
                    " (1, '53-7051', 7.0, 1.5, 1.0, 1.6, 2.4, 4.5),"
                    " (1, '49-9071', 6.8, 3.9, 1.4, 1.9, 2.1, 4.0),"
                    " (1, '29-1141', 3.0, 5.0, 1.5, 6.8, 2.0, 3.2)");
  fixture->db_path = g_build_filename (fixture->db.dir, "jobkiosk.db", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_free (fixture->db_path);
  jk_test_db_tear_down (&fixture->db);
}

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
test_cards (Fixture       *fixture,
            gconstpointer  data)
{
  g_auto (JkTestRun) run = { 0 };
  g_autoptr (JsonNode) root = NULL;
  JsonArray *cards;
  const char *areas[] = { "realistic", "investigative", "artistic", "social", "enterprising", "conventional" };

  CTL (fixture, &run, "interests", "cards", "--json");
  g_assert_cmpint (run.status, ==, 0);
  root = parse (run.out);
  cards = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (cards), ==, 30);
  for (guint i = 0; i < json_array_get_length (cards); i++)
    {
      JsonObject *card = json_array_get_object_element (cards, i);
      g_autofree char *names = members (card);

      g_assert_cmpstr (names, ==, "area,id,text_en,text_es");
      /* Quiz order: the areas take turns. */
      g_assert_cmpstr (json_object_get_string_member (card, "area"), ==, areas[i % 6]);
      g_assert_cmpstr (json_object_get_string_member (card, "text_en"), !=,
                       json_object_get_string_member (card, "text_es"));
    }
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (cards, 0), "id"), ==, "fix-engine");

  /* Without --json: one line a card. */
  {
    g_auto (JkTestRun) text = { 0 };

    CTL (fixture, &text, "interests", "cards");
    g_assert_cmpint (text.status, ==, 0);
    g_assert_nonnull (strstr (text.out, "Fix a car engine that will not start"));
  }
}

static void
test_score_usage (Fixture       *fixture,
                  gconstpointer  data)
{
  g_auto (JkTestRun) none = { 0 };
  g_auto (JkTestRun) short_run = { 0 };
  g_auto (JkTestRun) long_run = { 0 };
  g_auto (JkTestRun) letter = { 0 };

  CTL (fixture, &none, "interests", "score");
  g_assert_cmpint (none.status, ==, 2);
  CTL (fixture, &short_run, "interests", "score", "yyn", "--json");
  g_assert_cmpint (short_run.status, ==, 2);
  g_assert_cmpstr (short_run.out, ==, "");
  g_assert_nonnull (strstr (short_run.err, "30 cards"));
  CTL (fixture, &long_run, "interests", "score", HANDS_ON "y");
  g_assert_cmpint (long_run.status, ==, 2);
  CTL (fixture, &letter, "interests", "score", "xnnnny" "ynnnny" "ynnnny" "ynnnny" "ynnnny");
  g_assert_cmpint (letter.status, ==, 2);
}

static void
test_score (Fixture       *fixture,
            gconstpointer  data)
{
  g_auto (JkTestRun) run = { 0 };
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *top = NULL;
  g_autofree char *score_names = NULL;
  JsonObject *object, *scores, *first;
  JsonArray *occupations;

  CTL (fixture, &run, "interests", "score", HANDS_ON, "--json");
  g_assert_cmpint (run.status, ==, 0);
  root = parse (run.out);
  object = json_node_get_object (root);
  top = members (object);
  g_assert_cmpstr (top, ==, "occupations,scores");
  scores = json_object_get_object_member (object, "scores");
  score_names = members (scores);
  g_assert_cmpstr (score_names, ==, "artistic,conventional,enterprising,investigative,realistic,social");
  g_assert_cmpfloat (json_object_get_double_member (scores, "realistic"), ==, 1.0);
  g_assert_cmpfloat (json_object_get_double_member (scores, "social"), ==, -1.0);
  g_assert_cmpfloat (json_object_get_double_member (scores, "conventional"), ==, 1.0);
  occupations = json_object_get_array_member (object, "occupations");
  /* Registered nurses' profile runs against these answers: left out. */
  g_assert_cmpuint (json_array_get_length (occupations), ==, 2);
  first = json_array_get_object_element (occupations, 0);
  {
    g_autofree char *names = members (first);

    g_assert_cmpstr (names, ==, "fit,job_zone,soc,title");
  }
  /* x = (1,-1,-1,-1,-1,1), y = (7.0,1.5,1.0,1.6,2.4,4.5): mean x = -1/3,
   * dx = (4/3,-2/3,-2/3,-2/3,-2/3,4/3), Σdx² = 5.3333; mean y = 3.0,
   * dy = (4,-1.5,-2,-1.4,-0.6,1.5), Σdxdy = 4/3·(4 + 1.5) - 2/3·(-5.5)
   * = 7.3333 + 3.6667 = 11, Σdy² = 26.82; r = 11 / √(5.3333 · 26.82) = 0.9197 */
  g_assert_cmpstr (json_object_get_string_member (first, "soc"), ==, "53-7051");
  g_assert_cmpstr (json_object_get_string_member (first, "title"), ==, "Industrial Truck and Tractor Operators");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (first, "fit"), 0.920, 0.0005);
  g_assert_cmpint (json_object_get_int_member (first, "job_zone"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (occupations, 1), "soc"), ==,
                   "49-9071");
}

static void
test_score_too_little (Fixture       *fixture,
                       gconstpointer  data)
{
  g_auto (JkTestRun) run = { 0 };
  g_autoptr (JsonNode) root = NULL;
  JsonObject *object;

  CTL (fixture, &run, "interests", "score", "??????????????????????????????", "--json");
  g_assert_cmpint (run.status, ==, 0);
  root = parse (run.out);
  object = json_node_get_object (root);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "occupations")), ==, 0);
  g_assert_true (g_str_has_prefix (json_object_get_string_member (object, "message"), "We can't tell yet"));
  g_assert_true (json_object_has_member (object, "scores"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  JK_TEST_ADD ("/cli/interests/cards", Fixture, test_cards);
  JK_TEST_ADD ("/cli/interests/score-usage", Fixture, test_score_usage);
  JK_TEST_ADD ("/cli/interests/score", Fixture, test_score);
  JK_TEST_ADD ("/cli/interests/score-too-little", Fixture, test_score_too_little);
  return g_test_run ();
}
