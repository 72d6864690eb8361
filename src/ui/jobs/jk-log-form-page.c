/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-log-form-page.c: adding a contact to the job-search log */

#define G_LOG_DOMAIN "jk-log-form-page"

#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-format.h>
#include <jobkiosk/jk-visit.h>

#include "jk-log-form-page.h"
#include "jk-log-page.h"
#include "shell/jk-retranslate.h"

#define N_METHODS 4
/* A work-search week: contacts are logged for the last two weeks at most. */
#define MAX_DAYS_BACK 14

struct _JkLogFormPage
{
  JkPage parent_instance;

  GtkLabel *date_label;
  GtkWidget *later_button;
  GtkEntry *employer_entry;
  GtkWidget *employer_error;
  GtkEntry *position_entry;
  GtkBox *method_box;
  GtkEntry *contact_entry;
  GtkEntry *result_entry;
  GtkWidget *save_button;

  GtkToggleButton *methods[N_METHODS];
  JkClock *clock;
  GDate date;
  gboolean updating;
};

static const char *const method_labels[N_METHODS] = { N_("Online"), N_("In person"), N_("Phone"), N_("Email") };

G_DEFINE_FINAL_TYPE (JkLogFormPage, jk_log_form_page, JK_TYPE_PAGE)

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static void
today (JkLogFormPage *self,
       GDate         *date)
{
  g_autoptr (GDateTime) now = jk_clock_now_local (self->clock);

  g_date_clear (date, 1);
  g_date_set_dmy (date, g_date_time_get_day_of_month (now), g_date_time_get_month (now), g_date_time_get_year (now));
}

static void
show_date (JkLogFormPage *self)
{
  g_autoptr (GDateTime) date = g_date_time_new_local (g_date_get_year (&self->date), g_date_get_month (&self->date),
                                                      g_date_get_day (&self->date), 12, 0, 0);
  g_autofree char *text = jk_format_date_long (date);
  GDate now;

  gtk_label_set_text (self->date_label, text);
  today (self, &now);
  gtk_widget_set_sensitive (self->later_button, g_date_compare (&self->date, &now) < 0);
}

static void
select_method (JkLogFormPage  *self,
               JkContactMethod method)
{
  self->updating = TRUE;
  for (int i = 0; i < N_METHODS; i++)
    gtk_toggle_button_set_active (self->methods[i], i == (int) method);
  self->updating = FALSE;
}

static JkContactMethod
selected_method (JkLogFormPage *self)
{
  for (int i = 0; i < N_METHODS; i++)
    if (gtk_toggle_button_get_active (self->methods[i]))
      return (JkContactMethod) i;
  return JK_CONTACT_ONLINE;
}

/* A new entry, with the employer and job filled in from a posting (or empty). */
static void
start (JkLogFormPage *self,
       const char    *employer,
       const char    *position)
{
  today (self, &self->date);
  show_date (self);
  select_method (self, JK_CONTACT_ONLINE);
  gtk_widget_hide (self->employer_error);
  gtk_entry_set_text (self->employer_entry, employer != NULL ? employer : "");
  gtk_entry_set_text (self->position_entry, position != NULL ? position : "");
  gtk_entry_set_text (self->contact_entry, "");
  gtk_entry_set_text (self->result_entry, position != NULL ? _("Applied") : "");
}

/* ---------------------------------------------------------------------- */
/* Signal callbacks                                                       */

static void
on_method_toggled (GtkToggleButton *button,
                   JkLogFormPage   *self)
{
  if (self->updating)
    return;
  /* Always exactly one way chosen. */
  select_method (self, (JkContactMethod) GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "jk-method")));
}

static void
on_earlier_clicked (JkLogFormPage *self)
{
  GDate now;

  today (self, &now);
  if (g_date_days_between (&self->date, &now) < MAX_DAYS_BACK)
    g_date_subtract_days (&self->date, 1);
  show_date (self);
}

static void
on_later_clicked (JkLogFormPage *self)
{
  GDate now;

  today (self, &now);
  if (g_date_compare (&self->date, &now) < 0)
    g_date_add_days (&self->date, 1);
  show_date (self);
}

static void
on_save_clicked (JkLogFormPage *self)
{
  JkSession *session = jk_page_get_session (JK_PAGE (self));
  g_autofree char *employer = g_strstrip (g_strdup (gtk_entry_get_text (self->employer_entry)));
  g_autofree char *position = g_strstrip (g_strdup (gtk_entry_get_text (self->position_entry)));
  g_autofree char *contact = g_strstrip (g_strdup (gtk_entry_get_text (self->contact_entry)));
  g_autofree char *result = g_strstrip (g_strdup (gtk_entry_get_text (self->result_entry)));

  if (employer[0] == '\0')
    {
      gtk_widget_show (self->employer_error);
      gtk_widget_grab_focus (GTK_WIDGET (self->employer_entry));
      return;
    }
  gtk_widget_hide (self->employer_error);
  jk_visit_add_log_entry (session, jk_log_entry_new (&self->date, employer, position, selected_method (self),
                                                     contact, result));
  jk_page_replace (JK_PAGE (self), &jk_log_page_info);
}

