/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-staff-print-queue.c: staff mode's Print queue: the printer in words, held jobs (release, reprint, cancel), a test
 * page, today's pages against the limits, and extra pages for the next visit */

#define G_LOG_DOMAIN "jk-staff-print"

#include <jobkiosk/jk-document.h>
#include <jobkiosk/jk-format.h>
#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-print.h>
#include <jobkiosk/jk-staff.h>
#include <jobkiosk/jk-task.h>

#include "print/jk-print-flow.h"
#include "jk-staff-audit.h"
#include "jk-staff-print-queue.h"

/* The override: staff add pages to the next visit's limit through the
 * print flow (jk_print_flow_grant_pages), which keeps the grant in memory
 * until that visit ends and says it on the visitor's print page. */

struct _JkStaffPrintQueue
{
  GtkBox parent_instance;

  GtkLabel *printer_label;
  GtkLabel *pages_label;
  GtkLabel *grant_label;
  GtkLabel *result_label;
  GtkButton *test_button;
  GtkButton *grant5_button;
  GtkButton *grant10_button;
  GtkButton *withdraw_button;
  GtkListBox *list;

  const JkPageContext *page_context;
  char *staff_name;
  char *database_path;
  GCancellable *cancellable;   /* every worker; cancelled at destroy */
  guint busy;
  char *result;
};

typedef enum {
  ACTION_LOAD,
  ACTION_RELEASE,
  ACTION_CANCEL,
  ACTION_REPRINT,
  ACTION_TEST_PAGE,
} Action;

typedef struct {
  Action action;
  const JkConfig *config;
  char *database_path;
  char *actor;
  gint64 id;                   /* the job acted on */
  GDateTime *now;
  /* out */
  JkPrinterStatus status;
  gboolean status_read;
  GPtrArray *jobs;             /* JkPrintJobInfo */
  guint pages_today;
  char *message;               /* what the action did, in words */
} PrintWork;

G_DEFINE_FINAL_TYPE (JkStaffPrintQueue, jk_staff_print_queue, GTK_TYPE_BOX)

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static void
print_work_free (PrintWork *work)
{
  g_free (work->database_path);
  g_free (work->actor);
  g_date_time_unref (work->now);
  jk_printer_status_clear (&work->status);
  g_clear_pointer (&work->jobs, g_ptr_array_unref);
  g_free (work->message);
  g_free (work);
}

static const char *
describe_job_state (JkPrintJobState state)
{
  switch (state)
    {
    case JK_PRINT_JOB_STATE_HELD:
      return _("Held: waiting for release");
    case JK_PRINT_JOB_STATE_PRINTING:
      return _("Printing");
    case JK_PRINT_JOB_STATE_PRINTED:
      return _("Printed");
    case JK_PRINT_JOB_STATE_WAITING:
      return _("Waiting for the printer");
    case JK_PRINT_JOB_STATE_CANCELED:
      return _("Canceled");
    case JK_PRINT_JOB_STATE_FAILED:
    default:
      return _("Failed");
    }
}

