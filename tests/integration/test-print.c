/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-print.c: the print service against a real private cupsd: outcomes, faults, limits, staff release */

#include <cups/cups.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <jobkiosk/jk-print.h>

#include "jk-test.h"
#include "jk-test-cups.h"
#include "jk-test-log.h"
#include "jk-test-pdf.h"
#include "jk-test-proc.h"

#define PERSONAL_NAME  "Maria Example"   /* in the documents, never in a job name or the log */
#define PAGE_TEXT      "Job Kiosk print test"
#define OUTPUT_WAIT_MS 30000
#define POLL_US        (50 * 1000)

typedef struct {
  JkTestCups     *cups;
  char           *dir;
  char           *db_path;
  JkStore        *store;
  JkPrintOptions  options;
  GDateTime      *now;
  GBytes         *one_page;
  GBytes         *two_pages;
} Fixture;

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static GBytes *
make_pdf (guint pages)
{
  return jk_test_make_pdf (pages, PAGE_TEXT, PERSONAL_NAME);
}

/* libcups keeps the server per thread once read: tell it both ways. */
static void
point_libcups_at (JkTestCups *cups)
{
  g_setenv ("CUPS_SERVER", jk_test_cups_get_server (cups), TRUE);
  cupsSetServer (jk_test_cups_get_server (cups));
}

static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->cups = jk_test_cups_start ();
  point_libcups_at (f->cups);
  f->dir = g_dir_make_tmp ("test-print-XXXXXX", &error);
  g_assert_no_error (error);
  f->db_path = g_build_filename (f->dir, "jobkiosk.db", NULL);
  f->store = jk_store_open (f->db_path, &error);
  g_assert_no_error (error);

  f->options.printer = g_strdup (jk_test_cups_get_printer (f->cups));
  f->options.kiosk_name = g_strdup ("Kiosk 2");
  f->options.hold_minutes = 60;
  f->options.timeout_seconds = 30;
  f->options.spool_dir = g_build_filename (f->dir, "print-spool", NULL);
  f->now = g_date_time_new_now_local ();
  f->one_page = make_pdf (1);
  f->two_pages = make_pdf (2);
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  jk_test_cups_stop (f->cups);
  g_clear_pointer (&f->store, jk_store_free);
  jk_print_options_clear (&f->options);
  jk_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db_path);
  g_date_time_unref (f->now);
  g_bytes_unref (f->one_page);
  g_bytes_unref (f->two_pages);
  /* Nothing of the documents reached the log. */
  g_assert_false (jk_test_log_contains (PERSONAL_NAME));
  g_assert_false (jk_test_log_contains (PAGE_TEXT));
  jk_test_log_assert_expected ();
}

static void
cups_cmd (Fixture    *f,
          const char *a0,
          const char *a1,
          const char *a2,
          const char *a3)
{
  const char *argv[] = { a0, a1, a2, a3, NULL };

  g_free (jk_test_cups_run (f->cups, argv));
}

/* job-state (0 when CUPS does not know the job) and job-name, asked over IPP. */
static int
get_job (Fixture *f,
         int      job_id,
         char   **name)
{
  static const char *const wanted[] = { "job-state", "job-name" };
  http_t *http = httpConnect2 ("127.0.0.1", jk_test_cups_get_port (f->cups), NULL, AF_INET, HTTP_ENCRYPTION_NEVER,
                               1, 5000, NULL);
  ipp_t *request = ippNewRequest (IPP_OP_GET_JOB_ATTRIBUTES);
  ipp_t *response;
  ipp_attribute_t *attr;
  int state = 0;

  g_assert_nonnull (http);
  ippAddString (request, IPP_TAG_OPERATION, IPP_TAG_URI, "printer-uri", NULL, "ipp://localhost/");
  ippAddInteger (request, IPP_TAG_OPERATION, IPP_TAG_INTEGER, "job-id", job_id);
  ippAddStrings (request, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes", G_N_ELEMENTS (wanted), NULL,
                 wanted);
  response = cupsDoRequest (http, request, "/");
  if (response != NULL && cupsLastError () <= IPP_STATUS_OK_CONFLICTING)
    {
      attr = ippFindAttribute (response, "job-state", IPP_TAG_ENUM);
      state = attr != NULL ? ippGetInteger (attr, 0) : 0;
      attr = ippFindAttribute (response, "job-name", IPP_TAG_NAME);
      if (name != NULL)
        *name = g_strdup (attr != NULL ? ippGetString (attr, 0, NULL) : NULL);
    }
  ippDelete (response);
  httpClose (http);
  return state;
}

static void
wait_job_state (Fixture *f,
                int      job_id,
                int      state)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) OUTPUT_WAIT_MS * 1000;
  int now;

  while ((now = get_job (f, job_id, NULL)) != state)
    {
      if (g_get_monotonic_time () >= deadline)
        g_error ("job %d still in state %d, waited for %d", job_id, now, state);
      g_usleep (POLL_US);
    }
}

/* Submits with lp as another program would; returns the CUPS job id. */
static int
submit_lp (Fixture *f,
           GBytes  *pdf)
{
  g_autofree char *path = g_build_filename (f->dir, "lp.pdf", NULL);
  g_autofree char *prefix = g_strdup_printf ("request id is %s-", jk_test_cups_get_printer (f->cups));
  g_autofree char *out = NULL;
  const char *argv[] = { "lp", "-d", jk_test_cups_get_printer (f->cups), path, NULL };
  const char *id;

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (pdf, NULL), (gssize) g_bytes_get_size (pdf), NULL));
  out = jk_test_cups_run (f->cups, argv);
  id = strstr (out, prefix);
  g_assert_nonnull (id);
  return (int) g_ascii_strtoll (id + strlen (prefix), NULL, 10);
}

