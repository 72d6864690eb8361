/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-jobs.c: "Find a job" in the real window on the demo feed: search,
 * details with the QR code, my list, "I applied", the printed log, and the
 * wipe that forgets it all */

#include <glib/gstdio.h>
#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-sync.h>
#include <jobkiosk/jk-visit.h>

#include "shell/jk-application.h"
#include "jobs/jk-job-card.h"
#include "jobs/jk-job-page.h"
#include "jobs/jk-list-page.h"
#include "jobs/jk-log-page.h"
#include "widgets/jk-qr-code.h"
#include "jobs/jk-search-page.h"
#include "jk-test-cups.h"
#include "jk-test-log.h"
#include "jk-test-proc.h"
#include "jk-test-ui-util.h"

static JkApplication *app;
static JkWindow *window;
static JkClock *fake_clock;
static JkTestCups *cups;

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static void
search_for (const char *what)
{
  jk_search_page_set_text (jk_test_search_page (window), what, NULL);
  jk_search_page_search_now (jk_test_search_page (window));
  jk_test_wait_until (jk_test_search_idle, window, 10000);
  jk_test_wait_drawn (GTK_WIDGET (window));
}

static GtkListBoxRow *first_result (void);

static GtkListBoxRow *
first_result (void)
{
  GtkListBoxRow *row = jk_search_page_get_result (jk_test_search_page (window), 0);

  g_assert_nonnull (row);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (row)));
  return row;
}

#define click(name) jk_test_click (GTK_WIDGET (window), (name))

static gboolean
rendered (gpointer data)
{
  return !jk_print_page_is_rendering (jk_application_get_print_page (app));
}

static gboolean
print_ready (gpointer data)
{
  GtkWidget *button = jk_test_find_by_name (GTK_WIDGET (window), "Print");
  return button != NULL && gtk_widget_is_sensitive (button);
}

static gboolean
print_done (gpointer data)
{
  GtkLabel *done = jk_test_find_label (GTK_WIDGET (window), "Done: pick up your pages at the printer by the front desk.");
  return done != NULL;
}

/* Every test starts from a new visit at home, so each passes alone and in
 * any order. */
static void
fresh_visit (void)
{
  jk_window_finish_visit (window);
  jk_test_wait_until (jk_test_search_idle, window, 10000);
  g_assert_true (jk_session_is_pristine (jk_window_get_session (window)));
  g_assert_cmpstr (jk_window_get_page_name (window), ==, "home");
}

/* Opens the Line Cook posting from a search for "cook". */
static JkJobPage *
open_line_cook (void)
{
  JkJobPage *job_page;

  jk_window_show_page (window, &jk_search_page_info);
  search_for ("cook");
  g_signal_emit_by_name (first_result (), "activate");
  g_assert_cmpstr (jk_window_get_page_name (window), ==, "job");
  job_page = JK_JOB_PAGE (jk_window_get_page (window, &jk_job_page_info));
  g_assert_cmpstr (jk_job_page_get_record (job_page)->job->title, ==, "Line Cook");
  return job_page;
}

/* What a visitor leaves behind in a visit: a saved job, one log entry. */
static void
save_and_log_line_cook (void)
{
  open_line_cook ();
  click ("Save to my list");
  click ("I applied / I contacted this employer");
  click ("Add to my log");
  g_assert_cmpuint (jk_visit_get_log (jk_window_get_session (window))->len, ==, 1);
}

