/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-program-page.c: a training program near the kiosk, or a list of them */

#define G_LOG_DOMAIN "jk-training"

#include <jobkiosk/jk-format.h>
#include <jobkiosk/jk-geo.h>
#include <jobkiosk/jk-i18n.h>
#include <math.h>

#include "print/jk-print-flow.h"
#include "widgets/jk-qr-code.h"
#include "jk-program-page.h"

struct _JkProgramPage
{
  JkPage parent_instance;

  GtkLabel *title_label;
  GtkScrolledWindow *scroller;
  GtkBox *content;
  GtkWidget *qr_box;
  JkQrCode *qr_code;
  GtkWidget *action_row;
  GtkWidget *print_button;

  JkStore *store;
  JkPrintFlow *print_flow;
  char *state;
  char *metro;
  JkTrainingQuery origin;
  JkTrainingProgram *program; /* the program shown, or NULL for a list */
  char *list;                 /* the list shown (a SOC code, "short"), or NULL */
  guint n_listed;
};

G_DEFINE_FINAL_TYPE (JkProgramPage, jk_program_page, JK_TYPE_PAGE)

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static char *
format_dollars (double dollars)
{
  g_autofree char *count = jk_format_count ((gint64) llround (dollars));

  return g_strdup_printf ("$%s", count);
}

/* "4 weeks · $650 · Certificate · In person · 7 miles" */
static char *
summary_line (const JkTrainingProgram *program)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (!isnan (program->weeks))
    g_ptr_array_add (parts, g_strdup_printf (jk_ngettext ("%.0f week", "%.0f weeks", (gulong) program->weeks),
                                             program->weeks));
  else if (!isnan (program->hours))
    g_ptr_array_add (parts, g_strdup_printf (jk_ngettext ("%.0f hour", "%.0f hours", (gulong) program->hours),
                                             program->hours));
  if (program->cost_cents == 0)
    g_ptr_array_add (parts, g_strdup (_("Free")));
  else if (program->cost_cents > 0)
    g_ptr_array_add (parts, format_dollars (program->cost_cents / 100.0));
  else
    g_ptr_array_add (parts, g_strdup (_("Cost not listed")));
  if (program->credential != NULL)
    g_ptr_array_add (parts, g_strdup (program->credential));
  if (program->mode != NULL)
    g_ptr_array_add (parts, g_strdup (program->mode));
  if (!isnan (program->distance_miles))
    g_ptr_array_add (parts, g_strdup_printf (jk_ngettext ("%.0f mile away", "%.0f miles away",
                                                          (gulong) MAX (1, llround (program->distance_miles))),
                                             MAX (1.0, round (program->distance_miles))));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

/* "96 of 100 finished · 91 of 100 had a job after" */
static char *
outcomes_line (const JkTrainingProgram *program)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (!isnan (program->completion_rate))
    g_ptr_array_add (parts, g_strdup_printf (_("%.0f of 100 finished"), program->completion_rate));
  if (!isnan (program->employment_rate))
    g_ptr_array_add (parts, g_strdup_printf (_("%.0f of 100 had a job after"), program->employment_rate));
  if (parts->len == 0)
    return g_strdup (_("No results reported yet"));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

static void
clear_content (JkProgramPage *self)
{
  GList *children = gtk_container_get_children (GTK_CONTAINER (self->content));

  for (GList *l = children; l != NULL; l = l->next)
    gtk_widget_destroy (l->data);
  g_list_free (children);
  g_clear_pointer (&self->program, jk_training_program_free);
  g_clear_pointer (&self->list, g_free);
  self->n_listed = 0;
  jk_qr_code_set_text (self->qr_code, NULL);
  gtk_widget_hide (self->qr_box);
  gtk_widget_hide (self->action_row);
}

static void
add_demo_line (JkProgramPage *self,
               gboolean       demo)
{
  if (demo)
    jk_page_add_label (self->content, _("Demo data: these programs are made up for the demo."), "source-line");
}

