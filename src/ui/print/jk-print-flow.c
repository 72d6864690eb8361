/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-print-flow.c: from a Print button to pages at the printer */

#define G_LOG_DOMAIN "jk-print-flow"

#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-print.h>
#include <jobkiosk/jk-search.h>
#include <jobkiosk/jk-task.h>

#include "print/jk-print-page.h"
#include "jk-print-flow.h"

typedef enum {
  STATUS_NONE,
  STATUS_PRINTER,   /* ready and how many pages are left, or why not */
  STATUS_PRINTING,  /* "Printing 2 pages…" */
  STATUS_RESULT,    /* how a print job went */
} StatusKind;

struct _JkPrintRequest
{
  JkDocumentRequest *document;
};

struct _JkPrintFlow
{
  GObject parent_instance;

  JkPrintOptions options;
  char *database_path;
  char *center_name;
  const JkConfig *config;
  JkPaperSize paper;
  JkClock *clock;
  JkSession *session;

  JkPrintRequest *request;   /* asked for, not yet taken by the print page */
  /* What the print page says is kept as what it means and put in words
   * when asked, so it follows a language switch at once. */
  StatusKind status_kind;
  guint printing_pages;      /* STATUS_PRINTING */
  char *result;              /* STATUS_RESULT: a job's outcome, in the language it was printed in */
  char *status;              /* the last words given out by get_status */
  gboolean can_print;
  gboolean printing;
  /* The printer as last checked: its words are English msgids, for _()
   * to translate when shown (see printer_check_work). */
  gboolean printer_checked;
  gboolean printer_ready;
  char *printer_problem;     /* why it cannot print; NULL when ready */
  guint pages_left;
  char *printer_text;        /* the last words given out by get_printer_text */
  guint printer_check_id;
  guint stale_id;
  /* Staff's override (jk_print_flow_grant_pages): extra pages for one visit. */
  guint granted_pages;
  guint granted_visit;
};

/* What a worker thread is handed: the visit and language it works for,
 * and what printing, checking the printer or cancelling stale jobs need. */
