/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cups-harness.c: checks jk-test-cups against the real cupsd with libcups, pdfinfo and pdftotext */

#include "jk-test.h"
#include "jk-test-cups.h"
#include "jk-test-pdf.h"

#include <cups/cups.h>
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

#include <glib/gstdio.h>

#define TEST_TEXT        "Job Kiosk test page"
#define JOB_TIMEOUT_MS   30000
#define POLL_US          (50 * 1000)

typedef struct {
  JkTestCups *cups;
  http_t     *http;
  char       *tmpdir;
  char       *pdf;       /* a 2-page PDF made with cairo */
} Fixture;

static void
make_test_pdf (const char *path)
{
  g_autoptr (GBytes) pdf = jk_test_make_pdf (2, TEST_TEXT, NULL);
  g_autoptr (GError) error = NULL;

  g_file_set_contents (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 t0;

  (void) data;
  t0 = g_get_monotonic_time ();
  f->cups = jk_test_cups_start ();
  g_test_message ("cupsd started in %.0f ms on %s",
                  (double) (g_get_monotonic_time () - t0) / 1000.0, jk_test_cups_get_server (f->cups));

  f->tmpdir = g_dir_make_tmp ("test-cups-harness-XXXXXX", &error);
  g_assert_no_error (error);
  f->pdf = g_build_filename (f->tmpdir, "test.pdf", NULL);
  make_test_pdf (f->pdf);

  /* What the kiosk does: libcups pointed at the private server. */
  cupsSetServer (jk_test_cups_get_server (f->cups));
  f->http = httpConnect2 ("127.0.0.1", jk_test_cups_get_port (f->cups), NULL, AF_INET,
                          HTTP_ENCRYPTION_NEVER, 1, 30000, NULL);
  g_assert_nonnull (f->http);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  (void) data;
  g_clear_pointer (&f->http, httpClose);
  if (f->cups != NULL)
    jk_test_cups_stop (f->cups);
  cupsSetServer (NULL);
  g_unlink (f->pdf);
  g_rmdir (f->tmpdir);
  g_free (f->pdf);
  g_free (f->tmpdir);
}

/* --- IPP queries ------------------------------------------------------- */

typedef struct {
  int       state;        /* 3 idle, 4 processing, 5 stopped */
  char     *reasons;      /* printer-state-reasons joined with ',' */
  char     *message;      /* printer-state-message */
  gboolean  accepting;
} PrinterStatus;

static void
printer_status_clear (PrinterStatus *s)
{
  g_clear_pointer (&s->reasons, g_free);
  g_clear_pointer (&s->message, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PrinterStatus, printer_status_clear)

static char *
printer_uri (Fixture *f)
{
  return g_strdup_printf ("ipp://localhost/printers/%s", jk_test_cups_get_printer (f->cups));
}

static void
get_printer_status (Fixture *f, PrinterStatus *out)
{
  static const char *const wanted[] = {
    "printer-state", "printer-state-reasons", "printer-state-message", "printer-is-accepting-jobs",
  };
  g_autofree char *uri = printer_uri (f);
  g_autoptr (GString) reasons = g_string_new (NULL);
  ipp_t *request = ippNewRequest (IPP_OP_GET_PRINTER_ATTRIBUTES);
  ipp_t *response;
  ipp_attribute_t *attr;

  ippAddString (request, IPP_TAG_OPERATION, IPP_TAG_URI, "printer-uri", NULL, uri);
  ippAddStrings (request, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes",
                 G_N_ELEMENTS (wanted), NULL, wanted);
  response = cupsDoRequest (f->http, request, "/");
  if (response == NULL || cupsLastError () > IPP_STATUS_OK_CONFLICTING)
    g_error ("Get-Printer-Attributes: %s", cupsLastErrorString ());

  attr = ippFindAttribute (response, "printer-state", IPP_TAG_ENUM);
  out->state = attr != NULL ? ippGetInteger (attr, 0) : 0;
  attr = ippFindAttribute (response, "printer-state-reasons", IPP_TAG_KEYWORD);
  for (int i = 0; attr != NULL && i < ippGetCount (attr); i++)
    {
      if (i > 0)
        g_string_append_c (reasons, ',');
      g_string_append (reasons, ippGetString (attr, i, NULL));
    }
  out->reasons = g_strdup (reasons->str);
  attr = ippFindAttribute (response, "printer-state-message", IPP_TAG_TEXT);
  out->message = g_strdup (attr != NULL ? ippGetString (attr, 0, NULL) : "");
  attr = ippFindAttribute (response, "printer-is-accepting-jobs", IPP_TAG_BOOLEAN);
  out->accepting = attr != NULL && ippGetBoolean (attr, 0);
  ippDelete (response);
}

static gboolean
has_reason (const char *reasons, const char *keyword)
{
  g_auto (GStrv) list = g_strsplit (reasons, ",", -1);

  return g_strv_contains ((const char *const *) list, keyword);
}

/* Waits until the printer is in state (and has reason, unless NULL). */
static void
wait_printer (Fixture *f, int state, const char *reason, PrinterStatus *out)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) JOB_TIMEOUT_MS * 1000;

  for (;;)
    {
      printer_status_clear (out);
      get_printer_status (f, out);
      if (out->state == state && (reason == NULL || has_reason (out->reasons, reason)))
        return;
      if (g_get_monotonic_time () >= deadline)
        g_error ("printer still in state %d (%s, \"%s\"), waited for %d with %s",
                 out->state, out->reasons, out->message, state, reason != NULL ? reason : "any reason");
      g_usleep (POLL_US);
    }
}

