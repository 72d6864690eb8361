/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-usage.c: counts added by the kiosk's local hour, a visit's counts at once, ranges, CSV with small counts left out */

#include <jobkiosk/jk-config.h>
#include <jobkiosk/jk-usage.h>
#include <string.h>

#include "store/jk-store-private.h"
#include "jk-test.h"
#include "jk-test-db.h"
#include "jk-test-proc.h"

typedef struct {
  char *dir;
  char *db_path;
  JkStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  f->dir = g_dir_make_tmp ("jk-test-usage-XXXXXX", &error);
  g_assert_no_error (error);
  f->db_path = g_build_filename (f->dir, "jobkiosk.db", NULL);
  f->store = jk_store_open (f->db_path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->store, jk_store_free);
  jk_test_remove_tree (f->dir);
  g_free (f->db_path);
  g_free (f->dir);
}

/* The unix time of a local day and hour (TZ is set for the whole program). */
static gint64
local_time (int y,
            int m,
            int d,
            int h,
            int min)
{
  g_autoptr (GDateTime) time = g_date_time_new_local (y, m, d, h, min, 0);

  return g_date_time_to_unix (time);
}

static void
add (Fixture    *f,
     const char *what,
     gint64      n,
     gint64      now)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (jk_store_begin (f->store, &error));
  g_assert_true (jk_usage_add (f->store, what, n, now, &error));
  g_assert_no_error (error);
  g_assert_true (jk_store_commit (f->store, &error));
}

static GPtrArray *
query (Fixture    *f,
       const char *first,
       const char *last)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *rows = jk_usage_query (f->db_path, first, last, &error);

  g_assert_no_error (error);
  g_assert_nonnull (rows);
  return rows;
}

/* "day hour what count" lines of the rows, to compare in one go. */
static char *
rows_text (GPtrArray *rows)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < rows->len; i++)
    {
      const JkUsageRow *row = rows->pdata[i];

      g_string_append_printf (out, "%s %u %s %" G_GINT64_FORMAT "\n", row->day, row->hour, row->what, row->count);
    }
  return g_string_free (out, FALSE);
}

/* ---------------------------------------------------------------------- */

static void
test_add (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autofree char *text = NULL;

  add (f, "searches", 1, local_time (2027, 3, 10, 9, 5));
  add (f, "searches", 2, local_time (2027, 3, 10, 9, 55));
  add (f, "searches", 1, local_time (2027, 3, 10, 10, 0));
  add (f, "walk-in:resume", 1, local_time (2027, 3, 10, 10, 0));
  add (f, "screen:search", 1, local_time (2027, 3, 10, 10, 0));
  add (f, "visits", 0, local_time (2027, 3, 10, 10, 0));   /* nothing to count: no row */

  /* Not counters: refused, nothing written. */
  g_assert_true (jk_store_begin (f->store, &error));
  g_assert_false (jk_usage_add (f->store, "sausages", 1, local_time (2027, 3, 10, 10, 0), &error));
  g_assert_error (error, JK_USAGE_ERROR, JK_USAGE_ERROR_BAD_INPUT);
  g_clear_error (&error);
  g_assert_false (jk_usage_add (f->store, "walk-in:lunch", 1, local_time (2027, 3, 10, 10, 0), &error));
  g_assert_error (error, JK_USAGE_ERROR, JK_USAGE_ERROR_BAD_INPUT);
  g_clear_error (&error);
  g_assert_false (jk_usage_add (f->store, "screen:Robert Smith", 1, local_time (2027, 3, 10, 10, 0), &error));
  g_assert_error (error, JK_USAGE_ERROR, JK_USAGE_ERROR_BAD_INPUT);
  g_clear_error (&error);
  g_assert_false (jk_usage_add (f->store, "searches", -1, local_time (2027, 3, 10, 10, 0), &error));
  g_assert_error (error, JK_USAGE_ERROR, JK_USAGE_ERROR_BAD_INPUT);
  g_clear_error (&error);
  g_assert_true (jk_store_commit (f->store, &error));

  rows = query (f, "2027-03-10", "2027-03-10");
  text = rows_text (rows);
  g_assert_cmpstr (text, ==,
                   "2027-03-10 9 searches 3\n"
                   "2027-03-10 10 screen:search 1\n"
                   "2027-03-10 10 searches 1\n"
                   "2027-03-10 10 walk-in:resume 1\n");
}