/* The n-th PDF arrives, is job_id's, has `pages` pages and the text. */
static void
assert_output (Fixture *f,
               guint    n,
               int      job_id,
               guint    pages)
{
  g_autoptr (GPtrArray) out = jk_test_cups_wait_for_output (f->cups, n, OUTPUT_WAIT_MS);
  g_autofree char *want_base = g_strdup_printf ("job-%d.pdf", job_id);
  g_autofree char *base = NULL;
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;
  g_autofree char *pages_line = g_strdup_printf ("^Pages:\\s+%u$", pages);
  g_autofree char *last_footer = g_strdup_printf ("Page %u of %u", pages, pages);
  g_autoptr (GRegex) regex = g_regex_new (pages_line, G_REGEX_MULTILINE, 0, NULL);
  const char *path;

  g_assert_nonnull (out);
  g_assert_cmpuint (out->len, ==, n);
  path = g_ptr_array_index (out, n - 1);
  base = g_path_get_basename (path);
  g_assert_cmpstr (base, ==, want_base);
  info = JK_TEST_PDF_TOOL ("pdfinfo", path);
  text = jk_test_pdf_text (path);
  g_assert_true (g_regex_match (regex, info, 0, NULL));
  g_assert_nonnull (strstr (text, PAGE_TEXT));
  g_assert_nonnull (strstr (text, last_footer));
}

static void
assert_no_output (Fixture *f)
{
  g_autoptr (GPtrArray) out = jk_test_cups_wait_for_output (f->cups, 1, 0);

  g_assert_null (out);
}

static GPtrArray *
list_jobs (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *jobs = jk_print_list_jobs (f->store, &f->options, &error);

  g_assert_no_error (error);
  g_assert_nonnull (jobs);
  return jobs;
}

static JkPrintJobInfo *
find_job (GPtrArray *jobs,
          gint64     id)
{
  for (guint i = 0; i < jobs->len; i++)
    if (((JkPrintJobInfo *) jobs->pdata[i])->id == id)
      return jobs->pdata[i];
  g_error ("print job %" G_GINT64_FORMAT " not listed", id);
  return NULL;
}

/* Refreshes the history from CUPS until row id has state (or fails). */
static void
wait_row_state (Fixture    *f,
                gint64      id,
                const char *state)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) OUTPUT_WAIT_MS * 1000;

  for (;;)
    {
      g_autoptr (GPtrArray) jobs = list_jobs (f);
      JkPrintJobInfo *info = find_job (jobs, id);

      if (g_str_equal (jk_print_job_state_to_string (info->state), state))
        return;
      if (g_get_monotonic_time () >= deadline)
        g_error ("print job %" G_GINT64_FORMAT " still %s, waited for %s", id,
                 jk_print_job_state_to_string (info->state), state);
      g_usleep (POLL_US);
    }
}

static gboolean
has_reason (const JkPrinterStatus *status,
            const char            *keyword)
{
  return status->reasons != NULL && g_strv_contains ((const char *const *) status->reasons, keyword);
}

static void
wait_printer_state (Fixture *f,
                    int      state)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) OUTPUT_WAIT_MS * 1000;

  for (;;)
    {
      JkPrinterStatus status = { 0 };
      int now;

      g_assert_true (jk_printer_get_status (&f->options, &status, NULL));
      now = status.state;
      jk_printer_status_clear (&status);
      if (now == state)
        return;
      if (g_get_monotonic_time () >= deadline)
        g_error ("printer still in state %d, waited for %d", now, state);
      g_usleep (POLL_US);
    }
}

/* ---------------------------------------------------------------------- */
/* Tests                                                                  */

static void
test_invalid (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) text = g_bytes_new_static ("Hello, this is not a PDF\n", 25);
  static const char no_pages[] = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
                                 "2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n";
  g_autoptr (GBytes) empty_pdf = g_bytes_new_static (no_pages, sizeof no_pages - 1);
  g_autoptr (GBytes) truncated = NULL;
  g_autoptr (GBytes) good = make_pdf (2);
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *dir = g_dir_make_tmp ("test-print-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "jobkiosk.db", NULL);
  g_autoptr (JkStore) store = jk_store_open (db, &error);
  JkPrintOptions options = { .printer = g_strdup ("no-such-printer") };
  JkPrintResult result = { 0 };

  g_assert_no_error (error);
  /* Not a PDF, no pages, cut short: refused before CUPS is asked. */
  g_assert_false (jk_print_pdf (store, &options, text, "resume", 1, 1, now, &result, NULL, &error));
  g_assert_error (error, JK_PRINT_ERROR, JK_PRINT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "not a PDF"));
  g_clear_error (&error);

  g_assert_false (jk_print_pdf (store, &options, empty_pdf, "resume", 1, 1, now, &result, NULL, &error));
  g_assert_error (error, JK_PRINT_ERROR, JK_PRINT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "no pages"));
  g_clear_error (&error);

  truncated = g_bytes_new_from_bytes (good, 0, g_bytes_get_size (good) / 2);
  g_assert_false (jk_print_pdf (store, &options, truncated, "resume", 1, 1, now, &result, NULL, &error));
  g_assert_error (error, JK_PRINT_ERROR, JK_PRINT_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (jk_print_pdf (store, &options, NULL, "resume", 1, 1, now, &result, NULL, &error));
  g_assert_error (error, JK_PRINT_ERROR, JK_PRINT_ERROR_INVALID);
  g_clear_error (&error);
  jk_print_result_clear (&result);
  jk_print_options_clear (&options);

  g_clear_pointer (&store, jk_store_free);
  jk_test_remove_tree (dir);
}