typedef struct {
  char *database_path;
  const JkPrintOptions *options;  /* &limits */
  JkPrintOptions limits;          /* the flow's options (its strings borrowed) and this visit's grant */
  guint visit;
  char *language;
  GDateTime *now;
  /* printing */
  GBytes *pdf;
  char *kind;
  JkPrintResult result;
  /* checking the printer */
  JkPrinterStatus status;
  guint pages_left;
  /* cancelling held jobs: those of the visit that ended (0: only stale ones) */
  guint ended_visit;
} FlowWork;

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (JkPrintFlow, jk_print_flow, G_TYPE_OBJECT)

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static void
set_status (JkPrintFlow *self,
            StatusKind   kind,
            const char  *result,
            gboolean     can_print)
{
  self->status_kind = kind;
  g_free (self->result);
  self->result = g_strdup (result);
  self->can_print = can_print;
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

/* The printer's state as it stands, for the print page. */
static void
set_printer_status (JkPrintFlow *self)
{
  set_status (self, self->printer_checked ? STATUS_PRINTER : STATUS_NONE, NULL, self->printer_ready);
}

static FlowWork *
flow_work_new (JkPrintFlow *self)
{
  FlowWork *work = g_new0 (FlowWork, 1);

  work->database_path = g_strdup (self->database_path);
  work->visit = jk_session_get_visit_number (self->session);
  /* The flow outlives its tasks (they hold it), so the strings may be borrowed. */
  work->limits = self->options;
  work->limits.visit_extra_pages = work->visit == self->granted_visit ? self->granted_pages : 0;
  work->options = &work->limits;
  work->language = g_strdup (jk_session_get_language (self->session));
  work->now = jk_clock_now_local (self->clock);
  return work;
}

static void
flow_work_free (FlowWork *work)
{
  g_free (work->database_path);
  g_free (work->language);
  g_date_time_unref (work->now);
  g_clear_pointer (&work->pdf, g_bytes_unref);
  g_free (work->kind);
  jk_print_result_clear (&work->result);
  jk_printer_status_clear (&work->status);
  g_free (work);
}

/* Worker threads: CUPS calls block, and each opens its own connection. */
static gboolean
print_work (gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  FlowWork *job = data;
  g_autoptr (JkStore) store = jk_store_open_writer (job->database_path, error);
  gboolean ok;

  if (store == NULL)
    return FALSE;
  jk_i18n_set_thread_language (job->language);
  ok = jk_print_pdf (store, job->options, job->pdf, job->kind, 1, job->visit, job->now, &job->result, NULL, error);
  jk_i18n_set_thread_language (NULL);
  return ok;
}

static gboolean
printer_check_work (gpointer       data,
                    GCancellable  *cancellable,
                    GError       **error)
{
  FlowWork *check = data;
  g_autoptr (GError) local_error = NULL;
  g_autoptr (JkStore) reader = NULL;

  /* The words in English, which are the catalogue's keys: the main thread
   * translates them into whatever language the visit has when they are
   * shown, even after a switch. */
  jk_i18n_set_thread_language ("en");
  if (!jk_printer_get_status (check->options, &check->status, &local_error))
    {
      check->status.found = FALSE;
      check->status.message = g_strdup (local_error->message);
    }
  jk_i18n_set_thread_language (NULL);
  reader = jk_store_open_reader (check->database_path, NULL);
  if (reader != NULL)
    check->pages_left = jk_print_pages_left (reader, check->options, check->visit, check->now);
  return TRUE;
}

static gboolean
stale_jobs_work (gpointer       data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  FlowWork *stale = data;
  g_autoptr (JkStore) store = jk_store_open_writer (stale->database_path, error);

  if (store == NULL)
    return FALSE;
  jk_print_cancel_stale (store, stale->options, stale->ended_visit, stale->now);
  return TRUE;
}

static void
cancel_stale_jobs (JkPrintFlow *self,
                   guint        ended_visit)
{
  FlowWork *stale = flow_work_new (self);

  stale->ended_visit = ended_visit;
  jk_task_run (self, NULL, "jk-print-stale", stale_jobs_work, NULL, stale, (GDestroyNotify) flow_work_free);
}

/* ---------------------------------------------------------------------- */
/* Signal callbacks                                                       */

static void
on_printed (gpointer      source,
            gpointer      data,
            const GError *error)
{
  JkPrintFlow *self = source;
  FlowWork *job = data;

  /* The visitor who asked has gone: the next one hears nothing of it. */
  if (job->visit != jk_session_get_visit_number (self->session))
    return;
  self->printing = FALSE;
  set_status (self, STATUS_RESULT, error == NULL ? job->result.message : error->message, TRUE);
}

static void
on_printer_checked (gpointer      source,
                    gpointer      data,
                    const GError *error)
{
  JkPrintFlow *self = source;
  FlowWork *check = data;
  gboolean usable = check->status.found && !check->status.out_of_service;

  self->printer_checked = TRUE;
  self->printer_ready = usable;
  g_free (self->printer_problem);
  self->printer_problem = usable ? NULL : g_strdup (check->status.message);
  /* What the page says belongs to the visit that asked, and waits while a job is on its way. */
  if (check->visit != jk_session_get_visit_number (self->session) || self->printing)
    {
      g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
      return;
    }
  self->pages_left = check->pages_left;
  set_printer_status (self);
}

/* After the window switched the catalogue (connected after its handler):
 * everything the flow says is put in words again, without asking CUPS. */
static void
on_language_changed (JkPrintFlow *self)
{
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
on_visit_ended (JkPrintFlow *self)
{
  guint ended = jk_session_get_visit_number (self->session) - 1;

  /* The session's number has already moved on: the old one is one less. */
  cancel_stale_jobs (self, ended);
  if (self->granted_pages != 0 && ended >= self->granted_visit)
    {
      g_info ("the visit granted %u extra pages ended", self->granted_pages);
      self->granted_pages = 0;
      self->granted_visit = 0;
    }
  g_clear_pointer (&self->request, jk_print_request_free);
  self->printing = FALSE;
  set_status (self, STATUS_NONE, NULL, FALSE);
  jk_print_flow_check_printer (self);
}

static gboolean
printer_check_cb (gpointer user_data)
{
  jk_print_flow_check_printer (user_data);
  return G_SOURCE_CONTINUE;
}

static gboolean
cancel_stale_cb (gpointer user_data)
{
  cancel_stale_jobs (user_data, 0);
  return G_SOURCE_CONTINUE;
}

/* ---------------------------------------------------------------------- */
/* Overrides                                                              */

static void
jk_print_flow_dispose (GObject *object)
{
  JkPrintFlow *self = JK_PRINT_FLOW (object);

  g_clear_handle_id (&self->printer_check_id, g_source_remove);
  g_clear_handle_id (&self->stale_id, g_source_remove);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  g_clear_object (&self->clock);
  g_clear_pointer (&self->request, jk_print_request_free);
  G_OBJECT_CLASS (jk_print_flow_parent_class)->dispose (object);
}

static void
jk_print_flow_finalize (GObject *object)
{
  JkPrintFlow *self = JK_PRINT_FLOW (object);

  jk_print_options_clear (&self->options);
  g_free (self->database_path);
  g_free (self->center_name);
  g_free (self->result);
  g_free (self->status);
  g_free (self->printer_problem);
  g_free (self->printer_text);
  G_OBJECT_CLASS (jk_print_flow_parent_class)->finalize (object);
}

static void
jk_print_flow_class_init (JkPrintFlowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = jk_print_flow_dispose;
  object_class->finalize = jk_print_flow_finalize;

  /* The status, Print's sensitivity or the printer's health changed. */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                          NULL, G_TYPE_NONE, 0);
}

static void
jk_print_flow_init (JkPrintFlow *self)
{
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

JkPrintFlow *
jk_print_flow_new (const JkConfig *config,
                   const char     *database_path,
                   JkClock        *clock,
                   JkSession      *session)
{
  JkPrintFlow *self = g_object_new (JK_TYPE_PRINT_FLOW, NULL);

  jk_print_options_init (&self->options, config, database_path);
  self->database_path = g_strdup (database_path);
  self->center_name = g_strdup (config->center_name);
  self->config = config;
  self->paper = g_strcmp0 (config->print_paper, "a4") == 0 ? JK_PAPER_A4 : JK_PAPER_LETTER;
  self->clock = g_object_ref (clock);
  self->session = g_object_ref (session);
  g_signal_connect_swapped (session, "reset", G_CALLBACK (on_visit_ended), self);
  /* The printer's words come in the visitor's language, as soon as it changes. */
  g_signal_connect_object (session, "notify::language", G_CALLBACK (on_language_changed), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  return self;
}

void
jk_print_flow_start (JkPrintFlow *self)
{
  jk_print_flow_check_printer (self);
  if (self->printer_check_id == 0)
    self->printer_check_id = g_timeout_add_seconds (60, printer_check_cb, self);
  /* Held jobs nobody released in time are cancelled, once a minute. */
  if (self->options.hold_for_release && self->stale_id == 0)
    self->stale_id = g_timeout_add_seconds (60, cancel_stale_cb, self);
}

void
jk_print_flow_show (JkPrintFlow          *self,
                    JkPage               *from,
                    const JkDocumentKind *kind,
                    gconstpointer         input)
{
  JkPrintRequest *request = g_new0 (JkPrintRequest, 1);
  g_autoptr (GDateTime) now = jk_clock_now_local (self->clock);
  /* The application's configuration outlives every printout. */
  JkDocumentContext context = { self->center_name, self->paper, now, jk_session_get_language (self->session),
                                self->config };

  request->document = jk_document_request_new (kind, input, &context);
  g_clear_pointer (&self->request, jk_print_request_free);
  self->request = request;
  jk_page_navigate (from, &jk_print_page_info, NULL);
  jk_print_flow_check_printer (self);
}

JkPrintRequest *
jk_print_flow_take_request (JkPrintFlow *self)
{
  return g_steal_pointer (&self->request);
}

JkDocument *
jk_print_request_render (JkPrintRequest  *request,
                         GError         **error)
{
  return jk_document_request_render (request->document, error);
}

const char *
jk_print_request_get_link (JkPrintRequest *request)
{
  const JkJobRecord *record;

  if (request->document->kind != &jk_document_job_sheet)
    return NULL;
  record = request->document->input;
  return record->job->apply_url;
}

void
jk_print_request_free (JkPrintRequest *request)
{
  jk_document_request_free (request->document);
  g_free (request);
}

void
jk_print_flow_submit (JkPrintFlow *self,
                      JkDocument  *document)
{
  FlowWork *job = flow_work_new (self);
  guint pages = jk_document_get_n_pages (document);

  job->pdf = g_bytes_ref (jk_document_get_pdf (document));
  job->kind = g_strdup (jk_document_get_kind (document));
  self->printing = TRUE;
  self->printing_pages = pages;
  /* Pages sent to the printer, for the usage counts; no more than that. */
  jk_session_count (self->session, "pages-printed", pages);
  set_status (self, STATUS_PRINTING, NULL, FALSE);
  jk_task_run (self, NULL, "jk-print", print_work, on_printed, job, (GDestroyNotify) flow_work_free);
}

void
jk_print_flow_check_printer (JkPrintFlow *self)
{
  jk_task_run (self, NULL, "jk-printer-status", printer_check_work, on_printer_checked, flow_work_new (self),
               (GDestroyNotify) flow_work_free);
}

const char *
jk_print_flow_get_status (JkPrintFlow *self)
{
  char *status = NULL;

  switch (self->status_kind)
    {
    case STATUS_PRINTER:
      if (self->printer_ready && self->granted_pages != 0 &&
          self->granted_visit == jk_session_get_visit_number (self->session))
        {
          g_autofree char *ready = g_strdup_printf (jk_ngettext ("The printer is ready. You can print %u more page today.",
                                                                 "The printer is ready. You can print %u more pages today.",
                                                                 self->pages_left),
                                                    self->pages_left);

          /* TRANSLATORS: after "The printer is ready. You can print N more pages today." */
          status = g_strdup_printf (jk_ngettext ("%s Staff allowed you %u extra page.",
                                                 "%s Staff allowed you %u extra pages.", self->granted_pages),
                                    ready, self->granted_pages);
        }
      else if (self->printer_ready)
        status = g_strdup_printf (jk_ngettext ("The printer is ready. You can print %u more page today.",
                                               "The printer is ready. You can print %u more pages today.",
                                               self->pages_left),
                                  self->pages_left);
      else
        status = g_strdup (_(self->printer_problem));
      break;
    case STATUS_PRINTING:
      status = g_strdup_printf (jk_ngettext ("Printing %u page…", "Printing %u pages…", self->printing_pages),
                                self->printing_pages);
      break;
    case STATUS_RESULT:
      status = g_strdup (self->result);
      break;
    case STATUS_NONE:
    default:
      /* Not asked yet in this visit: a printer known to be down is said at once. */
      if (self->printer_checked && !self->printer_ready)
        status = g_strdup (_(self->printer_problem));
      break;
    }
  g_free (self->status);
  self->status = status;
  return self->status;
}

gboolean
jk_print_flow_get_can_print (JkPrintFlow *self)
{
  return self->can_print;
}

const char *
jk_print_flow_get_printer_text (JkPrintFlow *self)
{
  g_free (self->printer_text);
  if (!self->printer_checked)
    self->printer_text = NULL;
  else
    self->printer_text = g_strdup (self->printer_ready ? _("Printer ready") : _(self->printer_problem));
  return self->printer_text;
}

gboolean
jk_print_flow_get_printer_ready (JkPrintFlow *self)
{
  return self->printer_ready;
}

void
jk_print_flow_grant_pages (JkPrintFlow *self,
                           guint        pages)
{
  g_return_if_fail (JK_IS_PRINT_FLOW (self));

  self->granted_pages = pages;
  self->granted_visit = pages != 0 ? jk_session_get_visit_number (self->session) + 1 : 0;
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

guint
jk_print_flow_get_granted_pages (JkPrintFlow *self)
{
  g_return_val_if_fail (JK_IS_PRINT_FLOW (self), 0);

  return self->granted_pages;
}

gboolean
jk_print_flow_is_printing (JkPrintFlow *self)
{
  return self->printing;
}