static void
collect_text (GtkWidget *widget,
              gpointer   user_data)
{
  GString *text = user_data;
  AtkObject *accessible = gtk_widget_get_accessible (widget);
  g_autofree char *tooltip = gtk_widget_get_tooltip_text (widget);

  if (GTK_IS_LABEL (widget))
    g_string_append_printf (text, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  if (GTK_IS_ENTRY (widget))
    g_string_append_printf (text, "%s\n", gtk_entry_get_text (GTK_ENTRY (widget)));
  if (GTK_IS_TEXT_VIEW (widget))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
      GtkTextIter start, end;
      g_autofree char *body = NULL;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      body = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      g_string_append_printf (text, "%s\n", body);
    }
  if (JK_IS_QR_CODE (widget) && jk_qr_code_get_text (JK_QR_CODE (widget)) != NULL)
    g_string_append_printf (text, "%s\n", jk_qr_code_get_text (JK_QR_CODE (widget)));
  if (accessible != NULL && accessible->name != NULL)
    g_string_append_printf (text, "%s\n", accessible->name);
  if (tooltip != NULL)
    g_string_append_printf (text, "%s\n", tooltip);
  if (GTK_IS_CONTAINER (widget))
    gtk_container_forall (GTK_CONTAINER (widget), collect_text, text);
}

/* All the text in a part of the window, shown or not, to look for a visitor's words. */
static char *
all_text (GtkWidget *root)
{
  GString *text = g_string_new (NULL);

  collect_text (root, text);
  return g_string_free (text, FALSE);
}

static void
count_signal (gpointer  instance,
              guint    *count)
{
  (*count)++;
}

/* The files in a folder, as a sorted list of names. */
static GPtrArray *
list_dir (const char *path)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  return names;
}

/* PDFs the printer has written so far. */
static guint
count_printed (void)
{
  g_autoptr (GPtrArray) printed = jk_test_cups_wait_for_output (cups, 0, 1000);

  return printed != NULL ? printed->len : 0;
}

static char *
pdf_text (JkDocument *document)
{
  g_autofree char *dir = g_build_filename (g_getenv ("JK_SCREENSHOT_DIR"), NULL);
  g_autofree char *pdf = g_build_filename (dir, "job-search-log.pdf", NULL);
  g_autofree char *out = NULL;
  g_autoptr (GError) error = NULL;
  const char *argv[] = { "pdftotext", "-layout", pdf, "-", NULL };

  g_mkdir_with_parents (dir, 0755);
  g_assert_true (jk_document_save (document, pdf, &error));
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&out);
}

/* ---------------------------------------------------------------------- */
/* Tests                                                                  */

static void
test_search_common_job (void)
{
  JkSearchPage *page = jk_test_search_page (window);

  fresh_visit ();
  click ("Find a job");
  g_assert_cmpstr (jk_window_get_page_name (window), ==, "jobs");
  jk_test_wait_until (jk_test_search_idle, window, 10000);
  /* Everything active in the demo area, newest first, with an honest count. */
  g_assert_cmpint (jk_search_page_get_count (page), >, 50);
  jk_test_wait_drawn (GTK_WIDGET (window));
  jk_test_screenshot (GTK_WIDGET (window), "jobs-search-en");

  search_for ("cook");
  g_assert_cmpint (jk_search_page_get_count (page), >=, 2);
  {
    AtkObject *card = gtk_widget_get_accessible (GTK_WIDGET (first_result ()));
    g_assert_cmpstr (jk_job_card_get_record (JK_JOB_CARD (first_result ()))->job->title, ==, "Line Cook");
    g_assert_nonnull (strstr (atk_object_get_name (card), "$16.25–$18.00 an hour"));
  }
  jk_test_screenshot (GTK_WIDGET (window), "jobs-results-en");
  click ("Español");
  jk_test_wait_until (jk_test_search_idle, window, 10000);
  g_assert_nonnull (jk_test_find_label (GTK_WIDGET (window), "¿Qué tipo de trabajo?"));
  jk_test_screenshot (GTK_WIDGET (window), "jobs-results-es");
  click ("English");
  jk_test_wait_until (jk_test_search_idle, window, 10000);
}

static void
test_filters (void)
{
  JkSearchPage *page = jk_test_search_page (window);
  gint64 all;

  fresh_visit ();
  jk_window_show_page (window, &jk_search_page_info);
  search_for ("");
  all = jk_search_page_get_count (page);
  click ("Part-time");
  jk_test_wait_until (jk_test_search_idle, window, 10000);
  g_assert_cmpint (jk_search_page_get_count (page), >, 0);
  g_assert_cmpint (jk_search_page_get_count (page), <, all);
  click ("$20+ an hour");
  jk_test_wait_until (jk_test_search_idle, window, 10000);
  click ("Within 5 miles");
  jk_test_wait_until (jk_test_search_idle, window, 10000);
  jk_test_screenshot (GTK_WIDGET (window), "jobs-filters-en");
  click ("Clear my choices");
  jk_test_wait_until (jk_test_search_idle, window, 10000);
  g_assert_cmpint (jk_search_page_get_count (page), ==, all);
}

