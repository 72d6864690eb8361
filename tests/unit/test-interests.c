/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-interests.c: the interest quiz's cards, its scores and fits worked out by hand, and O*NET's Interests.txt imported */

#include <math.h>
#include <string.h>
#include <jobkiosk/jk-interests.h>
#include <jobkiosk/jk-lmi-import.h>
#include "store/jk-store-private.h"
#include "jk-test.h"
#include "jk-test-db.h"

typedef JkTestDb Fixture;

/* The cards take turns: R I A S E C, five rounds. These answers, round by
 * round (y like, n not for me, ? not sure):
 *   R: y y y n y   → (4 - 1) / 5 =  0.6
 *   I: n n ? n n   → (0 - 4) / 5 = -0.8
 *   A: ? n n n ?   → (0 - 3) / 5 = -0.6
 *   S: y y n y ?   → (3 - 1) / 5 =  0.4
 *   E: n ? n n n   → (0 - 4) / 5 = -0.8
 *   C: ? y ? y n   → (2 - 1) / 5 =  0.2
 * 23 cards liked or disliked. */
#define ANSWERS "yn?yn?" "ynny?y" "y?nnn?" "nnnyny" "yn??nn"

/* ---------------------------------------------------------------------- */
/* Fixture                                                                */

static void
fixture_set_up (Fixture      *fixture,
                gconstpointer user_data)
{
  jk_test_db_set_up (fixture, "jk-interests-XXXXXX", NULL);
}

static void
fixture_tear_down (Fixture      *fixture,
                   gconstpointer user_data)
{
  jk_test_db_tear_down (fixture);
}

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static void
import_fixture (Fixture *fixture)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "lmi", "onet-interests", NULL);
  const char *paths[] = { path, NULL };
  g_autoptr (GPtrArray) releases = jk_lmi_release_list_new ();
  JkLmiImportOptions options = { .state = "39", .metro = "18140" };
  g_autoptr (GError) error = NULL;

  g_assert_true (jk_lmi_import (fixture->store, paths, &options, releases, &error));
  g_assert_no_error (error);
}

static JkInterestAnswer *
parse (const char *text)
{
  const GPtrArray *cards = jk_interest_cards (NULL);
  JkInterestAnswer *answers = g_new0 (JkInterestAnswer, cards->len);
  g_autoptr (GError) error = NULL;

  g_assert_true (jk_interests_parse_answers (text, answers, cards->len, &error));
  g_assert_no_error (error);
  return answers;
}

static const JkInterestMatch *
match_at (const JkInterestResult *result,
          guint                   index)
{
  g_assert_cmpuint (index, <, result->occupations->len);
  return result->occupations->pdata[index];
}

/* ---------------------------------------------------------------------- */
/* Tests                                                                  */