static gboolean
show_program (JkProgramPage *self,
              gint64         id)
{
  g_autoptr (GError) error = NULL;
  JkTrainingProgram *program = jk_training_get (self->store, id, &self->origin, &error);
  g_autoptr (GString) place = g_string_new (NULL);
  g_autofree char *summary = NULL;
  const JkTrainingProgram *p;

  if (program == NULL)
    {
      g_info ("program %" G_GINT64_FORMAT " not shown: %s", id, error->message);
      return FALSE;
    }
  clear_content (self);
  self->program = program;
  p = program;
  gtk_label_set_text (self->title_label, p->program);
  jk_page_add_label (self->content, p->provider, "section-title");
  if (p->address != NULL)
    g_string_append (place, p->address);
  if (p->city != NULL)
    g_string_append_printf (place, "%s%s", place->len > 0 ? ", " : "", p->city);
  if (p->state != NULL)
    g_string_append_printf (place, "%s%s", place->len > 0 ? ", " : "", p->state);
  if (p->postal_code != NULL)
    g_string_append_printf (place, " %s", p->postal_code);
  if (place->len > 0)
    jk_page_add_label (self->content, place->str, "body-text");
  if (p->phone != NULL)
    {
      g_autofree char *phone = g_strdup_printf (_("Phone: %s"), p->phone);
      jk_page_add_label (self->content, phone, "body-text");
    }
  summary = summary_line (p);
  jk_page_add_label (self->content, summary, "body-text");
  if (p->schedule != NULL)
    {
      g_autofree char *schedule = g_strdup_printf (_("Schedule: %s"), p->schedule);
      jk_page_add_label (self->content, schedule, "body-text");
    }

  jk_page_add_label (self->content, _("How people did"), "section-title");
  if (!isnan (p->completion_rate))
    {
      g_autofree char *text = g_strdup_printf (_("Out of every 100 people who started, %.0f finished."),
                                               p->completion_rate);
      jk_page_add_label (self->content, text, "body-text");
    }
  if (!isnan (p->employment_rate))
    {
      g_autofree char *text = g_strdup_printf (_("Out of every 100 who took part, %.0f had a job about six months "
                                                 "after."), p->employment_rate);
      jk_page_add_label (self->content, text, "body-text");
    }
  if (!isnan (p->median_earnings))
    {
      g_autofree char *money = format_dollars (p->median_earnings);
      g_autofree char *text = g_strdup_printf (_("Half of those with a job earned more than %s in three months, "
                                                 "half less."), money);
      jk_page_add_label (self->content, text, "body-text");
    }
  if (isnan (p->completion_rate) && isnan (p->employment_rate) && isnan (p->median_earnings))
    jk_page_add_label (self->content, _("The state's list does not give results for this program yet."), "body-text");
  /* What a visitor most needs to hear: said big, as on the printed sheet. */
  jk_page_add_label (self->content, _("WIOA may pay for this: ask staff about an Individual Training Account."),
                     "section-title");
  add_demo_line (self, p->demo);

  if (p->url != NULL && jk_qr_code_set_text (self->qr_code, p->url))
    gtk_widget_show (self->qr_box);
  gtk_widget_show (self->action_row);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  return TRUE;
}

