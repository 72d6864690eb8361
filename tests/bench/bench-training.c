/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-training.c: programs for one occupation among 20 000, nearest first, against the bare indexed join */

#include <jobkiosk/jk-training.h>
#include <stdio.h>

#include "store/jk-store-private.h"
#include "jk-bench-stats.h"
#include "jk-test-proc.h"

#define TARGET_SEARCH_MS 10.0

/* The real crosswalk's size: about 2 000 CIP codes and 800 SOC codes in
 * some 6 000 pairs. */
#define N_SOCS 800

static double
ms_since (gint64 start)
{
  return (double) (g_get_monotonic_time () - start) / 1000.0;
}

static char *
soc_code (guint i)
{
  return g_strdup_printf ("%02u-%04u", 11 + i % 43, 1000 + i);
}

/* The busiest occupation gets many CIPs (as nurse aides, drivers and
 * medical assistants do in a real list); the others one to four. */
static void
write_files (const char *crosswalk,
             const char *etpl,
             guint       programs,
             guint       cips,
             GRand      *rand)
{
  g_autoptr (GString) text = g_string_new ("CIP2020Code,CIP2020Title,SOC2018Code,SOC2018Title\r\n");
  g_autoptr (GError) error = NULL;

  for (guint c = 0; c < cips; c++)
    {
      guint links = 1 + g_rand_int_range (rand, 0, 3);

      for (guint l = 0; l < links; l++)
        {
          guint soc = c % 40 == 0 ? 0 : (guint) g_rand_int_range (rand, 1, N_SOCS);
          g_autofree char *code = soc_code (l == 0 ? soc : (guint) g_rand_int_range (rand, 1, N_SOCS));

          g_string_append_printf (text, "%02u.%04u,Program %u,%s,Occupation\r\n", 1 + c / 9000, c % 9000, c, code);
        }
    }
  g_assert_true (g_file_set_contents (crosswalk, text->str, (gssize) text->len, &error));

  g_string_assign (text, "Provider Name,Program Name,CIP Code,Credential Type,Program Length (Weeks),"
                         "Program Length (Hours),Total Cost,Delivery Mode,Address,City,State,ZIP,Phone,Website,"
                         "Completion Rate,Employment Rate,Median Earnings\r\n");
  for (guint p = 0; p < programs; p++)
    {
      guint c = (guint) g_rand_int_range (rand, 0, (gint32) cips);
      guint zip = 43001 + (guint) g_rand_int_range (rand, 0, 600); /* a tenth have no centroid */
      gboolean weeks = g_rand_boolean (rand);

      g_string_append_printf (text, "\"Provider %u, Inc.\",Program %u,%02u.%04u,Certificate,%s,%s,\"$%u,%03u.00\","
                                    "In person,%u Main St,Columbus,OH,%u,614-555-0100,https://example.org/%u,"
                                    "%u%%,0.%02u,\"$%u\"\r\n",
                              p / 4, p, 1 + c / 9000, c % 9000, weeks ? "12" : "", weeks ? "" : "480",
                              1 + p % 9, p % 1000, p, zip, p, 50 + p % 50, 10 + p % 89, 5000 + p % 7000);
    }
  g_assert_true (g_file_set_contents (etpl, text->str, (gssize) text->len, &error));
}

static void
time_runs (GArray  *out,
           guint    runs,
           gboolean (*run) (gpointer data),
           gpointer data)
{
  for (guint i = 0; i < runs; i++)
    {
      gint64 start = g_get_monotonic_time ();

      g_assert_true (run (data));
      g_array_append_val (out, (double) { ms_since (start) });
    }
}

typedef struct {
  JkStore *store;
  JkTrainingQuery query;
  sqlite3_stmt *floor;
  guint rows;
} Run;

static gboolean
run_search (gpointer data)
{
  Run *run = data;
  g_autoptr (GPtrArray) programs = jk_training_search (run->store, &run->query, NULL);

  run->rows = programs != NULL ? programs->len : 0;
  return programs != NULL;
}

/* The floor: the same join on an open statement, by the index alone, no
 * distance, no order, no rows made into programs. */