static int
get_job_state (Fixture *f, int job_id)
{
  static const char *const wanted[] = { "job-state", "job-state-reasons" };
  ipp_t *request = ippNewRequest (IPP_OP_GET_JOB_ATTRIBUTES);
  ipp_t *response;
  ipp_attribute_t *attr;
  int state;

  ippAddString (request, IPP_TAG_OPERATION, IPP_TAG_URI, "printer-uri", NULL, "ipp://localhost/");
  ippAddInteger (request, IPP_TAG_OPERATION, IPP_TAG_INTEGER, "job-id", job_id);
  ippAddStrings (request, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes",
                 G_N_ELEMENTS (wanted), NULL, wanted);
  response = cupsDoRequest (f->http, request, "/");
  if (response == NULL || cupsLastError () > IPP_STATUS_OK_CONFLICTING)
    g_error ("Get-Job-Attributes %d: %s", job_id, cupsLastErrorString ());
  attr = ippFindAttribute (response, "job-state", IPP_TAG_ENUM);
  state = attr != NULL ? ippGetInteger (attr, 0) : 0;
  ippDelete (response);
  return state;
}

static void
wait_job_state (Fixture *f, int job_id, int state)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) JOB_TIMEOUT_MS * 1000;
  int now;

  while ((now = get_job_state (f, job_id)) != state)
    {
      if (g_get_monotonic_time () >= deadline)
        g_error ("job %d still in state %d, waited for %d", job_id, now, state);
      g_usleep (POLL_US);
    }
}

/* Checks that job_id keeps state for a while (nothing moves it on by itself). */
static void
assert_job_stays (Fixture *f, int job_id, int state, guint ms)
{
  gint64 until = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < until)
    {
      g_assert_cmpint (get_job_state (f, job_id), ==, state);
      g_usleep (POLL_US);
    }
}

/* --- submitting ---------------------------------------------------------- */

