/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-staff-resume.c: staff mode's Help with a resume: open a saved resume by code and PIN, print it for the client */

#define G_LOG_DOMAIN "jk-staff-resume"

#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-resume-vault.h>
#include <jobkiosk/jk-staff-print.h>
#include <jobkiosk/jk-staff.h>
#include <jobkiosk/jk-task.h>

#include "jk-staff-resume.h"

struct _JkStaffResume
{
  GtkBox parent_instance;

  const JkPageContext *context;
  char *staff_name;
  char *database_path;
  GCancellable *cancellable;
  gboolean busy;
  JkResume *resume;       /* the client's, while shown */
  char *code;             /* its code, for the audit */

  GtkEntry *code_entry;
  GtkEntry *pin_entry;
  GtkLabel *error_label;
  GtkLabel *name_label;
  GtkLabel *summary_label;
  GtkLabel *status_label;
  GtkWidget *open_button;
  GtkWidget *print_button;
};

G_DEFINE_FINAL_TYPE (JkStaffResume, jk_staff_resume, GTK_TYPE_BOX)

typedef struct {
  const JkConfig *config;
  char *database_path;
  char *code;
  char *pin;
  gint64 now;
  JkResume *resume;
  /* print */
  JkDocumentRequest *request;
  char *actor;
  JkPrintResult result;
} ResumeWork;

static void
resume_work_free (gpointer data)
{
  ResumeWork *work = data;

  g_free (work->database_path);
  g_free (work->code);
  if (work->pin != NULL)
    memset (work->pin, 0, strlen (work->pin));
  g_free (work->pin);
  g_clear_pointer (&work->resume, jk_resume_free);
  g_clear_pointer (&work->request, jk_document_request_free);
  g_free (work->actor);
  jk_print_result_clear (&work->result);
  g_free (work);
}

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static void
update_buttons (JkStaffResume *self)
{
  gtk_widget_set_sensitive (self->open_button, !self->busy);
  gtk_widget_set_sensitive (self->print_button, !self->busy && self->resume != NULL);
}

/* Forgets the client's resume and what was typed. */
static void
clear (JkStaffResume *self)
{
  g_clear_pointer (&self->resume, jk_resume_free);
  g_clear_pointer (&self->code, g_free);
  gtk_entry_set_text (self->code_entry, "");
  gtk_entry_set_text (self->pin_entry, "");
  for (GtkLabel **label = (GtkLabel *[]) { self->error_label, self->name_label, self->summary_label, NULL };
       *label != NULL; label++)
    {
      gtk_label_set_text (*label, "");
      gtk_widget_hide (GTK_WIDGET (*label));
    }
  gtk_label_set_text (self->status_label, "");
  update_buttons (self);
}

