/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-lmi-query.c: finding an occupation as a person types, and the occupation page's queries, at 1 000
 * occupations and 56 000 alternate titles. Prints figures; never fails on a timer. JK_BENCH_SIZE=tiny runs a
 * small set once. */

#include <jobkiosk/jk-lmi.h>
#include <stdio.h>
#include <string.h>

#include "jk-bench-stats.h"
#include "jk-test-lmi.h"
#include "jk-test-proc.h"
#include "store/jk-store-private.h"

/* Postings in the cache, some with a SOC code, for the page's count. */
static void
add_postings (JkStore    *store,
              GStrv       words,
              guint       occupations,
              guint       count,
              GRand      *rand)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  guint n_words = g_strv_length (words);

  g_assert_true (jk_store_exec (store, "INSERT INTO sources (id, name, url) VALUES (1, 'bench', 'feed.xml')", &error));
  g_assert_true (jk_store_begin (store, &error));
  stmt = jk_store_prepare (store,
                           "INSERT INTO jobs (source_id, external_id, content_hash, dedup_key, title, soc_code,"
                           " first_seen, last_seen) VALUES (1, ?1, 0, '', ?2, ?3, 1, 1)",
                           &error);
  g_assert_no_error (error);
  for (guint i = 0; i < count; i++)
    {
      g_autofree char *id = g_strdup_printf ("P%u", i);
      g_autofree char *title = g_strdup_printf ("%s %s", words[g_rand_int_range (rand, 0, (gint32) n_words)],
                                                words[g_rand_int_range (rand, 0, (gint32) n_words)]);
      guint o = (guint) g_rand_int_range (rand, 0, (gint32) occupations);
      g_autofree char *soc = g_strdup_printf ("%02u-%04u", 11 + o / 1000 % 40, o % 10000);

      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, title, -1, SQLITE_TRANSIENT);
      if (i % 3 == 0)
        sqlite3_bind_text (stmt, 3, soc, -1, SQLITE_TRANSIENT);
      else
        sqlite3_bind_null (stmt, 3);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_reset (stmt);
    }
  g_assert_true (jk_store_exec (store, "INSERT INTO jobs_title_fts (jobs_title_fts) VALUES ('rebuild')", &error));
  g_assert_true (jk_store_commit (store, &error));
}

