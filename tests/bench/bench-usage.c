/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-usage.c: a year of hourly usage counts read back and drawn as the staff Usage screen does, against bare SQLite reads */

#include <jobkiosk/jk-usage-chart.h>
#include <jobkiosk/jk-usage.h>
#include <pango/pangocairo.h>
#include <stdio.h>

#include "store/jk-store-private.h"
#include "jk-bench-stats.h"
#include "jk-test-proc.h"

/* The target for the Usage screen over a year: query and draw. */
#define TARGET_MS 50.0

/* 20 counters: every fixed one, the walk-in reasons, five screens. */
static const char *const counters[] = {
  "visits", "searches", "jobs-viewed", "qr-shown", "pages-printed", "checkins", "walk-ins",
  "walk-in:look-for-work", "walk-in:computer", "walk-in:resume", "walk-in:unemployment", "walk-in:work-program",
  "walk-in:case-manager", "walk-in:workshop", "walk-in:other",
  "screen:home", "screen:jobs", "screen:job", "screen:print", "screen:checkin",
};

static double
ms_since (gint64 start)
{
  return (double) (g_get_monotonic_time () - start) / 1000.0;
}

/* What the staff Usage screen does for a range longer than a day: the
 * days' totals, one counter's bars, the chart drawn at screen size (the
 * table shows the same bars). Returns the bars drawn. */
static guint
query_and_draw (const char *db_path,
                const char *first_day,
                const char *last_day,
                cairo_t    *cr)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) totals = jk_usage_query_totals (db_path, first_day, last_day, &error);
  g_autoptr (GArray) bars = NULL;
  PangoContext *pango = pango_cairo_create_context (cr);
  JkUsageChartStyle style = {
    { 0.11, 0.24, 0.43 }, { 0.11, 0.24, 0.43 }, { 0.55, 0.6, 0.7 }, { 0.85, 0.88, 0.92 }, { 1, 1, 1 },
    pango_font_description_from_string ("Sans 11"),
  };

  g_assert_no_error (error);
  bars = jk_usage_bars_from_totals (totals, "visits", first_day, last_day);
  jk_usage_chart_draw (cr, pango, 880, 300, (const JkUsageBar *) bars->data, bars->len, &style);
  cairo_surface_flush (cairo_get_target (cr));
  pango_font_description_free (style.font);
  g_object_unref (pango);
  return bars->len;
}