static void
test_printed (Fixture      *f,
              gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) jobs = NULL;
  g_autofree char *name = NULL;
  JkPrinterStatus status = { 0 };
  JkPrintResult result = { 0 };
  JkPrintJobInfo *info;
  gint64 first_id;

  g_assert_true (jk_printer_get_status (&f->options, &status, &error));
  g_assert_no_error (error);
  g_assert_true (status.found);
  g_assert_true (status.accepting);
  g_assert_false (status.out_of_service);
  g_assert_cmpint (status.state, ==, IPP_PSTATE_IDLE);
  g_assert_cmpstr (status.message, ==, "The printer is ready.");
  g_assert_nonnull (status.reasons);
  g_assert_cmpint (status.state, ==, JK_PRINTER_STATE_IDLE);
  g_assert_cmpstr (jk_printer_state_to_string (status.state), ==, "idle");
  g_assert_cmpstr (status.name, ==, jk_test_cups_get_printer (f->cups));
  jk_printer_status_clear (&status);

  g_assert_true (jk_print_pdf (f->store, &f->options, f->two_pages, "resume", 1, 1, f->now, &result, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (result.outcome, ==, JK_PRINT_OUTCOME_PRINTED);
  g_assert_cmpstr (result.message, ==, "Done: pick up your pages at the printer by the front desk.");
  g_assert_cmpuint (result.pages, ==, 2);
  g_assert_cmpint (result.cups_job_id, >, 0);
  g_assert_cmpint (result.id, >, 0);
  g_assert_cmpint (get_job (f, result.cups_job_id, &name), ==, IPP_JSTATE_COMPLETED);
  assert_output (f, 1, result.cups_job_id, 2);
  /* The job name says where and what, never who. */
  g_assert_cmpstr (name, ==, "Kiosk 2 · resume · 2 pages");
  g_assert_null (strstr (name, "Maria"));
  first_id = result.id;
  jk_print_result_clear (&result);

  g_assert_true (jk_print_pdf (f->store, &f->options, f->one_page, "job sheet", 1, 1, f->now, &result, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (result.outcome, ==, JK_PRINT_OUTCOME_PRINTED);
  g_clear_pointer (&name, g_free);
  get_job (f, result.cups_job_id, &name);
  g_assert_cmpstr (name, ==, "Kiosk 2 · job sheet · 1 page");
  assert_output (f, 2, result.cups_job_id, 1);

  /* The history: newest first, printed, no document. */
  jobs = list_jobs (f);
  g_assert_cmpuint (jobs->len, ==, 2);
  info = jobs->pdata[0];
  g_assert_cmpint (info->id, ==, result.id);
  g_assert_cmpstr (info->kind, ==, "job sheet");
  g_assert_cmpstr (jk_print_job_state_to_string (info->state), ==, "printed");
  g_assert_cmpuint (info->pages, ==, 1);
  info = find_job (jobs, first_id);
  g_assert_cmpstr (jk_print_job_state_to_string (info->state), ==, "printed");
  g_assert_cmpstr (info->kind, ==, "resume");
  g_assert_cmpuint (info->pages, ==, 2);
  g_assert_cmpuint (info->copies, ==, 1);
  g_assert_cmpint (info->submitted, ==, g_date_time_to_unix (f->now));
  jk_print_result_clear (&result);

  /* The CUPS default destination when none is configured. */
  cups_cmd (f, "lpadmin", "-d", jk_test_cups_get_printer (f->cups), NULL);
  g_clear_pointer (&f->options.printer, g_free);
  g_assert_true (jk_printer_get_status (&f->options, &status, &error));
  g_assert_no_error (error);
  g_assert_true (status.found);
  g_assert_false (status.out_of_service);
  jk_printer_status_clear (&status);

  /* A configured destination CUPS does not have: an answer, not a crash. */
  f->options.printer = g_strdup ("no-such-printer");
  g_assert_true (jk_printer_get_status (&f->options, &status, &error));
  g_assert_no_error (error);
  g_assert_false (status.found);
  g_assert_true (status.out_of_service);
  g_assert_cmpstr (status.message, ==, "No printer is set up for this kiosk. Please ask staff at the front desk.");
  jk_printer_status_clear (&status);
  g_assert_false (jk_print_pdf (f->store, &f->options, f->one_page, "job sheet", 1, 1, f->now, &result, NULL, &error));
  g_assert_error (error, JK_PRINT_ERROR, JK_PRINT_ERROR_NO_PRINTER);
  jk_print_result_clear (&result);
}

static void
test_disabled (Fixture      *f,
               gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) jobs = NULL;
  JkPrinterStatus status = { 0 };
  JkPrintResult result = { 0 };
  int job_id;

  f->options.day_page_limit = 50;
  cups_cmd (f, "cupsdisable", "-r", "Out of toner", jk_test_cups_get_printer (f->cups));
  g_assert_true (jk_printer_get_status (&f->options, &status, &error));
  g_assert_no_error (error);
  g_assert_true (status.found);
  g_assert_true (status.out_of_service);
  g_assert_cmpint (status.state, ==, IPP_PSTATE_STOPPED);
  g_assert_true (has_reason (&status, "paused"));
  g_assert_cmpstr (jk_printer_state_to_string (status.state), ==, "stopped");
  g_assert_cmpstr (status.printer_message, ==, "Out of toner");
  g_assert_cmpstr (status.message, ==, "The printer is paused. Please ask staff at the front desk.");

  /* The kiosk refuses, and counts nothing. */
  g_assert_false (jk_print_pdf (f->store, &f->options, f->two_pages, "resume", 1, 1, f->now, &result, NULL, &error));
  g_assert_error (error, JK_PRINT_ERROR, JK_PRINT_ERROR_OUT_OF_SERVICE);
  g_assert_cmpstr (error->message, ==, status.message);
  g_clear_error (&error);
  jk_print_result_clear (&result);
  jk_printer_status_clear (&status);
  g_assert_cmpuint (jk_print_pages_left (f->store, &f->options, 1, f->now), ==, 50);
  jobs = list_jobs (f);
  g_assert_cmpuint (jobs->len, ==, 0);

  /* A job sent anyway waits, and prints after cupsenable. */
  job_id = submit_lp (f, f->two_pages);
  g_usleep (1000 * 1000);
  g_assert_cmpint (get_job (f, job_id, NULL), ==, IPP_JSTATE_PENDING);
  assert_no_output (f);
  cups_cmd (f, "cupsenable", jk_test_cups_get_printer (f->cups), NULL, NULL);
  assert_output (f, 1, job_id, 2);
  wait_printer_state (f, IPP_PSTATE_IDLE);
  g_assert_true (jk_printer_get_status (&f->options, &status, &error));
  g_assert_false (status.out_of_service);
  jk_printer_status_clear (&status);
}

static void
test_rejecting (Fixture      *f,
                gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) jobs = NULL;
  JkPrinterStatus status = { 0 };
  JkPrintResult result = { 0 };

  f->options.day_page_limit = 50;
  cups_cmd (f, "cupsreject", "-r", "Closed for the day", jk_test_cups_get_printer (f->cups));
  g_assert_true (jk_printer_get_status (&f->options, &status, &error));
  g_assert_true (status.found);
  g_assert_false (status.accepting);
  g_assert_true (status.out_of_service);
  g_assert_cmpint (status.state, ==, IPP_PSTATE_IDLE);
  g_assert_cmpstr (status.printer_message, ==, "Closed for the day");
  g_assert_cmpstr (status.message, ==,
                   "The printer is not taking new print jobs right now. Please ask staff at the front desk.");
  jk_printer_status_clear (&status);

  g_assert_false (jk_print_pdf (f->store, &f->options, f->one_page, "job sheet", 1, 1, f->now, &result, NULL, &error));
  g_assert_error (error, JK_PRINT_ERROR, JK_PRINT_ERROR_OUT_OF_SERVICE);
  g_assert_nonnull (strstr (error->message, "not taking new print jobs"));
  g_clear_error (&error);
  jk_print_result_clear (&result);
  g_assert_cmpuint (jk_print_pages_left (f->store, &f->options, 1, f->now), ==, 50);
  jobs = list_jobs (f);
  g_assert_cmpuint (jobs->len, ==, 0);

  cups_cmd (f, "cupsaccept", jk_test_cups_get_printer (f->cups), NULL, NULL);
  g_assert_true (jk_print_pdf (f->store, &f->options, f->one_page, "job sheet", 1, 1, f->now, &result, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (result.outcome, ==, JK_PRINT_OUTCOME_PRINTED);
  assert_output (f, 1, result.cups_job_id, 1);
  jk_print_result_clear (&result);
}

static void
test_out_of_paper (Fixture      *f,
                   gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  JkPrinterStatus status = { 0 };
  JkPrintResult result = { 0 };
  JkPrintResult second = { 0 };

  f->options.day_page_limit = 50;
  jk_test_cups_set_fault (f->cups, JK_TEST_CUPS_OUT_OF_PAPER);

  /* The printer runs out while printing: the job waits, counted. */
  g_assert_true (jk_print_pdf (f->store, &f->options, f->two_pages, "resume", 1, 1, f->now, &result, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (result.outcome, ==, JK_PRINT_OUTCOME_WAITING);
  g_assert_cmpstr (result.message, ==,
                   "The printer stopped: it is out of paper. Your pages will print when it is fixed. "
                   "Please ask staff at the front desk.");
  g_assert_cmpint (get_job (f, result.cups_job_id, NULL), ==, IPP_JSTATE_PENDING);
  g_assert_cmpuint (jk_print_pages_left (f->store, &f->options, 1, f->now), ==, 48);
  wait_row_state (f, result.id, "waiting");

  g_assert_true (jk_printer_get_status (&f->options, &status, &error));
  g_assert_true (status.out_of_service);
  g_assert_true (has_reason (&status, "media-empty-error"));
  g_assert_cmpstr (jk_printer_reason_words ("media-empty-error"), ==, "out of paper");
  g_assert_cmpstr (jk_printer_reason_words ("toner-low-warning"), ==, "low on toner");
  g_assert_null (jk_printer_reason_words ("com.example-unknown-error"));
  g_assert_cmpstr (status.message, ==, "The printer is out of paper. Please ask staff at the front desk.");
  jk_printer_status_clear (&status);

  /* The next visitor hears it before printing. */
  g_assert_false (jk_print_pdf (f->store, &f->options, f->one_page, "job sheet", 1, 2, f->now, &second, NULL, &error));
  g_assert_error (error, JK_PRINT_ERROR, JK_PRINT_ERROR_OUT_OF_SERVICE);
  g_assert_nonnull (strstr (error->message, "out of paper"));
  g_clear_error (&error);
  jk_print_result_clear (&second);
  assert_no_output (f);

  /* Staff load paper and resume the queue: the waiting job prints. */
  jk_test_cups_set_fault (f->cups, JK_TEST_CUPS_OK);
  cups_cmd (f, "cupsenable", jk_test_cups_get_printer (f->cups), NULL, NULL);
  assert_output (f, 1, result.cups_job_id, 2);
  wait_row_state (f, result.id, "printed");
  g_assert_cmpuint (jk_print_pages_left (f->store, &f->options, 1, f->now), ==, 48);
  jk_print_result_clear (&result);
}

static void
test_no_cupsd (Fixture      *f,
               gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) jobs = NULL;
  JkPrinterStatus status = { 0 };
  JkPrintResult result = { 0 };
  gint64 t0;
  double seconds;

  f->options.day_page_limit = 50;
  jk_test_cups_stop (f->cups);

  t0 = g_get_monotonic_time ();
  g_assert_false (jk_printer_get_status (&f->options, &status, &error));
  g_assert_error (error, JK_PRINT_ERROR, JK_PRINT_ERROR_NO_PRINTER);
  g_assert_false (status.found);
  g_assert_true (status.out_of_service);
  g_assert_cmpstr (status.message, ==,
                   "The printer cannot be reached right now. Please ask staff at the front desk.");
  g_clear_error (&error);
  jk_printer_status_clear (&status);

  g_assert_false (jk_print_pdf (f->store, &f->options, f->two_pages, "resume", 1, 1, f->now, &result, NULL, &error));
  g_assert_error (error, JK_PRINT_ERROR, JK_PRINT_ERROR_NO_PRINTER);
  g_assert_cmpstr (error->message, ==,
                   "The printer cannot be reached right now. Please ask staff at the front desk.");
  g_clear_error (&error);
  jk_print_result_clear (&result);
  seconds = (double) (g_get_monotonic_time () - t0) / G_USEC_PER_SEC;
  g_test_message ("cupsd not running: both answers in %.1f ms", seconds * 1000);
  g_assert_cmpfloat (seconds, <, 5.0);

  /* Nothing counted or lost; staff screens still work. */
  g_assert_cmpuint (jk_print_pages_left (f->store, &f->options, 1, f->now), ==, 50);
  jobs = list_jobs (f);
  g_assert_cmpuint (jobs->len, ==, 0);

  /* CUPS is back (a new server): printing works again. */
  f->cups = jk_test_cups_start ();
  point_libcups_at (f->cups);
  g_free (f->options.printer);
  f->options.printer = g_strdup (jk_test_cups_get_printer (f->cups));
  g_assert_true (jk_print_pdf (f->store, &f->options, f->two_pages, "resume", 1, 1, f->now, &result, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (result.outcome, ==, JK_PRINT_OUTCOME_PRINTED);
  assert_output (f, 1, result.cups_job_id, 2);
  g_assert_cmpuint (jk_print_pages_left (f->store, &f->options, 1, f->now), ==, 48);
  jk_print_result_clear (&result);
}

static void
test_hold_release_reprint (Fixture      *f,
                           gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) jobs = NULL;
  g_autofree char *spool_copy = NULL;
  JkPrintResult result = { 0 };
  JkPrintResult again = { 0 };
  GStatBuf st;

  f->options.hold_for_release = TRUE;
  g_assert_true (jk_print_pdf (f->store, &f->options, f->two_pages, "resume", 1, 1, f->now, &result, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (result.outcome, ==, JK_PRINT_OUTCOME_HELD);
  g_assert_cmpstr (result.message, ==, "Your pages are waiting. Ask staff at the front desk to print them.");
  g_assert_cmpint (get_job (f, result.cups_job_id, NULL), ==, IPP_JSTATE_HELD);
  jobs = list_jobs (f);
  g_assert_cmpstr (jk_print_job_state_to_string (find_job (jobs, result.id)->state), ==, "held");
  g_clear_pointer (&jobs, g_ptr_array_unref);

  /* The kept copy, private to the kiosk. */
  spool_copy = g_strdup_printf ("%s/print-%" G_GINT64_FORMAT ".pdf", f->options.spool_dir, result.id);
  g_assert_cmpint (g_stat (spool_copy, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (f->options.spool_dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);

  g_usleep (500 * 1000);
  assert_no_output (f);
  g_assert_cmpint (get_job (f, result.cups_job_id, NULL), ==, IPP_JSTATE_HELD);

  /* Staff release it: it prints. Released twice: refused. */
  g_assert_true (jk_print_release (f->store, &f->options, result.id, &error));
  g_assert_no_error (error);
  assert_output (f, 1, result.cups_job_id, 2);
  wait_row_state (f, result.id, "printed");
  g_assert_false (jk_print_release (f->store, &f->options, result.id, &error));
  g_assert_error (error, JK_PRINT_ERROR, JK_PRINT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (jk_print_release (f->store, &f->options, 9999, &error));
  g_assert_error (error, JK_PRINT_ERROR, JK_PRINT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Staff reprint it from the kept copy: a new row, not held. */
  g_assert_true (jk_print_reprint (f->store, &f->options, result.id, f->now, &again, &error));
  g_assert_no_error (error);
  g_assert_cmpint (again.outcome, ==, JK_PRINT_OUTCOME_PRINTED);
  g_assert_cmpint (again.id, !=, result.id);
  g_assert_cmpint (again.cups_job_id, !=, result.cups_job_id);
  assert_output (f, 2, again.cups_job_id, 2);
  jobs = list_jobs (f);
  g_assert_cmpuint (jobs->len, ==, 2);
  g_assert_cmpstr (jk_print_job_state_to_string (find_job (jobs, again.id)->state), ==, "printed");
  g_assert_cmpstr (find_job (jobs, again.id)->kind, ==, "resume");

  /* Copies of jobs no longer held expire with hold_minutes. */
  {
    g_autoptr (GDateTime) later = g_date_time_add_minutes (f->now, 61);

    g_assert_cmpuint (jk_print_cancel_stale (f->store, &f->options, 0, later), ==, 0);
    g_assert_false (g_file_test (spool_copy, G_FILE_TEST_EXISTS));
    jk_print_result_clear (&again);
    g_assert_false (jk_print_reprint (f->store, &f->options, result.id, f->now, &again, &error));
    g_assert_error (error, JK_PRINT_ERROR, JK_PRINT_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }
  jk_print_result_clear (&result);
  jk_print_result_clear (&again);
}

static void
test_stale_and_cancel (Fixture      *f,
                       gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) jobs = NULL;
  g_autoptr (GDateTime) soon = g_date_time_add_minutes (f->now, 30);
  g_autoptr (GDateTime) later = g_date_time_add_minutes (f->now, 61);
  g_autofree char *spool_copy = NULL;
  JkPrintResult stale = { 0 };
  JkPrintResult visit = { 0 };
  JkPrintResult staff = { 0 };

  f->options.hold_for_release = TRUE;
  f->options.day_page_limit = 20;
  g_assert_true (jk_print_pdf (f->store, &f->options, f->two_pages, "resume", 1, 1, f->now, &stale, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (stale.outcome, ==, JK_PRINT_OUTCOME_HELD);
  g_assert_cmpuint (jk_print_pages_left (f->store, &f->options, 0, f->now), ==, 18);
  spool_copy = g_strdup_printf ("%s/print-%" G_GINT64_FORMAT ".pdf", f->options.spool_dir, stale.id);
  g_assert_true (g_file_test (spool_copy, G_FILE_TEST_IS_REGULAR));

  /* Not yet stale at 30 minutes; stale after 60. */
  g_assert_cmpuint (jk_print_cancel_stale (f->store, &f->options, 0, soon), ==, 0);
  g_assert_cmpint (get_job (f, stale.cups_job_id, NULL), ==, IPP_JSTATE_HELD);
  g_assert_cmpuint (jk_print_cancel_stale (f->store, &f->options, 0, later), ==, 1);
  g_assert_cmpint (get_job (f, stale.cups_job_id, NULL), ==, IPP_JSTATE_CANCELED);
  g_assert_false (g_file_test (spool_copy, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (jk_print_pages_left (f->store, &f->options, 0, f->now), ==, 20);
  g_assert_cmpuint (jk_print_cancel_stale (f->store, &f->options, 0, later), ==, 0);

  /* The end of a visit cancels that visit's held jobs only. */
  g_assert_true (jk_print_pdf (f->store, &f->options, f->one_page, "job sheet", 1, 5, f->now, &visit, NULL, &error));
  g_assert_true (jk_print_pdf (f->store, &f->options, f->one_page, "job sheet", 1, 6, f->now, &staff, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (jk_print_cancel_stale (f->store, &f->options, 5, f->now), ==, 1);
  g_assert_cmpint (get_job (f, visit.cups_job_id, NULL), ==, IPP_JSTATE_CANCELED);
  g_assert_cmpint (get_job (f, staff.cups_job_id, NULL), ==, IPP_JSTATE_HELD);

  /* Staff cancel one: canceled in CUPS and the history, pages back. */
  g_assert_cmpuint (jk_print_pages_left (f->store, &f->options, 0, f->now), ==, 19);
  g_free (spool_copy);
  spool_copy = g_strdup_printf ("%s/print-%" G_GINT64_FORMAT ".pdf", f->options.spool_dir, staff.id);
  g_assert_true (g_file_test (spool_copy, G_FILE_TEST_IS_REGULAR));
  g_assert_true (jk_print_cancel (f->store, &f->options, staff.id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (get_job (f, staff.cups_job_id, NULL), ==, IPP_JSTATE_CANCELED);
  g_assert_false (g_file_test (spool_copy, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (jk_print_pages_left (f->store, &f->options, 0, f->now), ==, 20);
  g_assert_false (jk_print_cancel (f->store, &f->options, staff.id, &error));
  g_assert_error (error, JK_PRINT_ERROR, JK_PRINT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  jobs = list_jobs (f);
  g_assert_cmpuint (jobs->len, ==, 3);
  for (guint i = 0; i < jobs->len; i++)
    g_assert_cmpstr (jk_print_job_state_to_string (((JkPrintJobInfo *) jobs->pdata[i])->state), ==, "canceled");
  g_usleep (300 * 1000);
  assert_no_output (f);
  jk_print_result_clear (&stale);
  jk_print_result_clear (&visit);
  jk_print_result_clear (&staff);
}

static void
test_limits (Fixture      *f,
             gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) tomorrow = g_date_time_add_days (f->now, 1);
  JkPrintResult result = { 0 };
  int second_job;

  f->options.visit_page_limit = 3;
  f->options.day_page_limit = 5;
  g_assert_cmpuint (jk_print_pages_left (f->store, &f->options, 1, f->now), ==, 3);
  g_assert_cmpuint (jk_print_pages_left (f->store, &f->options, 0, f->now), ==, 5);

  g_assert_true (jk_print_pdf (f->store, &f->options, f->two_pages, "resume", 1, 1, f->now, &result, NULL, &error));
  g_assert_no_error (error);
  jk_print_result_clear (&result);
  g_assert_cmpuint (jk_print_pages_left (f->store, &f->options, 1, f->now), ==, 1);
  g_assert_cmpuint (jk_print_pages_today (f->store, f->now), ==, 2);
  g_assert_cmpuint (jk_print_pages_today (f->store, tomorrow), ==, 0);
  /* Pages staff allowed beyond the visit's limit, within the day's. */
  f->options.visit_extra_pages = 1;
  g_assert_cmpuint (jk_print_pages_left (f->store, &f->options, 1, f->now), ==, 2);
  f->options.visit_extra_pages = 10;
  g_assert_cmpuint (jk_print_pages_left (f->store, &f->options, 1, f->now), ==, 3);
  f->options.visit_extra_pages = 0;

  /* The visit limit. */
  g_assert_false (jk_print_pdf (f->store, &f->options, f->two_pages, "resume", 1, 1, f->now, &result, NULL, &error));
  g_assert_error (error, JK_PRINT_ERROR, JK_PRINT_ERROR_LIMIT);
  g_assert_cmpstr (error->message, ==, "This is 2 pages. You can print 1 more page today.");
  g_clear_error (&error);
  jk_print_result_clear (&result);
  /* Copies count too. */
  g_assert_false (jk_print_pdf (f->store, &f->options, f->one_page, "job sheet", 2, 1, f->now, &result, NULL, &error));
  g_assert_error (error, JK_PRINT_ERROR, JK_PRINT_ERROR_LIMIT);
  g_clear_error (&error);
  jk_print_result_clear (&result);
  g_assert_cmpuint (jk_print_pages_left (f->store, &f->options, 1, f->now), ==, 1);

  /* The day limit, across visits. */
  g_assert_true (jk_print_pdf (f->store, &f->options, f->two_pages, "resume", 1, 2, f->now, &result, NULL, &error));
  g_assert_no_error (error);
  second_job = result.cups_job_id;
  jk_print_result_clear (&result);
  g_assert_cmpuint (jk_print_pages_left (f->store, &f->options, 3, f->now), ==, 1);
  g_assert_false (jk_print_pdf (f->store, &f->options, f->two_pages, "resume", 1, 3, f->now, &result, NULL, &error));
  g_assert_error (error, JK_PRINT_ERROR, JK_PRINT_ERROR_LIMIT);
  g_assert_nonnull (strstr (error->message, "You can print 1 more"));
  g_clear_error (&error);
  jk_print_result_clear (&result);
  assert_output (f, 2, second_job, 2);

  /* A kiosk restart: a new connection to the same file keeps the day. */
  g_clear_pointer (&f->store, jk_store_free);
  f->store = jk_store_open (f->db_path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (jk_print_pages_left (f->store, &f->options, 3, f->now), ==, 1);
  g_assert_false (jk_print_pdf (f->store, &f->options, f->two_pages, "resume", 1, 3, f->now, &result, NULL, &error));
  g_assert_error (error, JK_PRINT_ERROR, JK_PRINT_ERROR_LIMIT);
  g_clear_error (&error);
  jk_print_result_clear (&result);
  g_assert_true (jk_print_pdf (f->store, &f->options, f->one_page, "job sheet", 1, 3, f->now, &result, NULL, &error));
  g_assert_no_error (error);
  jk_print_result_clear (&result);
  g_assert_cmpuint (jk_print_pages_left (f->store, &f->options, 3, f->now), ==, 0);
  g_assert_false (jk_print_pdf (f->store, &f->options, f->one_page, "job sheet", 1, 3, f->now, &result, NULL, &error));
  g_assert_error (error, JK_PRINT_ERROR, JK_PRINT_ERROR_LIMIT);
  g_assert_cmpstr (error->message, ==, "This is 1 page. You cannot print any more pages today.");
  g_clear_error (&error);
  jk_print_result_clear (&result);

  /* A new day starts fresh. */
  g_assert_cmpuint (jk_print_pages_left (f->store, &f->options, 3, tomorrow), ==, 3);
}

static void
test_failed_gives_back (Fixture      *f,
                        gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) jobs = NULL;
  JkPrintResult result = { 0 };
  gint64 failed_id, canceled_id;

  f->options.visit_page_limit = 3;
  jk_test_cups_set_fault (f->cups, JK_TEST_CUPS_FAIL_JOB);
  g_assert_false (jk_print_pdf (f->store, &f->options, f->two_pages, "resume", 1, 1, f->now, &result, NULL, &error));
  g_assert_error (error, JK_PRINT_ERROR, JK_PRINT_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "not counted"));
  g_clear_error (&error);
  g_assert_cmpint (get_job (f, result.cups_job_id, NULL), ==, IPP_JSTATE_ABORTED);
  g_assert_cmpuint (jk_print_pages_left (f->store, &f->options, 1, f->now), ==, 3);
  failed_id = result.id;
  jk_print_result_clear (&result);

  jk_test_cups_set_fault (f->cups, JK_TEST_CUPS_CANCEL_JOB);
  g_assert_false (jk_print_pdf (f->store, &f->options, f->two_pages, "resume", 1, 1, f->now, &result, NULL, &error));
  g_assert_error (error, JK_PRINT_ERROR, JK_PRINT_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "not counted"));
  g_clear_error (&error);
  g_assert_cmpuint (jk_print_pages_left (f->store, &f->options, 1, f->now), ==, 3);
  canceled_id = result.id;
  jk_print_result_clear (&result);

  jobs = list_jobs (f);
  g_assert_cmpstr (jk_print_job_state_to_string (find_job (jobs, failed_id)->state), ==, "failed");
  g_assert_cmpstr (jk_print_job_state_to_string (find_job (jobs, canceled_id)->state), ==, "canceled");
  assert_no_output (f);

  /* The visitor tries again once the printer works: within the limit. */
  jk_test_cups_set_fault (f->cups, JK_TEST_CUPS_OK);
  g_assert_true (jk_print_pdf (f->store, &f->options, f->two_pages, "resume", 1, 1, f->now, &result, NULL, &error));
  g_assert_no_error (error);
  assert_output (f, 1, result.cups_job_id, 2);
  jk_print_result_clear (&result);
}

static void
test_timeout (Fixture      *f,
              gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) pids = NULL;
  JkPrintResult result = { 0 };
  gint64 t0;
  double seconds;

  f->options.day_page_limit = 10;
  f->options.timeout_seconds = 2;
  jk_test_cups_set_fault (f->cups, JK_TEST_CUPS_HANG_OFFLINE);
  t0 = g_get_monotonic_time ();
  g_assert_false (jk_print_pdf (f->store, &f->options, f->one_page, "job sheet", 1, 1, f->now, &result, NULL, &error));
  seconds = (double) (g_get_monotonic_time () - t0) / G_USEC_PER_SEC;
  g_assert_error (error, JK_PRINT_ERROR, JK_PRINT_ERROR_TIMEOUT);
  g_assert_nonnull (strstr (error->message, "not answering"));
  g_clear_error (&error);
  g_assert_cmpfloat (seconds, >=, 2.0);
  g_assert_cmpfloat (seconds, <, 5.0);

  /* Left in the queue, still counted; staff cancel it: pages back. */
  g_assert_cmpint (get_job (f, result.cups_job_id, NULL), ==, IPP_JSTATE_PROCESSING);
  g_assert_cmpuint (jk_print_pages_left (f->store, &f->options, 1, f->now), ==, 9);
  wait_row_state (f, result.id, "printing");
  pids = jk_test_cups_list_job_processes (f->cups);
  g_assert_cmpuint (pids->len, >, 0);
  g_assert_true (jk_print_cancel (f->store, &f->options, result.id, &error));
  g_assert_no_error (error);
  wait_job_state (f, result.cups_job_id, IPP_JSTATE_CANCELED);
  g_assert_cmpuint (jk_print_pages_left (f->store, &f->options, 1, f->now), ==, 10);
  jk_print_result_clear (&result);
}

static void
test_cancellable (Fixture      *f,
                  gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GPtrArray) jobs = NULL;
  JkPrintResult result = { 0 };

  g_cancellable_cancel (cancellable);
  g_assert_false (jk_print_pdf (f->store, &f->options, f->one_page, "job sheet", 1, 1, f->now, &result,
                                cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  jk_print_result_clear (&result);
  jobs = list_jobs (f);
  g_assert_cmpuint (jobs->len, ==, 0);
}

/* Not a pass/fail timer: reports the median from call to completed. */
static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

static void
test_timing (Fixture      *f,
             gconstpointer data)
{
  double ms[10];

  for (guint i = 0; i < G_N_ELEMENTS (ms); i++)
    {
      g_autoptr (GError) error = NULL;
      JkPrintResult result = { 0 };
      gint64 t0 = g_get_monotonic_time ();

      g_assert_true (jk_print_pdf (f->store, &f->options, f->one_page, "job sheet", 1, 1, f->now, &result, NULL,
                                   &error));
      ms[i] = (double) (g_get_monotonic_time () - t0) / 1000.0;
      g_assert_no_error (error);
      g_assert_cmpint (result.outcome, ==, JK_PRINT_OUTCOME_PRINTED);
      jk_print_result_clear (&result);
    }
  qsort (ms, G_N_ELEMENTS (ms), sizeof ms[0], compare_doubles);
  g_test_message ("1-page PDF, jk_print_pdf call to completed: median %.0f ms (min %.0f, max %.0f, n=%u)",
                  (ms[4] + ms[5]) / 2, ms[0], ms[9], (guint) G_N_ELEMENTS (ms));
  g_test_minimized_result ((ms[4] + ms[5]) / 2000.0, "median seconds to completed");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  jk_test_log_init ();

  g_test_add_func ("/print/invalid", test_invalid);
  JK_TEST_ADD ("/print/printed", Fixture, test_printed);
  JK_TEST_ADD ("/print/fault/disabled", Fixture, test_disabled);
  JK_TEST_ADD ("/print/fault/rejecting", Fixture, test_rejecting);
  JK_TEST_ADD ("/print/fault/out-of-paper", Fixture, test_out_of_paper);
  JK_TEST_ADD ("/print/fault/no-cupsd", Fixture, test_no_cupsd);
  JK_TEST_ADD ("/print/fault/failed-gives-back", Fixture, test_failed_gives_back);
  JK_TEST_ADD ("/print/fault/timeout", Fixture, test_timeout);
  JK_TEST_ADD ("/print/hold-release-reprint", Fixture, test_hold_release_reprint);
  JK_TEST_ADD ("/print/stale-and-cancel", Fixture, test_stale_and_cancel);
  JK_TEST_ADD ("/print/limits", Fixture, test_limits);
  JK_TEST_ADD ("/print/cancellable", Fixture, test_cancellable);
  if (g_test_perf ())
    JK_TEST_ADD ("/print/timing", Fixture, test_timing);

  return g_test_run ();
}
