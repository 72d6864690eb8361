/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-usage.c: a visit's counts (searches, jobs viewed, QR codes, screens, the visit) reach the database at the wipe */

#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-usage.h>
#include <string.h>

#include "jobs/jk-job-page.h"
#include "jobs/jk-list-page.h"
#include "jobs/jk-search-page.h"
#include "shell/jk-application.h"
#include "jk-test-log.h"
#include "jk-test-proc.h"
#include "jk-test-ui-util.h"

static JkTestKiosk kiosk;
static JkWindow *window;
static JkClock *fake_clock;

/* What a counter adds up to today, over every hour. */
static gint64
counted (const char *what)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) now = jk_clock_now_local (fake_clock);
  g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr (GPtrArray) rows = jk_usage_query (jk_store_get_path (kiosk.store), day, day, &error);
  gint64 sum = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    {
      const JkUsageRow *row = rows->pdata[i];

      if (strcmp (row->what, what) == 0)
        sum += row->count;
    }
  return sum;
}

static gboolean
visits_reach (gpointer data)
{
  return counted ("visits") >= GPOINTER_TO_INT (data);
}

static void
test_visit_counts (void)
{
  JkJobPage *job_page;
  gboolean has_qr;

  jk_test_fresh_visit (window);
  g_assert_cmpint (counted ("visits"), ==, 0);

  jk_window_show_page (window, &jk_search_page_info);
  jk_search_page_set_text (jk_test_search_page (window), "cook", NULL);
  jk_search_page_search_now (jk_test_search_page (window));
  jk_test_wait_until (jk_test_search_idle, window, 10000);
  g_signal_emit_by_name (jk_search_page_get_result (jk_test_search_page (window), 0), "activate");
  g_assert_cmpstr (jk_window_get_page_name (window), ==, "job");
  job_page = JK_JOB_PAGE (jk_window_get_page (window, &jk_job_page_info));
  has_qr = jk_job_page_get_record (job_page)->job->apply_url != NULL;
  /* My list's one code for all the saved jobs, asked for. */
  jk_test_click (GTK_WIDGET (window), "Save to my list");
  jk_window_show_page (window, &jk_list_page_info);
  jk_test_click (GTK_WIDGET (window), "One QR code for all");
  jk_window_go_back (window);
  jk_window_go_back (window);
  jk_test_wait_until (jk_test_search_idle, window, 10000);
  jk_test_screenshot (GTK_WIDGET (window), "usage-before-wipe");
  /* Nothing is written while the visit lasts. */
  g_assert_cmpint (counted ("searches"), ==, 0);

  jk_window_finish_visit (window);
  jk_test_wait_until (visits_reach, GINT_TO_POINTER (1), 10000);
  g_assert_cmpint (counted ("visits"), ==, 1);
  g_assert_cmpint (counted ("searches"), ==, 1);
  g_assert_cmpint (counted ("jobs-viewed"), ==, 1);
  g_assert_cmpint (counted ("qr-shown"), ==, has_qr ? 2 : 1);
  /* Each screen once per visit, however often it was shown. */
  g_assert_cmpint (counted ("screen:jobs"), ==, 1);
  g_assert_cmpint (counted ("screen:job"), ==, 1);
  g_assert_cmpint (counted ("screen:mylist"), ==, 1);

  /* A visit that only switched the language is a visit too, with nothing
   * else counted; the counts of the first are not counted again. */
  jk_test_click (GTK_WIDGET (window), "Español");
  jk_window_finish_visit (window);
  jk_test_wait_until (visits_reach, GINT_TO_POINTER (2), 10000);
  g_assert_cmpint (counted ("searches"), ==, 1);
  g_assert_cmpint (counted ("jobs-viewed"), ==, 1);
  g_assert_cmpint (counted ("screen:jobs"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GDateTime) start = g_date_time_new_local (2026, 11, 22, 9, 40, 0);
  int status;

  g_test_init (&argc, &argv, NULL);
  jk_test_log_init ();
  jk_i18n_init ();
  jk_test_require_display ();

  fake_clock = jk_clock_new_fake (start);
  jk_test_kiosk_start (&kiosk, "jk-ui-usage-XXXXXX", fake_clock);
  window = kiosk.window;
  jk_test_kiosk_sync (&kiosk, NULL, g_date_time_to_unix (start));
  jk_test_show_window (window, 1280, 720);

  g_test_add_func ("/usage/visit-counts", test_visit_counts);
  status = g_test_run ();

  gtk_widget_destroy (GTK_WIDGET (window));
  g_object_unref (kiosk.app);
  g_object_unref (fake_clock);
  jk_test_remove_tree (kiosk.state_dir);
  g_free (kiosk.state_dir);
  return status;
}
