/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-print.c: rendering printouts, and printing one to a real cupsd on
 * 127.0.0.1 from the call to its completion. Prints figures; never fails on
 * a timer. JK_BENCH_SIZE=tiny runs each step 3 times. */

#include <cups/cups.h>
#include <jobkiosk/jk-document.h>
#include <jobkiosk/jk-print.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "jk-bench-stats.h"
#include "jk-test-cups.h"
#include "jk-test-proc.h"

static JkJobRecord *
make_record (guint paragraphs)
{
  JkJobRecord *record = g_new0 (JkJobRecord, 1);
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; i < paragraphs; i++)
    g_string_append_printf (text, "%sPrepare food to our recipes, keep your station clean and safe, and work with a "
                                  "friendly kitchen team on busy nights and weekends. Paragraph %u.\n\n• Lift up to "
                                  "50 pounds\n• Food handler card within 30 days",
                            i > 0 ? "\n\n" : "", i + 1);
  record->id = 1;
  record->source = g_strdup ("bench");
  record->first_seen = 1764000000;
  record->job = jk_job_new ();
  record->job->title = g_strdup ("Line Cook");
  record->job->employer = g_strdup ("Riverside Diner");
  record->job->city = g_strdup ("Columbus");
  record->job->state = g_strdup ("OH");
  record->job->salary_min = 16.25;
  record->job->salary_max = 18;
  record->job->salary_period = JK_SALARY_PERIOD_HOUR;
  record->job->employment_type = g_strdup ("full-time");
  record->job->description = g_string_free (g_steal_pointer (&text), FALSE);
  record->job->apply_url = g_strdup ("https://jobkiosk.org/demo/apply/0005");
  return record;
}

static double
render_ms (const JkDocumentContext *context,
           const JkJobRecord       *record,
           guint                   *pages)
{
  g_autoptr (GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  g_autoptr (JkDocument) document = jk_document_job_sheet.render (context, record, &error);
  double ms = (g_get_monotonic_time () - start) / 1000.0;

  g_assert_no_error (error);
  *pages = jk_document_get_n_pages (document);
  return ms;
}

int
main (int   argc,
      char *argv[])
{
  gboolean tiny = g_strcmp0 (g_getenv ("JK_BENCH_SIZE"), "tiny") == 0;
  guint renders = tiny ? 3 : 30, prints = tiny ? 3 : 10;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  JkDocumentContext context = { "Riverside American Job Center", JK_PAPER_LETTER, now };
  g_autoptr (JkJobRecord) one_page = make_record (2);
  g_autoptr (JkJobRecord) two_pages = make_record (9);
  g_autoptr (GArray) one_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) two_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) print_s = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (JkDocument) document = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jk-bench-print-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "jobkiosk.db", NULL);
  g_autoptr (JkConfig) config = jk_config_new_defaults ();
  JkPrintOptions options;
  JkTestCups *cups;
  JkStore *store;
  guint pages_one = 0, pages_two = 0;

  setvbuf (stdout, NULL, _IOLBF, 0);
  for (guint i = 0; i < renders; i++)
    {
      double a = render_ms (&context, one_page, &pages_one);
      double b = render_ms (&context, two_pages, &pages_two);
      g_array_append_val (one_ms, a);
      g_array_append_val (two_ms, b);
    }
  printf ("rendering (%u each; a long job sheet stands in for the two-page resume until the resume builder lands):\n",
          renders);
  printf ("  %u-page job sheet: median %.1f ms (target: under 50 ms)\n", pages_one, jk_bench_percentile (one_ms, 0.5));
  printf ("  %u-page job sheet: median %.1f ms (target: under 50 ms)\n", pages_two, jk_bench_percentile (two_ms, 0.5));

  cups = jk_test_cups_start ();
  g_setenv ("CUPS_SERVER", jk_test_cups_get_server (cups), TRUE);
  cupsSetServer (jk_test_cups_get_server (cups));
  store = jk_store_open (db, &error);
  g_assert_no_error (error);
  config->print_printer = g_strdup (jk_test_cups_get_printer (cups));
  config->print_visit_limit = 0;
  config->print_day_limit = 0;
  jk_print_options_init (&options, config, db);
  document = jk_document_job_sheet.render (&context, one_page, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < prints; i++)
    {
      JkPrintResult result = { 0 };
      gint64 start = g_get_monotonic_time ();
      double seconds;

      if (!jk_print_pdf (store, &options, jk_document_get_pdf (document), "job sheet", 1, i + 1, now, &result, NULL,
                         &error))
        g_error ("printing failed: %s", error->message);
      seconds = (g_get_monotonic_time () - start) / 1e6;
      g_array_append_val (print_s, seconds);
      jk_print_result_clear (&result);
    }
  printf ("printing a 1-page job sheet to the loopback cupsd, from the call to job-state completed (%u runs):\n", prints);
  printf ("  median %.3f s\n", jk_bench_percentile (print_s, 0.5));

  jk_print_options_clear (&options);
  jk_store_free (store);
  jk_test_cups_stop (cups);
  jk_test_remove_tree (dir);
  return 0;
}