/* Scrolls to the bottom; TRUE once data (a card count) cards are shown. */
static gboolean
scrolled_to_shown (gpointer data)
{
  JkSearchPage *page = jk_test_search_page (window);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (
    GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (jk_search_page_get_results (page), GTK_TYPE_SCROLLED_WINDOW)));

  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  return jk_search_page_get_n_shown (page) >= GPOINTER_TO_UINT (data);
}

/* Whether the whole row is inside the scrolled view. */
static gboolean
row_in_view (GtkListBoxRow *row)
{
  JkSearchPage *page = jk_test_search_page (window);
  GtkWidget *results = jk_search_page_get_results (page);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (
    GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (results, GTK_TYPE_SCROLLED_WINDOW)));
  int x, y;

  g_assert_true (gtk_widget_translate_coordinates (GTK_WIDGET (row), results, 0, 0, &x, &y));
  return y >= gtk_adjustment_get_value (adjustment)
         && y + gtk_widget_get_allocated_height (GTK_WIDGET (row))
              <= gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment);
}

/* The results come in a list per page: the arrow keys still go from the
 * last card of one to the first of the next, and back, and the card with
 * the focus is scrolled into view. */
static void
test_results_keynav (void)
{
  JkSearchPage *page = jk_test_search_page (window);
  GtkListBoxRow *last_of_first, *first_of_second;

  fresh_visit ();
  jk_window_show_page (window, &jk_search_page_info);
  search_for ("");
  jk_test_wait_until (scrolled_to_shown, GUINT_TO_POINTER (40), 10000);
  last_of_first = jk_search_page_get_result (page, 29);
  first_of_second = jk_search_page_get_result (page, 30);
  g_assert_nonnull (last_of_first);
  g_assert_nonnull (first_of_second);
  g_assert_true (gtk_widget_get_parent (GTK_WIDGET (last_of_first)) != gtk_widget_get_parent (GTK_WIDGET (first_of_second)));
  g_assert_cmpint (gtk_list_box_row_get_index (first_of_second), ==, 0);

  gtk_widget_grab_focus (GTK_WIDGET (last_of_first));
  g_assert_true (gtk_widget_is_focus (GTK_WIDGET (last_of_first)));
  g_signal_emit_by_name (gtk_widget_get_parent (GTK_WIDGET (last_of_first)), "move-cursor", GTK_MOVEMENT_DISPLAY_LINES, 1);
  g_assert_true (gtk_widget_is_focus (GTK_WIDGET (first_of_second)));
  g_assert_true (row_in_view (first_of_second));
  jk_test_wait_drawn (GTK_WIDGET (window));
  jk_test_screenshot (GTK_WIDGET (window), "jobs-results-second-page-en");

  /* Back up, and within one list: still in view. */
  g_signal_emit_by_name (gtk_widget_get_parent (GTK_WIDGET (first_of_second)), "move-cursor", GTK_MOVEMENT_DISPLAY_LINES, -1);
  g_assert_true (gtk_widget_is_focus (GTK_WIDGET (last_of_first)));
  g_assert_true (row_in_view (last_of_first));
  gtk_widget_grab_focus (GTK_WIDGET (jk_search_page_get_result (page, 0)));
  g_assert_true (row_in_view (jk_search_page_get_result (page, 0)));
  for (guint i = 0; i < 12; i++)
    g_signal_emit_by_name (gtk_widget_get_parent (GTK_WIDGET (last_of_first)), "move-cursor",
                           GTK_MOVEMENT_DISPLAY_LINES, 1);
  g_assert_true (gtk_widget_is_focus (GTK_WIDGET (jk_search_page_get_result (page, 12))));
  g_assert_true (row_in_view (jk_search_page_get_result (page, 12)));
  g_assert_null (jk_search_page_get_result (page, jk_search_page_get_n_shown (page)));
}

