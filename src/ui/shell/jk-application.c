/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-application.c: the GUI's application object: set-up and the pages */

#define G_LOG_DOMAIN "jk-application"

#include "jk-build-config.h"

#include <glib-unix.h>
#include <signal.h>
#include <glib/gi18n-lib.h>
#include <jobkiosk/jk-refresher.h>
#include <jobkiosk/jk-session.h>

#include <jobkiosk/jk-document.h>
#include <jobkiosk/jk-geo.h>
#include <jobkiosk/jk-print.h>
#include <jobkiosk/jk-visit.h>

#include "jk-application.h"
#include "jobs/jk-feed-status.h"
#include "jk-home-page.h"
#include "jk-info-page.h"
#include "jobs/jk-job-page.h"
#include "jobs/jk-list-page.h"
#include "jobs/jk-log-form-page.h"
#include "jobs/jk-log-page.h"
#include "print/jk-print-page.h"
#include "jobs/jk-search-page.h"

struct _JkApplication
{
  GtkApplication parent_instance;

  JkConfig *config;
  JkStore *store;
  JkClock *clock;
  JkSession *session;
  JkRefresher *refresher;
  JkFeedStatus *feed_status; /* on the job search page */
  JkApplicationOptions options;

  /* The window's pages that talk to each other. */
  JkWindow *window;
  JkJobPage *job_page;
  JkLogFormPage *log_form_page;
  JkPrintPage *print_page;
  JkPrintOptions print_options;
  guint stale_id;
  guint printer_check_id;
};

/* A print job on its way, carried to the worker thread. */
typedef struct {
  JkStore *store;
  const JkPrintOptions *options;
  GBytes *pdf;
  char *kind;
  guint visit;
  GDateTime *now;
  JkPrintResult result;
} PrintJob;

/* What a printout is made from, owned by its render job. */
typedef struct {
  char *center_name;
  GDateTime *printed_at;
  JkPaperSize paper;
  JkJobRecord *record;   /* job sheet */
  GPtrArray *records;    /* job list */
  GPtrArray *entries;    /* job-search log */
  char *visitor_name;
  GDate week_start;
} PrintData;

G_DEFINE_FINAL_TYPE (JkApplication, jk_application, GTK_TYPE_APPLICATION)

static void check_printer (JkApplication *self);

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static const char *const style_resources[] = {
  "/org/jobkiosk/JobKiosk/shell/style.css",
  "/org/jobkiosk/JobKiosk/shell/keyboard.css",
};

/* Links in outside text must never open a browser on a public kiosk. */
static gboolean
refuse_link_cb (GtkLabel   *label,
                const char *uri,
                gpointer    user_data)
{
  g_info ("a link was activated and ignored");
  return TRUE;
}

static void
guard_kiosk_settings (void)
{
  static gsize guarded;

  if (g_once_init_enter (&guarded))
    {
      /* The classes must exist before their handlers can be overridden. */
      g_type_class_ref (GTK_TYPE_LABEL);
      g_type_class_ref (GTK_TYPE_LINK_BUTTON);
      g_signal_override_class_handler ("activate-link", GTK_TYPE_LABEL, G_CALLBACK (refuse_link_cb));
      g_signal_override_class_handler ("activate-link", GTK_TYPE_LINK_BUTTON, G_CALLBACK (refuse_link_cb));
      g_object_set (gtk_settings_get_default (),
                    "gtk-print-backends", "cups",
                    "gtk-error-bell", FALSE,
                    NULL);
      g_once_init_leave (&guarded, 1);
    }
}

static void
print_data_free (PrintData *data)
{
  g_free (data->center_name);
  g_clear_pointer (&data->printed_at, g_date_time_unref);
  g_clear_pointer (&data->record, jk_job_record_free);
  g_clear_pointer (&data->records, g_ptr_array_unref);
  g_clear_pointer (&data->entries, g_ptr_array_unref);
  g_free (data->visitor_name);
  g_free (data);
}

static PrintData *
print_data_new (JkApplication *self)
{
  PrintData *data = g_new0 (PrintData, 1);

  data->center_name = g_strdup (self->config->center_name);
  data->printed_at = jk_clock_now_local (self->clock);
  data->paper = g_strcmp0 (self->config->print_paper, "a4") == 0 ? JK_PAPER_A4 : JK_PAPER_LETTER;
  return data;
}