/* The day and hour are the kiosk's own (TZ here: America/Chicago), not
 * UTC's: a count at 03:30 UTC is the evening before. */
static void
test_hours_local (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr (GPtrArray) rows = NULL;
  g_autofree char *text = NULL;
  g_autoptr (GDateTime) utc_evening = g_date_time_new_utc (2027, 3, 11, 3, 30, 0);   /* 21:30 CST on the 10th */
  g_autoptr (GDateTime) utc_summer = g_date_time_new_utc (2027, 7, 1, 14, 0, 0);     /* 09:00 CDT */

  add (f, "visits", 7, g_date_time_to_unix (utc_evening));
  add (f, "visits", 5, g_date_time_to_unix (utc_summer));
  rows = query (f, "2027-01-01", "2027-12-31");
  text = rows_text (rows);
  g_assert_cmpstr (text, ==,
                   "2027-03-10 21 visits 7\n"
                   "2027-07-01 9 visits 5\n");
}

static void
test_add_counts (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) bad = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) rows = NULL;
  g_autofree char *text = NULL;
  gint64 now = local_time (2027, 3, 10, 14, 20);

  g_hash_table_insert (counts, "visits", GINT_TO_POINTER (1));
  g_hash_table_insert (counts, "searches", GINT_TO_POINTER (4));
  g_hash_table_insert (counts, "jobs-viewed", GINT_TO_POINTER (3));
  g_hash_table_insert (counts, "screen:job", GINT_TO_POINTER (1));
  g_assert_true (jk_usage_add_counts (f->db_path, counts, now, &error));
  g_assert_no_error (error);
  /* A second visit in the same hour adds to the same rows. */
  g_assert_true (jk_usage_add_counts (f->db_path, counts, now + 60, &error));
  g_assert_no_error (error);

  /* One unknown key: the whole visit is refused, nothing of it written. */
  g_hash_table_insert (bad, "visits", GINT_TO_POINTER (1));
  g_hash_table_insert (bad, "name:Maria", GINT_TO_POINTER (1));
  g_assert_false (jk_usage_add_counts (f->db_path, bad, now, &error));
  g_assert_error (error, JK_USAGE_ERROR, JK_USAGE_ERROR_BAD_INPUT);
  g_clear_error (&error);

  /* Nothing to add: TRUE, nothing opened. */
  g_assert_true (jk_usage_add_counts ("/nonexistent/jobkiosk.db", NULL, now, &error));
  g_assert_no_error (error);

  rows = query (f, "2027-03-10", "2027-03-10");
  text = rows_text (rows);
  g_assert_cmpstr (text, ==,
                   "2027-03-10 14 jobs-viewed 6\n"
                   "2027-03-10 14 screen:job 2\n"
                   "2027-03-10 14 searches 8\n"
                   "2027-03-10 14 visits 2\n");
}

static void
test_query_ranges (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) one = NULL;
  g_autoptr (GPtrArray) three = NULL;
  g_autoptr (GPtrArray) none = NULL;
  g_autofree char *text = NULL;

  add (f, "visits", 1, local_time (2027, 2, 28, 23, 59));
  add (f, "visits", 2, local_time (2027, 3, 1, 0, 0));
  add (f, "visits", 3, local_time (2027, 3, 2, 12, 0));
  add (f, "visits", 4, local_time (2027, 3, 3, 8, 0));

  one = query (f, "2027-03-01", "2027-03-01");
  text = rows_text (one);
  g_assert_cmpstr (text, ==, "2027-03-01 0 visits 2\n");
  g_clear_pointer (&text, g_free);

  three = query (f, "2027-02-28", "2027-03-02");
  text = rows_text (three);
  g_assert_cmpstr (text, ==,
                   "2027-02-28 23 visits 1\n"
                   "2027-03-01 0 visits 2\n"
                   "2027-03-02 12 visits 3\n");

  none = query (f, "2027-03-03", "2027-03-01");   /* backwards: nothing */
  g_assert_cmpuint (none->len, ==, 0);

  g_assert_null (jk_usage_query (f->db_path, "2027-3-1", "2027-03-02", &error));
  g_assert_error (error, JK_USAGE_ERROR, JK_USAGE_ERROR_BAD_INPUT);
  g_clear_error (&error);
  g_assert_null (jk_usage_query (f->db_path, "2027-02-30", "2027-03-02", &error));
  g_assert_error (error, JK_USAGE_ERROR, JK_USAGE_ERROR_BAD_INPUT);
  g_clear_error (&error);
  g_assert_null (jk_usage_query (f->db_path, "2027-03-01", "' OR 1 --", &error));
  g_assert_error (error, JK_USAGE_ERROR, JK_USAGE_ERROR_BAD_INPUT);
}