static void
test_nothing_found (void)
{
  fresh_visit ();
  jk_window_show_page (window, &jk_search_page_info);
  search_for ("zzqqxx");
  g_assert_cmpint (jk_search_page_get_count (jk_test_search_page (window)), ==, 0);
  g_assert_nonnull (jk_test_find_label (GTK_WIDGET (window), "No jobs match this search"));
  jk_test_screenshot (GTK_WIDGET (window), "jobs-empty-en");
  click ("Español");
  jk_test_wait_until (jk_test_search_idle, window, 10000);
  g_assert_nonnull (jk_test_find_label (GTK_WIDGET (window), "Ningún empleo coincide con esta búsqueda"));
  /* The count is formatted, not a captured message: it must follow too. */
  g_assert_nonnull (jk_test_find_label (GTK_WIDGET (window), "0 empleos"));
  jk_test_screenshot (GTK_WIDGET (window), "jobs-empty-es");
  click ("English");
  jk_test_wait_until (jk_test_search_idle, window, 10000);

  /* A misspelling gets a suggestion from the listings' own words. */
  search_for ("cashire");
  click ("Search for: cashier");
  jk_test_wait_until (jk_test_search_idle, window, 10000);
  g_assert_cmpint (jk_search_page_get_count (jk_test_search_page (window)), >, 0);
}

static void
test_hostile_queries (void)
{
  g_autofree char *long_text = g_strnfill (500, 'a');
  const char *const queries[] = { "\"cook", "(cook", "cook AND", "AND", "*", "NEAR(", "🙂🍳 cocinero",
                                  "<i>Baker</i> & <u>Helper</u>", "'; DROP TABLE jobs; --", long_text, NULL };

  fresh_visit ();
  for (guint i = 0; queries[i] != NULL; i++)
    {
      search_for (queries[i]);
      g_assert_cmpint (jk_search_page_get_count (jk_test_search_page (window)), >=, 0);
    }
}

static void
test_details_qr_save_apply (void)
{
  JkJobPage *job_page;
  JkQrCode *qr;

  fresh_visit ();
  job_page = open_line_cook ();
  qr = JK_QR_CODE (jk_test_find_by_type (GTK_WIDGET (window), JK_TYPE_QR_CODE));
  g_assert_nonnull (qr);
  g_assert_cmpint (jk_qr_code_get_size (qr), >=, 21);
  g_assert_cmpstr (jk_qr_code_get_text (qr), ==, jk_job_page_get_record (job_page)->job->apply_url);
  /* Large enough to scan from a phone at arm's length. */
  jk_test_wait_drawn (GTK_WIDGET (window));
  g_assert_cmpint (gtk_widget_get_allocated_width (GTK_WIDGET (qr)), >=, 250);
  jk_test_screenshot (GTK_WIDGET (window), "job-details-en");
  click ("Español");
  jk_test_screenshot (GTK_WIDGET (window), "job-details-es");
  click ("English");

  click ("Save to my list");
  g_assert_true (jk_visit_is_saved (jk_window_get_session (window), jk_job_page_get_record (job_page)->id));

  click ("I applied / I contacted this employer");
  g_assert_cmpstr (jk_window_get_page_name (window), ==, "logform");
  jk_test_screenshot (GTK_WIDGET (window), "log-form-en");
  click ("Add to my log");
  g_assert_cmpstr (jk_window_get_page_name (window), ==, "log");
  g_assert_cmpuint (jk_visit_get_log (jk_window_get_session (window))->len, ==, 1);
  /* Back from the log skips the sent form. */
  click ("Back");
  g_assert_cmpstr (jk_window_get_page_name (window), ==, "job");
}