static gboolean
show_list (JkProgramPage *self,
           const char    *what)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) programs = NULL;
  JkTrainingQuery query = self->origin;
  gboolean short_list = g_str_equal (what, "short");

  if (short_list)
    {
      JkLmiPlace place = { self->state, self->metro };
      programs = jk_training_short_programs (self->store, &place, &query, NULL, &error);
    }
  else
    {
      query.soc = what;
      programs = jk_training_search (self->store, &query, &error);
    }
  if (programs == NULL)
    {
      g_warning ("Training programs not read: %s", error->message);
      return FALSE;
    }
  clear_content (self);
  self->list = g_strdup (what);
  gtk_label_set_text (self->title_label, short_list ? _("Short programs that raise pay")
                                                    : _("Training for this job near you"));
  if (short_list)
    jk_page_add_label (self->content, _("Programs of 26 weeks or less for jobs that pay more here than half of the jobs "
                                        "that need no diploma."), "body-text");
  if (programs->len == 0)
    jk_page_add_label (self->content, _("No training programs found."), "body-text");
  for (guint i = 0; i < programs->len; i++)
    {
      const JkTrainingProgram *program = programs->pdata[i];

      if (short_list && program->occupation != NULL && !isnan (program->pay))
        {
          g_autofree char *pay = format_dollars (program->pay);
          g_autofree char *text = g_strdup_printf (_("For %s: %s a year here"), program->occupation, pay);
          jk_page_add_label (self->content, text, "source-line");
        }
      gtk_container_add (GTK_CONTAINER (self->content), jk_program_page_new_button (JK_PAGE (self), program));
    }
  self->n_listed = programs->len;
  jk_page_add_label (self->content, _("WIOA may pay for this: ask staff about an Individual Training Account."),
                     "outlook");
  add_demo_line (self, programs->len > 0 && ((JkTrainingProgram *) programs->pdata[0])->demo);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Signal callbacks                                                       */

static void
on_program_clicked (GtkButton *button,
                    JkPage    *page)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "jk-program-id"));

  jk_page_navigate (page, &jk_program_page_info, g_variant_new_int64 (id));
}

static void
on_print_clicked (JkProgramPage *self)
{
  if (self->program != NULL)
    jk_print_flow_show (self->print_flow, JK_PAGE (self), &jk_document_program_sheet, self->program);
}

/* ---------------------------------------------------------------------- */
/* Overrides                                                              */

static gboolean
jk_program_page_prepare (JkPage   *page,
                         GVariant *argument)
{
  JkProgramPage *self = JK_PROGRAM_PAGE (page);

  if (argument == NULL)
    return self->program != NULL || self->n_listed > 0;
  if (g_variant_is_of_type (argument, G_VARIANT_TYPE_INT64))
    return show_program (self, g_variant_get_int64 (argument));
  if (g_variant_is_of_type (argument, G_VARIANT_TYPE_STRING))
    return show_list (self, g_variant_get_string (argument, NULL));
  return FALSE;
}

static void
jk_program_page_enter (JkPage *page)
{
  JkProgramPage *self = JK_PROGRAM_PAGE (page);
  g_autofree char *summary = NULL;
  g_autofree char *outcomes = NULL;

  if (!jk_page_is_speaking (page))
    return;
  if (self->program == NULL)
    {
      g_autofree char *count = g_strdup_printf (jk_ngettext ("%u program", "%u programs", self->n_listed),
                                                self->n_listed);
      jk_page_say (page, count, JK_SPEAK_QUEUE);
      return;
    }
  summary = summary_line (self->program);
  outcomes = outcomes_line (self->program);
  jk_page_say (page, self->program->provider, JK_SPEAK_QUEUE);
  jk_page_say (page, summary, JK_SPEAK_QUEUE);
  jk_page_say (page, outcomes, JK_SPEAK_QUEUE);
  jk_page_say (page, _("WIOA may pay for this: ask staff about an Individual Training Account."), JK_SPEAK_QUEUE);
}

static void
jk_program_page_reset (JkPage *page)
{
  JkProgramPage *self = JK_PROGRAM_PAGE (page);

  JK_PAGE_CLASS (jk_program_page_parent_class)->reset (page);
  clear_content (self);
  gtk_label_set_text (self->title_label, "");
}

static void
jk_program_page_language_changed (JkPage *page)
{
  JkProgramPage *self = JK_PROGRAM_PAGE (page);

  JK_PAGE_CLASS (jk_program_page_parent_class)->language_changed (page);
  /* Shown again, so its words come in the new language. */
  if (self->program != NULL)
    show_program (self, self->program->id);
  else if (self->list != NULL)
    {
      g_autofree char *list = g_strdup (self->list);

      show_list (self, list);
    }
}