static void
show_label (GtkLabel   *label,
            const char *text)
{
  gtk_label_set_text (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
}

/* A few lines to tell it is the right one: the name, the headline, the
 * latest job, and how much it holds. */
static void
show_resume (JkStaffResume *self)
{
  const JkResume *resume = self->resume;
  g_autoptr (GString) summary = g_string_new (NULL);

  show_label (self->name_label, resume->basics.name != NULL && *resume->basics.name != '\0'
                                  ? resume->basics.name : _("(no name on this resume)"));
  if (resume->basics.label != NULL && *resume->basics.label != '\0')
    g_string_append_printf (summary, "%s\n", resume->basics.label);
  if (resume->work != NULL && resume->work->len > 0)
    {
      const JkResumeWork *work = resume->work->pdata[0];

      /* TRANSLATORS: a saved resume's latest job: "Cook, Diner on Main" */
      g_string_append_printf (summary, _("%s, %s"), work->position != NULL ? work->position : "",
                              work->name != NULL ? work->name : "");
      g_string_append_c (summary, '\n');
    }
  g_string_append_printf (summary,
                          /* TRANSLATORS: what a saved resume holds: "3 jobs, 1 school, 5 skills" */
                          _("Jobs: %u. Schools: %u. Skills: %u."),
                          resume->work != NULL ? resume->work->len : 0,
                          resume->education != NULL ? resume->education->len : 0,
                          resume->skills != NULL ? resume->skills->len : 0);
  show_label (self->summary_label, summary->str);
}

/* ---------------------------------------------------------------------- */
/* Workers                                                                */

static gboolean
open_work (gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  ResumeWork *work = data;
  g_autoptr (JkResumeVault) vault = jk_resume_vault_new (work->config, work->database_path, error);
  guint tries_left = 0;

  if (vault == NULL)
    return FALSE;
  work->resume = jk_resume_vault_open (vault, work->code, work->pin, work->now, &tries_left, error);
  return work->resume != NULL;
}

static void
on_opened (gpointer      source,
           gpointer      data,
           const GError *error)
{
  JkStaffResume *self = source;
  ResumeWork *work = data;

  self->busy = FALSE;
  gtk_entry_set_text (self->pin_entry, "");
  gtk_label_set_text (self->status_label, "");
  if (error != NULL)
    {
      /* The vault's own words: "That PIN is not right…", "No resume…". */
      show_label (self->error_label, error->message);
      update_buttons (self);
      return;
    }
  self->resume = g_steal_pointer (&work->resume);
  self->code = g_strdup (work->code);
  show_resume (self);
  update_buttons (self);
  gtk_widget_grab_focus (self->print_button);
}

static gboolean
print_work (gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  ResumeWork *work = data;
  g_autoptr (GError) audit_error = NULL;

  if (!jk_staff_print (work->config, work->database_path, work->request, &work->result, cancellable, error))
    return FALSE;
  /* The code alone: never the client's name or anything of the resume. */
  if (!jk_audit_add (work->database_path, work->actor, "resume-print", work->code, work->now, &audit_error))
    g_warning ("Resume printed but not written to the audit log: %s", audit_error->message);
  return TRUE;
}

static void
on_printed (gpointer      source,
            gpointer      data,
            const GError *error)
{
  JkStaffResume *self = source;

  self->busy = FALSE;
  update_buttons (self);
  if (error != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Not printed: %s"), error->message);

      gtk_label_set_text (self->status_label, text);
    }
  else
    gtk_label_set_text (self->status_label, _("The resume is printing."));
}

static ResumeWork *
new_work (JkStaffResume *self)
{
  ResumeWork *work = g_new0 (ResumeWork, 1);
  g_autoptr (GDateTime) now = jk_clock_now_local (self->context->clock);

  work->config = self->context->config;
  work->database_path = g_strdup (self->database_path);
  work->now = g_date_time_to_unix (now);
  work->actor = g_strdup (self->staff_name);
  return work;
}

/* ---------------------------------------------------------------------- */
/* Signal callbacks                                                       */

static void
on_open_clicked (JkStaffResume *self)
{
  g_autofree char *code = jk_resume_code_normalize (gtk_entry_get_text (self->code_entry));
  const char *pin = gtk_entry_get_text (self->pin_entry);
  ResumeWork *work;

  if (self->busy)
    return;
  g_clear_pointer (&self->resume, jk_resume_free);
  g_clear_pointer (&self->code, g_free);
  show_label (self->name_label, NULL);
  show_label (self->summary_label, NULL);
  show_label (self->error_label, NULL);
  if (code == NULL)
    {
      show_label (self->error_label, _("A code is 8 letters and numbers, as on the client's slip."));
      gtk_widget_grab_focus (GTK_WIDGET (self->code_entry));
      update_buttons (self);
      return;
    }
  if (!jk_resume_pin_is_valid (pin))
    {
      show_label (self->error_label, _("A PIN is 4 to 6 numbers."));
      gtk_widget_grab_focus (GTK_WIDGET (self->pin_entry));
      update_buttons (self);
      return;
    }
  work = new_work (self);
  work->code = g_steal_pointer (&code);
  work->pin = g_strdup (pin);
  self->busy = TRUE;
  update_buttons (self);
  gtk_label_set_text (self->status_label, _("Opening…"));
  jk_task_run (self, self->cancellable, "staff-resume-open", open_work, on_opened, work, resume_work_free);
}

static void
on_print_clicked (JkStaffResume *self)
{
  const JkConfig *config = self->context->config;
  JkResumeDocInput input = { .resume = self->resume, .template_id = JK_RESUME_TEMPLATE_SKILLS };
  JkDocumentContext context = { 0 };
  ResumeWork *work;

  if (self->busy || self->resume == NULL)
    return;
  context.center_name = config->center_name;
  context.paper = g_strcmp0 (config->print_paper, "a4") == 0 ? JK_PAPER_A4 : JK_PAPER_LETTER;
  context.language = jk_session_get_language (self->context->session);
  context.config = config;
  work = new_work (self);
  work->code = g_strdup (self->code);
  work->request = jk_document_request_new (&jk_document_resume, &input, &context);
  self->busy = TRUE;
  update_buttons (self);
  gtk_label_set_text (self->status_label, _("Printing…"));
  jk_task_run (self, self->cancellable, "staff-resume-print", print_work, on_printed, work, resume_work_free);
}

static void
on_clear_clicked (JkStaffResume *self)
{
  if (self->busy)
    return;
  clear (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->code_entry));
}

