/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-log-page.c: the job-search log of this visit */

#define G_LOG_DOMAIN "jk-log-page"

#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-format.h>
#include <jobkiosk/jk-visit.h>

#include "jk-log-form-page.h"
#include "jk-log-page.h"
#include "mail/jk-mail-flow.h"
#include "print/jk-print-flow.h"

struct _JkLogPage
{
  JkPage parent_instance;

  GtkEntry *name_entry;
  GtkWidget *empty_label;
  GtkListBox *entries_list;
  GtkWidget *print_button;
  GtkWidget *email_button;

  JkClock *clock;
  JkPrintFlow *print_flow;
  JkMailFlow *mail_flow;
  gboolean filling;
};

G_DEFINE_FINAL_TYPE (JkLogPage, jk_log_page, JK_TYPE_PAGE)

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static GtkWidget *
make_row (const JkLogEntry *entry)
{
  GDateTime *date = g_date_time_new_local (g_date_get_year (&entry->date), g_date_get_month (&entry->date),
                                           g_date_get_day (&entry->date), 12, 0, 0);
  g_autofree char *day = jk_format_date_short (date);
  g_autoptr (GString) text = g_string_new (NULL);
  g_autofree char *name = NULL;
  GtkWidget *label, *row;

  g_date_time_unref (date);
  /* TRANSLATORS: a log row: date, employer, position, how */
  g_string_append_printf (text, _("%s · %s · %s · %s"), day, entry->employer,
                          entry->position != NULL ? entry->position : "", jk_contact_method_to_label (entry->method));
  if (entry->contact != NULL)
    g_string_append_printf (text, " · %s", entry->contact);
  if (entry->result != NULL)
    g_string_append_printf (text, " · %s", entry->result);
  label = gtk_label_new (NULL);
  gtk_label_set_text (GTK_LABEL (label), text->str);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  /* Employer and position come from postings: a word wider than the row
   * breaks between letters rather than widening the window. */
  gtk_label_set_line_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_line_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_style_context_add_class (gtk_widget_get_style_context (label), "log-row");
  gtk_widget_show (label);

  /* A list item a screen reader names by who, what and when. */
  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  name = entry->position != NULL && entry->position[0] != '\0'
           ? g_strjoin (", ", entry->employer, entry->position, day, NULL)
           : g_strjoin (", ", entry->employer, day, NULL);
  atk_object_set_name (gtk_widget_get_accessible (row), name);
  gtk_container_add (GTK_CONTAINER (row), label);
  gtk_widget_show (row);
  return row;
}

static void
rebuild (JkLogPage *self)
{
  JkSession *session = jk_page_get_session (JK_PAGE (self));
  GPtrArray *log = session != NULL ? jk_visit_get_log (session) : NULL;
  const char *name = session != NULL ? jk_visit_get_name (session) : NULL;
  GList *old = gtk_container_get_children (GTK_CONTAINER (self->entries_list));
  guint n = log != NULL ? log->len : 0;

  for (GList *l = old; l != NULL; l = l->next)
    gtk_widget_destroy (l->data);
  g_list_free (old);
  for (guint i = 0; i < n; i++)
    gtk_container_add (GTK_CONTAINER (self->entries_list), make_row (log->pdata[i]));
  gtk_widget_set_visible (self->empty_label, n == 0);
  /* Offered only where the center has a mail relay. */
  gtk_widget_set_visible (self->email_button, jk_mail_flow_is_enabled (self->mail_flow));
  self->filling = TRUE;
  gtk_entry_set_text (self->name_entry, name != NULL ? name : "");
  self->filling = FALSE;
}

/* ---------------------------------------------------------------------- */
/* Signal callbacks                                                       */

static void
on_name_changed (JkLogPage *self)
{
  JkSession *session = jk_page_get_session (JK_PAGE (self));

  if (!self->filling && session != NULL)
    jk_visit_set_name (session, gtk_entry_get_text (self->name_entry));
}

static void
on_add_clicked (JkLogPage *self)
{
  jk_page_navigate (JK_PAGE (self), &jk_log_form_page_info, NULL);
}