static void
jk_program_page_finalize (GObject *object)
{
  JkProgramPage *self = JK_PROGRAM_PAGE (object);

  g_clear_pointer (&self->program, jk_training_program_free);
  g_free (self->list);
  g_clear_object (&self->print_flow);
  g_free (self->state);
  g_free (self->metro);
  G_OBJECT_CLASS (jk_program_page_parent_class)->finalize (object);
}

static void
jk_program_page_class_init (JkProgramPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  JkPageClass *page_class = JK_PAGE_CLASS (klass);

  object_class->finalize = jk_program_page_finalize;
  page_class->prepare = jk_program_page_prepare;
  page_class->enter = jk_program_page_enter;
  page_class->reset = jk_program_page_reset;
  page_class->language_changed = jk_program_page_language_changed;

  g_type_ensure (JK_TYPE_QR_CODE);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/jobkiosk/JobKiosk/training/jk-program-page.ui");
  gtk_widget_class_bind_template_child (widget_class, JkProgramPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, JkProgramPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, JkProgramPage, content);
  gtk_widget_class_bind_template_child (widget_class, JkProgramPage, qr_box);
  gtk_widget_class_bind_template_child (widget_class, JkProgramPage, qr_code);
  gtk_widget_class_bind_template_child (widget_class, JkProgramPage, action_row);
  gtk_widget_class_bind_template_child (widget_class, JkProgramPage, print_button);
  gtk_widget_class_bind_template_callback (widget_class, on_print_clicked);
}

static void
jk_program_page_init (JkProgramPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  jk_page_init_strings (JK_PAGE (self));
  gtk_widget_set_no_show_all (self->qr_box, TRUE);
  gtk_widget_hide (self->qr_box);
  gtk_widget_set_no_show_all (self->action_row, TRUE);
  gtk_widget_hide (self->action_row);
  jk_page_set_main_action (JK_PAGE (self), self->print_button);
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

static JkPage *
create (const JkPageInfo    *info,
        const JkPageContext *context)
{
  JkProgramPage *self = g_object_new (JK_TYPE_PROGRAM_PAGE, "title", N_("Training"), "prompt",
                                      N_("Training near you: how long it takes, what it costs, and how people did."),
                                      NULL);

  self->store = context->store;
  self->print_flow = g_object_ref (context->print_flow);
  self->state = g_strdup (context->config->lmi_state);
  self->metro = g_strdup (context->config->lmi_metro);
  self->origin.has_origin = context->config->location != NULL &&
                            jk_geo_locate (context->store, context->config->location, &self->origin.latitude,
                                           &self->origin.longitude);
  return JK_PAGE (self);
}

const JkPageInfo jk_program_page_info = { "program", JK_PAGE_NO_KEYBOARD, create };

GtkWidget *
jk_program_page_new_button (JkPage                  *page,
                            const JkTrainingProgram *program)
{
  g_autofree char *summary = summary_line (program);
  g_autofree char *outcomes = outcomes_line (program);
  g_autofree char *text = g_strdup_printf ("%s — %s\n%s\n%s", program->program, program->provider, summary, outcomes);
  GtkWidget *button = gtk_button_new ();
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_line_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_show (label);
  gtk_container_add (GTK_CONTAINER (button), label);
  /* Room for its focus ring inside a scroller: more on the right, where
   * the scroll indicator is drawn over it. */
  gtk_widget_set_margin_start (button, 6);
  gtk_widget_set_margin_end (button, 14);
  atk_object_set_name (gtk_widget_get_accessible (button), text);
  g_object_set_data (G_OBJECT (button), "jk-program-id", GSIZE_TO_POINTER ((gsize) program->id));
  g_signal_connect (button, "clicked", G_CALLBACK (on_program_clicked), page);
  gtk_widget_show (button);
  return button;
}

gint64
jk_program_page_get_id (JkProgramPage *self)
{
  return self->program != NULL ? self->program->id : -1;
}

guint
jk_program_page_get_n_listed (JkProgramPage *self)
{
  return self->n_listed;
}