/* ---------------------------------------------------------------------- */
/* Overrides                                                              */

/* Opened with ("employer", "job title") from a posting, or with nothing. */
static gboolean
jk_log_form_page_prepare (JkPage   *page,
                          GVariant *argument)
{
  const char *employer = NULL, *position = NULL;

  if (argument != NULL)
    g_variant_get (argument, "(&s&s)", &employer, &position);
  start (JK_LOG_FORM_PAGE (page), employer, position);
  return TRUE;
}

static void
jk_log_form_page_reset (JkPage *page)
{
  JkLogFormPage *self = JK_LOG_FORM_PAGE (page);

  JK_PAGE_CLASS (jk_log_form_page_parent_class)->reset (page);
  start (self, NULL, NULL);
}

static void
jk_log_form_page_language_changed (JkPage *page)
{
  JK_PAGE_CLASS (jk_log_form_page_parent_class)->language_changed (page);
  show_date (JK_LOG_FORM_PAGE (page));
}

static void
jk_log_form_page_dispose (GObject *object)
{
  g_clear_object (&JK_LOG_FORM_PAGE (object)->clock);
  G_OBJECT_CLASS (jk_log_form_page_parent_class)->dispose (object);
}

static void
jk_log_form_page_class_init (JkLogFormPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  JkPageClass *page_class = JK_PAGE_CLASS (klass);

  object_class->dispose = jk_log_form_page_dispose;
  page_class->prepare = jk_log_form_page_prepare;
  page_class->reset = jk_log_form_page_reset;
  page_class->language_changed = jk_log_form_page_language_changed;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/jobkiosk/JobKiosk/jobs/jk-log-form-page.ui");
  gtk_widget_class_bind_template_child (widget_class, JkLogFormPage, date_label);
  gtk_widget_class_bind_template_child (widget_class, JkLogFormPage, later_button);
  gtk_widget_class_bind_template_child (widget_class, JkLogFormPage, employer_entry);
  gtk_widget_class_bind_template_child (widget_class, JkLogFormPage, employer_error);
  gtk_widget_class_bind_template_child (widget_class, JkLogFormPage, position_entry);
  gtk_widget_class_bind_template_child (widget_class, JkLogFormPage, method_box);
  gtk_widget_class_bind_template_child (widget_class, JkLogFormPage, contact_entry);
  gtk_widget_class_bind_template_child (widget_class, JkLogFormPage, result_entry);
  gtk_widget_class_bind_template_child (widget_class, JkLogFormPage, save_button);
  gtk_widget_class_bind_template_callback (widget_class, on_earlier_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_later_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked);
}

static void
jk_log_form_page_init (JkLogFormPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  jk_page_set_main_action (JK_PAGE (self), self->save_button);
  for (int i = 0; i < N_METHODS; i++)
    {
      GtkWidget *chip = gtk_toggle_button_new_with_label ("");

      self->methods[i] = GTK_TOGGLE_BUTTON (chip);
      gtk_style_context_add_class (gtk_widget_get_style_context (chip), "chip");
      jk_retranslate_set_label (GTK_LABEL (gtk_bin_get_child (GTK_BIN (chip))), method_labels[i]);
      jk_retranslate_set_a11y_name (chip, method_labels[i]);
      g_object_set_data (G_OBJECT (chip), "jk-method", GINT_TO_POINTER (i));
      g_signal_connect (chip, "toggled", G_CALLBACK (on_method_toggled), self);
      gtk_widget_show (chip);
      gtk_container_add (GTK_CONTAINER (self->method_box), chip);
    }
  jk_page_init_strings (JK_PAGE (self));
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

static JkPage *
create (const JkPageInfo   *info,
        const JkPageContext *context)
{
  JkLogFormPage *self = g_object_new (JK_TYPE_LOG_FORM_PAGE, "title", N_("I contacted an employer"), "prompt",
                                      N_("Fill in the employer, the job, the date and how you contacted them, then "
                                         "add it to your log."),
                                      NULL);

  self->clock = g_object_ref (context->clock);
  start (self, NULL, NULL);
  return JK_PAGE (self);
}

const JkPageInfo jk_log_form_page_info = { "logform", 0, create };