/* lp -d QUEUE [extra...] PDF; returns the job id from "request id is QUEUE-N". */
static int
submit_lp (Fixture *f, const char *const *extra)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *out = NULL;
  g_autofree char *prefix = g_strdup_printf ("request id is %s-", jk_test_cups_get_printer (f->cups));
  const char *id;

  g_ptr_array_add (argv, (gpointer) "lp");
  g_ptr_array_add (argv, (gpointer) "-d");
  g_ptr_array_add (argv, (gpointer) jk_test_cups_get_printer (f->cups));
  for (gsize i = 0; extra != NULL && extra[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) extra[i]);
  g_ptr_array_add (argv, f->pdf);
  g_ptr_array_add (argv, NULL);
  out = jk_test_cups_run (f->cups, (const char *const *) argv->pdata);
  id = strstr (out, prefix);
  g_assert_nonnull (id);
  return (int) g_ascii_strtoll (id + strlen (prefix), NULL, 10);
}

/* The kiosk's way: Create-Job + Send-Document through the cupsDest API.
 * Returns the job id, or 0 with *status set when the printer refuses. */
static int
submit_api (Fixture *f, int num_options, cups_option_t *options, ipp_status_t *status)
{
  cups_dest_t *dest = cupsGetNamedDest (f->http, jk_test_cups_get_printer (f->cups), NULL);
  cups_dinfo_t *info;
  g_autofree char *data = NULL;
  gsize len = 0;
  int job_id = 0;
  ipp_status_t st;

  g_assert_nonnull (dest);
  info = cupsCopyDestInfo (f->http, dest);
  g_assert_nonnull (info);
  g_assert_true (g_file_get_contents (f->pdf, &data, &len, NULL));

  st = cupsCreateDestJob (f->http, dest, info, &job_id, "Kiosk test · 2 pages", num_options, options);
  if (st == IPP_STATUS_OK)
    {
      g_assert_cmpint (job_id, >, 0);
      g_assert_cmpint (cupsStartDestDocument (f->http, dest, info, job_id, "test.pdf", CUPS_FORMAT_PDF,
                                              0, NULL, 1), ==, HTTP_STATUS_CONTINUE);
      g_assert_cmpint (cupsWriteRequestData (f->http, data, len), ==, HTTP_STATUS_CONTINUE);
      st = cupsFinishDestDocument (f->http, dest, info);
      if (st != IPP_STATUS_OK)
        g_error ("cupsFinishDestDocument: %s", cupsLastErrorString ());
    }
  else
    {
      job_id = 0;
    }
  if (status != NULL)
    *status = st;
  else if (st != IPP_STATUS_OK)
    g_error ("cupsCreateDestJob: %s", cupsLastErrorString ());

  cupsFreeDestInfo (info);
  cupsFreeDests (1, dest);
  return job_id;
}

/* The file is job-ID.pdf, a PDF of 2 pages whose text is extractable. */
static void
assert_printed_pdf (const char *path, int job_id)
{
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *want_base = g_strdup_printf ("job-%d.pdf", job_id);
  g_autofree char *info = JK_TEST_PDF_TOOL ("pdfinfo", path);
  g_autofree char *text = jk_test_pdf_text (path);
  g_autoptr (GRegex) pages = g_regex_new ("^Pages:\\s+2$", G_REGEX_MULTILINE, 0, NULL);

  g_assert_cmpstr (base, ==, want_base);
  g_assert_true (g_regex_match (pages, info, 0, NULL));
  g_assert_nonnull (strstr (text, TEST_TEXT));
  g_assert_nonnull (strstr (text, "Page 2 of 2"));
}

/* Waits for the n-th output and checks that the last one is job_id's. */
static void
assert_job_printed (Fixture *f, int job_id, guint n)
{
  g_autoptr (GPtrArray) out = jk_test_cups_wait_for_output (f->cups, n, JOB_TIMEOUT_MS);

  g_assert_nonnull (out);
  g_assert_cmpuint (out->len, ==, n);
  assert_printed_pdf (g_ptr_array_index (out, n - 1), job_id);
  wait_job_state (f, job_id, IPP_JSTATE_COMPLETED);
}

