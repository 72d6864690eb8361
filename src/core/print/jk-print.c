/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-print.c: prints PDFs through CUPS with page limits, staff release and a history without personal data */

#define G_LOG_DOMAIN "jk-print"

#include <string.h>

#include <jobkiosk/jk-i18n.h>

#include "jobkiosk/jk-print.h"
#include "store/jk-store-private.h"
#include "print/jk-print-cups-private.h"
#include "print/jk-print-follow-private.h"
#include "print/jk-print-history-private.h"

#define NAME_PART_MAX           40          /* characters of kiosk name and kind in a job name */

/* ---------------------------------------------------------------------- */
/* Helpers: words                                                         */

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
 * (every kiosk document comes from jk-layout.c); it cannot see into
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
/* Helpers: printing                                                      */

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
  g_autofree char *day = jk_print_history_format_day (now);
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
  if (!jk_cups_link_open (options, &link, &reachable, error))
    return FALSE;
  if (!jk_cups_query_printer (&link, &status, NULL, error))
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
  id = jk_print_history_insert (store, link.dest->name, kind, pages, copies, day, visit, submitted, hold, error);
  if (id == 0 || !jk_store_commit (store, error))
    {
      jk_store_rollback (store);
      return FALSE;
    }
  result->id = id;
  result->pages = total;

  if (hold)
    {
      spool_path = jk_print_history_keep_copy (options, id, pdf);
      if (spool_path != NULL &&
          !jk_print_history_update_column (store, id, "UPDATE print_jobs SET spool_path = ?2 WHERE id = ?1", spool_path,
                                           0, &local_error))
        {
          g_warning ("%s", local_error->message);
          g_clear_error (&local_error);
        }
    }

  job_name = make_job_name (options->kiosk_name, kind, pages);
  job_id = jk_cups_submit_job (&link, pdf, job_name, copies, hold, &local_error);
  if (job_id == 0)
    {
      /* Nothing reached the printer: the pages are given back. */
      jk_print_history_record_state (store, id, STATE_FAILED, submitted, local_error->message);
      jk_print_history_drop_copy (store, id, spool_path);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  result->cups_job_id = job_id;
  if (!jk_print_history_update_column (store, id, "UPDATE print_jobs SET cups_job_id = ?2 WHERE id = ?1", NULL, job_id,
                                       &local_error))
    {
      g_warning ("%s", local_error->message);
      g_clear_error (&local_error);
    }
  g_info ("Print job %" G_GINT64_FORMAT " is CUPS job %d on %s: %u page(s) × %u", id, job_id, link.dest->name, pages,
          copies);

  return jk_print_follow_job (store, &link, options, id, job_id, hold, submitted, started_us, result, cancellable,
                              error);
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

G_DEFINE_QUARK (jk-print-error-quark, jk_print_error)

const char *
jk_printer_state_to_string (JkPrinterState state)
{
  switch (state)
    {
    case JK_PRINTER_STATE_IDLE:
      return "idle";
    case JK_PRINTER_STATE_PROCESSING:
      return "processing";
    case JK_PRINTER_STATE_STOPPED:
      return "stopped";
    case JK_PRINTER_STATE_UNKNOWN:
    default:
      return "unknown";
    }
}

const char *
jk_print_job_state_to_string (JkPrintJobState state)
{
  switch (state)
    {
    case JK_PRINT_JOB_STATE_HELD:
      return STATE_HELD;
    case JK_PRINT_JOB_STATE_PRINTING:
      return STATE_PRINTING;
    case JK_PRINT_JOB_STATE_PRINTED:
      return STATE_PRINTED;
    case JK_PRINT_JOB_STATE_WAITING:
      return STATE_WAITING;
    case JK_PRINT_JOB_STATE_CANCELED:
      return STATE_CANCELED;
    case JK_PRINT_JOB_STATE_FAILED:
    default:
      return STATE_FAILED;
    }
}

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
  status->state = JK_PRINTER_STATE_UNKNOWN;
  status->out_of_service = TRUE;
  if (jk_cups_link_open (options, &link, &reachable, &local_error) &&
      jk_cups_query_printer (&link, status, NULL, &local_error))
    {
      g_free (status->name);
      status->name = g_strdup (options->printer != NULL ? options->printer : link.dest->name);
      return TRUE;
    }

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
  g_clear_pointer (&status->name, g_free);
}