static void
test_my_list_and_log_print (void)
{
  GtkEntry *name;
  g_autofree char *text = NULL;
  JkDocument *document;

  fresh_visit ();
  save_and_log_line_cook ();
  jk_window_show_page (window, &jk_list_page_info);
  g_assert_nonnull (jk_test_find_by_name (GTK_WIDGET (window), "One QR code for all"));
  g_assert_cmpuint (jk_visit_get_saved_jobs (jk_window_get_session (window))->len, ==, 1);
  click ("One QR code for all");
  jk_test_screenshot (GTK_WIDGET (window), "my-list-en");

  jk_window_show_page (window, &jk_log_page_info);
  name = GTK_ENTRY (jk_test_find_by_name (GTK_WIDGET (window), "Your name for the log"));
  gtk_widget_grab_focus (GTK_WIDGET (name));
  gtk_entry_set_text (name, "Ana Núñez");
  jk_test_screenshot (GTK_WIDGET (window), "job-search-log-en");
  click ("Español");
  jk_test_screenshot (GTK_WIDGET (window), "job-search-log-es");
  click ("English");

  click ("Print my Job Search Log");
  g_assert_cmpstr (jk_window_get_page_name (window), ==, "print");
  jk_test_wait_until (rendered, NULL, 10000);
  document = jk_print_page_get_document (jk_application_get_print_page (app));
  g_assert_nonnull (document);
  g_assert_cmpuint (jk_document_get_n_pages (document), >=, 1);
  text = pdf_text (document);
  g_assert_nonnull (strstr (text, "Job Search Log"));
  g_assert_nonnull (strstr (text, "Ana Núñez"));
  g_assert_nonnull (strstr (text, "Line Cook"));
  jk_test_screenshot (GTK_WIDGET (window), "print-preview-log-en");

  /* Print goes through the print service to the real (private) cupsd. */
  jk_test_wait_until (print_ready, NULL, 10000);
  /* The printer's state shows where printing is offered. */
  g_assert_nonnull (jk_test_find_by_name (GTK_WIDGET (window), "Printer ready"));
  click ("Print");
  jk_test_wait_until (print_done, NULL, 20000);
  g_assert_nonnull (jk_test_find_label (GTK_WIDGET (window),
                                        "Done: pick up your pages at the printer by the front desk."));
  g_assert_nonnull (jk_test_cups_wait_for_output (cups, 1, 10000));
  jk_test_screenshot (GTK_WIDGET (window), "print-done-en");
}

static void
test_idle_wipe_forgets (void)
{
  JkSession *session = jk_window_get_session (window);

  fresh_visit ();
  save_and_log_line_cook ();
  jk_window_go_home (window);
  g_assert_false (jk_session_is_pristine (session));
  jk_clock_advance (fake_clock, 200 * G_USEC_PER_SEC);
  g_assert_true (jk_session_is_pristine (session));
  g_assert_cmpuint (jk_visit_get_saved_jobs (session)->len, ==, 0);
  g_assert_cmpuint (jk_visit_get_log (session)->len, ==, 0);
  g_assert_null (jk_visit_get_name (session));
  jk_window_show_page (window, &jk_log_page_info);
  g_assert_nonnull (jk_test_find_label (GTK_WIDGET (window), "No contacts yet. On a job, touch “I applied”, or add one here."));
  jk_window_show_page (window, &jk_list_page_info);
  g_assert_nonnull (jk_test_find_label (GTK_WIDGET (window), "Nothing saved yet. Open a job and touch “Save to my list”."));
}

/* A print that ends after the visit was wiped must not tell the next
 * visitor anything: its result goes nowhere. */