static void
cups_cmd (Fixture *f, const char *a0, const char *a1, const char *a2, const char *a3)
{
  const char *argv[] = { a0, a1, a2, a3, NULL };

  g_free (jk_test_cups_run (f->cups, argv));
}

/* --- tests ----------------------------------------------------------------- */

static void
test_print_lp (Fixture *f, gconstpointer data)
{
  PrinterStatus st = { 0 };
  cups_job_t *jobs = NULL;
  int n_jobs;
  gboolean found = FALSE;
  gint64 t0;
  int job_id;

  (void) data;
  get_printer_status (f, &st);
  g_assert_cmpint (st.state, ==, IPP_PSTATE_IDLE);
  g_assert_true (st.accepting);
  printer_status_clear (&st);

  t0 = g_get_monotonic_time ();
  job_id = submit_lp (f, NULL);
  assert_job_printed (f, job_id, 1);
  g_test_message ("lp: submit to completed PDF in %.0f ms",
                  (double) (g_get_monotonic_time () - t0) / 1000.0);

  /* The same through cupsGetJobs2, as a status screen would list it. */
  n_jobs = cupsGetJobs2 (f->http, &jobs, jk_test_cups_get_printer (f->cups), 0, CUPS_WHICHJOBS_ALL);
  for (int i = 0; i < n_jobs; i++)
    if (jobs[i].id == job_id)
      {
        g_assert_cmpint (jobs[i].state, ==, IPP_JSTATE_COMPLETED);
        found = TRUE;
      }
  cupsFreeJobs (n_jobs, jobs);
  g_assert_true (found);

  wait_printer (f, IPP_PSTATE_IDLE, NULL, &st);
  printer_status_clear (&st);
}

static void
test_print_api (Fixture *f, gconstpointer data)
{
  gint64 t0;
  int job_id;

  (void) data;
  t0 = g_get_monotonic_time ();
  job_id = submit_api (f, 0, NULL, NULL);
  assert_job_printed (f, job_id, 1);
  g_test_message ("cupsCreateDestJob: submit to completed PDF in %.0f ms",
                  (double) (g_get_monotonic_time () - t0) / 1000.0);

  /* A second job: outputs come back sorted by job id. */
  job_id = submit_api (f, 0, NULL, NULL);
  assert_job_printed (f, job_id, 2);
}

static void
test_disabled (Fixture *f, gconstpointer data)
{
  g_auto (PrinterStatus) st = { 0 };
  int job_id;

  (void) data;
  cups_cmd (f, "cupsdisable", "-r", "Out of toner", jk_test_cups_get_printer (f->cups));
  get_printer_status (f, &st);
  g_assert_cmpint (st.state, ==, IPP_PSTATE_STOPPED);
  g_assert_true (has_reason (st.reasons, "paused"));
  g_assert_cmpstr (st.message, ==, "Out of toner");
  g_assert_true (st.accepting);

  job_id = submit_api (f, 0, NULL, NULL);
  assert_job_stays (f, job_id, IPP_JSTATE_PENDING, 1000);
  g_assert_null (jk_test_cups_wait_for_output (f->cups, 1, 0));

  cups_cmd (f, "cupsenable", jk_test_cups_get_printer (f->cups), NULL, NULL);
  assert_job_printed (f, job_id, 1);
}

static void
test_rejecting (Fixture *f, gconstpointer data)
{
  g_auto (PrinterStatus) st = { 0 };
  ipp_status_t status = IPP_STATUS_OK;
  int job_id;

  (void) data;
  cups_cmd (f, "cupsreject", "-r", "Closed for the day", jk_test_cups_get_printer (f->cups));
  get_printer_status (f, &st);
  g_assert_cmpint (st.state, ==, IPP_PSTATE_IDLE);
  g_assert_false (st.accepting);
  g_assert_cmpstr (st.message, ==, "Closed for the day");

  job_id = submit_api (f, 0, NULL, &status);
  g_assert_cmpint (job_id, ==, 0);
  g_assert_cmpint (status, ==, IPP_STATUS_ERROR_NOT_ACCEPTING_JOBS);

  cups_cmd (f, "cupsaccept", jk_test_cups_get_printer (f->cups), NULL, NULL);
  job_id = submit_api (f, 0, NULL, NULL);
  assert_job_printed (f, job_id, 1);
}

