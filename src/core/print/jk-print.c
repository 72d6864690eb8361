/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-print.c: prints PDFs through CUPS with page limits, staff release and a history without personal data */

#define G_LOG_DOMAIN "jk-print"

#include <cups/cups.h>
#include <errno.h>
#include <string.h>

#include <jobkiosk/jk-i18n.h>
#include <glib/gstdio.h>

#include "jobkiosk/jk-print.h"
#include "store/jk-store-private.h"

#define CONNECT_TIMEOUT_MS      3000        /* a dead or unreachable cupsd must answer quickly */
#define IO_TIMEOUT_SECONDS      15.0        /* one IPP request on an open connection */
/* Quick polls at first, when a small job usually finishes; slower after. */
#define POLL_INTERVAL_US        (250 * 1000)
#define POLL_FAST_US            (50 * 1000)
#define POLL_FAST_PERIOD_US     (2 * G_USEC_PER_SEC)
#define DEFAULT_TIMEOUT_SECONDS 120
#define WRITE_CHUNK             (64 * 1024)
#define NAME_PART_MAX           40          /* characters of kiosk name and kind in a job name */
#define DOCUMENT_NAME           "kiosk.pdf" /* document-name: never the visitor's file name */

/* Row states of print_jobs; canceled and failed rows do not count against the limits. */
#define STATE_HELD     "held"
#define STATE_PRINTING "printing"
#define STATE_PRINTED  "printed"
#define STATE_WAITING  "waiting"
#define STATE_CANCELED "canceled"
#define STATE_FAILED   "failed"

/* Why a printer cannot print, most specific first: the first one found
 * is the one a visitor hears about. */
typedef enum {
  CAUSE_PAPER,
  CAUSE_JAM,
  CAUSE_DOOR,
  CAUSE_TONER,
  CAUSE_OFFLINE,
  CAUSE_OTHER,
  CAUSE_PAUSED,
  CAUSE_NOT_ACCEPTING,
  CAUSE_NONE,
} Cause;

/* printer-state-reasons keywords (without -error/-warning/-report) that
 * stop a printer; unsuffixed ones block too (RFC 8011 treats a bare
 * keyword as an error). */
static const struct {
  const char *keyword;
  Cause       cause;
} blocking_reasons[] = {
  { "media-empty", CAUSE_PAPER },
  { "media-needed", CAUSE_PAPER },
  { "media-jam", CAUSE_JAM },
  { "door-open", CAUSE_DOOR },
  { "cover-open", CAUSE_DOOR },
  { "interlock-open", CAUSE_DOOR },
  { "toner-empty", CAUSE_TONER },
  { "marker-supply-empty", CAUSE_TONER },
  { "offline", CAUSE_OFFLINE },
  { "shutdown", CAUSE_OFFLINE },
  { "timed-out", CAUSE_OFFLINE },
  { "paused", CAUSE_PAUSED },
  { "moving-to-paused", CAUSE_PAUSED },
  { "stopped", CAUSE_PAUSED },
};

/* One connection to the CUPS server (CUPS_SERVER, client.conf or the local
 * socket, as libcups decides) and the destination on it. */
typedef struct {
  http_t       *http;
  cups_dest_t  *dest;
  cups_dinfo_t *info;  /* loaded when submitting */
  const char   *uri;   /* printer-uri-supported, owned by dest */
} CupsLink;

/* What Get-Job-Attributes says about one job. */
typedef struct {
  int   state;          /* ipp_jstate_t, 0 when CUPS no longer knows the job */
  char *reasons;        /* job-state-reasons, comma-separated, for the log */
  char *printer_message;/* job-printer-state-message, for the log */
} JobState;

/* A print_jobs row. */
typedef struct {
  gint64   id;
  int      cups_job_id;
  char    *kind;
  guint    pages;
  guint    copies;
  guint    visit;
  gint64   submitted;
  gboolean held;
  char    *state;
  char    *message;
  char    *spool_path;
} Row;

G_DEFINE_QUARK (jk-print-error-quark, jk_print_error)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ipp_t, ippDelete)

/* ---------------------------------------------------------------------- */
/* Helpers: words                                                         */

static const char *
describe_cause (Cause cause)
{
  switch (cause)
    {
    case CAUSE_PAPER:
      return _("The printer is out of paper. Please ask staff at the front desk.");
    case CAUSE_JAM:
      return _("Paper is stuck in the printer. Please ask staff at the front desk.");
    case CAUSE_DOOR:
      return _("A printer door is open. Please ask staff at the front desk.");
    case CAUSE_TONER:
      return _("The printer is out of toner. Please ask staff at the front desk.");
    case CAUSE_OFFLINE:
      return _("The printer is turned off or offline. Please ask staff at the front desk.");
    case CAUSE_OTHER:
      return _("The printer has a problem. Please ask staff at the front desk.");
    case CAUSE_PAUSED:
      return _("The printer is paused. Please ask staff at the front desk.");
    case CAUSE_NOT_ACCEPTING:
      return _("The printer is not taking new print jobs right now. Please ask staff at the front desk.");
    case CAUSE_NONE:
    default:
      return _("The printer is ready.");
    }
}

/* The end of "The printer stopped: …", for a job that waits. */
static const char *
describe_cause_short (Cause cause)
{
  switch (cause)
    {
    case CAUSE_PAPER:
      /* TRANSLATORS: completes "The printer stopped: %s." */
      return _("it is out of paper");
    case CAUSE_JAM:
      /* TRANSLATORS: completes "The printer stopped: %s." */
      return _("paper is stuck in it");
    case CAUSE_DOOR:
      /* TRANSLATORS: completes "The printer stopped: %s." */
      return _("a door is open");
    case CAUSE_TONER:
      /* TRANSLATORS: completes "The printer stopped: %s." */
      return _("it is out of toner");
    case CAUSE_OFFLINE:
      /* TRANSLATORS: completes "The printer stopped: %s." */
      return _("it is turned off or offline");
    case CAUSE_PAUSED:
      /* TRANSLATORS: completes "The printer stopped: %s." */
      return _("it was paused");
    case CAUSE_NOT_ACCEPTING:
      /* TRANSLATORS: completes "The printer stopped: %s." */
      return _("it is not taking new print jobs");
    case CAUSE_OTHER:
    case CAUSE_NONE:
    default:
      /* TRANSLATORS: completes "The printer stopped: %s." */
      return _("it has a problem");
    }
}

static char *
describe_waiting (Cause cause)
{
  /* TRANSLATORS: %s is a cause such as "it is out of paper" */
  return g_strdup_printf (_("The printer stopped: %s. Your pages will print when it is fixed. "
                            "Please ask staff at the front desk."),
                          describe_cause_short (cause));
}

static const char *
describe_unreachable (void)
{
  return _("The printer cannot be reached right now. Please ask staff at the front desk.");
}

static const char *
describe_no_printer (void)
{
  return _("No printer is set up for this kiosk. Please ask staff at the front desk.");
}

static const char *
describe_gave_back (void)
{
  return _("The printer could not print your pages. They were not counted. "
           "Please try again, or ask staff at the front desk.");
}

/* "This is 2 pages. You can print 1 more page today." */
static char *
describe_limit (guint wanted,
                guint left)
{
  g_autofree char *first = g_strdup_printf (jk_ngettext ("This is %u page.", "This is %u pages.",
                                                         wanted),
                                            wanted);
  g_autofree char *second = NULL;

  if (left == 0)
    second = g_strdup (_("You cannot print any more pages today."));
  else
    second = g_strdup_printf (jk_ngettext ("You can print %u more page today.",
                                           "You can print %u more pages today.", left),
                              left);
  return g_strconcat (first, " ", second, NULL);
}

