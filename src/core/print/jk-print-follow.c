/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-print-follow.c: following a print job to its end, and bringing history rows up to date */

#define G_LOG_DOMAIN "jk-print"

#include <jobkiosk/jk-i18n.h>

#include "print/jk-print-follow-private.h"

/* Quick polls at first, when a small job usually finishes; slower after. */
#define POLL_INTERVAL_US        (250 * 1000)
#define POLL_FAST_US            (50 * 1000)
#define POLL_FAST_PERIOD_US     (2 * G_USEC_PER_SEC)
#define DEFAULT_TIMEOUT_SECONDS 120

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

/* Brings a row up to date with what CUPS says about its job (when the row
 * is still open: held, printing or waiting). Returns the row's state now. */
const char *
jk_print_follow_refresh_row (JkStore        *store,
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
  if (!jk_cups_query_job (link, row->cups_job_id, &js, &error))
    return row->state;

  switch (js.state)
    {
    case IPP_JSTATE_COMPLETED:
      state = STATE_PRINTED;
      message = _("Done: pick up your pages at the printer by the front desk.");
      finished = jk_print_history_now ();
      break;
    case IPP_JSTATE_CANCELED:
      state = STATE_CANCELED;
      message = _("This print job was canceled. Its pages were not counted.");
      finished = jk_print_history_now ();
      break;
    case IPP_JSTATE_ABORTED:
      state = STATE_FAILED;
      message = jk_print_describe_gave_back ();
      finished = jk_print_history_now ();
      break;
    case IPP_JSTATE_HELD:
      if (!g_str_equal (row->state, STATE_HELD) && !row->held)
        {
          state = STATE_WAITING;
          message = waiting = jk_print_describe_waiting (CAUSE_OTHER);
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
  jk_print_history_record_state (store, row->id, state, finished, message);
  if (g_str_equal (state, STATE_CANCELED))
    {
      jk_print_history_drop_copy (store, row->id, row->spool_path);
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
gboolean
jk_print_follow_job (JkStore              *store,
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

      if (!jk_cups_query_job (link, job_id, &js, &local_error))
        {
          /* cupsd went away with the job in its spool: it prints when
           * cupsd is back, so its pages stay counted. */
          jk_print_history_record_state (store, row_id, STATE_PRINTING, 0, local_error->message);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      switch (js.state)
        {
        case IPP_JSTATE_COMPLETED:
          result->outcome = JK_PRINT_OUTCOME_PRINTED;
          result->message = g_strdup (_("Done: pick up your pages at the printer by the front desk."));
          jk_print_history_record_state (store, row_id, STATE_PRINTED, finished, result->message);
          return TRUE;

        case IPP_JSTATE_HELD:
          if (hold)
            {
              result->outcome = JK_PRINT_OUTCOME_HELD;
              result->message = g_strdup (_("Your pages are waiting. Ask staff at the front desk to print them."));
              jk_print_history_record_state (store, row_id, STATE_HELD, 0, result->message);
              return TRUE;
            }
          /* Held by CUPS itself: a retry-job error policy waits to retry. */
          g_message ("Job %d held by CUPS (%s): %s", job_id, js.reasons, js.printer_message);
          result->outcome = JK_PRINT_OUTCOME_WAITING;
          result->message = jk_print_describe_waiting (CAUSE_OTHER);
          jk_print_history_record_state (store, row_id, STATE_WAITING, 0, result->message);
          return TRUE;

        case IPP_JSTATE_CANCELED:
        case IPP_JSTATE_ABORTED:
          g_message ("Job %d %s (%s): %s", job_id, js.state == IPP_JSTATE_CANCELED ? "canceled" : "aborted",
                     js.reasons, js.printer_message);
          printer_known = jk_cups_query_printer (link, &status, &cause, NULL);
          if (printer_known && cause != CAUSE_NONE)
            /* TRANSLATORS: %s is a cause such as "it is out of paper" */
            g_set_error (&local_error, JK_PRINT_ERROR, JK_PRINT_ERROR_FAILED,
                         _("The printer could not print your pages: %s. They were not counted. "
                           "Please ask staff at the front desk."),
                         jk_print_describe_cause_short (cause));
          else if (js.state == IPP_JSTATE_CANCELED)
            g_set_error_literal (&local_error, JK_PRINT_ERROR, JK_PRINT_ERROR_FAILED,
                                 _("This print job was canceled. Its pages were not counted."));
          else
            g_set_error_literal (&local_error, JK_PRINT_ERROR, JK_PRINT_ERROR_FAILED, jk_print_describe_gave_back ());
          jk_printer_status_clear (&status);
          jk_print_history_record_state (store, row_id, js.state == IPP_JSTATE_CANCELED ? STATE_CANCELED : STATE_FAILED,
                                         finished, local_error->message);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;

        case IPP_JSTATE_STOPPED:
        case IPP_JSTATE_PENDING:
          printer_known = jk_cups_query_printer (link, &status, &cause, NULL);
          if (js.state == IPP_JSTATE_STOPPED ||
              (printer_known && (status.state == JK_PRINTER_STATE_STOPPED || status.out_of_service)))
            {
              g_message ("Job %d waits: printer %s (%s), job %s", job_id,
                         printer_known ? status.printer_message : "?", js.reasons, js.printer_message);
              result->outcome = JK_PRINT_OUTCOME_WAITING;
              result->message = jk_print_describe_waiting (cause);
              jk_print_history_record_state (store, row_id, STATE_WAITING, 0, result->message);
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
          jk_print_history_record_state (store, row_id, STATE_PRINTED, finished, result->message);
          return TRUE;

        default:
          break;
        }

      if (g_get_monotonic_time () >= deadline)
        {
          g_set_error_literal (&local_error, JK_PRINT_ERROR, JK_PRINT_ERROR_TIMEOUT,
                               _("The printer is not answering. Your pages may still print later. "
                                 "Please ask staff at the front desk."));
          jk_print_history_record_state (store, row_id, STATE_PRINTING, 0, local_error->message);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE; /* the job goes on in CUPS; list_jobs catches up */
      g_usleep (g_get_monotonic_time () - started_us < POLL_FAST_PERIOD_US ? POLL_FAST_US : POLL_INTERVAL_US);
    }
}
