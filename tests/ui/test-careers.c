/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-careers.c: "Pay and careers" as a visitor uses it, on the demo's
 * labor market information: search "forklift", open the occupation, pay
 * per hour and per year, the jobs open near you, the career sheet printed
 * on a private cupsd; and "What this job pays here" from a posting */

#include <glib/gstdio.h>
#include <jobkiosk/jk-document.h>
#include <jobkiosk/jk-i18n.h>

#include "careers/jk-careers-page.h"
#include "careers/jk-occupation-page.h"
#include "careers/jk-pay-chart-view.h"
#include "jobs/jk-job-page.h"
#include "jobs/jk-search-page.h"
#include "print/jk-print-page.h"
#include "shell/jk-application.h"
#include "jk-test-cups.h"
#include "jk-test-log.h"
#include "jk-test-pdf.h"
#include "jk-test-proc.h"
#include "jk-test-ui-util.h"

static JkTestKiosk kiosk;
static JkWindow *window;
static JkTestCups *cups;

static JkCareersPage *
careers_page (void)
{
  return JK_CAREERS_PAGE (jk_window_get_page (window, &jk_careers_page_info));
}

static JkOccupationPage *
occupation_page (void)
{
  return JK_OCCUPATION_PAGE (jk_window_get_page (window, &jk_occupation_page_info));
}

static gboolean
careers_idle (gpointer data)
{
  return !jk_careers_page_is_busy (careers_page ());
}

static void
click (const char *name)
{
  jk_test_click (GTK_WIDGET (window), name);
}

static void
search_occupations (const char *text)
{
  jk_window_show_page (window, &jk_careers_page_info);
  jk_careers_page_set_text (careers_page (), text);
  jk_test_wait_until (careers_idle, NULL, 10000);
}

static void
open_first_occupation (void)
{
  GtkListBoxRow *row = jk_careers_page_get_row (careers_page (), 0);

  g_assert_nonnull (row);
  g_signal_emit_by_name (gtk_widget_get_parent (GTK_WIDGET (row)), "row-activated", row);
  jk_test_run_for (50);
  g_assert_cmpstr (jk_window_get_page_name (window), ==, "occupation");
}

/* The lists for this area fill the page before any word is typed. */
static void
test_lists (void)
{
  jk_test_fresh_visit (window);
  jk_window_show_page (window, &jk_careers_page_info);
  jk_test_wait_until (careers_idle, NULL, 10000);
  g_assert_cmpuint (jk_careers_page_get_n_rows (careers_page ()), >, 5);
  jk_test_screenshot (GTK_WIDGET (window), "careers-lists-en");
  click ("Growing fastest");
  jk_test_wait_until (careers_idle, NULL, 10000);
  g_assert_cmpuint (jk_careers_page_get_n_rows (careers_page ()), >, 5);
}

