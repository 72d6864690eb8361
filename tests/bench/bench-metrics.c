/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-metrics.c: the whole `jobkioskctl metrics` process over a 1 000 000-job cache, beside a bare `jobkioskctl --version` */

/*
 * Builds a cache of 1 000 000 postings (JK_BENCH_SIZE=tiny: 2 000) with
 * jk_bench_fill_cache, its source's row as a good sync leaves it, then
 * runs the real `jobkioskctl metrics` as a child N times, and as the floor
 * a bare `jobkioskctl --version` N times in the same run, and prints the
 * median and p90 of each in ms and their ratio. CUPS_SERVER is a closed
 * loopback port: the printer answers "unreachable" at once, so what is
 * measured is the process and its database reads. Target: the metrics run
 * under 200 ms (median). A missed target is printed, not failed; the run
 * fails only when the child fails or its numbers are wrong.
 */

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <jobkiosk/jk-store.h>

#include "store/jk-store-private.h"
#include "jk-bench-cache.h"
#include "jk-bench-child.h"
#include "jk-bench-stats.h"
#include "jk-test-proc.h"

#define FULL_JOBS 1000000
#define TINY_JOBS 2000
#define FULL_RUNS 30
#define TINY_RUNS 5
#define TARGET_MS 200.0

static double
run_ms (const char *const *argv,
        const char        *log_path)
{
  JkBenchChild run = { 0 };
  g_autofree char *failure = NULL;

  if (!jk_bench_run_child (argv, log_path, &run, &failure))
    {
      fprintf (stderr, "bench-metrics: %s\n", failure);
      exit (1);
    }
  return run.wall_s * 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  gboolean tiny = g_strcmp0 (g_getenv ("JK_BENCH_SIZE"), "tiny") == 0;
  guint n_jobs = tiny ? TINY_JOBS : FULL_JOBS;
  guint runs = tiny ? TINY_RUNS : FULL_RUNS;
  const char *ctl = g_getenv ("JK_JOBKIOSKCTL");
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jk-bench-metrics-XXXXXX", &error);
  g_autofree char *db_path = g_build_filename (dir, "jobkiosk.db", NULL);
  g_autofree char *config = g_build_filename (dir, "kiosk.conf", NULL);
  g_autofree char *log_path = g_build_filename (dir, "child.log", NULL);
  g_autofree char *expected = g_strdup_printf ("jobkiosk_feed_postings{source=\"bench\"} %u\n", n_jobs);
  g_autofree char *log = NULL;
  g_autofree char *sql = NULL;
  g_autoptr (GArray) metrics_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) floor_ms = g_array_new (FALSE, FALSE, sizeof (double));
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 start;
  double median, p90, floor_median, floor_p90;
  const char *const metrics_argv[] = { ctl, "--config", config, "--db", db_path, "metrics", NULL };
  const char *const version_argv[] = { ctl, "--version", NULL };

  g_assert_no_error (error);
  g_assert_nonnull (ctl);
  g_setenv ("CUPS_SERVER", "127.0.0.1:1", TRUE);
  g_assert_true (g_file_set_contents (config, "", 0, NULL));

  start = g_get_monotonic_time ();
  {
    g_autoptr (JkStore) store = jk_store_open (db_path, &error);

    g_assert_no_error (error);
    jk_bench_fill_cache (store, n_jobs, now);
    /* The source's row as a good sync leaves it, and a little of the rest. */
    sql = g_strdup_printf ("UPDATE sources SET last_good_sync = %" G_GINT64_FORMAT ", last_good_count = %u,"
                           " state = 'ok' WHERE name = 'bench';"
                           "INSERT INTO outbox (kind, idempotency_key, nonce, sealed, created, next_attempt)"
                           " VALUES ('mail', 'k1', x'00', x'00', 0, 0);"
                           "PRAGMA wal_checkpoint(TRUNCATE);",
                           now, n_jobs);
    g_assert_true (jk_store_exec (store, sql, &error));
  }
  printf ("cache: %u postings, built in %.1f s\n", n_jobs, (double) (g_get_monotonic_time () - start) / 1e6);

  /* One untimed run of each, so the file cache holds what both read. */
  run_ms (metrics_argv, log_path);
  run_ms (version_argv, log_path);
  for (guint i = 0; i < runs; i++)
    {
      double ms = run_ms (metrics_argv, log_path);
      g_array_append_val (metrics_ms, ms);
      ms = run_ms (version_argv, log_path);
      g_array_append_val (floor_ms, ms);
    }
  run_ms (metrics_argv, log_path);
  g_assert_true (g_file_get_contents (log_path, &log, NULL, NULL));
  if (strstr (log, expected) == NULL || strstr (log, "jobkiosk_outbox_backlog{kind=\"mail\"} 1\n") == NULL)
    {
      fprintf (stderr, "bench-metrics: wrong numbers; it wrote:\n%s", log);
      return 1;
    }

  median = jk_bench_percentile (metrics_ms, 0.5);
  p90 = jk_bench_percentile (metrics_ms, 0.9);
  floor_median = jk_bench_percentile (floor_ms, 0.5);
  floor_p90 = jk_bench_percentile (floor_ms, 0.9);
  printf ("jobkioskctl metrics, %u runs: median %.1f ms, p90 %.1f ms (target: under %.0f ms)%s\n", runs, median, p90,
          TARGET_MS, median < TARGET_MS ? "" : "  MISSED");
  printf ("floor, jobkioskctl --version, %u runs: median %.1f ms, p90 %.1f ms\n", runs, floor_median, floor_p90);
  printf ("ratio (median): %.2fx the floor\n", median / floor_median);

  jk_test_remove_tree (dir);
  return 0;
}