static JkDocumentContext
context_for (PrintData *data)
{
  JkDocumentContext context = { data->center_name, data->paper, data->printed_at };
  return context;
}

static JkDocument *
render_job_sheet (gpointer  user_data,
                  GError  **error)
{
  PrintData *data = user_data;
  JkDocumentContext context = context_for (data);

  return jk_document_job_sheet.render (&context, data->record, error);
}

static JkDocument *
render_job_list (gpointer  user_data,
                 GError  **error)
{
  PrintData *data = user_data;
  JkDocumentContext context = context_for (data);

  return jk_document_job_list.render (&context, data->records, error);
}

static JkDocument *
render_search_log (gpointer  user_data,
                   GError  **error)
{
  PrintData *data = user_data;
  JkDocumentContext context = context_for (data);
  JkSearchLogInput input = { data->visitor_name, data->week_start, data->entries };

  return jk_document_search_log.render (&context, &input, error);
}

static void
show_print (JkApplication  *self,
            JkRenderFunc    render,
            PrintData      *data)
{
  jk_print_page_render (self->print_page, render, data, (GDestroyNotify) print_data_free);
  jk_window_show_page (self->window, "print");
  check_printer (self);
}

static GPtrArray *
copy_records (GPtrArray *records)
{
  GPtrArray *copy = g_ptr_array_new_with_free_func ((GDestroyNotify) jk_job_record_free);

  for (guint i = 0; i < records->len; i++)
    g_ptr_array_add (copy, jk_job_record_copy (records->pdata[i]));
  return copy;
}

static GPtrArray *
copy_log (GPtrArray *entries)
{
  GPtrArray *copy = g_ptr_array_new_with_free_func ((GDestroyNotify) jk_log_entry_free);

  for (guint i = 0; i < entries->len; i++)
    {
      const JkLogEntry *entry = entries->pdata[i];
      g_ptr_array_add (copy, jk_log_entry_new (&entry->date, entry->employer, entry->position, entry->method,
                                               entry->contact, entry->result));
    }
  return copy;
}

static void
print_job_free (PrintJob *job)
{
  g_bytes_unref (job->pdf);
  g_free (job->kind);
  g_date_time_unref (job->now);
  jk_print_result_clear (&job->result);
  g_free (job);
}

/* Worker threads: CUPS calls block. */
static void
printer_status_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  JkApplication *self = source_object;
  JkPrinterStatus *status = g_new0 (JkPrinterStatus, 1);
  g_autoptr (GError) error = NULL;

  if (!jk_printer_get_status (&self->print_options, status, &error))
    {
      status->found = FALSE;
      status->message = g_strdup (error->message);
    }
  g_task_return_pointer (task, status, NULL);
}

static void
print_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  PrintJob *job = task_data;
  GError *error = NULL;

  if (jk_print_pdf (job->store, job->options, job->pdf, job->kind, 1, job->visit, job->now, &job->result,
                    cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_printer_status (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  JkApplication *self = JK_APPLICATION (object);
  JkPrinterStatus *status = g_task_propagate_pointer (G_TASK (result), NULL);
  gboolean usable = status->found && !status->out_of_service;

  jk_print_page_set_can_print (self->print_page, usable);
  jk_window_set_printer_badge (self->window, usable ? _("Printer ready") : status->message, usable);
  if (usable)
    {
      g_autoptr (GDateTime) now = jk_clock_now_local (self->clock);
      guint left = jk_print_pages_left (self->store, &self->print_options,
                                        jk_session_get_visit_number (self->session), now);
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The printer is ready. You can print %u more page today.",
                                                            "The printer is ready. You can print %u more pages today.", left),
                                               left);
      jk_print_page_set_status (self->print_page, text);
    }
  else
    jk_print_page_set_status (self->print_page, status->message);
  jk_printer_status_clear (status);
  g_free (status);
}

static void
check_printer (JkApplication *self)
{
  g_autoptr (GTask) task = g_task_new (self, NULL, on_printer_status, NULL);

  g_task_set_name (task, "jk-printer-status");
  g_task_run_in_thread (task, printer_status_thread);
}

static void
on_printed (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  JkApplication *self = JK_APPLICATION (object);
  PrintJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;

  if (g_task_propagate_boolean (G_TASK (result), &error))
    jk_print_page_set_status (self->print_page, job->result.message);
  else
    jk_print_page_set_status (self->print_page, error->message);
  jk_print_page_set_can_print (self->print_page, TRUE);
}