static char *
clean_name_part (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);

  for (char *p = valid; *p != '\0'; p++)
    if ((guchar) *p < 0x20 || *p == 0x7f)
      *p = ' ';
  return g_utf8_substring (valid, 0, MIN (g_utf8_strlen (valid, -1), NAME_PART_MAX));
}

/* A job name for CUPS and staff: "Kiosk 2 · resume · 2 pages". Only the
 * kiosk's name and the kind of document, never the visitor or the title;
 * the parts are cut short and control characters replaced. */
static char *
make_job_name (const char *kiosk_name,
               const char *kind,
               guint       pages)
{
  g_autofree char *kiosk = clean_name_part (kiosk_name != NULL && kiosk_name[0] != '\0' ? kiosk_name : "Job Kiosk");
  g_autofree char *what = clean_name_part (kind);

  return g_strdup_printf ("%s · %s · %u %s", kiosk, what, pages, pages == 1 ? "page" : "pages");
}

/* ---------------------------------------------------------------------- */
/* Helpers: the PDF                                                       */

/* TRUE for the characters that may continue a PDF name (/Page vs /Pages). */
static gboolean
is_name_char (char c)
{
  return c != '\0' && !g_ascii_isspace (c) && strchr ("/<>[]()%{}", c) == NULL;
}

/* Counts pages by scanning for page objects: "/Type /Page" (any white
 * space between, or none) not followed by more name characters (that is
 * /Pages). This works for the uncompressed object dictionaries cairo writes
 * (every kiosk document comes from jk-document.c); it cannot see into
 * compressed object streams (PDF 1.5+ from other producers), so when it
 * finds no page object it falls back to the largest "/Count N" of a page
 * tree it can see. 0 means no page found: the file is refused. */
static guint
count_pdf_pages (const char *data,
                 gsize       len)
{
  static const char type[] = "/Type";
  const char *end = data + len;
  const char *p = data;
  guint pages = 0;
  guint64 best_count = 0;

  while (p < end && (p = memmem (p, (gsize) (end - p), type, strlen (type))) != NULL)
    {
      const char *q = p + strlen (type);

      while (q < end && g_ascii_isspace (*q))
        q++;
      if (end - q >= 5 && memcmp (q, "/Page", 5) == 0)
        {
          const char *after = q + 5;

          if (after >= end || !is_name_char (*after))
            pages++;
          else if (*after == 's' && (after + 1 >= end || !is_name_char (after[1])))
            {
              /* A page tree node: remember its /Count within the next bytes. */
              gsize window = MIN ((gsize) (end - after), 512);
              const char *count = memmem (after, window, "/Count", 6);

              if (count != NULL)
                {
                  g_autofree char *digits = NULL;
                  const char *d = count + 6;
                  const char *stop = after + window;
                  const char *start;

                  while (d < stop && g_ascii_isspace (*d))
                    d++;
                  start = d;
                  while (d < stop && g_ascii_isdigit (*d))
                    d++;
                  digits = g_strndup (start, (gsize) (d - start));
                  if (d > start && d - start < 9)
                    best_count = MAX (best_count, g_ascii_strtoull (digits, NULL, 10));
                }
            }
        }
      p = q;
    }
  return pages > 0 ? pages : (guint) best_count;
}

static guint
check_pdf (GBytes  *pdf,
           GError **error)
{
  gsize len = 0;
  const char *data = pdf != NULL ? g_bytes_get_data (pdf, &len) : NULL;
  gsize tail = MIN (len, 1024);
  guint pages;

  if (data == NULL || len < 5 || memcmp (data, "%PDF-", 5) != 0 ||
      memmem (data + len - tail, tail, "%%EOF", 5) == NULL)
    {
      g_set_error_literal (error, JK_PRINT_ERROR, JK_PRINT_ERROR_INVALID,
                           _("This file is not a PDF document, so it cannot be printed."));
      return 0;
    }
  pages = count_pdf_pages (data, len);
  if (pages == 0)
    g_set_error_literal (error, JK_PRINT_ERROR, JK_PRINT_ERROR_INVALID, _("This document has no pages to print."));
  return pages;
}

/* ---------------------------------------------------------------------- */
/* Helpers: talking to CUPS                                               */

static void
close_link (CupsLink *link)
{
  g_clear_pointer (&link->info, cupsFreeDestInfo);
  if (link->dest != NULL)
    cupsFreeDests (1, link->dest);
  link->dest = NULL;
  link->uri = NULL;
  g_clear_pointer (&link->http, httpClose);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CupsLink, close_link)

static gboolean
is_connection_lost (ipp_status_t status)
{
  return status == IPP_STATUS_ERROR_SERVICE_UNAVAILABLE || status == IPP_STATUS_ERROR_INTERNAL;
}

/* Connects with a short timeout and finds the destination: options->printer
 * or the CUPS default. NO_PRINTER when CUPS cannot be reached (*reachable
 * FALSE) or has no such destination. */
static gboolean
open_link (const JkPrintOptions *options,
                CupsLink             *link,
                gboolean             *reachable,
                GError              **error)
{
  const char *server = cupsServer ();
  const char *name = options->printer != NULL && options->printer[0] != '\0' ? options->printer : NULL;
  ipp_status_t status;

  *reachable = FALSE;
  link->http = httpConnect2 (server, ippPort (), NULL, AF_UNSPEC, cupsEncryption (), 1, CONNECT_TIMEOUT_MS, NULL);
  if (link->http == NULL)
    {
      g_message ("Cannot connect to CUPS at %s:%d: %s", server, ippPort (), g_strerror (errno));
      g_set_error_literal (error, JK_PRINT_ERROR, JK_PRINT_ERROR_NO_PRINTER, describe_unreachable ());
      return FALSE;
    }
  httpSetTimeout (link->http, IO_TIMEOUT_SECONDS, NULL, NULL);

  link->dest = cupsGetNamedDest (link->http, name, NULL);
  if (link->dest == NULL)
    {
      status = cupsLastError ();
      *reachable = !is_connection_lost (status);
      g_message ("No CUPS destination %s on %s: %s", name != NULL ? name : "(default)", server,
                 cupsLastErrorString ());
      g_set_error_literal (error, JK_PRINT_ERROR, JK_PRINT_ERROR_NO_PRINTER,
                           *reachable ? describe_no_printer () : describe_unreachable ());
      return FALSE;
    }
  *reachable = TRUE;
  link->uri = cupsGetOption ("printer-uri-supported", link->dest->num_options, link->dest->options);
  if (link->uri == NULL)
    {
      g_message ("CUPS destination %s has no printer-uri-supported", link->dest->name);
      g_set_error_literal (error, JK_PRINT_ERROR, JK_PRINT_ERROR_NO_PRINTER, describe_no_printer ());
      return FALSE;
    }
  return TRUE;
}

static ipp_t *
make_job_request (const CupsLink *link,
                 ipp_op_t        op,
                 int             job_id)
{
  ipp_t *request = ippNewRequest (op);

  ippAddString (request, IPP_TAG_OPERATION, IPP_TAG_URI, "printer-uri", NULL, link->uri);
  ippAddInteger (request, IPP_TAG_OPERATION, IPP_TAG_INTEGER, "job-id", job_id);
  ippAddString (request, IPP_TAG_OPERATION, IPP_TAG_NAME, "requesting-user-name", NULL, cupsUser ());
  return request;
}