static void
test_out_of_paper (Fixture *f, gconstpointer data)
{
  g_auto (PrinterStatus) st = { 0 };
  int job_id;

  (void) data;
  jk_test_cups_set_fault (f->cups, JK_TEST_CUPS_OUT_OF_PAPER);
  job_id = submit_api (f, 0, NULL, NULL);
  wait_printer (f, IPP_PSTATE_STOPPED, "media-empty-error", &st);
  g_assert_true (has_reason (st.reasons, "paused"));
  g_test_message ("out of paper: reasons %s, message \"%s\"", st.reasons, st.message);
  g_assert_cmpint (get_job_state (f, job_id), ==, IPP_JSTATE_PENDING);
  assert_job_stays (f, job_id, IPP_JSTATE_PENDING, 500);
  g_assert_null (jk_test_cups_wait_for_output (f->cups, 1, 0));

  /* Staff load paper and resume the queue. */
  jk_test_cups_set_fault (f->cups, JK_TEST_CUPS_OK);
  cups_cmd (f, "cupsenable", jk_test_cups_get_printer (f->cups), NULL, NULL);
  assert_job_printed (f, job_id, 1);
  wait_printer (f, IPP_PSTATE_IDLE, NULL, &st);
  g_assert_false (has_reason (st.reasons, "media-empty-error"));
}

static void
test_fail_and_cancel (Fixture *f, gconstpointer data)
{
  g_auto (PrinterStatus) st = { 0 };
  int job_id;

  (void) data;
  /* abort-job error policy: the job ends aborted, the queue stays up. */
  jk_test_cups_set_fault (f->cups, JK_TEST_CUPS_FAIL_JOB);
  job_id = submit_api (f, 0, NULL, NULL);
  wait_job_state (f, job_id, IPP_JSTATE_ABORTED);
  wait_printer (f, IPP_PSTATE_IDLE, NULL, &st);
  g_assert_true (st.accepting);

  jk_test_cups_set_fault (f->cups, JK_TEST_CUPS_CANCEL_JOB);
  job_id = submit_api (f, 0, NULL, NULL);
  wait_job_state (f, job_id, IPP_JSTATE_CANCELED);
  wait_printer (f, IPP_PSTATE_IDLE, NULL, &st);
  g_assert_null (jk_test_cups_wait_for_output (f->cups, 1, 0));

  jk_test_cups_set_fault (f->cups, JK_TEST_CUPS_OK);
  job_id = submit_api (f, 0, NULL, NULL);
  assert_job_printed (f, job_id, 1);
}

static void
test_held (Fixture *f, gconstpointer data)
{
  cups_option_t *options = NULL;
  int num_options = 0;
  g_autofree char *id = NULL;
  int job_id;

  (void) data;
  num_options = cupsAddOption ("job-hold-until", "indefinite", num_options, &options);
  job_id = submit_api (f, num_options, options, NULL);
  cupsFreeOptions (num_options, options);
  assert_job_stays (f, job_id, IPP_JSTATE_HELD, 1000);
  g_assert_null (jk_test_cups_wait_for_output (f->cups, 1, 0));

  /* Staff release it. */
  id = g_strdup_printf ("%d", job_id);
  {
    const char *argv[] = { "lp", "-i", id, "-H", "resume", NULL };
    g_free (jk_test_cups_run (f->cups, argv));
  }
  assert_job_printed (f, job_id, 1);
}