static gboolean
run_floor (gpointer data)
{
  Run *run = data;

  sqlite3_reset (run->floor);
  sqlite3_bind_text (run->floor, 1, run->query.soc, -1, SQLITE_STATIC);
  run->rows = 0;
  while (sqlite3_step (run->floor) == SQLITE_ROW)
    run->rows++;
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  gboolean tiny = g_strcmp0 (g_getenv ("JK_BENCH_SIZE"), "tiny") == 0;
  guint programs = tiny ? 500 : 20000;
  guint cips = tiny ? 100 : 2000;
  guint runs = tiny ? 20 : 200;
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jk-bench-training-XXXXXX", &error);
  g_autofree char *db_path = g_build_filename (dir, "jobkiosk.db", NULL);
  g_autofree char *crosswalk = g_build_filename (dir, "crosswalk.csv", NULL);
  g_autofree char *etpl = g_build_filename (dir, "etpl.csv", NULL);
  g_autofree char *busiest = soc_code (0);
  g_autoptr (JkStore) store = NULL;
  g_autoptr (GArray) search_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) first_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) floor_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GRand) rand = g_rand_new_with_seed (18);
  Run run = { 0 };
  double search_median, floor_median, import_ms;
  guint search_rows, floor_rows;
  gint64 start;

  g_assert_no_error (error);
  store = jk_store_open (db_path, &error);
  g_assert_no_error (error);
  /* 540 ZIP centroids around Columbus for the 600 ZIP codes programs use. */
  g_assert_true (jk_store_begin (store, NULL));
  for (guint z = 0; z < 540; z++)
    {
      g_autofree char *sql = g_strdup_printf ("INSERT INTO zip_centroids (zip, latitude, longitude) VALUES ('%u', %f, %f)",
                                              43001 + z, 39.5 + (z % 30) * 0.03, -83.5 + (z / 30) * 0.05);
      g_assert_true (jk_store_exec (store, sql, NULL));
    }
  g_assert_true (jk_store_commit (store, NULL));

  write_files (crosswalk, etpl, programs, cips, rand);
  start = g_get_monotonic_time ();
  g_assert_true (jk_training_import (store, crosswalk, NULL, NULL, &error));
  g_assert_true (jk_training_import (store, etpl, NULL, NULL, &error));
  g_assert_no_error (error);
  import_ms = ms_since (start);

  run.store = store;
  run.query = (JkTrainingQuery) { busiest, TRUE, 39.9612, -82.9988, 0 };
  run.floor = jk_store_prepare (store, "SELECT p.id FROM training_cip_soc x JOIN training_programs p ON p.cip = x.cip"
                                       " WHERE x.soc = ?1", &error);
  g_assert_no_error (error);

  /* Warm the cache once, as a kiosk that has shown an occupation has. */
  run_search (&run);
  time_runs (search_ms, runs, run_search, &run);
  search_rows = run.rows;
  run.query.limit = 6; /* what the occupation page asks for: five and "See all" */
  time_runs (first_ms, runs, run_search, &run);
  run.query.limit = 0;
  time_runs (floor_ms, runs, run_floor, &run);
  floor_rows = run.rows;
  g_assert_cmpuint (search_rows, ==, floor_rows);
  sqlite3_finalize (run.floor);

  search_median = jk_bench_percentile (search_ms, 0.5);
  floor_median = jk_bench_percentile (floor_ms, 0.5);
  printf ("training programs: %u, crosswalk CIP codes: %u; import of both %.0f ms\n", programs, cips, import_ms);
  printf ("search for the busiest occupation (%s, %u programs, all of them, nearest first then shortest), %u runs: "
          "median %.3f ms, p95 %.3f ms (target under %.0f ms: %s)\n",
          busiest, search_rows, runs, search_median, jk_bench_percentile (search_ms, 0.95), TARGET_SEARCH_MS,
          jk_bench_percentile (search_ms, 0.95) < TARGET_SEARCH_MS ? "met" : "MISSED");
  printf ("the same, the nearest 6 (the occupation page): median %.3f ms, p95 %.3f ms\n",
          jk_bench_percentile (first_ms, 0.5), jk_bench_percentile (first_ms, 0.95));
  printf ("floor (the indexed join alone, no distance or order, open statement), same run: median %.3f ms, p95 %.3f ms;"
          " ratio %.1f\n", floor_median, jk_bench_percentile (floor_ms, 0.95),
          floor_median > 0 ? search_median / floor_median : 0.0);

  g_clear_pointer (&store, jk_store_free);
  jk_test_remove_tree (dir);
  return 0;
}
