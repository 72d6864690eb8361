/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-interests.c: the interest quiz's results (scores, the fit of every occupation's profile, the ranking) at
 * 1 000 occupations, beside the floor of reading the same profiles with a bare SELECT. Prints figures; never fails
 * on a timer. JK_BENCH_SIZE=tiny runs a small set a few times. */

#include <jobkiosk/jk-interests.h>
#include <stdio.h>
#include <string.h>

#include "jk-bench-stats.h"
#include "jk-test-lmi.h"
#include "jk-test-proc.h"
#include "store/jk-store-private.h"

/* Every occupation a profile: one area high, one middling, the rest low, as O*NET's are. */
static void
add_profiles (JkStore *store,
              GRand   *rand)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (sqlite3_stmt) socs = NULL;
  g_autoptr (sqlite3_stmt) insert = NULL;
  g_autoptr (GPtrArray) all = g_ptr_array_new_with_free_func (g_free);

  socs = jk_store_prepare (store, "SELECT soc FROM lmi_occupations", &error);
  g_assert_no_error (error);
  while (sqlite3_step (socs) == SQLITE_ROW)
    g_ptr_array_add (all, g_strdup ((const char *) sqlite3_column_text (socs, 0)));
  g_assert_true (jk_store_begin (store, &error));
  insert = jk_store_prepare (store,
                             "INSERT INTO lmi_interests (release_id, soc, realistic, investigative, artistic, social,"
                             " enterprising, conventional) VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                             &error);
  g_assert_no_error (error);
  for (guint i = 0; i < all->len; i++)
    {
      int high = g_rand_int_range (rand, 0, 6), middle = g_rand_int_range (rand, 0, 6);

      sqlite3_bind_text (insert, 1, all->pdata[i], -1, SQLITE_STATIC);
      for (int a = 0; a < 6; a++)
        sqlite3_bind_double (insert, 2 + a, a == high     ? g_rand_double_range (rand, 5.5, 7.0)
                                            : a == middle ? g_rand_double_range (rand, 3.5, 5.5)
                                                          : g_rand_double_range (rand, 1.0, 3.5));
      g_assert_cmpint (sqlite3_step (insert), ==, SQLITE_DONE);
      sqlite3_reset (insert);
    }
  g_assert_true (jk_store_commit (store, &error));
}

/* The floor: the same rows read and nothing done with them. */
static double
bare_select (JkStore *store)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gint64 start = g_get_monotonic_time ();
  double sum = 0;

  stmt = jk_store_prepare (store,
                           "SELECT soc, realistic, investigative, artistic, social, enterprising, conventional"
                           " FROM lmi_interests WHERE release_id = (SELECT max (release_id) FROM lmi_interests)",
                           &error);
  g_assert_no_error (error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    sum += sqlite3_column_double (stmt, 1);
  g_assert_cmpfloat (sum, >, 0);
  return (g_get_monotonic_time () - start) / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  gboolean tiny = g_strcmp0 (g_getenv ("JK_BENCH_SIZE"), "tiny") == 0;
  guint occupations = tiny ? 100 : 1000, runs = tiny ? 10 : 300;
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jk-bench-interests-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "jobkiosk.db", NULL);
  g_autoptr (GRand) rand = g_rand_new_with_seed (1818);
  g_autoptr (GArray) floor_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) match_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) shown_ms = g_array_new (FALSE, FALSE, sizeof (double));
  const JkLmiPlace place = { "39", "18140" };
  const GPtrArray *cards = jk_interest_cards (&error);
  g_auto (GStrv) words = NULL;
  g_autofree JkInterestAnswer *answers = NULL;
  JkStore *store;
  guint ranked = 0;
  double floor_median, match_median;

  setvbuf (stdout, NULL, _IOLBF, 0);
  g_assert_no_error (error);
  store = jk_store_open (path, &error);
  g_assert_no_error (error);
  jk_test_lmi_generate (store, occupations, occupations, &words);
  add_profiles (store, rand);
  printf ("%u occupations with interest profiles, %u cards\n", occupations, cards->len);
  answers = g_new0 (JkInterestAnswer, cards->len);

  for (guint r = 0; r < runs; r++)
    {
      g_autoptr (JkInterestResult) result = NULL;
      gint64 start;
      double ms;

      /* A visitor's answers, new each time: mostly decided, a few not sure. */
      for (guint i = 0; i < cards->len; i++)
        answers[i] = g_rand_int_range (rand, 0, 10) < 2 ? JK_INTEREST_NOT_SURE
                     : g_rand_boolean (rand)           ? JK_INTEREST_LIKE
                                                        : JK_INTEREST_DISLIKE;
      ms = bare_select (store);
      g_array_append_val (floor_ms, ms);
      start = g_get_monotonic_time ();
      result = jk_interests_match (store, answers, cards->len, 20, &error);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_assert_no_error (error);
      g_array_append_val (match_ms, ms);
      ranked += result->ranked;
      /* What the page waits for: the same with pay and open jobs for the 20. */
      start = g_get_monotonic_time ();
      g_assert_true (jk_interests_add_details (store, result, &place, g_get_real_time () / G_USEC_PER_SEC, &error));
      ms = (g_get_monotonic_time () - start) / 1000.0 + g_array_index (match_ms, double, match_ms->len - 1);
      g_array_append_val (shown_ms, ms);
    }
  floor_median = jk_bench_percentile (floor_ms, 0.5);
  match_median = jk_bench_percentile (match_ms, 0.5);
  printf ("floor, a bare SELECT of the %u profiles, %u runs: median %.3f ms, p95 %.3f ms\n", occupations, runs,
          floor_median, jk_bench_percentile (floor_ms, 0.95));
  printf ("quiz results (jk_interests_match: scores, every fit, the top 20), %u runs, %u ranked: median %.3f ms,"
          " p95 %.3f ms, max %.3f ms (target: under 20 ms)\n",
          runs, ranked, match_median, jk_bench_percentile (match_ms, 0.95), jk_bench_percentile (match_ms, 1.0));
  printf ("ratio to the floor (medians): %.2f\n", floor_median > 0 ? match_median / floor_median : 0);
  printf ("with pay and open jobs for the 20 shown (what the page waits for): median %.3f ms, p95 %.3f ms\n",
          jk_bench_percentile (shown_ms, 0.5), jk_bench_percentile (shown_ms, 0.95));

  jk_store_free (store);
  jk_test_remove_tree (dir);
  return 0;
}