/* ---------------------------------------------------------------------- */
/* Signal callbacks                                                       */

static void
on_print_requested (JkApplication *self,
                    JkDocument    *document)
{
  g_autoptr (GTask) task = g_task_new (self, NULL, on_printed, NULL);
  PrintJob *job = g_new0 (PrintJob, 1);
  guint pages = jk_document_get_n_pages (document);
  g_autofree char *printing = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Printing %u page…", "Printing %u pages…",
                                                            pages),
                                               pages);

  job->store = self->store;
  job->options = &self->print_options;
  job->pdf = g_bytes_ref (jk_document_get_pdf (document));
  job->kind = g_strdup (jk_document_get_kind (document));
  job->visit = jk_session_get_visit_number (self->session);
  job->now = jk_clock_now_local (self->clock);
  jk_print_page_set_can_print (self->print_page, FALSE);
  jk_print_page_set_status (self->print_page, printing);
  g_task_set_task_data (task, job, (GDestroyNotify) print_job_free);
  g_task_set_name (task, "jk-print");
  g_task_run_in_thread (task, print_thread);
}

static void
cancel_visit_jobs_thread (GTask        *task,
                          gpointer      source_object,
                          gpointer      task_data,
                          GCancellable *cancellable)
{
  JkApplication *self = source_object;
  g_autoptr (GDateTime) now = jk_clock_now_local (self->clock);

  jk_print_cancel_stale (self->store, &self->print_options, GPOINTER_TO_UINT (task_data), now);
  g_task_return_boolean (task, TRUE);
}

/* Held jobs nobody released in time are canceled, once a minute. */
static gboolean
printer_check_cb (gpointer user_data)
{
  check_printer (user_data);
  return G_SOURCE_CONTINUE;
}

static gboolean
cancel_stale_cb (gpointer user_data)
{
  g_autoptr (GTask) task = g_task_new (user_data, NULL, NULL, NULL);

  g_task_set_task_data (task, GUINT_TO_POINTER (0), NULL);
  g_task_run_in_thread (task, cancel_visit_jobs_thread);
  return G_SOURCE_CONTINUE;
}

/* A visit that ended leaves no held pages behind for the next person to
 * collect. The session's number has already moved on: the old one is one less. */
static void
on_visit_ended (JkApplication *self)
{
  g_autoptr (GTask) task = g_task_new (self, NULL, NULL, NULL);

  g_task_set_task_data (task, GUINT_TO_POINTER (jk_session_get_visit_number (self->session) - 1), NULL);
  g_task_run_in_thread (task, cancel_visit_jobs_thread);
}

static void
on_job_activated (JkApplication *self,
                  gint64         job_id)
{
  if (jk_job_page_show_job (self->job_page, job_id))
    jk_window_show_page (self->window, "job");
}

static void
on_print_job (JkApplication *self)
{
  const JkJobRecord *record = jk_job_page_get_record (self->job_page);
  PrintData *data;

  if (record == NULL)
    return;
  data = print_data_new (self);
  data->record = jk_job_record_copy (record);
  show_print (self, render_job_sheet, data);
}

static void
on_print_list (JkApplication *self)
{
  PrintData *data = print_data_new (self);

  data->records = copy_records (jk_visit_get_saved_jobs (self->session));
  show_print (self, render_job_list, data);
}

static void
on_print_log (JkApplication *self)
{
  PrintData *data = print_data_new (self);
  const char *name = jk_visit_get_name (self->session);

  data->entries = copy_log (jk_visit_get_log (self->session));
  data->visitor_name = g_strdup (name);
  /* The week that ends today: what a weekly work-search form covers. */
  g_date_clear (&data->week_start, 1);
  g_date_set_dmy (&data->week_start, g_date_time_get_day_of_month (data->printed_at),
                  g_date_time_get_month (data->printed_at), g_date_time_get_year (data->printed_at));
  g_date_subtract_days (&data->week_start, 6);
  show_print (self, render_search_log, data);
}

static void
on_applied (JkApplication *self)
{
  jk_log_form_page_start (self->log_form_page, jk_job_page_get_record (self->job_page));
  jk_window_show_page (self->window, "logform");
}

static void
on_add_log_entry (JkApplication *self)
{
  jk_log_form_page_start (self->log_form_page, NULL);
  jk_window_show_page (self->window, "logform");
}

static void
on_log_saved (JkApplication *self)
{
  jk_window_replace_page (self->window, "log");
}