/* "Printer kiosk-pdf: ready" or what stops it, and its reasons in words. */
static char *
describe_printer (const JkPrinterStatus *status,
                  gboolean               read)
{
  g_autoptr (GString) text = g_string_new (NULL);
  const char *name = status->name != NULL ? status->name : _("the default printer");

  if (!read || !status->found)
    {
      /* TRANSLATORS: %s is the CUPS queue's name */
      g_string_printf (text, _("Printer %s: not found, or CUPS cannot be reached."), name);
      return g_string_free (g_steal_pointer (&text), FALSE);
    }
  if (!status->out_of_service)
    /* TRANSLATORS: %s is the CUPS queue's name */
    g_string_printf (text, status->state == JK_PRINTER_STATE_PROCESSING ? _("Printer %s: printing.")
                                                                         : _("Printer %s: ready."), name);
  else
    /* TRANSLATORS: %s is the CUPS queue's name */
    g_string_printf (text, _("Printer %s: cannot print now."), name);
  if (!status->accepting)
    g_string_append_printf (text, " %s", _("It is not taking new jobs."));
  for (guint i = 0; status->reasons != NULL && status->reasons[i] != NULL; i++)
    {
      const char *words = jk_printer_reason_words (status->reasons[i]);

      if (g_str_equal (status->reasons[i], "none"))
        continue;
      g_string_append (text, i == 0 ? " " : ", ");
      g_string_append (text, words != NULL ? _(words) : status->reasons[i]);
    }
  if (status->printer_message != NULL && *status->printer_message != '\0')
    /* TRANSLATORS: the printer's own words */
    g_string_append_printf (text, " %s", status->printer_message);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
describe_pages (const JkConfig *config,
                guint           pages_today)
{
  g_autofree char *today = NULL;
  g_autofree char *visit = NULL;

  if (config->print_day_limit != 0)
    /* TRANSLATORS: today's printed pages against the kiosk's daily limit */
    today = g_strdup_printf (jk_ngettext ("Today: %u page printed of %u allowed.",
                                          "Today: %u pages printed of %u allowed.", pages_today),
                             pages_today, config->print_day_limit);
  else
    today = g_strdup_printf (jk_ngettext ("Today: %u page printed, no daily limit.",
                                          "Today: %u pages printed, no daily limit.", pages_today),
                             pages_today);
  if (config->print_visit_limit != 0)
    visit = g_strdup_printf (jk_ngettext ("Each visit may print %u page.", "Each visit may print %u pages.",
                                          config->print_visit_limit),
                             config->print_visit_limit);
  else
    visit = g_strdup (_("Visits have no page limit."));
  return g_strdup_printf ("%s %s", today, visit);
}

static void
show_grant (JkStaffPrintQueue *self)
{
  JkPrintFlow *flow = self->page_context->print_flow;
  guint granted = flow != NULL ? jk_print_flow_get_granted_pages (flow) : 0;
  gboolean limited = self->page_context->config->print_visit_limit != 0 && flow != NULL;
  g_autofree char *text = NULL;

  if (!limited)
    text = g_strdup (_("Extra pages: visits have no page limit to go beyond."));
  else if (granted == 0)
    text = g_strdup (_("Let the next visitor print more than the visit's limit, once:"));
  else
    text = g_strdup_printf (jk_ngettext ("The next visitor may print %u page more than the limit.",
                                         "The next visitor may print %u pages more than the limit.", granted),
                            granted);
  gtk_label_set_text (self->grant_label, text);
  gtk_widget_set_sensitive (GTK_WIDGET (self->grant5_button), limited);
  gtk_widget_set_sensitive (GTK_WIDGET (self->grant10_button), limited);
  gtk_widget_set_visible (GTK_WIDGET (self->withdraw_button), granted != 0);
}

static void
show_result (JkStaffPrintQueue *self,
             const char   *text)
{
  g_free (self->result);
  self->result = g_strdup (text);
  gtk_label_set_text (self->result_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->result_label), text != NULL);
}

static void on_job_action_clicked (GtkButton *button, JkStaffPrintQueue *self);

static GtkWidget *
make_job_button (JkStaffPrintQueue         *self,
                 const JkPrintJobInfo *info,
                 Action                action,
                 const char           *label)
{
  GtkWidget *button = gtk_button_new_with_label (label);
  /* TRANSLATORS: a button's accessible name: the action and the job ("Release: job 4") */
  g_autofree char *name = g_strdup_printf (_("%s: job %lld"), label, (long long) info->id);

  g_object_set_data (G_OBJECT (button), "jk-job-id", GINT_TO_POINTER ((int) info->id));
  g_object_set_data (G_OBJECT (button), "jk-action", GINT_TO_POINTER (action));
  atk_object_set_name (gtk_widget_get_accessible (button), name);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect (button, "clicked", G_CALLBACK (on_job_action_clicked), self);
  return button;
}