static gint64
count_rows (JkStore    *store,
            const char *table)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  g_autoptr (sqlite3_stmt) stmt = jk_store_prepare (store, sql, &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

/* A word with one letter wrong: two neighbours swapped, or one dropped. */
static char *
misspell (const char *word,
          GRand      *rand)
{
  gsize length = strlen (word);
  char *wrong = g_strdup (word);
  gsize at;

  if (length < 5)
    return wrong;
  at = (gsize) g_rand_int_range (rand, 1, (gint32) length - 1);
  if (g_rand_boolean (rand))
    {
      char c = wrong[at];
      wrong[at] = wrong[at + 1];
      wrong[at + 1] = c;
    }
  else
    memmove (wrong + at, wrong + at + 1, length - at);
  return wrong;
}

static double
search_ms (JkStore    *store,
           const char *text,
           gboolean    typing,
           guint      *found)
{
  g_autoptr (GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  g_autoptr (GPtrArray) results = jk_lmi_search (store, text, typing, 10, &error);
  double ms = (g_get_monotonic_time () - start) / 1000.0;

  g_assert_no_error (error);
  *found += results->len > 0;
  return ms;
}

int
main (int   argc,
      char *argv[])
{
  gboolean tiny = g_strcmp0 (g_getenv ("JK_BENCH_SIZE"), "tiny") == 0;
  guint occupations = tiny ? 100 : 1000, alternates = tiny ? 2000 : 56000;
  guint postings = g_getenv ("JK_BENCH_POSTINGS") != NULL
                   ? (guint) g_ascii_strtoull (g_getenv ("JK_BENCH_POSTINGS"), NULL, 10)
                   : tiny ? 500 : 50000;
  guint sessions = tiny ? 10 : 200, pages = tiny ? 20 : 300;
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jk-bench-lmi-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "jobkiosk.db", NULL);
  g_autoptr (GRand) rand = g_rand_new_with_seed (1414);
  g_autoptr (GArray) typed_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) typo_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) page_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) all_ms = NULL;
  const JkLmiPlace place = { "39", "18140" };
  g_auto (GStrv) words = NULL;
  JkStore *store;
  guint n_words, typed_found = 0, typo_found = 0;
  gint64 start;
  double reindex_s;

  setvbuf (stdout, NULL, _IOLBF, 0);
  store = jk_store_open (path, &error);
  g_assert_no_error (error);
  start = g_get_monotonic_time ();
  jk_test_lmi_generate (store, occupations, alternates, &words);
  printf ("generated %u occupations with %u alternate titles, %u postings (%.1f s with the index)\n", occupations,
          alternates, postings, (g_get_monotonic_time () - start) / 1e6);
  start = g_get_monotonic_time ();
  g_assert_true (jk_lmi_reindex (store, &error));
  reindex_s = (g_get_monotonic_time () - start) / 1e6;
  printf ("jk_lmi_reindex alone: %.2f s, %" G_GINT64_FORMAT " titles, %" G_GINT64_FORMAT " spelling keys\n", reindex_s,
          count_rows (store, "lmi_search_titles"), count_rows (store, "lmi_search_terms"));
  n_words = g_strv_length (words);
  add_postings (store, words, occupations, postings, rand);

  /* A person types one or two words letter by letter (a search at every
   * letter from the second), then finishes them. */
  for (guint s = 0; s < sessions; s++)
    {
      const char *first = words[g_rand_int_range (rand, 0, (gint32) n_words)];
      const char *second = words[g_rand_int_range (rand, 0, (gint32) n_words)];
      g_autofree char *phrase = g_strdup_printf ("%s %s", first, s % 2 == 0 ? second : "");
      gsize length = strlen (phrase);
      g_autofree char *wrong = misspell (first, rand);
      g_autofree char *wrong_phrase = g_strdup_printf ("%s %s", second, wrong);
      double ms;

      g_strstrip (phrase);
      length = strlen (phrase);
      for (gsize cut = 2; cut <= length; cut++)
        {
          g_autofree char *prefix = g_strndup (phrase, cut);
          ms = search_ms (store, prefix, TRUE, &typed_found);
          g_array_append_val (typed_ms, ms);
        }
      ms = search_ms (store, phrase, FALSE, &typed_found);
      g_array_append_val (typed_ms, ms);
      ms = search_ms (store, wrong, FALSE, &typo_found);
      g_array_append_val (typo_ms, ms);
      ms = search_ms (store, wrong_phrase, FALSE, &typo_found);
      g_array_append_val (typo_ms, ms);
    }

  for (guint p = 0; p < pages; p++)
    {
      guint o = (guint) g_rand_int_range (rand, 0, (gint32) occupations);
      g_autofree char *soc = g_strdup_printf ("%02u-%04u", 11 + o / 1000 % 40, o % 10000);
      g_autoptr (JkLmiOccupation) occupation = NULL;
      double ms;

      start = g_get_monotonic_time ();
      occupation = jk_lmi_occupation_get (store, soc, &place, 1764000000, &error);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_assert_no_error (error);
      g_assert_nonnull (occupation->wages[JK_LMI_AREA_METRO]);
      g_array_append_val (page_ms, ms);
    }

  all_ms = g_array_copy (typed_ms);
  g_array_append_vals (all_ms, typo_ms->data, typo_ms->len);
  printf ("occupation search, %u searches as typed (prefixes from 2 letters, then the finished words), %u found:\n",
          typed_ms->len, typed_found);
  printf ("  median %.2f ms, p95 %.2f ms, max %.2f ms\n", jk_bench_percentile (typed_ms, 0.5),
          jk_bench_percentile (typed_ms, 0.95), jk_bench_percentile (typed_ms, 1.0));
  printf ("occupation search with a letter wrong, %u searches, %u found:\n", typo_ms->len, typo_found);
  printf ("  median %.2f ms, p95 %.2f ms, max %.2f ms\n", jk_bench_percentile (typo_ms, 0.5),
          jk_bench_percentile (typo_ms, 0.95), jk_bench_percentile (typo_ms, 1.0));
  printf ("occupation search, all %u: p95 %.2f ms (target: under 20 ms)\n", all_ms->len,
          jk_bench_percentile (all_ms, 0.95));
  printf ("the occupation page's queries (jk_lmi_occupation_get), %u pages: median %.2f ms (target: under 10 ms),"
          " p95 %.2f ms\n", page_ms->len, jk_bench_percentile (page_ms, 0.5), jk_bench_percentile (page_ms, 0.95));

  for (JkLmiList which = JK_LMI_LIST_NO_DEGREE_TOP_PAY; which <= JK_LMI_LIST_SHORT_TRAINING; which++)
    {
      g_autoptr (GPtrArray) items = NULL;

      start = g_get_monotonic_time ();
      items = jk_lmi_list (store, &place, which, 20, &error);
      g_assert_no_error (error);
      printf ("list %d (20 of %u occupations): %.1f ms\n", which, occupations, (g_get_monotonic_time () - start) / 1000.0);
    }

  jk_store_free (store);
  jk_test_remove_tree (dir);
  return 0;
}