/* systemd stops the kiosk with SIGTERM: quit cleanly, database closed. */
static gboolean
on_quit_signal (gpointer user_data)
{
  g_info ("asked to stop");
  g_application_quit (user_data);
  return G_SOURCE_CONTINUE;
}

static void
on_feeds_updated (JkApplication *self)
{
  if (self->feed_status != NULL)
    jk_feed_status_update (self->feed_status);
}

static void
on_first_frame (GdkFrameClock *frame_clock,
                GApplication  *application)
{
  g_signal_handlers_disconnect_by_func (frame_clock, on_first_frame, application);
  g_application_quit (application);
}

/* ---------------------------------------------------------------------- */
/* Overrides                                                              */

static void
jk_application_startup (GApplication *application)
{
  G_APPLICATION_CLASS (jk_application_parent_class)->startup (application);
  guard_kiosk_settings ();
  jk_application_load_style ();
  g_unix_signal_add (SIGTERM, on_quit_signal, application);
  if (JK_APPLICATION (application)->print_options.hold_for_release)
    JK_APPLICATION (application)->stale_id = g_timeout_add_seconds (60, cancel_stale_cb, application);
  g_unix_signal_add (SIGINT, on_quit_signal, application);
}

static void
jk_application_activate (GApplication *application)
{
  JkApplication *self = JK_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (jk_application_create_window (self));
  if (!self->options.quit_after_first_frame)
    {
      jk_application_start_refresh (self);
      check_printer (self);
      self->printer_check_id = g_timeout_add_seconds (60, printer_check_cb, self);
    }
  if (self->options.quit_after_first_frame)
    {
      gtk_widget_realize (GTK_WIDGET (window));
      g_signal_connect_after (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                              G_CALLBACK (on_first_frame), application);
    }
  gtk_window_present (window);
}

static void
jk_application_finalize (GObject *object)
{
  JkApplication *self = JK_APPLICATION (object);

  g_clear_object (&self->refresher);
  g_clear_object (&self->session);
  g_clear_object (&self->clock);
  g_clear_pointer (&self->store, jk_store_free);
  g_clear_handle_id (&self->stale_id, g_source_remove);
  g_clear_handle_id (&self->printer_check_id, g_source_remove);
  jk_print_options_clear (&self->print_options);
  g_clear_pointer (&self->config, jk_config_free);
  G_OBJECT_CLASS (jk_application_parent_class)->finalize (object);
}

static void
jk_application_class_init (JkApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = jk_application_finalize;
  application_class->startup = jk_application_startup;
  application_class->activate = jk_application_activate;
}