guint
jk_print_pages_left (JkStore              *store,
                     const JkPrintOptions *options,
                     guint                 visit,
                     GDateTime            *now)
{
  g_autofree char *day = jk_print_history_format_day (now);
  guint left = G_MAXUINT;

  if (options->day_page_limit != 0)
    {
      guint used = jk_print_history_sum_pages (store, day, 0);

      left = used >= options->day_page_limit ? 0 : options->day_page_limit - used;
    }
  /* Visit numbers are per day here: a visit does not carry pages across midnight. */
  if (visit != 0 && options->visit_page_limit != 0)
    {
      guint used = jk_print_history_sum_pages (store, day, visit);

      guint limit = options->visit_page_limit + options->visit_extra_pages;

      left = MIN (left, used >= limit ? 0 : limit - used);
    }
  return left;
}

guint
jk_print_pages_today (JkStore   *store,
                      GDateTime *now)
{
  g_autofree char *day = jk_print_history_format_day (now);

  return jk_print_history_sum_pages (store, day, 0);
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
  g_autofree char *day = jk_print_history_format_day (now);
  g_auto (CupsLink) link = { 0 };
  g_autoptr (GError) link_error = NULL;
  GPtrArray *rows;
  GPtrArray *jobs;
  gboolean reachable, linked = FALSE, tried = FALSE;

  rows = jk_print_history_load_rows (store, "day = ?1 OR state = 'held' ORDER BY submitted DESC, id DESC", day, 0, 0,
                                     error);
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
              linked = jk_cups_link_open (options, &link, &reachable, &link_error);
              if (!linked)
                g_message ("Print history not refreshed: %s", link_error->message);
            }
          if (linked)
            jk_print_follow_refresh_row (store, &link, row);
        }
      info->id = row->id;
      info->cups_job_id = row->cups_job_id;
      info->kind = g_strdup (row->kind);
      info->pages = row->pages;
      info->copies = row->copies;
      info->submitted = row->submitted;
      info->state = jk_print_history_parse_state (row->state);
      info->message = g_strdup (row->message);
      g_ptr_array_add (jobs, info);
    }
  jk_print_history_free_rows (rows);
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

  if (!jk_print_history_load_row (store, id, &row, error))
    return FALSE;
  if (!jk_cups_link_open (options, &link, &reachable, error))
    return FALSE;
  if (!g_str_equal (jk_print_follow_refresh_row (store, &link, &row), STATE_HELD) || row.cups_job_id <= 0)
    {
      g_set_error (error, JK_PRINT_ERROR, JK_PRINT_ERROR_NOT_FOUND, _("Print job %lld is not waiting for release."),
                   (long long) id);
      return FALSE;
    }

  status = jk_cups_change_job (&link, IPP_OP_RELEASE_JOB, row.cups_job_id);
  if (status == IPP_STATUS_ERROR_NOT_FOUND)
    {
      jk_print_history_record_state (store, id, STATE_CANCELED, jk_print_history_now (),
                                     _("The printer no longer has this print job."));
      g_set_error (error, JK_PRINT_ERROR, JK_PRINT_ERROR_NOT_FOUND, _("The printer no longer has print job %lld."),
                   (long long) id);
      return FALSE;
    }
  if (status > IPP_STATUS_OK_EVENTS_COMPLETE)
    {
      g_set_error_literal (error, JK_PRINT_ERROR,
                           jk_cups_is_connection_lost (status) ? JK_PRINT_ERROR_NO_PRINTER : JK_PRINT_ERROR_FAILED,
                           jk_cups_is_connection_lost (status)
                           ? jk_print_describe_unreachable ()
                           : _("The printer did not accept the release. Please try again."));
      return FALSE;
    }
  jk_print_history_record_state (store, id, STATE_PRINTING, 0, _("Released by staff."));
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

  if (!jk_print_history_load_row (store, id, &row, error))
    return FALSE;
  open = g_str_equal (row.state, STATE_HELD) || g_str_equal (row.state, STATE_PRINTING) ||
         g_str_equal (row.state, STATE_WAITING);
  if (open && row.cups_job_id > 0)
    {
      g_auto (CupsLink) link = { 0 };
      gboolean reachable;
      ipp_status_t status;

      if (!jk_cups_link_open (options, &link, &reachable, error))
        return FALSE;
      status = jk_cups_change_job (&link, IPP_OP_CANCEL_JOB, row.cups_job_id);
      if (status == IPP_STATUS_ERROR_NOT_POSSIBLE)
        {
          /* Already over in CUPS: canceled elsewhere is what staff wanted. */
          if (g_str_equal (jk_print_follow_refresh_row (store, &link, &row), STATE_CANCELED))
            return TRUE;
          open = FALSE;
        }
      else if (status > IPP_STATUS_OK_EVENTS_COMPLETE && status != IPP_STATUS_ERROR_NOT_FOUND)
        {
          g_set_error_literal (error, JK_PRINT_ERROR,
                               jk_cups_is_connection_lost (status) ? JK_PRINT_ERROR_NO_PRINTER : JK_PRINT_ERROR_FAILED,
                               jk_cups_is_connection_lost (status)
                               ? jk_print_describe_unreachable ()
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
  jk_print_history_record_state (store, id, STATE_CANCELED, jk_print_history_now (),
                                 _("Canceled by staff. Its pages were not counted."));
  jk_print_history_drop_copy (store, id, row.spool_path);
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
  if (!jk_print_history_load_row (store, id, &row, error))
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
  g_autofree char *day = jk_print_history_format_day (now);
  g_auto (CupsLink) link = { 0 };
  gint64 cutoff = options->hold_minutes != 0 ? g_date_time_to_unix (now) - (gint64) options->hold_minutes * 60
                                             : G_MININT64;
  GPtrArray *rows;
  GPtrArray *copies;
  gboolean reachable;
  guint canceled = 0;

  g_return_val_if_fail (store != NULL && options != NULL && now != NULL, 0);

  /* 1. Held jobs past their time, or of a visit that ended. */
  rows = jk_print_history_load_rows (store,
                                     "state = 'held' AND (submitted <= ?2 OR (?3 != 0 AND visit = ?3 AND day = ?1))",
                                     day, cutoff, ended_visit, &error);
  if (rows == NULL)
    g_warning ("%s", error->message);
  if (rows != NULL && rows->len > 0 && !jk_cups_link_open (options, &link, &reachable, &error))
    g_message ("Stale held jobs not canceled now: %s", error->message);
  for (guint i = 0; rows != NULL && link.dest != NULL && i < rows->len; i++)
    {
      Row *row = rows->pdata[i];
      ipp_status_t status = IPP_STATUS_ERROR_NOT_FOUND;
      const char *why = row->submitted <= cutoff ? _("Canceled: not released in time. Its pages were not counted.")
                                                 : _("Canceled: the visit ended. Its pages were not counted.");

      /* Released meanwhile (outside the kiosk)? Then it is not stale. */
      if (!g_str_equal (jk_print_follow_refresh_row (store, &link, row), STATE_HELD))
        continue;
      if (row->cups_job_id > 0)
        status = jk_cups_change_job (&link, IPP_OP_CANCEL_JOB, row->cups_job_id);
      if (status > IPP_STATUS_OK_EVENTS_COMPLETE && status != IPP_STATUS_ERROR_NOT_FOUND)
        continue; /* try again next time */
      jk_print_history_record_state (store, row->id, STATE_CANCELED, g_date_time_to_unix (now), why);
      jk_print_history_drop_copy (store, row->id, row->spool_path);
      canceled++;
    }
  jk_print_history_free_rows (rows);

  /* 2. Kept copies of jobs no longer held expire too (privacy): after
   * hold_minutes, and at the latest when the day is over. */
  copies = jk_print_history_load_rows (store,
                                       "spool_path IS NOT NULL AND state != 'held' AND (submitted <= ?2 OR day != ?1)",
                                       day, cutoff, 0, NULL);
  for (guint i = 0; copies != NULL && i < copies->len; i++)
    {
      Row *row = copies->pdata[i];

      jk_print_history_drop_copy (store, row->id, row->spool_path);
    }
  jk_print_history_free_rows (copies);
  return canceled;
}

void
jk_print_job_info_free (JkPrintJobInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->kind);
  g_free (info->message);
  g_free (info);
}