/* "forklift", its page, the pay chart per hour and per year, the jobs. */
static void
test_forklift_journey (void)
{
  JkPayChartView *chart;
  g_autofree char *hourly = NULL;
  g_autofree char *yearly = NULL;
  gint64 open_jobs;

  jk_test_fresh_visit (window);
  search_occupations ("forklift");
  g_assert_cmpuint (jk_careers_page_get_n_rows (careers_page ()), >=, 1);
  g_assert_cmpstr (atk_object_get_name (gtk_widget_get_accessible (GTK_WIDGET (jk_careers_page_get_row (careers_page (), 0)))),
                   !=, NULL);
  jk_test_screenshot (GTK_WIDGET (window), "careers-forklift-en");
  open_first_occupation ();
  g_assert_cmpstr (jk_occupation_page_get_soc (occupation_page ()), ==, "53-7051");
  chart = JK_PAY_CHART_VIEW (jk_occupation_page_get_chart (occupation_page ()));
  hourly = jk_pay_chart_view_describe (chart);
  g_test_message ("chart: %s", hourly);
  /* The metro, the state and the nation, each with its median. */
  g_assert_nonnull (strstr (hourly, "Columbus"));
  g_assert_nonnull (strstr (hourly, "Ohio"));
  g_assert_nonnull (strstr (hourly, "an hour"));
  g_assert_nonnull (jk_test_find_label (GTK_WIDGET (window),
                                        "Demo data: the figures and texts on this page are made up to show how the "
                                        "kiosk works."));
  jk_test_screenshot (GTK_WIDGET (window), "occupation-forklift-hourly-en");
  click ("Pay per year");
  g_assert_false (jk_pay_chart_view_get_hourly (chart));
  yearly = jk_pay_chart_view_describe (chart);
  g_assert_nonnull (strstr (yearly, "a year"));
  g_assert_cmpstr (hourly, !=, yearly);
  jk_test_screenshot (GTK_WIDGET (window), "occupation-forklift-yearly-en");
  /* The rest of the page: outlook, what it takes, unemployment, related. */
  {
    GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (chart), GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) / 2 - 100);
    jk_test_run_for (50);
    jk_test_screenshot (GTK_WIDGET (window), "occupation-forklift-middle-en");
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    jk_test_run_for (50);
    jk_test_screenshot (GTK_WIDGET (window), "occupation-forklift-end-en");
    g_assert_nonnull (jk_test_find_label (GTK_WIDGET (window), "Outlook"));
    g_assert_nonnull (jk_test_find_label (GTK_WIDGET (window), "Related jobs"));
    gtk_adjustment_set_value (adjustment, 0);
  }

  /* The same page in Spanish, and in larger text with high contrast. */
  click ("Español");
  jk_test_screenshot (GTK_WIDGET (window), "occupation-forklift-es");
  jk_session_set_large_text (jk_window_get_session (window), TRUE);
  jk_session_set_high_contrast (jk_window_get_session (window), TRUE);
  jk_test_run_for (100);
  jk_test_screenshot (GTK_WIDGET (window), "occupation-forklift-es-large-hc");
  jk_session_set_large_text (jk_window_get_session (window), FALSE);
  jk_session_set_high_contrast (jk_window_get_session (window), FALSE);
  click ("English");

  /* "N jobs open near you now" opens job search on them. */
  open_jobs = jk_occupation_page_get_open_jobs (occupation_page ());
  g_test_message ("open jobs: %" G_GINT64_FORMAT, open_jobs);
  if (open_jobs > 0)
    {
      g_autofree char *name = g_strdup_printf (open_jobs == 1 ? "%" G_GINT64_FORMAT " job open near you now"
                                                              : "%" G_GINT64_FORMAT " jobs open near you now",
                                               open_jobs);

      click (name);
      jk_test_wait_until (jk_test_search_idle, window, 10000);
      g_assert_cmpstr (jk_window_get_page_name (window), ==, "jobs");
      g_assert_cmpint (jk_search_page_get_count (jk_test_search_page (window)), >, 0);
      jk_test_screenshot (GTK_WIDGET (window), "occupation-forklift-jobs-en");
    }
  else
    g_assert_false (gtk_widget_is_sensitive (jk_test_find_by_name (GTK_WIDGET (window),
                                                                   "No jobs open near you right now")));
}

/* The career sheet: printed through the print page on the private cupsd,
 * its words read back from the PDF. */