/* Sends a request (consumed) and returns the IPP status. */
static ipp_status_t
send_request (const CupsLink *link,
              ipp_t          *request,
              const char     *resource,
              ipp_t         **response)
{
  ipp_t *answer = cupsDoRequest (link->http, request, resource);
  ipp_status_t status = cupsLastError ();

  if (answer != NULL && status <= IPP_STATUS_OK_EVENTS_COMPLETE && response != NULL)
    *response = answer;
  else
    ippDelete (answer);
  return status;
}

static char *
join_keywords (ipp_attribute_t *attr)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (int i = 0; attr != NULL && i < ippGetCount (attr); i++)
    {
      if (i > 0)
        g_string_append_c (text, ',');
      g_string_append (text, ippGetString (attr, i, NULL));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Sorts printer-state-reasons into what blocks printing and what is kept. */
static Cause
classify_reasons (ipp_attribute_t *attr,
                  const char      *printer,
                  GStrvBuilder    *kept)
{
  Cause cause = CAUSE_NONE;

  for (int i = 0; attr != NULL && i < ippGetCount (attr); i++)
    {
      const char *keyword = ippGetString (attr, i, NULL);
      g_autofree char *base = NULL;
      gboolean blocks = FALSE, known = FALSE;
      Cause this_cause = CAUSE_OTHER;

      if (keyword == NULL || g_str_equal (keyword, "none"))
        continue;
      if (g_str_has_suffix (keyword, "-report"))
        {
          if (!g_str_equal (keyword, "offline-report"))
            continue;
          base = g_strdup ("offline");
          blocks = TRUE;
        }
      else if (g_str_has_suffix (keyword, "-warning"))
        {
          g_message ("Printer %s reports %s", printer, keyword);
          g_strv_builder_add (kept, keyword);
          continue;
        }
      else if (g_str_has_suffix (keyword, "-error"))
        {
          base = g_strndup (keyword, strlen (keyword) - strlen ("-error"));
          blocks = TRUE;
        }
      else
        base = g_strdup (keyword);

      for (gsize j = 0; j < G_N_ELEMENTS (blocking_reasons); j++)
        if (g_str_equal (base, blocking_reasons[j].keyword))
          {
            this_cause = blocking_reasons[j].cause;
            known = TRUE;
            break;
          }
      g_strv_builder_add (kept, keyword);
      if (blocks || known)
        cause = MIN (cause, this_cause);
    }
  return cause;
}

/* Get-Printer-Attributes into status; *cause is why it cannot print. */
static gboolean
query_printer (const CupsLink  *link,
               JkPrinterStatus *status,
               Cause           *cause,
               GError         **error)
{
  static const char *const wanted[] = {
    "printer-state", "printer-state-reasons", "printer-state-message", "printer-is-accepting-jobs",
  };
  g_autoptr (ipp_t) response = NULL;
  g_autoptr (GStrvBuilder) kept = g_strv_builder_new ();
  ipp_t *request = ippNewRequest (IPP_OP_GET_PRINTER_ATTRIBUTES);
  ipp_attribute_t *attr;
  ipp_status_t ipp_status;
  Cause why;

  ippAddString (request, IPP_TAG_OPERATION, IPP_TAG_URI, "printer-uri", NULL, link->uri);
  ippAddString (request, IPP_TAG_OPERATION, IPP_TAG_NAME, "requesting-user-name", NULL, cupsUser ());
  ippAddStrings (request, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes", G_N_ELEMENTS (wanted), NULL,
                 wanted);
  ipp_status = send_request (link, request, "/", &response);
  if (response == NULL)
    {
      g_message ("Get-Printer-Attributes for %s: %s", link->dest->name, cupsLastErrorString ());
      g_set_error_literal (error, JK_PRINT_ERROR, JK_PRINT_ERROR_NO_PRINTER,
                           is_connection_lost (ipp_status) ? describe_unreachable () : describe_no_printer ());
      return FALSE;
    }

  attr = ippFindAttribute (response, "printer-state", IPP_TAG_ENUM);
  status->state = attr != NULL ? ippGetInteger (attr, 0) : IPP_PSTATE_STOPPED;
  attr = ippFindAttribute (response, "printer-is-accepting-jobs", IPP_TAG_BOOLEAN);
  status->accepting = attr != NULL && ippGetBoolean (attr, 0);
  attr = ippFindAttribute (response, "printer-state-message", IPP_TAG_TEXT);
  g_free (status->printer_message);
  status->printer_message = g_strdup (attr != NULL ? ippGetString (attr, 0, NULL) : "");
  attr = ippFindAttribute (response, "printer-state-reasons", IPP_TAG_KEYWORD);
  why = classify_reasons (attr, link->dest->name, kept);
  g_strfreev (status->reasons);
  status->reasons = g_strv_builder_end (kept);

  if (why == CAUSE_NONE && status->state == IPP_PSTATE_STOPPED)
    why = CAUSE_PAUSED;
  if (why == CAUSE_NONE && !status->accepting)
    why = CAUSE_NOT_ACCEPTING;
  status->found = TRUE;
  status->out_of_service = why != CAUSE_NONE;
  g_free (status->message);
  status->message = g_strdup (describe_cause (why));
  if (cause != NULL)
    *cause = why;
  return TRUE;
}

static void
clear_job_state (JobState *js)
{
  g_clear_pointer (&js->reasons, g_free);
  g_clear_pointer (&js->printer_message, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (JobState, clear_job_state)

/* Get-Job-Attributes. js->state is 0 when CUPS no longer has the job;
 * FALSE (NO_PRINTER) when CUPS cannot be asked. */
static gboolean
query_job (const CupsLink *link,
           int             job_id,
           JobState       *js,
           GError        **error)
{
  static const char *const wanted[] = { "job-state", "job-state-reasons", "job-printer-state-message" };
  g_autoptr (ipp_t) response = NULL;
  ipp_t *request = make_job_request (link, IPP_OP_GET_JOB_ATTRIBUTES, job_id);
  ipp_attribute_t *attr;
  ipp_status_t status;

  ippAddStrings (request, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes", G_N_ELEMENTS (wanted), NULL,
                 wanted);
  status = send_request (link, request, "/jobs/", &response);
  clear_job_state (js);
  js->state = 0;
  if (status == IPP_STATUS_ERROR_NOT_FOUND)
    return TRUE;
  if (response == NULL)
    {
      g_message ("Get-Job-Attributes %d: %s", job_id, cupsLastErrorString ());
      g_set_error_literal (error, JK_PRINT_ERROR, JK_PRINT_ERROR_NO_PRINTER, describe_unreachable ());
      return FALSE;
    }
  attr = ippFindAttribute (response, "job-state", IPP_TAG_ENUM);
  js->state = attr != NULL ? ippGetInteger (attr, 0) : 0;
  js->reasons = join_keywords (ippFindAttribute (response, "job-state-reasons", IPP_TAG_KEYWORD));
  attr = ippFindAttribute (response, "job-printer-state-message", IPP_TAG_TEXT);
  js->printer_message = g_strdup (attr != NULL ? ippGetString (attr, 0, NULL) : "");
  return TRUE;
}

/* Cancel-Job or Release-Job. */
static ipp_status_t
change_job (const CupsLink *link,
            ipp_op_t        op,
            int             job_id)
{
  ipp_status_t status = send_request (link, make_job_request (link, op, job_id), "/jobs/", NULL);

  if (status > IPP_STATUS_OK_EVENTS_COMPLETE)
    g_message ("%s of job %d: %s", ippOpString (op), job_id, cupsLastErrorString ());
  return status;
}

/* Create-Job + Send-Document. Returns the job id, or 0 with error set. */
static int
submit_job (CupsLink   *link,
            GBytes     *pdf,
            const char *job_name,
            guint       copies,
            gboolean    hold,
            GError    **error)
{
  g_autofree char *copies_text = g_strdup_printf ("%u", copies);
  cups_option_t *cups_options = NULL;
  int num_options = 0;
  int job_id = 0;
  gsize len = 0;
  const char *data = g_bytes_get_data (pdf, &len);
  ipp_status_t status;
  http_status_t http_status;

  if (link->info == NULL)
    link->info = cupsCopyDestInfo (link->http, link->dest);
  if (link->info == NULL)
    {
      g_message ("Cannot read the capabilities of %s: %s", link->dest->name, cupsLastErrorString ());
      g_set_error_literal (error, JK_PRINT_ERROR, JK_PRINT_ERROR_NO_PRINTER,
                           is_connection_lost (cupsLastError ()) ? describe_unreachable () : describe_no_printer ());
      return 0;
    }

  num_options = cupsAddOption ("copies", copies_text, num_options, &cups_options);
  if (hold)
    num_options = cupsAddOption ("job-hold-until", "indefinite", num_options, &cups_options);
  status = cupsCreateDestJob (link->http, link->dest, link->info, &job_id, job_name, num_options, cups_options);
  cupsFreeOptions (num_options, cups_options);
  if (status > IPP_STATUS_OK_EVENTS_COMPLETE || job_id <= 0)
    {
      g_message ("Create-Job on %s: %s", link->dest->name, cupsLastErrorString ());
      if (status == IPP_STATUS_ERROR_NOT_ACCEPTING_JOBS)
        g_set_error_literal (error, JK_PRINT_ERROR, JK_PRINT_ERROR_OUT_OF_SERVICE,
                             describe_cause (CAUSE_NOT_ACCEPTING));
      else if (is_connection_lost (status))
        g_set_error_literal (error, JK_PRINT_ERROR, JK_PRINT_ERROR_NO_PRINTER, describe_unreachable ());
      else
        g_set_error_literal (error, JK_PRINT_ERROR, JK_PRINT_ERROR_FAILED, describe_gave_back ());
      return 0;
    }

  http_status = cupsStartDestDocument (link->http, link->dest, link->info, job_id, DOCUMENT_NAME, CUPS_FORMAT_PDF,
                                       0, NULL, 1);
  for (gsize done = 0; http_status == HTTP_STATUS_CONTINUE && done < len; done += MIN (len - done, WRITE_CHUNK))
    http_status = cupsWriteRequestData (link->http, data + done, MIN (len - done, WRITE_CHUNK));
  status = http_status == HTTP_STATUS_CONTINUE ? cupsFinishDestDocument (link->http, link->dest, link->info)
                                               : IPP_STATUS_ERROR_INTERNAL;
  if (status > IPP_STATUS_OK_EVENTS_COMPLETE)
    {
      g_message ("Sending the document of job %d: %s", job_id, cupsLastErrorString ());
      /* A job without its document would wait in the queue for nothing. */
      if (link->http != NULL)
        change_job (link, IPP_OP_CANCEL_JOB, job_id);
      g_set_error_literal (error, JK_PRINT_ERROR,
                           is_connection_lost (status) ? JK_PRINT_ERROR_NO_PRINTER : JK_PRINT_ERROR_FAILED,
                           is_connection_lost (status) ? describe_unreachable () : describe_gave_back ());
      return 0;
    }
  return job_id;
}

/* ---------------------------------------------------------------------- */
/* Helpers: the history                                                   */

static char *
format_day (GDateTime *now)
{
  g_autoptr (GDateTime) local = g_date_time_to_local (now);

  return g_date_time_format (local, "%Y-%m-%d");
}

static gint64
get_unix_now (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static guint
sum_pages (JkStore    *store,
           const char *day,
           guint       visit)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (sqlite3_stmt) stmt = jk_store_prepare (
    store,
    "SELECT COALESCE(SUM(pages * copies), 0) FROM print_jobs"
    " WHERE day = ?1 AND (?2 = 0 OR visit = ?2) AND state NOT IN ('canceled', 'failed')",
    &error);
  sqlite3_int64 used;

  if (stmt == NULL)
    {
      g_warning ("Cannot count printed pages: %s", error->message);
      return G_MAXUINT;
    }
  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, visit);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      jk_store_set_error (store, &error, "Cannot count printed pages");
      g_warning ("%s", error->message);
      return G_MAXUINT; /* fail closed: nothing left */
    }
  used = sqlite3_column_int64 (stmt, 0);
  return used < 0 ? 0 : (guint) MIN (used, (sqlite3_int64) G_MAXUINT);
}

static gint64
insert_row (JkStore    *store,
            const char *printer,
            const char *kind,
            guint       pages,
            guint       copies,
            const char *day,
            guint       visit,
            gint64      submitted,
            gboolean    held,
            GError    **error)
{
  g_autoptr (sqlite3_stmt) stmt = jk_store_prepare (
    store,
    "INSERT INTO print_jobs (printer, kind, pages, copies, day, visit, submitted, held, state)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    error);

  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, printer, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, pages);
  sqlite3_bind_int64 (stmt, 4, copies);
  sqlite3_bind_text (stmt, 5, day, -1, SQLITE_STATIC);
  if (visit != 0)
    sqlite3_bind_int64 (stmt, 6, visit);
  else
    sqlite3_bind_null (stmt, 6);
  sqlite3_bind_int64 (stmt, 7, submitted);
  sqlite3_bind_int (stmt, 8, held ? 1 : 0);
  sqlite3_bind_text (stmt, 9, held ? STATE_HELD : STATE_PRINTING, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      jk_store_set_error (store, error, "Cannot record the print job");
      return 0;
    }
  return sqlite3_last_insert_rowid (jk_store_get_db (store));
}

/* Sets one column of a row; value NULL (or 0 for numbers) stores NULL. */
static gboolean
update_row_column (JkStore    *store,
                   gint64      id,
                   const char *sql,
                   const char *text,
                   gint64      number,
                   GError    **error)
{
  g_autoptr (sqlite3_stmt) stmt = jk_store_prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (text != NULL)
    sqlite3_bind_text (stmt, 2, text, -1, SQLITE_STATIC);
  else if (number != 0)
    sqlite3_bind_int64 (stmt, 2, number);
  else
    sqlite3_bind_null (stmt, 2);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      jk_store_set_error (store, error, "Cannot update the print job");
      return FALSE;
    }
  return TRUE;
}