static void
assert_process_gone (pid_t pid)
{
  if (kill (pid, 0) == 0 || errno != ESRCH)
    {
      g_autofree char *path = g_strdup_printf ("/proc/%d/stat", (int) pid);
      g_autofree char *stat = NULL;

      g_file_get_contents (path, &stat, NULL, NULL);
      g_error ("process %d is still there: %s", (int) pid, stat != NULL ? stat : "?");
    }
}

/* A printer that went offline mid-job: the job processes forever; cancel
 * ends the backend, and so does stop() for a job still hanging. */
static void
test_hang_cancel_and_stop (Fixture *f, gconstpointer data)
{
  g_auto (PrinterStatus) st = { 0 };
  g_autoptr (GArray) pids = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *id = NULL;
  GPid cupsd;
  gint64 t0;
  int job_id;

  (void) data;
  jk_test_cups_set_fault (f->cups, JK_TEST_CUPS_HANG_OFFLINE);

  /* 1. Cancel a hanging job: its processes end. */
  job_id = submit_api (f, 0, NULL, NULL);
  wait_job_state (f, job_id, IPP_JSTATE_PROCESSING);
  wait_printer (f, IPP_PSTATE_PROCESSING, "offline-report", &st);
  pids = jk_test_cups_list_job_processes (f->cups);
  g_assert_cmpuint (pids->len, >, 0);
  id = g_strdup_printf ("%d", job_id);
  cups_cmd (f, "cancel", id, NULL, NULL);
  wait_job_state (f, job_id, IPP_JSTATE_CANCELED);
  for (guint i = 0; i < pids->len; i++)
    {
      gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
      pid_t pid = g_array_index (pids, pid_t, i);

      while (kill (pid, 0) == 0 && g_get_monotonic_time () < deadline)
        g_usleep (10 * 1000);
      assert_process_gone (pid);
    }
  g_clear_pointer (&pids, g_array_unref);

  /* 2. Stop the server with a job hanging: nothing is left. */
  job_id = submit_api (f, 0, NULL, NULL);
  wait_job_state (f, job_id, IPP_JSTATE_PROCESSING);
  pids = jk_test_cups_list_job_processes (f->cups);
  g_assert_cmpuint (pids->len, >, 0);
  cupsd = jk_test_cups_get_pid (f->cups);
  g_assert_cmpint (cupsd, >, 0);
  dir = g_path_get_dirname (jk_test_cups_get_output_dir (f->cups));
  g_assert_true (g_file_test (dir, G_FILE_TEST_IS_DIR));

  g_clear_pointer (&f->http, httpClose);
  t0 = g_get_monotonic_time ();
  jk_test_cups_stop (f->cups);
  g_test_message ("stop with a hanging job took %.0f ms", (double) (g_get_monotonic_time () - t0) / 1000.0);
  assert_process_gone (cupsd);
  for (guint i = 0; i < pids->len; i++)
    assert_process_gone (g_array_index (pids, pid_t, i));
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));
  g_assert_cmpint (jk_test_cups_get_pid (f->cups), ==, 0);

  /* Safe twice; the address stays known for "cupsd not running" tests. */
  jk_test_cups_stop (f->cups);
  g_assert_nonnull (jk_test_cups_get_server (f->cups));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  JK_TEST_ADD ("/cups/print/lp", Fixture, test_print_lp);
  JK_TEST_ADD ("/cups/print/api", Fixture, test_print_api);
  JK_TEST_ADD ("/cups/fault/disabled", Fixture, test_disabled);
  JK_TEST_ADD ("/cups/fault/rejecting", Fixture, test_rejecting);
  JK_TEST_ADD ("/cups/fault/out-of-paper", Fixture, test_out_of_paper);
  JK_TEST_ADD ("/cups/fault/fail-and-cancel", Fixture, test_fail_and_cancel);
  JK_TEST_ADD ("/cups/held", Fixture, test_held);
  JK_TEST_ADD ("/cups/hang-cancel-and-stop", Fixture, test_hang_cancel_and_stop);

  return g_test_run ();
}
