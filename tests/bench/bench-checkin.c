/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-checkin.c: a check-in among today's appointments, and staff told through the outbox to a loopback receiver */

#include <jobkiosk/jk-checkin.h>
#include <jobkiosk/jk-config.h>
#include <jobkiosk/jk-mail.h>
#include <stdio.h>

#include "store/jk-store-private.h"
#include "jk-bench-stats.h"
#include "jk-test-http-sink.h"
#include "jk-test-proc.h"

#define TARGET_LOOKUP_MS 5.0
#define TARGET_DELAY_S 1.0

static double
ms_since (gint64 start)
{
  return (double) (g_get_monotonic_time () - start) / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  gboolean tiny = g_strcmp0 (g_getenv ("JK_BENCH_SIZE"), "tiny") == 0;
  guint appointments = tiny ? 200 : 5000;
  guint lookups = tiny ? 20 : 200;
  guint deliveries = tiny ? 10 : 100;
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jk-bench-checkin-XXXXXX", &error);
  g_autofree char *db_path = g_build_filename (dir, "jobkiosk.db", NULL);
  g_autoptr (JkConfig) config = jk_config_new_defaults ();
  g_autoptr (JkStore) store = NULL;
  g_autoptr (sqlite3_stmt) insert = NULL;
  g_autoptr (sqlite3_stmt) select = NULL;
  g_autoptr (GArray) lookup_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) floor_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) delay_s = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GDateTime) ten = g_date_time_new_local (2027, 3, 10, 10, 0, 0);
  g_autofree char *day = g_date_time_format (ten, "%Y-%m-%d");
  gint64 now = g_date_time_to_unix (ten);
  JkTestHttpSink *sink;
  double lookup_median, floor_median, delay_median, rate;
  gint64 start;
  guint delivered, next_code;

  g_assert_no_error (error);
  store = jk_store_open (db_path, &error);
  g_assert_no_error (error);
  sink = jk_test_http_sink_start (0);
  config->checkin_endpoint = jk_test_http_sink_get_url (sink, "/staff");

  /* Today's appointments, spread over the day, each with its code. */
  g_assert_true (jk_store_begin (store, NULL));
  insert = jk_store_prepare (store, "INSERT INTO appointments (source, uid, day, starts, ends, code, person, greeting, "
                             "service, location) VALUES ('bench', ?, ?, ?, ?, ?, randomblob (32), 'Maria N.', "
                             "'Career Services', 'Room 2')", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < appointments; i++)
    {
      g_autofree char *uid = g_strdup_printf ("uid-%u", i);
      g_autofree char *code = g_strdup_printf ("C%06u", i);
      /* Those the benchmark checks in start at 10:30; the rest anywhere 8 to 17. */
      gint64 starts = i < lookups + deliveries * 2 ? now + 1800 : now - 7200 + (gint64) (i % 540) * 60;

      sqlite3_reset (insert);
      sqlite3_bind_text (insert, 1, uid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (insert, 2, day, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (insert, 3, starts);
      sqlite3_bind_int64 (insert, 4, starts + 1800);
      sqlite3_bind_text (insert, 5, code, -1, SQLITE_TRANSIENT);
      g_assert_cmpint (sqlite3_step (insert), ==, SQLITE_DONE);
    }
  g_clear_pointer (&insert, sqlite3_finalize);
  g_assert_true (jk_store_commit (store, NULL));
  jk_store_exec (store, "ANALYZE", NULL);

  /* The whole check-in: its connection, the lookup, the arrival, the count
   * and the sealed outbox row, committed. */
  for (guint i = 0; i < lookups; i++)
    {
      g_autofree char *code = g_strdup_printf ("C%06u", i);
      JkCheckinResult *result;

      start = g_get_monotonic_time ();
      result = jk_checkin_by_code (config, db_path, code, now, &error);
      g_array_append_val (lookup_ms, (double) { ms_since (start) });
      g_assert_no_error (error);
      g_assert_cmpint (result->outcome, ==, JK_CHECKIN_CHECKED_IN);
      jk_checkin_result_free (result);
    }
  /* The floor: the same lookup by the indexed code alone, on an open connection. */
  select = jk_store_prepare (store, "SELECT source, uid, recurrence_id, starts, greeting, service, location, staff "
                             "FROM appointments WHERE code = ? AND day = ? AND cancelled = 0", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < lookups; i++)
    {
      g_autofree char *code = g_strdup_printf ("C%06u", i);

      start = g_get_monotonic_time ();
      sqlite3_reset (select);
      sqlite3_bind_text (select, 1, code, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (select, 2, day, -1, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (select), ==, SQLITE_ROW);
      g_array_append_val (floor_ms, (double) { ms_since (start) });
    }
  /* No read left open: the outbox's checkpoint would wait for it. */
  sqlite3_reset (select);
  /* Clear what the lookups told staff. */
  jk_outbox_deliver_due (config, db_path, now, NULL);

  /* Throughput: rows waiting, delivered in one round. */
  next_code = lookups;
  for (guint i = 0; i < deliveries; i++)
    {
      g_autofree char *code = g_strdup_printf ("C%06u", next_code++);

      jk_checkin_result_free (jk_checkin_by_code (config, db_path, code, now, &error));
      g_assert_no_error (error);
    }
  {
    guint before = jk_test_http_sink_count (sink);

    start = g_get_monotonic_time ();
    delivered = jk_outbox_deliver_due (config, db_path, now, NULL);
    rate = delivered / (ms_since (start) / 1000.0);
    g_assert_cmpuint (jk_test_http_sink_wait (sink, before + deliveries, 10000), ==, before + deliveries);
  }
  /* Delay: check-in to the receiver having it, one at a time, as the
   * kiosk tries at once after a check-in. */
  for (guint i = 0; i < deliveries; i++)
    {
      g_autofree char *code = g_strdup_printf ("C%06u", next_code++);
      guint before = jk_test_http_sink_count (sink);

      start = g_get_monotonic_time ();
      jk_checkin_result_free (jk_checkin_by_code (config, db_path, code, now, &error));
      g_assert_no_error (error);
      jk_outbox_deliver_due (config, db_path, now, NULL);
      g_assert_cmpuint (jk_test_http_sink_wait (sink, before + 1, 10000), ==, before + 1);
      g_array_append_val (delay_s, (double) { ms_since (start) / 1000.0 });
    }

  lookup_median = jk_bench_percentile (lookup_ms, 0.5);
  floor_median = jk_bench_percentile (floor_ms, 0.5);
  delay_median = jk_bench_percentile (delay_s, 0.5);
  printf ("appointments today: %u\n", appointments);
  printf ("check-in by code (connection, lookup, arrival, count, sealed outbox row, commit), %u runs: "
          "median %.3f ms, p90 %.3f ms (target under %.0f ms: %s)\n", lookups, lookup_median,
          jk_bench_percentile (lookup_ms, 0.9), TARGET_LOOKUP_MS, lookup_median < TARGET_LOOKUP_MS ? "met" : "missed");
  printf ("floor (SELECT by indexed code on an open connection), same run: median %.4f ms; ratio %.0f\n",
          floor_median, floor_median > 0 ? lookup_median / floor_median : 0.0);
  printf ("outbox to loopback receiver: %u delivered in one round, %.1f per second\n", delivered, rate);
  printf ("check-in to receipt, %u runs: median %.3f s, p90 %.3f s (target under %.1f s: %s)\n", deliveries,
          delay_median, jk_bench_percentile (delay_s, 0.9), TARGET_DELAY_S,
          delay_median < TARGET_DELAY_S ? "met" : "missed");

  jk_test_http_sink_stop (sink);
  g_clear_pointer (&select, sqlite3_finalize);
  g_clear_pointer (&store, jk_store_free);
  jk_test_remove_tree (dir);
  return 0;
}