static GtkWidget *
make_job_row (JkStaffPrintQueue         *self,
              const JkPrintJobInfo *info)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 16);
  GtkWidget *words = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  g_autoptr (GDateTime) submitted = g_date_time_new_from_unix_local (info->submitted);
  g_autofree char *time = jk_format_time_of_day (submitted);
  /* TRANSLATORS: a print job: its number, kind of printout, pages × copies, when */
  g_autofree char *title = g_strdup_printf (jk_ngettext ("Job %lld: %s, %u page × %u, %s",
                                                         "Job %lld: %s, %u pages × %u, %s", info->pages),
                                            (long long) info->id, info->kind, info->pages, info->copies, time);
  const char *state = describe_job_state (info->state);
  gboolean has_message = info->message != NULL && *info->message != '\0';
  g_autofree char *sentence = g_strdup_printf ("%s. %s. %s", title, state, has_message ? info->message : "");
  GtkWidget *label;

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_style_context_add_class (gtk_widget_get_style_context (box), "log-row");
  label = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_line_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_style_context_add_class (gtk_widget_get_style_context (label), "card-title");
  gtk_box_pack_start (GTK_BOX (words), label, FALSE, FALSE, 0);
  label = gtk_label_new (state);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_style_context_add_class (gtk_widget_get_style_context (label), "card-when");
  gtk_box_pack_start (GTK_BOX (words), label, FALSE, FALSE, 0);
  if (has_message)
    {
      label = gtk_label_new (info->message);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_line_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 50);
      gtk_box_pack_start (GTK_BOX (words), label, FALSE, FALSE, 0);
    }
  gtk_box_pack_start (GTK_BOX (box), words, TRUE, TRUE, 0);

  if (info->state == JK_PRINT_JOB_STATE_HELD)
    gtk_box_pack_start (GTK_BOX (buttons), make_job_button (self, info, ACTION_RELEASE, _("Release")), FALSE, FALSE, 0);
  if (info->state == JK_PRINT_JOB_STATE_PRINTED)
    gtk_box_pack_start (GTK_BOX (buttons), make_job_button (self, info, ACTION_REPRINT, _("Reprint")), FALSE, FALSE, 0);
  if (info->state == JK_PRINT_JOB_STATE_HELD || info->state == JK_PRINT_JOB_STATE_WAITING ||
      info->state == JK_PRINT_JOB_STATE_PRINTING)
    gtk_box_pack_start (GTK_BOX (buttons), make_job_button (self, info, ACTION_CANCEL, _("Cancel job")), FALSE, FALSE,
                        0);
  /* Room for the buttons' focus ring when the row ends the view. */
  g_object_set (buttons, "margin-top", 10, "margin-bottom", 10, NULL);
  gtk_box_pack_end (GTK_BOX (box), buttons, FALSE, FALSE, 0);
  gtk_container_add (GTK_CONTAINER (row), box);
  atk_object_set_name (gtk_widget_get_accessible (row), sentence);
  gtk_widget_show_all (row);
  return row;
}

static void
show_jobs (JkStaffPrintQueue *self,
           GPtrArray    *jobs)
{
  g_autoptr (GList) children = gtk_container_get_children (GTK_CONTAINER (self->list));

  for (GList *l = children; l != NULL; l = l->next)
    gtk_widget_destroy (l->data);
  if (jobs->len == 0)
    {
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *label = gtk_label_new (_("No print jobs today."));

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_container_add (GTK_CONTAINER (row), label);
      gtk_widget_show_all (row);
      gtk_container_add (GTK_CONTAINER (self->list), row);
    }
  for (guint i = 0; i < jobs->len; i++)
    gtk_container_add (GTK_CONTAINER (self->list), make_job_row (self, jobs->pdata[i]));
}

static PrintWork *
print_work_new (JkStaffPrintQueue *self,
                Action        action)
{
  PrintWork *work = g_new0 (PrintWork, 1);

  work->action = action;
  work->config = self->page_context->config;
  work->database_path = g_strdup (self->database_path);
  work->actor = g_strdup (self->staff_name);
  work->now = jk_clock_now_local (self->page_context->clock);
  return work;
}

static gboolean
audit (PrintWork   *work,
       const char  *action,
       GError     **error)
{
  g_autofree char *detail = work->id != 0 ? g_strdup_printf ("job %" G_GINT64_FORMAT, work->id) : NULL;

  return jk_audit_add (work->database_path, work->actor, action, detail, g_date_time_to_unix (work->now), error);
}

/* The test page goes to the configured printer at once: never held, no
 * limit (a staff decision, as a reprint is). */
static gboolean
print_test_page (JkStore         *store,
                 JkPrintOptions  *options,
                 PrintWork       *work,
                 GError         **error)
{
  JkPrintOptions direct = *options;
  JkDocumentContext context = { work->config->center_name,
                                g_strcmp0 (work->config->print_paper, "a4") == 0 ? JK_PAPER_A4 : JK_PAPER_LETTER,
                                work->now, NULL, work->config };
  JkPrinterStatus status = { 0 };
  JkTestPageInput input = { work->config->kiosk_name, NULL };
  g_autoptr (JkDocument) document = NULL;
  JkPrintResult result = { 0 };
  gboolean ok;

  jk_printer_get_status (options, &status, NULL);
  input.printer_name = status.name != NULL ? status.name : options->printer;
  document = jk_document_render (&jk_document_test_page, &context, &input, error);
  jk_printer_status_clear (&status);
  if (document == NULL)
    return FALSE;
  direct.hold_for_release = FALSE;
  direct.visit_page_limit = 0;
  direct.day_page_limit = 0;
  ok = jk_print_pdf (store, &direct, jk_document_get_pdf (document), jk_document_test_page.id, 1, 0, work->now,
                     &result, NULL, error);
  if (ok)
    work->message = g_strdup (result.message);
  jk_print_result_clear (&result);
  return ok;
}