static void
jk_application_init (JkApplication *self)
{
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

JkApplication *
jk_application_new (JkConfig                   *config,
                    JkStore                    *store,
                    JkClock                    *clock,
                    const JkApplicationOptions *options)
{
  JkApplication *self = g_object_new (JK_TYPE_APPLICATION,
                                      "application-id", APPLICATION_ID,
                                      "flags", G_APPLICATION_NON_UNIQUE,
                                      NULL);

  self->config = config;
  self->store = store;
  self->clock = g_object_ref (clock);
  self->options = *options;
  self->session = jk_session_new (config->language, config->start_high_contrast, config->start_large_text);
  jk_print_options_init (&self->print_options, config, jk_store_get_path (store));
  return self;
}

void
jk_application_load_style (void)
{
  static gsize loaded;

  if (g_once_init_enter (&loaded))
    {
      for (gsize i = 0; i < G_N_ELEMENTS (style_resources); i++)
        {
          g_autoptr (GtkCssProvider) provider = gtk_css_provider_new ();

          gtk_css_provider_load_from_resource (provider, style_resources[i]);
          gtk_style_context_add_provider_for_screen (gdk_screen_get_default (), GTK_STYLE_PROVIDER (provider),
                                                     GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
        }
      g_once_init_leave (&loaded, 1);
    }
}

void
jk_application_start_refresh (JkApplication *self)
{
  if (self->refresher == NULL)
    {
      self->refresher = jk_refresher_new (self->config, jk_store_get_path (self->store), self->clock);
      g_signal_connect_swapped (self->refresher, "updated", G_CALLBACK (on_feeds_updated), self);
    }
  jk_refresher_start (self->refresher);
}

JkRefresher *
jk_application_get_refresher (JkApplication *self)
{
  return self->refresher;
}

JkPrintPage *
jk_application_get_print_page (JkApplication *self)
{
  return self->print_page;
}

JkFeedStatus *
jk_application_get_feed_status (JkApplication *self)
{
  return self->feed_status;
}

JkWindow *
jk_application_create_window (JkApplication *self)
{
  JkWindowSetup setup = {
    .center_name = self->config->center_name,
    .idle_timeout = self->config->idle_timeout,
    .idle_warning = self->config->idle_warning,
    .kiosk_mode = self->options.kiosk_mode,
  };
  JkWindow *window = jk_window_new (GTK_APPLICATION (self), self->session, self->clock, &setup);
  JkSearchPageSetup search_setup = {
    .store = self->store,
    .clock = self->clock,
    .area = self->config->area,
    .location = self->config->location,
  };
  g_autoptr (GError) error = NULL;
  JkPage *page;

  jk_window_add_page (window, "home", jk_home_page_new ());
  self->window = window;
  if (!jk_geo_ensure_centroids (self->store, self->config->zip_centroids, &error))
    g_warning ("The ZIP code centroids could not be imported: %s", error->message);

  page = jk_search_page_new (&search_setup);
  self->feed_status = JK_FEED_STATUS (jk_feed_status_new (self->store, self->clock));
  jk_search_page_set_status (JK_SEARCH_PAGE (page), GTK_WIDGET (self->feed_status));
  g_signal_connect_object (self->session, "notify::language", G_CALLBACK (jk_feed_status_update),
                           self->feed_status, G_CONNECT_SWAPPED);
  g_signal_connect_swapped (page, "job-activated", G_CALLBACK (on_job_activated), self);
  jk_window_add_page (window, "jobs", page);

  page = jk_job_page_new (self->store, self->clock);
  self->job_page = JK_JOB_PAGE (page);
  g_signal_connect_swapped (page, "print-requested", G_CALLBACK (on_print_job), self);
  g_signal_connect_swapped (page, "applied", G_CALLBACK (on_applied), self);
  jk_window_add_page (window, "job", page);

  page = jk_list_page_new (self->clock);
  g_signal_connect_swapped (page, "job-activated", G_CALLBACK (on_job_activated), self);
  g_signal_connect_swapped (page, "print-requested", G_CALLBACK (on_print_list), self);
  jk_window_add_page (window, "mylist", page);

  page = jk_log_page_new ();
  g_signal_connect_swapped (page, "add-requested", G_CALLBACK (on_add_log_entry), self);
  g_signal_connect_swapped (page, "print-requested", G_CALLBACK (on_print_log), self);
  jk_window_add_page (window, "log", page);

  page = jk_log_form_page_new (self->clock);
  self->log_form_page = JK_LOG_FORM_PAGE (page);
  g_signal_connect_swapped (page, "saved", G_CALLBACK (on_log_saved), self);
  jk_window_add_page (window, "logform", page);

  page = jk_print_page_new ();
  self->print_page = JK_PRINT_PAGE (page);
  g_signal_connect_swapped (page, "print-requested", G_CALLBACK (on_print_requested), self);
  jk_window_add_page (window, "print", page);
  g_signal_connect_swapped (self->session, "reset", G_CALLBACK (on_visit_ended), self);

  jk_window_add_page (window, "careers",
                      jk_info_page_new (N_("Pay and careers"), "x-office-spreadsheet-symbolic",
                                        N_("Pay and careers is coming soon"),
                                        N_("Soon you can see what jobs pay here and how to get them. For now, please ask staff at the front desk.")));
  jk_window_add_page (window, "resume",
                      jk_info_page_new (N_("Build a resume"), "x-office-document-symbolic",
                                        N_("The resume builder is coming soon"),
                                        N_("Soon you can build and print a resume here, step by step. For now, please ask staff at the front desk.")));
  jk_window_add_page (window, "checkin",
                      jk_info_page_new (N_("Check in"), "x-office-calendar-symbolic",
                                        N_("Check-in is coming soon"),
                                        N_("Soon you can check in for your appointment here. For now, please tell staff at the front desk that you are here.")));
  jk_window_add_page (window, "help",
                      jk_info_page_new (N_("Help"), "help-browser-symbolic",
                                        N_("Need help? Ask staff at the front desk."),
                                        N_("Touch a big button to start. Use Back to go one step back and Home to start over. When you are done, touch \"Finish and clear my information\" so the next person cannot see what you did.")));
  return window;
}