/* ---------------------------------------------------------------------- */
/* Overrides                                                              */

static void
jk_staff_resume_dispose (GObject *object)
{
  JkStaffResume *self = JK_STAFF_RESUME (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->resume, jk_resume_free);
  g_clear_pointer (&self->code, g_free);
  G_OBJECT_CLASS (jk_staff_resume_parent_class)->dispose (object);
}

static void
jk_staff_resume_finalize (GObject *object)
{
  JkStaffResume *self = JK_STAFF_RESUME (object);

  g_free (self->staff_name);
  g_free (self->database_path);
  G_OBJECT_CLASS (jk_staff_resume_parent_class)->finalize (object);
}

static void
jk_staff_resume_class_init (JkStaffResumeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jk_staff_resume_dispose;
  object_class->finalize = jk_staff_resume_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/jobkiosk/JobKiosk/staff/jk-staff-resume.ui");
  gtk_widget_class_bind_template_child (widget_class, JkStaffResume, code_entry);
  gtk_widget_class_bind_template_child (widget_class, JkStaffResume, pin_entry);
  gtk_widget_class_bind_template_child (widget_class, JkStaffResume, error_label);
  gtk_widget_class_bind_template_child (widget_class, JkStaffResume, name_label);
  gtk_widget_class_bind_template_child (widget_class, JkStaffResume, summary_label);
  gtk_widget_class_bind_template_child (widget_class, JkStaffResume, status_label);
  gtk_widget_class_bind_template_child (widget_class, JkStaffResume, open_button);
  gtk_widget_class_bind_template_child (widget_class, JkStaffResume, print_button);
  gtk_widget_class_bind_template_callback (widget_class, on_open_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_print_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_clicked);
}

static void
jk_staff_resume_init (JkStaffResume *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  update_buttons (self);
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

GtkWidget *
jk_staff_resume_new (const JkStaffContext *context)
{
  JkStaffResume *self = g_object_new (JK_TYPE_STAFF_RESUME, NULL);

  self->context = context->context;
  self->staff_name = g_strdup (context->staff_name);
  self->database_path = g_strdup (context->database_path);
  return GTK_WIDGET (self);
}

gboolean
jk_staff_resume_is_busy (JkStaffResume *self)
{
  g_return_val_if_fail (JK_IS_STAFF_RESUME (self), FALSE);

  return self->busy;
}

const JkStaffSectionInfo jk_staff_resume_section = {
  .name = "resume",
  .title = N_("Help with a resume"),
  .icon = "document-print-symbolic",
  .create = jk_staff_resume_new,
};