/* The log as printed or emailed. Only read: the flows copy it before they render. */
static JkSearchLogInput
make_input (JkLogPage *self)
{
  JkSession *session = jk_page_get_session (JK_PAGE (self));
  g_autoptr (GDateTime) now = jk_clock_now_local (self->clock);
  JkSearchLogInput input = {
    .visitor_name = (char *) jk_visit_get_name (session),
    .entries = jk_visit_get_log (session),
  };

  /* The week that ends today: what a weekly work-search form covers. */
  g_date_clear (&input.week_start, 1);
  g_date_set_dmy (&input.week_start, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  g_date_subtract_days (&input.week_start, 6);
  return input;
}

static void
on_print_clicked (JkLogPage *self)
{
  JkSearchLogInput input = make_input (self);

  jk_print_flow_show (self->print_flow, JK_PAGE (self), &jk_document_search_log, &input);
}

static void
on_email_clicked (JkLogPage *self)
{
  JkSearchLogInput input = make_input (self);

  jk_mail_flow_show (self->mail_flow, JK_PAGE (self), &jk_document_search_log, &input);
}

/* ---------------------------------------------------------------------- */
/* Overrides                                                              */

static void
jk_log_page_enter (JkPage *page)
{
  rebuild (JK_LOG_PAGE (page));
}

static void
jk_log_page_reset (JkPage *page)
{
  JK_PAGE_CLASS (jk_log_page_parent_class)->reset (page);
  rebuild (JK_LOG_PAGE (page));
}

static void
jk_log_page_language_changed (JkPage *page)
{
  JK_PAGE_CLASS (jk_log_page_parent_class)->language_changed (page);
  rebuild (JK_LOG_PAGE (page));
}

static void
jk_log_page_dispose (GObject *object)
{
  g_clear_object (&JK_LOG_PAGE (object)->clock);
  g_clear_object (&JK_LOG_PAGE (object)->print_flow);
  g_clear_object (&JK_LOG_PAGE (object)->mail_flow);
  G_OBJECT_CLASS (jk_log_page_parent_class)->dispose (object);
}

static void
jk_log_page_class_init (JkLogPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  JkPageClass *page_class = JK_PAGE_CLASS (klass);

  object_class->dispose = jk_log_page_dispose;
  page_class->enter = jk_log_page_enter;
  page_class->reset = jk_log_page_reset;
  page_class->language_changed = jk_log_page_language_changed;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/jobkiosk/JobKiosk/jobs/jk-log-page.ui");
  gtk_widget_class_bind_template_child (widget_class, JkLogPage, name_entry);
  gtk_widget_class_bind_template_child (widget_class, JkLogPage, empty_label);
  gtk_widget_class_bind_template_child (widget_class, JkLogPage, entries_list);
  gtk_widget_class_bind_template_child (widget_class, JkLogPage, print_button);
  gtk_widget_class_bind_template_child (widget_class, JkLogPage, email_button);
  gtk_widget_class_bind_template_callback (widget_class, on_name_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_add_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_print_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_email_clicked);
}

static void
jk_log_page_init (JkLogPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  jk_page_set_main_action (JK_PAGE (self), self->print_button);
  jk_page_init_strings (JK_PAGE (self));
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

static JkPage *
create (const JkPageInfo   *info,
        const JkPageContext *context)
{
  JkLogPage *self = g_object_new (JK_TYPE_LOG_PAGE, "title", N_("My job-search log"), "prompt",
                                  N_("The employers you contacted in this visit. Add one, or print the log."), NULL);

  self->clock = g_object_ref (context->clock);
  self->print_flow = g_object_ref (context->print_flow);
  self->mail_flow = g_object_ref (context->mail_flow);
  return JK_PAGE (self);
}

const JkPageInfo jk_log_page_info = { "log", JK_PAGE_PRINTER_BADGE, create };

guint
jk_log_page_get_n_entries (JkLogPage *self)
{
  JkSession *session = jk_page_get_session (JK_PAGE (self));

  return session != NULL ? jk_visit_get_log (session)->len : 0;
}