/* Hours from 1 to 4 never appear; a day's total is exact, and left out
 * when, less the hours shown, it would tell such a small count. */
static void
test_csv (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr (GPtrArray) rows = NULL;
  g_autofree char *csv = NULL;

  add (f, "visits", 12, local_time (2027, 3, 10, 9, 0));
  add (f, "visits", 3, local_time (2027, 3, 10, 10, 0));    /* hidden: 1..4 */
  add (f, "visits", 2, local_time (2027, 3, 10, 11, 0));    /* hidden; with 10h: 5, the total can show */
  add (f, "searches", 5, local_time (2027, 3, 10, 9, 0));   /* 5 is shown */
  add (f, "searches", 4, local_time (2027, 3, 10, 10, 0));  /* hidden alone: the total would tell it */
  add (f, "checkins", 1, local_time (2027, 3, 11, 9, 0));   /* a lone check-in */
  add (f, "walk-ins", 6, local_time (2027, 3, 11, 9, 0));

  rows = query (f, "2027-03-10", "2027-03-11");
  csv = jk_usage_to_csv (rows);
  g_assert_cmpstr (csv, ==,
                   "day,hour,counter,count,note\r\n"
                   "2027-03-10,9,searches,5,\r\n"
                   "2027-03-10,9,visits,12,\r\n"
                   "2027-03-10,,searches,,day total left out; with the hours shown it would tell a count below 5\r\n"
                   "2027-03-10,,visits,17,exact day total; hours with counts from 1 to 4 are in it but not listed\r\n"
                   "2027-03-11,9,walk-ins,6,\r\n"
                   "2027-03-11,,checkins,,day total left out; with the hours shown it would tell a count below 5\r\n"
                   "2027-03-11,,walk-ins,6,exact day total; hours with counts from 1 to 4 are in it but not listed\r\n");
}

static char *
totals_text (GPtrArray *totals)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < totals->len; i++)
    {
      const JkUsageTotal *total = totals->pdata[i];

      g_string_append_printf (out, "%s %s %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %s\n", total->day, total->what,
                              total->count, total->shown_hours, total->withheld ? "withheld" : "shown");
    }
  return g_string_free (out, FALSE);
}

/* The days' totals jk_usage_add keeps are those summed from the hours. */
static void
test_query_totals (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GPtrArray) from_rows = NULL;
  g_autoptr (GPtrArray) from_sql = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *text = NULL;

  add (f, "visits", 12, local_time (2027, 3, 10, 9, 0));
  add (f, "visits", 3, local_time (2027, 3, 10, 10, 0));
  add (f, "visits", 2, local_time (2027, 3, 10, 11, 0));
  add (f, "searches", 5, local_time (2027, 3, 10, 9, 0));
  add (f, "searches", 4, local_time (2027, 3, 10, 10, 0));
  add (f, "checkins", 1, local_time (2027, 3, 11, 9, 0));
  add (f, "checkins", 1, local_time (2027, 3, 12, 9, 0));   /* outside */
  /* An hour that reaches 5 in two steps moves into the part shown. */
  add (f, "visits", 2, local_time (2027, 3, 11, 15, 0));
  add (f, "visits", 3, local_time (2027, 3, 11, 15, 30));

  rows = query (f, "2027-03-10", "2027-03-11");
  from_rows = jk_usage_day_totals (rows);
  from_sql = jk_usage_query_totals (f->db_path, "2027-03-10", "2027-03-11", &error);
  g_assert_no_error (error);
  expected = totals_text (from_rows);
  text = totals_text (from_sql);
  g_assert_cmpstr (expected, ==,
                   "2027-03-10 searches 9 5 withheld\n"
                   "2027-03-10 visits 17 12 shown\n"
                   "2027-03-11 checkins 1 0 withheld\n"
                   "2027-03-11 visits 5 5 shown\n");
  g_assert_cmpstr (text, ==, expected);
  g_assert_null (jk_usage_query_totals (f->db_path, "2027-03-10", "tomorrow", &error));
  g_assert_error (error, JK_USAGE_ERROR, JK_USAGE_ERROR_BAD_INPUT);
}

