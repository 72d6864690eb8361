/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-finish.c: "Finish" to a home screen ready for the next visitor,
 * after a full visit (Spanish, larger text and high contrast, a search with
 * results, 20 saved jobs, 10 log entries, the job, list and log pages
 * opened). The floor, measured in the same run: the same visitor going Home
 * without the wipe. Prints figures; never fails on a timer.
 * JK_BENCH_SIZE=tiny runs 3 visits over a 3 000-posting cache. */

#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-joblog.h>
#include <jobkiosk/jk-search.h>
#include <jobkiosk/jk-visit.h>
#include <stdio.h>

#include "jobs/jk-job-page.h"
#include "jobs/jk-list-page.h"
#include "jobs/jk-log-page.h"
#include "jobs/jk-search-page.h"
#include "shell/jk-application.h"
#include "shell/jk-home-page.h"
#include "jk-bench-cache.h"
#include "jk-bench-stats.h"
#include "jk-test-proc.h"
#include "jk-test-ui-util.h"

static gint64 painted_at;

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       user_data)
{
  painted_at = g_get_monotonic_time ();
}

/* Everything a visitor can leave behind, on every page that shows it. */
static void
make_full_visit (JkWindow *window,
                 JkStore  *store)
{
  JkSession *session = jk_window_get_session (window);
  JkSearchQuery query = { .text = "cook", .limit = 20, .now = g_get_real_time () / G_USEC_PER_SEC };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) records = NULL;
  JkSearchPage *search;
  GDate today;

  jk_session_set_language (session, "es");
  jk_session_set_large_text (session, TRUE);
  jk_session_set_high_contrast (session, TRUE);
  jk_visit_set_name (session, "Ana María Núñez");
  jk_window_show_page (window, &jk_search_page_info);
  search = JK_SEARCH_PAGE (jk_window_get_page (window, &jk_search_page_info));
  jk_search_page_set_text (search, "cook", NULL);
  jk_search_page_search_now (search);
  jk_test_wait_until (jk_test_search_idle, window, 30000);

  records = jk_search_jobs (store, &query, &error);
  g_assert_no_error (error);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 7, G_DATE_DECEMBER, 2026);
  for (guint i = 0; i < records->len; i++)
    {
      const JkJobRecord *record = records->pdata[i];

      jk_visit_save_job (session, record);
      if (i < 10)
        jk_visit_add_log_entry (session, jk_log_entry_new (&today, record->job->employer, record->job->title,
                                                           JK_CONTACT_ONLINE, "online form", "waiting"));
    }
  jk_window_show_page (window, &jk_list_page_info);
  jk_window_show_page (window, &jk_log_page_info);
  jk_window_open_page (window, &jk_job_page_info,
                       g_variant_new_int64 (((JkJobRecord *) records->pdata[0])->id));
  jk_test_wait_drawn (GTK_WIDGET (window));
}

/* From the call to the first frame painted with the home page showing. */
static double
time_to_home (JkWindow *window,
              void    (*go) (JkWindow *window))
{
  gint64 t0 = g_get_monotonic_time ();

  painted_at = 0;
  go (window);
  g_assert_cmpstr (jk_window_get_page_name (window), ==, "home");
  while (painted_at == 0)
    g_main_context_iteration (NULL, TRUE);
  return (painted_at - t0) / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  gboolean tiny = g_strcmp0 (g_getenv ("JK_BENCH_SIZE"), "tiny") == 0;
  guint n_jobs = tiny ? 3000 : 200000;
  guint n_visits = tiny ? 3 : 40;
  g_autofree char *dir = g_dir_make_tmp ("jk-bench-finish-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "jobkiosk.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) finish = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) home = g_array_new (FALSE, FALSE, sizeof (double));
  JkApplicationOptions options = { 0 };
  JkApplication *app;
  JkWindow *window;
  JkStore *store;
  double p95_finish, p95_home;

  setvbuf (stdout, NULL, _IOLBF, 0);
  g_setenv ("GDK_GL", "disable", FALSE);
  jk_i18n_init ();
  jk_test_require_display ();
  store = jk_store_open (db, &error);
  g_assert_no_error (error);
  jk_bench_fill_cache (store, n_jobs, g_get_real_time () / G_USEC_PER_SEC);
  printf ("cache: %u jobs\n", n_jobs);

  app = jk_application_new (jk_config_new_defaults (), store, jk_clock_get_default (), &options);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  jk_application_load_style ();
  window = jk_application_create_window (app);
  jk_test_show_window (window, 1920, 1080);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint", G_CALLBACK (on_after_paint),
                    NULL);

  for (guint i = 0; i < n_visits; i++)
    {
      double ms;

      make_full_visit (window, store);
      ms = time_to_home (window, jk_window_go_home);
      g_array_append_val (home, ms);
      g_assert_false (jk_session_is_pristine (jk_window_get_session (window)));

      make_full_visit (window, store);
      ms = time_to_home (window, jk_window_finish_visit);
      g_array_append_val (finish, ms);
      g_assert_true (jk_session_is_pristine (jk_window_get_session (window)));
      g_assert_cmpuint (jk_visit_get_saved_jobs (jk_window_get_session (window))->len, ==, 0);
      jk_test_wait_drawn (GTK_WIDGET (window));
    }
  p95_finish = jk_bench_percentile (finish, 0.95);
  p95_home = jk_bench_percentile (home, 0.95);
  printf ("Finish to home drawn, after a full visit (%u visits, 20 saved jobs, 10 log entries, Spanish, larger text"
          " and high contrast):\n", n_visits);
  printf ("  median %.1f ms, p95 %.1f ms (target: p95 under 300 ms)\n", jk_bench_percentile (finish, 0.5), p95_finish);
  printf ("floor, Home without the wipe: median %.1f ms, p95 %.1f ms\n", jk_bench_percentile (home, 0.5), p95_home);
  printf ("ratio Finish / Home at p95: %.2fx\n", p95_home > 0 ? p95_finish / p95_home : 0);

  gtk_widget_destroy (GTK_WIDGET (window));
  g_object_unref (app);
  jk_test_remove_tree (dir);
  return 0;
}