int
main (int   argc,
      char *argv[])
{
  gboolean tiny = g_strcmp0 (g_getenv ("JK_BENCH_SIZE"), "tiny") == 0;
  guint days = tiny ? 7 : 365;
  guint runs = tiny ? 3 : 15;
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jk-bench-usage-XXXXXX", &error);
  g_autofree char *db_path = g_build_filename (dir, "jobkiosk.db", NULL);
  g_autoptr (JkStore) store = NULL;
  g_autoptr (sqlite3_stmt) insert = NULL;
  g_autoptr (sqlite3_stmt) count_all = NULL;
  g_autoptr (sqlite3_stmt) read_all = NULL;
  g_autoptr (GArray) query_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) count_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) read_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) csv_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) draw_ms = g_array_new (FALSE, FALSE, sizeof (double));
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 880, 300);
  cairo_t *cr = cairo_create (surface);
  g_autoptr (GArray) totals_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GDateTime) first = g_date_time_new_local (2026, 1, 1, 12, 0, 0);
  g_autoptr (GDateTime) last = g_date_time_add_days (first, days - 1);
  g_autofree char *first_day = g_date_time_format (first, "%Y-%m-%d");
  g_autofree char *last_day = g_date_time_format (last, "%Y-%m-%d");
  guint64 expected = (guint64) days * 24 * G_N_ELEMENTS (counters);
  double query_median, count_median, read_median, totals_median, draw_median;
  gint64 start;

  g_assert_no_error (error);
  store = jk_store_open (db_path, &error);
  g_assert_no_error (error);

  /* A year of counts: every hour of every day, every counter. */
  g_assert_true (jk_store_begin (store, NULL));
  insert = jk_store_prepare (store, "INSERT INTO usage_hours (day, hour, what, count) VALUES (?, ?, ?, ?)", &error);
  g_assert_no_error (error);
  for (guint d = 0; d < days; d++)
    {
      g_autoptr (GDateTime) date = g_date_time_add_days (first, d);
      g_autofree char *day = g_date_time_format (date, "%Y-%m-%d");

      for (guint h = 0; h < 24; h++)
        for (gsize c = 0; c < G_N_ELEMENTS (counters); c++)
          {
            sqlite3_bind_text (insert, 1, day, -1, SQLITE_TRANSIENT);
            sqlite3_bind_int (insert, 2, (int) h);
            sqlite3_bind_text (insert, 3, counters[c], -1, SQLITE_STATIC);
            sqlite3_bind_int (insert, 4, (int) ((d * 7 + h * 3 + c) % 40));
            g_assert_cmpint (sqlite3_step (insert), ==, SQLITE_DONE);
            sqlite3_reset (insert);
          }
    }
  g_clear_pointer (&insert, sqlite3_finalize);
  /* The days' rows jk_usage_add keeps beside the hours, made at once as
   * migration 19 makes them from hours already there. */
  g_assert_true (jk_store_exec (store, "INSERT INTO usage_days (day, what, count, shown_hours) "
                                "SELECT day, what, sum (count), total (count) FILTER (WHERE count >= 5) "
                                "FROM usage_hours GROUP BY day, what", NULL));
  g_assert_true (jk_store_commit (store, NULL));

  count_all = jk_store_prepare (store, "SELECT count(*) FROM usage_hours", &error);
  read_all = jk_store_prepare (store, "SELECT day, hour, what, count FROM usage_hours", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < runs; i++)
    {
      g_autoptr (GPtrArray) rows = NULL;
      guint64 n = 0;

      /* What the screen calls: its own connection, the rows in order. */
      start = g_get_monotonic_time ();
      rows = jk_usage_query (db_path, first_day, last_day, &error);
      g_array_append_val (query_ms, (double) { ms_since (start) });
      g_assert_no_error (error);
      g_assert_cmpuint (rows->len, ==, expected);

      start = g_get_monotonic_time ();
      g_assert_cmpuint (query_and_draw (db_path, first_day, last_day, cr), ==, days);
      g_array_append_val (draw_ms, (double) { ms_since (start) });

      /* What a year's chart is drawn from: days' totals summed in SQL. */
      {
        g_autoptr (GPtrArray) totals = NULL;

        start = g_get_monotonic_time ();
        totals = jk_usage_query_totals (db_path, first_day, last_day, &error);
        g_array_append_val (totals_ms, (double) { ms_since (start) });
        g_assert_no_error (error);
        g_assert_cmpuint (totals->len, ==, days * G_N_ELEMENTS (counters));
      }

      start = g_get_monotonic_time ();
      g_free (jk_usage_to_csv (rows));
      g_array_append_val (csv_ms, (double) { ms_since (start) });

      /* The floors, on the open connection: counting the rows, and
       * stepping through every row without keeping it. */
      start = g_get_monotonic_time ();
      g_assert_cmpint (sqlite3_step (count_all), ==, SQLITE_ROW);
      g_array_append_val (count_ms, (double) { ms_since (start) });
      g_assert_cmpint (sqlite3_column_int64 (count_all, 0), ==, (gint64) expected);
      sqlite3_reset (count_all);

      start = g_get_monotonic_time ();
      while (sqlite3_step (read_all) == SQLITE_ROW)
        {
          if (sqlite3_column_int64 (read_all, 3) >= 0)
            n++;
        }
      g_array_append_val (read_ms, (double) { ms_since (start) });
      sqlite3_reset (read_all);
      g_assert_cmpuint (n, ==, expected);
    }

  query_median = jk_bench_percentile (query_ms, 0.5);
  count_median = jk_bench_percentile (count_ms, 0.5);
  read_median = jk_bench_percentile (read_ms, 0.5);
  totals_median = jk_bench_percentile (totals_ms, 0.5);
  printf ("usage rows: %" G_GUINT64_FORMAT " (%u days x 24 hours x %zu counters)\n", expected, days,
          G_N_ELEMENTS (counters));
  printf ("jk_usage_query over the range (connection, rows in order, copies), %u runs: median %.2f ms, p90 %.2f ms "
          "(every hour: the CSV export's read; the screen draws a longer range from days' totals, below)\n", runs,
          query_median, jk_bench_percentile (query_ms, 0.9));
  printf ("floor: SELECT count(*) on an open connection, same run: median %.2f ms; ratio %.1f\n", count_median,
          count_median > 0 ? query_median / count_median : 0.0);
  printf ("floor: every row stepped through on an open connection, same run: median %.2f ms; ratio %.1f\n",
          read_median, read_median > 0 ? query_median / read_median : 0.0);
  printf ("jk_usage_query_totals over the range (usage_days: days' totals per counter), %u runs: median %.2f ms, "
          "p90 %.2f ms (target under %.0f ms for query and draw: query %s); ratio to SELECT count(*) %.1f\n", runs,
          totals_median, jk_bench_percentile (totals_ms, 0.9), TARGET_MS, totals_median < TARGET_MS ? "within" : "over",
          count_median > 0 ? totals_median / count_median : 0.0);
  printf ("jk_usage_to_csv of those rows: median %.2f ms\n", jk_bench_percentile (csv_ms, 0.5));
  draw_median = jk_bench_percentile (draw_ms, 0.5);
  printf ("the Usage screen over the range (days' totals queried, one counter's bars, the chart drawn 880x300), "
          "%u runs: median %.2f ms, p90 %.2f ms (target under %.0f ms: %s); ratio to SELECT count(*) %.1f\n", runs,
          draw_median, jk_bench_percentile (draw_ms, 0.9), TARGET_MS, draw_median < TARGET_MS ? "within" : "over",
          count_median > 0 ? draw_median / count_median : 0.0);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  g_clear_pointer (&count_all, sqlite3_finalize);
  g_clear_pointer (&read_all, sqlite3_finalize);
  g_clear_pointer (&store, jk_store_free);
  jk_test_remove_tree (dir);
  return 0;
}