/* Quoting as RFC 4180 asks, on rows made by hand (a key with a comma
 * cannot be stored). */
static void
test_csv_quoting (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) jk_usage_row_free);
  JkUsageRow *row = g_new0 (JkUsageRow, 1);
  g_autofree char *csv = NULL;

  g_strlcpy (row->day, "2027-03-10", sizeof row->day);
  row->hour = 9;
  row->what = g_strdup ("a,\"b\"\nc");
  row->count = 5;
  g_ptr_array_add (rows, row);
  csv = jk_usage_to_csv (rows);
  g_assert_true (strstr (csv, "2027-03-10,9,\"a,\"\"b\"\"\nc\",5,\r\n") != NULL);
  g_assert_true (g_str_has_prefix (csv, "day,hour,counter,count,note\r\n"));
}

/* Queued once per day, its key safe as a header whatever the name. */
static void
test_report_queued_once (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JkConfig) config = jk_config_new_defaults ();
  g_autofree char *key = NULL;
  gint64 now = local_time (2027, 3, 11, 0, 20);

  g_free (config->kiosk_name);
  config->kiosk_name = g_strdup ("Lobby\r\nX-Evil: 1");
  config->usage_endpoint = g_strdup ("http://127.0.0.1:9/usage");
  add (f, "visits", 6, local_time (2027, 3, 10, 9, 0));
  g_assert_true (jk_usage_report_day (config, f->db_path, "2027-03-10", now, &error));
  g_assert_no_error (error);
  g_assert_true (jk_usage_report_day (config, f->db_path, "2027-03-10", now + 60, &error));
  g_assert_no_error (error);
  g_assert_cmpint (jk_test_query_int (f->store, "SELECT count(*) FROM outbox WHERE kind = 'usage'"), ==, 1);
  key = jk_test_query_text (f->store, "SELECT idempotency_key FROM outbox");
  g_assert_cmpstr (key, ==, "usage:Lobby__X-Evil: 1:2027-03-10");
  g_assert_false (jk_usage_report_day (config, f->db_path, "yesterday", now, &error));
  g_assert_error (error, JK_USAGE_ERROR, JK_USAGE_ERROR_BAD_INPUT);
}

static void
test_labels (Fixture       *f,
             gconstpointer  data)
{
  g_assert_cmpstr (jk_usage_counter_label ("qr-shown"), ==, "QR codes shown");
  g_assert_cmpstr (jk_usage_counter_label ("walk-in:resume"), ==, "Resume help");
  g_assert_null (jk_usage_counter_label ("screen:search"));
  g_assert_null (jk_usage_counter_label ("nothing"));
}

int
main (int   argc,
      char *argv[])
{
  /* Hours are local: a zone with a UTC offset and summer time. */
  g_setenv ("TZ", "America/Chicago", TRUE);
  g_test_init (&argc, &argv, NULL);
  JK_TEST_ADD ("/usage/add", Fixture, test_add);
  JK_TEST_ADD ("/usage/hours-local", Fixture, test_hours_local);
  JK_TEST_ADD ("/usage/add-counts", Fixture, test_add_counts);
  JK_TEST_ADD ("/usage/query-ranges", Fixture, test_query_ranges);
  JK_TEST_ADD ("/usage/query-totals", Fixture, test_query_totals);
  JK_TEST_ADD ("/usage/csv", Fixture, test_csv);
  JK_TEST_ADD ("/usage/csv-quoting", Fixture, test_csv_quoting);
  JK_TEST_ADD ("/usage/report-queued-once", Fixture, test_report_queued_once);
  JK_TEST_ADD ("/usage/labels", Fixture, test_labels);
  return g_test_run ();
}