/* Worker thread: CUPS calls block; its own writer (the list follows jobs' states). */
static gboolean
print_work (gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  PrintWork *work = data;
  g_autoptr (JkStore) store = jk_store_open_writer (work->database_path, error);
  JkPrintOptions options;
  JkPrintResult result = { 0 };
  gboolean ok = TRUE;

  if (store == NULL)
    return FALSE;
  jk_print_options_init (&options, work->config, work->database_path);
  switch (work->action)
    {
    case ACTION_RELEASE:
      ok = jk_print_release (store, &options, work->id, error) && audit (work, "print-release", error);
      if (ok)
        work->message = g_strdup_printf (_("Job %lld was sent to the printer."), (long long) work->id);
      break;
    case ACTION_CANCEL:
      ok = jk_print_cancel (store, &options, work->id, error) && audit (work, "print-cancel", error);
      if (ok)
        work->message = g_strdup_printf (_("Job %lld was canceled. Its pages were not counted."),
                                         (long long) work->id);
      break;
    case ACTION_REPRINT:
      ok = jk_print_reprint (store, &options, work->id, work->now, &result, error) &&
           audit (work, "print-reprint", error);
      if (ok)
        work->message = g_strdup (result.message);
      jk_print_result_clear (&result);
      break;
    case ACTION_TEST_PAGE:
      ok = print_test_page (store, &options, work, error) && audit (work, "print-test-page", error);
      break;
    case ACTION_LOAD:
    default:
      break;
    }
  /* After any action, what the section shows is read again. */
  if (ok)
    {
      work->status_read = jk_printer_get_status (&options, &work->status, NULL);
      work->jobs = jk_print_list_jobs (store, &options, error);
      work->pages_today = jk_print_pages_today (store, work->now);
      ok = work->jobs != NULL;
    }
  jk_print_options_clear (&options);
  return ok;
}

/* ---------------------------------------------------------------------- */
/* Signal callbacks                                                       */

static void
on_done (gpointer      source,
         gpointer      data,
         const GError *error)
{
  JkStaffPrintQueue *self = JK_STAFF_PRINT_QUEUE (source);
  PrintWork *work = data;
  g_autofree char *printer = NULL;
  g_autofree char *pages = NULL;

  self->busy--;
  gtk_widget_set_sensitive (GTK_WIDGET (self->list), TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->test_button), TRUE);
  if (error != NULL)
    {
      g_warning ("Print queue: %s", error->message);
      show_result (self, error->message);
      if (work->action != ACTION_LOAD)
        jk_staff_print_queue_refresh (self);
      return;
    }
  if (work->action != ACTION_LOAD)
    show_result (self, work->message);
  printer = describe_printer (&work->status, work->status_read);
  gtk_label_set_text (self->printer_label, printer);
  pages = describe_pages (work->config, work->pages_today);
  gtk_label_set_text (self->pages_label, pages);
  show_jobs (self, work->jobs);
  show_grant (self);
}

static void
run (JkStaffPrintQueue *self,
     PrintWork    *work)
{
  self->busy++;
  jk_task_run (self, self->cancellable, "jk-staff-print", print_work, on_done, work, (GDestroyNotify) print_work_free);
}

static void
on_job_action_clicked (GtkButton    *button,
                       JkStaffPrintQueue *self)
{
  PrintWork *work = print_work_new (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "jk-action")));

  work->id = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "jk-job-id"));
  /* One action at a time: no second tap on a job being released. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->list), FALSE);
  run (self, work);
}

static void
on_test_clicked (JkStaffPrintQueue *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->test_button), FALSE);
  show_result (self, _("Printing a test page…"));
  run (self, print_work_new (self, ACTION_TEST_PAGE));
}

static void
on_refresh_clicked (JkStaffPrintQueue *self)
{
  jk_staff_print_queue_refresh (self);
}

static void
grant (JkStaffPrintQueue *self,
       guint         pages)
{
  JkPrintFlow *flow = self->page_context->print_flow;
  g_autoptr (GDateTime) now = jk_clock_now_local (self->page_context->clock);
  g_autofree char *detail = g_strdup_printf ("next visit: %u extra pages", pages);

  jk_print_flow_grant_pages (flow, pages);
  jk_staff_audit_later (self, self->cancellable, self->database_path, self->staff_name,
                        pages != 0 ? "print-grant-pages" : "print-withdraw-pages", detail, g_date_time_to_unix (now));
  show_grant (self);
}

static void
on_grant_clicked (GtkButton    *button,
                  JkStaffPrintQueue *self)
{
  grant (self, button == self->grant5_button ? 5 : 10);
}

static void
on_withdraw_clicked (JkStaffPrintQueue *self)
{
  grant (self, 0);
}

/* ---------------------------------------------------------------------- */
/* Overrides                                                              */