static void
test_cards (void)
{
  g_autoptr (GError) error = NULL;
  const GPtrArray *cards = jk_interest_cards (&error);
  g_autoptr (GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  guint per_area[JK_INTEREST_N_AREAS] = { 0 };

  g_assert_no_error (error);
  g_assert_nonnull (cards);
  g_assert_cmpuint (cards->len, ==, 30);
  for (guint i = 0; i < cards->len; i++)
    {
      const JkInterestCard *card = cards->pdata[i];

      g_assert_true (g_hash_table_add (ids, card->id));
      g_assert_cmpstr (card->text_en, !=, card->text_es);
      g_assert_cmpstr (jk_interest_card_text (card, "es"), ==, card->text_es);
      g_assert_cmpstr (jk_interest_card_text (card, "en"), ==, card->text_en);
      g_assert_true (g_str_has_suffix (card->icon, "-symbolic"));
      /* Turns: a visitor who stops after six has seen every area. */
      g_assert_cmpint (card->area, ==, i % JK_INTEREST_N_AREAS);
      per_area[card->area]++;
    }
  for (int a = 0; a < JK_INTEREST_N_AREAS; a++)
    g_assert_cmpuint (per_area[a], ==, 5);
  g_assert_cmpstr (jk_interest_area_id (JK_INTEREST_SOCIAL), ==, "social");
  g_assert_cmpstr (jk_interest_job_zone_label (1), ==, "Little or no preparation");
  g_assert_cmpstr (jk_interest_job_zone_label (5), ==, "Extensive preparation");
  g_assert_null (jk_interest_job_zone_label (0));
}

static void
test_parse (void)
{
  JkInterestAnswer answers[30];
  g_autoptr (GError) short_error = NULL;
  g_autoptr (GError) letter_error = NULL;

  g_assert_false (jk_interests_parse_answers ("yyn", answers, 30, &short_error));
  g_assert_error (short_error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_false (jk_interests_parse_answers ("yyyyyyyyyyyyyyyyyyyyyyyyyyyyyx", answers, 30, &letter_error));
  g_assert_error (letter_error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_true (jk_interests_parse_answers ("Yn?yyyyyyyyyyyyyyyyyyyyyyyyyyy", answers, 30, NULL));
  g_assert_cmpint (answers[0], ==, JK_INTEREST_LIKE);
  g_assert_cmpint (answers[1], ==, JK_INTEREST_DISLIKE);
  g_assert_cmpint (answers[2], ==, JK_INTEREST_NOT_SURE);
}

static void
test_score (void)
{
  const GPtrArray *cards = jk_interest_cards (NULL);
  g_autofree JkInterestAnswer *answers = parse (ANSWERS);
  double scores[JK_INTEREST_N_AREAS];
  const double expected[JK_INTEREST_N_AREAS] = { 0.6, -0.8, -0.6, 0.4, -0.8, 0.2 };
  guint decided;

  jk_interests_score (cards, answers, cards->len, scores, &decided);
  for (int a = 0; a < JK_INTEREST_N_AREAS; a++)
    g_assert_cmpfloat_with_epsilon (scores[a], expected[a], 1e-9);
  g_assert_cmpuint (decided, ==, 23);
}

static void
test_fit (void)
{
  const double rising[JK_INTEREST_N_AREAS] = { 1, 2, 3, 4, 5, 6 };
  const double doubled[JK_INTEREST_N_AREAS] = { 2, 4, 6, 8, 10, 12 };
  const double falling[JK_INTEREST_N_AREAS] = { 6, 5, 4, 3, 2, 1 };
  const double flat[JK_INTEREST_N_AREAS] = { 3, 3, 3, 3, 3, 3 };
  /* x = (1, 0, 0, 0, 0, 0), y = (1, 1, 0, 0, 0, 0): means 1/6 and 2/6;
   * Σdxdy = 1 - 6·(1/6)(2/6) = 2/3; Σdx² = 1 - 1/6 = 5/6; Σdy² = 2 - 4/6 = 4/3;
   * r = (2/3) / √(5/6 · 4/3) = (2/3) / √(10/9) = 2/√10 = 0.632456 */
  const double x[JK_INTEREST_N_AREAS] = { 1, 0, 0, 0, 0, 0 };
  const double y[JK_INTEREST_N_AREAS] = { 1, 1, 0, 0, 0, 0 };

  g_assert_cmpfloat_with_epsilon (jk_interests_fit (rising, doubled), 1.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (jk_interests_fit (rising, falling), -1.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (jk_interests_fit (x, y), 0.632456, 1e-6);
  g_assert_true (isnan (jk_interests_fit (rising, flat)));
}

/* The fixture's Interests.txt: OI rows land per SOC, 11-1011.00 and
 * 11-1011.03 averaged; IH rows and basic interests' activities left out. */
static void
test_import (Fixture      *fixture,
             gconstpointer user_data)
{
  g_autofree char *activity = NULL;

  import_fixture (fixture);
  g_assert_cmpint (jk_test_query_int (fixture->store, "SELECT count(*) FROM lmi_interests"), ==, 4);
  /* Realistic (1.00 + 2.00) / 2, investigative (2.50 + 4.50) / 2, enterprising (7.00 + 6.00) / 2. */
  g_assert_cmpint (jk_test_query_int (fixture->store,
                                      "SELECT round (realistic * 100) FROM lmi_interests WHERE soc = '11-1011'"), ==, 150);
  g_assert_cmpint (jk_test_query_int (fixture->store,
                                      "SELECT round (investigative * 100) FROM lmi_interests WHERE soc = '11-1011'"),
                   ==, 350);
  g_assert_cmpint (jk_test_query_int (fixture->store,
                                      "SELECT round (enterprising * 100) FROM lmi_interests WHERE soc = '11-1011'"),
                   ==, 650);
  g_assert_cmpint (jk_test_query_int (fixture->store,
                                      "SELECT round (social * 100) FROM lmi_interests WHERE soc = '29-1141'"), ==, 680);
  g_assert_cmpint (jk_test_query_int (fixture->store, "SELECT count(*) FROM lmi_interest_activities"), ==, 4);
  g_assert_cmpint (jk_test_query_int (fixture->store,
                                      "SELECT count(*) FROM lmi_interest_activities WHERE area = 'realistic'"), ==, 2);
  activity = jk_test_query_text (fixture->store,
                                 "SELECT activity FROM lmi_interest_activities WHERE area = 'conventional'");
  g_assert_cmpstr (activity, ==, "Sort the mail for an office.");
}

/* The answers above against the fixture's profiles, x = (0.6, -0.8, -0.6,
 * 0.4, -0.8, 0.2), mean -1/6, dx = (0.7667, -0.6333, -0.4333, 0.5667,
 * -0.6333, 0.3667), Σdx² = 2.0333:
 *   Nursing Assistants (3.5, 1.8, 1.2, 6.5, 1.7, 3.0): mean 2.95,
 *     Σdxdy = 4.73, Σdy² = 18.855, r = 4.73 / √(2.0333 · 18.855) = 0.7639
 *   Industrial Truck (7.0, 1.5, 1.0, 1.6, 2.4, 4.5): mean 3.0,
 *     Σdxdy = 5.02, Σdy² = 26.82, r = 5.02 / √(2.0333 · 26.82) = 0.6798
 *   Registered Nurses (3.0, 5.0, 1.5, 6.8, 2.0, 3.2): mean 3.5833,
 *     Σdxdy = 2.2433, Σdy² = 19.6883, r = 0.3546
 *   Chief Executives, the average (1.5, 3.5, 2.25, 3.5, 6.5, 4.1): r = -0.485, left out. */
static void
test_match (Fixture      *fixture,
            gconstpointer user_data)
{
  const GPtrArray *cards = jk_interest_cards (NULL);
  g_autofree JkInterestAnswer *answers = parse (ANSWERS);
  g_autoptr (JkInterestResult) result = NULL;
  g_autoptr (GError) error = NULL;

  import_fixture (fixture);
  result = jk_interests_match (fixture->store, answers, cards->len, 20, &error);
  g_assert_no_error (error);
  g_assert_true (result->ranked);
  g_assert_null (result->message);
  g_assert_cmpuint (result->occupations->len, ==, 3);
  g_assert_cmpstr (match_at (result, 0)->soc, ==, "31-1131");
  g_assert_cmpstr (match_at (result, 0)->title, ==, "Nursing Assistants");
  g_assert_cmpfloat_with_epsilon (match_at (result, 0)->fit, 0.7639, 1e-4);
  g_assert_cmpint (match_at (result, 0)->job_zone, ==, 2);
  g_assert_cmpstr (match_at (result, 1)->soc, ==, "53-7051");
  g_assert_cmpfloat_with_epsilon (match_at (result, 1)->fit, 0.6798, 1e-4);
  g_assert_cmpstr (match_at (result, 2)->soc, ==, "29-1141");
  g_assert_cmpfloat_with_epsilon (match_at (result, 2)->fit, 0.3546, 1e-4);
  g_assert_cmpint (match_at (result, 2)->job_zone, ==, 3);
  /* Top areas: realistic 0.6, social 0.4, conventional 0.2. */
  g_assert_cmpuint (result->n_top, ==, 3);
  g_assert_cmpint (result->top[0], ==, JK_INTEREST_REALISTIC);
  g_assert_cmpint (result->top[1], ==, JK_INTEREST_SOCIAL);
  g_assert_cmpint (result->top[2], ==, JK_INTEREST_CONVENTIONAL);
  /* The top area's activities, as imported, for the results' words. */
  g_assert_cmpuint (result->activities->len, ==, 2);
  g_assert_cmpstr (result->activities->pdata[0], ==, "Mend a fence around a yard.");
  g_assert_cmpstr (result->onet_release, ==, "29.2");

  /* A limit keeps the best. */
  g_clear_pointer (&result, jk_interest_result_free);
  result = jk_interests_match (fixture->store, answers, cards->len, 1, &error);
  g_assert_cmpuint (result->occupations->len, ==, 1);
  g_assert_cmpstr (match_at (result, 0)->soc, ==, "31-1131");
}

static void
test_not_sure (Fixture      *fixture,
               gconstpointer user_data)
{
  const GPtrArray *cards = jk_interest_cards (NULL);
  g_autofree JkInterestAnswer *answers = parse ("??????????????????????????????");
  g_autofree JkInterestAnswer *all_yes = parse ("yyyyyyyyyyyyyyyyyyyyyyyyyyyyyy");
  g_autoptr (JkInterestResult) result = NULL;
  g_autoptr (JkInterestResult) flat = NULL;

  import_fixture (fixture);
  result = jk_interests_match (fixture->store, answers, cards->len, 20, NULL);
  g_assert_false (result->ranked);
  g_assert_cmpuint (result->occupations->len, ==, 0);
  g_assert_true (g_str_has_prefix (result->message, "We can't tell yet"));
  g_assert_cmpuint (result->n_top, ==, 0);
  g_assert_cmpuint (result->answered, ==, 30);
  /* Liking everything says as little: six equal scores have no shape. */
  flat = jk_interests_match (fixture->store, all_yes, cards->len, 20, NULL);
  g_assert_false (flat->ranked);
  g_assert_cmpuint (flat->occupations->len, ==, 0);
  g_assert_nonnull (flat->message);
}

/* Stopped early: what was answered is scored, the rest left out. */
static void
test_partial (Fixture      *fixture,
              gconstpointer user_data)
{
  const GPtrArray *cards = jk_interest_cards (NULL);
  g_autofree JkInterestAnswer *answers = g_new0 (JkInterestAnswer, cards->len);
  g_autoptr (JkInterestResult) few = NULL;
  g_autoptr (JkInterestResult) some = NULL;
  /* Two rounds, "yn?yn?" "ynny?y":
   *   R y y → 1; I n n → -1; A ? n → -0.5; S y y → 1; E n ? → -0.5; C ? y → 0.5 */
  const double expected[JK_INTEREST_N_AREAS] = { 1, -1, -0.5, 1, -0.5, 0.5 };

  import_fixture (fixture);
  /* The first round alone: 4 liked or disliked, fewer than the 5 needed. */
  g_assert_true (jk_interests_parse_answers ("yn?yn?", answers, 6, NULL));
  few = jk_interests_match (fixture->store, answers, cards->len, 20, NULL);
  g_assert_cmpuint (few->decided, ==, 4);
  g_assert_cmpuint (few->answered, ==, 6);
  g_assert_false (few->ranked);
  g_assert_nonnull (few->message);
  /* Its liked areas still show. */
  g_assert_cmpuint (few->n_top, ==, 2);

  g_assert_true (jk_interests_parse_answers ("yn?yn?ynny?y", answers, 12, NULL));
  some = jk_interests_match (fixture->store, answers, cards->len, 20, NULL);
  g_assert_cmpuint (some->decided, ==, 9);
  g_assert_true (some->ranked);
  for (int a = 0; a < JK_INTEREST_N_AREAS; a++)
    g_assert_cmpfloat_with_epsilon (some->scores[a], expected[a], 1e-9);
  /* Realistic and social tie at 1: RIASEC order breaks it. */
  g_assert_cmpint (some->top[0], ==, JK_INTEREST_REALISTIC);
  g_assert_cmpint (some->top[1], ==, JK_INTEREST_SOCIAL);
  g_assert_cmpint (some->top[2], ==, JK_INTEREST_CONVENTIONAL);
  g_assert_cmpuint (some->occupations->len, >, 0);
}

/* Without any interest profile imported: ranked, nothing to list. */
static void
test_no_profiles (Fixture      *fixture,
                  gconstpointer user_data)
{
  const GPtrArray *cards = jk_interest_cards (NULL);
  g_autofree JkInterestAnswer *answers = parse (ANSWERS);
  g_autoptr (JkInterestResult) result = NULL;
  g_autoptr (GError) error = NULL;

  result = jk_interests_match (fixture->store, answers, cards->len, 20, &error);
  g_assert_no_error (error);
  g_assert_true (result->ranked);
  g_assert_cmpuint (result->occupations->len, ==, 0);
  g_assert_null (result->onet_release);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/interests/cards", test_cards);
  g_test_add_func ("/interests/parse", test_parse);
  g_test_add_func ("/interests/score", test_score);
  g_test_add_func ("/interests/fit", test_fit);
  JK_TEST_ADD ("/interests/import", Fixture, test_import);
  JK_TEST_ADD ("/interests/match", Fixture, test_match);
  JK_TEST_ADD ("/interests/not-sure", Fixture, test_not_sure);
  JK_TEST_ADD ("/interests/partial", Fixture, test_partial);
  JK_TEST_ADD ("/interests/no-profiles", Fixture, test_no_profiles);
  return g_test_run ();
}