/* Records where a row stands; logged, not fatal: the outcome still reaches
 * the visitor when the history cannot be written. */
static void
record_state (JkStore    *store,
              gint64      id,
              const char *state,
              gint64      finished,
              const char *message)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (sqlite3_stmt) stmt = jk_store_prepare (
    store, "UPDATE print_jobs SET state = ?2, finished = ?3, message = ?4 WHERE id = ?1", &error);

  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_text (stmt, 2, state, -1, SQLITE_STATIC);
      if (finished != 0)
        sqlite3_bind_int64 (stmt, 3, finished);
      else
        sqlite3_bind_null (stmt, 3);
      sqlite3_bind_text (stmt, 4, message, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        jk_store_set_error (store, &error, "Cannot update the print job");
    }
  if (error != NULL)
    g_warning ("Print job %" G_GINT64_FORMAT ": %s", id, error->message);
}

static void
clear_row (Row *row)
{
  g_clear_pointer (&row->kind, g_free);
  g_clear_pointer (&row->state, g_free);
  g_clear_pointer (&row->message, g_free);
  g_clear_pointer (&row->spool_path, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Row, clear_row)

#define ROW_COLUMNS "id, cups_job_id, kind, pages, copies, visit, submitted, held, state, message, spool_path"

static void
read_row (sqlite3_stmt *stmt,
          Row          *row)
{
  row->id = sqlite3_column_int64 (stmt, 0);
  row->cups_job_id = sqlite3_column_int (stmt, 1);
  row->kind = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  row->pages = (guint) sqlite3_column_int (stmt, 3);
  row->copies = (guint) sqlite3_column_int (stmt, 4);
  row->visit = (guint) sqlite3_column_int64 (stmt, 5);
  row->submitted = sqlite3_column_int64 (stmt, 6);
  row->held = sqlite3_column_int (stmt, 7) != 0;
  row->state = g_strdup ((const char *) sqlite3_column_text (stmt, 8));
  row->message = g_strdup ((const char *) sqlite3_column_text (stmt, 9));
  row->spool_path = g_strdup ((const char *) sqlite3_column_text (stmt, 10));
}

static gboolean
load_row (JkStore *store,
          gint64   id,
          Row     *row,
          GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = jk_store_prepare (store, "SELECT " ROW_COLUMNS " FROM print_jobs WHERE id = ?1",
                                                    error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      read_row (stmt, row);
      return TRUE;
    }
  if (rc == SQLITE_DONE)
    g_set_error (error, JK_PRINT_ERROR, JK_PRINT_ERROR_NOT_FOUND, _("There is no print job number %lld."),
                 (long long) id);
  else
    jk_store_set_error (store, error, "Cannot read the print job");
  return FALSE;
}

static void
free_rows (GPtrArray *rows)
{
  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      clear_row (rows->pdata[i]);
      g_free (rows->pdata[i]);
    }
  if (rows != NULL)
    g_ptr_array_unref (rows);
}

