/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-calendar-refresher.c: the kiosk keeps today's appointments from a
 * calendar served by a real nginx on 127.0.0.1: fetched, then asked again
 * with its validators (304, nothing rewritten), and kept when the server
 * is gone */

#include <glib/gstdio.h>
#include <jobkiosk/jk-calendar-refresher.h>
#include <jobkiosk/jk-store.h>

#include "store/jk-store-private.h"
#include "jk-test-log.h"
#include "jk-test-nginx.h"
#include "jk-test-proc.h"
#include "jk-test.h"

typedef struct {
  char *dir;
  char *docroot;
  char *db;
  JkTestNginx *nginx;
  JkConfig *config;
  JkClock *clock;
} Fixture;

static gint64
count_rows (Fixture    *fixture,
            const char *sql)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JkStore) store = jk_store_open_reader (fixture->db, &error);
  g_autoptr (sqlite3_stmt) stmt = NULL;

  g_assert_no_error (error);
  stmt = jk_store_prepare (store, sql, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static gboolean
idle_cb (gpointer data)
{
  return !jk_calendar_refresher_is_busy (data);
}

/* Runs the main loop until the round ends (at most 20 s). */
static void
wait_round (JkCalendarRefresher *refresher)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!idle_cb (refresher) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (idle_cb (refresher));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) noon = g_date_time_new_local (2026, 3, 6, 12, 0, 0);
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "checkin", "center-dst.ics", NULL);
  g_autofree char *served = NULL;
  g_autofree char *contents = NULL;
  g_autoptr (JkStore) store = NULL;
  gsize length;

  fixture->dir = g_dir_make_tmp ("jk-test-calendars-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->docroot = g_build_filename (fixture->dir, "www", NULL);
  g_assert_cmpint (g_mkdir (fixture->docroot, 0755), ==, 0);
  served = g_build_filename (fixture->docroot, "center.ics", NULL);
  g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (served, contents, (gssize) length, NULL));
  fixture->db = g_build_filename (fixture->dir, "kiosk.db", NULL);
  store = jk_store_open (fixture->db, &error);
  g_assert_no_error (error);
  fixture->nginx = jk_test_nginx_start (fixture->docroot);
  fixture->config = jk_config_new_defaults ();
  fixture->config->checkin_calendars = jk_test_nginx_url (fixture->nginx, "center.ics");
  /* A server that is gone is seen at the first try. */
  fixture->config->feed_attempts = 1;
  fixture->clock = jk_clock_new_fake (noon);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  jk_test_nginx_stop (fixture->nginx);
  jk_config_free (fixture->config);
  g_object_unref (fixture->clock);
  jk_test_remove_tree (fixture->dir);
  g_free (fixture->docroot);
  g_free (fixture->db);
  g_free (fixture->dir);
}

/* Fetched at start; asked again with its validators; kept when the
 * server is gone. */
static void
test_refresh (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr (JkCalendarRefresher) refresher = jk_calendar_refresher_new (fixture->config, fixture->db, fixture->clock);
  int status = 0;

  jk_calendar_refresher_start (refresher);
  wait_round (refresher);
  /* Today's and tomorrow's: the one on March 6 (the others are later). */
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM appointments"), ==, 1);
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM appointments WHERE code = 'AB1234' "
                                        "AND day = '2026-03-06'"), ==, 1);
  g_assert_cmpuint (jk_test_nginx_count_requests (fixture->nginx, "/center.ics", &status), ==, 1);
  g_assert_cmpint (status, ==, 200);

  /* The next round: the calendar has not changed. */
  jk_calendar_refresher_stop (refresher);
  jk_calendar_refresher_start (refresher);
  wait_round (refresher);
  g_assert_cmpuint (jk_test_nginx_count_requests (fixture->nginx, "/center.ics", &status), ==, 2);
  g_assert_cmpint (status, ==, 304);
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM appointments"), ==, 1);

  /* The server gone: what was read keeps serving, and the error is noted. */
  jk_test_nginx_stop (fixture->nginx);
  jk_calendar_refresher_stop (refresher);
  jk_test_log_expect_warning ("jk-calendar-refresher", "The calendar * could not be read: Can't reach the calendar: *");
  jk_calendar_refresher_start (refresher);
  wait_round (refresher);
  jk_test_log_assert_expected ();
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM appointments"), ==, 1);
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM calendar_state WHERE last_error IS NOT NULL"), ==, 1);
}

/* Without calendars: past days' arrivals (a walk-in's mobile number among
 * them) still go. */
static void
test_purge_without_calendars (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr (JkCalendarRefresher) refresher = NULL;
  g_autoptr (GError) error = NULL;

  g_clear_pointer (&fixture->config->checkin_calendars, g_free);
  {
    g_autoptr (JkStore) store = jk_store_open_writer (fixture->db, &error);

    g_assert_no_error (error);
    g_assert_true (jk_store_exec (store, "INSERT INTO arrivals (day, arrived, kind, reason, queue_number, phone) "
                                         "VALUES ('2026-03-05', 1772730000, 'walk-in', 'resume', 1, '6145550100'), "
                                         "('2026-03-06', 1772816400, 'walk-in', 'resume', 1, NULL)", &error));
    g_assert_no_error (error);
  }
  refresher = jk_calendar_refresher_new (fixture->config, fixture->db, fixture->clock);
  jk_calendar_refresher_start (refresher);
  wait_round (refresher);
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM arrivals"), ==, 1);
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM arrivals WHERE day = '2026-03-06'"), ==, 1);
  g_assert_cmpuint (jk_test_nginx_count_requests (fixture->nginx, "/center.ics", NULL), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "America/New_York", TRUE);
  g_test_init (&argc, &argv, NULL);
  jk_test_log_init ();
  g_test_add ("/calendars/refresh", Fixture, NULL, fixture_set_up, test_refresh, fixture_tear_down);
  g_test_add ("/calendars/purge-without-calendars", Fixture, NULL, fixture_set_up, test_purge_without_calendars,
              fixture_tear_down);
  return g_test_run ();
}