static void
jk_staff_print_queue_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (jk_staff_print_queue_parent_class)->map (widget);
  jk_staff_print_queue_refresh (JK_STAFF_PRINT_QUEUE (widget));
}

static void
jk_staff_print_queue_destroy (GtkWidget *widget)
{
  JkStaffPrintQueue *self = JK_STAFF_PRINT_QUEUE (widget);

  g_cancellable_cancel (self->cancellable);
  GTK_WIDGET_CLASS (jk_staff_print_queue_parent_class)->destroy (widget);
}

static void
jk_staff_print_queue_finalize (GObject *object)
{
  JkStaffPrintQueue *self = JK_STAFF_PRINT_QUEUE (object);

  g_clear_object (&self->cancellable);
  g_free (self->staff_name);
  g_free (self->database_path);
  g_free (self->result);
  G_OBJECT_CLASS (jk_staff_print_queue_parent_class)->finalize (object);
}

static void
jk_staff_print_queue_class_init (JkStaffPrintQueueClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = jk_staff_print_queue_finalize;
  widget_class->map = jk_staff_print_queue_map;
  widget_class->destroy = jk_staff_print_queue_destroy;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/jobkiosk/JobKiosk/staff/jk-staff-print-queue.ui");
  gtk_widget_class_bind_template_child (widget_class, JkStaffPrintQueue, printer_label);
  gtk_widget_class_bind_template_child (widget_class, JkStaffPrintQueue, pages_label);
  gtk_widget_class_bind_template_child (widget_class, JkStaffPrintQueue, grant_label);
  gtk_widget_class_bind_template_child (widget_class, JkStaffPrintQueue, result_label);
  gtk_widget_class_bind_template_child (widget_class, JkStaffPrintQueue, test_button);
  gtk_widget_class_bind_template_child (widget_class, JkStaffPrintQueue, grant5_button);
  gtk_widget_class_bind_template_child (widget_class, JkStaffPrintQueue, grant10_button);
  gtk_widget_class_bind_template_child (widget_class, JkStaffPrintQueue, withdraw_button);
  gtk_widget_class_bind_template_child (widget_class, JkStaffPrintQueue, list);
  gtk_widget_class_bind_template_callback (widget_class, on_test_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_refresh_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_grant_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_withdraw_clicked);
  gtk_widget_class_set_css_name (widget_class, "jkstaffprint");
}

static void
jk_staff_print_queue_init (JkStaffPrintQueue *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

static GtkWidget *
create_section (const JkStaffContext *context)
{
  return jk_staff_print_queue_new (context);
}

const JkStaffSectionInfo jk_staff_print_queue_section = {
  .name = "print",
  .title = N_("Print queue"),
  .icon = "printer-symbolic",
  .create = create_section,
};

GtkWidget *
jk_staff_print_queue_new (const JkStaffContext *context)
{
  JkStaffPrintQueue *self = g_object_new (JK_TYPE_STAFF_PRINT_QUEUE, NULL);

  self->page_context = context->context;
  self->staff_name = g_strdup (context->staff_name);
  self->database_path = g_strdup (context->database_path);
  show_grant (self);
  return GTK_WIDGET (self);
}

void
jk_staff_print_queue_refresh (JkStaffPrintQueue *self)
{
  g_return_if_fail (JK_IS_STAFF_PRINT_QUEUE (self));

  run (self, print_work_new (self, ACTION_LOAD));
}

gboolean
jk_staff_print_queue_is_busy (JkStaffPrintQueue *self)
{
  g_return_val_if_fail (JK_IS_STAFF_PRINT_QUEUE (self), FALSE);

  return self->busy > 0;
}

const char *
jk_staff_print_queue_get_result (JkStaffPrintQueue *self)
{
  g_return_val_if_fail (JK_IS_STAFF_PRINT_QUEUE (self), NULL);

  return self->result;
}
