/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-print-cups.c: talking to CUPS: the printer and its state reasons, submitting, a job's state */

#define G_LOG_DOMAIN "jk-print"

#include <errno.h>
#include <jobkiosk/jk-i18n.h>
#include <string.h>

#include "print/jk-print-cups-private.h"

#define CONNECT_TIMEOUT_MS      3000        /* a dead or unreachable cupsd must answer quickly */
#define IO_TIMEOUT_SECONDS      15.0        /* one IPP request on an open connection */
#define WRITE_CHUNK             (64 * 1024)
#define DOCUMENT_NAME           "kiosk.pdf" /* document-name: never the visitor's file name */

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

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ipp_t, ippDelete)

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

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

/* printer-state as the public enum, which has IPP's numbers. */
static JkPrinterState
printer_state_from_ipp (int state)
{
  switch (state)
    {
    case IPP_PSTATE_IDLE:
      return JK_PRINTER_STATE_IDLE;
    case IPP_PSTATE_PROCESSING:
      return JK_PRINTER_STATE_PROCESSING;
    case IPP_PSTATE_STOPPED:
      return JK_PRINTER_STATE_STOPPED;
    default:
      return JK_PRINTER_STATE_UNKNOWN;
    }
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

/* ---------------------------------------------------------------------- */
/* Words                                                                  */

const char *
jk_print_describe_cause (Cause cause)
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
const char *
jk_print_describe_cause_short (Cause cause)
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

char *
jk_print_describe_waiting (Cause cause)
{
  /* TRANSLATORS: %s is a cause such as "it is out of paper" */
  return g_strdup_printf (_("The printer stopped: %s. Your pages will print when it is fixed. "
                            "Please ask staff at the front desk."),
                          jk_print_describe_cause_short (cause));
}

const char *
jk_printer_reason_words (const char *keyword)
{
  static const struct {
    const char *keyword;
    const char *words;
  } reasons[] = {
    { "media-empty", N_("out of paper") },
    { "media-needed", N_("needs paper") },
    { "media-low", N_("low on paper") },
    { "media-jam", N_("paper jam") },
    { "door-open", N_("a door is open") },
    { "cover-open", N_("a cover is open") },
    { "interlock-open", N_("a door is open") },
    { "toner-empty", N_("out of toner") },
    { "toner-low", N_("low on toner") },
    { "marker-supply-empty", N_("out of ink or toner") },
    { "marker-supply-low", N_("low on ink or toner") },
    { "offline", N_("offline") },
    { "shutdown", N_("turned off") },
    { "timed-out", N_("not answering") },
    { "paused", N_("paused") },
    { "moving-to-paused", N_("pausing") },
    { "stopped", N_("stopped") },
    { "connecting-to-device", N_("connecting to the printer") },
    { "other", N_("a problem the printer does not name") },
  };
  const char *suffixes[] = { "-error", "-warning", "-report" };
  g_autofree char *bare = NULL;

  if (keyword == NULL)
    return NULL;
  bare = g_strdup (keyword);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (g_str_has_suffix (bare, suffixes[i]))
      bare[strlen (bare) - strlen (suffixes[i])] = '\0';
  for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
    if (g_str_equal (bare, reasons[i].keyword))
      return reasons[i].words;
  return NULL;
}

const char *
jk_print_describe_unreachable (void)
{
  return _("The printer cannot be reached right now. Please ask staff at the front desk.");
}

const char *
jk_print_describe_no_printer (void)
{
  return _("No printer is set up for this kiosk. Please ask staff at the front desk.");
}

const char *
jk_print_describe_gave_back (void)
{
  return _("The printer could not print your pages. They were not counted. "
           "Please try again, or ask staff at the front desk.");
}

/* ---------------------------------------------------------------------- */
/* Talking to CUPS                                                        */

void
jk_cups_link_close (CupsLink *link)
{
  g_clear_pointer (&link->info, cupsFreeDestInfo);
  if (link->dest != NULL)
    cupsFreeDests (1, link->dest);
  link->dest = NULL;
  link->uri = NULL;
  g_clear_pointer (&link->http, httpClose);
}

gboolean
jk_cups_is_connection_lost (ipp_status_t status)
{
  return status == IPP_STATUS_ERROR_SERVICE_UNAVAILABLE || status == IPP_STATUS_ERROR_INTERNAL;
}

/* Connects with a short timeout and finds the destination: options->printer
 * or the CUPS default. NO_PRINTER when CUPS cannot be reached (*reachable
 * FALSE) or has no such destination. */
gboolean
jk_cups_link_open (const JkPrintOptions *options,
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
      g_set_error_literal (error, JK_PRINT_ERROR, JK_PRINT_ERROR_NO_PRINTER, jk_print_describe_unreachable ());
      return FALSE;
    }
  httpSetTimeout (link->http, IO_TIMEOUT_SECONDS, NULL, NULL);

  link->dest = cupsGetNamedDest (link->http, name, NULL);
  if (link->dest == NULL)
    {
      status = cupsLastError ();
      *reachable = !jk_cups_is_connection_lost (status);
      g_message ("No CUPS destination %s on %s: %s", name != NULL ? name : "(default)", server,
                 cupsLastErrorString ());
      g_set_error_literal (error, JK_PRINT_ERROR, JK_PRINT_ERROR_NO_PRINTER,
                           *reachable ? jk_print_describe_no_printer () : jk_print_describe_unreachable ());
      return FALSE;
    }
  *reachable = TRUE;
  link->uri = cupsGetOption ("printer-uri-supported", link->dest->num_options, link->dest->options);
  if (link->uri == NULL)
    {
      g_message ("CUPS destination %s has no printer-uri-supported", link->dest->name);
      g_set_error_literal (error, JK_PRINT_ERROR, JK_PRINT_ERROR_NO_PRINTER, jk_print_describe_no_printer ());
      return FALSE;
    }
  return TRUE;
}

