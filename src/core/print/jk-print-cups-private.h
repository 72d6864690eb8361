/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Talking to CUPS (jk-print-cups.c): one connection and destination, the
 * printer's state and why it cannot print, submitting a PDF, a job's state,
 * and the words a visitor hears about all that. */

#include <cups/cups.h>

#include "jobkiosk/jk-print.h"

G_BEGIN_DECLS

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

/* Words */
const char  *jk_print_describe_cause        (Cause cause);
/* The end of "The printer stopped: …", for a job that waits. */
const char  *jk_print_describe_cause_short  (Cause cause);
char        *jk_print_describe_waiting      (Cause cause);
const char  *jk_print_describe_unreachable  (void);
const char  *jk_print_describe_no_printer   (void);
const char  *jk_print_describe_gave_back    (void);

/* Talking to CUPS */
void         jk_cups_link_close             (CupsLink             *link);
gboolean     jk_cups_is_connection_lost     (ipp_status_t          status);
gboolean     jk_cups_link_open              (const JkPrintOptions *options,
                                             CupsLink             *link,
                                             gboolean             *reachable,
                                             GError              **error);
gboolean     jk_cups_query_printer          (const CupsLink       *link,
                                             JkPrinterStatus      *status,
                                             Cause                *cause,
                                             GError              **error);
void         jk_cups_job_state_clear        (JobState             *js);
gboolean     jk_cups_query_job              (const CupsLink       *link,
                                             int                   job_id,
                                             JobState             *js,
                                             GError              **error);
ipp_status_t jk_cups_change_job             (const CupsLink       *link,
                                             ipp_op_t              op,
                                             int                   job_id);
int          jk_cups_submit_job             (CupsLink             *link,
                                             GBytes               *pdf,
                                             const char           *job_name,
                                             guint                 copies,
                                             gboolean              hold,
                                             GError              **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CupsLink, jk_cups_link_close)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (JobState, jk_cups_job_state_clear)

G_END_DECLS