static void
test_career_sheet (void)
{
  g_autoptr (GPtrArray) printed = NULL;
  g_autofree char *text = NULL;
  JkDocument *document;

  jk_test_fresh_visit (window);
  search_occupations ("forklift");
  open_first_occupation ();
  click ("Print this career sheet");
  g_assert_cmpstr (jk_window_get_page_name (window), ==, "print");
  jk_test_wait_until (jk_test_print_rendered, kiosk.app, 10000);
  document = jk_print_page_get_document (jk_application_get_print_page (kiosk.app));
  g_assert_nonnull (document);
  {
    g_autofree char *pdf = g_build_filename (g_getenv ("JK_SCREENSHOT_DIR"), "career-sheet-en.pdf", NULL);
    g_autoptr (GError) error = NULL;

    g_mkdir_with_parents (g_getenv ("JK_SCREENSHOT_DIR"), 0755);
    g_assert_true (jk_document_save (document, pdf, &error));
  }
  /* One page, as a sheet to take away. */
  g_assert_cmpuint (jk_document_get_n_pages (document), ==, 1);
  jk_test_screenshot (GTK_WIDGET (window), "career-sheet-preview-en");
  jk_test_wait_until (jk_test_print_ready, window, 10000);
  click ("Print");
  printed = jk_test_cups_wait_for_output (cups, 1, 20000);
  g_assert_nonnull (printed);
  text = jk_test_pdf_text (printed->pdata[printed->len - 1]);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "Career sheet"));
  g_assert_nonnull (strstr (text, "Industrial Truck and Tractor Operators"));
  g_assert_nonnull (strstr (text, "Median $"));
  g_assert_nonnull (strstr (text, "Demo data"));
  g_assert_nonnull (strstr (text, "Outlook"));
}

/* From a posting: "What this job pays here" opens its occupation. */
static void
test_pays_here (void)
{
  JkSearchPage *search;

  jk_test_fresh_visit (window);
  jk_window_show_page (window, &jk_search_page_info);
  search = jk_test_search_page (window);
  jk_search_page_set_text (search, "line cook ", NULL);
  jk_search_page_search_now (search);
  jk_test_wait_until (jk_test_search_idle, window, 10000);
  g_assert_cmpuint (jk_search_page_get_n_shown (search), >, 0);
  g_signal_emit_by_name (gtk_widget_get_parent (GTK_WIDGET (jk_search_page_get_result (search, 0))), "row-activated",
                         jk_search_page_get_result (search, 0));
  jk_test_run_for (50);
  g_assert_cmpstr (jk_window_get_page_name (window), ==, "job");
  jk_test_screenshot (GTK_WIDGET (window), "job-pays-here-en");
  click ("What this job pays here");
  g_assert_cmpstr (jk_window_get_page_name (window), ==, "occupation");
  g_assert_cmpstr (jk_occupation_page_get_soc (occupation_page ()), ==, "35-2014");
}

/* The wipe forgets what was looked at. */
static void
test_wipe (void)
{
  jk_test_fresh_visit (window);
  search_occupations ("cajero");
  open_first_occupation ();
  jk_window_finish_visit (window);
  jk_test_run_for (50);
  g_assert_null (jk_occupation_page_get_soc (occupation_page ()));
  jk_window_show_page (window, &jk_careers_page_info);
  g_assert_cmpstr (gtk_entry_get_text (GTK_ENTRY (jk_test_find_by_name (GTK_WIDGET (window), "What job?"))), ==, "");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GDateTime) start = g_date_time_new_local (2026, 11, 22, 9, 40, 0);
  JkClock *fake_clock;
  int status;

  g_test_init (&argc, &argv, NULL);
  jk_test_log_init ();
  jk_i18n_init ();
  jk_test_require_display ();

  cups = jk_test_cups_start_default ();
  fake_clock = jk_clock_new_fake (start);
  jk_test_kiosk_start (&kiosk, "jk-ui-careers-XXXXXX", fake_clock);
  window = kiosk.window;
  jk_test_kiosk_sync (&kiosk, NULL, g_date_time_to_unix (start));
  jk_test_show_window (window, 1280, 720);

  g_test_add_func ("/careers/lists", test_lists);
  g_test_add_func ("/careers/forklift-journey", test_forklift_journey);
  g_test_add_func ("/careers/career-sheet", test_career_sheet);
  g_test_add_func ("/careers/pays-here", test_pays_here);
  g_test_add_func ("/careers/wipe", test_wipe);
  status = g_test_run ();

  gtk_widget_destroy (GTK_WIDGET (window));
  g_object_unref (kiosk.app);
  g_object_unref (fake_clock);
  jk_test_cups_stop (cups);
  jk_test_remove_tree (kiosk.state_dir);
  g_free (kiosk.state_dir);
  return status;
}
