/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "jk-config.h"
#include "jk-store.h"

G_BEGIN_DECLS

#define JK_PRINT_ERROR (jk_print_error_quark ())

typedef enum {
  JK_PRINT_ERROR_NO_PRINTER,     /* no destination, or CUPS not reachable */
  JK_PRINT_ERROR_OUT_OF_SERVICE, /* stopped, not accepting, an -error or offline reason */
  JK_PRINT_ERROR_LIMIT,          /* the visit's or the day's page limit */
  JK_PRINT_ERROR_FAILED,         /* the job was aborted or canceled */
  JK_PRINT_ERROR_TIMEOUT,        /* no outcome within the time allowed */
  JK_PRINT_ERROR_NOT_FOUND,      /* no such job */
  JK_PRINT_ERROR_INVALID,        /* not a PDF, or no pages */
} JkPrintError;

/* How the kiosk prints: from [print] in the configuration. */
typedef struct {
  char *printer;            /* CUPS destination; NULL for the CUPS default */
  char *kiosk_name;         /* for job names: "Kiosk 2 · resume · 2 pages" */
  guint visit_page_limit;   /* pages one visit may print (0: no limit) */
  guint day_page_limit;     /* pages the kiosk may print in a day (0: no limit) */
  guint visit_extra_pages;  /* pages staff allowed one visit beyond visit_page_limit (0: none) */
  gboolean hold_for_release;/* submit held; staff release, reprint or cancel */
  guint hold_minutes;       /* held jobs not released within this are canceled */
  guint timeout_seconds;    /* waiting for an outcome */
  char *spool_dir;          /* private folder keeping PDFs while held (0700) */
} JkPrintOptions;

/* The printer's state. The values are IPP's printer-state numbers
 * (RFC 8011), which staff tools show as they are ("state_code"). */
typedef enum {
  JK_PRINTER_STATE_UNKNOWN = 0,     /* not found, or CUPS could not be asked */
  JK_PRINTER_STATE_IDLE = 3,
  JK_PRINTER_STATE_PROCESSING = 4,  /* printing a job */
  JK_PRINTER_STATE_STOPPED = 5,
} JkPrinterState;

/* Where a print job of the history stands. Canceled and failed jobs do
 * not count against the page limits. */
typedef enum {
  JK_PRINT_JOB_STATE_HELD,          /* waiting for staff release */
  JK_PRINT_JOB_STATE_PRINTING,
  JK_PRINT_JOB_STATE_PRINTED,
  JK_PRINT_JOB_STATE_WAITING,       /* accepted, waiting for the printer to be fixed */
  JK_PRINT_JOB_STATE_CANCELED,
  JK_PRINT_JOB_STATE_FAILED,
} JkPrintJobState;

/* The printer as a visitor (and staff) should hear about it. */
typedef struct {
  gboolean found;
  gboolean accepting;
  JkPrinterState state;
  gboolean out_of_service;  /* printing would not work now */
  char *message;            /* plain words for visitors ("The printer is out of paper. Please ask staff…") */
  GStrv reasons;            /* printer-state-reasons keywords, -report ones left out */
  char *printer_message;    /* the printer's own printer-state-message */
  char *name;               /* the destination: the configured one, else the CUPS default's; NULL when not found */
} JkPrinterStatus;

typedef enum {
  JK_PRINT_OUTCOME_PRINTED,   /* job-state completed */
  JK_PRINT_OUTCOME_HELD,      /* waiting for staff release */
  JK_PRINT_OUTCOME_WAITING,   /* accepted but pending (queue paused): will print later */
} JkPrintOutcome;

typedef struct {
  gint64 id;                /* the print history row */
  int cups_job_id;
  guint pages;
  JkPrintOutcome outcome;
  char *message;            /* plain words: "Done: pick up your pages at the printer by the front desk." */
} JkPrintResult;

/* A row of the print history, for staff. */
typedef struct {
  gint64 id;
  int cups_job_id;
  char *kind;
  guint pages;
  guint copies;
  gint64 submitted;
  JkPrintJobState state;
  char *message;
} JkPrintJobInfo;

GQuark       jk_print_error_quark         (void);

/* Keywords for logs and staff tools, never shown to visitors:
 * "idle", "processing", "stopped", "unknown"; "held", "printing",
 * "printed", "waiting", "canceled", "failed". */
const char  *jk_printer_state_to_string   (JkPrinterState   state);
const char  *jk_print_job_state_to_string (JkPrintJobState  state);

/* From [print] in the configuration; the spool folder beside the database. */
void         jk_print_options_init        (JkPrintOptions  *options,
                                           const JkConfig  *config,
                                           const char      *database_path);
void         jk_print_options_clear       (JkPrintOptions  *options);

/* Reads the destination's state (blocking: call from a worker thread). */
gboolean     jk_printer_get_status        (const JkPrintOptions *options,
                                           JkPrinterStatus      *status,
                                           GError              **error);
void         jk_printer_status_clear      (JkPrinterStatus *status);
/* A printer-state-reasons keyword ("media-empty-error") in a few plain
 * words for staff ("out of paper"), untranslated msgid; NULL for one the
 * kiosk does not know (show the keyword). */
const char  *jk_printer_reason_words      (const char      *keyword);

/* Pages this visit and this day may still print. */
guint        jk_print_pages_left          (JkStore              *store,
                                           const JkPrintOptions *options,
                                           guint                 visit,
                                           GDateTime            *now);

/* Pages printed today, canceled and failed jobs left out: what the day's
 * limit is measured against. */
guint        jk_print_pages_today         (JkStore              *store,
                                           GDateTime            *now);

/* Prints a PDF (blocking: run in a GTask thread): checks the printer and the
 * page limits first, submits with a job name carrying no personal data,
 * follows job-state until completed, held, or the timeout, and records a
 * history row. A failed job gives its pages back. */
gboolean     jk_print_pdf                 (JkStore              *store,
                                           const JkPrintOptions *options,
                                           GBytes               *pdf,
                                           const char           *kind,
                                           guint                 copies,
                                           guint                 visit,
                                           GDateTime            *now,
                                           JkPrintResult        *result,
                                           GCancellable         *cancellable,
                                           GError              **error);
void         jk_print_result_clear        (JkPrintResult   *result);

/* Staff: list today's (and held) jobs, release, cancel, reprint. */
GPtrArray   *jk_print_list_jobs           (JkStore              *store,
                                           const JkPrintOptions *options,
                                           GError              **error);
gboolean     jk_print_release             (JkStore              *store,
                                           const JkPrintOptions *options,
                                           gint64                id,
                                           GError              **error);
gboolean     jk_print_cancel              (JkStore              *store,
                                           const JkPrintOptions *options,
                                           gint64                id,
                                           GError              **error);
gboolean     jk_print_reprint             (JkStore              *store,
                                           const JkPrintOptions *options,
                                           gint64                id,
                                           GDateTime            *now,
                                           JkPrintResult        *result,
                                           GError              **error);
/* Cancels held jobs older than hold_minutes, and (with visit != 0) the
 * held jobs of a visit that ended. Returns how many were canceled. */
guint        jk_print_cancel_stale        (JkStore              *store,
                                           const JkPrintOptions *options,
                                           guint                 ended_visit,
                                           GDateTime            *now);
void         jk_print_job_info_free       (JkPrintJobInfo  *info);

G_END_DECLS