/* Get-Printer-Attributes into status; *cause is why it cannot print. */
gboolean
jk_cups_query_printer (const CupsLink  *link,
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
                           jk_cups_is_connection_lost (ipp_status) ? jk_print_describe_unreachable ()
                                                                   : jk_print_describe_no_printer ());
      return FALSE;
    }

  attr = ippFindAttribute (response, "printer-state", IPP_TAG_ENUM);
  status->state = attr != NULL ? printer_state_from_ipp (ippGetInteger (attr, 0)) : JK_PRINTER_STATE_STOPPED;
  attr = ippFindAttribute (response, "printer-is-accepting-jobs", IPP_TAG_BOOLEAN);
  status->accepting = attr != NULL && ippGetBoolean (attr, 0);
  attr = ippFindAttribute (response, "printer-state-message", IPP_TAG_TEXT);
  g_free (status->printer_message);
  status->printer_message = g_strdup (attr != NULL ? ippGetString (attr, 0, NULL) : "");
  attr = ippFindAttribute (response, "printer-state-reasons", IPP_TAG_KEYWORD);
  why = classify_reasons (attr, link->dest->name, kept);
  g_strfreev (status->reasons);
  status->reasons = g_strv_builder_end (kept);

  if (why == CAUSE_NONE && status->state == JK_PRINTER_STATE_STOPPED)
    why = CAUSE_PAUSED;
  if (why == CAUSE_NONE && !status->accepting)
    why = CAUSE_NOT_ACCEPTING;
  status->found = TRUE;
  status->out_of_service = why != CAUSE_NONE;
  g_free (status->message);
  status->message = g_strdup (jk_print_describe_cause (why));
  if (cause != NULL)
    *cause = why;
  return TRUE;
}

void
jk_cups_job_state_clear (JobState *js)
{
  g_clear_pointer (&js->reasons, g_free);
  g_clear_pointer (&js->printer_message, g_free);
}

/* Get-Job-Attributes. js->state is 0 when CUPS no longer has the job;
 * FALSE (NO_PRINTER) when CUPS cannot be asked. */
gboolean
jk_cups_query_job (const CupsLink *link,
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
  jk_cups_job_state_clear (js);
  js->state = 0;
  if (status == IPP_STATUS_ERROR_NOT_FOUND)
    return TRUE;
  if (response == NULL)
    {
      g_message ("Get-Job-Attributes %d: %s", job_id, cupsLastErrorString ());
      g_set_error_literal (error, JK_PRINT_ERROR, JK_PRINT_ERROR_NO_PRINTER, jk_print_describe_unreachable ());
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
ipp_status_t
jk_cups_change_job (const CupsLink *link,
                    ipp_op_t        op,
                    int             job_id)
{
  ipp_status_t status = send_request (link, make_job_request (link, op, job_id), "/jobs/", NULL);

  if (status > IPP_STATUS_OK_EVENTS_COMPLETE)
    g_message ("%s of job %d: %s", ippOpString (op), job_id, cupsLastErrorString ());
  return status;
}

/* Create-Job + Send-Document. Returns the job id, or 0 with error set. */
int
jk_cups_submit_job (CupsLink   *link,
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
                           jk_cups_is_connection_lost (cupsLastError ()) ? jk_print_describe_unreachable ()
                                                                         : jk_print_describe_no_printer ());
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
                             jk_print_describe_cause (CAUSE_NOT_ACCEPTING));
      else if (jk_cups_is_connection_lost (status))
        g_set_error_literal (error, JK_PRINT_ERROR, JK_PRINT_ERROR_NO_PRINTER, jk_print_describe_unreachable ());
      else
        g_set_error_literal (error, JK_PRINT_ERROR, JK_PRINT_ERROR_FAILED, jk_print_describe_gave_back ());
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
        jk_cups_change_job (link, IPP_OP_CANCEL_JOB, job_id);
      g_set_error_literal (error, JK_PRINT_ERROR,
                           jk_cups_is_connection_lost (status) ? JK_PRINT_ERROR_NO_PRINTER : JK_PRINT_ERROR_FAILED,
                           jk_cups_is_connection_lost (status) ? jk_print_describe_unreachable ()
                                                               : jk_print_describe_gave_back ());
      return 0;
    }
  return job_id;
}