/* Rows matching where (with ?1 text, ?2 and ?3 numbers bound), in order. */
static GPtrArray *
load_rows (JkStore    *store,
           const char *where,
           const char *text,
           gint64      number2,
           gint64      number3,
           GError    **error)
{
  g_autofree char *sql = g_strconcat ("SELECT " ROW_COLUMNS " FROM print_jobs WHERE ", where, NULL);
  g_autoptr (sqlite3_stmt) stmt = jk_store_prepare (store, sql, error);
  g_autoptr (GPtrArray) rows = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, text, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, number2);
  sqlite3_bind_int64 (stmt, 3, number3);
  rows = g_ptr_array_new ();
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Row *row = g_new0 (Row, 1);

      read_row (stmt, row);
      g_ptr_array_add (rows, row);
    }
  if (rc != SQLITE_DONE)
    {
      jk_store_set_error (store, error, "Cannot read the print history");
      free_rows (g_steal_pointer (&rows));
      return NULL;
    }
  return g_steal_pointer (&rows);
}

/* ---------------------------------------------------------------------- */
/* Helpers: the kept copy                                                 */

/* Keeps the PDF of a held job (0600 in a 0700 folder) for release and
 * reprint; returns its path, or NULL (logged) when it cannot. */
static char *
keep_copy (const JkPrintOptions *options,
           gint64                id,
           GBytes               *pdf)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  gsize len = 0;
  const char *data = g_bytes_get_data (pdf, &len);

  if (options->spool_dir == NULL)
    {
      g_message ("No print spool folder configured: held job %" G_GINT64_FORMAT " cannot be reprinted", id);
      return NULL;
    }
  if (g_mkdir_with_parents (options->spool_dir, 0700) != 0 || g_chmod (options->spool_dir, 0700) != 0)
    {
      g_warning ("Cannot make the print spool folder %s: %s", options->spool_dir, g_strerror (errno));
      return NULL;
    }
  name = g_strdup_printf ("print-%" G_GINT64_FORMAT ".pdf", id);
  path = g_build_filename (options->spool_dir, name, NULL);
  if (!g_file_set_contents_full (path, data, (gssize) len, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    {
      g_warning ("Cannot keep a copy of print job %" G_GINT64_FORMAT ": %s", id, error->message);
      return NULL;
    }
  return g_steal_pointer (&path);
}

static void
drop_copy (JkStore    *store,
           gint64      id,
           const char *path)
{
  g_autoptr (GError) error = NULL;

  if (path == NULL)
    return;
  if (g_unlink (path) != 0 && errno != ENOENT)
    g_warning ("Cannot remove the kept copy %s: %s", path, g_strerror (errno));
  if (!update_row_column (store, id, "UPDATE print_jobs SET spool_path = ?2 WHERE id = ?1", NULL, 0, &error))
    g_warning ("%s", error->message);
}

/* ---------------------------------------------------------------------- */
/* Helpers: following a job                                               */

/* Brings a row up to date with what CUPS says about its job (when the row
 * is still open: held, printing or waiting). Returns the row's state now. */
static const char *
refresh_row (JkStore        *store,
             const CupsLink *link,
             Row            *row)
{
  g_auto (JobState) js = { 0 };
  g_autoptr (GError) error = NULL;
  g_autofree char *waiting = NULL;
  const char *state = NULL;
  const char *message = NULL;
  gint64 finished = 0;

  if (row->cups_job_id <= 0 ||
      !(g_str_equal (row->state, STATE_HELD) || g_str_equal (row->state, STATE_PRINTING) ||
        g_str_equal (row->state, STATE_WAITING)))
    return row->state;
  if (!query_job (link, row->cups_job_id, &js, &error))
    return row->state;

  switch (js.state)
    {
    case IPP_JSTATE_COMPLETED:
      state = STATE_PRINTED;
      message = _("Done: pick up your pages at the printer by the front desk.");
      finished = get_unix_now ();
      break;
    case IPP_JSTATE_CANCELED:
      state = STATE_CANCELED;
      message = _("This print job was canceled. Its pages were not counted.");
      finished = get_unix_now ();
      break;
    case IPP_JSTATE_ABORTED:
      state = STATE_FAILED;
      message = describe_gave_back ();
      finished = get_unix_now ();
      break;
    case IPP_JSTATE_HELD:
      if (!g_str_equal (row->state, STATE_HELD) && !row->held)
        {
          state = STATE_WAITING;
          message = waiting = describe_waiting (CAUSE_OTHER);
        }
      break;
    case IPP_JSTATE_PENDING:
    case IPP_JSTATE_PROCESSING:
    case IPP_JSTATE_STOPPED:
      if (g_str_equal (row->state, STATE_HELD))
        {
          state = STATE_PRINTING; /* released outside the kiosk */
          message = _("Released by staff.");
        }
      break;
    default:
      /* CUPS forgot the job (history purged): leave the row as it is. */
      break;
    }
  if (state == NULL || g_str_equal (state, row->state))
    return row->state;

  g_debug ("Print job %" G_GINT64_FORMAT " (CUPS %d) is now %s", row->id, row->cups_job_id, state);
  record_state (store, row->id, state, finished, message);
  if (g_str_equal (state, STATE_CANCELED))
    {
      drop_copy (store, row->id, row->spool_path);
      g_clear_pointer (&row->spool_path, g_free);
    }
  g_free (row->state);
  row->state = g_strdup (state);
  g_free (row->message);
  row->message = g_strdup (message);
  return row->state;
}

/* Follows job-state until an outcome: completed, held, waiting on a
 * stopped printer, canceled/aborted, the timeout, or cancellable. */
static gboolean
follow_job (JkStore              *store,
            const CupsLink       *link,
            const JkPrintOptions *options,
            gint64                row_id,
            int                   job_id,
            gboolean              hold,
            gint64                submitted,
            gint64                started_us,
            JkPrintResult        *result,
            GCancellable         *cancellable,
            GError              **error)
{
  guint timeout = options->timeout_seconds != 0 ? options->timeout_seconds : DEFAULT_TIMEOUT_SECONDS;
  gint64 deadline = started_us + (gint64) timeout * G_USEC_PER_SEC;

  for (;;)
    {
      g_auto (JobState) js = { 0 };
      g_autoptr (GError) local_error = NULL;
      gint64 finished = submitted + (g_get_monotonic_time () - started_us) / G_USEC_PER_SEC;
      JkPrinterStatus status = { 0 };
      Cause cause = CAUSE_NONE;
      gboolean printer_known = FALSE;

      if (!query_job (link, job_id, &js, &local_error))
        {
          /* cupsd went away with the job in its spool: it prints when
           * cupsd is back, so its pages stay counted. */
          record_state (store, row_id, STATE_PRINTING, 0, local_error->message);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      switch (js.state)
        {
        case IPP_JSTATE_COMPLETED:
          result->outcome = JK_PRINT_OUTCOME_PRINTED;
          result->message = g_strdup (_("Done: pick up your pages at the printer by the front desk."));
          record_state (store, row_id, STATE_PRINTED, finished, result->message);
          return TRUE;

        case IPP_JSTATE_HELD:
          if (hold)
            {
              result->outcome = JK_PRINT_OUTCOME_HELD;
              result->message = g_strdup (_("Your pages are waiting. Ask staff at the front desk to print them."));
              record_state (store, row_id, STATE_HELD, 0, result->message);
              return TRUE;
            }
          /* Held by CUPS itself: a retry-job error policy waits to retry. */
          g_message ("Job %d held by CUPS (%s): %s", job_id, js.reasons, js.printer_message);
          result->outcome = JK_PRINT_OUTCOME_WAITING;
          result->message = describe_waiting (CAUSE_OTHER);
          record_state (store, row_id, STATE_WAITING, 0, result->message);
          return TRUE;

        case IPP_JSTATE_CANCELED:
        case IPP_JSTATE_ABORTED:
          g_message ("Job %d %s (%s): %s", job_id, js.state == IPP_JSTATE_CANCELED ? "canceled" : "aborted",
                     js.reasons, js.printer_message);
          printer_known = query_printer (link, &status, &cause, NULL);
          if (printer_known && cause != CAUSE_NONE)
            /* TRANSLATORS: %s is a cause such as "it is out of paper" */
            g_set_error (&local_error, JK_PRINT_ERROR, JK_PRINT_ERROR_FAILED,
                         _("The printer could not print your pages: %s. They were not counted. "
                           "Please ask staff at the front desk."),
                         describe_cause_short (cause));
          else if (js.state == IPP_JSTATE_CANCELED)
            g_set_error_literal (&local_error, JK_PRINT_ERROR, JK_PRINT_ERROR_FAILED,
                                 _("This print job was canceled. Its pages were not counted."));
          else
            g_set_error_literal (&local_error, JK_PRINT_ERROR, JK_PRINT_ERROR_FAILED, describe_gave_back ());
          jk_printer_status_clear (&status);
          record_state (store, row_id, js.state == IPP_JSTATE_CANCELED ? STATE_CANCELED : STATE_FAILED, finished,
                        local_error->message);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;

        case IPP_JSTATE_STOPPED:
        case IPP_JSTATE_PENDING:
          printer_known = query_printer (link, &status, &cause, NULL);
          if (js.state == IPP_JSTATE_STOPPED ||
              (printer_known && (status.state == IPP_PSTATE_STOPPED || status.out_of_service)))
            {
              g_message ("Job %d waits: printer %s (%s), job %s", job_id,
                         printer_known ? status.printer_message : "?", js.reasons, js.printer_message);
              result->outcome = JK_PRINT_OUTCOME_WAITING;
              result->message = describe_waiting (cause);
              record_state (store, row_id, STATE_WAITING, 0, result->message);
              jk_printer_status_clear (&status);
              return TRUE;
            }
          jk_printer_status_clear (&status);
          break;

        case 0:
          /* Gone from CUPS before we saw the end: a server with
           * PreserveJobHistory No forgets a job as soon as it is done.
           * Most likely it printed; its pages stay counted. */
          g_message ("Job %d is no longer known to CUPS: taken as printed", job_id);
          result->outcome = JK_PRINT_OUTCOME_PRINTED;
          result->message = g_strdup (_("Done: pick up your pages at the printer by the front desk."));
          record_state (store, row_id, STATE_PRINTED, finished, result->message);
          return TRUE;

        default:
          break;
        }

      if (g_get_monotonic_time () >= deadline)
        {
          g_set_error_literal (&local_error, JK_PRINT_ERROR, JK_PRINT_ERROR_TIMEOUT,
                               _("The printer is not answering. Your pages may still print later. "
                                 "Please ask staff at the front desk."));
          record_state (store, row_id, STATE_PRINTING, 0, local_error->message);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE; /* the job goes on in CUPS; list_jobs catches up */
      g_usleep (g_get_monotonic_time () - started_us < POLL_FAST_PERIOD_US ? POLL_FAST_US : POLL_INTERVAL_US);
    }
}

/* Everything after the PDF is known good: printer check, limits, history
 * row, kept copy, submission, following. */
static gboolean
print_document (JkStore              *store,
                const JkPrintOptions *options,
                GBytes               *pdf,
                const char           *kind,
                guint                 pages,
                guint                 copies,
                guint                 visit,
                gboolean              hold,
                gboolean              check_limits,
                GDateTime            *now,
                JkPrintResult        *result,
                GCancellable         *cancellable,
                GError              **error)
{
  g_auto (CupsLink) link = { 0 };
  g_autofree char *day = format_day (now);
  g_autofree char *job_name = NULL;
  g_autofree char *spool_path = NULL;
  g_autoptr (GError) local_error = NULL;
  JkPrinterStatus status = { 0 };
  gboolean reachable;
  gint64 submitted = g_date_time_to_unix (now);
  gint64 started_us = g_get_monotonic_time ();
  guint total = pages * copies;
  gint64 id;
  int job_id;

  memset (result, 0, sizeof *result);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (!open_link (options, &link, &reachable, error))
    return FALSE;
  if (!query_printer (&link, &status, NULL, error))
    return FALSE;
  if (status.out_of_service)
    {
      g_message ("Not printing: %s is out of service (state %d, %s)", link.dest->name, status.state,
                 status.printer_message);
      g_set_error_literal (error, JK_PRINT_ERROR, JK_PRINT_ERROR_OUT_OF_SERVICE, status.message);
      jk_printer_status_clear (&status);
      return FALSE;
    }
  jk_printer_status_clear (&status);

  /* The check and the row in one transaction, so two prints at once
   * cannot both take the last pages. */
  if (!jk_store_begin (store, error))
    return FALSE;
  if (check_limits)
    {
      guint left = jk_print_pages_left (store, options, visit, now);

      if (total > left)
        {
          g_autofree char *words = describe_limit (total, left);

          jk_store_rollback (store);
          g_set_error_literal (error, JK_PRINT_ERROR, JK_PRINT_ERROR_LIMIT, words);
          return FALSE;
        }
    }
  id = insert_row (store, link.dest->name, kind, pages, copies, day, visit, submitted, hold, error);
  if (id == 0 || !jk_store_commit (store, error))
    {
      jk_store_rollback (store);
      return FALSE;
    }
  result->id = id;
  result->pages = total;

  if (hold)
    {
      spool_path = keep_copy (options, id, pdf);
      if (spool_path != NULL &&
          !update_row_column (store, id, "UPDATE print_jobs SET spool_path = ?2 WHERE id = ?1", spool_path, 0,
                              &local_error))
        {
          g_warning ("%s", local_error->message);
          g_clear_error (&local_error);
        }
    }

  job_name = make_job_name (options->kiosk_name, kind, pages);
  job_id = submit_job (&link, pdf, job_name, copies, hold, &local_error);
  if (job_id == 0)
    {
      /* Nothing reached the printer: the pages are given back. */
      record_state (store, id, STATE_FAILED, submitted, local_error->message);
      drop_copy (store, id, spool_path);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  result->cups_job_id = job_id;
  if (!update_row_column (store, id, "UPDATE print_jobs SET cups_job_id = ?2 WHERE id = ?1", NULL, job_id,
                          &local_error))
    {
      g_warning ("%s", local_error->message);
      g_clear_error (&local_error);
    }
  g_info ("Print job %" G_GINT64_FORMAT " is CUPS job %d on %s: %u page(s) × %u", id, job_id, link.dest->name, pages,
          copies);

  return follow_job (store, &link, options, id, job_id, hold, submitted, started_us, result, cancellable, error);
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

void
jk_print_options_init (JkPrintOptions *options,
                       const JkConfig *config,
                       const char     *database_path)
{
  g_autofree char *dir = g_path_get_dirname (database_path);

  memset (options, 0, sizeof *options);
  options->printer = g_strdup (config->print_printer);
  options->kiosk_name = g_strdup (config->kiosk_name);
  options->visit_page_limit = config->print_visit_limit;
  options->day_page_limit = config->print_day_limit;
  options->hold_for_release = config->print_hold;
  options->hold_minutes = config->print_hold_minutes;
  options->timeout_seconds = config->print_timeout;
  options->spool_dir = g_build_filename (dir, "print-spool", NULL);
}

void
jk_print_options_clear (JkPrintOptions *options)
{
  g_clear_pointer (&options->printer, g_free);
  g_clear_pointer (&options->kiosk_name, g_free);
  g_clear_pointer (&options->spool_dir, g_free);
}

gboolean
jk_printer_get_status (const JkPrintOptions *options,
                       JkPrinterStatus      *status,
                       GError              **error)
{
  g_auto (CupsLink) link = { 0 };
  g_autoptr (GError) local_error = NULL;
  gboolean reachable = FALSE;

  g_return_val_if_fail (options != NULL && status != NULL, FALSE);

  status->found = FALSE;
  status->accepting = FALSE;
  status->state = 0;
  status->out_of_service = TRUE;
  if (open_link (options, &link, &reachable, &local_error) && query_printer (&link, status, NULL, &local_error))
    return TRUE;

  /* A destination CUPS does not have is an answer (found FALSE); a CUPS
   * that cannot be asked is an error. Either way status has the words. */
  status->found = FALSE;
  status->out_of_service = TRUE;
  g_free (status->message);
  status->message = g_strdup (local_error->message);
  if (status->reasons == NULL)
    status->reasons = g_new0 (char *, 1);
  if (reachable && link.uri == NULL)
    return TRUE;
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

void
jk_printer_status_clear (JkPrinterStatus *status)
{
  g_clear_pointer (&status->message, g_free);
  g_clear_pointer (&status->reasons, g_strfreev);
  g_clear_pointer (&status->printer_message, g_free);
}

guint
jk_print_pages_left (JkStore              *store,
                     const JkPrintOptions *options,
                     guint                 visit,
                     GDateTime            *now)
{
  g_autofree char *day = format_day (now);
  guint left = G_MAXUINT;

  if (options->day_page_limit != 0)
    {
      guint used = sum_pages (store, day, 0);

      left = used >= options->day_page_limit ? 0 : options->day_page_limit - used;
    }
  /* Visit numbers are per day here: a visit does not carry pages across midnight. */
  if (visit != 0 && options->visit_page_limit != 0)
    {
      guint used = sum_pages (store, day, visit);

      left = MIN (left, used >= options->visit_page_limit ? 0 : options->visit_page_limit - used);
    }
  return left;
}

gboolean
jk_print_pdf (JkStore              *store,
              const JkPrintOptions *options,
              GBytes               *pdf,
              const char           *kind,
              guint                 copies,
              guint                 visit,
              GDateTime            *now,
              JkPrintResult        *result,
              GCancellable         *cancellable,
              GError              **error)
{
  guint pages;

  g_return_val_if_fail (store != NULL && options != NULL && kind != NULL && now != NULL && result != NULL, FALSE);

  memset (result, 0, sizeof *result);
  pages = check_pdf (pdf, error);
  if (pages == 0)
    return FALSE;
  return print_document (store, options, pdf, kind, pages, MAX (copies, 1), visit, options->hold_for_release, TRUE,
                         now, result, cancellable, error);
}

void
jk_print_result_clear (JkPrintResult *result)
{
  g_clear_pointer (&result->message, g_free);
}

GPtrArray *
jk_print_list_jobs (JkStore              *store,
                    const JkPrintOptions *options,
                    GError              **error)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *day = format_day (now);
  g_auto (CupsLink) link = { 0 };
  g_autoptr (GError) link_error = NULL;
  GPtrArray *rows;
  GPtrArray *jobs;
  gboolean reachable, linked = FALSE, tried = FALSE;

  rows = load_rows (store, "day = ?1 OR state = 'held' ORDER BY submitted DESC, id DESC", day, 0, 0, error);
  if (rows == NULL)
    return NULL;

  jobs = g_ptr_array_new_with_free_func ((GDestroyNotify) jk_print_job_info_free);
  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = rows->pdata[i];
      JkPrintJobInfo *info = g_new0 (JkPrintJobInfo, 1);

      if (row->cups_job_id > 0 && (g_str_equal (row->state, STATE_HELD) || g_str_equal (row->state, STATE_PRINTING) ||
                                   g_str_equal (row->state, STATE_WAITING)))
        {
          if (!tried)
            {
              tried = TRUE;
              linked = open_link (options, &link, &reachable, &link_error);
              if (!linked)
                g_message ("Print history not refreshed: %s", link_error->message);
            }
          if (linked)
            refresh_row (store, &link, row);
        }
      info->id = row->id;
      info->cups_job_id = row->cups_job_id;
      info->kind = g_strdup (row->kind);
      info->pages = row->pages;
      info->copies = row->copies;
      info->submitted = row->submitted;
      info->state = g_strdup (row->state);
      info->message = g_strdup (row->message);
      g_ptr_array_add (jobs, info);
    }
  free_rows (rows);
  return jobs;
}

gboolean
jk_print_release (JkStore              *store,
                  const JkPrintOptions *options,
                  gint64                id,
                  GError              **error)
{
  g_auto (Row) row = { 0 };
  g_auto (CupsLink) link = { 0 };
  gboolean reachable;
  ipp_status_t status;

  g_return_val_if_fail (store != NULL && options != NULL, FALSE);

  if (!load_row (store, id, &row, error))
    return FALSE;
  if (!open_link (options, &link, &reachable, error))
    return FALSE;
  if (!g_str_equal (refresh_row (store, &link, &row), STATE_HELD) || row.cups_job_id <= 0)
    {
      g_set_error (error, JK_PRINT_ERROR, JK_PRINT_ERROR_NOT_FOUND, _("Print job %lld is not waiting for release."),
                   (long long) id);
      return FALSE;
    }

  status = change_job (&link, IPP_OP_RELEASE_JOB, row.cups_job_id);
  if (status == IPP_STATUS_ERROR_NOT_FOUND)
    {
      record_state (store, id, STATE_CANCELED, get_unix_now (), _("The printer no longer has this print job."));
      g_set_error (error, JK_PRINT_ERROR, JK_PRINT_ERROR_NOT_FOUND, _("The printer no longer has print job %lld."),
                   (long long) id);
      return FALSE;
    }
  if (status > IPP_STATUS_OK_EVENTS_COMPLETE)
    {
      g_set_error_literal (error, JK_PRINT_ERROR,
                           is_connection_lost (status) ? JK_PRINT_ERROR_NO_PRINTER : JK_PRINT_ERROR_FAILED,
                           is_connection_lost (status) ? describe_unreachable ()
                                                       : _("The printer did not accept the release. Please try again."));
      return FALSE;
    }
  record_state (store, id, STATE_PRINTING, 0, _("Released by staff."));
  return TRUE;
}

gboolean
jk_print_cancel (JkStore              *store,
                 const JkPrintOptions *options,
                 gint64                id,
                 GError              **error)
{
  g_auto (Row) row = { 0 };
  gboolean open;

  g_return_val_if_fail (store != NULL && options != NULL, FALSE);

  if (!load_row (store, id, &row, error))
    return FALSE;
  open = g_str_equal (row.state, STATE_HELD) || g_str_equal (row.state, STATE_PRINTING) ||
         g_str_equal (row.state, STATE_WAITING);
  if (open && row.cups_job_id > 0)
    {
      g_auto (CupsLink) link = { 0 };
      gboolean reachable;
      ipp_status_t status;

      if (!open_link (options, &link, &reachable, error))
        return FALSE;
      status = change_job (&link, IPP_OP_CANCEL_JOB, row.cups_job_id);
      if (status == IPP_STATUS_ERROR_NOT_POSSIBLE)
        {
          /* Already over in CUPS: canceled elsewhere is what staff wanted. */
          if (g_str_equal (refresh_row (store, &link, &row), STATE_CANCELED))
            return TRUE;
          open = FALSE;
        }
      else if (status > IPP_STATUS_OK_EVENTS_COMPLETE && status != IPP_STATUS_ERROR_NOT_FOUND)
        {
          g_set_error_literal (error, JK_PRINT_ERROR,
                               is_connection_lost (status) ? JK_PRINT_ERROR_NO_PRINTER : JK_PRINT_ERROR_FAILED,
                               is_connection_lost (status) ? describe_unreachable ()
                                                           : _("The printer did not accept the cancel. Please try again."));
          return FALSE;
        }
    }
  if (!open)
    {
      g_set_error (error, JK_PRINT_ERROR, JK_PRINT_ERROR_NOT_FOUND, _("Print job %lld has already finished."),
                   (long long) id);
      return FALSE;
    }
  record_state (store, id, STATE_CANCELED, get_unix_now (), _("Canceled by staff. Its pages were not counted."));
  drop_copy (store, id, row.spool_path);
  return TRUE;
}

gboolean
jk_print_reprint (JkStore              *store,
                  const JkPrintOptions *options,
                  gint64                id,
                  GDateTime            *now,
                  JkPrintResult        *result,
                  GError              **error)
{
  g_auto (Row) row = { 0 };
  g_autoptr (GBytes) pdf = NULL;
  g_autofree char *data = NULL;
  gsize len = 0;
  guint pages;

  g_return_val_if_fail (store != NULL && options != NULL && now != NULL && result != NULL, FALSE);

  memset (result, 0, sizeof *result);
  if (!load_row (store, id, &row, error))
    return FALSE;
  if (row.spool_path == NULL || !g_file_get_contents (row.spool_path, &data, &len, NULL))
    {
      g_set_error (error, JK_PRINT_ERROR, JK_PRINT_ERROR_NOT_FOUND,
                   _("There is no saved copy of print job %lld to print again."), (long long) id);
      return FALSE;
    }
  pdf = g_bytes_new_take (g_steal_pointer (&data), len);
  pages = check_pdf (pdf, error);
  if (pages == 0)
    return FALSE;
  /* Staff decide on a reprint: no visit, no limit check, never held; the
   * pages still count for the day. */
  return print_document (store, options, pdf, row.kind, pages, MAX (row.copies, 1), 0, FALSE, FALSE, now, result,
                         NULL, error);
}

guint
jk_print_cancel_stale (JkStore              *store,
                       const JkPrintOptions *options,
                       guint                 ended_visit,
                       GDateTime            *now)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *day = format_day (now);
  g_auto (CupsLink) link = { 0 };
  gint64 cutoff = options->hold_minutes != 0 ? g_date_time_to_unix (now) - (gint64) options->hold_minutes * 60
                                             : G_MININT64;
  GPtrArray *rows;
  GPtrArray *copies;
  gboolean reachable;
  guint canceled = 0;

  g_return_val_if_fail (store != NULL && options != NULL && now != NULL, 0);

  /* 1. Held jobs past their time, or of a visit that ended. */
  rows = load_rows (store, "state = 'held' AND (submitted <= ?2 OR (?3 != 0 AND visit = ?3 AND day = ?1))", day,
                    cutoff, ended_visit, &error);
  if (rows == NULL)
    g_warning ("%s", error->message);
  if (rows != NULL && rows->len > 0 && !open_link (options, &link, &reachable, &error))
    g_message ("Stale held jobs not canceled now: %s", error->message);
  for (guint i = 0; rows != NULL && link.dest != NULL && i < rows->len; i++)
    {
      Row *row = rows->pdata[i];
      ipp_status_t status = IPP_STATUS_ERROR_NOT_FOUND;
      const char *why = row->submitted <= cutoff ? _("Canceled: not released in time. Its pages were not counted.")
                                                 : _("Canceled: the visit ended. Its pages were not counted.");

      /* Released meanwhile (outside the kiosk)? Then it is not stale. */
      if (!g_str_equal (refresh_row (store, &link, row), STATE_HELD))
        continue;
      if (row->cups_job_id > 0)
        status = change_job (&link, IPP_OP_CANCEL_JOB, row->cups_job_id);
      if (status > IPP_STATUS_OK_EVENTS_COMPLETE && status != IPP_STATUS_ERROR_NOT_FOUND)
        continue; /* try again next time */
      record_state (store, row->id, STATE_CANCELED, g_date_time_to_unix (now), why);
      drop_copy (store, row->id, row->spool_path);
      canceled++;
    }
  free_rows (rows);

  /* 2. Kept copies of jobs no longer held expire too (privacy): after
   * hold_minutes, and at the latest when the day is over. */
  copies = load_rows (store, "spool_path IS NOT NULL AND state != 'held' AND (submitted <= ?2 OR day != ?1)", day,
                      cutoff, 0, NULL);
  for (guint i = 0; copies != NULL && i < copies->len; i++)
    {
      Row *row = copies->pdata[i];

      drop_copy (store, row->id, row->spool_path);
    }
  free_rows (copies);
  return canceled;
}

void
jk_print_job_info_free (JkPrintJobInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->kind);
  g_free (info->state);
  g_free (info->message);
  g_free (info);
}