static void
test_print_after_wipe_reaches_nobody (void)
{
  JkPrintFlow *flow = jk_application_get_print_flow (app);
  g_autofree char *text = NULL;
  guint before;

  fresh_visit ();
  open_line_cook ();
  click ("Print this job");
  g_assert_cmpstr (jk_window_get_page_name (window), ==, "print");
  jk_test_wait_until (rendered, NULL, 10000);
  jk_test_wait_until (print_ready, NULL, 10000);
  before = count_printed ();
  /* Print, and the visitor walks away before the job is done. */
  click ("Print");
  g_assert_true (jk_print_flow_is_printing (flow));
  jk_window_finish_visit (window);
  g_assert_nonnull (jk_test_cups_wait_for_output (cups, before + 1, 20000));
  /* The worker's answer arrives on the main loop after the job is done. */
  jk_test_run_for (1500);
  g_assert_null (jk_test_find_label (GTK_WIDGET (window), "Done: pick up your pages at the printer by the front desk."));
  text = all_text (GTK_WIDGET (jk_application_get_print_page (app)));
  g_assert_null (strstr (text, "Done:"));
  g_assert_null (strstr (text, "Line Cook"));
  g_assert_null (jk_print_page_get_document (jk_application_get_print_page (app)));
}

/* Everything of a visit, on every page, is gone after the wipe: no widget
 * text, no session item, no document, no temporary file, no print job
 * waiting, and no page runs a query for the old visitor afterwards. */
static void
test_wipe_leaves_nothing (void)
{
  JkSession *session = jk_window_get_session (window);
  const char *const visitor_words[] = { "Ana Núñez", "cook", "Line Cook", "Sam at the grill", NULL };
  g_autoptr (GPtrArray) tmp_before = list_dir (g_get_tmp_dir ());
  g_autoptr (GPtrArray) tmp_after = NULL;
  g_autofree char *text = NULL;
  g_autofree char *jobs = NULL;
  GtkEntry *entry;
  guint results_after_wipe = 0;

  fresh_visit ();
  /* The visit: a search, a saved job, a log entry with a contact, a name, a preview. */
  jk_window_show_page (window, &jk_search_page_info);
  open_line_cook ();
  click ("Save to my list");
  click ("I applied / I contacted this employer");
  entry = GTK_ENTRY (jk_test_find_by_name (GTK_WIDGET (window), "Person you talked to (if any)"));
  gtk_entry_set_text (entry, "Sam at the grill");
  click ("Add to my log");
  entry = GTK_ENTRY (jk_test_find_by_name (GTK_WIDGET (window), "Your name for the log"));
  gtk_entry_set_text (entry, "Ana Núñez");
  click ("Print my Job Search Log");
  jk_test_wait_until (rendered, NULL, 10000);
  g_assert_nonnull (jk_print_page_get_document (jk_application_get_print_page (app)));
  jk_window_show_page (window, &jk_list_page_info);
  jk_window_show_page (window, &jk_search_page_info);
  search_for ("cook");
  /* In Spanish, so restoring the default language at the wipe would redo the search. */
  click ("Español");
  jk_test_wait_until (jk_test_search_idle, window, 10000);
  text = all_text (GTK_WIDGET (window));
  for (guint i = 0; visitor_words[i] != NULL; i++)
    g_assert_nonnull (strstr (text, visitor_words[i]));
  g_clear_pointer (&text, g_free);

  g_signal_connect_swapped (jk_test_search_page (window), "results-shown", G_CALLBACK (count_signal), &results_after_wipe);
  jk_test_log_clear ();
  jk_window_finish_visit (window);
  jk_test_run_for (1000);
  g_signal_handlers_disconnect_by_data (jk_test_search_page (window), &results_after_wipe);

  /* No page queried anything for the old visitor after the wipe. */
  g_assert_false (jk_test_log_contains ("search started"));
  g_assert_cmpuint (results_after_wipe, ==, 0);
  g_assert_false (jk_search_page_is_busy (jk_test_search_page (window)));
  g_assert_cmpuint (jk_search_page_get_n_shown (jk_test_search_page (window)), ==, 0);
  g_assert_cmpuint (jk_session_get_n_items (session), ==, 0);
  g_assert_null (jk_print_page_get_document (jk_application_get_print_page (app)));
  g_assert_cmpstr (jk_i18n_get_language (), ==, "en");
  text = all_text (GTK_WIDGET (window));
  for (guint i = 0; visitor_words[i] != NULL; i++)
    if (strstr (text, visitor_words[i]) != NULL)
      g_error ("“%s” is still in the window after the wipe", visitor_words[i]);
  tmp_after = list_dir (g_get_tmp_dir ());
  g_assert_cmpuint (tmp_after->len, ==, tmp_before->len);
  for (guint i = 0; i < tmp_after->len; i++)
    g_assert_cmpstr (tmp_after->pdata[i], ==, tmp_before->pdata[i]);
  {
    const char *argv_jobs[] = { "lpstat", "-o", NULL };
    jobs = jk_test_cups_run (cups, argv_jobs);
    g_assert_cmpstr (jobs, ==, "");
  }
}

/* ---------------------------------------------------------------------- */
/* Set-up                                                                 */

static void
sync_demo (JkConfig *config,
           JkStore  *store,
           gint64    now)
{
  g_autoptr (GPtrArray) sources = jk_sources_from_config (config, NULL);
  JkSyncOptions options = { 0 };
  JkSyncReport report = { 0 };
  g_autoptr (GError) error = NULL;

  g_assert_cmpuint (sources->len, ==, 1);
  jk_sync_options_init (&options, config, jk_store_get_path (store));
  g_assert_true (jk_sync_source (store, sources->pdata[0], &options, now, &report, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (report.outcome, ==, JK_SYNC_OK);
  jk_sync_report_clear (&report);
  jk_sync_options_clear (&options);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GDateTime) start = g_date_time_new_local (2026, 11, 22, 9, 40, 0);
  g_autofree char *tmp_dir = NULL;
  JkTestKiosk kiosk;
  int status;

  /* A folder of our own for temporary files, to see that a visit leaves
   * none; set before anything asks GLib where temporary files go. */
  tmp_dir = g_build_filename (g_getenv ("TMPDIR") != NULL ? g_getenv ("TMPDIR") : "/tmp", "jk-ui-jobs-tmp-XXXXXX", NULL);
  g_setenv ("TMPDIR", g_mkdtemp (tmp_dir), TRUE);
  g_test_init (&argc, &argv, NULL);
  jk_test_log_init ();
  jk_i18n_init ();
  jk_test_require_display ();

  cups = jk_test_cups_start ();
  g_setenv ("CUPS_SERVER", jk_test_cups_get_server (cups), TRUE);
  {
    const char *argv_default[] = { "lpadmin", "-d", jk_test_cups_get_printer (cups), NULL };
    g_free (jk_test_cups_run (cups, argv_default));
  }
  fake_clock = jk_clock_new_fake (start);
  jk_test_kiosk_start (&kiosk, "jk-ui-jobs-XXXXXX", fake_clock);
  app = kiosk.app;
  window = kiosk.window;
  sync_demo (kiosk.config, kiosk.store, g_date_time_to_unix (start));
  gtk_window_set_default_size (GTK_WINDOW (window), 1920, 1080);
  gtk_window_present (GTK_WINDOW (window));
  jk_test_wait_drawn (GTK_WIDGET (window));

  g_test_add_func ("/jobs/search-common-job", test_search_common_job);
  g_test_add_func ("/jobs/filters", test_filters);
  g_test_add_func ("/jobs/results-keynav", test_results_keynav);
  g_test_add_func ("/jobs/nothing-found", test_nothing_found);
  g_test_add_func ("/jobs/hostile-queries", test_hostile_queries);
  g_test_add_func ("/jobs/details-qr-save-apply", test_details_qr_save_apply);
  g_test_add_func ("/jobs/my-list-and-log-print", test_my_list_and_log_print);
  g_test_add_func ("/jobs/idle-wipe-forgets", test_idle_wipe_forgets);
  g_test_add_func ("/jobs/print-after-wipe-reaches-nobody", test_print_after_wipe_reaches_nobody);
  g_test_add_func ("/jobs/wipe-leaves-nothing", test_wipe_leaves_nothing);
  status = g_test_run ();

  gtk_widget_destroy (GTK_WIDGET (window));
  g_object_unref (app);
  g_object_unref (fake_clock);
  jk_test_cups_stop (cups);
  jk_test_remove_tree (tmp_dir);
  return status;
}
